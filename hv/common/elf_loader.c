// SPDX-License-Identifier: GPL-2.0-only
/*
 * PVH kernel ELF loader; interface and policy in <hv/elf_loader.h>.
 *
 * The image is untrusted input.  Every field is read byte-wise (so the
 * buffer needs no alignment), and every offset is checked against the
 * image length with arithmetic that cannot wrap: sizes in ELF32 are 32-bit
 * and in ELF64 we compare "size > len - offset" after "offset <= len".
 */
#include <hv/types.h>
#include <hv/string.h>
#include <hv/errno.h>
#include <hv/elf_loader.h>

#define EI_NIDENT 16
#define ELFCLASS32 1
#define ELFCLASS64 2
#define ELFDATA2LSB 1
#define EV_CURRENT 1
#define ET_EXEC 2
#define EM_386 3
#define EM_X86_64 62
#define PT_LOAD 1
#define PT_NOTE 4
#define SHT_NOTE 7
#define PN_XNUM 0xffff

#define EHDR32_SIZE 52
#define EHDR64_SIZE 64
#define PHDR32_SIZE 32
#define PHDR64_SIZE 56
#define SHDR32_SIZE 40
#define SHDR64_SIZE 64
#define NOTE_HDR_SIZE 12

/* The parts of the ELF header we use, widened to 64 bits. */
struct ehdr {
	bool is64;
	uint64_t entry, phoff, shoff;
	unsigned int phentsize, phnum, shentsize, shnum;
};

struct phdr {
	uint32_t type;
	uint64_t offset, paddr, filesz, memsz, align;
};

struct shdr {
	uint32_t type;
	uint64_t offset, size, align;
};

static uint64_t rd(const uint8_t *p, unsigned int bytes)
{
	uint64_t v = 0;

	while (bytes--)
		v = (v << 8) | p[bytes];
	return v;
}

/* [off, off + size) lies within [0, len). */
static bool in_file(uint64_t off, uint64_t size, size_t len)
{
	return off <= len && size <= len - off;
}

static int read_ehdr(const uint8_t *p, size_t len, struct ehdr *eh,
		     const char **msg)
{
	unsigned int machine;

	if (len < EI_NIDENT || p[0] != 0x7f || p[1] != 'E' || p[2] != 'L' ||
	    p[3] != 'F') {
		*msg = "not an ELF image";
		return -EINVAL;
	}
	if (p[4] != ELFCLASS32 && p[4] != ELFCLASS64) {
		*msg = "ELF: unknown class";
		return -EINVAL;
	}
	eh->is64 = p[4] == ELFCLASS64;
	if (p[5] != ELFDATA2LSB) {
		*msg = "ELF: not little-endian";
		return -EINVAL;
	}
	if (p[6] != EV_CURRENT) {
		*msg = "ELF: unknown version";
		return -EINVAL;
	}
	if (len < (eh->is64 ? EHDR64_SIZE : EHDR32_SIZE)) {
		*msg = "ELF: header truncated";
		return -EINVAL;
	}
	if (rd(p + 16, 2) != ET_EXEC) {
		*msg = "ELF: not an executable";
		return -EINVAL;
	}
	machine = rd(p + 18, 2);
	if (machine != (eh->is64 ? EM_X86_64 : EM_386)) {
		*msg = "ELF: not an x86 image";
		return -EINVAL;
	}
	if (eh->is64) {
		eh->entry = rd(p + 24, 8);
		eh->phoff = rd(p + 32, 8);
		eh->shoff = rd(p + 40, 8);
		eh->phentsize = rd(p + 54, 2);
		eh->phnum = rd(p + 56, 2);
		eh->shentsize = rd(p + 58, 2);
		eh->shnum = rd(p + 60, 2);
	} else {
		eh->entry = rd(p + 24, 4);
		eh->phoff = rd(p + 28, 4);
		eh->shoff = rd(p + 32, 4);
		eh->phentsize = rd(p + 42, 2);
		eh->phnum = rd(p + 44, 2);
		eh->shentsize = rd(p + 46, 2);
		eh->shnum = rd(p + 48, 2);
	}
	if (!eh->phnum) {
		*msg = "ELF: no program headers";
		return -EINVAL;
	}
	/* Extended numbering keeps the count in section 0; kernels never. */
	if (eh->phnum == PN_XNUM) {
		*msg = "ELF: too many program headers";
		return -EINVAL;
	}
	if (eh->phentsize < (eh->is64 ? PHDR64_SIZE : PHDR32_SIZE)) {
		*msg = "ELF: bad program header size";
		return -EINVAL;
	}
	if (!in_file(eh->phoff, (uint64_t)eh->phnum * eh->phentsize, len)) {
		*msg = "ELF: program headers extend past end of file";
		return -EINVAL;
	}
	return 0;
}

/* Caller has checked that the table lies within the image. */
static void read_phdr(const uint8_t *img, const struct ehdr *eh, unsigned int i,
		      struct phdr *ph)
{
	const uint8_t *p = img + eh->phoff + (uint64_t)i * eh->phentsize;

	ph->type = rd(p, 4);
	if (eh->is64) {
		ph->offset = rd(p + 8, 8);
		ph->paddr = rd(p + 24, 8);
		ph->filesz = rd(p + 32, 8);
		ph->memsz = rd(p + 40, 8);
		ph->align = rd(p + 48, 8);
	} else {
		ph->offset = rd(p + 4, 4);
		ph->paddr = rd(p + 12, 4);
		ph->filesz = rd(p + 16, 4);
		ph->memsz = rd(p + 20, 4);
		ph->align = rd(p + 28, 4);
	}
}

static void read_shdr(const uint8_t *img, const struct ehdr *eh, unsigned int i,
		      struct shdr *sh)
{
	const uint8_t *p = img + eh->shoff + (uint64_t)i * eh->shentsize;

	sh->type = rd(p + 4, 4);
	if (eh->is64) {
		sh->offset = rd(p + 24, 8);
		sh->size = rd(p + 32, 8);
		sh->align = rd(p + 48, 8);
	} else {
		sh->offset = rd(p + 16, 4);
		sh->size = rd(p + 20, 4);
		sh->align = rd(p + 32, 4);
	}
}

static bool name_matches(const uint8_t *p, uint32_t namesz, const char *name)
{
	size_t n = strlen(name);

	/* Normally NUL-terminated; tolerate a producer that omits the NUL. */
	if (namesz == n + 1 && p[n] != '\0')
		return false;
	return (namesz == n || namesz == n + 1) && !memcmp(p, name, n);
}

/*
 * Walks the notes in [off, off + size), which lies within the image.  Notes
 * are padded to 4 bytes, or to 8 in containers aligned to 8 (as GNU tools
 * emit for some ELF64 notes).  Returns 0 when found, -ENOENT, or -EINVAL
 * when a note runs past its container.
 */
static int scan_notes(const uint8_t *img, uint64_t off, uint64_t size,
		      uint64_t align, const char *name, uint32_t type,
		      const void **desc, size_t *desc_len)
{
	uint64_t pad = align == 8 ? 8 : 4;
	uint64_t pos = 0;

	while (size - pos >= NOTE_HDR_SIZE) {
		const uint8_t *n = img + off + pos;
		uint32_t namesz = rd(n, 4), descsz = rd(n + 4, 4);
		uint32_t ntype = rd(n + 8, 4);
		uint64_t name_sp = ALIGN_UP((uint64_t)namesz, pad);
		uint64_t desc_sp = ALIGN_UP((uint64_t)descsz, pad);
		uint64_t avail = size - pos - NOTE_HDR_SIZE;

		/* The last descriptor's padding may be cut off. */
		if (name_sp > avail || descsz > avail - name_sp)
			return -EINVAL;
		if (ntype == type &&
		    name_matches(n + NOTE_HDR_SIZE, namesz, name)) {
			*desc = n + NOTE_HDR_SIZE + name_sp;
			*desc_len = descsz;
			return 0;
		}
		if (desc_sp > avail - name_sp)
			break;
		pos += NOTE_HDR_SIZE + name_sp + desc_sp;
	}
	return -ENOENT;
}

static int find_note(const uint8_t *img, size_t len, const struct ehdr *eh,
		     const char *name, uint32_t type, const void **desc,
		     size_t *desc_len, const char **msg)
{
	bool any_pt_note = false;
	unsigned int i;
	int rc;

	for (i = 0; i < eh->phnum; i++) {
		struct phdr ph;

		read_phdr(img, eh, i, &ph);
		if (ph.type != PT_NOTE)
			continue;
		any_pt_note = true;
		if (!in_file(ph.offset, ph.filesz, len)) {
			*msg = "ELF: note segment extends past end of file";
			return -EINVAL;
		}
		rc = scan_notes(img, ph.offset, ph.filesz, ph.align, name, type,
				desc, desc_len);
		if (rc == -EINVAL)
			*msg = "ELF: malformed note";
		if (rc != -ENOENT)
			return rc;
	}
	if (any_pt_note || !eh->shoff || !eh->shnum)
		return -ENOENT;

	if (eh->shentsize < (eh->is64 ? SHDR64_SIZE : SHDR32_SIZE) ||
	    !in_file(eh->shoff, (uint64_t)eh->shnum * eh->shentsize, len)) {
		*msg = "ELF: bad section header table";
		return -EINVAL;
	}
	for (i = 0; i < eh->shnum; i++) {
		struct shdr sh;

		read_shdr(img, eh, i, &sh);
		if (sh.type != SHT_NOTE)
			continue;
		if (!in_file(sh.offset, sh.size, len)) {
			*msg = "ELF: note section extends past end of file";
			return -EINVAL;
		}
		rc = scan_notes(img, sh.offset, sh.size, sh.align, name, type,
				desc, desc_len);
		if (rc == -EINVAL)
			*msg = "ELF: malformed note";
		if (rc != -ENOENT)
			return rc;
	}
	return -ENOENT;
}

int elf_find_note(const void *img, size_t len, const char *name, uint32_t type,
		  const void **desc, size_t *desc_len)
{
	const char *msg;
	struct ehdr eh;
	int rc;

	if (!img || !name || !desc || !desc_len)
		return -EINVAL;
	rc = read_ehdr(img, len, &eh, &msg);
	if (rc)
		return rc;
	return find_note(img, len, &eh, name, type, desc, desc_len, &msg);
}

/* "<prefix><n><suffix>" into info->errbuf (bounded). */
static const char *seg_msg(struct elf_info *info, const char *prefix,
			   unsigned int n, const char *suffix)
{
	char num[12], *b = info->errbuf;
	size_t size = sizeof(info->errbuf), used = 0, k = 0, i;
	const char *parts[3] = { prefix, num, suffix };

	do {
		num[k++] = '0' + n % 10;
		n /= 10;
	} while (n);
	for (i = 0; i < k / 2; i++) {
		char t = num[i];

		num[i] = num[k - 1 - i];
		num[k - 1 - i] = t;
	}
	num[k] = '\0';
	for (i = 0; i < 3; i++) {
		size_t l = MIN(strlen(parts[i]), size - 1 - used);

		memcpy(b + used, parts[i], l);
		used += l;
	}
	b[used] = '\0';
	return b;
}

static int check_load_segment(struct elf_info *info, const struct phdr *ph,
			      unsigned int idx, size_t len, const char **msg)
{
	/* paddr + memsz must not pass 2^64 (ELF64) or 2^32 (ELF32). */
	uint64_t top = info->is64 ? ~0ULL : 1ULL << 32;
	unsigned int i;

	if (ph->filesz > ph->memsz) {
		*msg = seg_msg(info, "ELF: segment ", idx,
			       " has filesz > memsz");
		return -EINVAL;
	}
	if (!in_file(ph->offset, ph->filesz, len)) {
		*msg = seg_msg(info, "ELF: segment ", idx,
			       " extends past end of file");
		return -EINVAL;
	}
	if (ph->paddr > top || ph->memsz > top - ph->paddr) {
		*msg = seg_msg(info, "ELF: segment ", idx,
			       " extends past end of address space");
		return -EINVAL;
	}
	if (!ph->memsz)
		return 0; /* occupies nothing; not loaded */
	for (i = 0; i < info->nr_segs; i++) {
		const struct elf_seg *s = &info->segs[i];
		uint64_t a_last = ph->paddr + ph->memsz - 1;
		uint64_t b_last = s->paddr + s->memsz - 1;

		if (ph->paddr <= b_last && s->paddr <= a_last) {
			*msg = seg_msg(info, "ELF: segment ", idx,
				       " overlaps an earlier segment");
			return -EINVAL;
		}
	}
	if (info->nr_segs == ELF_MAX_LOAD_SEGS) {
		*msg = "ELF: too many loadable segments";
		return -EINVAL;
	}
	info->segs[info->nr_segs++] = (struct elf_seg){
		.paddr = ph->paddr,
		.filesz = ph->filesz,
		.memsz = ph->memsz,
		.offset = ph->offset,
	};
	return 0;
}

static int parse(const uint8_t *img, size_t len, struct elf_info *info,
		 const char **msg)
{
	const void *desc;
	size_t desc_len;
	struct ehdr eh;
	unsigned int i;
	int rc;

	if (!img) {
		*msg = "not an ELF image";
		return -EINVAL;
	}
	rc = read_ehdr(img, len, &eh, msg);
	if (rc)
		return rc;
	info->is64 = eh.is64;
	info->entry = eh.entry;

	for (i = 0; i < eh.phnum; i++) {
		struct phdr ph;

		read_phdr(img, &eh, i, &ph);
		if (ph.type != PT_LOAD)
			continue;
		rc = check_load_segment(info, &ph, i, len, msg);
		if (rc)
			return rc;
	}
	if (!info->nr_segs) {
		*msg = "ELF: no loadable segments";
		return -EINVAL;
	}
	info->paddr_lo = ~0ULL;
	for (i = 0; i < info->nr_segs; i++) {
		const struct elf_seg *s = &info->segs[i];

		info->paddr_lo = MIN(info->paddr_lo, s->paddr);
		/* No wrap: check_load_segment() bounded paddr + memsz. */
		info->paddr_hi = MAX(info->paddr_hi, s->paddr + s->memsz);
	}

	rc = find_note(img, len, &eh, "Xen", ELF_NOTE_PHYS32_ENTRY, &desc,
		       &desc_len, msg);
	if (rc == -ENOENT)
		return 0;
	if (rc)
		return rc;
	if (desc_len != 1 && desc_len != 2 && desc_len != 4 && desc_len != 8) {
		*msg = "ELF: bad PVH entry note size";
		return -EINVAL;
	}
	info->pvh_entry = rd(desc, desc_len);
	if (info->pvh_entry > 0xffffffffULL) {
		*msg = "ELF: PVH entry above 4 GiB";
		return -EINVAL;
	}
	info->has_pvh_entry = true;
	return 0;
}

int elf_parse(const void *img, size_t len, struct elf_info *info,
	      const char **err)
{
	const char *msg = NULL;
	int rc;

	memset(info, 0, sizeof(*info));
	rc = parse(img, len, info, &msg);
	if (err)
		*err = rc ? msg : NULL;
	return rc;
}

int elf_load(const void *img, size_t len, const struct elf_info *info,
	     elf_copy_fn copy, elf_zero_fn zero, void *ctx)
{
	const uint8_t *base = img;
	unsigned int i;
	int rc;

	if (!img || info->nr_segs > ELF_MAX_LOAD_SEGS)
		return -EINVAL;
	for (i = 0; i < info->nr_segs; i++) {
		const struct elf_seg *s = &info->segs[i];

		/* Re-checked: @info is only as good as its caller. */
		if (s->filesz > s->memsz || !in_file(s->offset, s->filesz, len))
			return -EINVAL;
		if (s->filesz) {
			rc = copy(ctx, s->paddr, base + s->offset, s->filesz);
			if (rc)
				return rc;
		}
		if (s->memsz > s->filesz) {
			rc = zero(ctx, s->paddr + s->filesz,
				  s->memsz - s->filesz);
			if (rc)
				return rc;
		}
	}
	return 0;
}
