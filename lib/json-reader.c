/*
 * libmfr - reading JSON documents with exact error reports: the shared
 * machinery of the model loader and the intake reader.
 * SPDX-License-Identifier: MIT
 */
#include "json-reader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "json-scan.h"
#include "suggest.h"
#include "text.h"

/* ---- paths and failures ------------------------------------------------ */

size_t mfr__rd_push(mfr_reader *rd, const char *fmt, ...)
{
	size_t mark = rd->plen;
	va_list ap;

	va_start(ap, fmt);
	rd->plen += mfr__vformat(rd->path + rd->plen, sizeof(rd->path) - rd->plen, fmt, ap);
	va_end(ap);
	/* A member of the top level is "name", not ".name". */
	if (mark == 0 && rd->path[0] == '.') {
		memmove(rd->path, rd->path + 1, rd->plen);
		rd->plen--;
	}
	return mark;
}

void mfr__rd_pop(mfr_reader *rd, size_t mark)
{
	rd->plen = mark;
	rd->path[mark] = '\0';
}

mfr_status_t mfr__rd_fail(mfr_reader *rd, mfr_status_t st, const char *fmt, ...)
{
	char msg[768];
	va_list ap;

	va_start(ap, fmt);
	mfr__vformat(msg, sizeof(msg), fmt, ap);
	va_end(ap);

	mfr_where where = { rd->source, rd->path, 0, 0, -1 };
	const char *place = rd->path[0] ? rd->path : "(top level)";

	/* Placed only when the error will be kept: the scan is linear. */
	if (!rd->text || !rd->err || *rd->err)
		return mfr__error_set(rd->err, st, &where, "%s: %s: %s", rd->source,
				      place, msg);
	mfr_json_place at;

	mfr__json_locate(rd->text, rd->text_size, rd->path, &at);
	where.line = at.line;
	where.column = at.column;
	where.offset = at.offset + (int64_t)rd->bom;
	return mfr__error_set(rd->err, st, &where, "%s:%d:%d: %s: %s", rd->source,
			      (int)at.line, (int)at.column, place, msg);
}

mfr_status_t mfr__rd_nomem(mfr_reader *rd)
{
	return mfr__error_nomem(rd->err);
}

const char *mfr__rd_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a number with a fraction";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}


/* ---- allocation -------------------------------------------------------- */

void *mfr__rd_alloc(mfr_reader *rd, size_t count, size_t size)
{
	if (!rd->arena || (count && size > SIZE_MAX / count))
		return NULL;
	return mfr__arena_alloc(rd->arena, count * size);
}

mfr_status_t mfr__rd_copy(mfr_reader *rd, const char *s, const char **out)
{
	*out = NULL;
	if (!rd->arena) /* a reader made without one: a bug, not a crash */
		return mfr__rd_fail(rd, MFR_E_INVALID, "internal error: this reader "
				    "has no arena to copy into; please report it");
	*out = mfr__arena_strdup(rd->arena, s);
	return *out ? MFR_OK : mfr__rd_nomem(rd);
}

/* ---- members ------------------------------------------------------------ */

static const char *str_at(const void *cands, size_t i)
{
	return ((const char *const *)cands)[i];
}

/* Fail on any member of @p obj not in the NULL-terminated @p allowed. */
mfr_status_t mfr__rd_check_members(mfr_reader *rd, json_t *obj, const char *const *allowed,
				const char *what)
{
	const char *name;
	json_t *value;
	size_t n = 0;

	while (allowed[n])
		n++;
	json_object_foreach(obj, name, value) {
		size_t i;

		for (i = 0; i < n; i++)
			if (strcmp(name, allowed[i]) == 0)
				break;
		if (i < n)
			continue;

		const char *sugg[3];
		char hint[160], list[512];
		uint32_t ns = mfr__suggest(name, allowed, n, str_at, sugg, 3);
		mfr_text t;

		mfr__suggest_text(sugg, ns, hint, sizeof(hint));
		mfr__text_init(&t, list, sizeof(list));
		for (i = 0; i < n; i++)
			mfr__text_add(&t, "%s%s", i ? ", " : "", allowed[i]);
		return mfr__rd_fail(rd, MFR_E_UNKNOWN,
			    "unknown member \"%s\"%s; the members of %s are: %s",
			    name, hint, what, list);
	}
	return MFR_OK;
}

/* The member @p name of @p obj, checked for @p type; NULL (and MFR_OK) when
 * absent and optional. */
mfr_status_t mfr__rd_member(mfr_reader *rd, json_t *obj, const char *name, int required,
			 json_type type, const char *type_text, json_t **out)
{
	json_t *v = json_object_get(obj, name);

	*out = NULL;
	if (!v) {
		if (!required)
			return MFR_OK;
		return mfr__rd_fail(rd, MFR_E_MISSING,
			    "required member \"%s\" is missing; add it (%s)", name,
			    type_text);
	}
	int ok = json_typeof(v) == type ||
		 (type == JSON_TRUE && json_typeof(v) == JSON_FALSE);
	if (!ok) {
		size_t mark = mfr__rd_push(rd, ".%s", name);
		mfr_status_t st = mfr__rd_fail(rd, MFR_E_TYPE, "expected %s, found %s",
				     type_text, mfr__rd_type_name(v));
		mfr__rd_pop(rd, mark);
		return st;
	}
	*out = v;
	return MFR_OK;
}

/* Members that hold a name (a label, a code; keys are shorter still):
 * every other string member is a text. */
static int is_name(const char *member)
{
	static const char *const names[] = {
		"name", "abbrev", "model_version", "trigger_point", "snomed",
		"fma", "uberon",
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(member, names[i]) == 0)
			return 1;
	return 0;
}

mfr_status_t mfr__rd_str(mfr_reader *rd, json_t *obj, const char *name, int required,
			  const char *dflt, const char **out)
{
	json_t *v;

	TRY(mfr__rd_member(rd, obj, name, required, JSON_STRING, "a string", &v));
	if (!v) {
		*out = dflt;
		return MFR_OK;
	}
	size_t mark = mfr__rd_push(rd, ".%s", name);
	mfr_status_t st = MFR_OK;

	if (required && json_string_length(v) == 0)
		st = mfr__rd_fail(rd, MFR_E_RANGE, "must not be empty");
	else if (strcmp(name, "key") == 0)
		; /* mfr__rd_check_key() says what a key must be */
	else if (is_name(name))
		st = mfr__rd_check_length(rd, json_string_value(v), MFR_NAME_MAX_LENGTH, "name");
	else
		st = mfr__rd_check_length(rd, json_string_value(v), MFR_TEXT_MAX_LENGTH, "text");
	mfr__rd_pop(rd, mark);
	TRY(st);
	return mfr__rd_copy(rd, json_string_value(v), out);
}

static int key_is_valid(const char *s)
{
	size_t n = strlen(s);

	if (n < 1 || n > MFR_KEY_MAX_LENGTH || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (size_t i = 1; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'))
			return 0;
	}
	return 1;
}

mfr_status_t mfr__rd_check_key(mfr_reader *rd, const char *s)
{
	if (key_is_valid(s))
		return MFR_OK;
	return mfr__rd_fail(rd, MFR_E_RANGE,
		    "\"%s\" is not a valid key; a key is 1 to %d characters from "
		    "a-z, 0-9 and _, starting with a letter", s, MFR_KEY_MAX_LENGTH);
}

/* Characters, not bytes: a limit a person can count. */
static size_t utf8_length(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

mfr_status_t mfr__rd_check_length(mfr_reader *rd, const char *s, size_t max, const char *what)
{
	size_t n = utf8_length(s);

	if (n <= max)
		return MFR_OK;
	return mfr__rd_fail(rd, MFR_E_RANGE, "this %s has %zu characters; the limit is %zu: "
			    "shorten it (a longer text belongs in \"note\", or in "
			    "the cited source)", what, n, max);
}

mfr_status_t mfr__rd_too_large(mfr_reader *rd, const char *source, uint64_t size)
{
	mfr_where where = { source, "", 0, 0, -1 };
	/* A file is read only up to one byte past the limit: its size is
	 * then known to be "more than" the limit, no more. */
	int exact = size > (uint64_t)rd->max_bytes + 1;

	return mfr__error_set(rd->err, MFR_E_RANGE, &where, "%s: %s%llu bytes is past the "
			      "limit for %s (%zu bytes, %zu MiB); %s", source,
			      exact ? "" : "more than ",
			      (unsigned long long)(exact ? size : rd->max_bytes), rd->what,
			      rd->max_bytes, rd->max_bytes >> 20, rd->fix);
}

mfr_status_t mfr__rd_bool(mfr_reader *rd, json_t *obj, const char *name, uint8_t *out)
{
	json_t *v;

	TRY(mfr__rd_member(rd, obj, name, 0, JSON_TRUE, "true or false", &v));
	*out = v ? (uint8_t)json_is_true(v) : 0;
	return MFR_OK;
}

mfr_status_t mfr__rd_parse_enum(mfr_reader *rd, json_t *v, const mfr_names *names, int *out)
{
	char list[512];

	if (!json_is_string(v))
		return mfr__rd_fail(rd, MFR_E_TYPE, "expected a %s name (a string), found %s",
			    names->what, mfr__rd_type_name(v));
	*out = mfr__value_of(names, json_string_value(v));
	if (*out)
		return MFR_OK;
	mfr__names_list(names, list, sizeof(list));
	return mfr__rd_fail(rd, MFR_E_UNKNOWN, "unknown %s \"%s\"; use %s", names->what,
		    json_string_value(v), list);
}

mfr_status_t mfr__rd_enum(mfr_reader *rd, json_t *obj, const char *name, int required,
			   const mfr_names *names, int *out)
{
	json_t *v = json_object_get(obj, name);

	*out = 0;
	if (!v) {
		if (!required)
			return MFR_OK;
		return mfr__rd_fail(rd, MFR_E_MISSING, "required member \"%s\" is missing; "
			    "add it (a %s name)", name, names->what);
	}
	size_t mark = mfr__rd_push(rd, ".%s", name);
	mfr_status_t st = mfr__rd_parse_enum(rd, v, names, out);
	mfr__rd_pop(rd, mark);
	return st;
}

mfr_status_t mfr__rd_array(mfr_reader *rd, json_t *obj, const char *name, int required,
			    size_t min_items, json_t **out)
{
	TRY(mfr__rd_member(rd, obj, name, required, JSON_ARRAY, "an array", out));
	if (*out && json_array_size(*out) < min_items) {
		size_t mark = mfr__rd_push(rd, ".%s", name);
		mfr_status_t st = mfr__rd_fail(rd, MFR_E_RANGE,
				     "needs at least %zu item%s, has %zu", min_items,
				     min_items == 1 ? "" : "s", json_array_size(*out));
		mfr__rd_pop(rd, mark);
		return st;
	}
	return MFR_OK;
}

/* A set of enum bits (positions, suits): no repeats; non-empty if required. */
mfr_status_t mfr__rd_mask(mfr_reader *rd, json_t *obj, const char *name, int required,
			   const mfr_names *names, uint32_t *out)
{
	json_t *arr, *v;
	size_t i;

	*out = 0;
	TRY(mfr__rd_array(rd, obj, name, required, required ? 1 : 0, &arr));
	if (!arr)
		return MFR_OK;
	json_array_foreach(arr, i, v) {
		size_t mark = mfr__rd_push(rd, ".%s[%zu]", name, i);
		int bit = 0;
		mfr_status_t st = mfr__rd_parse_enum(rd, v, names, &bit);

		if (st == MFR_OK && (*out & (uint32_t)bit))
			st = mfr__rd_fail(rd, MFR_E_DUPLICATE, "\"%s\" is listed twice; "
				  "remove the repeat", json_string_value(v));
		mfr__rd_pop(rd, mark);
		if (st != MFR_OK)
			return st;
		*out |= (uint32_t)bit;
	}
	return MFR_OK;
}

/* Resolve one reference to an entity of @p kind; the path names the place. */
mfr_status_t mfr__rd_resolve(mfr_reader *rd, json_t *v, int kind, uint32_t *out)
{
	const char *what = mfr__name_of(&mfr__kind_nouns, kind);

	if (!json_is_string(v))
		return mfr__rd_fail(rd, MFR_E_TYPE, "expected a %s key (a string), found %s",
			    what, mfr__rd_type_name(v));

	const char *key = json_string_value(v);
	int64_t at = mfr__model_find(rd->model, kind, key);

	if (at >= 0) {
		*out = (uint32_t)at;
		return MFR_OK;
	}

	char named[300];

	mfr__unknown_key(rd->model, kind, key, named, sizeof(named));
	return mfr__rd_fail(rd, MFR_E_REFERENCE,
		    "unknown %s %s; a reference must name one defined in the "
		    "\"%s\" section", what, named, mfr__name_of(&mfr__section_names, kind));
}

mfr_status_t mfr__rd_syntax_error(mfr_reader *rd, const json_error_t *je)
{
	/* jansson 2.14 fails some allocations without describing the error
	 * (empty text, code left as it was): that is out of memory too. */
	if (json_error_code(je) == json_error_out_of_memory || je->text[0] == '\0')
		return mfr__rd_nomem(rd);

	mfr_where where = { rd->source, "", je->line > 0 ? je->line : 0,
			    je->column > 0 ? je->column : 0,
			    je->position >= 0 ? (int64_t)je->position : -1 };
	return mfr__error_set(rd->err, MFR_E_SYNTAX, &where,
			      "%s:%d:%d: malformed JSON: %s; fix the document at "
			      "that place (byte %d)", rd->source, je->line,
			      je->column, je->text, je->position);
}

/* Nesting past MFR_JSON_MAX_DEPTH, reported at its first bracket. */
static mfr_status_t too_deep(mfr_reader *rd, const mfr_json_place *at, size_t bom)
{
	mfr_where where = { rd->source, "", at->line, at->column, at->offset + (int64_t)bom };

	return mfr__error_set(rd->err, MFR_E_RANGE, &where, "%s:%d:%d: arrays and objects "
			      "nest %d levels deep here, past the limit of %d (%s "
			      "needs far fewer): check the brackets", rd->source,
			      (int)at->line, (int)at->column, MFR_JSON_MAX_DEPTH + 1,
			      MFR_JSON_MAX_DEPTH, rd->what);
}

mfr_status_t mfr__rd_parse(mfr_reader *rd, const char *data, size_t size, json_t **out)
{
	json_error_t je;
	mfr_json_place at;
	/* A UTF-8 byte-order mark at the start (editors on Windows write
	 * one) is skipped, as RFC 8259 allows; a byte offset in an error still
	 * counts it, columns count characters after it. */
	size_t bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

	*out = NULL;
	if (size > rd->max_bytes)
		return mfr__rd_too_large(rd, rd->source, size);
	/* Before the parse: jansson would go 2,048 levels deep and then
	 * report only "maximum parsing depth reached". */
	if (mfr__json_too_deep(data + bom, size - bom, MFR_JSON_MAX_DEPTH, &at))
		return too_deep(rd, &at, bom);
	memset(&je, 0, sizeof(je));
	*out = json_loadb(data + bom, size - bom, JSON_REJECT_DUPLICATES, &je);
	if (*out) {
		rd->text = data + bom;
		rd->text_size = size - bom;
		rd->bom = bom;
		return MFR_OK;
	}
	if (je.position >= 0)
		je.position += (int)bom;
	return mfr__rd_syntax_error(rd, &je);
}
