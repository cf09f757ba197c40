/* SPDX-License-Identifier: GPL-2.0-only */
/* Hypercall handlers: one table (hv/common/hypercall.c) lists them all. */
#ifndef HV_HYPERCALL_H
#define HV_HYPERCALL_H

#include <hv/types.h>
#include <hv/domain.h>

typedef long (*hypercall_fn)(struct vcpu *v, uint64_t a1, uint64_t a2,
			     uint64_t a3, uint64_t a4, uint64_t a5);

long do_console_io(struct vcpu *v, uint64_t cmd, uint64_t count,
		   uint64_t buffer, uint64_t a4, uint64_t a5);
long do_xen_version(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		    uint64_t a4, uint64_t a5);
long do_sched_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		 uint64_t a4, uint64_t a5);
long do_memory_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		  uint64_t a4, uint64_t a5);
long do_vcpu_op(struct vcpu *v, uint64_t cmd, uint64_t vcpuid, uint64_t arg,
		uint64_t a4, uint64_t a5);
long do_set_timer_op(struct vcpu *v, uint64_t timeout, uint64_t a2, uint64_t a3,
		     uint64_t a4, uint64_t a5);
long do_vm_assist(struct vcpu *v, uint64_t cmd, uint64_t type, uint64_t a3,
		  uint64_t a4, uint64_t a5);
long do_hvm_op(struct vcpu *v, uint64_t op, uint64_t arg, uint64_t a3,
	       uint64_t a4, uint64_t a5);
long do_platform_op(struct vcpu *v, uint64_t arg, uint64_t a2, uint64_t a3,
		    uint64_t a4, uint64_t a5);
long do_physdev_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		   uint64_t a4, uint64_t a5);

#endif
