// SPDX-License-Identifier: GPL-2.0
/*
 * A "guest" for the daemon's ring transport without a hypervisor: maps
 * the page file the daemon maps on INTRODUCE (--ring-dir) and talks to
 * xenstored over struct xenstore_domain_interface, as a guest kernel's
 * xenbus driver would.  Prints PASS:/FAIL: lines.
 *   ring_guest <page-file> <ready-file>
 * After setting its watch it creates <ready-file> and waits for dom0 to
 * write /local/domain/5/data/y.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "../xenstored.h"

static struct xenstore_domain_interface *intf;
static int failed;
static char events[16][256];
static unsigned int nevents;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Moves exactly len bytes; false after 5 seconds without progress. */
static bool xfer(long (*fn)(struct xenstore_domain_interface *, void *,
			    unsigned int),
		 void *buf, unsigned int len)
{
	double deadline = now() + 5;
	unsigned int off = 0;

	while (off < len) {
		long n = fn(intf, (char *)buf + off, len - off);

		if (n < 0 || now() > deadline)
			return false;
		if (n == 0)
			usleep(200);
		off += n;
	}
	return true;
}

static long write_req(struct xenstore_domain_interface *i, void *b,
		      unsigned int l)
{
	return ring_write_req(i, b, l);
}

static bool read_msg(struct xsd_sockmsg *h, char *body)
{
	if (!xfer(ring_read_rsp, h, sizeof(*h)) ||
	    h->len > XENSTORE_PAYLOAD_MAX || !xfer(ring_read_rsp, body, h->len))
		return false;
	body[h->len] = '\0';
	return true;
}

static void stash_event(const char *body, unsigned int len)
{
	unsigned int i;

	if (nevents == 16)
		return;
	for (i = 0; i < len && i < 255; i++)
		events[nevents][i] = body[i] ? body[i] : '|';
	if (i && events[nevents][i - 1] == '|')
		i--;
	events[nevents++][i] = '\0';
}

/* One request; reply with NULs as '|' (trailing one dropped). */
static const char *call(uint32_t type, uint32_t tx, const char *data,
			unsigned int len)
{
	static char body[XENSTORE_PAYLOAD_MAX + 1];
	struct xsd_sockmsg h = { type, 9, tx, len };
	char msg[sizeof(h) + XENSTORE_PAYLOAD_MAX];
	unsigned int i;

	memcpy(msg, &h, sizeof(h));
	memcpy(msg + sizeof(h), data, len);
	if (!xfer(write_req, msg, sizeof(h) + len))
		return "(ring broken)";
	for (;;) {
		if (!read_msg(&h, body))
			return "(no reply)";
		if (h.type != XS_WATCH_EVENT)
			break;
		stash_event(body, h.len);
	}
	if (h.len && body[h.len - 1] == '\0')
		h.len--;
	for (i = 0; i < h.len; i++)
		if (!body[i])
			body[i] = '|';
	body[h.len] = '\0';
	return body;
}

static bool wait_event(const char *want)
{
	struct xsd_sockmsg h;
	char body[XENSTORE_PAYLOAD_MAX + 1];
	unsigned int i;

	for (;;) {
		for (i = 0; i < nevents; i++)
			if (!strcmp(events[i], want))
				return true;
		if (!read_msg(&h, body))
			return false;
		if (h.type == XS_WATCH_EVENT)
			stash_event(body, h.len);
	}
}

static void check(bool ok, const char *what, const char *got)
{
	printf("%s: ring: %s", ok ? "PASS" : "FAIL", what);
	if (!ok && got)
		printf(" (got \"%s\")", got);
	printf("\n");
	fflush(stdout);
	failed |= !ok;
}

#define S(lit) lit, sizeof(lit)
#define EXPECT(want, type, tx, ...)                                          \
	do {                                                                 \
		const char *g_ = call(type, tx, __VA_ARGS__);                \
		check(!strcmp(g_, want), #type " " #__VA_ARGS__ " -> " want, \
		      g_);                                                   \
	} while (0)

int main(int argc, char **argv)
{
	double deadline = now() + 5;
	char tx[16];
	int fd;

	if (argc != 3)
		return 2;
	fd = open(argv[1], O_RDWR);
	intf = fd < 0 ? MAP_FAILED
		      : mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
			     0);
	if (intf == MAP_FAILED) {
		perror(argv[1]);
		return 1;
	}
	/* the daemon advertises its features when it attaches the page */
	while (!__atomic_load_n(&intf->server_features, __ATOMIC_ACQUIRE) &&
	       now() < deadline)
		usleep(1000);
	check(intf->server_features == XSD_FEATURES, "page attached", NULL);

	EXPECT("OK", XS_WRITE, 0,
	       "data/x\0"
	       "1",
	       8);
	EXPECT("1", XS_READ, 0, S("data/x"));
	EXPECT("1", XS_READ, 0, S("/local/domain/5/data/x"));
	EXPECT("n5", XS_GET_PERMS, 0, S("data/x"));
	EXPECT("EACCES", XS_WRITE, 0,
	       "/x\0"
	       "1",
	       4);
	EXPECT("EACCES", XS_READ, 0, S("/tool/xenstored"));
	EXPECT("EACCES", XS_INTRODUCE, 0,
	       S("6\0"
		 "1\0"
		 "1"));
	EXPECT("/local/domain/5", XS_GET_DOMAIN_PATH, 0, S("5"));
	EXPECT("x", XS_DIRECTORY, 0, S("data"));
	snprintf(tx, sizeof(tx), "%s", call(XS_TRANSACTION_START, 0, S("")));
	check(atoi(tx) > 0, "TRANSACTION_START over the ring", tx);
	EXPECT("OK", XS_WRITE, atoi(tx),
	       "data/t\0"
	       "2",
	       8);
	EXPECT("OK", XS_TRANSACTION_END, atoi(tx), S("T"));
	EXPECT("2", XS_READ, 0, S("data/t"));
	EXPECT("OK", XS_WATCH, 0, S("data\0tok"));
	check(wait_event("data|tok"), "first watch event", NULL);
	close(open(argv[2], O_CREAT | O_WRONLY, 0600));
	check(wait_event("data/y|tok"), "event for dom0's write", NULL);
	return failed;
}
