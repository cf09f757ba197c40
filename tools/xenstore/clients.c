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

enum mode {
	M_CHMOD,
	M_EXISTS,
	M_LIST,
	M_LS,
	M_READ,
	M_RM,
	M_WRITE,
	M_WATCH
};

static const char *const mode_names[] = { "chmod", "exists", "list",  "ls",
					  "read",  "rm",     "write", "watch" };

struct opts {
	enum mode mode;
	bool prefix, tidy, upto, recurse, raw, socket;
	int nr_events;
};

/* Output is buffered so a retried transaction prints only once. */
static char *out_buf;
static size_t out_len, out_cap;

static void output(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		err(1, "output");
	if (out_len + n + 1 > out_cap) {
		out_cap = out_len + n + 1024;
		out_buf = realloc(out_buf, out_cap);
		if (!out_buf)
			err(1, "malloc");
	}
	va_start(ap, fmt);
	vsnprintf(out_buf + out_len, n + 1, fmt, ap);
	va_end(ap);
	out_len += n;
}

/* Printable ASCII except '\' passes; the rest become C-like escapes. */
static char *sanitise(const char *val, unsigned int len)
{
	char *s = malloc(len * 4 + 1), *p = s;
	unsigned int i;

	if (!s)
		err(1, "malloc");
	for (i = 0; i < len; i++) {
		unsigned char c = val[i];

		if (c >= ' ' && c <= '~' && c != '\\') {
			*p++ = c;
			continue;
		}
		*p++ = '\\';
		switch (c) {
		case '\t':
			*p++ = 't';
			break;
		case '\n':
			*p++ = 'n';
			break;
		case '\r':
			*p++ = 'r';
			break;
		case '\\':
			*p++ = '\\';
			break;
		default:
			p += sprintf(p, c < 010 ? "%03o" : "x%02x", c);
		}
	}
	*p = '\0';
	return s;
}

/* Inverse of sanitise(); out needs strlen(in) + 1 bytes. */
static unsigned int unsanitise(char *out, const char *in)
{
	char *o = out;
	unsigned int v;
	int n;

	while (*in) {
		char c = *in++;

		if (c != '\\') {
			*o++ = c;
			continue;
		}
		c = *in++;
		switch (c) {
		case 't':
			*o++ = '\t';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 'r':
			*o++ = '\r';
			break;
		case 'x':
			n = 0;
			v = 'x';
			sscanf(in, "%2x%n", &v, &n);
			in += n;
			*o++ = v;
			break;
		case '0' ... '7':
			n = 0;
			in--;
			v = (unsigned char)*in;
			sscanf(in, "%3o%n", &v, &n);
			in += n;
			*o++ = v;
			break;
		case '\0':
			in--;
			break;
		default:
			*o++ = c;
		}
	}
	*o = '\0';
	return o - out;
}

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

#include "clients_ls.c"

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
			output("%s", val); /* as Xen: no newline added */
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
	if (out_len)
		fwrite(out_buf, 1, out_len, stdout);
	xs_close(h);
	return ret;
}
