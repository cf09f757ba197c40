// SPDX-License-Identifier: GPL-2.0-only
/* gunzip() against zlib-made gzip streams, plus hostile inputs. */
#include "test_decompress_util.c"
#include <zlib.h>
#include <hv/decompress.h>

/* gzip-compresses with zlib; head may be NULL. */
static uint8_t *gz(const uint8_t *in, size_t n, int level, int strategy,
		   gz_header *head, size_t *out_len)
{
	z_stream zs;
	size_t cap = n + n / 8 + 1024;
	uint8_t *out = malloc(cap);

	memset(&zs, 0, sizeof(zs));
	assert_int_equal(deflateInit2(&zs, level, Z_DEFLATED, 31, 8, strategy),
			 Z_OK);
	if (head)
		assert_int_equal(deflateSetHeader(&zs, head), Z_OK);
	zs.next_in = (uint8_t *)in;
	zs.avail_in = (uInt)n;
	zs.next_out = out;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	*out_len = zs.total_out;
	deflateEnd(&zs);
	return out;
}

static void roundtrip(enum td_kind kind, size_t n, int level, int strategy)
{
	uint8_t *data = td_gen(kind, n, n * 31 + (size_t)level);
	size_t clen;
	uint8_t *c = gz(data, n, level, strategy, NULL, &clen);

	td_check_roundtrip(gunzip, c, clen, data, n);
	td_check_roundtrip(decompress, c, clen, data, n);
	free(c);
	free(data);
}

static const size_t sizes[] = {
	0,     1,     2,     3,	    100,   1000,  32767,
	32768, 32769, 65535, 65536, 65537, 99999, 262147
};

static void test_gzip_levels(void **state)
{
	(void)state;
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		for (int level = 0; level <= 9; level += 3)
			for (int kind = TD_RANDOM; kind <= TD_MIXED; kind++)
				roundtrip(kind, sizes[s], level,
					  Z_DEFAULT_STRATEGY);
}

static void test_gzip_strategies(void **state)
{
	static const int strat[] = { Z_FILTERED, Z_HUFFMAN_ONLY, Z_RLE,
				     Z_FIXED };
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(strat); i++)
		for (int kind = TD_RANDOM; kind <= TD_MIXED; kind++) {
			roundtrip(kind, 70000, 6, strat[i]);
			roundtrip(kind, 1, 6, strat[i]);
		}
}

static void test_gzip_large(void **state)
{
	(void)state;
	roundtrip(TD_TEXT, 3 << 20, 9, Z_DEFAULT_STRATEGY);
	roundtrip(TD_ZERO, 5 << 20, 9, Z_DEFAULT_STRATEGY);
}

static void test_gzip_header_fields(void **state)
{
	uint8_t extra[] = { 'K', 'r', 4, 0, 1, 2, 3, 4 };
	gz_header head;
	uint8_t *data = td_gen(TD_TEXT, 5000, 7);
	size_t clen;
	uint8_t *c;

	(void)state;
	memset(&head, 0, sizeof(head));
	head.extra = extra;
	head.extra_len = sizeof(extra);
	head.name = (Bytef *)"vmlinux";
	head.comment = (Bytef *)"a comment";
	head.hcrc = 1;
	head.time = 12345;
	c = gz(data, 5000, 9, Z_DEFAULT_STRATEGY, &head, &clen);
	assert_int_equal(c[3], 0x1e); /* FHCRC|FEXTRA|FNAME|FCOMMENT */
	td_check_roundtrip(gunzip, c, clen, data, 5000);
	td_check_hostile(gunzip, c, clen, 5000, 4000);

	/* A damaged header CRC is detected. */
	c[clen - 8 - 0] ^= 0; /* (trailer untouched) */
	{
		uint8_t *bad = malloc(clen), *out = malloc(5000);
		size_t ol;
		const char *err = NULL;
		size_t hcrc_pos = 10 + 2 + sizeof(extra) + 8 + 10;

		memcpy(bad, c, clen);
		bad[hcrc_pos] ^= 1;
		assert_int_equal(gunzip(bad, clen, out, 5000, &ol, &err),
				 -EINVAL);
		assert_string_equal(err, "gzip: header CRC mismatch");
		free(bad);
		free(out);
	}
	free(c);
	free(data);
}

static void test_gzip_multi_member(void **state)
{
	uint8_t *a = td_gen(TD_TEXT, 40000, 1), *b = td_gen(TD_RANDOM, 3000, 2);
	uint8_t *both = malloc(43000);
	size_t la, lb;
	uint8_t *ca = gz(a, 40000, 6, Z_DEFAULT_STRATEGY, NULL, &la);
	uint8_t *cb = gz(b, 3000, 6, Z_DEFAULT_STRATEGY, NULL, &lb);
	uint8_t *cat = malloc(la + lb + 4);

	(void)state;
	memcpy(both, a, 40000);
	memcpy(both + 40000, b, 3000);
	memcpy(cat, ca, la);
	memcpy(cat + la, cb, lb);
	td_check_roundtrip(gunzip, cat, la + lb, both, 43000);
	/* Trailing non-gzip bytes (a bzImage size word) are ignored. */
	memcpy(cat + la + lb, "\x10\x20\x30\x00", 4);
	td_check_roundtrip(gunzip, cat, la + lb + 4, both, 43000);
	free(a);
	free(b);
	free(both);
	free(ca);
	free(cb);
	free(cat);
}

static void test_gzip_errors(void **state)
{
	uint8_t *data = td_gen(TD_TEXT, 20000, 3);
	size_t clen, ol;
	uint8_t *c = gz(data, 20000, 6, Z_DEFAULT_STRATEGY, NULL, &clen);
	uint8_t *out = malloc(20000);
	const char *err = NULL;

	(void)state;
	c[clen - 5] ^= 0x40; /* CRC32 */
	assert_int_equal(gunzip(c, clen, out, 20000, &ol, &err), -EINVAL);
	assert_string_equal(err, "gzip: CRC32 mismatch");
	c[clen - 5] ^= 0x40;
	c[clen - 2] ^= 0x01; /* ISIZE */
	assert_int_equal(gunzip(c, clen, out, 20000, &ol, &err), -EINVAL);
	assert_string_equal(err, "gzip: size mismatch");
	c[clen - 2] ^= 0x01;
	assert_int_equal(gunzip(c, clen - 1, out, 20000, &ol, &err), -EINVAL);
	assert_int_equal(gunzip(c, 5, out, 20000, &ol, &err), -EINVAL);
	assert_string_equal(err, "gzip: truncated header");
	c[2] = 7;
	assert_int_equal(gunzip(c, clen, out, 20000, &ol, &err), -ENOTSUP);
	/* Block type 3 is reserved. */
	{
		static const uint8_t bt3[] = { 0x1f, 0x8b, 8, 0,    0, 0, 0,
					       0,    0,	   3, 0x07, 0, 0, 0,
					       0,    0,	   0, 0,    0 };
		assert_int_equal(gunzip(bt3, sizeof(bt3), out, 20000, &ol,
					&err),
				 -EINVAL);
		assert_string_equal(err, "inflate: bad block type");
	}
	/* Formats that are recognised but not implemented, and junk. */
	assert_int_equal(decompress("BZh91AY&SY", 10, out, 20000, &ol, &err),
			 -ENOTSUP);
	assert_string_equal(err, "decompress: bzip2 unsupported");
	assert_int_equal(decompress("\x02\x21\x4c\x18\0\0", 6, out, 20000, &ol,
				    &err),
			 -ENOTSUP);
	assert_int_equal(decompress("hello", 5, out, 20000, &ol, &err),
			 -EINVAL);
	assert_string_equal(err, "decompress: unrecognised format");
	assert_int_equal(decompress(NULL, 0, out, 20000, &ol, &err), -EINVAL);
	assert_int_equal(decomp_detect(NULL, 0), DECOMP_NONE);
	assert_string_equal(decomp_format_name(DECOMP_XZ), "xz");
	assert_string_equal(decomp_format_name(DECOMP_NONE), "none");
	free(c);
	free(out);
	free(data);
}

static void test_gzip_hostile(void **state)
{
	static const struct {
		enum td_kind kind;
		size_t n;
		int level;
	} cases[] = { { TD_TEXT, 300, 9 },    { TD_TEXT, 20000, 6 },
		      { TD_RANDOM, 2000, 6 }, { TD_REPEAT, 50000, 9 },
		      { TD_X86, 8000, 1 },    { TD_TEXT, 1000, 0 } };
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		uint8_t *d = td_gen(cases[i].kind, cases[i].n, i);
		size_t clen;
		uint8_t *c = gz(d, cases[i].n, cases[i].level,
				Z_DEFAULT_STRATEGY, NULL, &clen);

		td_check_hostile(gunzip, c, clen, cases[i].n, 3000);
		td_check_hostile(gunzip, c, clen, cases[i].n / 2, 500);
		free(c);
		free(d);
	}
}

/* Random bytes behind a valid gzip header exercise the block decoder. */
static void test_gzip_fuzz(void **state)
{
	uint8_t buf[600];

	(void)state;
	td_seed(99);
	for (int it = 0; it < 20000; it++) {
		size_t n = 10 + td_rand() % 590;
		uint8_t out[4096];
		size_t ol;
		const char *err;

		for (size_t i = 0; i < n; i++)
			buf[i] = (uint8_t)td_rand();
		memcpy(buf, "\x1f\x8b\x08\x00\0\0\0\0\0\x03", 10);
		if (it & 1)
			buf[10] = (uint8_t)((buf[10] & ~6) | 4); /* dynamic */
		(void)gunzip(buf, n, out, sizeof(out), &ol, &err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gzip_levels),
		cmocka_unit_test(test_gzip_strategies),
		cmocka_unit_test(test_gzip_large),
		cmocka_unit_test(test_gzip_header_fields),
		cmocka_unit_test(test_gzip_multi_member),
		cmocka_unit_test(test_gzip_errors),
		cmocka_unit_test(test_gzip_hostile),
		cmocka_unit_test(test_gzip_fuzz),
	};
	return cmocka_run_group_tests_name("decompress_gzip", tests, NULL,
					   NULL);
}
