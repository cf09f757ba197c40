/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Tiny PVH-style kernel used to test the ELF loader.  Built by
 * tests/unit/gen-elf.sh in several variants:
 *   NOTE_DESC_SIZE  4 or 8: size of the PHYS32_ENTRY descriptor, 0: no note
 *   KERNEL_BASE     link-time virtual base (physical = virtual - base)
 * Layout the unit test relies on: _start at physical 0x100000 (hlt; jmp),
 * pvh_start right after it (cli at 0x100003), .data starting with the
 * words 0x12345678 0x9abcdef0, and 8 KiB of .bss.
 */
	.text
	.globl _start
_start:
	hlt
	jmp _start
	.globl pvh_start
pvh_start:
	cli
	hlt
	jmp pvh_start

	.data
	.long 0x12345678, 0x9abcdef0
	.ascii "krypton-elf-test"

	.bss
	.space 8192

#if NOTE_DESC_SIZE
	.section .note.Xen, "a", @note
	.p2align 2
	.long 2f - 1f		/* namesz */
	.long 4f - 3f		/* descsz */
	.long 18		/* XEN_ELFNOTE_PHYS32_ENTRY */
1:	.asciz "Xen"
2:	.p2align 2
3:
#if NOTE_DESC_SIZE == 8
	.quad pvh_start - KERNEL_BASE
#else
	.long pvh_start - KERNEL_BASE
#endif
4:	.p2align 2
#endif
