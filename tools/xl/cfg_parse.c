// SPDX-License-Identifier: GPL-2.0-only
/*
 * Parser for the xl.cfg(5) language:
 *
 *   file       := { [ IDENT ('=' | '+=') value ] (NEWLINE | ';') } [ assignment ]
 *   value      := STRING | NUMBER | '[' nl* [ value nl* { ',' nl* value nl* } [ ',' nl* ] ] ']'
 *
 * Settings are kept newest first, so a later assignment (including the
 * KEY=VALUE overrides from the command line, parsed after the file)
 * wins.  '+=' appends to the previous value of the same kind.  A syntax
 * error skips to the next line and parsing continues, so one run reports
 * every broken line; any error fails the whole parse.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

#define MAX_DEPTH 1000 /* bounds recursion on nested lists */

struct parser {
	struct lexer lx;
	struct token tok;
	struct cfg *cfg;
	int last_error_line;
};

struct cfg *cfg_new(const char *source, FILE *report)
{
	struct cfg *cfg = xcalloc(1, sizeof(*cfg));

	cfg->source = xstrdup(source);
	cfg->report = report;
	return cfg;
}

void cfg_value_free(struct cfg_value *v)
{
	int i;

	if (!v)
		return;
	if (v->type == CV_STRING) {
		free(v->str);
	} else {
		for (i = 0; i < v->n; i++)
			cfg_value_free(v->items[i]);
		free(v->items);
	}
	free(v);
}

void cfg_free(struct cfg *cfg)
{
	struct cfg_setting *s, *next;

	if (!cfg)
		return;
	for (s = cfg->settings; s; s = next) {
		next = s->next;
		free(s->name);
		cfg_value_free(s->value);
		free(s);
	}
	free(cfg->source);
	free(cfg);
}

/* Lines > 0 are in the file; line -k is the k-th command-line override. */
const char *cfg_where(const struct cfg *cfg, int line, char *buf, size_t n)
{
	if (line > 0)
		snprintf(buf, n, "%s:%d", cfg->source, line);
	else if (line < 0)
		snprintf(buf, n, "%s: command-line override %d", cfg->source,
			 -line);
	else
		snprintf(buf, n, "%s", cfg->source);
	return buf;
}

void cfg_report(struct cfg *cfg, int line, const char *level, const char *fmt,
		...)
{
	char where[512];
	va_list ap;

	if (!cfg->report)
		return;
	fprintf(cfg->report,
		"%s: %s: ", cfg_where(cfg, line, where, sizeof(where)), level);
	va_start(ap, fmt);
	vfprintf(cfg->report, fmt, ap);
	va_end(ap);
	fputc('\n', cfg->report);
}

static void advance(struct parser *p)
{
	free(p->tok.text);
	do
		lex_next(&p->lx, &p->tok);
	while (p->tok.type == T_ERROR);
}

static void syntax_error(struct parser *p, const char *expecting)
{
	struct token *t = &p->tok;

	/* One message per line: a lexical error already explained it. */
	if (t->line != p->last_error_line && t->line != p->lx.err_line) {
		if (t->type == T_NEWLINE || t->type == T_EOF)
			cfg_report(p->cfg, t->line, "error",
				   "config parsing error near %s: syntax "
				   "error, unexpected %s, expecting %s",
				   t->type == T_EOF ? "end of file"
						    : "<newline>",
				   tok_name(t->type), expecting);
		else
			cfg_report(p->cfg, t->line, "error",
				   "config parsing error near `%.*s': syntax "
				   "error, unexpected %s, expecting %s",
				   (int)(t->rawlen > 60 ? 60 : t->rawlen),
				   t->raw, tok_name(t->type), expecting);
		p->cfg->nerrors++;
	}
	p->last_error_line = t->line;
}

static void skip_newlines(struct parser *p)
{
	while (p->tok.type == T_NEWLINE)
		advance(p);
}

static struct cfg_value *parse_value(struct parser *p, int depth)
{
	struct cfg_value *v;

	if (p->tok.type == T_STRING || p->tok.type == T_NUMBER) {
		v = xcalloc(1, sizeof(*v));
		v->type = CV_STRING;
		v->line = p->tok.line;
		v->str = p->tok.text;
		p->tok.text = NULL;
		advance(p);
		return v;
	}
	if (p->tok.type != T_LBRACK) {
		syntax_error(p, "a string, a number or '['");
		return NULL;
	}
	if (depth >= MAX_DEPTH) {
		cfg_report(p->cfg, p->tok.line, "error",
			   "lists nested deeper than %d levels", MAX_DEPTH);
		p->cfg->nerrors++;
		p->last_error_line = p->tok.line;
		return NULL;
	}
	v = xcalloc(1, sizeof(*v));
	v->type = CV_LIST;
	v->line = p->tok.line;
	advance(p);
	skip_newlines(p);
	while (p->tok.type != T_RBRACK) {
		struct cfg_value *item = parse_value(p, depth + 1);

		if (!item)
			goto fail;
		*ARRAY_GROW(v->items, v->n) = item;
		skip_newlines(p);
		if (p->tok.type == T_COMMA) {
			advance(p);
			skip_newlines(p);
		} else if (p->tok.type != T_RBRACK) {
			syntax_error(p, "',' or ']'");
			goto fail;
		}
	}
	advance(p);
	return v;
fail:
	cfg_value_free(v);
	return NULL;
}

static struct cfg_value *concat(struct parser *p, struct cfg_value *prev,
				struct cfg_value *add, int line)
{
	struct cfg_value *v;
	int i;

	if (prev->type != add->type) {
		cfg_report(p->cfg, line, "error",
			   "can't add [list] to \"string\" or vice versa");
		p->cfg->nerrors++;
		cfg_value_free(add);
		return NULL;
	}
	if (add->type == CV_STRING) {
		char *s = xcalloc(1, strlen(prev->str) + strlen(add->str) + 1);

		strcpy(s, prev->str);
		strcat(s, add->str);
		free(add->str);
		add->str = s;
		return add;
	}
	v = xcalloc(1, sizeof(*v));
	v->type = CV_LIST;
	v->line = prev->line;
	v->n = prev->n + add->n;
	v->items = xcalloc(v->n ? v->n : 1, sizeof(*v->items));
	/* Deep-copy the earlier items: the old setting keeps its own. */
	for (i = 0; i < prev->n; i++) {
		struct cfg_value *src = prev->items[i], *c;

		if (src->type != CV_STRING) {
			/* Nested lists are not used by any += user; keep it
			 * simple and refuse them. */
			cfg_report(p->cfg, line, "error",
				   "'+=' cannot extend a list of lists");
			p->cfg->nerrors++;
			v->n = i;
			cfg_value_free(v);
			cfg_value_free(add);
			return NULL;
		}
		c = xcalloc(1, sizeof(*c));
		c->type = CV_STRING;
		c->line = src->line;
		c->str = xstrdup(src->str);
		v->items[i] = c;
	}
	for (i = 0; i < add->n; i++)
		v->items[prev->n + i] = add->items[i];
	free(add->items);
	free(add);
	return v;
}

static void store(struct parser *p, char *name, enum cfg_op op,
		  struct cfg_value *v)
{
	struct cfg_setting *s;

	if (op == CFG_ADD) {
		struct cfg_setting *prev;

		for (prev = p->cfg->settings; prev; prev = prev->next)
			if (!strcmp(prev->name, name))
				break;
		if (prev) {
			v = concat(p, prev->value, v, v->line);
			if (!v) {
				free(name);
				return;
			}
		}
	}
	s = xcalloc(1, sizeof(*s));
	s->name = name;
	s->value = v;
	s->op = op;
	s->line = v->line;
	s->next = p->cfg->settings;
	p->cfg->settings = s;
}

static void skip_line(struct parser *p)
{
	while (p->tok.type != T_NEWLINE && p->tok.type != T_EOF)
		advance(p);
}

int cfg_parse(struct cfg *cfg, const char *data, size_t len)
{
	struct parser p;
	int errors_before = cfg->nerrors;

	memset(&p, 0, sizeof(p));
	p.cfg = cfg;
	lex_init(&p.lx, cfg, data, len);
	advance(&p);
	while (p.tok.type != T_EOF) {
		char *name;
		enum cfg_op op;
		struct cfg_value *v;

		if (p.tok.type == T_NEWLINE || p.tok.type == T_SEMI) {
			advance(&p);
			continue;
		}
		if (p.tok.type != T_IDENT) {
			syntax_error(&p, "an option name");
			skip_line(&p);
			continue;
		}
		name = p.tok.text;
		p.tok.text = NULL;
		advance(&p);
		if (p.tok.type != T_ASSIGN && p.tok.type != T_ADD) {
			syntax_error(&p, "'=' or '+='");
			free(name);
			skip_line(&p);
			continue;
		}
		op = p.tok.type == T_ADD ? CFG_ADD : CFG_ASSIGN;
		advance(&p);
		v = parse_value(&p, 0);
		if (!v) {
			free(name);
			skip_line(&p);
			continue;
		}
		if (p.tok.type != T_NEWLINE && p.tok.type != T_SEMI &&
		    p.tok.type != T_EOF) {
			syntax_error(&p, "newline or ';'");
			free(name);
			cfg_value_free(v);
			skip_line(&p);
			continue;
		}
		store(&p, name, op, v);
	}
	free(p.tok.text);
	if (cfg->nerrors > errors_before && p.lx.likely_python)
		cfg_report(cfg, 0, "warning",
			   "config file looks like it contains Python code; "
			   "arbitrary Python is not supported in xl.cfg, see "
			   "xl.cfg(5)");
	return cfg->nerrors - errors_before;
}
