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

START_TEST(null_entities)
{
	ck_assert_ptr_null(mfr_technique_key(NULL));
	ck_assert_ptr_null(mfr_technique_name(NULL));
	ck_assert_uint_eq(mfr_technique_index(NULL), 0);
	ck_assert_int_eq(mfr_technique_family(NULL), 0);
	ck_assert_int_eq(mfr_technique_approach(NULL), 0);
	ck_assert_int_eq(mfr_technique_pressure_min(NULL), 0);
	ck_assert_int_eq(mfr_technique_pressure_max(NULL), 0);
	ck_assert_int_eq(mfr_technique_depth(NULL), 0);
	ck_assert_int_eq(mfr_technique_has_hold(NULL), 0);
	ck_assert_uint_eq(mfr_technique_hold_min(NULL), 0);
	ck_assert_uint_eq(mfr_technique_hold_max(NULL), 0);
	ck_assert_int_eq(mfr_technique_hold_convention(NULL), 0);
	ck_assert_uint_eq(mfr_technique_positions(NULL), 0);
	ck_assert_uint_eq(mfr_technique_suits(NULL), 0);
	ck_assert_uint_eq(mfr_technique_region_count(NULL), 0);
	ck_assert_ptr_null(mfr_technique_region_at(NULL, 0));
	ck_assert_ptr_null(mfr_technique_provenance(NULL));

	ck_assert_ptr_null(mfr_condition_key(NULL));
	ck_assert_ptr_null(mfr_condition_name(NULL));
	ck_assert_uint_eq(mfr_condition_index(NULL), 0);
	ck_assert_uint_eq(mfr_condition_icd10cm_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_icd10cm_at(NULL, 0));
	ck_assert_uint_eq(mfr_condition_snomed_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_snomed_at(NULL, 0));
	ck_assert_uint_eq(mfr_condition_area_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_area_at(NULL, 0));
	ck_assert_uint_eq(mfr_condition_line_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_line_at(NULL, 0));
	ck_assert_uint_eq(mfr_condition_region_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_region_at(NULL, 0));
	ck_assert_ptr_null(mfr_condition_evidence(NULL));
	ck_assert_ptr_null(mfr_condition_provenance(NULL));

	ck_assert_ptr_null(mfr_precaution_key(NULL));
	ck_assert_ptr_null(mfr_precaution_name(NULL));
	ck_assert_uint_eq(mfr_precaution_index(NULL), 0);
	ck_assert_int_eq(mfr_precaution_scope(NULL), 0);
	ck_assert_int_eq(mfr_precaution_severity(NULL), 0);
	ck_assert_int_eq(mfr_precaution_needs_clearance(NULL), 0);
	ck_assert_int_eq(mfr_precaution_avoid_site(NULL), 0);
	ck_assert_int_eq(mfr_precaution_avoid_adjacent(NULL), 0);
	ck_assert_uint_eq(mfr_precaution_avoid_region_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_avoid_region_at(NULL, 0));
	ck_assert_int_eq(mfr_precaution_pressure_ceiling(NULL), 0);
	ck_assert_uint_eq(mfr_precaution_excluded_technique_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_excluded_technique_at(NULL, 0));
	ck_assert_ptr_null(mfr_precaution_effect(NULL));
	ck_assert_ptr_null(mfr_precaution_provenance(NULL));

	ck_assert_int_eq(mfr_precaution_site_scoped(NULL), 0);
	ck_assert_uint_eq(mfr_precaution_stage_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_stage_name(NULL));
	ck_assert_ptr_null(mfr_precaution_dose(NULL));
	ck_assert_uint_eq(mfr_precaution_widening_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_widening_region(mfr_precaution_widening_at(NULL, 0)));
	ck_assert_uint_eq(mfr_precaution_widening_with_count(mfr_precaution_widening_at(NULL, 0)), 0);
	ck_assert_ptr_null(mfr_precaution_widening_with_at(mfr_precaution_widening_at(NULL, 0), 0));
	ck_assert_uint_eq(mfr_precaution_clearance_area_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_clearance_area_at(NULL, 0));
	ck_assert_uint_eq(mfr_precaution_position_limit_count(NULL), 0);
	ck_assert_int_eq(mfr_precaution_position_limit_position(mfr_precaution_position_limit_at(NULL, 0)), 0);
	ck_assert_uint_eq(mfr_precaution_position_limit_from_stage(mfr_precaution_position_limit_at(NULL, 0)), 0);
	ck_assert_uint_eq(mfr_precaution_position_limit_region_count(mfr_precaution_position_limit_at(NULL, 0)), 0);
	ck_assert_ptr_null(mfr_precaution_position_limit_region_at(mfr_precaution_position_limit_at(NULL, 0), 0));

	ck_assert_uint_eq(mfr_condition_site_technique_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_site_technique_at(NULL, 0));
	ck_assert_ptr_null(mfr_condition_dose(NULL));

	ck_assert_int_eq(mfr_referral_zone_frequency(mfr_referral_zone_at(NULL, 0)), 0);

	ck_assert_int_eq(mfr_dose_pressure_ceiling(NULL), 0);
	ck_assert_int_eq(mfr_dose_indirect_only(NULL), 0);
	ck_assert_uint_eq(mfr_dose_max_minutes(NULL), 0);
	ck_assert_uint_eq(mfr_dose_hold_min(NULL), 0);
	ck_assert_uint_eq(mfr_dose_hold_max(NULL), 0);
	ck_assert_int_eq(mfr_dose_progresses(NULL), 1);
	ck_assert_ptr_null(mfr_dose_provenance(NULL));

	ck_assert_ptr_null(mfr_danger_zone_key(NULL));
	ck_assert_ptr_null(mfr_danger_zone_name(NULL));
	ck_assert_uint_eq(mfr_danger_zone_index(NULL), 0);
	ck_assert_int_eq(mfr_danger_zone_pressure_ceiling(NULL), 0);
	ck_assert_ptr_null(mfr_danger_zone_effect(NULL));
	ck_assert_uint_eq(mfr_danger_zone_region_kinds(NULL), 0);
	ck_assert_uint_eq(mfr_danger_zone_region_count(NULL), 0);
	ck_assert_ptr_null(mfr_danger_zone_region_at(NULL, 0));
	ck_assert_uint_eq(mfr_danger_zone_excluded_technique_count(NULL), 0);
	ck_assert_ptr_null(mfr_danger_zone_excluded_technique_at(NULL, 0));
	ck_assert_ptr_null(mfr_danger_zone_provenance(NULL));

	ck_assert_ptr_null(mfr_screening_key(NULL));
	ck_assert_ptr_null(mfr_screening_text(NULL));
	ck_assert_uint_eq(mfr_screening_index(NULL), 0);
	ck_assert_uint_eq(mfr_screening_answer_count(NULL), 0);
	ck_assert_ptr_null(mfr_screening_answer_key(mfr_screening_answer_at(NULL, 0)));
	ck_assert_ptr_null(mfr_screening_answer_text(mfr_screening_answer_at(NULL, 0)));
	ck_assert_uint_eq(mfr_screening_answer_precaution_count(mfr_screening_answer_at(NULL, 0)), 0);
	ck_assert_ptr_null(mfr_screening_answer_precaution_at(mfr_screening_answer_at(NULL, 0), 0));
	ck_assert_uint_eq(mfr_screening_answer_stage(mfr_screening_answer_at(NULL, 0)), 0);
	ck_assert_int_eq(mfr_screening_answer_needs_site(mfr_screening_answer_at(NULL, 0)), 0);
	ck_assert_ptr_null(mfr_screening_provenance(NULL));

	ck_assert_uint_eq(mfr_program_session_count(NULL), 0);
	ck_assert_uint_eq(mfr_program_weeks(NULL), 0);
	ck_assert_ptr_null(mfr_program_session_focus(mfr_program_session_at(NULL, 0)));
	ck_assert_uint_eq(mfr_program_session_day(mfr_program_session_at(NULL, 0)), 0);
	ck_assert_int_eq(mfr_program_session_reassess(mfr_program_session_at(NULL, 0)), 0);
	ck_assert_ptr_null(mfr_program_session_plan(mfr_program_session_at(NULL, 0)));

	ck_assert_ptr_null(mfr_aftercare_key(NULL));
	ck_assert_ptr_null(mfr_aftercare_text(NULL));
	ck_assert_int_eq(mfr_aftercare_kind(NULL), 0);
	ck_assert_uint_eq(mfr_aftercare_when_count(NULL), 0);
	ck_assert_ptr_null(mfr_aftercare_when_at(NULL, 0));
	ck_assert_ptr_null(mfr_aftercare_provenance(NULL));
	ck_assert_ptr_null(mfr_model_aftercare_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_aftercare(NULL, "water"));
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
	tcase_add_test(tc, null_entities);
	suite_add_tcase(s, tc);
	return s;
}
