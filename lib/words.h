/*
 * libmfr - the words of a text, as a search compares them (mfr/find.h).
 * SPDX-License-Identifier: MIT
 *
 * A word is a run of ASCII letters and digits and of bytes of UTF-8
 * sequences (any byte from 0x80); everything else (spaces, punctuation)
 * separates words, except an apostrophe (' or U+2019), which is dropped
 * ("Achilles'" is "achilles"). Words compare in their canonical form:
 * ASCII letters in lower case, and a final "s" dropped from a word of four
 * or more characters that does not end in "ss" ("toes" is "toe", "stress"
 * stays). Stop words ("the", "of", "my": mfr__word_is_stop()) are not
 * words for a search. The loader refuses a synonym with no word left
 * (model-load.c), and a search compares the words of its query with those
 * of each name and synonym (find.c): one reading of a text for both.
 */
#ifndef MFR_WORDS_H
#define MFR_WORDS_H

#include <stddef.h>
#include <stdint.h>

/* One word of a text, as written: @p at, @p len bytes. */
typedef struct mfr_word {
	const char *at;
	size_t len;
} mfr_word;

/* The next word of the text at *p that is not a stop word; advances *p past
 * it. Returns 0 at the end of the text. */
int mfr__word_next(const char **p, mfr_word *out);

/* The canonical form of @p w written to @p buf (at most @p cap bytes, no
 * NUL): its length, which may exceed @p cap (then only @p cap bytes are
 * written). */
size_t mfr__word_canon(const mfr_word *w, char *buf, size_t cap);

/* Whether the canonical form of @p w is @p canon (@p len bytes): 2; whether
 * @p canon is a proper prefix of it: 1; else 0. */
int mfr__word_match(const mfr_word *w, const char *canon, size_t len);

/* Whether two texts have the same words, in the same order: a repeat a
 * search could not tell apart ("Heel pain" and "heel-pain"). */
int mfr__words_same(const char *a, const char *b);
/* A hash of the words of @p s: equal for texts mfr__words_same() finds the
 * same. */
uint32_t mfr__words_hash(const char *s);

#endif /* MFR_WORDS_H */
