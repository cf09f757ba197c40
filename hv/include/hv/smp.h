/* SPDX-License-Identifier: GPL-2.0-only */
/* Bringing up and stopping the other physical CPUs. */
#ifndef HV_SMP_H
#define HV_SMP_H

#include <hv/types.h>

void smp_boot_cpus(void);   /* INIT-SIPI-SIPI every CPU in the MADT */
void smp_stop_others(void); /* halt every other CPU (panic, power-off) */
/* Secondary CPUs loop here once up (the scheduler's idle loop). */
__noreturn void cpu_idle_loop(void);

#endif
