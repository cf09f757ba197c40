// SPDX-License-Identifier: GPL-2.0-only
/*
 * Debug keys, one table: key, what it does, its handler. They print
 * hypervisor state on the console; 'R' reboots the machine.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/mm.h>
#include <hv/apic.h>
#include <hv/acpi.h>
#include <hv/percpu.h>
#include <hv/hvm.h>
#include <hv/domain.h>
#include <hv/keyhandler.h>
#include <hv/sched.h>

static const char *const vcpu_states[] = { "running", "blocked", "down" };

static void key_help(char key);

static void key_domains(char key)
{
	(void)key;
	printk("'%c' pressed -> dumping domain info (now = %llu ns)\n", key,
	       (unsigned long long)now_ns());
	for (struct domain *d = domain_list(); d; d = d->next) {
		printk("General information for domain %u (%s):\n", d->domid,
		       d->name);
		printk("    state=%d shutdown_code=%u tot_pages=%llu "
		       "max_pages=%llu privileged=%d\n",
		       d->state, d->shutdown_code,
		       (unsigned long long)d->tot_pages,
		       (unsigned long long)d->max_pages, d->is_privileged);
		for (unsigned int i = 0; i < d->nr_vcpus; i++) {
			struct vcpu *v = d->vcpus[i];

			printk("    VCPU%u: CPU%u %s RIP=%#llx RFLAGS=%#llx "
			       "exits=%llu upcall_pending=%d\n",
			       v->vcpu_id, v->processor,
			       v->state < 3 ? vcpu_states[v->state] : "?",
			       (unsigned long long)v->regs.rip,
			       (unsigned long long)v->regs.rflags,
			       (unsigned long long)v->nr_exits,
			       v->vcpu_info
				       ? v->vcpu_info->evtchn_upcall_pending
				       : 0);
		}
	}
}

static void key_runqueues(char key)
{
	printk("'%c' pressed -> dumping run queues\n", key);
	sched_dump();
}

static void key_memory(char key)
{
	(void)key;
	printk("'%c' pressed -> memory: %llu MiB total, %llu MiB free\n", key,
	       (unsigned long long)(total_pages() >> 8),
	       (unsigned long long)(free_pages_count() >> 8));
	for (struct domain *d = domain_list(); d; d = d->next)
		printk("    d%u: %llu pages, p2m tables %llu pages\n", d->domid,
		       (unsigned long long)d->tot_pages,
		       (unsigned long long)d->p2m.nr_table_pages);
}

static void key_time(char key)
{
	(void)key;
	printk("'%c' pressed -> system time %llu ns, TSC %llu kHz\n", key,
	       (unsigned long long)now_ns(), (unsigned long long)tsc_khz());
}

static void key_dom0_regs(char key)
{
	struct domain *d = domain_by_id(0);

	printk("'%c' pressed -> dumping dom0's registers\n", key);
	if (!d)
		return;
	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		struct guest_regs *r = &d->vcpus[i]->regs;
		struct guest_ctrl c;

		hvm_ops->get_ctrl(d->vcpus[i], &c);
		printk("d0v%u: RIP %016llx RFLAGS %016llx RSP %016llx\n", i,
		       (unsigned long long)r->rip,
		       (unsigned long long)r->rflags,
		       (unsigned long long)r->rsp);
		printk("      RAX %016llx RBX %016llx RCX %016llx RDX %016llx\n",
		       (unsigned long long)r->rax, (unsigned long long)r->rbx,
		       (unsigned long long)r->rcx, (unsigned long long)r->rdx);
		printk("      CR0 %016llx CR3 %016llx CR4 %016llx EFER %llx\n",
		       (unsigned long long)c.cr0, (unsigned long long)c.cr3,
		       (unsigned long long)c.cr4, (unsigned long long)c.efer);
	}
}

static void key_reboot(char key)
{
	printk("'%c' pressed -> rebooting machine\n", key);
	machine_restart();
}

static const struct keyhandler {
	char key;
	void (*fn)(char key);
	const char *desc;
} keys[] = {
	{ 'h', key_help, "print this help" },
	{ 'q', key_domains, "dump domain (and guest debug) info" },
	{ 'r', key_runqueues, "dump run queues" },
	{ 'm', key_memory, "memory info" },
	{ 't', key_time, "display multi-cpu clock info" },
	{ '0', key_dom0_regs, "dump Dom0 registers" },
	{ 'R', key_reboot, "reboot machine" },
};

static void key_help(char key)
{
	printk("'%c' pressed -> showing installed handlers\n", key);
	for (unsigned int i = 0; i < ARRAY_SIZE(keys); i++)
		printk(" key '%c' (ascii '%02x') => %s\n", keys[i].key,
		       keys[i].key, keys[i].desc);
}

void handle_keypress(char key)
{
	for (unsigned int i = 0; i < ARRAY_SIZE(keys); i++) {
		if (keys[i].key == key) {
			keys[i].fn(key);
			return;
		}
	}
	if (key != '\r' && key != '\n')
		printk("'%c' pressed -> no handler: press 'h' for help\n", key);
}
