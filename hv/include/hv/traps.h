/* SPDX-License-Identifier: GPL-2.0-only */
/* Exceptions and interrupts taken while the hypervisor runs. */
#ifndef HV_TRAPS_H
#define HV_TRAPS_H

#include <hv/types.h>

/* Layout pushed by entry.S; keep in sync. */
struct cpu_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error_code;
	uint64_t rip, cs, rflags, rsp, ss;
};

#define VEC_LAPIC_TIMER 0xf0
#define VEC_IPI_RESCHED 0xf1
#define VEC_IPI_CALL 0xf2
#define VEC_IPI_HALT 0xf3
#define VEC_SPURIOUS 0xff

typedef void (*irq_handler_t)(struct cpu_regs *regs);
void set_irq_handler(unsigned int vector, irq_handler_t fn);
void idt_init(void);
void idt_load(void);
void dump_regs(const struct cpu_regs *r);
void dump_backtrace(uint64_t rbp);

#endif
