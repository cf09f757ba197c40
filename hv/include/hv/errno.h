/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Error numbers: exactly Xen's (public/errno.h), which guests see as
 * negative hypercall return values. Host unit tests use libc's, which on
 * Linux have the same values.
 */
#ifndef HV_ERRNO_H
#define HV_ERRNO_H

#ifdef HV_HOST_TEST
#include <errno.h>
#else
#define XEN_ERRNO(name, value) name = value,
enum hv_errno {
#include <xen/errno.h>
};
#endif

#endif
