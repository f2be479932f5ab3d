/*
 * libmfr unit tests: out-of-memory sweeps over tracing, planning, programs
 * and every output (the JSON writers; the explanations, rationales and
 * warnings are written while a trace or plan is made, so they are swept
 * with it). The engine: oom.h.
 *
 * Every successful run under faults must build what a run without faults
 * builds (its JSON is compared), and reading a finished trace, plan or
 * program must allocate nothing at all.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "json-documents.h"
#include "oom.h"

/* Every list of the intake format: precautions that modify the work, a
 * stage, a site-scoped precaution, danger zones, a scope, clearances. */
static const char rich_json[] =
	"{\"id\": \"clinic-7/\u00e9\", \"symptoms\": ["
	"{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 7, \"onset\": \"chronic\"},"
	"{\"region\": \"low_back\", \"side\": \"right\", \"intensity\": 6, \"onset\": \"acute\"},"
	"{\"region\": \"jaw\", \"side\": \"right\", \"intensity\": 4}],"
	"\"conditions\": [\"plantar_fasciitis\", \"tmj_disorder\"],"
	"\"precautions\": [{\"key\": \"open_wound\", \"region\": \"calf\", \"side\": \"right\"},"
	"\"anticoagulant_therapy\"],"
	"\"answers\": [{\"question\": \"pregnancy\", \"answer\": \"second_trimester\"}],"
	"\"scopes\": [\"intra_oral\"],"
	"\"clearances\": [\"anticoagulant_therapy\"],"
	"\"session_minutes\": 45,"
	"\"positions\": [\"prone\", \"supine\", \"side_lying\"],"
	"\"extensions\": {\"ehr\": {\"encounter\": [1, 2.50, \"x\"]}, \"empty\": {}}}";

/* A short session: sites left out for time. */
static const char short_json[] =
	"{\"symptoms\": [{\"region\": \"heel\", \"side\": \"both\"},"
	"{\"region\": \"temple\", \"side\": \"left\"}], \"session_minutes\": 10}";

/* Plans whose warnings the rich one does not give, each written as the
 * plan is made: a symptom that needs clearance, sites out of scope, a
 * session the dose shortens; internal work under a declared scope; and no
 * site that can be planned at all. */
static const char guarded_json[] =
	"{\"symptoms\": [{\"region\": \"lower_abdomen\", \"side\": \"right\", \"intensity\": 5},"
	"{\"region\": \"jaw\", \"side\": \"right\", \"intensity\": 5}],"
	"\"conditions\": [\"tmj_disorder\", \"chronic_fatigue\"],"
	"\"precautions\": [\"pregnancy\"], \"stages\": {\"pregnancy\": 1},"
	"\"session_minutes\": 60}";
static const char internal_json[] =
	"{\"symptoms\": [{\"region\": \"jaw\", \"side\": \"right\", \"intensity\": 5}],"
	"\"conditions\": [\"tmj_disorder\"], \"scopes\": [\"intra_oral\"]}";
static const char no_sites_json[] =
	"{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 6}],"
	"\"positions\": [\"standing\"]}";

static mfr_model *model;
static mfr_intake *rich, *brief, *empty, *guarded, *internal, *no_sites;
static mfr_trace_options *topts;
static mfr_plan_options *popts;
static mfr_trace *trace;
static mfr_plan *plan;
static mfr_program *program;
/* Smaller ones for the writers' sweeps: a trace of 6 results (still every
 * relation kind: line, referral, hierarchy, adjacency) and a program of 3
 * sessions (one per stage). */
static mfr_trace *small_trace;
static mfr_program *small_program;
static char *small_trace_text, *small_program_text;
/* The JSON of what each operation builds without faults. */
static char *trace_text, *trace_opts_text, *plan_text, *plan_opts_text, *brief_plan_text;
static char *program_text;
static mfr_trace_options *target_opts; /* what add_line changes */

static mfr_intake *intake_of(const char *json)
{
	mfr_intake *in = NULL;

	mfr_test_assert_ok(mfr_intake_from_json(model, json, strlen(json), NULL, &in, NULL),
			   NULL, "intake");
	return in;
}

static void setup(void)
{
	ck_assert_int_eq(mfr_model_default(&model, NULL), MFR_OK);
	rich = intake_of(rich_json);
	brief = intake_of(short_json);
	guarded = intake_of(guarded_json);
	internal = intake_of(internal_json);
	no_sites = intake_of(no_sites_json);
	ck_assert_int_eq(mfr_intake_new(model, &empty), MFR_OK);

	ck_assert_int_eq(mfr_trace_options_new(&topts), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_results(topts, 40), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_steps(topts, 8), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_add_line(topts, "superficial_back_line"), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_add_line(topts, "lateral_line"), MFR_OK);
	ck_assert_int_eq(mfr_plan_options_new(&popts), MFR_OK);
	ck_assert_int_eq(mfr_plan_options_set_max_sites(popts, 40), MFR_OK);
	ck_assert_int_eq(mfr_plan_options_set_reposition_seconds(popts, 30), MFR_OK);
	/* A preferred technique: the plan runs with options sweep its lookup
	 * and its block timing too (the key list is keys.c's, swept through
	 * trace_options_add_line). */
	ck_assert_int_eq(mfr_plan_options_add_technique(popts, "myofascial_induction"), MFR_OK);

	ck_assert_int_eq(mfr_trace_run(rich, NULL, &trace, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(rich, NULL, &plan, NULL), MFR_OK);
	ck_assert_int_eq(mfr_program_run(rich, 6, 4, NULL, &program, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_to_json(trace, 0, &trace_text, NULL), MFR_OK);

	mfr_trace_options *six = NULL;

	ck_assert_int_eq(mfr_trace_options_new(&six), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_set_max_results(six, 6), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(rich, six, &small_trace, NULL), MFR_OK);
	mfr_trace_options_free(six);
	ck_assert_int_eq(mfr_program_run(rich, 3, 2, NULL, &small_program, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_to_json(small_trace, 0, &small_trace_text, NULL), MFR_OK);
	ck_assert_int_eq(mfr_program_to_json(small_program, 0, &small_program_text, NULL),
			 MFR_OK);
	ck_assert_int_eq(mfr_plan_to_json(plan, 0, &plan_text, NULL), MFR_OK);
	ck_assert_int_eq(mfr_program_to_json(program, 0, &program_text, NULL), MFR_OK);

	mfr_trace *t = NULL;
	mfr_plan *p = NULL;

	ck_assert_int_eq(mfr_trace_run(rich, topts, &t, NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_to_json(t, 0, &trace_opts_text, NULL), MFR_OK);
	mfr_trace_free(t);
	ck_assert_int_eq(mfr_plan_run(rich, popts, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_to_json(p, 0, &plan_opts_text, NULL), MFR_OK);
	mfr_plan_free(p);
	ck_assert_int_eq(mfr_plan_run(brief, NULL, &p, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_to_json(p, 0, &brief_plan_text, NULL), MFR_OK);
	mfr_plan_free(p);
}

static void teardown(void)
{
	mfr_oom_reset();
	mfr_free(program_text);
	mfr_free(small_program_text);
	mfr_free(small_trace_text);
	mfr_program_free(small_program);
	mfr_trace_free(small_trace);
	small_program_text = small_trace_text = NULL;
	small_program = NULL;
	small_trace = NULL;
	mfr_free(brief_plan_text);
	mfr_free(plan_opts_text);
	mfr_free(trace_opts_text);
	mfr_free(plan_text);
	mfr_free(trace_text);
	mfr_program_free(program);
	mfr_plan_free(plan);
	mfr_trace_free(trace);
	mfr_plan_options_free(popts);
	mfr_trace_options_free(topts);
	mfr_intake_free(empty);
	mfr_intake_free(brief);
	mfr_intake_free(rich);
	mfr_intake_free(guarded);
	mfr_intake_free(internal);
	mfr_intake_free(no_sites);
	guarded = internal = no_sites = NULL;
	mfr_model_free(model);
	program_text = brief_plan_text = plan_opts_text = trace_opts_text = NULL;
	plan_text = trace_text = NULL;
	program = NULL;
	plan = NULL;
	trace = NULL;
	popts = NULL;
	topts = NULL;
	empty = brief = rich = NULL;
	model = NULL;
}

/* ---- what a run must build ----------------------------------------------- */

static int same_text(char *made, const char *want)
{
	int same = made && strcmp(made, want) == 0;

	mfr_free(made);
	return same;
}

static int same_trace(const void *t)
{
	char *s = NULL;

	mfr_trace_to_json(t, 0, &s, NULL);
	return same_text(s, trace_text);
}

static int same_trace_opts(const void *t)
{
	char *s = NULL;

	mfr_trace_to_json(t, 0, &s, NULL);
	return same_text(s, trace_opts_text);
}

static int same_plan(const void *p)
{
	char *s = NULL;

	mfr_plan_to_json(p, 0, &s, NULL);
	return same_text(s, plan_text);
}

static int same_plan_opts(const void *p)
{
	char *s = NULL;

	mfr_plan_to_json(p, 0, &s, NULL);
	return same_text(s, plan_opts_text);
}

static int same_brief_plan(const void *p)
{
	char *s = NULL;

	mfr_plan_to_json(p, 0, &s, NULL);
	return same_text(s, brief_plan_text);
}

static int same_program(const void *pg)
{
	char *s = NULL;

	mfr_program_to_json(pg, 0, &s, NULL);
	return same_text(s, program_text);
}

static int same_trace_text(const void *s)
{
	return strcmp(s, small_trace_text) == 0;
}

static int same_plan_text(const void *s)
{
	return strcmp(s, plan_text) == 0;
}

static int same_program_text(const void *s)
{
	return strcmp(s, small_program_text) == 0;
}

/* ---- options -------------------------------------------------------------- */

static void release_trace_options(void *p)
{
	mfr_trace_options_free(p);
}

static void release_plan_options(void *p)
{
	mfr_plan_options_free(p);
}

static mfr_status_t op_trace_options_new(void **out, mfr_error **err)
{
	(void)err;
	return mfr_trace_options_new((mfr_trace_options **)out);
}

static mfr_status_t op_plan_options_new(void **out, mfr_error **err)
{
	(void)err;
	return mfr_plan_options_new((mfr_plan_options **)out);
}

static void prepare_options(void)
{
	target_opts = NULL;
	ck_assert_int_eq(mfr_trace_options_new(&target_opts), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_add_line(target_opts, "lateral_line"), MFR_OK);
}

static void finish_options(void)
{
	mfr_trace_options_free(target_opts);
	target_opts = NULL;
}

/* The options trace as before: only the lateral line (a failed add_line
 * must not leave a half-added line behind). */
static int options_unchanged(void)
{
	mfr_trace *a = NULL;
	mfr_trace_options *want = NULL;
	mfr_trace *b = NULL;
	char *ja = NULL, *jb = NULL;
	int same = 0;

	if (mfr_trace_options_new(&want) == MFR_OK &&
	    mfr_trace_options_add_line(want, "lateral_line") == MFR_OK &&
	    mfr_trace_run(rich, target_opts, &a, NULL) == MFR_OK &&
	    mfr_trace_run(rich, want, &b, NULL) == MFR_OK &&
	    mfr_trace_to_json(a, 0, &ja, NULL) == MFR_OK &&
	    mfr_trace_to_json(b, 0, &jb, NULL) == MFR_OK)
		same = strcmp(ja, jb) == 0;
	mfr_free(ja);
	mfr_free(jb);
	mfr_trace_free(a);
	mfr_trace_free(b);
	mfr_trace_options_free(want);
	return same;
}

static mfr_status_t op_add_line(void **out, mfr_error **err)
{
	(void)err;
	return mfr_trace_options_add_line(target_opts, "superficial_back_line");
}

static mfr_status_t op_set_max_results(void **out, mfr_error **err)
{
	(void)err;
	return mfr_trace_options_set_max_results(target_opts, 5);
}

/* ---- trace, plan, program -------------------------------------------------- */

static void release_trace(void *p)
{
	mfr_trace_free(p);
}

static void release_plan(void *p)
{
	mfr_plan_free(p);
}

static void release_program(void *p)
{
	mfr_program_free(p);
}

static mfr_status_t op_trace(void **out, mfr_error **err)
{
	return mfr_trace_run(rich, NULL, (mfr_trace **)out, err);
}

static mfr_status_t op_trace_opts(void **out, mfr_error **err)
{
	return mfr_trace_run(rich, topts, (mfr_trace **)out, err);
}

static mfr_status_t op_trace_empty(void **out, mfr_error **err)
{
	return mfr_trace_run(empty, NULL, (mfr_trace **)out, err);
}

static mfr_status_t op_trace_unknown_line(void **out, mfr_error **err)
{
	mfr_status_t st;

	/* Options made before the faults: the run is what is swept. */
	st = mfr_trace_run(rich, target_opts, (mfr_trace **)out, err);
	return st;
}

static void prepare_unknown_line(void)
{
	target_opts = NULL;
	ck_assert_int_eq(mfr_trace_options_new(&target_opts), MFR_OK);
	ck_assert_int_eq(mfr_trace_options_add_line(target_opts, "no_such_line"), MFR_OK);
}

/* A trace on a model of its own, made and freed around each run: the
 * reach lists its symptoms need are computed in the run (lib/trace.c), so
 * their allocations fail in the sweep too. */
static mfr_model *cold_model;
static mfr_intake *cold_intake;

static void prepare_cold(void)
{
	ck_assert_int_eq(mfr_model_default(&cold_model, NULL), MFR_OK);
	mfr_test_assert_ok(mfr_intake_from_json(cold_model, rich_json, strlen(rich_json), NULL,
						&cold_intake, NULL), NULL, "intake");
}

static void finish_cold(void)
{
	mfr_intake_free(cold_intake);
	mfr_model_free(cold_model);
	cold_intake = NULL;
	cold_model = NULL;
}

static mfr_status_t op_trace_cold(void **out, mfr_error **err)
{
	return mfr_trace_run(cold_intake, NULL, (mfr_trace **)out, err);
}

static mfr_status_t op_plan(void **out, mfr_error **err)
{
	return mfr_plan_run(rich, NULL, (mfr_plan **)out, err);
}

static mfr_status_t op_plan_opts(void **out, mfr_error **err)
{
	return mfr_plan_run(rich, popts, (mfr_plan **)out, err);
}

static mfr_status_t op_plan_brief(void **out, mfr_error **err)
{
	return mfr_plan_run(brief, NULL, (mfr_plan **)out, err);
}

static mfr_status_t op_plan_guarded(void **out, mfr_error **err)
{
	return mfr_plan_run(guarded, NULL, (mfr_plan **)out, err);
}

static mfr_status_t op_plan_internal(void **out, mfr_error **err)
{
	return mfr_plan_run(internal, NULL, (mfr_plan **)out, err);
}

static mfr_status_t op_plan_no_sites(void **out, mfr_error **err)
{
	return mfr_plan_run(no_sites, NULL, (mfr_plan **)out, err);
}

static mfr_status_t op_plan_empty(void **out, mfr_error **err)
{
	return mfr_plan_run(empty, NULL, (mfr_plan **)out, err);
}

static mfr_status_t op_program(void **out, mfr_error **err)
{
	return mfr_program_run(rich, 6, 4, NULL, (mfr_program **)out, err);
}

static mfr_status_t op_program_crowded(void **out, mfr_error **err)
{
	return mfr_program_run(rich, 10, 1, NULL, (mfr_program **)out, err);
}

/* ---- the writers ------------------------------------------------------------ */

static mfr_status_t op_trace_json(void **out, mfr_error **err)
{
	return mfr_trace_to_json(small_trace, 0, (char **)out, err);
}

static mfr_status_t op_trace_json_compact(void **out, mfr_error **err)
{
	return mfr_trace_to_json(small_trace, MFR_JSON_COMPACT, (char **)out, err);
}

static mfr_status_t op_plan_json(void **out, mfr_error **err)
{
	return mfr_plan_to_json(plan, 0, (char **)out, err);
}

static mfr_status_t op_plan_json_compact(void **out, mfr_error **err)
{
	return mfr_plan_to_json(plan, MFR_JSON_COMPACT, (char **)out, err);
}

static mfr_status_t op_program_json(void **out, mfr_error **err)
{
	return mfr_program_to_json(small_program, 0, (char **)out, err);
}

static mfr_status_t op_program_json_compact(void **out, mfr_error **err)
{
	return mfr_program_to_json(small_program, MFR_JSON_COMPACT, (char **)out, err);
}

/* The same documents written from a 64-byte buffer: it grows about ten
 * times, so the sweeps fail it in the middle of a document, at every
 * growth (the *_to_json() functions size their buffer from the first and
 * rarely grow it). */
static mfr_status_t op_trace_json_growing(void **out, mfr_error **err)
{
	mfr_jw w;

	mfr__jw_init(&w, 0, 64);
	mfr__trace_json(&w, small_trace);
	return mfr__jw_finish(&w, (char **)out, err);
}

static mfr_status_t op_plan_json_growing(void **out, mfr_error **err)
{
	mfr_jw w;

	mfr__jw_init(&w, 0, 64);
	mfr__plan_json(&w, plan);
	return mfr__jw_finish(&w, (char **)out, err);
}

/* The output layer (mfr/output.h): each format of each object. */
static mfr_status_t op_plan_write_text(void **out, mfr_error **err)
{
	return mfr_plan_write(plan, MFR_FORMAT_TEXT, 0, (char **)out, NULL, err);
}

static mfr_status_t op_program_write_text(void **out, mfr_error **err)
{
	size_t len;

	return mfr_program_write(small_program, MFR_FORMAT_TEXT, 0, (char **)out, &len, err);
}

static mfr_status_t op_trace_write_text(void **out, mfr_error **err)
{
	return mfr_trace_write(small_trace, MFR_FORMAT_TEXT, 0, (char **)out, NULL, err);
}

static mfr_status_t op_plan_write_soap(void **out, mfr_error **err)
{
	return mfr_plan_write(plan, MFR_FORMAT_SOAP, 0, (char **)out, NULL, err);
}

static mfr_status_t op_program_write_soap(void **out, mfr_error **err)
{
	return mfr_program_write(small_program, MFR_FORMAT_SOAP, 0, (char **)out, NULL, err);
}

static mfr_status_t op_plan_write_csv(void **out, mfr_error **err)
{
	return mfr_plan_write(plan, MFR_FORMAT_CSV, 0, (char **)out, NULL, err);
}

static mfr_status_t op_program_write_csv(void **out, mfr_error **err)
{
	return mfr_program_write(small_program, MFR_FORMAT_CSV, 0, (char **)out, NULL, err);
}

static mfr_status_t op_trace_write_csv(void **out, mfr_error **err)
{
	size_t len;

	return mfr_trace_write(small_trace, MFR_FORMAT_CSV, 0, (char **)out, &len, err);
}

static mfr_status_t op_plan_write_fhir(void **out, mfr_error **err)
{
	return mfr_plan_write(plan, MFR_FORMAT_FHIR, 0, (char **)out, NULL, err);
}

static mfr_status_t op_program_write_fhir(void **out, mfr_error **err)
{
	return mfr_program_write(small_program, MFR_FORMAT_FHIR, MFR_JSON_COMPACT,
				 (char **)out, NULL, err);
}

/* The client handout: its footer and the escaping grow the page in many
 * small pieces. */
static mfr_status_t op_plan_write_handout(void **out, mfr_error **err)
{
	return mfr_plan_write(plan, MFR_FORMAT_HANDOUT, 0, (char **)out, NULL, err);
}

static mfr_status_t op_program_write_handout(void **out, mfr_error **err)
{
	return mfr_program_write(small_program, MFR_FORMAT_HANDOUT, 0, (char **)out, NULL, err);
}

/* The body chart: the legend is built apart, then the views. */
static mfr_status_t op_plan_write_svg(void **out, mfr_error **err)
{
	return mfr_plan_write(plan, MFR_FORMAT_SVG, 0, (char **)out, NULL, err);
}

static mfr_status_t op_trace_write_svg(void **out, mfr_error **err)
{
	return mfr_trace_write(small_trace, MFR_FORMAT_SVG, 0, (char **)out, NULL, err);
}

static mfr_status_t op_plan_write_json(void **out, mfr_error **err)
{
	return mfr_plan_write(plan, MFR_FORMAT_JSON, 0, (char **)out, NULL, err);
}

static mfr_status_t op_program_json_growing(void **out, mfr_error **err)
{
	mfr_jw w;

	mfr__jw_init(&w, 0, 64);
	mfr__program_json(&w, small_program);
	return mfr__jw_finish(&w, (char **)out, err);
}

static const mfr_oom_op ops[] = {
	{ .name = "trace_options_new", .run = op_trace_options_new,
	  .release = release_trace_options, .own_status = MFR_OK, .flags = MFR_OOM_NO_ERR },
	{ .name = "trace_options_add_line", .run = op_add_line, .release = NULL,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_ERR, .prepare = prepare_options,
	  .finish = finish_options, .unchanged = options_unchanged },
	{ .name = "trace_options_set", .run = op_set_max_results, .release = NULL,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_ERR | MFR_OOM_NEVER,
	  .prepare = prepare_options, .finish = finish_options },
	{ .name = "plan_options_new", .run = op_plan_options_new,
	  .release = release_plan_options, .own_status = MFR_OK, .flags = MFR_OOM_NO_ERR },
	{ .name = "trace", .run = op_trace, .release = release_trace, .own_status = MFR_OK,
	  .flags = 0, .same = same_trace },
	{ .name = "trace_options", .run = op_trace_opts, .release = release_trace,
	  .own_status = MFR_OK, .flags = 0, .same = same_trace_opts },
	{ .name = "trace_no_symptoms", .run = op_trace_empty, .release = release_trace,
	  .own_status = MFR_OK, .flags = 0 },
	{ .name = "trace_unknown_line", .run = op_trace_unknown_line,
	  .release = release_trace, .own_status = MFR_E_REFERENCE, .flags = 0,
	  .prepare = prepare_unknown_line, .finish = finish_options },
	{ .name = "trace_cold_model", .run = op_trace_cold, .release = release_trace,
	  .own_status = MFR_OK, .flags = 0, .prepare = prepare_cold, .finish = finish_cold },
	{ .name = "plan", .run = op_plan, .release = release_plan, .own_status = MFR_OK,
	  .flags = 0, .same = same_plan },
	{ .name = "plan_options", .run = op_plan_opts, .release = release_plan,
	  .own_status = MFR_OK, .flags = 0, .same = same_plan_opts },
	{ .name = "plan_short_session", .run = op_plan_brief, .release = release_plan,
	  .own_status = MFR_OK, .flags = 0, .same = same_brief_plan },
	{ .name = "plan_guarded", .run = op_plan_guarded, .release = release_plan,
	  .own_status = MFR_OK, .flags = 0 },
	{ .name = "plan_internal_work", .run = op_plan_internal, .release = release_plan,
	  .own_status = MFR_OK, .flags = 0 },
	{ .name = "plan_no_sites", .run = op_plan_no_sites, .release = release_plan,
	  .own_status = MFR_OK, .flags = 0 },
	{ .name = "plan_no_symptoms", .run = op_plan_empty, .release = release_plan,
	  .own_status = MFR_E_MISSING, .flags = MFR_OOM_QUIET },
	{ .name = "program", .run = op_program, .release = release_program,
	  .own_status = MFR_OK, .flags = 0, .same = same_program },
	{ .name = "program_crowded", .run = op_program_crowded, .release = release_program,
	  .own_status = MFR_E_RANGE, .flags = MFR_OOM_QUIET },
	{ .name = "trace_to_json", .run = op_trace_json, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON, .same = same_trace_text },
	{ .name = "trace_to_json_compact", .run = op_trace_json_compact,
	  .release = mfr_free, .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "plan_to_json", .run = op_plan_json, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON, .same = same_plan_text },
	{ .name = "plan_to_json_compact", .run = op_plan_json_compact, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "program_to_json", .run = op_program_json, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON, .same = same_program_text },
	{ .name = "program_to_json_compact", .run = op_program_json_compact,
	  .release = mfr_free, .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "trace_json_growing", .run = op_trace_json_growing, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON, .same = same_trace_text },
	{ .name = "plan_json_growing", .run = op_plan_json_growing, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON, .same = same_plan_text },
	{ .name = "program_json_growing", .run = op_program_json_growing,
	  .release = mfr_free, .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON,
	  .same = same_program_text },
	{ .name = "plan_write_text", .run = op_plan_write_text, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "program_write_text", .run = op_program_write_text, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "trace_write_text", .run = op_trace_write_text, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "plan_write_soap", .run = op_plan_write_soap, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "program_write_soap", .run = op_program_write_soap, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "plan_write_csv", .run = op_plan_write_csv, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "program_write_csv", .run = op_program_write_csv, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "trace_write_csv", .run = op_trace_write_csv, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "plan_write_fhir", .run = op_plan_write_fhir, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "program_write_fhir", .run = op_program_write_fhir, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "plan_write_handout", .run = op_plan_write_handout, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "program_write_handout", .run = op_program_write_handout,
	  .release = mfr_free, .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "plan_write_svg", .run = op_plan_write_svg, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "trace_write_svg", .run = op_trace_write_svg, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "plan_write_json", .run = op_plan_write_json, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON, .same = same_plan_text },
};
#define N_OPS (int)(sizeof(ops) / sizeof(ops[0]))

/* The sweeps of ops[] (oom.h). */
MFR_OOM_LIBRARY_TESTS(ops)

#ifndef MFR_TEST_DEBUG_ARENA
MFR_OOM_JANSSON_TESTS(ops)
#endif

/* ---- reading allocates nothing ------------------------------------------- */

/* Every getter of a finished plan, into a running hash (no allocation). */
static unsigned long mix(unsigned long h, const char *s)
{
	for (; s && *s; s++)
		h = h * 31 + (unsigned char)*s;
	return h * 31 + 1;
}

static unsigned long read_plan(const mfr_plan *p)
{
	unsigned long h = (unsigned long)mfr_plan_status(p) + mfr_plan_session_seconds(p) +
			  mfr_plan_total_seconds(p) + mfr_plan_position_changes(p) +
			  (unsigned long)mfr_plan_pressure_ceiling(p);

	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++) {
		const mfr_plan_step *pstep = mfr_plan_step_at(p, i);

		h = mix(h, mfr_plan_step_rationale(pstep));
		h = mix(h, mfr_region_key(mfr_plan_step_region(pstep)));
		h = mix(h, mfr_technique_key(mfr_plan_step_technique(pstep)));
		h += (unsigned long)mfr_plan_step_phase(pstep) +
		     (unsigned long)mfr_plan_step_side(pstep) +
		     (unsigned long)mfr_plan_step_approach(pstep) +
		     (unsigned long)mfr_plan_step_pressure(pstep) +
		     (unsigned long)mfr_plan_step_position(pstep) + mfr_plan_step_seconds(pstep) +
		     mfr_plan_step_trace_rank(pstep) + mfr_plan_step_flags(pstep);
		h = mix(h, mfr_danger_zone_key(mfr_plan_step_danger_zone(pstep)));
	}
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);

		h = mix(h, mfr_plan_warning_text(w));
		h = mix(h, mfr_plan_warning_code(w));
		h = mix(h, mfr_plan_warning_subject_key(w));
		h = mix(h, mfr_region_key(mfr_plan_warning_region(w)));
		h += (unsigned long)mfr_plan_warning_kind(w) +
		     (unsigned long)mfr_plan_warning_subject_kind(w) +
		     (unsigned long)mfr_plan_warning_side(w);
	}
	for (uint32_t i = 0; i < mfr_plan_aftercare_count(p); i++) {
		const mfr_aftercare *ac = mfr_plan_aftercare_at(p, i);

		h = mix(h, mfr_aftercare_text(ac));
		h = mix(h, mfr_aftercare_key(ac));
		h += (unsigned long)mfr_aftercare_kind(ac);
	}
	return h;
}

static unsigned long read_trace(const mfr_trace *t)
{
	unsigned long h = mfr_trace_result_count(t);

	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const mfr_trace_result *r = mfr_trace_result_at(t, i);

		h = mix(h, mfr_trace_result_explain(r));
		h = mix(h, mfr_region_key(mfr_trace_result_region(r)));
		h += (unsigned long)mfr_trace_result_side(r) +
		     (unsigned long)mfr_trace_result_distance(r) +
		     (unsigned long)(mfr_trace_result_score(r) * 1e6);
		for (uint32_t k = 0; k < mfr_trace_result_path_count(r); k++) {
			const mfr_trace_path *pa = mfr_trace_result_path_at(r, k);

			h += mfr_trace_path_symptom(pa) +
			     (unsigned long)(mfr_trace_path_score(pa) * 1e6);
			for (uint32_t j = 0; j < mfr_trace_path_step_count(pa); j++) {
				const mfr_trace_path_step *tstep = mfr_trace_path_step_at(pa, j);

				h = mix(h, mfr_region_key(mfr_trace_path_step_from(tstep)));
				h = mix(h, mfr_region_key(mfr_trace_path_step_to(tstep)));
				h = mix(h, mfr_line_key(mfr_trace_path_step_line(tstep)));
				h = mix(h, mfr_referral_key(mfr_trace_path_step_referral(tstep)));
				h += (unsigned long)mfr_trace_path_step_from_side(tstep) +
				     (unsigned long)mfr_trace_path_step_to_side(tstep) +
				     (unsigned long)mfr_trace_path_step_relation(tstep) +
				     (unsigned long)mfr_trace_path_step_crosses(tstep) +
				     (unsigned long)mfr_trace_path_step_zone(tstep) +
				     (unsigned long)(mfr_trace_path_step_factor(tstep) * 1e6);
			}
		}
	}
	return h;
}

static unsigned long read_program(const mfr_program *pg)
{
	unsigned long h = mfr_program_session_count(pg) + mfr_program_weeks(pg);

	for (uint32_t i = 0; i < mfr_program_session_count(pg); i++) {
		const mfr_program_session *ps = mfr_program_session_at(pg, i);

		h = mix(h, mfr_program_session_focus(ps));
		h += mfr_program_session_day(ps) +
		     (unsigned long)mfr_program_session_reassess(ps);
		h = h * 7 + read_plan(mfr_program_session_plan(ps));
	}
	return h;
}

/* The model's lookups and suggestions (a misspelt key), and the parsers of
 * the shared enumerations. */
static unsigned long read_model(const mfr_model *m)
{
	const char *sugg[5];
	unsigned long h = 0;
	mfr_side_t side;
	mfr_position_t pos;

	for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++) {
		uint32_t n = mfr_model_suggest(m, kind, "heal", sugg, 5);

		for (uint32_t i = 0; i < n; i++)
			h = mix(h, sugg[i]);
		h += (unsigned long)mfr_model_has(m, kind, "heel");
	}
	h = mix(h, mfr_region_key(mfr_model_region(m, "heel")));
	h += (unsigned long)mfr_side_parse("left", &side) + (unsigned long)side;
	h += (unsigned long)mfr_position_parse("prone", &pos) + (unsigned long)pos;
	return h;
}

/* With every allocation failing, every getter still answers, and as with
 * no fault: none allocates, so none can hide a failure. */
START_TEST(reading_allocates_nothing)
{
	unsigned long t0 = read_trace(trace), p0 = read_plan(plan), g0 = read_program(program);
	unsigned long m0 = read_model(model);

	mfr__alloc_fail_after(0, 1);
	unsigned long t1 = read_trace(trace), p1 = read_plan(plan), g1 = read_program(program);
	unsigned long m1 = read_model(model);
	long injected = mfr__alloc_fail_after(-1, 0);

	ck_assert_int_eq(injected, 0);
	ck_assert(t0 == t1);
	ck_assert(p0 == p1);
	ck_assert(g0 == g1);
	ck_assert(m0 == m1);
}
END_TEST

Suite *mfr_test_oom_run_suite(void)
{
	Suite *s = suite_create("oom_run");
	TCase *tc = tcase_create("library");

	/* Made once per case, not per test: the sweeps only read these (what
	 * they change, their prepare function makes), and under valgrind
	 * (no fork) remaking them for each of the loop's tests took minutes. */
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, reading_allocates_nothing);
	tcase_add_loop_test(tc, library_faults, 0, N_OPS * 4);
	suite_add_tcase(s, tc);

#ifndef MFR_TEST_DEBUG_ARENA
	/* The writers do not allocate through jansson: checked once, in the
	 * ordinary build. */
	tc = tcase_create("jansson");
	tcase_add_unchecked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, jansson_faults, 0, N_OPS * 4);
	suite_add_tcase(s, tc);
#endif
	return s;
}
