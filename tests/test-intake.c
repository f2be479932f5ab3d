/*
 * libmfr tests: intakes, built through the API and read from JSON; every
 * rejected input must say what and where, suggest keys, and change nothing.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "file.h"
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
	ck_assert_str_eq(mfr_region_key(mfr_intake_symptom_region(in, 0)), "heel");
	ck_assert_int_eq(mfr_intake_symptom_side(in, 0), MFR_SIDE_LEFT);
	ck_assert_int_eq(mfr_intake_symptom_intensity(in, 0), 7);
	ck_assert_int_eq(mfr_intake_symptom_onset(in, 0), MFR_ONSET_CHRONIC);
	ck_assert_int_eq(mfr_intake_symptom_side(in, 1), MFR_SIDE_MIDLINE);
	ck_assert_int_eq(mfr_intake_symptom_intensity(in, 2), -1);
	ck_assert_ptr_null(mfr_intake_symptom_region(in, 2));
	ck_assert_str_eq(mfr_condition_key(mfr_intake_condition_at(in, 0)), "plantar_fasciitis");
	ck_assert_uint_eq(mfr_intake_precaution_count(in), 2);
	ck_assert_str_eq(mfr_region_key(mfr_intake_precaution_region(in, 0)), "calf");
	ck_assert_int_eq(mfr_intake_precaution_side(in, 0), MFR_SIDE_RIGHT);
	ck_assert_ptr_null(mfr_intake_precaution_region(in, 1));
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
	mfr_intake_free(NULL);
	ck_assert_uint_eq(mfr_intake_symptom_count(NULL), 0);
	ck_assert_uint_eq(mfr_intake_minutes(NULL), 0);
	ck_assert_str_eq(mfr_onset_name(MFR_ONSET_CHRONIC), "chronic");
	ck_assert_ptr_null(mfr_onset_name(9));
}
END_TEST

/* Invalid JSON intakes: status, path and message for each. */
static const struct {
	const char *json;
	mfr_status status;
	const char *path;
	const char *fragment;
} invalid[] = {
	{ "{\"symptoms\": [", MFR_E_SYNTAX, "", "malformed JSON" },
	{ "[]", MFR_E_TYPE, "", "an intake is a JSON object" },
	{ "{\"symtoms\": []}", MFR_E_UNKNOWN, "", "did you mean \"symptoms\"" },
	{ "{\"symptoms\": [{\"region\": \"heal\", \"side\": \"left\"}]}", MFR_E_REFERENCE,
	  "symptoms[0].region", "did you mean \"heel\"" },
	{ "{\"symptoms\": [{\"region\": \"heel\"}]}", MFR_E_CONSTRAINT, "symptoms[0]",
	  "\"left\" or \"right\"" },
	{ "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"up\"}]}", MFR_E_UNKNOWN,
	  "symptoms[0].side", "unknown side" },
	{ "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 12}]}",
	  MFR_E_RANGE, "symptoms[0].intensity", "0 (none) to 10" },
	{ "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": "
	  "9223372036854775807}]}", MFR_E_RANGE, "symptoms[0].intensity",
	  "intensity 9223372036854775807 is out of range; use 0 (none) to 10" },
	{ "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": "
	  "-2147483649}]}", MFR_E_RANGE, "symptoms[0].intensity", "intensity -2147483649 is" },
	{ "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": \"7\"}]}",
	  MFR_E_TYPE, "symptoms[0].intensity", "whole number" },
	{ "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"onset\": \"slow\"}]}",
	  MFR_E_UNKNOWN, "symptoms[0].onset", "acute" },
	{ "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"both\"}, {\"region\": \"heel\", "
	  "\"side\": \"left\"}]}", MFR_E_DUPLICATE, "symptoms[1].side", "already" },
	{ "{\"symptoms\": [{\"side\": \"left\"}]}", MFR_E_MISSING, "symptoms[0]", "\"region\"" },
	{ "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"pain\": 3}]}",
	  MFR_E_UNKNOWN, "symptoms[0]", "unknown member \"pain\"" },
	{ "{\"conditions\": [\"plantar_fascitis\"]}", MFR_E_REFERENCE, "conditions[0]",
	  "plantar_fasciitis" },
	{ "{\"conditions\": [7]}", MFR_E_TYPE, "conditions[0]", "a key" },
	{ "{\"precautions\": [\"open_wound\"]}", MFR_E_CONSTRAINT, "precautions[0]",
	  "say where" },
	{ "{\"precautions\": [{\"key\": \"open_wound\", \"region\": \"calff\", \"side\": \"left\"}]}",
	  MFR_E_REFERENCE, "precautions[0].region", "did you mean \"calf\"" },
	{ "{\"precautions\": [{\"key\": \"fever\", \"region\": \"calf\", \"side\": \"left\"}]}",
	  MFR_E_CONSTRAINT, "precautions[0]", "whole client" },
	{ "{\"clearances\": [\"fevr\"]}", MFR_E_REFERENCE, "clearances[0]", "did you mean \"fever\"" },
	{ "{\"session_minutes\": 500}", MFR_E_RANGE, "session_minutes", "10 to 180" },
	{ "{\"session_minutes\": 60.5}", MFR_E_TYPE, "session_minutes", "whole number" },
	{ "{\"positions\": []}", MFR_E_RANGE, "positions", "at least 1" },
	{ "{\"positions\": [\"upside_down\"]}", MFR_E_UNKNOWN, "positions[0]", "prone" },
	{ "{\"positions\": [\"prone\", \"prone\"]}", MFR_E_DUPLICATE, "positions[1]", "twice" },
};

START_TEST(json_rejects)
{
	const char *json = invalid[_i].json;
	mfr_intake *in = (mfr_intake *)1;
	mfr_error *err = NULL;
	mfr_status st = mfr_intake_from_json(model, json, strlen(json), "case.json", &in, &err);

	ck_assert_msg(st == invalid[_i].status, "%s: status %s, wanted %s", json,
		      mfr_status_name(st), mfr_status_name(invalid[_i].status));
	ck_assert_ptr_null(in);
	ck_assert_str_eq(mfr_error_path(err), invalid[_i].path);
	ck_assert_str_eq(mfr_error_source(err), "case.json");
	ck_assert_msg(strstr(mfr_error_message(err), invalid[_i].fragment), "%s: '%s' lacks '%s'",
		      json, mfr_error_message(err), invalid[_i].fragment);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "case.json"));
	mfr_error_free(err);
}
END_TEST

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
	ck_assert_int_eq(mfr_intake_symptom_intensity(in, 1), MFR_INTAKE_DEFAULT_INTENSITY);
	ck_assert_int_eq(mfr_intake_symptom_side(in, 2), MFR_SIDE_RIGHT);
	ck_assert_uint_eq(mfr_intake_positions(in), MFR_POSITION_PRONE | MFR_POSITION_SUPINE);
	ck_assert_uint_eq(mfr_intake_precaution_count(in), 2);
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
	ck_assert_str_eq(mfr_error_path(err), "");
	ck_assert_msg(mfr_test_utf8_valid(mfr_error_message(err)), "%s", mfr_error_message(err));
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "long.json: (top level): "
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

/* ---- size regression: many symptoms ------------------------------------- */

/* A model of @p n bilateral areas a0..a(n-1), and an intake with a symptom
 * on both sides of each. */
typedef struct many {
	mfr_model *model;
	char *intake;
	size_t size;
} many;

static void many_make(many *x, int n)
{
	mfr_test_buf b = { NULL, 0, 0 };
	mfr_error *err = NULL;

	mfr_test_buf_add(&b, "{\"format\": \"libmfr-model\", \"format_version\": 1, "
			 "\"name\": \"many\", \"model_version\": \"1\", "
			 "\"sources\": [{\"key\": \"s\", \"citation\": \"c\"}], \"regions\": [");
	for (int i = 0; i < n; i++)
		mfr_test_buf_add(&b, "%s{\"key\": \"a%d\", \"name\": \"a\", \"kind\": \"area\", "
				 "\"laterality\": \"bilateral\", \"positions\": [\"prone\"], "
				 "\"depth\": \"superficial\", \"sources\": [\"s\"]}", i ? "," : "", i);
	mfr_test_buf_add(&b, "], \"lines\": [], \"referrals\": [], \"techniques\": [], "
			 "\"conditions\": [], \"precautions\": []}");
	x->model = NULL;
	mfr_test_assert_ok(mfr_model_load_buffer(b.data, b.len, "many.json", &x->model, &err),
			   err, "many.json");
	b.len = 0;
	mfr_test_buf_add(&b, "{\"symptoms\": [");
	for (int i = 0; i < n; i++)
		mfr_test_buf_add(&b, "%s{\"region\": \"a%d\", \"side\": \"both\"}", i ? "," : "", i);
	mfr_test_buf_add(&b, "]}");
	x->intake = b.data;
	x->size = b.len;
}

static void many_read(void *ctx)
{
	many *x = ctx;
	mfr_intake *in = NULL;
	mfr_error *err = NULL;

	mfr_test_assert_ok(mfr_intake_from_json(x->model, x->intake, x->size, "many", &in, &err),
			   err, "many symptoms");
	mfr_intake_free(in);
}

/* Reading an intake costs about linear time in its symptoms: 8 times as
 * many may take about 8 times as long, never the 64 times of the old scan
 * for repeats (100,000 symptoms took 3.7 s). */
START_TEST(many_symptoms_scale_linearly)
{
	int base = mfr_test_scaling_base(4000);
	many small, large;

	many_make(&small, base);
	many_make(&large, base * 8);
	double ts = mfr_test_cpu_time(many_read, &small, 3);
	double tl = mfr_test_cpu_time(many_read, &large, 2);

	ck_assert_msg(tl < 16 * ts + 0.002, "%d symptoms took %.4f s, %d took %.4f s "
		      "(%.1f times as long)", 2 * base, ts, 16 * base, tl, tl / ts);
	/* And a repeat among them is still found, at its place. */
	mfr_intake *in = (mfr_intake *)1;
	mfr_error *err = NULL;
	static const char rep[] = "{\"symptoms\": [{\"region\": \"a1\", \"side\": \"left\"}, "
		"{\"region\": \"a2\", \"side\": \"both\"}, {\"region\": \"a1\", \"side\": \"left\"}]}";
	ck_assert_int_eq(mfr_intake_from_json(small.model, rep, sizeof(rep) - 1, "rep", &in, &err),
			 MFR_E_DUPLICATE);
	ck_assert_ptr_null(in);
	ck_assert_str_eq(mfr_error_path(err), "symptoms[2].side");
	mfr_error_free(err);
	free(small.intake);
	free(large.intake);
	mfr_model_free(small.model);
	mfr_model_free(large.model);
}
END_TEST

Suite *mfr_test_intake_suite(void)
{
	Suite *s = suite_create("intake");
	TCase *tc = tcase_create("intake");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, api_builds_and_reads_back);
	tcase_add_test(tc, api_rejects);
	tcase_add_loop_test(tc, json_rejects, 0, (int)(sizeof(invalid) / sizeof(invalid[0])));
	tcase_add_test(tc, json_reads_the_documented_example);
	tcase_add_test(tc, long_names_stay_utf8);
	tcase_add_test(tc, byte_order_mark);
	suite_add_tcase(s, tc);

	tc = tcase_create("scaling");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, many_symptoms_scale_linearly);
	suite_add_tcase(s, tc);
	return s;
}
