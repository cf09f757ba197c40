// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtual disk names (xvda, hdc, sdb1, d0p1, ...) to Xen device numbers,
 * the same numbers libxl writes to xenstore; used to refuse invalid
 * names and two disks on one device.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

/*
 * Linux-style decoding of the drive letters: a..z, then aa..zz and so on
 * (bijective base 26), bounded by max_index.
 */
static bool virtdisk_matches(const char *vdev, const char *prefix, int *index,
			     int max_index, int *part, int max_part)
{
	size_t pl = strlen(prefix);
	const char *p;
	char *ep;
	long v;

	if (strncmp(vdev, prefix, pl))
		return false;
	*index = -1;
	for (p = vdev + pl; *p >= 'a' && *p <= 'z'; p++) {
		*index = (*index + 1) * 26 + (*p - 'a');
		if (*index > max_index)
			return false;
	}
	if (*index < 0)
		return false;
	if (!*p) {
		*part = 0;
		return true;
	}
	if (*p == '0' || *p < '0' || *p > '9')
		return false;
	v = strtol(p, &ep, 10);
	if (*ep || v > max_part)
		return false;
	*part = (int)v;
	return true;
}

/*
 * The Xen virtual device number for a vdev name (xvda, hdc, sdb1, d0p1,
 * or a plain number), as libxl computes it; -1 when it is not valid.
 */
int vdev_to_devnum(const char *vdev)
{
	int disk, part, used = -1;
	unsigned long ul;
	char *ep;

	if ((sscanf(vdev, "d%ip%i%n", &disk, &part, &used) >= 2 &&
	     used == (int)strlen(vdev) && disk >= 0 && disk < (1 << 20) &&
	     part >= 0 && part < 256) ||
	    virtdisk_matches(vdev, "xvd", &disk, (1 << 20) - 1, &part, 255)) {
		if (disk <= 15 && part <= 15)
			return (202 << 8) | (disk << 4) | part;
		return (1 << 28) | (disk << 8) | part;
	}
	if (*vdev >= '0' && *vdev <= '9') {
		errno = 0;
		ul = strtoul(vdev, &ep, 0);
		if (!errno && !*ep && ul <= 0x7fffffff)
			return (int)ul;
	}
	if (virtdisk_matches(vdev, "hd", &disk, 3, &part, 63))
		return ((disk < 2 ? 3 : 22) << 8) | ((disk & 1) << 6) | part;
	if (virtdisk_matches(vdev, "sd", &disk, 15, &part, 15))
		return (8 << 8) | (disk << 4) | part;
	return -1;
}
