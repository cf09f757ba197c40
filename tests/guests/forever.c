/*
 * Never finishes: spins with interrupts off. The harness must kill QEMU
 * after its timeout and say so.
 */
#include "guest.h"

DEFINE_TEST("forever", "spins forever with interrupts off");

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	printf("spinning forever\n");
	for (;;)
		asm volatile("cli; pause" ::: "memory");
}
