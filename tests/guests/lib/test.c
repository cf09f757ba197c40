/*
 * Test driver: guest_start() is the first C code (called by lib/head.S on
 * the boot stack in 64-bit mode). It brings up the console and exception
 * handlers, runs the test and reports the verdict.
 */
#include "guest.h"

static unsigned int failures;

static void vreport(bool ok, const char *fmt, va_list ap)
{
	char buf[400];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	printf("%s: %s\n", ok ? "PASS" : "FAIL", buf);
	if (!ok) /* atomic: APs report too (lib/smp.c) */
		__atomic_fetch_add(&failures, 1, __ATOMIC_SEQ_CST);
}

bool check(bool cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(cond, fmt, ap);
	va_end(ap);
	return cond;
}

bool check_long(long actual, long expected, const char *fmt, ...)
{
	char what[300];
	va_list ap;
	bool ok = actual == expected;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (ok)
		check(true, "%s = %ld", what, actual);
	else
		check(false, "%s = %ld (%#lx), expected %ld (%#lx)", what,
		      actual, actual, expected, expected);
	return ok;
}

void test_fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(false, fmt, ap);
	va_end(ap);
}

unsigned int test_failures(void)
{
	return failures;
}

bool cmdline_has(const struct hvm_start_info *si, const char *word)
{
	const char *p;
	size_t n = strlen(word);

	if (!si->cmdline_paddr || si->cmdline_paddr >= 0xffff0000UL)
		return false;
	for (p = (const char *)(unsigned long)si->cmdline_paddr; *p;) {
		while (*p == ' ')
			p++;
		if (!strncmp(p, word, n) && (p[n] == ' ' || p[n] == '\0'))
			return true;
		while (*p && *p != ' ')
			p++;
	}
	return false;
}

const char *shutdown_reason_name(unsigned int reason)
{
	static const char *const names[] = {
		[SHUTDOWN_poweroff] = "poweroff",
		[SHUTDOWN_reboot] = "reboot",
		[SHUTDOWN_suspend] = "suspend",
		[SHUTDOWN_crash] = "crash",
		[SHUTDOWN_watchdog] = "watchdog",
		[SHUTDOWN_soft_reset] = "soft_reset",
	};

	return reason < ARRAY_SIZE(names) && names[reason] ? names[reason]
							   : "unknown";
}

/* QEMU's isa-debug-exit (iobase 0xf4): QEMU exits with (value << 1) | 1. */
#define DEBUG_EXIT_PORT 0xf4
/* q35 ACPI PM1a control block as SeaBIOS sets it up; SLP_EN with S5. */
#define Q35_PM1A_CNT 0x604
#define PM1_SLP_EN (1 << 13)

__noreturn void guest_shutdown(unsigned int reason)
{
	struct sched_shutdown s = { .reason = reason };
	long rc;

	if (!hypervisor_present()) {
		printf("no hypervisor: exiting QEMU (%s)\n",
		       shutdown_reason_name(reason));
		outl(DEBUG_EXIT_PORT,
		     reason == SHUTDOWN_poweroff && !failures ? 0 : 1);
		outw(Q35_PM1A_CNT, PM1_SLP_EN);
		halt_forever();
	}
	rc = HYPERVISOR_sched_op(SCHEDOP_shutdown, &s);
	printf("FAIL: SCHEDOP_shutdown(%s) returned %ld\n",
	       shutdown_reason_name(reason), rc);
	halt_forever();
}

__noreturn void test_finish(void)
{
	printf("Test result: %s\n", failures ? "FAILURE" : "SUCCESS");
	guest_shutdown(SHUTDOWN_poweroff);
}

__noreturn void test_abort(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(false, fmt, ap);
	va_end(ap);
	printf("Test result: FAILURE\n");
	guest_shutdown(SHUTDOWN_crash);
}

void guest_start(uint64_t start_info_pa);
void guest_start(uint64_t start_info_pa)
{
	const struct hvm_start_info *si = (const void *)start_info_pa;

	console_init();
	traps_init();
	printf("Krypton guest test '%s': %s\n", test_info.name,
	       test_info.description);
	if (!hypervisor_present())
		printf("no hypervisor: printing to port 0xe9\n");
	if (!si || si->magic != XEN_HVM_START_MAGIC_VALUE)
		test_abort("hvm_start_info at %#lx has magic %#x, expected %#x",
			   start_info_pa, si ? si->magic : 0,
			   XEN_HVM_START_MAGIC_VALUE);
	test_main(si);
	test_finish();
}
