// SPDX-License-Identifier: GPL-2.0-only
/*
 * Host unit tests of the hypervisor's small-object allocator, built over
 * a page allocator shim that can be told to run out of memory.
 * (xmalloc.test.mk builds it with -DHV_XMALLOC_IMPL -DHV_MM_SHIM.)
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <hv/xmalloc.h>
#include <hv/mm.h>

static int pages_left = 1 << 20;
static int pages_out;

void *alloc_pages(unsigned int order)
{
	void *p;

	if (pages_left < (1 << order))
		return NULL;
	p = aligned_alloc(4096, 4096UL << order);
	if (p) {
		pages_left -= 1 << order;
		pages_out += 1 << order;
	}
	return p;
}

void free_pages(void *p, unsigned int order)
{
	pages_left += 1 << order;
	pages_out -= 1 << order;
	free(p);
}

static void test_sizes_and_alignment(void **state)
{
	static const size_t sizes[] = { 0,    1,     15,    16,	  17,
					100,  1000,  2032,  2033, 4080,
					4081, 10000, 100000 };

	(void)state;
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = xmalloc(sizes[i]);

		assert_non_null(p);
		assert_int_equal((uintptr_t)p % 16, 0);
		memset(p, 0xa5, sizes[i]); /* ASan checks the bounds */
		xfree(p);
	}
}

static void test_zalloc_zeroes(void **state)
{
	unsigned char *p;

	(void)state;
	p = xmalloc(300);
	memset(p, 0xff, 300);
	xfree(p);
	p = xzalloc(300); /* likely the same block, must come back zeroed */
	for (int i = 0; i < 300; i++)
		assert_int_equal(p[i], 0);
	xfree(p);
}

static void test_blocks_do_not_overlap(void **state)
{
	enum {
		N = 2000
	};
	static unsigned char *blk[N];
	static size_t len[N];

	(void)state;
	srand(7);
	for (int i = 0; i < N; i++) {
		len[i] = 1 + rand() % 3000;
		blk[i] = xmalloc(len[i]);
		assert_non_null(blk[i]);
		memset(blk[i], i & 0xff, len[i]);
	}
	for (int i = 0; i < N; i++) {
		for (size_t j = 0; j < len[i]; j++)
			assert_int_equal(blk[i][j], i & 0xff);
		xfree(blk[i]);
	}
}

static void test_freed_memory_is_reused(void **state)
{
	int before;

	(void)state;
	for (int i = 0; i < 100; i++)
		xfree(xmalloc(64));
	before = pages_out;
	for (int i = 0; i < 1000; i++)
		xfree(xmalloc(64));
	assert_int_equal(pages_out, before);
}

static void test_large_blocks_return_pages(void **state)
{
	int before = pages_out;
	void *p;

	(void)state;
	p = xmalloc(64 * 1024);
	assert_non_null(p);
	assert_true(pages_out > before);
	xfree(p);
	assert_int_equal(pages_out, before);
}

static void test_out_of_memory_returns_null(void **state)
{
	int saved = pages_left;

	(void)state;
	pages_left = 0;
	assert_null(xmalloc(1 << 20));	       /* needs fresh pages */
	assert_null(xmalloc((size_t)1 << 40)); /* absurd size */
	pages_left = saved;
	xfree(NULL); /* allowed, no effect */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sizes_and_alignment),
		cmocka_unit_test(test_zalloc_zeroes),
		cmocka_unit_test(test_blocks_do_not_overlap),
		cmocka_unit_test(test_freed_memory_is_reused),
		cmocka_unit_test(test_large_blocks_return_pages),
		cmocka_unit_test(test_out_of_memory_returns_null),
	};

	return cmocka_run_group_tests_name("xmalloc", tests, NULL, NULL);
}
