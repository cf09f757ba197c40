/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linux bzImage parsing (x86 boot protocol >= 2.08): locates the
 * compressed kernel payload inside the protected-mode part of the image.
 */
#ifndef HV_BZIMAGE_H
#define HV_BZIMAGE_H

#include <hv/types.h>

/* True if img looks like a bzImage ("HdrS" at 0x202). */
bool bzimage_detect(const void *img, size_t len);

/*
 * Finds the compressed payload. The returned payload and payload_len cover
 * the whole payload_offset/payload_length region (its last 4 bytes are the
 * little-endian uncompressed size the kernel build appends, which is
 * returned in *uncompressed_len). Returns 0, or -EINVAL/-ENOTSUP with a
 * static message in *err. All offsets are checked against len.
 */
int bzimage_payload(const void *img, size_t len, const void **payload,
		    size_t *payload_len, size_t *uncompressed_len,
		    const char **err);

#endif
