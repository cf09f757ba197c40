// SPDX-License-Identifier: GPL-2.0
/*
 * Test helper: sends one CONTROL command and prints the reply, or
 * "introduce <domid> <mfn> <port>" / "release <domid>".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xenstore.h>

int main(int argc, char **argv)
{
	char buf[4096];
	size_t used = 0;
	struct xs_handle *h = xs_open(0);
	char *r;
	int i;

	if (!h || argc < 2)
		return 2;
	/* domain requests, for the shell tests */
	if (!strcmp(argv[1], "introduce") && argc == 5)
		return !xs_introduce_domain(h, atoi(argv[2]), atol(argv[3]),
					    atoi(argv[4]));
	if (!strcmp(argv[1], "release") && argc == 3)
		return !xs_release_domain(h, atoi(argv[2]));
	/* further arguments become NUL-separated parameters */
	for (i = 2; i < argc && used + strlen(argv[i]) + 1 < sizeof(buf); i++)
		used += snprintf(buf + used, sizeof(buf) - used, "%s",
				 argv[i]) +
			1;
	r = xs_control_command(h, argv[1], buf, used);
	if (!r)
		return 1;
	printf("%s\n", r);
	return 0;
}
