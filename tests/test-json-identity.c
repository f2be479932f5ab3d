/*
 * libmfr unit tests: the JSON the library writes is byte for byte the JSON
 * jansson wrote for it (lib/json-writer.h).
 *
 * - The pieces, against jansson itself: strings (every byte, escapes at
 *   every place around the writer's 8-byte steps, UTF-8 of every length,
 *   bytes that are not UTF-8, random byte strings), as values and as keys;
 *   integers; doubles (random bit patterns, the ranges scores and factors
 *   take, the values next to a rounding tie or a power of ten), with the
 *   precision the library set (JSON_REAL_PRECISION(6)); nesting, empty
 *   containers and indentation.
 * - The documents, against the reference writer (json-reference.c: the
 *   library's jansson writers as they were): the trace, plan, program and
 *   intake of each intake in data/intakes.jsonl (bench/gen-intakes.py,
 *   seed 3: every side form, conditions, precautions, answers, stages,
 *   scopes, clearances, session lengths and positions), indented and
 *   compact; and every model in data/models plus the default one, whole
 *   and entity by entity.
 * $MFR_IDENTITY_STRIDE (default 1) checks one in N of the random cases
 * and of the intakes, for the slow valgrind run.
 * SPDX-License-Identifier: MIT
 */
#include <float.h>
#include <jansson.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json-reference.h"
#include "json-writer.h"
#include "text.h"
#include "util.h"

/* A small seeded generator (xorshift64*): the same cases on every run. */
static uint64_t rng_state;

static uint64_t rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1Du;
}

/* One in how many random cases and intakes is checked ($MFR_IDENTITY_STRIDE). */
static long stride(void)
{
	return mfr_test_env_int("MFR_IDENTITY_STRIDE", 1);
}

/* ---- the pieces ----------------------------------------------------------- */

/* What the writer makes of @p build (one value in an array, compact). */
static char *written(void (*build)(mfr_jw *w, const void *arg), const void *arg)
{
	mfr_jw w;
	char *out = NULL;
	mfr_error *err = NULL;

	mfr__jw_init(&w, MFR_JSON_COMPACT, 0);
	mfr__jw_array(&w);
	build(&w, arg);
	mfr__jw_array_end(&w);
	mfr_test_assert_ok(mfr__jw_finish(&w, &out, &err), err, "writer");
	return out;
}

static void build_string(mfr_jw *w, const void *s)
{
	mfr__jw_string(w, s);
}

static void build_key(mfr_jw *w, const void *s)
{
	mfr__jw_object(w);
	mfr__jw_key_str(w, s);
	mfr__jw_int(w, 1);
	mfr__jw_object_end(w);
}

/* jansson's text of string @p s (repaired first when it is not UTF-8, as
 * the library always did), alone and as a key. */
static void jansson_string(const char *s, char **as_value, char **as_key)
{
	char *copy = strdup(s);
	json_t *arr = json_array(), *obj = json_object();

	ck_assert_ptr_nonnull(copy);
	mfr__utf8_repair(copy);
	ck_assert_int_eq(json_array_append_new(arr, json_string(copy)), 0);
	ck_assert_int_eq(json_object_set_new(obj, copy, json_integer(1)), 0);
	*as_value = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	arr = json_array();
	ck_assert_int_eq(json_array_append_new(arr, obj), 0);
	*as_key = json_dumps(arr, JSON_COMPACT);
	json_decref(arr);
	free(copy);
}

static void check_string(const char *s)
{
	char *want_value, *want_key;
	char *value = written(build_string, s), *key = written(build_key, s);

	jansson_string(s, &want_value, &want_key);
	ck_assert_msg(strcmp(value, want_value) == 0, "string: %s, jansson: %s", value,
		      want_value);
	ck_assert_msg(strcmp(key, want_key) == 0, "key: %s, jansson: %s", key, want_key);
	free(want_value);
	free(want_key);
	mfr_free(value);
	mfr_free(key);
}

START_TEST(strings_as_jansson)
{
	static const char *const pieces[] = {
		"\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\x01", "\x1f", "\x7f",
		"\xc3\xa1", "\xe2\x86\x92", "\xf0\x9f\x98\x80", /* 2, 3 and 4 bytes */
		"\xc3", "\xe2\x86", "\xff", "\x80", "\xc0\xaf", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", /* not UTF-8: cut, stray, overlong, surrogate, too big */
	};
	const size_t n_pieces = sizeof(pieces) / sizeof(pieces[0]);
	char s[64];

	check_string("");
	/* Every byte alone, and between plain text. */
	for (int c = 1; c < 256; c++) {
		s[0] = (char)c;
		s[1] = '\0';
		check_string(s);
		snprintf(s, sizeof(s), "soleus %c trigger point", c);
		check_string(s);
	}
	/* Each piece at every place in strings of 0 to 24 plain bytes, so it
	 * falls in and across every 8-byte step and in the tail. */
	for (size_t p = 0; p < n_pieces; p++)
		for (size_t len = 0; len <= 24; len++)
			for (size_t at = 0; at <= len; at++) {
				memset(s, 'a', len);
				memcpy(s + at, pieces[p], strlen(pieces[p]));
				memset(s + at + strlen(pieces[p]), 'b', len - at);
				s[len + strlen(pieces[p])] = '\0';
				check_string(s);
			}
	/* Random strings over the bytes that matter. */
	rng_state = 11;
	for (long i = 0; i < 3000 / stride(); i++) {
		size_t len = rng() % 40;

		for (size_t k = 0; k < len; k++) {
			uint64_t r = rng();
			unsigned char c = (unsigned char)(r >> 8);

			/* Half plain text, half any byte but NUL. */
			s[k] = (char)(r & 1 ? 'a' + c % 26 : c ? c : 'z');
		}
		s[len] = '\0';
		check_string(s);
	}
}
END_TEST

static void build_int(mfr_jw *w, const void *v)
{
	mfr__jw_int(w, *(const int64_t *)v);
}

START_TEST(integers_as_jansson)
{
	int64_t values[64] = { 0, 1, -1, 9, 10, -10, 99, 100, INT64_MAX, INT64_MIN,
			       INT64_MIN + 1, 4294967295, -4294967296 };
	size_t n = 13;

	rng_state = 5;
	while (n < sizeof(values) / sizeof(values[0]))
		values[n++] = (int64_t)(rng() >> (rng() % 64));
	for (size_t i = 0; i < n; i++) {
		json_t *arr = json_array();
		char *want, *got = written(build_int, &values[i]);

		json_array_append_new(arr, json_integer(values[i]));
		want = json_dumps(arr, JSON_COMPACT);
		ck_assert_str_eq(got, want);
		free(want);
		mfr_free(got);
		json_decref(arr);
	}
}
END_TEST

/* The writer's text of @p v against jansson's with the library's
 * precision; counts the values checked. */
static long check_real(double v)
{
	char got[MFR_JW_REAL_SIZE], want[64];
	json_t *r;
	char *text;

	if (!isfinite(v))
		return 0;
	mfr__jw_format_real(v, got);
	r = json_real(v);
	text = json_dumps(r, JSON_ENCODE_ANY | JSON_REAL_PRECISION(6));
	ck_assert_ptr_nonnull(text);
	snprintf(want, sizeof(want), "%s", text);
	free(text);
	json_decref(r);
	ck_assert_msg(strcmp(got, want) == 0, "%.17g: %s, jansson %s", v, got, want);
	return 1;
}

/* A double near @p v and on either side of it. */
static long check_around(double v)
{
	long n = check_real(v) + check_real(-v);

	n += check_real(nextafter(v, 0)) + check_real(nextafter(v, INFINITY));
	return n;
}

static long check_reals(void)
{
	long n = 0;

	rng_state = 7;
	n += check_around(0.0) + check_around(DBL_MIN) + check_around(DBL_MAX);
	n += check_around(DBL_TRUE_MIN) + check_around(1.0 / 3.0);
	/* Powers of ten and the values that round up to one. */
	for (int e = -320; e <= 308; e++) {
		double p = pow(10, e);

		n += check_around(p) + check_around(p * 0.9999995) + check_around(p * 0.99999949);
		n += check_around(p * 9.999995) + check_around(p * 5);
	}
	/* Ties at the sixth digit, in every decade the fast path takes. */
	for (int e = -6; e <= 7; e++)
		for (long i = 0; i < 400 / stride(); i++) {
			double d = (double)(100000 + rng() % 900000) + 0.5;

			n += check_around(d * pow(10, e - 5));
		}
	for (long i = 0; i < 20000 / stride(); i++) {
		uint64_t bits = rng();
		double d;

		memcpy(&d, &bits, sizeof(d));
		n += check_real(d);               /* any double */
		n += check_real((double)(rng() >> 11) / 9007199254740992.0); /* [0, 1) */
		n += check_real((double)(rng() % 2000000) / 1e6);           /* scores */
		n += check_real(ldexp((double)(rng() >> 11), -(int)(rng() % 80)));
	}
	/* Products as a trace makes them: factors below one, multiplied. */
	double score = 1;
	for (long i = 0; i < 4000 / stride(); i++) {
		score *= 0.55 + (double)(rng() % 450) / 1000.0;
		if (score < 1e-6)
			score = 1.0 + (double)(rng() % 1000) / 1000.0;
		n += check_real(score);
	}
	return n;
}

START_TEST(reals_as_jansson)
{
	ck_assert_int_gt(check_reals(), 100000 / stride());
}
END_TEST

/* jansson wrote a '.' whatever the locale's decimal point (the library
 * never changes the locale; a program may). */
START_TEST(reals_in_another_locale)
{
	static const char *const locales[] = { "de_DE.UTF-8", "fr_FR.UTF-8", "de_DE",
					       "fr_FR" };
	char *old = setlocale(LC_NUMERIC, NULL);
	char *saved = old ? strdup(old) : NULL;
	const char *used = NULL;

	for (size_t i = 0; !used && i < sizeof(locales) / sizeof(locales[0]); i++)
		if (setlocale(LC_NUMERIC, locales[i]))
			used = locales[i];
	if (used)
		ck_assert_int_gt(check_reals(), 100000 / stride());
	setlocale(LC_NUMERIC, saved ? saved : "C");
	free(saved);
}
END_TEST

/* Nesting, empty containers and indentation: a document with every kind of
 * value at several depths, written by both. */
START_TEST(structure_as_jansson)
{
	for (int compact = 0; compact < 2; compact++) {
		uint32_t flags = compact ? MFR_JSON_COMPACT : 0;
		mfr_jw w;
		char *out = NULL;
		mfr_error *err = NULL;
		json_t *doc = json_object(), *a = json_array(), *o = json_object();

		mfr__jw_init(&w, flags, 0);
		mfr__jw_object(&w);
		mfr__jw_key(&w, "empty_object");
		mfr__jw_object(&w);
		mfr__jw_object_end(&w);
		mfr__jw_key(&w, "empty_array");
		mfr__jw_array(&w);
		mfr__jw_array_end(&w);
		mfr__jw_key(&w, "items");
		mfr__jw_array(&w);
		mfr__jw_bool(&w, 1);
		mfr__jw_bool(&w, 0);
		mfr__jw_real(&w, 0.25);
		mfr__jw_int(&w, -3);
		mfr__jw_array(&w);
		mfr__jw_object(&w);
		mfr__jw_object_end(&w);
		mfr__jw_array_end(&w);
		mfr__jw_object(&w);
		mfr__jw_put_str(&w, "deep", "x");
		mfr__jw_put_flag(&w, "never", 0);
		mfr__jw_put_opt_str(&w, "none", "");
		mfr__jw_put_mask(&w, "positions", &mfr__position_names, 0x5);
		mfr__jw_object_end(&w);
		mfr__jw_array_end(&w);
		mfr__jw_object_end(&w);
		mfr_test_assert_ok(mfr__jw_finish(&w, &out, &err), err, "structure");

		json_object_set_new(doc, "empty_object", json_object());
		json_object_set_new(doc, "empty_array", json_array());
		json_array_append_new(a, json_true());
		json_array_append_new(a, json_false());
		json_array_append_new(a, json_real(0.25));
		json_array_append_new(a, json_integer(-3));
		json_t *inner = json_array();
		json_array_append_new(inner, json_object());
		json_array_append_new(a, inner);
		json_object_set_new(o, "deep", json_string("x"));
		json_t *mask = json_array();
		for (size_t i = 0; i < mfr__position_names.count; i++)
			if (0x5 & (uint32_t)mfr__position_names.items[i].value)
				json_array_append_new(mask,
					json_string(mfr__position_names.items[i].name));
		json_object_set_new(o, "positions", mask);
		json_array_append_new(a, o);
		json_object_set_new(doc, "items", a);
		char *want = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) |
					(compact ? JSON_COMPACT : JSON_INDENT(2)));
		size_t n = strlen(want);

		ck_assert_uint_eq(strlen(out), n + !compact);
		ck_assert_msg(strncmp(out, want, n) == 0, "%s\njansson:\n%s", out, want);
		if (!compact)
			ck_assert_int_eq(out[n], '\n');
		free(want);
		json_decref(doc);
		mfr_free(out);
	}
}
END_TEST

/* ---- the documents -------------------------------------------------------- */

/* The library's output of a document against the reference writer's. */
static void check_document(const char *what, unsigned long line, mfr_status_t st, char *got,
			   mfr_error *err, char *want)
{
	mfr_test_assert_ok(st, err, what);
	ck_assert_msg(want != NULL, "%s, intake %lu: the reference writer failed", what, line);
	if (strcmp(got, want) != 0) {
		size_t at = 0;

		while (got[at] && got[at] == want[at])
			at++;
		ck_abort_msg("%s, intake %lu: differs at byte %zu: ...%.60s... (reference "
			     "...%.60s...)", what, line, at, got + (at > 20 ? at - 20 : 0),
			     want + (at > 20 ? at - 20 : 0));
	}
	mfr_free(got);
	free(want);
}

static void check_intake(const mfr_model *m, const mfr_trace_options *wide, const char *line,
			 size_t len, unsigned long lineno)
{
	mfr_intake *in = NULL;
	mfr_trace *t = NULL;
	mfr_plan *p = NULL;
	mfr_program *pg = NULL;
	mfr_error *err = NULL;
	char *out;

	mfr_test_assert_ok(mfr_intake_from_json(m, line, len, NULL, &in, &err), err, line);
	mfr_test_assert_ok(mfr_trace_run(in, NULL, &t, &err), err, "trace");
	mfr_test_assert_ok(mfr_plan_run(in, NULL, &p, &err), err, "plan");
	for (uint32_t flags = 0; flags <= MFR_JSON_COMPACT; flags += MFR_JSON_COMPACT) {
		mfr_status_t st = mfr_trace_to_json(t, flags, &out, &err);
		check_document("trace", lineno, st, out, err, mfr_ref_trace_json(t, flags));
		st = mfr_plan_to_json(p, flags, &out, &err);
		check_document("plan", lineno, st, out, err, mfr_ref_plan_json(p, flags));
		st = mfr_intake_to_json(in, flags, &out, &err);
		check_document("intake", lineno, st, out, err, mfr_ref_intake_json(in, flags));
	}
	mfr_trace_free(t);
	mfr_plan_free(p);
	/* Every fifth: a program, and a wide trace (more results, longer
	 * paths). */
	if (lineno % 5 == 0) {
		mfr_test_assert_ok(mfr_program_run(in, 3 + (uint32_t)(lineno % 4), 3, NULL, &pg,
						   &err), err, "program");
		mfr_test_assert_ok(mfr_trace_run(in, wide, &t, &err), err, "wide trace");
		for (uint32_t flags = 0; flags <= MFR_JSON_COMPACT; flags += MFR_JSON_COMPACT) {
			mfr_status_t st = mfr_program_to_json(pg, flags, &out, &err);
			check_document("program", lineno, st, out, err,
				       mfr_ref_program_json(pg, flags));
			st = mfr_trace_to_json(t, flags, &out, &err);
			check_document("wide trace", lineno, st, out, err,
				       mfr_ref_trace_json(t, flags));
		}
		mfr_program_free(pg);
		mfr_trace_free(t);
	}
	mfr_intake_free(in);
}

START_TEST(documents_as_before)
{
	char path[4096];
	size_t size;
	char *text, *line, *next;
	mfr_model *m = NULL;
	mfr_trace_options *wide = NULL;
	unsigned long lineno = 0;

	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_new(&wide), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_results(wide, 80), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_steps(wide, 8), MFR_OK);
	mfr_test_path(path, sizeof(path), "intakes.jsonl");
	text = mfr_test_read(path, &size);
	for (line = text; *line; line = next) {
		next = strchr(line, '\n');
		ck_assert_ptr_nonnull(next);
		*next++ = '\0';
		if (++lineno % (unsigned long)stride() == 0)
			check_intake(m, wide, line, strlen(line), lineno);
	}
	ck_assert_uint_ge(lineno, 100);
	free(text);
	mfr_trace_options_free(wide);
	mfr_model_free(m);
}
END_TEST

static void check_model(const mfr_model *m, const char *name)
{
	for (uint32_t flags = 0; flags <= MFR_JSON_COMPACT; flags += MFR_JSON_COMPACT) {
		char *out = NULL;
		mfr_error *err = NULL;
		mfr_status_t st = mfr_model_to_json(m, 0, NULL, flags, &out, &err);

		check_document(name, 0, st, out, err, mfr_ref_model_json(m, 0, NULL, flags));
		for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++)
			for (uint32_t i = 0; i < mfr_model_count(m, kind); i++) {
				const char *key = mfr_model_key_at(m, kind, i);

				st = mfr_model_to_json(m, kind, key, flags, &out, &err);
				check_document(key, i, st, out, err,
					       mfr_ref_model_json(m, kind, key, flags));
			}
	}
}

START_TEST(models_as_before)
{
	static const char *const models[] = { "minimal.json", "extra.json", "safety.json" };
	mfr_model *m = NULL;

	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	check_model(m, "default model");
	mfr_model_free(m);
	for (size_t i = 0; i < sizeof(models) / sizeof(models[0]); i++) {
		m = mfr_test_load_model(models[i]);
		check_model(m, models[i]);
		mfr_model_free(m);
	}
}
END_TEST

Suite *mfr_test_json_identity_suite(void)
{
	Suite *s = suite_create("json_identity");
	TCase *tc = tcase_create("pieces");

	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, strings_as_jansson);
	tcase_add_test(tc, integers_as_jansson);
	tcase_add_test(tc, reals_as_jansson);
	tcase_add_test(tc, reals_in_another_locale);
	tcase_add_test(tc, structure_as_jansson);
	suite_add_tcase(s, tc);

	tc = tcase_create("documents");
	tcase_set_timeout(tc, 300);
	tcase_add_test(tc, documents_as_before);
	tcase_add_test(tc, models_as_before);
	suite_add_tcase(s, tc);
	return s;
}
