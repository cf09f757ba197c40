// SPDX-License-Identifier: GPL-2.0-only
/*
 * The IDT and the C side of trap handling. An exception raised by the
 * hypervisor itself is always fatal: we print the registers and a frame
 * pointer backtrace and stop the machine, so nothing dies silently.
 * Vectors 32-255 are interrupts dispatched to registered handlers.
 */
#include <hv/types.h>
#include <hv/lib.h>
#include <hv/x86.h>
#include <hv/traps.h>
#include <hv/percpu.h>
#include <hv/apic.h>
#include <hv/console.h>
#include <hv/symbols.h>

struct idt_entry {
	uint16_t off0, sel;
	uint8_t ist, type;
	uint16_t off1;
	uint32_t off2, rsvd;
} __packed;

static struct idt_entry idt[256] __aligned(16);
static irq_handler_t irq_handlers[256];
extern char trap_stubs_start[];

static const char *const exc_names[32] = {
	"#DE divide error",
	"#DB debug",
	"NMI",
	"#BP breakpoint",
	"#OF overflow",
	"#BR bound range",
	"#UD invalid opcode",
	"#NM device not available",
	"#DF double fault",
	"coprocessor overrun",
	"#TS invalid TSS",
	"#NP segment not present",
	"#SS stack fault",
	"#GP general protection",
	"#PF page fault",
	"reserved 15",
	"#MF x87 error",
	"#AC alignment check",
	"#MC machine check",
	"#XM SIMD error",
	"#VE virtualization",
	"#CP control protection",
};

void idt_init(void)
{
	for (int v = 0; v < 256; v++) {
		uintptr_t a = (uintptr_t)trap_stubs_start + 16 * v;
		struct idt_entry *e = &idt[v];

		e->off0 = a & 0xffff;
		e->off1 = (a >> 16) & 0xffff;
		e->off2 = a >> 32;
		e->sel = 0x08;
		e->type = 0x8e; /* present, DPL 0, 64-bit interrupt gate */
		e->ist = v == 8 ? 1 : v == 2 ? 2 : v == 18 ? 3 : 0;
	}
}

void idt_load(void)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __packed ptr = { sizeof(idt) - 1, (uintptr_t)idt };

	asm volatile("lidt %0" : : "m"(ptr));
}

void set_irq_handler(unsigned int vector, irq_handler_t fn)
{
	if (vector < 256)
		irq_handlers[vector] = fn;
}

void dump_regs(const struct cpu_regs *r)
{
	printk(XENLOG_ERR "RIP: %04llx:%016llx  RFLAGS: %016llx  ERR: %llx\n",
	       (unsigned long long)r->cs, (unsigned long long)r->rip,
	       (unsigned long long)r->rflags,
	       (unsigned long long)r->error_code);
	printk(XENLOG_ERR "rax: %016llx rbx: %016llx rcx: %016llx\n",
	       (unsigned long long)r->rax, (unsigned long long)r->rbx,
	       (unsigned long long)r->rcx);
	printk(XENLOG_ERR "rdx: %016llx rsi: %016llx rdi: %016llx\n",
	       (unsigned long long)r->rdx, (unsigned long long)r->rsi,
	       (unsigned long long)r->rdi);
	printk(XENLOG_ERR "rbp: %016llx rsp: %016llx r8:  %016llx\n",
	       (unsigned long long)r->rbp, (unsigned long long)r->rsp,
	       (unsigned long long)r->r8);
	printk(XENLOG_ERR "r9:  %016llx r10: %016llx r11: %016llx\n",
	       (unsigned long long)r->r9, (unsigned long long)r->r10,
	       (unsigned long long)r->r11);
	printk(XENLOG_ERR "r12: %016llx r13: %016llx r14: %016llx\n",
	       (unsigned long long)r->r12, (unsigned long long)r->r13,
	       (unsigned long long)r->r14);
	printk(XENLOG_ERR "r15: %016llx cr0: %016llx cr2: %016llx\n",
	       (unsigned long long)r->r15, (unsigned long long)read_cr0(),
	       (unsigned long long)read_cr2());
	printk(XENLOG_ERR "cr3: %016llx cr4: %016llx\n",
	       (unsigned long long)read_cr3(), (unsigned long long)read_cr4());
}

static void print_address(uint64_t addr)
{
	uint64_t off;
	const char *name = symbol_lookup(addr, &off);

	if (name)
		printk(XENLOG_ERR "  [<%016llx>] %s+%#llx\n",
		       (unsigned long long)addr, name, (unsigned long long)off);
	else
		printk(XENLOG_ERR "  [<%016llx>]\n", (unsigned long long)addr);
}

/* Walks saved frame pointers (the hypervisor keeps them: see build.mk). */
void dump_backtrace(uint64_t rbp)
{
	extern char __image_start[], __image_end[];

	printk(XENLOG_ERR "Backtrace:\n");
	for (int depth = 0; depth < 32 && rbp; depth++) {
		uint64_t *frame = (uint64_t *)rbp;

		if (rbp & 7 || rbp < 0x1000 || rbp >= (4ULL << 30))
			break;
		if (frame[1] < (uintptr_t)__image_start ||
		    frame[1] >= (uintptr_t)__image_end)
			break;
		print_address(frame[1]);
		rbp = frame[0];
	}
}

void handle_trap(struct cpu_regs *r)
{
	if (r->vector >= 32) {
		irq_handler_t fn = irq_handlers[r->vector];

		if (fn)
			fn(r);
		else if (r->vector != VEC_SPURIOUS)
			printk(XENLOG_WARNING
			       "CPU%u: unexpected interrupt %llu\n",
			       smp_processor_id(),
			       (unsigned long long)r->vector);
		if (r->vector != VEC_SPURIOUS)
			lapic_eoi();
		return;
	}
	console_force_unlock();
	printk(XENLOG_ERR
	       "Fatal exception in hypervisor on CPU%u: vector %llu (%s)\n",
	       smp_processor_id(), (unsigned long long)r->vector,
	       exc_names[r->vector] ? exc_names[r->vector] : "reserved");
	dump_regs(r);
	printk(XENLOG_ERR "Faulting at:\n");
	print_address(r->rip);
	dump_backtrace(r->rbp);
	panic("Fatal exception in hypervisor");
}
