// SPDX-License-Identifier: GPL-2.0-only
/*
 * Writes small synthetic kernel images for the kernel-probe tests into
 * the directory given as argv[1]:
 *   pvh.elf      ELF64 with a PT_NOTE holding Xen's PHYS32_ENTRY note
 *   pvh32.elf    ELF32 with the note in an SHT_NOTE section only
 *   nopvh.elf    ELF64 whose Xen notes lack PHYS32_ENTRY
 *   bz-gzip-pvh, bz-xz-nopvh, bz-zstd-pvh   bzImages with that payload
 *   bz-lz4       a bzImage with an LZ4 payload (not inspected)
 *   garbage      neither ELF nor bzImage
 */
#include <elf.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include <zstd.h>

struct note {
	uint32_t namesz, descsz, type;
	char name[4];
	uint32_t desc;
};

static size_t elf64(uint8_t *b, uint32_t note_type)
{
	Elf64_Ehdr *e = (Elf64_Ehdr *)b;
	Elf64_Phdr *ph = (Elf64_Phdr *)(b + sizeof(*e));
	struct note *n = (struct note *)(b + sizeof(*e) + sizeof(*ph));
	struct note *n2 = n + 1;

	memset(b, 0, 512);
	memcpy(e->e_ident, ELFMAG, SELFMAG);
	e->e_ident[EI_CLASS] = ELFCLASS64;
	e->e_ident[EI_DATA] = ELFDATA2LSB;
	e->e_ident[EI_VERSION] = EV_CURRENT;
	e->e_type = ET_EXEC;
	e->e_machine = EM_X86_64;
	e->e_version = EV_CURRENT;
	e->e_phoff = sizeof(*e);
	e->e_ehsize = sizeof(*e);
	e->e_phentsize = sizeof(*ph);
	e->e_phnum = 1;
	ph->p_type = PT_NOTE;
	ph->p_offset = sizeof(*e) + sizeof(*ph);
	ph->p_filesz = 2 * sizeof(*n);
	/* A GUEST_OS note first, then the one under test. */
	*n = (struct note){ 4, 4, 6, "Xen", 0x78756e6c };
	*n2 = (struct note){ 4, 4, note_type, "Xen", 0x1000000 };
	return sizeof(*e) + sizeof(*ph) + 2 * sizeof(*n);
}

static size_t elf32_section(uint8_t *b)
{
	Elf32_Ehdr *e = (Elf32_Ehdr *)b;
	Elf32_Shdr *sh = (Elf32_Shdr *)(b + 64);
	struct note *n = (struct note *)(b + 64 + 2 * sizeof(*sh));

	memset(b, 0, 512);
	memcpy(e->e_ident, ELFMAG, SELFMAG);
	e->e_ident[EI_CLASS] = ELFCLASS32;
	e->e_ident[EI_DATA] = ELFDATA2LSB;
	e->e_ident[EI_VERSION] = EV_CURRENT;
	e->e_type = ET_EXEC;
	e->e_machine = EM_386;
	e->e_version = EV_CURRENT;
	e->e_ehsize = sizeof(*e);
	e->e_shoff = 64;
	e->e_shentsize = sizeof(*sh);
	e->e_shnum = 2;
	sh[1].sh_type = SHT_NOTE;
	sh[1].sh_offset = 64 + 2 * sizeof(*sh);
	sh[1].sh_size = sizeof(*n);
	*n = (struct note){ 4, 4, 18, "Xen", 0x1000000 };
	return 64 + 2 * sizeof(*sh) + sizeof(*n);
}

static void put(const char *dir, const char *name, const void *b, size_t n)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(b, 1, n, f) != n) {
		perror(path);
		exit(1);
	}
	fclose(f);
}

/* A minimal bzImage: one setup sector, then the payload. */
static void bzimage(const char *dir, const char *name, const uint8_t *p,
		    size_t n)
{
	size_t len = 1024 + n;
	uint8_t *b = calloc(1, len);
	uint32_t plen = (uint32_t)n;

	b[0x1f1] = 1; /* setup_sects */
	memcpy(b + 0x202, "HdrS", 4);
	b[0x206] = 0x0f; /* boot protocol 2.15 */
	b[0x207] = 0x02;
	memcpy(b + 0x24c, &plen, 4); /* payload_offset 0, payload_length */
	memcpy(b + 1024, p, n);
	put(dir, name, b, len);
	free(b);
}

int main(int argc, char **argv)
{
	static uint8_t pvh[512], nopvh[512], e32[512], out[8192];
	size_t npvh = elf64(pvh, 18), nno = elf64(nopvh, 1);
	size_t n32 = elf32_section(e32), outn;
	z_stream z;
	static const uint8_t lz4[] = { 0x02, 0x21, 0x4c, 0x18, 0, 0, 0, 0 };

	if (argc != 2)
		return 2;
	put(argv[1], "pvh.elf", pvh, npvh);
	put(argv[1], "nopvh.elf", nopvh, nno);
	put(argv[1], "pvh32.elf", e32, n32);
	memset(&z, 0, sizeof(z));
	deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
	z.next_in = pvh;
	z.avail_in = (uInt)npvh;
	z.next_out = out;
	z.avail_out = sizeof(out);
	deflate(&z, Z_FINISH);
	bzimage(argv[1], "bz-gzip-pvh", out, z.total_out);
	deflateEnd(&z);
	outn = 0;
	lzma_easy_buffer_encode(6, LZMA_CHECK_CRC32, NULL, nopvh, nno, out,
				&outn, sizeof(out));
	bzimage(argv[1], "bz-xz-nopvh", out, outn);
	outn = ZSTD_compress(out, sizeof(out), pvh, npvh, 3);
	bzimage(argv[1], "bz-zstd-pvh", out, outn);
	bzimage(argv[1], "bz-lz4", lz4, sizeof(lz4));
	put(argv[1], "garbage", "not a kernel\n", 13);
	return 0;
}
