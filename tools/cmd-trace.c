/*
 * mfr - `mfr trace`: symptom sites to ranked, explained treatment sites.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static int add_relation(void *ctx, const char *word)
{
	static const struct { const char *name; uint32_t bit; } names[] = {
		{ "line", MFR_RELATION_LINE }, { "referral", MFR_RELATION_REFERRAL },
		{ "hierarchy", MFR_RELATION_HIERARCHY },
		{ "adjacency", MFR_RELATION_ADJACENCY },
	};
	uint32_t *mask = ctx;

	for (size_t k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		if (strcmp(word, names[k].name) == 0) {
			*mask |= names[k].bit;
			return CLI_OK;
		}
	}
	return cli_usage_error("--relations: unknown relation '%s' (use "
			       "line, referral, hierarchy, adjacency)", word);
}

static int parse_relations(const char *val, uint32_t *mask)
{
	*mask = 0;
	return cli_split_list("--relations", val, add_relation, mask);
}

int cli_trace_option(mfr_trace_options *o, const char *opt, const char *val)
{
	uint32_t n;
	mfr_status_t st;

	/* The ranges are the setters' (include/mfr/trace.h). */
	if (strcmp(opt, "--max-results") == 0) {
		if (cli_parse_range(opt, val, 1, 10000, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_trace_options_set_max_results(o, n);
	} else if (strcmp(opt, "--max-steps") == 0) {
		if (cli_parse_range(opt, val, 1, 64, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_trace_options_set_max_steps(o, n);
	} else if (strcmp(opt, "--min-evidence") == 0) {
		mfr_evidence_t e;
		if (mfr_evidence_parse(val, &e) != MFR_OK)
			return cli_usage_error("--min-evidence: unknown grade '%s' (use "
					       "not_assessed, none, limited, moderate, strong)",
					       val);
		st = mfr_trace_options_set_min_evidence(o, e);
	} else if (strcmp(opt, "--relations") == 0) {
		if (parse_relations(val, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_trace_options_set_relations(o, n);
	} else if (strcmp(opt, "--line") == 0) {
		st = mfr_trace_options_add_line(o, val);
	} else {
		return CLI_UNKNOWN;
	}
	if (st != MFR_OK)
		return cli_option_failed(opt, val, st);
	return CLI_OK;
}

/* Apply one option of `mfr trace` to @p ctx (the options). */
static int trace_option(void *ctx, const char *opt, const char *val)
{
	int rc = cli_trace_option(ctx, opt, val);

	if (rc == CLI_UNKNOWN)
		return cli_usage_error("unknown option '%s' for 'mfr trace'", opt);
	return rc;
}

int cli_trace(const cli_options *opts, int argc, char **argv)
{
	int rc = CLI_OK;
	cli_args args = { 0 };
	mfr_trace_options *o = NULL;
	mfr_model *m = NULL;
	mfr_intake *in = NULL;
	mfr_trace *t = NULL;
	mfr_messages *msgs = NULL;
	mfr_error *err = NULL;

	if (mfr_trace_options_new(&o) != MFR_OK) {
		fputs("mfr: out of memory\n", stderr);
		rc = CLI_FAIL;
		goto out;
	}
	if ((rc = cli_args_parse(&args, argc, argv, trace_option, o)) != CLI_OK ||
	    (rc = cli_load_model(opts, &m)) != CLI_OK ||
	    (rc = cli_build_intake(m, args.nintake, args.intake, &in)) != CLI_OK ||
	    (rc = cli_load_messages(opts, &msgs)) != CLI_OK)
		goto out;
	mfr_status_t st = mfr_trace_run(in, o, &t, &err);
	if (st != MFR_OK) {
		cli_report("trace failed", st, err);
		rc = st == MFR_E_REFERENCE ? CLI_USAGE : CLI_FAIL;
		goto out;
	}
	st = msgs ? mfr_trace_write_file_with(t, opts->output, 0, msgs, stdout, &err)
	     : mfr_trace_write_file(t, opts->output, 0, stdout, &err);
	rc = cli_written(st, err);
	err = NULL; /* freed by cli_written */
out:
	mfr_messages_free(msgs);
	mfr_error_free(err);
	mfr_trace_free(t);
	mfr_intake_free(in);
	mfr_model_free(m);
	mfr_trace_options_free(o);
	cli_args_free(&args);
	return rc;
}
