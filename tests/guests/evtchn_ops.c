/*
 * Event-channel bookkeeping (xen/common/event_channel.c): an unbound port
 * and an interdomain loopback to ourselves (as dom0's xenstore channel
 * starts out), EVTCHNOP_status for each kind of port, sends in both
 * directions, closing one end, and the errors of bind_virq.
 */
#include "guest.h"

DEFINE_TEST("evtchn_ops", "unbound/interdomain ports, status, bind_virq");

static struct shared_info *s;

static bool pending(evtchn_port_t p)
{
	return s->evtchn_pending[p / 64] >> (p % 64) & 1;
}

static void clear_pending(evtchn_port_t p)
{
	__atomic_fetch_and(&s->evtchn_pending[p / 64], ~(1UL << (p % 64)),
			   __ATOMIC_SEQ_CST);
}

static long op(unsigned int cmd, void *arg)
{
	return HYPERVISOR_event_channel_op(cmd, arg);
}

static long send(evtchn_port_t p)
{
	struct evtchn_send a = { .port = p };

	return op(EVTCHNOP_send, &a);
}

static struct evtchn_status status(evtchn_port_t p, long *rc)
{
	struct evtchn_status st = { .dom = DOMID_SELF, .port = p };

	memset(&st.status, 0xaa,
	       sizeof(st) - __builtin_offsetof(struct evtchn_status, status));
	*rc = op(EVTCHNOP_status, &st);
	return st;
}

static void test_interdomain(void)
{
	struct evtchn_alloc_unbound au = { .dom = DOMID_SELF,
					   .remote_dom = DOMID_SELF };
	struct evtchn_bind_interdomain bi = { .remote_dom = DOMID_SELF };
	struct evtchn_close cl;
	struct evtchn_status st;
	evtchn_port_t a, b;
	long rc;

	if (!check_long(op(EVTCHNOP_alloc_unbound, &au), 0,
			"EVTCHNOP_alloc_unbound for ourselves"))
		return;
	a = au.port;
	st = status(a, &rc);
	check(rc == 0 && st.status == EVTCHNSTAT_unbound &&
		      st.u.unbound.dom == 0,
	      "port %u is unbound, for domain 0 (rc %ld, status %u, dom %u)", a,
	      rc, st.status, st.u.unbound.dom);
	check_long(send(a), 0, "send on an unbound port is dropped");
	check(!pending(a), "and raises nothing");

	bi.remote_port = a;
	if (!check_long(op(EVTCHNOP_bind_interdomain, &bi), 0,
			"EVTCHNOP_bind_interdomain to our port %u", a))
		return;
	b = bi.local_port;
	check(b != a, "the other end is port %u", b);
	st = status(a, &rc);
	check(rc == 0 && st.status == EVTCHNSTAT_interdomain &&
		      st.u.interdomain.dom == 0 && st.u.interdomain.port == b,
	      "port %u: interdomain to domain 0 port %u (rc %ld, status %u, "
	      "%u:%u)",
	      a, b, rc, st.status, st.u.interdomain.dom, st.u.interdomain.port);

	/* Xen flags the new local end, in case the remote end was notified
	 * while unbound. */
	check(pending(b) && !pending(a),
	      "binding raises the new port %u (%d), not port %u (%d)", b,
	      pending(b), a, pending(a));
	clear_pending(b);

	check_long(send(b), 0, "send on port %u", b);
	check(pending(a) && !pending(b), "raises port %u, not port %u", a, b);
	clear_pending(a);
	check_long(send(a), 0, "send on port %u", a);
	check(pending(b) && !pending(a), "raises port %u, not port %u", b, a);
	clear_pending(b);

	cl.port = b;
	check_long(op(EVTCHNOP_close, &cl), 0, "close port %u", b);
	st = status(a, &rc);
	check(rc == 0 && st.status == EVTCHNSTAT_unbound,
	      "port %u is unbound again (status %u)", a, st.status);
	st = status(b, &rc);
	check(rc == 0 && st.status == EVTCHNSTAT_closed,
	      "port %u is closed (status %u)", b, st.status);
	cl.port = a;
	check_long(op(EVTCHNOP_close, &cl), 0, "close port %u", a);
}

static void test_virq_ipi(void)
{
	struct evtchn_bind_virq bv = { .virq = VIRQ_TIMER, .vcpu = 0 };
	struct evtchn_bind_ipi bi = { .vcpu = 0 };
	struct evtchn_status st;
	long rc;

	if (check_long(op(EVTCHNOP_bind_virq, &bv), 0,
		       "bind VIRQ_TIMER on vCPU 0")) {
		st = status(bv.port, &rc);
		check(rc == 0 && st.status == EVTCHNSTAT_virq &&
			      st.u.virq == VIRQ_TIMER && st.vcpu == 0,
		      "its status is virq %u on vCPU %u (status %u)", st.u.virq,
		      st.vcpu, st.status);
	}
	check_long(op(EVTCHNOP_bind_virq, &bv), -XEN_EEXIST,
		   "binding VIRQ_TIMER a second time");
	bv.virq = NR_VIRQS;
	check_long(op(EVTCHNOP_bind_virq, &bv), -XEN_EINVAL,
		   "binding virq %u (NR_VIRQS)", NR_VIRQS);
	bv.virq = VIRQ_DOM_EXC;
	bv.vcpu = 1;
	check_long(op(EVTCHNOP_bind_virq, &bv), -XEN_EINVAL,
		   "binding the global VIRQ_DOM_EXC to vCPU 1");

	if (check_long(op(EVTCHNOP_bind_ipi, &bi), 0, "bind an IPI")) {
		st = status(bi.port, &rc);
		check(rc == 0 && st.status == EVTCHNSTAT_ipi && st.vcpu == 0,
		      "its status is ipi on vCPU %u (status %u)", st.vcpu,
		      st.status);
	}
	st = status(EVTCHN_2L_NR_CHANNELS, &rc);
	check_long(rc, -XEN_EINVAL, "status of port %lu",
		   (unsigned long)EVTCHN_2L_NR_CHANNELS);
}

void test_main(const struct hvm_start_info *si)
{
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	test_interdomain();
	test_virq_ipi();
}
