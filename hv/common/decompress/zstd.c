// SPDX-License-Identifier: GPL-2.0-only
/*
 * Zstandard frames (RFC 8878): frame header, raw/RLE/compressed blocks,
 * optional XXH64 content checksum, skippable frames, several frames in a
 * row. Dictionaries are not supported (-ENOTSUP). Each frame's output is
 * its own window: offsets may not reach into an earlier frame.
 */
#include <hv/xmalloc.h>
#include "zstd_internal.h"

#define ZSTD_MAGIC 0xFD2FB528u
#define SKIP_MAGIC 0x184D2A50u /* low 4 bits free */

static uint64_t le_n(const uint8_t *p, unsigned int n)
{
	uint64_t v = 0;

	for (unsigned int i = 0; i < n; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

/*
 * Literals section at in[0..len): sets *lit and *nlit (into the input for raw
 * literals, else into s->lit) and *used.
 */
static int decode_literals(struct zstd_state *s, const uint8_t *in, size_t len,
			   size_t block_max, const uint8_t **lit, size_t *nlit,
			   size_t *used, const char **err)
{
	unsigned int type = in[0] & 3, sf = (in[0] >> 2) & 3, hdr;
	size_t regen, comp, tree = 0;
	uint64_t v;
	int ret;

	if (type < 2) {
		/* Raw or RLE: 5, 12 or 20 bits of size. */
		hdr = sf == 1 ? 2 : sf == 3 ? 3 : 1; /* sf 0 and 2: 1 byte */
		if (len < hdr)
			return dc_fail(err, -EINVAL,
				       "zstd: truncated literals");
		v = le_n(in, hdr);
		regen = hdr == 1 ? v >> 3 : v >> 4;
		if (regen > block_max)
			return dc_fail(err, -EINVAL, "zstd: literals too long");
		if (type == 0) {
			if (len - hdr < regen)
				return dc_fail(err, -EINVAL,
					       "zstd: truncated literals");
			*lit = in + hdr;
			*used = hdr + regen;
		} else {
			if (len - hdr < 1)
				return dc_fail(err, -EINVAL,
					       "zstd: truncated literals");
			memset(s->lit, in[hdr], regen);
			*lit = s->lit;
			*used = hdr + 1;
		}
		*nlit = regen;
		return 0;
	}
	/* Compressed or treeless: 3, 3, 4 or 5 header bytes. */
	hdr = sf < 2 ? 3 : sf + 2;
	if (len < hdr)
		return dc_fail(err, -EINVAL, "zstd: truncated literals");
	v = le_n(in, hdr) >> 4;
	{
		unsigned int w = sf < 2 ? 10 : sf == 2 ? 14 : 18;

		regen = (size_t)(v & ((1u << w) - 1));
		comp = (size_t)(v >> w);
	}
	if (regen > block_max)
		return dc_fail(err, -EINVAL, "zstd: literals too long");
	if (len - hdr < comp)
		return dc_fail(err, -EINVAL, "zstd: truncated literals");
	if (type == 2) {
		ret = zstd_huf_read(s, in + hdr, comp, &tree, err);
		if (ret)
			return ret;
	} else if (!s->huf_ok) {
		return dc_fail(err, -EINVAL, "zstd: treeless literals first");
	}
	ret = zstd_huf_literals(s, in + hdr + tree, comp - tree, sf != 0,
				s->lit, regen, err);
	if (ret)
		return ret;
	*lit = s->lit;
	*nlit = regen;
	*used = hdr + comp;
	return 0;
}

static int decode_frame(struct zstd_state *s, const uint8_t *in, size_t len,
			size_t *used, uint8_t *out, size_t out_cap,
			size_t *out_pos, const char **err)
{
	static const uint8_t did_size[4] = { 0, 1, 2, 4 };
	size_t p = 5, pos = *out_pos, start = pos, block_max;
	unsigned int fhd, fcs_size;
	uint64_t window = 0, fcs = UINT64_MAX;
	bool last = false;
	int ret = 0;

	if (len < 5)
		return dc_fail(err, -EINVAL, "zstd: truncated frame header");
	fhd = in[4];
	if (fhd & 0x08)
		return dc_fail(err, -EINVAL, "zstd: reserved header bit set");
	fcs_size = (fhd >> 6) ? 1u << (fhd >> 6) : (fhd & 0x20) ? 1 : 0;
	if (len - p < !(fhd & 0x20) + did_size[fhd & 3] + fcs_size)
		return dc_fail(err, -EINVAL, "zstd: truncated frame header");
	if (!(fhd & 0x20)) {
		unsigned int exp = in[p] >> 3, mant = in[p] & 7;

		window = (1ull << (10 + exp));
		window += (window >> 3) * mant;
		p++;
	}
	if (le_n(in + p, did_size[fhd & 3]))
		return dc_fail(err, -ENOTSUP, "zstd: dictionaries unsupported");
	p += did_size[fhd & 3];
	if (fcs_size) {
		fcs = le_n(in + p, fcs_size) + (fcs_size == 2 ? 256 : 0);
		p += fcs_size;
		if (fhd & 0x20)
			window = fcs;
		if (fcs > out_cap - pos)
			return dc_fail(err, -ENOSPC,
				       "zstd: output buffer too small");
	}
	block_max = window < ZSTD_BLOCK_MAX ? (size_t)window : ZSTD_BLOCK_MAX;

	s->rep[0] = 1;
	s->rep[1] = 4;
	s->rep[2] = 8;
	s->ll_ok = s->of_ok = s->ml_ok = s->huf_ok = false;
	while (!last) {
		uint32_t bh;
		unsigned int type;
		size_t bsize;

		if (len - p < 3)
			return dc_fail(err, -EINVAL, "zstd: truncated block");
		bh = (uint32_t)le_n(in + p, 3);
		p += 3;
		last = bh & 1;
		type = (bh >> 1) & 3;
		bsize = bh >> 3;
		if (bsize > block_max)
			return dc_fail(err, -EINVAL, "zstd: block too large");
		if (type == 3)
			return dc_fail(err, -EINVAL,
				       "zstd: reserved block type");
		if (len - p < (type == 1 ? 1 : bsize))
			return dc_fail(err, -EINVAL, "zstd: truncated block");
		if (type == 0 || type == 1) {
			if (bsize > out_cap - pos)
				return dc_fail(err, -ENOSPC,
					       "zstd: output buffer too small");
			if (type == 0)
				memcpy(out + pos, in + p, bsize);
			else
				memset(out + pos, in[p], bsize);
			pos += bsize;
			p += type == 0 ? bsize : 1;
		} else {
			const uint8_t *lit;
			size_t nlit, lused, bstart = pos;

			if (bsize == 0)
				return dc_fail(err, -EINVAL,
					       "zstd: empty compressed block");
			ret = decode_literals(s, in + p, bsize, block_max, &lit,
					      &nlit, &lused, err);
			if (ret)
				return ret;
			ret = zstd_sequences(s, in + p + lused, bsize - lused,
					     lit, nlit, out, out_cap, start,
					     &pos, err);
			if (ret)
				return ret;
			if (pos - bstart > block_max)
				return dc_fail(err, -EINVAL,
					       "zstd: block output too large");
			p += bsize;
		}
	}
	if (fcs != UINT64_MAX && pos - start != fcs)
		return dc_fail(err, -EINVAL,
			       "zstd: frame content size mismatch");
	if (fhd & 0x04) {
		if (len - p < 4)
			return dc_fail(err, -EINVAL,
				       "zstd: truncated checksum");
		if ((uint32_t)dc_xxh64(out + start, pos - start, 0) !=
		    dc_le32(in + p))
			return dc_fail(err, -EINVAL, "zstd: checksum mismatch");
		p += 4;
	}
	*used = p;
	*out_pos = pos;
	return 0;
}

static bool is_frame(const uint8_t *in, size_t len)
{
	return len >= 4 && (dc_le32(in) == ZSTD_MAGIC ||
			    (dc_le32(in) & 0xFFFFFFF0u) == SKIP_MAGIC);
}

int unzstd(const void *in_v, size_t in_len, void *out_v, size_t out_cap,
	   size_t *out_len, const char **err)
{
	const uint8_t *in = in_v;
	struct zstd_state *s;
	size_t off = 0, pos = 0;
	int ret = 0;

	*out_len = 0;
	if (!is_frame(in, in_len))
		return dc_fail(err, -EINVAL, "zstd: bad magic");
	s = xmalloc(sizeof(*s));
	if (!s)
		return dc_fail(err, -ENOMEM, "zstd: out of memory");
	/* Frames follow one another; anything else ends the input. */
	while (!ret && is_frame(in + off, in_len - off)) {
		size_t n;

		if (dc_le32(in + off) != ZSTD_MAGIC) {
			if (in_len - off < 8) {
				ret = dc_fail(
					err, -EINVAL,
					"zstd: truncated skippable frame");
			} else if (dc_le32(in + off + 4) > in_len - off - 8) {
				ret = dc_fail(
					err, -EINVAL,
					"zstd: truncated skippable frame");
			} else {
				off += 8 + (size_t)dc_le32(in + off + 4);
			}
			continue;
		}
		ret = decode_frame(s, in + off, in_len - off, &n, out_v,
				   out_cap, &pos, err);
		off += n;
	}
	xfree(s);
	if (!ret)
		*out_len = pos;
	return ret;
}
