/*
 * VCPUOP_register_runstate_memory_area (xen/common/domain.c): the area is
 * filled in at once for the calling vCPU, which finds itself running;
 * state_entry_time is a past system time, the time spent in the states
 * adds up to no more than the system time, and nothing goes backwards.
 */
#include "guest.h"

DEFINE_TEST("runstate", "VCPUOP_register_runstate_memory_area");

void test_main(const struct hvm_start_info *si)
{
	static volatile struct vcpu_runstate_info area;
	struct vcpu_register_runstate_memory_area r;
	struct shared_info *s;
	uint64_t first_entry, total;
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	memset((void *)&area, 0xaa, sizeof(area));
	r.addr.p = (uint64_t)(unsigned long)&area;
	if (!check_long(HYPERVISOR_vcpu_op(VCPUOP_register_runstate_memory_area,
					   0, &r),
			0, "register the runstate area"))
		return;
	check_long(area.state, RUNSTATE_running, "the area says running");
	first_entry = area.state_entry_time;
	total = area.time[0] + area.time[1] + area.time[2] + area.time[3];
	printf("entered state at %lu ns; running %lu, runnable %lu, blocked "
	       "%lu, offline %lu ns\n",
	       (unsigned long)first_entry, (unsigned long)area.time[0],
	       (unsigned long)area.time[1], (unsigned long)area.time[2],
	       (unsigned long)area.time[3]);
	check(first_entry != 0xaaaaaaaaaaaaaaaaULL &&
		      first_entry <= pvclock_read(&s->vcpu_info[0].time),
	      "state_entry_time is a past system time");
	check(total <= pvclock_read(&s->vcpu_info[0].time),
	      "the times add up to no more than the system time");

	/* Blocking and waking again must be accounted. */
	for (int i = 0; i < 3; i++)
		HYPERVISOR_sched_op(SCHEDOP_yield, NULL);
	check(area.state == RUNSTATE_running &&
		      area.state_entry_time >= first_entry,
	      "still running after yields, entry time did not go back");
}
