/*
 * libmfr unit tests: models generated as C at build time (lib/snapshot.h).
 * The build writes the default model, and each test model
 * (tests/meson.build), with the same tool (lib/data/snapshot-tool.c). Each
 * generated model must read exactly as the model loaded from the text it
 * was generated from: through every public getter and the JSON export
 * (digest.c), every key found again, one trace (which walks the site
 * graph), and the graph itself, edge by edge. The test models use parts the
 * default model does not, so a field the tool leaves out (zero or NULL in
 * the generated model) fails here.
 * SPDX-License-Identifier: MIT
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "digest.h"
#include "model-private.h"
#include "snapshot.h"
#include "util.h"

/* The test models as the build generated them (tests/meson.build). */
#define GENERATED(name)                                          \
	extern const mfr_model mfr__test_snapshot_##name;         \
	extern const unsigned char mfr__test_snapshot_##name##_text[]; \
	extern const size_t mfr__test_snapshot_##name##_text_size;
GENERATED(minimal)
GENERATED(extra)
GENERATED(safety)
GENERATED(chart)
#undef GENERATED

static const struct generated {
	const char *name;
	const mfr_model *model;
	const unsigned char *text;
	const size_t *size;
} generated[] = {
#define GENERATED(name)                                                        \
	{ #name, &mfr__test_snapshot_##name, mfr__test_snapshot_##name##_text,    \
	  &mfr__test_snapshot_##name##_text_size }
	GENERATED(minimal),
	GENERATED(extra),
	GENERATED(safety),
	GENERATED(chart),
#undef GENERATED
	{ "default", &mfr__default_model, mfr__default_model_text,
	  &mfr__default_model_text_size },
};

#define N_GENERATED (sizeof(generated) / sizeof(generated[0]))

/* What every public getter reads of @p m, and its JSON form. */
static char *digest_of(const mfr_model *m)
{
	mfr_digest d = { 0 };
	char *json = NULL;

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

/* @p got equals @p want; else fail naming the first line that differs
 * (a digest is too long for one message). */
static void assert_same_text(const char *got, const char *want, const char *name)
{
	size_t line = 1, start = 0, i = 0;

	while (got[i] && got[i] == want[i]) {
		if (got[i++] == '\n') {
			line++;
			start = i;
		}
	}
	ck_assert_msg(got[i] == want[i], "%s: line %zu differs:\n got: %.200s\nwant: %.200s",
		      name, line, got + start, want + start);
}

/* The site graph of @p got is that of @p want, field by field. */
static void check_graph(const mfr_model *got, const mfr_model *want)
{
	const mfr_graph *a = &want->graph, *b = &got->graph;

	ck_assert_uint_eq(b->site_count, a->site_count);
	ck_assert_uint_eq(b->edge_count, a->edge_count);
	ck_assert_int_eq(memcmp(b->offsets, a->offsets,
				(a->site_count + 1) * sizeof(*a->offsets)), 0);
	for (uint32_t i = 0; i < a->edge_count; i++) {
		const mfr_edge *x = &a->edges[i], *y = &b->edges[i];

		ck_assert_msg(x->to == y->to && x->ref == y->ref && x->factor == y->factor &&
			      x->relation == y->relation && x->crosses == y->crosses &&
			      x->zone == y->zone && x->upward == y->upward &&
			      x->leaves_midline == y->leaves_midline && x->skipped == y->skipped &&
			      x->within_segment == y->within_segment,
			      "edge %u differs", i);
	}
}

/* Generated model @p g against the model loaded from its text. */
static void check_generated(const struct generated *g)
{
	mfr_model *loaded = NULL, *opened = NULL;
	mfr_error *err = NULL;

	mfr_test_assert_ok(mfr__model_parse((const char *)g->text, *g->size, g->name, &loaded,
					    &err), err, g->name);
	ck_assert_int_eq(mfr__snapshot_open(g->model, &opened), MFR_OK);

	check_graph(opened, loaded);
	char *want = digest_of(loaded), *got = digest_of(opened);
	assert_same_text(got, want, g->name);
	free(got);
	free(want);
	want = lookups_of(loaded);
	got = lookups_of(opened);
	assert_same_text(got, want, g->name);
	free(got);
	free(want);
	mfr_model_free(loaded);
	mfr_model_free(opened);
}

START_TEST(generated_equals_loaded)
{
	check_generated(&generated[_i]);
}
END_TEST

/* The test models are where the parts the default model lacks are: each
 * kind of entity, and what only some have, appears in one of them. */
START_TEST(test_models_cover_the_format)
{
	uint32_t dangers = 0, questions = 0, stages = 0, widen = 0, limits = 0, doses = 0;

	for (size_t i = 0; i + 1 < N_GENERATED; i++) {
		const mfr_model *m = generated[i].model;

		dangers += m->danger_zone_count;
		questions += m->screening_count;
		for (uint32_t k = 0; k < m->precaution_count; k++) {
			stages += m->precautions[k].stage_count;
			widen += m->precautions[k].widen_count;
			limits += m->precautions[k].position_limit_count;
			doses += m->precautions[k].dose != NULL;
		}
		for (uint32_t k = 0; k < m->condition_count; k++)
			doses += m->conditions[k].dose != NULL;
	}
	ck_assert_uint_gt(dangers, 0);
	ck_assert_uint_gt(questions, 0);
	ck_assert_uint_gt(stages, 0);
	ck_assert_uint_gt(widen, 0);
	ck_assert_uint_gt(limits, 0);
	ck_assert_uint_gt(doses, 0);
}
END_TEST

/* mfr_model_default() opens the generated default model: its arrays are
 * shared, not copied, and its text is the one the model was generated from
 * (test-default-model.c checks that text against lib/data). */
START_TEST(default_is_generated)
{
	mfr_model *builtin = NULL;
	size_t size = 0;

	ck_assert_int_eq(mfr_model_default(&builtin, NULL), MFR_OK);
	ck_assert_ptr_ne(builtin, &mfr__default_model);
	ck_assert_ptr_eq(builtin->regions, mfr__default_model.regions);
	ck_assert_ptr_eq(builtin->graph.edges, mfr__default_model.graph.edges);
	ck_assert_ptr_eq(mfr_model_default_text(&size), (const char *)mfr__default_model_text);
	ck_assert_uint_eq(size, mfr__default_model_text_size);
	mfr_model_free(builtin);
}
END_TEST

/* Out of memory: the status, and nothing handed back. */
START_TEST(open_nomem)
{
	mfr_model *m = (mfr_model *)&m;

	mfr__alloc_fail_after(0, 0);
	ck_assert_int_eq(mfr__snapshot_open(&mfr__default_model, &m), MFR_E_NOMEM);
	ck_assert_int_eq(mfr__alloc_fail_after(-1, 0), 1);
	ck_assert_ptr_eq(m, (mfr_model *)&m);
}
END_TEST

Suite *mfr_test_snapshot_suite(void)
{
	Suite *s = suite_create("snapshot");
	TCase *tc = tcase_create("snapshot");

	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, generated_equals_loaded, 0, (int)N_GENERATED);
	tcase_add_test(tc, test_models_cover_the_format);
	tcase_add_test(tc, default_is_generated);
	tcase_add_test(tc, open_nomem);
	suite_add_tcase(s, tc);
	return s;
}
