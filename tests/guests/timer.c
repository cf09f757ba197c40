/*
 * Time: the PV clock in shared_info advances, and a one-shot timer
 * (VCPUOP_set_singleshot_timer) raises VIRQ_TIMER at or after its deadline,
 * while a stopped one (VCPUOP_stop_singleshot_timer) raises nothing
 * (xen/common/domain.c do_vcpu_op, xen/common/event_channel.c).
 *
 * By default the guest waits for timers in "sti; hlt", as an idle kernel
 * does. With the command line "busy" it keeps running with interrupts on
 * instead: Xen's timers fire from the host's timer interrupt whatever the
 * vCPU does, and a deadline already past raises the event during the
 * hypercall itself.
 */
#include "guest.h"

DEFINE_TEST("timer", "PV clock and one-shot timers through VIRQ_TIMER");

#define CALLBACK_VECTOR 0xf3
#define MS 1000000ULL
/* Xen runs timers up to timer_slop (50 us by default) early. */
#define SLOP_NS 100000ULL

static volatile struct vcpu_info *vi;
static struct shared_info *s;
static evtchn_port_t timer_port;
static volatile unsigned int fired;
static uint64_t fired_at;
static bool busy;

static void on_timer(evtchn_port_t port)
{
	(void)port;
	fired++;
	fired_at = pvclock_read(&vi->time);
}

/*
 * Waits until `until` (PV clock) or, if stop_on_event, the next timer
 * event: halted or spinning with interrupts on, as the mode says.
 */
static void wait_until(uint64_t until, bool stop_on_event)
{
	unsigned int before = fired;

	if (busy)
		local_irq_enable();
	while (pvclock_read(&vi->time) < until &&
	       !(stop_on_event && fired != before)) {
		if (busy)
			asm volatile("pause" ::: "memory");
		else
			safe_halt(); /* checks run with interrupts off */
	}
	local_irq_disable();
}

static long set_timer(unsigned int vcpu, uint64_t deadline)
{
	struct vcpu_set_singleshot_timer t = { .timeout_abs_ns = deadline };

	return HYPERVISOR_vcpu_op(VCPUOP_set_singleshot_timer, vcpu, &t);
}

static bool timer_pending(void)
{
	return s->evtchn_pending[timer_port / 64] >> (timer_port % 64) & 1;
}

static void test_clock(void)
{
	uint64_t t0, t1;

	t0 = pvclock_read(&vi->time);
	for (volatile unsigned int i = 0; i < 100000; i++)
		;
	t1 = pvclock_read(&vi->time);
	printf("PV clock: %lu ns, then %lu ns (mul %u, shift %d)\n",
	       (unsigned long)t0, (unsigned long)t1, vi->time.tsc_to_system_mul,
	       vi->time.tsc_shift);
	check(t0 > 0 && t1 > t0, "the PV clock runs");
	check(s->wc_version % 2 == 0 && s->wc_sec > 1600000000,
	      "wallclock %u s (version %u) is after 2020", s->wc_sec,
	      s->wc_version);
}

static void test_timers(void)
{
	uint64_t deadline;

	deadline = pvclock_read(&vi->time) + 20 * MS;
	check_long(set_timer(0, deadline), 0, "one-shot timer 20 ms ahead");
	wait_until(deadline + 2000 * MS, true);
	if (check(fired == 1, "VIRQ_TIMER fired (%u)", fired))
		check(fired_at + SLOP_NS >= deadline,
		      "not before its deadline (%ld ns after it)",
		      (long)(fired_at - deadline));

	deadline = pvclock_read(&vi->time) + 10 * MS;
	check_long(set_timer(0, deadline), 0, "another timer 10 ms ahead");
	check_long(HYPERVISOR_vcpu_op(VCPUOP_stop_singleshot_timer, 0, NULL), 0,
		   "VCPUOP_stop_singleshot_timer");
	if (busy) {
		wait_until(deadline + 50 * MS, false);
	} else {
		/* Nothing else would wake a halt: re-arm well after it. */
		uint64_t wake = deadline + 50 * MS;

		check_long(set_timer(0, wake), 0, "wake-up timer");
		wait_until(wake, true);
		fired--;
	}
	check(fired == 1, "a stopped timer does not fire (%u)", fired);

	check_long(set_timer(0, pvclock_read(&vi->time) - MS), 0,
		   "timer with a deadline in the past");
	if (busy)
		check(timer_pending(),
		      "its event is pending when the hypercall returns");
	wait_until(pvclock_read(&vi->time) + 1000 * MS, true);
	check(fired == 2, "a past deadline fires at once (%u)", fired);

	check_long(set_timer(1000, 0), -XEN_ENOENT,
		   "one-shot timer on vCPU 1000, which does not exist");
}

void test_main(const struct hvm_start_info *si)
{
	struct evtchn_bind_virq bind = { .virq = VIRQ_TIMER, .vcpu = 0 };
	long rc;

	busy = si->cmdline_paddr &&
	       !strcmp((const char *)(unsigned long)si->cmdline_paddr, "busy");
	printf("waiting for timers %s\n",
	       busy ? "busy, interrupts on" : "in sti; hlt");
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	vi = &s->vcpu_info[0];
	check_long(evtchn_init(s, CALLBACK_VECTOR), 0,
		   "HVM_PARAM_CALLBACK_IRQ = vector %#x", CALLBACK_VECTOR);
	test_clock();
	if (!check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_virq, &bind),
			0, "EVTCHNOP_bind_virq VIRQ_TIMER"))
		return;
	timer_port = bind.port;
	evtchn_set_handler(timer_port, on_timer);
	test_timers();
}
