// SPDX-License-Identifier: GPL-2.0-only
/*
 * Tokenizer for the xl.cfg(5) language.
 *
 * Tokens follow Xen's grammar: IDENT is [a-z][._0-9a-z]*, NUMBER is
 * [0-9][0-9a-fx]* (kept as text; conversion happens at lookup, with
 * base 0 so 0x.. is hex and 0.. is octal), STRING is single or double
 * quoted with C-like escapes and no raw newline, '#' starts a comment
 * that runs to the end of the line.  Blanks are space and tab; a CR
 * before a newline is accepted too so DOS-edited files still parse.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

void lex_init(struct lexer *lx, struct cfg *cfg, const char *buf, size_t len)
{
	memset(lx, 0, sizeof(*lx));
	lx->buf = buf;
	lx->len = len;
	lx->line = 1 + cfg->line_offset;
	lx->cfg = cfg;
}

const char *tok_name(enum tok_type t)
{
	switch (t) {
	case T_EOF:
		return "end of file";
	case T_IDENT:
		return "identifier";
	case T_NUMBER:
		return "number";
	case T_STRING:
		return "string";
	case T_NEWLINE:
		return "newline";
	case T_COMMA:
		return "','";
	case T_LBRACK:
		return "'['";
	case T_RBRACK:
		return "']'";
	case T_ASSIGN:
		return "'='";
	case T_ADD:
		return "'+='";
	case T_SEMI:
		return "';'";
	default:
		return "invalid text";
	}
}

static int peek(struct lexer *lx, size_t off)
{
	if (lx->pos + off >= lx->len)
		return -1;
	return (unsigned char)lx->buf[lx->pos + off];
}

static char *dup_range(const char *s, size_t n)
{
	char *r = malloc(n + 1);

	if (!r)
		abort();
	memcpy(r, s, n);
	r[n] = 0;
	return r;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Removes the quotes and resolves escapes: \" \' \\ \a \b \f \n \r \t \v,
 * \xHH (one or two hex digits) and \ooo (one to three octal digits).
 * Returns NULL and sets *err for an unknown escape.
 */
static char *dequote(const char *s, size_t n, const char **err)
{
	char *out = malloc(n + 1), *q = out;
	size_t i;

	if (!out)
		abort();
	for (i = 1; i + 1 < n; i++) {
		int c = (unsigned char)s[i];

		if (c != '\\') {
			*q++ = (char)c;
			continue;
		}
		c = (unsigned char)s[++i];
		switch (c) {
		case '"':
		case '\'':
		case '\\':
			*q++ = (char)c;
			break;
		case 'a':
			*q++ = '\a';
			break;
		case 'b':
			*q++ = '\b';
			break;
		case 'f':
			*q++ = '\f';
			break;
		case 'n':
			*q++ = '\n';
			break;
		case 'r':
			*q++ = '\r';
			break;
		case 't':
			*q++ = '\t';
			break;
		case 'v':
			*q++ = '\v';
			break;
		case 'x': {
			int v = 0, k = 0, h;

			while (k < 2 && i + 1 < n - 1 &&
			       (h = hexval((unsigned char)s[i + 1])) >= 0) {
				v = v * 16 + h;
				i++;
				k++;
			}
			if (!k) {
				*err = "invalid digit after backslash hex "
				       "numerical character escape in quoted "
				       "string";
				free(out);
				return NULL;
			}
			*q++ = (char)v;
			break;
		}
		default:
			if (c >= '0' && c <= '7') {
				int v = c - '0', k = 1;

				while (k < 3 && i + 1 < n - 1 &&
				       s[i + 1] >= '0' && s[i + 1] <= '7') {
					v = v * 8 + (s[++i] - '0');
					k++;
				}
				*q++ = (char)v;
				break;
			}
			*err = "invalid character after backslash in quoted "
			       "string";
			free(out);
			return NULL;
		}
	}
	*q = 0;
	return out;
}

static void lex_error(struct lexer *lx, size_t start, const char *msg)
{
	size_t end = start;

	/* Report the rest of the offending word, like Xen does. */
	while (end < lx->len && lx->buf[end] != '\n' && lx->buf[end] != ' ' &&
	       lx->buf[end] != '\t')
		end++;
	if (end - start > 60)
		end = start + 60;
	cfg_report(lx->cfg, lx->line, "error",
		   "config parsing error near `%.*s': %s", (int)(end - start),
		   lx->buf + start, msg);
	lx->cfg->nerrors++;
	lx->err_line = lx->line;
	lx->pos = end > start ? end : start + 1;
}

void lex_next(struct lexer *lx, struct token *t)
{
	int c;
	size_t start;

	memset(t, 0, sizeof(*t));
again:
	while ((c = peek(lx, 0)) == ' ' || c == '\t' ||
	       (c == '\r' && peek(lx, 1) == '\n'))
		lx->pos++;
	start = lx->pos;
	t->line = lx->line;
	t->raw = lx->buf + start;
	if (c < 0) {
		t->type = T_EOF;
		return;
	}
	if (c == '#') {
		while ((c = peek(lx, 0)) >= 0 && c != '\n')
			lx->pos++;
		goto again;
	}
	if (c == '\n') {
		lx->pos++;
		lx->line++;
		t->type = T_NEWLINE;
		t->rawlen = 1;
		return;
	}
	if (c >= 'a' && c <= 'z') {
		while ((c = peek(lx, 0)) >= 0 &&
		       ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			c == '.' || c == '_'))
			lx->pos++;
		t->type = T_IDENT;
	} else if (c >= '0' && c <= '9') {
		while ((c = peek(lx, 0)) >= 0 &&
		       ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
			c == 'x'))
			lx->pos++;
		t->type = T_NUMBER;
	} else if (c == '\'' || c == '"') {
		int q = c;
		const char *err = NULL;

		lx->pos++;
		while ((c = peek(lx, 0)) >= 0 && c != q && c != '\n') {
			if (c == '\\' && peek(lx, 1) >= 0 &&
			    peek(lx, 1) != '\n')
				lx->pos++;
			lx->pos++;
		}
		if (c != q) {
			lex_error(lx, start, "unterminated quoted string");
			t->type = T_ERROR;
			return;
		}
		lx->pos++;
		t->type = T_STRING;
		t->rawlen = lx->pos - start;
		t->text = dequote(t->raw, t->rawlen, &err);
		if (!t->text) {
			cfg_report(lx->cfg, lx->line, "error",
				   "config parsing error near `%.*s': %s",
				   (int)t->rawlen, t->raw, err);
			lx->cfg->nerrors++;
			lx->err_line = lx->line;
			t->type = T_ERROR;
		}
		return;
	} else if (c == ',' || c == '[' || c == ']' || c == '=' || c == ';') {
		lx->pos++;
		t->type = c == ','   ? T_COMMA
			  : c == '[' ? T_LBRACK
			  : c == ']' ? T_RBRACK
			  : c == '=' ? T_ASSIGN
				     : T_SEMI;
	} else if (c == '+' && peek(lx, 1) == '=') {
		lx->pos += 2;
		t->type = T_ADD;
	} else {
		/* Python-isms (+ - . ( ) :) suggest an old xm config. */
		if (strchr("+-.():", c))
			lx->likely_python = true;
		lex_error(lx, start, "lexical error");
		t->type = T_ERROR;
		return;
	}
	t->rawlen = lx->pos - start;
	if (t->type == T_IDENT || t->type == T_NUMBER)
		t->text = dup_range(t->raw, t->rawlen);
}
