/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/condition.h
 * @brief Conditions: named presentations with their codes, the areas they
 *        show in, and the lines and regions commonly involved.
 *
 * libmfr never diagnoses: a condition is what the intake records, not
 * something libmfr infers. Everything returned borrows from the model.
 * Threading: every function here only reads the model, so any number of
 * threads may call them on one shared model at once.
 */
#ifndef MFR_CONDITION_H
#define MFR_CONDITION_H

#include "mfr/model.h"

MFR_BEGIN_DECLS

/**
 * @defgroup condition Conditions
 * @{
 */

/** The stable key ("plantar_fasciitis"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_condition_key(const mfr_condition *condition);
/** The display name, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_condition_name(const mfr_condition *condition);
/** The condition's position in its model (0-based). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_condition_index(const mfr_condition *condition);
/** How many ICD-10-CM codes it lists (at least one). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_condition_icd10cm_count(const mfr_condition *condition);
/** The @p index -th ICD-10-CM code ("M72.2", or a family "M79.67-"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_condition_icd10cm_at(const mfr_condition *condition, uint32_t index);
/** How many SNOMED CT codes it lists. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_condition_snomed_count(const mfr_condition *condition);
/** The @p index -th SNOMED CT code, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_condition_snomed_at(const mfr_condition *condition, uint32_t index);
/** How many areas it shows in. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_condition_area_count(const mfr_condition *condition);
/** The @p index -th area, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_condition_area_at(const mfr_condition *condition, uint32_t index);
/** How many lines it commonly involves. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_condition_line_count(const mfr_condition *condition);
/** The @p index -th line, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_line *mfr_condition_line_at(const mfr_condition *condition, uint32_t index);
/** How many regions are commonly treated for it. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_condition_region_count(const mfr_condition *condition);
/** The @p index -th region, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_condition_region_at(const mfr_condition *condition, uint32_t index);
/**
 * How many techniques the sources name for work at the symptom site itself
 * (skin rolling or cross-hand release around a scar); a plan works each
 * symptom site with the first of them allowed there. @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_condition_site_technique_count(const mfr_condition *condition);
/** The @p index -th such technique, most preferred first, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_technique *mfr_condition_site_technique_at(const mfr_condition *condition,
								 uint32_t index);
/**
 * How many techniques the sources name for this condition's trigger-point
 * sites: a site the trace reached through a trigger-point referral (myofascial
 * pain syndrome: trigger-point pressure release). A plan for an intake with
 * the condition works such a site with the first of them allowed there,
 * unless the therapist prefers another technique. @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_condition_trigger_point_technique_count(const mfr_condition *condition);
/** The @p index -th such technique, most preferred first, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_technique *mfr_condition_trigger_point_technique_at(
	const mfr_condition *condition, uint32_t index);
/**
 * How many screening questions (mfr/safety.h) this presentation makes
 * pertinent: a plan for an intake with the condition warns
 * (#MFR_WARNING_UNSCREENED) while one of them has no answer on record (after
 * surgery or an injury: was the surgery recent, is a fracture healing).
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_condition_screening_count(const mfr_condition *condition);
/** The @p index -th such question, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_screening *mfr_condition_screening_at(const mfr_condition *condition,
							     uint32_t index);
/**
 * The relations (mfr_relation_t bits, mfr/trace.h) along which a trace may
 * reach treatment sites from the symptoms of an intake with this
 * condition: #MFR_RELATION_ALL unless the model limits them (scar
 * adhesions: the scar, what lies around it and its lines, no referral
 * patterns). A trace follows the relations its options allow and, when
 * every condition of the intake limits them, only those some condition
 * allows. 0 for NULL. @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_condition_relations(const mfr_condition *condition);
/** The evidence for MFR in this presentation, one line, or NULL when the model gives none. @since 0.1.0 */
MFR_EXPORT const char *mfr_condition_evidence(const mfr_condition *condition);
/** What it does to the dose of the work (see mfr/safety.h), or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_dose *mfr_condition_dose(const mfr_condition *condition);
/**
 * How many synonyms the model gives the condition: other words for it that
 * its sources use ("heel pain" for plantar fasciitis), which
 * mfr_model_find() matches as it does the name. 0 when it has none.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_condition_synonym_count(const mfr_condition *condition);
/** The @p index -th synonym, as the model writes it, or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_condition_synonym_at(const mfr_condition *condition,
						uint32_t index);
/** Where its content comes from. @since 0.1.0 */
MFR_EXPORT const mfr_provenance *mfr_condition_provenance(const mfr_condition *condition);

/** @} */

MFR_END_DECLS

#endif /* MFR_CONDITION_H */
