/*
 * The CPU state at the PVH entry point (Xen's docs/misc/pvh.pandoc):
 * protected mode with paging off (CR0.PE set, every other writable CR0 bit
 * clear; ET is fixed at 1), CR4 = 0, EFLAGS.IF/TF/VM clear. Xen 4.17 also
 * enters with EFER = 0 (xen/arch/x86/hvm/dom0_build.c pvh_setup_cpus);
 * long mode cannot be active with paging off.
 */
#include "guest.h"

DEFINE_TEST("entry_state", "CR0, CR4, EFLAGS and EFER at the PVH entry");

#define CR0_ET (1u << 4)
#define EFLAGS_TF (1u << 8)
#define EFLAGS_IF (1u << 9)
#define EFLAGS_VM (1u << 17)
#define EFER_LMA (1u << 10)

void test_main(const struct hvm_start_info *si)
{
	const struct pvh_entry_state *e = &pvh_entry_state;

	(void)si;
	printf("entry: cr0 %#x cr4 %#x eflags %#x efer %#x:%08x\n", e->cr0,
	       e->cr4, e->eflags, e->efer_hi, e->efer_lo);
	check((e->cr0 & ~CR0_ET) == CR0_PE,
	      "CR0 %#x: PE set, paging and everything else off", e->cr0);
	check(e->cr4 == 0, "CR4 %#x is 0", e->cr4);
	check(!(e->eflags & (EFLAGS_IF | EFLAGS_TF | EFLAGS_VM)),
	      "EFLAGS %#x: IF, TF and VM clear", e->eflags);
	check(!(e->efer_lo & (EFER_LME | EFER_LMA)),
	      "EFER %#x: long mode neither enabled nor active", e->efer_lo);
}
