/*
 * libmfr unit tests: the output layer (mfr/output.h; issue 12, point 2):
 * format names, every object in every format it takes, to memory and to a
 * stream, the error rule, and the content of the text, SOAP and FHIR
 * formats.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "util.h"

static mfr_test_run run;

static const char intake_json[] =
	"{\"id\": \"rec-42\", \"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", "
	"\"intensity\": 6}, {\"region\": \"jaw\", \"side\": \"left\", \"intensity\": 5}],"
	"\"conditions\": [\"plantar_fasciitis\"], \"precautions\": [\"anticoagulant_therapy\"],"
	"\"scopes\": [\"intra_oral\"], \"session_minutes\": 45,"
	"\"extensions\": {\"ehr\": {\"encounter\": \"E-9\"}}}";

static void setup(void)
{
	mfr_test_run_make(&run, intake_json, 3, 2);
}

static void teardown(void)
{
	mfr_test_run_free(&run);
}

START_TEST(format_names_round_trip)
{
	mfr_format_t f;

	for (int v = 1; mfr_format_name((mfr_format_t)v); v++) {
		ck_assert_int_eq(mfr_format_parse(mfr_format_name((mfr_format_t)v), &f), MFR_OK);
		ck_assert_int_eq(f, v);
	}
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_JSON), "json");
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_TEXT), "text");
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_SOAP), "soap");
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_FHIR), "fhir");
	ck_assert_int_eq(MFR_FORMAT_FHIR, 4);
	ck_assert_ptr_null(mfr_format_name(0));
	ck_assert_ptr_null(mfr_format_name(MFR_FORMAT__MAX));
	ck_assert_int_eq(mfr_format_parse("JSON", &f), MFR_E_UNKNOWN);
	ck_assert_int_eq(mfr_format_parse(NULL, &f), MFR_E_INVALID);
	ck_assert_int_eq(mfr_format_parse("json", NULL), MFR_E_INVALID);
}
END_TEST

/* Write @p what in @p f both ways: to memory and to a stream, the same
 * bytes; returns the text (mfr_free()). */
static char *both_ways(int what, mfr_format_t f, uint32_t flags)
{
	char *text = NULL, *from_file;
	size_t len = 99, flen;
	mfr_error *err = NULL;
	FILE *tmp = tmpfile();
	mfr_status_t st, fst;

	ck_assert_ptr_nonnull(tmp);
	if (what == 0) {
		st = mfr_plan_write(run.plan, f, flags, &text, &len, &err);
		fst = mfr_plan_write_file(run.plan, f, flags, tmp, NULL);
	} else if (what == 1) {
		st = mfr_program_write(run.program, f, flags, &text, &len, &err);
		fst = mfr_program_write_file(run.program, f, flags, tmp, NULL);
	} else {
		st = mfr_trace_write(run.trace, f, flags, &text, &len, &err);
		fst = mfr_trace_write_file(run.trace, f, flags, tmp, NULL);
	}
	mfr_test_assert_ok(st, err, "write");
	ck_assert_int_eq(fst, MFR_OK);
	ck_assert_uint_eq(len, strlen(text));
	ck_assert_uint_eq(ftell(tmp), len);
	rewind(tmp);
	from_file = malloc(len + 1);
	flen = fread(from_file, 1, len + 1, tmp);
	ck_assert_uint_eq(flen, len);
	ck_assert(memcmp(from_file, text, len) == 0);
	free(from_file);
	fclose(tmp);
	return text;
}

START_TEST(json_is_the_json_document)
{
	for (uint32_t flags = 0; flags <= MFR_JSON_COMPACT; flags++) {
		char *want = NULL, *got;

		ck_assert_int_eq(mfr_plan_to_json(run.plan, flags, &want, NULL), MFR_OK);
		got = both_ways(0, MFR_FORMAT_JSON, flags);
		ck_assert_str_eq(got, want);
		mfr_free(got);
		mfr_free(want);
		ck_assert_int_eq(mfr_program_to_json(run.program, flags, &want, NULL), MFR_OK);
		got = both_ways(1, MFR_FORMAT_JSON, flags);
		ck_assert_str_eq(got, want);
		mfr_free(got);
		mfr_free(want);
		ck_assert_int_eq(mfr_trace_to_json(run.trace, flags, &want, NULL), MFR_OK);
		got = both_ways(2, MFR_FORMAT_JSON, flags);
		ck_assert_str_eq(got, want);
		mfr_free(got);
		mfr_free(want);
	}
}
END_TEST

START_TEST(text_of_a_plan_says_every_step_warning_and_aftercare)
{
	char *text = both_ways(0, MFR_FORMAT_TEXT, 0), line[64];
	const mfr_plan *p = run.plan;
	int internal = 0;
	const char *at = text;

	ck_assert_msg(strncmp(text, "Session plan. Decision support for licensed "
			      "therapists; not a diagnosis.\nstatus: ", 70) == 0, "%s", text);
	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++) {
		const mfr_plan_step *s = mfr_plan_step_at(p, i);

		ck_assert_ptr_nonnull(strstr(text, mfr_plan_step_rationale(s)));
		snprintf(line, sizeof(line), "\n%2u. %-10s ", i + 1,
			 mfr_position_name(mfr_plan_step_position(s)));
		ck_assert_msg(strstr(text, line), "no \"%s\"", line);
		if (mfr_plan_step_flags(s) & MFR_STEP_INTERNAL)
			internal++;
	}
	ck_assert_uint_gt(mfr_plan_warning_count(p), 0);
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++)
		ck_assert_ptr_nonnull(strstr(text, mfr_plan_warning_text(mfr_plan_warning_at(p, i))));
	for (uint32_t i = 0; i < mfr_plan_aftercare_count(p); i++)
		ck_assert_ptr_nonnull(strstr(text, mfr_aftercare_text(mfr_plan_aftercare_at(p, i))));
	/* Internal work under the declared scope is said on each of its steps. */
	while ((at = strstr(at, "internal work, under the declared scope and consent"))) {
		internal--;
		at++;
	}
	ck_assert_int_eq(internal, 0);
	mfr_free(text);
}
END_TEST

START_TEST(text_of_a_program_indents_each_session)
{
	char *text = both_ways(1, MFR_FORMAT_TEXT, 0);

	ck_assert_msg(strncmp(text, "Program: 3 sessions over 2 weeks. ", 34) == 0, "%s", text);
	ck_assert_ptr_nonnull(strstr(text, "\nSession 1, day 1 (reassess the client first)\n"
				     "  status: "));
	ck_assert_ptr_nonnull(strstr(text, "\nSession 3, day "));
	ck_assert_ptr_nonnull(strstr(text, "\n  Aftercare:\n  - "));
	mfr_free(text);
}
END_TEST

START_TEST(text_of_a_trace_ranks_each_result)
{
	char *text = both_ways(2, MFR_FORMAT_TEXT, 0), want[64];

	ck_assert_msg(strncmp(text, "Trace for: left heel (6/10), left jaw (5/10)\n", 45) == 0,
		      "%s", text);
	for (uint32_t i = 0; i < mfr_trace_result_count(run.trace); i++) {
		const mfr_trace_result *r = mfr_trace_result_at(run.trace, i);

		ck_assert_ptr_nonnull(strstr(text, mfr_trace_result_explain(r)));
		/* The score with three decimals and a '.', whatever the locale. */
		snprintf(want, sizeof(want), " %6.3f  %s\n", mfr_trace_result_score(r),
			 mfr_distance_name(mfr_trace_result_distance(r)));
		ck_assert_msg(strstr(text, want), "no \"%s\"", want);
	}
	mfr_free(text);
}
END_TEST

START_TEST(text_ends_with_the_audit_trail)
{
	char want[512];

	snprintf(want, sizeof(want), "\n\nAudit: libmfr %s; model \"%s\" %s (%s); intake id "
		 "\"rec-42\"\nExtensions: {\"ehr\":{\"encounter\":\"E-9\"}}\n", mfr_version(),
		 mfr_model_name(run.model), mfr_model_version(run.model),
		 mfr_model_content_hash(run.model));
	for (int what = 0; what < 3; what++) {
		char *text = both_ways(what, MFR_FORMAT_TEXT, 0);
		size_t n = strlen(text), w = strlen(want);

		ck_assert_msg(n > w && strcmp(text + n - w, want) == 0, "ends: %s",
			      text + (n > w ? n - w : 0));
		mfr_free(text);
	}
	/* Without an id or extensions, it says so. */
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	char *text = NULL;

	ck_assert_int_eq(mfr_intake_new(run.model, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 5, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_TEXT, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_msg(strstr(text, "); intake without an id\n") &&
		      !strstr(text, "Extensions:"), "%s", text);
	mfr_free(text);
	mfr_plan_free(p);
	mfr_intake_free(in);
}
END_TEST

START_TEST(soap_note_of_a_plan)
{
	char *text = both_ways(0, MFR_FORMAT_SOAP, 0), want[256];
	const mfr_plan *p = run.plan;
	uint32_t hands_on = 0;

	static const char head[] = "P (plan): myofascial release, one session. Decision "
				   "support";

	ck_assert_msg(strncmp(text, head, strlen(head)) == 0, "%s", text);
	ck_assert_ptr_nonnull(strstr(text, "\nModality: myofascial release, manual therapy; "
				     "CPT 97140 (\"manual therapy techniques, each 15 minutes\"; "
				     "the code is unverified"));
	/* No billing units: the sources give no rule for them. */
	ck_assert_ptr_null(strstr(text, "unit(s)"));
	ck_assert_ptr_null(strstr(text, "8-minute"));
	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++) {
		const mfr_plan_step *s = mfr_plan_step_at(p, i);

		hands_on += mfr_plan_step_seconds(s);
		snprintf(want, sizeof(want), "\n%2u. %s %s: %s, %s, ", i + 1,
			 mfr_side_name(mfr_plan_step_side(s)),
			 mfr_region_name(mfr_plan_step_region(s)),
			 mfr_technique_name(mfr_plan_step_technique(s)),
			 mfr_approach_name(mfr_plan_step_approach(s)));
		ck_assert_msg(strstr(text, want), "no \"%s\" in %s", want, text);
	}
	snprintf(want, sizeof(want), "\nTreatment time: %u min", hands_on / 60);
	ck_assert_msg(strstr(text, want), "no \"%s\"", want);
	/* Precautions kept are listed; warnings about time are not. */
	ck_assert_ptr_nonnull(strstr(text, "\nPrecautions observed:\n"));
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);
		int kept = mfr_plan_warning_kind(w) != MFR_WARNING_TIME &&
			   mfr_plan_warning_kind(w) != MFR_WARNING_UNREACHABLE &&
			   mfr_plan_warning_kind(w) != MFR_WARNING_NO_SITES;

		ck_assert_msg(!strstr(text, mfr_plan_warning_text(w)) == !kept, "%s",
			      mfr_plan_warning_code(w));
	}
	ck_assert_ptr_nonnull(strstr(text, "\nReassess: at the start of the next session, the "
				     "symptoms recorded at intake (left heel 6/10, left jaw 5/10)"));
	ck_assert_ptr_nonnull(strstr(text, "\nAudit: libmfr "));
	mfr_free(text);
}
END_TEST

START_TEST(soap_note_of_a_program)
{
	char *text = both_ways(1, MFR_FORMAT_SOAP, 0), want[64];

	ck_assert_msg(strncmp(text, "P (plan): myofascial release, 3 sessions over 2 weeks.",
			      54) == 0, "%s", text);
	ck_assert_ptr_nonnull(strstr(text, "\nFrequency and duration: sessions on days 1, "));
	ck_assert_ptr_nonnull(strstr(text, "\nReassess: at sessions 1"));
	for (uint32_t i = 0; i < mfr_program_session_count(run.program); i++) {
		const mfr_program_session *s = mfr_program_session_at(run.program, i);

		snprintf(want, sizeof(want), "\n- session %u, day %u: ", i + 1,
			 mfr_program_session_day(s) + 1);
		ck_assert_msg(strstr(text, want), "no \"%s\"", want);
		ck_assert_ptr_nonnull(strstr(text, mfr_program_session_focus(s)));
	}
	ck_assert_ptr_nonnull(strstr(text, "\nSession 1:\nStatus: "));
	mfr_free(text);
}
END_TEST

START_TEST(soap_note_of_a_refer_out_plan_has_no_modality)
{
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	char *text = NULL;

	ck_assert_int_eq(mfr_intake_new(run.model, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 5, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_precaution(in, "fever", NULL, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_status(p), MFR_PLAN_REFER_OUT);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_SOAP, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_ptr_nonnull(strstr(text, "\nStatus: REFER OUT: no myofascial release"));
	ck_assert_ptr_null(strstr(text, "Modality:"));
	ck_assert_ptr_null(strstr(text, "Interventions:"));
	ck_assert_ptr_nonnull(strstr(text, "Red flag: "));
	mfr_free(text);
	mfr_plan_free(p);
	mfr_intake_free(in);
}
END_TEST

START_TEST(a_trace_has_no_soap_note)
{
	char *text = (char *)1;
	mfr_error *err = NULL;

	ck_assert_int_eq(mfr_trace_write(run.trace, MFR_FORMAT_SOAP, 0, &text, NULL, &err),
			 MFR_E_CONSTRAINT);
	ck_assert_ptr_null(text);
	ck_assert_str_eq(mfr_error_message(err), "mfr_trace_write: a trace is not written as "
			 "soap; it is written as json or text");
	mfr_error_free(err);
}
END_TEST

/* The resources of a Bundle, and whether every reference in @p node is the
 * fullUrl of one of its entries. */
static int references_resolve(json_t *node, json_t *entries)
{
	const char *key;
	json_t *v;
	size_t i;

	if (json_is_array(node)) {
		json_array_foreach(node, i, v)
			if (!references_resolve(v, entries))
				return 0;
		return 1;
	}
	if (!json_is_object(node))
		return 1;
	json_object_foreach(node, key, v) {
		if (strcmp(key, "reference") == 0 && json_is_string(v)) {
			int found = 0;
			json_t *e;

			json_array_foreach(entries, i, e)
				found |= strcmp(json_string_value(json_object_get(e, "fullUrl")),
						json_string_value(v)) == 0;
			if (!found)
				return 0;
		} else if (!references_resolve(v, entries)) {
			return 0;
		}
	}
	return 1;
}

/* The type of entry @p i of @p bundle. */
static const char *type_at(json_t *bundle, size_t i)
{
	json_t *e = json_array_get(json_object_get(bundle, "entry"), i);

	return json_string_value(json_object_get(json_object_get(e, "resource"),
						 "resourceType"));
}

/* Parse @p text as a Bundle and check what every Bundle holds: a
 * collection of a Patient, @p conditions Conditions, a CarePlan and
 * @p requests ServiceRequests, every reference resolving inside it. */
static json_t *check_bundle(const char *text, uint32_t conditions, uint32_t requests)
{
	json_error_t jerr;
	json_t *b = json_loads(text, 0, &jerr), *entries;
	uint32_t n = 0;

	ck_assert_msg(b != NULL, "not JSON: %s", jerr.text);
	ck_assert_str_eq(json_string_value(json_object_get(b, "resourceType")), "Bundle");
	ck_assert_str_eq(json_string_value(json_object_get(b, "type")), "collection");
	entries = json_object_get(b, "entry");
	ck_assert_uint_eq(json_array_size(entries), 2 + conditions + requests);
	ck_assert_str_eq(type_at(b, n++), "Patient");
	for (uint32_t i = 0; i < conditions; i++)
		ck_assert_str_eq(type_at(b, n++), "Condition");
	ck_assert_str_eq(type_at(b, n++), "CarePlan");
	for (uint32_t i = 0; i < requests; i++)
		ck_assert_str_eq(type_at(b, n++), "ServiceRequest");
	ck_assert_msg(references_resolve(b, entries), "a reference resolves to no entry");
	return b;
}

START_TEST(fhir_bundle_of_a_plan)
{
	char *text = both_ways(0, MFR_FORMAT_FHIR, 0), *compact = NULL, *again = NULL;
	const mfr_plan *p = run.plan;
	uint32_t steps = mfr_plan_step_count(p);
	json_t *b = check_bundle(text, 1, steps), *c, *care, *req, *tags;

	ck_assert_uint_gt(steps, 0);
	/* The audit trail: the library, the model and the intake's id. */
	tags = json_object_get(json_object_get(b, "meta"), "tag");
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(tags, 0), "version")),
			 mfr_version());
	ck_assert_str_eq(json_string_value(json_object_get(json_array_get(tags, 1), "code")),
			 mfr_model_content_hash(run.model));
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(b, "identifier"),
							   "value")), "rec-42");
	/* The condition, unconfirmed: libmfr does not diagnose. */
	c = json_object_get(json_array_get(json_object_get(b, "entry"), 1), "resource");
	ck_assert_ptr_nonnull(strstr(text, "\"code\": \"unconfirmed\""));
	ck_assert_str_eq(json_string_value(json_object_get(json_object_get(c, "code"), "text")),
			 "Plantar fasciitis or foot pain");
	care = json_object_get(json_array_get(json_object_get(b, "entry"), 2), "resource");
	ck_assert_str_eq(json_string_value(json_object_get(care, "status")), "draft");
	ck_assert_str_eq(json_string_value(json_object_get(care, "intent")), "proposal");
	ck_assert_uint_eq(json_array_size(json_object_get(care, "activity")), steps);
	/* Each step's request: its site with its side, its time, CPT unverified. */
	for (uint32_t i = 0; i < steps; i++) {
		const mfr_plan_step *s = mfr_plan_step_at(p, i);
		json_t *site, *repeat;
		char want[160];

		req = json_object_get(json_array_get(json_object_get(b, "entry"), 3 + i),
				      "resource");
		ck_assert_str_eq(json_string_value(json_object_get(req, "status")), "draft");
		site = json_array_get(json_object_get(req, "bodySite"), 0);
		if (mfr_plan_step_side(s) == MFR_SIDE_MIDLINE)
			snprintf(want, sizeof(want), "%s", mfr_region_name(mfr_plan_step_region(s)));
		else
			snprintf(want, sizeof(want), "%s %s", mfr_side_name(mfr_plan_step_side(s)),
				 mfr_region_name(mfr_plan_step_region(s)));
		ck_assert_str_eq(json_string_value(json_object_get(site, "text")), want);
		ck_assert(!json_object_get(site, "coding") ==
			  !mfr_region_snomed(mfr_plan_step_region(s)));
		repeat = json_object_get(json_object_get(req, "occurrenceTiming"), "repeat");
		ck_assert_int_eq(json_integer_value(json_object_get(repeat, "duration")),
				 mfr_plan_step_seconds(s));
		ck_assert_ptr_nonnull(strstr(json_string_value(json_object_get(json_array_get(
			json_object_get(req, "note"), 1), "text")), "unverified"));
	}
	/* Compact: the same document; and the same bytes every time. */
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_FHIR, MFR_JSON_COMPACT, &compact, NULL,
					NULL), MFR_OK);
	ck_assert_ptr_null(strchr(compact, '\n'));
	c = json_loads(compact, 0, NULL);
	ck_assert(json_equal(c, b));
	json_decref(c);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_FHIR, 0, &again, NULL, NULL), MFR_OK);
	ck_assert_str_eq(again, text);
	json_decref(b);
	mfr_free(again);
	mfr_free(compact);
	mfr_free(text);
}
END_TEST

START_TEST(fhir_bundle_of_a_program)
{
	char *text = both_ways(1, MFR_FORMAT_FHIR, 0);
	uint32_t steps = 0;
	json_t *b;

	for (uint32_t i = 0; i < mfr_program_session_count(run.program); i++)
		steps += mfr_plan_step_count(mfr_program_session_plan(
			mfr_program_session_at(run.program, i)));
	b = check_bundle(text, 1, steps);
	ck_assert_ptr_nonnull(strstr(text, "\"title\": \"Myofascial release: 3 sessions over "
				     "2 weeks\""));
	ck_assert_ptr_nonnull(strstr(text, "\"text\": \"Session 3, day "));
	json_decref(b);
	mfr_free(text);
}
END_TEST

START_TEST(fhir_bundle_of_a_refer_out_plan_has_no_request)
{
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	char *text = NULL;
	json_t *b;

	ck_assert_int_eq(mfr_intake_new(run.model, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 5, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_precaution(in, "fever", NULL, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_status(p), MFR_PLAN_REFER_OUT);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_FHIR, 0, &text, NULL, NULL), MFR_OK);
	b = check_bundle(text, 0, 0);
	ck_assert_ptr_nonnull(strstr(text, "\"text\": \"Status: REFER OUT: no myofascial "
				     "release"));
	ck_assert_ptr_null(strstr(text, "\"activity\""));
	ck_assert_ptr_null(strstr(text, "\"identifier\""));
	json_decref(b);
	mfr_free(text);
	mfr_plan_free(p);
	mfr_intake_free(in);
}
END_TEST

START_TEST(a_trace_has_no_fhir_bundle)
{
	char *text = (char *)1;
	mfr_error *err = NULL;

	ck_assert_int_eq(mfr_trace_write(run.trace, MFR_FORMAT_FHIR, 0, &text, NULL, &err),
			 MFR_E_CONSTRAINT);
	ck_assert_ptr_null(text);
	ck_assert_str_eq(mfr_error_message(err), "mfr_trace_write: a trace is not written as "
			 "fhir; it is written as json or text");
	mfr_error_free(err);
	/* FHIR takes the JSON flag and no other. */
	ck_assert_int_eq(mfr_plan_write(run.plan, MFR_FORMAT_FHIR, 0x8, &text, NULL, NULL),
			 MFR_E_INVALID);
}
END_TEST

START_TEST(bad_arguments_write_nothing)
{
	char *text = (char *)1;
	size_t len = 7;
	mfr_error *err = NULL;

	/* Not a format. */
	ck_assert_int_eq(mfr_plan_write(run.plan, 0, 0, &text, &len, &err), MFR_E_UNKNOWN);
	ck_assert_ptr_null(text);
	ck_assert_uint_eq(len, 0);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "is written as json, text, soap or fhir"));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_trace_write(run.trace, (mfr_format_t)99, 0, &text, NULL, NULL),
			 MFR_E_UNKNOWN);
	/* A flag the format does not take. */
	ck_assert_int_eq(mfr_plan_write(run.plan, MFR_FORMAT_TEXT, MFR_JSON_COMPACT, &text,
					NULL, &err), MFR_E_INVALID);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "only the JSON formats take a flag"));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_plan_write(run.plan, MFR_FORMAT_JSON, 0x8, &text, NULL, NULL),
			 MFR_E_INVALID);
	/* NULL objects and outputs. */
	ck_assert_int_eq(mfr_plan_write(NULL, MFR_FORMAT_JSON, 0, &text, NULL, NULL),
			 MFR_E_INVALID);
	ck_assert_int_eq(mfr_program_write(run.program, MFR_FORMAT_JSON, 0, NULL, NULL, NULL),
			 MFR_E_INVALID);
	ck_assert_int_eq(mfr_trace_write_file(run.trace, MFR_FORMAT_TEXT, 0, NULL, NULL),
			 MFR_E_INVALID);
	ck_assert_int_eq(mfr_program_write_file(NULL, MFR_FORMAT_TEXT, 0, stdout, NULL),
			 MFR_E_INVALID);
	/* The error rule: a *err already set is MFR_E_INVALID, nothing done. */
	err = (mfr_error *)1;
	text = (char *)1;
	ck_assert_int_eq(mfr_plan_write(run.plan, MFR_FORMAT_TEXT, 0, &text, NULL, &err),
			 MFR_E_INVALID);
	ck_assert_ptr_null(text);
	ck_assert_ptr_eq(err, (mfr_error *)1);
	ck_assert_int_eq(mfr_plan_write_file(run.plan, MFR_FORMAT_TEXT, 0, stdout, &err),
			 MFR_E_INVALID);
	ck_assert_ptr_eq(err, (mfr_error *)1);
}
END_TEST

START_TEST(a_full_stream_is_an_io_error)
{
	FILE *full = fopen("/dev/full", "w");
	mfr_error *err = NULL;

	if (!full)
		return; /* no /dev/full here */
	setvbuf(full, NULL, _IONBF, 0);
	ck_assert_int_eq(mfr_plan_write_file(run.plan, MFR_FORMAT_TEXT, 0, full, &err),
			 MFR_E_IO);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "the stream took 0 of the"));
	mfr_error_free(err);
	fclose(full);
}
END_TEST

Suite *mfr_test_output_suite(void)
{
	Suite *s = suite_create("output");
	TCase *tc = tcase_create("formats");

	tcase_add_test(tc, format_names_round_trip);
	suite_add_tcase(s, tc);
	tc = tcase_create("write");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, json_is_the_json_document);
	tcase_add_test(tc, text_of_a_plan_says_every_step_warning_and_aftercare);
	tcase_add_test(tc, text_of_a_program_indents_each_session);
	tcase_add_test(tc, text_of_a_trace_ranks_each_result);
	tcase_add_test(tc, text_ends_with_the_audit_trail);
	tcase_add_test(tc, soap_note_of_a_plan);
	tcase_add_test(tc, soap_note_of_a_program);
	tcase_add_test(tc, soap_note_of_a_refer_out_plan_has_no_modality);
	tcase_add_test(tc, a_trace_has_no_soap_note);
	tcase_add_test(tc, fhir_bundle_of_a_plan);
	tcase_add_test(tc, fhir_bundle_of_a_program);
	tcase_add_test(tc, fhir_bundle_of_a_refer_out_plan_has_no_request);
	tcase_add_test(tc, a_trace_has_no_fhir_bundle);
	tcase_add_test(tc, bad_arguments_write_nothing);
	tcase_add_test(tc, a_full_stream_is_an_io_error);
	suite_add_tcase(s, tc);
	return s;
}
