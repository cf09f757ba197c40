// SPDX-License-Identifier: GPL-2.0-only
/*
 * Grant tables, version 1. The frames are hypervisor pages a guest maps
 * into its physical address space with XENMEM_add_to_physmap; they grow
 * on demand up to the domain's limit. Mapping and copying grants (the
 * backend side) come with the split drivers.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/hvm.h>
#include <hv/domain.h>
#include <hv/grant_table.h>
#include <hv/hypercall.h>
#include <xen/xen.h>
#include <xen/grant_table.h>

int grant_table_init(struct domain *d, unsigned int max_frames)
{
	d->grant.max_frames = MIN(max_frames, (unsigned int)GNTTAB_MAX_FRAMES);
	d->grant.version = 1;
	return grant_table_frame_mfn(d, 0) < 0 ? -ENOMEM : 0;
}

void grant_table_destroy(struct domain *d)
{
	for (unsigned int i = 0; i < d->grant.nr_frames; i++)
		free_page(d->grant.frames[i]);
	d->grant.nr_frames = 0;
}

int64_t grant_table_frame_mfn(struct domain *d, unsigned int idx)
{
	if (idx >= d->grant.max_frames)
		return -1;
	while (d->grant.nr_frames <= idx) {
		void *f = alloc_zeroed_page();

		if (!f)
			return -1;
		d->grant.frames[d->grant.nr_frames++] = f;
	}
	return virt_to_phys(d->grant.frames[idx]) >> PAGE_SHIFT;
}

long do_grant_table_op(struct vcpu *v, uint64_t cmd, uint64_t arg,
		       uint64_t count, uint64_t a4, uint64_t a5)
{
	struct domain *d = v->domain;

	(void)a4;
	(void)a5;
	switch (cmd) {
	case GNTTABOP_query_size: {
		struct gnttab_query_size q;

		if (count != 1)
			return -EINVAL;
		if (copy_from_guest(v, &q, arg, sizeof(q)))
			return -EFAULT;
		if (q.dom != DOMID_SELF && q.dom != d->domid) {
			q.status = GNTST_permission_denied;
		} else {
			q.nr_frames = d->grant.nr_frames;
			q.max_nr_frames = d->grant.max_frames;
			q.status = GNTST_okay;
		}
		return copy_to_guest(v, arg, &q, sizeof(q));
	}
	case GNTTABOP_set_version: {
		struct gnttab_set_version sv;

		if (count != 1)
			return -EINVAL;
		if (copy_from_guest(v, &sv, arg, sizeof(sv)))
			return -EFAULT;
		if (sv.version != 1 && sv.version != 2)
			return -EINVAL;
		if (sv.version == 2) {
			/* Only v1 is offered; say which version is in force. */
			sv.version = 1;
			copy_to_guest(v, arg, &sv, sizeof(sv));
			return -ENOSYS;
		}
		return copy_to_guest(v, arg, &sv, sizeof(sv));
	}
	case GNTTABOP_get_version: {
		struct gnttab_get_version gv;

		if (count != 1)
			return -EINVAL;
		if (copy_from_guest(v, &gv, arg, sizeof(gv)))
			return -EFAULT;
		if (gv.dom != DOMID_SELF && gv.dom != d->domid)
			return -EPERM;
		gv.version = d->grant.version;
		return copy_to_guest(v, arg, &gv, sizeof(gv));
	}
	}
	return -ENOSYS;
}
