// SPDX-License-Identifier: GPL-2.0-only
/*
 * Checks on a parsed configuration, and Krypton's plan for it.
 *
 * Xen accepts some of these and fails later, or only warns (bad MAC,
 * duplicate vdev); Krypton refuses them before anything is created.
 * Files the guest needs (kernel, ramdisk, disk images) must exist for
 * `xl create`; under -N they only draw a warning, since a dry run may
 * check a configuration written for another host.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "xl.h"

#define MIN_MEMORY_MB 16 /* smallest guest Krypton will build */

static int setting_line(struct cfg *cfg, const char *key)
{
	struct cfg_setting *s;

	for (s = cfg->settings; s; s = s->next)
		if (!strcmp(s->name, key))
			return s->line;
	return 0;
}

static void verr(struct cfg *cfg, int line, const char *msg)
{
	cfg_report(cfg, line, "error", "%s", msg);
	cfg->nerrors++;
}

/* Missing file: an error for create, a warning for a dry run. */
static void missing(struct cfg *cfg, int line, enum check_mode mode,
		    const char *what, const char *path, const char *why)
{
	cfg_report(cfg, line, mode == CHECK_CREATE ? "error" : "warning",
		   "%s `%s' %s", what, path, why);
	if (mode == CHECK_CREATE)
		cfg->nerrors++;
	else
		cfg->nwarnings++;
}

static bool file_ok(const char *path, const char **why)
{
	struct stat st;

	if (stat(path, &st)) {
		*why = errno == ENOENT ? "does not exist" : strerror(errno);
		return false;
	}
	if (S_ISDIR(st.st_mode)) {
		*why = "is a directory";
		return false;
	}
	return true;
}

static void check_memory(struct cfg *cfg, struct domain_config *dc)
{
	struct build_info *b = &dc->b;
	char msg[256];

	if (b->target_memkb != MEMKB_DEFAULT &&
	    b->target_memkb < (uint64_t)MIN_MEMORY_MB * 1024) {
		snprintf(msg, sizeof(msg),
			 "memory=%llu is below the minimum of %d (MiB)",
			 (unsigned long long)(b->target_memkb / 1024),
			 MIN_MEMORY_MB);
		verr(cfg, setting_line(cfg, "memory"), msg);
	}
	if (b->max_memkb != MEMKB_DEFAULT && b->target_memkb != MEMKB_DEFAULT &&
	    b->max_memkb < b->target_memkb) {
		snprintf(msg, sizeof(msg),
			 "maxmem=%llu is less than memory=%llu; maxmem must be "
			 "at least memory",
			 (unsigned long long)(b->max_memkb / 1024),
			 (unsigned long long)(b->target_memkb / 1024));
		verr(cfg, setting_line(cfg, "maxmem"), msg);
	}
	if (setting_line(cfg, "vcpus") && b->avail_vcpus.nbits == 0)
		verr(cfg, setting_line(cfg, "vcpus"),
		     "vcpus must be at least 1");
}

static void check_disks(struct cfg *cfg, struct domain_config *dc,
			enum check_mode mode)
{
	int i, j, *num = xcalloc(dc->num_disks + 1, sizeof(int));
	char msg[512];

	for (i = 0; i < dc->num_disks; i++) {
		struct device_disk *d = &dc->disks[i];
		const char *why;

		num[i] = d->vdev ? vdev_to_devnum(d->vdev) : -1;
		if (d->vdev && num[i] < 0) {
			snprintf(msg, sizeof(msg),
				 "disk vdev `%s' is not a valid virtual device "
				 "name (use xvda, hda, sda, ... or d0p1)",
				 d->vdev);
			verr(cfg, d->line, msg);
		}
		for (j = 0; j < i; j++)
			if (num[i] >= 0 && num[i] == num[j]) {
				snprintf(msg, sizeof(msg),
					 "disk vdev `%s' is used twice (also "
					 "by `%s'); every disk needs its own "
					 "vdev",
					 d->vdev, dc->disks[j].vdev);
				verr(cfg, d->line, msg);
			}
		/* Script-driven targets (iscsi:, drbd:, ...) are not paths. */
		if (!d->pdev_path || !*d->pdev_path || d->script ||
		    d->format == DF_EMPTY)
			continue;
		if (!file_ok(d->pdev_path, &why))
			missing(cfg, d->line, mode, "disk target", d->pdev_path,
				why);
	}
	free(num);
}

static void check_nics(struct cfg *cfg, struct domain_config *dc)
{
	int i, j;
	char msg[256];

	for (i = 0; i < dc->num_nics; i++) {
		struct device_nic *n = &dc->nics[i];

		if (n->mac_given && (n->mac[0] & 1)) {
			snprintf(msg, sizeof(msg),
				 "vif %d: MAC %02x:%02x:%02x:%02x:%02x:%02x is "
				 "a multicast address; the first octet must be "
				 "even (e.g. 00:16:3e:...)",
				 i, n->mac[0], n->mac[1], n->mac[2], n->mac[3],
				 n->mac[4], n->mac[5]);
			verr(cfg, n->line, msg);
		}
		for (j = 0; j < i; j++) {
			struct device_nic *m = &dc->nics[j];

			if (n->mac_given && m->mac_given &&
			    !memcmp(n->mac, m->mac, 6)) {
				snprintf(msg, sizeof(msg),
					 "vif %d and vif %d have the same MAC "
					 "address",
					 j, i);
				verr(cfg, n->line, msg);
			}
			if (n->ifname && m->ifname &&
			    !strcmp(n->ifname, m->ifname)) {
				snprintf(msg, sizeof(msg),
					 "vif %d and vif %d have the same "
					 "vifname `%s'",
					 j, i, n->ifname);
				verr(cfg, n->line, msg);
			}
		}
	}
}

/*
 * Krypton has no classic PV: a PV configuration runs as PVH when its
 * kernel has a PVH entry point.  Decide that here.
 */
static void plan_type(struct cfg *cfg, struct domain_config *dc,
		      enum check_mode mode)
{
	struct build_info *b = &dc->b;
	int line = setting_line(cfg, "kernel");
	char detail[128], msg[768];
	const char *why, *kstate = "has a PVH entry point";

	dc->planned_type = dc->c.type;
	if (b->ramdisk && !file_ok(b->ramdisk, &why))
		missing(cfg, setting_line(cfg, "ramdisk"), mode, "ramdisk",
			b->ramdisk, why);
	if (b->kernel && dc->c.type == DT_HVM && !file_ok(b->kernel, &why))
		missing(cfg, line, mode, "kernel", b->kernel, why);
	if (b->kernel && dc->c.type != DT_HVM) {
		switch (probe_kernel(b->kernel, detail, sizeof(detail))) {
		case KK_MISSING:
			missing(cfg, line, mode, "kernel", b->kernel,
				"does not exist");
			kstate = "must have a PVH entry point (not checked)";
			break;
		case KK_UNREADABLE:
			missing(cfg, line, mode, "kernel", b->kernel, detail);
			kstate = "must have a PVH entry point (not checked)";
			break;
		case KK_ELF_NO_PVH:
			if (dc->c.type == DT_PV)
				snprintf(msg, sizeof(msg),
					 "kernel `%s' has no PVH entry point "
					 "(ELF note XEN_ELFNOTE_PHYS32_ENTRY). "
					 "Krypton does not run classic PV "
					 "guests, so this PV configuration "
					 "can only run as PVH: use a kernel "
					 "built with CONFIG_PVH=y, or set "
					 "type=\"hvm\"",
					 b->kernel);
			else
				snprintf(msg, sizeof(msg),
					 "kernel `%s' has no PVH entry point "
					 "(ELF note XEN_ELFNOTE_PHYS32_ENTRY); "
					 "a PVH guest needs a kernel built "
					 "with CONFIG_PVH=y",
					 b->kernel);
			verr(cfg, line, msg);
			return;
		case KK_UNKNOWN:
			snprintf(msg, sizeof(msg),
				 "kernel `%s' is neither an ELF image nor a "
				 "Linux bzImage",
				 b->kernel);
			verr(cfg, line, msg);
			return;
		case KK_BZIMAGE:
			cfg_report(cfg, line, "notice",
				   "kernel `%s' is a bzImage whose payload "
				   "could not be inspected; assuming it has a "
				   "PVH entry point (CONFIG_PVH=y)",
				   b->kernel);
			kstate = "is assumed to have a PVH entry point";
			break;
		case KK_ELF_PVH:
			break;
		}
	}
	if (dc->c.type == DT_PV && !cfg->nerrors) {
		dc->planned_type = DT_PVH;
		if (b->kernel)
			cfg_report(cfg, 0, "notice",
				   "type \"pv\" will run as PVH (Krypton does "
				   "not run classic PV guests); kernel `%s' %s",
				   b->kernel, kstate);
		else
			cfg_report(cfg, 0, "notice",
				   "type \"pv\" will run as PVH (Krypton does "
				   "not run classic PV guests); the kernel "
				   "that %s loads must support PVH",
				   b->bootloader ? b->bootloader
						 : "the bootloader");
	}
}

/*
 * The MAC each vif will get.  Like libxl, an interface without one gets
 * a random address in Xen's OUI 00:16:3e (bit 7 of the fourth octet
 * clear); the dry-run JSON leaves it out, as Xen's does.
 */
static void plan_macs(struct domain_config *dc)
{
	int i;

	for (i = 0; i < dc->num_nics; i++) {
		struct device_nic *n = &dc->nics[i];

		if (n->mac_given) {
			memcpy(n->planned_mac, n->mac, 6);
			continue;
		}
		n->planned_mac[0] = 0x00;
		n->planned_mac[1] = 0x16;
		n->planned_mac[2] = 0x3e;
		random_bytes(n->planned_mac + 3, 3);
		n->planned_mac[3] &= 0x7f;
	}
}

int validate_config(struct cfg *cfg, struct domain_config *dc,
		    enum check_mode mode)
{
	if (dc->c.name && !*dc->c.name)
		verr(cfg, setting_line(cfg, "name"), "name must not be empty");
	check_memory(cfg, dc);
	check_disks(cfg, dc, mode);
	check_nics(cfg, dc);
	plan_type(cfg, dc, mode);
	plan_macs(dc);
	return cfg->nerrors;
}
