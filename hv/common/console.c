// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor console. Every message goes into the console ring (read
 * by dom0 as `xl dmesg`); messages at or above the loglvl= threshold also
 * go to the serial ports chosen by console=. Hypervisor lines carry the
 * "(XEN) " prefix users know; guest console_io text is printed as
 * "(dN) " lines.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/console.h>
#include <hv/cmdline.h>
#include <hv/spinlock.h>

/* Xen's level names, in order; a message's level is its "<n>" prefix. */
enum {
	LVL_NONE = -1,
	LVL_ERR,
	LVL_WARN,
	LVL_INFO,
	LVL_DEBUG
};

static char opt_console[64] = "com1";
static char opt_com1[64] = "";
static char opt_com2[64] = "";
static int loglvl = LVL_WARN;	    /* default: errors and warnings */
static int guest_loglvl = LVL_WARN; /* domU console_io is "info" */
string_param("console", opt_console);
string_param("com1", opt_com1);
string_param("com2", opt_com2);

static int parse_level(const char *s)
{
	static const char *const names[] = { "error", "warning", "info",
					     "debug" };

	if (!s)
		return -2;
	if (!strncmp(s, "none", 4))
		return LVL_NONE;
	if (!strncmp(s, "all", 3))
		return LVL_DEBUG;
	for (int i = 0; i < 4; i++)
		if (!strncmp(s, names[i], strlen(names[i])))
			return i;
	return -2;
}

/* "loglvl=<lower>[/<upper>]": we have no rate limiting, so <lower> rules. */
static int parse_loglvl(const char *s)
{
	int l = parse_level(s);

	if (l == -2)
		return -22;
	loglvl = l;
	return 0;
}
custom_param("loglvl", parse_loglvl);

static int parse_guest_loglvl(const char *s)
{
	int l = parse_level(s);

	if (l == -2)
		return -22;
	guest_loglvl = l;
	return 0;
}
custom_param("guest_loglvl", parse_guest_loglvl);

#define CONRING_SIZE (64 * 1024)
static char conring[CONRING_SIZE];
static size_t conring_prod; /* total bytes ever written */

static spinlock_t console_lock = SPINLOCK_INIT;
static bool serial_com[2];
static bool serial_ready;
static bool at_line_start = true;

static void ring_put(char c)
{
	conring[conring_prod++ % CONRING_SIZE] = c;
}

static void serial_put(char c)
{
	if (!serial_ready)
		return;
	for (int i = 0; i < 2; i++) {
		if (!serial_com[i])
			continue;
		if (c == '\n')
			uart_putc(i, '\r');
		uart_putc(i, c);
	}
}

/* Emits text line by line, adding @prefix at each line start. */
static void emit(const char *prefix, const char *s, size_t len, bool to_serial)
{
	for (size_t i = 0; i < len; i++) {
		if (at_line_start) {
			for (const char *p = prefix; *p; p++) {
				ring_put(*p);
				if (to_serial)
					serial_put(*p);
			}
			at_line_start = false;
		}
		ring_put(s[i]);
		if (to_serial)
			serial_put(s[i]);
		if (s[i] == '\n')
			at_line_start = true;
	}
}

void vprintk(const char *fmt, va_list ap)
{
	char buf[512];
	const char *s = buf;
	int level = LVL_WARN, n;
	unsigned long flags;

	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n >= (int)sizeof(buf))
		n = sizeof(buf) - 1;
	if (s[0] == '<' && s[1] >= '0' && s[1] <= '3' && s[2] == '>') {
		level = s[1] - '0';
		s += 3;
		n -= 3;
	}
	flags = spin_lock_irqsave(&console_lock);
	emit("(XEN) ", s, n, level <= loglvl);
	spin_unlock_irqrestore(&console_lock, flags);
}

void printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

/*
 * Guest text is collected per domain until a newline (or a full buffer),
 * then printed as one "(dN) " line, so a guest writing a line in pieces
 * still reads as one line and never splits a hypervisor line.
 */
#define GUEST_LINE_MAX 256
#define GUEST_LINE_SLOTS 8

static struct guest_line {
	bool used;
	unsigned int domid;
	size_t len;
	char buf[GUEST_LINE_MAX];
} guest_lines[GUEST_LINE_SLOTS];

static struct guest_line *line_for(unsigned int domid)
{
	struct guest_line *free = NULL;

	for (int i = 0; i < GUEST_LINE_SLOTS; i++) {
		if (guest_lines[i].used && guest_lines[i].domid == domid)
			return &guest_lines[i];
		if (!guest_lines[i].used && !free)
			free = &guest_lines[i];
	}
	if (!free)
		free = &guest_lines[domid % GUEST_LINE_SLOTS]; /* reuse */
	free->used = true;
	free->domid = domid;
	free->len = 0;
	return free;
}

static void flush_line(struct guest_line *l, bool show)
{
	char prefix[16];

	snprintf(prefix, sizeof(prefix), "(d%u) ", l->domid);
	if (!at_line_start)
		emit("", "\n", 1, show);
	emit(prefix, l->buf, l->len, show);
	if (!at_line_start)
		emit("", "\n", 1, show);
	l->len = 0;
}

void console_guest_write(unsigned int domid, const char *buf, size_t len)
{
	unsigned long flags;
	/* dom0's console is the machine's console, as in Xen. */
	bool show = domid == 0 || guest_loglvl >= LVL_INFO;
	struct guest_line *l;

	flags = spin_lock_irqsave(&console_lock);
	l = line_for(domid);
	for (size_t i = 0; i < len; i++) {
		char c = buf[i];

		if (c == '\r' || c == '\0')
			continue;
		l->buf[l->len++] = c;
		if (c == '\n' || l->len == GUEST_LINE_MAX)
			flush_line(l, show);
	}
	spin_unlock_irqrestore(&console_lock, flags);
}

void console_guest_flush(unsigned int domid)
{
	unsigned long flags = spin_lock_irqsave(&console_lock);
	struct guest_line *l = line_for(domid);

	if (l->len)
		flush_line(l, domid == 0 || guest_loglvl >= LVL_INFO);
	l->used = false;
	spin_unlock_irqrestore(&console_lock, flags);
}

size_t console_ring_read(char *buf, size_t len, size_t offset)
{
	size_t avail, start, n = 0;
	unsigned long flags = spin_lock_irqsave(&console_lock);

	avail = conring_prod < CONRING_SIZE ? conring_prod : CONRING_SIZE;
	start = conring_prod - avail;
	for (size_t i = start + offset; i < conring_prod && n < len; i++)
		buf[n++] = conring[i % CONRING_SIZE];
	spin_unlock_irqrestore(&console_lock, flags);
	return n;
}

void console_force_unlock(void)
{
	console_lock.locked = 0;
}

/*
 * Runs after the command line is parsed: configures the UARTs named by
 * console= and replays what was logged before, so no early line is lost.
 */
void console_init(void)
{
	const char *p = opt_console;

	if (opt_com1[0] && uart_configure(0, opt_com1))
		printk("Bad com1= option '%s', using defaults\n", opt_com1);
	if (opt_com2[0] && uart_configure(1, opt_com2))
		printk("Bad com2= option '%s', using defaults\n", opt_com2);
	while (*p) {
		if (!strncmp(p, "com1", 4))
			serial_com[0] = true;
		else if (!strncmp(p, "com2", 4))
			serial_com[1] = true;
		while (*p && *p != ',')
			p++;
		if (*p == ',')
			p++;
	}
	for (int i = 0; i < 2; i++)
		if (serial_com[i])
			uart_init(i);
	serial_ready = true;
	/* Replay the early ring (everything logged so far, all levels that
	 * pass loglvl were not filtered at the time: print it whole). */
	for (size_t i = 0; i < conring_prod && i < CONRING_SIZE; i++)
		serial_put(conring[i]);
}
