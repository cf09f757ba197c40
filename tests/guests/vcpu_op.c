/*
 * vcpu_op queries on our own vCPU (xen/common/domain.c do_vcpu_op):
 * VCPUOP_is_up, VCPUOP_get_runstate_info, and -ENOENT for a vCPU that
 * does not exist.
 */
#include "guest.h"

DEFINE_TEST("vcpu_op", "VCPUOP_is_up and the runstate of vCPU 0");

void test_main(const struct hvm_start_info *si)
{
	struct vcpu_runstate_info r;

	(void)si;
	check_long(HYPERVISOR_vcpu_op(VCPUOP_is_up, 0, NULL), 1,
		   "VCPUOP_is_up vCPU 0");
	check_long(HYPERVISOR_vcpu_op(VCPUOP_is_up, 1000, NULL), -XEN_ENOENT,
		   "VCPUOP_is_up vCPU 1000");

	memset(&r, 0xaa, sizeof(r));
	if (check_long(HYPERVISOR_vcpu_op(VCPUOP_get_runstate_info, 0, &r), 0,
		       "VCPUOP_get_runstate_info vCPU 0")) {
		printf("runstate %d since %lu ns; running %lu, runnable %lu, "
		       "blocked %lu, offline %lu ns\n",
		       r.state, (unsigned long)r.state_entry_time,
		       (unsigned long)r.time[RUNSTATE_running],
		       (unsigned long)r.time[RUNSTATE_runnable],
		       (unsigned long)r.time[RUNSTATE_blocked],
		       (unsigned long)r.time[RUNSTATE_offline]);
		check_long(r.state, RUNSTATE_running,
			   "vCPU 0 sees itself running");
	}
	check_long(HYPERVISOR_vcpu_op(0x3f, 0, NULL), -XEN_ENOSYS,
		   "unknown vcpu_op 0x3f");
}
