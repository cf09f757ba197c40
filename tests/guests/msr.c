/*
 * MSR accesses: MSRs that do not exist raise #GP(0) in the guest and the
 * domain carries on (Xen 4.17 injects #GP for unhandled MSRs unless
 * msr_relaxed is set); ordinary architectural MSRs read back sensibly.
 */
#include "guest.h"

DEFINE_TEST("msr", "MSR reads and writes, #GP for MSRs that do not exist");

#define MSR_TSC 0x10
#define MSR_APIC_BASE 0x1b
#define APIC_BASE_BSP (1u << 8)
#define APIC_BASE_ENABLE (1u << 11)

static const uint32_t bogus[] = { 0xdeadbeef, 0x12345678, 0x4000ffff };

void test_main(const struct hvm_start_info *si)
{
	uint64_t v;
	int vec;

	(void)si;
	for (unsigned int i = 0; i < ARRAY_SIZE(bogus); i++) {
		vec = probe_rdmsr(bogus[i], &v);
		check(vec == X86_EXC_GP && last_fault.error_code == 0,
		      "rdmsr %#x raises #GP(0) (vector %d, error %#lx)",
		      bogus[i], vec, last_fault.error_code);
		vec = probe_wrmsr(bogus[i], 0);
		check(vec == X86_EXC_GP && last_fault.error_code == 0,
		      "wrmsr %#x raises #GP(0) (vector %d, error %#lx)",
		      bogus[i], vec, last_fault.error_code);
	}

	vec = probe_rdmsr(MSR_EFER, &v);
	check(vec == -1 &&
		      (v & (EFER_LME | (1u << 10))) == (EFER_LME | (1u << 10)),
	      "EFER reads back with LME and LMA set (vector %d, %#lx)", vec, v);
	{
		/* Reserved EFER bits: #GP (Xen hvm_set_efer), no change. */
		uint64_t after;

		vec = probe_wrmsr(MSR_EFER, v | (1ull << 20));
		probe_rdmsr(MSR_EFER, &after);
		check(vec == X86_EXC_GP && after == v,
		      "EFER reserved bit 20 raises #GP, EFER stays %#lx "
		      "(vector %d)",
		      (unsigned long)after, vec);
	}

	/* Only that it reads: QEMU's TCG itself returns 0 for this MSR. */
	vec = probe_rdmsr(MSR_TSC, &v);
	check(vec == -1, "rdmsr TSC (vector %d, %#lx)", vec, v);

	vec = probe_rdmsr(MSR_APIC_BASE, &v);
	check(vec == -1 && (v & ~0xfffULL) == 0xfee00000 &&
		      (v & APIC_BASE_ENABLE) && (v & APIC_BASE_BSP),
	      "APIC base %#lx: 0xfee00000, enabled, BSP (vector %d)", v, vec);
}
