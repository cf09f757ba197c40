// SPDX-License-Identifier: GPL-2.0-only
/*
 * Passthrough: pci= (with the pci_* defaults) and the raw resources
 * ioports=, irqs= and iomem=.
 */
#include <ctype.h>
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

void parse_pci_list(struct cfg *cfg, struct domain_config *dc)
{
	struct cfg_value *list;
	long l;
	int i, msi = 0, pm = 0, perm = 0, seize = 0;

	if (!cfg_get_long(cfg, "pci_msitranslate", &l, 0))
		msi = (int)l;
	if (!cfg_get_long(cfg, "pci_power_mgmt", &l, 0))
		pm = (int)l;
	if (!cfg_get_long(cfg, "pci_permissive", &l, 0))
		perm = (int)l;
	if (!cfg_get_long(cfg, "pci_seize", &l, 0))
		seize = (int)l;
	if (cfg_get_list(cfg, "pci", &list, 0))
		return;
	for (i = 0; i < list->n; i++) {
		const char *s = cfg_list_item(list, i);
		struct device_pci *p;
		char e[160];

		if (!s)
			break;
		p = ARRAY_GROW(dc->pcidevs, dc->num_pcidevs);
		memset(p, 0, sizeof(*p));
		p->msitranslate = msi;
		p->power_mgmt = pm;
		p->permissive = perm;
		p->seize = seize;
		/*
		 * The per-device policy follows the global one by default.
		 * Xen reads it from the HVM part of a union, so for PV and
		 * PVH guests it reads as 0, "strict"; match that.
		 */
		p->rdm_policy = dc->c.type == DT_HVM ? dc->b.hvm.rdm_policy : 0;
		if (parse_pci_spec(s, p, e, sizeof(e)))
			derr(cfg, list->items[i]->line, "PCI_SPEC_STRING", s,
			     e);
	}
	if (dc->num_pcidevs && dc->c.type == DT_PV)
		dc->b.pv.e820_host = 1;
}

void parse_resources(struct cfg *cfg, struct build_info *b)
{
	struct cfg_value *list;
	int i;

	if (!cfg_get_list(cfg, "ioports", &list, 0)) {
		b->ioports = xcalloc(list->n, sizeof(*b->ioports));
		b->num_ioports = list->n;
		for (i = 0; i < list->n; i++) {
			const char *s = cfg_list_item(list, i);
			unsigned long a, z;
			char *ep;

			if (!s || !isxdigit((unsigned char)*s)) {
				derr(cfg, list->line, "ioport",
				     s ? s : "[list]",
				     "expected a hex port or range");
				continue;
			}
			a = z = strtoul(s, &ep, 16);
			if (*ep == '-') {
				const char *t = ep + 1;

				z = strtoul(t, &ep, 16);
				if (ep == t || *ep || z < a) {
					derr(cfg, list->line, "ioport", s,
					     "invalid range");
					continue;
				}
			} else if (*ep) {
				derr(cfg, list->line, "ioport", s,
				     "trailing characters");
				continue;
			}
			if (a >= UINT32_MAX || z >= UINT32_MAX) {
				derr(cfg, list->line, "ioport", s, "too big");
				continue;
			}
			b->ioports[i].first = (uint32_t)a;
			b->ioports[i].number = (uint32_t)(z - a + 1);
		}
	}
	if (!cfg_get_list(cfg, "irqs", &list, 0)) {
		b->irqs = xcalloc(list->n, sizeof(*b->irqs));
		b->num_irqs = list->n;
		for (i = 0; i < list->n; i++) {
			const char *s = cfg_list_item(list, i);
			unsigned long v;
			char *ep;

			if (!s || !isdigit((unsigned char)*s) ||
			    (v = strtoul(s, &ep, 10), *ep) || v >= UINT32_MAX) {
				derr(cfg, list->line, "irq", s ? s : "[list]",
				     "expected a decimal IRQ number");
				continue;
			}
			b->irqs[i] = (uint32_t)v;
		}
	}
	if (!cfg_get_list(cfg, "iomem", &list, 0)) {
		b->iomem = xcalloc(list->n, sizeof(*b->iomem));
		b->num_iomem = list->n;
		for (i = 0; i < list->n; i++) {
			const char *s = cfg_list_item(list, i);
			struct iomem_range *r = &b->iomem[i];
			int used = 0, n;

			r->gfn = UINT64_MAX;
			n = s ? sscanf(s,
				       "%" SCNx64 ",%" SCNx64 "%n@%" SCNx64
				       "%n",
				       &r->start, &r->number, &used, &r->gfn,
				       &used)
			      : 0;
			if (n < 2 || s[used]) {
				derr(cfg, list->line, "iomem", s ? s : "[list]",
				     "expected IOMEM_START,NUM_PAGES[@GFN] in "
				     "hex");
			}
		}
	}
}
