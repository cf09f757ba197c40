// SPDX-License-Identifier: GPL-2.0
/* Test helper: sends one CONTROL command and prints the reply. */
#include <stdio.h>
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
