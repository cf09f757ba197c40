// SPDX-License-Identifier: GPL-2.0-only
/* unzstd() against libzstd-made frames, plus hostile inputs. */
#include "test_decompress_util.c"
#include <zstd.h>
#include <hv/decompress.h>

/* One frame; pledge==0 hides the content size (streaming-style frame). */
static uint8_t *zst(const uint8_t *in, size_t n, int level, int checksum,
		    int pledge, size_t *out_len)
{
	ZSTD_CCtx *c = ZSTD_createCCtx();
	size_t cap = ZSTD_compressBound(n) + 64, r;
	uint8_t *out = malloc(cap);
	ZSTD_outBuffer ob = { out, cap, 0 };
	ZSTD_inBuffer ib = { in, n, 0 };

	ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, level);
	ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, checksum);
	if (pledge)
		ZSTD_CCtx_setPledgedSrcSize(c, n);
	do {
		r = ZSTD_compressStream2(c, &ob, &ib, ZSTD_e_end);
		assert_false(ZSTD_isError(r));
	} while (r);
	ZSTD_freeCCtx(c);
	*out_len = ob.pos;
	return out;
}

static void roundtrip(enum td_kind kind, size_t n, int level, int checksum,
		      int pledge)
{
	uint8_t *data = td_gen(kind, n, n * 13 + (size_t)level);
	size_t clen;
	uint8_t *c = zst(data, n, level, checksum, pledge, &clen);

	td_check_roundtrip(unzstd, c, clen, data, n);
	td_check_roundtrip(decompress, c, clen, data, n);
	free(c);
	free(data);
}

static const size_t sizes[] = { 0,	1,	2,	    3,	    7,
				100,	1000,	4096,	    65535,  131071,
				131072, 131073, 262144 + 5, 1 << 20 };

static void test_zstd_levels(void **state)
{
	static const int levels[] = { -5, 1, 3, 9, 19 };
	(void)state;
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		for (size_t l = 0; l < ARRAY_SIZE(levels); l++)
			for (int kind = TD_RANDOM; kind <= TD_MIXED; kind++)
				roundtrip(kind, sizes[s], levels[l],
					  (int)((s + l) & 1), (int)(l & 1) ^ 1);
}

static void test_zstd_ultra(void **state)
{
	(void)state;
	roundtrip(TD_TEXT, 3 << 20, 22, 1, 1);
	roundtrip(TD_X86, 1 << 20, 22, 0, 0);
	roundtrip(TD_ZERO, 4 << 20, 3, 1, 0);
}

static void test_zstd_multi_frame(void **state)
{
	uint8_t *a = td_gen(TD_TEXT, 200000, 1), *b = td_gen(TD_X86, 5000, 2);
	size_t la, lb;
	uint8_t *ca = zst(a, 200000, 5, 1, 1, &la);
	uint8_t *cb = zst(b, 5000, 5, 0, 0, &lb);
	uint8_t *cat = malloc(la + lb + 16 + 4), *both = malloc(205000);
	size_t n = 0;

	(void)state;
	memcpy(both, a, 200000);
	memcpy(both + 200000, b, 5000);
	memcpy(cat, ca, la);
	n = la;
	/* A skippable frame between the two. */
	memcpy(cat + n, "\x5a\x2a\x4d\x18\x08\x00\x00\x00skipme!!", 16);
	n += 16;
	memcpy(cat + n, cb, lb);
	n += lb;
	td_check_roundtrip(unzstd, cat, n, both, 205000);
	/* A kernel-style size word after the last frame is ignored. */
	memcpy(cat + n, "\x48\x20\x03\x00", 4);
	td_check_roundtrip(unzstd, cat, n + 4, both, 205000);
	free(a);
	free(b);
	free(ca);
	free(cb);
	free(cat);
	free(both);
}

static void test_zstd_errors(void **state)
{
	uint8_t *data = td_gen(TD_TEXT, 30000, 3);
	size_t clen, ol;
	uint8_t *c = zst(data, 30000, 3, 1, 1, &clen);
	uint8_t *out = malloc(30000);
	const char *err = NULL;

	(void)state;
	c[clen - 1] ^= 0x20;
	assert_int_equal(unzstd(c, clen, out, 30000, &ol, &err), -EINVAL);
	assert_string_equal(err, "zstd: checksum mismatch");
	c[clen - 1] ^= 0x20;
	assert_int_equal(unzstd(c, clen - 1, out, 30000, &ol, &err), -EINVAL);
	assert_string_equal(err, "zstd: truncated checksum");
	/* Content size larger than the buffer: refused up front. */
	assert_int_equal(unzstd(c, clen, out, 29999, &ol, &err), -ENOSPC);
	c[4] |= 0x08;
	assert_int_equal(unzstd(c, clen, out, 30000, &ol, &err), -EINVAL);
	c[4] &= ~0x08;
	{
		/* Frame with a dictionary ID. */
		static const uint8_t dict[] = { 0x28, 0xb5, 0x2f, 0xfd, 0x21,
						0x07, 0x01, 0x01, 0x00, 0x00 };
		assert_int_equal(unzstd(dict, sizeof(dict), out, 30000, &ol,
					&err),
				 -ENOTSUP);
	}
	assert_int_equal(unzstd("abcd", 4, out, 30000, &ol, &err), -EINVAL);
	free(c);
	free(out);
	free(data);
}

static void test_zstd_hostile(void **state)
{
	static const struct {
		enum td_kind kind;
		size_t n;
		int level, checksum;
	} cases[] = {
		{ TD_TEXT, 300, 19, 1 },   { TD_TEXT, 30000, 3, 0 },
		{ TD_RANDOM, 2000, 3, 1 }, { TD_REPEAT, 50000, 19, 0 },
		{ TD_X86, 8000, 1, 0 },	   { TD_TEXT, 200000, 9, 0 },
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		uint8_t *d = td_gen(cases[i].kind, cases[i].n, i);
		size_t clen;
		uint8_t *c = zst(d, cases[i].n, cases[i].level,
				 cases[i].checksum, 0, &clen);

		td_check_hostile(unzstd, c, clen, cases[i].n, 3000);
		td_check_hostile(unzstd, c, clen, cases[i].n / 2, 300);
		free(c);
		free(d);
	}
}

/* Random block bodies behind a valid frame header. */
static void test_zstd_fuzz(void **state)
{
	uint8_t buf[600], out[8192];

	(void)state;
	td_seed(77);
	for (int it = 0; it < 30000; it++) {
		size_t n = 9 + td_rand() % 590, ol;
		const char *err;

		for (size_t i = 0; i < n; i++)
			buf[i] = (uint8_t)td_rand();
		/* magic, FHD: single segment, 2-byte FCS; then block header */
		memcpy(buf, "\x28\xb5\x2f\xfd\x60", 5);
		buf[8] = (uint8_t)((buf[8] & ~6) | 4); /* compressed block */
		(void)unzstd(buf, n, out, sizeof(out), &ol, &err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_zstd_levels),
		cmocka_unit_test(test_zstd_ultra),
		cmocka_unit_test(test_zstd_multi_frame),
		cmocka_unit_test(test_zstd_errors),
		cmocka_unit_test(test_zstd_hostile),
		cmocka_unit_test(test_zstd_fuzz),
	};
	return cmocka_run_group_tests_name("decompress_zstd", tests, NULL,
					   NULL);
}
