/* SCHEDOP_shutdown(SHUTDOWN_crash) ends the domain: the call never returns. */
#include "guest.h"

DEFINE_TEST("shutdown_crash", "SCHEDOP_shutdown with reason crash");

void test_main(const struct hvm_start_info *si)
{
	struct sched_shutdown s = { .reason = SHUTDOWN_crash };
	long rc;

	(void)si;
	printf("calling SCHEDOP_shutdown(crash)\n");
	rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
	test_abort("SCHEDOP_shutdown(crash) returned %ld", rc);
}
