// SPDX-License-Identifier: GPL-2.0-only
/*
 * Finite State Entropy tables for zstd (RFC 8878 section 4.1): reading a
 * table description, spreading symbols into a decoding table, and the
 * predefined distributions of section 3.1.1.3.2.2.
 */
#include "zstd_internal.h"

static const int16_t ll_default[36] = {
	4, 3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1,  1,  2,  2,
	2, 2, 2, 2, 2, 2, 2, 3, 2, 1, 1, 1, 1, 1, -1, -1, -1, -1
};
static const int16_t of_default[29] = { 1, 1, 1, 1, 1,	1,  2,	2,  2, 1,
					1, 1, 1, 1, 1,	1,  1,	1,  1, 1,
					1, 1, 1, 1, -1, -1, -1, -1, -1 };
static const int16_t ml_default[53] = { 1, 4, 3,  2,  2,  2,  2,  2,  2, 1, 1,
					1, 1, 1,  1,  1,  1,  1,  1,  1, 1, 1,
					1, 1, 1,  1,  1,  1,  1,  1,  1, 1, 1,
					1, 1, 1,  1,  1,  1,  1,  1,  1, 1, 1,
					1, 1, -1, -1, -1, -1, -1, -1, -1 };

static inline unsigned int highbit(uint32_t v)
{
	return 31 - (unsigned int)__builtin_clz(v);
}

/* Up to 16 bits at bit offset pos of in[0..len), zeros past the end. */
static uint32_t fwd_bits(const uint8_t *in, size_t len, size_t pos,
			 unsigned int n)
{
	size_t byte = pos >> 3;
	uint32_t v = 0;

	for (unsigned int i = 0; i < 3; i++)
		if (byte + i < len)
			v |= (uint32_t)in[byte + i] << (8 * i);
	return (v >> (pos & 7)) & ((1u << n) - 1);
}

int zstd_fse_read(struct zstd_state *s, struct fse_table *t,
		  unsigned int max_log, unsigned int max_sym, const uint8_t *in,
		  size_t len, size_t *used)
{
	unsigned int log, nbits, sym = 0;
	int32_t remaining, threshold;
	size_t pos = 4;

	if (len < 1)
		return -1;
	log = (in[0] & 15) + 5;
	if (log > max_log)
		return -1;
	remaining = (1 << log) + 1;
	threshold = 1 << log;
	nbits = log + 1;
	while (remaining > 1) {
		int32_t max = 2 * threshold - 1 - remaining, val, count;
		uint32_t v;

		if (sym > max_sym)
			return -1;
		v = fwd_bits(in, len, pos, nbits);
		if ((int32_t)(v & (uint32_t)(threshold - 1)) < max) {
			val = (int32_t)(v & (uint32_t)(threshold - 1));
			pos += nbits - 1;
		} else {
			val = (int32_t)(v & (uint32_t)(2 * threshold - 1));
			if (val >= threshold)
				val -= max;
			pos += nbits;
		}
		count = val - 1; /* -1: "less than 1", a full-log state */
		if ((count < 0 ? 1 : count) >= remaining)
			return -1;
		remaining -= count < 0 ? 1 : count;
		s->norm[sym++] = (int16_t)count;
		if (count == 0) {
			/* 2-bit repeat fields: 3 means "3 more, continue". */
			for (;;) {
				uint32_t r = fwd_bits(in, len, pos, 2);

				pos += 2;
				if (sym + r > max_sym + 1)
					return -1;
				for (uint32_t i = 0; i < r; i++)
					s->norm[sym++] = 0;
				if (r != 3)
					break;
			}
		}
		while (remaining < threshold) {
			nbits--;
			threshold >>= 1;
		}
	}
	if (remaining != 1)
		return -1;
	*used = (pos + 7) >> 3;
	if (*used > len)
		return -1;
	return zstd_fse_build(s, t, sym, log);
}

int zstd_fse_build(struct zstd_state *s, struct fse_table *t,
		   unsigned int nsyms, unsigned int log)
{
	uint32_t size = 1u << log, high = size - 1, pos = 0;
	uint32_t step = (size >> 1) + (size >> 3) + 3, mask = size - 1;

	if (nsyms == 0 || nsyms > FSE_MAX_SYMS || log > FSE_MAX_LOG)
		return -1;
	t->log = log;
	/* "Less than 1" symbols take single states at the top. */
	for (unsigned int sym = 0; sym < nsyms; sym++) {
		if (s->norm[sym] == -1) {
			t->e[high--].sym = (uint8_t)sym;
			s->next[sym] = 1;
		} else {
			s->next[sym] = (uint16_t)s->norm[sym];
		}
	}
	for (unsigned int sym = 0; sym < nsyms; sym++) {
		for (int i = 0; i < s->norm[sym]; i++) {
			t->e[pos].sym = (uint8_t)sym;
			do
				pos = (pos + step) & mask;
			while (pos > high);
		}
	}
	if (pos != 0)
		return -1;
	for (uint32_t u = 0; u < size; u++) {
		unsigned int sym = t->e[u].sym;
		uint32_t n = s->next[sym]++;
		unsigned int nb = log - highbit(n);

		t->e[u].nbits = (uint8_t)nb;
		t->e[u].base = (uint16_t)((n << nb) - size);
	}
	return 0;
}

void zstd_fse_rle(struct fse_table *t, uint8_t sym)
{
	t->log = 0;
	t->e[0].sym = sym;
	t->e[0].nbits = 0;
	t->e[0].base = 0;
}

int zstd_fse_predefined(struct zstd_state *s, struct fse_table *t, int which)
{
	const int16_t *d = which == 0	? ll_default
			   : which == 1 ? of_default
					: ml_default;
	unsigned int n = which == 0 ? 36 : which == 1 ? 29 : 53;

	memcpy(s->norm, d, n * sizeof(int16_t));
	return zstd_fse_build(s, t, n, which == 1 ? 5 : 6);
}
