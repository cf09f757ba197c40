/* Exception handling for the test guests: IDT, fault records, fixups. */
#ifndef GUEST_TRAPS_H
#define GUEST_TRAPS_H

#include <stdint.h>

/* The frame exc_common (lib/traps.S) builds, lowest address first. */
struct cpu_regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error_code;
	uint64_t rip, cs, rflags, rsp, ss;
};

/*
 * What the most recent probe saw. vector is -1 when the probed instruction
 * completed without an exception.
 */
struct fault_record {
	int vector;
	uint64_t error_code;
	uint64_t cr2;
	uint64_t rip;
};

extern volatile struct fault_record last_fault;

/*
 * An exception-table entry: an exception raised by the instruction at
 * label `from` resumes at label `to` instead of failing the test. Use it
 * inside an asm statement right after the faulting instruction.
 */
#define EX_TABLE(from, to)                                                    \
	".pushsection .ex_table, \"a\"\n\t.balign 8\n\t.quad " #from ", " #to \
	"\n\t.popsection\n\t"

/*
 * A custom probe: call probe_begin(), run one instruction labelled 1: and
 * followed by 2: and EX_TABLE(1b, 2b), then read last_fault.vector.
 */
static inline void probe_begin(void)
{
	last_fault.vector = -1;
	asm volatile("" ::: "memory");
}

struct ex_table_entry {
	uint64_t from, to;
};

void traps_init(void);

/*
 * Handlers for vectors 32-255 (external interrupts, event-channel
 * callbacks), run with interrupts off on the interrupted stack. A vector
 * without a handler fails the test.
 */
typedef void (*irq_handler_t)(struct cpu_regs *regs);
void set_irq_handler(unsigned int vector, irq_handler_t fn);

/*
 * Runs fn(arg) at CPL 3 (interrupts off, all memory user-accessible) and
 * returns its result.
 */
unsigned long user_call(unsigned long (*fn)(unsigned long), unsigned long arg);
const char *exception_name(unsigned int vector);

/*
 * Probes run one instruction that may fault. Each returns the vector it
 * raised (recording the details in last_fault) or -1 if it completed.
 */
int probe_read8(const volatile void *p, uint8_t *val);
int probe_read64(const volatile void *p, uint64_t *val);
int probe_write64(volatile void *p, uint64_t val);
int probe_ud2(void);
int probe_div0(void);
int probe_rdmsr(uint32_t msr, uint64_t *val);
/* The SVM instructions, with operands that are harmless if they ran. */
enum probe_insn {
	PROBE_VMRUN,
	PROBE_VMLOAD,
	PROBE_VMSAVE,
	PROBE_STGI,
	PROBE_CLGI,
	PROBE_INVLPGA,
	PROBE_SKINIT,
};
int probe_insn_ud(enum probe_insn insn);
int probe_wrmsr(uint32_t msr, uint64_t val);

#endif /* GUEST_TRAPS_H */
