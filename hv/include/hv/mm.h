/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Physical memory. RAM is identity-mapped (virtual == physical), so a page
 * allocated here is usable through its physical address as a pointer.
 */
#ifndef HV_MM_H
#define HV_MM_H

#include <hv/types.h>

/*
 * A bitmap of page frames: bit set = in use (or not RAM). The allocator
 * core works on this structure alone so host unit tests can drive it.
 */
struct page_bitmap {
	uint64_t *bits;
	uint64_t nr_frames; /* frames covered: [0, nr_frames) */
	uint64_t nr_free;
	uint64_t hint; /* next-fit search start */
};

void pbm_init(struct page_bitmap *pb, uint64_t *bits, uint64_t nr_frames);
void pbm_mark_free(struct page_bitmap *pb, uint64_t first, uint64_t count);
void pbm_mark_used(struct page_bitmap *pb, uint64_t first, uint64_t count);
/* 2^order naturally aligned free frames below @limit, or -1 if none. */
int64_t pbm_alloc(struct page_bitmap *pb, unsigned int order, uint64_t limit);
/* Returns -1 (and frees nothing) if any frame was not allocated. */
int pbm_free(struct page_bitmap *pb, uint64_t first, unsigned int order);
bool pbm_is_free(const struct page_bitmap *pb, uint64_t frame);

#if !defined(HV_HOST_TEST) || defined(HV_MM_SHIM)
void page_alloc_init(void);
void *alloc_pages(unsigned int order); /* NULL when out of memory */
void *alloc_pages_below(unsigned int order, paddr_t limit);
void *alloc_zeroed_pages(unsigned int order);
void free_pages(void *p, unsigned int order);
static inline void *alloc_page(void)
{
	return alloc_pages(0);
}
static inline void *alloc_zeroed_page(void)
{
	return alloc_zeroed_pages(0);
}
static inline void free_page(void *p)
{
	free_pages(p, 0);
}
uint64_t total_pages(void);
uint64_t free_pages_count(void);
paddr_t max_ram_addr(void);
static inline paddr_t virt_to_phys(const void *p)
{
	return (paddr_t)(uintptr_t)p;
}
static inline void *phys_to_virt(paddr_t pa)
{
	return (void *)(uintptr_t)pa;
}
#endif

#endif
