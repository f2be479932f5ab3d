/*
 * libmfr unit tests: text digests of what the public getters read (digest.h).
 * SPDX-License-Identifier: MIT
 */
#include "digest.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

static void add(mfr_digest *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Append; a va_list is consumed once, so it is copied for each try. */
static void vadd(mfr_digest *d, const char *fmt, va_list args)
	__attribute__((format(printf, 2, 0)));

static void vadd(mfr_digest *d, const char *fmt, va_list args)
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
		va_copy(ap, args);
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

void mfr_digest_add(mfr_digest *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(d, fmt, ap);
	va_end(ap);
}

static void add(mfr_digest *d, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vadd(d, fmt, ap);
	va_end(ap);
}

static const char *key_or(const char *s)
{
	return s ? s : "-";
}

static void walk_provenance(mfr_digest *d, const mfr_provenance *p)
{
	add(d, " prov[%d,%s", mfr_provenance_is_convention(p), key_or(mfr_provenance_note(p)));
	for (uint32_t i = 0; i < mfr_provenance_source_count(p); i++)
		add(d, ",%s", mfr_source_key(mfr_provenance_source_at(p, i)));
	add(d, "]\n");
}

static void walk_dose(mfr_digest *d, const mfr_dose *dose)
{
	if (!dose) {
		add(d, " dose[-]\n");
		return;
	}
	add(d, " dose[%d %d %u %u %u %d]", mfr_dose_pressure_ceiling(dose),
	    mfr_dose_indirect_only(dose), mfr_dose_max_minutes(dose), mfr_dose_hold_min(dose),
	    mfr_dose_hold_max(dose), mfr_dose_progresses(dose));
	walk_provenance(d, mfr_dose_provenance(dose));
}

/* A precaution's stages, widening, position limits, clearance areas and dose. */
static void walk_precaution_limits(mfr_digest *d, const mfr_precaution *p)
{
	uint32_t k, j;

	add(d, " scoped:%d optional:%d refer_first:%d stages:%u/%s",
	    mfr_precaution_site_scoped(p), mfr_precaution_site_optional(p),
	    mfr_precaution_refer_first(p), mfr_precaution_stage_count(p),
	    mfr_precaution_stage_name(p));
	for (k = 0; k < mfr_precaution_widening_count(p); k++) {
		const mfr_precaution_widening *w = mfr_precaution_widening_at(p, k);

		add(d, " widen:%s", mfr_region_key(mfr_precaution_widening_region(w)));
		for (j = 0; j < mfr_precaution_widening_with_count(w); j++)
			add(d, "+%s", mfr_region_key(mfr_precaution_widening_with_at(w, j)));
	}
	for (k = 0; k < mfr_precaution_position_limit_count(p); k++) {
		const mfr_precaution_position_limit *l = mfr_precaution_position_limit_at(p, k);

		add(d, " limit:%d/%u", mfr_precaution_position_limit_position(l),
		    mfr_precaution_position_limit_from_stage(l));
		for (j = 0; j < mfr_precaution_position_limit_region_count(l); j++)
			add(d, "+%s", mfr_region_key(mfr_precaution_position_limit_region_at(l, j)));
	}
	for (k = 0; k < mfr_precaution_clearance_area_count(p); k++)
		add(d, " clear:%s", mfr_region_key(mfr_precaution_clearance_area_at(p, k)));
	walk_dose(d, mfr_precaution_dose(p));
}

/* The body map's segments, through their getters: every id a map may use
 * in the default model's range and beyond it (the chart itself is in the
 * JSON export, which the snapshot test digests too). */
static void walk_segments(mfr_digest *d, const mfr_model *m)
{
	for (uint32_t id = 0; id < 1000; id++) {
		uint32_t n = mfr_model_segment_site_count(m, id);

		if (!n)
			continue;
		add(d, "G %u %s", id, mfr_model_segment_name(m, id));
		for (uint32_t k = 0; k <= n; k++)
			add(d, " %s:%d", key_or(mfr_region_key(mfr_model_segment_site_region(m, id,
											      k))),
			    mfr_model_segment_site_side(m, id, k));
		add(d, "\n");
	}
}

static void walk_danger_zones(mfr_digest *d, const mfr_model *m)
{
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_DANGER_ZONE); i++) {
		const mfr_danger_zone *z = mfr_model_danger_zone_at(m, i);

		add(d, "D %s %s %u %u %d %s", mfr_danger_zone_key(z), mfr_danger_zone_name(z),
		    mfr_danger_zone_index(z), mfr_danger_zone_region_kinds(z),
		    mfr_danger_zone_pressure_ceiling(z), mfr_danger_zone_effect(z));
		for (uint32_t k = 0; k < mfr_danger_zone_region_count(z); k++)
			add(d, " r:%s", mfr_region_key(mfr_danger_zone_region_at(z, k)));
		for (uint32_t k = 0; k < mfr_danger_zone_excluded_technique_count(z); k++)
			add(d, " t:%s", mfr_technique_key(
				mfr_danger_zone_excluded_technique_at(z, k)));
		walk_provenance(d, mfr_danger_zone_provenance(z));
	}
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_REGION); i++)
		add(d, "covering %s %s\n", mfr_region_key(mfr_model_region_at(m, i)),
		    key_or(mfr_danger_zone_key(mfr_model_danger_zone_covering(
			    m, mfr_model_region_at(m, i)))));
}

static void walk_screening(mfr_digest *d, const mfr_model *m)
{
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_SCREENING); i++) {
		const mfr_screening *q = mfr_model_screening_at(m, i);

		add(d, "Q %s %u %s", mfr_screening_key(q), mfr_screening_index(q),
		    mfr_screening_text(q));
		for (uint32_t a = 0; a < mfr_screening_answer_count(q); a++) {
			const mfr_screening_answer *ans = mfr_screening_answer_at(q, a);

			add(d, "\n  %s %u %d %s", mfr_screening_answer_key(ans),
			    mfr_screening_answer_stage(ans), mfr_screening_answer_needs_site(ans),
			    mfr_screening_answer_text(ans));
			for (uint32_t k = 0; k < mfr_screening_answer_precaution_count(ans); k++)
				add(d, " p:%s", mfr_precaution_key(
					mfr_screening_answer_precaution_at(ans, k)));
		}
		walk_provenance(d, mfr_screening_provenance(q));
	}
}

/* Each key found again by the typed lookups. */
static void walk_lookups(mfr_digest *d, const mfr_model *m)
{
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_REGION); i++)
		add(d, "%d", mfr_model_region(m, mfr_region_key(mfr_model_region_at(m, i))) ==
			    mfr_model_region_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_LINE); i++)
		add(d, "%d", mfr_model_line(m, mfr_line_key(mfr_model_line_at(m, i))) ==
			    mfr_model_line_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_REFERRAL); i++)
		add(d, "%d", mfr_model_referral(m, mfr_referral_key(mfr_model_referral_at(m, i))) ==
			    mfr_model_referral_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_TECHNIQUE); i++)
		add(d, "%d", mfr_model_technique(m, mfr_technique_key(
				mfr_model_technique_at(m, i))) == mfr_model_technique_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_CONDITION); i++)
		add(d, "%d", mfr_model_condition(m, mfr_condition_key(
				mfr_model_condition_at(m, i))) == mfr_model_condition_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_PRECAUTION); i++)
		add(d, "%d", mfr_model_precaution(m, mfr_precaution_key(
				mfr_model_precaution_at(m, i))) == mfr_model_precaution_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_SOURCE); i++)
		add(d, "%d", mfr_model_source(m, mfr_source_key(mfr_model_source_at(m, i))) ==
			    mfr_model_source_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_AFTERCARE); i++)
		add(d, "%d", mfr_model_aftercare(m, mfr_aftercare_key(
				mfr_model_aftercare_at(m, i))) == mfr_model_aftercare_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_DANGER_ZONE); i++)
		add(d, "%d", mfr_model_danger_zone(m, mfr_danger_zone_key(
				mfr_model_danger_zone_at(m, i))) == mfr_model_danger_zone_at(m, i));
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_SCREENING); i++)
		add(d, "%d", mfr_model_screening(m, mfr_screening_key(
				mfr_model_screening_at(m, i))) == mfr_model_screening_at(m, i));
	add(d, "\n");
}

/* A search (mfr/find.h) for each synonym: what it finds, best first. */
static void digest_find(mfr_digest *d, const mfr_model *m, const char *words)
{
	mfr_find *r = NULL;

	if (mfr_model_find(m, words, &r, NULL) != MFR_OK) {
		d->failed = 1;
		return;
	}
	add(d, "F %s:", words);
	for (uint32_t i = 0; i < mfr_find_match_count(r); i++) {
		const mfr_find_match *x = mfr_find_match_at(r, i);

		add(d, " %d/%s/%s/%d/%.17g", mfr_find_match_kind(x), mfr_find_match_key(x),
		    mfr_find_match_term(x), mfr_find_match_is_synonym(x),
		    mfr_find_match_score(x));
	}
	add(d, "\n");
	mfr_find_free(r);
}

static void walk_find(mfr_digest *d, const mfr_model *m)
{
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_REGION); i++) {
		const mfr_region *r = mfr_model_region_at(m, i);

		for (uint32_t k = 0; k < mfr_region_synonym_count(r); k++)
			digest_find(d, m, mfr_region_synonym_at(r, k));
	}
	for (uint32_t i = 0; i < mfr_model_count(m, MFR_KIND_CONDITION); i++) {
		const mfr_condition *c = mfr_model_condition_at(m, i);

		for (uint32_t k = 0; k < mfr_condition_synonym_count(c); k++)
			digest_find(d, m, mfr_condition_synonym_at(c, k));
	}
}

void mfr_digest_model(mfr_digest *d, const mfr_model *m)
{
	uint32_t i, k;

	add(d, "%s %s %s\n", mfr_model_name(m), mfr_model_version(m),
	    key_or(mfr_model_description(m)));
	for (i = 0; i < mfr_model_count(m, MFR_KIND_SOURCE); i++) {
		const mfr_source *s = mfr_model_source_at(m, i);
		add(d, "S %s|%s|%s\n", mfr_source_key(s), mfr_source_citation(s),
		    key_or(mfr_source_note(s)));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_REGION); i++) {
		const mfr_region *r = mfr_model_region_at(m, i);
		add(d, "R %s %s %u %d %s %d %u %d %d %d %s %s %s", mfr_region_key(r),
		    mfr_region_name(r), mfr_region_index(r), mfr_region_kind(r),
		    key_or(mfr_region_key(mfr_region_parent(r))), mfr_region_laterality(r),
		    mfr_region_positions(r), mfr_region_depth(r), mfr_region_access(r),
		    mfr_region_treatable(r), key_or(mfr_region_snomed(r)),
		    key_or(mfr_region_fma(r)), key_or(mfr_region_uberon(r)));
		for (k = 0; k < mfr_region_child_count(r); k++)
			add(d, " c:%s", mfr_region_key(mfr_region_child_at(r, k)));
		for (k = 0; k < mfr_region_adjacent_count(r); k++)
			add(d, " a:%s", mfr_region_key(mfr_region_adjacent_at(r, k)));
		for (k = 0; k < mfr_region_synonym_count(r); k++)
			add(d, " y:%s", mfr_region_synonym_at(r, k));
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
			    key_or(mfr_line_branch_name(br)), mfr_line_branch_line(br) == l);
			for (k = 0; k < mfr_line_branch_node_count(br); k++) {
				const mfr_line_node *n = mfr_line_branch_node_at(br, k);
				add(d, "\n  N %d %d %d %d %s", mfr_line_node_kind(n),
				    mfr_line_node_side(n), mfr_line_node_crosses(n),
				    mfr_line_node_may_cross(n), key_or(mfr_line_node_note(n)));
				for (uint32_t j = 0; j < mfr_line_node_region_count(n); j++)
					add(d, " %s", mfr_region_key(mfr_line_node_region_at(n, j)));
			}
		}
		walk_provenance(d, mfr_line_provenance(l));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_REFERRAL); i++) {
		const mfr_referral *r = mfr_model_referral_at(m, i);
		add(d, "F %s %u %s %s %d %d", mfr_referral_key(r), mfr_referral_index(r),
		    mfr_region_key(mfr_referral_muscle(r)), key_or(mfr_referral_trigger_point(r)),
		    mfr_referral_split_convention(r), mfr_referral_disputed(r));
		for (k = 0; k < mfr_referral_zone_count(r); k++) {
			const mfr_referral_zone *zn = mfr_referral_zone_at(r, k);

			add(d, " z:%s/%d/%d/%d", mfr_region_key(mfr_referral_zone_area(zn)),
			    mfr_referral_zone_kind(zn), mfr_referral_zone_bilateral(zn),
			    mfr_referral_zone_frequency(zn));
		}
		walk_provenance(d, mfr_referral_provenance(r));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_TECHNIQUE); i++) {
		const mfr_technique *t = mfr_model_technique_at(m, i);
		add(d, "T %s %s %u %d %d %d %d %d %d %u %u %d %u %u %u", mfr_technique_key(t),
		    mfr_technique_name(t), mfr_technique_index(t), mfr_technique_family(t),
		    mfr_technique_approach(t), mfr_technique_pressure_min(t),
		    mfr_technique_pressure_max(t), mfr_technique_depth(t),
		    mfr_technique_has_hold(t), mfr_technique_hold_min(t),
		    mfr_technique_hold_max(t), mfr_technique_hold_convention(t),
		    mfr_technique_positions(t), mfr_technique_suits(t),
		    mfr_technique_max_sites(t));
		for (k = 0; k < mfr_technique_region_count(t); k++)
			add(d, " r:%s", mfr_region_key(mfr_technique_region_at(t, k)));
		walk_provenance(d, mfr_technique_provenance(t));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_CONDITION); i++) {
		const mfr_condition *c = mfr_model_condition_at(m, i);
		add(d, "C %s %s %u %s", mfr_condition_key(c), mfr_condition_name(c),
		    mfr_condition_index(c), key_or(mfr_condition_evidence(c)));
		for (k = 0; k < mfr_condition_icd10cm_count(c); k++)
			add(d, " i:%s", mfr_condition_icd10cm_at(c, k));
		for (k = 0; k < mfr_condition_snomed_count(c); k++)
			add(d, " s:%s", mfr_condition_snomed_at(c, k));
		for (k = 0; k < mfr_condition_synonym_count(c); k++)
			add(d, " y:%s", mfr_condition_synonym_at(c, k));
		for (k = 0; k < mfr_condition_area_count(c); k++)
			add(d, " a:%s", mfr_region_key(mfr_condition_area_at(c, k)));
		for (k = 0; k < mfr_condition_line_count(c); k++)
			add(d, " l:%s", mfr_line_key(mfr_condition_line_at(c, k)));
		for (k = 0; k < mfr_condition_region_count(c); k++)
			add(d, " r:%s", mfr_region_key(mfr_condition_region_at(c, k)));
		for (k = 0; k < mfr_condition_site_technique_count(c); k++)
			add(d, " t:%s", mfr_technique_key(mfr_condition_site_technique_at(c, k)));
		for (k = 0; k < mfr_condition_trigger_point_technique_count(c); k++)
			add(d, " tp:%s", mfr_technique_key(
				    mfr_condition_trigger_point_technique_at(c, k)));
		for (k = 0; k < mfr_condition_screening_count(c); k++)
			add(d, " q:%s", mfr_screening_key(mfr_condition_screening_at(c, k)));
		walk_dose(d, mfr_condition_dose(c));
		walk_provenance(d, mfr_condition_provenance(c));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_PRECAUTION); i++) {
		const mfr_precaution *p = mfr_model_precaution_at(m, i);
		add(d, "P %s %s %u %d %d %d %d %d %d %s", mfr_precaution_key(p),
		    mfr_precaution_name(p), mfr_precaution_index(p), mfr_precaution_scope(p),
		    mfr_precaution_severity(p), mfr_precaution_needs_clearance(p),
		    mfr_precaution_avoid_site(p), mfr_precaution_avoid_adjacent(p),
		    mfr_precaution_pressure_ceiling(p), key_or(mfr_precaution_effect(p)));
		for (k = 0; k < mfr_precaution_avoid_region_count(p); k++)
			add(d, " r:%s", mfr_region_key(mfr_precaution_avoid_region_at(p, k)));
		for (k = 0; k < mfr_precaution_avoid_until_cleared_count(p); k++)
			add(d, " rc:%s", mfr_region_key(mfr_precaution_avoid_until_cleared_at(p, k)));
		for (k = 0; k < mfr_precaution_excluded_technique_count(p); k++)
			add(d, " t:%s", mfr_technique_key(
				mfr_precaution_excluded_technique_at(p, k)));
		walk_precaution_limits(d, p);
		walk_provenance(d, mfr_precaution_provenance(p));
	}
	for (i = 0; i < mfr_model_count(m, MFR_KIND_AFTERCARE); i++) {
		const mfr_aftercare *a = mfr_model_aftercare_at(m, i);
		add(d, "A %s %d %s", mfr_aftercare_key(a), mfr_aftercare_kind(a),
		    mfr_aftercare_text(a));
		for (k = 0; k < mfr_aftercare_when_count(a); k++)
			add(d, " w:%s", mfr_precaution_key(mfr_aftercare_when_at(a, k)));
		walk_provenance(d, mfr_aftercare_provenance(a));
	}
	walk_danger_zones(d, m);
	walk_segments(d, m);
	walk_screening(d, m);
	walk_lookups(d, m);
	walk_find(d, m);
	/* Lookups and suggestions too. */
	for (int kind = MFR_KIND_REGION; kind <= MFR_TEST_LAST_KIND; kind++) {
		for (i = 0; i < mfr_model_count(m, kind); i++) {
			const char *key = mfr_model_key_at(m, kind, i), *sugg[3];
			uint32_t ns = mfr_model_suggest(m, kind, key, sugg, 3);
			add(d, "K %d %s %d %u\n", kind, key, mfr_model_has(m, kind, key), ns);
		}
	}
}

void mfr_digest_trace(mfr_digest *d, const mfr_trace *t)
{
	for (uint32_t i = 0; i < mfr_trace_result_count(t); i++) {
		const mfr_trace_result *r = mfr_trace_result_at(t, i);

		add(d, "%u %s %d %.9f %d %s\n", i, mfr_region_key(mfr_trace_result_region(r)),
		    mfr_trace_result_side(r), mfr_trace_result_score(r),
		    mfr_trace_result_distance(r), key_or(mfr_trace_result_explain(r)));
		for (uint32_t k = 0; k < mfr_trace_result_path_count(r); k++) {
			const mfr_trace_path *p = mfr_trace_result_path_at(r, k);

			add(d, " path %u %.9f:", mfr_trace_path_symptom(p), mfr_trace_path_score(p));
			for (uint32_t j = 0; j < mfr_trace_path_step_count(p); j++) {
				const mfr_trace_path_step *st = mfr_trace_path_step_at(p, j);

				add(d, " %s/%d>%s/%d %d %.6f %s %d %s %d",
				    mfr_region_key(mfr_trace_path_step_from(st)),
				    mfr_trace_path_step_from_side(st),
				    mfr_region_key(mfr_trace_path_step_to(st)),
				    mfr_trace_path_step_to_side(st),
				    mfr_trace_path_step_relation(st),
				    mfr_trace_path_step_factor(st),
				    key_or(mfr_line_key(mfr_trace_path_step_line(st))),
				    mfr_trace_path_step_crosses(st),
				    key_or(mfr_referral_key(mfr_trace_path_step_referral(st))),
				    mfr_trace_path_step_zone(st));
			}
			add(d, "\n");
		}
	}
}

void mfr_digest_clear(mfr_digest *d)
{
	d->len = 0;
	if (d->buf)
		d->buf[0] = '\0';
}

void mfr_digest_intake(mfr_digest *d, const mfr_intake *in)
{
	uint32_t i;

	add(d, "intake %u %u %u %d\n", mfr_intake_minutes(in),
	    mfr_intake_positions(in), mfr_intake_scopes(in), mfr_intake_model(in) != NULL);
	for (i = 0; i < mfr_intake_symptom_count(in); i++) {
		const mfr_intake_symptom *s = mfr_intake_symptom_at(in, i);

		add(d, "symptom %s %d %d %d\n",
		    key_or(mfr_region_key(mfr_intake_symptom_region(s))),
		    mfr_intake_symptom_side(s), mfr_intake_symptom_intensity(s),
		    mfr_intake_symptom_onset(s));
	}
	for (i = 0; i < mfr_intake_condition_count(in); i++)
		add(d, "condition %s\n", mfr_condition_key(mfr_intake_condition_at(in, i)));
	for (i = 0; i < mfr_intake_precaution_count(in); i++) {
		const mfr_intake_precaution *r = mfr_intake_precaution_at(in, i);
		const mfr_precaution *p = mfr_intake_precaution_precaution(r);

		add(d, "precaution %s %s %d stage %u cleared %d\n", mfr_precaution_key(p),
		    key_or(mfr_region_key(mfr_intake_precaution_region(r))),
		    mfr_intake_precaution_side(r), mfr_intake_stage(in, p),
		    mfr_intake_is_cleared(in, p));
	}
	for (i = 0; i < mfr_intake_clearance_count(in); i++)
		add(d, "clearance %s\n", mfr_precaution_key(mfr_intake_clearance_at(in, i)));
}

void mfr_digest_plan(mfr_digest *d, const mfr_plan *p)
{
	uint32_t i;

	add(d, "plan %d %u %u %u %d\n", mfr_plan_status(p),
	    mfr_plan_session_seconds(p), mfr_plan_total_seconds(p),
	    mfr_plan_position_changes(p), mfr_plan_pressure_ceiling(p));
	for (i = 0; i < mfr_plan_step_count(p); i++) {
		const mfr_plan_step *s = mfr_plan_step_at(p, i);

		add(d, "step %d %s %d %s %d %d %d %u %u %u %s %s\n  %s\n",
		    mfr_plan_step_phase(s), key_or(mfr_region_key(mfr_plan_step_region(s))),
		    mfr_plan_step_side(s),
		    key_or(mfr_technique_key(mfr_plan_step_technique(s))),
		    mfr_plan_step_approach(s), mfr_plan_step_pressure(s),
		    mfr_plan_step_position(s), mfr_plan_step_seconds(s),
		    mfr_plan_step_trace_rank(s), mfr_plan_step_flags(s),
		    key_or(mfr_danger_zone_key(mfr_plan_step_danger_zone(s))),
		    mfr_plan_step_rationale(s) ? "r" : "-",
		    key_or(mfr_plan_step_rationale(s)));
	}
	for (i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);

		add(d, "warning %d %s %d %s %s %d: %s\n", mfr_plan_warning_kind(w),
		    key_or(mfr_plan_warning_code(w)), mfr_plan_warning_subject_kind(w),
		    key_or(mfr_plan_warning_subject_key(w)),
		    key_or(mfr_region_key(mfr_plan_warning_region(w))),
		    mfr_plan_warning_side(w), key_or(mfr_plan_warning_text(w)));
	}
	for (i = 0; i < mfr_plan_aftercare_count(p); i++) {
		const mfr_aftercare *a = mfr_plan_aftercare_at(p, i);

		add(d, "aftercare %s %d %s\n", key_or(mfr_aftercare_key(a)),
		    mfr_aftercare_kind(a), key_or(mfr_aftercare_text(a)));
	}
}

void mfr_digest_program(mfr_digest *d, const mfr_program *pg)
{
	add(d, "program %u %u\n", mfr_program_session_count(pg), mfr_program_weeks(pg));
	for (uint32_t i = 0; i < mfr_program_session_count(pg); i++) {
		const mfr_program_session *s = mfr_program_session_at(pg, i);

		add(d, "session %u day %u reassess %d %s\n", i, mfr_program_session_day(s),
		    mfr_program_session_reassess(s), key_or(mfr_program_session_focus(s)));
		mfr_digest_plan(d, mfr_program_session_plan(s));
	}
}

void mfr_digest_error(mfr_digest *d, const mfr_error *e)
{
	add(d, "error %d %s %s|%s|%s %d:%d@%lld\n", mfr_error_status(e),
		       mfr_status_name(mfr_error_status(e)), mfr_strerror(mfr_error_status(e)),
		       key_or(mfr_error_source(e)), key_or(mfr_error_path(e)), mfr_error_line(e),
		       mfr_error_column(e), (long long)mfr_error_offset(e));
	add(d, "%s\n", mfr_error_message(e));
}
