/*
 * libmfr - plans, programs and traces as plain text for a person
 * (MFR_FORMAT_TEXT): what the `mfr` tool prints.
 * SPDX-License-Identifier: MIT
 */
#include "output-private.h"

#include "plan-private.h"
#include "program-private.h"
#include "text.h"
#include "trace-private.h"

#define DISCLAIMER "Decision support for licensed therapists; not a diagnosis."

void mfr__site_name(char *buf, size_t size, const mfr_region *r, int side)
{
	if (side == MFR_SIDE_MIDLINE)
		mfr__format(buf, size, "%s", mfr_region_name(r));
	else
		mfr__format(buf, size, "%s %s", mfr_side_name(side), mfr_region_name(r));
}

void mfr__audit_text(mfr_tb *t, const mfr_model *m, const mfr_audit *a)
{
	mfr__tb_add(t, "Audit: libmfr %s; model \"%s\" %s (%s); intake %s%s%s\n",
		    mfr_version(), m->name, m->version, m->content_hash,
		    a->intake_id ? "id \"" : "without an id", a->intake_id ? a->intake_id : "",
		    a->intake_id ? "\"" : "");
	if (a->extensions)
		mfr__tb_add(t, "Extensions: %s\n", a->extensions);
}

/* A plan's lines, each starting with @p indent. */
static void plan_lines(mfr_tb *t, const mfr_plan *p, const char *indent)
{
	char site[160];
	/* The ceiling the precautions and doses set: the scale's top is no
	 * limit, and saying "no firmer than firm" over light steps misleads. */
	mfr_pressure_t ceiling = p->ceiling;

	if (!p->step_count) /* not "0 of 60 minutes planned", which reads as a plan */
		mfr__tb_add(t, "%sstatus: %s; nothing planned for the %u minutes (see the "
			    "warnings), ", indent, mfr_plan_status_name(p->status),
			    p->session_seconds / 60);
	else
		mfr__tb_add(t, "%sstatus: %s; %u of %u minutes planned (%u s), %u position "
			    "change%s, ", indent, mfr_plan_status_name(p->status),
			    (p->total_seconds + 59) / 60, p->session_seconds / 60,
			    p->total_seconds, p->position_changes,
			    p->position_changes == 1 ? "" : "s");
	mfr__tb_add(t, "%s%s\n",
		    ceiling == MFR_PRESSURE_FIRM ? "no precaution limits the pressure"
						 : "pressure no firmer than ",
		    ceiling == MFR_PRESSURE_FIRM ? "" : mfr_pressure_name(ceiling));
	for (uint32_t i = 0; i < p->warning_count; i++)
		mfr__tb_add(t, "%s! [%s] %s\n", indent, p->warnings[i].code,
			    p->warnings[i].text);
	if (p->step_count)
		mfr__tb_put(t, "\n");
	for (uint32_t i = 0; i < p->step_count; i++) {
		const mfr_plan_step *s = &p->steps[i];

		mfr__site_name(site, sizeof(site), s->region, s->side);
		mfr__tb_add(t, "%s%2u. %-10s %-30s %-28s %s, %s, %s, %u s\n%s      %s\n", indent,
			    i + 1, mfr_position_name(s->position), site,
			    mfr_technique_name(s->technique), mfr_phase_name(s->phase),
			    mfr_approach_name(s->approach), mfr_pressure_name(s->pressure),
			    s->seconds, indent, s->rationale);
		if (s->lying)
			mfr__tb_add(t, "%s      lying on the %s side\n", indent,
				    mfr_side_name(s->lying));
		if (s->zone)
			mfr__tb_add(t, "%s      in the %s: no firmer than %s (%s)\n", indent,
				    mfr_danger_zone_name(s->zone),
				    mfr_pressure_name(mfr_danger_zone_pressure_ceiling(s->zone)),
				    mfr_danger_zone_effect(s->zone));
		if (s->flags & MFR_STEP_INTERNAL)
			mfr__tb_add(t, "%s      internal work, under the declared scope and "
				    "consent\n", indent);
	}
	mfr__tb_add(t, "\n%sAftercare:\n", indent);
	for (uint32_t i = 0; i < p->aftercare_count; i++) {
		const mfr_aftercare *a = p->aftercare[i];

		mfr__tb_add(t, "%s- %s%s\n", indent,
			    a->kind == MFR_AFTERCARE_RED_FLAG ? "RED FLAG: " : "", a->text);
	}
}

void mfr__plan_text(mfr_tb *t, const mfr_plan *plan)
{
	mfr__tb_put(t, "Session plan. " DISCLAIMER "\n");
	plan_lines(t, plan, "");
	mfr__tb_put(t, "\n");
	mfr__audit_text(t, plan->model, &plan->audit);
}

void mfr__program_text(mfr_tb *t, const mfr_program *pg)
{
	mfr__tb_add(t, "Program: %u sessions over %u weeks. " DISCLAIMER "\n", pg->count,
		    pg->weeks);
	for (uint32_t i = 0; i < pg->count; i++) {
		const mfr_program_session *s = &pg->sessions[i];

		mfr__tb_add(t, "\nSession %u, day %u%s\n", i + 1, s->day + 1,
			    s->reassess ? " (reassess the client first)" : "");
		plan_lines(t, s->plan, "  ");
	}
	mfr__tb_put(t, "\n");
	mfr__audit_text(t, pg->sessions[0].plan->model, &pg->sessions[0].plan->audit);
}

void mfr__trace_text(mfr_tb *t, const mfr_trace *tr)
{
	char name[128];

	mfr__tb_put(t, "Trace for:");
	for (uint32_t i = 0; i < tr->symptom_count; i++) {
		const mfr_intake_symptom *s = &tr->symptoms[i];

		mfr__site_name(name, sizeof(name), s->region, s->side);
		mfr__tb_add(t, "%s %s (%d/10)", i ? "," : "", name, (int)s->intensity);
	}
	if (tr->symptom_count == 0)
		mfr__tb_put(t, " no symptoms given");
	mfr__tb_put(t, "\n" DISCLAIMER "\n\n");
	for (uint32_t i = 0; i < tr->count; i++) {
		const mfr_trace_result *r = &tr->results[i];

		mfr__site_name(name, sizeof(name), r->region, r->side);
		mfr__tb_add(t, "%3u. %-34s ", i + 1, name);
		mfr__tb_fixed(t, r->score, 6, 3);
		mfr__tb_add(t, "  %s\n     %s\n", mfr_distance_name(r->distance),
			    mfr__result_explain(r));
	}
	mfr__tb_put(t, "\n");
	mfr__audit_text(t, tr->model, &tr->audit);
}
