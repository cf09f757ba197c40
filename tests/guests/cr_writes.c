/*
 * CR4 writes with reserved bits set raise #GP in the guest and change
 * nothing: on hardware the CPU checks; Xen also intercepts CR4 writes and
 * checks them itself (xen/arch/x86/hvm/hvm.c hvm_set_cr4), which matters
 * under QEMU's TCG, whose nested guests can load reserved CR4 bits. The
 * domain must carry on.
 */
#include "guest.h"

DEFINE_TEST("cr_writes", "reserved CR4 bits give #GP");

#define CR4_VMXE (1ul << 13) /* Intel only: reserved on AMD */

static unsigned long read_cr4(void)
{
	unsigned long v;

	asm volatile("mov %%cr4, %0" : "=r"(v));
	return v;
}

static int probe_write_cr4(unsigned long v)
{
	probe_begin();
	asm volatile("1: mov %0, %%cr4\n2:\n\t" EX_TABLE(1b, 2b)
		     :
		     : "r"(v)
		     : "memory");
	return last_fault.vector;
}

void test_main(const struct hvm_start_info *si)
{
	unsigned long cr4 = read_cr4();
	int vec;

	(void)si;
	printf("writing CR4 (%#lx) with reserved bits\n", cr4);
	vec = probe_write_cr4(cr4 | (1ul << 31));
	check(vec == X86_EXC_GP, "CR4 reserved bit 31 (vector %d)", vec);
	vec = probe_write_cr4(cr4 | CR4_VMXE);
	check(vec == X86_EXC_GP, "CR4.VMXE on an AMD CPU (vector %d)", vec);
	check(read_cr4() == cr4, "CR4 unchanged (%#lx)", read_cr4());
}
