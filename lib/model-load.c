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
#include "error.h"
#include "model-private.h"
#include "names.h"
#include "suggest.h"

#define FORMAT_NAME "libmfr-model"
#define FORMAT_VERSION 1
#define MAX_HOLD_SECONDS 3600

typedef struct loader {
	mfr_model *m;
	mfr_error **err;
	const char *source;
	char path[512];
	size_t plen;
} loader;

/* ---- paths and failures ------------------------------------------------ */

static size_t path_push(loader *ld, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static size_t path_push(loader *ld, const char *fmt, ...)
{
	size_t mark = ld->plen;
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(ld->path + ld->plen, sizeof(ld->path) - ld->plen, fmt, ap);
	va_end(ap);
	if (n > 0)
		ld->plen += (size_t)n;
	if (ld->plen >= sizeof(ld->path))
		ld->plen = sizeof(ld->path) - 1;
	return mark;
}

static void path_pop(loader *ld, size_t mark)
{
	ld->plen = mark;
	ld->path[mark] = '\0';
}

static mfr_status fail(loader *ld, mfr_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static mfr_status fail(loader *ld, mfr_status st, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	mfr_where where = { ld->source, ld->path, 0, 0, -1 };
	return mfr__error_set(ld->err, st, &where, "%s: %s: %s", ld->source,
			      ld->path[0] ? ld->path : "(top level)", msg);
}

static mfr_status nomem(loader *ld)
{
	return mfr__error_nomem(ld->err);
}

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number with a fraction";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

#define TRY(expr)                                  \
	do {                                       \
		mfr_status st_ = (expr);           \
		if (st_ != MFR_OK)                 \
			return st_;                \
	} while (0)

/* ---- allocation -------------------------------------------------------- */

static void *alloc_array(loader *ld, size_t count, size_t size)
{
	if (count && size > SIZE_MAX / count)
		return NULL;
	return mfr__arena_alloc(&ld->m->arena, count * size);
}

static mfr_status copy_str(loader *ld, const char *s, const char **out)
{
	*out = mfr__arena_strdup(&ld->m->arena, s);
	return *out ? MFR_OK : nomem(ld);
}

/* ---- members ------------------------------------------------------------ */

static const char *str_at(const void *cands, size_t i)
{
	return ((const char *const *)cands)[i];
}

/* Fail on any member of @p obj not in the NULL-terminated @p allowed. */
static mfr_status check_members(loader *ld, json_t *obj, const char *const *allowed,
				const char *what)
{
	const char *name;
	json_t *value;
	size_t n = 0;

	while (allowed[n])
		n++;
	json_object_foreach(obj, name, value) {
		size_t i;

		for (i = 0; i < n; i++)
			if (strcmp(name, allowed[i]) == 0)
				break;
		if (i < n)
			continue;

		const char *sugg[3];
		char hint[160], list[512] = "";
		uint32_t ns = mfr__suggest(name, allowed, n, str_at, sugg, 3);
		size_t used = 0;

		mfr__suggest_text(sugg, ns, hint, sizeof(hint));
		for (i = 0; i < n && used < sizeof(list); i++)
			used += (size_t)snprintf(list + used, sizeof(list) - used,
						 "%s%s", i ? ", " : "", allowed[i]);
		return fail(ld, MFR_E_UNKNOWN,
			    "unknown member \"%s\"%s; the members of %s are: %s",
			    name, hint, what, list);
	}
	return MFR_OK;
}

/* The member @p name of @p obj, checked for @p type; NULL (and MFR_OK) when
 * absent and optional. */
static mfr_status member(loader *ld, json_t *obj, const char *name, int required,
			 json_type type, const char *type_text, json_t **out)
{
	json_t *v = json_object_get(obj, name);

	*out = NULL;
	if (!v) {
		if (!required)
			return MFR_OK;
		return fail(ld, MFR_E_MISSING,
			    "required member \"%s\" is missing; add it (%s)", name,
			    type_text);
	}
	int ok = json_typeof(v) == type ||
		 (type == JSON_TRUE && json_typeof(v) == JSON_FALSE);
	if (!ok) {
		size_t mark = path_push(ld, ".%s", name);
		mfr_status st = fail(ld, MFR_E_TYPE, "expected %s, found %s",
				     type_text, type_name(v));
		path_pop(ld, mark);
		return st;
	}
	*out = v;
	return MFR_OK;
}

static mfr_status get_str(loader *ld, json_t *obj, const char *name, int required,
			  const char *dflt, const char **out)
{
	json_t *v;

	TRY(member(ld, obj, name, required, JSON_STRING, "a string", &v));
	if (!v) {
		*out = dflt;
		return MFR_OK;
	}
	if (required && json_string_length(v) == 0) {
		size_t mark = path_push(ld, ".%s", name);
		mfr_status st = fail(ld, MFR_E_RANGE, "must not be empty");
		path_pop(ld, mark);
		return st;
	}
	return copy_str(ld, json_string_value(v), out);
}

static int key_is_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 1 || n > 63 || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (size_t i = 1; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return 0;
	}
	return 1;
}

static mfr_status check_key_text(loader *ld, const char *s)
{
	if (key_is_valid(s))
		return MFR_OK;
	return fail(ld, MFR_E_RANGE,
		    "\"%s\" is not a valid key; a key is 1 to 63 characters from "
		    "a-z, 0-9 and _, starting with a letter", s);
}

static mfr_status get_bool(loader *ld, json_t *obj, const char *name, uint8_t *out)
{
	json_t *v;

	TRY(member(ld, obj, name, 0, JSON_TRUE, "true or false", &v));
	*out = v ? (uint8_t)json_is_true(v) : 0;
	return MFR_OK;
}

static mfr_status parse_enum(loader *ld, json_t *v, const mfr_names *names, int *out)
{
	char list[512];

	if (!json_is_string(v))
		return fail(ld, MFR_E_TYPE, "expected a %s name (a string), found %s",
			    names->what, type_name(v));
	*out = mfr__value_of(names, json_string_value(v));
	if (*out)
		return MFR_OK;
	mfr__names_list(names, list, sizeof(list));
	return fail(ld, MFR_E_UNKNOWN, "unknown %s \"%s\"; use %s", names->what,
		    json_string_value(v), list);
}

static mfr_status get_enum(loader *ld, json_t *obj, const char *name, int required,
			   const mfr_names *names, int *out)
{
	json_t *v = json_object_get(obj, name);

	*out = 0;
	if (!v) {
		if (!required)
			return MFR_OK;
		return fail(ld, MFR_E_MISSING, "required member \"%s\" is missing; "
			    "add it (a %s name)", name, names->what);
	}
	size_t mark = path_push(ld, ".%s", name);
	mfr_status st = parse_enum(ld, v, names, out);
	path_pop(ld, mark);
	return st;
}

static mfr_status get_array(loader *ld, json_t *obj, const char *name, int required,
			    size_t min_items, json_t **out)
{
	TRY(member(ld, obj, name, required, JSON_ARRAY, "an array", out));
	if (*out && json_array_size(*out) < min_items) {
		size_t mark = path_push(ld, ".%s", name);
		mfr_status st = fail(ld, MFR_E_RANGE,
				     "needs at least %zu item%s, has %zu", min_items,
				     min_items == 1 ? "" : "s", json_array_size(*out));
		path_pop(ld, mark);
		return st;
	}
	return MFR_OK;
}

/* A set of enum bits (positions, suits): no repeats; non-empty if required. */
static mfr_status get_mask(loader *ld, json_t *obj, const char *name, int required,
			   const mfr_names *names, uint32_t *out)
{
	json_t *arr, *v;
	size_t i;

	*out = 0;
	TRY(get_array(ld, obj, name, required, required ? 1 : 0, &arr));
	if (!arr)
		return MFR_OK;
	json_array_foreach(arr, i, v) {
		size_t mark = path_push(ld, ".%s[%zu]", name, i);
		int bit = 0;
		mfr_status st = parse_enum(ld, v, names, &bit);

		if (st == MFR_OK && (*out & (uint32_t)bit))
			st = fail(ld, MFR_E_DUPLICATE, "\"%s\" is listed twice; "
				  "remove the repeat", json_string_value(v));
		path_pop(ld, mark);
		if (st != MFR_OK)
			return st;
		*out |= (uint32_t)bit;
	}
	return MFR_OK;
}

/* ---- keys and references ------------------------------------------------ */

static const char *entry_key(const void *cands, size_t i)
{
	return ((const mfr_key_entry *)cands)[i].key;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const mfr_key_entry *)a)->key, ((const mfr_key_entry *)b)->key);
}

/* Resolve one reference to an entity of @p kind; the path names the place. */
static mfr_status resolve(loader *ld, json_t *v, int kind, uint32_t *out)
{
	const mfr_key_index *ix = &ld->m->index[kind];
	const char *what = mfr__name_of(&mfr__kind_names, kind);

	if (!json_is_string(v))
		return fail(ld, MFR_E_TYPE, "expected a %s key (a string), found %s",
			    what, type_name(v));

	const char *key = json_string_value(v);
	int64_t at = mfr__model_find(ld->m, kind, key);

	if (at >= 0) {
		*out = (uint32_t)at;
		return MFR_OK;
	}

	const char *sugg[3];
	char hint[200];
	uint32_t ns = mfr__suggest(key, ix->entries, ix->count, entry_key, sugg, 3);

	mfr__suggest_text(sugg, ns, hint, sizeof(hint));
	return fail(ld, MFR_E_REFERENCE,
		    "unknown %s \"%s\"%s; a reference must name a %s defined in the "
		    "\"%ss\" section", what, key, hint, what, what);
}

/* An array of references, resolved to file indexes, with no repeats. */
static mfr_status get_refs(loader *ld, json_t *obj, const char *name, int required,
			   size_t min_items, int kind, uint32_t **out, uint32_t *count)
{
	json_t *arr, *v;
	size_t i;

	*out = NULL;
	*count = 0;
	TRY(get_array(ld, obj, name, required, min_items, &arr));
	if (!arr || json_array_size(arr) == 0)
		return MFR_OK;
	uint32_t *idx = alloc_array(ld, json_array_size(arr), sizeof(*idx));
	if (!idx)
		return nomem(ld);
	json_array_foreach(arr, i, v) {
		size_t mark = path_push(ld, ".%s[%zu]", name, i);
		mfr_status st = resolve(ld, v, kind, &idx[i]);

		for (size_t j = 0; st == MFR_OK && j < i; j++)
			if (idx[j] == idx[i])
				st = fail(ld, MFR_E_DUPLICATE,
					  "\"%s\" is listed twice; remove the repeat",
					  json_string_value(v));
		path_pop(ld, mark);
		if (st != MFR_OK)
			return st;
	}
	*out = idx;
	*count = (uint32_t)json_array_size(arr);
	return MFR_OK;
}

#define DEFINE_REFS(fn, type, kind, array)                                     \
	static mfr_status fn(loader *ld, json_t *obj, const char *name,        \
			     int required, size_t min_items, const type ***out,  \
			     uint32_t *count)                                    \
	{                                                                      \
		uint32_t *idx;                                                 \
		*out = NULL;                                                   \
		TRY(get_refs(ld, obj, name, required, min_items, kind, &idx,  \
			     count));                                          \
		if (!*count)                                                   \
			return MFR_OK;                                         \
		const type **p = alloc_array(ld, *count, sizeof(*p));          \
		if (!p)                                                        \
			return nomem(ld);                                      \
		for (uint32_t i = 0; i < *count; i++)                          \
			p[i] = &ld->m->array[idx[i]];                          \
		*out = p;                                                      \
		return MFR_OK;                                                 \
	}

DEFINE_REFS(get_region_refs, mfr_region, MFR_KIND_REGION, regions)
DEFINE_REFS(get_line_refs, mfr_line, MFR_KIND_LINE, lines)
DEFINE_REFS(get_technique_refs, mfr_technique, MFR_KIND_TECHNIQUE, techniques)
DEFINE_REFS(get_source_refs, mfr_source, MFR_KIND_SOURCE, sources)

static mfr_status get_region_ref(loader *ld, json_t *obj, const char *name,
				 int required, const mfr_region **out)
{
	json_t *v = json_object_get(obj, name);
	uint32_t at;

	*out = NULL;
	if (!v) {
		if (!required)
			return MFR_OK;
		return fail(ld, MFR_E_MISSING, "required member \"%s\" is missing; "
			    "add it (a region key)", name);
	}
	size_t mark = path_push(ld, ".%s", name);
	mfr_status st = resolve(ld, v, MFR_KIND_REGION, &at);
	path_pop(ld, mark);
	if (st == MFR_OK)
		*out = &ld->m->regions[at];
	return st;
}

/* An array of non-empty strings (codes). */
static mfr_status get_strings(loader *ld, json_t *obj, const char *name, int required,
			      const char ***out, uint32_t *count)
{
	json_t *arr, *v;
	size_t i;

	*out = NULL;
	*count = 0;
	TRY(get_array(ld, obj, name, required, required ? 1 : 0, &arr));
	if (!arr || json_array_size(arr) == 0)
		return MFR_OK;
	const char **p = alloc_array(ld, json_array_size(arr), sizeof(*p));
	if (!p)
		return nomem(ld);
	json_array_foreach(arr, i, v) {
		size_t mark = path_push(ld, ".%s[%zu]", name, i);
		mfr_status st = MFR_OK;

		if (!json_is_string(v))
			st = fail(ld, MFR_E_TYPE, "expected a string, found %s",
				  type_name(v));
		else if (json_string_length(v) == 0)
			st = fail(ld, MFR_E_RANGE, "must not be empty");
		else
			st = copy_str(ld, json_string_value(v), &p[i]);
		path_pop(ld, mark);
		if (st != MFR_OK)
			return st;
	}
	*out = p;
	*count = (uint32_t)json_array_size(arr);
	return MFR_OK;
}

static mfr_status get_provenance(loader *ld, json_t *obj, mfr_provenance *prov)
{
	TRY(get_source_refs(ld, obj, "sources", 1, 1, &prov->sources,
			    &prov->source_count));
	TRY(get_bool(ld, obj, "convention", &prov->convention));
	return get_str(ld, obj, "note", 0, "", &prov->note);
}

/* ---- pass 1: sections and keys ------------------------------------------ */

typedef struct section {
	const char *name; /* member of the top level */
	int kind;
	size_t size;      /* of one entity */
	size_t key_offset; /* of its `const char *key` */
} section;

#define SECTION(name, kind, type) \
	{ name, kind, sizeof(type), offsetof(type, key) }

static const section sections[] = {
	SECTION("sources", MFR_KIND_SOURCE, mfr_source),
	SECTION("regions", MFR_KIND_REGION, mfr_region),
	SECTION("lines", MFR_KIND_LINE, mfr_line),
	SECTION("referrals", MFR_KIND_REFERRAL, mfr_referral),
	SECTION("techniques", MFR_KIND_TECHNIQUE, mfr_technique),
	SECTION("conditions", MFR_KIND_CONDITION, mfr_condition),
	SECTION("precautions", MFR_KIND_PRECAUTION, mfr_precaution),
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
	default: *count = &m->precaution_count; return (void **)&m->precautions;
	}
}

/* Allocate a section's entities, read their keys, index them and reject
 * duplicates. */
static mfr_status index_section(loader *ld, json_t *root, const section *sec)
{
	json_t *arr, *item;
	size_t i;
	uint32_t *count;
	void **array = section_array(ld->m, sec->kind, &count);

	TRY(get_array(ld, root, sec->name, 1, 0, &arr));
	if (json_array_size(arr) > UINT32_MAX / 2)
		return fail(ld, MFR_E_RANGE, "\"%s\" has too many items", sec->name);
	size_t n = json_array_size(arr);
	unsigned char *items = alloc_array(ld, n ? n : 1, sec->size);
	mfr_key_entry *entries = alloc_array(ld, n ? n : 1, sizeof(*entries));
	if (!items || !entries)
		return nomem(ld);

	json_array_foreach(arr, i, item) {
		size_t mark = path_push(ld, "%s[%zu]", sec->name, i);
		const char *key = NULL;
		mfr_status st = MFR_OK;

		if (!json_is_object(item))
			st = fail(ld, MFR_E_TYPE, "expected an object, found %s",
				  type_name(item));
		if (st == MFR_OK)
			st = get_str(ld, item, "key", 1, NULL, &key);
		if (st == MFR_OK) {
			size_t km = path_push(ld, ".key");
			st = check_key_text(ld, key);
			path_pop(ld, km);
		}
		path_pop(ld, mark);
		if (st != MFR_OK)
			return st;
		memcpy(items + i * sec->size + sec->key_offset, &key, sizeof(key));
		entries[i].key = key;
		entries[i].at = (uint32_t)i;
	}
	qsort(entries, n, sizeof(*entries), entry_cmp);
	for (size_t k = 1; k < n; k++) {
		if (strcmp(entries[k - 1].key, entries[k].key) != 0)
			continue;
		uint32_t first = entries[k - 1].at, second = entries[k].at;
		if (first > second) {
			uint32_t t = first;
			first = second;
			second = t;
		}
		size_t mark = path_push(ld, "%s[%u].key", sec->name, second);
		mfr_status st = fail(ld, MFR_E_DUPLICATE,
				     "duplicate key \"%s\", first defined at %s[%u]; "
				     "keys must be unique within a section",
				     entries[k].key, sec->name, first);
		path_pop(ld, mark);
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

static mfr_status load_source(loader *ld, json_t *obj, mfr_source *s, uint32_t i)
{
	TRY(check_members(ld, obj, source_members, "a source"));
	s->index = i;
	TRY(get_str(ld, obj, "citation", 1, NULL, &s->citation));
	return get_str(ld, obj, "note", 0, "", &s->note);
}

static const char *const region_members[] = {
	"key", "name", "kind", "parent", "laterality", "positions", "depth",
	"codes", "adjacent", "sources", "convention", "note", NULL
};
static const char *const code_members[] = { "snomed", "fma", "uberon", NULL };

static mfr_status load_region(loader *ld, json_t *obj, mfr_region *r, uint32_t i)
{
	int v;
	json_t *codes;

	TRY(check_members(ld, obj, region_members, "a region"));
	r->index = i;
	TRY(get_str(ld, obj, "name", 1, NULL, &r->name));
	TRY(get_enum(ld, obj, "kind", 1, &mfr__region_kind_names, &v));
	r->kind = (uint8_t)v;
	TRY(get_region_ref(ld, obj, "parent", 0, &r->parent));
	if (r->parent == r)
		return fail(ld, MFR_E_CYCLE, "region \"%s\" is its own parent; "
			    "name the region that encloses it", r->key);
	TRY(get_enum(ld, obj, "laterality", 1, &mfr__laterality_names, &v));
	r->laterality = (uint8_t)v;
	TRY(get_mask(ld, obj, "positions", 1, &mfr__position_names, &r->positions));
	TRY(get_enum(ld, obj, "depth", 1, &mfr__depth_names, &v));
	r->depth = (uint8_t)v;
	TRY(member(ld, obj, "codes", 0, JSON_OBJECT, "an object", &codes));
	if (codes) {
		size_t mark = path_push(ld, ".codes");
		mfr_status st = check_members(ld, codes, code_members, "codes");
		if (st == MFR_OK)
			st = get_str(ld, codes, "snomed", 0, NULL, &r->snomed);
		if (st == MFR_OK)
			st = get_str(ld, codes, "fma", 0, NULL, &r->fma);
		if (st == MFR_OK)
			st = get_str(ld, codes, "uberon", 0, NULL, &r->uberon);
		path_pop(ld, mark);
		TRY(st);
	}
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

static mfr_status load_node(loader *ld, json_t *obj, mfr_line_node *n)
{
	int v;

	if (!json_is_object(obj))
		return fail(ld, MFR_E_TYPE, "expected a node object, found %s",
			    type_name(obj));
	TRY(check_members(ld, obj, node_members, "a line node"));
	TRY(get_enum(ld, obj, "kind", 1, &mfr__node_kind_names, &v));
	n->kind = (uint8_t)v;
	TRY(get_region_refs(ld, obj, "regions", 1, 1, &n->regions, &n->region_count));
	TRY(get_enum(ld, obj, "side", 1, &mfr__line_side_names, &v));
	n->side = (uint8_t)v;
	TRY(get_bool(ld, obj, "may_cross", &n->may_cross));
	TRY(get_str(ld, obj, "note", 0, "", &n->note));

	/* A node's side must agree with its regions' laterality. */
	for (uint32_t k = 0; k < n->region_count; k++) {
		const mfr_region *r = n->regions[k];
		int midline = r->laterality == MFR_LATERALITY_MIDLINE;

		if (midline == (n->side == MFR_LINE_MID))
			continue;
		size_t mark = path_push(ld, ".side");
		mfr_status st = fail(ld, MFR_E_CONSTRAINT,
			"side \"%s\" does not fit region \"%s\", which is %s; use "
			"\"mid\" exactly for midline regions and \"ipsi\" or "
			"\"contra\" for bilateral ones",
			mfr__name_of(&mfr__line_side_names, n->side), r->key,
			mfr__name_of(&mfr__laterality_names, r->laterality));
		path_pop(ld, mark);
		return st;
	}
	return MFR_OK;
}

static mfr_status load_branch(loader *ld, json_t *obj, mfr_line *line,
			      mfr_line_branch *b)
{
	json_t *nodes, *item;
	size_t i;
	int last_side = 0;

	if (!json_is_object(obj))
		return fail(ld, MFR_E_TYPE, "expected a branch object, found %s",
			    type_name(obj));
	TRY(check_members(ld, obj, branch_members, "a branch"));
	b->line = line;
	TRY(get_str(ld, obj, "key", 1, NULL, &b->key));
	{
		size_t mark = path_push(ld, ".key");
		mfr_status st = check_key_text(ld, b->key);
		path_pop(ld, mark);
		TRY(st);
	}
	TRY(get_str(ld, obj, "name", 0, "", &b->name));
	TRY(get_array(ld, obj, "nodes", 1, 2, &nodes));
	b->node_count = (uint32_t)json_array_size(nodes);
	b->nodes = alloc_array(ld, b->node_count, sizeof(*b->nodes));
	if (!b->nodes)
		return nomem(ld);
	json_array_foreach(nodes, i, item) {
		mfr_line_node *n = &b->nodes[i];
		size_t mark = path_push(ld, ".nodes[%zu]", i);
		mfr_status st = load_node(ld, item, n);

		path_pop(ld, mark);
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

static mfr_status load_line(loader *ld, json_t *obj, mfr_line *l, uint32_t i)
{
	json_t *branches, *item;
	size_t k;
	int v;

	TRY(check_members(ld, obj, line_members, "a line"));
	l->index = i;
	TRY(get_str(ld, obj, "abbrev", 1, NULL, &l->abbrev));
	TRY(get_str(ld, obj, "name", 1, NULL, &l->name));
	TRY(get_enum(ld, obj, "evidence", 1, &mfr__evidence_names, &v));
	l->evidence = (uint8_t)(v - 1);
	TRY(get_source_refs(ld, obj, "evidence_sources", 0, 0, &l->evidence_sources,
			    &l->evidence_source_count));
	if (l->evidence != MFR_EVIDENCE_NOT_ASSESSED && !l->evidence_source_count)
		return fail(ld, MFR_E_MISSING,
			    "\"evidence_sources\" is required when the evidence is "
			    "graded (\"%s\"); cite where the grade comes from, or "
			    "use \"not_assessed\"", mfr_evidence_name(l->evidence));
	TRY(get_array(ld, obj, "branches", 1, 1, &branches));
	l->branch_count = (uint32_t)json_array_size(branches);
	l->branches = alloc_array(ld, l->branch_count, sizeof(*l->branches));
	if (!l->branches)
		return nomem(ld);
	json_array_foreach(branches, k, item) {
		size_t mark = path_push(ld, ".branches[%zu]", k);
		mfr_status st = load_branch(ld, item, l, &l->branches[k]);

		for (size_t j = 0; st == MFR_OK && j < k; j++)
			if (strcmp(l->branches[j].key, l->branches[k].key) == 0)
				st = fail(ld, MFR_E_DUPLICATE,
					  "duplicate branch key \"%s\" (first at "
					  "branches[%zu]); branch keys must be unique "
					  "within a line", l->branches[k].key, j);
		path_pop(ld, mark);
		TRY(st);
	}
	return get_provenance(ld, obj, &l->prov);
}

static const char *const referral_members[] = {
	"key", "muscle", "trigger_point", "zones", "split_convention", "disputed",
	"sources", "convention", "note", NULL
};
static const char *const zone_members[] = { "area", "zone", "bilateral", NULL };

static mfr_status load_zone(loader *ld, json_t *obj, mfr_zone *z)
{
	int v;

	if (!json_is_object(obj))
		return fail(ld, MFR_E_TYPE, "expected a zone object, found %s",
			    type_name(obj));
	TRY(check_members(ld, obj, zone_members, "a zone"));
	TRY(get_region_ref(ld, obj, "area", 1, &z->area));
	if (z->area->kind != MFR_REGION_AREA && z->area->kind != MFR_REGION_PART) {
		size_t mark = path_push(ld, ".area");
		mfr_status st = fail(ld, MFR_E_CONSTRAINT,
			"\"%s\" is a %s; a referral zone must be an area or a part "
			"(where a client feels pain)", z->area->key,
			mfr_region_kind_name(z->area->kind));
		path_pop(ld, mark);
		return st;
	}
	TRY(get_enum(ld, obj, "zone", 1, &mfr__zone_kind_names, &v));
	z->kind = (uint8_t)v;
	return get_bool(ld, obj, "bilateral", &z->bilateral);
}

static mfr_status load_referral(loader *ld, json_t *obj, mfr_referral *r, uint32_t i)
{
	json_t *zones, *item;
	size_t k;

	TRY(check_members(ld, obj, referral_members, "a referral"));
	r->index = i;
	TRY(get_region_ref(ld, obj, "muscle", 1, &r->muscle));
	if (r->muscle->kind != MFR_REGION_MUSCLE) {
		size_t mark = path_push(ld, ".muscle");
		mfr_status st = fail(ld, MFR_E_CONSTRAINT,
			"\"%s\" is a %s; a trigger point lies in a muscle region",
			r->muscle->key, mfr_region_kind_name(r->muscle->kind));
		path_pop(ld, mark);
		return st;
	}
	TRY(get_str(ld, obj, "trigger_point", 1, NULL, &r->trigger_point));
	TRY(get_array(ld, obj, "zones", 1, 1, &zones));
	r->zone_count = (uint32_t)json_array_size(zones);
	r->zones = alloc_array(ld, r->zone_count, sizeof(*r->zones));
	if (!r->zones)
		return nomem(ld);
	json_array_foreach(zones, k, item) {
		size_t mark = path_push(ld, ".zones[%zu]", k);
		mfr_status st = load_zone(ld, item, &r->zones[k]);

		for (size_t j = 0; st == MFR_OK && j < k; j++)
			if (r->zones[j].area == r->zones[k].area)
				st = fail(ld, MFR_E_DUPLICATE,
					  "area \"%s\" is listed twice (first at "
					  "zones[%zu]); give each area once, with its "
					  "strongest zone", r->zones[k].area->key, j);
		path_pop(ld, mark);
		TRY(st);
	}
	TRY(get_bool(ld, obj, "split_convention", &r->split_convention));
	TRY(get_bool(ld, obj, "disputed", &r->disputed));
	return get_provenance(ld, obj, &r->prov);
}

static const char *const technique_members[] = {
	"key", "name", "family", "approach", "pressure", "depth", "hold_seconds",
	"hold_convention", "positions", "regions", "suits", "sources",
	"convention", "note", NULL
};
static const char *const range_members[] = { "min", "max", NULL };

static mfr_status get_seconds(loader *ld, json_t *obj, const char *name, uint32_t *out)
{
	json_t *v;

	TRY(member(ld, obj, name, 1, JSON_INTEGER, "a whole number of seconds", &v));
	json_int_t s = json_integer_value(v);
	if (s < 1 || s > MAX_HOLD_SECONDS) {
		size_t mark = path_push(ld, ".%s", name);
		mfr_status st = fail(ld, MFR_E_RANGE,
				     "%" JSON_INTEGER_FORMAT " s is out of range; "
				     "use 1 to %d seconds", s, MAX_HOLD_SECONDS);
		path_pop(ld, mark);
		return st;
	}
	*out = (uint32_t)s;
	return MFR_OK;
}

static mfr_status load_technique(loader *ld, json_t *obj, mfr_technique *t, uint32_t i)
{
	json_t *pressure, *hold;
	int v;

	TRY(check_members(ld, obj, technique_members, "a technique"));
	t->index = i;
	TRY(get_str(ld, obj, "name", 1, NULL, &t->name));
	TRY(get_enum(ld, obj, "family", 1, &mfr__family_names, &v));
	t->family = (uint8_t)v;
	TRY(get_enum(ld, obj, "approach", 1, &mfr__approach_names, &v));
	t->approach = (uint8_t)v;

	TRY(member(ld, obj, "pressure", 1, JSON_OBJECT,
		   "an object {\"min\": ..., \"max\": ...}", &pressure));
	size_t mark = path_push(ld, ".pressure");
	mfr_status st = check_members(ld, pressure, range_members, "a pressure range");
	if (st == MFR_OK)
		st = get_enum(ld, pressure, "min", 1, &mfr__pressure_names, &v);
	t->pressure_min = (uint8_t)v;
	if (st == MFR_OK)
		st = get_enum(ld, pressure, "max", 1, &mfr__pressure_names, &v);
	t->pressure_max = (uint8_t)v;
	if (st == MFR_OK && t->pressure_min > t->pressure_max)
		st = fail(ld, MFR_E_CONSTRAINT, "\"min\" (%s) is firmer than \"max\" "
			  "(%s); swap them", mfr_pressure_name(t->pressure_min),
			  mfr_pressure_name(t->pressure_max));
	path_pop(ld, mark);
	TRY(st);

	TRY(get_enum(ld, obj, "depth", 1, &mfr__depth_names, &v));
	t->depth = (uint8_t)v;
	TRY(member(ld, obj, "hold_seconds", 0, JSON_OBJECT,
		   "an object {\"min\": ..., \"max\": ...}", &hold));
	if (hold) {
		mark = path_push(ld, ".hold_seconds");
		st = check_members(ld, hold, range_members, "a hold range");
		if (st == MFR_OK)
			st = get_seconds(ld, hold, "min", &t->hold_min);
		if (st == MFR_OK)
			st = get_seconds(ld, hold, "max", &t->hold_max);
		if (st == MFR_OK && t->hold_min > t->hold_max)
			st = fail(ld, MFR_E_CONSTRAINT, "\"min\" (%u s) exceeds \"max\" "
				  "(%u s); swap them", t->hold_min, t->hold_max);
		path_pop(ld, mark);
		TRY(st);
		t->has_hold = 1;
	}
	TRY(get_bool(ld, obj, "hold_convention", &t->hold_convention));
	if (t->hold_convention && !t->has_hold)
		return fail(ld, MFR_E_CONSTRAINT, "\"hold_convention\" is set but there "
			    "is no \"hold_seconds\"; remove it or give the range");
	TRY(get_mask(ld, obj, "positions", 1, &mfr__position_names, &t->positions));
	TRY(get_region_refs(ld, obj, "regions", 0, 0, &t->regions, &t->region_count));
	TRY(get_mask(ld, obj, "suits", 0, &mfr__suits_names, &t->suits));
	return get_provenance(ld, obj, &t->prov);
}

static const char *const condition_members[] = {
	"key", "name", "icd10cm", "snomed", "areas", "lines", "regions",
	"evidence", "sources", "convention", "note", NULL
};

static mfr_status load_condition(loader *ld, json_t *obj, mfr_condition *c, uint32_t i)
{
	TRY(check_members(ld, obj, condition_members, "a condition"));
	c->index = i;
	TRY(get_str(ld, obj, "name", 1, NULL, &c->name));
	TRY(get_strings(ld, obj, "icd10cm", 1, &c->icd10cm, &c->icd10cm_count));
	TRY(get_strings(ld, obj, "snomed", 0, &c->snomed, &c->snomed_count));
	TRY(get_region_refs(ld, obj, "areas", 1, 1, &c->areas, &c->area_count));
	TRY(get_line_refs(ld, obj, "lines", 0, 0, &c->lines, &c->line_count));
	TRY(get_region_refs(ld, obj, "regions", 0, 0, &c->regions, &c->region_count));
	TRY(get_str(ld, obj, "evidence", 0, "", &c->evidence));
	return get_provenance(ld, obj, &c->prov);
}

static const char *const precaution_members[] = {
	"key", "name", "scope", "severity", "needs_clearance", "avoid_site",
	"avoid_adjacent", "avoid_regions", "pressure_ceiling",
	"excluded_techniques", "effect", "sources", "convention", "note", NULL
};

static mfr_status load_precaution(loader *ld, json_t *obj, mfr_precaution *p, uint32_t i)
{
	int v;

	TRY(check_members(ld, obj, precaution_members, "a precaution"));
	p->index = i;
	TRY(get_str(ld, obj, "name", 1, NULL, &p->name));
	TRY(get_enum(ld, obj, "scope", 1, &mfr__scope_names, &v));
	p->scope = (uint8_t)v;
	TRY(get_enum(ld, obj, "severity", 1, &mfr__severity_names, &v));
	p->severity = (uint8_t)v;
	TRY(get_bool(ld, obj, "needs_clearance", &p->needs_clearance));
	TRY(get_bool(ld, obj, "avoid_site", &p->avoid_site));
	TRY(get_bool(ld, obj, "avoid_adjacent", &p->avoid_adjacent));
	if ((p->avoid_site || p->avoid_adjacent) && p->scope != MFR_SCOPE_LOCAL)
		return fail(ld, MFR_E_CONSTRAINT, "\"avoid_site\" and \"avoid_adjacent\" "
			    "need a site, so they apply only to \"local\" precautions; "
			    "use \"avoid_regions\" for a global one");
	TRY(get_region_refs(ld, obj, "avoid_regions", 0, 0, &p->avoid_regions,
			    &p->avoid_region_count));
	TRY(get_enum(ld, obj, "pressure_ceiling", 0, &mfr__pressure_names, &v));
	p->pressure_ceiling = (uint8_t)v;
	TRY(get_technique_refs(ld, obj, "excluded_techniques", 0, 0,
			       &p->excluded_techniques, &p->excluded_technique_count));
	TRY(get_str(ld, obj, "effect", 1, NULL, &p->effect));
	return get_provenance(ld, obj, &p->prov);
}

/* Run @p load on every item of a section (already indexed). */
#define LOAD_SECTION(ld, root, name, array, count, load)                      \
	do {                                                                  \
		json_t *arr_ = json_object_get(root, name);                   \
		for (uint32_t i_ = 0; i_ < (count); i_++) {                   \
			size_t mark_ = path_push(ld, "%s[%u]", name, i_);     \
			mfr_status st_ = load(ld, json_array_get(arr_, i_),   \
					      &(array)[i_], i_);              \
			path_pop(ld, mark_);                                  \
			if (st_ != MFR_OK)                                    \
				return st_;                                   \
		}                                                             \
	} while (0)

/* ---- pass 3: whole-model rules ------------------------------------------- */

static mfr_status check_hierarchy(loader *ld)
{
	mfr_model *m = ld->m;
	uint32_t *nchild;

	for (uint32_t i = 0; i < m->region_count; i++) {
		const mfr_region *r = &m->regions[i];
		uint32_t steps = 0;

		for (const mfr_region *p = r->parent; p; p = p->parent) {
			if (p == r || ++steps > m->region_count) {
				char chain[256];
				size_t used = 0;
				const mfr_region *q = r;

				for (int k = 0; k < 8 && used < sizeof(chain); k++) {
					used += (size_t)snprintf(chain + used,
						sizeof(chain) - used, "%s%s",
						k ? " -> " : "", q->key);
					q = q->parent;
				}
				size_t mark = path_push(ld, "regions[%u].parent", i);
				mfr_status st = fail(ld, MFR_E_CYCLE,
					"the region hierarchy has a cycle (%s ...); "
					"give one of these regions another parent", chain);
				path_pop(ld, mark);
				return st;
			}
		}
	}
	nchild = alloc_array(ld, m->region_count ? m->region_count : 1, sizeof(*nchild));
	if (!nchild)
		return nomem(ld);
	for (uint32_t i = 0; i < m->region_count; i++)
		if (m->regions[i].parent)
			nchild[m->regions[i].parent->index]++;
	for (uint32_t i = 0; i < m->region_count; i++) {
		if (!nchild[i])
			continue;
		m->regions[i].children = alloc_array(ld, nchild[i], sizeof(mfr_region *));
		if (!m->regions[i].children)
			return nomem(ld);
	}
	for (uint32_t i = 0; i < m->region_count; i++) {
		mfr_region *p = (mfr_region *)m->regions[i].parent;
		if (p)
			p->children[p->child_count++] = &m->regions[i];
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
static mfr_status load_adjacency(loader *ld, json_t *root)
{
	mfr_model *m = ld->m;
	json_t *arr = json_object_get(root, "regions");
	const mfr_region ***lists = alloc_array(ld, m->region_count ? m->region_count : 1,
						sizeof(*lists));
	uint32_t *counts = alloc_array(ld, m->region_count ? m->region_count : 1,
				       sizeof(*counts));
	uint32_t *cap;

	if (!lists || !counts)
		return nomem(ld);
	for (uint32_t i = 0; i < m->region_count; i++) {
		size_t mark = path_push(ld, "regions[%u]", i);
		mfr_status st = get_region_refs(ld, json_array_get(arr, i), "adjacent",
						0, 0, &lists[i], &counts[i]);
		for (uint32_t k = 0; st == MFR_OK && k < counts[i]; k++)
			if (lists[i][k] == &m->regions[i])
				st = fail(ld, MFR_E_CONSTRAINT, "region \"%s\" lists "
					  "itself as adjacent; remove it",
					  m->regions[i].key);
		path_pop(ld, mark);
		TRY(st);
	}
	/* Each region's final list: its own entries plus every region that
	 * lists it, without repeats. */
	cap = alloc_array(ld, m->region_count ? m->region_count : 1, sizeof(*cap));
	if (!cap)
		return nomem(ld);
	for (uint32_t i = 0; i < m->region_count; i++) {
		cap[i] += counts[i];
		for (uint32_t k = 0; k < counts[i]; k++)
			cap[lists[i][k]->index]++;
	}
	for (uint32_t i = 0; i < m->region_count; i++) {
		if (!cap[i])
			continue;
		m->regions[i].adjacent = alloc_array(ld, cap[i], sizeof(mfr_region *));
		if (!m->regions[i].adjacent)
			return nomem(ld);
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

		qsort(r->adjacent, r->adjacent_count, sizeof(*r->adjacent),
		      region_ptr_cmp);
		for (uint32_t k = 0; k < r->adjacent_count; k++)
			if (out == 0 || r->adjacent[out - 1] != r->adjacent[k])
				r->adjacent[out++] = r->adjacent[k];
		r->adjacent_count = out;
	}
	return MFR_OK;
}

/* ---- the whole document ---------------------------------------------------- */

static const char *const top_members[] = {
	"format", "format_version", "name", "model_version", "description",
	"sources", "regions", "lines", "referrals", "techniques", "conditions",
	"precautions", NULL
};

static mfr_status load_document(loader *ld, json_t *root)
{
	mfr_model *m = ld->m;
	json_t *v;

	if (!json_is_object(root))
		return fail(ld, MFR_E_TYPE, "a model document is a JSON object, "
			    "found %s", type_name(root));
	TRY(member(ld, root, "format", 1, JSON_STRING, "the string \"" FORMAT_NAME "\"", &v));
	if (strcmp(json_string_value(v), FORMAT_NAME) != 0) {
		path_push(ld, "format");
		return fail(ld, MFR_E_VERSION, "\"%s\" is not a libmfr model; the "
			    "\"format\" member must be \"" FORMAT_NAME "\"",
			    json_string_value(v));
	}
	TRY(member(ld, root, "format_version", 1, JSON_INTEGER, "an integer", &v));
	if (json_integer_value(v) != FORMAT_VERSION) {
		path_push(ld, "format_version");
		return fail(ld, MFR_E_VERSION, "format version %" JSON_INTEGER_FORMAT
			    " is not supported; this libmfr reads version %d",
			    json_integer_value(v), FORMAT_VERSION);
	}
	TRY(check_members(ld, root, top_members, "a model"));
	TRY(get_str(ld, root, "name", 1, NULL, &m->name));
	TRY(get_str(ld, root, "model_version", 1, NULL, &m->version));
	TRY(get_str(ld, root, "description", 0, "", &m->description));

	for (size_t s = 0; s < N_SECTIONS; s++)
		TRY(index_section(ld, root, &sections[s]));

	LOAD_SECTION(ld, root, "sources", m->sources, m->source_count, load_source);
	LOAD_SECTION(ld, root, "regions", m->regions, m->region_count, load_region);
	TRY(check_hierarchy(ld));
	TRY(load_adjacency(ld, root));
	/* Techniques before precautions is not needed (keys are indexed), but
	 * lines need complete regions for their side checks. */
	LOAD_SECTION(ld, root, "lines", m->lines, m->line_count, load_line);
	LOAD_SECTION(ld, root, "referrals", m->referrals, m->referral_count, load_referral);
	LOAD_SECTION(ld, root, "techniques", m->techniques, m->technique_count, load_technique);
	LOAD_SECTION(ld, root, "conditions", m->conditions, m->condition_count, load_condition);
	LOAD_SECTION(ld, root, "precautions", m->precautions, m->precaution_count, load_precaution);
	return MFR_OK;
}

static mfr_status syntax_error(loader *ld, const json_error_t *je)
{
	if (json_error_code(je) == json_error_out_of_memory)
		return nomem(ld);

	mfr_where where = { ld->source, "", je->line > 0 ? je->line : 0,
			    je->column > 0 ? je->column : 0,
			    je->position >= 0 ? (int64_t)je->position : -1 };
	return mfr__error_set(ld->err, MFR_E_SYNTAX, &where,
			      "%s:%d:%d: malformed JSON: %s; fix the document at "
			      "that place (byte %d)", ld->source, je->line,
			      je->column, je->text, je->position);
}

mfr_status mfr__model_parse(const char *data, size_t size, const char *name,
			    mfr_model **out, mfr_error **err)
{
	loader ld = { .err = err, .source = name ? name : "<buffer>" };
	json_error_t je;
	json_t *root;
	mfr_status st;

	ld.m = mfr__calloc(1, sizeof(*ld.m));
	if (!ld.m)
		return mfr__error_nomem(err);
	root = json_loadb(data, size, JSON_REJECT_DUPLICATES, &je);
	if (!root) {
		st = syntax_error(&ld, &je);
	} else {
		st = load_document(&ld, root);
		json_decref(root);
	}
	if (st != MFR_OK) {
		mfr__arena_release(&ld.m->arena);
		mfr__free(ld.m);
		return st;
	}
	*out = ld.m;
	return MFR_OK;
}
