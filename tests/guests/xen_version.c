/*
 * HYPERVISOR_xen_version sub-ops, with Xen 4.17's results
 * (xen/common/kernel.c do_xen_version).
 */
#include "guest.h"

DEFINE_TEST("xen_version", "xen_version hypercall sub-ops");

/* Every string sub-op fills a fixed-size buffer with a C string. */
static bool check_string(const char *what, const char *s, size_t size)
{
	return check(strnlen(s, size) < size,
		     "%s is NUL-terminated within %zu bytes", what, size);
}

static void test_strings(void)
{
	static xen_capabilities_info_t caps;
	static xen_commandline_t cmdline;
	xen_extraversion_t extra;
	xen_compile_info_t ci;
	xen_changeset_info_t cs;
	long rc;

	memset(extra, 0xaa, sizeof(extra));
	rc = HYPERVISOR_xen_version(XENVER_extraversion, extra);
	check_long(rc, 0, "XENVER_extraversion");
	if (check_string("extraversion", extra, sizeof(extra)))
		check(extra[0] == '.', "extraversion \"%s\" starts with '.'",
		      extra);

	memset(&ci, 0xaa, sizeof(ci));
	rc = HYPERVISOR_xen_version(XENVER_compile_info, &ci);
	check_long(rc, 0, "XENVER_compile_info");
	if (check_string("compiler", ci.compiler, sizeof(ci.compiler)) &&
	    check_string("compile_by", ci.compile_by, sizeof(ci.compile_by)) &&
	    check_string("compile_domain", ci.compile_domain,
			 sizeof(ci.compile_domain)) &&
	    check_string("compile_date", ci.compile_date,
			 sizeof(ci.compile_date)))
		printf("compiled by %s@%s with %s on %s\n", ci.compile_by,
		       ci.compile_domain, ci.compiler, ci.compile_date);

	memset(caps, 0xaa, sizeof(caps));
	rc = HYPERVISOR_xen_version(XENVER_capabilities, caps);
	check_long(rc, 0, "XENVER_capabilities");
	if (check_string("capabilities", caps, sizeof(caps))) {
		bool found = false;

		/* Space-separated; x86 Xen with HVM lists hvm-3.0-x86_64. */
		for (const char *p = caps; *p; p++)
			if ((p == caps || p[-1] == ' ') &&
			    !strncmp(p, "hvm-3.0-x86_64", 14) &&
			    (p[14] == ' ' || p[14] == '\0'))
				found = true;
		check(found, "capabilities \"%s\" include hvm-3.0-x86_64",
		      caps);
	}

	memset(cs, 0xaa, sizeof(cs));
	rc = HYPERVISOR_xen_version(XENVER_changeset, cs);
	check_long(rc, 0, "XENVER_changeset");
	check_string("changeset", cs, sizeof(cs));

	/* The harness checks that this is the hypervisor's command line. */
	memset(cmdline, 0xaa, sizeof(cmdline));
	rc = HYPERVISOR_xen_version(XENVER_commandline, cmdline);
	check_long(rc, 0, "XENVER_commandline");
	if (check_string("commandline", cmdline, sizeof(cmdline)))
		printf("Xen command line: \"%s\"\n", cmdline);
}

static void test_features(void)
{
	xen_feature_info_t fi;
	long rc;

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
}

void test_main(const struct hvm_start_info *si)
{
	xen_domain_handle_t handle;
	long rc;

	(void)si;
	rc = HYPERVISOR_xen_version(XENVER_version, NULL);
	check_long(rc, (4 << 16) | 17, "XENVER_version");

	test_strings();
	test_features();

	rc = HYPERVISOR_xen_version(XENVER_pagesize, NULL);
	check_long(rc, 4096, "XENVER_pagesize");

	/* dom0 is created by the hypervisor with an all-zero handle. */
	memset(handle, 0xaa, sizeof(handle));
	rc = HYPERVISOR_xen_version(XENVER_guest_handle, handle);
	check_long(rc, 0, "XENVER_guest_handle");
	check(!memcmp(handle, (uint8_t[sizeof(handle)]){ 0 }, sizeof(handle)),
	      "dom0's handle is all zeros");

	rc = HYPERVISOR_xen_version(0x7fff, NULL);
	check_long(rc, -XEN_ENOSYS, "unknown xen_version sub-op 0x7fff");
}
