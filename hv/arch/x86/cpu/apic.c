// SPDX-License-Identifier: GPL-2.0-only
/*
 * The physical local APIC. x2APIC (MSR access) is used when the CPU offers
 * it, xAPIC through its identity-mapped MMIO page otherwise. Vectors:
 * 0xf0 timer, 0xf1-0xf3 IPIs, 0xff spurious (see traps.h).
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/apic.h>
#include <hv/traps.h>

#define MSR_APIC_BASE 0x1b
#define APIC_BASE_BSP (1 << 8)
#define APIC_BASE_EXTD (1 << 10)
#define APIC_BASE_EN (1 << 11)

#define APIC_ID 0x20
#define APIC_VER 0x30
#define APIC_TPR 0x80
#define APIC_EOI 0xb0
#define APIC_SVR 0xf0
#define APIC_ESR 0x280
#define APIC_ICR 0x300
#define APIC_ICR2 0x310
#define APIC_LVT_TIMER 0x320
#define APIC_LVT_LINT0 0x350
#define APIC_LVT_LINT1 0x360
#define APIC_LVT_ERR 0x370
#define APIC_TMICT 0x380
#define APIC_TMCCT 0x390
#define APIC_TDCR 0x3e0

#define ICR_BUSY (1 << 12)
#define ICR_ASSERT (1 << 14)
#define ICR_LEVEL (1 << 15)
#define ICR_INIT (5 << 8)
#define ICR_SIPI (6 << 8)
#define ICR_ALL_BUT_SELF (3 << 18)

static bool x2apic;
static volatile uint32_t *xapic_base;

static uint32_t apic_read(uint32_t reg)
{
	if (x2apic)
		return (uint32_t)rdmsr(0x800 + (reg >> 4));
	return xapic_base[reg / 4];
}

static void apic_write(uint32_t reg, uint32_t v)
{
	if (x2apic)
		wrmsr(0x800 + (reg >> 4), v);
	else
		xapic_base[reg / 4] = v;
}

static void icr_write(uint32_t dest, uint32_t low)
{
	if (x2apic) {
		wrmsr(0x830, ((uint64_t)dest << 32) | low);
		return;
	}
	for (int i = 0; i < 1000000 && (apic_read(APIC_ICR) & ICR_BUSY); i++)
		cpu_relax();
	apic_write(APIC_ICR2, dest << 24);
	apic_write(APIC_ICR, low);
}

bool lapic_x2apic_mode(void)
{
	return x2apic;
}

void lapic_init_bsp(void)
{
	uint32_t a, b, c, d;
	uint64_t base = rdmsr(MSR_APIC_BASE);

	cpuid(1, &a, &b, &c, &d);
	x2apic = c & (1 << 21);
	xapic_base = (volatile uint32_t *)(uintptr_t)(base & ~0xfffULL);
}

void lapic_init_cpu(void)
{
	uint64_t base = rdmsr(MSR_APIC_BASE) | APIC_BASE_EN;

	if (x2apic)
		base |= APIC_BASE_EXTD;
	wrmsr(MSR_APIC_BASE, base);
	apic_write(APIC_TPR, 0);
	apic_write(APIC_SVR, 0x100 | VEC_SPURIOUS); /* software enable */
	apic_write(APIC_LVT_TIMER, 1 << 16);	    /* masked until used */
	apic_write(APIC_LVT_ERR, 1 << 16);
	apic_write(APIC_TDCR, 0xb); /* divide by 1 */
	apic_write(APIC_ESR, 0);
	apic_write(APIC_EOI, 0);
}

uint32_t lapic_id(void)
{
	uint32_t id = apic_read(APIC_ID);

	return x2apic ? id : id >> 24;
}

void lapic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

void lapic_send_ipi(uint32_t apic_id, uint32_t vector)
{
	icr_write(apic_id, vector | ICR_ASSERT);
}

void lapic_send_ipi_all_but_self(uint32_t vector)
{
	icr_write(0, vector | ICR_ASSERT | ICR_ALL_BUT_SELF);
}

/* The INIT-SIPI-SIPI sequence; the AP starts in real mode at page*4K. */
int lapic_send_init_sipi(uint32_t apic_id, uint8_t sipi_page)
{
	icr_write(apic_id, ICR_INIT | ICR_LEVEL | ICR_ASSERT);
	udelay(10000);
	if (!x2apic)
		icr_write(apic_id, ICR_INIT | ICR_LEVEL);
	for (int i = 0; i < 2; i++) {
		icr_write(apic_id, ICR_SIPI | sipi_page);
		udelay(200);
	}
	return 0;
}

void lapic_timer_oneshot(uint64_t ns)
{
	uint64_t ticks;

	if (!ns) {
		apic_write(APIC_TMICT, 0);
		return;
	}
	ticks = ns * apic_timer_khz() / 1000000;
	if (ticks == 0)
		ticks = 1;
	if (ticks > 0xffffffffULL)
		ticks = 0xffffffffULL;
	apic_write(APIC_LVT_TIMER, VEC_LAPIC_TIMER); /* one-shot, unmasked */
	apic_write(APIC_TMICT, (uint32_t)ticks);
}

/* Used by time.c's calibration only. */
void lapic_timer_start_count(void)
{
	apic_write(APIC_LVT_TIMER, 1 << 16);
	apic_write(APIC_TMICT, 0xffffffff);
}

uint32_t lapic_timer_current(void)
{
	return apic_read(APIC_TMCCT);
}
