/*
 * libmfr tests: the vignette suite (tests/data/vignettes.json), a clinical
 * fidelity measure of the default trace. doc/vignettes.md describes the
 * format and the figures.
 * SPDX-License-Identifier: MIT
 *
 * Each vignette is an intake and the sites the sources say must (or must
 * not) rank in the top N (10) of a default trace. The program traces every
 * vignette through the public API and reports recall@N (must sites found /
 * must sites listed) and the must-not violations. It fails when recall falls
 * below --min-recall or violations rise above --max-violations: tests/meson.build
 * sets both to today's figures, so the suite guards against regressions while
 * the model improves toward its target (recall >= 90%, no violations).
 *
 *   test-vignettes [--file PATH] [--model PATH] [--min-recall PERCENT]
 *                  [--max-violations N] [--report] [--verbose]
 *
 * --model traces with a model file instead of the built-in model (to weigh
 * a custom model, or a change to the model's data, against the suite).
 * --report prints the markdown tables of doc/vignettes.md instead of the
 * plain per-vignette lines; --verbose also prints each vignette's top N.
 * Any error in the data file (an unknown key, a side that does not fit the
 * region, a body area or presentation no vignette covers) fails the run.
 */
#include <errno.h>
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mfr/mfr.h>

/* Ranks of missed sites are looked up in a trace this wide (a multi-symptom
 * ranking depends a little on its breadth, doc/algorithm.md §2, so a rank
 * past the default 20 is approximate; it is marked "~"). */
#define WIDE_RESULTS 400

/* One site of a must or must-not entry: a region on a side. */
typedef struct site {
	const mfr_region *region;
	mfr_side_t side; /* MFR_SIDE_LEFT, _RIGHT, _MIDLINE, or 0 for any side */
} site;

typedef struct entry {
	site alts[8];
	int n;
	const char *text; /* the entry as written, for messages */
	const char *source;
} entry;

typedef struct totals {
	unsigned must, found, must_not, violations, vignettes, perfect;
} totals;

static const char *data_file;
static int report, verbose;
static unsigned data_errors;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void data_error(const char *where, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: %s: ", data_file, where);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	data_errors++;
}

/* Parse "region:side" (side left, right or any; none for a midline region). */
static int parse_site(const mfr_model *model, const char *where, const char *text, site *out)
{
	char key[128];
	const char *colon = strchr(text, ':');
	size_t len = colon ? (size_t)(colon - text) : strlen(text);

	if (len == 0 || len >= sizeof(key)) {
		data_error(where, "bad site \"%s\"", text);
		return -1;
	}
	memcpy(key, text, len);
	key[len] = '\0';
	out->region = mfr_model_region(model, key);
	if (!out->region) {
		data_error(where, "unknown region \"%s\" ('mfr model list regions')", key);
		return -1;
	}
	int midline = mfr_region_laterality(out->region) == MFR_LATERALITY_MIDLINE;
	if (!colon) {
		if (!midline) {
			data_error(where, "\"%s\" is bilateral: give :left, :right or :any", text);
			return -1;
		}
		out->side = MFR_SIDE_MIDLINE;
		return 0;
	}
	if (midline) {
		data_error(where, "\"%s\" is a midline region: give no side", text);
		return -1;
	}
	if (strcmp(colon + 1, "any") == 0) {
		out->side = 0;
		return 0;
	}
	mfr_side_t s;
	if (mfr_side_parse(colon + 1, &s) != MFR_OK || s == MFR_SIDE_MIDLINE) {
		data_error(where, "bad side in \"%s\"", text);
		return -1;
	}
	out->side = s;
	return 0;
}

/* Parse a must / must-not entry: {"site": "k:s" or ["k:s", ...], "source": "..."}. */
static int parse_entry(const mfr_model *model, const char *where, json_t *j, entry *e)
{
	json_t *s = json_object_get(j, "site");
	json_t *src = json_object_get(j, "source");

	memset(e, 0, sizeof(*e));
	if (!json_is_string(src) || !json_string_length(src)) {
		data_error(where, "%s", "an entry without a source");
		return -1;
	}
	e->source = json_string_value(src);
	if (json_is_string(s)) {
		e->text = json_string_value(s);
		e->n = 1;
		return parse_site(model, where, e->text, &e->alts[0]);
	}
	if (!json_is_array(s) || json_array_size(s) == 0 ||
	    json_array_size(s) > sizeof(e->alts) / sizeof(e->alts[0])) {
		data_error(where, "%s", "\"site\" must be a string or an array of 1 to 8 strings");
		return -1;
	}
	e->text = json_string_value(json_array_get(s, 0));
	for (size_t i = 0; i < json_array_size(s); i++) {
		json_t *a = json_array_get(s, i);

		if (!json_is_string(a)) {
			data_error(where, "%s", "a site alternative that is not a string");
			return -1;
		}
		if (parse_site(model, where, json_string_value(a), &e->alts[e->n++]) != 0)
			return -1;
	}
	return 0;
}

/* The best (lowest) 1-based rank any alternative of @p e has in @p t, or 0. */
static uint32_t rank_of(const mfr_trace *t, const entry *e, uint32_t limit)
{
	uint32_t n = mfr_trace_result_count(t);

	if (limit && n > limit)
		n = limit;
	for (uint32_t i = 0; i < n; i++) {
		const mfr_trace_result *r = mfr_trace_result_at(t, i);

		for (int k = 0; k < e->n; k++)
			if (mfr_trace_result_region(r) == e->alts[k].region &&
			    (!e->alts[k].side || mfr_trace_result_side(r) == e->alts[k].side))
				return i + 1;
	}
	return 0;
}

static int treatable_kind(const entry *e)
{
	for (int k = 0; k < e->n; k++) {
		int kind = mfr_region_kind(e->alts[k].region);

		if (kind == MFR_REGION_MUSCLE || kind == MFR_REGION_CONNECTIVE)
			return 1;
	}
	return 0;
}

/* "12", "~34" (rank in the wide trace) or "-" (not reached at all). */
static void rank_text(char *buf, size_t size, uint32_t rank, uint32_t wide_rank)
{
	if (rank)
		snprintf(buf, size, "%u", rank);
	else if (wide_rank)
		snprintf(buf, size, "~%u", wide_rank);
	else
		snprintf(buf, size, "-");
}

/* The entry's text with all its alternatives ("hamstrings:left|biceps_femoris:left";
 * " or " in a markdown table, where '|' would end the cell). */
static void entry_text(char *buf, size_t size, json_t *j)
{
	const char *sep = report ? " or " : "|";
	json_t *s = json_object_get(j, "site");
	size_t used = 0;

	buf[0] = '\0';
	if (json_is_string(s)) {
		snprintf(buf, size, "%s", json_string_value(s));
		return;
	}
	for (size_t i = 0; i < json_array_size(s) && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? sep : "",
				 json_string_value(json_array_get(s, i)));
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

static int check_tags(const char *where, json_t *list, json_t *known, int *covered,
		      size_t nknown, const char *what)
{
	if (!json_is_array(list)) {
		data_error(where, "\"%s\" must be an array", what);
		return -1;
	}
	for (size_t i = 0; i < json_array_size(list); i++) {
		const char *tag = json_string_value(json_array_get(list, i));
		size_t k;

		for (k = 0; tag && k < nknown; k++) {
			json_t *item = json_array_get(known, k);
			if (strcmp(tag, json_string_value(item)) == 0)
				break;
		}
		if (!tag || k == nknown) {
			data_error(where, "unknown tag \"%s\"", tag ? tag : "(not a string)");
			return -1;
		}
		covered[k] = 1;
	}
	return 0;
}

/* Trace one vignette and report it; adds to @p tot. */
static void run_vignette(const mfr_model *model, json_t *v, size_t index, uint32_t top,
			 const mfr_trace_options *wide_opts, totals *tot)
{
	char where[160];
	const char *id = json_string_value(json_object_get(v, "id"));
	json_t *musts = json_object_get(v, "must");
	json_t *nots = json_object_get(v, "must_not");
	mfr_intake *in = NULL;
	mfr_trace *t = NULL, *wide = NULL;
	mfr_error *err = NULL;
	char *text;
	unsigned found = 0, hits = 0;

	snprintf(where, sizeof(where), "vignettes[%zu] (%s)", index, id ? id : "?");
	if (!id || !json_is_string(json_object_get(v, "description")) ||
	    !json_is_object(json_object_get(v, "intake")) || !json_is_array(musts) ||
	    json_array_size(musts) == 0 || !json_is_array(nots)) {
		data_error(where, "%s", "needs id, description, intake, must (non-empty) and must_not");
		return;
	}
	text = json_dumps(json_object_get(v, "intake"), JSON_COMPACT);
	if (!text) {
		data_error(where, "%s", "cannot serialise the intake");
		return;
	}
	if (mfr_intake_from_json(model, text, strlen(text), id, &in, &err) != MFR_OK) {
		data_error(where, "intake: %s", mfr_error_message(err));
		mfr_error_free(err);
		free(text);
		return;
	}
	free(text);
	if (mfr_trace_run(in, NULL, &t, &err) != MFR_OK ||
	    mfr_trace_run(in, wide_opts, &wide, &err) != MFR_OK) {
		data_error(where, "trace: %s", mfr_error_message(err));
		mfr_error_free(err);
		mfr_trace_free(t);
		mfr_intake_free(in);
		return;
	}

	/* Judge every entry first (a bad entry is a data error, not a miss). */
	size_t nm = json_array_size(musts), nn = json_array_size(nots);
	entry *me = calloc(nm + nn, sizeof(*me));
	if (!me) {
		data_error(where, "%s", "out of memory");
		goto out;
	}
	entry *ne = me + nm;
	for (size_t i = 0; i < nm; i++)
		if (parse_entry(model, where, json_array_get(musts, i), &me[i]) != 0)
			goto out;
	for (size_t i = 0; i < nn; i++)
		if (parse_entry(model, where, json_array_get(nots, i), &ne[i]) != 0)
			goto out;

	for (size_t i = 0; i < nm; i++)
		found += rank_of(t, &me[i], top) != 0;
	for (size_t i = 0; i < nn; i++)
		hits += rank_of(t, &ne[i], top) != 0;
	tot->vignettes++;
	tot->must += (unsigned)nm;
	tot->found += found;
	tot->must_not += (unsigned)nn;
	tot->violations += hits;
	tot->perfect += found == nm && hits == 0;

	if (report) {
		/* | id | found | missed (rank) | must-not in top N (rank) | */
		char buf[512], rk[16];
		int first = 1;

		printf("| `%s` | %u/%zu | ", id, found, nm);
		for (size_t i = 0; i < nm; i++) {
			if (rank_of(t, &me[i], top))
				continue;
			entry_text(buf, sizeof(buf), json_array_get(musts, i));
			rank_text(rk, sizeof(rk), rank_of(t, &me[i], 0), rank_of(wide, &me[i], 0));
			printf("%s%s (%s%s)", first ? "" : ", ", buf, rk,
			       treatable_kind(&me[i]) ? "" : ", not a treatment kind");
			first = 0;
		}
		printf("%s | ", first ? "-" : "");
		first = 1;
		for (size_t i = 0; i < nn; i++) {
			uint32_t r = rank_of(t, &ne[i], top);
			if (!r)
				continue;
			entry_text(buf, sizeof(buf), json_array_get(nots, i));
			printf("%s%s (%u)", first ? "" : ", ", buf, r);
			first = 0;
		}
		printf("%s |\n", first ? "-" : "");
	} else {
		char buf[512], rk[16];

		printf("%s %s: %u/%zu must, %u must-not in the top %u\n",
		       found == nm && !hits ? "[ok]  " : "[miss]", id, found, nm, hits, top);
		for (size_t i = 0; i < nm; i++) {
			if (rank_of(t, &me[i], top))
				continue;
			entry_text(buf, sizeof(buf), json_array_get(musts, i));
			rank_text(rk, sizeof(rk), rank_of(t, &me[i], 0), rank_of(wide, &me[i], 0));
			printf("         missed   %-44s rank %-5s %s%s\n", buf, rk, me[i].source,
			       treatable_kind(&me[i]) ? "" : " [not a treatment kind]");
		}
		for (size_t i = 0; i < nn; i++) {
			uint32_t r = rank_of(t, &ne[i], top);
			if (!r)
				continue;
			entry_text(buf, sizeof(buf), json_array_get(nots, i));
			printf("         MUST-NOT %-44s rank %-5u %s\n", buf, r, ne[i].source);
		}
		if (verbose)
			for (uint32_t i = 0; i < mfr_trace_result_count(t) && i < top; i++) {
				const mfr_trace_result *r = mfr_trace_result_at(t, i);
				printf("         %2u. %s %s (%.3f)\n", i + 1,
				       mfr_side_name(mfr_trace_result_side(r)),
				       mfr_region_key(mfr_trace_result_region(r)),
				       mfr_trace_result_score(r));
			}
	}
out:
	free(me);
	mfr_trace_free(wide);
	mfr_trace_free(t);
	mfr_intake_free(in);
}

static int parse_number(const char *arg, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(arg, &end);
	return errno || end == arg || *end ? -1 : 0;
}

static void usage(FILE *f)
{
	fputs("usage: test-vignettes [--file PATH] [--model PATH] [--min-recall PERCENT]\n"
	      "                      [--max-violations N] [--report] [--verbose]\n",
	      f);
}

int main(int argc, char **argv)
{
	static char default_file[4096];
	double min_recall = -1, max_violations = -1;
	const char *dir = getenv("MFR_TEST_DATA");
	const char *model_file = NULL; /* the built-in model unless given */

	snprintf(default_file, sizeof(default_file), "%s/vignettes.json",
		 dir && *dir ? dir : MFR_TEST_DATA_DIR);
	data_file = default_file;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--report") == 0) {
			report = 1;
		} else if (strcmp(a, "--verbose") == 0) {
			verbose = 1;
		} else if (strcmp(a, "--help") == 0) {
			usage(stdout);
			return EXIT_SUCCESS;
		} else if (i + 1 < argc && strcmp(a, "--file") == 0) {
			data_file = argv[++i];
		} else if (i + 1 < argc && strcmp(a, "--model") == 0) {
			model_file = argv[++i];
		} else if (i + 1 < argc && strcmp(a, "--min-recall") == 0) {
			if (parse_number(argv[++i], &min_recall) || min_recall < 0 || min_recall > 100) {
				fprintf(stderr, "--min-recall: a percentage, 0 to 100\n");
				return EXIT_FAILURE;
			}
		} else if (i + 1 < argc && strcmp(a, "--max-violations") == 0) {
			if (parse_number(argv[++i], &max_violations) || max_violations < 0) {
				fprintf(stderr, "--max-violations: a count, 0 or more\n");
				return EXIT_FAILURE;
			}
		} else {
			usage(stderr);
			return EXIT_FAILURE;
		}
	}

	json_error_t jerr;
	json_t *doc = json_load_file(data_file, 0, &jerr);
	if (!doc) {
		fprintf(stderr, "%s:%d: %s\n", data_file, jerr.line, jerr.text);
		return EXIT_FAILURE;
	}

	mfr_model *model = NULL;
	mfr_trace_options *wide_opts = NULL;
	mfr_error *err = NULL;
	int status = EXIT_FAILURE;

	if ((model_file ? mfr_model_load_file(model_file, &model, &err)
			: mfr_model_default(&model, &err)) != MFR_OK) {
		fprintf(stderr, "%s: %s\n", model_file ? model_file : "default model",
			mfr_error_message(err));
		mfr_error_free(err);
		goto done;
	}
	if (mfr_trace_options_new(&wide_opts) != MFR_OK ||
	    mfr_trace_options_set_max_results(wide_opts, WIDE_RESULTS) != MFR_OK) {
		fprintf(stderr, "trace options: out of memory\n");
		goto done;
	}

	json_t *vigs = json_object_get(doc, "vignettes");
	json_t *areas = json_object_get(doc, "body_areas");
	json_t *pres = json_object_get(doc, "presentations");
	json_t *top_j = json_object_get(doc, "top");
	if (strcmp(json_string_value(json_object_get(doc, "format")) ?
		   json_string_value(json_object_get(doc, "format")) : "", "libmfr-vignettes") != 0 ||
	    json_integer_value(json_object_get(doc, "format_version")) != 1 ||
	    !json_is_array(vigs) || !json_is_array(areas) || !json_is_object(pres) ||
	    !json_is_integer(top_j) || json_integer_value(top_j) < 1) {
		fprintf(stderr, "%s: not a libmfr-vignettes file, version 1 (doc/vignettes.md)\n",
			data_file);
		goto done;
	}
	uint32_t top = (uint32_t)json_integer_value(top_j);

	/* The presentations, as an array of keys, for check_tags(). */
	json_t *pres_keys = json_array();
	const char *pk;
	json_t *pv;
	json_object_foreach(pres, pk, pv)
		json_array_append_new(pres_keys, json_string(pk));
	size_t na = json_array_size(areas), np = json_array_size(pres_keys);
	int *covered = calloc(na + np + 1, sizeof(*covered));
	if (!covered) {
		json_decref(pres_keys);
		goto done;
	}

	if (report) {
		printf("| vignette | must in top %u | missed must (rank) | must-not in top %u (rank) |\n",
		       top, top);
		printf("|---|---|---|---|\n");
	}
	totals tot = { 0 };
	for (size_t i = 0; i < json_array_size(vigs); i++) {
		json_t *v = json_array_get(vigs, i);
		char where[160];

		snprintf(where, sizeof(where), "vignettes[%zu]", i);
		for (size_t k = 0; k < i; k++)
			if (json_equal(json_object_get(v, "id"),
				       json_object_get(json_array_get(vigs, k), "id")))
				data_error(where, "duplicate id %s",
					   json_string_value(json_object_get(v, "id")));
		check_tags(where, json_object_get(v, "areas"), areas, covered, na, "areas");
		check_tags(where, json_object_get(v, "presentations"), pres_keys, covered + na, np,
			   "presentations");
		run_vignette(model, v, i, top, wide_opts, &tot);
	}
	for (size_t k = 0; k < na + np; k++)
		if (!covered[k])
			data_error("coverage", "no vignette covers \"%s\"",
				   json_string_value(k < na ? json_array_get(areas, k) :
							  json_array_get(pres_keys, k - na)));
	free(covered);
	json_decref(pres_keys);

	double recall = tot.must ? 100.0 * tot.found / tot.must : 0;
	if (report)
		printf("\n");
	printf("%s%u vignettes (%u with every must and no must-not), %zu body areas, "
	       "%zu presentations\n",
	       report ? "- " : "", tot.vignettes, tot.perfect, na, np);
	printf("%srecall@%u: %u/%u = %.1f%%", report ? "- " : "", top, tot.found, tot.must,
	       recall);
	if (min_recall >= 0)
		printf(" (floor %.1f%%)", min_recall);
	printf("\n%smust-not violations in the top %u: %u of %u entries", report ? "- " : "",
	       top, tot.violations, tot.must_not);
	if (max_violations >= 0)
		printf(" (ceiling %.0f)", max_violations);
	printf("\n");

	status = EXIT_SUCCESS;
	if (data_errors) {
		fprintf(stderr, "%u error(s) in %s\n", data_errors, data_file);
		status = EXIT_FAILURE;
	}
	/* Compare in tenths of a percent, as printed, so that a floor set to the
	 * printed figure holds exactly. */
	if (min_recall >= 0 && (long)(recall * 10 + 0.5) < (long)(min_recall * 10 + 0.5)) {
		fprintf(stderr, "FAIL: recall@%u %.1f%% is below the floor %.1f%%\n", top, recall,
			min_recall);
		status = EXIT_FAILURE;
	}
	if (max_violations >= 0 && tot.violations > max_violations) {
		fprintf(stderr, "FAIL: %u must-not violations, more than the ceiling %.0f\n",
			tot.violations, max_violations);
		status = EXIT_FAILURE;
	}
done:
	mfr_trace_options_free(wide_opts);
	mfr_model_free(model);
	json_decref(doc);
	return status;
}
