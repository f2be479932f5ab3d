/*
 * libmfr - single-source shortest paths with igraph on libmfr's site graph,
 * read from the edge list bench-sssp --dump writes (doc/performance.md,
 * "Side by side"). Built only where meson finds igraph (Debian:
 * libigraph-dev); it does not use libmfr at all.
 * SPDX-License-Identifier: MIT
 *
 *   bench-sssp-igraph [--samples N] [--min-time SECONDS] [--label L] EDGES.txt
 *
 * Times, as bench-sssp does (one operation: every source in turn):
 * - igraph: igraph_distances_dijkstra() from each source to every site
 *   (lengths -ln(factor)), settling every reachable site;
 * - igraph-cut: igraph_distances_dijkstra_cutoff() with the floor of the
 *   library's search (weight * product >= 0.01).
 * Each returns a row of distances for every site (igraph has no "settled
 * sites only" result); SETTLED and CHECK count the finite ones.
 * Output lines: "RESULT LABEL IMPL MEDIAN MIN SETTLED CHECK", as bench-sssp.
 */
#define _POSIX_C_SOURCE 200809L

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <igraph.h>

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

static void fail(const char *what)
{
	fprintf(stderr, "bench-sssp-igraph: %s\n", what);
	exit(1);
}

typedef struct op {
	const igraph_t *g;
	const igraph_vector_t *len;
	const igraph_integer_t *src;
	const double *cut; /* NULL: no cut */
	int nsrc;
	igraph_matrix_t *res;
	unsigned long settled;
	double check;
} op;

static double run(op *o, long reps)
{
	double t0 = now();

	for (long r = 0; r < reps; r++) {
		o->settled = 0;
		o->check = 0;
		for (int i = 0; i < o->nsrc; i++) {
			igraph_error_t e;

			if (o->cut)
				e = igraph_distances_dijkstra_cutoff(
					o->g, o->res, igraph_vss_1(o->src[i]), igraph_vss_all(),
					o->len, IGRAPH_OUT, o->cut[i]);
			else
				e = igraph_distances_dijkstra(o->g, o->res,
							      igraph_vss_1(o->src[i]),
							      igraph_vss_all(), o->len, IGRAPH_OUT);
			if (e != IGRAPH_SUCCESS)
				fail("igraph_distances_dijkstra failed");
			/* Read the row, as a caller must: what was reached. */
			igraph_integer_t n = igraph_matrix_ncol(o->res);
			for (igraph_integer_t v = 0; v < n; v++) {
				double d = MATRIX(*o->res, 0, v);

				if (isfinite(d)) {
					o->settled++;
					o->check += exp(-d);
				}
			}
		}
	}
	return now() - t0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void measure(const char *label, const char *impl, op *o)
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
	printf("RESULT %s %s %.3f %.3f %lu %.9g\n", label, impl, median, samples[0], o->settled,
	       o->check);
	fflush(stdout);
}

static void usage(void)
{
	fputs("usage: bench-sssp-igraph [--samples N] [--min-time SECONDS] [--label L] "
	      "EDGES.txt\n", stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	const char *path = NULL, *label = "default";
	char line[256];
	unsigned long sites = 0;
	int have_sites = 0, nsrc = 0;
	igraph_integer_t src[MAX_SOURCES];
	double cut[MAX_SOURCES];
	igraph_vector_int_t edges;
	igraph_vector_t len;
	igraph_matrix_t res;
	igraph_t g;
	FILE *f;
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
		} else if (!path && argv[i][0] != '-') {
			path = argv[i];
		} else {
			usage();
		}
	}
	if (!path)
		usage();

	f = fopen(path, "r");
	if (!f) {
		perror(path);
		return 1;
	}
	if (igraph_vector_int_init(&edges, 0) != IGRAPH_SUCCESS ||
	    igraph_vector_init(&len, 0) != IGRAPH_SUCCESS)
		fail("out of memory");
	while (fgets(line, sizeof(line), f)) {
		unsigned long a, b;
		double x;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "sites %lu", &sites) == 1) {
			have_sites = 1;
		} else if (sscanf(line, "source %lu %lf", &a, &x) == 2) {
			if (nsrc == MAX_SOURCES)
				fail("too many sources");
			src[nsrc] = (igraph_integer_t)a;
			cut[nsrc] = log(x / 0.01); /* the library's MFR_TRACE_MIN_SCORE */
			nsrc++;
		} else if (sscanf(line, "%lu %lu %lf", &a, &b, &x) == 3) {
			if (igraph_vector_int_push_back(&edges, (igraph_integer_t)a) ||
			    igraph_vector_int_push_back(&edges, (igraph_integer_t)b) ||
			    igraph_vector_push_back(&len, -log(x)))
				fail("out of memory");
		} else {
			fail("unreadable line in the edge list");
		}
	}
	fclose(f);
	if (!have_sites || !nsrc)
		fail("the edge list names no sites or no sources");
	if (igraph_create(&g, &edges, (igraph_integer_t)sites, IGRAPH_DIRECTED) != IGRAPH_SUCCESS)
		fail("igraph_create failed");
	igraph_vector_int_destroy(&edges);
	if (igraph_matrix_init(&res, 1, (igraph_integer_t)sites) != IGRAPH_SUCCESS)
		fail("out of memory");
	fprintf(stderr, "bench-sssp-igraph: %s: igraph %s, %lu sites, %ld edges, %d sources\n",
		label, IGRAPH_VERSION, sites, (long)igraph_ecount(&g), nsrc);

	o = (op){ .g = &g, .len = &len, .src = src, .nsrc = nsrc, .res = &res };
	measure(label, "igraph", &o);
	o.cut = cut;
	measure(label, "igraph-cut", &o);

	igraph_matrix_destroy(&res);
	igraph_vector_destroy(&len);
	igraph_destroy(&g);
	return 0;
}
