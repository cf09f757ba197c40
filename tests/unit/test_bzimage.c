// SPDX-License-Identifier: GPL-2.0-only
/* bzimage_payload() on synthetic setup headers, including hostile ones. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>
#include <lzma.h>
#include <hv/bzimage.h>
#include <hv/decompress.h>

static void put32(uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = (uint8_t)(v >> (8 * i));
}

/* Image: setup_sects sectors of setup, payload at off with size word. */
static uint8_t *make_image(size_t len, uint8_t sects, uint16_t version,
			   uint32_t off, uint32_t plen, uint32_t usize)
{
	uint8_t *img = calloc(1, len);
	size_t pm = ((size_t)(sects ? sects : 4) + 1) * 512;

	memcpy(img + 0x202, "HdrS", 4);
	img[0x1f1] = sects;
	img[0x206] = (uint8_t)version;
	img[0x207] = (uint8_t)(version >> 8);
	put32(img + 0x248, off);
	put32(img + 0x24c, plen);
	if (pm + off + plen <= len && plen >= 4)
		put32(img + pm + off + plen - 4, usize);
	return img;
}

static void test_bzimage_ok(void **state)
{
	const void *p;
	size_t plen, ulen;
	const char *err = NULL;
	uint8_t *img = make_image(16384, 27, 0x020f, 0x3b0, 1000, 0x1234567);

	(void)state;
	assert_true(bzimage_detect(img, 16384));
	assert_int_equal(bzimage_payload(img, 16384, &p, &plen, &ulen, &err),
			 0);
	assert_ptr_equal(p, img + 28 * 512 + 0x3b0);
	assert_int_equal(plen, 1000);
	assert_int_equal(ulen, 0x1234567);
	free(img);

	/* setup_sects == 0 means 4. */
	img = make_image(4096, 0, 0x0208, 0, 100, 77);
	assert_int_equal(bzimage_payload(img, 4096, &p, &plen, &ulen, &err), 0);
	assert_ptr_equal(p, img + 5 * 512);
	assert_int_equal(ulen, 77);
	free(img);
}

static void test_bzimage_bad(void **state)
{
	const void *p;
	size_t plen, ulen;
	const char *err = NULL;
	uint8_t *img;

	(void)state;
	img = make_image(8192, 4, 0x0207, 0, 100, 1);
	assert_int_equal(bzimage_payload(img, 8192, &p, &plen, &ulen, &err),
			 -EOPNOTSUPP);
	free(img);
	img = make_image(8192, 4, 0x020f, 8192, 100, 1);
	assert_int_equal(bzimage_payload(img, 8192, &p, &plen, &ulen, &err),
			 -EINVAL);
	assert_string_equal(err, "bzimage: payload beyond image");
	free(img);
	img = make_image(8192, 4, 0x020f, 0xfffffff0u, 0x100, 1);
	assert_int_equal(bzimage_payload(img, 8192, &p, &plen, &ulen, &err),
			 -EINVAL);
	free(img);
	img = make_image(8192, 4, 0x020f, 0x100, 0xffffffffu, 1);
	assert_int_equal(bzimage_payload(img, 8192, &p, &plen, &ulen, &err),
			 -EINVAL);
	free(img);
	img = make_image(8192, 200, 0x020f, 0, 10, 1);
	assert_int_equal(bzimage_payload(img, 8192, &p, &plen, &ulen, &err),
			 -EINVAL);
	assert_string_equal(err, "bzimage: setup larger than image");
	free(img);
	img = make_image(8192, 4, 0x020f, 0, 3, 1);
	assert_int_equal(bzimage_payload(img, 8192, &p, &plen, &ulen, &err),
			 -EINVAL);
	free(img);
	/* Too short to hold the header, or no magic. */
	img = make_image(8192, 4, 0x020f, 0, 100, 1);
	assert_false(bzimage_detect(img, 0x240));
	assert_int_equal(bzimage_payload(img, 0x240, &p, &plen, &ulen, &err),
			 -EINVAL);
	img[0x203] = 'x';
	assert_false(bzimage_detect(img, 8192));
	free(img);
}

/* Every truncation of a valid image is either accepted in bounds or refused. */
static void test_bzimage_truncations(void **state)
{
	uint8_t *img = make_image(4096, 2, 0x020f, 16, 2000, 5);

	(void)state;
	for (size_t len = 0; len <= 4096; len++) {
		uint8_t *cut = malloc(len ? len : 1);
		const void *p;
		size_t plen, ulen;
		const char *err;

		memcpy(cut, img, len);
		if (bzimage_payload(cut, len, &p, &plen, &ulen, &err) == 0)
			assert_true((const uint8_t *)p + plen <= cut + len);
		else
			assert_true(len < 3 * 512 + 16 + 2000);
		free(cut);
	}
	free(img);
}

/*
 * End to end as the kernel build does it: an "ELF" compressed with
 * xz --check=crc32 --x86 --lzma2, its size appended, placed after the
 * setup sectors; bzimage_payload() + decompress() must give it back.
 */
static void test_bzimage_decompress(void **state)
{
	const size_t n = 300000, pm = 3 * 512, off = 0x140;
	uint8_t *elf = malloc(n), *img, *out = malloc(n);
	lzma_options_lzma opt;
	lzma_filter f[] = { { LZMA_FILTER_X86, NULL },
			    { LZMA_FILTER_LZMA2, &opt },
			    { LZMA_VLI_UNKNOWN, NULL } };
	size_t cap = n + 65536, clen = 0, plen, ulen, olen;
	const void *p;
	const char *err = NULL;

	(void)state;
	for (size_t i = 0; i < n; i++)
		elf[i] = (uint8_t)((i * 2654435761u) >> ((i % 7) + 20));
	memcpy(elf,
	       "\x7f"
	       "ELF\x02\x01\x01",
	       7);
	for (size_t i = 64; i + 5 < n; i += 37)
		elf[i] = 0xe8; /* call rel32 */
	img = calloc(1, pm + off + cap + 4);
	assert_false(lzma_lzma_preset(&opt, 9));
	assert_int_equal(lzma_stream_buffer_encode(f, LZMA_CHECK_CRC32, NULL,
						   elf, n, img + pm + off,
						   &clen, cap),
			 LZMA_OK);
	put32(img + pm + off + clen, (uint32_t)n);
	memcpy(img + 0x202, "HdrS", 4);
	img[0x1f1] = 2;
	img[0x206] = 0x0f;
	img[0x207] = 0x02;
	put32(img + 0x248, off);
	put32(img + 0x24c, (uint32_t)clen + 4);
	assert_int_equal(bzimage_payload(img, pm + off + clen + 4, &p, &plen,
					 &ulen, &err),
			 0);
	assert_int_equal(ulen, n);
	assert_int_equal(decomp_detect(p, plen), DECOMP_XZ);
	assert_int_equal(decompress(p, plen, out, ulen, &olen, &err), 0);
	assert_int_equal(olen, n);
	assert_memory_equal(out, elf, n);
	free(elf);
	free(img);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bzimage_ok),
		cmocka_unit_test(test_bzimage_bad),
		cmocka_unit_test(test_bzimage_truncations),
		cmocka_unit_test(test_bzimage_decompress),
	};
	return cmocka_run_group_tests_name("bzimage", tests, NULL, NULL);
}
