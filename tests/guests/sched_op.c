/*
 * sched_op sub-ops that return to the caller (xen/common/sched/core.c
 * do_sched_op): SCHEDOP_yield gives up the CPU and returns 0.
 */
#include "guest.h"

DEFINE_TEST("sched_op", "SCHEDOP_yield returns 0 and the domain runs on");

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	for (unsigned int i = 0; i < 3; i++)
		check_long(HYPERVISOR_sched_op(SCHEDOP_yield, NULL), 0,
			   "SCHEDOP_yield #%u", i + 1);
}
