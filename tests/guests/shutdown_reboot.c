/* SCHEDOP_shutdown(SHUTDOWN_reboot) ends the domain: the call never returns. */
#include "guest.h"

DEFINE_TEST("shutdown_reboot", "SCHEDOP_shutdown with reason reboot");

void test_main(const struct hvm_start_info *si)
{
	struct sched_shutdown s = { .reason = SHUTDOWN_reboot };
	long rc;

	(void)si;
	printf("calling SCHEDOP_shutdown(reboot)\n");
	rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
	test_abort("SCHEDOP_shutdown(reboot) returned %ld", rc);
}
