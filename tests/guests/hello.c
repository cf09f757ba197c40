/* The smallest test: boot, print a greeting, pass, power off. */
#include "guest.h"

DEFINE_TEST("hello", "boots to 64-bit C, prints a greeting");

void test_main(const struct hvm_start_info *si)
{
	printf("Hello from a Krypton test guest (start_info v%u at %p, "
	       "%u module(s), cmdline at %#lx)\n",
	       si->version, (const void *)si, si->nr_modules,
	       (unsigned long)si->cmdline_paddr);
	/* Our page tables map 0..4 GiB: only read the command line there. */
	if (si->cmdline_paddr && si->cmdline_paddr < 0xffff0000UL)
		printf("cmdline: \"%.200s\"\n",
		       (const char *)(unsigned long)si->cmdline_paddr);
	if (si->version >= 1 && si->memmap_paddr) {
		const struct hvm_memmap_table_entry *m =
			(const void *)(unsigned long)si->memmap_paddr;

		for (unsigned int i = 0; i < si->memmap_entries && i < 32; i++)
			printf("memmap[%u]: [%#lx, %#lx) type %u\n", i,
			       (unsigned long)m[i].addr,
			       (unsigned long)(m[i].addr + m[i].size),
			       m[i].type);
	}
	check(read_cs() == GDT_CS64, "running in 64-bit mode on our GDT");
}
