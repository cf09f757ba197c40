// SPDX-License-Identifier: GPL-2.0-only
/*
 * Real-data check of the decompressors (driven by kernel_payload_test.sh):
 *
 *   test_decompress_kernel bzimage VMLINUZ OUT.elf
 *     locate the payload with bzimage_payload(), decode it with
 *     decompress() into a buffer of exactly the appended size, check it is
 *     an ELF64 image, compare it with the reference library's output
 *     (liblzma/zlib/libzstd) and write it to OUT.elf.
 *   test_decompress_kernel payload FILE EXPECTED.elf
 *     FILE is a compressed copy of the ELF; like the kernel build it gets
 *     the little-endian size appended (gzip carries it already), then it
 *     is decoded with decompress() and compared with EXPECTED.elf.
 *
 * Prints PASS:/FAIL: lines and the decode speed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <time.h>
#include <lzma.h>
#include <zlib.h>
#include <zstd.h>
#include <hv/decompress.h>
#include <hv/bzimage.h>

static int failures;

static void result(int ok, const char *what, const char *detail)
{
	printf("%s: %s%s%s\n", ok ? "PASS" : "FAIL", what, detail ? ": " : "",
	       detail ? detail : "");
	if (!ok)
		failures++;
}

static uint8_t *read_file(const char *path, size_t *len, size_t extra)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + extra + 1);
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Decodes with decompress(), best of three runs; returns 0 on success. */
static int timed_decode(const char *label, const uint8_t *in, size_t in_len,
			uint8_t *out, size_t cap, size_t *out_len)
{
	double best = 1e9;
	const char *err = NULL;
	int r = 0;

	for (int i = 0; i < 3; i++) {
		double t = now();

		r = decompress(in, in_len, out, cap, out_len, &err);
		t = now() - t;
		if (r)
			break;
		if (t < best)
			best = t;
	}
	if (r) {
		char msg[160];

		snprintf(msg, sizeof(msg), "%d %s", r, err ? err : "?");
		result(0, label, msg);
		return -1;
	}
	printf("SPEED: %s: %zu -> %zu bytes in %.3f s = %.1f MB/s (output)\n",
	       label, in_len, *out_len, best, *out_len / best / 1e6);
	return 0;
}

/* Reference decode of the payload with the format's own library. */
static uint8_t *reference(enum decomp_format fmt, const uint8_t *in,
			  size_t in_len, size_t cap, size_t *out_len)
{
	uint8_t *out = malloc(cap + 1);

	*out_len = 0;
	if (fmt == DECOMP_XZ) {
		lzma_stream s = LZMA_STREAM_INIT;

		if (lzma_stream_decoder(&s, UINT64_MAX, 0) != LZMA_OK)
			goto fail;
		s.next_in = in;
		s.avail_in = in_len;
		s.next_out = out;
		s.avail_out = cap + 1;
		if (lzma_code(&s, LZMA_FINISH) != LZMA_STREAM_END)
			goto fail;
		*out_len = s.total_out;
		lzma_end(&s);
	} else if (fmt == DECOMP_GZIP) {
		z_stream z;

		memset(&z, 0, sizeof(z));
		if (inflateInit2(&z, 31) != Z_OK)
			goto fail;
		z.next_in = (uint8_t *)in;
		z.avail_in = (uInt)in_len;
		z.next_out = out;
		z.avail_out = (uInt)cap + 1;
		if (inflate(&z, Z_FINISH) != Z_STREAM_END)
			goto fail;
		*out_len = z.total_out;
		inflateEnd(&z);
	} else if (fmt == DECOMP_ZSTD) {
		ZSTD_DStream *z = ZSTD_createDStream();
		ZSTD_inBuffer ib = { in, in_len, 0 };
		ZSTD_outBuffer ob = { out, cap + 1, 0 };
		size_t r;

		do {
			r = ZSTD_decompressStream(z, &ob, &ib);
		} while (r && !ZSTD_isError(r) && ib.pos < ib.size &&
			 ob.pos < ob.size);
		ZSTD_freeDStream(z);
		if (ZSTD_isError(r))
			goto fail;
		*out_len = ob.pos;
	} else {
		goto fail;
	}
	return out;
fail:
	free(out);
	return NULL;
}

static int mode_bzimage(const char *path, const char *out_path)
{
	size_t len, plen, ulen, out_len, ref_len;
	uint8_t *img = read_file(path, &len, 0), *out, *ref;
	const void *payload;
	const char *err = NULL;
	enum decomp_format fmt;
	char label[64];
	FILE *f;

	if (!img) {
		result(0, "read vmlinuz", path);
		return 1;
	}
	result(bzimage_detect(img, len), "bzimage_detect", NULL);
	if (bzimage_payload(img, len, &payload, &plen, &ulen, &err)) {
		result(0, "bzimage_payload", err);
		return 1;
	}
	fmt = decomp_detect(payload, plen);
	printf("# payload %zu bytes, format %s, uncompressed %zu\n", plen,
	       decomp_format_name(fmt), ulen);
	result(fmt != DECOMP_NONE, "payload format recognised",
	       decomp_format_name(fmt));
	out = malloc(ulen);
	snprintf(label, sizeof(label), "bzImage %s payload",
		 decomp_format_name(fmt));
	if (timed_decode(label, payload, plen, out, ulen, &out_len))
		return 1;
	result(out_len == ulen, "decoded size equals appended size", NULL);
	result(out_len >= 64 && !memcmp(out,
					"\x7f"
					"ELF\x02\x01",
					6),
	       "payload is an ELF64 LSB image", NULL);
	ref = reference(fmt, payload, plen - (fmt == DECOMP_GZIP ? 0 : 4), ulen,
			&ref_len);
	result(ref && ref_len == out_len && !memcmp(ref, out, out_len),
	       "identical to the reference library's output",
	       decomp_format_name(fmt));
	/* One byte less room is refused cleanly. */
	{
		size_t n;

		result(decompress(payload, plen, out, ulen - 1, &n, &err) ==
			       -ENOSPC,
		       "short output buffer gives -ENOSPC", NULL);
	}
	f = fopen(out_path, "wb");
	if (!f || fwrite(out, 1, out_len, f) != out_len || fclose(f)) {
		result(0, "write ELF", out_path);
		return 1;
	}
	free(ref);
	free(out);
	free(img);
	return failures != 0;
}

static int mode_payload(const char *path, const char *elf_path)
{
	size_t clen, elen, out_len;
	uint8_t *elf = read_file(elf_path, &elen, 0);
	uint8_t *c = read_file(path, &clen, 4), *out;
	enum decomp_format fmt;
	char label[64];

	if (!elf || !c) {
		result(0, "read inputs", path);
		return 1;
	}
	fmt = decomp_detect(c, clen);
	if (fmt != DECOMP_GZIP) {
		/* The kernel build's size_append. */
		for (int i = 0; i < 4; i++)
			c[clen + i] = (uint8_t)(elen >> (8 * i));
		clen += 4;
	}
	snprintf(label, sizeof(label), "kernel ELF re-packed with %s",
		 decomp_format_name(fmt));
	out = malloc(elen);
	if (timed_decode(label, c, clen, out, elen, &out_len))
		return 1;
	result(out_len == elen && !memcmp(out, elf, elen), label, NULL);
	free(out);
	free(c);
	free(elf);
	return failures != 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "bzimage"))
		return mode_bzimage(argv[2], argv[3]);
	if (argc == 4 && !strcmp(argv[1], "payload"))
		return mode_payload(argv[2], argv[3]);
	fprintf(stderr, "usage: %s bzimage VMLINUZ OUT | payload FILE ELF\n",
		argv[0]);
	return 2;
}
