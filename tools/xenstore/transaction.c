// SPDX-License-Identifier: GPL-2.0
/*
 * Transactions: optimistic, per connection.  Writes go to an overlay;
 * commit checks that nothing the transaction looked at changed since
 * (generation compare, see core.c) and then applies the overlay and fires
 * the watches of its changes.  A conflict ends the transaction with EAGAIN.
 */
#include <stdlib.h>

#include "xenstored.h"

struct transaction *trans_find(struct conn *c, uint32_t id)
{
	struct transaction *t;

	for (t = c->trans; t; t = t->next)
		if (t->id == id)
			return t;
	return NULL;
}

int trans_start(struct conn *c, uint32_t *id)
{
	struct transaction *t;

	/* Xen compares the count before adding: quota + 1 fit. */
	if (!c->privileged &&
	    quota_exceeded(domain_quota(c->domid, Q_TRANSACTIONS), c->ntrans))
		return ENOSPC;
	t = calloc(1, sizeof(*t));
	if (!t)
		return ENOMEM;
	store_init(&t->overlay);
	store_init(&t->seen);
	/* Ids are never 0 (that means "no transaction") and never reused
	 * while still open on this connection. */
	do {
		t->id = ++c->next_tx_id;
	} while (t->id == 0 || trans_find(c, t->id));
	t->next = c->trans;
	c->trans = t;
	c->ntrans++;
	*id = t->id;
	return 0;
}

void trans_free(struct transaction *t)
{
	struct change *ch, *next;

	store_free(&t->overlay);
	store_free(&t->seen);
	for (ch = t->changes; ch; ch = next) {
		next = ch->next;
		free(ch->perms);
		free(ch);
	}
	free(t);
}

int trans_node_delta(struct transaction *t, uint32_t domid, int delta)
{
	unsigned int i;

	for (i = 0; i < t->ndelta; i++) {
		if (t->nodes_delta[i].domid == domid) {
			t->nodes_delta[i].delta += delta;
			return 0;
		}
	}
	if (t->ndelta == sizeof(t->nodes_delta) / sizeof(t->nodes_delta[0]))
		return 0; /* only affects quota precision, not correctness */
	t->nodes_delta[t->ndelta].domid = domid;
	t->nodes_delta[t->ndelta++].delta = delta;
	return 0;
}

int trans_nodes_delta(const struct transaction *t, uint32_t domid)
{
	unsigned int i;

	for (i = 0; t && i < t->ndelta; i++)
		if (t->nodes_delta[i].domid == domid)
			return t->nodes_delta[i].delta;
	return 0;
}

static bool conflict;

static void check_seen(struct node *s, void *arg)
{
	struct node *g = store_get(&db, s->path);

	(void)arg;
	if ((g ? g->gen : 0) != s->gen)
		conflict = true;
}

static void apply(struct node *o, void *arg)
{
	struct node *g = store_get(&db, o->path), *n;

	(void)arg;
	if (g)
		domain_nodes_adjust(g->perms[0].id, -1);
	if (o->absent) {
		store_del(&db, o->path);
		return;
	}
	n = node_dup(o);
	if (!n)
		abort(); /* cannot leave the tree half-committed */
	domain_nodes_adjust(n->perms[0].id, 1);
	n->gen = ++db_gen;
	store_put(&db, n);
}

static void unlink_trans(struct conn *c, struct transaction *t)
{
	struct transaction **pp;

	for (pp = &c->trans; *pp; pp = &(*pp)->next) {
		if (*pp == t) {
			*pp = t->next;
			c->ntrans--;
			return;
		}
	}
}

int trans_end(struct conn *c, struct transaction *t, bool commit)
{
	struct change *ch, *prev, *next;

	unlink_trans(c, t);
	if (!commit) {
		trans_free(t);
		return 0;
	}
	conflict = t->failed;
	store_foreach(&t->seen, check_seen, NULL);
	if (conflict) {
		trans_free(t);
		return EAGAIN;
	}
	if (t->overlay.count) {
		store_foreach(&t->overlay, apply, NULL);
		db_gen++;
		db_dirty = true;
	}
	/* changes were recorded newest first; fire them in order */
	for (prev = NULL, ch = t->changes; ch; ch = next) {
		next = ch->next;
		ch->next = prev;
		prev = ch;
	}
	for (t->changes = prev, ch = prev; ch; ch = ch->next)
		watch_fire(ch->path, ch->exact, ch->perms, ch->nperms);
	trans_free(t);
	return 0;
}
