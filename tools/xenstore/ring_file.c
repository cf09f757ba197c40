// SPDX-License-Identifier: GPL-2.0
/*
 * Rings without a hypervisor (--ring-dir): when a domain is introduced,
 * the file <dir>/<domid> is mapped shared as its ring page, so a test
 * "guest" process that maps the same file talks to the daemon exactly as
 * a guest kernel would over a granted page.  There are no event channels
 * here: the poll loop checks ring connections every few milliseconds.
 * The hypervisor transport will map a grant and bind an event channel in
 * the same place (domain_ring_attach).
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xenstored.h"

static const char *ring_dir;

static void unmap_page(struct xenstore_domain_interface *intf)
{
	munmap(intf, 4096);
}

static struct conn *attach(struct domain *d)
{
	char path[4096];
	struct xenstore_domain_interface *intf;
	struct conn *c;
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), "%s/%u", ring_dir, d->domid);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0 || fstat(fd, &st) || st.st_size < 4096) {
		xlog("dom%u: no ring page at %s", d->domid, path);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	intf = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	close(fd);
	if (intf == MAP_FAILED)
		return NULL;
	/* As on introduction by Xen: a fresh, connected ring. */
	ring_init(intf);
	c = ring_conn_new(intf, d->domid, NULL, NULL);
	if (!c) {
		munmap(intf, 4096);
		return NULL;
	}
	ring_conn_set_unmap(c, unmap_page);
	xlog("dom%u: ring mapped from %s", d->domid, path);
	return c;
}

void ring_file_setup(const char *dir)
{
	ring_dir = dir;
	domain_ring_attach = attach;
}
