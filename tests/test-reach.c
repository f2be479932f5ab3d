/*
 * libmfr tests: a trace from the model's reach lists (lib/trace.c, "reach
 * lists") is the trace of the live search, byte for byte: the JSON of
 * every intake of data/intakes.jsonl and of generated ones
 * (bench/gen-intakes.py), under several options, on the default model and
 * on a generated model (bench/gen-model.py), with the lists on and off;
 * and so on a model that threads trace at once while its lists are made.
 * SPDX-License-Identifier: MIT
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace-private.h"
#include "util.h"

/* The option sets each intake is traced under. */
#define N_OPTS 10

static mfr_trace_options *make_options(int k)
{
	mfr_trace_options *o = NULL;

	ck_assert_int_eq(mfr_trace_options_new(&o), MFR_OK);
	switch (k) {
	case 0: break; /* the defaults: 20 results, 6 steps */
	case 1: ck_assert_int_eq(mfr_trace_options_set_max_results(o, 1), MFR_OK); break;
	case 2: ck_assert_int_eq(mfr_trace_options_set_max_results(o, 5), MFR_OK); break;
	case 3: ck_assert_int_eq(mfr_trace_options_set_max_results(o, 80), MFR_OK); break;
	case 4: ck_assert_int_eq(mfr_trace_options_set_max_results(o, 10000), MFR_OK); break;
	case 5:
		ck_assert_int_eq(mfr_trace_options_set_relations(
					 o, MFR_RELATION_LINE | MFR_RELATION_HIERARCHY |
						    MFR_RELATION_REFERRAL), MFR_OK);
		break;
	case 6:
		ck_assert_int_eq(mfr_trace_options_set_min_evidence(o, MFR_EVIDENCE_LIMITED),
				 MFR_OK);
		break;
	case 7: ck_assert_int_eq(mfr_trace_options_set_max_steps(o, 4), MFR_OK); break;
	case 8: /* a full trace, as bench-trace makes it */
		ck_assert_int_eq(mfr_trace_options_set_max_results(o, 10000), MFR_OK);
		ck_assert_int_eq(mfr_trace_options_set_max_steps(o, 64), MFR_OK);
		break;
	default:
		ck_assert_int_eq(mfr_trace_options_set_relations(o, MFR_RELATION_ALL), MFR_OK);
		ck_assert_int_eq(mfr_trace_options_set_max_results(o, 30), MFR_OK);
		break;
	}
	return o;
}

static char *trace_json(const mfr_intake *in, const mfr_trace_options *o, int *merged)
{
	mfr_trace *t = NULL;
	mfr_error *err = NULL;
	char *json = NULL;

	mfr_test_assert_ok(mfr_trace_run(in, o, &t, &err), err, "trace");
	mfr_test_assert_ok(mfr_trace_to_json(t, 0, &json, &err), err, "trace JSON");
	if (merged)
		*merged += t->merged;
	mfr_trace_free(t);
	return json;
}

typedef struct tally {
	uint32_t intakes, traces, merged;
	uint32_t seen; /* intakes met, compared or not */
} tally;

/* One in how many intakes is compared: 1, or $MFR_REACH_STRIDE (the
 * valgrind setup sets 16: memcheck runs the test about 60 times slower).
 * The sample is every stride-th intake met, counting from the first, over
 * the files and the random intakes alike; the random intakes are made all
 * the same, so a sample is a subset of the full run's intakes. */
static uint32_t stride(void)
{
	return (uint32_t)mfr_test_env_int("MFR_REACH_STRIDE", 1);
}

/* Trace @p in under every option set, with the lists off and on; the JSON
 * must be the same. */
static void compare_intake(mfr_model *m, const mfr_intake *in, const char *line, tally *n)
{
	if (n->seen++ % stride() != 0)
		return;
	for (int k = 0; k < N_OPTS; k++) {
		mfr_trace_options *o = make_options(k);
		int merged = 0;

		mfr__trace_reach_enable(m, 0);
		char *live = trace_json(in, o, &merged);
		ck_assert_int_eq(merged, 0);
		mfr__trace_reach_enable(m, 1);
		char *lists = trace_json(in, o, &merged);

		ck_assert_msg(strcmp(live, lists) == 0,
			      "options %d: the trace from the reach lists differs from the "
			      "live search for %s", k, line);
		n->traces++;
		n->merged += (uint32_t)merged;
		mfr_free(live);
		mfr_free(lists);
		mfr_trace_options_free(o);
	}
	n->intakes++;
}

/* Every intake of the JSON-lines file @p path (those the model rejects are
 * skipped: gen-intakes.py writes a few on purpose). */
static void compare_file(mfr_model *m, const char *path, tally *n)
{
	FILE *f = fopen(path, "r");
	char line[8192];

	ck_assert_msg(f != NULL, "cannot open %s", path);
	while (fgets(line, sizeof(line), f)) {
		mfr_intake *in = NULL;

		if (mfr_intake_from_json(m, line, strlen(line), NULL, &in, NULL) != MFR_OK)
			continue;
		compare_intake(m, in, line, n);
		mfr_intake_free(in);
	}
	fclose(f);
}

/* Intakes made here: one to four symptoms on random chart areas (every
 * side, every intensity), sometimes a condition. */
static void compare_random(mfr_model *m, uint32_t count, unsigned seed, tally *n)
{
	uint32_t nregions = mfr_model_count(m, MFR_KIND_REGION);
	uint32_t nconds = mfr_model_count(m, MFR_KIND_CONDITION);
	const mfr_region **areas = malloc(nregions * sizeof(*areas));
	uint32_t nareas = 0;

	ck_assert_ptr_nonnull(areas);
	for (uint32_t i = 0; i < nregions; i++) {
		const mfr_region *r = mfr_model_region_at(m, i);

		if (mfr_region_kind(r) == MFR_REGION_AREA)
			areas[nareas++] = r;
	}
	ck_assert_uint_gt(nareas, 0);
	srand(seed);
	for (uint32_t k = 0; k < count; k++) {
		mfr_intake *in = NULL;
		char what[64];

		ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
		for (int s = 1 + rand() % 4; s > 0; s--) {
			const mfr_region *r = areas[rand() % (int)nareas];
			int side = mfr_region_laterality(r) == MFR_LATERALITY_MIDLINE
				? MFR_SIDE_MIDLINE : rand() % 2 ? MFR_SIDE_LEFT : MFR_SIDE_RIGHT;

			mfr_intake_add_symptom(in, mfr_region_key(r), side, rand() % 11,
					       MFR_ONSET_CHRONIC, NULL);
		}
		if (nconds && rand() % 3 == 0)
			mfr_intake_add_condition(in, mfr_condition_key(mfr_model_condition_at(
							     m, (uint32_t)rand() % nconds)), NULL);
		snprintf(what, sizeof(what), "random intake %u (seed %u)", k, seed);
		compare_intake(m, in, what, n);
		mfr_intake_free(in);
	}
	free(areas);
}

static void report(const char *what, const tally *n)
{
	printf("reach: %s: %u of %u intakes (one in %u), %u traces compared, %u from the "
	       "lists\n", what, n->intakes, n->seen, stride(), n->traces, n->merged);
	ck_assert_uint_gt(n->intakes, 0);
	/* Not vacuous: most default-option traces come from the lists. */
	ck_assert_uint_gt(n->merged, n->intakes);
}

START_TEST(default_model_same_traces)
{
	mfr_model *m = NULL;
	char path[4096];
	tally n = { 0 };

	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	mfr_test_path(path, sizeof(path), "intakes.jsonl");
	compare_file(m, path, &n);
	if (getenv("MFR_TEST_REACH_INTAKES"))
		compare_file(m, getenv("MFR_TEST_REACH_INTAKES"), &n);
	compare_random(m, 80, 1, &n);
	report("default model", &n);
	mfr_model_free(m);
}
END_TEST

START_TEST(generated_model_same_traces)
{
	const char *model_path = getenv("MFR_TEST_REACH_MODEL");
	mfr_model *m = NULL;
	mfr_error *err = NULL;
	tally n = { 0 };

	if (!model_path) {
		printf("reach: no generated model (python3 not found): skipped\n");
		return;
	}
	mfr_test_assert_ok(mfr_model_load_file(model_path, &m, &err), err, model_path);
	if (getenv("MFR_TEST_REACH_MODEL_INTAKES"))
		compare_file(m, getenv("MFR_TEST_REACH_MODEL_INTAKES"), &n);
	compare_random(m, 80, 2, &n);
	report("generated model", &n);
	mfr_model_free(m);
}
END_TEST

/* Threads trace at once on a model whose lists are not made yet: each
 * list is published once, and every trace is the live search's. */
#define N_THREADS 4
#define N_THREAD_INTAKES 24

typedef struct job {
	mfr_intake **intakes;
	char **expect;
	int first;
	int ok;
} job;

static void *run_job(void *p)
{
	job *j = p;

	j->ok = 1;
	for (int k = 0; k < N_THREAD_INTAKES; k++) {
		int i = (j->first + k) % N_THREAD_INTAKES;
		mfr_trace *t = NULL;
		char *json = NULL;

		if (mfr_trace_run(j->intakes[i], NULL, &t, NULL) != MFR_OK ||
		    mfr_trace_to_json(t, 0, &json, NULL) != MFR_OK)
			j->ok = 0;
		else if (strcmp(json, j->expect[i]) != 0)
			j->ok = 0;
		mfr_free(json);
		mfr_trace_free(t);
	}
	return NULL;
}

START_TEST(threads_share_lists)
{
	static const char *const areas[] = { "heel", "low_back", "posterior_neck", "temple",
					     "lateral_thigh", "medial_knee", "occiput",
					     "posterior_shoulder" };
	mfr_model *m = NULL;
	mfr_intake *intakes[N_THREAD_INTAKES];
	char *expect[N_THREAD_INTAKES];
	pthread_t th[N_THREADS];
	job jobs[N_THREADS];

	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	mfr__trace_reach_enable(m, 0);
	for (int i = 0; i < N_THREAD_INTAKES; i++) {
		ck_assert_int_eq(mfr_intake_new(m, &intakes[i]), MFR_OK);
		for (int s = 0; s < 3; s++)
			mfr_test_assert_ok(mfr_intake_add_symptom(intakes[i], areas[(i + 3 * s) % 8],
								  (i + s) % 2 ? MFR_SIDE_LEFT
									      : MFR_SIDE_RIGHT,
								  (i * 7 + s) % 11, MFR_ONSET_CHRONIC,
								  NULL), NULL, "symptom");
		expect[i] = trace_json(intakes[i], NULL, NULL);
	}
	mfr__trace_reach_enable(m, 1);
	for (int t = 0; t < N_THREADS; t++) {
		jobs[t] = (job){ intakes, expect, t * 5, 0 };
		ck_assert_int_eq(pthread_create(&th[t], NULL, run_job, &jobs[t]), 0);
	}
	for (int t = 0; t < N_THREADS; t++) {
		pthread_join(th[t], NULL);
		ck_assert_msg(jobs[t].ok, "thread %d: a trace differs from the live search", t);
	}
	for (int i = 0; i < N_THREAD_INTAKES; i++) {
		mfr_free(expect[i]);
		mfr_intake_free(intakes[i]);
	}
	mfr_model_free(m);
}
END_TEST

Suite *mfr_test_reach_suite(void)
{
	Suite *s = suite_create("reach");
	TCase *tc = tcase_create("compare");
	TCase *th = tcase_create("threads"); /* alone: CK_RUN_CASE=threads (TSan) */

	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, default_model_same_traces);
	tcase_add_test(tc, generated_model_same_traces);
	suite_add_tcase(s, tc);
	tcase_add_test(th, threads_share_lists);
	suite_add_tcase(s, th);
	return s;
}
