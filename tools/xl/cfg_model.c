// SPDX-License-Identifier: GPL-2.0-only
/*
 * The typed domain model: initialisation to libxl's defaults, disposal,
 * and the small containers it is built from (bitmaps, string lists).
 */
#include <stdlib.h>
#include <string.h>

#include "xl.h"

void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);

	if (!p) {
		fprintf(stderr, "xl: out of memory\n");
		exit(1);
	}
	return p;
}

void *xrealloc(void *p, size_t sz)
{
	p = realloc(p, sz ? sz : 1);
	if (!p) {
		fprintf(stderr, "xl: out of memory\n");
		exit(1);
	}
	return p;
}

char *xstrdup(const char *s)
{
	char *r;

	if (!s)
		return NULL;
	r = strdup(s);
	if (!r) {
		fprintf(stderr, "xl: out of memory\n");
		exit(1);
	}
	return r;
}

void replace_string(char **dst, const char *val)
{
	free(*dst);
	*dst = xstrdup(val);
}

void strlist_add(struct strlist *l, const char *s)
{
	*ARRAY_GROW(l->v, l->n) = xstrdup(s);
}

void strlist_free(struct strlist *l)
{
	int i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Like libxl, a bitmap is a whole number of bytes. */
int bitmap_alloc(struct bitmap *b, int nbits)
{
	int bytes = (nbits + 7) / 8;

	free(b->map);
	b->map = xcalloc(bytes ? bytes : 1, 1);
	b->nbits = bytes * 8;
	return 0;
}

void bitmap_free(struct bitmap *b)
{
	free(b->map);
	b->map = NULL;
	b->nbits = 0;
}

void bitmap_set(struct bitmap *b, int bit)
{
	if (bit >= 0 && bit < b->nbits)
		b->map[bit / 8] |= 1u << (bit % 8);
}

void bitmap_reset(struct bitmap *b, int bit)
{
	if (bit >= 0 && bit < b->nbits)
		b->map[bit / 8] &= ~(1u << (bit % 8));
}

bool bitmap_test(const struct bitmap *b, int bit)
{
	return bit >= 0 && bit < b->nbits && (b->map[bit / 8] >> (bit % 8)) & 1;
}

void bitmap_set_any(struct bitmap *b)
{
	if (b->map)
		memset(b->map, 0xff, b->nbits / 8);
}

bool bitmap_empty(const struct bitmap *b)
{
	int i;

	for (i = 0; i < b->nbits; i++)
		if (bitmap_test(b, i))
			return false;
	return true;
}

void vnc_init(struct vnc_info *v)
{
	memset(v, 0, sizeof(*v));
}

void sdl_init(struct sdl_info *s)
{
	memset(s, 0, sizeof(*s));
}

void disk_init(struct device_disk *d)
{
	memset(d, 0, sizeof(*d));
}

void disk_free(struct device_disk *d)
{
	free(d->backend_domname);
	free(d->pdev_path);
	free(d->vdev);
	free(d->script);
	free(d->colo_host);
	free(d->colo_export);
	free(d->active_disk);
	free(d->hidden_disk);
	memset(d, 0, sizeof(*d));
}

void nic_init(struct device_nic *n)
{
	memset(n, 0, sizeof(*n));
	n->devid = -1;
}

void nic_free(struct device_nic *n)
{
	int i;

	for (i = 0; i < NIC_COLO_KEYS; i++)
		free(n->colo[i]);
	free(n->backend_domname);
	free(n->model);
	free(n->ip);
	free(n->bridge);
	free(n->ifname);
	free(n->script);
	free(n->gatewaydev);
	free(n->coloft_forwarddev);
	memset(n, 0, sizeof(*n));
}

static void sched_init(struct sched_params *s)
{
	/* libxl's LIBXL_DOMAIN_SCHED_PARAM_*_DEFAULT are all -1. */
	s->weight = s->cap = s->period = s->budget = -1;
	s->extratime = s->slice = s->latency = -1;
}

void build_info_init_type(struct build_info *b, int type)
{
	b->type = type;
	memset(&b->hvm, 0, sizeof(b->hvm));
	memset(&b->pv, 0, sizeof(b->pv));
	memset(&b->pvh, 0, sizeof(b->pvh));
	b->hvm.mmio_hole_memkb = MEMKB_DEFAULT;
	b->hvm.hdtype = 1;
	b->hvm.rdm_policy = -1;
	b->hvm.rdm_mem_boundary_memkb = MEMKB_DEFAULT;
	b->pv.slack_memkb = MEMKB_DEFAULT;
}

void dc_init(struct domain_config *dc)
{
	struct build_info *b = &dc->b;

	memset(dc, 0, sizeof(*dc));
	dc->c.type = DT_INVALID;
	b->max_memkb = b->target_memkb = b->video_memkb = MEMKB_DEFAULT;
	b->shadow_memkb = b->stubdomain_memkb = MEMKB_DEFAULT;
	b->max_grant_frames = b->max_maptrack_frames = UINT32_MAX;
	b->max_grant_version = -1;
	b->timer_mode = -1;
	sched_init(&b->sched);
	build_info_init_type(b, DT_INVALID);
	dc->on_poweroff = dc->on_reboot = dc->on_watchdog = ACT_DESTROY;
	dc->on_crash = dc->on_soft_reset = ACT_DESTROY;
	dc->planned_type = DT_INVALID;
}

static void vnc_free(struct vnc_info *v)
{
	free(v->listen);
	free(v->passwd);
}

static void sdl_free(struct sdl_info *s)
{
	free(s->display);
	free(s->xauthority);
}

static void hvm_free(struct hvm_info *h)
{
	struct spice_info *s = &h->spice;

	free(h->firmware);
	bitmap_free(&h->viridian_enable);
	bitmap_free(&h->viridian_disable);
	free(h->system_firmware);
	free(h->smbios_firmware);
	free(h->acpi_firmware);
	vnc_free(&h->vnc);
	free(h->keymap);
	sdl_free(&h->sdl);
	free(s->host);
	free(s->passwd);
	free(s->image_compression);
	free(s->streaming_video);
	free(h->serial);
	free(h->boot);
	free(h->usbdevice);
	free(h->soundhw);
	strlist_free(&h->usbdevice_list);
	strlist_free(&h->serial_list);
}

static void build_info_free(struct build_info *b)
{
	int i;

	bitmap_free(&b->avail_vcpus);
	for (i = 0; i < b->num_cpuid; i++) {
		int r;

		for (r = 0; r < 4; r++)
			free(b->cpuid[i].policy[r]);
	}
	free(b->cpuid);
	free(b->cpuid_msr);
	for (i = 0; i < b->num_vcpu_hard_affinity; i++)
		bitmap_free(&b->vcpu_hard_affinity[i]);
	free(b->vcpu_hard_affinity);
	for (i = 0; i < b->num_vcpu_soft_affinity; i++)
		bitmap_free(&b->vcpu_soft_affinity[i]);
	free(b->vcpu_soft_affinity);
	free(b->exec_ssid_label);
	free(b->blkdev_start);
	for (i = 0; i < b->num_vnuma_nodes; i++) {
		free(b->vnuma_nodes[i].distances);
		bitmap_free(&b->vnuma_nodes[i].vcpus);
	}
	free(b->vnuma_nodes);
	free(b->stubdomain_kernel);
	free(b->stubdomain_cmdline);
	free(b->stubdomain_ramdisk);
	free(b->device_model);
	free(b->device_model_ssid_label);
	free(b->device_model_user);
	strlist_free(&b->extra);
	strlist_free(&b->extra_pv);
	strlist_free(&b->extra_hvm);
	free(b->ioports);
	free(b->irqs);
	free(b->iomem);
	free(b->kernel);
	free(b->cmdline);
	free(b->ramdisk);
	free(b->device_tree);
	free(b->bootloader);
	strlist_free(&b->bootloader_args);
	hvm_free(&b->hvm);
	free(b->pvh.pvshim_path);
	free(b->pvh.pvshim_cmdline);
	free(b->pvh.pvshim_extra);
}

void dc_free(struct domain_config *dc)
{
	int i;

	free(dc->c.ssid_label);
	free(dc->c.name);
	free(dc->c.pool_name);
	build_info_free(&dc->b);
	for (i = 0; i < dc->num_disks; i++)
		disk_free(&dc->disks[i]);
	free(dc->disks);
	for (i = 0; i < dc->num_nics; i++)
		nic_free(&dc->nics[i]);
	free(dc->nics);
	for (i = 0; i < dc->num_pcidevs; i++)
		free(dc->pcidevs[i].name);
	free(dc->pcidevs);
	for (i = 0; i < dc->num_dtdevs; i++)
		free(dc->dtdevs[i]);
	free(dc->dtdevs);
	for (i = 0; i < dc->num_vfbs; i++) {
		free(dc->vfbs[i].backend_domname);
		vnc_free(&dc->vfbs[i].vnc);
		sdl_free(&dc->vfbs[i].sdl);
		free(dc->vfbs[i].keymap);
	}
	free(dc->vfbs);
	for (i = 0; i < dc->num_vkbs; i++) {
		free(dc->vkbs[i].backend_domname);
		free(dc->vkbs[i].unique_id);
	}
	free(dc->vkbs);
	for (i = 0; i < dc->num_pvcallsifs; i++)
		free(dc->pvcallsifs[i].backend_domname);
	free(dc->pvcallsifs);
	for (i = 0; i < dc->num_vdispls; i++) {
		int k;

		for (k = 0; k < dc->vdispls[i].num_connectors; k++)
			free(dc->vdispls[i].connectors[k].unique_id);
		free(dc->vdispls[i].connectors);
		free(dc->vdispls[i].backend_domname);
	}
	free(dc->vdispls);
	for (i = 0; i < dc->num_vsnds; i++)
		vsnd_free(&dc->vsnds[i]);
	free(dc->vsnds);
	free(dc->usbctrls);
	free(dc->usbdevs);
	for (i = 0; i < dc->num_vtpms; i++)
		free(dc->vtpms[i].backend_domname);
	free(dc->vtpms);
	for (i = 0; i < dc->num_p9s; i++) {
		free(dc->p9s[i].backend_domname);
		free(dc->p9s[i].tag);
		free(dc->p9s[i].path);
		free(dc->p9s[i].security_model);
	}
	free(dc->p9s);
	for (i = 0; i < dc->num_channels; i++) {
		free(dc->channels[i].backend_domname);
		free(dc->channels[i].name);
		free(dc->channels[i].path);
	}
	free(dc->channels);
	memset(dc, 0, sizeof(*dc));
}
