/*
 * Waking from "sti; hlt": an event that is pending when the guest halts,
 * or that arrives while it is halted, is delivered before the instruction
 * after HLT runs. STI's interrupt shadow covers HLT only: once the
 * hypervisor has completed HLT for the guest it must drop the shadow
 * (Xen: __update_guest_eip clears the VMCB interrupt shadow), or the
 * next instruction, here CLI as in any idle loop, runs first and the
 * event waits for the next halt.
 */
#include "guest.h"

DEFINE_TEST("hlt_wake", "events are delivered when sti; hlt wakes up");

#define CALLBACK_VECTOR 0xf3
#define MS 1000000ULL

static volatile unsigned int ipis, timers;

static void on_ipi(evtchn_port_t port)
{
	(void)port;
	ipis++;
}

static void on_timer(evtchn_port_t port)
{
	(void)port;
	timers++;
}

void test_main(const struct hvm_start_info *si)
{
	struct evtchn_bind_ipi ipi = { .vcpu = 0 };
	struct evtchn_bind_virq virq = { .virq = VIRQ_TIMER, .vcpu = 0 };
	struct vcpu_set_singleshot_timer t = { 0 };
	struct evtchn_send send;
	volatile struct vcpu_info *vi;
	struct shared_info *s;
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	vi = &s->vcpu_info[0];
	check_long(evtchn_init(s, CALLBACK_VECTOR), 0,
		   "HVM_PARAM_CALLBACK_IRQ = vector %#x", CALLBACK_VECTOR);
	if (!check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &ipi), 0,
			"bind an IPI") ||
	    !check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &virq),
			0, "bind VIRQ_TIMER"))
		return;
	evtchn_set_handler(ipi.port, on_ipi);
	evtchn_set_handler(virq.port, on_timer);

	/* Pending before the halt: HLT must not sleep, the event comes. */
	send.port = ipi.port;
	check_long(HYPERVISOR_event_channel_op(EVTCHNOP_send, &send), 0,
		   "send an IPI with interrupts off");
	safe_halt();
	check(ipis == 1, "sti; hlt; cli took the pending event (%u)", ipis);

	/* Arriving while halted: the wake-up delivers it. */
	t.timeout_abs_ns = pvclock_read(&vi->time) + 10 * MS;
	check_long(HYPERVISOR_vcpu_op(VCPUOP_set_singleshot_timer, 0, &t), 0,
		   "one-shot timer 10 ms ahead");
	safe_halt();
	check(timers == 1, "sti; hlt; cli woke up with the timer event (%u)",
	      timers);
}
