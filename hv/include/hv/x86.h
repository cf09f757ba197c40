/* SPDX-License-Identifier: GPL-2.0-only */
/* Thin wrappers over x86 instructions the hypervisor uses. */
#ifndef HV_X86_H
#define HV_X86_H

#include <hv/types.h>
#include <hv/asm.h>

static inline void outb(uint16_t port, uint8_t v)
{
	asm volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}
static inline void outw(uint16_t port, uint16_t v)
{
	asm volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}
static inline void outl(uint16_t port, uint32_t v)
{
	asm volatile("outl %0, %1" : : "a"(v), "Nd"(port));
}
static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline uint16_t inw(uint16_t port)
{
	uint16_t v;

	asm volatile("inw %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}
static inline uint32_t inl(uint16_t port)
{
	uint32_t v;

	asm volatile("inl %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}
static inline void wrmsr(uint32_t msr, uint64_t v)
{
	asm volatile("wrmsr"
		     :
		     : "c"(msr), "a"((uint32_t)v), "d"((uint32_t)(v >> 32))
		     : "memory");
}

static inline void cpuid_count(uint32_t leaf, uint32_t sub, uint32_t *a,
			       uint32_t *b, uint32_t *c, uint32_t *d)
{
	asm volatile("cpuid"
		     : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
		     : "a"(leaf), "c"(sub));
}
static inline void cpuid(uint32_t leaf, uint32_t *a, uint32_t *b, uint32_t *c,
			 uint32_t *d)
{
	cpuid_count(leaf, 0, a, b, c, d);
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

#define DEFINE_CR(n)                                                   \
	static inline uint64_t read_cr##n(void)                        \
	{                                                              \
		uint64_t v;                                            \
		asm volatile("mov %%cr" #n ", %0" : "=r"(v));          \
		return v;                                              \
	}                                                              \
	static inline void write_cr##n(uint64_t v)                     \
	{                                                              \
		asm volatile("mov %0, %%cr" #n : : "r"(v) : "memory"); \
	}
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline void cpu_relax(void)
{
	asm volatile("pause" ::: "memory");
}
static inline void local_irq_disable(void)
{
	asm volatile("cli" ::: "memory");
}
static inline void local_irq_enable(void)
{
	asm volatile("sti" ::: "memory");
}
static inline unsigned long save_flags(void)
{
	unsigned long f;

	asm volatile("pushf; pop %0" : "=r"(f)::"memory");
	return f;
}
static inline void restore_flags(unsigned long f)
{
	asm volatile("push %0; popf" ::"r"(f) : "memory", "cc");
}
static inline __noreturn void halt_forever(void)
{
	for (;;)
		asm volatile("cli; hlt");
}

/* The 512-byte FXSAVE area holds the x87, MMX and SSE registers. */
static inline void fpu_save(void *area)
{
	asm volatile("fxsave64 %0" : "=m"(*(uint8_t(*)[512])area));
}
static inline void fpu_restore(const void *area)
{
	asm volatile("fxrstor64 %0" : : "m"(*(const uint8_t(*)[512])area));
}

#define barrier() asm volatile("" ::: "memory")

#endif
