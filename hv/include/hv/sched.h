/* SPDX-License-Identifier: GPL-2.0-only */
/* Blocking and waking vCPUs. */
#ifndef HV_SCHED_H
#define HV_SCHED_H

#include <hv/domain.h>

/* Blocks @v until an event is pending for it (returns at once if one
 * already is). Called on the vCPU's own physical CPU. */
void vcpu_block(struct vcpu *v);

#endif
