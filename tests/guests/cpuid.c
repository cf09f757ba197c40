/*
 * CPUID as a Xen 4.17 HVM/PVH guest sees it: the hypervisor leaves at
 * 0x40000000 and the standard leaves the hypervisor filters.
 */
#include <xen/arch-x86/cpuid.h>

#include "guest.h"

DEFINE_TEST("cpuid", "Xen hypervisor CPUID leaves and standard leaf policy");

static void test_xen_leaves(void)
{
	struct cpuid_regs r = cpuid(XEN_CPUID_FIRST_LEAF);
	char sig[13];

	memcpy(sig, &r.ebx, 4);
	memcpy(sig + 4, &r.ecx, 4);
	memcpy(sig + 8, &r.edx, 4);
	sig[12] = '\0';
	check(r.ebx == XEN_CPUID_SIGNATURE_EBX &&
		      r.ecx == XEN_CPUID_SIGNATURE_ECX &&
		      r.edx == XEN_CPUID_SIGNATURE_EDX,
	      "leaf 0x40000000 signature is \"%s\" (expected XenVMMXenVMM)",
	      sig);
	check_long(r.eax, XEN_CPUID_FIRST_LEAF + XEN_CPUID_MAX_NUM_LEAVES,
		   "leaf 0x40000000 EAX (largest hypervisor leaf)");

	r = cpuid(XEN_CPUID_LEAF(1));
	check_long(r.eax, 0x00040011, "leaf 0x40000001 EAX (Xen version 4.17)");

	r = cpuid(XEN_CPUID_LEAF(2));
	check_long(r.eax, 1, "leaf 0x40000002 EAX (hypercall pages)");
	check_long(r.ebx, 0x40000000,
		   "leaf 0x40000002 EBX (hypercall page MSR)");

	/*
	 * The HVM leaf: Xen 4.17 always reports the vCPU id in EBX and the
	 * domain id in ECX, and flags both in EAX (xen/arch/x86/cpuid.c).
	 */
	r = cpuid_count(XEN_CPUID_LEAF(4), 0);
	printf("leaf 0x40000004: eax %#x ebx %#x ecx %#x edx %#x\n", r.eax,
	       r.ebx, r.ecx, r.edx);
	if (check(r.eax & XEN_HVM_CPUID_VCPU_ID_PRESENT,
		  "leaf 0x40000004 EAX flags the vCPU id"))
		check_long(r.ebx, 0, "leaf 0x40000004 EBX (vCPU id)");
	if (check(r.eax & XEN_HVM_CPUID_DOMID_PRESENT,
		  "leaf 0x40000004 EAX flags the domain id"))
		check_long(r.ecx, 0, "leaf 0x40000004 ECX (domain id)");
}

static void test_standard_leaves(void)
{
	struct cpuid_regs r = cpuid(0);
	char vendor[13];

	memcpy(vendor, &r.ebx, 4);
	memcpy(vendor + 4, &r.edx, 4);
	memcpy(vendor + 8, &r.ecx, 4);
	vendor[12] = '\0';
	check(!strcmp(vendor, "AuthenticAMD"),
	      "leaf 0 vendor is \"%s\" (expected AuthenticAMD)", vendor);

	r = cpuid(1);
	check(r.ecx & (1u << 31),
	      "leaf 1 ECX bit 31 (hypervisor present) is set (ECX %#x)", r.ecx);

	r = cpuid(0x80000000);
	if (!check(r.eax >= 0x80000001,
		   "leaf 0x80000000 reports extended leaves (EAX %#x)", r.eax))
		return;
	r = cpuid(0x80000001);
	check(!(r.ecx & (1u << 2)),
	      "leaf 0x80000001 ECX bit 2 (SVM) is hidden from the guest "
	      "(ECX %#x)",
	      r.ecx);
}

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	test_xen_leaves();
	test_standard_leaves();
}
