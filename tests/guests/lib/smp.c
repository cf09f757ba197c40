/*
 * SMP support (lib/smp.h): the MADT's processors, x2APIC helpers, and AP
 * start-up with INIT/SIPI as the Intel SDM (vol. 3, 8.4.4) and the ACPI
 * spec (MADT, 5.2.12) describe it.
 */
#include "smp.h"

struct __attribute__((packed)) acpi_rsdp {
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

struct __attribute__((packed)) acpi_header {
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

#define MADT_LAPIC 0
#define MADT_X2APIC 9
#define MADT_ENABLED 1

extern const char ap_trampoline[], ap_trampoline_end[];
extern char ap_trampoline_gdtr[], ap_trampoline_state[];
void ap_start(unsigned int cpu);
/* Weak: only the tests that start APs define it. */
extern void ap_main(unsigned int cpu) __attribute__((weak));

/* Read by lib/smp_trampoline.S. */
uint64_t ap_boot_stack;
uint32_t ap_boot_cpu;

static uint8_t ap_stacks[SMP_MAX_CPUS][16384] __attribute__((aligned(16)));
static struct desc_ptr boot_idt;
static uint32_t apic_ids[SMP_MAX_CPUS];
static unsigned int nr_cpus;
static volatile unsigned int ap_alive[SMP_MAX_CPUS];
static volatile unsigned int ap_entry_count;
static struct smp_ap_entry_state ap_entry[SMP_MAX_CPUS];

void tsc_delay(uint64_t cycles)
{
	uint64_t t0 = rdtsc();

	while (rdtsc() - t0 < cycles)
		cpu_relax();
}

static const struct acpi_header *find_madt(const struct hvm_start_info *si)
{
	const struct acpi_rsdp *rsdp =
		(const void *)(unsigned long)si->rsdp_paddr;
	const struct acpi_header *sdt;
	unsigned int entry_size, n;

	if (!si->rsdp_paddr || si->rsdp_paddr >= 0x100000000ULL ||
	    memcmp(rsdp->signature, "RSD PTR ", 8))
		return NULL;
	if (rsdp->revision >= 2 && rsdp->xsdt && rsdp->xsdt < 0x100000000ULL) {
		sdt = (const void *)(unsigned long)rsdp->xsdt;
		entry_size = 8;
	} else {
		sdt = (const void *)(unsigned long)rsdp->rsdt;
		entry_size = 4;
	}
	if (!sdt || sdt->length < sizeof(*sdt))
		return NULL;
	n = (sdt->length - sizeof(*sdt)) / entry_size;
	for (unsigned int i = 0; i < n; i++) {
		const uint8_t *e = (const uint8_t *)(sdt + 1) + i * entry_size;
		uint64_t pa = 0;
		const struct acpi_header *t;

		memcpy(&pa, e, entry_size);
		if (!pa || pa >= 0x100000000ULL)
			continue;
		t = (const void *)(unsigned long)pa;
		if (!memcmp(t->signature, "APIC", 4))
			return t;
	}
	return NULL;
}

unsigned int smp_init(const struct hvm_start_info *si)
{
	const struct acpi_header *madt = find_madt(si);
	const uint8_t *p, *end;

	nr_cpus = 0;
	if (!madt) {
		test_fail("smp_init: no MADT");
		return 0;
	}
	/* The header, then the local APIC address and flags (8 bytes). */
	p = (const uint8_t *)(madt + 1) + 8;
	end = (const uint8_t *)madt + madt->length;
	while (p + 2 <= end && p[1] >= 2 && p + p[1] <= end) {
		uint32_t id = 0, flags = 0;
		bool cpu = false;

		if (p[0] == MADT_LAPIC && p[1] >= 8) {
			id = p[3];
			memcpy(&flags, p + 4, 4);
			cpu = true;
		} else if (p[0] == MADT_X2APIC && p[1] >= 16) {
			memcpy(&id, p + 4, 4);
			memcpy(&flags, p + 8, 4);
			cpu = true;
		}
		if (cpu && (flags & MADT_ENABLED)) {
			if (nr_cpus < SMP_MAX_CPUS)
				apic_ids[nr_cpus] = id;
			nr_cpus++;
		}
		p += p[1];
	}
	if (nr_cpus > SMP_MAX_CPUS) {
		printf("smp_init: %u CPUs, using the first %u\n", nr_cpus,
		       SMP_MAX_CPUS);
		nr_cpus = SMP_MAX_CPUS;
	}
	if (nr_cpus && apic_ids[0] != (uint32_t)rdmsr(X2APIC_ID))
		test_fail("smp_init: MADT's first CPU has APIC ID %u, this "
			  "one %u",
			  apic_ids[0], (uint32_t)rdmsr(X2APIC_ID));
	asm volatile("sidt %0" : "=m"(boot_idt));
	return nr_cpus;
}

unsigned int smp_cpus(void)
{
	return nr_cpus;
}

uint32_t smp_apic_id(unsigned int cpu)
{
	return cpu < nr_cpus ? apic_ids[cpu] : 0xffffffffu;
}

int smp_cpu_of_apic_id(uint32_t id)
{
	for (unsigned int i = 0; i < nr_cpus; i++)
		if (apic_ids[i] == id)
			return (int)i;
	return -1;
}

unsigned int smp_this_cpu(void)
{
	int cpu = smp_cpu_of_apic_id((uint32_t)rdmsr(X2APIC_ID));

	return cpu < 0 ? 0 : (unsigned int)cpu;
}

void apic_sw_enable(void)
{
	wrmsr(X2APIC_SVR, APIC_SVR_ENABLE | APIC_SPURIOUS_VECTOR);
}

void apic_icr_write(uint32_t dest, uint32_t low)
{
	wrmsr(X2APIC_ICR, (uint64_t)dest << 32 | low);
}

void apic_eoi(void)
{
	wrmsr(X2APIC_EOI, 0);
}

bool apic_isr_has(uint8_t vector)
{
	return rdmsr(X2APIC_ISR0 + vector / 32) >> (vector % 32) & 1;
}

bool apic_irr_has(uint8_t vector)
{
	return rdmsr(X2APIC_IRR0 + vector / 32) >> (vector % 32) & 1;
}

/* Copies the real-mode part below 1 MiB, pointing it at our GDT. */
static void install_trampoline(void)
{
	size_t len = (size_t)(ap_trampoline_end - ap_trampoline);
	char *dst = (char *)(unsigned long)SMP_TRAMPOLINE_PA;
	struct desc_ptr gdt;

	asm volatile("sgdt %0" : "=m"(gdt));
	memcpy(dst, ap_trampoline, len);
	/* 16-bit limit, then the 32-bit base lgdtl loads. */
	memcpy(dst + (ap_trampoline_gdtr - ap_trampoline), &gdt.limit, 2);
	memcpy(dst + (ap_trampoline_gdtr - ap_trampoline) + 2, &gdt.base, 4);
}

bool smp_start_ap(unsigned int cpu)
{
	uint32_t dest;

	if (cpu == 0 || cpu >= nr_cpus)
		return false;
	dest = apic_ids[cpu];
	install_trampoline();
	ap_boot_cpu = cpu;
	ap_boot_stack = (uint64_t)&ap_stacks[cpu][sizeof(ap_stacks[cpu])];
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	/* INIT (level assert), then two SIPIs as the SDM's MP protocol. */
	apic_icr_write(dest, ICR_INIT | ICR_LEVEL_ASSERT);
	tsc_delay(SMP_QUIET_TSC / 20);
	apic_icr_write(dest, ICR_STARTUP | SMP_SIPI_VECTOR);
	tsc_delay(SMP_QUIET_TSC / 100);
	apic_icr_write(dest, ICR_STARTUP | SMP_SIPI_VECTOR);
	if (!spin_until(ap_alive[cpu], SMP_WAIT_TSC))
		return false;
	memcpy(&ap_entry[cpu],
	       (char *)(unsigned long)SMP_TRAMPOLINE_PA +
		       (ap_trampoline_state - ap_trampoline),
	       sizeof(ap_entry[cpu]));
	return true;
}

const struct smp_ap_entry_state *smp_ap_entry_state(unsigned int cpu)
{
	return &ap_entry[cpu < SMP_MAX_CPUS ? cpu : 0];
}

unsigned int smp_ap_entries(void)
{
	return __atomic_load_n(&ap_entry_count, __ATOMIC_SEQ_CST);
}

void ap_start(unsigned int cpu)
{
	lidt(&boot_idt);
	__atomic_fetch_add(&ap_entry_count, 1, __ATOMIC_SEQ_CST);
	if (cpu < SMP_MAX_CPUS)
		__atomic_store_n(&ap_alive[cpu], 1, __ATOMIC_SEQ_CST);
	if (ap_main)
		ap_main(cpu);
	halt_forever();
}
