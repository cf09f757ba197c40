/*
 * What the x2APIC MSR interface refuses (Intel SDM vol. 3, 10.12.1.2 and
 * table 10-6; Xen's guest_{rd,wr}msr_x2apic in xen/arch/x86/hvm/vlapic.c):
 * reserved MSRs in 0x800-0x8ff raise #GP on read and write, so do writes
 * to read-only registers, reads of write-only ones (EOI, SELF_IPI), a
 * non-zero EOI or ESR write, a SELF_IPI beyond a vector, and a write with
 * the upper half set to a 32-bit register. IA32_APIC_BASE cannot leave
 * x2APIC mode for xAPIC mode (the only mode here). None of it may change a
 * register, and the APIC still works afterwards. With two vCPUs the same
 * runs on AP 1 too.
 */
#include "smp.h"

DEFINE_TEST("lapic_bad", "x2APIC MSR accesses that raise #GP");

#define TEST_VECTOR 0xf0

static const uint32_t reserved[] = {
	0x800, 0x801, 0x804, 0x805, 0x806, 0x807, 0x809, 0x80c, 0x80e, 0x829,
	0x82a, 0x82e, 0x831, 0x83a, 0x83b, 0x83d, 0x840, 0x841, 0x8fe, 0x8ff,
};

static const uint32_t read_only[] = {
	X2APIC_ID,   X2APIC_VERSION,  X2APIC_PPR,   X2APIC_LDR,
	X2APIC_ISR0, X2APIC_ISR0 + 7, X2APIC_TMR0,  X2APIC_TMR0 + 7,
	X2APIC_IRR0, X2APIC_IRR0 + 7, X2APIC_TMCCT,
};

static const uint32_t write_only[] = { X2APIC_EOI, X2APIC_SELF_IPI };

static volatile unsigned int ipis;
static volatile bool ap_go, ap_done;

static void on_ipi(struct cpu_regs *regs)
{
	(void)regs;
	ipis++;
	apic_eoi();
}

static bool gp(int vec)
{
	return vec == X86_EXC_GP && last_fault.error_code == 0;
}

static void expect_gp_write(unsigned int cpu, uint32_t msr, uint64_t val,
			    const char *what)
{
	int vec = probe_wrmsr(msr, val);

	check(gp(vec), "cpu %u: wrmsr %#x <- %#lx (%s) raises #GP(0) (%d)", cpu,
	      msr, (unsigned long)val, what, vec);
}

static void expect_gp_read(unsigned int cpu, uint32_t msr, const char *what)
{
	uint64_t v;
	int vec = probe_rdmsr(msr, &v);

	check(gp(vec), "cpu %u: rdmsr %#x (%s) raises #GP(0) (%d)", cpu, msr,
	      what, vec);
}

static void bad_accesses(unsigned int cpu)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(reserved); i++) {
		expect_gp_read(cpu, reserved[i], "reserved");
		expect_gp_write(cpu, reserved[i], 0, "reserved");
	}
	for (unsigned int i = 0; i < ARRAY_SIZE(read_only); i++)
		expect_gp_write(cpu, read_only[i], rdmsr(read_only[i]),
				"read-only");
	for (unsigned int i = 0; i < ARRAY_SIZE(write_only); i++)
		expect_gp_read(cpu, write_only[i], "write-only");
	expect_gp_write(cpu, X2APIC_EOI, 1, "EOI must be 0");
	expect_gp_write(cpu, X2APIC_ESR, 1, "ESR writes must be 0");
	expect_gp_write(cpu, X2APIC_SELF_IPI, 0x100, "beyond a vector");
	expect_gp_write(cpu, X2APIC_TPR, 1ULL << 32 | 0x20, "upper half set");
	expect_gp_write(cpu, X2APIC_SVR,
			1ULL << 63 | APIC_SVR_ENABLE | APIC_SPURIOUS_VECTOR,
			"upper half set");
	expect_gp_write(cpu, X2APIC_LVT_TIMER, 1ULL << 32 | 0x10000,
			"upper half set");
	expect_gp_write(cpu, X2APIC_TMICT, 1ULL << 40 | 1000, "upper half set");
}

/* Nothing above changed a register. */
static void unchanged(unsigned int cpu, uint64_t ver, uint64_t svr)
{
	check_long(rdmsr(X2APIC_ID), smp_apic_id(cpu), "cpu %u: ID", cpu);
	check_long(rdmsr(X2APIC_VERSION), ver, "cpu %u: version", cpu);
	check_long(rdmsr(X2APIC_TPR), 0, "cpu %u: TPR", cpu);
	check_long(rdmsr(X2APIC_PPR), 0, "cpu %u: PPR", cpu);
	check_long(rdmsr(X2APIC_SVR), svr, "cpu %u: SVR", cpu);
	check_long(rdmsr(X2APIC_LVT_TIMER), 0x10000, "cpu %u: LVT timer", cpu);
	check_long(rdmsr(X2APIC_TMICT), 0, "cpu %u: TMICT", cpu);
	check_long(rdmsr(X2APIC_ISR0 + 7), 0, "cpu %u: ISR 224-255", cpu);
}

static void apic_base(unsigned int cpu)
{
	uint64_t base = rdmsr(MSR_APIC_BASE);

	check((base & (APIC_BASE_EN | APIC_BASE_EXTD)) ==
		      (APIC_BASE_EN | APIC_BASE_EXTD),
	      "cpu %u: IA32_APIC_BASE %#lx: x2APIC mode", cpu,
	      (unsigned long)base);
	expect_gp_write(cpu, MSR_APIC_BASE, base & ~(uint64_t)APIC_BASE_EXTD,
			"x2APIC to xAPIC");
	check_long(rdmsr(MSR_APIC_BASE), base, "cpu %u: IA32_APIC_BASE", cpu);
	check_long(probe_wrmsr(MSR_APIC_BASE, base), -1,
		   "cpu %u: IA32_APIC_BASE rewritten unchanged (vector)", cpu);
}

/* The APIC still works: a self-IPI arrives and EOI retires it. */
static void still_works(unsigned int cpu)
{
	unsigned int before = ipis;

	wrmsr(X2APIC_SELF_IPI, TEST_VECTOR);
	local_irq_enable();
	asm volatile("nop; nop; nop" ::: "memory");
	local_irq_disable();
	check(ipis == before + 1 && !apic_isr_has(TEST_VECTOR),
	      "cpu %u: a self-IPI still arrives and EOI retires it (%u)", cpu,
	      ipis - before);
}

static void run(unsigned int cpu)
{
	uint64_t ver, svr;

	apic_sw_enable();
	ver = rdmsr(X2APIC_VERSION);
	svr = rdmsr(X2APIC_SVR);
	bad_accesses(cpu);
	unchanged(cpu, ver, svr);
	apic_base(cpu);
	still_works(cpu);
}

void ap_main(unsigned int cpu)
{
	spin_until(ap_go, SMP_WAIT_TSC);
	run(cpu);
	__atomic_store_n(&ap_done, true, __ATOMIC_SEQ_CST);
	for (;;)
		safe_halt();
}

void test_main(const struct hvm_start_info *si)
{
	unsigned int n = smp_init(si);

	set_irq_handler(TEST_VECTOR, on_ipi);
	run(0);
	if (n < 2)
		return;
	if (!check(smp_start_ap(1), "AP 1 started"))
		return;
	__atomic_store_n(&ap_go, true, __ATOMIC_SEQ_CST);
	check(spin_until(ap_done, 4 * SMP_WAIT_TSC), "AP 1 finished");
	printf("still running after the bad accesses\n");
}
