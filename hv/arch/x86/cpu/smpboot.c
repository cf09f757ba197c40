// SPDX-License-Identifier: GPL-2.0-only
/*
 * Starts the application processors listed in the MADT, one at a time:
 * each gets its per-CPU area and stack, then INIT-SIPI-SIPI into the
 * real-mode trampoline, and we wait (bounded) until it reports online.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/apic.h>
#include <hv/acpi.h>
#include <hv/percpu.h>
#include <hv/traps.h>
#include <hv/smp.h>
#include <hv/hvm.h>
#include <hv/timer.h>

#define TRAMPOLINE_PA \
	0x8000 /* conventional memory, excluded from the allocator */

extern char trampoline_start[], trampoline_end[];
extern volatile uint64_t ap_boot_stack;
static volatile unsigned int ap_booting_cpu;
static volatile bool ap_online;

static void ipi_halt(struct cpu_regs *r)
{
	(void)r;
	this_cpu()->online = false;
	halt_forever();
}

static unsigned int ipi_answers;

static void ipi_call(struct cpu_regs *r)
{
	(void)r;
	__atomic_fetch_add(&ipi_answers, 1, __ATOMIC_RELAXED);
}

/* Checks that every AP takes a fixed IPI; logs how many answered. */
static void smp_check_ipis(void)
{
	uint64_t start;
	unsigned int expected = 0;

	for (unsigned int c = 1; c < NR_CPUS; c++) {
		if (percpu_area[c] && percpu_area[c]->online) {
			lapic_send_ipi(percpu_area[c]->apic_id, VEC_IPI_CALL);
			expected++;
		}
	}
	start = now_ns();
	while (__atomic_load_n(&ipi_answers, __ATOMIC_RELAXED) < expected &&
	       now_ns() - start < 1000000000ULL)
		cpu_relax();
	printk("IPI: %u of %u secondary CPUs answered\n", ipi_answers,
	       expected);
}

void smp_stop_others(void)
{
	if (nr_cpus_online > 1)
		lapic_send_ipi_all_but_self(VEC_IPI_HALT);
	udelay(1000);
}

__noreturn void start_secondary(void)
{
	struct percpu *pc = percpu_area[ap_booting_cpu];

	cpu_tables_init(pc);
	lapic_init_cpu();
	timers_cpu_init();
	hvm_cpu_init();
	pc->online = true;
	__atomic_store_n(&ap_online, true, __ATOMIC_RELEASE);
	cpu_idle_loop();
}

void smp_boot_cpus(void)
{
	uint32_t self = lapic_id();
	unsigned int cpu = 1;

	set_irq_handler(VEC_IPI_HALT, ipi_halt);
	set_irq_handler(VEC_IPI_CALL, ipi_call);
	memcpy((void *)TRAMPOLINE_PA, trampoline_start,
	       trampoline_end - trampoline_start);
	for (unsigned int i = 0; i < acpi_info.nr_cpus && cpu < NR_CPUS; i++) {
		uint32_t id = acpi_info.apic_ids[i];
		struct percpu *pc;
		uint64_t start;

		if (id == self)
			continue;
		pc = percpu_alloc(cpu, id);
		ap_booting_cpu = cpu;
		ap_online = false;
		ap_boot_stack = pc->stack_top;
		lapic_send_init_sipi(id, TRAMPOLINE_PA >> 12);
		start = now_ns();
		while (!__atomic_load_n(&ap_online, __ATOMIC_ACQUIRE) &&
		       now_ns() - start < 2000000000ULL)
			cpu_relax();
		if (!ap_online) {
			printk(XENLOG_ERR "CPU%u (APIC ID %u) did not start\n",
			       cpu, id);
			continue;
		}
		nr_cpus_online++;
		printk(XENLOG_INFO "CPU%u: APIC ID %u online\n", cpu, id);
		cpu++;
	}
	ap_boot_stack = 0;
	if (nr_cpus_online > 1)
		smp_check_ipis();
}
