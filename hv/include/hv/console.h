/* SPDX-License-Identifier: GPL-2.0-only */
/* Hypervisor console: serial output, log levels, the console ring. */
#ifndef HV_CONSOLE_H
#define HV_CONSOLE_H

#include <hv/types.h>

int uart_configure(int idx, const char *opt);
void uart_init(int idx);
void uart_putc(int idx, char c);
int uart_getc(int idx);
uint16_t uart_io_base(int idx);

void console_init(void);
/* Raw text from a guest's console_io: printed as "(dN) text" lines. */
void console_guest_write(unsigned int domid, const char *buf, size_t len);
/* Prints what is left of a guest's partial line (its domain stopped). */
void console_guest_flush(unsigned int domid);
/* Copies the console ring (oldest first) for `xl dmesg`. */
size_t console_ring_read(char *buf, size_t len, size_t offset);
/* Lets panic() print even if the console lock is held by a dead CPU. */
void console_force_unlock(void);

#endif
