/*
 * XENVER_pagesize takes no argument: Xen 4.17 returns the page size when
 * the handle is NULL and -EINVAL otherwise (xen/common/kernel.c).
 */
#include "guest.h"

DEFINE_TEST("xen_version_pagesize", "XENVER_pagesize argument check");

void test_main(const struct hvm_start_info *si)
{
	char dummy;

	(void)si;
	check_long(HYPERVISOR_xen_version(XENVER_pagesize, NULL), 4096,
		   "XENVER_pagesize with NULL");
	check_long(HYPERVISOR_xen_version(XENVER_pagesize, &dummy), -XEN_EINVAL,
		   "XENVER_pagesize with a non-NULL argument");
}
