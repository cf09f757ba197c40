/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Hypervisor command line, with Xen's syntax and semantics
 * (docs/misc/xen-command-line.pandoc):
 *
 *   - options are separated by blanks; "opt", "no-opt" and "opt=val";
 *   - '-' and '_' are interchangeable in option names;
 *   - a double quote toggles quoting, so "opt=\"a b\"" is one token; the
 *     quote characters themselves are dropped;
 *   - a token "--" ends the hypervisor options; what follows belongs to
 *     the dom0 kernel (see cmdline_dom0_args());
 *   - unknown options and malformed values are reported through warn()
 *     and skipped, never fatal.
 *
 * Values:
 *   boolean  no/off/false/disable/0 and yes/on/true/enable/1; a bare
 *            "opt" is true, "no-opt" false, "no-opt=val" the inverse of val.
 *   integer  C syntax: decimal, 0x hex, leading-0 octal, optional '-'.
 *            Must fit the variable (unsigned, or signed when negative).
 *   size     integer followed by one suffix T/G/M/K (binary powers) or B
 *            (bytes), case-insensitive.  As in Xen, a bare number means
 *            KiB.  An extra 'B' after T/G/M/K ("16MB") is also accepted.
 *   string   copied NUL-terminated into the buffer (truncated with a
 *            warning when too long).
 *   custom   handler gets the text after '=' (NULL for a bare "opt", "no"
 *            for "no-opt") and returns 0 or a negative errno.
 */
#ifndef HV_CMDLINE_H
#define HV_CMDLINE_H

#include <hv/types.h>

enum param_type {
	PARAM_BOOL,
	PARAM_UINT,
	PARAM_SIZE,
	PARAM_STRING,
	PARAM_CUSTOM,
};

struct hv_param {
	const char *name;
	enum param_type type;
	void *var;
	size_t size; /* sizeof *var, or the buffer size for strings */
	int (*custom)(const char *val); /* val NULL if there was no '=' */
};

/* Longest token (after quote removal) the parser handles. */
#define CMDLINE_TOKEN_MAX 1024

/* Provided by the hypervisor's linker script around ".hv_params". */
extern const struct hv_param __hv_params_start[], __hv_params_end[];

#define __hv_param_entry(_id, _name, _type, _var, _size, _fn)              \
	static const struct hv_param __hv_param_##_id __attribute__((      \
		used, section(".hv_params"), aligned(sizeof(void *)))) = { \
		.name = (_name),                                           \
		.type = (_type),                                           \
		.var = (_var),                                             \
		.size = (_size),                                           \
		.custom = (_fn),                                           \
	}

#define boolean_param(_name, _var) \
	__hv_param_entry(_var, _name, PARAM_BOOL, &(_var), sizeof(_var), NULL)
#define integer_param(_name, _var) \
	__hv_param_entry(_var, _name, PARAM_UINT, &(_var), sizeof(_var), NULL)
#define size_param(_name, _var) \
	__hv_param_entry(_var, _name, PARAM_SIZE, &(_var), sizeof(_var), NULL)
/* _var must be a char array, so that sizeof gives the buffer size. */
#define string_param(_name, _var) \
	__hv_param_entry(_var, _name, PARAM_STRING, (_var), sizeof(_var), NULL)
#define custom_param(_name, _fn) \
	__hv_param_entry(_fn, _name, PARAM_CUSTOM, NULL, 0, (_fn))

/*
 * Applies every option of @cmdline (may be NULL) found in [start, end).
 * @warn (may be NULL) receives one printf-style message per problem.
 * Returns the number of problems reported (0: everything was understood).
 */
int cmdline_parse(const char *cmdline, const struct hv_param *start,
		  const struct hv_param *end,
		  void (*warn)(const char *fmt, ...));

/* Text after the first "--" token (blanks skipped), or NULL if none. */
const char *cmdline_dom0_args(const char *cmdline);

/*
 * Parses a number with an optional size suffix (see above); *end, if not
 * NULL, is set to the first unconsumed character.  A '%' after the number
 * is left unconsumed and the number unscaled when end is given (callers
 * such as dom0_mem use it for percentages).  Saturates on overflow.
 */
unsigned long long parse_size_and_unit(const char *s, const char **end);

/*
 * Boolean word in [s, end) (end NULL: up to the NUL): 1 for
 * yes/on/true/enable/1, 0 for no/off/false/disable/0, -1 otherwise.
 */
int parse_bool(const char *s, const char *end);

/* Compares option names, treating '-' and '_' as equal; 0 when equal. */
int cmdline_strcmp(const char *a, const char *b);

#endif
