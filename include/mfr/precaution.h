/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/precaution.h
 * @brief Precautions: contraindications and cautions, global or local,
 *        absolute or relative, and what they do to a plan.
 *
 * Everything returned borrows from the model.
 *
 * Threading: every function here only reads the model, so any number of
 * threads may call them on one shared model at once.
 */
#ifndef MFR_PRECAUTION_H
#define MFR_PRECAUTION_H

#include "mfr/model.h"

MFR_BEGIN_DECLS

/**
 * @defgroup precaution Precautions
 * @{
 */

/** One widening of a precaution's named site: a handle borrowed from the model. @since 0.2.0 */
typedef struct mfr_precaution_widening mfr_precaution_widening;
/** One position limit of a precaution: a handle borrowed from the model. @since 0.2.0 */
typedef struct mfr_precaution_position_limit mfr_precaution_position_limit;

/** Whether a precaution applies to the whole client or to a site. @since 0.1.0 */
typedef enum mfr_scope_t {
	MFR_SCOPE_GLOBAL = 1,
	MFR_SCOPE_LOCAL = 2,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_SCOPE__MAX = 0x7fffffff
} mfr_scope_t;

/** How a precaution bounds the work. @since 0.1.0 */
typedef enum mfr_severity_t {
	MFR_SEVERITY_ABSOLUTE = 1, /**< no MFR: refer out */
	MFR_SEVERITY_RELATIVE = 2, /**< modify the work, or work only with clearance */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_SEVERITY__MAX = 0x7fffffff
} mfr_severity_t;

/** @return "global", "local", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_scope_name(mfr_scope_t scope);
/** @return "absolute", "relative", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_severity_name(mfr_severity_t severity);

/** The stable key ("open_wound"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_precaution_key(const mfr_precaution *precaution);
/** The display name, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_precaution_name(const mfr_precaution *precaution);
/** The precaution's position in its model (0-based). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_precaution_index(const mfr_precaution *precaution);
/** Its ::mfr_scope_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_scope_t mfr_precaution_scope(const mfr_precaution *precaution);
/** Its ::mfr_severity_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_severity_t mfr_precaution_severity(const mfr_precaution *precaution);
/** 1 when work needs a clinician's clearance recorded in the intake. @since 0.1.0 */
MFR_EXPORT int mfr_precaution_needs_clearance(const mfr_precaution *precaution);
/** 1 when no work may be done on the site it names (local precautions). @since 0.1.0 */
MFR_EXPORT int mfr_precaution_avoid_site(const mfr_precaution *precaution);
/** 1 when no work may be done on the regions adjacent to that site either. @since 0.1.0 */
MFR_EXPORT int mfr_precaution_avoid_adjacent(const mfr_precaution *precaution);
/** How many regions are never worked while it applies. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_precaution_avoid_region_count(const mfr_precaution *precaution);
/** The @p index -th region to avoid, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_precaution_avoid_region_at(const mfr_precaution *precaution,
							     uint32_t index);
/**
 * How many regions are avoided only until the intake records a clearance
 * for it (uncontrolled hypertension: the cranial base and the thoracic
 * inlet, "until cleared"); like mfr_precaution_avoid_region_at() before the
 * clearance, worked as usual after it. A precaution with such regions needs
 * a clearance (mfr_precaution_needs_clearance()). @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_precaution_avoid_until_cleared_count(const mfr_precaution *precaution);
/** The @p index -th region avoided until cleared, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_precaution_avoid_until_cleared_at(
	const mfr_precaution *precaution, uint32_t index);
/** The highest ::mfr_pressure_t allowed, or 0 when it sets no ceiling. @since 0.1.0 */
MFR_EXPORT mfr_pressure_t mfr_precaution_pressure_ceiling(const mfr_precaution *precaution);
/** How many techniques it rules out. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_precaution_excluded_technique_count(const mfr_precaution *precaution);
/** The @p index -th technique it rules out, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_technique *mfr_precaution_excluded_technique_at(const mfr_precaution *precaution,
								      uint32_t index);
/**
 * 1 when a global precaution may also name the sites it affects (the limb
 * of a deep vein thrombosis, a tumour site): those sites and their
 * neighbourhood are never worked, before or after clearance.
 * @since 0.2.0
 */
MFR_EXPORT int mfr_precaution_site_scoped(const mfr_precaution *precaution);
/**
 * 1 when a site-scoped precaution plans before any site is named (the
 * insensate areas of diabetic neuropathy, found by checking sensation):
 * without a site a plan has a `check_sites` warning rather than no steps;
 * each site named is kept out as for any site-scoped precaution. 0 for one
 * whose plans wait for a site (`site_needed`), and for NULL.
 * @since 0.2.0
 */
MFR_EXPORT int mfr_precaution_site_optional(const mfr_precaution *precaution);
/**
 * 1 when the precaution refers the client for diagnosis first (unexplained
 * pain): until a clearance for it is recorded, a plan has status
 * #MFR_PLAN_REFER_OUT and no steps; once cleared, it plans as usual. Such a
 * precaution always needs a clearance (mfr_precaution_needs_clearance()).
 * @since 0.2.0
 */
MFR_EXPORT int mfr_precaution_refer_first(const mfr_precaution *precaution);
/**
 * How many widenings the precaution has: a named site within the region of
 * one (a calf within the lower limb) excludes the whole of that region on
 * that side, and the regions that go with it. 0 for NULL.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_precaution_widening_count(const mfr_precaution *precaution);
/** The @p index -th widening, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_precaution_widening *mfr_precaution_widening_at(
	const mfr_precaution *precaution, uint32_t index);
/** The region a named site within it widens to, or NULL for NULL. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_precaution_widening_region(
	const mfr_precaution_widening *widening);
/**
 * How many regions go with the widening: excluded with it, on the same
 * side (the groin and iliopsoas with a lower limb: the path of its veins).
 * 0 for NULL.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_precaution_widening_with_count(const mfr_precaution_widening *widening);
/** The @p index -th region that goes with the widening, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_precaution_widening_with_at(
	const mfr_precaution_widening *widening, uint32_t index);
/**
 * How many stages it has (pregnancy: 3 trimesters), or 0. An intake may
 * record the stage (mfr_intake_set_stage()); an unknown stage counts as the
 * last, the most cautious.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_precaution_stage_count(const mfr_precaution *precaution);
/** What a stage is called ("trimester"), or NULL without stages. @since 0.2.0 */
MFR_EXPORT const char *mfr_precaution_stage_name(const mfr_precaution *precaution);
/** How many position limits it sets (0 for NULL). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_precaution_position_limit_count(const mfr_precaution *precaution);
/** The @p index -th position limit, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_precaution_position_limit *mfr_precaution_position_limit_at(
	const mfr_precaution *precaution, uint32_t index);
/** The ::mfr_position_t (one bit) the limit rules out, or 0 for NULL. @since 0.2.0 */
MFR_EXPORT mfr_position_t mfr_precaution_position_limit_position(
	const mfr_precaution_position_limit *limit);
/** The stage from which the limit applies (1: always), or 0 for NULL. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_precaution_position_limit_from_stage(
	const mfr_precaution_position_limit *limit);
/** How many regions the limit is for (0: every region; and for NULL). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_precaution_position_limit_region_count(
	const mfr_precaution_position_limit *limit);
/** The @p index -th region the limit is for, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_precaution_position_limit_region_at(
	const mfr_precaution_position_limit *limit, uint32_t index);
/**
 * How many symptom areas need a clearance for it: a symptom within one (new
 * abdominal or pelvic pain in pregnancy) sets the plan to needs-clearance
 * until the intake records a clearance for this precaution.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_precaution_clearance_area_count(const mfr_precaution *precaution);
/** The @p index -th of those areas, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_precaution_clearance_area_at(const mfr_precaution *precaution,
							       uint32_t index);
/**
 * How many screening questions (mfr/safety.h) a recorded precaution of this
 * kind makes pertinent (a clot: blood thinners; a pregnancy: whether it is
 * high-risk). A plan asks each while it has no answer, as it asks a
 * condition's (mfr_condition_screening_count()). @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_precaution_screening_count(const mfr_precaution *precaution);
/** The @p index -th of those questions, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_screening *mfr_precaution_screening_at(const mfr_precaution *precaution,
							     uint32_t index);
/** What it does to the dose of the work (see mfr/safety.h), or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_dose *mfr_precaution_dose(const mfr_precaution *precaution);
/** Its effect on technique choice, in the source's words. @since 0.1.0 */
MFR_EXPORT const char *mfr_precaution_effect(const mfr_precaution *precaution);
/** Where its content comes from. @since 0.1.0 */
MFR_EXPORT const mfr_provenance *mfr_precaution_provenance(const mfr_precaution *precaution);

/** @} */

MFR_END_DECLS

#endif /* MFR_PRECAUTION_H */
