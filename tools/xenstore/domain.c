// SPDX-License-Identifier: GPL-2.0
/*
 * Domains known to the daemon: introduced guests, targets (device-model
 * stub domains), feature bits, per-domain quotas and node ownership counts.
 * Records are created on demand; dom0 is always considered introduced.
 */
#include <stdlib.h>
#include <string.h>

#include "xenstored.h"

static struct domain *domains;
/* Nodes owned per domid; kept apart from records so chmod to any domid
 * does not create domain records. */
static unsigned int owned[DOMID_MAX + 1];

struct conn *(*domain_ring_attach)(struct domain *d);

struct domain *domain_find(uint32_t domid)
{
	struct domain *d;

	for (d = domains; d; d = d->next)
		if (d->domid == domid)
			return d;
	return NULL;
}

struct domain *domain_get(uint32_t domid)
{
	struct domain *d = domain_find(domid);

	if (d)
		return d;
	d = calloc(1, sizeof(*d));
	if (!d)
		return NULL;
	d->domid = domid;
	d->target = NO_TARGET;
	d->features = XSD_FEATURES;
	memcpy(d->quota, quota_global, sizeof(d->quota));
	d->next = domains;
	domains = d;
	return d;
}

unsigned int domain_quota(uint32_t domid, enum quota_id q)
{
	const struct domain *d = domain_find(domid);

	return d ? d->quota[q] : quota_global[q];
}

void domain_nodes_adjust(uint32_t domid, int delta)
{
	if (domid > DOMID_MAX)
		return;
	if (delta < 0 && owned[domid] < (unsigned int)-delta)
		owned[domid] = 0;
	else
		owned[domid] += delta;
}

unsigned int domain_nodes(uint32_t domid)
{
	return domid > DOMID_MAX ? 0 : owned[domid];
}

void domain_free_all(void)
{
	struct domain *d, *next;

	for (d = domains; d; d = next) {
		next = d->next;
		free(d);
	}
	domains = NULL;
	memset(owned, 0, sizeof(owned));
}

void domain_remove(uint32_t domid)
{
	struct domain **pp, *d;

	for (pp = &domains; *pp; pp = &(*pp)->next) {
		d = *pp;
		if (d->domid == domid) {
			*pp = d->next;
			free(d);
			return;
		}
	}
}

void domain_foreach(void (*fn)(struct domain *, void *), void *arg)
{
	struct domain *d;

	for (d = domains; d; d = d->next)
		fn(d, arg);
}
