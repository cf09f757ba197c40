// SPDX-License-Identifier: GPL-2.0-only
/*
 * The device arrays of the domain configuration as libxl-style JSON
 * (disks, nics, pcidevs, dtdevs, vfbs, vkbs, vtpms, p9s, channels), and
 * a single disk or nic for the dry runs of block-attach and
 * network-attach.
 */
#include <stdlib.h>
#include <string.h>

#include "json.h"

static const char *const format_names[] = { "unknown", "qcow",	"qcow2", "vhd",
					    "raw",     "empty", "qed" };
static const char *const backend_names[] = { "unknown", "phy", "tap", "qdisk",
					     "standalone" };
static const char *const spec_names[] = { "unknown", "xen", "virtio" };
static const char *const nictype_names[] = { "unknown", "vif_ioemu", "vif" };
static const char *const rdm_policy_names[] = { "invalid", "strict",
						"relaxed" };

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
	int i;

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
	for (i = 0; i < NIC_COLO_KEYS; i++)
		f_str(g, nic_colo_keys[i], n->colo[i]);
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

static const char *const vkb_backend_names[] = { "unknown", "qemu", "linux" };
static const char *const usbctrl_names[] = { "auto", "pv", "devicemodel",
					     "qusb" };

static void vkb_fields(struct jgen *g, const struct device_vkb *k)
{
	j_map_open(g);
	f_str(g, "backend_domname", k->backend_domname);
	f_int(g, "devid", k->devid, -1);
	ENUM(g, "backend_type", k->backend_type, 0, vkb_backend_names, 0);
	f_str(g, "unique_id", k->unique_id);
	f_bool(g, "feature_disable_keyboard", k->feature_disable_keyboard);
	f_bool(g, "feature_disable_pointer", k->feature_disable_pointer);
	f_bool(g, "feature_abs_pointer", k->feature_abs_pointer);
	f_bool(g, "feature_raw_pointer", k->feature_raw_pointer);
	f_bool(g, "feature_multi_touch", k->feature_multi_touch);
	f_u64(g, "width", k->width, 0);
	f_u64(g, "height", k->height, 0);
	f_u64(g, "multi_touch_width", k->multi_touch_width, 0);
	f_u64(g, "multi_touch_height", k->multi_touch_height, 0);
	f_u64(g, "multi_touch_num_contacts", k->multi_touch_num_contacts, 0);
	j_map_close(g);
}

static void vdispl_fields(struct jgen *g, const struct device_vdispl *d)
{
	int i;

	j_map_open(g);
	f_str(g, "backend_domname", d->backend_domname);
	f_int(g, "devid", d->devid, -1);
	f_bool(g, "be_alloc", d->be_alloc);
	if (d->num_connectors) {
		j_key(g, "connectors");
		j_array_open(g);
		for (i = 0; i < d->num_connectors; i++) {
			j_map_open(g);
			f_str(g, "unique_id", d->connectors[i].unique_id);
			f_u64(g, "width", d->connectors[i].width, 0);
			f_u64(g, "height", d->connectors[i].height, 0);
			j_map_close(g);
		}
		j_array_close(g);
	}
	j_map_close(g);
}

static void vsnd_params_json(struct jgen *g, const struct vsnd_params *p)
{
	int i;

	j_key(g, "params");
	j_map_open(g);
	if (p->num_sample_rates) {
		j_key(g, "sample_rates");
		j_array_open(g);
		for (i = 0; i < p->num_sample_rates; i++)
			j_uint(g, p->sample_rates[i]);
		j_array_close(g);
	}
	if (p->num_sample_formats) {
		j_key(g, "sample_formats");
		j_array_open(g);
		for (i = 0; i < p->num_sample_formats; i++)
			j_string(g,
				 vsnd_format_names[p->sample_formats[i] - 1]);
		j_array_close(g);
	}
	f_u64(g, "channels_min", p->channels_min, 0);
	f_u64(g, "channels_max", p->channels_max, 0);
	f_u64(g, "buffer_size", p->buffer_size, 0);
	j_map_close(g);
}

static void vsnd_fields(struct jgen *g, const struct device_vsnd *s)
{
	static const char *const stream_types[] = { NULL, "p", "c" };
	int i, k;

	j_map_open(g);
	f_str(g, "backend_domname", s->backend_domname);
	f_int(g, "devid", s->devid, -1);
	f_str(g, "short_name", s->short_name);
	f_str(g, "long_name", s->long_name);
	vsnd_params_json(g, &s->params);
	if (s->num_pcms) {
		j_key(g, "pcms");
		j_array_open(g);
		for (i = 0; i < s->num_pcms; i++) {
			const struct vsnd_pcm *p = &s->pcms[i];

			j_map_open(g);
			f_str(g, "name", p->name);
			vsnd_params_json(g, &p->params);
			if (p->num_streams) {
				j_key(g, "streams");
				j_array_open(g);
				for (k = 0; k < p->num_streams; k++) {
					const struct vsnd_stream *st =
						&p->streams[k];

					j_map_open(g);
					f_str(g, "unique_id", st->unique_id);
					ENUM(g, "type", st->type, 0,
					     stream_types, 0);
					vsnd_params_json(g, &st->params);
					j_map_close(g);
				}
				j_array_close(g);
			}
			j_map_close(g);
		}
		j_array_close(g);
	}
	j_map_close(g);
}

static void usb_json(struct jgen *g, const struct domain_config *dc)
{
	int i;

	if (dc->num_usbctrls) {
		j_key(g, "usbctrls");
		j_array_open(g);
		for (i = 0; i < dc->num_usbctrls; i++) {
			const struct device_usbctrl *u = &dc->usbctrls[i];

			j_map_open(g);
			ENUM(g, "type", u->type, 0, usbctrl_names, 0);
			f_int(g, "devid", u->devid, -1);
			f_int(g, "version", u->version, 0);
			f_int(g, "ports", u->ports, 0);
			j_map_close(g);
		}
		j_array_close(g);
	}
	if (dc->num_usbdevs) {
		j_key(g, "usbdevs");
		j_array_open(g);
		for (i = 0; i < dc->num_usbdevs; i++) {
			const struct device_usbdev *u = &dc->usbdevs[i];

			j_map_open(g);
			f_int(g, "ctrl", u->ctrl, -1);
			f_int(g, "port", u->port, 0);
			/* Like libxl: nothing for a device of no type. */
			if (u->type == 1) {
				j_key(g, "type.hostdev");
				j_map_open(g);
				f_int(g, "hostbus", u->hostbus, 0);
				f_int(g, "hostaddr", u->hostaddr, 0);
				j_map_close(g);
			}
			j_map_close(g);
		}
		j_array_close(g);
	}
}

void devices_json(struct jgen *g, const struct domain_config *dc)
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
		for (i = 0; i < dc->num_vkbs; i++)
			vkb_fields(g, &dc->vkbs[i]);
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
	if (dc->num_pvcallsifs) {
		j_key(g, "pvcallsifs");
		j_array_open(g);
		for (i = 0; i < dc->num_pvcallsifs; i++) {
			j_map_open(g);
			f_str(g, "backend_domname",
			      dc->pvcallsifs[i].backend_domname);
			f_int(g, "devid", dc->pvcallsifs[i].devid, -1);
			j_map_close(g);
		}
		j_array_close(g);
	}
	if (dc->num_vdispls) {
		j_key(g, "vdispls");
		j_array_open(g);
		for (i = 0; i < dc->num_vdispls; i++)
			vdispl_fields(g, &dc->vdispls[i]);
		j_array_close(g);
	}
	if (dc->num_vsnds) {
		j_key(g, "vsnds");
		j_array_open(g);
		for (i = 0; i < dc->num_vsnds; i++)
			vsnd_fields(g, &dc->vsnds[i]);
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
	usb_json(g, dc);
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
