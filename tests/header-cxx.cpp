/*
 * libmfr header hygiene: the umbrella header compiles as C++ (its
 * declarations have C linkage), and a C++ program links against the shared
 * library. Every public enumeration is 32 bits wide in C++ too (the C
 * side is checked where the library is built, lib/names.c).
 * SPDX-License-Identifier: MIT
 */
#include <mfr/mfr.h>

static_assert(sizeof(mfr_status_t) == 4, "mfr_status_t is 32 bits wide");
static_assert(sizeof(mfr_side_t) == 4, "mfr_side_t is 32 bits wide");
static_assert(sizeof(mfr_position_t) == 4, "mfr_position_t is 32 bits wide");
static_assert(sizeof(mfr_depth_t) == 4, "mfr_depth_t is 32 bits wide");
static_assert(sizeof(mfr_pressure_t) == 4, "mfr_pressure_t is 32 bits wide");
static_assert(sizeof(mfr_evidence_t) == 4, "mfr_evidence_t is 32 bits wide");
static_assert(sizeof(mfr_onset_t) == 4, "mfr_onset_t is 32 bits wide");
static_assert(sizeof(mfr_node_kind_t) == 4, "mfr_node_kind_t is 32 bits wide");
static_assert(sizeof(mfr_line_side_t) == 4, "mfr_line_side_t is 32 bits wide");
static_assert(sizeof(mfr_kind_t) == 4, "mfr_kind_t is 32 bits wide");
static_assert(sizeof(mfr_aftercare_kind_t) == 4, "mfr_aftercare_kind_t is 32 bits wide");
static_assert(sizeof(mfr_plan_status_t) == 4, "mfr_plan_status_t is 32 bits wide");
static_assert(sizeof(mfr_phase_t) == 4, "mfr_phase_t is 32 bits wide");
static_assert(sizeof(mfr_warning_kind_t) == 4, "mfr_warning_kind_t is 32 bits wide");
static_assert(sizeof(mfr_step_flag_t) == 4, "mfr_step_flag_t is 32 bits wide");
static_assert(sizeof(mfr_scope_t) == 4, "mfr_scope_t is 32 bits wide");
static_assert(sizeof(mfr_severity_t) == 4, "mfr_severity_t is 32 bits wide");
static_assert(sizeof(mfr_zone_kind_t) == 4, "mfr_zone_kind_t is 32 bits wide");
static_assert(sizeof(mfr_frequency_t) == 4, "mfr_frequency_t is 32 bits wide");
static_assert(sizeof(mfr_region_kind_t) == 4, "mfr_region_kind_t is 32 bits wide");
static_assert(sizeof(mfr_laterality_t) == 4, "mfr_laterality_t is 32 bits wide");
static_assert(sizeof(mfr_access_t) == 4, "mfr_access_t is 32 bits wide");
static_assert(sizeof(mfr_family_t) == 4, "mfr_family_t is 32 bits wide");
static_assert(sizeof(mfr_approach_t) == 4, "mfr_approach_t is 32 bits wide");
static_assert(sizeof(mfr_suits_t) == 4, "mfr_suits_t is 32 bits wide");
static_assert(sizeof(mfr_relation_t) == 4, "mfr_relation_t is 32 bits wide");
static_assert(sizeof(mfr_distance_t) == 4, "mfr_distance_t is 32 bits wide");

int main()
{
	mfr_model *model = nullptr;
	mfr_status_t st = mfr_model_default(&model, nullptr);
	int ok = st == MFR_OK && mfr_model_count(model, MFR_KIND_REGION) > 0 &&
		 mfr_version_number() == MFR_VERSION_NUMBER;

	mfr_model_free(model);
	return ok ? 0 : 1;
}
