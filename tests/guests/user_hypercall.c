/*
 * Hypercalls are for the guest kernel only: Xen answers a VMMCALL made at
 * CPL > 0 with -EPERM without running the hypercall
 * (xen/arch/x86/hvm/hypercall.c hvm_hypercall), so guest user space
 * cannot write to the console, read Xen's version or shut the domain down.
 */
#include "guest.h"

DEFINE_TEST("user_hypercall", "hypercalls from CPL 3 get -EPERM");

static unsigned long user_cpl(unsigned long unused)
{
	(void)unused;
	return read_cs() & 3;
}

static unsigned long user_xen_version(unsigned long cmd)
{
	return (unsigned long)HYPERVISOR_xen_version(cmd, NULL);
}

static unsigned long user_console_write(unsigned long unused)
{
	static const char msg[] = "FAIL: console write from user mode\n";

	(void)unused;
	return (unsigned long)HYPERVISOR_console_io(CONSOLEIO_write,
						    sizeof(msg) - 1, msg);
}

static unsigned long user_shutdown(unsigned long reason)
{
	struct sched_shutdown s = { .reason = (unsigned int)reason };

	return (unsigned long)HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
}

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	if (!check(user_call(user_cpl, 0) == 3, "user_call runs at CPL 3"))
		return;
	check_long((long)user_call(user_xen_version, XENVER_version),
		   -XEN_EPERM, "XENVER_version from CPL 3");
	check_long((long)user_call(user_console_write, 0), -XEN_EPERM,
		   "console_io write from CPL 3");
	check_long((long)user_call(user_shutdown, SHUTDOWN_poweroff),
		   -XEN_EPERM, "SCHEDOP_shutdown(poweroff) from CPL 3");
	check_long(HYPERVISOR_xen_version(XENVER_version, NULL), (4 << 16) | 17,
		   "XENVER_version from CPL 0 still works");
}
