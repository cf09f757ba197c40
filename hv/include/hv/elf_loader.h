/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ELF loader for PVH kernels (ELF32 or ELF64, little-endian x86).
 *
 * elf_parse() validates the whole image against its length before anything
 * is trusted: header, program header table, every PT_LOAD segment's file
 * range and physical range, and the notes it reads.  elf_load() then
 * copies the segments through caller-supplied callbacks, so the loader
 * never touches guest memory itself.
 *
 * Segments are placed at their physical address (p_paddr), as Xen does
 * for PVH.  The PVH entry point comes from the "Xen" note of type
 * XEN_ELFNOTE_PHYS32_ENTRY (18), whose descriptor may be 1, 2, 4 or 8
 * bytes (Linux has emitted both a 4-byte .long and a pointer-sized value
 * for it); it must lie below 4 GiB since it is entered in 32-bit mode.
 */
#ifndef HV_ELF_LOADER_H
#define HV_ELF_LOADER_H

#include <hv/types.h>

#define ELF_MAX_LOAD_SEGS 16
#define ELF_NOTE_PHYS32_ENTRY 18 /* XEN_ELFNOTE_PHYS32_ENTRY */

struct elf_seg {
	uint64_t paddr, filesz, memsz, offset;
};

struct elf_info {
	bool is64;
	uint64_t entry; /* e_entry, as linked (often a virtual address) */
	bool has_pvh_entry;
	uint64_t pvh_entry; /* XEN_ELFNOTE_PHYS32_ENTRY, note name "Xen" */
	/* Extent of the PT_LOAD segments, memsz included: [lo, hi). */
	uint64_t paddr_lo, paddr_hi;
	unsigned int nr_segs; /* PT_LOAD segments with memsz != 0 */
	struct elf_seg segs[ELF_MAX_LOAD_SEGS];
	/* Storage for error messages that name a segment number. */
	char errbuf[64];
};

/*
 * Validates @img (@len bytes) and fills @info.  Returns 0, or -EINVAL with
 * *err (if @err is not NULL) pointing at a message such as
 * "ELF: segment 2 extends past end of file".
 */
int elf_parse(const void *img, size_t len, struct elf_info *info,
	      const char **err);

typedef int (*elf_copy_fn)(void *ctx, uint64_t paddr, const void *src,
			   size_t n);
typedef int (*elf_zero_fn)(void *ctx, uint64_t paddr, size_t n);

/*
 * Copies each segment's file bytes to its paddr and zeroes the rest of
 * its memsz.  @info must come from elf_parse() on the same image.  Stops
 * at and returns the first non-zero callback result; -EINVAL if @info
 * does not fit @len.
 */
int elf_load(const void *img, size_t len, const struct elf_info *info,
	     elf_copy_fn copy, elf_zero_fn zero, void *ctx);

/*
 * Finds the first note called @name with @type: in PT_NOTE segments, or
 * in SHT_NOTE sections when there are no PT_NOTE segments.  Returns 0 and
 * sets *desc / *desc_len, -ENOENT if there is none, -EINVAL if the image
 * or a note container is malformed.
 */
int elf_find_note(const void *img, size_t len, const char *name, uint32_t type,
		  const void **desc, size_t *desc_len);

#endif
