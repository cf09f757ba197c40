// SPDX-License-Identifier: GPL-2.0-only
/*
 * cmocka unit tests for xl's small parsers: vdev numbers, cpu lists,
 * UUIDs, vif rates, JSON escaping and the kernel probe's bounds checks.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../xl.h"

static void test_vdev(void **state)
{
	(void)state;
	assert_int_equal(vdev_to_devnum("xvda"), 202 << 8);
	assert_int_equal(vdev_to_devnum("xvdb3"), (202 << 8) | 16 | 3);
	assert_int_equal(vdev_to_devnum("xvdq"), (1 << 28) | (16 << 8));
	assert_int_equal(vdev_to_devnum("xvdaa"), (1 << 28) | (26 << 8));
	assert_int_equal(vdev_to_devnum("hdc"), 22 << 8);
	assert_int_equal(vdev_to_devnum("hdb1"), (3 << 8) | 64 | 1);
	assert_int_equal(vdev_to_devnum("sdb2"), (8 << 8) | 16 | 2);
	assert_int_equal(vdev_to_devnum("d2p3"), (202 << 8) | 32 | 3);
	assert_int_equal(vdev_to_devnum("xvda0"), -1);
	assert_int_equal(vdev_to_devnum("hde"), -1);
	assert_int_equal(vdev_to_devnum(""), -1);
	assert_int_equal(vdev_to_devnum("xvdzzzzzz"), -1);
}

static void test_cpu_list(void **state)
{
	struct bitmap m = { 0 };
	char err[128];
	int i;

	(void)state;
	bitmap_alloc(&m, 8);
	assert_int_equal(parse_cpu_list("0-3,^1,6", &m, err, sizeof(err)), 0);
	for (i = 0; i < 8; i++)
		assert_int_equal(bitmap_test(&m, i),
				 i == 0 || i == 2 || i == 3 || i == 6);
	bitmap_free(&m);
	bitmap_alloc(&m, 8);
	assert_int_equal(parse_cpu_list("all,^7", &m, err, sizeof(err)), 0);
	assert_true(bitmap_test(&m, 0) && !bitmap_test(&m, 7));
	assert_int_equal(parse_cpu_list("^all", &m, err, sizeof(err)), -1);
	assert_int_equal(parse_cpu_list("3-1", &m, err, sizeof(err)), -1);
	assert_int_equal(parse_cpu_list("9", &m, err, sizeof(err)), -1);
	assert_int_equal(parse_cpu_list("x", &m, err, sizeof(err)), -1);
	bitmap_free(&m);
}

static void test_uuid(void **state)
{
	uint8_t u[16];

	(void)state;
	assert_int_equal(parse_uuid("00112233-4455-6677-8899-aabbccddeeff", u),
			 0);
	assert_int_equal(u[0], 0x00);
	assert_int_equal(u[15], 0xff);
	assert_int_equal(parse_uuid("00112233-4455-6677-8899-aabbccddeef", u),
			 -1);
	assert_int_equal(parse_uuid("0011223344556677-8899-aabbccddeeff", u),
			 -1);
	uuid_generate(u);
	assert_int_equal(u[6] >> 4, 4);
	assert_false(uuid_is_nil(u));
}

static void test_vif_rate(void **state)
{
	struct cfg *cfg = cfg_new("unit", NULL);
	struct device_nic n;

	(void)state;
	nic_init(&n);
	assert_int_equal(parse_vif_rate(cfg, 1, "10Mb/s", &n), 0);
	assert_int_equal(n.rate_interval_usecs, 50000);
	assert_int_equal(n.rate_bytes_per_interval, 62500);
	assert_int_equal(parse_vif_rate(cfg, 1, "1MB/s@20ms", &n), 0);
	assert_int_equal(n.rate_bytes_per_interval, 20000);
	assert_int_not_equal(parse_vif_rate(cfg, 1, "0B/s", &n), 0);
	assert_int_not_equal(parse_vif_rate(cfg, 1, "1B/s@0us", &n), 0);
	nic_free(&n);
	cfg_free(cfg);
}

static void test_json_escape(void **state)
{
	struct jgen *g = jgen_new();

	(void)state;
	j_map_open(g);
	j_key(g, "s");
	j_string(g, "a\"b\\c\n\x01/");
	j_key(g, "e");
	j_map_open(g);
	j_map_close(g);
	j_map_close(g);
	assert_string_equal(jgen_buf(g),
			    "{\n    \"s\": \"a\\\"b\\\\c\\n\\u0001/\",\n"
			    "    \"e\": {\n\n    }\n}\n");
	jgen_free(g);
}

static void test_probe_truncated(void **state)
{
	uint8_t buf[4096];

	(void)state;
	memset(buf, 0, sizeof(buf));
	memcpy(buf,
	       "\x7f"
	       "ELF\x02\x01\x01",
	       7);
	/* Program headers far outside the buffer must not be read. */
	buf[32] = 0xff; /* e_phoff */
	buf[33] = 0xff;
	buf[56] = 10; /* e_phnum */
	buf[54] = 56; /* e_phentsize */
	assert_int_equal(probe_kernel_buf(buf, 64), KK_ELF_NO_PVH);
	assert_int_equal(probe_kernel_buf(buf, 10), KK_UNKNOWN);
	memset(buf, 0, sizeof(buf));
	memcpy(buf + 0x202, "HdrS", 4);
	buf[0x206] = 0x0f;
	buf[0x207] = 0x02;
	buf[0x24c] = 0xff; /* payload longer than the file */
	buf[0x24d] = 0xff;
	assert_int_equal(probe_kernel_buf(buf, sizeof(buf)), KK_BZIMAGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vdev),
		cmocka_unit_test(test_cpu_list),
		cmocka_unit_test(test_uuid),
		cmocka_unit_test(test_vif_rate),
		cmocka_unit_test(test_json_escape),
		cmocka_unit_test(test_probe_truncated),
	};

	setenv("XL_HOST_CPUS", "8", 1);
	xlconf_defaults();
	return cmocka_run_group_tests_name("xl unit", tests, NULL, NULL);
}
