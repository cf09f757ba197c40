/*
 * A triple fault: with a zero-limit IDT, #UD cannot be delivered (#GP), nor
 * can the #GP (#DF), nor the #DF: the CPU shuts down. The hypervisor must
 * crash the domain ("triple fault"), not itself.
 */
#include "guest.h"

DEFINE_TEST("triple_fault", "exception with a zero-limit IDT");

void test_main(const struct hvm_start_info *si)
{
	struct desc_ptr empty = { 0, 0 };

	(void)si;
	printf("loading a zero-limit IDT and raising #UD\n");
	lidt(&empty);
	asm volatile("ud2");
	test_abort("execution continued after a triple fault");
}
