/*
 * Many event channels at once: 150 IPI ports cover three words of the
 * 2-level pending bitmap, so the selector has three bits to set and the
 * callback three words to scan (xen/common/event_2l.c). Each event must
 * arrive exactly once.
 */
#include "guest.h"

DEFINE_TEST("evtchn_many", "150 event channels, three selector words");

#define CALLBACK_VECTOR 0xf3
#define NR 150

static evtchn_port_t ports[NR];
static unsigned int hits[NR + 1];
static evtchn_port_t lowest = ~0u;

static void count_event(evtchn_port_t port)
{
	if (port >= lowest && port - lowest < NR)
		hits[port - lowest]++;
	else
		hits[NR]++;
}

void test_main(const struct hvm_start_info *si)
{
	volatile struct vcpu_info *vi;
	struct shared_info *s;
	unsigned int wrong = 0, pending = 0;
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	vi = &s->vcpu_info[0];
	check_long(evtchn_init(s, CALLBACK_VECTOR), 0,
		   "HVM_PARAM_CALLBACK_IRQ = vector %#x", CALLBACK_VECTOR);

	for (unsigned int i = 0; i < NR; i++) {
		struct evtchn_bind_ipi b = { .vcpu = 0 };

		if (HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &b)) {
			test_fail("bind_ipi number %u failed", i);
			return;
		}
		ports[i] = b.port;
		if (b.port < lowest)
			lowest = b.port;
		evtchn_set_handler(b.port, count_event);
	}
	check(ports[NR - 1] - lowest == NR - 1, "%u ports bound, %u to %u", NR,
	      lowest, ports[NR - 1]);

	for (unsigned int i = 0; i < NR; i++) {
		struct evtchn_send snd = { .port = ports[i] };

		if (HYPERVISOR_event_channel_op(EVTCHNOP_send, &snd))
			wrong++;
	}
	check(!wrong, "%u sends, %u failed", NR, wrong);
	for (unsigned int i = 0; i < NR; i++)
		pending += s->evtchn_pending[ports[i] / 64] >> (ports[i] % 64) &
			   1;
	check(pending == NR, "%u of %u ports pending", pending, NR);
	check(vi->evtchn_pending_sel == ((1UL << (ports[NR - 1] / 64 + 1)) -
					 (1UL << (lowest / 64))),
	      "selector %#lx has one bit per word in use",
	      (unsigned long)vi->evtchn_pending_sel);

	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
	wrong = 0;
	for (unsigned int i = 0; i < NR; i++)
		if (hits[i] != 1)
			wrong++;
	check(!wrong && !hits[NR],
	      "every event delivered exactly once (%u wrong, %u strays)", wrong,
	      hits[NR]);
}
