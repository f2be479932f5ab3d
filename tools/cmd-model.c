/*
 * mfr - `mfr model`: summarize, list, show, validate and export models.
 * SPDX-License-Identifier: MIT
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const int all_kinds[] = {
	MFR_KIND_REGION, MFR_KIND_LINE, MFR_KIND_REFERRAL, MFR_KIND_TECHNIQUE,
	MFR_KIND_CONDITION, MFR_KIND_PRECAUTION, MFR_KIND_SOURCE, MFR_KIND_AFTERCARE,
	MFR_KIND_DANGER_ZONE, MFR_KIND_SCREENING,
};
#define N_KINDS (sizeof(all_kinds) / sizeof(all_kinds[0]))

/* Accept "region" or "regions". Returns 0 when unknown. */
static int parse_kind(const char *word)
{
	char buf[32];
	size_t n = strlen(word);
	mfr_kind_t kind;

	if (mfr_kind_parse(word, &kind) == MFR_OK)
		return kind;
	if (n > 1 && n < sizeof(buf) && word[n - 1] == 's') {
		memcpy(buf, word, n - 1);
		buf[n - 1] = '\0';
		if (mfr_kind_parse(buf, &kind) == MFR_OK)
			return kind;
	}
	return 0;
}

static int unknown_kind(const char *word)
{
	return cli_usage_error("unknown kind '%s': use region, line, referral, "
			       "technique, condition, precaution, source, aftercare, "
			       "danger_zone or screening", word);
}

/* The display name of entity @p index of @p kind. */
static const char *entity_name(const mfr_model *m, int kind, uint32_t i)
{
	switch (kind) {
	case MFR_KIND_REGION: return mfr_region_name(mfr_model_region_at(m, i));
	case MFR_KIND_LINE: return mfr_line_name(mfr_model_line_at(m, i));
	case MFR_KIND_REFERRAL: {
		const mfr_referral *r = mfr_model_referral_at(m, i);
		return mfr_region_name(mfr_referral_muscle(r));
	}
	case MFR_KIND_TECHNIQUE: return mfr_technique_name(mfr_model_technique_at(m, i));
	case MFR_KIND_CONDITION: return mfr_condition_name(mfr_model_condition_at(m, i));
	case MFR_KIND_PRECAUTION: return mfr_precaution_name(mfr_model_precaution_at(m, i));
	case MFR_KIND_SOURCE: return mfr_source_citation(mfr_model_source_at(m, i));
	case MFR_KIND_AFTERCARE: return mfr_aftercare_text(mfr_model_aftercare_at(m, i));
	case MFR_KIND_DANGER_ZONE: return mfr_danger_zone_name(mfr_model_danger_zone_at(m, i));
	case MFR_KIND_SCREENING: return mfr_screening_text(mfr_model_screening_at(m, i));
	}
	return "";
}

/* Reals (a search's scores) with 6 significant digits, not jansson's 17. */
static int print_json(json_t *doc)
{
	int rc = doc && json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
				   JSON_REAL_PRECISION(6)) == 0 ? CLI_OK : CLI_FAIL;

	if (rc == CLI_OK)
		putchar('\n');
	else if (!ferror(stdout)) /* a failed write is reported at the end (mfr.c) */
		fputs("mfr: cannot write JSON: out of memory\n", stderr);
	json_decref(doc);
	return rc;
}

static int summary(const cli_options *opts, const mfr_model *m)
{
	if (opts->format == CLI_JSON) {
		json_t *counts = json_object();

		for (size_t k = 0; k < N_KINDS; k++)
			json_object_set_new(counts, mfr_kind_name(all_kinds[k]),
					    json_integer(mfr_model_count(m, all_kinds[k])));
		return print_json(json_pack("{s:s, s:s, s:s, s:o}",
					    "name", mfr_model_name(m),
					    "model_version", mfr_model_version(m),
					    "description", cli_str(mfr_model_description(m)),
					    "counts", counts));
	}
	printf("%s, version %s\n", mfr_model_name(m), mfr_model_version(m));
	if (mfr_model_description(m))
		printf("%s\n", mfr_model_description(m));
	for (size_t k = 0; k < N_KINDS; k++)
		printf("  %-12s %u\n", mfr_kind_name(all_kinds[k]),
		       mfr_model_count(m, all_kinds[k]));
	return CLI_OK;
}

static int list(const cli_options *opts, const mfr_model *m, int kind)
{
	uint32_t n = mfr_model_count(m, kind);

	if (opts->format == CLI_JSON) {
		json_t *items = json_array();

		for (uint32_t i = 0; i < n; i++)
			json_array_append_new(items, json_pack("{s:s, s:s}",
				"key", mfr_model_key_at(m, kind, i),
				"name", entity_name(m, kind, i)));
		return print_json(json_pack("{s:s, s:o}", "kind", mfr_kind_name(kind),
					    "items", items));
	}
	for (uint32_t i = 0; i < n; i++)
		printf("%-36s %s\n", mfr_model_key_at(m, kind, i), entity_name(m, kind, i));
	return CLI_OK;
}

/* ---- text rendering of one entity ---- */

static void field(const char *label, const char *value)
{
	if (value && *value)
		printf("  %-18s %s\n", label, value);
}

/* The names of single bits of the masks print_mask() shows. */
static const char *position_bit(uint32_t bit)
{
	return mfr_position_name((mfr_position_t)bit);
}

static const char *suits_bit(uint32_t bit)
{
	return mfr_suits_name((mfr_suits_t)bit);
}

static void print_mask(const char *label, uint32_t mask, const char *(*name)(uint32_t))
{
	char buf[256] = "";
	size_t used = 0;

	for (uint32_t bit = 1; bit && bit <= mask; bit <<= 1)
		if ((mask & bit) && used < sizeof(buf))
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
						 used ? ", " : "", name(bit));
	field(label, buf);
}

/* Print "label  a, b, c" over a list given by count and key-at functions. */
static void print_list(const char *label, uint32_t n, const void *x,
		       const char *(*key_at)(const void *x, uint32_t i))
{
	if (n == 0)
		return;
	printf("  %-18s ", label);
	for (uint32_t i = 0; i < n; i++)
		printf("%s%s", i ? ", " : "", key_at(x, i));
	putchar('\n');
}

static const char *region_child_key(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_region_child_at(x, i));
}

static const char *region_adjacent_key(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_region_adjacent_at(x, i));
}

static const char *prov_source_key(const void *x, uint32_t i)
{
	return mfr_source_key(mfr_provenance_source_at(x, i));
}

static void print_provenance(const mfr_provenance *p)
{
	print_list("sources", mfr_provenance_source_count(p), p, prov_source_key);
	if (mfr_provenance_is_convention(p))
		field("status", "practice convention (the sources mark it unverified)");
	field("note", mfr_provenance_note(p));
}

static const char *region_synonym(const void *x, uint32_t i)
{
	return mfr_region_synonym_at(x, i);
}

static const char *condition_synonym(const void *x, uint32_t i)
{
	return mfr_condition_synonym_at(x, i);
}

static void show_region(const mfr_region *r)
{
	printf("region %s: %s\n", mfr_region_key(r), mfr_region_name(r));
	field("kind", mfr_region_kind_name(mfr_region_kind(r)));
	field("parent", mfr_region_key(mfr_region_parent(r)));
	field("laterality", mfr_laterality_name(mfr_region_laterality(r)));
	print_mask("positions", mfr_region_positions(r), position_bit);
	field("depth", mfr_depth_name(mfr_region_depth(r)));
	if (mfr_region_access(r) != MFR_ACCESS_EXTERNAL)
		field("access", mfr_access_name(mfr_region_access(r)));
	field("SNOMED CT", mfr_region_snomed(r));
	field("FMA", mfr_region_fma(r));
	field("UBERON", mfr_region_uberon(r));
	print_list("synonyms", mfr_region_synonym_count(r), r, region_synonym);
	print_list("contains", mfr_region_child_count(r), r, region_child_key);
	print_list("adjacent", mfr_region_adjacent_count(r), r, region_adjacent_key);
	print_provenance(mfr_region_provenance(r));
}

static const char *evidence_source_key(const void *x, uint32_t i)
{
	return mfr_source_key(mfr_line_evidence_source_at(x, i));
}

static const char *node_region_key(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_line_node_region_at(x, i));
}

static void show_line(const mfr_line *l)
{
	printf("line %s (%s): %s\n", mfr_line_key(l), mfr_line_abbrev(l), mfr_line_name(l));
	field("evidence", mfr_evidence_name(mfr_line_evidence(l)));
	print_list("evidence from", mfr_line_evidence_source_count(l), l,
		   evidence_source_key);
	field("crosses midline", mfr_line_crosses(l) ? "yes" : "no");
	for (uint32_t b = 0; b < mfr_line_branch_count(l); b++) {
		const mfr_line_branch *br = mfr_line_branch_at(l, b);

		printf("  branch %s%s%s:\n", mfr_line_branch_key(br),
		       mfr_line_branch_name(br) ? ", " : "", cli_str(mfr_line_branch_name(br)));
		for (uint32_t i = 0; i < mfr_line_branch_node_count(br); i++) {
			const mfr_line_node *n = mfr_line_branch_node_at(br, i);

			if (mfr_line_node_crosses(n))
				printf("        ~ crosses the midline ~\n");
			printf("    %2u  %-7s %-6s ", i + 1,
			       mfr_node_kind_name(mfr_line_node_kind(n)),
			       mfr_line_side_name(mfr_line_node_side(n)));
			for (uint32_t k = 0; k < mfr_line_node_region_count(n); k++)
				printf("%s%s", k ? ", " : "", node_region_key(n, k));
			if (mfr_line_node_may_cross(n))
				printf("  (may continue on the other side)");
			if (mfr_line_node_note(n))
				printf("  [%s]", mfr_line_node_note(n));
			putchar('\n');
		}
	}
	print_provenance(mfr_line_provenance(l));
}

static void show_referral(const mfr_referral *r)
{
	printf("referral %s: trigger point in %s\n", mfr_referral_key(r),
	       mfr_region_key(mfr_referral_muscle(r)));
	field("trigger point", mfr_referral_trigger_point(r));
	for (uint32_t i = 0; i < mfr_referral_zone_count(r); i++) {
		const mfr_referral_zone *z = mfr_referral_zone_at(r, i);

		printf("  %-18s %s%s\n", mfr_zone_kind_name(mfr_referral_zone_kind(z)),
		       mfr_region_key(mfr_referral_zone_area(z)),
		       mfr_referral_zone_bilateral(z) ? " (may be bilateral)" : "");
	}
	if (mfr_referral_split_convention(r))
		field("split", "essential/spillover split is practice convention");
	if (mfr_referral_disputed(r))
		field("disputed", "the sources disagree (see the note)");
	print_provenance(mfr_referral_provenance(r));
}

static const char *technique_region_key(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_technique_region_at(x, i));
}

static void show_technique(const mfr_technique *t)
{
	char buf[64];

	printf("technique %s: %s\n", mfr_technique_key(t), mfr_technique_name(t));
	field("family", mfr_family_name(mfr_technique_family(t)));
	field("approach", mfr_approach_name(mfr_technique_approach(t)));
	snprintf(buf, sizeof(buf), "%s to %s",
		 mfr_pressure_name(mfr_technique_pressure_min(t)),
		 mfr_pressure_name(mfr_technique_pressure_max(t)));
	field("pressure", buf);
	field("depth", mfr_depth_name(mfr_technique_depth(t)));
	if (mfr_technique_has_hold(t)) {
		snprintf(buf, sizeof(buf), "%u to %u s%s", mfr_technique_hold_min(t),
			 mfr_technique_hold_max(t),
			 mfr_technique_hold_convention(t) ? " (practice convention)" : "");
		field("hold", buf);
	} else {
		field("hold", "no sourced duration");
	}
	print_mask("positions", mfr_technique_positions(t), position_bit);
	print_mask("suits", mfr_technique_suits(t), suits_bit);
	print_list("regions", mfr_technique_region_count(t), t, technique_region_key);
	print_provenance(mfr_technique_provenance(t));
}

static const char *condition_icd(const void *x, uint32_t i)
{
	return mfr_condition_icd10cm_at(x, i);
}

static const char *condition_snomed(const void *x, uint32_t i)
{
	return mfr_condition_snomed_at(x, i);
}

static const char *condition_area(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_condition_area_at(x, i));
}

static const char *condition_line(const void *x, uint32_t i)
{
	return mfr_line_key(mfr_condition_line_at(x, i));
}

static const char *condition_region(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_condition_region_at(x, i));
}

static void show_dose(const mfr_dose *d)
{
	char buf[64];

	if (!d)
		return;
	field("dose: pressure", mfr_pressure_name(mfr_dose_pressure_ceiling(d)));
	if (mfr_dose_indirect_only(d))
		field("dose: approach", "indirect only");
	if (mfr_dose_max_minutes(d)) {
		snprintf(buf, sizeof(buf), "at most %u minutes", mfr_dose_max_minutes(d));
		field("dose: session", buf);
	}
	if (mfr_dose_hold_max(d)) {
		snprintf(buf, sizeof(buf), "%u to %u s", mfr_dose_hold_min(d), mfr_dose_hold_max(d));
		field("dose: hold", buf);
	}
	if (!mfr_dose_progresses(d))
		field("dose: program", "no progression to firmer, direct work");
	if (mfr_provenance_is_convention(mfr_dose_provenance(d)))
		field("dose: status", "practice convention");
	field("dose: note", mfr_provenance_note(mfr_dose_provenance(d)));
}

static void show_condition(const mfr_condition *c)
{
	printf("condition %s: %s\n", mfr_condition_key(c), mfr_condition_name(c));
	print_list("ICD-10-CM", mfr_condition_icd10cm_count(c), c, condition_icd);
	print_list("SNOMED CT", mfr_condition_snomed_count(c), c, condition_snomed);
	print_list("synonyms", mfr_condition_synonym_count(c), c, condition_synonym);
	print_list("areas", mfr_condition_area_count(c), c, condition_area);
	print_list("lines", mfr_condition_line_count(c), c, condition_line);
	print_list("regions", mfr_condition_region_count(c), c, condition_region);
	field("evidence", mfr_condition_evidence(c));
	show_dose(mfr_condition_dose(c));
	print_provenance(mfr_condition_provenance(c));
}

static const char *precaution_region(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_precaution_avoid_region_at(x, i));
}

static const char *precaution_technique(const void *x, uint32_t i)
{
	return mfr_technique_key(mfr_precaution_excluded_technique_at(x, i));
}

static const char *precaution_clearance_area(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_precaution_clearance_area_at(x, i));
}

static void show_precaution(const mfr_precaution *p)
{
	printf("precaution %s: %s\n", mfr_precaution_key(p), mfr_precaution_name(p));
	field("scope", mfr_scope_name(mfr_precaution_scope(p)));
	field("severity", mfr_severity_name(mfr_precaution_severity(p)));
	if (mfr_precaution_needs_clearance(p))
		field("clearance", "needed before work");
	if (mfr_precaution_avoid_site(p))
		field("site", mfr_precaution_avoid_adjacent(p)
			      ? "no work on the site or beside it" : "no work on the site");
	print_list("avoid regions", mfr_precaution_avoid_region_count(p), p,
		   precaution_region);
	field("pressure ceiling", mfr_pressure_name(mfr_precaution_pressure_ceiling(p)));
	print_list("excludes", mfr_precaution_excluded_technique_count(p), p,
		   precaution_technique);
	if (mfr_precaution_site_scoped(p))
		field("sites", "may name affected sites: never worked, even after clearance");
	for (uint32_t i = 0; i < mfr_precaution_widening_count(p); i++) {
		const mfr_precaution_widening *w = mfr_precaution_widening_at(p, i);
		char buf[512];
		size_t used = (size_t)snprintf(buf, sizeof(buf), "%s",
			mfr_region_key(mfr_precaution_widening_region(w)));

		for (uint32_t k = 0; k < mfr_precaution_widening_with_count(w) &&
				     used < sizeof(buf); k++)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
				k ? ", " : ", with ", mfr_region_key(
				mfr_precaution_widening_with_at(w, k)));
		field("widens to", buf);
	}
	print_list("symptom clearance", mfr_precaution_clearance_area_count(p), p,
		   precaution_clearance_area);
	if (mfr_precaution_stage_count(p)) {
		char buf[96];

		snprintf(buf, sizeof(buf), "%u (%s)", mfr_precaution_stage_count(p),
			 cli_str(mfr_precaution_stage_name(p)));
		field("stages", buf);
	}
	for (uint32_t i = 0; i < mfr_precaution_position_limit_count(p); i++) {
		const mfr_precaution_position_limit *l = mfr_precaution_position_limit_at(p, i);
		char buf[512];
		size_t used = (size_t)snprintf(buf, sizeof(buf), "no %s",
			mfr_position_name(mfr_precaution_position_limit_position(l)));

		if (mfr_precaution_position_limit_from_stage(l) > 1)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, " from %s %u",
				cli_str(mfr_precaution_stage_name(p)),
				mfr_precaution_position_limit_from_stage(l));
		for (uint32_t k = 0; k < mfr_precaution_position_limit_region_count(l) &&
				     used < sizeof(buf); k++)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
				k ? ", " : " for ", mfr_region_key(
				mfr_precaution_position_limit_region_at(l, k)));
		field("position limit", buf);
	}
	show_dose(mfr_precaution_dose(p));
	field("effect", mfr_precaution_effect(p));
	print_provenance(mfr_precaution_provenance(p));
}

static const char *zone_region(const void *x, uint32_t i)
{
	return mfr_region_key(mfr_danger_zone_region_at(x, i));
}

static const char *zone_technique(const void *x, uint32_t i)
{
	return mfr_technique_key(mfr_danger_zone_excluded_technique_at(x, i));
}

/* print_mask() walks bits 1, 2, 4...; kinds are bit (1 << kind), shifted
 * down by one for it. */
static const char *zone_kind_name(uint32_t bit)
{
	int kind = 1;

	while (bit > 1) {
		bit >>= 1;
		kind++;
	}
	return mfr_region_kind_name((mfr_region_kind_t)kind);
}

static void show_danger_zone(const mfr_danger_zone *z)
{
	printf("danger_zone %s: %s\n", mfr_danger_zone_key(z), mfr_danger_zone_name(z));
	print_list("regions", mfr_danger_zone_region_count(z), z, zone_region);
	print_mask("region kinds", mfr_danger_zone_region_kinds(z) >> 1, zone_kind_name);
	field("pressure ceiling", mfr_pressure_name(mfr_danger_zone_pressure_ceiling(z)));
	print_list("excludes", mfr_danger_zone_excluded_technique_count(z), z, zone_technique);
	field("effect", mfr_danger_zone_effect(z));
	print_provenance(mfr_danger_zone_provenance(z));
}

static void show_screening(const mfr_screening *q)
{
	printf("screening %s: %s\n", mfr_screening_key(q), mfr_screening_text(q));
	for (uint32_t i = 0; i < mfr_screening_answer_count(q); i++) {
		const mfr_screening_answer *a = mfr_screening_answer_at(q, i);
		char buf[512];
		size_t used = (size_t)snprintf(buf, sizeof(buf), "%s",
					       mfr_screening_answer_text(a));

		for (uint32_t k = 0; k < mfr_screening_answer_precaution_count(a) &&
				     used < sizeof(buf); k++)
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, "%s%s",
				k ? ", " : " -> ", mfr_precaution_key(
				mfr_screening_answer_precaution_at(a, k)));
		if (mfr_screening_answer_stage(a) && used < sizeof(buf))
			used += (size_t)snprintf(buf + used, sizeof(buf) - used, " (stage %u)",
						 mfr_screening_answer_stage(a));
		if (mfr_screening_answer_needs_site(a) && used < sizeof(buf))
			snprintf(buf + used, sizeof(buf) - used, "; asks where");
		field(mfr_screening_answer_key(a), buf);
	}
	print_provenance(mfr_screening_provenance(q));
}

static void show_source(const mfr_source *s)
{
	printf("source %s\n", mfr_source_key(s));
	field("citation", mfr_source_citation(s));
	field("note", mfr_source_note(s));
}

static const char *aftercare_when(const void *x, uint32_t i)
{
	return mfr_precaution_key(mfr_aftercare_when_at(x, i));
}

static void show_aftercare(const mfr_aftercare *a)
{
	printf("aftercare %s\n", mfr_aftercare_key(a));
	field("kind", mfr_aftercare_kind_name(mfr_aftercare_kind(a)));
	field("text", mfr_aftercare_text(a));
	print_list("given with", mfr_aftercare_when_count(a), a, aftercare_when);
	print_provenance(mfr_aftercare_provenance(a));
}

static int show(const cli_options *opts, const mfr_model *m, int kind, const char *key)
{
	if (!mfr_model_has(m, kind, key)) {
		const char *sugg[3];
		uint32_t n = mfr_model_suggest(m, kind, key, sugg, 3);

		fprintf(stderr, "mfr: no %s \"%s\" in the model", mfr_kind_name(kind), key);
		for (uint32_t i = 0; i < n; i++)
			fprintf(stderr, "%s\"%s\"", i ? ", " : "; did you mean ", sugg[i]);
		fprintf(stderr, "%s\nList them with 'mfr model list %s'.\n", n ? "?" : "",
			mfr_kind_name(kind));
		return CLI_FAIL;
	}
	if (opts->format == CLI_JSON) {
		char *text = NULL;
		mfr_error *err = NULL;
		mfr_status_t st = mfr_model_to_json(m, kind, key, 0, &text, &err);

		return cli_emit_json(st, text, err);
	}
	switch (kind) {
	case MFR_KIND_REGION: show_region(mfr_model_region(m, key)); break;
	case MFR_KIND_LINE: show_line(mfr_model_line(m, key)); break;
	case MFR_KIND_REFERRAL: show_referral(mfr_model_referral(m, key)); break;
	case MFR_KIND_TECHNIQUE: show_technique(mfr_model_technique(m, key)); break;
	case MFR_KIND_CONDITION: show_condition(mfr_model_condition(m, key)); break;
	case MFR_KIND_PRECAUTION: show_precaution(mfr_model_precaution(m, key)); break;
	case MFR_KIND_SOURCE: show_source(mfr_model_source(m, key)); break;
	case MFR_KIND_AFTERCARE: show_aftercare(mfr_model_aftercare(m, key)); break;
	case MFR_KIND_DANGER_ZONE: show_danger_zone(mfr_model_danger_zone(m, key)); break;
	case MFR_KIND_SCREENING: show_screening(mfr_model_screening(m, key)); break;
	}
	return CLI_OK;
}

/* The display name of what a search matched. */
static const char *match_name(const mfr_find_match *x)
{
	return mfr_find_match_region(x) ? mfr_region_name(mfr_find_match_region(x))
					: mfr_condition_name(mfr_find_match_condition(x));
}

/* `mfr model find WORDS...`: the words, joined by spaces, as one search. */
static int find(const cli_options *opts, const mfr_model *m, int nwords, char **words)
{
	size_t len = 1;
	char *text;
	mfr_find *r = NULL;
	mfr_error *err = NULL;
	mfr_status_t st;

	for (int i = 0; i < nwords; i++)
		len += strlen(words[i]) + 1;
	text = malloc(len);
	if (!text) {
		fputs("mfr: out of memory\n", stderr);
		return CLI_FAIL;
	}
	text[0] = '\0';
	for (int i = 0; i < nwords; i++) {
		if (i)
			strcat(text, " ");
		strcat(text, words[i]);
	}
	st = mfr_model_find(m, text, &r, &err);
	if (st != MFR_OK) {
		cli_report("cannot search", st, err);
		mfr_error_free(err);
		free(text);
		return CLI_FAIL;
	}
	int rc = CLI_OK;
	uint32_t n = mfr_find_match_count(r);

	if (opts->format == CLI_JSON) {
		json_t *items = json_array();

		for (uint32_t i = 0; i < n; i++) {
			const mfr_find_match *x = mfr_find_match_at(r, i);

			json_array_append_new(items, json_pack("{s:s, s:s, s:s, s:s, s:b, s:f}",
				"kind", mfr_kind_name(mfr_find_match_kind(x)),
				"key", mfr_find_match_key(x), "name", match_name(x),
				"term", mfr_find_match_term(x),
				"synonym", mfr_find_match_is_synonym(x),
				"score", mfr_find_match_score(x)));
		}
		rc = print_json(json_pack("{s:s, s:o}", "words", text, "matches", items));
	} else if (n == 0) {
		printf("no region or condition matches \"%s\"\n", text);
	} else {
		for (uint32_t i = 0; i < n; i++) {
			const mfr_find_match *x = mfr_find_match_at(r, i);

			printf("%.3f  %-9s  %-28s %s", mfr_find_match_score(x),
			       mfr_kind_name(mfr_find_match_kind(x)), mfr_find_match_key(x),
			       match_name(x));
			if (mfr_find_match_is_synonym(x))
				printf("  (\"%s\")", mfr_find_match_term(x));
			putchar('\n');
		}
	}
	mfr_find_free(r);
	free(text);
	return rc;
}

static int validate(const cli_options *opts, const char *path)
{
	mfr_model *m = NULL;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_model_load_file(path, &m, &err);

	if (opts->format == CLI_JSON) {
		json_t *doc;

		if (st == MFR_OK)
			doc = json_pack("{s:s, s:b, s:s, s:i, s:i}", "file", path,
					"valid", 1, "name", mfr_model_name(m),
					"regions", (int)mfr_model_count(m, MFR_KIND_REGION),
					"lines", (int)mfr_model_count(m, MFR_KIND_LINE));
		else
			doc = json_pack("{s:s, s:b, s:{s:s, s:s, s:s, s:i, s:i}}",
					"file", path, "valid", 0, "error",
					"status", mfr_status_name(st),
					"message", mfr_error_message(err),
					"path", mfr_error_path(err) ? mfr_error_path(err) : "",
					"line", (int)mfr_error_line(err),
					"column", (int)mfr_error_column(err));
		if (print_json(doc) != CLI_OK)
			st = MFR_E_NOMEM;
	} else if (st == MFR_OK) {
		printf("%s: valid libmfr model \"%s\" (%u regions, %u lines, %u referrals, "
		       "%u techniques, %u conditions, %u precautions)\n", path,
		       mfr_model_name(m), mfr_model_count(m, MFR_KIND_REGION),
		       mfr_model_count(m, MFR_KIND_LINE),
		       mfr_model_count(m, MFR_KIND_REFERRAL),
		       mfr_model_count(m, MFR_KIND_TECHNIQUE),
		       mfr_model_count(m, MFR_KIND_CONDITION),
		       mfr_model_count(m, MFR_KIND_PRECAUTION));
	} else {
		cli_report("invalid model", st, err);
	}
	mfr_error_free(err);
	mfr_model_free(m);
	return st == MFR_OK ? CLI_OK : CLI_FAIL;
}

static int export_model(const cli_options *opts, const mfr_model *m)
{
	if (!opts->model_path) {
		size_t size;
		const char *text = mfr_model_default_text(&size);

		/* A short write is reported when the output is closed (mfr.c). */
		return fwrite(text, 1, size, stdout) == size ? CLI_OK : CLI_FAIL;
	}

	char *text = NULL;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_model_to_json(m, 0, NULL, 0, &text, &err);

	return cli_emit_json(st, text, err);
}

int cli_model(const cli_options *opts, int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : "summary";
	mfr_model *m = NULL;
	int rc, kind = 0;

	for (int i = 1; i < argc; i++)
		if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cli_usage_error("unknown option '%s' for 'mfr model'", argv[i]);

	if (strcmp(sub, "validate") == 0) {
		if (argc != 3)
			return cli_usage_error("usage: mfr model validate FILE");
		return validate(opts, argv[2]);
	}
	if (strcmp(sub, "summary") == 0 || strcmp(sub, "export") == 0) {
		if (argc > 2)
			return cli_usage_error("'mfr model %s' takes no arguments", sub);
	} else if (strcmp(sub, "list") == 0) {
		if (argc != 3)
			return cli_usage_error("usage: mfr model list KIND");
		if (!(kind = parse_kind(argv[2])))
			return unknown_kind(argv[2]);
	} else if (strcmp(sub, "show") == 0) {
		if (argc != 4)
			return cli_usage_error("usage: mfr model show KIND KEY");
		if (!(kind = parse_kind(argv[2])))
			return unknown_kind(argv[2]);
	} else if (strcmp(sub, "find") == 0) {
		if (argc < 3)
			return cli_usage_error("usage: mfr model find WORDS...");
	} else {
		return cli_usage_error("unknown model command '%s': use list, show, "
				       "find, validate or export", sub);
	}
	if (strcmp(sub, "export") == 0 && !opts->model_path)
		return export_model(opts, NULL);

	rc = cli_load_model(opts, &m);
	if (rc != CLI_OK)
		return rc;
	if (strcmp(sub, "summary") == 0)
		rc = summary(opts, m);
	else if (strcmp(sub, "export") == 0)
		rc = export_model(opts, m);
	else if (strcmp(sub, "list") == 0)
		rc = list(opts, m, kind);
	else if (strcmp(sub, "find") == 0)
		rc = find(opts, m, argc - 2, argv + 2);
	else
		rc = show(opts, m, kind, argv[3]);
	mfr_model_free(m);
	return rc;
}
