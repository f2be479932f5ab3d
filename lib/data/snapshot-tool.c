/*
 * libmfr build tool: write a model file as C source (lib/snapshot.h): the
 * model's arrays as static const initializers in which every reference is
 * an address expression (&t_regions[12]) or a string literal, and the
 * file's text. The compiler and linker of the machine the library is built
 * for lay it out, so the tool runs on the build machine (a native program
 * in a cross build) and nothing it writes depends on that machine's struct
 * layout, byte order or pointer width.
 *
 * Usage: mfr-snapshot MODEL.json OUTPUT.c [SYMBOL]
 * defines `const mfr_model SYMBOL`, `SYMBOL_text[]` and `SYMBOL_text_size`
 * (SYMBOL: mfr__default_model). A field this tool leaves out is zero (NULL)
 * in the output, never a stale address; the tests compare each generated
 * model with the one loaded from its file (tests/test-snapshot.c).
 * SPDX-License-Identifier: MIT
 */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "file.h"
#include "model-private.h"

/* ---- text buffers --------------------------------------------------------- */

typedef struct buf {
	char *s;
	size_t len, cap;
} buf;

static void put(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Append; the tool stops on out-of-memory (a build step, not the library). */
static void put(buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s ? b->s + b->len : NULL, b->s ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0) {
			fprintf(stderr, "mfr-snapshot: cannot format output\n");
			exit(1);
		}
		if (b->s && (size_t)n < b->cap - b->len)
			break;
		size_t cap = (b->cap + (size_t)n + 1) * 2;
		char *s = realloc(b->s, cap);
		if (!s) {
			fprintf(stderr, "mfr-snapshot: out of memory\n");
			exit(1);
		}
		b->s = s;
		b->cap = cap;
	}
	b->len += (size_t)n;
}

/* A string as a C literal, or NULL. Every byte outside printable ASCII is
 * an octal escape (at most three digits, so never run on), and '?' is
 * escaped so that no trigraph forms. A string longer than the 4095 bytes
 * ISO C promises for a literal goes into the char array t_chars. */
static void put_str(buf *b, buf *chars, size_t *nchars, const char *s)
{
	size_t n;

	if (!s) {
		put(b, "NULL");
		return;
	}
	n = strlen(s);
	if (n > 4000) {
		put(b, "&t_chars[%zu]", *nchars);
		for (size_t i = 0; i <= n; i++)
			put(chars, "%s%u,", i % 24 ? "" : "\n\t", (unsigned char)s[i]);
		*nchars += n + 1;
		return;
	}
	put(b, "\"");
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c == '"' || *c == '\\' || *c == '?')
			put(b, "\\%c", *c);
		else if (*c >= 0x20 && *c < 0x7f)
			put(b, "%c", *c);
		else
			put(b, "\\%03o", *c);
	}
	put(b, "\"");
}

/* ---- the arrays of the output --------------------------------------------- */

enum pool_id {
	/* the entities, in the model's order: element i is entity i */
	P_SOURCES, P_REGIONS, P_LINES, P_REFERRALS, P_TECHNIQUES, P_CONDITIONS,
	P_PRECAUTIONS, P_AFTERCARE, P_DANGER_ZONES, P_SCREENING,
	/* arrays of references to entities, and of strings */
	P_SOURCE_REFS, P_REGION_REFS, P_LINE_REFS, P_TECHNIQUE_REFS, P_PRECAUTION_REFS,
	P_SCREENING_REFS, P_STRING_REFS,
	/* what entities own */
	P_BRANCHES, P_NODES, P_ZONES, P_DOSES, P_WIDEN, P_POSITION_LIMITS, P_ANSWERS,
	P_CHARTS, P_CHART_AREAS, P_BODY_MAPS, P_SEGMENTS, P_SEGMENT_SITES,
	P_KEYS, P_OFFSETS, P_EDGES,
	N_POOLS
};

/* Each array's element type, its name, the type of the fields that point
 * into it as an array (a cast: the arrays are const, the model's fields are
 * not all declared so), and a zero element. */
static const struct pool_info {
	const char *type, *name, *field, *zero;
} pool_info[N_POOLS] = {
#define OF(type, name) { "const " type, name, type " *", "{ 0 }" }
#define REFS(type, name) { "const " type " *const", name, "const " type " **", "0" }
	[P_SOURCES] = OF("mfr_source", "t_sources"),
	[P_REGIONS] = OF("mfr_region", "t_regions"),
	[P_LINES] = OF("mfr_line", "t_lines"),
	[P_REFERRALS] = OF("mfr_referral", "t_referrals"),
	[P_TECHNIQUES] = OF("mfr_technique", "t_techniques"),
	[P_CONDITIONS] = OF("mfr_condition", "t_conditions"),
	[P_PRECAUTIONS] = OF("mfr_precaution", "t_precautions"),
	[P_AFTERCARE] = OF("mfr_aftercare", "t_aftercare"),
	[P_DANGER_ZONES] = OF("mfr_danger_zone", "t_danger_zones"),
	[P_SCREENING] = OF("mfr_screening", "t_screening"),
	[P_SOURCE_REFS] = REFS("mfr_source", "t_source_refs"),
	[P_REGION_REFS] = REFS("mfr_region", "t_region_refs"),
	[P_LINE_REFS] = REFS("mfr_line", "t_line_refs"),
	[P_TECHNIQUE_REFS] = REFS("mfr_technique", "t_technique_refs"),
	[P_PRECAUTION_REFS] = REFS("mfr_precaution", "t_precaution_refs"),
	[P_SCREENING_REFS] = REFS("mfr_screening", "t_screening_refs"),
	[P_STRING_REFS] = REFS("char", "t_string_refs"),
	[P_BRANCHES] = OF("mfr_line_branch", "t_branches"),
	[P_NODES] = OF("mfr_line_node", "t_nodes"),
	[P_ZONES] = OF("mfr_referral_zone", "t_zones"),
	[P_DOSES] = OF("mfr_dose", "t_doses"),
	[P_WIDEN] = OF("mfr_precaution_widening", "t_widen"),
	[P_POSITION_LIMITS] = OF("mfr_precaution_position_limit", "t_position_limits"),
	[P_ANSWERS] = OF("mfr_screening_answer", "t_answers"),
	[P_CHARTS] = OF("mfr_chart", "t_charts"),
	[P_CHART_AREAS] = OF("mfr_chart_area", "t_chart_areas"),
	[P_BODY_MAPS] = OF("mfr_body_map", "t_body_maps"),
	[P_SEGMENTS] = OF("mfr_segment", "t_segments"),
	[P_SEGMENT_SITES] = OF("mfr_segment_site", "t_segment_sites"),
	[P_KEYS] = OF("mfr_key_entry", "t_keys"),
	[P_OFFSETS] = { "const uint32_t", "t_offsets", "uint32_t *", "0" },
	[P_EDGES] = OF("mfr_edge", "t_edges"),
#undef OF
#undef REFS
};

/* The initializers of one array, one element a line; used when anything
 * refers to it (only those arrays are written). */
typedef struct pool {
	buf items;
	uint32_t count;
	int used;
} pool;

/* The model being written, the arrays being filled, and the long strings. */
typedef struct gen {
	const mfr_model *m;
	pool pools[N_POOLS];
	buf chars;
	size_t nchars;
	int failed;
} gen;

/* Start the next element of pool @p id; its text goes into the buffer
 * returned, and ends with item_end(). */
static buf *item(gen *g, enum pool_id id)
{
	put(&g->pools[id].items, "\t");
	return &g->pools[id].items;
}

static void item_end(gen *g, enum pool_id id)
{
	put(&g->pools[id].items, ",\n");
	g->pools[id].count++;
}

static void str(gen *g, buf *b, const char *s)
{
	put_str(b, &g->chars, &g->nchars, s);
}

/* The address of array @p id from element @p at, cast to its fields' type. */
static void put_array(gen *g, buf *b, enum pool_id id, uint32_t at)
{
	g->pools[id].used = 1;
	put(b, "(%s)&%s[%u]", pool_info[id].field, pool_info[id].name, at);
}

/* The entity array @p id of the model: where it starts, how many, how big. */
static const void *entity_array(const mfr_model *m, enum pool_id id, uint32_t *count,
				size_t *size)
{
#define ENTITIES(pid, array, n)                    \
	case pid:                                  \
		*count = m->n;                     \
		*size = sizeof(*m->array);         \
		return m->array
	switch (id) {
	ENTITIES(P_SOURCES, sources, source_count);
	ENTITIES(P_REGIONS, regions, region_count);
	ENTITIES(P_LINES, lines, line_count);
	ENTITIES(P_REFERRALS, referrals, referral_count);
	ENTITIES(P_TECHNIQUES, techniques, technique_count);
	ENTITIES(P_CONDITIONS, conditions, condition_count);
	ENTITIES(P_PRECAUTIONS, precautions, precaution_count);
	ENTITIES(P_AFTERCARE, aftercare, aftercare_count);
	ENTITIES(P_DANGER_ZONES, danger_zones, danger_zone_count);
	ENTITIES(P_SCREENING, screening, screening_count);
	default:
		break;
	}
#undef ENTITIES
	*count = 0;
	*size = 1;
	return NULL;
}

/* A reference to an entity of array @p id: &t_regions[12], or NULL. A
 * pointer to anything else fails the tool. */
static void put_entity(gen *g, buf *b, enum pool_id id, const void *p)
{
	uint32_t count;
	size_t size;
	uintptr_t base = (uintptr_t)entity_array(g->m, id, &count, &size);
	uintptr_t at = (uintptr_t)p;

	if (!p) {
		put(b, "NULL");
		return;
	}
	if (at >= base && (at - base) % size == 0 && (at - base) / size < count) {
		g->pools[id].used = 1;
		put(b, "&%s[%zu]", pool_info[id].name, (size_t)((at - base) / size));
		return;
	}
	fprintf(stderr, "mfr-snapshot: a reference outside %s\n", pool_info[id].name);
	g->failed = 1;
	put(b, "NULL");
}

/* An array of @p n references to entities of @p entity, appended to @p refs:
 * its address (or NULL). A macro, so that each array is read as its own
 * type. */
#define PUT_REFS(g, b, refs, entity, array, n)                                  \
	do {                                                                    \
		if (!(array)) {                                                 \
			put((b), "NULL");                                       \
			break;                                                  \
		}                                                               \
		uint32_t at_ = (g)->pools[refs].count;                          \
		for (uint32_t i_ = 0; i_ < (n); i_++) {                         \
			put_entity((g), item((g), (refs)), (entity), (array)[i_]); \
			item_end((g), (refs));                                  \
		}                                                               \
		put_array((g), (b), (refs), at_);                                    \
	} while (0)

static void put_strings(gen *g, buf *b, const char *const *array, uint32_t n)
{
	if (!array) {
		put(b, "NULL");
		return;
	}
	uint32_t at = g->pools[P_STRING_REFS].count;
	for (uint32_t i = 0; i < n; i++) {
		str(g, item(g, P_STRING_REFS), array[i]);
		item_end(g, P_STRING_REFS);
	}
	put_array(g, b, P_STRING_REFS, at);
}

/* ---- the model's parts ------------------------------------------------------ */

static void put_prov(gen *g, buf *b, const mfr_provenance *p)
{
	put(b, ".prov = { .sources = ");
	PUT_REFS(g, b, P_SOURCE_REFS, P_SOURCES, p->sources, p->source_count);
	put(b, ", .source_count = %u, .convention = %u, .note = ", p->source_count,
	    p->convention);
	str(g, b, p->note);
	put(b, " }");
}

static void put_dose(gen *g, buf *b, const mfr_dose *d)
{
	if (!d) {
		put(b, "NULL");
		return;
	}
	uint32_t at = g->pools[P_DOSES].count;
	buf *o = item(g, P_DOSES);

	put(o, "{ .pressure_ceiling = %u, .indirect_only = %u, .no_progression = %u, "
	    ".max_minutes = %u, .hold_min = %u, .hold_max = %u, ", d->pressure_ceiling,
	    d->indirect_only, d->no_progression, d->max_minutes, d->hold_min, d->hold_max);
	put_prov(g, o, &d->prov);
	put(o, " }");
	item_end(g, P_DOSES);
	g->pools[P_DOSES].used = 1;
	put(b, "&%s[%u]", pool_info[P_DOSES].name, at);
}

static void put_source(gen *g, const mfr_source *s)
{
	buf *o = item(g, P_SOURCES);

	put(o, "{ .key = ");
	str(g, o, s->key);
	put(o, ", .citation = ");
	str(g, o, s->citation);
	put(o, ", .note = ");
	str(g, o, s->note);
	put(o, ", .index = %u }", s->index);
	item_end(g, P_SOURCES);
}

static void put_region(gen *g, const mfr_region *r)
{
	buf *o = item(g, P_REGIONS);

	put(o, "{ .key = ");
	str(g, o, r->key);
	put(o, ", .name = ");
	str(g, o, r->name);
	put(o, ", .index = %u, .kind = %u, .laterality = %u, .depth = %u, .positions = %u,"
	    " .parent = ", r->index, r->kind, r->laterality, r->depth, r->positions);
	put_entity(g, o, P_REGIONS, r->parent);
	put(o, ", .children = ");
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, r->children, r->child_count);
	put(o, ", .child_count = %u, .adjacent = ", r->child_count);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, r->adjacent, r->adjacent_count);
	put(o, ", .adjacent_count = %u, .access = %u, .untreatable = %u, .reach = %u"
	    ", .snomed = ", r->adjacent_count, r->access, r->untreatable, r->reach);
	str(g, o, r->snomed);
	put(o, ", .fma = ");
	str(g, o, r->fma);
	put(o, ", .uberon = ");
	str(g, o, r->uberon);
	put(o, ", .synonyms = ");
	put_strings(g, o, r->synonyms, r->synonym_count);
	put(o, ", .synonym_count = %u, .screening = ", r->synonym_count);
	PUT_REFS(g, o, P_SCREENING_REFS, P_SCREENING, r->screening, r->screening_count);
	put(o, ", .screening_count = %u, ", r->screening_count);
	put_prov(g, o, &r->prov);
	put(o, " }");
	item_end(g, P_REGIONS);
}

static void put_node(gen *g, const mfr_line_node *n)
{
	buf *o = item(g, P_NODES);

	put(o, "{ .kind = %u, .side = %u, .crosses = %u, .may_cross = %u, .regions = ",
	    n->kind, n->side, n->crosses, n->may_cross);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, n->regions, n->region_count);
	put(o, ", .region_count = %u, .note = ", n->region_count);
	str(g, o, n->note);
	put(o, " }");
	item_end(g, P_NODES);
}

static void put_branch(gen *g, const mfr_line_branch *br)
{
	uint32_t nodes = g->pools[P_NODES].count;

	for (uint32_t i = 0; br->nodes && i < br->node_count; i++)
		put_node(g, &br->nodes[i]);

	buf *o = item(g, P_BRANCHES);
	put(o, "{ .key = ");
	str(g, o, br->key);
	put(o, ", .name = ");
	str(g, o, br->name);
	put(o, ", .line = ");
	put_entity(g, o, P_LINES, br->line);
	put(o, ", .nodes = ");
	if (br->nodes)
		put_array(g, o, P_NODES, nodes);
	else
		put(o, "NULL");
	put(o, ", .node_count = %u }", br->node_count);
	item_end(g, P_BRANCHES);
}

static void put_line(gen *g, const mfr_line *l)
{
	uint32_t branches = g->pools[P_BRANCHES].count;

	for (uint32_t i = 0; l->branches && i < l->branch_count; i++)
		put_branch(g, &l->branches[i]);

	buf *o = item(g, P_LINES);
	put(o, "{ .key = ");
	str(g, o, l->key);
	put(o, ", .abbrev = ");
	str(g, o, l->abbrev);
	put(o, ", .name = ");
	str(g, o, l->name);
	put(o, ", .index = %u, .evidence = %u, .crosses = %u, .evidence_sources = ", l->index,
	    l->evidence, l->crosses);
	PUT_REFS(g, o, P_SOURCE_REFS, P_SOURCES, l->evidence_sources, l->evidence_source_count);
	put(o, ", .evidence_source_count = %u, .branches = ", l->evidence_source_count);
	if (l->branches)
		put_array(g, o, P_BRANCHES, branches);
	else
		put(o, "NULL");
	put(o, ", .branch_count = %u, ", l->branch_count);
	put_prov(g, o, &l->prov);
	put(o, " }");
	item_end(g, P_LINES);
}

static void put_referral(gen *g, const mfr_referral *r)
{
	uint32_t zones = g->pools[P_ZONES].count;

	for (uint32_t i = 0; r->zones && i < r->zone_count; i++) {
		const mfr_referral_zone *z = &r->zones[i];
		buf *zo = item(g, P_ZONES);

		put(zo, "{ .area = ");
		put_entity(g, zo, P_REGIONS, z->area);
		put(zo, ", .kind = %u, .bilateral = %u, .frequency = %u }", z->kind,
		    z->bilateral, z->frequency);
		item_end(g, P_ZONES);
	}

	buf *o = item(g, P_REFERRALS);
	put(o, "{ .key = ");
	str(g, o, r->key);
	put(o, ", .index = %u, .muscle = ", r->index);
	put_entity(g, o, P_REGIONS, r->muscle);
	put(o, ", .trigger_point = ");
	str(g, o, r->trigger_point);
	put(o, ", .zones = ");
	if (r->zones)
		put_array(g, o, P_ZONES, zones);
	else
		put(o, "NULL");
	put(o, ", .zone_count = %u, .split_convention = %u, .disputed = %u, ", r->zone_count,
	    r->split_convention, r->disputed);
	put_prov(g, o, &r->prov);
	put(o, " }");
	item_end(g, P_REFERRALS);
}

static void put_technique(gen *g, const mfr_technique *t)
{
	buf *o = item(g, P_TECHNIQUES);

	put(o, "{ .key = ");
	str(g, o, t->key);
	put(o, ", .name = ");
	str(g, o, t->name);
	put(o, ", .index = %u, .family = %u, .approach = %u, .pressure_min = %u, "
	    ".pressure_max = %u, .depth = %u, .has_hold = %u, .hold_convention = %u, "
	    ".hold_min = %u, .hold_max = %u, .max_sites = %u, .positions = %u, "
	    ".suits = %u, .regions = ", t->index, t->family, t->approach, t->pressure_min,
	    t->pressure_max, t->depth, t->has_hold, t->hold_convention, t->hold_min,
	    t->hold_max, t->max_sites, t->positions, t->suits);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, t->regions, t->region_count);
	put(o, ", .region_count = %u, ", t->region_count);
	put_prov(g, o, &t->prov);
	put(o, " }");
	item_end(g, P_TECHNIQUES);
}

static void put_condition(gen *g, const mfr_condition *c)
{
	buf *o = item(g, P_CONDITIONS);

	put(o, "{ .key = ");
	str(g, o, c->key);
	put(o, ", .name = ");
	str(g, o, c->name);
	put(o, ", .index = %u, .icd10cm = ", c->index);
	put_strings(g, o, c->icd10cm, c->icd10cm_count);
	put(o, ", .icd10cm_count = %u, .snomed = ", c->icd10cm_count);
	put_strings(g, o, c->snomed, c->snomed_count);
	put(o, ", .snomed_count = %u, .areas = ", c->snomed_count);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, c->areas, c->area_count);
	put(o, ", .area_count = %u, .lines = ", c->area_count);
	PUT_REFS(g, o, P_LINE_REFS, P_LINES, c->lines, c->line_count);
	put(o, ", .line_count = %u, .regions = ", c->line_count);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, c->regions, c->region_count);
	put(o, ", .region_count = %u, .site_techniques = ", c->region_count);
	PUT_REFS(g, o, P_TECHNIQUE_REFS, P_TECHNIQUES, c->site_techniques,
		 c->site_technique_count);
	put(o, ", .site_technique_count = %u, .trigger_point_techniques = ",
	    c->site_technique_count);
	PUT_REFS(g, o, P_TECHNIQUE_REFS, P_TECHNIQUES, c->trigger_point_techniques,
		 c->trigger_point_technique_count);
	put(o, ", .trigger_point_technique_count = %u, .screening = ",
	    c->trigger_point_technique_count);
	PUT_REFS(g, o, P_SCREENING_REFS, P_SCREENING, c->screening, c->screening_count);
	put(o, ", .screening_count = %u, .relations = %u, .evidence = ", c->screening_count,
	    c->relations);
	str(g, o, c->evidence);
	put(o, ", .dose = ");
	put_dose(g, o, c->dose);
	put(o, ", .synonyms = ");
	put_strings(g, o, c->synonyms, c->synonym_count);
	put(o, ", .synonym_count = %u, ", c->synonym_count);
	put_prov(g, o, &c->prov);
	put(o, " }");
	item_end(g, P_CONDITIONS);
}

static void put_precaution(gen *g, const mfr_precaution *p)
{
	uint32_t widen = g->pools[P_WIDEN].count, limits = g->pools[P_POSITION_LIMITS].count;

	for (uint32_t i = 0; p->widen_to && i < p->widen_count; i++) {
		const mfr_precaution_widening *w = &p->widen_to[i];
		buf *wo = item(g, P_WIDEN);

		put(wo, "{ .region = ");
		put_entity(g, wo, P_REGIONS, w->region);
		put(wo, ", .with = ");
		PUT_REFS(g, wo, P_REGION_REFS, P_REGIONS, w->with, w->with_count);
		put(wo, ", .with_count = %u }", w->with_count);
		item_end(g, P_WIDEN);
	}
	for (uint32_t i = 0; p->position_limits && i < p->position_limit_count; i++) {
		const mfr_precaution_position_limit *l = &p->position_limits[i];
		buf *lo = item(g, P_POSITION_LIMITS);

		put(lo, "{ .position = %u, .from_stage = %u, .regions = ", l->position,
		    l->from_stage);
		PUT_REFS(g, lo, P_REGION_REFS, P_REGIONS, l->regions, l->region_count);
		put(lo, ", .region_count = %u }", l->region_count);
		item_end(g, P_POSITION_LIMITS);
	}

	buf *o = item(g, P_PRECAUTIONS);
	put(o, "{ .key = ");
	str(g, o, p->key);
	put(o, ", .name = ");
	str(g, o, p->name);
	put(o, ", .index = %u, .scope = %u, .severity = %u, .needs_clearance = %u, "
	    ".avoid_site = %u, .avoid_adjacent = %u, .pressure_ceiling = %u, "
	    ".avoid_regions = ", p->index, p->scope, p->severity, p->needs_clearance,
	    p->avoid_site, p->avoid_adjacent, p->pressure_ceiling);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, p->avoid_regions, p->avoid_region_count);
	put(o, ", .avoid_region_count = %u, .avoid_until_cleared = ", p->avoid_region_count);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, p->avoid_until_cleared,
		 p->avoid_until_cleared_count);
	put(o, ", .avoid_until_cleared_count = %u, .excluded_techniques = ",
	    p->avoid_until_cleared_count);
	PUT_REFS(g, o, P_TECHNIQUE_REFS, P_TECHNIQUES, p->excluded_techniques,
		 p->excluded_technique_count);
	put(o, ", .excluded_technique_count = %u, .site_scoped = %u, .site_optional = %u, "
	    ".refer_first = %u, .stage_count = %u, .stage_name = ", p->excluded_technique_count,
	    p->site_scoped, p->site_optional, p->refer_first, p->stage_count);
	str(g, o, p->stage_name);
	put(o, ", .widen_to = ");
	if (p->widen_to)
		put_array(g, o, P_WIDEN, widen);
	else
		put(o, "NULL");
	put(o, ", .widen_count = %u, .position_limits = ", p->widen_count);
	if (p->position_limits)
		put_array(g, o, P_POSITION_LIMITS, limits);
	else
		put(o, "NULL");
	put(o, ", .position_limit_count = %u, .clearance_areas = ", p->position_limit_count);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, p->clearance_areas, p->clearance_area_count);
	put(o, ", .clearance_area_count = %u, .dose = ", p->clearance_area_count);
	put_dose(g, o, p->dose);
	put(o, ", .effect = ");
	str(g, o, p->effect);
	put(o, ", .screening = ");
	PUT_REFS(g, o, P_SCREENING_REFS, P_SCREENING, p->screening, p->screening_count);
	put(o, ", .screening_count = %u, ", p->screening_count);
	put_prov(g, o, &p->prov);
	put(o, " }");
	item_end(g, P_PRECAUTIONS);
}

static void put_aftercare(gen *g, const mfr_aftercare *a)
{
	buf *o = item(g, P_AFTERCARE);

	put(o, "{ .key = ");
	str(g, o, a->key);
	put(o, ", .text = ");
	str(g, o, a->text);
	put(o, ", .index = %u, .kind = %u, .when = ", a->index, a->kind);
	PUT_REFS(g, o, P_PRECAUTION_REFS, P_PRECAUTIONS, a->when, a->when_count);
	put(o, ", .when_count = %u, ", a->when_count);
	put_prov(g, o, &a->prov);
	put(o, " }");
	item_end(g, P_AFTERCARE);
}

static void put_danger_zone(gen *g, const mfr_danger_zone *z)
{
	buf *o = item(g, P_DANGER_ZONES);

	put(o, "{ .key = ");
	str(g, o, z->key);
	put(o, ", .name = ");
	str(g, o, z->name);
	put(o, ", .index = %u, .regions = ", z->index);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, z->regions, z->region_count);
	put(o, ", .region_count = %u, .region_kinds = %u, .pressure_ceiling = %u, "
	    ".excluded_techniques = ", z->region_count, z->region_kinds, z->pressure_ceiling);
	PUT_REFS(g, o, P_TECHNIQUE_REFS, P_TECHNIQUES, z->excluded_techniques,
		 z->excluded_technique_count);
	put(o, ", .excluded_technique_count = %u, .effect = ", z->excluded_technique_count);
	str(g, o, z->effect);
	put(o, ", ");
	put_prov(g, o, &z->prov);
	put(o, " }");
	item_end(g, P_DANGER_ZONES);
}

static void put_screening(gen *g, const mfr_screening *q)
{
	uint32_t answers = g->pools[P_ANSWERS].count;

	for (uint32_t i = 0; q->answers && i < q->answer_count; i++) {
		const mfr_screening_answer *a = &q->answers[i];
		buf *ao = item(g, P_ANSWERS);

		put(ao, "{ .key = ");
		str(g, ao, a->key);
		put(ao, ", .text = ");
		str(g, ao, a->text);
		put(ao, ", .precautions = ");
		PUT_REFS(g, ao, P_PRECAUTION_REFS, P_PRECAUTIONS, a->precautions,
			 a->precaution_count);
		put(ao, ", .precaution_count = %u, .stage = %u, .needs_site = %u }",
		    a->precaution_count, a->stage, a->needs_site);
		item_end(g, P_ANSWERS);
	}

	buf *o = item(g, P_SCREENING);
	put(o, "{ .key = ");
	str(g, o, q->key);
	put(o, ", .text = ");
	str(g, o, q->text);
	put(o, ", .index = %u, .answers = ", q->index);
	if (q->answers)
		put_array(g, o, P_ANSWERS, answers);
	else
		put(o, "NULL");
	put(o, ", .answer_count = %u, .symptom_areas = ", q->answer_count);
	PUT_REFS(g, o, P_REGION_REFS, P_REGIONS, q->symptom_areas, q->symptom_area_count);
	put(o, ", .symptom_area_count = %u, .covered = %u, ", q->symptom_area_count, q->covered);
	put_prov(g, o, &q->prov);
	put(o, " }");
	item_end(g, P_SCREENING);
}

/* The body chart, or NULL. */
static void put_chart(gen *g, buf *b, const mfr_chart *c)
{
	if (!c) {
		put(b, "NULL");
		return;
	}
	uint32_t areas = g->pools[P_CHART_AREAS].count;

	for (uint32_t i = 0; i < c->area_count; i++) {
		const mfr_chart_area *a = &c->areas[i];
		buf *o = item(g, P_CHART_AREAS);

		put(o, "{ .region = ");
		put_entity(g, o, P_REGIONS, a->region);
		put(o, ", .view = %u, .cx = %d, .cy = %d, .rx = %d, .ry = %d }", a->view,
		    a->cx, a->cy, a->rx, a->ry);
		item_end(g, P_CHART_AREAS);
	}
	buf *o = item(g, P_CHARTS);
	put(o, "{ .areas = ");
	if (c->areas)
		put_array(g, o, P_CHART_AREAS, areas);
	else
		put(o, "NULL");
	put(o, ", .area_count = %u, .outlines = { ", c->area_count);
	for (int v = 0; v < MFR_CHART_VIEWS; v++) {
		put(o, v ? ", " : "");
		str(g, o, c->outlines[v]);
	}
	put(o, " }, ");
	put_prov(g, o, &c->prov);
	put(o, " }");
	item_end(g, P_CHARTS);
	g->pools[P_CHARTS].used = 1;
	put(b, "&%s[%u]", pool_info[P_CHARTS].name, g->pools[P_CHARTS].count - 1);
}

/* The body map, or NULL. */
static void put_body_map(gen *g, buf *b, const mfr_body_map *bm)
{
	if (!bm) {
		put(b, "NULL");
		return;
	}
	uint32_t segments = g->pools[P_SEGMENTS].count;

	for (uint32_t i = 0; i < bm->segment_count; i++) {
		const mfr_segment *sg = &bm->segments[i];
		uint32_t sites = g->pools[P_SEGMENT_SITES].count;

		for (uint32_t k = 0; k < sg->site_count; k++) {
			buf *so = item(g, P_SEGMENT_SITES);

			put(so, "{ .region = ");
			put_entity(g, so, P_REGIONS, sg->sites[k].region);
			put(so, ", .side = %u }", sg->sites[k].side);
			item_end(g, P_SEGMENT_SITES);
		}
		buf *o = item(g, P_SEGMENTS);
		put(o, "{ .id = %u, .name = ", sg->id);
		str(g, o, sg->name);
		put(o, ", .sites = ");
		if (sg->sites)
			put_array(g, o, P_SEGMENT_SITES, sites);
		else
			put(o, "NULL");
		put(o, ", .site_count = %u }", sg->site_count);
		item_end(g, P_SEGMENTS);
	}
	buf *o = item(g, P_BODY_MAPS);
	put(o, "{ .name = ");
	str(g, o, bm->name);
	put(o, ", .citation = ");
	str(g, o, bm->citation);
	put(o, ", .segments = ");
	if (bm->segments)
		put_array(g, o, P_SEGMENTS, segments);
	else
		put(o, "NULL");
	put(o, ", .segment_count = %u, ", bm->segment_count);
	put_prov(g, o, &bm->prov);
	put(o, " }");
	item_end(g, P_BODY_MAPS);
	g->pools[P_BODY_MAPS].used = 1;
	put(b, "&%s[%u]", pool_info[P_BODY_MAPS].name, g->pools[P_BODY_MAPS].count - 1);
}

/* The sorted key index of each kind. */
static void put_index(gen *g, buf *b)
{
	put(b, "\t.index = {\n");
	for (int k = 0; k <= MFR_N_KINDS; k++) {
		const mfr_key_index *ix = &g->m->index[k];
		uint32_t at = g->pools[P_KEYS].count;

		for (uint32_t i = 0; ix->entries && i < ix->count; i++) {
			buf *o = item(g, P_KEYS);

			put(o, "{ .key = ");
			str(g, o, ix->entries[i].key);
			put(o, ", .at = %u }", ix->entries[i].at);
			item_end(g, P_KEYS);
		}
		put(b, "\t\t[%d] = { .entries = ", k);
		if (ix->entries)
			put_array(g, b, P_KEYS, at);
		else
			put(b, "NULL");
		put(b, ", .count = %u },\n", ix->count);
	}
	put(b, "\t},\n");
}

/* The site graph: its rows, and each edge with its factor as a hexadecimal
 * floating constant (the exact double). */
static void put_graph(gen *g, buf *b)
{
	const mfr_graph *gr = &g->m->graph;

	for (uint32_t i = 0; gr->offsets && i <= gr->site_count; i++) {
		put(item(g, P_OFFSETS), "%u", gr->offsets[i]);
		item_end(g, P_OFFSETS);
	}
	for (uint32_t i = 0; gr->edges && i < gr->edge_count; i++) {
		const mfr_edge *e = &gr->edges[i];

		if (!isfinite(e->factor)) {
			fprintf(stderr, "mfr-snapshot: edge %u has no finite factor\n", i);
			g->failed = 1;
		}
		put(item(g, P_EDGES), "{ .to = %u, .ref = %u, .factor = %a, .relation = %u, "
		    ".crosses = %u, .zone = %u, .upward = %u, .leaves_midline = %u, "
		    ".skipped = %u, .within_segment = %u }", e->to, e->ref, e->factor,
		    e->relation, e->crosses, e->zone, e->upward, e->leaves_midline, e->skipped,
		    e->within_segment);
		item_end(g, P_EDGES);
	}
	put(b, "\t.graph = { .site_count = %u, .offsets = ", gr->site_count);
	if (gr->offsets)
		put_array(g, b, P_OFFSETS, 0);
	else
		put(b, "NULL");
	put(b, ", .edges = ");
	if (gr->edges)
		put_array(g, b, P_EDGES, 0);
	else
		put(b, "NULL");
	put(b, ", .edge_count = %u },\n", gr->edge_count);
}

/* The model itself: every entity array, the index and the graph; its arena
 * is empty (mfr__snapshot_open() copies this struct, nothing else). */
static void put_model(gen *g, buf *b, const char *symbol)
{
	const mfr_model *m = g->m;

	for (uint32_t i = 0; i < m->source_count; i++)
		put_source(g, &m->sources[i]);
	for (uint32_t i = 0; i < m->region_count; i++)
		put_region(g, &m->regions[i]);
	for (uint32_t i = 0; i < m->line_count; i++)
		put_line(g, &m->lines[i]);
	for (uint32_t i = 0; i < m->referral_count; i++)
		put_referral(g, &m->referrals[i]);
	for (uint32_t i = 0; i < m->technique_count; i++)
		put_technique(g, &m->techniques[i]);
	for (uint32_t i = 0; i < m->condition_count; i++)
		put_condition(g, &m->conditions[i]);
	for (uint32_t i = 0; i < m->precaution_count; i++)
		put_precaution(g, &m->precautions[i]);
	for (uint32_t i = 0; i < m->aftercare_count; i++)
		put_aftercare(g, &m->aftercare[i]);
	for (uint32_t i = 0; i < m->danger_zone_count; i++)
		put_danger_zone(g, &m->danger_zones[i]);
	for (uint32_t i = 0; i < m->screening_count; i++)
		put_screening(g, &m->screening[i]);

	put(b, "const mfr_model %s = {\n\t.name = ", symbol);
	str(g, b, m->name);
	put(b, ",\n\t.version = ");
	str(g, b, m->version);
	put(b, ",\n\t.description = ");
	str(g, b, m->description);
	put(b, ",\n\t.content_hash = \"%s\",\n", m->content_hash);
#define ARRAY(pid, array, n)                                                      \
	do {                                                                      \
		put(b, "\t." #array " = ");                                       \
		if (m->array)                                                     \
			put_array(g, b, pid, 0);                                     \
		else                                                              \
			put(b, "NULL");                                           \
		put(b, ", ." #n " = %u,\n", m->n);                                \
	} while (0)
	ARRAY(P_SOURCES, sources, source_count);
	ARRAY(P_REGIONS, regions, region_count);
	ARRAY(P_LINES, lines, line_count);
	ARRAY(P_REFERRALS, referrals, referral_count);
	ARRAY(P_TECHNIQUES, techniques, technique_count);
	ARRAY(P_CONDITIONS, conditions, condition_count);
	ARRAY(P_PRECAUTIONS, precautions, precaution_count);
	ARRAY(P_AFTERCARE, aftercare, aftercare_count);
	ARRAY(P_DANGER_ZONES, danger_zones, danger_zone_count);
	ARRAY(P_SCREENING, screening, screening_count);
#undef ARRAY
	put(b, "\t.chart = ");
	put_chart(g, b, m->chart);
	put(b, ",\n\t.body_map = ");
	put_body_map(g, b, m->body_map);
	put(b, ",\n");
	put_index(g, b);
	put_graph(g, b);
	put(b, "};\n");
}

/* ---- the output file -------------------------------------------------------- */

static void write_bytes(FILE *out, const char *decl, const unsigned char *p, size_t n)
{
	fprintf(out, "%s[] = {", decl);
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%s%u,", i % 24 ? "" : "\n\t", p[i]);
	fprintf(out, "\n\t0\n};\n");
}

/* Each array is declared first (its size known, so that the initializers
 * may refer to any of them), then defined. Every array has one zero element
 * more than it holds, so that none is empty and an empty array's address
 * (&t_zones[count]) lies within it. */
static void write_source(FILE *out, gen *g, const buf *model, const char *input,
			 const char *symbol, const char *text, size_t size)
{
	fprintf(out, "/* Generated from %s by mfr-snapshot (lib/data/snapshot-tool.c): "
		"do not edit. */\n#include \"snapshot.h\"\n\n", input);
	if (g->nchars)
		fprintf(out, "static const char t_chars[%zu];\n", g->nchars);
	for (int p = 0; p < N_POOLS; p++)
		if (g->pools[p].used)
			fprintf(out, "static %s %s[%u];\n", pool_info[p].type,
				pool_info[p].name, g->pools[p].count + 1);
	if (g->nchars)
		fprintf(out, "\nstatic const char t_chars[%zu] = {%s\n};\n", g->nchars,
			g->chars.s);
	for (int p = 0; p < N_POOLS; p++)
		if (g->pools[p].used)
			fprintf(out, "\nstatic %s %s[%u] = {\n%s\t%s\n};\n", pool_info[p].type,
				pool_info[p].name, g->pools[p].count + 1,
				g->pools[p].items.s ? g->pools[p].items.s : "",
				pool_info[p].zero);
	fprintf(out, "\n%s\n", model->s);
	char decl[256];
	snprintf(decl, sizeof(decl), "const unsigned char %s_text", symbol);
	write_bytes(out, decl, (const unsigned char *)text, size);
	fprintf(out, "const size_t %s_text_size = %zu;\n", symbol, size);
}

int main(int argc, char **argv)
{
	char *text = NULL;
	size_t size = 0;
	mfr_model *m = NULL;
	mfr_error *err = NULL;
	gen g = { 0 };
	buf model = { 0 };
	const char *symbol = argc == 4 ? argv[3] : "mfr__default_model";

	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: %s MODEL.json OUTPUT.c [SYMBOL]\n", argv[0]);
		return 2;
	}
	if (strlen(symbol) > 200) {
		fprintf(stderr, "mfr-snapshot: the symbol name is too long\n");
		return 2;
	}
	if (mfr__read_file(argv[1], (size_t)MFR_MODEL_MAX_BYTES + 1, &text, &size,
			   &err) != MFR_OK ||
	    mfr__model_parse(text, size, argv[1], &m, &err) != MFR_OK) {
		fprintf(stderr, "mfr-snapshot: %s\n", mfr_error_message(err));
		return 1;
	}
	g.m = m;
	put_model(&g, &model, symbol);
	if (g.failed)
		return 1;

	FILE *out = fopen(argv[2], "w");
	if (!out) {
		perror(argv[2]);
		return 1;
	}
	write_source(out, &g, &model, argv[1], symbol, text, size);
	if (fclose(out) != 0) {
		perror(argv[2]);
		return 1;
	}
	for (int p = 0; p < N_POOLS; p++)
		free(g.pools[p].items.s);
	free(g.chars.s);
	free(model.s);
	mfr__free(text);
	mfr_model_free(m);
	return 0;
}
