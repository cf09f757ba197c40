/* SPDX-License-Identifier: GPL-2.0-only */
/* Building the initial domain from the boot modules. */
#ifndef HV_DOM0_H
#define HV_DOM0_H

#include <hv/domain.h>

struct domain *dom0_build(void);

#endif
