// SPDX-License-Identifier: GPL-2.0
/*
 * Output buffering and value escaping for the clients: printable ASCII
 * (except backslash) as is, \t \n \r \\, bytes below 010 as \ooo and
 * the rest as \xHH, like Xen's clients; unsanitise() reverses it.
 */
#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clients.h"

static char *out_buf;
size_t out_len;
static size_t out_cap;

static void reserve(size_t n)
{
	if (out_len + n + 1 > out_cap) {
		out_cap = out_len + n + 1024;
		out_buf = realloc(out_buf, out_cap);
		if (!out_buf)
			err(1, "malloc");
	}
}

void output_raw(const void *buf, size_t len)
{
	reserve(len);
	memcpy(out_buf + out_len, buf, len);
	out_len += len;
}

void output(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		err(1, "output");
	reserve(n);
	va_start(ap, fmt);
	vsnprintf(out_buf + out_len, n + 1, fmt, ap);
	va_end(ap);
	out_len += n;
}

/* Printable ASCII except '\' passes; the rest become C-like escapes. */
char *sanitise(const char *val, unsigned int len)
{
	char *s = malloc(len * 4 + 1), *p = s;
	unsigned int i;

	if (!s)
		err(1, "malloc");
	for (i = 0; i < len; i++) {
		unsigned char c = val[i];

		if (c >= ' ' && c <= '~' && c != '\\') {
			*p++ = c;
			continue;
		}
		*p++ = '\\';
		switch (c) {
		case '\t':
			*p++ = 't';
			break;
		case '\n':
			*p++ = 'n';
			break;
		case '\r':
			*p++ = 'r';
			break;
		case '\\':
			*p++ = '\\';
			break;
		default:
			p += sprintf(p, c < 010 ? "%03o" : "x%02x", c);
		}
	}
	*p = '\0';
	return s;
}

/* Inverse of sanitise(); out needs strlen(in) + 1 bytes. */
unsigned int unsanitise(char *out, const char *in)
{
	char *o = out;
	unsigned int v;
	int n;

	while (*in) {
		char c = *in++;

		if (c != '\\') {
			*o++ = c;
			continue;
		}
		c = *in++;
		switch (c) {
		case 't':
			*o++ = '\t';
			break;
		case 'n':
			*o++ = '\n';
			break;
		case 'r':
			*o++ = '\r';
			break;
		case 'x':
			n = 0;
			v = 'x';
			sscanf(in, "%2x%n", &v, &n);
			in += n;
			*o++ = v;
			break;
		case '0' ... '7':
			n = 0;
			in--;
			v = (unsigned char)*in;
			sscanf(in, "%3o%n", &v, &n);
			in += n;
			*o++ = v;
			break;
		case '\0':
			/* a trailing backslash becomes a NUL byte, as in Xen */
			in--;
			*o++ = '\0';
			break;
		default:
			*o++ = c;
		}
	}
	*o = '\0';
	return o - out;
}

void flush_output(void)
{
	if (out_len)
		fwrite(out_buf, 1, out_len, stdout);
}
