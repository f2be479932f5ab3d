/*
 * libmfr unit tests: the reference writer: the library's JSON writers as
 * they were before they wrote straight into a buffer (json-writer.h), moved
 * here unchanged but for their names: each builds a jansson tree of the
 * document and dumps it with the flags the library used. The identity tests
 * (test-json-identity.c) compare the library's output with these, byte for
 * byte, so the bytes the library writes stay those jansson wrote.
 * SPDX-License-Identifier: MIT
 */
#include "json-reference.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "intake-private.h"
#include "model-private.h"
#include "names.h"
#include "plan-private.h"
#include "program-private.h"
#include "text.h"
#include "trace-private.h"

#define DISCLAIMER "Decision support for licensed therapists; not a diagnosis."

/* ---- the tree helpers (lib/json-writer.c) ---- */

static json_t *ref_string(const char *s)
{
	json_t *v;

	if (!s)
		return NULL;
	v = json_string(s);
	if (v || mfr__utf8_valid_prefix(s, strlen(s)) == strlen(s))
		return v; /* made, or memory ran out */
	/* Not UTF-8, which jansson refuses: write it repaired rather than fail
	 * the whole document (the library never makes such a string: the
	 * model's are checked when loaded, and its texts are cut at a
	 * character). */
	char *copy = strdup(s);
	if (!copy)
		return NULL;
	mfr__utf8_repair(copy);
	v = json_string(copy);
	free(copy);
	return v;
}

static int ref_put(json_t *obj, const char *name, json_t *value)
{
	if (!obj || !value) {
		json_decref(value);
		return -1;
	}
	return json_object_set_new(obj, name, value) ? -1 : 0;
}

static int ref_put_str(json_t *obj, const char *name, const char *s)
{
	return ref_put(obj, name, ref_string(s));
}

static int ref_put_opt_str(json_t *obj, const char *name, const char *s)
{
	return s && *s ? ref_put_str(obj, name, s) : 0;
}

static int ref_put_flag(json_t *obj, const char *name, int flag)
{
	return flag ? ref_put(obj, name, json_true()) : 0;
}

static int ref_put_name(json_t *obj, const char *name, const mfr_names *names, int v)
{
	return ref_put_str(obj, name, mfr__name_of(names, v));
}

static int ref_append(json_t *arr, json_t *value)
{
	if (!arr || !value) {
		json_decref(value);
		return -1;
	}
	return json_array_append_new(arr, value) ? -1 : 0;
}

static json_t *ref_mask(const mfr_names *names, uint32_t mask)
{
	json_t *arr = json_array();
	int rc = 0;

	for (size_t i = 0; i < names->count; i++)
		if (mask & (uint32_t)names->items[i].value)
			rc |= ref_append(arr, ref_string(names->items[i].name));
	if (rc) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

/* ---- the trace (lib/trace-json.c) ---- */

static json_t *trace_site_json(const mfr_model *m, uint32_t site)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "region", mfr__site_region(m, site)->key);

	rc |= ref_put_name(o, "side", &mfr__side_names, mfr__site_side(m, site));
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *trace_step_json(const mfr_model *m, const mfr_trace_path_step *s)
{
	const mfr_edge *e = s->edge;
	json_t *o = json_object();
	int rc = ref_put(o, "from", trace_site_json(m, s->from));

	rc |= ref_put(o, "to", trace_site_json(m, s->to));
	rc |= ref_put_str(o, "relation", mfr_relation_name(e->relation));
	if (e->relation == MFR_RELATION_LINE) {
		const mfr_line *l = &m->lines[e->ref];

		rc |= ref_put_str(o, "line", l->key);
		rc |= ref_put_str(o, "evidence", mfr_evidence_name(l->evidence));
		rc |= ref_put(o, "crosses_midline", json_boolean(e->crosses));
	} else if (e->relation == MFR_RELATION_REFERRAL) {
		rc |= ref_put_str(o, "referral", m->referrals[e->ref].key);
		rc |= ref_put_name(o, "zone", &mfr__zone_kind_names, e->zone);
	} else if (e->relation == MFR_RELATION_HIERARCHY) {
		rc |= ref_put_str(o, "direction", e->upward ? "up" : "down");
	}
	rc |= ref_put(o, "factor", json_real(s->factor));
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *result_json(const mfr_trace *t, const mfr_trace_result *r, uint32_t rank)
{
	const mfr_model *m = t->model;
	json_t *o = json_object(), *paths = json_array();
	int rc = ref_put(o, "rank", json_integer(rank));

	rc |= ref_put_str(o, "region", r->region->key);
	rc |= ref_put_name(o, "side", &mfr__side_names, r->side);
	rc |= ref_put(o, "score", json_real(r->score));
	rc |= ref_put_str(o, "distance", mfr_distance_name(r->distance));
	rc |= ref_put_str(o, "explanation", mfr__result_explain(r));
	for (uint32_t i = 0; !rc && i < r->path_count; i++) {
		const mfr_trace_path *p = &r->paths[i];
		json_t *po = json_object(), *steps = json_array();

		rc |= ref_put(po, "symptom", json_integer(p->symptom));
		rc |= ref_put(po, "score", json_real(p->score));
		for (uint32_t k = 0; !rc && k < p->step_count; k++)
			rc |= ref_append(steps, trace_step_json(m, &p->steps[k]));
		rc |= ref_put(po, "steps", steps);
		rc |= ref_append(paths, po);
	}
	rc |= ref_put(o, "paths", paths);
	return rc ? (json_decref(o), NULL) : o;
}

/* The audit trail after the disclaimer (lib/audit.c), and the intake's
 * extensions (read back with jansson, which keeps their order). */
static int audit_json(json_t *o, const mfr_model *m, const mfr_audit *a)
{
	json_t *au = json_object(), *mo = json_object();
	int rc = ref_put_str(au, "libmfr_version", mfr_version());

	rc |= ref_put_str(mo, "name", m->name);
	rc |= ref_put_str(mo, "version", m->version);
	rc |= ref_put_str(mo, "content_hash", m->content_hash);
	rc |= ref_put(au, "model", mo);
	rc |= ref_put_opt_str(au, "intake_id", a->intake_id);
	rc |= ref_put(o, "audit", au);
	if (a->extensions)
		rc |= ref_put(o, "extensions", json_loads(a->extensions, 0, NULL));
	return rc;
}

static json_t *trace_json(const mfr_trace *t)
{
	json_t *o = json_object(), *symptoms = json_array(), *results = json_array();
	int rc = ref_put_str(o, "format", "libmfr-trace");

	rc |= ref_put(o, "format_version", json_integer(1));
	rc |= ref_put_str(o, "disclaimer", DISCLAIMER);
	rc |= audit_json(o, t->model, &t->audit);
	for (uint32_t i = 0; !rc && i < t->symptom_count; i++) {
		const mfr_intake_symptom *s = &t->symptoms[i];
		json_t *so = trace_site_json(t->model, mfr__site_id(s->region, s->side));

		rc |= ref_put(so, "intensity", json_integer(s->intensity));
		rc |= ref_append(symptoms, so);
	}
	rc |= ref_put(o, "symptoms", symptoms);
	for (uint32_t i = 0; !rc && i < t->count; i++)
		rc |= ref_append(results, result_json(t, &t->results[i], i + 1));
	rc |= ref_put(o, "results", results);
	return rc ? (json_decref(o), NULL) : o;
}

/* ---- plans and programs (lib/plan-json.c) ---- */

static json_t *plan_step_json(const mfr_plan_step *s, uint32_t order)
{
	json_t *o = json_object();
	int rc = ref_put(o, "order", json_integer(order));

	rc |= ref_put_str(o, "phase", mfr_phase_name(s->phase));
	rc |= ref_put_str(o, "region", s->region->key);
	rc |= ref_put_name(o, "side", &mfr__side_names, s->side);
	rc |= ref_put_str(o, "technique", s->technique->key);
	rc |= ref_put_str(o, "approach", mfr_approach_name(s->approach));
	rc |= ref_put_str(o, "pressure", mfr_pressure_name(s->pressure));
	rc |= ref_put_str(o, "position", mfr_position_name(s->position));
	if (s->lying)
		rc |= ref_put_name(o, "lying_on", &mfr__side_names, s->lying);
	rc |= ref_put(o, "seconds", json_integer(s->seconds));
	if (s->trace_rank)
		rc |= ref_put(o, "trace_rank", json_integer(s->trace_rank));
	if (s->zone)
		rc |= ref_put_str(o, "danger_zone", s->zone->key);
	rc |= ref_put_flag(o, "internal", s->flags & MFR_STEP_INTERNAL);
	rc |= ref_put_str(o, "rationale", s->rationale);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *plan_json(const mfr_plan *p)
{
	json_t *o = json_object(), *steps = json_array(), *warnings = json_array();
	json_t *aftercare = json_array();
	int rc = ref_put_str(o, "status", mfr_plan_status_name(p->status));

	rc |= ref_put(o, "session_seconds", json_integer(p->session_seconds));
	rc |= ref_put(o, "total_seconds", json_integer(p->total_seconds));
	rc |= ref_put(o, "position_changes", json_integer(p->position_changes));
	rc |= ref_put_str(o, "pressure_ceiling", mfr_pressure_name(p->ceiling));
	for (uint32_t i = 0; !rc && i < p->step_count; i++)
		rc |= ref_append(steps, plan_step_json(&p->steps[i], i + 1));
	rc |= ref_put(o, "steps", steps);
	for (uint32_t i = 0; !rc && i < p->warning_count; i++) {
		json_t *w = json_object();

		const mfr_plan_warning *pw = &p->warnings[i];

		rc |= ref_put_str(w, "code", pw->code);
		rc |= ref_put_str(w, "kind", mfr_warning_kind_name(pw->kind));
		if (pw->subject) {
			json_t *about = json_object();

			if (pw->subject_kind)
				rc |= ref_put_name(about, "kind", &mfr__kind_names,
						       pw->subject_kind);
			else
				rc |= ref_put_str(about, "kind", "access");
			rc |= ref_put_str(about, "key", pw->subject);
			rc |= ref_put(w, "about", about);
		}
		if (pw->region) {
			rc |= ref_put_str(w, "region", pw->region->key);
			rc |= ref_put_name(w, "side", &mfr__side_names, pw->side);
		}
		if (pw->trace_rank)
			rc |= ref_put(w, "trace_rank", json_integer(pw->trace_rank));
		rc |= ref_put_str(w, "text", pw->text);
		rc |= ref_append(warnings, w);
	}
	rc |= ref_put(o, "warnings", warnings);
	for (uint32_t i = 0; !rc && i < p->aftercare_count; i++) {
		const mfr_aftercare *a = p->aftercare[i];
		json_t *ao = json_object();

		rc |= ref_put_str(ao, "key", a->key);
		rc |= ref_put_name(ao, "kind", &mfr__aftercare_kind_names, a->kind);
		rc |= ref_put_str(ao, "text", a->text);
		rc |= ref_append(aftercare, ao);
	}
	rc |= ref_put(o, "aftercare", aftercare);
	return rc ? (json_decref(o), NULL) : o;
}

/* The envelope every plan or program document has. */
static json_t *envelope(const char *format, const mfr_plan *p)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "format", format);

	rc |= ref_put(o, "format_version", json_integer(1));
	rc |= ref_put_str(o, "disclaimer", DISCLAIMER);
	rc |= audit_json(o, p->model, &p->audit);
	return rc ? (json_decref(o), NULL) : o;
}

/* ---- intakes (lib/intake-json.c) ---- */

static json_t *intake_site_json(json_t *o, const mfr_region *r, int side)
{
	int rc = ref_put_str(o, "region", r->key);

	if (r->laterality == MFR_LATERALITY_BILATERAL)
		rc |= ref_put_str(o, "side", mfr__name_of(&mfr__side_names, side));
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *intake_json(const mfr_intake *in)
{
	json_t *o = json_object();
	json_t *symptoms = json_array(), *conditions = json_array();
	json_t *precautions = json_array(), *clearances = json_array();
	int rc = ref_put_opt_str(o, "id", in->id);

	for (uint32_t i = 0; !rc && i < in->symptom_count; i++) {
		const mfr_intake_symptom *s = &in->symptoms[i];
		json_t *so = intake_site_json(json_object(), s->region, s->side);

		rc |= ref_put(so, "intensity", json_integer(s->intensity));
		if (s->onset)
			rc |= ref_put_str(so, "onset", mfr_onset_name(s->onset));
		rc |= ref_append(symptoms, so);
	}
	for (uint32_t i = 0; !rc && i < in->condition_count; i++)
		rc |= ref_append(conditions, ref_string(in->conditions[i]->key));
	for (uint32_t i = 0; !rc && i < in->precaution_count; i++) {
		const mfr_intake_precaution *p = &in->precautions[i];
		json_t *po = json_object();

		rc |= ref_put_str(po, "key", p->precaution->key);
		if (p->region)
			po = intake_site_json(po, p->region, p->side);
		rc |= ref_append(precautions, po);
	}
	for (uint32_t i = 0; !rc && i < in->clearance_count; i++)
		rc |= ref_append(clearances, ref_string(in->clearances[i]->key));
	rc |= ref_put(o, "symptoms", symptoms);
	rc |= ref_put(o, "conditions", conditions);
	rc |= ref_put(o, "precautions", precautions);
	if (in->answered) {
		json_t *answers = json_array();

		for (uint32_t i = 0; !rc && i < in->model->screening_count; i++) {
			const mfr_screening_answer *a = in->answered[i];
			json_t *ao;

			if (!a || a->precaution_count)
				continue;
			ao = json_object();
			rc |= ref_put_str(ao, "question", in->model->screening[i].key);
			rc |= ref_put_str(ao, "answer", a->key);
			rc |= ref_append(answers, ao);
		}
		if (json_array_size(answers))
			rc |= ref_put(o, "answers", answers);
		else
			json_decref(answers);
	}
	if (in->stage_count) {
		json_t *st = json_object();

		for (uint32_t i = 0; !rc && i < in->stage_count; i++)
			rc |= ref_put(st, in->stages[i].precaution->key,
					  json_integer(in->stages[i].stage));
		rc |= ref_put(o, "stages", st);
	}
	if (in->scopes)
		rc |= ref_put(o, "scopes", ref_mask(&mfr__access_names, in->scopes));
	rc |= ref_put(o, "clearances", clearances);
	rc |= ref_put(o, "session_minutes", json_integer(in->minutes));
	rc |= ref_put(o, "positions", ref_mask(&mfr__position_names, in->positions));
	if (in->extensions)
		rc |= ref_put(o, "extensions", json_loads(in->extensions, 0, NULL));
	return rc ? (json_decref(o), NULL) : o;
}

/* ---- the model (lib/model-json.c) ---- */

/* An array of the keys of @p n entities; @p key_of returns entity i's key. */
static json_t *key_array(const void *items, uint32_t n,
			 const char *(*key_of)(const void *items, uint32_t i))
{
	json_t *arr = json_array();

	for (uint32_t i = 0; arr && i < n; i++)
		if (ref_append(arr, ref_string(key_of(items, i)))) {
			json_decref(arr);
			return NULL;
		}
	return arr;
}

static const char *region_key_of(const void *items, uint32_t i)
{
	return ((const mfr_region *const *)items)[i]->key;
}

static const char *line_key_of(const void *items, uint32_t i)
{
	return ((const mfr_line *const *)items)[i]->key;
}

static const char *technique_key_of(const void *items, uint32_t i)
{
	return ((const mfr_technique *const *)items)[i]->key;
}

static const char *screening_key_of(const void *items, uint32_t i)
{
	return ((const mfr_screening *const *)items)[i]->key;
}

static const char *source_key_of(const void *items, uint32_t i)
{
	return ((const mfr_source *const *)items)[i]->key;
}

static const char *precaution_key_of(const void *items, uint32_t i)
{
	return ((const mfr_precaution *const *)items)[i]->key;
}

static const char *string_of(const void *items, uint32_t i)
{
	return ((const char *const *)items)[i];
}

static int put_regions(json_t *obj, const char *name, const mfr_region *const *r,
		       uint32_t n, int always)
{
	return n || always ? ref_put(obj, name, key_array(r, n, region_key_of)) : 0;
}

static int put_provenance(json_t *obj, const mfr_provenance *p)
{
	int rc = ref_put(obj, "sources", key_array(p->sources, p->source_count, source_key_of));
	rc |= ref_put_flag(obj, "convention", p->convention);
	rc |= ref_put_opt_str(obj, "note", p->note);
	return rc;
}

static json_t *source_json(const mfr_source *s)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "key", s->key);

	rc |= ref_put_str(o, "citation", s->citation);
	rc |= ref_put_opt_str(o, "note", s->note);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *region_json(const mfr_region *r)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "key", r->key);

	rc |= ref_put_str(o, "name", r->name);
	rc |= ref_put_name(o, "kind", &mfr__region_kind_names, r->kind);
	if (r->parent)
		rc |= ref_put_str(o, "parent", r->parent->key);
	rc |= ref_put_name(o, "laterality", &mfr__laterality_names, r->laterality);
	rc |= ref_put(o, "positions", ref_mask(&mfr__position_names, r->positions));
	rc |= ref_put_name(o, "depth", &mfr__depth_names, r->depth);
	if (r->access)
		rc |= ref_put_name(o, "access", &mfr__access_names, r->access);
	if (r->untreatable)
		rc |= ref_put(o, "treatable", json_false());
	if (r->snomed || r->fma || r->uberon) {
		json_t *c = json_object();

		rc |= ref_put_opt_str(c, "snomed", r->snomed);
		rc |= ref_put_opt_str(c, "fma", r->fma);
		rc |= ref_put_opt_str(c, "uberon", r->uberon);
		rc |= ref_put(o, "codes", c);
	}
	if (r->synonym_count)
		rc |= ref_put(o, "synonyms", key_array(r->synonyms, r->synonym_count, string_of));
	/* Each pair once: on the region with the lower index. */
	uint32_t first = 0;
	while (first < r->adjacent_count && r->adjacent[first]->index < r->index)
		first++;
	if (first < r->adjacent_count)
		rc |= put_regions(o, "adjacent", r->adjacent + first,
				  r->adjacent_count - first, 0);
	rc |= put_provenance(o, &r->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *node_json(const mfr_line_node *n)
{
	json_t *o = json_object();
	int rc = ref_put_name(o, "kind", &mfr__node_kind_names, n->kind);

	rc |= put_regions(o, "regions", n->regions, n->region_count, 1);
	rc |= ref_put_name(o, "side", &mfr__line_side_names, n->side);
	rc |= ref_put_flag(o, "may_cross", n->may_cross);
	rc |= ref_put_opt_str(o, "note", n->note);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *line_json(const mfr_line *l)
{
	json_t *o = json_object();
	json_t *branches = json_array();
	int rc = ref_put_str(o, "key", l->key);

	rc |= ref_put_str(o, "abbrev", l->abbrev);
	rc |= ref_put_str(o, "name", l->name);
	rc |= ref_put_str(o, "evidence", mfr_evidence_name(l->evidence));
	if (l->evidence_source_count)
		rc |= ref_put(o, "evidence_sources", key_array(l->evidence_sources,
			  l->evidence_source_count, source_key_of));
	for (uint32_t b = 0; !rc && branches && b < l->branch_count; b++) {
		const mfr_line_branch *br = &l->branches[b];
		json_t *bo = json_object(), *nodes = json_array();

		rc |= ref_put_str(bo, "key", br->key);
		rc |= ref_put_opt_str(bo, "name", br->name);
		for (uint32_t i = 0; !rc && nodes && i < br->node_count; i++)
			rc |= ref_append(nodes, node_json(&br->nodes[i]));
		rc |= ref_put(bo, "nodes", nodes);
		rc |= ref_append(branches, bo);
	}
	rc |= ref_put(o, "branches", branches);
	rc |= put_provenance(o, &l->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *referral_json(const mfr_referral *r)
{
	json_t *o = json_object();
	json_t *zones = json_array();
	int rc = ref_put_str(o, "key", r->key);

	rc |= ref_put_str(o, "muscle", r->muscle->key);
	rc |= ref_put_str(o, "trigger_point", r->trigger_point);
	for (uint32_t i = 0; !rc && zones && i < r->zone_count; i++) {
		json_t *z = json_object();

		rc |= ref_put_str(z, "area", r->zones[i].area->key);
		rc |= ref_put_name(z, "zone", &mfr__zone_kind_names, r->zones[i].kind);
		if (r->zones[i].frequency != MFR_FREQUENCY_COMMON)
			rc |= ref_put_name(z, "frequency", &mfr__frequency_names,
					       r->zones[i].frequency);
		rc |= ref_put_flag(z, "bilateral", r->zones[i].bilateral);
		rc |= ref_append(zones, z);
	}
	rc |= ref_put(o, "zones", zones);
	rc |= ref_put_flag(o, "split_convention", r->split_convention);
	rc |= ref_put_flag(o, "disputed", r->disputed);
	rc |= put_provenance(o, &r->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *range_json(json_t *min, json_t *max)
{
	json_t *o = json_object();
	int rc = ref_put(o, "min", min);

	rc |= ref_put(o, "max", max);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *technique_json(const mfr_technique *t)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "key", t->key);

	rc |= ref_put_str(o, "name", t->name);
	rc |= ref_put_name(o, "family", &mfr__family_names, t->family);
	rc |= ref_put_name(o, "approach", &mfr__approach_names, t->approach);
	rc |= ref_put(o, "pressure", range_json(ref_string(mfr_pressure_name(t->pressure_min)),
					    ref_string(mfr_pressure_name(t->pressure_max))));
	rc |= ref_put_name(o, "depth", &mfr__depth_names, t->depth);
	if (t->has_hold)
		rc |= ref_put(o, "hold_seconds", range_json(json_integer(t->hold_min),
							json_integer(t->hold_max)));
	rc |= ref_put_flag(o, "hold_convention", t->hold_convention);
	if (t->max_sites)
		rc |= ref_put(o, "max_sites", json_integer(t->max_sites));
	rc |= ref_put(o, "positions", ref_mask(&mfr__position_names, t->positions));
	rc |= put_regions(o, "regions", t->regions, t->region_count, 0);
	if (t->suits)
		rc |= ref_put(o, "suits", ref_mask(&mfr__suits_names, t->suits));
	rc |= put_provenance(o, &t->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static int put_dose(json_t *obj, const mfr_dose *d)
{
	if (!d)
		return 0;
	json_t *o = json_object();
	int rc = 0;

	if (d->pressure_ceiling)
		rc |= ref_put_name(o, "pressure_ceiling", &mfr__pressure_names,
				       d->pressure_ceiling);
	if (d->indirect_only)
		rc |= ref_put_str(o, "approach", "indirect");
	if (d->max_minutes)
		rc |= ref_put(o, "max_minutes", json_integer(d->max_minutes));
	if (d->hold_max)
		rc |= ref_put(o, "hold_seconds", range_json(json_integer(d->hold_min),
								json_integer(d->hold_max)));
	if (d->no_progression)
		rc |= ref_put_str(o, "progression", "none");
	rc |= put_provenance(o, &d->prov);
	rc |= ref_put(obj, "dose", o);
	return rc;
}

static json_t *condition_json(const mfr_condition *c)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "key", c->key);

	rc |= ref_put_str(o, "name", c->name);
	rc |= ref_put(o, "icd10cm", key_array(c->icd10cm, c->icd10cm_count, string_of));
	if (c->snomed_count)
		rc |= ref_put(o, "snomed", key_array(c->snomed, c->snomed_count, string_of));
	rc |= put_regions(o, "areas", c->areas, c->area_count, 1);
	if (c->line_count)
		rc |= ref_put(o, "lines", key_array(c->lines, c->line_count, line_key_of));
	rc |= put_regions(o, "regions", c->regions, c->region_count, 0);
	if (c->site_technique_count)
		rc |= ref_put(o, "site_techniques",
				  key_array(c->site_techniques, c->site_technique_count,
					    technique_key_of));
	if (c->trigger_point_technique_count)
		rc |= ref_put(o, "trigger_point_techniques",
			      key_array(c->trigger_point_techniques,
					c->trigger_point_technique_count, technique_key_of));
	if (c->screening_count)
		rc |= ref_put(o, "screening",
			      key_array(c->screening, c->screening_count, screening_key_of));
	if (c->relations != MFR_RELATION_ALL)
		rc |= ref_put(o, "relations", ref_mask(&mfr__relation_names, c->relations));
	rc |= ref_put_opt_str(o, "evidence", c->evidence);
	rc |= put_dose(o, c->dose);
	if (c->synonym_count)
		rc |= ref_put(o, "synonyms", key_array(c->synonyms, c->synonym_count, string_of));
	rc |= put_provenance(o, &c->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *precaution_json(const mfr_precaution *p)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "key", p->key);

	rc |= ref_put_str(o, "name", p->name);
	rc |= ref_put_name(o, "scope", &mfr__scope_names, p->scope);
	rc |= ref_put_name(o, "severity", &mfr__severity_names, p->severity);
	rc |= ref_put_flag(o, "needs_clearance", p->needs_clearance);
	rc |= ref_put_flag(o, "avoid_site", p->avoid_site);
	rc |= ref_put_flag(o, "avoid_adjacent", p->avoid_adjacent);
	rc |= put_regions(o, "avoid_regions", p->avoid_regions, p->avoid_region_count, 0);
	rc |= put_regions(o, "avoid_regions_until_cleared", p->avoid_until_cleared,
			  p->avoid_until_cleared_count, 0);
	if (p->pressure_ceiling)
		rc |= ref_put_name(o, "pressure_ceiling", &mfr__pressure_names,
			       p->pressure_ceiling);
	if (p->excluded_technique_count)
		rc |= ref_put(o, "excluded_techniques", key_array(p->excluded_techniques,
			  p->excluded_technique_count, technique_key_of));
	rc |= ref_put_flag(o, "site_scoped", p->site_scoped);
	rc |= ref_put_flag(o, "site_optional", p->site_optional);
	rc |= ref_put_flag(o, "refer_first", p->refer_first);
	if (p->widen_count) {
		json_t *arr = json_array();

		for (uint32_t i = 0; !rc && i < p->widen_count; i++) {
			json_t *w = json_object();

			rc |= ref_put_str(w, "region", p->widen_to[i].region->key);
			rc |= put_regions(w, "with", p->widen_to[i].with,
					  p->widen_to[i].with_count, 0);
			rc |= ref_append(arr, w);
		}
		rc |= ref_put(o, "widen_to", arr);
	}
	if (p->stage_count) {
		json_t *st = json_object();

		rc |= ref_put_str(st, "name", p->stage_name);
		rc |= ref_put(st, "count", json_integer(p->stage_count));
		rc |= ref_put(o, "stages", st);
	}
	if (p->position_limit_count) {
		json_t *arr = json_array();

		for (uint32_t i = 0; !rc && i < p->position_limit_count; i++) {
			const mfr_precaution_position_limit *l = &p->position_limits[i];
			json_t *lo = json_object();

			rc |= ref_put_name(lo, "position", &mfr__position_names, l->position);
			if (l->from_stage > 1)
				rc |= ref_put(lo, "from_stage", json_integer(l->from_stage));
			rc |= put_regions(lo, "regions", l->regions, l->region_count, 0);
			rc |= ref_append(arr, lo);
		}
		rc |= ref_put(o, "position_limits", arr);
	}
	rc |= put_regions(o, "clearance_for_symptoms", p->clearance_areas,
			  p->clearance_area_count, 0);
	rc |= put_dose(o, p->dose);
	rc |= ref_put_str(o, "effect", p->effect);
	if (p->screening_count)
		rc |= ref_put(o, "screening",
			      key_array(p->screening, p->screening_count, screening_key_of));
	rc |= put_provenance(o, &p->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *danger_zone_json(const mfr_danger_zone *z)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "key", z->key);

	rc |= ref_put_str(o, "name", z->name);
	rc |= put_regions(o, "regions", z->regions, z->region_count, 0);
	if (z->region_kinds) {
		json_t *kinds = json_array();

		for (int k = 1; k < 32 && kinds; k++)
			if (z->region_kinds & (1u << k))
				rc |= ref_append(kinds, json_string(
					mfr__name_of(&mfr__region_kind_names, k)));
		rc |= ref_put(o, "region_kinds", kinds);
	}
	rc |= ref_put_name(o, "pressure_ceiling", &mfr__pressure_names, z->pressure_ceiling);
	if (z->excluded_technique_count)
		rc |= ref_put(o, "excluded_techniques", key_array(z->excluded_techniques,
			  z->excluded_technique_count, technique_key_of));
	rc |= ref_put_str(o, "effect", z->effect);
	rc |= put_provenance(o, &z->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *screening_json(const mfr_screening *q)
{
	json_t *o = json_object();
	json_t *answers = json_array();
	int rc = ref_put_str(o, "key", q->key);

	rc |= ref_put_str(o, "text", q->text);
	for (uint32_t i = 0; !rc && i < q->answer_count; i++) {
		const mfr_screening_answer *a = &q->answers[i];
		json_t *ao = json_object();

		rc |= ref_put_str(ao, "key", a->key);
		rc |= ref_put_str(ao, "text", a->text);
		if (a->precaution_count)
			rc |= ref_put(ao, "precautions", key_array(a->precautions,
				  a->precaution_count, precaution_key_of));
		if (a->stage)
			rc |= ref_put(ao, "stage", json_integer(a->stage));
		rc |= ref_put_flag(ao, "site", a->needs_site);
		rc |= ref_append(answers, ao);
	}
	rc |= ref_put(o, "answers", answers);
	rc |= put_regions(o, "symptom_areas", q->symptom_areas, q->symptom_area_count, 0);
	rc |= put_provenance(o, &q->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *aftercare_json(const mfr_aftercare *a)
{
	json_t *o = json_object();
	int rc = ref_put_str(o, "key", a->key);

	rc |= ref_put_str(o, "text", a->text);
	if (a->kind != MFR_AFTERCARE_GENERAL)
		rc |= ref_put_name(o, "kind", &mfr__aftercare_kind_names, a->kind);
	if (a->when_count)
		rc |= ref_put(o, "when", key_array(a->when, a->when_count, precaution_key_of));
	rc |= put_provenance(o, &a->prov);
	return rc ? (json_decref(o), NULL) : o;
}

/* The JSON of entity @p i of @p kind. */
static json_t *entity_json(const mfr_model *m, int kind, uint32_t i)
{
	switch (kind) {
	case MFR_KIND_SOURCE: return source_json(&m->sources[i]);
	case MFR_KIND_REGION: return region_json(&m->regions[i]);
	case MFR_KIND_LINE: return line_json(&m->lines[i]);
	case MFR_KIND_REFERRAL: return referral_json(&m->referrals[i]);
	case MFR_KIND_TECHNIQUE: return technique_json(&m->techniques[i]);
	case MFR_KIND_CONDITION: return condition_json(&m->conditions[i]);
	case MFR_KIND_PRECAUTION: return precaution_json(&m->precautions[i]);
	case MFR_KIND_AFTERCARE: return aftercare_json(&m->aftercare[i]);
	case MFR_KIND_DANGER_ZONE: return danger_zone_json(&m->danger_zones[i]);
	case MFR_KIND_SCREENING: return screening_json(&m->screening[i]);
	}
	return NULL;
}

static json_t *chart_json(const mfr_chart *c)
{
	json_t *o = json_object(), *outlines = json_array(), *areas = json_array();
	int rc = 0;

	for (int v = 1; !rc && v <= MFR_CHART_VIEWS; v++) {
		json_t *x = json_object();

		rc |= ref_put_name(x, "view", &mfr__chart_view_names, v);
		rc |= ref_put_str(x, "path", c->outlines[v - 1]);
		rc |= ref_append(outlines, x);
	}
	for (uint32_t i = 0; !rc && i < c->area_count; i++) {
		const mfr_chart_area *a = &c->areas[i];
		json_t *x = json_object(), *e = json_array();

		rc |= ref_put_str(x, "region", a->region->key);
		rc |= ref_put_name(x, "view", &mfr__chart_view_names, a->view);
		rc |= ref_append(e, json_integer(a->cx));
		rc |= ref_append(e, json_integer(a->cy));
		rc |= ref_append(e, json_integer(a->rx));
		rc |= ref_append(e, json_integer(a->ry));
		rc |= ref_put(x, "ellipse", e);
		rc |= ref_append(areas, x);
	}
	rc |= ref_put(o, "outlines", outlines);
	rc |= ref_put(o, "areas", areas);
	rc |= put_provenance(o, &c->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *body_map_json(const mfr_body_map *b)
{
	json_t *o = json_object(), *segments = json_array();
	int rc = ref_put_str(o, "name", b->name);

	rc |= ref_put_str(o, "citation", b->citation);
	for (uint32_t i = 0; !rc && i < b->segment_count; i++) {
		const mfr_segment *g = &b->segments[i];
		json_t *x = json_object(), *sites = json_array();

		rc |= ref_put(x, "id", json_integer(g->id));
		rc |= ref_put_str(x, "name", g->name);
		for (uint32_t k = 0; !rc && k < g->site_count; k++) {
			json_t *site = json_object();

			rc |= ref_put_str(site, "region", g->sites[k].region->key);
			if (g->sites[k].side != MFR_SIDE_MIDLINE)
				rc |= ref_put_name(site, "side", &mfr__side_names,
						   g->sites[k].side);
			rc |= ref_append(sites, site);
		}
		rc |= ref_put(x, "sites", sites);
		rc |= ref_append(segments, x);
	}
	rc |= ref_put(o, "segments", segments);
	rc |= put_provenance(o, &b->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *model_json(const mfr_model *m)
{
	static const struct {
		const char *name;
		int kind;
	} sections[] = {
		{ "sources", MFR_KIND_SOURCE }, { "regions", MFR_KIND_REGION },
		{ "lines", MFR_KIND_LINE }, { "referrals", MFR_KIND_REFERRAL },
		{ "techniques", MFR_KIND_TECHNIQUE },
		{ "conditions", MFR_KIND_CONDITION },
		{ "precautions", MFR_KIND_PRECAUTION },
		{ "aftercare", MFR_KIND_AFTERCARE },
		{ "danger_zones", MFR_KIND_DANGER_ZONE },
		{ "screening", MFR_KIND_SCREENING },
	};
	json_t *o = json_object();
	int rc = ref_put_str(o, "format", "libmfr-model");

	rc |= ref_put(o, "format_version", json_integer(1));
	rc |= ref_put_str(o, "name", m->name);
	rc |= ref_put_str(o, "model_version", m->version);
	rc |= ref_put_opt_str(o, "description", m->description);
	for (size_t s = 0; !rc && s < sizeof(sections) / sizeof(sections[0]); s++) {
		json_t *arr = json_array();
		uint32_t n = m->index[sections[s].kind].count;

		for (uint32_t i = 0; !rc && arr && i < n; i++)
			rc |= ref_append(arr, entity_json(m, sections[s].kind, i));
		rc |= ref_put(o, sections[s].name, arr);
	}
	if (!rc && m->chart)
		rc |= ref_put(o, "chart", chart_json(m->chart));
	if (!rc && m->body_map)
		rc |= ref_put(o, "body_map", body_map_json(m->body_map));
	return rc ? (json_decref(o), NULL) : o;
}

/* ---- the documents ---- */

/* @p doc dumped as the library dumped it: with jansson's flags, and a final
 * newline when indented. malloc'd, or NULL when @p doc is (a builder
 * failed) or jansson fails. */
static char *dump(json_t *doc, uint32_t flags)
{
	int compact = (flags & MFR_JSON_COMPACT) != 0;
	char *text, *out;
	size_t n;

	if (!doc)
		return NULL;
	text = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) |
			  (compact ? JSON_COMPACT : JSON_INDENT(2)));
	json_decref(doc);
	if (!text || compact)
		return text;
	n = strlen(text);
	out = realloc(text, n + 2);
	if (!out) {
		free(text);
		return NULL;
	}
	memcpy(out + n, "\n", 2);
	return out;
}

char *mfr_ref_trace_json(const mfr_trace *trace, uint32_t flags)
{
	return dump(trace_json(trace), flags);
}

char *mfr_ref_plan_json(const mfr_plan *plan, uint32_t flags)
{
	json_t *doc = envelope("libmfr-plan", plan), *body = plan_json(plan);
	int rc = doc && body ? json_object_update(doc, body) : -1;

	json_decref(body);
	if (rc) {
		json_decref(doc);
		doc = NULL;
	}
	return dump(doc, flags);
}

char *mfr_ref_program_json(const mfr_program *pg, uint32_t flags)
{
	json_t *doc = envelope("libmfr-program", pg->sessions[0].plan), *sessions = json_array();
	int rc = ref_put(doc, "session_count", json_integer(pg->count));

	rc |= ref_put(doc, "weeks", json_integer(pg->weeks));
	for (uint32_t i = 0; !rc && i < pg->count; i++) {
		json_t *s = json_object();

		rc |= ref_put(s, "session", json_integer(i + 1));
		rc |= ref_put(s, "day", json_integer(pg->sessions[i].day));
		rc |= ref_put(s, "reassess", json_boolean(pg->sessions[i].reassess));
		rc |= ref_put_str(s, "focus", pg->sessions[i].focus);
		rc |= ref_put(s, "plan", plan_json(pg->sessions[i].plan));
		rc |= ref_append(sessions, s);
	}
	rc |= ref_put(doc, "sessions", sessions);
	if (rc) {
		json_decref(doc);
		doc = NULL;
	}
	return dump(doc, flags);
}

char *mfr_ref_intake_json(const mfr_intake *intake, uint32_t flags)
{
	return dump(intake_json(intake), flags);
}

char *mfr_ref_model_json(const mfr_model *model, int kind, const char *key, uint32_t flags)
{
	if (!kind)
		return dump(model_json(model), flags);
	int64_t at = mfr__model_find(model, kind, key);

	return at < 0 ? NULL : dump(entity_json(model, kind, (uint32_t)at), flags);
}
