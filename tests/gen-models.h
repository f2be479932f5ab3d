/*
 * libmfr tests: generated models and intakes, for the limit tests and the
 * scaling benchmark (bench/bench-scaling.c).
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_TEST_GEN_MODELS_H
#define MFR_TEST_GEN_MODELS_H

#include <mfr/mfr.h>

/* ---- generated models: limits and size regressions ---------------------- */

/* What a generated model holds besides its regions: areas a0..a(n-1), all
 * bilateral, and one muscle m0. */
enum {
	GEN_CHAIN = 1 << 0,    /* each area's parent is the one before it */
	GEN_LIST = 1 << 1,     /* GEN_LISTS techniques that list every area */
	GEN_ZONES = 1 << 2,    /* GEN_LISTS referrals with a zone on every area */
	GEN_BRANCHES = 1 << 3, /* a line with one branch per area */
};

#define GEN_LISTS 8

typedef struct gen {
	int areas;        /* how many areas */
	unsigned what;    /* GEN_* */
	int nodes;        /* a line of this many nodes, each listing ... */
	int node_regions; /* ... this many areas (0: no such line) */
} gen;

/* Load a generated model, check that the out-parameter agrees with the
 * status, free it; returns the status, the error in *err. */
mfr_status_t load_gen(const gen *g, mfr_error **err);

/* ---- long lists: intakes of many items ---------------------------------- */

/* A model of @p n bilateral areas a0..a(n-1), with n conditions c0.. (each
 * on one area), n global precautions p0.. and one local precaution "loc"
 * (loaded, or the calling test fails). */
mfr_model *many_model(int n);

/* The kinds of list an intake of many items gives. */
enum { MANY_SYMPTOMS, MANY_CONDITIONS, MANY_PRECAUTIONS, MANY_CLEARANCES, MANY_SITES };

/* What each kind is called, for messages. */
extern const char *const many_what[MANY_SITES + 1];

/* Record item @p i of a list of @p kind through the API: item i names
 * entity i * stride of a many_model(). */
mfr_status_t many_add(mfr_intake *in, int kind, int i, int stride);

#endif
