/* SPDX-License-Identifier: GPL-2.0 */
/* Request context shared by the request handlers (ops*.c). */
#ifndef KRYPTON_XENSTORED_OPS_H
#define KRYPTON_XENSTORED_OPS_H

#include "xenstored.h"

struct req {
	struct conn *c;
	struct transaction *t; /* NULL outside a transaction */
	const struct xsd_sockmsg *h;
	const char *data; /* payload, NUL-terminated one past len */
	unsigned int len;
};

int reply(struct req *r, const void *d, unsigned int len);
int reply_str(struct req *r, const char *s);
int ack(struct req *r);
const char *onearg(struct req *r);
/* Canonicalises in into path (PATH_BUF bytes) and looks the node up,
 * checking the wanted permissions; returns 0 or Xen's errno. */
#define PATH_BUF (XENSTORE_ABS_PATH_MAX + 64)
int get_node(struct req *r, const char *in, unsigned int want, char *path,
	     struct node **out);
int get_node_sp(struct req *r, const char *in, unsigned int want, char *path,
		struct node **out, bool allow_special);

int do_directory(struct req *r);
int do_directory_part(struct req *r);
int do_get_perms(struct req *r);
int do_set_perms(struct req *r);

int do_watch(struct req *r);
int do_unwatch(struct req *r);
int do_transaction_start(struct req *r);
int do_transaction_end(struct req *r);
int do_reset_watches(struct req *r);
int do_introduce(struct req *r);
int do_release(struct req *r);
int do_get_domain_path(struct req *r);
int do_is_domain_introduced(struct req *r);
int do_resume(struct req *r);
int do_set_target(struct req *r);
int do_get_feature(struct req *r);
int do_set_feature(struct req *r);
int do_get_quota(struct req *r);
int do_set_quota(struct req *r);
int do_control(struct req *r);

extern const char *persist_file;

#endif
