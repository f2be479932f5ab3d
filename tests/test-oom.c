/*
 * libmfr unit tests: out-of-memory sweeps (STYLE pattern 14).
 *
 * For each operation, make allocation N fail for N = 0, 1, 2, ... until the
 * operation succeeds with nothing injected; once transient (only that
 * allocation fails) and once persistent (every later one fails too), with
 * and without an error object. Every failing iteration must return
 * MFR_E_NOMEM (an invalid input: its own status or MFR_E_NOMEM), leave the
 * out-parameter NULL and leak nothing.
 *
 * Leaks show under valgrind and ASan. A plain run also compares the heap in
 * use before and after each iteration when glibc's per-thread cache is off
 * (GLIBC_TUNABLES=glibc.malloc.tcache_count=0, as meson sets it), since
 * cached chunks count as in use.
 *
 * The library's allocations go through mfr__alloc_fail_after(); jansson's do
 * not, so a second sweep fails jansson's allocator (json_set_alloc_funcs)
 * under the serializer. Not under the loader: jansson 2.14's parser corrupts
 * its own heap when an allocation fails in the middle of a token
 * (lex_save() drops the failure; akheron/jansson#362), which no caller can
 * survive. Only its first allocation (the lexer's buffer) is failed there,
 * which jansson reports without a message: that must be MFR_E_NOMEM.
 *
 * This file is built twice: against the ordinary internal library, and
 * against one built with MFR_DEBUG_ARENA, where every piece of a model is its
 * own allocation and the sweep reaches every one.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "alloc.h"
#include "util.h"
#include "util-cases.h"

#define SWEEP_LIMIT 200000L

static char *minimal_text, *invalid_text;
static size_t minimal_size, invalid_size;
static char minimal_path[4096];
static mfr_model *model;     /* for the serializer sweeps */
static char *reference_json; /* what the serializer gives without faults */

static void setup(void)
{
	mfr_test_path(minimal_path, sizeof(minimal_path), "models/minimal.json");
	minimal_text = mfr_test_read(minimal_path, &minimal_size);
	invalid_text = NULL;
	/* A model that fails late (a reference in the last section): the
	 * case of tests/data/bad/model.cases. */
	mfr_case_file cases;

	mfr_cases_read(&cases, "bad/model.cases");
	ck_assert_msg(!cases.error[0], "%s", cases.error);
	for (int i = 0; i < cases.count && !invalid_text; i++)
		if (strcmp(cases.cases[i].name, "unknown-excluded-technique") == 0)
			invalid_text = mfr_case_input(&cases.cases[i], &invalid_size);
	mfr_cases_free(&cases);
	ck_assert_ptr_nonnull(invalid_text);
	model = mfr_test_load_model("minimal.json");
	ck_assert_int_eq(mfr_model_to_json(model, 0, NULL, 0, &reference_json, NULL), MFR_OK);
}

static void teardown(void)
{
	mfr__alloc_fail_after(-1, 0);
	json_set_alloc_funcs(malloc, free);
	mfr_free(reference_json);
	mfr_model_free(model);
	free(invalid_text);
	free(minimal_text);
	reference_json = NULL;
	model = NULL;
}

/* Bytes of heap in use, or 0 where that cannot be known exactly. */
static size_t heap_in_use(void)
{
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
	const char *tun = getenv("GLIBC_TUNABLES");

	if (tun && strstr(tun, "glibc.malloc.tcache_count=0")) {
		struct mallinfo2 mi = mallinfo2();

		return mi.uordblks + mi.hblkhd;
	}
#endif
	return 0;
}

/* ---- the operations ----------------------------------------------------- */

typedef struct op {
	const char *name;
	/* Run once; return the status and set *out to what was built (a model
	 * or a string), or NULL. */
	mfr_status (*run)(void **out, mfr_error **err);
	void (*release)(void *out);
	mfr_status own_status; /* MFR_OK, or the status of an invalid input */
	int parses;            /* 1: a load (no jansson sweep, see above) */
	int allocates;         /* 0: must not allocate without an error object */
} op;

static void release_model(void *p)
{
	mfr_model_free(p);
}

static mfr_status op_load_buffer(void **out, mfr_error **err)
{
	return mfr_model_load_buffer(minimal_text, minimal_size, "minimal.json",
				     (mfr_model **)out, err);
}

static mfr_status op_load_file(void **out, mfr_error **err)
{
	return mfr_model_load_file(minimal_path, (mfr_model **)out, err);
}

static mfr_status op_default(void **out, mfr_error **err)
{
	return mfr_model_default((mfr_model **)out, err);
}

static mfr_status op_invalid(void **out, mfr_error **err)
{
	return mfr_model_load_buffer(invalid_text, invalid_size, "invalid.json",
				     (mfr_model **)out, err);
}

static mfr_status op_syntax(void **out, mfr_error **err)
{
	return mfr_model_load_buffer("{\"format\": ", 11, "syntax.json",
				     (mfr_model **)out, err);
}

static mfr_status op_to_json(void **out, mfr_error **err)
{
	return mfr_model_to_json(model, 0, NULL, 0, (char **)out, err);
}

static mfr_status op_to_json_compact(void **out, mfr_error **err)
{
	return mfr_model_to_json(model, 0, NULL, MFR_JSON_COMPACT, (char **)out, err);
}

static mfr_status op_to_json_entity(void **out, mfr_error **err)
{
	return mfr_model_to_json(model, MFR_KIND_LINE, "test_line", 0, (char **)out, err);
}

static mfr_status op_to_json_notfound(void **out, mfr_error **err)
{
	return mfr_model_to_json(model, MFR_KIND_LINE, "nope", 0, (char **)out, err);
}

static const op ops[] = {
	{ "load_buffer", op_load_buffer, release_model, MFR_OK, 1, 1 },
	{ "load_file", op_load_file, release_model, MFR_OK, 1, 1 },
	/* The default model is a prepared snapshot: one allocation, no parse. */
	{ "default", op_default, release_model, MFR_OK, 0, 1 },
	{ "invalid", op_invalid, release_model, MFR_E_REFERENCE, 1, 1 },
	{ "syntax", op_syntax, release_model, MFR_E_SYNTAX, 1, 1 },
	{ "to_json", op_to_json, mfr_free, MFR_OK, 0, 1 },
	{ "to_json_compact", op_to_json_compact, mfr_free, MFR_OK, 0, 1 },
	{ "to_json_entity", op_to_json_entity, mfr_free, MFR_OK, 0, 1 },
	{ "to_json_notfound", op_to_json_notfound, mfr_free, MFR_E_NOTFOUND, 0, 0 },
};
#define N_OPS (int)(sizeof(ops) / sizeof(ops[0]))

/* ---- fault injection into jansson ---------------------------------------- */

static long json_countdown = -1, json_failures;
static int json_persistent;

static void *failing_json_malloc(size_t size)
{
	if (json_countdown >= 0) {
		if (json_countdown == 0) {
			json_failures++;
			if (!json_persistent)
				json_countdown = -1;
			return NULL;
		}
		json_countdown--;
	}
	return malloc(size);
}

static void arm(int jansson, long n, int persistent)
{
	if (jansson) {
		json_countdown = n;
		json_persistent = persistent;
		json_failures = 0;
	} else {
		mfr__alloc_fail_after(n, persistent);
	}
}

/* Turn injection off; how many failures were injected. */
static long disarm(int jansson)
{
	long n = json_failures;

	json_countdown = -1;
	json_failures = 0;
	return jansson ? n : mfr__alloc_fail_after(-1, 0);
}

/* ---- the sweep ------------------------------------------------------------ */

typedef struct outcome {
	mfr_status st;
	long injected;
	long leaked;          /* bytes, when the heap can be measured */
} outcome;

/*
 * One run of @p o. Nothing calls Check between the two heap measurements
 * (its assertions allocate), so what is to be asserted is recorded first.
 */
static outcome run_once(const op *o, int with_err, int jansson, long n, int persistent)
{
	void *out = (void *)&out;
	mfr_error *err = NULL;
	outcome r;
	size_t before = heap_in_use();

	if (n >= 0)
		arm(jansson, n, persistent);
	r.st = o->run(&out, with_err ? &err : NULL);
	r.injected = disarm(jansson);

	int out_ok = r.st == MFR_OK ? out != NULL && out != (void *)&out : out == NULL;
	int err_ok = r.st == MFR_OK ? err == NULL : !with_err || err != NULL;
	int err_status = mfr_error_status(err);
	int nomem_text = r.st != MFR_E_NOMEM || !with_err ||
			 strcmp(mfr_error_message(err), "out of memory") == 0;
	int same = !(r.st == MFR_OK && o->run == op_to_json) ||
		   strcmp(out, reference_json) == 0;

	if (r.st == MFR_OK && out_ok)
		o->release(out);
	mfr_error_free(err);
	r.leaked = (long)(heap_in_use() - before);

	ck_assert_msg(out_ok, "%s: %s, out %p", o->name, mfr_status_name(r.st), out);
	ck_assert_msg(err_ok, "%s: %s, error %p", o->name, mfr_status_name(r.st),
		      (void *)err);
	if (r.st != MFR_OK && with_err)
		ck_assert_int_eq(err_status, r.st);
	ck_assert_msg(nomem_text, "%s: the NOMEM error has another message", o->name);
	ck_assert_msg(same, "%s: the output differs from the reference", o->name);
	ck_assert_msg(r.leaked == 0, "%s: %ld bytes leaked (%s, allocation %ld, %ld injected)",
		      o->name, r.leaked, mfr_status_name(r.st), n, r.injected);
	return r;
}

static void sweep(const op *o, int persistent, int with_err, int jansson)
{
	const char *mode = persistent ? "persistent" : "transient";
	long injected_runs = 0, n;
	outcome r;

	/* Warm up once: state made lazily on first use (stdio, jansson's hash
	 * seed) is not a leak. */
	r = run_once(o, with_err, jansson, -1, 0);
	ck_assert_int_eq(r.st, o->own_status);

	for (n = 0; n < SWEEP_LIMIT; n++) {
		r = run_once(o, with_err, jansson, n, persistent);
		if (r.injected == 0) {
			/* Nothing left to fail: the operation completed. */
			ck_assert_msg(r.st == o->own_status, "%s: %s with no fault",
				      o->name, mfr_status_name(r.st));
			break;
		}
		injected_runs++;
		ck_assert_msg(r.st == MFR_E_NOMEM ||
			      (o->own_status != MFR_OK && r.st == o->own_status),
			      "%s: allocation %ld failed (%s) but the result is %s",
			      o->name, n, mode, mfr_status_name(r.st));
	}
	ck_assert_msg(n < SWEEP_LIMIT, "%s: the sweep did not terminate", o->name);
	/* Some fault must have been injected, except where the operation must
	 * not allocate at all (a failed lookup without an error object). */
	if (jansson ? o->allocates : with_err || o->allocates)
		ck_assert_msg(injected_runs > 0, "%s: no fault was injected", o->name);
	else
		ck_assert_msg(injected_runs == 0, "%s: allocated, but need not", o->name);
}

/*
 * Whether to sweep @p o here: always, since the default model became a
 * prepared snapshot (one allocation); kept as the place to say otherwise.
 */
static int worth_sweeping(const op *o)
{
	/* The default model is now one snapshot allocation: always cheap. */
	(void)o;
	return 1;
}

/* _i = op * 4 + with_err * 2 + persistent */
START_TEST(library_faults)
{
	if (worth_sweeping(&ops[_i / 4]))
		sweep(&ops[_i / 4], _i % 2, (_i / 2) % 2, 0);
}
END_TEST

/* The serializer ops only: _i = (op - first) * 4 + with_err * 2 + persistent */
#define FIRST_WRITER 5
#define N_WRITERS (N_OPS - FIRST_WRITER)

START_TEST(jansson_faults)
{
	const op *o = &ops[FIRST_WRITER + _i / 4];

	ck_assert(!o->parses);
	json_set_alloc_funcs(failing_json_malloc, free);
	sweep(o, _i % 2, (_i / 2) % 2, 1);
	json_set_alloc_funcs(malloc, free);
}
END_TEST

/* jansson's first allocation in a parse (the lexer's buffer) fails without a
 * message or position; the load must say out of memory, not give a syntax
 * error with no reason at line -1. */
START_TEST(jansson_parse_first_allocation)
{
	const op *o = &ops[_i / 2];
	int with_err = _i % 2;
	outcome r;

	if (!o->parses)
		return;
	json_set_alloc_funcs(failing_json_malloc, free);
	r = run_once(o, with_err, 1, 0, 0);
	json_set_alloc_funcs(malloc, free);
	ck_assert_int_eq(r.injected, 1);
	ck_assert_msg(r.st == MFR_E_NOMEM, "%s: jansson out of memory gives %s",
		      o->name, mfr_status_name(r.st));
}
END_TEST

/* The hook reports what it injected, and a disarmed hook injects nothing. */
START_TEST(hook)
{
	mfr_model *m = NULL;
	char *p = NULL;

	ck_assert_int_eq(mfr__alloc_fail_after(0, 1), 0);
	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_E_NOMEM);
	ck_assert_ptr_null(m);
	ck_assert_int_ge(mfr__alloc_fail_after(-1, 0), 1);
	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	ck_assert_int_eq(mfr__alloc_fail_after(-1, 0), 0);
	mfr_model_free(m);

	/* The model is still usable after the sweeps' failures. */
	ck_assert_int_eq(mfr__alloc_fail_after(0, 1), 0);
	ck_assert_int_eq(mfr_model_to_json(model, 0, NULL, 0, &p, NULL), MFR_E_NOMEM);
	ck_assert_ptr_null(p);
	mfr__alloc_fail_after(-1, 0);
	ck_assert_int_eq(mfr_model_to_json(model, 0, NULL, 0, &p, NULL), MFR_OK);
	ck_assert_str_eq(p, reference_json);
	mfr_free(p);
}
END_TEST

Suite *mfr_test_oom_suite(void)
{
	Suite *s = suite_create("oom");
	TCase *tc = tcase_create("library");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, hook);
	tcase_add_loop_test(tc, library_faults, 0, N_OPS * 4);
	suite_add_tcase(s, tc);

	tc = tcase_create("jansson");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, jansson_faults, 0, N_WRITERS * 4);
	tcase_add_loop_test(tc, jansson_parse_first_allocation, 0, FIRST_WRITER * 2);
	suite_add_tcase(s, tc);
	return s;
}
