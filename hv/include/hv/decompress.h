/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Single-call decompressors for kernel payloads (gzip, xz, zstd, lzma).
 *
 * The whole input is passed in and the whole output is written to a buffer
 * of fixed capacity, which doubles as the LZ77 window, so no window is
 * allocated. Decoders are written for hostile input: every read is checked
 * against in_len, every write against out_cap, and each decoder terminates.
 *
 * Return value: 0 on success with *out_len set, else a negative errno:
 *   -EINVAL   corrupt or truncated input
 *   -ENOSPC   output does not fit in out_cap
 *   -ENOMEM   decoder tables could not be allocated
 *   -ENOTSUP  valid input using a feature these decoders do not implement
 * and *err points at a static message such as "xz: CRC32 mismatch".
 *
 * Data after a complete stream that does not start another stream of the
 * same format is ignored (a bzImage payload ends in a 4-byte size word).
 */
#ifndef HV_DECOMPRESS_H
#define HV_DECOMPRESS_H

#include <hv/types.h>
#include <hv/errno.h>

#ifndef ENOTSUP
#define ENOTSUP EOPNOTSUPP
#endif

enum decomp_format {
	DECOMP_NONE,
	DECOMP_GZIP,
	DECOMP_XZ,
	DECOMP_ZSTD,
	DECOMP_LZMA,
};

/* Identifies the format by its magic bytes; DECOMP_NONE if unknown. */
enum decomp_format decomp_detect(const void *in, size_t len);
const char *decomp_format_name(enum decomp_format f);

/* Detects the format and decodes with the matching decoder. */
int decompress(const void *in, size_t in_len, void *out, size_t out_cap,
	       size_t *out_len, const char **err);

int gunzip(const void *in, size_t in_len, void *out, size_t out_cap,
	   size_t *out_len, const char **err);
int unxz(const void *in, size_t in_len, void *out, size_t out_cap,
	 size_t *out_len, const char **err);
int unzstd(const void *in, size_t in_len, void *out, size_t out_cap,
	   size_t *out_len, const char **err);
/* Legacy .lzma ("LZMA alone") files, as made by CONFIG_KERNEL_LZMA. */
int unlzma(const void *in, size_t in_len, void *out, size_t out_cap,
	   size_t *out_len, const char **err);

#endif
