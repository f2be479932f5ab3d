/*
 * libmfr - the model's lifecycle and its lookups by kind and key.
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "file.h"
#include "model-private.h"
#include "names.h"
#include "suggest.h"
#include "text.h"

MFR_EXPORT mfr_status_t mfr_model_load_buffer(const char *data, size_t size,
					    const char *name, mfr_model **out,
					    mfr_error **err)
{
	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!data || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_model_load_buffer: %s is NULL",
				      !data ? "data" : "out");
	return mfr__model_parse(data, size, name, out, err);
}

MFR_EXPORT mfr_status_t mfr_model_load_file(const char *path, mfr_model **out,
					  mfr_error **err)
{
	char *data = NULL;
	size_t size = 0;
	mfr_status_t st;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!path || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_model_load_file: %s is NULL",
				      !path ? "path" : "out");
	st = mfr__read_file(path, (size_t)MFR_MODEL_MAX_BYTES + 1, &data, &size, err);
	if (st != MFR_OK)
		return st;
	st = mfr__model_parse(data, size, path, out, err);
	mfr__free(data);
	return st;
}

void mfr__model_init_refs(mfr_model *m)
{
	atomic_init(&m->refs, 1);
	atomic_init(&m->reach, NULL);
	atomic_init(&m->reach_bytes, 0);
	atomic_init(&m->reach_off, 0);
}

void mfr__model_hold(const mfr_model *m)
{
	/* A model is never defined const: the library allocated it. */
	atomic_fetch_add_explicit(&((mfr_model *)m)->refs, 1, memory_order_relaxed);
}

void mfr__model_release(const mfr_model *m)
{
	mfr_model *model = (mfr_model *)m;

	/* acq_rel: every use of the model by the other holders happens before
	 * the last one frees it. */
	if (atomic_fetch_sub_explicit(&model->refs, 1, memory_order_acq_rel) != 1)
		return;
	mfr__reach_cache_free(atomic_load_explicit(&model->reach, memory_order_relaxed));
	mfr__arena_release(&model->arena);
	mfr__free(model);
}

MFR_EXPORT mfr_model *mfr_model_ref(const mfr_model *model)
{
	if (model)
		mfr__model_hold(model);
	return (mfr_model *)model;
}

MFR_EXPORT void mfr_model_unref(mfr_model *model)
{
	if (model)
		mfr__model_release(model);
}

MFR_EXPORT void mfr_model_free(mfr_model *model)
{
	mfr_model_unref(model);
}

MFR_EXPORT const char *mfr_model_name(const mfr_model *model)
{
	return model ? model->name : NULL;
}

MFR_EXPORT const char *mfr_model_version(const mfr_model *model)
{
	return model ? model->version : NULL;
}

MFR_EXPORT const char *mfr_model_description(const mfr_model *model)
{
	return model && model->description[0] ? model->description : NULL;
}

static int key_cmp(const void *key, const void *entry)
{
	return strcmp(key, ((const mfr_key_entry *)entry)->key);
}

int64_t mfr__model_find(const mfr_model *model, int kind, const char *key)
{
	if (!model || !key || kind < 1 || kind > MFR_N_KINDS)
		return -1;
	const mfr_key_index *ix = &model->index[kind];
	const mfr_key_entry *e = ix->count ? bsearch(key, ix->entries, ix->count,
						     sizeof(*e), key_cmp) : NULL;
	return e ? (int64_t)e->at : -1;
}

MFR_EXPORT uint32_t mfr_model_count(const mfr_model *model, mfr_kind_t kind)
{
	if (!model || kind < 1 || kind > MFR_N_KINDS)
		return 0;
	return model->index[kind].count;
}

MFR_EXPORT int mfr_model_has(const mfr_model *model, mfr_kind_t kind, const char *key)
{
	return mfr__model_find(model, kind, key) >= 0;
}

MFR_EXPORT const char *mfr_model_key_at(const mfr_model *model, mfr_kind_t kind,
					uint32_t index)
{
	if (index >= mfr_model_count(model, kind))
		return NULL;
	switch (kind) {
	case MFR_KIND_REGION: return model->regions[index].key;
	case MFR_KIND_LINE: return model->lines[index].key;
	case MFR_KIND_REFERRAL: return model->referrals[index].key;
	case MFR_KIND_TECHNIQUE: return model->techniques[index].key;
	case MFR_KIND_CONDITION: return model->conditions[index].key;
	case MFR_KIND_PRECAUTION: return model->precautions[index].key;
	case MFR_KIND_SOURCE: return model->sources[index].key;
	case MFR_KIND_AFTERCARE: return model->aftercare[index].key;
	case MFR_KIND_DANGER_ZONE: return model->danger_zones[index].key;
	case MFR_KIND_SCREENING: return model->screening[index].key;
	default: return NULL; /* mfr_model_count() gave 0 */
	}
}

static const char *entry_key(const void *cands, size_t i)
{
	return ((const mfr_key_entry *)cands)[i].key;
}

MFR_EXPORT uint32_t mfr_model_suggest(const mfr_model *model, mfr_kind_t kind,
				      const char *key, const char **out,
				      uint32_t max)
{
	if (!model || !key || !out || kind < 1 || kind > MFR_N_KINDS)
		return 0;
	const mfr_key_index *ix = &model->index[kind];
	return mfr__suggest(key, ix->entries, ix->count, entry_key, out, max);
}

void mfr__unknown_key(const mfr_model *m, int kind, const char *key, char *buf, size_t size)
{
	size_t len = strlen(key);

	if (len > MFR_KEY_MAX_LENGTH) {
		/* No key is that long: nothing near it to suggest, and the
		 * whole of it (up to a mebibyte) is no help in a message. */
		mfr__format(buf, size, "\"%.40s...\" (%zu characters; a key has at most %d)",
			    key, len, MFR_KEY_MAX_LENGTH);
		return;
	}

	const char *sugg[3];
	char hint[200];
	uint32_t n = mfr_model_suggest(m, (mfr_kind_t)kind, key, sugg, 3);

	mfr__suggest_text(sugg, n, hint, sizeof(hint));
	mfr__format(buf, size, "\"%s\"%s", key, hint);
}

#define TYPED_ACCESS(name, type, kind, array, count)                          \
	MFR_EXPORT const type *mfr_model_##name##_at(const mfr_model *model,  \
						     uint32_t index)          \
	{                                                                     \
		return model && index < model->count ? &model->array[index]   \
						     : NULL;                  \
	}                                                                     \
	MFR_EXPORT const type *mfr_model_##name(const mfr_model *model,       \
						const char *key)              \
	{                                                                     \
		int64_t at = mfr__model_find(model, kind, key);               \
		return at >= 0 ? &model->array[at] : NULL;                    \
	}

TYPED_ACCESS(region, mfr_region, MFR_KIND_REGION, regions, region_count)
TYPED_ACCESS(line, mfr_line, MFR_KIND_LINE, lines, line_count)
TYPED_ACCESS(referral, mfr_referral, MFR_KIND_REFERRAL, referrals, referral_count)
TYPED_ACCESS(technique, mfr_technique, MFR_KIND_TECHNIQUE, techniques, technique_count)
TYPED_ACCESS(condition, mfr_condition, MFR_KIND_CONDITION, conditions, condition_count)
TYPED_ACCESS(precaution, mfr_precaution, MFR_KIND_PRECAUTION, precautions, precaution_count)
TYPED_ACCESS(source, mfr_source, MFR_KIND_SOURCE, sources, source_count)
TYPED_ACCESS(aftercare, mfr_aftercare, MFR_KIND_AFTERCARE, aftercare, aftercare_count)
TYPED_ACCESS(danger_zone, mfr_danger_zone, MFR_KIND_DANGER_ZONE, danger_zones,
	     danger_zone_count)
TYPED_ACCESS(screening, mfr_screening, MFR_KIND_SCREENING, screening, screening_count)

MFR_EXPORT const char *mfr_aftercare_key(const mfr_aftercare *item)
{
	return item ? item->key : NULL;
}

MFR_EXPORT const char *mfr_aftercare_text(const mfr_aftercare *item)
{
	return item ? item->text : NULL;
}

MFR_EXPORT mfr_aftercare_kind_t mfr_aftercare_kind(const mfr_aftercare *item)
{
	return item ? item->kind : 0;
}

MFR_EXPORT uint32_t mfr_aftercare_when_count(const mfr_aftercare *item)
{
	return item ? item->when_count : 0;
}

MFR_EXPORT const mfr_precaution *mfr_aftercare_when_at(const mfr_aftercare *item,
							uint32_t index)
{
	return item && index < item->when_count ? item->when[index] : NULL;
}

MFR_EXPORT const mfr_provenance *mfr_aftercare_provenance(const mfr_aftercare *item)
{
	return item ? &item->prov : NULL;
}

/* ---- sources and provenance ---- */

MFR_EXPORT const char *mfr_source_key(const mfr_source *source)
{
	return source ? source->key : NULL;
}

MFR_EXPORT const char *mfr_source_citation(const mfr_source *source)
{
	return source ? source->citation : NULL;
}

MFR_EXPORT const char *mfr_source_note(const mfr_source *source)
{
	return source && source->note[0] ? source->note : NULL;
}

MFR_EXPORT uint32_t mfr_provenance_source_count(const mfr_provenance *prov)
{
	return prov ? prov->source_count : 0;
}

MFR_EXPORT const mfr_source *mfr_provenance_source_at(const mfr_provenance *prov,
						      uint32_t index)
{
	return prov && index < prov->source_count ? prov->sources[index] : NULL;
}

MFR_EXPORT int mfr_provenance_is_convention(const mfr_provenance *prov)
{
	return prov ? prov->convention : 0;
}

MFR_EXPORT const char *mfr_provenance_note(const mfr_provenance *prov)
{
	return prov && prov->note[0] ? prov->note : NULL;
}

/* ---- the body map ---------------------------------------------------------- */

static int segment_cmp(const void *key, const void *entry)
{
	uint32_t id = *(const uint32_t *)key, at = ((const mfr_segment *)entry)->id;

	return id < at ? -1 : id > at;
}

const mfr_segment *mfr__model_segment(const mfr_model *m, uint32_t id)
{
	if (!m || !m->body_map)
		return NULL;
	return bsearch(&id, m->body_map->segments, m->body_map->segment_count,
		       sizeof(mfr_segment), segment_cmp);
}

MFR_EXPORT uint32_t mfr_model_segment_site_count(const mfr_model *model, uint32_t segment)
{
	const mfr_segment *g = mfr__model_segment(model, segment);

	return g ? g->site_count : 0;
}

MFR_EXPORT const mfr_region *mfr_model_segment_site_region(const mfr_model *model,
							   uint32_t segment, uint32_t index)
{
	const mfr_segment *g = mfr__model_segment(model, segment);

	return g && index < g->site_count ? g->sites[index].region : NULL;
}

MFR_EXPORT mfr_side_t mfr_model_segment_site_side(const mfr_model *model, uint32_t segment,
						  uint32_t index)
{
	const mfr_segment *g = mfr__model_segment(model, segment);

	return g && index < g->site_count ? (mfr_side_t)g->sites[index].side : 0;
}

MFR_EXPORT const char *mfr_model_segment_name(const mfr_model *model, uint32_t segment)
{
	const mfr_segment *g = mfr__model_segment(model, segment);

	return g ? g->name : NULL;
}
