/*
 * libmfr - referral getters.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_referral_key, mfr_referral, key, NULL)
MFR_GETTER(uint32_t, mfr_referral_index, mfr_referral, index, 0)
MFR_GETTER(const mfr_region *, mfr_referral_muscle, mfr_referral, muscle, NULL)
MFR_GETTER(const char *, mfr_referral_trigger_point, mfr_referral, trigger_point, NULL)
MFR_GETTER(int, mfr_referral_split_convention, mfr_referral, split_convention, 0)
MFR_GETTER(int, mfr_referral_disputed, mfr_referral, disputed, 0)
MFR_PROVENANCE_GETTER(mfr_referral_provenance, mfr_referral)

MFR_HANDLE_LIST(mfr_referral_zone, mfr_referral, zones, zone_count)
MFR_GETTER(const mfr_region *, mfr_referral_zone_area, mfr_referral_zone, area, NULL)
MFR_GETTER(mfr_zone_kind_t, mfr_referral_zone_kind, mfr_referral_zone, kind, 0)
MFR_GETTER(mfr_frequency_t, mfr_referral_zone_frequency, mfr_referral_zone, frequency, 0)
MFR_GETTER(int, mfr_referral_zone_bilateral, mfr_referral_zone, bilateral, 0)
