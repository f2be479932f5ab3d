/*
 * Fuzz target: odd but valid models. The default model, changed by a
 * generator the input drives, then loaded, traced, planned and serialized.
 * SPDX-License-Identifier: MIT
 *
 * Fuzzed model files nearly all fail early (a first trial: 10 of 904
 * loaded), so fuzz-model.c never reaches the graph, the trace or the plan
 * with a strange model. Here the input is a program of edits to the default
 * model's JSON (jansson): drop an entity, duplicate one, retarget a
 * reference, move a region in the hierarchy, add a border, change a
 * setting. Each edit keeps the model valid as doc/model-format.md states it
 * (a dropped region's references go with it, a node left empty goes, a
 * line left without branches goes, ...), so most inputs load; the rest of
 * the input is an intake for the edited model.
 *
 * The fraction that loads is the measure of the generator: set
 * MFR_FUZZ_STATS=1 to print it at exit (2: also each load error; 3: also
 * the size of each section after the edits).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

/* The model's sections, in the order of the reference table below. */
enum { REG, LINE, REF, TECH, COND, PREC, AFTER, DZ, SCR, NSECTIONS };
static const char *const section_names[NSECTIONS] = {
	"regions", "lines", "referrals", "techniques", "conditions", "precautions",
	"aftercare", "danger_zones", "screening",
};

/* What to do with a reference when its target goes: remove the key from
 * its list, delete the member, or delete the object that holds it (a zone,
 * a widening; the entity itself when the member is top-level). */
enum how { LIST, MEMBER, OWNER };

/* Where one section refers to another (doc/model-format.md). A path is a
 * chain of members; "[]" after one means each element of that array. */
typedef struct ref {
	int owner;
	const char *path;
	int target;
	enum how how;
} ref;

static const ref refs[] = {
	{ REG, "parent", REG, MEMBER },
	{ REG, "adjacent[]", REG, LIST },
	{ LINE, "branches[].nodes[].regions[]", REG, LIST },
	{ REF, "muscle", REG, OWNER },
	{ REF, "zones[].area", REG, OWNER },
	{ TECH, "regions[]", REG, LIST },
	{ COND, "areas[]", REG, LIST },
	{ COND, "regions[]", REG, LIST },
	{ COND, "lines[]", LINE, LIST },
	{ PREC, "avoid_regions[]", REG, LIST },
	{ PREC, "widen_to[].region", REG, OWNER },
	{ PREC, "widen_to[].with[]", REG, LIST },
	{ PREC, "position_limits[].regions[]", REG, LIST },
	{ PREC, "clearance_for_symptoms[]", REG, LIST },
	{ PREC, "excluded_techniques[]", TECH, LIST },
	{ DZ, "regions[]", REG, LIST },
	{ DZ, "excluded_techniques[]", TECH, LIST },
	{ AFTER, "when[]", PREC, LIST },
	{ SCR, "answers[].precautions[]", PREC, LIST },
};
#define NREFS (sizeof(refs) / sizeof(refs[0]))

/* One place a key is referred to: @p holder[@p index] for a list, or the
 * member @p member of @p holder; @p owner[@p owner_index] is the object to
 * delete for OWNER (@p entity when the member is top-level). */
typedef struct site {
	json_t *holder;
	size_t index;
	const char *member;
	json_t *owner;
	size_t owner_index;
	size_t entity;
} site;

#define MAX_SITES 4096

typedef struct sites {
	site s[MAX_SITES];
	size_t n;
} sites;

/* The fuzz input, read from the front: a value below @p range (0 when the
 * input is used up, so a short input gives a short program). */
typedef struct input {
	const uint8_t *p;
	size_t n;
} input;

static uint32_t take(input *in, uint32_t range)
{
	uint32_t v = 0;

	if (range <= 1)
		return 0;
	for (uint32_t r = range - 1; r && in->n; r >>= 8) {
		v = (v << 8) | *in->p++;
		in->n--;
	}
	return v % range;
}

/* An element of @p arr the input picks, or NULL when it is empty. */
static json_t *pick(json_t *arr, input *in)
{
	return json_array_get(arr, take(in, (uint32_t)json_array_size(arr)));
}

static json_t *section(json_t *doc, int sec)
{
	return json_object_get(doc, section_names[sec]);
}

static const char *key_of(json_t *entity)
{
	return json_string_value(json_object_get(entity, "key"));
}

/* Collect the sites under @p obj along @p path (the rest of a ref's path). */
static void walk(json_t *obj, const char *path, json_t *owner, size_t owner_index,
		 size_t entity, sites *out)
{
	char name[64];
	size_t len = strcspn(path, ".[");
	int each = path[len] == '[';
	const char *rest = path + len + (each ? 2 : 0);
	json_t *v;

	if (len >= sizeof(name) || !json_is_object(obj))
		return;
	memcpy(name, path, len);
	name[len] = '\0';
	v = json_object_get(obj, name);
	if (!v)
		return;
	if (*rest == '.') { /* go deeper: "branches[].nodes..." */
		size_t i;
		json_t *item;

		if (!each)
			walk(v, rest + 1, owner, owner_index, entity, out);
		else
			json_array_foreach(v, i, item)
				walk(item, rest + 1, v, i, entity, out);
		return;
	}
	if (each) { /* the last member: a list of keys */
		for (size_t i = 0; i < json_array_size(v) && out->n < MAX_SITES; i++)
			out->s[out->n++] = (site){ v, i, NULL, owner, owner_index, entity };
	} else if (out->n < MAX_SITES) {
		/* The last segment ends the path: it names the member. */
		out->s[out->n++] = (site){ obj, 0, path, owner, owner_index, entity };
	}
}

/* Every site of @p r in @p doc; with @p key, only those naming it. */
static void collect(json_t *doc, const ref *r, const char *key, sites *out)
{
	json_t *arr = section(doc, r->owner), *e;
	size_t i, from = 0;

	out->n = 0;
	json_array_foreach(arr, i, e) {
		from = out->n;
		walk(e, r->path, arr, i, i, out);
		if (!key)
			continue;
		/* Keep only the sites that name @p key. */
		size_t kept = from;
		for (size_t k = from; k < out->n; k++) {
			site *s = &out->s[k];
			json_t *v = s->member ? json_object_get(s->holder, s->member)
					      : json_array_get(s->holder, s->index);
			if (json_is_string(v) && strcmp(json_string_value(v), key) == 0)
				out->s[kept++] = *s;
		}
		out->n = kept;
	}
}

static json_t *site_value(const site *s)
{
	return s->member ? json_object_get(s->holder, s->member)
			 : json_array_get(s->holder, s->index);
}

static void drop_entity(json_t *doc, int sec, size_t index);

/* Remove every reference of section @p target's key @p key. The sites are
 * removed last first, so the indices of those not yet removed hold. */
static void purge(json_t *doc, int target, const char *key)
{
	/* Not static: dropping an entity here purges its own references,
	 * which collects again. */
	sites *found = malloc(sizeof(*found));

	if (!found)
		fuzz_fail("out of memory", NULL);
	for (size_t r = 0; r < NREFS; r++) {
		if (refs[r].target != target)
			continue;
		collect(doc, &refs[r], key, found);
		for (size_t k = found->n; k-- > 0;) {
			site s = found->s[k];

			if (refs[r].how == LIST)
				json_array_remove(s.holder, s.index);
			else if (refs[r].how == MEMBER)
				json_object_del(s.holder, s.member);
			else if (s.owner == section(doc, refs[r].owner))
				drop_entity(doc, refs[r].owner, s.entity);
			else
				json_array_remove(s.owner, s.owner_index);
		}
	}
	free(found);
}

/* Drop entity @p index of section @p sec, and every reference to it. A
 * dropped region's children move up to its parent. */
static void drop_entity(json_t *doc, int sec, size_t index)
{
	json_t *arr = section(doc, sec), *e = json_array_get(arr, index);
	char key[64];

	if (!key_of(e) || strlen(key_of(e)) >= sizeof(key))
		return;
	strcpy(key, key_of(e));
	if (sec == REG) {
		json_t *parent = json_object_get(e, "parent"), *r;
		size_t i;

		json_array_foreach(arr, i, r) {
			const char *p = json_string_value(json_object_get(r, "parent"));
			if (!p || strcmp(p, key) != 0)
				continue;
			if (parent)
				json_object_set(r, "parent", parent);
			else
				json_object_del(r, "parent");
		}
	}
	json_array_remove(arr, index);
	purge(doc, sec, key);
}

/* Remove the later repeats of each string in @p arr. */
static void dedupe(json_t *arr)
{
	for (size_t i = 0; i < json_array_size(arr); i++)
		for (size_t k = json_array_size(arr); k-- > i + 1;)
			if (json_equal(json_array_get(arr, i), json_array_get(arr, k)))
				json_array_remove(arr, k);
}

/* Remove the later of two objects in @p arr whose member @p name is equal. */
static void dedupe_by(json_t *arr, const char *name)
{
	for (size_t i = 0; i < json_array_size(arr); i++)
		for (size_t k = json_array_size(arr); k-- > i + 1;)
			if (json_equal(json_object_get(json_array_get(arr, i), name),
				       json_object_get(json_array_get(arr, k), name)))
				json_array_remove(arr, k);
}

/* Delete member @p name of @p obj when it is an empty array. */
static void del_if_empty(json_t *obj, const char *name)
{
	json_t *v = json_object_get(obj, name);

	if (json_is_array(v) && json_array_size(v) == 0)
		json_object_del(obj, name);
}

/* A line's nodes left empty go, a branch needs two nodes, a line one
 * branch; returns 1 when the line itself must go. */
static int repair_line(json_t *line)
{
	json_t *branches = json_object_get(line, "branches");

	for (size_t b = json_array_size(branches); b-- > 0;) {
		json_t *nodes = json_object_get(json_array_get(branches, b), "nodes");

		for (size_t n = json_array_size(nodes); n-- > 0;) {
			json_t *regions = json_object_get(json_array_get(nodes, n), "regions");

			dedupe(regions);
			if (json_array_size(regions) == 0)
				json_array_remove(nodes, n);
		}
		if (json_array_size(nodes) < 2)
			json_array_remove(branches, b);
	}
	dedupe_by(branches, "key");
	return json_array_size(branches) == 0;
}

/* How precaution @p key is scoped: 'l' local, 's' site-scoped global,
 * 'g' any other global; @p staged is set when it has stages. */
static int precaution_scope(json_t *doc, const char *key, int *staged)
{
	json_t *p, *precs = section(doc, PREC);
	size_t k;

	json_array_foreach(precs, k, p) {
		if (strcmp(key_of(p) ? key_of(p) : "", key ? key : "") != 0)
			continue;
		*staged |= json_object_get(p, "stages") != NULL;
		if (strcmp(json_string_value(json_object_get(p, "scope")), "local") == 0)
			return 'l';
		return json_is_true(json_object_get(p, "site_scoped")) ? 's' : 'g';
	}
	return 'g';
}

/* Make @p answer's "site" and "stage" agree with the precautions it still
 * names. An answer that names a local precaution asks where, one that names
 * a plain global one may not: when an edit brought both together, the
 * global ones go. */
static void repair_answer(json_t *doc, json_t *answer)
{
	json_t *list = json_object_get(answer, "precautions");
	int local = 0, global = 0, staged = 0;

	dedupe(list);
	for (size_t i = 0; i < json_array_size(list); i++) {
		int scope = precaution_scope(doc, json_string_value(json_array_get(list, i)),
					     &staged);
		local |= scope == 'l';
		global |= scope == 'g';
	}
	if (local && global) {
		int ignored = 0;

		for (size_t i = json_array_size(list); i-- > 0;)
			if (precaution_scope(doc, json_string_value(json_array_get(list, i)),
					     &ignored) == 'g')
				json_array_remove(list, i);
		staged = 0;
		for (size_t i = 0; i < json_array_size(list); i++)
			precaution_scope(doc, json_string_value(json_array_get(list, i)), &staged);
	}
	if (json_array_size(list) == 0) {
		json_object_del(answer, "precautions");
		json_object_del(answer, "site");
	} else if (local) {
		json_object_set_new(answer, "site", json_true());
	} else if (global) {
		json_object_del(answer, "site");
	}
	if (!staged)
		json_object_del(answer, "stage");
}

/* Bring the model back within the format's rules after an edit: what an
 * edit left empty or repeated goes, which may drop more entities (a line
 * without branches): repeat until nothing changes. */
static void repair(json_t *doc)
{
	static sites all;
	json_t *e, *arr;
	size_t i;
	int again;

	/* Lists of references never repeat a key; a region never borders
	 * itself. */
	for (size_t r = 0; r < NREFS; r++) {
		if (refs[r].how != LIST)
			continue;
		collect(doc, &refs[r], NULL, &all);
		for (size_t k = all.n; k-- > 0;)
			if (k == 0 || all.s[k - 1].holder != all.s[k].holder)
				dedupe(all.s[k].holder);
	}
	arr = section(doc, REG);
	json_array_foreach(arr, i, e) {
		json_t *adj = json_object_get(e, "adjacent");
		for (size_t k = json_array_size(adj); k-- > 0;)
			if (json_equal(json_array_get(adj, k), json_object_get(e, "key")))
				json_array_remove(adj, k);
	}
	do {
		again = 0;
		arr = section(doc, LINE);
		for (i = json_array_size(arr); i-- > 0;)
			if (repair_line(json_array_get(arr, i))) {
				drop_entity(doc, LINE, i);
				again = 1;
			}
		arr = section(doc, REF);
		for (i = json_array_size(arr); i-- > 0;) {
			json_t *zones = json_object_get(json_array_get(arr, i), "zones");
			dedupe_by(zones, "area");
			if (json_array_size(zones) == 0)
				drop_entity(doc, REF, i);
		}
		arr = section(doc, COND);
		for (i = json_array_size(arr); i-- > 0;)
			if (json_array_size(json_object_get(json_array_get(arr, i), "areas")) == 0)
				drop_entity(doc, COND, i);
		arr = section(doc, DZ);
		for (i = json_array_size(arr); i-- > 0;) {
			json_t *z = json_array_get(arr, i);
			if (json_array_size(json_object_get(z, "regions")) == 0 &&
			    json_array_size(json_object_get(z, "region_kinds")) == 0) {
				drop_entity(doc, DZ, i);
				again = 1;
			}
		}
		arr = section(doc, SCR);
		for (i = json_array_size(arr); i-- > 0;) {
			json_t *answers = json_object_get(json_array_get(arr, i), "answers"), *a;
			size_t k;

			json_array_foreach(answers, k, a)
				repair_answer(doc, a);
			if (json_array_size(answers) < 2)
				drop_entity(doc, SCR, i);
		}
	} while (again);
	arr = section(doc, PREC);
	json_array_foreach(arr, i, e) {
		json_t *limits = json_object_get(e, "position_limits"), *l;
		size_t k;

		json_array_foreach(limits, k, l)
			del_if_empty(l, "regions");
		dedupe_by(json_object_get(e, "widen_to"), "region");
	}
}

/* A new key from @p key: "<key>_<n>", within the 63 characters a key may
 * have, and not yet in @p arr. */
static void new_key(json_t *arr, const char *key, char *out, size_t size)
{
	for (unsigned n = 2;; n++) {
		char suffix[16];
		json_t *e;
		size_t i;
		int taken = 0;

		snprintf(suffix, sizeof(suffix), "_%u", n);
		snprintf(out, size, "%.*s%s", (int)(63 - strlen(suffix)), key, suffix);
		json_array_foreach(arr, i, e)
			taken |= strcmp(key_of(e) ? key_of(e) : "", out) == 0;
		if (!taken)
			return;
	}
}

/* Duplicate entity @p index of @p sec under a new key, just after it; with
 * @p also, every list that names the original names the copy too (a copy
 * of a muscle joins the original's lines and conditions). */
static void duplicate(json_t *doc, int sec, size_t index, int also)
{
	static sites found;
	json_t *arr = section(doc, sec), *e = json_array_get(arr, index), *copy;
	char key[64];

	if (!e || !key_of(e))
		return;
	new_key(arr, key_of(e), key, sizeof(key));
	copy = json_deep_copy(e);
	json_object_set_new(copy, "key", json_string(key));
	json_array_insert_new(arr, index + 1, copy);
	if (!also)
		return;
	for (size_t r = 0; r < NREFS; r++) {
		if (refs[r].target != sec || refs[r].how != LIST)
			continue;
		collect(doc, &refs[r], key_of(e), &found);
		for (size_t k = found.n; k-- > 0;)
			json_array_insert_new(found.s[k].holder, found.s[k].index + 1,
					      json_string(key));
	}
}

/* Whether region @p key is @p ancestor or lies within it. */
static int within(json_t *regions, const char *key, const char *ancestor)
{
	for (size_t depth = 0; key && depth <= json_array_size(regions); depth++) {
		json_t *e;
		size_t i;
		const char *parent = NULL;

		if (strcmp(key, ancestor) == 0)
			return 1;
		json_array_foreach(regions, i, e)
			if (strcmp(key_of(e) ? key_of(e) : "", key) == 0)
				parent = json_string_value(json_object_get(e, "parent"));
		key = parent;
	}
	return 0;
}

static json_t *region_named(json_t *doc, const char *key)
{
	json_t *arr = section(doc, REG), *e;
	size_t i;

	json_array_foreach(arr, i, e)
		if (key && strcmp(key_of(e) ? key_of(e) : "", key) == 0)
			return e;
	return NULL;
}

/* The body chart's areas and the body map's sites name regions too: those
 * of a dropped region go, a segment left without sites goes, and a
 * section left empty goes (each is optional). A region list of several
 * hundred makes region_named() slow, so this runs once, after the edits. */
static void repair_chart(json_t *doc)
{
	json_t *chart = json_object_get(doc, "chart");
	json_t *areas = json_object_get(chart, "areas");
	json_t *map = json_object_get(doc, "body_map");
	json_t *segments = json_object_get(map, "segments");

	for (size_t i = json_array_size(areas); i-- > 0;)
		if (!region_named(doc, json_string_value(json_object_get(
				json_array_get(areas, i), "region"))))
			json_array_remove(areas, i);
	if (chart && json_array_size(areas) == 0)
		json_object_del(doc, "chart");
	for (size_t i = json_array_size(segments); i-- > 0;) {
		json_t *list = json_object_get(json_array_get(segments, i), "sites");

		for (size_t k = json_array_size(list); k-- > 0;)
			if (!region_named(doc, json_string_value(json_object_get(
					json_array_get(list, k), "region"))))
				json_array_remove(list, k);
		if (json_array_size(list) == 0)
			json_array_remove(segments, i);
	}
	if (map && json_array_size(segments) == 0)
		json_object_del(doc, "body_map");
}

static int same_member(json_t *a, json_t *b, const char *name)
{
	return json_equal(json_object_get(a, name), json_object_get(b, name));
}

/* Whether region @p to may take @p from's place at a site of @p r: what
 * the format asks of each reference (a node's side matches laterality, a
 * trigger point lies in a muscle, a zone is an area or part, the hierarchy
 * stays acyclic). */
static int may_retarget(json_t *doc, const ref *r, const site *s, json_t *from, json_t *to)
{
	const char *path = r->path;

	if (r->target != REG)
		return 1;
	if (strcmp(path, "branches[].nodes[].regions[]") == 0)
		return same_member(from, to, "laterality");
	if (strcmp(path, "muscle") == 0 || strcmp(path, "zones[].area") == 0)
		return same_member(from, to, "kind");
	if (strcmp(path, "parent") == 0)
		return !within(section(doc, REG), key_of(to),
			       key_of(json_array_get(section(doc, REG), s->entity)));
	return 1;
}

/* Point one reference of table entry @p r at another key of its section. */
static void retarget(json_t *doc, const ref *r, uint32_t which, uint32_t to_index)
{
	static sites all;
	json_t *targets = section(doc, r->target), *to, *from;

	collect(doc, r, NULL, &all);
	if (!all.n || !json_array_size(targets))
		return;
	site s = all.s[which % all.n];
	to = json_array_get(targets, to_index % json_array_size(targets));
	from = r->target == REG ? region_named(doc, json_string_value(site_value(&s))) : NULL;
	if (r->target == REG && (!from || !may_retarget(doc, r, &s, from, to)))
		return;
	if (s.member)
		json_object_set_new(s.holder, s.member, json_string(key_of(to)));
	else
		json_array_set_new(s.holder, s.index, json_string(key_of(to)));
}

static const char *const depths[] = { "superficial", "intermediate", "deep" };
static const char *const positions[] = { "prone", "supine", "side_lying", "seated", "standing" };
static const char *const pressures[] = { "very_light", "light", "moderate", "firm" };

/* A non-empty set of positions from the bits of @p mask. */
static json_t *position_list(uint32_t mask)
{
	json_t *list = json_array();

	for (int k = 0; k < 5; k++)
		if (mask & (1u << k) || (k == 4 && json_array_size(list) == 0))
			json_array_append_new(list, json_string(positions[k]));
	return list;
}

/* Change one setting that steers the trace or the plan, within its range. */
static void tweak(json_t *doc, input *in)
{
	json_t *arr, *e;
	uint32_t what = take(in, 7);
	uint32_t lo, hi;

	switch (what) {
	case 0: /* a region's depth, positions, treatability or access */
	case 1:
		arr = section(doc, REG);
		e = pick(arr, in);
		if (!e)
			return;
		json_object_set_new(e, "depth", json_string(depths[take(in, 3)]));
		json_object_set_new(e, "positions", position_list(take(in, 32)));
		if (what == 1) {
			json_object_set_new(e, "treatable", json_boolean(take(in, 2)));
			static const char *const access[] = { "external", "intra_oral",
							      "intra_pelvic" };
			json_object_set_new(e, "access", json_string(access[take(in, 3)]));
		}
		return;
	case 2: /* a technique's pressure range, hold range and positions */
		arr = section(doc, TECH);
		e = pick(arr, in);
		if (!e)
			return;
		lo = take(in, 4);
		hi = lo + take(in, 4 - lo);
		json_object_set_new(e, "pressure", json_pack("{s:s, s:s}", "min", pressures[lo],
							     "max", pressures[hi]));
		lo = 1 + take(in, 600);
		hi = lo + take(in, 3601 - lo);
		json_object_set_new(e, "hold_seconds", json_pack("{s:i, s:i}", "min", (int)lo,
								 "max", (int)hi));
		json_object_set_new(e, "positions", position_list(take(in, 32)));
		return;
	case 3: /* a precaution's or a danger zone's pressure ceiling */
		arr = section(doc, take(in, 2) ? PREC : DZ);
		e = pick(arr, in);
		if (e)
			json_object_set_new(e, "pressure_ceiling",
					    json_string(pressures[take(in, 4)]));
		return;
	case 4: /* a referral zone's kind, frequency and sides */
		arr = section(doc, REF);
		e = pick(json_object_get(pick(arr, in), "zones"), in);
		if (!e)
			return;
		static const char *const freq[] = { "common", "occasional", "rare" };
		json_object_set_new(e, "zone",
				    json_string(take(in, 2) ? "essential" : "spillover"));
		json_object_set_new(e, "frequency", json_string(freq[take(in, 3)]));
		json_object_set_new(e, "bilateral", json_boolean(take(in, 2)));
		return;
	case 5: /* a node's crossing, a branch's order */
		arr = section(doc, LINE);
		e = json_object_get(pick(json_object_get(pick(arr, in), "branches"), in), "nodes");
		if (json_array_size(e) < 2)
			return;
		lo = take(in, (uint32_t)json_array_size(e));
		if (take(in, 2)) {
			json_object_set_new(json_array_get(e, lo), "may_cross",
					    json_boolean(take(in, 2)));
		} else { /* swap two nodes */
			hi = take(in, (uint32_t)json_array_size(e));
			json_t *a = json_incref(json_array_get(e, lo));
			json_array_set(e, lo, json_array_get(e, hi));
			json_array_set_new(e, hi, a);
		}
		return;
	default: /* a region borders another */
		arr = section(doc, REG);
		e = pick(arr, in);
		json_t *other = pick(arr, in);
		if (!e || !other)
			return;
		if (!json_object_get(e, "adjacent"))
			json_object_set_new(e, "adjacent", json_array());
		json_array_append_new(json_object_get(e, "adjacent"), json_string(key_of(other)));
		return;
	}
}

/* Apply one edit the input names. */
static void edit(json_t *doc, input *in)
{
	uint32_t op = take(in, 5), sec = take(in, NSECTIONS);
	json_t *arr = section(doc, (int)sec);
	uint32_t index = take(in, (uint32_t)json_array_size(arr));

	switch (op) {
	case 0:
		if (json_array_size(arr))
			drop_entity(doc, (int)sec, index);
		break;
	case 1:
		if (json_array_size(arr))
			duplicate(doc, (int)sec, index, take(in, 2));
		break;
	case 2: {
		uint32_t r = take(in, NREFS), which = take(in, 65536);
		retarget(doc, &refs[r], which, take(in, 65536));
		break;
	}
	case 3: /* move a region elsewhere in the hierarchy (or make it a root) */
		retarget(doc, &refs[0], index, take(in, 65536));
		if (take(in, 4) == 0)
			json_object_del(json_array_get(section(doc, REG), index), "parent");
		break;
	default:
		tweak(doc, in);
		break;
	}
	repair(doc);
}

/* An intake for @p m from the rest of the input: symptoms, maybe a
 * condition, a precaution, a clearance, positions and minutes. */
static mfr_intake *make_intake(const mfr_model *m, input *in)
{
	mfr_intake *intake = NULL;
	uint32_t nreg = mfr_model_count(m, MFR_KIND_REGION);
	uint32_t nprec = mfr_model_count(m, MFR_KIND_PRECAUTION);
	uint32_t ncond = mfr_model_count(m, MFR_KIND_CONDITION);

	if (mfr_intake_new(m, &intake) != MFR_OK || nreg == 0)
		return intake;
	for (uint32_t k = 1 + take(in, 3); k > 0; k--) {
		const mfr_region *r = mfr_model_region_at(m, take(in, nreg));
		int side = mfr_region_laterality(r) == MFR_LATERALITY_MIDLINE
			? MFR_SIDE_MIDLINE : 1 + (int)take(in, 2);
		mfr_intake_add_symptom(intake, mfr_region_key(r), side, (int32_t)take(in, 11),
				       (int)take(in, 3), NULL);
	}
	if (ncond && take(in, 2))
		mfr_intake_add_condition(intake, mfr_model_key_at(m, MFR_KIND_CONDITION,
							 take(in, ncond)), NULL);
	if (nprec && take(in, 2)) {
		const mfr_precaution *p = mfr_model_precaution_at(m, take(in, nprec));
		const mfr_region *r = mfr_model_region_at(m, take(in, nreg));
		int local = mfr_precaution_scope(p) == MFR_SCOPE_LOCAL ||
			    (mfr_precaution_site_scoped(p) && take(in, 2));
		int side = mfr_region_laterality(r) == MFR_LATERALITY_MIDLINE
			? MFR_SIDE_MIDLINE : 1 + (int)take(in, 2);

		mfr_intake_add_precaution(intake, mfr_precaution_key(p),
					  local ? mfr_region_key(r) : NULL, local ? side : 0, NULL);
		if (take(in, 2))
			mfr_intake_add_clearance(intake, mfr_precaution_key(p), NULL);
	}
	mfr_intake_set_positions(intake, 1 + take(in, 31), NULL);
	mfr_intake_set_minutes(intake, 10 + take(in, 171), NULL);
	return intake;
}

static json_t *base;
static unsigned long tried, loaded;
static int stats;

static void print_stats(void)
{
	if (stats && tried)
		fprintf(stderr, "fuzz-mutate: %lu of %lu edited models loaded (%.1f%%)\n",
			loaded, tried, 100.0 * (double)loaded / (double)tried);
	json_decref(base);
	base = NULL;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	size_t size;
	const char *text = mfr_model_default_text(&size), *env = getenv("MFR_FUZZ_STATS");
	json_error_t jerr;

	if (!(base = json_loadb(text, size, 0, &jerr)))
		fuzz_fail("the default model's text does not parse", jerr.text);
	stats = env ? atoi(env) : 0;
	atexit(print_stats);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	input in = { data, size };
	json_t *doc = json_deep_copy(base);
	mfr_model *m = NULL;
	mfr_error *err = NULL;
	uint32_t variant = fuzz_hash(data, size);
	char *text;

	if (!doc)
		fuzz_fail("out of memory", NULL);
	/* Up to 8 edits: enough to combine, few enough to stay fast. */
	for (uint32_t n = take(&in, 9); n > 0; n--)
		edit(doc, &in);
	repair_chart(doc);
	if (stats > 2) { /* what the edits left */
		for (int sec = 0; sec < NSECTIONS; sec++)
			fprintf(stderr, "%s%s %zu", sec ? ", " : "fuzz-mutate: ",
				section_names[sec], json_array_size(section(doc, sec)));
		fputc('\n', stderr);
	}
	text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(doc);
	if (!text)
		fuzz_fail("out of memory", NULL);
	tried++;
	mfr_status_t st = mfr_model_load_buffer(text, strlen(text), "<edited>", &m, &err);
	free(text);
	if (st != MFR_OK) {
		if (stats > 1)
			fprintf(stderr, "fuzz-mutate: %s\n", mfr_error_message(err));
		fuzz_check_error(st, err);
		mfr_error_free(err);
		return 0;
	}
	loaded++;
	/* The round trip costs a second load and a serialization of every
	 * entity: one input in sixteen. */
	if ((variant & 15) == 0)
		fuzz_check_model_round_trip(m);
	mfr_intake *intake = make_intake(m, &in);
	if (intake)
		fuzz_exercise(intake, variant);
	mfr_intake_free(intake);
	mfr_model_free(m);
	return 0;
}
