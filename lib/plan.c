/*
 * libmfr - session plans: safety screening, site and technique choice,
 * ordering and timing. doc/algorithm.md ("Plans") states every rule.
 * SPDX-License-Identifier: MIT
 *
 * The planner works in five passes:
 *   1. screen the intake: refer out, needs clearance, the pressure ceiling,
 *      the techniques ruled out, the positions ruled out and the dose its
 *      precautions and conditions set;
 *   2. trace the intake and turn each traced site into a candidate step
 *      (technique, approach, pressure, position, duration) under the rules
 *      of its site (danger zone, position limits), skipping with a warning
 *      what a precaution forbids, what lies outside the declared scope, or
 *      what nothing can reach;
 *   3. keep the longest run of candidates, in rank order, that fits the
 *      session with the opening and closing blocks and the position changes
 *      (a run, not a knapsack: a longer session never drops a site that a
 *      shorter one kept);
 *   4. order: opening block, then the sites grouped by client position,
 *      within a group the farthest along the trace first (root causes
 *      toward the symptom), then the closing block;
 *   5. attach the model's aftercare for this client.
 * A plan that would work a site an open screening question guards is made
 * again with that question asked (ask_for_sites()).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "accessor.h"
#include "alloc.h"
#include "error.h"
#include "explain-message.h"
#include "keys.h"
#include "names.h"
#include "plan-private.h"
#include "text.h"
#include "trace-private.h"

const mfr_stage mfr__single_session = { 0, 1, MFR_DISTANCE_CONTRALATERAL, 0 };

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
	o->techniques = NULL;
	o->technique_count = 0;
}

MFR_EXPORT mfr_status_t mfr_plan_options_new(mfr_plan_options **out)
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
	if (!opts)
		return;
	mfr__keys_free(opts->techniques, opts->technique_count);
	mfr__free(opts);
}

MFR_EXPORT mfr_status_t mfr_plan_options_add_technique(mfr_plan_options *o, const char *key)
{
	if (!o)
		return MFR_E_INVALID;
	return mfr__keys_add(&o->techniques, &o->technique_count, 16, key);
}

mfr_status_t mfr__plan_options_check(const mfr_model *m, const mfr_plan_options *o,
				   mfr_error **err)
{
	for (uint32_t i = 0; i < o->technique_count; i++) {
		if (mfr__model_find(m, MFR_KIND_TECHNIQUE, o->techniques[i]) >= 0)
			continue;
		char named[300];

		mfr__unknown_key(m, MFR_KIND_TECHNIQUE, o->techniques[i], named, sizeof(named));
		return mfr__error_set(err, MFR_E_REFERENCE, NULL,
				      "plan options: unknown technique %s; 'mfr model "
				      "list techniques' shows every technique", named);
	}
	return MFR_OK;
}

/* Whether the therapist prefers technique @p t (the options name it). */
static int preferred(const mfr_plan_options *o, const mfr_technique *t)
{
	for (uint32_t i = 0; i < o->technique_count; i++)
		if (strcmp(o->techniques[i], t->key) == 0)
			return 1;
	return 0;
}

static mfr_status_t set_in_range(mfr_plan_options *o, uint32_t *field, uint32_t v,
				 uint32_t lo, uint32_t hi)
{
	if (!o)
		return MFR_E_INVALID;
	if (v < lo || v > hi)
		return MFR_E_RANGE;
	*field = v;
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_plan_options_set_max_sites(mfr_plan_options *o, uint32_t n)
{
	return set_in_range(o, o ? &o->max_sites : NULL, n, 1, MFR_MAX_SITES_PER_SESSION);
}

MFR_EXPORT mfr_status_t mfr_plan_options_set_reposition_seconds(mfr_plan_options *o, uint32_t s)
{
	return set_in_range(o, o ? &o->reposition_seconds : NULL, s, 0, 600);
}

MFR_EXPORT mfr_status_t mfr_plan_options_set_block_seconds(mfr_plan_options *o, uint32_t s)
{
	return set_in_range(o, o ? &o->block_seconds : NULL, s, 30, 900);
}

/* ---- building blocks ---- */

/* What a warning is about: its stable code, the model entity (kind and
 * key) and the site, where there is one. */
typedef struct about {
	const char *code;
	int subject_kind;
	const char *subject;
	const mfr_region *region;
	int side;
} about;

/* Add a warning of English @p text and message @p msg; 0 when memory runs out. */
static int add_warning(mfr_plan *p, int kind, about a, const char *text,
		       const mfr_message *msg)
{
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
	p->warnings[p->warning_count++] = (mfr_plan_warning){
		(uint8_t)kind, (uint8_t)a.subject_kind, (uint8_t)(a.region ? a.side : 0),
		a.code, a.subject, a.region, 0, copy, msg
	};
	return 1;
}

/* Add a warning of message @p m (NULL: memory ran out), written in
 * English as its text; 0 when memory runs out. */
static int warn_msg(mfr_plan *p, int kind, about a, const mfr_message *m)
{
	char text[1024];
	mfr_text t;

	if (!m)
		return 0;
	mfr__text_init(&t, text, sizeof(text));
	mfr__msg_text(&t, NULL, m);
	return add_warning(p, kind, a, text, m);
}

/* Add a warning of message @p m (as warn_msg()) about the traced site of
 * rank @p rank (1-based) that the plan leaves out; 0 when memory runs
 * out. */
static int warn_traced(mfr_plan *p, int kind, about a, uint32_t rank, const mfr_message *m)
{
	if (!warn_msg(p, kind, a, m))
		return 0;
	p->warnings[p->warning_count - 1].trace_rank = rank;
	return 1;
}

/* A message in the plan's arena. */
#define MSG(code, ...) MFR__MSG(&p->arena, (code), __VA_ARGS__)
#define MSG0(code) MFR__MSG0(&p->arena, (code))

static const mfr_message *site_msg(mfr_plan *p, const mfr_region *r, int side);

#define ABOUT_PRECAUTION(code, pr) \
	((about){ (code), MFR_KIND_PRECAUTION, (pr)->key, NULL, 0 })
#define ABOUT_SITE(code, r, side) ((about){ (code), 0, NULL, (r), (side) })

/* Return from the calling function when @p expr fails. */
#define TRY_ST(expr)                               \
	do {                                       \
		mfr_status_t st_ = (expr);           \
		if (st_ != MFR_OK)                 \
			return st_;                \
	} while (0)

/* An open question no condition asks, asked for a site the plan would
 * work (ask_for_sites()): the first such site. */
typedef struct site_question {
	const mfr_screening *q;
	const mfr_region *site;
	int side;
} site_question;

/* What the screening of the intake decided. */
typedef struct screen {
	int refer_out;
	int needs_clearance;
	int ceiling;                  /* mfr_pressure_t */
	const mfr_technique **excluded;
	uint32_t excluded_count;
	/* The dose: the strictest of every dose the intake brings in. */
	int indirect_only;
	int no_progression;
	uint32_t max_minutes;         /* 0: none */
	uint32_t hold_min, hold_max;  /* 0 0: no range */
	int no_steps;                 /* plan nothing until the intake says more */
	int ask_first;                /* the steps stand only on the answer "no" */
	int open_questions;           /* screening questions with no answer */
	int later_session;            /* a program's later session (mfr_stage) */
	uint32_t not_lain;            /* positions that would rest on a kept-off site */
	uint32_t not_lain_side;       /* 1 << side: sides not to lie on (kept-off sites) */
	site_question *site_questions; /* open questions asked for a site */
	uint32_t site_question_count;
} screen;

static int in_list(const mfr_technique *const *list, uint32_t n, const mfr_technique *t)
{
	for (uint32_t i = 0; i < n; i++)
		if (list[i] == t)
			return 1;
	return 0;
}

static int is_excluded(const screen *sc, const mfr_technique *t)
{
	return in_list(sc->excluded, sc->excluded_count, t);
}

/* Whether precaution @p pr stops the session: an absolute one, or one that
 * refers for diagnosis first, lifted only by a clearance it provides for. */
static int blocks_session(const mfr_intake *in, const mfr_precaution *pr)
{
	return (pr->severity == MFR_SEVERITY_ABSOLUTE || pr->refer_first) &&
	       !(pr->needs_clearance && mfr_intake_is_cleared(in, pr));
}

/* Whether entry @p i is the first the intake records for its precaution (a
 * site-scoped one may be recorded once per site). */
static int first_entry(const mfr_intake *in, uint32_t i)
{
	for (uint32_t k = 0; k < i; k++)
		if (in->precautions[k].precaution == in->precautions[i].precaution)
			return 0;
	return 1;
}

/* Whether the intake names any site for @p pr. */
static int names_site(const mfr_intake *in, const mfr_precaution *pr)
{
	for (uint32_t i = 0; i < in->precaution_count; i++)
		if (in->precautions[i].precaution == pr && in->precautions[i].region)
			return 1;
	return 0;
}

/* The first symptom within an area for which @p pr asks a clearance, or
 * NULL. */
static const mfr_intake_symptom *symptom_needing_clearance(const mfr_intake *in,
						     const mfr_precaution *pr)
{
	for (uint32_t i = 0; i < in->symptom_count; i++)
		for (uint32_t k = 0; k < pr->clearance_area_count; k++)
			if (mfr_region_is_within(in->symptoms[i].region, pr->clearance_areas[k]))
				return &in->symptoms[i];
	return NULL;
}

/* The stage a staged precaution counts as: the recorded one, else the last
 * (the most cautious); 1 for a precaution without stages. In a program's
 * later sessions the recorded stage may have moved on (a trimester passes
 * in weeks): the last counts there too. */
static uint32_t stage_of(int later_session, const mfr_intake *in, const mfr_precaution *pr)
{
	uint32_t s = later_session ? 0 : mfr_intake_stage(in, pr);

	return s ? s : pr->stage_count ? pr->stage_count : 1;
}

static void list_techniques(char *buf, size_t size, const mfr_technique *const *list,
			    uint32_t n)
{
	mfr_text t;

	mfr__text_init(&t, buf, size);
	for (uint32_t i = 0; i < n; i++)
		mfr__text_add(&t, "%s%s", i ? ", " : "", list[i]->name);
}

static void list_regions(char *buf, size_t size, const mfr_region *const *list, uint32_t n)
{
	mfr_text t;

	mfr__text_init(&t, buf, size);
	for (uint32_t i = 0; i < n; i++)
		mfr__text_add(&t, "%s%s", i ? ", " : "", list[i]->name);
}

/* Fold one dose into the screening, and say what it does. */
static mfr_status_t take_dose(mfr_plan *p, screen *sc, const mfr_dose *d, about a,
			    const char *whose)
{
	if (!d)
		return MFR_OK;
	const mfr_message *none = &mfr__msg_empty, *pressure = none, *indirect = none;
	const mfr_message *minutes = none, *holds = none, *progression = none;

	if (d->pressure_ceiling) {
		if (d->pressure_ceiling < sc->ceiling)
			sc->ceiling = d->pressure_ceiling;
		pressure = MSG("warning.dose.pressure",
			       MFR__S("pressure", mfr_pressure_name(d->pressure_ceiling)));
	}
	if (d->indirect_only) {
		sc->indirect_only = 1;
		indirect = MSG0("warning.dose.indirect");
	}
	if (d->max_minutes) {
		if (!sc->max_minutes || d->max_minutes < sc->max_minutes)
			sc->max_minutes = d->max_minutes;
		minutes = MSG("warning.dose.minutes", MFR__N("minutes", d->max_minutes));
	}
	if (d->hold_max) {
		if (!sc->hold_max) {
			sc->hold_min = d->hold_min;
			sc->hold_max = d->hold_max;
		} else {
			if (d->hold_min > sc->hold_min)
				sc->hold_min = d->hold_min;
			if (d->hold_max < sc->hold_max)
				sc->hold_max = d->hold_max;
		}
		holds = MSG("warning.dose.holds", MFR__N("min", d->hold_min),
			    MFR__N("max", d->hold_max));
	}
	if (d->no_progression) {
		sc->no_progression = 1;
		progression = MSG0("warning.dose.no_progression");
	}
	return warn_msg(p, MFR_WARNING_DOSE, a,
			MSG("warning.dose", MFR__S("subject", whose), MFR__M("pressure", pressure),
			    MFR__M("indirect", indirect), MFR__M("minutes", minutes),
			    MFR__M("holds", holds), MFR__M("progression", progression),
			    MFR__M("convention", d->prov.convention
				   ? MSG0("practice_convention") : none)))
		? MFR_OK : MFR_E_NOMEM;
}

/* Say which positions a precaution rules out for this client. */
static mfr_status_t position_warning(mfr_plan *p, const screen *sc, const mfr_precaution *pr)
{
	const mfr_intake *in = p->intake;
	uint32_t stage = stage_of(sc->later_session, in, pr);
	char regions[300];
	const mfr_message *limits = NULL, *when;

	/* Last to first: each limit carries the ones after it. */
	for (uint32_t i = pr->position_limit_count; i-- > 0;) {
		const mfr_precaution_position_limit *l = &pr->position_limits[i];

		if (l->from_stage > stage)
			continue;
		list_regions(regions, sizeof(regions), l->regions, l->region_count);
		limits = MSG(l->region_count ? "warning.position_limited.limit_regions"
			     : "warning.position_limited.limit",
			     MFR__S("position", mfr_position_name(l->position)),
			     MFR__A("regions", regions),
			     MFR__M("more", limits ? MSG("warning.position_limited.more",
							 MFR__M("limit", limits))
				    : &mfr__msg_empty));
		if (!limits)
			return MFR_E_NOMEM;
	}
	if (!limits)
		return MFR_OK;
	if (pr->stage_count && mfr_intake_stage(in, pr) && sc->later_session)
		when = MSG("warning.position_limited.later_session",
			   MFR__S("stage_name", pr->stage_name));
	else if (pr->stage_count && mfr_intake_stage(in, pr))
		when = MSG("warning.position_limited.stage", MFR__S("stage_name", pr->stage_name),
			   MFR__N("stage", stage));
	else if (pr->stage_count)
		when = MSG("warning.position_limited.no_stage",
			   MFR__S("stage_name", pr->stage_name));
	else
		when = &mfr__msg_empty;
	return warn_msg(p, MFR_WARNING_POSITION, ABOUT_PRECAUTION("position_limited", pr),
			MSG("warning.position_limited", MFR__S("precaution", pr->name),
			    MFR__M("when", when), MFR__M("limits", limits)))
		? MFR_OK : MFR_E_NOMEM;
}

static mfr_status_t screen_precaution(mfr_plan *p, screen *sc, uint32_t i)
{
	const mfr_intake *in = p->intake;
	const mfr_intake_precaution *sp = &in->precautions[i];
	const mfr_precaution *pr = sp->precaution;
	const mfr_message *where = &mfr__msg_empty;
	about a = ABOUT_PRECAUTION("refer_out", pr);

	if (sp->assumed_for)
		where = MSG("warning.precaution.assumed", MFR__S("question", sp->assumed_for->key));
	else if (sp->region && !pr->site_scoped)
		where = MSG("warning.precaution.where",
			    MFR__M("site", site_msg(p, sp->region, sp->side)));
	if (!where)
		return MFR_E_NOMEM;
	a.region = pr->site_scoped ? NULL : sp->region;
	a.side = sp->side;
	if (sp->assumed_for) {
		/* its limits only: the answer decides the rest */
	} else if (blocks_session(in, pr)) {
		sc->refer_out = 1;
		if (!warn_msg(p, MFR_WARNING_REFER_OUT, a,
			      MSG(pr->refer_first ? "warning.refer_out.refer_first"
				  : "warning.refer_out.absolute", MFR__S("precaution", pr->name),
				  MFR__M("where", where), MFR__S("effect", pr->effect))))
			return MFR_E_NOMEM;
	} else if (pr->needs_clearance && !mfr_intake_is_cleared(in, pr)) {
		sc->needs_clearance = 1;
		a.code = "needs_clearance";
		if (!warn_msg(p, MFR_WARNING_NEEDS_CLEARANCE, a,
			      MSG("warning.needs_clearance", MFR__S("precaution", pr->name),
				  MFR__M("where", where), MFR__S("effect", pr->effect))))
			return MFR_E_NOMEM;
	}
	const mfr_intake_symptom *sy = sp->assumed_for ? NULL : symptom_needing_clearance(in, pr);
	if (sy && first_entry(in, i) && !mfr_intake_is_cleared(in, pr) &&
	    !blocks_session(in, pr)) {
		sc->needs_clearance = 1;
		a.code = "symptom_needs_clearance";
		a.region = sy->region;
		a.side = sy->side;
		if (!warn_msg(p, MFR_WARNING_NEEDS_CLEARANCE, a,
			      MSG("warning.symptom_needs_clearance",
				  MFR__S("precaution", pr->name),
				  MFR__M("site", site_msg(p, sy->region, sy->side)),
				  MFR__S("key", pr->key))))
			return MFR_E_NOMEM;
		a.region = NULL;
	}
	int unnamed = pr->site_scoped && !sp->assumed_for && first_entry(in, i) &&
		      !names_site(in, pr) && !blocks_session(in, pr);

	if (unnamed && pr->site_optional) {
		/* Its sites are found at the session (sensation checked): the
		 * plan stands, and says to look for them and record them. */
		a.code = "check_sites";
		if (!warn_msg(p, MFR_WARNING_MODIFIED, a,
			      MSG("warning.check_sites", MFR__S("precaution", pr->name),
				  MFR__S("effect", pr->effect), MFR__S("key", pr->key))))
			return MFR_E_NOMEM;
	} else if (unnamed) {
		sc->needs_clearance = 1;
		sc->no_steps = 1;
		a.code = "site_needed";
		if (!warn_msg(p, MFR_WARNING_NEEDS_CLEARANCE, a,
			      MSG("warning.site_needed", MFR__S("precaution", pr->name),
				  MFR__S("effect", pr->effect))))
			return MFR_E_NOMEM;
	}
	if (!first_entry(in, i) || sp->regions_only)
		return MFR_OK;
	if (pr->pressure_ceiling && pr->pressure_ceiling < sc->ceiling)
		sc->ceiling = pr->pressure_ceiling;
	for (uint32_t k = 0; k < pr->excluded_technique_count; k++)
		if (!is_excluded(sc, pr->excluded_techniques[k]))
			sc->excluded[sc->excluded_count++] = pr->excluded_techniques[k];
	if (pr->pressure_ceiling || pr->excluded_technique_count) {
		char techniques[400];

		list_techniques(techniques, sizeof(techniques), pr->excluded_techniques,
				pr->excluded_technique_count);
		a.code = "modified";
		if (!warn_msg(p, MFR_WARNING_MODIFIED, a,
			      MSG(!*techniques ? "warning.modified.pressure"
				  : pr->pressure_ceiling ? "warning.modified.pressure_techniques"
				  : "warning.modified.techniques", MFR__S("precaution", pr->name),
				  MFR__M("where", where),
				  MFR__S("pressure", pr->pressure_ceiling
					 ? mfr_pressure_name(pr->pressure_ceiling) : ""),
				  MFR__A("techniques", techniques), MFR__S("effect", pr->effect))))
			return MFR_E_NOMEM;
	}
	TRY_ST(position_warning(p, sc, pr));
	return take_dose(p, sc, pr->dose, ABOUT_PRECAUTION("dose", pr), pr->name);
}

/* The positions that could rest the client's weight on @p r (libmfr's
 * cautious reading of the model's positions): prone for a region worked
 * from supine but not from prone (the front of the knee), supine for one
 * worked from prone but not from supine (the low back), and side-lying for
 * any region worked side-lying (the side of the knee, the hip), since
 * side-lying has no side in the model and the client could lie on it. */
static uint32_t lain_on(const mfr_region *r)
{
	uint32_t prone = r->positions & MFR_POSITION_PRONE;
	uint32_t supine = r->positions & MFR_POSITION_SUPINE;
	uint32_t out = r->positions & MFR_POSITION_SIDE_LYING;

	if (supine && !prone)
		out |= MFR_POSITION_PRONE;
	if (prone && !supine)
		out |= MFR_POSITION_SUPINE;
	return out;
}

/* The positions that could rest the client on a recorded site @p r: those
 * of the site, and of every body-chart area within it, since a site given
 * as a whole part (the knee) may lie on any of its faces (an incision at
 * the front of the knee rules out prone, one at the back supine). */
static uint32_t lain_on_site(const mfr_region *r)
{
	uint32_t out = lain_on(r);

	for (uint32_t i = 0; i < r->child_count; i++)
		if (r->children[i]->kind == MFR_REGION_AREA ||
		    r->children[i]->kind == MFR_REGION_PART)
			out |= lain_on_site(r->children[i]);
	return out;
}

/* "prone", "prone or side-lying": the positions of @p mask, in order, as
 * a message (NULL when memory runs out). */
static const mfr_message *position_list(mfr_plan *p, uint32_t mask)
{
	const mfr_message *list = NULL;

	/* Last to first: "{first}, {rest}" around "{first} or {last}". */
	for (size_t i = sizeof(position_order) / sizeof(position_order[0]); i-- > 0;) {
		if (!(mask & (uint32_t)position_order[i]))
			continue;
		const char *name = mfr_position_name(position_order[i]);

		if (!list)
			list = MSG("list.one", MFR__S("item", name));
		else if (!strcmp(list->code, "list.one"))
			list = MSG("list.or.last", MFR__S("first", name),
				   MFR__S("last", list->args[0].text));
		else
			list = MSG("list.or.more", MFR__S("first", name), MFR__M("rest", list));
		if (!list)
			return NULL;
	}
	return list ? list : &mfr__msg_empty;
}

/* A site a precaution keeps hands off (a wound, an incision, an injury) is
 * not lain on either: the position that would rest on it is ruled out for
 * the whole session, and the plan says so. */
static mfr_status_t screen_lying(mfr_plan *p, screen *sc)
{
	const mfr_intake *in = p->intake;

	for (uint32_t i = 0; i < in->precaution_count; i++) {
		const mfr_intake_precaution *sp = &in->precautions[i];
		const mfr_precaution *pr = sp->precaution;
		uint32_t pos;

		if (!sp->region || !(pr->avoid_site || pr->site_scoped))
			continue;
		pos = lain_on_site(sp->region);
		/* A site on one side rules out lying on that side only, whatever
		 * face of it the client would rest on; one on the midline rules
		 * side-lying out where the site is worked side-lying. */
		int lateral = sp->side == MFR_SIDE_LEFT || sp->side == MFR_SIDE_RIGHT;
		int side_out = lateral && !(sc->not_lain_side & (1u << sp->side));

		if (lateral)
			pos &= ~(uint32_t)MFR_POSITION_SIDE_LYING;
		pos &= ~sc->not_lain;
		if (!pos && !side_out)
			continue;
		sc->not_lain |= pos;
		if (side_out)
			sc->not_lain_side |= 1u << sp->side;
		const mfr_message *none = &mfr__msg_empty;

		if (!warn_msg(p, MFR_WARNING_POSITION, ABOUT_PRECAUTION("position_limited", pr),
			      MSG(!pos ? "warning.lying.side" : side_out ? "warning.lying.positions_side"
				  : "warning.lying.positions", MFR__S("precaution", pr->name),
				  MFR__M("site", site_msg(p, sp->region, sp->side)),
				  MFR__M("positions", position_list(p, pos)),
				  MFR__M("midline", (pos & MFR_POSITION_SIDE_LYING)
					 ? MSG0("warning.lying.midline") : none),
				  MFR__M("whole", lain_on(sp->region) != lain_on_site(sp->region)
					 ? MSG0("warning.lying.whole_site") : none))))
			return MFR_E_NOMEM;
	}
	return MFR_OK;
}

/* A plan that refers the client out has no session: what a session would
 * change (a pressure ceiling, positions, a dose, questions to ask before
 * the work) is noise beside the referral, so only the referrals stay. */
static void keep_refer_out_warnings(mfr_plan *p)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < p->warning_count; i++)
		if (p->warnings[i].kind == MFR_WARNING_REFER_OUT)
			p->warnings[n++] = p->warnings[i];
	p->warning_count = n;
}

/* The predicates the questions below ask of a question's answers through
 * mfr__answer_sets(). */

/* Whether intake @p arg records @p pr directly (not assumed). */
static int recorded_directly(const mfr_precaution *pr, const void *arg)
{
	const mfr_intake *in = arg;

	for (uint32_t j = 0; j < in->precaution_count; j++)
		if (in->precautions[j].precaution == pr && !in->precautions[j].assumed_for)
			return 1;
	return 0;
}

/* Whether @p pr refers for diagnosis first (unexplained pain). */
static int refers_first(const mfr_precaution *pr, const void *arg)
{
	(void)arg;
	return pr->refer_first;
}

/* Whether @p pr is absolute: it stops any session. */
static int stops_session(const mfr_precaution *pr, const void *arg)
{
	(void)arg;
	return pr->severity == MFR_SEVERITY_ABSOLUTE;
}

/* Whether @p pr limits more than regions: positions, pressure, techniques
 * or the dose. */
static int limits_beyond_regions(const mfr_precaution *pr, const void *arg)
{
	(void)arg;
	return pr->position_limit_count || pr->pressure_ceiling ||
	       pr->excluded_technique_count || pr->dose;
}

/* Whether the intake records one of the precautions an answer to @p q sets
 * (recorded directly, without the question). */
static int precaution_of_answer(const mfr_intake *in, const mfr_screening *q)
{
	return mfr__answer_sets(q, recorded_directly, in);
}

/*
 * What makes a screening question pertinent: the intake's conditions (after
 * surgery: was it recent), then its recorded precautions (a clot: blood
 * thinners; a pregnancy: is it high-risk), then its symptoms (pain in the
 * calf: a clot). They are the intake's "askers", numbered in that order;
 * an assumed precaution asks nothing.
 */
static uint32_t asker_count(const mfr_intake *in)
{
	return in->condition_count + in->precaution_count + in->symptom_count;
}

/* The symptom asker @p a is, or NULL when it is a condition or a
 * precaution. */
static const mfr_intake_symptom *asker_symptom(const mfr_intake *in, uint32_t a)
{
	uint32_t first = in->condition_count + in->precaution_count;

	return a >= first ? &in->symptoms[a - first] : NULL;
}

/* Whether a symptom of @p in lies in one of @p q's symptom areas. */
static int symptom_asks(const mfr_intake *in, const mfr_screening *q)
{
	for (uint32_t i = 0; i < in->symptom_count; i++) {
		const mfr_region *r = in->symptoms[i].region;

		for (uint32_t k = 0; k < r->screening_count; k++)
			if (r->screening[k] == q)
				return 1;
	}
	return 0;
}

/* The questions asker @p a asks (@p n of them). */
static const mfr_screening *const *asker_questions(const mfr_intake *in, uint32_t a, uint32_t *n)
{
	const mfr_intake_symptom *sy = asker_symptom(in, a);

	if (sy) {
		*n = sy->region->screening_count;
		return sy->region->screening;
	}
	if (a < in->condition_count) {
		*n = in->conditions[a]->screening_count;
		return in->conditions[a]->screening;
	}
	const mfr_intake_precaution *ip = &in->precautions[a - in->condition_count];

	*n = ip->assumed_for ? 0 : ip->precaution->screening_count;
	return ip->precaution->screening;
}

/* The name of condition or precaution asker @p a, as a warning says it. */
static const char *asker_name(const mfr_intake *in, uint32_t a)
{
	return a < in->condition_count ? in->conditions[a]->name
				       : in->precautions[a - in->condition_count].precaution->name;
}

/* Whether an asker before the @p a -th lists @p q. */
static int listed_before(const mfr_intake *in, uint32_t a, const mfr_screening *q)
{
	for (uint32_t i = 0; i < a; i++) {
		uint32_t n;
		const mfr_screening *const *qs = asker_questions(in, i, &n);

		for (uint32_t k = 0; k < n; k++)
			if (qs[k] == q)
				return 1;
	}
	return 0;
}

/* Whether question @p q, which the @p a -th asker of the intake asks, is
 * open: no answer on record, no precaution its answers set recorded
 * directly, and no earlier asker asking it (each is said once). */
static int open_question(const mfr_intake *in, uint32_t a, const mfr_screening *q)
{
	return !mfr_intake_is_answered(in, q) && !precaution_of_answer(in, q) &&
	       !listed_before(in, a, q);
}

/* Whether a precaution an answer sets is assumed while its question is
 * open: one that needs no site (a site cannot be guessed; one whose sites
 * are optional is assumed without them), does not stop
 * the session (an absolute one refers out: only an answer can say so) and
 * limits the work (avoided regions, techniques, pressure, positions, a
 * dose: one that only asks a clearance has nothing to keep). */
static int assumable(const mfr_screening_answer *a, const mfr_precaution *pr)
{
	int limits = pr->avoid_region_count || pr->avoid_until_cleared_count ||
		     pr->excluded_technique_count ||
		     pr->pressure_ceiling || pr->position_limit_count || pr->dose;

	return limits && !a->needs_site && (!pr->site_scoped || pr->site_optional) &&
	       pr->severity != MFR_SEVERITY_ABSOLUTE && !pr->refer_first;
}

/* Whether the precautions of @p in (its own and the assumed) hold @p pr. */
static int holds_precaution(const mfr_intake *in, const mfr_precaution *pr)
{
	for (uint32_t i = 0; i < in->precaution_count; i++)
		if (in->precautions[i].precaution == pr)
			return 1;
	return 0;
}

static int avoids(const mfr_precaution *pr, const mfr_region *r, int wholes, int cleared);
static int among_avoided(const mfr_region *const *list, uint32_t n, const mfr_region *r,
			 int wholes);

/* Whether an answer to @p q would keep @p r out: a precaution it sets
 * that assumable() allows avoids a region @p r lies within (the leg
 * rocked as a whole is not work at the medial thigh). */
static int guards(const mfr_screening *q, const mfr_region *r)
{
	for (uint32_t i = 0; i < q->answer_count; i++) {
		const mfr_screening_answer *a = &q->answers[i];

		for (uint32_t j = 0; j < a->precaution_count; j++)
			if (assumable(a, a->precautions[j]) && avoids(a->precautions[j], r, 0, 0))
				return 1;
	}
	return 0;
}

/* Whether a yes to @p q names a site (where the surgery, the clot, the
 * wound is): a site no plan can guess, so nothing is planned before it is
 * known. */
static int answer_names_site(const mfr_screening *q)
{
	for (uint32_t i = 0; i < q->answer_count; i++)
		if (q->answers[i].needs_site)
			return 1;
	return 0;
}

/* Whether work at @p r is work in one of @p q's symptom areas that makes
 * @p q pertinent: @p r lies within one, or holds one (the leg rocked as a
 * whole holds the calf: the source for a clot says "no rebounding or
 * jostling of the limb"), and a yes to @p q names a site (where is the
 * clot?). A question about the client (has a doctor explained the pain?)
 * is pertinent to a symptom in its areas, not to work there: the chest
 * worked for neck pain does not ask about unexplained chest pain. */
static int sought_in(const mfr_screening *q, const mfr_region *r)
{
	return answer_names_site(q) && among_avoided(q->symptom_areas, q->symptom_area_count, r, 1);
}

/* Whether open question @p q holds back work at @p r: a yes would keep it
 * out (guards()), or it lies in, or holds, one of @p q's symptom areas
 * (sought_in()). */
static int holds_back(const mfr_screening *q, const mfr_region *r)
{
	return guards(q, r) || sought_in(q, r);
}

/* Whether @p q is among the @p n questions of @p asked. */
static int asked_already(const site_question *asked, uint32_t n, const mfr_screening *q)
{
	for (uint32_t i = 0; i < n; i++)
		if (asked[i].q == q)
			return 1;
	return 0;
}

/* Add to @p asked (room for every question of the model) the open questions
 * no condition of @p in asks whose answer would keep out a step of @p p
 * (the blood-pressure question for a jaw plan that works the
 * sternocleidomastoid), or that a step in their symptom areas makes
 * pertinent (the clot question for calf work in a heel plan: eleventh
 * therapist review): a site is not worked while a question that guards
 * it is open, whatever brought the client in (practice convention).
 * Returns how many were added. */
static uint32_t ask_for_sites(const mfr_plan *p, const mfr_intake *in, const mfr_trace *t,
			      site_question *asked, uint32_t *n)
{
	const mfr_model *m = in->model;
	uint32_t added = 0;

	for (uint32_t i = 0; i < m->screening_count; i++) {
		const mfr_screening *q = &m->screening[i];

		/* A question another one covers (q->covered) is asked with
		 * that one: its answer settles it (is the client pregnant,
		 * with "yes, high-risk" among its answers, before whether the
		 * pregnancy is high-risk: a follow-up asked only when a
		 * pregnancy is recorded). */
		if (asked_already(asked, *n, q) || !open_question(in, asker_count(in), q) ||
		    q->covered)
			continue;
		for (uint32_t k = 0; k < p->step_count; k++) {
			const mfr_plan_step *s = &p->steps[k];
			/* A step may work a whole part for the site traced (the
			 * neck unwound for the scalenes): both are guarded. */
			const mfr_trace_result *res = s->trace_rank ? &t->results[s->trace_rank - 1]
								    : NULL;

			if (holds_back(q, s->region) || (res && holds_back(q, res->region))) {
				asked[(*n)++] = (site_question){ q, res ? res->region : s->region,
								 res ? res->side : s->side };
				added++;
				break;
			}
		}
	}
	return added;
}

/* Room for the precautions every answer to @p q sets. */
static uint32_t answers_precautions(const mfr_screening *q)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < q->answer_count; i++)
		n += q->answers[i].precaution_count;
	return n;
}

/* Add to @p eff the precautions an answer to open question @p q would set
 * that assumable() allows; with @p regions_only, those that avoid regions,
 * for their avoided regions alone. */
static void assume_answers(mfr_intake *eff, const mfr_screening *q, int regions_only)
{
	for (uint32_t i = 0; i < q->answer_count; i++) {
		const mfr_screening_answer *a = &q->answers[i];

		for (uint32_t j = 0; j < a->precaution_count; j++) {
			const mfr_precaution *pr = a->precautions[j];

			if (!assumable(a, pr) || holds_precaution(eff, pr) ||
			    (regions_only && !pr->avoid_region_count &&
			     !pr->avoid_until_cleared_count))
				continue;
			eff->precautions[eff->precaution_count++] =
				(mfr_intake_precaution){ pr, NULL, 0, q, (uint8_t)regions_only };
		}
	}
}

/* While question @p q, asked for a site in its symptom areas, is open, keep
 * those areas out as if a precaution avoided them, with the wholes that
 * hold them (no calf work, and no rocking of the leg, before the clot
 * question is answered): a precaution of the plan's own, named as the
 * first one a yes sets, avoiding nothing else. A yes that needs a site
 * cannot be assumed (assumable()), but the areas where the question looks
 * can be held back. */
static mfr_status_t hold_areas(mfr_plan *p, mfr_intake *eff, const mfr_screening *q)
{
	const mfr_precaution *named = NULL;

	for (uint32_t i = 0; !named && i < q->answer_count; i++)
		if (q->answers[i].precaution_count)
			named = q->answers[i].precautions[0];
	if (!named || !q->symptom_area_count)
		return MFR_OK;
	mfr_precaution *held = mfr__arena_alloc(&p->arena, sizeof(*held));

	if (!held)
		return MFR_E_NOMEM;
	held->key = named->key;
	held->name = named->name;
	held->index = named->index;
	held->scope = MFR_SCOPE_GLOBAL;
	held->severity = MFR_SEVERITY_RELATIVE;
	held->avoid_regions = q->symptom_areas;
	held->avoid_region_count = q->symptom_area_count;
	held->stage_name = "";
	held->effect = named->effect;
	held->prov = named->prov;
	eff->precautions[eff->precaution_count++] = (mfr_intake_precaution){ held, NULL, 0, q, 0 };
	return MFR_OK;
}

/* The intake a plan works from: @p in with, added, the precautions an open
 * question's "yes" would set that assumable() allows (blood pressure not
 * asked: the front of the neck and the cranial base kept out, as if the
 * answer were yes). A question a condition asks keeps all their limits
 * (avoided regions, techniques, pressure, positions, dose); one asked for a
 * site (ask_for_sites()) keeps their avoided regions. Neither keeps
 * their status or aftercare: that the work is held back is the safe
 * reading of a question not asked (practice convention). @p eff is a
 * shallow copy sharing @p in's arrays except the precautions (in the plan's
 * arena); it is used while planning only. */
static mfr_status_t assume_open_questions(mfr_plan *p, const screen *sc, const mfr_intake *in,
					  mfr_intake *eff)
{
	uint32_t extra = 0;

	*eff = *in;
	for (uint32_t a = 0; a < asker_count(in); a++) {
		uint32_t n;
		const mfr_screening *const *qs = asker_questions(in, a, &n);

		for (uint32_t k = 0; k < n; k++)
			if (open_question(in, a, qs[k]))
				extra += answers_precautions(qs[k]) +
					 symptom_asks(in, qs[k]); /* hold_areas() */
	}
	for (uint32_t i = 0; i < sc->site_question_count; i++)
		extra += answers_precautions(sc->site_questions[i].q) + 1; /* hold_areas() */
	if (!extra)
		return MFR_OK;
	eff->precautions = mfr__arena_alloc(&p->arena, ((size_t)in->precaution_count + extra) *
							       sizeof(*eff->precautions));
	if (!eff->precautions)
		return MFR_E_NOMEM;
	if (in->precaution_count)
		memcpy(eff->precautions, in->precautions,
		       in->precaution_count * sizeof(*eff->precautions));
	for (uint32_t a = 0; a < asker_count(in); a++) {
		uint32_t n;
		const mfr_screening *const *qs = asker_questions(in, a, &n);

		for (uint32_t k = 0; k < n; k++) {
			if (!open_question(in, a, qs[k]))
				continue;
			assume_answers(eff, qs[k], 0);
			/* Asked for a symptom in its areas (whoever asks it
			 * first): nothing there is worked until it is answered
			 * (the chest while a doctor has not explained chest
			 * pain). */
			if (symptom_asks(in, qs[k]))
				TRY_ST(hold_areas(p, eff, qs[k]));
		}
	}
	for (uint32_t i = 0; i < sc->site_question_count; i++) {
		assume_answers(eff, sc->site_questions[i].q, 1);
		TRY_ST(hold_areas(p, eff, sc->site_questions[i].q));
	}
	return MFR_OK;
}

/* The names of the precautions assumed for open question @p q. */
static void assumed_names(char *buf, size_t size, const mfr_intake *in,
			  const mfr_screening *q)
{
	mfr_text t;

	mfr__text_init(&t, buf, size);
	for (uint32_t i = 0; i < in->precaution_count; i++)
		if (in->precautions[i].assumed_for == q)
			mfr__text_add(&t, "%s%s", t.len ? ", " : "",
				      in->precautions[i].precaution->name);
}

/* Say which screening questions the intake's conditions call for that have
 * no answer on record (after surgery: was it recent), once each, and what
 * the plan assumes until they are answered. */

/* Whether a yes to @p q refers the client for diagnosis first (unexplained
 * pain): the plan stands only on a no, so nothing is planned before it. */
static int answer_refers_first(const mfr_screening *q)
{
	return mfr__answer_sets(q, refers_first, NULL);
}

/* With no condition recorded, nothing says the pain has been explained:
 * ask the questions whose yes refers for diagnosis first (sixth therapist
 * review: undiagnosed acute back pain planned "ok" with trunk rebounding
 * and the question never asked; the source: "refer for diagnosis first").
 * The plan stands only on a no, and its status says to ask first. */
static mfr_status_t screen_undiagnosed(mfr_plan *p, screen *sc)
{
	const mfr_intake *in = p->intake;
	const mfr_model *m = in->model;

	if (in->condition_count || !in->symptom_count)
		return MFR_OK;
	for (uint32_t k = 0; k < m->screening_count; k++) {
		const mfr_screening *q = &m->screening[k];

		if (!answer_refers_first(q) || mfr_intake_is_answered(in, q) ||
		    precaution_of_answer(in, q))
			continue;
		sc->open_questions++;
		sc->ask_first = 1;
		if (!warn_msg(p, MFR_WARNING_UNSCREENED,
			      (about){ "unscreened", MFR_KIND_SCREENING, q->key, NULL, 0 },
			      MSG("warning.unscreened.no_condition", MFR__S("question", q->text),
				  MFR__S("key", q->key))))
			return MFR_E_NOMEM;
	}
	return MFR_OK;
}

/* Whether a yes to @p q sets an absolute contraindication (fever, a clot,
 * cancer, an aneurysm, a rheumatoid flare): one that stops any session. */
static int answer_stops_session(const mfr_screening *q)
{
	return mfr__answer_sets(q, stops_session, NULL);
}


/* Every session starts by ruling out the absolute contraindications
 * (reference.md section 6, Barnes: malignancy, aneurysm, a rheumatoid
 * flare, a clot, fever), whatever the complaint: one warning names the
 * questions that do so and have no answer on record (seventh and eighth
 * therapist reviews: calf pain planned with no word of a clot). A
 * program's later session names them all again, answered or not: what
 * was so on the first day may not be so now (a fever is "absolute until
 * resolved"; the reference's consultation rule: contraindications
 * "updated when they change"; eleventh therapist review: day 1's answers
 * carried to day 21). The plan itself does not wait on them: a yes to any
 * refers out, which no plan can work around, and a clinic asks them at
 * every visit. */
static mfr_status_t screen_absolute(mfr_plan *p, const screen *sc)
{
	const mfr_intake *in = p->intake;
	const mfr_model *m = in->model;
	char keys[512];
	mfr_text t;

	mfr__text_init(&t, keys, sizeof(keys));
	for (uint32_t k = 0; k < m->screening_count; k++) {
		const mfr_screening *q = &m->screening[k];

		if (answer_stops_session(q) && !precaution_of_answer(in, q) &&
		    !asked_already(sc->site_questions, sc->site_question_count, q) &&
		    (sc->later_session ||
		     (!mfr_intake_is_answered(in, q) && !listed_before(in, asker_count(in), q))))
			mfr__text_add(&t, "%s%s", t.len ? ", " : "", q->key);
	}
	if (!t.len)
		return MFR_OK;
	if (!warn_msg(p, MFR_WARNING_UNSCREENED,
		      (about){ "unscreened_absolute", 0, NULL, NULL, 0 },
		      MSG(sc->later_session ? "warning.unscreened_absolute.later_session"
			  : "warning.unscreened_absolute", MFR__A("questions", keys))))
		return MFR_E_NOMEM;
	return MFR_OK;
}

static mfr_status_t screen_questions(mfr_plan *p, screen *sc)
{
	const mfr_intake *in = p->intake;

	for (uint32_t a = 0; a < asker_count(in); a++) {
		uint32_t n;
		const mfr_screening *const *qs = asker_questions(in, a, &n);

		for (uint32_t k = 0; k < n; k++) {
			const mfr_screening *q = qs[k];
			int where = answer_names_site(q), first = answer_refers_first(q);
			char names[300];

			if (!open_question(in, a, q))
				continue;
			/* A yes would keep hands off a site the intake does not
			 * name yet (a clot in the operated leg, fresh stitches on
			 * the scar): as for a recorded precaution without its site,
			 * no steps until the answer is in. When a yes refers for
			 * diagnosis first, the steps stand only on a no: the
			 * status says to ask first. */
			sc->no_steps |= where;
			sc->ask_first |= first;
			sc->open_questions++;
			assumed_names(names, sizeof(names), in, q);
			const mfr_message *none = &mfr__msg_empty;
			const mfr_message *consequence =
				where ? MSG0("warning.unscreened.names_site")
				: first ? MSG0("warning.unscreened.refers_first") : none;
			const mfr_message *assumed =
				*names ? MSG("warning.unscreened.assumed",
					     MFR__A("precautions", names)) : none;
			const mfr_intake_symptom *sy = asker_symptom(in, a);

			if (!warn_msg(p, MFR_WARNING_UNSCREENED,
				      (about){ "unscreened", MFR_KIND_SCREENING, q->key, NULL, 0 },
				      sy ? MSG("warning.unscreened.symptom",
					       MFR__M("site", site_msg(p, sy->region, sy->side)),
					       MFR__S("question", q->text), MFR__S("key", q->key),
					       MFR__M("assumed", assumed),
					       MFR__M("consequence", consequence))
				      : MSG("warning.unscreened", MFR__S("condition", asker_name(in, a)),
					    MFR__S("question", q->text), MFR__S("key", q->key),
					    MFR__M("assumed", assumed),
					    MFR__M("consequence", consequence))))
				return MFR_E_NOMEM;
		}
	}
	TRY_ST(screen_undiagnosed(p, sc));
	TRY_ST(screen_absolute(p, sc));
	for (uint32_t i = 0; i < sc->site_question_count; i++) {
		const site_question *sq = &sc->site_questions[i];
		char names[300];
		int more = mfr__answer_sets(sq->q, limits_beyond_regions, NULL);

		sc->open_questions++;
		/* A yes would also change how the rest is done (pregnancy: no
		 * prone or supine later on, a lower ceiling): the steps stand
		 * only on a no (sixth therapist review). */
		sc->ask_first |= more;
		assumed_names(names, sizeof(names), in, sq->q);
		if (!warn_msg(p, MFR_WARNING_UNSCREENED,
			      (about){ "unscreened_site", MFR_KIND_SCREENING, sq->q->key, sq->site,
				       sq->side },
			      MSG(more ? "warning.unscreened_site.limits_more"
				  : "warning.unscreened_site", MFR__M("site", site_msg(p, sq->site,
									     sq->side)),
				  MFR__S("question", sq->q->text), MFR__S("key", sq->q->key),
				  MFR__A("precautions", names))))
			return MFR_E_NOMEM;
	}
	return MFR_OK;
}

static mfr_status_t screen_intake(mfr_plan *p, screen *sc)
{
	const mfr_intake *in = p->intake;
	uint32_t total = 0;

	sc->ceiling = MFR_PRESSURE_FIRM;
	for (uint32_t i = 0; i < in->precaution_count; i++)
		total += in->precautions[i].precaution->excluded_technique_count;
	sc->excluded = total ? mfr__arena_alloc(&p->arena, total * sizeof(*sc->excluded)) : NULL;
	if (total && !sc->excluded)
		return MFR_E_NOMEM;
	for (uint32_t i = 0; i < in->precaution_count; i++)
		TRY_ST(screen_precaution(p, sc, i));
	TRY_ST(screen_lying(p, sc));
	for (uint32_t i = 0; i < in->condition_count; i++) {
		const mfr_condition *c = in->conditions[i];

		TRY_ST(take_dose(p, sc, c->dose,
				 (about){ "dose", MFR_KIND_CONDITION, c->key, NULL, 0 }, c->name));
	}
	TRY_ST(screen_questions(p, sc));
	p->ceiling = (uint8_t)sc->ceiling;
	p->no_progression = (uint8_t)sc->no_progression;
	if (sc->max_minutes && sc->max_minutes < in->minutes) {
		p->session_seconds = sc->max_minutes * 60;
		if (!warn_msg(p, MFR_WARNING_DOSE, (about){ "session_shortened", 0, NULL, NULL, 0 },
			      MSG("warning.session_shortened", MFR__N("from", in->minutes),
				  MFR__N("to", sc->max_minutes))))
			return MFR_E_NOMEM;
	}
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

/* The widening that applies to a recorded site (the whole limb of a deep
 * vein thrombosis, with the path of its veins), or NULL. */
static const mfr_precaution_widening *widening(const mfr_intake_precaution *sp)
{
	const mfr_precaution *pr = sp->precaution;

	for (uint32_t k = 0; k < pr->widen_count; k++)
		if (mfr_region_is_within(sp->region, pr->widen_to[k].region))
			return &pr->widen_to[k];
	return NULL;
}

/* The region a recorded site rules out: the site, or what it widens to. */
static const mfr_region *excluded_area(const mfr_intake_precaution *sp)
{
	const mfr_precaution_widening *w = widening(sp);

	return w ? w->region : sp->region;
}

/* Whether line node @p n is a station that holds @p q. */
static int station_holds(const mfr_line_node *n, const mfr_region *q)
{
	for (uint32_t k = 0; n->kind == MFR_NODE_STATION && k < n->region_count; k++)
		if (n->regions[k] == q)
			return 1;
	return 0;
}

/* Whether line node @p n is a track whose tissue @p r is (or lies in). */
static int track_of(const mfr_line_node *n, const mfr_region *r)
{
	for (uint32_t k = 0; n->kind == MFR_NODE_TRACK && k < n->region_count; k++)
		if (mfr__nested(r, n->regions[k]))
			return 1;
	return 0;
}

/* Whether @p r attaches to the bone or joint @p q along a line of @p m: it
 * is the tissue of a track node next to a station node that holds @p q (a
 * line's stations are where its tracks attach, Myers), in @p q's body part
 * (a track node that lumps the erector spinae with the suboccipitals does
 * not attach the suboccipitals to the sacrum). Wider than the attachments
 * themselves where a track node lumps several tissues: the safe side for
 * what a precaution keeps out. */
static int attached_along_lines(const mfr_model *m, const mfr_region *r, const mfr_region *q)
{
	if ((q->kind != MFR_REGION_BONE && q->kind != MFR_REGION_JOINT) ||
	    mfr__region_root(r) != mfr__region_root(q))
		return 0;
	for (uint32_t l = 0; l < m->line_count; l++)
		for (uint32_t b = 0; b < m->lines[l].branch_count; b++) {
			const mfr_line_branch *br = &m->lines[l].branches[b];

			for (uint32_t i = 0; i < br->node_count; i++)
				if (station_holds(&br->nodes[i], q) &&
				    ((i > 0 && track_of(&br->nodes[i - 1], r)) ||
				     (i + 1 < br->node_count && track_of(&br->nodes[i + 1], r))))
					return 1;
		}
	return 0;
}

/* Whether @p r lies beside @p q: within a region bordering it, or holding
 * one (a group whose member borders it lies over it too), or, for a bone
 * or joint, attached to it along a line (twelfth and thirteenth therapist
 * reviews: the quadriceps and patellar tendon held beside a healing
 * patella, the triceps beside the olecranon). */
static int borders(const mfr_model *m, const mfr_region *r, const mfr_region *q)
{
	for (uint32_t k = 0; k < q->adjacent_count; k++)
		if (mfr__nested(r, q->adjacent[k]))
			return 1;
	return attached_along_lines(m, r, q);
}

/* Whether @p r borders @p area or anything within it: a muscle that
 * attaches in the lateral arm borders a site on the upper arm. */
static int borders_within(const mfr_model *m, const mfr_region *r, const mfr_region *area)
{
	if (borders(m, r, area))
		return 1;
	for (uint32_t k = 0; k < area->child_count; k++)
		if (borders_within(m, r, area->children[k]))
			return 1;
	return 0;
}

/* Whether the two halves of @p area meet across the midline: it borders a
 * midline region of its own body part (the lower abdomen the linea alba,
 * the low back the sacrum), not only the other half's limb. */
static int meets_across_midline(const mfr_region *area)
{
	for (uint32_t k = 0; k < area->adjacent_count; k++)
		if (area->adjacent[k]->laterality == MFR_LATERALITY_MIDLINE &&
		    mfr__region_root(area->adjacent[k]) == mfr__region_root(area))
			return 1;
	return 0;
}

/* Whether (@p r, @p side) lies on or beside @p area (on @p area_side):
 * within it, enclosing it, or, with @p beside, next to it or to anything
 * within it. */
static int touches(const mfr_model *m, const mfr_region *r, int side, const mfr_region *area,
		   int area_side, int beside)
{
	if (!sides_meet(side, area_side)) {
		/* The other half of an area whose halves meet at the midline,
		 * and what lies in it, is beside the site: a skin-stretch hold
		 * on the left lower abdomen pulls across the linea alba on a
		 * right lower-abdominal wound (fifteenth therapist review). */
		if (beside && mfr__nested(r, area) && meets_across_midline(area))
			return 1;
		/* Across the midline only through a midline whole beside the
		 * site that holds @p r: the left levator ani lies in the pelvic
		 * floor, which borders a right lower-abdominal incision
		 * (fourteenth therapist review: internal work on the other side
		 * of a one-sided incision). */
		for (const mfr_region *w = r->parent; beside && w; w = w->parent)
			if (w->laterality == MFR_LATERALITY_MIDLINE && !mfr__nested(w, area) &&
			    (is_adjacent(w, area) || borders_within(m, w, area)))
				return 1;
		return 0;
	}
	if (mfr__nested(r, area))
		return 1;
	return beside && (is_adjacent(r, area) || borders_within(m, r, area));
}

/* Whether one of the @p n regions of @p list holds @p r, or, with
 * @p wholes, lies within it. */
static int among_avoided(const mfr_region *const *list, uint32_t n, const mfr_region *r,
			 int wholes)
{
	for (uint32_t k = 0; k < n; k++)
		if (mfr_region_is_within(r, list[k]) ||
		    (wholes && mfr_region_is_within(list[k], r)))
			return 1;
	return 0;
}

/* Whether @p pr avoids @p r: an avoided region (and, until @p cleared,
 * one avoided until a clearance) is not worked, nor, with @p wholes, a
 * whole region that holds it (the trunk rocked as one holds the abdomen). */
static int avoids(const mfr_precaution *pr, const mfr_region *r, int wholes, int cleared)
{
	return among_avoided(pr->avoid_regions, pr->avoid_region_count, r, wholes) ||
	       (!cleared && among_avoided(pr->avoid_until_cleared,
					  pr->avoid_until_cleared_count, r, wholes));
}

/* The precaution that forbids work on (@p r, @p side), or NULL. A
 * site-scoped precaution's sites and their neighbourhood stay forbidden
 * after clearance. */
static const mfr_intake_precaution *forbidding(const mfr_intake *in, const mfr_region *r,
					     int side)
{
	for (uint32_t i = 0; i < in->precaution_count; i++) {
		const mfr_intake_precaution *sp = &in->precautions[i];
		const mfr_precaution *pr = sp->precaution;

		/* Asked for a site, a question guards what lies within the
		 * regions its yes avoids, not the wholes that hold them. */
		if (avoids(pr, r, !sp->regions_only,
			   !sp->assumed_for && mfr_intake_is_cleared(in, pr)))
			return sp;
		if (!sp->region || !(pr->avoid_site || pr->site_scoped))
			continue;
		if (touches(in->model, r, side, excluded_area(sp), sp->side,
			    pr->avoid_adjacent || pr->site_scoped))
			return sp;
		const mfr_precaution_widening *w = widening(sp);
		for (uint32_t k = 0; w && k < w->with_count; k++)
			if (touches(in->model, r, side, w->with[k], sp->side, 0))
				return sp;
	}
	return NULL;
}

/* Whether @p r lies outside the scope the intake declares: reached only
 * internally, and that access not declared. */
static int out_of_scope(const mfr_intake *in, const mfr_region *r)
{
	return r->reach != MFR_ACCESS_EXTERNAL && !(in->scopes & r->reach);
}

/* The positions a precaution's limits leave for work on @p r. */
static uint32_t limited_positions(const mfr_intake *in, const screen *sc, const mfr_region *r)
{
	uint32_t out = sc->not_lain;

	for (uint32_t i = 0; i < in->precaution_count; i++) {
		const mfr_precaution *pr = in->precautions[i].precaution;
		uint32_t stage = pr->position_limit_count ? stage_of(sc->later_session, in, pr) : 0;

		if (in->precautions[i].regions_only)
			continue;

		for (uint32_t k = 0; k < pr->position_limit_count; k++) {
			const mfr_precaution_position_limit *l = &pr->position_limits[k];
			int applies = l->region_count == 0;

			if (l->from_stage > stage)
				continue;
			for (uint32_t j = 0; !applies && j < l->region_count; j++)
				applies = mfr_region_is_within(r, l->regions[j]);
			if (applies)
				out |= l->position;
		}
	}
	return out;
}

/* The rules of work on one region for this client: the pressure ceiling
 * (its danger zone's where lower), the zone, the positions left. */
typedef struct site_rules {
	int ceiling;
	const mfr_danger_zone *zone;
	uint32_t positions;
	int too_deep; /* deep tissue in a zone whose pressure cannot reach it */
} site_rules;

/* The other side of @p side (left, right); 0 for the midline or none. */
static int opposite(int side)
{
	return side == MFR_SIDE_LEFT ? MFR_SIDE_RIGHT : side == MFR_SIDE_RIGHT ? MFR_SIDE_LEFT : 0;
}

/* The side a client lies on to have a site on @p side worked side-lying: the
 * other one, so that the site is uppermost; 0 for a midline site (either). */
static int lying_side_for(int side)
{
	return opposite(side);
}

/* Whether the client may lie on @p lying (a side, or 0 for either). */
static int may_lie_on(const screen *sc, int lying)
{
	if (lying)
		return !(sc->not_lain_side & (1u << lying));
	return (sc->not_lain_side & ((1u << MFR_SIDE_LEFT) | (1u << MFR_SIDE_RIGHT))) !=
	       ((1u << MFR_SIDE_LEFT) | (1u << MFR_SIDE_RIGHT));
}

static void rules_for(const mfr_intake *in, const screen *sc, const mfr_region *r, int side,
		      site_rules *out)
{
	out->zone = mfr_model_danger_zone_covering(in->model, r);
	out->ceiling = sc->ceiling;
	if (out->zone && out->zone->pressure_ceiling < out->ceiling)
		out->ceiling = out->zone->pressure_ceiling;
	out->too_deep = out->zone && out->zone->pressure_ceiling < MFR_PRESSURE_MODERATE &&
			r->depth == MFR_DEPTH_DEEP;
	out->positions = in->positions & r->positions & ~limited_positions(in, sc, r);
	if (!may_lie_on(sc, lying_side_for(side)))
		out->positions &= ~(uint32_t)MFR_POSITION_SIDE_LYING;
}

/* The hold range of @p t under the dose: [*lo, *hi]; 0 when they do not
 * overlap. */
static int hold_range(const screen *sc, const mfr_technique *t, uint32_t *lo, uint32_t *hi)
{
	*lo = t->hold_min;
	*hi = t->hold_max;
	if (!t->has_hold || !sc->hold_max)
		return 1;
	if (sc->hold_min > *lo)
		*lo = sc->hold_min;
	if (sc->hold_max < *hi)
		*hi = sc->hold_max;
	return *lo <= *hi;
}

/* Whether technique @p t may work a site under the screening and the
 * site's rules, whatever regions the technique is made for. */
static int technique_allowed_here(const screen *sc, const site_rules *rules,
				  const mfr_technique *t)
{
	uint32_t lo, hi;

	if (rules->too_deep || is_excluded(sc, t) || t->pressure_min > rules->ceiling ||
	    !hold_range(sc, t, &lo, &hi))
		return 0;
	if ((sc->indirect_only || sc->no_progression) && t->approach == MFR_APPROACH_DIRECT)
		return 0; /* the dose allows indirect work only */
	if (rules->zone && in_list(rules->zone->excluded_techniques,
				   rules->zone->excluded_technique_count, t))
		return 0;
	return 1;
}

/* Whether technique @p t may work region @p r under the screening and the
 * site's rules. */
/* Whether technique @p t can work the tissue of @p r at all: a technique
 * that lifts the skin and superficial fascia (skin rolling) does not reach a
 * deep muscle, and a trigger point lies in a muscle (Travell & Simons), so
 * trigger-point release is for muscles only. */
static int fits_tissue(const mfr_technique *t, const mfr_region *r)
{
	if (t->depth == MFR_DEPTH_SUPERFICIAL && r->depth == MFR_DEPTH_DEEP)
		return 0;
	if (t->family == MFR_FAMILY_TRIGGER_POINT_RELEASE && r->kind != MFR_REGION_MUSCLE)
		return 0;
	return 1;
}

static int technique_allowed(const screen *sc, const site_rules *rules,
			     const mfr_technique *t, const mfr_region *r)
{
	if (!technique_allowed_here(sc, rules, t) || !fits_tissue(t, r))
		return 0;
	if (!t->region_count)
		return 1;
	for (uint32_t i = 0; i < t->region_count; i++)
		if (mfr_region_is_within(r, t->regions[i]))
			return 1;
	return 0;
}

/* The positions from which @p t can work a site under its rules. */
static uint32_t positions_for(const site_rules *rules, const mfr_technique *t)
{
	return t->positions & rules->positions;
}

/* A hold inside the technique's range (narrowed by the dose): its midpoint,
 * rounded down to whole half-minutes but never below the minimum. */
static uint32_t hold_seconds(const screen *sc, const mfr_technique *t)
{
	uint32_t lo, hi;

	hold_range(sc, t, &lo, &hi);
	uint32_t mid = lo + (hi - lo) / 2;
	uint32_t rounded = mid / 30 * 30;

	return rounded >= lo ? rounded : lo;
}

/* Mark a step that lies in a danger zone or is internal work. */
static void mark_step(mfr_plan_step *s, const site_rules *rules)
{
	s->zone = rules->zone;
	/* A transverse-plane hold works a plane from outside (the pelvic
	 * diaphragm between a hand under the sacrum and one above the pubis). */
	int internal = s->region->reach != MFR_ACCESS_EXTERNAL &&
		       s->technique->family != MFR_FAMILY_TRANSVERSE_PLANE;

	s->flags = (uint8_t)((rules->zone ? MFR_STEP_DANGER_ZONE : 0) |
			     (internal ? MFR_STEP_INTERNAL : 0));
}

/* The model index of the body part holding @p r (its nearest ancestor, or
 * itself, of kind part): the model lists parts head to toe. */
static uint32_t part_index(const mfr_region *r)
{
	const mfr_region *q = r;

	while (q && q->kind != MFR_REGION_PART)
		q = q->parent;
	return q ? q->index : r->index;
}

/* ---- candidates ---- */

typedef struct candidate {
	mfr_plan_step step;
} candidate;

/* Whether a technique made for transverse planes names @p r itself among
 * its regions: the respiratory diaphragm, the cranial base (suboccipitals)
 * are horizontal fascial planes, released with one hand under and one over. */
static int is_transverse_plane(const mfr_model *m, const mfr_region *r)
{
	for (uint32_t i = 0; i < m->technique_count; i++) {
		const mfr_technique *t = &m->techniques[i];

		if (!(t->suits & MFR_SUITS_TRANSVERSE_PLANE))
			continue;
		for (uint32_t k = 0; k < t->region_count; k++)
			if (t->regions[k] == r)
				return 1;
	}
	return 0;
}

/* The situation of a traced site: focal (a trigger point found through a
 * referral) or broad (fascia, or a muscle reached along a line), and a
 * transverse plane where a technique for planes names the region. */
static uint32_t situation(const mfr_model *m, const mfr_trace_result *res)
{
	const mfr_trace_path *path = &res->paths[0];
	uint32_t plane = is_transverse_plane(m, res->region) ? MFR_SUITS_TRANSVERSE_PLANE : 0;

	if (path->step_count &&
	    path->steps[path->step_count - 1].edge->relation == MFR_RELATION_REFERRAL)
		return MFR_SUITS_FOCAL_POINT | plane;
	return MFR_SUITS_BROAD_PLANE | plane;
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

/* The region a step of technique @p t on site @p r works: for a technique
 * done on a whole part or plane (unwinding supports a limb or the head and
 * follows it; rebounding rocks a part; a transverse-plane hold takes the
 * whole plane, the pelvic floor between sacrum and pubis), the nearest of
 * its regions that holds the site; otherwise the site itself. */
static const mfr_region *whole_part(const mfr_technique *t, const mfr_region *r)
{
	if (t->family != MFR_FAMILY_UNWINDING && t->family != MFR_FAMILY_REBOUNDING &&
	    t->family != MFR_FAMILY_TRANSVERSE_PLANE)
		return r;
	for (const mfr_region *q = r; q; q = q->parent)
		for (uint32_t i = 0; i < t->region_count; i++)
			if (t->regions[i] == q)
				return q;
	return r;
}

/* The side work on the whole part @p part is done on, for a site on
 * @p side within it: a midline part (the pelvic floor, held as a plane
 * from the sacrum and above the pubic bone) is worked on the midline,
 * whichever side's muscle led to it, so a precaution on either side
 * beside it keeps it out (thirteenth therapist review: the pelvic-floor
 * hold of a "left" levator ani planned beside a right lower-abdominal
 * incision). */
static int part_side(const mfr_region *part, int side)
{
	return part->laterality == MFR_LATERALITY_MIDLINE ? MFR_SIDE_MIDLINE : side;
}

/* Whether @p t may work (@p r, @p side) where it works the whole part that
 * holds it (a limb rocked, a plane held): nothing forbids the part, and the
 * part's own rules allow the technique in some position. */
static int whole_part_allowed(const mfr_intake *in, const screen *sc, const mfr_technique *t,
			      const mfr_region *r, int side)
{
	const mfr_region *part = whole_part(t, r);
	int ps = part_side(part, side);
	site_rules pr;

	if (part == r)
		return 1;
	rules_for(in, sc, part, ps, &pr);
	return !forbidding(in, part, ps) && technique_allowed(sc, &pr, t, part) &&
	       positions_for(&pr, t);
}

/* The first of the intake's conditions that names @p t for its
 * trigger-point sites (myofascial pain syndrome: trigger-point pressure
 * release), or NULL. */
static const mfr_condition *names_for_trigger_points(const mfr_intake *in,
						     const mfr_technique *t)
{
	for (uint32_t c = 0; c < in->condition_count; c++)
		for (uint32_t i = 0; i < in->conditions[c]->trigger_point_technique_count; i++)
			if (in->conditions[c]->trigger_point_techniques[i] == t)
				return in->conditions[c];
	return NULL;
}

/* Pick the technique for a treatment site: a timed technique allowed here,
 * reachable from an allowed position and not yet used on as many sites as
 * one session takes (@p used counts the candidates so far, by technique),
 * preferring the therapist's choice, then at a trigger-point site one the
 * intake's conditions name for such sites, then the one that suits the
 * site's situation, then the approach the stage prefers, then model order. */
static const mfr_technique *choose_technique(const mfr_intake *in, const screen *sc,
					     const mfr_plan_options *o,
					     const site_rules *rules, const mfr_stage *stage,
					     const mfr_region *r, int side, uint32_t suits,
					     int sensitive, const uint32_t *used)
{
	const mfr_model *m = in->model;
	const mfr_technique *best = NULL;
	int best_score = -1;

	for (uint32_t i = 0; i < m->technique_count; i++) {
		const mfr_technique *t = &m->techniques[i];

		int wanted = preferred(o, t);

		/* A technique done in passes (no sourced hold) is a treatment
		 * step only when the therapist asks for it: it is then timed
		 * by the block length. */
		if ((!t->has_hold && !wanted) || !technique_allowed(sc, rules, t, r) ||
		    !positions_for(rules, t))
			continue;
		if (t->max_sites && used[t->index] >= t->max_sites)
			continue; /* as many sites as one session takes */
		if (!whole_part_allowed(in, sc, t, r, side))
			continue; /* work on the whole part: the part's rules decide */
		if (stage->indirect_only && t->approach == MFR_APPROACH_DIRECT)
			continue;
		int score = wanted ? 16 : 0; /* the therapist's choice first */
		int wants_indirect = stage->indirect_only || sensitive || !stage->prefer_direct;
		/* The condition names it for its trigger points, unless the
		 * client is too sensitive today for the direct work it is
		 * (sixth therapist review: a direct, moderate release in an
		 * 8/10 client told that work is done indirectly). */
		if ((suits & MFR_SUITS_FOCAL_POINT) && names_for_trigger_points(in, t) &&
		    !(wants_indirect && t->approach == MFR_APPROACH_DIRECT))
			score += 8;
		if (t->suits & suits)
			score += 4;
		if (t->suits & suits & MFR_SUITS_TRANSVERSE_PLANE)
			score += 4; /* a plane is released as a plane */
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

/* "left heel" as a message: the side's word is the table's. */
static const mfr_message *site_msg(mfr_plan *p, const mfr_region *r, int side)
{
	return MSG(side == MFR_SIDE_LEFT ? "site.left" : side == MFR_SIDE_RIGHT ? "site.right"
		   : "site.other", MFR__S("region", r->name));
}

/* A treatment step of technique @p t on (@p r, @p side): its approach,
 * pressure, position and time under the stage, the screening and the
 * site's rules; the caller says where it comes from (trace rank, symptom). */
static void treatment_step(mfr_plan_step *s, const mfr_region *r, int side,
			   const mfr_technique *t, const mfr_stage *stage, int sensitive,
			   const screen *sc, const site_rules *rules, const mfr_plan_options *o)
{
	memset(s, 0, sizeof(*s));
	s->region = r;
	s->side = (uint8_t)side;
	s->technique = t;
	s->phase = MFR_PHASE_TREATMENT;
	s->approach = (uint8_t)approach_for(t, stage, sensitive);
	s->pressure = (uint8_t)pressure_for(t, s->approach, rules->ceiling);
	s->positions = (uint8_t)positions_for(rules, t);
	s->position = (uint8_t)first_position(s->positions);
	s->lying = (uint8_t)(s->position == MFR_POSITION_SIDE_LYING ? lying_side_for(side) : 0);
	s->seconds = t->has_hold ? hold_seconds(sc, t) : o->block_seconds;
	s->part = part_index(r);
	mark_step(s, rules);
}

/* Whether a stage that works near the symptoms (a program's gentle first
 * sessions) takes result @p res: tissue local to a symptom; neighbouring
 * tissue one step or two away (not a chain of neighbours reaching up the
 * limb); and the trigger points whose pain is felt at the symptom (one
 * referral step from the symptom's site or an area within it), which a
 * hand treats where the pain comes from. */
static int in_stage(const mfr_stage *stage, const mfr_trace_result *res)
{
	const mfr_trace_path *p = &res->paths[0];
	uint32_t referrals = 0, others = 0;

	if (res->distance <= MFR_DISTANCE_LOCAL || stage->max_distance >= MFR_DISTANCE_DISTANT)
		return res->distance <= stage->max_distance;
	if (res->distance <= stage->max_distance)
		return p->step_count <= 2;
	for (uint32_t i = 0; i < p->step_count; i++) {
		const mfr_edge *e = p->steps[i].edge;

		if (e->relation == MFR_RELATION_REFERRAL)
			referrals++;
		else if (e->relation != MFR_RELATION_HIERARCHY || e->upward)
			others++;
	}
	return res->distance == MFR_DISTANCE_DISTANT && stage->max_distance >= MFR_DISTANCE_ADJACENT &&
	       referrals == 1 && others == 0;
}

/* A site reached only from inside (the pelvic floor) may still be held as a
 * plane from outside: the first transverse-plane technique made for it that
 * is allowed there, or NULL. */
static const mfr_technique *plane_from_outside(const mfr_intake *in, const screen *sc,
					       const site_rules *rules, const mfr_stage *stage,
					       const mfr_region *r, int side)
{
	const mfr_model *m = in->model;

	for (uint32_t i = 0; i < m->technique_count; i++) {
		const mfr_technique *t = &m->techniques[i];

		if (t->family == MFR_FAMILY_TRANSVERSE_PLANE && t->region_count &&
		    technique_allowed(sc, rules, t, r) && positions_for(rules, t) &&
		    !(stage->indirect_only && t->approach == MFR_APPROACH_DIRECT) &&
		    whole_part_allowed(in, sc, t, r, side))
			return t;
	}
	return NULL;
}

/* Turn trace result @p rank (0-based) into a candidate; 0 when it is
 * skipped (with a warning where the therapist must know). */
static int make_candidate(mfr_plan *p, const screen *sc, const mfr_plan_options *o,
			  const mfr_stage *stage, const mfr_trace_result *res, uint32_t rank,
			  uint32_t *used, candidate *c, mfr_status_t *st)
{
	const mfr_intake *in = p->intake;

	*st = MFR_OK;
	if (!in_stage(stage, res))
		return 0;

	const mfr_intake_precaution *sp = forbidding(in, res->region, res->side);
	if (sp) {
		const mfr_precaution *pr = sp->precaution;
		const mfr_message *where = &mfr__msg_empty;
		about a = ABOUT_PRECAUTION("site_excluded", pr);

		if (sp->region)
			where = MSG("warning.site_excluded.at",
				    MFR__M("site", site_msg(p, excluded_area(sp), sp->side)));
		else if (sp->assumed_for)
			where = MSG("warning.site_excluded.assumed",
				    MFR__S("question", sp->assumed_for->key));
		if (sp->assumed_for && (!p->assumed_exclusion_rank ||
					rank + 1 < p->assumed_exclusion_rank))
			p->assumed_exclusion_rank = rank + 1;
		if (!where) {
			*st = MFR_E_NOMEM;
			return 0;
		}
		a.region = res->region;
		a.side = res->side;
		if (!warn_traced(p, MFR_WARNING_SITE_EXCLUDED, a, rank + 1,
			      MSG(!sp->region ? "warning.site_excluded.region"
				  : pr->avoid_adjacent || pr->site_scoped
				  ? "warning.site_excluded.site_and_beside"
				  : "warning.site_excluded.site",
				  MFR__M("site", site_msg(p, res->region, res->side)),
				  MFR__N("rank", rank + 1), MFR__S("precaution", pr->name),
				  MFR__M("where", where))))
			*st = MFR_E_NOMEM;
		return 0;
	}
	site_rules rules;
	int sensitive = is_sensitive(in);
	int outside = out_of_scope(in, res->region);
	const mfr_technique *t = NULL;

	rules_for(in, sc, res->region, res->side, &rules);
	if (outside)
		t = plane_from_outside(in, sc, &rules, stage, res->region, res->side);
	if (outside && !t) {
		const char *access = mfr__name_of(&mfr__access_names, res->region->reach);

		if (!warn_traced(p, MFR_WARNING_SCOPE, (about){ "out_of_scope", 0, access,
								res->region, res->side }, rank + 1,
			      MSG(res->region->reach == MFR_ACCESS_INTRA_ORAL
				  ? "warning.out_of_scope.intra_oral"
				  : "warning.out_of_scope.intra_pelvic",
				  MFR__M("site", site_msg(p, res->region, res->side)),
				  MFR__N("rank", rank + 1))))
			*st = MFR_E_NOMEM;
		return 0;
	}
	if (!t)
		t = choose_technique(in, sc, o, &rules, stage, res->region, res->side,
				     situation(in->model, res), sensitive, used);
	if (!t) {
		if (!warn_traced(p, MFR_WARNING_UNREACHABLE,
				 ABOUT_SITE("unreachable", res->region, res->side), rank + 1,
			      MSG(rules.too_deep ? "warning.unreachable.too_deep"
				  : rules.zone ? "warning.unreachable.zone"
				  : "warning.unreachable",
				  MFR__M("site", site_msg(p, res->region, res->side)),
				  MFR__N("rank", rank + 1))))
			*st = MFR_E_NOMEM;
		return 0;
	}

	mfr_plan_step *s = &c->step;
	const mfr_region *part = whole_part(t, res->region);
	int side = part_side(part, res->side);

	if (part != res->region)
		rules_for(in, sc, part, side, &rules);
	treatment_step(s, part, side, t, stage, sensitive, sc, &rules, o);
	if ((situation(in->model, res) & MFR_SUITS_FOCAL_POINT) && !preferred(o, t))
		s->named_by = names_for_trigger_points(in, t);
	used[t->index]++;
	s->trace_rank = rank + 1;
	s->score = res->score;
	s->distance = res->distance;
	s->path_steps = res->paths[0].step_count;
	s->symptom = res->paths[0].symptom;
	s->result = res; /* the rationale is written once the step is kept */
	return 1;
}

/* ---- work at the symptom site itself ---- */

/* The most techniques one symptom site is worked with (a condition's
 * site_techniques beyond it are not used): libmfr's bound. */
#define MFR_PLAN_SITE_TECHNIQUES_MAX 4

/* The techniques an intake's condition names for the symptom site itself
 * that are allowed at the site, in the order it names them (the condition
 * names the site, so the technique's own regions do not restrict it: skin
 * rolling's typical regions include scars): the first condition that
 * names one allowed here decides, each technique once. Fills @p out (room
 * for MFR_PLAN_SITE_TECHNIQUES_MAX) and returns how many; sets *by to the
 * condition. */
static uint32_t site_techniques(const mfr_intake *in, const screen *sc,
				const site_rules *rules, const mfr_stage *stage,
				const mfr_condition **by, const mfr_technique **out)
{
	for (uint32_t c = 0; c < in->condition_count; c++) {
		const mfr_condition *cond = in->conditions[c];
		uint32_t n = 0;

		for (uint32_t i = 0; i < cond->site_technique_count &&
				     n < MFR_PLAN_SITE_TECHNIQUES_MAX; i++) {
			const mfr_technique *t = cond->site_techniques[i];

			if (stage->indirect_only && t->approach == MFR_APPROACH_DIRECT)
				continue;
			if (technique_allowed_here(sc, rules, t) && positions_for(rules, t) &&
			    !in_list(out, n, t))
				out[n++] = t;
		}
		if (n) {
			*by = cond;
			return n;
		}
	}
	return 0;
}

/* Whether an earlier symptom than @p i lies at the same site. */
static int site_repeats(const mfr_intake *in, uint32_t i)
{
	for (uint32_t k = 0; k < i; k++)
		if (in->symptoms[k].region == in->symptoms[i].region &&
		    in->symptoms[k].side == in->symptoms[i].side)
			return 1;
	return 0;
}

/* The treatment steps at symptom @p i's site itself, one for each
 * technique a condition names for it, in its order (scar work:
 * reference.md section 5, "skin rolling / cross-hand around the scar,
 * then line continuations": the scar rolled, then released with crossed
 * hands, before the work along its lines; the tenth therapist review found
 * a scar plan whose only scar work was two minutes of skin rolling): each
 * timed by the technique's hold, or by the block length for techniques
 * done in passes. Fills @p c (room for MFR_PLAN_SITE_TECHNIQUES_MAX);
 * returns how many. */
static uint32_t site_candidates(const mfr_plan *p, const screen *sc, const mfr_stage *stage,
				const mfr_plan_options *o, uint32_t i, candidate *c)
{
	const mfr_intake *in = p->intake;
	const mfr_intake_symptom *sy = &in->symptoms[i];
	const mfr_condition *by = NULL;
	const mfr_technique *t[MFR_PLAN_SITE_TECHNIQUES_MAX];
	site_rules rules;

	if (site_repeats(in, i) || forbidding(in, sy->region, sy->side) ||
	    out_of_scope(in, sy->region))
		return 0;
	rules_for(in, sc, sy->region, sy->side, &rules);
	uint32_t n = site_techniques(in, sc, &rules, stage, &by, t);

	for (uint32_t k = 0; k < n; k++) {
		mfr_plan_step *s = &c[k].step;

		treatment_step(s, sy->region, sy->side, t[k], stage, is_sensitive(in), sc,
			       &rules, o);
		s->distance = MFR_DISTANCE_LOCAL;
		s->symptom = i;
		s->site_work = by;
	}
	return n;
}

/* ---- the opening and closing blocks ---- */

/* A block step with technique family @p family (the first allowed one) on
 * @p r, from a position in @p prefer if possible; 0 when none fits. */
static int block_step(const mfr_plan *p, const screen *sc, const mfr_plan_options *o,
		      int family, int phase, const mfr_region *r, int side, int prefer,
		      mfr_plan_step *s)
{
	const mfr_model *m = p->intake->model;
	site_rules rules;

	if (out_of_scope(p->intake, r))
		return 0;
	rules_for(p->intake, sc, r, side, &rules);
	for (uint32_t i = 0; i < m->technique_count; i++) {
		const mfr_technique *t = &m->techniques[i];
		uint32_t pos = positions_for(&rules, t);

		if (t->family != family || !technique_allowed(sc, &rules, t, r) || !pos)
			continue;
		memset(s, 0, sizeof(*s));
		s->region = r;
		s->side = (uint8_t)side;
		s->technique = t;
		s->phase = (uint8_t)phase;
		s->approach = t->approach == MFR_APPROACH_DIRECT ? MFR_APPROACH_DIRECT
								  : MFR_APPROACH_INDIRECT;
		s->pressure = t->pressure_min; /* allowed: technique_allowed() */
		s->positions = (uint8_t)pos;
		s->position = (uint8_t)((pos & (uint32_t)prefer) ? prefer : first_position(pos));
		s->lying = (uint8_t)(s->position == MFR_POSITION_SIDE_LYING ? lying_side_for(side)
									    : 0);
		if (t->has_hold) {
			uint32_t lo, hi;

			hold_range(sc, t, &lo, &hi);
			s->seconds = lo;
		} else {
			s->seconds = o->block_seconds;
		}
		mark_step(s, &rules);
		return 1;
	}
	return 0;
}

static int symptoms_side(const mfr_intake *in, const mfr_region *r);

/* Opening: assess the first symptom site no precaution forbids, lifting and
 * rolling the skin where skin rolling may be done there (for a sensitive
 * client, only where no indirect hold can be), otherwise with a
 * light indirect hold, otherwise (a plane reached only from inside, such
 * as the pelvic floor) holding the plane from outside. A site sore on both
 * sides is assessed on both (side midline: the back of the neck, not its
 * left half; sixth therapist review), unless a precaution keeps one side
 * out. A session never opens with internal work, even where the intake
 * declares its scope: the first contact is external (seventh therapist
 * review). */
static int opening_step(mfr_plan *p, const screen *sc, const mfr_plan_options *o,
			int prefer, mfr_plan_step *s)
{
	/* A sensitive client (a symptom at 7 or more, or acute) is first
	 * assessed indirectly: skin rolling lifts and rolls the tissue
	 * (eighth therapist review: skin rolling opened plans for clients
	 * whose techniques were otherwise all done indirectly). */
	static const int usual[] = { MFR_FAMILY_SKIN_ROLLING, MFR_FAMILY_INDIRECT,
				     MFR_FAMILY_TRANSVERSE_PLANE };
	static const int gentle[] = { MFR_FAMILY_INDIRECT, MFR_FAMILY_TRANSVERSE_PLANE,
				      MFR_FAMILY_SKIN_ROLLING };
	const mfr_intake *in = p->intake;
	const int *families = is_sensitive(in) ? gentle : usual;

	for (uint32_t i = 0; i < in->symptom_count; i++) {
		const mfr_intake_symptom *sy = &in->symptoms[i];
		int side = symptoms_side(in, sy->region);

		if (forbidding(in, sy->region, side))
			side = sy->side;
		if (forbidding(in, sy->region, side))
			continue;
		for (size_t f = 0; f < sizeof(usual) / sizeof(*usual); f++)
			if (block_step(p, sc, o, families[f], MFR_PHASE_ASSESSMENT,
				       sy->region, side, prefer, s) &&
			    !(s->flags & MFR_STEP_INTERNAL))
				return 1;
	}
	return 0;
}

/* The side to work region @p r on for the symptoms within it: theirs when
 * they lie on one side, the midline when on both or on the midline (the
 * trunk rocked as a whole for a low back sore on both sides); 0 when no
 * symptom lies within it. */
static int symptoms_side(const mfr_intake *in, const mfr_region *r)
{
	int side = 0;

	for (uint32_t i = 0; i < in->symptom_count; i++) {
		const mfr_intake_symptom *sy = &in->symptoms[i];

		if (!mfr_region_is_within(sy->region, r))
			continue;
		if (side && side != sy->side)
			return MFR_SIDE_MIDLINE;
		side = sy->side;
	}
	return side;
}

/* Closing: rebounding or jostling, where allowed, of a region the
 * technique lists (the trunk, a limb) that holds a symptom, on the side of
 * the symptoms within it, where no precaution forbids it. A plan whose
 * symptoms lie elsewhere (the head, the neck) has no closing: rocking the
 * trunk does not integrate work on the jaw. */
static int closing_step(mfr_plan *p, const screen *sc, const mfr_plan_options *o,
			int prefer, mfr_plan_step *s)
{
	const mfr_intake *in = p->intake;
	const mfr_model *m = in->model;

	for (uint32_t i = 0; i < m->technique_count; i++) {
		const mfr_technique *t = &m->techniques[i];
		int any = t->region_count == 0;
		uint32_t n = any ? in->symptom_count : t->region_count;

		if (t->family != MFR_FAMILY_REBOUNDING)
			continue;
		for (uint32_t k = 0; k < n; k++) {
			const mfr_region *r = any ? in->symptoms[k].region : t->regions[k];
			int sd = r->laterality == MFR_LATERALITY_MIDLINE ? MFR_SIDE_MIDLINE
									: symptoms_side(in, r);

			if (!sd || forbidding(p->intake, r, sd))
				continue;
			if (block_step(p, sc, o, MFR_FAMILY_REBOUNDING, MFR_PHASE_INTEGRATION,
				       r, sd, prefer, s))
				return 1;
		}
	}
	return 0;
}

/* ---- every symptom first ---- */

/* How far each candidate's part lies from the main (most intense, first)
 * symptom's part, in the model's head-to-toe order of parts. */
static void set_travel(const mfr_intake *in, candidate *cand, uint32_t n)
{
	const mfr_intake_symptom *main = NULL;

	for (uint32_t i = 0; i < in->symptom_count; i++)
		if (!main || in->symptoms[i].intensity > main->intensity)
			main = &in->symptoms[i];
	uint32_t from = main ? part_index(main->region) : 0;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t p = cand[i].step.part;

		cand[i].step.travel = p > from ? p - from : from - p;
	}
}

/* Whether trace result @p res serves symptom @p sy directly: a path from
 * it that only goes down into the symptom's site and takes at most one
 * referral (tissue in the symptom, or a source of the pain felt there:
 * the sternocleidomastoid for the forehead, though its strongest path
 * starts at a temple). */
static int serves_directly(const mfr_trace_result *res, uint32_t sy)
{
	for (uint32_t k = 0; res && k < res->path_count; k++) {
		const mfr_trace_path *path = &res->paths[k];
		int direct = path->symptom == sy, referrals = 0;

		for (uint32_t i = 0; i < path->step_count && direct; i++) {
			const mfr_edge *e = path->steps[i].edge;

			referrals += e->relation == MFR_RELATION_REFERRAL;
			direct = referrals <= 1 && (e->relation == MFR_RELATION_REFERRAL ||
						    (e->relation == MFR_RELATION_HIERARCHY &&
						     !e->upward));
		}
		if (direct)
			return 1;
	}
	return 0;
}

/* Whether one of the @p n candidates @p c, on symptom @p sy's side or the
 * midline, is work for it: reached first from it, or serving it directly. */
static int served_by(const mfr_intake *in, const candidate *c, uint32_t n, uint32_t sy)
{
	int side = in->symptoms[sy].side;

	for (uint32_t i = 0; i < n; i++)
		if ((c[i].step.side == side || c[i].step.side == MFR_SIDE_MIDLINE ||
		     side == MFR_SIDE_MIDLINE) &&
		    (c[i].step.symptom == sy || serves_directly(c[i].step.result, sy)))
			return 1;
	return 0;
}

/* Reorder the candidates (in rank order) so that every symptom, the most
 * intense first, gets its best candidate before any symptom gets a second;
 * the rest keep the rank order. The plan keeps a prefix
 * of this order, so a short session works every symptom it can. */
static mfr_status_t symptoms_first(const mfr_intake *in, candidate *cand, uint32_t n,
				   uint32_t *head)
{
	uint32_t ns = in->symptom_count;
	uint32_t *order = mfr__malloc((ns ? ns : 1) * sizeof(*order));
	candidate *out = mfr__malloc((n ? n : 1) * sizeof(*out));

	if (!order || !out) {
		mfr__free(order);
		mfr__free(out);
		return MFR_E_NOMEM;
	}
	/* Symptoms by falling intensity, ties in intake order (insertion sort:
	 * an intake has few symptoms). */
	for (uint32_t i = 0; i < ns; i++) {
		uint32_t k = i;

		while (k > 0 && in->symptoms[order[k - 1]].intensity < in->symptoms[i].intensity) {
			order[k] = order[k - 1];
			k--;
		}
		order[k] = i;
	}
	/* One pass gives every symptom its best candidate; the rest follow in
	 * rank order (a second pass would put a symptom's eleventh-ranked site
	 * before another's fifth). */
	uint32_t taken = 0;
	for (uint32_t j = 0; j < ns && taken < n; j++) {
		uint32_t sy = order[j], i = 0;

		if (served_by(in, out, taken, sy))
			continue; /* the nuchal ligament for both sides of the neck */
		/* Its best candidate: reached first from it, or serving it
		 * directly (the quadratus lumborum, reached first from the low
		 * back, for the side of the hip where its pain is felt; eighth
		 * therapist review: the side of the hip got nothing). */
		while (i < n && (cand[i].step.symptom == UINT32_MAX ||
				 !served_by(in, &cand[i], 1, sy)))
			i++;
		if (i < n) {
			out[taken++] = cand[i];
			cand[i].step.symptom = UINT32_MAX; /* taken */
		}
	}
	*head = taken;
	for (uint32_t i = 0; i < n; i++)
		if (cand[i].step.symptom != UINT32_MAX)
			out[taken++] = cand[i];
	memcpy(cand, out, n * sizeof(*cand));
	mfr__free(order);
	mfr__free(out);
	return MFR_OK;
}

/* Whether the intake records symptom @p sy's region on both sides. */
static int felt_on_both_sides(const mfr_intake *in, uint32_t sy)
{
	const mfr_intake_symptom *s = &in->symptoms[sy];

	for (uint32_t k = 0; k < in->symptom_count; k++)
		if (in->symptoms[k].region == s->region && in->symptoms[k].side != s->side &&
		    in->symptoms[k].side != MFR_SIDE_MIDLINE && s->side != MFR_SIDE_MIDLINE)
			return 1;
	return 0;
}

/* Whether a run of the first @p n candidates would end between a site and
 * its mirror, past the @p head that give each symptom its first step: a
 * session cut there would work a complaint felt on both sides on one side
 * only (thirteenth therapist review: the left sternocleidomastoid alone in
 * an hour for neck pain on both sides). */
static int splits_pair(const candidate *cand, uint32_t n, uint32_t ncand, uint32_t head)
{
	if (n <= head || n >= ncand)
		return 0;
	const mfr_plan_step *a = &cand[n - 1].step, *b = &cand[n].step;

	return a->region == b->region && a->side != b->side && a->side != MFR_SIDE_MIDLINE &&
	       b->side != MFR_SIDE_MIDLINE;
}

/* Whether (@p r, @p side)'s mirror is among the first @p nres results. */
static int mirror_traced(const mfr_trace *t, uint32_t nres, const mfr_region *r, int side)
{
	for (uint32_t i = 0; i < nres; i++)
		if (t->results[i].region == r && t->results[i].side != side)
			return 1;
	return 0;
}

/* Drop the candidates past the @p head that a complaint felt on both sides
 * brought, on one side, whose mirror is not among the @p nres results the
 * plan draws on (it ranked past them): worked alone it would be one side of
 * a pair (the left pectoralis major, twentieth, for neck pain on both
 * sides; the right, twenty-first). A mirror among them that the screening
 * kept out (a wound on that side) leaves its site worked alone. Returns
 * the new count. */
static uint32_t drop_unmirrored(const mfr_intake *in, const mfr_trace *t, uint32_t nres,
				candidate *cand, uint32_t n, uint32_t head)
{
	uint32_t kept = head;

	for (uint32_t i = head; i < n; i++) {
		const mfr_plan_step *s = &cand[i].step;
		int lone = s->side != MFR_SIDE_MIDLINE && s->symptom < in->symptom_count &&
			   felt_on_both_sides(in, s->symptom) &&
			   !mirror_traced(t, nres, s->region, s->side);

		if (!lone)
			cand[kept++] = cand[i];
	}
	return kept;
}

/* A complaint felt on both sides is worked on both: the mirror of a
 * candidate reached from such a symptom moves up to follow it, so that a
 * session cut short keeps pairs (left and right splenius) rather than one
 * side of several tissues. */
static void pair_mirrors(const mfr_intake *in, candidate *cand, uint32_t n, uint32_t head)
{
	/* The first @p head give every symptom its first step: their mirrors
	 * follow the whole block, so that no symptom waits for another's
	 * second side (eighth therapist review: in 15 minutes both sides of
	 * the neck were worked and the low back not at all). */
	uint32_t at = head;

	for (uint32_t i = 0; i < head; i++) {
		const mfr_plan_step *s = &cand[i].step;

		if (s->side == MFR_SIDE_MIDLINE || !felt_on_both_sides(in, s->symptom))
			continue;
		for (uint32_t j = at; j < n; j++) {
			const mfr_plan_step *m = &cand[j].step;

			if (m->region != s->region || m->side == s->side)
				continue;
			candidate moved = cand[j];

			memmove(cand + at + 1, cand + at, (j - at) * sizeof(*cand));
			cand[at++] = moved;
			break;
		}
	}
	for (uint32_t i = at; i + 1 < n; i++) {
		const mfr_plan_step *s = &cand[i].step;

		if (s->side == MFR_SIDE_MIDLINE || !felt_on_both_sides(in, s->symptom))
			continue;
		for (uint32_t j = i + 1; j < n; j++) {
			const mfr_plan_step *m = &cand[j].step;

			if (m->region != s->region || m->side == s->side)
				continue;
			candidate moved = cand[j];

			memmove(cand + i + 2, cand + i + 1, (j - i - 1) * sizeof(*cand));
			cand[i + 1] = moved;
			i++; /* the pair is in place */
			break;
		}
	}
}

/* A transverse-plane hold takes its plane whole (the cranial base: one
 * hand cradles the occiput, both sides at once), so one planned for a
 * site on one side is held on both (side midline) where nothing keeps the
 * other side out (fifteenth therapist review: a "right" cranial-base hold
 * for a right-sided neck). */
static void planes_whole(const mfr_intake *in, candidate *cand, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		mfr_plan_step *s = &cand[i].step;

		if (s->technique->family != MFR_FAMILY_TRANSVERSE_PLANE ||
		    (s->side != MFR_SIDE_LEFT && s->side != MFR_SIDE_RIGHT))
			continue;
		if (!forbidding(in, s->region, s->side == MFR_SIDE_LEFT ? MFR_SIDE_RIGHT
									  : MFR_SIDE_LEFT)) {
			s->side = MFR_SIDE_MIDLINE;
			s->lying = 0;
		}
	}
}

/* One piece of work is one step: a plane held on both sides
 * (planes_whole()) is one step however many of its sides led to it, and
 * work on a whole part (unwinding a limb) is done once however many of the
 * part's sites led to it. The later candidates go. Returns the new count. */
static uint32_t merge_same_work(candidate *cand, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++) {
		const mfr_plan_step *s = &cand[i].step;

		for (uint32_t j = i + 1; j < n; j++) {
			const mfr_plan_step *m = &cand[j].step;

			if (m->region != s->region || m->technique != s->technique ||
			    (m->side != s->side && s->side != MFR_SIDE_MIDLINE))
				continue;
			memmove(cand + j, cand + j + 1, (n - j - 1) * sizeof(*cand));
			n--;
			j--;
		}
	}
	return n;
}

/* The share of the session below which a plan says it is thin: a
 * scheduling parameter of libmfr, not a clinical claim. */
#define UNDER_PLANNED_PERCENT 75
/* The grain by which spare time lengthens holds (lengthen_holds()). */
#define HOLD_STEP_SECONDS 30

/* Whether treatment step @p s works toward symptom @p sy: its site is
 * reached from that symptom (the sternocleidomastoid for a temple and a
 * forehead symptom alike), not only from the one its strongest path
 * starts at. */
static int works_toward(const mfr_plan_step *s, uint32_t sy)
{
	if (s->phase != MFR_PHASE_TREATMENT)
		return 0;
	if (s->symptom == sy)
		return 1;
	for (uint32_t k = 0; s->result && k < s->result->path_count; k++)
		if (s->result->paths[k].symptom == sy)
			return 1;
	return 0;
}

/* Whether a precaution, a zone, a position or the scope skipped a site. */
static int site_skipped(const mfr_plan *p)
{
	for (uint32_t i = 0; i < p->warning_count; i++) {
		int k = p->warnings[i].kind;

		if (k == MFR_WARNING_SITE_EXCLUDED || k == MFR_WARNING_UNREACHABLE ||
		    k == MFR_WARNING_SCOPE)
			return 1;
	}
	return 0;
}

/* Why a session is planned under its length, as far as the plan knows. */
static const char *thin_reason(const mfr_plan *p, uint32_t staged_out)
{
	int skipped = site_skipped(p);

	if (skipped && staged_out)
		return "warning.under_planned.staged_skipped";
	if (skipped)
		return "warning.under_planned.skipped";
	if (staged_out)
		return "warning.under_planned.staged";
	return "warning.under_planned.few";
}

/* Name each symptom the kept steps do not work toward, and a session
 * planned far under its length. */
static mfr_status_t time_warnings(mfr_plan *p, const mfr_plan_step *steps, uint32_t count,
				uint32_t total, uint32_t staged_out)
{
	const mfr_intake *in = p->intake;

	for (uint32_t sy = 0; sy < in->symptom_count; sy++) {
		const mfr_intake_symptom *s = &in->symptoms[sy];
		int worked = 0;

		for (uint32_t i = 0; i < count && !worked; i++)
			worked = works_toward(&steps[i], sy);
		if (worked)
			continue;
		if (!warn_msg(p, MFR_WARNING_TIME, ABOUT_SITE("symptom_unworked", s->region, s->side),
			      MSG("warning.symptom_unworked",
				  MFR__M("site", site_msg(p, s->region, s->side)),
				  MFR__N("intensity", s->intensity))))
			return MFR_E_NOMEM;
	}
	if ((uint64_t)total * 100 < (uint64_t)p->session_seconds * UNDER_PLANNED_PERCENT &&
	    !warn_msg(p, MFR_WARNING_TIME, ABOUT_SITE("under_planned", NULL, 0),
		      MSG("warning.under_planned", MFR__N("planned", (total + 59) / 60),
			  MFR__N("minutes", p->session_seconds / 60),
			  MFR__M("reason", MSG0(thin_reason(p, staged_out))))))
		return MFR_E_NOMEM;
	return MFR_OK;
}

/* Name each technique the options prefer that works no step of the plan,
 * so that a preference is never dropped without a word. */
static mfr_status_t preference_warnings(mfr_plan *p, const mfr_plan_options *o)
{
	for (uint32_t i = 0; i < o->technique_count; i++) {
		int64_t at = mfr__model_find(p->model, MFR_KIND_TECHNIQUE, o->techniques[i]);
		const mfr_technique *t = at >= 0 ? &p->model->techniques[at] : NULL;
		int used = 0;

		for (uint32_t k = 0; t && k < p->step_count && !used; k++)
			used = p->steps[k].technique == t;
		if (!t || used)
			continue;
		if (!warn_msg(p, MFR_WARNING_UNREACHABLE,
			      (about){ "technique_unused", MFR_KIND_TECHNIQUE, t->key, NULL, 0 },
			      MSG("warning.technique_unused", MFR__S("technique", t->name))))
			return MFR_E_NOMEM;
	}
	return MFR_OK;
}

/* ---- timing and order ---- */

static int step_order(const void *pa, const void *pb)
{
	const mfr_plan_step *a = pa, *b = pb;
	int ra = position_rank(a->position), rb = position_rank(b->position);

	if (ra != rb)
		return ra - rb;
	/* Side-lying on one side, then on the other: one roll-over. A midline
	 * site, which either side reaches, goes first and joins the first side
	 * (resolve_lying()). */
	if (a->lying != b->lying)
		return a->lying - b->lying;
	/* Internal work (inside the mouth or the pelvis) is one block, after
	 * the external work of its position (seventh therapist review: external
	 * work, then inside, then outside again, then inside). */
	int ia = (a->flags & MFR_STEP_INTERNAL) != 0, ib = (b->flags & MFR_STEP_INTERNAL) != 0;
	if (ia != ib)
		return ia - ib;
	/* Within a position, the hands move part by part toward the main
	 * symptom: the farthest body part first, each part's steps together
	 * (no back and forth: thigh, calf, thigh). */
	if (a->travel != b->travel)
		return a->travel > b->travel ? -1 : 1;
	if (a->part != b->part)
		return a->part < b->part ? -1 : 1;
	/* Within a part, the site a condition names (the scar) first ... */
	if (!a->site_work != !b->site_work)
		return a->site_work ? -1 : 1;
	/* ... then root causes: distant sites (or the other side)
	 * before those around the symptom, then the longer way along the trace
	 * first. */
	int fa = a->distance >= MFR_DISTANCE_DISTANT, fb = b->distance >= MFR_DISTANCE_DISTANT;
	if (fa != fb)
		return fb - fa;
	if (a->path_steps != b->path_steps)
		return a->path_steps > b->path_steps ? -1 : 1;
	return a->trace_rank < b->trace_rank ? -1 : a->trace_rank > b->trace_rank;
}

/* Whether two steps are done in one client position: the same position
 * and, side-lying, on the same side (0: a midline site, either side). */
static int same_position(const mfr_plan_step *a, const mfr_plan_step *b)
{
	return a->position == b->position &&
	       (a->position != MFR_POSITION_SIDE_LYING || a->lying == b->lying ||
		!a->lying || !b->lying);
}

/* Give each side-lying step of a midline site (either side reaches it) the
 * side the client already lies on: the step's before it, else after it,
 * else @p fallback. */
static void resolve_lying(mfr_plan_step *s, uint32_t n, int fallback)
{
	for (uint32_t i = 0; i < n; i++) {
		if (s[i].position != MFR_POSITION_SIDE_LYING || s[i].lying)
			continue;
		int lying = 0;

		for (uint32_t j = i; j-- > 0 && !lying;)
			if (s[j].position == MFR_POSITION_SIDE_LYING)
				lying = s[j].lying;
		for (uint32_t j = i + 1; j < n && !lying; j++)
			if (s[j].position == MFR_POSITION_SIDE_LYING)
				lying = s[j].lying;
		s[i].lying = (uint8_t)(lying ? lying : fallback);
	}
}

/* Order @p n treatment steps and put the blocks around them; returns the
 * total seconds and sets *changes (a roll-over from one side to the other
 * counts as one). @p out has room for n + 2 steps; side-lying on the
 * midline takes @p lying when nothing else decides. */
static uint32_t arrange(const mfr_plan_step *treat, uint32_t n, const mfr_plan_step *open,
			const mfr_plan_step *close, uint32_t reposition, int lying,
			mfr_plan_step *out, uint32_t *count, uint32_t *changes)
{
	uint32_t k = 0, total = 0;

	if (open)
		out[k++] = *open;
	memcpy(out + k, treat, n * sizeof(*treat));
	if (n > 1)
		qsort(out + k, n, sizeof(*out), step_order);
	/* The group in the opening's position comes first, so that the client
	 * does not turn away from it and back (side-lying, prone, side-lying). */
	if (open && n > 1 && !same_position(&out[k], open)) {
		uint32_t j = k;

		for (uint32_t i = k; i < k + n; i++)
			if (same_position(&out[i], open)) {
				mfr_plan_step moved = out[i];

				memmove(out + j + 1, out + j, (i - j) * sizeof(*out));
				out[j++] = moved;
			}
	}
	k += n;
	/* The closing is done in the last group's position, or not at all:
	 * the client is not turned for two minutes of rocking (ninth and
	 * eleventh therapist reviews). When it cannot be done there, a later
	 * group it can be done in (not the opening's) goes last. */
	if (close && n > 1 && !((uint32_t)close->positions & (uint32_t)out[k - 1].position)) {
		uint32_t first = k - n;

		for (uint32_t i = k; i-- > first + 1;) {
			int pos = out[i].position;

			if (!((uint32_t)close->positions & (uint32_t)pos) ||
			    pos == out[first].position)
				continue;
			for (uint32_t j = first, moved = 0; j < k - moved;) {
				if (out[j].position != pos) {
					j++;
					continue;
				}
				mfr_plan_step step = out[j];

				memmove(out + j, out + j + 1, (k - j - 1) * sizeof(*out));
				out[k - 1] = step;
				moved++;
			}
			break;
		}
	}
	if (close && (!n || ((uint32_t)close->positions & (uint32_t)out[k - 1].position))) {
		out[k] = *close;
		if (n)
			out[k].position = out[k - 1].position;
		k++;
	}
	resolve_lying(out, k, lying);
	*changes = 0;
	for (uint32_t i = 0; i < k; i++) {
		total += out[i].seconds;
		if (i && (out[i].position != out[i - 1].position ||
			  out[i].lying != out[i - 1].lying))
			(*changes)++;
	}
	*count = k;
	return total + *changes * reposition;
}

/* Time the sites leave over goes into longer holds, within each
 * technique's range (narrowed by the dose): half a minute more for every
 * treatment hold in turn, in plan order, while a hold can grow and the
 * session has room. A hold in a danger zone keeps its length: spare time
 * is not spent pressing over a nerve or a vessel. The sites and their
 * order stay as chosen; the holds start at their midpoints
 * (hold_seconds()), so every hold still lies in the range the sources
 * give. Returns the new total. */
static uint32_t lengthen_holds(const screen *sc, mfr_plan_step *steps, uint32_t count,
			       uint32_t total, uint32_t budget)
{
	int grew = 1;

	while (grew && total + HOLD_STEP_SECONDS <= budget) {
		grew = 0;
		for (uint32_t i = 0; i < count && total + HOLD_STEP_SECONDS <= budget; i++) {
			mfr_plan_step *s = &steps[i];
			uint32_t lo, hi;

			if (s->phase != MFR_PHASE_TREATMENT || !s->technique->has_hold ||
			    s->zone || !hold_range(sc, s->technique, &lo, &hi) ||
			    s->seconds + HOLD_STEP_SECONDS > hi)
				continue;
			s->seconds += HOLD_STEP_SECONDS;
			total += HOLD_STEP_SECONDS;
			grew = 1;
		}
	}
	return total;
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

/* Give @p s the first position, in group order, of its own and @p allowed;
 * 0 when it has none there. Side-lying, the client lies on the side away
 * from the site. */
static int take_position(mfr_plan_step *s, uint32_t allowed)
{
	int pos = first_position(s->positions & allowed);

	if (!pos)
		return 0;
	s->position = (uint8_t)pos;
	s->lying = (uint8_t)(pos == MFR_POSITION_SIDE_LYING ? lying_side_for(s->side) : 0);
	return 1;
}

/* The opening is done where the first group lies, when it can be. */
static void open_with_first_group(mfr_plan_step *open, const mfr_plan_step *treat, uint32_t n)
{
	if (n)
		take_position(open, (uint32_t)first_group_position(treat, n));
}

/* The position take_position() gives @p s within @p set (its own where
 * it has none there). */
static int position_within(const mfr_plan_step *s, uint32_t set)
{
	int pos = first_position(s->positions & set);

	return pos ? pos : s->position;
}

/* Whether sets @p a and @p b of positions give every step, and the
 * closing block, the same position: then they give the same arrangement,
 * and arrange_fewest_turns() need not arrange the second. */
static int same_positions(const mfr_plan_step *treat, uint32_t n, const mfr_plan_step *close,
			  uint32_t a, uint32_t b)
{
	for (uint32_t i = 0; i < n; i++)
		if (first_position(treat[i].positions & a) != first_position(treat[i].positions & b))
			return 0;
	if (!close)
		return 1;
	int ca = (uint32_t)close->position & a ? close->position : position_within(close, a);
	int cb = (uint32_t)close->position & b ? close->position : position_within(close, b);
	return ca == cb;
}

/* arrange() with the positions that turn the client least: every set of
 * positions the steps can all be done in is tried (each step in the first
 * of them, in group order, that it allows), and the one with the fewest
 * changes of position wins; on a tie, the steps' own first positions
 * (tried first) stand. Each step keeps to the positions its site, its
 * technique and the precautions allow (the mask rules_for() and
 * positions_for() gave it). @p out has room for two arrangements (2 * (n +
 * 2) steps); the other arguments are arrange()'s. */
static uint32_t arrange_fewest_turns(mfr_plan_step *treat, uint32_t n, const mfr_plan_step *open,
				     const mfr_plan_step *close, uint32_t reposition, int lying,
				     mfr_plan_step *out, uint32_t *count, uint32_t *changes)
{
	mfr_plan_step o, c, *best = NULL;
	uint32_t best_total = 0, best_changes = UINT32_MAX, best_count = 0;
	uint32_t all = 0, tried[1u << N_POSITIONS], ntried = 0;

	for (int i = 0; i < N_POSITIONS; i++)
		all |= (uint32_t)position_order[i];
	/* Every set of positions, the whole set first: each step in its own
	 * first position. A set that places everything as one tried before
	 * gives its arrangement again (no fewer changes): skipped. */
	for (uint32_t set = all; set; set = (set - 1) & all) {
		int fits = 1, seen = 0;

		for (uint32_t i = 0; i < n && fits; i++)
			fits = take_position(&treat[i], set);
		if (!fits)
			continue;
		for (uint32_t k = 0; k < ntried && !seen; k++)
			seen = same_positions(treat, n, close, tried[k], set);
		if (seen)
			continue;
		tried[ntried++] = set;
		if (open) {
			o = *open;
			open_with_first_group(&o, treat, n);
		}
		if (close) {
			c = *close;
			if (!((uint32_t)c.position & set))
				take_position(&c, set); /* else where it was */
		}
		uint32_t k, ch;
		uint32_t total = arrange(treat, n, open ? &o : NULL, close ? &c : NULL,
					 reposition, lying, out + (best == out ? n + 2 : 0), &k, &ch);

		if (ch < best_changes) {
			best = out + (best == out ? n + 2 : 0);
			best_changes = ch;
			best_total = total;
			best_count = k;
		}
	}
	if (!best) /* a step without a position: as the steps stand */
		return arrange(treat, n, open, close, reposition, lying, out, count, changes);
	if (best != out)
		memmove(out, best, best_count * sizeof(*out));
	*count = best_count;
	*changes = best_changes;
	return best_total;
}

/* Whether an earlier step of the plan (before @p s) works the same site in
 * the same zone: its warning is said once. */
static int zone_said(const mfr_plan *p, const mfr_plan_step *s)
{
	for (const mfr_plan_step *e = p->steps; e < s; e++)
		if (e->zone == s->zone && e->region == s->region && e->side == s->side)
			return 1;
	return 0;
}

/* What the therapist must know of a kept step: that it lies in a danger
 * zone and obeys it, or that it is internal work under the declared scope. */
static mfr_status_t step_warnings(mfr_plan *p, const mfr_plan_step *s)
{
	if (s->zone && !zone_said(p, s)) {
		const mfr_danger_zone *z = s->zone;
		char techniques[400];

		list_techniques(techniques, sizeof(techniques), z->excluded_techniques,
				z->excluded_technique_count);
		if (!warn_msg(p, MFR_WARNING_DANGER_ZONE,
			      (about){ "danger_zone", MFR_KIND_DANGER_ZONE, z->key, s->region,
				       s->side },
			      MSG(*techniques ? "warning.danger_zone.techniques"
				  : "warning.danger_zone", MFR__M("site", site_msg(p, s->region,
										 s->side)),
				  MFR__S("zone", z->name), MFR__S("effect", z->effect),
				  MFR__S("pressure", mfr_pressure_name(z->pressure_ceiling)),
				  MFR__A("techniques", techniques))))
			return MFR_E_NOMEM;
	}
	if (s->flags & MFR_STEP_INTERNAL) {
		const char *access = mfr__name_of(&mfr__access_names, s->region->reach);

		if (!warn_msg(p, MFR_WARNING_SCOPE, (about){ "internal_work", 0, access,
							     s->region, s->side },
			      MSG(s->region->reach == MFR_ACCESS_INTRA_ORAL
				  ? "warning.internal_work.intra_oral"
				  : "warning.internal_work.intra_pelvic",
				  MFR__M("site", site_msg(p, s->region, s->side)))))
			return MFR_E_NOMEM;
	}
	/* A plane reached only internally, held from outside (the pelvic
	 * diaphragm: reference.md, transverse-plane releases, "sacrum +
	 * suprapubic"): say where the hands go and where they do not
	 * (fifth therapist review: "pelvic floor and perineum" read as
	 * perineal work without consent). */
	if (!(s->flags & MFR_STEP_INTERNAL) && s->region->reach == MFR_ACCESS_INTRA_PELVIC &&
	    s->technique->family == MFR_FAMILY_TRANSVERSE_PLANE &&
	    !warn_msg(p, MFR_WARNING_SCOPE, (about){ "external_plane", 0, "intra_pelvic",
						     s->region, s->side },
		      MSG("warning.external_plane", MFR__M("site", site_msg(p, s->region,
									     s->side)))))
		return MFR_E_NOMEM;
	return MFR_OK;
}

/* The first line step of @p s's strongest path, for the body chart. */
static void note_line(const mfr_plan *p, mfr_plan_step *s)
{
	const mfr_trace_path *path = s->result->path_count ? &s->result->paths[0] : NULL;

	for (uint32_t k = 0; path && k < path->step_count; k++) {
		const mfr_trace_path_step *ps = &path->steps[k];

		if (ps->edge->relation == MFR_RELATION_LINE && ps->edge->ref < p->model->line_count) {
			s->line = &p->model->lines[ps->edge->ref];
			s->line_region = mfr__site_region(p->model, ps->to);
			s->line_side = (uint8_t)mfr__site_side(p->model, ps->to);
			return;
		}
	}
}

/* The sentence that says why each kept step is there: a treatment step
 * points back to its trace result. */
static mfr_status_t add_rationales(mfr_plan *p)
{
	for (uint32_t i = 0; i < p->step_count; i++) {
		mfr_plan_step *s = &p->steps[i];
		char text[1200];
		const mfr_message *m;
		const char *why = NULL;
		mfr_text t;

		if (s->phase == MFR_PHASE_TREATMENT && s->site_work) {
			m = MSG("rationale.site_work", MFR__S("condition", s->site_work->name),
				MFR__S("technique", s->technique->name),
				MFR__M("site", site_msg(p, s->region, s->side)));
		} else if (s->phase == MFR_PHASE_TREATMENT) {
			why = mfr__result_explain(s->result);
			if (!why)
				return MFR_E_NOMEM;
			const mfr_message *reserve = &mfr__msg_empty, *named = reserve;

			if (s->symptom < p->intake->symptom_count &&
			    s->symptom != s->result->paths[0].symptom) {
				const mfr_intake_symptom *sy = &p->intake->symptoms[s->symptom];

				reserve = MSG("rationale.planned_for",
					      MFR__M("site", site_msg(p, sy->region, sy->side)));
			}
			if (s->named_by)
				named = MSG("rationale.named_by",
					    MFR__S("technique", s->technique->name),
					    MFR__S("condition", s->named_by->name));
			m = MSG("rationale.trace", MFR__N("rank", s->trace_rank),
				MFR__S("distance", mfr_distance_name(s->result->distance)),
				MFR__M("explanation", mfr__explain_msg(&p->arena, s->result)),
				MFR__M("planned_for", reserve), MFR__M("named_by", named));
			note_line(p, s);
			s->result = NULL; /* the trace is freed with the planning */
		} else if (s->phase == MFR_PHASE_ASSESSMENT)
			m = MSG(s->side == MFR_SIDE_MIDLINE &&
				s->region->laterality == MFR_LATERALITY_BILATERAL
				? "rationale.opening_both_sides" : "rationale.opening",
				MFR__M("site", site_msg(p, s->region, s->side)),
				MFR__S("technique", s->technique->name));
		else
			m = MSG("rationale.closing", MFR__S("technique", s->technique->name),
				MFR__M("site", site_msg(p, s->region, s->side)));
		if (!m)
			return MFR_E_NOMEM;
		mfr__text_init(&t, text, sizeof(text));
		if (s->phase == MFR_PHASE_TREATMENT && !s->site_work) {
			/* In English, the trace's own explanation: the same text,
			 * cut where the trace cuts it. */
			mfr__msg_arg args[8];
			mfr_message english = { m->code, m->argc, args };

			memcpy(args, m->args, m->argc * sizeof(*args));
			for (uint32_t k = 0; k < m->argc; k++)
				if (strcmp(args[k].name, "explanation") == 0)
					args[k] = (mfr__msg_arg){ "explanation", why, NULL };
			mfr__msg_text(&t, NULL, &english);
		} else {
			mfr__msg_text(&t, NULL, m);
		}
		s->rationale_msg = m;
		s->rationale = mfr__arena_strdup(&p->arena, text);
		if (!s->rationale)
			return MFR_E_NOMEM;
		TRY_ST(step_warnings(p, s));
	}
	return MFR_OK;
}

/* Whether a warning says why a traced site was left out. */
/* Whether an open question held back a traced site (its answer may free
 * the work). */
static int has_question_skip(const mfr_plan *p)
{
	for (uint32_t i = 0; i < p->warning_count; i++)
		if (strcmp(p->warnings[i].code, "unscreened_site") == 0)
			return 1;
	return 0;
}

static int has_skip_warning(const mfr_plan *p)
{
	for (uint32_t i = 0; i < p->warning_count; i++) {
		int k = p->warnings[i].kind;

		if (k == MFR_WARNING_SITE_EXCLUDED || k == MFR_WARNING_UNREACHABLE ||
		    k == MFR_WARNING_TIME || k == MFR_WARNING_SCOPE)
			return 1;
	}
	return 0;
}

/* A site scoring under this share of the best site's score is not worked
 * for its rank alone (eighth therapist review: the patellar tendon, the
 * scalp fascia and the calves in low-back plans, the lower trapezius in a
 * jaw plan, reached at under half the best site's score and planned to fill
 * the time). libmfr's threshold, not a sourced figure; the time left is the
 * holds' or the therapist's (doc/algorithm.md, plan section 4). */
#define MFR_PLAN_SITE_FLOOR 0.5

/* How many trace results a plan under @p stage considers: max_sites, and
 * four times as many for a stage that works only sites near the symptoms
 * (a program's gentle first sessions), since most of the best-ranked sites
 * are distant. */
static uint32_t trace_depth(const mfr_plan_options *o, const mfr_stage *stage)
{
	return stage->max_distance < MFR_DISTANCE_DISTANT ? o->max_sites * 4 : o->max_sites;
}

/* How deep a plan traces: trace_depth(), and four times max_sites in any
 * case, where a symptom that none of the first results serves finds its
 * own best site (symptom_reserve()). */
static uint32_t trace_reach(const mfr_plan_options *o, const mfr_stage *stage)
{
	uint32_t d = trace_depth(o, stage);

	return d > o->max_sites * 4 ? d : o->max_sites * 4;
}

mfr_status_t mfr__plan_trace(const mfr_intake *in, const mfr_plan_options *o,
			     const mfr_stage *stage, mfr_trace **out)
{
	mfr_trace_options topts = { trace_reach(o, stage), 6, MFR_EVIDENCE_NOT_ASSESSED,
				    MFR_RELATION_ALL, NULL, 0 };

	return mfr_trace_run(in, &topts, out, NULL);
}

/* The number of @p t's results a plan looks at. */
static uint32_t planned_results(const mfr_trace *t, const mfr_plan_options *o,
				const mfr_stage *stage)
{
	return t->count < trace_depth(o, stage) ? t->count : trace_depth(o, stage);
}

/* The rank of the result beyond the first @p from of @p t that serves
 * symptom @p sy best (the strongest of its paths from that symptom), not
 * yet tried (@p tried), or UINT32_MAX. */
static uint32_t best_for_symptom(const mfr_trace *t, uint32_t from, uint32_t sy,
				 const uint8_t *tried)
{
	uint32_t best = UINT32_MAX;
	double best_score = 0;

	for (uint32_t i = from; i < t->count; i++) {
		if (tried[i - from])
			continue;
		for (uint32_t k = 0; k < t->results[i].path_count; k++)
			if (t->results[i].paths[k].symptom == sy &&
			    t->results[i].paths[k].score > best_score) {
				best = i;
				best_score = t->results[i].paths[k].score;
			}
	}
	return best;
}

/* A symptom that no candidate serves (its sites rank below those that
 * several symptoms reach) gets the best of the deeper results for it, so
 * that every symptom has a step before any has a second, when time allows
 * (sixth therapist review: both front shoulders, 3/10, got nothing in an
 * hour of upper back and neck work). Up to three tries a symptom. */
static mfr_status_t symptom_reserve(mfr_plan *p, const screen *sc, const mfr_plan_options *o,
				    const mfr_stage *stage, const mfr_trace *t, uint32_t from,
				    uint32_t *used, candidate *cand, uint32_t *ncand)
{
	const mfr_intake *in = p->intake;
	mfr_status_t st = MFR_OK;
	uint8_t *tried;

	if (t->count <= from)
		return MFR_OK;
	tried = mfr__calloc(t->count - from, 1);
	if (!tried)
		return MFR_E_NOMEM;
	for (uint32_t sy = 0; st == MFR_OK && sy < in->symptom_count; sy++) {
		int served = 0;

		/* Served: a candidate's strongest path starts at it (the site
		 * work at it counts too), or a candidate serves it directly
		 * (seventh therapist review: the intercostals reserved for a
		 * forehead the sternocleidomastoid already served). */
		for (uint32_t c = 0; c < *ncand && !served; c++)
			served = cand[c].step.symptom == sy ||
				 serves_directly(cand[c].step.result, sy);
		for (int attempt = 0; !served && attempt < 3 && st == MFR_OK; attempt++) {
			uint32_t r = best_for_symptom(t, from, sy, tried);

			if (r == UINT32_MAX)
				break;
			tried[r - from] = 1;
			if (!in_stage(stage, &t->results[r]))
				continue;
			if (make_candidate(p, sc, o, stage, &t->results[r], r, used,
					   &cand[*ncand], &st)) {
				cand[*ncand].step.symptom = sy;
				(*ncand)++;
				served = 1;
			}
		}
	}
	mfr__free(tried);
	return st;
}

/* The steps of the plan, from the first planned_results() of @p t. */
static mfr_status_t plan_steps(mfr_plan *p, const mfr_plan_options *o, const screen *sc,
			     const mfr_stage *stage, const mfr_trace *t)
{
	const mfr_intake *in = p->intake;
	mfr_status_t st = MFR_OK;
	candidate *cand = NULL;
	mfr_plan_step *work = NULL;
	uint32_t ncand = 0;
	uint32_t nres = planned_results(t, o, stage);
	/* Room for a step per trace result, per technique at a symptom site
	 * and per symptom (symptom_reserve()). */
	size_t room = (size_t)nres + (MFR_PLAN_SITE_TECHNIQUES_MAX + 1) *
					 (size_t)in->symptom_count;

	cand = mfr__malloc((room ? room : 1) * sizeof(*cand));
	work = mfr__arena_alloc(&p->arena, (room + 2) * sizeof(*work));
	/* Two arrangements side by side (arrange_fewest_turns()). */
	mfr_plan_step *trial = mfr__malloc(2 * (room + 2) * sizeof(*trial));
	mfr_plan_step *treat = mfr__malloc((room ? room : 1) * sizeof(*treat));
	uint32_t *used = mfr__calloc(in->model->technique_count + 1, sizeof(*used));
	if (!cand || !work || !trial || !treat || !used)
		st = MFR_E_NOMEM;
	/* Work at the symptom sites a condition names comes first, then the
	 * traced sites in rank order. */
	for (uint32_t i = 0; st == MFR_OK && i < in->symptom_count; i++)
		ncand += site_candidates(p, sc, stage, o, i, &cand[ncand]);
	uint32_t staged_out = 0; /* results beyond the stage's distance */
	uint32_t head = 0;       /* candidates that give each symptom its first */

	for (uint32_t i = 0; st == MFR_OK && i < nres; i++) {
		staged_out += !in_stage(stage, &t->results[i]);
		/* The rank-order pass stops at the first site whose score is
		 * under MFR_PLAN_SITE_FLOOR of the best one: its evidence is
		 * too thin to spend session time on (a symptom that nothing
		 * above it serves still gets its own, symptom_reserve()). */
		if (t->results[i].score < MFR_PLAN_SITE_FLOOR * t->results[0].score) {
			nres = i; /* the reserve looks from here on */
			break;
		}
		if (make_candidate(p, sc, o, stage, &t->results[i], i, used, &cand[ncand], &st))
			ncand++;
	}
	if (st == MFR_OK)
		st = symptom_reserve(p, sc, o, stage, t, nres, used, cand, &ncand);
	planes_whole(in, cand, ncand);
	ncand = merge_same_work(cand, ncand);
	if (st == MFR_OK)
		st = symptoms_first(in, cand, ncand, &head);
	ncand = drop_unmirrored(in, t, nres, cand, ncand, head);
	pair_mirrors(in, cand, ncand, head);
	set_travel(in, cand, ncand);

	/* The blocks open and close in the positions of the first and last
	 * groups where they can. */
	mfr_plan_step open, close;
	int have_open = 0, have_close = 0;
	uint32_t best_n = 0, best_total = 0, best_count = 0, best_changes = 0;
	uint32_t budget = p->session_seconds;

	if (st == MFR_OK) {
		int first_pos = ncand ? cand[0].step.position : MFR_POSITION_PRONE;
		have_open = opening_step(p, sc, o, first_pos, &open);
		have_close = closing_step(p, sc, o, MFR_POSITION_SUPINE, &close);
	}
	/* The longest run of candidates, in rank order, that fits and keeps
	 * pairs whole. */
	for (uint32_t n = 0; st == MFR_OK && n <= ncand; n++) {
		uint32_t count, changes, total;

		if (splits_pair(cand, n, ncand, head))
			continue;
		for (uint32_t i = 0; i < n; i++)
			treat[i] = cand[i].step;
		total = arrange_fewest_turns(treat, n, have_open ? &open : NULL,
					     have_close ? &close : NULL, o->reposition_seconds,
					     may_lie_on(sc, MFR_SIDE_LEFT) ? MFR_SIDE_LEFT
									   : MFR_SIDE_RIGHT,
					     trial, &count, &changes);
		if (total > budget)
			break;
		best_n = n;
		best_total = total;
		best_count = count;
		best_changes = changes;
		memcpy(work, trial, count * sizeof(*work));
	}
	if (st == MFR_OK && best_n)
		best_total = lengthen_holds(sc, work, best_count, best_total, budget);
	if (st == MFR_OK && best_n < ncand &&
	    !warn_msg(p, MFR_WARNING_TIME, ABOUT_SITE("time", NULL, 0),
		      MSG(ncand - best_n == 1 ? "warning.time.one" : "warning.time",
			  MFR__N("count", ncand - best_n),
			  MFR__N("minutes", p->session_seconds / 60))))
		st = MFR_E_NOMEM;
	if (st == MFR_OK && best_n)
		st = time_warnings(p, work, best_count, best_total, staged_out);
	if (st == MFR_OK && best_n == 0 &&
	    !warn_msg(p, MFR_WARNING_NO_SITES, ABOUT_SITE("no_sites", NULL, 0),
		      MSG0(has_question_skip(p)
			   ? "warning.no_sites.open_questions"
			   : has_skip_warning(p) ? "warning.no_sites.skipped"
			   : nres == 0 ? "warning.no_sites.none_traced"
			   : "warning.no_sites.none_near")))
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
	mfr__free(used);
	return st;
}

/* ---- the plan ---- */

/* The model's aftercare for this client: the items for everyone, and those
 * given for a precaution the intake records; without a session (refer out,
 * or nothing planned), only the red flags. */
static mfr_status_t choose_aftercare(mfr_plan *p, int no_session)
{
	const mfr_model *m = p->model;
	const mfr_intake *in = p->intake;

	if (!m->aftercare_count)
		return MFR_OK;
	p->aftercare = mfr__arena_alloc(&p->arena, m->aftercare_count * sizeof(*p->aftercare));
	if (!p->aftercare)
		return MFR_E_NOMEM;
	for (uint32_t i = 0; i < m->aftercare_count; i++) {
		const mfr_aftercare *a = &m->aftercare[i];
		int wanted = a->when_count == 0;

		if (no_session && a->kind != MFR_AFTERCARE_RED_FLAG)
			continue;
		for (uint32_t k = 0; !wanted && k < a->when_count; k++)
			for (uint32_t j = 0; !wanted && j < in->precaution_count; j++)
				wanted = in->precautions[j].precaution == a->when[k] &&
					 !in->precautions[j].assumed_for;
		if (wanted)
			p->aftercare[p->aftercare_count++] = a;
	}
	return MFR_OK;
}

static int is_sensitive(const mfr_intake *in);

static mfr_status_t acute_warnings(mfr_plan *p, int later_session)
{
	const mfr_intake *in = p->intake;

	/* A program's later sessions plan from the first intake: say that the
	 * client counts as sensitive until the symptoms are recorded anew. */
	if (is_sensitive(in) &&
	    !warn_msg(p, MFR_WARNING_DOSE, ABOUT_SITE("sensitive", NULL, 0),
		      MSG0(later_session ? "warning.sensitive.later_session"
			   : "warning.sensitive")))
		return MFR_E_NOMEM;

	for (uint32_t i = 0; i < in->symptom_count; i++) {
		const mfr_intake_symptom *sy = &in->symptoms[i];
		if (sy->onset != MFR_ONSET_ACUTE)
			continue;
		if (!warn_msg(p, MFR_WARNING_ACUTE, ABOUT_SITE("acute", sy->region, sy->side),
			      MSG("warning.acute", MFR__M("site", site_msg(p, sy->region,
									   sy->side)))))
			return MFR_E_NOMEM;
	}
	return MFR_OK;
}

/* Whether an open question keeps a symptom's own site out: the site lies
 * within a region an assumed precaution avoids (the scar on the lower
 * abdomen before pregnancy is asked; not the back of the neck, which only
 * holds the suboccipitals): the plan then works around the complaint, not
 * on it (fifth therapist review). */
static int symptom_held_back(const mfr_intake *eff)
{
	for (uint32_t i = 0; i < eff->symptom_count; i++)
		for (uint32_t k = 0; k < eff->precaution_count; k++)
			if (eff->precautions[k].assumed_for &&
			    avoids(eff->precautions[k].precaution, eff->symptoms[i].region, 0, 0))
				return 1;
	return 0;
}

/* Whether an assumed precaution kept out a traced site that ranks above
 * a step the plan works. */
static int kept_out_above_work(const mfr_plan *p)
{
	for (uint32_t i = 0; p->assumed_exclusion_rank && i < p->step_count; i++)
		if (p->steps[i].trace_rank > p->assumed_exclusion_rank)
			return 1;
	return 0;
}

/* One plan for @p in from @p trace, with the @p nasked questions of
 * @p asked asked for their sites. */
static mfr_status_t build_once(const mfr_intake *in, const mfr_plan_options *opts,
			       const mfr_stage *stage, const mfr_trace *trace,
			       site_question *asked, uint32_t nasked, mfr_plan **out)
{
	mfr_plan *p = mfr__calloc(1, sizeof(*p));
	screen sc = { 0 };
	mfr_intake eff;
	mfr_status_t st;

	if (!p)
		return MFR_E_NOMEM;
	p->model = in->model;
	mfr__model_hold(p->model);
	p->arena.block_size = 4096; /* a plan is small: keep its heap so */
	p->session_seconds = in->minutes * 60;
	sc.later_session = stage->later_session;
	sc.site_questions = asked;
	sc.site_question_count = nasked;
	st = assume_open_questions(p, &sc, in, &eff);
	p->intake = &eff;
	if (st == MFR_OK)
		st = screen_intake(p, &sc);
	if (st == MFR_OK)
		st = acute_warnings(p, stage->later_session);
	if (st == MFR_OK && sc.refer_out)
		keep_refer_out_warnings(p);
	if (st == MFR_OK) {
		/* A dose that allows only indirect work, or no progression, holds
		 * every session of a program to the gentle stage's approach. */
		mfr_stage dosed = *stage;

		if (sc.indirect_only || sc.no_progression) {
			dosed.indirect_only = 1;
			dosed.prefer_direct = 0;
		}
		p->status = sc.refer_out ? MFR_PLAN_REFER_OUT
			  : sc.needs_clearance ? MFR_PLAN_NEEDS_CLEARANCE : MFR_PLAN_OK;
		if (!sc.refer_out && !sc.no_steps)
			st = plan_steps(p, opts, &sc, &dosed, trace);
		if (st == MFR_OK && p->step_count)
			st = preference_warnings(p, opts);
		/* Nothing to plan, the complaint itself held back, or a site
		 * kept out that ranks above work the plan does, while questions
		 * are open: their answers may free the work (or say why it
		 * stays out). A plan that works around promising sites an
		 * unanswered question keeps out is not "ok" (eighth therapist
		 * review: the suboccipitals and the sternocleidomastoid of a
		 * tension headache left out until the blood-pressure question
		 * is answered, and the status said ok). */
		if (p->status == MFR_PLAN_OK && sc.open_questions &&
		    (!p->step_count || symptom_held_back(&eff) || sc.ask_first ||
		     kept_out_above_work(p)))
			p->status = MFR_PLAN_NEEDS_ANSWERS;
	}
	if (st == MFR_OK)
		st = choose_aftercare(p, p->step_count == 0);
	if (st == MFR_OK)
		st = mfr__audit_take(&p->arena, in, &p->audit);
	p->intake = NULL; /* eff lives while planning only */
	if (st != MFR_OK) {
		mfr_plan_free(p);
		return st;
	}
	*out = p;
	return MFR_OK;
}

/* The plan: built, then built again while it would work a site an open
 * question guards (ask_for_sites()), that question then asked; the
 * questions only grow, so this ends within one build per question. */
mfr_status_t mfr__plan_build(const mfr_intake *in, const mfr_plan_options *opts,
			   const mfr_stage *stage, const mfr_trace *trace, mfr_plan **out)
{
	const mfr_model *m = in->model;
	site_question *asked = mfr__malloc((m->screening_count ? m->screening_count : 1) *
					   sizeof(*asked));
	mfr_trace *own = NULL;
	mfr_plan *p = NULL;
	uint32_t nasked = 0;
	mfr_status_t st = asked ? MFR_OK : MFR_E_NOMEM;

	if (st == MFR_OK && !trace) {
		st = mfr__plan_trace(in, opts, stage, &own);
		trace = own;
	}
	while (st == MFR_OK) {
		st = build_once(in, opts, stage, trace, asked, nasked, &p);
		if (st != MFR_OK || !ask_for_sites(p, in, trace, asked, &nasked))
			break;
		mfr_plan_free(p);
		p = NULL;
	}
	mfr__free(asked);
	mfr_trace_free(own);
	if (st == MFR_OK)
		*out = p;
	return st;
}

/* mfr_plan_run() and mfr_plan_run_from_trace(): @p trace NULL for a trace
 * of the plan's own; @p fn names the function in errors. */
static mfr_status_t plan_run(const char *fn, const mfr_trace *trace, const mfr_intake *intake,
			     const mfr_plan_options *opts, mfr_plan **out, mfr_error **err)
{
	mfr_plan_options defaults;
	mfr_status_t st;

	if (!intake->symptom_count)
		return mfr__error_set(err, MFR_E_MISSING, NULL, MFR__NO_SYMPTOMS("%s"), fn);
	if (!opts) {
		mfr__plan_options_defaults(&defaults);
		opts = &defaults;
	}
	st = mfr__plan_options_check(intake->model, opts, err);
	if (st != MFR_OK)
		return st;
	st = mfr__plan_build(intake, opts, &mfr__single_session, trace, out);
	if (st == MFR_E_NOMEM)
		return mfr__error_nomem(err);
	return st;
}

MFR_EXPORT mfr_status_t mfr_plan_run(const mfr_intake *intake, const mfr_plan_options *opts,
				   mfr_plan **out, mfr_error **err)
{
	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!intake || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_plan_run: intake and out must not be NULL");
	return plan_run("mfr_plan_run", NULL, intake, opts, out, err);
}

/* Whether @p t was traced from the symptoms @p in records now. */
static int traced_from(const mfr_trace *t, const mfr_intake *in)
{
	if (t->model != in->model || t->symptom_count != in->symptom_count)
		return 0;
	for (uint32_t i = 0; i < in->symptom_count; i++) {
		const mfr_intake_symptom *a = &t->symptoms[i], *b = &in->symptoms[i];

		if (a->region != b->region || a->side != b->side ||
		    a->intensity != b->intensity || a->onset != b->onset)
			return 0;
	}
	return 1;
}

MFR_EXPORT mfr_status_t mfr_plan_run_from_trace(const mfr_trace *trace,
					      const mfr_intake *intake,
					      const mfr_plan_options *opts, mfr_plan **out,
					      mfr_error **err)
{
	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!trace || !intake || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL, "mfr_plan_run_from_trace: "
				      "trace, intake and out must not be NULL");
	if (!traced_from(trace, intake))
		return mfr__error_set(err, MFR_E_INVALID, NULL, "mfr_plan_run_from_trace: "
				      "the trace was not made from this intake's symptoms (or "
				      "they changed since): trace the intake again, or plan "
				      "with mfr_plan_run()");
	return plan_run("mfr_plan_run_from_trace", trace, intake, opts, out, err);
}

MFR_EXPORT void mfr_plan_free(mfr_plan *p)
{
	if (!p)
		return;
	mfr__arena_release(&p->arena);
	mfr__model_release(p->model);
	mfr__free(p);
}

/* ---- getters ---- */

MFR_GETTER(mfr_plan_status_t, mfr_plan_status, mfr_plan, status, 0)
MFR_GETTER(uint32_t, mfr_plan_session_seconds, mfr_plan, session_seconds, 0)
MFR_GETTER(uint32_t, mfr_plan_total_seconds, mfr_plan, total_seconds, 0)
MFR_GETTER(uint32_t, mfr_plan_position_changes, mfr_plan, position_changes, 0)
MFR_GETTER(mfr_pressure_t, mfr_plan_pressure_ceiling, mfr_plan, ceiling, 0)
MFR_HANDLE_LIST(mfr_plan_step, mfr_plan, steps, step_count)
MFR_GETTER(mfr_phase_t, mfr_plan_step_phase, mfr_plan_step, phase, 0)
MFR_GETTER(const mfr_region *, mfr_plan_step_region, mfr_plan_step, region, NULL)
MFR_GETTER(mfr_side_t, mfr_plan_step_side, mfr_plan_step, side, 0)
MFR_GETTER(const mfr_technique *, mfr_plan_step_technique, mfr_plan_step, technique, NULL)
MFR_GETTER(mfr_approach_t, mfr_plan_step_approach, mfr_plan_step, approach, 0)
MFR_GETTER(mfr_pressure_t, mfr_plan_step_pressure, mfr_plan_step, pressure, 0)
MFR_GETTER(mfr_position_t, mfr_plan_step_position, mfr_plan_step, position, 0)
MFR_GETTER(mfr_side_t, mfr_plan_step_lying_side, mfr_plan_step, lying, 0)
MFR_GETTER(uint32_t, mfr_plan_step_seconds, mfr_plan_step, seconds, 0)
MFR_GETTER(uint32_t, mfr_plan_step_trace_rank, mfr_plan_step, trace_rank, 0)
MFR_GETTER(const char *, mfr_plan_step_rationale, mfr_plan_step, rationale, NULL)
MFR_GETTER(const mfr_message *, mfr_plan_step_rationale_message, mfr_plan_step, rationale_msg,
	   NULL)
MFR_GETTER(uint32_t, mfr_plan_step_flags, mfr_plan_step, flags, 0)
MFR_GETTER(const mfr_danger_zone *, mfr_plan_step_danger_zone, mfr_plan_step, zone, NULL)

MFR_HANDLE_LIST(mfr_plan_warning, mfr_plan, warnings, warning_count)
MFR_GETTER(mfr_warning_kind_t, mfr_plan_warning_kind, mfr_plan_warning, kind, 0)
MFR_GETTER(const char *, mfr_plan_warning_text, mfr_plan_warning, text, NULL)
MFR_GETTER(const char *, mfr_plan_warning_code, mfr_plan_warning, code, NULL)
MFR_GETTER(const mfr_message *, mfr_plan_warning_message, mfr_plan_warning, msg, NULL)
MFR_GETTER(mfr_kind_t, mfr_plan_warning_subject_kind, mfr_plan_warning, subject_kind, 0)
MFR_GETTER(const char *, mfr_plan_warning_subject_key, mfr_plan_warning, subject, NULL)
MFR_GETTER(const mfr_region *, mfr_plan_warning_region, mfr_plan_warning, region, NULL)
MFR_GETTER(mfr_side_t, mfr_plan_warning_side, mfr_plan_warning, side, 0)
MFR_GETTER(uint32_t, mfr_plan_warning_trace_rank, mfr_plan_warning, trace_rank, 0)

MFR_LIST_GETTER(mfr_plan_aftercare, mfr_plan, const mfr_aftercare *, aftercare,
		aftercare_count)

MFR_EXPORT const char *mfr_plan_status_name(mfr_plan_status_t status)
{
	switch (status) {
	case MFR_PLAN_OK: return "ok";
	case MFR_PLAN_NEEDS_CLEARANCE: return "needs_clearance";
	case MFR_PLAN_REFER_OUT: return "refer_out";
	case MFR_PLAN_NEEDS_ANSWERS: return "needs_answers";
	default: return NULL; /* not a value, or __MAX */
	}
}

MFR_EXPORT const char *mfr_phase_name(mfr_phase_t phase)
{
	switch (phase) {
	case MFR_PHASE_ASSESSMENT: return "assessment";
	case MFR_PHASE_TREATMENT: return "treatment";
	case MFR_PHASE_INTEGRATION: return "integration";
	default: return NULL; /* not a value, or __MAX */
	}
}

MFR_EXPORT const char *mfr_warning_kind_name(mfr_warning_kind_t kind)
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
	case MFR_WARNING_SCOPE: return "scope";
	case MFR_WARNING_DANGER_ZONE: return "danger_zone";
	case MFR_WARNING_POSITION: return "position";
	case MFR_WARNING_DOSE: return "dose";
	case MFR_WARNING_UNSCREENED: return "unscreened";
	default: return NULL; /* not a value, or __MAX */
	}
}
