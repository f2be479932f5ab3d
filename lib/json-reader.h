/*
 * libmfr - reading JSON documents with exact error reports.
 * SPDX-License-Identifier: MIT
 *
 * A reader walks a parsed document and keeps the JSON path of where it is
 * ("regions[12].parent"), so that every failure names its place, says what
 * is wrong and how to fix it. The first failure is reported through the
 * caller's mfr_error and ends the read. Strings and arrays a reader copies
 * go into its arena; references resolve against its model's key indexes.
 */
#ifndef MFR_JSON_READER_H
#define MFR_JSON_READER_H

#include <jansson.h>
#include <stdint.h>

#include "arena.h"
#include "error.h"
#include "model-private.h"
#include "names.h"

typedef struct mfr_reader {
	mfr_error **err;
	const char *source;     /* a file name or "<buffer>", for messages */
	mfr_arena *arena;       /* where copies go */
	const mfr_model *model; /* what references resolve against */
	const char *what;       /* "a model", "an intake": for the limits */
	const char *fix;        /* what to do about a document too large */
	size_t max_bytes;       /* the largest document to parse */
	/* The parsed text (after a byte-order mark of bom bytes): a failure
	 * is placed in it by its path. NULL until a parse succeeds. */
	const char *text;
	size_t text_size, bom;
	char path[512];
	size_t plen;
} mfr_reader;

/* Return from the calling function when @p expr fails. */
#define TRY(expr)                                  \
	do {                                       \
		mfr_status_t st_ = (expr);           \
		if (st_ != MFR_OK)                 \
			return st_;                \
	} while (0)

/* Parse @p data (a leading UTF-8 byte-order mark is skipped); a syntax
 * error is reported with line, column and byte (counting the mark). A
 * document larger than rd->max_bytes, or nested deeper than
 * MFR_JSON_MAX_DEPTH, is MFR_E_RANGE. From then on every failure carries
 * the line, column and byte of the value its path names. */
mfr_status_t mfr__rd_parse(mfr_reader *rd, const char *data, size_t size, json_t **out);
mfr_status_t mfr__rd_syntax_error(mfr_reader *rd, const json_error_t *je);

/* Append to the path ("%s[%zu]", ".name"); returns the mark to pop back to. */
size_t mfr__rd_push(mfr_reader *rd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void mfr__rd_pop(mfr_reader *rd, size_t mark);

/* Report a failure at the current path; returns @p st. */
mfr_status_t mfr__rd_fail(mfr_reader *rd, mfr_status_t st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
mfr_status_t mfr__rd_nomem(mfr_reader *rd);
/* "an object", "a string", ...: for messages. */
const char *mfr__rd_type_name(const json_t *v);

/* Zeroed arena memory for @p count items, or NULL (also when the reader
 * has no arena: every reader should have one). */
void *mfr__rd_alloc(mfr_reader *rd, size_t count, size_t size);
mfr_status_t mfr__rd_copy(mfr_reader *rd, const char *s, const char **out);

/* Fail on a member of @p obj not in the NULL-terminated @p allowed, naming
 * the nearest allowed ones. */
mfr_status_t mfr__rd_check_members(mfr_reader *rd, json_t *obj,
				 const char *const *allowed, const char *what);
/* Member @p name of @p obj, checked for @p type (JSON_TRUE means any
 * boolean); *out NULL when absent and not required. */
mfr_status_t mfr__rd_member(mfr_reader *rd, json_t *obj, const char *name, int required,
			  json_type type, const char *type_text, json_t **out);
/* A string member copied into the arena (@p dflt when absent and optional;
 * a required one must not be empty). */
mfr_status_t mfr__rd_str(mfr_reader *rd, json_t *obj, const char *name, int required,
		       const char *dflt, const char **out);
/* Fail unless @p s is a valid key: [a-z][a-z0-9_]{0,62}. */
mfr_status_t mfr__rd_check_key(mfr_reader *rd, const char *s);
/* Fail when @p s has more than @p max characters (a name or a text of
 * the model; what says which, for the message). */
mfr_status_t mfr__rd_check_length(mfr_reader *rd, const char *s, size_t max, const char *what);
/* The report for a document of @p size bytes, past rd->max_bytes. */
mfr_status_t mfr__rd_too_large(mfr_reader *rd, const char *source, uint64_t size);
mfr_status_t mfr__rd_bool(mfr_reader *rd, json_t *obj, const char *name, uint8_t *out);
/* An enumerated value named by string @p v (at the current path). */
mfr_status_t mfr__rd_parse_enum(mfr_reader *rd, json_t *v, const mfr_names *names, int *out);
mfr_status_t mfr__rd_enum(mfr_reader *rd, json_t *obj, const char *name, int required,
			const mfr_names *names, int *out);
/* An array member with at least @p min_items items. */
mfr_status_t mfr__rd_array(mfr_reader *rd, json_t *obj, const char *name, int required,
			 size_t min_items, json_t **out);
/* An array of enum names as a mask of their (single-bit) values, no repeats. */
mfr_status_t mfr__rd_mask(mfr_reader *rd, json_t *obj, const char *name, int required,
			const mfr_names *names, uint32_t *out);
/* The file index of the entity of @p kind that string @p v names; an
 * unknown key fails with the nearest known keys. */
mfr_status_t mfr__rd_resolve(mfr_reader *rd, json_t *v, int kind, uint32_t *out);

#endif /* MFR_JSON_READER_H */
