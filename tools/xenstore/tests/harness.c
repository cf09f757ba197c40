// SPDX-License-Identifier: GPL-2.0
/* In-memory test connections; see harness.h. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"

struct tc {
	char out[1 << 20];
	unsigned int len;
	char events[64][512];
	unsigned int ev_head, ev_tail;
};

static long tc_read(struct conn *c, void *buf, unsigned int len)
{
	(void)c;
	(void)buf;
	(void)len;
	return 0;
}

static long tc_write(struct conn *c, const void *buf, unsigned int len)
{
	struct tc *t = c->priv;

	if (len > sizeof(t->out) - t->len)
		len = sizeof(t->out) - t->len;
	memcpy(t->out + t->len, buf, len);
	t->len += len;
	return len;
}

static void tc_destroy(struct conn *c)
{
	free(c->priv);
}

static const struct conn_ops tc_ops = { .read = tc_read,
					.write = tc_write,
					.destroy = tc_destroy };

struct conn *tc_new(uint32_t domid)
{
	struct tc *t = calloc(1, sizeof(*t));

	return conn_new(&tc_ops, t, -1, domid);
}

void tc_free(struct conn *c)
{
	conn_destroy(c);
}

void tc_reset_world(void)
{
	conn_close_all();
	quota_defaults();
	db_reset();
}

/* Moves queued output of every connection into its buffer; events are
 * filed, the reply (if c has one) is returned. */
static void drain(struct conn *c, char *reply, unsigned int *rlen,
		  uint32_t *rtype, bool *got)
{
	struct tc *t = c->priv;
	unsigned int off = 0;

	conn_output(c);
	while (t->len - off >= sizeof(struct xsd_sockmsg)) {
		struct xsd_sockmsg h;

		memcpy(&h, t->out + off, sizeof(h));
		off += sizeof(h);
		if (h.type == XS_WATCH_EVENT) {
			char *e = t->events[t->ev_tail % 64];
			unsigned int i, n = h.len < 511 ? h.len : 511;

			for (i = 0; i < n; i++)
				e[i] = t->out[off + i] ? t->out[off + i] : '|';
			if (n && e[n - 1] == '|')
				n--;
			e[n] = '\0';
			t->ev_tail++;
		} else if (reply) {
			memcpy(reply, t->out + off, h.len);
			*rlen = h.len;
			*rtype = h.type;
			*got = true;
		}
		off += h.len;
	}
	memmove(t->out, t->out + off, t->len - off);
	t->len -= off;
}

const char *tc_req_raw(struct conn *c, uint32_t type, uint32_t tx,
		       const char *data, unsigned int len, unsigned int *rlen,
		       uint32_t *rtype)
{
	static char buf[XENSTORE_PAYLOAD_MAX + 1];
	struct xsd_sockmsg h = { type, 77, tx, len };
	struct conn *o;
	bool got = false;

	memcpy(c->in, &h, sizeof(h));
	memcpy(c->in + sizeof(h), data, len);
	c->in[sizeof(h) + len] = '\0';
	process_message(c, &h, c->in + sizeof(h));
	for (o = conn_list; o; o = o->next)
		if (o != c && o->ops == &tc_ops)
			drain(o, NULL, NULL, NULL, NULL);
	*rlen = 0;
	drain(c, buf, rlen, rtype, &got);
	buf[*rlen] = '\0';
	return got ? buf : NULL;
}

const char *tc_req(struct conn *c, uint32_t type, uint32_t tx, const char *data,
		   unsigned int len)
{
	static char out[XENSTORE_PAYLOAD_MAX + 1];
	unsigned int rlen, i;
	uint32_t rtype;
	const char *r = tc_req_raw(c, type, tx, data, len, &rlen, &rtype);

	if (!r)
		return "(no reply)";
	if (rlen && r[rlen - 1] == '\0')
		rlen--;
	for (i = 0; i < rlen; i++)
		out[i] = r[i] ? r[i] : '|';
	out[rlen] = '\0';
	return out;
}

const char *tc_event(struct conn *c)
{
	struct tc *t = c->priv;

	drain(c, NULL, NULL, NULL, NULL);
	if (t->ev_head == t->ev_tail)
		return NULL;
	return t->events[t->ev_head++ % 64];
}

unsigned int tc_nevents(struct conn *c)
{
	struct tc *t = c->priv;

	drain(c, NULL, NULL, NULL, NULL);
	return t->ev_tail - t->ev_head;
}
