/*
 * Hypercalls and sub-ops Xen does not implement return -ENOSYS: numbers
 * beyond the HVM hypercall table or without a handler
 * (xen/arch/x86/hvm/hypercall.c uses all 64 bits of RAX in 64-bit mode),
 * an unknown console_io command (drivers/char/console.c do_console_io) and
 * an unknown sched_op command (common/sched/core.c do_sched_op).
 */
#include "guest.h"

DEFINE_TEST("unknown_hypercall", "unknown hypercalls and sub-ops: -ENOSYS");

static const unsigned long numbers[] = {
	63,
	100,
	0xffffffffUL,
	/* Upper half of RAX set over a valid number (xen_version). */
	0x100000000UL | __HYPERVISOR_xen_version,
};

void test_main(const struct hvm_start_info *si)
{
	long rc;

	(void)si;
	for (unsigned int i = 0; i < ARRAY_SIZE(numbers); i++) {
		rc = hypercall5(numbers[i], 0, 0, 0, 0, 0);
		check_long(rc, -XEN_ENOSYS, "hypercall %#lx", numbers[i]);
	}

	rc = HYPERVISOR_console_io(0xdead, 0, NULL);
	check_long(rc, -XEN_ENOSYS, "console_io unknown cmd 0xdead");

	rc = HYPERVISOR_sched_op(0x7fff, NULL);
	check_long(rc, -XEN_ENOSYS, "sched_op unknown cmd 0x7fff");

	check(true, "domain still running");
}
