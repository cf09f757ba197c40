/*
 * A read from guest-physical 0xC0000000, which the hypervisor leaves out of
 * the guest's nested page tables (no RAM, no emulated device there). The
 * guest maps it in its own page tables (lib/head.S maps 0..4 GiB), so the
 * fault is a nested-paging one, and the domain must be crashed.
 */
#include "guest.h"

DEFINE_TEST("unmapped", "read from unmapped guest-physical 0xC0000000");

void test_main(const struct hvm_start_info *si)
{
	volatile uint32_t *p = (volatile uint32_t *)0xc0000000UL;
	uint32_t v;

	(void)si;
	printf("reading guest-physical %p\n", (void *)p);
	v = *p;
	test_abort("read of unmapped guest-physical %p returned %#x", (void *)p,
		   v);
}
