// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for the PVH ELF loader (hv/common/elf_loader.c): real images
 * assembled and linked at build time (see tests/unit/gen-elf.sh, found in
 * elf-data/ next to this binary) and crafted malformed headers.  Every
 * image is parsed from a heap buffer of exactly its length, so ASan flags
 * any read past the end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <cmocka.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/elf_loader.h>

static char data_dir[4096];

struct image {
	uint8_t *p;
	size_t len;
};

static struct image load_file(const char *variant)
{
	char path[4200];
	struct image im = { NULL, 0 };
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/%s.elf", data_dir, variant);
	f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	im.p = malloc(n);
	assert_non_null(im.p);
	assert_int_equal(fread(im.p, 1, n, f), n);
	fclose(f);
	im.len = n;
	return im;
}

/* Exact-size copy of the first @len bytes. */
static uint8_t *dup_prefix(const uint8_t *p, size_t len)
{
	uint8_t *q = malloc(len ? len : 1);

	assert_non_null(q);
	memcpy(q, p, len);
	return q;
}

/* Fake guest memory: 16 MiB at physical 0. */
#define MEM_SIZE (16u << 20)
struct mem {
	uint8_t *bytes;
	int copies, zeroes;
	int fail_copy_at, fail_zero_at; /* 1-based call number, 0: never */
};

static int mem_copy(void *ctx, uint64_t paddr, const void *src, size_t n)
{
	struct mem *m = ctx;

	if (++m->copies == m->fail_copy_at)
		return -EFAULT;
	if (paddr > MEM_SIZE || n > MEM_SIZE - paddr)
		return -ERANGE;
	memcpy(m->bytes + paddr, src, n);
	return 0;
}

static int mem_zero(void *ctx, uint64_t paddr, size_t n)
{
	struct mem *m = ctx;

	if (++m->zeroes == m->fail_zero_at)
		return -ENOSPC;
	if (paddr > MEM_SIZE || n > MEM_SIZE - paddr)
		return -ERANGE;
	memset(m->bytes + paddr, 0, n);
	return 0;
}

static uint32_t rd32(const uint8_t *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void check_real_image(const char *variant, bool is64, bool note)
{
	struct image im = load_file(variant);
	struct elf_info info;
	struct mem m = { 0 };
	const char *err = "unset";
	const void *desc;
	size_t dlen;
	uint64_t i;

	assert_int_equal(elf_parse(im.p, im.len, &info, &err), 0);
	assert_null(err);
	assert_int_equal(info.is64, is64);
	assert_true(info.entry == (is64 ? 0xffffffff80100000ULL : 0x100000));
	assert_int_equal(info.has_pvh_entry, note);
	if (note)
		assert_true(info.pvh_entry == 0x100003);
	else
		assert_true(info.pvh_entry == 0);
	assert_int_equal(info.nr_segs, 2);
	assert_true(info.paddr_lo == 0x100000);
	assert_true(info.segs[0].paddr == 0x100000);
	assert_true(info.segs[1].paddr == 0x101000);
	assert_true(info.segs[1].memsz >= info.segs[1].filesz + 8192);
	assert_true(info.paddr_hi == info.segs[1].paddr + info.segs[1].memsz);
	assert_int_equal(elf_find_note(im.p, im.len, "Xen", 18, &desc, &dlen),
			 note ? 0 : -ENOENT);
	assert_int_equal(elf_find_note(im.p, im.len, "Xen", 17, &desc, &dlen),
			 -ENOENT);
	assert_int_equal(elf_find_note(im.p, im.len, "Xe", 18, &desc, &dlen),
			 -ENOENT);
	assert_int_equal(elf_find_note(im.p, im.len, "XenX", 18, &desc, &dlen),
			 -ENOENT);
	assert_int_equal(elf_find_note(im.p, im.len, NULL, 18, &desc, &dlen),
			 -EINVAL);
	assert_int_equal(elf_find_note(NULL, im.len, "Xen", 18, &desc, &dlen),
			 -EINVAL);

	/* Load into poisoned memory and check what landed where. */
	m.bytes = malloc(MEM_SIZE);
	assert_non_null(m.bytes);
	memset(m.bytes, 0xcc, MEM_SIZE);
	assert_int_equal(elf_load(im.p, im.len, &info, mem_copy, mem_zero, &m),
			 0);
	assert_int_equal(m.bytes[0x100000], 0xf4); /* hlt */
	assert_int_equal(m.bytes[0x100003], 0xfa); /* cli */
	assert_int_equal(rd32(m.bytes + 0x101000), 0x12345678);
	assert_int_equal(rd32(m.bytes + 0x101004), 0x9abcdef0);
	assert_memory_equal(m.bytes + 0x101008, "krypton-elf-test", 16);
	for (i = info.segs[1].paddr + info.segs[1].filesz; i < info.paddr_hi;
	     i++)
		assert_int_equal(m.bytes[i], 0);
	assert_int_equal(m.bytes[info.paddr_hi], 0xcc);
	assert_int_equal(m.bytes[0xfffff], 0xcc);
	assert_int_equal(m.bytes[info.segs[0].paddr + info.segs[0].memsz],
			 0xcc);

	/* Callback errors propagate and stop the load. */
	m.copies = m.zeroes = 0;
	m.fail_copy_at = 2;
	assert_int_equal(elf_load(im.p, im.len, &info, mem_copy, mem_zero, &m),
			 -EFAULT);
	assert_int_equal(m.copies, 2);
	m.copies = m.zeroes = 0;
	m.fail_copy_at = 0;
	m.fail_zero_at = 1;
	assert_int_equal(elf_load(im.p, im.len, &info, mem_copy, mem_zero, &m),
			 -ENOSPC);
	/* elf_load re-checks an info that does not match the image. */
	assert_int_equal(elf_load(im.p, info.segs[1].offset, &info, mem_copy,
				  mem_zero, &m),
			 -EINVAL);

	free(m.bytes);
	free(im.p);
}

static void test_pvh64_note4(void **state)
{
	(void)state;
	check_real_image("pvh64-note4", true, true);
}

static void test_pvh64_note8(void **state)
{
	(void)state;
	check_real_image("pvh64-note8", true, true);
}

static void test_pvh64_sect(void **state)
{
	(void)state;
	check_real_image("pvh64-sect", true, true);
}

static void test_pvh64_none(void **state)
{
	(void)state;
	check_real_image("pvh64-none", true, false);
}

static void test_pvh32_note4(void **state)
{
	(void)state;
	check_real_image("pvh32-note4", false, true);
}

static void test_pvh32_sect(void **state)
{
	(void)state;
	check_real_image("pvh32-sect", false, true);
}

static void test_pvh32_none(void **state)
{
	(void)state;
	check_real_image("pvh32-none", false, false);
}

/* Every truncation of every real image: no overread, and a clean error
 * once any loaded byte is cut off. */
static void test_truncation(void **state)
{
	static const char *const variants[] = {
		"pvh64-note4", "pvh64-note8", "pvh64-sect", "pvh64-none",
		"pvh32-note4", "pvh32-sect",  "pvh32-none",
	};
	size_t v, len;

	(void)state;
	for (v = 0; v < ARRAY_SIZE(variants); v++) {
		struct image im = load_file(variants[v]);
		struct elf_info full, info;
		uint64_t need = 0;
		unsigned int i;

		assert_int_equal(elf_parse(im.p, im.len, &full, NULL), 0);
		for (i = 0; i < full.nr_segs; i++)
			need = MAX(need,
				   full.segs[i].offset + full.segs[i].filesz);
		for (len = 0; len < im.len; len++) {
			uint8_t *p = dup_prefix(im.p, len);
			const char *err = NULL;
			const void *desc;
			size_t dlen;
			int rc = elf_parse(p, len, &info, &err);

			if (len < need) {
				assert_int_equal(rc, -EINVAL);
				assert_non_null(err);
			} else if (rc == 0) {
				assert_int_equal(info.nr_segs, full.nr_segs);
			} else {
				assert_int_equal(rc, -EINVAL);
			}
			rc = elf_find_note(p, len, "Xen", 18, &desc, &dlen);
			assert_true(rc == 0 || rc == -ENOENT || rc == -EINVAL);
			if (rc == 0)
				assert_true((const uint8_t *)desc + dlen <=
					    p + len);
			free(p);
		}
		free(im.p);
	}
}

/* Random corruption of the first 256 bytes (headers) of real images. */
static void test_fuzz(void **state)
{
	static const char *const variants[] = { "pvh64-note4", "pvh32-sect",
						"pvh64-note8" };
	unsigned int seed = 12345, iter, v;

	(void)state;
	for (v = 0; v < ARRAY_SIZE(variants); v++) {
		struct image im = load_file(variants[v]);

		for (iter = 0; iter < 20000; iter++) {
			uint8_t *p = dup_prefix(im.p, im.len);
			struct elf_info info;
			const void *desc;
			size_t dlen;
			int k, flips = 1 + rand_r(&seed) % 8, rc;

			for (k = 0; k < flips; k++) {
				size_t at = rand_r(&seed) % 256;

				if (rand_r(&seed) & 1)
					p[at] = rand_r(&seed);
				else
					p[at] ^= 1u << (rand_r(&seed) % 8);
			}
			/* Sometimes hit the note bytes (file offset 0x1008). */
			if (iter % 4 == 0)
				p[0x1008 + rand_r(&seed) % 0x14] =
					rand_r(&seed);
			rc = elf_parse(p, im.len, &info, NULL);
			assert_true(rc == 0 || rc == -EINVAL);
			if (rc == 0) {
				unsigned int i;

				assert_true(info.nr_segs >= 1 &&
					    info.nr_segs <= 16);
				for (i = 0; i < info.nr_segs; i++) {
					assert_true(info.segs[i].filesz <=
						    info.segs[i].memsz);
					assert_true(
						info.segs[i].offset +
							info.segs[i].filesz <=
						im.len);
				}
			}
			rc = elf_find_note(p, im.len, "Xen", 18, &desc, &dlen);
			assert_true(rc == 0 || rc == -ENOENT || rc == -EINVAL);
			free(p);
		}
		free(im.p);
	}
}

/*
 * Crafted images: an ELF64 or ELF32 header followed by a program header
 * table, built field by field.
 */
struct craft {
	uint8_t b[8192];
	bool is64;
	unsigned int phnum;
};

static void put(uint8_t *p, uint64_t v, unsigned int n)
{
	while (n--) {
		*p++ = v;
		v >>= 8;
	}
}

static void craft_init(struct craft *c, bool is64)
{
	memset(c, 0, sizeof(*c));
	c->is64 = is64;
	memcpy(c->b,
	       "\x7f"
	       "ELF",
	       4);
	c->b[4] = is64 ? 2 : 1;
	c->b[5] = 1;
	c->b[6] = 1;
	put(c->b + 16, 2, 2);
	put(c->b + 18, is64 ? 62 : 3, 2);
	put(c->b + 20, 1, 4);
	if (is64) {
		put(c->b + 24, 0x100000, 8);
		put(c->b + 32, 64, 8);
		put(c->b + 52, 64, 2);
		put(c->b + 54, 56, 2);
	} else {
		put(c->b + 24, 0x100000, 4);
		put(c->b + 28, 52, 4);
		put(c->b + 40, 52, 2);
		put(c->b + 42, 32, 2);
	}
}

static uint8_t *craft_ph(struct craft *c, unsigned int i)
{
	return c->b + (c->is64 ? 64 + 56 * i : 52 + 32 * i);
}

static void craft_set_phnum(struct craft *c, unsigned int n)
{
	c->phnum = n;
	put(c->b + (c->is64 ? 56 : 44), n, 2);
}

static void craft_add(struct craft *c, uint32_t type, uint64_t off,
		      uint64_t paddr, uint64_t filesz, uint64_t memsz,
		      uint64_t align)
{
	uint8_t *p = craft_ph(c, c->phnum);

	put(p, type, 4);
	if (c->is64) {
		put(p + 8, off, 8);
		put(p + 16, paddr, 8);
		put(p + 24, paddr, 8);
		put(p + 32, filesz, 8);
		put(p + 40, memsz, 8);
		put(p + 48, align, 8);
	} else {
		put(p + 4, off, 4);
		put(p + 8, paddr, 4);
		put(p + 12, paddr, 4);
		put(p + 16, filesz, 4);
		put(p + 20, memsz, 4);
		put(p + 28, align, 4);
	}
	craft_set_phnum(c, c->phnum + 1);
}

/* Places a note at @off: name, type, descriptor of @dsz bytes = @val. */
static size_t craft_note(struct craft *c, size_t off, const char *name,
			 uint32_t type, unsigned int dsz, uint64_t val)
{
	size_t nsz = strlen(name) + 1;
	uint8_t *p = c->b + off;

	put(p, nsz, 4);
	put(p + 4, dsz, 4);
	put(p + 8, type, 4);
	memcpy(p + 12, name, nsz);
	p += 12 + ALIGN_UP(nsz, 4);
	put(p, val, dsz);
	return 12 + ALIGN_UP(nsz, 4) + ALIGN_UP(dsz, 4);
}

static int craft_parse(struct craft *c, size_t len, struct elf_info *info,
		       const char **err)
{
	uint8_t *p = dup_prefix(c->b, len);
	int rc = elf_parse(p, len, info, err);

	free(p);
	return rc;
}

#define expect_err(c, len, msg) expect_err_at(c, len, msg, __LINE__)
#define expect_ok(c, len, info) expect_ok_at(c, len, info, __LINE__)

static void expect_err_at(struct craft *c, size_t len, const char *msg,
			  int line)
{
	struct elf_info info;
	const char *err = NULL;

	assert_int_equal(craft_parse(c, len, &info, &err), -EINVAL);
	assert_non_null(err);
	if (strcmp(err, msg))
		fail_msg("line %d: expected \"%s\", got \"%s\"", line, msg,
			 err);
}

static void expect_ok_at(struct craft *c, size_t len, struct elf_info *info,
			 int line)
{
	const char *err = NULL;
	int rc = craft_parse(c, len, info, &err);

	if (rc)
		fail_msg("line %d: unexpected error %d: %s", line, rc,
			 err ? err : "?");
}

static void test_crafted_header(void **state)
{
	struct craft c;
	struct elf_info info;
	int is64;

	(void)state;
	expect_err(&c, 0, "not an ELF image");
	assert_int_equal(elf_parse(NULL, 100, &info, NULL), -EINVAL);
	for (is64 = 0; is64 <= 1; is64++) {
		craft_init(&c, is64);
		craft_add(&c, 1, 0x1000, 0x200000, 0x100, 0x200, 0x1000);
		expect_ok(&c, 0x1100, &info);
		assert_int_equal(info.is64, is64);
		assert_true(info.paddr_lo == 0x200000);
		assert_true(info.paddr_hi == 0x200200);
		assert_false(info.has_pvh_entry);

		expect_err(&c, 15, "not an ELF image");
		expect_err(&c, is64 ? 63 : 51, "ELF: header truncated");
		c.b[1] = 'e';
		expect_err(&c, 0x1100, "not an ELF image");
		c.b[1] = 'E';
		c.b[4] = 3;
		expect_err(&c, 0x1100, "ELF: unknown class");
		c.b[4] = is64 ? 1 : 2; /* class/machine mismatch */
		expect_err(&c, 0x1100, "ELF: not an x86 image");
		c.b[4] = is64 ? 2 : 1;
		c.b[5] = 2;
		expect_err(&c, 0x1100, "ELF: not little-endian");
		c.b[5] = 1;
		c.b[6] = 0;
		expect_err(&c, 0x1100, "ELF: unknown version");
		c.b[6] = 1;
		put(c.b + 16, 3, 2); /* ET_DYN */
		expect_err(&c, 0x1100, "ELF: not an executable");
		put(c.b + 16, 2, 2);
		put(c.b + 18, 40, 2); /* ARM */
		expect_err(&c, 0x1100, "ELF: not an x86 image");
		put(c.b + 18, is64 ? 62 : 3, 2);
		expect_ok(&c, 0x1100, &info);

		/* Program header table problems. */
		craft_set_phnum(&c, 0);
		expect_err(&c, 0x1100, "ELF: no program headers");
		craft_set_phnum(&c, 0xffff);
		expect_err(&c, 0x1100, "ELF: too many program headers");
		craft_set_phnum(&c, 0xfffe);
		expect_err(&c, 0x1100,
			   "ELF: program headers extend past end of file");
		craft_set_phnum(&c, 1);
		put(c.b + (is64 ? 54 : 42), is64 ? 55 : 31, 2);
		expect_err(&c, 0x1100, "ELF: bad program header size");
		put(c.b + (is64 ? 54 : 42), 0xffff, 2);
		expect_err(&c, 0x1100,
			   "ELF: program headers extend past end of file");
		put(c.b + (is64 ? 54 : 42), is64 ? 56 : 32, 2);
		if (is64)
			put(c.b + 32, ~0ULL - 8, 8);
		else
			put(c.b + 28, 0xfffffff0, 4);
		expect_err(&c, 0x1100,
			   "ELF: program headers extend past end of file");
		if (is64)
			put(c.b + 32, 64, 8);
		else
			put(c.b + 28, 52, 4);
		expect_err(&c, is64 ? 64 + 55 : 52 + 31,
			   "ELF: program headers extend past end of file");
		expect_ok(&c, 0x1100, &info);
	}
}

static void test_crafted_segments(void **state)
{
	struct craft c;
	struct elf_info info;
	int is64, i;

	(void)state;
	for (is64 = 0; is64 <= 1; is64++) {
		/* Offset past the end, and offset + filesz wrapping. */
		craft_init(&c, is64);
		craft_add(&c, 6, 0, 0, 0, 0, 0); /* PT_PHDR: ignored */
		craft_add(&c, 1, 0x1000, 0x200000, 0x100, 0x100, 0);
		craft_add(&c, 1, 0x1100, 0x300000, 0x100, 0x100, 0);
		expect_ok(&c, 0x1200, &info);
		assert_int_equal(info.nr_segs, 2);
		expect_err(&c, 0x11ff,
			   "ELF: segment 2 extends past end of file");
		put(craft_ph(&c, 2) + (is64 ? 8 : 4),
		    is64 ? ~0ULL - 0x10 : 0xfffffff0, is64 ? 8 : 4);
		expect_err(&c, 0x1200,
			   "ELF: segment 2 extends past end of file");
		put(craft_ph(&c, 2) + (is64 ? 8 : 4), 0x1100, is64 ? 8 : 4);
		/* filesz > memsz */
		put(craft_ph(&c, 1) + (is64 ? 40 : 20), 0xff, is64 ? 8 : 4);
		expect_err(&c, 0x1200, "ELF: segment 1 has filesz > memsz");
		put(craft_ph(&c, 1) + (is64 ? 40 : 20), 0x100, is64 ? 8 : 4);
		/* Overlap: segment 2 moved onto segment 1's last byte. */
		put(craft_ph(&c, 2) + (is64 ? 24 : 12), 0x2000ff, is64 ? 8 : 4);
		expect_err(&c, 0x1200,
			   "ELF: segment 2 overlaps an earlier segment");
		put(craft_ph(&c, 2) + (is64 ? 24 : 12), 0x1fff01, is64 ? 8 : 4);
		expect_err(&c, 0x1200,
			   "ELF: segment 2 overlaps an earlier segment");
		put(craft_ph(&c, 2) + (is64 ? 24 : 12), 0x200100, is64 ? 8 : 4);
		expect_ok(&c, 0x1200, &info);
		assert_true(info.paddr_hi == 0x200200);
		put(craft_ph(&c, 2) + (is64 ? 24 : 12), 0x1fff00, is64 ? 8 : 4);
		expect_ok(&c, 0x1200, &info);
		assert_true(info.paddr_lo == 0x1fff00);
		/* Physical range overflowing the address space. */
		if (is64) {
			put(craft_ph(&c, 2) + 24, ~0ULL - 0x80, 8);
			expect_err(
				&c, 0x1200,
				"ELF: segment 2 extends past end of address space");
			put(craft_ph(&c, 2) + 24, ~0ULL - 0x100, 8);
			expect_ok(&c, 0x1200, &info);
			assert_true(info.paddr_hi == ~0ULL);
			put(craft_ph(&c, 2) + 40, ~0ULL, 8);
			expect_err(
				&c, 0x1200,
				"ELF: segment 2 extends past end of address space");
		} else {
			put(craft_ph(&c, 2) + 12, 0xffffff80, 4);
			expect_err(
				&c, 0x1200,
				"ELF: segment 2 extends past end of address space");
			put(craft_ph(&c, 2) + 12, 0xffffff00, 4);
			expect_ok(&c, 0x1200, &info);
			assert_true(info.paddr_hi == 0x100000000ULL);
		}

		/* Zero-sized PT_LOADs are ignored; none at all is an error. */
		craft_init(&c, is64);
		craft_add(&c, 1, 0, 0x1000, 0, 0, 0);
		expect_err(&c, 0x200, "ELF: no loadable segments");
		craft_add(&c, 1, 0, 0x1000, 0, 0x10, 0); /* pure bss */
		expect_ok(&c, 0x200, &info);
		assert_int_equal(info.nr_segs, 1);
		assert_int_equal(info.segs[0].filesz, 0);

		/* 16 load segments fit, 17 do not. */
		craft_init(&c, is64);
		for (i = 0; i < 16; i++)
			craft_add(&c, 1, 0x1000 + i * 16, 0x100000 + i * 0x1000,
				  16, 0x1000, 0);
		expect_ok(&c, 0x1100, &info);
		assert_int_equal(info.nr_segs, 16);
		assert_true(info.paddr_hi == 0x110000);
		craft_add(&c, 1, 0x1000, 0x900000, 16, 16, 0);
		expect_err(&c, 0x1100, "ELF: too many loadable segments");

		/* Huge phnum with a table that really is there. */
		craft_init(&c, is64);
		craft_add(&c, 1, 0, 0x100000, 0x10, 0x10, 0);
		craft_set_phnum(&c, (sizeof(c.b) - 64) / (is64 ? 56 : 32));
		expect_ok(&c, sizeof(c.b), &info);
	}
}

/* Replaces the second note of test_crafted_notes() and resizes PT_NOTE. */
static void pvh_note(struct craft *c, const char *name, uint32_t type,
		     unsigned int dsz, uint64_t val)
{
	size_t n = craft_note(c, 0x824, name, type, dsz, val);

	put(craft_ph(c, 1) + (c->is64 ? 32 : 16), 0x24 + n, c->is64 ? 8 : 4);
}

static void test_crafted_notes(void **state)
{
	struct craft c;
	struct elf_info info;
	const void *desc;
	size_t dlen, n;
	int is64;

	(void)state;
	for (is64 = 0; is64 <= 1; is64++) {
		craft_init(&c, is64);
		craft_add(&c, 1, 0x100, 0x100000, 0x100, 0x100, 0);
		/* Two notes: a GNU one, then the PVH entry. */
		n = craft_note(&c, 0x800, "GNU", 3, 20, 0);
		n += craft_note(&c, 0x800 + n, "Xen", 18, 4, 0x100040);
		craft_add(&c, 4, 0x800, 0, n, n, 4);
		expect_ok(&c, 0x1100, &info);
		assert_true(info.has_pvh_entry);
		assert_true(info.pvh_entry == 0x100040);
		assert_int_equal(
			elf_find_note(c.b, 0x1100, "GNU", 3, &desc, &dlen), 0);
		assert_int_equal(dlen, 20);
		/* Note segment past end of file. */
		expect_err(&c, 0x800 + n - 1,
			   "ELF: note segment extends past end of file");
		/* Descriptor size running past the container. */
		put(c.b + 0x800 + 4, 0x1000, 4);
		expect_err(&c, 0x1100, "ELF: malformed note");
		put(c.b + 0x800 + 4, 0xffffffff, 4);
		expect_err(&c, 0x1100, "ELF: malformed note");
		put(c.b + 0x800, 0xfffffffd, 4); /* namesz padding wraps */
		expect_err(&c, 0x1100, "ELF: malformed note");
		put(c.b + 0x800, 4, 4);
		put(c.b + 0x800 + 4, 20, 4);
		expect_ok(&c, 0x1100, &info);

		/* 8-byte descriptor, 1-, 2-byte ones; 3 and 16 are rejected. */
		pvh_note(&c, "Xen", 18, 8, 0x1234);
		expect_ok(&c, 0x1100, &info);
		assert_true(info.pvh_entry == 0x1234);
		pvh_note(&c, "Xen", 18, 8, 0x100000000ULL);
		expect_err(&c, 0x1100, "ELF: PVH entry above 4 GiB");
		pvh_note(&c, "Xen", 18, 2, 0xabcd);
		expect_ok(&c, 0x1100, &info);
		assert_true(info.pvh_entry == 0xabcd);
		pvh_note(&c, "Xen", 18, 1, 0x7f);
		expect_ok(&c, 0x1100, &info);
		assert_true(info.pvh_entry == 0x7f);
		pvh_note(&c, "Xen", 18, 3, 0x7f);
		expect_err(&c, 0x1100, "ELF: bad PVH entry note size");
		/* A different name or type is not the PVH note. */
		pvh_note(&c, "Xe", 18, 4, 0x7f);
		expect_ok(&c, 0x1100, &info);
		assert_false(info.has_pvh_entry);
		pvh_note(&c, "Xen", 17, 4, 0x7f);
		expect_ok(&c, 0x1100, &info);
		assert_false(info.has_pvh_entry);

		/* Section fallback: no PT_NOTE, one SHT_NOTE section. */
		craft_init(&c, is64);
		craft_add(&c, 1, 0x100, 0x100000, 0x100, 0x100, 0);
		n = craft_note(&c, 0x900, "Xen", 18, 4, 0x100010);
		{
			uint8_t *sh = c.b + 0xa00 + (is64 ? 64 : 40);

			if (is64) {
				put(c.b + 40, 0xa00, 8);
				put(c.b + 58, 64, 2);
				put(c.b + 60, 2, 2);
				put(sh + 4, 7, 4);
				put(sh + 24, 0x900, 8);
				put(sh + 32, n, 8);
				put(sh + 48, 4, 8);
			} else {
				put(c.b + 32, 0xa00, 4);
				put(c.b + 46, 40, 2);
				put(c.b + 48, 2, 2);
				put(sh + 4, 7, 4);
				put(sh + 16, 0x900, 4);
				put(sh + 20, n, 4);
				put(sh + 32, 4, 4);
			}
			expect_ok(&c, 0x1100, &info);
			assert_true(info.has_pvh_entry);
			assert_true(info.pvh_entry == 0x100010);
			/* Section table cut off. */
			expect_err(&c, 0xa00 + (is64 ? 127 : 79),
				   "ELF: bad section header table");
			/* Note section past the end of the file. */
			put(sh + (is64 ? 32 : 20), 0x10000, is64 ? 8 : 4);
			expect_err(
				&c, 0x1100,
				"ELF: note section extends past end of file");
			put(sh + (is64 ? 32 : 20), n, is64 ? 8 : 4);
			/* An (empty) PT_NOTE segment hides the sections. */
			craft_add(&c, 4, 0x900, 0, 0, 0, 4);
			expect_ok(&c, 0x1100, &info);
			assert_false(info.has_pvh_entry);
		}
	}
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pvh64_note4),
		cmocka_unit_test(test_pvh64_note8),
		cmocka_unit_test(test_pvh64_sect),
		cmocka_unit_test(test_pvh64_none),
		cmocka_unit_test(test_pvh32_note4),
		cmocka_unit_test(test_pvh32_sect),
		cmocka_unit_test(test_pvh32_none),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_fuzz),
		cmocka_unit_test(test_crafted_header),
		cmocka_unit_test(test_crafted_segments),
		cmocka_unit_test(test_crafted_notes),
	};
	const char *slash = strrchr(argv[0], '/');

	(void)argc;
	if (slash)
		snprintf(data_dir, sizeof(data_dir), "%.*s/elf-data",
			 (int)(slash - argv[0]), argv[0]);
	else
		snprintf(data_dir, sizeof(data_dir), "elf-data");
	return cmocka_run_group_tests_name("elf", tests, NULL, NULL);
}
