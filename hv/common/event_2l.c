// SPDX-License-Identifier: GPL-2.0-only
/*
 * The 2-level event channel ABI: pending and mask bitmaps in shared_info,
 * a per-vCPU pending_sel word and upcall_pending byte in vcpu_info. These
 * live in guest-visible memory, so every update is a locked operation.
 */
#include <hv/types.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/vlapic.h>
#include <hv/sched.h>
#include <xen/xen.h>

static bool test_and_set(uint64_t *word, unsigned int bit)
{
	uint64_t m = 1ULL << bit;

	return __atomic_fetch_or(word, m, __ATOMIC_SEQ_CST) & m;
}

static bool test_and_clear(uint64_t *word, unsigned int bit)
{
	uint64_t m = 1ULL << bit;

	return __atomic_fetch_and(word, ~m, __ATOMIC_SEQ_CST) & m;
}

static bool test(const uint64_t *word, unsigned int bit)
{
	return __atomic_load_n(word, __ATOMIC_SEQ_CST) & (1ULL << bit);
}

bool vcpu_upcall_pending(struct vcpu *v)
{
	return v->vcpu_info &&
	       __atomic_load_n(&v->vcpu_info->evtchn_upcall_pending,
			       __ATOMIC_SEQ_CST);
}

/* Per-vCPU vectors go through the vLAPIC (the guest EOIs them); the
 * global callback vector is injected straight from upcall_pending. */
static void mark_events_pending(struct vcpu *v)
{
	if (__atomic_exchange_n(&v->vcpu_info->evtchn_upcall_pending, 1,
				__ATOMIC_SEQ_CST))
		return;
	if (v->upcall_vector)
		vlapic_set_irq(v, v->upcall_vector);
	else
		vcpu_wake(v);
}

static struct vcpu *notify_vcpu(struct domain *d, unsigned int port)
{
	unsigned int id = d->evtchn.ports[port].notify_vcpu;

	return id < d->nr_vcpus ? d->vcpus[id] : d->vcpus[0];
}

void evtchn_port_set_pending(struct domain *d, unsigned int port)
{
	struct shared_info *si = d->shared_info;
	struct vcpu *v;

	if (port == 0 || port >= EVTCHN_2L_NR_PORTS)
		return;
	v = notify_vcpu(d, port);
	/* The bit first, then the poller: see vcpu_block_poll(). */
	if (test_and_set((uint64_t *)&si->evtchn_pending[port / 64],
			 port % 64)) {
		if (__atomic_load_n(&v->polling, __ATOMIC_SEQ_CST))
			vcpu_poll_wake(v);
		return;
	}
	if (__atomic_load_n(&v->polling, __ATOMIC_SEQ_CST))
		vcpu_poll_wake(v);
	if (!test((uint64_t *)&si->evtchn_mask[port / 64], port % 64) &&
	    !test_and_set((uint64_t *)&v->vcpu_info->evtchn_pending_sel,
			  port / 64))
		mark_events_pending(v);
}

bool evtchn_port_is_pending(struct domain *d, unsigned int port)
{
	return port < EVTCHN_2L_NR_PORTS &&
	       test((uint64_t *)&d->shared_info->evtchn_pending[port / 64],
		    port % 64);
}

/* EVTCHNOP_unmask: re-raise an event that arrived while masked. */
void evtchn_2l_unmask(struct domain *d, unsigned int port)
{
	struct shared_info *si = d->shared_info;
	struct vcpu *v = notify_vcpu(d, port);

	if (test_and_clear((uint64_t *)&si->evtchn_mask[port / 64],
			   port % 64) &&
	    test((uint64_t *)&si->evtchn_pending[port / 64], port % 64) &&
	    !test_and_set((uint64_t *)&v->vcpu_info->evtchn_pending_sel,
			  port / 64))
		mark_events_pending(v);
}
