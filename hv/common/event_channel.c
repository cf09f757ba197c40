// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_event_channel_op: allocating, binding, signalling and
 * closing ports. One lock serialises all port-table changes (including
 * interdomain connections, which touch two domains); sending takes it too.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/xmalloc.h>
#include <hv/hvm.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/hypercall.h>
#include <xen/xen.h>
#include <xen/event_channel.h>

static spinlock_t evtchn_lock = SPINLOCK_INIT;

int evtchn_init(struct domain *d)
{
	d->evtchn.ports = xzalloc(EVTCHN_2L_NR_PORTS * sizeof(struct evtchn));
	if (!d->evtchn.ports)
		return -ENOMEM;
	d->evtchn.ports[0].state = ECS_RESERVED;
	return 0;
}

static bool virq_is_global(unsigned int virq)
{
	return virq != VIRQ_TIMER && virq != VIRQ_DEBUG &&
	       virq != VIRQ_XENOPROF && virq != VIRQ_XENPMU;
}

static int alloc_port(struct domain *d)
{
	for (unsigned int p = 1; p < EVTCHN_2L_NR_PORTS; p++)
		if (d->evtchn.ports[p].state == ECS_FREE)
			return p;
	return -ENOSPC;
}

static struct domain *target_domain(struct vcpu *v, domid_t dom)
{
	if (dom == DOMID_SELF || dom == v->domain->domid)
		return v->domain;
	if (!v->domain->is_privileged)
		return NULL;
	return domain_by_id(dom);
}

/* Closes @port; caller holds evtchn_lock. */
static void close_port(struct domain *d, unsigned int port)
{
	struct evtchn *ch = &d->evtchn.ports[port];

	switch (ch->state) {
	case ECS_VIRQ: {
		unsigned int vid = virq_is_global(ch->u.virq) ? 0
							      : ch->notify_vcpu;

		if (vid < d->nr_vcpus &&
		    d->vcpus[vid]->virq_to_port[ch->u.virq] == port)
			d->vcpus[vid]->virq_to_port[ch->u.virq] = 0;
		break;
	}
	case ECS_INTERDOMAIN: {
		struct domain *rd = ch->u.interdomain.dom;
		struct evtchn *rch;

		if (rd && rd->evtchn.ports) {
			rch = &rd->evtchn.ports[ch->u.interdomain.port];
			if (rch->state == ECS_INTERDOMAIN &&
			    rch->u.interdomain.dom == d) {
				rch->state = ECS_UNBOUND;
				rch->u.unbound_remote = d->domid;
			}
		}
		break;
	}
	}
	memset(ch, 0, sizeof(*ch));
}

void evtchn_destroy(struct domain *d)
{
	unsigned long flags;

	if (!d->evtchn.ports)
		return;
	flags = spin_lock_irqsave(&evtchn_lock);
	for (unsigned int p = 1; p < EVTCHN_2L_NR_PORTS; p++)
		if (d->evtchn.ports[p].state != ECS_FREE)
			close_port(d, p);
	spin_unlock_irqrestore(&evtchn_lock, flags);
	xfree(d->evtchn.ports);
	d->evtchn.ports = NULL;
}

void evtchn_send_virq(struct vcpu *v, unsigned int virq)
{
	unsigned long flags = spin_lock_irqsave(&evtchn_lock);
	unsigned int port = virq < NR_VIRQS ? v->virq_to_port[virq] : 0;

	if (port)
		evtchn_port_set_pending(v->domain, port);
	spin_unlock_irqrestore(&evtchn_lock, flags);
}

void evtchn_send_global_virq(struct domain *d, unsigned int virq)
{
	evtchn_send_virq(d->vcpus[0], virq);
}

static long op_bind_virq(struct vcpu *v, struct evtchn_bind_virq *b)
{
	struct domain *d = v->domain;
	struct vcpu *tv;
	int port;

	if (b->virq >= NR_VIRQS || b->vcpu >= d->nr_vcpus)
		return -EINVAL;
	if (virq_is_global(b->virq) && b->vcpu != 0)
		return -EINVAL;
	tv = d->vcpus[b->vcpu];
	if (tv->virq_to_port[b->virq])
		return -EEXIST;
	port = alloc_port(d);
	if (port < 0)
		return port;
	d->evtchn.ports[port].state = ECS_VIRQ;
	d->evtchn.ports[port].notify_vcpu = b->vcpu;
	d->evtchn.ports[port].u.virq = b->virq;
	tv->virq_to_port[b->virq] = port;
	b->port = port;
	return 0;
}

static long op_bind_ipi(struct vcpu *v, struct evtchn_bind_ipi *b)
{
	struct domain *d = v->domain;
	int port;

	if (b->vcpu >= d->nr_vcpus)
		return -ENOENT;
	port = alloc_port(d);
	if (port < 0)
		return port;
	d->evtchn.ports[port].state = ECS_IPI;
	d->evtchn.ports[port].notify_vcpu = b->vcpu;
	b->port = port;
	return 0;
}

static long op_alloc_unbound(struct vcpu *v, struct evtchn_alloc_unbound *a)
{
	struct domain *d = target_domain(v, a->dom);
	domid_t remote = a->remote_dom;
	int port;

	if (!d)
		return a->dom == DOMID_SELF ? -ESRCH : -EPERM;
	if (remote == DOMID_SELF)
		remote = v->domain->domid;
	port = alloc_port(d);
	if (port < 0)
		return port;
	d->evtchn.ports[port].state = ECS_UNBOUND;
	d->evtchn.ports[port].u.unbound_remote = remote;
	a->port = port;
	return 0;
}

static long op_bind_interdomain(struct vcpu *v,
				struct evtchn_bind_interdomain *b)
{
	struct domain *d = v->domain, *rd;
	struct evtchn *rch;
	int port;

	rd = b->remote_dom == DOMID_SELF ? d : domain_by_id(b->remote_dom);
	if (!rd)
		return -ESRCH;
	if (b->remote_port == 0 || b->remote_port >= EVTCHN_2L_NR_PORTS)
		return -EINVAL;
	rch = &rd->evtchn.ports[b->remote_port];
	if (rch->state != ECS_UNBOUND || rch->u.unbound_remote != d->domid)
		return -EINVAL;
	port = alloc_port(d);
	if (port < 0)
		return port;
	d->evtchn.ports[port].state = ECS_INTERDOMAIN;
	d->evtchn.ports[port].u.interdomain.dom = rd;
	d->evtchn.ports[port].u.interdomain.port = b->remote_port;
	rch->state = ECS_INTERDOMAIN;
	rch->u.interdomain.dom = d;
	rch->u.interdomain.port = port;
	b->local_port = port;
	/* Xen signals the new local port so nothing sent before is lost. */
	evtchn_port_set_pending(d, port);
	return 0;
}

static long op_send(struct vcpu *v, unsigned int port)
{
	struct domain *d = v->domain;
	struct evtchn *ch;

	if (port == 0 || port >= EVTCHN_2L_NR_PORTS)
		return -EINVAL;
	ch = &d->evtchn.ports[port];
	switch (ch->state) {
	case ECS_INTERDOMAIN:
		evtchn_port_set_pending(ch->u.interdomain.dom,
					ch->u.interdomain.port);
		return 0;
	case ECS_IPI:
		evtchn_port_set_pending(d, port);
		return 0;
	case ECS_UNBOUND:
		return 0; /* nobody listens yet: dropped, as in Xen */
	}
	return -EINVAL;
}

static long op_status(struct vcpu *v, struct evtchn_status *s)
{
	struct domain *d = target_domain(v, s->dom);
	struct evtchn *ch;

	if (!d)
		return -ESRCH;
	if (s->port >= EVTCHN_2L_NR_PORTS)
		return -EINVAL;
	ch = &d->evtchn.ports[s->port];
	s->vcpu = ch->notify_vcpu;
	switch (ch->state) {
	case ECS_FREE:
	case ECS_RESERVED:
		s->status = EVTCHNSTAT_closed;
		break;
	case ECS_UNBOUND:
		s->status = EVTCHNSTAT_unbound;
		s->u.unbound.dom = ch->u.unbound_remote;
		break;
	case ECS_INTERDOMAIN:
		s->status = EVTCHNSTAT_interdomain;
		s->u.interdomain.dom = ch->u.interdomain.dom->domid;
		s->u.interdomain.port = ch->u.interdomain.port;
		break;
	case ECS_VIRQ:
		s->status = EVTCHNSTAT_virq;
		s->u.virq = ch->u.virq;
		break;
	case ECS_IPI:
		s->status = EVTCHNSTAT_ipi;
		break;
	default:
		s->status = EVTCHNSTAT_pirq;
		break;
	}
	return 0;
}

static long op_bind_vcpu(struct vcpu *v, struct evtchn_bind_vcpu *b)
{
	struct domain *d = v->domain;
	struct evtchn *ch;

	if (b->port == 0 || b->port >= EVTCHN_2L_NR_PORTS)
		return -EINVAL;
	if (b->vcpu >= d->nr_vcpus)
		return -ENOENT;
	ch = &d->evtchn.ports[b->port];
	switch (ch->state) {
	case ECS_VIRQ:
		if (!virq_is_global(ch->u.virq))
			return -EINVAL;
		/* fall through */
	case ECS_UNBOUND:
	case ECS_INTERDOMAIN:
		ch->notify_vcpu = b->vcpu;
		return 0;
	}
	return -EINVAL;
}

/* Each sub-op's argument size; 0 marks sub-ops we do not offer. */
static const size_t arg_size[] = {
	[EVTCHNOP_bind_interdomain] = sizeof(struct evtchn_bind_interdomain),
	[EVTCHNOP_bind_virq] = sizeof(struct evtchn_bind_virq),
	[EVTCHNOP_close] = sizeof(struct evtchn_close),
	[EVTCHNOP_send] = sizeof(struct evtchn_send),
	[EVTCHNOP_status] = sizeof(struct evtchn_status),
	[EVTCHNOP_alloc_unbound] = sizeof(struct evtchn_alloc_unbound),
	[EVTCHNOP_bind_ipi] = sizeof(struct evtchn_bind_ipi),
	[EVTCHNOP_bind_vcpu] = sizeof(struct evtchn_bind_vcpu),
	[EVTCHNOP_unmask] = sizeof(struct evtchn_unmask),
	[EVTCHNOP_reset] = sizeof(struct evtchn_reset),
};

long do_event_channel_op(struct vcpu *v, uint64_t cmd, uint64_t arg,
			 uint64_t a3, uint64_t a4, uint64_t a5)
{
	union {
		struct evtchn_bind_interdomain bind_interdomain;
		struct evtchn_bind_virq bind_virq;
		struct evtchn_close close;
		struct evtchn_send send;
		struct evtchn_status status;
		struct evtchn_alloc_unbound alloc_unbound;
		struct evtchn_bind_ipi bind_ipi;
		struct evtchn_bind_vcpu bind_vcpu;
		struct evtchn_unmask unmask;
		struct evtchn_reset reset;
	} u;
	struct domain *d = v->domain;
	unsigned long flags;
	long rc;

	(void)a3;
	(void)a4;
	(void)a5;
	if (cmd >= ARRAY_SIZE(arg_size) || !arg_size[cmd])
		return -ENOSYS; /* FIFO ABI, PIRQs: the guest falls back */
	if (copy_from_guest(v, &u, arg, arg_size[cmd]))
		return -EFAULT;
	flags = spin_lock_irqsave(&evtchn_lock);
	switch (cmd) {
	case EVTCHNOP_bind_interdomain:
		rc = op_bind_interdomain(v, &u.bind_interdomain);
		break;
	case EVTCHNOP_bind_virq:
		rc = op_bind_virq(v, &u.bind_virq);
		break;
	case EVTCHNOP_close:
		rc = -EINVAL;
		if (u.close.port && u.close.port < EVTCHN_2L_NR_PORTS &&
		    d->evtchn.ports[u.close.port].state != ECS_FREE) {
			close_port(d, u.close.port);
			rc = 0;
		}
		break;
	case EVTCHNOP_send:
		rc = op_send(v, u.send.port);
		break;
	case EVTCHNOP_status:
		rc = op_status(v, &u.status);
		break;
	case EVTCHNOP_alloc_unbound:
		rc = op_alloc_unbound(v, &u.alloc_unbound);
		break;
	case EVTCHNOP_bind_ipi:
		rc = op_bind_ipi(v, &u.bind_ipi);
		break;
	case EVTCHNOP_bind_vcpu:
		rc = op_bind_vcpu(v, &u.bind_vcpu);
		break;
	case EVTCHNOP_unmask:
		rc = -EINVAL;
		if (u.unmask.port < EVTCHN_2L_NR_PORTS) {
			evtchn_2l_unmask(d, u.unmask.port);
			rc = 0;
		}
		break;
	case EVTCHNOP_reset: {
		struct domain *td = target_domain(v, u.reset.dom);

		rc = -ESRCH;
		if (td) {
			for (unsigned int p = 1; p < EVTCHN_2L_NR_PORTS; p++)
				if (td->evtchn.ports[p].state != ECS_FREE)
					close_port(td, p);
			rc = 0;
		}
		break;
	}
	default:
		rc = -ENOSYS;
	}
	spin_unlock_irqrestore(&evtchn_lock, flags);
	if (!rc && copy_to_guest(v, arg, &u, arg_size[cmd]))
		rc = -EFAULT;
	return rc;
}
