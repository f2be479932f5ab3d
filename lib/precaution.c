/*
 * libmfr - precaution getters.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_precaution_key, mfr_precaution, key, NULL)
MFR_GETTER(const char *, mfr_precaution_name, mfr_precaution, name, NULL)
MFR_GETTER(uint32_t, mfr_precaution_index, mfr_precaution, index, 0)
MFR_GETTER(mfr_scope_t, mfr_precaution_scope, mfr_precaution, scope, 0)
MFR_GETTER(mfr_severity_t, mfr_precaution_severity, mfr_precaution, severity, 0)
MFR_GETTER(int, mfr_precaution_needs_clearance, mfr_precaution, needs_clearance, 0)
MFR_GETTER(int, mfr_precaution_avoid_site, mfr_precaution, avoid_site, 0)
MFR_GETTER(int, mfr_precaution_avoid_adjacent, mfr_precaution, avoid_adjacent, 0)
MFR_GETTER(mfr_pressure_t, mfr_precaution_pressure_ceiling, mfr_precaution, pressure_ceiling, 0)
MFR_GETTER(const char *, mfr_precaution_effect, mfr_precaution, effect, NULL)
MFR_LIST_GETTER(mfr_precaution_avoid_region, mfr_precaution, const mfr_region *,
		avoid_regions, avoid_region_count)
MFR_LIST_GETTER(mfr_precaution_avoid_until_cleared, mfr_precaution, const mfr_region *,
		avoid_until_cleared, avoid_until_cleared_count)
MFR_LIST_GETTER(mfr_precaution_excluded_technique, mfr_precaution,
		const mfr_technique *, excluded_techniques, excluded_technique_count)
MFR_PROVENANCE_GETTER(mfr_precaution_provenance, mfr_precaution)
MFR_GETTER(int, mfr_precaution_site_scoped, mfr_precaution, site_scoped, 0)
MFR_GETTER(int, mfr_precaution_site_optional, mfr_precaution, site_optional, 0)
MFR_GETTER(int, mfr_precaution_refer_first, mfr_precaution, refer_first, 0)
MFR_GETTER(uint32_t, mfr_precaution_stage_count, mfr_precaution, stage_count, 0)
MFR_TEXT_GETTER(mfr_precaution_stage_name, mfr_precaution, stage_name)
MFR_GETTER(const mfr_dose *, mfr_precaution_dose, mfr_precaution, dose, NULL)
MFR_HANDLE_LIST(mfr_precaution_widening, mfr_precaution, widen_to, widen_count)
MFR_GETTER(const mfr_region *, mfr_precaution_widening_region, mfr_precaution_widening,
	   region, NULL)
MFR_LIST_GETTER(mfr_precaution_widening_with, mfr_precaution_widening, const mfr_region *,
		with, with_count)
MFR_LIST_GETTER(mfr_precaution_screening, mfr_precaution, const mfr_screening *,
		screening, screening_count)
MFR_LIST_GETTER(mfr_precaution_clearance_area, mfr_precaution, const mfr_region *,
		clearance_areas, clearance_area_count)
MFR_HANDLE_LIST(mfr_precaution_position_limit, mfr_precaution, position_limits,
		position_limit_count)
MFR_GETTER(mfr_position_t, mfr_precaution_position_limit_position,
	   mfr_precaution_position_limit, position, 0)
MFR_GETTER(uint32_t, mfr_precaution_position_limit_from_stage,
	   mfr_precaution_position_limit, from_stage, 0)
MFR_LIST_GETTER(mfr_precaution_position_limit_region, mfr_precaution_position_limit,
		const mfr_region *, regions, region_count)
