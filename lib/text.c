/*
 * libmfr - text in fixed buffers (text.h).
 * SPDX-License-Identifier: MIT
 */
#include "text.h"

#include <stdio.h>
#include <string.h>

void mfr__text_init(mfr_text *t, char *buf, size_t size)
{
	t->buf = buf;
	t->size = size;
	t->len = 0;
	t->cut = 0;
	buf[0] = '\0';
}

static int is_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* End the text at byte @p at (moved back to a character boundary) with
 * "..." when there is room for it. */
static void cut_at(mfr_text *t, size_t at)
{
	/* buf[at] is the first byte dropped: if it continues a character,
	 * that character goes too. */
	while (at > 0 && is_continuation(t->buf[at]))
		at--;
	if (t->size - at >= 4)
		memcpy(t->buf + at, "...", 4);
	else
		t->buf[at] = '\0';
	t->len = strlen(t->buf + at) + at;
	t->cut = 1;
}

void mfr__text_vadd(mfr_text *t, const char *fmt, va_list ap)
{
	size_t room = t->size - t->len;
	int n;

	if (t->cut)
		return;
	n = vsnprintf(t->buf + t->len, room, fmt, ap);
	if (n < 0) {
		t->buf[t->len] = '\0';
		return;
	}
	if ((size_t)n < room) {
		t->len += (size_t)n;
		return;
	}
	/* It did not fit: buf holds size - 1 bytes. Keep room for "...". */
	cut_at(t, t->size > 4 ? t->size - 4 : 0);
}

void mfr__text_put(mfr_text *t, const char *s)
{
	mfr__text_putn(t, s, strlen(s));
}

void mfr__text_putn(mfr_text *t, const char *s, size_t n)
{
	size_t room = t->size - t->len;

	if (t->cut)
		return;
	if (n < room) {
		memcpy(t->buf + t->len, s, n);
		t->len += n;
		t->buf[t->len] = '\0';
		return;
	}
	memcpy(t->buf + t->len, s, room - 1);
	t->buf[t->size - 1] = '\0';
	cut_at(t, t->size > 4 ? t->size - 4 : 0);
}

void mfr__text_add(mfr_text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mfr__text_vadd(t, fmt, ap);
	va_end(ap);
}

size_t mfr__vformat(char *buf, size_t size, const char *fmt, va_list ap)
{
	mfr_text t;

	mfr__text_init(&t, buf, size);
	mfr__text_vadd(&t, fmt, ap);
	return t.len;
}

size_t mfr__format(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	n = mfr__vformat(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

size_t mfr__utf8_sequence(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char c = s[0];
	size_t n;
	unsigned long cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		cp = c & 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		cp = c & 0x07;
	} else {
		return 0; /* a continuation byte, an overlong lead or past U+10FFFF */
	}
	if (n > len)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
	    (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

size_t mfr__utf8_valid_prefix(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t n = mfr__utf8_sequence(s + i, len - i);

		if (!n)
			break;
		i += n;
	}
	return i;
}

size_t mfr__utf8_repair(char *s)
{
	size_t len = strlen(s), i = 0, fixed = 0;

	while (i < len) {
		size_t n = mfr__utf8_sequence(s + i, len - i);

		if (n) {
			i += n;
		} else {
			s[i++] = '?';
			fixed++;
		}
	}
	return fixed;
}
