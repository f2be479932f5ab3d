/*
 * libmfr unit tests: one model read from several threads at once.
 *
 * Each thread walks every entity of the shared model through the public
 * getters into a text digest and serializes the model; all digests and
 * serializations must equal those made on the main thread first. Then
 * threads read one shared trace and one shared plan (every getter, the
 * explanations, the JSON), started before anything has read them: a const
 * getter must not write (explanations were once written on first read). Run
 * under valgrind (helgrind/drd) or TSan to look for races as well.
 * SPDX-License-Identifier: MIT
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define N_THREADS 4
#define ROUNDS 20

typedef struct digest {
	char *buf;
	size_t len, cap;
	int failed;
} digest;

static void add(digest *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(digest *d, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!d->buf) {
		d->cap = 4096;
		d->buf = malloc(d->cap);
		if (!d->buf) {
			d->failed = 1;
			return;
		}
	}
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(d->buf + d->len, d->cap - d->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			d->failed = 1;
			return;
		}
		if ((size_t)n < d->cap - d->len)
			break;
		size_t cap = (d->cap + (size_t)n + 1) * 2;
		char *b = realloc(d->buf, cap);
		if (!b) {
			d->failed = 1;
			return;
		}
		d->buf = b;
		d->cap = cap;
	}
	d->len += (size_t)n;
}

static const char *key_or(const char *s)
{
	return s ? s : "-";
}

static void walk_provenance(digest *d, const mfr_provenance *p)
{
	add(d, " prov[%d,%s", mfr_provenance_is_convention(p), mfr_provenance_note(p));
	for (uint32_t i = 0; i < mfr_provenance_source_count(p); i++)
		add(d, ",%s", mfr_source_key(mfr_provenance_source_at(p, i)));
	add(d, "]\n");
}

static void walk(digest *d, const mfr_model *m)
{
	uint32_t i, k;

	add(d, "%s %s %s\n", mfr_model_name(m), mfr_model_version(m),
	    mfr_model_description(m));
	for (i = 0; i < mfr_model_count(m, MFR_KIND_SOURCE); i++) {
		const mfr_source *s = mfr_model_source_at(m, i);
		add(d, "S %s|%s|%s\n", mfr_source_key(s), mfr_source_citation(s),
		    mfr_source_note(s));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_REGION); i++) {
		const mfr_region *r = mfr_model_region_at(m, i);
		add(d, "R %s %s %u %d %s %d %u %d %s %s %s", mfr_region_key(r),
		    mfr_region_name(r), mfr_region_index(r), mfr_region_kind_of(r),
		    key_or(mfr_region_key(mfr_region_parent(r))), mfr_region_laterality(r),
		    mfr_region_positions(r), mfr_region_depth(r),
		    key_or(mfr_region_snomed(r)), key_or(mfr_region_fma(r)),
		    key_or(mfr_region_uberon(r)));
		for (k = 0; k < mfr_region_child_count(r); k++)
			add(d, " c:%s", mfr_region_key(mfr_region_child_at(r, k)));
		for (k = 0; k < mfr_region_adjacent_count(r); k++)
			add(d, " a:%s", mfr_region_key(mfr_region_adjacent_at(r, k)));
		add(d, " w:%d", mfr_region_is_within(r, mfr_model_region_at(m, 0)));
		walk_provenance(d, mfr_region_provenance(r));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_LINE); i++) {
		const mfr_line *l = mfr_model_line_at(m, i);
		add(d, "L %s %s %s %u %d %d", mfr_line_key(l), mfr_line_abbrev(l),
		    mfr_line_name(l), mfr_line_index(l), mfr_line_evidence(l),
		    mfr_line_crosses(l));
		for (k = 0; k < mfr_line_evidence_source_count(l); k++)
			add(d, " e:%s", mfr_source_key(mfr_line_evidence_source_at(l, k)));
		for (uint32_t b = 0; b < mfr_line_branch_count(l); b++) {
			const mfr_line_branch *br = mfr_line_branch_at(l, b);
			add(d, "\n B %s %s %d", mfr_line_branch_key(br),
			    mfr_line_branch_name(br), mfr_line_branch_line(br) == l);
			for (k = 0; k < mfr_line_branch_node_count(br); k++) {
				const mfr_line_node *n = mfr_line_branch_node_at(br, k);
				add(d, "\n  N %d %d %d %d %s", mfr_line_node_kind(n),
				    mfr_line_node_side(n), mfr_line_node_crosses(n),
				    mfr_line_node_may_cross(n), mfr_line_node_note(n));
				for (uint32_t j = 0; j < mfr_line_node_region_count(n); j++)
					add(d, " %s", mfr_region_key(mfr_line_node_region_at(n, j)));
			}
		}
		walk_provenance(d, mfr_line_provenance(l));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_REFERRAL); i++) {
		const mfr_referral *r = mfr_model_referral_at(m, i);
		add(d, "F %s %u %s %s %d %d", mfr_referral_key(r), mfr_referral_index(r),
		    mfr_region_key(mfr_referral_muscle(r)), mfr_referral_trigger_point(r),
		    mfr_referral_split_convention(r), mfr_referral_disputed(r));
		for (k = 0; k < mfr_referral_zone_count(r); k++)
			add(d, " z:%s/%d/%d", mfr_region_key(mfr_referral_zone_area(r, k)),
			    mfr_referral_zone_kind(r, k), mfr_referral_zone_bilateral(r, k));
		walk_provenance(d, mfr_referral_provenance(r));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_TECHNIQUE); i++) {
		const mfr_technique *t = mfr_model_technique_at(m, i);
		add(d, "T %s %s %u %d %d %d %d %d %d %u %u %d %u %u", mfr_technique_key(t),
		    mfr_technique_name(t), mfr_technique_index(t), mfr_technique_family(t),
		    mfr_technique_approach(t), mfr_technique_pressure_min(t),
		    mfr_technique_pressure_max(t), mfr_technique_depth(t),
		    mfr_technique_has_hold(t), mfr_technique_hold_min(t),
		    mfr_technique_hold_max(t), mfr_technique_hold_convention(t),
		    mfr_technique_positions(t), mfr_technique_suits(t));
		for (k = 0; k < mfr_technique_region_count(t); k++)
			add(d, " r:%s", mfr_region_key(mfr_technique_region_at(t, k)));
		walk_provenance(d, mfr_technique_provenance(t));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_CONDITION); i++) {
		const mfr_condition *c = mfr_model_condition_at(m, i);
		add(d, "C %s %s %u %s", mfr_condition_key(c), mfr_condition_name(c),
		    mfr_condition_index(c), mfr_condition_evidence(c));
		for (k = 0; k < mfr_condition_icd10cm_count(c); k++)
			add(d, " i:%s", mfr_condition_icd10cm_at(c, k));
		for (k = 0; k < mfr_condition_snomed_count(c); k++)
			add(d, " s:%s", mfr_condition_snomed_at(c, k));
		for (k = 0; k < mfr_condition_area_count(c); k++)
			add(d, " a:%s", mfr_region_key(mfr_condition_area_at(c, k)));
		for (k = 0; k < mfr_condition_line_count(c); k++)
			add(d, " l:%s", mfr_line_key(mfr_condition_line_at(c, k)));
		for (k = 0; k < mfr_condition_region_count(c); k++)
			add(d, " r:%s", mfr_region_key(mfr_condition_region_at(c, k)));
		walk_provenance(d, mfr_condition_provenance(c));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_PRECAUTION); i++) {
		const mfr_precaution *p = mfr_model_precaution_at(m, i);
		add(d, "P %s %s %u %d %d %d %d %d %d %s", mfr_precaution_key(p),
		    mfr_precaution_name(p), mfr_precaution_index(p), mfr_precaution_scope(p),
		    mfr_precaution_severity(p), mfr_precaution_needs_clearance(p),
		    mfr_precaution_avoid_site(p), mfr_precaution_avoid_adjacent(p),
		    mfr_precaution_pressure_ceiling(p), mfr_precaution_effect(p));
		for (k = 0; k < mfr_precaution_avoid_region_count(p); k++)
			add(d, " r:%s", mfr_region_key(mfr_precaution_avoid_region_at(p, k)));
		for (k = 0; k < mfr_precaution_excluded_technique_count(p); k++)
			add(d, " t:%s", mfr_technique_key(
				mfr_precaution_excluded_technique_at(p, k)));
		walk_provenance(d, mfr_precaution_provenance(p));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_AFTERCARE); i++) {
		const mfr_aftercare *a = mfr_model_aftercare_at(m, i);
		add(d, "A %s %s", mfr_aftercare_key(a), mfr_aftercare_text(a));
		walk_provenance(d, mfr_aftercare_provenance(a));
	}
	/* Lookups and suggestions too. */
	for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++) {
		for (i = 0; i < mfr_model_count(m, kind); i++) {
			const char *key = mfr_model_key_at(m, kind, i), *sugg[3];
			uint32_t ns = mfr_model_suggest(m, kind, key, sugg, 3);
			add(d, "K %d %s %d %u\n", kind, key, mfr_model_has(m, kind, key), ns);
		}
	}
}

typedef struct job {
	const mfr_model *model;
	digest walk;
	char *json;
	int failed;
} job;

static void *worker(void *arg)
{
	job *j = arg;

	for (int round = 0; round < ROUNDS && !j->failed; round++) {
		digest d = { NULL, 0, 0, 0 };
		char *json = NULL;

		walk(&d, j->model);
		if (d.failed || mfr_model_to_json(j->model, 0, NULL, 0, &json, NULL) != MFR_OK)
			j->failed = 1;
		if (round == 0) {
			j->walk = d;
			j->json = json;
			continue;
		}
		/* Every round sees the same thing. */
		if (!j->failed && (strcmp(d.buf, j->walk.buf) != 0 ||
				   strcmp(json, j->json) != 0))
			j->failed = 1;
		free(d.buf);
		mfr_free(json);
	}
	return NULL;
}

static void run_threads(const char *name)
{
	mfr_model *m = mfr_test_load_model(name);
	digest ref = { NULL, 0, 0, 0 };
	char *ref_json = NULL;
	pthread_t tid[N_THREADS];
	job jobs[N_THREADS];

	walk(&ref, m);
	ck_assert(!ref.failed);
	ck_assert_int_eq(mfr_model_to_json(m, 0, NULL, 0, &ref_json, NULL), MFR_OK);
	memset(jobs, 0, sizeof(jobs));
	for (int t = 0; t < N_THREADS; t++) {
		jobs[t].model = m;
		ck_assert_int_eq(pthread_create(&tid[t], NULL, worker, &jobs[t]), 0);
	}
	for (int t = 0; t < N_THREADS; t++)
		ck_assert_int_eq(pthread_join(tid[t], NULL), 0);
	for (int t = 0; t < N_THREADS; t++) {
		ck_assert_msg(!jobs[t].failed, "thread %d failed or saw a change", t);
		ck_assert_str_eq(jobs[t].walk.buf, ref.buf);
		ck_assert_str_eq(jobs[t].json, ref_json);
		free(jobs[t].walk.buf);
		mfr_free(jobs[t].json);
	}
	free(ref.buf);
	mfr_free(ref_json);
	mfr_model_free(m);
}

START_TEST(shared_minimal)
{
	run_threads("minimal.json");
}
END_TEST

START_TEST(shared_extra)
{
	run_threads("extra.json");
}
END_TEST

/* ---- one trace and one plan, read by several threads at once ---- */

typedef struct reader {
	const mfr_trace *trace;
	const mfr_plan *plan;
	pthread_barrier_t *start;
	char *trace_digest, *trace_json, *plan_json;
	int failed;
} reader;

static void digest_trace(digest *d, const mfr_trace *t)
{
	for (uint32_t i = 0; i < mfr_trace_count(t); i++) {
		const mfr_trace_result *r = mfr_trace_result_at(t, i);

		add(d, "%u %s %d %.9f %d %s\n", i, mfr_region_key(mfr_trace_result_region(r)),
		    mfr_trace_result_side(r), mfr_trace_result_score(r),
		    mfr_trace_result_distance(r), mfr_trace_result_explain(r));
		for (uint32_t k = 0; k < mfr_trace_result_path_count(r); k++) {
			const mfr_trace_path *p = mfr_trace_result_path_at(r, k);

			add(d, " path %u %.9f:", mfr_trace_path_symptom(p), mfr_trace_path_score(p));
			for (uint32_t j = 0; j < mfr_trace_path_step_count(p); j++)
				add(d, " %s/%d>%s/%d %d %.6f",
				    mfr_region_key(mfr_trace_path_step_from(p, j)),
				    mfr_trace_path_step_from_side(p, j),
				    mfr_region_key(mfr_trace_path_step_to(p, j)),
				    mfr_trace_path_step_to_side(p, j),
				    mfr_trace_path_step_relation(p, j), mfr_trace_path_step_factor(p, j));
			add(d, "\n");
		}
	}
}

static void *read_shared(void *arg)
{
	reader *r = arg;
	digest d = { NULL, 0, 0, 0 };

	pthread_barrier_wait(r->start);
	for (int round = 0; round < ROUNDS && !r->failed; round++) {
		char *tj = NULL, *pj = NULL;

		d.len = 0;
		digest_trace(&d, r->trace);
		if (d.failed || mfr_trace_to_json(r->trace, 0, &tj, NULL) != MFR_OK ||
		    mfr_plan_to_json(r->plan, MFR_JSON_COMPACT, &pj, NULL) != MFR_OK) {
			r->failed = 1;
		} else if (round == 0) {
			r->trace_digest = strdup(d.buf);
			r->trace_json = tj;
			r->plan_json = pj;
			tj = pj = NULL;
		} else if (strcmp(d.buf, r->trace_digest) != 0 || strcmp(tj, r->trace_json) != 0 ||
			   strcmp(pj, r->plan_json) != 0) {
			r->failed = 1; /* a reader saw the trace change */
		}
		mfr_free(tj);
		mfr_free(pj);
	}
	free(d.buf);
	return NULL;
}

static size_t first_difference(const char *a, const char *b)
{
	size_t i = 0;

	while (a[i] && a[i] == b[i])
		i++;
	return i;
}

START_TEST(shared_trace_and_plan)
{
	mfr_model *m = NULL;
	mfr_intake *in = NULL;
	mfr_trace *t = NULL, *fresh = NULL;
	mfr_plan *p = NULL;
	pthread_t tid[N_THREADS];
	reader readers[N_THREADS];
	pthread_barrier_t start;

	ck_assert_int_eq(mfr_model_default(&m, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_new(m, &in), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 6, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_symptom(in, "temple", MFR_SIDE_RIGHT, 4, 0, NULL), MFR_OK);
	ck_assert_int_eq(mfr_intake_add_condition(in, "plantar_fasciitis", NULL), MFR_OK);
	ck_assert_int_eq(mfr_trace_run(in, NULL, &t, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_run(in, NULL, &p, NULL), MFR_OK);
	ck_assert_uint_gt(mfr_trace_count(t), 0);

	/* jansson seeds its hash function on the first JSON object it makes
	 * (atomically, which helgrind cannot tell): make one here. */
	char *warm = NULL;
	ck_assert_int_eq(mfr_intake_to_json(in, 0, &warm, NULL), MFR_OK);
	mfr_free(warm);

	/* Nothing has read the trace yet: the threads are its first readers. */
	ck_assert_int_eq(pthread_barrier_init(&start, NULL, N_THREADS), 0);
	memset(readers, 0, sizeof(readers));
	for (int i = 0; i < N_THREADS; i++) {
		readers[i] = (reader){ t, p, &start, NULL, NULL, NULL, 0 };
		ck_assert_int_eq(pthread_create(&tid[i], NULL, read_shared, &readers[i]), 0);
	}
	for (int i = 0; i < N_THREADS; i++)
		ck_assert_int_eq(pthread_join(tid[i], NULL), 0);
	pthread_barrier_destroy(&start);

	/* What every thread saw equals a trace read on this thread alone. */
	digest ref = { NULL, 0, 0, 0 };
	char *ref_json = NULL, *ref_plan = NULL;

	ck_assert_int_eq(mfr_trace_run(in, NULL, &fresh, NULL), MFR_OK);
	digest_trace(&ref, fresh);
	ck_assert(!ref.failed);
	ck_assert_int_eq(mfr_trace_to_json(fresh, 0, &ref_json, NULL), MFR_OK);
	ck_assert_int_eq(mfr_plan_to_json(p, MFR_JSON_COMPACT, &ref_plan, NULL), MFR_OK);
	for (int i = 0; i < N_THREADS; i++) {
		ck_assert_msg(!readers[i].failed, "reader %d failed or saw a change", i);
		/* Compared without ck_assert_str_eq: Check cannot pass on a
		 * message as long as these texts. */
		ck_assert_msg(strcmp(readers[i].trace_digest, ref.buf) == 0,
			      "reader %d: the trace differs at byte %zu", i,
			      first_difference(readers[i].trace_digest, ref.buf));
		ck_assert_msg(strcmp(readers[i].trace_json, ref_json) == 0,
			      "reader %d: the trace JSON differs at byte %zu", i,
			      first_difference(readers[i].trace_json, ref_json));
		ck_assert_msg(strcmp(readers[i].plan_json, ref_plan) == 0,
			      "reader %d: the plan JSON differs at byte %zu", i,
			      first_difference(readers[i].plan_json, ref_plan));
		free(readers[i].trace_digest);
		mfr_free(readers[i].trace_json);
		mfr_free(readers[i].plan_json);
	}
	free(ref.buf);
	mfr_free(ref_json);
	mfr_free(ref_plan);
	mfr_trace_free(fresh);
	mfr_plan_free(p);
	mfr_trace_free(t);
	mfr_intake_free(in);
	mfr_model_free(m);
}
END_TEST

Suite *mfr_test_threads_suite(void)
{
	Suite *s = suite_create("threads");
	TCase *tc = tcase_create("shared_model");

	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, shared_minimal);
	tcase_add_test(tc, shared_extra);
	suite_add_tcase(s, tc);

	tc = tcase_create("shared_trace");
	tcase_set_timeout(tc, 120);
	tcase_add_test(tc, shared_trace_and_plan);
	suite_add_tcase(s, tc);
	return s;
}
