/* SPDX-License-Identifier: GPL-2.0-only */
/* The host's ACPI tables: CPUs from the MADT, power control from the FADT. */
#ifndef HV_ACPI_H
#define HV_ACPI_H

#include <hv/types.h>

#define ACPI_MAX_CPUS 64

struct acpi_host_info {
	bool found;
	unsigned int nr_cpus;
	uint32_t apic_ids[ACPI_MAX_CPUS]; /* enabled CPUs, boot CPU included */
	uint64_t lapic_addr;
	/* FADT */
	uint16_t pm1a_cnt, pm1b_cnt;
	bool have_s5;
	uint8_t s5_typa, s5_typb;
	bool have_reset;
	uint8_t reset_space; /* 0 memory, 1 I/O */
	uint64_t reset_addr;
	uint8_t reset_value;
};

extern struct acpi_host_info acpi_info;

void acpi_init(void);
__noreturn void machine_power_off(void);
__noreturn void machine_restart(void);

#endif
