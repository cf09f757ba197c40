/*
 * Framework self-check: formatting and the exception probes. Needs no
 * hypervisor feature beyond the console, so it also runs under QEMU's own
 * PVH loader (run_guest_tests.py --no-hv).
 */
#include "guest.h"

DEFINE_TEST("selftest", "printf formatting and exception probes");

static void check_fmt(const char *expected, const char *fmt, ...)
	__printf(2, 3);
static void check_fmt(const char *expected, const char *fmt, ...)
{
	char buf[64];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	check(!strcmp(buf, expected) && n == (int)strlen(expected),
	      "format \"%s\" gives \"%s\" (%d chars), expected \"%s\"", fmt,
	      buf, n, expected);
}

static void test_formatting(void)
{
	char small[5];
	int n;

	check_fmt("42 -7 0", "%d %i %u", 42, -7, 0u);
	check_fmt("ff FF 0xff 17", "%x %X %#x %o", 255u, 255u, 255u, 15u);
	check_fmt("[   12] [12   ] [00012]", "[%5d] [%-5d] [%05d]", 12, 12, 12);
	check_fmt("-9223372036854775808", "%ld",
		  (long)(-0x7fffffffffffffffL - 1));
	check_fmt("ffffffffffffffff", "%lx", ~0UL);
	check_fmt("0x1000", "%p", (void *)0x1000);
	check_fmt("ab|  x|y ", "%.2s|%3c|%-2s", "abc", 'x', "y");
	check_fmt("100%", "%d%%", 100);
	check_fmt("-00042", "%06d", -42);

	n = snprintf(small, sizeof(small), "%s", "truncated");
	check(n == 9 && !strcmp(small, "trun"),
	      "snprintf truncates to the buffer and returns the full length");
}

static void test_probes(void)
{
	static volatile uint64_t word = 0x1122334455667788;
	uint64_t v;
	int vec;

	vec = probe_read64(&word, &v);
	check(vec == -1 && v == 0x1122334455667788,
	      "probe of a mapped read completes (vector %d, value %#lx)", vec,
	      v);

	vec = probe_ud2();
	check(vec == X86_EXC_UD, "ud2 raises #UD (got vector %d)", vec);

	vec = probe_div0();
	check(vec == X86_EXC_DE, "divide by zero raises #DE (got vector %d)",
	      vec);

	/* A non-canonical address: #GP(0) without any paging involved. */
	vec = probe_read64((const void *)0x8000000000000000UL, &v);
	check(vec == X86_EXC_GP && last_fault.error_code == 0,
	      "non-canonical read raises #GP(0) (got vector %d, error %#lx)",
	      vec, last_fault.error_code);

	/* Canonical but beyond our 4 GiB identity map: not-present #PF. */
	vec = probe_read64((const void *)0x100000000000UL, &v);
	check(vec == X86_EXC_PF && last_fault.cr2 == 0x100000000000UL &&
		      last_fault.error_code == 0,
	      "unmapped read raises #PF (got vector %d, cr2 %#lx, error %#lx)",
	      vec, last_fault.cr2, last_fault.error_code);

	vec = probe_write64((void *)0x100000000000UL, 1);
	check(vec == X86_EXC_PF && last_fault.error_code == 2,
	      "unmapped write raises #PF with W set (got vector %d, error %#lx)",
	      vec, last_fault.error_code);

	word = 5;
	check(word == 5, "execution continues normally after the probes");
}

static unsigned long user_cpl_plus(unsigned long x)
{
	return (read_cs() & 3) + x;
}

static unsigned long user_probe_ud2(unsigned long unused)
{
	(void)unused;
	return (unsigned long)probe_ud2();
}

static void test_user_mode(void)
{
	unsigned long r;

	r = user_call(user_cpl_plus, 10);
	check(r == 13, "user_call runs at CPL 3 and returns (got %lu)", r);
	r = user_call(user_probe_ud2, 0);
	check(r == X86_EXC_UD,
	      "an exception at CPL 3 is handled and resumes (got vector %ld)",
	      (long)r);
	check((read_cs() & 3) == 0, "back at CPL 0");
}

static void test_paging(void)
{
	/* Volatile: the compiler must not reorder accesses across aliases. */
	static volatile uint64_t page[512] __attribute__((aligned(4096)));
	volatile uint64_t *alias = (uint64_t *)0x10000000000UL;
	int vec;

	map_page((uint64_t)alias, (uint64_t)(unsigned long)page, PTE_P | PTE_RW,
		 false);
	page[3] = 0x5a5a;
	check(alias[3] == 0x5a5a, "map_page: a second mapping sees the page");
	alias[4] = 0xa5a5;
	check(page[4] == 0xa5a5, "map_page: and writes through it");

	map_page((uint64_t)alias, (uint64_t)(unsigned long)page, PTE_P, false);
	vec = probe_write64(&alias[5], 1);
	check(vec == X86_EXC_PF && last_fault.error_code == 3 && !page[5],
	      "a read-only page faults on a kernel write (CR0.WP; vector "
	      "%d, error %#lx)",
	      vec, last_fault.error_code);
}

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	test_formatting();
	test_probes();
	test_user_mode();
	test_paging();
}
