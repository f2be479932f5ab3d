/*
 * libmfr - referral getters.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_referral_key, mfr_referral, key, NULL)
MFR_GETTER(uint32_t, mfr_referral_index, mfr_referral, index, 0)
MFR_GETTER(const mfr_region *, mfr_referral_muscle, mfr_referral, muscle, NULL)
MFR_GETTER(const char *, mfr_referral_trigger_point, mfr_referral, trigger_point, NULL)
MFR_GETTER(uint32_t, mfr_referral_zone_count, mfr_referral, zone_count, 0)
MFR_GETTER(int, mfr_referral_split_convention, mfr_referral, split_convention, 0)
MFR_GETTER(int, mfr_referral_disputed, mfr_referral, disputed, 0)
MFR_PROVENANCE_GETTER(mfr_referral_provenance, mfr_referral)

static const mfr_zone *zone(const mfr_referral *r, uint32_t index)
{
	return r && index < r->zone_count ? &r->zones[index] : NULL;
}

MFR_EXPORT const mfr_region *mfr_referral_zone_area(const mfr_referral *referral,
						     uint32_t index)
{
	const mfr_zone *z = zone(referral, index);
	return z ? z->area : NULL;
}

MFR_EXPORT int mfr_referral_zone_kind(const mfr_referral *referral, uint32_t index)
{
	const mfr_zone *z = zone(referral, index);
	return z ? z->kind : 0;
}

MFR_EXPORT int mfr_referral_zone_bilateral(const mfr_referral *referral, uint32_t index)
{
	const mfr_zone *z = zone(referral, index);
	return z ? z->bilateral : 0;
}
