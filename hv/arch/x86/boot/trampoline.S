/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Application processors start here in real mode after a SIPI, at the
 * page this code is copied to (below 1 MiB). We load the boot GDT, enter
 * 32-bit protected mode and far-jump straight into the hypervisor image,
 * which takes the same path to long mode as the boot CPU (head.S).
 */
#include <hv/asm.h>

	.section .rodata
	.code16
	.globl trampoline_start, trampoline_end
trampoline_start:
	cli
	cld
	mov	%cs, %ax
	mov	%ax, %ds
	lgdtl	(tramp_gdt_ptr - trampoline_start)
	mov	%cr0, %eax
	or	$CR0_PE, %eax
	mov	%eax, %cr0
	ljmpl	$GDT_CS32, $ap_start32
	.balign 8
tramp_gdt_ptr:
	.short 31
	.long boot_gdt
trampoline_end:

	.text
	.code32
ap_start32:
	mov	$GDT_DS, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	jmp	enter_long_mode_32
