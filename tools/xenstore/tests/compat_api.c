// SPDX-License-Identifier: GPL-2.0
/*
 * One scenario over the public libxenstore API (<xenstore.h>), built
 * twice: against Debian's libxenstore and against Krypton's library.
 * Both transcripts (run against Krypton's daemon) must be identical.
 * It drives every message type the 4.17 library can send.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenstore.h>

static const char *ename(int e)
{
	static char buf[16];

	switch (e) {
	case ENOENT:
		return "ENOENT";
	case EACCES:
		return "EACCES";
	case EINVAL:
		return "EINVAL";
	case EEXIST:
		return "EEXIST";
	case EAGAIN:
		return "EAGAIN";
	case EBUSY:
		return "EBUSY";
	case E2BIG:
		return "E2BIG";
	case ENOSPC:
		return "ENOSPC";
	case EPERM:
		return "EPERM";
	case ENOSYS:
		return "ENOSYS";
	}
	snprintf(buf, sizeof(buf), "errno%d", e);
	return buf;
}

#define OK(what, expr)                                               \
	do {                                                         \
		errno = 0;                                           \
		bool ok_ = (expr);                                   \
		printf("%s: %s\n", what, ok_ ? "ok" : ename(errno)); \
	} while (0)

static void show_str(const char *what, char *s, unsigned int len)
{
	unsigned int i;

	if (!s) {
		printf("%s: %s\n", what, ename(errno));
		return;
	}
	printf("%s: \"", what);
	for (i = 0; i < len; i++)
		putchar(s[i] ? s[i] : '|');
	printf("\" (%u)\n", len);
	free(s);
}

static void show_read(struct xs_handle *h, xs_transaction_t t, const char *path)
{
	unsigned int len = 0;
	char what[256], *v;

	errno = 0;
	snprintf(what, sizeof(what), "read %s", path);
	v = xs_read(h, t, path, &len);
	show_str(what, v, len);
}

static void show_dir(struct xs_handle *h, xs_transaction_t t, const char *path,
		     bool names)
{
	unsigned int n = 0, i;
	char **d;

	errno = 0;
	d = xs_directory(h, t, path, &n);
	if (!d) {
		printf("dir %s: %s\n", path, ename(errno));
		return;
	}
	printf("dir %s: %u entries", path, n);
	for (i = 0; names && i < n; i++)
		printf(" %s", d[i]);
	printf("\n");
	free(d);
}

static void show_perms(struct xs_handle *h, const char *path)
{
	unsigned int n = 0, i;
	struct xs_permissions *p;

	errno = 0;
	p = xs_get_permissions(h, XBT_NULL, path, &n);
	if (!p) {
		printf("perms %s: %s\n", path, ename(errno));
		return;
	}
	printf("perms %s:", path);
	for (i = 0; i < n; i++)
		printf(" %u/%u", p[i].id, p[i].perms);
	printf("\n");
	free(p);
}

static void show_event(struct xs_handle *h)
{
	unsigned int n = 0;
	char **v = xs_read_watch(h, &n);

	if (!v) {
		printf("event: %s\n", ename(errno));
		return;
	}
	printf("event: %s %s (%u)\n", v[XS_WATCH_PATH], v[XS_WATCH_TOKEN], n);
	free(v);
}

int main(void)
{
	struct xs_handle *h = xs_open(0), *h2 = xs_open(0);
	struct xs_permissions perms[3] = { { 0, XS_PERM_NONE },
					   { 5, XS_PERM_READ },
					   { 6,
					     XS_PERM_READ | XS_PERM_WRITE } };
	xs_transaction_t t;
	char path[128];
	int i;

	if (!h || !h2) {
		perror("xs_open");
		return 1;
	}
	/* tree */
	OK("mkdir /api/dir", xs_mkdir(h, XBT_NULL, "/api/dir"));
	OK("mkdir again", xs_mkdir(h, XBT_NULL, "/api/dir"));
	OK("write /api/dir/a", xs_write(h, XBT_NULL, "/api/dir/a", "v1", 2));
	OK("write binary", xs_write(h, XBT_NULL, "/api/bin", "a\0b", 3));
	OK("write bad path", xs_write(h, XBT_NULL, "/api/x/../y", "v", 1));
	show_read(h, XBT_NULL, "/api/dir/a");
	show_read(h, XBT_NULL, "/api/bin");
	show_read(h, XBT_NULL, "/api/dir");
	show_read(h, XBT_NULL, "/api/none");
	OK("write relative", xs_write(h, XBT_NULL, "rel/x", "r", 1));
	show_read(h, XBT_NULL, "/local/domain/0/rel/x");
	show_dir(h, XBT_NULL, "/api", true);
	show_dir(h, XBT_NULL, "/api/none", true);
	/* permissions */
	OK("set perms",
	   xs_set_permissions(h, XBT_NULL, "/api/dir/a", perms, 3));
	show_perms(h, "/api/dir/a");
	show_perms(h, "/api/dir");
	show_perms(h, "/api/none");
	/* rm */
	OK("rm /api/dir/a", xs_rm(h, XBT_NULL, "/api/dir/a"));
	OK("rm missing leaf", xs_rm(h, XBT_NULL, "/api/dir/zz"));
	OK("rm missing parent", xs_rm(h, XBT_NULL, "/api/no/zz"));
	show_dir(h, XBT_NULL, "/api/dir", true);
	/* transactions: commit, conflict, abort */
	t = xs_transaction_start(h);
	printf("transaction started: %s\n", t ? "yes" : ename(errno));
	OK("tx write", xs_write(h, t, "/api/tx/a", "1", 1));
	show_read(h2, XBT_NULL, "/api/tx/a");
	show_read(h, t, "/api/tx/a");
	OK("tx commit", xs_transaction_end(h, t, false));
	show_read(h2, XBT_NULL, "/api/tx/a");
	t = xs_transaction_start(h);
	show_read(h, t, "/api/tx/a");
	OK("other writer", xs_write(h2, XBT_NULL, "/api/tx/a", "2", 1));
	show_read(h, t, "/api/tx/a");
	OK("tx write", xs_write(h, t, "/api/tx/b", "1", 1));
	OK("tx commit (conflict)", xs_transaction_end(h, t, false));
	show_read(h, XBT_NULL, "/api/tx/b");
	t = xs_transaction_start(h);
	OK("tx rm", xs_rm(h, t, "/api/tx"));
	OK("tx abort", xs_transaction_end(h, t, true));
	show_read(h, XBT_NULL, "/api/tx/a");
	OK("end unknown tx", xs_transaction_end(h, 4242, false));
	/* watches */
	OK("watch", xs_watch(h2, "/api/w", "tok"));
	show_event(h2);
	OK("write watched", xs_write(h, XBT_NULL, "/api/w/x", "1", 1));
	show_event(h2);
	OK("rm watched", xs_rm(h, XBT_NULL, "/api/w"));
	show_event(h2);
	OK("watch relative", xs_watch(h2, "rel", "r"));
	show_event(h2);
	OK("write relative", xs_write(h, XBT_NULL, "rel/y", "1", 1));
	show_event(h2);
	/* an event that arrives while h2 waits for a reply is queued; the
	 * fd from xs_fileno() must still wake a poll()ing caller */
	OK("write watched", xs_write(h, XBT_NULL, "/api/w/y", "1", 1));
	show_read(h2, XBT_NULL, "/api/w/y");
	{
		struct pollfd p = { xs_fileno(h2), POLLIN, 0 };

		printf("poll xs_fileno: %d\n", poll(&p, 1, 5000));
	}
	show_event(h2);
	{
		struct pollfd p = { xs_fileno(h2), POLLIN, 0 };

		printf("poll xs_fileno, nothing queued: %d\n",
		       poll(&p, 1, 200));
	}
	OK("unwatch", xs_unwatch(h2, "/api/w", "tok"));
	OK("unwatch again", xs_unwatch(h2, "/api/w", "tok"));
	OK("unwatch relative", xs_unwatch(h2, "rel", "r"));
	/* domains */
	OK("watch @introduceDomain", xs_watch(h2, "@introduceDomain", "i"));
	show_event(h2);
	OK("watch @releaseDomain", xs_watch(h2, "@releaseDomain", "r"));
	show_event(h2);
	printf("introduced 5: %d\n", xs_is_domain_introduced(h, 5));
	OK("introduce 5", xs_introduce_domain(h, 5, 1234, 7));
	show_event(h2);
	OK("introduce 6", xs_introduce_domain(h, 6, 1235, 8));
	show_event(h2);
	OK("introduce 0", xs_introduce_domain(h, 0, 1, 1));
	printf("introduced 5: %d\n", xs_is_domain_introduced(h, 5));
	printf("introduced 0: %d\n", xs_is_domain_introduced(h, 0));
	show_str("domain path 5", xs_get_domain_path(h, 5), 15);
	OK("set target 6->5", xs_set_target(h, 6, 5));
	OK("set target 9->5", xs_set_target(h, 9, 5));
	OK("resume 5", xs_resume_domain(h, 5));
	OK("resume 9", xs_resume_domain(h, 9));
	OK("release 5", xs_release_domain(h, 5));
	show_event(h2);
	OK("release 5 again", xs_release_domain(h, 5));
	printf("introduced 5: %d\n", xs_is_domain_introduced(h, 5));
	/* control */
	show_str("control check", xs_control_command(h, "check", NULL, 0), 3);
	errno = 0;
	printf("control bogus: %s\n",
	       xs_control_command(h, "bogus", NULL, 0) ? "ok" : ename(errno));
	/* a directory too big for one reply: DIRECTORY_PART */
	for (i = 0; i < 120; i++) {
		snprintf(path, sizeof(path),
			 "/api/big/child-with-a-rather-long-name-number-%d", i);
		if (!xs_write(h, XBT_NULL, path, "x", 1))
			printf("write %s: %s\n", path, ename(errno));
	}
	show_dir(h, XBT_NULL, "/api/big", false);
	t = xs_transaction_start(h);
	show_dir(h, t, "/api/big", false);
	OK("tx end", xs_transaction_end(h, t, true));
	xs_close(h2);
	xs_close(h);
	return 0;
}
