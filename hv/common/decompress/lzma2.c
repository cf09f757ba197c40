// SPDX-License-Identifier: GPL-2.0-only
/*
 * LZMA2 chunk layer (the xz format's only compression filter). A chunk is
 * introduced by a control byte:
 *   0x00       end of data
 *   0x01/0x02  uncompressed chunk with/without dictionary reset,
 *              then a 16-bit big-endian size - 1
 *   0x80-0xFF  LZMA chunk; bits 5-6 select the reset (0 none, 1 state,
 *              2 state + new properties, 3 everything incl. dictionary),
 *              bits 0-4 are bits 16-20 of the uncompressed size - 1,
 *              followed by 16 more bits of it, the compressed size - 1
 *              (16 bits) and, for resets >= 2, a properties byte.
 * Each LZMA chunk starts a fresh range decoder which must consume exactly
 * the announced compressed size.
 */
#include "lzma.h"

int dc_lzma2_decode(struct lzma_dec *d, const uint8_t *in, size_t len,
		    size_t *in_used, uint8_t *out, size_t out_cap,
		    size_t *out_pos, const char **err)
{
	size_t i = 0, pos = *out_pos, dict_start = pos;
	bool need_dict = true, need_props = true, need_state = true;
	int ret = 0;

	d->pending_len = 0;
	for (;;) {
		unsigned int ctrl, reset;
		size_t usize, csize;

		if (i >= len) {
			ret = dc_fail(err, -EINVAL, "lzma2: truncated input");
			break;
		}
		ctrl = in[i++];
		if (ctrl == 0)
			break;
		if (ctrl == 1 || ctrl == 2) {
			if (d->pending_len) {
				ret = dc_fail(err, -EINVAL,
					      "lzma2: match cut by chunk");
				break;
			}
			if (ctrl == 1) {
				dict_start = pos;
				need_dict = false;
				need_state = true;
			} else if (need_dict) {
				ret = dc_fail(
					err, -EINVAL,
					"lzma2: missing dictionary reset");
				break;
			}
			if (len - i < 2) {
				ret = dc_fail(err, -EINVAL,
					      "lzma2: truncated input");
				break;
			}
			usize = ((size_t)in[i] << 8 | in[i + 1]) + 1;
			i += 2;
			if (len - i < usize) {
				ret = dc_fail(err, -EINVAL,
					      "lzma2: truncated input");
				break;
			}
			if (usize > out_cap - pos) {
				ret = dc_fail(err, -ENOSPC,
					      "lzma2: output buffer too small");
				break;
			}
			memcpy(out + pos, in + i, usize);
			i += usize;
			pos += usize;
			continue;
		}
		if (ctrl < 0x80) {
			ret = dc_fail(err, -EINVAL, "lzma2: bad control byte");
			break;
		}
		reset = (ctrl >> 5) & 3;
		if (len - i < 4 + (reset >= 2)) {
			ret = dc_fail(err, -EINVAL, "lzma2: truncated input");
			break;
		}
		usize = ((size_t)(ctrl & 0x1f) << 16 | (size_t)in[i] << 8 |
			 in[i + 1]) +
			1;
		csize = ((size_t)in[i + 2] << 8 | in[i + 3]) + 1;
		i += 4;
		if (reset == 3) {
			dict_start = pos;
			need_dict = false;
		} else if (need_dict) {
			ret = dc_fail(err, -EINVAL,
				      "lzma2: missing dictionary reset");
			break;
		}
		if (reset >= 2) {
			if (lzma_set_props(d, in[i++])) {
				ret = dc_fail(err, -EINVAL,
					      "lzma2: bad properties");
				break;
			}
			need_props = false;
		} else if (need_props) {
			ret = dc_fail(err, -EINVAL,
				      "lzma2: missing properties");
			break;
		}
		if (reset >= 1) {
			lzma_reset_state(d);
			need_state = false;
		} else if (need_state) {
			ret = dc_fail(err, -EINVAL,
				      "lzma2: missing state reset");
			break;
		}
		if (csize > len - i) {
			ret = dc_fail(err, -EINVAL, "lzma2: truncated input");
			break;
		}
		if (usize > out_cap - pos) {
			ret = dc_fail(err, -ENOSPC,
				      "lzma2: output buffer too small");
			break;
		}
		if (lzma_rc_init(d, in + i, csize)) {
			ret = dc_fail(err, -EINVAL, "lzma2: bad chunk start");
			break;
		}
		ret = lzma_decode(d, out, out_cap, &pos, pos + usize,
				  dict_start, false, err);
		if (ret < 0)
			break;
		if (d->rc.in != in + i + csize || !lzma_rc_finished(d)) {
			ret = dc_fail(err, -EINVAL,
				      "lzma2: compressed size mismatch");
			break;
		}
		i += csize;
	}
	if (!ret && d->pending_len)
		ret = dc_fail(err, -EINVAL, "lzma2: match beyond end of data");
	*out_pos = pos;
	if (!ret)
		*in_used = i;
	return ret;
}
