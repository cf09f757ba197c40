// SPDX-License-Identifier: GPL-2.0-only
/*
 * libFuzzer target: the xl.cfg parser, the domain model built from it,
 * the JSON writer, the disk and vif spec parsers, and the kernel-image
 * probe (ELF notes, bzImage header) on raw input.
 */
#include <stdlib.h>
#include <string.h>

#include "../xl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool init;
	struct domain_config dc;
	struct device_disk d;
	struct device_nic n;
	struct cfg *cfg;
	char *json, *s;

	if (!init) {
		setenv("XL_HOST_CPUS", "8", 1);
		xlconf_defaults();
		init = true;
	}
	cfg = cfg_new("fuzz", NULL);
	if (!cfg_parse(cfg, (const char *)data, size)) {
		dc_init(&dc);
		parse_domain_config(cfg, &dc);
		if (!cfg->nerrors)
			apply_affinity_masks(cfg, &dc);
		cfg_warn_unknown(cfg);
		if (!cfg->nerrors)
			validate_config(cfg, &dc, CHECK_DRYRUN);
		json = domain_config_to_json(&dc);
		free(json);
		dc_free(&dc);
	}
	cfg_free(cfg);

	probe_kernel_buf(data, size);

	/* The same bytes as one disk spec and one vif token list. */
	s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = 0;
	cfg = cfg_new("fuzz", NULL);
	disk_init(&d);
	if (!parse_disk_spec(cfg, 1, s, &d)) {
		json = disk_to_json(&d);
		free(json);
		vdev_to_devnum(d.vdev);
	}
	disk_free(&d);
	nic_init(&n);
	{
		char *save = NULL, *tok;

		for (tok = strtok_r(s, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save))
			parse_nic_token(cfg, 1, &n, tok);
	}
	json = nic_to_json(&n);
	free(json);
	nic_free(&n);
	cfg_free(cfg);
	free(s);
	return 0;
}
