/*
 * libmfr - session plans: safety screening, site and technique choice,
 * ordering and timing. doc/algorithm.md ("Plans") states every rule.
 * SPDX-License-Identifier: MIT
 *
 * The planner works in five passes:
 *   1. screen the intake's precautions: refer out, needs clearance, the
 *      pressure ceiling, the techniques ruled out, the sites to avoid;
 *   2. trace the intake and turn each traced site into a candidate step
 *      (technique, approach, pressure, position, duration), skipping with a
 *      warning what a precaution forbids or nothing can reach;
 *   3. keep the longest run of candidates, in rank order, that fits the
 *      session with the opening and closing blocks and the position changes
 *      (a run, not a knapsack: a longer session never drops a site that a
 *      shorter one kept);
 *   4. order: opening block, then the sites grouped by client position,
 *      within a group the farthest along the trace first (root causes
 *      toward the symptom), then the closing block;
 *   5. attach the model's aftercare.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accessor.h"
#include "alloc.h"
#include "error.h"
#include "plan-private.h"
#include "text.h"
#include "trace-private.h"

const mfr_stage mfr__single_session = { 0, 1, MFR_DISTANCE_CONTRALATERAL };

/* The order position groups come in: the client turns from face down to
 * side-lying to face up, then sits and stands. */
static const int position_order[] = {
	MFR_POSITION_PRONE, MFR_POSITION_SIDE_LYING, MFR_POSITION_SUPINE,
	MFR_POSITION_SEATED, MFR_POSITION_STANDING,
};
#define N_POSITIONS 5

static int position_rank(int position)
{
	for (int i = 0; i < N_POSITIONS; i++)
		if (position_order[i] == position)
			return i;
	return N_POSITIONS;
}

/* The first position, in group order, of a mask. */
static int first_position(uint32_t mask)
{
	for (int i = 0; i < N_POSITIONS; i++)
		if (mask & (uint32_t)position_order[i])
			return position_order[i];
	return 0;
}

/* ---- options ---- */

void mfr__plan_options_defaults(mfr_plan_options *o)
{
	o->max_sites = 20;
	o->reposition_seconds = 60;
	o->block_seconds = 120;
}

MFR_EXPORT mfr_status mfr_plan_options_new(mfr_plan_options **out)
{
	if (!out)
		return MFR_E_INVALID;
	*out = mfr__calloc(1, sizeof(**out));
	if (!*out)
		return MFR_E_NOMEM;
	mfr__plan_options_defaults(*out);
	return MFR_OK;
}

MFR_EXPORT void mfr_plan_options_free(mfr_plan_options *opts)
{
	mfr__free(opts);
}

static mfr_status set_in_range(mfr_plan_options *o, uint32_t *field, uint32_t v,
				 uint32_t lo, uint32_t hi)
{
	if (!o)
		return MFR_E_INVALID;
	if (v < lo || v > hi)
		return MFR_E_RANGE;
	*field = v;
	return MFR_OK;
}

MFR_EXPORT mfr_status mfr_plan_options_set_max_sites(mfr_plan_options *o, uint32_t n)
{
	return set_in_range(o, o ? &o->max_sites : NULL, n, 1, 200);
}

MFR_EXPORT mfr_status mfr_plan_options_set_reposition_seconds(mfr_plan_options *o, uint32_t s)
{
	return set_in_range(o, o ? &o->reposition_seconds : NULL, s, 0, 600);
}

MFR_EXPORT mfr_status mfr_plan_options_set_block_seconds(mfr_plan_options *o, uint32_t s)
{
	return set_in_range(o, o ? &o->block_seconds : NULL, s, 30, 900);
}

/* ---- building blocks ---- */

static int warn(mfr_plan *p, int kind, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Add a warning; 0 when memory runs out. */
static int warn(mfr_plan *p, int kind, const char *fmt, ...)
{
	char text[512];
	va_list ap;

	va_start(ap, fmt);
	mfr__vformat(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (p->warning_count == p->warning_cap) {
		uint32_t cap = p->warning_cap ? p->warning_cap * 2 : 8;
		mfr_plan_warning *w = mfr__arena_alloc(&p->arena, cap * sizeof(*w));

		if (!w)
			return 0;
		if (p->warning_count)
			memcpy(w, p->warnings, p->warning_count * sizeof(*w));
		p->warnings = w;
		p->warning_cap = cap;
	}
	const char *copy = mfr__arena_strdup(&p->arena, text);
	if (!copy)
		return 0;
	p->warnings[p->warning_count++] = (mfr_plan_warning){ (uint8_t)kind, copy };
	return 1;
}

static const char *side_word(int side)
{
	return side == MFR_SIDE_LEFT ? "left " : side == MFR_SIDE_RIGHT ? "right " : "";
}

/* What the screening of the precautions decided. */
typedef struct screen {
	int refer_out;
	int needs_clearance;
	int ceiling;                  /* mfr_pressure */
	const mfr_technique **excluded;
	uint32_t excluded_count;
} screen;

static int is_excluded(const screen *sc, const mfr_technique *t)
{
	for (uint32_t i = 0; i < sc->excluded_count; i++)
		if (sc->excluded[i] == t)
			return 1;
	return 0;
}

/* Whether precaution @p k of the intake applies in full: an absolute one is
 * lifted only by a clearance it provides for. */
static int blocks_session(const mfr_intake *in, const mfr_precaution *pr)
{
	return pr->severity == MFR_SEVERITY_ABSOLUTE &&
	       !(pr->needs_clearance && mfr_intake_is_cleared(in, pr));
}

static void list_techniques(char *buf, size_t size, const mfr_precaution *pr)
{
	mfr_text t;

	mfr__text_init(&t, buf, size);
	for (uint32_t i = 0; i < pr->excluded_technique_count; i++)
		mfr__text_add(&t, "%s%s", i ? ", " : "", pr->excluded_techniques[i]->name);
}

static mfr_status screen_precautions(mfr_plan *p, screen *sc)
{
	const mfr_intake *in = p->intake;
	uint32_t total = 0;

	sc->ceiling = MFR_PRESSURE_FIRM;
	for (uint32_t i = 0; i < in->precaution_count; i++)
		total += in->precautions[i].precaution->excluded_technique_count;
	sc->excluded = total ? mfr__arena_alloc(&p->arena, total * sizeof(*sc->excluded)) : NULL;
	if (total && !sc->excluded)
		return MFR_E_NOMEM;

	for (uint32_t i = 0; i < in->precaution_count; i++) {
		const mfr_site_precaution *sp = &in->precautions[i];
		const mfr_precaution *pr = sp->precaution;
		char where[160] = "";

		if (sp->region)
			mfr__format(where, sizeof(where), " (%s%s)", side_word(sp->side),
				 sp->region->name);
		if (blocks_session(in, pr)) {
			sc->refer_out = 1;
			if (!warn(p, MFR_WARNING_REFER_OUT, "%s%s is an absolute "
				  "contraindication: refer the client to a physician; no "
				  "myofascial work this session (%s)", pr->name, where,
				  pr->effect))
				return MFR_E_NOMEM;
		} else if (pr->needs_clearance && !mfr_intake_is_cleared(in, pr)) {
			sc->needs_clearance = 1;
			if (!warn(p, MFR_WARNING_NEEDS_CLEARANCE, "%s%s: start only once "
				  "a physician has cleared the client, and record the "
				  "clearance (%s)", pr->name, where, pr->effect))
				return MFR_E_NOMEM;
		}
		if (pr->pressure_ceiling && pr->pressure_ceiling < sc->ceiling)
			sc->ceiling = pr->pressure_ceiling;
		for (uint32_t k = 0; k < pr->excluded_technique_count; k++)
			if (!is_excluded(sc, pr->excluded_techniques[k]))
				sc->excluded[sc->excluded_count++] = pr->excluded_techniques[k];
		if (pr->pressure_ceiling || pr->excluded_technique_count) {
			char techniques[400];

			list_techniques(techniques, sizeof(techniques), pr);
			if (!warn(p, MFR_WARNING_MODIFIED, "%s%s changes the work: %s%s%s%s%s",
				  pr->name, where,
				  pr->pressure_ceiling ? "pressure no firmer than " : "",
				  pr->pressure_ceiling ? mfr_pressure_name(pr->pressure_ceiling) : "",
				  pr->pressure_ceiling && *techniques ? "; " : "",
				  *techniques ? "no " : "", techniques))
				return MFR_E_NOMEM;
		}
	}
	p->ceiling = (uint8_t)sc->ceiling;
	return MFR_OK;
}

/* Whether two sides can touch: the same side, or either on the midline. */
static int sides_meet(int a, int b)
{
	return a == b || a == MFR_SIDE_MIDLINE || b == MFR_SIDE_MIDLINE;
}

static int is_adjacent(const mfr_region *a, const mfr_region *b)
{
	for (uint32_t i = 0; i < a->adjacent_count; i++)
		if (a->adjacent[i] == b)
			return 1;
	return 0;
}

/* The precaution that forbids work on (@p r, @p side), or NULL. */
static const mfr_site_precaution *forbidding(const mfr_intake *in, const mfr_region *r,
					     int side)
{
	for (uint32_t i = 0; i < in->precaution_count; i++) {
		const mfr_site_precaution *sp = &in->precautions[i];
		const mfr_precaution *pr = sp->precaution;

		for (uint32_t k = 0; k < pr->avoid_region_count; k++)
			if (mfr_region_is_within(r, pr->avoid_regions[k]))
				return sp;
		if (!sp->region || !pr->avoid_site || !sides_meet(side, sp->side))
			continue;
		if (mfr_region_is_within(r, sp->region) || mfr_region_is_within(sp->region, r))
			return sp;
		if (!pr->avoid_adjacent)
			continue;
		if (is_adjacent(r, sp->region))
			return sp;
		for (uint32_t k = 0; k < sp->region->adjacent_count; k++)
			if (mfr_region_is_within(r, sp->region->adjacent[k]))
				return sp;
	}
	return NULL;
}

/* Whether technique @p t may work region @p r under the screening. */
static int technique_allowed(const screen *sc, const mfr_technique *t, const mfr_region *r)
{
	if (is_excluded(sc, t) || t->pressure_min > sc->ceiling)
		return 0;
	if (!t->region_count)
		return 1;
	for (uint32_t i = 0; i < t->region_count; i++)
		if (mfr_region_is_within(r, t->regions[i]))
			return 1;
	return 0;
}

/* The positions from which @p t can work @p r for this client. */
static uint32_t positions_for(const mfr_intake *in, const mfr_technique *t,
			      const mfr_region *r)
{
	return t->positions & r->positions & in->positions;
}

/* A hold inside the technique's range: its midpoint, rounded down to whole
 * half-minutes but never below the minimum. */
static uint32_t hold_seconds(const mfr_technique *t)
{
	uint32_t mid = t->hold_min + (t->hold_max - t->hold_min) / 2;
	uint32_t rounded = mid / 30 * 30;

	return rounded >= t->hold_min ? rounded : t->hold_min;
}

/* ---- candidates ---- */

typedef struct candidate {
	mfr_plan_step step;
} candidate;

/* The situation of a traced site: focal (a trigger point found through a
 * referral) or broad (fascia, or a muscle reached along a line). */
static uint32_t situation(const mfr_trace_result *res)
{
	const mfr_trace_path *path = &res->paths[0];

	if (path->step_count &&
	    path->steps[path->step_count - 1].edge->relation == MFR_RELATION_REFERRAL)
		return MFR_SUITS_FOCAL_POINT;
	return MFR_SUITS_BROAD_PLANE;
}

/* Whether the client is sensitive today: a symptom at intensity 7 or more,
 * or of acute onset. Sensitive clients get indirect work. */
static int is_sensitive(const mfr_intake *in)
{
	for (uint32_t i = 0; i < in->symptom_count; i++)
		if (in->symptoms[i].intensity >= 7 ||
		    in->symptoms[i].onset == MFR_ONSET_ACUTE)
			return 1;
	return 0;
}

/* The approach a technique is done with in this plan. */
static int approach_for(const mfr_technique *t, const mfr_stage *stage, int sensitive)
{
	if (t->approach != MFR_APPROACH_EITHER)
		return t->approach;
	if (stage->indirect_only || sensitive)
		return MFR_APPROACH_INDIRECT;
	return stage->prefer_direct ? MFR_APPROACH_DIRECT : MFR_APPROACH_INDIRECT;
}

/* Pick the technique for a treatment site: a timed technique allowed here,
 * reachable from an allowed position, preferring the one that suits the
 * site's situation, then the approach the stage prefers, then model order. */
static const mfr_technique *choose_technique(const mfr_intake *in, const screen *sc,
					     const mfr_stage *stage, const mfr_region *r,
					     uint32_t suits, int sensitive)
{
	const mfr_model *m = in->model;
	const mfr_technique *best = NULL;
	int best_score = -1;

	for (uint32_t i = 0; i < m->technique_count; i++) {
		const mfr_technique *t = &m->techniques[i];

		if (!t->has_hold || !technique_allowed(sc, t, r) ||
		    !positions_for(in, t, r))
			continue;
		if (stage->indirect_only && t->approach == MFR_APPROACH_DIRECT)
			continue;
		int score = 0;
		if (t->suits & suits)
			score += 4;
		int wants_indirect = stage->indirect_only || sensitive || !stage->prefer_direct;
		if ((t->approach == MFR_APPROACH_INDIRECT) == wants_indirect ||
		    t->approach == MFR_APPROACH_EITHER)
			score += 2;
		if (t->region_count)
			score += 1; /* made for this kind of region */
		if (score > best_score) {
			best = t;
			best_score = score;
		}
	}
	return best;
}

static int pressure_for(const mfr_technique *t, int approach, int ceiling)
{
	int p = approach == MFR_APPROACH_INDIRECT ? t->pressure_min : t->pressure_max;

	if (p > ceiling)
		p = ceiling;
	return p < t->pressure_min ? t->pressure_min : p;
}

static const char *site_text(char *buf, size_t size, const mfr_region *r, int side)
{
	mfr__format(buf, size, "%s%s", side_word(side), r->name);
	return buf;
}

/* Turn trace result @p rank (0-based) into a candidate; 0 when it is
 * skipped (with a warning where the therapist must know). */
static int make_candidate(mfr_plan *p, const screen *sc, const mfr_stage *stage,
			  const mfr_trace_result *res, uint32_t rank, candidate *c,
			  mfr_status *st)
{
	const mfr_intake *in = p->intake;
	char site[160];

	*st = MFR_OK;
	site_text(site, sizeof(site), res->region, res->side);
	if (res->distance > stage->max_distance)
		return 0;

	const mfr_site_precaution *sp = forbidding(in, res->region, res->side);
	if (sp) {
		char where[160] = "";

		if (sp->region)
			mfr__format(where, sizeof(where), " at the %s%s", side_word(sp->side),
				 sp->region->name);
		if (!warn(p, MFR_WARNING_SITE_EXCLUDED, "%s (trace rank %u) skipped: %s%s "
			  "(%s)", site, rank + 1, sp->precaution->name, where,
			  sp->precaution->avoid_adjacent ? "no work on the site or beside it"
							 : "no work on the site"))
			*st = MFR_E_NOMEM;
		return 0;
	}

	int sensitive = is_sensitive(in);
	const mfr_technique *t = choose_technique(in, sc, stage, res->region,
						  situation(res), sensitive);
	if (!t) {
		if (!warn(p, MFR_WARNING_UNREACHABLE, "%s (trace rank %u) skipped: no "
			  "allowed technique reaches it from the positions the client "
			  "can take", site, rank + 1))
			*st = MFR_E_NOMEM;
		return 0;
	}

	mfr_plan_step *s = &c->step;

	s->region = res->region;
	s->side = res->side;
	s->technique = t;
	s->phase = MFR_PHASE_TREATMENT;
	s->approach = (uint8_t)approach_for(t, stage, sensitive);
	s->pressure = (uint8_t)pressure_for(t, s->approach, sc->ceiling);
	s->position = (uint8_t)first_position(positions_for(in, t, res->region));
	s->seconds = hold_seconds(t);
	s->trace_rank = rank + 1;
	s->distance = res->distance;
	s->path_steps = res->paths[0].step_count;
	s->result = res; /* the rationale is written once the step is kept */
	return 1;
}

/* ---- the opening and closing blocks ---- */

/* A block step with technique family @p family (the first allowed one) on
 * @p r, from a position in @p prefer if possible; 0 when none fits. */
static int block_step(const mfr_plan *p, const screen *sc, const mfr_plan_options *o,
		      int family, int phase, const mfr_region *r, int side, int prefer,
		      mfr_plan_step *s)
{
	const mfr_model *m = p->intake->model;

	for (uint32_t i = 0; i < m->technique_count; i++) {
		const mfr_technique *t = &m->techniques[i];
		uint32_t pos = positions_for(p->intake, t, r);

		if (t->family != family || !technique_allowed(sc, t, r) || !pos)
			continue;
		memset(s, 0, sizeof(*s));
		s->region = r;
		s->side = (uint8_t)side;
		s->technique = t;
		s->phase = (uint8_t)phase;
		s->approach = t->approach == MFR_APPROACH_DIRECT ? MFR_APPROACH_DIRECT
								  : MFR_APPROACH_INDIRECT;
		s->pressure = (uint8_t)(t->pressure_min <= sc->ceiling ? t->pressure_min
								       : sc->ceiling);
		s->position = (uint8_t)((pos & (uint32_t)prefer) ? prefer : first_position(pos));
		s->seconds = t->has_hold ? t->hold_min : o->block_seconds;
		return 1;
	}
	return 0;
}

/* Opening: assess the first symptom site no precaution forbids, lifting and
 * rolling the skin where skin rolling may be done there, otherwise with a
 * light indirect hold. */
static int opening_step(mfr_plan *p, const screen *sc, const mfr_plan_options *o,
			int prefer, mfr_plan_step *s)
{
	static const int families[] = { MFR_FAMILY_SKIN_ROLLING, MFR_FAMILY_INDIRECT };
	const mfr_intake *in = p->intake;

	for (uint32_t i = 0; i < in->symptom_count; i++) {
		const mfr_symptom *sy = &in->symptoms[i];

		if (forbidding(in, sy->region, sy->side))
			continue;
		for (int f = 0; f < 2; f++)
			if (block_step(p, sc, o, families[f], MFR_PHASE_ASSESSMENT,
				       sy->region, sy->side, prefer, s))
				return 1;
	}
	return 0;
}

/* The side of the first symptom on a side (left when none is). */
static int lateral_side(const mfr_intake *in)
{
	for (uint32_t i = 0; i < in->symptom_count; i++)
		if (in->symptoms[i].side != MFR_SIDE_MIDLINE)
			return in->symptoms[i].side;
	return MFR_SIDE_LEFT;
}

/* Whether a symptom lies within @p r. */
static int holds_symptom(const mfr_intake *in, const mfr_region *r)
{
	for (uint32_t i = 0; i < in->symptom_count; i++)
		if (mfr_region_is_within(in->symptoms[i].region, r))
			return 1;
	return 0;
}

/* Closing: rebounding or jostling, where allowed, of the region the
 * technique lists that holds a symptom (else the first it lists; a
 * technique that lists none may work the symptom regions themselves), where
 * no precaution forbids it. @p side is the side for bilateral regions. */
static int closing_step(mfr_plan *p, const screen *sc, const mfr_plan_options *o,
			int prefer, int side, mfr_plan_step *s)
{
	const mfr_intake *in = p->intake;
	const mfr_model *m = in->model;

	for (int pass = 0; pass < 2; pass++) {
		for (uint32_t i = 0; i < m->technique_count; i++) {
			const mfr_technique *t = &m->techniques[i];
			int any = t->region_count == 0;
			uint32_t n = any ? in->symptom_count : t->region_count;

			if (t->family != MFR_FAMILY_REBOUNDING)
				continue;
			for (uint32_t k = 0; k < n; k++) {
				const mfr_region *r = any ? in->symptoms[k].region : t->regions[k];
				int sd = r->laterality == MFR_LATERALITY_MIDLINE
					? MFR_SIDE_MIDLINE : side;

				if (pass == 0 && !holds_symptom(p->intake, r))
					continue;
				if (forbidding(p->intake, r, sd))
					continue;
				if (block_step(p, sc, o, MFR_FAMILY_REBOUNDING,
					       MFR_PHASE_INTEGRATION, r, sd, prefer, s))
					return 1;
			}
		}
	}
	return 0;
}

/* ---- timing and order ---- */

static int step_order(const void *pa, const void *pb)
{
	const mfr_plan_step *a = pa, *b = pb;
	int ra = position_rank(a->position), rb = position_rank(b->position);

	if (ra != rb)
		return ra - rb;
	/* Root causes first: distant sites (or the other side) before those
	 * around the symptom, then the longer way along the trace first. */
	int fa = a->distance >= MFR_DISTANCE_DISTANT, fb = b->distance >= MFR_DISTANCE_DISTANT;
	if (fa != fb)
		return fb - fa;
	if (a->path_steps != b->path_steps)
		return a->path_steps > b->path_steps ? -1 : 1;
	return a->trace_rank < b->trace_rank ? -1 : a->trace_rank > b->trace_rank;
}

/* Order @p n treatment steps and put the blocks around them; returns the
 * total seconds and sets *changes. @p out has room for n + 2 steps. */
static uint32_t arrange(const mfr_plan_step *treat, uint32_t n, const mfr_plan_step *open,
			const mfr_plan_step *close, uint32_t reposition,
			mfr_plan_step *out, uint32_t *count, uint32_t *changes)
{
	uint32_t k = 0, total = 0;

	if (open)
		out[k++] = *open;
	memcpy(out + k, treat, n * sizeof(*treat));
	if (n > 1)
		qsort(out + k, n, sizeof(*out), step_order);
	k += n;
	if (close)
		out[k++] = *close;
	*changes = 0;
	for (uint32_t i = 0; i < k; i++) {
		total += out[i].seconds;
		if (i && out[i].position != out[i - 1].position)
			(*changes)++;
	}
	*count = k;
	return total + *changes * reposition;
}

/* The position of the first group of @p n treatment steps. */
static int first_group_position(const mfr_plan_step *treat, uint32_t n)
{
	int best = treat[0].position;

	for (uint32_t i = 1; i < n; i++)
		if (position_rank(treat[i].position) < position_rank(best))
			best = treat[i].position;
	return best;
}

/* The sentence that says why each kept step is there: a treatment step
 * points back to its trace result. */
static mfr_status add_rationales(mfr_plan *p)
{
	for (uint32_t i = 0; i < p->step_count; i++) {
		mfr_plan_step *s = &p->steps[i];
		char text[1200], site[160];

		site_text(site, sizeof(site), s->region, s->side);
		if (s->phase == MFR_PHASE_TREATMENT) {
			const char *why = mfr__result_explain(s->result);

			if (!why)
				return MFR_E_NOMEM;
			mfr__format(text, sizeof(text), "trace rank %u, %s: %s", s->trace_rank,
				 mfr_distance_name(s->result->distance), why);
			s->result = NULL; /* the trace is freed with the planning */
		} else if (s->phase == MFR_PHASE_ASSESSMENT)
			mfr__format(text, sizeof(text), "opening: assess the %s, where the "
				 "client reports symptoms, with %s, before the deeper work",
				 site, s->technique->name);
		else
			mfr__format(text, sizeof(text), "closing: %s of the %s, to integrate "
				 "the work", s->technique->name, site);
		s->rationale = mfr__arena_strdup(&p->arena, text);
		if (!s->rationale)
			return MFR_E_NOMEM;
	}
	return MFR_OK;
}

/* Whether a warning says why a traced site was left out. */
static int has_skip_warning(const mfr_plan *p)
{
	for (uint32_t i = 0; i < p->warning_count; i++) {
		int k = p->warnings[i].kind;

		if (k == MFR_WARNING_SITE_EXCLUDED || k == MFR_WARNING_UNREACHABLE ||
		    k == MFR_WARNING_TIME)
			return 1;
	}
	return 0;
}

static mfr_status plan_steps(mfr_plan *p, const mfr_plan_options *o, const screen *sc,
			     const mfr_stage *stage)
{
	const mfr_intake *in = p->intake;
	mfr_trace_options topts = { o->max_sites, 6, MFR_EVIDENCE_NOT_ASSESSED,
				    MFR_RELATION_ALL, NULL, 0 };
	mfr_trace *t = NULL;
	mfr_status st = mfr_trace_run(in, &topts, &t, NULL);
	candidate *cand = NULL;
	mfr_plan_step *work = NULL;
	uint32_t ncand = 0;

	if (st != MFR_OK)
		return st;
	cand = mfr__malloc((t->count ? t->count : 1) * sizeof(*cand));
	work = mfr__arena_alloc(&p->arena, (t->count + 2) * sizeof(*work));
	mfr_plan_step *trial = mfr__malloc((t->count + 2) * sizeof(*trial));
	mfr_plan_step *treat = mfr__malloc((t->count ? t->count : 1) * sizeof(*treat));
	if (!cand || !work || !trial || !treat)
		st = MFR_E_NOMEM;
	for (uint32_t i = 0; st == MFR_OK && i < t->count; i++)
		if (make_candidate(p, sc, stage, &t->results[i], i, &cand[ncand], &st))
			ncand++;

	/* The blocks open and close in the positions of the first and last
	 * groups where they can. */
	mfr_plan_step open, close;
	int have_open = 0, have_close = 0;
	uint32_t best_n = 0, best_total = 0, best_count = 0, best_changes = 0;
	uint32_t budget = p->session_seconds;

	if (st == MFR_OK) {
		int first_pos = ncand ? cand[0].step.position : MFR_POSITION_PRONE;
		have_open = opening_step(p, sc, o, first_pos, &open);
		have_close = closing_step(p, sc, o, MFR_POSITION_SUPINE,
					  lateral_side(in), &close);
	}
	/* The longest run of candidates, in rank order, that fits. */
	for (uint32_t n = 0; st == MFR_OK && n <= ncand; n++) {
		uint32_t count, changes, total;

		for (uint32_t i = 0; i < n; i++)
			treat[i] = cand[i].step;
		if (have_open && n) { /* open where the first group lies */
			int first = first_group_position(treat, n);

			if (positions_for(in, open.technique, open.region) & (uint32_t)first)
				open.position = (uint8_t)first;
		}
		total = arrange(treat, n, have_open ? &open : NULL, have_close ? &close : NULL,
				o->reposition_seconds, trial, &count, &changes);
		if (total > budget)
			break;
		best_n = n;
		best_total = total;
		best_count = count;
		best_changes = changes;
		memcpy(work, trial, count * sizeof(*work));
	}
	if (st == MFR_OK && best_n < ncand &&
	    !warn(p, MFR_WARNING_TIME, "%u traced site%s left out to fit the %u-minute "
		  "session (the most promising kept)", ncand - best_n,
		  ncand - best_n == 1 ? "" : "s", p->session_seconds / 60))
		st = MFR_E_NOMEM;
	/* Nothing planned: point at the warnings that say why, and when there
	 * are none, say why here (it once pointed at warnings that did not
	 * exist). */
	if (st == MFR_OK && best_n == 0 &&
	    !warn(p, MFR_WARNING_NO_SITES, "%s", has_skip_warning(p)
		  ? "no traced site could be planned: see the other warnings"
		  : t->count == 0
		  ? "no traced site could be planned: the trace found no treatment "
		    "site for these symptoms"
		  : "no traced site could be planned: none lies near enough to the "
		    "symptoms for this session"))
		st = MFR_E_NOMEM;
	if (st == MFR_OK) {
		/* Without treatment steps, opening and closing alone are no plan. */
		p->steps = best_n ? work : NULL;
		p->step_count = best_n ? best_count : 0;
		p->total_seconds = best_n ? best_total : 0;
		p->position_changes = best_n ? best_changes : 0;
		st = add_rationales(p);
	}
	mfr__free(cand);
	mfr__free(trial);
	mfr__free(treat);
	mfr_trace_free(t);
	return st;
}

/* ---- the plan ---- */

static mfr_status acute_warnings(mfr_plan *p)
{
	const mfr_intake *in = p->intake;

	for (uint32_t i = 0; i < in->symptom_count; i++) {
		const mfr_symptom *sy = &in->symptoms[i];
		char site[160];

		if (sy->onset != MFR_ONSET_ACUTE)
			continue;
		if (!warn(p, MFR_WARNING_ACUTE, "the %s is of acute onset: rule out an "
			  "acute injury or active inflammation there before working it, "
			  "and record one as a precaution if present",
			  site_text(site, sizeof(site), sy->region, sy->side)))
			return MFR_E_NOMEM;
	}
	return MFR_OK;
}

mfr_status mfr__plan_build(const mfr_intake *in, const mfr_plan_options *opts,
			   const mfr_stage *stage, mfr_plan **out)
{
	mfr_plan *p = mfr__calloc(1, sizeof(*p));
	screen sc = { 0 };
	mfr_status st;

	if (!p)
		return MFR_E_NOMEM;
	p->intake = in;
	p->model = in->model;
	p->arena.block_size = 4096; /* a plan is small: keep its heap so */
	p->session_seconds = in->minutes * 60;
	st = screen_precautions(p, &sc);
	if (st == MFR_OK)
		st = acute_warnings(p);
	if (st == MFR_OK) {
		p->status = sc.refer_out ? MFR_PLAN_REFER_OUT
			  : sc.needs_clearance ? MFR_PLAN_NEEDS_CLEARANCE : MFR_PLAN_OK;
		if (!sc.refer_out)
			st = plan_steps(p, opts, &sc, stage);
	}
	if (st != MFR_OK) {
		mfr_plan_free(p);
		return st;
	}
	*out = p;
	return MFR_OK;
}

MFR_EXPORT mfr_status mfr_plan_run(const mfr_intake *intake, const mfr_plan_options *opts,
				   mfr_plan **out, mfr_error **err)
{
	mfr_plan_options defaults;
	mfr_status st;

	if (out)
		*out = NULL;
	if (!intake || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_plan_run: intake and out must not be NULL");
	if (!intake->symptom_count)
		return mfr__error_set(err, MFR_E_MISSING, NULL, MFR__NO_SYMPTOMS("mfr_plan_run"));
	if (!opts) {
		mfr__plan_options_defaults(&defaults);
		opts = &defaults;
	}
	st = mfr__plan_build(intake, opts, &mfr__single_session, out);
	if (st == MFR_E_NOMEM)
		return mfr__error_nomem(err);
	return st;
}

MFR_EXPORT void mfr_plan_free(mfr_plan *p)
{
	if (!p)
		return;
	mfr__arena_release(&p->arena);
	mfr__free(p);
}

/* ---- getters ---- */

MFR_GETTER(int, mfr_plan_status_of, mfr_plan, status, 0)
MFR_GETTER(uint32_t, mfr_plan_session_seconds, mfr_plan, session_seconds, 0)
MFR_GETTER(uint32_t, mfr_plan_total_seconds, mfr_plan, total_seconds, 0)
MFR_GETTER(uint32_t, mfr_plan_position_changes, mfr_plan, position_changes, 0)
MFR_GETTER(int, mfr_plan_pressure_ceiling, mfr_plan, ceiling, 0)
MFR_GETTER(uint32_t, mfr_plan_step_count, mfr_plan, step_count, 0)
MFR_GETTER(uint32_t, mfr_plan_warning_count, mfr_plan, warning_count, 0)

#define STEP_GETTER(ret, name, field, dflt) \
	MFR_ELEMENT_GETTER(ret, mfr_plan_step_##name, mfr_plan, steps, step_count, field, dflt)

STEP_GETTER(int, phase, phase, 0)
STEP_GETTER(const mfr_region *, region, region, NULL)
STEP_GETTER(int, side, side, 0)
STEP_GETTER(const mfr_technique *, technique, technique, NULL)
STEP_GETTER(int, approach, approach, 0)
STEP_GETTER(int, pressure, pressure, 0)
STEP_GETTER(int, position, position, 0)
STEP_GETTER(uint32_t, seconds, seconds, 0)
STEP_GETTER(uint32_t, trace_rank, trace_rank, 0)
STEP_GETTER(const char *, rationale, rationale, "")
MFR_ELEMENT_GETTER(int, mfr_plan_warning_kind, mfr_plan, warnings, warning_count, kind, 0)
MFR_ELEMENT_GETTER(const char *, mfr_plan_warning_text, mfr_plan, warnings, warning_count,
		   text, "")

/* Aftercare is the model's: every plan gives all of it. */
MFR_EXPORT uint32_t mfr_plan_aftercare_count(const mfr_plan *p)
{
	return p ? p->model->aftercare_count : 0;
}

MFR_EXPORT const char *mfr_plan_aftercare_text(const mfr_plan *p, uint32_t i)
{
	return p && i < p->model->aftercare_count ? p->model->aftercare[i].text : "";
}

MFR_EXPORT const char *mfr_plan_aftercare_key(const mfr_plan *p, uint32_t i)
{
	return p && i < p->model->aftercare_count ? p->model->aftercare[i].key : "";
}

MFR_EXPORT const char *mfr_plan_status_name(int status)
{
	switch (status) {
	case MFR_PLAN_OK: return "ok";
	case MFR_PLAN_NEEDS_CLEARANCE: return "needs_clearance";
	case MFR_PLAN_REFER_OUT: return "refer_out";
	}
	return NULL;
}

MFR_EXPORT const char *mfr_phase_name(int phase)
{
	switch (phase) {
	case MFR_PHASE_ASSESSMENT: return "assessment";
	case MFR_PHASE_TREATMENT: return "treatment";
	case MFR_PHASE_INTEGRATION: return "integration";
	}
	return NULL;
}

MFR_EXPORT const char *mfr_warning_kind_name(int kind)
{
	switch (kind) {
	case MFR_WARNING_REFER_OUT: return "refer_out";
	case MFR_WARNING_NEEDS_CLEARANCE: return "needs_clearance";
	case MFR_WARNING_MODIFIED: return "modified";
	case MFR_WARNING_SITE_EXCLUDED: return "site_excluded";
	case MFR_WARNING_UNREACHABLE: return "unreachable";
	case MFR_WARNING_TIME: return "time";
	case MFR_WARNING_ACUTE: return "acute";
	case MFR_WARNING_NO_SITES: return "no_sites";
	}
	return NULL;
}
