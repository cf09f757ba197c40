/*
 * printf-style formatting for the guests: %d %i %u %x %X %o %p %s %c %%,
 * flags - 0 + space #, width and precision (numbers or *), length
 * modifiers hh h l ll z t j. No floating point (the guests have no FPU
 * state set up and are built with -mno-sse).
 */
#include "guest.h"

#define F_LEFT (1 << 0)
#define F_ZERO (1 << 1)
#define F_PLUS (1 << 2)
#define F_SPACE (1 << 3)
#define F_ALT (1 << 4)

struct out {
	char *buf;
	size_t size;
	size_t len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_num(struct out *o, unsigned long long v, bool neg,
		    unsigned int base, bool upper, int flags, int width,
		    int prec)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	char prefix[3];
	int n = 0, np = 0, zeros;

	if (neg)
		prefix[np++] = '-';
	else if (flags & F_PLUS)
		prefix[np++] = '+';
	else if (flags & F_SPACE)
		prefix[np++] = ' ';
	if ((flags & F_ALT) && base == 16 && v) {
		prefix[np++] = '0';
		prefix[np++] = upper ? 'X' : 'x';
	}

	/* C: a zero value with precision 0 prints no digits. */
	if (v == 0 && prec != 0)
		tmp[n++] = '0';
	while (v) {
		tmp[n++] = digits[v % base];
		v /= base;
	}
	if ((flags & F_ALT) && base == 8 && (n == 0 || tmp[n - 1] != '0'))
		tmp[n++] = '0';

	zeros = prec > n ? prec - n : 0;
	if ((flags & F_ZERO) && !(flags & F_LEFT) && prec < 0 && width > np + n)
		zeros = width - np - n;
	width -= np + zeros + n;

	if (!(flags & F_LEFT))
		pad(o, ' ', width);
	for (int i = 0; i < np; i++)
		put(o, prefix[i]);
	pad(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (flags & F_LEFT)
		pad(o, ' ', width);
}

static void put_str(struct out *o, const char *s, int flags, int width,
		    int prec)
{
	size_t len;

	if (!s)
		s = "(null)";
	len = prec < 0 ? strlen(s) : strnlen(s, (size_t)prec);
	if (!(flags & F_LEFT))
		pad(o, ' ', width - (int)len);
	for (size_t i = 0; i < len; i++)
		put(o, s[i]);
	if (flags & F_LEFT)
		pad(o, ' ', width - (int)len);
}

enum length {
	L_INT,
	L_CHAR,
	L_SHORT,
	L_LONG,
	L_LLONG,
	L_SIZE
};

static unsigned long long get_unsigned(enum length len, va_list *ap)
{
	switch (len) {
	case L_CHAR:
		return (unsigned char)va_arg(*ap, unsigned int);
	case L_SHORT:
		return (unsigned short)va_arg(*ap, unsigned int);
	case L_LONG:
		return va_arg(*ap, unsigned long);
	case L_LLONG:
		return va_arg(*ap, unsigned long long);
	case L_SIZE:
		return va_arg(*ap, size_t);
	default:
		return va_arg(*ap, unsigned int);
	}
}

static long long get_signed(enum length len, va_list *ap)
{
	switch (len) {
	case L_CHAR:
		return (signed char)va_arg(*ap, int);
	case L_SHORT:
		return (short)va_arg(*ap, int);
	case L_LONG:
		return va_arg(*ap, long);
	case L_LLONG:
		return va_arg(*ap, long long);
	case L_SIZE:
		return va_arg(*ap, long);
	default:
		return va_arg(*ap, int);
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap_in)
{
	struct out o = { buf, size, 0 };
	va_list ap;

	va_copy(ap, ap_in);
	for (; *fmt; fmt++) {
		int flags = 0, width = 0, prec = -1;
		enum length len = L_INT;
		unsigned long long u;
		long long s;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		for (;;) {
			fmt++;
			if (*fmt == '-')
				flags |= F_LEFT;
			else if (*fmt == '0')
				flags |= F_ZERO;
			else if (*fmt == '+')
				flags |= F_PLUS;
			else if (*fmt == ' ')
				flags |= F_SPACE;
			else if (*fmt == '#')
				flags |= F_ALT;
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
		switch (*fmt) {
		case 'h':
			len = L_SHORT;
			if (fmt[1] == 'h') {
				len = L_CHAR;
				fmt++;
			}
			fmt++;
			break;
		case 'l':
			len = L_LONG;
			if (fmt[1] == 'l') {
				len = L_LLONG;
				fmt++;
			}
			fmt++;
			break;
		case 'z':
		case 't':
		case 'j':
			len = L_SIZE;
			fmt++;
			break;
		}

		switch (*fmt) {
		case 'd':
		case 'i':
			s = get_signed(len, &ap);
			u = s < 0 ? -(unsigned long long)s
				  : (unsigned long long)s;
			put_num(&o, u, s < 0, 10, false, flags, width, prec);
			break;
		case 'u':
			u = get_unsigned(len, &ap);
			put_num(&o, u, false, 10, false, flags, width, prec);
			break;
		case 'x':
		case 'X':
			u = get_unsigned(len, &ap);
			put_num(&o, u, false, 16, *fmt == 'X', flags, width,
				prec);
			break;
		case 'o':
			u = get_unsigned(len, &ap);
			put_num(&o, u, false, 8, false, flags, width, prec);
			break;
		case 'p':
			u = (unsigned long)va_arg(ap, void *);
			put(&o, '0');
			put(&o, 'x');
			put_num(&o, u, false, 16, false, flags & ~F_ALT,
				width > 2 ? width - 2 : 0, prec);
			break;
		case 'c':
			pad(&o, ' ', (flags & F_LEFT) ? 0 : width - 1);
			put(&o, (char)va_arg(ap, int));
			pad(&o, ' ', (flags & F_LEFT) ? width - 1 : 0);
			break;
		case 's':
			put_str(&o, va_arg(ap, const char *), flags, width,
				prec);
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--; /* a lone '%' at the end: stop at the NUL */
			break;
		default:
			/* Unknown conversion: print it as written. */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	va_end(ap);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
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

/*
 * Formats into one buffer and writes it with a single console call, so a
 * line reaches the hypervisor's console in one piece.
 */
int vprintf(const char *fmt, va_list ap)
{
	char buf[512];
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	size_t len = (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1;

	console_write(buf, len);
	return n;
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}
