// SPDX-License-Identifier: GPL-2.0
/*
 * Watches: a (path, token) pair per connection.  A change to a node fires
 * every watch on that node or on one of its ancestors; removing a subtree
 * fires, per removed node, the watches set exactly on it (children first)
 * and then those on the subtree's root and above.  Special watches
 * ("@...") fire only by name.  Unprivileged watchers get events only for
 * nodes they may read.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

int watch_add(struct conn *c, const char *path, const char *token,
	      unsigned int rel_off)
{
	struct watch *w;

	for (w = c->watches; w; w = w->next)
		if (!strcmp(w->path, path) && !strcmp(w->token, token))
			return EEXIST;
	/* Xen compares the count before adding: quota + 1 watches fit. */
	if (!c->privileged &&
	    quota_exceeded(domain_quota(c->domid, Q_WATCHES), c->nwatches))
		return E2BIG;
	w = calloc(1, sizeof(*w));
	if (!w)
		return ENOMEM;
	w->path = strdup(path);
	w->token = strdup(token);
	if (!w->path || !w->token) {
		free(w->path);
		free(w->token);
		free(w);
		return ENOMEM;
	}
	w->rel_off = rel_off;
	w->next = c->watches;
	c->watches = w;
	c->nwatches++;
	return 0;
}

static void watch_free(struct watch *w)
{
	free(w->path);
	free(w->token);
	free(w);
}

int watch_del(struct conn *c, const char *path, const char *token)
{
	struct watch **pp, *w;

	for (pp = &c->watches; *pp; pp = &(*pp)->next) {
		w = *pp;
		if (!strcmp(w->path, path) && !strcmp(w->token, token)) {
			*pp = w->next;
			watch_free(w);
			c->nwatches--;
			return 0;
		}
	}
	return ENOENT;
}

void watch_free_all(struct conn *c)
{
	struct watch *w, *next;

	for (w = c->watches; w; w = next) {
		next = w->next;
		watch_free(w);
	}
	c->watches = NULL;
	c->nwatches = 0;
}

/* true if child is path or lies below it */
static bool is_below(const char *child, const char *path)
{
	size_t l = strlen(path);

	if (!strcmp(path, "/"))
		return child[0] == '/';
	return !strncmp(child, path, l) &&
	       (child[l] == '\0' || child[l] == '/');
}

static bool perms_allow_read(const struct conn *c, const struct perm *p,
			     unsigned int n)
{
	struct node tmp = { .perms = (struct perm *)p, .nperms = n };

	return p && n && (perm_for(c, &tmp) & PERM_READ);
}

/*
 * An unprivileged watcher hears of a change if it could read the node
 * before the change (old perms), can read it now, or can read its parent.
 */
static bool watch_permitted(const struct conn *c, const char *path,
			    const struct perm *perms, unsigned int nperms)
{
	char parent[XENSTORE_ABS_PATH_MAX + 64];
	const struct node *n;

	if (c->privileged || perms_allow_read(c, perms, nperms))
		return true;
	n = store_get(&db, path);
	if (n && (perm_for(c, n) & PERM_READ))
		return true;
	if (strlen(path) >= sizeof(parent))
		return false;
	path_parent(path, parent);
	n = store_get(&db, parent);
	return n && (perm_for(c, n) & PERM_READ);
}

static void send_event(struct conn *c, struct watch *w, const char *path)
{
	const char *p = path;

	if (w->rel_off && strlen(path) >= w->rel_off)
		p = path + w->rel_off;
	conn_send_event(c, p, w->token);
}

void watch_fire(const char *path, bool exact, const struct perm *perms,
		unsigned int nperms)
{
	struct conn *c;
	struct watch *w;

	for (c = conn_list; c; c = c->next) {
		if (!watch_permitted(c, path, perms, nperms))
			continue;
		for (w = c->watches; w; w = w->next) {
			if (exact ? !strcmp(path, w->path)
				  : is_below(path, w->path))
				send_event(c, w, path);
		}
	}
}

void watch_fire_special(const char *name)
{
	const struct node *n = store_get(&db, name);
	struct conn *c;
	struct watch *w;

	for (c = conn_list; c; c = c->next) {
		/* the special node's permissions say who may hear of it */
		if (!c->privileged && (!n || !(perm_for(c, n) & PERM_READ)))
			continue;
		for (w = c->watches; w; w = w->next)
			if (!strcmp(w->path, name))
				conn_send_event(c, name, w->token);
	}
}
