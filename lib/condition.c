/*
 * libmfr - condition getters.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_condition_key, mfr_condition, key, NULL)
MFR_GETTER(const char *, mfr_condition_name, mfr_condition, name, NULL)
MFR_GETTER(uint32_t, mfr_condition_index, mfr_condition, index, 0)
MFR_TEXT_GETTER(mfr_condition_evidence, mfr_condition, evidence)
MFR_GETTER(uint32_t, mfr_condition_relations, mfr_condition, relations, 0)
MFR_LIST_GETTER(mfr_condition_icd10cm, mfr_condition, const char *, icd10cm, icd10cm_count)
MFR_LIST_GETTER(mfr_condition_snomed, mfr_condition, const char *, snomed, snomed_count)
MFR_LIST_GETTER(mfr_condition_area, mfr_condition, const mfr_region *, areas, area_count)
MFR_LIST_GETTER(mfr_condition_line, mfr_condition, const mfr_line *, lines, line_count)
MFR_LIST_GETTER(mfr_condition_region, mfr_condition, const mfr_region *, regions,
		region_count)
MFR_LIST_GETTER(mfr_condition_site_technique, mfr_condition, const mfr_technique *,
		site_techniques, site_technique_count)
MFR_LIST_GETTER(mfr_condition_trigger_point_technique, mfr_condition, const mfr_technique *,
		trigger_point_techniques, trigger_point_technique_count)
MFR_LIST_GETTER(mfr_condition_screening, mfr_condition, const mfr_screening *,
		screening, screening_count)
MFR_LIST_GETTER(mfr_condition_synonym, mfr_condition, const char *, synonyms, synonym_count)
MFR_GETTER(const mfr_dose *, mfr_condition_dose, mfr_condition, dose, NULL)
MFR_PROVENANCE_GETTER(mfr_condition_provenance, mfr_condition)
