// SPDX-License-Identifier: GPL-2.0-only
/*
 * Disk specifications, xl-disk-configuration(5).
 *
 * disk_scan.c splits a spec into parameters the way Xen's scanner does;
 * this file gives them their meaning.
 *
 * Keyword parameters are KEY=VALUE up to the next comma; "target=" takes
 * the rest of the string, commas included, so it must come last.
 * Positional parameters fill target, format, vdev and access in order
 * (format is skipped after a deprecated prefix).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "disk_scan.h"
#include "xl.h"

struct dctx {
	struct cfg *cfg;
	int line;
	const char *spec;
	struct device_disk *d;
	bool had_depr_prefix;
	bool access_set;
	int err;
};

static void derr(struct dctx *c, const char *near, const char *msg)
{
	if (near)
		cfg_report(c->cfg, c->line, "error",
			   "disk specification `%s': %s near `%s'", c->spec,
			   msg, near);
	else
		cfg_report(c->cfg, c->line, "error",
			   "disk specification `%s': %s", c->spec, msg);
	c->cfg->nerrors++;
	c->err = EINVAL;
}

static void savestring(struct dctx *c, const char *what, char **dst,
		       const char *val)
{
	if (*dst && **dst) {
		char msg[64];

		snprintf(msg, sizeof(msg), "%s respecified", what);
		derr(c, val, msg);
		return;
	}
	replace_string(dst, val);
}

static void setaccess(struct dctx *c, const char *s)
{
	if (!strcmp(s, "r") || !strcmp(s, "ro"))
		c->d->readwrite = 0;
	else if (!strcmp(s, "rw") || !strcmp(s, "w") || !*s)
		c->d->readwrite = 1;
	else
		derr(c, s, "unknown value for access");
}

static void dset(struct dctx *c, int *member, int val, const char *s,
		 const char *what)
{
	if (*member && *member != val) {
		char msg[64];

		snprintf(msg, sizeof(msg), "%s respecified", what);
		derr(c, s, msg);
		return;
	}
	*member = val;
}

static void setformat(struct dctx *c, const char *s)
{
	static const struct {
		const char *name;
		int v;
	} f[] = { { "", DF_RAW },      { "raw", DF_RAW },
		  { "qcow", DF_QCOW }, { "qcow2", DF_QCOW2 },
		  { "vhd", DF_VHD },   { "empty", DF_EMPTY },
		  { "qed", DF_QED } };
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (!strcmp(s, f[i].name)) {
			dset(c, &c->d->format, f[i].v, s, "format");
			return;
		}
	derr(c, s, "unknown value for format");
}

static void setbackendtype(struct dctx *c, const char *s)
{
	static const char *const n[] = { NULL, "phy", "tap", "qdisk",
					 "standalone" };
	int i;

	for (i = 1; i < 5; i++)
		if (!strcmp(s, n[i])) {
			dset(c, &c->d->backend, i, s, "backend");
			return;
		}
	derr(c, s, "unknown value for backendtype");
}

/* "VDEV:cdrom" or "VDEV:disk"; returns false when there is no colon. */
static bool vdev_and_devtype(struct dctx *c, char *s)
{
	char *colon = strrchr(s, ':');

	if (!colon)
		return false;
	*colon++ = 0;
	savestring(c, "vdev", &c->d->vdev, s);
	if (!strcmp(colon, "cdrom"))
		c->d->is_cdrom = 1;
	else if (!strcmp(colon, "disk"))
		c->d->is_cdrom = 0;
	else
		derr(c, colon, "unknown deprecated type");
	return true;
}

/* Returns false when scanning should stop. */
static bool positional(struct dctx *c, char *t)
{
	struct device_disk *d = c->d;

	if (c->err)
		return true; /* later ones only repeat the first error */
	if (!d->pdev_path) {
		savestring(c, "target", &d->pdev_path, t);
	} else if (!c->had_depr_prefix && d->format == DF_UNKNOWN) {
		if (!*d->pdev_path && vdev_and_devtype(c, t))
			d->format = DF_EMPTY;
		else
			setformat(c, t);
	} else if (!d->vdev) {
		if (!vdev_and_devtype(c, t))
			savestring(c, "vdev", &d->vdev, t);
	} else if (!c->access_set) {
		c->access_set = true;
		setaccess(c, t);
	} else {
		derr(c, t, "too many positional parameters");
		return false;
	}
	return true;
}

/* Returns false to stop scanning. */
static bool action(struct dctx *c, enum disk_rule r, char *t)
{
	struct device_disk *d = c->d;
	size_t n = strlen(t);
	char *eq = strchr(t, '=');
	/* The value of a KEY=VALUE rule; those rules always contain '='. */
	char *v = eq ? eq + 1 : t + n;

	/* Parameters end at a comma, which is not part of the value. */
	if (r != R_BAD_PREFIX && n && t[n - 1] == ',')
		t[--n] = 0;
	switch (r) {
	case R_WS:
	case R_TAPDISK:
	case R_TAP:
	case R_AIO:
	case R_IOEMU:
	case R_FILE:
	case R_PHY:
		if (r != R_WS)
			c->had_depr_prefix = true;
		break;
	case R_FORMAT:
		setformat(c, v);
		break;
	case R_CDROM:
	case R_DEVTYPE_CDROM:
		d->is_cdrom = 1;
		break;
	case R_DEVTYPE_DISK:
		d->is_cdrom = 0;
		break;
	case R_DEVTYPE_OTHER:
		derr(c, t, "unknown value for type");
		break;
	case R_ACCESS:
		setaccess(c, v);
		break;
	case R_BACKEND:
		savestring(c, "backend", &d->backend_domname, v);
		break;
	case R_BACKENDTYPE:
		setbackendtype(c, v);
		break;
	case R_SPECIFICATION:
		if (!strcmp(v, "xen"))
			dset(c, &d->specification, 1, v, "specification");
		else if (!strcmp(v, "virtio"))
			dset(c, &d->specification, 2, v, "specification");
		else
			derr(c, v, "unknown value for specification");
		break;
	case R_VDEV:
		savestring(c, "vdev", &d->vdev, v);
		break;
	case R_SCRIPT:
		savestring(c, "script", &d->script, v);
		break;
	case R_DIRECT_IO_SAFE:
		d->direct_io_safe = true;
		break;
	case R_DISCARD:
		d->discard_enable = 1;
		break;
	case R_NO_DISCARD:
		d->discard_enable = -1;
		break;
	case R_COLO:
		d->colo_enable = 1;
		break;
	case R_NO_COLO:
		d->colo_enable = -1;
		break;
	case R_COLO_HOST:
		savestring(c, "colo-host", &d->colo_host, v);
		break;
	case R_COLO_PORT:
		if (atoi(v) > 0)
			d->colo_port = atoi(v);
		else
			derr(c, v, "unknown value for colo_port");
		break;
	case R_COLO_EXPORT:
		savestring(c, "colo-export", &d->colo_export, v);
		break;
	case R_ACTIVE_DISK:
		savestring(c, "active-disk", &d->active_disk, v);
		break;
	case R_HIDDEN_DISK:
		savestring(c, "hidden-disk", &d->hidden_disk, v);
		break;
	case R_TRUSTED:
		d->trusted = 1;
		break;
	case R_UNTRUSTED:
		d->trusted = -1;
		break;
	case R_TARGET:
		savestring(c, "target", &d->pdev_path, t + 7);
		break;
	case R_UNKNOWN_PARAM:
		derr(c, t, "unknown parameter");
		break;
	case R_FORMAT_PREFIX:
		t[n - 1] = 0; /* drop ':' */
		c->had_depr_prefix = true;
		setformat(c, t);
		break;
	case R_SCRIPT_PREFIX: {
		char script[64];

		t[n - 1] = 0;
		c->had_depr_prefix = true;
		snprintf(script, sizeof(script), "block-%s", t);
		savestring(c, "script", &d->script, script);
		break;
	}
	case R_BAD_PREFIX:
		derr(c, t, "unknown deprecated disk prefix");
		return false;
	case R_POSITIONAL:
		return positional(c, t);
	default:
		break;
	}
	return true;
}

static void scan(struct dctx *c, const char *s)
{
	size_t pos = 0, len = strlen(s);

	while (pos < len) {
		enum disk_rule rule;
		size_t n = disk_scan_next(s + pos, &rule);
		char *tok;
		bool go_on;

		if (!n) {
			derr(c, s + pos, "bad disk syntax");
			return;
		}
		tok = xcalloc(1, n + 1);
		memcpy(tok, s + pos, n);
		pos += n;
		go_on = action(c, rule, tok);
		free(tok);
		if (!go_on)
			return;
	}
}

/*
 * Parses one spec into d (which the caller initialised).  Returns 0 or
 * EINVAL after reporting the problem.
 */
int parse_disk_specs(struct cfg *cfg, int line, char *const *specs, int n,
		     struct device_disk *d)
{
	struct dctx c = { cfg, line, n ? specs[0] : "", d, false, false, 0 };
	int i;

	d->readwrite = 1;
	d->line = line;
	/* Several components (xl block-attach) continue one disk. */
	for (i = 0; i < n; i++) {
		c.spec = specs[i];
		scan(&c, specs[i]);
		if (c.err)
			return c.err;
	}
	if (d->format == DF_UNKNOWN)
		d->format = DF_RAW;
	if (d->is_cdrom) {
		d->removable = 1;
		d->readwrite = 0;
		if (!d->pdev_path || !*d->pdev_path)
			d->format = DF_EMPTY;
	}
	if (!d->vdev) {
		derr(&c, NULL, "no vdev specified");
		return c.err;
	}
	if (!d->pdev_path && !d->removable) {
		derr(&c, NULL,
		     "no target specified (and device not removable)");
		return c.err;
	}
	return 0;
}

int parse_disk_spec(struct cfg *cfg, int line, const char *spec,
		    struct device_disk *d)
{
	char *const specs[1] = { (char *)spec };

	return parse_disk_specs(cfg, line, specs, 1, d);
}
