/*
 * libmfr - "did you mean" suggestions.
 * SPDX-License-Identifier: MIT
 */
#include "suggest.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

#define MAX_LEN 64

/* strlen capped at MAX_LEN (strnlen is POSIX, not C11). */
static size_t bounded_len(const char *s)
{
	size_t n = 0;

	while (n < MAX_LEN && s[n])
		n++;
	return n;
}

static int is_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Optimal string alignment distance (Levenshtein plus transpositions) in
 * half steps: every edit costs 2, except swapping one vowel for another
 * (the commonest slip: "heal" for "heel"), which costs 1. Strings longer
 * than MAX_LEN compare by their first MAX_LEN bytes. */
static unsigned distance(const char *a, const char *b)
{
	size_t la = bounded_len(a), lb = bounded_len(b);
	unsigned d[MAX_LEN + 1][MAX_LEN + 1];

	for (size_t i = 0; i <= la; i++)
		d[i][0] = (unsigned)(2 * i);
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = (unsigned)(2 * j);
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			char x = a[i - 1], y = b[j - 1];
			unsigned cost = x == y ? 0 : is_vowel(x) && is_vowel(y) ? 1 : 2;
			unsigned best = d[i - 1][j] + 2;

			if (d[i][j - 1] + 2 < best)
				best = d[i][j - 1] + 2;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && x == b[j - 2] && a[i - 2] == y &&
			    d[i - 2][j - 2] + 2 < best)
				best = d[i - 2][j - 2] + 2;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

/* Whether candidate (da, a) ranks before (db, b). */
static int before(unsigned da, const char *a, unsigned db, const char *b)
{
	return da != db ? da < db : strcmp(a, b) < 0;
}

uint32_t mfr__suggest(const char *key, const void *cands, size_t n,
		      const char *(*get)(const void *cands, size_t i),
		      const char **out, uint32_t max)
{
	unsigned dist[16];
	uint32_t found = 0;

	if (!key || max == 0 || !out)
		return 0;
	if (max > 16)
		max = 16;
	size_t lk = bounded_len(key);
	for (size_t i = 0; i < n; i++) {
		const char *c = get(cands, i);
		size_t lc = bounded_len(c);
		size_t longer = lk > lc ? lk : lc;
		unsigned d = distance(key, c);

		/* Also offer keys that contain the typed word ("heel" in
		 * "heel_pad"), which edit distance alone ranks low. */
		if (d > 2 * ((longer + 2) / 3) && !(lk >= 3 && strstr(c, key)))
			continue;
		if (d == 0)
			continue;
		uint32_t pos = found < max ? found : max;
		while (pos > 0 && before(d, c, dist[pos - 1], out[pos - 1]))
			pos--;
		if (pos >= max)
			continue;
		uint32_t last = found < max ? found : max - 1;
		for (uint32_t k = last; k > pos; k--) {
			out[k] = out[k - 1];
			dist[k] = dist[k - 1];
		}
		out[pos] = c;
		dist[pos] = d;
		if (found < max)
			found++;
	}
	return found;
}

void mfr__suggest_text(const char *const *sugg, uint32_t n, char *buf, size_t size)
{
	mfr_text t;

	mfr__text_init(&t, buf, size);
	if (n == 0)
		return;
	if (n > 3)
		n = 3;
	mfr__text_add(&t, " (did you mean ");
	for (uint32_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? "" : i + 1 == n ? " or " : ", ";
		mfr__text_add(&t, "%s\"%s\"", sep, sugg[i]);
	}
	mfr__text_add(&t, "?)");
}
