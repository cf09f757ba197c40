/*
 * dom0's view of the host (xen/common/memory.c, xen/arch/x86/mm.c):
 * XENMEM_maximum_ram_page is the host's highest RAM frame and
 * XENMEM_machine_memory_map the host's own e820, not dom0's.
 */
#include "guest.h"

DEFINE_TEST("host_memory", "XENMEM_machine_memory_map and maximum_ram_page");

struct e820entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __attribute__((packed));

void test_main(const struct hvm_start_info *si)
{
	static struct e820entry e[64];
	struct xen_memory_map map = { .nr_entries = ARRAY_SIZE(e) };
	uint64_t ram = 0;
	long rc;

	(void)si;
	/* QEMU runs with -m 256: the host's RAM ends just below 256 MiB. */
	rc = HYPERVISOR_memory_op(XENMEM_maximum_ram_page, NULL);
	check(rc > (200 << 8) && rc <= (256 << 8),
	      "XENMEM_maximum_ram_page = %#lx, the host's last RAM frame", rc);

	set_xen_guest_handle(map.buffer, e);
	rc = HYPERVISOR_memory_op(XENMEM_machine_memory_map, &map);
	if (!check_long(rc, 0, "XENMEM_machine_memory_map"))
		return;
	for (unsigned int i = 0; i < map.nr_entries; i++)
		if (e[i].type == 1)
			ram += e[i].size;
	printf("host map: %u entries, %lu MiB of RAM\n", map.nr_entries,
	       (unsigned long)(ram >> 20));
	check(map.nr_entries > 0 && ram > (200ull << 20) &&
		      ram <= (256ull << 20),
	      "the host's memory map has its RAM (%lu MiB)",
	      (unsigned long)(ram >> 20));
}
