// SPDX-License-Identifier: GPL-2.0-only
/*
 * DEFLATE decoder (RFC 1951), single call: the whole input is in memory and
 * the output buffer is the LZ77 window.
 *
 * Bits are taken LSB-first from a 64-bit accumulator. When the input runs
 * out the accumulator is topped up with zero bytes, counted in 'pad'; as
 * soon as more bits have been consumed than real input supplied
 * (pad * 8 > bitcnt) the stream is truncated. Every loop either consumes
 * input bits or produces bounded output, so decoding always terminates.
 *
 * Huffman codes are decoded through a 2^FAST_BITS entry table holding
 * every code of at most FAST_BITS bits; longer codes fall back to a
 * canonical walk over the per-length counts.
 */
#include <hv/xmalloc.h>
#include "dc_internal.h"

#define FAST_BITS 10
#define FAST_MASK ((1u << FAST_BITS) - 1)
#define MAX_CODE_BITS 15
#define NUM_LITLEN 288
#define NUM_DIST 32
#define NUM_CLEN 19

struct huff {
	uint16_t fast[1u << FAST_BITS]; /* symbol << 4 | length; 0: not here */
	uint16_t count[MAX_CODE_BITS + 1];
	uint16_t sym[NUM_LITLEN]; /* symbols ordered by (length, value) */
};

struct inflate_state {
	const uint8_t *in, *in_end;
	uint64_t bitbuf;
	unsigned int bitcnt;
	unsigned int pad; /* zero bytes appended after the real input */
	struct huff lit, dist;
	uint8_t lens[NUM_LITLEN + NUM_DIST];
};

static const uint16_t len_base[29] = { 3,   4,	 5,   6,   7,  8,  9,  10,
				       11,  13,	 15,  17,  19, 23, 27, 31,
				       35,  43,	 51,  59,  67, 83, 99, 115,
				       131, 163, 195, 227, 258 };
static const uint8_t len_extra[29] = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1,
				       1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
				       4, 4, 4, 4, 5, 5, 5, 5, 0 };
static const uint16_t dist_base[30] = { 1,    2,    3,	  4,	 5,	7,
					9,    13,   17,	  25,	 33,	49,
					65,   97,   129,  193,	 257,	385,
					513,  769,  1025, 1537,	 2049,	3073,
					4097, 6145, 8193, 12289, 16385, 24577 };
static const uint8_t dist_extra[30] = { 0, 0, 0,  0,  1,  1,  2,  2,  3,  3,
					4, 4, 5,  5,  6,  6,  7,  7,  8,  8,
					9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };
/* Order in which code-length code lengths are transmitted. */
static const uint8_t clen_order[NUM_CLEN] = { 16, 17, 18, 0,  8, 7,  9,
					      6,  10, 5,  11, 4, 12, 3,
					      13, 2,  14, 1,  15 };

/* Leaves 56..63 bits in the accumulator. */
static inline void refill(struct inflate_state *s)
{
	if (likely(s->in_end - s->in >= 8)) {
		s->bitbuf |= dc_le64(s->in) << s->bitcnt;
		s->in += (63 - s->bitcnt) >> 3;
		s->bitcnt |= 56;
		return;
	}
	while (s->bitcnt < 56) {
		uint64_t b = 0;

		if (s->in < s->in_end)
			b = *s->in++;
		else
			s->pad++;
		s->bitbuf |= b << s->bitcnt;
		s->bitcnt += 8;
	}
}

static inline bool overran(const struct inflate_state *s)
{
	return s->pad * 8 > s->bitcnt;
}

/* n <= 32; the caller has refilled or knows enough bits are present. */
static inline uint32_t take(struct inflate_state *s, unsigned int n)
{
	uint32_t v = (uint32_t)(s->bitbuf & ((1ull << n) - 1));

	s->bitbuf >>= n;
	s->bitcnt -= n;
	return v;
}

static inline uint32_t getbits(struct inflate_state *s, unsigned int n)
{
	if (s->bitcnt < n)
		refill(s);
	return take(s, n);
}

/*
 * Builds the decoding structure for n code lengths. Returns -1 for an
 * over-subscribed code; incomplete codes are accepted (unused bit patterns
 * decode as errors).
 */
static int huff_build(struct huff *h, const uint8_t *lens, unsigned int n)
{
	uint16_t offs[MAX_CODE_BITS + 2];
	int left = 1;
	unsigned int len, i, idx, code;

	memset(h->count, 0, sizeof(h->count));
	for (i = 0; i < n; i++)
		h->count[lens[i]]++;
	h->count[0] = 0;
	for (len = 1; len <= MAX_CODE_BITS; len++) {
		left = (left << 1) - h->count[len];
		if (left < 0)
			return -1;
	}
	offs[1] = 0;
	for (len = 1; len <= MAX_CODE_BITS; len++)
		offs[len + 1] = offs[len] + h->count[len];
	for (i = 0; i < n; i++)
		if (lens[i])
			h->sym[offs[lens[i]]++] = (uint16_t)i;

	memset(h->fast, 0, sizeof(h->fast));
	code = 0;
	idx = 0;
	for (len = 1; len <= FAST_BITS; len++) {
		for (i = 0; i < h->count[len]; i++, code++) {
			unsigned int rev = 0, j;

			/* Codes are sent MSB-first into an LSB-first stream. */
			for (j = 0; j < len; j++)
				rev |= ((code >> j) & 1) << (len - 1 - j);
			for (j = rev; j <= FAST_MASK; j += 1u << len)
				h->fast[j] = (uint16_t)(h->sym[idx] << 4 | len);
			idx++;
		}
		code <<= 1;
	}
	return 0;
}

/* Needs >= 15 bits in the accumulator. Returns the symbol or -1. */
static inline int huff_decode(struct inflate_state *s, const struct huff *h)
{
	unsigned int e = h->fast[s->bitbuf & FAST_MASK];
	uint64_t bits;
	int code = 0, first = 0, index = 0;
	unsigned int len;

	if (likely(e)) {
		take(s, e & 15);
		return (int)(e >> 4);
	}
	bits = s->bitbuf;
	for (len = 1; len <= MAX_CODE_BITS; len++) {
		int count = h->count[len];

		code |= (int)(bits & 1);
		bits >>= 1;
		if (code - first < count) {
			take(s, len);
			return h->sym[index + code - first];
		}
		index += count;
		first = (first + count) << 1;
		code <<= 1;
	}
	return -1;
}

static int read_dynamic_tables(struct inflate_state *s, const char **err)
{
	unsigned int hlit, hdist, hclen, i, total;

	refill(s);
	hlit = take(s, 5) + 257;
	hdist = take(s, 5) + 1;
	hclen = take(s, 4) + 4;
	if (hlit > 286 || hdist > 30)
		return dc_fail(err, -EINVAL, "inflate: bad code counts");
	memset(s->lens, 0, NUM_CLEN);
	for (i = 0; i < hclen; i++)
		s->lens[clen_order[i]] = (uint8_t)getbits(s, 3);
	/* The code-length code is decoded through the dist table slot. */
	if (huff_build(&s->dist, s->lens, NUM_CLEN) < 0)
		return dc_fail(err, -EINVAL, "inflate: bad code length code");

	total = hlit + hdist;
	i = 0;
	while (i < total) {
		int sym;
		unsigned int rep;
		uint8_t val = 0;

		refill(s);
		if (overran(s))
			return dc_fail(err, -EINVAL,
				       "inflate: truncated input");
		sym = huff_decode(s, &s->dist);
		if (sym < 0)
			return dc_fail(err, -EINVAL,
				       "inflate: bad code length");
		if (sym < 16) {
			s->lens[i++] = (uint8_t)sym;
			continue;
		}
		if (sym == 16) {
			if (i == 0)
				return dc_fail(
					err, -EINVAL,
					"inflate: repeat with no length");
			val = s->lens[i - 1];
			rep = 3 + take(s, 2);
		} else if (sym == 17) {
			rep = 3 + take(s, 3);
		} else {
			rep = 11 + take(s, 7);
		}
		if (rep > total - i)
			return dc_fail(err, -EINVAL,
				       "inflate: code lengths overflow");
		memset(s->lens + i, val, rep);
		i += rep;
	}
	if (overran(s))
		return dc_fail(err, -EINVAL, "inflate: truncated input");
	if (s->lens[256] == 0)
		return dc_fail(err, -EINVAL, "inflate: no end-of-block code");
	if (huff_build(&s->lit, s->lens, hlit) < 0 ||
	    huff_build(&s->dist, s->lens + hlit, hdist) < 0)
		return dc_fail(err, -EINVAL, "inflate: over-subscribed code");
	return 0;
}

static void build_fixed_tables(struct inflate_state *s)
{
	unsigned int i;

	for (i = 0; i < 144; i++)
		s->lens[i] = 8;
	for (; i < 256; i++)
		s->lens[i] = 9;
	for (; i < 280; i++)
		s->lens[i] = 7;
	for (; i < NUM_LITLEN; i++)
		s->lens[i] = 8;
	huff_build(&s->lit, s->lens, NUM_LITLEN);
	memset(s->lens, 5, NUM_DIST);
	huff_build(&s->dist, s->lens, NUM_DIST);
}

/* Huffman-coded block body, up to and including end-of-block. */
static int inflate_codes(struct inflate_state *s, uint8_t *out, size_t cap,
			 size_t *pos_io, const char **err)
{
	size_t pos = *pos_io;
	int ret = 0;

	for (;;) {
		int sym;
		size_t len, dist;

		refill(s);
		if (unlikely(overran(s))) {
			ret = dc_fail(err, -EINVAL, "inflate: truncated input");
			break;
		}
		sym = huff_decode(s, &s->lit);
		if (sym < 256) {
			if (unlikely(sym < 0)) {
				ret = dc_fail(
					err, -EINVAL,
					"inflate: bad literal/length code");
				break;
			}
			if (unlikely(pos >= cap)) {
				ret = dc_fail(
					err, -ENOSPC,
					"inflate: output buffer too small");
				break;
			}
			out[pos++] = (uint8_t)sym;
			continue;
		}
		if (sym == 256)
			break;
		sym -= 257;
		if (unlikely(sym >= 29)) {
			ret = dc_fail(err, -EINVAL, "inflate: bad length code");
			break;
		}
		/* <= 20 bits used since the refill, so >= 36 remain for dist. */
		len = len_base[sym] + take(s, len_extra[sym]);
		sym = huff_decode(s, &s->dist);
		if (unlikely(sym < 0 || sym >= 30)) {
			ret = dc_fail(err, -EINVAL,
				      "inflate: bad distance code");
			break;
		}
		dist = dist_base[sym] + take(s, dist_extra[sym]);
		if (unlikely(overran(s))) {
			ret = dc_fail(err, -EINVAL, "inflate: truncated input");
			break;
		}
		if (unlikely(dist > pos)) {
			ret = dc_fail(
				err, -EINVAL,
				"inflate: distance before start of output");
			break;
		}
		if (unlikely(len > cap - pos)) {
			ret = dc_fail(err, -ENOSPC,
				      "inflate: output buffer too small");
			break;
		}
		if (dist >= len) {
			memcpy(out + pos, out + pos - dist, len);
			pos += len;
		} else {
			/* Overlapping copy repeats the last 'dist' bytes. */
			const uint8_t *from = out + pos - dist;

			for (size_t i = 0; i < len; i++)
				out[pos + i] = from[i];
			pos += len;
		}
	}
	*pos_io = pos;
	return ret;
}

/*
 * Returns the accumulator's whole unread bytes to the input (they were
 * read ahead) so that byte-aligned data can be taken directly.
 */
static int unread_bytes(struct inflate_state *s, const char **err)
{
	unsigned int bytes;

	take(s, s->bitcnt & 7);
	bytes = s->bitcnt / 8;
	if (s->pad > bytes)
		return dc_fail(err, -EINVAL, "inflate: truncated input");
	s->in -= bytes - s->pad;
	s->bitbuf = 0;
	s->bitcnt = 0;
	s->pad = 0;
	return 0;
}

static int inflate_stored(struct inflate_state *s, uint8_t *out, size_t cap,
			  size_t *pos, const char **err)
{
	uint32_t len, nlen;
	int ret;

	take(s, s->bitcnt & 7);
	len = getbits(s, 16);
	nlen = getbits(s, 16);
	ret = unread_bytes(s, err);
	if (ret)
		return ret;
	if ((len ^ 0xffff) != nlen)
		return dc_fail(err, -EINVAL, "inflate: stored length mismatch");
	if ((size_t)(s->in_end - s->in) < len)
		return dc_fail(err, -EINVAL, "inflate: truncated input");
	if (len > cap - *pos)
		return dc_fail(err, -ENOSPC,
			       "inflate: output buffer too small");
	memcpy(out + *pos, s->in, len);
	s->in += len;
	*pos += len;
	return 0;
}

int dc_inflate(const uint8_t *in, size_t in_len, size_t *in_used, uint8_t *out,
	       size_t out_cap, size_t *out_pos, const char **err)
{
	struct inflate_state *s = xmalloc(sizeof(*s));
	size_t pos = *out_pos;
	unsigned int final = 0;
	int ret = 0;

	if (!s)
		return dc_fail(err, -ENOMEM, "inflate: out of memory");
	s->in = in;
	s->in_end = in + in_len;
	s->bitbuf = 0;
	s->bitcnt = 0;
	s->pad = 0;

	while (!final && !ret) {
		unsigned int type;

		refill(s);
		final = take(s, 1);
		type = take(s, 2);
		if (overran(s)) {
			ret = dc_fail(err, -EINVAL, "inflate: truncated input");
		} else if (type == 0) {
			ret = inflate_stored(s, out, out_cap, &pos, err);
		} else if (type == 1) {
			build_fixed_tables(s);
			ret = inflate_codes(s, out, out_cap, &pos, err);
		} else if (type == 2) {
			ret = read_dynamic_tables(s, err);
			if (!ret)
				ret = inflate_codes(s, out, out_cap, &pos, err);
		} else {
			ret = dc_fail(err, -EINVAL, "inflate: bad block type");
		}
	}
	if (!ret)
		ret = unread_bytes(s, err);
	if (!ret)
		*in_used = (size_t)(s->in - in);
	*out_pos = pos;
	xfree(s);
	return ret;
}
