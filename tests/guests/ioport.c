/*
 * The hypervisor owns the UART it logs to (COM1 here): dom0 must not reach
 * it. Xen denies dom0 the I/O ports of its console UART; a PVH guest's
 * access to a port with no handler reads as all ones and writes are
 * dropped. The harness checks that the text written to the data register
 * never shows up on the serial line.
 */
#include "guest.h"

DEFINE_TEST("ioport", "dom0 cannot touch the hypervisor's COM1");

#define COM1 0x3f8
#define UART_LSR 5

static inline uint8_t inb(uint16_t port)
{
	uint8_t v;

	asm volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

void test_main(const struct hvm_start_info *si)
{
	static const char leak[] = "IOPORT-LEAK-MARKER\r\n";
	uint8_t lsr;

	(void)si;
	for (unsigned int i = 0; i < sizeof(leak) - 1; i++)
		outb(COM1, leak[i]);
	lsr = inb(COM1 + UART_LSR);
	check(lsr == 0xff, "COM1 line status reads as all ones (%#x)", lsr);
	check(true, "writes to COM1 did not stop the domain");
}
