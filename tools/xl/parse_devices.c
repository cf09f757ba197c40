// SPDX-License-Identifier: GPL-2.0-only
/*
 * Device lists: disk=, vif=, pci=, vfb=, channel=, vtpm=, p9=, dtdev=,
 * and the raw resources ioports=, irqs=, iomem=.  Each list item is a
 * spec string; a bad item is reported with the line of its setting.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

static void derr(struct cfg *cfg, int line, const char *what, const char *item,
		 const char *why)
{
	cfg_report(cfg, line, "error", "%s `%s': %s", what, item, why);
	cfg->nerrors++;
}

static void parse_disks(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (cfg_get_list(cfg, "disk", &list, 0))
		return;
	for (i = 0; i < list->n; i++) {
		const char *s = cfg_list_item(list, i);
		struct device_disk *d;

		if (!s)
			break;
		d = ARRAY_GROW(dc->disks, dc->num_disks);
		disk_init(d);
		parse_disk_spec(cfg, list->items[i]->line, s, d);
	}
}

static void parse_nics(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (cfg_get_list(cfg, "vif", &list, 0))
		return;
	for (i = 0; i < list->n; i++) {
		const char *s = cfg_list_item(list, i);
		struct device_nic *n;
		char *buf, *tok, *save = NULL;

		if (!s)
			break;
		n = ARRAY_GROW(dc->nics, dc->num_nics);
		nic_init(n);
		n->devid = dc->num_nics - 1;
		n->line = list->items[i]->line;
		nic_set_defaults(n);
		buf = xstrdup(s);
		for (tok = strtok_r(buf, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			while (*tok == ' ')
				tok++;
			parse_nic_token(cfg, n->line, n, tok);
		}
		free(buf);
	}
	if (!cfg_get_list(cfg, "vif2", NULL, 1)) {
		cfg_report(cfg, cfg_setting_line(cfg, "vif2"), "warning",
			   "vif2: netchannel2 is deprecated and not supported");
		cfg->nwarnings++;
	}
}

static void parse_vfbs(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (cfg_get_list(cfg, "vfb", &list, 0))
		return;
	for (i = 0; i < list->n; i++) {
		const char *s = cfg_list_item(list, i);
		struct device_vfb *v;
		struct device_vkb *k;
		char *buf, *tok, *save = NULL;

		if (!s)
			break;
		v = ARRAY_GROW(dc->vfbs, dc->num_vfbs);
		memset(v, 0, sizeof(*v));
		v->devid = dc->num_vfbs - 1;
		k = ARRAY_GROW(dc->vkbs, dc->num_vkbs);
		memset(k, 0, sizeof(*k));
		k->devid = dc->num_vkbs - 1;
		buf = xstrdup(s);
		for (tok = strtok_r(buf, ",", &save); tok;
		     tok = strtok_r(NULL, ",", &save)) {
			char *val;

			while (*tok == ' ')
				tok++;
			val = strchr(tok, '=');
			if (!val)
				break;
			*val++ = 0;
			if (!strcmp(tok, "vnc"))
				DB_SET(v->vnc.enable, atoi(val));
			else if (!strcmp(tok, "vnclisten"))
				replace_string(&v->vnc.listen, val);
			else if (!strcmp(tok, "vncpasswd"))
				replace_string(&v->vnc.passwd, val);
			else if (!strcmp(tok, "vncdisplay"))
				v->vnc.display = atoi(val);
			else if (!strcmp(tok, "vncunused"))
				DB_SET(v->vnc.findunused, atoi(val));
			else if (!strcmp(tok, "keymap"))
				replace_string(&v->keymap, val);
			else if (!strcmp(tok, "sdl"))
				DB_SET(v->sdl.enable, atoi(val));
			else if (!strcmp(tok, "opengl"))
				DB_SET(v->sdl.opengl, atoi(val));
			else if (!strcmp(tok, "display"))
				replace_string(&v->sdl.display, val);
			else if (!strcmp(tok, "xauthority"))
				replace_string(&v->sdl.xauthority, val);
			else {
				cfg_report(cfg, list->items[i]->line, "warning",
					   "vfb: unknown option `%s' ignored",
					   tok);
				cfg->nwarnings++;
			}
		}
		free(buf);
	}
}

static char *trim(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	{
		char *r = xcalloc(1, n + 1);

		memcpy(r, s, n);
		return r;
	}
}

static void parse_channels(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (cfg_get_list(cfg, "channel", &list, 0))
		return;
	for (i = 0; i < list->n; i++) {
		const char *s = cfg_list_item(list, i), *p;
		int line = list->items[i] ? list->items[i]->line : list->line;
		struct device_channel *c;

		if (!s)
			break;
		c = ARRAY_GROW(dc->channels, dc->num_channels);
		memset(c, 0, sizeof(*c));
		c->devid = dc->num_channels - 1;
		for (p = s; *p;) {
			const char *end = strchr(p, ','), *eq;
			char *key, *val;

			if (!end)
				end = p + strlen(p);
			eq = memchr(p, '=', (size_t)(end - p));
			if (!eq) {
				derr(cfg, line, "channel", s,
				     "expected KEY=VALUE items");
				break;
			}
			key = trim(p, (size_t)(eq - p));
			val = trim(eq + 1, (size_t)(end - eq - 1));
			if (!strcmp(key, "backend"))
				replace_string(&c->backend_domname, val);
			else if (!strcmp(key, "name"))
				replace_string(&c->name, val);
			else if (!strcmp(key, "path"))
				replace_string(&c->path, val);
			else if (!strcmp(key, "connection")) {
				if (!strcmp(val, "pty"))
					c->connection = CHAN_PTY;
				else if (!strcmp(val, "socket"))
					c->connection = CHAN_SOCKET;
				else
					derr(cfg, line, "channel", s,
					     "unknown connection (expected pty "
					     "or socket)");
			} else {
				cfg_report(cfg, line, "warning",
					   "channel: unknown parameter `%s' "
					   "ignored",
					   key);
				cfg->nwarnings++;
			}
			free(key);
			free(val);
			p = *end ? end + 1 : end;
		}
		if (c->connection == CHAN_UNKNOWN)
			derr(cfg, line, "channel", s,
			     "missing connection=pty or connection=socket");
		else if (c->connection == CHAN_SOCKET && !c->path)
			derr(cfg, line, "channel", s,
			     "connection=socket requires path=");
		if (c->connection != CHAN_SOCKET) {
			free(c->path);
			c->path = NULL;
		}
	}
}

/* A fixed set of keys and the values found for them. */
struct kv_set {
	const char *const *keys;
	char **vals;
	int n;
};

/* "k=v,k=v" into kv; returns -1 on an unknown key. */
static int kv_items(struct cfg *cfg, int line, const char *what, const char *s,
		    struct kv_set *kv)
{
	const char *const *keys = kv->keys;
	char **vals = kv->vals;
	int n = kv->n;
	char *buf = xstrdup(s), *tok, *save = NULL;
	int rc = 0, i;

	for (tok = strtok_r(buf, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *eq;

		while (*tok == ' ')
			tok++;
		eq = strchr(tok, '=');
		if (!eq)
			break;
		*eq++ = 0;
		for (i = 0; i < n; i++)
			if (!strcmp(tok, keys[i])) {
				replace_string(&vals[i], eq);
				break;
			}
		if (i == n) {
			char msg[128];

			snprintf(msg, sizeof(msg), "unknown key `%s'", tok);
			derr(cfg, line, what, s, msg);
			rc = -1;
		}
	}
	free(buf);
	return rc;
}

static void parse_small_devices(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	int i;

	if (!cfg_get_list(cfg, "dtdev", &list, 0))
		for (i = 0; i < list->n && cfg_list_item(list, i); i++)
			*ARRAY_GROW(dc->dtdevs, dc->num_dtdevs) =
				xstrdup(cfg_list_item(list, i));
	if (!cfg_get_list(cfg, "p9", &list, 0)) {
		static const char *const keys[] = { "security_model", "path",
						    "tag", "backend" };
		for (i = 0; i < list->n && cfg_list_item(list, i); i++) {
			char *v[4] = { 0 };
			struct device_p9 *p = ARRAY_GROW(dc->p9s, dc->num_p9s);
			const char *s = cfg_list_item(list, i);

			memset(p, 0, sizeof(*p));
			p->devid =
				-1; /* Xen re-initialises it after indexing */
			kv_items(cfg, list->line, "p9", s,
				 &(struct kv_set){ keys, v, 4 });
			if (!v[0] || !v[1] || !v[2])
				derr(cfg, list->line, "p9", s,
				     "security_model=, path= and tag= are "
				     "required");
			p->security_model = v[0];
			p->path = v[1];
			p->tag = v[2];
			p->backend_domname = v[3];
		}
	}
	if (!cfg_get_list(cfg, "vtpm", &list, 0)) {
		static const char *const keys[] = { "backend", "uuid" };
		for (i = 0; i < list->n && cfg_list_item(list, i); i++) {
			char *v[2] = { 0 };
			struct device_vtpm *t =
				ARRAY_GROW(dc->vtpms, dc->num_vtpms);
			const char *s = cfg_list_item(list, i);

			memset(t, 0, sizeof(*t));
			t->devid = dc->num_vtpms - 1;
			kv_items(cfg, list->line, "vtpm", s,
				 &(struct kv_set){ keys, v, 2 });
			if (!v[0])
				derr(cfg, list->line, "vtpm", s,
				     "backend= is required");
			if (v[1] && parse_uuid(v[1], t->uuid))
				derr(cfg, list->line, "vtpm", s,
				     "invalid uuid");
			t->backend_domname = v[0];
			free(v[1]);
		}
	}
}

int parse_devices(struct cfg *cfg, struct domain_config *dc)
{
	parse_pci_list(cfg, dc);
	parse_resources(cfg, &dc->b);
	parse_disks(cfg, dc);
	parse_small_devices(cfg, dc);
	parse_channels(cfg, dc);
	parse_nics(cfg, dc);
	parse_vdispls(cfg, dc);
	parse_vsnds(cfg, dc);
	parse_pvcalls(cfg, dc);
	parse_vfbs(cfg, dc);
	parse_usb(cfg, dc);
	parse_display(cfg, dc);
	return 0;
}
