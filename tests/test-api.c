/*
 * libmfr unit tests: the API grammar (mfr/common.h, doc/guide.md "The API
 * grammar"): every getter given NULL returns its documented absent value;
 * every sub-item list gives NULL past its end and stable handles within
 * it; handles read what the JSON of their parent says.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <string.h>

#include "model-private.h"
#include "util.h"

/* Every getter of the API, given NULL: NULL for a string or an object, 0
 * for a count, a number or an enumeration value, and the few documented
 * otherwise (an intensity -1, an offset -1, a dose that progresses). */
START_TEST(null_getters)
{
	ck_assert_int_eq(mfr_error_status(NULL), 0);
	ck_assert_ptr_null(mfr_error_message(NULL));
	ck_assert_ptr_null(mfr_error_source(NULL));
	ck_assert_ptr_null(mfr_error_path(NULL));
	ck_assert_int_eq(mfr_error_line(NULL), 0);
	ck_assert_int_eq(mfr_error_column(NULL), 0);
	ck_assert_int_eq(mfr_error_offset(NULL), -1);
	ck_assert_ptr_null(mfr_condition_key(NULL));
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
	ck_assert_uint_eq(mfr_condition_site_technique_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_site_technique_at(NULL, 0));
	ck_assert_uint_eq(mfr_condition_screening_count(NULL), 0);
	ck_assert_ptr_null(mfr_condition_screening_at(NULL, 0));
	ck_assert_ptr_null(mfr_condition_evidence(NULL));
	ck_assert_ptr_null(mfr_condition_dose(NULL));
	ck_assert_ptr_null(mfr_condition_provenance(NULL));
	ck_assert_ptr_null(mfr_intake_model(NULL));
	ck_assert_uint_eq(mfr_intake_symptom_count(NULL), 0);
	ck_assert_ptr_null(mfr_intake_symptom_at(NULL, 0));
	ck_assert_ptr_null(mfr_intake_symptom_region(NULL));
	ck_assert_int_eq(mfr_intake_symptom_side(NULL), 0);
	ck_assert_int_eq(mfr_intake_symptom_intensity(NULL), -1);
	ck_assert_int_eq(mfr_intake_symptom_onset(NULL), 0);
	ck_assert_uint_eq(mfr_intake_condition_count(NULL), 0);
	ck_assert_ptr_null(mfr_intake_condition_at(NULL, 0));
	ck_assert_uint_eq(mfr_intake_precaution_count(NULL), 0);
	ck_assert_ptr_null(mfr_intake_precaution_at(NULL, 0));
	ck_assert_ptr_null(mfr_intake_precaution_precaution(NULL));
	ck_assert_ptr_null(mfr_intake_precaution_region(NULL));
	ck_assert_int_eq(mfr_intake_precaution_side(NULL), 0);
	ck_assert_uint_eq(mfr_intake_stage(NULL, NULL), 0);
	ck_assert_uint_eq(mfr_intake_scopes(NULL), 0);
	ck_assert_uint_eq(mfr_intake_clearance_count(NULL), 0);
	ck_assert_ptr_null(mfr_intake_clearance_at(NULL, 0));
	ck_assert_int_eq(mfr_intake_is_answered(NULL, NULL), 0);
	ck_assert_int_eq(mfr_intake_is_cleared(NULL, NULL), 0);
	ck_assert_uint_eq(mfr_intake_minutes(NULL), 0);
	ck_assert_uint_eq(mfr_intake_positions(NULL), 0);
	ck_assert_ptr_null(mfr_line_key(NULL));
	ck_assert_ptr_null(mfr_line_abbrev(NULL));
	ck_assert_uint_eq(mfr_line_index(NULL), 0);
	ck_assert_int_eq(mfr_line_evidence(NULL), 0);
	ck_assert_uint_eq(mfr_line_evidence_source_count(NULL), 0);
	ck_assert_ptr_null(mfr_line_evidence_source_at(NULL, 0));
	ck_assert_int_eq(mfr_line_crosses(NULL), 0);
	ck_assert_ptr_null(mfr_line_provenance(NULL));
	ck_assert_uint_eq(mfr_line_branch_count(NULL), 0);
	ck_assert_ptr_null(mfr_line_branch_at(NULL, 0));
	ck_assert_ptr_null(mfr_line_branch_key(NULL));
	ck_assert_ptr_null(mfr_line_branch_line(NULL));
	ck_assert_uint_eq(mfr_line_branch_node_count(NULL), 0);
	ck_assert_ptr_null(mfr_line_branch_node_at(NULL, 0));
	ck_assert_int_eq(mfr_line_node_kind(NULL), 0);
	ck_assert_int_eq(mfr_line_node_side(NULL), 0);
	ck_assert_uint_eq(mfr_line_node_region_count(NULL), 0);
	ck_assert_ptr_null(mfr_line_node_region_at(NULL, 0));
	ck_assert_int_eq(mfr_line_node_crosses(NULL), 0);
	ck_assert_int_eq(mfr_line_node_may_cross(NULL), 0);
	ck_assert_ptr_null(mfr_line_node_note(NULL));
	ck_assert_ptr_null(mfr_model_version(NULL));
	ck_assert_ptr_null(mfr_model_description(NULL));
	ck_assert_uint_eq(mfr_model_count(NULL, MFR_KIND_REGION), 0);
	ck_assert_ptr_null(mfr_model_key_at(NULL, MFR_KIND_REGION, 0));
	ck_assert_int_eq(mfr_model_has(NULL, MFR_KIND_REGION, NULL), 0);
	ck_assert_ptr_null(mfr_model_region_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_region(NULL, NULL));
	ck_assert_ptr_null(mfr_model_line_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_line(NULL, NULL));
	ck_assert_ptr_null(mfr_model_referral_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_referral(NULL, NULL));
	ck_assert_ptr_null(mfr_model_technique_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_technique(NULL, NULL));
	ck_assert_ptr_null(mfr_model_condition_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_condition(NULL, NULL));
	ck_assert_ptr_null(mfr_model_precaution_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_precaution(NULL, NULL));
	ck_assert_ptr_null(mfr_model_source_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_source(NULL, NULL));
	ck_assert_ptr_null(mfr_model_aftercare_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_aftercare(NULL, NULL));
	ck_assert_ptr_null(mfr_model_danger_zone_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_danger_zone(NULL, NULL));
	ck_assert_ptr_null(mfr_model_screening_at(NULL, 0));
	ck_assert_ptr_null(mfr_model_screening(NULL, NULL));
	ck_assert_ptr_null(mfr_aftercare_key(NULL));
	ck_assert_ptr_null(mfr_aftercare_text(NULL));
	ck_assert_int_eq(mfr_aftercare_kind(NULL), 0);
	ck_assert_uint_eq(mfr_aftercare_when_count(NULL), 0);
	ck_assert_ptr_null(mfr_aftercare_when_at(NULL, 0));
	ck_assert_ptr_null(mfr_aftercare_provenance(NULL));
	ck_assert_uint_eq(mfr_model_suggest(NULL, MFR_KIND_REGION, NULL, NULL, 0), 0);
	ck_assert_ptr_null(mfr_source_key(NULL));
	ck_assert_ptr_null(mfr_source_citation(NULL));
	ck_assert_ptr_null(mfr_source_note(NULL));
	ck_assert_uint_eq(mfr_provenance_source_count(NULL), 0);
	ck_assert_ptr_null(mfr_provenance_source_at(NULL, 0));
	ck_assert_int_eq(mfr_provenance_is_convention(NULL), 0);
	ck_assert_ptr_null(mfr_provenance_note(NULL));
	ck_assert_int_eq(mfr_plan_status(NULL), 0);
	ck_assert_uint_eq(mfr_plan_session_seconds(NULL), 0);
	ck_assert_uint_eq(mfr_plan_total_seconds(NULL), 0);
	ck_assert_uint_eq(mfr_plan_position_changes(NULL), 0);
	ck_assert_int_eq(mfr_plan_pressure_ceiling(NULL), 0);
	ck_assert_uint_eq(mfr_plan_step_count(NULL), 0);
	ck_assert_ptr_null(mfr_plan_step_at(NULL, 0));
	ck_assert_int_eq(mfr_plan_step_phase(NULL), 0);
	ck_assert_ptr_null(mfr_plan_step_region(NULL));
	ck_assert_int_eq(mfr_plan_step_side(NULL), 0);
	ck_assert_ptr_null(mfr_plan_step_technique(NULL));
	ck_assert_int_eq(mfr_plan_step_approach(NULL), 0);
	ck_assert_int_eq(mfr_plan_step_pressure(NULL), 0);
	ck_assert_int_eq(mfr_plan_step_position(NULL), 0);
	ck_assert_int_eq(mfr_plan_step_lying_side(NULL), 0);
	ck_assert_uint_eq(mfr_plan_step_seconds(NULL), 0);
	ck_assert_uint_eq(mfr_plan_step_trace_rank(NULL), 0);
	ck_assert_ptr_null(mfr_plan_step_rationale(NULL));
	ck_assert_uint_eq(mfr_plan_step_flags(NULL), 0);
	ck_assert_ptr_null(mfr_plan_step_danger_zone(NULL));
	ck_assert_uint_eq(mfr_plan_warning_count(NULL), 0);
	ck_assert_ptr_null(mfr_plan_warning_at(NULL, 0));
	ck_assert_int_eq(mfr_plan_warning_kind(NULL), 0);
	ck_assert_ptr_null(mfr_plan_warning_text(NULL));
	ck_assert_ptr_null(mfr_plan_warning_code(NULL));
	ck_assert_int_eq(mfr_plan_warning_subject_kind(NULL), 0);
	ck_assert_ptr_null(mfr_plan_warning_subject_key(NULL));
	ck_assert_ptr_null(mfr_plan_warning_region(NULL));
	ck_assert_int_eq(mfr_plan_warning_side(NULL), 0);
	ck_assert_uint_eq(mfr_plan_aftercare_count(NULL), 0);
	ck_assert_ptr_null(mfr_plan_aftercare_at(NULL, 0));
	ck_assert_uint_eq(mfr_program_weeks(NULL), 0);
	ck_assert_uint_eq(mfr_program_session_count(NULL), 0);
	ck_assert_ptr_null(mfr_program_session_at(NULL, 0));
	ck_assert_uint_eq(mfr_program_session_day(NULL), 0);
	ck_assert_ptr_null(mfr_program_session_focus(NULL));
	ck_assert_int_eq(mfr_program_session_reassess(NULL), 0);
	ck_assert_ptr_null(mfr_program_session_plan(NULL));
	ck_assert_ptr_null(mfr_precaution_key(NULL));
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
	ck_assert_int_eq(mfr_precaution_site_scoped(NULL), 0);
	ck_assert_uint_eq(mfr_precaution_widening_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_widening_at(NULL, 0));
	ck_assert_ptr_null(mfr_precaution_widening_region(NULL));
	ck_assert_uint_eq(mfr_precaution_widening_with_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_widening_with_at(NULL, 0));
	ck_assert_uint_eq(mfr_precaution_stage_count(NULL), 0);
	ck_assert_uint_eq(mfr_precaution_position_limit_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_position_limit_at(NULL, 0));
	ck_assert_int_eq(mfr_precaution_position_limit_position(NULL), 0);
	ck_assert_uint_eq(mfr_precaution_position_limit_from_stage(NULL), 0);
	ck_assert_uint_eq(mfr_precaution_position_limit_region_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_position_limit_region_at(NULL, 0));
	ck_assert_uint_eq(mfr_precaution_clearance_area_count(NULL), 0);
	ck_assert_ptr_null(mfr_precaution_clearance_area_at(NULL, 0));
	ck_assert_ptr_null(mfr_precaution_dose(NULL));
	ck_assert_ptr_null(mfr_precaution_effect(NULL));
	ck_assert_ptr_null(mfr_precaution_provenance(NULL));
	ck_assert_ptr_null(mfr_referral_key(NULL));
	ck_assert_uint_eq(mfr_referral_index(NULL), 0);
	ck_assert_ptr_null(mfr_referral_muscle(NULL));
	ck_assert_ptr_null(mfr_referral_trigger_point(NULL));
	ck_assert_uint_eq(mfr_referral_zone_count(NULL), 0);
	ck_assert_ptr_null(mfr_referral_zone_at(NULL, 0));
	ck_assert_ptr_null(mfr_referral_zone_area(NULL));
	ck_assert_int_eq(mfr_referral_zone_kind(NULL), 0);
	ck_assert_int_eq(mfr_referral_zone_frequency(NULL), 0);
	ck_assert_int_eq(mfr_referral_zone_bilateral(NULL), 0);
	ck_assert_int_eq(mfr_referral_split_convention(NULL), 0);
	ck_assert_int_eq(mfr_referral_disputed(NULL), 0);
	ck_assert_ptr_null(mfr_referral_provenance(NULL));
	ck_assert_ptr_null(mfr_region_key(NULL));
	ck_assert_uint_eq(mfr_region_index(NULL), 0);
	ck_assert_int_eq(mfr_region_kind(NULL), 0);
	ck_assert_ptr_null(mfr_region_parent(NULL));
	ck_assert_uint_eq(mfr_region_child_count(NULL), 0);
	ck_assert_ptr_null(mfr_region_child_at(NULL, 0));
	ck_assert_int_eq(mfr_region_is_within(NULL, NULL), 0);
	ck_assert_int_eq(mfr_region_laterality(NULL), 0);
	ck_assert_uint_eq(mfr_region_positions(NULL), 0);
	ck_assert_int_eq(mfr_region_depth(NULL), 0);
	ck_assert_int_eq(mfr_region_access(NULL), 0);
	ck_assert_int_eq(mfr_region_treatable(NULL), 0);
	ck_assert_ptr_null(mfr_region_snomed(NULL));
	ck_assert_ptr_null(mfr_region_fma(NULL));
	ck_assert_ptr_null(mfr_region_uberon(NULL));
	ck_assert_uint_eq(mfr_region_adjacent_count(NULL), 0);
	ck_assert_ptr_null(mfr_region_adjacent_at(NULL, 0));
	ck_assert_ptr_null(mfr_region_provenance(NULL));
	ck_assert_ptr_null(mfr_danger_zone_key(NULL));
	ck_assert_uint_eq(mfr_danger_zone_index(NULL), 0);
	ck_assert_uint_eq(mfr_danger_zone_region_count(NULL), 0);
	ck_assert_ptr_null(mfr_danger_zone_region_at(NULL, 0));
	ck_assert_uint_eq(mfr_danger_zone_region_kinds(NULL), 0);
	ck_assert_int_eq(mfr_danger_zone_pressure_ceiling(NULL), 0);
	ck_assert_uint_eq(mfr_danger_zone_excluded_technique_count(NULL), 0);
	ck_assert_ptr_null(mfr_danger_zone_excluded_technique_at(NULL, 0));
	ck_assert_ptr_null(mfr_danger_zone_effect(NULL));
	ck_assert_ptr_null(mfr_danger_zone_provenance(NULL));
	ck_assert_ptr_null(mfr_model_danger_zone_covering(NULL, NULL));
	ck_assert_int_eq(mfr_dose_pressure_ceiling(NULL), 0);
	ck_assert_int_eq(mfr_dose_indirect_only(NULL), 0);
	ck_assert_uint_eq(mfr_dose_max_minutes(NULL), 0);
	ck_assert_uint_eq(mfr_dose_hold_min(NULL), 0);
	ck_assert_uint_eq(mfr_dose_hold_max(NULL), 0);
	ck_assert_int_eq(mfr_dose_progresses(NULL), 1); /* no dose: no limit */
	ck_assert_ptr_null(mfr_dose_provenance(NULL));
	ck_assert_ptr_null(mfr_screening_key(NULL));
	ck_assert_ptr_null(mfr_screening_text(NULL));
	ck_assert_uint_eq(mfr_screening_index(NULL), 0);
	ck_assert_uint_eq(mfr_screening_answer_count(NULL), 0);
	ck_assert_uint_eq(mfr_screening_symptom_area_count(NULL), 0);
	ck_assert_ptr_null(mfr_screening_symptom_area_at(NULL, 0));
	ck_assert_ptr_null(mfr_screening_answer_at(NULL, 0));
	ck_assert_ptr_null(mfr_screening_answer_key(NULL));
	ck_assert_ptr_null(mfr_screening_answer_text(NULL));
	ck_assert_uint_eq(mfr_screening_answer_precaution_count(NULL), 0);
	ck_assert_ptr_null(mfr_screening_answer_precaution_at(NULL, 0));
	ck_assert_uint_eq(mfr_screening_answer_stage(NULL), 0);
	ck_assert_int_eq(mfr_screening_answer_needs_site(NULL), 0);
	ck_assert_ptr_null(mfr_screening_provenance(NULL));
	ck_assert_ptr_null(mfr_technique_key(NULL));
	ck_assert_uint_eq(mfr_technique_index(NULL), 0);
	ck_assert_int_eq(mfr_technique_family(NULL), 0);
	ck_assert_int_eq(mfr_technique_approach(NULL), 0);
	ck_assert_int_eq(mfr_technique_pressure_min(NULL), 0);
	ck_assert_int_eq(mfr_technique_pressure_max(NULL), 0);
	ck_assert_int_eq(mfr_technique_depth(NULL), 0);
	ck_assert_int_eq(mfr_technique_has_hold(NULL), 0);
	ck_assert_uint_eq(mfr_technique_hold_min(NULL), 0);
	ck_assert_uint_eq(mfr_technique_hold_max(NULL), 0);
	ck_assert_uint_eq(mfr_technique_max_sites(NULL), 0);
	ck_assert_int_eq(mfr_technique_hold_convention(NULL), 0);
	ck_assert_uint_eq(mfr_technique_positions(NULL), 0);
	ck_assert_uint_eq(mfr_technique_suits(NULL), 0);
	ck_assert_uint_eq(mfr_technique_region_count(NULL), 0);
	ck_assert_ptr_null(mfr_technique_region_at(NULL, 0));
	ck_assert_ptr_null(mfr_technique_provenance(NULL));
	ck_assert_uint_eq(mfr_trace_result_count(NULL), 0);
	ck_assert_ptr_null(mfr_trace_result_at(NULL, 0));
	ck_assert_ptr_null(mfr_trace_result_region(NULL));
	ck_assert_int_eq(mfr_trace_result_side(NULL), 0);
	ck_assert(mfr_trace_result_score(NULL) == 0.0);
	ck_assert_int_eq(mfr_trace_result_distance(NULL), 0);
	ck_assert_ptr_null(mfr_trace_result_explain(NULL));
	ck_assert_uint_eq(mfr_trace_result_path_count(NULL), 0);
	ck_assert_ptr_null(mfr_trace_result_path_at(NULL, 0));
	ck_assert_uint_eq(mfr_trace_path_symptom(NULL), 0);
	ck_assert(mfr_trace_path_score(NULL) == 0.0);
	ck_assert_uint_eq(mfr_trace_path_step_count(NULL), 0);
	ck_assert_ptr_null(mfr_trace_path_step_at(NULL, 0));
	ck_assert_ptr_null(mfr_trace_path_step_from(NULL));
	ck_assert_int_eq(mfr_trace_path_step_from_side(NULL), 0);
	ck_assert_ptr_null(mfr_trace_path_step_to(NULL));
	ck_assert_int_eq(mfr_trace_path_step_to_side(NULL), 0);
	ck_assert_int_eq(mfr_trace_path_step_relation(NULL), 0);
	ck_assert_ptr_null(mfr_trace_path_step_line(NULL));
	ck_assert_int_eq(mfr_trace_path_step_crosses(NULL), 0);
	ck_assert_ptr_null(mfr_trace_path_step_referral(NULL));
	ck_assert_int_eq(mfr_trace_path_step_zone(NULL), 0);
	ck_assert(mfr_trace_path_step_factor(NULL) == 0.0);
}
END_TEST

/* count(parent) items, each a handle: at(parent, i) is non-NULL and the
 * same every time; past the end, and for NULL, NULL. */
#define CHECK_LIST(count_fn, at_fn, parent)                                  \
	do {                                                                 \
		uint32_t n_ = count_fn(parent);                              \
		for (uint32_t i_ = 0; i_ < n_; i_++) {                       \
			ck_assert_ptr_nonnull(at_fn(parent, i_));            \
			ck_assert_ptr_eq(at_fn(parent, i_), at_fn(parent, i_)); \
		}                                                            \
		ck_assert_ptr_null(at_fn(parent, n_));                       \
		ck_assert_ptr_null(at_fn(parent, UINT32_MAX));               \
		ck_assert_ptr_null(at_fn(NULL, 0));                          \
		ck_assert_uint_eq(count_fn(NULL), 0);                        \
	} while (0)

/* The model's own lists, as count functions of one argument. */
#define MODEL_COUNT(fn, kind)                           \
	static uint32_t fn(const mfr_model *m)          \
	{                                               \
		return mfr_model_count(m, kind);        \
	}
MODEL_COUNT(m_regions, MFR_KIND_REGION)
MODEL_COUNT(m_lines, MFR_KIND_LINE)
MODEL_COUNT(m_referrals, MFR_KIND_REFERRAL)
MODEL_COUNT(m_techniques, MFR_KIND_TECHNIQUE)
MODEL_COUNT(m_conditions, MFR_KIND_CONDITION)
MODEL_COUNT(m_precautions, MFR_KIND_PRECAUTION)
MODEL_COUNT(m_sources, MFR_KIND_SOURCE)
MODEL_COUNT(m_aftercare, MFR_KIND_AFTERCARE)
MODEL_COUNT(m_danger_zones, MFR_KIND_DANGER_ZONE)
MODEL_COUNT(m_screenings, MFR_KIND_SCREENING)

static void check_provenance(const mfr_provenance *p)
{
	CHECK_LIST(mfr_provenance_source_count, mfr_provenance_source_at, p);
}

/* Every list of every entity of the default model. */
START_TEST(model_lists)
{
	mfr_model *m = NULL;
	uint32_t i, k;

	mfr_test_assert_ok(mfr_model_default(&m, NULL), NULL, "default model");
	CHECK_LIST(m_regions, mfr_model_region_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_REGION); i++) {
		const mfr_region *r = mfr_model_region_at(m, i);

		CHECK_LIST(mfr_region_child_count, mfr_region_child_at, r);
		CHECK_LIST(mfr_region_adjacent_count, mfr_region_adjacent_at, r);
		check_provenance(mfr_region_provenance(r));
	}
	CHECK_LIST(m_lines, mfr_model_line_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_LINE); i++) {
		const mfr_line *l = mfr_model_line_at(m, i);

		CHECK_LIST(mfr_line_evidence_source_count, mfr_line_evidence_source_at, l);
		CHECK_LIST(mfr_line_branch_count, mfr_line_branch_at, l);
		for (k = 0; k < mfr_line_branch_count(l); k++) {
			const mfr_line_branch *b = mfr_line_branch_at(l, k);

			CHECK_LIST(mfr_line_branch_node_count, mfr_line_branch_node_at, b);
			for (uint32_t j = 0; j < mfr_line_branch_node_count(b); j++)
				CHECK_LIST(mfr_line_node_region_count, mfr_line_node_region_at,
					   mfr_line_branch_node_at(b, j));
		}
		check_provenance(mfr_line_provenance(l));
	}
	CHECK_LIST(m_referrals, mfr_model_referral_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_REFERRAL); i++) {
		const mfr_referral *r = mfr_model_referral_at(m, i);

		CHECK_LIST(mfr_referral_zone_count, mfr_referral_zone_at, r);
		for (k = 0; k < mfr_referral_zone_count(r); k++) {
			const mfr_referral_zone *z = mfr_referral_zone_at(r, k);

			ck_assert_ptr_nonnull(mfr_referral_zone_area(z));
			ck_assert_ptr_nonnull(mfr_zone_kind_name(mfr_referral_zone_kind(z)));
			ck_assert_ptr_nonnull(mfr_frequency_name(mfr_referral_zone_frequency(z)));
		}
	}
	CHECK_LIST(m_techniques, mfr_model_technique_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_TECHNIQUE); i++)
		CHECK_LIST(mfr_technique_region_count, mfr_technique_region_at,
			   mfr_model_technique_at(m, i));
	CHECK_LIST(m_conditions, mfr_model_condition_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_CONDITION); i++) {
		const mfr_condition *c = mfr_model_condition_at(m, i);

		CHECK_LIST(mfr_condition_icd10cm_count, mfr_condition_icd10cm_at, c);
		CHECK_LIST(mfr_condition_snomed_count, mfr_condition_snomed_at, c);
		CHECK_LIST(mfr_condition_area_count, mfr_condition_area_at, c);
		CHECK_LIST(mfr_condition_line_count, mfr_condition_line_at, c);
		CHECK_LIST(mfr_condition_region_count, mfr_condition_region_at, c);
		CHECK_LIST(mfr_condition_site_technique_count, mfr_condition_site_technique_at, c);
		CHECK_LIST(mfr_condition_screening_count, mfr_condition_screening_at, c);
		/* Absent text is NULL, never "". */
		ck_assert(!mfr_condition_evidence(c) || *mfr_condition_evidence(c));
	}
	CHECK_LIST(m_precautions, mfr_model_precaution_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_PRECAUTION); i++) {
		const mfr_precaution *p = mfr_model_precaution_at(m, i);

		CHECK_LIST(mfr_precaution_avoid_region_count, mfr_precaution_avoid_region_at, p);
		CHECK_LIST(mfr_precaution_excluded_technique_count,
			   mfr_precaution_excluded_technique_at, p);
		CHECK_LIST(mfr_precaution_clearance_area_count, mfr_precaution_clearance_area_at,
			   p);
		CHECK_LIST(mfr_precaution_widening_count, mfr_precaution_widening_at, p);
		for (k = 0; k < mfr_precaution_widening_count(p); k++) {
			const mfr_precaution_widening *w = mfr_precaution_widening_at(p, k);

			ck_assert_ptr_nonnull(mfr_precaution_widening_region(w));
			CHECK_LIST(mfr_precaution_widening_with_count,
				   mfr_precaution_widening_with_at, w);
		}
		CHECK_LIST(mfr_precaution_position_limit_count, mfr_precaution_position_limit_at,
			   p);
		for (k = 0; k < mfr_precaution_position_limit_count(p); k++) {
			const mfr_precaution_position_limit *l =
				mfr_precaution_position_limit_at(p, k);

			ck_assert_ptr_nonnull(mfr_position_name(
				mfr_precaution_position_limit_position(l)));
			ck_assert_uint_ge(mfr_precaution_position_limit_from_stage(l), 1);
			CHECK_LIST(mfr_precaution_position_limit_region_count,
				   mfr_precaution_position_limit_region_at, l);
		}
		ck_assert_int_eq(mfr_precaution_stage_count(p) > 0,
				 mfr_precaution_stage_name(p) != NULL);
	}
	CHECK_LIST(m_sources, mfr_model_source_at, m);
	CHECK_LIST(m_aftercare, mfr_model_aftercare_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_AFTERCARE); i++)
		CHECK_LIST(mfr_aftercare_when_count, mfr_aftercare_when_at,
			   mfr_model_aftercare_at(m, i));
	CHECK_LIST(m_danger_zones, mfr_model_danger_zone_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_DANGER_ZONE); i++) {
		const mfr_danger_zone *z = mfr_model_danger_zone_at(m, i);

		CHECK_LIST(mfr_danger_zone_region_count, mfr_danger_zone_region_at, z);
		CHECK_LIST(mfr_danger_zone_excluded_technique_count,
			   mfr_danger_zone_excluded_technique_at, z);
	}
	CHECK_LIST(m_screenings, mfr_model_screening_at, m);
	for (i = 0; i < mfr_model_count(m, MFR_KIND_SCREENING); i++) {
		const mfr_screening *q = mfr_model_screening_at(m, i);

		CHECK_LIST(mfr_screening_answer_count, mfr_screening_answer_at, q);
		CHECK_LIST(mfr_screening_symptom_area_count, mfr_screening_symptom_area_at, q);
		for (k = 0; k < mfr_screening_answer_count(q); k++) {
			const mfr_screening_answer *a = mfr_screening_answer_at(q, k);

			ck_assert_ptr_nonnull(mfr_screening_answer_key(a));
			ck_assert_ptr_nonnull(mfr_screening_answer_text(a));
			CHECK_LIST(mfr_screening_answer_precaution_count,
				   mfr_screening_answer_precaution_at, a);
		}
	}
	mfr_model_free(m);
}
END_TEST

/* The lists of an intake, a trace, a plan and a program. */
START_TEST(run_lists)
{
	static const char doc[] =
		"{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 6,"
		" \"onset\": \"acute\"}, {\"region\": \"low_back\", \"side\": \"right\","
		" \"intensity\": 4, \"onset\": \"chronic\"}],"
		" \"conditions\": [\"plantar_fasciitis\"],"
		" \"precautions\": [{\"key\": \"open_wound\", \"region\": \"calf\","
		" \"side\": \"left\"}], \"clearances\": [\"open_wound\"]}";
	mfr_test_run run;

	mfr_test_run_make(&run, doc, 4, 2);
	const mfr_model *m = run.model;
	const mfr_intake *in = run.intake;
	const mfr_trace *t = run.trace;
	const mfr_plan *p = run.plan;
	const mfr_program *pg = run.program;
	CHECK_LIST(mfr_intake_symptom_count, mfr_intake_symptom_at, in);
	CHECK_LIST(mfr_intake_condition_count, mfr_intake_condition_at, in);
	CHECK_LIST(mfr_intake_precaution_count, mfr_intake_precaution_at, in);
	CHECK_LIST(mfr_intake_clearance_count, mfr_intake_clearance_at, in);

	/* A symptom and a recorded precaution read back what was added. */
	const mfr_intake_symptom *s = mfr_intake_symptom_at(in, 1);
	ck_assert_str_eq(mfr_region_key(mfr_intake_symptom_region(s)), "low_back");
	ck_assert_int_eq(mfr_intake_symptom_side(s), MFR_SIDE_RIGHT);
	ck_assert_int_eq(mfr_intake_symptom_intensity(s), 4);
	ck_assert_int_eq(mfr_intake_symptom_onset(s), MFR_ONSET_CHRONIC);
	const mfr_intake_precaution *r = mfr_intake_precaution_at(in, 0);
	ck_assert_str_eq(mfr_precaution_key(mfr_intake_precaution_precaution(r)), "open_wound");
	ck_assert_str_eq(mfr_region_key(mfr_intake_precaution_region(r)), "calf");
	ck_assert_int_eq(mfr_intake_precaution_side(r), MFR_SIDE_LEFT);

	CHECK_LIST(mfr_trace_result_count, mfr_trace_result_at, t);
	ck_assert_uint_gt(mfr_trace_result_count(t), 0);
	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const mfr_trace_result *res = mfr_trace_result_at(t, i);

		CHECK_LIST(mfr_trace_result_path_count, mfr_trace_result_path_at, res);
		for (uint32_t k = 0; k < mfr_trace_result_path_count(res); k++) {
			const mfr_trace_path *path = mfr_trace_result_path_at(res, k);

			CHECK_LIST(mfr_trace_path_step_count, mfr_trace_path_step_at, path);
			/* Steps chain: each leaves from where the last arrived. */
			for (uint32_t j = 1; j < mfr_trace_path_step_count(path); j++) {
				const mfr_trace_path_step *a = mfr_trace_path_step_at(path, j - 1);
				const mfr_trace_path_step *b = mfr_trace_path_step_at(path, j);

				ck_assert_ptr_eq(mfr_trace_path_step_to(a),
						 mfr_trace_path_step_from(b));
				ck_assert_int_eq(mfr_trace_path_step_to_side(a),
						 mfr_trace_path_step_from_side(b));
			}
		}
	}

	CHECK_LIST(mfr_plan_step_count, mfr_plan_step_at, p);
	CHECK_LIST(mfr_plan_warning_count, mfr_plan_warning_at, p);
	CHECK_LIST(mfr_plan_aftercare_count, mfr_plan_aftercare_at, p);
	ck_assert_uint_gt(mfr_plan_step_count(p), 0);
	ck_assert_uint_gt(mfr_plan_aftercare_count(p), 0);
	/* A plan's aftercare items are the model's own. */
	for (uint32_t i = 0; i < mfr_plan_aftercare_count(p); i++) {
		const mfr_aftercare *a = mfr_plan_aftercare_at(p, i);

		ck_assert_ptr_eq(a, mfr_model_aftercare(m, mfr_aftercare_key(a)));
	}

	CHECK_LIST(mfr_program_session_count, mfr_program_session_at, pg);
	ck_assert_uint_eq(mfr_program_session_count(pg), 4);
	for (uint32_t i = 0; i < mfr_program_session_count(pg); i++) {
		const mfr_program_session *ps = mfr_program_session_at(pg, i);

		ck_assert_ptr_nonnull(mfr_program_session_plan(ps));
		ck_assert_ptr_nonnull(mfr_program_session_focus(ps));
		if (i)
			ck_assert_uint_gt(mfr_program_session_day(ps),
					  mfr_program_session_day(mfr_program_session_at(pg, i - 1)));
	}
	ck_assert_int_eq(mfr_program_session_reassess(mfr_program_session_at(pg, 0)), 1);

	mfr_test_run_free(&run);
}
END_TEST

/* The holders of a model (lib/model-private.h): the caller's references
 * and one for each intake, trace and plan built on it. */
static uint32_t holders(const mfr_model *m)
{
	return (uint32_t)atomic_load(&m->refs);
}

START_TEST(model_references)
{
	mfr_model *m = NULL;
	mfr_intake *in = NULL;
	mfr_trace *t = NULL;
	mfr_plan *p = NULL;
	mfr_program *pg = NULL;

	ck_assert_ptr_null(mfr_model_ref(NULL));
	mfr_model_unref(NULL);
	mfr_test_assert_ok(mfr_model_default(&m, NULL), NULL, "default model");
	ck_assert_uint_eq(holders(m), 1);
	ck_assert_ptr_eq(mfr_model_ref(m), m);
	ck_assert_uint_eq(holders(m), 2);
	mfr_model_unref(m);
	ck_assert_uint_eq(holders(m), 1);

	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	ck_assert_uint_eq(holders(m), 2);
	mfr_test_assert_ok(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 6,
						  MFR_ONSET_CHRONIC, NULL), NULL, "symptom");
	/* The caller lets go of the model: the intake keeps it. */
	mfr_model_free(m);
	ck_assert_uint_eq(holders(mfr_intake_model(in)), 1);
	ck_assert_str_eq(mfr_model_name(mfr_intake_model(in)),
			 mfr_model_name(mfr_intake_model(in)));
	mfr_test_assert_ok(mfr_intake_add_condition(in, "plantar_fasciitis", NULL), NULL,
			   "condition after the model was dropped");
	mfr_test_assert_ok(mfr_trace_run(in, NULL, &t, NULL), NULL, "trace");
	mfr_test_assert_ok(mfr_plan_run(in, NULL, &p, NULL), NULL, "plan");
	mfr_test_assert_ok(mfr_program_run(in, 3, 2, NULL, &pg, NULL), NULL, "program");
	/* The intake, the trace, the plan and the program's three plans. */
	ck_assert_uint_eq(holders(mfr_intake_model(in)), 6);
	/* A reference from a const pointer: the model outlives the intake. */
	m = mfr_model_ref(mfr_intake_model(in));
	mfr_intake_free(in);
	ck_assert_uint_eq(holders(m), 6);
	mfr_program_free(pg);
	mfr_trace_free(t);
	ck_assert_uint_eq(holders(m), 2);
	/* The plan still reads what it borrows from the model. */
	ck_assert_ptr_nonnull(mfr_region_key(mfr_plan_step_region(mfr_plan_step_at(p, 0))));
	ck_assert_ptr_eq(mfr_plan_step_region(mfr_plan_step_at(p, 0)),
			 mfr_model_region(m, mfr_region_key(mfr_plan_step_region(
				 mfr_plan_step_at(p, 0)))));
	mfr_model_unref(m);
	ck_assert_ptr_nonnull(mfr_technique_key(mfr_plan_step_technique(mfr_plan_step_at(p, 0))));
	mfr_plan_free(p); /* the last holder: valgrind and ASan see the model go */
}
END_TEST

Suite *mfr_test_api_suite(void)
{
	Suite *s = suite_create("api");
	TCase *tc = tcase_create("grammar");

	tcase_add_test(tc, null_getters);
	tcase_add_test(tc, model_lists);
	tcase_add_test(tc, run_lists);
	tcase_add_test(tc, model_references);
	suite_add_tcase(s, tc);
	return s;
}
