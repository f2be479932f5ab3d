/*
 * libmfr - the model loader: a model document (doc/model-format.md) in,
 * a validated, immutable model out.
 * SPDX-License-Identifier: MIT
 *
 * Loading runs in three passes over the parsed JSON:
 *   1. every section's keys are read and indexed, so references may point
 *      forwards or backwards;
 *   2. every entity is filled in, references resolved through the indexes;
 *   3. whole-model rules are checked and derived data built: the region
 *      hierarchy (acyclic, with child lists), symmetric adjacency, line
 *      sides and midline crossings.
 * The first failure stops the load, is reported with its JSON path, and
 * everything built so far is released: a bad file changes nothing.
 */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "audit.h"
#include "error.h"
#include "model-private.h"
#include "names.h"
#include "json-reader.h"
#include "seen.h"
#include "suggest.h"
#include "text.h"
#include "words.h"

#define FORMAT_NAME "libmfr-model"
#define FORMAT_VERSION 1
#define MAX_HOLD_SECONDS 3600

/* The reader (path, errors, arena) plus the model being built. */
typedef struct loader {
	mfr_reader rd;
	mfr_model *m;
} loader;

/* ---- keys and references ------------------------------------------------ */

static int same_u32(const void *ctx, uint32_t a, uint32_t b)
{
	const uint32_t *v = ctx;

	return v[a] == v[b];
}

/* An array of references, resolved to file indexes, with no repeats. */
static mfr_status_t get_refs(loader *ld, json_t *obj, const char *name, int required,
			   size_t min_items, int kind, uint32_t **out, uint32_t *count)
{
	json_t *arr, *v;
	size_t i;
	mfr_seen seen;
	mfr_status_t st = MFR_OK;

	*out = NULL;
	*count = 0;
	TRY(mfr__rd_array(&ld->rd, obj, name, required, min_items, &arr));
	if (!arr || json_array_size(arr) == 0)
		return MFR_OK;
	uint32_t *idx = mfr__rd_alloc(&ld->rd, json_array_size(arr), sizeof(*idx));
	if (!idx)
		return mfr__rd_nomem(&ld->rd);
	mfr__seen_init(&seen);
	json_array_foreach(arr, i, v) {
		size_t mark = mfr__rd_push(&ld->rd, ".%s[%zu]", name, i);
		uint32_t rep;

		st = mfr__rd_resolve(&ld->rd, v, kind, &idx[i]);
		if (st == MFR_OK) {
			rep = mfr__seen_add(&seen, mfr__hash_u32(idx[i]), (uint32_t)i, same_u32, idx);
			if (rep == MFR_SEEN_NOMEM)
				st = mfr__rd_nomem(&ld->rd);
			else if (rep != MFR_SEEN_NEW)
				st = mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE,
					  "\"%s\" is listed twice; remove the repeat",
					  json_string_value(v));
		}
		mfr__rd_pop(&ld->rd, mark);
		if (st != MFR_OK)
			break;
	}
	mfr__seen_free(&seen);
	if (st != MFR_OK)
		return st;
	*out = idx;
	*count = (uint32_t)json_array_size(arr);
	return MFR_OK;
}

#define DEFINE_REFS(fn, type, kind, array)                                     \
	static mfr_status_t fn(loader *ld, json_t *obj, const char *name,        \
			     int required, size_t min_items, const type ***out,  \
			     uint32_t *count)                                    \
	{                                                                      \
		uint32_t *idx;                                                 \
		*out = NULL;                                                   \
		TRY(get_refs(ld, obj, name, required, min_items, kind, &idx,  \
			     count));                                          \
		if (!*count)                                                   \
			return MFR_OK;                                         \
		const type **p = mfr__rd_alloc(&ld->rd, *count, sizeof(*p));          \
		if (!p)                                                        \
			return mfr__rd_nomem(&ld->rd);                                      \
		for (uint32_t i = 0; i < *count; i++)                          \
			p[i] = &ld->m->array[idx[i]];                          \
		*out = p;                                                      \
		return MFR_OK;                                                 \
	}

DEFINE_REFS(get_region_refs, mfr_region, MFR_KIND_REGION, regions)
DEFINE_REFS(get_line_refs, mfr_line, MFR_KIND_LINE, lines)
DEFINE_REFS(get_technique_refs, mfr_technique, MFR_KIND_TECHNIQUE, techniques)
DEFINE_REFS(get_source_refs, mfr_source, MFR_KIND_SOURCE, sources)
DEFINE_REFS(get_screening_refs, mfr_screening, MFR_KIND_SCREENING, screening)

static mfr_status_t get_region_ref(loader *ld, json_t *obj, const char *name,
				 int required, const mfr_region **out)
{
	json_t *v = json_object_get(obj, name);
	uint32_t at;

	*out = NULL;
	if (!v) {
		if (!required)
			return MFR_OK;
		return mfr__rd_fail(&ld->rd, MFR_E_MISSING, "required member \"%s\" is missing; "
			    "add it (a region key)", name);
	}
	size_t mark = mfr__rd_push(&ld->rd, ".%s", name);
	mfr_status_t st = mfr__rd_resolve(&ld->rd, v, MFR_KIND_REGION, &at);
	mfr__rd_pop(&ld->rd, mark);
	if (st == MFR_OK)
		*out = &ld->m->regions[at];
	return st;
}

/* An array of non-empty strings (codes, synonyms: @p what, for the limit's
 * message), each at most MFR_NAME_MAX_LENGTH characters. */
static mfr_status_t get_strings(loader *ld, json_t *obj, const char *name, int required,
			      const char *what, const char ***out, uint32_t *count)
{
	json_t *arr, *v;
	size_t i;

	*out = NULL;
	*count = 0;
	TRY(mfr__rd_array(&ld->rd, obj, name, required, required ? 1 : 0, &arr));
	if (!arr || json_array_size(arr) == 0)
		return MFR_OK;
	const char **p = mfr__rd_alloc(&ld->rd, json_array_size(arr), sizeof(*p));
	if (!p)
		return mfr__rd_nomem(&ld->rd);
	json_array_foreach(arr, i, v) {
		size_t mark = mfr__rd_push(&ld->rd, ".%s[%zu]", name, i);
		mfr_status_t st = MFR_OK;

		if (!json_is_string(v))
			st = mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected a string, found %s",
				  mfr__rd_type_name(v));
		else if (json_string_length(v) == 0)
			st = mfr__rd_fail(&ld->rd, MFR_E_RANGE, "must not be empty");
		else if ((st = mfr__rd_check_length(&ld->rd, json_string_value(v),
						    MFR_NAME_MAX_LENGTH, what)) == MFR_OK)
			st = mfr__rd_copy(&ld->rd, json_string_value(v), &p[i]);
		mfr__rd_pop(&ld->rd, mark);
		if (st != MFR_OK)
			return st;
	}
	*out = p;
	*count = (uint32_t)json_array_size(arr);
	return MFR_OK;
}

/* Two synonyms of one entity with the same words. */
static int same_words(const void *ctx, uint32_t a, uint32_t b)
{
	const char *const *s = ctx;

	return mfr__words_same(s[a], s[b]);
}

/* The optional "synonyms" of a region or a condition: the words a client
 * may use for it (mfr/find.h). Each has a word to search by, and none has
 * the words of the entity's name or of another synonym, which a search
 * could not tell apart. Linear: repeats are found by a hash of the words. */
static mfr_status_t get_synonyms(loader *ld, json_t *obj, const char *name,
				 const char ***out, uint32_t *count)
{
	const char **s;
	mfr_seen seen;
	mfr_status_t st;
	mfr_word w;

	TRY(get_strings(ld, obj, "synonyms", 0, "synonym", &s, count));
	mfr__seen_init(&seen);
	st = MFR_OK;
	for (uint32_t i = 0; st == MFR_OK && i < *count; i++) {
		const char *p = s[i];
		size_t mark = mfr__rd_push(&ld->rd, ".synonyms[%u]", i);
		uint32_t rep = MFR_SEEN_NEW;

		if (!mfr__word_next(&p, &w))
			st = mfr__rd_fail(&ld->rd, MFR_E_RANGE, "\"%s\" has no word to search "
					  "by (only punctuation, or words such as \"the\" and "
					  "\"of\" that a search passes over); give the words "
					  "a client would type", s[i]);
		else if (mfr__words_same(s[i], name))
			st = mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE, "\"%s\" has the words of "
					  "the name \"%s\", which a search matches already; "
					  "remove it", s[i], name);
		else if ((rep = mfr__seen_add(&seen, mfr__words_hash(s[i]), i, same_words,
					      s)) == MFR_SEEN_NOMEM)
			st = mfr__rd_nomem(&ld->rd);
		else if (rep != MFR_SEEN_NEW)
			st = mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE, "\"%s\" has the words of "
					  "synonyms[%u] (\"%s\"): a search matches both "
					  "alike, whatever their case and punctuation; remove "
					  "the repeat", s[i], rep, s[rep]);
		mfr__rd_pop(&ld->rd, mark);
	}
	mfr__seen_free(&seen);
	TRY(st);
	*out = s;
	return MFR_OK;
}

static mfr_status_t get_provenance(loader *ld, json_t *obj, mfr_provenance *prov)
{
	TRY(get_source_refs(ld, obj, "sources", 1, 1, &prov->sources,
			    &prov->source_count));
	TRY(mfr__rd_bool(&ld->rd, obj, "convention", &prov->convention));
	return mfr__rd_str(&ld->rd, obj, "note", 0, "", &prov->note);
}

/* ---- pass 1: sections and keys ------------------------------------------ */

typedef struct section {
	const char *name; /* member of the top level */
	int required;
	int kind;
	size_t size;      /* of one entity */
	size_t key_offset; /* of its `const char *key` */
} section;

#define SECTION(name, required, kind, type) \
	{ name, required, kind, sizeof(type), offsetof(type, key) }

static const section sections[] = {
	SECTION("sources", 1, MFR_KIND_SOURCE, mfr_source),
	SECTION("regions", 1, MFR_KIND_REGION, mfr_region),
	SECTION("lines", 1, MFR_KIND_LINE, mfr_line),
	SECTION("referrals", 1, MFR_KIND_REFERRAL, mfr_referral),
	SECTION("techniques", 1, MFR_KIND_TECHNIQUE, mfr_technique),
	SECTION("conditions", 1, MFR_KIND_CONDITION, mfr_condition),
	SECTION("precautions", 1, MFR_KIND_PRECAUTION, mfr_precaution),
	SECTION("aftercare", 0, MFR_KIND_AFTERCARE, mfr_aftercare),
	SECTION("danger_zones", 0, MFR_KIND_DANGER_ZONE, mfr_danger_zone),
	SECTION("screening", 0, MFR_KIND_SCREENING, mfr_screening),
};

#define N_SECTIONS (sizeof(sections) / sizeof(sections[0]))

static void **section_array(mfr_model *m, int kind, uint32_t **count)
{
	switch (kind) {
	case MFR_KIND_SOURCE: *count = &m->source_count; return (void **)&m->sources;
	case MFR_KIND_REGION: *count = &m->region_count; return (void **)&m->regions;
	case MFR_KIND_LINE: *count = &m->line_count; return (void **)&m->lines;
	case MFR_KIND_REFERRAL: *count = &m->referral_count; return (void **)&m->referrals;
	case MFR_KIND_TECHNIQUE: *count = &m->technique_count; return (void **)&m->techniques;
	case MFR_KIND_CONDITION: *count = &m->condition_count; return (void **)&m->conditions;
	case MFR_KIND_AFTERCARE: *count = &m->aftercare_count; return (void **)&m->aftercare;
	case MFR_KIND_DANGER_ZONE:
		*count = &m->danger_zone_count;
		return (void **)&m->danger_zones;
	case MFR_KIND_SCREENING: *count = &m->screening_count; return (void **)&m->screening;
	default: *count = &m->precaution_count; return (void **)&m->precautions;
	}
}

/* By key, then by place in the file: a total order, so that the repeats of
 * a key sort in file order whatever qsort() does with equal items (glibc's
 * is stable, musl's is not) and a duplicate is reported against its first
 * definition. */
static int entry_cmp(const void *a, const void *b)
{
	const mfr_key_entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	return c ? c : x->at < y->at ? -1 : x->at > y->at;
}

/* A section's count fits in uint32_t: the reader refuses a document over
 * MFR_MODEL_MAX_BYTES, and an item takes at least two bytes ("0,"). */
_Static_assert(MFR_MODEL_MAX_BYTES / 2 < UINT32_MAX / 2, "a section's count must fit");

/* Allocate a section's entities, read their keys, index them and reject
 * duplicates. */
static mfr_status_t index_section(loader *ld, json_t *root, const section *sec)
{
	json_t *arr, *item;
	size_t i;
	uint32_t *count;
	void **array = section_array(ld->m, sec->kind, &count);

	TRY(mfr__rd_array(&ld->rd, root, sec->name, sec->required, 0, &arr));
	size_t n = json_array_size(arr);
	unsigned char *items = mfr__rd_alloc(&ld->rd, n ? n : 1, sec->size);
	mfr_key_entry *entries = mfr__rd_alloc(&ld->rd, n ? n : 1, sizeof(*entries));
	if (!items || !entries)
		return mfr__rd_nomem(&ld->rd);

	json_array_foreach(arr, i, item) {
		size_t mark = mfr__rd_push(&ld->rd, "%s[%zu]", sec->name, i);
		const char *key = NULL;
		mfr_status_t st = MFR_OK;

		if (!json_is_object(item))
			st = mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected an object, found %s",
				  mfr__rd_type_name(item));
		if (st == MFR_OK)
			st = mfr__rd_str(&ld->rd, item, "key", 1, NULL, &key);
		if (st == MFR_OK) {
			size_t km = mfr__rd_push(&ld->rd, ".key");
			st = mfr__rd_check_key(&ld->rd, key);
			mfr__rd_pop(&ld->rd, km);
		}
		mfr__rd_pop(&ld->rd, mark);
		if (st != MFR_OK)
			return st;
		memcpy(items + i * sec->size + sec->key_offset, &key, sizeof(key));
		entries[i].key = key;
		entries[i].at = (uint32_t)i;
	}
	if (n > 1)
		qsort(entries, n, sizeof(*entries), entry_cmp);
	for (size_t k = 1; k < n; k++) {
		if (strcmp(entries[k - 1].key, entries[k].key) != 0)
			continue;
		uint32_t first = entries[k - 1].at, second = entries[k].at;
		size_t mark = mfr__rd_push(&ld->rd, "%s[%u].key", sec->name, second);
		mfr_status_t st = mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE,
				     "duplicate key \"%s\", first defined at %s[%u]; "
				     "keys must be unique within a section",
				     entries[k].key, sec->name, first);
		mfr__rd_pop(&ld->rd, mark);
		return st;
	}
	*array = items;
	*count = (uint32_t)n;
	ld->m->index[sec->kind].entries = entries;
	ld->m->index[sec->kind].count = (uint32_t)n;
	return MFR_OK;
}

/* ---- pass 2: entities ---------------------------------------------------- */

static const char *const source_members[] = { "key", "citation", "note", NULL };

static mfr_status_t load_source(loader *ld, json_t *obj, mfr_source *s, uint32_t i)
{
	TRY(mfr__rd_check_members(&ld->rd, obj, source_members, "a source"));
	s->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "citation", 1, NULL, &s->citation));
	return mfr__rd_str(&ld->rd, obj, "note", 0, "", &s->note);
}

static const char *const region_members[] = {
	"key", "name", "kind", "parent", "laterality", "positions", "depth",
	"access", "treatable", "codes", "synonyms", "adjacent", "sources", "convention", "note",
	NULL
};
static const char *const code_members[] = { "snomed", "fma", "uberon", NULL };

static mfr_status_t load_region(loader *ld, json_t *obj, mfr_region *r, uint32_t i)
{
	int v;
	json_t *codes;

	TRY(mfr__rd_check_members(&ld->rd, obj, region_members, "a region"));
	r->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "name", 1, NULL, &r->name));
	TRY(mfr__rd_enum(&ld->rd, obj, "kind", 1, &mfr__region_kind_names, &v));
	r->kind = (uint8_t)v;
	TRY(get_region_ref(ld, obj, "parent", 0, &r->parent));
	if (r->parent == r) {
		mfr__rd_push(&ld->rd, ".parent");
		return mfr__rd_fail(&ld->rd, MFR_E_CYCLE, "region \"%s\" is its own parent; "
			    "name the region that encloses it", r->key);
	}
	TRY(mfr__rd_enum(&ld->rd, obj, "laterality", 1, &mfr__laterality_names, &v));
	r->laterality = (uint8_t)v;
	TRY(mfr__rd_mask(&ld->rd, obj, "positions", 1, &mfr__position_names, &r->positions));
	TRY(mfr__rd_enum(&ld->rd, obj, "depth", 1, &mfr__depth_names, &v));
	r->depth = (uint8_t)v;
	v = 0;
	TRY(mfr__rd_enum(&ld->rd, obj, "access", 0, &mfr__access_names, &v));
	r->access = (uint8_t)v;
	json_t *tr;
	TRY(mfr__rd_member(&ld->rd, obj, "treatable", 0, JSON_TRUE, "a boolean", &tr));
	r->untreatable = tr && json_is_false(tr);
	TRY(mfr__rd_member(&ld->rd, obj, "codes", 0, JSON_OBJECT, "an object", &codes));
	if (codes) {
		size_t mark = mfr__rd_push(&ld->rd, ".codes");
		mfr_status_t st = mfr__rd_check_members(&ld->rd, codes, code_members, "codes");
		if (st == MFR_OK)
			st = mfr__rd_str(&ld->rd, codes, "snomed", 0, NULL, &r->snomed);
		if (st == MFR_OK)
			st = mfr__rd_str(&ld->rd, codes, "fma", 0, NULL, &r->fma);
		if (st == MFR_OK)
			st = mfr__rd_str(&ld->rd, codes, "uberon", 0, NULL, &r->uberon);
		mfr__rd_pop(&ld->rd, mark);
		TRY(st);
	}
	TRY(get_synonyms(ld, obj, r->name, &r->synonyms, &r->synonym_count));
	/* "adjacent" is read in pass 3, once every region exists. */
	return get_provenance(ld, obj, &r->prov);
}

static const char *const line_members[] = {
	"key", "abbrev", "name", "evidence", "evidence_sources", "branches",
	"sources", "convention", "note", NULL
};
static const char *const branch_members[] = { "key", "name", "nodes", NULL };
static const char *const node_members[] = {
	"kind", "regions", "side", "may_cross", "note", NULL
};

static mfr_status_t load_node(loader *ld, json_t *obj, mfr_line_node *n)
{
	int v;

	if (!json_is_object(obj))
		return mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected a node object, found %s",
			    mfr__rd_type_name(obj));
	TRY(mfr__rd_check_members(&ld->rd, obj, node_members, "a line node"));
	TRY(mfr__rd_enum(&ld->rd, obj, "kind", 1, &mfr__node_kind_names, &v));
	n->kind = (uint8_t)v;
	json_t *regions = json_object_get(obj, "regions");
	if (json_is_array(regions) && json_array_size(regions) > MFR_NODE_MAX_REGIONS) {
		mfr__rd_push(&ld->rd, ".regions");
		return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "a node lists %zu regions; the "
			"limit is %d (each pair of them, and of the next node's, is "
			"a graph edge); split it into consecutive nodes, or name the "
			"region that encloses them", json_array_size(regions),
			MFR_NODE_MAX_REGIONS);
	}
	TRY(get_region_refs(ld, obj, "regions", 1, 1, &n->regions, &n->region_count));
	TRY(mfr__rd_enum(&ld->rd, obj, "side", 1, &mfr__line_side_names, &v));
	n->side = (uint8_t)v;
	TRY(mfr__rd_bool(&ld->rd, obj, "may_cross", &n->may_cross));
	TRY(mfr__rd_str(&ld->rd, obj, "note", 0, "", &n->note));

	/* A node's side must agree with its regions' laterality. */
	for (uint32_t k = 0; k < n->region_count; k++) {
		const mfr_region *r = n->regions[k];
		int midline = r->laterality == MFR_LATERALITY_MIDLINE;

		if (midline == (n->side == MFR_LINE_MID))
			continue;
		size_t mark = mfr__rd_push(&ld->rd, ".side");
		mfr_status_t st = mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT,
			"side \"%s\" does not fit region \"%s\", which is %s; use "
			"\"mid\" exactly for midline regions and \"ipsi\" or "
			"\"contra\" for bilateral ones",
			mfr__name_of(&mfr__line_side_names, n->side), r->key,
			mfr__name_of(&mfr__laterality_names, r->laterality));
		mfr__rd_pop(&ld->rd, mark);
		return st;
	}
	return MFR_OK;
}

static mfr_status_t load_branch(loader *ld, json_t *obj, mfr_line *line,
			      mfr_line_branch *b)
{
	json_t *nodes, *item;
	size_t i;
	int last_side = 0;

	if (!json_is_object(obj))
		return mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected a branch object, found %s",
			    mfr__rd_type_name(obj));
	TRY(mfr__rd_check_members(&ld->rd, obj, branch_members, "a branch"));
	b->line = line;
	TRY(mfr__rd_str(&ld->rd, obj, "key", 1, NULL, &b->key));
	{
		size_t mark = mfr__rd_push(&ld->rd, ".key");
		mfr_status_t st = mfr__rd_check_key(&ld->rd, b->key);
		mfr__rd_pop(&ld->rd, mark);
		TRY(st);
	}
	TRY(mfr__rd_str(&ld->rd, obj, "name", 0, "", &b->name));
	TRY(mfr__rd_array(&ld->rd, obj, "nodes", 1, 2, &nodes));
	b->node_count = (uint32_t)json_array_size(nodes);
	b->nodes = mfr__rd_alloc(&ld->rd, b->node_count, sizeof(*b->nodes));
	if (!b->nodes)
		return mfr__rd_nomem(&ld->rd);
	json_array_foreach(nodes, i, item) {
		mfr_line_node *n = &b->nodes[i];
		size_t mark = mfr__rd_push(&ld->rd, ".nodes[%zu]", i);
		mfr_status_t st = load_node(ld, item, n);

		mfr__rd_pop(&ld->rd, mark);
		TRY(st);
		/* Derive the crossing: a change of lateral side, midline nodes
		 * in between passed through. */
		if (n->side != MFR_LINE_MID) {
			n->crosses = last_side && n->side != last_side;
			last_side = n->side;
			if (n->crosses)
				line->crosses = 1;
		}
	}
	return MFR_OK;
}

static int same_branch_key(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_line *l = ctx;

	return strcmp(l->branches[a].key, l->branches[b].key) == 0;
}

static mfr_status_t load_line(loader *ld, json_t *obj, mfr_line *l, uint32_t i)
{
	json_t *branches, *item;
	size_t k;
	int v;

	TRY(mfr__rd_check_members(&ld->rd, obj, line_members, "a line"));
	l->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "abbrev", 1, NULL, &l->abbrev));
	TRY(mfr__rd_str(&ld->rd, obj, "name", 1, NULL, &l->name));
	TRY(mfr__rd_enum(&ld->rd, obj, "evidence", 1, &mfr__evidence_names, &v));
	l->evidence = (uint8_t)(v - 1);
	TRY(get_source_refs(ld, obj, "evidence_sources", 0, 0, &l->evidence_sources,
			    &l->evidence_source_count));
	if (l->evidence != MFR_EVIDENCE_NOT_ASSESSED && !l->evidence_source_count)
		return mfr__rd_fail(&ld->rd, MFR_E_MISSING,
			    "\"evidence_sources\" is required when the evidence is "
			    "graded (\"%s\"); cite where the grade comes from, or "
			    "use \"not_assessed\"", mfr_evidence_name(l->evidence));
	TRY(mfr__rd_array(&ld->rd, obj, "branches", 1, 1, &branches));
	l->branch_count = (uint32_t)json_array_size(branches);
	l->branches = mfr__rd_alloc(&ld->rd, l->branch_count, sizeof(*l->branches));
	if (!l->branches)
		return mfr__rd_nomem(&ld->rd);
	mfr_seen seen;
	mfr_status_t st = MFR_OK;

	mfr__seen_init(&seen);
	json_array_foreach(branches, k, item) {
		size_t mark = mfr__rd_push(&ld->rd, ".branches[%zu]", k);
		uint32_t j;

		st = load_branch(ld, item, l, &l->branches[k]);
		if (st == MFR_OK) {
			j = mfr__seen_add(&seen, mfr__hash_str(l->branches[k].key),
					  (uint32_t)k, same_branch_key, l);
			if (j == MFR_SEEN_NOMEM) {
				st = mfr__rd_nomem(&ld->rd);
			} else if (j != MFR_SEEN_NEW) {
				mfr__rd_push(&ld->rd, ".key");
				st = mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE,
					  "duplicate branch key \"%s\" (first at "
					  "branches[%u]); branch keys must be unique "
					  "within a line", l->branches[k].key, j);
			}
		}
		mfr__rd_pop(&ld->rd, mark);
		if (st != MFR_OK)
			break;
	}
	mfr__seen_free(&seen);
	TRY(st);
	return get_provenance(ld, obj, &l->prov);
}

static const char *const referral_members[] = {
	"key", "muscle", "trigger_point", "zones", "split_convention", "disputed",
	"sources", "convention", "note", NULL
};
static const char *const zone_members[] = { "area", "zone", "frequency", "bilateral", NULL };

static mfr_status_t load_zone(loader *ld, json_t *obj, mfr_referral_zone *z)
{
	int v;

	if (!json_is_object(obj))
		return mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected a zone object, found %s",
			    mfr__rd_type_name(obj));
	TRY(mfr__rd_check_members(&ld->rd, obj, zone_members, "a zone"));
	TRY(get_region_ref(ld, obj, "area", 1, &z->area));
	if (z->area->kind != MFR_REGION_AREA && z->area->kind != MFR_REGION_PART) {
		size_t mark = mfr__rd_push(&ld->rd, ".area");
		mfr_status_t st = mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT,
			"\"%s\" is a %s; a referral zone must be an area or a part "
			"(where a client feels pain)", z->area->key,
			mfr_region_kind_name(z->area->kind));
		mfr__rd_pop(&ld->rd, mark);
		return st;
	}
	TRY(mfr__rd_enum(&ld->rd, obj, "zone", 1, &mfr__zone_kind_names, &v));
	z->kind = (uint8_t)v;
	v = MFR_FREQUENCY_COMMON;
	TRY(mfr__rd_enum(&ld->rd, obj, "frequency", 0, &mfr__frequency_names, &v));
	z->frequency = (uint8_t)(v ? v : MFR_FREQUENCY_COMMON);
	return mfr__rd_bool(&ld->rd, obj, "bilateral", &z->bilateral);
}

static int same_zone_area(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_referral *r = ctx;

	return r->zones[a].area == r->zones[b].area;
}

static mfr_status_t load_referral(loader *ld, json_t *obj, mfr_referral *r, uint32_t i)
{
	json_t *zones, *item;
	size_t k;

	TRY(mfr__rd_check_members(&ld->rd, obj, referral_members, "a referral"));
	r->index = i;
	TRY(get_region_ref(ld, obj, "muscle", 1, &r->muscle));
	if (r->muscle->kind != MFR_REGION_MUSCLE) {
		size_t mark = mfr__rd_push(&ld->rd, ".muscle");
		mfr_status_t st = mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT,
			"\"%s\" is a %s; a trigger point lies in a muscle region",
			r->muscle->key, mfr_region_kind_name(r->muscle->kind));
		mfr__rd_pop(&ld->rd, mark);
		return st;
	}
	TRY(mfr__rd_str(&ld->rd, obj, "trigger_point", 1, NULL, &r->trigger_point));
	TRY(mfr__rd_array(&ld->rd, obj, "zones", 1, 1, &zones));
	r->zone_count = (uint32_t)json_array_size(zones);
	r->zones = mfr__rd_alloc(&ld->rd, r->zone_count, sizeof(*r->zones));
	if (!r->zones)
		return mfr__rd_nomem(&ld->rd);
	mfr_seen seen;
	mfr_status_t st = MFR_OK;

	mfr__seen_init(&seen);
	json_array_foreach(zones, k, item) {
		size_t mark = mfr__rd_push(&ld->rd, ".zones[%zu]", k);
		uint32_t j;

		st = load_zone(ld, item, &r->zones[k]);
		if (st == MFR_OK) {
			j = mfr__seen_add(&seen, mfr__hash_u32(r->zones[k].area->index),
					  (uint32_t)k, same_zone_area, r);
			if (j == MFR_SEEN_NOMEM) {
				st = mfr__rd_nomem(&ld->rd);
			} else if (j != MFR_SEEN_NEW) {
				mfr__rd_push(&ld->rd, ".area");
				st = mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE,
					  "area \"%s\" is listed twice (first at "
					  "zones[%u]); give each area once, with its "
					  "strongest zone", r->zones[k].area->key, j);
			}
		}
		mfr__rd_pop(&ld->rd, mark);
		if (st != MFR_OK)
			break;
	}
	mfr__seen_free(&seen);
	TRY(st);
	TRY(mfr__rd_bool(&ld->rd, obj, "split_convention", &r->split_convention));
	TRY(mfr__rd_bool(&ld->rd, obj, "disputed", &r->disputed));
	return get_provenance(ld, obj, &r->prov);
}

static const char *const technique_members[] = {
	"key", "name", "family", "approach", "pressure", "depth", "hold_seconds",
	"hold_convention", "max_sites", "positions", "regions", "suits", "sources",
	"convention", "note", NULL
};
static const char *const range_members[] = { "min", "max", NULL };

static mfr_status_t get_seconds(loader *ld, json_t *obj, const char *name, uint32_t *out)
{
	json_t *v;

	TRY(mfr__rd_member(&ld->rd, obj, name, 1, JSON_INTEGER, "a whole number of seconds", &v));
	json_int_t s = json_integer_value(v);
	if (s < 1 || s > MAX_HOLD_SECONDS) {
		size_t mark = mfr__rd_push(&ld->rd, ".%s", name);
		mfr_status_t st = mfr__rd_fail(&ld->rd, MFR_E_RANGE,
				     "%" JSON_INTEGER_FORMAT " s is out of range; "
				     "use 1 to %d seconds", s, MAX_HOLD_SECONDS);
		mfr__rd_pop(&ld->rd, mark);
		return st;
	}
	*out = (uint32_t)s;
	return MFR_OK;
}

/* An optional whole number member in [lo, hi]; *out untouched when absent. */
static mfr_status_t get_uint(loader *ld, json_t *obj, const char *name, int required,
			   uint32_t lo, uint32_t hi, const char *what, uint32_t *out)
{
	json_t *v;

	TRY(mfr__rd_member(&ld->rd, obj, name, required, JSON_INTEGER, "a whole number", &v));
	if (!v)
		return MFR_OK;
	json_int_t n = json_integer_value(v);
	if (n < (json_int_t)lo || n > (json_int_t)hi) {
		mfr__rd_push(&ld->rd, ".%s", name);
		return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "%" JSON_INTEGER_FORMAT " is out of "
				    "range; use %u to %u %s", n, lo, hi, what);
	}
	*out = (uint32_t)n;
	return MFR_OK;
}

static mfr_status_t load_technique(loader *ld, json_t *obj, mfr_technique *t, uint32_t i)
{
	json_t *pressure, *hold;
	int v;

	TRY(mfr__rd_check_members(&ld->rd, obj, technique_members, "a technique"));
	t->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "name", 1, NULL, &t->name));
	TRY(mfr__rd_enum(&ld->rd, obj, "family", 1, &mfr__family_names, &v));
	t->family = (uint8_t)v;
	TRY(mfr__rd_enum(&ld->rd, obj, "approach", 1, &mfr__approach_names, &v));
	t->approach = (uint8_t)v;

	TRY(mfr__rd_member(&ld->rd, obj, "pressure", 1, JSON_OBJECT,
		   "an object {\"min\": ..., \"max\": ...}", &pressure));
	size_t mark = mfr__rd_push(&ld->rd, ".pressure");
	mfr_status_t st = mfr__rd_check_members(&ld->rd, pressure, range_members, "a pressure range");
	if (st == MFR_OK)
		st = mfr__rd_enum(&ld->rd, pressure, "min", 1, &mfr__pressure_names, &v);
	t->pressure_min = (uint8_t)v;
	if (st == MFR_OK)
		st = mfr__rd_enum(&ld->rd, pressure, "max", 1, &mfr__pressure_names, &v);
	t->pressure_max = (uint8_t)v;
	if (st == MFR_OK && t->pressure_min > t->pressure_max)
		st = mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"min\" (%s) is firmer than \"max\" "
			  "(%s); swap them", mfr_pressure_name(t->pressure_min),
			  mfr_pressure_name(t->pressure_max));
	mfr__rd_pop(&ld->rd, mark);
	TRY(st);

	TRY(mfr__rd_enum(&ld->rd, obj, "depth", 1, &mfr__depth_names, &v));
	t->depth = (uint8_t)v;
	TRY(mfr__rd_member(&ld->rd, obj, "hold_seconds", 0, JSON_OBJECT,
		   "an object {\"min\": ..., \"max\": ...}", &hold));
	if (hold) {
		mark = mfr__rd_push(&ld->rd, ".hold_seconds");
		st = mfr__rd_check_members(&ld->rd, hold, range_members, "a hold range");
		if (st == MFR_OK)
			st = get_seconds(ld, hold, "min", &t->hold_min);
		if (st == MFR_OK)
			st = get_seconds(ld, hold, "max", &t->hold_max);
		if (st == MFR_OK && t->hold_min > t->hold_max)
			st = mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"min\" (%u s) exceeds \"max\" "
				  "(%u s); swap them", t->hold_min, t->hold_max);
		mfr__rd_pop(&ld->rd, mark);
		TRY(st);
		t->has_hold = 1;
	}
	TRY(mfr__rd_bool(&ld->rd, obj, "hold_convention", &t->hold_convention));
	if (t->hold_convention && !t->has_hold) {
		mfr__rd_push(&ld->rd, ".hold_convention");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"hold_convention\" is set but there "
			    "is no \"hold_seconds\"; remove it or give the range");
	}
	TRY(get_uint(ld, obj, "max_sites", 0, 1, MFR_MAX_SITES_PER_SESSION, "sites",
		     &t->max_sites));
	TRY(mfr__rd_mask(&ld->rd, obj, "positions", 1, &mfr__position_names, &t->positions));
	TRY(get_region_refs(ld, obj, "regions", 0, 0, &t->regions, &t->region_count));
	TRY(mfr__rd_mask(&ld->rd, obj, "suits", 0, &mfr__suits_names, &t->suits));
	return get_provenance(ld, obj, &t->prov);
}

static const char *const dose_members[] = {
	"pressure_ceiling", "approach", "max_minutes", "hold_seconds", "progression",
	"sources", "convention", "note", NULL
};

/* The optional "dose" member of a condition or a precaution. */
static mfr_status_t get_dose(loader *ld, json_t *obj, const mfr_dose **out)
{
	json_t *d, *v;
	int n = 0;

	*out = NULL;
	TRY(mfr__rd_member(&ld->rd, obj, "dose", 0, JSON_OBJECT, "an object", &d));
	if (!d)
		return MFR_OK;
	mfr_dose *dose = mfr__rd_alloc(&ld->rd, 1, sizeof(*dose));
	if (!dose)
		return mfr__rd_nomem(&ld->rd);
	size_t mark = mfr__rd_push(&ld->rd, ".dose");
	TRY(mfr__rd_check_members(&ld->rd, d, dose_members, "a dose"));
	TRY(mfr__rd_enum(&ld->rd, d, "pressure_ceiling", 0, &mfr__pressure_names, &n));
	dose->pressure_ceiling = (uint8_t)n;
	TRY(mfr__rd_member(&ld->rd, d, "approach", 0, JSON_STRING, "the string \"indirect\"", &v));
	if (v && strcmp(json_string_value(v), "indirect") != 0) {
		mfr__rd_push(&ld->rd, ".approach");
		return mfr__rd_fail(&ld->rd, MFR_E_UNKNOWN, "a dose can only narrow the "
				    "approach to \"indirect\"; leave it out otherwise");
	}
	dose->indirect_only = v != NULL;
	TRY(get_uint(ld, d, "max_minutes", 0, MFR_INTAKE_MIN_MINUTES, MFR_INTAKE_MAX_MINUTES,
		     "minutes", &dose->max_minutes));
	TRY(mfr__rd_member(&ld->rd, d, "hold_seconds", 0, JSON_OBJECT,
			   "an object {\"min\": ..., \"max\": ...}", &v));
	if (v) {
		size_t hmark = mfr__rd_push(&ld->rd, ".hold_seconds");
		TRY(mfr__rd_check_members(&ld->rd, v, range_members, "a hold range"));
		TRY(get_seconds(ld, v, "min", &dose->hold_min));
		TRY(get_seconds(ld, v, "max", &dose->hold_max));
		if (dose->hold_min > dose->hold_max)
			return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"min\" (%u s) exceeds "
					    "\"max\" (%u s); swap them", dose->hold_min,
					    dose->hold_max);
		mfr__rd_pop(&ld->rd, hmark);
	}
	TRY(mfr__rd_member(&ld->rd, d, "progression", 0, JSON_STRING,
			   "the string \"none\"", &v));
	if (v && strcmp(json_string_value(v), "none") != 0) {
		mfr__rd_push(&ld->rd, ".progression");
		return mfr__rd_fail(&ld->rd, MFR_E_UNKNOWN, "a dose can only stop a program's "
				    "progression (\"none\"); leave it out otherwise");
	}
	dose->no_progression = v != NULL;
	if (!dose->pressure_ceiling && !dose->indirect_only && !dose->max_minutes &&
	    !dose->hold_max && !dose->no_progression)
		return mfr__rd_fail(&ld->rd, MFR_E_MISSING, "a dose changes nothing; give at "
				    "least one of \"pressure_ceiling\", \"approach\", "
				    "\"max_minutes\", \"hold_seconds\" or \"progression\", "
				    "or remove it");
	TRY(get_provenance(ld, d, &dose->prov));
	mfr__rd_pop(&ld->rd, mark);
	*out = dose;
	return MFR_OK;
}

static const char *const condition_members[] = {
	"key", "name", "icd10cm", "snomed", "areas", "lines", "regions",
	"site_techniques", "trigger_point_techniques", "screening", "relations", "evidence", "dose",
	"synonyms", "sources",
	"convention", "note", NULL
};

static mfr_status_t load_condition(loader *ld, json_t *obj, mfr_condition *c, uint32_t i)
{
	TRY(mfr__rd_check_members(&ld->rd, obj, condition_members, "a condition"));
	c->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "name", 1, NULL, &c->name));
	TRY(get_strings(ld, obj, "icd10cm", 1, "code", &c->icd10cm, &c->icd10cm_count));
	TRY(get_strings(ld, obj, "snomed", 0, "code", &c->snomed, &c->snomed_count));
	TRY(get_region_refs(ld, obj, "areas", 1, 1, &c->areas, &c->area_count));
	TRY(get_line_refs(ld, obj, "lines", 0, 0, &c->lines, &c->line_count));
	TRY(get_region_refs(ld, obj, "regions", 0, 0, &c->regions, &c->region_count));
	TRY(get_technique_refs(ld, obj, "site_techniques", 0, 0, &c->site_techniques,
			       &c->site_technique_count));
	TRY(get_technique_refs(ld, obj, "trigger_point_techniques", 0, 0,
			       &c->trigger_point_techniques, &c->trigger_point_technique_count));
	TRY(get_screening_refs(ld, obj, "screening", 0, 0, &c->screening,
			       &c->screening_count));
	TRY(mfr__rd_mask(&ld->rd, obj, "relations", 0, &mfr__relation_names, &c->relations));
	if (json_is_array(json_object_get(obj, "relations")) && !c->relations) {
		mfr__rd_push(&ld->rd, ".relations");
		return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "a condition's trace follows at "
				    "least one relation; list some, or remove \"relations\"");
	}
	if (!c->relations)
		c->relations = MFR_RELATION_ALL;
	TRY(mfr__rd_str(&ld->rd, obj, "evidence", 0, "", &c->evidence));
	TRY(get_dose(ld, obj, &c->dose));
	TRY(get_synonyms(ld, obj, c->name, &c->synonyms, &c->synonym_count));
	return get_provenance(ld, obj, &c->prov);
}

static const char *const precaution_members[] = {
	"key", "name", "scope", "severity", "needs_clearance", "avoid_site",
	"avoid_adjacent", "avoid_regions", "avoid_regions_until_cleared", "pressure_ceiling",
	"excluded_techniques", "site_scoped", "site_optional", "refer_first", "widen_to", "stages",
	"position_limits", "clearance_for_symptoms", "dose", "effect", "screening", "sources",
	"convention", "note", NULL
};
static const char *const stages_members[] = { "name", "count", NULL };
static const char *const limit_members[] = { "position", "from_stage", "regions", NULL };

static mfr_status_t load_position_limit(loader *ld, json_t *obj, const mfr_precaution *p,
				      mfr_precaution_position_limit *l)
{
	uint32_t from = 1;
	int v;

	if (!json_is_object(obj))
		return mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected a position limit object, "
				    "found %s", mfr__rd_type_name(obj));
	TRY(mfr__rd_check_members(&ld->rd, obj, limit_members, "a position limit"));
	TRY(mfr__rd_enum(&ld->rd, obj, "position", 1, &mfr__position_names, &v));
	l->position = (uint8_t)v;
	if (json_object_get(obj, "from_stage") && !p->stage_count) {
		mfr__rd_push(&ld->rd, ".from_stage");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"from_stage\" needs the "
				    "precaution's \"stages\"; add them or remove it");
	}
	TRY(get_uint(ld, obj, "from_stage", 0, 1, p->stage_count ? p->stage_count : 1,
		     "(a stage of the precaution)", &from));
	l->from_stage = (uint8_t)from;
	return get_region_refs(ld, obj, "regions", 0, 0, &l->regions, &l->region_count);
}

static const char *const widen_members[] = { "region", "with", NULL };

/* "widen_to": [{"region": ..., "with": [...]}, ...]. */
static mfr_status_t load_widen(loader *ld, json_t *obj, mfr_precaution *p)
{
	json_t *arr, *item;
	size_t k;

	TRY(mfr__rd_array(&ld->rd, obj, "widen_to", 0, 0, &arr));
	if (!arr || !json_array_size(arr))
		return MFR_OK;
	p->widen_count = (uint32_t)json_array_size(arr);
	p->widen_to = mfr__rd_alloc(&ld->rd, p->widen_count, sizeof(*p->widen_to));
	if (!p->widen_to)
		return mfr__rd_nomem(&ld->rd);
	json_array_foreach(arr, k, item) {
		size_t mark = mfr__rd_push(&ld->rd, ".widen_to[%zu]", k);
		mfr_precaution_widening *w = &p->widen_to[k];

		if (!json_is_object(item))
			return mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected an object "
					    "{\"region\": ..., \"with\": [...]}, found %s",
					    mfr__rd_type_name(item));
		TRY(mfr__rd_check_members(&ld->rd, item, widen_members, "a widening"));
		TRY(get_region_ref(ld, item, "region", 1, &w->region));
		TRY(get_region_refs(ld, item, "with", 0, 0, &w->with, &w->with_count));
		mfr__rd_pop(&ld->rd, mark);
	}
	return MFR_OK;
}

/* "stages" and "position_limits" of a precaution. */
static mfr_status_t load_stages_and_limits(loader *ld, json_t *obj, mfr_precaution *p)
{
	json_t *st, *arr, *item;
	size_t k;
	uint32_t count = 0;

	p->stage_name = "";
	TRY(mfr__rd_member(&ld->rd, obj, "stages", 0, JSON_OBJECT,
			   "an object {\"name\": ..., \"count\": ...}", &st));
	if (st) {
		size_t mark = mfr__rd_push(&ld->rd, ".stages");
		TRY(mfr__rd_check_members(&ld->rd, st, stages_members, "stages"));
		TRY(mfr__rd_str(&ld->rd, st, "name", 1, NULL, &p->stage_name));
		TRY(get_uint(ld, st, "count", 1, 2, 9, "stages", &count));
		p->stage_count = (uint8_t)count;
		mfr__rd_pop(&ld->rd, mark);
	}
	TRY(mfr__rd_array(&ld->rd, obj, "position_limits", 0, 0, &arr));
	if (!arr || !json_array_size(arr))
		return MFR_OK;
	p->position_limit_count = (uint32_t)json_array_size(arr);
	p->position_limits = mfr__rd_alloc(&ld->rd, p->position_limit_count,
					   sizeof(*p->position_limits));
	if (!p->position_limits)
		return mfr__rd_nomem(&ld->rd);
	json_array_foreach(arr, k, item) {
		size_t mark = mfr__rd_push(&ld->rd, ".position_limits[%zu]", k);

		TRY(load_position_limit(ld, item, p, &p->position_limits[k]));
		mfr__rd_pop(&ld->rd, mark);
	}
	return MFR_OK;
}


static mfr_status_t load_precaution(loader *ld, json_t *obj, mfr_precaution *p, uint32_t i)
{
	int v;

	TRY(mfr__rd_check_members(&ld->rd, obj, precaution_members, "a precaution"));
	p->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "name", 1, NULL, &p->name));
	TRY(mfr__rd_enum(&ld->rd, obj, "scope", 1, &mfr__scope_names, &v));
	p->scope = (uint8_t)v;
	TRY(mfr__rd_enum(&ld->rd, obj, "severity", 1, &mfr__severity_names, &v));
	p->severity = (uint8_t)v;
	TRY(mfr__rd_bool(&ld->rd, obj, "needs_clearance", &p->needs_clearance));
	TRY(mfr__rd_bool(&ld->rd, obj, "avoid_site", &p->avoid_site));
	TRY(mfr__rd_bool(&ld->rd, obj, "avoid_adjacent", &p->avoid_adjacent));
	if (p->avoid_adjacent && !p->avoid_site) {
		mfr__rd_push(&ld->rd, ".avoid_adjacent");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"avoid_adjacent\" widens "
				    "\"avoid_site\", which is not set; set both or neither");
	}
	if ((p->avoid_site || p->avoid_adjacent) && p->scope != MFR_SCOPE_LOCAL) {
		mfr__rd_push(&ld->rd, p->avoid_site ? ".avoid_site" : ".avoid_adjacent");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"avoid_site\" and \"avoid_adjacent\" "
			    "need a site, so they apply only to \"local\" precautions; "
			    "use \"avoid_regions\" for a global one");
	}
	TRY(get_region_refs(ld, obj, "avoid_regions", 0, 0, &p->avoid_regions,
			    &p->avoid_region_count));
	TRY(get_region_refs(ld, obj, "avoid_regions_until_cleared", 0, 0,
			    &p->avoid_until_cleared, &p->avoid_until_cleared_count));
	if (p->avoid_until_cleared_count && !p->needs_clearance) {
		mfr__rd_push(&ld->rd, ".avoid_regions_until_cleared");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"avoid_regions_until_cleared\" "
				    "is lifted by a clearance, so it needs \"needs_clearance\": "
				    "true (use \"avoid_regions\" for regions avoided whether "
				    "cleared or not)");
	}
	TRY(mfr__rd_enum(&ld->rd, obj, "pressure_ceiling", 0, &mfr__pressure_names, &v));
	p->pressure_ceiling = (uint8_t)v;
	TRY(get_technique_refs(ld, obj, "excluded_techniques", 0, 0,
			       &p->excluded_techniques, &p->excluded_technique_count));
	TRY(mfr__rd_bool(&ld->rd, obj, "site_scoped", &p->site_scoped));
	if (p->site_scoped && p->scope != MFR_SCOPE_GLOBAL) {
		mfr__rd_push(&ld->rd, ".site_scoped");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"site_scoped\" lets a "
				    "\"global\" precaution name the sites it affects; a "
				    "local one always names its site: remove it");
	}
	TRY(mfr__rd_bool(&ld->rd, obj, "site_optional", &p->site_optional));
	if (p->site_optional && !p->site_scoped) {
		mfr__rd_push(&ld->rd, ".site_optional");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"site_optional\" lets a "
				    "\"site_scoped\" precaution plan before its sites are "
				    "named; add \"site_scoped\": true or remove it");
	}
	TRY(mfr__rd_bool(&ld->rd, obj, "refer_first", &p->refer_first));
	if (p->refer_first && !p->needs_clearance) {
		mfr__rd_push(&ld->rd, ".refer_first");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"refer_first\" holds "
				    "every step until a physician clears the client, so it "
				    "needs \"needs_clearance\": true (or use \"severity\": "
				    "\"absolute\" for a precaution no clearance lifts)");
	}
	TRY(load_widen(ld, obj, p));
	if (p->widen_count && !p->site_scoped && p->scope != MFR_SCOPE_LOCAL) {
		mfr__rd_push(&ld->rd, ".widen_to");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"widen_to\" widens a "
				    "named site, so it needs a local or a \"site_scoped\" "
				    "precaution");
	}
	TRY(load_stages_and_limits(ld, obj, p));
	TRY(get_region_refs(ld, obj, "clearance_for_symptoms", 0, 0, &p->clearance_areas,
			    &p->clearance_area_count));
	TRY(get_dose(ld, obj, &p->dose));
	TRY(mfr__rd_str(&ld->rd, obj, "effect", 1, NULL, &p->effect));
	TRY(get_screening_refs(ld, obj, "screening", 0, 0, &p->screening, &p->screening_count));
	return get_provenance(ld, obj, &p->prov);
}

static const char *const aftercare_members[] = {
	"key", "text", "kind", "when", "sources", "convention", "note", NULL
};

DEFINE_REFS(get_precaution_refs, mfr_precaution, MFR_KIND_PRECAUTION, precautions)

static mfr_status_t load_aftercare(loader *ld, json_t *obj, mfr_aftercare *a, uint32_t i)
{
	int v = MFR_AFTERCARE_GENERAL;

	TRY(mfr__rd_check_members(&ld->rd, obj, aftercare_members, "an aftercare item"));
	a->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "text", 1, NULL, &a->text));
	TRY(mfr__rd_enum(&ld->rd, obj, "kind", 0, &mfr__aftercare_kind_names, &v));
	a->kind = (uint8_t)(v ? v : MFR_AFTERCARE_GENERAL);
	TRY(get_precaution_refs(ld, obj, "when", 0, 0, &a->when, &a->when_count));
	return get_provenance(ld, obj, &a->prov);
}

static const char *const danger_zone_members[] = {
	"key", "name", "regions", "region_kinds", "pressure_ceiling",
	"excluded_techniques", "effect", "sources", "convention", "note", NULL
};

/* "region_kinds": region kind names as a mask of (1 << kind). */
static mfr_status_t get_region_kinds(loader *ld, json_t *obj, uint32_t *out)
{
	json_t *arr, *v;
	size_t i;

	*out = 0;
	TRY(mfr__rd_array(&ld->rd, obj, "region_kinds", 0, 0, &arr));
	if (!arr)
		return MFR_OK;
	json_array_foreach(arr, i, v) {
		size_t mark = mfr__rd_push(&ld->rd, ".region_kinds[%zu]", i);
		int kind = 0;

		TRY(mfr__rd_parse_enum(&ld->rd, v, &mfr__region_kind_names, &kind));
		if (*out & (1u << kind))
			return mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE, "\"%s\" is listed twice; "
					    "remove the repeat", json_string_value(v));
		*out |= 1u << kind;
		mfr__rd_pop(&ld->rd, mark);
	}
	return MFR_OK;
}

static mfr_status_t load_danger_zone(loader *ld, json_t *obj, mfr_danger_zone *z, uint32_t i)
{
	int v;

	TRY(mfr__rd_check_members(&ld->rd, obj, danger_zone_members, "a danger zone"));
	z->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "name", 1, NULL, &z->name));
	TRY(get_region_refs(ld, obj, "regions", 0, 0, &z->regions, &z->region_count));
	TRY(get_region_kinds(ld, obj, &z->region_kinds));
	if (!z->region_count && !z->region_kinds)
		return mfr__rd_fail(&ld->rd, MFR_E_MISSING, "a danger zone covers nothing; "
				    "give \"regions\" or \"region_kinds\"");
	TRY(mfr__rd_enum(&ld->rd, obj, "pressure_ceiling", 1, &mfr__pressure_names, &v));
	z->pressure_ceiling = (uint8_t)v;
	TRY(get_technique_refs(ld, obj, "excluded_techniques", 0, 0,
			       &z->excluded_techniques, &z->excluded_technique_count));
	TRY(mfr__rd_str(&ld->rd, obj, "effect", 1, NULL, &z->effect));
	return get_provenance(ld, obj, &z->prov);
}

static const char *const screening_members[] = {
	"key", "text", "answers", "symptom_areas", "sources", "convention", "note", NULL
};
static const char *const answer_members[] = {
	"key", "text", "precautions", "stage", "site", NULL
};

static mfr_status_t load_answer(loader *ld, json_t *obj, mfr_screening_answer *a)
{
	uint32_t stage = 0;

	if (!json_is_object(obj))
		return mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected an answer object, found %s",
				    mfr__rd_type_name(obj));
	TRY(mfr__rd_check_members(&ld->rd, obj, answer_members, "an answer"));
	TRY(mfr__rd_str(&ld->rd, obj, "key", 1, NULL, &a->key));
	size_t mark = mfr__rd_push(&ld->rd, ".key");
	TRY(mfr__rd_check_key(&ld->rd, a->key));
	mfr__rd_pop(&ld->rd, mark);
	TRY(mfr__rd_str(&ld->rd, obj, "text", 1, NULL, &a->text));
	TRY(get_precaution_refs(ld, obj, "precautions", 0, 0, &a->precautions,
				&a->precaution_count));
	TRY(get_uint(ld, obj, "stage", 0, 1, 9, "(a stage of its precautions)", &stage));
	a->stage = (uint8_t)stage;
	TRY(mfr__rd_bool(&ld->rd, obj, "site", &a->needs_site));
	int staged = 0;
	for (uint32_t k = 0; k < a->precaution_count; k++) {
		const mfr_precaution *p = a->precautions[k];

		staged |= p->stage_count != 0;
		if (a->stage && p->stage_count && a->stage > p->stage_count) {
			mfr__rd_push(&ld->rd, ".stage");
			return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "stage %u is out of range: "
					    "\"%s\" has %u", stage, p->key, p->stage_count);
		}
		if (a->needs_site != (p->scope == MFR_SCOPE_LOCAL) && !p->site_scoped) {
			mfr__rd_push(&ld->rd, ".site");
			return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "precaution \"%s\" %s; "
					    "set \"site\" to %s", p->key,
					    p->scope == MFR_SCOPE_LOCAL ? "is local and needs a site"
					    : "applies to the whole client",
					    a->needs_site ? "false" : "true");
		}
	}
	if (a->stage && !staged) {
		mfr__rd_push(&ld->rd, ".stage");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "\"stage\" needs a precaution "
				    "with stages; remove it");
	}
	if (a->needs_site && !a->precaution_count) {
		mfr__rd_push(&ld->rd, ".site");
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "an answer that sets no "
				    "precaution needs no site; remove \"site\"");
	}
	return MFR_OK;
}

static mfr_status_t load_screening(loader *ld, json_t *obj, mfr_screening *q, uint32_t i)
{
	json_t *arr, *item;
	size_t k;

	TRY(mfr__rd_check_members(&ld->rd, obj, screening_members, "a screening question"));
	q->index = i;
	TRY(mfr__rd_str(&ld->rd, obj, "text", 1, NULL, &q->text));
	TRY(mfr__rd_array(&ld->rd, obj, "answers", 1, 2, &arr));
	q->answer_count = (uint32_t)json_array_size(arr);
	q->answers = mfr__rd_alloc(&ld->rd, q->answer_count, sizeof(*q->answers));
	if (!q->answers)
		return mfr__rd_nomem(&ld->rd);
	json_array_foreach(arr, k, item) {
		size_t mark = mfr__rd_push(&ld->rd, ".answers[%zu]", k);

		TRY(load_answer(ld, item, &q->answers[k]));
		for (size_t j = 0; j < k; j++)
			if (strcmp(q->answers[j].key, q->answers[k].key) == 0) {
				mfr__rd_push(&ld->rd, ".key");
				return mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE, "duplicate answer "
						    "key \"%s\" (first at answers[%zu])",
						    q->answers[k].key, j);
			}
		mfr__rd_pop(&ld->rd, mark);
	}
	TRY(get_region_refs(ld, obj, "symptom_areas", 0, 0, &q->symptom_areas,
			    &q->symptom_area_count));
	return get_provenance(ld, obj, &q->prov);
}

/* Run @p load on every item of a section (already indexed). */
#define LOAD_SECTION(ld, root, name, array, count, load)                      \
	do {                                                                  \
		json_t *arr_ = json_object_get(root, name);                   \
		for (uint32_t i_ = 0; i_ < (count); i_++) {                   \
			size_t mark_ = mfr__rd_push(&ld->rd, "%s[%u]", name, i_);     \
			mfr_status_t st_ = load(ld, json_array_get(arr_, i_),   \
					      &(array)[i_], i_);              \
			mfr__rd_pop(&ld->rd, mark_);                                  \
			if (st_ != MFR_OK)                                    \
				return st_;                                   \
		}                                                             \
	} while (0)

/* ---- pass 3: whole-model rules ------------------------------------------- */

/* Report the cycle that region @p i's ancestors run into. */
static mfr_status_t cycle_at(loader *ld, uint32_t i)
{
	char chain[256];
	mfr_text t;
	const mfr_region *q = &ld->m->regions[i];

	mfr__text_init(&t, chain, sizeof(chain));
	for (int k = 0; k < 8; k++) {
		mfr__text_add(&t, "%s%s", k ? " -> " : "", q->key);
		q = q->parent;
	}
	size_t mark = mfr__rd_push(&ld->rd, "regions[%u].parent", i);
	mfr_status_t st = mfr__rd_fail(&ld->rd, MFR_E_CYCLE,
		"the region hierarchy has a cycle (%s ...); "
		"give one of these regions another parent", chain);
	mfr__rd_pop(&ld->rd, mark);
	return st;
}

static mfr_status_t check_hierarchy(loader *ld)
{
	mfr_model *m = ld->m;
	uint32_t *nchild;
	/* Each region's state, so every parent link is followed once (linear,
	 * not a walk of each region's whole ancestor chain): 0 not yet seen,
	 * 1 + i on the walk from region i, UINT32_MAX known to reach a root. */
	uint32_t *mark = mfr__calloc(m->region_count ? m->region_count : 1, sizeof(*mark));

	if (!mark)
		return mfr__rd_nomem(&ld->rd);
	for (uint32_t i = 0; i < m->region_count; i++) {
		const mfr_region *p;

		/* Walk up until a root or a region already known to reach one;
		 * meeting this walk again is a cycle (regions are checked in
		 * order, so the first reported is the lowest index that leads
		 * into one, as before). */
		for (p = &m->regions[i]; p && mark[p->index] == 0; p = p->parent)
			mark[p->index] = i + 1;
		if (p && mark[p->index] == i + 1) {
			mfr__free(mark);
			return cycle_at(ld, i);
		}
		for (p = &m->regions[i]; p && mark[p->index] == i + 1; p = p->parent)
			mark[p->index] = UINT32_MAX;
	}
	mfr__free(mark);
	nchild = mfr__rd_alloc(&ld->rd, m->region_count ? m->region_count : 1, sizeof(*nchild));
	if (!nchild)
		return mfr__rd_nomem(&ld->rd);
	for (uint32_t i = 0; i < m->region_count; i++)
		if (m->regions[i].parent)
			nchild[m->regions[i].parent->index]++;
	for (uint32_t i = 0; i < m->region_count; i++) {
		if (!nchild[i])
			continue;
		m->regions[i].children = mfr__rd_alloc(&ld->rd, nchild[i], sizeof(mfr_region *));
		if (!m->regions[i].children)
			return mfr__rd_nomem(&ld->rd);
	}
	for (uint32_t i = 0; i < m->region_count; i++) {
		mfr_region *p = (mfr_region *)m->regions[i].parent;
		if (p)
			p->children[p->child_count++] = &m->regions[i];
	}
	return MFR_OK;
}

/* A region is reached as it says, else as its nearest ancestor that is
 * reached internally, else from outside. The hierarchy is acyclic here.
 * Linear: each region's reach is worked out once, along the first chain
 * that passes through it. */
static mfr_status_t derive_reach(loader *ld)
{
	mfr_model *m = ld->m;
	mfr_region **chain = mfr__rd_alloc(&ld->rd, m->region_count ? m->region_count : 1,
					   sizeof(*chain));

	if (!chain)
		return mfr__rd_nomem(&ld->rd);
	for (uint32_t i = 0; i < m->region_count; i++) {
		uint32_t n = 0;
		mfr_region *q = &m->regions[i];
		uint8_t reach = MFR_ACCESS_EXTERNAL;

		/* Up to the first region whose reach is known (or the root). */
		while (q && !q->reach) {
			chain[n++] = q;
			q = (mfr_region *)q->parent;
		}
		if (q)
			reach = q->reach;
		/* Down again: each takes its own internal access, or the one above. */
		while (n > 0) {
			mfr_region *r = chain[--n];

			if (r->access && r->access != MFR_ACCESS_EXTERNAL)
				reach = r->access;
			r->reach = reach;
		}
	}
	return MFR_OK;
}

/* The questions a symptom at @p r makes pertinent: those of its parent,
 * then those naming @p r itself among their symptom areas (@p direct,
 * @p n of them, in model order), each once. A region with no question of
 * its own shares its parent's list. */
static mfr_status_t screening_of(loader *ld, mfr_region *r, const mfr_screening **direct,
				 uint32_t n)
{
	const mfr_region *up = r->parent;
	uint32_t have = up ? up->screening_count : 0, total = have;

	if (!n) {
		r->screening = up ? up->screening : NULL;
		r->screening_count = have;
		return MFR_OK;
	}
	const mfr_screening **list = mfr__rd_alloc(&ld->rd, (size_t)have + n, sizeof(*list));

	if (!list)
		return mfr__rd_nomem(&ld->rd);
	if (have)
		memcpy(list, up->screening, have * sizeof(*list));
	for (uint32_t i = 0; i < n; i++) {
		uint32_t k = 0;

		while (k < have && list[k] != direct[i])
			k++;
		if (k == have)
			list[total++] = direct[i];
	}
	r->screening = list;
	r->screening_count = total;
	return MFR_OK;
}

/* Give every region the screening questions a symptom there makes
 * pertinent: a question whose symptom_areas hold the region or one of its
 * ancestors (calf pain: the clot question). Linear in the regions: each
 * takes its parent's list, worked out first along the chain above it. */
static mfr_status_t derive_symptom_screening(loader *ld)
{
	mfr_model *m = ld->m;
	uint32_t pairs = 0;

	for (uint32_t k = 0; k < m->screening_count; k++)
		pairs += m->screening[k].symptom_area_count;
	if (!pairs)
		return MFR_OK;
	/* Each region's own questions, as a count and an offset into one
	 * array of (region, question) pairs sorted by region. */
	uint32_t *start = mfr__rd_alloc(&ld->rd, (size_t)m->region_count + 1, sizeof(*start));
	const mfr_screening **by_region = mfr__rd_alloc(&ld->rd, pairs, sizeof(*by_region));
	uint8_t *done = mfr__rd_alloc(&ld->rd, m->region_count, sizeof(*done));
	mfr_region **chain = mfr__rd_alloc(&ld->rd, m->region_count, sizeof(*chain));

	/* (the arena's memory comes zeroed) */
	if (!start || !by_region || !done || !chain)
		return mfr__rd_nomem(&ld->rd);
	for (uint32_t k = 0; k < m->screening_count; k++)
		for (uint32_t a = 0; a < m->screening[k].symptom_area_count; a++)
			start[m->screening[k].symptom_areas[a]->index + 1]++;
	for (uint32_t i = 0; i < m->region_count; i++)
		start[i + 1] += start[i];
	for (uint32_t k = 0; k < m->screening_count; k++)
		for (uint32_t a = 0; a < m->screening[k].symptom_area_count; a++) {
			uint32_t r = m->screening[k].symptom_areas[a]->index;
			uint32_t at = start[r];

			while (by_region[at])
				at++;
			by_region[at] = &m->screening[k];
		}
	for (uint32_t i = 0; i < m->region_count; i++) {
		uint32_t n = 0;
		mfr_region *q = &m->regions[i];

		while (q && !done[q->index]) {
			chain[n++] = q;
			q = (mfr_region *)q->parent;
		}
		while (n > 0) {
			mfr_region *r = chain[--n];
			uint32_t x = r->index;

			TRY(screening_of(ld, r, &by_region[start[x]], start[x + 1] - start[x]));
			done[x] = 1;
		}
	}
	return MFR_OK;
}

/* Mark each screening question that another may answer for it: the other
 * sets every precaution this one may set (is the client pregnant, with
 * "yes, high-risk" among its answers, covers whether the pregnancy is
 * high-risk). A plan asks a covered question only where something of the
 * intake lists it. Only the questions that set a question's first
 * precaution are candidates, so the work follows the answers, not the
 * square of the questions. */
static mfr_status_t derive_covered(loader *ld)
{
	mfr_model *m = ld->m;
	uint32_t total = 0;

	for (uint32_t k = 0; k < m->screening_count; k++)
		for (uint32_t a = 0; a < m->screening[k].answer_count; a++)
			total += m->screening[k].answers[a].precaution_count;
	/* The questions setting each precaution, by precaution: an offset
	 * and a count into one array (a question once per answer naming it). */
	uint32_t *start = mfr__rd_alloc(&ld->rd, (size_t)m->precaution_count + 1, sizeof(*start));
	uint32_t *fill = mfr__rd_alloc(&ld->rd, (size_t)m->precaution_count + 1, sizeof(*fill));
	const mfr_screening **setters = mfr__rd_alloc(&ld->rd, total ? total : 1,
						      sizeof(*setters));

	if (!start || !fill || !setters)
		return mfr__rd_nomem(&ld->rd);
	for (uint32_t k = 0; k < m->screening_count; k++)
		for (uint32_t a = 0; a < m->screening[k].answer_count; a++)
			for (uint32_t j = 0; j < m->screening[k].answers[a].precaution_count; j++)
				start[m->screening[k].answers[a].precautions[j]->index + 1]++;
	for (uint32_t i = 0; i < m->precaution_count; i++)
		start[i + 1] += start[i];
	memcpy(fill, start, ((size_t)m->precaution_count + 1) * sizeof(*fill));
	for (uint32_t k = 0; k < m->screening_count; k++)
		for (uint32_t a = 0; a < m->screening[k].answer_count; a++)
			for (uint32_t j = 0; j < m->screening[k].answers[a].precaution_count; j++)
				setters[fill[m->screening[k].answers[a].precautions[j]->index]++] =
					&m->screening[k];
	for (uint32_t k = 0; k < m->screening_count; k++) {
		mfr_screening *q = &m->screening[k];
		const mfr_precaution *first = NULL;

		for (uint32_t a = 0; !first && a < q->answer_count; a++)
			if (q->answers[a].precaution_count)
				first = q->answers[a].precautions[0];
		if (!first) { /* it sets nothing: any other question covers it */
			q->covered = m->screening_count > 1;
			continue;
		}
		for (uint32_t c = start[first->index]; !q->covered && c < start[first->index + 1];
		     c++) {
			const mfr_screening *q2 = setters[c];
			int all = q2 != q;

			for (uint32_t a = 0; all && a < q->answer_count; a++)
				for (uint32_t j = 0; all && j < q->answers[a].precaution_count; j++)
					all = mfr__answer_sets(q2, mfr__is_precaution,
							       q->answers[a].precautions[j]);
			q->covered = (uint8_t)all;
		}
	}
	return MFR_OK;
}

static int region_ptr_cmp(const void *a, const void *b)
{
	uint32_t x = (*(const mfr_region *const *)a)->index;
	uint32_t y = (*(const mfr_region *const *)b)->index;

	return x < y ? -1 : x > y;
}

/* Read every region's "adjacent" list and make the relation symmetric. */
static mfr_status_t load_adjacency(loader *ld, json_t *root)
{
	mfr_model *m = ld->m;
	json_t *arr = json_object_get(root, "regions");
	const mfr_region ***lists = mfr__rd_alloc(&ld->rd, m->region_count ? m->region_count : 1,
						sizeof(*lists));
	uint32_t *counts = mfr__rd_alloc(&ld->rd, m->region_count ? m->region_count : 1,
				       sizeof(*counts));
	uint32_t *cap;

	if (!lists || !counts)
		return mfr__rd_nomem(&ld->rd);
	for (uint32_t i = 0; i < m->region_count; i++) {
		size_t mark = mfr__rd_push(&ld->rd, "regions[%u]", i);
		mfr_status_t st = get_region_refs(ld, json_array_get(arr, i), "adjacent",
						0, 0, &lists[i], &counts[i]);
		for (uint32_t k = 0; st == MFR_OK && k < counts[i]; k++)
			if (lists[i][k] == &m->regions[i]) {
				mfr__rd_push(&ld->rd, ".adjacent[%u]", k);
				st = mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "region \"%s\" lists "
					  "itself as adjacent; remove it",
					  m->regions[i].key);
			}
		mfr__rd_pop(&ld->rd, mark);
		TRY(st);
	}
	/* Each region's final list: its own entries plus every region that
	 * lists it, without repeats. */
	cap = mfr__rd_alloc(&ld->rd, m->region_count ? m->region_count : 1, sizeof(*cap));
	if (!cap)
		return mfr__rd_nomem(&ld->rd);
	for (uint32_t i = 0; i < m->region_count; i++) {
		cap[i] += counts[i];
		for (uint32_t k = 0; k < counts[i]; k++)
			cap[lists[i][k]->index]++;
	}
	for (uint32_t i = 0; i < m->region_count; i++) {
		if (!cap[i])
			continue;
		m->regions[i].adjacent = mfr__rd_alloc(&ld->rd, cap[i], sizeof(mfr_region *));
		if (!m->regions[i].adjacent)
			return mfr__rd_nomem(&ld->rd);
	}
	for (uint32_t i = 0; i < m->region_count; i++) {
		for (uint32_t k = 0; k < counts[i]; k++) {
			mfr_region *a = &m->regions[i];
			mfr_region *b = (mfr_region *)lists[i][k];

			a->adjacent[a->adjacent_count++] = b;
			b->adjacent[b->adjacent_count++] = a;
		}
	}
	for (uint32_t i = 0; i < m->region_count; i++) {
		mfr_region *r = &m->regions[i];
		uint32_t out = 0;

		if (r->adjacent_count > 1)
			qsort(r->adjacent, r->adjacent_count, sizeof(*r->adjacent),
			      region_ptr_cmp);
		for (uint32_t k = 0; k < r->adjacent_count; k++)
			if (out == 0 || r->adjacent[out - 1] != r->adjacent[k])
				r->adjacent[out++] = r->adjacent[k];
		r->adjacent_count = out;
	}
	return MFR_OK;
}

/* ---- the body chart and the body map (optional sections) ------------------- */

static const char *const chart_members[] = {
	"outlines", "areas", "sources", "convention", "note", NULL
};
static const char *const outline_members[] = { "view", "path", NULL };
static const char *const chart_area_members[] = { "region", "view", "ellipse", NULL };

/* SVG path data of the commands and numbers a drawing needs: nothing that
 * could end an attribute or start markup gets through. */
static const char path_chars[] = "MmLlHhVvCcSsQqTtAaZz0123456789 .,-";

static mfr_status_t load_outline(loader *ld, json_t *obj, mfr_chart *c)
{
	const char *path;
	int view = 0;

	TRY(mfr__rd_check_members(&ld->rd, obj, outline_members, "an outline"));
	TRY(mfr__rd_enum(&ld->rd, obj, "view", 1, &mfr__chart_view_names, &view));
	TRY(mfr__rd_str(&ld->rd, obj, "path", 1, NULL, &path));
	size_t mark = mfr__rd_push(&ld->rd, ".path");
	size_t n = strlen(path), ok = strspn(path, path_chars);
	if (n > MFR_CHART_PATH_MAX)
		return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "an outline of %zu characters is "
				    "too long; draw it in at most %d", n, MFR_CHART_PATH_MAX);
	if (ok < n)
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "character %zu (byte 0x%02x) "
				    "is not SVG path data of a chart; use only the commands "
				    "M L H V C S Q T A Z (either case), digits, '.', '-', "
				    "spaces and commas", ok + 1, (unsigned char)path[ok]);
	mfr__rd_pop(&ld->rd, mark);
	if (c->outlines[view - 1]) {
		mfr__rd_push(&ld->rd, ".view");
		return mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE, "the %s view has an outline "
				    "already; give one per view",
				    mfr__name_of(&mfr__chart_view_names, view));
	}
	c->outlines[view - 1] = path;
	return MFR_OK;
}

/* "ellipse": [cx, cy, rx, ry], whole units within the view's box. */
static mfr_status_t get_ellipse(loader *ld, json_t *obj, mfr_chart_area *a)
{
	static const char *const what[] = { "cx", "cy", "rx", "ry" };
	const json_int_t lo[] = { 0, 0, 1, 1 };
	const json_int_t hi[] = { MFR_CHART_WIDTH, MFR_CHART_HEIGHT, MFR_CHART_WIDTH / 2,
				  MFR_CHART_HEIGHT / 2 };
	int16_t *out[] = { &a->cx, &a->cy, &a->rx, &a->ry };
	json_t *arr;

	TRY(mfr__rd_array(&ld->rd, obj, "ellipse", 1, 4, &arr));
	if (json_array_size(arr) != 4) {
		mfr__rd_push(&ld->rd, ".ellipse");
		return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "an ellipse is [cx, cy, rx, ry]: "
				    "four numbers, not %zu", json_array_size(arr));
	}
	for (size_t i = 0; i < 4; i++) {
		json_t *v = json_array_get(arr, i);
		size_t mark = mfr__rd_push(&ld->rd, ".ellipse[%zu]", i);

		if (!json_is_integer(v))
			return mfr__rd_fail(&ld->rd, MFR_E_TYPE, "expected a whole number "
					    "(%s), found %s", what[i], mfr__rd_type_name(v));
		json_int_t n = json_integer_value(v);
		if (n < lo[i] || n > hi[i])
			return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "%s %" JSON_INTEGER_FORMAT
					    " is out of range; use %" JSON_INTEGER_FORMAT " to %"
					    JSON_INTEGER_FORMAT " (a view is %d x %d units)",
					    what[i], n, lo[i], hi[i], MFR_CHART_WIDTH,
					    MFR_CHART_HEIGHT);
		*out[i] = (int16_t)n;
		mfr__rd_pop(&ld->rd, mark);
	}
	return MFR_OK;
}

static int same_chart_place(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_chart_area *c = ctx;

	return c[a].region == c[b].region && c[a].view == c[b].view;
}

static mfr_status_t load_chart_area(loader *ld, json_t *obj, mfr_chart_area *a)
{
	int view = 0;

	TRY(mfr__rd_check_members(&ld->rd, obj, chart_area_members, "a chart area"));
	TRY(get_region_ref(ld, obj, "region", 1, &a->region));
	TRY(mfr__rd_enum(&ld->rd, obj, "view", 1, &mfr__chart_view_names, &view));
	a->view = (uint8_t)view;
	TRY(get_ellipse(ld, obj, a));
	/* The client faces the viewer on the front view: their right side is
	 * on the viewer's left there, and on the viewer's right on the back. */
	int mid = MFR_CHART_WIDTH / 2;
	size_t mark = mfr__rd_push(&ld->rd, ".ellipse[0]");
	if (a->region->laterality == MFR_LATERALITY_MIDLINE && a->cx != mid)
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "region \"%s\" lies on the "
				    "midline: centre it there (cx %d), not at %d",
				    a->region->key, mid, a->cx);
	if (a->region->laterality == MFR_LATERALITY_BILATERAL &&
	    (view == 1 ? a->cx >= mid : a->cx <= mid))
		return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "region \"%s\" is bilateral: "
				    "draw the client's right side, which on the %s view lies "
				    "%s of the midline (cx %s %d; the client faces the viewer on "
				    "the front view), not at %d", a->region->key,
				    view == 1 ? "front" : "back", view == 1 ? "left" : "right",
				    view == 1 ? "below" : "above", mid, a->cx);
	mfr__rd_pop(&ld->rd, mark);
	return MFR_OK;
}

static mfr_status_t load_chart(loader *ld, json_t *root)
{
	json_t *obj, *arr, *v;
	size_t i;
	mfr_seen seen;
	mfr_status_t st = MFR_OK;

	TRY(mfr__rd_member(&ld->rd, root, "chart", 0, JSON_OBJECT, "an object", &obj));
	if (!obj)
		return MFR_OK;
	size_t mark = mfr__rd_push(&ld->rd, "chart");
	mfr_chart *c = mfr__rd_alloc(&ld->rd, 1, sizeof(*c));
	if (!c)
		return mfr__rd_nomem(&ld->rd);
	TRY(mfr__rd_check_members(&ld->rd, obj, chart_members, "a chart"));
	TRY(mfr__rd_array(&ld->rd, obj, "outlines", 1, 1, &arr));
	json_array_foreach(arr, i, v) {
		size_t m2 = mfr__rd_push(&ld->rd, ".outlines[%zu]", i);

		TRY(load_outline(ld, v, c));
		mfr__rd_pop(&ld->rd, m2);
	}
	for (int view = 1; view <= MFR_CHART_VIEWS; view++)
		if (!c->outlines[view - 1]) {
			mfr__rd_push(&ld->rd, ".outlines");
			return mfr__rd_fail(&ld->rd, MFR_E_MISSING, "no outline of the %s "
					    "view; a chart draws both views, front and back",
					    mfr__name_of(&mfr__chart_view_names, view));
		}
	TRY(mfr__rd_array(&ld->rd, obj, "areas", 1, 1, &arr));
	c->area_count = (uint32_t)json_array_size(arr);
	c->areas = mfr__rd_alloc(&ld->rd, c->area_count, sizeof(*c->areas));
	if (!c->areas)
		return mfr__rd_nomem(&ld->rd);
	mfr__seen_init(&seen);
	json_array_foreach(arr, i, v) {
		size_t m2 = mfr__rd_push(&ld->rd, ".areas[%zu]", i);
		mfr_chart_area *a = &c->areas[i];

		st = load_chart_area(ld, v, a);
		if (st == MFR_OK) {
			uint32_t rep = mfr__seen_add(&seen, mfr__hash_u32(a->region->index * 4u +
									 a->view),
						     (uint32_t)i, same_chart_place, c->areas);
			if (rep == MFR_SEEN_NOMEM)
				st = mfr__rd_nomem(&ld->rd);
			else if (rep != MFR_SEEN_NEW)
				st = mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE, "region \"%s\" is on "
						  "the %s view already (areas[%u]); give each "
						  "region once per view", a->region->key,
						  mfr__name_of(&mfr__chart_view_names, a->view),
						  rep);
		}
		if (st != MFR_OK)
			break;
		mfr__rd_pop(&ld->rd, m2);
	}
	mfr__seen_free(&seen);
	if (st != MFR_OK)
		return st;
	TRY(get_provenance(ld, obj, &c->prov));
	mfr__rd_pop(&ld->rd, mark);
	ld->m->chart = c;
	return MFR_OK;
}

static const char *const body_map_members[] = {
	"name", "citation", "segments", "sources", "convention", "note", NULL
};
static const char *const segment_members[] = { "id", "name", "sites", NULL };
static const char *const segment_site_members[] = { "region", "side", NULL };

/* The most sites one segment stands for. */
#define MAX_SEGMENT_SITES 16
/* Segment ids: 1 to this. */
#define MAX_SEGMENT_ID 999999

static int same_segment_site(const void *ctx, uint32_t a, uint32_t b)
{
	const mfr_segment_site *s = ctx;

	return s[a].region == s[b].region && s[a].side == s[b].side;
}

static mfr_status_t load_segment_site(loader *ld, json_t *obj, mfr_segment_site *s)
{
	int side = 0;

	TRY(mfr__rd_check_members(&ld->rd, obj, segment_site_members, "a segment's site"));
	TRY(get_region_ref(ld, obj, "region", 1, &s->region));
	TRY(mfr__rd_enum(&ld->rd, obj, "side", 0, &mfr__side_names, &side));
	if (s->region->laterality == MFR_LATERALITY_MIDLINE) {
		if (side && side != MFR_SIDE_MIDLINE) {
			mfr__rd_push(&ld->rd, ".side");
			return mfr__rd_fail(&ld->rd, MFR_E_CONSTRAINT, "region \"%s\" lies on "
					    "the midline: leave the side out (or \"midline\")",
					    s->region->key);
		}
		side = MFR_SIDE_MIDLINE;
	} else if (side != MFR_SIDE_LEFT && side != MFR_SIDE_RIGHT) {
		if (side)
			mfr__rd_push(&ld->rd, ".side");
		return mfr__rd_fail(&ld->rd, side ? MFR_E_CONSTRAINT : MFR_E_MISSING,
				    "region \"%s\" is bilateral: give the client's side, "
				    "\"left\" or \"right\"", s->region->key);
	}
	s->side = (uint8_t)side;
	return MFR_OK;
}

static mfr_status_t load_segment(loader *ld, json_t *obj, mfr_segment *g, uint32_t prev)
{
	json_t *arr, *v;
	size_t i;
	uint32_t id = 0;
	mfr_seen seen;
	mfr_status_t st = MFR_OK;

	TRY(mfr__rd_check_members(&ld->rd, obj, segment_members, "a segment"));
	TRY(get_uint(ld, obj, "id", 1, 1, MAX_SEGMENT_ID, "(a segment id)", &id));
	if (id <= prev) {
		mfr__rd_push(&ld->rd, ".id");
		return mfr__rd_fail(&ld->rd, id == prev ? MFR_E_DUPLICATE : MFR_E_CONSTRAINT,
				    id == prev ? "segment %u is given twice; give each id once"
				    : "segment %u comes after %u; list the segments in "
				    "ascending order of id", id, prev);
	}
	g->id = id;
	TRY(mfr__rd_str(&ld->rd, obj, "name", 1, NULL, &g->name));
	TRY(mfr__rd_check_length(&ld->rd, g->name, MFR_NAME_MAX_LENGTH, "a name"));
	TRY(mfr__rd_array(&ld->rd, obj, "sites", 1, 1, &arr));
	if (json_array_size(arr) > MAX_SEGMENT_SITES) {
		mfr__rd_push(&ld->rd, ".sites");
		return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "a segment stands for at most %d "
				    "sites, not %zu; name the region that encloses them",
				    MAX_SEGMENT_SITES, json_array_size(arr));
	}
	g->site_count = (uint32_t)json_array_size(arr);
	g->sites = mfr__rd_alloc(&ld->rd, g->site_count, sizeof(*g->sites));
	if (!g->sites)
		return mfr__rd_nomem(&ld->rd);
	mfr__seen_init(&seen);
	json_array_foreach(arr, i, v) {
		size_t mark = mfr__rd_push(&ld->rd, ".sites[%zu]", i);

		st = load_segment_site(ld, v, &g->sites[i]);
		if (st == MFR_OK) {
			uint32_t rep = mfr__seen_add(&seen, mfr__hash_u32(mfr__site_id(
						     g->sites[i].region, g->sites[i].side)),
						     (uint32_t)i, same_segment_site, g->sites);
			if (rep == MFR_SEEN_NOMEM)
				st = mfr__rd_nomem(&ld->rd);
			else if (rep != MFR_SEEN_NEW)
				st = mfr__rd_fail(&ld->rd, MFR_E_DUPLICATE, "the site is "
						  "sites[%u] already; give each site once", rep);
		}
		if (st != MFR_OK)
			break;
		mfr__rd_pop(&ld->rd, mark);
	}
	mfr__seen_free(&seen);
	return st;
}

static mfr_status_t load_body_map(loader *ld, json_t *root)
{
	json_t *obj, *arr, *v;
	size_t i;

	TRY(mfr__rd_member(&ld->rd, root, "body_map", 0, JSON_OBJECT, "an object", &obj));
	if (!obj)
		return MFR_OK;
	size_t mark = mfr__rd_push(&ld->rd, "body_map");
	mfr_body_map *b = mfr__rd_alloc(&ld->rd, 1, sizeof(*b));
	if (!b)
		return mfr__rd_nomem(&ld->rd);
	TRY(mfr__rd_check_members(&ld->rd, obj, body_map_members, "a body map"));
	TRY(mfr__rd_str(&ld->rd, obj, "name", 1, NULL, &b->name));
	TRY(mfr__rd_check_length(&ld->rd, b->name, MFR_NAME_MAX_LENGTH, "a name"));
	TRY(mfr__rd_str(&ld->rd, obj, "citation", 1, NULL, &b->citation));
	TRY(mfr__rd_check_length(&ld->rd, b->citation, MFR_TEXT_MAX_LENGTH, "a text"));
	TRY(mfr__rd_array(&ld->rd, obj, "segments", 1, 1, &arr));
	b->segment_count = (uint32_t)json_array_size(arr);
	b->segments = mfr__rd_alloc(&ld->rd, b->segment_count, sizeof(*b->segments));
	if (!b->segments)
		return mfr__rd_nomem(&ld->rd);
	json_array_foreach(arr, i, v) {
		size_t m2 = mfr__rd_push(&ld->rd, ".segments[%zu]", i);

		TRY(load_segment(ld, v, &b->segments[i], i ? b->segments[i - 1].id : 0));
		mfr__rd_pop(&ld->rd, m2);
	}
	TRY(get_provenance(ld, obj, &b->prov));
	mfr__rd_pop(&ld->rd, mark);
	ld->m->body_map = b;
	return MFR_OK;
}

/* ---- the whole document ---------------------------------------------------- */

static const char *const top_members[] = {
	"format", "format_version", "name", "model_version", "description",
	"sources", "regions", "lines", "referrals", "techniques", "conditions",
	"precautions", "aftercare", "danger_zones", "screening", "chart", "body_map", NULL
};

static mfr_status_t load_document(loader *ld, json_t *root)
{
	mfr_model *m = ld->m;
	json_t *v;

	if (!json_is_object(root))
		return mfr__rd_fail(&ld->rd, MFR_E_TYPE, "a model document is a JSON object, "
			    "found %s", mfr__rd_type_name(root));
	TRY(mfr__rd_member(&ld->rd, root, "format", 1, JSON_STRING, "the string \"" FORMAT_NAME "\"", &v));
	if (strcmp(json_string_value(v), FORMAT_NAME) != 0) {
		mfr__rd_push(&ld->rd, "format");
		return mfr__rd_fail(&ld->rd, MFR_E_VERSION, "\"%s\" is not a libmfr model; the "
			    "\"format\" member must be \"" FORMAT_NAME "\"",
			    json_string_value(v));
	}
	TRY(mfr__rd_member(&ld->rd, root, "format_version", 1, JSON_INTEGER, "an integer", &v));
	if (json_integer_value(v) != FORMAT_VERSION) {
		mfr__rd_push(&ld->rd, "format_version");
		return mfr__rd_fail(&ld->rd, MFR_E_VERSION, "format version %" JSON_INTEGER_FORMAT
			    " is not supported; this libmfr reads version %d",
			    json_integer_value(v), FORMAT_VERSION);
	}
	TRY(mfr__rd_check_members(&ld->rd, root, top_members, "a model"));
	TRY(mfr__rd_str(&ld->rd, root, "name", 1, NULL, &m->name));
	TRY(mfr__rd_str(&ld->rd, root, "model_version", 1, NULL, &m->version));
	TRY(mfr__rd_str(&ld->rd, root, "description", 0, "", &m->description));

	for (size_t s = 0; s < N_SECTIONS; s++)
		TRY(index_section(ld, root, &sections[s]));

	LOAD_SECTION(ld, root, "sources", m->sources, m->source_count, load_source);
	LOAD_SECTION(ld, root, "regions", m->regions, m->region_count, load_region);
	TRY(check_hierarchy(ld));
	TRY(derive_reach(ld));
	TRY(load_adjacency(ld, root));
	/* Techniques before precautions is not needed (keys are indexed), but
	 * lines need complete regions for their side checks. */
	LOAD_SECTION(ld, root, "lines", m->lines, m->line_count, load_line);
	LOAD_SECTION(ld, root, "referrals", m->referrals, m->referral_count, load_referral);
	LOAD_SECTION(ld, root, "techniques", m->techniques, m->technique_count, load_technique);
	LOAD_SECTION(ld, root, "conditions", m->conditions, m->condition_count, load_condition);
	LOAD_SECTION(ld, root, "precautions", m->precautions, m->precaution_count, load_precaution);
	LOAD_SECTION(ld, root, "aftercare", m->aftercare, m->aftercare_count, load_aftercare);
	LOAD_SECTION(ld, root, "danger_zones", m->danger_zones, m->danger_zone_count,
		     load_danger_zone);
	LOAD_SECTION(ld, root, "screening", m->screening, m->screening_count, load_screening);
	TRY(derive_symptom_screening(ld));
	TRY(derive_covered(ld));
	TRY(load_chart(ld, root));
	TRY(load_body_map(ld, root));
	mfr_graph_excess excess;
	int built = mfr__graph_build(&m->graph, m, &m->arena, &excess);
	if (built < 0)
		return mfr__rd_nomem(&ld->rd);
	if (built > 0 && excess.line_edges == 0) {
		mfr__rd_push(&ld->rd, "regions");
		return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "the model's site graph would "
			"have more than %zu edges (the limit) from the region "
			"hierarchy and adjacency alone; split the model",
			(size_t)MFR_GRAPH_MAX_EDGES);
	}
	if (built > 0) {
		const mfr_line *l = &m->lines[excess.line];

		mfr__rd_push(&ld->rd, "lines[%u]", excess.line);
		return mfr__rd_fail(&ld->rd, MFR_E_RANGE, "the model's site graph would "
			"have more than %zu edges (the limit), and line \"%s\" alone "
			"adds %zu or more; every pair of regions in a node, and in two "
			"consecutive nodes, is an edge: list fewer regions per node "
			"(name the region that encloses them), or split the model",
			(size_t)MFR_GRAPH_MAX_EDGES, l->key, excess.line_edges);
	}
	return MFR_OK;
}

mfr_status_t mfr__model_parse(const char *data, size_t size, const char *name,
			    mfr_model **out, mfr_error **err)
{
	loader ld = { .rd = { .err = err, .source = name ? name : "<buffer>",
			      .what = "a model",
			      .fix = "split the model, or leave out what it does not need",
			      .max_bytes = MFR_MODEL_MAX_BYTES } };
	json_t *root = NULL;
	mfr_status_t st;

	ld.m = mfr__calloc(1, sizeof(*ld.m));
	if (!ld.m)
		return mfr__error_nomem(err);
	mfr__model_init_refs(ld.m);
	ld.rd.arena = &ld.m->arena;
	ld.rd.model = ld.m;
	st = mfr__rd_parse(&ld.rd, data, size, &root);
	if (st == MFR_OK) {
		st = load_document(&ld, root);
		json_decref(root);
	}
	if (st == MFR_OK && (st = mfr__model_hash(ld.m)) != MFR_OK)
		mfr__error_nomem(err);
	if (st != MFR_OK) {
		mfr__arena_release(&ld.m->arena);
		mfr__free(ld.m);
		return st;
	}
	*out = ld.m;
	return MFR_OK;
}
