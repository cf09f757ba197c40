/*
 * PVH entry stub of the test guests: 32-bit protected mode to 64-bit C.
 *
 * PVH boot facts this stub relies on (checked against Xen's
 * docs/misc/pvh.pandoc and xen/arch-x86/hvm/start_info.h, and observed
 * booting these guests with QEMU 7.2's own PVH loader):
 *  - The loader finds the entry point in an ELF note: owner "Xen" (namesz 4
 *    including the NUL), type XEN_ELFNOTE_PHYS32_ENTRY (18), a 4-byte
 *    descriptor holding the physical address of the 32-bit entry. QEMU
 *    reads it through a PT_NOTE program header; the image is loaded at the
 *    PT_LOAD segments' physical addresses.
 *  - Entry state: 32-bit protected mode (CR0.PE set, every other writable
 *    CR0 bit clear, so paging is off), CR4 = 0, CS a flat 4 GiB 32-bit
 *    execute/read segment, DS/ES flat 4 GiB read/write data segments
 *    (selector values unspecified: load our own GDT before trusting them),
 *    TR a 32-bit TSS, EFLAGS.IF/TF/VM clear.
 *  - EBX holds the physical address of struct hvm_start_info, whose first
 *    word is XEN_HVM_START_MAGIC_VALUE (0x336ec578).
 *  - There is no usable stack (ESP is unspecified), no GDT or IDT of ours,
 *    and .bss is not guaranteed to be zero: all of it is set up here.
 *  - Observed (the entry_state test prints it): CR0 = 0x11 (PE plus the
 *    fixed ET bit), CR4 = 0, EFER = 0, EFLAGS = 0x2 under Krypton and 0x6
 *    under QEMU's loader. QEMU puts hvm_start_info below 1 MiB (0x21e0),
 *    Krypton right after the image; both give a version 1 structure.
 *
 * Memory: everything lives in the one image at 1 MiB. We identity-map the
 * first 4 GiB with 2 MiB pages, so guest-virtual == guest-physical for any
 * address a test uses below 4 GiB (the hvm_start_info, our image, and the
 * deliberately unmapped 0xC0000000 of the 'unmapped' test). The pages are
 * user-accessible so that tests can also run code at CPL 3 (lib/usermode.S;
 * CR4.SMEP/SMAP stay off). Nothing else is mapped unless a test asks
 * (lib/paging.c), which is what the bad-pointer tests need.
 */
#include <xen/elfnote.h>
#include "x86.h"

	.section .note.Xen, "a"
	.balign 4
	.long 4				/* namesz: "Xen\0" */
	.long 4				/* descsz: one 32-bit physical address */
	.long XEN_ELFNOTE_PHYS32_ENTRY
	.asciz "Xen"
	.balign 4
	.long pvh_start32
	.balign 4

	.section .text.entry, "ax"
	.code32
	.globl pvh_start32
pvh_start32:
	/*
	 * Record the entry state for the entry_state test before changing
	 * anything: CR0, CR4, EFER, then EFLAGS (needs a stack; loading ESP
	 * leaves the flags alone, and the .bss stack is not zeroed yet).
	 */
	mov %cr0, %eax
	mov %eax, pvh_entry_state + 0
	mov %cr4, %eax
	mov %eax, pvh_entry_state + 4
	mov $MSR_EFER, %ecx
	rdmsr
	mov %eax, pvh_entry_state + 12
	mov %edx, pvh_entry_state + 16
	mov $boot_stack_top, %esp
	pushfl
	popl pvh_entry_state + 8
	cli
	cld
	/* Zero .bss (page tables and stack live there); EBX survives. */
	mov $__bss_start, %edi
	mov $__bss_end, %ecx
	sub %edi, %ecx
	shr $2, %ecx
	xor %eax, %eax
	rep stosl
	mov %ebx, pvh_start_info_pa
	mov $boot_stack_top, %esp

	/* Our own GDT: the loader's selectors are unspecified. */
	lgdt gdt_ptr
	mov $GDT_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	ljmp $GDT_CS32, $1f
1:
	/* PML4[0] -> PDPT; PDPT[0..3] -> PD[0..3]: 4 x 1 GiB. */
	mov $pdpt, %eax
	or $(PTE_P | PTE_RW | PTE_US), %eax
	mov %eax, pml4
	mov $pd, %eax
	or $(PTE_P | PTE_RW | PTE_US), %eax
	xor %ecx, %ecx
2:	mov %eax, pdpt(, %ecx, 8)
	add $4096, %eax
	inc %ecx
	cmp $4, %ecx
	jb 2b
	/* 2048 2 MiB identity pages: 0 .. 4 GiB (high dwords stay zero). */
	mov $(PTE_P | PTE_RW | PTE_US | PTE_PS), %eax
	xor %ecx, %ecx
3:	mov %eax, pd(, %ecx, 8)
	add $0x200000, %eax
	inc %ecx
	cmp $2048, %ecx
	jb 3b

	/*
	 * Long mode: CR4.PAE, CR3, EFER.LME, then CR0.PG; CR0.WP too, so that
	 * read-only mappings bind the kernel as well (lib/paging.c).
	 */
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
	ljmp $GDT_CS64, $entry64

	.code64
entry64:
	mov $GDT_DS, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov %eax, %fs
	mov %eax, %gs
	mov $boot_stack_top, %rsp
	xor %ebp, %ebp
	mov pvh_start_info_pa(%rip), %edi
	call guest_start
	/* guest_start() does not return; stop here if it ever does. */
4:	cli
	hlt
	jmp 4b

	/* Writable: LTR marks the TSS descriptor busy. */
	.data
	.balign 16
	.globl gdt
gdt:
	.quad 0				/* null */
	.quad 0x00af9a000000ffff	/* GDT_CS64: 64-bit code, DPL 0 */
	.quad 0x00cf92000000ffff	/* GDT_DS: flat 4 GiB data */
	.quad 0x00cf9a000000ffff	/* GDT_CS32: flat 4 GiB 32-bit code */
	.quad 0x00cff2000000ffff	/* GDT_USER_DS: flat data, DPL 3 */
	.quad 0x00affa000000ffff	/* GDT_USER_CS64: 64-bit code, DPL 3 */
	.quad 0, 0			/* GDT_TSS: filled by traps_init() */
gdt_end:
	.balign 8
	.word 0
gdt_ptr:
	.word gdt_end - gdt - 1
	.quad gdt

	.data
	.balign 8
	.globl pvh_start_info_pa
pvh_start_info_pa:
	.quad 0
	.globl pvh_entry_state		/* struct pvh_entry_state */
pvh_entry_state:
	.long 0, 0, 0, 0, 0		/* CR0, CR4, EFLAGS, EFER low, high */

	.section .bss.pagetables, "aw", @nobits
	.balign 4096
	.globl pml4
pml4:	.skip 4096
pdpt:	.skip 4096
pd:	.skip 4 * 4096

	.bss
	.balign 16
boot_stack:
	.skip 16384
boot_stack_top:
