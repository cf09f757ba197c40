/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Small-object allocator (hv/common/xmalloc.c). Returns NULL when memory
 * runs out; callers must check. Host unit tests map it onto libc.
 */
#ifndef HV_XMALLOC_H
#define HV_XMALLOC_H

#include <hv/types.h>

#if defined(HV_HOST_TEST) && !defined(HV_XMALLOC_IMPL)
#include <stdlib.h>
#define xmalloc(n) malloc(n)
#define xzalloc(n) calloc(1, (n))
#define xfree(p) free(p)
#else
void *xmalloc(size_t size);
void *xzalloc(size_t size);
void xfree(void *p);
#endif

#endif
