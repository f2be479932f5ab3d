/*
 * libmfr header hygiene: one public header, given as MFR_TEST_HEADER,
 * compiles on its own under -std=c99 -pedantic -Werror.
 * SPDX-License-Identifier: MIT
 */
#include MFR_TEST_HEADER

int mfr_test_header_alone(void);

int mfr_test_header_alone(void)
{
	return MFR_VERSION_MAJOR;
}
