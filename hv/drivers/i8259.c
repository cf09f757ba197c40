// SPDX-License-Identifier: GPL-2.0-only
/*
 * The legacy 8259 interrupt controllers. The BIOS leaves them delivering
 * IRQ 0-7 on vectors 8-15, which collide with CPU exceptions (IRQ 0, the
 * PIT, would look like a double fault). We move them to vectors 0x20-0x2f
 * and mask every line: Krypton takes interrupts through the local APIC.
 */
#include <hv/types.h>
#include <hv/x86.h>

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xa0
#define PIC2_DATA 0xa1

void i8259_disable(void)
{
	outb(PIC1_CMD, 0x11); /* ICW1: init, ICW4 follows */
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, 0x20); /* ICW2: vector base */
	outb(PIC2_DATA, 0x28);
	outb(PIC1_DATA, 0x04); /* ICW3: slave on IRQ 2 */
	outb(PIC2_DATA, 0x02);
	outb(PIC1_DATA, 0x01); /* ICW4: 8086 mode */
	outb(PIC2_DATA, 0x01);
	outb(PIC1_DATA, 0xff); /* mask everything */
	outb(PIC2_DATA, 0xff);
}
