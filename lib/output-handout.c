/*
 * libmfr - the client handout (MFR_FORMAT_HANDOUT; doc/handout-format.md):
 * one printable HTML page, in plain words, for the client to take home.
 * SPDX-License-Identifier: MIT
 *
 * It invents no clinical fact. What it says about the body and the days
 * after a session is the model's (region names, aftercare items) or, in
 * one sentence, the clinic's own page (shared/clinical/mfr-overview.txt:
 * why a therapist works away from the symptom). The rest is the plan
 * itself in plain words (its sites, sessions and status). No source gives
 * the client self-care for the lines worked, so the handout gives none.
 *
 * The page is self-contained: inline CSS, no script, nothing fetched. Every
 * string from the model or the intake is escaped.
 */
#include "output-private.h"

#include <string.h>

#include "alloc.h"
#include "plan-private.h"
#include "program-private.h"

/* Every sentence is a message of the table (lib/data/messages-en.json,
 * "handout.*"), written as text and then escaped: a template, like a model
 * string, can put no markup into the page. "handout.away_from_symptoms" is
 * the clinic's words (mfr-overview.txt, "Myofascial Massage Techniques May
 * Include"), given when the plan works a site away from the symptoms. */

/* A4 and Letter alike: the page's margins, no fixed size; colours kept in
 * print only where they carry meaning (the red-flag box). */
static const char style[] =
	"@page { margin: 16mm 15mm; }\n"
	"* { box-sizing: border-box; }\n"
	"html { background: #eef2f1; }\n"
	"body { margin: 0; padding: 32px 16px; color: #1c2b29;\n"
	"  font: 16px/1.5 \"DejaVu Sans\", \"Helvetica Neue\", Arial, sans-serif; }\n"
	"main { max-width: 780px; margin: 0 auto; padding: 36px 48px 24px; background: #fff;\n"
	"  border-top: 8px solid #2e7d6e; box-shadow: 0 1px 4px rgba(0, 0, 0, .15); }\n"
	"h1 { margin: 0 0 4px; font-size: 28px; color: #1f5a4f; }\n"
	"h2 { margin: 26px 0 10px; padding-bottom: 4px; font-size: 19px; color: #1f5a4f;\n"
	"  border-bottom: 1px solid #d3dedb; }\n"
	"p { margin: 8px 0; }\n"
	".lead { margin: 0; color: #46605b; }\n"
	"ul { margin: 0; padding-left: 22px; }\n"
	"li { margin: 5px 0; }\n"
	".why { margin: 12px 0 6px; font-size: 14px; font-weight: bold; color: #46605b; }\n"
	".sites { display: flex; flex-wrap: wrap; gap: 6px 8px; padding: 0; list-style: none; }\n"
	".sites li { margin: 0; padding: 3px 12px; border-radius: 14px; background: #e3f1ed;\n"
	"  border: 1px solid #b5d8cf; }\n"
	".notice { margin: 20px 0 0; padding: 12px 16px; font-weight: bold;\n"
	"  border-left: 6px solid #b3261e; background: #fcefee; }\n"
	".help { margin-top: 26px; padding: 4px 20px 12px; border: 2px solid #b3261e;\n"
	"  border-radius: 6px; background: #fcefee; }\n"
	".help h2 { margin-top: 12px; color: #8c1d18; border: 0; }\n"
	".disclaimer { margin-top: 26px; font-size: 14px; color: #46605b; }\n"
	"footer { margin-top: 18px; padding-top: 8px; border-top: 1px solid #d3dedb;\n"
	"  font-size: 11px; color: #66736f; white-space: pre-line; overflow-wrap: anywhere; }\n"
	"@media print {\n"
	"  html, body { padding: 0; background: none; font-size: 10.5pt; line-height: 1.4; }\n"
	"  main { max-width: none; padding: 0; border-top-width: 4pt; box-shadow: none; }\n"
	"  h1 { font-size: 19pt; }\n"
	"  h2 { margin: 12pt 0 5pt; font-size: 12.5pt; break-after: avoid; }\n"
	"  p { margin: 4pt 0; }\n"
	"  li { margin: 1.5pt 0; }\n"
	"  .why { margin: 6pt 0 3pt; font-size: 9.5pt; }\n"
	"  .sites { gap: 3pt 4pt; }\n"
	"  .sites li { margin: 0; padding: 0 6pt; font-size: 9.5pt; }\n"
	"  .sites li, .help, .notice { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
	"  .help { margin-top: 12pt; padding: 2pt 12pt 8pt; break-inside: avoid; }\n"
	"  .help h2 { margin-top: 8pt; }\n"
	"  .disclaimer { margin-top: 12pt; font-size: 9.5pt; }\n"
	"  footer { margin-top: 8pt; font-size: 8pt; }\n"
	"}\n";

/* @p s with &, <, >, " and ' as character references. */
static void esc(mfr_tb *t, const char *s)
{
	static const char special[] = "&<>\"'";
	static const char *const ref[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };

	while (*s) {
		size_t n = strcspn(s, special);

		if (n)
			mfr__tb_add(t, "%.*s", (int)n, s);
		s += n;
		if (*s)
			mfr__tb_put(t, ref[strchr(special, *s++) - special]);
	}
}

/* What the handout shows: one plan, or a program's sessions. */
typedef struct handout {
	const mfr_plan *plan;       /* a plan's handout */
	const mfr_program *program; /* or a program's */
	uint32_t count;             /* its plans */
	const mfr_messages *msgs;   /* the table its sentences come from */
} handout;

/* A site ("left heel"), escaped. */
static void site(mfr_tb *t, const handout *h, const mfr_region *r, int side)
{
	char name[160];

	mfr__site_words(name, sizeof(name), r, side, h->msgs);
	esc(t, name);
}

/* Text of a template (@p n bytes at @p s) as element content: &, < and >
 * as character references (quotes need none outside attributes). */
static void esc_text(mfr_tb *t, const char *s, size_t n)
{
	static const char *const ref[] = { "&amp;", "&lt;", "&gt;" };

	while (n) {
		size_t k = 0;

		while (k < n && s[k] != '&' && s[k] != '<' && s[k] != '>')
			k++;
		if (k)
			mfr__tb_add(t, "%.*s", (int)k, s);
		if (k == n)
			return;
		mfr__tb_put(t, ref[s[k] == '&' ? 0 : s[k] == '<' ? 1 : 2]);
		s += k + 1;
		n -= k + 1;
	}
}

/* The template of @p code filled from @p count name/value pairs: its text
 * as element content, each value escaped as every string of the model. */
static void say_n(mfr_tb *t, const handout *h, const char *code, const char *const *names,
		  const char *const *values, uint32_t count)
{
	const char *s = mfr__msg_template(h->msgs, code), *start;
	size_t n;
	int kind;

	while ((kind = mfr__tmpl_next(&s, &start, &n)) > 0) {
		if (kind == 1) {
			esc_text(t, start, n);
			continue;
		}
		for (uint32_t i = 0; i < count; i++)
			if (strlen(names[i]) == n && memcmp(names[i], start, n) == 0) {
				esc(t, values[i]);
				break;
			}
	}
}

/* The template of @p code, as element content. */
static void say(mfr_tb *t, const handout *h, const char *code)
{
	say_n(t, h, code, NULL, NULL, 0);
}

/* The template of @p code filled with the name/value pairs that follow, escaped. */
#define SAY(t, h, code, ...)                                                    \
	do {                                                                    \
		const char *const kv_[] = { __VA_ARGS__ };                      \
		const char *names_[sizeof(kv_) / sizeof(*kv_) / 2];             \
		const char *values_[sizeof(kv_) / sizeof(*kv_) / 2];            \
		for (size_t i_ = 0; i_ < sizeof(kv_) / sizeof(*kv_) / 2; i_++) { \
			names_[i_] = kv_[2 * i_];                               \
			values_[i_] = kv_[2 * i_ + 1];                          \
		}                                                               \
		say_n((t), (h), (code), names_, values_,                        \
		      (uint32_t)(sizeof(kv_) / sizeof(*kv_) / 2));              \
	} while (0)

static const mfr_plan *plan_at(const handout *h, uint32_t i)
{
	return h->program ? h->program->sessions[i].plan : h->plan;
}

/* Whether step @p s of @p p lies at one of the client's symptom sites. */
static int at_symptom(const mfr_plan *p, const mfr_plan_step *s)
{
	for (uint32_t i = 0; i < p->audit.symptom_count; i++)
		if (p->audit.symptoms[i].region == s->region && p->audit.symptoms[i].side == s->side)
			return 1;
	return 0;
}

/* Whether an earlier step (of this plan or an earlier one) has @p s's site. */
static int seen_site(const handout *h, uint32_t plan, uint32_t step)
{
	const mfr_plan_step *s = &plan_at(h, plan)->steps[step];

	for (uint32_t i = 0; i <= plan; i++) {
		const mfr_plan *p = plan_at(h, i);

		for (uint32_t k = 0; k < (i == plan ? step : p->step_count); k++)
			if (p->steps[k].region == s->region && p->steps[k].side == s->side)
				return 1;
	}
	return 0;
}

/* How far status @p st keeps the client from the work: refer out, then
 * needs clearance, then any other status that is not ok (one this writer
 * does not name: main adds needs_answers), then ok. */
static int severity(int st)
{
	return st == MFR_PLAN_REFER_OUT ? 3 : st == MFR_PLAN_NEEDS_CLEARANCE ? 2
	     : st == MFR_PLAN_OK ? 0 : 1;
}

/* The most severe status of the plans. */
static int status_of(const handout *h)
{
	int worst = MFR_PLAN_OK;

	for (uint32_t i = 0; i < h->count; i++)
		if (severity(plan_at(h, i)->status) > severity(worst))
			worst = plan_at(h, i)->status;
	return worst;
}

static void symptoms(mfr_tb *t, const handout *h, const mfr_audit *a)
{
	mfr_tb list;
	char name[160], n[16];

	mfr__tb_init(&list);
	for (uint32_t i = 0; i < a->symptom_count; i++) {
		mfr__site_words(name, sizeof(name), a->symptoms[i].region, a->symptoms[i].side,
				h->msgs);
		mfr__format(n, sizeof(n), "%d", (int)a->symptoms[i].intensity);
		mfr__tb_put(&list, i ? ", " : "");
		MFR__FILL(&list, h->msgs, "handout.symptom", "site", name, "intensity", n);
	}
	mfr__tb_put(t, "<p>");
	if (list.status != MFR_OK)
		t->status = list.status;
	else
		SAY(t, h, "handout.symptoms", "symptoms", list.buf ? list.buf : "");
	mfr__free(list.buf);
	mfr__tb_put(t, "</p>\n");
}

/* Why a step's site is worked, as the groups of the page list them, in
 * their order: 0 at a symptom site, 1 + i linked to symptom i, then (n the
 * symptoms) n + 1 the session's opening work and n + 2 its closing work
 * on a wider part. */
static uint32_t why(const mfr_plan *p, const mfr_plan_step *s)
{
	uint32_t n = p->audit.symptom_count;

	if (at_symptom(p, s))
		return 0;
	if (s->phase == MFR_PHASE_TREATMENT && s->symptom < n)
		return 1 + s->symptom;
	return s->phase == MFR_PHASE_INTEGRATION ? n + 2 : n + 1;
}

/* The heading of group @p group ("Linked to your left heel"). */
static void why_heading(mfr_tb *t, const handout *h, const mfr_audit *a, uint32_t group)
{
	mfr__tb_put(t, "<p class=\"why\">");
	if (group == 0) {
		say(t, h, "handout.group.symptom");
	} else if (group <= a->symptom_count) {
		char name[160];

		mfr__site_words(name, sizeof(name), a->symptoms[group - 1].region,
				a->symptoms[group - 1].side, h->msgs);
		SAY(t, h, "handout.group.linked", "site", name);
	} else {
		say(t, h, group == a->symptom_count + 1 ? "handout.group.opening"
			  : "handout.group.closing");
	}
	mfr__tb_put(t, "</p>\n<ul class=\"sites\">\n");
}

/* Every site the plans work, once, grouped by why it is worked (where the
 * client feels it, linked to one of their symptoms, opening or closing
 * the session), each group in the order first worked; and the clinic's
 * sentence when any lies away from the symptoms. */
static void sites(mfr_tb *t, const handout *h)
{
	const mfr_audit *a = &plan_at(h, 0)->audit;
	int any = 0, away = 0;

	for (uint32_t g = 0; g < a->symptom_count + 3; g++) {
		int listed = 0;

		for (uint32_t i = 0; i < h->count; i++) {
			const mfr_plan *p = plan_at(h, i);

			for (uint32_t k = 0; k < p->step_count; k++) {
				const mfr_plan_step *s = &p->steps[k];

				if (why(p, s) != g || seen_site(h, i, k))
					continue;
				if (!any++) {
					mfr__tb_put(t, "<section>\n<h2>");
					say(t, h, "handout.sites");
					mfr__tb_put(t, "</h2>\n");
				}
				if (!listed++)
					why_heading(t, h, a, g);
				mfr__tb_put(t, "<li>");
				site(t, h, s->region, s->side);
				mfr__tb_put(t, "</li>\n");
			}
		}
		if (listed)
			mfr__tb_put(t, "</ul>\n");
		if (listed && g >= 1 && g <= a->symptom_count)
			away = 1;
	}
	if (away) {
		mfr__tb_put(t, "<p>");
		say(t, h, "handout.away_from_symptoms");
		mfr__tb_put(t, "</p>\n");
	}
	if (any)
		mfr__tb_put(t, "</section>\n");
}

/* Whether aftercare item @p a of plan @p plan was given by an earlier plan. */
static int seen_aftercare(const handout *h, uint32_t plan, const mfr_aftercare *a)
{
	for (uint32_t i = 0; i < plan; i++) {
		const mfr_plan *p = plan_at(h, i);

		for (uint32_t k = 0; k < p->aftercare_count; k++)
			if (p->aftercare[k] == a)
				return 1;
	}
	return 0;
}

/* The aftercare items of @p kind (each once, in the model's order within a
 * plan), under @p heading; nothing when there are none. */
static void aftercare(mfr_tb *t, const handout *h, int kind, const char *open,
		      const char *heading_code)
{
	int any = 0;

	for (uint32_t i = 0; i < h->count; i++) {
		const mfr_plan *p = plan_at(h, i);

		for (uint32_t k = 0; k < p->aftercare_count; k++) {
			const mfr_aftercare *a = p->aftercare[k];

			if ((a->kind == MFR_AFTERCARE_RED_FLAG) != (kind == MFR_AFTERCARE_RED_FLAG) ||
			    seen_aftercare(h, i, a))
				continue;
			if (!any++) {
				mfr__tb_add(t, "%s\n<h2>", open);
				say(t, h, heading_code);
				mfr__tb_put(t, "</h2>\n<ul>\n");
			}
			mfr__tb_put(t, "<li>");
			esc(t, a->text);
			mfr__tb_put(t, "</li>\n");
		}
	}
	if (any)
		mfr__tb_put(t, "</ul>\n</section>\n");
}

/* The audit trail, as every text format writes it, escaped. */
static void footer(mfr_tb *t, const handout *h, const mfr_plan *p)
{
	mfr_tb audit;

	mfr__tb_init(&audit);
	mfr__audit_text(&audit, p->model, &p->audit, h->msgs);
	mfr__tb_put(t, "<footer>");
	if (audit.status == MFR_OK)
		esc(t, audit.buf);
	else if (t->status == MFR_OK)
		t->status = audit.status;
	mfr__free(audit.buf);
	mfr__tb_put(t, "</footer>\n");
}

/* The lead: the session's length, or the program's course and days. */
static void lead(mfr_tb *t, const handout *h)
{
	const mfr_program *pg = h->program;
	char minutes[16], sessions[16], weeks[16];

	mfr__format(minutes, sizeof(minutes), "%u", plan_at(h, 0)->session_seconds / 60);
	mfr__tb_put(t, "<p class=\"lead\">");
	if (!pg) {
		SAY(t, h, "handout.lead", "minutes", minutes);
		mfr__tb_put(t, "</p>\n");
		return;
	}
	mfr__format(sessions, sizeof(sessions), "%u", pg->count);
	mfr__format(weeks, sizeof(weeks), "%u", pg->weeks);
	SAY(t, h, pg->count == 1 && pg->weeks == 1 ? "handout.lead.program_one_one"
	    : pg->count == 1 ? "handout.lead.program_one_session"
	    : pg->weeks == 1 ? "handout.lead.program_one_week" : "handout.lead.program",
	    "sessions", sessions, "minutes", minutes, "weeks", weeks);
	mfr__tb_put(t, "</p>\n");
}

/* A program's days: "Your sessions fall on days 1, 5 and 9". */
static void schedule(mfr_tb *t, const handout *h, const mfr_program *pg)
{
	char day[16];

	mfr__tb_put(t, "<p>");
	if (pg->count == 1) {
		mfr__format(day, sizeof(day), "%u", pg->sessions[0].day + 1);
		SAY(t, h, "handout.schedule.one", "day", day);
		mfr__tb_put(t, "</p>\n");
		return;
	}
	mfr_tb days;

	/* "1, 5 and 9": "{first}, {rest}" around "{first} and {last}". */
	mfr__tb_init(&days);
	for (uint32_t i = 0; i < pg->count; i++) {
		mfr__format(day, sizeof(day), "%u", pg->sessions[i].day + 1);
		if (i == 0)
			mfr__tb_put(&days, day);
		else if (i + 1 < pg->count)
			MFR__FILL(&days, h->msgs, "handout.schedule.comma", "day", day);
		else
			MFR__FILL(&days, h->msgs, "handout.schedule.and", "day", day);
	}
	if (days.status != MFR_OK && t->status == MFR_OK)
		t->status = days.status;
	else if (days.status == MFR_OK)
		SAY(t, h, "handout.schedule", "days", days.buf ? days.buf : "");
	mfr__free(days.buf);
	mfr__tb_put(t, "</p>\n");
}

/* The page, the same for a plan and a program. */
static void page(mfr_tb *t, const handout *h)
{
	const mfr_plan *first = plan_at(h, 0);
	const char *title = h->program ? "handout.title.program" : "handout.title";
	int status = status_of(h);

	mfr__tb_put(t, "<!DOCTYPE html>\n<html lang=\"");
	esc(t, mfr_messages_language(h->msgs ? h->msgs : mfr_messages_default()));
	mfr__tb_put(t, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>");
	say(t, h, title);
	mfr__tb_add(t, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n"
		    "<header>\n<h1>", style);
	say(t, h, title);
	mfr__tb_put(t, "</h1>\n");
	/* A plan that refers out plans no session: no length, no days. */
	if (status != MFR_PLAN_REFER_OUT)
		lead(t, h);
	mfr__tb_put(t, "</header>\n");
	if (status != MFR_PLAN_OK) {
		mfr__tb_put(t, "<p class=\"notice\">");
		say(t, h, status == MFR_PLAN_REFER_OUT ? "handout.notice.refer_out"
			  : status == MFR_PLAN_NEEDS_CLEARANCE ? "handout.notice.needs_clearance"
			  : status == MFR_PLAN_NEEDS_ANSWERS ? "handout.notice.needs_answers"
			  : "handout.notice.other");
		mfr__tb_put(t, "</p>\n");
	}
	symptoms(t, h, &first->audit);
	if (h->program && status != MFR_PLAN_REFER_OUT)
		schedule(t, h, h->program);
	sites(t, h);
	aftercare(t, h, MFR_AFTERCARE_GENERAL, "<section>",
		  h->program ? "handout.aftercare.program" : "handout.aftercare");
	aftercare(t, h, MFR_AFTERCARE_RED_FLAG, "<section class=\"help\">",
		  "handout.red_flags");
	mfr__tb_put(t, "<p class=\"disclaimer\">");
	say(t, h, "handout.disclaimer");
	mfr__tb_put(t, "</p>\n");
	footer(t, h, first);
	mfr__tb_put(t, "</main>\n</body>\n</html>\n");
}

void mfr__plan_handout(mfr_tb *t, const mfr_plan *plan, const mfr_messages *msgs)
{
	handout h = { plan, NULL, 1, msgs };

	page(t, &h);
}

void mfr__program_handout(mfr_tb *t, const mfr_program *pg, const mfr_messages *msgs)
{
	handout h = { NULL, pg, pg->count, msgs };

	page(t, &h);
}
