// SPDX-License-Identifier: GPL-2.0-only
/*
 * The vendor-neutral vCPU core: choosing the back-end, the run loop, and
 * the exits whose policy does not depend on the vendor (HLT, nested page
 * faults, instruction lengths).
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/asm.h>
#include <hv/hvm.h>
#include <hv/insn.h>
#include <hv/percpu.h>
#include <hv/smp.h>
#include <hv/event.h>
#include <hv/vlapic.h>
#include <hv/sched.h>
#include <hv/apic.h>
#include <hv/traps.h>
#include <xen/sched.h>
#include <xen/vcpu.h>

#include "../svm/svm.h"

const struct hvm_vendor_ops *hvm_ops;

void hvm_init(void)
{
	const char *why = NULL;

	if (!svm_available(&why))
		panic("Krypton needs hardware virtualization: %s", why);
	if (svm_global_init())
		panic("Out of memory setting up SVM");
	hvm_ops = &svm_ops;
	printk("HVM: %s with nested paging (NPT)%s%s%s\n", hvm_ops->name,
	       svm_features & (1 << 3) ? ", NRIP-save" : "",
	       svm_features & (1 << 7) ? ", decode assists" : "",
	       svm_features & (1 << 16) ? ", vGIF" : "");
}

void hvm_cpu_init(void)
{
	if (hvm_ops->cpu_init())
		panic("CPU%u: cannot enable %s", smp_processor_id(),
		      hvm_ops->name);
}

static enum x86_mode guest_mode(const struct guest_ctrl *c)
{
	if ((c->efer & EFER_LMA) && c->cs_long)
		return X86_MODE_LONG;
	if (!(c->cr0 & CR0_PE))
		return X86_MODE_REAL;
	return c->cs_db ? X86_MODE_PROT32 : X86_MODE_PROT16;
}

unsigned int hvm_insn_length(struct vcpu *v, unsigned int min_len)
{
	struct x86_insn insn;

	return hvm_fetch_decode(v, min_len, &insn);
}

unsigned int hvm_fetch_decode(struct vcpu *v, unsigned int min_len,
			      struct x86_insn *out)
{
	struct guest_ctrl c;
	uint8_t bytes[15];
	uint64_t pc;
	size_t n;
	int len;

	hvm_ops->get_ctrl(v, &c);
	pc = v->regs.rip;
	if (guest_mode(&c) != X86_MODE_LONG)
		pc = (uint32_t)(pc + c.cs_base);
	/* Fetch up to 15 bytes, fewer if the code ends at an unmapped page. */
	for (n = sizeof(bytes); n >= min_len; n--)
		if (!copy_from_guest(v, bytes, pc, n))
			break;
	if (n < min_len) {
		domain_crash(v, "cannot fetch the instruction at %#llx",
			     (unsigned long long)pc);
		return 0;
	}
	len = x86_decode(bytes, n, guest_mode(&c), out);
	if (len < (int)min_len) {
		domain_crash(v,
			     "cannot decode the instruction at %#llx "
			     "(%02x %02x %02x %02x)",
			     (unsigned long long)pc, bytes[0], bytes[1],
			     n > 2 ? bytes[2] : 0, n > 3 ? bytes[3] : 0);
		return 0;
	}
	return len;
}

void hvm_handle_hlt(struct vcpu *v, unsigned int len)
{
	if (!len)
		return;
	/* Safe: HLT completed; the next instruction runs on wake-up. */
	hvm_advance_rip(v, len);
	if (!(v->regs.rflags & (1 << 9))) {
		/* HLT with interrupts off never wakes: this vCPU is done. */
		struct domain *d = v->domain;
		bool all_down = true;

		v->state = VCPU_DOWN;
		for (unsigned int i = 0; i < d->nr_vcpus; i++)
			if (d->vcpus[i]->state != VCPU_DOWN)
				all_down = false;
		if (all_down)
			domain_shutdown(d, SHUTDOWN_poweroff);
		return;
	}
	/* Interrupts on: sleep until an event is pending. */
	vcpu_block(v);
}

/* Injects the event-channel upcall when one is pending (level-triggered
 * on vcpu_info.evtchn_upcall_pending, as Xen's global callback vector). */
static void deliver_events(struct vcpu *v)
{
	uint8_t vec = v->domain->callback_vector;
	int lapic_vec;

	if (vec && !v->upcall_vector && vcpu_upcall_pending(v)) {
		hvm_ops->inject_interrupt(v, vec);
		return;
	}
	lapic_vec = vlapic_pending_vector(v);
	if (lapic_vec >= 0) {
		if (hvm_ops->inject_interrupt(v, lapic_vec))
			vlapic_ack(v, lapic_vec);
		return;
	}
	hvm_ops->cancel_irq_window(v);
}

void hvm_handle_npf(struct vcpu *v, uint64_t gpa, uint64_t error_code)
{
	enum p2m_type t;

	if ((gpa & PAGE_MASK) == VLAPIC_MMIO_BASE) {
		vlapic_mmio_access(v, gpa);
		return;
	}
	if (p2m_lookup(&v->domain->p2m, gpa >> PAGE_SHIFT, &t) < 0) {
		domain_crash(v,
			     "access to unmapped guest-physical address %#llx "
			     "(%s, NPF error %#llx)",
			     (unsigned long long)gpa,
			     error_code & 2 ? "write" : "read",
			     (unsigned long long)error_code);
		return;
	}
	if (t == P2M_RAM_RO && (error_code & 2)) {
		domain_crash(v,
			     "write to read-only guest-physical address %#llx",
			     (unsigned long long)gpa);
		return;
	}
	/* Mapped now: a stale translation. Flush and retry. */
	hvm_ops->flush_guest_tlb(v);
}

/* One guest entry: deliver what is pending, run until the next exit. */
void hvm_vcpu_enter(struct vcpu *v)
{
	deliver_events(v);
	hvm_ops->run_once(v);
}

__noreturn void cpu_idle_loop(void)
{
	schedule_loop();
}
