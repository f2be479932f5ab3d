/*
 * libmfr - region getters.
 * SPDX-License-Identifier: MIT
 */
#include "accessor.h"

MFR_GETTER(const char *, mfr_region_key, mfr_region, key, NULL)
MFR_GETTER(const char *, mfr_region_name, mfr_region, name, NULL)
MFR_GETTER(uint32_t, mfr_region_index, mfr_region, index, 0)
MFR_GETTER(mfr_region_kind_t, mfr_region_kind, mfr_region, kind, 0)
MFR_GETTER(const mfr_region *, mfr_region_parent, mfr_region, parent, NULL)
MFR_GETTER(mfr_laterality_t, mfr_region_laterality, mfr_region, laterality, 0)
MFR_GETTER(uint32_t, mfr_region_positions, mfr_region, positions, 0)
MFR_GETTER(mfr_depth_t, mfr_region_depth, mfr_region, depth, 0)
MFR_GETTER(mfr_access_t, mfr_region_access, mfr_region, reach, 0)

MFR_EXPORT int mfr_region_treatable(const mfr_region *region)
{
	return region && !region->untreatable &&
	       (region->kind == MFR_REGION_MUSCLE || region->kind == MFR_REGION_CONNECTIVE);
}
MFR_GETTER(const char *, mfr_region_snomed, mfr_region, snomed, NULL)
MFR_GETTER(const char *, mfr_region_fma, mfr_region, fma, NULL)
MFR_GETTER(const char *, mfr_region_uberon, mfr_region, uberon, NULL)
MFR_LIST_GETTER(mfr_region_child, mfr_region, const mfr_region *, children, child_count)
MFR_LIST_GETTER(mfr_region_adjacent, mfr_region, const mfr_region *, adjacent, adjacent_count)
MFR_LIST_GETTER(mfr_region_synonym, mfr_region, const char *, synonyms, synonym_count)
MFR_PROVENANCE_GETTER(mfr_region_provenance, mfr_region)

int mfr__nested(const mfr_region *a, const mfr_region *b)
{
	return mfr_region_is_within(a, b) || mfr_region_is_within(b, a);
}

int mfr__one_tissue(const mfr_region *a, int sa, const mfr_region *b, int sb)
{
	if (sa != sb && sa != MFR_SIDE_MIDLINE && sb != MFR_SIDE_MIDLINE)
		return 0;
	return mfr__nested(a, b);
}

const mfr_region *mfr__region_root(const mfr_region *r)
{
	while (r->parent)
		r = r->parent;
	return r;
}

MFR_EXPORT int mfr_region_is_within(const mfr_region *region, const mfr_region *ancestor)
{
	if (!ancestor)
		return 0;
	for (const mfr_region *r = region; r; r = r->parent)
		if (r == ancestor)
			return 1;
	return 0;
}
