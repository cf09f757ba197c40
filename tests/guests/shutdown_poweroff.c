/* SCHEDOP_shutdown(SHUTDOWN_poweroff) ends the domain: the call never returns. */
#include "guest.h"

DEFINE_TEST("shutdown_poweroff", "SCHEDOP_shutdown with reason poweroff");

void test_main(const struct hvm_start_info *si)
{
	struct sched_shutdown s = { .reason = SHUTDOWN_poweroff };
	long rc;

	(void)si;
	printf("calling SCHEDOP_shutdown(poweroff)\n");
	rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
	test_abort("SCHEDOP_shutdown(poweroff) returned %ld", rc);
}
