/*
 * The PVH start of day as Xen 4.17 builds it for dom0
 * (xen/arch/x86/hvm/dom0_build.c pvh_load_kernel, and
 * xen/arch-x86/hvm/start_info.h): flags privileged + initial domain, no
 * modules when dom0 gets no initrd, and a memory map whose RAM is all
 * backed, holding our image and the start_info block itself.
 */
#include "guest.h"

DEFINE_TEST("start_info", "hvm_start_info fields and the memory map");

extern const char __image_start[], __image_end[];

static const struct hvm_memmap_table_entry *
ram_holding(const struct hvm_memmap_table_entry *m, unsigned int n,
	    uint64_t start, uint64_t end)
{
	for (unsigned int i = 0; i < n; i++)
		if (m[i].type == XEN_HVM_MEMMAP_TYPE_RAM &&
		    m[i].addr <= start && end <= m[i].addr + m[i].size)
			return &m[i];
	return NULL;
}

static bool overlaps(uint64_t a, uint64_t b, uint64_t lo, uint64_t hi)
{
	return a < hi && lo < b;
}

/*
 * Reads and rewrites one word in every page of a RAM range, skipping our
 * image and the start_info page: an unbacked page would crash the domain.
 */
static unsigned long touch_pages(uint64_t start, uint64_t end, uint64_t si)
{
	unsigned long n = 0;

	for (uint64_t pa = (start + 4095) & ~4095ULL; pa + 4096 <= end;
	     pa += 4096) {
		volatile uint64_t *p = (volatile uint64_t *)(unsigned long)pa;
		uint64_t v;

		if (overlaps(pa, pa + 4096, (uint64_t)__image_start,
			     (uint64_t)__image_end) ||
		    overlaps(pa, pa + 4096, si & ~4095ULL,
			     (si & ~4095ULL) + 4096))
			continue;
		v = *p;
		*p = ~v;
		if (*p != ~v) {
			test_fail("RAM page %#lx does not hold a write",
				  (unsigned long)pa);
			return n;
		}
		*p = v;
		n++;
	}
	return n;
}

static void test_memmap(const struct hvm_start_info *si)
{
	const struct hvm_memmap_table_entry *m =
		(const void *)(unsigned long)si->memmap_paddr;
	unsigned int n = si->memmap_entries;
	uint64_t ram = 0, prev_end = 0;
	unsigned long pages = 0;
	bool sorted = true;

	if (!check(si->version >= 1 && si->memmap_paddr && n,
		   "start_info v%u carries a memory map (%u entries at %#lx)",
		   si->version, n, (unsigned long)si->memmap_paddr))
		return;
	for (unsigned int i = 0; i < n; i++) {
		printf("memmap[%u]: [%#lx, %#lx) type %u\n", i,
		       (unsigned long)m[i].addr,
		       (unsigned long)(m[i].addr + m[i].size), m[i].type);
		if (m[i].addr < prev_end || !m[i].size)
			sorted = false;
		prev_end = m[i].addr + m[i].size;
		check(m[i].type >= XEN_HVM_MEMMAP_TYPE_RAM &&
			      m[i].type <= XEN_HVM_MEMMAP_TYPE_PMEM &&
			      !m[i].reserved,
		      "memmap[%u] type %u is valid, reserved field %u is 0", i,
		      m[i].type, m[i].reserved);
		if (m[i].type == XEN_HVM_MEMMAP_TYPE_RAM)
			ram += m[i].size;
	}
	check(sorted, "memory map is sorted, without empty or overlapping "
		      "entries");
	printf("RAM: %lu KiB\n", (unsigned long)(ram >> 10));

	check(ram_holding(m, n, (uint64_t)__image_start,
			  (uint64_t)__image_end) != NULL,
	      "our image [%p, %p) is in RAM", (void *)__image_start,
	      (void *)__image_end);
	check(ram_holding(m, n, (uint64_t)si, (uint64_t)(si + 1)) != NULL,
	      "start_info at %p is in RAM", (const void *)si);

	for (unsigned int i = 0; i < n; i++)
		if (m[i].type == XEN_HVM_MEMMAP_TYPE_RAM &&
		    m[i].addr + m[i].size <= 0x100000000ULL)
			pages += touch_pages(m[i].addr, m[i].addr + m[i].size,
					     (uint64_t)si);
	check(pages > 0, "read and wrote every RAM page (%lu pages)", pages);
}

void test_main(const struct hvm_start_info *si)
{
	check((si->flags & (SIF_PRIVILEGED | SIF_INITDOMAIN)) ==
		      (SIF_PRIVILEGED | SIF_INITDOMAIN),
	      "flags %#x: SIF_PRIVILEGED and SIF_INITDOMAIN for dom0",
	      si->flags);
	check_long(si->nr_modules, 0, "nr_modules (dom0 got no initrd)");
	test_memmap(si);
}
