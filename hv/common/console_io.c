// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_console_io: a guest's text on the hypervisor console. */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/console.h>
#include <hv/keyhandler.h>
#include <hv/hvm.h>
#include <hv/hypercall.h>
#include <xen/xen.h>

long do_console_io(struct vcpu *v, uint64_t cmd, uint64_t count,
		   uint64_t buffer, uint64_t a4, uint64_t a5)
{
	char chunk[128];

	(void)a4;
	(void)a5;
	/* As in Xen without debug options: the control domain's console. */
	if (!v->domain->is_privileged)
		return -EPERM;
	switch (cmd) {
	case CONSOLEIO_write:
		count = (uint32_t)count;
		while (count) {
			size_t n = count < sizeof(chunk) ? count
							 : sizeof(chunk);

			if (copy_from_guest(v, chunk, buffer, n))
				return -EFAULT;
			console_guest_write(v->domain->domid, chunk, n);
			buffer += n;
			count -= n;
		}
		return 0;
	case CONSOLEIO_read: {
		long done = 0;

		count = (uint32_t)count;
		while (count) {
			size_t n = serial_input_read(
				chunk,
				count < sizeof(chunk) ? count : sizeof(chunk));

			if (!n)
				break;
			if (copy_to_guest(v, buffer + done, chunk, n))
				return -EFAULT;
			done += n;
			count -= n;
		}
		return done;
	}
	}
	return -ENOSYS;
}
