// SPDX-License-Identifier: GPL-2.0-only
/*
 * A small JSON writer whose output is byte-for-byte the "beautified"
 * layout libxl produces through yajl: four-space indent, `"key": value`,
 * one element per line, and an empty container printed as an opening
 * bracket, a blank line and the closing bracket.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

#define MAX_NEST 32

struct jgen {
	char *buf;
	size_t len, cap;
	int depth;
	bool first[MAX_NEST]; /* no element yet at this depth */
	bool after_key;
};

struct jgen *jgen_new(void)
{
	struct jgen *g = xcalloc(1, sizeof(*g));

	g->cap = 1024;
	g->buf = xcalloc(1, g->cap);
	return g;
}

void jgen_free(struct jgen *g)
{
	if (!g)
		return;
	free(g->buf);
	free(g);
}

const char *jgen_buf(struct jgen *g)
{
	return g->buf;
}

static void put(struct jgen *g, const char *s, size_t n)
{
	if (g->len + n + 1 > g->cap) {
		while (g->len + n + 1 > g->cap)
			g->cap *= 2;
		g->buf = xrealloc(g->buf, g->cap);
	}
	memcpy(g->buf + g->len, s, n);
	g->len += n;
	g->buf[g->len] = 0;
}

static void puts_(struct jgen *g, const char *s)
{
	put(g, s, strlen(s));
}

static void indent(struct jgen *g)
{
	int i;

	for (i = 0; i < g->depth; i++)
		put(g, "    ", 4);
}

/* Separator and indentation before a map key or an array element. */
static void before_value(struct jgen *g)
{
	if (g->after_key) {
		g->after_key = false;
		return;
	}
	if (g->depth == 0)
		return;
	if (!g->first[g->depth])
		put(g, ",\n", 2);
	g->first[g->depth] = false;
	indent(g);
}

static void open_(struct jgen *g, const char *c)
{
	before_value(g);
	puts_(g, c);
	puts_(g, "\n");
	if (g->depth + 1 < MAX_NEST)
		g->depth++;
	g->first[g->depth] = true;
}

static void close_(struct jgen *g, const char *c)
{
	g->depth--;
	puts_(g, "\n");
	indent(g);
	puts_(g, c);
	if (g->depth == 0)
		puts_(g, "\n"); /* yajl ends a complete document with one */
}

void j_map_open(struct jgen *g)
{
	open_(g, "{");
}

void j_map_close(struct jgen *g)
{
	close_(g, "}");
}

void j_array_open(struct jgen *g)
{
	open_(g, "[");
}

void j_array_close(struct jgen *g)
{
	close_(g, "]");
}

static void put_escaped(struct jgen *g, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;

	put(g, "\"", 1);
	for (; *p; p++) {
		char esc[8];

		switch (*p) {
		case '"':
			puts_(g, "\\\"");
			break;
		case '\\':
			puts_(g, "\\\\");
			break;
		case '\b':
			puts_(g, "\\b");
			break;
		case '\f':
			puts_(g, "\\f");
			break;
		case '\n':
			puts_(g, "\\n");
			break;
		case '\r':
			puts_(g, "\\r");
			break;
		case '\t':
			puts_(g, "\\t");
			break;
		default:
			if (*p < 0x20) {
				esc[0] = '\\';
				esc[1] = 'u';
				esc[2] = '0';
				esc[3] = '0';
				esc[4] = hex[*p >> 4];
				esc[5] = hex[*p & 15];
				put(g, esc, 6);
			} else {
				put(g, (const char *)p, 1);
			}
		}
	}
	put(g, "\"", 1);
}

void j_key(struct jgen *g, const char *k)
{
	before_value(g);
	put_escaped(g, k);
	puts_(g, ": ");
	g->after_key = true;
}

void j_string(struct jgen *g, const char *s)
{
	before_value(g);
	put_escaped(g, s);
}

void j_int(struct jgen *g, long long v)
{
	char b[32];

	before_value(g);
	snprintf(b, sizeof(b), "%lld", v);
	puts_(g, b);
}

void j_uint(struct jgen *g, unsigned long long v)
{
	char b[32];

	before_value(g);
	snprintf(b, sizeof(b), "%llu", v);
	puts_(g, b);
}

void j_bool(struct jgen *g, bool v)
{
	before_value(g);
	puts_(g, v ? "true" : "false");
}

void j_null(struct jgen *g)
{
	before_value(g);
	puts_(g, "null");
}
