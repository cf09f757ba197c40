/* SPDX-License-Identifier: GPL-2.0 */
/*
 * In-memory connections for unit tests: requests go straight to
 * process_message(), output is drained into a buffer and split into the
 * reply (returned as a string; errors as their names, e.g. "ENOENT") and
 * queued watch events.
 */
#ifndef KRYPTON_XS_TEST_HARNESS_H
#define KRYPTON_XS_TEST_HARNESS_H

#include "../xenstored.h"

struct conn *tc_new(uint32_t domid);
void tc_free(struct conn *c);
/* Sends a request; returns the reply payload with NULs shown as '|'
 * (a trailing NUL dropped), or the error name. */
const char *tc_req(struct conn *c, uint32_t type, uint32_t tx, const char *data,
		   unsigned int len);
/* Same, with the raw reply available. */
const char *tc_req_raw(struct conn *c, uint32_t type, uint32_t tx,
		       const char *data, unsigned int len, unsigned int *rlen,
		       uint32_t *rtype);
/* Next queued watch event as "path|token", or NULL. */
const char *tc_event(struct conn *c);
unsigned int tc_nevents(struct conn *c);
void tc_reset_world(void);

#define S(lit) lit, sizeof(lit) /* string literal with its NUL */
#define W(c, path, val) tc_req(c, XS_WRITE, 0, path "\0" val, sizeof(path val))
#define R(c, path) tc_req(c, XS_READ, 0, S(path))

#endif
