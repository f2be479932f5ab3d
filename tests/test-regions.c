/*
 * libmfr unit tests: region getters, the hierarchy and adjacency, checked
 * against the known content of tests/data/models/{minimal,extra}.json.
 * SPDX-License-Identifier: MIT
 */
#include "util-keys.h"

/* The model under test: the shared fixture of util.h. */
#define model (mfr_test_model)
#define setup_minimal mfr_test_setup_minimal
#define setup_extra mfr_test_setup_extra
#define teardown mfr_test_teardown

static const mfr_region *region(const char *key)
{
	const mfr_region *r = mfr_model_region(model, key);

	ck_assert_msg(r != NULL, "no region %s", key);
	return r;
}

START_TEST(minimal_leg)
{
	const mfr_region *r = region("leg");

	ck_assert_str_eq(mfr_region_key(r), "leg");
	ck_assert_str_eq(mfr_region_name(r), "leg");
	ck_assert_uint_eq(mfr_region_index(r), 0);
	ck_assert_int_eq(mfr_region_kind(r), MFR_REGION_PART);
	ck_assert_ptr_null(mfr_region_parent(r));
	ASSERT_KEYS(r, mfr_region_child_count, mfr_region_child_at, mfr_region_key,
		    "calf", "heel");
	ck_assert_int_eq(mfr_region_laterality(r), MFR_LATERALITY_BILATERAL);
	ck_assert_uint_eq(mfr_region_positions(r),
			  MFR_POSITION_PRONE | MFR_POSITION_SUPINE);
	ck_assert_int_eq(mfr_region_depth(r), MFR_DEPTH_SUPERFICIAL);
	ck_assert_str_eq(mfr_region_snomed(r), "30021000");
	ck_assert_str_eq(mfr_region_fma(r), "FMA:24979");
	ck_assert_ptr_null(mfr_region_uberon(r));
	ASSERT_NO_KEYS(r, mfr_region_adjacent_count, mfr_region_adjacent_at);
	ASSERT_PROVENANCE(mfr_region_provenance(r), "", 0, "src_a");
	ck_assert_ptr_eq(mfr_provenance_source_at(mfr_region_provenance(r), 0),
			 mfr_model_source(model, "src_a"));
}
END_TEST

START_TEST(minimal_calf_and_heel)
{
	const mfr_region *calf = region("calf"), *heel = region("heel");

	ck_assert_str_eq(mfr_region_name(calf), "calf");
	ck_assert_uint_eq(mfr_region_index(calf), 1);
	ck_assert_int_eq(mfr_region_kind(calf), MFR_REGION_AREA);
	ck_assert_ptr_eq(mfr_region_parent(calf), region("leg"));
	ASSERT_KEYS(calf, mfr_region_child_count, mfr_region_child_at, mfr_region_key,
		    "calf_muscle");
	ck_assert_uint_eq(mfr_region_positions(calf), MFR_POSITION_PRONE);
	ck_assert_ptr_null(mfr_region_snomed(calf));
	ck_assert_ptr_null(mfr_region_fma(calf));
	ck_assert_ptr_null(mfr_region_uberon(calf));
	/* calf lists heel; calf_muscle lists calf: both show up, by index. */
	ASSERT_KEYS(calf, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "heel", "calf_muscle");

	/* Adjacency is symmetric: heel lists nothing but sees calf. */
	ck_assert_str_eq(mfr_region_name(heel), "heel");
	ck_assert_uint_eq(mfr_region_index(heel), 2);
	ck_assert_int_eq(mfr_region_kind(heel), MFR_REGION_AREA);
	ck_assert_ptr_eq(mfr_region_parent(heel), region("leg"));
	ASSERT_NO_KEYS(heel, mfr_region_child_count, mfr_region_child_at);
	ck_assert_uint_eq(mfr_region_positions(heel),
			  MFR_POSITION_PRONE | MFR_POSITION_SUPINE);
	ck_assert_int_eq(mfr_region_depth(heel), MFR_DEPTH_SUPERFICIAL);
	ASSERT_KEYS(heel, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "calf");
	ck_assert_ptr_eq(mfr_region_adjacent_at(heel, 0), calf);
	ASSERT_PROVENANCE(mfr_region_provenance(heel), "", 0, "src_a");
}
END_TEST

START_TEST(minimal_calf_muscle)
{
	const mfr_region *r = region("calf_muscle");

	ck_assert_str_eq(mfr_region_name(r), "calf muscle");
	ck_assert_uint_eq(mfr_region_index(r), 3);
	ck_assert_int_eq(mfr_region_kind(r), MFR_REGION_MUSCLE);
	ck_assert_ptr_eq(mfr_region_parent(r), region("calf"));
	ASSERT_NO_KEYS(r, mfr_region_child_count, mfr_region_child_at);
	ck_assert_int_eq(mfr_region_laterality(r), MFR_LATERALITY_BILATERAL);
	ck_assert_uint_eq(mfr_region_positions(r), MFR_POSITION_PRONE);
	ck_assert_int_eq(mfr_region_depth(r), MFR_DEPTH_INTERMEDIATE);
	/* It lists calf (also its parent): seen once from each end. */
	ASSERT_KEYS(r, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "calf");
	ASSERT_PROVENANCE(mfr_region_provenance(r), "placement is a convention", 1,
			  "src_a", "src_b");
}
END_TEST

START_TEST(minimal_sacrum_and_back)
{
	const mfr_region *sacrum = region("sacrum"), *back = region("back_muscle");

	ck_assert_uint_eq(mfr_region_index(sacrum), 4);
	ck_assert_int_eq(mfr_region_kind(sacrum), MFR_REGION_BONE);
	ck_assert_int_eq(mfr_region_laterality(sacrum), MFR_LATERALITY_MIDLINE);
	ck_assert_ptr_null(mfr_region_parent(sacrum));
	ASSERT_KEYS(sacrum, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "back_muscle");
	ASSERT_PROVENANCE(mfr_region_provenance(sacrum), "", 0, "src_b");

	ck_assert_str_eq(mfr_region_name(back), "back muscle");
	ck_assert_uint_eq(mfr_region_index(back), 5);
	ck_assert_int_eq(mfr_region_kind(back), MFR_REGION_MUSCLE);
	ck_assert_int_eq(mfr_region_laterality(back), MFR_LATERALITY_BILATERAL);
	ck_assert_uint_eq(mfr_region_positions(back),
			  MFR_POSITION_PRONE | MFR_POSITION_SEATED);
	ck_assert_int_eq(mfr_region_depth(back), MFR_DEPTH_DEEP);
	ASSERT_KEYS(back, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "sacrum");
}
END_TEST

START_TEST(minimal_is_within)
{
	const mfr_region *leg = region("leg"), *calf = region("calf");
	const mfr_region *heel = region("heel"), *cm = region("calf_muscle");

	ck_assert_int_eq(mfr_region_is_within(cm, calf), 1);
	ck_assert_int_eq(mfr_region_is_within(cm, leg), 1);
	ck_assert_int_eq(mfr_region_is_within(cm, cm), 1);
	ck_assert_int_eq(mfr_region_is_within(calf, cm), 0);
	ck_assert_int_eq(mfr_region_is_within(leg, calf), 0);
	ck_assert_int_eq(mfr_region_is_within(heel, calf), 0);
	ck_assert_int_eq(mfr_region_is_within(region("sacrum"), leg), 0);
	ck_assert_int_eq(mfr_region_is_within(cm, NULL), 0);
	ck_assert_int_eq(mfr_region_is_within(NULL, leg), 0);
	ck_assert_int_eq(mfr_region_is_within(NULL, NULL), 0);
}
END_TEST

/* Adjacency for every region is symmetric, sorted by index and has no
 * repeats; children point back at their parent. Holds for any model. */
START_TEST(invariants)
{
	uint32_t n = mfr_model_count(model, MFR_KIND_REGION);

	for (uint32_t i = 0; i < n; i++) {
		const mfr_region *r = mfr_model_region_at(model, i);
		uint32_t na = mfr_region_adjacent_count(r);

		for (uint32_t k = 0; k < na; k++) {
			const mfr_region *a = mfr_region_adjacent_at(r, k);
			uint32_t back = 0;

			ck_assert_ptr_ne(a, r);
			if (k > 0)
				ck_assert_uint_lt(mfr_region_index(mfr_region_adjacent_at(r, k - 1)),
						  mfr_region_index(a));
			for (uint32_t j = 0; j < mfr_region_adjacent_count(a); j++)
				back += mfr_region_adjacent_at(a, j) == r;
			ck_assert_msg(back == 1, "%s -> %s seen %u times back",
				      mfr_region_key(r), mfr_region_key(a), back);
		}
		for (uint32_t k = 0; k < mfr_region_child_count(r); k++)
			ck_assert_ptr_eq(mfr_region_parent(mfr_region_child_at(r, k)), r);
		ck_assert_ptr_eq(mfr_model_region_at(model, mfr_region_index(r)), r);
	}
}
END_TEST

START_TEST(extra_regions)
{
	const mfr_region *trunk = region("trunk"), *hip = region("hip");
	const mfr_region *fascia = region("thigh_fascia"), *spine = region("spine");
	const mfr_region *glute = region("glute");

	ck_assert_int_eq(mfr_region_kind(trunk), MFR_REGION_PART);
	ck_assert_int_eq(mfr_region_kind(hip), MFR_REGION_JOINT);
	ck_assert_int_eq(mfr_region_kind(fascia), MFR_REGION_CONNECTIVE);
	ck_assert_int_eq(mfr_region_kind(spine), MFR_REGION_BONE);
	ck_assert_int_eq(mfr_region_kind(glute), MFR_REGION_MUSCLE);
	/* Positions given in any order make the same mask. */
	ck_assert_uint_eq(mfr_region_positions(trunk), MFR_POSITION_ALL);
	ck_assert_uint_eq(mfr_region_positions(hip), MFR_POSITION_SIDE_LYING);
	ck_assert_uint_eq(mfr_region_positions(fascia), MFR_POSITION_STANDING);
	ck_assert_ptr_null(mfr_region_snomed(trunk));
	ck_assert_ptr_null(mfr_region_fma(trunk));
	ck_assert_str_eq(mfr_region_uberon(trunk), "UBERON:0002100");
	ck_assert_str_eq(mfr_region_fma(hip), "FMA:24965");
	ck_assert_ptr_null(mfr_region_uberon(hip));

	ASSERT_KEYS(trunk, mfr_region_child_count, mfr_region_child_at, mfr_region_key,
		    "hip", "spine");
	ASSERT_KEYS(hip, mfr_region_child_count, mfr_region_child_at, mfr_region_key,
		    "thigh_fascia", "glute");
	ck_assert_int_eq(mfr_region_is_within(glute, trunk), 1);
	ck_assert_int_eq(mfr_region_is_within(trunk, glute), 0);

	/* hip-thigh_fascia is listed from both ends: seen once each way. */
	ASSERT_KEYS(trunk, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "glute");
	ASSERT_KEYS(hip, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "thigh_fascia", "spine", "glute");
	ASSERT_KEYS(fascia, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "hip", "spine");
	ASSERT_KEYS(spine, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "hip", "thigh_fascia");
	ASSERT_KEYS(glute, mfr_region_adjacent_count, mfr_region_adjacent_at,
		    mfr_region_key, "trunk", "hip");
}
END_TEST

START_TEST(sources)
{
	const mfr_source *a = mfr_model_source(model, "src_a");
	const mfr_source *b = mfr_model_source(model, "src_b");

	ck_assert_str_eq(mfr_source_key(a), "src_a");
	ck_assert_str_eq(mfr_source_citation(a), "Source A, 2001");
	ck_assert_str_eq(mfr_source_note(a), "the main source");
	ck_assert_str_eq(mfr_source_key(b), "src_b");
	ck_assert_str_eq(mfr_source_citation(b), "Source B, 2002");
	ck_assert_ptr_null(mfr_source_note(b));
	ck_assert_ptr_eq(mfr_model_source_at(model, 0), a);
	ck_assert_ptr_eq(mfr_model_source_at(model, 1), b);
}
END_TEST

Suite *mfr_test_regions_suite(void)
{
	Suite *s = suite_create("regions");
	TCase *tc = tcase_create("minimal");

	tcase_add_checked_fixture(tc, setup_minimal, teardown);
	tcase_add_test(tc, minimal_leg);
	tcase_add_test(tc, minimal_calf_and_heel);
	tcase_add_test(tc, minimal_calf_muscle);
	tcase_add_test(tc, minimal_sacrum_and_back);
	tcase_add_test(tc, minimal_is_within);
	tcase_add_test(tc, invariants);
	tcase_add_test(tc, sources);
	suite_add_tcase(s, tc);

	tc = tcase_create("extra");
	tcase_add_checked_fixture(tc, setup_extra, teardown);
	tcase_add_test(tc, extra_regions);
	tcase_add_test(tc, invariants);
	suite_add_tcase(s, tc);

	tc = tcase_create("null");
	suite_add_tcase(s, tc);
	return s;
}
