// SPDX-License-Identifier: GPL-2.0-only
/*
 * start_krypton(): from the boot loader's hand-off to dom0's first
 * instruction. Order matters: the command line decides the console, the
 * memory map feeds the allocator, and every CPU must have SVM enabled
 * before any guest runs.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/boot.h>
#include <hv/cmdline.h>
#include <hv/console.h>
#include <hv/mm.h>
#include <hv/percpu.h>
#include <hv/traps.h>
#include <hv/apic.h>
#include <hv/acpi.h>
#include <hv/smp.h>
#include <hv/hvm.h>
#include <hv/dom0.h>
#include <hv/version.h>
#include <hv/timer.h>
#include <hv/keyhandler.h>
#include <hv/sched.h>

static uint64_t tsc_at_entry;

/*
 * "krypton_selftest=fault" raises an invalid-opcode exception inside the
 * hypervisor once the CPUs are up, so the tests can check that such a
 * fault is reported (registers, backtrace, panic) rather than lost.
 */
static char opt_selftest[16];
string_param("krypton_selftest", opt_selftest);

static void cmdline_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

static void print_memory_map(void)
{
	static const char *const types[] = { "?",	 "usable",
					     "reserved", "ACPI data",
					     "ACPI NVS", "unusable" };

	printk("Xen-e820 RAM map:\n");
	for (unsigned int i = 0; i < boot_info.nr_e820; i++) {
		const struct e820_entry *e = &boot_info.e820[i];

		printk(" [%016llx, %016llx] (%s)\n",
		       (unsigned long long)e->addr,
		       (unsigned long long)(e->addr + e->size - 1),
		       e->type < ARRAY_SIZE(types) ? types[e->type] : "type?");
	}
}

static void print_cpu_info(void)
{
	uint32_t a, b, c, d, max;
	char vendor[13], brand[49];
	uint32_t *w = (uint32_t *)brand;

	cpuid(0, &max, &b, &c, &d);
	memcpy(vendor, &b, 4);
	memcpy(vendor + 4, &d, 4);
	memcpy(vendor + 8, &c, 4);
	vendor[12] = '\0';
	cpuid(1, &a, &b, &c, &d);
	printk("CPU Vendor: %s, Family %u (%#x), Model %u (%#x), Stepping %u\n",
	       vendor, ((a >> 8) & 0xf) + ((a >> 20) & 0xff),
	       ((a >> 8) & 0xf) + ((a >> 20) & 0xff),
	       ((a >> 4) & 0xf) | ((a >> 12) & 0xf0),
	       ((a >> 4) & 0xf) | ((a >> 12) & 0xf0), a & 0xf);
	printk("CPU features: ecx %08x edx %08x%s%s\n", c, d,
	       c & (1 << 21) ? " x2apic" : "", d & (1 << 4) ? " tsc" : "");
	cpuid(0x80000000, &max, &b, &c, &d);
	if (max >= 0x80000004) {
		for (int i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &w[i * 4], &w[i * 4 + 1],
			      &w[i * 4 + 2], &w[i * 4 + 3]);
		brand[48] = '\0';
		printk("CPU: %s\n", brand);
	}
}

__noreturn void start_krypton(uint32_t magic, uint32_t info)
{
	struct percpu *bsp;
	struct domain *d0;

	tsc_at_entry = rdtsc();
	if (!multiboot_parse(magic, info)) {
		uart_init(0);
		panic("Not started by a multiboot loader (magic %#x)", magic);
	}
	cmdline_parse(boot_info.cmdline, __hv_params_start, __hv_params_end,
		      cmdline_warn);
	console_init();
	printk("Krypton %s: a Xen %d.%d compatible hypervisor\n",
	       KRYPTON_VERSION, KRYPTON_XEN_MAJOR, KRYPTON_XEN_MINOR);
	printk("Xen version %d.%d%s (krypton) (%s) %s\n", KRYPTON_XEN_MAJOR,
	       KRYPTON_XEN_MINOR, KRYPTON_XEN_EXTRA, KRYPTON_COMPILER,
	       KRYPTON_BUILD_DATE);
	printk("Bootloader: %s (%s)\n",
	       boot_info.loader[0] ? boot_info.loader : "unknown",
	       boot_info.protocol);
	printk("Command line: %s\n", boot_info.cmdline);
	print_memory_map();
	page_alloc_init();
	printk("Memory: %llu MiB usable, %llu MiB free\n",
	       (unsigned long long)(total_pages() >> 8),
	       (unsigned long long)(free_pages_count() >> 8));

	i8259_disable();
	lapic_init_bsp();
	bsp = percpu_alloc(0, lapic_id());
	idt_init();
	cpu_tables_init(bsp);
	nr_cpus_online = 1;
	bsp->online = true;
	print_cpu_info();
	lapic_init_cpu();
	time_calibrate();
	printk("TSC: %llu.%03llu MHz, APIC timer: %llu.%03llu MHz, %s mode\n",
	       (unsigned long long)(tsc_khz() / 1000),
	       (unsigned long long)(tsc_khz() % 1000),
	       (unsigned long long)(apic_timer_khz() / 1000),
	       (unsigned long long)(apic_timer_khz() % 1000),
	       lapic_x2apic_mode() ? "x2APIC" : "xAPIC");
	lapic_timer_selftest();
	timers_cpu_init();
	rtc_init();
	acpi_init();
	hvm_init();
	hvm_cpu_init();
	smp_boot_cpus();
	printk("Brought up %u CPUs\n", nr_cpus_online);
	if (!strcmp(opt_selftest, "fault"))
		asm volatile("ud2");

	d0 = dom0_build();
	serial_input_init();
	printk("*** Starting dom0 (%llu ms after entry) ***\n",
	       (unsigned long long)((rdtsc() - tsc_at_entry) / tsc_khz()));
	vcpu_start(d0->vcpus[0]);
	schedule_loop();
}
