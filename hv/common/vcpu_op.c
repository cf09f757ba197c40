// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_vcpu_op: where a vCPU's vcpu_info and runstate live, and its
 * one-shot timer (the guest's clock event: expiry raises VIRQ_TIMER).
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/apic.h>
#include <hv/hvm.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/hypercall.h>
#include <hv/sched.h>
#include <xen/xen.h>
#include <xen/vcpu.h>

static void singleshot_expired(void *data)
{
	evtchn_send_virq(data, VIRQ_TIMER);
}

void vcpu_timers_init(struct vcpu *v)
{
	timer_init(&v->singleshot, singleshot_expired, v);
}

/* Copies the runstate to the area the guest registered, if any. */
void vcpu_runstate_publish(struct vcpu *v)
{
	struct vcpu_runstate_info ri;
	bool flag = v->domain->vm_assist &
		    (1UL << VMASST_TYPE_runstate_update_flag);

	if (!v->runstate_gva)
		return;
	ri.state = v->runstate;
	ri.state_entry_time = v->runstate_entry;
	memcpy(ri.time, v->runstate_time, sizeof(ri.time));
	if (flag) {
		uint64_t busy = ri.state_entry_time | XEN_RUNSTATE_UPDATE;

		copy_to_guest(v,
			      v->runstate_gva +
				      offsetof(struct vcpu_runstate_info,
					       state_entry_time),
			      &busy, sizeof(busy));
	}
	copy_to_guest(v, v->runstate_gva, &ri, sizeof(ri));
}

void vcpu_runstate_change(struct vcpu *v, unsigned int state)
{
	uint64_t now = now_ns();

	if (state == v->runstate)
		return;
	v->runstate_time[v->runstate] += now - v->runstate_entry;
	v->runstate = state;
	v->runstate_entry = now;
	vcpu_runstate_publish(v);
}

static long register_vcpu_info(struct vcpu *v, struct vcpu *target,
			       uint64_t arg)
{
	struct domain *d = v->domain;
	struct vcpu_register_vcpu_info r;
	struct vcpu_info *new;
	enum p2m_type t;
	int64_t mfn;

	if (copy_from_guest(v, &r, arg, sizeof(r)))
		return -EFAULT;
	if (r.offset > PAGE_SIZE - sizeof(struct vcpu_info) || r.rsvd)
		return -EINVAL;
	if (target->vcpu_info_registered)
		return -EINVAL;
	mfn = p2m_lookup(&d->p2m, r.mfn, &t);
	if (mfn < 0 || t != P2M_RAM)
		return -EINVAL;
	new = (struct vcpu_info *)((uint8_t *)phys_to_virt((paddr_t)mfn
							   << PAGE_SHIFT) +
				   r.offset);
	/* The guest continues from what the shared_info slot held. */
	memcpy(new, target->vcpu_info, sizeof(*new));
	__atomic_store_n(&new->evtchn_upcall_pending, 1, __ATOMIC_SEQ_CST);
	new->evtchn_pending_sel = ~0UL;
	target->vcpu_info = new;
	target->vcpu_info_gfn = r.mfn;
	target->vcpu_info_registered = true;
	return 0;
}

long do_vcpu_op(struct vcpu *v, uint64_t cmd, uint64_t vcpuid, uint64_t arg,
		uint64_t a4, uint64_t a5)
{
	struct domain *d = v->domain;
	struct vcpu *target;

	(void)a4;
	(void)a5;
	if (vcpuid >= d->nr_vcpus)
		return -ENOENT;
	target = d->vcpus[vcpuid];
	switch (cmd) {
	case VCPUOP_register_vcpu_info:
		return register_vcpu_info(v, target, arg);
	case VCPUOP_register_runstate_memory_area: {
		struct vcpu_register_runstate_memory_area r;

		if (copy_from_guest(v, &r, arg, sizeof(r)))
			return -EFAULT;
		target->runstate_gva = r.addr.p;
		vcpu_runstate_publish(target);
		return 0;
	}
	case VCPUOP_stop_periodic_timer:
		return 0; /* no periodic timer is ever running */
	case VCPUOP_set_singleshot_timer: {
		struct vcpu_set_singleshot_timer s;

		if (target != v)
			return -EINVAL;
		if (copy_from_guest(v, &s, arg, sizeof(s)))
			return -EFAULT;
		if ((s.flags & VCPU_SSHOTTMR_future) &&
		    s.timeout_abs_ns < now_ns())
			return -ETIME;
		timer_set(&v->singleshot, s.timeout_abs_ns);
		return 0;
	}
	case VCPUOP_stop_singleshot_timer:
		if (target != v)
			return -EINVAL;
		timer_stop(&v->singleshot);
		return 0;
	case VCPUOP_is_up:
		return target->state != VCPU_DOWN;
	case VCPUOP_get_runstate_info: {
		struct vcpu_runstate_info ri;

		ri.state = target->runstate;
		ri.state_entry_time = target->runstate_entry;
		memcpy(ri.time, target->runstate_time, sizeof(ri.time));
		return copy_to_guest(v, arg, &ri, sizeof(ri));
	}
	}
	return -ENOSYS;
}

/* HYPERVISOR_set_timer_op: the older one-shot interface (0 cancels). */
long do_set_timer_op(struct vcpu *v, uint64_t timeout, uint64_t a2, uint64_t a3,
		     uint64_t a4, uint64_t a5)
{
	(void)a2;
	(void)a3;
	(void)a4;
	(void)a5;
	if (timeout == 0)
		timer_stop(&v->singleshot);
	else
		timer_set(&v->singleshot, timeout);
	return 0;
}

/* HYPERVISOR_vm_assist: only the runstate update flag exists for HVM. */
long do_vm_assist(struct vcpu *v, uint64_t cmd, uint64_t type, uint64_t a3,
		  uint64_t a4, uint64_t a5)
{
	(void)a3;
	(void)a4;
	(void)a5;
	if (type != VMASST_TYPE_runstate_update_flag)
		return -EINVAL;
	if (cmd == VMASST_CMD_enable)
		v->domain->vm_assist |= 1UL << type;
	else if (cmd == VMASST_CMD_disable)
		v->domain->vm_assist &= ~(1UL << type);
	else
		return -ENOSYS;
	return 0;
}
