/*
 * Fuzz target: the command line's site and option specs: `mfr trace`,
 * `plan` and `program` with fuzzed arguments (tools/intake-args.c,
 * tools/cli-util.c, the commands' own options).
 * SPDX-License-Identifier: MIT
 *
 * The input is one argument per line. The first is the command, "trace",
 * "plan" or "program", with ":json" for --format json; the rest are its
 * arguments ("--symptom", "heel:left:6", "--precaution=open_wound:calf:left",
 * "--positions", "prone,supine", ...). An input that names an intake file
 * (--intake, or a bare argument) is skipped: the target reads no files and
 * never waits on standard input. The command's output goes to /dev/null.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fuzz.h"

/* More arguments than any sensible command line: the limit keeps one
 * execution short. */
#define MAX_ARGS 64

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	/* The commands print to stdout; libFuzzer and replay.c report on
	 * stderr. */
	if (!freopen("/dev/null", "w", stdout))
		fuzz_fail("cannot send stdout to /dev/null", NULL);
	return 0;
}

/* Accept every command option: only the intake flags are looked at. */
static int any_option(void *ctx, const char *name, const char *value)
{
	return CLI_OK;
}

/* 1 when the arguments name an intake file (which the command would open,
 * or read from stdin for "-"). */
static int names_a_file(int argc, char **argv)
{
	cli_args a = { 0 };
	int file = 0;

	if (cli_args_parse(&a, argc, argv, any_option, NULL) == CLI_OK)
		for (int i = 0; i < a.nintake; i += 2)
			file |= strcmp(a.intake[i], "--intake") == 0;
	cli_args_free(&a);
	return file;
}

/* Split @p text (NUL-terminated, changed in place) at each newline into
 * @p argv; returns the count, or -1 for too many. */
static int split_lines(char *text, char **argv)
{
	int argc = 0;

	for (char *p = text; *p || argc == 0;) {
		char *nl = strchr(p, '\n');

		if (argc == MAX_ARGS)
			return -1;
		argv[argc++] = p;
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
	return argc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1), *argv[MAX_ARGS + 1];
	cli_options opts = { .format = CLI_TEXT, .output = MFR_FORMAT_TEXT };
	int argc;

	if (!text)
		fuzz_fail("out of memory", NULL);
	memcpy(text, data, size);
	text[size] = '\0';
	argc = split_lines(text, argv);
	if (argc > 0) {
		char *json = strstr(argv[0], ":json");

		if (json && json[5] == '\0') {
			*json = '\0';
			opts.format = CLI_JSON;
			opts.format_given = 1;
		}
		argv[argc] = NULL;
	}
	if (argc <= 0 || names_a_file(argc, argv)) {
		free(text);
		return 0;
	}
	if (strcmp(argv[0], "trace") == 0)
		cli_trace(&opts, argc, argv);
	else if (strcmp(argv[0], "plan") == 0)
		cli_plan(&opts, argc, argv);
	else if (strcmp(argv[0], "program") == 0)
		cli_program(&opts, argc, argv);
	free(text);
	return 0;
}
