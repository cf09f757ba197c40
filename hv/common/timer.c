// SPDX-License-Identifier: GPL-2.0-only
/*
 * Software timers. Each CPU keeps a list sorted by expiry under its own
 * lock; the LAPIC one-shot is always programmed for the list's head.
 * Invariant: a timer is on at most one list, and t->active says so.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/apic.h>
#include <hv/traps.h>
#include <hv/percpu.h>
#include <hv/timer.h>

static void program(struct percpu *pc)
{
	uint64_t now = now_ns();

	if (!pc->timers) {
		lapic_timer_oneshot(0);
		return;
	}
	lapic_timer_oneshot(
		pc->timers->expires > now ? pc->timers->expires - now : 1);
}

static void unlink(struct percpu *pc, struct timer *t)
{
	for (struct timer **pp = &pc->timers; *pp; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			break;
		}
	}
	t->next = NULL;
	t->active = false;
}

void timer_init(struct timer *t, void (*fn)(void *data), void *data)
{
	t->fn = fn;
	t->data = data;
	t->active = false;
	t->next = NULL;
	t->cpu = 0;
}

void timer_stop(struct timer *t)
{
	struct percpu *pc;
	unsigned long flags;

	if (!t->active)
		return;
	pc = percpu_area[t->cpu];
	flags = spin_lock_irqsave(&pc->timer_lock);
	if (t->active) {
		bool was_head = pc->timers == t;

		unlink(pc, t);
		if (was_head && t->cpu == smp_processor_id())
			program(pc);
	}
	spin_unlock_irqrestore(&pc->timer_lock, flags);
}

void timer_set(struct timer *t, uint64_t expires)
{
	struct percpu *pc = this_cpu();
	struct timer **pp;
	unsigned long flags;

	timer_stop(t);
	flags = spin_lock_irqsave(&pc->timer_lock);
	t->expires = expires;
	t->cpu = pc->cpu;
	t->active = true;
	for (pp = &pc->timers; *pp && (*pp)->expires <= expires;
	     pp = &(*pp)->next)
		;
	t->next = *pp;
	*pp = t;
	if (pc->timers == t)
		program(pc);
	spin_unlock_irqrestore(&pc->timer_lock, flags);
}

void timer_softirq(void)
{
	struct percpu *pc = this_cpu();
	unsigned long flags = spin_lock_irqsave(&pc->timer_lock);

	for (;;) {
		struct timer *t = pc->timers;

		if (!t || t->expires > now_ns())
			break;
		unlink(pc, t);
		/* The callback may re-arm timers: drop the lock around it. */
		spin_unlock(&pc->timer_lock);
		t->fn(t->data);
		spin_lock(&pc->timer_lock);
	}
	program(pc);
	spin_unlock_irqrestore(&pc->timer_lock, flags);
}

static void timer_interrupt(struct cpu_regs *r)
{
	(void)r;
	timer_softirq();
}

void timers_cpu_init(void)
{
	set_irq_handler(VEC_LAPIC_TIMER, timer_interrupt);
}
