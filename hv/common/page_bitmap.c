// SPDX-License-Identifier: GPL-2.0-only
/*
 * The page-frame bitmap behind the physical allocator. One bit per 4 KiB
 * frame, set when the frame is in use or is not RAM. Allocation is next-fit
 * over naturally aligned runs of 2^order frames, which keeps large guest
 * allocations (thousands of single pages) linear in practice.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/mm.h>

#define BITS 64

static bool test(const struct page_bitmap *pb, uint64_t f)
{
	return pb->bits[f / BITS] & (1ULL << (f % BITS));
}

bool pbm_is_free(const struct page_bitmap *pb, uint64_t frame)
{
	return frame < pb->nr_frames && !test(pb, frame);
}

void pbm_init(struct page_bitmap *pb, uint64_t *bits, uint64_t nr_frames)
{
	pb->bits = bits;
	pb->nr_frames = nr_frames;
	pb->nr_free = 0;
	pb->hint = 0;
	memset(bits, 0xff, ALIGN_UP(nr_frames, BITS) / 8);
}

void pbm_mark_free(struct page_bitmap *pb, uint64_t first, uint64_t count)
{
	for (uint64_t f = first; f < first + count && f < pb->nr_frames; f++) {
		if (test(pb, f)) {
			pb->bits[f / BITS] &= ~(1ULL << (f % BITS));
			pb->nr_free++;
		}
	}
}

void pbm_mark_used(struct page_bitmap *pb, uint64_t first, uint64_t count)
{
	for (uint64_t f = first; f < first + count && f < pb->nr_frames; f++) {
		if (!test(pb, f)) {
			pb->bits[f / BITS] |= 1ULL << (f % BITS);
			pb->nr_free--;
		}
	}
}

/* True if [f, f + n) is entirely free; on failure *skip is the next f. */
static bool run_free(const struct page_bitmap *pb, uint64_t f, uint64_t n,
		     uint64_t *skip)
{
	for (uint64_t i = 0; i < n; i++) {
		if (test(pb, f + i)) {
			*skip = f + i + 1;
			return false;
		}
	}
	return true;
}

static int64_t search(struct page_bitmap *pb, uint64_t from, uint64_t to,
		      uint64_t n)
{
	uint64_t f = ALIGN_UP(from, n), skip;

	while (f + n <= to) {
		/* Skip whole used words quickly for single frames. */
		if (n == 1 && f % BITS == 0 && pb->bits[f / BITS] == ~0ULL) {
			f += BITS;
			continue;
		}
		if (run_free(pb, f, n, &skip))
			return (int64_t)f;
		f = ALIGN_UP(skip, n);
	}
	return -1;
}

int64_t pbm_alloc(struct page_bitmap *pb, unsigned int order, uint64_t limit)
{
	uint64_t n = 1ULL << order;
	int64_t f;

	if (order >= 40 || pb->nr_free < n)
		return -1;
	if (limit > pb->nr_frames)
		limit = pb->nr_frames;
	f = search(pb, pb->hint < limit ? pb->hint : 0, limit, n);
	if (f < 0)
		f = search(pb, 0, limit, n);
	if (f < 0)
		return -1;
	pbm_mark_used(pb, f, n);
	pb->hint = f + n;
	return f;
}

int pbm_free(struct page_bitmap *pb, uint64_t first, unsigned int order)
{
	uint64_t n = 1ULL << order;

	if (order >= 40 || first + n > pb->nr_frames || first % n)
		return -1;
	for (uint64_t i = 0; i < n; i++)
		if (!test(pb, first + i))
			return -1;
	pbm_mark_free(pb, first, n);
	return 0;
}
