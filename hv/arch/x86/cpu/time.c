// SPDX-License-Identifier: GPL-2.0-only
/*
 * Time: the TSC and the APIC timer are calibrated once against PIT
 * channel 2 (gated through port 0x61, no interrupt needed). now_ns() is
 * the system time every CPU shares (the TSC is invariant under QEMU and on
 * the hardware we support; per-CPU offsets are not corrected).
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/apic.h>
#include <hv/traps.h>

#define PIT_HZ 1193182
#define CAL_MS 50

static uint64_t tsc_hz_khz;
static uint64_t apic_khz;
static uint64_t tsc_at_boot;
/*
 * TSC ticks to ns exactly as a pvclock reader does it (Xen's
 * vcpu_time_info): shift the delta by tsc_shift, multiply by the 32.32
 * fixed-point tsc_to_system_mul. Using the same numbers here as in the
 * guests' records keeps hypervisor and guest system time identical.
 */
static uint32_t tsc_mul;
static int8_t tsc_shift;

uint64_t tsc_khz(void)
{
	return tsc_hz_khz;
}

uint64_t apic_timer_khz(void)
{
	return apic_khz;
}

uint64_t tsc_delta_to_ns(uint64_t d)
{
	if (tsc_shift < 0)
		d >>= -tsc_shift;
	else
		d <<= tsc_shift;
	return (d >> 32) * tsc_mul + (((d & 0xffffffffULL) * tsc_mul) >> 32);
}

uint64_t now_ns(void)
{
	return tsc_delta_to_ns(rdtsc() - tsc_at_boot);
}

void time_pvclock_params(uint64_t *tsc_base, uint32_t *mul, int8_t *shift)
{
	*tsc_base = tsc_at_boot;
	*mul = tsc_mul;
	*shift = tsc_shift;
}

void udelay(unsigned int us)
{
	uint64_t start = rdtsc();
	uint64_t khz = tsc_hz_khz ? tsc_hz_khz
				  : 1000000; /* before calibration */
	uint64_t ticks = (uint64_t)us * khz / 1000;

	while (rdtsc() - start < ticks)
		cpu_relax();
}

void time_calibrate(void)
{
	uint32_t count = PIT_HZ * CAL_MS / 1000;
	uint64_t t0, t1;
	uint32_t a0, a1;
	uint8_t gate = inb(0x61);

	outb(0x61, (gate & ~0x02) | 0x01); /* gate on, speaker off */
	outb(0x43, 0xb0);		   /* channel 2, lo/hi, mode 0 */
	outb(0x42, count & 0xff);
	outb(0x42, count >> 8);
	lapic_timer_start_count();
	t0 = rdtsc();
	a0 = lapic_timer_current();
	while (!(inb(0x61) & 0x20))
		cpu_relax();
	t1 = rdtsc();
	a1 = lapic_timer_current();
	outb(0x61, gate);
	tsc_hz_khz = (t1 - t0) / CAL_MS;
	apic_khz = (uint64_t)(a0 - a1) / CAL_MS;
	if (!tsc_hz_khz)
		tsc_hz_khz = 1;
	if (!apic_khz)
		apic_khz = 1000000; /* fall back to 1 GHz */
	{
		uint64_t m = (1000000ULL << 32) / tsc_hz_khz;
		int shift = 0;

		while (m >= (1ULL << 32)) {
			m >>= 1;
			shift++;
		}
		while (m < (1ULL << 31)) {
			m <<= 1;
			shift--;
		}
		tsc_mul = (uint32_t)m;
		tsc_shift = (int8_t)shift;
	}
	tsc_at_boot = t0;
}

static volatile uint64_t timer_fired_at;

static void timer_probe(struct cpu_regs *r)
{
	(void)r;
	timer_fired_at = now_ns();
}

/* Arms a 1 ms one-shot and reports when it fired: proves the vector,
 * the calibration and interrupt delivery on the boot CPU. */
void lapic_timer_selftest(void)
{
	uint64_t start;

	set_irq_handler(VEC_LAPIC_TIMER, timer_probe);
	timer_fired_at = 0;
	start = now_ns();
	lapic_timer_oneshot(1000000);
	local_irq_enable();
	while (!timer_fired_at && now_ns() - start < 500000000ULL)
		cpu_relax();
	local_irq_disable();
	if (timer_fired_at)
		printk("LAPIC timer: one-shot of 1000 us fired after %llu us\n",
		       (unsigned long long)((timer_fired_at - start) / 1000));
	else
		printk(XENLOG_ERR "LAPIC timer: one-shot did not fire\n");
	set_irq_handler(VEC_LAPIC_TIMER, NULL);
}
