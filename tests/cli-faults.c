/*
 * libmfr tests: the mfr tool with an allocation failure armed from the
 * environment, for the out-of-memory sweep of every command
 * (tests/test-cli-oom.sh).
 *
 * Linked into `mfr-faults` (the tool over the tests' library, whose
 * allocator has the fault hook): before main() runs, MFR_FAIL_AFTER=N
 * makes the library's allocation N+1 (counting from 0: after N successes)
 * fail, once, or every one from there with MFR_FAIL_PERSISTENT set. The
 * release tool has no such hook.
 * SPDX-License-Identifier: MIT
 */
#include <stdlib.h>

#include "alloc.h"

__attribute__((constructor)) static void arm_from_environment(void)
{
	const char *after = getenv("MFR_FAIL_AFTER");

	if (after && *after)
		mfr__alloc_fail_after(strtol(after, NULL, 10),
				      getenv("MFR_FAIL_PERSISTENT") != NULL);
}
