/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ACPI tables Krypton writes for a PVH guest so it finds its vCPUs:
 * RSDP -> XSDT -> { FADT (hardware-reduced) -> DSDT (empty), MADT }.
 * Pure data building, no guest access: host unit tests check it.
 */
#ifndef HV_ACPI_BUILD_H
#define HV_ACPI_BUILD_H

#include <hv/types.h>

#define ACPI_MADT_LAPIC_ADDR 0xfee00000u

struct acpi_build_config {
	unsigned int nr_vcpus; /* 1..MAX_VCPUS */
	uint64_t base_gpa;     /* guest-physical address of the buffer */
};

/* The x2APIC/LAPIC ID of vCPU @vcpu (as Xen: 2 * vcpu). */
static inline uint32_t acpi_vcpu_apic_id(unsigned int vcpu)
{
	return vcpu * 2;
}

/*
 * Builds the tables into @buf (@len bytes, zeroed by the caller or not).
 * Returns the number of bytes used and sets *rsdp_gpa, or -ENOSPC when
 * @len is too small, -EINVAL for a bad configuration. The RSDP is at
 * offset 0 (16-byte aligned if base_gpa is).
 */
long acpi_build_tables(void *buf, size_t len,
		       const struct acpi_build_config *cfg, uint64_t *rsdp_gpa);

#endif
