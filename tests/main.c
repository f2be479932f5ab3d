/*
 * libmfr unit tests: the runner shared by every test executable.
 * SPDX-License-Identifier: MIT
 *
 * Each executable is built from this file and the test-*.c files of one
 * area. meson passes the suites to run as -DMFR_TEST_SUITES=X(a)X(b)...,
 * each naming a builder `Suite *mfr_test_<a>_suite(void)`; the list below is
 * expanded from it, so there is no linker-section magic.
 *
 * Check reads CK_FORK, CK_RUN_SUITE, CK_RUN_CASE, CK_VERBOSITY and friends
 * from the environment (srunner_run_all with CK_ENV). The exit status is
 * EXIT_SUCCESS or EXIT_FAILURE, never the raw failure count (77 would read as
 * "skipped" to meson).
 */
#include <stdlib.h>

#include "util.h"

#ifndef MFR_TEST_SUITES
#error "build with -DMFR_TEST_SUITES=X(area)X(area)..."
#endif

static Suite *(*const suites[])(void) = {
#define X(area) mfr_test_##area##_suite,
	MFR_TEST_SUITES
#undef X
};

int main(void)
{
	SRunner *sr = srunner_create(NULL);
	int failed;

	for (size_t i = 0; i < sizeof(suites) / sizeof(suites[0]); i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
