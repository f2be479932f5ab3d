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
		if (mfr_region_kind_of(r) == MFR_REGION_AREA)
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

		/* Repeats are refused, which is fine: the intake stays valid. */
		if (mfr_intake_add_symptom(in, mfr_region_key(r), side, (int32_t)rnd(11),
					   (int)rnd(3), NULL) == MFR_OK && !sym_region) {
			sym_region = r;
			sym_side = side;
		}
	}
	for (uint32_t i = 0; i < ncond; i++)
		mfr_intake_add_condition(in, mfr_model_key_at(model, MFR_KIND_CONDITION,
							      rnd(ncondk)), NULL);
	for (uint32_t i = 0; i < npre; i++) {
		const mfr_precaution *p = mfr_model_precaution_at(model, rnd(nprec));

		if (mfr_precaution_scope(p) == MFR_SCOPE_GLOBAL) {
			mfr_intake_add_precaution(in, mfr_precaution_key(p), NULL, 0, NULL);
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

/* Whether a recorded precaution forbids work on (r, side). */
static int forbidden(const mfr_intake *in, const mfr_region *r, int side)
{
	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_precaution *p = mfr_intake_precaution_at(in, i);
		const mfr_region *at = mfr_intake_precaution_region(in, i);
		int at_side = mfr_intake_precaution_side(in, i);

		for (uint32_t k = 0; k < mfr_precaution_avoid_region_count(p); k++)
			if (mfr_region_is_within(r, mfr_precaution_avoid_region_at(p, k)))
				return 1;
		if (!at || !mfr_precaution_avoid_site(p) || !sides_meet(side, at_side))
			continue;
		if (mfr_region_is_within(r, at) || mfr_region_is_within(at, r))
			return 1;
		if (!mfr_precaution_avoid_adjacent(p))
			continue;
		if (borders(r, at))
			return 1;
		for (uint32_t k = 0; k < mfr_region_adjacent_count(at); k++)
			if (mfr_region_is_within(r, mfr_region_adjacent_at(at, k)))
				return 1;
	}
	return 0;
}

static int expected_status(const mfr_intake *in)
{
	int needs = 0;

	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_precaution *p = mfr_intake_precaution_at(in, i);
		int cleared = mfr_intake_is_cleared(in, p);

		if (mfr_precaution_severity(p) == MFR_SEVERITY_ABSOLUTE &&
		    !(mfr_precaution_needs_clearance(p) && cleared))
			return MFR_PLAN_REFER_OUT;
		if (mfr_precaution_needs_clearance(p) && !cleared)
			needs = 1;
	}
	return needs ? MFR_PLAN_NEEDS_CLEARANCE : MFR_PLAN_OK;
}

static int ceiling_of(const mfr_intake *in)
{
	int c = MFR_PRESSURE_FIRM;

	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		int pc = mfr_precaution_pressure_ceiling(mfr_intake_precaution_at(in, i));
		if (pc && pc < c)
			c = pc;
	}
	return c;
}

static int excluded(const mfr_intake *in, const mfr_technique *t)
{
	for (uint32_t i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_precaution *p = mfr_intake_precaution_at(in, i);
		for (uint32_t k = 0; k < mfr_precaution_excluded_technique_count(p); k++)
			if (mfr_precaution_excluded_technique_at(p, k) == t)
				return 1;
	}
	return 0;
}

#define CHECK(cond, seed, what)                                                   \
	ck_assert_msg(cond, "seed %llu: %s", (unsigned long long)(seed), what)

static void check_plan(const mfr_intake *in, const mfr_plan *p, uint64_t seed)
{
	int status = mfr_plan_status_of(p);
	uint32_t n = mfr_plan_step_count(p), sum = 0, changes = 0;
	int ceiling = ceiling_of(in);

	CHECK(status == expected_status(in), seed, "plan status");
	if (status == MFR_PLAN_REFER_OUT)
		CHECK(n == 0 && mfr_plan_total_seconds(p) == 0, seed, "refer out has steps");
	CHECK(mfr_plan_pressure_ceiling(p) == ceiling, seed, "pressure ceiling");
	for (uint32_t i = 0; i < n; i++) {
		const mfr_region *r = mfr_plan_step_region(p, i);
		const mfr_technique *t = mfr_plan_step_technique(p, i);
		int side = mfr_plan_step_side(p, i), pressure = mfr_plan_step_pressure(p, i);
		uint32_t secs = mfr_plan_step_seconds(p, i);
		uint32_t pos = (uint32_t)mfr_plan_step_position(p, i);

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
		if (mfr_plan_step_phase(p, i) == MFR_PHASE_TREATMENT)
			CHECK(mfr_plan_step_trace_rank(p, i) > 0, seed, "no trace behind a step");
		sum += secs;
		if (i && pos != (uint32_t)mfr_plan_step_position(p, i - 1))
			changes++;
	}
	CHECK(changes == mfr_plan_position_changes(p), seed, "position changes miscounted");
	CHECK(sum + changes * 60 == mfr_plan_total_seconds(p), seed, "total time miscounted");
	CHECK(mfr_plan_total_seconds(p) <= mfr_plan_session_seconds(p), seed,
	      "longer than the session");
	CHECK(mfr_plan_session_seconds(p) == mfr_intake_minutes(in) * 60, seed,
	      "session length");
	CHECK(mfr_plan_aftercare_count(p) > 0, seed, "no aftercare");
}

/* Every treated site of @p shorter is treated in @p longer. */
static void check_monotone(const mfr_plan *shorter, const mfr_plan *longer, uint64_t seed)
{
	for (uint32_t i = 0; i < mfr_plan_step_count(shorter); i++) {
		int found = 0;

		if (mfr_plan_step_phase(shorter, i) != MFR_PHASE_TREATMENT)
			continue;
		for (uint32_t k = 0; k < mfr_plan_step_count(longer) && !found; k++)
			found = mfr_plan_step_region(longer, k) == mfr_plan_step_region(shorter, i) &&
				mfr_plan_step_side(longer, k) == mfr_plan_step_side(shorter, i) &&
				mfr_plan_step_phase(longer, k) == MFR_PHASE_TREATMENT;
		CHECK(found, seed, "a longer session dropped a site a shorter one kept");
	}
}

static void check_deterministic(const mfr_intake *in, const mfr_plan *p, uint64_t seed)
{
	mfr_plan *again = NULL;
	char *a = NULL, *b = NULL;

	ck_assert_int_eq(mfr_plan_run(in, NULL, &again, NULL), MFR_OK);
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
	uint64_t refer = 0, clearance = 0, excluded_steps = 0;

	for (uint64_t seed = first; seed < first + count; seed++) {
		mfr_intake *in;
		mfr_plan *p = NULL, *longer = NULL;

		rng_state = seed * 0x9E3779B97F4A7C15ull | 1;
		in = random_intake();
		ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
		check_plan(in, p, seed);
		refer += mfr_plan_status_of(p) == MFR_PLAN_REFER_OUT;
		clearance += mfr_plan_status_of(p) == MFR_PLAN_NEEDS_CLEARANCE;
		for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++)
			excluded_steps += mfr_plan_warning_kind(p, i) == MFR_WARNING_SITE_EXCLUDED;

		if (mfr_intake_minutes(in) + 15 <= MFR_INTAKE_MAX_MINUTES) {
			ck_assert_int_eq(mfr_intake_set_minutes(in, mfr_intake_minutes(in) + 15,
								NULL), MFR_OK);
			ck_assert_int_eq(mfr_plan_run(in, NULL, &longer, NULL), MFR_OK);
			check_plan(in, longer, seed);
			check_monotone(p, longer, seed);
			mfr_plan_free(longer);
			ck_assert_int_eq(mfr_intake_set_minutes(in, mfr_intake_minutes(in) - 15,
								NULL), MFR_OK);
		}
		if (seed % 97 == 0)
			check_deterministic(in, p, seed);
		mfr_plan_free(p);
		mfr_intake_free(in);
	}
	/* The generator must exercise the rules, not just pass them. */
	if (count >= 1000) {
		ck_assert_uint_gt(refer, count / 100);
		ck_assert_uint_gt(clearance, count / 100);
		ck_assert_uint_gt(excluded_steps, count / 100);
	}
	printf("properties: %llu intakes from seed %llu: %llu refer out, %llu needs "
	       "clearance, %llu sites excluded by precautions; no invariant broken\n",
	       (unsigned long long)count, (unsigned long long)first,
	       (unsigned long long)refer, (unsigned long long)clearance,
	       (unsigned long long)excluded_steps);
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
