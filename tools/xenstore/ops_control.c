// SPDX-License-Identifier: GPL-2.0
/*
 * CONTROL <command>|[<parameters>|]: daemon administration for dom0.
 * Commands: check, help, log, logfile, memreport, print, quota, save, dump.
 */
#include <stdio.h>
#include <string.h>

#include "ops.h"

static void count_conn(struct domain *d, void *arg)
{
	(void)d;
	(*(unsigned int *)arg)++;
}

static int ctl_memreport(struct req *r)
{
	unsigned int conns = 0, watches = 0, trans = 0, doms = 0;
	struct conn *c;
	char buf[256];

	for (c = conn_list; c; c = c->next) {
		conns++;
		watches += c->nwatches;
		trans += c->ntrans;
	}
	domain_foreach(count_conn, &doms);
	snprintf(buf, sizeof(buf),
		 "nodes: %u\nconnections: %u\nwatches: %u\n"
		 "transactions: %u\ndomains: %u\n",
		 db.count, conns, watches, trans, doms);
	return reply_str(r, buf);
}

static int ctl_quota(struct req *r)
{
	char buf[1024];
	size_t used = 0;
	int i;

	for (i = 0; i < Q_COUNT; i++)
		used += snprintf(buf + used, sizeof(buf) - used, "%-18s %u\n",
				 quota_name(i), quota_global[i]);
	return reply_str(r, buf);
}

int do_control(struct req *r)
{
	const char *vec[3];
	int n = wire_split(r->data, r->len, vec, 3);
	FILE *f;

	if (n < 1)
		return EINVAL;
	if (!strcmp(vec[0], "check"))
		return ack(r);
	if (!strcmp(vec[0], "help"))
		return reply_str(r,
				 "check\nhelp\nlog [on|off]\nlogfile <file>\n"
				 "memreport\nprint <string>\nquota\nsave\n"
				 "dump <file>\n");
	if (!strcmp(vec[0], "log")) {
		if (n >= 2)
			log_verbose = !strcmp(vec[1], "on");
		return ack(r);
	}
	if (!strcmp(vec[0], "logfile") && n == 2) {
		log_open(vec[1]);
		return ack(r);
	}
	if (!strcmp(vec[0], "memreport"))
		return ctl_memreport(r);
	if (!strcmp(vec[0], "print") && n == 2) {
		xlog("control: %s", vec[1]);
		return ack(r);
	}
	if (!strcmp(vec[0], "quota") && n == 1)
		return ctl_quota(r);
	if (!strcmp(vec[0], "save")) {
		if (!persist_file || persist_save(persist_file))
			return EIO;
		return ack(r);
	}
	if (!strcmp(vec[0], "dump") && n == 2) {
		f = fopen(vec[1], "w");
		if (!f)
			return EACCES;
		persist_dump(f);
		fclose(f);
		return ack(r);
	}
	return EINVAL;
}
