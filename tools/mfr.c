/*
 * mfr - the libmfr command-line tool: global options and dispatch.
 * SPDX-License-Identifier: MIT
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* In pieces: C99 compilers need take no string literal past 4,095 bytes. */
static const char *const usage_text[] = {
	"Usage: mfr [OPTIONS] COMMAND [ARGS]\n"
	"\n"
	"libmfr: myofascial treatment-plan modelling. Decision support for\n"
	"licensed therapists; it does not diagnose.\n"
	"\n"
	"Commands:\n"
	"  model                      summary of the model (name, version, counts)\n"
	"  model list KIND            list the regions, lines, referrals, techniques,\n"
	"                             conditions, precautions, sources, aftercare,\n"
	"                             danger_zones or screening questions\n"
	"  model show KIND KEY        everything the model holds on one entity\n"
	"  model find WORDS...        regions and conditions whose names or synonyms\n"
	"                             hold the words ('heel pain'), best first\n"
	"  model validate FILE        check a model file; exit 0 if it loads\n"
	"  model export               print the default model file (with --model,\n"
	"                             the canonical form of that model)\n"
	"  trace [INTAKE] [OPTIONS]   rank local and distant treatment sites for\n"
	"                             the symptoms, each with its explanation\n"
	"  plan [INTAKE] [OPTIONS]    an ordered, timed, safe plan for one session\n"
	"  program [INTAKE] [OPTIONS] a course of sessions (--sessions N --weeks W)\n"
	"  batch trace|plan [OPTIONS] one intake per line of standard input (JSON\n"
	"                             lines), one row per line out, in order: JSON\n"
	"                             lines, or CSV with --format csv; the trace or\n"
	"                             plan options apply to every line\n"
	"\n",
	"Intake (trace, plan, program):\n"
	"  INTAKE, --intake FILE      read the intake from a JSON file (- for stdin)\n"
	"  --symptom REGION[:SIDE[:INTENSITY]]\n"
	"                             a symptom site (repeatable); SIDE left, right,\n"
	"                             both or midline; INTENSITY 0-10 (default 5)\n"
	"  --segment ID[:INTENSITY]   the symptoms a body-map segment stands for\n"
	"                             (repeatable); the default model's map is the\n"
	"                             CHOIR body map, male numbering: 101-136 on the\n"
	"                             front, 201-238 on the back\n"
	"  --condition KEY            a recorded condition (repeatable)\n"
	"  --precaution KEY[:REGION[:SIDE]]\n"
	"                             a precaution, local ones with their site; a\n"
	"                             site-scoped one (deep_vein_thrombosis,\n"
	"                             malignancy) once per affected site\n"
	"  --stage KEY:N              the stage of a recorded precaution\n"
	"                             (pregnancy:2, the trimester)\n"
	"  --answer QUESTION=ANSWER[:REGION[:SIDE]]\n"
	"                             a screening answer ('mfr model list screening')\n"
	"  --scope ACCESS             intra_oral or intra_pelvic: the therapist works\n"
	"                             in that scope and the client's consent is on\n"
	"                             record (repeatable)\n"
	"  --clearance KEY            a clearance given for a precaution\n"
	"  --minutes N                session length (default 60)\n"
	"  --positions LIST           positions the client can take, comma-separated\n"
	"  --id ID                    the clinic's id for the intake, carried into\n"
	"                             every output\n"
	"\n"
	"Trace options:\n"
	"  --max-results N            how many sites (default 20)\n"
	"  --max-steps N              how many steps a path may take (default 6)\n"
	"  --min-evidence GRADE       follow only lines graded at least GRADE\n"
	"  --relations LIST           line,referral,hierarchy,adjacency (default all)\n"
	"  --line KEY                 follow only this line (repeatable)\n"
	"\n"
	"Plan and program options:\n"
	"  --max-sites N              traced sites to consider (default 20)\n"
	"  --reposition-seconds S     time a change of position takes (default 60)\n"
	"  --block-seconds S          opening/closing blocks, and techniques without a\n"
	"                             sourced hold, last S seconds (default 120)\n"
	"  --technique KEY            prefer this technique where it is allowed\n"
	"                             (repeatable; 'mfr model list techniques')\n"
	"  --sessions N --weeks W     program length (default 6 sessions, 3 weeks)\n"
	"\n"
	"Batch options:\n"
	"  --jobs N                   work on N lines at once, in N threads (1 to\n"
	"                             256, default 1); the output is the same\n"
	"  --compact                  JSON rows without the disclaimer, and with the\n"
	"                             aftercare as keys ('mfr model list aftercare')\n"
	"\n"
	"Options:\n"
	"  --model FILE               use the model in FILE instead of the built-in one\n"
	"  --messages FILE            write the sentences of text, soap and handout\n"
	"                             (warnings, rationales, aftercare headings) from\n"
	"                             the message table in FILE, another language\n"
	"                             (share/libmfr/messages-en.json is the English\n"
	"                             one to copy); codes it lacks stay English\n"
	"  --format FORMAT            output format: text (the default; json for\n"
	"                             batch), json, soap (the plan section of a SOAP\n"
	"                             note), fhir (a FHIR R4 Bundle) or handout (the\n"
	"                             client's printable HTML page), the last three\n"
	"                             for plan and program; csv (one row per plan\n"
	"                             step or trace result); or svg (a body chart of\n"
	"                             the symptoms and the plan's sites, for plan and\n"
	"                             trace)\n"
	"  -h, --help                 show this help\n"
	"  -V, --version              show the libmfr version\n"
	"\n"
	"Exit status: 0 success, 1 failure (such as an invalid model), 2 bad usage.\n",
};

/* Take "--name VALUE" or "--name=VALUE" at argv[*i]; NULL if it is not
 * that option. Sets *missing when the value is absent. */
static const char *option_value(int argc, char **argv, int *i, const char *name,
				int *missing)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n) != 0)
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

/*
 * The end of every run: standard output is flushed and closed here, and a
 * write that failed on the way (printf() leaves the stream's error flag
 * set) or now (a full disk, a closed pipe) is reported: output that was
 * lost is a failure, exit status 1, never a silent success.
 */
static int finish_output(int rc)
{
	int failed = ferror(stdout), e = failed ? errno : 0;

	if (fflush(stdout) != 0) {
		failed = 1;
		e = errno;
	}
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	if (!failed)
		return rc;
	fprintf(stderr, "mfr: cannot write the output%s%s\n", e ? ": " : "",
		e ? strerror(e) : "");
	return rc == CLI_OK ? CLI_FAIL : rc;
}

static int run(int argc, char **argv);

/*
 * Where the command stands among @p n words: the first that is neither an
 * option nor an option's value (every command option takes a value but
 * --compact), or -1. A command's options may come before it ("mfr
 * --max-sites 2 batch plan"), as the global options may come after it.
 */
static int command_index(int n, char **w)
{
	for (int i = 0; i < n; i++) {
		if (w[i][0] != '-' || !w[i][1])
			return i;
		if (!strchr(w[i], '=') && strcmp(w[i], "--compact") != 0)
			i++; /* its value */
	}
	return -1;
}

int main(int argc, char **argv)
{
	return finish_output(run(argc, argv));
}

static int run(int argc, char **argv)
{
	cli_options opts = { .format = CLI_TEXT, .output = MFR_FORMAT_TEXT };
	char **rest = malloc(sizeof(char *) * (size_t)(argc + 1));
	int nrest = 0, rc;

	if (!rest) {
		fputs("mfr: out of memory\n", stderr);
		return CLI_FAIL;
	}
	/* Global options may stand anywhere; everything else is the command
	 * and its arguments, in order. "--" ends option parsing. */
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v;
		int missing = 0;

		if (strcmp(a, "--") == 0) {
			while (++i < argc)
				rest[nrest++] = argv[i];
			break;
		}
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			for (size_t k = 0; k < sizeof(usage_text) / sizeof(*usage_text); k++)
				fputs(usage_text[k], stdout);
			free(rest);
			return CLI_OK;
		}
		if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			printf("mfr (libmfr) %s\n", mfr_version());
			free(rest);
			return CLI_OK;
		}
		if ((v = option_value(argc, argv, &i, "--model", &missing))) {
			opts.model_path = v;
		} else if ((v = option_value(argc, argv, &i, "--messages", &missing))) {
			opts.messages_path = v;
		} else if ((v = option_value(argc, argv, &i, "--format", &missing))) {
			opts.format_given = 1;
			if (mfr_format_parse(v, &opts.output) != MFR_OK) {
				free(rest);
				return cli_usage_error("unknown format '%s': use "
						       "'text', 'json', 'soap', 'fhir', 'handout', "
						       "'csv' or 'svg'", v);
			}
			opts.format = opts.output == MFR_FORMAT_JSON ? CLI_JSON : CLI_TEXT;
		} else if (missing) {
			free(rest);
			return cli_usage_error("option '%s' needs a value", a);
		} else {
			/* The command's own options pass through to it. */
			rest[nrest++] = argv[i];
		}
	}
	rest[nrest] = NULL;
	/* The command first, then its options in the order given. */
	int ci = command_index(nrest, rest);
	if (ci > 0) {
		char *cmd = rest[ci];

		memmove(rest + 1, rest, sizeof(char *) * (size_t)ci);
		rest[0] = cmd;
	}

	if (nrest == 0)
		rc = cli_usage_error("no command given");
	else if (strcmp(rest[0], "model") == 0 && opts.output != MFR_FORMAT_JSON &&
		 opts.output != MFR_FORMAT_TEXT)
		rc = cli_usage_error("'mfr model' writes text or json, not %s",
				     mfr_format_name(opts.output));
	else if (opts.messages_path && (strcmp(rest[0], "model") == 0 ||
					strcmp(rest[0], "batch") == 0))
		rc = cli_usage_error("'mfr %s' writes no sentences to translate: --messages "
				     "is for plan, program and trace", rest[0]);
	else if (strcmp(rest[0], "model") == 0)
		rc = cli_model(&opts, nrest, rest);
	else if (strcmp(rest[0], "trace") == 0)
		rc = cli_trace(&opts, nrest, rest);
	else if (strcmp(rest[0], "plan") == 0)
		rc = cli_plan(&opts, nrest, rest);
	else if (strcmp(rest[0], "program") == 0)
		rc = cli_program(&opts, nrest, rest);
	else if (strcmp(rest[0], "batch") == 0)
		rc = cli_batch(&opts, nrest, rest);
	else
		rc = cli_usage_error("unknown command '%s'", rest[0]);
	free(rest);
	return rc;
}
