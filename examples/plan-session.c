/*
 * plan-session: build an intake through the API (the fifth worked case: left
 * heel pain with an open wound on the left calf), plan a 45-minute session
 * and print it as a therapist would read it, warnings and aftercare included.
 *
 *   cc plan-session.c $(pkg-config --cflags --libs libmfr) -o plan-session
 *
 * SPDX-License-Identifier: MIT
 */
#include <stdio.h>
#include <stdlib.h>

#include <mfr/mfr.h>

int main(void)
{
	mfr_model *model = NULL;
	mfr_intake *intake = NULL;
	mfr_plan *plan = NULL;
	mfr_error *err = NULL;
	int rc = EXIT_FAILURE;

	if (mfr_model_default(&model, &err) != MFR_OK ||
	    mfr_intake_new(model, &intake) != MFR_OK ||
	    mfr_intake_add_symptom(intake, "heel", MFR_SIDE_LEFT, 6, MFR_ONSET_CHRONIC, &err) ||
	    mfr_intake_add_condition(intake, "plantar_fasciitis", &err) ||
	    mfr_intake_add_precaution(intake, "open_wound", "calf", MFR_SIDE_LEFT, &err) ||
	    mfr_intake_set_minutes(intake, 45, &err) ||
	    mfr_plan_run(intake, NULL, &plan, &err) != MFR_OK) {
		fprintf(stderr, "plan-session: %s\n",
			err ? mfr_error_message(err) : "out of memory");
		goto out;
	}

	printf("Session plan (%s): %u of %u minutes, %u position change(s)\n",
	       mfr_plan_status_name(mfr_plan_status(plan)),
	       (mfr_plan_total_seconds(plan) + 59) / 60,
	       mfr_plan_session_seconds(plan) / 60, mfr_plan_position_changes(plan));
	printf("Decision support for a licensed therapist, not a diagnosis.\n\n");
	for (uint32_t i = 0; i < mfr_plan_warning_count(plan); i++)
		printf("! %s\n", mfr_plan_warning_text(mfr_plan_warning_at(plan, i)));
	for (uint32_t i = 0; i < mfr_plan_step_count(plan); i++) {
		/* A step is a handle borrowed from the plan: never freed. */
		const mfr_plan_step *step = mfr_plan_step_at(plan, i);
		const mfr_region *r = mfr_plan_step_region(step);
		mfr_side_t side = mfr_plan_step_side(step);

		printf("\n%2u. %s%s%s, %s: %s, %s pressure, %s, %u min %02u s\n    %s\n",
		       i + 1, side == MFR_SIDE_MIDLINE ? "" : mfr_side_name(side),
		       side == MFR_SIDE_MIDLINE ? "" : " ", mfr_region_name(r),
		       mfr_position_name(mfr_plan_step_position(step)),
		       mfr_technique_name(mfr_plan_step_technique(step)),
		       mfr_pressure_name(mfr_plan_step_pressure(step)),
		       mfr_approach_name(mfr_plan_step_approach(step)),
		       mfr_plan_step_seconds(step) / 60, mfr_plan_step_seconds(step) % 60,
		       mfr_plan_step_rationale(step));
	}
	printf("\nAftercare:\n");
	for (uint32_t i = 0; i < mfr_plan_aftercare_count(plan); i++)
		printf("- %s\n", mfr_aftercare_text(mfr_plan_aftercare_at(plan, i)));
	rc = EXIT_SUCCESS;
out:
	mfr_error_free(err);
	mfr_plan_free(plan);
	mfr_intake_free(intake);
	mfr_model_unref(model);
	return rc;
}
