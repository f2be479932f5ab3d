/*
 * libmfr unit tests: techniques, conditions, precautions and aftercare.
 * SPDX-License-Identifier: MIT
 */
#include "util-keys.h"

/* The model under test: the shared fixture of util.h. */
#define model (mfr_test_model)
#define setup_minimal mfr_test_setup_minimal
#define setup_extra mfr_test_setup_extra
#define teardown mfr_test_teardown

static const char *str_id(const char *s)
{
	return s;
}

START_TEST(minimal_hold)
{
	const mfr_technique *t = mfr_model_technique(model, "hold");

	ck_assert_str_eq(mfr_technique_key(t), "hold");
	ck_assert_str_eq(mfr_technique_name(t), "Sustained hold");
	ck_assert_uint_eq(mfr_technique_index(t), 0);
	ck_assert_int_eq(mfr_technique_family(t), MFR_FAMILY_SUSTAINED_PRESSURE);
	ck_assert_int_eq(mfr_technique_approach(t), MFR_APPROACH_EITHER);
	ck_assert_int_eq(mfr_technique_pressure_min(t), MFR_PRESSURE_LIGHT);
	ck_assert_int_eq(mfr_technique_pressure_max(t), MFR_PRESSURE_MODERATE);
	ck_assert_int_eq(mfr_technique_depth(t), MFR_DEPTH_INTERMEDIATE);
	ck_assert_int_eq(mfr_technique_has_hold(t), 1);
	ck_assert_uint_eq(mfr_technique_hold_min(t), 90);
	ck_assert_uint_eq(mfr_technique_hold_max(t), 300);
	ck_assert_int_eq(mfr_technique_hold_convention(t), 0);
	ck_assert_uint_eq(mfr_technique_positions(t), MFR_POSITION_PRONE |
			  MFR_POSITION_SUPINE | MFR_POSITION_SEATED);
	ck_assert_uint_eq(mfr_technique_suits(t),
			  MFR_SUITS_BROAD_PLANE | MFR_SUITS_FOCAL_POINT);
	ASSERT_KEYS(t, mfr_technique_region_count, mfr_technique_region_at,
		    mfr_region_key, "calf", "back_muscle");
	ASSERT_PROVENANCE(mfr_technique_provenance(t), "", 0, "src_a");
}
END_TEST

START_TEST(minimal_rock)
{
	const mfr_technique *t = mfr_model_technique(model, "rock");

	ck_assert_str_eq(mfr_technique_name(t), "Rebounding");
	ck_assert_uint_eq(mfr_technique_index(t), 1);
	ck_assert_int_eq(mfr_technique_family(t), MFR_FAMILY_REBOUNDING);
	ck_assert_int_eq(mfr_technique_approach(t), MFR_APPROACH_INDIRECT);
	ck_assert_int_eq(mfr_technique_pressure_min(t), MFR_PRESSURE_VERY_LIGHT);
	ck_assert_int_eq(mfr_technique_pressure_max(t), MFR_PRESSURE_LIGHT);
	ck_assert_int_eq(mfr_technique_depth(t), MFR_DEPTH_SUPERFICIAL);
	/* No source gives a hold: no range at all. */
	ck_assert_int_eq(mfr_technique_has_hold(t), 0);
	ck_assert_uint_eq(mfr_technique_hold_min(t), 0);
	ck_assert_uint_eq(mfr_technique_hold_max(t), 0);
	ck_assert_int_eq(mfr_technique_hold_convention(t), 0);
	ck_assert_uint_eq(mfr_technique_positions(t), MFR_POSITION_SUPINE);
	ck_assert_uint_eq(mfr_technique_suits(t), 0);
	ASSERT_NO_KEYS(t, mfr_technique_region_count, mfr_technique_region_at);
	ASSERT_PROVENANCE(mfr_technique_provenance(t), "", 0, "src_b");
}
END_TEST

START_TEST(minimal_condition)
{
	const mfr_condition *c = mfr_model_condition(model, "heel_pain");

	ck_assert_str_eq(mfr_condition_key(c), "heel_pain");
	ck_assert_str_eq(mfr_condition_name(c), "Heel pain");
	ck_assert_uint_eq(mfr_condition_index(c), 0);
	ASSERT_KEYS(c, mfr_condition_icd10cm_count, mfr_condition_icd10cm_at, str_id,
		    "M72.2", "M79.67-");
	ASSERT_KEYS(c, mfr_condition_snomed_count, mfr_condition_snomed_at, str_id,
		    "202882003");
	ASSERT_KEYS(c, mfr_condition_area_count, mfr_condition_area_at, mfr_region_key,
		    "heel");
	ASSERT_KEYS(c, mfr_condition_line_count, mfr_condition_line_at, mfr_line_key,
		    "test_line");
	ck_assert_ptr_eq(mfr_condition_line_at(c, 0), mfr_model_line(model, "test_line"));
	ASSERT_KEYS(c, mfr_condition_region_count, mfr_condition_region_at,
		    mfr_region_key, "calf_muscle");
	ck_assert_str_eq(mfr_condition_evidence(c), "one trial");
	ASSERT_PROVENANCE(mfr_condition_provenance(c), "", 0, "src_a");
}
END_TEST

START_TEST(minimal_precautions)
{
	const mfr_precaution *w = mfr_model_precaution(model, "wound");
	const mfr_precaution *f = mfr_model_precaution(model, "fragile");
	const mfr_precaution *v = mfr_model_precaution(model, "fever");

	ck_assert_str_eq(mfr_precaution_key(w), "wound");
	ck_assert_str_eq(mfr_precaution_name(w), "Open wound");
	ck_assert_uint_eq(mfr_precaution_index(w), 0);
	ck_assert_int_eq(mfr_precaution_scope(w), MFR_SCOPE_LOCAL);
	ck_assert_int_eq(mfr_precaution_severity(w), MFR_SEVERITY_RELATIVE);
	ck_assert_int_eq(mfr_precaution_needs_clearance(w), 0);
	ck_assert_int_eq(mfr_precaution_avoid_site(w), 1);
	ck_assert_int_eq(mfr_precaution_avoid_adjacent(w), 1);
	ASSERT_NO_KEYS(w, mfr_precaution_avoid_region_count, mfr_precaution_avoid_region_at);
	ck_assert_int_eq(mfr_precaution_pressure_ceiling(w), 0);
	ASSERT_KEYS(w, mfr_precaution_excluded_technique_count,
		    mfr_precaution_excluded_technique_at, mfr_technique_key, "rock");
	ck_assert_ptr_eq(mfr_precaution_excluded_technique_at(w, 0),
			 mfr_model_technique(model, "rock"));
	ck_assert_str_eq(mfr_precaution_effect(w), "avoid the region");
	ASSERT_PROVENANCE(mfr_precaution_provenance(w), "", 0, "src_b");

	ck_assert_str_eq(mfr_precaution_name(f), "Fragile bones");
	ck_assert_uint_eq(mfr_precaution_index(f), 1);
	ck_assert_int_eq(mfr_precaution_scope(f), MFR_SCOPE_GLOBAL);
	ck_assert_int_eq(mfr_precaution_severity(f), MFR_SEVERITY_RELATIVE);
	ck_assert_int_eq(mfr_precaution_needs_clearance(f), 1);
	ck_assert_int_eq(mfr_precaution_avoid_site(f), 0);
	ck_assert_int_eq(mfr_precaution_avoid_adjacent(f), 0);
	ASSERT_KEYS(f, mfr_precaution_avoid_region_count, mfr_precaution_avoid_region_at,
		    mfr_region_key, "sacrum");
	ck_assert_int_eq(mfr_precaution_pressure_ceiling(f), MFR_PRESSURE_LIGHT);
	ASSERT_NO_KEYS(f, mfr_precaution_excluded_technique_count,
		       mfr_precaution_excluded_technique_at);
	ck_assert_str_eq(mfr_precaution_effect(f), "reduce pressure");
	ASSERT_PROVENANCE(mfr_precaution_provenance(f), "", 0, "src_a");

	ck_assert_str_eq(mfr_precaution_name(v), "Fever");
	ck_assert_uint_eq(mfr_precaution_index(v), 2);
	ck_assert_int_eq(mfr_precaution_scope(v), MFR_SCOPE_GLOBAL);
	ck_assert_int_eq(mfr_precaution_severity(v), MFR_SEVERITY_ABSOLUTE);
	ck_assert_int_eq(mfr_precaution_needs_clearance(v), 0);
	ck_assert_int_eq(mfr_precaution_avoid_site(v), 0);
	ck_assert_int_eq(mfr_precaution_avoid_adjacent(v), 0);
	ASSERT_NO_KEYS(v, mfr_precaution_avoid_region_count, mfr_precaution_avoid_region_at);
	ck_assert_int_eq(mfr_precaution_pressure_ceiling(v), 0);
	ASSERT_NO_KEYS(v, mfr_precaution_excluded_technique_count,
		       mfr_precaution_excluded_technique_at);
	ck_assert_str_eq(mfr_precaution_effect(v), "postpone");
}
END_TEST

START_TEST(extra_entities)
{
	const mfr_technique *t = mfr_model_technique(model, "everything");
	const mfr_condition *c = mfr_model_condition(model, "backache");
	const mfr_precaution *p = mfr_model_precaution(model, "fracture");

	ck_assert_int_eq(mfr_technique_family(t), MFR_FAMILY_TRIGGER_POINT_RELEASE);
	ck_assert_int_eq(mfr_technique_approach(t), MFR_APPROACH_DIRECT);
	ck_assert_int_eq(mfr_technique_pressure_min(t), MFR_PRESSURE_FIRM);
	ck_assert_int_eq(mfr_technique_pressure_max(t), MFR_PRESSURE_FIRM);
	ck_assert_int_eq(mfr_technique_depth(t), MFR_DEPTH_DEEP);
	/* The range bounds are inclusive. */
	ck_assert_int_eq(mfr_technique_has_hold(t), 1);
	ck_assert_uint_eq(mfr_technique_hold_min(t), 1);
	ck_assert_uint_eq(mfr_technique_hold_max(t), 3600);
	ck_assert_int_eq(mfr_technique_hold_convention(t), 1);
	ck_assert_uint_eq(mfr_technique_positions(t), MFR_POSITION_ALL);
	ck_assert_uint_eq(mfr_technique_suits(t), 0x7f);
	ASSERT_PROVENANCE(mfr_technique_provenance(t), "", 0, "s1");

	ASSERT_KEYS(c, mfr_condition_icd10cm_count, mfr_condition_icd10cm_at, str_id,
		    "M54.9");
	ASSERT_NO_KEYS(c, mfr_condition_snomed_count, mfr_condition_snomed_at);
	ASSERT_KEYS(c, mfr_condition_area_count, mfr_condition_area_at, mfr_region_key,
		    "trunk");
	ASSERT_NO_KEYS(c, mfr_condition_line_count, mfr_condition_line_at);
	ASSERT_NO_KEYS(c, mfr_condition_region_count, mfr_condition_region_at);
	ck_assert_ptr_null(mfr_condition_evidence(c));

	ck_assert_int_eq(mfr_precaution_scope(p), MFR_SCOPE_LOCAL);
	ck_assert_int_eq(mfr_precaution_severity(p), MFR_SEVERITY_ABSOLUTE);
	ck_assert_int_eq(mfr_precaution_needs_clearance(p), 1);
	ck_assert_int_eq(mfr_precaution_avoid_site(p), 0);
	ck_assert_int_eq(mfr_precaution_avoid_adjacent(p), 0);
	ASSERT_KEYS(p, mfr_precaution_avoid_region_count, mfr_precaution_avoid_region_at,
		    mfr_region_key, "spine", "hip");
	ck_assert_str_eq(mfr_precaution_effect(p), "refer out");
	ASSERT_PROVENANCE(mfr_precaution_provenance(p), "", 1, "s1");
}
END_TEST

START_TEST(extra_aftercare)
{
	const mfr_aftercare *w = mfr_model_aftercare(model, "water");
	const mfr_aftercare *s = mfr_model_aftercare(model, "soreness");

	ck_assert_uint_eq(mfr_model_count(model, MFR_KIND_AFTERCARE), 2);
	ck_assert_ptr_eq(mfr_model_aftercare_at(model, 0), w);
	ck_assert_ptr_eq(mfr_model_aftercare_at(model, 1), s);
	ck_assert_ptr_null(mfr_model_aftercare_at(model, 2));
	ck_assert_str_eq(mfr_aftercare_key(w), "water");
	ck_assert_str_eq(mfr_aftercare_text(w), "Drink some water.");
	ASSERT_PROVENANCE(mfr_aftercare_provenance(w), "", 0, "s1");
	ck_assert_str_eq(mfr_aftercare_key(s), "soreness");
	ck_assert_str_eq(mfr_aftercare_text(s), "Mild soreness for a day is common.");
	ASSERT_PROVENANCE(mfr_aftercare_provenance(s), "practice convention", 1, "s1");
	/* Keys are per kind. */
	ck_assert_ptr_null(mfr_model_aftercare(model, "fracture"));
}
END_TEST

Suite *mfr_test_entities_suite(void)
{
	Suite *s = suite_create("entities");
	TCase *tc = tcase_create("minimal");

	tcase_add_checked_fixture(tc, setup_minimal, teardown);
	tcase_add_test(tc, minimal_hold);
	tcase_add_test(tc, minimal_rock);
	tcase_add_test(tc, minimal_condition);
	tcase_add_test(tc, minimal_precautions);
	suite_add_tcase(s, tc);

	tc = tcase_create("extra");
	tcase_add_checked_fixture(tc, setup_extra, teardown);
	tcase_add_test(tc, extra_entities);
	tcase_add_test(tc, extra_aftercare);
	suite_add_tcase(s, tc);

	tc = tcase_create("null");
	suite_add_tcase(s, tc);
	return s;
}
