/*
 * libmfr unit tests: threads, exercising exactly what each header promises
 * may be shared (model.h, intake.h, trace.h, plan.h, common.h):
 *
 * - one model read by 8 threads at once (every getter, its JSON);
 * - one model (the default one, and a model loaded from a file) shared by 8
 *   threads that each build intakes, trace, plan, make programs and write
 *   every JSON output, on different intakes at the same time, with shared
 *   trace and plan options, and also trace and plan intakes they all share;
 *   an invalid intake gives each its own error;
 * - one intake, trace, plan, program and error object, made before the
 *   threads start and read by 8 threads at once through every const getter
 *   and the JSON writers (a const getter must not write: explanations were
 *   once written on first read);
 * - a model whose every user reference is dropped (by 8 threads and the
 *   main thread, at once) while the intakes, traces, plans and programs
 *   built on it are still in use: they hold it (mfr_model_ref()).
 *
 * Everything a thread sees must equal what one thread alone made first.
 * Run under ThreadSanitizer by scripts/test-all.sh (build-tsan), with no
 * suppressions: a race in the library fails it. The workers never call
 * Check (it is not thread-safe); they record failures, and the main thread
 * asserts.
 * SPDX-License-Identifier: MIT
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "util.h"

#define N_THREADS 8

/* How many times each thread repeats its work: 4, or $MFR_THREAD_ROUNDS
 * (the valgrind setup sets 1: memcheck runs one thread at a time, so more
 * rounds add minutes and find nothing more there). */
static int rounds(void)
{
	return mfr_test_env_int("MFR_THREAD_ROUNDS", 4);
}

static size_t first_difference(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] && a[i] == b[i])
		i++;
	return i;
}

/* Check cannot pass on a message as long as these texts: compare here. */
#define ASSERT_SAME_TEXT(got, want, what, i)                                          \
	ck_assert_msg(strcmp((got), (want)) == 0, "thread %d: %s differs at byte %zu", \
		      (i), (what), first_difference((got), (want)))

/* ---- one model, read by many threads -------------------------------------- */

typedef struct model_job {
	const mfr_model *model;
	mfr_digest walk;
	char *json;
	int failed;
} model_job;

static void *read_model(void *arg)
{
	model_job *j = arg;
	int n_rounds = rounds();

	for (int round = 0; round < n_rounds && !j->failed; round++) {
		mfr_digest d = { NULL, 0, 0, 0 };
		char *json = NULL;

		mfr_digest_model(&d, j->model);
		if (d.failed || mfr_model_to_json(j->model, 0, NULL, 0, &json, NULL) != MFR_OK)
			j->failed = 1;
		if (round == 0) {
			j->walk = d;
			j->json = json;
			continue;
		}
		/* Every round sees the same thing. */
		if (!j->failed && (strcmp(d.buf, j->walk.buf) != 0 || strcmp(json, j->json) != 0))
			j->failed = 1;
		free(d.buf);
		mfr_free(json);
	}
	return NULL;
}

static void run_model_readers(const char *name)
{
	mfr_model *m = mfr_test_load_model(name);
	mfr_digest ref = { NULL, 0, 0, 0 };
	char *ref_json = NULL;
	pthread_t tid[N_THREADS];
	model_job jobs[N_THREADS];

	mfr_digest_model(&ref, m);
	ck_assert(!ref.failed);
	ck_assert_int_eq(mfr_model_to_json(m, 0, NULL, 0, &ref_json, NULL), MFR_OK);
	memset(jobs, 0, sizeof(jobs));
	for (int t = 0; t < N_THREADS; t++) {
		jobs[t].model = m;
		ck_assert_int_eq(pthread_create(&tid[t], NULL, read_model, &jobs[t]), 0);
	}
	for (int t = 0; t < N_THREADS; t++)
		ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
	for (int t = 0; t < N_THREADS; t++) {
		ck_assert_msg(!jobs[t].failed, "thread %d failed or saw a change", t);
		ASSERT_SAME_TEXT(jobs[t].walk.buf, ref.buf, "the model", t);
		ASSERT_SAME_TEXT(jobs[t].json, ref_json, "the model JSON", t);
		free(jobs[t].walk.buf);
		mfr_free(jobs[t].json);
	}
	free(ref.buf);
	mfr_free(ref_json);
	mfr_model_free(m);
}

START_TEST(model_minimal)
{
	run_model_readers("minimal.json");
}
END_TEST

START_TEST(model_extra)
{
	run_model_readers("extra.json");
}
END_TEST

/* ---- one model, many sessions at once ------------------------------------- */

/* The intakes of one model: each thread starts at a different one, so
 * different intakes are traced and planned at the same time. */
static const char *const default_intakes[] = {
	("{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 7,"
	 " \"onset\": \"chronic\"}, {\"region\": \"low_back\", \"side\": \"right\","
	 " \"onset\": \"acute\"}, {\"region\": \"jaw\", \"side\": \"right\"}],"
	 " \"conditions\": [\"plantar_fasciitis\", \"tmj_disorder\"],"
	 " \"precautions\": [{\"key\": \"open_wound\", \"region\": \"calf\", \"side\": \"right\"},"
	 " \"anticoagulant_therapy\"],"
	 " \"answers\": [{\"question\": \"pregnancy\", \"answer\": \"second_trimester\"}],"
	 " \"scopes\": [\"intra_oral\"], \"clearances\": [\"anticoagulant_therapy\"],"
	 " \"session_minutes\": 45, \"positions\": [\"prone\", \"supine\", \"side_lying\"]}"),
	("{\"symptoms\": [{\"region\": \"temple\", \"side\": \"both\", \"intensity\": 4}],"
	 " \"conditions\": [\"tension_type_headache\"]}"),
	("{\"symptoms\": [{\"region\": \"heel\", \"side\": \"both\"},"
	 " {\"region\": \"neck\", \"side\": \"left\"}], \"session_minutes\": 10}"),
	("{\"symptoms\": [{\"region\": \"low_back\", \"side\": \"left\", \"intensity\": 8}],"
	 " \"answers\": [{\"question\": \"deep_vein_thrombosis\", \"answer\": \"yes\","
	 " \"region\": \"calf\", \"side\": \"left\"}]}"),
	/* Invalid: each thread gets its own error. */
	"{\"symptoms\": [{\"region\": \"heal\", \"side\": \"left\"}]}",
};

static const char *const safety_intakes[] = {
	"{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 6}]}",
	("{\"symptoms\": [{\"region\": \"calf\", \"side\": \"right\"},"
	 " {\"region\": \"heel\", \"side\": \"right\", \"onset\": \"acute\"}],"
	 " \"precautions\": [\"fragile\"], \"conditions\": [\"heel_pain\"]}"),
	("{\"symptoms\": [{\"region\": \"heel\", \"side\": \"both\"}],"
	 " \"answers\": [{\"question\": \"expecting_q\", \"answer\": \"late\"}]}"),
	"{\"symptoms\": [{\"region\": \"nowhere\", \"side\": \"left\"}]}",
};

#define MAX_INTAKES 8

/* Everything one intake gives: its digest (every getter of the intake, its
 * trace, plan and program, or the error) and every JSON output. */
typedef struct result {
	mfr_digest d;
	int failed;
} result;

typedef struct shared_session {
	const mfr_model *model;
	const char *const *intakes;
	size_t n_intakes;
	const mfr_intake *shared[MAX_INTAKES]; /* built before the threads */
	const mfr_trace_options *topts;
	const mfr_plan_options *popts;
} shared_session;

/* Record the text a writer made into *json (its status @p st), and free it. */
static void add_json(result *r, mfr_status_t st, char **json)
{
	if (st != MFR_OK || !*json)
		r->failed = 1;
	else
		mfr_digest_add(&r->d, "%s\n", *json);
	mfr_free(*json);
	*json = NULL;
}

/* Trace, plan and program @p in, with every output, into @p r. */
static void work(result *r, const shared_session *s, const mfr_intake *in)
{
	mfr_trace *t = NULL;
	mfr_plan *p = NULL;
	mfr_program *pg = NULL;
	char *json = NULL;

	mfr_digest_intake(&r->d, in);
	add_json(r, mfr_intake_to_json(in, 0, &json, NULL), &json);
	if (mfr_trace_run(in, s->topts, &t, NULL) != MFR_OK ||
	    mfr_plan_run(in, s->popts, &p, NULL) != MFR_OK ||
	    mfr_program_run(in, 4, 3, s->popts, &pg, NULL) != MFR_OK) {
		r->failed = 1;
	} else {
		mfr_digest_trace(&r->d, t);
		mfr_digest_plan(&r->d, p);
		mfr_digest_program(&r->d, pg);
		add_json(r, mfr_trace_to_json(t, 0, &json, NULL), &json);
		add_json(r, mfr_trace_to_json(t, MFR_JSON_COMPACT, &json, NULL), &json);
		add_json(r, mfr_plan_to_json(p, 0, &json, NULL), &json);
		add_json(r, mfr_program_to_json(pg, MFR_JSON_COMPACT, &json, NULL), &json);
	}
	mfr_program_free(pg);
	mfr_plan_free(p);
	mfr_trace_free(t);
}

/* Intake @p i of @p s, built here: its work, or its error. */
static void session(result *r, const shared_session *s, size_t i)
{
	const char *text = s->intakes[i];
	mfr_intake *in = NULL;
	mfr_error *err = NULL;

	if (mfr_intake_from_json(s->model, text, strlen(text), "intake.json", &in, &err) ==
	    MFR_OK)
		work(r, s, in);
	else
		mfr_digest_error(&r->d, err);
	mfr_error_free(err);
	mfr_intake_free(in);
	/* The same intake, shared by every thread (built before they
	 * started): any number may trace and plan one intake at once. */
	if (s->shared[i])
		work(r, s, s->shared[i]);
	if (r->d.failed)
		r->failed = 1;
}

typedef struct session_job {
	const shared_session *s;
	const result *want; /* one per intake, made on the main thread */
	int start;
	int failed;
	size_t failed_intake;
} session_job;

static void *run_sessions(void *arg)
{
	session_job *j = arg;
	int n_rounds = rounds();

	for (int round = 0; round < n_rounds && !j->failed; round++) {
		for (size_t k = 0; k < j->s->n_intakes && !j->failed; k++) {
			size_t i = ((size_t)j->start + k) % j->s->n_intakes;
			result r = { { NULL, 0, 0, 0 }, 0 };

			session(&r, j->s, i);
			if (r.failed || strcmp(r.d.buf, j->want[i].d.buf) != 0) {
				j->failed = 1;
				j->failed_intake = i;
			}
			free(r.d.buf);
		}
	}
	return NULL;
}

static void run_shared_sessions(mfr_model *m, const char *const *intakes, size_t n,
				const char *line)
{
	shared_session s = { m, intakes, n, { NULL }, NULL, NULL };
	mfr_intake *shared[MAX_INTAKES] = { NULL };
	mfr_trace_options *topts = NULL;
	mfr_plan_options *popts = NULL;
	result want[MAX_INTAKES];
	session_job jobs[N_THREADS];
	pthread_t tid[N_THREADS];

	ck_assert_uint_le(n, MAX_INTAKES);
	/* Options set on this thread, then only read by every thread. */
	ck_assert_int_eq(mfr_trace_options_new(&topts), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_results(topts, 30), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_add_line(topts, line), MFR_OK);
	ck_assert_int_eq(mfr_plan_options_new(&popts), MFR_OK);
	ck_assert_int_eq(mfr_plan_options_set_max_sites(popts, 30), MFR_OK);
	s.topts = topts;
	s.popts = popts;
	/* Every intake but the last is valid; the last gives an error. */
	for (size_t i = 0; i < n; i++) {
		mfr_status_t st = mfr_intake_from_json(m, intakes[i], strlen(intakes[i]), NULL,
						     &shared[i], NULL);

		ck_assert_msg((st == MFR_OK) == (i + 1 < n), "intake %zu: %s", i,
			      mfr_status_name(st));
		s.shared[i] = shared[i];
	}
	/* What one thread alone makes. */
	for (size_t i = 0; i < n; i++) {
		want[i] = (result){ { NULL, 0, 0, 0 }, 0 };
		session(&want[i], &s, i);
		ck_assert_msg(!want[i].failed, "intake %zu failed on one thread", i);
	}
	for (int t = 0; t < N_THREADS; t++) {
		jobs[t] = (session_job){ &s, want, t, 0, 0 };
		ck_assert_int_eq(pthread_create(&tid[t], NULL, run_sessions, &jobs[t]), 0);
	}
	for (int t = 0; t < N_THREADS; t++)
		ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
	for (int t = 0; t < N_THREADS; t++)
		ck_assert_msg(!jobs[t].failed, "thread %d: intake %zu failed or differs", t,
			      jobs[t].failed_intake);
	for (size_t i = 0; i < n; i++) {
		free(want[i].d.buf);
		mfr_intake_free(shared[i]);
	}
	mfr_plan_options_free(popts);
	mfr_trace_options_free(topts);
}

START_TEST(sessions_default_model)
{
	mfr_model *m = NULL;

	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	run_shared_sessions(m, default_intakes,
			    sizeof(default_intakes) / sizeof(default_intakes[0]),
			    "superficial_back_line");
	mfr_model_free(m);
}
END_TEST

START_TEST(sessions_loaded_model)
{
	mfr_model *m = mfr_test_load_model("safety.json");
	const char *line = mfr_line_key(mfr_model_line_at(m, 0));

	run_shared_sessions(m, safety_intakes, sizeof(safety_intakes) / sizeof(safety_intakes[0]),
			    line);
	mfr_model_free(m);
}
END_TEST

/* ---- one intake, trace, plan, program and error, read by many threads ---- */

typedef struct readable {
	const mfr_intake *intake;
	const mfr_trace *trace;
	const mfr_plan *plan;
	const mfr_program *program;
	const mfr_error *error;
} readable;

/* Every const getter and every JSON writer of @p x. */
static void read_all(mfr_digest *d, const readable *x, int *failed)
{
	char *json;

	mfr_digest_intake(d, x->intake);
	mfr_digest_trace(d, x->trace);
	mfr_digest_plan(d, x->plan);
	mfr_digest_program(d, x->program);
	mfr_digest_error(d, x->error);
	for (uint32_t flags = 0; flags <= MFR_JSON_COMPACT; flags++) {
		json = NULL;
		if (mfr_intake_to_json(x->intake, flags, &json, NULL) != MFR_OK)
			*failed = 1;
		else
			mfr_digest_add(d, "%s\n", json);
		mfr_free(json);
		json = NULL;
		if (mfr_trace_to_json(x->trace, flags, &json, NULL) != MFR_OK)
			*failed = 1;
		else
			mfr_digest_add(d, "%s\n", json);
		mfr_free(json);
		json = NULL;
		if (mfr_plan_to_json(x->plan, flags, &json, NULL) != MFR_OK)
			*failed = 1;
		else
			mfr_digest_add(d, "%s\n", json);
		mfr_free(json);
		json = NULL;
		if (mfr_program_to_json(x->program, flags, &json, NULL) != MFR_OK)
			*failed = 1;
		else
			mfr_digest_add(d, "%s\n", json);
		mfr_free(json);
	}
	if (d->failed)
		*failed = 1;
}

typedef struct reader {
	const readable *x;
	pthread_barrier_t *start;
	mfr_digest seen;
	int failed;
} reader;

static void *read_shared(void *arg)
{
	reader *r = arg;
	mfr_digest d = { NULL, 0, 0, 0 };
	int n_rounds = rounds();

	/* All start together, so the first reads of each object race if a
	 * getter wrote anything. */
	pthread_barrier_wait(r->start);
	for (int round = 0; round < n_rounds && !r->failed; round++) {
		mfr_digest_clear(&d);
		read_all(&d, r->x, &r->failed);
		if (round == 0)
			r->seen = (mfr_digest){ strdup(d.buf ? d.buf : ""), d.len, d.len, 0 };
		else if (!r->failed && strcmp(d.buf, r->seen.buf) != 0)
			r->failed = 1; /* a reader saw an object change */
	}
	free(d.buf);
	return NULL;
}

START_TEST(shared_objects)
{
	mfr_test_run run;
	mfr_error *err = NULL;
	pthread_t tid[N_THREADS];
	reader readers[N_THREADS];
	pthread_barrier_t start;

	mfr_test_run_make(&run, default_intakes[0], 6, 4);
	ck_assert_int_eq(mfr_intake_add_symptom(run.intake, "heal", MFR_SIDE_LEFT, 5, 0, &err),
			 MFR_E_REFERENCE);
	ck_assert_uint_gt(mfr_trace_result_count(run.trace), 0);
	ck_assert_uint_gt(mfr_plan_step_count(run.plan), 0);

	/* jansson seeds its hash function on the first JSON object it makes
	 * (atomically, in a library TSan does not see): make one here. */
	char *warm = NULL;
	ck_assert_int_eq(mfr_model_to_json(run.model, MFR_KIND_LINE, "lateral_line", 0, &warm,
					   NULL), MFR_OK);
	mfr_free(warm);

	/* Nothing has read the objects yet: the threads are their first
	 * readers. */
	readable x = { run.intake, run.trace, run.plan, run.program, err };
	ck_assert_int_eq(pthread_barrier_init(&start, NULL, N_THREADS), 0);
	memset(readers, 0, sizeof(readers));
	for (int i = 0; i < N_THREADS; i++) {
		readers[i] = (reader){ &x, &start, { NULL, 0, 0, 0 }, 0 };
		ck_assert_int_eq(pthread_create(&tid[i], NULL, read_shared, &readers[i]), 0);
	}
	for (int i = 0; i < N_THREADS; i++)
		ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
	pthread_barrier_destroy(&start);

	/* What every thread saw equals what this thread reads alone. */
	mfr_digest ref = { NULL, 0, 0, 0 };
	int failed = 0;

	read_all(&ref, &x, &failed);
	ck_assert(!failed);
	for (int i = 0; i < N_THREADS; i++) {
		ck_assert_msg(!readers[i].failed, "reader %d failed or saw a change", i);
		ASSERT_SAME_TEXT(readers[i].seen.buf, ref.buf, "what it read", i);
		free(readers[i].seen.buf);
	}
	free(ref.buf);
	mfr_error_free(err);
	mfr_test_run_free(&run);
}
END_TEST

/* ---- a model dropped while objects built on it are in use ----------------- */

typedef struct holder {
	mfr_model *model;          /* a reference of this thread's own */
	const mfr_intake *shared;  /* built on the model by the main thread */
	const char *text;          /* the intake this thread builds */
	pthread_barrier_t *start;
	char *seen;
	int failed;
} holder;

/* Trace, plan and make a program for @p in; their digest into @p d. */
static void use_intake(mfr_digest *d, const mfr_intake *in, int *failed)
{
	mfr_trace *t = NULL;
	mfr_plan *p = NULL;
	mfr_program *pg = NULL;

	if (mfr_trace_run(in, NULL, &t, NULL) != MFR_OK ||
	    mfr_plan_run(in, NULL, &p, NULL) != MFR_OK ||
	    mfr_program_run(in, 3, 2, NULL, &pg, NULL) != MFR_OK)
		*failed = 1;
	mfr_digest_intake(d, in);
	mfr_digest_trace(d, t);
	mfr_digest_plan(d, p);
	mfr_digest_program(d, pg);
	mfr_program_free(pg);
	mfr_plan_free(p);
	mfr_trace_free(t);
}

/* Build an intake on the model, drop this thread's reference at once,
 * then work through the intakes only: they hold the model. */
static void *use_then_drop(void *arg)
{
	holder *h = arg;
	mfr_digest d = { NULL, 0, 0, 0 };
	mfr_intake *in = NULL;
	int n_rounds = rounds();

	pthread_barrier_wait(h->start);
	if (mfr_intake_from_json(h->model, h->text, strlen(h->text), NULL, &in, NULL) != MFR_OK)
		h->failed = 1;
	mfr_model_unref(h->model);
	h->model = NULL;
	for (int round = 0; round < n_rounds && !h->failed; round++) {
		mfr_digest_clear(&d);
		use_intake(&d, in, &h->failed);
		use_intake(&d, h->shared, &h->failed);
		if (round == 0)
			h->seen = strdup(d.buf ? d.buf : "");
		else if (!h->seen || strcmp(d.buf, h->seen) != 0)
			h->failed = 1;
	}
	mfr_intake_free(in);
	free(d.buf);
	return NULL;
}

/* Every thread takes a reference, and the main thread drops its own while
 * they start: the model lives on in the intakes, traces, plans and
 * programs built on it, and goes with the last of them (valgrind, ASan
 * and TSan see a use after free, a leak or a race in the count). */
START_TEST(unref_while_in_use)
{
	mfr_model *m = NULL, *other = NULL;
	mfr_intake *shared = NULL, *in = NULL;
	const char *text = default_intakes[0];
	pthread_t tid[N_THREADS];
	holder holders[N_THREADS];
	pthread_barrier_t start;
	int failed = 0;

	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_from_json(m, text, strlen(text), NULL, &shared, NULL),
			 MFR_OK);
	/* What one thread alone makes, on a model of its own. */
	mfr_digest ref = { NULL, 0, 0, 0 };
	ck_assert_int_eq(mfr_model_default(&other, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_from_json(other, text, strlen(text), NULL, &in, NULL),
			 MFR_OK);
	use_intake(&ref, in, &failed);
	use_intake(&ref, in, &failed);
	mfr_intake_free(in);
	mfr_model_unref(other);
	ck_assert(!failed && !ref.failed);

	ck_assert_int_eq(pthread_barrier_init(&start, NULL, N_THREADS + 1), 0);
	for (int i = 0; i < N_THREADS; i++) {
		holders[i] = (holder){ mfr_model_ref(m), shared, text, &start, NULL, 0 };
		ck_assert_ptr_eq(holders[i].model, m);
		ck_assert_int_eq(pthread_create(&tid[i], NULL, use_then_drop, &holders[i]), 0);
	}
	pthread_barrier_wait(&start);
	mfr_model_unref(m); /* the main thread's reference, while they work */
	m = NULL;
	for (int i = 0; i < N_THREADS; i++)
		ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
	pthread_barrier_destroy(&start);
	for (int i = 0; i < N_THREADS; i++) {
		ck_assert_msg(!holders[i].failed, "holder %d failed or saw a change", i);
		ck_assert_ptr_null(holders[i].model);
		ASSERT_SAME_TEXT(holders[i].seen, ref.buf, "what it made", i);
		free(holders[i].seen);
	}
	free(ref.buf);
	mfr_intake_free(shared); /* the last holder: the model goes with it */
}
END_TEST

Suite *mfr_test_threads_suite(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("shared_model");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, model_minimal);
	tcase_add_test(tc, model_extra);
	suite_add_tcase(s, tc);

	tc = tcase_create("sessions");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, sessions_default_model);
	tcase_add_test(tc, sessions_loaded_model);
	suite_add_tcase(s, tc);

	tc = tcase_create("shared_objects");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, shared_objects);
	tcase_add_test(tc, unref_while_in_use);
	suite_add_tcase(s, tc);
	return s;
}
