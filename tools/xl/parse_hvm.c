// SPDX-License-Identifier: GPL-2.0-only
/*
 * HVM guest options (firmware, platform features, viridian, MMIO hole)
 * and the display / device-model options shared by all guest types.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <stdint.h>

#define __XEN_TOOLS__ 1
#include <xen/xen.h>
#include <xen/hvm/e820.h>
#include <xen/hvm/params.h>

#include "xl.h"

static void herr(struct cfg *cfg, const char *key, const char *msg)
{
	cfg_report(cfg, key ? cfg_setting_line(cfg, key) : 0, "error", "%s",
		   msg);
	cfg->nerrors++;
}

static void hwarn(struct cfg *cfg, const char *key, const char *msg)
{
	cfg_report(cfg, key ? cfg_setting_line(cfg, key) : 0, "warning", "%s",
		   msg);
	cfg->nwarnings++;
}

static int bios_from_string(const char *s)
{
	static const char *const n[] = { "unknown", "rombios", "seabios",
					 "ovmf" };
	int i;

	for (i = 0; i < 4; i++)
		if (!strcasecmp(s, n[i]))
			return i;
	return -1;
}

static const char *const viridian_names[] = {
	"base",
	"freq",
	"time_ref_count",
	"reference_tsc",
	"hcall_remote_tlb_flush",
	"apic_assist",
	"crash_ctl",
	"synic",
	"stimer",
	"hcall_ipi",
	"ex_processor_masks",
	"no_vp_limit",
	"cpu_hotplug",
};
#define VIRIDIAN_WIDTH \
	64 /* LIBXL_BUILDINFO_HVM_VIRIDIAN_ENABLE_DISABLE_WIDTH */

static void parse_viridian(struct cfg *cfg, struct hvm_info *h)
{
	struct cfg_value *list;
	int i, e = cfg_get_list(cfg, "viridian", &list, 1);

	if (e == EINVAL) {
		cfg_get_defbool(cfg, "viridian", &h->viridian, 0);
		return;
	}
	if (e)
		return;
	if (list->n) {
		bitmap_alloc(&h->viridian_enable, VIRIDIAN_WIDTH);
		bitmap_alloc(&h->viridian_disable, VIRIDIAN_WIDTH);
	}
	for (i = 0; i < list->n; i++) {
		const char *buf = cfg_list_item(list, i);
		struct bitmap *s = &h->viridian_enable;
		struct bitmap *r = &h->viridian_disable;
		size_t k;
		bool found = false;

		if (!buf)
			continue;
		if (!strcmp(buf, "all")) {
			bitmap_set_any(&h->viridian_enable);
			continue;
		}
		if (!strcmp(buf, "defaults")) {
			h->viridian = 1;
			continue;
		}
		if (*buf == '!') {
			s = &h->viridian_disable;
			r = &h->viridian_enable;
			buf++;
		}
		for (k = 0;
		     k < sizeof(viridian_names) / sizeof(*viridian_names); k++)
			if (!strcasecmp(buf, viridian_names[k])) {
				bitmap_set(s, (int)k);
				bitmap_reset(r, (int)k);
				found = true;
			}
		if (!found) {
			char msg[128];

			snprintf(msg, sizeof(msg),
				 "unknown viridian enlightenment `%s'", buf);
			herr(cfg, "viridian", msg);
		}
	}
}

static void parse_firmware(struct cfg *cfg, struct hvm_info *h)
{
	const char *buf;
	int b;

	if (cfg_get_string(cfg, "firmware", &buf, 0))
		return;
	b = bios_from_string(buf);
	if (b >= 0) {
		h->bios = b;
		return;
	}
	if (!strncmp(buf, "uefi", strlen(buf)))
		h->bios = 3;
	else if (strncmp(buf, "bios", strlen(buf)))
		replace_string(&h->firmware, buf); /* a path */
}

int parse_hvm_options(struct cfg *cfg, struct domain_config *dc)
{
	struct build_info *b = &dc->b;
	struct hvm_info *h = &b->hvm;
	struct cfg_value *list;
	const char *buf;
	long l;
	int i;

	if (b->kernel) {
		const char *base = strrchr(b->kernel, '/');

		base = base ? base + 1 : b->kernel;
		if (!strcmp(base, "hvmloader")) {
			hwarn(cfg, "kernel",
			      "ignoring kernel=\"hvmloader\": use "
			      "firmware_override for a non-default firmware");
			free(b->kernel);
			b->kernel = NULL;
		}
	}
	cfg_replace_string(cfg, "firmware_override", &h->firmware, 0);
	cfg_replace_string(cfg, "bios_path_override", &h->system_firmware, 0);
	if (!cfg_get_string(cfg, "bios", &buf, 0)) {
		int v = bios_from_string(buf);

		if (v < 0) {
			char msg[128];

			snprintf(msg, sizeof(msg),
				 "invalid bios `%s' (expected rombios, "
				 "seabios or ovmf)",
				 buf);
			herr(cfg, "bios", msg);
		} else {
			h->bios = v;
		}
	} else if (h->system_firmware) {
		hwarn(cfg, "bios_path_override",
		      "bios_path_override given without specific bios name");
	}
	cfg_get_defbool(cfg, "pae", &h->pae, 0);
	cfg_get_defbool(cfg, "acpi_s3", &h->acpi_s3, 0);
	cfg_get_defbool(cfg, "acpi_s4", &h->acpi_s4, 0);
	cfg_get_defbool(cfg, "acpi_laptop_slate", &h->acpi_laptop_slate, 0);
	cfg_get_defbool(cfg, "nx", &h->nx, 0);
	cfg_get_defbool(cfg, "hpet", &h->hpet, 0);
	cfg_get_defbool(cfg, "vpt_align", &h->vpt_align, 0);
	cfg_get_defbool(cfg, "apic", &b->apic, 0);
	parse_viridian(cfg, h);
	if (!cfg_get_long(cfg, "mmio_hole", &l, 0)) {
		uint64_t bytes = (uint64_t)l * 1024 * 1024;

		h->mmio_hole_memkb = (uint64_t)l * 1024;
		if (l < 0 || bytes < HVM_BELOW_4G_MMIO_LENGTH ||
		    bytes > HVM_BELOW_4G_MMIO_START)
			herr(cfg, "mmio_hole",
			     "invalid mmio_hole: it must be between 256 and "
			     "3840 (MiB)");
	}
	if (!cfg_get_defbool(cfg, "altp2mhvm", &h->altp2m, 0))
		hwarn(cfg, "altp2mhvm",
		      "\"altp2mhvm\" is deprecated, use \"altp2m\"");
	cfg_replace_string(cfg, "smbios_firmware", &h->smbios_firmware, 0);
	cfg_replace_string(cfg, "acpi_firmware", &h->acpi_firmware, 0);
	if (!cfg_get_string(cfg, "ms_vm_genid", &buf, 0)) {
		if (!strcmp(buf, "generate")) {
			/* A random, non-zero VM generation ID. */
			do
				random_bytes(h->ms_vm_genid, 16);
			while (uuid_is_nil(h->ms_vm_genid));
		} else if (strcmp(buf, "none")) {
			herr(cfg, "ms_vm_genid",
			     "ms_vm_genid must be \"generate\" or \"none\"");
		}
	}
	if (!cfg_get_bounded_long(cfg, "rdm_mem_boundary", 0, MAX_MIB, &l, 0))
		h->rdm_mem_boundary_memkb = (uint64_t)l * 1024;
	if (!cfg_get_list(cfg, "mca_caps", &list, 0)) {
		for (i = 0; i < list->n; i++) {
			buf = cfg_list_item(list, i);
			if (buf && !strcmp(buf, "lmce")) {
				h->mca_caps |= XEN_HVM_MCA_CAP_LMCE;
			} else {
				char msg[128];

				snprintf(msg, sizeof(msg),
					 "unrecognized MCA capability `%s'",
					 buf ? buf : "[list]");
				herr(cfg, "mca_caps", msg);
			}
		}
	}
	parse_firmware(cfg, h);
	return 0;
}
