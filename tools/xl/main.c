// SPDX-License-Identifier: GPL-2.0-only
/*
 * xl: global options, xl.conf, and dispatch through the command table.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

#define DEFAULT_XL_CONF "/etc/xen/xl.conf"

int main(int argc, char **argv)
{
	const struct cmd_spec *c;
	const char *conf;
	int opt, ret;

	xlconf_defaults();
	/* '+' stops at the subcommand, whose options are its own. */
	while ((opt = getopt(argc, argv, "+vfNtTh")) != -1) {
		switch (opt) {
		case 'v':
			xlg.verbose++;
			break;
		case 'f':
			xlg.force = true;
			break;
		case 'N':
			xlg.dryrun = true;
			break;
		case 't':
			break; /* progress with CR: nothing to show yet */
		case 'T':
			xlg.timestamps = true;
			break;
		case 'h':
			help(NULL);
			return 0;
		default:
			fprintf(stderr, "unknown global option\n");
			return 2;
		}
	}
	if (optind >= argc) {
		help(NULL);
		return 1;
	}
	conf = getenv("XL_CONF");
	xlconf_load(conf && *conf ? conf : DEFAULT_XL_CONF);
	argv += optind;
	argc -= optind;
	optind = 1;
	c = cmd_lookup(argv[0]);
	if (!c) {
		fprintf(stderr, "command not implemented\n");
		ret = 2;
	} else if (xlg.dryrun && !c->can_dryrun) {
		fprintf(stderr,
			"command does not implement -N (dryrun) option\n");
		ret = 1;
	} else {
		ret = c->fn(argc, argv);
	}
	xlconf_free();
	return ret;
}
