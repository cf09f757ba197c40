// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypercall dispatch. Guests enter with VMMCALL: the number in RAX and up
 * to five arguments in RDI, RSI, RDX, R10, R8 (64-bit code) or EBX, ECX,
 * EDX, ESI, EDI (32-bit code); the result returns in RAX. One table names
 * every hypercall with who may make it; anything absent is -ENOSYS.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/asm.h>
#include <hv/hvm.h>
#include <hv/hypercall.h>
#include <hv/event.h>
#include <hv/grant_table.h>
#include <xen/xen.h>

enum hc_access {
	HC_ANY,	       /* every domain */
	HC_PRIVILEGED, /* the control domain only */
};

struct hypercall_entry {
	const char *name;
	hypercall_fn fn;
	enum hc_access access;
};

static const struct hypercall_entry hypercall_table[64] = {
	[__HYPERVISOR_console_io] = { "console_io", do_console_io, HC_ANY },
	[__HYPERVISOR_xen_version] = { "xen_version", do_xen_version, HC_ANY },
	[__HYPERVISOR_sched_op] = { "sched_op", do_sched_op, HC_ANY },
	[__HYPERVISOR_memory_op] = { "memory_op", do_memory_op, HC_ANY },
	[__HYPERVISOR_vcpu_op] = { "vcpu_op", do_vcpu_op, HC_ANY },
	[__HYPERVISOR_set_timer_op] = { "set_timer_op", do_set_timer_op,
					HC_ANY },
	[__HYPERVISOR_vm_assist] = { "vm_assist", do_vm_assist, HC_ANY },
	[__HYPERVISOR_hvm_op] = { "hvm_op", do_hvm_op, HC_ANY },
	[__HYPERVISOR_event_channel_op] = { "event_channel_op",
					    do_event_channel_op, HC_ANY },
	[__HYPERVISOR_grant_table_op] = { "grant_table_op", do_grant_table_op,
					  HC_ANY },
	[__HYPERVISOR_platform_op] = { "platform_op", do_platform_op,
				       HC_PRIVILEGED },
	[__HYPERVISOR_physdev_op] = { "physdev_op", do_physdev_op, HC_ANY },
};

void hvm_handle_hypercall(struct vcpu *v, unsigned int len)
{
	struct guest_regs *r = &v->regs;
	const struct hypercall_entry *e = NULL;
	struct guest_ctrl c;
	bool is64;
	uint64_t nr;
	long ret;

	if (!len)
		return;
	hvm_ops->get_ctrl(v, &c);
	is64 = (c.efer & EFER_LMA) && c.cs_long;
	nr = is64 ? r->rax : (uint32_t)r->rax;
	/* Safe: VMMCALL completed; a handler that stops the vCPU does so
	 * with RIP already after it, as Xen's hypercalls leave it. */
	hvm_advance_rip(v, len);
	if (c.cpl != 0) {
		/* Only the guest kernel may make hypercalls. */
		ret = -EPERM;
	} else if (nr < ARRAY_SIZE(hypercall_table) && hypercall_table[nr].fn) {
		e = &hypercall_table[nr];
		if (e->access == HC_PRIVILEGED && !v->domain->is_privileged)
			ret = -EPERM;
		else if (is64)
			ret = e->fn(v, r->rdi, r->rsi, r->rdx, r->r10, r->r8);
		else
			ret = e->fn(v, (uint32_t)r->rbx, (uint32_t)r->rcx,
				    (uint32_t)r->rdx, (uint32_t)r->rsi,
				    (uint32_t)r->rdi);
	} else {
		ret = -ENOSYS;
	}
	r->rax = is64 ? (uint64_t)ret : (uint32_t)ret;
}
