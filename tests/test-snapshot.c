/*
 * libmfr unit tests: the prepared snapshot (lib/snapshot.h). The build makes
 * one of the default model only; here every test model is laid out the way
 * the build tool (lib/data/snapshot-tool.c) does it, made ready by
 * mfr__snapshot_load(), and must read exactly as the model it came from:
 * so mfr__model_walk() must reach every pointer of every part of the
 * format, each once, and the test models use parts the default model does
 * not.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "digest.h"
#include "model-private.h"
#include "snapshot.h"
#include "util.h"

/* A snapshot being laid out: the live model and its one block, the blob
 * and its relocation table; bad counts pointers outside the model. */
typedef struct layout {
	const unsigned char *model, *data;
	size_t used, empty;
	unsigned char *blob;
	uint32_t *relocs;
	size_t nrelocs, cap;
	int bad;
} layout;

static size_t offset_of(const layout *l, const void *p)
{
	const unsigned char *c = p;

	if (c >= l->model && c < l->model + sizeof(mfr_model))
		return (size_t)(c - l->model);
	if (c >= l->data && c < l->data + l->used)
		return MFR_SNAPSHOT_HEADER + (size_t)(c - l->data);
	return SIZE_MAX;
}

static void visit(void *slot, void *ctx)
{
	layout *l = ctx;
	const void *target;
	uintptr_t stored = 0;
	size_t at = offset_of(l, slot);

	memcpy(&target, slot, sizeof(target));
	if (at == SIZE_MAX) {
		l->bad++;
		return;
	}
	if (target) {
		size_t to = offset_of(l, target);

		/* The loader's default for an absent string is the literal "". */
		if (to == SIZE_MAX && *(const char *)target == '\0')
			to = l->empty;
		if (to == SIZE_MAX) {
			l->bad++;
			return;
		}
		stored = (uintptr_t)to + 1;
	}
	memcpy(l->blob + at, &stored, sizeof(stored));
	if (l->nrelocs == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 1024;
		l->relocs = realloc(l->relocs, l->cap * sizeof(*l->relocs));
		ck_assert_ptr_nonnull(l->relocs);
	}
	l->relocs[l->nrelocs++] = (uint32_t)at;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* The JSON form of @p m, and with @p getters what every public getter
 * reads of it (for the default model that is minutes under valgrind, spent
 * mostly in its suggestions: the JSON, the index and the graph do there). */
static char *digest_of(const mfr_model *m, int getters)
{
	mfr_digest d = { 0 };
	char *json = NULL;

	if (getters)
		mfr_digest_model(&d, m);
	ck_assert_int_eq(mfr_model_to_json(m, 0, NULL, 0, &json, NULL), MFR_OK);
	mfr_digest_add(&d, "%s", json);
	mfr_free(json);
	ck_assert(!d.failed);
	return d.buf;
}

/* The index (every key of every kind found again) and one trace, which
 * walks the site graph: the parts of a model the getters do not show. */
static char *lookups_of(const mfr_model *m)
{
	mfr_digest d = { 0 };
	int traced = 0;

	for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++)
		for (uint32_t i = 0; i < mfr_model_count(m, kind); i++) {
			const char *key = mfr_model_key_at(m, kind, i);

			mfr_digest_add(&d, "%d %s %d\n", kind, key, mfr_model_has(m, kind, key));
		}
	for (uint32_t i = 0; !traced && i < mfr_model_count(m, MFR_KIND_REGION); i++) {
		mfr_intake *in = NULL;
		mfr_trace *t = NULL;

		ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
		if (mfr_intake_add_symptom(in, mfr_model_key_at(m, MFR_KIND_REGION, i),
					   MFR_SIDE_LEFT, 5, MFR_ONSET_CHRONIC, NULL) == MFR_OK) {
			ck_assert_int_eq(mfr_trace_run(in, NULL, &t, NULL), MFR_OK);
			mfr_digest_trace(&d, t);
			mfr_trace_free(t);
			traced = 1;
		}
		mfr_intake_free(in);
	}
	ck_assert(traced);
	ck_assert(!d.failed);
	return d.buf;
}

/* The graph of @p copy holds what that of @p m does, in its own block. */
static void check_graph(const mfr_model *copy, size_t size, const mfr_model *m)
{
	const unsigned char *lo = (const unsigned char *)copy, *hi = lo + size;
	const mfr_graph *a = &m->graph, *b = &copy->graph;

	ck_assert_uint_eq(b->site_count, a->site_count);
	ck_assert_uint_eq(b->edge_count, a->edge_count);
	ck_assert((const unsigned char *)b->offsets >= lo &&
		  (const unsigned char *)(b->offsets + b->site_count + 1) <= hi);
	ck_assert((const unsigned char *)b->edges >= lo &&
		  (const unsigned char *)(b->edges + b->edge_count) <= hi);
	ck_assert_int_eq(memcmp(b->offsets, a->offsets,
				(a->site_count + 1) * sizeof(*a->offsets)), 0);
	ck_assert_int_eq(memcmp(b->edges, a->edges, a->edge_count * sizeof(*a->edges)), 0);
}

static void check_snapshot(const char *text, size_t size, const char *name, int getters)
{
	mfr_model *m = NULL, *copy = NULL;
	mfr_error *err = NULL;
	layout l = { 0 };

	mfr_test_assert_ok(mfr__model_parse(text, size, name, &m, &err), err, name);
	size_t capacity = mfr__arena_capacity(&m->arena);
	ck_assert_uint_gt(capacity, 0);
	/* In blocks of the default size (32 KiB), a large model takes several. */
	if (size > 4 * 32768)
		ck_assert_int_eq(mfr__arena_single(&m->arena, &l.data, &l.used), -1);
	mfr_model_free(m);

	/* Again, into one block large enough for all of it (and a ""). */
	m = NULL;
	mfr_test_assert_ok(mfr__model_parse_in(text, size, name, capacity + 64, &m, &err), err,
			   name);
	char *empty = mfr__arena_alloc(&m->arena, 1);
	ck_assert_ptr_nonnull(empty);
	ck_assert_int_eq(mfr__arena_single(&m->arena, &l.data, &l.used), 0);
	ck_assert_uint_le(l.used, mfr__arena_capacity(&m->arena));
	l.model = (const unsigned char *)m;
	l.empty = offset_of(&l, empty);

	size_t blob_size = MFR_SNAPSHOT_HEADER + l.used;
	l.blob = calloc(1, blob_size);
	ck_assert_ptr_nonnull(l.blob);
	memcpy(l.blob, m, sizeof(*m));
	memcpy(l.blob + MFR_SNAPSHOT_HEADER, l.data, l.used);
	memset(l.blob + offsetof(mfr_model, arena), 0, sizeof(m->arena));
	mfr__model_walk(m, visit, &l);
	ck_assert_int_eq(l.bad, 0);
	ck_assert_uint_gt(l.nrelocs, 0);
	/* Every slot once. */
	qsort(l.relocs, l.nrelocs, sizeof(*l.relocs), cmp_u32);
	for (size_t i = 1; i < l.nrelocs; i++)
		ck_assert_uint_lt(l.relocs[i - 1], l.relocs[i]);

	char *want = digest_of(m, getters);
	char *want_lookups = lookups_of(m);
	ck_assert_int_eq(mfr__snapshot_load(l.blob, blob_size, l.relocs, l.nrelocs, &copy),
			 MFR_OK);
	check_graph(copy, blob_size, m);
	/* Nothing of the copy may point back into the model it came from. */
	memset((void *)l.data, 0xA5, l.used);
	mfr_model_free(m);
	free(l.blob);

	char *got = digest_of(copy, getters);
	ck_assert_str_eq(got, want);
	char *got_lookups = lookups_of(copy);
	ck_assert_str_eq(got_lookups, want_lookups);
	free(got);
	free(want);
	free(got_lookups);
	free(want_lookups);
	free(l.relocs);
	mfr_model_free(copy);
}

static const char *const model_files[] = { "minimal.json", "extra.json", "safety.json" };

START_TEST(test_models)
{
	char path[4096];
	size_t size = 0;

	mfr_test_path(path, sizeof(path), "models/");
	strncat(path, model_files[_i], sizeof(path) - strlen(path) - 1);
	char *text = mfr_test_read(path, &size);
	check_snapshot(text, size, model_files[_i], 1);
	free(text);
}
END_TEST

START_TEST(default_model)
{
	size_t size = 0;
	const char *text = mfr_model_default_text(&size);

	check_snapshot(text, size, "default", 0);
}
END_TEST

/* Out of memory: the status, and nothing handed back. */
START_TEST(load_nomem)
{
	mfr_model *m = (mfr_model *)&m;

	static const unsigned char blob[64];

	mfr__alloc_fail_after(0, 0);
	ck_assert_int_eq(mfr__snapshot_load(blob, sizeof(blob), NULL, 0, &m), MFR_E_NOMEM);
	ck_assert_int_eq(mfr__alloc_fail_after(-1, 0), 1);
	ck_assert_ptr_eq(m, (mfr_model *)&m);
}
END_TEST

Suite *mfr_test_snapshot_suite(void)
{
	Suite *s = suite_create("snapshot");
	TCase *tc = tcase_create("snapshot");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_models, 0, (int)(sizeof(model_files) / sizeof(model_files[0])));
	tcase_add_test(tc, default_model);
	tcase_add_test(tc, load_nomem);
	suite_add_tcase(s, tc);
	return s;
}
