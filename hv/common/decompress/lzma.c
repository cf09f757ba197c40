// SPDX-License-Identifier: GPL-2.0-only
/*
 * LZMA symbol decoder (as described by the LZMA SDK's lzma-specification
 * and the .xz format documentation), single call: the output buffer is the
 * dictionary.
 *
 * Range decoder: 32-bit range/code, 11-bit probabilities adapted with a
 * shift of 5; the coder is normalised after every bit, so a chunk's
 * compressed size is consumed exactly. Reading past the input end yields
 * zero bytes and sets rc.overrun, which the symbol loop checks once per
 * symbol; every symbol either produces output or ends the loop, so the
 * loop is bounded by the output limit.
 */
#include "lzma.h"

#define PROB_BITS 11
#define PROB_INIT (1u << (PROB_BITS - 1))
#define MOVE_BITS 5
#define TOP (1u << 24)
#define MATCH_MIN 2
#define END_MARKER 0xFFFFFFFFu

int lzma_set_props(struct lzma_dec *d, unsigned int props)
{
	if (props >= 9 * 5 * 5)
		return -1;
	d->lc = props % 9;
	props /= 9;
	d->lp = props % 5;
	d->pb = props / 5;
	if (d->lc + d->lp > 4)
		return -1;
	return 0;
}

void lzma_reset_state(struct lzma_dec *d)
{
	uint16_t *p = (uint16_t *)&d->probs;
	size_t n = sizeof(d->probs) / sizeof(uint16_t);

	/* Only the literal coders in use need initialising. */
	n -= (size_t)(LZMA_LIT_CODERS_MAX - (1u << (d->lc + d->lp))) * 0x300;
	for (size_t i = 0; i < n; i++)
		p[i] = PROB_INIT;
	d->state = 0;
	d->rep0 = d->rep1 = d->rep2 = d->rep3 = 0;
	d->pending_len = 0;
}

int lzma_rc_init(struct lzma_dec *d, const uint8_t *in, size_t len)
{
	if (len < 5 || in[0] != 0)
		return -1;
	d->rc.code = (uint32_t)in[1] << 24 | (uint32_t)in[2] << 16 |
		     (uint32_t)in[3] << 8 | in[4];
	d->rc.range = 0xFFFFFFFFu;
	d->rc.in = in + 5;
	d->rc.in_end = in + len;
	d->rc.overrun = false;
	return 0;
}

static dc_inline void rc_normalize(struct lzma_rc *rc)
{
	if (rc->range < TOP) {
		uint32_t b = 0;

		if (likely(rc->in < rc->in_end))
			b = *rc->in++;
		else
			rc->overrun = true;
		rc->range <<= 8;
		rc->code = (rc->code << 8) | b;
	}
}

static dc_inline unsigned int rc_bit(struct lzma_rc *rc, uint16_t *prob)
{
	uint32_t bound = (rc->range >> PROB_BITS) * *prob;
	unsigned int bit;

	if (rc->code < bound) {
		rc->range = bound;
		*prob += ((1u << PROB_BITS) - *prob) >> MOVE_BITS;
		bit = 0;
	} else {
		rc->range -= bound;
		rc->code -= bound;
		*prob -= *prob >> MOVE_BITS;
		bit = 1;
	}
	rc_normalize(rc);
	return bit;
}

/* MSB-first bit tree of nbits levels; returns 0..2^nbits-1. */
static dc_inline unsigned int rc_tree(struct lzma_rc *rc, uint16_t *probs,
				      unsigned int nbits)
{
	unsigned int m = 1;

	for (unsigned int i = 0; i < nbits; i++)
		m = (m << 1) | rc_bit(rc, &probs[m]);
	return m - (1u << nbits);
}

/* LSB-first bit tree, as used for the low distance bits. */
static dc_inline unsigned int rc_tree_rev(struct lzma_rc *rc, uint16_t *probs,
					  unsigned int nbits)
{
	unsigned int m = 1, sym = 0;

	for (unsigned int i = 0; i < nbits; i++) {
		unsigned int bit = rc_bit(rc, &probs[m]);

		m = (m << 1) | bit;
		sym |= bit << i;
	}
	return sym;
}

/* Bits with probability 1/2. */
static dc_inline uint32_t rc_direct(struct lzma_rc *rc, unsigned int nbits)
{
	uint32_t v = 0;

	while (nbits--) {
		rc->range >>= 1;
		if (rc->code >= rc->range) {
			rc->code -= rc->range;
			v = (v << 1) | 1;
		} else {
			v <<= 1;
		}
		rc_normalize(rc);
	}
	return v;
}

/* Match length minus MATCH_MIN: 0..271. */
static dc_inline unsigned int
decode_len(struct lzma_rc *rc, struct lzma_len_probs *l, unsigned int pos_state)
{
	if (!rc_bit(rc, &l->choice))
		return rc_tree(rc, l->low[pos_state], 3);
	if (!rc_bit(rc, &l->choice2))
		return 8 + rc_tree(rc, l->mid[pos_state], 3);
	return 16 + rc_tree(rc, l->high, 8);
}

/* Distance minus one; END_MARKER for the end-of-stream marker. */
static dc_inline uint32_t decode_dist(struct lzma_dec *d, struct lzma_rc *rc,
				      unsigned int len)
{
	unsigned int slot, nbits;
	uint32_t dist;

	slot = rc_tree(rc, d->probs.dist_slot[len < 3 ? len : 3], 6);
	if (slot < 4)
		return slot;
	nbits = (slot >> 1) - 1;
	dist = (2u | (slot & 1)) << nbits;
	if (slot < 14)
		return dist + rc_tree_rev(rc,
					  d->probs.dist_special + dist - slot,
					  nbits);
	dist += rc_direct(rc, nbits - 4) << 4;
	return dist + rc_tree_rev(rc, d->probs.dist_align, 4);
}

static dc_inline void decode_literal(struct lzma_dec *d, struct lzma_rc *rc,
				     uint8_t *out, size_t pos,
				     size_t dict_start)
{
	size_t rel = pos - dict_start;
	unsigned int prev = rel ? out[pos - 1] : 0;
	unsigned int coder =
		(((unsigned int)rel & ((1u << d->lp) - 1)) << d->lc) +
		(prev >> (8 - d->lc));
	uint16_t *probs = d->probs.literal[coder];
	unsigned int sym = 1;

	if (d->state >= 7) {
		/*
		 * After a match the byte at rep0 predicts this one: its bits
		 * select the probabilities until the first mismatch.
		 */
		unsigned int match = out[pos - d->rep0 - 1];

		do {
			unsigned int mbit = (match >> 7) & 1;
			unsigned int bit;

			match <<= 1;
			bit = rc_bit(rc, &probs[0x100 + (mbit << 8) + sym]);
			sym = (sym << 1) | bit;
			if (bit != mbit)
				break;
		} while (sym < 0x100);
	}
	while (sym < 0x100)
		sym = (sym << 1) | rc_bit(rc, &probs[sym]);
	out[pos] = (uint8_t)sym;
	d->state = d->state < 4	   ? 0
		   : d->state < 10 ? d->state - 3
				   : d->state - 6;
}

/* Copies up to len bytes of the match at rep0; returns the bytes left. */
static size_t copy_match(struct lzma_dec *d, uint8_t *out, size_t *pos,
			 size_t limit, size_t len)
{
	size_t n = MIN(len, limit - *pos);
	const uint8_t *from = out + *pos - d->rep0 - 1;
	uint8_t *to = out + *pos;

	if ((size_t)d->rep0 + 1 >= n) {
		memcpy(to, from, n);
	} else {
		for (size_t i = 0; i < n; i++)
			to[i] = from[i];
	}
	*pos += n;
	return len - n;
}

int lzma_decode(struct lzma_dec *d, uint8_t *out, size_t out_cap,
		size_t *pos_io, size_t limit, size_t dict_start, bool eos_ok,
		const char **err)
{
	size_t pos = *pos_io;
	unsigned int pb_mask = (1u << d->pb) - 1;
	int ret = LZMA_DONE;
	/* A local copy lets the compiler keep the coder in registers. */
	struct lzma_rc rc = d->rc;

	if (d->pending_len)
		d->pending_len =
			copy_match(d, out, &pos, limit, d->pending_len);

	for (;;) {
		unsigned int ps, len, st;

		if (pos >= limit) {
			if (!eos_ok || limit != out_cap)
				break;
			/* Only an end marker may follow a full buffer. */
			if (d->pending_len) {
				ret = dc_fail(err, -ENOSPC,
					      "lzma: output buffer too small");
				break;
			}
		}
		if (unlikely(rc.overrun)) {
			ret = dc_fail(err, -EINVAL, "lzma: truncated input");
			break;
		}
		ps = (unsigned int)(pos - dict_start) & pb_mask;
		st = d->state;
		if (!rc_bit(&rc, &d->probs.is_match[st][ps])) {
			if (pos >= out_cap) {
				ret = dc_fail(err, -ENOSPC,
					      "lzma: output buffer too small");
				break;
			}
			if (st >= 7 && d->rep0 >= pos - dict_start) {
				ret = dc_fail(
					err, -EINVAL,
					"lzma: distance beyond dictionary");
				break;
			}
			decode_literal(d, &rc, out, pos++, dict_start);
			continue;
		}
		if (rc_bit(&rc, &d->probs.is_rep[st])) {
			if (pos == dict_start) {
				ret = dc_fail(err, -EINVAL,
					      "lzma: repeat match at start");
				break;
			}
			if (!rc_bit(&rc, &d->probs.is_rep_g0[st])) {
				if (!rc_bit(&rc,
					    &d->probs.is_rep0_long[st][ps])) {
					/* "Short rep": one byte from rep0. */
					d->state = st < 7 ? 9 : 11;
					len = 1 - MATCH_MIN;
					goto copy;
				}
			} else {
				uint32_t dist;

				if (!rc_bit(&rc, &d->probs.is_rep_g1[st])) {
					dist = d->rep1;
				} else {
					if (!rc_bit(&rc,
						    &d->probs.is_rep_g2[st])) {
						dist = d->rep2;
					} else {
						dist = d->rep3;
						d->rep3 = d->rep2;
					}
					d->rep2 = d->rep1;
				}
				d->rep1 = d->rep0;
				d->rep0 = dist;
			}
			len = decode_len(&rc, &d->probs.rep_len, ps);
			d->state = st < 7 ? 8 : 11;
		} else {
			d->rep3 = d->rep2;
			d->rep2 = d->rep1;
			d->rep1 = d->rep0;
			len = decode_len(&rc, &d->probs.match_len, ps);
			d->state = st < 7 ? 7 : 10;
			d->rep0 = decode_dist(d, &rc, len);
			if (d->rep0 == END_MARKER) {
				if (!eos_ok) {
					ret = dc_fail(
						err, -EINVAL,
						"lzma: unexpected end marker");
				} else if (rc.overrun) {
					ret = dc_fail(err, -EINVAL,
						      "lzma: truncated input");
				} else {
					ret = LZMA_EOS;
				}
				break;
			}
		}
copy:
		if (d->rep0 >= pos - dict_start) {
			ret = dc_fail(err, -EINVAL,
				      "lzma: distance beyond dictionary");
			break;
		}
		if (pos >= out_cap) {
			ret = dc_fail(err, -ENOSPC,
				      "lzma: output buffer too small");
			break;
		}
		d->pending_len =
			copy_match(d, out, &pos, limit, len + MATCH_MIN);
	}
	if (ret >= 0 && rc.overrun)
		ret = dc_fail(err, -EINVAL, "lzma: truncated input");
	d->rc = rc;
	*pos_io = pos;
	return ret;
}
