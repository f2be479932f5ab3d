/*
 * libmfr tests: the safety invariants of plans, as properties over many
 * generated intakes (seeded, reproducible).
 * SPDX-License-Identifier: MIT
 *
 * Every rule shared/DESIGN.md says no plan may break is re-checked here by
 * code written against the public API only, independently of the planner:
 *   - no step on (or, where the precaution says so, beside) a site a local
 *     precaution excludes, nor in a region a precaution avoids;
 *   - no technique above the lowest pressure ceiling, none a precaution
 *     excludes, and every step's pressure within its technique's range;
 *   - an absolute contraindication gives "refer out" and no steps; a needed
 *     clearance the intake lacks gives "needs clearance";
 *   - total time (steps and position changes) within the session; every hold
 *     within its technique's range; every position one the client can take
 *     and the region and technique allow;
 *   - nothing on or beside the sites a site-scoped global precaution names
 *     (widened to the whole limb where it says so), even after clearance;
 *   - no step in a danger zone above its ceiling or with a technique it
 *     excludes;
 *   - no internal work (intra-oral, intra-pelvic) without that scope
 *     declared;
 *   - no position a precaution rules out (stage-aware: an unrecorded stage
 *     counts as the last);
 *   - no dose beyond what the intake's conditions and precautions allow:
 *     pressure, indirect work only, session length, hold range;
 *   - aftercare: every item for everyone, and exactly those for the
 *     precautions recorded;
 *   - a longer session never drops a treated site a shorter one kept;
 *   - the same intake gives the same plan, byte for byte.
 *
 * MFR_PROPERTY_COUNT sets how many intakes (default 100000); MFR_PROPERTY_SEED
 * the first seed (default 1). A failure names the seed: rerun it alone with
 * MFR_PROPERTY_SEED=<seed> MFR_PROPERTY_COUNT=1.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* xorshift64*: small, fast, and the same everywhere. */
static uint64_t rng_state;

static uint32_t rnd(uint32_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (uint32_t)((rng_state * 2685821657736338717ull) >> 33) % n;
}

static uint64_t env_u64(const char *name, uint64_t dflt)
{
	const char *v = getenv(name);
	return v && *v ? strtoull(v, NULL, 10) : dflt;
}

static mfr_model *model;
static const mfr_region **areas;
static uint32_t area_count;

static void setup(void)
{
	mfr_error *err = NULL;

	ck_assert_int_eq(mfr_model_default(&model, &err), MFR_OK);
	areas = calloc(mfr_model_count(model, MFR_KIND_REGION), sizeof(*areas));
	ck_assert_ptr_nonnull(areas);
	area_count = 0;
	for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_REGION); i++) {
		const mfr_region *r = mfr_model_region_at(model, i);
		if (mfr_region_kind(r) == MFR_REGION_AREA)
			areas[area_count++] = r;
	}
}

static void teardown(void)
{
	mfr_model_free(model);
	free(areas);
}

static int random_side(const mfr_region *r)
{
	if (mfr_region_laterality(r) == MFR_LATERALITY_MIDLINE)
		return MFR_SIDE_MIDLINE;
	return rnd(2) ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT;
}

/* A random intake: 1-3 symptoms, 0-2 conditions, 0-3 precautions (local
 * ones on a random area, often a symptom's), some clearances, a random
 * session length and set of positions. */
static mfr_intake *random_intake(void)
{
	mfr_intake *in = NULL;
	uint32_t nsym = 1 + rnd(3), npre = rnd(4), ncond = rnd(3);
	uint32_t nprec = mfr_model_count(model, MFR_KIND_PRECAUTION);
	uint32_t ncondk = mfr_model_count(model, MFR_KIND_CONDITION);
	const mfr_region *sym_region = NULL;
	int sym_side = 0;

	ck_assert_int_eq(mfr_intake_new(model, &in), MFR_OK);
	for (uint32_t i = 0; i < nsym; i++) {
		const mfr_region *r = areas[rnd(area_count)];
		int side = random_side(r);
		/* One draw per statement: the order of a call's arguments is the
		 * compiler's, and a seed must give the same intake with gcc and
		 * clang. */
		int32_t intensity = (int32_t)rnd(11);
		int onset = (int)rnd(3);

		/* Repeats are refused, which is fine: the intake stays valid. */
		if (mfr_intake_add_symptom(in, mfr_region_key(r), side, intensity, onset,
					   NULL) == MFR_OK && !sym_region) {
			sym_region = r;
			sym_side = side;
		}
	}
	for (uint32_t i = 0; i < ncond; i++)
		mfr_intake_add_condition(in, mfr_model_key_at(model, MFR_KIND_CONDITION,
							      rnd(ncondk)), NULL);
	for (uint32_t i = 0; i < npre; i++) {
		const mfr_precaution *p = mfr_model_precaution_at(model, rnd(nprec));

		if (mfr_precaution_site_scoped(p) && rnd(4)) {
			/* One or two affected sites, often a symptom's. */
			for (uint32_t k = 0, n = 1 + rnd(2); k < n; k++) {
				const mfr_region *r = sym_region && rnd(2) ? sym_region
						      : areas[rnd(area_count)];
				int side = r == sym_region ? sym_side : random_side(r);

				mfr_intake_add_precaution(in, mfr_precaution_key(p),
							  mfr_region_key(r), side, NULL);
			}
		} else if (mfr_precaution_scope(p) == MFR_SCOPE_GLOBAL) {
			mfr_intake_add_precaution(in, mfr_precaution_key(p), NULL, 0, NULL);
			if (mfr_precaution_stage_count(p) && rnd(3))
				mfr_intake_set_stage(in, mfr_precaution_key(p),
						     1 + rnd(mfr_precaution_stage_count(p)), NULL);
		} else if (sym_region && rnd(2)) {
			mfr_intake_add_precaution(in, mfr_precaution_key(p),
						  mfr_region_key(sym_region), sym_side, NULL);
		} else {
			const mfr_region *r = areas[rnd(area_count)];
			mfr_intake_add_precaution(in, mfr_precaution_key(p),
						  mfr_region_key(r), random_side(r), NULL);
		}
		if (rnd(3) == 0)
			mfr_intake_add_clearance(in, mfr_precaution_key(p), NULL);
	}
	if (rnd(8) == 0)
		mfr_intake_add_scope(in, rnd(2) ? MFR_ACCESS_INTRA_ORAL : MFR_ACCESS_INTRA_PELVIC,
				     NULL);
	if (rnd(8) == 0) {
		/* A screening answer, as a clinic UI would record it. */
		uint32_t nq = mfr_model_count(model, MFR_KIND_SCREENING);
		const mfr_screening *q = mfr_model_screening_at(model, rnd(nq));
		uint32_t a = rnd(mfr_screening_answer_count(q));
		const mfr_region *r = sym_region ? sym_region : areas[rnd(area_count)];

		if (mfr_screening_answer_needs_site(mfr_screening_answer_at(q, a)))
			mfr_intake_add_answer(in, mfr_screening_key(q),
					      mfr_screening_answer_key(mfr_screening_answer_at(q, a)), mfr_region_key(r),
					      r == sym_region ? sym_side : random_side(r), NULL);
		else
			mfr_intake_add_answer(in, mfr_screening_key(q),
					      mfr_screening_answer_key(mfr_screening_answer_at(q, a)), NULL, 0, NULL);
	}
	ck_assert_int_eq(mfr_intake_set_minutes(in, 10 + rnd(171), NULL), MFR_OK);
	uint32_t positions = rnd(4) == 0 ? 1u + rnd(MFR_POSITION_ALL) : MFR_POSITION_ALL;
	ck_assert_int_eq(mfr_intake_set_positions(in, positions, NULL), MFR_OK);
	return in;
}

/* ---- the independent checks ---- */

static int sides_meet(int a, int b)
{
	return a == b || a == MFR_SIDE_MIDLINE || b == MFR_SIDE_MIDLINE;
}

static int borders(const mfr_region *a, const mfr_region *b)
{
	for (uint32_t i = 0; i < mfr_region_adjacent_count(a); i++)
		if (mfr_region_adjacent_at(a, i) == b)
			return 1;
	return 0;
}

/* Whether @p r lies within, or holds, a region bordering @p q or anything
 * within @p q. */
static int beside_any_within(const mfr_region *r, const mfr_region *q)
{
	for (uint32_t k = 0; k < mfr_region_adjacent_count(q); k++)
		if (mfr_region_is_within(r, mfr_region_adjacent_at(q, k)) ||
		    mfr_region_is_within(mfr_region_adjacent_at(q, k), r))
			return 1;
	for (uint32_t k = 0; k < mfr_region_child_count(q); k++)
		if (beside_any_within(r, mfr_region_child_at(q, k)))
			return 1;
	return 0;
}

/* Whether the intake records @p p itself. */
static int recorded(const mfr_intake *in, const mfr_precaution *p)
{
	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++)
		if (mfr_intake_precaution_precaution(mfr_intake_precaution_at(in, i)) == p)
			return 1;
	return 0;
}

/* Whether a question is open: no answer, and none of the precautions its
 * answers set recorded directly. */
static int question_open(const mfr_intake *in, const mfr_screening *q)
{
	if (mfr_intake_is_answered(in, q))
		return 0;
	for (uint32_t a = 0; a < mfr_screening_answer_count(q); a++) {
		const mfr_screening_answer *ans = mfr_screening_answer_at(q, a);

		for (uint32_t k = 0; k < mfr_screening_answer_precaution_count(ans); k++)
			if (recorded(in, mfr_screening_answer_precaution_at(ans, k)))
				return 0;
	}
	return 1;
}

#define MAX_LIMITS 64


/* Whether @p p stops the session until cleared: an absolute precaution, or
 * one that refers for diagnosis first. */
static int stops_session(const mfr_precaution *p)
{
	return mfr_precaution_severity(p) == MFR_SEVERITY_ABSOLUTE ||
	       mfr_precaution_refer_first(p);
}

/* Whether the plan assumes @p p while a question whose answer sets it is
 * open: not one whose sites must be named first, nor one that stops the
 * session (only an answer can say either). */
static int assumed_while_open(const mfr_precaution *p)
{
	return !(mfr_precaution_site_scoped(p) && !mfr_precaution_site_optional(p)) &&
	       !stops_session(p);
}

/* Whether @p p keeps @p r out: @p r lies within a region it avoids (or,
 * with @p wholes, holds one), counting the regions avoided until cleared
 * unless @p cleared. */
static int avoided_by(const mfr_precaution *p, const mfr_region *r, int wholes, int cleared)
{
	for (uint32_t k = 0; k < mfr_precaution_avoid_region_count(p); k++)
		if (mfr_region_is_within(r, mfr_precaution_avoid_region_at(p, k)) ||
		    (wholes && mfr_region_is_within(mfr_precaution_avoid_region_at(p, k), r)))
			return 1;
	for (uint32_t k = 0; !cleared && k < mfr_precaution_avoid_until_cleared_count(p); k++)
		if (mfr_region_is_within(r, mfr_precaution_avoid_until_cleared_at(p, k)) ||
		    (wholes && mfr_region_is_within(mfr_precaution_avoid_until_cleared_at(p, k), r)))
			return 1;
	return 0;
}
/* Whether a symptom of the intake lies in one of @p q's symptom areas. */
static int asked_by_symptom(const mfr_intake *in, const mfr_screening *q)
{
	for (uint32_t i = 0; i < mfr_intake_symptom_count(in); i++)
		for (uint32_t a = 0; a < mfr_screening_symptom_area_count(q); a++)
			if (mfr_region_is_within(mfr_intake_symptom_region(mfr_intake_symptom_at(in, i)),
						 mfr_screening_symptom_area_at(q, a)))
				return 1;
	return 0;
}

/* Whether the intake's conditions, recorded precautions or symptoms ask
 * @p q (a condition: after surgery, was it recent; a precaution: a clot,
 * blood thinners; a symptom in the calf: a clot). */
static int asked_by_intake(const mfr_intake *in, const mfr_screening *q)
{
	if (asked_by_symptom(in, q))
		return 1;
	for (uint32_t c = 0; c < mfr_intake_condition_count(in); c++) {
		const mfr_condition *cond = mfr_intake_condition_at(in, c);

		for (uint32_t k = 0; k < mfr_condition_screening_count(cond); k++)
			if (mfr_condition_screening_at(cond, k) == q)
				return 1;
	}
	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_precaution *p = mfr_intake_precaution_precaution(mfr_intake_precaution_at(in, i));

		for (uint32_t k = 0; k < mfr_precaution_screening_count(p); k++)
			if (mfr_precaution_screening_at(p, k) == q)
				return 1;
	}
	return 0;
}

/* The precautions whose limits a plan keeps: those the intake records, and
 * those it assumes while a question the intake's conditions or recorded
 * precautions ask is open (a "yes" would set them; they need no site, are
 * not site-scoped and are not absolute). Fills @p out; returns how many. */
static uint32_t limits_of(const mfr_intake *in, const mfr_precaution **out)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < mfr_intake_precaution_count(in) && n < MAX_LIMITS; i++)
		out[n++] = mfr_intake_precaution_precaution(mfr_intake_precaution_at(in, i));
	for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_SCREENING); i++) {
		const mfr_screening *q = mfr_model_screening_at(model, i);

		if (!asked_by_intake(in, q) || !question_open(in, q))
			continue;
		for (uint32_t a = 0; a < mfr_screening_answer_count(q); a++) {
			const mfr_screening_answer *ans = mfr_screening_answer_at(q, a);

			if (mfr_screening_answer_needs_site(ans))
				continue;
			for (uint32_t j = 0; j < mfr_screening_answer_precaution_count(ans); j++) {
				const mfr_precaution *p = mfr_screening_answer_precaution_at(ans, j);
				int dup = 0;

				if (!assumed_while_open(p))
					continue;
				for (uint32_t x = 0; x < n; x++)
					dup |= out[x] == p;
				if (!dup && n < MAX_LIMITS)
					out[n++] = p;
			}
		}
	}
	return n;
}

/* Whether some answer of @p q sets @p p. */
static int question_sets(const mfr_screening *q, const mfr_precaution *p)
{
	for (uint32_t a = 0; a < mfr_screening_answer_count(q); a++) {
		const mfr_screening_answer *ans = mfr_screening_answer_at(q, a);

		for (uint32_t j = 0; j < mfr_screening_answer_precaution_count(ans); j++)
			if (mfr_screening_answer_precaution_at(ans, j) == p)
				return 1;
	}
	return 0;
}

/* Whether another question may set every precaution @p q may set (is the
 * client pregnant, whose answers include "yes, high-risk", covers whether
 * the pregnancy is high-risk): that one decides for the sites. */
static int covered_by_another(const mfr_screening *q)
{
	for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_SCREENING); i++) {
		const mfr_screening *q2 = mfr_model_screening_at(model, i);
		int all = q2 != q;

		for (uint32_t a = 0; all && a < mfr_screening_answer_count(q); a++) {
			const mfr_screening_answer *ans = mfr_screening_answer_at(q, a);

			for (uint32_t j = 0; all && j < mfr_screening_answer_precaution_count(ans); j++)
				all = question_sets(q2, mfr_screening_answer_precaution_at(ans, j));
		}
		if (all)
			return 1;
	}
	return 0;
}

/* Whether an open question's "yes" (one that needs no site, sets no
 * site-scoped or absolute precaution) would avoid a region that holds
 * @p r: a question the intake asks, or one asked for its sites (not one
 * another question covers). */
static int open_question_avoids(const mfr_intake *in, const mfr_region *r)
{
	for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_SCREENING); i++) {
		const mfr_screening *q = mfr_model_screening_at(model, i);

		if (covered_by_another(q) && !asked_by_intake(in, q))
			continue;

		for (uint32_t a = 0; question_open(in, q) && a < mfr_screening_answer_count(q); a++) {
			const mfr_screening_answer *ans = mfr_screening_answer_at(q, a);

			for (uint32_t j = 0; !mfr_screening_answer_needs_site(ans) &&
					     j < mfr_screening_answer_precaution_count(ans); j++) {
				const mfr_precaution *p = mfr_screening_answer_precaution_at(ans, j);

				if (!assumed_while_open(p))
					continue;
				if (avoided_by(p, r, 0, 0))
					return 1;
			}
		}
	}
	return 0;
}

/* Whether a question whose yes refers for diagnosis first is open and
 * asked: by a condition of the intake, or by any intake without one. */
static int refer_first_open(const mfr_intake *in)
{
	for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_SCREENING); i++) {
		const mfr_screening *q = mfr_model_screening_at(model, i);
		int first = 0, asked = mfr_intake_condition_count(in) == 0;

		for (uint32_t a = 0; a < mfr_screening_answer_count(q); a++) {
			const mfr_screening_answer *ans = mfr_screening_answer_at(q, a);

			for (uint32_t k = 0; k < mfr_screening_answer_precaution_count(ans); k++)
				first |= mfr_precaution_refer_first(
					mfr_screening_answer_precaution_at(ans, k));
		}
		asked |= asked_by_intake(in, q);
		if (first && asked && question_open(in, q))
			return 1;
	}
	return 0;
}

/* Whether the plan asks a question for a site whose yes limits more than
 * regions (positions, pressure, techniques, dose): its steps stand only on
 * a no. */
static int site_question_limits_more(const mfr_plan *p)
{
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);
		const mfr_screening *q;

		if (strcmp(mfr_plan_warning_code(w), "unscreened_site") != 0)
			continue;
		q = mfr_model_screening(model, mfr_plan_warning_subject_key(w));
		for (uint32_t a = 0; q && a < mfr_screening_answer_count(q); a++) {
			const mfr_screening_answer *ans = mfr_screening_answer_at(q, a);

			for (uint32_t k = 0; k < mfr_screening_answer_precaution_count(ans); k++) {
				const mfr_precaution *pr = mfr_screening_answer_precaution_at(ans, k);

				if (mfr_precaution_position_limit_count(pr) ||
				    mfr_precaution_pressure_ceiling(pr) ||
				    mfr_precaution_excluded_technique_count(pr) ||
				    mfr_precaution_dose(pr))
					return 1;
			}
		}
	}
	return 0;
}

/* Whether a symptom's own site lies within what an open question avoids. */
static int symptom_in_open_avoided(const mfr_intake *in)
{
	for (uint32_t i = 0; i < mfr_intake_symptom_count(in); i++)
		if (open_question_avoids(in, mfr_intake_symptom_region(mfr_intake_symptom_at(in, i))))
			return 1;
	return 0;
}

/* Whether a recorded precaution forbids work on (r, side). A site-scoped
 * global precaution rules out its sites and their neighbourhood, widened to
 * the region it names (the limb), whether cleared or not. */
static int forbidden(const mfr_intake *in, const mfr_region *r, int side)
{
	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_intake_precaution *rec = mfr_intake_precaution_at(in, i);
		const mfr_precaution *p = mfr_intake_precaution_precaution(rec);
		const mfr_region *at = mfr_intake_precaution_region(rec);
		int at_side = mfr_intake_precaution_side(rec);
		int scoped = mfr_precaution_site_scoped(p);

		if (avoided_by(p, r, 1, mfr_intake_is_cleared(in, p)))
			return 1;
		if (!at || !(mfr_precaution_avoid_site(p) || scoped) ||
		    !sides_meet(side, at_side))
			continue;
		for (uint32_t k = 0; k < mfr_precaution_widening_count(p); k++)
			if (mfr_region_is_within(at, mfr_precaution_widening_region(mfr_precaution_widening_at(p, k)))) {
				at = mfr_precaution_widening_region(mfr_precaution_widening_at(p, k));
				for (uint32_t j = 0; j < mfr_precaution_widening_with_count(mfr_precaution_widening_at(p, k)); j++) {
					const mfr_region *w = mfr_precaution_widening_with_at(mfr_precaution_widening_at(p, k), j);

					if (mfr_region_is_within(r, w) || mfr_region_is_within(w, r))
						return 1;
				}
				break;
			}
		if (mfr_region_is_within(r, at) || mfr_region_is_within(at, r))
			return 1;
		if (!mfr_precaution_avoid_adjacent(p) && !scoped)
			continue;
		if (borders(r, at) || beside_any_within(r, at))
			return 1;
	}
	/* An assumed precaution has no site: its avoided regions only. */
	const mfr_precaution *lim[MAX_LIMITS];
	uint32_t nl = limits_of(in, lim);

	for (uint32_t i = mfr_intake_precaution_count(in); i < nl; i++)
		if (avoided_by(lim[i], r, 1, 0))
			return 1;
	/* Whatever the conditions: no site is worked that lies within a
	 * region an open question's "yes" would keep out (the front of the
	 * neck before blood pressure is asked). */
	return open_question_avoids(in, r);
}

/* Whether the intake names a site for @p p. */
static int site_named(const mfr_intake *in, const mfr_precaution *p)
{
	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++)
		if (mfr_intake_precaution_precaution(mfr_intake_precaution_at(in, i)) == p && mfr_intake_precaution_region(mfr_intake_precaution_at(in, i)))
			return 1;
	return 0;
}

/* The number of warnings of @p kind in @p p. */
static uint32_t warning_count(const mfr_plan *p, mfr_warning_kind_t kind)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++)
		n += mfr_plan_warning_kind(mfr_plan_warning_at(p, i)) == kind;
	return n;
}

/* The warnings of plan @p p for open questions the plan waits on: not the
 * reminder of the absolute contraindications' questions, which every plan
 * without their answers carries and which a plan cannot work around. */
static uint32_t open_questions(const mfr_plan *p)
{
	return warning_count(p, MFR_WARNING_UNSCREENED) -
	       mfr_test_warning_count(p, "unscreened_absolute");
}

static int expected_status(const mfr_intake *in)
{
	int needs = 0;

	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_precaution *p = mfr_intake_precaution_precaution(mfr_intake_precaution_at(in, i));
		int cleared = mfr_intake_is_cleared(in, p);

		if (stops_session(p) && !(mfr_precaution_needs_clearance(p) && cleared))
			return MFR_PLAN_REFER_OUT;
		if (mfr_precaution_needs_clearance(p) && !cleared)
			needs = 1;
		if (mfr_precaution_site_scoped(p) && !mfr_precaution_site_optional(p) &&
		    !site_named(in, p))
			needs = 1;
		for (uint32_t k = 0; !cleared && k < mfr_precaution_clearance_area_count(p); k++)
			for (uint32_t j = 0; j < mfr_intake_symptom_count(in); j++)
				if (mfr_region_is_within(mfr_intake_symptom_region(mfr_intake_symptom_at(in, j)),
							 mfr_precaution_clearance_area_at(p, k)))
					needs = 1;
	}
	return needs ? MFR_PLAN_NEEDS_CLEARANCE : MFR_PLAN_OK;
}

/* Every dose the intake brings in: its conditions' and precautions'. */
#define FOR_EACH_DOSE(in, d, body)                                                 \
	do {                                                                        \
		for (uint32_t i_ = 0; i_ < mfr_intake_condition_count(in); i_++) {  \
			const mfr_dose *d = mfr_condition_dose(                    \
				mfr_intake_condition_at(in, i_));                   \
			if (d) { body }                                             \
		}                                                                   \
		const mfr_precaution *lim_[MAX_LIMITS];                             \
		uint32_t nl_ = limits_of(in, lim_);                                 \
		for (uint32_t i_ = 0; i_ < nl_; i_++) {                             \
			const mfr_dose *d = mfr_precaution_dose(lim_[i_]);          \
			if (d) { body }                                             \
		}                                                                   \
	} while (0)

static mfr_pressure_t ceiling_of(const mfr_intake *in)
{
	mfr_pressure_t c = MFR_PRESSURE_FIRM;
	const mfr_precaution *lim[MAX_LIMITS];
	uint32_t nl = limits_of(in, lim);

	for (uint32_t i = 0; i < nl; i++) {
		mfr_pressure_t pc = mfr_precaution_pressure_ceiling(lim[i]);
		if (pc && pc < c)
			c = pc;
	}
	FOR_EACH_DOSE(in, d, {
		if (mfr_dose_pressure_ceiling(d) && mfr_dose_pressure_ceiling(d) < c)
			c = mfr_dose_pressure_ceiling(d);
	});
	return c;
}

static int indirect_only(const mfr_intake *in)
{
	int only = 0;

	FOR_EACH_DOSE(in, d, { only |= mfr_dose_indirect_only(d) ||
				       !mfr_dose_progresses(d); });
	return only;
}

/* The session length the doses allow, in minutes. */
static uint32_t session_minutes(const mfr_intake *in)
{
	uint32_t m = mfr_intake_minutes(in);

	FOR_EACH_DOSE(in, d, {
		if (mfr_dose_max_minutes(d) && mfr_dose_max_minutes(d) < m)
			m = mfr_dose_max_minutes(d);
	});
	return m;
}

/* Whether a hold of @p secs lies in every dose's hold range. */
static int hold_in_doses(const mfr_intake *in, uint32_t secs)
{
	int ok = 1;

	FOR_EACH_DOSE(in, d, {
		if (mfr_dose_hold_max(d))
			ok &= secs >= mfr_dose_hold_min(d) && secs <= mfr_dose_hold_max(d);
	});
	return ok;
}

/* The positions the precautions rule out for work on @p r. */
/* The positions that rest on a kept-off site @p site, counting every
 * body-chart area within it (doc/safety.md): prone for a region worked only
 * from supine, supine for one worked only from prone, side-lying for one
 * worked side-lying. */
static uint32_t lain_on(const mfr_region *site)
{
	uint32_t pos = mfr_region_positions(site), out = pos & MFR_POSITION_SIDE_LYING;
	int prone = (pos & MFR_POSITION_PRONE) != 0;
	int supine = (pos & MFR_POSITION_SUPINE) != 0;

	if (supine && !prone)
		out |= MFR_POSITION_PRONE;
	if (prone && !supine)
		out |= MFR_POSITION_SUPINE;
	for (uint32_t i = 0; i < mfr_region_child_count(site); i++) {
		const mfr_region *c = mfr_region_child_at(site, i);
		int kind = mfr_region_kind(c);

		if (kind == MFR_REGION_AREA || kind == MFR_REGION_PART)
			out |= lain_on(c);
	}
	return out;
}

/* The positions a step on @p r lying on side @p lying (side-lying; 0
 * otherwise) must not take. */
static uint32_t ruled_out_positions(const mfr_intake *in, const mfr_region *r, int lying)
{
	uint32_t out = 0;
	const mfr_precaution *lim[MAX_LIMITS];
	uint32_t nl = limits_of(in, lim);

	for (uint32_t i = 0; i < nl; i++) {
		const mfr_precaution *p = lim[i];
		uint32_t stage = mfr_intake_stage(in, p);

		if (!stage)
			stage = mfr_precaution_stage_count(p) ? mfr_precaution_stage_count(p) : 1;
		for (uint32_t k = 0; k < mfr_precaution_position_limit_count(p); k++) {
			const mfr_precaution_position_limit *pl = mfr_precaution_position_limit_at(p, k);
			uint32_t n = mfr_precaution_position_limit_region_count(pl);
			int applies = n == 0;

			if (mfr_precaution_position_limit_from_stage(pl) > stage)
				continue;
			for (uint32_t j = 0; j < n && !applies; j++)
				applies = mfr_region_is_within(r,
					mfr_precaution_position_limit_region_at(pl, j));
			if (applies)
				out |= (uint32_t)mfr_precaution_position_limit_position(pl);
		}
	}
	/* A site kept off is not lain on (doc/safety.md); side-lying, a site on
	 * one side rules out lying on that side, one on the midline side-lying
	 * where it is worked side-lying. */
	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_intake_precaution *rec = mfr_intake_precaution_at(in, i);
		const mfr_precaution *p = mfr_intake_precaution_precaution(rec);
		const mfr_region *site = mfr_intake_precaution_region(rec);

		if (site && (mfr_precaution_avoid_site(p) || mfr_precaution_site_scoped(p))) {
			int side = mfr_intake_precaution_side(rec);
			uint32_t pos = lain_on(site);

			if (side == MFR_SIDE_LEFT || side == MFR_SIDE_RIGHT) {
				pos &= ~(uint32_t)MFR_POSITION_SIDE_LYING;
				if (lying == side)
					pos |= MFR_POSITION_SIDE_LYING;
			}
			out |= pos;
		}
	}
	return out;
}

/* The first danger zone covering @p r, found by walking the zones. */
static const mfr_danger_zone *zone_of(const mfr_region *r)
{
	for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_DANGER_ZONE); i++) {
		const mfr_danger_zone *z = mfr_model_danger_zone_at(model, i);

		if (mfr_danger_zone_region_kinds(z) & (1u << mfr_region_kind(r)))
			return z;
		for (uint32_t k = 0; k < mfr_danger_zone_region_count(z); k++)
			if (mfr_region_is_within(r, mfr_danger_zone_region_at(z, k)))
				return z;
	}
	return NULL;
}

/* The access of @p r: its own internal one or its nearest ancestor's. */
static int internal_access(const mfr_region *r)
{
	for (; r; r = mfr_region_parent(r))
		if (mfr_region_access(r) != MFR_ACCESS_EXTERNAL)
			return mfr_region_access(r);
	return 0;
}

/* Whether the plan's aftercare is exactly the model's for this intake:
 * without a session (refer out), only the red flags. */
static int aftercare_fits(const mfr_intake *in, const mfr_plan *p)
{
	uint32_t want = 0;
	int refer = mfr_plan_step_count(p) == 0; /* no session: red flags only */

	for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_AFTERCARE); i++) {
		const mfr_aftercare *a = mfr_model_aftercare_at(model, i);
		int wanted = mfr_aftercare_when_count(a) == 0, found = 0;


		for (uint32_t k = 0; k < mfr_aftercare_when_count(a); k++)
			for (uint32_t j = 0; j < mfr_intake_precaution_count(in); j++)
				wanted |= mfr_intake_precaution_precaution(mfr_intake_precaution_at(in, j)) == mfr_aftercare_when_at(a, k);
		for (uint32_t k = 0; k < mfr_plan_aftercare_count(p); k++)
			found |= strcmp(mfr_aftercare_key(mfr_plan_aftercare_at(p, k)), mfr_aftercare_key(a)) == 0;
		if (refer && mfr_aftercare_kind(a) != MFR_AFTERCARE_RED_FLAG)
			wanted = 0;
		if (wanted != found)
			return 0;
		want += (uint32_t)wanted;
	}
	return want == mfr_plan_aftercare_count(p);
}

static int excluded(const mfr_intake *in, const mfr_technique *t)
{
	const mfr_precaution *lim[MAX_LIMITS];
	uint32_t nl = limits_of(in, lim);

	for (uint32_t i = 0; i < nl; i++) {
		const mfr_precaution *p = lim[i];
		for (uint32_t k = 0; k < mfr_precaution_excluded_technique_count(p); k++)
			if (mfr_precaution_excluded_technique_at(p, k) == t)
				return 1;
	}
	return 0;
}

/* Check's ck_assert_*() records every passing assertion with a write(2):
 * hundreds per plan. Only a failure goes through Check here. */
#define CHECK(cond, seed, what)                                                   \
	do {                                                                      \
		if (!(cond))                                                      \
			ck_abort_msg("seed %llu: %s", (unsigned long long)(seed), what); \
	} while (0)

/* Whether step @p i works a symptom site itself with a technique one of
 * the intake's conditions names for it (scar work). */
static int is_site_work(const mfr_intake *in, const mfr_plan *p, uint32_t i)
{
	const mfr_region *r = mfr_plan_step_region(mfr_plan_step_at(p, i));
	const mfr_technique *t = mfr_plan_step_technique(mfr_plan_step_at(p, i));
	int at_symptom = 0, named = 0;

	for (uint32_t k = 0; k < mfr_intake_symptom_count(in); k++) {
		const mfr_intake_symptom *sy = mfr_intake_symptom_at(in, k);

		at_symptom |= mfr_intake_symptom_region(sy) == r &&
			      mfr_intake_symptom_side(sy) == mfr_plan_step_side(mfr_plan_step_at(p, i));
	}
	for (uint32_t c = 0; c < mfr_intake_condition_count(in); c++) {
		const mfr_condition *cond = mfr_intake_condition_at(in, c);

		for (uint32_t k = 0; k < mfr_condition_site_technique_count(cond); k++)
			named |= mfr_condition_site_technique_at(cond, k) == t;
	}
	return at_symptom && named;
}

static void check_plan(const mfr_intake *in, const mfr_plan *p, uint64_t seed)
{
	int status = mfr_plan_status(p);
	uint32_t n = mfr_plan_step_count(p), sum = 0, changes = 0;
	mfr_pressure_t ceiling = ceiling_of(in);

	/* Nothing planned, a symptom's own site held back, or a site kept out
	 * above work the plan does, while questions are open: they must be
	 * answered. */
	CHECK(status == expected_status(in) ||
	      (status == MFR_PLAN_NEEDS_ANSWERS && expected_status(in) == MFR_PLAN_OK &&
	       (n == 0 || symptom_in_open_avoided(in) || refer_first_open(in) ||
		site_question_limits_more(p) || mfr_test_assumed_above_work(p)) &&
	       open_questions(p) > 0), seed, "plan status");
	if ((n == 0 || mfr_test_assumed_above_work(p)) && expected_status(in) == MFR_PLAN_OK &&
	    open_questions(p) > 0)
		CHECK(status == MFR_PLAN_NEEDS_ANSWERS, seed,
		      "no steps, or a site kept out above work, questions open: needs answers");
	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_precaution *pr = mfr_intake_precaution_precaution(mfr_intake_precaution_at(in, i));

		if (mfr_precaution_site_scoped(pr) && !mfr_precaution_site_optional(pr) &&
		    !site_named(in, pr))
			CHECK(n == 0, seed, "steps before a site-scoped precaution's site is known");
	}
	/* A question the intake asks (a condition, a precaution or a symptom
	 * in its areas: calf pain, the clot question) whose yes names a site
	 * holds every step back while it is open. */
	for (uint32_t k = 0; k < mfr_model_count(model, MFR_KIND_SCREENING); k++) {
		const mfr_screening *q = mfr_model_screening_at(model, k);
		int names_site = 0;

		for (uint32_t a = 0; a < mfr_screening_answer_count(q); a++)
			names_site |= mfr_screening_answer_needs_site(mfr_screening_answer_at(q, a));
		if (names_site && asked_by_intake(in, q) && question_open(in, q))
			CHECK(n == 0, seed, "steps while a question whose yes names a site is open");
		/* Nor is anything worked in its symptom areas, or rocked as a
		 * whole that holds one, while it is open (the calf before the
		 * clot question), where a yes names a site or a symptom there
		 * asks it (the chest before the unexplained-pain question). */
		int holds = names_site || asked_by_symptom(in, q);

		for (uint32_t a = 0; holds && question_open(in, q) &&
				     a < mfr_screening_symptom_area_count(q); a++) {
			const mfr_region *area = mfr_screening_symptom_area_at(q, a);

			for (uint32_t i = 0; i < n; i++) {
				const mfr_region *r = mfr_plan_step_region(mfr_plan_step_at(p, i));

				CHECK(!mfr_region_is_within(r, area) && !mfr_region_is_within(area, r),
				      seed, "work in a symptom area of an open question");
			}
		}
	}
	if (status == MFR_PLAN_REFER_OUT)
		CHECK(n == 0 && mfr_plan_total_seconds(p) == 0, seed, "refer out has steps");
	CHECK(mfr_plan_pressure_ceiling(p) == ceiling, seed, "pressure ceiling");
	for (uint32_t i = 0; i < n; i++) {
		const mfr_plan_step *pstep = mfr_plan_step_at(p, i);
		const mfr_region *r = mfr_plan_step_region(pstep);
		const mfr_technique *t = mfr_plan_step_technique(pstep);
		mfr_side_t side = mfr_plan_step_side(pstep);
		mfr_pressure_t pressure = mfr_plan_step_pressure(pstep);
		uint32_t secs = mfr_plan_step_seconds(pstep);
		uint32_t pos = (uint32_t)mfr_plan_step_position(pstep);

		CHECK(!forbidden(in, r, side), seed, "a step on a forbidden site");
		CHECK(!excluded(in, t), seed, "an excluded technique");
		CHECK(pressure <= ceiling, seed, "pressure above the ceiling");
		CHECK(pressure >= mfr_technique_pressure_min(t) &&
		      pressure <= mfr_technique_pressure_max(t), seed,
		      "pressure outside the technique's range");
		if (mfr_technique_has_hold(t))
			CHECK(secs >= mfr_technique_hold_min(t) &&
			      secs <= mfr_technique_hold_max(t), seed,
			      "a hold outside its technique's range");
		CHECK(secs > 0, seed, "a step without time");
		CHECK(pos && (pos & (pos - 1)) == 0, seed, "not one position");
		CHECK(pos & mfr_intake_positions(in) & mfr_region_positions(r) &
		      mfr_technique_positions(t), seed, "a position not allowed");
		CHECK(!(pos & ruled_out_positions(in, r, mfr_plan_step_lying_side(pstep))), seed,
		      "a position a precaution rules out");
		const mfr_danger_zone *z = zone_of(r);
		if (z) {
			CHECK(pressure <= mfr_danger_zone_pressure_ceiling(z), seed,
			      "pressure above a danger zone's ceiling");
			for (uint32_t k = 0; k < mfr_danger_zone_excluded_technique_count(z); k++)
				CHECK(mfr_danger_zone_excluded_technique_at(z, k) != t, seed,
				      "a technique a danger zone excludes");
			CHECK(!(mfr_danger_zone_pressure_ceiling(z) < MFR_PRESSURE_MODERATE &&
				mfr_region_depth(r) == MFR_DEPTH_DEEP), seed,
			      "deep tissue worked in a danger zone at light pressure");
			CHECK(mfr_plan_step_danger_zone(pstep) == z &&
			      (mfr_plan_step_flags(pstep) & MFR_STEP_DANGER_ZONE), seed,
			      "a step in a danger zone not marked");
		}
		/* A transverse-plane hold takes a plane from outside (the
		 * pelvic floor between sacrum and pubis): not internal work. */
		int access = mfr_technique_family(t) == MFR_FAMILY_TRANSVERSE_PLANE
			     ? 0 : internal_access(r);
		CHECK(!access || (mfr_intake_scopes(in) & (uint32_t)access), seed,
		      "internal work without the declared scope");
		CHECK(!access == !(mfr_plan_step_flags(pstep) & MFR_STEP_INTERNAL), seed,
		      "internal work not flagged");
		if (indirect_only(in))
			CHECK(mfr_plan_step_approach(pstep) == MFR_APPROACH_INDIRECT, seed,
			      "direct work where the dose allows only indirect");
		if (mfr_technique_has_hold(t))
			CHECK(hold_in_doses(in, secs), seed, "a hold outside the dose's range");
		if (mfr_plan_step_phase(pstep) == MFR_PHASE_TREATMENT)
			CHECK(mfr_plan_step_trace_rank(pstep) > 0 || is_site_work(in, p, i), seed,
			      "no trace or condition behind a step");
		sum += secs;
		/* Side-lying names its side, the other side up; a roll-over
		 * from one side to the other is a position change. */
		mfr_side_t lying = mfr_plan_step_lying_side(pstep);
		if (pos == MFR_POSITION_SIDE_LYING)
			CHECK(lying == MFR_SIDE_LEFT || lying == MFR_SIDE_RIGHT, seed,
			      "side-lying without a side");
		else
			CHECK(lying == 0, seed, "a lying side off side-lying");
		if (pos == MFR_POSITION_SIDE_LYING && side != MFR_SIDE_MIDLINE)
			CHECK(lying != side, seed, "side-lying on the side being worked");
		if (i && (pos != (uint32_t)mfr_plan_step_position(mfr_plan_step_at(p, i - 1)) ||
			  lying != mfr_plan_step_lying_side(mfr_plan_step_at(p, i - 1))))
			changes++;
	}
	CHECK(changes == mfr_plan_position_changes(p), seed, "position changes miscounted");
	/* Internal work never opens a session, and is one block in its
	 * position, after the external work there (seventh therapist review):
	 * no treatment step outside follows one inside in the same position. */
	for (uint32_t i = 0; i < n; i++) {
		const mfr_plan_step *si = mfr_plan_step_at(p, i);

		if (mfr_plan_step_phase(si) == MFR_PHASE_ASSESSMENT)
			CHECK(!(mfr_plan_step_flags(si) & MFR_STEP_INTERNAL), seed,
			      "a session opens with internal work");
		for (uint32_t k = i + 1; k < n && (mfr_plan_step_flags(si) & MFR_STEP_INTERNAL); k++) {
			const mfr_plan_step *sk = mfr_plan_step_at(p, k);

			if (mfr_plan_step_position(sk) != mfr_plan_step_position(si) ||
			    mfr_plan_step_lying_side(sk) != mfr_plan_step_lying_side(si))
				break;
			CHECK((mfr_plan_step_flags(sk) & MFR_STEP_INTERNAL) ||
			      mfr_plan_step_phase(sk) != MFR_PHASE_TREATMENT, seed,
			      "external work after internal work in one position");
		}
	}
	CHECK(sum + changes * 60 == mfr_plan_total_seconds(p), seed, "total time miscounted");
	CHECK(mfr_plan_total_seconds(p) <= mfr_plan_session_seconds(p), seed,
	      "longer than the session");
	CHECK(mfr_plan_session_seconds(p) == session_minutes(in) * 60, seed,
	      "session length");
	CHECK(mfr_plan_aftercare_count(p) > 0, seed, "no aftercare");
	CHECK(aftercare_fits(in, p), seed, "aftercare not the client's");
	/* A site's danger zone is said once, however many steps work it. */
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++)
		for (uint32_t k = 0; k < i; k++) {
			const mfr_plan_warning *wi = mfr_plan_warning_at(p, i);
			const mfr_plan_warning *wk = mfr_plan_warning_at(p, k);

			CHECK(strcmp(mfr_plan_warning_code(wi), "danger_zone") != 0 ||
			      strcmp(mfr_plan_warning_code(wk), "danger_zone") != 0 ||
			      mfr_plan_warning_region(wi) != mfr_plan_warning_region(wk) ||
			      mfr_plan_warning_side(wi) != mfr_plan_warning_side(wk), seed,
			      "a danger zone said twice for one site");
		}
}

/* Every treated site of @p shorter is treated in @p longer. */
static void check_monotone(const mfr_plan *shorter, const mfr_plan *longer, uint64_t seed)
{
	for (uint32_t i = 0; i < mfr_plan_step_count(shorter); i++) {
		const mfr_plan_step *pstep = mfr_plan_step_at(shorter, i);
		int found = 0;

		if (mfr_plan_step_phase(pstep) != MFR_PHASE_TREATMENT)
			continue;
		for (uint32_t k = 0; k < mfr_plan_step_count(longer) && !found; k++) {
			const mfr_plan_step *other = mfr_plan_step_at(longer, k);

			/* The same site, or the same work on both sides (side
			 * midline on a bilateral region: the chest held as one). */
			found = mfr_plan_step_region(pstep) == mfr_plan_step_region(other) &&
				(mfr_plan_step_side(pstep) == mfr_plan_step_side(other) ||
				 mfr_plan_step_side(other) == MFR_SIDE_MIDLINE) &&
				mfr_plan_step_phase(other) == MFR_PHASE_TREATMENT;
		}
		CHECK(found, seed, "a longer session dropped a site a shorter one kept");
	}
}

static void check_deterministic(const mfr_intake *in, const mfr_plan_options *o,
				const mfr_plan *p, uint64_t seed)
{
	mfr_plan *again = NULL;
	char *a = NULL, *b = NULL;

	ck_assert_int_eq(mfr_plan_run(in, o, &again, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_to_json(p, MFR_JSON_COMPACT, &a, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_to_json(again, MFR_JSON_COMPACT, &b, NULL), MFR_OK);
	CHECK(strcmp(a, b) == 0, seed, "the same intake planned differently");
	mfr_free(a);
	mfr_free(b);
	mfr_plan_free(again);
}

START_TEST(safety_invariants)
{
	uint64_t first = env_u64("MFR_PROPERTY_SEED", 1);
	uint64_t count = env_u64("MFR_PROPERTY_COUNT", 100000);
	uint64_t refer = 0, clearance = 0, excluded_steps = 0, zone_steps = 0;
	uint64_t internal_steps = 0, scope_skips = 0, dosed = 0, limited = 0;

	for (uint64_t seed = first; seed < first + count; seed++) {
		mfr_intake *in;
		mfr_plan *p = NULL, *longer = NULL;

		mfr_plan_options *o = NULL;

		rng_state = seed * 0x9E3779B97F4A7C15ull | 1;
		in = random_intake();
		/* One plan in four prefers a technique, which must not get past
		 * a zone, a dose or a precaution either. */
		if (rnd(4) == 0) {
			uint32_t k = rnd(mfr_model_count(model, MFR_KIND_TECHNIQUE));

			ck_assert_int_eq(mfr_plan_options_new(&o), MFR_OK);
			ck_assert_int_eq(mfr_plan_options_add_technique(o,
					 mfr_technique_key(mfr_model_technique_at(model, k))), MFR_OK);
		}
		ck_assert_int_eq(mfr_plan_run(in, o, &p, NULL), MFR_OK);
		check_plan(in, p, seed);
		refer += mfr_plan_status(p) == MFR_PLAN_REFER_OUT;
		clearance += mfr_plan_status(p) == MFR_PLAN_NEEDS_CLEARANCE;
		for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
			const mfr_plan_warning *w = mfr_plan_warning_at(p, i);
			int kind = mfr_plan_warning_kind(w);

			excluded_steps += kind == MFR_WARNING_SITE_EXCLUDED;
			zone_steps += kind == MFR_WARNING_DANGER_ZONE;
			scope_skips += strcmp(mfr_plan_warning_code(w), "out_of_scope") == 0;
			internal_steps += strcmp(mfr_plan_warning_code(w), "internal_work") == 0;
			dosed += kind == MFR_WARNING_DOSE;
			limited += kind == MFR_WARNING_POSITION;
		}

		if (mfr_intake_minutes(in) + 15 <= MFR_INTAKE_MAX_MINUTES) {
			ck_assert_int_eq(mfr_intake_set_minutes(in, mfr_intake_minutes(in) + 15,
								NULL), MFR_OK);
			ck_assert_int_eq(mfr_plan_run(in, o, &longer, NULL), MFR_OK);
			check_plan(in, longer, seed);
			check_monotone(p, longer, seed);
			mfr_plan_free(longer);
			ck_assert_int_eq(mfr_intake_set_minutes(in, mfr_intake_minutes(in) - 15,
								NULL), MFR_OK);
		}
		if (seed % 97 == 0)
			check_deterministic(in, o, p, seed);
		mfr_plan_free(p);
		mfr_plan_options_free(o);
		mfr_intake_free(in);
	}
	/* The generator must exercise the rules, not just pass them. */
	if (count >= 1000) {
		ck_assert_uint_gt(refer, count / 100);
		ck_assert_uint_gt(clearance, count / 100);
		ck_assert_uint_gt(excluded_steps, count / 100);
		ck_assert_uint_gt(zone_steps, count / 100);
		ck_assert_uint_gt(scope_skips, count / 1000);
		ck_assert_uint_gt(internal_steps, 0);
		ck_assert_uint_gt(dosed, count / 100);
		ck_assert_uint_gt(limited, count / 100);
	}
	printf("properties: %llu intakes from seed %llu: %llu refer out, %llu needs "
	       "clearance, %llu sites excluded by precautions, %llu danger-zone steps, "
	       "%llu internal sites skipped out of scope, %llu worked in scope, %llu "
	       "doses, %llu position limits; no invariant broken\n",
	       (unsigned long long)count, (unsigned long long)first,
	       (unsigned long long)refer, (unsigned long long)clearance,
	       (unsigned long long)excluded_steps, (unsigned long long)zone_steps,
	       (unsigned long long)scope_skips, (unsigned long long)internal_steps,
	       (unsigned long long)dosed, (unsigned long long)limited);
}
END_TEST

Suite *mfr_test_properties_suite(void)
{
	Suite *s = suite_create("properties");
	TCase *tc = tcase_create("plans");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 3600);
	tcase_add_test(tc, safety_invariants);
	suite_add_tcase(s, tc);
	return s;
}
