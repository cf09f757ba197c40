/* SPDX-License-Identifier: GPL-2.0-only */
/* Per-CPU state, reached through the GS base (gs:0 points to itself). */
#ifndef HV_PERCPU_H
#define HV_PERCPU_H

#include <hv/types.h>
#include <hv/spinlock.h>

#define NR_CPUS 64
#define STACK_SIZE (16 * 1024)
#define IST_SIZE 4096

struct vcpu;
struct timer;

struct tss64 {
	uint32_t rsvd0;
	uint64_t rsp[3];
	uint64_t rsvd1;
	uint64_t ist[7];
	uint64_t rsvd2;
	uint16_t rsvd3;
	uint16_t iomap_base;
} __packed;

struct percpu {
	struct percpu *self; /* must stay first: read as gs:0 */
	unsigned int cpu;
	uint32_t apic_id;
	bool online;
	uintptr_t stack_top;
	struct vcpu *current; /* vCPU running (or last run) here */
	void *svm_host_save;  /* VM_HSAVE_PA area */
	void *svm_host_vmcb;  /* VMSAVE/VMLOAD area for host state */
	uint64_t exits;	      /* VM exits handled on this CPU */
	struct timer *timers; /* pending, sorted by expiry */
	spinlock_t timer_lock;
	uint64_t gdt[8] __aligned(16);
	struct tss64 tss __aligned(16);
};

extern struct percpu *percpu_area[NR_CPUS];
extern unsigned int nr_cpus_online;

static inline struct percpu *this_cpu(void)
{
	struct percpu *p;

	asm volatile("mov %%gs:0, %0" : "=r"(p));
	return p;
}

static inline unsigned int smp_processor_id(void)
{
	return this_cpu()->cpu;
}

/* Sets up GDT, TSS, IDT and GS for the calling CPU. */
void cpu_tables_init(struct percpu *pc);
struct percpu *percpu_alloc(unsigned int cpu, uint32_t apic_id);

#endif
