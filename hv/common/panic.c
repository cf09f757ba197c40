// SPDX-License-Identifier: GPL-2.0-only
/*
 * panic(): the hypervisor cannot go on. Other CPUs are stopped, the
 * message is framed so it stands out in a log, and the machine reboots
 * after five seconds (or halts with "noreboot"), as Xen does.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/console.h>
#include <hv/cmdline.h>
#include <hv/apic.h>
#include <hv/acpi.h>
#include <hv/smp.h>
#include <hv/percpu.h>

static bool opt_noreboot;
boolean_param("noreboot", opt_noreboot);

__noreturn void panic(const char *fmt, ...)
{
	static int in_panic;
	char msg[256];
	va_list ap;

	local_irq_disable();
	if (__atomic_exchange_n(&in_panic, 1, __ATOMIC_ACQ_REL))
		halt_forever();
	smp_stop_others();
	console_force_unlock();
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	printk(XENLOG_ERR "\n****************************************\n");
	printk(XENLOG_ERR "Panic on CPU %u:\n", smp_processor_id());
	printk(XENLOG_ERR "%s\n", msg);
	printk(XENLOG_ERR "****************************************\n\n");
	if (opt_noreboot) {
		printk(XENLOG_ERR
		       "Manual reset required ('noreboot' specified)\n");
		halt_forever();
	}
	printk(XENLOG_ERR "Reboot in five seconds...\n");
	udelay(5000000);
	machine_restart();
}
