/* SPDX-License-Identifier: GPL-2.0-only */
/* Krypton xl: field writers shared by the JSON output files. */
#ifndef KRYPTON_XL_JSON_H
#define KRYPTON_XL_JSON_H

#include "xl.h"

void f_str(struct jgen *g, const char *k, const char *v);
void f_int(struct jgen *g, const char *k, long long v, long long def);
void f_u64(struct jgen *g, const char *k, uint64_t v, uint64_t def);
void f_bool(struct jgen *g, const char *k, bool v);
void f_defbool(struct jgen *g, const char *k, defbool v);
/* An enum's names: names[value - base], count entries. */
struct enum_names {
	const char *const *names;
	int base;
	int count;
};

void f_enum(struct jgen *g, const char *k, int v, int def,
	    const struct enum_names *e);
void j_bitmap_value(struct jgen *g, const struct bitmap *b);
void f_bitmap(struct jgen *g, const char *k, const struct bitmap *b);
void f_strlist(struct jgen *g, const char *k, const struct strlist *l);
void f_uuid(struct jgen *g, const char *k, const uint8_t u[16]);
void vnc_json(struct jgen *g, const char *k, const struct vnc_info *v);
void sdl_json(struct jgen *g, const char *k, const struct sdl_info *s);
void devices_json(struct jgen *g, const struct domain_config *dc);

#define ENUM(g, k, v, def, names, base)    \
	f_enum(g, k, v, def,               \
	       &(const struct enum_names){ \
		       names, base, (int)(sizeof(names) / sizeof(names[0])) })

#endif
