// SPDX-License-Identifier: GPL-2.0
/*
 * Krypton's xenstore client library.  It implements the libxenstore API
 * declared by the public <xenstore.h> (Debian libxen-dev), so toolstack
 * code (xl, xenconsoled) and the clients build against either library.
 *
 * Single-threaded: watch events that arrive while waiting for a reply are
 * queued and handed out by xs_read_watch()/xs_check_watch().  Because of
 * that queue, callers polling xs_fileno() must drain xs_check_watch()
 * before sleeping in poll().
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>
#include <xenstore.h>

struct event {
	struct event *next;
	char **vec;
	unsigned int num;
};

struct xs_handle {
	int fd;
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
	h->fd = fd;
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
	return h->fd;
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
static char **split_strings(const char *buf, unsigned int len,
			    unsigned int *num)
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

static void *talkv(struct xs_handle *h, xs_transaction_t t,
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

static void *talk1(struct xs_handle *h, xs_transaction_t t,
		   enum xsd_sockmsg_type type, const char *arg,
		   unsigned int *len)
{
	struct iovec iov = { (void *)arg, strlen(arg) + 1 };

	return talkv(h, t, type, &iov, 1, len);
}

static bool talk_ok(struct xs_handle *h, xs_transaction_t t,
		    enum xsd_sockmsg_type type, const struct iovec *iov,
		    unsigned int n)
{
	char *r = talkv(h, t, type, iov, n, NULL);

	free(r);
	return r != NULL;
}

void *xs_read(struct xs_handle *h, xs_transaction_t t, const char *path,
	      unsigned int *len)
{
	return talk1(h, t, XS_READ, path, len);
}

bool xs_write(struct xs_handle *h, xs_transaction_t t, const char *path,
	      const void *data, unsigned int len)
{
	struct iovec iov[2] = { { (void *)path, strlen(path) + 1 },
				{ (void *)data, len } };

	return talk_ok(h, t, XS_WRITE, iov, 2);
}

bool xs_mkdir(struct xs_handle *h, xs_transaction_t t, const char *path)
{
	struct iovec iov = { (void *)path, strlen(path) + 1 };

	return talk_ok(h, t, XS_MKDIR, &iov, 1);
}

bool xs_rm(struct xs_handle *h, xs_transaction_t t, const char *path)
{
	struct iovec iov = { (void *)path, strlen(path) + 1 };

	return talk_ok(h, t, XS_RM, &iov, 1);
}

bool xs_restrict(struct xs_handle *h, unsigned int domid)
{
	(void)h;
	(void)domid;
	errno = ENOSYS; /* XS_RESTRICT was removed from the protocol */
	return false;
}

static char **directory_part(struct xs_handle *h, xs_transaction_t t,
			     const char *path, unsigned int *num)
{
	char gen[32] = "", offs[16], *acc = NULL, *r, *na;
	unsigned int off = 0, len, glen;
	char **vec;

	for (;;) {
		struct iovec iov[2] = { { (void *)path, strlen(path) + 1 },
					{ offs, 0 } };

		iov[1].iov_len = snprintf(offs, sizeof(offs), "%u", off) + 1;
		r = talkv(h, t, XS_DIRECTORY_PART, iov, 2, &len);
		if (!r) {
			free(acc);
			return NULL;
		}
		glen = strnlen(r, len) + 1;
		if (glen > len || glen > sizeof(gen)) {
			free(r);
			free(acc);
			errno = EPROTO;
			return NULL;
		}
		if (off && strcmp(gen, r)) {
			/* The directory changed under us: start over. */
			free(r);
			free(acc);
			acc = NULL;
			off = 0;
			continue;
		}
		strcpy(gen, r);
		len -= glen;
		na = realloc(acc, off + len + 1);
		if (!na) {
			free(r);
			free(acc);
			return NULL;
		}
		acc = na;
		memcpy(acc + off, r + glen, len);
		free(r);
		off += len;
		/* The last chunk ends in an empty string. */
		if (len == 0 || (off >= 1 && acc[off - 1] == '\0' &&
				 (off == 1 || acc[off - 2] == '\0')))
			break;
	}
	if (off)
		off--; /* drop the end marker */
	vec = split_strings(acc, off, num);
	free(acc);
	return vec;
}

char **xs_directory(struct xs_handle *h, xs_transaction_t t, const char *path,
		    unsigned int *num)
{
	unsigned int len;
	char *r = talk1(h, t, XS_DIRECTORY, path, &len);
	char **vec;

	if (!r) {
		if (errno == E2BIG)
			return directory_part(h, t, path, num);
		return NULL;
	}
	vec = split_strings(r, len, num);
	free(r);
	return vec;
}

bool xs_strings_to_perms(struct xs_permissions *perms, unsigned int num,
			 const char *strings)
{
	const char *p = strings;
	unsigned int i;
	char *end;

	for (i = 0; i < num; i++, p += strlen(p) + 1) {
		switch (*p) {
		case 'w':
			perms[i].perms = XS_PERM_WRITE;
			break;
		case 'r':
			perms[i].perms = XS_PERM_READ;
			break;
		case 'b':
			perms[i].perms = XS_PERM_READ | XS_PERM_WRITE;
			break;
		case 'n':
			perms[i].perms = XS_PERM_NONE;
			break;
		default:
			errno = EINVAL;
			return false;
		}
		perms[i].id = strtoul(p + 1, &end, 10);
		if (*end || end == p + 1) {
			errno = EINVAL;
			return false;
		}
	}
	return true;
}

struct xs_permissions *xs_get_permissions(struct xs_handle *h,
					  xs_transaction_t t, const char *path,
					  unsigned int *num)
{
	unsigned int len, n = 0, i;
	char *r = talk1(h, t, XS_GET_PERMS, path, &len);
	struct xs_permissions *p;

	if (!r)
		return NULL;
	for (i = 0; i < len; i++)
		if (r[i] == '\0')
			n++;
	p = n ? malloc(n * sizeof(*p)) : NULL;
	if (!p || !xs_strings_to_perms(p, n, r)) {
		free(p);
		free(r);
		errno = EINVAL;
		return NULL;
	}
	free(r);
	*num = n;
	return p;
}

bool xs_set_permissions(struct xs_handle *h, xs_transaction_t t,
			const char *path, struct xs_permissions *perms,
			unsigned int num)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	unsigned int used, i;
	struct iovec iov;
	static const char letter[] = { 'n', 'r', 'w', 'b' };

	used = snprintf(buf, sizeof(buf), "%s", path) + 1;
	for (i = 0; i < num; i++) {
		if (used + 16 > sizeof(buf) || perms[i].perms & ~3u) {
			errno = EINVAL;
			return false;
		}
		used += snprintf(buf + used, 16, "%c%u",
				 letter[perms[i].perms & 3], perms[i].id) +
			1;
	}
	iov.iov_base = buf;
	iov.iov_len = used;
	return talk_ok(h, t, XS_SET_PERMS, &iov, 1);
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
	if (!h->ev_head)
		h->ev_tail = NULL;
	vec = e->vec;
	if (num)
		*num = e->num;
	free(e);
	return vec;
}

char **xs_read_watch(struct xs_handle *h, unsigned int *num)
{
	struct xsd_sockmsg m;
	char *body;

	while (!h->ev_head) {
		body = read_msg(h, &m);
		if (!body)
			return NULL;
		if (m.type == XS_WATCH_EVENT)
			queue_event(h, body, m.len);
		free(body); /* a stray reply has no caller left */
	}
	return pop_event(h, num);
}

char **xs_check_watch(struct xs_handle *h)
{
	struct xsd_sockmsg m;
	ssize_t n;

	if (!h->ev_head) {
		/* Only read if a whole header is already waiting. */
		n = recv(h->fd, &m, sizeof(m), MSG_PEEK | MSG_DONTWAIT);
		if (n == (ssize_t)sizeof(m)) {
			unsigned int x;

			return xs_read_watch(h, &x);
		}
		errno = EAGAIN;
		return NULL;
	}
	return pop_event(h, NULL);
}

xs_transaction_t xs_transaction_start(struct xs_handle *h)
{
	char *r = talk1(h, XBT_NULL, XS_TRANSACTION_START, "", NULL);
	unsigned long id;
	char *end;

	if (!r)
		return XBT_NULL;
	id = strtoul(r, &end, 10);
	if (*end || end == r) {
		free(r);
		errno = EPROTO;
		return XBT_NULL;
	}
	free(r);
	return id;
}

bool xs_transaction_end(struct xs_handle *h, xs_transaction_t t, bool abort)
{
	struct iovec iov = { abort ? "F" : "T", 2 };

	return talk_ok(h, t, XS_TRANSACTION_END, &iov, 1);
}

bool xs_introduce_domain(struct xs_handle *h, unsigned int domid,
			 unsigned long mfn, unsigned int eventchn)
{
	char a[16], b[24], c[16];
	struct iovec iov[3];

	iov[0].iov_base = a;
	iov[0].iov_len = snprintf(a, sizeof(a), "%u", domid) + 1;
	iov[1].iov_base = b;
	iov[1].iov_len = snprintf(b, sizeof(b), "%lu", mfn) + 1;
	iov[2].iov_base = c;
	iov[2].iov_len = snprintf(c, sizeof(c), "%u", eventchn) + 1;
	return talk_ok(h, XBT_NULL, XS_INTRODUCE, iov, 3);
}

bool xs_set_target(struct xs_handle *h, unsigned int domid, unsigned int target)
{
	char a[16], b[16];
	struct iovec iov[2];

	iov[0].iov_base = a;
	iov[0].iov_len = snprintf(a, sizeof(a), "%u", domid) + 1;
	iov[1].iov_base = b;
	iov[1].iov_len = snprintf(b, sizeof(b), "%u", target) + 1;
	return talk_ok(h, XBT_NULL, XS_SET_TARGET, iov, 2);
}

static bool domid_ok(struct xs_handle *h, enum xsd_sockmsg_type type,
		     unsigned int domid)
{
	char buf[16];
	struct iovec iov = { buf, 0 };

	iov.iov_len = snprintf(buf, sizeof(buf), "%u", domid) + 1;
	return talk_ok(h, XBT_NULL, type, &iov, 1);
}

bool xs_resume_domain(struct xs_handle *h, unsigned int domid)
{
	return domid_ok(h, XS_RESUME, domid);
}

bool xs_release_domain(struct xs_handle *h, unsigned int domid)
{
	return domid_ok(h, XS_RELEASE, domid);
}

char *xs_get_domain_path(struct xs_handle *h, unsigned int domid)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%u", domid);
	return talk1(h, XBT_NULL, XS_GET_DOMAIN_PATH, buf, NULL);
}

bool xs_path_is_subpath(const char *parent, const char *child)
{
	size_t l = strlen(parent);

	if (l && parent[l - 1] == '/')
		l--;
	return !strncmp(child, parent, l) &&
	       (child[l] == '\0' || child[l] == '/');
}

bool xs_is_domain_introduced(struct xs_handle *h, unsigned int domid)
{
	char buf[16];
	char *r;
	bool yes;

	snprintf(buf, sizeof(buf), "%u", domid);
	r = talk1(h, XBT_NULL, XS_IS_DOMAIN_INTRODUCED, buf, NULL);
	if (!r)
		return false;
	yes = !strcmp(r, "T");
	free(r);
	return yes;
}

char *xs_control_command(struct xs_handle *h, const char *cmd, void *data,
			 unsigned int len)
{
	struct iovec iov[2] = { { (void *)cmd, strlen(cmd) + 1 },
				{ data, len } };

	return talkv(h, XBT_NULL, XS_CONTROL, iov, 2, NULL);
}

char *xs_debug_command(struct xs_handle *h, const char *cmd, void *data,
		       unsigned int len)
{
	return xs_control_command(h, cmd, data, len);
}

int xs_suspend_evtchn_port(int domid)
{
	(void)domid;
	errno = ENOSYS;
	return -1;
}
