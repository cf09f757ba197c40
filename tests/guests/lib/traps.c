/*
 * IDT for the 32 architectural exceptions. An exception raised by an
 * instruction listed in the exception table (EX_TABLE) is recorded in
 * last_fault and execution resumes at the entry's fixup label; any other
 * exception prints its details and fails the test.
 */
#include "guest.h"

struct idt_gate {
	uint16_t offset_lo;
	uint16_t selector;
	uint8_t ist;
	uint8_t type_attr;
	uint16_t offset_mid;
	uint32_t offset_hi;
	uint32_t reserved;
};

#define GATE_INTR64_DPL0 0x8e /* present, DPL 0, 64-bit interrupt gate */

extern const uint64_t exc_stub_table[X86_NR_EXCEPTIONS];
extern const struct ex_table_entry __start_ex_table[], __stop_ex_table[];

static struct idt_gate idt[X86_NR_EXCEPTIONS] __attribute__((aligned(16)));
volatile struct fault_record last_fault = { .vector = -1 };
static unsigned int handler_depth;

static const char *const names[X86_NR_EXCEPTIONS] = {
	[X86_EXC_DE] = "#DE", [X86_EXC_DB] = "#DB", [X86_EXC_NMI] = "NMI",
	[X86_EXC_BP] = "#BP", [X86_EXC_OF] = "#OF", [X86_EXC_BR] = "#BR",
	[X86_EXC_UD] = "#UD", [X86_EXC_NM] = "#NM", [X86_EXC_DF] = "#DF",
	[X86_EXC_TS] = "#TS", [X86_EXC_NP] = "#NP", [X86_EXC_SS] = "#SS",
	[X86_EXC_GP] = "#GP", [X86_EXC_PF] = "#PF", [X86_EXC_MF] = "#MF",
	[X86_EXC_AC] = "#AC", [X86_EXC_MC] = "#MC", [X86_EXC_XM] = "#XM",
	[X86_EXC_VE] = "#VE", [X86_EXC_CP] = "#CP",
};

const char *exception_name(unsigned int vector)
{
	if (vector < X86_NR_EXCEPTIONS && names[vector])
		return names[vector];
	return "reserved exception";
}

void traps_init(void)
{
	struct desc_ptr p = { sizeof(idt) - 1, (uint64_t)idt };

	for (unsigned int v = 0; v < X86_NR_EXCEPTIONS; v++) {
		uint64_t a = exc_stub_table[v];

		idt[v].offset_lo = (uint16_t)a;
		idt[v].selector = GDT_CS64;
		idt[v].ist = 0;
		idt[v].type_attr = GATE_INTR64_DPL0;
		idt[v].offset_mid = (uint16_t)(a >> 16);
		idt[v].offset_hi = (uint32_t)(a >> 32);
		idt[v].reserved = 0;
	}
	lidt(&p);
}

void exception_handler(struct cpu_regs *regs);
void exception_handler(struct cpu_regs *regs)
{
	const struct ex_table_entry *e;
	uint64_t cr2 = regs->vector == X86_EXC_PF ? read_cr2() : 0;

	for (e = __start_ex_table; e < __stop_ex_table; e++) {
		if (e->from != regs->rip)
			continue;
		last_fault.vector = (int)regs->vector;
		last_fault.error_code = regs->error_code;
		last_fault.cr2 = cr2;
		last_fault.rip = regs->rip;
		/* Resuming at the fixup is safe: the probe expects it. */
		regs->rip = e->to;
		return;
	}

	if (handler_depth++) {
		/* Faulted while reporting a fault: stop without more output. */
		static const char msg[] = "FAIL: nested exception\n";

		console_write(msg, sizeof(msg) - 1);
		halt_forever();
	}
	test_abort("unexpected exception %s (vector %lu) error code %#lx at "
		   "rip %#lx, cr2 %#lx, rsp %#lx, rflags %#lx",
		   exception_name(regs->vector), regs->vector, regs->error_code,
		   regs->rip, cr2, regs->rsp, regs->rflags);
}

static inline void probe_start(void)
{
	last_fault.vector = -1;
	asm volatile("" ::: "memory");
}

int probe_read8(const volatile void *p, uint8_t *val)
{
	uint8_t v = 0;

	probe_start();
	asm volatile("1: movb (%1), %0\n2:\n\t" EX_TABLE(1b, 2b)
		     : "+q"(v)
		     : "r"(p)
		     : "memory");
	*val = v;
	return last_fault.vector;
}

int probe_read64(const volatile void *p, uint64_t *val)
{
	uint64_t v = 0;

	probe_start();
	asm volatile("1: movq (%1), %0\n2:\n\t" EX_TABLE(1b, 2b)
		     : "+r"(v)
		     : "r"(p)
		     : "memory");
	*val = v;
	return last_fault.vector;
}

int probe_write64(volatile void *p, uint64_t val)
{
	probe_start();
	asm volatile("1: movq %1, (%0)\n2:\n\t" EX_TABLE(1b, 2b)
		     :
		     : "r"(p), "r"(val)
		     : "memory");
	return last_fault.vector;
}

int probe_ud2(void)
{
	probe_start();
	asm volatile("1: ud2\n2:\n\t" EX_TABLE(1b, 2b)::: "memory");
	return last_fault.vector;
}

int probe_div0(void)
{
	unsigned long a = 1, d = 0, zero = 0;

	probe_start();
	asm volatile("1: divq %2\n2:\n\t" EX_TABLE(1b, 2b)
		     : "+a"(a), "+d"(d)
		     : "r"(zero)
		     : "memory");
	return last_fault.vector;
}

int probe_rdmsr(uint32_t msr, uint64_t *val)
{
	uint32_t lo = 0, hi = 0;

	probe_start();
	asm volatile("1: rdmsr\n2:\n\t" EX_TABLE(1b, 2b)
		     : "+a"(lo), "+d"(hi)
		     : "c"(msr)
		     : "memory");
	*val = ((uint64_t)hi << 32) | lo;
	return last_fault.vector;
}

int probe_wrmsr(uint32_t msr, uint64_t val)
{
	probe_start();
	asm volatile("1: wrmsr\n2:\n\t" EX_TABLE(1b, 2b)
		     :
		     : "c"(msr), "a"((uint32_t)val), "d"((uint32_t)(val >> 32))
		     : "memory");
	return last_fault.vector;
}
