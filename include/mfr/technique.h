/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/technique.h
 * @brief Myofascial-release techniques: family, approach, pressure, depth,
 *        hold durations, positions and the regions they suit.
 *
 * Everything returned borrows from the model.
 *
 * Threading: every function here only reads the model, so any number of
 * threads may call them on one shared model at once.
 */
#ifndef MFR_TECHNIQUE_H
#define MFR_TECHNIQUE_H

#include "mfr/model.h"

MFR_BEGIN_DECLS

/**
 * @defgroup technique Techniques
 * @{
 */

/** Technique families. @since 0.1.0 */
typedef enum mfr_family_t {
	MFR_FAMILY_SUSTAINED_PRESSURE = 1,
	MFR_FAMILY_CROSS_HAND = 2,
	MFR_FAMILY_SKIN_ROLLING = 3,
	MFR_FAMILY_DIRECT = 4,
	MFR_FAMILY_INDIRECT = 5,
	MFR_FAMILY_REBOUNDING = 6,
	MFR_FAMILY_TRANSVERSE_PLANE = 7,
	MFR_FAMILY_UNWINDING = 8,
	MFR_FAMILY_FRICTION = 9,
	MFR_FAMILY_INDUCTION = 10,
	MFR_FAMILY_TRIGGER_POINT_RELEASE = 11,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_FAMILY__MAX = 0x7fffffff
} mfr_family_t;

/** Whether a technique engages the barrier or follows the ease. @since 0.1.0 */
typedef enum mfr_approach_t {
	MFR_APPROACH_DIRECT = 1,
	MFR_APPROACH_INDIRECT = 2,
	MFR_APPROACH_EITHER = 3,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_APPROACH__MAX = 0x7fffffff
} mfr_approach_t;

/** Tissue situations a technique suits: single bits of one mask. @since 0.1.0 */
typedef enum mfr_suits_t {
	MFR_SUITS_BROAD_PLANE = 1 << 0,
	MFR_SUITS_FOCAL_POINT = 1 << 1,
	MFR_SUITS_SUPERFICIAL_LAYER = 1 << 2,
	MFR_SUITS_SCAR = 1 << 3,
	MFR_SUITS_TRANSVERSE_PLANE = 1 << 4,
	MFR_SUITS_LIMB = 1 << 5,
	MFR_SUITS_WHOLE_BODY = 1 << 6,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_SUITS__MAX = 0x7fffffff
} mfr_suits_t;

/** @return the family's key ("skin_rolling"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_family_name(mfr_family_t family);
/** @return "direct", "indirect", "either", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_approach_name(mfr_approach_t approach);
/** @return the key of a single ::mfr_suits_t bit ("focal_point"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_suits_name(mfr_suits_t suits);

/** The stable key, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_technique_key(const mfr_technique *technique);
/** The display name, or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_technique_name(const mfr_technique *technique);
/** The technique's position in its model (0-based). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_technique_index(const mfr_technique *technique);
/** Its ::mfr_family_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_family_t mfr_technique_family(const mfr_technique *technique);
/** Its ::mfr_approach_t, or 0. @since 0.1.0 */
MFR_EXPORT mfr_approach_t mfr_technique_approach(const mfr_technique *technique);
/** The lowest ::mfr_pressure_t it uses, or 0. @since 0.1.0 */
MFR_EXPORT mfr_pressure_t mfr_technique_pressure_min(const mfr_technique *technique);
/** The highest ::mfr_pressure_t it uses, or 0. @since 0.1.0 */
MFR_EXPORT mfr_pressure_t mfr_technique_pressure_max(const mfr_technique *technique);
/** The ::mfr_depth_t of tissue it works, or 0. @since 0.1.0 */
MFR_EXPORT mfr_depth_t mfr_technique_depth(const mfr_technique *technique);
/** 1 when the model gives a hold duration range; 0 when no source gives one. @since 0.1.0 */
MFR_EXPORT int mfr_technique_has_hold(const mfr_technique *technique);
/** The shortest hold in seconds, or 0 without a range. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_technique_hold_min(const mfr_technique *technique);
/** The longest hold in seconds, or 0 without a range. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_technique_hold_max(const mfr_technique *technique);
/**
 * The most sites one session works with it (Fascial Manipulation: about six
 * points), or 0 when the sources set no limit; a plan then works further
 * sites with another technique. @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_technique_max_sites(const mfr_technique *technique);
/** 1 when the hold range is practice convention, not sourced. @since 0.1.0 */
MFR_EXPORT int mfr_technique_hold_convention(const mfr_technique *technique);
/** The positions it is done in: a mask of ::mfr_position_t bits. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_technique_positions(const mfr_technique *technique);
/** The situations it suits: a mask of ::mfr_suits_t bits (0 when unstated). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_technique_suits(const mfr_technique *technique);
/** How many regions it typically suits; 0 means any region. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_technique_region_count(const mfr_technique *technique);
/** The @p index -th region it suits, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_technique_region_at(const mfr_technique *technique,
						      uint32_t index);
/** Where its content comes from. @since 0.1.0 */
MFR_EXPORT const mfr_provenance *mfr_technique_provenance(const mfr_technique *technique);

/** @} */

MFR_END_DECLS

#endif /* MFR_TECHNIQUE_H */
