/* SPDX-License-Identifier: GPL-2.0-only */
/* The hypervisor's own function symbols, for readable backtraces. */
#ifndef HV_SYMBOLS_H
#define HV_SYMBOLS_H

#include <hv/types.h>

/* Name of the function containing @addr and the offset into it; NULL
 * if unknown (the symbol table is generated at link time). */
const char *symbol_lookup(uint64_t addr, uint64_t *offset);

#endif
