/*
 * libmfr - the words of a text, as a search compares them (words.h).
 * SPDX-License-Identifier: MIT
 */
#include "words.h"

#include <string.h>

/* Words a search passes over, in their canonical form. */
static const char *const stop_words[] = {
	"a", "an", "and", "at", "by", "for", "from", "i", "in", "into", "is", "it",
	"its", "me", "my", "of", "on", "or", "the", "to", "with",
};

#define N_STOP (sizeof(stop_words) / sizeof(stop_words[0]))
#define STOP_MAX 4 /* the longest stop word */

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c >= 0x80 || c == '\'';
}

/* The next canonical byte of @p w from byte *i on (apostrophes skipped,
 * ASCII letters in lower case) into *c; 0 at the end of the word. */
static int next_byte(const mfr_word *w, size_t *i, char *c)
{
	while (*i < w->len) {
		const unsigned char *s = (const unsigned char *)w->at + *i;
		size_t left = w->len - *i;

		if (s[0] == '\'') {
			*i += 1;
		} else if (left >= 3 && s[0] == 0xe2 && s[1] == 0x80 && s[2] == 0x99) {
			*i += 3; /* U+2019, the typographic apostrophe */
		} else {
			*c = (char)(s[0] >= 'A' && s[0] <= 'Z' ? s[0] - 'A' + 'a' : s[0]);
			*i += 1;
			return 1;
		}
	}
	return 0;
}

/* How many canonical bytes @p w has: a final "s" goes from a word of four
 * or more that does not end in "ss". */
static size_t canon_length(const mfr_word *w)
{
	size_t i = 0, n = 0;
	char c, last = 0, before = 0;

	while (next_byte(w, &i, &c)) {
		before = last;
		last = c;
		n++;
	}
	return n >= 4 && last == 's' && before != 's' ? n - 1 : n;
}

size_t mfr__word_canon(const mfr_word *w, char *buf, size_t cap)
{
	size_t n = canon_length(w), i = 0;
	char c;

	for (size_t k = 0; k < n && k < cap && next_byte(w, &i, &c); k++)
		buf[k] = c;
	return n;
}

/* A stop word, or no word at all (only apostrophes). */
static int is_stop(const mfr_word *w)
{
	char buf[STOP_MAX];
	size_t n = mfr__word_canon(w, buf, sizeof(buf));

	if (n == 0)
		return 1;
	for (size_t k = 0; n <= STOP_MAX && k < N_STOP; k++)
		if (strlen(stop_words[k]) == n && memcmp(stop_words[k], buf, n) == 0)
			return 1;
	return 0;
}

int mfr__word_next(const char **p, mfr_word *out)
{
	const char *s = *p;

	for (;;) {
		while (*s && !is_word_byte((unsigned char)*s))
			s++;
		if (!*s) {
			*p = s;
			return 0;
		}
		out->at = s;
		while (*s && is_word_byte((unsigned char)*s))
			s++;
		out->len = (size_t)(s - out->at);
		if (!is_stop(out)) {
			*p = s;
			return 1;
		}
	}
}

int mfr__word_match(const mfr_word *w, const char *canon, size_t len)
{
	size_t n = canon_length(w), i = 0;
	char c;

	if (len > n)
		return 0;
	for (size_t k = 0; k < len; k++)
		if (!next_byte(w, &i, &c) || c != canon[k])
			return 0;
	return len == n ? 2 : 1;
}

int mfr__words_same(const char *a, const char *b)
{
	mfr_word wa, wb;

	for (;;) {
		int more_a = mfr__word_next(&a, &wa), more_b = mfr__word_next(&b, &wb);

		if (!more_a || !more_b)
			return more_a == more_b;
		size_t n = canon_length(&wa), ia = 0, ib = 0;
		char ca, cb;

		if (canon_length(&wb) != n)
			return 0;
		for (size_t k = 0; k < n; k++)
			if (!next_byte(&wa, &ia, &ca) || !next_byte(&wb, &ib, &cb) || ca != cb)
				return 0;
	}
}

uint32_t mfr__words_hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a over the canonical bytes, a 0 after each word */
	mfr_word w;

	while (mfr__word_next(&s, &w)) {
		size_t n = canon_length(&w), i = 0;
		char c;

		for (size_t k = 0; k < n && next_byte(&w, &i, &c); k++)
			h = (h ^ (unsigned char)c) * 16777619u;
		h = (h ^ 0u) * 16777619u;
	}
	return h;
}
