/*
 * Event channels, 2-level ABI, delivered through the HVM callback vector
 * as a PVH Linux uses them (xen/common/event_channel.c, event_2l.c;
 * xen/arch/x86/hvm/irq.c): an IPI channel to ourselves, the pending, mask
 * and selector bits in shared_info, EVTCHNOP_unmask re-raising a pending
 * event, and the error codes for closed and bad ports.
 */
#include "guest.h"

DEFINE_TEST("evtchn", "event channels through the callback vector");

#define CALLBACK_VECTOR 0xf3

static unsigned int hits[8];
static evtchn_port_t ports[8];

static void count_event(evtchn_port_t port)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(ports); i++)
		if (ports[i] == port)
			hits[i]++;
}

static bool port_bit(const volatile xen_ulong_t *words, evtchn_port_t port)
{
	return words[port / 64] >> (port % 64) & 1;
}

static long bind_ipi(evtchn_port_t *port)
{
	struct evtchn_bind_ipi op = { .vcpu = 0 };
	long rc = HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &op);

	*port = op.port;
	return rc;
}

static long send(evtchn_port_t port)
{
	struct evtchn_send op = { .port = port };

	return HYPERVISOR_event_channel_op(EVTCHNOP_send, &op);
}

/* Lets a pending callback in: STI's shadow covers one instruction. */
static void open_irq_window(void)
{
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
}

void test_main(const struct hvm_start_info *si)
{
	struct shared_info *s;
	volatile struct vcpu_info *vi;
	struct evtchn_close close;
	struct evtchn_unmask unmask;
	evtchn_port_t p;
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	vi = &s->vcpu_info[0];
	check_long(evtchn_init(s, CALLBACK_VECTOR), 0,
		   "HVM_PARAM_CALLBACK_IRQ = vector %#x", CALLBACK_VECTOR);

	/* An IPI channel to ourselves; send with interrupts off. */
	if (!check_long(bind_ipi(&ports[0]), 0, "EVTCHNOP_bind_ipi"))
		return;
	p = ports[0];
	check(p != 0, "bound port %u (port 0 is never handed out)", p);
	evtchn_set_handler(p, count_event);
	check_long(send(p), 0, "EVTCHNOP_send on port %u", p);
	check(port_bit(s->evtchn_pending, p), "port %u pending in shared_info",
	      p);
	check(vi->evtchn_upcall_pending &&
		      (vi->evtchn_pending_sel >> (p / 64) & 1),
	      "vCPU 0 upcall pending (%u), selector bit set (%#lx)",
	      vi->evtchn_upcall_pending, (unsigned long)vi->evtchn_pending_sel);
	check(hits[0] == 0, "no callback while interrupts are off");
	open_irq_window();
	check(hits[0] == 1 && evtchn_callbacks() == 1,
	      "one callback for the event once interrupts are on (%u, %u)",
	      hits[0], evtchn_callbacks());
	check(!port_bit(s->evtchn_pending, p) && !vi->evtchn_upcall_pending,
	      "nothing pending after the callback");

	/* A masked port: the event stays pending until unmasked. */
	if (!check_long(bind_ipi(&ports[1]), 0, "second EVTCHNOP_bind_ipi"))
		return;
	p = ports[1];
	evtchn_set_handler(p, count_event);
	__atomic_fetch_or(&s->evtchn_mask[p / 64], 1UL << (p % 64),
			  __ATOMIC_SEQ_CST);
	check_long(send(p), 0, "EVTCHNOP_send on masked port %u", p);
	check(port_bit(s->evtchn_pending, p) && !vi->evtchn_upcall_pending,
	      "masked port: pending bit set, no upcall (%u)",
	      vi->evtchn_upcall_pending);
	open_irq_window();
	check(hits[1] == 0, "no callback for a masked port");
	unmask.port = p;
	check_long(HYPERVISOR_event_channel_op(EVTCHNOP_unmask, &unmask), 0,
		   "EVTCHNOP_unmask port %u", p);
	check(!port_bit(s->evtchn_mask, p) && vi->evtchn_upcall_pending,
	      "unmask clears the mask and raises the upcall");
	open_irq_window();
	check(hits[1] == 1, "the event arrives after unmasking (%u)", hits[1]);

	/* Closed and never-allocated ports. */
	close.port = ports[0];
	check_long(HYPERVISOR_event_channel_op(EVTCHNOP_close, &close), 0,
		   "EVTCHNOP_close port %u", ports[0]);
	check_long(send(ports[0]), -XEN_EINVAL, "send on closed port %u",
		   ports[0]);
	check_long(send(EVTCHN_2L_NR_CHANNELS), -XEN_EINVAL,
		   "send on port %lu (beyond the 2-level limit)",
		   (unsigned long)EVTCHN_2L_NR_CHANNELS);
	close.port = EVTCHN_2L_NR_CHANNELS + 5;
	check_long(HYPERVISOR_event_channel_op(EVTCHNOP_close, &close),
		   -XEN_EINVAL, "close of port %u", close.port);
	check_long(HYPERVISOR_event_channel_op(99, NULL), -XEN_ENOSYS,
		   "unknown event_channel_op 99");
	check(hits[0] == 1 && hits[1] == 1, "no stray events (%u, %u)", hits[0],
	      hits[1]);
}
