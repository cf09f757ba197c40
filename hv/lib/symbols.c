// SPDX-License-Identifier: GPL-2.0-only
/*
 * Symbol lookup over the table the build generates from the linked image
 * (scripts/gen-symbols.sh): addresses sorted ascending, names packed in
 * one string block. The image is linked twice; the table sits in .rodata
 * after all code, so adding it moves no function.
 */
#include <hv/types.h>
#include <hv/symbols.h>

extern const uint64_t hv_symbol_addrs[];
extern const uint32_t hv_symbol_names[];
extern const char hv_symbol_strings[];
extern const unsigned int hv_nr_symbols;

const char *symbol_lookup(uint64_t addr, uint64_t *offset)
{
	unsigned int lo = 0, hi = hv_nr_symbols;

	if (!hv_nr_symbols || addr < hv_symbol_addrs[0])
		return NULL;
	while (hi - lo > 1) { /* last symbol at or below addr */
		unsigned int mid = (lo + hi) / 2;

		if (hv_symbol_addrs[mid] <= addr)
			lo = mid;
		else
			hi = mid;
	}
	*offset = addr - hv_symbol_addrs[lo];
	return hv_symbol_strings + hv_symbol_names[lo];
}
