/* SPDX-License-Identifier: GPL-2.0-only */
/* Ticket-free test-and-set spinlock with interrupt save/restore. */
#ifndef HV_SPINLOCK_H
#define HV_SPINLOCK_H

#include <hv/x86.h>

typedef struct {
	volatile int locked;
} spinlock_t;

#define SPINLOCK_INIT \
	{             \
		0     \
	}

static inline void spin_lock(spinlock_t *l)
{
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (l->locked)
			cpu_relax();
}
static inline bool spin_trylock(spinlock_t *l)
{
	return !__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE);
}
static inline void spin_unlock(spinlock_t *l)
{
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}
static inline unsigned long spin_lock_irqsave(spinlock_t *l)
{
	unsigned long f = save_flags();

	local_irq_disable();
	spin_lock(l);
	return f;
}
static inline void spin_unlock_irqrestore(spinlock_t *l, unsigned long f)
{
	spin_unlock(l);
	restore_flags(f);
}

#endif
