/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * void svm_vmrun(struct guest_regs *regs, paddr_t vmcb_pa,
 *                paddr_t host_vmcb_pa)
 *
 * Runs the guest until its next #VMEXIT. RAX, RSP, RIP and RFLAGS travel
 * in the VMCB; the other GPRs are loaded from and saved to *regs here.
 * VMSAVE/VMLOAD on the host VMCB keep the host's FS/GS/TR/KernelGSbase
 * and syscall MSRs, which VMLOAD of the guest's would otherwise clobber.
 * GIF stays clear from before the guest's VMLOAD until the host's is back,
 * so no interrupt or NMI can run with guest segment state loaded.
 * RFLAGS.IF is set across VMRUN: with V_INTR_MASKING the host's IF is what
 * lets physical interrupts reach us (as INTR exits) while the guest runs;
 * GIF=0 keeps them pending in the hypervisor meanwhile, and they are taken
 * once the exit handler enables interrupts.
 */
#define R_RBX 8
#define R_RCX 16
#define R_RDX 24
#define R_RSI 32
#define R_RDI 40
#define R_RBP 48
#define R_R8 64
#define R_R9 72
#define R_R10 80
#define R_R11 88
#define R_R12 96
#define R_R13 104
#define R_R14 112
#define R_R15 120

	.text
	.code64
	.globl svm_vmrun
svm_vmrun:
	push	%rbp
	push	%rbx
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	push	%rdi			/* regs */
	push	%rdx			/* host VMCB */
	push	%rsi			/* guest VMCB */
	clgi
	mov	%rdx, %rax
	vmsave	%rax
	mov	R_RBX(%rdi), %rbx
	mov	R_RCX(%rdi), %rcx
	mov	R_RDX(%rdi), %rdx
	mov	R_RSI(%rdi), %rsi
	mov	R_RBP(%rdi), %rbp
	mov	R_R8(%rdi), %r8
	mov	R_R9(%rdi), %r9
	mov	R_R10(%rdi), %r10
	mov	R_R11(%rdi), %r11
	mov	R_R12(%rdi), %r12
	mov	R_R13(%rdi), %r13
	mov	R_R14(%rdi), %r14
	mov	R_R15(%rdi), %r15
	mov	R_RDI(%rdi), %rdi
	mov	(%rsp), %rax
	vmload	%rax
	sti
	vmrun	%rax
	cli
	vmsave	%rax
	push	%rdi			/* guest rdi */
	mov	24(%rsp), %rdi		/* regs */
	mov	%rbx, R_RBX(%rdi)
	mov	%rcx, R_RCX(%rdi)
	mov	%rdx, R_RDX(%rdi)
	mov	%rsi, R_RSI(%rdi)
	mov	%rbp, R_RBP(%rdi)
	mov	%r8, R_R8(%rdi)
	mov	%r9, R_R9(%rdi)
	mov	%r10, R_R10(%rdi)
	mov	%r11, R_R11(%rdi)
	mov	%r12, R_R12(%rdi)
	mov	%r13, R_R13(%rdi)
	mov	%r14, R_R14(%rdi)
	mov	%r15, R_R15(%rdi)
	pop	%rax
	mov	%rax, R_RDI(%rdi)
	pop	%rax			/* guest VMCB */
	pop	%rax			/* host VMCB */
	vmload	%rax
	stgi
	pop	%rdi
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%rbx
	pop	%rbp
	ret
