/*
 * Fuzz target: a model from a buffer (mfr_model_load_buffer()).
 * SPDX-License-Identifier: MIT
 *
 * The input is a model file. Nearly every fuzzed input fails to load: the
 * error must then be well formed and the out-param left NULL. One that
 * loads must serialize, load back identical, and trace and plan (see
 * fuzz-mutate.c for a target whose models load).
 */
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mfr_model *m = NULL;
	mfr_error *err = NULL;
	mfr_status_t st = mfr_model_load_buffer((const char *)data, size, "<fuzz>", &m, &err);

	if (st != MFR_OK) {
		if (m)
			fuzz_fail("a failed load left a model in the out-param", NULL);
		fuzz_check_error(st, err);
		mfr_error_free(err);
		return 0;
	}
	if (err)
		fuzz_fail("a successful load returned an error", NULL);
	fuzz_check_model_round_trip(m);
	fuzz_exercise_model(m, fuzz_hash(data, size));
	mfr_model_free(m);
	return 0;
}
