/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/safety.h
 * @brief What keeps a plan safe beyond the precautions themselves: danger
 *        zones (endangerment sites), doses (what a condition or precaution
 *        does to the work) and the screening questions a clinic asks.
 *
 * Everything returned borrows from the model. Thread-safe on a shared model.
 * doc/safety.md states how a plan applies each of them.
 */
#ifndef MFR_SAFETY_H
#define MFR_SAFETY_H

#include "mfr/model.h"

MFR_BEGIN_DECLS

/**
 * @defgroup safety Danger zones, doses and screening
 * @{
 */

/** One answer a screening question offers: a handle borrowed from the model. @since 0.2.0 */
typedef struct mfr_screening_answer mfr_screening_answer;

/**
 * @name Danger zones
 * An endangerment site (the anterior triangle of the neck, the femoral
 * triangle, ...) with a pressure ceiling and the techniques it excludes.
 * It holds for every client: every plan step on a region within one of the
 * zone's regions, or of a kind it covers, obeys it, and the plan says so.
 * Deep tissue within a zone whose ceiling is below moderate is not worked:
 * that pressure does not reach it.
 * @{
 */
/** The stable key ("anterior_triangle_neck"), or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_danger_zone_key(const mfr_danger_zone *zone);
/** The display name, or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_danger_zone_name(const mfr_danger_zone *zone);
/** Its position in its model (0-based). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_danger_zone_index(const mfr_danger_zone *zone);
/** How many regions it covers (with everything within them); may be 0 when it covers kinds. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_danger_zone_region_count(const mfr_danger_zone *zone);
/** The @p index -th region it covers, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_danger_zone_region_at(const mfr_danger_zone *zone,
							uint32_t index);
/**
 * The kinds of region it covers wherever they are (bony prominences: every
 * #MFR_REGION_BONE): a mask with bit (1 << ::mfr_region_kind_t) set for each.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_danger_zone_region_kinds(const mfr_danger_zone *zone);
/** The firmest ::mfr_pressure_t allowed in it, or 0 for NULL. @since 0.2.0 */
MFR_EXPORT mfr_pressure_t mfr_danger_zone_pressure_ceiling(const mfr_danger_zone *zone);
/** How many techniques it rules out. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_danger_zone_excluded_technique_count(const mfr_danger_zone *zone);
/** The @p index -th technique it rules out, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_technique *mfr_danger_zone_excluded_technique_at(const mfr_danger_zone *zone,
									uint32_t index);
/** What it asks of the therapist, in the source's words. @since 0.2.0 */
MFR_EXPORT const char *mfr_danger_zone_effect(const mfr_danger_zone *zone);
/** Where its content comes from. @since 0.2.0 */
MFR_EXPORT const mfr_provenance *mfr_danger_zone_provenance(const mfr_danger_zone *zone);
/**
 * The first danger zone of @p model that covers @p region (the region is
 * within one of the zone's regions, or of a kind it covers), or NULL.
 * @since 0.2.0
 */
MFR_EXPORT const mfr_danger_zone *mfr_model_danger_zone_covering(const mfr_model *model,
								  const mfr_region *region);
/** @} */

/**
 * @name Doses
 * What a condition (mfr_condition_dose()) or a precaution
 * (mfr_precaution_dose()) does to the work, where the sources say so: a
 * pressure ceiling, indirect work only, a session length, a hold range,
 * and whether a program may progress to firmer, direct work. A plan takes
 * the strictest of every dose its intake brings in.
 * @{
 */
/** The firmest ::mfr_pressure_t allowed, or 0 when it sets none. @since 0.2.0 */
MFR_EXPORT mfr_pressure_t mfr_dose_pressure_ceiling(const mfr_dose *dose);
/** 1 when only indirect work may be done. @since 0.2.0 */
MFR_EXPORT int mfr_dose_indirect_only(const mfr_dose *dose);
/** The longest session in minutes, or 0 when it sets none. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_dose_max_minutes(const mfr_dose *dose);
/** The shortest hold in seconds, or 0 when it sets no hold range. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_dose_hold_min(const mfr_dose *dose);
/** The longest hold in seconds, or 0 when it sets no hold range. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_dose_hold_max(const mfr_dose *dose);
/** 1 when a program may progress to firmer, direct work (the default, and for NULL: no dose sets no limit), else 0. @since 0.2.0 */
MFR_EXPORT int mfr_dose_progresses(const mfr_dose *dose);
/** Where it comes from. @since 0.2.0 */
MFR_EXPORT const mfr_provenance *mfr_dose_provenance(const mfr_dose *dose);
/** @} */

/**
 * @name Screening questions
 * What a clinic asks at intake (red flags, medications, pregnancy and
 * trimester, surgery, DVT and where, cancer and where, skin, ...), each
 * answer mapped to the precautions it sets. A clinic UI presents them; the
 * answers build an intake through mfr_intake_add_answer().
 * @{
 */
/** The stable key ("pregnancy"), or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_screening_key(const mfr_screening *question);
/** The question, as a clinic asks it. @since 0.2.0 */
MFR_EXPORT const char *mfr_screening_text(const mfr_screening *question);
/** Its position in its model (0-based). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_screening_index(const mfr_screening *question);
/** How many answers it offers (0 for NULL). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_screening_answer_count(const mfr_screening *question);
/** The @p index -th answer, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_screening_answer *mfr_screening_answer_at(const mfr_screening *question,
								uint32_t index);
/** The answer's key ("second_trimester"), or NULL for NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_screening_answer_key(const mfr_screening_answer *answer);
/** The answer's wording, or NULL for NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_screening_answer_text(const mfr_screening_answer *answer);
/** How many precautions the answer sets (0: none, "no"; and for NULL). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_screening_answer_precaution_count(const mfr_screening_answer *answer);
/** The @p index -th precaution the answer sets, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_precaution *mfr_screening_answer_precaution_at(
	const mfr_screening_answer *answer, uint32_t index);
/** The stage the answer records for its staged precautions (1-based), or 0. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_screening_answer_stage(const mfr_screening_answer *answer);
/** 1 when the answer needs a site (where is it?), else 0. @since 0.2.0 */
MFR_EXPORT int mfr_screening_answer_needs_site(const mfr_screening_answer *answer);
/**
 * How many symptom areas make the question pertinent (0 for NULL): a plan
 * asks it when a symptom lies in one of them or within one (pain in the
 * calf: the clot question), as it asks a recorded condition's questions.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_screening_symptom_area_count(const mfr_screening *question);
/** The @p index -th symptom area, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_screening_symptom_area_at(const mfr_screening *question,
							   uint32_t index);
/** Where it comes from. @since 0.2.0 */
MFR_EXPORT const mfr_provenance *mfr_screening_provenance(const mfr_screening *question);
/** @} */

/** @} */

MFR_END_DECLS

#endif /* MFR_SAFETY_H */
