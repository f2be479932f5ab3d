/*
 * libmfr - internal allocation helpers.
 * SPDX-License-Identifier: MIT
 */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/*
 * Fault injection for the tests. These are the library's only mutable
 * statics; they are inert (countdown < 0) unless a test arms them.
 */
static long countdown = -1;
static int fail_persistent;
static long failures;

static int should_fail(void)
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

void *mfr__malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *mfr__calloc(size_t count, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *mfr__realloc(void *ptr, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(ptr, size ? size : 1);
}

void mfr__free(void *ptr)
{
	free(ptr);
}

char *mfr__strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *copy = mfr__malloc(n);

	if (copy)
		memcpy(copy, s, n);
	return copy;
}
