/*
 * libmfr - the site graph a trace walks: built once per model, read-only.
 * SPDX-License-Identifier: MIT
 *
 * A site is a region on a side. Site ids are dense: region index * 2, plus 1
 * for the right side of a bilateral region; a midline region uses the even
 * id only. Edges are stored in compressed rows (all edges leaving site s are
 * edges[offsets[s] .. offsets[s + 1]]), each with the factor (0 to 1) a step
 * along it multiplies a score by, and what justifies it. doc/algorithm.md
 * explains the factors.
 *
 * Midline sites join the left and the right copies of everything. So that
 * a path cannot slip through one to the other side where no line crosses,
 * an edge that leaves a midline site for a lateral one is followed only
 * when the path starts there (a midline symptom); a line's copy continues
 * through its midline nodes by pass-through edges that join the lateral
 * nodes on either side, on that copy's own course.
 */
#ifndef MFR_GRAPH_H
#define MFR_GRAPH_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "mfr/mfr.h"

#define MFR_NO_REF UINT32_MAX

typedef struct mfr_edge {
	uint32_t to;       /* site id */
	uint32_t ref;      /* line or referral index; MFR_NO_REF otherwise */
	double factor;     /* before options and condition priors */
	uint8_t relation;  /* one mfr_relation_t bit */
	uint8_t crosses;   /* line steps: crosses the midline */
	uint8_t zone;      /* referral steps: mfr_zone_kind_t */
	uint8_t upward;    /* hierarchy steps: from a region to its parent */
	uint8_t leaves_midline; /* from a midline site to a lateral one */
	uint8_t skipped;   /* line steps: midline nodes passed through */
	uint8_t within_segment; /* line steps: both regions in one body segment */
} mfr_edge;

typedef struct mfr_graph {
	uint32_t site_count; /* 2 * region count */
	uint32_t *offsets;   /* site_count + 1 */
	mfr_edge *edges;
	uint32_t edge_count;
} mfr_graph;

/* The factors, named so doc/algorithm.md and the code say the same. */
#define MFR_FACTOR_HIERARCHY_DOWN 0.8
#define MFR_FACTOR_HIERARCHY_UP 0.5
#define MFR_FACTOR_ADJACENCY 0.6
#define MFR_FACTOR_REFERRAL_ESSENTIAL 0.95
#define MFR_FACTOR_REFERRAL_SPILLOVER 0.75
/* A zone felt only occasionally, or rarely (a rare trigger point), counts
 * for less: multipliers on the zone's factor. libmfr's weights: the sources
 * say "occasionally" and "rare", not how much less. */
#define MFR_FACTOR_OCCASIONAL 0.8
#define MFR_FACTOR_RARE 0.5
#define MFR_FACTOR_CONVENTION 0.85   /* applied to conventions' edges */
#define MFR_FACTOR_MAY_CROSS 0.8     /* a line's optional crossing */
#define MFR_FACTOR_BILATERAL_ZONE 0.8 /* a zone felt on the other side */
/* A line step, for every border between body segments it spans past the
 * first (segment.h): libmfr's weight, chosen on the whole vignette suite. */
#define MFR_FACTOR_SEGMENT 0.8

/* The factor of a line step by the line's evidence grade. */
double mfr__line_factor(int evidence);

/*
 * The limits that keep the graph's size in check (doc/model-format.md,
 * "Limits"). Every pair of regions in one line node, and in two consecutive
 * nodes, is joined both ways on both copies of the line: a node of r
 * regions alone gives about 4 r^2 edges. An edge takes 24 bytes, so the
 * whole graph stays below about 400 MB.
 */
#define MFR_NODE_MAX_REGIONS 256
#define MFR_GRAPH_MAX_EDGES ((size_t)1 << 24) /* 16,777,216 */

/* Why a graph was not built: too many edges, and the line that adds most. */
typedef struct mfr_graph_excess {
	size_t edges;      /* edges counted when counting stopped (past the limit) */
	uint32_t line;     /* index of the line that adds the most edges */
	size_t line_edges; /* how many that line adds (up to where counting stopped) */
} mfr_graph_excess;

/* Build @p g for the model's regions, lines and referrals, in @p arena.
 * Returns 0; -1 when memory runs out; 1 when the graph would have more than
 * MFR_GRAPH_MAX_EDGES edges (then @p excess says how many and where). */
int mfr__graph_build(mfr_graph *g, const mfr_model *m, mfr_arena *arena,
		     mfr_graph_excess *excess);

#endif /* MFR_GRAPH_H */
