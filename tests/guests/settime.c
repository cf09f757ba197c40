/*
 * dom0 sets the wallclock with XENPF_settime64
 * (xen/arch/x86/platform_hypercall.c, do_settime): "the clock would read
 * <secs, nsecs> if the system time were <system_time>", after which shared_info's wc_* fields plus the
 * current system time give that wallclock. The platform interface
 * version is checked (-EACCES), mbz must be 0 (-EINVAL), unknown
 * commands are -ENOSYS.
 */
#include "guest.h"

#include <xen/platform.h>

DEFINE_TEST("settime", "XENPF_settime64 moves the shared wallclock");

#define NS 1000000000ULL
#define TARGET 2000000000ULL /* 2033-05-18 */

static long platform_op(struct xen_platform_op *op)
{
	return hypercall2(__HYPERVISOR_platform_op, (unsigned long)op, 0);
}

/* Wallclock seconds now: wc (+ wc_sec_hi) plus the PV clock. */
static uint64_t wallclock_now(struct shared_info *s)
{
	uint32_t v;
	uint64_t wc_ns, now;

	do {
		v = s->wc_version;
		asm volatile("" ::: "memory");
		wc_ns = ((uint64_t)s->xen_wc_sec_hi << 32 | s->wc_sec) * NS +
			s->wc_nsec;
		asm volatile("" ::: "memory");
	} while ((v & 1) || v != s->wc_version);
	now = pvclock_read(&s->vcpu_info[0].time);
	return (wc_ns + now) / NS;
}

void test_main(const struct hvm_start_info *si)
{
	struct xen_platform_op op;
	struct shared_info *s;
	uint64_t wall;
	long rc;

	(void)si;
	s = map_shared_info(&rc);
	if (!check(s != NULL, "shared_info mapped (rc %ld)", rc))
		return;
	printf("wallclock before: %lu s\n", (unsigned long)wallclock_now(s));

	memset(&op, 0, sizeof(op));
	op.cmd = XENPF_settime64;
	op.interface_version = XENPF_INTERFACE_VERSION;
	op.u.settime64.secs = TARGET;
	op.u.settime64.nsecs = 0;
	op.u.settime64.system_time = pvclock_read(&s->vcpu_info[0].time);
	check_long(platform_op(&op), 0, "XENPF_settime64 to %llu s", TARGET);
	wall = wallclock_now(s);
	check(wall >= TARGET && wall <= TARGET + 5,
	      "the shared wallclock now reads %lu s", (unsigned long)wall);

	op.u.settime64.mbz = 1;
	check_long(platform_op(&op), -XEN_EINVAL, "settime64 with mbz set");
	op.u.settime64.mbz = 0;
	op.interface_version = XENPF_INTERFACE_VERSION - 1;
	check_long(platform_op(&op), -XEN_EACCES,
		   "a platform op with the wrong interface version");
	op.interface_version = XENPF_INTERFACE_VERSION;
	op.cmd = 0xffff;
	check_long(platform_op(&op), -XEN_ENOSYS, "unknown platform op");
}
