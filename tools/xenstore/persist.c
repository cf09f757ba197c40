// SPDX-License-Identifier: GPL-2.0
/*
 * The tree survives restarts: persist_save writes every node to a state
 * file (written to a temporary name and renamed, so a crash mid-write
 * leaves the previous file intact) and persist_load reads it back.
 *
 * Format: "KXSSTATE1\n", then per node, parents before children:
 * u32 path length, path, u32 perm count, perms (u32 id, u8 bits),
 * u32 value length, value.  Integers are host-endian: the file never
 * leaves the machine.
 */
#include <stdlib.h>
#include <string.h>

#include "ops.h"

#define MAGIC "KXSSTATE1\n"

const char *persist_file;
static bool save_failing;

static int put_u32(FILE *f, uint32_t v)
{
	return fwrite(&v, sizeof(v), 1, f) == 1 ? 0 : EIO;
}

static int save_node(FILE *f, const char *path)
{
	const struct node *n = store_get(&db, path);
	const char *k;
	char *sub;
	unsigned int i;
	int err = 0;

	if (!n)
		return 0;
	if (put_u32(f, strlen(path)) || fputs(path, f) < 0 ||
	    put_u32(f, n->nperms))
		return EIO;
	for (i = 0; i < n->nperms; i++)
		if (put_u32(f, n->perms[i].id) || fputc(n->perms[i].p, f) < 0)
			return EIO;
	if (put_u32(f, n->vlen) ||
	    (n->vlen && fwrite(n->value, n->vlen, 1, f) != 1))
		return EIO;
	sub = malloc(strlen(path) + XENSTORE_ABS_PATH_MAX + 2);
	if (!sub)
		return ENOMEM;
	for (k = n->children; !err && k < n->children + n->clen;
	     k += strlen(k) + 1) {
		sprintf(sub, "%s%s%s", path, strcmp(path, "/") ? "/" : "", k);
		err = save_node(f, sub);
	}
	free(sub);
	return err;
}

int persist_save(const char *file)
{
	char tmp[4096];
	FILE *f;
	int err;

	snprintf(tmp, sizeof(tmp), "%s.tmp", file);
	f = fopen(tmp, "w");
	if (!f)
		return EIO;
	err = fputs(MAGIC, f) < 0 ? EIO : save_node(f, "/");
	if (!err)
		err = save_node(f, "@introduceDomain");
	if (!err)
		err = save_node(f, "@releaseDomain");
	if (fclose(f) && !err)
		err = EIO;
	if (!err && rename(tmp, file))
		err = EIO;
	if (err) {
		remove(tmp);
		/* once per streak of failures, not every two seconds */
		if (!save_failing)
			xlog("cannot save state to %s", file);
		save_failing = true;
	} else {
		if (save_failing)
			xlog("state saved to %s again", file);
		save_failing = false;
		db_dirty = false;
	}
	return err;
}

static int get_u32(FILE *f, uint32_t *v)
{
	return fread(v, sizeof(*v), 1, f) == 1 ? 0 : EIO;
}

/* Reads one node; validates lengths so a damaged file cannot overflow. */
static int load_node(FILE *f, struct node **out)
{
	char path[XENSTORE_ABS_PATH_MAX + 64];
	struct perm perms[XENSTORE_PAYLOAD_MAX / 2];
	uint32_t len, np, i;
	struct node *n;
	char *val;
	int c;

	if (get_u32(f, &len) || len == 0 || len >= sizeof(path) ||
	    fread(path, len, 1, f) != 1)
		return EIO;
	path[len] = '\0';
	if ((path[0] != '/' && path[0] != '@') || get_u32(f, &np) || np == 0 ||
	    np > sizeof(perms) / sizeof(perms[0]))
		return EIO;
	for (i = 0; i < np; i++) {
		if (get_u32(f, &perms[i].id) || (c = fgetc(f)) == EOF)
			return EIO;
		perms[i].p = c & (PERM_READ | PERM_WRITE);
	}
	if (get_u32(f, &len) || len > XENSTORE_PAYLOAD_MAX)
		return EIO;
	val = malloc(len + 1);
	if (!val || (len && fread(val, len, 1, f) != 1)) {
		free(val);
		return EIO;
	}
	n = node_new(path, perms, np);
	if (!n || node_set_value(n, val, len)) {
		free(val);
		node_free(n);
		return ENOMEM;
	}
	free(val);
	*out = n;
	return 0;
}

int persist_load(const char *file)
{
	char magic[sizeof(MAGIC)];
	char parent[XENSTORE_ABS_PATH_MAX + 64];
	struct node *n, *p;
	FILE *f = fopen(file, "r");
	int err = 0;

	if (!f)
		return ENOENT;
	if (fread(magic, strlen(MAGIC), 1, f) != 1 ||
	    memcmp(magic, MAGIC, strlen(MAGIC))) {
		fclose(f);
		return EINVAL;
	}
	store_free(&db);
	domain_free_all();
	store_init(&db);
	while (!err && (err = fgetc(f)) != EOF) {
		ungetc(err, f);
		err = load_node(f, &n);
		if (err)
			break;
		if (n->path[0] == '@') {
			if (store_get(&db, n->path)) {
				node_free(n);
				err = EINVAL;
				break;
			}
		} else if (strcmp(n->path, "/")) {
			path_parent(n->path, parent);
			p = store_get(&db, parent);
			if (!p || store_get(&db, n->path) ||
			    node_add_child(p, path_basename(n->path))) {
				node_free(n);
				err = EINVAL;
				break;
			}
		} else if (store_get(&db, "/")) {
			node_free(n);
			err = EINVAL;
			break;
		}
		n->gen = ++db_gen;
		domain_nodes_adjust(n->perms[0].id, 1);
		store_put(&db, n);
	}
	if (err == EOF)
		err = 0;
	fclose(f);
	if (err || !store_get(&db, "/")) {
		xlog("state file %s is damaged; starting with a fresh tree",
		     file);
		db_reset();
		return err ? err : EINVAL;
	}
	db_ensure_specials();
	return 0;
}

static void dump_node(FILE *f, const char *path, int depth)
{
	const struct node *n = store_get(&db, path);
	const char *k;
	unsigned int i;
	char pb[16];
	char *sub;

	if (!n)
		return;
	fprintf(f, "%*s%s = \"", depth, "", depth ? path_basename(path) : path);
	for (i = 0; i < n->vlen; i++) {
		unsigned char ch = n->value[i];

		if (ch >= ' ' && ch <= '~' && ch != '\\' && ch != '"')
			fputc(ch, f);
		else
			fprintf(f, "\\x%02x", ch);
	}
	fputs("\" (", f);
	for (i = 0; i < n->nperms; i++) {
		perm_format(&n->perms[i], pb, sizeof(pb));
		fprintf(f, "%s%s", i ? "," : "", pb);
	}
	fputs(")\n", f);
	sub = malloc(strlen(path) + XENSTORE_ABS_PATH_MAX + 2);
	if (!sub)
		return;
	for (k = n->children; k < n->children + n->clen; k += strlen(k) + 1) {
		sprintf(sub, "%s%s%s", path, strcmp(path, "/") ? "/" : "", k);
		dump_node(f, sub, depth + 1);
	}
	free(sub);
}

int persist_dump(FILE *f)
{
	dump_node(f, "/", 0);
	dump_node(f, "@introduceDomain", 0);
	dump_node(f, "@releaseDomain", 0);
	return ferror(f) ? EIO : 0;
}
