/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The vCPU scheduler. The core (schedule.c) keeps one FIFO run queue per
 * physical CPU, runs each CPU's loop, blocks and wakes vCPUs, and lets an
 * idle CPU take work queued on another (migration). Where a vCPU queues
 * and how long it may run come from a policy (struct sched_policy), so a
 * second policy can replace the first without touching the mechanics.
 *
 * Invariants (under the scheduler lock): a vCPU is on at most one run
 * queue; it is queued only while RUNNABLE and not running; "running" means
 * some CPU's loop owns it, and only that CPU enters the guest with it.
 */
#ifndef HV_SCHED_H
#define HV_SCHED_H

#include <hv/domain.h>

struct sched_policy {
	const char *name;
	/* The CPU a vCPU that became runnable should queue on. */
	unsigned int (*place)(struct vcpu *v);
	/* How long @v may run before others queued on its CPU get a turn. */
	uint64_t (*slice_ns)(struct vcpu *v);
};

extern const struct sched_policy sched_weighted_rr;

/* Makes @v known to the scheduler (state DOWN until woken or started). */
void sched_add_vcpu(struct vcpu *v);
void sched_remove_vcpu(struct vcpu *v);
/* Blocks @v until an interrupt is pending for it (returns at once if one
 * already is). Called on the vCPU's own physical CPU. */
void vcpu_block(struct vcpu *v);
/* SCHEDOP_poll's block, and the wake-up of a poller by a signalled port. */
void vcpu_block_poll(struct vcpu *v);
void vcpu_poll_wake(struct vcpu *v);
/* A DOWN vCPU starts running (PVH boot vCPU, or after INIT-SIPI). */
void vcpu_start(struct vcpu *v);
/* Every CPU's main loop: picks vCPUs and runs them; never returns. */
__noreturn void schedule_loop(void);
/* Asks @cpu to reschedule soon (an IPI if it is another CPU). */
void sched_kick(unsigned int cpu);
/* For policies: a CPU's queue length; online, running nothing, nothing
 * queued (both with the scheduler lock held). */
unsigned int sched_runq_len(unsigned int cpu);
bool sched_cpu_idle(unsigned int cpu);
/* vCPU bookkeeping kept by vcpu_op.c and sched_op.c. */
void vcpu_runstate_change(struct vcpu *v, unsigned int state);
void vcpu_timers_init(struct vcpu *v);
void vcpu_poll_init(struct vcpu *v);
/* For the 'r' debug key. */
void sched_dump(void);

#endif
