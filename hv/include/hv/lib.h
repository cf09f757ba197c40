/* SPDX-License-Identifier: GPL-2.0-only */
/* Formatting, logging and panic helpers. */
#ifndef HV_LIB_H
#define HV_LIB_H

#include <hv/types.h>

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#ifdef HV_HOST_TEST
#include <stdio.h>
#include <stdlib.h>
#define printk(...) printf(__VA_ARGS__)
#define BUG_ON(c)                                                       \
	do {                                                            \
		if (c) {                                                \
			fprintf(stderr, "BUG at %s:%d: %s\n", __FILE__, \
				__LINE__, #c);                          \
			abort();                                        \
		}                                                       \
	} while (0)
#define ASSERT(c) BUG_ON(!(c))
#else
/*
 * Log levels as Xen's: a message may start with one of these prefixes;
 * "loglvl=" on the command line chooses which reach the serial console
 * (everything is kept in the console ring for `xl dmesg`).
 */
#define XENLOG_ERR "<0>"
#define XENLOG_WARNING "<1>"
#define XENLOG_INFO "<2>"
#define XENLOG_DEBUG "<3>"

void printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vprintk(const char *fmt, va_list ap);
__noreturn void panic(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));

#define BUG_ON(c)                                                          \
	do {                                                               \
		if (unlikely(c))                                           \
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #c); \
	} while (0)
#define ASSERT(c) BUG_ON(!(c))
#endif

#endif
