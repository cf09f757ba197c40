// SPDX-License-Identifier: GPL-2.0-only
/*
 * xl create, and the dry-run forms of block-attach and network-attach.
 *
 * create reads the file, applies KEY=VALUE overrides after it (later
 * settings win), builds and validates the domain model, and with -N
 * prints it as libxl-style JSON on stdout.  Nothing is created while a
 * single error remains.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

static const char *type_name(int t)
{
	return t == DT_HVM   ? "hvm"
	       : t == DT_PV  ? "pv"
	       : t == DT_PVH ? "pvh"
			     : "?";
}

/* With -v: what Krypton would build, including decoded device numbers. */
static void print_plan(const struct domain_config *dc)
{
	const struct build_info *b = &dc->b;
	int i;

	fprintf(stderr, "xl: plan: domain \"%s\" as %s (configured %s)\n",
		dc->c.name, type_name(dc->planned_type), type_name(dc->c.type));
	if (b->target_memkb != MEMKB_DEFAULT)
		fprintf(stderr, "xl: plan: memory %llu MiB, maxmem %llu MiB\n",
			(unsigned long long)(b->target_memkb / 1024),
			(unsigned long long)(b->max_memkb / 1024));
	for (i = 0; i < dc->num_disks; i++)
		fprintf(stderr, "xl: plan: disk %d: %s (device %d) <- %s\n", i,
			dc->disks[i].vdev, vdev_to_devnum(dc->disks[i].vdev),
			dc->disks[i].pdev_path && *dc->disks[i].pdev_path
				? dc->disks[i].pdev_path
				: "(empty)");
	for (i = 0; i < dc->num_nics; i++) {
		const struct device_nic *n = &dc->nics[i];
		const uint8_t *m = n->planned_mac;

		fprintf(stderr,
			"xl: plan: vif %d: mac %02x:%02x:%02x:%02x:%02x:%02x%s, "
			"bridge %s\n",
			i, m[0], m[1], m[2], m[3], m[4], m[5],
			n->mac_given ? "" : " (random)",
			n->bridge ? n->bridge : "xenbr0");
	}
}

static int create_usage(void)
{
	help("create");
	return 2;
}

/* Parses the file, then each override; returns the number of errors. */
static int load_config(struct cfg *cfg, const char *data, size_t len,
		       char **vars, int nvars)
{
	int i, errors = cfg_parse(cfg, data, len);

	for (i = 0; i < nvars; i++) {
		if (!strchr(vars[i], '=')) {
			cfg_report(cfg, -(i + 1), "error",
				   "`%s' is not a KEY=VALUE override", vars[i]);
			cfg->nerrors++;
			errors++;
			continue;
		}
		cfg->line_offset = -(i + 1) - 1;
		errors += cfg_parse(cfg, vars[i], strlen(vars[i]));
	}
	cfg->line_offset = 0;
	return errors;
}

int main_create(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "defconfig", required_argument, NULL, 'f' },
		{ "dryrun", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "vncviewer", no_argument, NULL, 'V' },
		{ "vncviewer-autopass", no_argument, NULL, 'A' },
		{ "ignore-global-affinity-masks", no_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *file = NULL;
	bool quiet = false, dryrun = xlg.dryrun, masks = true;
	struct domain_config dc;
	struct cfg *cfg;
	char *data, *json;
	size_t len = 0;
	int opt, ret = 1;

	while ((opt = getopt_long(argc, argv, "+cdeFf:hnpqVA", longopts,
				  NULL)) != -1) {
		switch (opt) {
		case 'f':
			file = optarg;
			break;
		case 'n':
			dryrun = true;
			break;
		case 'q':
			quiet = true;
			break;
		case 'h':
			help("create");
			return 0;
		case 'i':
			masks = false;
			break;
		case 'c':
		case 'd':
		case 'e':
		case 'F':
		case 'p':
		case 'V':
		case 'A':
			break; /* matter only once domains can be created */
		default:
			return create_usage();
		}
	}
	if (!file && optind < argc && !strchr(argv[optind], '='))
		file = argv[optind++];
	if (!file) {
		fprintf(stderr, "xl create: no config file given\n");
		return create_usage();
	}
	if (!dryrun && !hypervisor_present())
		return xl_no_hypervisor("create a domain");
	if (!strcmp(file, "/dev/null")) {
		data = xstrdup(""); /* everything from the command line */
	} else {
		data = xl_read_file(file, &len);
		if (!data) {
			fprintf(stderr, "Failed to read config file: %s: %m\n",
				file);
			return 1;
		}
	}
	if (!quiet)
		fprintf(stderr, "Parsing config from %s\n", file);
	cfg = cfg_new(file, stderr);
	dc_init(&dc);
	if (load_config(cfg, data, len, argv + optind, argc - optind))
		goto fail;
	parse_domain_config(cfg, &dc);
	if (masks && !cfg->nerrors)
		apply_affinity_masks(cfg, &dc);
	cfg_warn_unknown(cfg);
	if (cfg->nerrors)
		goto fail;
	validate_config(cfg, &dc, dryrun ? CHECK_DRYRUN : CHECK_CREATE);
	if (cfg->nerrors)
		goto fail;
	if (xlg.verbose)
		print_plan(&dc);
	if (dryrun) {
		if (xlg.output_format && !strcmp(xlg.output_format, "sxp"))
			fprintf(stderr, "xl: output_format \"sxp\" is not "
					"supported; printing JSON\n");
		json = domain_config_to_json(&dc);
		fputs(json, stdout);
		free(json);
		ret = 0;
	} else {
		fprintf(stderr,
			"xl: configuration is valid, but creating domains is "
			"not implemented by Krypton yet\n");
	}
	goto out;
fail:
	fprintf(stderr, "xl: %s: %d error%s; nothing was created\n", file,
		cfg->nerrors, cfg->nerrors == 1 ? "" : "s");
out:
	dc_free(&dc);
	cfg_free(cfg);
	free(data);
	return ret;
}

/* xl -N block-attach DOM SPEC...: the parsed disk as JSON. */
int main_block_attach(int argc, char **argv)
{
	struct device_disk d;
	struct cfg *cfg;
	char *json;
	int ret = 1;

	if (argc < 3) {
		help("block-attach");
		return 2;
	}
	if (!xlg.dryrun)
		return xl_no_hypervisor("attach a block device");
	cfg = cfg_new("command line", stderr);
	disk_init(&d);
	if (parse_disk_specs(cfg, 0, argv + 2, argc - 2, &d))
		goto out;
	if (d.vdev && vdev_to_devnum(d.vdev) < 0) {
		cfg_report(cfg, 0, "error",
			   "vdev `%s' is not a valid virtual device name",
			   d.vdev);
		goto out;
	}
	if (xlg.verbose)
		fprintf(stderr, "xl: vdev %s is device %d\n", d.vdev,
			vdev_to_devnum(d.vdev));
	json = disk_to_json(&d);
	printf("disk: %s\n", json);
	free(json);
	ret = 0;
out:
	disk_free(&d);
	cfg_free(cfg);
	return ret;
}

/* xl -N network-attach DOM KEY=VALUE...: the parsed vif as JSON. */
int main_network_attach(int argc, char **argv)
{
	struct device_nic n;
	struct cfg *cfg;
	char *json;
	int i, ret = 1;

	if (argc < 2) {
		help("network-attach");
		return 2;
	}
	if (!xlg.dryrun)
		return xl_no_hypervisor("attach a network device");
	cfg = cfg_new("command line", stderr);
	nic_init(&n);
	nic_set_defaults(&n);
	for (i = 2; i < argc; i++) {
		char *tok = xstrdup(argv[i]);
		int r = parse_nic_token(cfg, 0, &n, tok);

		free(tok);
		if (r)
			goto out;
	}
	json = nic_to_json(&n);
	printf("vif: %s\n", json);
	free(json);
	ret = 0;
out:
	nic_free(&n);
	cfg_free(cfg);
	return ret;
}
