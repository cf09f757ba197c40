// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reads the host's ACPI tables: the MADT for the list of CPUs and the FADT
 * (plus the \_S5 package in the DSDT) for power-off and reset. Tables live
 * in RAM the memory map reserves, identity-mapped like all low memory.
 * Every table's length and checksum is checked before use.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/boot.h>
#include <hv/acpi.h>

struct acpi_info_hdr {
	char sig[4];
	uint32_t length;
	uint8_t revision, checksum;
	char oem_id[6], oem_table_id[8];
	uint32_t oem_revision, creator_id, creator_revision;
} __packed;

struct rsdp {
	char sig[8];
	uint8_t checksum;
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length;
	uint64_t xsdt;
	uint8_t ext_checksum, rsvd[3];
} __packed;

struct acpi_host_info acpi_info;

static bool checksum_ok(const void *p, size_t len)
{
	uint8_t sum = 0;

	for (size_t i = 0; i < len; i++)
		sum += ((const uint8_t *)p)[i];
	return sum == 0;
}

static const struct rsdp *scan_rsdp(uintptr_t start, uintptr_t end)
{
	for (uintptr_t p = start; p + 20 <= end; p += 16)
		if (!memcmp((void *)p, "RSD PTR ", 8) &&
		    checksum_ok((void *)p, 20))
			return (const struct rsdp *)p;
	return NULL;
}

static const struct rsdp *find_rsdp(void)
{
	/* The BIOS data area keeps the EBDA segment at 0x40e. */
	uintptr_t bda = 0x40e, ebda;
	const struct rsdp *r;

	asm("" : "+r"(bda)); /* a real address, not a null-page constant */
	ebda = (uintptr_t)(*(volatile uint16_t *)bda) << 4;

	if (boot_info.has_rsdp)
		return (const struct rsdp *)boot_info.rsdp;
	if (ebda >= 0x80000 && ebda < 0xa0000 &&
	    (r = scan_rsdp(ebda, ebda + 1024)))
		return r;
	return scan_rsdp(0xe0000, 0x100000);
}

static const struct acpi_info_hdr *valid_table(uint64_t pa)
{
	const struct acpi_info_hdr *h = (const void *)(uintptr_t)pa;

	if (!pa || pa >= (4ULL << 30) || h->length < sizeof(*h) ||
	    h->length > (1 << 24) || !checksum_ok(h, h->length))
		return NULL;
	return h;
}

static void parse_madt(const struct acpi_info_hdr *h)
{
	const uint8_t *p = (const uint8_t *)h + 44,
		      *end = (const uint8_t *)h + h->length;

	acpi_info.lapic_addr = *(const uint32_t *)((const uint8_t *)h + 36);
	while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
		uint32_t id = 0, flags = 0;
		bool cpu = false;

		if (p[0] == 0 && p[1] >= 8) { /* processor local APIC */
			id = p[3];
			flags = *(const uint32_t *)(p + 4);
			cpu = true;
		} else if (p[0] == 9 && p[1] >= 16) { /* local x2APIC */
			id = *(const uint32_t *)(p + 4);
			flags = *(const uint32_t *)(p + 8);
			cpu = true;
		}
		if (cpu && (flags & 1) && acpi_info.nr_cpus < ACPI_MAX_CPUS)
			acpi_info.apic_ids[acpi_info.nr_cpus++] = id;
		p += p[1];
	}
}

/* Finds "_S5_" in the DSDT and reads SLP_TYPa/b from its package. */
static void parse_s5(const struct acpi_info_hdr *dsdt)
{
	const uint8_t *p = (const uint8_t *)dsdt, *end = p + dsdt->length;

	for (p += sizeof(*dsdt); p + 12 < end; p++) {
		if (memcmp(p, "_S5_", 4) || p[4] != 0x12) /* PackageOp */
			continue;
		p += 5;
		p += ((*p & 0xc0) >> 6) + 1; /* PkgLength */
		p++;			     /* NumElements */
		for (int i = 0; i < 2 && p + 1 < end; i++) {
			uint8_t v;

			if (*p == 0x0a) { /* BytePrefix n */
				v = p[1];
				p += 2;
			} else { /* ZeroOp (0) or OneOp (1) */
				v = *p == 0x01;
				p++;
			}
			if (i == 0)
				acpi_info.s5_typa = v;
			else
				acpi_info.s5_typb = v;
		}
		acpi_info.have_s5 = true;
		return;
	}
}

static void parse_fadt(const struct acpi_info_hdr *h)
{
	const uint8_t *f = (const uint8_t *)h;
	uint64_t dsdt = 0;
	const struct acpi_info_hdr *d;

	if (h->length >= 68) {
		acpi_info.pm1a_cnt = *(const uint32_t *)(f + 64);
		acpi_info.pm1b_cnt = *(const uint32_t *)(f + 68);
		dsdt = *(const uint32_t *)(f + 40);
	}
	if (h->length >= 129 && (*(const uint32_t *)(f + 112) & (1 << 10))) {
		acpi_info.have_reset = true; /* RESET_REG_SUP */
		acpi_info.reset_space = f[116];
		acpi_info.reset_addr = *(const uint64_t *)(f + 120);
		acpi_info.reset_value = f[128];
	}
	if (h->length >= 148 && *(const uint64_t *)(f + 140))
		dsdt = *(const uint64_t *)(f + 140);
	d = valid_table(dsdt);
	if (d)
		parse_s5(d);
}

void acpi_init(void)
{
	const struct rsdp *r = find_rsdp();
	const struct acpi_info_hdr *root;
	bool x;
	unsigned int n;

	if (!r) {
		printk("ACPI: no RSDP found; one CPU, no ACPI power control\n");
		return;
	}
	x = r->revision >= 2 && r->xsdt;
	root = valid_table(x ? r->xsdt : r->rsdt);
	if (!root) {
		printk("ACPI: root table invalid; ignoring ACPI\n");
		return;
	}
	acpi_info.found = true;
	printk("ACPI: RSDP rev %u, %s at %#llx\n", r->revision,
	       x ? "XSDT" : "RSDT",
	       (unsigned long long)(x ? r->xsdt : r->rsdt));
	n = (root->length - sizeof(*root)) / (x ? 8 : 4);
	for (unsigned int i = 0; i < n; i++) {
		const uint8_t *e =
			(const uint8_t *)(root + 1) + i * (x ? 8 : 4);
		uint64_t pa = x ? *(const uint64_t *)e : *(const uint32_t *)e;
		const struct acpi_info_hdr *t = valid_table(pa);

		if (!t)
			continue;
		printk(XENLOG_INFO "ACPI: %.4s %#llx (len %u)\n", t->sig,
		       (unsigned long long)pa, t->length);
		if (!memcmp(t->sig, "APIC", 4))
			parse_madt(t);
		else if (!memcmp(t->sig, "FACP", 4))
			parse_fadt(t);
	}
}
