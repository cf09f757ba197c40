/* SPDX-License-Identifier: GPL-2.0-only */
/* Krypton xl: the xl.cfg(5) language - tokens, settings, typed lookups. */
#ifndef KRYPTON_XL_CFG_H
#define KRYPTON_XL_CFG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- configuration language (cfg_lex.c, cfg_parse.c) ---- */

enum cfg_vtype {
	CV_STRING,
	CV_LIST
};

struct cfg_value {
	enum cfg_vtype type;
	int line;
	char *str; /* CV_STRING */
	int n;	   /* CV_LIST */
	struct cfg_value **items;
};

enum cfg_op {
	CFG_ASSIGN,
	CFG_ADD
};

struct cfg_setting {
	char *name;
	struct cfg_value *value;
	enum cfg_op op;
	int line;
	bool used;
	struct cfg_setting *next; /* newest first: lookups find the last */
};

struct cfg {
	char *source; /* file name used in messages */
	struct cfg_setting *settings;
	FILE *report;
	int nerrors;
	int nwarnings;
	int line_offset; /* added to line numbers; override k is line -k */
};

enum tok_type {
	T_EOF,
	T_IDENT,
	T_NUMBER,
	T_STRING,
	T_NEWLINE,
	T_COMMA,
	T_LBRACK,
	T_RBRACK,
	T_ASSIGN,
	T_ADD,
	T_SEMI,
	T_ERROR,
};

struct lexer {
	const char *buf;
	size_t len;
	size_t pos;
	int line;
	bool likely_python;
	int err_line; /* line of the last lexical error, 0 if none */
	struct cfg *cfg;
};

struct token {
	enum tok_type type;
	int line;
	char *text;	 /* IDENT, NUMBER, STRING (dequoted); owned by caller */
	const char *raw; /* points into the buffer */
	size_t rawlen;
};

void lex_init(struct lexer *lx, struct cfg *cfg, const char *buf, size_t len);
void lex_next(struct lexer *lx, struct token *t);
const char *tok_name(enum tok_type t);

struct cfg *cfg_new(const char *source, FILE *report);
void cfg_free(struct cfg *cfg);
/* Parses a whole buffer; returns 0 or the number of errors. */
int cfg_parse(struct cfg *cfg, const char *data, size_t len);
void cfg_value_free(struct cfg_value *v);
void cfg_report(struct cfg *cfg, int line, const char *level, const char *fmt,
		...) __attribute__((format(printf, 4, 5)));
const char *cfg_where(const struct cfg *cfg, int line, char *buf, size_t n);

/* Lookups follow libxlu: 0 found, ESRCH absent, EINVAL wrong type/value. */
struct cfg_setting *cfg_find(struct cfg *cfg, const char *name);
int cfg_get_string(struct cfg *cfg, const char *name, const char **out,
		   int quiet);
int cfg_replace_string(struct cfg *cfg, const char *name, char **out,
		       int quiet);
int cfg_get_long(struct cfg *cfg, const char *name, long *out, int quiet);
int cfg_get_bounded_long(struct cfg *cfg, const char *name, long min, long max,
			 long *out, int quiet);
int cfg_get_defbool(struct cfg *cfg, const char *name, int8_t *out, int quiet);
int cfg_get_list(struct cfg *cfg, const char *name, struct cfg_value **out,
		 int quiet);
const char *cfg_list_item(const struct cfg_value *list, int i);
int cfg_setting_line(struct cfg *cfg, const char *name);
void cfg_warn_unknown(struct cfg *cfg);

#endif
