// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypervisor command line parser; syntax and semantics in <hv/cmdline.h>.
 *
 * Runs once at boot on a string the boot loader handed us, so everything
 * is bounds-checked: a token longer than CMDLINE_TOKEN_MAX is reported and
 * skipped rather than truncated into something that means another thing.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/cmdline.h>

typedef void (*warn_fn)(const char *fmt, ...);

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char name_char(char c)
{
	return c == '-' ? '_' : c;
}

int cmdline_strcmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		char ca = name_char(*a), cb = name_char(*b);

		if (ca != cb)
			return (unsigned char)ca < (unsigned char)cb ? -1 : 1;
		if (!ca)
			return 0;
	}
}

static int digit_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return 99;
}

/*
 * C-style unsigned number (base prefix 0x / 0 / decimal).  *end is left at
 * @s when there are no digits at all.  *overflow is set when the value
 * does not fit 64 bits (the result then saturates).
 */
static unsigned long long parse_number(const char *s, const char **end,
				       bool *overflow)
{
	unsigned long long v = 0;
	unsigned int base = 10;
	const char *p = s;
	bool any = false;

	*overflow = false;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
	    digit_value(p[2]) < 16) {
		base = 16;
		p += 2;
	} else if (p[0] == '0') {
		base = 8;
	}
	for (; digit_value(*p) < (int)base; p++) {
		unsigned int d = digit_value(*p);

		any = true;
		if (v > (~0ULL - d) / base) {
			*overflow = true;
			v = ~0ULL;
		} else if (!*overflow) {
			v = v * base + d;
		}
	}
	*end = any ? p : s;
	return v;
}

unsigned long long parse_size_and_unit(const char *s, const char **end)
{
	const char *p;
	bool overflow;
	unsigned long long v = parse_number(s, &p, &overflow);
	unsigned int shift;

	switch (*p) {
	case 'T':
	case 't':
		shift = 40;
		break;
	case 'G':
	case 'g':
		shift = 30;
		break;
	case 'M':
	case 'm':
		shift = 20;
		break;
	case 'K':
	case 'k':
		shift = 10;
		break;
	case 'B':
	case 'b':
		shift = 0;
		p++;
		goto done;
	case '%':
		/* Percentages are the caller's business; only with @end. */
		if (end) {
			shift = 0;
			goto done;
		}
		shift = 10;
		goto scale;
	default:
		shift = 10; /* Xen: no suffix means KiB */
		goto scale;
	}
	p++;
	if (*p == 'B' || *p == 'b')
		p++; /* "16MB" reads as "16M" */
scale:
	if (v > (~0ULL >> shift))
		v = ~0ULL;
	else
		v <<= shift;
done:
	if (end)
		*end = p;
	return overflow ? ~0ULL : v;
}

static bool word_is(const char *s, size_t len, const char *word)
{
	return strlen(word) == len && !memcmp(s, word, len);
}

int parse_bool(const char *s, const char *end)
{
	size_t len = end ? (size_t)(end - s) : strlen(s);

	if (word_is(s, len, "1") || word_is(s, len, "yes") ||
	    word_is(s, len, "on") || word_is(s, len, "true") ||
	    word_is(s, len, "enable"))
		return 1;
	if (word_is(s, len, "0") || word_is(s, len, "no") ||
	    word_is(s, len, "off") || word_is(s, len, "false") ||
	    word_is(s, len, "disable"))
		return 0;
	return -1;
}

/* Bounded copy; returns -1 when @src had to be truncated. */
static int copy_string(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);
	size_t n = MIN(len, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
	return n == len ? 0 : -1;
}

/* Stores @v in an integer variable of @size bytes, if it fits. */
static int store_uint(void *var, size_t size, unsigned long long v,
		      bool negative)
{
	unsigned int bits = size * 8;

	switch (size) {
	case 1:
	case 2:
	case 4:
		if (negative) {
			/* -v must be >= -2^(bits-1) */
			if (v > (1ULL << (bits - 1)))
				return -ERANGE;
			v = -v;
		} else if (v >> bits) {
			return -ERANGE;
		}
		break;
	case 8:
		if (negative) {
			if (v > (1ULL << 63))
				return -ERANGE;
			v = -v;
		}
		break;
	default:
		return -EINVAL;
	}
	switch (size) {
	case 1:
		*(uint8_t *)var = v;
		break;
	case 2:
		*(uint16_t *)var = v;
		break;
	case 4:
		*(uint32_t *)var = v;
		break;
	default:
		*(uint64_t *)var = v;
		break;
	}
	return 0;
}

static int parse_integer(const char *val, void *var, size_t size)
{
	bool negative = false, overflow;
	const char *end;
	unsigned long long v;

	if (*val == '-') {
		negative = true;
		val++;
	}
	v = parse_number(val, &end, &overflow);
	if (end == val || *end)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	return store_uint(var, size, v, negative);
}

static int parse_size(const char *val, void *var, size_t size)
{
	const char *end;
	bool overflow;
	unsigned long long v;

	/* Reject "", "M" and "%": the number itself must be present. */
	parse_number(val, &end, &overflow);
	if (end == val)
		return -EINVAL;
	if (overflow)
		return -ERANGE;
	v = parse_size_and_unit(val, &end);
	if (*end)
		return -EINVAL;
	if (v == ~0ULL)
		return -ERANGE;
	return store_uint(var, size, v, false);
}

static int set_bool(const struct hv_param *p, bool v)
{
	return store_uint(p->var, p->size, v, false);
}

static const struct hv_param *find_param(const char *name,
					 const struct hv_param *start,
					 const struct hv_param *end)
{
	const struct hv_param *p;

	for (p = start; p < end; p++)
		if (p->name && !cmdline_strcmp(p->name, name))
			return p;
	return NULL;
}

/*
 * Applies one token, already unquoted into @tok (which we may modify).
 * Returns 0 or reports exactly one warning and returns -1.
 */
static int apply_token(char *tok, const struct hv_param *start,
		       const struct hv_param *end, warn_fn warn)
{
	char *val = strchr(tok, '=');
	const struct hv_param *p;
	bool negated = false;
	int rc = 0, b;

	if (val)
		*val++ = '\0';

	p = find_param(tok, start, end);
	if (!p && !strncmp(tok, "no-", 3)) {
		p = find_param(tok + 3, start, end);
		negated = p != NULL;
	}
	if (!p) {
		if (warn)
			warn("cmdline: unknown option \"%s\"\n", tok);
		return -1;
	}

	switch (p->type) {
	case PARAM_BOOL:
		b = val ? parse_bool(val, NULL) : 1;
		if (b < 0) {
			rc = -EINVAL;
			break;
		}
		rc = set_bool(p, negated ? !b : b);
		break;
	case PARAM_UINT:
	case PARAM_SIZE:
	case PARAM_STRING:
		if (negated || !val) {
			if (warn)
				warn("cmdline: option \"%s\" needs a value\n",
				     p->name);
			return -1;
		}
		if (p->type == PARAM_UINT)
			rc = parse_integer(val, p->var, p->size);
		else if (p->type == PARAM_SIZE)
			rc = parse_size(val, p->var, p->size);
		else if (!p->size)
			rc = -EINVAL;
		else if (copy_string(p->var, val, p->size) < 0) {
			if (warn)
				warn("cmdline: value of \"%s\" truncated to %u characters\n",
				     p->name, (unsigned int)(p->size - 1));
			return -1;
		}
		break;
	case PARAM_CUSTOM:
		if (negated) {
			if (val) {
				rc = -EINVAL;
				break;
			}
			val = "no";
		}
		rc = p->custom ? p->custom(val) : -EINVAL;
		break;
	default:
		rc = -EINVAL;
		break;
	}
	if (rc) {
		if (warn)
			warn("cmdline: bad value for option \"%s\"%s%s (error %d)\n",
			     p->name, val ? ": " : "", val ? val : "", rc);
		return -1;
	}
	return 0;
}

/*
 * Copies the token at *pp into @buf without its quote characters and
 * advances *pp past it.  Returns the token length, or -1 if it does not
 * fit (it is skipped entirely).  *raw_dashes tells whether the token was
 * exactly "--" as written.
 */
static int next_token(const char **pp, char *buf, size_t size, bool *raw_dashes)
{
	const char *p = *pp, *begin = p;
	bool quoted = false, fits = true;
	size_t n = 0;

	for (; *p && (quoted || !is_blank(*p)); p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (n + 1 < size)
			buf[n++] = *p;
		else
			fits = false;
	}
	buf[n] = '\0';
	*raw_dashes = p - begin == 2 && begin[0] == '-' && begin[1] == '-';
	*pp = p;
	return fits ? (int)n : -1;
}

int cmdline_parse(const char *cmdline, const struct hv_param *start,
		  const struct hv_param *end, warn_fn warn)
{
	char tok[CMDLINE_TOKEN_MAX + 1];
	const char *p = cmdline;
	int problems = 0;

	if (!p)
		return 0;
	for (;;) {
		bool dashes;
		int len;

		while (is_blank(*p))
			p++;
		if (!*p)
			break;
		len = next_token(&p, tok, sizeof(tok), &dashes);
		if (dashes)
			break;
		if (len < 0) {
			if (warn)
				warn("cmdline: option longer than %u characters ignored\n",
				     CMDLINE_TOKEN_MAX);
			problems++;
		} else if (len > 0 && apply_token(tok, start, end, warn)) {
			problems++;
		}
	}
	return problems;
}

const char *cmdline_dom0_args(const char *cmdline)
{
	const char *p = cmdline;

	if (!p)
		return NULL;
	for (;;) {
		const char *begin;
		bool quoted = false;

		while (is_blank(*p))
			p++;
		if (!*p)
			return NULL;
		begin = p;
		for (; *p && (quoted || !is_blank(*p)); p++)
			if (*p == '"')
				quoted = !quoted;
		if (p - begin == 2 && begin[0] == '-' && begin[1] == '-') {
			while (is_blank(*p))
				p++;
			return p;
		}
	}
}
