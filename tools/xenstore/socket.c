// SPDX-License-Identifier: GPL-2.0
/*
 * The Unix socket transport.  Every socket client is dom0 and privileged,
 * as in Xen; the socket file is mode 0600 so only root (or the owner of a
 * test socket) can connect.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "xenstored.h"
#include "socket.h"

static long sock_read(struct conn *c, void *buf, unsigned int len)
{
	ssize_t n = recv(c->fd, buf, len, MSG_DONTWAIT);

	if (n > 0)
		return n;
	if (n < 0 &&
	    (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
		return 0;
	return -1; /* EOF or error */
}

static long sock_write(struct conn *c, const void *buf, unsigned int len)
{
	ssize_t n = send(c->fd, buf, len, MSG_DONTWAIT | MSG_NOSIGNAL);

	if (n >= 0)
		return n;
	if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
		return 0;
	return -1;
}

static void sock_destroy(struct conn *c)
{
	close(c->fd);
}

static const struct conn_ops sock_ops = {
	.read = sock_read,
	.write = sock_write,
	.destroy = sock_destroy,
};

void mkdirs(const char *path)
{
	char buf[4096];
	char *s;

	snprintf(buf, sizeof(buf), "%s", path);
	s = strrchr(buf, '/');
	if (!s || s == buf)
		return;
	*s = '\0';
	for (s = buf + 1; *s; s++) {
		if (*s == '/') {
			*s = '\0';
			mkdir(buf, 0755);
			*s = '/';
		}
	}
	mkdir(buf, 0755);
}

int socket_listen(const char *path)
{
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int fd;

	if (strlen(path) >= sizeof(addr.sun_path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(addr.sun_path, path);
	mkdirs(path);
	unlink(path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0)
		return -1;
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) ||
	    chmod(path, 0600) || listen(fd, 64)) {
		close(fd);
		return -1;
	}
	return fd;
}

struct conn *socket_accept(int lfd)
{
	int fd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
	struct conn *c;

	if (fd < 0)
		return NULL;
	c = conn_new(&sock_ops, NULL, fd, 0);
	if (!c)
		close(fd);
	return c;
}
