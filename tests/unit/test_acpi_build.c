// SPDX-License-Identifier: GPL-2.0-only
/*
 * Unit tests for the guest ACPI table builder (hv/arch/x86/acpi_build.c).
 *
 * The tables are checked the way a guest OS walks them: from the RSDP
 * through the XSDT to the FADT (and its DSDT) and the MADT, by their
 * guest-physical pointers, using field offsets from the ACPI
 * specification (6.x), not the builder's own structures.
 *
 * Each table is also run through iasl (Debian's acpica-tools, installed
 * by scripts/deps.sh): disassembled cleanly and compiled back to the same
 * bytes (see test_iasl).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <limits.h>
#include <unistd.h>
#include <sys/wait.h>
#include <cmocka.h>

#include <hv/types.h>
#include <hv/errno.h>
#include <hv/acpi_build.h>

/* Common description header (ACPI 6.x, 5.2.6). */
#define HDR_SIG 0
#define HDR_LENGTH 4
#define HDR_REVISION 8
#define HDR_LEN 36

/* Root System Description Pointer (5.2.5.3). */
#define RSDP_OEM_ID 9
#define RSDP_REVISION 15
#define RSDP_RSDT 16
#define RSDP_V1_LEN 20 /* the first checksum covers these bytes */
#define RSDP_LENGTH 20
#define RSDP_XSDT 24
#define RSDP_RESERVED 33
#define RSDP_LEN 36

/* Fixed ACPI Description Table (5.2.9), ACPI 6.0 layout. */
#define FADT_FACS 36
#define FADT_DSDT 40
#define FADT_IAPC_BOOT_ARCH 109
#define FADT_FLAGS 112
#define FADT_MINOR 131
#define FADT_X_FACS 132
#define FADT_X_DSDT 140
#define FADT_LEN 276
#define FADT_HW_REDUCED_ACPI (1u << 20)
#define BOOT_ARCH_VGA_NOT_PRESENT (1u << 2)
#define BOOT_ARCH_CMOS_RTC_NOT_PRESENT (1u << 5)

/* Multiple APIC Description Table (5.2.12). */
#define MADT_LAPIC_ADDR 36
#define MADT_ENTRIES 44
#define MADT_TYPE_LAPIC 0  /* 8 bytes: type, len, UID8, ID8, flags32 */
#define MADT_TYPE_X2APIC 9 /* 16: type, len, rsvd16, ID32, flags32, UID32 */
#define MADT_LAPIC_ENABLED 1u

#define BIG_LEN 0x10000 /* what dom0_build.c hands the builder */

static uint16_t rd16(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint64_t rd64(const uint8_t *p)
{
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return v;
}

static uint8_t sum8(const uint8_t *p, size_t n)
{
	uint8_t s = 0;

	while (n--)
		s += *p++;
	return s;
}

/* Independent size model: the MADT is the only table that grows. */
static size_t madt_len_for(unsigned int n)
{
	size_t len = MADT_ENTRIES;

	for (unsigned int i = 0; i < n; i++)
		len += 2 * i > 254 ? 16 : 8;
	return len;
}

/*
 * Test allocations are registered so that a failed assertion (which
 * longjmps out of the test) leaks nothing: each test's teardown frees them.
 */
static void *owned[64];
static size_t nr_owned;

static void *own(void *p)
{
	if (nr_owned == ARRAY_SIZE(owned))
		fail_msg("too many test allocations");
	owned[nr_owned++] = p;
	return p;
}

static void release(void *p)
{
	for (size_t i = 0; i < nr_owned; i++) {
		if (owned[i] == p) {
			owned[i] = owned[--nr_owned];
			free(p);
			return;
		}
	}
	fail_msg("releasing an unregistered pointer");
}

static int free_owned(void **state)
{
	(void)state;
	while (nr_owned)
		free(owned[--nr_owned]);
	return 0;
}

struct layout {
	size_t rsdp, xsdt, fadt, dsdt, madt;
};

/*
 * The table a guest finds at @gpa: inside the @used bytes built at @base,
 * with signature @sig, a sane length, and a zero whole-table checksum.
 */
static size_t table_at(const uint8_t *b, size_t used, uint64_t base,
		       uint64_t gpa, const char *sig)
{
	size_t off, len;

	assert_true(gpa >= base);
	assert_true(gpa - base <= used - HDR_LEN);
	off = (size_t)(gpa - base);
	assert_memory_equal(b + off + HDR_SIG, sig, 4);
	len = rd32(b + off + HDR_LENGTH);
	assert_true(len >= HDR_LEN);
	assert_true(len <= used - off);
	assert_int_equal(sum8(b + off, len), 0);
	return off;
}

static void check_rsdp(const uint8_t *b, size_t used, uint64_t base,
		       uint64_t rsdp_gpa)
{
	/* The RSDP is at offset 0 and 16-byte aligned when base_gpa is. */
	assert_int_equal(rsdp_gpa, base);
	if (IS_ALIGNED(base, 16))
		assert_true(IS_ALIGNED(rsdp_gpa, 16));
	assert_true(used >= RSDP_LEN);
	assert_memory_equal(b, "RSD PTR ", 8);
	assert_int_equal(b[RSDP_REVISION], 2);
	assert_int_equal(rd32(b + RSDP_LENGTH), RSDP_LEN);
	assert_int_equal(sum8(b, RSDP_V1_LEN), 0);
	assert_int_equal(sum8(b, RSDP_LEN), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(b[RSDP_RESERVED + i], 0);
	/* No RSDT is built; if one ever is, it must be a real one. */
	if (rd32(b + RSDP_RSDT))
		table_at(b, used, base, rd32(b + RSDP_RSDT), "RSDT");
}

static void check_fadt(const uint8_t *b, size_t used, uint64_t base,
		       size_t fadt, struct layout *l)
{
	const uint8_t *f = b + fadt;
	uint64_t x_dsdt = rd64(f + FADT_X_DSDT);

	assert_int_equal(rd32(f + HDR_LENGTH), FADT_LEN);
	assert_int_equal(f[HDR_REVISION], 6);
	assert_true(f[FADT_MINOR] <= 5);
	assert_true(rd32(f + FADT_FLAGS) & FADT_HW_REDUCED_ACPI);
	assert_true(rd16(f + FADT_IAPC_BOOT_ARCH) & BOOT_ARCH_VGA_NOT_PRESENT);
	assert_true(rd16(f + FADT_IAPC_BOOT_ARCH) &
		    BOOT_ARCH_CMOS_RTC_NOT_PRESENT);

	l->dsdt = table_at(b, used, base, x_dsdt, "DSDT");
	/* Below 4 GiB the 32-bit field names the same table. */
	if (x_dsdt <= UINT32_MAX)
		assert_int_equal(rd32(f + FADT_DSDT), x_dsdt);
	assert_true(b[l->dsdt + HDR_REVISION] >= 2); /* 64-bit integers */

	/* A FACS is optional in hardware-reduced mode; none is expected. */
	assert_int_equal(rd32(f + FADT_FACS), 0);
	assert_int_equal(rd64(f + FADT_X_FACS), 0);
}

static void check_madt(const uint8_t *b, size_t madt, unsigned int n)
{
	const uint8_t *m = b + madt;
	size_t len = rd32(m + HDR_LENGTH), off = MADT_ENTRIES;
	unsigned int count = 0;

	assert_true(m[HDR_REVISION] >= 3); /* x2APIC structures exist */
	assert_int_equal(rd32(m + MADT_LAPIC_ADDR), 0xfee00000u);
	assert_int_equal(len, madt_len_for(n));

	/* Entries in vCPU order (the BSP first), exactly filling the table. */
	while (off < len) {
		const uint8_t *e = m + off;
		uint32_t uid, id, flags;

		assert_true(len - off >= 2);
		assert_true(e[1] >= 2 && e[1] <= len - off);
		assert_true(count < n);
		if (acpi_vcpu_apic_id(count) <= 254) {
			assert_int_equal(e[0], MADT_TYPE_LAPIC);
			assert_int_equal(e[1], 8);
			uid = e[2];
			id = e[3];
			flags = rd32(e + 4);
		} else {
			assert_int_equal(e[0], MADT_TYPE_X2APIC);
			assert_int_equal(e[1], 16);
			assert_int_equal(rd16(e + 2), 0);
			id = rd32(e + 4);
			flags = rd32(e + 8);
			uid = rd32(e + 12);
		}
		assert_int_equal(uid, count);
		assert_int_equal(id, 2 * count);
		/* Enabled, so Online Capable must be clear. */
		assert_int_equal(flags, MADT_LAPIC_ENABLED);
		count++;
		off += e[1];
	}
	assert_int_equal(off, len);
	assert_int_equal(count, n);
}

/* Every table 16-byte aligned, inside @used, disjoint; the last ends it. */
static void check_placement(const uint8_t *b, size_t used,
			    const struct layout *l)
{
	size_t off[5] = { l->rsdp, l->xsdt, l->fadt, l->dsdt, l->madt };
	size_t len[5], end = 0;

	len[0] = RSDP_LEN;
	for (int i = 1; i < 5; i++)
		len[i] = rd32(b + off[i] + HDR_LENGTH);
	for (int i = 0; i < 5; i++) {
		assert_true(IS_ALIGNED(off[i], 16));
		assert_true(off[i] + len[i] <= used);
		end = MAX(end, off[i] + len[i]);
		for (int j = 0; j < i; j++)
			assert_true(off[i] + len[i] <= off[j] ||
				    off[j] + len[j] <= off[i]);
	}
	assert_int_equal(end, used);
}

/* Walks the tables as a guest would and checks everything on the way. */
static void check_tables(const uint8_t *b, size_t used, unsigned int n,
			 uint64_t base, uint64_t rsdp_gpa, struct layout *l)
{
	size_t xlen, nent;
	int fadts = 0, madts = 0;

	check_rsdp(b, used, base, rsdp_gpa);
	l->rsdp = 0;
	l->xsdt = table_at(b, used, base, rd64(b + RSDP_XSDT), "XSDT");
	assert_int_equal(b[l->xsdt + HDR_REVISION], 1);
	xlen = rd32(b + l->xsdt + HDR_LENGTH);
	assert_int_equal((xlen - HDR_LEN) % 8, 0);
	nent = (xlen - HDR_LEN) / 8;
	for (size_t i = 0; i < nent; i++) {
		uint64_t gpa = rd64(b + l->xsdt + HDR_LEN + 8 * i);

		if (gpa >= base && gpa - base + HDR_LEN <= used &&
		    !memcmp(b + (gpa - base), "FACP", 4)) {
			l->fadt = table_at(b, used, base, gpa, "FACP");
			fadts++;
		} else {
			l->madt = table_at(b, used, base, gpa, "APIC");
			madts++;
		}
	}
	assert_int_equal(fadts, 1);
	assert_int_equal(madts, 1);
	check_fadt(b, used, base, l->fadt, l);
	check_madt(b, l->madt, n);
	check_placement(b, used, l);
}

/* Builds into a buffer of exactly the needed size (ASan sees overruns). */
static uint8_t *build_exact(unsigned int n, uint64_t base, size_t *used,
			    uint64_t *rsdp_gpa)
{
	struct acpi_build_config cfg = { n, base };
	uint8_t *big = own(calloc(1, BIG_LEN)), *b;
	long r;

	assert_non_null(big);
	r = acpi_build_tables(big, BIG_LEN, &cfg, rsdp_gpa);
	assert_true(r > 0 && r <= BIG_LEN);
	release(big);
	b = own(malloc(r));
	assert_non_null(b);
	memset(b, 0xa5, r);
	assert_int_equal(acpi_build_tables(b, r, &cfg, rsdp_gpa), r);
	*used = r;
	return b;
}

static const unsigned int counts[] = {
	1, 2, 4, 64, 127, 128, 129, 200, 255, 256
};
static const uint64_t bases[] = { 0xe0000, 0x7ff00000, 0xfffff000,
				  0x400000000ull };

struct layout_case {
	unsigned int n;
	uint64_t base;
};

static void test_layout(void **state)
{
	const struct layout_case *c = *state;
	struct layout l;
	uint64_t rsdp_gpa;
	size_t used;
	uint8_t *b = build_exact(c->n, c->base, &used, &rsdp_gpa);

	/* RSDP, XSDT (2 entries), FADT, DSDT, MADT: 16-byte aligned. */
	assert_true(used >= RSDP_LEN + HDR_LEN + 16 + FADT_LEN + HDR_LEN +
				    madt_len_for(c->n));
	check_tables(b, used, c->n, c->base, rsdp_gpa, &l);
	release(b);
}

/* Same tables whatever the buffer held before. */
static void test_dirty_buffer(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(counts); i++) {
		struct acpi_build_config cfg = { counts[i], 0xe0000 };
		uint8_t *clean = own(calloc(1, BIG_LEN));
		uint8_t *dirty = own(malloc(BIG_LEN));
		uint64_t r1, r2;
		long n1, n2;

		assert_non_null(clean);
		assert_non_null(dirty);
		memset(dirty, 0xff, BIG_LEN);
		n1 = acpi_build_tables(clean, BIG_LEN, &cfg, &r1);
		n2 = acpi_build_tables(dirty, BIG_LEN, &cfg, &r2);
		assert_true(n1 > 0);
		assert_int_equal(n1, n2);
		assert_int_equal(r1, r2);
		assert_memory_equal(clean, dirty, n1);
		release(clean);
		release(dirty);
	}
}

/* A buffer at any byte alignment works (UBSan flags misaligned access). */
static void test_unaligned_buffer(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(counts); i++) {
		struct acpi_build_config cfg = { counts[i], 0xe0000 };
		uint8_t *ref = own(calloc(1, BIG_LEN));
		uint8_t *raw = own(calloc(1, BIG_LEN + 8));
		uint64_t r;
		long n;

		assert_non_null(ref);
		assert_non_null(raw);
		n = acpi_build_tables(ref, BIG_LEN, &cfg, &r);
		assert_true(n > 0);
		for (int mis = 1; mis < 8; mis++) {
			memset(raw, 0, BIG_LEN + 8);
			assert_int_equal(acpi_build_tables(raw + mis, BIG_LEN,
							   &cfg, &r),
					 n);
			assert_memory_equal(raw + mis, ref, n);
		}
		release(ref);
		release(raw);
	}
}

#define GUARD 64

/* Every length short of the need fails, writing nothing past @len. */
static void test_enospc_every_len(void **state)
{
	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(counts); i++) {
		struct acpi_build_config cfg = { counts[i], 0xe0000 };
		uint64_t rsdp_gpa;
		size_t need;
		uint8_t *g;

		release(build_exact(counts[i], 0xe0000, &need, &rsdp_gpa));
		g = own(malloc(need + GUARD));
		assert_non_null(g);
		for (size_t len = 0; len < need; len++) {
			/* Exactly @len bytes: ASan reports any write beyond. */
			uint8_t *b = own(malloc(len));

			assert_true(b || !len);
			assert_int_equal(acpi_build_tables(b, len, &cfg,
							   &rsdp_gpa),
					 -ENOSPC);
			release(b);

			/* And a visible guard region after @len. */
			memset(g, 0xa5, need + GUARD);
			assert_int_equal(acpi_build_tables(g, len, &cfg,
							   &rsdp_gpa),
					 -ENOSPC);
			for (size_t k = len; k < need + GUARD; k++)
				assert_int_equal(g[k], 0xa5);
		}
		/* Exactly enough, and more than enough, both succeed. */
		memset(g, 0xa5, need + GUARD);
		assert_int_equal(acpi_build_tables(g, need, &cfg, &rsdp_gpa),
				 need);
		for (size_t k = need; k < need + GUARD; k++)
			assert_int_equal(g[k], 0xa5);
		assert_int_equal(
			acpi_build_tables(g, need + 1, &cfg, &rsdp_gpa), need);
		release(g);
	}
}

static void test_einval(void **state)
{
	static const unsigned int bad[] = { 0, 257, 1000, UINT_MAX };
	uint8_t *b = own(calloc(1, BIG_LEN));

	(void)state;
	assert_non_null(b);
	for (size_t i = 0; i < ARRAY_SIZE(bad); i++) {
		struct acpi_build_config cfg = { bad[i], 0xe0000 };
		uint64_t rsdp_gpa = 0x1234;

		assert_int_equal(acpi_build_tables(b, BIG_LEN, &cfg, &rsdp_gpa),
				 -EINVAL);
		assert_int_equal(rsdp_gpa, 0x1234);
	}
	release(b);
}

/*
 * FADT.DSDT is 32 bits wide. When the DSDT lies above 4 GiB it cannot
 * hold the address and must be 0 (X_DSDT alone names the DSDT): a
 * truncated non-zero value disagrees with X_DSDT, which ACPICA (Linux)
 * reports as a firmware bug ("32/64X DSDT address mismatch in FADT").
 */
static void test_fadt_dsdt32_above_4g(void **state)
{
	/* 0xffffff00: the RSDP is below 4 GiB, the DSDT (at +0x190) above. */
	static const uint64_t high[] = { 0x400000000ull, 0xffffff00ull };

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(high); i++) {
		struct layout l;
		uint64_t rsdp_gpa, x_dsdt;
		size_t used;
		uint8_t *b = build_exact(4, high[i], &used, &rsdp_gpa);

		check_tables(b, used, 4, high[i], rsdp_gpa, &l);
		x_dsdt = rd64(b + l.fadt + FADT_X_DSDT);
		assert_true(x_dsdt > UINT32_MAX);
		assert_int_equal(rd32(b + l.fadt + FADT_DSDT), 0);
		release(b);
	}
}

/*
 * ---- iasl (ACPICA, the interpreter Linux uses) on every table ----
 *
 * XSDT, FADT, DSDT and MADT are dumped to files, disassembled with
 * `iasl -d` (which must report nothing: it warns on bad checksums, FADT
 * inconsistencies and truncated subtables), and the disassembly is
 * compiled back, which must give the same bytes except for the checksum
 * and the compiler ID and revision iasl writes. iasl cannot take a lone
 * RSDP file (its input detection wants a 4-character table signature), so
 * the RSDP goes the other way: its fields are written as iasl source with
 * zero checksums and compiled; iasl computes both checksums itself and
 * the result must equal the builder's 36 bytes.
 */
static int run(const char *dir, const char *cmd, char *out, size_t outsz)
{
	char full[1024], line[512];
	size_t len = 0;
	FILE *f;

	snprintf(full, sizeof(full), "cd '%s' && %s 2>&1", dir, cmd);
	out[0] = '\0';
	f = popen(full, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f)) {
		size_t l = strlen(line);

		if (len + l < outsz) {
			memcpy(out + len, line, l + 1);
			len += l;
		}
	}
	return pclose(f);
}

static void write_file(const char *dir, const char *name, const void *p,
		       size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(p, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void append_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "a");
	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* Reads @dir/@name into the owned buffer @buf (at most @max bytes). */
static size_t read_file(const char *dir, const char *name, uint8_t *buf,
			size_t max)
{
	char path[512];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(buf, 1, max, f);
	fclose(f);
	return n;
}

static bool says_trouble(const char *text)
{
	static const char *const words[] = { "rror",	"arning",   "nvalid",
					     "ismatch", "ncorrect", "Unknown" };

	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (strstr(text, words[i]))
			return true;
	return false;
}

static void iasl_round_trip(const char *dir, const char *name, const uint8_t *p,
			    size_t len)
{
	char file[64], cmd[256], *out = own(malloc(16384));
	uint8_t *back = own(malloc(len + 1));
	size_t n;
	int st;

	assert_non_null(out);
	assert_non_null(back);
	snprintf(file, sizeof(file), "%s.dat", name);
	write_file(dir, file, p, len);

	snprintf(cmd, sizeof(cmd), "iasl -d %s.dat", name);
	st = run(dir, cmd, out, 16384);
	if (st || says_trouble(out))
		print_error("%s (status %d):\n%s\n", cmd, st, out);
	assert_int_equal(st, 0);
	assert_false(says_trouble(out));

	snprintf(file, sizeof(file), "%s.dsl", name);
	n = read_file(dir, file, (uint8_t *)out, 16383);
	out[n] = '\0'; /* the start: header, and fixed fields of data tables */
	assert_false(says_trouble(out));
	assert_true(strstr(out, "Signature") || strstr(out, "DefinitionBlock"));
	if (strstr(out, "DefinitionBlock") && n < 16383) {
		/*
		 * iasl 20200925 leaves an empty TermList's block unclosed:
		 * the DSDT is a valid definition block with no objects
		 * (ACPI 6.x, 20.2.1), so close it for the compile.
		 */
		while (n && (out[n - 1] == '\n' || out[n - 1] == ' '))
			n--;
		if (n && out[n - 1] != '}')
			append_file(dir, file, "}\n");
	}

	snprintf(cmd, sizeof(cmd), "iasl %s.dsl", name);
	st = run(dir, cmd, out, 16384);
	if (st || !strstr(out, " 0 Errors, 0 Warnings"))
		print_error("%s (status %d):\n%s\n", cmd, st, out);
	assert_int_equal(st, 0);
	assert_non_null(strstr(out, " 0 Errors, 0 Warnings"));

	snprintf(file, sizeof(file), "%s.aml", name);
	assert_int_equal(read_file(dir, file, back, len + 1), len);
	for (size_t i = 0; i < len; i++) {
		if (i == 9 || (i >= 28 && i < 36)) /* checksum, compiler */
			continue;
		if (p[i] != back[i])
			fail_msg("%s: byte %zu is %#x, iasl round trip %#x",
				 name, i, p[i], back[i]);
	}
}

static void iasl_rsdp(const char *dir, const uint8_t *r)
{
	char src[1024], oem[7], out[4096];
	uint8_t back[RSDP_LEN + 1];
	int st;

	memcpy(oem, r + RSDP_OEM_ID, 6);
	oem[6] = '\0';
	snprintf(src, sizeof(src),
		 "[0008] Signature : \"RSD PTR \"\n"
		 "[0001] Checksum : 00\n"
		 "[0006] Oem ID : \"%s\"\n"
		 "[0001] Revision : %02X\n"
		 "[0004] RSDT Address : %08X\n"
		 "[0004] Length : %08X\n"
		 "[0008] XSDT Address : %016llX\n"
		 "[0001] Extended Checksum : 00\n"
		 "[0003] Reserved : 000000\n",
		 oem, r[RSDP_REVISION], rd32(r + RSDP_RSDT),
		 rd32(r + RSDP_LENGTH),
		 (unsigned long long)rd64(r + RSDP_XSDT));
	write_file(dir, "rsdp.asl", src, strlen(src));
	st = run(dir, "iasl rsdp.asl", out, sizeof(out));
	if (st || !strstr(out, " 0 Errors, 0 Warnings"))
		print_error("iasl rsdp.asl (status %d):\n%s\n%s\n", st, src,
			    out);
	assert_int_equal(st, 0);
	assert_non_null(strstr(out, " 0 Errors, 0 Warnings"));
	assert_int_equal(read_file(dir, "rsdp.aml", back, sizeof(back)),
			 RSDP_LEN);
	assert_memory_equal(back, r, RSDP_LEN);
}

/* Scratch directory of the running iasl check, removed by its teardown. */
static char iasl_dir[32];

static void remove_iasl_dir(void)
{
	char cmd[64];

	if (iasl_dir[0]) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", iasl_dir);
		assert_int_equal(system(cmd), 0);
		iasl_dir[0] = '\0';
	}
}

static int iasl_teardown(void **state)
{
	remove_iasl_dir();
	return free_owned(state);
}

static void test_iasl(void **state)
{
	static const uint64_t iasl_bases[] = { 0xe0000, 0xfffff000 };
	static const char *const names[5] = { "rsdp", "xsdt", "facp", "dsdt",
					      "apic" };

	(void)state;
	/* scripts/deps.sh installs acpica-tools: a missing iasl is a failure. */
	if (system("command -v iasl >/dev/null 2>&1") != 0)
		fail_msg("iasl not found (apt-get install acpica-tools)");
	for (size_t i = 0; i < ARRAY_SIZE(counts); i++) {
		for (size_t j = 0; j < ARRAY_SIZE(iasl_bases); j++) {
			struct layout l;
			uint64_t rsdp_gpa;
			size_t used, offs[5];
			uint8_t *b = build_exact(counts[i], iasl_bases[j],
						 &used, &rsdp_gpa);

			check_tables(b, used, counts[i], iasl_bases[j],
				     rsdp_gpa, &l);
			offs[0] = l.rsdp;
			offs[1] = l.xsdt;
			offs[2] = l.fadt;
			offs[3] = l.dsdt;
			offs[4] = l.madt;
			strcpy(iasl_dir, "/tmp/krypton-acpi-XXXXXX");
			assert_non_null(mkdtemp(iasl_dir));
			iasl_rsdp(iasl_dir, b + offs[0]);
			for (int k = 1; k < 5; k++)
				iasl_round_trip(iasl_dir, names[k], b + offs[k],
						rd32(b + offs[k] + HDR_LENGTH));
			remove_iasl_dir();
			free_owned(NULL);
		}
	}
}

#define LAYOUT_CASES (ARRAY_SIZE(counts) * ARRAY_SIZE(bases))

int main(void)
{
	static struct layout_case cases[LAYOUT_CASES];
	static char names[LAYOUT_CASES][64];
	struct CMUnitTest tests[LAYOUT_CASES + 6];
	size_t nt = 0;

	for (size_t i = 0; i < ARRAY_SIZE(counts); i++) {
		for (size_t j = 0; j < ARRAY_SIZE(bases); j++) {
			struct layout_case *c = &cases[nt];

			c->n = counts[i];
			c->base = bases[j];
			snprintf(names[nt], sizeof(names[nt]),
				 "layout_%u_vcpus_base_%#llx", c->n,
				 (unsigned long long)c->base);
			tests[nt] = (struct CMUnitTest){ names[nt], test_layout,
							 NULL, free_owned, c };
			nt++;
		}
	}
	tests[nt++] = (struct CMUnitTest)cmocka_unit_test_teardown(
		test_dirty_buffer, free_owned);
	tests[nt++] = (struct CMUnitTest)cmocka_unit_test_teardown(
		test_unaligned_buffer, free_owned);
	tests[nt++] = (struct CMUnitTest)cmocka_unit_test_teardown(
		test_enospc_every_len, free_owned);
	tests[nt++] = (struct CMUnitTest)cmocka_unit_test_teardown(test_einval,
								   free_owned);
	tests[nt++] = (struct CMUnitTest)cmocka_unit_test_teardown(
		test_fadt_dsdt32_above_4g, free_owned);
	tests[nt++] = (struct CMUnitTest)cmocka_unit_test_teardown(
		test_iasl, iasl_teardown);
	return _cmocka_run_group_tests("acpi_build", tests, nt, NULL, NULL);
}
