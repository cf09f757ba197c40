// SPDX-License-Identifier: GPL-2.0
/* Logging (a file or stderr) and the optional request trace (-T). */
#include <stdarg.h>
#include <string.h>
#include <time.h>

#include "xenstored.h"

int log_verbose;
FILE *trace_file;
static FILE *log_file;

void log_open(const char *file)
{
	FILE *f = NULL;

	if (file && strcmp(file, "-"))
		f = fopen(file, "a");
	if (log_file && log_file != stderr)
		fclose(log_file);
	log_file = f ? f : stderr;
	setvbuf(log_file, NULL, _IOLBF, 0);
}

static void stamp(FILE *f)
{
	char buf[32];
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(f, "%s ", buf);
}

FILE *log_stream(void)
{
	return log_file ? log_file : stderr;
}

void xlog(const char *fmt, ...)
{
	va_list ap;
	FILE *f = log_file ? log_file : stderr;
	char buf[1024];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	stamp(f);
	fprintf(f, "xenstored: %s\n", buf);
}

void trace_msg(const struct conn *c, const char *dir,
	       const struct xsd_sockmsg *h, const char *data)
{
	unsigned int i;

	if (!trace_file)
		return;
	stamp(trace_file);
	fprintf(trace_file, "%s conn%llu dom%u %s req %u tx %u (", dir,
		(unsigned long long)c->id, c->domid, xs_typename(h->type),
		h->req_id, h->tx_id);
	for (i = 0; i < h->len && i < 256; i++) {
		unsigned char ch = data[i];

		if (ch == '\0')
			fputc(' ', trace_file);
		else if (ch >= ' ' && ch < 127)
			fputc(ch, trace_file);
		else
			fprintf(trace_file, "\\x%02x", ch);
	}
	fputs(h->len > 256 ? "...)\n" : ")\n", trace_file);
	fflush(trace_file);
}
