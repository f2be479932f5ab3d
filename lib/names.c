/*
 * libmfr - the names of enumerated values and their public functions.
 * SPDX-License-Identifier: MIT
 */
#include "names.h"

#include <stdio.h>
#include <string.h>

#include "mfr/mfr.h"
#include "text.h"

/* Every public enumeration is 32 bits wide, whatever the compiler would
 * choose: each ends in an MFR_<NAME>__MAX = 0x7fffffff member (the Vulkan
 * way), so a binding can use a 32-bit integer for any of them (mfr/common.h).
 * tests/header-cxx.cpp checks the same for C++. */
_Static_assert(sizeof(mfr_status_t) == 4, "mfr_status_t is 32 bits wide");
_Static_assert(sizeof(mfr_side_t) == 4, "mfr_side_t is 32 bits wide");
_Static_assert(sizeof(mfr_position_t) == 4, "mfr_position_t is 32 bits wide");
_Static_assert(sizeof(mfr_depth_t) == 4, "mfr_depth_t is 32 bits wide");
_Static_assert(sizeof(mfr_pressure_t) == 4, "mfr_pressure_t is 32 bits wide");
_Static_assert(sizeof(mfr_evidence_t) == 4, "mfr_evidence_t is 32 bits wide");
_Static_assert(sizeof(mfr_onset_t) == 4, "mfr_onset_t is 32 bits wide");
_Static_assert(sizeof(mfr_node_kind_t) == 4, "mfr_node_kind_t is 32 bits wide");
_Static_assert(sizeof(mfr_line_side_t) == 4, "mfr_line_side_t is 32 bits wide");
_Static_assert(sizeof(mfr_kind_t) == 4, "mfr_kind_t is 32 bits wide");
_Static_assert(sizeof(mfr_aftercare_kind_t) == 4, "mfr_aftercare_kind_t is 32 bits wide");
_Static_assert(sizeof(mfr_plan_status_t) == 4, "mfr_plan_status_t is 32 bits wide");
_Static_assert(sizeof(mfr_phase_t) == 4, "mfr_phase_t is 32 bits wide");
_Static_assert(sizeof(mfr_warning_kind_t) == 4, "mfr_warning_kind_t is 32 bits wide");
_Static_assert(sizeof(mfr_step_flag_t) == 4, "mfr_step_flag_t is 32 bits wide");
_Static_assert(sizeof(mfr_scope_t) == 4, "mfr_scope_t is 32 bits wide");
_Static_assert(sizeof(mfr_severity_t) == 4, "mfr_severity_t is 32 bits wide");
_Static_assert(sizeof(mfr_zone_kind_t) == 4, "mfr_zone_kind_t is 32 bits wide");
_Static_assert(sizeof(mfr_frequency_t) == 4, "mfr_frequency_t is 32 bits wide");
_Static_assert(sizeof(mfr_region_kind_t) == 4, "mfr_region_kind_t is 32 bits wide");
_Static_assert(sizeof(mfr_laterality_t) == 4, "mfr_laterality_t is 32 bits wide");
_Static_assert(sizeof(mfr_access_t) == 4, "mfr_access_t is 32 bits wide");
_Static_assert(sizeof(mfr_family_t) == 4, "mfr_family_t is 32 bits wide");
_Static_assert(sizeof(mfr_approach_t) == 4, "mfr_approach_t is 32 bits wide");
_Static_assert(sizeof(mfr_suits_t) == 4, "mfr_suits_t is 32 bits wide");
_Static_assert(sizeof(mfr_relation_t) == 4, "mfr_relation_t is 32 bits wide");
_Static_assert(sizeof(mfr_distance_t) == 4, "mfr_distance_t is 32 bits wide");

#define TABLE(var, what, ...)                                              \
	static const mfr_name var##_items[] = { __VA_ARGS__ };             \
	const mfr_names var = { var##_items,                               \
				sizeof(var##_items) / sizeof(mfr_name), what }

/* The evidence scale has a 0 value, so its table maps names to value + 1 and
 * the functions below undo that; every other table starts at 1. */
TABLE(mfr__side_names, "side",
      { MFR_SIDE_LEFT, "left" }, { MFR_SIDE_RIGHT, "right" },
      { MFR_SIDE_MIDLINE, "midline" });
TABLE(mfr__position_names, "position",
      { MFR_POSITION_PRONE, "prone" }, { MFR_POSITION_SUPINE, "supine" },
      { MFR_POSITION_SIDE_LYING, "side_lying" },
      { MFR_POSITION_SEATED, "seated" }, { MFR_POSITION_STANDING, "standing" });
TABLE(mfr__depth_names, "depth",
      { MFR_DEPTH_SUPERFICIAL, "superficial" },
      { MFR_DEPTH_INTERMEDIATE, "intermediate" }, { MFR_DEPTH_DEEP, "deep" });
TABLE(mfr__pressure_names, "pressure",
      { MFR_PRESSURE_VERY_LIGHT, "very_light" }, { MFR_PRESSURE_LIGHT, "light" },
      { MFR_PRESSURE_MODERATE, "moderate" }, { MFR_PRESSURE_FIRM, "firm" });
TABLE(mfr__evidence_names, "evidence grade",
      { MFR_EVIDENCE_NOT_ASSESSED + 1, "not_assessed" },
      { MFR_EVIDENCE_NONE + 1, "none" }, { MFR_EVIDENCE_LIMITED + 1, "limited" },
      { MFR_EVIDENCE_MODERATE + 1, "moderate" },
      { MFR_EVIDENCE_STRONG + 1, "strong" });
TABLE(mfr__kind_names, "kind",
      { MFR_KIND_REGION, "region" }, { MFR_KIND_LINE, "line" },
      { MFR_KIND_REFERRAL, "referral" }, { MFR_KIND_TECHNIQUE, "technique" },
      { MFR_KIND_CONDITION, "condition" }, { MFR_KIND_PRECAUTION, "precaution" },
      { MFR_KIND_SOURCE, "source" }, { MFR_KIND_AFTERCARE, "aftercare" },
      { MFR_KIND_DANGER_ZONE, "danger_zone" }, { MFR_KIND_SCREENING, "screening" });
/* What an entity of each kind is called in messages, and the section of the
 * model document that defines it. */
TABLE(mfr__kind_nouns, "kind",
      { MFR_KIND_REGION, "region" }, { MFR_KIND_LINE, "line" },
      { MFR_KIND_REFERRAL, "referral" }, { MFR_KIND_TECHNIQUE, "technique" },
      { MFR_KIND_CONDITION, "condition" }, { MFR_KIND_PRECAUTION, "precaution" },
      { MFR_KIND_SOURCE, "source" }, { MFR_KIND_AFTERCARE, "aftercare item" },
      { MFR_KIND_DANGER_ZONE, "danger zone" },
      { MFR_KIND_SCREENING, "screening question" });
TABLE(mfr__section_names, "kind",
      { MFR_KIND_REGION, "regions" }, { MFR_KIND_LINE, "lines" },
      { MFR_KIND_REFERRAL, "referrals" }, { MFR_KIND_TECHNIQUE, "techniques" },
      { MFR_KIND_CONDITION, "conditions" }, { MFR_KIND_PRECAUTION, "precautions" },
      { MFR_KIND_SOURCE, "sources" }, { MFR_KIND_AFTERCARE, "aftercare" },
      { MFR_KIND_DANGER_ZONE, "danger_zones" }, { MFR_KIND_SCREENING, "screening" });
TABLE(mfr__frequency_names, "frequency",
      { MFR_FREQUENCY_COMMON, "common" }, { MFR_FREQUENCY_OCCASIONAL, "occasional" },
      { MFR_FREQUENCY_RARE, "rare" });
TABLE(mfr__access_names, "access",
      { MFR_ACCESS_EXTERNAL, "external" }, { MFR_ACCESS_INTRA_ORAL, "intra_oral" },
      { MFR_ACCESS_INTRA_PELVIC, "intra_pelvic" });
TABLE(mfr__aftercare_kind_names, "aftercare kind",
      { MFR_AFTERCARE_GENERAL, "general" }, { MFR_AFTERCARE_RED_FLAG, "red_flag" });
TABLE(mfr__region_kind_names, "region kind",
      { MFR_REGION_PART, "part" }, { MFR_REGION_AREA, "area" },
      { MFR_REGION_MUSCLE, "muscle" }, { MFR_REGION_CONNECTIVE, "connective" },
      { MFR_REGION_BONE, "bone" }, { MFR_REGION_JOINT, "joint" });
TABLE(mfr__laterality_names, "laterality",
      { MFR_LATERALITY_BILATERAL, "bilateral" },
      { MFR_LATERALITY_MIDLINE, "midline" });
/* The views of the body chart (model-private.h: struct mfr_chart_area). */
TABLE(mfr__chart_view_names, "chart view",
      { 1, "front" }, { 2, "back" });
TABLE(mfr__node_kind_names, "node kind",
      { MFR_NODE_STATION, "station" }, { MFR_NODE_TRACK, "track" });
TABLE(mfr__line_side_names, "line side",
      { MFR_LINE_IPSI, "ipsi" }, { MFR_LINE_CONTRA, "contra" },
      { MFR_LINE_MID, "mid" });
TABLE(mfr__zone_kind_names, "zone",
      { MFR_ZONE_ESSENTIAL, "essential" }, { MFR_ZONE_SPILLOVER, "spillover" });
TABLE(mfr__family_names, "technique family",
      { MFR_FAMILY_SUSTAINED_PRESSURE, "sustained_pressure" },
      { MFR_FAMILY_CROSS_HAND, "cross_hand" },
      { MFR_FAMILY_SKIN_ROLLING, "skin_rolling" },
      { MFR_FAMILY_DIRECT, "direct" }, { MFR_FAMILY_INDIRECT, "indirect" },
      { MFR_FAMILY_REBOUNDING, "rebounding" },
      { MFR_FAMILY_TRANSVERSE_PLANE, "transverse_plane" },
      { MFR_FAMILY_UNWINDING, "unwinding" }, { MFR_FAMILY_FRICTION, "friction" },
      { MFR_FAMILY_INDUCTION, "induction" },
      { MFR_FAMILY_TRIGGER_POINT_RELEASE, "trigger_point_release" });
TABLE(mfr__approach_names, "approach",
      { MFR_APPROACH_DIRECT, "direct" }, { MFR_APPROACH_INDIRECT, "indirect" },
      { MFR_APPROACH_EITHER, "either" });
TABLE(mfr__suits_names, "tissue situation",
      { MFR_SUITS_BROAD_PLANE, "broad_plane" },
      { MFR_SUITS_FOCAL_POINT, "focal_point" },
      { MFR_SUITS_SUPERFICIAL_LAYER, "superficial_layer" },
      { MFR_SUITS_SCAR, "scar" },
      { MFR_SUITS_TRANSVERSE_PLANE, "transverse_plane" },
      { MFR_SUITS_LIMB, "limb" }, { MFR_SUITS_WHOLE_BODY, "whole_body" });
TABLE(mfr__relation_names, "relation",
      { MFR_RELATION_LINE, "line" }, { MFR_RELATION_REFERRAL, "referral" },
      { MFR_RELATION_HIERARCHY, "hierarchy" }, { MFR_RELATION_ADJACENCY, "adjacency" });
TABLE(mfr__scope_names, "scope",
      { MFR_SCOPE_GLOBAL, "global" }, { MFR_SCOPE_LOCAL, "local" });
TABLE(mfr__severity_names, "severity",
      { MFR_SEVERITY_ABSOLUTE, "absolute" }, { MFR_SEVERITY_RELATIVE, "relative" });

const char *mfr__name_of(const mfr_names *names, int value)
{
	for (size_t i = 0; i < names->count; i++)
		if (names->items[i].value == value)
			return names->items[i].name;
	return NULL;
}

int mfr__value_of(const mfr_names *names, const char *name)
{
	if (!name)
		return 0;
	for (size_t i = 0; i < names->count; i++)
		if (strcmp(names->items[i].name, name) == 0)
			return names->items[i].value;
	return 0;
}

void mfr__names_list(const mfr_names *names, char *buf, size_t size)
{
	mfr_text t;

	mfr__text_init(&t, buf, size);
	for (size_t i = 0; i < names->count; i++) {
		const char *sep = i == 0 ? "" : i + 1 == names->count ? " or " : ", ";
		mfr__text_add(&t, "%s\"%s\"", sep, names->items[i].name);
	}
}

/* Parse @p name with @p names into *out; value 0 means unknown. */
static mfr_status_t parse(const mfr_names *names, const char *name, int *out)
{
	int v = mfr__value_of(names, name);

	if (!name || !out)
		return MFR_E_INVALID;
	if (!v)
		return MFR_E_UNKNOWN;
	*out = v;
	return MFR_OK;
}

#define NAME_AND_PARSE(fn, type, table)                                     \
	MFR_EXPORT const char *mfr_##fn##_name(type value)                  \
	{                                                                   \
		return mfr__name_of(&table, value);                         \
	}                                                                   \
	MFR_EXPORT mfr_status_t mfr_##fn##_parse(const char *name, type *out) \
	{                                                                   \
		int v = 0;                                                  \
		mfr_status_t st = out ? parse(&table, name, &v) : MFR_E_INVALID; \
		if (st == MFR_OK)                                           \
			*out = (type)v;                                     \
		return st;                                                  \
	}

NAME_AND_PARSE(side, mfr_side_t, mfr__side_names)
NAME_AND_PARSE(position, mfr_position_t, mfr__position_names)
NAME_AND_PARSE(depth, mfr_depth_t, mfr__depth_names)
NAME_AND_PARSE(pressure, mfr_pressure_t, mfr__pressure_names)
NAME_AND_PARSE(kind, mfr_kind_t, mfr__kind_names)
NAME_AND_PARSE(access, mfr_access_t, mfr__access_names)

MFR_EXPORT const char *mfr_evidence_name(mfr_evidence_t value)
{
	if (value < MFR_EVIDENCE_NOT_ASSESSED || value > MFR_EVIDENCE_STRONG)
		return NULL;
	return mfr__name_of(&mfr__evidence_names, value + 1);
}

MFR_EXPORT mfr_status_t mfr_evidence_parse(const char *name, mfr_evidence_t *out)
{
	int v = 0;
	mfr_status_t st = out ? parse(&mfr__evidence_names, name, &v) : MFR_E_INVALID;

	if (st == MFR_OK)
		*out = (mfr_evidence_t)(v - 1);
	return st;
}

#define NAME_ONLY(fn, type, table)                          \
	MFR_EXPORT const char *mfr_##fn##_name(type value) \
	{                                                 \
		return mfr__name_of(&table, value);       \
	}

NAME_ONLY(region_kind, mfr_region_kind_t, mfr__region_kind_names)
NAME_ONLY(laterality, mfr_laterality_t, mfr__laterality_names)
NAME_ONLY(node_kind, mfr_node_kind_t, mfr__node_kind_names)
NAME_ONLY(line_side, mfr_line_side_t, mfr__line_side_names)
NAME_ONLY(zone_kind, mfr_zone_kind_t, mfr__zone_kind_names)
NAME_ONLY(family, mfr_family_t, mfr__family_names)
NAME_ONLY(approach, mfr_approach_t, mfr__approach_names)
NAME_ONLY(suits, mfr_suits_t, mfr__suits_names)
NAME_ONLY(scope, mfr_scope_t, mfr__scope_names)
NAME_ONLY(severity, mfr_severity_t, mfr__severity_names)
NAME_ONLY(aftercare_kind, mfr_aftercare_kind_t, mfr__aftercare_kind_names)
NAME_ONLY(frequency, mfr_frequency_t, mfr__frequency_names)
