/*
 * mfr - `mfr batch trace|plan`: JSON lines in, JSON lines out.
 * SPDX-License-Identifier: MIT
 *
 * Each line of standard input is one intake (doc/intake-format.md); each
 * line of standard output is the compact trace or plan for it, in order:
 * every input line gives exactly one output line. A line that fails (a bad
 * intake, or a blank line) gives {"line": N, "error": {...}} in its place,
 * with the batch line number N in the message ("<stdin>:N: ...", or
 * "<stdin>:N:COLUMN: ..." for malformed JSON), and the batch goes on; the
 * exit status is then 1. A final line without a newline counts; an empty
 * input gives no output.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define SOURCE "<stdin>"

/*
 * The message of @p err for batch line @p lineno: the library names the
 * source "<stdin>" and, for malformed JSON, line 1 of the text it was given;
 * say which batch line instead. In malloc'd memory, or NULL.
 */
static char *batch_message(const mfr_error *err, unsigned long lineno)
{
	const char *msg = mfr_error_message(err), *rest = msg;
	size_t n = strlen(SOURCE);
	char *out;

	if (strncmp(msg, SOURCE ":", n + 1) == 0) {
		rest = msg + n + 1;
		/* "<stdin>:1:COLUMN: ..." for malformed JSON: keep the column. */
		if (mfr_error_line(err) > 0) {
			rest = strchr(rest, ':');
			rest = rest ? rest + 1 : msg + n + 1;
		}
		if (*rest == ' ')
			rest++;
	}
	size_t size = strlen(rest) + n + 48;
	if (!(out = malloc(size)))
		return NULL;
	if (mfr_error_line(err) > 0 && rest != msg)
		snprintf(out, size, SOURCE ":%lu:%s", lineno, rest);
	else
		snprintf(out, size, SOURCE ":%lu: %s", lineno, rest);
	return out;
}

/* One row on @p out describing why input line @p lineno failed. */
static void error_line(FILE *out, unsigned long lineno, mfr_status_t st,
		       const mfr_error *err, const char *text)
{
	char *message = text ? NULL : err ? batch_message(err, lineno) : NULL;
	json_t *o = json_pack("{s:i, s:{s:s, s:s, s:s}}", "line", (json_int_t)lineno,
			      "error", "status", mfr_status_name(st),
			      "message", text ? text : message ? message : mfr_strerror(st),
			      "path", err && mfr_error_path(err) ? mfr_error_path(err) : "");
	char *row = o ? json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER) : NULL;

	if (row)
		fprintf(out, "%s\n", row);
	else /* out of memory: still one row, with its line */
		fprintf(out, "{\"line\":%lu,\"error\":{\"status\":\"MFR_E_NOMEM\","
		       "\"message\":\"out of memory\",\"path\":\"\"}}\n", lineno);
	free(row);
	free(message);
	json_decref(o);
}

/* Trace or plan one intake and print it on one line of @p out. */
static mfr_status_t run_one(FILE *out, const mfr_intake *in, int plan, mfr_error **err)
{
	char *text = NULL;
	mfr_status_t st;

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
		fprintf(out, "%s\n", text);
	mfr_free(text);
	return st;
}

int cli_batch_line(FILE *out, const mfr_model *m, int plan, const char *line,
		   size_t len, unsigned long lineno)
{
	mfr_intake *in = NULL;
	mfr_error *err = NULL;
	mfr_status_t st;

	if (strspn(line, " \t\r") == len) {
		char text[96];

		snprintf(text, sizeof(text), SOURCE ":%lu: blank line; every line must "
			 "hold one intake (a JSON object)", lineno);
		error_line(out, lineno, MFR_E_SYNTAX, NULL, text);
		return 1;
	}
	st = mfr_intake_from_json(m, line, len, SOURCE, &in, &err);
	if (st == MFR_OK)
		st = run_one(out, in, plan, &err);
	if (st != MFR_OK)
		error_line(out, lineno, st, err, NULL);
	mfr_error_free(err);
	mfr_intake_free(in);
	return st != MFR_OK;
}

/* Read one line of @p f into *buf (grown as needed, NUL-terminated, without
 * its newline); returns its length, or -1 at the end of the input (or when
 * memory runs out: *nomem is set; or when reading fails: ferror(f)). A line
 * longer than @p keep bytes keeps its first @p keep (the rest is read and
 * dropped), enough for the intake reader to refuse it as too long: a line
 * of any length costs at most @p keep bytes of memory.
 * getline() is POSIX, not C11. */
static long read_line(FILE *f, char **buf, size_t *cap, size_t keep, int *nomem)
{
	size_t len = 0;
	int c;

	while ((c = getc(f)) != EOF && c != '\n') {
		if (len == keep)
			continue;
		if (len + 1 >= *cap) {
			size_t ncap = *cap ? *cap * 2 : 4096;
			char *p = ncap > *cap ? realloc(*buf, ncap) : NULL;

			if (!p) {
				*nomem = 1;
				return -1;
			}
			*buf = p;
			*cap = ncap;
		}
		(*buf)[len++] = (char)c;
	}
	if (c == EOF && len == 0)
		return -1;
	if (!*buf) { /* an empty line before any other */
		if (!(*buf = malloc(1))) {
			*nomem = 1;
			return -1;
		}
		*cap = 1;
	}
	(*buf)[len] = '\0';
	return (long)len;
}

int cli_batch(const cli_options *opts, int argc, char **argv)
{
	mfr_model *m = NULL;
	char *line = NULL;
	size_t cap = 0;
	unsigned long lineno = 0, failed = 0;
	int plan, rc, nomem = 0;
	long len;

	if (argc != 2 || (strcmp(argv[1], "trace") != 0 && strcmp(argv[1], "plan") != 0))
		return cli_usage_error("usage: mfr batch trace|plan < intakes.jsonl");
	/* It once wrote JSON whatever --format said. */
	if (opts->format_given && opts->format != CLI_JSON)
		return cli_usage_error("'mfr batch' writes JSON lines only; leave out "
				       "'--format %s' (or give '--format json')",
				       mfr_format_name(opts->output));
	plan = strcmp(argv[1], "plan") == 0;
	rc = cli_load_model(opts, &m);
	if (rc != CLI_OK)
		return rc;

	/* One byte past the largest intake: a longer line is refused as such. */
	while ((len = read_line(stdin, &line, &cap, (size_t)MFR_INTAKE_MAX_BYTES + 1,
				&nomem)) >= 0) {
		failed += (unsigned long)cli_batch_line(stdout, m, plan, line, (size_t)len,
							 ++lineno);
		/* Rows the output cannot take are lost: stop (the write error
		 * itself is reported when the output is closed, in mfr.c). */
		if (ferror(stdout)) {
			fprintf(stderr, "mfr: stopped at line %lu: the output cannot be "
				"written\n", lineno);
			free(line);
			mfr_model_free(m);
			return CLI_FAIL;
		}
	}
	free(line);
	mfr_model_free(m);
	if (nomem) {
		fprintf(stderr, "mfr: out of memory reading line %lu\n", lineno + 1);
		return CLI_FAIL;
	}
	/* A read error is not the end of the input: the lines after it are
	 * lost, and the batch must not look complete. */
	if (ferror(stdin)) {
		fprintf(stderr, "mfr: cannot read line %lu of standard input\n", lineno + 1);
		return CLI_FAIL;
	}
	if (failed)
		fprintf(stderr, "mfr: %lu of %lu lines failed\n", failed, lineno);
	return failed ? CLI_FAIL : CLI_OK;
}
