// SPDX-License-Identifier: GPL-2.0-only
/*
 * vnuma=: the guest's virtual NUMA nodes, a list of nodes each given as
 * a list of "pnode=N", "size=MiB", "vcpus=RANGES" and "vdistances=D,..."
 * strings.  The node sizes add up to maxmem and the vCPU counts to
 * maxvcpus (which must agree when also given), as in Xen's xl.
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

static void verr(struct cfg *cfg, const char *msg, const char *arg)
{
	cfg_report(cfg, cfg_setting_line(cfg, "vnuma"), "error", "vnuma: %s%s",
		   msg, arg ? arg : "");
	cfg->nerrors++;
}

static bool parse_num(const char *s, unsigned long *out)
{
	char *ep;

	while (isspace((unsigned char)*s))
		s++; /* strtoul's habit, which Xen relies on */
	if (!isdigit((unsigned char)*s))
		return false;
	*out = strtoul(s, &ep, 10);
	return !*ep && *out != ULONG_MAX;
}

static char *trimmed(const char *s, size_t n)
{
	char *r;

	while (n && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	r = xcalloc(1, n + 1);
	memcpy(r, s, n);
	return r;
}

/* "N" or "N-M" items, comma-separated; returns the number of vCPUs. */
static unsigned long add_vcpus(struct cfg *cfg, const char *spec,
			       struct bitmap *map)
{
	struct strlist l = { 0 };
	unsigned long n = 0;
	int i;

	split_string_list(spec, ",", &l);
	for (i = 0; i < l.n; i++) {
		unsigned long a, z;
		char *dash = strchr(l.v[i], '-');

		if (dash)
			*dash = 0;
		if (!parse_num(l.v[i], &a) ||
		    (dash ? !parse_num(dash + 1, &z) : (z = a, false)) ||
		    z < a || z - a > 4096) {
			verr(cfg, "invalid vcpus range in ", spec);
			break;
		}
		for (; a <= z; a++, n++)
			bitmap_set(map, (int)a);
	}
	strlist_free(&l);
	return n;
}

static unsigned long parse_vnode(struct cfg *cfg, struct build_info *b,
				 const struct cfg_value *spec,
				 struct vnode_info *p, uint64_t *memkb)
{
	unsigned long vcpus = 0;
	int k;

	for (k = 0; k < spec->n; k++) {
		const char *s = cfg_list_item(spec, k), *eq;
		char *opt, *val;
		unsigned long v;

		if (!s)
			continue;
		eq = strchr(s, '=');
		if (!eq) {
			verr(cfg, "expected OPTION=VALUE, got ", s);
			continue;
		}
		opt = trimmed(s, (size_t)(eq - s));
		val = trimmed(eq + 1, strlen(eq + 1));
		if (!strcmp(opt, "pnode")) {
			/* The toolstack sees one host node. */
			if (!parse_num(val, &v) || v >= 1)
				verr(cfg, "invalid pnode number ", val);
			else
				p->pnode = (uint32_t)v;
			b->numa_placement = -1;
		} else if (!strcmp(opt, "size")) {
			if (!parse_num(val, &v) || v > (unsigned long)MAX_MIB)
				verr(cfg, "invalid size ", val);
			else {
				p->memkb = (uint64_t)v << 10;
				*memkb += p->memkb;
			}
		} else if (!strcmp(opt, "vcpus")) {
			vcpus += add_vcpus(cfg, val, &p->vcpus);
		} else if (!strcmp(opt, "vdistances")) {
			struct strlist l = { 0 };
			int j;

			split_string_list(val, ",", &l);
			for (j = 0; j < l.n && j < p->num_distances; j++) {
				if (!parse_num(l.v[j], &v) || v > UINT32_MAX)
					verr(cfg, "invalid distance ", l.v[j]);
				else
					p->distances[j] = (uint32_t)v;
			}
			strlist_free(&l);
		}
		free(opt);
		free(val);
	}
	return vcpus;
}

void parse_vnuma(struct cfg *cfg, struct build_info *b)
{
	struct cfg_value *list;
	unsigned long vcpus = 0;
	uint64_t memkb = 0;
	int i;

	if (cfg_get_list(cfg, "vnuma", &list, 1) || !list->n)
		return;
	b->num_vnuma_nodes = list->n;
	b->vnuma_nodes = xcalloc(list->n, sizeof(*b->vnuma_nodes));
	for (i = 0; i < list->n; i++) {
		struct vnode_info *p = &b->vnuma_nodes[i];

		p->memkb = MEMKB_DEFAULT;
		p->num_distances = list->n;
		p->distances = xcalloc(list->n, sizeof(*p->distances));
		/* Like libxl: sized for maxvcpus, or the host without it. */
		bitmap_alloc(&p->vcpus,
			     b->max_vcpus ? b->max_vcpus : xlg.host_cpus);
	}
	for (i = 0; i < list->n; i++) {
		if (list->items[i]->type != CV_LIST) {
			verr(cfg, "each node must be a list of settings", NULL);
			return;
		}
		vcpus += parse_vnode(cfg, b, list->items[i], &b->vnuma_nodes[i],
				     &memkb);
	}
	if (b->max_vcpus) {
		if ((unsigned long)b->max_vcpus != vcpus)
			verr(cfg, "the nodes' vcpus do not add up to maxvcpus",
			     NULL);
	} else if (vcpus > (unsigned long)xlg.host_cpus) {
		verr(cfg,
		     "more vcpus than host CPUs; set maxvcpus= to override",
		     NULL);
	} else {
		b->max_vcpus = (int)vcpus;
	}
	if (b->max_memkb != MEMKB_DEFAULT && b->max_memkb != memkb)
		verr(cfg, "the node sizes do not add up to maxmem", NULL);
	else
		b->max_memkb = memkb;
}
