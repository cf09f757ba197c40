// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the input is the byte stream a client sends.  The
 * first byte picks the sender (dom0 or an unprivileged dom5); the rest is
 * framed and dispatched exactly as socket input is.  The tree is reset
 * every run so runs are independent and memory stays bounded.
 */
#include <stdlib.h>
#include <string.h>

#include "../xenstored.h"

struct feed {
	const uint8_t *buf;
	size_t len, off;
};

static long feed_read(struct conn *c, void *buf, unsigned int len)
{
	struct feed *f = c->priv;

	if (f->off == f->len)
		return -1; /* end of input: like a closed socket */
	if (len > f->len - f->off)
		len = f->len - f->off;
	memcpy(buf, f->buf + f->off, len);
	f->off += len;
	return len;
}

static long sink_write(struct conn *c, const void *buf, unsigned int len)
{
	(void)c;
	(void)buf;
	return len;
}

static const struct conn_ops feed_ops = { .read = feed_read,
					  .write = sink_write };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	struct feed f;
	struct conn *c, *watcher;

	if (!ready) {
		quota_defaults();
		db_init();
		log_open("/dev/null");
		ready = true;
	}
	if (size < 1)
		return 0;
	f = (struct feed){ data + 1, size - 1, 0 };
	c = conn_new(&feed_ops, &f, -1, data[0] & 1 ? 5 : 0);
	/* a bystander with a watch on everything receives events */
	watcher = conn_new(&feed_ops, &(struct feed){ NULL, 0, 0 }, -1, 0);
	watch_add(watcher, "/", "all", 0);
	while (conn_input(c)) {
		conn_output(c);
		conn_output(watcher);
	}
	conn_close_all();
	quota_defaults();
	db_reset();
	return 0;
}
