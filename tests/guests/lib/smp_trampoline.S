/*
 * AP start-up: real mode to 64-bit C (see lib/smp.h).
 *
 * A SIPI with vector V starts the AP in real mode at CS = V << 8 (base
 * V << 12), IP 0, paging off, like hardware. Only ap_trampoline ..
 * ap_trampoline_end runs there: lib/smp.c copies it to SMP_TRAMPOLINE_PA
 * and fills in ap_trampoline_gdtr with the boot CPU's GDT (SGDT). The code
 * addresses its data relative to CS, so it runs wherever it is copied.
 * Once protected mode is on it jumps to ap_start32 in the image (flat
 * 32-bit code segment), which enables long mode with the boot CPU's page
 * tables (pml4, lib/head.S), loads the stack lib/smp.c put in
 * ap_boot_stack and calls ap_start(ap_boot_cpu).
 */
#include "x86.h"

	.section .text.ap_trampoline, "ax"
	.code16
	.globl ap_trampoline, ap_trampoline_end, ap_trampoline_gdtr
ap_trampoline:
	/*
	 * Record the state the SIPI left (struct smp_ap_entry_state) before
	 * changing it: selectors, CR0, then EFLAGS on a stack of our own.
	 */
	mov %cs, %cs:(ap_trampoline_state + 0 - ap_trampoline)
	mov %ds, %cs:(ap_trampoline_state + 2 - ap_trampoline)
	mov %es, %cs:(ap_trampoline_state + 4 - ap_trampoline)
	mov %ss, %cs:(ap_trampoline_state + 6 - ap_trampoline)
	mov %fs, %cs:(ap_trampoline_state + 8 - ap_trampoline)
	mov %gs, %cs:(ap_trampoline_state + 10 - ap_trampoline)
	mov %cr0, %eax
	mov %eax, %cs:(ap_trampoline_state + 12 - ap_trampoline)
	mov %cs, %ax
	mov %ax, %ds
	mov %ax, %ss
	mov $(ap_trampoline_stack - ap_trampoline), %sp
	pushfl
	popl (ap_trampoline_state + 16 - ap_trampoline)
	cli
	cld
	/* 32-bit operand size: all 32 bits of the GDT base. */
	lgdtl (ap_trampoline_gdtr - ap_trampoline)
	mov %cr0, %eax
	or $CR0_PE, %eax
	mov %eax, %cr0
	ljmpl $GDT_CS32, $ap_start32
	.balign 8
ap_trampoline_gdtr:
	.word 0				/* limit */
	.long 0				/* base */
	.balign 4
	.globl ap_trampoline_state
ap_trampoline_state:
	.word 0, 0, 0, 0, 0, 0		/* CS, DS, ES, SS, FS, GS */
	.long 0, 0			/* CR0, EFLAGS */
	.skip 16
ap_trampoline_stack:
ap_trampoline_end:

	.text
	.code32
ap_start32:
	mov $GDT_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	/* The boot CPU's order: CR4.PAE, CR3, EFER.LME, CR0.PG (and WP). */
	mov %cr4, %eax
	or $CR4_PAE, %eax
	mov %eax, %cr4
	mov $pml4, %eax
	mov %eax, %cr3
	mov $MSR_EFER, %ecx
	rdmsr
	or $EFER_LME, %eax
	wrmsr
	mov %cr0, %eax
	or $(CR0_PG | CR0_WP | CR0_PE), %eax
	mov %eax, %cr0
	ljmp $GDT_CS64, $ap_entry64

	.code64
ap_entry64:
	mov $GDT_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	mov ap_boot_stack(%rip), %rsp
	xor %ebp, %ebp
	mov ap_boot_cpu(%rip), %edi
	call ap_start
	/* ap_start() does not return; stop here if it ever does. */
1:	cli
	hlt
	jmp 1b
