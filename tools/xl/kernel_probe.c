// SPDX-License-Identifier: GPL-2.0-only
/*
 * Does a kernel image have a PVH entry point?
 *
 * Krypton runs a "PV" configuration as PVH, which needs the kernel to
 * carry the ELF note XEN_ELFNOTE_PHYS32_ENTRY (name "Xen", type 18).
 * For an ELF (vmlinux) the notes are read directly, from PT_NOTE
 * segments or SHT_NOTE sections.  A bzImage holds the vmlinux
 * compressed: its setup header ("HdrS" at 0x202, protocol >= 2.08)
 * gives the payload's offset and length, and gzip, xz and zstd payloads
 * are decompressed here to look at the notes (other compressors are
 * reported as KK_BZIMAGE: the caller accepts them with a notice).
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <lzma.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "xl.h"

#define XEN_ELFNOTE_PHYS32_ENTRY 18
#define MAX_KERNEL (512u << 20) /* refuse to read more than this */

static uint32_t rd32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

/* Walks one note area; true if it has Xen's PHYS32_ENTRY note. */
static bool notes_have_pvh(const uint8_t *p, size_t len)
{
	size_t off = 0;

	while (len - off >= 12) {
		uint32_t namesz = rd32(p + off), descsz = rd32(p + off + 4);
		uint32_t type = rd32(p + off + 8);
		size_t nlen = (namesz + 3u) & ~3u, dlen = (descsz + 3u) & ~3u;

		if (namesz > len || descsz > len)
			return false;
		off += 12;
		if (nlen > len - off)
			return false;
		if (namesz == 4 && !memcmp(p + off, "Xen", 4) &&
		    type == XEN_ELFNOTE_PHYS32_ENTRY)
			return true;
		off += nlen;
		if (dlen > len - off)
			return false;
		off += dlen;
	}
	return false;
}

static bool in_bounds(size_t len, uint64_t off, uint64_t size)
{
	return off <= len && size <= len - off;
}

/* Bounds-checked ELF walk; the file is untrusted. */
static enum kernel_kind probe_elf(const uint8_t *b, size_t len)
{
	bool is64 = b[EI_CLASS] == ELFCLASS64;
	uint64_t phoff, shoff;
	unsigned phnum, shnum, phent, shent, i;

	if (b[EI_DATA] != ELFDATA2LSB)
		return KK_UNKNOWN;
	if (is64) {
		const Elf64_Ehdr *e = (const void *)b;

		if (len < sizeof(*e))
			return KK_UNKNOWN;
		phoff = e->e_phoff;
		phnum = e->e_phnum;
		phent = e->e_phentsize;
		shoff = e->e_shoff;
		shnum = e->e_shnum;
		shent = e->e_shentsize;
	} else {
		const Elf32_Ehdr *e = (const void *)b;

		if (len < sizeof(*e))
			return KK_UNKNOWN;
		phoff = e->e_phoff;
		phnum = e->e_phnum;
		phent = e->e_phentsize;
		shoff = e->e_shoff;
		shnum = e->e_shnum;
		shent = e->e_shentsize;
	}
	for (i = 0; i < phnum; i++) {
		uint64_t o = phoff + (uint64_t)i * phent, noff, nsz;
		uint32_t type;

		if (!in_bounds(len, o,
			       is64 ? sizeof(Elf64_Phdr) : sizeof(Elf32_Phdr)))
			break;
		if (is64) {
			Elf64_Phdr ph;

			memcpy(&ph, b + o, sizeof(ph));
			type = ph.p_type;
			noff = ph.p_offset;
			nsz = ph.p_filesz;
		} else {
			Elf32_Phdr ph;

			memcpy(&ph, b + o, sizeof(ph));
			type = ph.p_type;
			noff = ph.p_offset;
			nsz = ph.p_filesz;
		}
		if (type == PT_NOTE && in_bounds(len, noff, nsz) &&
		    notes_have_pvh(b + noff, nsz))
			return KK_ELF_PVH;
	}
	for (i = 0; i < shnum; i++) {
		uint64_t o = shoff + (uint64_t)i * shent, noff, nsz;
		uint32_t type;

		if (!in_bounds(len, o,
			       is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)))
			break;
		if (is64) {
			Elf64_Shdr sh;

			memcpy(&sh, b + o, sizeof(sh));
			type = sh.sh_type;
			noff = sh.sh_offset;
			nsz = sh.sh_size;
		} else {
			Elf32_Shdr sh;

			memcpy(&sh, b + o, sizeof(sh));
			type = sh.sh_type;
			noff = sh.sh_offset;
			nsz = sh.sh_size;
		}
		if (type == SHT_NOTE && in_bounds(len, noff, nsz) &&
		    notes_have_pvh(b + noff, nsz))
			return KK_ELF_PVH;
	}
	return KK_ELF_NO_PVH;
}

static uint8_t *gunzip(const uint8_t *in, size_t len, size_t *outlen)
{
	z_stream z;
	size_t cap = 16u << 20;
	uint8_t *out = malloc(cap);
	int rc;

	if (!out)
		return NULL;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
		free(out);
		return NULL;
	}
	z.next_in = (Bytef *)in;
	z.avail_in = (uInt)len;
	do {
		if (z.total_out == cap) {
			uint8_t *n;

			if (cap >= MAX_KERNEL)
				break;
			n = realloc(out, cap * 2);
			if (!n)
				break;
			out = n;
			cap *= 2;
		}
		z.next_out = out + z.total_out;
		z.avail_out = (uInt)(cap - z.total_out);
		rc = inflate(&z, Z_NO_FLUSH);
	} while (rc == Z_OK);
	*outlen = z.total_out;
	inflateEnd(&z);
	return out;
}

static uint8_t *unxz(const uint8_t *in, size_t len, size_t *outlen)
{
	lzma_stream s = LZMA_STREAM_INIT;
	size_t cap = 16u << 20, done = 0;
	uint8_t *out = malloc(cap);
	lzma_ret rc;

	if (!out || lzma_stream_decoder(&s, UINT64_MAX, 0) != LZMA_OK) {
		free(out);
		return NULL;
	}
	s.next_in = in;
	s.avail_in = len;
	do {
		if (done == cap) {
			uint8_t *n;

			if (cap >= MAX_KERNEL)
				break;
			n = realloc(out, cap * 2);
			if (!n)
				break;
			out = n;
			cap *= 2;
		}
		s.next_out = out + done;
		s.avail_out = cap - done;
		rc = lzma_code(&s, LZMA_FINISH);
		done = cap - s.avail_out;
	} while (rc == LZMA_OK);
	lzma_end(&s);
	*outlen = done;
	return out;
}

static uint8_t *unzstd(const uint8_t *in, size_t len, size_t *outlen)
{
	ZSTD_DStream *d = ZSTD_createDStream();
	size_t cap = 16u << 20;
	uint8_t *out = malloc(cap);
	ZSTD_inBuffer ib = { in, len, 0 };
	ZSTD_outBuffer ob;
	size_t rc;

	if (!d || !out) {
		ZSTD_freeDStream(d);
		free(out);
		return NULL;
	}
	ZSTD_initDStream(d);
	ob.dst = out;
	ob.size = cap;
	ob.pos = 0;
	for (;;) {
		rc = ZSTD_decompressStream(d, &ob, &ib);
		if (ZSTD_isError(rc) || rc == 0)
			break;
		if (ob.pos == ob.size) {
			uint8_t *n;

			if (cap >= MAX_KERNEL)
				break;
			n = realloc(out, cap * 2);
			if (!n)
				break;
			out = n;
			cap *= 2;
			ob.dst = out;
			ob.size = cap;
		} else if (ib.pos == ib.size) {
			break;
		}
	}
	ZSTD_freeDStream(d);
	*outlen = ob.pos;
	return out;
}

static enum kernel_kind probe_bzimage(const uint8_t *b, size_t len)
{
	uint32_t setup_sects, poff, plen, start;
	uint16_t version;
	const uint8_t *p;
	uint8_t *out = NULL;
	size_t outlen = 0;
	enum kernel_kind k = KK_BZIMAGE;

	if (len < 0x250)
		return KK_BZIMAGE;
	version = (uint16_t)(b[0x206] | b[0x207] << 8);
	if (version < 0x208)
		return KK_BZIMAGE;
	setup_sects = b[0x1f1] ? b[0x1f1] : 4;
	poff = rd32(b + 0x248);
	plen = rd32(b + 0x24c);
	start = (setup_sects + 1) * 512;
	if (start > len || poff > len - start || plen > len - start - poff)
		return KK_BZIMAGE;
	p = b + start + poff;
	if (plen >= 2 && p[0] == 0x1f && p[1] == 0x8b)
		out = gunzip(p, plen, &outlen);
	else if (plen >= 6 && !memcmp(p,
				      "\xfd"
				      "7zXZ",
				      6))
		out = unxz(p, plen, &outlen);
	else if (plen >= 4 && rd32(p) == 0xfd2fb528)
		out = unzstd(p, plen, &outlen);
	if (out && outlen >= 4 && !memcmp(out, ELFMAG, SELFMAG))
		k = probe_elf(out, outlen);
	free(out);
	return k;
}

enum kernel_kind probe_kernel_buf(const uint8_t *b, size_t len)
{
	if (len >= EI_NIDENT && !memcmp(b, ELFMAG, SELFMAG))
		return probe_elf(b, len);
	if (len >= 0x206 && !memcmp(b + 0x202, "HdrS", 4))
		return probe_bzimage(b, len);
	return KK_UNKNOWN;
}

enum kernel_kind probe_kernel(const char *path, char *detail, size_t n)
{
	struct stat st;
	uint8_t *buf;
	size_t got = 0;
	enum kernel_kind k;
	int fd = open(path, O_RDONLY);

	if (fd < 0) {
		int e = errno;

		snprintf(detail, n, "%s", strerror(e));
		return e == ENOENT ? KK_MISSING : KK_UNREADABLE;
	}
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) ||
	    (uint64_t)st.st_size > MAX_KERNEL) {
		snprintf(detail, n, "not a regular file of sane size");
		close(fd);
		return KK_UNREADABLE;
	}
	buf = malloc((size_t)st.st_size + 1);
	if (!buf) {
		close(fd);
		return KK_UNREADABLE;
	}
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);

		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	k = probe_kernel_buf(buf, got);
	free(buf);
	detail[0] = 0;
	return k;
}
