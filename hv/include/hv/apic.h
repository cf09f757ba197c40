/* SPDX-License-Identifier: GPL-2.0-only */
/* The physical local APIC (xAPIC MMIO or x2APIC MSRs). */
#ifndef HV_APIC_H
#define HV_APIC_H

#include <hv/types.h>

void lapic_init_bsp(void); /* chooses the mode, maps nothing: RAM is 1:1 */
void lapic_init_cpu(void); /* per CPU: enable, spurious vector, timer */
uint32_t lapic_id(void);
bool lapic_x2apic_mode(void);
void lapic_eoi(void);
void lapic_send_ipi(uint32_t apic_id, uint32_t vector);
void lapic_send_ipi_all_but_self(uint32_t vector);
int lapic_send_init_sipi(uint32_t apic_id, uint8_t sipi_page);

/* One-shot timer: fire VEC_LAPIC_TIMER after @ns nanoseconds (0 stops). */
void lapic_timer_oneshot(uint64_t ns);
/* Calibration only: a free-running count from 0xffffffff, and its value. */
void lapic_timer_start_count(void);
uint32_t lapic_timer_current(void);
void time_calibrate(void); /* TSC and APIC bus frequencies, via the PIT */
uint64_t tsc_khz(void);
uint64_t apic_timer_khz(void);
/* Nanoseconds since boot ("system time"), from the TSC. */
uint64_t now_ns(void);
uint64_t tsc_delta_to_ns(uint64_t tsc_delta);
/* The TSC value at system time 0 and the pvclock scale for guests. */
void time_pvclock_params(uint64_t *tsc_base, uint32_t *mul, int8_t *shift);
/* Wall-clock (UTC) ns at system time 0, from the CMOS RTC at boot. */
uint64_t wallclock_at_boot_ns(void);
void rtc_init(void);
void udelay(unsigned int us);
void lapic_timer_selftest(void);
void i8259_disable(void); /* remap and mask the legacy PICs */

#endif
