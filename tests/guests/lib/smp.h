/*
 * SMP for the test guests: the x2APIC registers (MSRs 0x800-0x8ff), the
 * processors the MADT lists, and starting the other vCPUs (APs) with
 * INIT/SIPI through a real-mode trampoline (lib/smp_trampoline.S) that
 * brings each AP to 64-bit mode on its own stack and calls ap_main(cpu).
 *
 * "cpu" is a processor's index in the MADT (0 is the boot vCPU); its
 * x2APIC ID comes from the MADT. The IDT, the GDT and the page tables are
 * shared; the probes (last_fault) are not per-CPU, so probe on one CPU at
 * a time.
 */
#ifndef GUEST_SMP_H
#define GUEST_SMP_H

#include "guest.h"

#define SMP_MAX_CPUS 8
/* The trampoline's page: conventional memory, free in these guests. */
#define SMP_TRAMPOLINE_PA 0x8000
#define SMP_SIPI_VECTOR (SMP_TRAMPOLINE_PA >> 12)

#define MSR_APIC_BASE 0x1b
#define APIC_BASE_BSP (1u << 8)
#define APIC_BASE_EXTD (1u << 10)
#define APIC_BASE_EN (1u << 11)

/* x2APIC MSRs: 0x800 + (xAPIC register offset >> 4). */
#define X2APIC_ID 0x802
#define X2APIC_VERSION 0x803
#define X2APIC_TPR 0x808
#define X2APIC_PPR 0x80a
#define X2APIC_EOI 0x80b
#define X2APIC_LDR 0x80d
#define X2APIC_SVR 0x80f
#define X2APIC_ISR0 0x810
#define X2APIC_TMR0 0x818
#define X2APIC_IRR0 0x820
#define X2APIC_ESR 0x828
#define X2APIC_ICR 0x830
#define X2APIC_LVT_TIMER 0x832
#define X2APIC_LVT_ERROR 0x837
#define X2APIC_TMICT 0x838
#define X2APIC_TMCCT 0x839
#define X2APIC_TDCR 0x83e
#define X2APIC_SELF_IPI 0x83f

#define APIC_SVR_ENABLE (1u << 8)
#define APIC_SPURIOUS_VECTOR 0xff

/* ICR (64 bits in x2APIC mode: destination x2APIC ID in bits 63:32). */
#define ICR_FIXED (0u << 8)
#define ICR_INIT (5u << 8)
#define ICR_STARTUP (6u << 8)
#define ICR_LEVEL_ASSERT (1u << 14)
#define ICR_TRIGGER_LEVEL (1u << 15)
#define ICR_DEST_SELF (1u << 18)
#define ICR_ALL_INCL_SELF (2u << 18)
#define ICR_ALL_EXCL_SELF (3u << 18)

/* Bounded waits, in TSC cycles (QEMU's TSC follows the host's, GHz). */
#define SMP_WAIT_TSC 15000000000ULL /* ~5 s: something must happen */
#define SMP_QUIET_TSC 600000000ULL  /* ~0.2 s: nothing should happen */

static inline uint64_t rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	asm volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

static inline void wrmsr(uint32_t msr, uint64_t val)
{
	asm volatile("wrmsr"
		     :
		     : "c"(msr), "a"((uint32_t)val), "d"((uint32_t)(val >> 32))
		     : "memory");
}

static inline void cpu_relax(void)
{
	asm volatile("pause" ::: "memory");
}

/*
 * Spins until `cond` holds or `budget` TSC cycles pass; evaluates to
 * whether `cond` held.
 */
#define spin_until(cond, budget)                                    \
	({                                                          \
		uint64_t _t0 = rdtsc();                             \
		bool _ok;                                           \
		while (!(_ok = (cond)) && rdtsc() - _t0 < (budget)) \
			cpu_relax();                                \
		_ok;                                                \
	})

/* Spins for `cycles` TSC cycles. */
void tsc_delay(uint64_t cycles);

/*
 * Reads the MADT (hvm_start_info.rsdp_paddr) and returns how many enabled
 * processors it lists (0 if it cannot be read); cpu 0 is checked to be
 * this (boot) vCPU. Call once, on the boot vCPU, before the rest.
 */
unsigned int smp_init(const struct hvm_start_info *si);
unsigned int smp_cpus(void);
uint32_t smp_apic_id(unsigned int cpu);
/* The index of the CPU with x2APIC ID `id`, or -1. */
int smp_cpu_of_apic_id(uint32_t id);
/* The index of the calling CPU (from its x2APIC ID register). */
unsigned int smp_this_cpu(void);

/* Software-enables the calling CPU's local APIC (SVR) with vector 0xff. */
void apic_sw_enable(void);
/* Writes the ICR: `low` (vector, mode, shorthand...) to x2APIC ID `dest`. */
void apic_icr_write(uint32_t dest, uint32_t low);
void apic_eoi(void);
/* Whether `vector` is set in the ISR (or IRR) bank of the calling CPU. */
bool apic_isr_has(uint8_t vector);
bool apic_irr_has(uint8_t vector);

/*
 * Starts `cpu` with INIT, SIPI, SIPI (vector SMP_SIPI_VECTOR) and waits,
 * bounded, until it runs C code; returns whether it did. The AP then runs
 * ap_main(cpu) with interrupts off (and halts for good if it returns).
 * One AP at a time: the trampoline's stack and CPU number are shared.
 */
bool smp_start_ap(unsigned int cpu);
/* What an AP found when the SIPI started it (lib/smp_trampoline.S). */
struct smp_ap_entry_state {
	uint16_t cs, ds, es, ss, fs, gs;
	uint32_t cr0, eflags;
};
const struct smp_ap_entry_state *smp_ap_entry_state(unsigned int cpu);
/* How many times an AP has entered 64-bit C code through the trampoline. */
unsigned int smp_ap_entries(void);
/* Provided by a test that starts APs. */
void ap_main(unsigned int cpu);

#endif /* GUEST_SMP_H */
