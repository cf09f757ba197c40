/*
 * 64-bit interrupt and exception entry stubs, one per vector. Each pushes a
 * dummy error code when the CPU does not push one, then its vector, so
 * exc_common always sees the same frame: it saves the general registers as a struct cpu_regs (lib/traps.h)
 * and calls exception_handler(), which may change the saved RIP to resume
 * at a fixup.
 */
#include "x86.h"

	.altmacro

	.macro EXC_STUB vec
	.balign 16
exc_stub_\vec:
	/* Vectors 8, 10-14, 17, 21, 29, 30 push an error code. */
	.if (\vec == 8) || ((\vec >= 10) && (\vec <= 14)) || (\vec == 17) || (\vec == 21) || (\vec == 29) || (\vec == 30)
	.else
	push $0
	.endif
	push $\vec
	jmp exc_common
	.endm

	.macro STUB_ADDR vec
	.quad exc_stub_\vec
	.endm

	.text
	.set v, 0
	.rept 256
	EXC_STUB %v
	.set v, v + 1
	.endr

	.balign 16
exc_common:
	push %rax
	push %rbx
	push %rcx
	push %rdx
	push %rsi
	push %rdi
	push %rbp
	push %r8
	push %r9
	push %r10
	push %r11
	push %r12
	push %r13
	push %r14
	push %r15
	/* 15 registers + vector + error code + 5-word frame: RSP stays 16-aligned. */
	mov %rsp, %rdi
	cld
	call exception_handler
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rbp
	pop %rdi
	pop %rsi
	pop %rdx
	pop %rcx
	pop %rbx
	pop %rax
	add $16, %rsp			/* vector and error code */
	iretq

	.section .rodata
	.balign 8
	.globl exc_stub_table
exc_stub_table:
	.set v, 0
	.rept 256
	STUB_ADDR %v
	.set v, v + 1
	.endr
