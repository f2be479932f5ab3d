/*
 * libmfr - the names of enumerated values, shared by the public name and
 * parse functions, the model loader and the JSON writer.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_NAMES_H
#define MFR_NAMES_H

#include <stddef.h>

typedef struct mfr_name {
	int value;
	const char *name;
} mfr_name;

typedef struct mfr_names {
	const mfr_name *items;
	size_t count;
	const char *what; /* "side", "position": for error messages */
} mfr_names;

/* The name of @p value, or NULL. */
const char *mfr__name_of(const mfr_names *names, int value);
/* The value named @p name, or 0 when unknown (no table uses 0 for a name). */
int mfr__value_of(const mfr_names *names, const char *name);
/* "a, b or c": every name of the table, for error messages. */
void mfr__names_list(const mfr_names *names, char *buf, size_t size);

extern const mfr_names mfr__side_names;
extern const mfr_names mfr__position_names;
extern const mfr_names mfr__depth_names;
extern const mfr_names mfr__pressure_names;
extern const mfr_names mfr__evidence_names;
extern const mfr_names mfr__kind_names;
extern const mfr_names mfr__kind_nouns;    /* "danger zone", "screening question" */
extern const mfr_names mfr__section_names; /* "danger_zones", "screening" */
extern const mfr_names mfr__region_kind_names;
extern const mfr_names mfr__laterality_names;
extern const mfr_names mfr__node_kind_names;
extern const mfr_names mfr__line_side_names;
extern const mfr_names mfr__zone_kind_names;
extern const mfr_names mfr__family_names;
extern const mfr_names mfr__approach_names;
extern const mfr_names mfr__suits_names;
extern const mfr_names mfr__relation_names; /* mfr_relation_t bits */
extern const mfr_names mfr__scope_names;
extern const mfr_names mfr__severity_names;
extern const mfr_names mfr__access_names;
extern const mfr_names mfr__frequency_names;
extern const mfr_names mfr__aftercare_kind_names;
extern const mfr_names mfr__chart_view_names; /* 1 front, 2 back */

#endif /* MFR_NAMES_H */
