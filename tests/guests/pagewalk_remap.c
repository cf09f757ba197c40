/*
 * The hypervisor walks the guest's page tables afresh for each hypercall
 * (Xen keeps no cache of guest translations across them): after the guest
 * points a virtual page somewhere else, or removes it, the next hypercall
 * through that address follows the change.
 */
#include "guest.h"

DEFINE_TEST("pagewalk_remap", "hypercalls follow guest page-table changes");

#define VA 0x9000000000UL /* PML4 slot 1, away from other tests */

static char first[4096] __attribute__((aligned(4096)));
static char second[4096] __attribute__((aligned(4096)));

static long write_from_va(size_t len)
{
	return HYPERVISOR_console_io(CONSOLEIO_write, len, (void *)VA);
}

void test_main(const struct hvm_start_info *si)
{
	static const char a[] = "remap: the first page\n";
	static const char b[] = "remap: the second page\n";

	(void)si;
	memcpy(first, a, sizeof(a) - 1);
	memcpy(second, b, sizeof(b) - 1);

	map_page(VA, (uint64_t)(unsigned long)first, PTE_P | PTE_RW, false);
	check_long(write_from_va(sizeof(a) - 1), 0, "write through the VA");
	map_page(VA, (uint64_t)(unsigned long)second, PTE_P | PTE_RW, false);
	check_long(write_from_va(sizeof(b) - 1), 0,
		   "write through the VA after pointing it elsewhere");
	map_page(VA, 0, 0, false);
	check_long(write_from_va(16), -XEN_EFAULT,
		   "write through the VA after unmapping it");
	map_page(VA, (uint64_t)(unsigned long)first, PTE_P | PTE_RW, false);
	check_long(write_from_va(sizeof(a) - 1), 0,
		   "write through the VA mapped back");
}
