// SPDX-License-Identifier: GPL-2.0
/*
 * The tree as one connection sees it: the global store, or the global
 * store overlaid by one of its transactions.  Also path canonicalisation
 * and the permission rule.
 *
 * Transaction invariant: every node a transaction reads or writes is first
 * copied into t->seen together with its generation (an "absent" marker with
 * generation 0 if it did not exist).  Later reads return that copy, so the
 * transaction sees a stable snapshot; commit fails with EAGAIN if any of
 * those generations changed in the global store meanwhile.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

struct store db;
uint64_t db_gen;
bool db_dirty;

static const struct perm root_perm = { 0, PERM_NONE };

static void db_add(const char *path, const char *child)
{
	struct node *n = node_new(path, &root_perm, 1);

	if (!n || (child && node_add_child(n, child)))
		abort();
	n->gen = ++db_gen;
	store_put(&db, n);
	domain_nodes_adjust(0, 1);
}

void db_init(void)
{
	store_init(&db);
	db_add("/", "tool");
	db_add("/tool", "xenstored");
	db_add("/tool/xenstored", NULL);
	/* Special nodes: outside the tree, their permissions say who may
	 * watch domain introduction and release. */
	db_add("@introduceDomain", NULL);
	db_add("@releaseDomain", NULL);
}

void db_ensure_specials(void)
{
	if (!store_get(&db, "@introduceDomain"))
		db_add("@introduceDomain", NULL);
	if (!store_get(&db, "@releaseDomain"))
		db_add("@releaseDomain", NULL);
}

void db_reset(void)
{
	store_free(&db);
	domain_free_all();
	db_init();
}

struct node *tree_lookup(struct conn *c, struct transaction *t,
			 const char *path)
{
	struct node *n, *copy;

	(void)c;
	if (!t)
		return store_get(&db, path);
	n = store_get(&t->overlay, path);
	if (!n)
		n = store_get(&t->seen, path);
	if (n)
		return n->absent ? NULL : n;
	n = store_get(&db, path);
	copy = n ? node_dup(n) : node_new(path, NULL, 0);
	if (!copy) {
		t->failed = true; /* cannot track it: force EAGAIN */
		return n;
	}
	if (!n)
		copy->absent = true;
	store_put(&t->seen, copy);
	return n ? copy : NULL;
}

static void account(struct transaction *t, uint32_t domid, int delta)
{
	if (t)
		trans_node_delta(t, domid, delta);
	else
		domain_nodes_adjust(domid, delta);
}

int tree_store(struct conn *c, struct transaction *t, struct node *n)
{
	struct node *old = tree_lookup(c, t, n->path);
	uint32_t owner = n->perms[0].id;

	if (t && c && !c->privileged &&
	    quota_exceeded(domain_quota(c->domid, Q_TRANS_NODES),
			   t->overlay.count + t->seen.count)) {
		node_free(n);
		return ENOSPC;
	}
	if (!old) {
		account(t, owner, 1);
	} else if (old->perms[0].id != owner) {
		account(t, old->perms[0].id, -1);
		account(t, owner, 1);
	}
	n->absent = false;
	if (t) {
		store_put(&t->overlay, n);
	} else {
		n->gen = ++db_gen;
		store_put(&db, n);
		db_dirty = true;
	}
	return 0;
}

int tree_remove(struct conn *c, struct transaction *t, const char *path)
{
	struct node *old = tree_lookup(c, t, path), *tomb;

	if (!old)
		return 0;
	account(t, old->perms[0].id, -1);
	if (t) {
		tomb = node_new(path, NULL, 0);
		if (!tomb)
			return ENOMEM;
		tomb->absent = true;
		store_put(&t->overlay, tomb);
	} else {
		store_del(&db, path);
		db_gen++;
		db_dirty = true;
	}
	return 0;
}

unsigned int perm_for(const struct conn *c, const struct node *n)
{
	const struct domain *d;
	uint32_t target = NO_TARGET;
	unsigned int i;

	if (!c || c->privileged)
		return PERM_ALL;
	d = domain_find(c->domid);
	if (d)
		target = d->target;
	if (n->perms[0].id == c->domid || n->perms[0].id == target)
		return PERM_ALL;
	for (i = 1; i < n->nperms; i++)
		if (n->perms[i].id == c->domid || n->perms[i].id == target)
			return n->perms[i].p;
	return n->perms[0].p;
}

static bool valid_chars(const char *s)
{
	for (; *s; s++) {
		char ch = *s;

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		      (ch >= '0' && ch <= '9') || ch == '-' || ch == '/' ||
		      ch == '_' || ch == '@'))
			return false;
	}
	return true;
}

int canon_path(const struct conn *c, const char *in, char *out,
	       bool allow_special)
{
	size_t len = strlen(in), prefix = 0;
	uint32_t domid = c ? c->domid : 0;

	if (in[0] == '@') {
		/* Xen checks only the length of special names */
		if (!allow_special || len > XENSTORE_REL_PATH_MAX)
			return EINVAL;
		memcpy(out, in, len + 1);
		return 0;
	}
	if (in[0] != '/') {
		if (len > XENSTORE_REL_PATH_MAX)
			return EINVAL;
		prefix = sprintf(out, "/local/domain/%u/", domid);
		memcpy(out + prefix, in, len + 1);
	} else {
		if (len > XENSTORE_ABS_PATH_MAX)
			return EINVAL;
		memcpy(out, in, len + 1);
		if (!strncmp(out, "/local/domain/", 14)) {
			const char *p = out + 14;

			while (*p >= '0' && *p <= '9')
				p++;
			if (*p == '/')
				prefix = p + 1 - out;
		}
	}
	len = strlen(out);
	if (len > 1 && out[len - 1] == '/')
		return EINVAL;
	if (strstr(out, "//") || !valid_chars(out))
		return EINVAL;
	if (c && !c->privileged &&
	    quota_exceeded(domain_quota(domid, Q_PATH_MAX), len - prefix))
		return EINVAL;
	return 0;
}

void record_change(struct conn *c, struct transaction *t, const char *path,
		   bool exact, const struct perm *perms, unsigned int nperms)
{
	struct change *ch;

	(void)c;
	if (!t) {
		watch_fire(path, exact, perms, nperms);
		return;
	}
	ch = calloc(1, sizeof(*ch) + strlen(path) + 1);
	if (!ch) {
		t->failed = true;
		return;
	}
	ch->exact = exact;
	if (perms && nperms) {
		ch->perms = malloc(nperms * sizeof(*perms));
		if (!ch->perms) {
			free(ch);
			t->failed = true;
			return;
		}
		memcpy(ch->perms, perms, nperms * sizeof(*perms));
		ch->nperms = nperms;
	}
	strcpy(ch->path, path);
	ch->next = t->changes;
	t->changes = ch;
}
