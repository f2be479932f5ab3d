/*
 * libmfr - precaution getters.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_precaution_key, mfr_precaution, key, NULL)
MFR_GETTER(const char *, mfr_precaution_name, mfr_precaution, name, NULL)
MFR_GETTER(uint32_t, mfr_precaution_index, mfr_precaution, index, 0)
MFR_GETTER(int, mfr_precaution_scope, mfr_precaution, scope, 0)
MFR_GETTER(int, mfr_precaution_severity, mfr_precaution, severity, 0)
MFR_GETTER(int, mfr_precaution_needs_clearance, mfr_precaution, needs_clearance, 0)
MFR_GETTER(int, mfr_precaution_avoid_site, mfr_precaution, avoid_site, 0)
MFR_GETTER(int, mfr_precaution_avoid_adjacent, mfr_precaution, avoid_adjacent, 0)
MFR_GETTER(int, mfr_precaution_pressure_ceiling, mfr_precaution, pressure_ceiling, 0)
MFR_GETTER(const char *, mfr_precaution_effect, mfr_precaution, effect, NULL)
MFR_LIST_GETTER(mfr_precaution_avoid_region, mfr_precaution, const mfr_region *,
		avoid_regions, avoid_region_count)
MFR_LIST_GETTER(mfr_precaution_excluded_technique, mfr_precaution,
		const mfr_technique *, excluded_techniques, excluded_technique_count)
MFR_PROVENANCE_GETTER(mfr_precaution_provenance, mfr_precaution)
