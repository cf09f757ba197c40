// SPDX-License-Identifier: GPL-2.0-only
/*
 * Nested page tables as the p2m. Leaves are 4 KiB entries; the entry type
 * lives in the software-available bits 9-11. NPT treats every guest access
 * as a user access, so each level sets U/S. A/D are preset so the walker
 * never has to write them.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/asm.h>
#include <hv/p2m.h>

#define PTE_ADDR_MASK 0x000ffffffffff000ULL
#define PTE_TYPE_SHIFT 9
#define PTE_TYPE_MASK (7ULL << PTE_TYPE_SHIFT)
#define TABLE_FLAGS (PTE_P | PTE_RW | PTE_US | PTE_A)
#define MAX_GFN (1ULL << 36) /* 48-bit guest-physical space */

int p2m_init(struct p2m *p)
{
	memset(p, 0, sizeof(*p));
	p->root = alloc_zeroed_page();
	if (!p->root)
		return -ENOMEM;
	p->nr_table_pages = 1;
	return 0;
}

static bool lookup_2m(struct p2m *p, uint64_t gfn);

static void free_level(uint64_t *table, int level, bool free_ram)
{
	for (int i = 0; i < 512; i++) {
		uint64_t e = table[i];

		if (!(e & PTE_P) && !(e & PTE_TYPE_MASK))
			continue;
		if (level == 2 && (e & PTE_PS)) {
			/* A 2 MiB leaf: one order-9 block of the domain's RAM. */
			if (free_ram &&
			    ((e & PTE_TYPE_MASK) >> PTE_TYPE_SHIFT) == P2M_RAM)
				free_pages(phys_to_virt(e & PTE_ADDR_MASK &
							~0x1fffffULL),
					   9);
			continue;
		}
		if (level > 1) {
			free_level(phys_to_virt(e & PTE_ADDR_MASK), level - 1,
				   free_ram);
		} else if (free_ram &&
			   ((e & PTE_TYPE_MASK) >> PTE_TYPE_SHIFT) == P2M_RAM) {
			free_page(phys_to_virt(e & PTE_ADDR_MASK));
		}
	}
	free_page(table);
}

void p2m_destroy(struct p2m *p, bool free_ram)
{
	if (p->root)
		free_level(p->root, 4, free_ram);
	p->root = NULL;
}

/*
 * Replaces the 2 MiB leaf *pde with a table of 512 4 KiB entries mapping
 * the same frames with the same type, so one of them can change.
 */
static bool split_2m(struct p2m *p, uint64_t *pde)
{
	uint64_t *l1 = alloc_zeroed_page();
	uint64_t base = *pde & PTE_ADDR_MASK & ~0x1fffffULL;
	uint64_t flags = *pde & ~PTE_ADDR_MASK & ~(uint64_t)PTE_PS;

	if (!l1)
		return false;
	for (int i = 0; i < 512; i++)
		l1[i] = (base + ((uint64_t)i << PAGE_SHIFT)) | flags;
	p->nr_table_pages++;
	*pde = virt_to_phys(l1) | TABLE_FLAGS;
	return true;
}

/*
 * Returns the level-1 table slot for @gfn. Missing tables are allocated if
 * @alloc; a 2 MiB mapping covering @gfn is always split first, so the
 * caller can change one 4 KiB entry (removing one page out of a 2 MiB
 * mapping must not leave the rest, or that page, mapped). NULL if there
 * is no slot (and @alloc is false) or memory ran out.
 */
static uint64_t *leaf_slot(struct p2m *p, uint64_t gfn, bool alloc)
{
	uint64_t *table = p->root;

	for (int level = 4; level > 1; level--) {
		unsigned int idx = (gfn >> (9 * (level - 1))) & 511;
		uint64_t e = table[idx];

		if (level == 2 && (e & PTE_P) && (e & PTE_PS)) {
			if (!split_2m(p, &table[idx]))
				return NULL;
			e = table[idx];
		}
		if (!(e & PTE_P)) {
			uint64_t *next;

			if (!alloc)
				return NULL;
			next = alloc_zeroed_page();
			if (!next)
				return NULL;
			p->nr_table_pages++;
			table[idx] = virt_to_phys(next) | TABLE_FLAGS;
			e = table[idx];
		}
		table = phys_to_virt(e & PTE_ADDR_MASK);
	}
	return &table[gfn & 511];
}

int p2m_set_entry(struct p2m *p, uint64_t gfn, uint64_t mfn, enum p2m_type t)
{
	uint64_t *slot, e = 0;
	unsigned long flags;

	if (gfn >= MAX_GFN)
		return -EINVAL;
	flags = spin_lock_irqsave(&p->lock);
	slot = leaf_slot(p, gfn, t != P2M_UNMAPPED);
	if (!slot) {
		bool mapped = t == P2M_UNMAPPED && lookup_2m(p, gfn);

		spin_unlock_irqrestore(&p->lock, flags);
		/* Unmapping: fine if nothing was mapped; an error if a 2 MiB
		 * mapping could not be split (out of memory). */
		return t == P2M_UNMAPPED && !mapped ? 0 : -ENOMEM;
	}
	switch (t) {
	case P2M_RAM:
	case P2M_HV_PAGE:
		e = PTE_P | PTE_RW | PTE_US | PTE_A | PTE_D;
		break;
	case P2M_RAM_RO:
		e = PTE_P | PTE_US | PTE_A;
		break;
	case P2M_MMIO:
		e = PTE_P | PTE_RW | PTE_US | PTE_A | PTE_D | PTE_PCD | PTE_PWT;
		break;
	case P2M_UNMAPPED:
		break;
	}
	if (t != P2M_UNMAPPED)
		e |= (mfn << PAGE_SHIFT) | ((uint64_t)t << PTE_TYPE_SHIFT);
	if ((*slot & PTE_P) && !(e & PTE_P))
		p->nr_entries--;
	else if (!(*slot & PTE_P) && (e & PTE_P))
		p->nr_entries++;
	*slot = e;
	spin_unlock_irqrestore(&p->lock, flags);
	return 0;
}

/* True if a 2 MiB leaf maps @gfn (caller holds the lock). */
static bool lookup_2m(struct p2m *p, uint64_t gfn)
{
	uint64_t *table = p->root;

	for (int level = 4; level > 2; level--) {
		uint64_t e = table[(gfn >> (9 * (level - 1))) & 511];

		if (!(e & PTE_P))
			return false;
		table = phys_to_virt(e & PTE_ADDR_MASK);
	}
	return (table[(gfn >> 9) & 511] & (PTE_P | PTE_PS)) == (PTE_P | PTE_PS);
}

/* Maps a naturally aligned 2 MiB block of RAM with one entry. */
int p2m_set_entry_2m(struct p2m *p, uint64_t gfn, uint64_t mfn, enum p2m_type t)
{
	uint64_t *table = p->root;
	unsigned long flags;

	if (gfn >= MAX_GFN || (gfn & 511) || (mfn & 511) || t != P2M_RAM)
		return -EINVAL;
	flags = spin_lock_irqsave(&p->lock);
	for (int level = 4; level > 2; level--) {
		unsigned int idx = (gfn >> (9 * (level - 1))) & 511;

		if (!(table[idx] & PTE_P)) {
			uint64_t *next = alloc_zeroed_page();

			if (!next) {
				spin_unlock_irqrestore(&p->lock, flags);
				return -ENOMEM;
			}
			p->nr_table_pages++;
			table[idx] = virt_to_phys(next) | TABLE_FLAGS;
		}
		table = phys_to_virt(table[idx] & PTE_ADDR_MASK);
	}
	if (table[(gfn >> 9) & 511] & PTE_P) {
		spin_unlock_irqrestore(&p->lock, flags);
		return -EEXIST;
	}
	table[(gfn >> 9) & 511] = (mfn << PAGE_SHIFT) | PTE_P | PTE_RW |
				  PTE_US | PTE_A | PTE_D | PTE_PS |
				  ((uint64_t)t << PTE_TYPE_SHIFT);
	p->nr_entries += 512;
	spin_unlock_irqrestore(&p->lock, flags);
	return 0;
}

int64_t p2m_lookup(struct p2m *p, uint64_t gfn, enum p2m_type *t)
{
	uint64_t *slot, *table = p->root;

	*t = P2M_UNMAPPED;
	if (gfn >= MAX_GFN || !p->root)
		return -1;
	/* A 2 MiB leaf answers without splitting. */
	for (int level = 4; level > 2; level--) {
		uint64_t e = table[(gfn >> (9 * (level - 1))) & 511];

		if (!(e & PTE_P))
			return -1;
		table = phys_to_virt(e & PTE_ADDR_MASK);
	}
	if ((table[(gfn >> 9) & 511] & (PTE_P | PTE_PS)) == (PTE_P | PTE_PS)) {
		uint64_t e = table[(gfn >> 9) & 511];

		*t = (e & PTE_TYPE_MASK) >> PTE_TYPE_SHIFT;
		return ((e & PTE_ADDR_MASK & ~0x1fffffULL) >> PAGE_SHIFT) +
		       (gfn & 511);
	}
	slot = leaf_slot(p, gfn, false);
	if (!slot || !(*slot & PTE_P))
		return -1;
	*t = (*slot & PTE_TYPE_MASK) >> PTE_TYPE_SHIFT;
	return (*slot & PTE_ADDR_MASK) >> PAGE_SHIFT;
}
