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

#include "plan-private.h"
#include "util.h"

static mfr_test_run run;

static const char intake_json[] =
	"{\"id\": \"rec-42\", \"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", "
	"\"intensity\": 6}, {\"region\": \"jaw\", \"side\": \"left\", \"intensity\": 5}],"
	"\"conditions\": [\"plantar_fasciitis\"], \"precautions\": [\"anticoagulant_therapy\"],"
	"\"scopes\": [\"intra_oral\"], \"session_minutes\": 45,"
	"\"answers\": [{\"question\": \"deep_vein_thrombosis\", \"answer\": \"no\"}],"
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

	int named = 0;

	/* A value may name no format (one kept for a format to come). */
	for (int v = 1; v < 32; v++) {
		if (!mfr_format_name((mfr_format_t)v))
			continue;
		named++;
		ck_assert_int_eq(mfr_format_parse(mfr_format_name((mfr_format_t)v), &f), MFR_OK);
		ck_assert_int_eq(f, v);
	}
	ck_assert_int_ge(named, 6);
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_JSON), "json");
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_TEXT), "text");
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_SOAP), "soap");
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_FHIR), "fhir");
	ck_assert_int_eq(MFR_FORMAT_FHIR, 4);
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_HANDOUT), "handout");
	ck_assert_int_eq(MFR_FORMAT_HANDOUT, 5);
	ck_assert_int_eq(mfr_format_parse("handout", &f), MFR_OK);
	ck_assert_int_eq(f, MFR_FORMAT_HANDOUT);
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_CSV), "csv");
	ck_assert_int_eq(MFR_FORMAT_CSV, 6);
	ck_assert_int_eq(mfr_format_parse("csv", &f), MFR_OK);
	ck_assert_int_eq(f, MFR_FORMAT_CSV);
	ck_assert_str_eq(mfr_format_name(MFR_FORMAT_SVG), "svg");
	ck_assert_int_eq(MFR_FORMAT_SVG, 7);
	ck_assert_int_eq(mfr_format_parse("svg", &f), MFR_OK);
	ck_assert_int_eq(f, MFR_FORMAT_SVG);
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

/* The plan of a left heel with a fever: refer out, no steps (it outlives
 * its intake). */
static mfr_plan *refer_out_plan(void)
{
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;

	ck_assert_int_eq(mfr_intake_new(run.model, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 5, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_precaution(in, "fever", NULL, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_status(p), MFR_PLAN_REFER_OUT);
	mfr_intake_free(in);
	return p;
}

START_TEST(soap_note_of_a_refer_out_plan_has_no_modality)
{
	mfr_plan *p = refer_out_plan();
	char *text = NULL;

	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_SOAP, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_ptr_nonnull(strstr(text, "\nStatus: REFER OUT: no myofascial release"));
	ck_assert_ptr_null(strstr(text, "Modality:"));
	ck_assert_ptr_null(strstr(text, "Interventions:"));
	ck_assert_ptr_nonnull(strstr(text, "Red flag: "));
	mfr_free(text);
	mfr_plan_free(p);
}
END_TEST

/* CSV (MFR_FORMAT_CSV): a small RFC 4180 reader for the tests. Splits
 * @p text into at most @p max records of at most 24 fields each, every
 * field a malloc'd string; checks that every record ends in CRLF. Returns
 * the number of records. */
#define CSV_FIELDS 24
typedef struct csv_record {
	char *f[CSV_FIELDS];
	int n;
} csv_record;

static int csv_read(const char *text, csv_record *recs, int max)
{
	int n = 0;
	const char *p = text;

	while (*p) {
		csv_record *r = &recs[n++];

		ck_assert_int_le(n, max);
		r->n = 0;
		for (;;) {
			char *buf = malloc(strlen(p) + 1);
			size_t len = 0;

			if (*p == '"') {
				for (p++;; p++) {
					ck_assert_msg(*p, "an unterminated quoted field");
					if (*p == '"' && p[1] == '"')
						buf[len++] = *p++;
					else if (*p == '"')
						break;
					else
						buf[len++] = *p;
				}
				p++;
			} else {
				while (*p && *p != ',' && *p != '\r' && *p != '\n') {
					ck_assert_msg(*p != '"', "a quote in an unquoted field");
					buf[len++] = *p++;
				}
			}
			buf[len] = '\0';
			ck_assert_int_lt(r->n, CSV_FIELDS);
			r->f[r->n++] = buf;
			if (*p == ',') {
				p++;
				continue;
			}
			ck_assert_msg(p[0] == '\r' && p[1] == '\n', "a record ends in CRLF");
			p += 2;
			break;
		}
	}
	return n;
}

static void csv_free(csv_record *recs, int n)
{
	for (int i = 0; i < n; i++)
		for (int k = 0; k < recs[i].n; k++)
			free(recs[i].f[k]);
}

/* The JSON value @p v as the CSV writes it: "" for NULL. */
static void json_is_field(json_t *v, const char *field, const char *what)
{
	char buf[64] = "";

	if (json_is_string(v)) {
		ck_assert_msg(strcmp(json_string_value(v), field) == 0, "%s: JSON \"%s\", "
			      "CSV \"%s\"", what, json_string_value(v), field);
		return;
	}
	if (json_is_integer(v))
		snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(v));
	ck_assert_msg(strcmp(buf, field) == 0, "%s: JSON \"%s\", CSV \"%s\"", what, buf, field);
}

static const char *const plan_columns[] = {
	"id", "session", "status", "order", "phase", "region", "side", "technique",
	"approach", "position", "lying_on", "seconds", "pressure", "trace_rank", "score",
	"danger_zone",
};
#define N_PLAN_COLUMNS (int)(sizeof(plan_columns) / sizeof(plan_columns[0]))

/* The rows of session @p session's plan, from record @p at: each step's
 * members as the JSON document @p doc (a plan) gives them. */
static int csv_matches_plan(csv_record *recs, int at, json_t *doc, int session)
{
	json_t *steps = json_object_get(doc, "steps");
	size_t i;
	json_t *step;
	char buf[16];

	ck_assert_uint_gt(json_array_size(steps), 0);
	json_array_foreach(steps, i, step) {
		csv_record *r = &recs[at + (int)i];

		ck_assert_int_eq(r->n, N_PLAN_COLUMNS);
		ck_assert_str_eq(r->f[0], "rec-42");
		snprintf(buf, sizeof(buf), "%d", session);
		ck_assert_str_eq(r->f[1], buf);
		json_is_field(json_object_get(doc, "status"), r->f[2], "status");
		for (int c = 3; c < N_PLAN_COLUMNS; c++)
			if (strcmp(plan_columns[c], "score") != 0)
				json_is_field(json_object_get(step, plan_columns[c]), r->f[c],
					      plan_columns[c]);
		/* A score exactly when a trace rank, a positive number. */
		ck_assert_int_eq(!*r->f[13], !*r->f[14]);
		if (*r->f[14])
			ck_assert(strtod(r->f[14], NULL) > 0);
	}
	return (int)json_array_size(steps);
}

START_TEST(csv_of_a_plan_has_a_row_per_step)
{
	char *text = both_ways(0, MFR_FORMAT_CSV, 0), *json = NULL;
	csv_record recs[64];
	int n = csv_read(text, recs, 64);
	json_t *doc;

	ck_assert_int_eq(recs[0].n, N_PLAN_COLUMNS);
	for (int c = 0; c < N_PLAN_COLUMNS; c++)
		ck_assert_str_eq(recs[0].f[c], plan_columns[c]);
	ck_assert_int_eq(mfr_plan_to_json(run.plan, 0, &json, NULL), MFR_OK);
	doc = json_loads(json, 0, NULL);
	ck_assert_int_eq(n - 1, (int)mfr_plan_step_count(run.plan));
	ck_assert_int_eq(csv_matches_plan(recs, 1, doc, 1), n - 1);
	json_decref(doc);
	mfr_free(json);
	csv_free(recs, n);
	mfr_free(text);
}
END_TEST

START_TEST(csv_of_a_program_numbers_its_sessions)
{
	char *text = both_ways(1, MFR_FORMAT_CSV, 0), *json = NULL;
	csv_record recs[256];
	int n = csv_read(text, recs, 256), at = 1;
	json_t *doc, *sessions, *s;
	size_t i;

	ck_assert_int_eq(mfr_program_to_json(run.program, 0, &json, NULL), MFR_OK);
	doc = json_loads(json, 0, NULL);
	sessions = json_object_get(doc, "sessions");
	ck_assert_uint_eq(json_array_size(sessions), 3);
	json_array_foreach(sessions, i, s)
		at += csv_matches_plan(recs, at, json_object_get(s, "plan"), (int)i + 1);
	ck_assert_int_eq(at, n);
	json_decref(doc);
	mfr_free(json);
	csv_free(recs, n);
	mfr_free(text);
}
END_TEST

START_TEST(csv_of_a_trace_has_a_row_per_result)
{
	char *text = both_ways(2, MFR_FORMAT_CSV, 0), *json = NULL;
	csv_record recs[128];
	int n = csv_read(text, recs, 128);
	json_t *doc, *results, *res;
	size_t i;
	static const char *const columns[] = { "id", "rank", "region", "side", "distance",
					       "score", "explanation" };

	ck_assert_int_eq(recs[0].n, 7);
	for (int c = 0; c < 7; c++)
		ck_assert_str_eq(recs[0].f[c], columns[c]);
	ck_assert_int_eq(mfr_trace_to_json(run.trace, MFR_JSON_COMPACT, &json, NULL), MFR_OK);
	doc = json_loads(json, 0, NULL);
	results = json_object_get(doc, "results");
	ck_assert_int_eq(n - 1, (int)json_array_size(results));
	json_array_foreach(results, i, res) {
		csv_record *r = &recs[i + 1];
		char want[64];

		ck_assert_str_eq(r->f[0], "rec-42");
		for (int c = 1; c < 7; c++)
			if (c != 5)
				json_is_field(json_object_get(res, columns[c]), r->f[c], columns[c]);
		/* The score as the JSON document writes it, byte for byte. */
		snprintf(want, sizeof(want), "\"score\":%s,", r->f[5]);
		ck_assert_ptr_nonnull(strstr(json, want));
		ck_assert(strtod(r->f[5], NULL) == json_real_value(json_object_get(res, "score")));
	}
	json_decref(doc);
	mfr_free(json);
	csv_free(recs, n);
	mfr_free(text);
}
END_TEST

START_TEST(csv_quotes_what_must_be_quoted)
{
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	mfr_trace *t = NULL;
	char *text = NULL;
	csv_record recs[128];
	int n;

	ck_assert_int_eq(mfr_intake_new(run.model, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 5, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_set_id(in, "a \"b\", c", NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_answer(in, "unexplained_pain", "no", NULL, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_answer(in, "deep_vein_thrombosis", "no", NULL, 0, NULL),
			 MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_CSV, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_ptr_nonnull(strstr(text, "\r\n\"a \"\"b\"\", c\",1,ok,1,"));
	n = csv_read(text, recs, 128);
	ck_assert_str_eq(recs[1].f[0], "a \"b\", c");
	csv_free(recs, n);
	mfr_free(text);
	ck_assert_int_eq(mfr_trace_run(in, NULL, &t, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_write(t, MFR_FORMAT_CSV, 0, &text, NULL, NULL), MFR_OK);
	n = csv_read(text, recs, 128);
	ck_assert_int_gt(n, 2);
	/* Explanations hold commas: quoted, and read back whole. */
	ck_assert_ptr_nonnull(strchr(recs[1].f[6], ','));
	ck_assert_str_eq(recs[1].f[6], mfr_trace_result_explain(mfr_trace_result_at(t, 0)));
	csv_free(recs, n);
	mfr_free(text);
	/* CSV takes no flag. */
	ck_assert_int_eq(mfr_trace_write(t, MFR_FORMAT_CSV, MFR_JSON_COMPACT, &text, NULL, NULL),
			 MFR_E_INVALID);
	mfr_trace_free(t);
	mfr_plan_free(p);
	mfr_intake_free(in);
}
END_TEST

START_TEST(csv_of_an_empty_plan_or_trace_still_has_a_row)
{
	mfr_intake *in = NULL;
	mfr_plan *p = refer_out_plan();
	mfr_trace *t = NULL;
	char *text = NULL;

	ck_assert_int_eq(mfr_plan_step_count(p), 0);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_CSV, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_str_eq(text, "id,session,status,order,phase,region,side,technique,approach,"
			 "position,lying_on,seconds,pressure,trace_rank,score,danger_zone\r\n"
			 ",1,refer_out,,,,,,,,,,,,,\r\n");
	mfr_free(text);
	ck_assert_int_eq(mfr_intake_new(run.model, &in), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(in, NULL, &t, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_write(t, MFR_FORMAT_CSV, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_str_eq(text, "id,rank,region,side,distance,score,explanation\r\n,,,,,,\r\n");
	mfr_free(text);
	mfr_trace_free(t);
	mfr_plan_free(p);
	mfr_intake_free(in);
}
END_TEST

/* The formats of plans only refuse a trace, naming those it takes. */
START_TEST(a_trace_has_no_soap_note_or_handout)
{
	static const mfr_format_t formats[] = { MFR_FORMAT_SOAP, MFR_FORMAT_HANDOUT };

	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		char *text = (char *)1, want[128];
		mfr_error *err = NULL;

		ck_assert_int_eq(mfr_trace_write(run.trace, formats[i], 0, &text, NULL, &err),
				 MFR_E_CONSTRAINT);
		ck_assert_ptr_null(text);
		snprintf(want, sizeof(want), "mfr_trace_write: a trace is not written as %s; it "
			 "is written as json, text, csv or svg", mfr_format_name(formats[i]));
		ck_assert_str_eq(mfr_error_message(err), want);
		mfr_error_free(err);
		ck_assert_int_eq(mfr_trace_write_file(run.trace, formats[i], 0, stdout, NULL),
				 MFR_E_CONSTRAINT);
	}
}
END_TEST

/* ---- the client handout (MFR_FORMAT_HANDOUT) ---------------------------- */

/* @p s as the handout escapes it, into @p buf (written apart from the
 * library's escaping, to check it). */
static const char *html(char *buf, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s && n + 8 < size; s++) {
		const char *e = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" : *s == '>' ? "&gt;"
			      : *s == '"' ? "&quot;" : *s == '\'' ? "&#39;" : NULL;

		if (e) {
			memcpy(buf + n, e, strlen(e));
			n += strlen(e);
		} else {
			buf[n++] = *s;
		}
	}
	buf[n] = '\0';
	return buf;
}

/* How many times @p needle occurs in @p hay. */
static int occurrences(const char *hay, const char *needle)
{
	int n = 0;

	for (const char *at = hay; (at = strstr(at, needle)); at++)
		n++;
	return n;
}

/* The page is what doc/handout-format.md promises of any handout: HTML5
 * from its doctype to </html>, with only the tags the writer uses, each
 * '&' starting a character reference (so nothing from the model is
 * markup), and nothing fetched or run. */
static void assert_page(const char *text)
{
	static const char *const tags[] = {
		"!DOCTYPE html>", "html lang=\"en\">", "/html>", "head>", "/head>",
		"meta charset=\"utf-8\">", "meta name=\"viewport\" ", "title>", "/title>",
		"style>", "/style>", "body>", "/body>", "main>", "/main>", "header>",
		"/header>", "h1>", "/h1>", "h2>", "/h2>", "p>", "p class=\"", "/p>",
		"section>", "section class=\"help\">", "/section>", "ul>", "ul class=\"sites\">",
		"/ul>", "li>", "/li>", "footer>", "/footer>",
	};
	static const char *const refs[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };
	const char *style_end = strstr(text, "</style>");
	size_t n = strlen(text);

	ck_assert_msg(strncmp(text, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
			      "<meta charset=\"utf-8\">\n", 61) == 0, "%.200s", text);
	ck_assert(n > 8 && strcmp(text + n - 8, "</html>\n") == 0);
	ck_assert_ptr_nonnull(style_end);
	for (const char *at = text; (at = strchr(at, '<')); at++) {
		size_t k = 0;

		while (k < sizeof(tags) / sizeof(tags[0]) &&
		       strncmp(at + 1, tags[k], strlen(tags[k])) != 0)
			k++;
		ck_assert_msg(k < sizeof(tags) / sizeof(tags[0]), "not a tag of the page: %.60s",
			      at);
	}
	for (const char *at = style_end; (at = strchr(at, '&')); at++) {
		size_t k = 0;

		while (k < 5 && strncmp(at, refs[k], strlen(refs[k])) != 0)
			k++;
		ck_assert_msg(k < 5, "a bare '&': %.60s", at);
	}
	/* Self-contained: no script, nothing loaded from elsewhere. */
	ck_assert_ptr_null(strstr(text, "<script"));
	ck_assert_ptr_null(strstr(text, "src="));
	ck_assert_ptr_null(strstr(text, "href="));
	ck_assert_ptr_null(strstr(text, "url("));
	ck_assert_ptr_null(strstr(text, "@import"));
	ck_assert_ptr_null(strstr(text, "http"));
	ck_assert_ptr_nonnull(strstr(text, "@media print {"));
	ck_assert_ptr_nonnull(strstr(text, "\n<p class=\"disclaimer\">This sheet was prepared "
				     "with decision-support software for licensed therapists. It is "
				     "not a diagnosis: your therapist decides on your treatment."));
}

/* Every site of @p p is listed once (among @p n plans' sites), and every
 * aftercare item once, red flags in the help box after the others. */
static void assert_plan_shown(const char *text, const mfr_plan *p)
{
	const char *help = strstr(text, "<section class=\"help\">");
	char site[200], want[256], buf[1024];

	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++) {
		const mfr_plan_step *s = mfr_plan_step_at(p, i);
		const mfr_region *r = mfr_plan_step_region(s);

		if (mfr_plan_step_side(s) == MFR_SIDE_MIDLINE)
			snprintf(site, sizeof(site), "%s", mfr_region_name(r));
		else
			snprintf(site, sizeof(site), "%s %s", mfr_side_name(mfr_plan_step_side(s)),
				 mfr_region_name(r));
		snprintf(want, sizeof(want), "\n<li>%s</li>\n", html(buf, sizeof(buf), site));
		ck_assert_msg(occurrences(text, want) == 1, "%s: %d times", want,
			      occurrences(text, want));
	}
	for (uint32_t i = 0; i < mfr_plan_aftercare_count(p); i++) {
		const mfr_aftercare *a = mfr_plan_aftercare_at(p, i);
		const char *at;

		snprintf(want, sizeof(want), "<li>%s</li>",
			 html(buf, sizeof(buf), mfr_aftercare_text(a)));
		at = strstr(text, want);
		ck_assert_msg(at && occurrences(text, want) == 1, "%s", want);
		ck_assert_msg((help && at > help) == (mfr_aftercare_kind(a) == MFR_AFTERCARE_RED_FLAG),
			      "%s on the wrong side of the help box", mfr_aftercare_key(a));
	}
}

/* The footer: the audit trail of the text formats, escaped. */
static void assert_footer(const char *text, const mfr_model *m, const char *id)
{
	char want[1024], raw[512], buf[768];

	snprintf(raw, sizeof(raw), "Audit: libmfr %s; model \"%s\" %s (%s); intake id \"%s\"",
		 mfr_version(), mfr_model_name(m), mfr_model_version(m),
		 mfr_model_content_hash(m), id);
	snprintf(want, sizeof(want), "\n<footer>%s\n", html(buf, sizeof(buf), raw));
	ck_assert_msg(strstr(text, want), "no %s", want);
}

START_TEST(handout_of_a_plan)
{
	char *text = both_ways(0, MFR_FORMAT_HANDOUT, 0);

	assert_page(text);
	ck_assert_ptr_nonnull(strstr(text, "<title>Your myofascial release session</title>"));
	ck_assert_ptr_nonnull(strstr(text, "<p class=\"lead\">A 45-minute session, planned "
				     "with your therapist.</p>"));
	ck_assert_ptr_nonnull(strstr(text, "\n<p>Where you feel symptoms: left heel (6 out of "
				     "10), left jaw (5 out of 10).</p>\n"));
	ck_assert_ptr_nonnull(strstr(text, "<h2>What your therapist plans to work on</h2>"));
	ck_assert_ptr_nonnull(strstr(text, "\n<p class=\"why\">Where you feel it</p>\n<ul "
				     "class=\"sites\">\n<li>left heel</li>\n"));
	ck_assert_ptr_nonnull(strstr(text, "\n<p class=\"why\">Linked to your left heel</p>\n"));
	/* The clinic's words, when a site lies away from the symptoms. */
	ck_assert_ptr_nonnull(strstr(text, "<p>Because fascia is interconnected throughout "
				     "the body, your therapist may work in areas distant from where "
				     "you're feeling symptoms to address root causes.</p>"));
	ck_assert_ptr_nonnull(strstr(text, "<h2>After your session</h2>"));
	ck_assert_ptr_nonnull(strstr(text, "<h2>When to get help at once</h2>"));
	ck_assert_ptr_null(strstr(text, "class=\"notice\""));
	/* Nothing for the therapist only: techniques, codes, warnings. */
	for (uint32_t i = 0; i < mfr_plan_step_count(run.plan); i++)
		ck_assert_ptr_null(strstr(text, mfr_plan_step_rationale(mfr_plan_step_at(run.plan,
											 i))));
	ck_assert_ptr_null(strstr(text, "97140"));
	assert_plan_shown(text, run.plan);
	assert_footer(text, run.model, "rec-42");
	mfr_free(text);
}
END_TEST

START_TEST(handout_of_a_program)
{
	char *text = both_ways(1, MFR_FORMAT_HANDOUT, 0), want[128];
	const mfr_program *pg = run.program;

	assert_page(text);
	ck_assert_ptr_nonnull(strstr(text, "<title>Your myofascial release sessions</title>"));
	ck_assert_ptr_nonnull(strstr(text, "<p class=\"lead\">3 sessions of 45 minutes over 2 "
				     "weeks, planned with your therapist.</p>"));
	snprintf(want, sizeof(want), "<p>Your sessions fall on days 1, %u and %u (day 1 is your "
		 "first session).</p>", mfr_program_session_day(mfr_program_session_at(pg, 1)) + 1,
		 mfr_program_session_day(mfr_program_session_at(pg, 2)) + 1);
	ck_assert_msg(strstr(text, want), "no %s", want);
	ck_assert_ptr_nonnull(strstr(text, "<h2>After each session</h2>"));
	/* Each session's sites and aftercare, each once over the course. */
	for (uint32_t i = 0; i < mfr_program_session_count(pg); i++)
		assert_plan_shown(text, mfr_program_session_plan(mfr_program_session_at(pg, i)));
	assert_footer(text, run.model, "rec-42");
	mfr_free(text);
}
END_TEST

START_TEST(handout_of_a_one_session_program)
{
	mfr_program *pg = NULL;
	char *text = NULL;

	ck_assert_int_eq(mfr_program_run(run.intake, 1, 1, NULL, &pg, NULL), MFR_OK);
	ck_assert_int_eq(mfr_program_write(pg, MFR_FORMAT_HANDOUT, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_ptr_nonnull(strstr(text, "<p class=\"lead\">1 session of 45 minutes over 1 "
				     "week, planned with your therapist.</p>"));
	ck_assert_ptr_nonnull(strstr(text, "<p>Your session falls on day 1.</p>"));
	mfr_free(text);
	mfr_program_free(pg);
}
END_TEST

/* A plan for one symptom with one precaution, in the handout. */
static char *handout_with(const char *precaution)
{
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	char *text = NULL;

	ck_assert_int_eq(mfr_intake_new(run.model, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 5, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_precaution(in, precaution, NULL, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_HANDOUT, 0, &text, NULL, NULL), MFR_OK);
	assert_page(text);
	assert_plan_shown(text, p);
	mfr_plan_free(p);
	mfr_intake_free(in);
	return text;
}

START_TEST(handout_of_a_refer_out_plan_sends_the_client_to_a_doctor)
{
	char *text = handout_with("fever");

	ck_assert_ptr_nonnull(strstr(text, "</header>\n<p class=\"notice\">No myofascial release "
				     "is planned for now: please see a doctor first.</p>\n"));
	ck_assert_ptr_nonnull(strstr(text, "<h1>Your myofascial release session</h1>\n"
				     "</header>\n"));
	ck_assert_ptr_null(strstr(text, "What your therapist plans to work on"));
	ck_assert_ptr_null(strstr(text, "After your session"));
	ck_assert_ptr_null(strstr(text, "planned with your therapist"));
	ck_assert_ptr_nonnull(strstr(text, "When to get help at once"));
	mfr_free(text);
}
END_TEST

START_TEST(handout_of_a_plan_needing_clearance_says_so)
{
	char *text = handout_with("connective_tissue_disorder");

	ck_assert_ptr_nonnull(strstr(text, "<p class=\"notice\">Your treatment can start only "
				     "once a doctor or another clinician has cleared you for it.</p>"));
	/* The steps are shown, to start once cleared. */
	ck_assert_ptr_nonnull(strstr(text, "What your therapist plans to work on"));
	mfr_free(text);
}
END_TEST

/* A status the handout does not name (main adds needs_answers) is not
 * read as ok: the client is told to talk the plan through first. */
START_TEST(handout_of_a_status_it_does_not_name_says_to_talk_first)
{
	mfr_plan *p = (mfr_plan *)run.plan;
	char *text = NULL;

	p->status = 99;
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_HANDOUT, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_ptr_nonnull(strstr(text, "</header>\n<p class=\"notice\">Talk this plan "
				     "through with your therapist before the session starts.</p>\n"));
	mfr_free(text);
	/* Questions still open: the client hears that more are coming. */
	p->status = MFR_PLAN_NEEDS_ANSWERS;
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_HANDOUT, 0, &text, NULL, NULL), MFR_OK);
	ck_assert_ptr_nonnull(strstr(text, "<p class=\"notice\">Your therapist has a few more "
				     "questions to ask you before the session"));
	mfr_free(text);
	p->status = MFR_PLAN_OK;
}
END_TEST

/* Names, aftercare, the model's name and version and the intake's id
 * holding <, >, & and quotes are text on the page, never markup. */
START_TEST(handout_escapes_every_model_string)
{
	mfr_model *m = mfr_test_load_model("handout.json");
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	mfr_program *pg = NULL;
	char *text[2] = { NULL, NULL };

	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 6, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_set_id(in, "rec<1>&\"2\"'3", NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_set_extensions(in, "{\"ehr\": \"</footer><script>\"}",
						   NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_program_run(in, 2, 1, NULL, &pg, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_HANDOUT, 0, &text[0], NULL, NULL), MFR_OK);
	ck_assert_int_eq(mfr_program_write(pg, MFR_FORMAT_HANDOUT, 0, &text[1], NULL, NULL),
			 MFR_OK);
	for (int k = 0; k < 2; k++) {
		assert_page(text[k]);
		ck_assert_ptr_null(strstr(text[k], "alert(1)</script>"));
		ck_assert_ptr_nonnull(strstr(text[k], "calf muscle &lt;/li&gt;&lt;script&gt;"
					     "alert(1)&lt;/script&gt;</li>"));
		ck_assert_ptr_nonnull(strstr(text[k], "Where you feel symptoms: left heel "
					     "&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; "
					     "&#39;single&#39; (6 out of 10)"));
		ck_assert_ptr_nonnull(strstr(text[k], "<li>Rest &amp; drink &lt;water&gt;, "
					     "&quot;now&quot; and &#39;later&#39;.</li>"));
		ck_assert_ptr_nonnull(strstr(text[k], "<li>Call &lt;help&gt; &amp; say &quot;now"
					     "&quot; if it&#39;s &lt;worse&gt;.</li>"));
		assert_plan_shown(text[k], p);
		assert_footer(text[k], m, "rec<1>&\"2\"'3");
		ck_assert_ptr_nonnull(strstr(text[k], "\nExtensions: {&quot;ehr&quot;:&quot;"
					     "&lt;/footer&gt;&lt;script&gt;&quot;}\n</footer>"));
		mfr_free(text[k]);
	}
	mfr_program_free(pg);
	mfr_plan_free(p);
	mfr_intake_free(in);
	mfr_model_unref(m);
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
	mfr_plan *p = refer_out_plan();
	char *text = NULL;
	json_t *b;

	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_FHIR, 0, &text, NULL, NULL), MFR_OK);
	b = check_bundle(text, 0, 0);
	ck_assert_ptr_nonnull(strstr(text, "\"text\": \"Status: REFER OUT: no myofascial "
				     "release"));
	ck_assert_ptr_null(strstr(text, "\"activity\""));
	ck_assert_ptr_null(strstr(text, "\"identifier\""));
	json_decref(b);
	mfr_free(text);
	mfr_plan_free(p);
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
			 "fhir; it is written as json, text, csv or svg");
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
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "is written as json, text, soap, "
				     "fhir, handout, csv or svg"));
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
	ck_assert_int_eq(mfr_program_write(run.program, MFR_FORMAT_HANDOUT, MFR_JSON_COMPACT,
					   &text, NULL, NULL), MFR_E_INVALID);
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

/* ---- the body chart (MFR_FORMAT_SVG) -------------------------------------- */

/* An SVG image, ending where it should; the same bytes twice and to a stream. */
static void assert_chart(const char *text, size_t len)
{
	ck_assert_uint_eq(strlen(text), len);
	static const char head[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="
				   "\"http://www.w3.org/2000/svg\"";

	ck_assert_msg(strncmp(text, head, strlen(head)) == 0, "%.200s", text);
	ck_assert_ptr_nonnull(strstr(text, "<g class=\"view\" id=\"front\""));
	ck_assert_ptr_nonnull(strstr(text, "<g class=\"view\" id=\"back\""));
	ck_assert_ptr_nonnull(strstr(text, "client faces you: their right on your left"));
	ck_assert_ptr_nonnull(strstr(text, "client faces away: their right on your right"));
	ck_assert_ptr_nonnull(strstr(text, "a drawing convention of the model, not a "
				     "clinical fact"));
	ck_assert_ptr_null(strstr(text, "<script"));
	ck_assert_str_eq(text + len - 7, "</svg>\n");
}

START_TEST(svg_of_a_plan)
{
	char *text = NULL, *again = NULL;
	size_t len = 0;

	ck_assert_int_eq(mfr_plan_write(run.plan, MFR_FORMAT_SVG, 0, &text, &len, NULL), MFR_OK);
	assert_chart(text, len);
	/* One numbered site per step, in order. */
	ck_assert_int_eq(occurrences(text, "<g class=\"site\">"),
			 (int)mfr_plan_step_count(run.plan));
	ck_assert_ptr_nonnull(strstr(text, "font-weight=\"bold\">1</text></g>"));
	/* The left heel: the default chart draws the heel for the client's
	 * right at cx 115 on the back view; the left one is its mirror, on the
	 * viewer's left of the back view. */
	ck_assert_ptr_nonnull(strstr(text, "<ellipse class=\"symptom\" cx=\"85\" cy=\"478\""));
	ck_assert_ptr_null(strstr(text, "<ellipse class=\"symptom\" cx=\"115\" cy=\"478\""));
	ck_assert_ptr_nonnull(strstr(text, "<title>left heel 6/10</title>"));
	ck_assert_ptr_nonnull(strstr(text, "Symptom: left jaw, 5/10 (shaded)"));
	ck_assert_ptr_nonnull(strstr(text, "&quot;rec-42&quot;</text>"));
	ck_assert_int_eq(mfr_plan_write(run.plan, MFR_FORMAT_SVG, 0, &again, NULL, NULL), MFR_OK);
	ck_assert_str_eq(text, again);
	mfr_free(again);

	FILE *f = tmpfile();
	char *read = malloc(len + 1);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(mfr_plan_write_file(run.plan, MFR_FORMAT_SVG, 0, f, NULL), MFR_OK);
	rewind(f);
	ck_assert_uint_eq(fread(read, 1, len + 1, f), len);
	read[len] = '\0';
	ck_assert_str_eq(read, text);
	free(read);
	fclose(f);
	mfr_free(text);

	/* Not JSON: no flag. */
	ck_assert_int_eq(mfr_plan_write(run.plan, MFR_FORMAT_SVG, MFR_JSON_COMPACT, &text, NULL,
					NULL), MFR_E_INVALID);
	ck_assert_ptr_null(text);
}
END_TEST

START_TEST(svg_of_a_trace_and_not_of_a_program)
{
	char *text = NULL;
	size_t len = 0;
	mfr_error *err = NULL;

	ck_assert_int_eq(mfr_trace_write(run.trace, MFR_FORMAT_SVG, 0, &text, &len, NULL), MFR_OK);
	assert_chart(text, len);
	ck_assert_int_eq(occurrences(text, "<g class=\"site\">"),
			 (int)mfr_trace_result_count(run.trace));
	ck_assert_ptr_nonnull(strstr(text, "Body chart: trace"));
	mfr_free(text);
	text = NULL;
	ck_assert_int_eq(mfr_program_write(run.program, MFR_FORMAT_SVG, 0, &text, NULL, &err),
			 MFR_E_CONSTRAINT);
	ck_assert_ptr_null(text);
	ck_assert_str_eq(mfr_error_message(err), "mfr_program_write: a program is not written "
			 "as svg; it is written as json, text, soap, fhir, handout or csv");
	mfr_error_free(err);
}
END_TEST

/* A model without a chart: MFR_E_CONSTRAINT, naming what is missing. */
START_TEST(svg_needs_a_chart)
{
	mfr_model *m = mfr_test_load_model("minimal.json");
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	mfr_trace *t = NULL;
	mfr_error *err = NULL;
	char *text = (char *)1;
	size_t len = 7;

	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 6, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(in, NULL, &t, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_SVG, 0, &text, &len, &err),
			 MFR_E_CONSTRAINT);
	ck_assert_ptr_null(text);
	ck_assert_uint_eq(len, 0);
	ck_assert_str_eq(mfr_error_message(err), "mfr_plan_write: the model \"minimal test "
			 "model\" has no body chart, which svg draws on: add a \"chart\" section "
			 "(outlines of the front and back views, and a place for the regions: "
			 "doc/model-format.md), or write another format");
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_trace_write(t, MFR_FORMAT_SVG, 0, &text, NULL, &err),
			 MFR_E_CONSTRAINT);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "mfr_trace_write: the model"));
	mfr_error_free(err);
	mfr_trace_free(t);
	mfr_plan_free(p);
	mfr_intake_free(in);
	mfr_model_free(m);
}
END_TEST

/* Every model and intake string is text in the image, never markup; a
 * control character, which XML does not allow, is U+FFFD. */
START_TEST(svg_escapes_every_model_string)
{
	mfr_model *m = mfr_test_load_model("chart.json");
	mfr_intake *in = NULL;
	mfr_plan *p = NULL;
	char *text = NULL;
	size_t len = 0;

	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom_segment(in, 1, 6, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom_segment(in, 2, 3, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_set_id(in, "rec<1>&\"2\"'3", NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_write(p, MFR_FORMAT_SVG, 0, &text, &len, NULL), MFR_OK);
	assert_chart(text, len);
	ck_assert_ptr_null(strstr(text, "alert(1)</script>"));
	ck_assert_ptr_nonnull(strstr(text, "calf muscle &lt;/li&gt;&lt;script&gt;alert(1)"
				     "&lt;/script&gt;"));
	ck_assert_ptr_nonnull(strstr(text, "<title>Body chart: plan, model Chart &lt;A&amp;B&gt; "
				     "&quot;model&quot; &#39;v&#39; \xef\xbf\xbd</title>"));
	ck_assert_ptr_nonnull(strstr(text, "T&lt;L&gt;&amp; Test &lt;Line&gt; &amp; "
				     "&quot;co&quot; &#39;x&#39;"));
	ck_assert_ptr_nonnull(strstr(text, "rec&lt;1&gt;&amp;&quot;2&quot;&#39;3"));
	for (const char *c = text; *c; c++)
		ck_assert_msg((unsigned char)*c >= 0x20 || *c == '\n', "a control character "
			      "at byte %d", (int)(c - text));
	mfr_free(text);
	mfr_plan_free(p);
	mfr_intake_free(in);
	mfr_model_free(m);
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
	tcase_add_test(tc, a_trace_has_no_soap_note_or_handout);
	tcase_add_test(tc, fhir_bundle_of_a_plan);
	tcase_add_test(tc, fhir_bundle_of_a_program);
	tcase_add_test(tc, fhir_bundle_of_a_refer_out_plan_has_no_request);
	tcase_add_test(tc, a_trace_has_no_fhir_bundle);
	tcase_add_test(tc, handout_of_a_plan);
	tcase_add_test(tc, handout_of_a_program);
	tcase_add_test(tc, handout_of_a_one_session_program);
	tcase_add_test(tc, handout_of_a_refer_out_plan_sends_the_client_to_a_doctor);
	tcase_add_test(tc, handout_of_a_plan_needing_clearance_says_so);
	tcase_add_test(tc, handout_of_a_status_it_does_not_name_says_to_talk_first);
	tcase_add_test(tc, handout_escapes_every_model_string);
	tcase_add_test(tc, csv_of_a_plan_has_a_row_per_step);
	tcase_add_test(tc, csv_of_a_program_numbers_its_sessions);
	tcase_add_test(tc, csv_of_a_trace_has_a_row_per_result);
	tcase_add_test(tc, csv_quotes_what_must_be_quoted);
	tcase_add_test(tc, csv_of_an_empty_plan_or_trace_still_has_a_row);
	tcase_add_test(tc, svg_of_a_plan);
	tcase_add_test(tc, svg_of_a_trace_and_not_of_a_program);
	tcase_add_test(tc, svg_needs_a_chart);
	tcase_add_test(tc, svg_escapes_every_model_string);
	tcase_add_test(tc, bad_arguments_write_nothing);
	tcase_add_test(tc, a_full_stream_is_an_io_error);
	suite_add_tcase(s, tc);
	return s;
}
