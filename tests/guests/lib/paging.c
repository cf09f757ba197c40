/*
 * Extra mappings beside the boot identity map (lib/head.S), for tests of
 * how the hypervisor walks guest page tables: 4 KiB or 2 MiB pages at any
 * virtual address outside the first 512 GiB (PML4 slot 0 holds the
 * identity map), to any guest-physical address, with chosen permissions.
 * Page-table pages come from a static pool.
 */
#include "guest.h"

#define PT_POOL_PAGES 16
#define PTE_ADDR_MASK 0x000ffffffffff000ULL

extern uint64_t pml4[512];

static uint64_t pt_pool[PT_POOL_PAGES][512] __attribute__((aligned(4096)));
static unsigned int pt_pool_used;

static uint64_t *next_level(uint64_t *table, unsigned int index)
{
	uint64_t *t;

	if (table[index] & PTE_P)
		return (uint64_t *)(unsigned long)(table[index] &
						   PTE_ADDR_MASK);
	if (pt_pool_used == PT_POOL_PAGES)
		test_abort("page-table pool exhausted");
	t = pt_pool[pt_pool_used++];
	memset(t, 0, 4096);
	/* Permissions are decided at the leaf: inner levels allow all. */
	table[index] = (uint64_t)(unsigned long)t | PTE_P | PTE_RW | PTE_US;
	return t;
}

static void invlpg(uint64_t va)
{
	asm volatile("invlpg (%0)" : : "r"(va) : "memory");
}

void map_page(uint64_t va, uint64_t pa, uint64_t flags, bool large)
{
	uint64_t *pdpt, *pd, *pt;

	if ((va >> 39 & 511) == 0)
		test_abort("map_page(%#lx): PML4 slot 0 is the identity map",
			   (unsigned long)va);
	pdpt = next_level(pml4, va >> 39 & 511);
	pd = next_level(pdpt, va >> 30 & 511);
	if (large) {
		pd[va >> 21 & 511] = (pa & ~0x1fffffULL) | flags | PTE_PS;
	} else {
		pt = next_level(pd, va >> 21 & 511);
		pt[va >> 12 & 511] = (pa & ~0xfffULL) | flags;
	}
	invlpg(va);
}
