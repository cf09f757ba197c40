// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_sched_op: yielding and shutting down. */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/hvm.h>
#include <hv/hypercall.h>
#include <xen/xen.h>
#include <xen/sched.h>

long do_sched_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		 uint64_t a4, uint64_t a5)
{
	(void)a3;
	(void)a4;
	(void)a5;
	switch (cmd) {
	case SCHEDOP_yield:
		return 0;
	case SCHEDOP_shutdown: {
		struct sched_shutdown s;

		if (copy_from_guest(v, &s, arg, sizeof(s)))
			return -EFAULT;
		domain_shutdown(v->domain, s.reason);
		return 0;
	}
	}
	return -ENOSYS;
}
