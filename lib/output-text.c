/*
 * libmfr - plans, programs and traces as plain text for a person
 * (MFR_FORMAT_TEXT): what the `mfr` tool prints.
 * SPDX-License-Identifier: MIT
 */
#include "output-private.h"

#include "explain-message.h"
#include "plan-private.h"
#include "program-private.h"
#include "text.h"
#include "trace-private.h"

#define FILL MFR__FILL

void mfr__site_name(char *buf, size_t size, const mfr_region *r, int side)
{
	if (side == MFR_SIDE_MIDLINE)
		mfr__format(buf, size, "%s", mfr_region_name(r));
	else
		mfr__format(buf, size, "%s %s", mfr_side_name(side), mfr_region_name(r));
}

void mfr__site_words(char *buf, size_t size, const mfr_region *r, int side,
		     const mfr_messages *msgs)
{
	mfr__msg_arg arg = { "region", mfr_region_name(r), NULL };
	mfr_message m = { side == MFR_SIDE_LEFT ? "site.left" : side == MFR_SIDE_RIGHT
			  ? "site.right" : "site.other", 1, &arg };
	mfr_text t;

	if (!msgs || msgs == mfr_messages_default()) {
		mfr__site_name(buf, size, r, side);
		return;
	}
	mfr__text_init(&t, buf, size);
	mfr__msg_text(&t, msgs, &m);
}

void mfr__audit_text(mfr_tb *t, const mfr_model *m, const mfr_audit *a,
		     const mfr_messages *msgs)
{
	FILL(t, msgs, a->intake_id ? "audit.line" : "audit.line_no_id", "version", mfr_version(),
	     "model", m->name, "model_version", m->version, "hash", m->content_hash,
	     "id", a->intake_id ? a->intake_id : "");
	mfr__tb_put(t, "\n");
	if (a->extensions) {
		FILL(t, msgs, "audit.extensions", "extensions", a->extensions);
		mfr__tb_put(t, "\n");
	}
}

/* The English text @p text of message @p m, or @p m written with @p msgs
 * when another table is given. */
void mfr__message_out(mfr_tb *t, const mfr_messages *msgs, const mfr_message *m,
		      const char *text)
{
	if (!msgs || msgs == mfr_messages_default() || !m)
		mfr__tb_put(t, text);
	else
		mfr__msg_tb(t, msgs, m);
}

/* A plan's lines, each starting with @p indent. */
static void plan_lines(mfr_tb *t, const mfr_plan *p, const char *indent,
		       const mfr_messages *msgs)
{
	char site[160], n1[16], n2[16], n3[16], n4[16];
	/* The ceiling the precautions and doses set: the scale's top is no
	 * limit, and saying "no firmer than firm" over light steps misleads. */
	mfr_pressure_t ceiling = p->ceiling;

	mfr__tb_put(t, indent);
	mfr__format(n2, sizeof(n2), "%u", p->session_seconds / 60);
	if (!p->step_count) { /* not "0 of 60 minutes planned", which reads as a plan */
		FILL(t, msgs, "text.plan.status_nothing", "status", mfr_plan_status_name(p->status),
		     "minutes", n2);
	} else {
		mfr__format(n1, sizeof(n1), "%u", (p->total_seconds + 59) / 60);
		mfr__format(n3, sizeof(n3), "%u", p->total_seconds);
		mfr__format(n4, sizeof(n4), "%u", p->position_changes);
		/* "ok" holds once the absolute-contraindication questions are
		 * answered no, as the SOAP note says (eleventh therapist
		 * review: the two disagreed). */
		const char *status = p->status == MFR_PLAN_OK && mfr__plan_absolute_open(p)
				     ? mfr__msg_template(msgs, "text.plan.ok_after_questions")
				     : mfr_plan_status_name(p->status);

		FILL(t, msgs, p->position_changes == 1 ? "text.plan.status_one_change"
		     : "text.plan.status", "status", status,
		     "planned", n1, "minutes", n2, "seconds", n3, "changes", n4);
	}
	/* Nothing planned, no pressure to limit (eleventh therapist review: a
	 * referral out read "pressure no firmer than light"). */
	if (p->step_count && ceiling == MFR_PRESSURE_FIRM)
		mfr__msg_put(t, msgs, "text.plan.no_ceiling");
	else if (p->step_count)
		FILL(t, msgs, "text.plan.ceiling", "pressure", mfr_pressure_name(ceiling));
	mfr__tb_put(t, "\n");
	for (uint32_t i = 0; i < p->warning_count; i++) {
		mfr__tb_add(t, "%s! [%s] ", indent, p->warnings[i].code);
		mfr__message_out(t, msgs, p->warnings[i].msg, p->warnings[i].text);
		mfr__tb_put(t, "\n");
	}
	if (p->step_count)
		mfr__tb_put(t, "\n");
	for (uint32_t i = 0; i < p->step_count; i++) {
		const mfr_plan_step *s = &p->steps[i];

		mfr__site_words(site, sizeof(site), s->region, s->side, msgs);
		mfr__tb_add(t, "%s%2u. %-10s %-30s %-28s %s, %s, %s, ", indent,
			    i + 1, mfr_position_name(s->position), site,
			    mfr_technique_name(s->technique), mfr_phase_name(s->phase),
			    mfr_approach_name(s->approach), mfr_pressure_name(s->pressure));
		mfr__format(n1, sizeof(n1), "%u", s->seconds);
		FILL(t, msgs, "text.step.seconds", "seconds", n1);
		mfr__tb_add(t, "\n%s      ", indent);
		mfr__message_out(t, msgs, s->rationale_msg, s->rationale);
		mfr__tb_put(t, "\n");
		if (s->lying) {
			mfr__tb_add(t, "%s      ", indent);
			FILL(t, msgs, "text.step.lying", "side", mfr_side_name(s->lying));
			mfr__tb_put(t, "\n");
		}
		if (s->zone) {
			mfr__tb_add(t, "%s      ", indent);
			FILL(t, msgs, "text.step.zone", "zone", mfr_danger_zone_name(s->zone),
			     "pressure",
			     mfr_pressure_name(mfr_danger_zone_pressure_ceiling(s->zone)),
			     "effect", mfr_danger_zone_effect(s->zone));
			mfr__tb_put(t, "\n");
		}
		if (s->flags & MFR_STEP_INTERNAL) {
			mfr__tb_add(t, "%s      ", indent);
			mfr__msg_put(t, msgs, "text.step.internal");
			mfr__tb_put(t, "\n");
		}
	}
	mfr__tb_add(t, "\n%s", indent);
	mfr__msg_put(t, msgs, "text.aftercare");
	mfr__tb_put(t, "\n");
	for (uint32_t i = 0; i < p->aftercare_count; i++) {
		const mfr_aftercare *a = p->aftercare[i];

		mfr__tb_add(t, "%s- ", indent);
		if (a->kind == MFR_AFTERCARE_RED_FLAG)
			FILL(t, msgs, "text.aftercare.red_flag", "text", a->text);
		else
			mfr__tb_put(t, a->text);
		mfr__tb_put(t, "\n");
	}
}

/* The disclaimer, as a parameter. */
#define DISCLAIMER(msgs) "disclaimer", mfr__msg_template((msgs), "disclaimer")

void mfr__plan_text(mfr_tb *t, const mfr_plan *plan, const mfr_messages *msgs)
{
	FILL(t, msgs, "text.plan.heading", DISCLAIMER(msgs));
	mfr__tb_put(t, "\n");
	plan_lines(t, plan, "", msgs);
	mfr__tb_put(t, "\n");
	mfr__audit_text(t, plan->model, &plan->audit, msgs);
}

void mfr__program_text(mfr_tb *t, const mfr_program *pg, const mfr_messages *msgs)
{
	char n1[16], n2[16];

	mfr__format(n1, sizeof(n1), "%u", pg->count);
	mfr__format(n2, sizeof(n2), "%u", pg->weeks);
	FILL(t, msgs, "text.program.heading", "sessions", n1, "weeks", n2, DISCLAIMER(msgs));
	mfr__tb_put(t, "\n");
	for (uint32_t i = 0; i < pg->count; i++) {
		const mfr_program_session *s = &pg->sessions[i];

		mfr__format(n1, sizeof(n1), "%u", i + 1);
		mfr__format(n2, sizeof(n2), "%u", s->day + 1);
		mfr__tb_put(t, "\n");
		FILL(t, msgs, s->reassess ? "text.program.session_reassess"
		     : "text.program.session", "session", n1, "day", n2);
		mfr__tb_put(t, "\n");
		plan_lines(t, s->plan, "  ", msgs);
	}
	mfr__tb_put(t, "\n");
	mfr__audit_text(t, pg->sessions[0].plan->model, &pg->sessions[0].plan->audit, msgs);
}

void mfr__trace_text(mfr_tb *t, const mfr_trace *tr, const mfr_messages *msgs)
{
	char name[128];
	/* Another table: each explanation made anew as a message, in an
	 * arena of the writer's own. */
	int other = msgs && msgs != mfr_messages_default();
	mfr_arena scratch = { 0 };

	mfr__msg_put(t, msgs, "text.trace.heading");
	for (uint32_t i = 0; i < tr->symptom_count; i++) {
		const mfr_intake_symptom *s = &tr->symptoms[i];

		mfr__site_words(name, sizeof(name), s->region, s->side, msgs);
		mfr__tb_add(t, "%s %s (%d/10)", i ? "," : "", name, (int)s->intensity);
	}
	if (tr->symptom_count == 0)
		mfr__msg_put(t, msgs, "text.trace.no_symptoms");
	mfr__tb_put(t, "\n");
	mfr__msg_put(t, msgs, "disclaimer");
	mfr__tb_put(t, "\n\n");
	for (uint32_t i = 0; i < tr->count; i++) {
		const mfr_trace_result *r = &tr->results[i];

		mfr__site_words(name, sizeof(name), r->region, r->side, msgs);
		mfr__tb_add(t, "%3u. %-34s ", i + 1, name);
		mfr__tb_fixed(t, r->score, 6, 3);
		mfr__tb_add(t, "  %s\n     ", mfr_distance_name(r->distance));
		if (other) {
			const mfr_message *m = mfr__explain_msg(&scratch, r);

			if (m)
				mfr__msg_tb(t, msgs, m);
			else
				t->status = MFR_E_NOMEM;
		} else {
			mfr__tb_put(t, mfr__result_explain(r));
		}
		mfr__tb_put(t, "\n");
	}
	mfr__arena_release(&scratch);
	mfr__tb_put(t, "\n");
	mfr__audit_text(t, tr->model, &tr->audit, msgs);
}
