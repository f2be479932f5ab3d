/*
 * libmfr unit tests: out-of-memory sweeps over building an intake, reading
 * one from JSON and writing its JSON (the engine: oom.h).
 *
 * Each builder runs on an intake made fresh before the faults; when it
 * fails, the intake must be as it was (its JSON unchanged): a rejected
 * addition changes nothing.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "oom.h"

/* Every list of the intake format, with a growing list or two. */
static const char rich_json[] =
	"{\"id\": \"clinic-7/\u00e9\", \"symptoms\": ["
	"{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 7, \"onset\": \"chronic\"},"
	"{\"region\": \"low_back\", \"side\": \"both\", \"intensity\": 6, \"onset\": \"acute\"},"
	"{\"region\": \"jaw\", \"side\": \"right\", \"intensity\": 4},"
	"{\"region\": \"temple\", \"side\": \"right\"},"
	"{\"region\": \"neck\", \"side\": \"left\"}],"
	"\"conditions\": [\"plantar_fasciitis\", \"tmj_disorder\"],"
	"\"precautions\": [{\"key\": \"open_wound\", \"region\": \"calf\", \"side\": \"right\"},"
	"\"anticoagulant_therapy\"],"
	"\"answers\": [{\"question\": \"pregnancy\", \"answer\": \"second_trimester\"},"
	"{\"question\": \"deep_vein_thrombosis\", \"answer\": \"yes\", \"region\": \"calf\","
	"\"side\": \"left\"}],"
	"\"scopes\": [\"intra_oral\"],"
	"\"clearances\": [\"anticoagulant_therapy\"],"
	"\"session_minutes\": 45,"
	"\"positions\": [\"prone\", \"supine\", \"side_lying\"],"
	"\"extensions\": {\"ehr\": {\"encounter\": [1, 2.50, \"x\"]}, \"empty\": {}}}";

/* Four of each list: its capacity (lib/intake.c grows 4, 8, ...), so the
 * next addition must grow it. */
static const char four_json[] =
	"{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\"},"
	"{\"region\": \"jaw\", \"side\": \"right\"}, {\"region\": \"temple\", \"side\": \"right\"},"
	"{\"region\": \"neck\", \"side\": \"left\"}],"
	"\"conditions\": [\"plantar_fasciitis\", \"tmj_disorder\", \"migraine\", \"fibromyalgia\"],"
	"\"precautions\": [{\"key\": \"open_wound\", \"region\": \"calf\", \"side\": \"right\"},"
	"\"fever\", \"aneurysm\", \"anticoagulant_therapy\"],"
	"\"clearances\": [\"fever\", \"aneurysm\", \"anticoagulant_therapy\", \"open_wound\"]}";

/* An unknown region: the error suggests the nearest keys. */
static const char misspelt_json[] = "{\"symptoms\": [{\"region\": \"heal\", \"side\": \"left\"}]}";

static mfr_model *model;
static mfr_intake *rich;      /* read from rich_json, for the writers */
static char *rich_text;       /* its JSON without faults */
static char rich_path[64];    /* rich_json in a temporary file */
static mfr_intake *target;    /* what a builder changes: made by prepare */
static char *target_text;     /* its JSON as prepared */

static void setup(void)
{
	int fd;

	ck_assert_int_eq(mfr_model_default(&model, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_from_json(model, rich_json, strlen(rich_json), "rich",
					      &rich, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_to_json(rich, 0, &rich_text, NULL), MFR_OK);
	strcpy(rich_path, "/tmp/mfr-oom-intake-XXXXXX");
	fd = mkstemp(rich_path);
	ck_assert_int_ge(fd, 0);
	ck_assert(write(fd, rich_json, strlen(rich_json)) == (ssize_t)strlen(rich_json));
	close(fd);
}

static void teardown(void)
{
	mfr_oom_reset();
	unlink(rich_path);
	mfr_free(rich_text);
	mfr_intake_free(rich);
	mfr_model_free(model);
	rich_text = NULL;
	rich = NULL;
	model = NULL;
}

/* ---- fixtures for the builders ------------------------------------------- */

static void snapshot_target(void)
{
	target_text = NULL;
	ck_assert_int_eq(mfr_intake_to_json(target, MFR_JSON_COMPACT, &target_text, NULL),
			 MFR_OK);
}

static void prepare_empty(void)
{
	target = NULL;
	ck_assert_int_eq(mfr_intake_new(model, &target), MFR_OK);
	snapshot_target();
}

/* One of everything already, so a builder adds to lists that exist. */
static void prepare_full(void)
{
	target = NULL;
	ck_assert_int_eq(mfr_intake_from_json(model, rich_json, strlen(rich_json), NULL,
					      &target, NULL), MFR_OK);
	snapshot_target();
}

static void prepare_four(void)
{
	target = NULL;
	ck_assert_int_eq(mfr_intake_from_json(model, four_json, strlen(four_json), NULL,
					      &target, NULL), MFR_OK);
	snapshot_target();
}

/* Sixteen symptom sites and sixteen precautions: the repeat tables hold
 * sixteen without allocating, so the next addition grows them, both of a
 * precaution's (by site and by key) at once. */
static void prepare_sixteen(void)
{
	static const char *const areas[] = {
		"temple", "occiput", "ear", "jaw", "cheek", "posterior_neck", "lateral_neck",
		"anterior_neck", "top_of_shoulder", "anterior_shoulder", "lateral_shoulder",
		"posterior_shoulder", "axilla", "anterior_arm", "lateral_arm", "posterior_arm"
	};
	static const char *const local[] = {
		"acute_injury", "open_wound", "recent_surgery", "local_infection",
		"healing_fracture", "obstructive_edema"
	};
	static const char *const global[] = {
		"severe_osteoporosis", "connective_tissue_disorder", "malignancy", "aneurysm",
		"acute_rheumatoid_arthritis", "deep_vein_thrombosis", "anticoagulant_therapy",
		"advanced_diabetes", "pregnancy", "hypertension_stroke_risk"
	};

	prepare_empty();
	mfr_free(target_text);
	for (size_t i = 0; i < sizeof(areas) / sizeof(areas[0]); i++)
		ck_assert_int_eq(mfr_intake_add_symptom(target, areas[i], MFR_SIDE_LEFT, 5, 0, NULL),
				 MFR_OK);
	for (size_t i = 0; i < sizeof(local) / sizeof(local[0]); i++)
		ck_assert_int_eq(mfr_intake_add_precaution(target, local[i], "calf", MFR_SIDE_RIGHT,
							   NULL), MFR_OK);
	for (size_t i = 0; i < sizeof(global) / sizeof(global[0]); i++)
		ck_assert_int_eq(mfr_intake_add_precaution(target, global[i], NULL, 0, NULL),
				 MFR_OK);
	ck_assert_uint_eq(mfr_intake_symptom_count(target), 16);
	ck_assert_uint_eq(mfr_intake_precaution_count(target), 16);
	snapshot_target();
}

static void prepare_pregnant(void)
{
	prepare_empty();
	ck_assert_int_eq(mfr_intake_add_precaution(target, "pregnancy", NULL, 0, NULL), MFR_OK);
	mfr_free(target_text);
	snapshot_target();
}

static void finish_target(void)
{
	mfr_free(target_text);
	mfr_intake_free(target);
	target_text = NULL;
	target = NULL;
}

/* Whether the target's JSON is as prepared (called with no fault armed). */
static int target_unchanged(void)
{
	char *now = NULL;
	int same;

	if (mfr_intake_to_json(target, MFR_JSON_COMPACT, &now, NULL) != MFR_OK)
		return 0;
	same = strcmp(now, target_text) == 0;
	mfr_free(now);
	return same;
}

/* ---- the operations ----------------------------------------------------- */

static void release_intake(void *p)
{
	mfr_intake_free(p);
}

static int same_as_rich(const void *out)
{
	char *text = NULL;
	int same;

	if (mfr_intake_to_json(out, 0, &text, NULL) != MFR_OK)
		return 0;
	same = strcmp(text, rich_text) == 0;
	mfr_free(text);
	return same;
}

static int same_rich_text(const void *out)
{
	return strcmp(out, rich_text) == 0;
}

static mfr_status_t op_new(void **out, mfr_error **err)
{
	(void)err;
	return mfr_intake_new(model, (mfr_intake **)out);
}

static mfr_status_t op_symptom(void **out, mfr_error **err)
{
	return mfr_intake_add_symptom(target, "heel", MFR_SIDE_RIGHT, 7, MFR_ONSET_CHRONIC, err);
}

static mfr_status_t op_symptom_twice(void **out, mfr_error **err)
{
	return mfr_intake_add_symptom(target, "heel", MFR_SIDE_LEFT, 3, 0, err);
}

static mfr_status_t op_symptom_misspelt(void **out, mfr_error **err)
{
	return mfr_intake_add_symptom(target, "heal", MFR_SIDE_LEFT, 3, 0, err);
}

/* A body-map segment of three sites (all or nothing), and one whose two
 * sites the intake has already (they only take the higher intensity). */
static mfr_status_t op_segment(void **out, mfr_error **err)
{
	return mfr_intake_add_symptom_segment(target, 103, 6, MFR_ONSET_ACUTE, err);
}

static mfr_status_t op_segment_recorded(void **out, mfr_error **err)
{
	return mfr_intake_add_symptom_segment(target, 207, 8, 0, err);
}

static mfr_status_t op_segment_unknown(void **out, mfr_error **err)
{
	return mfr_intake_add_symptom_segment(target, 140, 8, 0, err);
}

static mfr_status_t op_condition(void **out, mfr_error **err)
{
	return mfr_intake_add_condition(target, "low_back_pain", err);
}

static mfr_status_t op_local_precaution(void **out, mfr_error **err)
{
	return mfr_intake_add_precaution(target, "hematoma", "thigh", MFR_SIDE_LEFT, err);
}

static mfr_status_t op_global_precaution(void **out, mfr_error **err)
{
	return mfr_intake_add_precaution(target, "fever", NULL, 0, err);
}

static mfr_status_t op_site_precaution(void **out, mfr_error **err)
{
	return mfr_intake_add_precaution(target, "malignancy", "forearm", MFR_SIDE_RIGHT, err);
}

static mfr_status_t op_stage(void **out, mfr_error **err)
{
	return mfr_intake_set_stage(target, "pregnancy", 2, err);
}

static mfr_status_t op_scope(void **out, mfr_error **err)
{
	return mfr_intake_add_scope(target, MFR_ACCESS_INTRA_PELVIC, err);
}

static mfr_status_t op_answer(void **out, mfr_error **err)
{
	return mfr_intake_add_answer(target, "cancer", "yes", "forearm", MFR_SIDE_LEFT, err);
}

static mfr_status_t op_answer_staged(void **out, mfr_error **err)
{
	return mfr_intake_add_answer(target, "pregnancy", "first_trimester", NULL, 0, err);
}

static mfr_status_t op_clearance(void **out, mfr_error **err)
{
	return mfr_intake_add_clearance(target, "severe_osteoporosis", err);
}

static mfr_status_t op_minutes(void **out, mfr_error **err)
{
	return mfr_intake_set_minutes(target, 90, err);
}

static mfr_status_t op_positions(void **out, mfr_error **err)
{
	return mfr_intake_set_positions(target, MFR_POSITION_SEATED | MFR_POSITION_PRONE, err);
}

static mfr_status_t op_set_id(void **out, mfr_error **err)
{
	return mfr_intake_set_id(target, "clinic-7/2024-05-01", err);
}

static mfr_status_t op_set_extensions(void **out, mfr_error **err)
{
	return mfr_intake_set_extensions(target, "{\"ehr\": {\"encounter\": [1, 2.50]}}", err);
}

static mfr_status_t op_set_extensions_array(void **out, mfr_error **err)
{
	return mfr_intake_set_extensions(target, "[1, 2]", err);
}

static mfr_status_t op_from_json(void **out, mfr_error **err)
{
	return mfr_intake_from_json(model, rich_json, strlen(rich_json), "rich.json",
				    (mfr_intake **)out, err);
}

static mfr_status_t op_from_json_misspelt(void **out, mfr_error **err)
{
	return mfr_intake_from_json(model, misspelt_json, strlen(misspelt_json), NULL,
				    (mfr_intake **)out, err);
}

static mfr_status_t op_load_file(void **out, mfr_error **err)
{
	return mfr_intake_load_file(model, rich_path, (mfr_intake **)out, err);
}

static mfr_status_t op_to_json(void **out, mfr_error **err)
{
	return mfr_intake_to_json(rich, 0, (char **)out, err);
}

static mfr_status_t op_to_json_compact(void **out, mfr_error **err)
{
	return mfr_intake_to_json(rich, MFR_JSON_COMPACT, (char **)out, err);
}

#define CHANGE(name_, run_, status_, flags_, prepare_)                          \
	{ .name = name_, .run = run_, .own_status = status_, .flags = flags_,      \
	  .prepare = prepare_, .finish = finish_target, .unchanged = target_unchanged }

static const mfr_oom_op ops[] = {
	{ .name = "intake_new", .run = op_new, .release = release_intake,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_ERR },
	CHANGE("add_symptom", op_symptom, MFR_OK, 0, prepare_empty),
	CHANGE("add_symptom_grow", op_symptom, MFR_OK, 0, prepare_four),
	CHANGE("add_symptom_seventeenth", op_symptom, MFR_OK, 0, prepare_sixteen),
	CHANGE("add_symptom_twice", op_symptom_twice, MFR_E_DUPLICATE, MFR_OOM_QUIET,
	       prepare_full),
	CHANGE("add_symptom_misspelt", op_symptom_misspelt, MFR_E_REFERENCE, MFR_OOM_QUIET,
	       prepare_empty),
	CHANGE("add_segment", op_segment, MFR_OK, 0, prepare_empty),
	CHANGE("add_segment_grow", op_segment, MFR_OK, 0, prepare_four),
	CHANGE("add_segment_past_sixteen", op_segment, MFR_OK, 0, prepare_sixteen),
	CHANGE("add_segment_recorded", op_segment_recorded, MFR_OK, MFR_OOM_NEVER,
	       prepare_sixteen),
	CHANGE("add_segment_unknown", op_segment_unknown, MFR_E_REFERENCE, MFR_OOM_QUIET,
	       prepare_empty),
	CHANGE("add_condition", op_condition, MFR_OK, 0, prepare_empty),
	CHANGE("add_condition_grow", op_condition, MFR_OK, 0, prepare_four),
	CHANGE("add_precaution_local", op_local_precaution, MFR_OK, 0, prepare_empty),
	CHANGE("add_precaution_grow", op_local_precaution, MFR_OK, 0, prepare_four),
	CHANGE("add_precaution_seventeenth", op_local_precaution, MFR_OK, 0, prepare_sixteen),
	CHANGE("add_precaution_global", op_global_precaution, MFR_OK, 0, prepare_full),
	CHANGE("add_precaution_site", op_site_precaution, MFR_OK, 0, prepare_empty),
	CHANGE("set_stage", op_stage, MFR_OK, 0, prepare_pregnant),
	CHANGE("add_scope", op_scope, MFR_OK, MFR_OOM_NEVER, prepare_full),
	CHANGE("add_answer", op_answer, MFR_OK, 0, prepare_empty),
	CHANGE("add_answer_more", op_answer, MFR_OK, 0, prepare_full),
	CHANGE("add_answer_staged", op_answer_staged, MFR_OK, 0, prepare_empty),
	CHANGE("add_clearance", op_clearance, MFR_OK, 0, prepare_empty),
	CHANGE("add_clearance_grow", op_clearance, MFR_OK, 0, prepare_four),
	CHANGE("set_minutes", op_minutes, MFR_OK, MFR_OOM_NEVER, prepare_full),
	CHANGE("set_positions", op_positions, MFR_OK, MFR_OOM_NEVER, prepare_full),
	CHANGE("set_id", op_set_id, MFR_OK, 0, prepare_full),
	CHANGE("set_extensions", op_set_extensions, MFR_OK, MFR_OOM_PARSES, prepare_full),
	CHANGE("set_extensions_array", op_set_extensions_array, MFR_E_TYPE,
	       MFR_OOM_PARSES | MFR_OOM_QUIET,
	       prepare_full),
	{ .name = "intake_from_json", .run = op_from_json, .release = release_intake,
	  .own_status = MFR_OK, .flags = MFR_OOM_PARSES, .same = same_as_rich },
	{ .name = "intake_from_json_misspelt", .run = op_from_json_misspelt,
	  .release = release_intake, .own_status = MFR_E_REFERENCE, .flags = MFR_OOM_PARSES },
	{ .name = "intake_load_file", .run = op_load_file, .release = release_intake,
	  .own_status = MFR_OK, .flags = MFR_OOM_PARSES, .same = same_as_rich },
	{ .name = "intake_to_json", .run = op_to_json, .release = mfr_free, .own_status = MFR_OK,
	  .flags = MFR_OOM_NO_JANSSON, .same = same_rich_text },
	{ .name = "intake_to_json_compact", .run = op_to_json_compact, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
};
#define N_OPS (int)(sizeof(ops) / sizeof(ops[0]))

/* The sweeps of ops[] (oom.h). */
MFR_OOM_LIBRARY_TESTS(ops)

#ifndef MFR_TEST_DEBUG_ARENA
MFR_OOM_JANSSON_TESTS(ops)

MFR_OOM_PARSE_TESTS(ops)
#endif

Suite *mfr_test_oom_intake_suite(void)
{
	Suite *s = suite_create("oom_intake");
	TCase *tc = tcase_create("library");

	/* Made once per case, not per test: the sweeps only read these (what
	 * they change, their prepare function makes), and under valgrind
	 * (no fork) remaking them for each of the loop's tests took minutes. */
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, library_faults, 0, N_OPS * 4);
	suite_add_tcase(s, tc);

#ifndef MFR_TEST_DEBUG_ARENA
	/* jansson allocates the same with either arena: swept once, in the
	 * ordinary build. */
	tc = tcase_create("jansson");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, jansson_faults, 0, N_OPS * 4);
	tcase_add_loop_test(tc, jansson_parse_first_allocation, 0, N_OPS * 2);
	suite_add_tcase(s, tc);
#endif
	return s;
}
