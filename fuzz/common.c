/*
 * libmfr fuzz targets: the default model, and every stage and output run on
 * one intake (fuzz.h).
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* Where the strings read from results go, so that the reads stay in the
 * optimized build: the point is that the sanitizers check each byte. */
static volatile size_t sink;

static void touch(const char *s)
{
	if (s)
		sink += strlen(s);
}

void fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

uint32_t fuzz_hash(const uint8_t *data, size_t size)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < size; i++)
		h = (h ^ data[i]) * 16777619u;
	return h;
}

static mfr_model *default_model;

static void free_default_model(void)
{
	mfr_model_free(default_model);
	default_model = NULL;
}

const mfr_model *fuzz_default_model(void)
{
	mfr_error *err = NULL;

	if (default_model)
		return default_model;
	if (mfr_model_default(&default_model, &err) != MFR_OK)
		fuzz_fail("the default model does not build", mfr_error_message(err));
	/* Freed at exit, so that a leak check at the end of a replay counts
	 * only what the inputs leaked. */
	atexit(free_default_model);
	return default_model;
}

/* Serialize with @p fn both ways (indented and compact); the text is read
 * and freed. */
#define BOTH_JSON(fn, obj)                                                    \
	do {                                                                  \
		for (uint32_t flags = 0; flags <= MFR_JSON_COMPACT; flags++) { \
			char *text = NULL;                                    \
			mfr_error *e = NULL;                                  \
			if (fn((obj), flags, &text, &e) == MFR_OK)            \
				touch(text);                                  \
			mfr_free(text);                                       \
			mfr_error_free(e);                                    \
		}                                                             \
	} while (0)

static void walk_path(const mfr_trace_path *p)
{
	sink += mfr_trace_path_symptom(p);
	for (uint32_t k = 0; k < mfr_trace_path_step_count(p); k++) {
		const mfr_trace_path_step *tstep = mfr_trace_path_step_at(p, k);

		touch(mfr_region_key(mfr_trace_path_step_from(tstep)));
		touch(mfr_region_key(mfr_trace_path_step_to(tstep)));
		touch(mfr_line_key(mfr_trace_path_step_line(tstep)));
		touch(mfr_referral_key(mfr_trace_path_step_referral(tstep)));
		touch(mfr_relation_name(mfr_trace_path_step_relation(tstep)));
		sink += (size_t)mfr_trace_path_step_zone(tstep) +
			(size_t)mfr_trace_path_step_crosses(tstep) +
			(size_t)mfr_trace_path_step_from_side(tstep) +
			(size_t)mfr_trace_path_step_to_side(tstep);
		if (mfr_trace_path_step_factor(tstep) < 0)
			fuzz_fail("a path step has a negative factor", NULL);
	}
}

static void walk_trace(const mfr_trace *t)
{
	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const mfr_trace_result *r = mfr_trace_result_at(t, i);

		touch(mfr_region_key(mfr_trace_result_region(r)));
		touch(mfr_side_name(mfr_trace_result_side(r)));
		touch(mfr_distance_name(mfr_trace_result_distance(r)));
		touch(mfr_trace_result_explain(r));
		/* The ranking is exact and descending (doc/trace-format.md). */
		if (i > 0 && mfr_trace_result_score(r) >
			     mfr_trace_result_score(mfr_trace_result_at(t, i - 1)))
			fuzz_fail("trace results are not in descending score order", NULL);
		for (uint32_t k = 0; k < mfr_trace_result_path_count(r); k++)
			walk_path(mfr_trace_result_path_at(r, k));
	}
	BOTH_JSON(mfr_trace_to_json, t);
}

static void walk_plan(const mfr_plan *p)
{
	touch(mfr_plan_status_name(mfr_plan_status(p)));
	touch(mfr_pressure_name(mfr_plan_pressure_ceiling(p)));
	sink += mfr_plan_total_seconds(p) + mfr_plan_session_seconds(p) +
		mfr_plan_position_changes(p);
	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++) {
		const mfr_plan_step *pstep = mfr_plan_step_at(p, i);

		touch(mfr_phase_name(mfr_plan_step_phase(pstep)));
		touch(mfr_region_key(mfr_plan_step_region(pstep)));
		touch(mfr_technique_key(mfr_plan_step_technique(pstep)));
		touch(mfr_position_name(mfr_plan_step_position(pstep)));
		touch(mfr_pressure_name(mfr_plan_step_pressure(pstep)));
		touch(mfr_approach_name(mfr_plan_step_approach(pstep)));
		touch(mfr_plan_step_rationale(pstep));
		touch(mfr_danger_zone_key(mfr_plan_step_danger_zone(pstep)));
		sink += mfr_plan_step_seconds(pstep) + mfr_plan_step_trace_rank(pstep) +
			mfr_plan_step_flags(pstep) + (size_t)mfr_plan_step_side(pstep);
	}
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);

		touch(mfr_plan_warning_text(w));
		touch(mfr_plan_warning_code(w));
		touch(mfr_warning_kind_name(mfr_plan_warning_kind(w)));
		touch(mfr_plan_warning_subject_key(w));
		touch(mfr_region_key(mfr_plan_warning_region(w)));
		sink += (size_t)mfr_plan_warning_subject_kind(w) +
			(size_t)mfr_plan_warning_side(w);
	}
	for (uint32_t i = 0; i < mfr_plan_aftercare_count(p); i++) {
		const mfr_aftercare *ac = mfr_plan_aftercare_at(p, i);

		touch(mfr_aftercare_text(ac));
		touch(mfr_aftercare_key(ac));
		sink += (size_t)mfr_aftercare_kind(ac);
	}
	BOTH_JSON(mfr_plan_to_json, p);
	/* The body chart: drawn when the model has a chart, refused with
	 * MFR_E_CONSTRAINT when it has none; nothing else. */
	char *svg = NULL;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_plan_write(p, MFR_FORMAT_SVG, 0, &svg, NULL, &err);
	if (st != MFR_OK && st != MFR_E_CONSTRAINT)
		fuzz_fail("mfr_plan_write(svg) failed", mfr_error_message(err));
	if (st == MFR_OK && (strncmp(svg, "<?xml", 5) != 0 || strstr(svg, "<script")))
		fuzz_fail("an svg chart that is not one", svg);
	touch(svg);
	mfr_free(svg);
	mfr_error_free(err);
}

static void walk_program(const mfr_program *pg)
{
	sink += mfr_program_weeks(pg);
	for (uint32_t i = 0; i < mfr_program_session_count(pg); i++) {
		const mfr_program_session *ps = mfr_program_session_at(pg, i);

		touch(mfr_program_session_focus(ps));
		sink += mfr_program_session_day(ps) +
			(size_t)mfr_program_session_reassess(ps);
		walk_plan(mfr_program_session_plan(ps));
	}
	BOTH_JSON(mfr_program_to_json, pg);
}

/* Trace options from the bits of @p v, within the setters' ranges. */
static mfr_trace_options *trace_options(const mfr_model *m, uint32_t v)
{
	mfr_trace_options *o = NULL;

	if (mfr_trace_options_new(&o) != MFR_OK)
		return NULL;
	mfr_trace_options_set_max_results(o, 1 + (v & 63));
	mfr_trace_options_set_max_steps(o, 1 + ((v >> 6) & 15));
	mfr_trace_options_set_min_evidence(o, (int)((v >> 10) % 5));
	mfr_trace_options_set_relations(o, (v >> 13) & 15 ? (v >> 13) & 15 : 1);
	if ((v >> 17) & 1 && mfr_model_count(m, MFR_KIND_LINE))
		mfr_trace_options_add_line(o, mfr_model_key_at(m, MFR_KIND_LINE,
					   (v >> 18) % mfr_model_count(m, MFR_KIND_LINE)));
	return o;
}

/* Plan options from the bits of @p v, within the setters' ranges. */
static mfr_plan_options *plan_options(uint32_t v)
{
	mfr_plan_options *o = NULL;

	if (mfr_plan_options_new(&o) != MFR_OK)
		return NULL;
	mfr_plan_options_set_max_sites(o, 1 + (v % 40));
	mfr_plan_options_set_reposition_seconds(o, (v >> 8) % 601);
	mfr_plan_options_set_block_seconds(o, 30 + (v >> 16) % 871);
	return o;
}

/* One pass over every stage with the given options (NULL: the defaults). */
static void run_stages(const mfr_intake *in, const mfr_trace_options *to,
		       const mfr_plan_options *po, uint32_t sessions, uint32_t weeks)
{
	mfr_trace *t = NULL;
	mfr_plan *p = NULL;
	mfr_program *pg = NULL;
	mfr_error *err = NULL;

	if (mfr_trace_run(in, to, &t, &err) == MFR_OK)
		walk_trace(t);
	mfr_trace_free(t);
	mfr_error_free(err);
	err = NULL;
	if (mfr_plan_run(in, po, &p, &err) == MFR_OK)
		walk_plan(p);
	else
		touch(mfr_error_message(err));
	mfr_plan_free(p);
	mfr_error_free(err);
	err = NULL;
	if (mfr_program_run(in, sessions, weeks, po, &pg, &err) == MFR_OK)
		walk_program(pg);
	mfr_program_free(pg);
	mfr_error_free(err);
}

void fuzz_exercise(const mfr_intake *in, uint32_t variant)
{
	mfr_trace_options *to = trace_options(mfr_intake_model(in), variant);
	mfr_plan_options *po = plan_options(variant * 2654435761u);

	/* Two sessions over a week: the program's own logic (spacing,
	 * progression) at the cost of two plans. */
	run_stages(in, NULL, NULL, 2, 1);
	/* A second pass with other options, only for some inputs: it doubles
	 * the cost of an execution. */
	if ((variant & 3) == 0)
		run_stages(in, to, po, 1 + (variant >> 24) % 3, 1 + (variant >> 26) % 2);
	mfr_trace_options_free(to);
	mfr_plan_options_free(po);
}

void fuzz_check_intake_round_trip(const mfr_intake *in)
{
	char *a = NULL, *b = NULL;
	mfr_intake *again = NULL;
	mfr_error *err = NULL;

	if (mfr_intake_to_json(in, 0, &a, &err) != MFR_OK)
		fuzz_fail("mfr_intake_to_json failed", mfr_error_message(err));
	if (mfr_intake_from_json(mfr_intake_model(in), a, strlen(a), "<round trip>", &again,
				 &err) != MFR_OK) {
		fprintf(stderr, "%s\n", a);
		fuzz_fail("an intake's JSON does not read back", mfr_error_message(err));
	}
	if (mfr_intake_to_json(again, 0, &b, &err) != MFR_OK)
		fuzz_fail("mfr_intake_to_json failed on the copy", mfr_error_message(err));
	if (strcmp(a, b) != 0) {
		fprintf(stderr, "first:\n%s\nagain:\n%s\n", a, b);
		fuzz_fail("an intake changes when written and read back", NULL);
	}
	mfr_free(a);
	mfr_free(b);
	mfr_intake_free(again);
}

void fuzz_check_error(mfr_status_t st, const mfr_error *err)
{
	if (st >= 0)
		fuzz_fail("a failure with a status that is not negative", NULL);
	if (!err)
		return; /* only when out of memory */
	if (mfr_error_status(err) != st)
		fuzz_fail("the error's status differs from the one returned",
			  mfr_error_message(err));
	if (!*mfr_error_message(err))
		fuzz_fail("an error without a message", mfr_status_name(st));
	touch(mfr_error_source(err));
	touch(mfr_error_path(err));
	if (mfr_error_line(err) < 0 || mfr_error_column(err) < 0 ||
	    mfr_error_offset(err) < -1)
		fuzz_fail("an error with a negative place", mfr_error_message(err));
}

/* The text of @p m (or one entity of it); aborts when it cannot be made. */
static char *model_text(const mfr_model *m, int kind, const char *key)
{
	char *text = NULL;
	mfr_error *err = NULL;

	if (mfr_model_to_json(m, kind, key, 0, &text, &err) != MFR_OK)
		fuzz_fail("a loaded model does not serialize", mfr_error_message(err));
	return text;
}

void fuzz_check_model_round_trip(const mfr_model *m)
{
	char *a = model_text(m, 0, NULL), *b;
	mfr_model *again = NULL;
	mfr_error *err = NULL;

	if (mfr_model_load_buffer(a, strlen(a), "<round trip>", &again, &err) != MFR_OK)
		fuzz_fail("a model's JSON does not load back", mfr_error_message(err));
	b = model_text(again, 0, NULL);
	if (strcmp(a, b) != 0)
		fuzz_fail("a model changes when written and loaded back", NULL);
	mfr_free(b);
	mfr_free(a);
	mfr_model_free(again);
	/* Each entity on its own, and what the "did you mean" search gives. */
	for (int kind = MFR_KIND_REGION; kind <= MFR_KIND_SCREENING; kind++) {
		const char *near[3];

		for (uint32_t i = 0; i < mfr_model_count(m, kind); i++) {
			const char *key = mfr_model_key_at(m, kind, i);

			if (!mfr_model_has(m, kind, key))
				fuzz_fail("a listed key is not found", key);
			char *text = model_text(m, kind, key);
			touch(text);
			mfr_free(text);
		}
		mfr_model_suggest(m, kind, "fuzz", near, 3);
	}
}

void fuzz_exercise_model(const mfr_model *m, uint32_t variant)
{
	uint32_t n = mfr_model_count(m, MFR_KIND_REGION), done = 0;

	/* A few regions from a place the input picks: enough to reach the
	 * graph, the hierarchy and the safety rules, bounded in time. */
	for (uint32_t k = 0; k < n && done < 2; k++) {
		const mfr_region *r = mfr_model_region_at(m, (variant + k * 7919u) % n);
		int side = mfr_region_laterality(r) == MFR_LATERALITY_MIDLINE
			? MFR_SIDE_MIDLINE : (k & 1 ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT);
		mfr_intake *in = NULL;

		if (mfr_intake_new(m, &in) != MFR_OK)
			continue;
		if (mfr_intake_add_symptom(in, mfr_region_key(r), side, 7,
					   MFR_ONSET_UNSPECIFIED, NULL) == MFR_OK) {
			fuzz_exercise(in, variant >> 3);
			done++;
		}
		mfr_intake_free(in);
	}
}
