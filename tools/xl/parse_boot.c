// SPDX-License-Identifier: GPL-2.0-only
/*
 * Direct kernel boot and bootloaders: kernel=, ramdisk=, cmdline= (or
 * root= and extra=), bootloader=, bootloader_args=, and pvgrub through
 * firmware= for PV and PVH guests.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

/* Where pvgrub lives; Debian 12's Xen 4.17 packages use this path. */
#ifndef XL_FIRMWARE_DIR
#define XL_FIRMWARE_DIR "/usr/lib/xen-4.17/boot"
#endif

__attribute__((format(printf, 3, 4))) static void
err(struct cfg *cfg, const char *key, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cfg_report(cfg, key ? cfg_setting_line(cfg, key) : 0, "error", "%s",
		   msg);
	cfg->nerrors++;
}

static void warn(struct cfg *cfg, const char *key, const char *msg)
{
	cfg_report(cfg, key ? cfg_setting_line(cfg, key) : 0, "warning", "%s",
		   msg);
	cfg->nwarnings++;
}

/* Xen accepts any prefix of the name ("pvgrub6" means pvgrub64). */
static bool is_prefix_of(const char *s, const char *full)
{
	return !strncmp(s, full, strlen(s));
}

static char *make_cmdline(struct cfg *cfg)
{
	const char *cmd = NULL, *root = NULL, *extra = NULL;
	char *out = NULL;

	cfg_get_string(cfg, "cmdline", &cmd, 0);
	cfg_get_string(cfg, "root", &root, 0);
	cfg_get_string(cfg, "extra", &extra, 0);
	if (cmd) {
		if (root || extra)
			warn(cfg, "cmdline",
			     "ignoring root= and extra= in favour of "
			     "cmdline=");
		return xstrdup(cmd);
	}
	if (root) {
		size_t n = strlen(root) + (extra ? strlen(extra) : 0) + 8;

		out = xcalloc(1, n);
		snprintf(out, n, extra ? "root=%s %s" : "root=%s", root,
			 extra ? extra : "");
	} else if (extra) {
		out = xstrdup(extra);
	}
	return out;
}

void parse_boot(struct cfg *cfg, struct build_info *b)
{
	const char *buf;
	int e;

	cfg_replace_string(cfg, "kernel", &b->kernel, 0);
	cfg_replace_string(cfg, "ramdisk", &b->ramdisk, 0);
	cfg_replace_string(cfg, "device_tree", &b->device_tree, 0);
	b->cmdline = make_cmdline(cfg);
	cfg_replace_string(cfg, "bootloader", &b->bootloader, 0);
	e = cfg_get_list(cfg, "bootloader_args", NULL, 1);
	if (!e) {
		struct cfg_value *list;
		int i;

		cfg_get_list(cfg, "bootloader_args", &list, 0);
		/* Like Xen's string lists: up to the first non-string. */
		for (i = 0; i < list->n && cfg_list_item(list, i); i++)
			strlist_add(&b->bootloader_args,
				    cfg_list_item(list, i));
	} else if (e == EINVAL &&
		   !cfg_get_string(cfg, "bootloader_args", &buf, 0)) {
		warn(cfg, "bootloader_args",
		     "specifying \"bootloader_args\" as a string is "
		     "deprecated, use a list of arguments");
		split_string_list(buf, " \t\n", &b->bootloader_args);
	}
}

void parse_pv_firmware(struct cfg *cfg, struct build_info *b)
{
	const char *buf;

	if (!cfg_get_string(cfg, "firmware", &buf, 0)) {
		if (b->kernel) {
			err(cfg, "firmware",
			    "both kernel and firmware specified%s", "");
		} else if (!is_prefix_of(buf, "pvgrub32") &&
			   !is_prefix_of(buf, "pvgrub64")) {
			err(cfg, "firmware",
			    "firmware `%s' is not supported for PV/PVH guests "
			    "(only pvgrub32 and pvgrub64)",
			    buf);
		} else {
			size_t n = strlen(buf) + 40;

			b->kernel = xcalloc(1, n);
			snprintf(b->kernel, n, XL_FIRMWARE_DIR "/%s.bin", buf);
		}
	}
	if (!b->bootloader && !b->kernel)
		err(cfg, NULL,
		    "neither kernel nor bootloader specified: a %s guest needs "
		    "kernel=\"/path/to/vmlinuz\" or bootloader=\"pygrub\"",
		    b->type == DT_PVH ? "PVH" : "PV");
}
