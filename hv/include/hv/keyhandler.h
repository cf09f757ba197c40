/* SPDX-License-Identifier: GPL-2.0-only */
/* Debug keys typed on the hypervisor's serial console (after Ctrl-A x3). */
#ifndef HV_KEYHANDLER_H
#define HV_KEYHANDLER_H

#include <hv/types.h>

void handle_keypress(char key);
void serial_input_init(void);
/* Takes up to @len typed bytes meant for dom0; returns how many. */
size_t serial_input_read(char *buf, size_t len);

#endif
