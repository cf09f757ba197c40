// SPDX-License-Identifier: GPL-2.0-only
/*
 * Hypercalls only the control domain makes: platform_op (wall clock,
 * firmware and CPU information) and physdev_op (PCI device notices). dom0
 * owns no physical devices yet, so the PCI notices are acknowledged and
 * otherwise ignored.
 */
#include <hv/types.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/apic.h>
#include <hv/hvm.h>
#include <hv/domain.h>
#include <hv/hypercall.h>
#include <xen/xen.h>
#include <xen/platform.h>
#include <xen/physdev.h>

long do_platform_op(struct vcpu *v, uint64_t arg, uint64_t a2, uint64_t a3,
		    uint64_t a4, uint64_t a5)
{
	struct xen_platform_op op;

	(void)a2;
	(void)a3;
	(void)a4;
	(void)a5;
	if (copy_from_guest(v, &op, arg, sizeof(op)))
		return -EFAULT;
	if (op.interface_version != XENPF_INTERFACE_VERSION)
		return -EACCES;
	switch (op.cmd) {
	case XENPF_settime64: {
		struct xenpf_settime64 *st = &op.u.settime64;
		uint64_t wall;

		if (st->mbz)
			return -EINVAL;
		/* wall time at system time st->system_time */
		wall = st->secs * 1000000000ULL + st->nsecs;
		wallclock_set(wall - st->system_time);
		for (struct domain *d = domain_list(); d; d = d->next)
			shared_info_set_wallclock(d);
		return 0;
	}
	}
	return -ENOSYS;
}

long do_physdev_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		   uint64_t a4, uint64_t a5)
{
	(void)arg;
	(void)a3;
	(void)a4;
	(void)a5;
	if (!v->domain->is_privileged)
		return -EPERM;
	switch (cmd) {
	case PHYSDEVOP_pci_mmcfg_reserved:
	case PHYSDEVOP_pci_device_add:
	case PHYSDEVOP_pci_device_remove:
	case PHYSDEVOP_dbgp_op:
		return 0;
	}
	return -ENOSYS;
}
