// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: watches, transactions, quotas, domain requests, malformed
 * messages and per-connection cleanup.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "harness.h"

static int setup(void **state)
{
	(void)state;
	tc_reset_world();
	return 0;
}

#define WATCH(c, p, t) tc_req(c, XS_WATCH, 0, S(p "\0" t))

static void watches(void **state)
{
	struct conn *a = tc_new(0), *b = tc_new(0);

	(void)state;
	assert_string_equal(W(a, "/w/x/y", "1"), "OK");
	assert_string_equal(WATCH(b, "/w", "tok"), "OK");
	/* the first event fires at once */
	assert_string_equal(tc_event(b), "/w|tok");
	assert_null(tc_event(b));
	assert_string_equal(WATCH(b, "/w", "tok"), "EEXIST");
	assert_string_equal(W(a, "/w/x/y", "2"), "OK");
	assert_string_equal(tc_event(b), "/w/x/y|tok");
	assert_string_equal(W(a, "/other", "2"), "OK");
	assert_string_equal(W(a, "/wx", "2"), "OK"); /* not below /w */
	assert_null(tc_event(b));
	/* removing a parent fires watches set below it */
	assert_string_equal(WATCH(b, "/w/x/y", "deep"), "OK");
	assert_string_equal(tc_event(b), "/w/x/y|deep");
	assert_string_equal(tc_req(a, XS_RM, 0, S("/w/x")), "OK");
	assert_string_equal(tc_event(b), "/w/x/y|deep");
	assert_string_equal(tc_event(b), "/w/x|tok");
	assert_null(tc_event(b));
	/* relative watches report relative paths */
	assert_string_equal(WATCH(b, "dev", "rel"), "OK");
	assert_string_equal(tc_event(b), "dev|rel");
	assert_string_equal(W(a, "/local/domain/0/dev/vbd", "1"), "OK");
	assert_string_equal(tc_event(b), "dev/vbd|rel");
	assert_string_equal(tc_req(b, XS_UNWATCH, 0, S("dev\0rel")), "OK");
	assert_string_equal(tc_req(b, XS_UNWATCH, 0, S("dev\0rel")), "ENOENT");
	assert_string_equal(tc_req(b, XS_WATCH, 0, S("/w")), "EINVAL");
	assert_string_equal(tc_req(b, XS_UNWATCH, 0, S("/w")), "EINVAL");
	assert_string_equal(tc_req(b, XS_UNWATCH, 0, S("/w//x\0t")), "ENOENT");
	assert_string_equal(tc_req(b, XS_WATCH, 0, S("/w/../x\0t")), "EINVAL");
	/* special watches */
	assert_string_equal(WATCH(b, "@introduceDomain", "i"), "OK");
	assert_string_equal(WATCH(b, "@releaseDomain", "r"), "OK");
	assert_string_equal(tc_event(b), "@introduceDomain|i");
	assert_string_equal(tc_event(b), "@releaseDomain|r");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("7\0"
				     "1234\0"
				     "3")),
			    "OK");
	assert_string_equal(tc_event(b), "@introduceDomain|i");
	assert_string_equal(tc_req(a, XS_RELEASE, 0, S("7")), "OK");
	assert_string_equal(tc_event(b), "@releaseDomain|r");
	/* RESET_WATCHES drops them all */
	assert_string_equal(tc_req(b, XS_RESET_WATCHES, 0, "", 0), "OK");
	assert_string_equal(W(a, "/w/z", "1"), "OK");
	assert_null(tc_event(b));
	assert_int_equal(b->nwatches, 0);
	tc_free(a);
	tc_free(b);
}

static void watch_perms(void **state)
{
	struct conn *a = tc_new(0), *d5 = tc_new(5);

	(void)state;
	assert_string_equal(WATCH(d5, "/secret", "t"), "OK");
	assert_string_equal(tc_event(d5), "/secret|t");
	assert_string_equal(W(a, "/secret/k", "1"), "OK");
	assert_null(tc_event(d5)); /* dom5 may not read it */
	assert_string_equal(tc_req(a, XS_SET_PERMS, 0, S("/secret/k\0n0\0r5")),
			    "OK");
	assert_string_equal(tc_event(d5), "/secret/k|t");
	/* losing access is still announced (old permissions count) */
	assert_string_equal(tc_req(a, XS_SET_PERMS, 0, S("/secret/k\0n0")),
			    "OK");
	assert_string_equal(tc_event(d5), "/secret/k|t");
	assert_string_equal(W(a, "/secret/k", "2"), "OK");
	assert_null(tc_event(d5));
	/* removing a subtree: a watch above it hears of the subtree's root
	 * only, so a readable node below an unreadable root stays quiet */
	assert_string_equal(W(a, "/secret/k/sub", "1"), "OK");
	assert_string_equal(
		tc_req(a, XS_SET_PERMS, 0, S("/secret/k/sub\0n0\0r5")), "OK");
	assert_string_equal(tc_event(d5), "/secret/k/sub|t");
	assert_string_equal(tc_req(a, XS_RM, 0, S("/secret/k")), "OK");
	assert_null(tc_event(d5));
	/* but a watch exactly on it fires */
	assert_string_equal(W(a, "/secret/k/sub", "1"), "OK");
	assert_string_equal(
		tc_req(a, XS_SET_PERMS, 0, S("/secret/k/sub\0n0\0r5")), "OK");
	assert_string_equal(WATCH(d5, "/secret/k/sub", "s"), "OK");
	while (tc_event(d5))
		;
	assert_string_equal(tc_req(a, XS_RM, 0, S("/secret/k")), "OK");
	assert_string_equal(tc_event(d5), "/secret/k/sub|s");
	assert_null(tc_event(d5));
	/* special watches follow the special node's permissions */
	assert_string_equal(WATCH(d5, "@releaseDomain", "r"), "OK");
	assert_string_equal(tc_event(d5), "@releaseDomain|r");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("8\0"
				     "1\0"
				     "1")),
			    "OK");
	assert_string_equal(tc_req(a, XS_RELEASE, 0, S("8")), "OK");
	assert_null(tc_event(d5));
	assert_string_equal(
		tc_req(a, XS_SET_PERMS, 0, S("@releaseDomain\0n0\0r5")), "OK");
	assert_string_equal(tc_req(a, XS_GET_PERMS, 0, S("@releaseDomain")),
			    "n0|r5");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("8\0"
				     "1\0"
				     "1")),
			    "OK");
	assert_string_equal(tc_req(a, XS_RELEASE, 0, S("8")), "OK");
	assert_string_equal(tc_event(d5), "@releaseDomain|r");
	assert_string_equal(R(a, "@releaseDomain"), "EINVAL");
	tc_free(a);
	tc_free(d5);
}

static uint32_t tx_start(struct conn *c)
{
	const char *r = tc_req(c, XS_TRANSACTION_START, 0, S(""));

	return strtoul(r, NULL, 10);
}

static void transactions(void **state)
{
	struct conn *a = tc_new(0), *b = tc_new(0);
	uint32_t t, t2;

	(void)state;
	assert_string_equal(W(a, "/t/v", "0"), "OK");
	assert_string_equal(WATCH(b, "/t", "w"), "OK");
	assert_non_null(tc_event(b));
	t = tx_start(a);
	assert_true(t != 0);
	assert_string_equal(tc_req(a, XS_WRITE, t,
				   S("/t/v\0"
				     "1")),
			    "OK");
	assert_string_equal(tc_req(a, XS_WRITE, t,
				   S("/t/new/n\0"
				     "x")),
			    "OK");
	/* invisible outside until commit, visible inside */
	assert_string_equal(R(b, "/t/v"), "0");
	assert_string_equal(R(b, "/t/new/n"), "ENOENT");
	assert_string_equal(tc_req(a, XS_READ, t, S("/t/v")), "1");
	assert_string_equal(tc_req(a, XS_DIRECTORY, t, S("/t")), "v|new");
	assert_null(tc_event(b));
	assert_string_equal(tc_req(a, XS_TRANSACTION_END, t, S("T")), "OK");
	assert_string_equal(R(b, "/t/v"), "1");
	assert_string_equal(R(b, "/t/new/n"), "x");
	assert_string_equal(tc_event(b), "/t/v|w");
	assert_string_equal(tc_event(b), "/t/new/n|w");
	/* snapshot: a transaction keeps seeing what it read first */
	t = tx_start(a);
	assert_string_equal(tc_req(a, XS_READ, t, S("/t/v")), "1");
	assert_string_equal(W(b, "/t/v", "2"), "OK");
	assert_string_equal(tc_req(a, XS_READ, t, S("/t/v")), "1");
	assert_string_equal(tc_req(a, XS_WRITE, t,
				   S("/t/other\0"
				     "z")),
			    "OK");
	assert_string_equal(tc_req(a, XS_TRANSACTION_END, t, S("T")), "EAGAIN");
	assert_string_equal(R(b, "/t/other"), "ENOENT");
	/* abort discards; conflicts on creation are seen too */
	t = tx_start(a);
	assert_string_equal(tc_req(a, XS_RM, t, S("/t/v")), "OK");
	assert_string_equal(tc_req(a, XS_READ, t, S("/t/v")), "ENOENT");
	assert_string_equal(tc_req(a, XS_TRANSACTION_END, t, S("F")), "OK");
	assert_string_equal(R(b, "/t/v"), "2");
	t = tx_start(a);
	t2 = tx_start(b);
	assert_string_equal(tc_req(a, XS_READ, t, S("/t/c")), "ENOENT");
	assert_string_equal(tc_req(b, XS_WRITE, t2,
				   S("/t/c\0"
				     "b")),
			    "OK");
	assert_string_equal(tc_req(b, XS_TRANSACTION_END, t2, S("T")), "OK");
	assert_string_equal(tc_req(a, XS_WRITE, t,
				   S("/t/c\0"
				     "a")),
			    "OK");
	assert_string_equal(tc_req(a, XS_TRANSACTION_END, t, S("T")), "EAGAIN");
	assert_string_equal(R(a, "/t/c"), "b");
	/* protocol errors */
	assert_string_equal(tc_req(a, XS_READ, 999, S("/t/v")), "ENOENT");
	t = tx_start(a);
	assert_string_equal(tc_req(a, XS_TRANSACTION_START, t, S("")), "EBUSY");
	assert_string_equal(tc_req(a, XS_TRANSACTION_END, t, S("X")), "EINVAL");
	assert_string_equal(tc_req(a, XS_TRANSACTION_END, 0, S("T")), "ENOENT");
	/* abandoned transactions go away with their connection */
	assert_int_equal(a->ntrans, 1);
	tc_free(a);
	tc_free(b);
}

static void quotas(void **state)
{
	struct conn *a = tc_new(0), *d5 = tc_new(5);
	char big[3000];
	uint32_t ts[16];
	int i;

	(void)state;
	quota_global[Q_NODES] = 3;
	quota_global[Q_WATCHES] = 2;
	quota_global[Q_TRANSACTIONS] = 2;
	quota_global[Q_PERMS] = 2;
	quota_global[Q_PATH_MAX] = 20;
	assert_string_equal(tc_req(a, XS_MKDIR, 0, S("/local/domain/5")), "OK");
	assert_string_equal(
		tc_req(a, XS_SET_PERMS, 0, S("/local/domain/5\0n5")), "OK");
	/* the home node itself counts: two more nodes fit */
	assert_string_equal(W(d5, "a", "1"), "OK");
	assert_string_equal(W(d5, "b", "1"), "OK");
	assert_string_equal(W(d5, "c", "1"), "ENOSPC");
	assert_string_equal(W(d5, "a", "2"), "OK"); /* rewriting is fine */
	assert_string_equal(tc_req(d5, XS_RM, 0, S("b")), "OK");
	assert_string_equal(W(d5, "c", "1"), "OK");
	/* dom0 is exempt */
	for (i = 0; i < 5; i++) {
		char p[32];

		snprintf(p, sizeof(p), "/q/%d", i);
		assert_string_equal(tc_req(a, XS_WRITE, 0, p, strlen(p) + 1),
				    "OK");
	}
	/* node size */
	memset(big, 'v', sizeof(big));
	memcpy(big, "a\0", 2);
	assert_string_equal(tc_req(d5, XS_WRITE, 0, big, sizeof(big)),
			    "ENOSPC");
	/* watches and transactions: like Xen, the count before adding is
	 * compared, so quota + 1 fit */
	assert_string_equal(WATCH(d5, "a", "1"), "OK");
	assert_string_equal(WATCH(d5, "a", "2"), "OK");
	assert_string_equal(WATCH(d5, "a", "3"), "OK");
	assert_string_equal(WATCH(d5, "a", "4"), "E2BIG");
	ts[0] = tx_start(d5);
	ts[1] = tx_start(d5);
	ts[2] = tx_start(d5);
	assert_true(ts[0] && ts[1] && ts[2]);
	assert_string_equal(tc_req(d5, XS_TRANSACTION_START, 0, S("")),
			    "ENOSPC");
	/* permissions per node */
	assert_string_equal(tc_req(d5, XS_SET_PERMS, 0, S("a\0n5\0r1")), "OK");
	assert_string_equal(tc_req(d5, XS_SET_PERMS, 0, S("a\0n5\0r1\0r2")),
			    "ENOSPC");
	/* path length below the domain's home */
	assert_string_equal(R(d5, "a/aaaaaaaaaaaaaaaaaaaaaaaaaa"), "EINVAL");
	/* GET_QUOTA / SET_QUOTA */
	assert_string_equal(tc_req(a, KXS_GET_QUOTA, 0, S("nodes")), "3");
	assert_string_equal(tc_req(a, KXS_SET_QUOTA, 0,
				   S("nodes\0"
				     "100")),
			    "OK");
	assert_string_equal(tc_req(a, KXS_GET_QUOTA, 0, S("nodes")), "100");
	assert_string_equal(tc_req(a, KXS_GET_QUOTA, 0, S("5\0nodes")),
			    "ENOENT");
	assert_string_equal(tc_req(a, KXS_GET_QUOTA, 0, S("bogus")), "EINVAL");
	assert_string_equal(tc_req(a, KXS_GET_QUOTA, 0, S("path-length")),
			    "20");
	assert_non_null(strstr(tc_req(a, KXS_GET_QUOTA, 0, "", 0),
			       "nodes watches transactions"));
	assert_string_equal(tc_req(d5, KXS_GET_QUOTA, 0, S("nodes")), "EACCES");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("5\0"
				     "99\0"
				     "1")),
			    "OK");
	assert_string_equal(tc_req(a, KXS_SET_QUOTA, 0,
				   S("5\0nodes\0"
				     "7")),
			    "OK");
	assert_string_equal(tc_req(a, KXS_GET_QUOTA, 0, S("5\0nodes")), "7");
	tc_free(a);
	tc_free(d5);
}

static void domains(void **state)
{
	struct conn *a = tc_new(0), *d5 = tc_new(5), *d6 = tc_new(6);

	(void)state;
	assert_string_equal(tc_req(a, XS_GET_DOMAIN_PATH, 0, S("5")),
			    "/local/domain/5");
	assert_string_equal(tc_req(a, XS_GET_DOMAIN_PATH, 0, S("x")), "EINVAL");
	assert_string_equal(tc_req(a, XS_IS_DOMAIN_INTRODUCED, 0, S("5")), "F");
	assert_string_equal(tc_req(a, XS_IS_DOMAIN_INTRODUCED, 0, S("0")), "T");
	assert_string_equal(tc_req(d5, XS_IS_DOMAIN_INTRODUCED, 0, S("0")),
			    "EACCES");
	/* every type but WATCH/UNWATCH checks the transaction id */
	assert_string_equal(tc_req(a, XS_GET_DOMAIN_PATH, 77, S("5")),
			    "ENOENT");
	assert_string_equal(tc_req(d5, XS_INTRODUCE, 0,
				   S("6\0"
				     "1\0"
				     "1")),
			    "EACCES");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("5\0"
				     "1\0")),
			    "EINVAL");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("5\0"
				     "1\0"
				     "2")),
			    "OK");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("5\0"
				     "1\0"
				     "2")),
			    "OK");
	/* re-introduction (new event channel) is accepted, as in Xen */
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("5\0"
				     "9\0"
				     "2")),
			    "OK");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("7\0"
				     "9\0"
				     "0")),
			    "EINVAL");
	assert_string_equal(tc_req(a, XS_RESUME, 0, S("0")), "EINVAL");
	assert_string_equal(tc_req(a, XS_IS_DOMAIN_INTRODUCED, 0, S("32752")),
			    "T");
	assert_string_equal(tc_req(a, XS_IS_DOMAIN_INTRODUCED, 0, S("5")), "T");
	assert_string_equal(tc_req(a, XS_RESUME, 0, S("5")), "OK");
	assert_string_equal(tc_req(a, XS_RESUME, 0, S("8")), "ENOENT");
	assert_string_equal(tc_req(d5, XS_RESUME, 0, S("5")), "EACCES");
	/* SET_TARGET: dom6 (a device model) acts for dom5 */
	assert_string_equal(W(a, "/local/domain/5/dm", "x"), "OK");
	assert_string_equal(
		tc_req(a, XS_SET_PERMS, 0, S("/local/domain/5/dm\0n5")), "OK");
	assert_string_equal(R(d6, "/local/domain/5/dm"), "EACCES");
	assert_string_equal(tc_req(a, XS_SET_TARGET, 0,
				   S("6\0"
				     "5")),
			    "ENOENT");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("6\0"
				     "2\0"
				     "2")),
			    "OK");
	assert_string_equal(tc_req(a, XS_SET_TARGET, 0,
				   S("6\0"
				     "5")),
			    "OK");
	assert_string_equal(R(d6, "/local/domain/5/dm"), "x");
	/* features */
	assert_string_equal(tc_req(a, KXS_GET_FEATURE, 0, "", 0), "3");
	assert_string_equal(tc_req(a, KXS_SET_FEATURE, 0,
				   S("9\0"
				     "1")),
			    "OK");
	assert_string_equal(tc_req(a, KXS_GET_FEATURE, 0, S("9")), "1");
	assert_string_equal(tc_req(a, KXS_SET_FEATURE, 0,
				   S("5\0"
				     "1")),
			    "EBUSY");
	assert_string_equal(tc_req(a, KXS_SET_FEATURE, 0,
				   S("9\0"
				     "8")),
			    "EINVAL");
	assert_string_equal(tc_req(d5, KXS_GET_FEATURE, 0, S("9")), "EACCES");
	/* release */
	assert_string_equal(tc_req(a, XS_RELEASE, 0, S("5")), "OK");
	assert_string_equal(tc_req(a, XS_RELEASE, 0, S("5")), "ENOENT");
	assert_string_equal(tc_req(a, XS_IS_DOMAIN_INTRODUCED, 0, S("5")), "F");
	tc_free(a);
	tc_free(d5);
	tc_free(d6);
}

/* -p: a second privileged domain (a driver or toolstack domain) */
static void priv_domid_option(void **state)
{
	struct conn *d7, *d8;

	(void)state;
	priv_domid = 7;
	d7 = tc_new(7);
	d8 = tc_new(8);
	assert_string_equal(W(d7, "/anywhere", "x"), "OK");
	assert_string_equal(tc_req(d7, XS_INTRODUCE, 0,
				   S("9\0"
				     "1\0"
				     "1")),
			    "OK");
	assert_string_equal(W(d8, "/anywhere", "y"), "EACCES");
	priv_domid = 0;
	tc_free(d7);
	tc_free(d8);
}

static void control(void **state)
{
	struct conn *a = tc_new(0), *d5 = tc_new(5);

	(void)state;
	assert_string_equal(tc_req(a, XS_CONTROL, 0, S("check")), "OK");
	assert_string_equal(tc_req(a, XS_CONTROL, 0, S("print\0hello")), "OK");
	assert_non_null(strstr(tc_req(a, XS_CONTROL, 0, S("help")), "quota"));
	assert_non_null(
		strstr(tc_req(a, XS_CONTROL, 0, S("memreport")), "nodes: "));
	assert_string_equal(tc_req(a, XS_CONTROL, 0, S("nonsense")), "EINVAL");
	assert_string_equal(tc_req(d5, XS_CONTROL, 0, S("check")), "EACCES");
	tc_free(a);
	tc_free(d5);
}

static void bad_messages(void **state)
{
	struct conn *a = tc_new(0);

	(void)state;
	assert_string_equal(tc_req(a, 999, 0, S("/x")), "ENOSYS");
	assert_string_equal(tc_req(a, XS_WATCH_EVENT, 0, S("/x\0t")), "ENOSYS");
	assert_string_equal(tc_req(a, XS_ERROR, 0, S("EINVAL")), "ENOSYS");
	assert_string_equal(tc_req(a, 20, 0, S("")), "ENOSYS"); /* RESTRICT */
	/* missing NULs */
	assert_string_equal(tc_req(a, XS_READ, 0, "/tool", 5), "EINVAL");
	assert_string_equal(tc_req(a, XS_WRITE, 0, "/tool", 5), "EINVAL");
	assert_string_equal(tc_req(a, XS_READ, 0, "", 0), "EINVAL");
	assert_string_equal(tc_req(a, XS_READ, 0, "/tool\0/x", 9), "EINVAL");
	assert_string_equal(tc_req(a, XS_WATCH, 0, "/x\0tok", 6), "EINVAL");
	assert_string_equal(tc_req(a, XS_INTRODUCE, 0,
				   S("5\0abc\0"
				     "1")),
			    "EINVAL");
	assert_string_equal(tc_req(a, XS_GET_DOMAIN_PATH, 0, S("99999999999")),
			    "EINVAL");
	/* an offset past the end gives the empty list, as in Xen */
	assert_non_null(
		strstr(tc_req(a, XS_DIRECTORY_PART, 0, S("/\0-1")), "|"));
	assert_string_equal(tc_req(a, XS_DIRECTORY_PART, 0, S("/")), "EINVAL");
	tc_free(a);
}

/* Feeds raw bytes through conn_input, as a socket would. */
struct feed {
	const char *buf;
	unsigned int len, off;
};

static long feed_read(struct conn *c, void *buf, unsigned int len)
{
	struct feed *f = c->priv;

	if (f->off == f->len)
		return 0;
	if (len > f->len - f->off)
		len = f->len - f->off;
	memcpy(buf, f->buf + f->off, len);
	f->off += len;
	return len;
}

static long sink_write(struct conn *c, const void *buf, unsigned int len)
{
	(void)c;
	(void)buf;
	return len;
}

static const struct conn_ops feed_ops = { .read = feed_read,
					  .write = sink_write };

static void framing(void **state)
{
	struct xsd_sockmsg h = { XS_READ, 1, 0, XENSTORE_PAYLOAD_MAX + 1 };
	struct feed f = { (const char *)&h, sizeof(h), 0 };
	struct conn *c = conn_new(&feed_ops, &f, -1, 0);
	char msg[64];

	(void)state;
	/* oversized: the connection is dropped */
	assert_false(conn_input(c));
	conn_destroy(c);
	/* truncated: waits for more, leaks nothing when dropped */
	h.len = 10;
	memcpy(msg, &h, sizeof(h));
	memcpy(msg + sizeof(h), "/to", 3);
	f = (struct feed){ msg, sizeof(h) + 3, 0 };
	c = conn_new(&feed_ops, &f, -1, 0);
	assert_true(conn_input(c));
	assert_true(conn_input(c));
	assert_int_equal(c->out_replies, 0);
	/* the rest arrives: one reply */
	memcpy(msg + sizeof(h) + 3, "ol\0xxxx", 7);
	f.len = sizeof(h) + 10;
	assert_true(conn_input(c));
	assert_int_equal(c->out_replies, 1);
	assert_true(conn_output(c));
	conn_destroy(c);
}

static long blocked_write(struct conn *c, const void *buf, unsigned int len)
{
	(void)c;
	(void)buf;
	(void)len;
	return 0; /* the peer never reads */
}

static const struct conn_ops stuck_ops = { .read = feed_read,
					   .write = blocked_write };

/* A client that pipelines requests but never reads is throttled at the
 * outstanding-request quota instead of growing the daemon's queues. */
static void outstanding_throttle(void **state)
{
	struct xsd_sockmsg h = { XS_READ, 0, 0, sizeof("/tool") };
	char stream[64 * 32];
	unsigned int i, off = 0;
	struct feed f;
	struct conn *c;

	(void)state;
	for (i = 0; i < 64; i++) {
		h.req_id = i;
		memcpy(stream + off, &h, sizeof(h));
		memcpy(stream + off + sizeof(h), "/tool", sizeof("/tool"));
		off += sizeof(h) + sizeof("/tool");
	}
	f = (struct feed){ stream, off, 0 };
	c = conn_new(&stuck_ops, &f, -1, 7);
	for (i = 0; i < 200 && conn_wants_input(c); i++) {
		assert_true(conn_input(c));
		assert_true(conn_output(c));
	}
	assert_false(conn_wants_input(c));
	assert_int_equal(c->out_replies, quota_global[Q_OUTSTANDING]);
	conn_destroy(c);
}

static void cleanup_on_disconnect(void **state)
{
	struct conn *a = tc_new(0), *b = tc_new(0);
	int i;

	(void)state;
	for (i = 0; i < 50; i++) {
		char p[64];

		snprintf(p, sizeof(p), "/c/%d%ctok", i, 0);
		assert_string_equal(tc_req(b, XS_WATCH, 0, p, strlen(p) + 5),
				    "OK");
	}
	for (i = 0; i < 5; i++)
		assert_true(tx_start(b) != 0);
	assert_string_equal(tc_req(b, XS_WRITE, 1,
				   S("/c/x\0"
				     "1")),
			    "OK");
	/* a flood of events to a client that never reads stays bounded */
	for (i = 0; i < 200; i++)
		assert_string_equal(W(a, "/c/1", "v"), "OK");
	tc_free(b);
	/* nothing left behind: LeakSanitizer checks the rest at exit */
	assert_string_equal(W(a, "/c/1", "v"), "OK");
	assert_non_null(conn_list);
	assert_null(conn_list->next);
	tc_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(watches, setup),
		cmocka_unit_test_setup(watch_perms, setup),
		cmocka_unit_test_setup(transactions, setup),
		cmocka_unit_test_setup(quotas, setup),
		cmocka_unit_test_setup(domains, setup),
		cmocka_unit_test_setup(priv_domid_option, setup),
		cmocka_unit_test_setup(control, setup),
		cmocka_unit_test_setup(bad_messages, setup),
		cmocka_unit_test_setup(framing, setup),
		cmocka_unit_test_setup(outstanding_throttle, setup),
		cmocka_unit_test_setup(cleanup_on_disconnect, setup),
	};

	quota_defaults();
	db_init();
	log_open("/dev/null");
	return cmocka_run_group_tests_name("xenstored sessions", tests, NULL,
					   NULL);
}
