// SPDX-License-Identifier: GPL-2.0
/*
 * Tree requests: READ, WRITE, MKDIR, RM (the others are in ops_*.c),
 * and the dispatcher for every message type.
 * Handlers return 0 after queueing their reply, or an errno value that
 * the dispatcher sends as Xen's error string.
 */
#include <stdlib.h>
#include <string.h>

#include "ops.h"

int reply(struct req *r, const void *d, unsigned int len)
{
	return conn_send(r->c, r->h->type, r->h->req_id, r->h->tx_id, d, len);
}

int reply_str(struct req *r, const char *s)
{
	return reply(r, s, strlen(s) + 1);
}

int ack(struct req *r)
{
	return reply_str(r, "OK");
}

/* The payload must be exactly one NUL-terminated string. */
const char *onearg(struct req *r)
{
	if (!r->len || memchr(r->data, '\0', r->len) != r->data + r->len - 1)
		return NULL;
	return r->data;
}

/*
 * ENOENT for a missing node, unless the nearest existing ancestor grants
 * none of the wanted rights: then EACCES, so existence does not leak
 * (Xen's rule).
 */
static int missing_errno(struct req *r, const char *path, unsigned int want)
{
	char buf[PATH_BUF];
	struct node *n;

	strcpy(buf, path);
	do {
		path_parent(buf, buf);
		n = tree_lookup(r->c, r->t, buf);
	} while (!n && strcmp(buf, "/"));
	if (n && !(perm_for(r->c, n) & want))
		return EACCES;
	return ENOENT;
}

int get_node_sp(struct req *r, const char *in, unsigned int want, char *path,
		struct node **out, bool allow_special)
{
	struct node *n;
	int err;

	if (!in)
		return EINVAL;
	err = canon_path(r->c, in, path, allow_special);
	if (err)
		return err;
	n = tree_lookup(r->c, r->t, path);
	if (!n)
		return path[0] == '@' ? ENOENT : missing_errno(r, path, want);
	if ((perm_for(r->c, n) & want) != want)
		return EACCES;
	*out = n;
	return 0;
}

static bool node_too_big(struct req *r, unsigned int vlen, unsigned int clen,
			 unsigned int nperms)
{
	return !r->c->privileged &&
	       quota_exceeded(domain_quota(r->c->domid, Q_NODE_SIZE),
			      vlen + clen + nperms * sizeof(struct perm));
}

int get_node(struct req *r, const char *in, unsigned int want, char *path,
	     struct node **out)
{
	return get_node_sp(r, in, want, path, out, false);
}

/* Creates path and any missing ancestors, then sets its value. */
static int create_node(struct req *r, const char *path, const char *val,
		       unsigned int vlen)
{
	char parent[PATH_BUF];
	struct node *anc, *p, *n;
	unsigned int missing = 0, i;
	size_t cut[XENSTORE_ABS_PATH_MAX / 2 + 2];
	int err;

	strcpy(parent, path);
	for (;;) {
		cut[missing++] = strlen(parent);
		path_parent(parent, parent);
		anc = tree_lookup(r->c, r->t, parent);
		if (anc || !strcmp(parent, "/"))
			break;
	}
	if (!anc)
		return ENOENT; /* no root: cannot happen */
	if (!(perm_for(r->c, anc) & PERM_WRITE))
		return EACCES;
	if (!r->c->privileged &&
	    quota_exceeded(domain_quota(r->c->domid, Q_NODES),
			   domain_nodes(r->c->domid) +
				   trans_nodes_delta(r->t, r->c->domid) +
				   missing))
		return ENOSPC;
	if (node_too_big(r, vlen, 0, anc->nperms))
		return ENOSPC;
	/* Top-down: each new node joins its parent's list, inherits the
	 * parent's permissions, and is owned by an unprivileged creator. */
	for (i = missing; i-- > 0;) {
		char sub[PATH_BUF];

		memcpy(sub, path, cut[i]);
		sub[cut[i]] = '\0';
		path_parent(sub, parent);
		p = tree_lookup(r->c, r->t, parent);
		if (!p)
			return ENOENT;
		p = node_dup(p);
		if (!p || node_add_child(p, path_basename(sub))) {
			node_free(p);
			return ENOMEM;
		}
		n = node_new(sub, p->perms, p->nperms);
		err = tree_store(r->c, r->t, p);
		if (err || !n) {
			node_free(n);
			return err ? err : ENOMEM;
		}
		if (!r->c->privileged)
			n->perms[0].id = r->c->domid;
		if (i == 0 && node_set_value(n, val, vlen)) {
			node_free(n);
			return ENOMEM;
		}
		err = tree_store(r->c, r->t, n);
		if (err)
			return err;
	}
	return 0;
}

static int do_read(struct req *r)
{
	char path[PATH_BUF];
	struct node *n;
	int err = get_node(r, onearg(r), PERM_READ, path, &n);

	return err ? err : reply(r, n->value, n->vlen);
}

static int do_write(struct req *r)
{
	char path[PATH_BUF];
	const char *nul = memchr(r->data, '\0', r->len);
	const char *val;
	unsigned int vlen;
	struct node *n;
	int err;

	if (!nul)
		return EINVAL;
	val = nul + 1;
	vlen = r->len - (val - r->data);
	err = get_node(r, r->data, PERM_WRITE, path, &n);
	if (err == ENOENT) {
		err = create_node(r, path, val, vlen);
	} else if (!err) {
		if (node_too_big(r, vlen, n->clen, n->nperms))
			return ENOSPC;
		n = node_dup(n);
		if (!n || node_set_value(n, val, vlen)) {
			node_free(n);
			return ENOMEM;
		}
		err = tree_store(r->c, r->t, n);
	}
	if (err)
		return err;
	record_change(r->c, r->t, path, false, NULL, 0);
	return ack(r);
}

static int do_mkdir(struct req *r)
{
	char path[PATH_BUF];
	struct node *n;
	int err = get_node(r, onearg(r), PERM_WRITE, path, &n);

	if (!err)
		return ack(r);
	if (err != ENOENT)
		return err;
	err = create_node(r, path, "", 0);
	if (err)
		return err;
	record_change(r->c, r->t, path, false, NULL, 0);
	return ack(r);
}

/*
 * Removes path and its subtree, children first.  Each removed node fires
 * the watches set exactly on it, the root also those above it, with the
 * node's permissions as they were.  Heap buffers keep deep trees off the
 * stack.
 */
static int remove_subtree(struct req *r, const char *path, bool is_root)
{
	struct node *n = tree_lookup(r->c, r->t, path);
	char *kids, *k, *sub;
	struct perm *perms;
	unsigned int clen, np;
	int err = 0;

	if (!n)
		return 0;
	clen = n->clen;
	np = n->nperms;
	kids = malloc(clen + 1);
	sub = malloc(strlen(path) + XENSTORE_ABS_PATH_MAX + 2);
	perms = malloc(np * sizeof(*perms));
	if (!kids || !sub || !perms) {
		err = ENOMEM;
		goto out;
	}
	if (clen)
		memcpy(kids, n->children, clen);
	memcpy(perms, n->perms, np * sizeof(*perms));
	for (k = kids; !err && k < kids + clen; k += strlen(k) + 1) {
		sprintf(sub, "%s/%s", path, k);
		err = remove_subtree(r, sub, false);
	}
	if (!err)
		err = tree_remove(r->c, r->t, path);
	if (!err)
		record_change(r->c, r->t, path, !is_root, perms, np);
out:
	free(kids);
	free(sub);
	free(perms);
	return err;
}

static int do_rm(struct req *r)
{
	char path[PATH_BUF], parent[PATH_BUF];
	struct node *n, *p;
	int err = get_node(r, onearg(r), PERM_WRITE, path, &n);

	if (err == ENOENT) {
		/* Removing a missing node is fine if its parent exists. */
		path_parent(path, parent);
		if (tree_lookup(r->c, r->t, parent))
			return ack(r);
		return ENOENT;
	}
	if (err)
		return err;
	if (!strcmp(path, "/"))
		return EINVAL;
	path_parent(path, parent);
	p = tree_lookup(r->c, r->t, parent);
	p = p ? node_dup(p) : NULL;
	if (!p)
		return ENOMEM;
	err = remove_subtree(r, path, true);
	if (err) {
		node_free(p);
		return err;
	}
	node_del_child(p, path_basename(path));
	err = tree_store(r->c, r->t, p);
	return err ? err : ack(r);
}

#define F_PRIV 1  /* dom0 / local socket only */
#define F_NOTID 2 /* ignores the header's transaction id */

static const struct {
	int (*fn)(struct req *r);
	unsigned int flags;
} handlers[KXS_TYPE_COUNT] = {
	[XS_CONTROL] = { do_control, F_PRIV },
	[XS_DIRECTORY] = { do_directory, 0 },
	[XS_READ] = { do_read, 0 },
	[XS_GET_PERMS] = { do_get_perms, 0 },
	[XS_WATCH] = { do_watch, F_NOTID },
	[XS_UNWATCH] = { do_unwatch, F_NOTID },
	[XS_TRANSACTION_START] = { do_transaction_start, 0 },
	[XS_TRANSACTION_END] = { do_transaction_end, 0 },
	[XS_INTRODUCE] = { do_introduce, F_PRIV },
	[XS_RELEASE] = { do_release, F_PRIV },
	[XS_GET_DOMAIN_PATH] = { do_get_domain_path, 0 },
	[XS_WRITE] = { do_write, 0 },
	[XS_MKDIR] = { do_mkdir, 0 },
	[XS_RM] = { do_rm, 0 },
	[XS_SET_PERMS] = { do_set_perms, 0 },
	[XS_IS_DOMAIN_INTRODUCED] = { do_is_domain_introduced, F_PRIV },
	[XS_RESUME] = { do_resume, F_PRIV },
	[XS_SET_TARGET] = { do_set_target, F_PRIV },
	[XS_RESET_WATCHES] = { do_reset_watches, 0 },
	[XS_DIRECTORY_PART] = { do_directory_part, 0 },
	[KXS_GET_FEATURE] = { do_get_feature, 0 },
	[KXS_SET_FEATURE] = { do_set_feature, F_PRIV },
	[KXS_GET_QUOTA] = { do_get_quota, F_PRIV },
	[KXS_SET_QUOTA] = { do_set_quota, F_PRIV },
};

void process_message(struct conn *c, const struct xsd_sockmsg *hdr,
		     const char *data)
{
	struct req r = { c, NULL, hdr, data, hdr->len };
	const char *e;
	int err;

	if (hdr->type >= KXS_TYPE_COUNT || !handlers[hdr->type].fn) {
		err = ENOSYS;
	} else if ((handlers[hdr->type].flags & F_PRIV) && !c->privileged) {
		err = EACCES;
	} else if (!(handlers[hdr->type].flags & F_NOTID) && hdr->tx_id &&
		   !(r.t = trans_find(c, hdr->tx_id))) {
		err = ENOENT;
	} else {
		err = handlers[hdr->type].fn(&r);
	}
	if (!err)
		return;
	e = xs_errname(err);
	conn_send(c, XS_ERROR, hdr->req_id, hdr->tx_id, e, strlen(e) + 1);
}
