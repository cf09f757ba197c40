// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest MSR accesses that reach us (the SVM back-end lets the VMCB-held
 * syscall and segment-base MSRs through). One table of known MSRs; any
 * other access raises #GP(0) in the guest, as on hardware.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/asm.h>
#include <hv/hvm.h>

#define MSR_APIC_BASE 0x1b
#define MSR_MTRRCAP 0xfe
#define MSR_MTRR_DEF_TYPE 0x2ff
#define MSR_PAT 0x277
#define MSR_TSC 0x10
#define MSR_AMD_HWCR 0xc0010015
#define MSR_AMD_PATCH_LEVEL 0x8b

/* Returns false to raise #GP. */
typedef bool (*msr_read_fn)(struct vcpu *v, uint32_t msr, uint64_t *val);
typedef bool (*msr_write_fn)(struct vcpu *v, uint32_t msr, uint64_t val);

static bool efer_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	(void)msr;
	*val = hvm_ops->get_efer(v);
	return true;
}

static bool efer_write(struct vcpu *v, uint32_t msr, uint64_t val)
{
	(void)msr;
	/* Only SCE, LME, LMA, NXE, and FFXSR exist for guests. */
	if (val &
	    ~(uint64_t)(EFER_SCE | EFER_LME | EFER_LMA | EFER_NXE | (1 << 14)))
		return false;
	hvm_ops->set_efer(v, val);
	return true;
}

static bool vmcb_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	bool ok;

	*val = hvm_ops->get_msr_state(v, msr, &ok);
	return ok;
}

static bool vmcb_write(struct vcpu *v, uint32_t msr, uint64_t val)
{
	return hvm_ops->set_msr_state(v, msr, val);
}

static bool apic_base_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	(void)msr;
	*val = 0xfee00000ULL | (1 << 11) | (v->vcpu_id == 0 ? 1 << 8 : 0);
	return true;
}

static bool zero_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	(void)v;
	(void)msr;
	*val = 0;
	return true;
}

static bool ignore_write(struct vcpu *v, uint32_t msr, uint64_t val)
{
	(void)v;
	(void)msr;
	(void)val;
	return true;
}

static const struct msr_entry {
	uint32_t msr;
	msr_read_fn read;
	msr_write_fn write;
} msr_table[] = {
	{ MSR_EFER, efer_read, efer_write },
	{ MSR_PAT, vmcb_read, vmcb_write },
	{ MSR_TSC, vmcb_read, vmcb_write },
	{ MSR_APIC_BASE, apic_base_read, ignore_write },
	{ MSR_MTRRCAP, zero_read, NULL },
	{ MSR_MTRR_DEF_TYPE, zero_read, ignore_write },
	{ MSR_AMD_HWCR, zero_read, ignore_write },
	{ MSR_AMD_PATCH_LEVEL, zero_read, ignore_write },
};

void hvm_handle_msr(struct vcpu *v, bool write, unsigned int len)
{
	uint32_t msr = v->regs.rcx;
	const struct msr_entry *e = NULL;
	bool ok = false;

	if (!len)
		return;
	for (unsigned int i = 0; i < ARRAY_SIZE(msr_table); i++)
		if (msr_table[i].msr == msr)
			e = &msr_table[i];
	if (e && write && e->write) {
		ok = e->write(v, msr,
			      (v->regs.rdx << 32) | (uint32_t)v->regs.rax);
	} else if (e && !write && e->read) {
		uint64_t val;

		ok = e->read(v, msr, &val);
		if (ok) {
			v->regs.rax = (uint32_t)val;
			v->regs.rdx = val >> 32;
		}
	}
	if (!ok) {
		/* Unknown or refused: #GP(0); RIP stays on the instruction. */
		hvm_ops->inject_exception(v, 13, true, 0);
		return;
	}
	/* Safe: the access completed; RDMSR/WRMSR have no other effects. */
	hvm_advance_rip(v, len);
}
