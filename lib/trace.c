/*
 * libmfr - the trace: from symptom sites to ranked treatment sites.
 * SPDX-License-Identifier: MIT
 *
 * For each symptom, a best-first search (Dijkstra on the product of step
 * factors) settles every site it reaches, in order of falling score, until
 * its scores fall below MFR_TRACE_MIN_SCORE or its paths reach max_steps:
 * never fewer because fewer results were asked, so a site's score and rank
 * do not depend on max_results (the exact ranking). Scratch space is a hash
 * map over the sites visited, or an array by site where the search may
 * visit most of the model. The symptoms' findings are then combined per
 * site (1 - prod(1 - s_i)), condition priors applied, and the best
 * max_results kept. Each search is kept with the model as the site's reach
 * list, and later traces merge the lists instead, exactly ("reach lists"
 * below). doc/algorithm.md has the details.
 */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "accessor.h"
#include "alloc.h"
#include "error.h"
#include "keys.h"
#include "names.h"
#include "trace-private.h"

#define NONE UINT32_MAX

/* ---- options ---- */

MFR_EXPORT mfr_status_t mfr_trace_options_new(mfr_trace_options **out)
{
	if (!out)
		return MFR_E_INVALID;
	*out = mfr__calloc(1, sizeof(**out));
	if (!*out)
		return MFR_E_NOMEM;
	(*out)->max_results = 20;
	(*out)->max_steps = 6;
	(*out)->min_evidence = MFR_EVIDENCE_NOT_ASSESSED;
	(*out)->relations = MFR_RELATION_ALL;
	return MFR_OK;
}

MFR_EXPORT void mfr_trace_options_free(mfr_trace_options *opts)
{
	if (!opts)
		return;
	mfr__keys_free(opts->lines, opts->line_count);
	mfr__free(opts);
}

/* Set @p *field to @p v when @p opts exists and lo <= v <= hi. */
static mfr_status_t set_in_range(const mfr_trace_options *opts, uint32_t *field, uint32_t v,
			       uint32_t lo, uint32_t hi)
{
	if (!opts)
		return MFR_E_INVALID;
	if (v < lo || v > hi)
		return MFR_E_RANGE;
	*field = v;
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_trace_options_set_max_results(mfr_trace_options *opts, uint32_t n)
{
	return set_in_range(opts, opts ? &opts->max_results : NULL, n, 1, 10000);
}

MFR_EXPORT mfr_status_t mfr_trace_options_set_max_steps(mfr_trace_options *opts, uint32_t n)
{
	return set_in_range(opts, opts ? &opts->max_steps : NULL, n, 1, 64);
}

MFR_EXPORT mfr_status_t mfr_trace_options_set_min_evidence(mfr_trace_options *opts,
							 mfr_evidence_t grade)
{
	if (!opts)
		return MFR_E_INVALID;
	if (grade < MFR_EVIDENCE_NOT_ASSESSED || grade > MFR_EVIDENCE_STRONG)
		return MFR_E_RANGE;
	opts->min_evidence = grade;
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_trace_options_set_relations(mfr_trace_options *opts, uint32_t mask)
{
	if (!opts)
		return MFR_E_INVALID;
	if (mask == 0 || (mask & ~(uint32_t)MFR_RELATION_ALL))
		return MFR_E_RANGE;
	opts->relations = mask;
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_trace_options_add_line(mfr_trace_options *opts, const char *line)
{
	if (!opts)
		return MFR_E_INVALID;
	return mfr__keys_add(&opts->lines, &opts->line_count, UINT32_MAX, line);
}

/* ---- sites ---- */

const mfr_region *mfr__site_region(const mfr_model *m, uint32_t site)
{
	return &m->regions[site / 2];
}

int mfr__site_side(const mfr_model *m, uint32_t site)
{
	const mfr_region *r = mfr__site_region(m, site);

	if (r->laterality == MFR_LATERALITY_MIDLINE)
		return MFR_SIDE_MIDLINE;
	return site & 1 ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT;
}

static int is_treatment_site(const mfr_region *r)
{
	return mfr_region_treatable(r);
}


/* The results kept so far, for "one tissue, one site": a new result is
 * the same tissue as a kept one when a kept region on a side it meets
 * (the same, or either midline) is the new one or holds it, or lies
 * within it. Each region notes the sides kept on it (at) and within it
 * (below), so that a result costs its depth in the hierarchy, not the
 * number kept; on a big model, a few results are compared pairwise
 * instead (the notes would cost more to clear than they save). */
#define MFR_TISSUE_PAIRWISE 32
#define MFR_TISSUE_SMALL_MODEL 4096

typedef struct tissues {
	const mfr_trace_result *kept;
	uint32_t count;
	uint8_t *at, *below; /* by region: 1 << side bits; NULL: pairwise */
} tissues;

static int tissues_init(tissues *ts, const mfr_model *m, const mfr_trace_result *kept,
			uint32_t want)
{
	*ts = (tissues){ kept, 0, NULL, NULL };
	if (want <= MFR_TISSUE_PAIRWISE && m->region_count > MFR_TISSUE_SMALL_MODEL)
		return 1;
	ts->at = mfr__calloc(2 * (size_t)m->region_count + 1, 1);
	if (!ts->at)
		return 0;
	ts->below = ts->at + m->region_count;
	return 1;
}

static void tissues_free(tissues *ts)
{
	mfr__free(ts->at);
}

/* The sides a result on @p side meets: its own, or every one on the
 * midline, and the midline always. */
static uint8_t sides_met(int side)
{
	return side == MFR_SIDE_MIDLINE ? (uint8_t)0xff
		: (uint8_t)(1u << side | 1u << MFR_SIDE_MIDLINE);
}

static int tissues_dup(const tissues *ts, const mfr_trace_result *res)
{
	if (!ts->at) {
		for (uint32_t k = 0; k < ts->count; k++)
			if (mfr__one_tissue(res->region, res->side, ts->kept[k].region,
					    ts->kept[k].side))
				return 1;
		return 0;
	}
	uint8_t met = sides_met(res->side);

	if (ts->below[res->region->index] & met)
		return 1;
	for (const mfr_region *r = res->region; r; r = r->parent)
		if (ts->at[r->index] & met)
			return 1;
	return 0;
}

/* Note that the result just stored at kept[count] is kept. */
static void tissues_keep(tissues *ts)
{
	const mfr_trace_result *res = &ts->kept[ts->count++];

	if (!ts->at)
		return;
	uint8_t bit = (uint8_t)(1u << res->side);

	ts->at[res->region->index] |= bit;
	for (const mfr_region *r = res->region; r; r = r->parent)
		ts->below[r->index] |= bit;
}

/* ---- one symptom's search ---- */

typedef struct label {
	uint32_t site;
	uint32_t pred; /* label index, or NONE at the symptom */
	const mfr_edge *via;
	double score;
	double factor; /* of the step from pred */
	uint32_t hops;
	uint8_t settled;
	uint8_t inside;  /* the path only went down into the symptom's site */
	uint8_t midline; /* the path has only been on midline sites */
	uint8_t far;     /* the path took a line or a referral step */
	uint8_t lined;   /* the path took a line step */
	uint8_t left;    /* the path took a line step out of a body segment */
	uint8_t referred; /* the path took a referral step */
} label;

typedef struct heap_item {
	double score;
	uint32_t site;
	uint32_t label;
} heap_item;

typedef struct search {
	label *labels;
	uint32_t label_count, label_cap;
	uint32_t *slots; /* hash: site -> label index + 1; 0 is empty */
	uint32_t slot_mask;
	int dense;       /* slots is indexed by site instead */
	heap_item *heap;
	uint32_t heap_count, heap_cap;
	uint32_t *found; /* settled treatment sites, as label indexes, in order */
	uint32_t found_count, found_cap;
	/* Building a reach list (reach_build()): every settled label in order,
	 * where the search stopped short (its next score; 0 when it ran to
	 * its end) and the relations and lines of the steps it examined. */
	uint32_t *order;
	uint32_t order_count, order_cap;
	double cut;
	uint32_t relations;
	uint64_t *lines;
} search;

/* The context a search needs: the model, the options resolved, the priors. */
typedef struct context {
	const mfr_model *m;
	const mfr_intake *in; /* NULL while building a reach list: no priors */
	const mfr_trace_options *opts;
	uint32_t *lines; /* allowed line indexes, or NULL for every line */
	uint32_t line_count;
	int building; /* a reach list: record the search (search.order, ...) */
} context;

static int grow(void **items, uint32_t *cap, uint32_t need, size_t size)
{
	if (need <= *cap)
		return 1;
	uint32_t ncap = *cap ? *cap : 16;
	while (ncap < need)
		ncap *= 2;
	void *p = mfr__realloc(*items, (size_t)ncap * size);
	if (!p)
		return 0;
	*items = p;
	*cap = ncap;
	return 1;
}

static uint32_t hash_site(uint32_t site)
{
	return site * 2654435761u;
}

static void search_free(search *s)
{
	mfr__free(s->labels);
	mfr__free(s->slots);
	mfr__free(s->heap);
	mfr__free(s->found);
	mfr__free(s->order);
	mfr__free(s->lines);
}

static int rehash(search *s, uint32_t nslots)
{
	uint32_t *slots = mfr__calloc(nslots, sizeof(*slots));

	if (!slots)
		return 0;
	mfr__free(s->slots);
	s->slots = slots;
	s->slot_mask = nslots - 1;
	for (uint32_t i = 0; i < s->label_count; i++) {
		uint32_t h = hash_site(s->labels[i].site) & s->slot_mask;

		while (s->slots[h])
			h = (h + 1) & s->slot_mask;
		s->slots[h] = i + 1;
	}
	return 1;
}

/* The label of @p site, created unsettled with score 0 if new; NONE when
 * memory runs out. */
static uint32_t label_of(search *s, uint32_t site)
{
	if (s->dense) {
		/* slots[site]: every site has its own. */
		if (s->slots[site])
			return s->slots[site] - 1;
		if (!grow((void **)&s->labels, &s->label_cap, s->label_count + 1, sizeof(label)))
			return NONE;
		s->labels[s->label_count] = (label){ .site = site, .pred = NONE };
		s->slots[site] = s->label_count + 1;
		return s->label_count++;
	}
	uint32_t h = hash_site(site) & s->slot_mask;

	while (s->slots[h]) {
		uint32_t i = s->slots[h] - 1;
		if (s->labels[i].site == site)
			return i;
		h = (h + 1) & s->slot_mask;
	}
	/* A new site: keep the table at most half full. */
	if ((s->label_count + 1) * 2 > s->slot_mask + 1) {
		if (!rehash(s, (s->slot_mask + 1) * 2))
			return NONE;
		return label_of(s, site);
	}
	if (!grow((void **)&s->labels, &s->label_cap, s->label_count + 1, sizeof(label)))
		return NONE;
	s->labels[s->label_count] = (label){ .site = site, .pred = NONE };
	s->slots[h] = s->label_count + 1;
	return s->label_count++;
}

/* Heap order: higher score first, then lower site id (determinism). */
static int heap_before(const heap_item *a, const heap_item *b)
{
	return a->score != b->score ? a->score > b->score : a->site < b->site;
}

static int heap_push(search *s, heap_item item)
{
	if (!grow((void **)&s->heap, &s->heap_cap, s->heap_count + 1, sizeof(item)))
		return 0;
	uint32_t i = s->heap_count++;
	while (i > 0) {
		uint32_t p = (i - 1) / 2;
		if (!heap_before(&item, &s->heap[p]))
			break;
		s->heap[i] = s->heap[p];
		i = p;
	}
	s->heap[i] = item;
	return 1;
}

static heap_item heap_pop(search *s)
{
	heap_item top = s->heap[0], last = s->heap[--s->heap_count];
	uint32_t i = 0;

	for (;;) {
		uint32_t c = 2 * i + 1;
		if (c >= s->heap_count)
			break;
		if (c + 1 < s->heap_count && heap_before(&s->heap[c + 1], &s->heap[c]))
			c++;
		if (!heap_before(&s->heap[c], &last))
			break;
		s->heap[i] = s->heap[c];
		i = c;
	}
	if (s->heap_count)
		s->heap[i] = last;
	return top;
}

static int contains(const uint32_t *list, uint32_t n, uint32_t v)
{
	for (uint32_t i = 0; i < n; i++)
		if (list[i] == v)
			return 1;
	return 0;
}

/* Whether any recorded condition lists line @p line. */
static int condition_line(const mfr_intake *in, uint32_t line)
{
	if (!in)
		return 0;
	for (uint32_t c = 0; c < in->condition_count; c++) {
		const mfr_condition *cond = in->conditions[c];

		for (uint32_t i = 0; i < cond->line_count; i++)
			if (cond->lines[i]->index == line)
				return 1;
	}
	return 0;
}

/* The factor of following @p e under the options and priors; 0 to skip. */
static double step_factor(const context *cx, const mfr_edge *e)
{
	if (!(e->relation & cx->opts->relations))
		return 0;
	if (e->relation != MFR_RELATION_LINE)
		return e->factor;

	const mfr_line *line = &cx->m->lines[e->ref];
	if (line->evidence < cx->opts->min_evidence)
		return 0;
	if (cx->lines && !contains(cx->lines, cx->line_count, e->ref))
		return 0;
	if (condition_line(cx->in, e->ref))
		return e->factor + (1.0 - e->factor) * MFR_PRIOR_CONDITION_LINE;
	return e->factor;
}

/* Whether a path in state @p lb may take step @p e at all:
 * - out of a midline site to a side only while the path has been on the
 *   midline all along (from a midline symptom): otherwise it would slip
 *   through the midline to the other side where no line crosses;
 * - a referral leads from where the pain is felt (the symptom, an area
 *   within or beside it) to its source, and proximity means proximity to
 *   the symptom: neither is taken once the path has followed a line or a
 *   referral away from it. */
static int may_step(const label *lb, const mfr_edge *e)
{
	if (e->leaves_midline && !lb->midline)
		return 0;
	if (lb->far && (e->relation == MFR_RELATION_REFERRAL ||
			e->relation == MFR_RELATION_ADJACENCY))
		return 0;
	return 1;
}

/* The most a reach list holds: treatment sites, and settled sites in all
 * (bounded memory on big models; a trace that needs more searches live). */
#define MFR_REACH_MAX_LABELS ((uint32_t)1 << 20)
#define MFR_REACH_MAX_FOUND MFR_REACH_MAX_LABELS

/* Settle every site the symptom at @p source, of weight @p weight, reaches
 * (doc/algorithm.md, section 2). */
static mfr_status_t run_search(const context *cx, search *s, uint32_t source, double weight)
{
	const mfr_graph *g = &cx->m->graph;
	/* A search may reach every site; most reach far fewer. */
	uint32_t expect = g->site_count < 4096 ? g->site_count : 4096;
	uint32_t nslots = 64;

	/* Size the scratch once for what the search is likely to visit (it
	 * still grows if it must): the lookup then never checks the load.
	 * Where the search may well visit most of the model (a small model;
	 * a reach list, which settles all it reaches), the slots are an
	 * array by site: no hashing, no probing. */
	while (nslots < 2 * expect && nslots < (1u << 30))
		nslots *= 2;
	s->dense = g->site_count <= nslots || cx->building;
	if (s->dense) {
		mfr__free(s->slots);
		s->slots = mfr__calloc(g->site_count ? g->site_count : 1, sizeof(*s->slots));
		if (!s->slots)
			return MFR_E_NOMEM;
	}
	if ((!s->dense && !rehash(s, nslots)) ||
	    !grow((void **)&s->labels, &s->label_cap, expect, sizeof(label)) ||
	    !grow((void **)&s->heap, &s->heap_cap, expect, sizeof(heap_item)))
		return MFR_E_NOMEM;
	uint32_t l0 = label_of(s, source);

	if (l0 == NONE)
		return MFR_E_NOMEM;
	s->labels[l0].score = weight;
	s->labels[l0].inside = 1;
	s->labels[l0].midline = mfr__site_side(cx->m, source) == MFR_SIDE_MIDLINE;
	if (!heap_push(s, (heap_item){ weight, source, l0 }))
		return MFR_E_NOMEM;

	while (s->heap_count) {
		heap_item top = heap_pop(s);
		label *lb = &s->labels[top.label];

		if (lb->settled || top.score < lb->score)
			continue; /* a stale entry */
		if (lb->score < MFR_TRACE_MIN_SCORE)
			break;
		int treat = is_treatment_site(mfr__site_region(cx->m, lb->site));
		if (cx->building) {
			if (s->order_count == MFR_REACH_MAX_LABELS ||
			    (treat && s->found_count == MFR_REACH_MAX_FOUND)) {
				s->cut = lb->score; /* no site left out scores more */
				break;
			}
			if (!grow((void **)&s->order, &s->order_cap, s->order_count + 1,
				  sizeof(*s->order)))
				return MFR_E_NOMEM;
			s->order[s->order_count++] = top.label;
		}
		lb->settled = 1;
		if (treat) {
			if (!grow((void **)&s->found, &s->found_cap, s->found_count + 1,
				  sizeof(*s->found)))
				return MFR_E_NOMEM;
			s->found[s->found_count++] = top.label;
		}
		if (lb->hops >= cx->opts->max_steps)
			continue;

		/* label_of() may move the labels: keep what the loop needs. */
		uint32_t from = top.label, site = lb->site, hops = lb->hops;
		label state = *lb;
		double base = lb->score;
		/* The line this path arrived along, if it did: changing to
		 * another line costs MFR_FACTOR_LINE_CHANGE. */
		uint32_t on_line = lb->via && lb->via->relation == MFR_RELATION_LINE
				   ? lb->via->ref : NONE;
		for (uint32_t k = g->offsets[site]; k < g->offsets[site + 1]; k++) {
			const mfr_edge *e = &g->edges[k];

			if (!may_step(&state, e))
				continue;
			if (cx->building) {
				/* What the list assumes of the options. */
				s->relations |= e->relation;
				if (e->relation == MFR_RELATION_LINE)
					s->lines[e->ref / 64] |= (uint64_t)1 << (e->ref % 64);
			}
			double f = step_factor(cx, e);
			int down = e->relation == MFR_RELATION_HIERARCHY && !e->upward;

			/* A structure within the symptom's own site is where a hand
			 * goes first. */
			if (f > 0 && state.inside && down)
				f = MFR_FACTOR_WITHIN_SYMPTOM;

			if (e->relation == MFR_RELATION_LINE) {
				if (on_line != NONE && e->ref != on_line)
					f *= MFR_FACTOR_LINE_CHANGE;
				if (!state.left && !e->within_segment)
					f *= MFR_FACTOR_LINE_LEAVE;
				if (!state.lined && state.referred)
					f *= MFR_FACTOR_LINE_FROM_SOURCE;
			}
			double score = base * f;

			if (score < MFR_TRACE_MIN_SCORE)
				continue;
			uint32_t li = label_of(s, e->to);
			if (li == NONE)
				return MFR_E_NOMEM;
			label *to = &s->labels[li];
			if (to->settled || score <= to->score)
				continue;
			to->score = score;
			to->pred = from;
			to->via = e;
			to->factor = f;
			to->hops = hops + 1;
			to->inside = (uint8_t)(state.inside && down);
			to->midline = (uint8_t)(state.midline &&
						mfr__site_side(cx->m, e->to) == MFR_SIDE_MIDLINE);
			to->far = (uint8_t)(state.far || e->relation == MFR_RELATION_LINE ||
					    e->relation == MFR_RELATION_REFERRAL);
			to->lined = (uint8_t)(state.lined || e->relation == MFR_RELATION_LINE);
			to->left = (uint8_t)(state.left || (e->relation == MFR_RELATION_LINE &&
							    !e->within_segment));
			to->referred = (uint8_t)(state.referred || e->relation == MFR_RELATION_REFERRAL);
			if (!heap_push(s, (heap_item){ score, e->to, li }))
				return MFR_E_NOMEM;
		}
	}
	return MFR_OK;
}

/* ---- combining the symptoms ---- */

/* One symptom's finding for one site: where its path ends in that
 * symptom's search. Paths are copied out only for the results kept. */
typedef struct finding {
	uint32_t site;
	uint32_t symptom;
	uint32_t label;
	double score;
} finding;

static int finding_cmp(const void *pa, const void *pb)
{
	const finding *a = pa, *b = pb;

	if (a->site != b->site)
		return a->site < b->site ? -1 : 1;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->symptom < b->symptom ? -1 : a->symptom > b->symptom;
}

static int result_cmp(const void *pa, const void *pb)
{
	const mfr_trace_result *a = pa, *b = pb;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	uint32_t sa = mfr__site_id(a->region, a->side), sb = mfr__site_id(b->region, b->side);
	return sa < sb ? -1 : sa > sb;
}

/* Copy the path to label @p li of @p labels (a search's, or a reach
 * list's) into the trace's arena. */
static int record_path(mfr_trace *t, const label *labels, uint32_t li, mfr_trace_path *path)
{
	uint32_t n = labels[li].hops;

	path->step_count = n;
	path->steps = n ? mfr__arena_alloc(&t->arena, n * sizeof(*path->steps)) : NULL;
	if (n && !path->steps)
		return 0;
	for (uint32_t i = n; i > 0; i--) {
		const label *lb = &labels[li];

		path->steps[i - 1] = (mfr_trace_path_step){
			labels[lb->pred].site, lb->site, lb->via, lb->factor, t->model
		};
		li = lb->pred;
	}
	return 1;
}

static double symptom_weight(const mfr_intake_symptom *sy)
{
	return (sy->intensity + 1) / 11.0;
}

/* Whether a recorded condition lists the region, or a region it lies within,
 * as commonly treated: a listed group stands for its members (the
 * trapezius for the upper trapezius), as one tissue is one site. */
static int condition_region(const mfr_intake *in, const mfr_region *r)
{
	for (; r; r = r->parent)
		for (uint32_t c = 0; c < in->condition_count; c++) {
			const mfr_condition *cond = in->conditions[c];

			for (uint32_t i = 0; i < cond->region_count; i++)
				if (cond->regions[i] == r)
					return 1;
		}
	return 0;
}


/* How many times the path to label @p li changes from one line to another. */
static uint32_t line_changes(const label *labels, uint32_t li)
{
	uint32_t changes = 0, line = NONE;

	for (const label *lb = &labels[li]; lb->via; lb = &labels[lb->pred]) {
		if (lb->via->relation != MFR_RELATION_LINE)
			continue;
		if (line != NONE && lb->via->ref != line)
			changes++;
		line = lb->via->ref;
	}
	return changes;
}

/* Whether a site lies near one of the symptoms that reach it: on that
 * symptom's side (or either midline) and in the same body part (head,
 * neck, trunk, a limb), or reached from it in at most
 * MFR_PRIOR_NEAR_STEPS steps without changing lines (a referral, a
 * neighbour, a short run of one line) on its side or in its body part. A
 * condition's region prior applies only there, so that a region a condition
 * lists for one place (the iliotibial tract for the knee) is not lifted for
 * a symptom elsewhere (the elbow) reached across lines, nor a buttock
 * muscle on the other side for a forearm symptom reached in three steps
 * along one functional line. */
static int near_a_symptom(const mfr_trace *t, const label *const *labels, const finding *f,
			  uint32_t nf, const mfr_trace_result *res)
{
	const mfr_region *root = mfr__region_root(res->region);

	for (uint32_t k = 0; k < nf; k++) {
		const mfr_intake_symptom *sy = &t->symptoms[f[k].symptom];
		int same_side = sy->side == res->side || sy->side == MFR_SIDE_MIDLINE ||
				res->side == MFR_SIDE_MIDLINE;

		if (same_side && mfr__region_root(sy->region) == root)
			return 1;
		if (!same_side && mfr__region_root(sy->region) != root)
			continue;
		const label *lab = labels[f[k].symptom];
		if (lab[f[k].label].hops <= MFR_PRIOR_NEAR_STEPS &&
		    line_changes(lab, f[k].label) == 0)
			return 1;
	}
	return 0;
}

/* Whether @p r (on @p side) lies at symptom @p sy: on its side (or either
 * midline), within its region, holding it or bordering it. */
static int at_symptom(const mfr_intake_symptom *sy, const mfr_region *r, int side)
{
	if (sy->side != MFR_SIDE_MIDLINE && side != MFR_SIDE_MIDLINE && sy->side != side)
		return 0;
	if (mfr_region_is_within(r, sy->region) || mfr_region_is_within(sy->region, r))
		return 1;
	for (uint32_t i = 0; i < sy->region->adjacent_count; i++)
		if (sy->region->adjacent[i] == r)
			return 1;
	return 0;
}

static int distance_of(const mfr_trace *t, const mfr_trace_result *res)
{
	const mfr_trace_path *p = &res->paths[0];
	const mfr_intake_symptom *sy = &t->symptoms[p->symptom];
	const mfr_region *r = res->region;
	int far = 0, adjacent = 0;

	/* Local at any symptom that reaches it, even where another symptom's
	 * path is stronger: the gluteus medius lies in an aching buttock
	 * however strongly it refers to the low back (fifteenth therapist
	 * review: called distant). */
	for (uint32_t k = 0; k < res->path_count; k++)
		if (at_symptom(&t->symptoms[res->paths[k].symptom], r, res->side))
			return MFR_DISTANCE_LOCAL;
	if (sy->side != MFR_SIDE_MIDLINE && res->side != MFR_SIDE_MIDLINE &&
	    sy->side != res->side)
		return MFR_DISTANCE_CONTRALATERAL;
	for (uint32_t i = 0; i < p->step_count; i++) {
		int rel = p->steps[i].edge->relation;
		far |= rel == MFR_RELATION_LINE || rel == MFR_RELATION_REFERRAL;
		adjacent |= rel == MFR_RELATION_ADJACENCY;
	}
	return far ? MFR_DISTANCE_DISTANT : adjacent ? MFR_DISTANCE_ADJACENT
						     : MFR_DISTANCE_LOCAL;
}

/* Fill in the paths (strongest first: @p f holds the result's findings so
 * sorted), the distance and the explanation of a result kept. */
static mfr_status_t finish_result(mfr_trace *t, const context *cx, const label *const *labels,
				  mfr_trace_result *res, const finding *f)
{
	res->paths = mfr__arena_alloc(&t->arena, res->path_count * sizeof(*res->paths));
	if (!res->paths)
		return MFR_E_NOMEM;
	for (uint32_t k = 0; k < res->path_count; k++) {
		const finding *fi = &f[k];

		res->paths[k] = (mfr_trace_path){ cx->m, fi->symptom, fi->score, NULL, 0 };
		if (!record_path(t, labels[fi->symptom], fi->label, &res->paths[k]))
			return MFR_E_NOMEM;
	}
	res->distance = (uint8_t)distance_of(t, res);
	/* Written now, in the trace's arena, so that a finished trace is
	 * never written again: its getters are pure, and threads may read
	 * one trace at once. */
	res->explain = mfr__trace_explain(t, res);
	return res->explain ? MFR_OK : MFR_E_NOMEM;
}

static mfr_status_t combine(mfr_trace *t, const context *cx, const label *const *labels,
			  finding *f, uint32_t nf)
{
	uint32_t nsites = 0;

	if (nf > 1)
		qsort(f, nf, sizeof(*f), finding_cmp);
	for (uint32_t i = 0; i < nf; i++)
		nsites += i == 0 || f[i].site != f[i - 1].site;

	mfr_trace_result *all = mfr__arena_alloc(&t->arena, (nsites ? nsites : 1) * sizeof(*all));
	if (!all)
		return MFR_E_NOMEM;
	uint32_t n = 0;
	for (uint32_t i = 0; i < nf;) {
		uint32_t j = i;
		double keep = 1.0;

		while (j < nf && f[j].site == f[i].site) {
			keep *= 1.0 - f[j].score;
			j++;
		}
		mfr_trace_result *res = &all[n++];
		res->trace = t;
		res->region = mfr__site_region(cx->m, f[i].site);
		res->side = (uint8_t)mfr__site_side(cx->m, f[i].site);
		res->score = 1.0 - keep;
		if (condition_region(cx->in, res->region) &&
		    near_a_symptom(t, labels, &f[i], j - i, res))
			res->score *= MFR_PRIOR_CONDITION_REGION;
		res->path_count = j - i;
		res->first_finding = i;
		i = j;
	}
	if (n > 1)
		qsort(all, n, sizeof(*all), result_cmp);
	/* One tissue, one site: a group and its member are never both ranked;
	 * the better scored stands for both. */
	uint32_t kept = 0;
	tissues ts;

	if (!tissues_init(&ts, cx->m, all, cx->opts->max_results))
		return MFR_E_NOMEM;
	for (uint32_t i = 0; i < n && kept < cx->opts->max_results; i++) {
		if (!tissues_dup(&ts, &all[i])) {
			all[kept++] = all[i];
			tissues_keep(&ts);
		}
	}
	tissues_free(&ts);
	t->results = all;
	t->count = kept;
	/* The paths of the results kept, strongest first (the findings of one
	 * site are sorted so). */
	for (uint32_t r = 0; r < t->count; r++) {
		mfr_status_t st = finish_result(t, cx, labels, &all[r], &f[all[r].first_finding]);

		if (st != MFR_OK)
			return st;
	}
	return MFR_OK;
}

/* Resolve the options' line keys against the model. */
static mfr_status_t resolve_lines(context *cx, mfr_error **err)
{
	const mfr_trace_options *o = cx->opts;

	if (!o->line_count)
		return MFR_OK;
	cx->lines = mfr__malloc(o->line_count * sizeof(*cx->lines));
	if (!cx->lines)
		return mfr__error_nomem(err);
	for (uint32_t i = 0; i < o->line_count; i++) {
		int64_t at = mfr__model_find(cx->m, MFR_KIND_LINE, o->lines[i]);

		if (at < 0) {
			char named[300];

			mfr__unknown_key(cx->m, MFR_KIND_LINE, o->lines[i], named, sizeof(named));
			return mfr__error_set(err, MFR_E_REFERENCE, NULL,
					      "trace options: unknown line %s; "
					      "'mfr model list lines' shows every line", named);
		}
		cx->lines[cx->line_count++] = (uint32_t)at;
	}
	return MFR_OK;
}

/* ---- reach lists ----
 *
 * The model never changes, so what a symptom site reaches is the same for
 * every trace: a reach list is the search from one site with one weight
 * (the symptom's intensity) and one max_steps (the settled labels in
 * order, the treatment sites among them indexed by site), computed on
 * first use and kept with the model; a site keeps one list for each
 * intensity and max_steps traced from it. (One list of weight 1 cannot
 * serve every intensity byte for byte: a score is the weight times the
 * factors, multiplied in path order, and the rounding of the two orders
 * differs in the last bit, which may break a tie of two paths the other
 * way.) A list assumes the default options (every
 * relation, every line) without condition priors; it keeps the relations
 * and lines of every step its search examined, so a trace whose options
 * and conditions leave all of those unchanged uses it, and any other
 * searches live. Lists are bounded (MFR_REACH_MAX_LABELS settled sites a
 * list, MFR_REACH_BUDGET bytes a model; about 50 bytes a site settled): a
 * list cut short still serves a trace that needs no more of it, and a
 * trace that would need more searches live.
 */

#define MFR_REACH_MAX_SYMPTOMS 16u
#define MFR_REACH_BUDGET ((size_t)256 << 20)

/* A list's index entry: a treatment site, its label index + 1 (0: an
 * empty slot; labels are in settling order, so this orders the entries as
 * their positions do) and its score, so that a lookup reads one place. */
typedef struct reach_slot {
	uint32_t site;
	uint32_t label;
	double p;
} reach_slot;

typedef struct mfr_reach {
	label *labels;       /* settled, in order; pred indexes into this */
	uint32_t label_count;
	uint32_t *found;     /* treatment sites: label indexes, in order */
	uint32_t found_count;
	reach_slot *index;   /* by site (open addressing) */
	uint32_t index_mask;
	uint64_t *lines;     /* the lines of the steps examined (bits) */
	uint32_t relations;  /* the relations of the steps examined */
	double cut;          /* stopped short: no site left out scores more; else 0 */
	size_t bytes;
	uint32_t max_steps;  /* what it was searched with */
	double weight;
	struct mfr_reach *next; /* the site's list for another max_steps */
} mfr_reach;

struct mfr_reach_cache {
	uint32_t site_count;
	_Atomic(mfr_reach *) slots[]; /* by site: its lists, newest first */
};

void mfr__reach_cache_free(struct mfr_reach_cache *c)
{
	if (!c)
		return;
	for (uint32_t i = 0; i < c->site_count; i++) {
		mfr_reach *r = atomic_load_explicit(&c->slots[i], memory_order_relaxed);

		while (r) {
			mfr_reach *next = r->next;

			mfr__free(r);
			r = next;
		}
	}
	mfr__free(c);
}

/* The list of max_steps @p steps and weight @p weight among @p head and
 * those after it. */
static mfr_reach *reach_in(mfr_reach *head, uint32_t steps, double weight)
{
	for (; head; head = head->next)
		if (head->max_steps == steps && head->weight == weight)
			return head;
	return NULL;
}

void mfr__trace_reach_enable(const mfr_model *m, int on)
{
	atomic_store_explicit(&((mfr_model *)m)->reach_off, !on, memory_order_relaxed);
}

/* The entry of @p site among the list's treatment sites; NULL if absent. */
static const reach_slot *reach_find(const mfr_reach *r, uint32_t site)
{
	uint32_t h = hash_site(site) & r->index_mask;

	while (r->index[h].label) {
		if (r->index[h].site == site)
			return &r->index[h];
		h = (h + 1) & r->index_mask;
	}
	return NULL;
}

/* The list of a finished building search @p s, in one block. */
static mfr_reach *reach_from(const search *s, uint32_t nwords)
{
	uint32_t n = s->order_count, nf = s->found_count, nslots = 2;

	while (nslots < 2 * nf)
		nslots *= 2;
	size_t bytes = sizeof(mfr_reach) + (size_t)n * sizeof(label) +
		       (size_t)nslots * sizeof(reach_slot) + (size_t)nwords * sizeof(uint64_t) +
		       (size_t)nf * sizeof(uint32_t);
	uint32_t *map = mfr__malloc((s->label_count ? s->label_count : 1) * sizeof(*map));
	mfr_reach *r = mfr__malloc(bytes);

	if (!map || !r) {
		mfr__free(map);
		mfr__free(r);
		return NULL;
	}
	r->labels = (label *)(r + 1);
	r->index = (reach_slot *)(r->labels + n);
	r->lines = (uint64_t *)(r->index + nslots);
	r->found = (uint32_t *)(r->lines + nwords);
	r->label_count = n;
	r->found_count = nf;
	r->index_mask = nslots - 1;
	r->relations = s->relations;
	r->cut = s->cut;
	r->bytes = bytes;
	if (nwords)
		memcpy(r->lines, s->lines, nwords * sizeof(uint64_t));
	for (uint32_t k = 0; k < n; k++) {
		label lb = s->labels[s->order[k]];

		map[s->order[k]] = k;
		if (lb.pred != NONE)
			lb.pred = map[lb.pred]; /* settled before it */
		r->labels[k] = lb;
	}
	memset(r->index, 0, nslots * sizeof(*r->index));
	for (uint32_t k = 0; k < nf; k++) {
		uint32_t li = map[s->found[k]];
		uint32_t h = hash_site(r->labels[li].site) & r->index_mask;

		r->found[k] = li;
		while (r->index[h].label)
			h = (h + 1) & r->index_mask;
		r->index[h] = (reach_slot){ r->labels[li].site, li + 1, r->labels[li].score };
	}
	mfr__free(map);
	return r;
}

/* The list of @p site for max_steps @p steps and weight @p weight
 * (computed now if it is new), or *out NULL where the model's lists are
 * full: then the trace searches live. */
static mfr_status_t reach_get(const mfr_model *cm, uint32_t site, uint32_t steps, double weight,
			      const mfr_reach **out)
{
	mfr_model *m = (mfr_model *)cm; /* derived data only; see model-private.h */
	struct mfr_reach_cache *c = atomic_load_explicit(&m->reach, memory_order_acquire);

	*out = NULL;
	if (!c) {
		struct mfr_reach_cache *none = NULL;
		uint32_t n = m->graph.site_count;

		c = mfr__malloc(sizeof(*c) + (size_t)n * sizeof(c->slots[0]));
		if (!c)
			return MFR_E_NOMEM;
		c->site_count = n;
		for (uint32_t i = 0; i < n; i++)
			atomic_init(&c->slots[i], NULL);
		if (!atomic_compare_exchange_strong_explicit(&m->reach, &none, c,
							     memory_order_acq_rel,
							     memory_order_acquire)) {
			mfr__free(c); /* another thread's came first */
			c = none;
		}
	}
	mfr_reach *head = atomic_load_explicit(&c->slots[site], memory_order_acquire);
	mfr_reach *r = reach_in(head, steps, weight);
	if (r) {
		*out = r;
		return MFR_OK;
	}
	if (atomic_load_explicit(&m->reach_bytes, memory_order_relaxed) >= MFR_REACH_BUDGET)
		return MFR_OK;

	const mfr_trace_options defaults = { 20, steps, MFR_EVIDENCE_NOT_ASSESSED,
					     MFR_RELATION_ALL, NULL, 0 };
	context lc = { m, NULL, &defaults, NULL, 0, 1 };
	search s = { 0 };
	uint32_t nwords = (m->line_count + 63) / 64;
	mfr_status_t st = MFR_OK;

	if (nwords && !(s.lines = mfr__calloc(nwords, sizeof(*s.lines))))
		st = MFR_E_NOMEM;
	if (st == MFR_OK)
		st = run_search(&lc, &s, site, weight);
	if (st == MFR_OK && !(r = reach_from(&s, nwords)))
		st = MFR_E_NOMEM;
	search_free(&s);
	if (st != MFR_OK)
		return st;
	size_t before = atomic_fetch_add_explicit(&m->reach_bytes, r->bytes,
						  memory_order_relaxed);
	if (before + r->bytes > MFR_REACH_BUDGET) {
		atomic_fetch_sub_explicit(&m->reach_bytes, r->bytes, memory_order_relaxed);
		mfr__free(r);
		return MFR_OK;
	}
	/* Publish it in front of the site's lists, unless another thread
	 * published one for these steps first. */
	r->max_steps = steps;
	r->weight = weight;
	for (;;) {
		mfr_reach *first = reach_in(head, steps, weight);

		if (first) {
			atomic_fetch_sub_explicit(&m->reach_bytes, r->bytes, memory_order_relaxed);
			mfr__free(r);
			r = first;
			break;
		}
		r->next = head;
		if (atomic_compare_exchange_strong_explicit(&c->slots[site], &head, r,
							    memory_order_acq_rel,
							    memory_order_acquire))
			break;
	}
	*out = r;
	return MFR_OK;
}

/* Whether every step list @p r examined weighs under the trace's options
 * and conditions what it weighed when the list was made: then the trace's
 * search from that site is the list's (its prefix for the weight). */
static int reach_fits(const context *cx, const mfr_reach *r, int plain)
{
	const mfr_trace_options *o = cx->opts;

	if (r->relations & ~o->relations)
		return 0;
	if (plain)
		return 1;
	for (uint32_t w = 0; w < (cx->m->line_count + 63) / 64; w++) {
		for (uint64_t bits = r->lines[w]; bits; bits &= bits - 1) {
			uint32_t l = w * 64 + (uint32_t)__builtin_ctzll(bits);

			if (cx->m->lines[l].evidence < o->min_evidence ||
			    (cx->lines && !contains(cx->lines, cx->line_count, l)) ||
			    condition_line(cx->in, l))
				return 0;
		}
	}
	return 1;
}

/* One site met in the merge, with its findings (in f[first ..]). */
typedef struct cand {
	uint32_t site;
	uint32_t first, count; /* findings */
	double score;          /* exact, or when partial an upper bound */
	int partial;           /* a list that stopped short may hold more */
} cand;

/* Result order: higher score first, then lower site id. */
static int cand_before(const cand *a, const cand *b)
{
	return a->score != b->score ? a->score > b->score : a->site < b->site;
}

/* The candidates merge_try() ranks are kept as a heap, best on top, and
 * taken one by one: a ranking stops after max_results kept (or at the first
 * partial one), usually a few dozen of hundreds, so sorting them all (qsort,
 * its comparisons through a pointer) cost most of a top-20 trace's merge.
 * cand_before() is a total order (a site is met once), so the order taken
 * is the sorted order exactly. */
static void cand_sift(cand **h, uint32_t n, uint32_t i)
{
	cand *x = h[i];

	for (;;) {
		uint32_t c = 2 * i + 1;

		if (c >= n)
			break;
		if (c + 1 < n && cand_before(h[c + 1], h[c]))
			c++;
		if (!cand_before(h[c], x))
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = x;
}

static cand *cand_take(cand **h, uint32_t *n)
{
	cand *top = h[0];

	h[0] = h[--*n];
	if (*n > 1)
		cand_sift(h, *n, 0);
	return top;
}

/* Findings of one site in combine()'s order: strongest first, then symptom. */
static void sort_findings(finding *f, uint32_t n)
{
	for (uint32_t i = 1; i < n; i++) {
		finding x = f[i];
		uint32_t j = i;

		while (j > 0 && (f[j - 1].score < x.score ||
				 (f[j - 1].score == x.score && f[j - 1].symptom > x.symptom))) {
			f[j] = f[j - 1];
			j--;
		}
		f[j] = x;
	}
}

/* A slack on the merge's bounds: the products of a bound and of a site's
 * score are rounded in other orders, by far less than this. */
#define MFR_MERGE_SLACK 1e-12

/* How many entries ahead the merge starts its lookups (prefetches). */
#define MFR_MERGE_AHEAD 8

typedef struct merge {
	const mfr_reach *r[MFR_REACH_MAX_SYMPTOMS];
	const label *labels[MFR_REACH_MAX_SYMPTOMS];
	uint32_t n[MFR_REACH_MAX_SYMPTOMS]; /* entries scoring at least the floor */
	uint32_t limit[MFR_REACH_MAX_SYMPTOMS]; /* labels from here are below the floor: NONE */
	uint32_t at[MFR_REACH_MAX_SYMPTOMS]; /* the label of entry d, or NONE past n */
	double beyond[MFR_REACH_MAX_SYMPTOMS]; /* the cut of a list that stopped short */
	cand *c;
	uint32_t nc, ccap;
	finding *f;
	uint32_t nf, fcap;
	cand **order;
	uint32_t ocap;
	mfr_trace_result *all; /* the results, in the trace's arena */
	double *pending;       /* exact scores not yet above the bound: a max-heap */
	uint32_t npending, pcap;
} merge;

static int pending_push(merge *mg, double score)
{
	if (!grow((void **)&mg->pending, &mg->pcap, mg->npending + 1, sizeof(double)))
		return 0;
	uint32_t i = mg->npending++;
	while (i > 0 && mg->pending[(i - 1) / 2] < score) {
		mg->pending[i] = mg->pending[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	mg->pending[i] = score;
	return 1;
}

/* How many pending scores exceed @p bound; they leave the heap. */
static uint32_t pending_above(merge *mg, double bound)
{
	uint32_t n = 0;

	while (mg->npending && mg->pending[0] > bound) {
		double last = mg->pending[--mg->npending];
		uint32_t i = 0;

		n++;
		for (;;) {
			uint32_t c = 2 * i + 1;
			if (c >= mg->npending)
				break;
			if (c + 1 < mg->npending && mg->pending[c + 1] > mg->pending[c])
				c++;
			if (mg->pending[c] <= last)
				break;
			mg->pending[i] = mg->pending[c];
			i = c;
		}
		if (mg->npending)
			mg->pending[i] = last;
	}
	return n;
}

/* Meet site @p site, at position @p d of list @p i: unless an earlier
 * position of any list met it, add it with its exact score (each list's
 * finding by its index), or its bound where a list stopped short. */
static mfr_status_t merge_meet(merge *mg, const mfr_trace *t, const context *cx, uint32_t ns,
			       uint32_t i, int prior)
{
	const label *lb = &mg->labels[i][mg->at[i]];
	uint32_t site = lb->site;
	double keep_beyond = 1.0;
	int partial = 0;

	if (!grow((void **)&mg->f, &mg->fcap, mg->nf + ns, sizeof(*mg->f)) ||
	    !grow((void **)&mg->c, &mg->ccap, mg->nc + 1, sizeof(*mg->c)))
		return MFR_E_NOMEM;
	finding *f = &mg->f[mg->nf];
	uint32_t nf = 0;

	/* Each list's entry for the site, by its label (which orders the
	 * entries as their positions do: see reach_slot). */
	for (uint32_t j = 0; j < ns; j++) {
		const reach_slot *e = j == i ? NULL : reach_find(mg->r[j], site);
		uint32_t li = j == i ? mg->at[i] : e ? e->label - 1 : NONE;

		if (li == NONE) {
			if (mg->beyond[j] > 0) {
				partial = 1;
				keep_beyond *= 1.0 - mg->beyond[j];
			}
			continue;
		}
		if (li >= mg->limit[j])
			continue; /* below the floor for this symptom's weight */
		if (li < mg->at[j] || (li == mg->at[j] && j < i))
			return MFR_OK; /* met before, at an earlier position */
		double p = e ? e->p : lb->score;

		f[nf++] = (finding){ site, j, li, p };
	}
	sort_findings(f, nf);

	double keep = 1.0;
	for (uint32_t k = 0; k < nf; k++)
		keep *= 1.0 - f[k].score;

	cand *c = &mg->c[mg->nc++];

	*c = (cand){ site, mg->nf, nf, 1.0 - keep, partial };
	if (partial)
		c->score = (1.0 - keep * keep_beyond) + MFR_MERGE_SLACK;
	if (prior && condition_region(cx->in, mfr__site_region(cx->m, site))) {
		mfr_trace_result res = { .region = mfr__site_region(cx->m, site),
					 .side = (uint8_t)mfr__site_side(cx->m, site) };

		if (partial || near_a_symptom(t, mg->labels, f, nf, &res))
			c->score *= MFR_PRIOR_CONDITION_REGION;
	}
	mg->nf += nf;
	if (!partial && !pending_push(mg, c->score))
		return MFR_E_NOMEM;
	return MFR_OK;
}

/* The best score a site not met yet may have, past depth @p d. */
static double merge_bound(const merge *mg, uint32_t ns, uint32_t d, int prior)
{
	double keep = 1.0;

	for (uint32_t j = 0; j < ns; j++) {
		const mfr_reach *r = mg->r[j];
		double next = d + 1 < mg->n[j] ? r->labels[r->found[d + 1]].score
			    : d + 1 >= r->found_count ? mg->beyond[j] : 0.0;

		keep *= 1.0 - next;
	}
	double bound = 1.0 - keep;

	if (bound <= 0)
		return 0;
	if (prior)
		bound *= MFR_PRIOR_CONDITION_REGION;
	return bound + MFR_MERGE_SLACK;
}

/* Rank the sites met; if the best max_results of them (one tissue, one
 * site) are settled, that is, every site not met and every partial one
 * scores less than the last of them, fill the trace and set *done. */
static mfr_status_t merge_try(merge *mg, mfr_trace *t, const context *cx, double bound,
			      int *done)
{
	mfr_trace_result *all = mg->all;
	uint32_t want = cx->opts->max_results, kept = 0, n = 0;

	*done = 0;
	if (!grow((void **)&mg->order, &mg->ocap, mg->nc ? mg->nc : 1, sizeof(*mg->order)))
		return MFR_E_NOMEM;
	/* Only a site that outscores every one not met may be settled. */
	for (uint32_t k = 0; k < mg->nc; k++)
		if (mg->c[k].score > bound)
			mg->order[n++] = &mg->c[k];
	for (uint32_t k = n / 2; k-- > 0;)
		cand_sift(mg->order, n, k);

	tissues ts;
	int unknown = 0;

	if (!tissues_init(&ts, cx->m, all, want))
		return MFR_E_NOMEM;
	while (n && kept < want && !unknown) {
		const cand *c = cand_take(mg->order, &n);
		mfr_trace_result res = { .trace = t,
					 .region = mfr__site_region(cx->m, c->site),
					 .side = (uint8_t)mfr__site_side(cx->m, c->site),
					 .score = c->score, .path_count = c->count,
					 .first_finding = c->first };
		unknown = c->partial; /* its exact score is not known: not done */
		if (!unknown && !tissues_dup(&ts, &res)) {
			all[kept++] = res;
			tissues_keep(&ts);
		}
	}
	tissues_free(&ts);
	if (unknown)
		return MFR_OK;
	/* Settled when the last kept outscores every site not ranked yet;
	 * with fewer than asked, when nothing is left to meet. */
	double last = kept == want ? all[kept - 1].score : 0;
	if (kept == want ? !(bound < last) : bound > 0)
		return MFR_OK;
	for (uint32_t k = 0; k < mg->nc; k++)
		if (mg->c[k].partial && !(mg->c[k].score < last))
			return MFR_OK;
	t->results = all;
	t->count = kept;
	for (uint32_t r = 0; r < kept; r++) {
		mfr_status_t st = finish_result(t, cx, mg->labels, &all[r], &mg->f[all[r].first_finding]);

		if (st != MFR_OK)
			return st;
	}
	t->merged = 1;
	*done = 1;
	return MFR_OK;
}

/* The trace from the symptoms' reach lists: a threshold algorithm over
 * the lists, in order, that stops exactly when no site not met yet can
 * rank among the results (every factor, weights and priors alike, only
 * raises a score with the scores it combines). *done stays 0 when the
 * lists do not hold the answer (one stopped short): then search live. */
static mfr_status_t merge_all(mfr_trace *t, const context *cx, const mfr_reach *const *reaches,
			      uint32_t ns, int *done)
{
	merge mg = { .nc = 0 };
	uint32_t depth = 0;
	int prior = 0;
	mfr_status_t st = MFR_OK;

	*done = 0;
	for (uint32_t c = 0; c < cx->in->condition_count; c++)
		prior |= cx->in->conditions[c]->region_count > 0;
	for (uint32_t i = 0; i < ns; i++) {
		const mfr_reach *r = reaches[i];
		/* A list is the search of this symptom's weight: every entry
		 * scores at least the floor, and one cut short may hold more
		 * scoring up to its cut. */
		uint32_t lo = r->found_count;

		mg.r[i] = r;
		mg.labels[i] = r->labels;
		mg.n[i] = lo;
		mg.limit[i] = NONE;
		mg.beyond[i] = r->cut;
		if (lo > depth)
			depth = lo;
	}
	uint32_t want = cx->opts->max_results, total = 0, next_try = 0, above = 0;

	for (uint32_t i = 0; i < ns; i++)
		total += mg.n[i];
	mg.all = mfr__arena_alloc(&t->arena, (want < total ? want : total ? total : 1) *
						    sizeof(*mg.all));
	if (!mg.all)
		return MFR_E_NOMEM;
	/* Room for what a top-20 merge usually meets, grown if need be. */
	uint32_t reserve = total < 128 ? total + 1 : 128;
	if (!grow((void **)&mg.c, &mg.ccap, reserve, sizeof(*mg.c)) ||
	    !grow((void **)&mg.f, &mg.fcap, reserve * 2, sizeof(*mg.f)))
		st = MFR_E_NOMEM;
	for (uint32_t d = 0; st == MFR_OK && d < depth; d++) {
		for (uint32_t i = 0; i < ns; i++) {
			mg.at[i] = d < mg.n[i] ? mg.r[i]->found[d] : NONE;
			/* The lookups a few entries on, started now: on a big
			 * model each is a cache miss, and they overlap. */
			if (d + MFR_MERGE_AHEAD < mg.n[i]) {
				const mfr_reach *r = mg.r[i];
				uint32_t h = hash_site(r->labels[r->found[d + MFR_MERGE_AHEAD]].site);

				for (uint32_t j = 0; j < ns; j++)
					if (j != i)
						__builtin_prefetch(&mg.r[j]->index[h & mg.r[j]->index_mask]);
			}
		}
		for (uint32_t i = 0; st == MFR_OK && i < ns; i++)
			if (d < mg.n[i])
				st = merge_meet(&mg, t, cx, ns, i, prior);
		if (st != MFR_OK)
			break;
		double bound = merge_bound(&mg, ns, d, prior);

		/* Rank only when enough sites may be settled (the bound only
		 * falls: a site above it stays above). */
		above += pending_above(&mg, bound);
		if (bound > 0 && (above < want || d < next_try))
			continue;
		st = merge_try(&mg, t, cx, bound, done);
		if (*done)
			break;
		next_try = d + 1 + d / 2; /* ranking again at once rarely settles it */
	}
	if (st == MFR_OK && !*done && depth == 0)
		st = merge_try(&mg, t, cx, merge_bound(&mg, ns, 0, prior), done);
	mfr__free(mg.c);
	mfr__free(mg.f);
	mfr__free(mg.order);
	mfr__free(mg.pending);
	return st;
}

/* The trace from reach lists where they serve (*done set), else nothing
 * done: the intake's symptoms are searched live. */
static mfr_status_t trace_reach(mfr_trace *t, const context *cx, int *done)
{
	const mfr_reach *reaches[MFR_REACH_MAX_SYMPTOMS];
	uint32_t ns = cx->in->symptom_count;
	const mfr_trace_options *o = cx->opts;
	int plain = o->min_evidence <= MFR_EVIDENCE_NOT_ASSESSED && !cx->lines;

	*done = 0;
	if (atomic_load_explicit(&cx->m->reach_off, memory_order_relaxed) || !ns ||
	    ns > MFR_REACH_MAX_SYMPTOMS)
		return MFR_OK;
	for (uint32_t c = 0; c < cx->in->condition_count; c++)
		plain &= cx->in->conditions[c]->line_count == 0;
	for (uint32_t i = 0; i < ns; i++) {
		const mfr_intake_symptom *sy = &cx->in->symptoms[i];
		mfr_status_t st = reach_get(cx->m, mfr__site_id(sy->region, sy->side),
					    o->max_steps, symptom_weight(sy), &reaches[i]);

		if (st != MFR_OK)
			return st;
		if (!reaches[i] || !reach_fits(cx, reaches[i], plain))
			return MFR_OK;
	}
	return merge_all(t, cx, reaches, ns, done);
}

static mfr_status_t trace_live(mfr_trace *t, context *cx)
{
	uint32_t ns = cx->in->symptom_count;
	search *searches = mfr__calloc(ns ? ns : 1, sizeof(*searches));
	const label **labels = mfr__calloc(ns ? ns : 1, sizeof(*labels));
	finding *f = NULL;
	uint32_t nf = 0, fcap = 0;
	mfr_status_t st = searches && labels ? MFR_OK : MFR_E_NOMEM;

	/* One search per symptom, kept until the results' paths are copied. */
	for (uint32_t i = 0; st == MFR_OK && i < ns; i++) {
		const mfr_intake_symptom *sy = &cx->in->symptoms[i];
		search *s = &searches[i];
		double w = symptom_weight(sy);

		st = run_search(cx, s, mfr__site_id(sy->region, sy->side), w);
		if (st == MFR_OK && !grow((void **)&f, &fcap, nf + s->found_count, sizeof(*f)))
			st = MFR_E_NOMEM;
		for (uint32_t k = 0; st == MFR_OK && k < s->found_count; k++) {
			const label *lb = &s->labels[s->found[k]];

			f[nf++] = (finding){ lb->site, i, s->found[k], lb->score };
		}
		labels[i] = s->labels;
	}
	if (st == MFR_OK)
		st = combine(t, cx, labels, f, nf);
	for (uint32_t i = 0; searches && i < ns; i++)
		search_free(&searches[i]);
	mfr__free(searches);
	mfr__free(labels);
	mfr__free(f);
	return st;
}

static mfr_status_t trace_all(mfr_trace *t, context *cx, mfr_error **err)
{
	mfr_status_t st = resolve_lines(cx, err);
	int done = 0;

	if (st == MFR_OK)
		st = trace_reach(t, cx, &done);
	if (st == MFR_OK && !done)
		st = trace_live(t, cx);
	mfr__free(cx->lines);
	if (st == MFR_E_NOMEM)
		return mfr__error_nomem(err);
	return st;
}

/* The relations a trace of @p in may follow: those @p allowed lets it,
 * and, when every condition of the intake limits them (scar adhesions: no
 * referral patterns), only those one of its conditions allows. */
static uint32_t condition_relations(const mfr_intake *in, uint32_t allowed)
{
	uint32_t any = 0;

	for (uint32_t c = 0; c < in->condition_count; c++)
		any |= in->conditions[c]->relations;
	return in->condition_count ? allowed & any : allowed;
}

MFR_EXPORT mfr_status_t mfr_trace_run(const mfr_intake *intake, const mfr_trace_options *opts,
				    mfr_trace **out, mfr_error **err)
{
	mfr_trace_options defaults, limited;
	mfr_trace *t;
	mfr_status_t st;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!intake || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_trace_run: intake and out must not be NULL");
	if (!opts) {
		defaults = (mfr_trace_options){ 20, 6, MFR_EVIDENCE_NOT_ASSESSED,
						MFR_RELATION_ALL, NULL, 0 };
		opts = &defaults;
	}
	if (condition_relations(intake, opts->relations) != opts->relations) {
		limited = *opts;
		limited.relations = condition_relations(intake, opts->relations);
		opts = &limited;
	}
	t = mfr__calloc(1, sizeof(*t));
	if (!t)
		return mfr__error_nomem(err);
	t->intake = intake;
	t->model = intake->model;
	mfr__model_hold(t->model);
	t->arena.block_size = 8192;
	t->symptom_count = intake->symptom_count;
	t->symptoms = mfr__arena_alloc(&t->arena, (intake->symptom_count + 1) *
						  sizeof(*t->symptoms));
	if (!t->symptoms || mfr__audit_take(&t->arena, intake, &t->audit) != MFR_OK) {
		mfr_trace_free(t);
		return mfr__error_nomem(err);
	}
	if (intake->symptom_count)
		memcpy(t->symptoms, intake->symptoms,
		       intake->symptom_count * sizeof(*t->symptoms));

	context cx = { intake->model, intake, opts, NULL, 0, 0 };
	st = trace_all(t, &cx, err);
	if (st != MFR_OK) {
		mfr_trace_free(t);
		return st;
	}
	*out = t;
	return MFR_OK;
}

MFR_EXPORT void mfr_trace_free(mfr_trace *t)
{
	if (!t)
		return;
	mfr__arena_release(&t->arena);
	mfr__model_release(t->model);
	mfr__free(t);
}

/* ---- getters ---- */

MFR_HANDLE_LIST(mfr_trace_result, mfr_trace, results, count)

MFR_GETTER(const mfr_region *, mfr_trace_result_region, mfr_trace_result, region, NULL)
MFR_GETTER(mfr_side_t, mfr_trace_result_side, mfr_trace_result, side, 0)
MFR_GETTER(double, mfr_trace_result_score, mfr_trace_result, score, 0.0)
MFR_GETTER(mfr_distance_t, mfr_trace_result_distance, mfr_trace_result, distance, 0)
/* Explanations are written with the trace (combine()): reading one changes
 * nothing. */
const char *mfr__result_explain(const mfr_trace_result *r)
{
	return r->explain;
}

MFR_EXPORT const char *mfr_trace_result_explain(const mfr_trace_result *r)
{
	return r ? r->explain : NULL;
}
MFR_HANDLE_LIST_OF(mfr_trace_result_path, mfr_trace_path, mfr_trace_result, paths,
		   path_count)

MFR_GETTER(uint32_t, mfr_trace_path_symptom, mfr_trace_path, symptom, 0)
MFR_GETTER(double, mfr_trace_path_score, mfr_trace_path, score, 0.0)
MFR_HANDLE_LIST(mfr_trace_path_step, mfr_trace_path, steps, step_count)

MFR_EXPORT const mfr_region *mfr_trace_path_step_from(const mfr_trace_path_step *s)
{
	return s ? mfr__site_region(s->model, s->from) : NULL;
}

MFR_EXPORT mfr_side_t mfr_trace_path_step_from_side(const mfr_trace_path_step *s)
{
	return s ? (mfr_side_t)mfr__site_side(s->model, s->from) : 0;
}

MFR_EXPORT const mfr_region *mfr_trace_path_step_to(const mfr_trace_path_step *s)
{
	return s ? mfr__site_region(s->model, s->to) : NULL;
}

MFR_EXPORT mfr_side_t mfr_trace_path_step_to_side(const mfr_trace_path_step *s)
{
	return s ? (mfr_side_t)mfr__site_side(s->model, s->to) : 0;
}

MFR_EXPORT mfr_relation_t mfr_trace_path_step_relation(const mfr_trace_path_step *s)
{
	return s ? (mfr_relation_t)s->edge->relation : 0;
}

MFR_EXPORT const mfr_line *mfr_trace_path_step_line(const mfr_trace_path_step *s)
{
	return s && s->edge->relation == MFR_RELATION_LINE ? &s->model->lines[s->edge->ref]
							   : NULL;
}

MFR_EXPORT int mfr_trace_path_step_crosses(const mfr_trace_path_step *s)
{
	return s ? s->edge->crosses : 0;
}

MFR_EXPORT const mfr_referral *mfr_trace_path_step_referral(const mfr_trace_path_step *s)
{
	return s && s->edge->relation == MFR_RELATION_REFERRAL
		? &s->model->referrals[s->edge->ref] : NULL;
}

MFR_EXPORT mfr_zone_kind_t mfr_trace_path_step_zone(const mfr_trace_path_step *s)
{
	return s ? (mfr_zone_kind_t)s->edge->zone : 0;
}

MFR_GETTER(double, mfr_trace_path_step_factor, mfr_trace_path_step, factor, 0.0)

MFR_EXPORT const char *mfr_relation_name(mfr_relation_t relation)
{
	return mfr__name_of(&mfr__relation_names, (int)relation); /* NULL: not a value */
}

MFR_EXPORT const char *mfr_distance_name(mfr_distance_t distance)
{
	switch (distance) {
	case MFR_DISTANCE_LOCAL: return "local";
	case MFR_DISTANCE_ADJACENT: return "adjacent";
	case MFR_DISTANCE_DISTANT: return "distant";
	case MFR_DISTANCE_CONTRALATERAL: return "contralateral";
	default: return NULL; /* not a value, or __MAX */
	}
}
