// SPDX-License-Identifier: GPL-2.0-only
/*
 * Typed lookups over parsed settings, with libxlu's conventions: 0 when
 * found and valid, ESRCH when absent, EINVAL when present but of the
 * wrong kind.  With quiet == 0 a wrong value is reported as an error
 * (Xen only warns and then ignores the value; Krypton refuses the
 * configuration instead of silently using a default).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

struct cfg_setting *cfg_find(struct cfg *cfg, const char *name)
{
	struct cfg_setting *s;

	for (s = cfg->settings; s; s = s->next)
		if (!strcmp(s->name, name)) {
			s->used = true;
			return s;
		}
	return NULL;
}

int cfg_setting_line(struct cfg *cfg, const char *name)
{
	struct cfg_setting *s = cfg_find(cfg, name);

	return s ? s->line : 0;
}

static int find_atom(struct cfg *cfg, const char *name,
		     struct cfg_setting **out, int quiet)
{
	struct cfg_setting *s = cfg_find(cfg, name);

	if (!s)
		return ESRCH;
	if (s->value->type != CV_STRING) {
		if (!quiet) {
			cfg_report(cfg, s->line, "error",
				   "parameter `%s' is a list but should be a "
				   "single value",
				   name);
			cfg->nerrors++;
		}
		return EINVAL;
	}
	*out = s;
	return 0;
}

int cfg_get_string(struct cfg *cfg, const char *name, const char **out,
		   int quiet)
{
	struct cfg_setting *s;
	int e = find_atom(cfg, name, &s, quiet);

	if (e)
		return e;
	*out = s->value->str;
	return 0;
}

int cfg_replace_string(struct cfg *cfg, const char *name, char **out, int quiet)
{
	const char *v;
	int e = cfg_get_string(cfg, name, &v, quiet);

	if (e)
		return e;
	replace_string(out, v);
	return 0;
}

int cfg_get_bounded_long(struct cfg *cfg, const char *name, long min, long max,
			 long *out, int quiet)
{
	struct cfg_setting *s;
	const char *str;
	char *ep;
	long l;
	int e = find_atom(cfg, name, &s, quiet);

	if (e)
		return e;
	str = s->value->str;
	if (s->op == CFG_ADD) {
		if (!quiet) {
			cfg_report(cfg, s->line, "error",
				   "can't use += with numbers for parameter "
				   "`%s'",
				   name);
			cfg->nerrors++;
		}
		return EINVAL;
	}
	errno = 0;
	l = strtol(str, &ep, 0);
	if (errno) {
		e = errno;
		if (!quiet) {
			cfg_report(cfg, s->line, "error",
				   "parameter `%s' could not be parsed as a "
				   "number: %s",
				   name, strerror(e));
			cfg->nerrors++;
		}
		return e;
	}
	if (*ep || ep == str) {
		if (!quiet) {
			cfg_report(cfg, s->line, "error",
				   "parameter `%s' is not a valid number: "
				   "`%s'",
				   name, str);
			cfg->nerrors++;
		}
		return EINVAL;
	}
	if (l < min || l > max) {
		if (!quiet) {
			cfg_report(cfg, s->line, "error",
				   "value `%ld' of `%s' is out of range "
				   "[%ld, %ld]",
				   l, name, min, max);
			cfg->nerrors++;
		}
		return EINVAL;
	}
	*out = l;
	return 0;
}

int cfg_get_long(struct cfg *cfg, const char *name, long *out, int quiet)
{
	return cfg_get_bounded_long(cfg, name, LONG_MIN, LONG_MAX, out, quiet);
}

int cfg_get_defbool(struct cfg *cfg, const char *name, int8_t *out, int quiet)
{
	long l;
	int e = cfg_get_long(cfg, name, &l, quiet);

	if (e)
		return e;
	DB_SET(*out, l);
	return 0;
}

int cfg_get_list(struct cfg *cfg, const char *name, struct cfg_value **out,
		 int quiet)
{
	struct cfg_setting *s = cfg_find(cfg, name);

	if (!s)
		return ESRCH;
	if (s->value->type != CV_LIST) {
		if (!quiet) {
			cfg_report(cfg, s->line, "error",
				   "parameter `%s' is a single value but "
				   "should be a list",
				   name);
			cfg->nerrors++;
		}
		return EINVAL;
	}
	if (out)
		*out = s->value;
	return 0;
}

const char *cfg_list_item(const struct cfg_value *list, int i)
{
	if (i < 0 || i >= list->n || list->items[i]->type != CV_STRING)
		return NULL;
	return list->items[i]->str;
}

/* Every option xl.cfg(5) documents for Xen 4.17, applicable or not. */
static const char *const known_keys[] = {
	"acpi",
	"acpi_firmware",
	"acpi_laptop_slate",
	"acpi_s3",
	"acpi_s4",
	"altp2m",
	"altp2mhvm",
	"apic",
	"bios",
	"bios_path_override",
	"boot",
	"bootloader",
	"bootloader_args",
	"builder",
	"cap",
	"channel",
	"cmdline",
	"cpu_weight",
	"cpuid",
	"cpus",
	"cpus_soft",
	"device_model",
	"device_model_args",
	"device_model_args_hvm",
	"device_model_args_pv",
	"device_model_override",
	"device_model_stubdomain_override",
	"device_model_stubdomain_seclabel",
	"device_model_user",
	"device_model_version",
	"device_tree",
	"disk",
	"display",
	"dm_restrict",
	"driver_domain",
	"dtdev",
	"e820_host",
	"extra",
	"extratime",
	"firmware",
	"firmware_override",
	"gfx_passthru",
	"gic_version",
	"hap",
	"hdtype",
	"hpet",
	"init_seclabel",
	"iomem",
	"ioports",
	"irqs",
	"kernel",
	"keymap",
	"latency",
	"localtime",
	"max_event_channels",
	"max_grant_frames",
	"max_grant_version",
	"max_maptrack_frames",
	"maxmem",
	"maxvcpus",
	"mca_caps",
	"memory",
	"mmio_hole",
	"ms_vm_genid",
	"msr_relaxed",
	"name",
	"nestedhvm",
	"nographic",
	"nomigrate",
	"nx",
	"on_crash",
	"on_poweroff",
	"on_reboot",
	"on_soft_reset",
	"on_watchdog",
	"oos",
	"opengl",
	"p9",
	"pae",
	"passthrough",
	"pci",
	"pci_msitranslate",
	"pci_permissive",
	"pci_power_mgmt",
	"pci_seize",
	"period",
	"pool",
	"pvcalls",
	"pvshim",
	"pvshim_cmdline",
	"pvshim_extra",
	"pvshim_path",
	"ramdisk",
	"rdm",
	"rdm_mem_boundary",
	"root",
	"rtc_timeoffset",
	"sdl",
	"seclabel",
	"serial",
	"shadow_memory",
	"slice",
	"smbios_firmware",
	"soundhw",
	"spice",
	"spice_clipboard_sharing",
	"spice_image_compression",
	"spice_streaming_video",
	"spiceagent_mouse",
	"spicedisable_ticketing",
	"spicehost",
	"spicepasswd",
	"spiceport",
	"spicetls_port",
	"spiceusbredirection",
	"spicevdagent",
	"stdvga",
	"stubdomain_cmdline",
	"stubdomain_kernel",
	"stubdomain_memory",
	"stubdomain_ramdisk",
	"tee",
	"timer_mode",
	"tsc_mode",
	"type",
	"usb",
	"usbctrl",
	"usbdev",
	"usbdevice",
	"usbversion",
	"uuid",
	"vcpus",
	"vdispl",
	"vendor_device",
	"vfb",
	"vga",
	"videoram",
	"vif",
	"vif2",
	"viridian",
	"vkb",
	"vkb_device",
	"vmtrace_buf_kb",
	"vnc",
	"vncdisplay",
	"vnclisten",
	"vncpasswd",
	"vncunused",
	"vncviewer",
	"vnuma",
	"vpmu",
	"vpt_align",
	"vsnd",
	"vtpm",
	"vuart",
	"xauthority",
	"xen_platform_pci",
	"xend_suspend_evtchn_compat",
};

void cfg_warn_unknown(struct cfg *cfg)
{
	struct cfg_setting *s, *t;
	size_t i;

	for (s = cfg->settings; s; s = s->next) {
		bool known = false, later = false;

		for (i = 0; i < sizeof(known_keys) / sizeof(known_keys[0]); i++)
			if (!strcmp(s->name, known_keys[i]))
				known = true;
		if (known)
			continue;
		/* Warn once per name, at its first (oldest) assignment. */
		for (t = s->next; t; t = t->next)
			if (!strcmp(t->name, s->name))
				later = true;
		if (later)
			continue;
		cfg_report(cfg, s->line, "warning",
			   "unknown option `%s' ignored", s->name);
		cfg->nwarnings++;
	}
}
