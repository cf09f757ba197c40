// SPDX-License-Identifier: GPL-2.0
/*
 * Message framing helpers: header validation, payload splitting into
 * NUL-terminated arguments, strict number parsing and the error and type
 * names of the protocol.
 */
#include <string.h>

#include "xenstored.h"

const char *xs_errname(int err)
{
	unsigned int i;

	for (i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++)
		if (xsd_errors[i].errnum == err)
			return xsd_errors[i].errstring;
	/* Anything else is reported like Xen does for unknown errors. */
	return "EINVAL";
}

static const char *const type_names[KXS_TYPE_COUNT] = {
	[XS_CONTROL] = "CONTROL",
	[XS_DIRECTORY] = "DIRECTORY",
	[XS_READ] = "READ",
	[XS_GET_PERMS] = "GET_PERMS",
	[XS_WATCH] = "WATCH",
	[XS_UNWATCH] = "UNWATCH",
	[XS_TRANSACTION_START] = "TRANSACTION_START",
	[XS_TRANSACTION_END] = "TRANSACTION_END",
	[XS_INTRODUCE] = "INTRODUCE",
	[XS_RELEASE] = "RELEASE",
	[XS_GET_DOMAIN_PATH] = "GET_DOMAIN_PATH",
	[XS_WRITE] = "WRITE",
	[XS_MKDIR] = "MKDIR",
	[XS_RM] = "RM",
	[XS_SET_PERMS] = "SET_PERMS",
	[XS_WATCH_EVENT] = "WATCH_EVENT",
	[XS_ERROR] = "ERROR",
	[XS_IS_DOMAIN_INTRODUCED] = "IS_DOMAIN_INTRODUCED",
	[XS_RESUME] = "RESUME",
	[XS_SET_TARGET] = "SET_TARGET",
	[XS_RESET_WATCHES] = "RESET_WATCHES",
	[XS_DIRECTORY_PART] = "DIRECTORY_PART",
	[KXS_GET_FEATURE] = "GET_FEATURE",
	[KXS_SET_FEATURE] = "SET_FEATURE",
	[KXS_GET_QUOTA] = "GET_QUOTA",
	[KXS_SET_QUOTA] = "SET_QUOTA",
};

const char *xs_typename(uint32_t type)
{
	if (type < KXS_TYPE_COUNT && type_names[type])
		return type_names[type];
	return "UNKNOWN";
}

int wire_split(const char *data, unsigned int len, const char **vec, int max)
{
	unsigned int off = 0;
	int n = 0;

	while (off < len) {
		const char *nul = memchr(data + off, '\0', len - off);

		if (!nul)
			return -1; /* last argument not terminated */
		if (n < max)
			vec[n] = data + off;
		n++;
		off = nul - data + 1;
	}
	return n;
}

int wire_parse_uint(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v = 0;

	if (!*s)
		return EINVAL;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return EINVAL;
		v = v * 10 + (*s - '0');
		if (v > max)
			return EINVAL;
	}
	*out = v;
	return 0;
}

bool wire_header_valid(const struct xsd_sockmsg *h)
{
	return h->len <= XENSTORE_PAYLOAD_MAX;
}
