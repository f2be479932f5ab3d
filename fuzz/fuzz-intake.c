/*
 * Fuzz target: an intake from JSON on the default model, then trace, plan,
 * program and every JSON writer (fuzz_exercise()).
 * SPDX-License-Identifier: MIT
 *
 * The input is an intake document (doc/intake-format.md). One that reads
 * must also survive a round trip through mfr_intake_to_json(). A hash of
 * the input picks the trace and plan options of a second pass.
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const mfr_model *m = fuzz_default_model();
	mfr_intake *in = NULL;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_intake_from_json(m, (const char *)data, size, "<fuzz>", &in, &err);

	if (st != MFR_OK) {
		if (in)
			fuzz_fail("a failed read left an intake in the out-param", NULL);
		fuzz_check_error(st, err);
		mfr_error_free(err);
		return 0;
	}
	fuzz_check_intake_round_trip(in);
	fuzz_exercise(in, fuzz_hash(data, size));
	mfr_intake_free(in);
	return 0;
}
