/*
 * An idle kernel with nothing to wait for: "sti; hlt" with no event source
 * set up. Unlike HLT with interrupts off (hlt_cli), this is a normal wait,
 * so the domain must stay alive, blocked, until the harness's timeout.
 */
#include "guest.h"

DEFINE_TEST("idle_forever", "sti; hlt with nothing to wake it");

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	printf("idling forever\n");
	for (;;)
		safe_halt();
}
