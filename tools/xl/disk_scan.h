/* SPDX-License-Identifier: GPL-2.0-only */
/* Krypton xl: the scanner rules of disk specifications (disk_scan.c). */
#ifndef KRYPTON_XL_DISK_SCAN_H
#define KRYPTON_XL_DISK_SCAN_H

#include <stddef.h>

/* In Xen's rule order, which breaks ties between equal-length matches. */
enum disk_rule {
	R_WS,
	R_FORMAT,
	R_CDROM,
	R_DEVTYPE_CDROM,
	R_DEVTYPE_DISK,
	R_DEVTYPE_OTHER,
	R_ACCESS,
	R_BACKEND,
	R_BACKENDTYPE,
	R_SPECIFICATION,
	R_VDEV,
	R_SCRIPT,
	R_DIRECT_IO_SAFE,
	R_DISCARD,
	R_NO_DISCARD,
	R_COLO,
	R_NO_COLO,
	R_COLO_HOST,
	R_COLO_PORT,
	R_COLO_EXPORT,
	R_ACTIVE_DISK,
	R_HIDDEN_DISK,
	R_TRUSTED,
	R_UNTRUSTED,
	R_TARGET,
	R_UNKNOWN_PARAM,
	R_FORMAT_PREFIX,
	R_SCRIPT_PREFIX,
	R_TAPDISK,
	R_TAP,
	R_AIO,
	R_IOEMU,
	R_FILE,
	R_PHY,
	R_BAD_PREFIX,
	R_POSITIONAL,
	R_COUNT
};

size_t disk_scan_next(const char *s, enum disk_rule *rule);

#endif
