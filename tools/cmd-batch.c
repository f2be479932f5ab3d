/*
 * mfr - `mfr batch trace|plan`: JSON lines in, JSON lines out.
 * SPDX-License-Identifier: MIT
 *
 * Each line of standard input is one intake (doc/intake-format.md); each
 * line of standard output is the compact trace or plan for it, in order.
 * A bad line gives {"line": N, "error": {...}} in its place and the batch
 * goes on; the exit status is then 1. Blank lines are skipped.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* One output line describing why input line @p lineno failed. */
static void error_line(unsigned long lineno, mfr_status st, const mfr_error *err)
{
	json_t *o = json_pack("{s:i, s:{s:s, s:s, s:s}}", "line", (json_int_t)lineno,
			      "error", "status", mfr_status_name(st),
			      "message", err ? mfr_error_message(err) : mfr_strerror(st),
			      "path", err ? mfr_error_path(err) : "");
	char *text = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;

	puts(text ? text : "{\"error\": {\"status\": \"MFR_E_NOMEM\"}}");
	free(text);
	json_decref(o);
}

/* Trace or plan one intake and print it on one line. */
static mfr_status run_one(const mfr_intake *in, int plan, mfr_error **err)
{
	char *text = NULL;
	mfr_status st;

	if (plan) {
		mfr_plan *p = NULL;

		st = mfr_plan_run(in, NULL, &p, err);
		if (st == MFR_OK)
			st = mfr_plan_to_json(p, MFR_JSON_COMPACT, &text, err);
		mfr_plan_free(p);
	} else {
		mfr_trace *t = NULL;

		st = mfr_trace_run(in, NULL, &t, err);
		if (st == MFR_OK)
			st = mfr_trace_to_json(t, MFR_JSON_COMPACT, &text, err);
		mfr_trace_free(t);
	}
	if (st == MFR_OK)
		puts(text);
	mfr_free(text);
	return st;
}

int cli_batch(const cli_options *opts, int argc, char **argv)
{
	mfr_model *m = NULL;
	char *line = NULL;
	size_t cap = 0;
	unsigned long lineno = 0, failed = 0;
	int plan, rc;

	if (argc != 2 || (strcmp(argv[1], "trace") != 0 && strcmp(argv[1], "plan") != 0))
		return cli_usage_error("usage: mfr batch trace|plan < intakes.jsonl");
	plan = strcmp(argv[1], "plan") == 0;
	rc = cli_load_model(opts, &m);
	if (rc != CLI_OK)
		return rc;

	for (;;) {
		size_t len = 0;
		int c;

		/* Read one line, however long (getline is POSIX, not C11). */
		while ((c = getchar()) != EOF && c != '\n') {
			if (len + 1 >= cap) {
				size_t ncap = cap ? cap * 2 : 4096;
				char *p = realloc(line, ncap);
				if (!p) {
					fputs("mfr: out of memory\n", stderr);
					free(line);
					mfr_model_free(m);
					return CLI_FAIL;
				}
				line = p;
				cap = ncap;
			}
			line[len++] = (char)c;
		}
		if (c == EOF && len == 0)
			break;
		lineno++;
		if (len == 0 || strspn(line, " \t\r") == len)
			continue;

		mfr_intake *in = NULL;
		mfr_error *err = NULL;
		mfr_status st = mfr_intake_from_json(m, line, len, "<stdin>", &in, &err);

		if (st == MFR_OK)
			st = run_one(in, plan, &err);
		if (st != MFR_OK) {
			error_line(lineno, st, err);
			failed++;
		}
		mfr_error_free(err);
		mfr_intake_free(in);
		if (c == EOF)
			break;
	}
	free(line);
	mfr_model_free(m);
	if (failed)
		fprintf(stderr, "mfr: %lu of %lu lines failed\n", failed, lineno);
	return failed ? CLI_FAIL : CLI_OK;
}
