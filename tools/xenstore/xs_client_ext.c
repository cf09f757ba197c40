// SPDX-License-Identifier: GPL-2.0
/* The newer feature and quota calls; see xs_client_ext.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs_client_ext.h"
#include "xs_client_internal.h"

/* Message types 23..26 (docs/misc/xenstore.txt); not in 4.17's header. */
#define T_GET_FEATURE 23
#define T_SET_FEATURE 24
#define T_GET_QUOTA 25
#define T_SET_QUOTA 26

/* Sends up to three string arguments. */
static char *talk_args(struct xs_handle *h, int type, const char *a,
		       const char *b, const char *c)
{
	const char *args[3] = { a, b, c };
	struct iovec iov[3];
	unsigned int n = 0;

	while (n < 3 && args[n]) {
		iov[n].iov_base = (void *)args[n];
		iov[n].iov_len = strlen(args[n]) + 1;
		n++;
	}
	return talkv(h, XBT_NULL, (enum xsd_sockmsg_type)type, iov, n, NULL);
}

static bool to_uint(char *reply, unsigned int *value)
{
	char *end;
	unsigned long v;

	if (!reply)
		return false;
	v = strtoul(reply, &end, 10);
	if (*end || end == reply) {
		free(reply);
		errno = EPROTO;
		return false;
	}
	free(reply);
	*value = v;
	return true;
}

static bool to_ok(char *reply)
{
	free(reply);
	return reply != NULL;
}

bool xs_get_features_supported(struct xs_handle *h, unsigned int *features)
{
	return to_uint(talkv(h, XBT_NULL, (enum xsd_sockmsg_type)T_GET_FEATURE,
			     NULL, 0, NULL),
		       features);
}

bool xs_get_features_domain(struct xs_handle *h, unsigned int domid,
			    unsigned int *features)
{
	char d[16];

	snprintf(d, sizeof(d), "%u", domid);
	return to_uint(talk_args(h, T_GET_FEATURE, d, NULL, NULL), features);
}

bool xs_set_features_domain(struct xs_handle *h, unsigned int domid,
			    unsigned int features)
{
	char d[16], f[16];

	snprintf(d, sizeof(d), "%u", domid);
	snprintf(f, sizeof(f), "%u", features);
	return to_ok(talk_args(h, T_SET_FEATURE, d, f, NULL));
}

char **xs_get_quota_names(struct xs_handle *h, unsigned int *num)
{
	char *r = talkv(h, XBT_NULL, (enum xsd_sockmsg_type)T_GET_QUOTA, NULL,
			0, NULL);
	char **vec;
	size_t i, len;

	if (!r)
		return NULL;
	/* blank-separated names become NUL-separated strings */
	len = strlen(r);
	for (i = 0; i < len; i++)
		if (r[i] == ' ')
			r[i] = '\0';
	vec = split_strings(r, len + 1, num);
	free(r);
	return vec;
}

bool xs_get_global_quota(struct xs_handle *h, char *quota, unsigned int *value)
{
	return to_uint(talk_args(h, T_GET_QUOTA, quota, NULL, NULL), value);
}

bool xs_set_global_quota(struct xs_handle *h, char *quota, unsigned int value)
{
	char v[16];

	snprintf(v, sizeof(v), "%u", value);
	return to_ok(talk_args(h, T_SET_QUOTA, quota, v, NULL));
}

bool xs_get_domain_quota(struct xs_handle *h, unsigned int domid, char *quota,
			 unsigned int *value)
{
	char d[16];

	snprintf(d, sizeof(d), "%u", domid);
	return to_uint(talk_args(h, T_GET_QUOTA, d, quota, NULL), value);
}

bool xs_set_domain_quota(struct xs_handle *h, unsigned int domid, char *quota,
			 unsigned int value)
{
	char d[16], v[16];

	snprintf(d, sizeof(d), "%u", domid);
	snprintf(v, sizeof(v), "%u", value);
	return to_ok(talk_args(h, T_SET_QUOTA, d, quota, v));
}
