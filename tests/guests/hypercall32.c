/*
 * Hypercalls from 32-bit code (compatibility mode under our 64-bit kernel):
 * Xen then takes the number from EAX and the arguments from EBX, ECX,
 * EDX, ESI, EDI, ignoring the upper halves of the 64-bit registers, and
 * returns a 32-bit result (xen/arch/x86/hvm/hypercall.c, mode 4).
 */
#include "guest.h"

DEFINE_TEST("hypercall32", "hypercalls from 32-bit compatibility mode");

/*
 * call32(rax, rbx, rcx, rdx): loads the four registers in 64-bit mode
 * (all 64 bits), far-returns to the 32-bit code segment, executes VMMCALL
 * there, far-returns to 64-bit mode and gives back EAX.
 */
uint32_t call32(uint64_t rax, uint64_t rbx, uint64_t rcx, uint64_t rdx);
asm(".pushsection .text\n"
    ".globl call32\n"
    "call32:\n\t"
    "push %rbx\n\t"
    "push %rbp\n\t"
    "mov %rsp, %rbp\n\t"
    "mov %rdi, %rax\n\t"
    "mov %rsi, %rbx\n\t"
    "mov %rdx, %r8\n\t" /* SysV: rdx holds our rcx, rcx our rdx */
    "mov %rcx, %rdx\n\t"
    "mov %r8, %rcx\n\t"
    "pushq $" GUEST_STR(
	    GDT_CS32) "\n\t"
		      "pushq $1f\n\t"
		      "lretq\n"
		      ".code32\n"
		      "1:\tvmmcall\n\t"
		      "pushl $" GUEST_STR(
			      GDT_CS64) "\n\t"
					"pushl $2f\n\t"
					"lretl\n"
					".code64\n"
					"2:\tmov %ebp, %ebp\n\t" /* upper halves are undefined after compat */
					"mov %rbp, %rsp\n\t"
					"pop %rbp\n\t"
					"pop %rbx\n\t"
					"ret\n"
					".popsection");

void test_main(const struct hvm_start_info *si)
{
	static const char msg[] = "hello from 32-bit compatibility mode\n";
	uint32_t r;

	(void)si;
	r = call32(__HYPERVISOR_xen_version, XENVER_version, 0, 0);
	check(r == ((4 << 16) | 17), "XENVER_version from 32-bit code: %#x", r);

	/* Upper halves of RAX and RBX must not count in 32-bit mode. */
	r = call32(0xdead000000000000UL | __HYPERVISOR_xen_version,
		   0xbeef000000000000UL | XENVER_version, 0, 0);
	check(r == ((4 << 16) | 17),
	      "junk in the upper halves of RAX and RBX is ignored: %#x", r);

	r = call32(__HYPERVISOR_console_io, CONSOLEIO_write, sizeof(msg) - 1,
		   (uint64_t)(unsigned long)msg);
	check(r == 0, "console_io write from 32-bit code: %#x", r);

	r = call32(63, 0, 0, 0);
	check((int32_t)r == -XEN_ENOSYS, "hypercall 63 from 32-bit code: %d",
	      (int32_t)r);
}
