/*
 * libmfr unit tests: message tables (mfr/messages.h; issue 12, point 9).
 *
 * - The English table is complete and renders every message as the text
 *   the library gives in English: each warning, rationale and trace
 *   explanation of plans and programs over many intakes (every condition
 *   and precaution of the default model, with and without sites,
 *   clearances and screening answers).
 * - Nothing escapes the table: with a table whose templates keep only
 *   their parameters (every other character replaced by a marker), the
 *   text, SOAP and handout outputs hold no word that is not a model
 *   string's, a number or an enumeration's name.
 * - A table wrapped in "⟦" "⟧" is written where each sentence goes, and a
 *   table without a code writes it in English and lists it as missing.
 * - Bad tables: what, where (line:column and path) and how to fix; NULL
 *   arguments; the out-of-memory sweep of the loader and of a write.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "arena.h"
#include "explain-message.h"
#include "oom.h"
#include "util.h"

static mfr_model *model;

/* ---- tables built from the default one -------------------------------- */

/* The default table as a document, each template through @p edit
 * (malloc'd result), in language @p lang. malloc'd. */
static char *table_doc(const char *lang, char *(*edit)(const char *code, const char *tmpl))
{
	const mfr_messages *en = mfr_messages_default();
	json_t *msgs = json_object(), *doc;
	char *text;

	for (uint32_t i = 0; i < mfr_messages_count(en); i++) {
		const char *code = mfr_messages_code_at(en, i);
		char *t = edit(code, mfr_messages_get(en, code));

		if (t)
			json_object_set_new(msgs, code, json_string(t));
		free(t);
	}
	doc = json_pack("{s:s, s:i, s:s, s:o}", "format", "libmfr-messages", "format_version",
			1, "language", lang, "messages", msgs);
	text = json_dumps(doc, JSON_INDENT(1));
	json_decref(doc);
	return text;
}

static mfr_messages *load_doc(const char *doc)
{
	mfr_messages *t = NULL;
	mfr_error *err = NULL;

	mfr_test_assert_ok(mfr_messages_load_buffer(doc, strlen(doc), "table.json", &t, &err),
			   err, "a table built from the default one");
	return t;
}

/* "⟦" template "⟧". */
static char *wrap(const char *code, const char *tmpl)
{
	size_t n = strlen(tmpl) + 7;
	char *s = malloc(n);

	(void)code;
	ck_assert_ptr_nonnull(s);
	snprintf(s, n, "%s%s%s", *tmpl ? "\xe2\x9f\xa6" : "", tmpl, *tmpl ? "\xe2\x9f\xa7" : "");
	return s;
}

/* The parameters of the template, each literal character "#". */
static char *mark(const char *code, const char *tmpl)
{
	char *s = malloc(strlen(tmpl) * 2 + 1), *o = s;

	(void)code;
	ck_assert_ptr_nonnull(s);
	while (*tmpl) {
		if (tmpl[0] == '{' && tmpl[1] == '{') {
			*o++ = '#';
			tmpl += 2;
		} else if (*tmpl == '{') {
			const char *end = strchr(tmpl, '}');

			memcpy(o, tmpl, (size_t)(end - tmpl + 1));
			o += end - tmpl + 1;
			tmpl = end + 1;
		} else {
			*o++ = '#';
			tmpl++;
		}
	}
	*o = '\0';
	return s;
}

/* Only the disclaimer, in Spanish. */
static char *only_disclaimer(const char *code, const char *tmpl)
{
	(void)tmpl;
	return strcmp(code, "disclaimer") == 0
		? strdup("Apoyo a la decisi\xc3\xb3n para terapeutas; no es un diagn\xc3\xb3stico.")
		: NULL;
}

/* ---- the intakes ---------------------------------------------------------- */

/* Every case: a symptom set with each condition, each precaution (global,
 * and at a site where it takes one; cleared and not), each screening
 * answer, scopes, acute onset, short sessions. Calls fn(ctx, json). */
static void each_intake(void (*fn)(void *ctx, const char *json), void *ctx)
{
	static const char *const symptoms[] = {
		"{\"region\": \"low_back\", \"side\": \"right\", \"intensity\": 7}",
		"{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 4}, "
		"{\"region\": \"neck\", \"side\": \"left\", \"intensity\": 5, \"onset\": \"acute\"}",
		"{\"region\": \"jaw\", \"side\": \"left\", \"intensity\": 5}, "
		"{\"region\": \"pelvis\", \"side\": \"midline\", \"intensity\": 3}",
		"{\"region\": \"coccyx\", \"side\": \"midline\", \"intensity\": 5}",
		/* sites reached from three and four symptoms: "also reached
		 * from the A, the B and the C" */
		"{\"region\": \"heel\", \"side\": \"left\", \"intensity\": 6}, "
		"{\"region\": \"calf\", \"side\": \"left\", \"intensity\": 5}, "
		"{\"region\": \"knee\", \"side\": \"left\", \"intensity\": 4}, "
		"{\"region\": \"low_back\", \"side\": \"left\", \"intensity\": 3}",
	};
	char buf[2048];

	for (size_t s = 0; s < sizeof(symptoms) / sizeof(*symptoms); s++) {
		snprintf(buf, sizeof(buf), "{\"symptoms\": [%s]}", symptoms[s]);
		fn(ctx, buf);
		snprintf(buf, sizeof(buf), "{\"symptoms\": [%s], \"scopes\": [\"intra_oral\", "
			 "\"intra_pelvic\"], \"session_minutes\": 20}", symptoms[s]);
		fn(ctx, buf);
		for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_CONDITION); i++) {
			const char *c = mfr_condition_key(mfr_model_condition_at(model, i));

			snprintf(buf, sizeof(buf), "{\"symptoms\": [%s], \"conditions\": [\"%s\"]}",
				 symptoms[s], c);
			fn(ctx, buf);
		}
		for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_PRECAUTION); i++) {
			const char *p = mfr_precaution_key(mfr_model_precaution_at(model, i));

			snprintf(buf, sizeof(buf), "{\"symptoms\": [%s], \"conditions\": "
				 "[\"plantar_fasciitis\"], \"precautions\": [\"%s\"]}", symptoms[s], p);
			fn(ctx, buf);
			snprintf(buf, sizeof(buf), "{\"symptoms\": [%s], \"precautions\": [\"%s\"], "
				 "\"clearances\": [\"%s\"]}", symptoms[s], p, p);
			fn(ctx, buf);
			snprintf(buf, sizeof(buf), "{\"symptoms\": [%s], \"precautions\": [{\"key\": "
				 "\"%s\", \"region\": \"calf\", \"side\": \"left\"}], \"clearances\": "
				 "[\"%s\"]}", symptoms[s], p, p);
			fn(ctx, buf);
		}
		for (uint32_t i = 0; i < mfr_model_count(model, MFR_KIND_SCREENING); i++) {
			const mfr_screening *q = mfr_model_screening_at(model, i);

			for (uint32_t k = 0; k < mfr_screening_answer_count(q); k++) {
				const mfr_screening_answer *a = mfr_screening_answer_at(q, k);

				snprintf(buf, sizeof(buf), "{\"symptoms\": [%s], \"answers\": "
					 "[{\"question\": \"%s\", \"answer\": \"%s\"%s}]}", symptoms[s],
					 mfr_screening_key(q), mfr_screening_answer_key(a),
					 mfr_screening_answer_needs_site(a)
					 ? ", \"region\": \"thigh\", \"side\": \"left\"" : "");
				fn(ctx, buf);
			}
		}
	}
}

/* An intake the model takes (a precaution that needs no site given one,
 * say, is refused: such a case is skipped), its plan and a program. */
typedef struct built {
	mfr_intake *in;
	mfr_trace *trace;
	mfr_plan *plan;
	mfr_program *program;
} built;

static int build(const char *json, built *b)
{
	*b = (built){ 0 };
	if (mfr_intake_from_json(model, json, strlen(json), NULL, &b->in, NULL) != MFR_OK)
		return 0;
	mfr_test_assert_ok(mfr_trace_run(b->in, NULL, &b->trace, NULL), NULL, json);
	mfr_test_assert_ok(mfr_plan_run(b->in, NULL, &b->plan, NULL), NULL, json);
	mfr_test_assert_ok(mfr_program_run(b->in, 3, 2, NULL, &b->program, NULL), NULL, json);
	return 1;
}

static void unbuild(built *b)
{
	mfr_program_free(b->program);
	mfr_plan_free(b->plan);
	mfr_trace_free(b->trace);
	mfr_intake_free(b->in);
}

/* ---- (a) the English table is the library's text ---------------------------- */

typedef struct seen {
	uint32_t intakes, warnings, steps, comma_lists;
	char codes[4096]; /* every warning message code met, " "-separated */
} seen;

static void check_message(const mfr_message *m, const char *text, const char *what)
{
	char *got = NULL;

	ck_assert_msg(m != NULL, "%s: no message", what);
	ck_assert_ptr_nonnull(mfr_messages_get(mfr_messages_default(), mfr_message_code(m)));
	mfr_test_assert_ok(mfr_message_render(m, NULL, &got, NULL), NULL, what);
	/* The text is cut at 1023 bytes (with "..."); below that, equal. */
	if (strlen(text) < 1000)
		ck_assert_msg(strcmp(got, text) == 0, "%s %s:\n  message: %s\n  text:    %s",
			      what, mfr_message_code(m), got, text);
	mfr_free(got);
}

static void check_plan(seen *sn, const mfr_plan *p)
{
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);
		const mfr_message *m = mfr_plan_warning_message(w);
		const char *code = mfr_message_code(m);
		char key[80];

		check_message(m, mfr_plan_warning_text(w), "warning");
		snprintf(key, sizeof(key), " %s ", code);
		if (!strstr(sn->codes, key) && strlen(sn->codes) + strlen(key) < sizeof(sn->codes))
			strcat(sn->codes, key + (sn->codes[0] ? 1 : 0));
		sn->warnings++;
	}
	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++) {
		const mfr_plan_step *s = mfr_plan_step_at(p, i);

		check_message(mfr_plan_step_rationale_message(s), mfr_plan_step_rationale(s),
			      "rationale");
		sn->steps++;
	}
}

static void english_one(void *ctx, const char *json)
{
	seen *sn = ctx;
	built b;
	mfr_arena a = { 0 };

	if (!build(json, &b))
		return;
	sn->intakes++;
	check_plan(sn, b.plan);
	for (uint32_t i = 0; i < mfr_program_session_count(b.program); i++)
		check_plan(sn, mfr_program_session_plan(mfr_program_session_at(b.program, i)));
	for (uint32_t i = 0; i < mfr_trace_result_count(b.trace); i++) {
		const mfr_trace_result *r = mfr_trace_result_at(b.trace, i);

		const mfr_message *m = mfr__explain_msg(&a, r);

		check_message(m, mfr_trace_result_explain(r), "explanation");
		if (strstr(mfr_trace_result_explain(r), ", the "))
			sn->comma_lists++;
	}
	mfr__arena_release(&a);
	unbuild(&b);
}

START_TEST(english_renders_as_the_library_text)
{
	static seen sn;

	memset(&sn, 0, sizeof(sn));
	each_intake(english_one, &sn);
	ck_assert_uint_gt(sn.intakes, 150);
	ck_assert_uint_gt(sn.warnings, 1000);
	ck_assert_uint_gt(sn.steps, 1000);
	ck_assert_uint_gt(sn.comma_lists, 0); /* "also reached from the A, the B and the C" */
	/* The cases reach the warnings of every kind. */
	static const char *const reached[] = {
		"warning.refer_out.absolute", "warning.refer_out.refer_first",
		"warning.needs_clearance", "warning.modified.pressure", "warning.dose",
		"warning.position_limited", "warning.lying.positions_side",
		"warning.site_excluded.site_and_beside", "warning.out_of_scope.intra_pelvic",
		"warning.danger_zone", "warning.time",
		"warning.unscreened", "warning.acute", "warning.sensitive",
		"warning.session_shortened", "warning.site_needed",
	};
	for (size_t i = 0; i < sizeof(reached) / sizeof(*reached); i++)
		ck_assert_msg(strstr(sn.codes, reached[i]), "no case gives %s; the cases gave: %s",
			      reached[i], sn.codes);
}
END_TEST

START_TEST(default_table)
{
	const mfr_messages *en = mfr_messages_default();
	uint32_t n = mfr_messages_count(en);

	ck_assert_ptr_eq(en, mfr_messages_default());
	ck_assert_str_eq(mfr_messages_language(en), "en");
	ck_assert_uint_gt(n, 150);
	ck_assert_uint_eq(mfr_messages_missing_count(en), 0);
	ck_assert_ptr_null(mfr_messages_missing_at(en, 0));
	ck_assert_ptr_null(mfr_messages_code_at(en, n));
	for (uint32_t i = 1; i < n; i++)
		ck_assert_int_lt(strcmp(mfr_messages_code_at(en, i - 1), mfr_messages_code_at(en, i)),
				 0);
	ck_assert_str_eq(mfr_messages_get(en, "disclaimer"),
			 "Decision support for licensed therapists; not a diagnosis.");
	ck_assert_ptr_null(mfr_messages_get(en, "no.such.code"));
	ck_assert_ptr_null(mfr_messages_get(NULL, "disclaimer"));
	ck_assert_ptr_null(mfr_messages_get(en, NULL));
	ck_assert_ptr_null(mfr_messages_language(NULL));
	ck_assert_uint_eq(mfr_messages_count(NULL), 0);
	mfr_messages_free((mfr_messages *)en); /* the static table: left alone */
	mfr_messages_free(NULL);
	ck_assert_str_eq(mfr_messages_language(mfr_messages_default()), "en");
	/* A message handle's getters on NULL and past the end. */
	ck_assert_ptr_null(mfr_message_code(NULL));
	ck_assert_uint_eq(mfr_message_arg_count(NULL), 0);
	ck_assert_ptr_null(mfr_message_arg_name(NULL, 0));
	ck_assert_ptr_null(mfr_message_arg_value(NULL, 0));
	ck_assert_ptr_null(mfr_message_arg_message(NULL, 0));
	ck_assert_ptr_null(mfr_plan_warning_message(NULL));
	ck_assert_ptr_null(mfr_plan_step_rationale_message(NULL));
}
END_TEST

/* A warning's message: its code and parameters, and a phrase as a message. */
START_TEST(message_parameters)
{
	mfr_test_run r;
	const mfr_message *m = NULL;

	mfr_test_run_make(&r, "{\"symptoms\": [{\"region\": \"low_back\", \"side\": \"right\", "
			  "\"intensity\": 5}], \"precautions\": [{\"key\": \"open_wound\", "
			  "\"region\": \"calf\", \"side\": \"left\"}]}", 1, 1);
	for (uint32_t i = 0; i < mfr_plan_warning_count(r.plan) && !m; i++)
		if (strcmp(mfr_plan_warning_code(mfr_plan_warning_at(r.plan, i)), "modified") == 0)
			m = mfr_plan_warning_message(mfr_plan_warning_at(r.plan, i));
	if (!m) { /* open_wound may only exclude: take the first warning */
		ck_assert_uint_gt(mfr_plan_warning_count(r.plan), 0);
		m = mfr_plan_warning_message(mfr_plan_warning_at(r.plan, 0));
	}
	ck_assert_ptr_nonnull(m);
	ck_assert_uint_gt(mfr_message_arg_count(m), 0);
	for (uint32_t i = 0; i < mfr_message_arg_count(m); i++) {
		const char *name = mfr_message_arg_name(m, i);
		char brace[64];

		snprintf(brace, sizeof(brace), "{%s}", name);
		/* Each parameter is named by the English template, and is text
		 * or a message, never both. */
		ck_assert_ptr_nonnull(strstr(mfr_messages_get(mfr_messages_default(),
							      mfr_message_code(m)), brace));
		ck_assert_int_eq(!mfr_message_arg_value(m, i), !!mfr_message_arg_message(m, i));
	}
	ck_assert_ptr_null(mfr_message_arg_name(m, mfr_message_arg_count(m)));
	mfr_test_run_free(&r);

	char *out = NULL;
	const char *names[] = { "region" }, *values[] = { "heel" };
	mfr_error *err = NULL;

	mfr_test_assert_ok(mfr_messages_format(NULL, "site.left", 1, names, values, &out, NULL),
			   NULL, "format");
	ck_assert_str_eq(out, "left heel");
	mfr_free(out);
	ck_assert_int_eq(mfr_messages_format(NULL, "site.left", 0, NULL, NULL, &out, &err),
			 MFR_E_MISSING);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "{region}"));
	mfr_error_free(err);
	err = NULL;
	ck_assert_int_eq(mfr_messages_format(NULL, "site.leftt", 0, NULL, NULL, &out, &err),
			 MFR_E_UNKNOWN);
	ck_assert_ptr_null(out);
	mfr_error_free(err);
	ck_assert_int_eq(mfr_messages_format(NULL, "site.left", 1, NULL, values, &out, NULL),
			 MFR_E_INVALID);
	ck_assert_int_eq(mfr_message_render(NULL, NULL, &out, NULL), MFR_E_INVALID);
}
END_TEST

/* ---- (b) no sentence escapes the table ---------------------------------------- */

typedef struct words {
	char **w;
	size_t n, cap;
} words;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_word(words *ws, const char *s, size_t n)
{
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? ws->cap * 2 : 1024;
		ws->w = realloc(ws->w, ws->cap * sizeof(*ws->w));
		ck_assert_ptr_nonnull(ws->w);
	}
	ws->w[ws->n] = strndup(s, n);
	ck_assert_ptr_nonnull(ws->w[ws->n]);
	ws->n++;
}

static int is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Every run of letters of @p s (a letter outside ASCII counts). */
static void add_words(words *ws, const char *s)
{
	while (*s) {
		size_t n = 0;

		while (s[n] && is_letter((unsigned char)s[n]))
			n++;
		if (n)
			add_word(ws, s, n);
		s += n ? n : 1;
	}
}

/* Every string of a JSON value, recursively. */
static void add_json_strings(words *ws, json_t *v)
{
	const char *k;
	json_t *item;
	size_t i;

	if (json_is_string(v))
		add_words(ws, json_string_value(v));
	else if (json_is_object(v))
		json_object_foreach(v, k, item)
			add_json_strings(ws, item);
	else if (json_is_array(v))
		json_array_foreach(v, i, item)
			add_json_strings(ws, item);
}

/* The words an output may hold outside the table: the model's strings and
 * the names of the enumerations the outputs print, and the warning codes. */
static void allowed_words(words *ws)
{
	char *text = NULL;
	json_t *doc;
	const char *(*const names[])(int) = {
		(const char *(*)(int))mfr_position_name, (const char *(*)(int))mfr_phase_name,
		(const char *(*)(int))mfr_approach_name, (const char *(*)(int))mfr_pressure_name,
		(const char *(*)(int))mfr_plan_status_name, (const char *(*)(int))mfr_side_name,
		(const char *(*)(int))mfr_distance_name, (const char *(*)(int))mfr_evidence_name,
	};

	mfr_test_assert_ok(mfr_model_to_json(model, 0, NULL, 0, &text, NULL), NULL, "export");
	doc = json_loads(text, 0, NULL);
	ck_assert_ptr_nonnull(doc);
	add_json_strings(ws, doc);
	json_decref(doc);
	mfr_free(text);
	for (size_t k = 0; k < sizeof(names) / sizeof(*names); k++)
		for (int v = 0; v < 1 << 12; v++)
			if (names[k](v))
				add_words(ws, names[k](v));
	/* The codes of the text format's warning lines ("! [refer_out] ..."). */
	add_words(ws, "refer_out needs_clearance symptom_needs_clearance site_needed modified "
		      "position_limited dose session_shortened unscreened unscreened_site "
		      "site_excluded out_of_scope unreachable symptom_unworked under_planned "
		      "technique_unused danger_zone internal_work external_plane time no_sites "
		      "sensitive acute");
	/* The version in the audit line, and the model's content hash (its
	 * hex digits hold letter runs, "bacff", that change with the model). */
	add_words(ws, "fnv");
	add_words(ws, mfr_model_content_hash(model));
	qsort(ws->w, ws->n, sizeof(*ws->w), cmp_str);
}

static void free_words(words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->w[i]);
	free(ws->w);
}

/* The output's text a person reads: an HTML page without its tags, style
 * and character references; else as it is. malloc'd. */
static char *readable(const char *out)
{
	char *s = strdup(out), *o = s;
	const char *p = out;

	ck_assert_ptr_nonnull(s);
	if (strncmp(out, "<!DOCTYPE", 9) != 0)
		return s;
	while (*p) {
		if (strncmp(p, "<style>", 7) == 0) {
			p = strstr(p, "</style>");
			ck_assert_ptr_nonnull(p);
		} else if (*p == '<') {
			p = strchr(p, '>');
			ck_assert_ptr_nonnull(p);
			p++;
			*o++ = ' ';
		} else if (*p == '&') {
			p = strchr(p, ';');
			ck_assert_ptr_nonnull(p);
			p++;
			*o++ = ' ';
		} else {
			*o++ = *p++;
		}
	}
	*o = '\0';
	return s;
}

typedef struct escape_ctx {
	mfr_messages *marked;
	words allowed;
	uint32_t outputs;
	uint32_t stride, seen; /* one intake in stride is written (below) */
} escape_ctx;

static void check_words(escape_ctx *e, const char *out, const char *what, const char *json)
{
	char *text = readable(out);
	const char *s = text;

	while (*s) {
		size_t n = 0;

		while (s[n] && is_letter((unsigned char)s[n]))
			n++;
		if (n) {
			char *w = strndup(s, n);

			ck_assert_msg(bsearch(&w, e->allowed.w, e->allowed.n, sizeof(char *), cmp_str),
				      "%s of %s: \"%s\" is no model string's, nor from the table:\n%s",
				      what, json, w, out);
			free(w);
		}
		s += n ? n : 1;
	}
	free(text);
	e->outputs++;
}

static void escape_one(void *ctx, const char *json)
{
	static const mfr_format_t formats[] = { MFR_FORMAT_TEXT, MFR_FORMAT_SOAP,
						MFR_FORMAT_HANDOUT };
	escape_ctx *e = ctx;
	built b;
	char *out = NULL;

	if (e->seen++ % e->stride || !build(json, &b))
		return;
	for (size_t f = 0; f < 3; f++) {
		mfr_test_assert_ok(mfr_plan_write_with(b.plan, formats[f], 0, e->marked, &out,
						       NULL, NULL), NULL, "plan");
		check_words(e, out, mfr_format_name(formats[f]), json);
		mfr_free(out);
		mfr_test_assert_ok(mfr_program_write_with(b.program, formats[f], 0, e->marked,
							  &out, NULL, NULL), NULL, "program");
		check_words(e, out, mfr_format_name(formats[f]), json);
		mfr_free(out);
	}
	mfr_test_assert_ok(mfr_trace_write_with(b.trace, MFR_FORMAT_TEXT, 0, e->marked, &out,
						NULL, NULL), NULL, "trace");
	check_words(e, out, "trace text", json);
	mfr_free(out);
	unbuild(&b);
}

/* Every intake, or with $MFR_MESSAGES_STRIDE=N (the valgrind setup: 4) one
 * in N: the English test above writes every one, and the plain, coverage
 * and ASan runs this one too. */
START_TEST(nothing_escapes_the_table)
{
	escape_ctx e = { 0 };
	char *doc = table_doc("x-marked", mark);

	e.stride = (uint32_t)mfr_test_env_int("MFR_MESSAGES_STRIDE", 1);
	if (e.stride < 1)
		e.stride = 1;
	e.marked = load_doc(doc);
	free(doc);
	ck_assert_uint_eq(mfr_messages_missing_count(e.marked), 0);
	allowed_words(&e.allowed);
	each_intake(escape_one, &e);
	ck_assert_uint_gt(e.outputs, 1000 / e.stride);
	free_words(&e.allowed);
	mfr_messages_free(e.marked);
}
END_TEST

/* Every sentence goes where the table puts it: wrapped, a warning's text
 * is the table's, and the default table writes the English bytes. */
START_TEST(wrapped_and_default)
{
	mfr_test_run r;
	char *doc = table_doc("x-pseudo", wrap), *a = NULL, *b = NULL;
	mfr_messages *t = load_doc(doc);

	free(doc);
	ck_assert_str_eq(mfr_messages_language(t), "x-pseudo");
	mfr_test_run_make(&r, "{\"id\": \"c-1\", \"symptoms\": [{\"region\": \"heel\", "
			  "\"side\": \"left\", \"intensity\": 6}], \"conditions\": "
			  "[\"plantar_fasciitis\"]}", 2, 1);
	mfr_test_assert_ok(mfr_plan_write_with(r.plan, MFR_FORMAT_TEXT, 0, t, &a, NULL, NULL),
			   NULL, "wrapped");
	ck_assert_msg(strncmp(a, "\xe2\x9f\xa6Session plan. \xe2\x9f\xa6" "Decision support", 25)
		      == 0, "%s", a);
	for (uint32_t i = 0; i < mfr_plan_warning_count(r.plan); i++) {
		char *w = NULL;

		mfr_test_assert_ok(mfr_message_render(mfr_plan_warning_message(
			mfr_plan_warning_at(r.plan, i)), t, &w, NULL), NULL, "render");
		ck_assert_msg(strncmp(w, "\xe2\x9f\xa6", 3) == 0 && strstr(a, w), "%s", w);
		mfr_free(w);
	}
	mfr_free(a);
	/* NULL and the default table: the writers' English, byte for byte. */
	for (mfr_format_t f = MFR_FORMAT_JSON; f <= MFR_FORMAT_SVG; f++) {
		if (mfr_plan_write(r.plan, f, 0, &a, NULL, NULL) != MFR_OK)
			continue;
		mfr_test_assert_ok(mfr_plan_write_with(r.plan, f, 0, mfr_messages_default(), &b,
						       NULL, NULL), NULL, "default");
		ck_assert_str_eq(a, b);
		mfr_free(b);
		/* The data formats are the same in every language. */
		if (f != MFR_FORMAT_TEXT && f != MFR_FORMAT_SOAP && f != MFR_FORMAT_HANDOUT) {
			mfr_test_assert_ok(mfr_plan_write_with(r.plan, f, 0, t, &b, NULL, NULL),
					   NULL, "data");
			ck_assert_str_eq(a, b);
			mfr_free(b);
		}
		mfr_free(a);
	}
	mfr_test_assert_ok(mfr_program_write_with(r.program, MFR_FORMAT_HANDOUT, 0, t, &a,
						  NULL, NULL), NULL, "handout");
	ck_assert_ptr_nonnull(strstr(a, "<html lang=\"x-pseudo\">"));
	mfr_free(a);
	/* A stream, as the buffer. */
	FILE *f = tmpfile();

	ck_assert_ptr_nonnull(f);
	mfr_test_assert_ok(mfr_trace_write_file_with(r.trace, MFR_FORMAT_TEXT, 0, t, f, NULL),
			   NULL, "file");
	mfr_test_assert_ok(mfr_trace_write_with(r.trace, MFR_FORMAT_TEXT, 0, t, &a, NULL, NULL),
			   NULL, "buffer");
	ck_assert_int_eq(ftell(f), (long)strlen(a));
	mfr_free(a);
	fclose(f);
	mfr_test_run_free(&r);
	mfr_messages_free(t);
}
END_TEST

START_TEST(missing_codes_are_english)
{
	mfr_test_run r;
	char *doc = table_doc("es", only_disclaimer), *a = NULL;
	mfr_messages *t = load_doc(doc);
	const mfr_messages *en = mfr_messages_default();

	free(doc);
	ck_assert_uint_eq(mfr_messages_count(t), 1);
	/* Every other code but "empty" (nothing to translate) is missing. */
	ck_assert_uint_eq(mfr_messages_missing_count(t), mfr_messages_count(en) - 2);
	for (uint32_t i = 0, k = 0; i < mfr_messages_count(en); i++)
		if (strcmp(mfr_messages_code_at(en, i), "disclaimer") != 0 &&
		    strcmp(mfr_messages_code_at(en, i), "empty") != 0)
			ck_assert_str_eq(mfr_messages_missing_at(t, k++), mfr_messages_code_at(en, i));
	ck_assert_ptr_null(mfr_messages_get(t, "warning.acute"));
	mfr_test_run_make(&r, "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", "
			  "\"intensity\": 6}]}", 1, 1);
	mfr_test_assert_ok(mfr_plan_write_with(r.plan, MFR_FORMAT_TEXT, 0, t, &a, NULL, NULL),
			   NULL, "es");
	ck_assert_ptr_nonnull(strstr(a, "Session plan. Apoyo a la decisi\xc3\xb3n"));
	ck_assert_ptr_nonnull(strstr(a, "Aftercare:"));
	mfr_free(a);
	mfr_test_run_free(&r);
	mfr_messages_free(t);
}
END_TEST

/* ---- (c) bad tables ----------------------------------------------------------- */

static const struct bad {
	const char *name, *doc;
	mfr_status_t status;
	int line, column;
	const char *says[3];
} bad[] = {
	{ "unknown code",
	  "{\"format\": \"libmfr-messages\", \"format_version\": 1, \"language\": \"es\",\n"
	  " \"messages\": {\"warning.acutee\": \"x\"}}",
	  MFR_E_UNKNOWN, 2, 33,
	  { "t.json:2:33: messages.warning.acutee:", "not a message code",
	    "did you mean \"warning.acute\"" } },
	{ "unknown parameter",
	  "{\"format\": \"libmfr-messages\", \"format_version\": 1, \"language\": \"es\",\n"
	  " \"messages\": {\n  \"warning.acute\": \"el {sitio} es agudo\"}}",
	  MFR_E_REFERENCE, 3, 20,
	  { "t.json:3:20: messages.warning.acute:", "names {sitio}",
	    "its parameters are {site}" } },
	{ "bad brace",
	  "{\"format\": \"libmfr-messages\", \"format_version\": 1, \"language\": \"es\",\n"
	  " \"messages\": {\"disclaimer\": \"a { b\"}}",
	  MFR_E_CONSTRAINT, 2, 29, { "a literal brace (write \"{{\")", NULL, NULL } },
	{ "template not a string",
	  "{\"format\": \"libmfr-messages\", \"format_version\": 1, \"language\": \"es\",\n"
	  " \"messages\": {\"disclaimer\": 7}}",
	  MFR_E_TYPE, 2, 29, { "a template is a string, found an integer", NULL, NULL } },
	{ "bad JSON",
	  "{\"format\": \"libmfr-messages\",\n \"format_version\": 1 \"language\": \"es\"}",
	  MFR_E_SYNTAX, 2, 0, { "t.json:2:", NULL, NULL } },
	{ "wrong format",
	  "{\"format\": \"libmfr-model\", \"format_version\": 1, \"language\": \"es\", "
	  "\"messages\": {}}",
	  MFR_E_VERSION, 1, 12, { "is not a libmfr message table",
				  "must be \"libmfr-messages\"", NULL } },
	{ "wrong version",
	  "{\"format\": \"libmfr-messages\", \"format_version\": 2, \"language\": \"es\", "
	  "\"messages\": {}}",
	  MFR_E_VERSION, 1, 49, { "format version 2 is not supported", NULL, NULL } },
	{ "no messages",
	  "{\"format\": \"libmfr-messages\", \"format_version\": 1, \"language\": \"es\"}",
	  MFR_E_MISSING, 1, 1, { "messages", NULL, NULL } },
	{ "unknown member",
	  "{\"format\": \"libmfr-messages\", \"format_version\": 1, \"language\": \"es\", "
	  "\"mesages\": {}}",
	  MFR_E_UNKNOWN, 1, 0, { "mesages", NULL, NULL } },
	{ "bad language",
	  "{\"format\": \"libmfr-messages\", \"format_version\": 1, \"language\": \"es mx\", "
	  "\"messages\": {}}",
	  MFR_E_RANGE, 1, 0, { "not a language tag", "BCP 47", NULL } },
};

START_TEST(bad_tables)
{
	const struct bad *c = &bad[_i];
	mfr_messages *t = (mfr_messages *)1;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_messages_load_buffer(c->doc, strlen(c->doc), "t.json", &t, &err);

	ck_assert_msg(st == c->status, "%s: %s, not %s: %s", c->name, mfr_status_name(st),
		      mfr_status_name(c->status), err ? mfr_error_message(err) : "");
	ck_assert_ptr_null(t);
	ck_assert_ptr_nonnull(err);
	ck_assert_int_eq(mfr_error_line(err), c->line);
	if (c->column)
		ck_assert_msg(mfr_error_column(err) == c->column, "%s: column %d: %s", c->name,
			      (int)mfr_error_column(err), mfr_error_message(err));
	for (int k = 0; k < 3 && c->says[k]; k++)
		ck_assert_msg(strstr(mfr_error_message(err), c->says[k]), "%s: \"%s\" not in: %s",
			      c->name, c->says[k], mfr_error_message(err));
	mfr_error_free(err);
}
END_TEST

START_TEST(bad_arguments)
{
	mfr_messages *t = (mfr_messages *)1;
	mfr_error *err = NULL, *first = NULL;
	char path[512];

	ck_assert_int_eq(mfr_messages_load_buffer(NULL, 0, NULL, &t, NULL), MFR_E_INVALID);
	ck_assert_ptr_null(t);
	ck_assert_int_eq(mfr_messages_load_file(NULL, &t, NULL), MFR_E_INVALID);
	ck_assert_int_eq(mfr_messages_load_file("x", NULL, NULL), MFR_E_INVALID);
	ck_assert_int_eq(mfr_messages_load_file("/nonexistent/es.json", &t, &err), MFR_E_IO);
	ck_assert_ptr_nonnull(strstr(mfr_error_message(err), "/nonexistent/es.json"));
	/* A non-NULL *err on entry: refused, and left as it was. */
	first = err;
	ck_assert_int_eq(mfr_messages_load_buffer("{}", 2, NULL, &t, &err), MFR_E_INVALID);
	ck_assert_ptr_eq(err, first);
	mfr_error_free(err);
	/* The English table's file loads, complete. */
	mfr_test_path(path, sizeof(path), "../../lib/data/messages-en.json");
	err = NULL;
	mfr_test_assert_ok(mfr_messages_load_file(path, &t, &err), err, path);
	ck_assert_uint_eq(mfr_messages_missing_count(t), 0);
	ck_assert_uint_eq(mfr_messages_count(t), mfr_messages_count(mfr_messages_default()));
	for (uint32_t i = 0; i < mfr_messages_count(t); i++)
		ck_assert_str_eq(mfr_messages_get(t, mfr_messages_code_at(t, i)),
				 mfr_messages_get(mfr_messages_default(), mfr_messages_code_at(t, i)));
	mfr_messages_free(t);
}
END_TEST

/* ---- (d) out of memory ------------------------------------------------------- */

static char *oom_doc;
static mfr_messages *oom_table;
static mfr_plan *oom_plan;

static mfr_status_t op_load(void **out, mfr_error **err)
{
	return mfr_messages_load_buffer(oom_doc, strlen(oom_doc), "t.json",
					(mfr_messages **)out, err);
}

static mfr_status_t op_load_bad(void **out, mfr_error **err)
{
	return mfr_messages_load_buffer(bad[0].doc, strlen(bad[0].doc), "t.json",
					(mfr_messages **)out, err);
}

static void release_table(void *t)
{
	mfr_messages_free(t);
}

static mfr_status_t op_write(void **out, mfr_error **err)
{
	return mfr_plan_write_with(oom_plan, MFR_FORMAT_SOAP, 0, oom_table, (char **)out, NULL,
				   err);
}

static mfr_status_t op_write_handout(void **out, mfr_error **err)
{
	return mfr_plan_write_with(oom_plan, MFR_FORMAT_HANDOUT, 0, oom_table, (char **)out,
				   NULL, err);
}

static mfr_status_t op_render(void **out, mfr_error **err)
{
	return mfr_message_render(mfr_plan_step_rationale_message(mfr_plan_step_at(oom_plan, 1)),
				  oom_table, (char **)out, err);
}

static const mfr_oom_op ops[] = {
	{ .name = "messages_load", .run = op_load, .release = release_table,
	  .own_status = MFR_OK, .flags = MFR_OOM_PARSES },
	{ .name = "messages_load_bad", .run = op_load_bad, .release = release_table,
	  .own_status = MFR_E_UNKNOWN, .flags = MFR_OOM_PARSES },
	{ .name = "write_with", .run = op_write, .release = mfr_free, .own_status = MFR_OK,
	  .flags = MFR_OOM_NO_JANSSON },
	{ .name = "write_handout_with", .run = op_write_handout, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
	{ .name = "message_render", .run = op_render, .release = mfr_free,
	  .own_status = MFR_OK, .flags = MFR_OOM_NO_JANSSON },
};
#define N_OPS (int)(sizeof(ops) / sizeof(ops[0]))

MFR_OOM_LIBRARY_TESTS(ops)

MFR_OOM_PARSE_TESTS(ops)

static void oom_setup(void)
{
	static const char intake[] = "{\"symptoms\": [{\"region\": \"heel\", \"side\": \"left\", "
				     "\"intensity\": 6}], \"precautions\": [\"severe_osteoporosis\"]}";
	mfr_intake *in = NULL;

	mfr_test_assert_ok(mfr_model_default(&model, NULL), NULL, "model");
	oom_doc = table_doc("x-pseudo", wrap);
	oom_table = load_doc(oom_doc);
	mfr_test_assert_ok(mfr_intake_from_json(model, intake, strlen(intake), NULL, &in, NULL),
			   NULL, "intake");
	mfr_test_assert_ok(mfr_plan_run(in, NULL, &oom_plan, NULL), NULL, "plan");
	mfr_intake_free(in);
}

static void oom_teardown(void)
{
	mfr_oom_reset();
	mfr_plan_free(oom_plan);
	mfr_messages_free(oom_table);
	free(oom_doc);
	mfr_model_unref(model);
	model = NULL;
}

static void setup(void)
{
	mfr_test_assert_ok(mfr_model_default(&model, NULL), NULL, "model");
}

static void teardown(void)
{
	mfr_model_unref(model);
	model = NULL;
}

Suite *mfr_test_messages_suite(void)
{
	Suite *s = suite_create("messages");
	TCase *tc = tcase_create("tables");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_test(tc, default_table);
	tcase_add_test(tc, message_parameters);
	tcase_add_test(tc, english_renders_as_the_library_text);
	tcase_add_test(tc, nothing_escapes_the_table);
	tcase_add_test(tc, wrapped_and_default);
	tcase_add_test(tc, missing_codes_are_english);
	tcase_add_loop_test(tc, bad_tables, 0, (int)(sizeof(bad) / sizeof(*bad)));
	tcase_add_test(tc, bad_arguments);
	suite_add_tcase(s, tc);

	tc = tcase_create("oom");
	tcase_add_checked_fixture(tc, oom_setup, oom_teardown);
	tcase_set_timeout(tc, 600);
	tcase_add_loop_test(tc, library_faults, 0, N_OPS * 4);
	tcase_add_loop_test(tc, jansson_parse_first_allocation, 0, N_OPS * 2);
	suite_add_tcase(s, tc);
	return s;
}
