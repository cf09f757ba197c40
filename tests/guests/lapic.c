/*
 * The emulated local APIC of a PVH dom0 (Xen: xen/arch/x86/hvm/vlapic.c):
 * version reads back sensibly, a self-IPI and a one-shot APIC timer
 * interrupt are delivered once the APIC is software-enabled, and EOI
 * retires them. By default the test switches to x2APIC mode (MSRs) when
 * CPUID offers it; with "xapic" on the command line it uses the xAPIC MMIO
 * page at 0xfee00000, the mode the APIC starts in. The APIC timer is
 * tested with "timer" on the command line.
 */
#include "guest.h"

DEFINE_TEST("lapic", "local APIC: self-IPI and one-shot timer");

#define APIC_MMIO 0xfee00000UL
#define MSR_APIC_BASE 0x1b
#define APIC_BASE_EXTD (1u << 10)
#define X2APIC_MSR(reg) (0x800 + ((reg) >> 4))

#define APIC_LVR 0x30
#define APIC_EOI 0xb0
#define APIC_SVR 0xf0
#define APIC_ISR 0x100
#define APIC_ICR 0x300
#define APIC_LVTT 0x320
#define APIC_TMICT 0x380
#define APIC_TMCCT 0x390
#define APIC_TDCR 0x3e0

#define IPI_VECTOR 0xf0
#define TIMER_VECTOR 0xf1
#define SPURIOUS_VECTOR 0xff

static bool x2apic;
static volatile unsigned int ipis, ticks;

static uint32_t apic_read(unsigned int reg)
{
	uint64_t v;

	if (!x2apic)
		return *(volatile uint32_t *)(APIC_MMIO + reg);
	if (probe_rdmsr(X2APIC_MSR(reg), &v) != -1)
		test_abort("rdmsr x2APIC register %#x faulted", reg);
	return (uint32_t)v;
}

static void apic_write(unsigned int reg, uint32_t v)
{
	if (!x2apic)
		*(volatile uint32_t *)(APIC_MMIO + reg) = v;
	else if (probe_wrmsr(X2APIC_MSR(reg), v) != -1)
		test_abort("wrmsr x2APIC register %#x faulted", reg);
}

static void on_ipi(struct cpu_regs *regs)
{
	(void)regs;
	ipis++;
	apic_write(APIC_EOI, 0);
}

static void on_timer(struct cpu_regs *regs)
{
	(void)regs;
	ticks++;
	apic_write(APIC_EOI, 0);
}

static void choose_mode(const struct hvm_start_info *si)
{
	uint64_t base;

	x2apic = !cmdline_has(si, "xapic") && (cpuid(1).ecx & (1u << 21));
	printf("using the %s interface\n",
	       x2apic ? "x2APIC MSR" : "xAPIC MMIO");
	if (x2apic) {
		probe_rdmsr(MSR_APIC_BASE, &base);
		check_long(probe_wrmsr(MSR_APIC_BASE, base | APIC_BASE_EXTD),
			   -1, "switch to x2APIC mode (vector)");
	}
}

static void test_ipi(void)
{
	/* A fixed self-IPI (destination shorthand "self"). */
	apic_write(APIC_ICR, (1u << 18) | IPI_VECTOR);
	check(ipis == 0, "no IPI while interrupts are off");
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
	check(ipis == 1, "the self-IPI arrives once interrupts are on (%u)",
	      ipis);
	check(!(apic_read(APIC_ISR + (IPI_VECTOR / 32) * 0x10) &
		(1u << (IPI_VECTOR % 32))),
	      "EOI cleared it from the ISR");
}

static void test_timer(void)
{
	uint32_t c1, c2;

	/* One-shot timer, divide by 1. */
	apic_write(APIC_TDCR, 0xb);
	apic_write(APIC_LVTT, TIMER_VECTOR);
	apic_write(APIC_TMICT, 2000000);
	c1 = apic_read(APIC_TMCCT);
	for (volatile int i = 0; i < 1000; i++)
		;
	c2 = apic_read(APIC_TMCCT);
	if (!check(c1 > 0 && c2 < c1, "the current count runs down (%u, %u)",
		   c1, c2))
		return; /* a halt would never end */
	for (unsigned int i = 0; i < 1000 && !ticks; i++)
		safe_halt();
	check(ticks == 1, "the one-shot timer interrupt came (%u)", ticks);
	check(apic_read(APIC_TMCCT) == 0, "the count stopped at 0");
}

void test_main(const struct hvm_start_info *si)
{
	uint32_t lvr;

	choose_mode(si);
	lvr = apic_read(APIC_LVR);
	check((lvr & 0xff) >= 0x10 && (lvr >> 16 & 0xff) >= 3,
	      "an integrated APIC with at least 4 LVT entries (%#x)", lvr);

	set_irq_handler(IPI_VECTOR, on_ipi);
	set_irq_handler(TIMER_VECTOR, on_timer);
	set_irq_handler(SPURIOUS_VECTOR, on_ipi);
	apic_write(APIC_SVR, (1u << 8) | SPURIOUS_VECTOR);
	check(apic_read(APIC_SVR) & (1u << 8), "software-enabled (SVR %#x)",
	      apic_read(APIC_SVR));

	test_ipi();
	if (cmdline_has(si, "timer"))
		test_timer();
}
