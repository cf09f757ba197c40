// SPDX-License-Identifier: GPL-2.0-only
/*
 * 8250/16550 UART, polled output. Configured with Xen's syntax:
 *   com1=<baud>[/<clock>][,<data><parity><stop>[,<io-base>[,<irq>]]]
 * e.g. "com1=115200,8n1" or "com1=115200,8n1,0x3f8,4". Baud "auto" keeps
 * what the firmware or boot loader programmed.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/x86.h>
#include <hv/console.h>

#define UART_THR 0
#define UART_RBR 0
#define UART_DLL 0
#define UART_IER 1
#define UART_DLM 1
#define UART_FCR 2
#define UART_LCR 3
#define UART_MCR 4
#define UART_LSR 5
#define LSR_DR 0x01
#define LSR_THRE 0x20
#define LCR_DLAB 0x80

struct uart {
	uint16_t io;
	uint32_t baud; /* 0: keep the current divisor ("auto") */
	uint32_t clock;
	uint8_t lcr;
	uint8_t irq;
	bool present;
};

static struct uart com[2] = {
	{ .io = 0x3f8, .baud = 0, .clock = 1843200, .lcr = 0x03, .irq = 4 },
	{ .io = 0x2f8, .baud = 0, .clock = 1843200, .lcr = 0x03, .irq = 3 },
};

/* Parses "8n1"-style framing into an LCR value; returns false if malformed. */
static bool parse_framing(const char *s, uint8_t *lcr)
{
	uint8_t v;

	if (s[0] < '5' || s[0] > '8')
		return false;
	v = s[0] - '5';
	switch (s[1]) {
	case 'n':
		break;
	case 'o':
		v |= 0x08;
		break;
	case 'e':
		v |= 0x18;
		break;
	case 'm':
		v |= 0x28;
		break;
	case 's':
		v |= 0x38;
		break;
	default:
		return false;
	}
	if (s[2] == '2')
		v |= 0x04;
	else if (s[2] != '1')
		return false;
	*lcr = v;
	return true;
}

int uart_configure(int idx, const char *opt)
{
	struct uart *u = &com[idx];
	const char *p = opt;

	if (!strncmp(p, "auto", 4)) {
		u->baud = 0;
		p += 4;
	} else if (*p >= '0' && *p <= '9') {
		u->baud = simple_strtoull(p, &p, 10);
		if (*p == '/')
			u->clock = simple_strtoull(p + 1, &p, 0);
	}
	if (*p == ',') {
		p++;
		if (*p && *p != ',') {
			if (!parse_framing(p, &u->lcr))
				return -1;
			p += 3;
		}
	}
	if (*p == ',') {
		p++;
		if (*p && *p != ',')
			u->io = simple_strtoull(p, &p, 0);
	}
	if (*p == ',') {
		p++;
		u->irq = simple_strtoull(p, &p, 0);
	}
	return *p ? -1 : 0;
}

void uart_init(int idx)
{
	struct uart *u = &com[idx];

	outb(u->io + UART_IER, 0);
	if (u->baud) {
		uint32_t div = u->clock / (16 * u->baud);

		outb(u->io + UART_LCR, LCR_DLAB);
		outb(u->io + UART_DLL, div & 0xff);
		outb(u->io + UART_DLM, div >> 8);
	}
	outb(u->io + UART_LCR, u->lcr);
	outb(u->io + UART_FCR, 0x07); /* enable and clear FIFOs */
	outb(u->io + UART_MCR, 0x03); /* DTR | RTS */
	u->present = inb(u->io + UART_LSR) != 0xff;
}

void uart_putc(int idx, char c)
{
	struct uart *u = &com[idx];
	unsigned int spins = 0;

	if (!u->present)
		return;
	/* Bounded wait: a dead UART must not hang the hypervisor. */
	while (!(inb(u->io + UART_LSR) & LSR_THRE) && ++spins < 100000)
		cpu_relax();
	outb(u->io + UART_THR, c);
}

int uart_getc(int idx)
{
	struct uart *u = &com[idx];

	if (!u->present || !(inb(u->io + UART_LSR) & LSR_DR))
		return -1;
	return inb(u->io + UART_RBR);
}

uint16_t uart_io_base(int idx)
{
	return com[idx].io;
}
