// SPDX-License-Identifier: GPL-2.0-only
/*
 * USB controllers and devices (usbctrl=, usbdev=), virtual keyboards
 * (vkb=), virtual displays (vdispl=) and PV calls interfaces (pvcalls=).  Each list item is a
 * comma-separated KEY=VALUE spec; numbers are read the way Xen's xl
 * reads them (atoi or strtoul with base 0), so "0x3" works where Xen
 * accepts it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xl.h"

static void uerr(struct cfg *cfg, int line, const char *what, const char *tok)
{
	cfg_report(cfg, line, "error", "%s: unknown or invalid setting `%s'",
		   what, tok);
	cfg->nerrors++;
}

/* Calls fn on every blank-trimmed token of spec; stops on failure. */
static void each_token(const char *spec, void *obj,
		       int (*fn)(void *obj, const char *key, const char *val),
		       struct cfg *cfg, int line, const char *what)
{
	char *buf = xstrdup(spec), *tok, *save = NULL;

	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *eq;

		while (*tok == ' ')
			tok++;
		eq = strchr(tok, '=');
		if (!eq || fn(obj, tok, eq + 1) || (size_t)(eq - tok) == 0) {
			uerr(cfg, line, what, tok);
			break;
		}
	}
	free(buf);
}

static bool key_is(const char *tok, const char *key)
{
	size_t n = strlen(key);

	return !strncmp(tok, key, n) && tok[n] == '=';
}

static int usbctrl_kv(void *obj, const char *tok, const char *v)
{
	static const char *const types[] = { "auto", "pv", "devicemodel",
					     "qusb" };
	struct device_usbctrl *u = obj;
	int i;

	if (key_is(tok, "type")) {
		for (i = 0; i < 4; i++)
			if (!strcasecmp(v, types[i])) {
				u->type = i;
				return 0;
			}
		return -1;
	}
	if (key_is(tok, "version"))
		u->version = atoi(v);
	else if (key_is(tok, "ports"))
		u->ports = atoi(v);
	else
		return -1;
	return 0;
}

static int usbdev_kv(void *obj, const char *tok, const char *v)
{
	struct device_usbdev *u = obj;

	if (key_is(tok, "type")) {
		if (strcasecmp(v, "hostdev"))
			return -1;
		u->type = 1;
	} else if (key_is(tok, "hostbus")) {
		u->hostbus = (uint8_t)strtoul(v, NULL, 0);
	} else if (key_is(tok, "hostaddr")) {
		u->hostaddr = (uint8_t)strtoul(v, NULL, 0);
	} else if (key_is(tok, "controller")) {
		u->ctrl = atoi(v);
	} else if (key_is(tok, "port")) {
		u->port = atoi(v);
	} else {
		return -1;
	}
	return 0;
}

void parse_usb(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (!cfg_get_list(cfg, "usbctrl", &list, 0))
		for (i = 0; i < list->n && cfg_list_item(list, i); i++) {
			struct device_usbctrl *u =
				ARRAY_GROW(dc->usbctrls, dc->num_usbctrls);

			memset(u, 0, sizeof(*u));
			u->devid = dc->num_usbctrls - 1;
			each_token(cfg_list_item(list, i), u, usbctrl_kv, cfg,
				   list->items[i]->line, "usbctrl");
		}
	if (!cfg_get_list(cfg, "usbdev", &list, 0))
		for (i = 0; i < list->n && cfg_list_item(list, i); i++) {
			struct device_usbdev *u =
				ARRAY_GROW(dc->usbdevs, dc->num_usbdevs);

			memset(u, 0, sizeof(*u));
			u->ctrl = -1;
			each_token(cfg_list_item(list, i), u, usbdev_kv, cfg,
				   list->items[i]->line, "usbdev");
		}
}

static int vkb_kv(void *obj, const char *tok, const char *v)
{
	struct device_vkb *k = obj;
	unsigned long n = strtoul(v, NULL, 0);

	if (key_is(tok, "backend"))
		replace_string(&k->backend_domname, v);
	else if (key_is(tok, "backend-type")) {
		if (!strcasecmp(v, "qemu"))
			k->backend_type = VKB_QEMU;
		else if (!strcasecmp(v, "linux"))
			k->backend_type = VKB_LINUX;
		else
			return -1;
	} else if (key_is(tok, "unique-id"))
		replace_string(&k->unique_id, v);
	else if (key_is(tok, "feature-disable-keyboard"))
		k->feature_disable_keyboard = n != 0;
	else if (key_is(tok, "feature-disable-pointer"))
		k->feature_disable_pointer = n != 0;
	else if (key_is(tok, "feature-abs-pointer"))
		k->feature_abs_pointer = n != 0;
	else if (key_is(tok, "feature-raw-pointer"))
		k->feature_raw_pointer = n != 0;
	else if (key_is(tok, "feature-multi-touch"))
		k->feature_multi_touch = n != 0;
	else if (key_is(tok, "multi-touch-width"))
		k->multi_touch_width = (uint32_t)n;
	else if (key_is(tok, "multi-touch-height"))
		k->multi_touch_height = (uint32_t)n;
	else if (key_is(tok, "multi-touch-num-contacts"))
		k->multi_touch_num_contacts = (uint32_t)n;
	else if (key_is(tok, "width"))
		k->width = (uint32_t)n;
	else if (key_is(tok, "height"))
		k->height = (uint32_t)n;
	else
		return -1;
	return 0;
}

/* vkb= keyboards follow the ones that vfb= entries brought. */
void parse_vkbs(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (cfg_get_list(cfg, "vkb", &list, 0))
		return;
	for (i = 0; i < list->n && cfg_list_item(list, i); i++) {
		struct device_vkb *k = ARRAY_GROW(dc->vkbs, dc->num_vkbs);
		int line = list->items[i]->line;
		bool mt;

		memset(k, 0, sizeof(*k));
		k->devid = dc->num_vkbs - 1;
		each_token(cfg_list_item(list, i), k, vkb_kv, cfg, line, "vkb");
		if (k->backend_type == VKB_UNKNOWN) {
			cfg_report(
				cfg, line, "error",
				"vkb: backend-type=qemu or backend-type=linux "
				"is required");
			cfg->nerrors++;
		}
		mt = k->multi_touch_width || k->multi_touch_height ||
		     k->multi_touch_num_contacts;
		if (mt)
			k->feature_multi_touch = true;
		else if (k->feature_multi_touch) {
			cfg_report(cfg, line, "error",
				   "vkb: multi touch needs multi-touch-width, "
				   "multi-touch-height and "
				   "multi-touch-num-contacts");
			cfg->nerrors++;
		}
	}
}

static int pvcalls_kv(void *obj, const char *tok, const char *v)
{
	struct device_pvcallsif *p = obj;

	if (!key_is(tok, "backend"))
		return -1;
	replace_string(&p->backend_domname, v);
	return 0;
}

void parse_pvcalls(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (cfg_get_list(cfg, "pvcalls", &list, 0))
		return;
	for (i = 0; i < list->n && cfg_list_item(list, i); i++) {
		struct device_pvcallsif *p =
			ARRAY_GROW(dc->pvcallsifs, dc->num_pvcallsifs);

		memset(p, 0, sizeof(*p));
		p->devid = dc->num_pvcallsifs - 1;
		each_token(cfg_list_item(list, i), p, pvcalls_kv, cfg,
			   list->items[i]->line, "pvcalls");
	}
}

/* connectors=ID:WxH;ID:WxH... */
static int vdispl_kv(void *obj, const char *tok, const char *v)
{
	struct device_vdispl *d = obj;
	struct strlist conn = { 0 };
	int i, rc = 0;

	if (key_is(tok, "backend")) {
		replace_string(&d->backend_domname, v);
		return 0;
	}
	if (key_is(tok, "be-alloc")) {
		d->be_alloc = strtoul(v, NULL, 0) != 0;
		return 0;
	}
	if (!key_is(tok, "connectors"))
		return -1;
	split_string_list(v, ";", &conn);
	for (i = 0; i < conn.n && !rc; i++) {
		char *colon = strchr(conn.v[i], ':');
		struct vdispl_connector *c;
		unsigned w, h;
		char end;

		if (!colon || sscanf(colon + 1, "%ux%u%c", &w, &h, &end) != 2) {
			rc = -1;
			break;
		}
		*colon = 0;
		c = ARRAY_GROW(d->connectors, d->num_connectors);
		c->unique_id = xstrdup(conn.v[i]);
		c->width = w;
		c->height = h;
	}
	strlist_free(&conn);
	return rc;
}

void parse_vdispls(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (cfg_get_list(cfg, "vdispl", &list, 0))
		return;
	for (i = 0; i < list->n && cfg_list_item(list, i); i++) {
		struct device_vdispl *d =
			ARRAY_GROW(dc->vdispls, dc->num_vdispls);
		int line = list->items[i]->line;

		memset(d, 0, sizeof(*d));
		d->devid = dc->num_vdispls - 1;
		each_token(cfg_list_item(list, i), d, vdispl_kv, cfg, line,
			   "vdispl");
		if (!d->num_connectors) {
			cfg_report(cfg, line, "error",
				   "vdispl: at least one connector is needed "
				   "(connectors=ID:WIDTHxHEIGHT;...)");
			cfg->nerrors++;
		}
	}
}
