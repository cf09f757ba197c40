// SPDX-License-Identifier: GPL-2.0-only
/*
 * HYPERVISOR_memory_op for a domain's own physical address space: placing
 * shared_info and grant frames, the memory map, reservation queries, and
 * giving pages back (ballooning) or taking them again.
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
#include <hv/boot.h>
#include <xen/xen.h>
#include <xen/memory.h>

/* Continuations carry the next extent in the command's upper bits
 * (Xen's encoding; guests pass 0 there). */
#define MEMOP_EXTENT_SHIFT 6
#define MEMOP_CMD_MASK ((1u << MEMOP_EXTENT_SHIFT) - 1)

/* Flushes every vCPU's guest TLB: a p2m entry changed or went away. */
static void p2m_changed(struct domain *d)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		hvm_ops->flush_guest_tlb(d->vcpus[i]);
}

/* True if @gfn backs a vcpu_info page we hold a pointer into. */
static bool gfn_pinned(struct domain *d, uint64_t gfn)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		if (d->vcpus[i]->vcpu_info_registered &&
		    d->vcpus[i]->vcpu_info_gfn == gfn)
			return true;
	return false;
}

/* Removes whatever @gfn maps, freeing a RAM page the domain owned. */
static int unmap_gfn(struct domain *d, uint64_t gfn)
{
	enum p2m_type t;
	int64_t mfn = p2m_lookup(&d->p2m, gfn, &t);
	int rc;

	if (mfn < 0)
		return -ENOENT;
	if (gfn_pinned(d, gfn))
		return -EBUSY;
	rc = p2m_set_entry(&d->p2m, gfn, 0, P2M_UNMAPPED);
	if (rc)
		return rc; /* still mapped: the page must not be freed */
	if (t == P2M_RAM) {
		free_page(phys_to_virt((paddr_t)mfn << PAGE_SHIFT));
		d->tot_pages--;
	}
	return 0;
}

static long add_to_physmap(struct vcpu *v, struct xen_add_to_physmap *x)
{
	struct domain *d = v->domain;
	int64_t mfn;
	int rc;

	if (x->domid != DOMID_SELF && x->domid != d->domid)
		return -EPERM;
	switch (x->space) {
	case XENMAPSPACE_shared_info:
		if (x->idx != 0)
			return -EINVAL;
		mfn = virt_to_phys(d->shared_info) >> PAGE_SHIFT;
		if (d->shared_info_gfn != INVALID_GFN_ENTRY &&
		    d->shared_info_gfn != x->gpfn)
			p2m_set_entry(&d->p2m, d->shared_info_gfn, 0,
				      P2M_UNMAPPED);
		d->shared_info_gfn = x->gpfn;
		break;
	case XENMAPSPACE_grant_table:
		if (x->idx & XENMAPIDX_grant_table_status)
			return -EINVAL; /* v1 has no status frames */
		mfn = grant_table_frame_mfn(d, x->idx);
		if (mfn < 0)
			return -EINVAL;
		break;
	default:
		return -ENOSYS;
	}
	rc = unmap_gfn(d, x->gpfn);
	if (rc && rc != -ENOENT)
		return rc;
	rc = p2m_set_entry(&d->p2m, x->gpfn, mfn, P2M_HV_PAGE);
	p2m_changed(d);
	return rc;
}

static long memory_map(struct vcpu *v, uint64_t arg,
		       const struct e820_entry *src, unsigned int nr)
{
	struct xen_memory_map map;
	unsigned int n;

	if (copy_from_guest(v, &map, arg, sizeof(map)))
		return -EFAULT;
	n = MIN(map.nr_entries, nr);
	for (unsigned int i = 0; i < n; i++) {
		struct {
			uint64_t addr, size;
			uint32_t type;
		} __packed e = { src[i].addr, src[i].size, src[i].type };

		if (copy_to_guest(v,
				  GUEST_HANDLE_ADDR(map.buffer) + i * sizeof(e),
				  &e, sizeof(e)))
			return -EFAULT;
	}
	map.nr_entries = n;
	return copy_to_guest(v, arg, &map, sizeof(map));
}

/* increase/decrease_reservation and populate_physmap on the caller. */
static long reservation(struct vcpu *v, unsigned int op, uint64_t start,
			uint64_t arg)
{
	struct domain *d = v->domain;
	struct xen_memory_reservation r;
	uint64_t i;

	if (copy_from_guest(v, &r, arg, sizeof(r)))
		return -EFAULT;
	if (r.domid != DOMID_SELF && r.domid != d->domid)
		return -EPERM;
	if (r.extent_order > 9)
		return -EINVAL;
	for (i = start; i < r.nr_extents; i++) {
		xen_pfn_t gfn;
		uint64_t n = 1ULL << r.extent_order;

		if (op == XENMEM_increase_reservation)
			break; /* PV-only: HVM guests populate by gfn */
		if (copy_from_guest(v, &gfn,
				    GUEST_HANDLE_ADDR(r.extent_start) +
					    i * sizeof(gfn),
				    sizeof(gfn)))
			return i ? (long)i : -EFAULT;
		for (uint64_t k = 0; k < n; k++) {
			if (op == XENMEM_decrease_reservation) {
				if (unmap_gfn(d, gfn + k))
					return i;
			} else {
				enum p2m_type t;
				void *pg;

				if (p2m_lookup(&d->p2m, gfn + k, &t) >= 0)
					continue; /* already populated */
				if (d->tot_pages >= d->max_pages)
					return i;
				pg = alloc_zeroed_page();
				if (!pg)
					return i;
				if (p2m_set_entry(&d->p2m, gfn + k,
						  virt_to_phys(pg) >>
							  PAGE_SHIFT,
						  P2M_RAM)) {
					free_page(pg);
					return i;
				}
				d->tot_pages++;
			}
		}
	}
	p2m_changed(d);
	return i;
}

long do_memory_op(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		  uint64_t a4, uint64_t a5)
{
	struct domain *d = v->domain;
	unsigned int op = cmd & MEMOP_CMD_MASK;
	uint64_t start = cmd >> MEMOP_EXTENT_SHIFT;

	(void)a3;
	(void)a4;
	(void)a5;
	switch (op) {
	case XENMEM_increase_reservation:
	case XENMEM_decrease_reservation:
	case XENMEM_populate_physmap:
		return reservation(v, op, start, arg);
	case XENMEM_maximum_ram_page:
		/* The host's highest RAM frame, as Xen reports it. */
		return (max_ram_addr() >> PAGE_SHIFT) - 1;
	case XENMEM_current_reservation:
	case XENMEM_maximum_reservation: {
		domid_t dom;

		if (copy_from_guest(v, &dom, arg, sizeof(dom)))
			return -EFAULT;
		if (dom != DOMID_SELF && dom != d->domid)
			return -EPERM;
		return op == XENMEM_current_reservation ? d->tot_pages
							: d->max_pages;
	}
	case XENMEM_add_to_physmap: {
		struct xen_add_to_physmap x;

		if (copy_from_guest(v, &x, arg, sizeof(x)))
			return -EFAULT;
		return add_to_physmap(v, &x);
	}
	case XENMEM_remove_from_physmap: {
		struct xen_remove_from_physmap x;
		long rc;

		if (copy_from_guest(v, &x, arg, sizeof(x)))
			return -EFAULT;
		if (x.domid != DOMID_SELF && x.domid != d->domid)
			return -EPERM;
		rc = unmap_gfn(d, x.gpfn);
		p2m_changed(d);
		return rc;
	}
	case XENMEM_memory_map:
		return memory_map(v, arg, d->e820, d->nr_e820);
	case XENMEM_machine_memory_map:
		/* The host's map, for the control domain only. */
		if (!d->is_privileged)
			return -EPERM;
		return memory_map(v, arg, boot_info.e820, boot_info.nr_e820);
	}
	return -ENOSYS;
}
