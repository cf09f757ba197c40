// SPDX-License-Identifier: GPL-2.0
/*
 * Node storage: a chained hash table keyed by absolute path, plus helpers
 * for a node's value, permissions and child list.  A node's children are
 * kept as NUL-terminated basenames, which is also the DIRECTORY reply.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

static unsigned int hash_path(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

void store_init(struct store *s)
{
	s->nb = 64;
	s->count = 0;
	s->b = calloc(s->nb, sizeof(*s->b));
	if (!s->b)
		abort();
}

void store_free(struct store *s)
{
	unsigned int i;
	struct node *n, *next;

	for (i = 0; i < s->nb; i++) {
		for (n = s->b[i]; n; n = next) {
			next = n->hnext;
			node_free(n);
		}
	}
	free(s->b);
	s->b = NULL;
	s->nb = s->count = 0;
}

struct node *store_get(const struct store *s, const char *path)
{
	struct node *n;

	if (!s->nb)
		return NULL;
	for (n = s->b[hash_path(path) % s->nb]; n; n = n->hnext)
		if (!strcmp(n->path, path))
			return n;
	return NULL;
}

static void store_grow(struct store *s)
{
	unsigned int i, nb = s->nb * 2;
	struct node **b = calloc(nb, sizeof(*b));
	struct node *n, *next;

	if (!b)
		return; /* keep the longer chains, still correct */
	for (i = 0; i < s->nb; i++) {
		for (n = s->b[i]; n; n = next) {
			unsigned int h = hash_path(n->path) % nb;

			next = n->hnext;
			n->hnext = b[h];
			b[h] = n;
		}
	}
	free(s->b);
	s->b = b;
	s->nb = nb;
}

void store_put(struct store *s, struct node *n)
{
	struct node **pp;
	unsigned int h;

	if (!s->nb)
		store_init(s);
	h = hash_path(n->path) % s->nb;
	for (pp = &s->b[h]; *pp; pp = &(*pp)->hnext) {
		if (!strcmp((*pp)->path, n->path)) {
			n->hnext = (*pp)->hnext;
			node_free(*pp);
			*pp = n;
			return;
		}
	}
	n->hnext = s->b[h];
	s->b[h] = n;
	if (++s->count > s->nb * 2)
		store_grow(s);
}

void store_del(struct store *s, const char *path)
{
	struct node **pp, *n;

	if (!s->nb)
		return;
	for (pp = &s->b[hash_path(path) % s->nb]; *pp; pp = &(*pp)->hnext) {
		if (!strcmp((*pp)->path, path)) {
			n = *pp;
			*pp = n->hnext;
			node_free(n);
			s->count--;
			return;
		}
	}
}

void store_foreach(const struct store *s, void (*fn)(struct node *, void *),
		   void *arg)
{
	unsigned int i;
	struct node *n, *next;

	for (i = 0; i < s->nb; i++) {
		for (n = s->b[i]; n; n = next) {
			next = n->hnext;
			fn(n, arg);
		}
	}
}

struct node *node_new(const char *path, const struct perm *perms,
		      unsigned int nperms)
{
	struct node *n = calloc(1, sizeof(*n));

	if (!n)
		return NULL;
	n->path = strdup(path);
	if (!n->path || node_set_perms(n, perms, nperms)) {
		node_free(n);
		return NULL;
	}
	return n;
}

static void *memdup(const void *p, size_t len)
{
	void *r = malloc(len ? len : 1);

	if (r && len)
		memcpy(r, p, len);
	return r;
}

struct node *node_dup(const struct node *src)
{
	struct node *n = node_new(src->path, src->perms, src->nperms);

	if (!n)
		return NULL;
	n->gen = src->gen;
	n->absent = src->absent;
	if (node_set_value(n, src->value, src->vlen))
		goto fail;
	n->children = memdup(src->children, src->clen);
	if (!n->children)
		goto fail;
	n->clen = src->clen;
	return n;
fail:
	node_free(n);
	return NULL;
}

void node_free(struct node *n)
{
	if (!n)
		return;
	free(n->path);
	free(n->perms);
	free(n->value);
	free(n->children);
	free(n);
}

int node_set_value(struct node *n, const void *v, unsigned int len)
{
	char *nv = memdup(v, len);

	if (!nv)
		return ENOMEM;
	free(n->value);
	n->value = nv;
	n->vlen = len;
	return 0;
}

int node_set_perms(struct node *n, const struct perm *p, unsigned int num)
{
	struct perm *np = memdup(p, num * sizeof(*p));

	if (!np)
		return ENOMEM;
	free(n->perms);
	n->perms = np;
	n->nperms = num;
	return 0;
}

static const char *find_child(const struct node *n, const char *name)
{
	const char *p = n->children, *end = n->children + n->clen;

	while (p && p < end) {
		if (!strcmp(p, name))
			return p;
		p += strlen(p) + 1;
	}
	return NULL;
}

bool node_has_child(const struct node *n, const char *name)
{
	return find_child(n, name) != NULL;
}

int node_add_child(struct node *n, const char *name)
{
	size_t l = strlen(name) + 1;
	char *c;

	if (find_child(n, name))
		return 0;
	c = realloc(n->children, n->clen + l);
	if (!c)
		return ENOMEM;
	memcpy(c + n->clen, name, l);
	n->children = c;
	n->clen += l;
	return 0;
}

void node_del_child(struct node *n, const char *name)
{
	char *p = (char *)find_child(n, name);
	size_t l;

	if (!p)
		return;
	l = strlen(p) + 1;
	memmove(p, p + l, n->clen - (p - n->children) - l);
	n->clen -= l;
}

const char *path_basename(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

void path_parent(const char *path, char *buf)
{
	const char *s = strrchr(path, '/');
	size_t l = s ? (size_t)(s - path) : 0;

	if (l == 0) {
		strcpy(buf, "/");
		return;
	}
	memcpy(buf, path, l);
	buf[l] = '\0';
}
