/*
 * libmfr - building the site graph from the model.
 * SPDX-License-Identifier: MIT
 *
 * Edges come from four relations:
 * - hierarchy: a region and its parent, on the same side, both ways (down
 *   into a region is a stronger step than up out of it);
 * - adjacency: bordering regions, on the same side, both ways;
 * - lines: consecutive nodes of every branch of both copies of every line,
 *   both ways, with the sides the copy gives them (so crossing lines reach
 *   the other side), plus the structures that share one node;
 * - referrals: from each area where a trigger point's pain is felt to the
 *   muscle that holds it (only that way: a trace runs from symptom to source).
 * A line step between regions more than one body-segment border apart
 * (segment.h) costs a further MFR_FACTOR_SEGMENT for every border past the
 * first, so that a coarse station (the thoracolumbar fascia with the
 * suboccipitals) or a long hop reflects anatomical distance.
 * The graph is built in two passes (count, then fill) into compressed rows,
 * then each row is sorted and repeated edges merged, keeping the strongest.
 * The count is a size_t checked against MFR_GRAPH_MAX_EDGES before anything
 * is filled: a node of r regions alone gives about 4 r^2 edges, so a
 * uint32_t count could wrap and the fill write past the array.
 */
#include "graph.h"

#include <stdlib.h>
#include <string.h>

#include "model-private.h"
#include "segment.h"

double mfr__line_factor(int evidence)
{
	switch (evidence) {
	case MFR_EVIDENCE_STRONG: return 0.95;
	case MFR_EVIDENCE_MODERATE: return 0.85;
	case MFR_EVIDENCE_LIMITED: return 0.75;
	case MFR_EVIDENCE_NOT_ASSESSED: return 0.7;
	default: return 0.6; /* examined and not confirmed */
	}
}

typedef struct emitter {
	mfr_graph *g;
	const mfr_model *m;
	uint32_t *fill; /* NULL while counting */
	size_t total;   /* edges counted so far, before merging repeats */
	const mfr_segments *segments;
	double distance_factor[MFR_SEGMENT_UNKNOWN]; /* MFR_FACTOR_SEGMENT^d */
} emitter;

/* A line step @p step of factor @p f between regions @p a and @p b: less
 * for every segment border past the first between them (unchanged when
 * their distance is unknown), and whether it stays in one segment. */
static void line_step(const emitter *e, const mfr_region *a, const mfr_region *b, double f,
		      mfr_edge *step)
{
	uint8_t d = mfr__segment_distance(e->segments, a->index, b->index);

	step->factor = d == MFR_SEGMENT_UNKNOWN ? f : f * e->distance_factor[d];
	step->within_segment = d == 0;
}

/* While counting: whether the count is past the limit (emitting stops). */
static int over(const emitter *e)
{
	return !e->fill && e->total > MFR_GRAPH_MAX_EDGES;
}

static void emit(emitter *e, uint32_t from, mfr_edge edge)
{
	const mfr_region *rf = &e->m->regions[from / 2];
	const mfr_region *rt = &e->m->regions[edge.to / 2];

	edge.leaves_midline = rf->laterality == MFR_LATERALITY_MIDLINE &&
			      rt->laterality != MFR_LATERALITY_MIDLINE;
	if (!e->fill) {
		/* Counted in size_t; a row's count is kept only while the total
		 * is within the limit, so no uint32_t offset can wrap. */
		if (++e->total <= MFR_GRAPH_MAX_EDGES)
			e->g->offsets[from + 1]++;
	} else {
		e->g->edges[e->fill[from]++] = edge;
	}
}

static int other_side(int side)
{
	return side == MFR_SIDE_LEFT ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT;
}

static int is_midline(const mfr_region *r)
{
	return r->laterality == MFR_LATERALITY_MIDLINE;
}

/* Edges between every site of @p a and the site of @p b on the same side
 * (a midline region meets both sides of a bilateral one). */
static void emit_same_side(emitter *e, const mfr_region *a, const mfr_region *b,
			   mfr_edge ab, mfr_edge ba)
{
	static const int sides[] = { MFR_SIDE_LEFT, MFR_SIDE_RIGHT };

	for (int k = 0; k < 2; k++) {
		int s = sides[k];

		if (k == 1 && is_midline(a) && is_midline(b))
			break;
		uint32_t sa = mfr__site_id(a, is_midline(a) ? MFR_SIDE_MIDLINE : s);
		uint32_t sb = mfr__site_id(b, is_midline(b) ? MFR_SIDE_MIDLINE : s);

		ab.to = sb;
		ba.to = sa;
		emit(e, sa, ab);
		emit(e, sb, ba);
	}
}

static mfr_edge edge(int relation, double factor)
{
	return (mfr_edge){ .ref = MFR_NO_REF, .factor = factor, .relation = (uint8_t)relation };
}

static void emit_hierarchy(emitter *e, const mfr_model *m)
{
	for (uint32_t i = 0; i < m->region_count; i++) {
		const mfr_region *r = &m->regions[i];
		mfr_edge up = edge(MFR_RELATION_HIERARCHY, MFR_FACTOR_HIERARCHY_UP);
		mfr_edge down = edge(MFR_RELATION_HIERARCHY, MFR_FACTOR_HIERARCHY_DOWN);

		up.upward = 1;
		if (r->parent)
			emit_same_side(e, r, r->parent, up, down);
	}
}

static void emit_adjacency(emitter *e, const mfr_model *m)
{
	mfr_edge adj = edge(MFR_RELATION_ADJACENCY, MFR_FACTOR_ADJACENCY);

	for (uint32_t i = 0; i < m->region_count; i++) {
		const mfr_region *r = &m->regions[i];

		for (uint32_t k = 0; k < r->adjacent_count; k++)
			if (r->adjacent[k]->index > r->index)
				emit_same_side(e, r, r->adjacent[k], adj, adj);
	}
}

/* The absolute side of a node in the copy of a line that starts on @p start. */
static int node_side(const mfr_line_node *n, int start)
{
	switch (n->side) {
	case MFR_LINE_IPSI: return start;
	case MFR_LINE_CONTRA: return other_side(start);
	default: return MFR_SIDE_MIDLINE;
	}
}

/* Both ways between every region of node @p a (on side @p sa) and every
 * region of node @p b (on side @p sb). */
static void emit_nodes(emitter *e, const mfr_line *l, const mfr_line_node *a, int sa,
		       const mfr_line_node *b, int sb, double factor, int crosses)
{
	mfr_edge step = edge(MFR_RELATION_LINE, factor);

	if (over(e))
		return;
	step.ref = l->index;
	step.crosses = (uint8_t)crosses;
	for (uint32_t i = 0; i < a->region_count; i++) {
		for (uint32_t k = 0; k < b->region_count; k++) {
			uint32_t from = mfr__site_id(a->regions[i], sa);
			uint32_t to = mfr__site_id(b->regions[k], sb);

			/* A line moves between tissues: none from a region to
			 * itself, or between a group and its member. */
			if (mfr__one_tissue(a->regions[i], sa, b->regions[k], sb))
				continue;
			step.to = to;
			line_step(e, a->regions[i], b->regions[k], factor, &step);
			emit(e, from, step);
			step.to = from;
			emit(e, to, step);
		}
	}
}

/* From lateral node @p i of a branch, through the midline nodes after it,
 * to the next lateral node: one edge each way per region pair, worth as
 * many steps as it spans. */
static void emit_pass_through(emitter *e, const mfr_line *l, const mfr_line_branch *br,
			      uint32_t i, int start, double f)
{
	uint32_t j = i + 1;
	double factor = f;

	while (j < br->node_count && br->nodes[j].side == MFR_LINE_MID) {
		factor *= f;
		j++;
	}
	if (j == br->node_count)
		return; /* the branch ends on the midline */

	const mfr_line_node *a = &br->nodes[i], *b = &br->nodes[j];
	mfr_edge step = edge(MFR_RELATION_LINE, factor);

	if (over(e))
		return;
	step.ref = l->index;
	step.crosses = b->crosses;
	step.skipped = (uint8_t)(j - i - 1);
	for (uint32_t x = 0; x < a->region_count; x++) {
		for (uint32_t y = 0; y < b->region_count; y++) {
			uint32_t from = mfr__site_id(a->regions[x], node_side(a, start));
			uint32_t to = mfr__site_id(b->regions[y], node_side(b, start));

			if (mfr__one_tissue(a->regions[x], node_side(a, start), b->regions[y],
					    node_side(b, start)))
				continue;
			step.to = to;
			line_step(e, a->regions[x], b->regions[y], factor, &step);
			emit(e, from, step);
			step.to = from;
			emit(e, to, step);
		}
	}
}

/* Emit every line's edges; while counting, note in @p excess the line
 * that adds the most (for the message when the graph is too large). */
static void emit_lines(emitter *e, const mfr_model *m, mfr_graph_excess *excess)
{
	static const int starts[] = { MFR_SIDE_LEFT, MFR_SIDE_RIGHT };

	for (uint32_t li = 0; li < m->line_count && !over(e); li++) {
		const mfr_line *l = &m->lines[li];
		double f = mfr__line_factor(l->evidence);
		size_t before = e->total;

		if (l->prov.convention)
			f *= MFR_FACTOR_CONVENTION;
		for (int c = 0; c < 2; c++) {
			for (uint32_t b = 0; b < l->branch_count; b++) {
				const mfr_line_branch *br = &l->branches[b];

				for (uint32_t i = 0; i < br->node_count; i++) {
					const mfr_line_node *n = &br->nodes[i];
					int s = node_side(n, starts[c]);

					/* Structures that share one node: one line
					 * step apart, so that no detour through the
					 * next station is shorter. */
					emit_nodes(e, l, n, s, n, s, f, 0);
					if (i + 1 == br->node_count)
						continue;
					const mfr_line_node *next = &br->nodes[i + 1];
					int t = node_side(next, starts[c]);

					emit_nodes(e, l, n, s, next, t, f, next->crosses);
					if (n->may_cross && t != MFR_SIDE_MIDLINE)
						emit_nodes(e, l, n, s, next, other_side(t),
							   f * MFR_FACTOR_MAY_CROSS, 1);
					if (s != MFR_SIDE_MIDLINE && t == MFR_SIDE_MIDLINE)
						emit_pass_through(e, l, br, i, starts[c], f);
				}
			}
		}
		if (excess && e->total - before > excess->line_edges) {
			excess->line = li;
			excess->line_edges = e->total - before;
		}
	}
}

/* The referral edges of one zone from one area (the zone's own, or a chart
 * area within it) to the muscle. */
static void emit_zone(emitter *e, const mfr_region *area, const mfr_region *muscle,
		      const mfr_referral_zone *zone, mfr_edge step, double f)
{
	static const int sides[] = { MFR_SIDE_LEFT, MFR_SIDE_RIGHT };

	for (int k = 0; k < 2; k++) {
		int s = sides[k];
		int as = is_midline(area) ? MFR_SIDE_MIDLINE : s;
		int ms = is_midline(muscle) ? MFR_SIDE_MIDLINE : s;

		if (k == 1 && is_midline(area) && is_midline(muscle))
			break;
		step.to = mfr__site_id(muscle, ms);
		step.factor = f;
		emit(e, mfr__site_id(area, as), step);
		/* A zone felt on both sides: the muscle on the other side may
		 * refer here too. */
		if (zone->bilateral && !is_midline(area) && !is_midline(muscle)) {
			step.to = mfr__site_id(muscle, other_side(s));
			step.factor = f * MFR_FACTOR_BILATERAL_ZONE;
			emit(e, mfr__site_id(area, as), step);
		}
	}
}

/* The zone's edges from its area and from every chart area within it: a
 * client marks the posterior neck, not "the neck", so a zone given as a
 * part or a broad area reaches the muscle from each area a client can mark
 * inside it. */
static void emit_zone_areas(emitter *e, const mfr_region *area, const mfr_region *muscle,
			    const mfr_referral_zone *zone, mfr_edge step, double f)
{
	emit_zone(e, area, muscle, zone, step, f);
	for (uint32_t c = 0; c < area->child_count; c++)
		if (area->children[c]->kind == MFR_REGION_AREA)
			emit_zone_areas(e, area->children[c], muscle, zone, step, f);
}

static void emit_referrals(emitter *e, const mfr_model *m)
{
	for (uint32_t ri = 0; ri < m->referral_count; ri++) {
		const mfr_referral *r = &m->referrals[ri];
		const mfr_region *muscle = r->muscle;

		for (uint32_t z = 0; z < r->zone_count; z++) {
			const mfr_referral_zone *zone = &r->zones[z];
			const mfr_region *area = zone->area;
			double f = zone->kind == MFR_ZONE_ESSENTIAL
				? MFR_FACTOR_REFERRAL_ESSENTIAL
				: MFR_FACTOR_REFERRAL_SPILLOVER;

			if (zone->frequency == MFR_FREQUENCY_OCCASIONAL)
				f *= MFR_FACTOR_OCCASIONAL;
			else if (zone->frequency == MFR_FREQUENCY_RARE)
				f *= MFR_FACTOR_RARE;
			mfr_edge step;

			if (r->prov.convention)
				f *= MFR_FACTOR_CONVENTION;
			step = edge(MFR_RELATION_REFERRAL, f);
			step.ref = r->index;
			step.zone = zone->kind;
			emit_zone_areas(e, area, muscle, zone, step, f);
		}
	}
}

static void emit_all(emitter *e, const mfr_model *m, mfr_graph_excess *excess)
{
	emit_hierarchy(e, m);
	emit_adjacency(e, m);
	emit_lines(e, m, excess);
	if (!over(e))
		emit_referrals(e, m);
}

/* Order within a row: by target, relation, reference, then strongest first,
 * so that merging keeps the strongest of repeated edges. */
static int edge_cmp(const void *pa, const void *pb)
{
	const mfr_edge *a = pa, *b = pb;

	if (a->to != b->to)
		return a->to < b->to ? -1 : 1;
	if (a->relation != b->relation)
		return a->relation < b->relation ? -1 : 1;
	if (a->ref != b->ref)
		return a->ref < b->ref ? -1 : 1;
	if (a->zone != b->zone)
		return a->zone < b->zone ? -1 : 1;
	if (a->factor != b->factor)
		return a->factor > b->factor ? -1 : 1;
	return (int)a->crosses - (int)b->crosses;
}

static int same_step(const mfr_edge *a, const mfr_edge *b)
{
	return a->to == b->to && a->relation == b->relation && a->ref == b->ref &&
	       a->zone == b->zone;
}

/* Count, fill, then sort and merge (mfr__graph_build's body). */
static int build(emitter *e, mfr_graph *g, const mfr_model *m, mfr_arena *arena,
		 uint32_t n, mfr_graph_excess *excess)
{
	g->site_count = n;
	g->offsets = mfr__arena_alloc(arena, ((size_t)n + 1) * sizeof(*g->offsets));
	if (!g->offsets)
		return -1;
	emit_all(e, m, excess);
	if (over(e)) {
		excess->edges = e->total;
		return 1;
	}
	for (uint32_t s = 0; s < n; s++)
		g->offsets[s + 1] += g->offsets[s];
	g->edge_count = g->offsets[n];

	g->edges = mfr__arena_alloc(arena, (g->edge_count ? (size_t)g->edge_count : 1) *
					   sizeof(*g->edges));
	e->fill = mfr__arena_alloc(arena, (n ? n : (size_t)1) * sizeof(*e->fill));
	if (!g->edges || !e->fill)
		return -1;
	memcpy(e->fill, g->offsets, (size_t)n * sizeof(*e->fill));
	emit_all(e, m, NULL);

	/* Sort each row and merge repeats in place. */
	uint32_t out = 0;
	for (uint32_t s = 0; s < n; s++) {
		uint32_t begin = g->offsets[s], end = g->offsets[s + 1];

		if (end - begin > 1)
			qsort(g->edges + begin, end - begin, sizeof(*g->edges), edge_cmp);
		g->offsets[s] = out;
		for (uint32_t k = begin; k < end; k++)
			if (out == g->offsets[s] || !same_step(&g->edges[out - 1], &g->edges[k]))
				g->edges[out++] = g->edges[k];
	}
	g->offsets[n] = out;
	g->edge_count = out;
	return 0;
}

int mfr__graph_build(mfr_graph *g, const mfr_model *m, mfr_arena *arena,
		     mfr_graph_excess *excess)
{
	mfr_segments segments;
	emitter e = { g, m, NULL, 0, &segments, { 1.0 } };
	uint32_t n = m->region_count * 2; /* the loader keeps regions below 2^31 */
	int rc;

	memset(excess, 0, sizeof(*excess));
	/* Neighbouring segments are what consecutive stations join: each
	 * border past the first costs. */
	e.distance_factor[1] = 1.0;
	for (int d = 2; d < MFR_SEGMENT_UNKNOWN; d++)
		e.distance_factor[d] = e.distance_factor[d - 1] * MFR_FACTOR_SEGMENT;
	if (mfr__segments_init(&segments, m) < 0)
		return -1;
	rc = build(&e, g, m, arena, n, excess);
	mfr__segments_free(&segments);
	return rc;
}
