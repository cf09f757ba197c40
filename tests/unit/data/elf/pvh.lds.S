/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Linker script for tests/unit/data/elf/pvh.S (run through cpp).
 * NOTE_PHDR: put the notes in a PT_NOTE segment; without it they exist
 * only as an SHT_NOTE section inside the text segment.
 */
ENTRY(_start)
PHDRS {
	text PT_LOAD;
	data PT_LOAD;
#ifdef NOTE_PHDR
	note PT_NOTE;
#endif
}
SECTIONS {
	. = KERNEL_BASE + 0x100000;
	.text : AT(ADDR(.text) - KERNEL_BASE) { *(.text) } :text
#ifdef NOTE_PHDR
	.notes : AT(ADDR(.notes) - KERNEL_BASE) { *(.note.Xen) } :text :note
#else
	.notes : AT(ADDR(.notes) - KERNEL_BASE) { *(.note.Xen) } :text
#endif
	. = ALIGN(0x1000);
	.data : AT(ADDR(.data) - KERNEL_BASE) { *(.data) } :data
	.bss : AT(ADDR(.bss) - KERNEL_BASE) { *(.bss) } :data
	/DISCARD/ : { *(.note.gnu.property) *(.comment) *(.eh_frame) }
}
