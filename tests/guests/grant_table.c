/*
 * Grant table setup as a PVH guest does it (xen/common/grant_table.c):
 * GNTTABOP_query_size, version 1 by default, set_version/get_version,
 * mapping frame 0 with XENMEM_add_to_physmap(XENMAPSPACE_grant_table),
 * and -ENOSYS for an unknown command.
 */
#include "guest.h"

#include <xen/grant_table.h>

DEFINE_TEST("grant_table", "grant table size, version and frame mapping");

static uint8_t frame[4096] __attribute__((aligned(4096)));

static long gnttab_op(unsigned int cmd, void *arg, unsigned int count)
{
	return hypercall3(__HYPERVISOR_grant_table_op, cmd, (unsigned long)arg,
			  count);
}

void test_main(const struct hvm_start_info *si)
{
	struct gnttab_query_size q = { .dom = DOMID_SELF };
	struct gnttab_get_version gv = { .dom = DOMID_SELF };
	struct gnttab_set_version sv = { .version = 1 };
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_grant_table,
		.idx = 0,
		.gpfn = (unsigned long)frame >> 12,
	};

	(void)si;
	check_long(gnttab_op(GNTTABOP_query_size, &q, 1), 0,
		   "GNTTABOP_query_size");
	check(q.status == GNTST_okay && q.nr_frames >= 1 &&
		      q.max_nr_frames >= q.nr_frames,
	      "status %d, %u frames of at most %u", q.status, q.nr_frames,
	      q.max_nr_frames);

	check_long(gnttab_op(GNTTABOP_get_version, &gv, 1), 0,
		   "GNTTABOP_get_version");
	check_long(gv.version, 1, "the initial grant table version");
	check_long(gnttab_op(GNTTABOP_set_version, &sv, 1), 0,
		   "GNTTABOP_set_version 1");
	check_long(sv.version, 1, "version after set_version");

	memset(frame, 0xaa, sizeof(frame));
	check_long(HYPERVISOR_memory_op(XENMEM_add_to_physmap, &xatp), 0,
		   "XENMEM_add_to_physmap grant table frame 0");
	check(((volatile uint8_t *)frame)[0] != 0xaa,
	      "our page now shows the grant table frame");

	check_long(gnttab_op(0x3f, NULL, 1), -XEN_ENOSYS,
		   "unknown grant_table_op 0x3f");
}
