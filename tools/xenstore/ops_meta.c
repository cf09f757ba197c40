// SPDX-License-Identifier: GPL-2.0
/*
 * Requests about a node rather than its value: DIRECTORY,
 * DIRECTORY_PART, GET_PERMS and SET_PERMS.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops.h"

int do_directory(struct req *r)
{
	char path[PATH_BUF];
	struct node *n;
	int err = get_node(r, onearg(r), PERM_READ, path, &n);

	if (err)
		return err;
	if (n->clen > XENSTORE_PAYLOAD_MAX)
		return E2BIG;
	return reply(r, n->children, n->clen);
}

int do_directory_part(struct req *r)
{
	char path[PATH_BUF], buf[XENSTORE_PAYLOAD_MAX];
	const char *vec[2];
	unsigned long off;
	unsigned int used, l;
	const char *k;
	struct node *n;
	int err;

	if (wire_split(r->data, r->len, vec, 2) != 2)
		return EINVAL;
	err = get_node(r, vec[0], PERM_READ, path, &n);
	if (err)
		return err;
	/* Like Xen: a lenient decimal offset; past the end is an empty list. */
	off = strtoul(vec[1], NULL, 10);
	used = sprintf(buf, "%llu", (unsigned long long)n->gen) + 1;
	if (off >= n->clen) {
		buf[used++] = '\0';
		return reply(r, buf, used);
	}
	/* Whole names only; an extra NUL marks the end of the list. */
	for (k = n->children + off; k < n->children + n->clen; k += l) {
		l = strnlen(k, n->children + n->clen - k) + 1;
		if (used + l + 1 > sizeof(buf))
			return reply(r, buf, used);
		memcpy(buf + used, k, l);
		used += l;
	}
	buf[used++] = '\0';
	return reply(r, buf, used);
}

int do_get_perms(struct req *r)
{
	char path[PATH_BUF], buf[XENSTORE_PAYLOAD_MAX];
	unsigned int used = 0, i;
	struct node *n;
	int err = get_node_sp(r, onearg(r), PERM_READ, path, &n, true);

	if (err)
		return err;
	for (i = 0; i < n->nperms; i++) {
		if (used + 16 > sizeof(buf))
			return E2BIG;
		used += perm_format(&n->perms[i], buf + used, 16) + 1;
	}
	return reply(r, buf, used);
}

int do_set_perms(struct req *r)
{
	char path[PATH_BUF];
	const char *vec[XENSTORE_PAYLOAD_MAX / 2];
	struct perm perms[XENSTORE_PAYLOAD_MAX / 2],
		old[XENSTORE_PAYLOAD_MAX / 2];
	unsigned int old_n;
	int num = wire_split(r->data, r->len, vec, XENSTORE_PAYLOAD_MAX / 2);
	struct node *n;
	int i, err;

	if (num < 2)
		return EINVAL;
	for (i = 1; i < num; i++)
		if (perm_parse(vec[i], &perms[i - 1]))
			return EINVAL;
	num--;
	if (!r->c->privileged &&
	    quota_exceeded(domain_quota(r->c->domid, Q_PERMS), num))
		return ENOSPC;
	err = get_node_sp(r, vec[0], PERM_WRITE | PERM_OWNER, path, &n, true);
	if (err)
		return err;
	/* Only privileged callers may give a node away. */
	if (!r->c->privileged && perms[0].id != n->perms[0].id)
		return EPERM;
	old_n = n->nperms < XENSTORE_PAYLOAD_MAX / 2 ? n->nperms : 0;
	memcpy(old, n->perms, old_n * sizeof(*old));
	n = node_dup(n);
	if (!n || node_set_perms(n, perms, num)) {
		node_free(n);
		return ENOMEM;
	}
	err = tree_store(r->c, r->t, n);
	if (err)
		return err;
	record_change(r->c, r->t, path, false, old, old_n);
	return ack(r);
}
