/*
 * libmfr - a growing text for the outputs that are not JSON (textbuf.h).
 * SPDX-License-Identifier: MIT
 */
#include "textbuf.h"

#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"

void mfr__tb_init(mfr_tb *t)
{
	memset(t, 0, sizeof(*t));
}

/* Room for @p n more bytes and a NUL: 0, or -1 after a failure. */
static int room(mfr_tb *t, size_t n)
{
	size_t cap = t->cap ? t->cap : 1024;
	char *p;

	if (t->status != MFR_OK)
		return -1;
	if (t->cap - t->len > n)
		return 0;
	while (cap - t->len <= n) {
		if (cap > SIZE_MAX / 2) {
			t->status = MFR_E_NOMEM;
			return -1;
		}
		cap *= 2;
	}
	p = mfr__realloc(t->buf, cap);
	if (!p) {
		t->status = MFR_E_NOMEM;
		return -1;
	}
	t->buf = p;
	t->cap = cap;
	return 0;
}

void mfr__tb_fail(mfr_tb *t)
{
	t->status = MFR_E_NOMEM;
}

void mfr__tb_put(mfr_tb *t, const char *s)
{
	mfr__tb_putn(t, s, strlen(s));
}

void mfr__tb_putn(mfr_tb *t, const char *s, size_t n)
{
	if (room(t, n))
		return;
	memcpy(t->buf + t->len, s, n);
	t->len += n;
	t->buf[t->len] = '\0';
}

void mfr__tb_add(mfr_tb *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->status != MFR_OK)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || room(t, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(t->buf + t->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

void mfr__tb_fixed(mfr_tb *t, double v, int width, int decimals)
{
	char raw[64], clean[64];
	size_t k = 0;
	int point = 0;

	/* printf writes the locale's decimal point: keep the digits and the
	 * sign, and write '.' for whatever separates the fraction. */
	snprintf(raw, sizeof(raw), "%.*f", decimals, v);
	for (size_t i = 0; raw[i] && k + 1 < sizeof(clean); i++) {
		char c = raw[i];

		if ((c >= '0' && c <= '9') || c == '-') {
			clean[k++] = c;
		} else if (!point) {
			clean[k++] = '.';
			point = 1;
			while (raw[i + 1] && !(raw[i + 1] >= '0' && raw[i + 1] <= '9'))
				i++;
		}
	}
	clean[k] = '\0';
	mfr__tb_add(t, "%*s", width, clean);
}

mfr_status_t mfr__tb_finish(mfr_tb *t, char **out, size_t *len, mfr_error **err)
{
	if (t->status == MFR_OK && room(t, 0) == 0) {
		t->buf[t->len] = '\0';
		*out = t->buf;
		if (len)
			*len = t->len;
		return MFR_OK;
	}
	mfr__free(t->buf);
	*out = NULL;
	if (len)
		*len = 0;
	return mfr__error_nomem(err);
}
