/*
 * libmfr - internal allocation helpers.
 * SPDX-License-Identifier: MIT
 *
 * Compiled twice (lib/meson.build): plainly for the installed library, which
 * thus holds no mutable state at all; and with MFR_ALLOC_FAULTS for the
 * tests' internal library, where each call first asks the fault-injection
 * hook (alloc-faults.c) whether to fail.
 */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

#ifdef MFR_ALLOC_FAULTS
#define SHOULD_FAIL() mfr__alloc_should_fail()
#else
#define SHOULD_FAIL() 0
#endif

void *mfr__malloc(size_t size)
{
	if (SHOULD_FAIL())
		return NULL;
	return malloc(size ? size : 1);
}

void *mfr__calloc(size_t count, size_t size)
{
	if (SHOULD_FAIL())
		return NULL;
	return calloc(count ? count : 1, size ? size : 1);
}

void *mfr__realloc(void *ptr, size_t size)
{
	if (SHOULD_FAIL())
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
