/*
 * libmfr - the trace as JSON (doc/trace-format.md).
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>

#include "error.h"
#include "json-writer.h"
#include "names.h"
#include "trace-private.h"

#define DISCLAIMER "Decision support for licensed therapists; not a diagnosis."

static json_t *site_json(const mfr_model *m, uint32_t site)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "region", mfr__site_region(m, site)->key);

	rc |= mfr__jw_put_name(o, "side", &mfr__side_names, mfr__site_side(m, site));
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *step_json(const mfr_model *m, const mfr_trace_step *s)
{
	const mfr_edge *e = s->edge;
	json_t *o = json_object();
	int rc = mfr__jw_put(o, "from", site_json(m, s->from));

	rc |= mfr__jw_put(o, "to", site_json(m, s->to));
	rc |= mfr__jw_put_str(o, "relation", mfr_relation_name(e->relation));
	if (e->relation == MFR_RELATION_LINE) {
		const mfr_line *l = &m->lines[e->ref];

		rc |= mfr__jw_put_str(o, "line", l->key);
		rc |= mfr__jw_put_str(o, "evidence", mfr_evidence_name(l->evidence));
		rc |= mfr__jw_put(o, "crosses_midline", json_boolean(e->crosses));
	} else if (e->relation == MFR_RELATION_REFERRAL) {
		rc |= mfr__jw_put_str(o, "referral", m->referrals[e->ref].key);
		rc |= mfr__jw_put_name(o, "zone", &mfr__zone_kind_names, e->zone);
	} else if (e->relation == MFR_RELATION_HIERARCHY) {
		rc |= mfr__jw_put_str(o, "direction", e->upward ? "up" : "down");
	}
	rc |= mfr__jw_put(o, "factor", json_real(s->factor));
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *result_json(const mfr_trace *t, const mfr_trace_result *r, uint32_t rank)
{
	const mfr_model *m = t->model;
	json_t *o = json_object(), *paths = json_array();
	int rc = mfr__jw_put(o, "rank", json_integer(rank));

	rc |= mfr__jw_put_str(o, "region", r->region->key);
	rc |= mfr__jw_put_name(o, "side", &mfr__side_names, r->side);
	rc |= mfr__jw_put(o, "score", json_real(r->score));
	rc |= mfr__jw_put_str(o, "distance", mfr_distance_name(r->distance));
	rc |= mfr__jw_put_str(o, "explanation", mfr__result_explain(r));
	for (uint32_t i = 0; !rc && i < r->path_count; i++) {
		const mfr_trace_path *p = &r->paths[i];
		json_t *po = json_object(), *steps = json_array();

		rc |= mfr__jw_put(po, "symptom", json_integer(p->symptom));
		rc |= mfr__jw_put(po, "score", json_real(p->score));
		for (uint32_t k = 0; !rc && k < p->step_count; k++)
			rc |= mfr__jw_append(steps, step_json(m, &p->steps[k]));
		rc |= mfr__jw_put(po, "steps", steps);
		rc |= mfr__jw_append(paths, po);
	}
	rc |= mfr__jw_put(o, "paths", paths);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *trace_json(const mfr_trace *t)
{
	json_t *o = json_object(), *symptoms = json_array(), *results = json_array();
	int rc = mfr__jw_put_str(o, "format", "libmfr-trace");

	rc |= mfr__jw_put(o, "format_version", json_integer(1));
	rc |= mfr__jw_put_str(o, "disclaimer", DISCLAIMER);
	for (uint32_t i = 0; !rc && i < t->symptom_count; i++) {
		const mfr_symptom *s = &t->symptoms[i];
		json_t *so = site_json(t->model, mfr__site_id(s->region, s->side));

		rc |= mfr__jw_put(so, "intensity", json_integer(s->intensity));
		rc |= mfr__jw_append(symptoms, so);
	}
	rc |= mfr__jw_put(o, "symptoms", symptoms);
	for (uint32_t i = 0; !rc && i < t->count; i++)
		rc |= mfr__jw_append(results, result_json(t, &t->results[i], i + 1));
	rc |= mfr__jw_put(o, "results", results);
	return rc ? (json_decref(o), NULL) : o;
}

MFR_EXPORT mfr_status mfr_trace_to_json(const mfr_trace *trace, uint32_t flags,
					char **out, mfr_error **err)
{
	if (out)
		*out = NULL;
	if (!trace || !out || (flags & ~MFR_JSON_COMPACT))
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_trace_to_json: pass a trace and an out "
				      "pointer; flags may only hold MFR_JSON_COMPACT");
	return mfr__jw_dump(trace_json(trace), flags, out, err);
}
