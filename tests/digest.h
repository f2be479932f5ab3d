/*
 * libmfr unit tests: text digests of what the public getters read, for the
 * thread tests: a digest made on one thread must equal one made on another.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_TEST_DIGEST_H
#define MFR_TEST_DIGEST_H

#include <stddef.h>

#include <mfr/mfr.h>

/* A growing text; failed is set when memory ran out (never aborts: the
 * digests run on worker threads, where Check's assertions must not). */
typedef struct mfr_digest {
	char *buf;
	size_t len, cap;
	int failed;
} mfr_digest;

void mfr_digest_add(mfr_digest *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Empty it for reuse, keeping its buffer. */
void mfr_digest_clear(mfr_digest *d);

/* Every getter of each object, in a fixed order. */
void mfr_digest_model(mfr_digest *d, const mfr_model *m);
void mfr_digest_intake(mfr_digest *d, const mfr_intake *in);
void mfr_digest_trace(mfr_digest *d, const mfr_trace *t);
void mfr_digest_plan(mfr_digest *d, const mfr_plan *p);
void mfr_digest_program(mfr_digest *d, const mfr_program *pg);
void mfr_digest_error(mfr_digest *d, const mfr_error *e);

#endif /* MFR_TEST_DIGEST_H */
