// SPDX-License-Identifier: GPL-2.0-only
/*
 * Building a guest's ACPI tables. Layout in the buffer, each table 16-byte
 * aligned: RSDP (ACPI 2.0, 36 bytes), XSDT (two entries), FADT (ACPI 6,
 * 276 bytes, hardware-reduced: no PM blocks, no SCI, no legacy devices),
 * DSDT (header only: there is nothing to describe), MADT (one processor
 * local APIC entry per vCPU, x2APIC entries for IDs above 254).
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/acpi_build.h>

#define OEM_ID "KRYPTN"
#define OEM_TABLE_ID "KRYPTON "
#define CREATOR_ID 0x4e59524b /* "KRYN" */

struct acpi_header {
	char sig[4];
	uint32_t length;
	uint8_t revision;
	uint8_t checksum;
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
} __packed;

struct acpi_rsdp {
	char sig[8];
	uint8_t checksum;
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length;
	uint64_t xsdt;
	uint8_t ext_checksum;
	uint8_t reserved[3];
} __packed;

#define FADT_LEN 276
#define FADT_FLAGS 112
#define FADT_IAPC_BOOT_ARCH 109
#define FADT_DSDT 40
#define FADT_X_DSDT 140
#define FADT_MINOR 131
#define FADT_HYPERVISOR_ID 268
#define FADT_PWR_BUTTON (1u << 4)
#define FADT_SLP_BUTTON (1u << 5)
#define FADT_HW_REDUCED (1u << 20)
#define BOOT_ARCH_NO_VGA (1u << 2)
#define BOOT_ARCH_NO_CMOS_RTC (1u << 5)

/* Table fields are often unaligned (IAPC_BOOT_ARCH at 109): store bytes. */
static void put16(uint8_t *p, uint16_t v)
{
	memcpy(p, &v, sizeof(v));
}

static void put32(uint8_t *p, uint32_t v)
{
	memcpy(p, &v, sizeof(v));
}

static void put64(uint8_t *p, uint64_t v)
{
	memcpy(p, &v, sizeof(v));
}

static uint8_t checksum(const void *p, size_t n)
{
	uint8_t s = 0;

	for (size_t i = 0; i < n; i++)
		s += ((const uint8_t *)p)[i];
	return (uint8_t)-s;
}

static void header(struct acpi_header *h, const char *sig, uint32_t len,
		   uint8_t rev)
{
	memcpy(h->sig, sig, 4);
	h->length = len;
	h->revision = rev;
	memcpy(h->oem_id, OEM_ID, 6);
	memcpy(h->oem_table_id, OEM_TABLE_ID, 8);
	h->oem_revision = 1;
	h->creator_id = CREATOR_ID;
	h->creator_revision = 1;
	h->checksum = 0;
	h->checksum = checksum(h, len);
}

long acpi_build_tables(void *buf, size_t len,
		       const struct acpi_build_config *cfg, uint64_t *rsdp_gpa)
{
	uint8_t *b = buf;
	size_t off_xsdt = 48, off_fadt, off_dsdt, off_madt, madt_len, end;
	struct acpi_rsdp *rsdp;
	uint8_t *fadt, *madt;
	unsigned int n = cfg->nr_vcpus;

	if (n == 0 || n > 256)
		return -EINVAL;
	off_fadt = ALIGN_UP(off_xsdt + sizeof(struct acpi_header) + 16, 16);
	off_dsdt = ALIGN_UP(off_fadt + FADT_LEN, 16);
	off_madt = ALIGN_UP(off_dsdt + sizeof(struct acpi_header), 16);
	madt_len = sizeof(struct acpi_header) + 8;
	for (unsigned int i = 0; i < n; i++)
		madt_len += acpi_vcpu_apic_id(i) > 254 ? 16 : 8;
	end = off_madt + madt_len;
	if (end > len)
		return -ENOSPC;
	memset(b, 0, end);

	/* DSDT: an empty definition block. */
	header((struct acpi_header *)(b + off_dsdt), "DSDT",
	       sizeof(struct acpi_header), 2);

	/* MADT */
	madt = b + off_madt;
	put32(madt + 36, ACPI_MADT_LAPIC_ADDR);
	put32(madt + 40, 0); /* flags: no legacy 8259s */
	{
		uint8_t *e = madt + 44;

		for (unsigned int i = 0; i < n; i++) {
			uint32_t id = acpi_vcpu_apic_id(i);

			if (id <= 254) { /* Processor Local APIC */
				e[0] = 0;
				e[1] = 8;
				e[2] = (uint8_t)i; /* ACPI processor UID */
				e[3] = (uint8_t)id;
				put32(e + 4, 1); /* enabled */
				e += 8;
			} else { /* Processor Local x2APIC */
				e[0] = 9;
				e[1] = 16;
				put32(e + 4, id);
				put32(e + 8, 1);
				put32(e + 12, i);
				e += 16;
			}
		}
	}
	header((struct acpi_header *)madt, "APIC", madt_len, 4);

	/* FADT */
	fadt = b + off_fadt;
	/* The 32-bit field must be 0 when the DSDT is above 4 GiB, or it
	 * would disagree with X_DSDT. */
	put32(fadt + FADT_DSDT, cfg->base_gpa + off_dsdt > 0xffffffffULL
					? 0
					: (uint32_t)(cfg->base_gpa + off_dsdt));
	put64(fadt + FADT_X_DSDT, cfg->base_gpa + off_dsdt);
	put16(fadt + FADT_IAPC_BOOT_ARCH,
	      BOOT_ARCH_NO_VGA | BOOT_ARCH_NO_CMOS_RTC);
	put32(fadt + FADT_FLAGS,
	      FADT_HW_REDUCED | FADT_PWR_BUTTON | FADT_SLP_BUTTON);
	fadt[FADT_MINOR] = 0;
	memcpy(fadt + FADT_HYPERVISOR_ID, "XenVMM\0\0", 8);
	header((struct acpi_header *)fadt, "FACP", FADT_LEN, 6);

	/* XSDT */
	put64(b + off_xsdt + sizeof(struct acpi_header),
	      cfg->base_gpa + off_fadt);
	put64(b + off_xsdt + sizeof(struct acpi_header) + 8,
	      cfg->base_gpa + off_madt);
	header((struct acpi_header *)(b + off_xsdt), "XSDT",
	       sizeof(struct acpi_header) + 16, 1);

	/* RSDP */
	rsdp = (struct acpi_rsdp *)b;
	memcpy(rsdp->sig, "RSD PTR ", 8);
	memcpy(rsdp->oem_id, OEM_ID, 6);
	rsdp->revision = 2;
	rsdp->length = sizeof(*rsdp);
	rsdp->xsdt = cfg->base_gpa + off_xsdt;
	rsdp->checksum = checksum(rsdp, 20);
	rsdp->ext_checksum = checksum(rsdp, sizeof(*rsdp));
	*rsdp_gpa = cfg->base_gpa;
	return (long)end;
}
