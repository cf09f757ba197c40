/*
 * Hypercall arguments pointing at memory the guest cannot supply: Xen's
 * copy_{from,to}_guest fails and the hypercall returns -EFAULT, and the
 * domain carries on. The guest's page tables map only 0..4 GiB (with 48-bit
 * linear addresses, 0xdead000000000 is not even canonical); guest-physical
 * 0xC0000000 is mapped by the guest but backed by nothing in the
 * hypervisor.
 */
#include "guest.h"

DEFINE_TEST("badptr", "bad guest pointers in hypercalls give -EFAULT");

static const struct {
	unsigned long va;
	const char *what;
} bad[] = {
	{ 0xdead000000000UL, "non-canonical address" },
	{ 0x100000000000UL, "unmapped lower-half address" },
	{ 0xffff800000000000UL, "unmapped upper-half address" },
	{ 0xc0000000UL, "address backed by no guest memory" },
};

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	for (unsigned int i = 0; i < ARRAY_SIZE(bad); i++) {
		void *p = (void *)bad[i].va;
		long rc;

		rc = HYPERVISOR_console_io(CONSOLEIO_write, 16, p);
		check_long(rc, -XEN_EFAULT, "console_io write from %#lx (%s)",
			   bad[i].va, bad[i].what);

		rc = HYPERVISOR_xen_version(XENVER_extraversion, p);
		check_long(rc, -XEN_EFAULT, "XENVER_extraversion to %#lx",
			   bad[i].va);

		rc = HYPERVISOR_xen_version(XENVER_get_features, p);
		check_long(rc, -XEN_EFAULT, "XENVER_get_features at %#lx",
			   bad[i].va);

		rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, p);
		check_long(rc, -XEN_EFAULT, "SCHEDOP_shutdown with %#lx",
			   bad[i].va);

		check(true, "domain still running after bad pointer %#lx",
		      bad[i].va);
	}
}
