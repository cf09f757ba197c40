// SPDX-License-Identifier: GPL-2.0-only
/*
 * Weighted round-robin, credit-style: a vCPU runs for a slice
 * proportional to its domain's weight (256 = 30 ms) when others wait,
 * queues on the CPU it is pinned to, else on the CPU it last ran on
 * unless another online CPU's queue is shorter.
 */
#include <hv/types.h>
#include <hv/percpu.h>
#include <hv/sched.h>

#define BASE_SLICE_NS 30000000ULL
#define DEFAULT_WEIGHT 256

/*
 * Where a vCPU that became runnable waits: its pinned CPU; else the CPU it
 * last ran on if that is idle (warm caches); else any idle CPU (an idle
 * CPU must never sit in HLT while work queues elsewhere); else the
 * shortest queue. Called with the scheduler lock held.
 */
static unsigned int rr_place(struct vcpu *v)
{
	unsigned int best = v->processor;

	if (v->pinned_cpu >= 0)
		return v->pinned_cpu;
	if (!percpu_area[best] || !percpu_area[best]->online)
		best = 0;
	if (sched_cpu_idle(best))
		return best;
	for (unsigned int c = 0; c < NR_CPUS; c++)
		if (sched_cpu_idle(c))
			return c;
	for (unsigned int c = 0; c < NR_CPUS; c++)
		if (percpu_area[c] && percpu_area[c]->online &&
		    sched_runq_len(c) < sched_runq_len(best))
			best = c;
	return best;
}

static uint64_t rr_slice(struct vcpu *v)
{
	unsigned int w = v->domain->weight ? v->domain->weight : DEFAULT_WEIGHT;

	return BASE_SLICE_NS * w / DEFAULT_WEIGHT;
}

const struct sched_policy sched_weighted_rr = {
	.name = "weighted round-robin (credit-style)",
	.place = rr_place,
	.slice_ns = rr_slice,
};
