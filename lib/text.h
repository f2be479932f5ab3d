/*
 * libmfr - text in fixed buffers: formatting that never cuts a character.
 * SPDX-License-Identifier: MIT
 *
 * Every message, explanation and warning the library writes is UTF-8: the
 * model's strings are checked when it is loaded, and the texts they go into
 * are built here. Where a text does not fit its buffer it is cut at a
 * character boundary, never inside a UTF-8 sequence, and ends with "..."
 * to show it was cut. (A cut inside a character made the text invalid
 * UTF-8: jansson then refused it, and the Python binding could not decode
 * it.)
 */
#ifndef MFR_TEXT_H
#define MFR_TEXT_H

#include <stdarg.h>
#include <stddef.h>

/* A text being built in a caller's buffer. */
typedef struct mfr_text {
	char *buf;
	size_t size; /* of buf, at least 1 */
	size_t len;  /* bytes in buf, before its NUL */
	int cut;     /* it did not fit: what is added after is dropped */
} mfr_text;

/* Start an empty text in @p buf of @p size bytes (size >= 1). */
void mfr__text_init(mfr_text *t, char *buf, size_t size);
/* Append printf-style; past the end, cut at a character and end in "...". */
void mfr__text_add(mfr_text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void mfr__text_vadd(mfr_text *t, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Append the string @p s, cut as mfr__text_add() does: no formatting, so
 * much cheaper than "%s". */
void mfr__text_put(mfr_text *t, const char *s);
/* The same for the @p n bytes at @p s (no NUL among them). */
void mfr__text_putn(mfr_text *t, const char *s, size_t n);

/* snprintf() that cuts as mfr__text_add() does; returns the length written. */
size_t mfr__format(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
size_t mfr__vformat(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

/* The length of the valid UTF-8 sequence that starts @p s (of @p len
 * bytes, len >= 1), or 0 when none does there. */
size_t mfr__utf8_sequence(const char *s, size_t len);
/* The length of the longest prefix of @p s (of @p len bytes) that is valid
 * UTF-8 (as RFC 3629 and jansson define it: no overlong forms, surrogates
 * or code points above U+10FFFF). */
size_t mfr__utf8_valid_prefix(const char *s, size_t len);
/* Replace, in place, each byte of @p s (NUL-terminated) that is not part of
 * a valid UTF-8 sequence with '?'; returns how many were replaced. For text
 * from outside the library (an API caller's key) that goes into a message. */
size_t mfr__utf8_repair(char *s);

#endif /* MFR_TEXT_H */
