// SPDX-License-Identifier: GPL-2.0-only
/* HYPERVISOR_xen_version: who we are, as Xen 4.17 answers it. */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/hvm.h>
#include <hv/boot.h>
#include <hv/hypercall.h>
#include <hv/version.h>
#include <xen/xen.h>
#include <xen/version.h>
#include <xen/features.h>

static uint32_t feature_submap0(const struct domain *d)
{
	/* What Xen offers a translated (HVM/PVH) guest. */
	uint32_t f = (1u << XENFEAT_writable_page_tables) |
		     (1u << XENFEAT_auto_translated_physmap) |
		     (1u << XENFEAT_hvm_callback_vector) |
		     (1u << XENFEAT_hvm_safe_pvclock) |
		     (1u << XENFEAT_memory_op_vnode_supported) |
		     (1u << XENFEAT_not_direct_mapped);

	if (d->is_privileged)
		f |= 1u << XENFEAT_dom0;
	return f;
}

long do_xen_version(struct vcpu *v, uint64_t cmd, uint64_t arg, uint64_t a3,
		    uint64_t a4, uint64_t a5)
{
	(void)a3;
	(void)a4;
	(void)a5;
	switch (cmd) {
	case XENVER_version:
		return (KRYPTON_XEN_MAJOR << 16) | KRYPTON_XEN_MINOR;
	case XENVER_extraversion: {
		xen_extraversion_t extra = { 0 };

		strlcpy(extra, KRYPTON_XEN_EXTRA, sizeof(extra));
		return copy_to_guest(v, arg, extra, sizeof(extra));
	}
	case XENVER_compile_info: {
		struct xen_compile_info ci = { 0 };

		strlcpy(ci.compiler, KRYPTON_COMPILER, sizeof(ci.compiler));
		strlcpy(ci.compile_by, "krypton", sizeof(ci.compile_by));
		strlcpy(ci.compile_domain, "krypton",
			sizeof(ci.compile_domain));
		strlcpy(ci.compile_date, KRYPTON_BUILD_DATE,
			sizeof(ci.compile_date));
		return copy_to_guest(v, arg, &ci, sizeof(ci));
	}
	case XENVER_capabilities: {
		xen_capabilities_info_t caps = { 0 };

		strlcpy(caps, "hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64",
			sizeof(caps));
		return copy_to_guest(v, arg, caps, sizeof(caps));
	}
	case XENVER_changeset: {
		xen_changeset_info_t cs = { 0 };

		strlcpy(cs, KRYPTON_CHANGESET, sizeof(cs));
		return copy_to_guest(v, arg, cs, sizeof(cs));
	}
	case XENVER_platform_parameters: {
		xen_platform_parameters_t pp = {
			.virt_start = 0xffff800000000000ULL
		};

		return copy_to_guest(v, arg, &pp, sizeof(pp));
	}
	case XENVER_get_features: {
		xen_feature_info_t fi;

		if (copy_from_guest(v, &fi, arg, sizeof(fi)))
			return -EFAULT;
		if (fi.submap_idx >= XENFEAT_NR_SUBMAPS)
			return -EINVAL;
		fi.submap = feature_submap0(v->domain);
		return copy_to_guest(v, arg, &fi, sizeof(fi));
	}
	case XENVER_pagesize:
		/* Takes no argument; Xen refuses a non-NULL one. */
		return arg ? -EINVAL : (long)PAGE_SIZE;
	case XENVER_guest_handle: {
		xen_domain_handle_t h = { 0 };

		return copy_to_guest(v, arg, h, sizeof(h));
	}
	case XENVER_commandline: {
		xen_commandline_t line = { 0 };

		if (!v->domain->is_privileged)
			return -EPERM;
		strlcpy(line, boot_info.cmdline, sizeof(line));
		return copy_to_guest(v, arg, line, sizeof(line));
	}
	}
	return -ENOSYS;
}
