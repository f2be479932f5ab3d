/*
 * libmfr - plans and programs as JSON (doc/plan-format.md).
 * SPDX-License-Identifier: MIT
 */
#include "error.h"
#include "json-documents.h"
#include "json-writer.h"
#include "messages-private.h"
#include "names.h"
#include "plan-private.h"
#include "program-private.h"

/* The disclaimer is the English table's ("disclaimer"): data formats
 * are written in English (doc/messages.md). */
#define DISCLAIMER mfr__msg_template(NULL, "disclaimer")

static void step_json(mfr_jw *w, const mfr_plan_step *s, uint32_t order)
{
	mfr__jw_object(w);
	mfr__jw_put_int(w, "order", order);
	mfr__jw_put_str(w, "phase", mfr_phase_name(s->phase));
	mfr__jw_put_str(w, "region", s->region->key);
	mfr__jw_put_name(w, "side", &mfr__side_names, s->side);
	mfr__jw_put_str(w, "technique", s->technique->key);
	mfr__jw_put_str(w, "approach", mfr_approach_name(s->approach));
	mfr__jw_put_str(w, "pressure", mfr_pressure_name(s->pressure));
	mfr__jw_put_str(w, "position", mfr_position_name(s->position));
	if (s->lying)
		mfr__jw_put_name(w, "lying_on", &mfr__side_names, s->lying);
	mfr__jw_put_int(w, "seconds", s->seconds);
	if (s->trace_rank)
		mfr__jw_put_int(w, "trace_rank", s->trace_rank);
	if (s->zone)
		mfr__jw_put_str(w, "danger_zone", s->zone->key);
	mfr__jw_put_flag(w, "internal", s->flags & MFR_STEP_INTERNAL);
	mfr__jw_put_str(w, "rationale", s->rationale);
	mfr__jw_object_end(w);
}

static void warning_json(mfr_jw *w, const mfr_plan_warning *pw)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "code", pw->code);
	mfr__jw_put_str(w, "kind", mfr_warning_kind_name(pw->kind));
	if (pw->subject) {
		mfr__jw_key(w, "about");
		mfr__jw_object(w);
		if (pw->subject_kind)
			mfr__jw_put_name(w, "kind", &mfr__kind_names, pw->subject_kind);
		else
			mfr__jw_put_str(w, "kind", "access");
		mfr__jw_put_str(w, "key", pw->subject);
		mfr__jw_object_end(w);
	}
	if (pw->region) {
		mfr__jw_put_str(w, "region", pw->region->key);
		mfr__jw_put_name(w, "side", &mfr__side_names, pw->side);
	}
	if (pw->trace_rank)
		mfr__jw_put_int(w, "trace_rank", pw->trace_rank);
	mfr__jw_put_str(w, "text", pw->text);
	mfr__jw_object_end(w);
}

/* The members of a plan, after its envelope (a plan document) or inside a
 * session (a program's). */
static void plan_members(mfr_jw *w, const mfr_plan *p)
{
	mfr__jw_put_str(w, "status", mfr_plan_status_name(p->status));
	mfr__jw_put_int(w, "session_seconds", p->session_seconds);
	mfr__jw_put_int(w, "total_seconds", p->total_seconds);
	mfr__jw_put_int(w, "position_changes", p->position_changes);
	mfr__jw_put_str(w, "pressure_ceiling", mfr_pressure_name(p->ceiling));
	mfr__jw_key(w, "steps");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < p->step_count; i++)
		step_json(w, &p->steps[i], i + 1);
	mfr__jw_array_end(w);
	mfr__jw_key(w, "warnings");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < p->warning_count; i++)
		warning_json(w, &p->warnings[i]);
	mfr__jw_array_end(w);
	mfr__jw_key(w, "aftercare");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < p->aftercare_count; i++) {
		const mfr_aftercare *a = p->aftercare[i];

		mfr__jw_object(w);
		mfr__jw_put_str(w, "key", a->key);
		mfr__jw_put_name(w, "kind", &mfr__aftercare_kind_names, a->kind);
		mfr__jw_put_str(w, "text", a->text);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
}

/* A first guess at the size of a plan's members: about 450 bytes a step,
 * warning or aftercare item compact, 600 indented (inside a program, one
 * more level of indentation). */
static size_t plan_size(const mfr_plan *p, uint32_t flags)
{
	size_t items = (size_t)p->step_count + p->warning_count + p->aftercare_count;

	return 256 + items * ((flags & MFR_JSON_COMPACT) ? 450 : 640);
}

/* The envelope every plan or program document opens with, and its audit
 * trail (@p p: the plan, or a program's first session's). */
static void envelope(mfr_jw *w, const char *format, const mfr_plan *p)
{
	mfr__jw_put_str(w, "format", format);
	mfr__jw_put_int(w, "format_version", 1);
	mfr__jw_put_str(w, "disclaimer", DISCLAIMER);
	mfr__audit_json(w, p->model, &p->audit);
}

void mfr__plan_json(mfr_jw *w, const mfr_plan *plan)
{
	mfr__jw_object(w);
	envelope(w, "libmfr-plan", plan);
	plan_members(w, plan);
	mfr__jw_object_end(w);
}

void mfr__program_json(mfr_jw *w, const mfr_program *pg)
{
	mfr__jw_object(w);
	envelope(w, "libmfr-program", pg->sessions[0].plan);
	mfr__jw_put_int(w, "session_count", pg->count);
	mfr__jw_put_int(w, "weeks", pg->weeks);
	mfr__jw_key(w, "sessions");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < pg->count; i++) {
		mfr__jw_object(w);
		mfr__jw_put_int(w, "session", i + 1);
		mfr__jw_put_int(w, "day", pg->sessions[i].day);
		mfr__jw_put_bool(w, "reassess", pg->sessions[i].reassess);
		mfr__jw_put_str(w, "focus", pg->sessions[i].focus);
		mfr__jw_key(w, "plan");
		mfr__jw_object(w);
		plan_members(w, pg->sessions[i].plan);
		mfr__jw_object_end(w);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	mfr__jw_object_end(w);
}

MFR_EXPORT mfr_status_t mfr_plan_to_json(const mfr_plan *plan, uint32_t flags,
				       char **out, mfr_error **err)
{
	mfr_jw w;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!plan || !out || (flags & ~MFR_JSON_COMPACT))
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_plan_to_json: pass a plan and an out pointer; "
				      "flags may only hold MFR_JSON_COMPACT");
	mfr__jw_init(&w, flags, 256 + plan_size(plan, flags));
	mfr__plan_json(&w, plan);
	return mfr__jw_finish(&w, out, err);
}

MFR_EXPORT mfr_status_t mfr_program_to_json(const mfr_program *pg, uint32_t flags,
					  char **out, mfr_error **err)
{
	mfr_jw w;
	size_t size = 256;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!pg || !out || (flags & ~MFR_JSON_COMPACT))
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_program_to_json: pass a program and an out "
				      "pointer; flags may only hold MFR_JSON_COMPACT");
	for (uint32_t i = 0; i < pg->count; i++)
		size += 256 + plan_size(pg->sessions[i].plan, flags);
	mfr__jw_init(&w, flags, size);
	mfr__program_json(&w, pg);
	return mfr__jw_finish(&w, out, err);
}
