/*
 * mfr - `mfr batch trace|plan`: JSON lines in; JSON lines or CSV out
 * (doc/batch-format.md).
 * SPDX-License-Identifier: MIT
 *
 * Each line of standard input is one intake (doc/intake-format.md); every
 * input line gives exactly one row on standard output, in input order
 * (CSV: one record per plan step or trace result, at least one), and each
 * row carries the input line number and the intake's id, to join back. A
 * line that fails (a bad intake, or a blank line) gives an error row in
 * its place, with the batch line number N in the message ("<stdin>:N:
 * ...", or "<stdin>:N:COLUMN: ..." for malformed JSON), and the batch goes
 * on; the exit status is then 1. A final line without a newline counts; an
 * empty input gives no rows (CSV: the header alone).
 *
 * With --jobs N, N threads share the model (immutable, mfr/model.h) and
 * the options (only read while tracing and planning): lines are read in
 * chunks, each line's row is built by whichever thread takes it, and the
 * chunk is written in input order, so the output is the same bytes as
 * with one job.
 */
#define _POSIX_C_SOURCE 200809L

#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "csv-columns.h"

#define SOURCE "<stdin>"

/* What every line of one batch is run with: read only while it runs. */
typedef struct batch {
	const mfr_model *m;
	int plan;    /* plans, else traces */
	int csv;     /* --format csv, else JSON lines */
	int compact; /* --compact */
	const mfr_trace_options *to; /* NULL: the defaults */
	const mfr_plan_options *po;
} batch;

/* One line's row(s), built in memory (malloc) before it is written. */
typedef struct row {
	char *buf;
	size_t len, cap;
	int nomem; /* a piece did not fit: the row is replaced (row_finish()) */
	unsigned long records; /* CSV records (JSON: 1), for the summary */
	char fallback[192]; /* the row when memory ran out: never allocated */
} row;

static void row_put(row *r, const char *s, size_t n)
{
	if (r->nomem)
		return;
	if (r->len + n + 1 > r->cap) {
		size_t cap = r->cap ? r->cap : 256;

		while (cap < r->len + n + 1)
			cap *= 2;
		char *p = realloc(r->buf, cap);
		if (!p) {
			r->nomem = 1;
			return;
		}
		r->buf = p;
		r->cap = cap;
	}
	memcpy(r->buf + r->len, s, n);
	r->len += n;
	r->buf[r->len] = '\0';
}

static void row_str(row *r, const char *s)
{
	row_put(r, s, strlen(s));
}

static void row_add(row *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void row_add(row *r, const char *fmt, ...)
{
	char buf[128]; /* numbers and status names: never cut */
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		row_put(r, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

/* @p s as a JSON value: a string, or null for NULL. */
static void row_json_str(row *r, const char *s)
{
	json_t *v = s ? json_string(s) : NULL;
	char *text = v ? json_dumps(v, JSON_ENCODE_ANY) : NULL;

	if (s && !text)
		r->nomem = 1;
	row_str(r, text ? text : "null");
	free(text);
	json_decref(v);
}

/* @p s as one CSV field (RFC 4180: quoted when it holds a comma, a quote,
 * a CR or an LF, its quotes doubled); NULL is an empty field. */
static void row_csv_field(row *r, const char *s)
{
	if (!s)
		return;
	if (!s[strcspn(s, ",\"\r\n")]) {
		row_str(r, s);
		return;
	}
	row_str(r, "\"");
	for (const char *q; (q = strchr(s, '"')); s = q + 1) {
		row_put(r, s, (size_t)(q - s));
		row_str(r, "\"\"");
	}
	row_str(r, s);
	row_str(r, "\"");
}

/* How many columns a CSV header (one line, no quotes) has. */
static size_t csv_columns(const char *header)
{
	size_t n = 1;

	for (; *header; header++)
		n += *header == ',';
	return n;
}

/* The header of `mfr batch --format csv`: the library's, with the line
 * number after the id and the error's status and message at the end. */
static void csv_header(row *r, int plan)
{
	const char *lib = plan ? MFR__CSV_PLAN_HEADER : MFR__CSV_TRACE_HEADER;

	row_str(r, "id,line");
	row_str(r, lib + strlen("id"));
	row_str(r, ",error_status,error_message\r\n");
}

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

/* The "id" of a line the intake reader refused, when the line is a JSON
 * object with a string "id" (malloc'd), so that its error row joins back
 * too; else NULL. */
static char *salvage_id(const char *line, size_t len)
{
	json_t *o = json_loadb(line, len, 0, NULL);
	const char *id = json_is_object(o) ? json_string_value(json_object_get(o, "id")) : NULL;
	char *copy = id ? malloc(strlen(id) + 1) : NULL;

	if (copy)
		strcpy(copy, id);
	json_decref(o);
	return copy;
}

/* The row describing why input line @p lineno (intake id @p id, or NULL)
 * failed. */
static void error_row(row *r, const batch *b, unsigned long lineno, const char *id,
		      mfr_status_t st, const mfr_error *err, const char *text)
{
	char *message = text ? NULL : err ? batch_message(err, lineno) : NULL;
	const char *msg = text ? text : message ? message : mfr_strerror(st);

	r->records = 1;
	if (b->csv) {
		size_t n = csv_columns(b->plan ? MFR__CSV_PLAN_HEADER : MFR__CSV_TRACE_HEADER);

		row_csv_field(r, id);
		row_add(r, ",%lu", lineno);
		for (size_t i = 1; i < n; i++)
			row_str(r, ",");
		row_add(r, ",%s,", mfr_status_name(st));
		row_csv_field(r, msg);
		row_str(r, "\r\n");
	} else {
		row_add(r, "{\"line\":%lu,\"id\":", lineno);
		row_json_str(r, id);
		row_add(r, ",\"error\":{\"status\":\"%s\",\"message\":", mfr_status_name(st));
		row_json_str(r, msg);
		row_str(r, ",\"path\":");
		row_json_str(r, err && mfr_error_path(err) ? mfr_error_path(err) : "");
		row_str(r, "}}\n");
	}
	free(message);
}

/* The end of the JSON value that starts at @p p (a document the library
 * wrote, so well formed): one past its last byte. */
static const char *json_value_end(const char *p)
{
	int depth = 0;

	for (; *p; p++) {
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++)
				if (*p == '\\' && p[1])
					p++;
			if (depth == 0)
				return *p ? p + 1 : p;
		} else if (*p == '{' || *p == '[') {
			depth++;
		} else if (*p == '}' || *p == ']') {
			if (--depth <= 0)
				return depth == 0 ? p + 1 : p;
		} else if (*p == ',' && depth == 0) {
			return p;
		}
	}
	return p;
}

/* The aftercare member's value @p v (@p n bytes): its items' keys. */
static void aftercare_keys(row *r, const char *v, size_t n)
{
	json_t *a = json_loadb(v, n, 0, NULL);
	size_t i;
	json_t *item;

	row_str(r, "[");
	json_array_foreach(a, i, item) {
		row_str(r, i ? "," : "");
		row_json_str(r, json_string_value(json_object_get(item, "key")));
	}
	row_str(r, "]");
	if (!a)
		r->nomem = 1; /* the library's own JSON: only memory can fail */
	json_decref(a);
}

/*
 * The members of the compact document @p doc (after its "{"), as --compact
 * gives them: without "disclaimer" (the same on every row: doc/safety.md),
 * and "aftercare" as its keys (the texts are the model's: `mfr model list
 * aftercare`). Every other byte as the library wrote it.
 */
static void compact_members(row *r, const char *doc)
{
	const char *p = doc + 1;
	int first = 1;

	while (*p == '"') {
		const char *key = p, *colon = strchr(key, ':'), *end = json_value_end(colon + 1);
		size_t klen = (size_t)(colon - key);

		if (!(klen == 12 && strncmp(key, "\"disclaimer\"", 12) == 0)) {
			row_str(r, first ? "" : ",");
			first = 0;
			if (klen == 11 && strncmp(key, "\"aftercare\"", 11) == 0) {
				row_str(r, "\"aftercare\":");
				aftercare_keys(r, colon + 1, (size_t)(end - colon - 1));
			} else {
				row_put(r, key, (size_t)(end - key));
			}
		}
		p = *end == ',' ? end + 1 : end;
	}
	row_str(r, "}");
}

/* The row of a document @p doc the library wrote for line @p lineno. */
static void good_row(row *r, const batch *b, unsigned long lineno, const char *id,
		     const char *doc)
{
	if (!b->csv) {
		row_add(r, "{\"line\":%lu,\"id\":", lineno);
		row_json_str(r, id);
		row_str(r, ",");
		if (b->compact)
			compact_members(r, doc);
		else
			row_str(r, doc + 1);
		row_str(r, "\n");
		r->records = 1;
		return;
	}
	/* Each record after the library's header: the line after its first
	 * field (the id), the error columns (empty) at its end. */
	const char *p = strstr(doc, "\r\n");

	for (p = p ? p + 2 : doc + strlen(doc); *p;) {
		const char *field_end = NULL, *rec_end;
		int quoted = 0;

		for (rec_end = p; *rec_end && (quoted || *rec_end != '\r'); rec_end++) {
			if (*rec_end == '"')
				quoted = !quoted;
			else if (*rec_end == ',' && !quoted && !field_end)
				field_end = rec_end;
		}
		if (!field_end)
			field_end = rec_end;
		r->records++;
		row_put(r, p, (size_t)(field_end - p));
		row_add(r, ",%lu", lineno);
		row_put(r, field_end, (size_t)(rec_end - field_end));
		row_str(r, ",,\r\n");
		p = *rec_end ? rec_end + 2 : rec_end;
	}
}

/* Trace or plan one intake, into @p r; the status, and @p err on failure. */
static mfr_status_t run_one(row *r, const batch *b, const mfr_intake *in,
			    unsigned long lineno, mfr_error **err)
{
	mfr_format_t f = b->csv ? MFR_FORMAT_CSV : MFR_FORMAT_JSON;
	uint32_t flags = b->csv ? 0 : MFR_JSON_COMPACT;
	char *text = NULL;
	mfr_status_t st;

	if (b->plan) {
		mfr_plan *p = NULL;

		st = mfr_plan_run(in, b->po, &p, err);
		if (st == MFR_OK)
			st = mfr_plan_write(p, f, flags, &text, NULL, err);
		mfr_plan_free(p);
	} else {
		mfr_trace *t = NULL;

		st = mfr_trace_run(in, b->to, &t, err);
		if (st == MFR_OK)
			st = mfr_trace_write(t, f, flags, &text, NULL, err);
		mfr_trace_free(t);
	}
	if (st == MFR_OK)
		good_row(r, b, lineno, mfr_intake_id(in), text);
	mfr_free(text);
	return st;
}

/* When memory ran out while building @p r: one error row in its place,
 * written without allocating. */
static void row_finish(row *r, const batch *b, unsigned long lineno, int *failed)
{
	char *fallback = r->fallback;
	size_t size = sizeof(r->fallback);

	if (!r->nomem)
		return;
	free(r->buf);
	r->buf = NULL;
	r->len = r->cap = 0;
	r->nomem = 0;
	*failed = 1;
	if (b->csv) {
		size_t n = csv_columns(b->plan ? MFR__CSV_PLAN_HEADER : MFR__CSV_TRACE_HEADER);
		char commas[64] = "";

		for (size_t i = 1; i < n && i < sizeof(commas) - 1; i++)
			commas[i - 1] = ',';
		snprintf(fallback, size, ",%lu%s,MFR_E_NOMEM,out of memory\r\n",
			 lineno, commas);
	} else {
		snprintf(fallback, size, "{\"line\":%lu,\"id\":null,\"error\":"
			 "{\"status\":\"MFR_E_NOMEM\",\"message\":\"out of memory\","
			 "\"path\":\"\"}}\n", lineno);
	}
	r->buf = fallback; /* cap 0: never freed (row_release()) */
	r->len = strlen(fallback);
	r->records = 1;
}

static void row_release(row *r)
{
	if (r->cap)
		free(r->buf);
	*r = (row){ 0 };
}

/* Build the row(s) of input line @p lineno into @p r; 1 when it is an error
 * row. */
static int build_row(row *r, const batch *b, const char *line, size_t len,
		     unsigned long lineno)
{
	mfr_intake *in = NULL;
	mfr_error *err = NULL;
	mfr_status_t st;
	int failed;

	if (strspn(line, " \t\r") == len) {
		char text[96];

		snprintf(text, sizeof(text), SOURCE ":%lu: blank line; every line must "
			 "hold one intake (a JSON object)", lineno);
		error_row(r, b, lineno, NULL, MFR_E_SYNTAX, NULL, text);
		failed = 1;
	} else {
		st = mfr_intake_from_json(b->m, line, len, SOURCE, &in, &err);
		if (st == MFR_OK)
			st = run_one(r, b, in, lineno, &err);
		failed = st != MFR_OK;
		if (failed) {
			char *id = in ? NULL : salvage_id(line, len);

			r->len = 0; /* nothing of a row half built */
			r->nomem = 0;
			error_row(r, b, lineno, in ? mfr_intake_id(in) : id, st, err, NULL);
			free(id);
		}
		mfr_error_free(err);
		mfr_intake_free(in);
	}
	row_finish(r, b, lineno, &failed);
	return failed;
}

int cli_batch_line(FILE *out, const mfr_model *m, int plan, const char *line,
		   size_t len, unsigned long lineno)
{
	batch b = { .m = m, .plan = plan };
	row r = { 0 };
	int failed = build_row(&r, &b, line, len, lineno);

	fwrite(r.buf, 1, r.len, out);
	row_release(&r);
	return failed;
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

/* One chunk of lines for the threads: each line's text, and its row. */
typedef struct chunk {
	const batch *b;
	char **lines;
	size_t *lens;
	row *rows;
	int *failed;
	size_t count;
	unsigned long first; /* the line number of lines[0] */
	atomic_size_t next;  /* the next line a thread takes */
} chunk;

static void *chunk_worker(void *arg)
{
	chunk *c = arg;
	size_t i;

	while ((i = atomic_fetch_add(&c->next, 1)) < c->count)
		c->failed[i] = build_row(&c->rows[i], c->b, c->lines[i], c->lens[i],
					 c->first + i);
	return NULL;
}

/* The lines a chunk holds at most, per job, and the bytes of text at most
 * (a line may hold up to MFR_INTAKE_MAX_BYTES). */
#define CHUNK_LINES_PER_JOB 64
#define CHUNK_BYTES ((size_t)32 << 20)

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* How the batch went, for the summary and the progress line. */
typedef struct tally {
	unsigned long lines, failed, rows;
	double start, shown; /* when it started; when progress was last shown */
	int tty;             /* standard error is a terminal: show progress */
} tally;

static void progress(tally *t)
{
	double s;

	if (!t->tty || (s = now()) - t->shown < 0.2)
		return;
	t->shown = s;
	fprintf(stderr, "\rmfr: batch: %lu lines, %lu errors, %.1f s", t->lines, t->failed,
		s - t->start);
}

/* Write @p r, then release it; 0, or -1 when standard output failed. */
static int emit(row *r, tally *t)
{
	t->rows += r->records;
	fwrite(r->buf, 1, r->len, stdout);
	row_release(r);
	return ferror(stdout) ? -1 : 0;
}

/* Run every line of standard input through @p b with @p jobs threads. */
static int run_lines(const batch *b, uint32_t jobs, tally *t, int *nomem)
{
	size_t keep = (size_t)MFR_INTAKE_MAX_BYTES + 1, cap = 0;
	char *line = NULL;
	long len;
	int rc = 0;

	if (jobs <= 1) {
		while (rc == 0 && (len = read_line(stdin, &line, &cap, keep, nomem)) >= 0) {
			row r = { 0 };

			t->failed += (unsigned long)build_row(&r, b, line, (size_t)len, ++t->lines);
			rc = emit(&r, t);
			progress(t);
		}
		free(line);
		return rc;
	}

	size_t max = (size_t)jobs * CHUNK_LINES_PER_JOB;
	chunk c = { .b = b };
	pthread_t *threads = calloc(jobs, sizeof(*threads));

	c.lines = calloc(max, sizeof(*c.lines));
	c.lens = calloc(max, sizeof(*c.lens));
	c.rows = calloc(max, sizeof(*c.rows));
	c.failed = calloc(max, sizeof(*c.failed));
	if (!threads || !c.lines || !c.lens || !c.rows || !c.failed) {
		*nomem = 1;
		goto out;
	}
	for (int end = 0; !end && rc == 0;) {
		size_t bytes = 0;

		c.count = 0;
		c.first = t->lines + 1;
		while (c.count < max && bytes < CHUNK_BYTES) {
			if ((len = read_line(stdin, &line, &cap, keep, nomem)) < 0) {
				end = 1;
				break;
			}
			/* The chunk takes the line's buffer; the next line gets a
			 * new one. */
			c.lines[c.count] = line;
			c.lens[c.count++] = (size_t)len;
			bytes += (size_t)len;
			line = NULL;
			cap = 0;
		}
		atomic_store(&c.next, 0);
		uint32_t started = 0;
		for (; started + 1 < jobs && started + 1 < c.count; started++)
			if (pthread_create(&threads[started], NULL, chunk_worker, &c) != 0)
				break; /* fewer threads: the work still gets done */
		chunk_worker(&c);
		for (uint32_t i = 0; i < started; i++)
			pthread_join(threads[i], NULL);
		for (size_t i = 0; i < c.count; i++) {
			t->lines++;
			t->failed += (unsigned long)c.failed[i];
			if (rc == 0)
				rc = emit(&c.rows[i], t);
			row_release(&c.rows[i]);
			free(c.lines[i]);
			c.lines[i] = NULL;
		}
		progress(t);
	}
out:
	free(line);
	free(threads);
	free(c.lines);
	free(c.lens);
	free(c.rows);
	free(c.failed);
	return rc;
}

/* Whether @p a is an option that takes no value. */
static int flag_option(const char *a)
{
	return strcmp(a, "--compact") == 0;
}

/* Take the option at argv[*i] ("--name VALUE" or "--name=VALUE"): its name
 * into @p name, its value into *val. CLI_OK, or CLI_USAGE after reporting. */
static int take_option(int argc, char **argv, int *i, char *name, size_t size,
		       const char **val)
{
	const char *a = argv[*i], *eq = strchr(a, '=');
	size_t n = eq ? (size_t)(eq - a) : strlen(a);

	if (n >= size)
		return cli_usage_error("unknown option '%.*s' for 'mfr batch'", (int)n, a);
	memcpy(name, a, n);
	name[n] = '\0';
	*val = NULL;
	if (flag_option(name)) {
		if (eq)
			return cli_usage_error("option '%s' takes no value", name);
		return CLI_OK;
	}
	if (eq)
		*val = eq + 1;
	else if (*i + 1 < argc)
		*val = argv[++*i];
	else
		return cli_usage_error("option '%s' needs a value", a);
	return CLI_OK;
}

/* Parse `batch` arguments: the command (trace or plan) anywhere, with its
 * options and the batch options around it. */
static int parse_args(const cli_options *opts, int argc, char **argv, batch *b,
		      mfr_trace_options *to, mfr_plan_options *po, uint32_t *jobs)
{
	const char *cmd = NULL, *val;
	char name[64];
	int rc;

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '-') {
			if (cmd)
				return cli_usage_error("unexpected argument '%s': 'mfr batch "
						       "%s' reads its intakes from standard "
						       "input", argv[i], cmd);
			cmd = argv[i];
		} else if ((rc = take_option(argc, argv, &i, name, sizeof(name), &val)) !=
			   CLI_OK) {
			return rc;
		}
	}
	if (!cmd || (strcmp(cmd, "trace") != 0 && strcmp(cmd, "plan") != 0))
		return cli_usage_error("usage: mfr batch trace|plan [OPTIONS] < intakes.jsonl");
	b->plan = strcmp(cmd, "plan") == 0;
	if (opts->format_given && opts->output != MFR_FORMAT_JSON &&
	    opts->output != MFR_FORMAT_CSV)
		return cli_usage_error("'mfr batch' writes JSON lines or CSV; leave out "
				       "'--format %s' (or give '--format json' or "
				       "'--format csv')", mfr_format_name(opts->output));
	b->csv = opts->format_given && opts->output == MFR_FORMAT_CSV;
	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '-')
			continue;
		take_option(argc, argv, &i, name, sizeof(name), &val);
		if (strcmp(name, "--compact") == 0) {
			if (b->csv)
				return cli_usage_error("--compact is for JSON rows; CSV rows "
						       "have no disclaimer or aftercare");
			b->compact = 1;
			continue;
		}
		if (strcmp(name, "--jobs") == 0) {
			if (cli_parse_range(name, val, 1, 256, jobs) != CLI_OK)
				return CLI_USAGE;
			continue;
		}
		if (cli_intake_option(name))
			return cli_usage_error("'mfr batch' reads each intake from a line of "
					       "standard input; '%s' is for trace, plan and "
					       "program", name);
		rc = b->plan ? cli_plan_option(po, name, val) : cli_trace_option(to, name, val);
		if (rc == CLI_UNKNOWN)
			return cli_usage_error("unknown option '%s' for 'mfr batch %s'", name,
					       cmd);
		if (rc != CLI_OK)
			return rc;
	}
	return CLI_OK;
}

/* The keys the options name (--technique, --line) are the model's: checked
 * once, before any line, rather than failing every row. */
static int check_keys(int argc, char **argv, const mfr_model *m, int plan)
{
	const char *val;
	char name[64];

	for (int i = 1; i < argc; i++) {
		if (argv[i][0] != '-')
			continue;
		take_option(argc, argv, &i, name, sizeof(name), &val);
		if (plan && strcmp(name, "--technique") == 0 &&
		    !mfr_model_has(m, MFR_KIND_TECHNIQUE, val))
			return cli_usage_error("--technique '%s': unknown technique; 'mfr model "
					       "list techniques' shows every technique", val);
		if (!plan && strcmp(name, "--line") == 0 && !mfr_model_has(m, MFR_KIND_LINE, val))
			return cli_usage_error("--line '%s': unknown line; 'mfr model list "
					       "lines' shows every line", val);
	}
	return CLI_OK;
}

int cli_batch(const cli_options *opts, int argc, char **argv)
{
	mfr_model *m = NULL;
	mfr_trace_options *to = NULL;
	mfr_plan_options *po = NULL;
	batch b = { 0 };
	tally t = { .start = now(), .tty = isatty(fileno(stderr)) };
	uint32_t jobs = 1;
	int rc, nomem = 0;

	if (mfr_trace_options_new(&to) != MFR_OK || mfr_plan_options_new(&po) != MFR_OK) {
		fputs("mfr: out of memory\n", stderr);
		rc = CLI_FAIL;
		goto out;
	}
	if ((rc = parse_args(opts, argc, argv, &b, to, po, &jobs)) != CLI_OK ||
	    (rc = cli_load_model(opts, &m)) != CLI_OK ||
	    (rc = check_keys(argc, argv, m, b.plan)) != CLI_OK)
		goto out;
	b.m = m;
	b.to = to;
	b.po = po;
	/* jansson seeds its hash tables on first use: before the threads. */
	json_object_seed(0);
	if (b.csv) {
		row h = { 0 };

		csv_header(&h, b.plan);
		h.records = 0; /* the header is not a row */
		if (h.nomem || emit(&h, &t) != 0) {
			row_release(&h);
			rc = CLI_FAIL;
			goto out;
		}
	}
	if (run_lines(&b, jobs, &t, &nomem) != 0) {
		/* Rows the output cannot take are lost: stop (the write error
		 * itself is reported when the output is closed, in mfr.c). */
		fprintf(stderr, "%smfr: stopped at line %lu: the output cannot be written\n",
			t.tty ? "\r" : "", t.lines);
		rc = CLI_FAIL;
		goto out;
	}
	if (t.tty)
		fputs("\r\033[K", stderr);
	if (nomem) {
		fprintf(stderr, "mfr: out of memory reading line %lu\n", t.lines + 1);
		rc = CLI_FAIL;
	} else if (ferror(stdin)) {
		/* A read error is not the end of the input: the lines after
		 * it are lost, and the batch must not look complete. */
		fprintf(stderr, "mfr: cannot read line %lu of standard input\n", t.lines + 1);
		rc = CLI_FAIL;
	} else {
		if (t.failed)
			fprintf(stderr, "mfr: %lu of %lu lines failed\n", t.failed, t.lines);
		/* With the audit trail of the run: a CSV row carries the intake's
		 * id, not the versions that wrote it. */
		fprintf(stderr, "mfr: batch %s: %lu lines, %lu rows, %lu errors, %.3f s, "
			"%u job%s; libmfr %s, model \"%s\" %s (%s)\n", b.plan ? "plan" : "trace",
			t.lines, t.rows, t.failed, now() - t.start, jobs, jobs == 1 ? "" : "s",
			mfr_version(), mfr_model_name(m), mfr_model_version(m),
			mfr_model_content_hash(m));
		rc = t.failed ? CLI_FAIL : CLI_OK;
	}
out:
	mfr_model_free(m);
	mfr_trace_options_free(to);
	mfr_plan_options_free(po);
	return rc;
}
