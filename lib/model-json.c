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
#include <string.h>

#include "error.h"
#include "model-private.h"
#include "json-writer.h"
#include "names.h"

/* Member @p name (MFR_JW_NAME(): quoted, @p len bytes): an array of the
 * keys of @p n entities; @p key_of returns entity i's key. */
static void key_array(mfr_jw *w, const char *name, size_t len, const void *items,
		      uint32_t n, const char *(*key_of)(const void *items, uint32_t i))
{
	mfr__jw_key_quoted(w, name, len);
	mfr__jw_array(w);
	for (uint32_t i = 0; i < n; i++)
		mfr__jw_string(w, key_of(items, i));
	mfr__jw_array_end(w);
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

static void put_regions(mfr_jw *w, const char *name, size_t len,
			const mfr_region *const *r, uint32_t n, int always)
{
	if (n || always)
		key_array(w, name, len, r, n, region_key_of);
}

static void put_provenance(mfr_jw *w, const mfr_provenance *p)
{
	key_array(w, MFR_JW_NAME("sources"), p->sources, p->source_count, source_key_of);
	mfr__jw_put_flag(w, "convention", p->convention);
	mfr__jw_put_opt_str(w, "note", p->note);
}

static void source_json(mfr_jw *w, const mfr_source *s)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", s->key);
	mfr__jw_put_str(w, "citation", s->citation);
	mfr__jw_put_opt_str(w, "note", s->note);
	mfr__jw_object_end(w);
}

static void region_json(mfr_jw *w, const mfr_region *r)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", r->key);
	mfr__jw_put_str(w, "name", r->name);
	mfr__jw_put_name(w, "kind", &mfr__region_kind_names, r->kind);
	if (r->parent)
		mfr__jw_put_str(w, "parent", r->parent->key);
	mfr__jw_put_name(w, "laterality", &mfr__laterality_names, r->laterality);
	mfr__jw_put_mask(w, "positions", &mfr__position_names, r->positions);
	mfr__jw_put_name(w, "depth", &mfr__depth_names, r->depth);
	if (r->access)
		mfr__jw_put_name(w, "access", &mfr__access_names, r->access);
	if (r->untreatable)
		mfr__jw_put_bool(w, "treatable", 0);
	if (r->snomed || r->fma || r->uberon) {
		mfr__jw_key(w, "codes");
		mfr__jw_object(w);
		mfr__jw_put_opt_str(w, "snomed", r->snomed);
		mfr__jw_put_opt_str(w, "fma", r->fma);
		mfr__jw_put_opt_str(w, "uberon", r->uberon);
		mfr__jw_object_end(w);
	}
	if (r->synonym_count)
		key_array(w, MFR_JW_NAME("synonyms"), r->synonyms, r->synonym_count, string_of);
	/* Each pair once: on the region with the lower index. */
	uint32_t first = 0;
	while (first < r->adjacent_count && r->adjacent[first]->index < r->index)
		first++;
	if (first < r->adjacent_count)
		put_regions(w, MFR_JW_NAME("adjacent"), r->adjacent + first,
			    r->adjacent_count - first, 0);
	put_provenance(w, &r->prov);
	mfr__jw_object_end(w);
}

static void node_json(mfr_jw *w, const mfr_line_node *n)
{
	mfr__jw_object(w);
	mfr__jw_put_name(w, "kind", &mfr__node_kind_names, n->kind);
	put_regions(w, MFR_JW_NAME("regions"), n->regions, n->region_count, 1);
	mfr__jw_put_name(w, "side", &mfr__line_side_names, n->side);
	mfr__jw_put_flag(w, "may_cross", n->may_cross);
	mfr__jw_put_opt_str(w, "note", n->note);
	mfr__jw_object_end(w);
}

static void line_json(mfr_jw *w, const mfr_line *l)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", l->key);
	mfr__jw_put_str(w, "abbrev", l->abbrev);
	mfr__jw_put_str(w, "name", l->name);
	mfr__jw_put_str(w, "evidence", mfr_evidence_name(l->evidence));
	if (l->evidence_source_count)
		key_array(w, MFR_JW_NAME("evidence_sources"), l->evidence_sources,
			  l->evidence_source_count, source_key_of);
	mfr__jw_key(w, "branches");
	mfr__jw_array(w);
	for (uint32_t b = 0; b < l->branch_count; b++) {
		const mfr_line_branch *br = &l->branches[b];

		mfr__jw_object(w);
		mfr__jw_put_str(w, "key", br->key);
		mfr__jw_put_opt_str(w, "name", br->name);
		mfr__jw_key(w, "nodes");
		mfr__jw_array(w);
		for (uint32_t i = 0; i < br->node_count; i++)
			node_json(w, &br->nodes[i]);
		mfr__jw_array_end(w);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	put_provenance(w, &l->prov);
	mfr__jw_object_end(w);
}

static void referral_json(mfr_jw *w, const mfr_referral *r)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", r->key);
	mfr__jw_put_str(w, "muscle", r->muscle->key);
	mfr__jw_put_str(w, "trigger_point", r->trigger_point);
	mfr__jw_key(w, "zones");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < r->zone_count; i++) {
		mfr__jw_object(w);
		mfr__jw_put_str(w, "area", r->zones[i].area->key);
		mfr__jw_put_name(w, "zone", &mfr__zone_kind_names, r->zones[i].kind);
		if (r->zones[i].frequency != MFR_FREQUENCY_COMMON)
			mfr__jw_put_name(w, "frequency", &mfr__frequency_names,
					 r->zones[i].frequency);
		mfr__jw_put_flag(w, "bilateral", r->zones[i].bilateral);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	mfr__jw_put_flag(w, "split_convention", r->split_convention);
	mfr__jw_put_flag(w, "disputed", r->disputed);
	put_provenance(w, &r->prov);
	mfr__jw_object_end(w);
}

/* Member @p name (as for key_array()): {"min": ..., "max": ...} of two
 * whole numbers. */
static void int_range(mfr_jw *w, const char *name, size_t len, int64_t min, int64_t max)
{
	mfr__jw_key_quoted(w, name, len);
	mfr__jw_object(w);
	mfr__jw_put_int(w, "min", min);
	mfr__jw_put_int(w, "max", max);
	mfr__jw_object_end(w);
}

static void technique_json(mfr_jw *w, const mfr_technique *t)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", t->key);
	mfr__jw_put_str(w, "name", t->name);
	mfr__jw_put_name(w, "family", &mfr__family_names, t->family);
	mfr__jw_put_name(w, "approach", &mfr__approach_names, t->approach);
	mfr__jw_key(w, "pressure");
	mfr__jw_object(w);
	mfr__jw_put_str(w, "min", mfr_pressure_name(t->pressure_min));
	mfr__jw_put_str(w, "max", mfr_pressure_name(t->pressure_max));
	mfr__jw_object_end(w);
	mfr__jw_put_name(w, "depth", &mfr__depth_names, t->depth);
	if (t->has_hold)
		int_range(w, MFR_JW_NAME("hold_seconds"), t->hold_min, t->hold_max);
	mfr__jw_put_flag(w, "hold_convention", t->hold_convention);
	if (t->max_sites)
		mfr__jw_put_int(w, "max_sites", t->max_sites);
	mfr__jw_put_mask(w, "positions", &mfr__position_names, t->positions);
	put_regions(w, MFR_JW_NAME("regions"), t->regions, t->region_count, 0);
	if (t->suits)
		mfr__jw_put_mask(w, "suits", &mfr__suits_names, t->suits);
	put_provenance(w, &t->prov);
	mfr__jw_object_end(w);
}

static void put_dose(mfr_jw *w, const mfr_dose *d)
{
	if (!d)
		return;
	mfr__jw_key(w, "dose");
	mfr__jw_object(w);
	if (d->pressure_ceiling)
		mfr__jw_put_name(w, "pressure_ceiling", &mfr__pressure_names,
				 d->pressure_ceiling);
	if (d->indirect_only)
		mfr__jw_put_str(w, "approach", "indirect");
	if (d->max_minutes)
		mfr__jw_put_int(w, "max_minutes", d->max_minutes);
	if (d->hold_max)
		int_range(w, MFR_JW_NAME("hold_seconds"), d->hold_min, d->hold_max);
	if (d->no_progression)
		mfr__jw_put_str(w, "progression", "none");
	put_provenance(w, &d->prov);
	mfr__jw_object_end(w);
}

static void condition_json(mfr_jw *w, const mfr_condition *c)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", c->key);
	mfr__jw_put_str(w, "name", c->name);
	key_array(w, MFR_JW_NAME("icd10cm"), c->icd10cm, c->icd10cm_count, string_of);
	if (c->snomed_count)
		key_array(w, MFR_JW_NAME("snomed"), c->snomed, c->snomed_count, string_of);
	put_regions(w, MFR_JW_NAME("areas"), c->areas, c->area_count, 1);
	if (c->line_count)
		key_array(w, MFR_JW_NAME("lines"), c->lines, c->line_count, line_key_of);
	put_regions(w, MFR_JW_NAME("regions"), c->regions, c->region_count, 0);
	if (c->site_technique_count)
		key_array(w, MFR_JW_NAME("site_techniques"), c->site_techniques,
			  c->site_technique_count, technique_key_of);
	if (c->trigger_point_technique_count)
		key_array(w, MFR_JW_NAME("trigger_point_techniques"), c->trigger_point_techniques,
			  c->trigger_point_technique_count, technique_key_of);
	if (c->screening_count)
		key_array(w, MFR_JW_NAME("screening"), c->screening, c->screening_count,
			  screening_key_of);
	if (c->relations != MFR_RELATION_ALL)
		mfr__jw_put_mask(w, "relations", &mfr__relation_names, c->relations);
	mfr__jw_put_opt_str(w, "evidence", c->evidence);
	put_dose(w, c->dose);
	if (c->synonym_count)
		key_array(w, MFR_JW_NAME("synonyms"), c->synonyms, c->synonym_count, string_of);
	put_provenance(w, &c->prov);
	mfr__jw_object_end(w);
}

static void precaution_json(mfr_jw *w, const mfr_precaution *p)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", p->key);
	mfr__jw_put_str(w, "name", p->name);
	mfr__jw_put_name(w, "scope", &mfr__scope_names, p->scope);
	mfr__jw_put_name(w, "severity", &mfr__severity_names, p->severity);
	mfr__jw_put_flag(w, "needs_clearance", p->needs_clearance);
	mfr__jw_put_flag(w, "avoid_site", p->avoid_site);
	mfr__jw_put_flag(w, "avoid_adjacent", p->avoid_adjacent);
	put_regions(w, MFR_JW_NAME("avoid_regions"), p->avoid_regions, p->avoid_region_count, 0);
	put_regions(w, MFR_JW_NAME("avoid_regions_until_cleared"), p->avoid_until_cleared,
		    p->avoid_until_cleared_count, 0);
	if (p->pressure_ceiling)
		mfr__jw_put_name(w, "pressure_ceiling", &mfr__pressure_names,
				 p->pressure_ceiling);
	if (p->excluded_technique_count)
		key_array(w, MFR_JW_NAME("excluded_techniques"), p->excluded_techniques,
			  p->excluded_technique_count, technique_key_of);
	mfr__jw_put_flag(w, "site_scoped", p->site_scoped);
	mfr__jw_put_flag(w, "site_optional", p->site_optional);
	mfr__jw_put_flag(w, "refer_first", p->refer_first);
	if (p->widen_count) {
		mfr__jw_key(w, "widen_to");
		mfr__jw_array(w);
		for (uint32_t i = 0; i < p->widen_count; i++) {
			mfr__jw_object(w);
			mfr__jw_put_str(w, "region", p->widen_to[i].region->key);
			put_regions(w, MFR_JW_NAME("with"), p->widen_to[i].with, p->widen_to[i].with_count, 0);
			mfr__jw_object_end(w);
		}
		mfr__jw_array_end(w);
	}
	if (p->stage_count) {
		mfr__jw_key(w, "stages");
		mfr__jw_object(w);
		mfr__jw_put_str(w, "name", p->stage_name);
		mfr__jw_put_int(w, "count", p->stage_count);
		mfr__jw_object_end(w);
	}
	if (p->position_limit_count) {
		mfr__jw_key(w, "position_limits");
		mfr__jw_array(w);
		for (uint32_t i = 0; i < p->position_limit_count; i++) {
			const mfr_precaution_position_limit *l = &p->position_limits[i];

			mfr__jw_object(w);
			mfr__jw_put_name(w, "position", &mfr__position_names, l->position);
			if (l->from_stage > 1)
				mfr__jw_put_int(w, "from_stage", l->from_stage);
			put_regions(w, MFR_JW_NAME("regions"), l->regions, l->region_count, 0);
			mfr__jw_object_end(w);
		}
		mfr__jw_array_end(w);
	}
	put_regions(w, MFR_JW_NAME("clearance_for_symptoms"), p->clearance_areas,
		    p->clearance_area_count, 0);
	put_dose(w, p->dose);
	mfr__jw_put_str(w, "effect", p->effect);
	if (p->screening_count)
		key_array(w, MFR_JW_NAME("screening"), p->screening, p->screening_count,
			  screening_key_of);
	put_provenance(w, &p->prov);
	mfr__jw_object_end(w);
}

static void danger_zone_json(mfr_jw *w, const mfr_danger_zone *z)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", z->key);
	mfr__jw_put_str(w, "name", z->name);
	put_regions(w, MFR_JW_NAME("regions"), z->regions, z->region_count, 0);
	if (z->region_kinds) {
		mfr__jw_key(w, "region_kinds");
		mfr__jw_array(w);
		for (int k = 1; k < 32; k++)
			if (z->region_kinds & (1u << k))
				mfr__jw_string(w, mfr__name_of(&mfr__region_kind_names, k));
		mfr__jw_array_end(w);
	}
	mfr__jw_put_name(w, "pressure_ceiling", &mfr__pressure_names, z->pressure_ceiling);
	if (z->excluded_technique_count)
		key_array(w, MFR_JW_NAME("excluded_techniques"), z->excluded_techniques,
			  z->excluded_technique_count, technique_key_of);
	mfr__jw_put_str(w, "effect", z->effect);
	put_provenance(w, &z->prov);
	mfr__jw_object_end(w);
}

static void screening_json(mfr_jw *w, const mfr_screening *q)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", q->key);
	mfr__jw_put_str(w, "text", q->text);
	mfr__jw_key(w, "answers");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < q->answer_count; i++) {
		const mfr_screening_answer *a = &q->answers[i];

		mfr__jw_object(w);
		mfr__jw_put_str(w, "key", a->key);
		mfr__jw_put_str(w, "text", a->text);
		if (a->precaution_count)
			key_array(w, MFR_JW_NAME("precautions"), a->precautions, a->precaution_count,
				  precaution_key_of);
		if (a->stage)
			mfr__jw_put_int(w, "stage", a->stage);
		mfr__jw_put_flag(w, "site", a->needs_site);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	put_regions(w, MFR_JW_NAME("symptom_areas"), q->symptom_areas, q->symptom_area_count, 0);
	put_provenance(w, &q->prov);
	mfr__jw_object_end(w);
}

static void aftercare_json(mfr_jw *w, const mfr_aftercare *a)
{
	mfr__jw_object(w);
	mfr__jw_put_str(w, "key", a->key);
	mfr__jw_put_str(w, "text", a->text);
	if (a->kind != MFR_AFTERCARE_GENERAL)
		mfr__jw_put_name(w, "kind", &mfr__aftercare_kind_names, a->kind);
	if (a->when_count)
		key_array(w, MFR_JW_NAME("when"), a->when, a->when_count, precaution_key_of);
	put_provenance(w, &a->prov);
	mfr__jw_object_end(w);
}

/* The JSON of entity @p i of @p kind. */
static void entity_json(mfr_jw *w, const mfr_model *m, int kind, uint32_t i)
{
	switch (kind) {
	case MFR_KIND_SOURCE: source_json(w, &m->sources[i]); break;
	case MFR_KIND_REGION: region_json(w, &m->regions[i]); break;
	case MFR_KIND_LINE: line_json(w, &m->lines[i]); break;
	case MFR_KIND_REFERRAL: referral_json(w, &m->referrals[i]); break;
	case MFR_KIND_TECHNIQUE: technique_json(w, &m->techniques[i]); break;
	case MFR_KIND_CONDITION: condition_json(w, &m->conditions[i]); break;
	case MFR_KIND_PRECAUTION: precaution_json(w, &m->precautions[i]); break;
	case MFR_KIND_AFTERCARE: aftercare_json(w, &m->aftercare[i]); break;
	case MFR_KIND_DANGER_ZONE: danger_zone_json(w, &m->danger_zones[i]); break;
	case MFR_KIND_SCREENING: screening_json(w, &m->screening[i]); break;
	}
}

/* The body chart, when the model has one. */
static void chart_json(mfr_jw *w, const mfr_chart *c)
{
	mfr__jw_key(w, "chart");
	mfr__jw_object(w);
	mfr__jw_key(w, "outlines");
	mfr__jw_array(w);
	for (int v = 1; v <= MFR_CHART_VIEWS; v++) {
		mfr__jw_object(w);
		mfr__jw_put_name(w, "view", &mfr__chart_view_names, v);
		mfr__jw_put_str(w, "path", c->outlines[v - 1]);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	mfr__jw_key(w, "areas");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < c->area_count; i++) {
		const mfr_chart_area *a = &c->areas[i];

		mfr__jw_object(w);
		mfr__jw_put_str(w, "region", a->region->key);
		mfr__jw_put_name(w, "view", &mfr__chart_view_names, a->view);
		mfr__jw_key(w, "ellipse");
		mfr__jw_array(w);
		mfr__jw_int(w, a->cx);
		mfr__jw_int(w, a->cy);
		mfr__jw_int(w, a->rx);
		mfr__jw_int(w, a->ry);
		mfr__jw_array_end(w);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	put_provenance(w, &c->prov);
	mfr__jw_object_end(w);
}

/* The body map, when the model has one. */
static void body_map_json(mfr_jw *w, const mfr_body_map *b)
{
	mfr__jw_key(w, "body_map");
	mfr__jw_object(w);
	mfr__jw_put_str(w, "name", b->name);
	mfr__jw_put_str(w, "citation", b->citation);
	mfr__jw_key(w, "segments");
	mfr__jw_array(w);
	for (uint32_t i = 0; i < b->segment_count; i++) {
		const mfr_segment *g = &b->segments[i];

		mfr__jw_object(w);
		mfr__jw_put_int(w, "id", g->id);
		mfr__jw_put_str(w, "name", g->name);
		mfr__jw_key(w, "sites");
		mfr__jw_array(w);
		for (uint32_t k = 0; k < g->site_count; k++) {
			mfr__jw_object(w);
			mfr__jw_put_str(w, "region", g->sites[k].region->key);
			if (g->sites[k].side != MFR_SIDE_MIDLINE)
				mfr__jw_put_name(w, "side", &mfr__side_names, g->sites[k].side);
			mfr__jw_object_end(w);
		}
		mfr__jw_array_end(w);
		mfr__jw_object_end(w);
	}
	mfr__jw_array_end(w);
	put_provenance(w, &b->prov);
	mfr__jw_object_end(w);
}

static void model_json(mfr_jw *w, const mfr_model *m)
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

	mfr__jw_object(w);
	mfr__jw_put_str(w, "format", "libmfr-model");
	mfr__jw_put_int(w, "format_version", 1);
	mfr__jw_put_str(w, "name", m->name);
	mfr__jw_put_str(w, "model_version", m->version);
	mfr__jw_put_opt_str(w, "description", m->description);
	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		uint32_t n = m->index[sections[s].kind].count;

		mfr__jw_key_str(w, sections[s].name);
		mfr__jw_array(w);
		for (uint32_t i = 0; i < n; i++)
			entity_json(w, m, sections[s].kind, i);
		mfr__jw_array_end(w);
	}
	if (m->chart)
		chart_json(w, m->chart);
	if (m->body_map)
		body_map_json(w, m->body_map);
	mfr__jw_object_end(w);
}

MFR_EXPORT mfr_status_t mfr_model_to_json(const mfr_model *model, mfr_kind_t kind,
					const char *key, uint32_t flags,
					char **out, mfr_error **err)
{
	mfr_jw w;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
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
		mfr__jw_init(&w, flags, 0);
		entity_json(&w, model, kind, (uint32_t)at);
	} else {
		mfr__jw_init(&w, flags, 0);
		model_json(&w, model);
	}
	return mfr__jw_finish(&w, out, err);
}
