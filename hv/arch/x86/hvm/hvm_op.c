// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_hvm_op: HVM parameters, chiefly HVM_PARAM_CALLBACK_IRQ, the
 * vector the event-channel upcall is injected on.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/hvm.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <hv/event.h>
#include <hv/vlapic.h>
#include <xen/xen.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>

/* Parameters only the toolstack (a privileged domain) may set. */
static bool param_is_protected(uint32_t index)
{
	switch (index) {
	case HVM_PARAM_STORE_PFN:
	case HVM_PARAM_STORE_EVTCHN:
	case HVM_PARAM_CONSOLE_PFN:
	case HVM_PARAM_CONSOLE_EVTCHN:
	case HVM_PARAM_IOREQ_PFN:
	case HVM_PARAM_BUFIOREQ_PFN:
	case HVM_PARAM_PAGING_RING_PFN:
	case HVM_PARAM_MONITOR_RING_PFN:
	case HVM_PARAM_SHARING_RING_PFN:
		return true;
	}
	return false;
}

static long set_callback_irq(struct domain *d, uint64_t value)
{
	unsigned int type = (value & HVM_PARAM_CALLBACK_IRQ_TYPE_MASK) >> 56;

	switch (type) {
	case HVM_PARAM_CALLBACK_TYPE_VECTOR:
		if ((value & 0xff) < 0x10)
			return -EINVAL;
		d->callback_vector = value & 0xff;
		break;
	case HVM_PARAM_CALLBACK_TYPE_GSI:
		/* Linux writes GSI 1 as a placeholder in per-vCPU mode; with
		 * no emulated interrupt controller a GSI delivers nothing. */
		d->callback_vector = 0;
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

long do_hvm_op(struct vcpu *v, uint64_t op, uint64_t arg, uint64_t a3,
	       uint64_t a4, uint64_t a5)
{
	struct domain *d = v->domain, *td;
	struct xen_hvm_param p;
	long rc = 0;

	(void)a3;
	(void)a4;
	(void)a5;
	switch (op) {
	case HVMOP_set_evtchn_upcall_vector: {
		struct xen_hvm_evtchn_upcall_vector u;
		struct vcpu *t;

		if (copy_from_guest(v, &u, arg, sizeof(u)))
			return -EFAULT;
		if (u.vector < 0x10)
			return -EINVAL;
		if (u.vcpu >= d->nr_vcpus)
			return -ENOENT;
		t = d->vcpus[u.vcpu];
		t->upcall_vector = u.vector;
		if (vcpu_upcall_pending(t))
			vlapic_set_irq(t, u.vector);
		return 0;
	}
	case HVMOP_set_param:
	case HVMOP_get_param:
		if (copy_from_guest(v, &p, arg, sizeof(p)))
			return -EFAULT;
		if (p.index >= HVM_NR_PARAMS)
			return -EINVAL;
		td = p.domid == DOMID_SELF ? d : domain_by_id(p.domid);
		if (!td)
			return -ESRCH;
		if (td != d && !d->is_privileged)
			return -EPERM;
		if (op == HVMOP_get_param) {
			p.value = td->hvm_params[p.index];
			return copy_to_guest(v, arg, &p, sizeof(p));
		}
		if (param_is_protected(p.index) && !d->is_privileged)
			return -EPERM;
		if (p.index == HVM_PARAM_CALLBACK_IRQ)
			rc = set_callback_irq(td, p.value);
		if (!rc)
			td->hvm_params[p.index] = p.value;
		return rc;
	}
	return -ENOSYS;
}
