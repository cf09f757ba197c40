/*
 * Starting the other vCPUs of a PVH domain the hardware way, as a PVH
 * Linux does (arch/x86/kernel/smpboot.c, with the facts from the Intel
 * SDM vol. 3 8.4.4 and Xen's xen/arch/x86/hvm/vlapic.c): every vCPU but 0
 * is down; INIT then SIPI through the x2APIC ICR starts one in real mode
 * at the SIPI vector's page, the lib/smp_trampoline.S brings it to
 * 64-bit mode. Each AP reports its x2APIC ID (Xen gives vCPU i the ID
 * 2i, and the MADT says so). A SIPI to a running AP is ignored (it keeps
 * running with its state), and INIT/SIPI to an APIC ID nobody has does
 * nothing. The module command line "cpus=N" says how many vCPUs the
 * domain must have.
 */
#include "smp.h"

DEFINE_TEST("smp_boot", "INIT/SIPI start every AP in 64-bit mode");

#define MAGIC 0x5eed0000u

static volatile unsigned int up_count, done_count;
static volatile uint32_t seen_id[SMP_MAX_CPUS];
static volatile uint64_t heartbeat[SMP_MAX_CPUS];
static volatile bool state_kept[SMP_MAX_CPUS];
static volatile bool stop;

static long vcpu_is_up(unsigned int vcpu)
{
	return HYPERVISOR_vcpu_op(VCPUOP_is_up, vcpu, NULL);
}

void ap_main(unsigned int cpu)
{
	volatile uint32_t local = MAGIC + cpu; /* lives on this AP's stack */
	uint32_t id = (uint32_t)rdmsr(X2APIC_ID);
	uint64_t base = rdmsr(MSR_APIC_BASE);

	printf("AP %u up, x2APIC ID %u\n", cpu, id);
	check(id == 2 * cpu && id == smp_apic_id(cpu),
	      "AP %u: x2APIC ID %u (MADT %u)", cpu, id, smp_apic_id(cpu));
	check_long((long)cpuid(0x40000004).ebx, cpu,
		   "AP %u: CPUID 0x40000004 vCPU id", cpu);
	check((base & (APIC_BASE_EN | APIC_BASE_EXTD | APIC_BASE_BSP)) ==
			      (APIC_BASE_EN | APIC_BASE_EXTD) &&
		      (base & ~0xfffULL) == 0xfee00000ULL,
	      "AP %u: IA32_APIC_BASE %#lx (x2APIC, not BSP)", cpu,
	      (unsigned long)base);
	check(read_cs() == GDT_CS64, "AP %u: in 64-bit mode (CS %#x)", cpu,
	      read_cs());
	seen_id[cpu] = id;
	__atomic_fetch_add(&up_count, 1, __ATOMIC_SEQ_CST);
	while (!__atomic_load_n(&stop, __ATOMIC_SEQ_CST)) {
		__atomic_fetch_add(&heartbeat[cpu], 1, __ATOMIC_SEQ_CST);
		cpu_relax();
	}
	state_kept[cpu] = local == MAGIC + cpu;
	__atomic_fetch_add(&done_count, 1, __ATOMIC_SEQ_CST);
	for (;;)
		safe_halt(); /* nothing will wake it */
}

/* Whether every started AP's heartbeat still advances. */
static bool all_running(unsigned int n)
{
	uint64_t before[SMP_MAX_CPUS];

	for (unsigned int i = 1; i < n; i++)
		before[i] = heartbeat[i];
	for (unsigned int i = 1; i < n; i++)
		if (!spin_until(heartbeat[i] != before[i], SMP_WAIT_TSC))
			return false;
	return true;
}

/*
 * Real mode at the SIPI vector's page, as after INIT on hardware (SDM
 * vol. 3 table 9-1): CS = vector << 8, the other selectors 0, protection
 * and paging off, EFLAGS 0x2.
 */
static void entry_state(unsigned int cpu)
{
	const struct smp_ap_entry_state *e = smp_ap_entry_state(cpu);

	check(e->cs == SMP_SIPI_VECTOR << 8 && !e->ds && !e->es && !e->ss &&
		      !e->fs && !e->gs,
	      "AP %u started with CS %#x, DS %#x, ES %#x, SS %#x, FS %#x, GS "
	      "%#x",
	      cpu, e->cs, e->ds, e->es, e->ss, e->fs, e->gs);
	check(!(e->cr0 & (CR0_PE | CR0_PG)) && e->eflags == X86_EFLAGS_MBS,
	      "AP %u started in real mode: CR0 %#x, EFLAGS %#x", cpu, e->cr0,
	      e->eflags);
}

static unsigned int expected_cpus(const struct hvm_start_info *si)
{
	static const char *const words[] = { "cpus=1", "cpus=2", "cpus=3",
					     "cpus=4", "cpus=5", "cpus=6",
					     "cpus=7", "cpus=8" };

	for (unsigned int i = 0; i < ARRAY_SIZE(words); i++)
		if (cmdline_has(si, words[i]))
			return i + 1;
	return 0;
}

static void bad_destinations(unsigned int n)
{
	const uint32_t nobody[] = { 2 * n, 1, 2 * n + 1, 0x100, 0xfffe };
	unsigned int entries = smp_ap_entries(), up = up_count;

	for (unsigned int i = 0; i < ARRAY_SIZE(nobody); i++) {
		apic_icr_write(nobody[i], ICR_INIT | ICR_LEVEL_ASSERT);
		tsc_delay(SMP_QUIET_TSC / 20);
		apic_icr_write(nobody[i], ICR_STARTUP | SMP_SIPI_VECTOR);
		apic_icr_write(nobody[i], ICR_STARTUP | SMP_SIPI_VECTOR);
	}
	tsc_delay(SMP_QUIET_TSC);
	check(smp_ap_entries() == entries && up_count == up,
	      "INIT/SIPI to absent APIC IDs %u, 1, %u, 0x100, 0xfffe start "
	      "nothing (%u entries, %u up)",
	      2 * n, 2 * n + 1, smp_ap_entries(), up_count);
	check_long(vcpu_is_up(n), -XEN_ENOENT, "VCPUOP_is_up(%u)", n);
	check(all_running(n), "the APs still run");
}

void test_main(const struct hvm_start_info *si)
{
	unsigned int n = smp_init(si), want = expected_cpus(si);
	uint64_t base = rdmsr(MSR_APIC_BASE);
	uint64_t h;
	bool stopped;

	printf("MADT: %u CPUs\n", n);
	if (want)
		check_long(n, want, "CPUs in the MADT");
	if (!check(n >= 2, "at least two vCPUs to start"))
		return;
	check((base & (APIC_BASE_EN | APIC_BASE_EXTD | APIC_BASE_BSP)) ==
		      (APIC_BASE_EN | APIC_BASE_EXTD | APIC_BASE_BSP),
	      "BSP: IA32_APIC_BASE %#lx (x2APIC, BSP)", (unsigned long)base);
	check_long(rdmsr(X2APIC_ID), 0, "BSP: x2APIC ID");
	for (unsigned int i = 1; i < n; i++)
		check_long(vcpu_is_up(i), 0, "vCPU %u is down before INIT", i);

	for (unsigned int i = 1; i < n; i++) {
		if (!check(smp_start_ap(i), "INIT, SIPI, SIPI start AP %u", i))
			test_abort("AP %u did not come up", i);
		if (!check(spin_until(up_count == i, SMP_WAIT_TSC),
			   "AP %u reported (%u up)", i, up_count))
			return;
		check_long(vcpu_is_up(i), 1, "VCPUOP_is_up(%u)", i);
		entry_state(i);
	}
	check_long(smp_ap_entries(), n - 1,
		   "each AP entered the trampoline once (the second SIPI "
		   "was ignored)");
	for (unsigned int i = 1; i < n; i++)
		check_long(seen_id[i], 2 * i, "AP %u saw x2APIC ID", i);

	/* A SIPI to a running AP: ignored, it keeps running. */
	for (unsigned int i = 1; i < n; i++) {
		h = heartbeat[i];
		apic_icr_write(smp_apic_id(i), ICR_STARTUP | SMP_SIPI_VECTOR);
		tsc_delay(SMP_QUIET_TSC);
		check(smp_ap_entries() == n - 1 &&
			      spin_until(heartbeat[i] != h, SMP_WAIT_TSC),
		      "SIPI to running AP %u ignored (%u entries, heartbeat "
		      "%lu -> %lu)",
		      i, smp_ap_entries(), (unsigned long)h,
		      (unsigned long)heartbeat[i]);
	}

	bad_destinations(n);

	__atomic_store_n(&stop, true, __ATOMIC_SEQ_CST);
	stopped = spin_until(done_count == n - 1, SMP_WAIT_TSC);
	if (check(stopped, "all APs stopped (%u)", done_count))
		for (unsigned int i = 1; i < n; i++)
			check(state_kept[i], "AP %u kept its stack state", i);
	check_long(smp_ap_entries(), n - 1, "no AP restarted");
	printf("all %u vCPUs up\n", n);
}
