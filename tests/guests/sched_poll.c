/*
 * SCHEDOP_poll (xen/common/sched/core.c do_poll): returns at once when a
 * polled port is already pending, otherwise blocks until one is or until
 * the absolute timeout; at most 128 ports, each below the domain's limit.
 */
#include "guest.h"

DEFINE_TEST("sched_poll", "SCHEDOP_poll on event-channel ports");

#define MS 1000000ULL
#define SLOP_NS 100000ULL

static long poll(evtchn_port_t *ports, unsigned int n, uint64_t timeout)
{
	struct sched_poll p = { .nr_ports = n, .timeout = timeout };

	set_xen_guest_handle(p.ports, ports);
	return HYPERVISOR_sched_op(SCHEDOP_poll, &p);
}

void test_main(const struct hvm_start_info *si)
{
	struct evtchn_bind_ipi a = { .vcpu = 0 }, b = { .vcpu = 0 };
	struct evtchn_send send;
	volatile struct vcpu_info *vi;
	struct shared_info *s;
	evtchn_port_t ports[2], many[129];
	uint64_t t0, t1;
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	vi = &s->vcpu_info[0];
	if (!check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &a), 0,
			"bind IPI port A") ||
	    !check_long(HYPERVISOR_event_channel_op(EVTCHNOP_bind_ipi, &b), 0,
			"bind IPI port B"))
		return;
	ports[0] = a.port;
	ports[1] = b.port;

	/* No callback is set up: events just stay pending in shared_info. */
	send.port = b.port;
	check_long(HYPERVISOR_event_channel_op(EVTCHNOP_send, &send), 0,
		   "send on port B (%u)", b.port);
	t0 = pvclock_read(&vi->time);
	rc = poll(ports, 2, t0 + 1000 * MS);
	t1 = pvclock_read(&vi->time);
	check(rc == 0 && t1 - t0 < 500 * MS,
	      "poll on A and B returns at once, B being pending (rc %ld, "
	      "%lu ns)",
	      rc, (unsigned long)(t1 - t0));

	/* Nothing pending any more: the next poll has to wait. */
	__atomic_fetch_and(&s->evtchn_pending[b.port / 64],
			   ~(1UL << (b.port % 64)), __ATOMIC_SEQ_CST);
	vi->evtchn_pending_sel = 0;
	vi->evtchn_upcall_pending = 0;
	t0 = pvclock_read(&vi->time);
	rc = poll(ports, 1, t0 + 20 * MS);
	t1 = pvclock_read(&vi->time);
	check(rc == 0 && t1 + SLOP_NS >= t0 + 20 * MS,
	      "poll on A alone waits for its 20 ms timeout (rc %ld, %lu ns)",
	      rc, (unsigned long)(t1 - t0));

	for (unsigned int i = 0; i < ARRAY_SIZE(many); i++)
		many[i] = a.port;
	check_long(poll(many, 129, 0), -XEN_EINVAL, "poll on 129 ports");
	ports[1] = EVTCHN_2L_NR_CHANNELS;
	check_long(poll(ports, 2, pvclock_read(&vi->time) + 1000 * MS),
		   -XEN_EINVAL, "poll including port %u", ports[1]);
	check_long(poll((void *)0x100000000000UL, 2, 0), -XEN_EFAULT,
		   "poll with an unmapped port list");
}
