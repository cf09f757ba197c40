/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The physical-to-machine map of a domain: guest frame -> host frame with
 * a type. It is kept directly in the nested page table format (AMD NPT;
 * the same 4-level layout as long-mode paging), so the hardware walks it.
 */
#ifndef HV_P2M_H
#define HV_P2M_H

#include <hv/types.h>
#include <hv/spinlock.h>

enum p2m_type {
	P2M_UNMAPPED = 0, /* an access is a fatal guest error */
	P2M_RAM = 1,	  /* the domain's own memory */
	P2M_MMIO = 2,	  /* host MMIO passed through */
	P2M_RAM_RO = 3,	  /* read-only RAM */
	P2M_HV_PAGE = 4,  /* a hypervisor page (shared_info, grant frame) */
};

struct p2m {
	uint64_t *root; /* PML4 page; its physical address goes in nCR3 */
	spinlock_t lock;
	uint64_t nr_table_pages;
	uint64_t nr_entries;
};

int p2m_init(struct p2m *p);
/* Frees the tables and, if @free_ram, every RAM frame mapped. */
void p2m_destroy(struct p2m *p, bool free_ram);
int p2m_set_entry(struct p2m *p, uint64_t gfn, uint64_t mfn, enum p2m_type t);
/* Maps 512 frames with one 2 MiB entry (gfn and mfn 512-aligned). */
int p2m_set_entry_2m(struct p2m *p, uint64_t gfn, uint64_t mfn,
		     enum p2m_type t);
/* Returns the host frame, or -1 (with *t = P2M_UNMAPPED) if unmapped. */
int64_t p2m_lookup(struct p2m *p, uint64_t gfn, enum p2m_type *t);
static inline paddr_t p2m_root_pa(const struct p2m *p)
{
	return (paddr_t)(uintptr_t)p->root;
}

#endif
