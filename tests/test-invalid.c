/*
 * libmfr unit tests: invalid models, driven by data (STYLE pattern 15).
 *
 * Each directory tests/data/invalid/<case>/ holds input.json and expected,
 * whose lines are:
 *   status MFR_E_...        the status (required)
 *   path <json path>        the error's path ("path" alone: empty)
 *   line N / column N       the error's line and column (syntax errors)
 *   message-contains TEXT   a fragment of the message (any number)
 * Blank lines and lines starting with '#' are ignored. Every case must give
 * its status and either a path or a line. The runner also checks what holds
 * for every failure: the model out-parameter is NULL, the error names the
 * source (in its source field and in its message), and loading the same
 * text from a buffer or without an error object fails the same way.
 * SPDX-License-Identifier: MIT
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_CASES 256
#define MAX_NAME 64

static char case_names[MAX_CASES][MAX_NAME];
static int n_cases;
static int scan_failed; /* the directory could not be read */

static int name_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

static void scan_cases(void)
{
	char dir[4096];
	DIR *d;
	struct dirent *e;

	snprintf(dir, sizeof(dir), "%s/invalid", mfr_test_data_dir());
	d = opendir(dir);
	if (!d) {
		scan_failed = 1;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n_cases == MAX_CASES || strlen(e->d_name) >= MAX_NAME) {
			scan_failed = 1;
			break;
		}
		strcpy(case_names[n_cases++], e->d_name);
	}
	closedir(d);
	qsort(case_names, (size_t)n_cases, MAX_NAME, name_cmp);
}

typedef struct expected {
	char status[64];
	int has_path, has_line, has_column;
	char path[512];
	int line, column;
	char contains[8][256];
	int n_contains;
} expected;

static void read_expected(const char *name, expected *x)
{
	char path[4096], rel[256];
	char *text, *line, *save = NULL;

	memset(x, 0, sizeof(*x));
	snprintf(rel, sizeof(rel), "invalid/%.63s/expected", name);
	mfr_test_path(path, sizeof(path), rel);
	text = mfr_test_read(path, NULL);
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		size_t n = strlen(line);
		const char *arg;

		if (n && line[n - 1] == '\r')
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		arg = strchr(line, ' ');
		arg = arg ? arg + 1 : "";
		if (strncmp(line, "status ", 7) == 0) {
			snprintf(x->status, sizeof(x->status), "%s", arg);
		} else if (strcmp(line, "path") == 0 || strncmp(line, "path ", 5) == 0) {
			x->has_path = 1;
			snprintf(x->path, sizeof(x->path), "%s", arg);
		} else if (strncmp(line, "line ", 5) == 0) {
			x->has_line = 1;
			x->line = atoi(arg);
		} else if (strncmp(line, "column ", 7) == 0) {
			x->has_column = 1;
			x->column = atoi(arg);
		} else if (strncmp(line, "message-contains ", 17) == 0) {
			ck_assert_msg(x->n_contains < 8, "%s: too many message-contains", name);
			snprintf(x->contains[x->n_contains++], sizeof(x->contains[0]), "%s", arg);
		} else {
			ck_abort_msg("%s/expected: cannot read line \"%s\"", name, line);
		}
	}
	free(text);
	ck_assert_msg(x->status[0], "%s/expected: no status line", name);
	ck_assert_msg(x->has_path || x->has_line,
		      "%s/expected: give a path or a line", name);
}

/* Check one failure against the expectation. */
static void check_error(const char *name, const expected *x, mfr_status st,
			const mfr_model *m, const mfr_error *err, const char *source)
{
	const char *msg = mfr_error_message(err);

	ck_assert_msg(strcmp(mfr_status_name(st), x->status) == 0,
		      "%s: status %s, expected %s (%s)", name, mfr_status_name(st),
		      x->status, msg);
	ck_assert_msg(m == NULL, "%s: out is not NULL after a failure", name);
	ck_assert_msg(err != NULL, "%s: no error object", name);
	ck_assert_int_eq(mfr_error_status(err), st);
	ck_assert_str_eq(mfr_error_source(err), source);
	ck_assert_msg(strstr(msg, source) != NULL,
		      "%s: message does not name the source %s: %s", name, source, msg);
	if (x->has_path)
		ck_assert_msg(strcmp(mfr_error_path(err), x->path) == 0,
			      "%s: path \"%s\", expected \"%s\" (%s)", name,
			      mfr_error_path(err), x->path, msg);
	if (x->has_line)
		ck_assert_msg(mfr_error_line(err) == x->line,
			      "%s: line %d, expected %d (%s)", name,
			      (int)mfr_error_line(err), x->line, msg);
	if (x->has_column)
		ck_assert_msg(mfr_error_column(err) == x->column,
			      "%s: column %d, expected %d (%s)", name,
			      (int)mfr_error_column(err), x->column, msg);
	if (st == MFR_E_SYNTAX)
		ck_assert_msg(mfr_error_offset(err) >= 0, "%s: no offset", name);
	for (int i = 0; i < x->n_contains; i++)
		ck_assert_msg(strstr(msg, x->contains[i]) != NULL,
			      "%s: message lacks \"%s\": %s", name, x->contains[i], msg);
}

START_TEST(invalid_case)
{
	const char *name = case_names[_i];
	char path[4096], rel[256], buf_name[256];
	expected x;
	mfr_model *m = (mfr_model *)&m;
	mfr_error *err = NULL;
	mfr_status st;
	size_t size;
	char *text;

	read_expected(name, &x);
	snprintf(rel, sizeof(rel), "invalid/%.63s/input.json", name);
	mfr_test_path(path, sizeof(path), rel);

	/* From the file. */
	st = mfr_model_load_file(path, &m, &err);
	check_error(name, &x, st, m, err, path);
	mfr_error_free(err);

	/* From a buffer, under another name. */
	text = mfr_test_read(path, &size);
	snprintf(buf_name, sizeof(buf_name), "case:%.63s", name);
	m = (mfr_model *)&m;
	err = NULL;
	st = mfr_model_load_buffer(text, size, buf_name, &m, &err);
	check_error(name, &x, st, m, err, buf_name);
	mfr_error_free(err);

	/* Without an error object: the same status. */
	m = (mfr_model *)&m;
	ck_assert_str_eq(mfr_status_name(mfr_model_load_buffer(text, size, NULL, &m, NULL)),
			 x.status);
	ck_assert_ptr_null(m);
	free(text);
}
END_TEST

START_TEST(cases_present)
{
	ck_assert_msg(!scan_failed, "cannot read %s/invalid", mfr_test_data_dir());
	ck_assert_int_ge(n_cases, 25);
	for (int i = 0; i < n_cases; i++) {
		char path[4096], rel[256];
		FILE *f;

		snprintf(rel, sizeof(rel), "invalid/%.63s/input.json", case_names[i]);
		mfr_test_path(path, sizeof(path), rel);
		f = fopen(path, "rb");
		ck_assert_msg(f != NULL, "%s has no input.json", case_names[i]);
		fclose(f);
	}
}
END_TEST

/* ---- generated models: limits and size regressions ---------------------- */

/* What a generated model holds besides its regions: areas a0..a(n-1), all
 * bilateral, and one muscle m0. */
enum {
	GEN_CHAIN = 1 << 0,    /* each area's parent is the one before it */
	GEN_LIST = 1 << 1,     /* GEN_LISTS techniques that list every area */
	GEN_ZONES = 1 << 2,    /* GEN_LISTS referrals with a zone on every area */
	GEN_BRANCHES = 1 << 3, /* a line with one branch per area */
};

#define GEN_LISTS 8

typedef struct gen {
	int areas;        /* how many areas */
	unsigned what;    /* GEN_* */
	int nodes;        /* a line of this many nodes, each listing ... */
	int node_regions; /* ... this many areas (0: no such line) */
} gen;

static void add_area_list(mfr_test_buf *b, int n)
{
	for (int i = 0; i < n; i++)
		mfr_test_buf_add(b, "%s\"a%d\"", i ? "," : "", i);
}

static char *gen_model(const gen *g, size_t *size)
{
	mfr_test_buf b = { NULL, 0, 0 };
	int line = 0;

	mfr_test_buf_add(&b, "{\"format\": \"libmfr-model\", \"format_version\": 1, "
			 "\"name\": \"generated\", \"model_version\": \"1\", "
			 "\"sources\": [{\"key\": \"s\", \"citation\": \"c\"}],\n\"regions\": [\n");
	for (int i = 0; i < g->areas; i++) {
		mfr_test_buf_add(&b, "{\"key\": \"a%d\", \"name\": \"a\", \"kind\": \"area\", "
				 "\"laterality\": \"bilateral\", \"positions\": [\"prone\"], "
				 "\"depth\": \"superficial\", \"sources\": [\"s\"]", i);
		if ((g->what & GEN_CHAIN) && i)
			mfr_test_buf_add(&b, ", \"parent\": \"a%d\"", i - 1);
		mfr_test_buf_add(&b, "},\n");
	}
	mfr_test_buf_add(&b, "{\"key\": \"m0\", \"name\": \"m\", \"kind\": \"muscle\", "
			 "\"laterality\": \"bilateral\", \"positions\": [\"prone\"], "
			 "\"depth\": \"deep\", \"sources\": [\"s\"]}],\n\"lines\": [");
	if (g->node_regions) {
		mfr_test_buf_add(&b, "{\"key\": \"big\", \"abbrev\": \"B\", \"name\": \"big\", "
				 "\"evidence\": \"not_assessed\", \"sources\": [\"s\"], "
				 "\"branches\": [{\"key\": \"main\", \"nodes\": [");
		for (int k = 0; k < g->nodes; k++) {
			mfr_test_buf_add(&b, "%s{\"kind\": \"track\", \"side\": \"ipsi\", "
					 "\"regions\": [", k ? "," : "");
			add_area_list(&b, g->node_regions);
			mfr_test_buf_add(&b, "]}");
		}
		mfr_test_buf_add(&b, "]}]}");
		line = 1;
	}
	if (g->what & GEN_BRANCHES) {
		mfr_test_buf_add(&b, "%s{\"key\": \"many\", \"abbrev\": \"M\", \"name\": \"many\", "
				 "\"evidence\": \"not_assessed\", \"sources\": [\"s\"], "
				 "\"branches\": [", line ? "," : "");
		for (int i = 0; i < g->areas; i++)
			mfr_test_buf_add(&b, "%s{\"key\": \"b%d\", \"nodes\": ["
					 "{\"kind\": \"track\", \"side\": \"ipsi\", \"regions\": [\"a%d\"]},"
					 "{\"kind\": \"track\", \"side\": \"ipsi\", \"regions\": [\"m0\"]}]}",
					 i ? "," : "", i, i);
		mfr_test_buf_add(&b, "]}");
	}
	mfr_test_buf_add(&b, "],\n\"referrals\": [");
	for (int k = 0; (g->what & GEN_ZONES) && k < GEN_LISTS; k++) {
		mfr_test_buf_add(&b, "%s{\"key\": \"m0_trp%d\", \"muscle\": \"m0\", "
				 "\"trigger_point\": \"x\", \"sources\": [\"s\"], \"zones\": [",
				 k ? "," : "", k);
		for (int i = 0; i < g->areas; i++)
			mfr_test_buf_add(&b, "%s{\"area\": \"a%d\", \"zone\": \"essential\"}",
					 i ? "," : "", i);
		mfr_test_buf_add(&b, "]}");
	}
	mfr_test_buf_add(&b, "],\n\"techniques\": [");
	for (int k = 0; (g->what & GEN_LIST) && k < GEN_LISTS; k++) {
		mfr_test_buf_add(&b, "%s{\"key\": \"t%d\", \"name\": \"t\", \"family\": "
				 "\"sustained_pressure\", \"approach\": \"direct\", "
				 "\"pressure\": {\"min\": \"light\", \"max\": \"firm\"}, "
				 "\"depth\": \"deep\", \"positions\": [\"prone\"], "
				 "\"sources\": [\"s\"], \"regions\": [", k ? "," : "", k);
		add_area_list(&b, g->areas);
		mfr_test_buf_add(&b, "]}");
	}
	mfr_test_buf_add(&b, "],\n\"conditions\": [], \"precautions\": []}\n");
	*size = b.len;
	return b.data;
}

/* Load a generated model; returns the status, the error in *err. */
static mfr_status load_gen(const gen *g, mfr_error **err)
{
	size_t size;
	char *text = gen_model(g, &size);
	mfr_model *m = NULL;
	mfr_status st = mfr_model_load_buffer(text, size, "generated.json", &m, err);

	free(text);
	ck_assert(st == MFR_OK ? m != NULL : m == NULL);
	mfr_model_free(m);
	return st;
}

START_TEST(node_region_limit)
{
	gen at_limit = { 256, 0, 2, 256 }, past = { 257, 0, 2, 257 };
	mfr_error *err = NULL;

	mfr_test_assert_ok(load_gen(&at_limit, &err), err, "256 regions in a node");
	err = NULL;
	ck_assert_int_eq(load_gen(&past, &err), MFR_E_RANGE);
	ck_assert_str_eq(mfr_error_path(err), "lines[0].branches[0].nodes[0].regions");
	ck_assert_msg(strstr(mfr_error_message(err), "lists 257 regions; the limit is 256") &&
		      strstr(mfr_error_message(err), "split it"), "%s", mfr_error_message(err));
	mfr_error_free(err);
}
END_TEST

/* Past about 32,769 regions in one node, a uint32_t edge count wrapped and
 * the graph was filled past its array; now the count is a size_t and the
 * whole graph has a limit, reported at the line that adds the most. */
START_TEST(graph_edge_limit)
{
	gen g = { 256, 0, 40, 256 };
	mfr_error *err = NULL;

	ck_assert_int_eq(load_gen(&g, &err), MFR_E_RANGE);
	ck_assert_str_eq(mfr_error_path(err), "lines[0]");
	ck_assert_msg(strstr(mfr_error_message(err), "more than 16777216 edges (the limit)") &&
		      strstr(mfr_error_message(err), "line \"big\" alone adds") &&
		      strstr(mfr_error_message(err), "list fewer regions per node"),
		      "%s", mfr_error_message(err));
	mfr_error_free(err);
}
END_TEST

static void load_gen_ok(void *ctx)
{
	mfr_error *err = NULL;

	mfr_test_assert_ok(load_gen(ctx, &err), err, "generated model");
}

/*
 * Loading must cost about linear time in each list's length: 8 times the
 * size may take about 8 times as long (up to 12 with the caches), never the
 * 20 to 60 times the quadratic checks took (a 100,000-region parent chain
 * once took 15 s; these sizes took 1.8 to 5 s).
 */
static const struct {
	const char *what;
	unsigned flags;
} scaling[] = {
	{ "a parent chain", GEN_CHAIN },
	{ "lists of references", GEN_LIST },
	{ "referrals' zones", GEN_ZONES },
	{ "a line's branches", GEN_BRANCHES },
};

START_TEST(load_scales_linearly)
{
	int base = mfr_test_scaling_base(4000);
	gen small = { base, scaling[_i].flags, 0, 0 };
	gen large = { base * 8, scaling[_i].flags, 0, 0 };
	double ts = mfr_test_cpu_time(load_gen_ok, &small, 3);
	double tl = mfr_test_cpu_time(load_gen_ok, &large, 2);

	ck_assert_msg(tl < 16 * ts + 0.002, "%s: %d items took %.4f s, %d items %.4f s "
		      "(%.1f times as long)", scaling[_i].what, small.areas, ts,
		      large.areas, tl, tl / ts);
}
END_TEST

Suite *mfr_test_invalid_suite(void)
{
	Suite *s = suite_create("invalid");
	TCase *tc = tcase_create("cases");

	scan_cases();
	tcase_add_test(tc, cases_present);
	tcase_add_loop_test(tc, invalid_case, 0, n_cases);
	suite_add_tcase(s, tc);

	tc = tcase_create("generated");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, node_region_limit);
	tcase_add_test(tc, graph_edge_limit);
	suite_add_tcase(s, tc);

	tc = tcase_create("scaling");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, load_scales_linearly, 0,
			    (int)(sizeof(scaling) / sizeof(scaling[0])));
	suite_add_tcase(s, tc);
	return s;
}
