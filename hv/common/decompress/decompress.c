// SPDX-License-Identifier: GPL-2.0-only
/* Format detection by magic number and dispatch to the decoders. */
#include "dc_internal.h"

enum decomp_format decomp_detect(const void *in_v, size_t len)
{
	const uint8_t *in = in_v;

	if (!in)
		return DECOMP_NONE;
	if (len >= 2 && in[0] == 0x1f && in[1] == 0x8b)
		return DECOMP_GZIP;
	if (len >= 6 && !memcmp(in,
				"\xfd"
				"7zXZ\0",
				6))
		return DECOMP_XZ;
	if (len >= 4 && (dc_le32(in) == 0xFD2FB528u ||
			 (dc_le32(in) & 0xFFFFFFF0u) == 0x184D2A50u))
		return DECOMP_ZSTD;
	/*
	 * .lzma has no magic; like other tools, accept the properties byte
	 * the encoders use (lc=3 lp=0 pb=2) with a dictionary size whose low
	 * 16 bits are zero.
	 */
	if (len >= 13 && in[0] == 0x5d && in[1] == 0 && in[2] == 0)
		return DECOMP_LZMA;
	return DECOMP_NONE;
}

const char *decomp_format_name(enum decomp_format f)
{
	switch (f) {
	case DECOMP_GZIP:
		return "gzip";
	case DECOMP_XZ:
		return "xz";
	case DECOMP_ZSTD:
		return "zstd";
	case DECOMP_LZMA:
		return "lzma";
	case DECOMP_NONE:
		break;
	}
	return "none";
}

int decompress(const void *in, size_t in_len, void *out, size_t out_cap,
	       size_t *out_len, const char **err)
{
	*out_len = 0;
	if (!in)
		in_len = 0;
	switch (decomp_detect(in, in_len)) {
	case DECOMP_GZIP:
		return gunzip(in, in_len, out, out_cap, out_len, err);
	case DECOMP_XZ:
		return unxz(in, in_len, out, out_cap, out_len, err);
	case DECOMP_ZSTD:
		return unzstd(in, in_len, out, out_cap, out_len, err);
	case DECOMP_LZMA:
		return unlzma(in, in_len, out, out_cap, out_len, err);
	case DECOMP_NONE:
		break;
	}
	/* Other kernel payload formats: say what they are. */
	if (in_len >= 3 && !memcmp(in, "BZh", 3))
		return dc_fail(err, -ENOTSUP, "decompress: bzip2 unsupported");
	if (in_len >= 4 && !memcmp(in, "\x89LZO", 4))
		return dc_fail(err, -ENOTSUP, "decompress: lzo unsupported");
	if (in_len >= 4 &&
	    (dc_le32(in) == 0x184C2102u || dc_le32(in) == 0x184D2204u))
		return dc_fail(err, -ENOTSUP, "decompress: lz4 unsupported");
	return dc_fail(err, -EINVAL, "decompress: unrecognised format");
}
