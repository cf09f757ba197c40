// SPDX-License-Identifier: GPL-2.0-only
/*
 * Small-object allocator. Every block carries a 16-byte header naming its
 * size class; classes of 32..2048 bytes are carved from pages and kept on
 * free lists, larger requests take whole pages (2^order). Freed memory is
 * reused, never returned to the page allocator for small classes.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/xmalloc.h>
#include <hv/spinlock.h>

#define HDR 16
#define XM_MAGIC 0x4b72797054ULL
#define NR_CLASSES 7 /* 32, 64, ..., 2048 bytes including the header */
#define LARGE 0xff

struct xm_hdr {
	uint64_t magic;
	uint32_t cls; /* class index, or LARGE */
	uint32_t order;
};

struct xm_free {
	struct xm_free *next;
};

static struct xm_free *free_list[NR_CLASSES];
static spinlock_t xm_lock = SPINLOCK_INIT;

static unsigned int class_size(unsigned int c)
{
	return 32u << c;
}

static bool refill(unsigned int c)
{
	uint8_t *page = alloc_page();
	unsigned int sz = class_size(c);

	if (!page)
		return false;
	for (unsigned int off = 0; off + sz <= PAGE_SIZE; off += sz) {
		struct xm_free *f = (void *)(page + off);

		f->next = free_list[c];
		free_list[c] = f;
	}
	return true;
}

void *xmalloc(size_t size)
{
	struct xm_hdr *h;
	unsigned int c;

	if (size > (1ULL << 36))
		return NULL;
	for (c = 0; c < NR_CLASSES; c++)
		if (size + HDR <= class_size(c))
			break;
	if (c == NR_CLASSES) {
		unsigned int order = 0;

		while ((PAGE_SIZE << order) < size + HDR)
			order++;
		h = alloc_pages(order);
		if (!h)
			return NULL;
		h->cls = LARGE;
		h->order = order;
	} else {
		unsigned long flags = spin_lock_irqsave(&xm_lock);

		if (!free_list[c] && !refill(c)) {
			spin_unlock_irqrestore(&xm_lock, flags);
			return NULL;
		}
		h = (void *)free_list[c];
		free_list[c] = free_list[c]->next;
		spin_unlock_irqrestore(&xm_lock, flags);
		h->cls = c;
		h->order = 0;
	}
	h->magic = XM_MAGIC;
	return (uint8_t *)h + HDR;
}

void *xzalloc(size_t size)
{
	void *p = xmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

void xfree(void *p)
{
	struct xm_hdr *h;
	unsigned long flags;

	if (!p)
		return;
	h = (void *)((uint8_t *)p - HDR);
	BUG_ON(h->magic != XM_MAGIC);
	h->magic = 0;
	if (h->cls == LARGE) {
		free_pages(h, h->order);
		return;
	}
	BUG_ON(h->cls >= NR_CLASSES);
	flags = spin_lock_irqsave(&xm_lock);
	((struct xm_free *)h)->next = free_list[h->cls];
	free_list[h->cls] = (struct xm_free *)h;
	spin_unlock_irqrestore(&xm_lock, flags);
}
