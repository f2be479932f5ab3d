/*
 * libmfr - walking a model's pointers, and loading a snapshot.
 * SPDX-License-Identifier: MIT
 */
#include "snapshot.h"

#include <string.h>

#include "alloc.h"

typedef void (*visit_fn)(void *slot, void *ctx);

#define PTR(field) visit(&(field), ctx)

/* An array field and each pointer it holds. */
#define PTR_ARRAY(field, count)                              \
	do {                                                 \
		for (uint32_t i_ = 0; i_ < (count); i_++)    \
			visit(&(field)[i_], ctx);            \
		visit(&(field), ctx);                        \
	} while (0)

static void walk_prov(mfr_provenance *p, visit_fn visit, void *ctx)
{
	PTR_ARRAY(p->sources, p->source_count);
	PTR(p->note);
}

static void walk_region(mfr_region *r, visit_fn visit, void *ctx)
{
	PTR(r->key);
	PTR(r->name);
	PTR(r->parent);
	PTR_ARRAY(r->children, r->child_count);
	PTR_ARRAY(r->adjacent, r->adjacent_count);
	PTR(r->snomed);
	PTR(r->fma);
	PTR(r->uberon);
	walk_prov(&r->prov, visit, ctx);
}

static void walk_line(mfr_line *l, visit_fn visit, void *ctx)
{
	PTR(l->key);
	PTR(l->abbrev);
	PTR(l->name);
	PTR_ARRAY(l->evidence_sources, l->evidence_source_count);
	for (uint32_t b = 0; b < l->branch_count; b++) {
		mfr_line_branch *br = &l->branches[b];

		PTR(br->key);
		PTR(br->name);
		PTR(br->line);
		for (uint32_t n = 0; n < br->node_count; n++) {
			PTR_ARRAY(br->nodes[n].regions, br->nodes[n].region_count);
			PTR(br->nodes[n].note);
		}
		PTR(br->nodes);
	}
	PTR(l->branches);
	walk_prov(&l->prov, visit, ctx);
}

static void walk_referral(mfr_referral *r, visit_fn visit, void *ctx)
{
	PTR(r->key);
	PTR(r->muscle);
	PTR(r->trigger_point);
	for (uint32_t z = 0; z < r->zone_count; z++)
		PTR(r->zones[z].area);
	PTR(r->zones);
	walk_prov(&r->prov, visit, ctx);
}

static void walk_technique(mfr_technique *t, visit_fn visit, void *ctx)
{
	PTR(t->key);
	PTR(t->name);
	PTR_ARRAY(t->regions, t->region_count);
	walk_prov(&t->prov, visit, ctx);
}

static void walk_dose(const mfr_dose **slot, visit_fn visit, void *ctx)
{
	mfr_dose *d = (mfr_dose *)*slot;

	if (d)
		walk_prov(&d->prov, visit, ctx);
	visit(slot, ctx);
}

static void walk_condition(mfr_condition *c, visit_fn visit, void *ctx)
{
	PTR(c->key);
	PTR(c->name);
	PTR_ARRAY(c->icd10cm, c->icd10cm_count);
	PTR_ARRAY(c->snomed, c->snomed_count);
	PTR_ARRAY(c->areas, c->area_count);
	PTR_ARRAY(c->lines, c->line_count);
	PTR_ARRAY(c->regions, c->region_count);
	PTR_ARRAY(c->site_techniques, c->site_technique_count);
	PTR_ARRAY(c->screening, c->screening_count);
	PTR(c->evidence);
	walk_dose(&c->dose, visit, ctx);
	walk_prov(&c->prov, visit, ctx);
}

static void walk_precaution(mfr_precaution *p, visit_fn visit, void *ctx)
{
	PTR(p->key);
	PTR(p->name);
	PTR_ARRAY(p->avoid_regions, p->avoid_region_count);
	PTR_ARRAY(p->excluded_techniques, p->excluded_technique_count);
	PTR(p->stage_name);
	for (uint32_t i = 0; i < p->widen_count; i++) {
		PTR(p->widen_to[i].region);
		PTR_ARRAY(p->widen_to[i].with, p->widen_to[i].with_count);
	}
	PTR(p->widen_to);
	for (uint32_t i = 0; i < p->position_limit_count; i++)
		PTR_ARRAY(p->position_limits[i].regions, p->position_limits[i].region_count);
	PTR(p->position_limits);
	PTR_ARRAY(p->clearance_areas, p->clearance_area_count);
	walk_dose(&p->dose, visit, ctx);
	PTR(p->effect);
	walk_prov(&p->prov, visit, ctx);
}

static void walk_danger_zone(mfr_danger_zone *z, visit_fn visit, void *ctx)
{
	PTR(z->key);
	PTR(z->name);
	PTR_ARRAY(z->regions, z->region_count);
	PTR_ARRAY(z->excluded_techniques, z->excluded_technique_count);
	PTR(z->effect);
	walk_prov(&z->prov, visit, ctx);
}

static void walk_screening(mfr_screening *q, visit_fn visit, void *ctx)
{
	PTR(q->key);
	PTR(q->text);
	for (uint32_t i = 0; i < q->answer_count; i++) {
		PTR(q->answers[i].key);
		PTR(q->answers[i].text);
		PTR_ARRAY(q->answers[i].precautions, q->answers[i].precaution_count);
	}
	PTR(q->answers);
	walk_prov(&q->prov, visit, ctx);
}

void mfr__model_walk(mfr_model *m, visit_fn visit, void *ctx)
{
	PTR(m->name);
	PTR(m->version);
	PTR(m->description);
	for (uint32_t i = 0; i < m->source_count; i++) {
		PTR(m->sources[i].key);
		PTR(m->sources[i].citation);
		PTR(m->sources[i].note);
	}
	for (uint32_t i = 0; i < m->region_count; i++)
		walk_region(&m->regions[i], visit, ctx);
	for (uint32_t i = 0; i < m->line_count; i++)
		walk_line(&m->lines[i], visit, ctx);
	for (uint32_t i = 0; i < m->referral_count; i++)
		walk_referral(&m->referrals[i], visit, ctx);
	for (uint32_t i = 0; i < m->technique_count; i++)
		walk_technique(&m->techniques[i], visit, ctx);
	for (uint32_t i = 0; i < m->condition_count; i++)
		walk_condition(&m->conditions[i], visit, ctx);
	for (uint32_t i = 0; i < m->precaution_count; i++)
		walk_precaution(&m->precautions[i], visit, ctx);
	for (uint32_t i = 0; i < m->aftercare_count; i++) {
		PTR(m->aftercare[i].key);
		PTR(m->aftercare[i].text);
		PTR_ARRAY(m->aftercare[i].when, m->aftercare[i].when_count);
		walk_prov(&m->aftercare[i].prov, visit, ctx);
	}
	for (uint32_t i = 0; i < m->danger_zone_count; i++)
		walk_danger_zone(&m->danger_zones[i], visit, ctx);
	for (uint32_t i = 0; i < m->screening_count; i++)
		walk_screening(&m->screening[i], visit, ctx);
	PTR(m->sources);
	PTR(m->regions);
	PTR(m->lines);
	PTR(m->referrals);
	PTR(m->techniques);
	PTR(m->conditions);
	PTR(m->precautions);
	PTR(m->aftercare);
	PTR(m->danger_zones);
	PTR(m->screening);
	for (int k = 1; k <= MFR_N_KINDS; k++) {
		for (uint32_t i = 0; i < m->index[k].count; i++)
			PTR(m->index[k].entries[i].key);
		PTR(m->index[k].entries);
	}
	PTR(m->graph.offsets);
	PTR(m->graph.edges);
}

mfr_status mfr__snapshot_load(const unsigned char *blob, size_t size,
			      const uint32_t *relocs, size_t nrelocs, mfr_model **out)
{
	unsigned char *base = mfr__malloc(size);

	if (!base)
		return MFR_E_NOMEM;
	memcpy(base, blob, size);
	for (size_t i = 0; i < nrelocs; i++) {
		uintptr_t v;

		memcpy(&v, base + relocs[i], sizeof(v));
		if (v) {
			v = (uintptr_t)(base + (v - 1));
			memcpy(base + relocs[i], &v, sizeof(v));
		}
	}
	/* The model struct opens the block, so mfr_model_free() frees it all;
	 * its arena is empty (the snapshot holds everything). */
	*out = (mfr_model *)(void *)base;
	return MFR_OK;
}
