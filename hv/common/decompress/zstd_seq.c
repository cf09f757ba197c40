// SPDX-License-Identifier: GPL-2.0-only
/*
 * zstd sequences (RFC 8878 section 3.1.1.3.2): the section header picks a
 * table per field (predefined, RLE, FSE-described or repeated), then one
 * backward bit stream carries, per sequence, the offset, match length and
 * literal length extra bits, followed by the state updates. Each sequence
 * copies literals, then a match from the output already produced.
 */
#include "zstd_internal.h"

#define LL_MAX_SYM 35
#define OF_MAX_SYM 31
#define ML_MAX_SYM 52

static const uint32_t ll_base[36] = {
	0,  1,	2,   3,	  4,   5,    6,	   7,	 8,    9,     10,    11,
	12, 13, 14,  15,  16,  18,   20,   22,	 24,   28,    32,    40,
	48, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536
};
static const uint8_t ll_bits[36] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,  0,	 0,  0,	 0,  1,	 1,
	1, 1, 2, 2, 3, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
};
static const uint32_t ml_base[53] = {
	3,   4,	  5,	6,    7,    8,	  9,	 10,	11,   12, 13,
	14,  15,  16,	17,   18,   19,	  20,	 21,	22,   23, 24,
	25,  26,  27,	28,   29,   30,	  31,	 32,	33,   34, 35,
	37,  39,  41,	43,   47,   51,	  59,	 67,	83,   99, 131,
	259, 515, 1027, 2051, 4099, 8195, 16387, 32771, 65539
};
static const uint8_t ml_bits[53] = { 0, 0, 0,  0,  0,  0,  0,  0,  0, 0, 0,
				     0, 0, 0,  0,  0,  0,  0,  0,  0, 0, 0,
				     0, 0, 0,  0,  0,  0,  0,  0,  0, 0, 1,
				     1, 1, 1,  2,  2,  3,  3,  4,  4, 5, 7,
				     8, 9, 10, 11, 12, 13, 14, 15, 16 };

/* Sets up one field's table according to its 2-bit mode. */
static int select_table(struct zstd_state *s, struct fse_table *t, bool *ok,
			unsigned int mode, int which, unsigned int max_log,
			unsigned int max_sym, const uint8_t *in, size_t len,
			size_t *used)
{
	*used = 0;
	switch (mode) {
	case 0:
		*ok = !zstd_fse_predefined(s, t, which);
		break;
	case 1:
		if (len < 1 || in[0] > max_sym)
			return -1;
		zstd_fse_rle(t, in[0]);
		*used = 1;
		*ok = true;
		break;
	case 2:
		*ok = !zstd_fse_read(s, t, max_log, max_sym, in, len, used);
		break;
	default:
		/* Repeat: the previous block's table must exist. */
		break;
	}
	return *ok ? 0 : -1;
}

/* Copies len bytes from 'dist' back; the regions may overlap. */
static inline void copy_back(uint8_t *out, size_t pos, size_t dist, size_t len)
{
	const uint8_t *from = out + pos - dist;

	if (dist >= len) {
		memcpy(out + pos, from, len);
	} else {
		for (size_t i = 0; i < len; i++)
			out[pos + i] = from[i];
	}
}

int zstd_sequences(struct zstd_state *s, const uint8_t *in, size_t len,
		   const uint8_t *lit, size_t nlit, uint8_t *out,
		   size_t out_cap, size_t frame_start, size_t *pos_io,
		   const char **err)
{
	size_t p = 0, used, pos = *pos_io, nseq;
	unsigned int modes;
	struct bitrev br;
	uint32_t ll_st, of_st, ml_st;

	if (len < 1)
		return dc_fail(err, -EINVAL, "zstd: truncated sequences");
	nseq = in[p++];
	if (nseq >= 128) {
		if (nseq < 255) {
			if (len - p < 1)
				return dc_fail(err, -EINVAL,
					       "zstd: truncated sequences");
			nseq = ((nseq - 128) << 8) + in[p++];
		} else {
			if (len - p < 2)
				return dc_fail(err, -EINVAL,
					       "zstd: truncated sequences");
			nseq = dc_le16(in + p) + 0x7F00u;
			p += 2;
		}
	}
	if (nseq == 0) {
		if (p != len)
			return dc_fail(err, -EINVAL,
				       "zstd: data after empty sequences");
		goto tail;
	}
	if (len - p < 1)
		return dc_fail(err, -EINVAL, "zstd: truncated sequences");
	modes = in[p++];
	if (modes & 3)
		return dc_fail(err, -EINVAL,
			       "zstd: reserved sequence mode bits");
	if (select_table(s, &s->ll, &s->ll_ok, modes >> 6, 0, 9, LL_MAX_SYM,
			 in + p, len - p, &used))
		return dc_fail(err, -EINVAL, "zstd: bad literal length table");
	p += used;
	if (select_table(s, &s->of, &s->of_ok, (modes >> 4) & 3, 1, 8,
			 OF_MAX_SYM, in + p, len - p, &used))
		return dc_fail(err, -EINVAL, "zstd: bad offset table");
	p += used;
	if (select_table(s, &s->ml, &s->ml_ok, (modes >> 2) & 3, 2, 9,
			 ML_MAX_SYM, in + p, len - p, &used))
		return dc_fail(err, -EINVAL, "zstd: bad match length table");
	p += used;
	if (br_init(&br, in + p, len - p))
		return dc_fail(err, -EINVAL, "zstd: bad sequence bit stream");
	ll_st = (uint32_t)br_read(&br, s->ll.log);
	of_st = (uint32_t)br_read(&br, s->of.log);
	ml_st = (uint32_t)br_read(&br, s->ml.log);

	for (size_t i = 0; i < nseq; i++) {
		const struct fse_entry *lle = &s->ll.e[ll_st];
		const struct fse_entry *ofe = &s->of.e[of_st];
		const struct fse_entry *mle = &s->ml.e[ml_st];
		unsigned int ofc = ofe->sym;
		uint32_t ofv, off;
		size_t ll, ml;

		br_reload(&br);
		/* <= 31 + 16 bits here, then a reload before <= 16 more. */
		ofv = (1u << ofc) + (uint32_t)br_read(&br, ofc);
		ml = ml_base[mle->sym] +
		     (size_t)br_read(&br, ml_bits[mle->sym]);
		br_reload(&br);
		ll = ll_base[lle->sym] +
		     (size_t)br_read(&br, ll_bits[lle->sym]);

		if (ofv > 3) {
			off = ofv - 3;
			s->rep[2] = s->rep[1];
			s->rep[1] = s->rep[0];
			s->rep[0] = off;
		} else {
			/* A zero literal length shifts the repeat index. */
			unsigned int idx = ofv - 1 + (ll == 0);

			if (idx == 0) {
				off = s->rep[0];
			} else {
				off = idx == 3 ? s->rep[0] - 1 : s->rep[idx];
				if (idx > 1)
					s->rep[2] = s->rep[1];
				s->rep[1] = s->rep[0];
				s->rep[0] = off;
			}
		}
		if (i + 1 < nseq) {
			br_reload(&br);
			ll_st = lle->base + (uint32_t)br_read(&br, lle->nbits);
			ml_st = mle->base + (uint32_t)br_read(&br, mle->nbits);
			of_st = ofe->base + (uint32_t)br_read(&br, ofe->nbits);
		}
		if (br_overflow(&br))
			return dc_fail(err, -EINVAL, "zstd: corrupt sequences");
		if (ll > nlit)
			return dc_fail(err, -EINVAL,
				       "zstd: sequence exceeds literals");
		if (ll + ml > out_cap - pos)
			return dc_fail(err, -ENOSPC,
				       "zstd: output buffer too small");
		memcpy(out + pos, lit, ll);
		lit += ll;
		nlit -= ll;
		pos += ll;
		if (off == 0 || off > pos - frame_start)
			return dc_fail(err, -EINVAL,
				       "zstd: offset before start of frame");
		copy_back(out, pos, off, ml);
		pos += ml;
	}
	if (!br_finished(&br))
		return dc_fail(err, -EINVAL, "zstd: sequence bit stream size");
tail:
	if (nlit > out_cap - pos)
		return dc_fail(err, -ENOSPC, "zstd: output buffer too small");
	memcpy(out + pos, lit, nlit);
	pos += nlit;
	*pos_io = pos;
	return 0;
}
