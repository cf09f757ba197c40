// SPDX-License-Identifier: GPL-2.0-only
/* Unit tests for the hypervisor command line parser (hv/common/cmdline.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <cmocka.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/cmdline.h>

static bool opt_noreboot;
static bool opt_sync;
static uint8_t opt_u8;
static uint16_t opt_u16;
static unsigned int opt_u32;
static uint64_t opt_u64;
static int opt_s32;
static uint64_t opt_mem;
static uint32_t opt_mem32;
static char opt_console[16];
static char opt_tiny[1];
static int custom_calls;
static char custom_last[64];
static bool custom_last_null;

static int custom_fn(const char *val)
{
	custom_calls++;
	custom_last_null = val == NULL;
	snprintf(custom_last, sizeof(custom_last), "%s", val ? val : "");
	return val && !strcmp(val, "bad") ? -EINVAL : 0;
}

static const struct hv_param params[] = {
	{ "noreboot", PARAM_BOOL, &opt_noreboot, sizeof(opt_noreboot), NULL },
	{ "sync_console", PARAM_BOOL, &opt_sync, sizeof(opt_sync), NULL },
	{ "u8", PARAM_UINT, &opt_u8, sizeof(opt_u8), NULL },
	{ "u16", PARAM_UINT, &opt_u16, sizeof(opt_u16), NULL },
	{ "dom0_max_vcpus", PARAM_UINT, &opt_u32, sizeof(opt_u32), NULL },
	{ "u64", PARAM_UINT, &opt_u64, sizeof(opt_u64), NULL },
	{ "s32", PARAM_UINT, &opt_s32, sizeof(opt_s32), NULL },
	{ "mem-x", PARAM_SIZE, &opt_mem, sizeof(opt_mem), NULL },
	{ "mem32", PARAM_SIZE, &opt_mem32, sizeof(opt_mem32), NULL },
	{ "console", PARAM_STRING, opt_console, sizeof(opt_console), NULL },
	{ "tiny", PARAM_STRING, opt_tiny, sizeof(opt_tiny), NULL },
	{ "dom0_mem", PARAM_CUSTOM, NULL, 0, custom_fn },
	{ "no-exact", PARAM_CUSTOM, NULL, 0, custom_fn },
};

static int warnings;
static char last_warning[256];

static void warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_warning, sizeof(last_warning), fmt, ap);
	va_end(ap);
	warnings++;
}

static int parse(const char *s)
{
	int rc;

	warnings = 0;
	last_warning[0] = '\0';
	rc = cmdline_parse(s, params, params + ARRAY_SIZE(params), warn);
	assert_int_equal(rc, warnings);
	return rc;
}

static int reset(void **state)
{
	(void)state;
	opt_noreboot = opt_sync = false;
	opt_u8 = 0;
	opt_u16 = 0;
	opt_u32 = 0;
	opt_u64 = 0;
	opt_s32 = 0;
	opt_mem = 0;
	opt_mem32 = 0;
	memset(opt_console, 0, sizeof(opt_console));
	opt_tiny[0] = 'x';
	custom_calls = 0;
	custom_last[0] = '\0';
	custom_last_null = false;
	return 0;
}

static void test_parse_bool(void **state)
{
	static const char *const yes[] = { "1", "yes", "on", "true", "enable" };
	static const char *const no[] = { "0", "no", "off", "false",
					  "disable" };
	static const char *const bad[] = { "",	    "2",       "Yes", "ON",
					   "truee", "enabled", "o",   "-1",
					   " 1",    "1 ",      "nope" };
	const char *s = "onward";
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(yes); i++)
		assert_int_equal(parse_bool(yes[i], NULL), 1);
	for (i = 0; i < ARRAY_SIZE(no); i++)
		assert_int_equal(parse_bool(no[i], NULL), 0);
	for (i = 0; i < ARRAY_SIZE(bad); i++)
		assert_int_equal(parse_bool(bad[i], NULL), -1);
	/* Explicit end: only [s, end) counts. */
	assert_int_equal(parse_bool(s, s + 2), 1);
	assert_int_equal(parse_bool(s, s + 1), -1);
	assert_int_equal(parse_bool(s, s), -1);
	s = "false,x";
	assert_int_equal(parse_bool(s, strchr(s, ',')), 0);
	s = "off,rest";
	assert_int_equal(parse_bool(s, s + 3), 0);
}

static void test_parse_size(void **state)
{
	const char *end;

	(void)state;
	assert_int_equal(parse_size_and_unit("1", &end), 1024);
	assert_int_equal(*end, '\0');
	assert_int_equal(parse_size_and_unit("0", NULL), 0);
	assert_int_equal(parse_size_and_unit("12b", &end), 12);
	assert_int_equal(parse_size_and_unit("12B", &end), 12);
	assert_int_equal(*end, '\0');
	assert_int_equal(parse_size_and_unit("4k", NULL), 4096);
	assert_int_equal(parse_size_and_unit("4K", NULL), 4096);
	assert_int_equal(parse_size_and_unit("3m", NULL), 3ULL << 20);
	assert_int_equal(parse_size_and_unit("3M", NULL), 3ULL << 20);
	assert_int_equal(parse_size_and_unit("2g", NULL), 2ULL << 30);
	assert_int_equal(parse_size_and_unit("2G", NULL), 2ULL << 30);
	assert_int_equal(parse_size_and_unit("5t", NULL), 5ULL << 40);
	assert_int_equal(parse_size_and_unit("5T", NULL), 5ULL << 40);
	assert_int_equal(parse_size_and_unit("16MB", &end), 16ULL << 20);
	assert_int_equal(*end, '\0');
	assert_int_equal(parse_size_and_unit("16mb", &end), 16ULL << 20);
	assert_int_equal(*end, '\0');
	assert_int_equal(parse_size_and_unit("0x10M", NULL), 16ULL << 20);
	assert_int_equal(parse_size_and_unit("010k", NULL), 8 * 1024);
	assert_int_equal(parse_size_and_unit("0xfffb", NULL), 0xfffbULL << 10);
	/* Trailing text is left for the caller. */
	assert_int_equal(parse_size_and_unit("512M,max:1G", &end),
			 512ULL << 20);
	assert_string_equal(end, ",max:1G");
	assert_int_equal(parse_size_and_unit("7x", &end), 7 * 1024);
	assert_string_equal(end, "x");
	/* Percent is left unconsumed and unscaled when end is wanted. */
	assert_int_equal(parse_size_and_unit("25%", &end), 25);
	assert_string_equal(end, "%");
	assert_int_equal(parse_size_and_unit("25%", NULL), 25 * 1024);
	/* Saturation instead of wrap-around. */
	assert_true(parse_size_and_unit("16777216T", NULL) == ~0ULL);
	assert_true(parse_size_and_unit("99999999999999999999999", NULL) ==
		    ~0ULL);
	assert_true(parse_size_and_unit("18014398509481984", NULL) == ~0ULL);
	assert_int_equal(parse_size_and_unit("16777215T", NULL),
			 16777215ULL << 40);
	/* No digits at all. */
	assert_int_equal(parse_size_and_unit("", &end), 0);
	assert_int_equal(parse_size_and_unit("M", &end), 0);
	assert_int_equal(parse_size_and_unit("0x", &end), 0);
	assert_string_equal(end, "x");
}

static void test_strcmp(void **state)
{
	(void)state;
	assert_int_equal(cmdline_strcmp("dom0_mem", "dom0-mem"), 0);
	assert_int_equal(cmdline_strcmp("a-b_c", "a_b-c"), 0);
	assert_int_not_equal(cmdline_strcmp("dom0_mem", "dom0_me"), 0);
	assert_int_not_equal(cmdline_strcmp("a", "b"), 0);
	assert_int_not_equal(cmdline_strcmp("", "a"), 0);
	assert_int_equal(cmdline_strcmp("", ""), 0);
}

static void test_empty(void **state)
{
	(void)state;
	assert_int_equal(parse(NULL), 0);
	assert_int_equal(parse(""), 0);
	assert_int_equal(parse("    "), 0);
	assert_int_equal(parse(" \t \n \r "), 0);
	assert_int_equal(parse("\"\""), 0);
	assert_false(opt_noreboot);
	assert_int_equal(cmdline_parse("noreboot", params, params, warn) > 0,
			 1);
	assert_int_equal(cmdline_parse("noreboot", params, params, NULL), 1);
}

static void test_bools(void **state)
{
	(void)state;
	assert_int_equal(parse("noreboot"), 0);
	assert_true(opt_noreboot);
	assert_int_equal(parse("no-noreboot"), 0);
	assert_false(opt_noreboot);
	assert_int_equal(parse("noreboot=on sync-console"), 0);
	assert_true(opt_noreboot);
	assert_true(opt_sync);
	assert_int_equal(parse("  noreboot=false   sync_console=0  "), 0);
	assert_false(opt_noreboot);
	assert_false(opt_sync);
	assert_int_equal(parse("no-sync-console=no"), 0);
	assert_true(opt_sync);
	assert_int_equal(parse("no-sync-console=yes"), 0);
	assert_false(opt_sync);
	/* Last one wins. */
	assert_int_equal(parse("noreboot no-noreboot noreboot=1"), 0);
	assert_true(opt_noreboot);
	assert_int_equal(parse("noreboot=1 noreboot=disable"), 0);
	assert_false(opt_noreboot);
	/* Malformed: reported, value untouched, parsing goes on. */
	opt_noreboot = true;
	assert_int_equal(parse("noreboot=maybe sync_console"), 1);
	assert_true(opt_noreboot);
	assert_true(opt_sync);
	assert_non_null(strstr(last_warning, "noreboot"));
	assert_int_equal(parse("noreboot="), 1);
	assert_true(opt_noreboot);
	assert_int_equal(parse("noreboot=1=1"), 1);
	/* Names are case-sensitive, as in Xen. */
	assert_int_equal(parse("NOREBOOT"), 1);
	assert_non_null(strstr(last_warning, "unknown option"));
}

static void test_integers(void **state)
{
	(void)state;
	assert_int_equal(parse("dom0_max_vcpus=4"), 0);
	assert_int_equal(opt_u32, 4);
	assert_int_equal(parse("dom0-max-vcpus=0x10"), 0);
	assert_int_equal(opt_u32, 16);
	assert_int_equal(parse("dom0_max_vcpus=010"), 0);
	assert_int_equal(opt_u32, 8);
	assert_int_equal(parse("dom0_max_vcpus=0"), 0);
	assert_int_equal(opt_u32, 0);
	assert_int_equal(parse("dom0_max_vcpus=0xFFFFFFFF"), 0);
	assert_int_equal(opt_u32, 0xffffffffu);
	assert_int_equal(parse("dom0_max_vcpus=4294967296"), 1);
	assert_int_equal(opt_u32, 0xffffffffu);
	assert_int_equal(parse("u8=255 u16=65535"), 0);
	assert_int_equal(opt_u8, 255);
	assert_int_equal(opt_u16, 65535);
	assert_int_equal(parse("u8=256"), 1);
	assert_int_equal(opt_u8, 255);
	assert_int_equal(parse("u16=0x10000"), 1);
	assert_int_equal(parse("u64=18446744073709551615"), 0);
	assert_true(opt_u64 == ~0ULL);
	assert_int_equal(parse("u64=18446744073709551616"), 1);
	assert_int_equal(parse("u64=0x123456789abcdef0"), 0);
	assert_true(opt_u64 == 0x123456789abcdef0ULL);
	assert_int_equal(parse("s32=-5"), 0);
	assert_int_equal(opt_s32, -5);
	assert_int_equal(parse("s32=-2147483648"), 0);
	assert_int_equal(opt_s32, INT32_MIN);
	assert_int_equal(parse("s32=-2147483649"), 1);
	assert_int_equal(parse("u8=-128"), 0);
	assert_int_equal((int8_t)opt_u8, -128);
	assert_int_equal(parse("u8=-129"), 1);
	/* Malformed. */
	opt_u32 = 7;
	assert_int_equal(parse("dom0_max_vcpus=abc"), 1);
	assert_int_equal(parse("dom0_max_vcpus=12abc"), 1);
	assert_int_equal(parse("dom0_max_vcpus="), 1);
	assert_int_equal(parse("dom0_max_vcpus"), 1);
	assert_int_equal(parse("no-dom0_max_vcpus"), 1);
	assert_int_equal(parse("dom0_max_vcpus=08"), 1);
	assert_int_equal(parse("dom0_max_vcpus=0x"), 1);
	assert_int_equal(parse("dom0_max_vcpus=-"), 1);
	assert_int_equal(parse("dom0_max_vcpus=4k"), 1);
	assert_int_equal(parse("dom0_max_vcpus= 4"), 2); /* "4" is unknown */
	assert_int_equal(opt_u32, 7);
}

static void test_sizes(void **state)
{
	(void)state;
	assert_int_equal(parse("mem-x=512M"), 0);
	assert_int_equal(opt_mem, 512ULL << 20);
	assert_int_equal(parse("mem_x=4"), 0);
	assert_int_equal(opt_mem, 4096);
	assert_int_equal(parse("mem_x=4096b"), 0);
	assert_int_equal(opt_mem, 4096);
	assert_int_equal(parse("mem_x=1T"), 0);
	assert_int_equal(opt_mem, 1ULL << 40);
	assert_int_equal(parse("mem_x=2GB"), 0);
	assert_int_equal(opt_mem, 2ULL << 30);
	assert_int_equal(parse("mem32=3G"), 0);
	assert_int_equal(opt_mem32, 3ULL << 30);
	assert_int_equal(parse("mem32=4G"), 1);
	assert_int_equal(opt_mem32, 3ULL << 30);
	/* Bad or unrepresentable. */
	assert_int_equal(parse("mem_x=M"), 1);
	assert_int_equal(parse("mem_x="), 1);
	assert_int_equal(parse("mem_x"), 1);
	assert_int_equal(parse("mem_x=1Q"), 1);
	assert_int_equal(parse("mem_x=1MM"), 1);
	assert_int_equal(parse("mem_x=1KiB"), 1);
	assert_int_equal(parse("mem_x=50%"), 1);
	assert_int_equal(parse("mem_x=99999999999999999999"), 1);
	assert_int_equal(parse("mem_x=16777216T"), 1);
	assert_int_equal(opt_mem, 2ULL << 30);
}

static void test_strings(void **state)
{
	(void)state;
	assert_int_equal(parse("console=com1,vga"), 0);
	assert_string_equal(opt_console, "com1,vga");
	assert_int_equal(parse("console="), 0);
	assert_string_equal(opt_console, "");
	/* Values may contain '='; only the first one separates. */
	assert_int_equal(parse("console=a=b=c"), 0);
	assert_string_equal(opt_console, "a=b=c");
	/* Quotes group blanks and disappear. */
	assert_int_equal(parse("console=\"a b\" noreboot"), 0);
	assert_string_equal(opt_console, "a b");
	assert_true(opt_noreboot);
	assert_int_equal(parse("\"console=x y\""), 0);
	assert_string_equal(opt_console, "x y");
	/* Exactly fits (15 chars + NUL). */
	assert_int_equal(parse("console=123456789012345"), 0);
	assert_string_equal(opt_console, "123456789012345");
	/* Too long: truncated, reported. */
	assert_int_equal(parse("console=1234567890123456"), 1);
	assert_string_equal(opt_console, "123456789012345");
	assert_non_null(strstr(last_warning, "truncated"));
	assert_int_equal(parse("tiny=abc"), 1);
	assert_string_equal(opt_tiny, "");
	assert_int_equal(parse("tiny="), 0);
	assert_int_equal(parse("console"), 1);
	assert_int_equal(parse("no-console"), 1);
	/* Last wins. */
	assert_int_equal(parse("console=a console=b"), 0);
	assert_string_equal(opt_console, "b");
}

static void test_custom(void **state)
{
	(void)state;
	assert_int_equal(parse("dom0_mem=512M,max:1G"), 0);
	assert_int_equal(custom_calls, 1);
	assert_string_equal(custom_last, "512M,max:1G");
	assert_int_equal(parse("dom0-mem"), 0);
	assert_true(custom_last_null);
	assert_int_equal(parse("dom0_mem="), 0);
	assert_false(custom_last_null);
	assert_string_equal(custom_last, "");
	assert_int_equal(parse("no-dom0_mem"), 0);
	assert_string_equal(custom_last, "no");
	assert_int_equal(custom_calls, 4);
	/* "no-" with a value is meaningless for a custom option. */
	assert_int_equal(parse("no-dom0_mem=1"), 1);
	assert_int_equal(custom_calls, 4);
	/* Handler failure is reported. */
	assert_int_equal(parse("dom0_mem=bad"), 1);
	assert_int_equal(custom_calls, 5);
	assert_non_null(strstr(last_warning, "dom0_mem"));
	/* An option whose real name starts with "no-" matches exactly. */
	assert_int_equal(parse("no-exact=1"), 0);
	assert_string_equal(custom_last, "1");
	assert_int_equal(parse("no_exact"), 0);
	assert_true(custom_last_null);
}

static void test_unknown(void **state)
{
	(void)state;
	assert_int_equal(parse("bogus noreboot"), 1);
	assert_true(opt_noreboot);
	assert_non_null(strstr(last_warning, "bogus"));
	assert_int_equal(parse("bogus=1 alsobogus no-bogus = =x no-"), 6);
	assert_int_equal(parse("noreboo noreboott nn"), 3);
}

static void test_double_dash(void **state)
{
	(void)state;
	assert_int_equal(parse("noreboot -- sync_console console=x bogus"), 0);
	assert_true(opt_noreboot);
	assert_false(opt_sync);
	assert_string_equal(opt_console, "");
	assert_int_equal(parse("-- noreboot"), 0);
	assert_int_equal(parse("--x noreboot"), 1);
	/* A quoted "--" is an ordinary (unknown) option. */
	assert_int_equal(parse("\"--\" sync_console"), 1);
	assert_true(opt_sync);

	assert_null(cmdline_dom0_args(NULL));
	assert_null(cmdline_dom0_args(""));
	assert_null(cmdline_dom0_args("a b --x x-- \"--\""));
	assert_string_equal(cmdline_dom0_args("a -- console=hvc0 -- x"),
			    "console=hvc0 -- x");
	assert_string_equal(cmdline_dom0_args("--"), "");
	assert_string_equal(cmdline_dom0_args("a --   "), "");
	assert_string_equal(cmdline_dom0_args("a=\"x -- y\" -- z"), "z");
}

static void test_long_tokens(void **state)
{
	size_t n = CMDLINE_TOKEN_MAX * 4;
	char *s = malloc(n + 64);

	(void)state;
	assert_non_null(s);
	/* Token of exactly the maximum length: fine (it is just unknown). */
	memset(s, 'a', CMDLINE_TOKEN_MAX);
	strcpy(s + CMDLINE_TOKEN_MAX, " noreboot");
	assert_int_equal(parse(s), 1);
	assert_non_null(strstr(last_warning, "unknown"));
	assert_true(opt_noreboot);
	/* One longer: skipped as too long, the rest still applies. */
	memset(s, 'a', CMDLINE_TOKEN_MAX + 1);
	strcpy(s + CMDLINE_TOKEN_MAX + 1, " sync_console");
	assert_int_equal(parse(s), 1);
	assert_non_null(strstr(last_warning, "longer"));
	assert_true(opt_sync);
	/* A long value for a string option is not silently accepted. */
	strcpy(s, "console=");
	memset(s + 8, 'c', n);
	s[8 + n] = '\0';
	assert_int_equal(parse(s), 1);
	assert_string_equal(opt_console, "");
	/* Many tokens. */
	s[0] = '\0';
	for (size_t i = 0; i < 200; i++)
		strcat(s, i & 1 ? "noreboot " : "no-noreboot ");
	assert_int_equal(parse(s), 0);
	assert_true(opt_noreboot);
	free(s);
}

/* The registration macros produce the entries the parser consumes. */
static bool reg_bool;
static unsigned int reg_uint;
static uint64_t reg_size;
static char reg_str[8];
static int reg_fn(const char *v)
{
	(void)v;
	return 0;
}
boolean_param("reg-bool", reg_bool);
integer_param("reg_uint", reg_uint);
size_param("reg_size", reg_size);
string_param("reg_str", reg_str);
custom_param("reg_fn", reg_fn);

static void test_macros(void **state)
{
	const struct hv_param tab[] = {
		__hv_param_reg_bool, __hv_param_reg_uint, __hv_param_reg_size,
		__hv_param_reg_str,  __hv_param_reg_fn,
	};

	(void)state;
	assert_int_equal(tab[0].type, PARAM_BOOL);
	assert_ptr_equal(tab[0].var, &reg_bool);
	assert_int_equal(tab[0].size, sizeof(bool));
	assert_int_equal(tab[1].type, PARAM_UINT);
	assert_int_equal(tab[1].size, sizeof(unsigned int));
	assert_int_equal(tab[2].type, PARAM_SIZE);
	assert_int_equal(tab[3].type, PARAM_STRING);
	assert_int_equal(tab[3].size, 8);
	assert_ptr_equal(tab[3].var, reg_str);
	assert_int_equal(tab[4].type, PARAM_CUSTOM);
	assert_ptr_equal(tab[4].custom, reg_fn);
	assert_int_equal(cmdline_parse("reg_bool reg-uint=3 reg_size=1M "
				       "reg_str=hello_world reg_fn=x",
				       tab, tab + ARRAY_SIZE(tab), NULL),
			 1);
	assert_true(reg_bool);
	assert_int_equal(reg_uint, 3);
	assert_int_equal(reg_size, 1 << 20);
	assert_string_equal(reg_str, "hello_w");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_bool),
		cmocka_unit_test(test_parse_size),
		cmocka_unit_test(test_strcmp),
		cmocka_unit_test_setup(test_empty, reset),
		cmocka_unit_test_setup(test_bools, reset),
		cmocka_unit_test_setup(test_integers, reset),
		cmocka_unit_test_setup(test_sizes, reset),
		cmocka_unit_test_setup(test_strings, reset),
		cmocka_unit_test_setup(test_custom, reset),
		cmocka_unit_test_setup(test_unknown, reset),
		cmocka_unit_test_setup(test_double_dash, reset),
		cmocka_unit_test_setup(test_long_tokens, reset),
		cmocka_unit_test(test_macros),
	};

	return cmocka_run_group_tests_name("cmdline", tests, NULL, NULL);
}
