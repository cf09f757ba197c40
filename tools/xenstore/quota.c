// SPDX-License-Identifier: GPL-2.0
/*
 * Global quota values (the defaults for new domains).  Quotas bind only
 * unprivileged domains; dom0 and the local socket are exempt, as in Xen.
 * A limit of 0 disables the check.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

unsigned int quota_global[Q_COUNT];

static const struct {
	const char *name;
	unsigned int def; /* Xen 4.17's default */
} quotas[Q_COUNT] = {
	[Q_NODES] = { "nodes", 1000 },
	[Q_WATCHES] = { "watches", 128 },
	[Q_TRANSACTIONS] = { "transactions", 10 },
	[Q_NODE_SIZE] = { "node-size", 2048 },
	[Q_PERMS] = { "permissions", 5 },
	[Q_OUTSTANDING] = { "outstanding", 20 },
	[Q_TRANS_NODES] = { "transaction-nodes", 1024 },
	[Q_PATH_MAX] = { "path-max", XENSTORE_REL_PATH_MAX },
};

const char *quota_name(enum quota_id q)
{
	return quotas[q].name;
}

int quota_lookup(const char *name)
{
	int i;

	for (i = 0; i < Q_COUNT; i++)
		if (!strcmp(quotas[i].name, name))
			return i;
	/* the names newer Xen uses for -Q */
	if (!strcmp(name, "node-permissions"))
		return Q_PERMS;
	if (!strcmp(name, "path-length"))
		return Q_PATH_MAX;
	return -1;
}

void quota_defaults(void)
{
	int i;

	for (i = 0; i < Q_COUNT; i++)
		quota_global[i] = quotas[i].def;
}

int quota_set_option(const char *arg)
{
	const char *eq = strchr(arg, '=');
	char name[32];
	unsigned long v;
	int q;

	if (!eq || (size_t)(eq - arg) >= sizeof(name))
		return EINVAL;
	memcpy(name, arg, eq - arg);
	name[eq - arg] = '\0';
	q = quota_lookup(name);
	if (q < 0 || wire_parse_uint(eq + 1, UINT32_MAX, &v))
		return EINVAL;
	quota_global[q] = v;
	return 0;
}

bool quota_exceeded(unsigned int limit, unsigned long value)
{
	return limit && value > limit;
}
