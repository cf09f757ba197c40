// SPDX-License-Identifier: GPL-2.0-only
/*
 * Shared helpers for the decompressor unit tests: test data generators and
 * a corruption/truncation harness. Every decode writes into a malloc'd
 * buffer of exactly the permitted capacity, so ASan catches any overrun.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>
#include <stdbool.h>

/*
 * This file is #included by each test_decompress_*.c (one binary per
 * format), so its helpers are static.
 */
#define TD_UNUSED __attribute__((unused))

enum td_kind {
	TD_RANDOM,
	TD_TEXT,
	TD_REPEAT,
	TD_ZERO,
	TD_X86,
	TD_MIXED, /* incompressible and text stretches of 20000 bytes */
};

typedef int (*td_decoder)(const void *in, size_t in_len, void *out,
			  size_t out_cap, size_t *out_len, const char **err);

static uint64_t rng_state;

static TD_UNUSED void td_seed(uint64_t s)
{
	rng_state = s * 0x9E3779B97F4A7C15ull + 1;
}

static TD_UNUSED uint32_t td_rand(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (uint32_t)(rng_state >> 16);
}

static const char *const words[] = {
	"the ",	    "hypervisor ", "domain ", "page ",	 "grant ",  "event ",
	"channel ", "\n",	   "vcpu ",   "memory ", "xen ",    "kernel ",
	"0x1f ",    "struct ",	   "{ ",      "} ",	 "return ", "; "
};

static TD_UNUSED uint8_t *td_gen(enum td_kind kind, size_t n, uint64_t seed)
{
	uint8_t *p = malloc(n ? n : 1);
	size_t i = 0;

	assert_non_null(p);
	td_seed(seed);
	switch (kind) {
	case TD_RANDOM:
		for (i = 0; i < n; i++)
			p[i] = (uint8_t)td_rand();
		break;
	case TD_TEXT:
		while (i < n) {
			const char *w = words[td_rand() % (sizeof(words) /
							   sizeof(words[0]))];
			size_t l = strlen(w);

			if (l > n - i)
				l = n - i;
			memcpy(p + i, w, l);
			i += l;
		}
		break;
	case TD_REPEAT:
		for (i = 0; i < n; i++)
			p[i] = (uint8_t)("abcab"[i % 5]);
		break;
	case TD_ZERO:
		memset(p, 0, n);
		break;
	case TD_X86:
		/* Call/jump-rich "code": E8/E9 followed by small rel32s. */
		while (i < n) {
			uint32_t r = td_rand();

			if ((r & 7) < 2 && n - i >= 5) {
				int32_t rel =
					(int32_t)(td_rand() % 65536) - 32768;

				p[i] = (r & 8) ? 0xe8 : 0xe9;
				memcpy(p + i + 1, &rel, 4);
				i += 5;
			} else if ((r & 7) == 2) {
				p[i++] = (uint8_t)(0xe8 | ((r >> 4) & 1));
			} else if ((r & 7) == 3) {
				p[i++] = (r & 16) ? 0xff : 0x00;
			} else {
				p[i++] = (uint8_t)(r >> 8) % 16 + 0x40;
			}
		}
		break;
	case TD_MIXED:
		for (i = 0; i < n; i++) {
			if ((i / 20000) & 1)
				p[i] = (uint8_t)td_rand();
			else
				p[i] = (uint8_t)("lorem ipsum dolor sit "
							 [(i * 7 / 3) % 22]);
		}
		break;
	}
	return p;
}

static TD_UNUSED void td_check_roundtrip(td_decoder fn, const uint8_t *comp,
					 size_t comp_len, const uint8_t *orig,
					 size_t orig_len)
{
	uint8_t *out = malloc(orig_len ? orig_len : 1);
	size_t out_len = 12345;
	const char *err = NULL;
	int r;

	assert_non_null(out);
	r = fn(comp, comp_len, out, orig_len, &out_len, &err);
	if (r)
		print_error("decode failed: %d %s\n", r, err ? err : "?");
	assert_int_equal(r, 0);
	assert_int_equal(out_len, orig_len);
	assert_memory_equal(out, orig, orig_len);
	free(out);

	/* Spare room changes nothing. */
	out = malloc(orig_len + 37);
	err = NULL;
	r = fn(comp, comp_len, out, orig_len + 37, &out_len, &err);
	assert_int_equal(r, 0);
	assert_int_equal(out_len, orig_len);
	assert_memory_equal(out, orig, orig_len);
	free(out);

	/* One byte less room must be refused with -ENOSPC. */
	if (orig_len > 0) {
		out = malloc(orig_len - 1 ? orig_len - 1 : 1);
		err = NULL;
		r = fn(comp, comp_len, out, orig_len - 1, &out_len, &err);
		assert_int_equal(r, -ENOSPC);
		assert_non_null(err);
		free(out);
	}
}

static TD_UNUSED void decode_hostile(td_decoder fn, const uint8_t *buf,
				     size_t len, size_t cap)
{
	/* Exact-size heap copies so ASan sees any out-of-bounds access. */
	uint8_t *in = malloc(len ? len : 1);
	uint8_t *out = malloc(cap ? cap : 1);
	size_t out_len = 0;
	const char *err = NULL;
	int r;

	memcpy(in, buf, len);
	r = fn(in, len, out, cap, &out_len, &err);
	if (r) {
		assert_true(r == -EINVAL || r == -ENOSPC || r == -ENOTSUP ||
			    r == -ENOMEM);
		assert_non_null(err);
	} else {
		assert_true(out_len <= cap);
	}
	free(in);
	free(out);
}

static TD_UNUSED void td_check_hostile(td_decoder fn, const uint8_t *comp,
				       size_t comp_len, size_t orig_len,
				       size_t max_flips)
{
	uint8_t *c = malloc(comp_len ? comp_len : 1);
	size_t step, i;

	memcpy(c, comp, comp_len);
	/* Truncation: every length for small inputs, else a spread. */
	step = comp_len <= 2048 ? 1 : comp_len / 1024;
	for (i = 0; i < comp_len; i += step)
		decode_hostile(fn, c, i, orig_len);
	/* Byte flips at many positions, with several patterns. */
	step = comp_len <= max_flips ? 1 : comp_len / max_flips;
	for (i = 0; i < comp_len; i += step) {
		static const uint8_t pats[] = { 0x01, 0x80, 0xff, 0x10 };
		uint8_t pat = pats[(i / step) % 4];

		c[i] ^= pat;
		decode_hostile(fn, c, comp_len, orig_len);
		c[i] ^= pat;
	}
	/* Random multi-byte damage. */
	td_seed(comp_len);
	for (i = 0; i < 64 && comp_len; i++) {
		size_t k;

		for (k = 0; k < 4; k++)
			c[td_rand() % comp_len] = (uint8_t)td_rand();
		decode_hostile(fn, c, comp_len, orig_len);
		memcpy(c, comp, comp_len);
	}
	free(c);
}
