// SPDX-License-Identifier: GPL-2.0
/*
 * Connections: one per socket client or domain ring, behind conn_ops.
 * Input is framed here (header, then payload of at most
 * XENSTORE_PAYLOAD_MAX bytes); output is a queue of whole messages.
 *
 * Fairness and memory bounds: a connection hands over at most one request
 * per poll round; it is not read while it has too many unsent replies
 * (the "outstanding" quota, applied to every connection as back-pressure);
 * and watch events beyond MAX_QUEUED_EVENTS are dropped with a log line
 * rather than letting a client that never reads grow the daemon.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

#define MAX_QUEUED_EVENTS 4096
#define MIN_OUTSTANDING 20

struct conn *conn_list;
uint32_t priv_domid; /* -p: a second privileged domain (0 = none) */
static uint64_t next_conn_id;

struct conn *conn_new(const struct conn_ops *ops, void *priv, int fd,
		      uint32_t domid)
{
	struct conn *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->ops = ops;
	c->priv = priv;
	c->fd = fd;
	c->domid = domid;
	c->privileged = domid == 0 || domid == priv_domid;
	c->id = ++next_conn_id;
	c->next = conn_list;
	conn_list = c;
	if (log_verbose)
		xlog("conn%llu dom%u: connected", (unsigned long long)c->id,
		     domid);
	return c;
}

static void forget_conn(struct domain *d, void *c)
{
	if (d->conn == c)
		d->conn = NULL;
}

void conn_destroy(struct conn *c)
{
	struct conn **pp;
	struct outmsg *m, *mn;
	struct transaction *t, *tn;

	for (pp = &conn_list; *pp; pp = &(*pp)->next) {
		if (*pp == c) {
			*pp = c->next;
			break;
		}
	}
	if (log_verbose)
		xlog("conn%llu dom%u: closed (%u watches, %u transactions)",
		     (unsigned long long)c->id, c->domid, c->nwatches,
		     c->ntrans);
	for (m = c->out_head; m; m = mn) {
		mn = m->next;
		free(m);
	}
	for (t = c->trans; t; t = tn) {
		tn = t->next;
		trans_free(t);
	}
	watch_free_all(c);
	domain_foreach(forget_conn, c);
	if (c->ops && c->ops->destroy)
		c->ops->destroy(c);
	free(c);
}

void conn_close_all(void)
{
	while (conn_list)
		conn_destroy(conn_list);
}

static int queue(struct conn *c, bool is_event, const struct xsd_sockmsg *h,
		 const void *data)
{
	struct outmsg *m = malloc(sizeof(*m) + sizeof(*h) + h->len);

	if (!m)
		return ENOMEM;
	m->next = NULL;
	m->is_event = is_event;
	m->len = sizeof(*h) + h->len;
	m->off = 0;
	memcpy(m->buf, h, sizeof(*h));
	if (h->len)
		memcpy(m->buf + sizeof(*h), data, h->len);
	if (c->out_tail)
		c->out_tail->next = m;
	else
		c->out_head = m;
	c->out_tail = m;
	if (is_event)
		c->out_events++;
	else
		c->out_replies++;
	trace_msg(c, "OUT", h, data);
	return 0;
}

int conn_send(struct conn *c, uint32_t type, uint32_t req_id, uint32_t tx_id,
	      const void *data, unsigned int len)
{
	struct xsd_sockmsg h = { type, req_id, tx_id, len };

	if (len > XENSTORE_PAYLOAD_MAX)
		return E2BIG;
	return queue(c, false, &h, data);
}

int conn_send_event(struct conn *c, const char *path, const char *token)
{
	char buf[XENSTORE_PAYLOAD_MAX];
	size_t pl = strlen(path) + 1, tl = strlen(token) + 1;
	struct xsd_sockmsg h = { XS_WATCH_EVENT, 0, 0, 0 };

	if (pl + tl > sizeof(buf))
		return E2BIG;
	if (c->out_events >= MAX_QUEUED_EVENTS) {
		xlog("conn%llu dom%u: event queue full, dropping event %s",
		     (unsigned long long)c->id, c->domid, path);
		return ENOSPC;
	}
	memcpy(buf, path, pl);
	memcpy(buf + pl, token, tl);
	h.len = pl + tl;
	return queue(c, true, &h, buf);
}

bool conn_wants_input(const struct conn *c)
{
	unsigned int limit = domain_quota(c->domid, Q_OUTSTANDING);

	if (limit < MIN_OUTSTANDING)
		limit = MIN_OUTSTANDING;
	return !c->broken && c->out_replies < limit;
}

bool conn_has_output(const struct conn *c)
{
	return c->out_head != NULL;
}

bool conn_input(struct conn *c)
{
	unsigned int hl = sizeof(struct xsd_sockmsg), want;
	long n;

	if (c->broken)
		return false;
	if (c->in_used < hl) {
		n = c->ops->read(c, c->in + c->in_used, hl - c->in_used);
		if (n < 0)
			return false;
		c->in_used += n;
		if (c->in_used < hl)
			return true;
		memcpy(&c->hdr, c->in, hl);
		if (!wire_header_valid(&c->hdr)) {
			xlog("conn%llu dom%u: oversized message (%u bytes), "
			     "closing",
			     (unsigned long long)c->id, c->domid, c->hdr.len);
			c->broken = true;
			if (c->ops->protocol_error)
				c->ops->protocol_error(c);
			return false;
		}
	}
	want = hl + c->hdr.len;
	if (c->in_used < want) {
		n = c->ops->read(c, c->in + c->in_used, want - c->in_used);
		if (n < 0)
			return false;
		c->in_used += n;
		if (c->in_used < want)
			return true;
	}
	c->in[want] = '\0'; /* a terminator for sloppy string handling */
	c->in_used = 0;
	trace_msg(c, "IN ", &c->hdr, c->in + hl);
	process_message(c, &c->hdr, c->in + hl);
	return !c->broken;
}

bool conn_output(struct conn *c)
{
	struct outmsg *m;
	long n;

	while ((m = c->out_head)) {
		n = c->ops->write(c, m->buf + m->off, m->len - m->off);
		if (n < 0)
			return false;
		if (n == 0)
			return true;
		m->off += n;
		if (m->off < m->len)
			return true;
		c->out_head = m->next;
		if (!c->out_head)
			c->out_tail = NULL;
		if (m->is_event)
			c->out_events--;
		else
			c->out_replies--;
		free(m);
	}
	return true;
}

void conn_reset(struct conn *c)
{
	struct outmsg *m, *mn;
	struct transaction *t, *tn;

	for (m = c->out_head; m; m = mn) {
		mn = m->next;
		free(m);
	}
	c->out_head = c->out_tail = NULL;
	c->out_replies = c->out_events = 0;
	for (t = c->trans; t; t = tn) {
		tn = t->next;
		trans_free(t);
	}
	c->trans = NULL;
	c->ntrans = 0;
	watch_free_all(c);
	c->in_used = 0;
	if (c->ops->reset)
		c->ops->reset(c);
}

void conn_sweep(void)
{
	struct conn *c, *next;

	for (c = conn_list; c; c = next) {
		next = c->next;
		if (c->broken)
			conn_destroy(c);
	}
}
