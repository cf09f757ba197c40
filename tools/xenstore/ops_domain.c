// SPDX-License-Identifier: GPL-2.0
/*
 * Domain requests: INTRODUCE, RELEASE, GET_DOMAIN_PATH,
 * IS_DOMAIN_INTRODUCED, RESUME, SET_TARGET, GET/SET_FEATURE and
 * GET/SET_QUOTA.  Without a hypervisor (-D) an introduced domain is a
 * record without a ring; domain_ring_attach maps one when available.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops.h"

static int parse_domid(const char *s, uint32_t *domid)
{
	unsigned long v;

	if (!s || wire_parse_uint(s, DOMID_MAX, &v))
		return EINVAL;
	*domid = v;
	return 0;
}

static struct domain *introduced(uint32_t domid)
{
	struct domain *d = domain_find(domid);

	return d && d->introduced ? d : NULL;
}

int do_introduce(struct req *r)
{
	const char *vec[3];
	unsigned long long mfn;
	unsigned long port;
	struct domain *d;
	uint32_t domid;
	char *end;

	if (wire_split(r->data, r->len, vec, 3) != 3 ||
	    parse_domid(vec[0], &domid) || domid == 0 ||
	    wire_parse_uint(vec[2], UINT32_MAX, &port) || port == 0)
		return EINVAL;
	errno = 0;
	mfn = strtoull(vec[1], &end, 10);
	if (errno || *end || end == vec[1])
		return EINVAL;
	d = introduced(domid);
	if (d) {
		/* As in Xen: re-introducing rebinds the event channel and
		 * resets the connection, without a new @introduceDomain. */
		d->port = port;
		if (d->conn && d->conn != r->c)
			conn_reset(d->conn);
		return ack(r);
	}
	d = domain_get(domid);
	if (!d)
		return ENOMEM;
	d->mfn = mfn;
	d->port = port;
	/* a new domain starts from the global quotas of this moment */
	memcpy(d->quota, quota_global, sizeof(d->quota));
	if (domain_ring_attach) {
		d->conn = domain_ring_attach(d);
		if (!d->conn)
			return EINVAL;
	}
	d->introduced = true;
	ack(r);
	watch_fire_special("@introduceDomain");
	return 0;
}

int do_release(struct req *r)
{
	struct domain *d;
	uint32_t domid;

	if (parse_domid(onearg(r), &domid))
		return EINVAL;
	if (domid == 0)
		return EINVAL;
	d = introduced(domid);
	if (!d)
		return ENOENT;
	if (d->conn)
		d->conn->broken = true; /* the poll loop reaps it */
	domain_remove(domid);
	ack(r);
	watch_fire_special("@releaseDomain");
	return 0;
}

int do_get_domain_path(struct req *r)
{
	char buf[32];
	uint32_t domid;

	if (parse_domid(onearg(r), &domid))
		return EINVAL;
	snprintf(buf, sizeof(buf), "/local/domain/%u", domid);
	return reply_str(r, buf);
}

int do_is_domain_introduced(struct req *r)
{
	const char *arg = onearg(r);
	unsigned long domid;

	if (!arg || wire_parse_uint(arg, 0xffff, &domid))
		return EINVAL;
	/* dom0 and DOMID_SELF (0x7ff0) always count as introduced */
	return reply_str(r, domid == 0 || domid == 0x7ff0 || introduced(domid)
				    ? "T"
				    : "F");
}

int do_resume(struct req *r)
{
	struct domain *d;
	uint32_t domid;

	if (parse_domid(onearg(r), &domid) || domid == 0)
		return EINVAL;
	d = introduced(domid);
	if (!d)
		return ENOENT;
	d->shutdown = false;
	return ack(r);
}

int do_set_target(struct req *r)
{
	const char *vec[2];
	uint32_t domid, target;
	struct domain *d;

	if (wire_split(r->data, r->len, vec, 2) != 2 ||
	    parse_domid(vec[0], &domid) || parse_domid(vec[1], &target))
		return EINVAL;
	d = introduced(domid);
	if (!d || (target && !introduced(target)))
		return ENOENT;
	d->target = target;
	return ack(r);
}

int do_get_feature(struct req *r)
{
	const char *vec[1];
	int n = wire_split(r->data, r->len, vec, 1);
	uint32_t domid = r->c->domid;
	const struct domain *d;
	char buf[16];

	if (n > 1 || n < 0)
		return EINVAL;
	if (n == 1 && vec[0][0]) {
		if (!r->c->privileged)
			return EACCES;
		if (parse_domid(vec[0], &domid))
			return EINVAL;
	}
	d = domain_find(domid);
	if (!d && domid != 0 && n == 1 && vec[0][0])
		return ENOENT;
	snprintf(buf, sizeof(buf), "%u", d ? d->features : XSD_FEATURES);
	return reply_str(r, buf);
}

int do_set_feature(struct req *r)
{
	const char *vec[2];
	unsigned long v;
	uint32_t domid;
	struct domain *d;

	if (wire_split(r->data, r->len, vec, 2) != 2 ||
	    parse_domid(vec[0], &domid) ||
	    wire_parse_uint(vec[1], UINT32_MAX, &v) || (v & ~XSD_FEATURES))
		return EINVAL;
	if (domid == 0 || introduced(domid))
		return EBUSY; /* fixed once the domain is connected */
	d = domain_get(domid);
	if (!d)
		return ENOMEM;
	d->features = v;
	return ack(r);
}

int do_get_quota(struct req *r)
{
	const char *vec[2];
	int n = wire_split(r->data, r->len, vec, 2), q, i;
	char buf[512];
	const struct domain *d = NULL;
	uint32_t domid;
	size_t used = 0;

	if (n == 0 || (n == 1 && !vec[0][0])) {
		for (i = 0; i < Q_COUNT; i++)
			used += snprintf(buf + used, sizeof(buf) - used, "%s%s",
					 i ? " " : "", quota_name(i));
		return reply_str(r, buf);
	}
	if (n < 0 || n > 2)
		return EINVAL;
	if (n == 2) {
		if (parse_domid(vec[0], &domid))
			return EINVAL;
		d = domain_find(domid);
		if (!d)
			return ENOENT;
	}
	q = quota_lookup(vec[n - 1]);
	if (q < 0)
		return EINVAL;
	snprintf(buf, sizeof(buf), "%u", d ? d->quota[q] : quota_global[q]);
	return reply_str(r, buf);
}

int do_set_quota(struct req *r)
{
	const char *vec[3];
	int n = wire_split(r->data, r->len, vec, 3), q;
	struct domain *d = NULL;
	unsigned long v;
	uint32_t domid;

	if (n != 2 && n != 3)
		return EINVAL;
	if (n == 3) {
		if (parse_domid(vec[0], &domid))
			return EINVAL;
		d = domain_find(domid);
		if (!d)
			return ENOENT;
	}
	q = quota_lookup(vec[n - 2]);
	if (q < 0 || wire_parse_uint(vec[n - 1], UINT32_MAX, &v))
		return EINVAL;
	if (d)
		d->quota[q] = v;
	else
		quota_global[q] = v;
	return ack(r);
}
