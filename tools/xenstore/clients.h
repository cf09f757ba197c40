/* SPDX-License-Identifier: GPL-2.0 */
/* Shared by the multi-call client's files (clients*.c). */
#ifndef KRYPTON_XS_CLIENTS_H
#define KRYPTON_XS_CLIENTS_H

#include <stdbool.h>
#include <xenstore.h>

enum mode {
	M_CHMOD,
	M_EXISTS,
	M_LIST,
	M_LS,
	M_READ,
	M_RM,
	M_WRITE,
	M_WATCH
};

struct opts {
	enum mode mode;
	bool prefix, tidy, upto, recurse, raw, socket;
	int nr_events;
};

extern const char *const mode_names[];

/* Output is buffered so a retried transaction prints only once. */
extern size_t out_len;
void output(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void output_raw(const void *buf, size_t len);
void flush_output(void);
/* Xen's escaping of values for display, and its inverse. */
char *sanitise(const char *val, unsigned int len);
unsigned int unsanitise(char *out, const char *in);

extern int ls_max_width;
extern int ls_desired_width;
extern bool ls_whole_path;
void do_ls(struct xs_handle *h, const char *path, int depth, bool show_perms);
int chmod_args(struct xs_handle *h, xs_transaction_t t, const struct opts *o,
	       int argc, char **argv, int i);
int watch_args(struct xs_handle *h, const struct opts *o, int argc, char **argv,
	       int i);

#endif
