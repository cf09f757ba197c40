/*
 * The PV clock (vcpu_time_info in shared_info, Xen's
 * xen/arch/x86/time.c) never goes backwards: not across many reads, and
 * not across the vCPU blocking and waking again, when the hypervisor may
 * refresh the record. Its rate matches the TSC frequency it implies.
 */
#include "guest.h"

DEFINE_TEST("pvclock", "the PV clock is monotonic and runs at TSC speed");

#define CALLBACK_VECTOR 0xf3
#define MS 1000000ULL

static volatile unsigned int fired;

static void on_timer(evtchn_port_t port)
{
	(void)port;
	fired++;
}

void test_main(const struct hvm_start_info *si)
{
	struct evtchn_bind_virq bind = { .virq = VIRQ_TIMER, .vcpu = 0 };
	volatile struct vcpu_info *vi;
	struct shared_info *s;
	uint64_t prev, now, back = 0, t0, tsc0, t1, tsc1;
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

	prev = pvclock_read(&vi->time);
	for (unsigned int i = 0; i < 200000; i++) {
		now = pvclock_read(&vi->time);
		if (now < prev)
			back++;
		prev = now;
	}
	check(!back, "200000 reads in a row never go back (%lu did)",
	      (unsigned long)back);

	t0 = pvclock_read(&vi->time);
	tsc0 = rdtsc();
	for (unsigned int i = 0; i < 5; i++) {
		struct vcpu_set_singleshot_timer t = {
			.timeout_abs_ns = pvclock_read(&vi->time) + 10 * MS,
		};
		unsigned int before = fired;

		prev = pvclock_read(&vi->time);
		HYPERVISOR_vcpu_op(VCPUOP_set_singleshot_timer, 0, &t);
		while (fired == before &&
		       pvclock_read(&vi->time) < prev + 1000 * MS)
			safe_halt();
		now = pvclock_read(&vi->time);
		if (now < prev)
			back++;
	}
	t1 = pvclock_read(&vi->time);
	tsc1 = rdtsc();
	check(fired == 5, "5 timer wake-ups (%u)", fired);
	check(!back, "no step back across 5 sleeps (%lu did)",
	      (unsigned long)back);
	check(t1 - t0 >= 50 * MS, "5 sleeps of 10 ms took %lu ns",
	      (unsigned long)(t1 - t0));
	{
		/* ns per TSC tick implied by the record, against what passed. */
		uint64_t mul = vi->time.tsc_to_system_mul;
		int shift = vi->time.tsc_shift;
		uint64_t ticks = tsc1 - tsc0;
		uint64_t expect =
			(uint64_t)(((unsigned __int128)(shift >= 0
								? ticks << shift
								: ticks >>
									  -shift) *
				    mul) >>
				   32);
		uint64_t got = t1 - t0;
		uint64_t diff = got > expect ? got - expect : expect - got;

		check(diff <= expect / 100 + 100000,
		      "the clock advanced %lu ns for %lu TSC ticks (scale "
		      "says %lu ns)",
		      (unsigned long)got, (unsigned long)ticks,
		      (unsigned long)expect);
	}
}
