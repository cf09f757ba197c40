/*
 * memory_op queries (xen/arch/x86/mm.c arch_memory_op, xen/common/memory.c):
 * XENMEM_memory_map gives the same map as hvm_start_info, truncated to the
 * caller's buffer; the reservation queries; unknown commands.
 */
#include "guest.h"

DEFINE_TEST("memory_op", "XENMEM_memory_map and reservation queries");

/* The layout XENMEM_memory_map copies out: a packed e820 entry. */
struct e820entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

static long memory_map(struct e820entry *buf, unsigned int *n)
{
	struct xen_memory_map map = { .nr_entries = *n };
	long rc;

	set_xen_guest_handle(map.buffer, buf);
	rc = HYPERVISOR_memory_op(XENMEM_memory_map, &map);
	*n = map.nr_entries;
	return rc;
}

static void test_memory_map(const struct hvm_start_info *si)
{
	const struct hvm_memmap_table_entry *m =
		(const void *)(unsigned long)si->memmap_paddr;
	struct e820entry e[32];
	unsigned int n = ARRAY_SIZE(e);
	bool same;

	memset(e, 0xaa, sizeof(e));
	if (!check_long(memory_map(e, &n), 0, "XENMEM_memory_map"))
		return;
	for (unsigned int i = 0; i < n; i++)
		printf("e820[%u]: [%#lx, %#lx) type %u\n", i,
		       (unsigned long)e[i].addr,
		       (unsigned long)(e[i].addr + e[i].size), e[i].type);
	same = si->version >= 1 && n == si->memmap_entries;
	for (unsigned int i = 0; same && i < n; i++)
		same = e[i].addr == m[i].addr && e[i].size == m[i].size &&
		       e[i].type == m[i].type;
	check(same, "%u entries, the same as hvm_start_info's memory map (%u)",
	      n, si->memmap_entries);

	n = 1;
	memset(e, 0xaa, sizeof(e));
	check_long(memory_map(e, &n), 0, "XENMEM_memory_map into 1 entry");
	check(n == 1 && e[0].addr == m[0].addr && e[1].type == 0xaaaaaaaa,
	      "copies just the first entry and says so (nr_entries %u)", n);

	n = 4;
	check_long(memory_map((void *)0x100000000000UL, &n), -XEN_EFAULT,
		   "XENMEM_memory_map into an unmapped buffer");
}

void test_main(const struct hvm_start_info *si)
{
	domid_t self = DOMID_SELF;
	long cur, max;

	test_memory_map(si);

	cur = HYPERVISOR_memory_op(XENMEM_current_reservation, &self);
	max = HYPERVISOR_memory_op(XENMEM_maximum_reservation, &self);
	printf("reservation: current %ld pages, maximum %ld\n", cur, max);
	check(cur > 0 && max >= cur,
	      "current reservation %ld pages, maximum %ld pages", cur, max);

	check_long(HYPERVISOR_memory_op(0x3f, NULL), -XEN_ENOSYS,
		   "unknown memory_op 0x3f");
}
