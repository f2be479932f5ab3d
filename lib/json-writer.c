/*
 * libmfr - writing JSON output: a streaming writer into a growing buffer
 * (json-writer.h).
 * SPDX-License-Identifier: MIT
 */
#include "json-writer.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "text.h"

#define DEFAULT_CAPACITY 4096
#define MIN_CAPACITY 64

/* A newline and the indentation of the deepest level (2 spaces a level). */
static const char newline_indent[] =
	"\n                                                  ";
_Static_assert(sizeof(newline_indent) >= 2 + 2 * MFR_JW_MAX_DEPTH,
	       "an indentation for every level");

/* Bytes a string needs no escape for: printable ASCII but '"' and '\\'
 * (1). Control characters and '"', '\\' are escaped; bytes from 0x80
 * start a UTF-8 sequence that is checked (0). */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: '"' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50: '\\' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x70: DEL is plain */
	/* 0x80 to 0xFF: 0 */
};

/* Whether one of the 8 bytes of @p x is not plain (SWAR: each test sets
 * the high bit of a byte that matches, the high bits of bytes from 0x80
 * are kept as they are). */
static inline int any_special(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t quote = x ^ (ones * '"'), backslash = x ^ (ones * '\\');

	return ((x - ones * 0x20) | (quote - ones) | (backslash - ones) | x) & highs
	       ? 1 : 0;
}

/* ---- failures ------------------------------------------------------------ */

static void fail_nomem(mfr_jw *w)
{
	if (w->status == MFR_OK)
		w->status = MFR_E_NOMEM;
}

/* Record that the value about to be written cannot be (@p what says why),
 * with its place: the keys and indexes of the open containers. */
static void fail_invalid(mfr_jw *w, const char *what)
{
	mfr_text t;

	if (w->status != MFR_OK)
		return;
	w->status = MFR_E_INVALID;
	w->invalid = what;
	mfr__text_init(&t, w->where, sizeof(w->where));
	for (uint32_t d = 1; d <= w->depth; d++) {
		if (w->kind[d] == '[')
			/* An open container is an item already counted; the value
			 * that failed, the next item, is not. */
			mfr__text_add(&t, "[%u]", w->count[d] - (d < w->depth));
		else if (w->key[d])
			mfr__text_add(&t, "%s%.*s", t.len ? "." : "", (int)w->key_len[d],
				      w->key[d]);
	}
}

/* ---- the buffer ------------------------------------------------------------ */

/* Make room for @p n more bytes (and a final newline and NUL); 0, or -1
 * after recording the failure. */
static int grow(mfr_jw *w, size_t n)
{
	size_t cap = w->cap ? w->cap : w->first_cap;
	char *p;

	if (w->status != MFR_OK)
		return -1;
	if (n > SIZE_MAX - 2 - w->len) {
		fail_nomem(w);
		return -1;
	}
	while (cap - w->len < n + 2) {
		if (cap > SIZE_MAX / 2) {
			fail_nomem(w);
			return -1;
		}
		cap *= 2;
	}
	p = mfr__realloc(w->buf, cap);
	if (!p) {
		fail_nomem(w);
		return -1;
	}
	w->buf = p;
	w->cap = cap;
	return 0;
}

/* Room for @p n more bytes: 0, or -1 after a failure (now or before). */
static inline int reserve(mfr_jw *w, size_t n)
{
	if (w->cap - w->len >= n + 2 && w->status == MFR_OK)
		return 0;
	return grow(w, n);
}

static inline void put_raw(mfr_jw *w, const char *s, size_t n)
{
	memcpy(w->buf + w->len, s, n);
	w->len += n;
}

/* A newline and the indentation of @p depth levels (indented output). */
static inline void put_indent(mfr_jw *w, uint32_t depth)
{
	put_raw(w, newline_indent, 1 + 2 * (size_t)depth);
}

/* What comes before a value or a key at the current level: nothing after a
 * key; else the separator from the previous item, and in indented output a
 * new line. Reserves @p n bytes more for what follows; 0 or -1. */
static inline int before(mfr_jw *w, size_t n)
{
	uint32_t d = w->depth;

	if (w->after_key) {
		w->after_key = 0;
		return reserve(w, n);
	}
	if (d == 0) {
		/* The document: one value. */
		if (w->count[0]++) {
			fail_invalid(w, "a second document");
			return -1;
		}
		return reserve(w, n);
	}
	if (reserve(w, n + 2 + 2 * (size_t)d))
		return -1;
	if (w->count[d]++)
		w->buf[w->len++] = ',';
	if (!w->compact)
		put_indent(w, d);
	return 0;
}

/* ---- strings ----------------------------------------------------------------- */

/* Append @p s (@p n bytes) escaped, without quotes; room for 6 bytes per
 * input byte is reserved. */
static void put_escaped(mfr_jw *w, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *u = (const unsigned char *)s;
	char *o = w->buf + w->len;
	size_t i = 0;

	while (i < n) {
		/* Plain text, eight bytes at a time, then byte by byte up to
		 * the byte that needs care. */
		while (i + 8 <= n) {
			uint64_t x;

			memcpy(&x, s + i, 8);
			if (any_special(x))
				break;
			memcpy(o, &x, 8);
			o += 8;
			i += 8;
		}
		/* The last 1 to 7 bytes: the 8 that end the string at once
		 * when they are all plain (the bytes before i among them were
		 * copied as they are, and are written again the same). */
		if (i < n && n - i < 8 && n >= 8) {
			uint64_t x;

			memcpy(&x, s + n - 8, 8);
			if (!any_special(x)) {
				memcpy(o - (8 - (n - i)), &x, 8);
				o += n - i;
				break;
			}
		}
		while (i < n && plain[u[i]])
			*o++ = s[i++];
		if (i == n)
			break;
		unsigned char c = u[i];
		if (c >= 0x80) {
			size_t len = mfr__utf8_sequence(s + i, n - i);

			if (len) {
				memcpy(o, s + i, len);
				o += len;
				i += len;
			} else {
				*o++ = '?'; /* not UTF-8: repaired, as jansson refuses it */
				i++;
			}
			continue;
		}
		*o++ = '\\';
		switch (c) {
		case '"': *o++ = '"'; break;
		case '\\': *o++ = '\\'; break;
		case '\b': *o++ = 'b'; break;
		case '\f': *o++ = 'f'; break;
		case '\n': *o++ = 'n'; break;
		case '\r': *o++ = 'r'; break;
		case '\t': *o++ = 't'; break;
		default:
			*o++ = 'u';
			*o++ = '0';
			*o++ = '0';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
			break;
		}
		i++;
	}
	w->len = (size_t)(o - w->buf);
}

/* @p s quoted, as the next value (or key); room for @p extra bytes more is
 * reserved after it. */
static inline void put_string(mfr_jw *w, const char *s, size_t extra)
{
	size_t n = strlen(s);

	if (n > (SIZE_MAX - 16) / 6) {
		fail_nomem(w);
		return;
	}
	if (before(w, 6 * n + 2 + extra))
		return;
	w->buf[w->len++] = '"';
	put_escaped(w, s, n);
	w->buf[w->len++] = '"';
}

void mfr__jw_string(mfr_jw *w, const char *s)
{
	if (w->status != MFR_OK)
		return;
	if (!s) {
		fail_invalid(w, "a NULL string");
		return;
	}
	put_string(w, s, 0);
}

/* Whether a key may be written now: inside an object, not after a key. */
static int key_allowed(mfr_jw *w)
{
	uint32_t d = w->depth;

	if (w->status != MFR_OK)
		return 0;
	if (d == 0 || w->kind[d] != '{' || w->after_key) {
		fail_invalid(w, "a member outside an object");
		return 0;
	}
	return 1;
}

/* The key @p quoted (@p len bytes, with its quotes) and its ':', with room
 * for @p value bytes after it; 0, or -1 after a failure. */
static inline int put_key(mfr_jw *w, const char *quoted, size_t len, size_t value)
{
	uint32_t d = w->depth;

	if (!key_allowed(w) || before(w, len + 2 + value))
		return -1;
	w->key[d] = quoted + 1;
	w->key_len[d] = (uint32_t)(len - 2);
	put_raw(w, quoted, len);
	w->buf[w->len++] = ':';
	if (!w->compact)
		w->buf[w->len++] = ' ';
	return 0;
}

void mfr__jw_key_quoted(mfr_jw *w, const char *quoted, size_t len)
{
	if (put_key(w, quoted, len, 0) == 0)
		w->after_key = 1;
}

void mfr__jw_key_str(mfr_jw *w, const char *key)
{
	uint32_t d = w->depth;

	if (!key_allowed(w))
		return;
	if (!key) {
		fail_invalid(w, "a NULL key");
		return;
	}
	w->key[d] = key;
	w->key_len[d] = (uint32_t)strlen(key);
	put_string(w, key, 2);
	if (w->status != MFR_OK)
		return;
	w->buf[w->len++] = ':';
	if (!w->compact)
		w->buf[w->len++] = ' ';
	w->after_key = 1;
}

/* ---- containers ---------------------------------------------------------- */

static void open_container(mfr_jw *w, char kind)
{
	if (w->status != MFR_OK)
		return;
	if (w->depth >= MFR_JW_MAX_DEPTH) {
		fail_invalid(w, "nested too deep");
		return;
	}
	if (before(w, 1))
		return;
	w->buf[w->len++] = kind;
	w->depth++;
	w->kind[w->depth] = kind;
	w->count[w->depth] = 0;
	w->key[w->depth] = NULL;
	w->key_len[w->depth] = 0;
}

static void close_container(mfr_jw *w, char kind)
{
	uint32_t d = w->depth;

	if (w->status != MFR_OK)
		return;
	if (d == 0 || w->kind[d] != kind || w->after_key) {
		fail_invalid(w, "a container closed that is not open");
		return;
	}
	if (reserve(w, 2 + 2 * (size_t)d))
		return;
	if (w->count[d] && !w->compact)
		put_indent(w, d - 1);
	w->buf[w->len++] = kind == '{' ? '}' : ']';
	w->depth--;
}

void mfr__jw_object(mfr_jw *w)
{
	open_container(w, '{');
}

void mfr__jw_object_end(mfr_jw *w)
{
	close_container(w, '{');
}

void mfr__jw_array(mfr_jw *w)
{
	open_container(w, '[');
}

void mfr__jw_array_end(mfr_jw *w)
{
	close_container(w, '[');
}

/* ---- numbers ------------------------------------------------------------- */

/* The decimal digits of @p v, ending at @p end; returns where they start. */
static char *digits_of(uint64_t v, char *end)
{
	do {
		*--end = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	return end;
}

/* The decimal text of @p v, ending at @p end; returns where it starts. */
static char *int_digits(int64_t v, char *end)
{
	/* The magnitude in unsigned arithmetic: -INT64_MIN overflows. */
	char *p = digits_of(v < 0 ? 0 - (uint64_t)v : (uint64_t)v, end);

	if (v < 0)
		*--p = '-';
	return p;
}

void mfr__jw_int(mfr_jw *w, int64_t v)
{
	char tmp[24], *end = tmp + sizeof(tmp), *p;

	if (w->status != MFR_OK)
		return;
	p = int_digits(v, end);
	if (before(w, (size_t)(end - p)))
		return;
	put_raw(w, p, (size_t)(end - p));
}

/*
 * "%.6g" as printf writes it, then made a JSON real as jansson's
 * jsonp_dtostr() makes it: the locale's decimal point replaced by '.',
 * ".0" added when there is neither a point nor an exponent, and the
 * exponent's '+' and leading zeros dropped. The slow path, for values the
 * fast one leaves (zero, very small or large, or next to a rounding tie).
 * The decimal point is found as what is neither a digit, a sign nor the
 * exponent, not with localeconv(), which is not safe from several threads
 * (and whose first byte jansson took for the whole point).
 */
static size_t format_real_printf(double v, char *buf)
{
	int n = snprintf(buf, MFR_JW_REAL_SIZE - 3, "%.6g", v);
	size_t len = n > 0 ? (size_t)n : 0;
	char *e;

	for (size_t i = 0; i < len; i++) {
		if ((buf[i] >= '0' && buf[i] <= '9') || buf[i] == '-' || buf[i] == '+' ||
		    buf[i] == 'e')
			continue;
		size_t end = i + 1; /* the point, perhaps of several bytes */

		while (end < len && !(buf[end] >= '0' && buf[end] <= '9') && buf[end] != 'e')
			end++;
		buf[i] = '.';
		memmove(buf + i + 1, buf + end, len - end + 1);
		len -= end - i - 1;
		break;
	}
	if (!strchr(buf, '.') && !strchr(buf, 'e')) {
		memcpy(buf + len, ".0", 3);
		len += 2;
	}
	/* jansson's own steps, kept as they are (on the text "%.6g" gives,
	 * which has no exponent "e+00"). */
	e = strchr(buf, 'e');
	if (e) {
		char *start = e + 1, *end = start + 1;

		if (*start == '-')
			start++;
		while (*end == '0')
			end++;
		if (end != start) {
			memmove(start, end, len - (size_t)(end - buf) + 1);
			len -= (size_t)(end - start);
		}
	}
	return len;
}

size_t mfr__jw_format_real(double v, char *buf)
{
	/* 10^-4 .. 10^5: the decimal exponents "%.6g" writes without 'e';
	 * and what brings a value of each to six digits before the point. */
	static const double decade[] = { 1e-4, 1e-3, 1e-2, 1e-1, 1e0, 1e1, 1e2, 1e3, 1e4, 1e5 };
	static const double scale[] = { 1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 1e2, 1e1, 1e0 };
	double a = fabs(v);
	char *p = buf;
	int e;

	if (v == 0)
		return format_real_printf(v, buf); /* "0.0" or "-0.0" */
	if (!(a >= 1e-4 && a < 1e6))
		return format_real_printf(v, buf);
	for (e = 9; e > 0 && a < decade[e]; e--)
		;
	/* a * 10^(5 - exponent): six digits before the point. The product is
	 * rounded once (the power of ten is exact), so it is within 2^-53 of
	 * its exact value: away from a tie (.5) the digits are those of the
	 * exact value; next to one, printf decides. */
	double scaled = a * scale[e];
	uint64_t whole = (uint64_t)scaled; /* positive, below 2^53: exact */
	double frac = scaled - (double)whole;

	if (fabs(frac - 0.5) < 1e-6)
		return format_real_printf(v, buf);
	uint64_t n = whole + (frac > 0.5);
	int x = e - 4; /* the decimal exponent: decade[e] is 10^(e - 4) */

	if (n >= 1000000) { /* rounded up to the next power of ten */
		n /= 10;
		x++;
	}
	if (n < 100000 || n >= 1000000 || x > 5 || x < -4)
		return format_real_printf(v, buf);

	/* Six significant digits, n = d0 d1 ... d5; "%.6g" writes them with
	 * x + 1 before the point (a "0.000" prefix when x is negative) and
	 * drops the trailing zeros of the fraction. */
	char d[6];
	for (int i = 5; i >= 0; i--) {
		d[i] = (char)('0' + n % 10);
		n /= 10;
	}
	int last = 5;
	if (v < 0)
		*p++ = '-';
	if (x >= 0) {
		int point = x + 1; /* digits before the point */

		while (last >= point && d[last] == '0')
			last--;
		memcpy(p, d, (size_t)point);
		p += point;
		*p++ = '.';
		if (last >= point) {
			memcpy(p, d + point, (size_t)(last - point + 1));
			p += last - point + 1;
		} else {
			*p++ = '0'; /* jansson's ".0" */
		}
	} else {
		while (d[last] == '0')
			last--;
		*p++ = '0';
		*p++ = '.';
		for (int z = -1; z > x; z--)
			*p++ = '0';
		memcpy(p, d, (size_t)(last + 1));
		p += last + 1;
	}
	*p = '\0';
	return (size_t)(p - buf);
}

void mfr__jw_real(mfr_jw *w, double v)
{
	char tmp[MFR_JW_REAL_SIZE];
	size_t n;

	if (w->status != MFR_OK)
		return;
	if (!isfinite(v)) {
		fail_invalid(w, "not a finite number");
		return;
	}
	n = mfr__jw_format_real(v, tmp);
	if (before(w, n))
		return;
	put_raw(w, tmp, n);
}

void mfr__jw_bool(mfr_jw *w, int v)
{
	if (w->status != MFR_OK || before(w, 5))
		return;
	if (v)
		put_raw(w, "true", 4);
	else
		put_raw(w, "false", 5);
}

/* A newline and @p depth levels of indentation, at any depth (room for
 * 1 + 2 * depth bytes reserved). */
static void put_indent_any(mfr_jw *w, size_t depth)
{
	w->buf[w->len++] = '\n';
	memset(w->buf + w->len, ' ', 2 * depth);
	w->len += 2 * depth;
}

void mfr__jw_raw(mfr_jw *w, const char *json, size_t n)
{
	size_t d;
	int in_string = 0;

	if (w->status != MFR_OK || before(w, n))
		return;
	if (w->compact) {
		put_raw(w, json, n);
		return;
	}
	/* Indented as the writer indents: a member or an item a line, two
	 * spaces a level, ": " after a key; an empty container stays "{}". */
	d = w->depth;
	for (size_t i = 0; i < n; i++) {
		char c = json[i];

		if (reserve(w, 4 + 2 * (d + 1)))
			return;
		if (in_string) {
			w->buf[w->len++] = c;
			if (c == '\\' && i + 1 < n)
				w->buf[w->len++] = json[++i];
			else if (c == '"')
				in_string = 0;
			continue;
		}
		switch (c) {
		case '"':
			in_string = 1;
			w->buf[w->len++] = c;
			break;
		case '{':
		case '[':
			w->buf[w->len++] = c;
			if (i + 1 < n && (json[i + 1] == '}' || json[i + 1] == ']'))
				w->buf[w->len++] = json[++i];
			else
				put_indent_any(w, ++d);
			break;
		case '}':
		case ']':
			put_indent_any(w, --d);
			w->buf[w->len++] = c;
			break;
		case ',':
			w->buf[w->len++] = c;
			put_indent_any(w, d);
			break;
		case ':':
			w->buf[w->len++] = ':';
			w->buf[w->len++] = ' ';
			break;
		default:
			w->buf[w->len++] = c;
		}
	}
}

/* ---- members ---------------------------------------------------------------- */

void mfr__jw_put_str_quoted(mfr_jw *w, const char *quoted, size_t len, const char *s)
{
	size_t n;

	if (!s) {
		mfr__jw_key_quoted(w, quoted, len);
		mfr__jw_string(w, s); /* names the member */
		return;
	}
	/* The key and the string in one step: one check for room. */
	n = strlen(s);
	if (n > (SIZE_MAX - 64 - len) / 6) {
		fail_nomem(w);
		return;
	}
	if (put_key(w, quoted, len, 6 * n + 2))
		return;
	w->buf[w->len++] = '"';
	put_escaped(w, s, n);
	w->buf[w->len++] = '"';
}

void mfr__jw_put_opt_str_quoted(mfr_jw *w, const char *quoted, size_t len, const char *s)
{
	if (s && *s)
		mfr__jw_put_str_quoted(w, quoted, len, s);
}

void mfr__jw_put_int_quoted(mfr_jw *w, const char *quoted, size_t len, int64_t v)
{
	char tmp[24], *end = tmp + sizeof(tmp), *p = int_digits(v, end);

	if (put_key(w, quoted, len, (size_t)(end - p)) == 0)
		put_raw(w, p, (size_t)(end - p));
}

void mfr__jw_put_real_quoted(mfr_jw *w, const char *quoted, size_t len, double v)
{
	mfr__jw_key_quoted(w, quoted, len);
	mfr__jw_real(w, v);
}

void mfr__jw_put_bool_quoted(mfr_jw *w, const char *quoted, size_t len, int v)
{
	mfr__jw_key_quoted(w, quoted, len);
	mfr__jw_bool(w, v);
}

void mfr__jw_put_flag_quoted(mfr_jw *w, const char *quoted, size_t len, int flag)
{
	if (flag)
		mfr__jw_put_bool_quoted(w, quoted, len, 1);
}

void mfr__jw_put_name_quoted(mfr_jw *w, const char *quoted, size_t len,
			     const mfr_names *names, int v)
{
	const char *name = mfr__name_of(names, v);

	if (name) {
		mfr__jw_put_str_quoted(w, quoted, len, name);
	} else {
		mfr__jw_key_quoted(w, quoted, len);
		fail_invalid(w, "a value with no name");
	}
}

void mfr__jw_put_mask_quoted(mfr_jw *w, const char *quoted, size_t len,
			     const mfr_names *names, uint32_t mask)
{
	mfr__jw_key_quoted(w, quoted, len);
	mfr__jw_array(w);
	for (size_t i = 0; i < names->count; i++)
		if (mask & (uint32_t)names->items[i].value)
			mfr__jw_string(w, names->items[i].name);
	mfr__jw_array_end(w);
}

/* ---- the document ---------------------------------------------------------- */

void mfr__jw_init(mfr_jw *w, uint32_t flags, size_t size_hint)
{
	w->buf = NULL;
	w->len = 0;
	w->cap = 0;
	w->compact = (flags & MFR_JSON_COMPACT) != 0;
	w->after_key = 0;
	w->depth = 0;
	w->status = MFR_OK;
	w->invalid = NULL;
	w->kind[0] = 0;
	w->count[0] = 0;
	w->key[0] = NULL;
	w->key_len[0] = 0;
	w->where[0] = '\0';
	/* The first allocation takes the hint, rounded up to a power of two
	 * (at least MIN_CAPACITY). */
	w->first_cap = size_hint ? MIN_CAPACITY : DEFAULT_CAPACITY;
	while (w->first_cap < size_hint && w->first_cap <= SIZE_MAX / 4)
		w->first_cap *= 2;
}

mfr_status_t mfr__jw_finish(mfr_jw *w, char **out, mfr_error **err)
{
	if (w->status == MFR_OK && (w->depth != 0 || w->after_key || w->len == 0))
		fail_invalid(w, "an unfinished document");
	if (reserve(w, 1) == 0) {
		/* Indented output ends with a newline, like a file. */
		if (!w->compact)
			w->buf[w->len++] = '\n';
		w->buf[w->len] = '\0';
		*out = w->buf;
		w->buf = NULL;
		return MFR_OK;
	}
	mfr__free(w->buf);
	w->buf = NULL;
	*out = NULL;
	if (w->status == MFR_E_INVALID)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "cannot write JSON: the value at %s is %s; this is a "
				      "libmfr bug, please report it",
				      w->where[0] ? w->where : "(top level)", w->invalid);
	return mfr__error_nomem(err);
}
