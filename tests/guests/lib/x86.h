/* x86 architectural constants and small helpers used by the test guests. */
#ifndef GUEST_X86_H
#define GUEST_X86_H

#define GUEST_XSTR(x) #x
#define GUEST_STR(x) GUEST_XSTR(x) /* a macro's value as a string */

#define GDT_CS64 0x08
#define GDT_DS 0x10
#define GDT_CS32 0x18
#define GDT_USER_DS 0x20
#define GDT_USER_CS64 0x28
#define GDT_TSS 0x30

#define CR0_PE (1 << 0)
#define CR0_WP (1 << 16)
#define CR0_PG (1 << 31)
#define CR4_PAE (1 << 5)

#define MSR_EFER 0xc0000080
#define EFER_LME (1 << 8)

#define PTE_P (1 << 0)
#define PTE_RW (1 << 1)
#define PTE_US (1 << 2)
#define PTE_PS (1 << 7)

#define X86_EXC_DE 0
#define X86_EXC_DB 1
#define X86_EXC_NMI 2
#define X86_EXC_BP 3
#define X86_EXC_OF 4
#define X86_EXC_BR 5
#define X86_EXC_UD 6
#define X86_EXC_NM 7
#define X86_EXC_DF 8
#define X86_EXC_TS 10
#define X86_EXC_NP 11
#define X86_EXC_SS 12
#define X86_EXC_GP 13
#define X86_EXC_PF 14
#define X86_EXC_MF 16
#define X86_EXC_AC 17
#define X86_EXC_MC 18
#define X86_EXC_XM 19
#define X86_EXC_VE 20
#define X86_EXC_CP 21
#define X86_NR_EXCEPTIONS 32

/* int $USER_RETURN_VECTOR ends a user_call() (lib/usermode.S). */
#define USER_RETURN_VECTOR 0x81
#define X86_EFLAGS_MBS (1 << 1) /* bit 1 always reads as one */
#define TSS_RSP0 4		/* offset of RSP0 in the 64-bit TSS */

#ifndef __ASSEMBLY__
#include <stdint.h>

struct cpuid_regs {
	uint32_t eax, ebx, ecx, edx;
};

static inline struct cpuid_regs cpuid_count(uint32_t leaf, uint32_t subleaf)
{
	struct cpuid_regs r;

	asm volatile("cpuid"
		     : "=a"(r.eax), "=b"(r.ebx), "=c"(r.ecx), "=d"(r.edx)
		     : "0"(leaf), "2"(subleaf));
	return r;
}

static inline struct cpuid_regs cpuid(uint32_t leaf)
{
	return cpuid_count(leaf, 0);
}

static inline void outb(uint16_t port, uint8_t val)
{
	asm volatile("outb %0, %1" : : "a"(val), "Nd"(port));
}

static inline void outw(uint16_t port, uint16_t val)
{
	asm volatile("outw %0, %1" : : "a"(val), "Nd"(port));
}

static inline void outl(uint16_t port, uint32_t val)
{
	asm volatile("outl %0, %1" : : "a"(val), "Nd"(port));
}

static inline unsigned long read_cr2(void)
{
	unsigned long v;

	asm volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline uint16_t read_cs(void)
{
	uint16_t v;

	asm volatile("mov %%cs, %0" : "=r"(v));
	return v;
}

struct __attribute__((packed)) desc_ptr {
	uint16_t limit;
	uint64_t base;
};

static inline void lidt(const struct desc_ptr *p)
{
	asm volatile("lidt %0" : : "m"(*p) : "memory");
}

static inline void local_irq_enable(void)
{
	asm volatile("sti" ::: "memory");
}

static inline void local_irq_disable(void)
{
	asm volatile("cli" ::: "memory");
}

/*
 * Waits for an interrupt: call with interrupts off, after checking that
 * there is something to wait for. STI's one-instruction shadow means an
 * interrupt already pending is taken only once HLT has started, so none
 * is lost between the check and the halt; its handler has run when this
 * returns, with interrupts off again for the next check.
 */
static inline void safe_halt(void)
{
	asm volatile("sti; hlt; cli" ::: "memory");
}

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	asm volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* Stops this vCPU for good: interrupts stay off, so HLT never wakes. */
static inline __attribute__((noreturn)) void halt_forever(void)
{
	for (;;)
		asm volatile("cli; hlt" ::: "memory");
}

#endif /* __ASSEMBLY__ */
#endif /* GUEST_X86_H */
