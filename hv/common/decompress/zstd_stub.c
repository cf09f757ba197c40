// SPDX-License-Identifier: GPL-2.0-only
/* Placeholder until the zstd decoder lands. */
#include "dc_internal.h"

int unzstd(const void *in, size_t in_len, void *out, size_t out_cap,
	   size_t *out_len, const char **err)
{
	(void)in;
	(void)in_len;
	(void)out;
	(void)out_cap;
	*out_len = 0;
	return dc_fail(err, -ENOTSUP, "zstd: not supported yet");
}
