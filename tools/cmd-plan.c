/*
 * mfr - `mfr plan` and `mfr program`: a session plan, or a course of them.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void print_plan(const mfr_plan *p, const char *indent)
{
	char site[160];

	/* The ceiling the precautions and doses set: the scale's top is no
	 * limit, and saying "no firmer than firm" over light steps misleads. */
	mfr_pressure_t ceiling = mfr_plan_pressure_ceiling(p);

	if (!mfr_plan_step_count(p))
		printf("%sstatus: %s; nothing planned for the %u minutes (see the "
		       "warnings), ", indent, mfr_plan_status_name(mfr_plan_status(p)),
		       mfr_plan_session_seconds(p) / 60);
	else
		printf("%sstatus: %s; %u of %u minutes planned (%u s), %u position "
		       "change%s, ", indent, mfr_plan_status_name(mfr_plan_status(p)),
		       (mfr_plan_total_seconds(p) + 59) / 60, mfr_plan_session_seconds(p) / 60,
		       mfr_plan_total_seconds(p), mfr_plan_position_changes(p),
		       mfr_plan_position_changes(p) == 1 ? "" : "s");
	printf("%s%s\n",
	       ceiling == MFR_PRESSURE_FIRM ? "no precaution limits the pressure"
					    : "pressure no firmer than ",
	       ceiling == MFR_PRESSURE_FIRM ? "" : mfr_pressure_name(ceiling));
	for (uint32_t i = 0; i < mfr_plan_warning_count(p); i++) {
		const mfr_plan_warning *w = mfr_plan_warning_at(p, i);

		printf("%s! [%s] %s\n", indent, mfr_plan_warning_code(w),
		       mfr_plan_warning_text(w));
	}
	if (mfr_plan_step_count(p))
		putchar('\n');
	for (uint32_t i = 0; i < mfr_plan_step_count(p); i++) {
		const mfr_plan_step *s = mfr_plan_step_at(p, i);

		cli_site_name(site, sizeof(site), mfr_plan_step_region(s),
			      mfr_plan_step_side(s));
		printf("%s%2u. %-10s %-30s %-28s %s, %s, %s, %u s\n%s      %s\n", indent,
		       i + 1, mfr_position_name(mfr_plan_step_position(s)), site,
		       mfr_technique_name(mfr_plan_step_technique(s)),
		       mfr_phase_name(mfr_plan_step_phase(s)),
		       mfr_approach_name(mfr_plan_step_approach(s)),
		       mfr_pressure_name(mfr_plan_step_pressure(s)),
		       mfr_plan_step_seconds(s), indent, mfr_plan_step_rationale(s));
		if (mfr_plan_step_lying_side(s))
			printf("%s      lying on the %s side\n", indent,
			       mfr_side_name(mfr_plan_step_lying_side(s)));
		if (mfr_plan_step_danger_zone(s)) {
			const mfr_danger_zone *z = mfr_plan_step_danger_zone(s);

			printf("%s      in the %s: no firmer than %s (%s)\n", indent,
			       mfr_danger_zone_name(z),
			       mfr_pressure_name(mfr_danger_zone_pressure_ceiling(z)),
			       mfr_danger_zone_effect(z));
		}
		if (mfr_plan_step_flags(s) & MFR_STEP_INTERNAL)
			printf("%s      internal work, under the declared scope and consent\n",
			       indent);
	}
	printf("\n%sAftercare:\n", indent);
	for (uint32_t i = 0; i < mfr_plan_aftercare_count(p); i++) {
		const mfr_aftercare *a = mfr_plan_aftercare_at(p, i);

		printf("%s- %s%s\n", indent,
		       mfr_aftercare_kind(a) == MFR_AFTERCARE_RED_FLAG ? "RED FLAG: " : "",
		       mfr_aftercare_text(a));
	}
}

/* Shared by plan and program: parse, load, build the intake. */
typedef struct job {
	mfr_model *m;
	mfr_intake *in;
	mfr_plan_options *o;
	uint32_t sessions, weeks;
} job;

/* Apply one plan (or program) option to the job; CLI_USAGE for an unknown one. */
static int plan_option(job *j, const char *opt, const char *val, int program)
{
	uint32_t n;
	mfr_status_t st;

	if (program && strcmp(opt, "--sessions") == 0)
		return cli_parse_count(opt, val, &j->sessions);
	if (program && strcmp(opt, "--weeks") == 0)
		return cli_parse_count(opt, val, &j->weeks);
	/* The ranges are the setters' (include/mfr/plan.h). */
	if (strcmp(opt, "--max-sites") == 0) {
		if (cli_parse_range(opt, val, 1, 200, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_plan_options_set_max_sites(j->o, n);
	} else if (strcmp(opt, "--reposition-seconds") == 0) {
		if (cli_parse_range(opt, val, 0, 600, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_plan_options_set_reposition_seconds(j->o, n);
	} else if (strcmp(opt, "--block-seconds") == 0) {
		if (cli_parse_range(opt, val, 30, 900, &n) != CLI_OK)
			return CLI_USAGE;
		st = mfr_plan_options_set_block_seconds(j->o, n);
	} else if (strcmp(opt, "--technique") == 0) {
		st = mfr_plan_options_add_technique(j->o, val);
	} else {
		return cli_usage_error("unknown option '%s' for 'mfr %s'", opt,
				       program ? "program" : "plan");
	}
	if (st != MFR_OK)
		return cli_usage_error("%s '%s': %s", opt, val, mfr_strerror(st));
	return CLI_OK;
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
	cli_args_free(&args);
	return rc;
}

static void teardown(job *j)
{
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
		} else if (opts->format == CLI_JSON) {
			char *text = NULL;
			st = mfr_plan_to_json(p, 0, &text, &err);
			rc = cli_emit_json(st, text, err);
		} else {
			printf("Session plan. Decision support for licensed therapists; "
			       "not a diagnosis.\n");
			print_plan(p, "");
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
		} else if (opts->format == CLI_JSON) {
			char *text = NULL;
			st = mfr_program_to_json(pg, 0, &text, &err);
			rc = cli_emit_json(st, text, err);
		} else {
			printf("Program: %u sessions over %u weeks. Decision support for "
			       "licensed therapists; not a diagnosis.\n",
			       mfr_program_session_count(pg), j.weeks);
			for (uint32_t i = 0; i < mfr_program_session_count(pg); i++) {
				const mfr_program_session *s = mfr_program_session_at(pg, i);

				printf("\nSession %u, day %u%s\n", i + 1,
				       mfr_program_session_day(s) + 1,
				       mfr_program_session_reassess(s)
				       ? " (reassess the client first)" : "");
				print_plan(mfr_program_session_plan(s), "  ");
			}
		}
	}
	mfr_program_free(pg);
	teardown(&j);
	return rc;
}
