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
#define GATE_INTR64_DPL3 0xee /* the same, reachable by INT n from CPL 3 */
#define DESC_TSS64_AVAIL 0x89 /* present, DPL 0, available 64-bit TSS */

struct __attribute__((packed)) tss64 {
	uint32_t reserved0;
	uint64_t rsp[3];
	uint64_t reserved1;
	uint64_t ist[7];
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
};

_Static_assert(sizeof(struct tss64) == 104, "64-bit TSS layout");
_Static_assert(__builtin_offsetof(struct tss64, rsp) == TSS_RSP0,
	       "TSS_RSP0 matches the layout");

extern const uint64_t exc_stub_table[256];
extern uint64_t gdt[];
extern const char user_return_entry[];
extern const struct ex_table_entry __start_ex_table[], __stop_ex_table[];

static struct idt_gate idt[256] __attribute__((aligned(16)));
struct tss64 tss __attribute__((aligned(16)));
volatile struct fault_record last_fault = { .vector = -1 };
static unsigned int handler_depth;
static irq_handler_t irq_handlers[256];

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

static void set_gate(unsigned int v, uint64_t a, uint8_t type_attr)
{
	idt[v].offset_lo = (uint16_t)a;
	idt[v].selector = GDT_CS64;
	idt[v].ist = 0;
	idt[v].type_attr = type_attr;
	idt[v].offset_mid = (uint16_t)(a >> 16);
	idt[v].offset_hi = (uint32_t)(a >> 32);
	idt[v].reserved = 0;
}

/* A TSS for the stack switch on entries from CPL 3 (RSP0, see usermode.S). */
static void tss_init(void)
{
	uint64_t base = (uint64_t)&tss, limit = sizeof(tss) - 1;

	tss.iomap_base = sizeof(tss); /* no I/O bitmap */
	gdt[GDT_TSS / 8] = (limit & 0xffff) | (base & 0xffffff) << 16 |
			   (uint64_t)DESC_TSS64_AVAIL << 40 |
			   (limit >> 16 & 0xf) << 48 |
			   (base >> 24 & 0xff) << 56;
	gdt[GDT_TSS / 8 + 1] = base >> 32;
	asm volatile("ltr %w0" : : "r"(GDT_TSS) : "memory");
}

void traps_init(void)
{
	struct desc_ptr p = { sizeof(idt) - 1, (uint64_t)idt };

	for (unsigned int v = 0; v < 256; v++)
		set_gate(v, exc_stub_table[v], GATE_INTR64_DPL0);
	set_gate(USER_RETURN_VECTOR, (uint64_t)user_return_entry,
		 GATE_INTR64_DPL3);
	lidt(&p);
	tss_init();
}

void set_irq_handler(unsigned int vector, irq_handler_t fn)
{
	if (vector >= X86_NR_EXCEPTIONS && vector < 256 &&
	    vector != USER_RETURN_VECTOR)
		irq_handlers[vector] = fn;
}

void exception_handler(struct cpu_regs *regs);
void exception_handler(struct cpu_regs *regs)
{
	const struct ex_table_entry *e;
	uint64_t cr2 = regs->vector == X86_EXC_PF ? read_cr2() : 0;

	if (regs->vector >= X86_NR_EXCEPTIONS) {
		if (irq_handlers[regs->vector]) {
			irq_handlers[regs->vector](regs);
			return;
		}
		test_abort("unexpected interrupt, vector %#lx, at rip %#lx",
			   regs->vector, regs->rip);
	}

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

int probe_read8(const volatile void *p, uint8_t *val)
{
	uint8_t v = 0;

	probe_begin();
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

	probe_begin();
	asm volatile("1: movq (%1), %0\n2:\n\t" EX_TABLE(1b, 2b)
		     : "+r"(v)
		     : "r"(p)
		     : "memory");
	*val = v;
	return last_fault.vector;
}

int probe_write64(volatile void *p, uint64_t val)
{
	probe_begin();
	asm volatile("1: movq %1, (%0)\n2:\n\t" EX_TABLE(1b, 2b)
		     :
		     : "r"(p), "r"(val)
		     : "memory");
	return last_fault.vector;
}

int probe_ud2(void)
{
	probe_begin();
	asm volatile("1: ud2\n2:\n\t" EX_TABLE(1b, 2b)::: "memory");
	return last_fault.vector;
}

int probe_div0(void)
{
	unsigned long a = 1, d = 0, zero = 0;

	probe_begin();
	asm volatile("1: divq %2\n2:\n\t" EX_TABLE(1b, 2b)
		     : "+a"(a), "+d"(d)
		     : "r"(zero)
		     : "memory");
	return last_fault.vector;
}

int probe_insn_ud(enum probe_insn insn)
{
	probe_begin();
	switch (insn) {
	case PROBE_VMRUN:
		asm volatile("1: vmrun %%rax\n2:\n\t" EX_TABLE(1b, 2b)
			     :
			     : "a"(0UL)
			     : "memory");
		break;
	case PROBE_VMLOAD:
		asm volatile("1: vmload %%rax\n2:\n\t" EX_TABLE(1b, 2b)
			     :
			     : "a"(0UL)
			     : "memory");
		break;
	case PROBE_VMSAVE:
		asm volatile("1: vmsave %%rax\n2:\n\t" EX_TABLE(1b, 2b)
			     :
			     : "a"(0UL)
			     : "memory");
		break;
	case PROBE_STGI:
		asm volatile("1: stgi\n2:\n\t" EX_TABLE(1b, 2b)::: "memory");
		break;
	case PROBE_CLGI:
		asm volatile("1: clgi\n2:\n\t" EX_TABLE(1b, 2b)::: "memory");
		break;
	case PROBE_INVLPGA:
		asm volatile("1: invlpga %%rax, %%ecx\n2:\n\t" EX_TABLE(1b, 2b)
			     :
			     : "a"(0UL), "c"(0)
			     : "memory");
		break;
	case PROBE_SKINIT:
		asm volatile("1: skinit %%eax\n2:\n\t" EX_TABLE(1b, 2b)
			     :
			     : "a"(0)
			     : "memory");
		break;
	}
	return last_fault.vector;
}

int probe_rdmsr(uint32_t msr, uint64_t *val)
{
	uint32_t lo = 0, hi = 0;

	probe_begin();
	asm volatile("1: rdmsr\n2:\n\t" EX_TABLE(1b, 2b)
		     : "+a"(lo), "+d"(hi)
		     : "c"(msr)
		     : "memory");
	*val = ((uint64_t)hi << 32) | lo;
	return last_fault.vector;
}

int probe_wrmsr(uint32_t msr, uint64_t val)
{
	probe_begin();
	asm volatile("1: wrmsr\n2:\n\t" EX_TABLE(1b, 2b)
		     :
		     : "c"(msr), "a"((uint32_t)val), "d"((uint32_t)(val >> 32))
		     : "memory");
	return last_fault.vector;
}
