/*
 * libmfr - internal allocation helpers.
 * SPDX-License-Identifier: MIT
 *
 * Every allocation in the library goes through these functions, so that the
 * tests can make the Nth allocation fail and prove that each caller returns
 * MFR_E_NOMEM cleanly, leaks nothing and leaves its outputs untouched.
 */
#ifndef MFR_ALLOC_H
#define MFR_ALLOC_H

#include <stddef.h>

void *mfr__malloc(size_t size);
void *mfr__calloc(size_t count, size_t size);
void *mfr__realloc(void *ptr, size_t size);
void mfr__free(void *ptr);
char *mfr__strdup(const char *s);

/*
 * Test hook: after @p successes more successful allocations on the calling
 * thread, fail the next one (@p persistent 0) or every later one
 * (@p persistent 1). A negative @p successes turns fault injection off.
 * Returns how many allocations failed since the last call. Defined only in
 * the tests' internal library (alloc-faults.c): a release build that
 * called it would not link.
 */
long mfr__alloc_fail_after(long successes, int persistent);

/* Whether the hook fails this allocation (alloc.c, with MFR_ALLOC_FAULTS). */
int mfr__alloc_should_fail(void);

#endif /* MFR_ALLOC_H */
