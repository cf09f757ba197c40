// SPDX-License-Identifier: GPL-2.0-only
/*
 * printf-style formatting for the console: %d %i %u %x %X %o %p %s %c %%,
 * with flags '-', '0', '#', ' ', '+', width and precision (also '*'), and
 * the length modifiers hh h l ll z t j. Always NUL-terminates when size > 0
 * and returns the length the full output would have had.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>

struct out {
	char *buf;
	size_t size, pos;
};

static void put(struct out *o, char c)
{
	if (o->pos + 1 < o->size)
		o->buf[o->pos] = c;
	o->pos++;
}

static void put_padding(struct out *o, int n, char c)
{
	while (n-- > 0)
		put(o, c);
}

#define F_LEFT 1
#define F_ZERO 2
#define F_ALT 4
#define F_SPACE 8
#define F_PLUS 16
#define F_UPPER 32

static void put_number(struct out *o, unsigned long long v, bool neg,
		       unsigned int base, int flags, int width, int prec)
{
	char tmp[24];
	const char *digits = (flags & F_UPPER) ? "0123456789ABCDEF"
					       : "0123456789abcdef";
	int n = 0, len;
	char sign = 0;
	const char *prefix = "";

	if (neg)
		sign = '-';
	else if (flags & F_PLUS)
		sign = '+';
	else if (flags & F_SPACE)
		sign = ' ';
	if ((flags & F_ALT) && base == 16 && v)
		prefix = (flags & F_UPPER) ? "0X" : "0x";
	else if ((flags & F_ALT) && base == 8)
		prefix = "0";
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (prec >= 0)
		flags &= ~F_ZERO;
	else
		prec = 1;
	len = (n > prec ? n : prec) + (sign ? 1 : 0) + (int)strlen(prefix);
	if (!(flags & (F_LEFT | F_ZERO)))
		put_padding(o, width - len, ' ');
	if (sign)
		put(o, sign);
	while (*prefix)
		put(o, *prefix++);
	if (flags & F_ZERO)
		put_padding(o, width - len, '0');
	put_padding(o, prec - n, '0');
	while (n)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		put_padding(o, width - len, ' ');
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	for (; *fmt; fmt++) {
		int flags = 0, width = 0, prec = -1, lng = 0;
		unsigned long long v;
		const char *s;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (fmt++;; fmt++) {
			if (*fmt == '-')
				flags |= F_LEFT;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else if (*fmt == '#')
				flags |= F_ALT;
			else if (*fmt == ' ')
				flags |= F_SPACE;
			else if (*fmt == '+')
				flags |= F_PLUS;
			else
				break;
		}
		if (*fmt == '*') {
			width = va_arg(ap, int);
			if (width < 0) {
				flags |= F_LEFT;
				width = -width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				width = width * 10 + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			prec = 0;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					prec = prec * 10 + (*fmt++ - '0');
			}
		}
		for (;; fmt++) {
			if (*fmt == 'h')
				lng--;
			else if (*fmt == 'l' || *fmt == 'z' || *fmt == 't' ||
				 *fmt == 'j')
				lng++;
			else
				break;
		}
		switch (*fmt) {
		case 'd':
		case 'i': {
			long long sv;

			if (lng >= 1)
				sv = lng == 1 ? va_arg(ap, long)
					      : va_arg(ap, long long);
			else
				sv = va_arg(ap, int);
			if (lng == -1)
				sv = (short)sv;
			else if (lng <= -2)
				sv = (signed char)sv;
			put_number(&o,
				   sv < 0 ? -(unsigned long long)sv
					  : (unsigned long long)sv,
				   sv < 0, 10, flags, width, prec);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			if (lng >= 1)
				v = lng == 1 ? va_arg(ap, unsigned long)
					     : va_arg(ap, unsigned long long);
			else
				v = va_arg(ap, unsigned int);
			if (lng == -1)
				v = (unsigned short)v;
			else if (lng <= -2)
				v = (unsigned char)v;
			if (*fmt == 'X')
				flags |= F_UPPER;
			put_number(&o, v, false,
				   *fmt == 'u'	 ? 10
				   : *fmt == 'o' ? 8
						 : 16,
				   flags, width, prec);
			break;
		case 'p':
			v = (uintptr_t)va_arg(ap, void *);
			put_number(&o, v, false, 16, flags | F_ALT, width,
				   prec);
			break;
		case 'c':
			if (!(flags & F_LEFT))
				put_padding(&o, width - 1, ' ');
			put(&o, (char)va_arg(ap, int));
			if (flags & F_LEFT)
				put_padding(&o, width - 1, ' ');
			break;
		case 's': {
			int len;

			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			len = prec >= 0 ? (int)strnlen(s, prec)
					: (int)strlen(s);
			if (!(flags & F_LEFT))
				put_padding(&o, width - len, ' ');
			for (int i = 0; i < len; i++)
				put(&o, s[i]);
			if (flags & F_LEFT)
				put_padding(&o, width - len, ' ');
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--;
			break;
		default:
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	if (size)
		buf[o.pos < size ? o.pos : size - 1] = '\0';
	return (int)o.pos;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
