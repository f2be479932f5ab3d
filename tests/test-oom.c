/*
 * libmfr unit tests: out-of-memory sweeps over loading a model and the
 * model's JSON (the engine and what it checks: oom.h).
 *
 * This file is built twice: against the ordinary internal library, and
 * against one built with MFR_DEBUG_ARENA, where every piece of a model is its
 * own allocation and the sweep reaches every one.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "oom.h"
#include "util-cases.h"

static char *minimal_text, *invalid_text, *safety_text;
static size_t minimal_size, invalid_size, safety_size;
static char minimal_path[4096];
static mfr_model *model;     /* for the serializer sweeps */
static mfr_model *safety;    /* the safety members (safety.json) */
static char *reference_json; /* what the serializer gives without faults */

static void setup(void)
{
	mfr_test_path(minimal_path, sizeof(minimal_path), "models/minimal.json");
	minimal_text = mfr_test_read(minimal_path, &minimal_size);
	/* minimal.json has every member the format first had; safety.json
	 * has those added since (doses, widening, position limits, danger
	 * zones, screening), each loaded through allocations of its own. */
	char path[4096];
	mfr_test_path(path, sizeof(path), "models/safety.json");
	safety_text = mfr_test_read(path, &safety_size);
	safety = mfr_test_load_model("safety.json");
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
	mfr_oom_reset();
	mfr_free(reference_json);
	mfr_model_free(model);
	mfr_model_free(safety);
	free(invalid_text);
	free(minimal_text);
	free(safety_text);
	reference_json = NULL;
	model = NULL;
	safety = NULL;
}

/* ---- the operations ----------------------------------------------------- */

static void release_model(void *p)
{
	mfr_model_free(p);
}

static mfr_status_t op_load_buffer(void **out, mfr_error **err)
{
	return mfr_model_load_buffer(minimal_text, minimal_size, "minimal.json",
				     (mfr_model **)out, err);
}

static mfr_status_t op_load_file(void **out, mfr_error **err)
{
	return mfr_model_load_file(minimal_path, (mfr_model **)out, err);
}

static mfr_status_t op_load_safety(void **out, mfr_error **err)
{
	return mfr_model_load_buffer(safety_text, safety_size, "safety.json",
				     (mfr_model **)out, err);
}

static mfr_status_t op_default(void **out, mfr_error **err)
{
	return mfr_model_default((mfr_model **)out, err);
}

static mfr_status_t op_invalid(void **out, mfr_error **err)
{
	return mfr_model_load_buffer(invalid_text, invalid_size, "invalid.json",
				     (mfr_model **)out, err);
}

static mfr_status_t op_syntax(void **out, mfr_error **err)
{
	return mfr_model_load_buffer("{\"format\": ", 11, "syntax.json",
				     (mfr_model **)out, err);
}

static mfr_status_t op_to_json(void **out, mfr_error **err)
{
	return mfr_model_to_json(model, 0, NULL, 0, (char **)out, err);
}

static mfr_status_t op_to_json_compact(void **out, mfr_error **err)
{
	return mfr_model_to_json(model, 0, NULL, MFR_JSON_COMPACT, (char **)out, err);
}

static mfr_status_t op_to_json_entity(void **out, mfr_error **err)
{
	return mfr_model_to_json(model, MFR_KIND_LINE, "test_line", 0, (char **)out, err);
}

static mfr_status_t op_to_json_notfound(void **out, mfr_error **err)
{
	return mfr_model_to_json(model, MFR_KIND_LINE, "nope", 0, (char **)out, err);
}

/* The safety members' JSON, one entity each (the whole model is a sweep
 * over a thousand allocations of jansson's for no more branches). */
static mfr_status_t op_widening_to_json(void **out, mfr_error **err)
{
	return mfr_model_to_json(safety, MFR_KIND_PRECAUTION, "clot", 0, (char **)out, err);
}

static mfr_status_t op_stages_to_json(void **out, mfr_error **err)
{
	return mfr_model_to_json(safety, MFR_KIND_PRECAUTION, "expecting", 0, (char **)out, err);
}

static mfr_status_t op_screening_to_json(void **out, mfr_error **err)
{
	return mfr_model_to_json(safety, MFR_KIND_SCREENING, "expecting_q", 0, (char **)out,
				 err);
}

static mfr_status_t op_danger_zone_to_json(void **out, mfr_error **err)
{
	return mfr_model_to_json(safety, MFR_KIND_DANGER_ZONE, "knee_pit", 0, (char **)out, err);
}

/* A search (mfr/find.h) that finds regions (one by a synonym) and a
 * condition: more matches than the first allocation of the list holds. */
static mfr_status_t op_find(void **out, mfr_error **err)
{
	return mfr_model_find(safety, "Heel pain at the back of the lower leg", (mfr_find **)out,
			      err);
}

/* A search past its limits: its own status, or out of memory. */
static mfr_status_t op_find_too_many_words(void **out, mfr_error **err)
{
	return mfr_model_find(safety, "a1 b1 c1 d1 e1 f1 g1 h1 i1 j1 k1 l1 m1 n1 o1 p1 q1 r1 "
			      "s1 t1 u1 v1 w1 x1 y1 z1 a2 b2 c2 d2 e2 f2 g2",
			      (mfr_find **)out, err);
}

static void release_find(void *p)
{
	mfr_find_free(p);
}

static int same_find(const void *out)
{
	const mfr_find *r = out;

	return mfr_find_match_count(r) == 5 &&
	       strcmp(mfr_find_match_key(mfr_find_match_at(r, 0)), "calf") == 0 &&
	       strcmp(mfr_find_match_key(mfr_find_match_at(r, 1)), "heel_pain") == 0;
}

static int same_json(const void *out)
{
	return strcmp(out, reference_json) == 0;
}

static const mfr_oom_op ops[] = {
	{ .name = "load_buffer", .run = op_load_buffer, .release = release_model,
	  .own_status = MFR_OK, .flags = MFR_OOM_PARSES },
	{ .name = "load_file", .run = op_load_file, .release = release_model,
	  .own_status = MFR_OK, .flags = MFR_OOM_PARSES },
	{ .name = "load_safety", .run = op_load_safety, .release = release_model,
	  .own_status = MFR_OK, .flags = MFR_OOM_PARSES },
	/* The default model is a prepared snapshot: one allocation, no parse. */
	{ .name = "default", .run = op_default, .release = release_model,
	  .own_status = MFR_OK, .flags = 0 },
	{ .name = "invalid", .run = op_invalid, .release = release_model,
	  .own_status = MFR_E_REFERENCE, .flags = MFR_OOM_PARSES },
	{ .name = "syntax", .run = op_syntax, .release = release_model,
	  .own_status = MFR_E_SYNTAX, .flags = MFR_OOM_PARSES },
	{ .name = "to_json", .run = op_to_json, .release = mfr_free, .own_status = MFR_OK,
	  .flags = MFR_OOM_NO_JANSSON, .same = same_json },
	{ .name = "widening_to_json", .run = op_widening_to_json, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "stages_to_json", .run = op_stages_to_json, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "screening_to_json", .run = op_screening_to_json, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "danger_zone_to_json", .run = op_danger_zone_to_json, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "to_json_compact", .run = op_to_json_compact, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "to_json_entity", .run = op_to_json_entity, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "to_json_notfound", .run = op_to_json_notfound, .release = mfr_free,
	  .own_status = MFR_E_NOTFOUND, .flags = MFR_OOM_NO_JANSSON | MFR_OOM_QUIET },
	{ .name = "find", .run = op_find, .release = release_find, .own_status = MFR_OK,
	  .flags = MFR_OOM_NO_JANSSON, .same = same_find },
	{ .name = "find_too_many_words", .run = op_find_too_many_words,
	  .release = release_find, .own_status = MFR_E_RANGE, .flags = MFR_OOM_NO_JANSSON },
};
#define N_OPS (int)(sizeof(ops) / sizeof(ops[0]))

/* The sweeps of ops[] (oom.h). */
MFR_OOM_LIBRARY_TESTS(ops)

MFR_OOM_JANSSON_TESTS(ops)

MFR_OOM_PARSE_TESTS(ops)

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
	tcase_add_loop_test(tc, jansson_faults, 0, N_OPS * 4);
	tcase_add_loop_test(tc, jansson_parse_first_allocation, 0, N_OPS * 2);
	suite_add_tcase(s, tc);
	return s;
}
