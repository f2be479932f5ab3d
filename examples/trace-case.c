/*
 * trace-case: trace the first worked case (chronic left heel and sole pain,
 * plantar fasciitis) on the default model and print each treatment site with
 * the path that explains it. Shows the intake and trace APIs.
 *
 *   cc trace-case.c $(pkg-config --cflags --libs libmfr) -o trace-case
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>

#include <mfr/mfr.h>

static int fail(const char *what, mfr_error *err)
{
	fprintf(stderr, "trace-case: %s: %s\n", what, mfr_error_message(err));
	mfr_error_free(err);
	return EXIT_FAILURE;
}

int main(void)
{
	mfr_model *model = NULL;
	mfr_intake *intake = NULL;
	mfr_trace *trace = NULL;
	mfr_error *err = NULL;
	int rc = EXIT_SUCCESS;

	if (mfr_model_default(&model, &err) != MFR_OK)
		return fail("model", err);
	if (mfr_intake_new(model, &intake) != MFR_OK ||
	    mfr_intake_add_symptom(intake, "heel", MFR_SIDE_LEFT, 6, MFR_ONSET_CHRONIC, &err) ||
	    mfr_intake_add_symptom(intake, "sole", MFR_SIDE_LEFT, 6, MFR_ONSET_CHRONIC, &err) ||
	    mfr_intake_add_condition(intake, "plantar_fasciitis", &err) ||
	    mfr_trace_run(intake, NULL, &trace, &err) != MFR_OK) {
		rc = fail("trace", err);
		goto out;
	}

	printf("Left heel and sole pain, plantar fasciitis: where to consider working\n");
	printf("(decision support for a licensed therapist, not a diagnosis)\n\n");
	for (uint32_t i = 0; i < mfr_trace_result_count(trace) && i < 10; i++) {
		const mfr_trace_result *r = mfr_trace_result_at(trace, i);
		const mfr_trace_path *p = mfr_trace_result_path_at(r, 0);

		printf("%2u. [%s, score %.3f] %s\n", i + 1,
		       mfr_distance_name(mfr_trace_result_distance(r)),
		       mfr_trace_result_score(r), mfr_trace_result_explain(r));
		for (uint32_t k = 0; k < mfr_trace_path_step_count(p); k++) {
			const mfr_trace_path_step *s = mfr_trace_path_step_at(p, k);
			const mfr_line *line = mfr_trace_path_step_line(s);

			printf("      %s %s -> %s %s (%s%s%s)\n",
			       mfr_side_name(mfr_trace_path_step_from_side(s)),
			       mfr_region_key(mfr_trace_path_step_from(s)),
			       mfr_side_name(mfr_trace_path_step_to_side(s)),
			       mfr_region_key(mfr_trace_path_step_to(s)),
			       mfr_relation_name(mfr_trace_path_step_relation(s)),
			       line ? ": " : "", line ? mfr_line_abbrev(line) : "");
		}
	}
out:
	mfr_trace_free(trace);
	mfr_intake_free(intake);
	mfr_model_unref(model);
	return rc;
}
