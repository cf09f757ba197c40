// SPDX-License-Identifier: GPL-2.0-only
/*
 * From parsed settings to the typed domain model: general options,
 * memory and vCPUs, affinity, actions, direct kernel boot and
 * bootloader.  The order of the lookups follows Xen's xl so that the
 * same settings interact the same way (type before builder, cmdline
 * over root/extra, maxmem defaulting to memory, ...).
 */
#include <errno.h>
#include <stdarg.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "xl.h"

__attribute__((format(printf, 3, 4))) static void
err(struct cfg *cfg, const char *key, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	cfg_report(cfg, key ? cfg_setting_line(cfg, key) : 0, "error", "%s",
		   msg);
	cfg->nerrors++;
}

static void warn(struct cfg *cfg, const char *key, const char *msg)
{
	cfg_report(cfg, key ? cfg_setting_line(cfg, key) : 0, "warning", "%s",
		   msg);
	cfg->nwarnings++;
}

/* Xen accepts any prefix of the type name ("h" means hvm). */
static bool is_prefix_of(const char *s, const char *full)
{
	return !strncmp(s, full, strlen(s));
}

static void parse_type(struct cfg *cfg, struct create_info *c)
{
	const char *buf;

	if (!cfg_get_string(cfg, "type", &buf, 0)) {
		if (is_prefix_of(buf, "hvm"))
			c->type = DT_HVM;
		else if (is_prefix_of(buf, "pv"))
			c->type = DT_PV;
		else if (is_prefix_of(buf, "pvh"))
			c->type = DT_PVH;
		else
			err(cfg, "type",
			    "invalid domain type `%s' (expected \"pv\", "
			    "\"pvh\" or \"hvm\")",
			    buf);
	}
	if (!cfg_get_string(cfg, "builder", &buf, 0)) {
		int bt = DT_INVALID;

		if (is_prefix_of(buf, "hvm"))
			bt = DT_HVM;
		else if (is_prefix_of(buf, "generic"))
			bt = DT_PV;
		else
			err(cfg, "builder",
			    "invalid builder `%s' (expected \"generic\" or "
			    "\"hvm\"; builder= is deprecated, use type=)",
			    buf);
		if (bt != DT_INVALID && c->type != DT_INVALID && c->type != bt)
			err(cfg, "builder",
			    "contradicting \"builder\" and \"type\" options%s",
			    "");
		else if (bt != DT_INVALID)
			c->type = bt;
	}
	if (c->type == DT_INVALID)
		c->type = DT_PV; /* Xen's default on x86 */
}

static void parse_affinity(struct cfg *cfg, struct build_info *b,
			   const char *key, bool hard)
{
	struct cfg_value *list = NULL;
	const char *buf = NULL;
	struct bitmap *maps;
	int n, i;
	char e[160];

	if (cfg_get_list(cfg, key, &list, 1) &&
	    cfg_get_string(cfg, key, &buf, 0))
		return;
	/* A string applies to every vCPU, a list gives one per vCPU. */
	n = buf ? b->max_vcpus
		: (list->n > b->max_vcpus ? b->max_vcpus : list->n);
	maps = xcalloc(n ? n : 1, sizeof(*maps));
	if (buf && !n) {
		/* No vCPUs to apply it to, but Xen still checks it. */
		struct bitmap t = { 0 };

		bitmap_alloc(&t, xlg.host_cpus);
		if (parse_cpu_list(buf, &t, e, sizeof(e))) {
			char msg[256];

			snprintf(msg, sizeof(msg), "%s: %s", key, e);
			err(cfg, key, "%s", msg);
		}
		bitmap_free(&t);
	}
	for (i = 0; i < n; i++) {
		const char *spec = buf ? buf : cfg_list_item(list, i);

		if (!spec) {
			n = i;
			break;
		}
		bitmap_alloc(&maps[i], xlg.host_cpus);
		if (parse_cpu_list(spec, &maps[i], e, sizeof(e))) {
			char msg[256];

			snprintf(msg, sizeof(msg), "%s: %s", key, e);
			err(cfg, key, "%s", msg);
			break;
		}
	}
	if (hard) {
		b->num_vcpu_hard_affinity = n;
		b->vcpu_hard_affinity = maps;
	} else {
		b->num_vcpu_soft_affinity = n;
		b->vcpu_soft_affinity = maps;
	}
	if (!buf || !hard)
		b->numa_placement = -1;
}

static void parse_actions(struct cfg *cfg, struct domain_config *dc)
{
	static const struct {
		const char *key;
		const char *def;
		size_t off;
	} a[] = {
		{ "on_poweroff", "destroy",
		  offsetof(struct domain_config, on_poweroff) },
		{ "on_reboot", "restart",
		  offsetof(struct domain_config, on_reboot) },
		{ "on_watchdog", "destroy",
		  offsetof(struct domain_config, on_watchdog) },
		{ "on_crash", "destroy",
		  offsetof(struct domain_config, on_crash) },
		{ "on_soft_reset", "soft-reset",
		  offsetof(struct domain_config, on_soft_reset) },
	};
	size_t i;

	for (i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
		const char *buf;
		int *dst = (int *)((char *)dc + a[i].off);

		if (cfg_get_string(cfg, a[i].key, &buf, 0))
			buf = a[i].def;
		if (parse_action(buf, dst)) {
			char msg[200];

			snprintf(msg, sizeof(msg),
				 "unknown %s action `%s' (expected destroy, "
				 "restart, rename-restart, preserve, "
				 "coredump-destroy, coredump-restart or "
				 "soft-reset)",
				 a[i].key, buf);
			err(cfg, a[i].key, "%s", msg);
		}
	}
}

static void parse_grants(struct cfg *cfg, struct build_info *b)
{
	long l;
	int e;

	e = cfg_get_bounded_long(cfg, "max_grant_frames", 0, INT_MAX, &l, 0);
	b->max_grant_frames = e == ESRCH ? (uint32_t)xlg.max_grant_frames
			      : !e	 ? (uint32_t)l
					 : b->max_grant_frames;
	e = cfg_get_bounded_long(cfg, "max_maptrack_frames", 0, INT_MAX, &l, 0);
	b->max_maptrack_frames = e == ESRCH ? (uint32_t)xlg.max_maptrack_frames
				 : !e	    ? (uint32_t)l
					    : b->max_maptrack_frames;
	e = cfg_get_bounded_long(cfg, "max_grant_version", 0, INT_MAX, &l, 0);
	b->max_grant_version = e == ESRCH ? xlg.max_grant_version
			       : !e	  ? (int)l
					  : b->max_grant_version;
}

static void parse_memory_vcpus(struct cfg *cfg, struct build_info *b)
{
	long l, vcpus = 0;

	if (!cfg_get_bounded_long(cfg, "memory", 0, MAX_MIB, &l, 0))
		b->target_memkb = (uint64_t)l * 1024;
	if (!cfg_get_bounded_long(cfg, "maxmem", 0, MAX_MIB, &l, 0))
		b->max_memkb = (uint64_t)l * 1024;
	if (!cfg_get_bounded_long(cfg, "vcpus", 0, 4096, &l, 0)) {
		vcpus = l;
		bitmap_alloc(&b->avail_vcpus, (int)l);
		while (l-- > 0)
			bitmap_set(&b->avail_vcpus, (int)l);
	}
	if (!cfg_get_bounded_long(cfg, "maxvcpus", 0, 4096, &l, 0))
		b->max_vcpus = (int)l;
	if (b->max_memkb == MEMKB_DEFAULT)
		b->max_memkb = b->target_memkb;
	if (b->max_vcpus == 0)
		b->max_vcpus = (int)vcpus;
	if (b->max_vcpus < vcpus)
		err(cfg, "maxvcpus", "maxvcpus (%s) is less than vcpus",
		    cfg_find(cfg, "maxvcpus")->value->str);
}

static void parse_sched(struct cfg *cfg, struct sched_params *s)
{
	long l;

	if (!cfg_get_long(cfg, "cpu_weight", &l, 0))
		s->weight = (int)l;
	if (!cfg_get_long(cfg, "cap", &l, 0))
		s->cap = (int)l;
	if (!cfg_get_long(cfg, "period", &l, 0))
		s->period = (int)l;
	if (!cfg_get_long(cfg, "slice", &l, 0))
		s->slice = (int)l;
	if (!cfg_get_long(cfg, "latency", &l, 0))
		s->latency = (int)l;
	if (!cfg_get_long(cfg, "extratime", &l, 0))
		s->extratime = (int)l;
}

static void parse_enum_or_int(struct cfg *cfg, const char *key,
			      const char *const *names, int base, int count,
			      int *out)
{
	const char *buf;
	long l;
	int i;

	if (!cfg_get_long(cfg, key, &l, 1)) {
		if (l < base || l >= base + count) {
			char v[32];

			snprintf(v, sizeof(v), "%ld", l);
			err(cfg, key, "invalid value %s", v);
			return;
		}
		*out = (int)l;
		return;
	}
	if (cfg_get_string(cfg, key, &buf, 0))
		return;
	for (i = 0; i < count; i++)
		if (names[i] && !strcmp(names[i], buf)) {
			*out = base + i;
			return;
		}
	{
		char msg[200];

		snprintf(msg, sizeof(msg), "invalid value `%s' for %s", buf,
			 key);
		err(cfg, key, "%s", msg);
	}
}

static const char *const tsc_names[] = { "default", "always_emulate", "native",
					 "native_paravirt" };
static const char *const timer_names[] = { "delay_for_missed_ticks",
					   "no_delay_for_missed_ticks",
					   "no_missed_ticks_pending",
					   "one_missed_tick_pending" };
static const char *const altp2m_names[] = { "disabled", "mixed", "external",
					    "limited" };
static const char *const passthrough_names[] = { "default", "disabled",
						 "enabled", "sync_pt",
						 "share_pt" };

static void cpuid_bad(void *ctx, const char *item, const char *why)
{
	struct cfg *cfg = ctx;
	char msg[512];

	snprintf(msg, sizeof(msg), "cpuid `%s': %s", item, why);
	err(cfg, "cpuid", "%s", msg);
}

/* cpuid= as a list of xend-style lines or a "host,..." string. */
static void parse_cpuid(struct cfg *cfg, struct build_info *b)
{
	struct cfg_value *list;
	int i, e = cfg_get_list(cfg, "cpuid", &list, 1);

	if (e == EINVAL) {
		const char *s;

		if (!cfg_get_string(cfg, "cpuid", &s, 0))
			parse_cpuid_host(b, s, cpuid_bad, cfg);
		return;
	}
	if (e)
		return;
	for (i = 0; i < list->n; i++) {
		const char *s = cfg_list_item(list, i), *why;

		if (!s)
			break;
		why = parse_cpuid_xend(b, s);
		if (why) {
			char msg[512];

			snprintf(msg, sizeof(msg), "cpuid line `%s': %s", s,
				 why);
			err(cfg, "cpuid", "%s", msg);
		}
	}
}

static bool bitmap_full(const struct bitmap *b)
{
	int i;

	for (i = 0; i < b->nbits; i++)
		if (!bitmap_test(b, i))
			return false;
	return true;
}

/*
 * xl.conf's vm.cpumask and vm.{hvm,pv}.cpumask restrict every vCPU's
 * hard affinity, as in Xen's xl create: a domain without cpus= gets
 * explicit maps when a mask is not "all"; a map left empty is an error.
 * The type is the configured one, as in Xen (PVH counts as HVM).
 */
void apply_affinity_masks(struct cfg *cfg, struct domain_config *dc)
{
	struct build_info *b = &dc->b;
	const struct bitmap *tm = b->type == DT_PV ? &xlg.pv_mask
						   : &xlg.hvm_mask;
	int i, k;

	if (!b->num_vcpu_hard_affinity &&
	    (!bitmap_full(&xlg.vm_mask) || !bitmap_full(tm)) && b->max_vcpus) {
		b->num_vcpu_hard_affinity = b->max_vcpus;
		b->vcpu_hard_affinity =
			xcalloc(b->max_vcpus, sizeof(*b->vcpu_hard_affinity));
		for (i = 0; i < b->max_vcpus; i++) {
			bitmap_alloc(&b->vcpu_hard_affinity[i], xlg.host_cpus);
			bitmap_set_any(&b->vcpu_hard_affinity[i]);
		}
	}
	for (i = 0; i < b->num_vcpu_hard_affinity; i++) {
		struct bitmap *m = &b->vcpu_hard_affinity[i];

		for (k = 0; k < m->nbits; k++)
			if (!bitmap_test(&xlg.vm_mask, k) ||
			    !bitmap_test(tm, k))
				bitmap_reset(m, k);
		if (bitmap_empty(m)) {
			char msg[200];

			snprintf(msg, sizeof(msg),
				 "vcpu %d would have no CPU to run on (cpus= "
				 "and the masks in xl.conf leave none)",
				 i);
			err(cfg, "cpus", "%s", msg);
			break;
		}
	}
}

int parse_domain_config(struct cfg *cfg, struct domain_config *dc)
{
	struct create_info *c = &dc->c;
	struct build_info *b = &dc->b;
	const char *buf;
	long l;

	if (!cfg_get_string(cfg, "init_seclabel", &buf, 0))
		cfg_replace_string(cfg, "init_seclabel", &c->ssid_label, 0);
	if (!cfg_get_string(cfg, "seclabel", &buf, 0))
		cfg_replace_string(cfg, "seclabel",
				   c->ssid_label ? &b->exec_ssid_label
						 : &c->ssid_label,
				   0);
	DB_SET(c->run_hotplug_scripts, xlg.run_hotplug_scripts);
	parse_type(cfg, c);
	cfg_get_defbool(cfg, "hap", &c->hap, 0);
	if (cfg_replace_string(cfg, "name", &c->name, 0) == ESRCH)
		err(cfg, NULL,
		    "domain name must be specified: add name=\"...\"%s", "");
	if (!cfg_get_string(cfg, "uuid", &buf, 0)) {
		if (parse_uuid(buf, c->uuid))
			err(cfg, "uuid",
			    "invalid UUID `%s' (expected "
			    "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)",
			    buf);
	} else {
		uuid_generate(c->uuid);
	}
	cfg_get_defbool(cfg, "oos", &c->oos, 0);
	cfg_replace_string(cfg, "pool", &c->pool_name, 0);
	build_info_init_type(b, c->type);
	if (b->type == DT_PVH) {
		cfg_get_defbool(cfg, "pvshim", &b->pvh.pvshim, 0);
		cfg_replace_string(cfg, "pvshim_path", &b->pvh.pvshim_path, 0);
		cfg_replace_string(cfg, "pvshim_cmdline",
				   &b->pvh.pvshim_cmdline, 0);
		cfg_replace_string(cfg, "pvshim_extra", &b->pvh.pvshim_extra,
				   0);
	}
	if (xlg.blkdev_start)
		b->blkdev_start = xstrdup(xlg.blkdev_start);
	parse_sched(cfg, &b->sched);
	parse_memory_vcpus(cfg, b);
	if (!cfg_get_string(cfg, "vuart", &buf, 0)) {
		if (!strcmp(buf, "sbsa_uart"))
			b->vuart = 1;
		else
			err(cfg, "vuart", "invalid value `%s' for vuart", buf);
	}
	parse_vnuma(cfg, b);
	parse_affinity(cfg, b, "cpus", true);
	parse_affinity(cfg, b, "cpus_soft", false);
	parse_grants(cfg, b);
	DB_SET(b->claim_mode, xlg.claim_mode);
	parse_actions(cfg, dc);
	if (c->type == DT_PV)
		cfg_get_defbool(cfg, "e820_host", &b->pv.e820_host, 0);
	if (!cfg_get_string(cfg, "rdm", &buf, 0)) {
		int r = parse_rdm(buf, &b->hvm.rdm_strategy,
				  &b->hvm.rdm_policy);

		if (r < 0)
			err(cfg, "rdm",
			    "invalid rdm `%s' (expected "
			    "\"strategy=host[,policy=strict|relaxed]\")",
			    buf);
		else if (r > 0)
			warn(cfg, "rdm",
			     "rdm= with policy= is ignored, as by Xen 4.17's xl; "
			     "set rdm_policy= on each pci= device instead");
	}
	if (!cfg_get_string(cfg, "passthrough", &buf, 0)) {
		int i, found = 0;

		for (i = 0; i < 5; i++)
			if (!strcmp(buf, passthrough_names[i])) {
				c->passthrough = i;
				found = 1;
			}
		if (!found)
			err(cfg, "passthrough",
			    "unknown passthrough option `%s'", buf);
	}
	if (!cfg_get_bounded_long(cfg, "shadow_memory", 0, MAX_MIB, &l, 0))
		b->shadow_memkb = (uint64_t)l * 1024;
	cfg_get_defbool(cfg, "nomigrate", &b->disable_migrate, 0);
	parse_enum_or_int(cfg, "tsc_mode", tsc_names, 0, 4, &b->tsc_mode);
	if (!cfg_get_long(cfg, "rtc_timeoffset", &l, 0))
		b->rtc_timeoffset = (uint32_t)l;
	if (!cfg_get_long(cfg, "vncviewer", &l, 0))
		warn(cfg, "vncviewer",
		     "ignoring \"vncviewer\"; use xl create -V instead");
	cfg_get_defbool(cfg, "localtime", &b->localtime, 0);
	if (!cfg_get_bounded_long(cfg, "videoram", 0, MAX_MIB, &l, 0))
		b->video_memkb = (uint64_t)l * 1024;
	if (!cfg_get_long(cfg, "max_event_channels", &l, 0))
		b->event_channels = (uint32_t)l;
	parse_boot(cfg, b);
	cfg_get_defbool(cfg, "driver_domain", &c->driver_domain, 0);
	cfg_get_defbool(cfg, "acpi", &b->acpi, 0);
	if (cfg_find(cfg, "timer_mode")) {
		if (b->type == DT_PV)
			err(cfg, "timer_mode",
			    "\"timer_mode\" is not supported for PV "
			    "guests%s",
			    "");
		else
			parse_enum_or_int(cfg, "timer_mode", timer_names, 0, 4,
					  &b->timer_mode);
	}
	cfg_get_defbool(cfg, "nestedhvm", &b->nested_hvm, 0);
	if (b->type == DT_HVM)
		parse_hvm_options(cfg, dc);
	else
		parse_pv_firmware(cfg, b);
	parse_enum_or_int(cfg, "altp2m", altp2m_names, 0, 4, &b->altp2m);
	if (!cfg_get_long(cfg, "vmtrace_buf_kb", &l, 1) && l)
		b->vmtrace_buf_kb = (int)l;
	parse_devices(cfg, dc);
	parse_cpuid(cfg, b);
	parse_vkbs(cfg, dc);
	cfg_get_defbool(cfg, "xend_suspend_evtchn_compat",
			&c->xend_suspend_evtchn_compat, 0);
	if (!cfg_get_defbool(cfg, "msr_relaxed", &b->msr_relaxed, 0))
		warn(cfg, "msr_relaxed",
		     "msr_relaxed will be removed in future versions");
	cfg_get_defbool(cfg, "vpmu", &b->vpmu, 0);
	if (!cfg_get_string(cfg, "tee", &buf, 1)) {
		if (!strcmp(buf, "optee"))
			b->tee = 1;
		else if (strcmp(buf, "none"))
			err(cfg, "tee", "unknown tee `%s'", buf);
	}
	if (!cfg_get_string(cfg, "gic_version", &buf, 1)) {
		if (!strcmp(buf, "v2"))
			b->gic_version = 1;
		else if (!strcmp(buf, "v3"))
			b->gic_version = 2;
		else if (strcmp(buf, "default"))
			err(cfg, "gic_version", "unknown gic_version `%s'",
			    buf);
	}
	return cfg->nerrors;
}
