// SPDX-License-Identifier: GPL-2.0-only
/*
 * gzip container (RFC 1952) around the DEFLATE decoder: header with the
 * optional FEXTRA/FNAME/FCOMMENT/FHCRC fields, then the deflate data, then
 * CRC-32 and the size modulo 2^32 of that member. Concatenated members are
 * decoded one after another, each with its own window.
 */
#include <hv/xmalloc.h>
#include "dc_internal.h"

#define FTEXT 0x01
#define FHCRC 0x02
#define FEXTRA 0x04
#define FNAME 0x08
#define FCOMMENT 0x10
#define FRESERVED 0xe0

/* Skips a zero-terminated header string starting at *pos. */
static int skip_string(const uint8_t *in, size_t len, size_t *pos)
{
	const uint8_t *nul = memchr(in + *pos, 0, len - *pos);

	if (!nul)
		return -1;
	*pos = (size_t)(nul - in) + 1;
	return 0;
}

/* Parses the member header at in[0..]; returns its length or an error. */
static int parse_header(const uint32_t *crctab, const uint8_t *in, size_t len,
			size_t *hdr_len, const char **err)
{
	size_t pos = 10;
	uint8_t flg;

	if (len < 10)
		return dc_fail(err, -EINVAL, "gzip: truncated header");
	if (in[0] != 0x1f || in[1] != 0x8b)
		return dc_fail(err, -EINVAL, "gzip: bad magic");
	if (in[2] != 8)
		return dc_fail(err, -ENOTSUP,
			       "gzip: unknown compression method");
	flg = in[3];
	if (flg & FRESERVED)
		return dc_fail(err, -EINVAL, "gzip: reserved flag set");
	if (flg & FEXTRA) {
		size_t xlen;

		if (len - pos < 2)
			return dc_fail(err, -EINVAL, "gzip: truncated header");
		xlen = dc_le16(in + pos);
		pos += 2;
		if (len - pos < xlen)
			return dc_fail(err, -EINVAL, "gzip: truncated header");
		pos += xlen;
	}
	if ((flg & FNAME) && skip_string(in, len, &pos))
		return dc_fail(err, -EINVAL, "gzip: truncated header");
	if ((flg & FCOMMENT) && skip_string(in, len, &pos))
		return dc_fail(err, -EINVAL, "gzip: truncated header");
	if (flg & FHCRC) {
		if (len - pos < 2)
			return dc_fail(err, -EINVAL, "gzip: truncated header");
		if ((dc_crc32(crctab, 0, in, pos) & 0xffff) !=
		    dc_le16(in + pos))
			return dc_fail(err, -EINVAL,
				       "gzip: header CRC mismatch");
		pos += 2;
	}
	*hdr_len = pos;
	return 0;
}

int gunzip(const void *in_v, size_t in_len, void *out_v, size_t out_cap,
	   size_t *out_len, const char **err)
{
	const uint8_t *in = in_v;
	uint8_t *out = out_v;
	uint32_t *crctab = xmalloc(256 * sizeof(uint32_t));
	size_t off = 0, pos = 0;
	int ret;

	*out_len = 0;
	if (!crctab)
		return dc_fail(err, -ENOMEM, "gzip: out of memory");
	dc_crc32_init(crctab);
	do {
		size_t hdr, used, n = 0;
		const uint8_t *t;

		ret = parse_header(crctab, in + off, in_len - off, &hdr, err);
		if (ret)
			break;
		off += hdr;
		/* A member's back-references stay inside its own output. */
		ret = dc_inflate(in + off, in_len - off, &used, out + pos,
				 out_cap - pos, &n, err);
		if (ret)
			break;
		off += used;
		if (in_len - off < 8) {
			ret = dc_fail(err, -EINVAL, "gzip: truncated trailer");
			break;
		}
		t = in + off;
		if (dc_crc32(crctab, 0, out + pos, n) != dc_le32(t)) {
			ret = dc_fail(err, -EINVAL, "gzip: CRC32 mismatch");
			break;
		}
		if ((uint32_t)n != dc_le32(t + 4)) {
			ret = dc_fail(err, -EINVAL, "gzip: size mismatch");
			break;
		}
		off += 8;
		pos += n;
	} while (in_len - off >= 2 && in[off] == 0x1f && in[off + 1] == 0x8b);
	xfree(crctab);
	if (!ret)
		*out_len = pos;
	return ret;
}
