/*
 * The hypercall page: writing the guest-physical address of a page to the
 * MSR named by CPUID leaf 0x40000002 EBX makes the hypervisor fill it with
 * 32-byte stubs (Xen's svm_init_hypercall_page): stub i is
 * "mov $i, %eax; vmmcall; ret", except __HYPERVISOR_iret (23), which is
 * ud2 for HVM guests. Calling a stub is an ordinary C call.
 */
#include <xen/arch-x86/cpuid.h>

#include "guest.h"

DEFINE_TEST("hypercall_page", "hypercall page stubs through the Xen MSR");

#define STUB_SIZE 32
#define NR_STUBS (4096 / STUB_SIZE)

static uint8_t page[4096] __attribute__((aligned(4096)));

static bool stub_ok(unsigned int i)
{
	const uint8_t *p = page + i * STUB_SIZE;
	static const uint8_t tail[] = { 0x0f, 0x01, 0xd9, 0xc3 };
	uint32_t imm;

	if (i == __HYPERVISOR_iret)
		return p[0] == 0x0f && p[1] == 0x0b;
	memcpy(&imm, p + 1, 4);
	return p[0] == 0xb8 && imm == i && !memcmp(p + 5, tail, sizeof(tail));
}

void test_main(const struct hvm_start_info *si)
{
	struct cpuid_regs r = cpuid(XEN_CPUID_LEAF(2));
	long (*xen_version)(unsigned long cmd, void *arg);
	unsigned int bad = 0, first_bad = 0;
	int vec;

	(void)si;
	memset(page, 0xcc, sizeof(page));

	/* Xen has one hypercall page: index (low 12 bits) 0 only. */
	vec = probe_wrmsr(r.ebx, (uint64_t)(unsigned long)page | 1);
	check(vec == X86_EXC_GP, "wrmsr %#x <- page index 1 raises #GP (%d)",
	      r.ebx, vec);
	/* The frame must be guest RAM. */
	vec = probe_wrmsr(r.ebx, 0xc0000000);
	check(vec == X86_EXC_GP,
	      "wrmsr %#x <- unbacked frame 0xc0000 raises #GP (%d)", r.ebx,
	      vec);
	check(page[0] == 0xcc, "our page is untouched so far");

	/* Identity-mapped: the virtual address of page is its GPA. */
	vec = probe_wrmsr(r.ebx, (uint64_t)(unsigned long)page);
	if (!check(vec == -1, "wrmsr %#x <- %p (hypercall page) (vector %d)",
		   r.ebx, (void *)page, vec))
		return;

	for (unsigned int i = 0; i < NR_STUBS; i++) {
		if (!stub_ok(i) && !bad++)
			first_bad = i;
	}
	check(!bad, "all %u stubs as expected (%u wrong, first %u)", NR_STUBS,
	      bad, first_bad);
	if (bad)
		return;

	xen_version = (void *)(page + __HYPERVISOR_xen_version * STUB_SIZE);
	check_long(xen_version(XENVER_version, NULL), (4 << 16) | 17,
		   "XENVER_version through the hypercall page");
}
