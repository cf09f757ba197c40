// SPDX-License-Identifier: GPL-2.0
/*
 * Per-connection requests: WATCH, UNWATCH, RESET_WATCHES,
 * TRANSACTION_START and TRANSACTION_END.
 */
#include <stdio.h>
#include <string.h>

#include "ops.h"

static int watch_args(struct req *r, const char **vec, char *path,
		      unsigned int *rel_off)
{
	int err;

	if (wire_split(r->data, r->len, vec, 2) != 2)
		return EINVAL;
	err = canon_path(r->c, vec[0], path, true);
	if (err)
		return err;
	*rel_off = 0;
	if (vec[0][0] != '/' && vec[0][0] != '@')
		*rel_off = strlen(path) - strlen(vec[0]);
	return 0;
}

int do_watch(struct req *r)
{
	char path[XENSTORE_ABS_PATH_MAX + 64];
	const char *vec[2];
	unsigned int rel_off;
	int err = watch_args(r, vec, path, &rel_off);

	if (!err)
		err = watch_add(r->c, path, vec[1], rel_off);
	if (err)
		return err;
	ack(r);
	/* The first event fires at once, so clients need not read first. */
	conn_send_event(r->c, vec[0], vec[1]);
	return 0;
}

int do_unwatch(struct req *r)
{
	char path[XENSTORE_ABS_PATH_MAX + 64];
	const char *vec[2];
	unsigned int rel_off;
	int err;

	if (wire_split(r->data, r->len, vec, 2) != 2)
		return EINVAL;
	/* A path that could never have been watched is simply not found. */
	err = watch_args(r, vec, path, &rel_off);
	if (!err)
		err = watch_del(r->c, path, vec[1]);
	else
		err = ENOENT;
	return err ? err : ack(r);
}

int do_reset_watches(struct req *r)
{
	struct transaction *t;

	watch_free_all(r->c);
	while ((t = r->c->trans))
		trans_end(r->c, t, false);
	return ack(r);
}

int do_transaction_start(struct req *r)
{
	char buf[16];
	uint32_t id;
	int err;

	if (r->t)
		return EBUSY; /* no nesting */
	err = trans_start(r->c, &id);
	if (err)
		return err;
	snprintf(buf, sizeof(buf), "%u", id);
	return reply_str(r, buf);
}

int do_transaction_end(struct req *r)
{
	const char *arg = onearg(r);
	int err;

	if (!r->t)
		return ENOENT;
	if (!arg || (strcmp(arg, "T") && strcmp(arg, "F")))
		return EINVAL;
	err = trans_end(r->c, r->t, arg[0] == 'T');
	r->t = NULL;
	return err ? err : ack(r);
}
