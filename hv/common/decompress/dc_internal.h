/* SPDX-License-Identifier: GPL-2.0-only */
/* Helpers shared by the decoders in hv/common/decompress/. */
#ifndef HV_DC_INTERNAL_H
#define HV_DC_INTERNAL_H

#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/decompress.h>

/* For the hot paths of the decoders, where call overhead matters. */
#define dc_inline inline __attribute__((always_inline))

/* Records a static error message and yields the (negative) error code. */
static inline int dc_fail(const char **err, int code, const char *msg)
{
	if (err)
		*err = msg;
	return code;
}

static inline uint16_t dc_le16(const uint8_t *p)
{
	return (uint16_t)(p[0] | (p[1] << 8));
}

static inline uint32_t dc_le32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
	       ((uint32_t)p[3] << 24);
}

static inline uint64_t dc_le64(const uint8_t *p)
{
	return (uint64_t)dc_le32(p) | ((uint64_t)dc_le32(p + 4) << 32);
}

/*
 * Table-driven CRCs. The tables live in caller-provided (usually
 * xmalloc'd) memory so the decoders stay reentrant without static state.
 */
void dc_crc32_init(uint32_t table[256]);
uint32_t dc_crc32(const uint32_t table[256], uint32_t crc, const void *buf,
		  size_t len);
void dc_crc64_init(uint64_t table[256]);
uint64_t dc_crc64(const uint64_t table[256], uint64_t crc, const void *buf,
		  size_t len);

/* XXH64 of a whole buffer (zstd's content checksum uses seed 0). */
uint64_t dc_xxh64(const void *buf, size_t len, uint64_t seed);

/*
 * Raw DEFLATE (RFC 1951) from in[0..in_len) into out[0..out_cap),
 * appending at *out_pos (earlier output serves as the window). On success
 * *in_used is the number of input bytes up to the end of the final block.
 */
int dc_inflate(const uint8_t *in, size_t in_len, size_t *in_used, uint8_t *out,
	       size_t out_cap, size_t *out_pos, const char **err);

/* x86 BCJ decoding, in place, of buf[0..len) which starts at offset start. */
void dc_bcj_x86_decode(uint8_t *buf, size_t len, uint32_t start);

#endif
