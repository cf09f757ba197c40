// SPDX-License-Identifier: GPL-2.0-only
/*
 * LD_PRELOAD shim that lets Debian's xl 4.17 run `xl -N ...` on a host
 * without Xen, so it can serve as the reference for golden files.  It
 * replaces the few libxenctrl/libxenstore calls xl makes before a dry
 * run with stubs describing an 8-CPU, 1-node x86 host.  Test tool only.
 */
#include <stdio.h>
#include <stdlib.h>
void *xc_interface_open(void *a, void *b, unsigned f)
{
	return calloc(1, 4096);
}
int xc_interface_close(void *x)
{
	return 0;
}
void *xs_open(unsigned long f)
{
	return calloc(1, 4096);
}
void *xs_daemon_open(void)
{
	return calloc(1, 4096);
}
void *xs_domain_open(void)
{
	return calloc(1, 4096);
}
void xs_close(void *h)
{
}
void xs_daemon_close(void *h)
{
}
int xc_get_max_cpus(void *x)
{
	return 8;
}
int xc_get_max_nodes(void *x)
{
	return 1;
}
int xc_get_online_cpus(void *x)
{
	return 8;
}
#include <string.h>
int xc_version(void *x, int cmd, void *arg)
{
	switch (cmd) {
	case 0:
		return (4 << 16) | 17;
	case 1:
		memset(arg, 0, 16);
		return 0;
	case 2:
		memset(arg, 0, 144);
		return 0;
	case 3:
		strcpy(arg,
		       "xen-3.0-x86_64 hvm-3.0-x86_32 hvm-3.0-x86_32p hvm-3.0-x86_64");
		return 0;
	case 4:
		memset(arg, 0, 64);
		return 0;
	case 5:
		memset(arg, 0, 8);
		return 0;
	case 7:
		return 4096;
	case 9:
		memset(arg, 0, 1024);
		return 0;
	default:
		return -1;
	}
}
#include <stdint.h>
#define __XEN_TOOLS__ 1
#include <xen/xen.h>
#include <xen/sysctl.h>
int xc_physinfo(void *x, struct xen_sysctl_physinfo *p)
{
	memset(p, 0, sizeof(*p));
	p->threads_per_core = 1;
	p->cores_per_socket = 8;
	p->nr_cpus = 8;
	p->max_cpu_id = 7;
	p->nr_nodes = 1;
	p->cpu_khz = 2000000;
	p->capabilities = XEN_SYSCTL_PHYSCAP_hvm | XEN_SYSCTL_PHYSCAP_pv |
			  XEN_SYSCTL_PHYSCAP_hap | XEN_SYSCTL_PHYSCAP_shadow;
	p->total_pages = 1 << 20;
	p->free_pages = 1 << 19;
	p->max_mfn = 1 << 20;
	return 0;
}
long xc_memory_op(void *x, unsigned cmd, void *arg, size_t len)
{
	return 0;
}
long xc_sharing_freed_pages(void *x)
{
	return 0;
}
long xc_sharing_used_frames(void *x)
{
	return 0;
}

/*
 * Redirect /etc/xen/xl.conf to $ORACLE_XL_CONF so the reference xl can
 * be run with a test xl.conf.
 */
#include <dlfcn.h>
FILE *fopen(const char *path, const char *mode)
{
	static FILE *(*real)(const char *, const char *);
	const char *alt = getenv("ORACLE_XL_CONF");

	if (!real)
		real = (FILE * (*)(const char *, const char *))
			dlsym(RTLD_NEXT, "fopen");
	if (alt && !strcmp(path, "/etc/xen/xl.conf"))
		path = alt;
	return real(path, mode);
}
