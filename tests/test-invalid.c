/*
 * libmfr unit tests: bad models and intakes, driven by data (STYLE pattern
 * 15): tests/data/bad/model.cases and intake.cases, each case a few edits
 * over a valid document or a short text, with the failure it must give
 * (tests/data/bad/README.md). For every case the runner checks its status,
 * its path (key selectors resolved to indexes), its message fragments, and
 * what holds for every failure: the out-parameter is NULL, the error names
 * the source (in its source field and in its message), the same text from
 * a file, a buffer or without an error object fails the same way, and the
 * error's line, column and byte are the place of the value its path names
 * (read back from the text), for errors found after the parse too.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gen-models.h"
#include "util.h"
#include "util-cases.h"

static mfr_case_file model_cases, intake_cases;

/* Check one failure of case @p c against its expectation; its path and
 * place only when @p placed (they cost parses of the input, and the same
 * text gives the same place from a file and from a buffer). */
static void check_error(const mfr_case *c, const char *input, size_t size, mfr_status_t st,
			const mfr_error *err, const char *source, int placed)
{
	const char *msg = mfr_error_message(err);
	char path[512];

	ck_assert_msg(strcmp(mfr_status_name(st), c->status) == 0,
		      "%s: status %s, expected %s (%s)", c->name, mfr_status_name(st),
		      c->status, msg);
	ck_assert_msg(err != NULL, "%s: no error object", c->name);
	ck_assert_int_eq(mfr_error_status(err), st);
	ck_assert_str_eq(mfr_error_source(err), source);
	ck_assert_msg(strstr(msg, source) != NULL,
		      "%s: message does not name the source %s: %s", c->name, source, msg);
	if (c->path && placed) {
		mfr_case_path(c, input, size, path, sizeof(path));
		ck_assert_msg(strcmp(mfr_test_str(mfr_error_path(err)), path) == 0,
			      "%s: path \"%s\", expected \"%s\" (%s)", c->name,
			      mfr_test_str(mfr_error_path(err)), path, msg);
	}
	if (c->at_line >= 0)
		ck_assert_msg(mfr_error_line(err) == c->at_line &&
			      mfr_error_column(err) == c->at_column,
			      "%s: at %d:%d, expected %d:%d (%s)", c->name,
			      (int)mfr_error_line(err), (int)mfr_error_column(err),
			      c->at_line, c->at_column, msg);
	if (st == MFR_E_SYNTAX)
		ck_assert_msg(mfr_error_offset(err) >= 0, "%s: no offset", c->name);
	else if (c->path && placed)
		mfr_case_check_place(c, input, size, mfr_test_str(mfr_error_path(err)), mfr_error_line(err),
				     mfr_error_column(err), (long long)mfr_error_offset(err));
	for (int i = 0; i < c->n_messages; i++)
		ck_assert_msg(strstr(msg, c->messages[i]) != NULL,
			      "%s: message lacks \"%s\": %s", c->name, c->messages[i], msg);
}

/* Whether model case @p i is checked in this run: every one, or with
 * $MFR_DEFAULT_CASE_STRIDE=N (the valgrind setup: 3) one in N of those over
 * the default model, whose 260 KB memcheck parses three times in seconds
 * (the plain, coverage and ASan runs check every case; the cases over the
 * small test models always run). */
static int over_default(const mfr_case *c)
{
	return c->over && strcmp(c->over, "default") == 0;
}

static int model_case_checked(int i)
{
	int stride = mfr_test_env_int("MFR_DEFAULT_CASE_STRIDE", 1), nth = 0;

	if (stride <= 1 || !over_default(&model_cases.cases[i]))
		return 1;
	for (int k = 0; k < i; k++)
		nth += over_default(&model_cases.cases[k]);
	return nth % stride == 0;
}

START_TEST(model_case)
{
	const mfr_case *c = &model_cases.cases[_i];
	char path[256], buf_name[256], file_path[512];
	int32_t file_line, file_column;
	mfr_model *m = (mfr_model *)&m;
	mfr_error *err = NULL;
	mfr_status_t st;
	size_t size;
	char *input;
	FILE *f;

	if (!model_case_checked(_i))
		return;
	input = mfr_case_input(c, &size);

	/* From a file. */
	snprintf(path, sizeof(path), "/tmp/libmfr-case-%ld-%d.json", (long)getpid(), _i);
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(input, 1, size, f), size);
	ck_assert_int_eq(fclose(f), 0);
	st = mfr_model_load_file(path, &m, &err);
	remove(path);
	ck_assert_msg(m == NULL, "%s: out is not NULL after a failure", c->name);
	check_error(c, input, size, st, err, path, 0);
	snprintf(file_path, sizeof(file_path), "%s", mfr_test_str(mfr_error_path(err)));
	file_line = mfr_error_line(err);
	file_column = mfr_error_column(err);
	mfr_error_free(err);

	/* From a buffer, under another name. */
	snprintf(buf_name, sizeof(buf_name), "case:%.63s", c->name);
	m = (mfr_model *)&m;
	err = NULL;
	st = mfr_model_load_buffer(input, size, buf_name, &m, &err);
	ck_assert_ptr_null(m);
	check_error(c, input, size, st, err, buf_name, 1);
	/* The file gave the same place. */
	ck_assert_str_eq(mfr_test_str(mfr_error_path(err)), file_path);
	ck_assert_int_eq(mfr_error_line(err), file_line);
	ck_assert_int_eq(mfr_error_column(err), file_column);
	mfr_error_free(err);

	/* Without an error object: the same status. */
	m = (mfr_model *)&m;
	ck_assert_str_eq(mfr_status_name(mfr_model_load_buffer(input, size, NULL, &m, NULL)),
			 c->status);
	ck_assert_ptr_null(m);
	free(input);
}
END_TEST

static mfr_model *default_model;

static void default_setup(void)
{
	ck_assert_int_eq(mfr_model_default(&default_model, NULL), MFR_OK);
}

static void default_teardown(void)
{
	mfr_model_free(default_model);
}

/* Intakes are read against the default model; a failure changes nothing
 * (there is nothing to change: out stays NULL). */
START_TEST(intake_case)
{
	const mfr_case *c = &intake_cases.cases[_i];
	mfr_intake *in = (mfr_intake *)1;
	mfr_error *err = NULL;
	size_t size;
	char *input = mfr_case_input(c, &size);
	mfr_status_t st = mfr_intake_from_json(default_model, input, size, "case.json", &in, &err);

	ck_assert_msg(in == NULL, "%s: out is not NULL after a failure", c->name);
	check_error(c, input, size, st, err, "case.json", 1);
	mfr_error_free(err);
	in = (mfr_intake *)1;
	ck_assert_str_eq(mfr_status_name(mfr_intake_from_json(default_model, input, size, NULL,
							      &in, NULL)), c->status);
	ck_assert_ptr_null(in);
	free(input);
}
END_TEST

START_TEST(cases_present)
{
	ck_assert_msg(!model_cases.error[0], "%s", model_cases.error);
	ck_assert_msg(!intake_cases.error[0], "%s", intake_cases.error);
	ck_assert_int_ge(model_cases.count, 90);
	ck_assert_int_ge(intake_cases.count, 40);
	/* Names are unique within a file. */
	for (int i = 0; i < model_cases.count; i++)
		for (int k = 0; k < i; k++)
			ck_assert_msg(strcmp(model_cases.cases[i].name, model_cases.cases[k].name),
				      "case %s twice", model_cases.cases[i].name);
	for (int i = 0; i < intake_cases.count; i++)
		for (int k = 0; k < i; k++)
			ck_assert_msg(strcmp(intake_cases.cases[i].name,
					     intake_cases.cases[k].name),
				      "case %s twice", intake_cases.cases[i].name);
}
END_TEST

/* The case files are read once for the process (suite builders run
 * before the tests); freed at exit, so valgrind sees no leak. */
static void free_cases(void)
{
	mfr_cases_free(&model_cases);
	mfr_cases_free(&intake_cases);
}

/* ---- generated models (gen-models.h): limits ----------------------------- */

START_TEST(node_region_limit)
{
	gen at_limit = { 256, 0, 2, 256 }, past = { 257, 0, 2, 257 };
	mfr_error *err = NULL;

	mfr_test_assert_ok(load_gen(&at_limit, &err), err, "256 regions in a node");
	err = NULL;
	ck_assert_int_eq(load_gen(&past, &err), MFR_E_RANGE);
	ck_assert_str_eq(mfr_test_str(mfr_error_path(err)), "lines[0].branches[0].nodes[0].regions");
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
	ck_assert_str_eq(mfr_test_str(mfr_error_path(err)), "lines[0]");
	ck_assert_msg(strstr(mfr_error_message(err), "more than 16777216 edges (the limit)") &&
		      strstr(mfr_error_message(err), "line \"big\" alone adds") &&
		      strstr(mfr_error_message(err), "list fewer regions per node"),
		      "%s", mfr_error_message(err));
	mfr_error_free(err);
}
END_TEST

/* A model past MFR_MODEL_MAX_BYTES is refused before it is parsed, from a
 * buffer (its size said exactly) or a file (read no further than one byte
 * past the limit); at the limit it is parsed. */
START_TEST(model_size_limit)
{
	size_t n = (size_t)MFR_MODEL_MAX_BYTES + 2;
	char *big = calloc(1, n), path[256];
	mfr_model *m = (mfr_model *)&m;
	mfr_error *err = NULL;
	FILE *f;

	ck_assert_ptr_nonnull(big);
	ck_assert_int_eq(mfr_model_load_buffer(big, n, "big.json", &m, &err), MFR_E_RANGE);
	ck_assert_ptr_null(m);
	ck_assert_str_eq(mfr_test_str(mfr_error_path(err)), "");
	ck_assert_msg(strstr(mfr_error_message(err), "big.json: 67108866 bytes is past the "
			     "limit for a model (67108864 bytes, 64 MiB); split the model"),
		      "%s", mfr_error_message(err));
	mfr_error_free(err);
	err = NULL;
	/* At the limit: parsed (and a document of NUL bytes is malformed). */
	ck_assert_int_eq(mfr_model_load_buffer(big, n - 2, "big.json", &m, &err), MFR_E_SYNTAX);
	mfr_error_free(err);
	err = NULL;
	free(big);

	/* A sparse file of 65 MiB. */
	snprintf(path, sizeof(path), "/tmp/libmfr-big-model-%ld.json", (long)getpid());
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(fseek(f, (long)MFR_MODEL_MAX_BYTES + (1 << 20), SEEK_SET), 0);
	ck_assert_int_eq(fputc('}', f), '}');
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(mfr_model_load_file(path, &m, &err), MFR_E_RANGE);
	remove(path);
	ck_assert_ptr_null(m);
	ck_assert_str_eq(mfr_error_source(err), path);
	ck_assert_msg(strstr(mfr_error_message(err), "more than 67108864 bytes is past the "
			     "limit for a model"), "%s", mfr_error_message(err));
	mfr_error_free(err);
}
END_TEST

/* A model of 100,000 sites (50,000 bilateral areas, each a zone of 8
 * referrals) is within every limit and loads. Under valgrind
 * (MFR_LARGE_MODEL_AREAS=5000) a model of a tenth of that size stands in. */
START_TEST(hundred_thousand_sites_load)
{
	int areas = mfr_test_env_int("MFR_LARGE_MODEL_AREAS", 50000);
	gen g = { areas, GEN_ZONES, 0, 0 };
	mfr_error *err = NULL;

	mfr_test_assert_ok(load_gen(&g, &err), err, "a model of 100,000 sites");
}
END_TEST

Suite *mfr_test_invalid_suite(void)
{
	Suite *s = suite_create("invalid");
	TCase *tc = tcase_create("cases");

	mfr_cases_read(&model_cases, "bad/model.cases");
	mfr_cases_read(&intake_cases, "bad/intake.cases");
	atexit(free_cases);
	tcase_add_test(tc, cases_present);
	tcase_add_loop_test(tc, model_case, 0, model_cases.count);
	suite_add_tcase(s, tc);

	tc = tcase_create("intake-cases");
	tcase_add_checked_fixture(tc, default_setup, default_teardown);
	tcase_add_loop_test(tc, intake_case, 0, intake_cases.count);
	suite_add_tcase(s, tc);

	tc = tcase_create("generated");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, node_region_limit);
	tcase_add_test(tc, graph_edge_limit);
	tcase_add_test(tc, model_size_limit);
	tcase_add_test(tc, hundred_thousand_sites_load);
	suite_add_tcase(s, tc);

	return s;
}
