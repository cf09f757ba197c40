/*
 * Hypercall buffers are guest-virtual addresses translated through the
 * guest's own page tables (Xen: copy_{from,to}_guest ->
 * hvm_copy_{from,to}_guest_linear). Every other test uses the boot
 * identity map; here buffers sit in 4 KiB pages mapped out of order, in a
 * 2 MiB page at a different address, in a read-only page (CR0.WP is set,
 * so writing into it must fail with -EFAULT) and before a page that is
 * not present.
 */
#include "guest.h"

DEFINE_TEST("pagewalk", "hypercall buffers through the guest page tables");

#define BASE 0x8000000000UL /* PML4 slot 1 */
#define VA_A (BASE)	    /* -> pages[1], then VA_A + 4 KiB -> pages[0] */
#define VA_RO (BASE + 0x10000)
#define VA_HOLE (BASE + 0x20000) /* present page, then a missing one */
#define VA_2M (BASE + 0x40000000)
#define PA_2M 0x200000UL /* RAM we do not otherwise use */

static uint8_t pages[2][4096] __attribute__((aligned(4096)));
static uint8_t ro_page[4096] __attribute__((aligned(4096)));
static uint8_t hole_page[4096] __attribute__((aligned(4096)));

static uint64_t pa(const void *p)
{
	return (uint64_t)(unsigned long)p; /* identity-mapped */
}

static void test_split(void)
{
	static const char head[] = "pagewalk: split acr";
	static const char tail[] = "oss two pages\n";
	char *split = (char *)(VA_A + 4096 - (sizeof(head) - 1));
	xen_extraversion_t ref, got;
	xen_feature_info_t fi_ref = { .submap_idx = 0 };
	xen_feature_info_t *fi = (void *)(VA_A + 4096 - 4);
	long rc;

	map_page(VA_A, pa(pages[1]), PTE_P | PTE_RW, false);
	map_page(VA_A + 4096, pa(pages[0]), PTE_P | PTE_RW, false);

	memcpy(&pages[1][4096 - (sizeof(head) - 1)], head, sizeof(head) - 1);
	memcpy(pages[0], tail, sizeof(tail) - 1);
	check_long(HYPERVISOR_console_io(CONSOLEIO_write,
					 sizeof(head) + sizeof(tail) - 2,
					 split),
		   0, "console_io from a buffer split over two 4 KiB pages");

	memset(ref, 0, sizeof(ref));
	HYPERVISOR_xen_version(XENVER_extraversion, ref);
	memset(pages, 0xaa, sizeof(pages));
	rc = HYPERVISOR_xen_version(XENVER_extraversion,
				    (void *)(VA_A + 4096 - 4));
	memcpy(got, &pages[1][4092], 4);
	memcpy(got + 4, pages[0], sizeof(got) - 4);
	check(rc == 0 && !memcmp(got, ref, sizeof(ref)),
	      "XENVER_extraversion lands in both pages (rc %ld, \"%.16s\")", rc,
	      got);

	HYPERVISOR_xen_version(XENVER_get_features, &fi_ref);
	memset(pages, 0xaa, sizeof(pages));
	fi->submap_idx = 0; /* in pages[1]; submap is in pages[0] */
	rc = HYPERVISOR_xen_version(XENVER_get_features, fi);
	check(rc == 0 && fi->submap == fi_ref.submap,
	      "XENVER_get_features reads and writes across the boundary "
	      "(rc %ld, %#x, expected %#x)",
	      rc, fi->submap, fi_ref.submap);
}

static void test_read_only(void)
{
	static const char msg[] = "pagewalk: read from a read-only page\n";
	long rc;

	memset(ro_page, 0x55, sizeof(ro_page));
	memcpy(ro_page, msg, sizeof(msg) - 1);
	map_page(VA_RO, pa(ro_page), PTE_P, false);
	rc = HYPERVISOR_xen_version(XENVER_extraversion, (void *)VA_RO);
	check_long(rc, -XEN_EFAULT,
		   "XENVER_extraversion into a read-only page");
	check(!memcmp(ro_page, msg, sizeof(msg) - 1),
	      "the read-only page is unchanged");
	check_long(HYPERVISOR_console_io(CONSOLEIO_write, sizeof(msg) - 1,
					 (void *)VA_RO),
		   0, "console_io from a read-only page");
}

static void test_hole(void)
{
	map_page(VA_HOLE, pa(hole_page), PTE_P | PTE_RW, false);
	map_page(VA_HOLE + 4096, pa(hole_page), 0, false);
	memset(hole_page, 'h', sizeof(hole_page));
	check_long(HYPERVISOR_console_io(CONSOLEIO_write, 16,
					 (void *)(VA_HOLE + 4096 - 4)),
		   -XEN_EFAULT, "console_io running into a not-present page");
	check_long(HYPERVISOR_xen_version(XENVER_extraversion,
					  (void *)(VA_HOLE + 4096 - 8)),
		   -XEN_EFAULT,
		   "XENVER_extraversion running into a not-present page");
}

static void test_large(void)
{
	static const char msg[] = "pagewalk: through a 2 MiB page\n";

	memcpy((void *)(PA_2M + 0x1234), msg, sizeof(msg) - 1);
	map_page(VA_2M, PA_2M, PTE_P | PTE_RW, true);
	check_long(HYPERVISOR_console_io(CONSOLEIO_write, sizeof(msg) - 1,
					 (void *)(VA_2M + 0x1234)),
		   0, "console_io through a 2 MiB page at %#lx", VA_2M);
}

void test_main(const struct hvm_start_info *si)
{
	(void)si;
	test_split();
	test_read_only();
	test_hole();
	test_large();
}
