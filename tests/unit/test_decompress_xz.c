// SPDX-License-Identifier: GPL-2.0-only
/* unxz()/unlzma() against liblzma-made streams, plus hostile inputs. */
#include "test_decompress_util.c"
#include <lzma.h>
#include <hv/decompress.h>

#define XF_X86 1
#define XF_DELTA 2

/* xz-compresses with an explicit filter chain. */
static uint8_t *xz_enc(const uint8_t *in, size_t n, uint32_t preset, int extra,
		       lzma_check check, size_t *out_len)
{
	lzma_options_lzma opt;
	lzma_options_bcj bcj = { .start_offset = 0 };
	lzma_options_delta delta = { .type = LZMA_DELTA_TYPE_BYTE, .dist = 4 };
	lzma_filter f[4];
	int k = 0;
	size_t cap = n + n / 4 + 4096, pos = 0;
	uint8_t *out = malloc(cap);

	assert_false(lzma_lzma_preset(&opt, preset));
	if (extra & XF_DELTA)
		f[k++] = (lzma_filter){ LZMA_FILTER_DELTA, &delta };
	if (extra & XF_X86)
		f[k++] = (lzma_filter){ LZMA_FILTER_X86, &bcj };
	f[k++] = (lzma_filter){ LZMA_FILTER_LZMA2, &opt };
	f[k] = (lzma_filter){ LZMA_VLI_UNKNOWN, NULL };
	assert_int_equal(lzma_stream_buffer_encode(f, check, NULL, in, n, out,
						   &pos, cap),
			 LZMA_OK);
	*out_len = pos;
	return out;
}

/* Multi-block stream through the threaded encoder (one thread). */
static uint8_t *xz_enc_blocks(const uint8_t *in, size_t n, size_t block,
			      size_t *out_len)
{
	lzma_stream strm = LZMA_STREAM_INIT;
	lzma_mt mt = { .threads = 1,
		       .block_size = block,
		       .preset = 6,
		       .check = LZMA_CHECK_CRC64 };
	size_t cap = n + n / 4 + 4096;
	uint8_t *out = malloc(cap);

	assert_int_equal(lzma_stream_encoder_mt(&strm, &mt), LZMA_OK);
	strm.next_in = in;
	strm.avail_in = n;
	strm.next_out = out;
	strm.avail_out = cap;
	assert_int_equal(lzma_code(&strm, LZMA_FINISH), LZMA_STREAM_END);
	*out_len = strm.total_out;
	lzma_end(&strm);
	return out;
}

static uint8_t *lzma_alone_enc(const uint8_t *in, size_t n, uint32_t preset,
			       size_t *out_len)
{
	lzma_stream strm = LZMA_STREAM_INIT;
	lzma_options_lzma opt;
	size_t cap = n + n / 4 + 4096;
	uint8_t *out = malloc(cap);

	assert_false(lzma_lzma_preset(&opt, preset));
	assert_int_equal(lzma_alone_encoder(&strm, &opt), LZMA_OK);
	strm.next_in = in;
	strm.avail_in = n;
	strm.next_out = out;
	strm.avail_out = cap;
	assert_int_equal(lzma_code(&strm, LZMA_FINISH), LZMA_STREAM_END);
	*out_len = strm.total_out;
	lzma_end(&strm);
	return out;
}

/* Megabyte inputs only for the kinds that matter, to bound the run time. */
static bool worth_it(enum td_kind kind, size_t n)
{
	return n < 1000000 || kind == TD_X86 || kind == TD_MIXED;
}

static void roundtrip(enum td_kind kind, size_t n, uint32_t preset, int extra,
		      lzma_check check)
{
	uint8_t *data = td_gen(kind, n, n * 7 + preset);
	size_t clen;
	uint8_t *c = xz_enc(data, n, preset, extra, check, &clen);

	td_check_roundtrip(unxz, c, clen, data, n);
	td_check_roundtrip(decompress, c, clen, data, n);
	free(c);
	free(data);
}

static const size_t sizes[] = { 0,     1,     2,       5,
				100,   4095,  4096,    65535,
				65536, 65537, 1 << 20, (1 << 21) + 13 };

static void test_xz_presets_checks(void **state)
{
	static const lzma_check checks[] = { LZMA_CHECK_NONE, LZMA_CHECK_CRC32,
					     LZMA_CHECK_CRC64,
					     LZMA_CHECK_SHA256 };
	(void)state;
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		for (int kind = TD_RANDOM; kind <= TD_MIXED; kind++)
			if (worth_it(kind, sizes[s]))
				roundtrip(kind, sizes[s], (uint32_t)(s % 10), 0,
					  checks[(s + kind) % 4]);
	roundtrip(TD_TEXT, 300000, 9 | LZMA_PRESET_EXTREME, 0,
		  LZMA_CHECK_CRC32);
	roundtrip(TD_TEXT, 300000, 0, 0, LZMA_CHECK_CRC32);
}

static void test_xz_bcj_x86(void **state)
{
	(void)state;
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++)
		for (int kind = TD_RANDOM; kind <= TD_MIXED; kind++)
			if (worth_it(kind, sizes[s]))
				roundtrip(kind, sizes[s], 6, XF_X86,
					  LZMA_CHECK_CRC32);
	roundtrip(TD_X86, 3 << 20, 9, XF_X86, LZMA_CHECK_CRC32);
}

static void test_xz_bcj_x86_start_offset(void **state)
{
	uint8_t *data = td_gen(TD_X86, 200000, 5);
	lzma_options_lzma opt;
	lzma_options_bcj bcj = { .start_offset = 0x1000000 };
	lzma_filter f[] = { { LZMA_FILTER_X86, &bcj },
			    { LZMA_FILTER_LZMA2, &opt },
			    { LZMA_VLI_UNKNOWN, NULL } };
	size_t cap = 300000, pos = 0;
	uint8_t *c = malloc(cap);

	(void)state;
	lzma_lzma_preset(&opt, 6);
	assert_int_equal(lzma_stream_buffer_encode(f, LZMA_CHECK_CRC32, NULL,
						   data, 200000, c, &pos, cap),
			 LZMA_OK);
	td_check_roundtrip(unxz, c, pos, data, 200000);
	free(c);
	free(data);
}

static void test_xz_delta(void **state)
{
	(void)state;
	roundtrip(TD_TEXT, 100000, 6, XF_DELTA, LZMA_CHECK_CRC64);
	roundtrip(TD_X86, 100000, 6, XF_DELTA | XF_X86, LZMA_CHECK_CRC64);
	roundtrip(TD_RANDOM, 3, 6, XF_DELTA, LZMA_CHECK_CRC64);
}

static void test_xz_blocks_and_streams(void **state)
{
	uint8_t *data = td_gen(TD_TEXT, 1000000, 11);
	size_t clen, c2len;
	uint8_t *c = xz_enc_blocks(data, 1000000, 65536, &clen);
	uint8_t *c2, *cat;
	uint8_t *both = malloc(1100000);

	(void)state;
	td_check_roundtrip(unxz, c, clen, data, 1000000);
	/* Two streams with stream padding between them and a size word. */
	c2 = xz_enc(data, 100000, 1, XF_X86, LZMA_CHECK_CRC32, &c2len);
	cat = malloc(clen + 8 + c2len + 4);
	memcpy(cat, c, clen);
	memset(cat + clen, 0, 8);
	memcpy(cat + clen + 8, c2, c2len);
	memcpy(both, data, 1000000);
	memcpy(both + 1000000, data, 100000);
	td_check_roundtrip(unxz, cat, clen + 8 + c2len, both, 1100000);
	memcpy(cat + clen + 8 + c2len, "\x40\xc8\x10\x00", 4);
	td_check_roundtrip(unxz, cat, clen + 8 + c2len + 4, both, 1100000);
	free(c);
	free(c2);
	free(cat);
	free(both);
	free(data);
}

static void test_lzma_alone(void **state)
{
	(void)state;
	for (size_t s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (int kind = TD_RANDOM; kind <= TD_MIXED; kind++) {
			if (!worth_it(kind, sizes[s]))
				continue;
			uint8_t *d = td_gen(kind, sizes[s], s);
			size_t clen;
			uint8_t *c = lzma_alone_enc(d, sizes[s], 6, &clen);

			td_check_roundtrip(unlzma, c, clen, d, sizes[s]);
			td_check_roundtrip(decompress, c, clen, d, sizes[s]);
			if (sizes[s] < 5000 && kind == TD_TEXT)
				td_check_hostile(unlzma, c, clen, sizes[s],
						 2000);
			free(c);
			free(d);
		}
	}
}

static void test_xz_errors(void **state)
{
	uint8_t *data = td_gen(TD_TEXT, 50000, 3);
	size_t clen, ol;
	uint8_t *c = xz_enc(data, 50000, 6, 0, LZMA_CHECK_CRC32, &clen);
	uint8_t *out = malloc(50000);
	const char *err = NULL;

	(void)state;
	/* The check field sits before the 8+ byte index and 12-byte footer. */
	c[clen - 12 - 12 - 1] ^= 1;
	assert_int_equal(unxz(c, clen, out, 50000, &ol, &err), -EINVAL);
	assert_string_equal(err, "xz: CRC32 mismatch");
	free(c);
	c = xz_enc(data, 50000, 6, 0, LZMA_CHECK_CRC64, &clen);
	c[clen - 12 - 12 - 1] ^= 1;
	assert_int_equal(unxz(c, clen, out, 50000, &ol, &err), -EINVAL);
	assert_string_equal(err, "xz: CRC64 mismatch");
	c[clen - 12 - 12 - 1] ^= 1;
	c[clen - 1] = 'X';
	assert_int_equal(unxz(c, clen, out, 50000, &ol, &err), -EINVAL);
	c[clen - 1] = 'Z';
	assert_int_equal(unxz(c, 20, out, 50000, &ol, &err), -EINVAL);
	c[7] = 2; /* reserved check type, header CRC now wrong */
	assert_int_equal(unxz(c, clen, out, 50000, &ol, &err), -EINVAL);
	assert_string_equal(err, "xz: stream header CRC32 mismatch");
	free(c);
	free(out);
	free(data);
}

static void test_xz_hostile(void **state)
{
	static const struct {
		enum td_kind kind;
		size_t n;
		int extra;
		lzma_check check;
	} cases[] = {
		{ TD_TEXT, 300, 0, LZMA_CHECK_CRC32 },
		{ TD_TEXT, 20000, XF_X86, LZMA_CHECK_CRC32 },
		{ TD_RANDOM, 2000, 0, LZMA_CHECK_NONE },
		{ TD_REPEAT, 50000, XF_DELTA, LZMA_CHECK_CRC64 },
		{ TD_X86, 8000, XF_X86, LZMA_CHECK_NONE },
	};
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		uint8_t *d = td_gen(cases[i].kind, cases[i].n, i);
		size_t clen;
		uint8_t *c = xz_enc(d, cases[i].n, 6, cases[i].extra,
				    cases[i].check, &clen);

		td_check_hostile(unxz, c, clen, cases[i].n, 3000);
		td_check_hostile(unxz, c, clen, cases[i].n / 2, 300);
		free(c);
		free(d);
	}
}

/* Random LZMA2 chunks behind valid container framing. */
static void test_xz_fuzz_lzma(void **state)
{
	uint8_t buf[700], out[8192];

	(void)state;
	td_seed(1234);
	for (int it = 0; it < 20000; it++) {
		size_t n = 14 + td_rand() % 680, ol;
		const char *err;

		for (size_t i = 0; i < n; i++)
			buf[i] = (uint8_t)td_rand();
		/* .lzma header: lc=3 lp=0 pb=2, unknown size */
		buf[0] = 0x5d;
		memset(buf + 5, 0xff, 8);
		buf[13] = 0;
		(void)unlzma(buf, n, out, sizeof(out), &ol, &err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xz_presets_checks),
		cmocka_unit_test(test_xz_bcj_x86),
		cmocka_unit_test(test_xz_bcj_x86_start_offset),
		cmocka_unit_test(test_xz_delta),
		cmocka_unit_test(test_xz_blocks_and_streams),
		cmocka_unit_test(test_lzma_alone),
		cmocka_unit_test(test_xz_errors),
		cmocka_unit_test(test_xz_hostile),
		cmocka_unit_test(test_xz_fuzz_lzma),
	};
	return cmocka_run_group_tests_name("decompress_xz", tests, NULL, NULL);
}
