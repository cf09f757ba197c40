// SPDX-License-Identifier: GPL-2.0-only
/*
 * Small value parsers: cpu lists, UUIDs, shutdown actions, PCI specs,
 * rdm= and whitespace-separated string lists.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "xl.h"

/* "N" or "N-M" in decimal, nothing after. */
static int parse_range(const char *s, unsigned long *a, unsigned long *b)
{
	char *ep;
	const char *n;

	if (!isdigit((unsigned char)*s))
		return -1;
	*a = *b = strtoul(s, &ep, 10);
	if (ep == s || *a == ULONG_MAX)
		return -1;
	if (*ep == '-') {
		n = ep + 1;
		if (!isdigit((unsigned char)*n))
			return -1;
		*b = strtoul(n, &ep, 10);
		if (ep == n || *b == ULONG_MAX || *b < *a)
			return -1;
	}
	return *ep ? -1 : 0;
}

/*
 * Xen's cpu-list syntax: comma-separated items, each "all", "N" or
 * "N-M", optionally prefixed by "^" (remove) and/or "node:"/"nodes:"
 * (whole NUMA nodes).  Krypton's toolstack sees one NUMA node holding
 * every CPU, so node 0 means all CPUs and other nodes are refused.
 */
int parse_cpu_list(const char *spec, struct bitmap *map, char *err,
		   size_t errlen)
{
	char *buf = xstrdup(spec), *save = NULL, *tok;
	int rc = 0;

	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		const char *s = tok;
		bool neg = false, nodes = false;
		unsigned long a, b, i;

		if (*s == '^') {
			neg = true;
			s++;
		}
		if (!strncmp(s, "nodes:", 6)) {
			nodes = true;
			s += 6;
		} else if (!strncmp(s, "node:", 5)) {
			nodes = true;
			s += 5;
		}
		if (!strcmp(s, "all")) {
			if (neg) {
				snprintf(err, errlen,
					 "can't combine \"^\" and \"all\"");
				rc = -1;
				break;
			}
			bitmap_set_any(map);
			continue;
		}
		if (parse_range(s, &a, &b)) {
			snprintf(err, errlen, "invalid pcpu range: %s", tok);
			rc = -1;
			break;
		}
		if (nodes) {
			if (b > 0) {
				snprintf(err, errlen,
					 "NUMA node %lu does not exist (this "
					 "host has 1 node)",
					 b);
				rc = -1;
				break;
			}
			for (i = 0; i < (unsigned long)map->nbits; i++)
				neg ? bitmap_reset(map, i) : bitmap_set(map, i);
			continue;
		}
		if (b >= (unsigned long)map->nbits) {
			snprintf(err, errlen,
				 "cpu %lu is beyond the %d CPUs of this host",
				 b, map->nbits);
			rc = -1;
			break;
		}
		for (i = a; i <= b; i++)
			neg ? bitmap_reset(map, (int)i)
			    : bitmap_set(map, (int)i);
	}
	free(buf);
	return rc;
}

int parse_uuid(const char *s, uint8_t uuid[16])
{
	int i, k = 0;

	/* 8-4-4-4-12 hex digits */
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (s[i] != '-')
				return -1;
			continue;
		}
		if (!isxdigit((unsigned char)s[i]))
			return -1;
	}
	if (s[36])
		return -1;
	for (i = 0; i < 36; i += 2) {
		char h[3];

		if (s[i] == '-')
			i++;
		h[0] = s[i];
		h[1] = s[i + 1];
		h[2] = 0;
		uuid[k++] = (uint8_t)strtoul(h, NULL, 16);
	}
	return 0;
}

bool uuid_is_nil(const uint8_t uuid[16])
{
	int i;

	for (i = 0; i < 16; i++)
		if (uuid[i])
			return false;
	return true;
}

void random_bytes(uint8_t *buf, size_t len)
{
	int fd = open("/dev/urandom", O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, buf, len) : -1;

	if (fd >= 0)
		close(fd);
	if (n != (ssize_t)len) {
		size_t i;

		srand((unsigned)getpid() ^ (unsigned)time(NULL));
		for (i = 0; i < len; i++)
			buf[i] = (uint8_t)rand();
	}
}

/* A random (version 4) UUID, as libxl_uuid_generate makes. */
void uuid_generate(uint8_t uuid[16])
{
	random_bytes(uuid, 16);
	uuid[6] = (uuid[6] & 0x0f) | 0x40;
	uuid[8] = (uuid[8] & 0x3f) | 0x80;
}

static const char *const action_cfg_names[] = {
	NULL,	    "destroy",		"restart",	    "rename-restart",
	"preserve", "coredump-destroy", "coredump-restart", "soft-reset",
};

int parse_action(const char *s, int *out)
{
	int i;

	for (i = 1; i < 8; i++)
		if (!strcmp(s, action_cfg_names[i])) {
			*out = i;
			return 0;
		}
	return -1;
}

static int parse_bdf(struct device_pci *pci, const char *str, const char **endp)
{
	const char *p = str;
	unsigned int colons = 0, domain = 0, bus, dev, func;
	int n = 0;

	while (isxdigit((unsigned char)*p) || *p == ':') {
		if (*p == ':')
			colons++;
		p++;
	}
	if (colons == 1) {
		if (sscanf(str, "%x:%x.%n", &bus, &dev, &n) != 2 || !n)
			return -1;
	} else if (colons == 2) {
		if (sscanf(str, "%x:%x:%x.%n", &domain, &bus, &dev, &n) != 3 ||
		    !n)
			return -1;
	} else {
		return -1;
	}
	if (domain > 0xffff || bus > 0xff || dev > 0x1f)
		return -1;
	p = str + n;
	if (*p == '*') {
		pci->vfunc_mask = 0xffffffff; /* all functions */
		func = 0;
		p++;
	} else {
		if (!isxdigit((unsigned char)*p) ||
		    sscanf(p, "%x%n", &func, &n) != 1 || func > 7)
			return -1;
		pci->vfunc_mask = 1;
		p += n;
	}
	pci->domain = (int)domain;
	pci->bus = (int)bus;
	pci->dev = (int)dev;
	pci->func = (int)func;
	if (endp)
		*endp = p;
	return 0;
}

static int parse_vslot(uint32_t *vdevfn, const char *str, const char **endp)
{
	unsigned int v;
	int n;

	if (!isxdigit((unsigned char)*str) ||
	    sscanf(str, "%x%n", &v, &n) != 1 || v > 0x1f)
		return -1;
	*vdevfn = v << 3;
	if (endp)
		*endp = str + n;
	return 0;
}

/* PCI_SPEC_STRING: [DDDD:]BB:DD.F[@VSLOT][,KEY=VALUE...] or name=... */
int parse_pci_spec(const char *s, struct device_pci *pci, char *err,
		   size_t errlen)
{
	const char *p = s;
	bool bdf = false, name = false;

	if (!parse_bdf(pci, p, &p)) {
		bdf = true;
		if (*p == '@' && parse_vslot(&pci->vdevfn, p + 1, &p)) {
			snprintf(err, errlen, "invalid virtual slot");
			return -1;
		}
		if (*p == ',')
			p++;
		else if (*p) {
			snprintf(err, errlen, "unexpected `%s' after the BDF",
				 p);
			return -1;
		}
	}
	while (*p) {
		const char *eq = strchr(p, '='), *end;
		char key[64], val[256];
		size_t kl, vl;

		if (!eq) {
			if (p == s)
				snprintf(
					err, errlen,
					"invalid PCI address (expected "
					"[DDDD:]BB:DD.F[@VSLOT][,KEY=VALUE...])");
			else
				snprintf(err, errlen, "`%s' is not KEY=VALUE",
					 p);
			return -1;
		}
		end = strchr(eq, ',');
		if (!end)
			end = eq + strlen(eq);
		kl = (size_t)(eq - p);
		vl = (size_t)(end - eq - 1);
		if (kl >= sizeof(key) || vl >= sizeof(val)) {
			snprintf(err, errlen, "option too long");
			return -1;
		}
		memcpy(key, p, kl);
		key[kl] = 0;
		memcpy(val, eq + 1, vl);
		val[vl] = 0;
		p = *end ? end + 1 : end;
		if (!strcmp(key, "bdf")) {
			if (parse_bdf(pci, val, NULL)) {
				snprintf(err, errlen, "invalid bdf `%s'", val);
				return -1;
			}
			bdf = true;
		} else if (!strcmp(key, "vslot")) {
			if (parse_vslot(&pci->vdevfn, val, NULL)) {
				snprintf(err, errlen, "invalid vslot `%s'",
					 val);
				return -1;
			}
		} else if (!strcmp(key, "permissive")) {
			pci->permissive = atoi(val);
		} else if (!strcmp(key, "msitranslate")) {
			pci->msitranslate = atoi(val);
		} else if (!strcmp(key, "seize")) {
			pci->seize = atoi(val);
		} else if (!strcmp(key, "power_mgmt")) {
			pci->power_mgmt = atoi(val);
		} else if (!strcmp(key, "rdm_policy")) {
			if (!strcmp(val, "strict"))
				pci->rdm_policy = 0;
			else if (!strcmp(val, "relaxed"))
				pci->rdm_policy = 1;
			else {
				snprintf(err, errlen, "unknown rdm_policy `%s'",
					 val);
				return -1;
			}
		} else if (!strcmp(key, "name")) {
			name = true;
			replace_string(&pci->name, val);
		} else {
			snprintf(err, errlen, "unknown option `%s'", key);
			return -1;
		}
	}
	if (!(bdf ^ name)) {
		snprintf(err, errlen,
			 "exactly one of a BDF or name= is needed");
		return -1;
	}
	return 0;
}

/*
 * rdm = "strategy=host[,policy=strict|relaxed]".  Returns -1 for a bad
 * string, 1 when a policy is given: Xen 4.17's xl then rejects the
 * whole setting (its parser treats a valid policy as an error), so the
 * caller leaves the defaults and warns.
 */
int parse_rdm(const char *s, int *strategy, int *policy)
{
	char *buf = xstrdup(s), *save = NULL, *tok;
	int rc = 0, st = *strategy, po = *policy;
	bool has_policy = false;

	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "strategy=host"))
			st = 1;
		else if (!strcmp(tok, "policy=strict") ||
			 !strcmp(tok, "policy=relaxed"))
			has_policy = true;
		else
			rc = -1;
	}
	free(buf);
	if (!rc && has_policy)
		return 1;
	if (!rc) {
		*strategy = st;
		*policy = po;
	}
	return rc;
}

void split_string_list(const char *s, const char *delims, struct strlist *l)
{
	char *buf = xstrdup(s), *save = NULL, *tok;

	for (tok = strtok_r(buf, delims, &save); tok;
	     tok = strtok_r(NULL, delims, &save))
		strlist_add(l, tok);
	free(buf);
}
