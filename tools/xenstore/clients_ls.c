// SPDX-License-Identifier: GPL-2.0
/*
 * The tree-printing, chmod and watch modes of the clients.  xenstore-ls prints one node per
 * line, indented one space per level, values quoted and cut to the
 * terminal width (80 columns when not a terminal).
 */

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clients.h"

#define LS_TAG_LEN 8 /* strlen(" = \"...\"") */

int ls_max_width = 80;
int ls_desired_width = 60;
bool ls_whole_path;

static void print_perms(struct xs_handle *h, const char *path, const char *name)
{
	struct xs_permissions *p;
	unsigned int n, i;
	static const char letter[] = { 'n', 'r', 'w', 'b' };

	p = xs_get_permissions(h, XBT_NULL, path, &n);
	if (!p) {
		warn("\ncould not access permissions for %s", name);
		return;
	}
	fputs("  (", stdout);
	for (i = 0; i < n; i++)
		printf("%s%c%u", i ? "," : "", letter[p[i].perms & 3], p[i].id);
	putchar(')');
	free(p);
}

void do_ls(struct xs_handle *h, const char *path, int depth, bool show_perms)
{
	unsigned int num, len, i;
	char **e = xs_directory(h, XBT_NULL, path, &num);
	char *sub, *val, *s;
	int w;

	if (!e)
		err(1, "xs_directory (%s)", path);
	sub = malloc(strlen(path) + XENSTORE_ABS_PATH_MAX + 2);
	if (!sub)
		err(1, "malloc");
	for (i = 0; i < num; i++) {
		sprintf(sub, "%s%s%s", path,
			path[strlen(path) - 1] == '/' ? "" : "/", e[i]);
		w = 0;
		if (ls_whole_path) {
			fputs(sub, stdout);
		} else {
			for (; w < depth; w++)
				putchar(' ');
			w += printf("%.*s", ls_max_width - LS_TAG_LEN - w,
				    e[i]);
		}
		val = xs_read(h, XBT_NULL, sub, &len);
		if (!val) {
			printf(":\n");
		} else {
			s = sanitise(val, len);
			if (ls_max_width < (int)(w + len + LS_TAG_LEN)) {
				printf(" = \"%.*s\\...\"",
				       ls_max_width - LS_TAG_LEN - w, s);
			} else {
				w += printf(" = \"%s\"", s);
				if (show_perms) {
					putchar(' ');
					for (w++; w < ls_desired_width &&
						  w < ls_max_width;
					     w++)
						putchar((w & 1) ? '.' : ' ');
				}
			}
			free(s);
		}
		free(val);
		if (show_perms)
			print_perms(h, sub, e[i]);
		putchar('\n');
		do_ls(h, sub, depth + 1, show_perms);
	}
	free(sub);
	free(e);
}

static void do_chmod(struct xs_handle *h, xs_transaction_t t, char *path,
		     struct xs_permissions *perms, int n, bool upto,
		     bool recurse)
{
	char *slash, *sub, **kids;
	unsigned int num, i;

	if (!path[0])
		return;
	if (!xs_set_permissions(h, t, path, perms, n))
		err(1, "Error occurred setting permissions on '%s'", path);
	if (upto) {
		slash = strrchr(path, '/');
		if (!slash)
			errx(1, "Unable to locate path separator '%c' in '%s'",
			     '/', path);
		*slash = '\0';
		do_chmod(h, t, path, perms, n, true, false);
		*slash = '/';
	}
	if (!recurse)
		return;
	kids = xs_directory(h, t, path, &num);
	if (!kids)
		return;
	sub = malloc(strlen(path) + XENSTORE_ABS_PATH_MAX + 2);
	if (!sub)
		err(1, "malloc");
	for (i = 0; i < num; i++) {
		sprintf(sub, "%s/%s", path, kids[i]);
		do_chmod(h, t, sub, perms, n, false, true);
	}
	free(sub);
	free(kids);
}

#define MAX_PERMS 16

int chmod_args(struct xs_handle *h, xs_transaction_t t, const struct opts *o,
	       int argc, char **argv, int i)
{
	struct xs_permissions perms[MAX_PERMS];
	char *path = strdup(argv[i++]);
	int n = 0;

	if (!path)
		err(1, "malloc");
	for (; i < argc; i++, n++) {
		if (n >= MAX_PERMS)
			errx(1,
			     "Too many permissions specified.  "
			     "Maximum per invocation is %d.",
			     MAX_PERMS);
		perms[n].id = atoi(argv[i] + 1);
		switch (argv[i][0]) {
		case 'n':
			perms[n].perms = XS_PERM_NONE;
			break;
		case 'r':
			perms[n].perms = XS_PERM_READ;
			break;
		case 'w':
			perms[n].perms = XS_PERM_WRITE;
			break;
		case 'b':
			perms[n].perms = XS_PERM_READ | XS_PERM_WRITE;
			break;
		default:
			errx(1, "Invalid permission specification: '%c'",
			     argv[i][0]);
		}
	}
	do_chmod(h, t, path, perms, n, o->upto, o->recurse);
	free(path);
	return 0;
}

int watch_args(struct xs_handle *h, const struct opts *o, int argc, char **argv,
	       int i)
{
	unsigned int num;
	char **vec;
	int count;

	for (; i < argc; i++)
		if (!xs_watch(h, argv[i], argv[i]))
			errx(1, "Unable to add watch on %s\n", argv[i]);
	for (count = 0; o->nr_events == -1 || count < o->nr_events; count++) {
		vec = xs_read_watch(h, &num);
		if (!vec)
			err(1, "xs_read_watch");
		printf("%s\n", vec[XS_WATCH_PATH]);
		fflush(stdout);
		free(vec);
	}
	return 0;
}
