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

#include "plan-private.h"
#include "program-private.h"
#include "text.h"

#define DISCLAIMER "Decision support for licensed therapists; not a diagnosis."

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

static void duration(mfr_tb *t, uint32_t s)
{
	char buf[32];

	mfr__tb_put(t, mfr__duration_words(buf, s));
}

const char *mfr__plan_status_meaning(int status)
{
	switch (status) {
	case MFR_PLAN_OK:
		return "ok: may be carried out as written.";
	case MFR_PLAN_NEEDS_CLEARANCE:
		return "NEEDS CLEARANCE: start only once a clinician has cleared the client.";
	case MFR_PLAN_REFER_OUT:
		return "REFER OUT: no myofascial release; refer the client to a physician.";
	case MFR_PLAN_NEEDS_ANSWERS:
		return "NEEDS ANSWERS: answer the open screening questions first; until then "
		       "the work avoids what a yes would rule out.";
	default:
		return NULL;
	}
}

/* The status line: what the status means, for the statuses this writer
 * knows; any other is named as the API names it. */
static void status_line(mfr_tb *t, int status)
{
	const char *meaning = mfr__plan_status_meaning(status);

	if (meaning)
		mfr__tb_add(t, "Status: %s\n", meaning);
	else
		mfr__tb_add(t, "Status: %s: see the precautions below.\n",
			    mfr_plan_status_name(status));
}

int mfr__warning_is_precaution(const mfr_plan_warning *w)
{
	return w->kind != MFR_WARNING_TIME && w->kind != MFR_WARNING_UNREACHABLE &&
	       w->kind != MFR_WARNING_NO_SITES;
}

/* The interventions and precautions of one session's plan. */
static void session(mfr_tb *t, const mfr_plan *p)
{
	char site[160];
	uint32_t steps = p->total_seconds, reposition = 0, n = 0;

	for (uint32_t i = 0; i < p->step_count; i++)
		reposition += p->steps[i].seconds;
	reposition = steps - reposition;
	status_line(t, p->status);
	if (p->step_count) {
		mfr__tb_put(t, "Modality: myofascial release, manual therapy; CPT 97140 "
			    "(\"manual therapy techniques, each 15 minutes\"; the code is "
			    "unverified in libmfr's sources: confirm it, and the units to "
			    "bill, with the payer).\n");
		mfr__tb_put(t, "Treatment time: ");
		duration(t, p->total_seconds - reposition);
		mfr__tb_add(t, " of hands-on work in a %u-minute session (", p->session_seconds / 60);
		duration(t, p->total_seconds);
		mfr__tb_add(t, " planned, with %u position change%s).\n", p->position_changes,
			    p->position_changes == 1 ? "" : "s");
		mfr__tb_put(t, "Interventions:\n");
	}
	for (uint32_t i = 0; i < p->step_count; i++) {
		const mfr_plan_step *s = &p->steps[i];

		mfr__site_name(site, sizeof(site), s->region, s->side);
		mfr__tb_add(t, "%2u. %s: %s, %s, ", i + 1, site,
			    mfr_technique_name(s->technique), mfr_approach_name(s->approach));
		words(t, mfr_pressure_name(s->pressure));
		mfr__tb_put(t, " pressure, ");
		words(t, mfr_position_name(s->position));
		if (s->lying)
			mfr__tb_add(t, " on the %s side", mfr_side_name(s->lying));
		mfr__tb_put(t, ", ");
		duration(t, s->seconds);
		mfr__tb_add(t, " (%s)\n", mfr_phase_name(s->phase));
	}
	for (uint32_t i = 0; i < p->warning_count; i++) {
		if (!mfr__warning_is_precaution(&p->warnings[i]))
			continue;
		if (!n++)
			mfr__tb_put(t, "Precautions observed:\n");
		mfr__tb_add(t, "- %s\n", p->warnings[i].text);
	}
	if (p->aftercare_count)
		mfr__tb_put(t, "Home care given:\n");
	for (uint32_t i = 0; i < p->aftercare_count; i++)
		mfr__tb_add(t, "- %s%s\n", p->aftercare[i]->kind == MFR_AFTERCARE_RED_FLAG
			    ? "Red flag: " : "", p->aftercare[i]->text);
}

/* The symptoms to reassess, with the intensities recorded at intake. */
static void baseline(mfr_tb *t, const mfr_audit *a)
{
	char site[160];

	for (uint32_t i = 0; i < a->symptom_count; i++) {
		const mfr_intake_symptom *s = &a->symptoms[i];

		mfr__site_name(site, sizeof(site), s->region, s->side);
		mfr__tb_add(t, "%s%s %d/10", i ? ", " : "", site, (int)s->intensity);
	}
}

void mfr__plan_soap(mfr_tb *t, const mfr_plan *plan, const mfr_messages *msgs)
{
	mfr__tb_put(t, "P (plan): myofascial release, one session. " DISCLAIMER "\n");
	session(t, plan);
	mfr__tb_put(t, "Reassess: at the start of the next session, the symptoms recorded "
		    "at intake (");
	baseline(t, &plan->audit);
	mfr__tb_put(t, "), and the client's response to this session.\n");
	mfr__audit_text(t, plan->model, &plan->audit, msgs);
}

void mfr__program_soap(mfr_tb *t, const mfr_program *pg, const mfr_messages *msgs)
{
	const mfr_plan *first = pg->sessions[0].plan;
	uint32_t n = 0;

	mfr__tb_add(t, "P (plan): myofascial release, %u session%s over %u week%s. "
		    DISCLAIMER "\n", pg->count, pg->count == 1 ? "" : "s", pg->weeks,
		    pg->weeks == 1 ? "" : "s");
	mfr__tb_put(t, "Frequency and duration: sessions on days");
	for (uint32_t i = 0; i < pg->count; i++)
		mfr__tb_add(t, "%s %u", i ? "," : "", pg->sessions[i].day + 1);
	mfr__tb_add(t, " (about %u.%u a week), at least 2 days apart.\n",
		    (pg->count * 10 / pg->weeks) / 10, (pg->count * 10 / pg->weeks) % 10);
	mfr__tb_put(t, "Reassess: at sessions");
	for (uint32_t i = 0; i < pg->count; i++)
		if (pg->sessions[i].reassess)
			mfr__tb_add(t, "%s %u", n++ ? "," : "", i + 1);
	mfr__tb_put(t, ": the symptoms recorded at intake (");
	baseline(t, &first->audit);
	mfr__tb_put(t, ") and the response to the work so far.\n");
	mfr__tb_put(t, "Progression:\n");
	for (uint32_t i = 0; i < pg->count; i++)
		mfr__tb_add(t, "- session %u, day %u: %s\n", i + 1, pg->sessions[i].day + 1,
			    pg->sessions[i].focus);
	mfr__tb_put(t, "Session 1:\n");
	session(t, first);
	mfr__audit_text(t, first->model, &first->audit, msgs);
}
