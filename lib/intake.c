/*
 * libmfr - the intake: building it through the API, and reading it back.
 * SPDX-License-Identifier: MIT
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "accessor.h"
#include "alloc.h"
#include "audit.h"
#include "error.h"
#include "intake-private.h"
#include "names.h"
#include "text.h"

static mfr_status_t problem(mfr_problem *why, mfr_status_t st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static mfr_status_t problem(mfr_problem *why, mfr_status_t st, const char *fmt, ...)
{
	va_list ap;

	why->status = st;
	va_start(ap, fmt);
	mfr__vformat(why->text, sizeof(why->text), fmt, ap);
	va_end(ap);
	return st;
}

/* Make room for one more item in a growable array. */
static int reserve(void **items, uint32_t *cap, uint32_t count, size_t size)
{
	if (count < *cap)
		return 1;
	uint32_t ncap = *cap ? *cap * 2 : 4;
	void *p = ncap > *cap ? mfr__realloc(*items, (size_t)ncap * size) : NULL;

	if (!p)
		return 0;
	*items = p;
	*cap = ncap;
	return 1;
}

#define RESERVE(in, array, count, cap) \
	reserve((void **)&(in)->array, &(in)->cap, (in)->count, sizeof(*(in)->array))

/* A list already at MFR_INTAKE_MAX_ITEMS takes no more (doc/intake-format.md,
 * "Limits"): an intake is one client's record, and a list past the limit
 * is a generated or corrupted input, not a client. */
static mfr_status_t full(mfr_problem *why, uint32_t count, const char *what)
{
	if (count < MFR_INTAKE_MAX_ITEMS)
		return MFR_OK;
	return problem(why, MFR_E_RANGE, "an intake holds at most %d %s; this one "
		       "would have more: record each site or key once, and split "
		       "what belongs to several clients", MFR_INTAKE_MAX_ITEMS, what);
}

/* Record into a set of repeats; MFR_SEEN_NOMEM becomes a problem. */
#define SEEN_ADD(why, set, hash, item, same, ctx, rep)                           \
	do {                                                                     \
		(rep) = mfr__seen_add((set), (hash), (item), (same), (ctx));     \
		if ((rep) == MFR_SEEN_NOMEM)                                     \
			return problem((why), MFR_E_NOMEM, "out of memory");     \
	} while (0)

/* Look up @p key of @p kind; on failure explain, with the nearest keys. */
static const void *find(const mfr_model *m, int kind, const char *key, mfr_problem *why)
{
	int64_t at = mfr__model_find(m, kind, key);
	const char *what = mfr__name_of(&mfr__kind_names, kind);

	if (at >= 0) {
		switch (kind) {
		case MFR_KIND_REGION: return &m->regions[at];
		case MFR_KIND_CONDITION: return &m->conditions[at];
		case MFR_KIND_PRECAUTION: return &m->precautions[at];
		case MFR_KIND_SCREENING: return &m->screening[at];
		}
		return NULL;
	}

	char named[300];

	mfr__unknown_key(m, kind, key, named, sizeof(named));
	problem(why, MFR_E_REFERENCE, "unknown %s %s; 'mfr model list %ss' "
		"shows every %s key", what, named, what, what);
	return NULL;
}

/* Check that @p side fits @p r; a midline region takes 0 or midline. */
static mfr_status_t check_side(const mfr_region *r, int *side, mfr_problem *why)
{
	if (r->laterality == MFR_LATERALITY_MIDLINE) {
		if (*side == 0 || *side == MFR_SIDE_MIDLINE) {
			*side = MFR_SIDE_MIDLINE;
			return MFR_OK;
		}
		return problem(why, MFR_E_CONSTRAINT, "region \"%s\" lies on the "
			       "midline, so it takes no side (or \"midline\"), not "
			       "\"%s\"", r->key,
			       mfr__name_of(&mfr__side_names, *side) ?
			       mfr__name_of(&mfr__side_names, *side) : "?");
	}
	if (*side == MFR_SIDE_LEFT || *side == MFR_SIDE_RIGHT)
		return MFR_OK;
	if (*side == 0)
		return problem(why, MFR_E_CONSTRAINT, "region \"%s\" exists on both "
			       "sides of the body: say which, \"left\" or \"right\"",
			       r->key);
	return problem(why, MFR_E_CONSTRAINT, "region \"%s\" is bilateral: its side "
		       "must be \"left\" or \"right\", not \"%s\"; what lies across "
		       "the midline (a central scar) is recorded once on each side", r->key,
		       mfr__name_of(&mfr__side_names, *side) ?
		       mfr__name_of(&mfr__side_names, *side) : "unknown");
}

/* The intensity (0 to 10) and onset of a symptom, checked. */
static mfr_status_t check_intensity_onset(int32_t intensity, int onset, mfr_problem *why)
{
	if (intensity < 0 || intensity > 10)
		return problem(why, MFR_E_RANGE, "intensity %d is out of range; use "
			       "0 (none) to 10 (worst imaginable)", (int)intensity);
	if (onset != MFR_ONSET_UNSPECIFIED && onset != MFR_ONSET_ACUTE &&
	    onset != MFR_ONSET_CHRONIC)
		return problem(why, MFR_E_RANGE, "onset %d is unknown; use "
			       "\"acute\" or \"chronic\", or leave it out", onset);
	return MFR_OK;
}

static int same_site(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_intake *in = ctx;

	return in->symptoms[a].region == in->symptoms[b].region &&
	       in->symptoms[a].side == in->symptoms[b].side;
}

mfr_status_t mfr__intake_symptom(mfr_intake *in, const char *region, int side,
			       int32_t intensity, int onset, mfr_problem *why)
{
	const mfr_region *r = find(in->model, MFR_KIND_REGION, region, why);

	if (!r)
		return why->status;
	if (check_side(r, &side, why) != MFR_OK)
		return why->status;
	if (check_intensity_onset(intensity, onset, why) != MFR_OK)
		return why->status;
	if (full(why, in->symptom_count, "symptoms (a symptom on both sides counts "
		 "twice)") != MFR_OK)
		return why->status;
	if (!RESERVE(in, symptoms, symptom_count, symptom_cap))
		return problem(why, MFR_E_NOMEM, "out of memory");
	/* Staged past the end: counted only once it repeats no site. */
	in->symptoms[in->symptom_count] = (mfr_intake_symptom){
		r, (uint8_t)side, (uint8_t)onset, intensity
	};
	uint32_t site = mfr__site_id(r, side);
	uint32_t seen = mfr__seen_add(&in->symptom_sites, mfr__hash_u32(site),
				      in->symptom_count, same_site, in);
	if (seen == MFR_SEEN_NOMEM)
		return problem(why, MFR_E_NOMEM, "out of memory");
	if (seen != MFR_SEEN_NEW)
		return problem(why, MFR_E_DUPLICATE, "the %s %s is already "
			       "a symptom; give each site once",
			       mfr__name_of(&mfr__side_names, side), r->key);
	in->symptom_count++;
	return MFR_OK;
}

/* The symptom already recorded at @p r on @p side, or MFR_SEEN_NEW. */
typedef struct site_probe {
	const mfr_intake *in;
	const mfr_region *region;
	uint8_t side;
} site_probe;

static int is_site(const void *ctx, uint32_t item)
{
	const site_probe *sp = ctx;

	return sp->in->symptoms[item].region == sp->region &&
	       sp->in->symptoms[item].side == sp->side;
}

static uint32_t symptom_at(const mfr_intake *in, const mfr_region *r, int side)
{
	site_probe sp = { in, r, (uint8_t)side };

	return mfr__seen_find(&in->symptom_sites, mfr__hash_u32(mfr__site_id(r, side)),
			      is_site, &sp);
}

mfr_status_t mfr__intake_segment(mfr_intake *in, int64_t id, int32_t intensity, int onset,
			       mfr_problem *why)
{
	const mfr_model *m = in->model;
	const mfr_segment *g;
	uint32_t fresh = 0, from = in->symptom_count;

	if (!m->body_map)
		return problem(why, MFR_E_REFERENCE, "the model \"%s\" has no body map, so "
			       "segment %" PRId64 " names no site; load a model with a "
			       "\"body_map\" section (the default model has one), or "
			       "name the region and side", m->name, id);
	g = id >= 0 && id <= UINT32_MAX ? mfr__model_segment(m, (uint32_t)id) : NULL;
	if (!g) {
		const mfr_body_map *b = m->body_map;

		return problem(why, MFR_E_REFERENCE, "segment %" PRId64 " is not in the "
			       "body map \"%s\" (its ids run from %u to %u, with gaps); "
			       "the model's \"body_map\" section lists them ('mfr model "
			       "export')", id, b->name, b->segments[0].id,
			       b->segments[b->segment_count - 1].id);
	}
	if (check_intensity_onset(intensity, onset, why) != MFR_OK)
		return why->status;
	for (uint32_t k = 0; k < g->site_count; k++)
		fresh += symptom_at(in, g->sites[k].region, g->sites[k].side) == MFR_SEEN_NEW;
	if (fresh && full(why, in->symptom_count + fresh - 1, "symptoms (a segment "
			  "counts once for each site it stands for)") != MFR_OK)
		return why->status;
	/* All or nothing: room for every new site first, then the sites. */
	for (uint32_t k = 0; k < fresh; k++)
		if (!RESERVE(in, symptoms, symptom_count + k, symptom_cap))
			return problem(why, MFR_E_NOMEM, "out of memory");
	for (uint32_t k = 0; k < g->site_count; k++) {
		const mfr_segment_site *st = &g->sites[k];

		if (symptom_at(in, st->region, st->side) != MFR_SEEN_NEW)
			continue;
		in->symptoms[in->symptom_count] = (mfr_intake_symptom){
			st->region, st->side, (uint8_t)onset, intensity
		};
		if (mfr__seen_add(&in->symptom_sites, mfr__hash_u32(mfr__site_id(st->region,
									       st->side)),
				  in->symptom_count, same_site, in) == MFR_SEEN_NOMEM) {
			while (in->symptom_count > from) {
				uint32_t i = --in->symptom_count;

				mfr__seen_remove(&in->symptom_sites, mfr__hash_u32(mfr__site_id(
						 in->symptoms[i].region, in->symptoms[i].side)), i);
			}
			return problem(why, MFR_E_NOMEM, "out of memory");
		}
		in->symptom_count++;
	}
	/* A site recorded before keeps the stronger intensity, and takes the
	 * onset when it had none. */
	for (uint32_t k = 0; k < g->site_count; k++) {
		uint32_t at = symptom_at(in, g->sites[k].region, g->sites[k].side);
		mfr_intake_symptom *sy = &in->symptoms[at];

		if (at >= from)
			continue;
		if (sy->intensity < intensity)
			sy->intensity = intensity;
		if (sy->onset == MFR_ONSET_UNSPECIFIED)
			sy->onset = (uint8_t)onset;
	}
	return MFR_OK;
}

static int same_condition(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_intake *in = ctx;

	return in->conditions[a] == in->conditions[b];
}

/* A recorded precaution at a site (region NULL: none). */
static uint32_t precaution_site_hash(const mfr_intake_precaution *q)
{
	uint32_t h = mfr__hash_u32(q->precaution->index);

	h = mfr__hash_u32(h ^ (q->region ? q->region->index + 1 : 0));
	return mfr__hash_u32(h ^ q->side);
}

static int same_precaution_site(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_intake_precaution *q = ((const mfr_intake *)ctx)->precautions;

	return q[a].precaution == q[b].precaution && q[a].region == q[b].region &&
	       q[a].side == q[b].side;
}

static int same_precaution(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_intake_precaution *q = ((const mfr_intake *)ctx)->precautions;

	return q[a].precaution == q[b].precaution;
}

typedef struct precaution_probe {
	const mfr_intake *in;
	const mfr_precaution *p;
} precaution_probe;

static int is_precaution(const void *ctx, uint32_t item)
{
	const precaution_probe *pp = ctx;

	return pp->in->precautions[item].precaution == pp->p;
}

/* Whether @p p is recorded at all, at any site: O(1). */
static int precaution_recorded(const mfr_intake *in, const mfr_precaution *p)
{
	precaution_probe pp = { in, p };

	return mfr__seen_find(&in->precaution_keys, mfr__hash_u32(p->index), is_precaution,
			      &pp) != MFR_SEEN_NEW;
}

/* Take the precautions from @p from on out again (an answer that failed
 * part way: all or nothing). */
static void drop_precautions(mfr_intake *in, uint32_t from)
{
	while (in->precaution_count > from) {
		uint32_t i = --in->precaution_count;
		const mfr_intake_precaution *q = &in->precautions[i];

		mfr__seen_remove(&in->precaution_sites, precaution_site_hash(q), i);
		mfr__seen_remove(&in->precaution_keys, mfr__hash_u32(q->precaution->index), i);
	}
}

static int same_stage(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_precaution_stage *s = ((const mfr_intake *)ctx)->stages;

	return s[a].precaution == s[b].precaution;
}

static void drop_stages(mfr_intake *in, uint32_t from)
{
	while (in->stage_count > from) {
		uint32_t i = --in->stage_count;

		mfr__seen_remove(&in->stage_set,
				 mfr__hash_u32(in->stages[i].precaution->index), i);
	}
}

mfr_status_t mfr__intake_condition(mfr_intake *in, const char *key, mfr_problem *why)
{
	const mfr_condition *c = find(in->model, MFR_KIND_CONDITION, key, why);

	if (!c)
		return why->status;
	if (full(why, in->condition_count, "conditions") != MFR_OK)
		return why->status;
	if (!RESERVE(in, conditions, condition_count, condition_cap))
		return problem(why, MFR_E_NOMEM, "out of memory");
	/* Staged past the end, counted once it repeats none (linear: the
	 * scan over every recorded condition was quadratic). */
	in->conditions[in->condition_count] = c;
	uint32_t rep;
	SEEN_ADD(why, &in->condition_set, mfr__hash_u32(c->index), in->condition_count,
		 same_condition, in, rep);
	if (rep != MFR_SEEN_NEW)
		return problem(why, MFR_E_DUPLICATE, "condition \"%s\" is "
			       "already recorded", key);
	in->condition_count++;
	return MFR_OK;
}

mfr_status_t mfr__intake_precaution(mfr_intake *in, const char *key, const char *region,
				  int side, mfr_problem *why)
{
	const mfr_precaution *p = find(in->model, MFR_KIND_PRECAUTION, key, why);
	const mfr_region *r = NULL;

	if (!p)
		return why->status;
	if (p->scope == MFR_SCOPE_LOCAL && !region)
		return problem(why, MFR_E_CONSTRAINT, "precaution \"%s\" is local: "
			       "say where it is (a region and, for a bilateral "
			       "region, a side)", key);
	if (p->scope == MFR_SCOPE_GLOBAL && !p->site_scoped && (region || side))
		return problem(why, MFR_E_CONSTRAINT, "precaution \"%s\" applies to "
			       "the whole client: give it no region or side", key);
	if (!region && side)
		return problem(why, MFR_E_CONSTRAINT, "precaution \"%s\": a side "
			       "needs a region", key);
	if (region) {
		r = find(in->model, MFR_KIND_REGION, region, why);
		if (!r || check_side(r, &side, why) != MFR_OK)
			return why->status;
	}
	if (full(why, in->precaution_count, "precautions (each site of a precaution "
		 "counts once)") != MFR_OK)
		return why->status;
	if (!RESERVE(in, precautions, precaution_count, precaution_cap))
		return problem(why, MFR_E_NOMEM, "out of memory");
	/* Staged past the end; found again in O(1) by its site. */
	uint32_t i = in->precaution_count, rep;
	in->precautions[i] = (mfr_intake_precaution){ p, r, (uint8_t)side, NULL, 0 };
	SEEN_ADD(why, &in->precaution_sites, precaution_site_hash(&in->precautions[i]), i,
		 same_precaution_site, in, rep);
	if (rep != MFR_SEEN_NEW)
		return problem(why, MFR_E_DUPLICATE, "precaution \"%s\" is "
			       "already recorded%s", key, r ? " at that site" : "");
	/* Also by the precaution alone, the first time (is it recorded?). */
	rep = mfr__seen_add(&in->precaution_keys, mfr__hash_u32(p->index), i,
			    same_precaution, in);
	if (rep == MFR_SEEN_NOMEM) {
		mfr__seen_remove(&in->precaution_sites,
				 precaution_site_hash(&in->precautions[i]), i);
		return problem(why, MFR_E_NOMEM, "out of memory");
	}
	in->precaution_count++;
	return MFR_OK;
}

mfr_status_t mfr__intake_stage(mfr_intake *in, const char *key, int64_t stage,
			     mfr_problem *why)
{
	const mfr_precaution *p = find(in->model, MFR_KIND_PRECAUTION, key, why);

	if (!p)
		return why->status;
	if (!p->stage_count)
		return problem(why, MFR_E_CONSTRAINT, "precaution \"%s\" has no stages",
			       key);
	if (stage < 1 || stage > p->stage_count)
		return problem(why, MFR_E_RANGE, "%s %lld is out of range; use 1 to %u",
			       p->stage_name, (long long)stage, p->stage_count);
	if (!precaution_recorded(in, p))
		return problem(why, MFR_E_CONSTRAINT, "precaution \"%s\" is not recorded; "
			       "record it before its %s", key, p->stage_name);
	if (!RESERVE(in, stages, stage_count, stage_cap))
		return problem(why, MFR_E_NOMEM, "out of memory");
	/* No limit check needed: one stage per recorded precaution at most. */
	uint32_t rep;
	in->stages[in->stage_count] = (mfr_precaution_stage){ p, (uint8_t)stage };
	SEEN_ADD(why, &in->stage_set, mfr__hash_u32(p->index), in->stage_count, same_stage,
		 in, rep);
	if (rep != MFR_SEEN_NEW)
		return problem(why, MFR_E_DUPLICATE, "a %s for \"%s\" is already recorded",
			       p->stage_name, key);
	in->stage_count++;
	return MFR_OK;
}

mfr_status_t mfr__intake_scope(mfr_intake *in, int access, mfr_problem *why)
{
	if (access != MFR_ACCESS_INTRA_ORAL && access != MFR_ACCESS_INTRA_PELVIC)
		return problem(why, MFR_E_RANGE, "scope %d is not an internal access; "
			       "declare \"intra_oral\" or \"intra_pelvic\"", access);
	if (in->scopes & (uint32_t)access)
		return problem(why, MFR_E_DUPLICATE, "scope \"%s\" is already declared",
			       mfr__name_of(&mfr__access_names, access));
	in->scopes |= (uint32_t)access;
	return MFR_OK;
}

mfr_status_t mfr__intake_answer(mfr_intake *in, const char *question, const char *answer,
			      const char *region, int side, mfr_problem *why)
{
	const mfr_screening *q = find(in->model, MFR_KIND_SCREENING, question, why);
	const mfr_screening_answer *a = NULL;

	if (!q)
		return why->status;
	for (uint32_t i = 0; i < q->answer_count; i++)
		if (strcmp(q->answers[i].key, answer) == 0)
			a = &q->answers[i];
	if (!a) {
		char keys[300];
		size_t used = 0;

		keys[0] = '\0';
		for (uint32_t i = 0; i < q->answer_count && used < sizeof(keys); i++)
			used += (size_t)snprintf(keys + used, sizeof(keys) - used, "%s\"%s\"",
						 i ? ", " : "", q->answers[i].key);
		return problem(why, MFR_E_REFERENCE, "question \"%s\" has no answer "
			       "\"%s\"; use one of %s", question, answer, keys);
	}
	if (a->needs_site && !region)
		return problem(why, MFR_E_CONSTRAINT, "answer \"%s\" to \"%s\" needs a "
			       "site: say where (a region and, for a bilateral region, a "
			       "side)", answer, question);
	if (!a->needs_site && (region || side))
		return problem(why, MFR_E_CONSTRAINT, "answer \"%s\" to \"%s\" takes no "
			       "site", answer, question);

	if (!in->answered) {
		in->answered = mfr__calloc(in->model->screening_count, sizeof(*in->answered));
		if (!in->answered)
			return problem(why, MFR_E_NOMEM, "out of memory");
	}

	/* All or nothing: undo what this answer added when a later part fails. */
	uint32_t np = in->precaution_count, ns = in->stage_count;
	mfr_status_t st = MFR_OK;

	for (uint32_t k = 0; st == MFR_OK && k < a->precaution_count; k++) {
		const mfr_precaution *p = a->precautions[k];
		int site = p->scope == MFR_SCOPE_LOCAL || p->site_scoped;
		int have = !site && precaution_recorded(in, p);

		if (!have)
			st = mfr__intake_precaution(in, p->key, site ? region : NULL,
						    site ? side : 0, why);
		/* A second, different stage is a conflict, never silently dropped. */
		if (st == MFR_OK && a->stage && p->stage_count &&
		    mfr_intake_stage(in, p) != a->stage)
			st = mfr__intake_stage(in, p->key, a->stage, why);
	}
	if (st != MFR_OK) {
		drop_precautions(in, np);
		drop_stages(in, ns);
	} else {
		in->answered[q->index] = a;
	}
	return st;
}

static int same_clearance(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_intake *in = ctx;

	return in->clearances[a] == in->clearances[b];
}

mfr_status_t mfr__intake_clearance(mfr_intake *in, const char *key, mfr_problem *why)
{
	const mfr_precaution *p = find(in->model, MFR_KIND_PRECAUTION, key, why);

	if (!p)
		return why->status;
	if (full(why, in->clearance_count, "clearances") != MFR_OK)
		return why->status;
	if (!RESERVE(in, clearances, clearance_count, clearance_cap))
		return problem(why, MFR_E_NOMEM, "out of memory");
	/* Staged past the end; repeats found in O(1), not by a scan. */
	uint32_t rep;
	in->clearances[in->clearance_count] = p;
	SEEN_ADD(why, &in->clearance_set, mfr__hash_u32(p->index), in->clearance_count,
		 same_clearance, in, rep);
	if (rep != MFR_SEEN_NEW)
		return problem(why, MFR_E_DUPLICATE, "a clearance for \"%s\" is "
			       "already recorded", key);
	in->clearance_count++;
	return MFR_OK;
}

mfr_status_t mfr__intake_minutes(mfr_intake *in, int64_t minutes, mfr_problem *why)
{
	if (minutes < MFR_INTAKE_MIN_MINUTES || minutes > MFR_INTAKE_MAX_MINUTES)
		return problem(why, MFR_E_RANGE, "a session of %lld minutes is out of "
			       "range; use %d to %d", (long long)minutes,
			       MFR_INTAKE_MIN_MINUTES, MFR_INTAKE_MAX_MINUTES);
	in->minutes = (uint32_t)minutes;
	return MFR_OK;
}

mfr_status_t mfr__intake_positions(mfr_intake *in, uint32_t positions, mfr_problem *why)
{
	if (positions == 0 || (positions & ~(uint32_t)MFR_POSITION_ALL))
		return problem(why, MFR_E_RANGE, "positions must be a non-empty set "
			       "of prone, supine, side_lying, seated and standing");
	in->positions = positions;
	return MFR_OK;
}

/* Replace *@p slot with a copy of @p n bytes at @p s (NULL: none); the
 * old value is freed only once the copy is made. */
static mfr_status_t replace_text(char **slot, const char *s, size_t n, mfr_problem *why)
{
	char *copy = NULL;

	if (s) {
		copy = mfr__malloc(n + 1);
		if (!copy)
			return problem(why, MFR_E_NOMEM, "out of memory");
		memcpy(copy, s, n);
		copy[n] = '\0';
	}
	mfr__free(*slot);
	*slot = copy;
	return MFR_OK;
}

mfr_status_t mfr__intake_id(mfr_intake *in, const char *id, mfr_problem *why)
{
	size_t n = id ? strlen(id) : 0, chars = 0;

	if (id && !n)
		return problem(why, MFR_E_RANGE, "the id is empty; give the clinic's id "
			       "for this intake (a record number), or none at all");
	if (id && mfr__utf8_valid_prefix(id, n) != n)
		return problem(why, MFR_E_RANGE, "the id is not valid UTF-8 (byte %zu); "
			       "write it in UTF-8", mfr__utf8_valid_prefix(id, n));
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)id[i];

		if (c < 0x20 || c == 0x7f)
			return problem(why, MFR_E_RANGE, "the id holds a control character "
				       "(byte %zu); an id is one line of text", i);
		chars += (c & 0xC0) != 0x80;
	}
	if (chars > MFR_NAME_MAX_LENGTH)
		return problem(why, MFR_E_RANGE, "the id has %zu characters; an id has at "
			       "most %d", chars, MFR_NAME_MAX_LENGTH);
	return replace_text(&in->id, id, n, why);
}

mfr_status_t mfr__intake_extensions(mfr_intake *in, const char *json, size_t n,
				    mfr_problem *why)
{
	return replace_text(&in->extensions, json, n, why);
}

/* ---- the public API ---- */

/* Report @p why through @p err for a public entry point. */
static mfr_status_t report(mfr_error **err, const char *fn, const mfr_problem *why)
{
	if (why->status == MFR_E_NOMEM)
		return mfr__error_nomem(err);
	return mfr__error_set(err, why->status, NULL, "%s: %s", fn, why->text);
}

#define CHECK_ARGS(err, fn, cond)                                                \
	do {                                                                     \
		MFR__ERR_ENTRY(err);                                             \
		if (!(cond))                                                     \
			return mfr__error_set(err, MFR_E_INVALID, NULL,          \
					      fn ": invalid argument (%s)", #cond); \
	} while (0)

MFR_EXPORT mfr_status_t mfr_intake_new(const mfr_model *model, mfr_intake **out)
{
	if (out)
		*out = NULL;
	if (!model || !out)
		return MFR_E_INVALID;
	mfr_intake *in = mfr__calloc(1, sizeof(*in));
	if (!in)
		return MFR_E_NOMEM;
	in->model = model;
	mfr__model_hold(model);
	mfr__seen_init(&in->symptom_sites);
	mfr__seen_init(&in->condition_set);
	mfr__seen_init(&in->precaution_sites);
	mfr__seen_init(&in->precaution_keys);
	mfr__seen_init(&in->clearance_set);
	mfr__seen_init(&in->stage_set);
	in->minutes = MFR_INTAKE_DEFAULT_MINUTES;
	in->positions = MFR_POSITION_ALL;
	*out = in;
	return MFR_OK;
}

MFR_EXPORT void mfr_intake_free(mfr_intake *in)
{
	if (!in)
		return;
	mfr__free(in->symptoms);
	mfr__seen_free(&in->symptom_sites);
	mfr__seen_free(&in->condition_set);
	mfr__seen_free(&in->precaution_sites);
	mfr__seen_free(&in->precaution_keys);
	mfr__seen_free(&in->clearance_set);
	mfr__seen_free(&in->stage_set);
	mfr__free(in->conditions);
	mfr__free(in->precautions);
	mfr__free(in->clearances);
	mfr__free(in->stages);
	mfr__free(in->answered);
	mfr__free(in->id);
	mfr__free(in->extensions);
	mfr__model_release(in->model);
	mfr__free(in);
}

MFR_EXPORT mfr_status_t mfr_intake_add_symptom(mfr_intake *in, const char *region,
					     mfr_side_t side, int32_t intensity,
					     mfr_onset_t onset, mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_add_symptom", in && region);
	if (mfr__intake_symptom(in, region, side, intensity, onset, &why) != MFR_OK)
		return report(err, "mfr_intake_add_symptom", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_add_symptom_segment(mfr_intake *in, uint32_t segment,
						     int32_t intensity, mfr_onset_t onset,
						     mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_add_symptom_segment", in);
	if (mfr__intake_segment(in, segment, intensity, onset, &why) != MFR_OK)
		return report(err, "mfr_intake_add_symptom_segment", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_add_condition(mfr_intake *in, const char *key,
					       mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_add_condition", in && key);
	if (mfr__intake_condition(in, key, &why) != MFR_OK)
		return report(err, "mfr_intake_add_condition", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_add_precaution(mfr_intake *in, const char *key,
						const char *region, mfr_side_t side,
						mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_add_precaution", in && key);
	if (mfr__intake_precaution(in, key, region, side, &why) != MFR_OK)
		return report(err, "mfr_intake_add_precaution", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_set_stage(mfr_intake *in, const char *key,
					   uint32_t stage, mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_set_stage", in && key);
	if (mfr__intake_stage(in, key, stage, &why) != MFR_OK)
		return report(err, "mfr_intake_set_stage", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_add_scope(mfr_intake *in, mfr_access_t access,
					       mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_add_scope", in);
	if (mfr__intake_scope(in, access, &why) != MFR_OK)
		return report(err, "mfr_intake_add_scope", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_add_answer(mfr_intake *in, const char *question,
					    const char *answer, const char *region,
					    mfr_side_t side, mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_add_answer", in && question && answer);
	if (mfr__intake_answer(in, question, answer, region, side, &why) != MFR_OK)
		return report(err, "mfr_intake_add_answer", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_add_clearance(mfr_intake *in, const char *key,
					       mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_add_clearance", in && key);
	if (mfr__intake_clearance(in, key, &why) != MFR_OK)
		return report(err, "mfr_intake_add_clearance", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_set_minutes(mfr_intake *in, uint32_t minutes,
					     mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_set_minutes", in);
	if (mfr__intake_minutes(in, minutes, &why) != MFR_OK)
		return report(err, "mfr_intake_set_minutes", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_set_positions(mfr_intake *in, uint32_t positions,
					       mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_set_positions", in);
	if (mfr__intake_positions(in, positions, &why) != MFR_OK)
		return report(err, "mfr_intake_set_positions", &why);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_intake_set_id(mfr_intake *in, const char *id, mfr_error **err)
{
	mfr_problem why;

	CHECK_ARGS(err, "mfr_intake_set_id", in);
	if (mfr__intake_id(in, id, &why) != MFR_OK)
		return report(err, "mfr_intake_set_id", &why);
	return MFR_OK;
}

MFR_GETTER(const char *, mfr_intake_id, mfr_intake, id, NULL)
MFR_GETTER(const char *, mfr_intake_extensions, mfr_intake, extensions, NULL)

MFR_EXPORT const char *mfr_onset_name(mfr_onset_t onset)
{
	switch (onset) {
	case MFR_ONSET_UNSPECIFIED: return "unspecified";
	case MFR_ONSET_ACUTE: return "acute";
	case MFR_ONSET_CHRONIC: return "chronic";
	default: return NULL; /* not a value, or __MAX */
	}
}

MFR_GETTER(const mfr_model *, mfr_intake_model, mfr_intake, model, NULL)
MFR_GETTER(uint32_t, mfr_intake_minutes, mfr_intake, minutes, 0)
MFR_GETTER(uint32_t, mfr_intake_positions, mfr_intake, positions, 0)
MFR_GETTER(uint32_t, mfr_intake_scopes, mfr_intake, scopes, 0)

static int is_staged(const void *ctx, uint32_t item)
{
	const precaution_probe *pp = ctx;

	return pp->in->stages[item].precaution == pp->p;
}

/* O(1): plans ask for each precaution they weigh. */
MFR_EXPORT uint32_t mfr_intake_stage(const mfr_intake *in, const mfr_precaution *p)
{
	if (!in || !p)
		return 0;
	precaution_probe pp = { in, p };
	uint32_t i = mfr__seen_find(&in->stage_set, mfr__hash_u32(p->index), is_staged, &pp);

	return i == MFR_SEEN_NEW ? 0 : in->stages[i].stage;
}
MFR_LIST_GETTER(mfr_intake_condition, mfr_intake, const mfr_condition *, conditions,
		condition_count)
MFR_LIST_GETTER(mfr_intake_clearance, mfr_intake, const mfr_precaution *, clearances,
		clearance_count)

MFR_HANDLE_LIST(mfr_intake_symptom, mfr_intake, symptoms, symptom_count)
MFR_GETTER(const mfr_region *, mfr_intake_symptom_region, mfr_intake_symptom, region, NULL)
MFR_GETTER(mfr_side_t, mfr_intake_symptom_side, mfr_intake_symptom, side, 0)
MFR_GETTER(int32_t, mfr_intake_symptom_intensity, mfr_intake_symptom, intensity, -1)
MFR_GETTER(mfr_onset_t, mfr_intake_symptom_onset, mfr_intake_symptom, onset,
	   MFR_ONSET_UNSPECIFIED)

MFR_HANDLE_LIST(mfr_intake_precaution, mfr_intake, precautions, precaution_count)
MFR_GETTER(const mfr_precaution *, mfr_intake_precaution_precaution, mfr_intake_precaution,
	   precaution, NULL)
MFR_GETTER(const mfr_region *, mfr_intake_precaution_region, mfr_intake_precaution, region,
	   NULL)
MFR_GETTER(mfr_side_t, mfr_intake_precaution_side, mfr_intake_precaution, side, 0)

static int is_cleared(const void *ctx, uint32_t item)
{
	const precaution_probe *pp = ctx;

	return pp->in->clearances[item] == pp->p;
}

MFR_EXPORT int mfr_intake_is_answered(const mfr_intake *in, const mfr_screening *q)
{
	return in && q && in->answered && in->answered[q->index] != NULL;
}

MFR_EXPORT int mfr_intake_is_cleared(const mfr_intake *in, const mfr_precaution *p)
{
	if (!in || !p)
		return 0;
	precaution_probe pp = { in, p };

	return mfr__seen_find(&in->clearance_set, mfr__hash_u32(p->index), is_cleared,
			      &pp) != MFR_SEEN_NEW;
}
