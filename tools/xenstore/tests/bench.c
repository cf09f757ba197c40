// SPDX-License-Identifier: GPL-2.0
/*
 * xenstored throughput: N client processes each run one operation in a
 * loop for S seconds over the socket; prints operations per second.
 *   bench <clients> <seconds> read|write|directory|tx10
 * A tx10 operation is one transaction of 10 writes (12 requests).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <xenstore.h>

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long run(int id, double secs, const char *op)
{
	struct xs_handle *h = xs_open(0);
	char path[64], val[32];
	double end = now() + secs;
	long n = 0;
	unsigned int len, i;

	if (!h)
		return -1;
	snprintf(path, sizeof(path), "/bench/c%d/k", id);
	xs_write(h, XBT_NULL, path, "v", 1);
	while (now() < end) {
		for (i = 0; i < 100; i++, n++) {
			void *r = NULL;
			bool ok = true;

			if (!strcmp(op, "read")) {
				r = xs_read(h, XBT_NULL, path, &len);
				ok = r != NULL;
			} else if (!strcmp(op, "write")) {
				snprintf(val, sizeof(val), "%ld", n);
				ok = xs_write(h, XBT_NULL, path, val,
					      strlen(val));
			} else if (!strcmp(op, "directory")) {
				r = xs_directory(h, XBT_NULL, "/bench", &len);
				ok = r != NULL;
			} else {
				xs_transaction_t t = xs_transaction_start(h);
				int k;

				for (k = 0; k < 10; k++) {
					snprintf(val, sizeof(val), "%d", k);
					path[strlen(path) - 1] = '0' + k;
					xs_write(h, t, path, val, strlen(val));
				}
				ok = xs_transaction_end(h, t, false);
			}
			free(r);
			if (!ok)
				return -1;
		}
	}
	xs_close(h);
	return n;
}

int main(int argc, char **argv)
{
	int clients, i, fds[2], status;
	double secs, t0;
	long total = 0, n;

	if (argc != 4)
		return 2;
	clients = atoi(argv[1]);
	secs = atof(argv[2]);
	if (pipe(fds))
		return 1;
	t0 = now();
	for (i = 0; i < clients; i++) {
		if (fork() == 0) {
			n = run(i, secs, argv[3]);
			if (write(fds[1], &n, sizeof(n)) != sizeof(n))
				_exit(1);
			_exit(0);
		}
	}
	for (i = 0; i < clients; i++) {
		if (read(fds[0], &n, sizeof(n)) != sizeof(n) || n < 0) {
			fprintf(stderr, "client failed\n");
			return 1;
		}
		total += n;
	}
	while (wait(&status) > 0)
		;
	printf("%.0f\n", total / (now() - t0));
	return 0;
}
