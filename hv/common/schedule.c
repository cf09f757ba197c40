// SPDX-License-Identifier: GPL-2.0-only
/*
 * Scheduler core: run queues, the per-CPU loop, blocking, waking and
 * migration. See <hv/sched.h> for the invariants.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/apic.h>
#include <hv/traps.h>
#include <hv/percpu.h>
#include <hv/timer.h>
#include <hv/hvm.h>
#include <hv/event.h>
#include <hv/vlapic.h>
#include <hv/sched.h>
#include <xen/xen.h>
#include <xen/vcpu.h>

static spinlock_t sched_lock = SPINLOCK_INIT;
static const struct sched_policy *policy = &sched_weighted_rr;

struct runq {
	struct vcpu *head, *tail;
	struct vcpu *curr; /* the vCPU this CPU is running, if any */
	unsigned int len;
	struct timer slice_timer;
	bool need_resched;
};
static struct runq runqs[NR_CPUS];

static void enqueue(struct vcpu *v, unsigned int cpu)
{
	struct runq *rq = &runqs[cpu];

	if (v->on_runq || v->is_running)
		return;
	v->processor = cpu;
	v->on_runq = true;
	v->runq_next = NULL;
	if (rq->tail)
		rq->tail->runq_next = v;
	else
		rq->head = v;
	rq->tail = v;
	rq->len++;
}

static struct vcpu *dequeue(unsigned int cpu)
{
	struct runq *rq = &runqs[cpu];
	struct vcpu *v = rq->head;

	if (!v)
		return NULL;
	rq->head = v->runq_next;
	if (!rq->head)
		rq->tail = NULL;
	v->runq_next = NULL;
	v->on_runq = false;
	rq->len--;
	return v;
}

/* Takes a queued vCPU that may move here from the busiest other CPU. */
static struct vcpu *steal(unsigned int cpu)
{
	unsigned int victim = NR_CPUS;

	for (unsigned int c = 0; c < NR_CPUS; c++)
		if (c != cpu && runqs[c].len &&
		    (victim == NR_CPUS || runqs[c].len > runqs[victim].len))
			victim = c;
	if (victim == NR_CPUS)
		return NULL;
	for (struct vcpu **pp = &runqs[victim].head; *pp;
	     pp = &(*pp)->runq_next) {
		struct vcpu *v = *pp;

		if (v->pinned_cpu >= 0)
			continue;
		*pp = v->runq_next;
		if (runqs[victim].tail == v) {
			struct vcpu *t = runqs[victim].head;

			while (t && t->runq_next)
				t = t->runq_next;
			runqs[victim].tail = t;
		}
		runqs[victim].len--;
		v->on_runq = false;
		v->runq_next = NULL;
		return v;
	}
	return NULL;
}

void sched_kick(unsigned int cpu)
{
	runqs[cpu].need_resched = true;
	if (cpu != smp_processor_id() && percpu_area[cpu] &&
	    percpu_area[cpu]->online)
		lapic_send_ipi(percpu_area[cpu]->apic_id, VEC_IPI_RESCHED);
}

/* Queues a runnable, not-running vCPU where the policy says; kicks it. */
static void make_ready(struct vcpu *v)
{
	unsigned int cpu = policy->place(v);

	enqueue(v, cpu);
	sched_kick(cpu);
}

void vcpu_wake(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&sched_lock);

	if (v->state == VCPU_BLOCKED) {
		v->state = VCPU_RUNNABLE;
		v->polling = false;
		timer_stop(&v->poll_timer);
		if (!v->is_running)
			make_ready(v);
	}
	/*
	 * Running in guest mode on another CPU: that CPU only looks for
	 * pending events when the guest exits, so make it exit now.
	 */
	if (v->is_running && v->processor != smp_processor_id() &&
	    percpu_area[v->processor])
		lapic_send_ipi(percpu_area[v->processor]->apic_id,
			       VEC_IPI_RESCHED);
	spin_unlock_irqrestore(&sched_lock, flags);
}

static bool has_pending_interrupt(struct vcpu *v)
{
	return vcpu_upcall_pending(v) || vlapic_pending_vector(v) >= 0;
}

void vcpu_block(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&sched_lock);

	/* An interrupt raised before this point must not be lost. */
	if (!has_pending_interrupt(v))
		v->state = VCPU_BLOCKED;
	spin_unlock_irqrestore(&sched_lock, flags);
}

/*
 * SCHEDOP_poll: block unless an interrupt is pending or a polled port was
 * signalled since the poller announced itself (vcpu_poll_wake cleared
 * v->polling). Together with the order in sched_poll (announce, then check
 * the ports) and in evtchn_port_set_pending (set the bit, then look for a
 * poller), no signal can slip between the check and the block.
 */
void vcpu_block_poll(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&sched_lock);

	if (v->polling && !has_pending_interrupt(v))
		v->state = VCPU_BLOCKED;
	spin_unlock_irqrestore(&sched_lock, flags);
}

void vcpu_poll_wake(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&sched_lock);

	v->polling = false;
	if (v->state == VCPU_BLOCKED) {
		v->state = VCPU_RUNNABLE;
		timer_stop(&v->poll_timer);
		if (!v->is_running)
			make_ready(v);
	}
	spin_unlock_irqrestore(&sched_lock, flags);
}

void vcpu_start(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&sched_lock);

	if (v->state == VCPU_DOWN && domain_is_alive(v->domain)) {
		v->state = VCPU_RUNNABLE;
		make_ready(v);
	}
	spin_unlock_irqrestore(&sched_lock, flags);
}

void sched_add_vcpu(struct vcpu *v)
{
	v->pinned_cpu = -1;
	v->processor = v->vcpu_id % (nr_cpus_online ? nr_cpus_online : 1);
}

void sched_remove_vcpu(struct vcpu *v)
{
	unsigned long flags = spin_lock_irqsave(&sched_lock);

	if (v->on_runq) {
		struct runq *rq = &runqs[v->processor];

		for (struct vcpu **pp = &rq->head; *pp; pp = &(*pp)->runq_next)
			if (*pp == v) {
				*pp = v->runq_next;
				break;
			}
		rq->tail = rq->head;
		while (rq->tail && rq->tail->runq_next)
			rq->tail = rq->tail->runq_next;
		rq->len--;
		v->on_runq = false;
	}
	spin_unlock_irqrestore(&sched_lock, flags);
	/* A CPU still running it stops at its next exit (state DOWN). */
	while (__atomic_load_n(&v->is_running, __ATOMIC_ACQUIRE))
		cpu_relax();
}

unsigned int sched_runq_len(unsigned int cpu)
{
	return runqs[cpu].len;
}

/* Online, running nothing and with nothing queued (sched lock held). */
bool sched_cpu_idle(unsigned int cpu)
{
	return percpu_area[cpu] && percpu_area[cpu]->online &&
	       !runqs[cpu].curr && !runqs[cpu].len;
}

static void slice_expired(void *data)
{
	struct runq *rq = data;

	rq->need_resched = true;
}

static void resched_ipi(struct cpu_regs *r)
{
	(void)r; /* waking from HLT or leaving the guest is all it is for */
}

/* Another CPU has a queued vCPU that could move here. */
static bool runqs_have_work(unsigned int cpu)
{
	for (unsigned int c = 0; c < NR_CPUS; c++)
		if (c != cpu && runqs[c].len)
			for (struct vcpu *v = runqs[c].head; v;
			     v = v->runq_next)
				if (v->pinned_cpu < 0)
					return true;
	return false;
}

/* Runs @v on this CPU until it stops being runnable or must yield. */
static void run_vcpu(struct vcpu *v, struct runq *rq, unsigned int cpu)
{
	/* The vCPU's x87/SSE registers are in the hardware only while it
	 * runs: several vCPUs share a CPU, and any may move to another. */
	fpu_restore(v->fpu);
	rq->need_resched = false;
	/* The vCPU's one-shot timer fires where the vCPU runs. */
	if (v->singleshot.active && v->singleshot.cpu != cpu)
		timer_set(&v->singleshot, v->singleshot.expires);
	timer_set(&rq->slice_timer, now_ns() + policy->slice_ns(v));
	vcpu_runstate_change(v, RUNSTATE_running);
	while (v->state == VCPU_RUNNABLE && domain_is_alive(v->domain)) {
		hvm_vcpu_enter(v);
		/* Yield only if someone else is waiting for this CPU. */
		if (rq->need_resched) {
			if (rq->len || runqs_have_work(cpu))
				break;
			rq->need_resched = false;
			timer_set(&rq->slice_timer,
				  now_ns() + policy->slice_ns(v));
		}
	}
	timer_stop(&rq->slice_timer);
	fpu_save(v->fpu);
	vcpu_runstate_change(v, v->state == VCPU_BLOCKED    ? RUNSTATE_blocked
				: v->state == VCPU_RUNNABLE ? RUNSTATE_runnable
							    : RUNSTATE_offline);
}

__noreturn void schedule_loop(void)
{
	unsigned int cpu = smp_processor_id();
	struct runq *rq = &runqs[cpu];

	set_irq_handler(VEC_IPI_RESCHED, resched_ipi);
	timer_init(&rq->slice_timer, slice_expired, rq);
	for (;;) {
		struct vcpu *v;
		unsigned long flags = spin_lock_irqsave(&sched_lock);

		v = dequeue(cpu);
		if (!v)
			v = steal(cpu);
		if (v) {
			v->is_running = true;
			v->processor = cpu;
			rq->curr = v;
		}
		spin_unlock_irqrestore(&sched_lock, flags);
		if (!v) {
			/* Idle: wait for an interrupt (a wake-up IPI, a timer). */
			asm volatile("sti; hlt; cli" ::: "memory");
			continue;
		}
		run_vcpu(v, rq, cpu);
		flags = spin_lock_irqsave(&sched_lock);
		rq->curr = NULL;
		__atomic_store_n(&v->is_running, false, __ATOMIC_RELEASE);
		if (v->state == VCPU_RUNNABLE && domain_is_alive(v->domain))
			enqueue(v, v->pinned_cpu >= 0
					   ? (unsigned int)v->pinned_cpu
					   : cpu);
		spin_unlock_irqrestore(&sched_lock, flags);
	}
}

void sched_dump(void)
{
	unsigned long flags = spin_lock_irqsave(&sched_lock);

	printk("Scheduler: %s\n", policy->name);
	for (unsigned int c = 0; c < NR_CPUS; c++) {
		struct percpu *pc = percpu_area[c];

		if (!pc)
			continue;
		printk("CPU[%02u] runq length %u, exits %llu%s\n", c,
		       runqs[c].len, (unsigned long long)pc->exits,
		       pc->online ? "" : " (offline)");
		for (struct vcpu *v = runqs[c].head; v; v = v->runq_next)
			printk("    queued: d%uv%u\n", v->domain->domid,
			       v->vcpu_id);
	}
	for (struct domain *d = domain_list(); d; d = d->next)
		for (unsigned int i = 0; i < d->nr_vcpus; i++) {
			struct vcpu *v = d->vcpus[i];

			if (v->is_running)
				printk("    running: d%uv%u on CPU%u\n",
				       d->domid, i, v->processor);
		}
	spin_unlock_irqrestore(&sched_lock, flags);
}
