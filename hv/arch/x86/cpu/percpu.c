// SPDX-License-Identifier: GPL-2.0-only
/*
 * Per-CPU descriptor tables. Each CPU has its own GDT (the boot GDT's code
 * and data descriptors plus its own TSS) and TSS with IST stacks for NMI,
 * double fault and machine check, so those always run on a known-good stack.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/x86.h>
#include <hv/percpu.h>
#include <hv/traps.h>

#define MSR_GS_BASE 0xc0000101
#define MSR_KERNEL_GS_BASE 0xc0000102

struct percpu *percpu_area[NR_CPUS];
unsigned int nr_cpus_online;

struct percpu *percpu_alloc(unsigned int cpu, uint32_t apic_id)
{
	/* percpu (with its tables) + IST stacks + the main stack */
	struct percpu *pc = alloc_zeroed_pages(0);
	uint8_t *ist = alloc_zeroed_pages(2); /* 3 IST stacks + guard */
	uint8_t *stack = alloc_zeroed_pages(2);

	BUILD_BUG_ON(sizeof(struct percpu) > PAGE_SIZE);
	BUILD_BUG_ON(STACK_SIZE != 4 * PAGE_SIZE);
	if (!pc || !ist || !stack)
		panic("Out of memory allocating CPU%u's data", cpu);
	pc->self = pc;
	pc->cpu = cpu;
	pc->apic_id = apic_id;
	pc->stack_top = (uintptr_t)stack + STACK_SIZE;
	for (int i = 0; i < 3; i++)
		pc->tss.ist[i] = (uintptr_t)ist + (i + 1) * IST_SIZE;
	pc->tss.iomap_base = sizeof(struct tss64);
	percpu_area[cpu] = pc;
	return pc;
}

void cpu_tables_init(struct percpu *pc)
{
	uint64_t tss = (uintptr_t)&pc->tss;
	uint64_t limit = sizeof(struct tss64) - 1;
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed gdtr = { sizeof(pc->gdt) - 1, (uintptr_t)pc->gdt };

	pc->gdt[0] = 0;
	pc->gdt[1] = 0x00af9a000000ffffULL; /* 0x08: 64-bit code */
	pc->gdt[2] = 0x00cf92000000ffffULL; /* 0x10: data */
	pc->gdt[3] = 0x00cf9a000000ffffULL; /* 0x18: 32-bit code */
	/* 0x20: 64-bit available TSS, 16 bytes */
	pc->gdt[4] = (limit & 0xffff) | ((tss & 0xffffff) << 16) |
		     (0x89ULL << 40) | ((limit >> 16) << 48) |
		     ((tss >> 24 & 0xff) << 56);
	pc->gdt[5] = tss >> 32;
	asm volatile("lgdt %0\n\t"
		     "pushq $0x08\n\t"
		     "leaq 1f(%%rip), %%rax\n\t"
		     "pushq %%rax\n\t"
		     "lretq\n"
		     "1:\n\t"
		     "mov $0x10, %%eax\n\t"
		     "mov %%eax, %%ds\n\t"
		     "mov %%eax, %%es\n\t"
		     "mov %%eax, %%ss\n\t"
		     "xor %%eax, %%eax\n\t"
		     "mov %%eax, %%fs\n\t"
		     "mov %%eax, %%gs\n\t"
		     "mov $0x20, %%eax\n\t"
		     "ltr %%ax"
		     :
		     : "m"(gdtr)
		     : "rax", "memory");
	/* FXSAVE/FXRSTOR of guests' SSE state needs OSFXSR; the hypervisor
	 * itself is built without SSE and never touches those registers. */
	write_cr4(read_cr4() | CR4_OSFXSR | CR4_OSXMMEXCPT);
	wrmsr(MSR_GS_BASE, (uintptr_t)pc);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	idt_load();
}
