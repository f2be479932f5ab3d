/*
 * libmfr: swapped enumeration arguments do not compile. Built twice by
 * tests/check-enum-swap.sh with the project's warnings and -Werror: as it
 * is (it must compile), and with MFR_TEST_SWAPPED, which passes a side
 * where an onset goes and an onset where a side goes (it must not: every
 * public enumeration is its own type, and -Wextra's -Wenum-conversion
 * rejects the swap).
 * SPDX-License-Identifier: MIT
 */
#include <mfr/mfr.h>

mfr_status_t mfr_test_add(mfr_intake *in, mfr_side_t side, mfr_onset_t onset);

mfr_status_t mfr_test_add(mfr_intake *in, mfr_side_t side, mfr_onset_t onset)
{
#ifdef MFR_TEST_SWAPPED
	/* Values of the wrong types, and constants of the wrong types. */
	mfr_status_t st = mfr_intake_add_symptom(in, "heel", onset, 5, side, NULL);

	if (st != MFR_OK)
		return st;
	return mfr_intake_add_symptom(in, "heel", MFR_ONSET_ACUTE, 5, MFR_SIDE_LEFT, NULL);
#else
	mfr_status_t st = mfr_intake_add_symptom(in, "heel", side, 5, onset, NULL);

	if (st != MFR_OK)
		return st;
	return mfr_intake_add_symptom(in, "heel", MFR_SIDE_LEFT, 5, MFR_ONSET_ACUTE, NULL);
#endif
}
