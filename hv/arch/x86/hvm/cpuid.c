// SPDX-License-Identifier: GPL-2.0-only
/*
 * The CPUID a guest sees: the host's, minus what Krypton does not
 * virtualise (SVM itself, MONITOR/MWAIT, machine checks, performance
 * counters, OSVW, XSAVE and the AVX family until XSETBV is handled),
 * plus the hypervisor bit and Xen's leaves at 0x40000000.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/asm.h>
#include <hv/hvm.h>
#include <hv/acpi_build.h>
#include <xen/arch-x86/cpuid.h>

#define BIT(n) (1u << (n))

static void xen_leaves(struct vcpu *v, uint32_t leaf, uint32_t *a, uint32_t *b,
		       uint32_t *c, uint32_t *d)
{
	*a = *b = *c = *d = 0;
	switch (leaf - XEN_CPUID_FIRST_LEAF) {
	case 0:
		*a = XEN_CPUID_FIRST_LEAF + XEN_CPUID_MAX_NUM_LEAVES;
		*b = XEN_CPUID_SIGNATURE_EBX;
		*c = XEN_CPUID_SIGNATURE_ECX;
		*d = XEN_CPUID_SIGNATURE_EDX;
		break;
	case 1:
		*a = (4 << 16) | 17; /* Xen 4.17 */
		break;
	case 2:
		*a = 1;		 /* hypercall pages */
		*b = 0x40000000; /* the hypercall-page MSR */
		break;
	case 4:
		*a = XEN_HVM_CPUID_X2APIC_VIRT | XEN_HVM_CPUID_VCPU_ID_PRESENT |
		     XEN_HVM_CPUID_DOMID_PRESENT | XEN_HVM_CPUID_UPCALL_VECTOR;
		*b = v->vcpu_id;
		*c = v->domain->domid;
		break;
	}
}

void hvm_handle_cpuid(struct vcpu *v, unsigned int len)
{
	uint32_t leaf = v->regs.rax, sub = v->regs.rcx;
	uint32_t a, b, c, d, max;

	if (!len)
		return;
	if (leaf >= 0x40000000 && leaf < 0x40010000) {
		xen_leaves(v, leaf, &a, &b, &c, &d);
		goto out;
	}
	cpuid(leaf & 0x80000000, &max, &b, &c, &d);
	if (leaf > max) {
		a = b = c = d = 0;
		goto out;
	}
	cpuid_count(leaf, sub, &a, &b, &c, &d);
	switch (leaf) {
	case 0:
		a = MIN(a, 0xdu);
		break;
	case 1:
		b = (b & 0x00ffffff) | (acpi_vcpu_apic_id(v->vcpu_id) << 24);
		c &= ~(BIT(3) | BIT(4) | BIT(5) | BIT(6) | BIT(7) | BIT(8) |
		       BIT(12) | BIT(15) | BIT(24) | BIT(26) | BIT(27) |
		       BIT(28) | BIT(29));
		c |= BIT(31); /* running on a hypervisor */
		c |= BIT(21); /* x2APIC: the vLAPIC speaks it (vlapic.c) */
		d |= BIT(9);  /* local APIC */
		d &= ~(BIT(7) | BIT(14) | BIT(18) | BIT(21) | BIT(22) |
		       BIT(29) | BIT(31));
		break;
	case 6:
		a = BIT(2); /* ARAT: no per-CPU timer stops in C-states */
		b = c = d = 0;
		break;
	case 5:
	case 0xa:
	case 0xb:
	case 0xd:
		a = b = c = d = 0;
		break;
	case 7:
		if (sub == 0) {
			a = 0;
			b &= BIT(0) | BIT(3) | BIT(7) | BIT(8) | BIT(9) |
			     BIT(19) | BIT(20) | BIT(23);
			c = d = 0;
		} else {
			a = b = c = d = 0;
		}
		break;
	case 0x80000000:
		a = MIN(a, 0x80000008u);
		break;
	case 0x80000001:
		c &= ~(BIT(2) | BIT(9) | BIT(10) | BIT(12) | BIT(13) | BIT(15) |
		       BIT(17) | BIT(19) | BIT(21) | BIT(22) | BIT(23) |
		       BIT(24) | BIT(26) | BIT(27) | BIT(28) | BIT(29));
		d &= ~BIT(27); /* RDTSCP: TSC_AUX is not virtualised yet */
		break;
	case 0x80000007:
		a = b = c = 0;
		d &= BIT(8); /* invariant TSC only */
		break;
	case 0x80000008:
		b = 0;
		c &= 0xff; /* core count, no APIC ID size games */
		c = 0;
		d = 0;
		break;
	}
out:
	v->regs.rax = a;
	v->regs.rbx = b;
	v->regs.rcx = c;
	v->regs.rdx = d;
	/* Safe: CPUID has no side effects beyond the four registers. */
	hvm_advance_rip(v, len);
}
