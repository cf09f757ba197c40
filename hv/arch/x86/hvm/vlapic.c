// SPDX-License-Identifier: GPL-2.0-only
/*
 * Virtual local APIC, x2APIC register interface. Interrupts latched in the
 * IRR are injected by the vCPU core when their priority class beats the
 * processor priority (TPR and the highest in-service vector); EOI retires
 * the highest in-service vector. Register accesses the architecture does
 * not allow (reserved MSRs, writes to read-only registers, x2APIC access
 * with x2APIC off) raise #GP in the guest.
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/lib.h>
#include <hv/domain.h>
#include <hv/event.h>
#include <hv/vlapic.h>
#include <hv/acpi_build.h>
#include <hv/sched.h>
#include <hv/hvm.h>
#include <hv/insn.h>
#include <hv/apic.h>

#define APIC_BASE_BSP (1ULL << 8)
#define APIC_BASE_EXTD (1ULL << 10)
#define APIC_BASE_EN (1ULL << 11)
#define APIC_DEFAULT_BASE 0xfee00000ULL
#define APIC_VERSION 0x14
#define APIC_MAX_LVT 6 /* index of the last LVT (CMCI) */
#define SVR_ENABLE (1u << 8)
#define LVT_MASKED (1u << 16)

/* x2APIC MSR numbers: 0x800 + (xAPIC offset >> 4). */
#define X2_ID 0x802
#define X2_VERSION 0x803
#define X2_TPR 0x808
#define X2_PPR 0x80a
#define X2_EOI 0x80b
#define X2_LDR 0x80d
#define X2_SVR 0x80f
#define X2_ISR0 0x810
#define X2_TMR0 0x818
#define X2_IRR0 0x820
#define X2_ESR 0x828
#define X2_LVT_CMCI 0x82f
#define X2_ICR 0x830
#define X2_LVT_TIMER 0x832
#define X2_LVT_ERROR 0x837
#define X2_TMICT 0x838
#define X2_TMCCT 0x839
#define X2_TDCR 0x83e
#define X2_SELF_IPI 0x83f

static struct vlapic *vl(struct vcpu *v)
{
	return &v->vlapic;
}

static bool x2apic_on(struct vlapic *l)
{
	return (l->apic_base & (APIC_BASE_EN | APIC_BASE_EXTD)) ==
	       (APIC_BASE_EN | APIC_BASE_EXTD);
}

static int highest(const uint64_t *bits)
{
	for (int w = 3; w >= 0; w--)
		if (bits[w])
			return w * 64 + 63 - __builtin_clzll(bits[w]);
	return -1;
}

static uint32_t ppr(struct vlapic *l)
{
	int isr = highest(l->isr);
	uint32_t isrv = isr < 0 ? 0 : (uint32_t)isr;

	return (l->tpr & 0xf0) >= (isrv & 0xf0) ? l->tpr & 0xff : isrv & 0xf0;
}

/*
 * INIT: the vCPU stops and waits for a SIPI (its APIC stays in x2APIC
 * mode: only that mode exists here). A SIPI to a waiting vCPU starts it
 * in real mode at the vector's page; a SIPI at any other time is ignored,
 * as hardware ignores the second SIPI of the usual pair.
 */
void vcpu_init_signal(struct vcpu *t)
{
	struct vlapic *l = vl(t);
	uint64_t base = l->apic_base;

	if (t->state != VCPU_DOWN)
		return; /* resetting a running vCPU is not supported */
	vlapic_init(t);
	l->apic_base = base;
	t->wait_for_sipi = true;
}

void vcpu_sipi_signal(struct vcpu *t, uint8_t vector)
{
	if (!t->wait_for_sipi || t->state != VCPU_DOWN)
		return;
	printk(XENLOG_DEBUG "d%uv%u: SIPI, starting at %#x:0\n",
	       t->domain->domid, t->vcpu_id, (unsigned int)vector << 8);
	t->wait_for_sipi = false;
	hvm_ops->vcpu_set_sipi_state(t, vector);
	vcpu_start(t);
}

/*
 * The APIC timer counts down at a 1 GHz bus clock (as Xen's vLAPIC) divided
 * by TDCR; in periodic mode it reloads. It runs on a hypervisor timer on
 * the vCPU's physical CPU and raises the LVT timer vector unless masked.
 */
#define LVT_TIMER_PERIODIC (1u << 17)

static unsigned int timer_divisor(struct vlapic *l)
{
	unsigned int v = ((l->tdcr & 8) >> 1) | (l->tdcr & 3);

	return v == 7 ? 1 : 2u << v;
}

static void apic_timer_expired(void *data)
{
	struct vcpu *v = data;
	struct vlapic *l = vl(v);

	if (!(l->lvt[0] & LVT_MASKED))
		vlapic_set_irq(v, l->lvt[0] & 0xff);
	if ((l->lvt[0] & LVT_TIMER_PERIODIC) && l->timer_period_ns) {
		l->timer_start += l->timer_period_ns;
		timer_set(&l->timer, l->timer_start + l->timer_period_ns);
	} else {
		l->timer_period_ns = 0;
	}
}

static void apic_timer_start(struct vcpu *v)
{
	struct vlapic *l = vl(v);

	timer_stop(&l->timer);
	l->timer_period_ns = (uint64_t)l->tmict * timer_divisor(l);
	if (!l->timer_period_ns)
		return;
	l->timer_start = now_ns();
	timer_set(&l->timer, l->timer_start + l->timer_period_ns);
}

static uint32_t apic_timer_current(struct vlapic *l)
{
	uint64_t now = now_ns(), left;

	if (!l->timer_period_ns)
		return 0;
	if (now >= l->timer_start + l->timer_period_ns)
		return 0;
	left = l->timer_start + l->timer_period_ns - now;
	return (uint32_t)(left / timer_divisor(l));
}

void vlapic_init(struct vcpu *v)
{
	struct vlapic *l = vl(v);

	timer_stop(&l->timer);
	memset(l, 0, sizeof(*l));
	timer_init(&l->timer, apic_timer_expired, v);
	l->id = acpi_vcpu_apic_id(v->vcpu_id);
	l->apic_base = APIC_DEFAULT_BASE | APIC_BASE_EN | APIC_BASE_EXTD |
		       (v->vcpu_id == 0 ? APIC_BASE_BSP : 0);
	l->svr = 0xff; /* software-disabled until the guest enables it */
	for (int i = 0; i <= APIC_MAX_LVT; i++)
		l->lvt[i] = LVT_MASKED;
}

uint64_t vlapic_get_base(struct vcpu *v)
{
	return vl(v)->apic_base;
}

/* Only the x2APIC-enabled state exists (no xAPIC MMIO): refuse others. */
bool vlapic_set_base(struct vcpu *v, uint64_t val)
{
	struct vlapic *l = vl(v);

	if ((val & ~(APIC_BASE_BSP | APIC_BASE_EXTD | APIC_BASE_EN)) !=
	    APIC_DEFAULT_BASE)
		return false;
	if ((val & APIC_BASE_BSP) != (l->apic_base & APIC_BASE_BSP))
		return false;
	if (!(val & APIC_BASE_EXTD) || !(val & APIC_BASE_EN))
		return false;
	return true;
}

void vlapic_set_irq(struct vcpu *v, uint8_t vector)
{
	struct vlapic *l = vl(v);

	if (vector < 16) {
		l->esr |= 1u << 6; /* received illegal vector */
		return;
	}
	__atomic_fetch_or(&l->irr[vector / 64], 1ULL << (vector % 64),
			  __ATOMIC_SEQ_CST);
	vcpu_wake(v);
}

int vlapic_pending_vector(struct vcpu *v)
{
	struct vlapic *l = vl(v);
	int irr;

	if (!(l->svr & SVR_ENABLE))
		return -1;
	irr = highest(l->irr);
	if (irr < 0 || (uint32_t)(irr & 0xf0) <= (ppr(l) & 0xf0))
		return -1;
	return irr;
}

void vlapic_ack(struct vcpu *v, uint8_t vector)
{
	struct vlapic *l = vl(v);

	__atomic_fetch_and(&l->irr[vector / 64], ~(1ULL << (vector % 64)),
			   __ATOMIC_SEQ_CST);
	l->isr[vector / 64] |= 1ULL << (vector % 64);
}

static void eoi(struct vlapic *l)
{
	int v = highest(l->isr);

	if (v >= 0)
		l->isr[v / 64] &= ~(1ULL << (v % 64));
}

/* ICR write: fixed IPIs to vCPUs by x2APIC ID or shorthand. */
static bool send_ipi(struct vcpu *v, uint64_t icr)
{
	struct domain *d = v->domain;
	uint8_t vector = icr & 0xff;
	unsigned int mode = (icr >> 8) & 7, shorthand = (icr >> 18) & 3;
	uint32_t dest = icr >> 32;

	if (mode != 0 && mode != 5 && mode != 6)
		return true; /* NMI, SMI, lowest priority: not offered */
	/* INIT with level de-assert only ends the INIT pulse: nothing to do. */
	if (mode == 5 && (icr & (1 << 15)) && !(icr & (1 << 14)))
		return true;
	for (unsigned int i = 0; i < d->nr_vcpus; i++) {
		struct vcpu *t = d->vcpus[i];
		bool hit;

		switch (shorthand) {
		case 1:
			hit = t == v;
			break;
		case 2:
			hit = true;
			break;
		case 3:
			hit = t != v;
			break;
		default:
			hit = dest == 0xffffffff || vl(t)->id == dest;
			break;
		}
		if (!hit)
			continue;
		if (mode == 0)
			vlapic_set_irq(t, vector);
		else if (mode == 5 && t != v)
			vcpu_init_signal(t);
		else if (mode == 6 && t != v)
			vcpu_sipi_signal(t, vector);
	}
	return true;
}

/* Guest GPR by ModRM register number (REX extended). */
static uint64_t *gpr(struct guest_regs *r, unsigned int n)
{
	uint64_t *const map[16] = { &r->rax, &r->rcx, &r->rdx, &r->rbx,
				    &r->rsp, &r->rbp, &r->rsi, &r->rdi,
				    &r->r8,  &r->r9,  &r->r10, &r->r11,
				    &r->r12, &r->r13, &r->r14, &r->r15 };

	return map[n & 15];
}

/*
 * An access to the xAPIC MMIO page. vCPUs run their APIC in x2APIC mode,
 * but a guest may still touch the page (e.g. early probing). The
 * instruction is decoded; 32-bit MOV loads and stores (8B, 89, C7) act on
 * the same registers as the x2APIC MSRs, with the xAPIC forms of ID and
 * ICR. Anything else is refused with #GP rather than guessed at.
 */
void vlapic_mmio_access(struct vcpu *v, uint64_t gpa)
{
	struct vlapic *l = vl(v);
	struct x86_insn in;
	unsigned int len = hvm_fetch_decode(v, 1, &in);
	unsigned int off = gpa & 0xff0, reg;
	uint32_t msr = 0x800 + (off >> 4);
	uint64_t val = 0;
	bool ok = false;

	if (!len)
		return; /* the domain was crashed with a reason */
	if (in.map != 1 || !in.has_modrm || (in.modrm >> 6) == 3 ||
	    in.opnd_bytes != 4 || (gpa & 0xf)) {
		hvm_ops->inject_exception(v, 13, true, 0);
		return;
	}
	reg = ((in.modrm >> 3) & 7) | ((in.rex & 4) ? 8 : 0);
	if (in.opcode == 0x8b) { /* load */
		if (off == 0x20)
			ok = true, val = (uint64_t)l->id << 24;
		else if (off == 0x300 || off == 0x310)
			ok = true,
			val = off == 0x300 ? (uint32_t)l->icr : l->icr >> 32;
		else
			ok = vlapic_msr_read(v, msr, &val);
		if (ok)
			*gpr(&v->regs, reg) = (uint32_t)val;
	} else if (in.opcode == 0x89 ||
		   (in.opcode == 0xc7 && ((in.modrm >> 3) & 7) == 0)) {
		val = in.opcode == 0x89 ? (uint32_t)*gpr(&v->regs, reg)
					: (uint32_t)in.imm;
		if (off == 0x310) { /* ICR high: destination, sent with low */
			l->icr = (l->icr & 0xffffffffULL) | ((val >> 24) << 32);
			ok = true;
		} else if (off == 0x300) {
			ok = vlapic_msr_write(v, 0x830,
					      (l->icr & ~0xffffffffULL) | val);
		} else if (off == 0x20 || off == 0xd0 || off == 0xe0) {
			ok = true; /* ID, LDR, DFR: fixed in this model */
		} else {
			ok = vlapic_msr_write(v, msr, val);
		}
	}
	if (!ok) {
		hvm_ops->inject_exception(v, 13, true, 0);
		return;
	}
	/* Safe: the access was a decoded MOV of @len bytes, now emulated. */
	hvm_advance_rip(v, len);
}

bool vlapic_msr_read(struct vcpu *v, uint32_t msr, uint64_t *val)
{
	struct vlapic *l = vl(v);

	if (!x2apic_on(l))
		return false;
	switch (msr) {
	case X2_ID:
		*val = l->id;
		return true;
	case X2_VERSION:
		*val = APIC_VERSION | (APIC_MAX_LVT << 16);
		return true;
	case X2_TPR:
		*val = l->tpr;
		return true;
	case X2_PPR:
		*val = ppr(l);
		return true;
	case X2_LDR:
		*val = ((l->id >> 4) << 16) | (1u << (l->id & 0xf));
		return true;
	case X2_SVR:
		*val = l->svr;
		return true;
	case X2_ESR:
		*val = l->esr;
		return true;
	case X2_ICR:
		*val = l->icr;
		return true;
	case X2_TMICT:
		*val = l->tmict;
		return true;
	case X2_TMCCT:
		*val = apic_timer_current(l);
		return true;
	case X2_TDCR:
		*val = l->tdcr;
		return true;
	}
	if (msr >= X2_ISR0 && msr < X2_ISR0 + 8) {
		*val = (uint32_t)(l->isr[(msr - X2_ISR0) / 2] >>
				  (32 * ((msr - X2_ISR0) % 2)));
		return true;
	}
	if (msr >= X2_TMR0 && msr < X2_TMR0 + 8) {
		*val = (uint32_t)(l->tmr[(msr - X2_TMR0) / 2] >>
				  (32 * ((msr - X2_TMR0) % 2)));
		return true;
	}
	if (msr >= X2_IRR0 && msr < X2_IRR0 + 8) {
		*val = (uint32_t)(l->irr[(msr - X2_IRR0) / 2] >>
				  (32 * ((msr - X2_IRR0) % 2)));
		return true;
	}
	if (msr == X2_LVT_CMCI) {
		*val = l->lvt[6];
		return true;
	}
	if (msr >= X2_LVT_TIMER && msr <= X2_LVT_ERROR) {
		*val = l->lvt[msr - X2_LVT_TIMER];
		return true;
	}
	return false; /* reserved or write-only (EOI, SELF_IPI) */
}

bool vlapic_msr_write(struct vcpu *v, uint32_t msr, uint64_t val)
{
	struct vlapic *l = vl(v);

	if (!x2apic_on(l))
		return false;
	/* Only ICR is 64 bits wide; every other register's upper half
	 * must be zero. */
	if (msr != X2_ICR && (val >> 32))
		return false;
	switch (msr) {
	case X2_TPR:
		l->tpr = val & 0xff;
		return true;
	case X2_EOI:
		if (val)
			return false;
		eoi(l);
		return true;
	case X2_SVR:
		l->svr = val & 0x11ff;
		/* Software-enabling the APIC with an upcall pending delivers
		 * it (the per-vCPU upcall vector is edge-like otherwise). */
		if ((l->svr & SVR_ENABLE) && v->upcall_vector &&
		    vcpu_upcall_pending(v))
			vlapic_set_irq(v, v->upcall_vector);
		return true;
	case X2_ESR:
		if (val)
			return false;
		l->esr = 0;
		return true;
	case X2_ICR:
		l->icr = val & ~(1ULL << 12); /* delivery status: idle */
		return send_ipi(v, val);
	case X2_TMICT:
		l->tmict = val;
		apic_timer_start(
			v); /* writing the initial count (re)starts it */
		return true;
	case X2_TDCR:
		l->tdcr = val & 0xb;
		return true;
	case X2_SELF_IPI:
		if (val > 0xff)
			return false;
		vlapic_set_irq(v, val);
		return true;
	case X2_LVT_CMCI:
		l->lvt[6] = val & 0x1ffff;
		return true;
	}
	if (msr >= X2_LVT_TIMER && msr <= X2_LVT_ERROR) {
		l->lvt[msr - X2_LVT_TIMER] = val & 0x7ffff;
		return true;
	}
	return false; /* read-only or reserved */
}
