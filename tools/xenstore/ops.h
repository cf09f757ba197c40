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
