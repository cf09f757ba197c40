// SPDX-License-Identifier: GPL-2.0-only
/*
 * Display and device-model settings: vnc*, sdl*, vga, spice*, serial,
 * usb*, device_model_*, stubdomain_*; for PV guests the top-level vnc=
 * becomes a virtual framebuffer, as in Xen.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static void parse_top_vnc(struct cfg *cfg, struct vnc_info *v)
{
	long l;

	cfg_get_defbool(cfg, "vnc", &v->enable, 0);
	cfg_replace_string(cfg, "vnclisten", &v->listen, 0);
	cfg_replace_string(cfg, "vncpasswd", &v->passwd, 0);
	if (!cfg_get_long(cfg, "vncdisplay", &l, 0))
		v->display = (int)l;
	cfg_get_defbool(cfg, "vncunused", &v->findunused, 0);
}

static void parse_top_sdl(struct cfg *cfg, struct sdl_info *s)
{
	cfg_get_defbool(cfg, "sdl", &s->enable, 0);
	cfg_get_defbool(cfg, "opengl", &s->opengl, 0);
	cfg_replace_string(cfg, "display", &s->display, 0);
	cfg_replace_string(cfg, "xauthority", &s->xauthority, 0);
}

/* A list, or (deprecated) a single string, e.g. serial= and usbdevice=. */
static void list_or_string(struct cfg *cfg, const char *key, struct strlist *l,
			   char **str)
{
	struct cfg_value *list;
	int i, e = cfg_get_list(cfg, key, &list, 1);

	if (!e) {
		/* Like Xen's string lists: up to the first non-string. */
		for (i = 0; i < list->n && cfg_list_item(list, i); i++)
			strlist_add(l, cfg_list_item(list, i));
	} else if (e == EINVAL) {
		cfg_replace_string(cfg, key, str, 0);
	}
}

static void parse_dm_args(struct cfg *cfg, const char *key, struct strlist *l)
{
	struct cfg_value *list;
	int i;

	if (cfg_get_list(cfg, key, &list, 0))
		return;
	for (i = 0; i < list->n && cfg_list_item(list, i); i++)
		strlist_add(l, cfg_list_item(list, i));
}

static void parse_hvm_display(struct cfg *cfg, struct hvm_info *h)
{
	struct spice_info *s = &h->spice;
	const char *buf;
	long l;

	if (!cfg_get_string(cfg, "vga", &buf, 0)) {
		if (!strcmp(buf, "stdvga"))
			h->vga_kind = 2;
		else if (!strcmp(buf, "cirrus"))
			h->vga_kind = 1;
		else if (!strcmp(buf, "none"))
			h->vga_kind = 3;
		else if (!strcmp(buf, "qxl"))
			h->vga_kind = 4;
		else
			herr(cfg, "vga",
			     "unknown vga (expected stdvga, cirrus, none or "
			     "qxl)");
	} else if (!cfg_get_long(cfg, "stdvga", &l, 0)) {
		h->vga_kind = l ? 2 : 1;
	}
	if (!cfg_get_string(cfg, "hdtype", &buf, 0)) {
		if (!strcasecmp(buf, "ide"))
			h->hdtype = 1;
		else if (!strcasecmp(buf, "ahci"))
			h->hdtype = 2;
		else
			herr(cfg, "hdtype",
			     "invalid hdtype (expected ide or ahci)");
	}
	cfg_replace_string(cfg, "keymap", &h->keymap, 0);
	cfg_get_defbool(cfg, "spice", &s->enable, 0);
	if (!cfg_get_long(cfg, "spiceport", &l, 0))
		s->port = (int)l;
	if (!cfg_get_long(cfg, "spicetls_port", &l, 0))
		s->tls_port = (int)l;
	cfg_replace_string(cfg, "spicehost", &s->host, 0);
	cfg_get_defbool(cfg, "spicedisable_ticketing", &s->disable_ticketing,
			0);
	cfg_replace_string(cfg, "spicepasswd", &s->passwd, 0);
	cfg_get_defbool(cfg, "spiceagent_mouse", &s->agent_mouse, 0);
	cfg_get_defbool(cfg, "spicevdagent", &s->vdagent, 0);
	cfg_get_defbool(cfg, "spice_clipboard_sharing", &s->clipboard_sharing,
			0);
	if (!cfg_get_long(cfg, "spiceusbredirection", &l, 0))
		s->usbredirection = (int)l;
	cfg_replace_string(cfg, "spice_image_compression",
			   &s->image_compression, 0);
	cfg_replace_string(cfg, "spice_streaming_video", &s->streaming_video,
			   0);
	cfg_get_defbool(cfg, "nographic", &h->nographic, 0);
	if (!cfg_get_long(cfg, "gfx_passthru", &l, 1)) {
		DB_SET(h->gfx_passthru, l);
	} else if (!cfg_get_string(cfg, "gfx_passthru", &buf, 0)) {
		if (!strcasecmp(buf, "igd"))
			h->gfx_passthru_kind = 1;
		else if (strcasecmp(buf, "default"))
			herr(cfg, "gfx_passthru",
			     "invalid gfx_passthru (expected 0, 1, "
			     "\"default\" or \"igd\")");
		h->gfx_passthru = 1;
	}
	list_or_string(cfg, "serial", &h->serial_list, &h->serial);
	cfg_replace_string(cfg, "boot", &h->boot, 0);
	cfg_get_defbool(cfg, "usb", &h->usb, 0);
	if (!cfg_get_long(cfg, "usbversion", &l, 0))
		h->usbversion = (int)l;
	list_or_string(cfg, "usbdevice", &h->usbdevice_list, &h->usbdevice);
	cfg_get_defbool(cfg, "vkb_device", &h->vkb_device, 0);
	cfg_replace_string(cfg, "soundhw", &h->soundhw, 0);
	cfg_get_defbool(cfg, "xen_platform_pci", &h->xen_platform_pci, 0);
	if (h->vnc.listen && h->vnc.display && strchr(h->vnc.listen, ':'))
		herr(cfg, "vnclisten",
		     "display specified both in vnclisten and vncdisplay");
	if (!cfg_get_string(cfg, "vendor_device", &buf, 0)) {
		if (!strcasecmp(buf, "xenserver"))
			h->vendor_device = 1;
		else if (strcasecmp(buf, "none"))
			herr(cfg, "vendor_device",
			     "unknown vendor_device (expected xenserver or "
			     "none)");
	}
}

/* Device model and display settings; runs after vfb= is parsed. */
void parse_display(struct cfg *cfg, struct domain_config *dc)
{
	struct build_info *b = &dc->b;
	const char *buf;
	long l;

	if (!cfg_get_string(cfg, "device_model", &buf, 0))
		hwarn(cfg, "device_model",
		      "ignoring device_model; use device_model_override for "
		      "a non-default device model");
	cfg_replace_string(cfg, "device_model_override", &b->device_model, 0);
	if (!cfg_get_string(cfg, "device_model_version", &buf, 0)) {
		if (!strcmp(buf, "qemu-xen-traditional"))
			b->device_model_version = 1;
		else if (!strcmp(buf, "qemu-xen"))
			b->device_model_version = 2;
		else
			herr(cfg, "device_model_version",
			     "unknown device_model_version (expected "
			     "qemu-xen or qemu-xen-traditional)");
	} else if (b->device_model) {
		hwarn(cfg, "device_model_override",
		      "device model override given without specific DM "
		      "version");
	}
	cfg_get_defbool(cfg, "device_model_stubdomain_override",
			&b->device_model_stubdomain, 0);
	cfg_replace_string(cfg, "device_model_stubdomain_seclabel",
			   &b->device_model_ssid_label, 0);
	cfg_replace_string(cfg, "device_model_user", &b->device_model_user, 0);
	cfg_replace_string(cfg, "stubdomain_kernel", &b->stubdomain_kernel, 0);
	cfg_replace_string(cfg, "stubdomain_cmdline", &b->stubdomain_cmdline,
			   0);
	cfg_replace_string(cfg, "stubdomain_ramdisk", &b->stubdomain_ramdisk,
			   0);
	if (!cfg_get_bounded_long(cfg, "stubdomain_memory", 0, MAX_MIB, &l, 0))
		b->stubdomain_memkb = (uint64_t)l * 1024;
	parse_dm_args(cfg, "device_model_args", &b->extra);
	parse_dm_args(cfg, "device_model_args_pv", &b->extra_pv);
	parse_dm_args(cfg, "device_model_args_hvm", &b->extra_hvm);

	if (dc->c.type == DT_PV && !dc->num_vfbs) {
		/* PV: top-level vnc= makes a vfb (and its keyboard). */
		if (!cfg_get_long(cfg, "vnc", &l, 0) && l) {
			struct device_vfb *v =
				ARRAY_GROW(dc->vfbs, dc->num_vfbs);
			struct device_vkb *k =
				ARRAY_GROW(dc->vkbs, dc->num_vkbs);

			memset(v, 0, sizeof(*v));
			memset(k, 0, sizeof(*k));
			v->devid = dc->num_vfbs - 1;
			k->devid = dc->num_vkbs - 1;
			parse_top_vnc(cfg, &v->vnc);
			parse_top_sdl(cfg, &v->sdl);
			cfg_replace_string(cfg, "keymap", &v->keymap, 0);
		}
	} else if (dc->c.type == DT_HVM) {
		parse_top_vnc(cfg, &b->hvm.vnc);
		parse_top_sdl(cfg, &b->hvm.sdl);
	}
	cfg_get_defbool(cfg, "dm_restrict", &b->dm_restrict, 0);
	if (dc->c.type == DT_HVM)
		parse_hvm_display(cfg, &b->hvm);
}
