/*
 * libmfr tests: intakes, built through the API and read from JSON; every
 * rejected input must say what and where, suggest keys, and change nothing.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "gen-models.h"
#include "util.h"

static mfr_model *model;

static void setup(void)
{
	ck_assert_int_eq(mfr_model_default(&model, NULL), MFR_OK);
}

static void teardown(void)
{
	mfr_model_free(model);
}

START_TEST(api_builds_and_reads_back)
{
	mfr_intake *in = NULL;

	ck_assert_int_eq(mfr_intake_new(model, &in), MFR_OK);
	ck_assert_ptr_eq(mfr_intake_model(in), model);
	ck_assert_uint_eq(mfr_intake_minutes(in), MFR_INTAKE_DEFAULT_MINUTES);
	ck_assert_uint_eq(mfr_intake_positions(in), MFR_POSITION_ALL);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 7, MFR_ONSET_CHRONIC,
						NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "forehead", 0, 3, MFR_ONSET_ACUTE, NULL),
			 MFR_OK);
	ck_assert_int_eq(mfr_intake_add_condition(in, "plantar_fasciitis", NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_precaution(in, "open_wound", "calf", MFR_SIDE_RIGHT,
						   NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_precaution(in, "severe_osteoporosis", NULL, 0, NULL),
			 MFR_OK);
	ck_assert_int_eq(mfr_intake_add_clearance(in, "recent_surgery", NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_set_minutes(in, 45, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_set_positions(in, MFR_POSITION_PRONE | MFR_POSITION_SUPINE,
						  NULL), MFR_OK);

	ck_assert_uint_eq(mfr_intake_symptom_count(in), 2);
	ck_assert_str_eq(mfr_region_key(mfr_intake_symptom_region(mfr_intake_symptom_at(in, 0))), "heel");
	ck_assert_int_eq(mfr_intake_symptom_side(mfr_intake_symptom_at(in, 0)), MFR_SIDE_LEFT);
	ck_assert_int_eq(mfr_intake_symptom_intensity(mfr_intake_symptom_at(in, 0)), 7);
	ck_assert_int_eq(mfr_intake_symptom_onset(mfr_intake_symptom_at(in, 0)), MFR_ONSET_CHRONIC);
	ck_assert_int_eq(mfr_intake_symptom_side(mfr_intake_symptom_at(in, 1)), MFR_SIDE_MIDLINE);
	ck_assert_int_eq(mfr_intake_symptom_intensity(mfr_intake_symptom_at(in, 2)), -1);
	ck_assert_ptr_null(mfr_intake_symptom_region(mfr_intake_symptom_at(in, 2)));
	ck_assert_str_eq(mfr_condition_key(mfr_intake_condition_at(in, 0)), "plantar_fasciitis");
	ck_assert_uint_eq(mfr_intake_precaution_count(in), 2);
	ck_assert_str_eq(mfr_region_key(mfr_intake_precaution_region(mfr_intake_precaution_at(in, 0))), "calf");
	ck_assert_int_eq(mfr_intake_precaution_side(mfr_intake_precaution_at(in, 0)), MFR_SIDE_RIGHT);
	ck_assert_ptr_null(mfr_intake_precaution_region(mfr_intake_precaution_at(in, 1)));
	ck_assert(mfr_intake_is_cleared(in, mfr_model_precaution(model, "recent_surgery")));
	ck_assert(!mfr_intake_is_cleared(in, mfr_model_precaution(model, "fever")));
	ck_assert_uint_eq(mfr_intake_minutes(in), 45);

	/* JSON round trip: the same intake, the same bytes. */
	char *a = NULL, *b = NULL;
	mfr_intake *again = NULL;
	ck_assert_int_eq(mfr_intake_to_json(in, 0, &a, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_from_json(model, a, strlen(a), "x.json", &again, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_to_json(again, 0, &b, NULL), MFR_OK);
	ck_assert_str_eq(a, b);
	ck_assert_ptr_nonnull(strstr(a, "\"onset\": \"acute\""));
	mfr_free(a);
	mfr_free(b);
	mfr_intake_free(again);
	mfr_intake_free(in);
}
END_TEST

/* A rejected call returns @p status, says @p fragment, and leaves the
 * intake as it was. */
#define REJECT(call, status, fragment)                                            \
	do {                                                                      \
		mfr_error *err_ = NULL;                                           \
		char *before_ = NULL, *after_ = NULL;                             \
		ck_assert_int_eq(mfr_intake_to_json(in, 1, &before_, NULL), 0);   \
		mfr_error **err = &err_;                                          \
		ck_assert_int_eq(call, status);                                   \
		ck_assert_msg(strstr(mfr_error_message(err_), fragment),          \
			      "'%s' lacks '%s'", mfr_error_message(err_), fragment); \
		ck_assert_int_eq(mfr_error_status(err_), status);                 \
		ck_assert_int_eq(mfr_intake_to_json(in, 1, &after_, NULL), 0);    \
		ck_assert_str_eq(before_, after_);                                \
		mfr_free(before_);                                                \
		mfr_free(after_);                                                 \
		mfr_error_free(err_);                                             \
	} while (0)

START_TEST(api_rejects)
{
	mfr_intake *in = NULL;

	ck_assert_int_eq(mfr_intake_new(model, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 5, 0, NULL), MFR_OK);
	REJECT(mfr_intake_add_symptom(in, "heal", MFR_SIDE_LEFT, 5, 0, err), MFR_E_REFERENCE,
	       "did you mean \"heel\"");
	REJECT(mfr_intake_add_symptom(in, "heel", 0, 5, 0, err), MFR_E_CONSTRAINT, "\"left\" or \"right\"");
	REJECT(mfr_intake_add_symptom(in, "forehead", MFR_SIDE_LEFT, 5, 0, err), MFR_E_CONSTRAINT,
	       "midline");
	REJECT(mfr_intake_add_symptom(in, "temple", MFR_SIDE_LEFT, 11, 0, err), MFR_E_RANGE, "0 (none) to 10");
	REJECT(mfr_intake_add_symptom(in, "temple", MFR_SIDE_LEFT, -1, 0, err), MFR_E_RANGE, "intensity");
	REJECT(mfr_intake_add_symptom(in, "temple", MFR_SIDE_LEFT, 5, 7, err), MFR_E_RANGE, "onset");
	REJECT(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 3, 0, err), MFR_E_DUPLICATE, "already");
	REJECT(mfr_intake_add_symptom(in, NULL, MFR_SIDE_LEFT, 3, 0, err), MFR_E_INVALID, "invalid");
	REJECT(mfr_intake_add_condition(in, "plantar_fascitis", err), MFR_E_REFERENCE,
	       "did you mean \"plantar_fasciitis\"");
	REJECT(mfr_intake_add_precaution(in, "open_wound", NULL, 0, err), MFR_E_CONSTRAINT,
	       "say where");
	REJECT(mfr_intake_add_precaution(in, "fever", "calf", MFR_SIDE_LEFT, err), MFR_E_CONSTRAINT,
	       "whole client");
	REJECT(mfr_intake_add_precaution(in, "open_wound", "calf", 0, err), MFR_E_CONSTRAINT, "left");
	REJECT(mfr_intake_add_precaution(in, "open_wond", "calf", MFR_SIDE_LEFT, err),
	       MFR_E_REFERENCE, "did you mean \"open_wound\"");
	REJECT(mfr_intake_add_clearance(in, "nope", err), MFR_E_REFERENCE, "unknown precaution");
	REJECT(mfr_intake_set_minutes(in, 5, err), MFR_E_RANGE, "10 to 180");
	REJECT(mfr_intake_set_minutes(in, 181, err), MFR_E_RANGE, "10 to 180");
	REJECT(mfr_intake_set_positions(in, 0, err), MFR_E_RANGE, "non-empty");
	REJECT(mfr_intake_set_positions(in, 0x20, err), MFR_E_RANGE, "positions");
	ck_assert_int_eq(mfr_intake_add_condition(in, "low_back_pain", NULL), MFR_OK);
	REJECT(mfr_intake_add_condition(in, "low_back_pain", err), MFR_E_DUPLICATE, "already");
	mfr_intake_free(in);

	mfr_intake *none = (mfr_intake *)1;
	ck_assert_int_eq(mfr_intake_new(NULL, &none), MFR_E_INVALID);
	ck_assert_ptr_null(none);

	/* The JSON functions: NULL arguments and unknown flags are errors that
	 * name the function, with the out-parameter NULL. */
	mfr_error *e = NULL;
	none = (mfr_intake *)1;
	ck_assert_int_eq(mfr_intake_from_json(NULL, "{}", 2, NULL, &none, &e), MFR_E_INVALID);
	ck_assert_ptr_null(none);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(e), "mfr_intake_from_json"));
	mfr_error_free(e);
	e = NULL;
	none = (mfr_intake *)1;
	ck_assert_int_eq(mfr_intake_from_json(model, NULL, 2, NULL, &none, NULL), MFR_E_INVALID);
	ck_assert_ptr_null(none);
	ck_assert_int_eq(mfr_intake_from_json(model, "{}", 2, NULL, NULL, NULL), MFR_E_INVALID);
	none = (mfr_intake *)1;
	ck_assert_int_eq(mfr_intake_load_file(model, NULL, &none, &e), MFR_E_INVALID);
	ck_assert_ptr_null(none);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(e), "mfr_intake_load_file"));
	mfr_error_free(e);
	e = NULL;
	ck_assert_int_eq(mfr_intake_load_file(NULL, "x.json", NULL, NULL), MFR_E_INVALID);
	char *text = (char *)1;
	ck_assert_int_eq(mfr_intake_to_json(NULL, 0, &text, &e), MFR_E_INVALID);
	ck_assert_ptr_null(text);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(e), "mfr_intake_to_json"));
	mfr_error_free(e);
	ck_assert_int_eq(mfr_intake_new(model, &in), MFR_OK);
	text = (char *)1;
	ck_assert_int_eq(mfr_intake_to_json(in, 0x100, &text, NULL), MFR_E_INVALID);
	ck_assert_ptr_null(text);
	ck_assert_int_eq(mfr_intake_to_json(in, 0, NULL, NULL), MFR_E_INVALID);
	mfr_intake_free(in);
	mfr_intake_free(NULL);
	ck_assert_uint_eq(mfr_intake_symptom_count(NULL), 0);
	ck_assert_uint_eq(mfr_intake_minutes(NULL), 0);
	ck_assert_str_eq(mfr_onset_name(MFR_ONSET_CHRONIC), "chronic");
	ck_assert_ptr_null(mfr_onset_name(9));
}
END_TEST

/* Invalid JSON intakes: tests/data/bad/intake.cases, run by test-invalid.c. */

START_TEST(json_reads_the_documented_example)
{
	static const char example[] =
		"{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 7, "
		"\"onset\": \"chronic\"}, {\"region\": \"temple\", \"side\": \"both\"}],"
		"\"conditions\": [\"plantar_fasciitis\"],"
		"\"precautions\": [{\"key\": \"open_wound\", \"region\": \"calf\", \"side\": \"right\"},"
		" \"severe_osteoporosis\"],"
		"\"clearances\": [\"recent_surgery\"], \"session_minutes\": 60,"
		"\"positions\": [\"prone\", \"supine\"]}";
	mfr_intake *in = NULL;
	mfr_error *err = NULL;

	ck_assert_msg(mfr_intake_from_json(model, example, sizeof(example) - 1, NULL, &in, &err)
		      == MFR_OK, "%s", mfr_error_message(err));
	ck_assert_uint_eq(mfr_intake_symptom_count(in), 3);
	ck_assert_int_eq(mfr_intake_symptom_intensity(mfr_intake_symptom_at(in, 1)), MFR_INTAKE_DEFAULT_INTENSITY);
	ck_assert_int_eq(mfr_intake_symptom_side(mfr_intake_symptom_at(in, 2)), MFR_SIDE_RIGHT);
	ck_assert_uint_eq(mfr_intake_positions(in), MFR_POSITION_PRONE | MFR_POSITION_SUPINE);
	ck_assert_uint_eq(mfr_intake_precaution_count(in), 2);
	mfr_intake_free(in);

	/* "both" sides of a midline region is the region itself, once. */
	static const char midline[] = "{\"symptoms\": [{\"region\": \"coccyx\", \"side\": \"both\"}]}";
	ck_assert_int_eq(mfr_intake_from_json(model, midline, sizeof(midline) - 1, NULL, &in, NULL),
			 MFR_OK);
	ck_assert_uint_eq(mfr_intake_symptom_count(in), 1);
	ck_assert_int_eq(mfr_intake_symptom_side(mfr_intake_symptom_at(in, 0)), MFR_SIDE_MIDLINE);
	ck_assert_str_eq(mfr_region_key(mfr_intake_symptom_region(mfr_intake_symptom_at(in, 0))), "coccyx");
	mfr_intake_free(in);

	char path[4096];
	mfr_test_path(path, sizeof(path), "no-such-intake.json");
	in = (mfr_intake *)1;
	ck_assert_int_eq(mfr_intake_load_file(model, path, &in, &err), MFR_E_IO);
	ck_assert_ptr_null(in);
	/* The reason comes from a thread-safe table, not strerror(). */
	ck_assert_msg(strstr(mfr_error_message(err), "cannot open: no such file or directory"),
		      "%s", mfr_error_message(err));
	mfr_error_free(err);
	err = NULL;
	mfr_test_path(path, sizeof(path), "models");
	ck_assert_int_eq(mfr_intake_load_file(model, path, &in, &err), MFR_E_IO);
	ck_assert_msg(strstr(mfr_error_message(err), "read error: it is a directory"),
		      "%s", mfr_error_message(err));
	mfr_error_free(err);
	char text[32];
	ck_assert_str_eq(mfr__errno_text(99999, text, sizeof(text)), "system error 99999");
}
END_TEST

/* A UTF-8 byte-order mark at the start is accepted (doc/intake-format.md);
 * after it, errors keep their columns and count it in their byte offset. */
START_TEST(byte_order_mark)
{
	static const char ok[] = "\xEF\xBB\xBF{\"symptoms\": [{\"region\": \"heel\", "
				 "\"side\": \"left\"}]}";
	static const char bad[] = "\xEF\xBB\xBF{\"symptoms\": x}";
	static const char twice[] = "\xEF\xBB\xBF\xEF\xBB\xBF{}";
	mfr_intake *in = NULL;
	mfr_error *err = NULL;

	mfr_test_assert_ok(mfr_intake_from_json(model, ok, sizeof(ok) - 1, "bom.json", &in, &err),
			   err, "bom.json");
	ck_assert_uint_eq(mfr_intake_symptom_count(in), 1);
	mfr_intake_free(in);
	in = NULL;
	ck_assert_int_eq(mfr_intake_from_json(model, bad, sizeof(bad) - 1, "bom.json", &in, &err),
			 MFR_E_SYNTAX);
	ck_assert_int_eq(mfr_error_line(err), 1);
	ck_assert_int_eq(mfr_error_column(err), 14);
	/* jansson counts the bytes read, up to the bad token: 14, plus the mark. */
	ck_assert_int_eq(mfr_error_offset(err), 3 + 14);
	mfr_error_free(err);
	err = NULL;
	/* Only one, and only at the start. */
	ck_assert_int_eq(mfr_intake_from_json(model, twice, sizeof(twice) - 1, "bom.json", &in,
					      &err), MFR_E_SYNTAX);
	mfr_error_free(err);
}
END_TEST

/* A member name of 400 two-byte characters: the message that quotes it is
 * cut at a character, never inside one, and keeps its place. Once it was
 * cut mid-character, the CLI's batch row failed as MFR_E_NOMEM without a
 * place and the Python binding could not decode it. */
START_TEST(long_names_stay_utf8)
{
	char *name = mfr_test_repeat("\xc3\xa9", 400);
	mfr_test_buf b = { NULL, 0, 0 };
	mfr_intake *in = (mfr_intake *)1;
	mfr_error *err = NULL;

	mfr_test_buf_add(&b, "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\"}], "
			 "\"%s\": 1}", name);
	ck_assert_int_eq(mfr_intake_from_json(model, b.data, b.len, "long.json", &in, &err),
			 MFR_E_UNKNOWN);
	ck_assert_ptr_null(in);
	ck_assert_ptr_null(mfr_error_path(err));
	ck_assert_msg(mfr_test_utf8_valid(mfr_error_message(err)), "%s", mfr_error_message(err));
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "long.json:1:1: (top level): "
				     "unknown member \"\xc3\xa9\xc3\xa9"));
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "..."));
	mfr_error_free(err);

	/* Through the API: a key of 300 characters, and one that is not UTF-8
	 * at all (its bytes are shown as '?'). */
	ck_assert_int_eq(mfr_intake_new(model, &in), MFR_OK);
	err = NULL;
	ck_assert_int_eq(mfr_intake_add_condition(in, name, &err), MFR_E_REFERENCE);
	ck_assert_msg(mfr_test_utf8_valid(mfr_error_message(err)), "%s", mfr_error_message(err));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_intake_add_symptom(in, "he\xff\xfel", MFR_SIDE_LEFT, 5, 0, &err),
			 MFR_E_REFERENCE);
	ck_assert_msg(mfr_test_utf8_valid(mfr_error_message(err)), "%s", mfr_error_message(err));
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "\"he??l\""));
	mfr_error_free(err);
	mfr_intake_free(in);
	free(b.data);
	free(name);
}
END_TEST

/* ---- long lists (gen-models.h) -------------------------------------------- */

/* The intake: @p n symptoms (n / 2 areas on both sides), conditions,
 * precautions (half global keys, half sites of "loc") or clearances. */
static char *many_intake(int kind, int n, size_t *size)
{
	static const char *const list[] = { "symptoms", "conditions", "precautions",
					    "clearances" };
	mfr_test_buf b = { NULL, 0, 0 };

	mfr_test_buf_add(&b, "{\"%s\": [", list[kind]);
	for (int i = 0; i < (kind == MANY_SYMPTOMS ? n / 2 : n); i++) {
		const char *sep = i ? "," : "";

		if (kind == MANY_SYMPTOMS)
			mfr_test_buf_add(&b, "%s{\"region\": \"a%d\", \"side\": \"both\"}", sep, i);
		else if (kind == MANY_CONDITIONS)
			mfr_test_buf_add(&b, "%s\"c%d\"", sep, i);
		else if (kind == MANY_PRECAUTIONS && i % 2)
			mfr_test_buf_add(&b, "%s{\"key\": \"loc\", \"region\": \"a%d\", "
					 "\"side\": \"left\"}", sep, i);
		else
			mfr_test_buf_add(&b, "%s\"p%d\"", sep, i);
	}
	mfr_test_buf_add(&b, "]%s}", kind == MANY_CLEARANCES ? ", \"precautions\": []" : "");
	*size = b.len;
	return b.data;
}

/* Repeats among many are still found, at their place, and in O(1) each. */
START_TEST(repeats_in_long_lists)
{
	static const struct {
		const char *json, *path, *fragment;
	} cases[] = {
		{ "{\"symptoms\": [{\"region\": \"a1\", \"side\": \"left\"}, {\"region\": \"a2\", "
		  "\"side\": \"both\"}, {\"region\": \"a1\", \"side\": \"left\"}]}",
		  "symptoms[2].side", "already a symptom" },
		{ "{\"conditions\": [\"c1\", \"c2\", \"c3\", \"c2\"]}", "conditions[3]",
		  "condition \"c2\" is already recorded" },
		{ "{\"precautions\": [\"p1\", {\"key\": \"loc\", \"region\": \"a1\", \"side\": "
		  "\"left\"}, {\"key\": \"loc\", \"region\": \"a1\", \"side\": \"right\"}, "
		  "{\"key\": \"loc\", \"region\": \"a1\", \"side\": \"left\"}]}",
		  "precautions[3]", "already recorded at that site" },
		{ "{\"precautions\": [\"p1\", \"p2\", \"p1\"]}", "precautions[2]",
		  "precaution \"p1\" is already recorded" },
		{ "{\"precautions\": [\"p1\", \"p2\"], \"clearances\": [\"p2\", \"p1\", \"p2\"]}",
		  "clearances[2]", "clearance for \"p2\" is already recorded" },
	};
	mfr_model *m = many_model(8);

	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		mfr_intake *in = (mfr_intake *)1;
		mfr_error *err = NULL;

		ck_assert_int_eq(mfr_intake_from_json(m, cases[k].json, strlen(cases[k].json),
						      "rep", &in, &err), MFR_E_DUPLICATE);
		ck_assert_ptr_null(in);
		ck_assert_str_eq(mfr_error_path(err), cases[k].path);
		ck_assert_msg(strstr(mfr_error_message(err), cases[k].fragment), "%s",
			      mfr_error_message(err));
		mfr_error_free(err);
	}
	mfr_model_free(m);
}
END_TEST

/* ---- body-map segments (doc/intake-format.md, "Body-map segments") ------- */

/* The symptom of @p in at @p region on @p side: its intensity, or -1. */
static int intensity_at(const mfr_intake *in, const char *region, mfr_side_t side)
{
	for (uint32_t i = 0; i < mfr_intake_symptom_count(in); i++) {
		const mfr_intake_symptom *s = mfr_intake_symptom_at(in, i);

		if (strcmp(mfr_region_key(mfr_intake_symptom_region(s)), region) == 0 &&
		    mfr_intake_symptom_side(s) == side)
			return mfr_intake_symptom_intensity(s);
	}
	return -1;
}

/* The default model's body map: the CHOIR segments, the client's sides. */
START_TEST(segments_of_the_default_model)
{
	ck_assert_uint_eq(mfr_model_segment_site_count(model, 118), 1);
	ck_assert_str_eq(mfr_region_key(mfr_model_segment_site_region(model, 118, 0)),
			 "forearm");
	ck_assert_int_eq(mfr_model_segment_site_side(model, 118, 0), MFR_SIDE_LEFT);
	ck_assert_str_eq(mfr_model_segment_name(model, 118), "Forearm (front-left)");
	/* Front "right" and back "left" are the client's sides. */
	ck_assert_int_eq(mfr_model_segment_site_side(model, 115, 0), MFR_SIDE_RIGHT);
	ck_assert_int_eq(mfr_model_segment_site_side(model, 218, 0), MFR_SIDE_LEFT);
	ck_assert_str_eq(mfr_region_key(mfr_model_segment_site_region(model, 218, 0)),
			 "low_back");
	/* A segment of several areas, and a midline one. */
	ck_assert_uint_eq(mfr_model_segment_site_count(model, 103), 3);
	ck_assert_int_eq(mfr_model_segment_site_side(model, 201, 0), MFR_SIDE_MIDLINE);
	/* 74 segments: 101-136 and 201-238. */
	uint32_t n = 0;
	for (uint32_t id = 0; id < 1000; id++)
		n += mfr_model_segment_site_count(model, id) > 0;
	ck_assert_uint_eq(n, 74);
	ck_assert_uint_eq(mfr_model_segment_site_count(model, 100), 0);
	ck_assert_uint_eq(mfr_model_segment_site_count(model, 137), 0);
	ck_assert_uint_eq(mfr_model_segment_site_count(model, 239), 0);
	ck_assert_ptr_null(mfr_model_segment_site_region(model, 118, 1));
	ck_assert_int_eq(mfr_model_segment_site_side(model, 118, 1), 0);
	ck_assert_ptr_null(mfr_model_segment_name(model, 300));
	ck_assert_uint_eq(mfr_model_segment_site_count(NULL, 118), 0);
}
END_TEST

START_TEST(segments_add_symptoms)
{
	mfr_intake *in = NULL;

	ck_assert_int_eq(mfr_intake_new(model, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom_segment(in, 118, 6, MFR_ONSET_CHRONIC, NULL),
			 MFR_OK);
	ck_assert_uint_eq(mfr_intake_symptom_count(in), 1);
	ck_assert_int_eq(intensity_at(in, "forearm", MFR_SIDE_LEFT), 6);
	ck_assert_int_eq(mfr_intake_symptom_onset(mfr_intake_symptom_at(in, 0)),
			 MFR_ONSET_CHRONIC);
	/* Several areas at once. */
	ck_assert_int_eq(mfr_intake_add_symptom_segment(in, 103, 4, 0, NULL), MFR_OK);
	ck_assert_uint_eq(mfr_intake_symptom_count(in), 4);
	ck_assert_int_eq(intensity_at(in, "jaw", MFR_SIDE_RIGHT), 4);
	/* A site already recorded keeps the higher intensity and takes an
	 * onset it lacked; it is never an error. */
	ck_assert_int_eq(mfr_intake_add_symptom(in, "low_back", MFR_SIDE_RIGHT, 3, 0, NULL),
			 MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom_segment(in, 219, 7, MFR_ONSET_ACUTE, NULL),
			 MFR_OK);
	ck_assert_uint_eq(mfr_intake_symptom_count(in), 5);
	ck_assert_int_eq(intensity_at(in, "low_back", MFR_SIDE_RIGHT), 7);
	ck_assert_int_eq(mfr_intake_symptom_onset(mfr_intake_symptom_at(in, 4)),
			 MFR_ONSET_ACUTE);
	ck_assert_int_eq(mfr_intake_add_symptom_segment(in, 219, 2, MFR_ONSET_CHRONIC, NULL),
			 MFR_OK);
	ck_assert_int_eq(intensity_at(in, "low_back", MFR_SIDE_RIGHT), 7);
	ck_assert_int_eq(mfr_intake_symptom_onset(mfr_intake_symptom_at(in, 4)),
			 MFR_ONSET_ACUTE);
	/* Both sides of the cranium: the forehead (midline) once. */
	ck_assert_int_eq(mfr_intake_add_symptom_segment(in, 101, 5, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom_segment(in, 102, 8, 0, NULL), MFR_OK);
	ck_assert_uint_eq(mfr_intake_symptom_count(in), 8);
	ck_assert_int_eq(intensity_at(in, "forehead", MFR_SIDE_MIDLINE), 8);
	ck_assert_int_eq(intensity_at(in, "temple", MFR_SIDE_LEFT), 8);
	ck_assert_int_eq(intensity_at(in, "temple", MFR_SIDE_RIGHT), 5);
	/* And a region given after a segment is a repeat, as ever. */
	REJECT(mfr_intake_add_symptom(in, "forearm", MFR_SIDE_LEFT, 2, 0, err), MFR_E_DUPLICATE,
	       "already a symptom");

	REJECT(mfr_intake_add_symptom_segment(in, 140, 5, 0, err), MFR_E_REFERENCE,
	       "segment 140 is not in the body map \"CHOIR Collaborative Body Map (male "
	       "numbering)\" (its ids run from 101 to 238, with gaps)");
	REJECT(mfr_intake_add_symptom_segment(in, 0, 5, 0, err), MFR_E_REFERENCE, "segment 0");
	REJECT(mfr_intake_add_symptom_segment(in, UINT32_MAX, 5, 0, err), MFR_E_REFERENCE,
	       "segment 4294967295");
	REJECT(mfr_intake_add_symptom_segment(in, 136, 11, 0, err), MFR_E_RANGE,
	       "intensity 11 is out of range");
	REJECT(mfr_intake_add_symptom_segment(in, 136, -1, 0, err), MFR_E_RANGE, "intensity");
	REJECT(mfr_intake_add_symptom_segment(in, 136, 5, 9, err), MFR_E_RANGE, "onset 9");
	REJECT(mfr_intake_add_symptom_segment(NULL, 136, 5, 0, err), MFR_E_INVALID, "invalid");
	mfr_intake_free(in);

	/* A model without a body map says so. */
	mfr_model *minimal = NULL;
	char path[4096];

	mfr_test_path(path, sizeof(path), "models/minimal.json");
	ck_assert_int_eq(mfr_model_load_file(path, &minimal, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_new(minimal, &in), MFR_OK);
	REJECT(mfr_intake_add_symptom_segment(in, 118, 5, 0, err), MFR_E_REFERENCE,
	       "has no body map, so segment 118 names no site");
	ck_assert_uint_eq(mfr_model_segment_site_count(minimal, 118), 0);
	mfr_intake_free(in);
	mfr_model_free(minimal);
}
END_TEST

/* JSON: "segment" in place of "region" and "side"; written back as sites. */
START_TEST(segments_in_json)
{
	static const char doc[] = "{\"symptoms\": [{\"segment\": 118, \"intensity\": 6, "
				  "\"onset\": \"chronic\"}, {\"segment\": 237}, {\"region\": "
				  "\"sole\", \"side\": \"left\", \"intensity\": 9}]}";
	mfr_intake *in = NULL;
	mfr_error *err = NULL;
	char *json = NULL;

	/* A region after a segment that holds it is a repeat, as in the API. */
	ck_assert_int_eq(mfr_intake_from_json(model, doc, strlen(doc), "seg.json", &in, &err),
			 MFR_E_DUPLICATE);
	ck_assert_str_eq(mfr_error_path(err), "symptoms[2].side");
	mfr_error_free(err);
	err = NULL;
	static const char doc2[] = "{\"symptoms\": [{\"segment\": 118, \"intensity\": 6, "
				   "\"onset\": \"chronic\"}, {\"segment\": 237}]}";
	mfr_test_assert_ok(mfr_intake_from_json(model, doc2, strlen(doc2), "seg.json", &in,
						&err), err, "segments");
	ck_assert_int_eq(intensity_at(in, "sole", MFR_SIDE_LEFT), MFR_INTAKE_DEFAULT_INTENSITY);
	ck_assert_int_eq(mfr_intake_to_json(in, MFR_JSON_COMPACT, &json, NULL), MFR_OK);
	ck_assert_str_eq(json, "{\"symptoms\":[{\"region\":\"forearm\",\"side\":\"left\","
			 "\"intensity\":6,\"onset\":\"chronic\"},{\"region\":\"sole\",\"side\":"
			 "\"left\",\"intensity\":5}],\"conditions\":[],\"precautions\":[],"
			 "\"clearances\":[],\"session_minutes\":60,\"positions\":[\"prone\","
			 "\"supine\",\"side_lying\",\"seated\",\"standing\"]}");
	mfr_free(json);
	mfr_intake_free(in);
}
END_TEST

/* ---- limits (doc/intake-format.md, "Limits") ------------------------------ */

/* Each list holds MFR_INTAKE_MAX_ITEMS, and one more is MFR_E_RANGE at the
 * list (JSON) or from the builder (API, where "both" sides count twice). */
START_TEST(limits_per_intake)
{
	mfr_model *m = many_model(MFR_INTAKE_MAX_ITEMS + 1);
	size_t size;

	for (int kind = MANY_SYMPTOMS; kind <= MANY_CLEARANCES; kind++) {
		char *at = many_intake(kind, MFR_INTAKE_MAX_ITEMS, &size);
		char *past = many_intake(kind, MFR_INTAKE_MAX_ITEMS + 2, &size);
		mfr_intake *in = NULL;
		mfr_error *err = NULL;

		mfr_test_assert_ok(mfr_intake_from_json(m, at, strlen(at), "at.json", &in, &err),
				   err, many_what[kind]);
		mfr_intake_free(in);
		in = (mfr_intake *)1;
		ck_assert_int_eq(mfr_intake_from_json(m, past, strlen(past), "past.json", &in,
						      &err), MFR_E_RANGE);
		ck_assert_ptr_null(in);
		/* Symptoms: the list is within the limit, "both" is not. */
		ck_assert_str_eq(mfr_error_path(err), kind == MANY_SYMPTOMS ? "symptoms[2048]"
				 : many_what[kind]);
		ck_assert_msg(strstr(mfr_error_message(err), "at most 4096"), "%s",
			      mfr_error_message(err));
		ck_assert_int_gt(mfr_error_line(err), 0);
		mfr_error_free(err);
		free(at);
		free(past);
	}

	/* Through the API, one past the limit. */
	mfr_intake *in = NULL;
	mfr_error *err = NULL;
	char key[16];

	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	for (int i = 0; i < MFR_INTAKE_MAX_ITEMS; i++) {
		snprintf(key, sizeof(key), "c%d", i);
		ck_assert_int_eq(mfr_intake_add_condition(in, key, NULL), MFR_OK);
	}
	ck_assert_int_eq(mfr_intake_add_condition(in, "c4096", &err), MFR_E_RANGE);
	ck_assert_msg(strstr(mfr_error_message(err), "at most 4096 conditions"), "%s",
		      mfr_error_message(err));
	ck_assert_uint_eq(mfr_intake_condition_count(in), MFR_INTAKE_MAX_ITEMS);
	mfr_error_free(err);
	err = NULL;
	/* Precautions and clearances too (p0 ... p4096 are global precautions). */
	for (int i = 0; i < MFR_INTAKE_MAX_ITEMS; i++) {
		snprintf(key, sizeof(key), "p%d", i);
		ck_assert_int_eq(mfr_intake_add_precaution(in, key, NULL, 0, NULL), MFR_OK);
		ck_assert_int_eq(mfr_intake_add_clearance(in, key, NULL), MFR_OK);
	}
	ck_assert_int_eq(mfr_intake_add_precaution(in, "p4096", NULL, 0, &err), MFR_E_RANGE);
	ck_assert_msg(strstr(mfr_error_message(err), "at most 4096 precautions"), "%s",
		      mfr_error_message(err));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_intake_add_clearance(in, "p4096", &err), MFR_E_RANGE);
	ck_assert_msg(strstr(mfr_error_message(err), "at most 4096 clearances"), "%s",
		      mfr_error_message(err));
	mfr_error_free(err);
	ck_assert_uint_eq(mfr_intake_precaution_count(in), MFR_INTAKE_MAX_ITEMS);
	ck_assert_uint_eq(mfr_intake_clearance_count(in), MFR_INTAKE_MAX_ITEMS);
	mfr_intake_free(in);
	mfr_model_free(m);
}
END_TEST

/* A document past MFR_INTAKE_MAX_BYTES is refused before it is parsed;
 * a file is read no further than one byte past the limit. */
START_TEST(limits_on_size_and_depth)
{
	size_t n = MFR_INTAKE_MAX_BYTES + 2;
	char *big = malloc(n);
	mfr_intake *in = (mfr_intake *)1;
	mfr_error *err = NULL;
	char path[4096];
	FILE *f;

	ck_assert_ptr_nonnull(big);
	memset(big, ' ', n);
	big[0] = '{';
	big[n - 1] = '}';
	ck_assert_int_eq(mfr_intake_from_json(model, big, n, "big.json", &in, &err),
			 MFR_E_RANGE);
	ck_assert_ptr_null(in);
	ck_assert_msg(strstr(mfr_error_message(err), "big.json: 1048578 bytes is past the "
			     "limit for an intake (1048576 bytes, 1 MiB)"), "%s",
		      mfr_error_message(err));
	mfr_error_free(err);
	err = NULL;
	/* At the limit it is parsed: an object of blanks, and a "}" past it. */
	ck_assert_int_eq(mfr_intake_from_json(model, big, n - 2, "big.json", &in, &err),
			 MFR_E_SYNTAX);
	mfr_error_free(err);
	err = NULL;

	snprintf(path, sizeof(path), "/tmp/libmfr-limits-intake-%ld.json", (long)getpid());
	f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(big, 1, n, f), n);
	ck_assert_uint_eq(fwrite(big, 1, n, f), n); /* 2 MiB: read only to 1 MiB + 1 */
	fclose(f);
	ck_assert_int_eq(mfr_intake_load_file(model, path, &in, &err), MFR_E_RANGE);
	remove(path);
	ck_assert_str_eq(mfr_error_source(err), path);
	ck_assert_msg(strstr(mfr_error_message(err), "more than 1048576 bytes is past the "
			     "limit for an intake"), "%s", mfr_error_message(err));
	mfr_error_free(err);
	err = NULL;
	free(big);

	/* Nesting: 32 levels are read (and fail as an intake), 33 are not. */
	char deep[128];
	int k;

	for (k = 0; k < 32; k++)
		deep[k] = '[';
	for (; k < 64; k++)
		deep[k] = ']';
	ck_assert_int_eq(mfr_intake_from_json(model, deep, 64, "deep.json", &in, &err),
			 MFR_E_TYPE);
	mfr_error_free(err);
	err = NULL;
	memmove(deep + 5, deep, 64);
	memcpy(deep, "{\"a\":", 5);
	deep[69] = '}';
	ck_assert_int_eq(mfr_intake_from_json(model, deep, 70, "deep.json", &in, &err),
			 MFR_E_RANGE);
	ck_assert_int_eq(mfr_error_line(err), 1);
	ck_assert_int_eq(mfr_error_column(err), 37);
	ck_assert_int_eq(mfr_error_offset(err), 36);
	ck_assert_msg(strstr(mfr_error_message(err), "deep.json:1:37: arrays and objects nest "
			     "33 levels deep here, past the limit of 32"), "%s",
		      mfr_error_message(err));
	mfr_error_free(err);
}
END_TEST

Suite *mfr_test_intake_suite(void)
{
	Suite *s = suite_create("intake");
	TCase *tc = tcase_create("intake");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, api_builds_and_reads_back);
	tcase_add_test(tc, api_rejects);
	tcase_add_test(tc, json_reads_the_documented_example);
	tcase_add_test(tc, long_names_stay_utf8);
	tcase_add_test(tc, byte_order_mark);
	tcase_add_test(tc, segments_of_the_default_model);
	tcase_add_test(tc, segments_add_symptoms);
	tcase_add_test(tc, segments_in_json);
	suite_add_tcase(s, tc);

	tc = tcase_create("long-lists");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, repeats_in_long_lists);
	suite_add_tcase(s, tc);

	tc = tcase_create("limits");
	tcase_set_timeout(tc, 120);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, limits_per_intake);
	tcase_add_test(tc, limits_on_size_and_depth);
	suite_add_tcase(s, tc);
	return s;
}
