/*
 * HYPERVISOR_console_io beyond single lines: several lines in one call, a
 * line built from several calls, empty and long writes, and CONSOLEIO_read
 * with no input pending (xen/drivers/char/console.c do_console_io). The
 * harness checks how the lines come out on the hypervisor's console.
 */
#include "guest.h"

DEFINE_TEST("console", "console_io writes and reads");

static long write_str(const char *s)
{
	return HYPERVISOR_console_io(CONSOLEIO_write, strlen(s), s);
}

void test_main(const struct hvm_start_info *si)
{
	static char big[1001];
	char in[16];

	(void)si;
	check_long(write_str("console line one\nconsole line two\n"), 0,
		   "two lines in one write");
	/* Three writes make one line: check their results only after the
	 * line is complete, or the checks' own output would land inside it. */
	{
		long r1 = write_str("console split ");
		long r2 = write_str("across ");
		long r3 = write_str("three calls\n");

		check_long(r1, 0, "first part of a line");
		check_long(r2, 0, "second part of a line");
		check_long(r3, 0, "end of the line");
	}
	check_long(HYPERVISOR_console_io(CONSOLEIO_write, 0, "unseen"), 0,
		   "empty write");

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 2] = '\n';
	check_long(HYPERVISOR_console_io(CONSOLEIO_write, sizeof(big) - 1, big),
		   0, "write of %zu bytes", sizeof(big) - 1);

	/* The harness gives QEMU no input: nothing to read. */
	check_long(HYPERVISOR_console_io(CONSOLEIO_read, sizeof(in), in), 0,
		   "CONSOLEIO_read with no input pending");
	check_long(HYPERVISOR_console_io(CONSOLEIO_read, 0, in), 0,
		   "CONSOLEIO_read of 0 bytes");
}
