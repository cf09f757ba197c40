/*
 * An access to guest-physical 0xC0000000, which the hypervisor leaves out
 * of the guest's nested page tables (no RAM, no emulated device there).
 * The guest maps it in its own page tables (lib/head.S maps 0..4 GiB), so
 * the fault is a nested-paging one, and the domain must be crashed.
 *
 * The module command line picks the access: empty for a read, "write" or
 * "exec" (a call to the address).
 */
#include "guest.h"

DEFINE_TEST("unmapped", "access to unmapped guest-physical 0xC0000000");

void test_main(const struct hvm_start_info *si)
{
	const char *cmdline =
		si->cmdline_paddr
			? (const char *)(unsigned long)si->cmdline_paddr
			: "";
	volatile uint32_t *p = (volatile uint32_t *)0xc0000000UL;
	uint32_t v;

	if (!strcmp(cmdline, "write")) {
		printf("writing guest-physical %p\n", (void *)p);
		*p = 0x12345678;
		test_abort("write to unmapped guest-physical %p completed",
			   (void *)p);
	}
	if (!strcmp(cmdline, "exec")) {
		printf("executing at guest-physical %p\n", (void *)p);
		((void (*)(void))(unsigned long)p)();
		test_abort("call to unmapped guest-physical %p returned",
			   (void *)p);
	}
	printf("reading guest-physical %p\n", (void *)p);
	v = *p;
	test_abort("read of unmapped guest-physical %p returned %#x", (void *)p,
		   v);
}
