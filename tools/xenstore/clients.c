// SPDX-License-Identifier: GPL-2.0
/*
 * xenstore, xenstore-{read,write,ls,list,exists,rm,chmod,watch}: one
 * multi-call binary that picks its mode from argv[0] ("xenstore-read")
 * or from the first argument ("xenstore read").  Options, output formats
 * and exit codes follow Xen's clients so scripts see no difference.
 */
#include <err.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <xenstore.h>

#include "clients.h"

const char *const mode_names[] = { "chmod", "exists", "list",  "ls",
				   "read",  "rm",     "write", "watch" };

static void usage(enum mode m, bool incl_mode, const char *prog)
{
	char ms[16] = "";

	if (incl_mode)
		snprintf(ms, sizeof(ms), "%s ", mode_names[m]);
	switch (m) {
	case M_READ:
		errx(1, "Usage: %s %s[-h] [-p] [-s] [-R] key [...]", prog, ms);
	case M_WRITE:
		errx(1, "Usage: %s %s[-h] [-s] [-R] key value [...]", prog, ms);
	case M_RM:
		errx(1, "Usage: %s %s[-h] [-s] [-t] key [...]", prog, ms);
	case M_EXISTS:
	case M_LIST:
		errx(1, "Usage: %s %s[-h] [-p] [-s] key [...]", prog, ms);
	case M_LS:
		errx(1, "Usage: %s %s[-h] [-f] [-p] [-s] [path]", prog, ms);
	case M_CHMOD:
		errx(1, "Usage: %s %s[-h] [-u] [-r] [-s] key <mode [modes...]>",
		     prog, ms);
	case M_WATCH:
		errx(1, "Usage: %s %s[-h] [-n NR] key", prog, ms);
	}
	exit(1);
}

static int do_rm(struct xs_handle *h, xs_transaction_t t, const char *path)
{
	if (xs_rm(h, t, path))
		return 0;
	warnx("could not remove path %s", path);
	return 1;
}

static int rm_tidy(struct xs_handle *h, xs_transaction_t t, const char *arg)
{
	char *p = strdup(arg), *slash;
	unsigned int len, num;
	char *val, **list;

	if (!p)
		err(1, "malloc");
	for (;;) {
		if (do_rm(h, t, p)) {
			free(p);
			return 1;
		}
		/* Also remove parents left empty and without a value. */
		slash = strrchr(p, '/');
		if (!slash)
			break;
		*slash = '\0';
		val = xs_read(h, t, p, &len);
		list = val && len == 0 ? xs_directory(h, t, p, &num) : NULL;
		free(val);
		free(list);
		if (!list || num)
			break;
	}
	free(p);
	return 0;
}

static int perform_one(struct xs_handle *h, xs_transaction_t t,
		       const struct opts *o, char **argv, int *i)
{
	unsigned int len, num, k;
	char *val, **list;

	switch (o->mode) {
	case M_READ:
		val = xs_read(h, t, argv[*i], &len);
		if (!val) {
			warnx("couldn't read path %s", argv[*i]);
			return 1;
		}
		if (o->prefix)
			output("%s: ", argv[*i]);
		if (o->raw) {
			output_raw(val, len); /* as Xen: bytes, no newline */
		} else {
			char *s = sanitise(val, len);

			output("%s\n", s);
			free(s);
		}
		free(val);
		break;
	case M_WRITE: {
		const char *spec = argv[*i + 1];
		char *buf = malloc(strlen(spec) + 1);

		if (!buf)
			err(1, "malloc");
		if (o->raw) {
			strcpy(buf, spec);
			len = strlen(spec);
		} else {
			len = unsanitise(buf, spec);
		}
		if (!xs_write(h, t, argv[*i], buf, len)) {
			free(buf);
			warnx("could not write path %s", argv[*i]);
			return 1;
		}
		free(buf);
		(*i)++;
		break;
	}
	case M_RM:
		if (o->tidy ? rm_tidy(h, t, argv[*i]) : do_rm(h, t, argv[*i]))
			return 1;
		break;
	case M_EXISTS:
		val = xs_read(h, t, argv[*i], NULL);
		if (!val)
			return 1;
		free(val);
		break;
	case M_LIST:
		list = xs_directory(h, t, argv[*i], &num);
		if (!list) {
			warnx("could not list path %s", argv[*i]);
			return 1;
		}
		for (k = 0; k < num; k++) {
			if (o->prefix)
				output("%s/", argv[*i]);
			output("%s\n", list[k]);
		}
		free(list);
		break;
	default:
		break;
	}
	(*i)++;
	return 0;
}

static int perform(struct xs_handle *h, xs_transaction_t t,
		   const struct opts *o, int argc, char **argv, int i)
{
	switch (o->mode) {
	case M_LS:
		do_ls(h, i < argc ? argv[i] : "/", 0, o->prefix);
		return 0;
	case M_CHMOD:
		return chmod_args(h, t, o, argc, argv, i);
	case M_WATCH:
		return watch_args(h, o, argc, argv, i);
	default:
		break;
	}
	while (i < argc)
		if (perform_one(h, t, o, argv, &i))
			return 1;
	return 0;
}

static enum mode lookup_mode(const char *m)
{
	unsigned int i;

	for (i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++)
		if (!strcmp(m, mode_names[i]))
			return i;
	errx(1, "unknown mode %s\n", m);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", 0, NULL, 'h' },    { "flat", 0, NULL, 'f' },
		{ "socket", 0, NULL, 's' },  { "prefix", 0, NULL, 'p' },
		{ "tidy", 0, NULL, 't' },    { "upto", 0, NULL, 'u' },
		{ "recurse", 0, NULL, 'r' }, { "raw", 0, NULL, 'R' },
		{ "number", 1, NULL, 'n' },  { NULL, 0, NULL, 0 },
	};
	const char *cmd = strrchr(argv[0], '/');
	struct opts o = { .nr_events = -1 };
	int sw, c, ret, largc;
	char **largv;
	bool use_tx;
	struct xs_handle *h;
	xs_transaction_t t = XBT_NULL;
	struct winsize ws;

	cmd = cmd ? cmd + 1 : argv[0];
	if (!strncmp(cmd, "xenstore-", 9)) {
		sw = 0;
		cmd += 9;
	} else if (argc < 2) {
		errx(1, "Usage: %s <mode> [-h] [...]", argv[0]);
	} else {
		cmd = argv[1];
		sw = 1;
	}
	o.mode = lookup_mode(cmd);
	largc = argc - sw;
	largv = argv + sw;

	while ((c = getopt_long(largc, largv, "hfspturRn:", longopts, NULL)) !=
	       -1) {
		switch (c) {
		case 'f':
			if (o.mode != M_READ && o.mode != M_LIST &&
			    o.mode != M_LS)
				usage(o.mode, sw, argv[0]);
			ls_max_width = INT_MAX / 2;
			ls_desired_width = 0;
			ls_whole_path = true;
			break;
		case 's':
			o.socket = true;
			break;
		case 'p':
			if (o.mode != M_READ && o.mode != M_LIST &&
			    o.mode != M_LS)
				usage(o.mode, sw, argv[0]);
			o.prefix = true;
			break;
		case 't':
			if (o.mode != M_RM)
				usage(o.mode, sw, argv[0]);
			o.tidy = true;
			break;
		case 'u':
			if (o.mode != M_CHMOD)
				usage(o.mode, sw, argv[0]);
			o.upto = true;
			break;
		case 'r':
			if (o.mode != M_CHMOD)
				usage(o.mode, sw, argv[0]);
			o.recurse = true;
			break;
		case 'R':
			if (o.mode != M_READ && o.mode != M_WRITE)
				usage(o.mode, sw, argv[0]);
			o.raw = true;
			break;
		case 'n':
			if (o.mode != M_WATCH)
				usage(o.mode, sw, argv[0]);
			o.nr_events = atoi(optarg);
			break;
		default:
			usage(o.mode, sw, argv[0]);
		}
	}
	if (o.mode != M_LS && optind == largc)
		usage(o.mode, sw, argv[0]);
	if (o.mode == M_WRITE && (largc - optind) % 2 == 1)
		usage(o.mode, sw, argv[0]);

	switch (o.mode) {
	case M_READ:
		use_tx = largc - optind > 1;
		break;
	case M_WRITE:
		use_tx = largc - optind > 2;
		break;
	case M_LS:
	case M_WATCH:
		use_tx = false;
		break;
	default:
		use_tx = true;
	}
	if (o.mode == M_LS && !ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws))
		ls_max_width = ws.ws_col - 2;

	h = xs_open(o.socket ? XS_OPEN_SOCKETONLY : 0);
	if (!h)
		err(1, "xs_open");
again:
	if (use_tx) {
		t = xs_transaction_start(h);
		if (t == XBT_NULL)
			errx(1, "couldn't start transaction");
	}
	ret = perform(h, t, &o, largc, largv, optind);
	if (use_tx && !xs_transaction_end(h, t, ret)) {
		if (ret == 0 && errno == EAGAIN) {
			out_len = 0;
			goto again;
		}
		errx(1, "couldn't end transaction");
	}
	flush_output();
	xs_close(h);
	return ret;
}
