// SPDX-License-Identifier: GPL-2.0-only
/*
 * Global settings: xl's built-in defaults and /etc/xen/xl.conf, which
 * uses the xl.cfg language.  The path can be changed with the XL_CONF
 * environment variable (used by the tests).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xl.h"

struct xl_globals xlg;

void xlconf_defaults(void)
{
	const char *cpus = getenv("XL_HOST_CPUS");
	long n;

	xlconf_free();
	memset(&xlg, 0, sizeof(xlg));
	xlg.autoballoon = -1;
	xlg.run_hotplug_scripts = 1;
	xlg.claim_mode = 1;
	xlg.max_grant_frames = -1;
	xlg.max_maptrack_frames = -1;
	xlg.max_grant_version = -1;
	xlg.output_format = xstrdup("json");
	/* "all" in a cpu list means every CPU of the host. */
	n = cpus ? strtol(cpus, NULL, 10) : sysconf(_SC_NPROCESSORS_CONF);
	xlg.host_cpus = n > 0 && n <= 4096 ? (int)n : 1;
	bitmap_alloc(&xlg.vm_mask, xlg.host_cpus);
	bitmap_alloc(&xlg.hvm_mask, xlg.host_cpus);
	bitmap_alloc(&xlg.pv_mask, xlg.host_cpus);
	bitmap_set_any(&xlg.vm_mask);
	bitmap_set_any(&xlg.hvm_mask);
	bitmap_set_any(&xlg.pv_mask);
}

void xlconf_free(void)
{
	bitmap_free(&xlg.vm_mask);
	bitmap_free(&xlg.hvm_mask);
	bitmap_free(&xlg.pv_mask);
	free(xlg.lockfile);
	free(xlg.default_vifscript);
	free(xlg.default_bridge);
	free(xlg.default_gatewaydev);
	free(xlg.default_vifbackend);
	free(xlg.blkdev_start);
	free(xlg.output_format);
	free(xlg.domid_policy);
	xlg.lockfile = xlg.default_vifscript = xlg.default_bridge = NULL;
	xlg.default_gatewaydev = xlg.default_vifbackend = NULL;
	xlg.blkdev_start = xlg.output_format = xlg.domid_policy = NULL;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;
	struct stat st;

	if (!f)
		return NULL;
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		fclose(f);
		errno = EISDIR;
		return NULL;
	}
	for (;;) {
		size_t r;

		if (n + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			if (cap > (64u << 20)) {
				free(buf);
				fclose(f);
				errno = EFBIG;
				return NULL;
			}
			buf = xrealloc(buf, cap);
		}
		r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		free(buf);
		errno = e;
		return NULL;
	}
	fclose(f);
	buf[n] = 0;
	*len = n;
	return buf;
}

char *xl_read_file(const char *path, size_t *len)
{
	return read_file(path, len);
}

/* A global CPU mask: unset means every CPU. */
static void load_mask(struct cfg *cfg, const char *key, struct bitmap *m)
{
	const char *buf;
	char err[160];

	if (cfg_get_string(cfg, key, &buf, 0))
		return;
	memset(m->map, 0, (size_t)m->nbits / 8);
	if (parse_cpu_list(buf, m, err, sizeof(err))) {
		cfg_report(cfg, cfg_setting_line(cfg, key), "warning",
			   "%s ignored: %s", key, err);
		bitmap_set_any(m);
	}
}

int xlconf_load(const char *path)
{
	struct cfg *cfg;
	const char *buf;
	size_t len;
	char *data;
	long l;
	int e;

	xlg.conf_path = path;
	data = read_file(path, &len);
	if (!data) {
		if (errno != ENOENT)
			fprintf(stderr, "xl: warning: cannot read %s: %s\n",
				path, strerror(errno));
		else if (xlg.verbose)
			fprintf(stderr, "xl: %s not found, using defaults\n",
				path);
		return 0;
	}
	cfg = cfg_new(path, stderr);
	if (cfg_parse(cfg, data, len)) {
		fprintf(stderr, "xl: ignoring %s: it has errors\n", path);
		goto out;
	}
	if (!cfg_get_string(cfg, "autoballoon", &buf, 1)) {
		if (!strcmp(buf, "on") || !strcmp(buf, "1"))
			xlg.autoballoon = 1;
		else if (!strcmp(buf, "off") || !strcmp(buf, "0"))
			xlg.autoballoon = 0;
		else if (!strcmp(buf, "auto"))
			xlg.autoballoon = -1;
		else
			cfg_report(cfg, cfg_setting_line(cfg, "autoballoon"),
				   "warning",
				   "invalid autoballoon `%s' (on, off, auto)",
				   buf);
	}
	if (!cfg_get_long(cfg, "run_hotplug_scripts", &l, 0))
		xlg.run_hotplug_scripts = l != 0;
	cfg_replace_string(cfg, "lockfile", &xlg.lockfile, 0);
	cfg_replace_string(cfg, "vifscript", &xlg.default_vifscript, 0);
	cfg_replace_string(cfg, "vif.default.script", &xlg.default_vifscript,
			   0);
	cfg_replace_string(cfg, "defaultbridge", &xlg.default_bridge, 0);
	cfg_replace_string(cfg, "vif.default.bridge", &xlg.default_bridge, 0);
	cfg_replace_string(cfg, "vif.default.gatewaydev",
			   &xlg.default_gatewaydev, 0);
	cfg_replace_string(cfg, "vif.default.backend", &xlg.default_vifbackend,
			   0);
	if (!cfg_get_string(cfg, "output_format", &buf, 0)) {
		if (!strcmp(buf, "json") || !strcmp(buf, "sxp"))
			replace_string(&xlg.output_format, buf);
		else
			cfg_report(cfg, cfg_setting_line(cfg, "output_format"),
				   "warning",
				   "invalid output_format `%s' (json or sxp)",
				   buf);
	}
	cfg_replace_string(cfg, "blkdev_start", &xlg.blkdev_start, 0);
	if (!cfg_get_long(cfg, "claim_mode", &l, 0))
		xlg.claim_mode = l != 0;
	e = cfg_get_bounded_long(cfg, "max_grant_frames", 0, INT_MAX, &l, 0);
	if (!e)
		xlg.max_grant_frames = (int)l;
	e = cfg_get_bounded_long(cfg, "max_maptrack_frames", 0, INT_MAX, &l, 0);
	if (!e)
		xlg.max_maptrack_frames = (int)l;
	e = cfg_get_bounded_long(cfg, "max_grant_version", 0, INT_MAX, &l, 0);
	if (!e)
		xlg.max_grant_version = (int)l;
	cfg_replace_string(cfg, "domid_policy", &xlg.domid_policy, 0);
	load_mask(cfg, "vm.cpumask", &xlg.vm_mask);
	load_mask(cfg, "vm.hvm.cpumask", &xlg.hvm_mask);
	load_mask(cfg, "vm.pv.cpumask", &xlg.pv_mask);
out:
	cfg_free(cfg);
	free(data);
	return 0;
}
