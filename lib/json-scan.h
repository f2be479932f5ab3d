/*
 * libmfr - reading places out of JSON text.
 * SPDX-License-Identifier: MIT
 *
 * jansson gives a line and column only for syntax errors: a parsed value
 * does not know where it was. Rather than record a place for every value
 * as a document is read (a side table as large as the document, built for
 * the rare failure), the place of a failure is found when it happens, by
 * scanning the text again along the failure's JSON path: no cost while a
 * document is valid, one linear scan when it is not. The same flat scan
 * (no recursion, no allocation) measures nesting before the parse.
 */
#ifndef MFR_JSON_SCAN_H
#define MFR_JSON_SCAN_H

#include <stddef.h>
#include <stdint.h>

/* A place in a text: 1-based line and column (in characters, as jansson
 * counts them), and the 0-based byte offset. */
typedef struct mfr_json_place {
	int32_t line;
	int32_t column;
	int64_t offset;
} mfr_json_place;

/* The line and column of byte @p offset of @p text. */
void mfr__json_place_of(const char *text, size_t offset, mfr_json_place *at);

/*
 * Whether arrays and objects in @p text nest deeper than @p max levels (the
 * outermost is level 1): 1 with *at the place of the first bracket too
 * deep, else 0. Brackets inside strings do not count; malformed text is
 * scanned as far as it goes (the parser reports it).
 */
int mfr__json_too_deep(const char *text, size_t size, uint32_t max, mfr_json_place *at);

/*
 * The place of the value that @p path names in @p text, a valid JSON
 * document: a path as the reader writes it ("regions[12].parent", "" for
 * the whole document). Member names are compared after their escapes are
 * decoded. When a step of the path is not found (a member that is
 * missing), the place is that of the deepest value found on the way.
 */
void mfr__json_locate(const char *text, size_t size, const char *path, mfr_json_place *at);

/*
 * The end (one past the last byte) of the value that starts at byte
 * @p offset of @p text, a valid JSON document.
 */
size_t mfr__json_value_end(const char *text, size_t size, size_t offset);

/*
 * Copy the @p size bytes of valid JSON at @p text to @p out (room for
 * @p size bytes) without the whitespace between tokens, every token as it
 * is: the compact text of the same value. Returns the bytes written.
 */
size_t mfr__json_minify(const char *text, size_t size, char *out);

#endif /* MFR_JSON_SCAN_H */
