/*
 * libmfr tests: the trace on the small test model, where every score can be
 * worked out by hand (doc/algorithm.md §6), plus options, determinism, JSON
 * and argument handling.
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "util.h"

static mfr_model *model;
static mfr_intake *intake;

static void setup(void)
{
	model = mfr_test_load_model("minimal.json");
	ck_assert_int_eq(mfr_intake_new(model, &intake), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(intake, "heel", MFR_SIDE_LEFT, 7,
						MFR_ONSET_CHRONIC, NULL), MFR_OK);
}

static void teardown(void)
{
	mfr_intake_free(intake);
	mfr_model_free(model);
}

static void assert_result(const mfr_trace *t, uint32_t i, const char *region, int side,
			  double score, int distance)
{
	const mfr_trace_result *r = mfr_trace_result_at(t, i);

	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(mfr_region_key(mfr_trace_result_region(r)), region);
	ck_assert_int_eq(mfr_trace_result_side(r), side);
	ck_assert_msg(fabs(mfr_trace_result_score(r) - score) < 1e-6, "%s: score %.7f, wanted %.7f",
		      region, mfr_trace_result_score(r), score);
	ck_assert_int_eq(mfr_trace_result_distance(r), distance);
}

/* The worked example of doc/algorithm.md §6, number for number. */
START_TEST(hand_computed_scores)
{
	mfr_trace *t = NULL;
	double w = 8.0 / 11.0;

	ck_assert_int_eq(mfr_trace_run(intake, NULL, &t, NULL), MFR_OK);
	ck_assert_uint_eq(mfr_trace_result_count(t), 4);
	assert_result(t, 0, "calf_muscle", MFR_SIDE_LEFT, w * 0.95, MFR_DISTANCE_DISTANT);
	/* The Test Line passes through the sacrum (two strong steps) and
	 * crosses; it is the path's first line step, out of a body segment
	 * (unknown here: 0.8) and from a referral's source (0.7). */
	assert_result(t, 1, "back_muscle", MFR_SIDE_RIGHT, w * 0.95 * (0.95 * 0.95 * 0.8 * 0.7),
		      MFR_DISTANCE_CONTRALATERAL);
	assert_result(t, 2, "back_muscle", MFR_SIDE_LEFT, w * 0.95 * (0.70 * 0.8 * 0.7),
		      MFR_DISTANCE_DISTANT);

	const mfr_trace_result *r = mfr_trace_result_at(t, 1);
	const mfr_trace_path *p = mfr_trace_result_path_at(r, 0);
	ck_assert_uint_eq(mfr_trace_result_path_count(r), 1);
	ck_assert_uint_eq(mfr_trace_path_symptom(p), 0);
	ck_assert_uint_eq(mfr_trace_path_step_count(p), 2);
	ck_assert_int_eq(mfr_trace_path_step_relation(mfr_trace_path_step_at(p, 0)), MFR_RELATION_REFERRAL);
	ck_assert_str_eq(mfr_referral_key(mfr_trace_path_step_referral(mfr_trace_path_step_at(p, 0))), "calf_muscle_trp1");
	ck_assert_int_eq(mfr_trace_path_step_zone(mfr_trace_path_step_at(p, 0)), MFR_ZONE_ESSENTIAL);
	ck_assert_str_eq(mfr_region_key(mfr_trace_path_step_from(mfr_trace_path_step_at(p, 0))), "heel");
	ck_assert_int_eq(mfr_trace_path_step_from_side(mfr_trace_path_step_at(p, 0)), MFR_SIDE_LEFT);
	ck_assert_int_eq(mfr_trace_path_step_relation(mfr_trace_path_step_at(p, 1)), MFR_RELATION_LINE);
	ck_assert_str_eq(mfr_line_key(mfr_trace_path_step_line(mfr_trace_path_step_at(p, 1))), "test_line");
	ck_assert_int_eq(mfr_trace_path_step_crosses(mfr_trace_path_step_at(p, 1)), 1);
	ck_assert_int_eq(mfr_trace_path_step_to_side(mfr_trace_path_step_at(p, 1)), MFR_SIDE_RIGHT);
	ck_assert(fabs(mfr_trace_path_step_factor(mfr_trace_path_step_at(p, 1)) - 0.95 * 0.95 * 0.8 * 0.7) < 1e-6);
	ck_assert_ptr_null(mfr_trace_path_step_line(mfr_trace_path_step_at(p, 0)));
	ck_assert_ptr_null(mfr_trace_path_step_referral(mfr_trace_path_step_at(p, 1)));
	ck_assert_ptr_nonnull(strstr(mfr_trace_result_explain(r), "crossing the midline"));
	ck_assert_ptr_nonnull(strstr(mfr_trace_result_explain(mfr_trace_result_at(t, 0)),
				     "refers pain to the left heel"));
	mfr_trace_free(t);
}
END_TEST

START_TEST(condition_prior)
{
	mfr_trace *t = NULL;

	ck_assert_int_eq(mfr_intake_add_condition(intake, "heel_pain", NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(intake, NULL, &t, NULL), MFR_OK);
	/* heel_pain lists the calf muscle: its score gains the 1.5 prior. */
	assert_result(t, 0, "calf_muscle", MFR_SIDE_LEFT, 8.0 / 11.0 * 0.95 * 1.5,
		      MFR_DISTANCE_DISTANT);
	mfr_trace_free(t);
}
END_TEST

START_TEST(options_filter)
{
	mfr_trace_options *o = NULL;
	mfr_trace *t = NULL;

	ck_assert_int_eq(mfr_trace_options_new(&o), MFR_OK);
	/* Strong lines only: no path follows the Plain Line (not assessed). */
	ck_assert_int_eq(mfr_trace_options_set_min_evidence(o, MFR_EVIDENCE_STRONG), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(intake, o, &t, NULL), MFR_OK);
	ck_assert_uint_gt(mfr_trace_result_count(t), 1);
	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const mfr_trace_result *r = mfr_trace_result_at(t, i);

		for (uint32_t k = 0; k < mfr_trace_result_path_count(r); k++) {
			const mfr_trace_path *p = mfr_trace_result_path_at(r, k);

			for (uint32_t j = 0; j < mfr_trace_path_step_count(p); j++)
				if (mfr_trace_path_step_line(mfr_trace_path_step_at(p, j)))
					ck_assert_int_eq(mfr_line_evidence(mfr_trace_path_step_line(mfr_trace_path_step_at(p, j))),
							 MFR_EVIDENCE_STRONG);
		}
	}
	mfr_trace_free(t);

	/* Lines alone: the heel lies on no line, so nothing is reached. */
	ck_assert_int_eq(mfr_trace_options_set_min_evidence(o, MFR_EVIDENCE_NOT_ASSESSED), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_relations(o, MFR_RELATION_LINE), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(intake, o, &t, NULL), MFR_OK);
	ck_assert_uint_eq(mfr_trace_result_count(t), 0);
	mfr_trace_free(t);

	/* One result, one step. */
	ck_assert_int_eq(mfr_trace_options_set_relations(o, MFR_RELATION_ALL), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_results(o, 1), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_steps(o, 1), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(intake, o, &t, NULL), MFR_OK);
	ck_assert_uint_eq(mfr_trace_result_count(t), 1);
	mfr_trace_free(t);

	/* Only the Plain Line: the crossing Test Line is not followed. */
	ck_assert_int_eq(mfr_trace_options_set_max_results(o, 20), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_steps(o, 6), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_add_line(o, "plain_line"), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(intake, o, &t, NULL), MFR_OK);
	assert_result(t, 1, "back_muscle", MFR_SIDE_LEFT, 8.0 / 11.0 * 0.95 * (0.70 * 0.8 * 0.7),
		      MFR_DISTANCE_DISTANT);
	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const mfr_trace_path *p = mfr_trace_result_path_at(mfr_trace_result_at(t, i), 0);

		for (uint32_t j = 0; j < mfr_trace_path_step_count(p); j++)
			if (mfr_trace_path_step_line(mfr_trace_path_step_at(p, j)))
				ck_assert_str_eq(mfr_line_key(mfr_trace_path_step_line(mfr_trace_path_step_at(p, j))),
						 "plain_line");
	}
	mfr_trace_free(t);

	/* An unknown line is named, with the nearest one. */
	mfr_error *err = NULL;
	ck_assert_int_eq(mfr_trace_options_add_line(o, "test_lin"), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(intake, o, &t, &err), MFR_E_REFERENCE);
	ck_assert_ptr_null(t);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "did you mean \"test_line\""));
	mfr_error_free(err);

	ck_assert_int_eq(mfr_trace_options_set_max_results(o, 0), MFR_E_RANGE);
	ck_assert_int_eq(mfr_trace_options_set_max_steps(o, 65), MFR_E_RANGE);
	ck_assert_int_eq(mfr_trace_options_set_min_evidence(o, 9), MFR_E_RANGE);
	ck_assert_int_eq(mfr_trace_options_set_relations(o, 0), MFR_E_RANGE);
	ck_assert_int_eq(mfr_trace_options_set_relations(o, 0x10), MFR_E_RANGE);
	ck_assert_int_eq(mfr_trace_options_add_line(o, ""), MFR_E_RANGE);
	ck_assert_int_eq(mfr_trace_options_add_line(NULL, "x"), MFR_E_INVALID);
	mfr_trace_options_free(o);
	mfr_trace_options_free(NULL);
}
END_TEST

/* Byte-identical JSON, run after run and for an intake read back from its
 * own JSON. */
START_TEST(deterministic_json)
{
	mfr_model *def = NULL;
	mfr_intake *in = NULL, *again = NULL;
	mfr_trace *t1 = NULL, *t2 = NULL;
	char *a = NULL, *b = NULL, *ij = NULL;

	ck_assert_int_eq(mfr_model_default(&def, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_new(def, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "low_back", MFR_SIDE_RIGHT, 7, 0, NULL), 0);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "neck", MFR_SIDE_LEFT, 4, 0, NULL), 0);
	ck_assert_int_eq(mfr_trace_run(in, NULL, &t1, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_to_json(t1, 0, &a, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_to_json(in, MFR_JSON_COMPACT, &ij, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_from_json(def, ij, strlen(ij), NULL, &again, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(again, NULL, &t2, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_to_json(t2, 0, &b, NULL), MFR_OK);
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(strstr(a, "\"format\": \"libmfr-trace\""));
	ck_assert_ptr_nonnull(strstr(a, "not a diagnosis"));
	mfr_free(a);
	mfr_free(b);
	mfr_free(ij);
	mfr_trace_free(t1);
	mfr_trace_free(t2);
	mfr_intake_free(in);
	mfr_intake_free(again);
	mfr_model_free(def);
}
END_TEST

START_TEST(empty_and_null)
{
	mfr_intake *empty = NULL;
	mfr_trace *t = (mfr_trace *)1;
	mfr_error *err = NULL;

	ck_assert_int_eq(mfr_intake_new(model, &empty), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(empty, NULL, &t, NULL), MFR_OK);
	ck_assert_uint_eq(mfr_trace_result_count(t), 0);
	ck_assert_ptr_null(mfr_trace_result_at(t, 0));
	mfr_trace_free(t);
	mfr_intake_free(empty);

	t = (mfr_trace *)1;
	ck_assert_int_eq(mfr_trace_run(NULL, NULL, &t, &err), MFR_E_INVALID);
	ck_assert_ptr_null(t);
	mfr_error_free(err);
	ck_assert_int_eq(mfr_trace_run(intake, NULL, NULL, NULL), MFR_E_INVALID);
	mfr_trace_free(NULL);
	ck_assert_uint_eq(mfr_trace_result_count(NULL), 0);
	ck_assert_ptr_null(mfr_trace_result_region(NULL));
	ck_assert_ptr_null(mfr_trace_result_explain(NULL));
	ck_assert_uint_eq(mfr_trace_path_step_count(NULL), 0);
	ck_assert_ptr_null(mfr_trace_path_step_from(mfr_trace_path_step_at(NULL, 0)));
	ck_assert_str_eq(mfr_relation_name(MFR_RELATION_REFERRAL), "referral");
	ck_assert_ptr_null(mfr_relation_name(3));
	ck_assert_str_eq(mfr_distance_name(MFR_DISTANCE_CONTRALATERAL), "contralateral");
	ck_assert_ptr_null(mfr_distance_name(0));
	char *s = (char *)1;
	ck_assert_int_eq(mfr_trace_to_json(NULL, 0, &s, NULL), MFR_E_INVALID);
	ck_assert_ptr_null(s);

	/* Plans and programs: a bad argument is an error naming the function,
	 * with the out-parameter NULL; never a crash. */
	mfr_plan *p = (mfr_plan *)1;
	mfr_program *pg = (mfr_program *)1;

	err = NULL;
	ck_assert_int_eq(mfr_plan_run(NULL, NULL, &p, &err), MFR_E_INVALID);
	ck_assert_ptr_null(p);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "mfr_plan_run"));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_plan_run(intake, NULL, NULL, NULL), MFR_E_INVALID);
	ck_assert_int_eq(mfr_program_run(NULL, 2, 1, NULL, &pg, &err), MFR_E_INVALID);
	ck_assert_ptr_null(pg);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "mfr_program_run"));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_program_run(intake, 2, 1, NULL, NULL, NULL), MFR_E_INVALID);

	ck_assert_int_eq(mfr_plan_run(intake, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_program_run(intake, 2, 1, NULL, &pg, NULL), MFR_OK);
	s = (char *)1;
	ck_assert_int_eq(mfr_plan_to_json(NULL, 0, &s, &err), MFR_E_INVALID);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "mfr_plan_to_json"));
	mfr_error_free(err);
	err = NULL;
	s = (char *)1;
	ck_assert_int_eq(mfr_plan_to_json(p, 0x100, &s, NULL), MFR_E_INVALID);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(mfr_plan_to_json(p, 0, NULL, NULL), MFR_E_INVALID);
	s = (char *)1;
	ck_assert_int_eq(mfr_program_to_json(NULL, 0, &s, &err), MFR_E_INVALID);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "mfr_program_to_json"));
	mfr_error_free(err);
	err = NULL;
	s = (char *)1;
	ck_assert_int_eq(mfr_program_to_json(pg, 0x100, &s, NULL), MFR_E_INVALID);
	ck_assert_ptr_null(s);
	ck_assert_int_eq(mfr_program_to_json(pg, 0, NULL, NULL), MFR_E_INVALID);
	mfr_program_free(pg);
	mfr_plan_free(p);
}
END_TEST

/* A region named with 600 two-byte characters: explanations and plan
 * texts are cut at a character, so the JSON writer takes them (a cut
 * inside one made jansson refuse the string, reported as out of memory). */
START_TEST(long_names_stay_utf8)
{
	char path[4096];
	size_t size;
	char *text, *name = mfr_test_repeat("\xc3\xa9", 600), *at, *json = NULL;
	mfr_test_buf b = { NULL, 0, 0 };
	mfr_model *m = NULL;
	mfr_intake *in = NULL;
	mfr_trace *t = NULL;
	mfr_plan *p = NULL;
	mfr_error *err = NULL;

	mfr_test_path(path, sizeof(path), "models/minimal.json");
	text = mfr_test_read(path, &size);
	at = strstr(text, "\"name\": \"calf muscle\"");
	ck_assert_ptr_nonnull(at);
	*at = '\0';
	mfr_test_buf_add(&b, "%s\"name\": \"%s\"%s", text, name,
			 at + strlen("\"name\": \"calf muscle\""));
	mfr_test_assert_ok(mfr_model_load_buffer(b.data, b.len, "long.json", &m, &err), err,
			   "long.json");
	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 7, 0, NULL), MFR_OK);
	mfr_test_assert_ok(mfr_trace_run(in, NULL, &t, &err), err, "trace");
	ck_assert_uint_gt(mfr_trace_result_count(t), 0);
	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const char *x = mfr_trace_result_explain(mfr_trace_result_at(t, i));

		ck_assert_msg(mfr_test_utf8_valid(x), "result %u: %s", i, x);
		ck_assert_uint_lt(strlen(x), 1024);
	}
	mfr_test_assert_ok(mfr_trace_to_json(t, 0, &json, &err), err, "trace JSON");
	ck_assert_ptr_nonnull(strstr(json, "\xc3\xa9..."));
	mfr_free(json);

	mfr_test_assert_ok(mfr_plan_run(in, NULL, &p, &err), err, "plan");
	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++)
		ck_assert(mfr_test_utf8_valid(mfr_plan_step_rationale(mfr_plan_step_at(p, i))));
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++)
		ck_assert(mfr_test_utf8_valid(mfr_plan_warning_text(mfr_plan_warning_at(p, i))));
	mfr_test_assert_ok(mfr_plan_to_json(p, 0, &json, &err), err, "plan JSON");
	mfr_free(json);

	mfr_plan_free(p);
	mfr_trace_free(t);
	mfr_intake_free(in);
	mfr_model_free(m);
	free(b.data);
	free(text);
	free(name);
}
END_TEST

/* Reading a finished trace allocates nothing, so it cannot fail: with
 * every allocation failing, the explanations are all there (they were once
 * written on first read, and came back "" when memory ran out) and equal
 * to a second trace's. */
START_TEST(reading_allocates_nothing)
{
	mfr_trace *t = NULL, *again = NULL;

	ck_assert_int_eq(mfr_trace_run(intake, NULL, &t, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(intake, NULL, &again, NULL), MFR_OK);
	ck_assert_uint_gt(mfr_trace_result_count(t), 0);
	mfr__alloc_fail_after(0, 1);
	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const char *x = mfr_trace_result_explain(mfr_trace_result_at(t, i));
		const char *y = mfr_trace_result_explain(mfr_trace_result_at(again, i));

		if (strcmp(x, y) != 0 || !*x) {
			mfr__alloc_fail_after(-1, 0);
			ck_abort_msg("result %u: \"%s\" / \"%s\"", i, x, y);
		}
	}
	long failed = mfr__alloc_fail_after(-1, 0);
	ck_assert_int_eq(failed, 0);
	mfr_trace_free(again);
	mfr_trace_free(t);
}
END_TEST

/* An intake without symptoms has nothing to plan: a clear error, not an
 * "ok" plan of no steps whose warning pointed at warnings that did not
 * exist. With symptoms but no treatment site in reach, the warning says so. */
START_TEST(plan_without_symptoms_or_sites)
{
	mfr_intake *empty = NULL;
	mfr_plan *p = (mfr_plan *)1;
	mfr_program *pg = (mfr_program *)1;
	mfr_error *err = NULL;

	ck_assert_int_eq(mfr_intake_new(model, &empty), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_precaution(empty, "fever", NULL, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(empty, NULL, &p, &err), MFR_E_MISSING);
	ck_assert_ptr_null(p);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "the intake records no symptoms"));
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "add at least one symptom"));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_program_run(empty, 2, 1, NULL, &pg, &err), MFR_E_MISSING);
	ck_assert_ptr_null(pg);
	mfr_error_free(err);
	err = NULL;
	mfr_intake_free(empty);

	static const char lonely[] =
		"{\"format\": \"libmfr-model\", \"format_version\": 1, \"name\": \"lonely\", "
		"\"model_version\": \"1\", \"sources\": [{\"key\": \"s\", \"citation\": \"c\"}], "
		"\"regions\": [{\"key\": \"spot\", \"name\": \"spot\", \"kind\": \"area\", "
		"\"laterality\": \"midline\", \"positions\": [\"prone\"], \"depth\": \"superficial\", "
		"\"sources\": [\"s\"]}], \"lines\": [], \"referrals\": [], \"techniques\": [], "
		"\"conditions\": [], \"precautions\": []}";
	mfr_model *m = NULL;
	mfr_intake *in = NULL;

	mfr_test_assert_ok(mfr_model_load_buffer(lonely, sizeof(lonely) - 1, "lonely", &m, &err),
			   err, "lonely");
	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "spot", 0, 5, 0, NULL), MFR_OK);
	mfr_test_assert_ok(mfr_plan_run(in, NULL, &p, &err), err, "plan");
	ck_assert_uint_eq(mfr_plan_step_count(p), 0);
	ck_assert_uint_eq(mfr_plan_warning_count(p), 1);
	ck_assert_int_eq(mfr_plan_warning_kind(mfr_plan_warning_at(p, 0)), MFR_WARNING_NO_SITES);
	ck_assert_str_eq(mfr_plan_warning_text(mfr_plan_warning_at(p, 0)), "no traced site could be planned: the "
			 "trace found no treatment site for these symptoms");
	mfr_plan_free(p);
	mfr_intake_free(in);
	mfr_model_free(m);
}
END_TEST

/* A search sizes its table of visited sites for 4,096 of them and grows it
 * past that: a midline symptom area over 2,100 bilateral structures
 * reaches 4,200 sites in one search, more than the first table holds.
 * Every structure must still be found once on each side, with the score of
 * one step down the hierarchy, as in a model too small for the table to
 * grow. */
START_TEST(search_outgrows_its_table)
{
	enum { N = 2100 };
	mfr_test_buf b = { 0 };
	mfr_model *m = NULL;
	mfr_intake *in = NULL;
	mfr_trace_options *o = NULL;
	mfr_trace *t = NULL;
	mfr_error *err = NULL;

	mfr_test_buf_add(&b, "{\"format\": \"libmfr-model\", \"format_version\": 1, "
			 "\"name\": \"wide\", \"model_version\": \"1\", \"sources\": "
			 "[{\"key\": \"s\", \"citation\": \"c\"}], \"regions\": [{\"key\": "
			 "\"spot\", \"name\": \"spot\", \"kind\": \"area\", \"laterality\": "
			 "\"midline\", \"positions\": [\"prone\"], \"depth\": \"superficial\", "
			 "\"sources\": [\"s\"]}");
	for (int i = 0; i < N; i++)
		mfr_test_buf_add(&b, ", {\"key\": \"m%d\", \"name\": \"m%d\", \"kind\": "
				 "\"muscle\", \"parent\": \"spot\", \"laterality\": \"bilateral\", "
				 "\"positions\": [\"prone\"], \"depth\": \"superficial\", "
				 "\"sources\": [\"s\"]}", i, i);
	mfr_test_buf_add(&b, "], \"lines\": [], \"referrals\": [], \"techniques\": [], "
			 "\"conditions\": [], \"precautions\": []}");
	mfr_status_t st = mfr_model_load_buffer(b.data, b.len, "wide", &m, &err);
	free(b.data);
	mfr_test_assert_ok(st, err, "wide model");

	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "spot", 0, 5, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_new(&o), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_results(o, 10000), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(in, o, &t, NULL), MFR_OK);

	/* Each structure once per side, all with one score. */
	unsigned char *seen = calloc(N, 2);
	double score = -1;

	ck_assert_ptr_nonnull(seen);
	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const mfr_trace_result *r = mfr_trace_result_at(t, i);
		const char *key = mfr_region_key(mfr_trace_result_region(r));
		int side = mfr_trace_result_side(r) == MFR_SIDE_RIGHT;

		if (strcmp(key, "spot") == 0)
			continue;
		ck_assert_int_eq(key[0], 'm');
		int k = atoi(key + 1);
		ck_assert(k >= 0 && k < N);
		ck_assert_msg(!seen[2 * k + side], "%s found twice on one side", key);
		seen[2 * k + side] = 1;
		if (score < 0)
			score = mfr_trace_result_score(r);
		ck_assert(fabs(mfr_trace_result_score(r) - score) < 1e-9);
	}
	for (int k = 0; k < 2 * N; k++)
		ck_assert_msg(seen[k], "m%d not found on the %s", k / 2, k % 2 ? "right" : "left");
	free(seen);
	mfr_trace_free(t);
	mfr_trace_options_free(o);
	mfr_intake_free(in);
	mfr_model_free(m);
}
END_TEST

Suite *mfr_test_trace_suite(void)
{
	Suite *s = suite_create("trace");
	TCase *tc = tcase_create("trace");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, hand_computed_scores);
	tcase_add_test(tc, condition_prior);
	tcase_add_test(tc, options_filter);
	tcase_add_test(tc, deterministic_json);
	tcase_add_test(tc, empty_and_null);
	tcase_add_test(tc, long_names_stay_utf8);
	tcase_add_test(tc, reading_allocates_nothing);
	tcase_add_test(tc, plan_without_symptoms_or_sites);
	tcase_add_test(tc, search_outgrows_its_table);
	suite_add_tcase(s, tc);
	return s;
}
