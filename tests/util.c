/*
 * libmfr unit tests: helpers shared by the test files.
 * SPDX-License-Identifier: MIT
 */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *mfr_test_data_dir(void)
{
	const char *dir = getenv("MFR_TEST_DATA");

	return dir && *dir ? dir : MFR_TEST_DATA_DIR;
}

void mfr_test_path(char *buf, size_t size, const char *rel)
{
	int n = snprintf(buf, size, "%s/%s", mfr_test_data_dir(), rel);

	ck_assert_msg(n > 0 && (size_t)n < size, "path too long: %s", rel);
}

char *mfr_test_read(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, n;

	ck_assert_msg(f != NULL, "cannot open %s", path);
	do {
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 8192;
			buf = realloc(buf, cap);
			ck_assert_ptr_nonnull(buf);
		}
		n = fread(buf + len, 1, cap - len - 1, f);
		len += n;
	} while (n > 0);
	ck_assert_msg(!ferror(f), "cannot read %s", path);
	fclose(f);
	buf[len] = '\0';
	if (size)
		*size = len;
	return buf;
}

mfr_model *mfr_test_load_model(const char *name)
{
	char rel[256], path[4096];
	mfr_model *model = NULL;
	mfr_error *err = NULL;
	mfr_status_t st;

	snprintf(rel, sizeof(rel), "models/%s", name);
	mfr_test_path(path, sizeof(path), rel);
	st = mfr_model_load_file(path, &model, &err);
	mfr_test_assert_ok(st, err, path);
	ck_assert_ptr_nonnull(model);
	return model;
}

void mfr_test_assert_ok(mfr_status_t st, mfr_error *err, const char *what)
{
	if (st != MFR_OK) {
		char msg[2048];

		snprintf(msg, sizeof(msg), "%s: %s: %s", what, mfr_status_name(st),
			 err ? mfr_error_message(err) : mfr_strerror(st));
		mfr_error_free(err);
		ck_abort_msg("%s", msg);
	}
	ck_assert_ptr_null(err);
}

mfr_model *mfr_test_model;

void mfr_test_setup_minimal(void)
{
	mfr_test_model = mfr_test_load_model("minimal.json");
}

void mfr_test_setup_extra(void)
{
	mfr_test_model = mfr_test_load_model("extra.json");
}

void mfr_test_teardown(void)
{
	mfr_model_free(mfr_test_model);
	mfr_test_model = NULL;
}

void mfr_test_buf_add(mfr_test_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		size_t room = b->cap - b->len;

		va_start(ap, fmt);
		n = vsnprintf(b->data ? b->data + b->len : NULL, room, fmt, ap);
		va_end(ap);
		ck_assert_int_ge(n, 0);
		if ((size_t)n < room)
			break;
		b->cap = (b->cap + (size_t)n + 1) * 2;
		b->data = realloc(b->data, b->cap);
		ck_assert_ptr_nonnull(b->data);
	}
	b->len += (size_t)n;
}

static double cpu_seconds(void)
{
	struct timespec ts;

	ck_assert_int_eq(clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts), 0);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double mfr_test_cpu_time(void (*fn)(void *ctx), void *ctx, int runs)
{
	double best = -1;

	for (int i = 0; i < runs; i++) {
		double t0 = cpu_seconds();

		fn(ctx);
		double t = cpu_seconds() - t0;
		if (best < 0 || t < best)
			best = t;
	}
	return best;
}

int mfr_test_env_int(const char *name, int dflt)
{
	const char *v = getenv(name);
	int n = v ? atoi(v) : 0;

	return n > 0 ? n : dflt;
}

const mfr_region *mfr_test_enclosing(const mfr_region *r, mfr_region_kind_t kind)
{
	while (r && mfr_region_kind(r) != kind)
		r = mfr_region_parent(r);
	return r;
}

const mfr_region *mfr_test_root(const mfr_region *r)
{
	while (mfr_region_parent(r))
		r = mfr_region_parent(r);
	return r;
}

int mfr_test_utf8_valid(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u) {
		int n = *u < 0x80 ? 1 : (*u >> 5) == 6 ? 2 : (*u >> 4) == 14 ? 3
			: (*u >> 3) == 30 ? 4 : 0;
		unsigned long cp = n == 1 ? *u : n == 2 ? *u & 0x1Fu : n == 3 ? *u & 0x0Fu
			: *u & 0x07u;

		if (!n)
			return 0;
		for (int i = 1; i < n; i++) {
			if ((u[i] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (u[i] & 0x3Fu);
		}
		if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		u += n;
	}
	return 1;
}

char *mfr_test_repeat(const char *piece, int n)
{
	size_t len = strlen(piece);
	char *s = malloc(len * (size_t)n + 1);

	ck_assert_ptr_nonnull(s);
	for (int i = 0; i < n; i++)
		memcpy(s + len * (size_t)i, piece, len);
	s[len * (size_t)n] = '\0';
	return s;
}

uint32_t mfr_test_warning_count(const mfr_plan *p, const char *code)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++)
		n += strcmp(mfr_plan_warning_code(mfr_plan_warning_at(p, i)), code) == 0;
	return n;
}

uint32_t mfr_test_warnings_about(const mfr_plan *p, const char *code, const char *key)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);
		const char *subject = mfr_plan_warning_subject_key(w);

		n += (!code || strcmp(mfr_plan_warning_code(w), code) == 0) && subject &&
		     strcmp(subject, key) == 0;
	}
	return n;
}

int mfr_test_assumed_above_work(const mfr_plan *p)
{
	uint32_t worst = 0;

	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++) {
		uint32_t r = mfr_plan_step_trace_rank(mfr_plan_step_at(p, i));

		worst = r > worst ? r : worst;
	}
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);
		uint32_t rank = mfr_plan_warning_trace_rank(w);

		/* The text names the rank too ("(trace rank 3)"): the getter
		 * and the text agree. */
		if (rank) {
			char said[32];

			snprintf(said, sizeof(said), "(trace rank %u)", rank);
			ck_assert_ptr_nonnull(strstr(mfr_plan_warning_text(w), said));
		}
		if (mfr_plan_warning_kind(w) == MFR_WARNING_SITE_EXCLUDED && rank && rank < worst &&
		    strstr(mfr_plan_warning_text(w), ", assumed until \""))
			return 1;
	}
	return 0;
}

void mfr_test_run_make(mfr_test_run *r, const char *intake, uint32_t sessions,
		       uint32_t weeks)
{
	*r = (mfr_test_run){ NULL, NULL, NULL, NULL, NULL };
	mfr_test_assert_ok(mfr_model_default(&r->model, NULL), NULL, "default model");
	mfr_test_assert_ok(mfr_intake_from_json(r->model, intake, strlen(intake), NULL,
						&r->intake, NULL), NULL, "intake");
	mfr_test_assert_ok(mfr_trace_run(r->intake, NULL, &r->trace, NULL), NULL, "trace");
	mfr_test_assert_ok(mfr_plan_run(r->intake, NULL, &r->plan, NULL), NULL, "plan");
	mfr_test_assert_ok(mfr_program_run(r->intake, sessions, weeks, NULL, &r->program,
					   NULL), NULL, "program");
}

void mfr_test_run_free(mfr_test_run *r)
{
	mfr_program_free(r->program);
	mfr_plan_free(r->plan);
	mfr_trace_free(r->trace);
	mfr_intake_free(r->intake);
	mfr_model_unref(r->model);
	*r = (mfr_test_run){ NULL, NULL, NULL, NULL, NULL };
}
