// SPDX-License-Identifier: GPL-2.0-only
/*
 * The domain configuration as JSON, in the layout of Xen 4.17's
 * libxl_domain_config_to_json(): keys in libxl_types.idl order, nested
 * structs always present, every other field omitted while it still has
 * its default (NULL string, zero integer, the type's init value, empty
 * bitmap or list, defbool "default"), enums as their lower-case names.
 */
#include <stdlib.h>
#include <string.h>

#include "xl.h"

static void f_str(struct jgen *g, const char *k, const char *v)
{
	if (v) {
		j_key(g, k);
		j_string(g, v);
	}
}

static void f_int(struct jgen *g, const char *k, long long v, long long def)
{
	if (v != def) {
		j_key(g, k);
		j_int(g, v);
	}
}

static void f_u64(struct jgen *g, const char *k, uint64_t v, uint64_t def)
{
	if (v != def) {
		j_key(g, k);
		j_uint(g, v);
	}
}

static void f_bool(struct jgen *g, const char *k, bool v)
{
	if (v) {
		j_key(g, k);
		j_bool(g, v);
	}
}

static void f_defbool(struct jgen *g, const char *k, defbool v)
{
	if (v) {
		j_key(g, k);
		j_string(g, v > 0 ? "True" : "False");
	}
}

/* names[] is indexed by value - base. */
static void f_enum(struct jgen *g, const char *k, int v, int def,
		   const char *const *names, int base, int count)
{
	if (v == def)
		return;
	j_key(g, k);
	if (v - base >= 0 && v - base < count && names[v - base])
		j_string(g, names[v - base]);
	else
		j_null(g);
}

#define ENUM(g, k, v, def, names, base)   \
	f_enum(g, k, v, def, names, base, \
	       (int)(sizeof(names) / sizeof(names[0])))

static void bitmap_value(struct jgen *g, const struct bitmap *b)
{
	int i;

	j_array_open(g);
	for (i = 0; i < b->nbits; i++)
		if (bitmap_test(b, i))
			j_int(g, i);
	j_array_close(g);
}

static void f_bitmap(struct jgen *g, const char *k, const struct bitmap *b)
{
	if (bitmap_empty(b))
		return;
	j_key(g, k);
	bitmap_value(g, b);
}

static void f_strlist(struct jgen *g, const char *k, const struct strlist *l)
{
	int i;

	if (!l->n)
		return;
	j_key(g, k);
	j_array_open(g);
	for (i = 0; i < l->n; i++)
		j_string(g, l->v[i]);
	j_array_close(g);
}

static void f_uuid(struct jgen *g, const char *k, const uint8_t u[16])
{
	char b[40];

	if (uuid_is_nil(u))
		return;
	snprintf(b, sizeof(b),
		 "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		 "%02x%02x%02x%02x%02x%02x",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9],
		 u[10], u[11], u[12], u[13], u[14], u[15]);
	j_key(g, k);
	j_string(g, b);
}

static const char *const type_names[] = { "invalid", NULL, "hvm", "pv", "pvh" };
static const char *const action_names[] = {
	NULL,	    "destroy",		"restart",	    "restart_rename",
	"preserve", "coredump_destroy", "coredump_restart", "soft_reset",
};
static const char *const format_names[] = { "unknown", "qcow",	"qcow2", "vhd",
					    "raw",     "empty", "qed" };
static const char *const backend_names[] = { "unknown", "phy", "tap", "qdisk",
					     "standalone" };
static const char *const spec_names[] = { "unknown", "xen", "virtio" };
static const char *const nictype_names[] = { "unknown", "vif_ioemu", "vif" };
static const char *const tsc_names[] = { "default", "always_emulate", "native",
					 "native_paravirt" };
static const char *const timer_names[] = { "unknown", "delay_for_missed_ticks",
					   "no_delay_for_missed_ticks",
					   "no_missed_ticks_pending",
					   "one_missed_tick_pending" };
static const char *const bios_names[] = { "unknown", "rombios", "seabios",
					  "ovmf" };
static const char *const vga_names[] = { "unknown", "cirrus", "std", "none",
					 "qxl" };
static const char *const hdtype_names[] = { NULL, "ide", "ahci" };
static const char *const dmv_names[] = { "unknown", "qemu_xen_traditional",
					 "qemu_xen" };
static const char *const rdm_strategy_names[] = { "ignore", "host" };
static const char *const rdm_policy_names[] = { "invalid", "strict",
						"relaxed" };
static const char *const passthrough_names[] = { "default", "disabled",
						 "enabled", "sync_pt",
						 "share_pt" };
static const char *const tee_names[] = { "none", "optee" };
static const char *const altp2m_names[] = { "disabled", "mixed", "external",
					    "limited" };
static const char *const gfx_names[] = { "default", "igd" };
static const char *const vendor_names[] = { "none", "xenserver" };
static const char *const gic_names[] = { "default", "v2", "v3" };
static const char *const vuart_names[] = { "unknown", "sbsa_uart" };

static void vnc_json(struct jgen *g, const char *k, const struct vnc_info *v)
{
	j_key(g, k);
	j_map_open(g);
	f_defbool(g, "enable", v->enable);
	f_str(g, "listen", v->listen);
	f_str(g, "passwd", v->passwd);
	f_int(g, "display", v->display, 0);
	f_defbool(g, "findunused", v->findunused);
	j_map_close(g);
}

static void sdl_json(struct jgen *g, const char *k, const struct sdl_info *s)
{
	j_key(g, k);
	j_map_open(g);
	f_defbool(g, "enable", s->enable);
	f_defbool(g, "opengl", s->opengl);
	f_str(g, "display", s->display);
	f_str(g, "xauthority", s->xauthority);
	j_map_close(g);
}

static void c_info_json(struct jgen *g, const struct create_info *c)
{
	j_key(g, "c_info");
	j_map_open(g);
	ENUM(g, "type", c->type, DT_INVALID, type_names, -1);
	f_defbool(g, "hap", c->hap);
	f_defbool(g, "oos", c->oos);
	f_str(g, "ssid_label", c->ssid_label);
	f_str(g, "name", c->name);
	f_uuid(g, "uuid", c->uuid);
	f_str(g, "pool_name", c->pool_name);
	f_defbool(g, "run_hotplug_scripts", c->run_hotplug_scripts);
	f_defbool(g, "driver_domain", c->driver_domain);
	ENUM(g, "passthrough", c->passthrough, 0, passthrough_names, 0);
	f_defbool(g, "xend_suspend_evtchn_compat",
		  c->xend_suspend_evtchn_compat);
	j_map_close(g);
}

static void affinity_json(struct jgen *g, const char *k, int n,
			  const struct bitmap *maps)
{
	int i;

	if (!n || !maps)
		return;
	j_key(g, k);
	j_array_open(g);
	for (i = 0; i < n; i++)
		bitmap_value(g, &maps[i]);
	j_array_close(g);
}

static void sched_json(struct jgen *g, const struct sched_params *s)
{
	j_key(g, "sched_params");
	j_map_open(g);
	f_int(g, "weight", s->weight, -1);
	f_int(g, "cap", s->cap, -1);
	f_int(g, "period", s->period, -1);
	f_int(g, "budget", s->budget, -1);
	f_int(g, "extratime", s->extratime, -1);
	f_int(g, "slice", s->slice, -1);
	f_int(g, "latency", s->latency, -1);
	j_map_close(g);
}

static void io_json(struct jgen *g, const struct build_info *b)
{
	int i;

	if (b->num_ioports) {
		j_key(g, "ioports");
		j_array_open(g);
		for (i = 0; i < b->num_ioports; i++) {
			j_map_open(g);
			f_int(g, "first", b->ioports[i].first, 0);
			f_int(g, "number", b->ioports[i].number, 0);
			j_map_close(g);
		}
		j_array_close(g);
	}
	if (b->num_irqs) {
		j_key(g, "irqs");
		j_array_open(g);
		for (i = 0; i < b->num_irqs; i++)
			j_uint(g, b->irqs[i]);
		j_array_close(g);
	}
	if (b->num_iomem) {
		j_key(g, "iomem");
		j_array_open(g);
		for (i = 0; i < b->num_iomem; i++) {
			j_map_open(g);
			f_u64(g, "start", b->iomem[i].start, 0);
			f_u64(g, "number", b->iomem[i].number, 0);
			f_u64(g, "gfn", b->iomem[i].gfn, UINT64_MAX);
			j_map_close(g);
		}
		j_array_close(g);
	}
}

static void hvm_json(struct jgen *g, const struct hvm_info *h)
{
	const struct spice_info *s = &h->spice;

	j_key(g, "type.hvm");
	j_map_open(g);
	f_str(g, "firmware", h->firmware);
	ENUM(g, "bios", h->bios, 0, bios_names, 0);
	f_defbool(g, "pae", h->pae);
	f_defbool(g, "acpi_s3", h->acpi_s3);
	f_defbool(g, "acpi_s4", h->acpi_s4);
	f_defbool(g, "acpi_laptop_slate", h->acpi_laptop_slate);
	f_defbool(g, "nx", h->nx);
	f_defbool(g, "viridian", h->viridian);
	f_bitmap(g, "viridian_enable", &h->viridian_enable);
	f_bitmap(g, "viridian_disable", &h->viridian_disable);
	f_defbool(g, "hpet", h->hpet);
	f_defbool(g, "vpt_align", h->vpt_align);
	f_u64(g, "mmio_hole_memkb", h->mmio_hole_memkb, MEMKB_DEFAULT);
	f_defbool(g, "altp2m", h->altp2m);
	f_str(g, "system_firmware", h->system_firmware);
	f_str(g, "smbios_firmware", h->smbios_firmware);
	f_str(g, "acpi_firmware", h->acpi_firmware);
	ENUM(g, "hdtype", h->hdtype, 1, hdtype_names, 0);
	f_defbool(g, "nographic", h->nographic);
	j_key(g, "vga");
	j_map_open(g);
	ENUM(g, "kind", h->vga_kind, 0, vga_names, 0);
	j_map_close(g);
	vnc_json(g, "vnc", &h->vnc);
	f_str(g, "keymap", h->keymap);
	sdl_json(g, "sdl", &h->sdl);
	j_key(g, "spice");
	j_map_open(g);
	f_defbool(g, "enable", s->enable);
	f_int(g, "port", s->port, 0);
	f_int(g, "tls_port", s->tls_port, 0);
	f_str(g, "host", s->host);
	f_defbool(g, "disable_ticketing", s->disable_ticketing);
	f_str(g, "passwd", s->passwd);
	f_defbool(g, "agent_mouse", s->agent_mouse);
	f_defbool(g, "vdagent", s->vdagent);
	f_defbool(g, "clipboard_sharing", s->clipboard_sharing);
	f_int(g, "usbredirection", s->usbredirection, 0);
	f_str(g, "image_compression", s->image_compression);
	f_str(g, "streaming_video", s->streaming_video);
	j_map_close(g);
	f_defbool(g, "gfx_passthru", h->gfx_passthru);
	ENUM(g, "gfx_passthru_kind", h->gfx_passthru_kind, 0, gfx_names, 0);
	f_str(g, "serial", h->serial);
	f_str(g, "boot", h->boot);
	f_defbool(g, "usb", h->usb);
	f_int(g, "usbversion", h->usbversion, 0);
	f_str(g, "usbdevice", h->usbdevice);
	f_defbool(g, "vkb_device", h->vkb_device);
	f_str(g, "soundhw", h->soundhw);
	f_defbool(g, "xen_platform_pci", h->xen_platform_pci);
	f_strlist(g, "usbdevice_list", &h->usbdevice_list);
	ENUM(g, "vendor_device", h->vendor_device, 0, vendor_names, 0);
	f_strlist(g, "serial_list", &h->serial_list);
	j_key(g, "rdm");
	j_map_open(g);
	ENUM(g, "strategy", h->rdm_strategy, 0, rdm_strategy_names, 0);
	ENUM(g, "policy", h->rdm_policy, -1, rdm_policy_names, -1);
	j_map_close(g);
	f_u64(g, "rdm_mem_boundary_memkb", h->rdm_mem_boundary_memkb,
	      MEMKB_DEFAULT);
	f_u64(g, "mca_caps", h->mca_caps, 0);
	j_map_close(g);
}

static void b_info_json(struct jgen *g, const struct build_info *b)
{
	j_key(g, "b_info");
	j_map_open(g);
	f_int(g, "max_vcpus", b->max_vcpus, 0);
	f_bitmap(g, "avail_vcpus", &b->avail_vcpus);
	affinity_json(g, "vcpu_hard_affinity", b->num_vcpu_hard_affinity,
		      b->vcpu_hard_affinity);
	affinity_json(g, "vcpu_soft_affinity", b->num_vcpu_soft_affinity,
		      b->vcpu_soft_affinity);
	f_defbool(g, "numa_placement", b->numa_placement);
	ENUM(g, "tsc_mode", b->tsc_mode, 0, tsc_names, 0);
	f_u64(g, "max_memkb", b->max_memkb, MEMKB_DEFAULT);
	f_u64(g, "target_memkb", b->target_memkb, MEMKB_DEFAULT);
	f_u64(g, "video_memkb", b->video_memkb, MEMKB_DEFAULT);
	f_u64(g, "shadow_memkb", b->shadow_memkb, MEMKB_DEFAULT);
	f_u64(g, "rtc_timeoffset", b->rtc_timeoffset, 0);
	f_str(g, "exec_ssid_label", b->exec_ssid_label);
	f_defbool(g, "localtime", b->localtime);
	f_defbool(g, "disable_migrate", b->disable_migrate);
	f_str(g, "blkdev_start", b->blkdev_start);
	f_u64(g, "max_grant_frames", b->max_grant_frames, UINT32_MAX);
	f_u64(g, "max_maptrack_frames", b->max_maptrack_frames, UINT32_MAX);
	f_int(g, "max_grant_version", b->max_grant_version, -1);
	ENUM(g, "device_model_version", b->device_model_version, 0, dmv_names,
	     0);
	f_defbool(g, "device_model_stubdomain", b->device_model_stubdomain);
	f_u64(g, "stubdomain_memkb", b->stubdomain_memkb, MEMKB_DEFAULT);
	f_str(g, "stubdomain_kernel", b->stubdomain_kernel);
	f_str(g, "stubdomain_cmdline", b->stubdomain_cmdline);
	f_str(g, "stubdomain_ramdisk", b->stubdomain_ramdisk);
	f_str(g, "device_model", b->device_model);
	f_str(g, "device_model_ssid_label", b->device_model_ssid_label);
	f_str(g, "device_model_user", b->device_model_user);
	f_strlist(g, "extra", &b->extra);
	f_strlist(g, "extra_pv", &b->extra_pv);
	f_strlist(g, "extra_hvm", &b->extra_hvm);
	sched_json(g, &b->sched);
	io_json(g, b);
	f_defbool(g, "claim_mode", b->claim_mode);
	f_u64(g, "event_channels", b->event_channels, 0);
	f_str(g, "kernel", b->kernel);
	f_str(g, "cmdline", b->cmdline);
	f_str(g, "ramdisk", b->ramdisk);
	f_str(g, "device_tree", b->device_tree);
	f_defbool(g, "acpi", b->acpi);
	f_str(g, "bootloader", b->bootloader);
	f_strlist(g, "bootloader_args", &b->bootloader_args);
	ENUM(g, "timer_mode", b->timer_mode, -1, timer_names, -1);
	f_defbool(g, "nested_hvm", b->nested_hvm);
	f_defbool(g, "apic", b->apic);
	f_defbool(g, "dm_restrict", b->dm_restrict);
	ENUM(g, "tee", b->tee, 0, tee_names, 0);
	switch (b->type) {
	case DT_HVM:
		hvm_json(g, &b->hvm);
		break;
	case DT_PV:
		j_key(g, "type.pv");
		j_map_open(g);
		f_u64(g, "slack_memkb", b->pv.slack_memkb, MEMKB_DEFAULT);
		f_defbool(g, "e820_host", b->pv.e820_host);
		j_map_close(g);
		break;
	case DT_PVH:
		j_key(g, "type.pvh");
		j_map_open(g);
		f_defbool(g, "pvshim", b->pvh.pvshim);
		f_str(g, "pvshim_path", b->pvh.pvshim_path);
		f_str(g, "pvshim_cmdline", b->pvh.pvshim_cmdline);
		f_str(g, "pvshim_extra", b->pvh.pvshim_extra);
		j_map_close(g);
		break;
	default:
		j_key(g, "type.invalid");
		j_map_open(g);
		j_map_close(g);
	}
	j_key(g, "arch_arm");
	j_map_open(g);
	f_enum(g, "gic_version", b->gic_version, 0, gic_names, 0, 3);
	f_enum(g, "vuart", b->vuart, 0, vuart_names, 0, 2);
	j_map_close(g);
	j_key(g, "arch_x86");
	j_map_open(g);
	f_defbool(g, "msr_relaxed", b->msr_relaxed);
	j_map_close(g);
	ENUM(g, "altp2m", b->altp2m, 0, altp2m_names, 0);
	f_int(g, "vmtrace_buf_kb", b->vmtrace_buf_kb, 0);
	f_defbool(g, "vpmu", b->vpmu);
	j_map_close(g);
}

static void disk_fields(struct jgen *g, const struct device_disk *d)
{
	j_map_open(g);
	f_str(g, "backend_domname", d->backend_domname);
	f_str(g, "pdev_path", d->pdev_path);
	f_str(g, "vdev", d->vdev);
	ENUM(g, "backend", d->backend, 0, backend_names, 0);
	ENUM(g, "format", d->format, 0, format_names, 0);
	f_str(g, "script", d->script);
	f_int(g, "removable", d->removable, 0);
	f_int(g, "readwrite", d->readwrite, 0);
	f_int(g, "is_cdrom", d->is_cdrom, 0);
	f_bool(g, "direct_io_safe", d->direct_io_safe);
	f_defbool(g, "discard_enable", d->discard_enable);
	ENUM(g, "specification", d->specification, 0, spec_names, 0);
	f_defbool(g, "colo_enable", d->colo_enable);
	f_str(g, "colo_host", d->colo_host);
	f_int(g, "colo_port", d->colo_port, 0);
	f_str(g, "colo_export", d->colo_export);
	f_str(g, "active_disk", d->active_disk);
	f_str(g, "hidden_disk", d->hidden_disk);
	f_defbool(g, "trusted", d->trusted);
	j_map_close(g);
}

static void nic_fields(struct jgen *g, const struct device_nic *n)
{
	static const uint8_t zero[6];
	char mac[24];

	j_map_open(g);
	f_str(g, "backend_domname", n->backend_domname);
	f_int(g, "devid", n->devid, -1);
	f_int(g, "mtu", n->mtu, 0);
	f_str(g, "model", n->model);
	if (memcmp(n->mac, zero, 6)) {
		snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
			 n->mac[0], n->mac[1], n->mac[2], n->mac[3], n->mac[4],
			 n->mac[5]);
		j_key(g, "mac");
		j_string(g, mac);
	}
	f_str(g, "ip", n->ip);
	f_str(g, "bridge", n->bridge);
	f_str(g, "ifname", n->ifname);
	f_str(g, "script", n->script);
	ENUM(g, "nictype", n->nictype, 0, nictype_names, 0);
	f_u64(g, "rate_bytes_per_interval", n->rate_bytes_per_interval, 0);
	f_u64(g, "rate_interval_usecs", n->rate_interval_usecs, 0);
	f_str(g, "gatewaydev", n->gatewaydev);
	f_str(g, "coloft_forwarddev", n->coloft_forwarddev);
	f_defbool(g, "trusted", n->trusted);
	j_map_close(g);
}

static void pci_fields(struct jgen *g, const struct device_pci *p)
{
	j_map_open(g);
	f_int(g, "func", p->func, 0);
	f_int(g, "dev", p->dev, 0);
	f_int(g, "bus", p->bus, 0);
	f_int(g, "domain", p->domain, 0);
	f_u64(g, "vdevfn", p->vdevfn, 0);
	f_u64(g, "vfunc_mask", p->vfunc_mask, 0);
	f_bool(g, "msitranslate", p->msitranslate);
	f_bool(g, "power_mgmt", p->power_mgmt);
	f_bool(g, "permissive", p->permissive);
	f_bool(g, "seize", p->seize);
	ENUM(g, "rdm_policy", p->rdm_policy, -1, rdm_policy_names, -1);
	f_str(g, "name", p->name);
	j_map_close(g);
}

static void devices_json(struct jgen *g, const struct domain_config *dc)
{
	int i;

	if (dc->num_disks) {
		j_key(g, "disks");
		j_array_open(g);
		for (i = 0; i < dc->num_disks; i++)
			disk_fields(g, &dc->disks[i]);
		j_array_close(g);
	}
	if (dc->num_nics) {
		j_key(g, "nics");
		j_array_open(g);
		for (i = 0; i < dc->num_nics; i++)
			nic_fields(g, &dc->nics[i]);
		j_array_close(g);
	}
	if (dc->num_pcidevs) {
		j_key(g, "pcidevs");
		j_array_open(g);
		for (i = 0; i < dc->num_pcidevs; i++)
			pci_fields(g, &dc->pcidevs[i]);
		j_array_close(g);
	}
	if (dc->num_dtdevs) {
		j_key(g, "dtdevs");
		j_array_open(g);
		for (i = 0; i < dc->num_dtdevs; i++) {
			j_map_open(g);
			f_str(g, "path", dc->dtdevs[i]);
			j_map_close(g);
		}
		j_array_close(g);
	}
	if (dc->num_vfbs) {
		j_key(g, "vfbs");
		j_array_open(g);
		for (i = 0; i < dc->num_vfbs; i++) {
			const struct device_vfb *v = &dc->vfbs[i];

			j_map_open(g);
			f_str(g, "backend_domname", v->backend_domname);
			f_int(g, "devid", v->devid, -1);
			vnc_json(g, "vnc", &v->vnc);
			sdl_json(g, "sdl", &v->sdl);
			f_str(g, "keymap", v->keymap);
			j_map_close(g);
		}
		j_array_close(g);
	}
	if (dc->num_vkbs) {
		j_key(g, "vkbs");
		j_array_open(g);
		for (i = 0; i < dc->num_vkbs; i++) {
			j_map_open(g);
			f_int(g, "devid", dc->vkbs[i].devid, -1);
			j_map_close(g);
		}
		j_array_close(g);
	}
	if (dc->num_vtpms) {
		j_key(g, "vtpms");
		j_array_open(g);
		for (i = 0; i < dc->num_vtpms; i++) {
			j_map_open(g);
			f_str(g, "backend_domname",
			      dc->vtpms[i].backend_domname);
			f_int(g, "devid", dc->vtpms[i].devid, -1);
			f_uuid(g, "uuid", dc->vtpms[i].uuid);
			j_map_close(g);
		}
		j_array_close(g);
	}
	if (dc->num_p9s) {
		j_key(g, "p9s");
		j_array_open(g);
		for (i = 0; i < dc->num_p9s; i++) {
			const struct device_p9 *p = &dc->p9s[i];

			j_map_open(g);
			f_str(g, "backend_domname", p->backend_domname);
			f_str(g, "tag", p->tag);
			f_str(g, "path", p->path);
			f_str(g, "security_model", p->security_model);
			f_int(g, "devid", p->devid, -1);
			j_map_close(g);
		}
		j_array_close(g);
	}
	if (dc->num_channels) {
		j_key(g, "channels");
		j_array_open(g);
		for (i = 0; i < dc->num_channels; i++) {
			const struct device_channel *c = &dc->channels[i];

			j_map_open(g);
			f_str(g, "backend_domname", c->backend_domname);
			f_int(g, "devid", c->devid, -1);
			f_str(g, "name", c->name);
			j_key(g, c->connection == CHAN_PTY ? "connection.pty"
				 : c->connection == CHAN_SOCKET
					 ? "connection.socket"
					 : "connection.unknown");
			j_map_open(g);
			if (c->connection == CHAN_SOCKET)
				f_str(g, "path", c->path);
			j_map_close(g);
			j_map_close(g);
		}
		j_array_close(g);
	}
}

char *domain_config_to_json(const struct domain_config *dc)
{
	struct jgen *g = jgen_new();
	char *out;

	j_map_open(g);
	c_info_json(g, &dc->c);
	b_info_json(g, &dc->b);
	devices_json(g, dc);
	ENUM(g, "on_poweroff", dc->on_poweroff, ACT_DESTROY, action_names, 0);
	ENUM(g, "on_reboot", dc->on_reboot, ACT_DESTROY, action_names, 0);
	ENUM(g, "on_watchdog", dc->on_watchdog, ACT_DESTROY, action_names, 0);
	ENUM(g, "on_crash", dc->on_crash, ACT_DESTROY, action_names, 0);
	ENUM(g, "on_soft_reset", dc->on_soft_reset, ACT_DESTROY, action_names,
	     0);
	j_map_close(g);
	out = xstrdup(jgen_buf(g));
	jgen_free(g);
	return out;
}

char *disk_to_json(const struct device_disk *d)
{
	struct jgen *g = jgen_new();
	char *out;

	disk_fields(g, d);
	out = xstrdup(jgen_buf(g));
	jgen_free(g);
	return out;
}

char *nic_to_json(const struct device_nic *n)
{
	struct jgen *g = jgen_new();
	char *out;

	nic_fields(g, n);
	out = xstrdup(jgen_buf(g));
	jgen_free(g);
	return out;
}
