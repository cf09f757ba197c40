// SPDX-License-Identifier: GPL-2.0-only
/*
 * Domains: creation, shutdown, crash and teardown. A crash logs one line
 * naming the domain, vCPU, RIP and reason, and stops only that domain.
 * When the last domain is gone the machine powers off (after a poweroff
 * shutdown) or reboots (after a reboot or a crash), as Xen does for dom0.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/xmalloc.h>
#include <hv/hvm.h>
#include <hv/domain.h>
#include <hv/acpi.h>
#include <hv/console.h>
#include <hv/sched.h>
#include <hv/apic.h>
#include <xen/sched.h>
#include <xen/vcpu.h>

static struct domain *domains;
static spinlock_t domlist_lock = SPINLOCK_INIT;

const char *shutdown_reason_name(unsigned int code)
{
	static const char *const names[] = {
		[SHUTDOWN_poweroff] = "poweroff",
		[SHUTDOWN_reboot] = "reboot",
		[SHUTDOWN_suspend] = "suspend",
		[SHUTDOWN_crash] = "crash",
		[SHUTDOWN_watchdog] = "watchdog",
		[SHUTDOWN_soft_reset] = "soft_reset",
	};

	if (code < ARRAY_SIZE(names) && names[code])
		return names[code];
	return "unknown";
}

struct domain *domain_list(void)
{
	return domains;
}

struct domain *domain_by_id(uint16_t domid)
{
	for (struct domain *d = domains; d; d = d->next)
		if (d->domid == domid && d->state != DOMAIN_DEAD)
			return d;
	return NULL;
}

bool domain_is_alive(const struct domain *d)
{
	return d->state == DOMAIN_RUNNING;
}

struct domain *domain_create(uint16_t domid, const char *name, bool privileged,
			     unsigned int nr_vcpus)
{
	struct domain *d;
	unsigned long flags;

	if (nr_vcpus == 0 || nr_vcpus > MAX_VCPUS)
		return NULL;
	d = xzalloc(sizeof(*d));
	if (!d)
		return NULL;
	d->domid = domid;
	strlcpy(d->name, name, sizeof(d->name));
	d->is_privileged = privileged;
	d->weight = 256;
	d->shared_info_gfn = INVALID_GFN_ENTRY;
	if (p2m_init(&d->p2m))
		goto fail;
	d->shared_info = alloc_zeroed_page();
	if (!d->shared_info || evtchn_init(d) ||
	    grant_table_init(d, GNTTAB_DEFAULT_MAX_FRAMES))
		goto fail;
	for (unsigned int i = 0; i < nr_vcpus; i++) {
		struct vcpu *v = xzalloc(sizeof(*v));

		if (!v)
			goto fail;
		v->domain = d;
		v->vcpu_id = i;
		v->state = VCPU_DOWN;
		v->runstate = RUNSTATE_offline;
		v->runstate_entry = now_ns(); /* offline since creation */
		/* Until it registers its own, a vCPU's vcpu_info is its slot in
		 * shared_info (which has XEN_LEGACY_MAX_VCPUS of them). */
		if (i < XEN_LEGACY_MAX_VCPUS)
			v->vcpu_info = (struct vcpu_info *)&d->shared_info
					       ->vcpu_info[i];
		vcpu_timers_init(v);
		vcpu_poll_init(v);
		vlapic_init(v);
		sched_add_vcpu(v);
		/* The FPU as after FNINIT, SSE exceptions masked. */
		v->fpu[0] = 0x7f, v->fpu[1] = 0x03;   /* FCW 0x037f */
		v->fpu[24] = 0x80, v->fpu[25] = 0x1f; /* MXCSR 0x1f80 */
		d->vcpus[i] = v;
		d->nr_vcpus++;
		if (hvm_ops->vcpu_init(v))
			goto fail;
	}
	flags = spin_lock_irqsave(&domlist_lock);
	d->next = domains;
	domains = d;
	spin_unlock_irqrestore(&domlist_lock, flags);
	return d;
fail:
	domain_destroy(d);
	return NULL;
}

void domain_destroy(struct domain *d)
{
	unsigned long flags = spin_lock_irqsave(&domlist_lock);

	for (struct domain **pp = &domains; *pp; pp = &(*pp)->next) {
		if (*pp == d) {
			*pp = d->next;
			break;
		}
	}
	spin_unlock_irqrestore(&domlist_lock, flags);
	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		if (d->vcpus[i]) {
			timer_stop(&d->vcpus[i]->singleshot);
			timer_stop(&d->vcpus[i]->poll_timer);
			if (d->vcpus[i]->arch)
				hvm_ops->vcpu_destroy(d->vcpus[i]);
			xfree(d->vcpus[i]);
		}
	}
	evtchn_destroy(d);
	grant_table_destroy(d);
	p2m_destroy(&d->p2m, true);
	free_page(d->shared_info);
	xfree(d);
}

static void print_exit_stats(struct domain *d)
{
	static const char *const names[HVM_EXIT_NR] = {
		"other", "intr", "vintr",     "cpuid", "hlt",
		"io",	 "msr",	 "hypercall", "npf",
	};

	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *v = d->vcpus[i];
		char buf[256];
		int n = 0;

		for (int c = 0; c < HVM_EXIT_NR; c++)
			n += snprintf(buf + n, sizeof(buf) - n, " %s=%llu",
				      names[c],
				      (unsigned long long)v->exit_stats[c]);
		printk(XENLOG_INFO "d%uv%u exits: %llu:%s\n", d->domid,
		       v->vcpu_id, (unsigned long long)v->nr_exits, buf);
		n = 0;
		for (unsigned int p = 0; p < ARRAY_SIZE(v->io_port_hot); p++)
			if (v->io_port_hits[p])
				n += snprintf(
					buf + n, sizeof(buf) - n, " %#x=%llu",
					v->io_port_hot[p],
					(unsigned long long)v->io_port_hits[p]);
		if (n)
			printk(XENLOG_INFO "d%uv%u hot I/O ports:%s\n",
			       d->domid, v->vcpu_id, buf);
	}
}

/* Called once a domain has stopped: tear it down, maybe end the machine. */
static void domain_finished(struct domain *d, bool crashed)
{
	unsigned int code = crashed ? SHUTDOWN_crash : d->shutdown_code;

	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		d->vcpus[i]->state = VCPU_DOWN;
		timer_stop(&d->vcpus[i]->singleshot);
		timer_stop(&d->vcpus[i]->poll_timer);
	}
	d->state = DOMAIN_DEAD;
	console_guest_flush(d->domid);
	print_exit_stats(d);
	for (struct domain *o = domains; o; o = o->next)
		if (o != d && domain_is_alive(o))
			return; /* others run on; the toolstack reaps this one */
	/* As Xen for the hardware domain: only "poweroff" powers off;
	 * every other reason (reboot, crash, suspend, ...) reboots. */
	if (code == SHUTDOWN_poweroff) {
		printk("All domains have shut down: powering off\n");
		machine_power_off();
	}
	printk("All domains have shut down: rebooting\n");
	machine_restart();
}

void domain_shutdown(struct domain *d, unsigned int reason)
{
	if (d->state != DOMAIN_RUNNING)
		return;
	d->state = DOMAIN_SHUTDOWN;
	d->shutdown_code = reason;
	printk("d%u: shutdown: %s\n", d->domid, shutdown_reason_name(reason));
	domain_finished(d, reason == SHUTDOWN_crash);
}

void domain_crash(struct vcpu *v, const char *fmt, ...)
{
	struct domain *d = v->domain;
	char why[160];
	va_list ap;

	if (d->state == DOMAIN_CRASHED || d->state == DOMAIN_DEAD)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	printk(XENLOG_ERR "d%uv%u crashed: %s (RIP %#llx)\n", d->domid,
	       v->vcpu_id, why, (unsigned long long)v->regs.rip);
	d->state = DOMAIN_CRASHED;
	d->shutdown_code = SHUTDOWN_crash;
	domain_finished(d, true);
}
