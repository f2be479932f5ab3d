/*
 * libmfr - the plan ("P") section of a SOAP note (MFR_FORMAT_SOAP;
 * doc/soap-format.md): plain text a therapist can paste into a record.
 * SPDX-License-Identifier: MIT
 *
 * It claims only what libmfr's sources say (shared/clinical/reference.md):
 * CPT 97140 is named with the source's own label (unverified), and no
 * billing units are computed: the sources give no unit rule.
 */
#include "output-private.h"

#include <string.h>

#include "alloc.h"
#include "plan-private.h"
#include "program-private.h"
#include "text.h"

#define FILL MFR__FILL

/* A name of the API ("very_light", "side_lying") as words. */
static void words(mfr_tb *t, const char *name)
{
	for (; *name; name++)
		mfr__tb_add(t, "%c", *name == '_' ? ' ' : *name);
}

const char *mfr__duration_words(char buf[32], uint32_t s)
{
	if (s >= 60 && s % 60)
		mfr__format(buf, 32, "%u min %u s", s / 60, s % 60);
	else if (s >= 60)
		mfr__format(buf, 32, "%u min", s / 60);
	else
		mfr__format(buf, 32, "%u s", s);
	return buf;
}

/* @p s seconds in the words of @p msgs, as mfr__duration_words(). */
static void duration(mfr_tb *t, uint32_t s, const mfr_messages *msgs)
{
	char min[16], sec[16];

	mfr__format(min, sizeof(min), "%u", s / 60);
	mfr__format(sec, sizeof(sec), "%u", s >= 60 ? s % 60 : s);
	FILL(t, msgs, s >= 60 && s % 60 ? "duration.min_s" : s >= 60 ? "duration.min"
	     : "duration.s", "min", min, "s", sec);
}

int mfr__plan_absolute_open(const mfr_plan *p)
{
	for (uint32_t i = 0; i < p->warning_count; i++)
		if (strcmp(p->warnings[i].code, "unscreened_absolute") == 0)
			return 1;
	return 0;
}

/* The message code of what plan @p p's status means, or NULL: "ok" is
 * "as written" only when nothing that would refer the client out is still
 * to be asked (tenth therapist review: a note that said "may be carried
 * out as written" before fever or a clot had been asked about). */
static const char *status_code(const mfr_plan *p)
{
	switch (p->status) {
	case MFR_PLAN_OK:
		return mfr__plan_absolute_open(p) ? "status.ok.after_questions" : "status.ok";
	case MFR_PLAN_NEEDS_CLEARANCE:
		return "status.needs_clearance";
	case MFR_PLAN_REFER_OUT:
		return "status.refer_out";
	case MFR_PLAN_NEEDS_ANSWERS:
		return "status.needs_answers";
	default:
		return NULL;
	}
}

const char *mfr__plan_status_meaning(const mfr_plan *p)
{
	const char *code = status_code(p);

	return code ? mfr__msg_template(NULL, code) : NULL;
}

/* The status line: what the status means, for the statuses this writer
 * knows; any other is named as the API names it. */
static void status_line(mfr_tb *t, const mfr_plan *p, const mfr_messages *msgs)
{
	const char *code = status_code(p);

	if (code)
		FILL(t, msgs, "soap.status", "meaning", mfr__msg_template(msgs, code));
	else
		FILL(t, msgs, "soap.status_other", "status", mfr_plan_status_name(p->status));
	mfr__tb_put(t, "\n");
}

int mfr__warning_is_precaution(const mfr_plan_warning *w)
{
	return w->kind != MFR_WARNING_TIME && w->kind != MFR_WARNING_UNREACHABLE &&
	       w->kind != MFR_WARNING_NO_SITES;
}

/* The screening answers the intake records, each with its question, in
 * the model's order: the consultation the note documents (eleventh
 * therapist review: five "no" answers left no trace in the note; the
 * reference's consultation rule keeps contraindications on record). */
static void screening_on_record(mfr_tb *t, const mfr_plan *p, const mfr_messages *msgs)
{
	const mfr_model *m = p->model;
	uint32_t n = 0;

	for (uint32_t i = 0; p->audit.answer_texts && i < m->screening_count; i++) {
		const char *a = p->audit.answer_texts[i];

		if (!a)
			continue;
		if (!n++) {
			mfr__msg_put(t, msgs, "soap.screening");
			mfr__tb_put(t, "\n");
		}
		FILL(t, msgs, "soap.screening.answer", "question", m->screening[i].text,
		     "answer", a);
		mfr__tb_put(t, "\n");
	}
}

/* The interventions and precautions of one session's plan. */
static void session(mfr_tb *t, const mfr_plan *p, const mfr_messages *msgs)
{
	char site[160], n1[16], n2[16];
	uint32_t steps = p->total_seconds, reposition = 0, n = 0;

	for (uint32_t i = 0; i < p->step_count; i++)
		reposition += p->steps[i].seconds;
	reposition = steps - reposition;
	status_line(t, p, msgs);
	if (p->step_count) {
		mfr_tb hands, planned;

		mfr__msg_put(t, msgs, "soap.modality");
		mfr__tb_put(t, "\n");
		mfr__tb_init(&hands);
		mfr__tb_init(&planned);
		duration(&hands, p->total_seconds - reposition, msgs);
		duration(&planned, p->total_seconds, msgs);
		mfr__format(n1, sizeof(n1), "%u", p->session_seconds / 60);
		mfr__format(n2, sizeof(n2), "%u", p->position_changes);
		if (hands.status != MFR_OK || planned.status != MFR_OK)
			t->status = MFR_E_NOMEM;
		else
			FILL(t, msgs, p->position_changes == 1 ? "soap.time_one_change"
			     : "soap.time", "hands_on", hands.buf ? hands.buf : "",
			     "minutes", n1, "planned", planned.buf ? planned.buf : "",
			     "changes", n2);
		mfr__free(hands.buf);
		mfr__free(planned.buf);
		mfr__tb_put(t, "\n");
		mfr__msg_put(t, msgs, "soap.interventions");
		mfr__tb_put(t, "\n");
	}
	for (uint32_t i = 0; i < p->step_count; i++) {
		const mfr_plan_step *s = &p->steps[i];

		mfr__site_words(site, sizeof(site), s->region, s->side, msgs);
		mfr__tb_add(t, "%2u. %s: %s, %s, ", i + 1, site,
			    mfr_technique_name(s->technique), mfr_approach_name(s->approach));
		words(t, mfr_pressure_name(s->pressure));
		mfr__msg_put(t, msgs, "soap.pressure");
		words(t, mfr_position_name(s->position));
		if (s->lying)
			FILL(t, msgs, "soap.lying", "side", mfr_side_name(s->lying));
		mfr__tb_put(t, ", ");
		duration(t, s->seconds, msgs);
		mfr__tb_add(t, " (%s)\n", mfr_phase_name(s->phase));
	}
	for (uint32_t i = 0; i < p->warning_count; i++) {
		if (!mfr__warning_is_precaution(&p->warnings[i]))
			continue;
		if (!n++) {
			mfr__msg_put(t, msgs, "soap.precautions");
			mfr__tb_put(t, "\n");
		}
		mfr__tb_put(t, "- ");
		mfr__message_out(t, msgs, p->warnings[i].msg, p->warnings[i].text);
		mfr__tb_put(t, "\n");
	}
	screening_on_record(t, p, msgs);
	if (p->aftercare_count) {
		mfr__msg_put(t, msgs, "soap.home_care");
		mfr__tb_put(t, "\n");
	}
	for (uint32_t i = 0; i < p->aftercare_count; i++) {
		mfr__tb_put(t, "- ");
		if (p->aftercare[i]->kind == MFR_AFTERCARE_RED_FLAG)
			FILL(t, msgs, "soap.red_flag", "text", p->aftercare[i]->text);
		else
			mfr__tb_put(t, p->aftercare[i]->text);
		mfr__tb_put(t, "\n");
	}
}

/* The symptoms to reassess, with the intensities recorded at intake. */
static void baseline(mfr_tb *t, const mfr_audit *a, const mfr_messages *msgs)
{
	char site[160];

	for (uint32_t i = 0; i < a->symptom_count; i++) {
		const mfr_intake_symptom *s = &a->symptoms[i];

		mfr__site_words(site, sizeof(site), s->region, s->side, msgs);
		mfr__tb_add(t, "%s%s %d/10", i ? ", " : "", site, (int)s->intensity);
	}
}

/* The disclaimer, as a parameter. */
#define DISCLAIMER(msgs) "disclaimer", mfr__msg_template((msgs), "disclaimer")

void mfr__plan_soap(mfr_tb *t, const mfr_plan *plan, const mfr_messages *msgs)
{
	mfr_tb base;

	FILL(t, msgs, "soap.plan.heading", DISCLAIMER(msgs));
	mfr__tb_put(t, "\n");
	session(t, plan, msgs);
	mfr__tb_init(&base);
	baseline(&base, &plan->audit, msgs);
	if (base.status != MFR_OK)
		t->status = base.status;
	FILL(t, msgs, "soap.plan.reassess", "symptoms", base.buf ? base.buf : "");
	mfr__free(base.buf);
	mfr__tb_put(t, "\n");
	mfr__audit_text(t, plan->model, &plan->audit, msgs);
}

void mfr__program_soap(mfr_tb *t, const mfr_program *pg, const mfr_messages *msgs)
{
	const mfr_plan *first = pg->sessions[0].plan;
	uint32_t n = 0;
	char n1[16], n2[16], rate[16];
	mfr_tb days, again, base;

	mfr__format(n1, sizeof(n1), "%u", pg->count);
	mfr__format(n2, sizeof(n2), "%u", pg->weeks);
	FILL(t, msgs, pg->count == 1 && pg->weeks == 1 ? "soap.program.heading_one_one"
	     : pg->count == 1 ? "soap.program.heading_one_session"
	     : pg->weeks == 1 ? "soap.program.heading_one_week" : "soap.program.heading",
	     "sessions", n1, "weeks", n2, DISCLAIMER(msgs));
	mfr__tb_put(t, "\n");
	mfr__tb_init(&days);
	mfr__tb_init(&again);
	mfr__tb_init(&base);
	for (uint32_t i = 0; i < pg->count; i++)
		mfr__tb_add(&days, "%s %u", i ? "," : "", pg->sessions[i].day + 1);
	for (uint32_t i = 0; i < pg->count; i++)
		if (pg->sessions[i].reassess)
			mfr__tb_add(&again, "%s %u", n++ ? "," : "", i + 1);
	baseline(&base, &first->audit, msgs);
	mfr__format(rate, sizeof(rate), "%u.%u", (pg->count * 10 / pg->weeks) / 10,
		    (pg->count * 10 / pg->weeks) % 10);
	if (days.status != MFR_OK || again.status != MFR_OK || base.status != MFR_OK) {
		t->status = MFR_E_NOMEM;
	} else {
		FILL(t, msgs, "soap.program.frequency", "days", days.buf ? days.buf : "",
		     "rate", rate);
		mfr__tb_put(t, "\n");
		FILL(t, msgs, "soap.program.reassess", "sessions", again.buf ? again.buf : "",
		     "symptoms", base.buf ? base.buf : "");
		mfr__tb_put(t, "\n");
	}
	mfr__free(days.buf);
	mfr__free(again.buf);
	mfr__free(base.buf);
	mfr__msg_put(t, msgs, "soap.program.progression");
	mfr__tb_put(t, "\n");
	for (uint32_t i = 0; i < pg->count; i++) {
		mfr__format(n1, sizeof(n1), "%u", i + 1);
		mfr__format(n2, sizeof(n2), "%u", pg->sessions[i].day + 1);
		FILL(t, msgs, "soap.program.session_focus", "session", n1, "day", n2, "focus",
		     mfr__msg_template(msgs, pg->sessions[i].focus_code));
		mfr__tb_put(t, "\n");
	}
	mfr__msg_put(t, msgs, "soap.program.first_session");
	mfr__tb_put(t, "\n");
	session(t, first, msgs);
	mfr__audit_text(t, first->model, &first->audit, msgs);
}
