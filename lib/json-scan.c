/*
 * libmfr - reading places out of JSON text (json-scan.h).
 * SPDX-License-Identifier: MIT
 *
 * Every function here walks the text with an index bounded by its size
 * (the text need not be NUL-terminated), without recursion or allocation,
 * so that even a failure report for a document at the size limit costs one
 * linear scan and cannot fail.
 */
#include "json-scan.h"

#include <stdlib.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static size_t skip_space(const char *t, size_t n, size_t i)
{
	while (i < n && is_space(t[i]))
		i++;
	return i;
}

/* Past the string whose opening quote is t[i]. */
static size_t skip_string(const char *t, size_t n, size_t i)
{
	for (i++; i < n; i++) {
		if (t[i] == '\\')
			i++;
		else if (t[i] == '"')
			return i + 1;
	}
	return n;
}

/* Past the value that starts at t[i]: a flat count of brackets, not a
 * descent, so that nesting costs no stack. */
static size_t skip_value(const char *t, size_t n, size_t i)
{
	size_t depth = 0;

	while (i < n) {
		char c = t[i];

		if (c == '"') {
			i = skip_string(t, n, i);
			if (!depth)
				return i;
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (!depth)
				return i; /* the end of the enclosing container */
			if (--depth == 0)
				return i + 1;
		} else if (!depth && (c == ',' || is_space(c))) {
			return i;
		}
		i++;
	}
	return n;
}

static int hex4(const char *t, size_t n, size_t i, uint32_t *out)
{
	uint32_t v = 0;

	if (i + 4 > n)
		return 0;
	for (size_t k = i; k < i + 4; k++) {
		char c = t[k];
		uint32_t d = c >= '0' && c <= '9' ? (uint32_t)(c - '0')
			   : c >= 'a' && c <= 'f' ? (uint32_t)(c - 'a' + 10)
			   : c >= 'A' && c <= 'F' ? (uint32_t)(c - 'A' + 10) : 16;
		if (d == 16)
			return 0;
		v = v * 16 + d;
	}
	*out = v;
	return 1;
}

static int put_utf8(uint32_t cp, unsigned char out[4])
{
	if (cp < 0x80) {
		out[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (unsigned char)(0xC0 | (cp >> 6));
		out[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (unsigned char)(0xE0 | (cp >> 12));
		out[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (unsigned char)(0xF0 | (cp >> 18));
	out[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* A \uXXXX escape at t[*i] (after the "\u"), with its low surrogate. */
static int decode_u(const char *t, size_t n, size_t *i, unsigned char out[4])
{
	uint32_t cp, lo;

	if (!hex4(t, n, *i, &cp))
		return 0;
	*i += 4;
	if (cp >= 0xD800 && cp < 0xDC00 && *i + 6 <= n && t[*i] == '\\' && t[*i + 1] == 'u' &&
	    hex4(t, n, *i + 2, &lo) && lo >= 0xDC00 && lo < 0xE000) {
		cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
		*i += 6;
	}
	return put_utf8(cp, out);
}

/* The next character of a string's body at t[*i], decoded into @p out;
 * returns its byte count, or 0 at the closing quote. */
static int next_char(const char *t, size_t n, size_t *i, unsigned char out[4])
{
	if (*i >= n || t[*i] == '"')
		return 0;
	if (t[*i] != '\\') {
		out[0] = (unsigned char)t[(*i)++];
		return 1;
	}
	if (*i + 1 >= n)
		return 0;
	char e = t[*i + 1];

	*i += 2;
	switch (e) {
	case 'b': out[0] = '\b'; return 1;
	case 'f': out[0] = '\f'; return 1;
	case 'n': out[0] = '\n'; return 1;
	case 'r': out[0] = '\r'; return 1;
	case 't': out[0] = '\t'; return 1;
	case 'u': return decode_u(t, n, i, out);
	}
	out[0] = (unsigned char)e; /* '"', '\\' or '/' */
	return 1;
}

/* If the member name whose quote is t[i] is the first step of @p rest (a
 * prefix of it that ends where a step ends), its length in @p rest; else -1. */
static long match_name(const char *t, size_t n, size_t i, const char *rest)
{
	unsigned char c[4];
	size_t k = 0;
	int len;

	i++;
	while ((len = next_char(t, n, &i, c)) > 0)
		for (int j = 0; j < len; j++, k++)
			if ((unsigned char)rest[k] != c[j] || !rest[k])
				return -1;
	return rest[k] == '\0' || rest[k] == '.' || rest[k] == '[' ? (long)k : -1;
}

/* The value of the member of the object at t[pos] that @p rest starts
 * with: 1 with its start in *out and the name's length in *len, else 0. */
static int member(const char *t, size_t n, size_t pos, const char *rest, size_t *out,
		  long *len)
{
	size_t i = skip_space(t, n, pos + 1);

	while (i < n && t[i] == '"') {
		long m = match_name(t, n, i, rest);

		i = skip_space(t, n, skip_string(t, n, i));
		if (i >= n || t[i] != ':')
			return 0;
		i = skip_space(t, n, i + 1);
		if (m >= 0) {
			*out = i;
			*len = m;
			return 1;
		}
		i = skip_space(t, n, skip_value(t, n, i));
		if (i >= n || t[i] != ',')
			return 0;
		i = skip_space(t, n, i + 1);
	}
	return 0;
}

/* Item @p idx of the array at t[pos]: 1 with its start in *out, else 0. */
static int element(const char *t, size_t n, size_t pos, unsigned long idx, size_t *out)
{
	size_t i = skip_space(t, n, pos + 1);

	if (i >= n || t[i] == ']')
		return 0;
	for (unsigned long k = 0; k < idx; k++) {
		i = skip_space(t, n, skip_value(t, n, i));
		if (i >= n || t[i] != ',')
			return 0;
		i = skip_space(t, n, i + 1);
	}
	*out = i;
	return 1;
}

void mfr__json_place_of(const char *text, size_t offset, mfr_json_place *at)
{
	int32_t line = 1, column = 1;

	for (size_t i = 0; i < offset; i++) {
		if (text[i] == '\n') {
			line++;
			column = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			column++; /* a character's first byte */
		}
	}
	at->line = line;
	at->column = column;
	at->offset = (int64_t)offset;
}

int mfr__json_too_deep(const char *text, size_t size, uint32_t max, mfr_json_place *at)
{
	uint32_t depth = 0;

	for (size_t i = 0; i < size; i++) {
		char c = text[i];

		if (c == '"') {
			i = skip_string(text, size, i) - 1;
		} else if (c == '{' || c == '[') {
			if (++depth > max) {
				mfr__json_place_of(text, i, at);
				return 1;
			}
		} else if ((c == '}' || c == ']') && depth) {
			depth--;
		}
	}
	return 0;
}

void mfr__json_locate(const char *text, size_t size, const char *path, mfr_json_place *at)
{
	size_t pos = skip_space(text, size, 0), next;
	const char *rest = path;

	while (*rest && pos < size) {
		if (*rest == '.')
			rest++;
		if (*rest == '[') {
			char *end;
			unsigned long idx = strtoul(rest + 1, &end, 10);

			if (*end != ']' || text[pos] != '[' || !element(text, size, pos, idx, &next))
				break;
			rest = end + 1;
		} else {
			long len;

			if (text[pos] != '{' || !member(text, size, pos, rest, &next, &len))
				break;
			rest += len;
		}
		pos = next;
	}
	mfr__json_place_of(text, pos < size ? pos : size, at);
}

size_t mfr__json_value_end(const char *text, size_t size, size_t offset)
{
	return skip_value(text, size, offset);
}

size_t mfr__json_minify(const char *text, size_t size, char *out)
{
	size_t n = 0;

	for (size_t i = 0; i < size;) {
		if (text[i] == '"') {
			size_t end = skip_string(text, size, i);

			while (i < end)
				out[n++] = text[i++];
		} else if (is_space(text[i])) {
			i++;
		} else {
			out[n++] = text[i++];
		}
	}
	return n;
}
