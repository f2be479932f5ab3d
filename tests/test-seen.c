/*
 * libmfr unit tests: the repeat finder (lib/seen.h) that model loading and
 * intakes use to refuse repeats in linear time: repeats found across
 * collisions and growth, removal that keeps every other item findable (the
 * all-or-nothing undo of intakes), and running out of memory as it grows.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>

#include "alloc.h"
#include "seen.h"
#include "util.h"

/* Items are positions in keys[]; two are the same when their keys are. */
typedef struct items {
	const uint32_t *keys;
	uint32_t want; /* the key a lookup looks for */
} items;

static int same(const void *ctx, uint32_t a, uint32_t b)
{
	const items *it = ctx;
	return it->keys[a] == it->keys[b];
}

static int match(const void *ctx, uint32_t item)
{
	const items *it = ctx;
	return it->keys[item] == it->want;
}

/* Hashes whose low bits are all equal: every item lands in one run, which
 * wraps past the end of the table when @p home is its last slot. */
static uint32_t colliding(uint32_t key, uint32_t home)
{
	return key << 12 | home;
}

static uint32_t find(const mfr_seen *s, const items *it, uint32_t key, uint32_t home)
{
	items q = *it;

	q.want = key;
	return mfr__seen_find(s, colliding(key, home), match, &q);
}

#define N 100

START_TEST(repeats_removal_and_growth)
{
	/* The run starts mid-table, or at the last slot of the table that
	 * N items grow it to (256 slots), where it wraps to the first. */
	uint32_t home = _i ? 255 : 3;
	uint32_t keys[2 * N];
	items it = { keys, 0 };
	mfr_seen s;

	for (uint32_t i = 0; i < N; i++)
		keys[i] = keys[N + i] = i + 1;
	mfr__seen_init(&s);
	for (uint32_t i = 0; i < N; i++)
		ck_assert_uint_eq(mfr__seen_add(&s, colliding(keys[i], home), i, same, &it),
				  MFR_SEEN_NEW);
	/* The second half repeats the first, item for item. */
	for (uint32_t i = N; i < 2 * N; i++)
		ck_assert_uint_eq(mfr__seen_add(&s, colliding(keys[i], home), i, same, &it), i - N);
	ck_assert_uint_eq(s.count, N);
	ck_assert_uint_eq(s.mask, 255);

	/* Take out every third; the others are still found, across the holes. */
	for (uint32_t i = 0; i < N; i += 3)
		mfr__seen_remove(&s, colliding(keys[i], home), i);
	ck_assert_uint_eq(s.count, N - (N + 2) / 3);
	for (uint32_t i = 0; i < N; i++)
		ck_assert_uint_eq(find(&s, &it, keys[i], home), i % 3 ? i : MFR_SEEN_NEW);
	/* Removing what is not there changes nothing. */
	mfr__seen_remove(&s, colliding(keys[0], home), 0);
	mfr__seen_remove(&s, colliding(keys[1], home), N + 1);
	ck_assert_uint_eq(find(&s, &it, keys[1], home), 1);
	ck_assert_uint_eq(s.count, N - (N + 2) / 3);
	/* What was removed can be added again, and is then the one found. */
	ck_assert_uint_eq(mfr__seen_add(&s, colliding(keys[N + 3], home), N + 3, same, &it),
			  MFR_SEEN_NEW);
	ck_assert_uint_eq(find(&s, &it, keys[3], home), N + 3);
	mfr__seen_free(&s);
	ck_assert_ptr_null(s.heap);
	ck_assert_uint_eq(s.count, 0);
}
END_TEST

/* Up to MFR_SEEN_SMALL / 2 items need no allocation; the one that makes the
 * table grow fails cleanly when memory runs out, leaving the set as it was. */
START_TEST(growth_out_of_memory)
{
	uint32_t keys[MFR_SEEN_SMALL];
	items it = { keys, 0 };
	mfr_seen s;
	const uint32_t fit = MFR_SEEN_SMALL / 2;

	for (uint32_t i = 0; i < MFR_SEEN_SMALL; i++)
		keys[i] = mfr__hash_u32(i);
	mfr__seen_init(&s);
	mfr__alloc_fail_after(0, 1);
	for (uint32_t i = 0; i < fit; i++)
		ck_assert_uint_eq(mfr__seen_add(&s, keys[i], i, same, &it), MFR_SEEN_NEW);
	ck_assert_uint_eq(mfr__seen_add(&s, keys[fit], fit, same, &it), MFR_SEEN_NOMEM);
	ck_assert_int_eq(mfr__alloc_fail_after(-1, 0), 1);
	ck_assert_ptr_null(s.heap);
	ck_assert_uint_eq(s.count, fit);
	for (uint32_t i = 0; i < fit; i++) {
		it.want = keys[i];
		ck_assert_uint_eq(mfr__seen_find(&s, keys[i], match, &it), i);
	}
	it.want = keys[fit];
	ck_assert_uint_eq(mfr__seen_find(&s, keys[fit], match, &it), MFR_SEEN_NEW);

	ck_assert_uint_eq(mfr__seen_add(&s, keys[fit], fit, same, &it), MFR_SEEN_NEW);
	ck_assert_ptr_nonnull(s.heap);
	for (uint32_t i = 0; i <= fit; i++) {
		it.want = keys[i];
		ck_assert_uint_eq(mfr__seen_find(&s, keys[i], match, &it), i);
	}
	mfr__seen_free(&s);
}
END_TEST

Suite *mfr_test_seen_suite(void)
{
	Suite *s = suite_create("seen");
	TCase *tc = tcase_create("seen");

	tcase_add_loop_test(tc, repeats_removal_and_growth, 0, 2);
	tcase_add_test(tc, growth_out_of_memory);
	suite_add_tcase(s, tc);
	return s;
}
