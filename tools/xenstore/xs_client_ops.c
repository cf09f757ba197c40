// SPDX-License-Identifier: GPL-2.0
/*
 * Client library requests: tree, permissions, transactions, domains and
 * control.  The transport and watch handling are in xs_client.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xs_client_internal.h"

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
