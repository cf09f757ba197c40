// SPDX-License-Identifier: GPL-2.0-only
/*
 * AMD SVM back-end: per-CPU enablement, VMCB set-up, guest entry and the
 * vendor hooks the neutral vCPU core calls. QEMU's SVM (our test bed) has
 * nested paging but no NRIP-save, decode assists, clean bits or
 * flush-by-ASID, so we decode instruction lengths ourselves and flush the
 * whole TLB where hardware would flush one ASID.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/x86.h>
#include <hv/xmalloc.h>
#include <hv/percpu.h>
#include <hv/hvm.h>
#include "vmcb.h"
#include "svm.h"

#define MSR_VM_CR 0xc0010114
#define VM_CR_SVMDIS (1 << 4)
#define MSR_VM_HSAVE_PA 0xc0010117
#define DEFAULT_PAT 0x0007040600070406ULL

static uint8_t *iopm;	   /* 12 KiB: every port intercepted */
static uint8_t *iopm_dom0; /* the same, but the dom0 passthrough ports */
static uint8_t *msrpm;	   /* 8 KiB: every MSR intercepted but the VMCB's own */

uint32_t svm_features; /* CPUID 0x8000000a EDX */

/* Lets guest accesses to @msr through (it lives in the VMCB save area). */
static void msrpm_passthrough(uint32_t msr)
{
	uint32_t base;

	if (msr < 0x2000)
		base = 0;
	else if (msr >= 0xc0000000 && msr < 0xc0002000)
		base = 0x800, msr -= 0xc0000000;
	else if (msr >= 0xc0010000 && msr < 0xc0012000)
		base = 0x1000, msr -= 0xc0010000;
	else
		return;
	msrpm[base + msr / 4] &= ~(3u << ((msr % 4) * 2));
}

bool svm_available(const char **why)
{
	uint32_t a, b, c, d;

	cpuid(0x80000000, &a, &b, &c, &d);
	if (a < 0x8000000a) {
		*why = "CPUID has no SVM leaf";
		return false;
	}
	cpuid(0x80000001, &a, &b, &c, &d);
	if (!(c & (1 << 2))) {
		*why = "CPU has no AMD SVM (use -cpu qemu64,+svm,+npt or -cpu max)";
		return false;
	}
	cpuid(0x8000000a, &a, &b, &c, &d);
	svm_features = d;
	if (!(d & 1)) {
		*why = "SVM without nested paging (NPT) is not supported (add +npt)";
		return false;
	}
	if (rdmsr(MSR_VM_CR) & VM_CR_SVMDIS) {
		*why = "SVM is disabled by the firmware (VM_CR.SVMDIS)";
		return false;
	}
	return true;
}

int svm_global_init(void)
{
	iopm = alloc_pages(2);
	iopm_dom0 = alloc_pages(2);
	msrpm = alloc_pages(1);
	if (!iopm || !iopm_dom0 || !msrpm)
		return -ENOMEM;
	memset(iopm, 0xff, 4 * PAGE_SIZE);
	memset(iopm_dom0, 0xff, 4 * PAGE_SIZE);
	for (unsigned int i = 0; i < hvm_nr_dom0_passthrough_ports; i++) {
		uint16_t port = hvm_dom0_passthrough_ports[i];

		iopm_dom0[port / 8] &= ~(1u << (port % 8));
	}
	memset(msrpm, 0xff, 2 * PAGE_SIZE);
	/* State the VMCB holds and VMLOAD/VMSAVE switch: no need to trap. */
	msrpm_passthrough(0xc0000100); /* FS_BASE */
	msrpm_passthrough(0xc0000101); /* GS_BASE */
	msrpm_passthrough(0xc0000102); /* KERNEL_GS_BASE */
	msrpm_passthrough(0xc0000081); /* STAR */
	msrpm_passthrough(0xc0000082); /* LSTAR */
	msrpm_passthrough(0xc0000083); /* CSTAR */
	msrpm_passthrough(0xc0000084); /* SFMASK */
	msrpm_passthrough(0x174);      /* SYSENTER_CS */
	msrpm_passthrough(0x175);      /* SYSENTER_ESP */
	msrpm_passthrough(0x176);      /* SYSENTER_EIP */
	return 0;
}

int svm_cpu_init(void)
{
	struct percpu *pc = this_cpu();

	if (!pc->svm_host_save) {
		pc->svm_host_save = alloc_zeroed_page();
		pc->svm_host_vmcb = alloc_zeroed_page();
		if (!pc->svm_host_save || !pc->svm_host_vmcb)
			return -ENOMEM;
	}
	wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SVME);
	wrmsr(MSR_VM_HSAVE_PA, virt_to_phys(pc->svm_host_save));
	return 0;
}

static void set_seg(struct vmcb_seg *s, uint16_t sel, uint16_t attr,
		    uint32_t limit, uint64_t base)
{
	s->sel = sel;
	s->attr = attr;
	s->limit = limit;
	s->base = base;
}

static int svm_vcpu_init(struct vcpu *v)
{
	struct svm_vcpu *s = xzalloc(sizeof(*s));
	struct vmcb *vmcb;

	if (!s)
		return -ENOMEM;
	vmcb = alloc_zeroed_page();
	if (!vmcb) {
		xfree(s);
		return -ENOMEM;
	}
	s->vmcb = vmcb;
	s->vmcb_pa = virt_to_phys(vmcb);
	s->flush_tlb = true;
	v->arch = s;

	vmcb->intercept1 = INT1_INTR | INT1_NMI | INT1_SMI | INT1_INIT |
			   INT1_CPUID | INT1_HLT | INT1_INVLPGA | INT1_IOIO |
			   INT1_MSR | INT1_SHUTDOWN;
	vmcb->intercept2 = INT2_VMRUN | INT2_VMMCALL | INT2_VMLOAD |
			   INT2_VMSAVE | INT2_STGI | INT2_CLGI | INT2_SKINIT |
			   INT2_XSETBV;
	vmcb->intercept_exc = 1u << 18; /* #MC: never let a guest see it */
	vmcb->iopm_base_pa =
		virt_to_phys(v->domain->is_privileged ? iopm_dom0 : iopm);
	vmcb->msrpm_base_pa = virt_to_phys(msrpm);
	vmcb->asid = 1;
	vmcb->np_control = 1;
	vmcb->ncr3 = p2m_root_pa(&v->domain->p2m);
	vmcb->vintr = 1ULL << 24; /* V_INTR_MASKING: host IF rules interrupts */
	vmcb->g_pat = DEFAULT_PAT;
	vmcb->efer = EFER_SVME;
	vmcb->cr0 = CR0_ET;
	vmcb->dr6 = 0xffff0ff0;
	vmcb->dr7 = 0x400;
	vmcb->rflags = 2;
	set_seg(&vmcb->cs, 0xf000, 0x9b, 0xffff, 0xffff0000);
	set_seg(&vmcb->ds, 0, 0x93, 0xffff, 0);
	vmcb->es = vmcb->ss = vmcb->fs = vmcb->gs = vmcb->ds;
	set_seg(&vmcb->gdtr, 0, 0, 0xffff, 0);
	set_seg(&vmcb->idtr, 0, 0, 0xffff, 0);
	set_seg(&vmcb->ldtr, 0, 0x82, 0xffff, 0);
	set_seg(&vmcb->tr, 0, 0x8b, 0xffff, 0);
	return 0;
}

static void svm_vcpu_destroy(struct vcpu *v)
{
	struct svm_vcpu *s = v->arch;

	free_page(s->vmcb);
	xfree(s);
	v->arch = NULL;
}

/*
 * PVH entry state (Xen's docs/misc/pvh.pandoc): 32-bit protected mode,
 * paging off, flat 4 GiB code and data segments, a 32-bit TSS, EBX the
 * start-info address, everything else zero.
 */
static void svm_vcpu_set_boot_state(struct vcpu *v,
				    const struct vcpu_boot_state *st)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	set_seg(&vmcb->cs, 0x10, 0xc9b, 0xffffffff, 0);
	set_seg(&vmcb->ds, 0x18, 0xc93, 0xffffffff, 0);
	vmcb->es = vmcb->ss = vmcb->fs = vmcb->gs = vmcb->ds;
	set_seg(&vmcb->tr, 0x20, 0x8b, 0x67, 0);
	vmcb->cr0 = CR0_PE | CR0_ET;
	vmcb->cr3 = 0;
	vmcb->cr4 = 0;
	vmcb->efer = EFER_SVME;
	vmcb->cpl = 0;
	memset(&v->regs, 0, sizeof(v->regs));
	v->regs.rip = st->rip;
	v->regs.rbx = st->rbx;
	v->regs.rsp = st->rsp;
	v->regs.rflags = 2;
}

/*
 * After INIT-SIPI-SIPI: real mode, CS = vector << 8 (base vector << 12),
 * IP 0, other segments flat 64 KiB at 0, paging and protection off.
 */
static void svm_vcpu_set_sipi_state(struct vcpu *v, uint8_t vector)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	set_seg(&vmcb->cs, (uint16_t)vector << 8, 0x9b, 0xffff,
		(uint64_t)vector << 12);
	set_seg(&vmcb->ds, 0, 0x93, 0xffff, 0);
	vmcb->es = vmcb->ss = vmcb->fs = vmcb->gs = vmcb->ds;
	set_seg(&vmcb->gdtr, 0, 0, 0xffff, 0);
	set_seg(&vmcb->idtr, 0, 0, 0xffff, 0);
	set_seg(&vmcb->ldtr, 0, 0x82, 0xffff, 0);
	set_seg(&vmcb->tr, 0, 0x8b, 0xffff, 0);
	vmcb->cr0 = CR0_ET;
	vmcb->cr2 = 0;
	vmcb->cr3 = 0;
	vmcb->cr4 = 0;
	vmcb->efer = EFER_SVME;
	vmcb->cpl = 0;
	vmcb->eventinj = 0;
	vmcb->int_state = 0;
	vmcb->dr6 = 0xffff0ff0;
	vmcb->dr7 = 0x400;
	memset(&v->regs, 0, sizeof(v->regs));
	v->regs.rflags = 2;
	((struct svm_vcpu *)v->arch)->flush_tlb = true;
}

static void svm_get_ctrl(struct vcpu *v, struct guest_ctrl *c)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	c->cr0 = vmcb->cr0;
	c->cr2 = vmcb->cr2;
	c->cr3 = vmcb->cr3;
	c->cr4 = vmcb->cr4;
	c->efer = vmcb->efer & ~EFER_SVME;
	c->cs_long = vmcb->cs.attr & (1 << 9);
	c->cs_db = vmcb->cs.attr & (1 << 10);
	c->cs_base = vmcb->cs.base;
	c->cpl = vmcb->cpl;
}

static void svm_inject_exception(struct vcpu *v, unsigned int vector,
				 bool has_error, uint32_t error_code)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	vmcb->eventinj =
		EVT_VALID | EVT_TYPE_EXC | (vector & 0xff) |
		(has_error ? EVT_ERR_VALID | ((uint64_t)error_code << 32) : 0);
}

/*
 * Injects an external interrupt if the guest can take it now: no event
 * already queued, RFLAGS.IF set, no STI/MOV-SS shadow. Otherwise asks for
 * a VINTR exit at the moment it can (a virtual interrupt request that
 * ignores the TPR), and the next entry injects then.
 */
static bool svm_inject_interrupt(struct vcpu *v, uint8_t vector)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	if (!(vmcb->eventinj & EVT_VALID) && (v->regs.rflags & (1 << 9)) &&
	    !(vmcb->int_state & 1)) {
		vmcb->eventinj = EVT_VALID | EVT_TYPE_INTR | vector;
		vmcb->vintr &= ~VINTR_V_IRQ;
		vmcb->intercept1 &= ~INT1_VINTR;
		return true;
	}
	vmcb->vintr |= VINTR_V_IRQ | VINTR_IGN_TPR |
		       (0xfULL << VINTR_PRIO_SHIFT);
	vmcb->intercept1 |= INT1_VINTR;
	return false;
}

static void svm_end_interrupt_shadow(struct vcpu *v)
{
	((struct svm_vcpu *)v->arch)->vmcb->int_state &= ~1ULL;
}

static void svm_cancel_irq_window(struct vcpu *v)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	vmcb->vintr &= ~VINTR_V_IRQ;
	vmcb->intercept1 &= ~INT1_VINTR;
}

static void svm_flush_guest_tlb(struct vcpu *v)
{
	((struct svm_vcpu *)v->arch)->flush_tlb = true;
}

static uint64_t svm_get_efer(struct vcpu *v)
{
	return ((struct svm_vcpu *)v->arch)->vmcb->efer & ~EFER_SVME;
}

/* The guest never sees or clears SVME: VMRUN requires it in the VMCB. */
static void svm_set_efer(struct vcpu *v, uint64_t efer)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	/* LMA is the CPU's to set, when paging comes on with LME. */
	efer = (efer & ~EFER_LMA) | (vmcb->efer & EFER_LMA);
	vmcb->efer = efer | EFER_SVME;
}

static uint64_t svm_get_msr_state(struct vcpu *v, uint32_t msr, bool *ok)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	*ok = true;
	switch (msr) {
	case 0x277: /* PAT */
		return vmcb->g_pat;
	case 0x10: /* TSC */
		return rdtsc() + vmcb->tsc_offset;
	}
	*ok = false;
	return 0;
}

static bool svm_set_msr_state(struct vcpu *v, uint32_t msr, uint64_t val)
{
	struct vmcb *vmcb = ((struct svm_vcpu *)v->arch)->vmcb;

	switch (msr) {
	case 0x277:
		vmcb->g_pat = val;
		return true;
	case 0x10:
		vmcb->tsc_offset = val - rdtsc();
		return true;
	}
	return false;
}

static void svm_run_once(struct vcpu *v)
{
	struct svm_vcpu *s = v->arch;
	struct vmcb *vmcb = s->vmcb;
	struct percpu *pc = this_cpu();

	vmcb->rax = v->regs.rax;
	vmcb->rsp = v->regs.rsp;
	vmcb->rip = v->regs.rip;
	vmcb->rflags = v->regs.rflags;
	/* No flush-by-ASID in QEMU: flush everything when needed. */
	vmcb->tlb_control = s->flush_tlb ? 1 : 0;
	s->flush_tlb = false;
	if (pc->current != v) {
		pc->current = v;
		vmcb->tlb_control = 1;
	}
	svm_vmrun(&v->regs, s->vmcb_pa, virt_to_phys(pc->svm_host_vmcb));
	v->regs.rax = vmcb->rax;
	v->regs.rsp = vmcb->rsp;
	v->regs.rip = vmcb->rip;
	v->regs.rflags = vmcb->rflags;
	v->nr_exits++;
	pc->exits++;
	svm_handle_exit(v, vmcb);
}

const struct hvm_vendor_ops svm_ops = {
	.name = "SVM",
	.cpu_init = svm_cpu_init,
	.vcpu_init = svm_vcpu_init,
	.vcpu_destroy = svm_vcpu_destroy,
	.vcpu_set_boot_state = svm_vcpu_set_boot_state,
	.vcpu_set_sipi_state = svm_vcpu_set_sipi_state,
	.run_once = svm_run_once,
	.get_ctrl = svm_get_ctrl,
	.inject_exception = svm_inject_exception,
	.flush_guest_tlb = svm_flush_guest_tlb,
	.inject_interrupt = svm_inject_interrupt,
	.end_interrupt_shadow = svm_end_interrupt_shadow,
	.cancel_irq_window = svm_cancel_irq_window,
	.get_efer = svm_get_efer,
	.set_efer = svm_set_efer,
	.get_msr_state = svm_get_msr_state,
	.set_msr_state = svm_set_msr_state,
};
