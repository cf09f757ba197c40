/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Interrupt and exception entry: every vector pushes a uniform frame
 * (struct cpu_regs) and calls handle_trap(regs).
 */
	.text
	.code64

/* Vectors for which the CPU pushes an error code. */
#define HAS_ERR(v) ((v) == 8 || ((v) >= 10 && (v) <= 14) || (v) == 17 || (v) == 21 || (v) == 29 || (v) == 30)

	.altmacro
.macro vector_stub v
	.balign 16
vec_\v:
	.if HAS_ERR(\v)
	.else
	pushq	$0
	.endif
	pushq	$\v
	jmp	trap_common
.endm

	.globl trap_stubs_start
trap_stubs_start:
.set i, 0
.rept 256
	vector_stub %i
	.set i, i + 1
.endr

trap_common:
	push	%rax
	push	%rbx
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%rbp
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	cld
	mov	%rsp, %rdi
	call	handle_trap
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rbp
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rbx
	pop	%rax
	add	$16, %rsp	/* vector, error code */
	iretq
