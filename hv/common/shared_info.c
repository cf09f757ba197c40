// SPDX-License-Identifier: GPL-2.0-only
/*
 * Time as guests read it from shared_info: each vCPU's pvclock record
 * (vcpu_time_info) and the domain's wall clock. The records use the
 * hypervisor's own TSC scale and base (time.c), which never change, so
 * they are written once; guest and hypervisor system time agree exactly.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/apic.h>
#include <hv/domain.h>
#include <xen/xen.h>

#define PVCLOCK_TSC_STABLE_BIT (1 << 0)

static uint64_t wall_at_boot_ns;
static bool wall_set;

void wallclock_set(uint64_t wall_ns_at_boot)
{
	wall_at_boot_ns = wall_ns_at_boot;
	wall_set = true;
}

static uint64_t wall_base(void)
{
	return wall_set ? wall_at_boot_ns : wallclock_at_boot_ns();
}

static void write_time(struct vcpu_time_info *t)
{
	uint64_t base;
	uint32_t mul;
	int8_t shift;

	time_pvclock_params(&base, &mul, &shift);
	/* Odd version while writing, even after (the pvclock protocol). */
	__atomic_store_n(&t->version, t->version | 1, __ATOMIC_SEQ_CST);
	t->tsc_timestamp = base;
	t->system_time = 0;
	t->tsc_to_system_mul = mul;
	t->tsc_shift = shift;
	t->flags = PVCLOCK_TSC_STABLE_BIT;
	__atomic_store_n(&t->version, t->version + 1, __ATOMIC_SEQ_CST);
}

void shared_info_set_wallclock(struct domain *d)
{
	struct shared_info *si = d->shared_info;
	uint64_t w = wall_base();
	uint64_t sec = w / 1000000000ULL;

	__atomic_store_n(&si->wc_version, si->wc_version | 1, __ATOMIC_SEQ_CST);
	si->wc_sec = (uint32_t)sec;
	si->wc_sec_hi = (uint32_t)(sec >> 32);
	si->wc_nsec = w % 1000000000ULL;
	__atomic_store_n(&si->wc_version, si->wc_version + 1, __ATOMIC_SEQ_CST);
}

void shared_info_init_time(struct domain *d)
{
	for (unsigned int i = 0; i < d->nr_vcpus; i++)
		write_time(&d->vcpus[i]->vcpu_info->time);
	shared_info_set_wallclock(d);
}
