/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Per-CPU software timers on system time (ns since boot). Each CPU keeps
 * its pending timers in a list sorted by expiry and programs its LAPIC
 * one-shot for the first. Callbacks run with interrupts off on the CPU
 * the timer was set on.
 */
#ifndef HV_TIMER_H
#define HV_TIMER_H

#include <hv/types.h>

struct timer {
	uint64_t expires; /* system time, ns */
	void (*fn)(void *data);
	void *data;
	unsigned int cpu;
	bool active;
	struct timer *next;
};

void timer_init(struct timer *t, void (*fn)(void *data), void *data);
/* (Re)arms @t on the current CPU; an expiry in the past fires soon. */
void timer_set(struct timer *t, uint64_t expires);
void timer_stop(struct timer *t);
/* Runs expired timers on this CPU and reprograms the LAPIC. */
void timer_softirq(void);
void timers_cpu_init(void);

#endif
