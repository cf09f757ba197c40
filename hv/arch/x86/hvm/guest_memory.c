// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reading and writing guest memory on behalf of hypercalls and emulation.
 * Guest-virtual addresses are translated through the guest's own paging
 * mode (none, 2-level, PAE or 4-level) with its CR3, then through the p2m.
 * Any failure (non-canonical address, not-present or read-only guest
 * mapping, unmapped or non-RAM frame) is -EFAULT, never a host fault.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/asm.h>
#include <hv/mm.h>
#include <hv/hvm.h>

#define ADDR_MASK 0x000ffffffffff000ULL

/* Host pointer to the guest-physical byte @gpa, or NULL if not RAM. */
static uint8_t *gpa_to_host(struct domain *d, uint64_t gpa, bool write)
{
	enum p2m_type t;
	int64_t mfn = p2m_lookup(&d->p2m, gpa >> PAGE_SHIFT, &t);

	if (mfn < 0 ||
	    (t != P2M_RAM && t != P2M_HV_PAGE && !(t == P2M_RAM_RO && !write)))
		return NULL;
	return (uint8_t *)phys_to_virt(((uint64_t)mfn << PAGE_SHIFT) |
				       (gpa & (PAGE_SIZE - 1)));
}

static bool read_gpte(struct domain *d, uint64_t gpa, uint64_t *val, bool is64)
{
	uint8_t *p = gpa_to_host(d, gpa, false);

	if (!p)
		return false;
	*val = is64 ? *(volatile uint64_t *)p : *(volatile uint32_t *)p;
	return true;
}

/* Translates @gva; *room = bytes left in that guest page. 0 or -EFAULT. */
static int gva_to_gpa(struct vcpu *v, uint64_t gva, bool write, uint64_t *gpa)
{
	struct domain *d = v->domain;
	struct guest_ctrl c;
	uint64_t e, table;
	int levels, shift;
	bool is64;

	hvm_ops->get_ctrl(v, &c);
	if (!(c.cr0 & CR0_PG)) {
		*gpa = c.efer & EFER_LMA ? gva : (uint32_t)gva;
		return 0;
	}
	if (c.efer & EFER_LMA) {
		int64_t s = (int64_t)(gva << 16) >> 16;

		if ((uint64_t)s != gva)
			return -EFAULT; /* non-canonical */
		levels = 4;
		is64 = true;
		table = c.cr3 & ADDR_MASK;
	} else if (c.cr4 & CR4_PAE) {
		gva = (uint32_t)gva;
		levels = 3;
		is64 = true;
		/* The 4 PDPTEs (32-byte aligned) */
		if (!read_gpte(d, (c.cr3 & 0xffffffe0) + ((gva >> 30) & 3) * 8,
			       &e, true) ||
		    !(e & PTE_P))
			return -EFAULT;
		table = e & ADDR_MASK;
		levels = 2;
	} else {
		gva = (uint32_t)gva;
		levels = 2;
		is64 = false;
		table = c.cr3 & 0xfffff000;
	}
	for (; levels > 0; levels--) {
		unsigned int bits = is64 ? 9 : 10;
		unsigned int idx;

		shift = 12 + bits * (levels - 1);
		idx = (gva >> shift) & ((1u << bits) - 1);
		if (!read_gpte(d, table + idx * (is64 ? 8 : 4), &e, is64))
			return -EFAULT;
		if (!(e & PTE_P))
			return -EFAULT;
		if (write && !(e & PTE_RW) && (c.cr0 & CR0_WP))
			return -EFAULT;
		if (levels > 1 && (e & PTE_PS) && (levels <= 3 || !is64) &&
		    (is64 || (c.cr4 & CR4_PSE))) {
			uint64_t base;

			if (is64)
				base = e & ADDR_MASK & ~((1ULL << shift) - 1);
			else /* 4 MiB page; bits 13-20 hold address bits 32-39 */
				base = (e & 0xffc00000ULL) |
				       ((e >> 13) & 0xffULL) << 32;
			*gpa = base | (gva & ((1ULL << shift) - 1));
			return 0;
		}
		table = is64 ? (e & ADDR_MASK) : (e & 0xfffff000);
	}
	*gpa = table | (gva & (PAGE_SIZE - 1));
	return 0;
}

static int copy_guest(struct vcpu *v, uint64_t gva, void *buf, size_t len,
		      bool write)
{
	uint8_t *b = buf;

	while (len) {
		uint64_t gpa;
		size_t chunk = PAGE_SIZE - (gva & (PAGE_SIZE - 1));
		uint8_t *host;

		if (chunk > len)
			chunk = len;
		if (gva_to_gpa(v, gva, write, &gpa))
			return -EFAULT;
		host = gpa_to_host(v->domain, gpa, write);
		if (!host)
			return -EFAULT;
		/* A guest page is 4 KiB-contiguous in the p2m, gpa's page too. */
		if (chunk > PAGE_SIZE - (gpa & (PAGE_SIZE - 1)))
			chunk = PAGE_SIZE - (gpa & (PAGE_SIZE - 1));
		if (write)
			memcpy(host, b, chunk);
		else
			memcpy(b, host, chunk);
		b += chunk;
		gva += chunk;
		len -= chunk;
	}
	return 0;
}

int copy_from_guest(struct vcpu *v, void *dst, uint64_t gva, size_t len)
{
	return copy_guest(v, gva, dst, len, false);
}

int copy_to_guest(struct vcpu *v, uint64_t gva, const void *src, size_t len)
{
	return copy_guest(v, gva, (void *)src, len, true);
}

static int phys_access(struct domain *d, uint64_t gpa, void *buf,
		       const void *src, size_t len)
{
	uint8_t *b = buf;
	const uint8_t *s = src;

	while (len) {
		size_t chunk = PAGE_SIZE - (gpa & (PAGE_SIZE - 1));
		uint8_t *host = gpa_to_host(d, gpa, buf == NULL);

		if (!host)
			return -EFAULT;
		if (chunk > len)
			chunk = len;
		if (b) {
			memcpy(b, host, chunk);
			b += chunk;
		} else if (s) {
			memcpy(host, s, chunk);
			s += chunk;
		} else {
			memset(host, 0, chunk);
		}
		gpa += chunk;
		len -= chunk;
	}
	return 0;
}

int copy_from_guest_phys(struct domain *d, void *dst, uint64_t gpa, size_t len)
{
	return phys_access(d, gpa, dst, NULL, len);
}

int copy_to_guest_phys(struct domain *d, uint64_t gpa, const void *src,
		       size_t len)
{
	return phys_access(d, gpa, NULL, src, len);
}

int clear_guest_phys(struct domain *d, uint64_t gpa, size_t len)
{
	return phys_access(d, gpa, NULL, NULL, len);
}
