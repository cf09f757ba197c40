/* SCHEDOP_shutdown(SHUTDOWN_suspend) ends the domain: the call never returns. */
#include "guest.h"

DEFINE_TEST("shutdown_suspend", "SCHEDOP_shutdown with reason suspend");

void test_main(const struct hvm_start_info *si)
{
	struct sched_shutdown s = { .reason = SHUTDOWN_suspend };
	long rc;

	(void)si;
	printf("calling SCHEDOP_shutdown(suspend)\n");
	rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
	test_abort("SCHEDOP_shutdown(suspend) returned %ld", rc);
}
