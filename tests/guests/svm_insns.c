/*
 * The guest sees no SVM (CPUID 0x80000001 ECX bit 2 clear) and cannot
 * enable it: VMRUN, VMLOAD, VMSAVE, STGI, CLGI, INVLPGA and SKINIT raise
 * #UD in the guest (Xen injects #UD for them without nested
 * virtualization, xen/arch/x86/hvm/svm/svm.c), and setting EFER.SVME is
 * refused with #GP. The hypervisor itself must carry on.
 */
#include "guest.h"

DEFINE_TEST("svm_insns", "SVM instructions give #UD, EFER.SVME #GP");

#define EFER_SVME (1u << 12)

static const struct {
	enum probe_insn insn;
	const char *name;
} insns[] = {
	{ PROBE_VMRUN, "VMRUN" },   { PROBE_VMLOAD, "VMLOAD" },
	{ PROBE_VMSAVE, "VMSAVE" }, { PROBE_STGI, "STGI" },
	{ PROBE_CLGI, "CLGI" },	    { PROBE_INVLPGA, "INVLPGA" },
	{ PROBE_SKINIT, "SKINIT" },
};

void test_main(const struct hvm_start_info *si)
{
	uint64_t efer;
	int vec;

	(void)si;
	for (unsigned int i = 0; i < ARRAY_SIZE(insns); i++) {
		vec = probe_insn_ud(insns[i].insn);
		check(vec == X86_EXC_UD, "%s raises #UD (vector %d)",
		      insns[i].name, vec);
	}

	if (probe_rdmsr(MSR_EFER, &efer) == -1) {
		vec = probe_wrmsr(MSR_EFER, efer | EFER_SVME);
		check(vec == X86_EXC_GP, "setting EFER.SVME raises #GP (%d)",
		      vec);
		probe_rdmsr(MSR_EFER, &efer);
		check(!(efer & EFER_SVME), "EFER.SVME stays clear (%#lx)",
		      (unsigned long)efer);
	} else {
		test_fail("rdmsr EFER faulted");
	}
}
