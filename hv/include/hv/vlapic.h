/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The virtual local APIC of a vCPU, in x2APIC mode (MSRs 0x800-0x8ff).
 * vCPUs start with x2APIC already enabled, as firmware may leave it, so
 * guests never need the xAPIC MMIO page.
 */
#ifndef HV_VLAPIC_H
#define HV_VLAPIC_H

#include <hv/types.h>
#include <hv/timer.h>

struct vcpu;

struct vlapic {
	uint64_t apic_base; /* IA32_APIC_BASE */
	uint32_t id;	    /* x2APIC ID */
	uint32_t tpr, svr, esr;
	uint32_t lvt[7]; /* timer, thermal, PMC, LINT0, LINT1, error, CMCI */
	uint32_t tmict, tdcr;
	uint64_t timer_start; /* system time the count started */
	uint64_t timer_period_ns;
	struct timer timer;
	uint64_t icr;
	uint64_t irr[4], isr[4], tmr[4]; /* 256-bit vectors */
};

void vlapic_init(struct vcpu *v);
/* MSR access in 0x800-0x8ff and IA32_APIC_BASE; false means #GP. */
bool vlapic_msr_read(struct vcpu *v, uint32_t msr, uint64_t *val);
bool vlapic_msr_write(struct vcpu *v, uint32_t msr, uint64_t val);
uint64_t vlapic_get_base(struct vcpu *v);
bool vlapic_set_base(struct vcpu *v, uint64_t val);
/* Latches a fixed interrupt in the IRR and wakes the vCPU. */
void vlapic_set_irq(struct vcpu *v, uint8_t vector);
/* Highest IRR vector above the processor priority, or -1. */
int vlapic_pending_vector(struct vcpu *v);
/* The vector was injected: it moves from IRR to ISR. */
void vlapic_ack(struct vcpu *v, uint8_t vector);
/* INIT and SIPI from another vCPU's ICR. */
void vcpu_init_signal(struct vcpu *t);
/* The xAPIC page: decoded MOV accesses behave as the x2APIC registers. */
#define VLAPIC_MMIO_BASE 0xfee00000ULL
void vlapic_mmio_access(struct vcpu *v, uint64_t gpa);
void vcpu_sipi_signal(struct vcpu *t, uint8_t vector);

#endif
