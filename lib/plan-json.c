/*
 * libmfr - plans and programs as JSON (doc/plan-format.md).
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>

#include "error.h"
#include "json-writer.h"
#include "names.h"
#include "plan-private.h"
#include "program-private.h"

#define DISCLAIMER "Decision support for licensed therapists; not a diagnosis."

static json_t *step_json(const mfr_plan_step *s, uint32_t order)
{
	json_t *o = json_object();
	int rc = mfr__jw_put(o, "order", json_integer(order));

	rc |= mfr__jw_put_str(o, "phase", mfr_phase_name(s->phase));
	rc |= mfr__jw_put_str(o, "region", s->region->key);
	rc |= mfr__jw_put_name(o, "side", &mfr__side_names, s->side);
	rc |= mfr__jw_put_str(o, "technique", s->technique->key);
	rc |= mfr__jw_put_str(o, "approach", mfr_approach_name(s->approach));
	rc |= mfr__jw_put_str(o, "pressure", mfr_pressure_name(s->pressure));
	rc |= mfr__jw_put_str(o, "position", mfr_position_name(s->position));
	rc |= mfr__jw_put(o, "seconds", json_integer(s->seconds));
	if (s->trace_rank)
		rc |= mfr__jw_put(o, "trace_rank", json_integer(s->trace_rank));
	if (s->zone)
		rc |= mfr__jw_put_str(o, "danger_zone", s->zone->key);
	rc |= mfr__jw_put_flag(o, "internal", s->flags & MFR_STEP_INTERNAL);
	rc |= mfr__jw_put_str(o, "rationale", s->rationale);
	return rc ? (json_decref(o), NULL) : o;
}

json_t *mfr__plan_json(const mfr_plan *p)
{
	json_t *o = json_object(), *steps = json_array(), *warnings = json_array();
	json_t *aftercare = json_array();
	int rc = mfr__jw_put_str(o, "status", mfr_plan_status_name(p->status));

	rc |= mfr__jw_put(o, "session_seconds", json_integer(p->session_seconds));
	rc |= mfr__jw_put(o, "total_seconds", json_integer(p->total_seconds));
	rc |= mfr__jw_put(o, "position_changes", json_integer(p->position_changes));
	rc |= mfr__jw_put_str(o, "pressure_ceiling", mfr_pressure_name(p->ceiling));
	for (uint32_t i = 0; !rc && i < p->step_count; i++)
		rc |= mfr__jw_append(steps, step_json(&p->steps[i], i + 1));
	rc |= mfr__jw_put(o, "steps", steps);
	for (uint32_t i = 0; !rc && i < p->warning_count; i++) {
		json_t *w = json_object();

		const mfr_plan_warning *pw = &p->warnings[i];

		rc |= mfr__jw_put_str(w, "code", pw->code);
		rc |= mfr__jw_put_str(w, "kind", mfr_warning_kind_name(pw->kind));
		if (pw->subject) {
			json_t *about = json_object();

			if (pw->subject_kind)
				rc |= mfr__jw_put_name(about, "kind", &mfr__kind_names,
						       pw->subject_kind);
			else
				rc |= mfr__jw_put_str(about, "kind", "access");
			rc |= mfr__jw_put_str(about, "key", pw->subject);
			rc |= mfr__jw_put(w, "about", about);
		}
		if (pw->region) {
			rc |= mfr__jw_put_str(w, "region", pw->region->key);
			rc |= mfr__jw_put_name(w, "side", &mfr__side_names, pw->side);
		}
		rc |= mfr__jw_put_str(w, "text", pw->text);
		rc |= mfr__jw_append(warnings, w);
	}
	rc |= mfr__jw_put(o, "warnings", warnings);
	for (uint32_t i = 0; !rc && i < p->aftercare_count; i++) {
		const mfr_aftercare *a = p->aftercare[i];
		json_t *ao = json_object();

		rc |= mfr__jw_put_str(ao, "key", a->key);
		rc |= mfr__jw_put_name(ao, "kind", &mfr__aftercare_kind_names, a->kind);
		rc |= mfr__jw_put_str(ao, "text", a->text);
		rc |= mfr__jw_append(aftercare, ao);
	}
	rc |= mfr__jw_put(o, "aftercare", aftercare);
	return rc ? (json_decref(o), NULL) : o;
}

/* The envelope every plan or program document has. */
static json_t *envelope(const char *format)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "format", format);

	rc |= mfr__jw_put(o, "format_version", json_integer(1));
	rc |= mfr__jw_put_str(o, "disclaimer", DISCLAIMER);
	return rc ? (json_decref(o), NULL) : o;
}

MFR_EXPORT mfr_status mfr_plan_to_json(const mfr_plan *plan, uint32_t flags,
				       char **out, mfr_error **err)
{
	if (out)
		*out = NULL;
	if (!plan || !out || (flags & ~MFR_JSON_COMPACT))
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_plan_to_json: pass a plan and an out pointer; "
				      "flags may only hold MFR_JSON_COMPACT");

	json_t *doc = envelope("libmfr-plan"), *body = mfr__plan_json(plan);
	int rc = doc && body ? json_object_update(doc, body) : -1;

	json_decref(body);
	if (rc) {
		json_decref(doc);
		doc = NULL;
	}
	return mfr__jw_dump(doc, flags, out, err);
}

MFR_EXPORT mfr_status mfr_program_to_json(const mfr_program *pg, uint32_t flags,
					  char **out, mfr_error **err)
{
	if (out)
		*out = NULL;
	if (!pg || !out || (flags & ~MFR_JSON_COMPACT))
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_program_to_json: pass a program and an out "
				      "pointer; flags may only hold MFR_JSON_COMPACT");

	json_t *doc = envelope("libmfr-program"), *sessions = json_array();
	int rc = mfr__jw_put(doc, "session_count", json_integer(pg->count));

	rc |= mfr__jw_put(doc, "weeks", json_integer(pg->weeks));
	for (uint32_t i = 0; !rc && i < pg->count; i++) {
		json_t *s = json_object();

		rc |= mfr__jw_put(s, "session", json_integer(i + 1));
		rc |= mfr__jw_put(s, "day", json_integer(pg->days[i]));
		rc |= mfr__jw_put(s, "reassess", json_boolean(pg->reassess[i]));
		rc |= mfr__jw_put_str(s, "focus", pg->focus[i]);
		rc |= mfr__jw_put(s, "plan", mfr__plan_json(pg->plans[i]));
		rc |= mfr__jw_append(sessions, s);
	}
	rc |= mfr__jw_put(doc, "sessions", sessions);
	if (rc) {
		json_decref(doc);
		doc = NULL;
	}
	return mfr__jw_dump(doc, flags, out, err);
}
