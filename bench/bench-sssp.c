/*
 * libmfr - single-source shortest paths on libmfr's own site graph: a plain
 * C Dijkstra with a binary heap next to the library's trace, and the graph
 * written out as a neutral edge list for bench-sssp-igraph and
 * bench/sssp_networkx.py (doc/performance.md, "Side by side").
 * SPDX-License-Identifier: MIT
 *
 *   bench-sssp [--samples N] [--min-time SECONDS] [--label L]
 *              [--model MODEL.json --intake INTAKE.json] [--dump EDGES.txt]
 *
 * Without --model: the default model and the typical intake of bench-trace
 * (left heel 6, right low back 7, right posterior neck 5). The sources are
 * the intake's symptom sites. It links the library's internal objects (not
 * libmfr.so) to read the site graph (lib/graph.h) and to switch the reach
 * lists off.
 *
 * The edge list (--dump): '#' lines are comments; "source SITE WEIGHT" lines
 * name the sources and the symptom weight (intensity + 1) / 11 the library
 * starts each search from; every other line is "FROM TO FACTOR", one a
 * directed edge of the graph with its base factor (before options, condition
 * priors and the trace's path-dependent rules). A plain search's edge length
 * is -ln(FACTOR): the shortest path is the path of greatest product.
 *
 * What is timed (median and minimum over the samples, microseconds, for all
 * the sources in turn, as one operation):
 * - plain: Dijkstra from each source, settling every reachable site;
 * - plain-cut: the same, stopping where weight * product < 0.01 (the floor
 *   below which the library's search follows no path, MFR_TRACE_MIN_SCORE);
 * - plain-20: the same, each search stopped at its 20th settled site: less
 *   than any exact top-20 of three symptoms can cost (a floor, not the same
 *   answer);
 * - mfr-live: mfr_trace_run(), max_results 10000, max_steps 64, the reach
 *   lists off: one live search per symptom (settling every site it reaches
 *   above the floor) plus combining, ranking and explaining the results;
 * - mfr-lists: the same trace with the reach lists on (made before timing);
 * - mfr-top20: the default trace (20 results, 6 steps), lists on.
 * Each line of output is "RESULT LABEL IMPL MEDIAN MIN SETTLED CHECK", where
 * SETTLED is the sites settled (summed over the sources; for the library, its
 * results) and CHECK the sum of exp(-distance) over them, so that the plain
 * searches can be checked against each other.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trace-private.h"

#define MAX_SAMPLES 101
#define MAX_SOURCES 16

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
	fprintf(stderr, "bench-sssp: %s: %s\n", what,
		err ? mfr_error_message(err) : mfr_strerror(st));
	mfr_error_free(err);
	exit(1);
}

/* ---- the plain search: compressed rows, -ln(factor), a binary heap ---- */

typedef struct plain_graph {
	uint32_t n, m;
	uint32_t *off; /* n + 1 */
	uint32_t *to;  /* m */
	double *len;   /* m: -ln(factor) */
} plain_graph;

typedef struct hitem {
	double d;
	uint32_t v;
} hitem;

typedef struct plain_state {
	double *dist;   /* INFINITY where not reached */
	uint8_t *done;
	uint32_t *touched; /* the sites reached, to reset (cost follows the work) */
	uint32_t touched_count;
	hitem *heap;
	size_t heap_cap;
	uint32_t settled;
	double check;
} plain_state;

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p) {
		fputs("bench-sssp: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static void push(plain_state *s, size_t *count, hitem it)
{
	size_t i;

	if (*count == s->heap_cap) {
		s->heap_cap *= 2;
		s->heap = realloc(s->heap, s->heap_cap * sizeof(*s->heap));
		if (!s->heap) {
			fputs("bench-sssp: out of memory\n", stderr);
			exit(1);
		}
	}
	i = (*count)++;
	while (i > 0) {
		size_t p = (i - 1) / 2;

		if (s->heap[p].d <= it.d)
			break;
		s->heap[i] = s->heap[p];
		i = p;
	}
	s->heap[i] = it;
}

static hitem pop(plain_state *s, size_t *count)
{
	hitem top = s->heap[0], last = s->heap[--*count];
	size_t i = 0;

	for (;;) {
		size_t c = 2 * i + 1;

		if (c >= *count)
			break;
		if (c + 1 < *count && s->heap[c + 1].d < s->heap[c].d)
			c++;
		if (last.d <= s->heap[c].d)
			break;
		s->heap[i] = s->heap[c];
		i = c;
	}
	if (*count)
		s->heap[i] = last;
	return top;
}

/* Dijkstra from @p src (lazy deletion), up to distance @p cut (INFINITY for
 * every reachable site) or @p limit settled sites: adds to s->settled and
 * s->check. Leaves s->dist and s->done clean for the next search. */
static void dijkstra(const plain_graph *g, plain_state *s, uint32_t src, double cut,
		     uint32_t limit)
{
	size_t count = 0;
	uint32_t settled = 0;

	s->touched_count = 0;
	s->dist[src] = 0;
	s->touched[s->touched_count++] = src;
	push(s, &count, (hitem){ 0, src });
	while (count) {
		hitem t = pop(s, &count);

		if (s->done[t.v])
			continue;
		if (t.d > cut || settled == limit)
			break;
		s->done[t.v] = 1;
		settled++;
		s->check += exp(-t.d);
		for (uint32_t k = g->off[t.v]; k < g->off[t.v + 1]; k++) {
			uint32_t w = g->to[k];
			double d = t.d + g->len[k];

			if (d < s->dist[w]) {
				if (s->dist[w] == INFINITY)
					s->touched[s->touched_count++] = w;
				s->dist[w] = d;
				push(s, &count, (hitem){ d, w });
			}
		}
	}
	s->settled += settled;
	for (uint32_t i = 0; i < s->touched_count; i++) {
		s->dist[s->touched[i]] = INFINITY;
		s->done[s->touched[i]] = 0;
	}
}

/* ---- timing ---- */

typedef struct op {
	const plain_graph *g;
	plain_state *ps;
	const uint32_t *src;
	const double *cut; /* per source; NULL: no cut */
	uint32_t limit;    /* settled sites per source; 0: no limit */
	uint32_t nsrc;
	const mfr_intake *in;
	const mfr_trace_options *opts;
	uint32_t settled;
	double check;
} op;

static double run_plain(op *o, long reps)
{
	double t0 = now();

	for (long r = 0; r < reps; r++) {
		o->ps->settled = 0;
		o->ps->check = 0;
		for (uint32_t i = 0; i < o->nsrc; i++)
			dijkstra(o->g, o->ps, o->src[i], o->cut ? o->cut[i] : INFINITY,
				 o->limit ? o->limit : UINT32_MAX);
	}
	o->settled = o->ps->settled;
	o->check = o->ps->check;
	return now() - t0;
}

static double run_trace(op *o, long reps)
{
	double t0 = now();

	for (long r = 0; r < reps; r++) {
		mfr_trace *t = NULL;
		mfr_error *err = NULL;
		mfr_status_t st = mfr_trace_run(o->in, o->opts, &t, &err);

		if (st != MFR_OK)
			die("trace", st, err);
		o->settled = mfr_trace_result_count(t);
		o->check = 0;
		for (uint32_t i = 0; i < o->settled; i++)
			o->check += mfr_trace_result_score(mfr_trace_result_at(t, i));
		mfr_trace_free(t);
	}
	return now() - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void measure(const char *label, const char *impl, op *o,
		    double (*run)(op *, long))
{
	double samples[MAX_SAMPLES], median;
	long reps = 1;

	for (;;) {
		double t = run(o, reps);

		if (t >= min_time)
			break;
		if (t < min_time / 16)
			reps *= 8;
		else
			reps = (long)((double)reps * min_time * 1.1 / t) + 1;
	}
	for (int i = 0; i < n_samples; i++)
		samples[i] = run(o, reps) / (double)reps * 1e6;
	qsort(samples, (size_t)n_samples, sizeof(samples[0]), cmp_double);
	median = n_samples % 2 ? samples[n_samples / 2]
			       : (samples[n_samples / 2 - 1] + samples[n_samples / 2]) / 2;
	printf("RESULT %s %s %.3f %.3f %u %.9g\n", label, impl, median, samples[0], o->settled,
	       o->check);
	fflush(stdout);
}

/* ---- the model, the intake, the edge list ---- */

static mfr_intake *typical_intake(const mfr_model *m)
{
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

static void plain_from(plain_graph *pg, const mfr_graph *g)
{
	uint32_t k = 0;

	pg->n = g->site_count;
	pg->off = xmalloc(((size_t)g->site_count + 1) * sizeof(*pg->off));
	pg->to = xmalloc((size_t)g->edge_count * sizeof(*pg->to));
	pg->len = xmalloc((size_t)g->edge_count * sizeof(*pg->len));
	for (uint32_t v = 0; v < g->site_count; v++) {
		pg->off[v] = k;
		for (uint32_t e = g->offsets[v]; e < g->offsets[v + 1]; e++) {
			if (!(g->edges[e].factor > 0))
				continue;
			pg->to[k] = g->edges[e].to;
			pg->len[k] = -log(g->edges[e].factor);
			k++;
		}
	}
	pg->off[g->site_count] = k;
	pg->m = k;
}

static void dump(const char *path, const char *what, const mfr_graph *g,
		 const uint32_t *src, const double *weight, uint32_t nsrc)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		exit(1);
	}
	fprintf(f, "# libmfr site graph of %s: %u sites, %u edges (directed)\n", what,
		g->site_count, g->edge_count);
	fprintf(f, "# FROM TO FACTOR; a plain search's length is -ln(FACTOR)\n");
	fprintf(f, "sites %u\n", g->site_count);
	for (uint32_t i = 0; i < nsrc; i++)
		fprintf(f, "source %u %.17g\n", src[i], weight[i]);
	for (uint32_t v = 0; v < g->site_count; v++)
		for (uint32_t e = g->offsets[v]; e < g->offsets[v + 1]; e++)
			if (g->edges[e].factor > 0)
				fprintf(f, "%u %u %.17g\n", v, g->edges[e].to, g->edges[e].factor);
	if (fclose(f) != 0) {
		perror(path);
		exit(1);
	}
}

static void usage(void)
{
	fputs("usage: bench-sssp [--samples N] [--min-time SECONDS] [--label L]\n"
	      "                  [--model MODEL.json --intake INTAKE.json] [--dump EDGES.txt]\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *model_path = NULL, *intake_path = NULL, *dump_path = NULL;
	const char *label = "default";
	mfr_model *m = NULL;
	mfr_intake *in = NULL;
	mfr_error *err = NULL;
	mfr_status_t st;
	uint32_t src[MAX_SOURCES], nsrc = 0;
	double weight[MAX_SOURCES], cut[MAX_SOURCES];
	mfr_trace_options *full = NULL;
	plain_graph pg;
	plain_state ps;
	op o;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--samples") == 0 && i + 1 < argc) {
			n_samples = atoi(argv[++i]);
			if (n_samples < 1 || n_samples > MAX_SAMPLES)
				usage();
		} else if (strcmp(argv[i], "--min-time") == 0 && i + 1 < argc) {
			min_time = atof(argv[++i]);
			if (!(min_time > 0))
				usage();
		} else if (strcmp(argv[i], "--label") == 0 && i + 1 < argc) {
			label = argv[++i];
		} else if (strcmp(argv[i], "--model") == 0 && i + 1 < argc) {
			model_path = argv[++i];
		} else if (strcmp(argv[i], "--intake") == 0 && i + 1 < argc) {
			intake_path = argv[++i];
		} else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
			dump_path = argv[++i];
		} else {
			usage();
		}
	}
	if (!model_path != !intake_path)
		usage();

	st = model_path ? mfr_model_load_file(model_path, &m, &err)
			: mfr_model_default(&m, &err);
	if (st != MFR_OK)
		die(model_path ? model_path : "default model", st, err);
	if (intake_path) {
		st = mfr_intake_load_file(m, intake_path, &in, &err);
		if (st != MFR_OK)
			die(intake_path, st, err);
	} else {
		in = typical_intake(m);
	}
	for (uint32_t i = 0; i < in->symptom_count && nsrc < MAX_SOURCES; i++) {
		const mfr_intake_symptom *sy = &in->symptoms[i];

		src[nsrc] = mfr__site_id(sy->region, sy->side);
		weight[nsrc] = (sy->intensity + 1) / 11.0;
		/* weight * product >= MFR_TRACE_MIN_SCORE */
		cut[nsrc] = log(weight[nsrc] / MFR_TRACE_MIN_SCORE);
		nsrc++;
	}

	const mfr_graph *g = &m->graph;
	if (dump_path)
		dump(dump_path, model_path ? model_path : "the default model", g, src, weight, nsrc);
	plain_from(&pg, g);
	fprintf(stderr, "bench-sssp: %s: %u sites, %u edges, %u sources\n", label, pg.n, pg.m,
		nsrc);

	ps.dist = xmalloc((size_t)pg.n * sizeof(*ps.dist));
	ps.done = xmalloc(pg.n);
	ps.touched = xmalloc((size_t)pg.n * sizeof(*ps.touched));
	for (uint32_t v = 0; v < pg.n; v++)
		ps.dist[v] = INFINITY;
	memset(ps.done, 0, pg.n);
	ps.heap_cap = 1024;
	ps.heap = xmalloc(ps.heap_cap * sizeof(*ps.heap));

	o = (op){ .g = &pg, .ps = &ps, .src = src, .nsrc = nsrc };
	measure(label, "plain", &o, run_plain);
	o.cut = cut;
	measure(label, "plain-cut", &o, run_plain);
	o.cut = NULL;
	o.limit = 20;
	measure(label, "plain-20", &o, run_plain);

	if (mfr_trace_options_new(&full) != MFR_OK ||
	    mfr_trace_options_set_max_results(full, 10000) != MFR_OK ||
	    mfr_trace_options_set_max_steps(full, 64) != MFR_OK)
		die("trace options", MFR_E_NOMEM, NULL);
	o = (op){ .in = in, .opts = full };
	mfr__trace_reach_enable(m, 0);
	measure(label, "mfr-live", &o, run_trace);
	mfr__trace_reach_enable(m, 1);
	run_trace(&o, 1); /* make the lists */
	measure(label, "mfr-lists", &o, run_trace);
	o.opts = NULL;
	run_trace(&o, 1);
	measure(label, "mfr-top20", &o, run_trace);

	mfr_trace_options_free(full);
	free(ps.dist);
	free(ps.done);
	free(ps.touched);
	free(ps.heap);
	free(pg.off);
	free(pg.to);
	free(pg.len);
	mfr_intake_free(in);
	mfr_model_free(m);
	return 0;
}
