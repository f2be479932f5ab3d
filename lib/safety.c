/*
 * libmfr - getters of danger zones, doses and screening questions.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_danger_zone_key, mfr_danger_zone, key, NULL)
MFR_GETTER(const char *, mfr_danger_zone_name, mfr_danger_zone, name, NULL)
MFR_GETTER(uint32_t, mfr_danger_zone_index, mfr_danger_zone, index, 0)
MFR_GETTER(mfr_pressure_t, mfr_danger_zone_pressure_ceiling, mfr_danger_zone, pressure_ceiling, 0)
MFR_GETTER(const char *, mfr_danger_zone_effect, mfr_danger_zone, effect, NULL)
MFR_GETTER(uint32_t, mfr_danger_zone_region_kinds, mfr_danger_zone, region_kinds, 0)
MFR_LIST_GETTER(mfr_danger_zone_region, mfr_danger_zone, const mfr_region *, regions,
		region_count)
MFR_LIST_GETTER(mfr_danger_zone_excluded_technique, mfr_danger_zone, const mfr_technique *,
		excluded_techniques, excluded_technique_count)
MFR_PROVENANCE_GETTER(mfr_danger_zone_provenance, mfr_danger_zone)

MFR_EXPORT const mfr_danger_zone *mfr_model_danger_zone_covering(const mfr_model *m,
								  const mfr_region *r)
{
	for (uint32_t i = 0; m && r && i < m->danger_zone_count; i++) {
		const mfr_danger_zone *z = &m->danger_zones[i];

		if (z->region_kinds & (1u << r->kind))
			return z;
		for (uint32_t k = 0; k < z->region_count; k++)
			if (mfr_region_is_within(r, z->regions[k]))
				return z;
	}
	return NULL;
}

MFR_GETTER(mfr_pressure_t, mfr_dose_pressure_ceiling, mfr_dose, pressure_ceiling, 0)
MFR_GETTER(int, mfr_dose_indirect_only, mfr_dose, indirect_only, 0)
MFR_GETTER(uint32_t, mfr_dose_max_minutes, mfr_dose, max_minutes, 0)
MFR_GETTER(uint32_t, mfr_dose_hold_min, mfr_dose, hold_min, 0)
MFR_GETTER(uint32_t, mfr_dose_hold_max, mfr_dose, hold_max, 0)
MFR_GETTER(int, mfr_dose_progresses, mfr_dose, no_progression ? 0 : 1, 1)
MFR_PROVENANCE_GETTER(mfr_dose_provenance, mfr_dose)

MFR_GETTER(const char *, mfr_screening_key, mfr_screening, key, NULL)
MFR_GETTER(const char *, mfr_screening_text, mfr_screening, text, NULL)
MFR_GETTER(uint32_t, mfr_screening_index, mfr_screening, index, 0)
MFR_PROVENANCE_GETTER(mfr_screening_provenance, mfr_screening)
MFR_HANDLE_LIST(mfr_screening_answer, mfr_screening, answers, answer_count)
MFR_GETTER(const char *, mfr_screening_answer_key, mfr_screening_answer, key, NULL)
MFR_GETTER(const char *, mfr_screening_answer_text, mfr_screening_answer, text, NULL)
MFR_GETTER(uint32_t, mfr_screening_answer_stage, mfr_screening_answer, stage, 0)
MFR_GETTER(int, mfr_screening_answer_needs_site, mfr_screening_answer, needs_site, 0)
MFR_LIST_GETTER(mfr_screening_answer_precaution, mfr_screening_answer,
		const mfr_precaution *, precautions, precaution_count)
MFR_LIST_GETTER(mfr_screening_symptom_area, mfr_screening, const mfr_region *,
		symptom_areas, symptom_area_count)

int mfr__answer_sets(const mfr_screening *q,
		     int (*holds)(const mfr_precaution *pr, const void *arg), const void *arg)
{
	for (uint32_t i = 0; i < q->answer_count; i++)
		for (uint32_t j = 0; j < q->answers[i].precaution_count; j++)
			if (holds(q->answers[i].precautions[j], arg))
				return 1;
	return 0;
}

int mfr__is_precaution(const mfr_precaution *pr, const void *arg)
{
	return pr == arg;
}
