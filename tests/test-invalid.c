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

Suite *mfr_test_invalid_suite(void)
{
	Suite *s = suite_create("invalid");
	TCase *tc = tcase_create("cases");

	scan_cases();
	tcase_add_test(tc, cases_present);
	tcase_add_loop_test(tc, invalid_case, 0, n_cases);
	suite_add_tcase(s, tc);
	return s;
}
