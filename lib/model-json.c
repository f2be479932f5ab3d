/*
 * libmfr - the model written back as JSON in the model format.
 * SPDX-License-Identifier: MIT
 *
 * The output is canonical: members in the order doc/model-format.md lists
 * them, optional members only when they carry something, and each adjacent
 * pair once, on the region that comes first. Loading the output gives an
 * identical model, and two models are identical exactly when their outputs
 * are byte-identical.
 */
#include <jansson.h>
#include <string.h>

#include "error.h"
#include "model-private.h"
#include "json-writer.h"
#include "names.h"

/* An array of the keys of @p n entities; @p key_of returns entity i's key. */
static json_t *key_array(const void *items, uint32_t n,
			 const char *(*key_of)(const void *items, uint32_t i))
{
	json_t *arr = json_array();

	for (uint32_t i = 0; arr && i < n; i++)
		if (mfr__jw_append(arr, mfr__jw_string(key_of(items, i)))) {
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

static const char *source_key_of(const void *items, uint32_t i)
{
	return ((const mfr_source *const *)items)[i]->key;
}

static const char *precaution_key_of(const void *items, uint32_t i)
{
	return ((const mfr_precaution *const *)items)[i]->key;
}

static const char *screening_key_of(const void *items, uint32_t i)
{
	return ((const mfr_screening *const *)items)[i]->key;
}

static const char *string_of(const void *items, uint32_t i)
{
	return ((const char *const *)items)[i];
}

static int put_regions(json_t *obj, const char *name, const mfr_region *const *r,
		       uint32_t n, int always)
{
	return n || always ? mfr__jw_put(obj, name, key_array(r, n, region_key_of)) : 0;
}

static int put_provenance(json_t *obj, const mfr_provenance *p)
{
	int rc = mfr__jw_put(obj, "sources", key_array(p->sources, p->source_count, source_key_of));
	rc |= mfr__jw_put_flag(obj, "convention", p->convention);
	rc |= mfr__jw_put_opt_str(obj, "note", p->note);
	return rc;
}

static json_t *source_json(const mfr_source *s)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "key", s->key);

	rc |= mfr__jw_put_str(o, "citation", s->citation);
	rc |= mfr__jw_put_opt_str(o, "note", s->note);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *region_json(const mfr_region *r)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "key", r->key);

	rc |= mfr__jw_put_str(o, "name", r->name);
	rc |= mfr__jw_put_name(o, "kind", &mfr__region_kind_names, r->kind);
	if (r->parent)
		rc |= mfr__jw_put_str(o, "parent", r->parent->key);
	rc |= mfr__jw_put_name(o, "laterality", &mfr__laterality_names, r->laterality);
	rc |= mfr__jw_put(o, "positions", mfr__jw_mask(&mfr__position_names, r->positions));
	rc |= mfr__jw_put_name(o, "depth", &mfr__depth_names, r->depth);
	if (r->access)
		rc |= mfr__jw_put_name(o, "access", &mfr__access_names, r->access);
	if (r->untreatable)
		rc |= mfr__jw_put(o, "treatable", json_false());
	if (r->snomed || r->fma || r->uberon) {
		json_t *c = json_object();

		rc |= mfr__jw_put_opt_str(c, "snomed", r->snomed);
		rc |= mfr__jw_put_opt_str(c, "fma", r->fma);
		rc |= mfr__jw_put_opt_str(c, "uberon", r->uberon);
		rc |= mfr__jw_put(o, "codes", c);
	}
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
	int rc = mfr__jw_put_name(o, "kind", &mfr__node_kind_names, n->kind);

	rc |= put_regions(o, "regions", n->regions, n->region_count, 1);
	rc |= mfr__jw_put_name(o, "side", &mfr__line_side_names, n->side);
	rc |= mfr__jw_put_flag(o, "may_cross", n->may_cross);
	rc |= mfr__jw_put_opt_str(o, "note", n->note);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *line_json(const mfr_line *l)
{
	json_t *o = json_object();
	json_t *branches = json_array();
	int rc = mfr__jw_put_str(o, "key", l->key);

	rc |= mfr__jw_put_str(o, "abbrev", l->abbrev);
	rc |= mfr__jw_put_str(o, "name", l->name);
	rc |= mfr__jw_put_str(o, "evidence", mfr_evidence_name(l->evidence));
	if (l->evidence_source_count)
		rc |= mfr__jw_put(o, "evidence_sources", key_array(l->evidence_sources,
			  l->evidence_source_count, source_key_of));
	for (uint32_t b = 0; !rc && branches && b < l->branch_count; b++) {
		const mfr_line_branch *br = &l->branches[b];
		json_t *bo = json_object(), *nodes = json_array();

		rc |= mfr__jw_put_str(bo, "key", br->key);
		rc |= mfr__jw_put_opt_str(bo, "name", br->name);
		for (uint32_t i = 0; !rc && nodes && i < br->node_count; i++)
			rc |= mfr__jw_append(nodes, node_json(&br->nodes[i]));
		rc |= mfr__jw_put(bo, "nodes", nodes);
		rc |= mfr__jw_append(branches, bo);
	}
	rc |= mfr__jw_put(o, "branches", branches);
	rc |= put_provenance(o, &l->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *referral_json(const mfr_referral *r)
{
	json_t *o = json_object();
	json_t *zones = json_array();
	int rc = mfr__jw_put_str(o, "key", r->key);

	rc |= mfr__jw_put_str(o, "muscle", r->muscle->key);
	rc |= mfr__jw_put_str(o, "trigger_point", r->trigger_point);
	for (uint32_t i = 0; !rc && zones && i < r->zone_count; i++) {
		json_t *z = json_object();

		rc |= mfr__jw_put_str(z, "area", r->zones[i].area->key);
		rc |= mfr__jw_put_name(z, "zone", &mfr__zone_kind_names, r->zones[i].kind);
		if (r->zones[i].frequency != MFR_FREQUENCY_COMMON)
			rc |= mfr__jw_put_name(z, "frequency", &mfr__frequency_names,
					       r->zones[i].frequency);
		rc |= mfr__jw_put_flag(z, "bilateral", r->zones[i].bilateral);
		rc |= mfr__jw_append(zones, z);
	}
	rc |= mfr__jw_put(o, "zones", zones);
	rc |= mfr__jw_put_flag(o, "split_convention", r->split_convention);
	rc |= mfr__jw_put_flag(o, "disputed", r->disputed);
	rc |= put_provenance(o, &r->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *range_json(json_t *min, json_t *max)
{
	json_t *o = json_object();
	int rc = mfr__jw_put(o, "min", min);

	rc |= mfr__jw_put(o, "max", max);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *technique_json(const mfr_technique *t)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "key", t->key);

	rc |= mfr__jw_put_str(o, "name", t->name);
	rc |= mfr__jw_put_name(o, "family", &mfr__family_names, t->family);
	rc |= mfr__jw_put_name(o, "approach", &mfr__approach_names, t->approach);
	rc |= mfr__jw_put(o, "pressure", range_json(mfr__jw_string(mfr_pressure_name(t->pressure_min)),
					    mfr__jw_string(mfr_pressure_name(t->pressure_max))));
	rc |= mfr__jw_put_name(o, "depth", &mfr__depth_names, t->depth);
	if (t->has_hold)
		rc |= mfr__jw_put(o, "hold_seconds", range_json(json_integer(t->hold_min),
							json_integer(t->hold_max)));
	rc |= mfr__jw_put_flag(o, "hold_convention", t->hold_convention);
	if (t->max_sites)
		rc |= mfr__jw_put(o, "max_sites", json_integer(t->max_sites));
	rc |= mfr__jw_put(o, "positions", mfr__jw_mask(&mfr__position_names, t->positions));
	rc |= put_regions(o, "regions", t->regions, t->region_count, 0);
	if (t->suits)
		rc |= mfr__jw_put(o, "suits", mfr__jw_mask(&mfr__suits_names, t->suits));
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
		rc |= mfr__jw_put_name(o, "pressure_ceiling", &mfr__pressure_names,
				       d->pressure_ceiling);
	if (d->indirect_only)
		rc |= mfr__jw_put_str(o, "approach", "indirect");
	if (d->max_minutes)
		rc |= mfr__jw_put(o, "max_minutes", json_integer(d->max_minutes));
	if (d->hold_max)
		rc |= mfr__jw_put(o, "hold_seconds", range_json(json_integer(d->hold_min),
								json_integer(d->hold_max)));
	if (d->no_progression)
		rc |= mfr__jw_put_str(o, "progression", "none");
	rc |= put_provenance(o, &d->prov);
	rc |= mfr__jw_put(obj, "dose", o);
	return rc;
}

static json_t *condition_json(const mfr_condition *c)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "key", c->key);

	rc |= mfr__jw_put_str(o, "name", c->name);
	rc |= mfr__jw_put(o, "icd10cm", key_array(c->icd10cm, c->icd10cm_count, string_of));
	if (c->snomed_count)
		rc |= mfr__jw_put(o, "snomed", key_array(c->snomed, c->snomed_count, string_of));
	rc |= put_regions(o, "areas", c->areas, c->area_count, 1);
	if (c->line_count)
		rc |= mfr__jw_put(o, "lines", key_array(c->lines, c->line_count, line_key_of));
	rc |= put_regions(o, "regions", c->regions, c->region_count, 0);
	if (c->site_technique_count)
		rc |= mfr__jw_put(o, "site_techniques",
				  key_array(c->site_techniques, c->site_technique_count,
					    technique_key_of));
	if (c->screening_count)
		rc |= mfr__jw_put(o, "screening",
				  key_array(c->screening, c->screening_count, screening_key_of));
	rc |= mfr__jw_put_opt_str(o, "evidence", c->evidence);
	rc |= put_dose(o, c->dose);
	rc |= put_provenance(o, &c->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *precaution_json(const mfr_precaution *p)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "key", p->key);

	rc |= mfr__jw_put_str(o, "name", p->name);
	rc |= mfr__jw_put_name(o, "scope", &mfr__scope_names, p->scope);
	rc |= mfr__jw_put_name(o, "severity", &mfr__severity_names, p->severity);
	rc |= mfr__jw_put_flag(o, "needs_clearance", p->needs_clearance);
	rc |= mfr__jw_put_flag(o, "avoid_site", p->avoid_site);
	rc |= mfr__jw_put_flag(o, "avoid_adjacent", p->avoid_adjacent);
	rc |= put_regions(o, "avoid_regions", p->avoid_regions, p->avoid_region_count, 0);
	if (p->pressure_ceiling)
		rc |= mfr__jw_put_name(o, "pressure_ceiling", &mfr__pressure_names,
			       p->pressure_ceiling);
	if (p->excluded_technique_count)
		rc |= mfr__jw_put(o, "excluded_techniques", key_array(p->excluded_techniques,
			  p->excluded_technique_count, technique_key_of));
	rc |= mfr__jw_put_flag(o, "site_scoped", p->site_scoped);
	if (p->widen_count) {
		json_t *arr = json_array();

		for (uint32_t i = 0; !rc && i < p->widen_count; i++) {
			json_t *w = json_object();

			rc |= mfr__jw_put_str(w, "region", p->widen_to[i].region->key);
			rc |= put_regions(w, "with", p->widen_to[i].with,
					  p->widen_to[i].with_count, 0);
			rc |= mfr__jw_append(arr, w);
		}
		rc |= mfr__jw_put(o, "widen_to", arr);
	}
	if (p->stage_count) {
		json_t *st = json_object();

		rc |= mfr__jw_put_str(st, "name", p->stage_name);
		rc |= mfr__jw_put(st, "count", json_integer(p->stage_count));
		rc |= mfr__jw_put(o, "stages", st);
	}
	if (p->position_limit_count) {
		json_t *arr = json_array();

		for (uint32_t i = 0; !rc && i < p->position_limit_count; i++) {
			const mfr_position_limit *l = &p->position_limits[i];
			json_t *lo = json_object();

			rc |= mfr__jw_put_name(lo, "position", &mfr__position_names, l->position);
			if (l->from_stage > 1)
				rc |= mfr__jw_put(lo, "from_stage", json_integer(l->from_stage));
			rc |= put_regions(lo, "regions", l->regions, l->region_count, 0);
			rc |= mfr__jw_append(arr, lo);
		}
		rc |= mfr__jw_put(o, "position_limits", arr);
	}
	rc |= put_regions(o, "clearance_for_symptoms", p->clearance_areas,
			  p->clearance_area_count, 0);
	rc |= put_dose(o, p->dose);
	rc |= mfr__jw_put_str(o, "effect", p->effect);
	rc |= put_provenance(o, &p->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *danger_zone_json(const mfr_danger_zone *z)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "key", z->key);

	rc |= mfr__jw_put_str(o, "name", z->name);
	rc |= put_regions(o, "regions", z->regions, z->region_count, 0);
	if (z->region_kinds) {
		json_t *kinds = json_array();

		for (int k = 1; k < 32 && kinds; k++)
			if (z->region_kinds & (1u << k))
				rc |= mfr__jw_append(kinds, json_string(
					mfr__name_of(&mfr__region_kind_names, k)));
		rc |= mfr__jw_put(o, "region_kinds", kinds);
	}
	rc |= mfr__jw_put_name(o, "pressure_ceiling", &mfr__pressure_names, z->pressure_ceiling);
	if (z->excluded_technique_count)
		rc |= mfr__jw_put(o, "excluded_techniques", key_array(z->excluded_techniques,
			  z->excluded_technique_count, technique_key_of));
	rc |= mfr__jw_put_str(o, "effect", z->effect);
	rc |= put_provenance(o, &z->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *screening_json(const mfr_screening *q)
{
	json_t *o = json_object();
	json_t *answers = json_array();
	int rc = mfr__jw_put_str(o, "key", q->key);

	rc |= mfr__jw_put_str(o, "text", q->text);
	for (uint32_t i = 0; !rc && i < q->answer_count; i++) {
		const mfr_answer *a = &q->answers[i];
		json_t *ao = json_object();

		rc |= mfr__jw_put_str(ao, "key", a->key);
		rc |= mfr__jw_put_str(ao, "text", a->text);
		if (a->precaution_count)
			rc |= mfr__jw_put(ao, "precautions", key_array(a->precautions,
				  a->precaution_count, precaution_key_of));
		if (a->stage)
			rc |= mfr__jw_put(ao, "stage", json_integer(a->stage));
		rc |= mfr__jw_put_flag(ao, "site", a->needs_site);
		rc |= mfr__jw_append(answers, ao);
	}
	rc |= mfr__jw_put(o, "answers", answers);
	rc |= put_provenance(o, &q->prov);
	return rc ? (json_decref(o), NULL) : o;
}

static json_t *aftercare_json(const mfr_aftercare *a)
{
	json_t *o = json_object();
	int rc = mfr__jw_put_str(o, "key", a->key);

	rc |= mfr__jw_put_str(o, "text", a->text);
	if (a->kind != MFR_AFTERCARE_GENERAL)
		rc |= mfr__jw_put_name(o, "kind", &mfr__aftercare_kind_names, a->kind);
	if (a->when_count)
		rc |= mfr__jw_put(o, "when", key_array(a->when, a->when_count, precaution_key_of));
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
	int rc = mfr__jw_put_str(o, "format", "libmfr-model");

	rc |= mfr__jw_put(o, "format_version", json_integer(1));
	rc |= mfr__jw_put_str(o, "name", m->name);
	rc |= mfr__jw_put_str(o, "model_version", m->version);
	rc |= mfr__jw_put_opt_str(o, "description", m->description);
	for (size_t s = 0; !rc && s < sizeof(sections) / sizeof(sections[0]); s++) {
		json_t *arr = json_array();
		uint32_t n = m->index[sections[s].kind].count;

		for (uint32_t i = 0; !rc && arr && i < n; i++)
			rc |= mfr__jw_append(arr, entity_json(m, sections[s].kind, i));
		rc |= mfr__jw_put(o, sections[s].name, arr);
	}
	return rc ? (json_decref(o), NULL) : o;
}

MFR_EXPORT mfr_status mfr_model_to_json(const mfr_model *model, int kind,
					const char *key, uint32_t flags,
					char **out, mfr_error **err)
{
	json_t *doc;

	if (out)
		*out = NULL;
	if (!model || !out || (kind != 0 && (kind < 1 || kind > MFR_N_KINDS)) ||
	    (kind != 0) != (key != NULL) || (flags & ~MFR_JSON_COMPACT))
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_model_to_json: pass a model, an out "
				      "pointer, and either kind 0 with a NULL key "
				      "or a kind with a key; flags may only hold "
				      "MFR_JSON_COMPACT");
	if (kind) {
		int64_t at = mfr__model_find(model, kind, key);

		if (at < 0)
			return mfr__error_set(err, MFR_E_NOTFOUND, NULL,
					      "no %s \"%s\" in the model",
					      mfr__name_of(&mfr__kind_names, kind), key);
		doc = entity_json(model, kind, (uint32_t)at);
	} else {
		doc = model_json(model);
	}
	return mfr__jw_dump(doc, flags, out, err);
}
