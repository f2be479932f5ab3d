/*
 * mfr - the intake flags shared by `mfr trace`, `plan`, `program`:
 * --intake FILE, --symptom, --segment, --condition, --precaution, --stage,
 * --scope, --answer, --clearance, --minutes, --positions, --id.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Read all of a stream (for --intake -); NULL when memory runs out or the
 * stream fails (a read error is not the end of the intake). */
static char *read_stream(FILE *f, size_t *size)
{
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);

	while (buf) {
		size_t n = fread(buf + len, 1, cap - len, f);

		len += n;
		if (n == 0)
			break;
		if (len == cap) {
			char *nbuf = realloc(buf, cap * 2);
			if (!nbuf) {
				free(buf);
				return NULL;
			}
			buf = nbuf;
			cap *= 2;
		}
	}
	if (buf && ferror(f)) {
		free(buf);
		return NULL;
	}
	*size = len;
	return buf;
}

/* Split "a:b:c" into at most @p max fields (in place); returns the count. */
static int split(char *s, char **fields, int max)
{
	int n = 0;

	fields[n++] = s;
	for (char *p = s; *p && n < max; p++) {
		if (*p == ':') {
			*p = '\0';
			fields[n++] = p + 1;
		}
	}
	return n;
}

static int parse_side(const char *s, int *side, int allow_both)
{
	mfr_side_t v;

	if (allow_both && strcmp(s, "both") == 0) {
		*side = -1;
		return 1;
	}
	if (mfr_side_parse(s, &v) != MFR_OK)
		return 0;
	*side = v;
	return 1;
}

static int add_failed(const char *what, const char *arg, mfr_status_t st, mfr_error *err)
{
	fprintf(stderr, "mfr: %s '%s': %s\n", what, arg,
		err ? mfr_error_message(err) : mfr_strerror(st));
	mfr_error_free(err);
	/* Out of memory is no mistake of the caller's: a failure, not usage. */
	return st == MFR_E_NOMEM ? CLI_FAIL : CLI_USAGE;
}

static int add_symptom(mfr_intake *in, const char *arg)
{
	char copy[256], *f[4];
	int side = 0, n;
	long intensity = MFR_INTAKE_DEFAULT_INTENSITY;
	mfr_error *err = NULL;
	mfr_status_t st = MFR_OK;

	if (strlen(arg) >= sizeof(copy))
		return cli_usage_error("--symptom '%s' is too long", arg);
	strcpy(copy, arg);
	n = split(copy, f, 4);
	if (n > 3)
		return cli_usage_error("--symptom takes REGION[:SIDE[:INTENSITY]], not '%s'", arg);
	if (n > 1 && *f[1] && !parse_side(f[1], &side, 1))
		return cli_usage_error("--symptom '%s': unknown side '%s' (use left, right, "
				       "both or midline)", arg, f[1]);
	if (n > 2) {
		char *end;
		errno = 0;
		intensity = strtol(f[2], &end, 10);
		if (errno || *end || end == f[2] || intensity < 0 || intensity > 10)
			return cli_usage_error("--symptom '%s': intensity must be a whole "
					       "number from 0 to 10", arg);
	}
	/* "Both" sides of a midline area are the area itself, as in a JSON
	 * intake (doc/intake-format.md). */
	const mfr_region *r = mfr_model_region(mfr_intake_model(in), f[0]);

	if (side == -1 && r && mfr_region_laterality(r) == MFR_LATERALITY_MIDLINE)
		side = MFR_SIDE_MIDLINE;
	for (int k = 0; k < (side == -1 ? 2 : 1) && st == MFR_OK; k++) {
		int s = side == -1 ? (k ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT) : side;
		st = mfr_intake_add_symptom(in, f[0], s, (int32_t)intensity,
					    MFR_ONSET_UNSPECIFIED, &err);
	}
	return st == MFR_OK ? CLI_OK : add_failed("--symptom", arg, st, err);
}

/* --segment ID[:INTENSITY]: the symptoms a body-map segment stands for. */
static int add_segment(mfr_intake *in, const char *arg)
{
	char copy[64], *f[3], *end;
	long intensity = MFR_INTAKE_DEFAULT_INTENSITY;
	unsigned long id;
	mfr_error *err = NULL;
	mfr_status_t st;
	int n;

	if (strlen(arg) >= sizeof(copy))
		return cli_usage_error("--segment '%s' is too long", arg);
	strcpy(copy, arg);
	n = split(copy, f, 3);
	if (n > 2)
		return cli_usage_error("--segment takes ID[:INTENSITY] (118:6), not '%s'", arg);
	errno = 0;
	id = strtoul(f[0], &end, 10);
	if (errno || *end || end == f[0] || *f[0] == '-' || *f[0] == '+' || id > UINT32_MAX)
		return cli_usage_error("--segment '%s': the segment is a whole number "
				       "(the model's body_map lists them: 'mfr model export')", arg);
	if (n > 1) {
		errno = 0;
		intensity = strtol(f[1], &end, 10);
		if (errno || *end || end == f[1] || intensity < 0 || intensity > 10)
			return cli_usage_error("--segment '%s': intensity must be a whole "
					       "number from 0 to 10", arg);
	}
	st = mfr_intake_add_symptom_segment(in, (uint32_t)id, (int32_t)intensity,
					    MFR_ONSET_UNSPECIFIED, &err);
	return st == MFR_OK ? CLI_OK : add_failed("--segment", arg, st, err);
}

static int add_precaution(mfr_intake *in, const char *arg)
{
	char copy[256], *f[4];
	int side = 0, n;
	mfr_error *err = NULL;
	mfr_status_t st;

	if (strlen(arg) >= sizeof(copy))
		return cli_usage_error("--precaution '%s' is too long", arg);
	strcpy(copy, arg);
	n = split(copy, f, 4);
	if (n > 3)
		return cli_usage_error("--precaution takes KEY[:REGION[:SIDE]], not '%s'", arg);
	if (n > 2 && !parse_side(f[2], &side, 0))
		return cli_usage_error("--precaution '%s': unknown side '%s' (use left, "
				       "right or midline)", arg, f[2]);
	st = mfr_intake_add_precaution(in, f[0], n > 1 ? f[1] : NULL, side, &err);
	return st == MFR_OK ? CLI_OK : add_failed("--precaution", arg, st, err);
}

/* --stage KEY:N, the stage of a staged precaution (pregnancy:2). */
static int set_stage(mfr_intake *in, const char *arg)
{
	char copy[256], *f[3], *end;
	mfr_error *err = NULL;
	mfr_status_t st;

	if (strlen(arg) >= sizeof(copy))
		return cli_usage_error("--stage '%s' is too long", arg);
	strcpy(copy, arg);
	if (split(copy, f, 3) != 2)
		return cli_usage_error("--stage takes KEY:STAGE (pregnancy:2), not '%s'", arg);
	errno = 0;
	long v = strtol(f[1], &end, 10);
	if (errno || *end || end == f[1] || v < 1 || v > 9)
		return cli_usage_error("--stage '%s': the stage is a whole number from 1", arg);
	st = mfr_intake_set_stage(in, f[0], (uint32_t)v, &err);
	return st == MFR_OK ? CLI_OK : add_failed("--stage", arg, st, err);
}

/* --scope intra_oral|intra_pelvic: scope and consent declared. */
static int add_scope(mfr_intake *in, const char *arg)
{
	mfr_access_t access;
	mfr_error *err = NULL;
	mfr_status_t st;

	if (mfr_access_parse(arg, &access) != MFR_OK || access == MFR_ACCESS_EXTERNAL)
		return cli_usage_error("--scope: unknown scope '%s' (use intra_oral or "
				       "intra_pelvic)", arg);
	st = mfr_intake_add_scope(in, access, &err);
	return st == MFR_OK ? CLI_OK : add_failed("--scope", arg, st, err);
}

/* --answer QUESTION=ANSWER[:REGION[:SIDE]]: a screening answer. */
static int add_answer(mfr_intake *in, const char *arg)
{
	char copy[256], *f[4], *eq;
	int side = 0, n;
	mfr_error *err = NULL;
	mfr_status_t st;

	if (strlen(arg) >= sizeof(copy))
		return cli_usage_error("--answer '%s' is too long", arg);
	strcpy(copy, arg);
	eq = strchr(copy, '=');
	if (!eq || eq == copy || !eq[1])
		return cli_usage_error("--answer takes QUESTION=ANSWER[:REGION[:SIDE]], not "
				       "'%s'", arg);
	*eq = '\0';
	n = split(eq + 1, f, 4);
	if (n > 3)
		return cli_usage_error("--answer takes QUESTION=ANSWER[:REGION[:SIDE]], not "
				       "'%s'", arg);
	if (n > 2 && !parse_side(f[2], &side, 0))
		return cli_usage_error("--answer '%s': unknown side '%s' (use left, right or "
				       "midline)", arg, f[2]);
	st = mfr_intake_add_answer(in, copy, f[0], n > 1 ? f[1] : NULL, side, &err);
	return st == MFR_OK ? CLI_OK : add_failed("--answer", arg, st, err);
}

static int add_position(void *ctx, const char *word)
{
	uint32_t *mask = ctx;
	mfr_position_t p;

	if (mfr_position_parse(word, &p) != MFR_OK)
		return cli_usage_error("--positions: unknown position '%s' (use "
				       "prone, supine, side_lying, seated, standing)", word);
	*mask |= (uint32_t)p;
	return CLI_OK;
}

static int set_positions(mfr_intake *in, const char *arg)
{
	uint32_t mask = 0;
	mfr_error *err = NULL;
	mfr_status_t st;
	int rc = cli_split_list("--positions", arg, add_position, &mask);

	if (rc != CLI_OK)
		return rc;
	st = mfr_intake_set_positions(in, mask, &err);
	return st == MFR_OK ? CLI_OK : add_failed("--positions", arg, st, err);
}

static int set_minutes(mfr_intake *in, const char *arg)
{
	char *end;
	mfr_error *err = NULL;
	mfr_status_t st;

	errno = 0;
	long v = strtol(arg, &end, 10);
	if (errno || *end || end == arg || v < 0 || v > 100000)
		return cli_usage_error("--minutes takes a whole number, not '%s'", arg);
	st = mfr_intake_set_minutes(in, (uint32_t)v, &err);
	return st == MFR_OK ? CLI_OK : add_failed("--minutes", arg, st, err);
}

/* The intake from --intake FILE (or stdin for "-"), or an empty one. */
static int base_intake(const mfr_model *m, const char *path, mfr_intake **out)
{
	mfr_error *err = NULL;
	mfr_status_t st;

	if (!path) {
		st = mfr_intake_new(m, out);
	} else if (strcmp(path, "-") == 0) {
		size_t size = 0;
		char *data = read_stream(stdin, &size);

		if (!data) {
			fputs("mfr: cannot read the intake from standard input\n", stderr);
			return CLI_FAIL;
		}
		st = mfr_intake_from_json(m, data, size, "<stdin>", out, &err);
		free(data);
	} else {
		st = mfr_intake_load_file(m, path, out, &err);
	}
	if (st == MFR_OK)
		return CLI_OK;
	cli_report("invalid intake", st, err);
	mfr_error_free(err);
	return CLI_FAIL;
}

int cli_intake_option(const char *name)
{
	static const char *const names[] = {
		"--intake", "--symptom", "--segment", "--condition", "--precaution", "--stage",
		"--scope", "--answer", "--clearance", "--minutes", "--positions", "--id",
		NULL
	};
	for (int i = 0; names[i]; i++)
		if (strcmp(name, names[i]) == 0)
			return 1;
	return 0;
}

int cli_build_intake(const mfr_model *m, int argc, char **argv, mfr_intake **out)
{
	const char *path = NULL;
	int rc;

	*out = NULL;
	for (int i = 0; i + 1 < argc; i += 2)
		if (strcmp(argv[i], "--intake") == 0)
			path = argv[i + 1];
	rc = base_intake(m, path, out);
	for (int i = 0; rc == CLI_OK && i + 1 < argc; i += 2) {
		const char *opt = argv[i], *val = argv[i + 1];
		mfr_error *err = NULL;
		mfr_status_t st = MFR_OK;

		if (strcmp(opt, "--symptom") == 0)
			rc = add_symptom(*out, val);
		else if (strcmp(opt, "--segment") == 0)
			rc = add_segment(*out, val);
		else if (strcmp(opt, "--precaution") == 0)
			rc = add_precaution(*out, val);
		else if (strcmp(opt, "--stage") == 0)
			rc = set_stage(*out, val);
		else if (strcmp(opt, "--scope") == 0)
			rc = add_scope(*out, val);
		else if (strcmp(opt, "--answer") == 0)
			rc = add_answer(*out, val);
		else if (strcmp(opt, "--positions") == 0)
			rc = set_positions(*out, val);
		else if (strcmp(opt, "--minutes") == 0)
			rc = set_minutes(*out, val);
		else if (strcmp(opt, "--condition") == 0)
			st = mfr_intake_add_condition(*out, val, &err);
		else if (strcmp(opt, "--clearance") == 0)
			st = mfr_intake_add_clearance(*out, val, &err);
		else if (strcmp(opt, "--id") == 0)
			st = mfr_intake_set_id(*out, val, &err);
		if (st != MFR_OK)
			rc = add_failed(opt, val, st, err);
	}
	if (rc != CLI_OK) {
		mfr_intake_free(*out);
		*out = NULL;
	}
	return rc;
}
