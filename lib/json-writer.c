/*
 * libmfr - building JSON output.
 * SPDX-License-Identifier: MIT
 */
#include "json-writer.h"

#include <string.h>

#include "alloc.h"
#include "error.h"

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
	return mfr__jw_put(obj, name, s ? json_string(s) : NULL);
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
			rc |= mfr__jw_append(arr, json_string(names->items[i].name));
	if (rc) {
		json_decref(arr);
		return NULL;
	}
	return arr;
}

mfr_status mfr__jw_dump(json_t *doc, uint32_t flags, char **out, mfr_error **err)
{
	int compact = (flags & MFR_JSON_COMPACT) != 0;

	if (!doc)
		return mfr__error_nomem(err);
	char *text = json_dumps(doc, JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6) |
				(compact ? JSON_COMPACT : JSON_INDENT(2)));
	json_decref(doc);
	if (!text)
		return mfr__error_nomem(err);

	/* Hand back memory from the library's own allocator, so that
	 * mfr_free() is always the right way to release it. */
	json_free_t jfree;
	size_t n = strlen(text);
	char *copy = mfr__malloc(n + 2);

	if (copy) {
		memcpy(copy, text, n);
		if (!compact)
			copy[n++] = '\n';
		copy[n] = '\0';
	}
	json_get_alloc_funcs(NULL, &jfree);
	jfree(text);
	if (!copy)
		return mfr__error_nomem(err);
	*out = copy;
	return MFR_OK;
}
