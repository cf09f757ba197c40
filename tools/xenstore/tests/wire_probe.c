// SPDX-License-Identifier: GPL-2.0
/*
 * Socket-level tests against a running daemon ($XENSTORED_PATH): message
 * types the 4.17 library cannot send (RESET_WATCHES, GET/SET_FEATURE,
 * GET/SET_QUOTA), malformed and hostile input, and fairness between
 * clients.  Prints PASS:/FAIL: lines.
 */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

#include "../xenstored.h"

static int failed;

static void check(bool ok, const char *what, const char *got)
{
	printf("%s: %s", ok ? "PASS" : "FAIL", what);
	if (!ok && got)
		printf(" (got \"%s\")", got);
	printf("\n");
	failed |= !ok;
}

static int connect_daemon(void)
{
	struct sockaddr_un a = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM, 0);

	snprintf(a.sun_path, sizeof(a.sun_path), "%s",
		 getenv("XENSTORED_PATH"));
	if (connect(fd, (struct sockaddr *)&a, sizeof(a))) {
		perror("connect");
		exit(1);
	}
	return fd;
}

static bool send_all(int fd, const void *p, size_t len)
{
	while (len) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n <= 0)
			return false;
		p = (const char *)p + n;
		len -= n;
	}
	return true;
}

/* Reads exactly len bytes within 5 seconds; false on EOF or timeout. */
static bool recv_all(int fd, void *p, size_t len)
{
	struct pollfd pfd = { fd, POLLIN, 0 };

	while (len) {
		ssize_t n;

		if (poll(&pfd, 1, 5000) != 1)
			return false;
		n = recv(fd, p, len, 0);
		if (n <= 0)
			return false;
		p = (char *)p + n;
		len -= n;
	}
	return true;
}

static void send_msg(int fd, uint32_t type, uint32_t tx, const char *d,
		     unsigned int len)
{
	struct xsd_sockmsg h = { type, 42, tx, len };

	send_all(fd, &h, sizeof(h));
	send_all(fd, d, len);
}

/* Reply payload with NULs as '|' (trailing one dropped); events skipped.
 * Errors come back as their names. */
static const char *get_reply(int fd, uint32_t *type)
{
	static char buf[XENSTORE_PAYLOAD_MAX + 1];
	struct xsd_sockmsg h;
	unsigned int i;

	do {
		if (!recv_all(fd, &h, sizeof(h)) ||
		    h.len > XENSTORE_PAYLOAD_MAX || !recv_all(fd, buf, h.len))
			return "(closed)";
	} while (h.type == XS_WATCH_EVENT);
	if (h.len && buf[h.len - 1] == '\0')
		h.len--;
	for (i = 0; i < h.len; i++)
		if (!buf[i])
			buf[i] = '|';
	buf[h.len] = '\0';
	if (type)
		*type = h.type;
	return buf;
}

static const char *req(int fd, uint32_t type, const char *d, unsigned int len)
{
	send_msg(fd, type, 0, d, len);
	return get_reply(fd, NULL);
}

#define S(lit) lit, sizeof(lit)
#define EXPECT(fd, type, want, ...)                                          \
	do {                                                                 \
		const char *g_ = req(fd, type, __VA_ARGS__);                 \
		check(!strcmp(g_, want), #type " " #__VA_ARGS__ " -> " want, \
		      g_);                                                   \
	} while (0)

static void new_types(int fd)
{
	EXPECT(fd, KXS_GET_QUOTA, "1000", S("nodes"));
	EXPECT(fd, KXS_GET_QUOTA, "128", S("watches"));
	EXPECT(fd, KXS_GET_QUOTA, "10", S("transactions"));
	EXPECT(fd, KXS_GET_QUOTA, "2048", S("node-size"));
	EXPECT(fd, KXS_GET_QUOTA, "5", S("permissions"));
	EXPECT(fd, KXS_SET_QUOTA, "OK",
	       S("nodes\0"
		 "2000"));
	EXPECT(fd, KXS_GET_QUOTA, "2000", S("nodes"));
	EXPECT(fd, KXS_SET_QUOTA, "EINVAL", S("nodes\0x"));
	EXPECT(fd, KXS_GET_QUOTA, "ENOENT", S("3\0nodes"));
	EXPECT(fd, KXS_GET_FEATURE, "3", "", 0);
	EXPECT(fd, KXS_SET_FEATURE, "OK",
	       S("4\0"
		 "1"));
	EXPECT(fd, KXS_GET_FEATURE, "1", S("4"));
	EXPECT(fd, XS_WATCH, "OK", S("/probe\0t"));
	EXPECT(fd, XS_RESET_WATCHES, "OK", "", 0);
	EXPECT(fd, XS_UNWATCH, "ENOENT", S("/probe\0t"));
}

static void bad_input(int fd)
{
	struct xsd_sockmsg h = { XS_READ, 1, 0, XENSTORE_PAYLOAD_MAX + 1 };
	int bad;

	EXPECT(fd, 12345, "ENOSYS", S("/x"));
	EXPECT(fd, XS_READ, "EINVAL", "/tool", 5);
	EXPECT(fd, XS_READ, "EINVAL", S("/../etc/passwd"));
	EXPECT(fd, XS_WRITE, "EINVAL", S("/a/./b\0v"));
	EXPECT(fd, XS_TRANSACTION_END, "ENOENT", S("T"));
	/* oversized: the daemon drops that connection, nobody else's */
	bad = connect_daemon();
	send_all(bad, &h, sizeof(h));
	check(!strcmp(get_reply(bad, NULL), "(closed)"),
	      "oversized message closes the connection", NULL);
	close(bad);
	/* truncated and abandoned, with an open transaction */
	bad = connect_daemon();
	req(bad, XS_TRANSACTION_START, S(""));
	h.len = 100;
	send_all(bad, &h, sizeof(h));
	send_all(bad, "/par", 4);
	close(bad);
	/* random garbage */
	bad = connect_daemon();
	{
		unsigned char junk[4096];
		unsigned int i, seed = 1;

		for (i = 0; i < sizeof(junk); i++) {
			seed = seed * 1103515245 + 12345;
			junk[i] = seed >> 16;
		}
		send_all(bad, junk, sizeof(junk));
	}
	close(bad);
	EXPECT(fd, XS_READ, "", S("/tool/xenstored"));
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/*
 * A greedy client pipelines thousands of writes and does not read its
 * replies; a watcher never reads its events.  A polite client must still
 * be served promptly, and the daemon must stay alive.
 */
static void fairness(int fd)
{
	int greedy = connect_daemon(), lazy = connect_daemon();
	char msg[64];
	double t0, worst = 0;
	int i, n;

	req(lazy, XS_WATCH, S("/flood\0t"));
	for (i = 0; i < 3000; i++) {
		struct xsd_sockmsg h = { XS_WRITE, i, 0, 0 };

		n = snprintf(msg + sizeof(h), sizeof(msg) - sizeof(h),
			     "/flood/k%d%cv", i % 50, 0);
		h.len = n + 1;
		memcpy(msg, &h, sizeof(h));
		/* non-blocking: stop when the daemon pushes back */
		if (send(greedy, msg, sizeof(h) + h.len,
			 MSG_DONTWAIT | MSG_NOSIGNAL) <= 0)
			break;
	}
	for (i = 0; i < 50; i++) {
		t0 = now();
		if (strcmp(req(fd, XS_READ, S("/tool/xenstored")), ""))
			break;
		if (now() - t0 > worst)
			worst = now() - t0;
	}
	check(i == 50 && worst < 1.0, "polite client served while others flood",
	      NULL);
	close(greedy);
	close(lazy);
	EXPECT(fd, XS_DIRECTORY, "xenstored", S("/tool"));
}

/* More clients than one poll() array of 1024 would hold. */
static void many_clients(int fd)
{
	enum {
		N = 1500
	};
	static int fds[N];
	int i, ok = 0;

	for (i = 0; i < N; i++)
		fds[i] = connect_daemon();
	for (i = 0; i < N; i += 100)
		ok += !strcmp(req(fds[i], XS_READ, S("/tool/xenstored")), "");
	ok += !strcmp(req(fds[N - 1], XS_READ, S("/tool/xenstored")), "");
	for (i = 0; i < N; i++)
		close(fds[i]);
	check(ok == N / 100 + 1, "1500 simultaneous clients are all served",
	      NULL);
	EXPECT(fd, XS_DIRECTORY, "xenstored", S("/tool"));
}

int main(void)
{
	int fd = connect_daemon();

	new_types(fd);
	bad_input(fd);
	fairness(fd);
	many_clients(fd);
	close(fd);
	return failed;
}
