/*
 * mfr - `mfr plan` and `mfr program`: a session plan, or a course of them.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Shared by plan and program: parse, load, build the intake. */
typedef struct job {
	mfr_model *m;
	mfr_intake *in;
	mfr_plan_options *o;
	mfr_messages *msgs; /* --messages, or NULL */
	uint32_t sessions, weeks;
} job;

int cli_plan_option(mfr_plan_options *o, const char *opt, const char *val)
{
	uint32_t n;
	mfr_status_t st;

	/* The ranges are the setters' (include/mfr/plan.h). */
	if (strcmp(opt, "--max-sites") == 0) {
		if (cli_parse_range(opt, val, 1, 200, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_plan_options_set_max_sites(o, n);
	} else if (strcmp(opt, "--reposition-seconds") == 0) {
		if (cli_parse_range(opt, val, 0, 600, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_plan_options_set_reposition_seconds(o, n);
	} else if (strcmp(opt, "--block-seconds") == 0) {
		if (cli_parse_range(opt, val, 30, 900, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_plan_options_set_block_seconds(o, n);
	} else if (strcmp(opt, "--technique") == 0) {
		st = mfr_plan_options_add_technique(o, val);
	} else {
		return CLI_UNKNOWN;
	}
	if (st != MFR_OK)
		return cli_option_failed(opt, val, st);
	return CLI_OK;
}

/* Apply one plan (or program) option to the job; CLI_USAGE for an unknown one. */
static int plan_option(job *j, const char *opt, const char *val, int program)
{
	int rc;

	if (program && strcmp(opt, "--sessions") == 0)
		return cli_parse_count(opt, val, &j->sessions);
	if (program && strcmp(opt, "--weeks") == 0)
		return cli_parse_count(opt, val, &j->weeks);
	rc = cli_plan_option(j->o, opt, val);
	if (rc == CLI_UNKNOWN)
		return cli_usage_error("unknown option '%s' for 'mfr %s'", opt,
				       program ? "program" : "plan");
	return rc;
}

static int plan_only(void *ctx, const char *opt, const char *val)
{
	return plan_option(ctx, opt, val, 0);
}

static int program_option(void *ctx, const char *opt, const char *val)
{
	return plan_option(ctx, opt, val, 1);
}

static int setup(const cli_options *opts, int argc, char **argv, int program, job *j)
{
	cli_args args = { 0 };
	int rc;

	if (mfr_plan_options_new(&j->o) != MFR_OK) {
		fputs("mfr: out of memory\n", stderr);
		return CLI_FAIL;
	}
	rc = cli_args_parse(&args, argc, argv, program ? program_option : plan_only, j);
	if (rc == CLI_OK)
		rc = cli_load_model(opts, &j->m);
	if (rc == CLI_OK)
		rc = cli_build_intake(j->m, args.nintake, args.intake, &j->in);
	if (rc == CLI_OK)
		rc = cli_load_messages(opts, &j->msgs);
	cli_args_free(&args);
	return rc;
}

static void teardown(job *j)
{
	mfr_messages_free(j->msgs);
	mfr_intake_free(j->in);
	mfr_model_free(j->m);
	mfr_plan_options_free(j->o);
}

int cli_plan(const cli_options *opts, int argc, char **argv)
{
	job j = { 0 };
	mfr_plan *p = NULL;
	mfr_error *err = NULL;
	int rc = setup(opts, argc, argv, 0, &j);

	if (rc == CLI_OK) {
		mfr_status_t st = mfr_plan_run(j.in, j.o, &p, &err);

		if (st != MFR_OK) {
			cli_report("planning failed", st, err);
			mfr_error_free(err);
			rc = CLI_FAIL;
		} else {
			st = j.msgs ? mfr_plan_write_file_with(p, opts->output, 0, j.msgs,
							       stdout, &err)
			     : mfr_plan_write_file(p, opts->output, 0, stdout, &err);
			rc = cli_written(st, err);
		}
	}
	mfr_plan_free(p);
	teardown(&j);
	return rc;
}

int cli_program(const cli_options *opts, int argc, char **argv)
{
	job j = { .sessions = 6, .weeks = 3 };
	mfr_program *pg = NULL;
	mfr_error *err = NULL;
	int rc = setup(opts, argc, argv, 1, &j);

	if (rc == CLI_OK) {
		mfr_status_t st = mfr_program_run(j.in, j.sessions, j.weeks, j.o, &pg, &err);

		if (st != MFR_OK) {
			cli_report("cannot plan the program", st, err);
			mfr_error_free(err);
			rc = st == MFR_E_RANGE ? CLI_USAGE : CLI_FAIL;
		} else {
			st = j.msgs ? mfr_program_write_file_with(pg, opts->output, 0, j.msgs,
								  stdout, &err)
			     : mfr_program_write_file(pg, opts->output, 0, stdout, &err);
			rc = cli_written(st, err);
		}
	}
	mfr_program_free(pg);
	teardown(&j);
	return rc;
}
