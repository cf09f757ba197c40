/*
 * HLT with interrupts off can never wake up: Xen takes the vCPU down
 * (xen/arch/x86/hvm/hvm.c hvm_hlt -> hvm_vcpu_down), and when no vCPU of
 * the domain is left online it shuts the domain down with
 * SHUTDOWN_poweroff ("All CPUs offline -- powering off").
 */
#include "guest.h"

DEFINE_TEST("hlt_cli", "HLT with interrupts off on the only vCPU");

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	printf("halting with interrupts off\n");
	asm volatile("cli; hlt" ::: "memory");
	test_abort("execution continued after HLT with interrupts off");
}
