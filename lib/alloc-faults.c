/*
 * libmfr - fault injection for the out-of-memory sweeps (tests only).
 * SPDX-License-Identifier: MIT
 *
 * Built only into the tests' internal library, together with alloc.c
 * compiled with MFR_ALLOC_FAULTS (lib/meson.build): the installed library
 * has neither this state nor the hook, and no mutable globals at all
 * (tests/check-data.sh checks it).
 *
 * The state is per thread: arming the hook fails allocations on the arming
 * thread only, so a sweep is not disturbed by (and does not race with)
 * other threads, and ThreadSanitizer has nothing to report.
 */
#include "alloc.h"

static _Thread_local long countdown = -1; /* successes left; < 0: off */
static _Thread_local int fail_persistent;
static _Thread_local long failures;

int mfr__alloc_should_fail(void)
{
	if (countdown < 0)
		return 0;
	if (countdown == 0) {
		failures++;
		if (!fail_persistent)
			countdown = -1;
		return 1;
	}
	countdown--;
	return 0;
}

long mfr__alloc_fail_after(long successes, int persistent)
{
	long n = failures;

	countdown = successes;
	fail_persistent = persistent;
	failures = 0;
	return n;
}
