/*
 * libmfr - the trace's private layout, shared by the search, the
 * explanations and the JSON writer.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_TRACE_PRIVATE_H
#define MFR_TRACE_PRIVATE_H

#include <stdint.h>

#include "arena.h"
#include "audit.h"
#include "graph.h"
#include "intake-private.h"

/* The score below which a search stops following a path. */
#define MFR_TRACE_MIN_SCORE 0.01
/* The cost of changing from one line to another along a path: a path that
 * hops across several lines is weaker evidence than one that follows a
 * line. libmfr's weight, not a sourced figure. */
#define MFR_FACTOR_LINE_CHANGE 0.8
/* The cost of a path's first line step out of a body segment (segment.h):
 * there the reasoning leaves the part of the body that hurts for tissue
 * that only connects to it along a line. (A line step within one segment,
 * the calcaneus to the plantar fascia, stays local.) libmfr's weight,
 * tuned on the whole vignette suite (doc/vignettes.md); not sourced. */
#define MFR_FACTOR_LINE_LEAVE 0.8
/* The cost of a path's first line step after a referral: the referral's
 * source is itself an inference from where the pain is felt, and its line
 * neighbours a second one. libmfr's weight, tuned as above. */
#define MFR_FACTOR_LINE_FROM_SOURCE 0.7
/* A hierarchy step down into a region within the symptom's own site (the
 * temporalis for a temple symptom), in place of MFR_FACTOR_HIERARCHY_DOWN:
 * as strong as an essential referral. libmfr's weight, chosen on the whole
 * vignette suite. */
#define MFR_FACTOR_WITHIN_SYMPTOM 0.95
/* A condition's region prior applies near a symptom: in its body part, or
 * reached from it in at most this many steps without changing lines. */
#define MFR_PRIOR_NEAR_STEPS 4
/* The multiplier for a site whose region a recorded condition lists. */
#define MFR_PRIOR_CONDITION_REGION 1.5
/* How much of the gap to 1 a line step on a condition's line gains. */
#define MFR_PRIOR_CONDITION_LINE 0.25

struct mfr_trace_options {
	uint32_t max_results;
	uint32_t max_steps;
	int min_evidence;
	uint32_t relations;
	char **lines; /* keys; none means every line */
	uint32_t line_count;
};

struct mfr_trace_path_step {
	uint32_t from, to;     /* site ids */
	const mfr_edge *edge;  /* the graph edge followed */
	double factor;         /* as applied, after priors */
	const mfr_model *model; /* the sites' model, for the public getters */
};

struct mfr_trace_path {
	const mfr_model *model; /* the sites' model */
	uint32_t symptom;
	double score;
	mfr_trace_path_step *steps;
	uint32_t step_count;
};

struct mfr_trace_result {
	const mfr_trace *trace;
	const mfr_region *region;
	uint8_t side;
	uint8_t distance;
	double score;
	mfr_trace_path *paths; /* strongest first */
	uint32_t path_count;
	uint32_t first_finding; /* while combining: its first finding */
	const char *explain; /* written with the trace, in its arena */
};

struct mfr_trace {
	mfr_arena arena;
	const mfr_intake *intake; /* while tracing only: a trace outlives it */
	const mfr_model *model;
	mfr_intake_symptom *symptoms;    /* a copy of the intake's */
	uint32_t symptom_count;
	mfr_trace_result *results;
	uint32_t count;
	mfr_audit audit; /* the intake's id and extensions, copied */
	uint8_t merged;  /* made from the model's reach lists (tests) */
};

/* The region and side of site @p site. */
const mfr_region *mfr__site_region(const mfr_model *m, uint32_t site);
int mfr__site_side(const mfr_model *m, uint32_t site);

/* "left soleus: refers pain to the left heel ..." for @p result, in the
 * trace's arena; NULL when memory runs out. */
const char *mfr__trace_explain(mfr_trace *trace, const mfr_trace_result *result);

/* The result's explanation (written with the trace; never NULL for a
 * result of a finished trace). */
const char *mfr__result_explain(const mfr_trace_result *result);

/* Whether traces on @p m use its reach lists (trace.c; on by default). A
 * trace is the same either way: tests compare the two. Not for use while
 * other threads trace on the model. */
void mfr__trace_reach_enable(const mfr_model *m, int on);

#endif /* MFR_TRACE_PRIVATE_H */
