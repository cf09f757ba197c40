// SPDX-License-Identifier: GPL-2.0-only
/*
 * Scanner for disk specifications, xl-disk-configuration(5).
 *
 * Xen tokenizes a spec with a flex scanner; this is a hand-written
 * scanner with the same matching discipline so every spec reads the same:
 * at each position every rule is tried, the longest match wins and ties
 * go to the earlier rule.  Rules with trailing context (the deprecated
 * "phy:" style prefixes, and blanks before a parameter) count the
 * context for the length comparison but consume only their head.
 */
#include <stdbool.h>
#include <string.h>

#include "disk_scan.h"

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

/* Length (with trailing context) of rule r at s; *head = consumed. */
static size_t match(enum disk_rule r, const char *s, size_t *head)
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

/*
 * The rule that matches at s: the longest match, the earliest rule on a
 * tie.  Returns the number of characters it consumes (0: none matches).
 */
size_t disk_scan_next(const char *s, enum disk_rule *rule)
{
	size_t best = 0, best_head = 0, l, h;
	int r;

	*rule = R_COUNT;
	for (r = 0; r < R_COUNT; r++) {
		l = match((enum disk_rule)r, s, &h);
		if (l > best) {
			best = l;
			best_head = h;
			*rule = (enum disk_rule)r;
		}
	}
	return best_head;
}
