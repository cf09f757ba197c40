// SPDX-License-Identifier: GPL-2.0-only
/*
 * Legacy .lzma ("LZMA alone") files: a properties byte, a 32-bit
 * dictionary size and a 64-bit uncompressed size (all ones: unknown, then
 * an end marker terminates the data), followed by one range-coded stream.
 * lc + lp is limited to 4 as in LZMA2, which covers the encoders' presets.
 */
#include <hv/xmalloc.h>
#include "lzma.h"

#define LZMA_HEADER 13

int unlzma(const void *in_v, size_t in_len, void *out_v, size_t out_cap,
	   size_t *out_len, const char **err)
{
	const uint8_t *in = in_v;
	struct lzma_dec *d;
	uint64_t usize;
	size_t pos = 0, limit = out_cap;
	int ret;

	*out_len = 0;
	if (in_len < LZMA_HEADER)
		return dc_fail(err, -EINVAL, "lzma: truncated header");
	usize = dc_le64(in + 5);
	if (usize != UINT64_MAX) {
		if (usize > out_cap)
			return dc_fail(err, -ENOSPC,
				       "lzma: output buffer too small");
		limit = (size_t)usize;
	}
	d = xmalloc(sizeof(*d));
	if (!d)
		return dc_fail(err, -ENOMEM, "lzma: out of memory");
	if (lzma_set_props(d, in[0])) {
		ret = dc_fail(err, -ENOTSUP, "lzma: unsupported properties");
	} else if (lzma_rc_init(d, in + LZMA_HEADER, in_len - LZMA_HEADER)) {
		ret = dc_fail(err, -EINVAL, "lzma: bad range coder start");
	} else {
		lzma_reset_state(d);
		ret = lzma_decode(d, out_v, out_cap, &pos, limit, 0,
				  usize == UINT64_MAX, err);
		if (ret == LZMA_EOS || ret == LZMA_DONE)
			ret = 0;
		if (!ret && d->pending_len)
			ret = dc_fail(err, -EINVAL, "lzma: truncated match");
	}
	xfree(d);
	if (!ret)
		*out_len = pos;
	return ret;
}
