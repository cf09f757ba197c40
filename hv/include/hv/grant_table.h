/* SPDX-License-Identifier: GPL-2.0-only */
/* Grant tables, version 1: frames the guest maps with add_to_physmap. */
#ifndef HV_GRANT_TABLE_H
#define HV_GRANT_TABLE_H

#include <hv/types.h>

#define GNTTAB_MAX_FRAMES 64
#define GNTTAB_DEFAULT_MAX_FRAMES 32

struct domain;
struct vcpu;

struct grant_table {
	unsigned int nr_frames;	 /* frames allocated so far */
	unsigned int max_frames; /* limit the domain was created with */
	void *frames[GNTTAB_MAX_FRAMES];
	unsigned int version;
};

int grant_table_init(struct domain *d, unsigned int max_frames);
void grant_table_destroy(struct domain *d);
/* Host frame of grant-table frame @idx, growing the table if needed;
 * -1 if idx is beyond the domain's limit or memory ran out. */
int64_t grant_table_frame_mfn(struct domain *d, unsigned int idx);

long do_grant_table_op(struct vcpu *v, uint64_t cmd, uint64_t arg,
		       uint64_t count, uint64_t a4, uint64_t a5);

#endif
