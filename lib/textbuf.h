/*
 * libmfr - a growing text in the library's allocator, for the outputs that
 * are not JSON (the text, SOAP and FHIR writers of mfr/output.h).
 * SPDX-License-Identifier: MIT
 *
 * Failures are sticky, as in the JSON writer: the first out-of-memory is
 * kept, every later call does nothing, and mfr__tb_finish() reports it.
 */
#ifndef MFR_TEXTBUF_H
#define MFR_TEXTBUF_H

#include <stdarg.h>
#include <stddef.h>

#include "mfr/common.h"

typedef struct mfr_tb {
	char *buf; /* from mfr__realloc(), NUL-terminated while ok */
	size_t len, cap;
	mfr_status_t status;
} mfr_tb;

void mfr__tb_init(mfr_tb *t);
/* Append printf-style. Numbers with a fraction go through
 * mfr__tb_fixed(): printf's follow the locale. */
void mfr__tb_add(mfr_tb *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mfr__tb_put(mfr_tb *t, const char *s);
/* The @p n bytes at @p s (no NUL among them). */
void mfr__tb_putn(mfr_tb *t, const char *s, size_t n);
/* @p v with @p decimals digits after a '.', right-aligned in @p width,
 * whatever the locale. */
void mfr__tb_fixed(mfr_tb *t, double v, int width, int decimals);
/* Record that memory ran out for something the text needed (a scratch
 * array of its writer): sticky, as a failed append. */
void mfr__tb_fail(mfr_tb *t);
/* Hand over the text (free with mfr_free()) and its length, or free it
 * and report the failure (MFR_E_NOMEM) in @p err. */
mfr_status_t mfr__tb_finish(mfr_tb *t, char **out, size_t *len, mfr_error **err);

#endif /* MFR_TEXTBUF_H */
