// SPDX-License-Identifier: GPL-2.0-only
/*
 * .xz container (xz-file-format 1.1.0): stream header, blocks, index and
 * stream footer, possibly several streams separated by zero padding.
 *
 * Blocks may use LZMA2 preceded by up to three x86-BCJ or delta filters.
 * Each block is decoded straight into the output buffer and the filters
 * are then undone in place, last filter first. The integrity check of the
 * stream (none, CRC32 or CRC64; other checks are skipped unverified) is
 * computed over each block's output, and the index must describe exactly
 * the blocks that were decoded.
 */
#include <hv/xmalloc.h>
#include "lzma.h"

#define XZ_CHECK_NONE 0
#define XZ_CHECK_CRC32 1
#define XZ_CHECK_CRC64 4
#define FILTER_DELTA 0x03
#define FILTER_X86 0x04
#define FILTER_LZMA2 0x21
#define MAX_FILTERS 4

static const uint8_t stream_magic[6] = { 0xFD, '7', 'z', 'X', 'Z', 0x00 };

struct xz_filter {
	uint64_t id;
	uint32_t arg; /* x86: start offset; delta: distance */
};

struct xz_state {
	struct lzma_dec lzma;
	uint32_t crc32_table[256];
	uint64_t crc64_table[256];
	unsigned int check; /* check type of the current stream */
	/* Running summary of the blocks, compared against the index. */
	uint64_t blocks, sum_unpadded, sum_uncompressed;
	uint32_t records_crc;
};

/* Bytes of integrity check for each check type (the format's table). */
static unsigned int check_size(unsigned int type)
{
	return type == 0 ? 0 : 4u << ((type - 1) / 3);
}

/* Variable-length integer: 7 bits per byte, at most 9 bytes, minimal. */
static int read_vli(const uint8_t *in, size_t len, size_t *pos, uint64_t *v)
{
	uint64_t r = 0;

	for (unsigned int i = 0; i < 9; i++) {
		uint8_t b;

		if (*pos >= len)
			return -1;
		b = in[(*pos)++];
		r |= (uint64_t)(b & 0x7f) << (7 * i);
		if (!(b & 0x80)) {
			if (b == 0 && i)
				return -1;
			*v = r;
			return 0;
		}
	}
	return -1;
}

/* Folds one (unpadded, uncompressed) pair into the block/index summary. */
static void summary_add(struct xz_state *s, uint64_t *count, uint64_t *su,
			uint64_t *sc, uint32_t *crc, uint64_t unpadded,
			uint64_t uncompressed)
{
	uint8_t rec[16];

	for (int i = 0; i < 8; i++) {
		rec[i] = (uint8_t)(unpadded >> (8 * i));
		rec[8 + i] = (uint8_t)(uncompressed >> (8 * i));
	}
	(*count)++;
	*su += unpadded;
	*sc += uncompressed;
	*crc = dc_crc32(s->crc32_table, *crc, rec, sizeof(rec));
}

static int parse_block_header(struct xz_state *s, const uint8_t *in, size_t len,
			      size_t hsize, uint64_t *csize, uint64_t *usize,
			      struct xz_filter *f, unsigned int *nf,
			      const char **err)
{
	size_t pos = 2;
	uint8_t flags;

	if (hsize > len)
		return dc_fail(err, -EINVAL, "xz: truncated block header");
	if (dc_crc32(s->crc32_table, 0, in, hsize - 4) !=
	    dc_le32(in + hsize - 4))
		return dc_fail(err, -EINVAL, "xz: block header CRC32 mismatch");
	len = hsize - 4; /* fields end where the CRC starts */
	flags = in[1];
	if (flags & 0x3C)
		return dc_fail(err, -ENOTSUP, "xz: unsupported block flags");
	*csize = *usize = UINT64_MAX;
	if ((flags & 0x40) && (read_vli(in, len, &pos, csize) || !*csize))
		return dc_fail(err, -EINVAL, "xz: bad compressed size");
	if ((flags & 0x80) && read_vli(in, len, &pos, usize))
		return dc_fail(err, -EINVAL, "xz: bad uncompressed size");
	*nf = (flags & 3) + 1;
	for (unsigned int i = 0; i < *nf; i++) {
		uint64_t psize;

		if (read_vli(in, len, &pos, &f[i].id) ||
		    read_vli(in, len, &pos, &psize) || psize > len - pos)
			return dc_fail(err, -EINVAL, "xz: bad filter flags");
		f[i].arg = 0;
		if (f[i].id == FILTER_LZMA2) {
			if (psize != 1 || in[pos] > 40)
				return dc_fail(err, -EINVAL,
					       "xz: bad LZMA2 properties");
		} else if (f[i].id == FILTER_X86) {
			if (psize == 4)
				f[i].arg = dc_le32(in + pos);
			else if (psize != 0)
				return dc_fail(err, -EINVAL,
					       "xz: bad BCJ properties");
		} else if (f[i].id == FILTER_DELTA) {
			if (psize != 1)
				return dc_fail(err, -EINVAL,
					       "xz: bad delta properties");
			f[i].arg = in[pos] + 1u;
		} else {
			return dc_fail(err, -ENOTSUP, "xz: unsupported filter");
		}
		/* LZMA2 must be last, and only last. */
		if ((f[i].id == FILTER_LZMA2) != (i == *nf - 1))
			return dc_fail(err, -EINVAL, "xz: bad filter chain");
		pos += psize;
	}
	while (pos < len)
		if (in[pos++])
			return dc_fail(err, -EINVAL,
				       "xz: nonzero block header padding");
	return 0;
}

static void delta_decode(uint8_t *buf, size_t len, size_t dist)
{
	for (size_t i = dist; i < len; i++)
		buf[i] += buf[i - dist];
}

/* Decodes the block starting at in[0] (its header size byte). */
static int decode_block(struct xz_state *s, const uint8_t *in, size_t len,
			size_t *used, uint8_t *out, size_t out_cap,
			size_t *out_pos, const char **err)
{
	struct xz_filter f[MAX_FILTERS];
	size_t hsize = ((size_t)in[0] + 1) * 4, start = *out_pos, pos, n;
	size_t csum = check_size(s->check);
	uint64_t csize, usize, unpadded;
	unsigned int nf;
	int ret;

	ret = parse_block_header(s, in, len, hsize, &csize, &usize, f, &nf,
				 err);
	if (ret)
		return ret;
	pos = start;
	ret = dc_lzma2_decode(&s->lzma, in + hsize, len - hsize, &n, out,
			      out_cap, &pos, err);
	*out_pos = pos;
	if (ret)
		return ret;
	if (csize != UINT64_MAX && csize != n)
		return dc_fail(err, -EINVAL, "xz: compressed size mismatch");
	if (usize != UINT64_MAX && usize != pos - start)
		return dc_fail(err, -EINVAL, "xz: uncompressed size mismatch");
	unpadded = hsize + n + csum;
	n += hsize;
	while (n & 3) {
		if (n >= len || in[n])
			return dc_fail(err, -EINVAL, "xz: bad block padding");
		n++;
	}
	if (len - n < csum)
		return dc_fail(err, -EINVAL, "xz: truncated check");
	for (unsigned int i = nf - 1; i-- > 0;) {
		if (f[i].id == FILTER_X86)
			dc_bcj_x86_decode(out + start, pos - start, f[i].arg);
		else
			delta_decode(out + start, pos - start, f[i].arg);
	}
	if (s->check == XZ_CHECK_CRC32 &&
	    dc_crc32(s->crc32_table, 0, out + start, pos - start) !=
		    dc_le32(in + n))
		return dc_fail(err, -EINVAL, "xz: CRC32 mismatch");
	if (s->check == XZ_CHECK_CRC64 &&
	    dc_crc64(s->crc64_table, 0, out + start, pos - start) !=
		    dc_le64(in + n))
		return dc_fail(err, -EINVAL, "xz: CRC64 mismatch");
	*used = n + csum;
	summary_add(s, &s->blocks, &s->sum_unpadded, &s->sum_uncompressed,
		    &s->records_crc, unpadded, pos - start);
	return 0;
}

/* Index at in[0] (the 0x00 indicator); *used covers its CRC32. */
static int check_index(struct xz_state *s, const uint8_t *in, size_t len,
		       size_t *used, const char **err)
{
	uint64_t count, blocks = 0, su = 0, sc = 0;
	uint32_t crc = 0;
	size_t pos = 1;

	if (read_vli(in, len, &pos, &count) || count != s->blocks)
		return dc_fail(err, -EINVAL, "xz: index record count mismatch");
	for (uint64_t i = 0; i < count; i++) {
		uint64_t unpadded, uncompressed;

		if (read_vli(in, len, &pos, &unpadded) ||
		    read_vli(in, len, &pos, &uncompressed))
			return dc_fail(err, -EINVAL, "xz: truncated index");
		summary_add(s, &blocks, &su, &sc, &crc, unpadded, uncompressed);
	}
	if (su != s->sum_unpadded || sc != s->sum_uncompressed ||
	    crc != s->records_crc)
		return dc_fail(err, -EINVAL, "xz: index does not match blocks");
	while (pos & 3) {
		if (pos >= len || in[pos])
			return dc_fail(err, -EINVAL, "xz: bad index padding");
		pos++;
	}
	if (len - pos < 4)
		return dc_fail(err, -EINVAL, "xz: truncated index");
	if (dc_crc32(s->crc32_table, 0, in, pos) != dc_le32(in + pos))
		return dc_fail(err, -EINVAL, "xz: index CRC32 mismatch");
	*used = pos + 4;
	return 0;
}

/* One stream at in[0]; *used covers its footer. */
static int decode_stream(struct xz_state *s, const uint8_t *in, size_t len,
			 size_t *used, uint8_t *out, size_t out_cap,
			 size_t *out_pos, const char **err)
{
	size_t pos = 12, n, index_start;
	const uint8_t *ft;
	int ret;

	if (len < 12 || memcmp(in, stream_magic, 6))
		return dc_fail(err, -EINVAL, "xz: bad stream header");
	if (dc_crc32(s->crc32_table, 0, in + 6, 2) != dc_le32(in + 8))
		return dc_fail(err, -EINVAL,
			       "xz: stream header CRC32 mismatch");
	if (in[6] != 0 || (in[7] & 0xF0))
		return dc_fail(err, -ENOTSUP, "xz: unsupported stream flags");
	s->check = in[7];
	s->blocks = s->sum_unpadded = s->sum_uncompressed = 0;
	s->records_crc = 0;
	for (;;) {
		if (pos >= len)
			return dc_fail(err, -EINVAL, "xz: truncated stream");
		if (in[pos] == 0)
			break;
		ret = decode_block(s, in + pos, len - pos, &n, out, out_cap,
				   out_pos, err);
		if (ret)
			return ret;
		pos += n;
	}
	index_start = pos;
	ret = check_index(s, in + pos, len - pos, &n, err);
	if (ret)
		return ret;
	pos += n;
	if (len - pos < 12)
		return dc_fail(err, -EINVAL, "xz: truncated stream footer");
	ft = in + pos;
	if (dc_crc32(s->crc32_table, 0, ft + 4, 6) != dc_le32(ft))
		return dc_fail(err, -EINVAL,
			       "xz: stream footer CRC32 mismatch");
	if (((uint64_t)dc_le32(ft + 4) + 1) * 4 != pos - index_start ||
	    memcmp(ft + 8, in + 6, 2) || ft[10] != 'Y' || ft[11] != 'Z')
		return dc_fail(err, -EINVAL, "xz: bad stream footer");
	*used = pos + 12;
	return 0;
}

int unxz(const void *in_v, size_t in_len, void *out_v, size_t out_cap,
	 size_t *out_len, const char **err)
{
	const uint8_t *in = in_v;
	struct xz_state *s = xmalloc(sizeof(*s));
	size_t off = 0, pos = 0;
	int ret;

	*out_len = 0;
	if (!s)
		return dc_fail(err, -ENOMEM, "xz: out of memory");
	dc_crc32_init(s->crc32_table);
	dc_crc64_init(s->crc64_table);
	for (;;) {
		size_t n;

		ret = decode_stream(s, in + off, in_len - off, &n, out_v,
				    out_cap, &pos, err);
		if (ret)
			break;
		off += n;
		/* Stream padding: groups of four zero bytes. */
		while (in_len - off >= 4 && !dc_le32(in + off))
			off += 4;
		if (in_len - off < 6 || memcmp(in + off, stream_magic, 6))
			break;
	}
	xfree(s);
	if (!ret)
		*out_len = pos;
	return ret;
}
