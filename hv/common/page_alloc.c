// SPDX-License-Identifier: GPL-2.0-only
/*
 * The hypervisor's physical page allocator: the boot memory map's RAM,
 * minus the first MiB (firmware, the AP trampoline), the hypervisor image
 * and the boot modules, managed by a page_bitmap.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/boot.h>
#include <hv/spinlock.h>

/* RAM the direct map covers (head.S maps the first 4 GiB). */
#define DIRECT_MAP_LIMIT (4ULL << 30)
#define MAX_FRAMES (DIRECT_MAP_LIMIT >> PAGE_SHIFT)

static uint64_t frame_bits[MAX_FRAMES / 64];
static struct page_bitmap pbm;
static spinlock_t alloc_lock = SPINLOCK_INIT;
static uint64_t ram_pages;
static paddr_t ram_top;

void page_alloc_init(void)
{
	uint64_t ignored = 0;

	pbm_init(&pbm, frame_bits, MAX_FRAMES);
	for (unsigned int i = 0; i < boot_info.nr_e820; i++) {
		const struct e820_entry *e = &boot_info.e820[i];
		uint64_t start = ALIGN_UP(e->addr, PAGE_SIZE);
		uint64_t end = ALIGN_DOWN(e->addr + e->size, PAGE_SIZE);

		if (e->type != E820_RAM || end <= start)
			continue;
		if (end > DIRECT_MAP_LIMIT) {
			ignored += end - MAX(start, DIRECT_MAP_LIMIT);
			end = MAX(start, DIRECT_MAP_LIMIT);
		}
		if (end > ram_top)
			ram_top = end;
		if (start < (1 << 20))
			start = 1 << 20;
		if (end > start)
			pbm_mark_free(&pbm, start >> PAGE_SHIFT,
				      (end - start) >> PAGE_SHIFT);
	}
	pbm_mark_used(&pbm, (uintptr_t)__image_start >> PAGE_SHIFT,
		      (ALIGN_UP((uintptr_t)__image_end, PAGE_SIZE) -
		       (uintptr_t)__image_start) >>
			      PAGE_SHIFT);
	for (unsigned int i = 0; i < boot_info.nr_modules; i++) {
		const struct boot_module *m = &boot_info.modules[i];
		paddr_t s = ALIGN_DOWN(m->start, PAGE_SIZE);
		paddr_t e = ALIGN_UP(m->end, PAGE_SIZE);

		pbm_mark_used(&pbm, s >> PAGE_SHIFT, (e - s) >> PAGE_SHIFT);
	}
	ram_pages = pbm.nr_free;
	if (ignored)
		printk(XENLOG_WARNING
		       "Ignoring %llu MiB of RAM above 4 GiB (not yet supported)\n",
		       (unsigned long long)(ignored >> 20));
}

void *alloc_pages_below(unsigned int order, paddr_t limit)
{
	unsigned long flags = spin_lock_irqsave(&alloc_lock);
	int64_t f = pbm_alloc(&pbm, order, limit >> PAGE_SHIFT);

	spin_unlock_irqrestore(&alloc_lock, flags);
	return f < 0 ? NULL : phys_to_virt((paddr_t)f << PAGE_SHIFT);
}

void *alloc_pages(unsigned int order)
{
	return alloc_pages_below(order, DIRECT_MAP_LIMIT);
}

void *alloc_zeroed_pages(unsigned int order)
{
	void *p = alloc_pages(order);

	if (p)
		memset(p, 0, PAGE_SIZE << order);
	return p;
}

void free_pages(void *p, unsigned int order)
{
	unsigned long flags;
	int rc;

	if (!p)
		return;
	flags = spin_lock_irqsave(&alloc_lock);
	rc = pbm_free(&pbm, virt_to_phys(p) >> PAGE_SHIFT, order);
	spin_unlock_irqrestore(&alloc_lock, flags);
	BUG_ON(rc);
}

uint64_t total_pages(void)
{
	return ram_pages;
}

uint64_t free_pages_count(void)
{
	return pbm.nr_free;
}

paddr_t max_ram_addr(void)
{
	return ram_top;
}
