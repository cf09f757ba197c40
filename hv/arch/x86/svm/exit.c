// SPDX-License-Identifier: GPL-2.0-only
/*
 * SVM exit dispatch: one table keyed by exit code. Handlers decode the
 * SVM-specific exit information and call the neutral hvm_handle_*
 * functions. An exit with no handler crashes the domain, never the host.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/hvm.h>
#include "vmcb.h"
#include "svm.h"

typedef void (*svm_exit_fn)(struct vcpu *v, struct vmcb *vmcb);

struct svm_exit_entry {
	const char *name;
	svm_exit_fn fn;
	enum hvm_exit_class cls;
};

static void exit_intr(struct vcpu *v, struct vmcb *vmcb)
{
	(void)v;
	(void)vmcb;
	/* A host interrupt arrived while the guest ran: let it be taken. */
	local_irq_enable();
	asm volatile("nop");
	local_irq_disable();
}

static void exit_vintr(struct vcpu *v, struct vmcb *vmcb)
{
	(void)v;
	/* The guest can take an interrupt now: the next entry injects. */
	vmcb->vintr &= ~VINTR_V_IRQ;
	vmcb->intercept1 &= ~INT1_VINTR;
}

static void exit_nmi(struct vcpu *v, struct vmcb *vmcb)
{
	(void)v;
	(void)vmcb;
	/* Host NMI: it is delivered once GIF is set again; nothing to do. */
}

static void exit_cpuid(struct vcpu *v, struct vmcb *vmcb)
{
	(void)vmcb;
	/* CPUID is 0F A2; prefixes are legal, so decode the real length. */
	hvm_handle_cpuid(v, hvm_insn_length(v, 2));
}

static void exit_hlt(struct vcpu *v, struct vmcb *vmcb)
{
	(void)vmcb;
	hvm_handle_hlt(v, hvm_insn_length(v, 1));
}

static void exit_vmmcall(struct vcpu *v, struct vmcb *vmcb)
{
	(void)vmcb;
	hvm_handle_hypercall(v, hvm_insn_length(v, 3));
}

static void exit_ioio(struct vcpu *v, struct vmcb *vmcb)
{
	uint32_t info = vmcb->exitinfo1;
	uint16_t port = info >> 16;
	unsigned int size = (info >> IOIO_SZ_SHIFT) & 7; /* 1, 2 or 4 */
	bool in = info & IOIO_IN;

	if (size != 1 && size != 2 && size != 4) {
		domain_crash(v, "I/O exit with bad size field %#x", info);
		return;
	}
	/* exitinfo2 is the next RIP for IOIO exits, even without NRIP-save. */
	if (info & IOIO_STR)
		hvm_handle_string_io(v, port, size, in, info & IOIO_REP,
				     vmcb->exitinfo2);
	else
		hvm_handle_io(v, port, size, in, vmcb->exitinfo2);
}

static void exit_msr(struct vcpu *v, struct vmcb *vmcb)
{
	hvm_handle_msr(v, vmcb->exitinfo1 == 1, hvm_insn_length(v, 2));
}

static void exit_shutdown(struct vcpu *v, struct vmcb *vmcb)
{
	(void)vmcb;
	domain_crash(v, "triple fault");
}

static void exit_svm_insn(struct vcpu *v, struct vmcb *vmcb)
{
	(void)vmcb;
	/* No nested virtualization: SVM instructions are #UD in a guest. */
	hvm_ops->inject_exception(v, 6, false, 0);
}

static void exit_init(struct vcpu *v, struct vmcb *vmcb)
{
	(void)v;
	(void)vmcb;
	/* A physical INIT meant for this CPU while in the guest: ignore. */
}

static void exit_machine_check(struct vcpu *v, struct vmcb *vmcb)
{
	(void)vmcb;
	domain_crash(v, "machine check while running the guest");
}

static void exit_npf(struct vcpu *v, struct vmcb *vmcb)
{
	hvm_handle_npf(v, vmcb->exitinfo2, vmcb->exitinfo1);
}

static const struct svm_exit_entry exit_table[0x90] = {
	[SVM_EXIT_EXC_BASE + 18] = { "#MC", exit_machine_check },
	[SVM_EXIT_INTR] = { "INTR", exit_intr, HVM_EXIT_INTR },
	[SVM_EXIT_NMI] = { "NMI", exit_nmi },
	[SVM_EXIT_SMI] = { "SMI", exit_nmi },
	[SVM_EXIT_INIT] = { "INIT", exit_init },
	[SVM_EXIT_VINTR] = { "VINTR", exit_vintr, HVM_EXIT_VINTR },
	[SVM_EXIT_CPUID] = { "CPUID", exit_cpuid, HVM_EXIT_CPUID },
	[SVM_EXIT_HLT] = { "HLT", exit_hlt, HVM_EXIT_HLT },
	[SVM_EXIT_INVLPGA] = { "INVLPGA", exit_svm_insn },
	[SVM_EXIT_IOIO] = { "IOIO", exit_ioio, HVM_EXIT_IO },
	[SVM_EXIT_MSR] = { "MSR", exit_msr, HVM_EXIT_MSR },
	[SVM_EXIT_SHUTDOWN] = { "SHUTDOWN", exit_shutdown },
	[SVM_EXIT_VMRUN] = { "VMRUN", exit_svm_insn },
	[SVM_EXIT_VMMCALL] = { "VMMCALL", exit_vmmcall, HVM_EXIT_HYPERCALL },
	[SVM_EXIT_VMLOAD] = { "VMLOAD", exit_svm_insn },
	[SVM_EXIT_VMSAVE] = { "VMSAVE", exit_svm_insn },
	[SVM_EXIT_STGI] = { "STGI", exit_svm_insn },
	[SVM_EXIT_CLGI] = { "CLGI", exit_svm_insn },
	[SVM_EXIT_SKINIT] = { "SKINIT", exit_svm_insn },
	[SVM_EXIT_XSETBV] = { "XSETBV", exit_svm_insn },
};

void svm_handle_exit(struct vcpu *v, struct vmcb *vmcb)
{
	uint64_t code = vmcb->exitcode;
	const struct svm_exit_entry *e = NULL;

	/* An event cut short by this exit (e.g. an NPF while delivering an
	 * exception) must be delivered again on the next entry. */
	if (vmcb->exitintinfo & EVT_VALID) {
		vmcb->eventinj = vmcb->exitintinfo;
		vmcb->exitintinfo = 0;
	}
	if (code == SVM_EXIT_NPF) {
		v->exit_stats[HVM_EXIT_NPF]++;
		exit_npf(v, vmcb);
		return;
	}
	if (code == SVM_EXIT_INVALID) {
		domain_crash(v, "VMRUN refused the guest state (exit code -1)");
		return;
	}
	if (code < ARRAY_SIZE(exit_table))
		e = &exit_table[code];
	if (!e || !e->fn) {
		domain_crash(
			v, "unhandled SVM exit %#llx (info1 %#llx info2 %#llx)",
			(unsigned long long)code,
			(unsigned long long)vmcb->exitinfo1,
			(unsigned long long)vmcb->exitinfo2);
		return;
	}
	v->exit_stats[e->cls]++;
	e->fn(v, vmcb);
}
