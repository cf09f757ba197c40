// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_sched_op: yielding, blocking, polling and shutting down. */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/hvm.h>
#include <hv/event.h>
#include <hv/sched.h>
#include <hv/hypercall.h>
#include <xen/xen.h>
#include <xen/sched.h>

static void poll_timeout(void *data)
{
	vcpu_wake(data);
}

void vcpu_poll_init(struct vcpu *v)
{
	timer_init(&v->poll_timer, poll_timeout, v);
}

static long sched_poll(struct vcpu *v, uint64_t arg)
{
	struct domain *d = v->domain;
	struct sched_poll p;

	if (copy_from_guest(v, &p, arg, sizeof(p)))
		return -EFAULT;
	if (p.nr_ports > 128)
		return -EINVAL;
	/* Announce the poll before looking at the ports: a port signalled
	 * from now on wakes us (see vcpu_block_poll). */
	__atomic_store_n(&v->polling, true, __ATOMIC_SEQ_CST);
	for (unsigned int i = 0; i < p.nr_ports; i++) {
		evtchn_port_t port;
		long rc = 0;

		if (copy_from_guest(v, &port,
				    GUEST_HANDLE_ADDR(p.ports) +
					    i * sizeof(port),
				    sizeof(port)))
			rc = -EFAULT;
		else if (port >= EVTCHN_2L_NR_PORTS)
			rc = -EINVAL;
		else if (evtchn_port_is_pending(d, port))
			rc = 1;
		if (rc) {
			v->polling = false;
			return rc < 0 ? rc : 0;
		}
	}
	/* Block until a polled port (or any event for this vCPU) or the
	 * timeout: a spurious wake-up is fine, the guest polls again. */
	if (p.timeout)
		timer_set(&v->poll_timer, p.timeout);
	vcpu_block_poll(v);
	return 0;
}

long do_sched_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		 uint64_t a4, uint64_t a5)
{
	(void)a3;
	(void)a4;
	(void)a5;
	switch (cmd) {
	case SCHEDOP_yield:
		return 0;
	case SCHEDOP_block:
		vcpu_block(v);
		return 0;
	case SCHEDOP_poll:
		return sched_poll(v, arg);
	case SCHEDOP_shutdown: {
		struct sched_shutdown s;

		if (copy_from_guest(v, &s, arg, sizeof(s)))
			return -EFAULT;
		domain_shutdown(v->domain, s.reason);
		return 0;
	}
	}
	return -ENOSYS;
}
