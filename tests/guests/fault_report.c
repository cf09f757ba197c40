/*
 * Framework check of the failure path: an exception no probe expects must
 * be reported (vector, error code, RIP, CR2) as a FAIL, followed by the
 * FAILURE verdict and a crash shutdown. The harness expects exactly that.
 */
#include "guest.h"

DEFINE_TEST("fault_report", "an unexpected #PF is reported and fails");

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	printf("writing to unmapped 0x100000000000\n");
	*(volatile uint64_t *)0x100000000000UL = 1;
	printf("still running after the fault\n");
}
