/*
 * SCHEDOP_block (xen/common/sched/core.c vcpu_block): the vCPU sleeps
 * until an event is pending for it, here a one-shot timer; with
 * interrupts off the event waits in shared_info and is delivered at the
 * next STI.
 */
#include "guest.h"

DEFINE_TEST("sched_block", "SCHEDOP_block until a timer event");

#define CALLBACK_VECTOR 0xf3
#define MS 1000000ULL
#define SLOP_NS 100000ULL

static unsigned int fired;

static void on_timer(evtchn_port_t port)
{
	(void)port;
	fired++;
}

void test_main(const struct hvm_start_info *si)
{
	struct evtchn_bind_virq bind = { .virq = VIRQ_TIMER, .vcpu = 0 };
	struct vcpu_set_singleshot_timer t;
	volatile struct vcpu_info *vi;
	struct shared_info *s;
	uint64_t t0, t1;
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	vi = &s->vcpu_info[0];
	check_long(evtchn_init(s, CALLBACK_VECTOR), 0,
		   "HVM_PARAM_CALLBACK_IRQ = vector %#x", CALLBACK_VECTOR);
	if (!check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bind),
			0, "bind VIRQ_TIMER"))
		return;
	evtchn_set_handler(bind.port, on_timer);

	t0 = pvclock_read(&vi->time);
	t.timeout_abs_ns = t0 + 20 * MS;
	t.flags = 0;
	check_long(HYPERVISOR_vcpu_op(VCPUOP_set_singleshot_timer, 0, &t), 0,
		   "one-shot timer 20 ms ahead");
	rc = HYPERVISOR_sched_op(SCHEDOP_block, NULL);
	t1 = pvclock_read(&vi->time);
	check(rc == 0 && t1 + SLOP_NS >= t0 + 20 * MS,
	      "SCHEDOP_block returns once the timer fired (rc %ld, %lu ns)", rc,
	      (unsigned long)(t1 - t0));
	check(vi->evtchn_upcall_pending && fired == 0,
	      "the event is pending, not yet delivered (interrupts are off)");
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
	check(fired == 1, "delivered after STI (%u)", fired);
}
