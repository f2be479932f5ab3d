/*
 * libmfr - building JSON output.
 * SPDX-License-Identifier: MIT
 */
#include "json-writer.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "text.h"

json_t *mfr__jw_string(const char *s)
{
	json_t *v;

	if (!s)
		return NULL;
	v = json_string(s);
	if (v || mfr__utf8_valid_prefix(s, strlen(s)) == strlen(s))
		return v; /* made, or memory ran out */
	/* Not UTF-8, which jansson refuses: write it repaired rather than fail
	 * the whole document (the library never makes such a string: the
	 * model's are checked when loaded, and its texts are cut at a
	 * character). */
	char *copy = mfr__strdup(s);
	if (!copy)
		return NULL;
	mfr__utf8_repair(copy);
	v = json_string(copy);
	mfr__free(copy);
	return v;
}

int mfr__jw_put(json_t *obj, const char *name, json_t *value)
{
	if (!obj || !value) {
		json_decref(value);
		return -1;
	}
	return json_object_set_new(obj, name, value) ? -1 : 0;
}

int mfr__jw_put_str(json_t *obj, const char *name, const char *s)
{
	return mfr__jw_put(obj, name, mfr__jw_string(s));
}

int mfr__jw_put_opt_str(json_t *obj, const char *name, const char *s)
{
	return s && *s ? mfr__jw_put_str(obj, name, s) : 0;
}

int mfr__jw_put_flag(json_t *obj, const char *name, int flag)
{
	return flag ? mfr__jw_put(obj, name, json_true()) : 0;
}

int mfr__jw_put_name(json_t *obj, const char *name, const mfr_names *names, int v)
{
	return mfr__jw_put_str(obj, name, mfr__name_of(names, v));
}

int mfr__jw_append(json_t *arr, json_t *value)
{
	if (!arr || !value) {
		json_decref(value);
		return -1;
	}
	return json_array_append_new(arr, value) ? -1 : 0;
}

json_t *mfr__jw_mask(const mfr_names *names, uint32_t mask)
{
	json_t *arr = json_array();
	int rc = 0;

	for (size_t i = 0; i < names->count; i++)
		if (mask & (uint32_t)names->items[i].value)
			rc |= mfr__jw_append(arr, mfr__jw_string(names->items[i].name));
	if (rc) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

/* Output collected by json_dump_callback(). The failure flag is sticky:
 * jansson 2.14 ignores a failed write of an object key (dump.c, do_dump),
 * so its return value alone can report success for truncated output. */
typedef struct jw_buffer {
	char *data;
	size_t len, cap;
	int failed;
} jw_buffer;

static int jw_collect(const char *buf, size_t size, void *data)
{
	jw_buffer *b = data;

	if (b->failed)
		return -1;
	if (b->cap - b->len < size + 2) { /* room for a final '\n' and NUL */
		size_t cap = b->cap ? b->cap : 4096;
		char *p;

		while (cap - b->len < size + 2) {
			if (cap > SIZE_MAX / 2) {
				b->failed = 1;
				return -1;
			}
			cap *= 2;
		}
		p = mfr__realloc(b->data, cap);
		if (!p) {
			b->failed = 1;
			return -1;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, buf, size);
	b->len += size;
	return 0;
}

/* Find a value jansson cannot write (a string that is not UTF-8, a number
 * that is not finite) in @p v; write its path into @p t and return 1. */
static int find_unwritable(const json_t *v, mfr_text *t)
{
	size_t len = t->len;

	switch (json_typeof(v)) {
	case JSON_STRING: {
		size_t n = json_string_length(v);
		return mfr__utf8_valid_prefix(json_string_value(v), n) != n;
	}
	case JSON_REAL:
		return !isfinite(json_real_value(v));
	case JSON_ARRAY: {
		size_t i;
		json_t *item;

		json_array_foreach((json_t *)v, i, item) {
			mfr__text_add(t, "[%zu]", i);
			if (find_unwritable(item, t))
				return 1;
			t->buf[t->len = len] = '\0';
		}
		return 0;
	}
	case JSON_OBJECT: {
		const char *key;
		json_t *item;

		json_object_foreach((json_t *)v, key, item) {
			mfr__text_add(t, "%s%s", len ? "." : "", key);
			if (find_unwritable(item, t))
				return 1;
			t->buf[t->len = len] = '\0';
		}
		return 0;
	}
	default:
		return 0;
	}
}

mfr_status mfr__jw_dump(json_t *doc, uint32_t flags, char **out, mfr_error **err)
{
	int compact = (flags & MFR_JSON_COMPACT) != 0;
	jw_buffer b = { NULL, 0, 0, 0 };
	int rc;

	/* A builder fails only when memory runs out (see json-writer.h). */
	if (!doc)
		return mfr__error_nomem(err);
	rc = json_dump_callback(doc, jw_collect, &b, JSON_PRESERVE_ORDER |
				JSON_REAL_PRECISION(6) |
				(compact ? JSON_COMPACT : JSON_INDENT(2)));
	if (rc != 0 && !b.failed) {
		/* jansson failed by itself: on a value it cannot write (say
		 * which: that is a bug to report), else for memory. */
		char path[256];
		mfr_text t;

		mfr__text_init(&t, path, sizeof(path));
		if (find_unwritable(doc, &t)) {
			json_decref(doc);
			mfr__free(b.data);
			return mfr__error_set(err, MFR_E_INVALID, NULL, "cannot write JSON: "
					      "the value at %s is not valid UTF-8 or not a "
					      "finite number; this is a libmfr bug, please "
					      "report it", path[0] ? path : "(top level)");
		}
	}
	json_decref(doc);
	if (rc != 0 || b.failed || !b.data) {
		mfr__free(b.data);
		return mfr__error_nomem(err);
	}
	/* Indented output ends with a newline, like a file. */
	if (!compact)
		b.data[b.len++] = '\n';
	b.data[b.len] = '\0';
	*out = b.data;
	return MFR_OK;
}
