/*
 * HYPERVISOR_xen_version sub-ops, with Xen 4.17's results
 * (xen/common/kernel.c do_xen_version).
 */
#include "guest.h"

DEFINE_TEST("xen_version", "xen_version hypercall sub-ops");

void test_main(const struct hvm_start_info *si)
{
	xen_extraversion_t extra;
	xen_feature_info_t fi;
	long rc;

	(void)si;
	rc = HYPERVISOR_xen_version(XENVER_version, NULL);
	check_long(rc, (4 << 16) | 17, "XENVER_version");

	memset(extra, 0xaa, sizeof(extra));
	rc = HYPERVISOR_xen_version(XENVER_extraversion, extra);
	check_long(rc, 0, "XENVER_extraversion");
	if (check(strnlen(extra, sizeof(extra)) < sizeof(extra),
		  "extraversion is NUL-terminated within %zu bytes",
		  sizeof(extra)))
		check(extra[0] == '.', "extraversion \"%s\" starts with '.'",
		      extra);

	memset(&fi, 0, sizeof(fi));
	rc = HYPERVISOR_xen_version(XENVER_get_features, &fi);
	check_long(rc, 0, "XENVER_get_features submap 0");
	printf("feature submap 0: %#x\n", fi.submap);

	fi.submap_idx = 0xffffffff;
	rc = HYPERVISOR_xen_version(XENVER_get_features, &fi);
	check_long(rc, -XEN_EINVAL, "XENVER_get_features submap 0xffffffff");

	fi.submap_idx = 1;
	rc = HYPERVISOR_xen_version(XENVER_get_features, &fi);
	check_long(rc, -XEN_EINVAL, "XENVER_get_features submap 1");

	rc = HYPERVISOR_xen_version(0x7fff, NULL);
	check_long(rc, -XEN_ENOSYS, "unknown xen_version sub-op 0x7fff");
}
