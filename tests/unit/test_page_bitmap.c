// SPDX-License-Identifier: GPL-2.0-only
/* Host unit tests of the page-frame bitmap behind the page allocator. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <hv/mm.h>

#define FRAMES 4096

static uint64_t bits[FRAMES / 64];

static void setup_pb(struct page_bitmap *pb, uint64_t first, uint64_t count)
{
	pbm_init(pb, bits, FRAMES);
	pbm_mark_free(pb, first, count);
}

static void test_init_all_used(void **state)
{
	struct page_bitmap pb;

	(void)state;
	pbm_init(&pb, bits, FRAMES);
	assert_int_equal(pb.nr_free, 0);
	assert_int_equal(pbm_alloc(&pb, 0, FRAMES), -1);
	assert_false(pbm_is_free(&pb, 0));
}

static void test_single_frames_come_from_free_range(void **state)
{
	struct page_bitmap pb;

	(void)state;
	setup_pb(&pb, 100, 10);
	for (int i = 0; i < 10; i++) {
		int64_t f = pbm_alloc(&pb, 0, FRAMES);

		assert_true(f >= 100 && f < 110);
		assert_false(pbm_is_free(&pb, f));
	}
	assert_int_equal(pbm_alloc(&pb, 0, FRAMES), -1);
	assert_int_equal(pb.nr_free, 0);
}

static void test_orders_are_naturally_aligned(void **state)
{
	struct page_bitmap pb;

	(void)state;
	setup_pb(&pb, 3, FRAMES - 3);
	for (unsigned int order = 0; order <= 9; order++) {
		int64_t f = pbm_alloc(&pb, order, FRAMES);

		assert_true(f >= 0);
		assert_int_equal(f % (1 << order), 0);
		for (int64_t i = f; i < f + (1 << order); i++)
			assert_false(pbm_is_free(&pb, i));
	}
}

static void test_fragmented_memory_refuses_large_order(void **state)
{
	struct page_bitmap pb;

	(void)state;
	pbm_init(&pb, bits, FRAMES);
	/* every other frame free: no two adjacent */
	for (uint64_t f = 0; f < FRAMES; f += 2)
		pbm_mark_free(&pb, f, 1);
	assert_int_equal(pbm_alloc(&pb, 1, FRAMES), -1);
	assert_true(pbm_alloc(&pb, 0, FRAMES) >= 0);
}

static void test_limit_is_respected(void **state)
{
	struct page_bitmap pb;

	(void)state;
	setup_pb(&pb, 0, FRAMES);
	pbm_mark_used(&pb, 0, 16);
	for (int i = 0; i < 16; i++) {
		int64_t f = pbm_alloc(&pb, 0, 32);

		assert_true(f >= 16 && f < 32);
	}
	assert_int_equal(pbm_alloc(&pb, 0, 32), -1);
	assert_true(pbm_alloc(&pb, 0, FRAMES) >= 32);
}

static void test_free_checks_and_reuses(void **state)
{
	struct page_bitmap pb;
	int64_t f;

	(void)state;
	setup_pb(&pb, 0, 64);
	f = pbm_alloc(&pb, 2, FRAMES);
	assert_true(f >= 0);
	assert_int_equal(pbm_free(&pb, f + 1, 0), 0);  /* part of a block */
	assert_int_equal(pbm_free(&pb, f + 1, 0), -1); /* already free */
	assert_int_equal(pbm_free(&pb, f, 2), -1);     /* part already free */
	assert_int_equal(pbm_free(&pb, f + 2, 1), 0);
	assert_int_equal(pbm_free(&pb, f, 0), 0);
	assert_int_equal(pbm_free(&pb, f + 3, 0), -1);	/* freed above */
	assert_int_equal(pbm_free(&pb, 1, 1), -1);	/* misaligned */
	assert_int_equal(pbm_free(&pb, FRAMES, 0), -1); /* out of range */
	assert_int_equal(pbm_free(&pb, 0, 45), -1);	/* absurd order */
	assert_int_equal(pb.nr_free, 64);
}

/* Random allocations and frees against a byte-per-frame model. */
static void test_random_against_model(void **state)
{
	struct page_bitmap pb;
	static uint8_t model[FRAMES];
	struct {
		int64_t f;
		unsigned int order;
	} live[512];
	int nlive = 0;

	(void)state;
	srand(12345);
	setup_pb(&pb, 0, FRAMES);
	memset(model, 0, sizeof(model));
	for (int step = 0; step < 20000; step++) {
		if (nlive < 512 && (rand() % 3 || nlive == 0)) {
			unsigned int order = rand() % 5;
			int64_t f = pbm_alloc(&pb, order, FRAMES);

			if (f < 0)
				continue;
			for (int64_t i = f; i < f + (1 << order); i++) {
				assert_int_equal(model[i], 0);
				model[i] = 1;
			}
			live[nlive].f = f;
			live[nlive++].order = order;
		} else {
			int k = rand() % nlive;

			assert_int_equal(
				pbm_free(&pb, live[k].f, live[k].order), 0);
			for (int64_t i = live[k].f;
			     i < live[k].f + (1 << live[k].order); i++)
				model[i] = 0;
			live[k] = live[--nlive];
		}
	}
	for (int i = 0; i < FRAMES; i++)
		assert_int_equal(pbm_is_free(&pb, i), model[i] == 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_all_used),
		cmocka_unit_test(test_single_frames_come_from_free_range),
		cmocka_unit_test(test_orders_are_naturally_aligned),
		cmocka_unit_test(test_fragmented_memory_refuses_large_order),
		cmocka_unit_test(test_limit_is_respected),
		cmocka_unit_test(test_free_checks_and_reuses),
		cmocka_unit_test(test_random_against_model),
	};

	return cmocka_run_group_tests_name("page_bitmap", tests, NULL, NULL);
}
