// SPDX-License-Identifier: GPL-2.0-only
/*
 * Disk specifications, xl-disk-configuration(5).
 *
 * Xen tokenizes a spec with a flex scanner; this is a hand-written
 * scanner with the same matching discipline so every spec reads the same:
 * at each position every rule is tried, the longest match wins and ties
 * go to the earlier rule.  Rules with trailing context (the deprecated
 * "phy:" style prefixes, and blanks before a parameter) count the
 * context for the length comparison but consume only their head.
 *
 * Keyword parameters are KEY=VALUE up to the next comma; "target=" takes
 * the rest of the string, commas included, so it must come last.
 * Positional parameters fill target, format, vdev and access in order
 * (format is skipped after a deprecated prefix).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

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

static size_t span_not(const char *s, const char *reject)
{
	return strcspn(s, reject);
}

static size_t line_len(const char *s)
{
	return strcspn(s, "\n");
}

/* "KEYWORD" literal, optional ",". */
static size_t m_word(const char *s, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(s, w, n))
		return 0;
	return n + (s[n] == ',');
}

/* "KEY=" then [^,]* then optional ",". */
static size_t m_kv(const char *s, const char *k)
{
	size_t n = strlen(k), v;

	if (strncmp(s, k, n) || s[n] != '=')
		return 0;
	v = span_not(s + n + 1, ",");
	return n + 1 + v + (s[n + 1 + v] == ',');
}

/* "PREFIX:" with the rest of the line as trailing context. */
static size_t m_prefix(const char *s, const char *p, size_t *head)
{
	size_t n = strlen(p);

	if (strncmp(s, p, n) || s[n] != ':')
		return 0;
	*head = n + 1;
	return n + 1 + line_len(s + n + 1);
}

static bool is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

enum rule {
	R_WS,
	R_FORMAT,
	R_CDROM,
	R_DEVTYPE_CDROM,
	R_DEVTYPE_DISK,
	R_DEVTYPE_OTHER,
	R_ACCESS,
	R_BACKEND,
	R_BACKENDTYPE,
	R_SPECIFICATION,
	R_VDEV,
	R_SCRIPT,
	R_DIRECT_IO_SAFE,
	R_DISCARD,
	R_NO_DISCARD,
	R_COLO,
	R_NO_COLO,
	R_COLO_HOST,
	R_COLO_PORT,
	R_COLO_EXPORT,
	R_ACTIVE_DISK,
	R_HIDDEN_DISK,
	R_TRUSTED,
	R_UNTRUSTED,
	R_TARGET,
	R_UNKNOWN_PARAM,
	R_FORMAT_PREFIX,
	R_SCRIPT_PREFIX,
	R_TAPDISK,
	R_TAP,
	R_AIO,
	R_IOEMU,
	R_FILE,
	R_PHY,
	R_BAD_PREFIX,
	R_POSITIONAL,
	R_COUNT
};

/* Length (with trailing context) of rule r at s; *head = consumed. */
static size_t match(enum rule r, const char *s, size_t *head)
{
	size_t n = 0, k;

	*head = 0;
	switch (r) {
	case R_WS:
		k = strspn(s, " \t\n");
		if (!k)
			return 0;
		*head = k;
		return k + line_len(s + k);
	case R_FORMAT:
		n = m_kv(s, "format");
		break;
	case R_CDROM:
		n = m_word(s, "cdrom");
		break;
	case R_DEVTYPE_CDROM:
		n = m_word(s, "devtype=cdrom");
		break;
	case R_DEVTYPE_DISK:
		n = m_word(s, "devtype=disk");
		break;
	case R_DEVTYPE_OTHER:
		n = m_kv(s, "devtype");
		break;
	case R_ACCESS:
		n = m_kv(s, "access");
		break;
	case R_BACKEND:
		n = m_kv(s, "backend");
		break;
	case R_BACKENDTYPE:
		n = m_kv(s, "backendtype");
		break;
	case R_SPECIFICATION:
		n = m_kv(s, "specification");
		break;
	case R_VDEV:
		n = m_kv(s, "vdev");
		break;
	case R_SCRIPT:
		n = m_kv(s, "script");
		break;
	case R_DIRECT_IO_SAFE:
		n = m_word(s, "direct-io-safe");
		break;
	case R_DISCARD:
		n = m_word(s, "discard");
		break;
	case R_NO_DISCARD:
		n = m_word(s, "no-discard");
		break;
	case R_COLO:
		n = m_word(s, "colo");
		break;
	case R_NO_COLO:
		n = m_word(s, "no-colo");
		break;
	case R_COLO_HOST:
		n = m_kv(s, "colo-host");
		break;
	case R_COLO_PORT:
		n = m_kv(s, "colo-port");
		break;
	case R_COLO_EXPORT:
		n = m_kv(s, "colo-export");
		break;
	case R_ACTIVE_DISK:
		n = m_kv(s, "active-disk");
		break;
	case R_HIDDEN_DISK:
		n = m_kv(s, "hidden-disk");
		break;
	case R_TRUSTED:
		n = m_word(s, "trusted");
		break;
	case R_UNTRUSTED:
		n = m_word(s, "untrusted");
		break;
	case R_TARGET:
		if (!strncmp(s, "target=", 7))
			n = 7 + line_len(s + 7);
		break;
	case R_UNKNOWN_PARAM:
		/* [a-z][-a-z0-9]*=[^,],?  (exactly one value character) */
		if (!is_lower(s[0]))
			break;
		k = 1;
		while (is_lower(s[k]) || is_digit(s[k]) || s[k] == '-')
			k++;
		if (s[k] != '=' || !s[k + 1] || s[k + 1] == ',')
			break;
		n = k + 2 + (s[k + 2] == ',');
		break;
	case R_FORMAT_PREFIX: {
		static const char *const p[] = { "raw", "qcow", "qcow2",
						 "vhd" };
		size_t i, h;

		for (i = 0; i < 4; i++) {
			k = m_prefix(s, p[i], &h);
			if (k > n) {
				n = k;
				*head = h;
			}
		}
		return n;
	}
	case R_SCRIPT_PREFIX: {
		static const char *const p[] = { "iscsi", "nbd", "enbd",
						 "drbd" };
		size_t i, h;

		for (i = 0; i < 4; i++) {
			k = m_prefix(s, p[i], &h);
			if (k > n) {
				n = k;
				*head = h;
			}
		}
		return n;
	}
	case R_TAPDISK:
		return m_prefix(s, "tapdisk", head);
	case R_TAP: {
		size_t h2 = 0, k2 = m_prefix(s, "tap2", &h2);

		n = m_prefix(s, "tap", head);
		if (k2 > n) {
			*head = h2;
			n = k2;
		}
		return n;
	}
	case R_AIO:
		return m_prefix(s, "aio", head);
	case R_IOEMU:
		return m_prefix(s, "ioemu", head);
	case R_FILE:
		return m_prefix(s, "file", head);
	case R_PHY:
		return m_prefix(s, "phy", head);
	case R_BAD_PREFIX:
		/* [a-z][a-z0-9]*: followed by end or a non-alphanumeric */
		if (!is_lower(s[0]))
			break;
		k = 1;
		while (is_lower(s[k]) || is_digit(s[k]))
			k++;
		if (s[k] != ':')
			break;
		*head = k + 1;
		if (!s[k + 1] || s[k + 1] == '\n')
			return k + 1;
		if (is_lower(s[k + 1]) || is_digit(s[k + 1]))
			return 0;
		return k + 1 + line_len(s + k + 1);
	case R_POSITIONAL:
		k = span_not(s, "=,");
		n = k + (s[k] == ',');
		break;
	default:
		break;
	}
	*head = n;
	return n;
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
static bool action(struct dctx *c, enum rule r, char *t)
{
	struct device_disk *d = c->d;
	size_t n = strlen(t);
	char *v = strchr(t, '=');

	/* Parameters end at a comma, which is not part of the value. */
	if (r != R_BAD_PREFIX && n && t[n - 1] == ',')
		t[--n] = 0;
	if (v)
		v++;
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
		size_t best = 0, best_head = 0, l, h;
		int r, best_rule = -1;
		char *tok;

		for (r = 0; r < R_COUNT; r++) {
			l = match((enum rule)r, s + pos, &h);
			if (l > best) {
				best = l;
				best_head = h;
				best_rule = r;
			}
		}
		if (best_rule < 0 || !best_head) {
			derr(c, s + pos, "bad disk syntax");
			return;
		}
		tok = xcalloc(1, best_head + 1);
		memcpy(tok, s + pos, best_head);
		pos += best_head;
		if (!action(c, (enum rule)best_rule, tok)) {
			free(tok);
			return;
		}
		free(tok);
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

/*
 * Linux-style decoding of the drive letters: a..z, then aa..zz and so on
 * (bijective base 26), bounded by max_index.
 */
static bool virtdisk_matches(const char *vdev, const char *prefix, int *index,
			     int max_index, int *part, int max_part)
{
	size_t pl = strlen(prefix);
	const char *p;
	char *ep;
	long v;

	if (strncmp(vdev, prefix, pl))
		return false;
	*index = -1;
	for (p = vdev + pl; *p >= 'a' && *p <= 'z'; p++) {
		*index = (*index + 1) * 26 + (*p - 'a');
		if (*index > max_index)
			return false;
	}
	if (*index < 0)
		return false;
	if (!*p) {
		*part = 0;
		return true;
	}
	if (*p == '0' || *p < '0' || *p > '9')
		return false;
	v = strtol(p, &ep, 10);
	if (*ep || v > max_part)
		return false;
	*part = (int)v;
	return true;
}

/*
 * The Xen virtual device number for a vdev name (xvda, hdc, sdb1, d0p1,
 * or a plain number), as libxl computes it; -1 when it is not valid.
 */
int vdev_to_devnum(const char *vdev)
{
	int disk, part, used = -1;
	unsigned long ul;
	char *ep;

	if ((sscanf(vdev, "d%ip%i%n", &disk, &part, &used) >= 2 &&
	     used == (int)strlen(vdev) && disk >= 0 && disk < (1 << 20) &&
	     part >= 0 && part < 256) ||
	    virtdisk_matches(vdev, "xvd", &disk, (1 << 20) - 1, &part, 255)) {
		if (disk <= 15 && part <= 15)
			return (202 << 8) | (disk << 4) | part;
		return (1 << 28) | (disk << 8) | part;
	}
	if (*vdev >= '0' && *vdev <= '9') {
		errno = 0;
		ul = strtoul(vdev, &ep, 0);
		if (!errno && !*ep && ul <= 0x7fffffff)
			return (int)ul;
	}
	if (virtdisk_matches(vdev, "hd", &disk, 3, &part, 63))
		return ((disk < 2 ? 3 : 22) << 8) | ((disk & 1) << 6) | part;
	if (virtdisk_matches(vdev, "sd", &disk, 15, &part, 15))
		return (8 << 8) | (disk << 4) | part;
	return -1;
}
