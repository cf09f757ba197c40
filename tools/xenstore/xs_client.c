// SPDX-License-Identifier: GPL-2.0
/*
 * Krypton's xenstore client library.  It implements the libxenstore API
 * declared by the public <xenstore.h> (Debian libxen-dev), so toolstack
 * code (xl, xenconsoled) and the clients build against either library.
 *
 * Single-threaded: watch events that arrive while waiting for a reply are
 * queued and handed out by xs_read_watch()/xs_check_watch().  So that a
 * caller polling xs_fileno() still wakes up for queued events, that fd is
 * an epoll set of the connection and an eventfd that is readable while the
 * queue is not empty: poll() says "readable" exactly when xs_read_watch()
 * has something to return without waiting long.
 */
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>
#include <xenstore.h>

#include "xs_client_internal.h"

struct event {
	struct event *next;
	char **vec;
	unsigned int num;
};

struct xs_handle {
	/* Held for each request/reply exchange and every read of fd, so
	 * threads may share a handle; never held while sleeping in poll. */
	pthread_mutex_t lock;
	int fd;
	int efd;  /* eventfd: readable while events are queued */
	int epfd; /* epoll of fd and efd, handed out by xs_fileno() */
	uint32_t req_id;
	struct event *ev_head, *ev_tail;
};

const char *xs_daemon_rundir(void)
{
	const char *s = getenv("XENSTORED_RUNDIR");

	return s ? s : "/var/run/xenstored";
}

const char *xs_daemon_socket(void)
{
	static char buf[4096];
	const char *s = getenv("XENSTORED_PATH");

	if (s)
		return s;
	snprintf(buf, sizeof(buf), "%s/socket", xs_daemon_rundir());
	return buf;
}

const char *xs_daemon_socket_ro(void)
{
	return xs_daemon_socket();
}

bool xs_write_all(int fd, const void *data, unsigned int len)
{
	while (len) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data = (const char *)data + n;
		len -= n;
	}
	return true;
}

static bool read_all(int fd, void *data, unsigned int len)
{
	while (len) {
		ssize_t n = read(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = ECONNRESET;
			return false;
		}
		data = (char *)data + n;
		len -= n;
	}
	return true;
}

static int open_socket(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(addr.sun_path, path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&addr, sizeof(addr))) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* A socket path is connected to; anything else is opened as a device
 * (the kernel's xenbus device speaks the same protocol). */
static int open_path(const char *path)
{
	struct stat st;

	if (stat(path, &st))
		return -1;
	if (S_ISSOCK(st.st_mode))
		return open_socket(path);
	return open(path, O_RDWR | O_CLOEXEC);
}

struct xs_handle *xs_open(unsigned long flags)
{
	struct xs_handle *h;
	int fd = open_path(xs_daemon_socket());

	if (fd < 0 && !(flags & XS_OPEN_SOCKETONLY)) {
		const char *dev = getenv("XENSTORED_PATH");

		fd = open_path(dev ? dev : "/dev/xen/xenbus");
	}
	if (fd < 0)
		return NULL;
	h = calloc(1, sizeof(*h));
	if (!h) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	pthread_mutex_init(&h->lock, NULL);
	h->fd = fd;
	h->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	h->epfd = epoll_create1(EPOLL_CLOEXEC);
	if (h->efd >= 0 && h->epfd >= 0) {
		struct epoll_event ev = { .events = EPOLLIN };

		ev.data.fd = fd;
		epoll_ctl(h->epfd, EPOLL_CTL_ADD, fd, &ev);
		ev.data.fd = h->efd;
		epoll_ctl(h->epfd, EPOLL_CTL_ADD, h->efd, &ev);
	}
	return h;
}

struct xs_handle *xs_daemon_open(void)
{
	return xs_open(0);
}

struct xs_handle *xs_domain_open(void)
{
	return xs_open(0);
}

struct xs_handle *xs_daemon_open_readonly(void)
{
	return xs_open(XS_OPEN_READONLY);
}

void xs_close(struct xs_handle *h)
{
	struct event *e, *next;

	if (!h)
		return;
	for (e = h->ev_head; e; e = next) {
		next = e->next;
		free(e->vec);
		free(e);
	}
	close(h->fd);
	if (h->efd >= 0)
		close(h->efd);
	if (h->epfd >= 0)
		close(h->epfd);
	pthread_mutex_destroy(&h->lock);
	free(h);
}

void xs_daemon_close(struct xs_handle *h)
{
	xs_close(h);
}

void xs_daemon_destroy_postfork(struct xs_handle *h)
{
	xs_close(h);
}

int xs_fileno(struct xs_handle *h)
{
	return h->epfd >= 0 && h->efd >= 0 ? h->epfd : h->fd;
}

static int errno_of(const char *s)
{
	unsigned int i;

	for (i = 0; i < sizeof(xsd_errors) / sizeof(xsd_errors[0]); i++)
		if (!strcmp(xsd_errors[i].errstring, s))
			return xsd_errors[i].errnum;
	return EINVAL;
}

/* Splits len bytes of NUL-terminated strings into one allocation holding
 * the pointer array followed by the strings; free() releases both. */
char **split_strings(const char *buf, unsigned int len, unsigned int *num)
{
	unsigned int n = 0, i;
	char **vec, *s;

	for (i = 0; i < len; i++)
		if (buf[i] == '\0')
			n++;
	vec = malloc(sizeof(char *) * (n + 1) + len + 1);
	if (!vec)
		return NULL;
	s = (char *)(vec + n + 1);
	memcpy(s, buf, len);
	s[len] = '\0';
	for (i = 0; i < n; i++) {
		vec[i] = s;
		s += strlen(s) + 1;
	}
	vec[n] = NULL;
	*num = n;
	return vec;
}

static bool queue_event(struct xs_handle *h, const char *buf, unsigned int len)
{
	struct event *e = calloc(1, sizeof(*e));

	if (!e)
		return false;
	e->vec = split_strings(buf, len, &e->num);
	if (!e->vec || e->num < 2) {
		free(e->vec);
		free(e);
		return false;
	}
	if (h->ev_tail)
		h->ev_tail->next = e;
	else
		h->ev_head = e;
	h->ev_tail = e;
	if (h->efd >= 0) {
		uint64_t one = 1;

		ssize_t rc = write(h->efd, &one, sizeof(one));

		(void)rc; /* at worst already signalled: still readable */
	}
	return true;
}

/* Reads one message; payload is malloc'd with a NUL after it. */
static char *read_msg(struct xs_handle *h, struct xsd_sockmsg *m)
{
	char *body;

	if (!read_all(h->fd, m, sizeof(*m)))
		return NULL;
	if (m->len > XENSTORE_PAYLOAD_MAX) {
		errno = EPROTO;
		return NULL;
	}
	body = malloc(m->len + 1);
	if (!body)
		return NULL;
	if (!read_all(h->fd, body, m->len)) {
		free(body);
		return NULL;
	}
	body[m->len] = '\0';
	return body;
}

static void *talkv_locked(struct xs_handle *h, xs_transaction_t t,
			  enum xsd_sockmsg_type type, const struct iovec *iov,
			  unsigned int n, unsigned int *len)
{
	struct xsd_sockmsg m = { type, ++h->req_id, t, 0 };
	char buf[sizeof(m) + XENSTORE_PAYLOAD_MAX];
	unsigned int i, used = sizeof(m);
	char *body;

	for (i = 0; i < n; i++) {
		if (used + iov[i].iov_len > sizeof(buf)) {
			errno = E2BIG;
			return NULL;
		}
		memcpy(buf + used, iov[i].iov_base, iov[i].iov_len);
		used += iov[i].iov_len;
	}
	m.len = used - sizeof(m);
	memcpy(buf, &m, sizeof(m));
	if (!xs_write_all(h->fd, buf, used))
		return NULL;
	for (;;) {
		struct xsd_sockmsg r;

		body = read_msg(h, &r);
		if (!body)
			return NULL;
		if (r.type == XS_WATCH_EVENT) {
			queue_event(h, body, r.len);
			free(body);
			continue;
		}
		if (r.type == XS_ERROR) {
			int e = errno_of(body);

			free(body);
			errno = e;
			return NULL;
		}
		if (r.type != (uint32_t)type) {
			free(body);
			errno = EBADF;
			return NULL;
		}
		if (len)
			*len = r.len;
		return body;
	}
}

void *talkv(struct xs_handle *h, xs_transaction_t t, enum xsd_sockmsg_type type,
	    const struct iovec *iov, unsigned int n, unsigned int *len)
{
	void *r;
	int e;

	pthread_mutex_lock(&h->lock);
	r = talkv_locked(h, t, type, iov, n, len);
	e = errno;
	pthread_mutex_unlock(&h->lock);
	errno = e;
	return r;
}

void *talk1(struct xs_handle *h, xs_transaction_t t, enum xsd_sockmsg_type type,
	    const char *arg, unsigned int *len)
{
	struct iovec iov = { (void *)arg, strlen(arg) + 1 };

	return talkv(h, t, type, &iov, 1, len);
}

bool talk_ok(struct xs_handle *h, xs_transaction_t t,
	     enum xsd_sockmsg_type type, const struct iovec *iov,
	     unsigned int n)
{
	char *r = talkv(h, t, type, iov, n, NULL);

	free(r);
	return r != NULL;
}

bool xs_watch(struct xs_handle *h, const char *path, const char *token)
{
	struct iovec iov[2] = { { (void *)path, strlen(path) + 1 },
				{ (void *)token, strlen(token) + 1 } };

	return talk_ok(h, XBT_NULL, XS_WATCH, iov, 2);
}

bool xs_unwatch(struct xs_handle *h, const char *path, const char *token)
{
	struct iovec iov[2] = { { (void *)path, strlen(path) + 1 },
				{ (void *)token, strlen(token) + 1 } };

	return talk_ok(h, XBT_NULL, XS_UNWATCH, iov, 2);
}

static char **pop_event(struct xs_handle *h, unsigned int *num)
{
	struct event *e = h->ev_head;
	char **vec;

	if (!e)
		return NULL;
	h->ev_head = e->next;
	if (!h->ev_head) {
		uint64_t v;

		h->ev_tail = NULL;
		if (h->efd >= 0 && read(h->efd, &v, sizeof(v)) < 0)
			v = 0; /* nothing to clear */
	}
	vec = e->vec;
	if (num)
		*num = e->num;
	free(e);
	return vec;
}

/*
 * With the lock held: reads one message if a whole header is waiting
 * (or, for a device that cannot peek, blocks for one).  Returns 1 if a
 * message was read, 0 if none was waiting, -1 on a broken connection.
 */
static int pump_one(struct xs_handle *h)
{
	struct xsd_sockmsg m;
	char *body;
	ssize_t n = recv(h->fd, &m, sizeof(m), MSG_PEEK | MSG_DONTWAIT);

	if (n >= 0 && n < (ssize_t)sizeof(m)) {
		if (n == 0) {
			errno = ECONNRESET;
			return -1;
		}
		return 0;
	}
	if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
		return 0;
	/* a header is there, or fd is not a socket: read a message */
	body = read_msg(h, &m);
	if (!body)
		return -1;
	if (m.type == XS_WATCH_EVENT)
		queue_event(h, body, m.len);
	free(body); /* a stray reply has no caller left */
	return 1;
}

char **xs_read_watch(struct xs_handle *h, unsigned int *num)
{
	struct pollfd p = { xs_fileno(h), POLLIN, 0 };
	char **vec;
	int r;

	for (;;) {
		pthread_mutex_lock(&h->lock);
		vec = pop_event(h, num);
		r = vec ? 1 : pump_one(h);
		if (!vec && r > 0)
			vec = pop_event(h, num);
		pthread_mutex_unlock(&h->lock);
		if (vec)
			return vec;
		if (r < 0)
			return NULL;
		/* Sleep unlocked: another thread may be mid-request.  The
		 * fd covers the socket and the queue (see xs_fileno), so an
		 * event that thread queues wakes us as well. */
		if (r == 0 && poll(&p, 1, 100) < 0 && errno != EINTR)
			return NULL;
	}
}

char **xs_check_watch(struct xs_handle *h)
{
	char **vec;
	int r = 1;

	pthread_mutex_lock(&h->lock);
	vec = pop_event(h, NULL);
	while (!vec && r > 0) {
		r = pump_one(h);
		vec = pop_event(h, NULL);
	}
	pthread_mutex_unlock(&h->lock);
	if (!vec && r == 0)
		errno = EAGAIN;
	return vec;
}
