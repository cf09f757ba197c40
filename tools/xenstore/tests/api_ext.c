// SPDX-License-Identifier: GPL-2.0
/* The newer feature and quota client calls against a running daemon. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../xs_client_ext.h"

static int failed;

static void check(bool ok, const char *what)
{
	printf("%s: api: %s\n", ok ? "PASS" : "FAIL", what);
	failed |= !ok;
}

static void *watcher(void *arg)
{
	struct xs_handle *h = arg;
	unsigned int n;
	char **v;
	int seen = 0;

	/* first event at once, then the writes of the other thread */
	while (seen < 21 && (v = xs_read_watch(h, &n))) {
		seen++;
		free(v);
	}
	return (void *)(long)seen;
}

/* Two threads share a handle: one waits for events, one writes. */
static void threads(void)
{
	struct xs_handle *h = xs_open(0);
	pthread_t t;
	void *seen;
	int i, ok = 1;

	ok &= xs_watch(h, "/thr", "t");
	pthread_create(&t, NULL, watcher, h);
	for (i = 0; i < 20; i++) {
		char v[8];
		unsigned int len;
		char *r;

		snprintf(v, sizeof(v), "%d", i);
		ok &= xs_write(h, XBT_NULL, "/thr/x", v, strlen(v));
		r = xs_read(h, XBT_NULL, "/thr/x", &len);
		ok &= r && !strcmp(r, v);
		free(r);
	}
	pthread_join(t, &seen);
	check(ok && (long)seen == 21,
	      "a handle shared by a watching and a writing thread");
	xs_close(h);
}

int main(void)
{
	struct xs_handle *h = xs_open(0);
	unsigned int v = 0, n = 0, i;
	bool found = false;
	char **names;

	if (!h)
		return 1;
	check(xs_get_features_supported(h, &v) && v == 3,
	      "xs_get_features_supported");
	check(xs_set_features_domain(h, 12, 1), "xs_set_features_domain");
	check(xs_get_features_domain(h, 12, &v) && v == 1,
	      "xs_get_features_domain");
	names = xs_get_quota_names(h, &n);
	for (i = 0; names && i < n; i++)
		found |= !strcmp(names[i], "nodes");
	free(names);
	check(found && n >= 5, "xs_get_quota_names");
	check(xs_get_global_quota(h, "watches", &v) && v == 128,
	      "xs_get_global_quota");
	check(xs_set_global_quota(h, "watches", 64) &&
		      xs_get_global_quota(h, "watches", &v) && v == 64,
	      "xs_set_global_quota");
	check(!xs_get_global_quota(h, "bogus", &v) && errno == EINVAL,
	      "unknown quota is EINVAL");
	check(xs_introduce_domain(h, 12, 1, 1), "introduce");
	check(xs_get_domain_quota(h, 12, "watches", &v) && v == 64,
	      "xs_get_domain_quota starts from the global value");
	check(xs_set_domain_quota(h, 12, "watches", 7) &&
		      xs_get_domain_quota(h, 12, "watches", &v) && v == 7,
	      "xs_set_domain_quota");
	check(!xs_set_features_domain(h, 12, 1) && errno == EBUSY,
	      "features fixed once introduced");
	xs_close(h);
	threads();
	return failed;
}
