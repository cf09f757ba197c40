// SPDX-License-Identifier: GPL-2.0
/*
 * The per-domain shared ring (struct xenstore_domain_interface): requests
 * flow guest -> daemon in req[], replies and watch events daemon -> guest
 * in rsp[].  Indexes are free-running; MASK_XENSTORE_IDX gives the slot.
 *
 * The page is shared with an untrusted guest, so every index is read once
 * into a local, checked (the producer may not be more than a ring ahead of
 * the consumer), and barriers order index and data accesses: read the
 * producer index before the data, finish with the data before publishing
 * the consumer index, and write data before publishing the producer index.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

#define RD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define WR(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

static unsigned int min_u(unsigned int a, unsigned int b)
{
	return a < b ? a : b;
}

/* Copies out of a ring starting at index cons; handles the wrap. */
static void ring_copy_out(void *dst, const char *ring, XENSTORE_RING_IDX cons,
			  unsigned int len)
{
	unsigned int off = MASK_XENSTORE_IDX(cons);
	unsigned int first = min_u(len, XENSTORE_RING_SIZE - off);

	memcpy(dst, ring + off, first);
	memcpy((char *)dst + first, ring, len - first);
}

static void ring_copy_in(char *ring, XENSTORE_RING_IDX prod, const void *src,
			 unsigned int len)
{
	unsigned int off = MASK_XENSTORE_IDX(prod);
	unsigned int first = min_u(len, XENSTORE_RING_SIZE - off);

	memcpy(ring + off, src, first);
	memcpy(ring, (const char *)src + first, len - first);
}

static long ring_consume(char *ring, XENSTORE_RING_IDX *consp,
			 XENSTORE_RING_IDX *prodp, void *buf, unsigned int len)
{
	XENSTORE_RING_IDX cons = RD(*consp), prod = RD(*prodp);
	unsigned int avail;

	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	avail = prod - cons;
	if (avail > XENSTORE_RING_SIZE)
		return -1;
	len = min_u(len, avail);
	if (!len)
		return 0;
	ring_copy_out(buf, ring, cons, len);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	WR(*consp, cons + len);
	return len;
}

static long ring_produce(char *ring, XENSTORE_RING_IDX *consp,
			 XENSTORE_RING_IDX *prodp, const void *buf,
			 unsigned int len)
{
	XENSTORE_RING_IDX cons = RD(*consp), prod = RD(*prodp);
	unsigned int used;

	__atomic_thread_fence(__ATOMIC_ACQUIRE);
	used = prod - cons;
	if (used > XENSTORE_RING_SIZE)
		return -1;
	len = min_u(len, XENSTORE_RING_SIZE - used);
	if (!len)
		return 0;
	ring_copy_in(ring, prod, buf, len);
	__atomic_thread_fence(__ATOMIC_RELEASE);
	WR(*prodp, prod + len);
	return len;
}

long ring_read_req(struct xenstore_domain_interface *intf, void *buf,
		   unsigned int len)
{
	return ring_consume(intf->req, &intf->req_cons, &intf->req_prod, buf,
			    len);
}

long ring_write_rsp(struct xenstore_domain_interface *intf, const void *buf,
		    unsigned int len)
{
	return ring_produce(intf->rsp, &intf->rsp_cons, &intf->rsp_prod, buf,
			    len);
}

long ring_write_req(struct xenstore_domain_interface *intf, const void *buf,
		    unsigned int len)
{
	return ring_produce(intf->req, &intf->req_cons, &intf->req_prod, buf,
			    len);
}

long ring_read_rsp(struct xenstore_domain_interface *intf, void *buf,
		   unsigned int len)
{
	return ring_consume(intf->rsp, &intf->rsp_cons, &intf->rsp_prod, buf,
			    len);
}

void ring_init(struct xenstore_domain_interface *intf)
{
	memset(intf, 0, sizeof(*intf));
	intf->server_features = XSD_FEATURES;
	intf->connection = XENSTORE_CONNECTED;
	intf->error = XENSTORE_ERROR_NONE;
}

struct ring_priv {
	struct xenstore_domain_interface *intf;
	void (*notify)(void *);
	void *arg;
	void (*unmap)(struct xenstore_domain_interface *intf);
};

static long rconn_read(struct conn *c, void *buf, unsigned int len)
{
	struct ring_priv *p = c->priv;
	long n = ring_read_req(p->intf, buf, len);

	if (n < 0) {
		WR(p->intf->error, XENSTORE_ERROR_RINGIDX);
		xlog("dom%u: bad request ring indexes", c->domid);
	} else if (n > 0 && p->notify) {
		p->notify(p->arg); /* room freed for the guest */
	}
	return n;
}

static long rconn_write(struct conn *c, const void *buf, unsigned int len)
{
	struct ring_priv *p = c->priv;
	long n = ring_write_rsp(p->intf, buf, len);

	if (n < 0) {
		WR(p->intf->error, XENSTORE_ERROR_RINGIDX);
		xlog("dom%u: bad response ring indexes", c->domid);
	} else if (n > 0 && p->notify) {
		p->notify(p->arg);
	}
	return n;
}

static void rconn_destroy(struct conn *c)
{
	struct ring_priv *p = c->priv;

	if (p->unmap)
		p->unmap(p->intf);
	free(p);
}

void ring_conn_set_unmap(struct conn *c,
			 void (*unmap)(struct xenstore_domain_interface *))
{
	((struct ring_priv *)c->priv)->unmap = unmap;
}

static void rconn_protocol_error(struct conn *c)
{
	struct ring_priv *p = c->priv;

	WR(p->intf->error, XENSTORE_ERROR_PROTO);
}

/*
 * Re-introduction: empty rings; a guest that asked to reconnect
 * (connection = XENSTORE_RECONNECT) is told the daemon is back.
 */
static void rconn_reset(struct conn *c)
{
	struct ring_priv *p = c->priv;
	struct xenstore_domain_interface *intf = p->intf;

	WR(intf->req_cons, 0);
	WR(intf->req_prod, 0);
	WR(intf->rsp_cons, 0);
	WR(intf->rsp_prod, 0);
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	if (RD(intf->connection) == XENSTORE_RECONNECT) {
		WR(intf->connection, XENSTORE_CONNECTED);
		if (p->notify)
			p->notify(p->arg);
	}
}

static const struct conn_ops ring_ops = {
	.read = rconn_read,
	.write = rconn_write,
	.destroy = rconn_destroy,
	.protocol_error = rconn_protocol_error,
	.reset = rconn_reset,
};

struct conn *ring_conn_new(struct xenstore_domain_interface *intf,
			   uint32_t domid, void (*notify)(void *),
			   void *notify_arg)
{
	struct ring_priv *p = calloc(1, sizeof(*p));
	struct conn *c;

	if (!p)
		return NULL;
	p->intf = intf;
	p->notify = notify;
	p->arg = notify_arg;
	c = conn_new(&ring_ops, p, -1, domid);
	if (!c)
		free(p);
	return c;
}
