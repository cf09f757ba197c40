// SPDX-License-Identifier: GPL-2.0
/*
 * Permission strings on the wire: one letter (n none, r read, w write,
 * b both) followed by a decimal domain id, e.g. "r5".
 */
#include <stdio.h>
#include <stdlib.h>

#include "xenstored.h"

int perm_parse(const char *s, struct perm *out)
{
	unsigned long id;

	switch (s[0]) {
	case 'n':
		out->p = PERM_NONE;
		break;
	case 'r':
		out->p = PERM_READ;
		break;
	case 'w':
		out->p = PERM_WRITE;
		break;
	case 'b':
		out->p = PERM_READ | PERM_WRITE;
		break;
	default:
		return EINVAL;
	}
	if (wire_parse_uint(s + 1, UINT32_MAX, &id))
		return EINVAL;
	out->id = id;
	return 0;
}

int perm_format(const struct perm *p, char *buf, size_t len)
{
	static const char letters[] = { 'n', 'r', 'w', 'b' };

	return snprintf(buf, len, "%c%u", letters[p->p & 3], p->id);
}
