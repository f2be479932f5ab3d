/*
 * libmfr - the trace as JSON (doc/trace-format.md).
 * SPDX-License-Identifier: MIT
 */
#include "error.h"
#include "json-documents.h"
#include "json-writer.h"
#include "messages-private.h"
#include "names.h"
#include "trace-private.h"

/* The disclaimer is the English table's ("disclaimer"): data formats
 * are written in English (doc/messages.md). */
#define DISCLAIMER mfr__msg_template(NULL, "disclaimer")

/* The members of a site: region and side. */
static void site_members(mfr_jw *w, const mfr_model *m, uint32_t site)
{
	mfr__jw_put_str(w, "region", mfr__site_region(m, site)->key);
	mfr__jw_put_name(w, "side", &mfr__side_names, mfr__site_side(m, site));
}

/* Member @p name (MFR_JW_NAME(): quoted, @p len bytes): a site. */
static void site_json(mfr_jw *w, const char *name, size_t len, const mfr_model *m,
		      uint32_t site)
{
	mfr__jw_key_quoted(w, name, len);
	mfr__jw_object(w);
	site_members(w, m, site);
	mfr__jw_object_end(w);
}

static void step_json(mfr_jw *w, const mfr_model *m, const mfr_trace_path_step *s)
{
	const mfr_edge *e = s->edge;

	mfr__jw_object(w);
	site_json(w, MFR_JW_NAME("from"), m, s->from);
	site_json(w, MFR_JW_NAME("to"), m, s->to);
	mfr__jw_put_str(w, "relation", mfr_relation_name(e->relation));
	if (e->relation == MFR_RELATION_LINE) {
		const mfr_line *l = &m->lines[e->ref];

		mfr__jw_put_str(w, "line", l->key);
		mfr__jw_put_str(w, "evidence", mfr_evidence_name(l->evidence));
		mfr__jw_put_bool(w, "crosses_midline", e->crosses);
	} else if (e->relation == MFR_RELATION_REFERRAL) {
		mfr__jw_put_str(w, "referral", m->referrals[e->ref].key);
		mfr__jw_put_name(w, "zone", &mfr__zone_kind_names, e->zone);
	} else if (e->relation == MFR_RELATION_HIERARCHY) {
		mfr__jw_put_str(w, "direction", e->upward ? "up" : "down");
	}
	mfr__jw_put_real(w, "factor", s->factor);
	mfr__jw_object_end(w);
}

static void result_json(mfr_jw *w, const mfr_trace *t, const mfr_trace_result *r,
			uint32_t rank)
{
	const mfr_model *m = t->model;

	mfr__jw_object(w);
	mfr__jw_put_int(w, "rank", rank);
	mfr__jw_put_str(w, "region", r->region->key);
	mfr__jw_put_name(w, "side", &mfr__side_names, r->side);
	mfr__jw_put_real(w, "score", r->score);
	mfr__jw_put_str(w, "distance", mfr_distance_name(r->distance));
	mfr__jw_put_str(w, "explanation", mfr__result_explain(r));
	mfr__jw_key(w, "paths");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < r->path_count; i++) {
		const mfr_trace_path *p = &r->paths[i];

		mfr__jw_object(w);
		mfr__jw_put_int(w, "symptom", p->symptom);
		mfr__jw_put_real(w, "score", p->score);
		mfr__jw_key(w, "steps");
		mfr__jw_array(w);
		for (uint32_t k = 0; k < p->step_count; k++)
			step_json(w, m, &p->steps[k]);
		mfr__jw_array_end(w);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	mfr__jw_object_end(w);
}

/* A first guess at the size of the output: about 1.6 KB a result, compact
 * (a result and its paths), a little more indented. */
static size_t size_hint(const mfr_trace *t, uint32_t flags)
{
	return 1024 + (size_t)t->count * ((flags & MFR_JSON_COMPACT) ? 1800 : 4096);
}

void mfr__trace_json(mfr_jw *w, const mfr_trace *trace)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "format", "libmfr-trace");
	mfr__jw_put_int(w, "format_version", 1);
	mfr__jw_put_str(w, "disclaimer", DISCLAIMER);
	mfr__audit_json(w, trace->model, &trace->audit);
	mfr__jw_key(w, "symptoms");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < trace->symptom_count; i++) {
		const mfr_intake_symptom *s = &trace->symptoms[i];

		mfr__jw_object(w);
		site_members(w, trace->model, mfr__site_id(s->region, s->side));
		mfr__jw_put_int(w, "intensity", s->intensity);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	mfr__jw_key(w, "results");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < trace->count; i++)
		result_json(w, trace, &trace->results[i], i + 1);
	mfr__jw_array_end(w);
	mfr__jw_object_end(w);
}

MFR_EXPORT mfr_status_t mfr_trace_to_json(const mfr_trace *trace, uint32_t flags,
					char **out, mfr_error **err)
{
	mfr_jw w;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!trace || !out || (flags & ~MFR_JSON_COMPACT))
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_trace_to_json: pass a trace and an out "
				      "pointer; flags may only hold MFR_JSON_COMPACT");
	mfr__jw_init(&w, flags, size_hint(trace, flags));
	mfr__trace_json(&w, trace);
	return mfr__jw_finish(&w, out, err);
}
