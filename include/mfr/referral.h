/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/referral.h
 * @brief Trigger-point referral patterns: pain felt in an area that may come
 *        from a trigger point in a muscle.
 *
 * Each zone of a pattern is essential (felt by nearly everyone with that
 * trigger point) or spillover (felt by some). Everything returned borrows from
 * the model.
 *
 * Threading: every function here only reads the model, so any number of
 * threads may call them on one shared model at once.
 */
#ifndef MFR_REFERRAL_H
#define MFR_REFERRAL_H

#include "mfr/model.h"

MFR_BEGIN_DECLS

/**
 * @defgroup referral Trigger-point referrals
 * @{
 */

/** One zone of a referral pattern: a handle borrowed from the model. @since 0.2.0 */
typedef struct mfr_referral_zone mfr_referral_zone;

/** How reliably a zone is felt. @since 0.1.0 */
typedef enum mfr_zone_kind_t {
	MFR_ZONE_ESSENTIAL = 1,
	MFR_ZONE_SPILLOVER = 2,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_ZONE_KIND__MAX = 0x7fffffff
} mfr_zone_kind_t;

/** @return "essential", "spillover", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_zone_kind_name(mfr_zone_kind_t kind);

/**
 * How often a zone is felt, where a source says so, apart from whether it is
 * essential or spillover: a rare trigger point's zones count for less in a
 * trace. @since 0.2.0
 */
typedef enum mfr_frequency_t {
	MFR_FREQUENCY_COMMON = 1,     /**< the default */
	MFR_FREQUENCY_OCCASIONAL = 2, /**< "occasionally", "sometimes" */
	MFR_FREQUENCY_RARE = 3,       /**< "rare" */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_FREQUENCY__MAX = 0x7fffffff
} mfr_frequency_t;

/** @return "common", "occasional", "rare", or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_frequency_name(mfr_frequency_t frequency);

/** The stable key ("soleus_trp1"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_referral_key(const mfr_referral *referral);
/** The referral's position in its model (0-based). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_referral_index(const mfr_referral *referral);
/** The region holding the trigger point. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_referral_muscle(const mfr_referral *referral);
/** Where the trigger point lies, in the source's words. @since 0.1.0 */
MFR_EXPORT const char *mfr_referral_trigger_point(const mfr_referral *referral);
/** How many zones the pattern has (0 for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_referral_zone_count(const mfr_referral *referral);
/** The @p index -th zone, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_referral_zone *mfr_referral_zone_at(const mfr_referral *referral,
							  uint32_t index);
/** The zone's area, or NULL for NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_referral_zone_area(const mfr_referral_zone *zone);
/** The zone's ::mfr_zone_kind_t, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_zone_kind_t mfr_referral_zone_kind(const mfr_referral_zone *zone);
/** The zone's ::mfr_frequency_t, or 0 for NULL. @since 0.2.0 */
MFR_EXPORT mfr_frequency_t mfr_referral_zone_frequency(const mfr_referral_zone *zone);
/** 1 when the zone may be felt on both sides, else 0. @since 0.1.0 */
MFR_EXPORT int mfr_referral_zone_bilateral(const mfr_referral_zone *zone);
/** 1 when the essential/spillover split is practice convention, not sourced. @since 0.1.0 */
MFR_EXPORT int mfr_referral_split_convention(const mfr_referral *referral);
/** 1 when the sources disagree about this pattern (see the provenance note). @since 0.1.0 */
MFR_EXPORT int mfr_referral_disputed(const mfr_referral *referral);
/** Where its content comes from. @since 0.1.0 */
MFR_EXPORT const mfr_provenance *mfr_referral_provenance(const mfr_referral *referral);

/** @} */

MFR_END_DECLS

#endif /* MFR_REFERRAL_H */
