// SPDX-License-Identifier: GPL-2.0-only
/*
 * The domain configuration as JSON, in the layout of Xen 4.17's
 * libxl_domain_config_to_json(): keys in libxl_types.idl order, nested
 * structs always present, every other field omitted while it still has
 * its default, enums as their lower-case names.  This file writes
 * c_info and b_info; json_devices.c writes the device arrays.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"

static const char *const type_names[] = { "invalid", NULL, "hvm", "pv", "pvh" };
static const char *const action_names[] = {
	NULL,	    "destroy",		"restart",	    "restart_rename",
	"preserve", "coredump_destroy", "coredump_restart", "soft_reset",
};
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

void vnc_json(struct jgen *g, const char *k, const struct vnc_info *v)
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

void sdl_json(struct jgen *g, const char *k, const struct sdl_info *s)
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
		j_bitmap_value(g, &maps[i]);
	j_array_close(g);
}

static void vnuma_json(struct jgen *g, const struct build_info *b)
{
	int i, k;

	if (!b->num_vnuma_nodes)
		return;
	j_key(g, "vnuma_nodes");
	j_array_open(g);
	for (i = 0; i < b->num_vnuma_nodes; i++) {
		const struct vnode_info *p = &b->vnuma_nodes[i];

		j_map_open(g);
		f_u64(g, "memkb", p->memkb, MEMKB_DEFAULT);
		if (p->num_distances) {
			j_key(g, "distances");
			j_array_open(g);
			for (k = 0; k < p->num_distances; k++)
				j_uint(g, p->distances[k]);
			j_array_close(g);
		}
		f_u64(g, "pnode", p->pnode, 0);
		f_bitmap(g, "vcpus", &p->vcpus);
		j_map_close(g);
	}
	j_array_close(g);
}

/* libxl's cpuid policy: {"cpuid": [leaves], "msr": [ ]}. */
static void cpuid_json(struct jgen *g, const struct build_info *b)
{
	static const char *const regs[] = { "eax", "ebx", "ecx", "edx" };
	int i, r;

	if (!b->num_cpuid && !b->num_cpuid_msr)
		return;
	j_key(g, "cpuid");
	j_map_open(g);
	j_key(g, "cpuid");
	j_array_open(g);
	for (i = 0; i < b->num_cpuid; i++) {
		const struct cpuid_leaf *c = &b->cpuid[i];

		j_map_open(g);
		j_key(g, "leaf");
		j_int(g, c->leaf);
		if (c->subleaf != CPUID_INPUT_UNUSED) {
			j_key(g, "subleaf");
			j_int(g, c->subleaf);
		}
		for (r = 0; r < 4; r++)
			f_str(g, regs[r], c->policy[r]);
		j_map_close(g);
	}
	j_array_close(g);
	j_key(g, "msr");
	j_array_open(g);
	for (i = 0; i < b->num_cpuid_msr; i++) {
		j_map_open(g);
		j_key(g, "index");
		j_int(g, b->cpuid_msr[i].index);
		j_key(g, "policy");
		j_string(g, b->cpuid_msr[i].policy);
		j_map_close(g);
	}
	j_array_close(g);
	j_map_close(g);
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
	if (!uuid_is_nil(h->ms_vm_genid)) {
		int i;

		j_key(g, "ms_vm_genid");
		j_array_open(g);
		for (i = 0; i < 16; i++)
			j_int(g, h->ms_vm_genid[i]);
		j_array_close(g);
	}
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
	cpuid_json(g, b);
	f_str(g, "blkdev_start", b->blkdev_start);
	vnuma_json(g, b);
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
	ENUM(g, "gic_version", b->gic_version, 0, gic_names, 0);
	ENUM(g, "vuart", b->vuart, 0, vuart_names, 0);
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
