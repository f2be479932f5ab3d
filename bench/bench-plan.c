/*
 * libmfr - plan and program benchmarks on the default model.
 * SPDX-License-Identifier: MIT
 *
 *   bench-plan [--samples N] [--min-time SECONDS]
 *
 * For a typical intake (three symptom sites, a 60-minute session) this
 * times, per operation, median and minimum over --samples samples (15) of at
 * least --min-time seconds (0.2) each:
 * - plan: mfr_plan_run() (which traces the intake) plus mfr_plan_free();
 * - program: mfr_program_run() for 6 sessions over 3 weeks, plus free;
 * - batch: one JSON line in, one compact JSON plan out, as `mfr batch plan`
 *   does it (mfr_intake_from_json, mfr_plan_run, mfr_plan_to_json), giving
 *   plans per second on one core;
 * - the writers alone: mfr_plan_to_json() (compact, as a batch line has it,
 *   and indented), mfr_trace_to_json() (compact) and mfr_program_to_json()
 *   (compact) of one finished plan, trace or program, plus mfr_free();
 * and reports the heap a plan holds while it is alive (glibc mallinfo2).
 * Nothing is asserted: the figures go into doc/performance.md.
 */
#define _GNU_SOURCE

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mfr/mfr.h>

static int n_samples = 15;
static double min_time = 0.2;

static const char intake_json[] =
	"{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 6},"
	" {\"region\": \"low_back\", \"side\": \"right\", \"intensity\": 7},"
	" {\"region\": \"temple\", \"side\": \"left\", \"intensity\": 5}],"
	" \"session_minutes\": 60}";

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void check(mfr_status_t st, const char *what)
{
	if (st != MFR_OK) {
		fprintf(stderr, "bench-plan: %s: %s\n", what, mfr_strerror(st));
		exit(1);
	}
}

static mfr_model *model;
static mfr_intake *intake;
/* Made once, for the writers' timings. */
static mfr_plan *plan;
static mfr_trace *trace;
static mfr_program *program;

static void op_plan(void)
{
	mfr_plan *p = NULL;

	check(mfr_plan_run(intake, NULL, &p, NULL), "plan");
	mfr_plan_free(p);
}

static void op_program(void)
{
	mfr_program *pg = NULL;

	check(mfr_program_run(intake, 6, 3, NULL, &pg, NULL), "program");
	mfr_program_free(pg);
}

static void op_batch(void)
{
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	char *text = NULL;

	check(mfr_intake_from_json(model, intake_json, sizeof(intake_json) - 1, NULL, &in,
				   NULL), "intake");
	check(mfr_plan_run(in, NULL, &p, NULL), "plan");
	check(mfr_plan_to_json(p, MFR_JSON_COMPACT, &text, NULL), "json");
	mfr_free(text);
	mfr_plan_free(p);
	mfr_intake_free(in);
}

static void op_plan_json(void)
{
	char *text = NULL;

	check(mfr_plan_to_json(plan, MFR_JSON_COMPACT, &text, NULL), "plan json");
	mfr_free(text);
}

static void op_plan_json_indented(void)
{
	char *text = NULL;

	check(mfr_plan_to_json(plan, 0, &text, NULL), "plan json");
	mfr_free(text);
}

static void op_trace_json(void)
{
	char *text = NULL;

	check(mfr_trace_to_json(trace, MFR_JSON_COMPACT, &text, NULL), "trace json");
	mfr_free(text);
}

static void op_program_json(void)
{
	char *text = NULL;

	check(mfr_program_to_json(program, MFR_JSON_COMPACT, &text, NULL), "program json");
	mfr_free(text);
}

/* The length of @p text (freed), after checking @p st. */
static size_t json_length(mfr_status_t st, char *text)
{
	size_t n;

	check(st, "json");
	n = strlen(text);
	mfr_free(text);
	return n;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Median and minimum microseconds per call of @p fn. */
static void measure(const char *name, void (*fn)(void))
{
	double samples[101];
	long reps = 1;

	for (;;) { /* calibrate: one sample must last min_time */
		double t0 = now();
		for (long i = 0; i < reps; i++)
			fn();
		if (now() - t0 >= min_time)
			break;
		reps *= 2;
	}
	for (int s = 0; s < n_samples; s++) {
		double t0 = now();
		for (long i = 0; i < reps; i++)
			fn();
		samples[s] = (now() - t0) / (double)reps * 1e6;
	}
	qsort(samples, (size_t)n_samples, sizeof(double), cmp_double);
	printf("%-34s %12.2f %12.2f %10ld\n", name, samples[n_samples / 2], samples[0], reps);
}

int main(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--samples") == 0)
			n_samples = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--min-time") == 0)
			min_time = atof(argv[i + 1]);
	}
	if (n_samples < 1 || n_samples > 101)
		n_samples = 15;

	check(mfr_model_default(&model, NULL), "model");
	check(mfr_intake_from_json(model, intake_json, sizeof(intake_json) - 1, NULL, &intake,
				   NULL), "intake");

	/* The heap one plan holds while alive. The first plan also makes the
	 * reach lists its symptoms need, which the model keeps (doc/algorithm.md,
	 * "Reach lists"): their heap is the model's, measured apart. */
	mfr_plan *p = NULL;
	struct mallinfo2 cold = mallinfo2();
	check(mfr_plan_run(intake, NULL, &p, NULL), "plan");
	mfr_plan_free(p);
	p = NULL;
	struct mallinfo2 before = mallinfo2();
	check(mfr_plan_run(intake, NULL, &p, NULL), "plan");
	struct mallinfo2 after = mallinfo2();
	printf("libmfr %s, default model, intake: heel L 6, low back R 7, temple L 5; 60 min\n",
	       mfr_version());
	printf("reach lists the first plan left with the model: %zu bytes\n",
	       before.uordblks - cold.uordblks);
	printf("plan: %u steps, %u s of %u s; heap held by one plan: %zu bytes\n\n",
	       mfr_plan_step_count(p), mfr_plan_total_seconds(p), mfr_plan_session_seconds(p),
	       after.uordblks - before.uordblks);
	mfr_plan_free(p);

	printf("%-34s %12s %12s %10s\n", "operation (one core)", "median us", "min us", "reps");
	measure("plan (trace + plan)", op_plan);
	measure("program (6 sessions, 3 weeks)", op_program);
	measure("batch line (JSON in, plan JSON out)", op_batch);

	char *text = NULL;
	mfr_status_t st;
	size_t plan_bytes, indented_bytes, trace_bytes, program_bytes;

	check(mfr_plan_run(intake, NULL, &plan, NULL), "plan");
	check(mfr_trace_run(intake, NULL, &trace, NULL), "trace");
	check(mfr_program_run(intake, 6, 3, NULL, &program, NULL), "program");
	st = mfr_plan_to_json(plan, MFR_JSON_COMPACT, &text, NULL);
	plan_bytes = json_length(st, text);
	st = mfr_plan_to_json(plan, 0, &text, NULL);
	indented_bytes = json_length(st, text);
	st = mfr_trace_to_json(trace, MFR_JSON_COMPACT, &text, NULL);
	trace_bytes = json_length(st, text);
	st = mfr_program_to_json(program, MFR_JSON_COMPACT, &text, NULL);
	program_bytes = json_length(st, text);
	printf("\nJSON written (bytes): plan %zu compact, %zu indented; trace %zu compact; "
	       "program %zu compact\n", plan_bytes, indented_bytes, trace_bytes, program_bytes);
	measure("plan JSON, compact (write only)", op_plan_json);
	measure("plan JSON, indented (write only)", op_plan_json_indented);
	measure("trace JSON, compact (write only)", op_trace_json);
	measure("program JSON, compact (write only)", op_program_json);
	mfr_program_free(program);
	mfr_trace_free(trace);
	mfr_plan_free(plan);

	mfr_intake_free(intake);
	mfr_model_free(model);
	return 0;
}
