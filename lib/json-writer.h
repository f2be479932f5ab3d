/*
 * libmfr - writing JSON output: a streaming writer into a growing buffer.
 * SPDX-License-Identifier: MIT
 *
 * Every *_to_json() function writes its document straight into one buffer
 * from the library's allocator (so the out-of-memory sweeps reach it): no
 * tree is built, each string is escaped once as it is copied, and numbers
 * are written without printf. jansson is used for reading only.
 *
 * The bytes are those jansson 2.14 wrote when the library built its
 * documents as jansson trees (json_dump_callback() with JSON_PRESERVE_ORDER,
 * JSON_REAL_PRECISION(6), and JSON_INDENT(2) or JSON_COMPACT): strings
 * escape '"', '\\' and the control characters (\b \f \n \r \t, the rest
 * \u00XX in capitals) and pass every other character through as UTF-8;
 * integers are decimal; a double is "%.6g" with ".0" added when it would
 * read as an integer, and its exponent written without '+' or leading
 * zeros ("1e-5", "1.5e20").
 * tests/test-json-identity.c compares the two byte for byte.
 *
 * Failures are sticky: the first one is kept, every later call does
 * nothing, and mfr__jw_finish() reports it with its true cause:
 * MFR_E_NOMEM when memory ran out; MFR_E_INVALID, naming the member, for a
 * value that cannot be written (a number that is not finite, a NULL
 * string, a value with no name) or a writer used out of order (a key
 * outside an object, a container closed that is not open, nesting deeper
 * than MFR_JW_MAX_DEPTH, a second document or an unfinished one): bugs of
 * the library, to report, never caused by its input. A string that is not
 * UTF-8 is not a failure: each byte outside a valid sequence is written as
 * '?' (the library never makes one: the model's strings are checked when
 * loaded and its texts are cut at a character).
 *
 * Usage: init, then objects, arrays, keys and values in document order,
 * then finish, which hands over the text or frees it:
 *
 *   mfr_jw w;
 *   mfr__jw_init(&w, flags, 4096);
 *   mfr__jw_object(&w);
 *   mfr__jw_put_str(&w, "format", "libmfr-plan");
 *   mfr__jw_put_int(&w, "format_version", 1);
 *   mfr__jw_key(&w, "steps");
 *   mfr__jw_array(&w);
 *   ...
 *   mfr__jw_array_end(&w);
 *   mfr__jw_object_end(&w);
 *   return mfr__jw_finish(&w, out, err);
 */
#ifndef MFR_JSON_WRITER_H
#define MFR_JSON_WRITER_H

#include <stddef.h>
#include <stdint.h>

#include "mfr/common.h"
#include "names.h"

/* Deepest nesting of objects and arrays (the model is 8 deep). */
#define MFR_JW_MAX_DEPTH 24

/* A document being written. The fields are the writer's own. */
typedef struct mfr_jw {
	char *buf;           /* from mfr__realloc(); NUL-terminated by finish */
	size_t len, cap;
	size_t first_cap;    /* the capacity of the first allocation */
	int compact;         /* MFR_JSON_COMPACT: one line, no spaces */
	int after_key;       /* a key was written: its value comes next */
	uint32_t depth;      /* open objects and arrays */
	mfr_status_t status;   /* MFR_OK, or the first failure */
	const char *invalid; /* what could not be written, for the message */
	/* Per open container (1..depth): '{' or '[', the members or items
	 * written so far, and the key of the member being written (and its
	 * length); to skip the first separator and to name the place of a
	 * failure. */
	char kind[MFR_JW_MAX_DEPTH + 1];
	uint32_t count[MFR_JW_MAX_DEPTH + 1];
	const char *key[MFR_JW_MAX_DEPTH + 1];
	uint32_t key_len[MFR_JW_MAX_DEPTH + 1];
	char where[256];     /* the place of an MFR_E_INVALID failure */
} mfr_jw;

/* Start a document: @p flags 0 (indented by 2, with a final newline) or
 * MFR_JSON_COMPACT; @p size_hint is the buffer's first capacity (rounded up
 * to a power of two, at least 64; 0 for 4 KiB), a guess at the output's
 * size to save growing it. Allocates nothing: the first value does. */
void mfr__jw_init(mfr_jw *w, uint32_t flags, size_t size_hint);

/* Open and close an object or an array (as a value: after a key, in an
 * array, or as the document). */
void mfr__jw_object(mfr_jw *w);
void mfr__jw_object_end(mfr_jw *w);
void mfr__jw_array(mfr_jw *w);
void mfr__jw_array_end(mfr_jw *w);

/*
 * Member names. The library's own are string literals, written as they are
 * with their quotes and length known at compile time:
 * mfr__jw_key(w, "rank") (a name that is not a literal does not compile).
 * MFR_JW_NAME("rank") passes one on (as two arguments) to a helper taking
 * `const char *quoted, size_t len`. A name made at run time (a model's key)
 * goes through mfr__jw_key_str(), which escapes it.
 */
#define MFR_JW_NAME(lit) "\"" lit "\"", sizeof(lit) + 1
#define mfr__jw_key(w, lit) mfr__jw_key_quoted((w), MFR_JW_NAME(lit))
/* The key of the next member of the open object, @p quoted (@p len bytes)
 * with its quotes and needing no escape; its value follows. */
void mfr__jw_key_quoted(mfr_jw *w, const char *quoted, size_t len);
/* The same for any string, escaped. It must live until the document is
 * finished (it names the place of a failure). */
void mfr__jw_key_str(mfr_jw *w, const char *key);

/* Values. */
void mfr__jw_string(mfr_jw *w, const char *s);
void mfr__jw_int(mfr_jw *w, int64_t v);
void mfr__jw_real(mfr_jw *w, double v);
void mfr__jw_bool(mfr_jw *w, int v);
/* A value already written as compact JSON (@p n bytes: valid, no
 * whitespace between tokens, as mfr__json_minify() leaves it), copied as
 * it is, and indented as the writer indents when the document is. Its
 * nesting does not count against MFR_JW_MAX_DEPTH. */
void mfr__jw_raw(mfr_jw *w, const char *json, size_t n);

/* Members: a key (a literal, as for mfr__jw_key()) and its value. */
#define mfr__jw_put_str(w, lit, s) mfr__jw_put_str_quoted((w), MFR_JW_NAME(lit), (s))
/* Only when @p s is non-NULL and non-empty. */
#define mfr__jw_put_opt_str(w, lit, s) \
	mfr__jw_put_opt_str_quoted((w), MFR_JW_NAME(lit), (s))
#define mfr__jw_put_int(w, lit, v) mfr__jw_put_int_quoted((w), MFR_JW_NAME(lit), (v))
#define mfr__jw_put_real(w, lit, v) mfr__jw_put_real_quoted((w), MFR_JW_NAME(lit), (v))
#define mfr__jw_put_bool(w, lit, v) mfr__jw_put_bool_quoted((w), MFR_JW_NAME(lit), (v))
/* `true`, only when @p flag is set. */
#define mfr__jw_put_flag(w, lit, flag) \
	mfr__jw_put_flag_quoted((w), MFR_JW_NAME(lit), (flag))
/* The name of @p v in @p names. */
#define mfr__jw_put_name(w, lit, names, v) \
	mfr__jw_put_name_quoted((w), MFR_JW_NAME(lit), (names), (v))
/* An array of the names of the bits set in @p mask, in table order. */
#define mfr__jw_put_mask(w, lit, names, mask) \
	mfr__jw_put_mask_quoted((w), MFR_JW_NAME(lit), (names), (mask))

void mfr__jw_put_str_quoted(mfr_jw *w, const char *quoted, size_t len, const char *s);
void mfr__jw_put_opt_str_quoted(mfr_jw *w, const char *quoted, size_t len, const char *s);
void mfr__jw_put_int_quoted(mfr_jw *w, const char *quoted, size_t len, int64_t v);
void mfr__jw_put_real_quoted(mfr_jw *w, const char *quoted, size_t len, double v);
void mfr__jw_put_bool_quoted(mfr_jw *w, const char *quoted, size_t len, int v);
void mfr__jw_put_flag_quoted(mfr_jw *w, const char *quoted, size_t len, int flag);
void mfr__jw_put_name_quoted(mfr_jw *w, const char *quoted, size_t len,
			     const mfr_names *names, int v);
void mfr__jw_put_mask_quoted(mfr_jw *w, const char *quoted, size_t len,
			     const mfr_names *names, uint32_t mask);

/*
 * End the document. On success *out gets the text (NUL-terminated, from the
 * library's allocator: mfr_free()), ending in a newline unless compact.
 * Else the buffer is freed, *out is set to NULL and the first failure is
 * returned (and set in *err): MFR_E_NOMEM, or MFR_E_INVALID naming the
 * place ("the value at results[3].score is not a finite number").
 */
mfr_status_t mfr__jw_finish(mfr_jw *w, char **out, mfr_error **err);

/*
 * Write @p v as jansson writes a double with JSON_REAL_PRECISION(6) into
 * @p buf (at least MFR_JW_REAL_SIZE bytes, NUL-terminated); returns the
 * length. @p v must be finite. Apart for the tests.
 */
#define MFR_JW_REAL_SIZE 32
size_t mfr__jw_format_real(double v, char *buf);

#endif /* MFR_JSON_WRITER_H */
