/*
 * mfr - helpers every command shares: error reports, the model, number
 * options, site names, JSON. Apart from main() (mfr.c), so that the fuzz
 * targets (fuzz/) can link the commands without it.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "text.h"

void cli_report(const char *what, mfr_status_t st, mfr_error *err)
{
	const char *msg = err ? mfr_error_message(err) : NULL;

	if (msg && *msg)
		fprintf(stderr, "mfr: %s: %s\n", what, msg);
	else
		fprintf(stderr, "mfr: %s: %s\n", what, mfr_strerror(st));
}

int cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("mfr: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'mfr --help'.\n", stderr);
	return CLI_USAGE;
}

int cli_load_model(const cli_options *opts, mfr_model **out)
{
	mfr_error *err = NULL;
	mfr_status_t st = opts->model_path
		? mfr_model_load_file(opts->model_path, out, &err)
		: mfr_model_default(out, &err);

	if (st == MFR_OK)
		return CLI_OK;
	cli_report("cannot load the model", st, err);
	mfr_error_free(err);
	return CLI_FAIL;
}

int cli_load_messages(const cli_options *opts, mfr_messages **out)
{
	mfr_error *err = NULL;
	uint32_t missing;

	*out = NULL;
	if (!opts->messages_path)
		return CLI_OK;
	mfr_status_t st = mfr_messages_load_file(opts->messages_path, out, &err);
	if (st != MFR_OK) {
		cli_report("cannot load the messages", st, err);
		mfr_error_free(err);
		return CLI_FAIL;
	}
	missing = mfr_messages_missing_count(*out);
	if (missing) {
		fprintf(stderr, "mfr: note: %s (%s) has no template for %u of the %u "
			"message codes, written in English:", opts->messages_path,
			mfr_messages_language(*out), missing,
			mfr_messages_count(mfr_messages_default()));
		for (uint32_t i = 0; i < missing && i < 5; i++)
			fprintf(stderr, "%s %s", i ? "," : "", mfr_messages_missing_at(*out, i));
		fputs(missing > 5 ? ", ...\n" : "\n", stderr);
	}
	return CLI_OK;
}

int cli_parse_count(const char *opt, const char *val, uint32_t *out)
{
	char *end;

	errno = 0;
	unsigned long v = strtoul(val, &end, 10);
	if (errno || *end || end == val || val[0] == '-' || v > UINT32_MAX)
		return cli_usage_error("%s takes a whole number, not '%s'", opt, val);
	*out = (uint32_t)v;
	return CLI_OK;
}

int cli_split_list(const char *opt, const char *val,
		   int (*item)(void *ctx, const char *word), void *ctx)
{
	char *copy = malloc(strlen(val) + 1), *word;
	int rc = CLI_OK, n = 1;

	if (!copy) {
		fputs("mfr: out of memory\n", stderr);
		return CLI_FAIL;
	}
	strcpy(copy, val);
	word = copy;
	for (;;) {
		char *comma = strchr(word, ',');

		if (comma)
			*comma = '\0';
		if (!*word) {
			rc = cli_usage_error("%s '%s': item %d is empty; separate the items "
					     "with single commas", opt, val, n);
			break;
		}
		if ((rc = item(ctx, word)) != CLI_OK || !comma)
			break;
		word = comma + 1;
		n++;
	}
	free(copy);
	return rc;
}

int cli_parse_range(const char *opt, const char *val, uint32_t lo, uint32_t hi,
		    uint32_t *out)
{
	char *end;
	int negative = val[strspn(val, " \t")] == '-';

	errno = 0;
	unsigned long long v = strtoull(val, &end, 10);
	if (*end || end == val)
		return cli_usage_error("%s takes a whole number from %u to %u, not '%s'",
				       opt, lo, hi, val);
	if (negative || errno == ERANGE || v < lo || v > hi)
		return cli_usage_error("%s %s is out of range; use %u to %u", opt, val, lo, hi);
	*out = (uint32_t)v;
	return CLI_OK;
}

int cli_option_failed(const char *opt, const char *val, mfr_status_t st)
{
	/* Out of memory is no mistake of the caller's: a failure, not usage. */
	if (st == MFR_E_NOMEM) {
		fprintf(stderr, "mfr: %s '%s': %s\n", opt, val, mfr_strerror(st));
		return CLI_FAIL;
	}
	return cli_usage_error("%s '%s': %s", opt, val, mfr_strerror(st));
}

int cli_written(mfr_status_t st, mfr_error *err)
{
	if (st == MFR_OK)
		return CLI_OK;
	cli_report("cannot write the output", st, err);
	mfr_error_free(err);
	return st == MFR_E_CONSTRAINT ? CLI_USAGE : CLI_FAIL;
}

int cli_emit_json(mfr_status_t st, char *text, mfr_error *err)
{
	if (st != MFR_OK) {
		cli_report("cannot write JSON", st, err);
		mfr_error_free(err);
		return CLI_FAIL;
	}
	/* A failed write is reported when the output is closed (mfr.c). */
	int rc = fputs(text, stdout) == EOF ? CLI_FAIL : CLI_OK;
	mfr_free(text);
	return rc;
}

/* Split arguments into (option, value) pairs in a->pairs; returns how many
 * pointers were written, or -1 after a usage error. One argument that is
 * not an option is the intake file (INTAKE in `mfr trace [INTAKE]`): it
 * gives the pair ("--intake", FILE). */
static int split_pairs(int argc, char **argv, char **pairs, char *storage,
		       size_t storage_size)
{
	int n = 0;
	size_t used = 0;
	const char *file = NULL;

	for (int i = 0; i < argc; i++) {
		const char *a = argv[i];
		const char *eq = strchr(a, '=');

		if (strncmp(a, "--", 2) != 0) {
			if (file)
				return cli_usage_error("unexpected argument '%s': the intake "
						       "file is already '%s'", a, file), -1;
			file = a;
			pairs[n++] = (char *)"--intake";
			pairs[n++] = (char *)a;
			continue;
		}
		if (eq) {
			size_t len = (size_t)(eq - a);
			if (used + len + 1 > storage_size)
				return cli_usage_error("too many arguments"), -1;
			memcpy(storage + used, a, len);
			storage[used + len] = '\0';
			pairs[n++] = storage + used;
			pairs[n++] = (char *)eq + 1;
			used += len + 1;
		} else {
			if (i + 1 >= argc)
				return cli_usage_error("option '%s' needs a value", a), -1;
			pairs[n++] = (char *)a;
			pairs[n++] = argv[++i];
		}
	}
	return n;
}

int cli_args_parse(cli_args *a, int argc, char **argv,
		   int (*option)(void *ctx, const char *name, const char *value), void *ctx)
{
	int nargs = argc - 1, n, rc = CLI_OK;

	a->nintake = 0;
	a->pairs = calloc((size_t)(2 * nargs + 2), sizeof(char *));
	a->intake = calloc((size_t)(2 * nargs + 2), sizeof(char *));
	if (!a->pairs || !a->intake) {
		fputs("mfr: out of memory\n", stderr);
		return CLI_FAIL;
	}
	n = split_pairs(nargs, argv + 1, a->pairs, a->storage, sizeof(a->storage));
	if (n < 0)
		return CLI_USAGE;
	/* One intake file: as INTAKE or as --intake FILE, once. */
	const char *file = NULL;
	for (int i = 0; i < n; i += 2) {
		if (strcmp(a->pairs[i], "--intake") != 0)
			continue;
		if (file)
			return cli_usage_error("two intake files, '%s' and '%s'; give one "
					       "(as INTAKE or --intake FILE)", file,
					       a->pairs[i + 1]);
		file = a->pairs[i + 1];
	}
	for (int i = 0; i < n && rc == CLI_OK; i += 2) {
		if (cli_intake_option(a->pairs[i])) {
			a->intake[a->nintake++] = a->pairs[i];
			a->intake[a->nintake++] = a->pairs[i + 1];
		} else {
			rc = option(ctx, a->pairs[i], a->pairs[i + 1]);
		}
	}
	return rc;
}

void cli_args_free(cli_args *a)
{
	free(a->pairs);
	free(a->intake);
	a->pairs = a->intake = NULL;
}
