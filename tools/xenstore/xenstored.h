/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Krypton xenstored: internal interfaces shared by the daemon's modules.
 *
 * The daemon is single-threaded: one poll loop owns every structure here,
 * so nothing below needs locking.
 */
#ifndef KRYPTON_XENSTORED_H
#define KRYPTON_XENSTORED_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <xen/io/xs_wire.h>

/*
 * Message types that Xen added after 4.17 (docs/misc/xenstore.txt numbers
 * them 23..26); Debian's xs_wire.h does not have them yet.  Prefixed so a
 * newer header's enum cannot clash.
 */
#define KXS_GET_FEATURE 23
#define KXS_SET_FEATURE 24
#define KXS_GET_QUOTA 25
#define KXS_SET_QUOTA 26
#define KXS_TYPE_COUNT 27

#define PERM_NONE 0x00
#define PERM_READ 0x01
#define PERM_WRITE 0x02
#define PERM_OWNER 0x08
#define PERM_ALL (PERM_READ | PERM_WRITE | PERM_OWNER)

#define DOMID_MAX 0x7fef /* DOMID_FIRST_RESERVED - 1 */
#define NO_TARGET UINT32_MAX

/* Server features advertised in the ring page and by GET_FEATURE. */
#define XSD_FEATURES \
	(XENSTORE_SERVER_FEATURE_RECONNECTION | XENSTORE_SERVER_FEATURE_ERROR)

/* ---- perms.c ---- */
struct perm {
	uint32_t id;
	uint8_t p;
};

int perm_parse(const char *s, struct perm *out);
int perm_format(const struct perm *p, char *buf, size_t len);

/* ---- tree.c: a hash table of nodes keyed by absolute path ---- */
struct node {
	char *path;
	struct node *hnext;
	uint64_t gen; /* generation of the last change; 0 = never existed */
	bool absent;  /* transaction marker: node is known not to exist */
	unsigned int nperms;
	struct perm *perms; /* perms[0]: owner and default for others */
	char *value;
	unsigned int vlen;
	char *children; /* child basenames, each NUL-terminated */
	unsigned int clen;
};

struct store {
	struct node **b;
	unsigned int nb;
	unsigned int count;
};

void store_init(struct store *s);
void store_free(struct store *s);
struct node *store_get(const struct store *s, const char *path);
/* Inserts n, replacing (and freeing) a node of the same path. */
void store_put(struct store *s, struct node *n);
void store_del(struct store *s, const char *path);
void store_foreach(const struct store *s, void (*fn)(struct node *, void *),
		   void *arg);

struct node *node_new(const char *path, const struct perm *perms,
		      unsigned int nperms);
struct node *node_dup(const struct node *n);
void node_free(struct node *n);
int node_set_value(struct node *n, const void *v, unsigned int len);
int node_set_perms(struct node *n, const struct perm *p, unsigned int num);
bool node_has_child(const struct node *n, const char *name);
int node_add_child(struct node *n, const char *name);
void node_del_child(struct node *n, const char *name);
const char *path_basename(const char *path);
/* Parent of path into buf ("/" for top-level nodes). */
void path_parent(const char *path, char *buf);

/* ---- quota.c ---- */
enum quota_id {
	Q_NODES,
	Q_WATCHES,
	Q_TRANSACTIONS,
	Q_NODE_SIZE,
	Q_PERMS,
	Q_OUTSTANDING,
	Q_TRANS_NODES,
	Q_PATH_MAX,
	Q_COUNT
};
extern unsigned int quota_global[Q_COUNT];
const char *quota_name(enum quota_id q);
int quota_lookup(const char *name);
void quota_defaults(void);
/* Parses "name=value" as given to -Q. */
int quota_set_option(const char *arg);
/* true when value exceeds limit (limit 0 means no limit). */
bool quota_exceeded(unsigned int limit, unsigned long value);

/* ---- domain.c ---- */
struct conn;
struct domain {
	uint32_t domid;
	bool introduced;
	bool shutdown;
	uint64_t mfn;
	uint32_t port;
	uint32_t target;
	uint32_t features;
	unsigned int nodes; /* nodes owned (perms[0].id) */
	unsigned int quota[Q_COUNT];
	struct conn *conn;
	struct domain *next;
};

struct domain *domain_find(uint32_t domid);
struct domain *domain_get(uint32_t domid); /* find or create */
unsigned int domain_quota(uint32_t domid, enum quota_id q);
void domain_nodes_adjust(uint32_t domid, int delta);
unsigned int domain_nodes(uint32_t domid);
void domain_free_all(void);
void domain_remove(uint32_t domid);
void domain_foreach(void (*fn)(struct domain *, void *), void *arg);
/* Optional transport hook: maps a domain's ring when it is introduced. */
extern struct conn *(*domain_ring_attach)(struct domain *d);

/* ---- conn.c ---- */
struct outmsg {
	struct outmsg *next;
	bool is_event;
	unsigned int len, off;
	char buf[]; /* header followed by payload */
};

struct transaction;
struct watch;

struct conn_ops {
	/* Both return bytes moved, 0 if none possible now, -1 if broken. */
	long (*read)(struct conn *c, void *buf, unsigned int len);
	long (*write)(struct conn *c, const void *buf, unsigned int len);
	void (*destroy)(struct conn *c);
	/* Optional: the peer broke the protocol (e.g. oversized message). */
	void (*protocol_error)(struct conn *c);
	/* Optional: restart the transport (re-introduction of a domain). */
	void (*reset)(struct conn *c);
};

struct conn {
	const struct conn_ops *ops;
	void *priv;
	int fd; /* for the poll loop; -1 if none */
	uint32_t domid;
	bool privileged;
	bool broken; /* close after flushing nothing more */
	uint64_t id; /* unique, for logs and traces */

	struct xsd_sockmsg hdr;
	unsigned int in_used; /* bytes of header + payload received */
	char in[sizeof(struct xsd_sockmsg) + XENSTORE_PAYLOAD_MAX + 1];

	struct outmsg *out_head, *out_tail;
	unsigned int out_replies, out_events;

	struct watch *watches;
	unsigned int nwatches;
	struct transaction *trans;
	unsigned int ntrans;
	uint32_t next_tx_id;

	struct conn *next;
};

extern struct conn *conn_list;
extern uint32_t priv_domid;
struct conn *conn_new(const struct conn_ops *ops, void *priv, int fd,
		      uint32_t domid);
void conn_destroy(struct conn *c);
/* Reads and handles at most one request; false when c must be closed. */
bool conn_input(struct conn *c);
/* Writes queued output; false when c must be closed. */
bool conn_output(struct conn *c);
bool conn_wants_input(const struct conn *c);
bool conn_has_output(const struct conn *c);
int conn_send(struct conn *c, uint32_t type, uint32_t req_id, uint32_t tx_id,
	      const void *data, unsigned int len);
int conn_send_event(struct conn *c, const char *path, const char *token);
void conn_close_all(void);
/* Destroys connections marked broken. */
void conn_sweep(void);
/* Forgets watches, transactions and partial or queued messages, and
 * restarts the transport: a domain re-introduced after kexec or resume. */
void conn_reset(struct conn *c);

/* ---- wire.c ---- */
const char *xs_errname(int err);
const char *xs_typename(uint32_t type);
/* Splits a payload into NUL-terminated strings; returns count or -1. */
int wire_split(const char *data, unsigned int len, const char **vec, int max);
int wire_parse_uint(const char *s, unsigned long max, unsigned long *out);
bool wire_header_valid(const struct xsd_sockmsg *h);

/* ---- transaction.c ---- */
struct change {
	struct change *next;
	bool exact;
	unsigned int nperms;
	struct perm *perms; /* permissions before the change, or NULL */
	char path[];
};

struct transaction {
	uint32_t id;
	struct transaction *next;
	struct store overlay; /* nodes written (absent = deleted) */
	struct store seen;    /* first-read copies and their generations */
	struct change *changes;
	struct {
		uint32_t domid;
		int delta;
	} nodes_delta[8];
	unsigned int ndelta;
	bool failed;
};

struct transaction *trans_find(struct conn *c, uint32_t id);
int trans_start(struct conn *c, uint32_t *id);
int trans_end(struct conn *c, struct transaction *t, bool commit);
void trans_free(struct transaction *t);
int trans_node_delta(struct transaction *t, uint32_t domid, int delta);
int trans_nodes_delta(const struct transaction *t, uint32_t domid);

/* ---- core.c: the tree as seen through an optional transaction ---- */
extern struct store db;
extern uint64_t db_gen;
extern bool db_dirty;
void db_init(void);
void db_reset(void);
void db_ensure_specials(void);
struct node *tree_lookup(struct conn *c, struct transaction *t,
			 const char *path);
/* Stores n (taking ownership), accounting node ownership. */
int tree_store(struct conn *c, struct transaction *t, struct node *n);
int tree_remove(struct conn *c, struct transaction *t, const char *path);
unsigned int perm_for(const struct conn *c, const struct node *n);
int canon_path(const struct conn *c, const char *in, char *out,
	       bool allow_special);
/*
 * Fires (or, inside a transaction, queues until commit) the watches for a
 * change of path.  exact: only watches on path itself (a node removed
 * below the root of an RM); otherwise watches on path and its ancestors.
 * perms: the node's permissions before the change, so a watcher that
 * just lost access still hears of it.
 */
void record_change(struct conn *c, struct transaction *t, const char *path,
		   bool exact, const struct perm *perms, unsigned int nperms);

/* ---- watch.c ---- */
struct watch {
	struct watch *next;
	char *path; /* absolute, or "@..." */
	char *token;
	unsigned int rel_off; /* chars to strip for relative watches */
};

int watch_add(struct conn *c, const char *path, const char *token,
	      unsigned int rel_off);
int watch_del(struct conn *c, const char *path, const char *token);
void watch_free_all(struct conn *c);
void watch_fire(const char *path, bool exact, const struct perm *perms,
		unsigned int nperms);
void watch_fire_special(const char *name);

/* ---- ops.c ---- */
void process_message(struct conn *c, const struct xsd_sockmsg *hdr,
		     const char *data);

/* ---- persist.c ---- */
int persist_save(const char *file);
int persist_load(const char *file);
int persist_dump(FILE *f);

/* ---- log.c ---- */
extern int log_verbose;
extern FILE *trace_file;
void log_open(const char *file);
FILE *log_stream(void);
void xlog(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void trace_msg(const struct conn *c, const char *dir,
	       const struct xsd_sockmsg *h, const char *data);

/* ---- ring.c ---- */
struct xenstore_domain_interface;
/* Server side: consume requests, produce responses. */
long ring_read_req(struct xenstore_domain_interface *intf, void *buf,
		   unsigned int len);
long ring_write_rsp(struct xenstore_domain_interface *intf, const void *buf,
		    unsigned int len);
/* Guest side, used by tests and by a future in-guest library. */
long ring_write_req(struct xenstore_domain_interface *intf, const void *buf,
		    unsigned int len);
long ring_read_rsp(struct xenstore_domain_interface *intf, void *buf,
		   unsigned int len);
void ring_init(struct xenstore_domain_interface *intf);
struct conn *ring_conn_new(struct xenstore_domain_interface *intf,
			   uint32_t domid, void (*notify)(void *),
			   void *notify_arg);
/* Called with the page when the connection goes away. */
void ring_conn_set_unmap(struct conn *c,
			 void (*unmap)(struct xenstore_domain_interface *));

/* ---- ring_file.c ---- */
/* Development/test transport: INTRODUCE maps dir/<domid>, a file shared
 * with a "guest" process, as the domain's ring page. */
void ring_file_setup(const char *dir);

#endif
