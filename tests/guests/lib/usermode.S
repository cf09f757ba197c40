/*
 * Running a function at CPL 3: user_call(fn, arg) irets to fn(arg) on a
 * user stack with interrupts off; fn's return value comes back through
 * "int $USER_RETURN_VECTOR" (a DPL 3 gate), whose handler restores the
 * kernel stack saved here and returns it as user_call()'s result.
 * Exceptions in fn arrive on the same kernel stack (TSS.RSP0) and are
 * handled as usual.
 */
#include "x86.h"

	.text
	.globl user_call
user_call:
	push %rbx
	push %rbp
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, user_call_saved_rsp(%rip)
	/* Entries from CPL 3 push their frame below the saved registers. */
	mov %rsp, tss + TSS_RSP0(%rip)
	mov %rdi, %r12
	mov %rsi, %rdi
	push $(GDT_USER_DS | 3)		/* SS */
	push $user_stack_top		/* RSP */
	push $X86_EFLAGS_MBS		/* RFLAGS: IF clear */
	push $(GDT_USER_CS64 | 3)	/* CS */
	push $user_entry		/* RIP */
	iretq

user_entry:
	call *%r12
	int $USER_RETURN_VECTOR
	ud2

	.globl user_return_entry
user_return_entry:
	mov user_call_saved_rsp(%rip), %rsp
	mov $GDT_DS, %ecx
	mov %ecx, %ds
	mov %ecx, %es
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbp
	pop %rbx
	ret

	.bss
	.balign 8
user_call_saved_rsp:
	.skip 8
	.balign 16
user_stack:
	.skip 8192
user_stack_top:
