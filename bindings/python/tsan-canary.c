/* SPDX-License-Identifier: MIT */
/*
 * A data race on purpose, for test_tsan.py: built only in a ThreadSanitizer
 * build, it proves that the sanitizer runtime preloaded into python3 sees
 * races in the instrumented code it loads (a run that reports nothing is
 * then worth something). Two threads call mfr_canary_race() at once; each
 * waits until both are in, then both increment one counter unsynchronised.
 */
#include <stdatomic.h>

int mfr_canary_race(int n);

static int counter;
static atomic_int arrived;

int mfr_canary_race(int n)
{
	atomic_fetch_add(&arrived, 1);
	while (atomic_load_explicit(&arrived, memory_order_relaxed) < 2)
		;
	for (int i = 0; i < n; i++)
		counter++;
	return counter;
}
