/* SCHEDOP_shutdown(SHUTDOWN_watchdog) ends the domain: the call never returns. */
#include "guest.h"

DEFINE_TEST("shutdown_watchdog", "SCHEDOP_shutdown with reason watchdog");

void test_main(const struct hvm_start_info *si)
{
	struct sched_shutdown s = { .reason = SHUTDOWN_watchdog };
	long rc;

	(void)si;
	printf("calling SCHEDOP_shutdown(watchdog)\n");
	rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
	test_abort("SCHEDOP_shutdown(watchdog) returned %ld", rc);
}
