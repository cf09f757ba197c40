/*
 * Many hypercalls and events in a row: every one must still give the same
 * answer, with no leak or drift (the hypervisor keeps no state per call).
 */
#include "guest.h"

DEFINE_TEST("stress", "thousands of hypercalls and events in a row");

#define CALLBACK_VECTOR 0xf3
#define CALLS 20000
#define EVENTS 2000

static unsigned int hits;

static void count_event(evtchn_port_t port)
{
	(void)port;
	hits++;
}

void test_main(const struct hvm_start_info *si)
{
	struct evtchn_bind_ipi ipi = { .vcpu = 0 };
	struct evtchn_send send;
	unsigned int bad = 0;
	struct shared_info *s;
	long rc;

	(void)si;
	for (unsigned int i = 0; i < CALLS; i++)
		if (HYPERVISOR_xen_version(XENVER_version, NULL) !=
		    ((4 << 16) | 17))
			bad++;
	check(!bad, "%u XENVER_version calls, %u wrong", CALLS, bad);

	bad = 0;
	for (unsigned int i = 0; i < CALLS / 4; i++)
		if (HYPERVISOR_xen_version(0x7fff, NULL) != -XEN_ENOSYS ||
		    hypercall5(100, i, i, i, i, i) != -XEN_ENOSYS)
			bad++;
	check(!bad, "%u pairs of failing calls, %u wrong", CALLS / 4, bad);

	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	check_long(evtchn_init(s, CALLBACK_VECTOR), 0,
		   "HVM_PARAM_CALLBACK_IRQ = vector %#x", CALLBACK_VECTOR);
	if (!check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &ipi), 0,
			"EVTCHNOP_bind_ipi"))
		return;
	evtchn_set_handler(ipi.port, count_event);
	send.port = ipi.port;
	bad = 0;
	for (unsigned int i = 0; i < EVENTS; i++) {
		if (HYPERVISOR_event_channel_op(EVTCHNOP_send, &send))
			bad++;
		local_irq_enable();
		asm volatile("nop; nop" ::: "memory");
		local_irq_disable();
	}
	check(!bad && hits == EVENTS, "%u events sent, %u delivered, %u failed",
	      EVENTS, hits, bad);
}
