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

/** Whether a precaution applies to the whole client or to a site. @since 0.1.0 */
typedef enum mfr_scope {
	MFR_SCOPE_GLOBAL = 1,
	MFR_SCOPE_LOCAL = 2
} mfr_scope;

/** How a precaution bounds the work. @since 0.1.0 */
typedef enum mfr_severity {
	MFR_SEVERITY_ABSOLUTE = 1, /**< no MFR: refer out */
	MFR_SEVERITY_RELATIVE = 2  /**< modify the work, or work only with clearance */
} mfr_severity;

/** @return "global", "local", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_scope_name(int scope);
/** @return "absolute", "relative", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_severity_name(int severity);

/** The stable key ("open_wound"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_precaution_key(const mfr_precaution *precaution);
/** The display name, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_precaution_name(const mfr_precaution *precaution);
/** The precaution's position in its model (0-based). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_precaution_index(const mfr_precaution *precaution);
/** Its ::mfr_scope, or 0. @since 0.1.0 */
MFR_EXPORT int mfr_precaution_scope(const mfr_precaution *precaution);
/** Its ::mfr_severity, or 0. @since 0.1.0 */
MFR_EXPORT int mfr_precaution_severity(const mfr_precaution *precaution);
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
/** The highest ::mfr_pressure allowed, or 0 when it sets no ceiling. @since 0.1.0 */
MFR_EXPORT int mfr_precaution_pressure_ceiling(const mfr_precaution *precaution);
/** How many techniques it rules out. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_precaution_excluded_technique_count(const mfr_precaution *precaution);
/** The @p index -th technique it rules out, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_technique *mfr_precaution_excluded_technique_at(const mfr_precaution *precaution,
								      uint32_t index);
/** Its effect on technique choice, in the source's words. @since 0.1.0 */
MFR_EXPORT const char *mfr_precaution_effect(const mfr_precaution *precaution);
/** Where its content comes from. @since 0.1.0 */
MFR_EXPORT const mfr_provenance *mfr_precaution_provenance(const mfr_precaution *precaution);

/** @} */

MFR_END_DECLS

#endif /* MFR_PRECAUTION_H */
