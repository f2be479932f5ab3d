/*
 * libmfr unit tests: the audit trail (issue 12, point 1): the model's
 * content hash, the intake's id and extensions (API, JSON, round trip),
 * and the audit members of every trace, plan and program document.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* FNV-1a 64, written here apart from the library's. */
static unsigned long long fnv(const char *s)
{
	unsigned long long h = 0xcbf29ce484222325ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ull;
	}
	return h;
}

static void assert_hash_of_export(const mfr_model *m)
{
	char *text = NULL, want[32];

	mfr_test_assert_ok(mfr_model_to_json(m, 0, NULL, MFR_JSON_COMPACT, &text, NULL), NULL,
			   "export");
	snprintf(want, sizeof(want), "fnv1a64:%016llx", fnv(text));
	ck_assert_str_eq(mfr_model_content_hash(m), want);
	mfr_free(text);
}

START_TEST(content_hash_is_fnv1a_of_the_compact_export)
{
	mfr_model *def = NULL, *loaded = NULL, *minimal;
	size_t size;
	const char *text = mfr_model_default_text(&size);

	ck_assert_int_eq(mfr_model_default(&def, NULL), MFR_OK);
	assert_hash_of_export(def);
	/* The built-in model (generated at build time) and the same file loaded
	 * at run time have one content, so one hash. */
	mfr_test_assert_ok(mfr_model_load_buffer(text, size, "default", &loaded, NULL), NULL,
			   "load");
	ck_assert_str_eq(mfr_model_content_hash(def), mfr_model_content_hash(loaded));
	minimal = mfr_test_load_model("minimal.json");
	assert_hash_of_export(minimal);
	ck_assert_str_ne(mfr_model_content_hash(def), mfr_model_content_hash(minimal));
	ck_assert_ptr_null(mfr_model_content_hash(NULL));
	mfr_model_free(minimal);
	mfr_model_free(loaded);
	mfr_model_free(def);
}
END_TEST

static mfr_model *model;
static mfr_intake *intake;

static void setup(void)
{
	ck_assert_int_eq(mfr_model_default(&model, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_new(model, &intake), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(intake, "heel", MFR_SIDE_LEFT, 6,
						 MFR_ONSET_CHRONIC, NULL), MFR_OK);
}

static void teardown(void)
{
	mfr_intake_free(intake);
	mfr_model_free(model);
	intake = NULL;
	model = NULL;
}

/* @p call (using &err) fails with @p want and a message holding @p part. */
#define FAILS(call, want, part)                                        \
	do {                                                           \
		mfr_status_t st_;                                      \
		err = NULL;                                            \
		st_ = (call);                                          \
		assert_fails(st_, err, (want), (part));                \
		err = NULL;                                            \
	} while (0)

/* The failure of @p st with @p err: its status, and a message holding @p part. */
static void assert_fails(mfr_status_t st, mfr_error *err, mfr_status_t want, const char *part)
{
	ck_assert_int_eq(st, want);
	ck_assert_ptr_nonnull(err);
	ck_assert_msg(strstr(mfr_error_message(err), part), "no \"%s\" in \"%s\"", part,
		      mfr_error_message(err));
	mfr_error_free(err);
}

START_TEST(id_is_set_checked_and_cleared)
{
	mfr_error *err = NULL;
	char *long_id = mfr_test_repeat("\xc3\xa9", MFR_NAME_MAX_LENGTH + 1);

	ck_assert_ptr_null(mfr_intake_id(intake));
	ck_assert_int_eq(mfr_intake_set_id(intake, "clinic-7/\xc3\xa9", &err), MFR_OK);
	ck_assert_str_eq(mfr_intake_id(intake), "clinic-7/\xc3\xa9");
	/* Each rejected id leaves the one before. */
	FAILS(mfr_intake_set_id(intake, "", &err), MFR_E_RANGE, "the id is empty");
	FAILS(mfr_intake_set_id(intake, "a\nb", &err), MFR_E_RANGE,
		     "control character (byte 1)");
	FAILS(mfr_intake_set_id(intake, "a\xff", &err), MFR_E_RANGE,
		     "not valid UTF-8 (byte 1)");
	FAILS(mfr_intake_set_id(intake, long_id, &err), MFR_E_RANGE,
		     "1001 characters");
	ck_assert_str_eq(mfr_intake_id(intake), "clinic-7/\xc3\xa9");
	long_id[2 * MFR_NAME_MAX_LENGTH] = '\0';
	ck_assert_int_eq(mfr_intake_set_id(intake, long_id, NULL), MFR_OK);
	free(long_id);
	/* The error rule: a *err already set is MFR_E_INVALID, nothing done. */
	err = (mfr_error *)1;
	ck_assert_int_eq(mfr_intake_set_id(intake, "x", &err), MFR_E_INVALID);
	ck_assert_ptr_eq(err, (mfr_error *)1);
	ck_assert_int_eq(mfr_intake_set_id(NULL, "x", NULL), MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_set_id(intake, NULL, NULL), MFR_OK);
	ck_assert_ptr_null(mfr_intake_id(intake));
	ck_assert_ptr_null(mfr_intake_id(NULL));
}
END_TEST

START_TEST(extensions_pass_through_token_for_token)
{
	mfr_error *err = NULL;

	ck_assert_ptr_null(mfr_intake_extensions(intake));
	/* Whitespace between tokens goes; every token stays as written: a
	 * number's form, an escape, the members' order. */
	ck_assert_int_eq(mfr_intake_set_extensions(intake, " {\"z\" : [1.50, 2e3, \"\\u00e9 \\/\"],\n"
						   "\t\"a\": {}, \"b\": [] } ", &err), MFR_OK);
	ck_assert_str_eq(mfr_intake_extensions(intake),
			 "{\"z\":[1.50,2e3,\"\\u00e9 \\/\"],\"a\":{},\"b\":[]}");
	/* Not an object, malformed, too deep: refused, the old ones kept. */
	FAILS(mfr_intake_set_extensions(intake, "[1]", &err), MFR_E_TYPE,
		     "extensions must be a JSON object");
	FAILS(mfr_intake_set_extensions(intake, "{\"a\": }", &err), MFR_E_SYNTAX,
		     "<extensions>:1:");
	err = NULL;
	char *deep = mfr_test_repeat("[", MFR_JSON_MAX_DEPTH);
	char *doc = malloc(strlen(deep) + 8);

	sprintf(doc, "{\"d\": %s", deep + 1);
	FAILS(mfr_intake_set_extensions(intake, doc, &err), MFR_E_RANGE,
		     "nested deeper than 31 levels");
	free(doc);
	free(deep);
	FAILS(mfr_intake_set_extensions(intake, "{\"a\": 1, \"a\": 2}", &err), MFR_E_SYNTAX, "duplicate");
	ck_assert_str_eq(mfr_intake_extensions(intake),
			 "{\"z\":[1.50,2e3,\"\\u00e9 \\/\"],\"a\":{},\"b\":[]}");
	ck_assert_int_eq(mfr_intake_set_extensions(NULL, "{}", NULL), MFR_E_INVALID);
	ck_assert_int_eq(mfr_intake_set_extensions(intake, NULL, NULL), MFR_OK);
	ck_assert_ptr_null(mfr_intake_extensions(intake));
}
END_TEST

static mfr_intake *read_intake(const char *json, mfr_error **err)
{
	mfr_intake *in = NULL;

	mfr_intake_from_json(model, json, strlen(json), "c.json", &in, err);
	return in;
}

static void assert_read_fails(const char *json, mfr_status_t want, const char *path,
			      const char *part)
{
	mfr_error *err = NULL;
	mfr_intake *in = read_intake(json, &err);

	ck_assert_ptr_null(in);
	ck_assert_str_eq(mfr_test_str(mfr_error_path(err)), path);
	assert_fails(mfr_error_status(err), err, want, part);
}

START_TEST(intake_json_reads_and_writes_id_and_extensions)
{
	static const char doc[] =
		"{\"id\": \"rec-42\", \"symptoms\": [{\"region\": \"heel\", \"side\": \"left\"}],\n"
		" \"extensions\": {\"ehr\": {\"encounter\": \"E-9\", \"score\": 1.50}}}";
	mfr_error *err = NULL;
	mfr_intake *in = read_intake(doc, &err), *again;
	char *text = NULL, *text2 = NULL;

	mfr_test_assert_ok(in ? MFR_OK : MFR_E_INVALID, err, "read");
	ck_assert_str_eq(mfr_intake_id(in), "rec-42");
	ck_assert_str_eq(mfr_intake_extensions(in), "{\"ehr\":{\"encounter\":\"E-9\",\"score\":1.50}}");
	/* Written back (first and last) and read again: the same intake. */
	ck_assert_int_eq(mfr_intake_to_json(in, MFR_JSON_COMPACT, &text, NULL), MFR_OK);
	ck_assert_msg(strncmp(text, "{\"id\":\"rec-42\",\"symptoms\"", 25) == 0, "%s", text);
	ck_assert_ptr_nonnull(strstr(text, ",\"extensions\":{\"ehr\":{\"encounter\":\"E-9\","
				     "\"score\":1.50}}}"));
	again = read_intake(text, NULL);
	ck_assert_ptr_nonnull(again);
	ck_assert_int_eq(mfr_intake_to_json(again, MFR_JSON_COMPACT, &text2, NULL), MFR_OK);
	ck_assert_str_eq(text, text2);
	mfr_free(text2);
	mfr_free(text);
	/* Indented, the extensions are indented as the rest. */
	ck_assert_int_eq(mfr_intake_to_json(in, 0, &text, NULL), MFR_OK);
	ck_assert_ptr_nonnull(strstr(text, "  \"extensions\": {\n    \"ehr\": {\n      "
				     "\"encounter\": \"E-9\",\n      \"score\": 1.50\n    }\n  }\n}"));
	mfr_free(text);
	mfr_intake_free(again);
	mfr_intake_free(in);

	assert_read_fails("{\"id\": 7}", MFR_E_TYPE, "id", "a string");
	assert_read_fails("{\"id\": \"\"}", MFR_E_RANGE, "id", "the id is empty");
	assert_read_fails("{\"extensions\": [1]}", MFR_E_TYPE, "extensions", "an object");
	/* Unknown members elsewhere are still errors: extensions is the place. */
	assert_read_fails("{\"symptoms\": [], \"ehr\": {}}", MFR_E_UNKNOWN, "",
			  "unknown member");
	assert_read_fails("{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", "
			  "\"extensions\": {}}]}", MFR_E_UNKNOWN, "symptoms[0]",
			  "unknown member");
}
END_TEST

/* The audit members of document @p text: checked against the model and
 * intake, and the extensions parsed back. */
static void assert_audit(const char *text, const char *id, const char *ext)
{
	json_error_t je;
	json_t *doc = json_loads(text, 0, &je), *audit, *m;

	ck_assert_msg(doc != NULL, "%s", je.text);
	audit = json_object_get(doc, "audit");
	ck_assert_ptr_nonnull(audit);
	ck_assert_str_eq(json_string_value(json_object_get(audit, "libmfr_version")),
			 mfr_version());
	m = json_object_get(audit, "model");
	ck_assert_str_eq(json_string_value(json_object_get(m, "name")), mfr_model_name(model));
	ck_assert_str_eq(json_string_value(json_object_get(m, "version")),
			 mfr_model_version(model));
	ck_assert_str_eq(json_string_value(json_object_get(m, "content_hash")),
			 mfr_model_content_hash(model));
	if (id)
		ck_assert_str_eq(json_string_value(json_object_get(audit, "intake_id")), id);
	else
		ck_assert_ptr_null(json_object_get(audit, "intake_id"));
	if (ext) {
		json_t *want = json_loads(ext, 0, NULL);

		ck_assert(json_equal(json_object_get(doc, "extensions"), want));
		json_decref(want);
	} else {
		ck_assert_ptr_null(json_object_get(doc, "extensions"));
	}
	json_decref(doc);
}

START_TEST(every_document_carries_the_audit_trail)
{
	static const char ext[] = "{\"ehr\": {\"encounter\": [\"E-9\", 2]}, \"empty\": []}";
	mfr_trace *t = NULL;
	mfr_plan *p = NULL;
	mfr_program *pg = NULL;
	char *text = NULL;

	for (int with = 0; with < 2; with++) {
		if (with) {
			ck_assert_int_eq(mfr_intake_set_id(intake, "rec \"42\"", NULL), MFR_OK);
			ck_assert_int_eq(mfr_intake_set_extensions(intake, ext, NULL), MFR_OK);
		}
		ck_assert_int_eq(mfr_trace_run(intake, NULL, &t, NULL), MFR_OK);
		ck_assert_int_eq(mfr_plan_run(intake, NULL, &p, NULL), MFR_OK);
		ck_assert_int_eq(mfr_program_run(intake, 2, 1, NULL, &pg, NULL), MFR_OK);
		/* A trace or a plan keeps its own copy: the intake may change. */
		ck_assert_int_eq(mfr_intake_set_id(intake, "changed", NULL), MFR_OK);
		ck_assert_int_eq(mfr_intake_set_extensions(intake, "{\"changed\": 1}", NULL),
				 MFR_OK);
		for (uint32_t flags = 0; flags <= MFR_JSON_COMPACT; flags++) {
			ck_assert_int_eq(mfr_trace_to_json(t, flags, &text, NULL), MFR_OK);
			assert_audit(text, with ? "rec \"42\"" : NULL, with ? ext : NULL);
			mfr_free(text);
			ck_assert_int_eq(mfr_plan_to_json(p, flags, &text, NULL), MFR_OK);
			assert_audit(text, with ? "rec \"42\"" : NULL, with ? ext : NULL);
			mfr_free(text);
			ck_assert_int_eq(mfr_program_to_json(pg, flags, &text, NULL), MFR_OK);
			assert_audit(text, with ? "rec \"42\"" : NULL, with ? ext : NULL);
			mfr_free(text);
		}
		mfr_program_free(pg);
		mfr_plan_free(p);
		mfr_trace_free(t);
		ck_assert_int_eq(mfr_intake_set_id(intake, NULL, NULL), MFR_OK);
		ck_assert_int_eq(mfr_intake_set_extensions(intake, NULL, NULL), MFR_OK);
	}
}
END_TEST

Suite *mfr_test_audit_suite(void)
{
	Suite *s = suite_create("audit");
	TCase *tc = tcase_create("hash");

	tcase_add_test(tc, content_hash_is_fnv1a_of_the_compact_export);
	suite_add_tcase(s, tc);
	tc = tcase_create("intake");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, id_is_set_checked_and_cleared);
	tcase_add_test(tc, extensions_pass_through_token_for_token);
	tcase_add_test(tc, intake_json_reads_and_writes_id_and_extensions);
	tcase_add_test(tc, every_document_carries_the_audit_trail);
	suite_add_tcase(s, tc);
	return s;
}
