/*
 * ACPI for a PVH dom0 (Xen: xen/arch/x86/hvm/dom0_build.c pvh_setup_acpi):
 * hvm_start_info.rsdp_paddr points at an RSDP whose checksums hold; its
 * XSDT (or RSDT) lists tables with valid checksums, among them a MADT
 * describing dom0's own vCPUs; and the tables lie outside dom0's RAM in
 * the memory map, so the guest will not reuse them as free memory.
 */
#include "guest.h"

DEFINE_TEST("acpi", "RSDP, XSDT and MADT given to dom0");

struct __attribute__((packed)) rsdp {
	char signature[8];
	uint8_t checksum;
	char oem_id[6];
	uint8_t revision;
	uint32_t rsdt;
	uint32_t length;
	uint64_t xsdt;
	uint8_t ext_checksum;
	uint8_t reserved[3];
};

struct __attribute__((packed)) sdt_header {
	char signature[4];
	uint32_t length;
	uint8_t revision;
	uint8_t checksum;
	char oem_id[6];
	char oem_table_id[8];
	uint32_t oem_revision;
	uint32_t creator_id;
	uint32_t creator_revision;
};

static const struct hvm_start_info *start;

static uint8_t sum(const void *p, size_t n)
{
	const uint8_t *b = p;
	uint8_t s = 0;

	while (n--)
		s += *b++;
	return s;
}

/* Is [pa, pa + len) inside a memory-map entry that is not RAM? */
static bool outside_ram(uint64_t pa, uint64_t len)
{
	const struct hvm_memmap_table_entry *m =
		(const void *)(unsigned long)start->memmap_paddr;

	for (unsigned int i = 0; i < start->memmap_entries; i++)
		if (m[i].addr <= pa && pa + len <= m[i].addr + m[i].size)
			return m[i].type != XEN_HVM_MEMMAP_TYPE_RAM;
	return true; /* not in the map at all: not RAM either */
}

static unsigned int count_lapics(const struct sdt_header *madt)
{
	const uint8_t *p = (const uint8_t *)madt + sizeof(*madt) + 8;
	const uint8_t *end = (const uint8_t *)madt + madt->length;
	unsigned int n = 0;

	while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
		/* Type 0: processor local APIC; type 9: local x2APIC. */
		if ((p[0] == 0 && (p[4] & 1)) || (p[0] == 9 && (p[8] & 1)))
			n++;
		p += p[1];
	}
	return n;
}

void test_main(const struct hvm_start_info *si)
{
	const struct rsdp *rsdp;
	const struct sdt_header *sdt, *madt = NULL;
	unsigned int entry_size, n;

	start = si;
	if (!check(si->rsdp_paddr && si->rsdp_paddr < 0x100000000ULL,
		   "rsdp_paddr %#lx is set, below 4 GiB",
		   (unsigned long)si->rsdp_paddr))
		return;
	rsdp = (const void *)(unsigned long)si->rsdp_paddr;
	if (!check(!memcmp(rsdp->signature, "RSD PTR ", 8),
		   "RSDP signature \"%.8s\"", rsdp->signature))
		return;
	check(sum(rsdp, 20) == 0, "RSDP checksum");
	if (rsdp->revision >= 2) {
		check(sum(rsdp, rsdp->length) == 0, "RSDP extended checksum");
		sdt = (const void *)(unsigned long)rsdp->xsdt;
		entry_size = 8;
	} else {
		sdt = (const void *)(unsigned long)rsdp->rsdt;
		entry_size = 4;
	}
	check(outside_ram(si->rsdp_paddr, sizeof(*rsdp)),
	      "the RSDP is not in dom0's RAM");
	if (!check(!memcmp(sdt->signature, entry_size == 8 ? "XSDT" : "RSDT",
			   4) &&
			   sum(sdt, sdt->length) == 0,
		   "%.4s at %p, checksum good", sdt->signature, (void *)sdt))
		return;
	check(outside_ram((uint64_t)(unsigned long)sdt, sdt->length),
	      "the %.4s is not in dom0's RAM", sdt->signature);

	n = (sdt->length - sizeof(*sdt)) / entry_size;
	for (unsigned int i = 0; i < n; i++) {
		const uint8_t *e = (const uint8_t *)(sdt + 1) + i * entry_size;
		uint64_t pa = 0;
		const struct sdt_header *t;

		memcpy(&pa, e, entry_size);
		t = (const void *)(unsigned long)pa;
		printf("table %u: %.4s at %#lx, %u bytes\n", i, t->signature,
		       (unsigned long)pa, t->length);
		check(sum(t, t->length) == 0 && outside_ram(pa, t->length),
		      "%.4s checksum good, not in dom0's RAM", t->signature);
		if (!memcmp(t->signature, "APIC", 4))
			madt = t;
	}
	if (check(madt != NULL, "there is a MADT"))
		check_long(count_lapics(madt), 1,
			   "enabled local APICs in the MADT (dom0's vCPUs)");
}
