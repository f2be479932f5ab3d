/*
 * mfr - the libmfr command-line tool: shared declarations.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_CLI_H
#define MFR_CLI_H

#include <stdio.h>

#include "mfr/mfr.h"

/* Exit codes: 0 success, 1 the work failed (a bad model file, ...), 2 the
 * command line was wrong. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };
/* Not an exit code: an option a command's option parser does not know
 * (nothing reported yet; the caller names the command). */
enum { CLI_UNKNOWN = 3 };

typedef enum cli_format { CLI_TEXT, CLI_JSON } cli_format;

/* Options shared by every command. */
typedef struct cli_options {
	const char *model_path; /* --model FILE, or NULL for the default model */
	cli_format format;      /* --format: json, or text for a person */
	mfr_format_t output;    /* --format, as the library names it */
	int format_given;       /* --format was given (else the default, text) */
	const char *messages_path; /* --messages FILE, or NULL for English */
} cli_options;

/* A string getter's value for printing: "" for NULL (absent). */
static inline const char *cli_str(const char *s)
{
	return s ? s : "";
}

/* Report a library failure on stderr: "mfr: <what>: <detail>". */
void cli_report(const char *what, mfr_status_t st, mfr_error *err);

/* Print a usage error and a pointer to --help; returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Parse a whole number option value (0 to UINT32_MAX); CLI_USAGE after a
 * usage error. */
int cli_parse_count(const char *opt, const char *val, uint32_t *out);

/* Parse a whole number option value from @p lo to @p hi (the range the
 * library's setter takes, as its header documents it); a value outside is
 * a usage error that states the range. */
int cli_parse_range(const char *opt, const char *val, uint32_t lo, uint32_t hi,
		    uint32_t *out);

/* Split the comma-separated list @p val of option @p opt and call
 * item(ctx, word) on each word in order; an empty item ("prone,,supine", a
 * leading or trailing comma, an empty list) is a usage error. Returns CLI_OK,
 * or the first error (item()'s, or CLI_USAGE after reporting). */
int cli_split_list(const char *opt, const char *val,
		   int (*item)(void *ctx, const char *word), void *ctx);

/* Report the failure of an mfr_*_write_file() (freeing @p err): CLI_OK
 * for MFR_OK, CLI_USAGE for a format the object is not written in, else
 * CLI_FAIL. */
int cli_written(mfr_status_t st, mfr_error *err);

/* Report option @p opt's value @p val refused with @p st: out of memory is a
 * failure (CLI_FAIL), anything else a usage error (CLI_USAGE). */
int cli_option_failed(const char *opt, const char *val, mfr_status_t st);

/* Print a *_to_json() result (freeing @p text), or report @p err (freeing
 * it); CLI_OK or CLI_FAIL. Standard output is checked for write errors once,
 * when main() flushes and closes it. */
int cli_emit_json(mfr_status_t st, char *text, mfr_error *err);

/* Load the model the options name (or the default). Returns CLI_OK or
 * CLI_FAIL after reporting. */
int cli_load_model(const cli_options *opts, mfr_model **out);

/* Load the message table the options name into *out (NULL, the English
 * table, without --messages), noting on stderr the codes it lacks (written
 * in English). Returns CLI_OK, or CLI_FAIL after reporting. */
int cli_load_messages(const cli_options *opts, mfr_messages **out);

/* The `mfr model ...` command; argv[0] is "model". */
int cli_model(const cli_options *opts, int argc, char **argv);

/* The `mfr trace ...` command; argv[0] is "trace". */
int cli_trace(const cli_options *opts, int argc, char **argv);

/* Apply one trace option (--max-results ...) to @p o: CLI_OK, CLI_USAGE
 * after reporting a bad value, or CLI_UNKNOWN (not reported) for an option
 * that is not a trace option. `mfr trace` and `mfr batch trace` share it. */
int cli_trace_option(mfr_trace_options *o, const char *opt, const char *val);

/* The same for a plan option (--max-sites ...): `mfr plan`, `mfr program`
 * and `mfr batch plan`. */
int cli_plan_option(mfr_plan_options *o, const char *opt, const char *val);

/* `mfr plan ...` and `mfr program ...`; argv[0] is the command. */
int cli_plan(const cli_options *opts, int argc, char **argv);
int cli_program(const cli_options *opts, int argc, char **argv);

/* `mfr batch trace|plan`: JSON lines in and out. */
int cli_batch(const cli_options *opts, int argc, char **argv);

/* One line of `mfr batch`: input line @p lineno (@p len bytes,
 * NUL-terminated, without its newline) gives exactly one row on @p out: the
 * compact trace (or plan, when @p plan is 1) of the intake it holds, or
 * {"line": N, "error": {...}}. Returns 0, or 1 when the row is an error.
 * Apart from cli_batch()'s loop so that a fuzz target can call it. */
int cli_batch_line(FILE *out, const mfr_model *m, int plan, const char *line,
		   size_t len, unsigned long lineno);

/* Whether @p name ("--symptom") is one of the intake flags. */
int cli_intake_option(const char *name);

/* Build an intake from (option, value) pairs of intake flags: --intake FILE
 * (or - for stdin) first, then every other flag applied to it in order.
 * Returns CLI_OK, CLI_FAIL (a bad intake file) or CLI_USAGE (a bad flag),
 * after reporting. */
int cli_build_intake(const mfr_model *m, int npairs2, char **pairs, mfr_intake **out);

/* A command's arguments, split: the intake flags (for cli_build_intake())
 * apart from the command's own options. */
typedef struct cli_args {
	char **intake; /* (option, value) pairs of intake flags */
	int nintake;   /* pointers in intake */
	char **pairs;  /* every (option, value) pair, in order */
	char storage[4096]; /* option names cut from "--name=value" */
} cli_args;

/* Split argv[1..argc-1]: "--name VALUE" and "--name=VALUE" each give a pair,
 * and one argument that is not an option is the intake file, as if given
 * with --intake; intake flags are collected, every other option goes to
 * @p option(ctx, name, value). Returns CLI_OK, or the first error after
 * reporting it (a second positional argument, two intake files, an option
 * without a value, a bad option). Free with cli_args_free() in every case. */
int cli_args_parse(cli_args *a, int argc, char **argv,
		   int (*option)(void *ctx, const char *name, const char *value), void *ctx);
void cli_args_free(cli_args *a);

#endif /* MFR_CLI_H */
