/* SPDX-License-Identifier: GPL-2.0-only */
/* Ticket-free test-and-set spinlock with interrupt save/restore. */
#ifndef HV_SPINLOCK_H
#define HV_SPINLOCK_H

#ifdef HV_HOST_TEST
/* Host unit tests: same lock, no interrupt flag to save. */
#define cpu_relax() __builtin_ia32_pause()
static inline unsigned long save_flags(void)
{
	return 0;
}
static inline void restore_flags(unsigned long f)
{
	(void)f;
}
static inline void local_irq_disable(void)
{
}
#else
#include <hv/x86.h>
#endif

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
