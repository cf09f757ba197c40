/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * First instructions of the hypervisor.
 *
 * Both multiboot1 (QEMU -kernel, syslinux mboot.c32) and multiboot2 (GRUB)
 * enter at _start in 32-bit protected mode with paging off, EAX holding the
 * protocol's magic and EBX the physical address of its information block.
 * We zero .bss, identity-map the first 4 GiB with 2 MiB pages, switch to
 * long mode and call start_krypton(magic, info) on the boot stack.
 */
#include <hv/asm.h>

#define MB1_MAGIC 0x1BADB002
#define MB1_FLAGS ((1 << 0) | (1 << 1) | (1 << 16)) /* align mods, mem map, address fields */

	.section .multiboot1, "a"
	.balign 4
mb1_header:
	.long MB1_MAGIC
	.long MB1_FLAGS
	.long -(MB1_MAGIC + MB1_FLAGS)
	.long mb1_header		/* header_addr */
	.long __image_start		/* load_addr */
	.long __edata			/* load_end_addr */
	.long __bss_end			/* bss_end_addr */
	.long _start			/* entry_addr */

#define MB2_MAGIC 0xE85250D6
	.section .multiboot2, "a"
	.balign 8
mb2_header:
	.long MB2_MAGIC
	.long 0				/* architecture: i386 protected mode */
	.long mb2_header_end - mb2_header
	.long -(MB2_MAGIC + (mb2_header_end - mb2_header))
	/* information request: cmdline, modules, mmap, ACPI old/new */
	.balign 8
mb2_info_req:
	.short 1, 0
	.long mb2_info_req_end - mb2_info_req
	.long 1, 3, 6, 14, 15
mb2_info_req_end:
	/* module alignment: page-aligned modules */
	.balign 8
	.short 6, 0
	.long 8
	/* end tag */
	.balign 8
	.short 0, 0
	.long 8
mb2_header_end:

	.section .text.entry, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	mov	%eax, %edi		/* multiboot magic */
	mov	%ebx, %esi		/* multiboot info (physical) */

	/* Zero .bss (holds the boot stack and page tables). */
	mov	$__bss_start, %eax
	mov	$__bss_end, %ecx
1:	movl	$0, (%eax)
	add	$4, %eax
	cmp	%ecx, %eax
	jb	1b

	mov	$boot_stack_top, %esp

	/* Long mode present? */
	mov	$0x80000000, %eax
	cpuid
	cmp	$0x80000001, %eax
	jb	no_long_mode
	mov	$0x80000001, %eax
	cpuid
	bt	$29, %edx
	jnc	no_long_mode

	/* PML4[0] -> PDPT; PDPT[0..3] -> PD0..PD3; PDn: 2 MiB identity. */
	mov	$boot_pdpt, %eax
	or	$(PTE_P | PTE_RW), %eax
	mov	%eax, boot_pml4
	xor	%ecx, %ecx
2:	mov	%ecx, %eax
	shl	$12, %eax
	add	$boot_pd, %eax
	or	$(PTE_P | PTE_RW), %eax
	mov	%eax, boot_pdpt(, %ecx, 8)
	inc	%ecx
	cmp	$4, %ecx
	jb	2b
	xor	%ecx, %ecx
3:	mov	%ecx, %eax
	shl	$21, %eax
	or	$(PTE_P | PTE_RW | PTE_PS), %eax
	mov	%eax, boot_pd(, %ecx, 8)
	mov	%ecx, %eax
	shr	$11, %eax		/* high dword: bits 32+ of the address */
	mov	%eax, boot_pd + 4(, %ecx, 8)
	inc	%ecx
	cmp	$2048, %ecx
	jb	3b

	.globl enter_long_mode_32
enter_long_mode_32:
	/* Shared with the AP trampoline: expects flat 32-bit segments. */
	mov	%cr4, %eax
	or	$(CR4_PAE | CR4_PGE), %eax
	mov	%eax, %cr4
	mov	$boot_pml4, %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr
	mov	%cr0, %eax
	or	$(CR0_PG | CR0_PE | CR0_WP | CR0_NE), %eax
	mov	%eax, %cr0
	lgdt	boot_gdt_ptr
	ljmp	$GDT_CS64, $start64

no_long_mode:
	/* Tell the user on COM1 (8250 at 0x3f8, whatever its speed is). */
	mov	$no_lm_msg, %esi
4:	lodsb
	test	%al, %al
	jz	5f
	mov	$0x3f8, %dx
	out	%al, %dx
	jmp	4b
5:	hlt
	jmp	5b

	.code64
start64:
	mov	$GDT_DS, %eax
	mov	%eax, %ds
	mov	%eax, %es
	mov	%eax, %ss
	xor	%eax, %eax
	mov	%eax, %fs
	mov	%eax, %gs
	/* The AP trampoline arrives here too, with ap_boot_stack set. */
	mov	ap_boot_stack(%rip), %rax
	test	%rax, %rax
	jnz	ap_entry64
	mov	$boot_stack_top, %rsp
	xor	%ebp, %ebp
	/* edi = magic, esi = info: zero-extended by the 32-bit moves above */
	call	start_krypton
6:	hlt
	jmp	6b

ap_entry64:
	mov	%rax, %rsp
	xor	%ebp, %ebp
	call	start_secondary
7:	hlt
	jmp	7b

	.section .rodata
no_lm_msg:
	.asciz "Krypton: this CPU has no long mode (x86-64); cannot boot.\r\n"

	.balign 16
	.globl boot_gdt
boot_gdt:
	.quad 0				/* null */
	.quad 0x00af9a000000ffff	/* 0x08: 64-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
	.quad 0x00cf9a000000ffff	/* 0x18: 32-bit code */
boot_gdt_end:
	.globl boot_gdt_ptr
boot_gdt_ptr:
	.short boot_gdt_end - boot_gdt - 1
	.quad boot_gdt

	.data
	.balign 8
	.globl ap_boot_stack
ap_boot_stack:
	.quad 0

	.section .bss.page_aligned, "aw", @nobits
	.balign 4096
	.globl boot_pml4
boot_pml4:	.skip 4096
boot_pdpt:	.skip 4096
	.globl boot_pd
boot_pd:	.skip 4 * 4096
boot_stack:	.skip 16384
	.globl boot_stack_top
boot_stack_top:
