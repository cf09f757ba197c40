// SPDX-License-Identifier: GPL-2.0-only
/*
 * bzImage setup header fields (Documentation/x86/boot.rst, as facts):
 *   0x1f1 setup_sects (u8, 0 means 4), 0x202 "HdrS", 0x206 version (u16),
 *   0x248 payload_offset (u32, from the protected-mode code start),
 *   0x24c payload_length (u32).
 * The protected-mode code starts at (setup_sects + 1) * 512.
 */
#include <hv/bzimage.h>
#include <hv/errno.h>
#include <hv/string.h>
#include <hv/decompress.h>

#define OFF_SETUP_SECTS 0x1f1
#define OFF_HEADER 0x202
#define OFF_VERSION 0x206
#define OFF_PAYLOAD_OFFSET 0x248
#define OFF_PAYLOAD_LENGTH 0x24c
#define SETUP_HDR_END 0x250
#define MIN_PROTOCOL 0x0208

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
	       ((uint32_t)p[3] << 24);
}

static int fail(const char **err, int code, const char *msg)
{
	if (err)
		*err = msg;
	return code;
}

bool bzimage_detect(const void *img, size_t len)
{
	const uint8_t *p = img;

	return p && len >= SETUP_HDR_END && !memcmp(p + OFF_HEADER, "HdrS", 4);
}

int bzimage_payload(const void *img, size_t len, const void **payload,
		    size_t *payload_len, size_t *uncompressed_len,
		    const char **err)
{
	const uint8_t *p = img;
	unsigned int setup_sects, version;
	size_t pm_start, off, plen;

	if (!bzimage_detect(img, len))
		return fail(err, -EINVAL, "bzimage: no HdrS setup header");
	version = p[OFF_VERSION] | (p[OFF_VERSION + 1] << 8);
	if (version < MIN_PROTOCOL)
		return fail(err, -ENOTSUP,
			    "bzimage: boot protocol older than 2.08");
	setup_sects = p[OFF_SETUP_SECTS];
	if (setup_sects == 0)
		setup_sects = 4;
	pm_start = ((size_t)setup_sects + 1) * 512;
	if (pm_start > len)
		return fail(err, -EINVAL, "bzimage: setup larger than image");
	off = rd32(p + OFF_PAYLOAD_OFFSET);
	plen = rd32(p + OFF_PAYLOAD_LENGTH);
	if (off > len - pm_start || plen > len - pm_start - off)
		return fail(err, -EINVAL, "bzimage: payload beyond image");
	if (plen < 8)
		return fail(err, -EINVAL, "bzimage: payload too short");
	*payload = p + pm_start + off;
	*payload_len = plen;
	*uncompressed_len = rd32(p + pm_start + off + plen - 4);
	return 0;
}
