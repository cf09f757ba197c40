// SPDX-License-Identifier: GPL-2.0-only
/*
 * Field writers for the libxl-style JSON: each writes "key": value only
 * when the value differs from the field's default, which is how libxl's
 * generated JSON code decides what to print.
 */
#include <string.h>

#include "json.h"

void f_str(struct jgen *g, const char *k, const char *v)
{
	if (v) {
		j_key(g, k);
		j_string(g, v);
	}
}

void f_int(struct jgen *g, const char *k, long long v, long long def)
{
	if (v != def) {
		j_key(g, k);
		j_int(g, v);
	}
}

void f_u64(struct jgen *g, const char *k, uint64_t v, uint64_t def)
{
	if (v != def) {
		j_key(g, k);
		j_uint(g, v);
	}
}

void f_bool(struct jgen *g, const char *k, bool v)
{
	if (v) {
		j_key(g, k);
		j_bool(g, v);
	}
}

void f_defbool(struct jgen *g, const char *k, defbool v)
{
	if (v) {
		j_key(g, k);
		j_string(g, v > 0 ? "True" : "False");
	}
}

void f_enum(struct jgen *g, const char *k, int v, int def,
	    const struct enum_names *e)
{
	int i = v - e->base;

	if (v == def)
		return;
	j_key(g, k);
	if (i >= 0 && i < e->count && e->names[i])
		j_string(g, e->names[i]);
	else
		j_null(g);
}

void j_bitmap_value(struct jgen *g, const struct bitmap *b)
{
	int i;

	j_array_open(g);
	for (i = 0; i < b->nbits; i++)
		if (bitmap_test(b, i))
			j_int(g, i);
	j_array_close(g);
}

void f_bitmap(struct jgen *g, const char *k, const struct bitmap *b)
{
	if (bitmap_empty(b))
		return;
	j_key(g, k);
	j_bitmap_value(g, b);
}

void f_strlist(struct jgen *g, const char *k, const struct strlist *l)
{
	int i;

	if (!l->n)
		return;
	j_key(g, k);
	j_array_open(g);
	for (i = 0; i < l->n; i++)
		j_string(g, l->v[i]);
	j_array_close(g);
}

void f_uuid(struct jgen *g, const char *k, const uint8_t u[16])
{
	char b[40];

	if (uuid_is_nil(u))
		return;
	snprintf(b, sizeof(b),
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		 u[10], u[11], u[12], u[13], u[14], u[15]);
	j_key(g, k);
	j_string(g, b);
}
