/* SPDX-License-Identifier: GPL-2.0 */
/* Internals shared by the client library's files. */
#ifndef KRYPTON_XS_CLIENT_INTERNAL_H
#define KRYPTON_XS_CLIENT_INTERNAL_H

#include <sys/uio.h>
#include <xenstore.h>

/* Sends one request and waits for its reply (watch events that arrive
 * meanwhile are queued).  Returns the malloc'd payload, NUL-terminated
 * one past *len, or NULL with errno set from the daemon's error. */
void *talkv(struct xs_handle *h, xs_transaction_t t, enum xsd_sockmsg_type type,
	    const struct iovec *iov, unsigned int n, unsigned int *len);
/* One NUL-terminated string argument. */
void *talk1(struct xs_handle *h, xs_transaction_t t, enum xsd_sockmsg_type type,
	    const char *arg, unsigned int *len);
/* For requests answered with "OK". */
bool talk_ok(struct xs_handle *h, xs_transaction_t t,
	     enum xsd_sockmsg_type type, const struct iovec *iov,
	     unsigned int n);
/* NUL-separated strings to a vector; one free() releases everything. */
char **split_strings(const char *buf, unsigned int len, unsigned int *num);

#endif
