/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Client calls for the message types newer than Xen 4.17 (GET/SET_FEATURE,
 * GET/SET_QUOTA), with the names and signatures newer libxenstore uses.
 * Debian's 4.17 <xenstore.h> lacks them; include this after it.
 */
#ifndef KRYPTON_XS_CLIENT_EXT_H
#define KRYPTON_XS_CLIENT_EXT_H

#include <stdbool.h>
#include <xenstore.h>

/* Features (XENSTORE_SERVER_FEATURE_* bits) for the calling domain. */
bool xs_get_features_supported(struct xs_handle *h, unsigned int *features);
bool xs_get_features_domain(struct xs_handle *h, unsigned int domid,
			    unsigned int *features);
/* Only before the domain is introduced. */
bool xs_set_features_domain(struct xs_handle *h, unsigned int domid,
			    unsigned int features);

/* Names of the supported quotas; one free() releases the array. */
char **xs_get_quota_names(struct xs_handle *h, unsigned int *num);
bool xs_get_global_quota(struct xs_handle *h, char *quota, unsigned int *value);
bool xs_set_global_quota(struct xs_handle *h, char *quota, unsigned int value);
bool xs_get_domain_quota(struct xs_handle *h, unsigned int domid, char *quota,
			 unsigned int *value);
bool xs_set_domain_quota(struct xs_handle *h, unsigned int domid, char *quota,
			 unsigned int value);

#endif
