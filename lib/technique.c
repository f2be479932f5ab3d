/*
 * libmfr - technique getters.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_technique_key, mfr_technique, key, NULL)
MFR_GETTER(const char *, mfr_technique_name, mfr_technique, name, NULL)
MFR_GETTER(uint32_t, mfr_technique_index, mfr_technique, index, 0)
MFR_GETTER(mfr_family_t, mfr_technique_family, mfr_technique, family, 0)
MFR_GETTER(mfr_approach_t, mfr_technique_approach, mfr_technique, approach, 0)
MFR_GETTER(mfr_pressure_t, mfr_technique_pressure_min, mfr_technique, pressure_min, 0)
MFR_GETTER(mfr_pressure_t, mfr_technique_pressure_max, mfr_technique, pressure_max, 0)
MFR_GETTER(mfr_depth_t, mfr_technique_depth, mfr_technique, depth, 0)
MFR_GETTER(int, mfr_technique_has_hold, mfr_technique, has_hold, 0)
MFR_GETTER(uint32_t, mfr_technique_hold_min, mfr_technique, hold_min, 0)
MFR_GETTER(uint32_t, mfr_technique_hold_max, mfr_technique, hold_max, 0)
MFR_GETTER(uint32_t, mfr_technique_max_sites, mfr_technique, max_sites, 0)
MFR_GETTER(int, mfr_technique_hold_convention, mfr_technique, hold_convention, 0)
MFR_GETTER(uint32_t, mfr_technique_positions, mfr_technique, positions, 0)
MFR_GETTER(uint32_t, mfr_technique_suits, mfr_technique, suits, 0)
MFR_LIST_GETTER(mfr_technique_region, mfr_technique, const mfr_region *, regions,
		region_count)
MFR_PROVENANCE_GETTER(mfr_technique_provenance, mfr_technique)
