/*
 * libmfr - trace benchmarks: model load, top-20 trace and full trace, on the
 * default model and on generated models (bench/gen-model.py).
 * SPDX-License-Identifier: MIT
 *
 *   bench-trace [--samples N] [--min-time SECONDS]
 *               [--generate PYTHON GEN-MODEL.PY [--sites N,N,...]]
 *               [--gen LABEL MODEL.json INTAKE.json]...
 *
 * --generate runs bench/gen-model.py (seed 1) for each size in --sites
 * (default 1000,10000,100000) into a temporary directory, benchmarks the
 * models and intakes it writes, and removes them; --gen names files made
 * beforehand.
 * Each operation is repeated until one sample takes at least --min-time
 * (0.2 s), then timed for --samples (15) such samples; the table gives the
 * median and the minimum time per operation in microseconds. Nothing is
 * asserted: run it with `meson test -C BUILD --benchmark --verbose` (see
 * doc/performance.md).
 *
 * What is timed:
 * - load: mfr_model_default() or mfr_model_load_file(), timed call by call;
 *   mfr_model_free() is left out of the time.
 * - top-20: mfr_trace_run() with the default options (20 results, 6 steps)
 *   plus mfr_trace_free(), for a typical intake of three symptom sites.
 * - full: the same with max_results 10000 and max_steps 64: every reachable
 *   site, except that the library caps a trace at 10000 results.
 * - top-20 1st, full 1st: the first such trace on the model, timed once:
 *   it makes the symptoms' reach lists, which later traces read.
 * - top-80 (default model only): the trace a plan makes for itself with the
 *   default plan options (max_results 4 x max_sites = 80, 6 steps).
 * - plan (default model only): mfr_plan_run() with the default options plus
 *   mfr_plan_free(): the trace and the session plan built from it.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <mfr/mfr.h>

#define MAX_SAMPLES 101
#define MAX_MODELS 16

static int n_samples = 15;
static double min_time = 0.2;

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void die(const char *what, mfr_status_t st, mfr_error *err)
{
	fprintf(stderr, "bench-trace: %s: %s\n", what,
		err ? mfr_error_message(err) : mfr_strerror(st));
	exit(1);
}

/* One benchmarked operation: run() does @p reps repetitions and returns the
 * seconds they took (so that an operation may leave its clean-up untimed). */
typedef struct op {
	double (*run)(struct op *op, long reps);
	const char *path;          /* load: the model file, or NULL for the default */
	const mfr_intake *intake;  /* traces */
	const mfr_trace_options *opts;
	uint32_t results;          /* traces: results of the last run */
} op;

/* A plan (which traces the intake itself) for o->intake, default options. */
static double run_plan(op *o, long reps)
{
	double t0 = now();

	for (long i = 0; i < reps; i++) {
		mfr_plan *p = NULL;
		mfr_error *err = NULL;
		mfr_status_t st = mfr_plan_run(o->intake, NULL, &p, &err);

		if (st != MFR_OK)
			die("plan", st, err);
		o->results = mfr_plan_step_count(p);
		mfr_plan_free(p);
	}
	return now() - t0;
}

typedef struct stats {
	double median, min; /* microseconds per operation */
	long reps;
} stats;

static double run_load(op *o, long reps)
{
	double total = 0;

	for (long i = 0; i < reps; i++) {
		mfr_model *m = NULL;
		mfr_error *err = NULL;
		double t0 = now();
		mfr_status_t st = o->path ? mfr_model_load_file(o->path, &m, &err)
					: mfr_model_default(&m, &err);
		total += now() - t0;
		if (st != MFR_OK)
			die(o->path ? o->path : "default model", st, err);
		mfr_model_free(m);
	}
	return total;
}

static double run_trace(op *o, long reps)
{
	double t0 = now();

	for (long i = 0; i < reps; i++) {
		mfr_trace *t = NULL;
		mfr_error *err = NULL;
		mfr_status_t st = mfr_trace_run(o->intake, o->opts, &t, &err);

		if (st != MFR_OK)
			die("trace", st, err);
		o->results = mfr_trace_result_count(t);
		mfr_trace_free(t);
	}
	return now() - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static stats measure(op *o)
{
	double samples[MAX_SAMPLES];
	long reps = 1;
	stats s;

	/* Calibrate: double the repetitions until a sample is long enough. */
	for (;;) {
		double t = o->run(o, reps);

		if (t >= min_time)
			break;
		if (t < min_time / 16)
			reps *= 8;
		else
			reps = (long)((double)reps * min_time * 1.1 / t) + 1;
	}
	for (int i = 0; i < n_samples; i++)
		samples[i] = o->run(o, reps) / (double)reps * 1e6;
	qsort(samples, (size_t)n_samples, sizeof(samples[0]), cmp_double);
	s.median = n_samples % 2 ? samples[n_samples / 2]
				 : (samples[n_samples / 2 - 1] + samples[n_samples / 2]) / 2;
	s.min = samples[0];
	s.reps = reps;
	return s;
}

typedef struct subject {
	const char *label;
	const char *model_path;  /* NULL for the default model */
	const char *intake_path; /* NULL for the default model's typical intake */
	uint32_t sites;
	stats load, top, full, plan, top80;
	double top_first, full_first; /* the first trace on the model: its lists made */
	uint32_t top_results, full_results, plan_steps, top80_results;
} subject;

static mfr_intake *typical_intake(const mfr_model *m)
{
	/* Three symptom sites, 60 minutes: the targets' "typical intake". */
	static const struct { const char *region; int side; int intensity; } sy[] = {
		{ "heel", MFR_SIDE_LEFT, 6 },
		{ "low_back", MFR_SIDE_RIGHT, 7 },
		{ "posterior_neck", MFR_SIDE_RIGHT, 5 },
	};
	mfr_intake *in = NULL;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_intake_new(m, &in);

	for (size_t i = 0; st == MFR_OK && i < sizeof(sy) / sizeof(sy[0]); i++)
		st = mfr_intake_add_symptom(in, sy[i].region, sy[i].side, sy[i].intensity,
					    MFR_ONSET_CHRONIC, &err);
	if (st == MFR_OK)
		st = mfr_intake_set_minutes(in, 60, &err);
	if (st != MFR_OK)
		die("typical intake", st, err);
	return in;
}

static void run_subject(subject *s, const mfr_trace_options *full_opts,
			const mfr_trace_options *top80_opts)
{
	mfr_model *m = NULL;
	mfr_intake *in = NULL;
	mfr_error *err = NULL;
	mfr_status_t st;
	op o = { 0 };

	fprintf(stderr, "bench-trace: %s ...\n", s->label);
	o.run = run_load;
	o.path = s->model_path;
	s->load = measure(&o);

	st = s->model_path ? mfr_model_load_file(s->model_path, &m, &err)
			   : mfr_model_default(&m, &err);
	if (st != MFR_OK)
		die(s->label, st, err);
	s->sites = 2 * mfr_model_count(m, MFR_KIND_REGION);
	if (s->intake_path) {
		st = mfr_intake_load_file(m, s->intake_path, &in, &err);
		if (st != MFR_OK)
			die(s->intake_path, st, err);
	} else {
		in = typical_intake(m);
	}

	/* The first trace from a site (for a max_steps) makes its reach list,
	 * kept with the model (doc/algorithm.md): timed once, apart. */
	o = (op){ .run = run_trace, .intake = in, .opts = NULL };
	s->top_first = o.run(&o, 1) * 1e6;
	s->top = measure(&o);
	s->top_results = o.results;
	o.opts = full_opts;
	s->full_first = o.run(&o, 1) * 1e6;
	s->full = measure(&o);
	s->full_results = o.results;
	if (!s->model_path) {
		o.opts = top80_opts;
		s->top80 = measure(&o);
		s->top80_results = o.results;
		o = (op){ .run = run_plan, .intake = in };
		s->plan = measure(&o);
		s->plan_steps = o.results;
	}

	mfr_intake_free(in);
	mfr_model_free(m);
}

static void row(const char *model, uint32_t sites, const char *what, const stats *st,
		const char *results)
{
	printf("%-9s %7u  %-10s %12.2f %12.2f %8ld  %s\n", model, sites, what, st->median,
	       st->min, st->reps, results);
}

/* Run PYTHON GEN --sites N --seed 1 -o MODEL --intake INTAKE. */
static void generate(const char *python, const char *gen, const char *sites,
		     const char *model, const char *intake)
{
	char *args[] = { (char *)python, (char *)gen, "--sites", (char *)sites,
			 "--seed", "1", "-o", (char *)model, "--intake", (char *)intake,
			 NULL };
	int status = 0;
	pid_t pid;

	fprintf(stderr, "bench-trace: generating a model of %s sites ...\n", sites);
	pid = fork();
	if (pid == 0) {
		execvp(python, args);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		fprintf(stderr, "bench-trace: %s %s failed\n", python, gen);
		exit(1);
	}
}

static void usage(void)
{
	fputs("usage: bench-trace [--samples N] [--min-time SECONDS]\n"
	      "                   [--generate PYTHON GEN-MODEL.PY [--sites N,N,...]]\n"
	      "                   [--gen LABEL MODEL.json INTAKE.json]...\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	subject subjects[MAX_MODELS] = { { .label = "default" } };
	int n = 1;
	mfr_trace_options *full = NULL, *top80 = NULL;
	const char *python = NULL, *gen = NULL;
	char sites[256] = "1000,10000,100000";
	char tmpdir[4096] = "";
	static char paths[MAX_MODELS][2][4200], labels[MAX_MODELS][32];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--samples") == 0 && i + 1 < argc) {
			n_samples = atoi(argv[++i]);
			if (n_samples < 1 || n_samples > MAX_SAMPLES)
				usage();
		} else if (strcmp(argv[i], "--min-time") == 0 && i + 1 < argc) {
			min_time = atof(argv[++i]);
			if (!(min_time > 0))
				usage();
		} else if (strcmp(argv[i], "--generate") == 0 && i + 2 < argc) {
			python = argv[++i];
			gen = argv[++i];
		} else if (strcmp(argv[i], "--sites") == 0 && i + 1 < argc &&
			   strlen(argv[i + 1]) < sizeof(sites)) {
			strcpy(sites, argv[++i]);
		} else if (strcmp(argv[i], "--gen") == 0 && i + 3 < argc && n < MAX_MODELS) {
			subjects[n].label = argv[i + 1];
			subjects[n].model_path = argv[i + 2];
			subjects[n].intake_path = argv[i + 3];
			n++;
			i += 3;
		} else {
			usage();
		}
	}
	if (gen) {
		const char *base = getenv("TMPDIR");

		snprintf(tmpdir, sizeof(tmpdir), "%s/mfr-bench-XXXXXX",
			 base && *base ? base : "/tmp");
		if (!mkdtemp(tmpdir)) {
			perror("bench-trace: mkdtemp");
			return 1;
		}
		for (char *tok = strtok(sites, ","); tok; tok = strtok(NULL, ",")) {
			long v = atol(tok);

			if (n == MAX_MODELS || v < 60)
				usage();
			if (v % 1000 == 0)
				snprintf(labels[n], sizeof(labels[n]), "%ldk", v / 1000);
			else
				snprintf(labels[n], sizeof(labels[n]), "%ld", v);
			snprintf(paths[n][0], sizeof(paths[n][0]), "%s/gen-%s.json", tmpdir,
				 labels[n]);
			snprintf(paths[n][1], sizeof(paths[n][1]), "%s/gen-%s-intake.json",
				 tmpdir, labels[n]);
			generate(python, gen, tok, paths[n][0], paths[n][1]);
			subjects[n].label = labels[n];
			subjects[n].model_path = paths[n][0];
			subjects[n].intake_path = paths[n][1];
			n++;
		}
	}
	if (mfr_trace_options_new(&full) != MFR_OK ||
	    mfr_trace_options_set_max_results(full, 10000) != MFR_OK ||
	    mfr_trace_options_set_max_steps(full, 64) != MFR_OK)
		die("trace options", MFR_E_NOMEM, NULL);
	/* The trace a plan makes with the default plan options: 4 x max_sites
	 * (20) results, lib/plan.c trace_depth(). */
	if (mfr_trace_options_new(&top80) != MFR_OK ||
	    mfr_trace_options_set_max_results(top80, 80) != MFR_OK)
		die("trace options", MFR_E_NOMEM, NULL);

	for (int i = 0; i < n; i++)
		run_subject(&subjects[i], full, top80);
	mfr_trace_options_free(full);
	mfr_trace_options_free(top80);
	if (*tmpdir) {
		for (int i = 1; i < n; i++)
			if (subjects[i].model_path == paths[i][0]) {
				remove(paths[i][0]);
				remove(paths[i][1]);
			}
		rmdir(tmpdir);
	}

	printf("libmfr %s trace benchmark: %d samples per operation, each >= %.2f s\n",
	       mfr_version(), n_samples, min_time);
	printf("intakes: 3 symptom sites, 60 minutes; full = max_results 10000 (the "
	       "library's cap), max_steps 64\n\n");
	printf("%-9s %7s  %-10s %12s %12s %8s  %s\n", "model", "sites", "operation",
	       "median us", "min us", "reps", "results");
	for (int i = 0; i < n; i++) {
		subject *s = &subjects[i];
		char buf[32];

		row(s->label, s->sites, "load", &s->load, "");
		printf("%-9s %7u  %-10s %12.2f %12s %8d  %s\n", s->label, s->sites, "top-20 1st",
		       s->top_first, "", 1, "lists made");
		printf("%-9s %7u  %-10s %12.2f %12s %8d  %s\n", s->label, s->sites, "full 1st",
		       s->full_first, "", 1, "lists made");
		snprintf(buf, sizeof(buf), "%u", s->top_results);
		row(s->label, s->sites, "top-20", &s->top, buf);
		snprintf(buf, sizeof(buf), "%u", s->full_results);
		row(s->label, s->sites, "full", &s->full, buf);
		if (!s->model_path) {
			snprintf(buf, sizeof(buf), "%u", s->top80_results);
			row(s->label, s->sites, "top-80", &s->top80, buf);
			snprintf(buf, sizeof(buf), "%u steps", s->plan_steps);
			row(s->label, s->sites, "plan", &s->plan, buf);
		}
	}
	if (n > 2) {
		printf("\ngrowth between generated models (ratio of medians):\n");
		printf("%-20s %10s %10s %10s\n", "models", "load", "top-20", "full");
		for (int i = 2; i < n; i++) {
			const subject *a = &subjects[i - 1], *b = &subjects[i];
			char label[64];

			snprintf(label, sizeof(label), "%s / %s", b->label, a->label);
			printf("%-20s %10.2f %10.2f %10.2f\n", label,
			       b->load.median / a->load.median, b->top.median / a->top.median,
			       b->full.median / a->full.median);
		}
	}
	return 0;
}
