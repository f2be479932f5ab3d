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

typedef enum cli_format { CLI_TEXT, CLI_JSON } cli_format;

/* Options shared by every command. */
typedef struct cli_options {
	const char *model_path; /* --model FILE, or NULL for the default model */
	cli_format format;      /* --format */
} cli_options;

/* Report a library failure on stderr: "mfr: <what>: <detail>". */
void cli_report(const char *what, mfr_status st, mfr_error *err);

/* Print a usage error and a pointer to --help; returns CLI_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Load the model the options name (or the default). Returns CLI_OK or
 * CLI_FAIL after reporting. */
int cli_load_model(const cli_options *opts, mfr_model **out);

/* The `mfr model ...` command; argv[0] is "model". */
int cli_model(const cli_options *opts, int argc, char **argv);

#endif /* MFR_CLI_H */
