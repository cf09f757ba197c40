// SPDX-License-Identifier: GPL-2.0-only
/*
 * Guest MSR accesses that reach us (the SVM back-end lets the VMCB-held
 * syscall and segment-base MSRs through). One table of known MSRs; any
 * other access raises #GP(0) in the guest, as on hardware.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/asm.h>
#include <hv/hvm.h>
#include <hv/vlapic.h>

#define MSR_APIC_BASE 0x1b
#define MSR_MTRRCAP 0xfe
#define MSR_MTRR_DEF_TYPE 0x2ff
#define MSR_PAT 0x277
#define MSR_TSC 0x10
#define MSR_AMD_HWCR 0xc0010015
#define MSR_AMD_PATCH_LEVEL 0x8b
#define MSR_AMD_DE_CFG 0xc0011029
#define MSR_XEN_HYPERCALL_PAGE 0x40000000
#define HWCR_TSC_FREQ_SEL (1ULL << 24)
#define DE_CFG_LFENCE_SERIALISE (1ULL << 1)

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
	*val = vlapic_get_base(v);
	return true;
}

static bool apic_base_write(struct vcpu *v, uint32_t msr, uint64_t val)
{
	(void)msr;
	return vlapic_set_base(v, val);
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

static bool hwcr_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	(void)v;
	(void)msr;
	*val = HWCR_TSC_FREQ_SEL; /* the TSC runs at the P0 frequency */
	return true;
}

static bool de_cfg_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	(void)v;
	(void)msr;
	*val = DE_CFG_LFENCE_SERIALISE;
	return true;
}

/*
 * Writing the hypercall-page MSR fills the page at that guest-physical
 * address with one 32-byte stub per hypercall: "mov $nr, %eax; vmmcall;
 * ret". Stub 23 (iret, PV only) is "ud2". The low 12 bits select the
 * page; we offer one, so they must be 0.
 */
static bool hypercall_page_write(struct vcpu *v, uint32_t msr, uint64_t val)
{
	(void)msr;
	if (val & (PAGE_SIZE - 1))
		return false;
	for (unsigned int i = 0; i < PAGE_SIZE / 32; i++) {
		uint8_t s[32];

		memset(s, 0xcc, sizeof(s)); /* int3 padding */
		if (i == 23) {
			s[0] = 0x0f, s[1] = 0x0b;
		} else {
			s[0] = 0xb8;
			s[1] = i & 0xff, s[2] = i >> 8, s[3] = 0, s[4] = 0;
			s[5] = 0x0f, s[6] = 0x01, s[7] = 0xd9;
			s[8] = 0xc3;
		}
		if (copy_to_guest_phys(v->domain, val + i * 32, s, sizeof(s)))
			return false;
	}
	return true;
}

static bool mtrr_msr(uint32_t msr)
{
	return (msr >= 0x200 && msr <= 0x20f) || msr == 0x250 || msr == 0x258 ||
	       msr == 0x259 || (msr >= 0x268 && msr <= 0x26f);
}

static const struct msr_entry {
	uint32_t msr;
	msr_read_fn read;
	msr_write_fn write;
} msr_table[] = {
	{ MSR_EFER, efer_read, efer_write },
	{ MSR_PAT, vmcb_read, vmcb_write },
	{ MSR_TSC, vmcb_read, vmcb_write },
	{ MSR_APIC_BASE, apic_base_read, apic_base_write },
	{ MSR_MTRRCAP, zero_read, NULL },
	{ MSR_MTRR_DEF_TYPE, zero_read, ignore_write },
	{ MSR_AMD_HWCR, hwcr_read, ignore_write },
	{ MSR_AMD_DE_CFG, de_cfg_read, ignore_write },
	{ MSR_XEN_HYPERCALL_PAGE, NULL, hypercall_page_write },
	{ MSR_AMD_PATCH_LEVEL, zero_read, ignore_write },
	{ 0xc0010055, zero_read, ignore_write }, /* K8 interrupt pending msg */
};

void hvm_handle_msr(struct vcpu *v, bool write, unsigned int len)
{
	uint32_t msr = v->regs.rcx;
	const struct msr_entry *e = NULL;
	bool ok = false;

	if (!len)
		return;
	static const struct msr_entry mtrr = { 0, zero_read, ignore_write };

	for (unsigned int i = 0; i < ARRAY_SIZE(msr_table); i++)
		if (msr_table[i].msr == msr)
			e = &msr_table[i];
	if (!e && mtrr_msr(msr))
		e = &mtrr; /* no MTRRs: all reads 0, writes ignored */
	if (msr >= 0x800 && msr <= 0x8ff) {
		uint64_t val = 0;

		if (write) {
			ok = vlapic_msr_write(v, msr,
					      (v->regs.rdx << 32) |
						      (uint32_t)v->regs.rax);
		} else if ((ok = vlapic_msr_read(v, msr, &val))) {
			v->regs.rax = (uint32_t)val;
			v->regs.rdx = val >> 32;
		}
	} else if (e && write && e->write) {
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
