/*
 * libmfr - message tables (mfr/messages.h): the built-in English table,
 * tables loaded from files, and writing a message with a table.
 * SPDX-License-Identifier: MIT
 *
 * A template is text in which "{name}" stands for a parameter and "{{" for
 * a literal "{". The parameters a code has are those its English template
 * names: a loaded template may name those (in any order, any number of
 * times, or not at all) and no other.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "error.h"
#include "file.h"
#include "json-reader.h"
#include "messages-private.h"
#include "suggest.h"

#define FORMAT_NAME "libmfr-messages"
#define FORMAT_VERSION 1
#define MAX_LANGUAGE 35

/* ---- templates ------------------------------------------------------------ */

int mfr__tmpl_next(const char **s, const char **start, size_t *len)
{
	const char *p = *s;

	if (!*p)
		return 0;
	if (p[0] == '{' && p[1] == '{') {
		*start = p;
		*len = 1;
		*s = p + 2;
		return 1;
	}
	if (p[0] == '{') {
		const char *q = p + 1;

		while ((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == '_')
			q++;
		if (*q != '}' || q == p + 1 || !(p[1] >= 'a' && p[1] <= 'z')) {
			*start = p;
			return -1;
		}
		*start = p + 1;
		*len = (size_t)(q - p - 1);
		*s = q + 1;
		return 2;
	}
	const char *q = strchr(p, '{');

	*start = p;
	*len = q ? (size_t)(q - p) : strlen(p);
	*s = p + *len;
	return 1;
}

/* Whether template @p tmpl names parameter @p name (@p len bytes). */
static int names_param(const char *tmpl, const char *name, size_t len)
{
	const char *start;
	size_t n;
	int k;

	while ((k = mfr__tmpl_next(&tmpl, &start, &n)) > 0)
		if (k == 2 && n == len && memcmp(start, name, len) == 0)
			return 1;
	return 0;
}

/* Whether a parameter @p name (@p len bytes) comes in @p tmpl before @p end. */
static int names_param_before(const char *tmpl, const char *end, size_t len)
{
	const char *start;
	size_t n;
	int k;

	while (tmpl < end && (k = mfr__tmpl_next(&tmpl, &start, &n)) > 0)
		if (k == 2 && start < end && n == len && memcmp(start, end, len) == 0)
			return 1;
	return 0;
}

/* ---- lookup --------------------------------------------------------------- */

static int cmp_entry(const void *key, const void *e)
{
	return strcmp(key, ((const mfr__msg_entry *)e)->code);
}

static const char *lookup(const mfr_messages *t, const char *code)
{
	const mfr__msg_entry *e = bsearch(code, t->entries, t->count, sizeof(*e), cmp_entry);

	return e ? e->text : NULL;
}

const char *mfr__msg_template(const mfr_messages *table, const char *code)
{
	const char *s = table ? lookup(table, code) : NULL;

	if (!s)
		s = lookup(&mfr__messages_en, code);
	return s ? s : "";
}

/* ---- writing -------------------------------------------------------------- */

/* Where a message goes: a fixed buffer or a growing one. */
typedef struct sink {
	mfr_text *text;
	mfr_tb *tb;
} sink;

static void put(sink *k, const char *s, size_t n)
{
	if (k->text)
		mfr__text_putn(k->text, s, n);
	else
		mfr__tb_putn(k->tb, s, n);
}

static void write_msg(sink *k, const mfr_messages *table, const mfr_message *m)
{
	const char *s = mfr__msg_template(table, m->code), *start;
	size_t n;
	int kind;

	while ((kind = mfr__tmpl_next(&s, &start, &n)) != 0) {
		if (kind < 0) { /* ruled out when a table loads */
			put(k, start, strlen(start));
			return;
		}
		if (kind == 1) {
			put(k, start, n);
			continue;
		}
		for (uint32_t i = 0; i < m->argc; i++) {
			const mfr__msg_arg *a = &m->args[i];

			if (strlen(a->name) != n || memcmp(a->name, start, n) != 0)
				continue;
			if (a->msg)
				write_msg(k, table, a->msg);
			else
				put(k, a->text, strlen(a->text));
			break;
		}
	}
}

void mfr__msg_text(mfr_text *t, const mfr_messages *table, const mfr_message *m)
{
	sink k = { t, NULL };

	write_msg(&k, table, m);
}

void mfr__msg_tb(mfr_tb *t, const mfr_messages *table, const mfr_message *m)
{
	sink k = { NULL, t };

	write_msg(&k, table, m);
}

void mfr__msg_put(mfr_tb *t, const mfr_messages *table, const char *code)
{
	mfr_message m = { code, 0, NULL };

	mfr__msg_tb(t, table, &m);
}

void mfr__msg_fill(mfr_tb *t, const mfr_messages *table, const char *code,
		   const char *const *names, const char *const *values, uint32_t count)
{
	const char *s = mfr__msg_template(table, code), *start;
	size_t n;
	int kind;

	while ((kind = mfr__tmpl_next(&s, &start, &n)) != 0) {
		if (kind < 0) {
			mfr__tb_put(t, start);
			return;
		}
		if (kind == 1) {
			mfr__tb_putn(t, start, n);
			continue;
		}
		for (uint32_t i = 0; i < count; i++)
			if (strlen(names[i]) == n && memcmp(names[i], start, n) == 0) {
				mfr__tb_put(t, values[i]);
				break;
			}
	}
}

/* ---- building messages ---------------------------------------------------- */

const mfr_message mfr__msg_empty = { "empty", 0, NULL };

const mfr_message *mfr__msg_new(mfr_arena *arena, const char *code, const mfr__arg *args,
				uint32_t count)
{
	/* Only the parameters the code's English template names: a caller
	 * may give one for every variant of a sentence. */
	const char *s = mfr__msg_template(NULL, code), *start, *names[16];
	size_t lens[16], n;
	uint32_t nnames = 0, kept = 0;
	int kind;

	while ((kind = mfr__tmpl_next(&s, &start, &n)) > 0)
		if (kind == 2 && nnames < 16) {
			names[nnames] = start;
			lens[nnames++] = n;
		}
	mfr_message *m = mfr__arena_alloc(arena, sizeof(*m));
	mfr__msg_arg *copy = count ? mfr__arena_alloc(arena, count * sizeof(*copy)) : NULL;

	if (!m || (count && !copy))
		return NULL;
	for (uint32_t k = 0; k < count; k++) {
		const mfr__arg *in = &args[k];
		mfr__msg_arg *out = &copy[kept];
		size_t len = strlen(in->name);
		uint32_t i = 0;
		char num[24];

		if (in->kind == MFR__ARG_MSG && !in->msg)
			return NULL; /* a phrase that could not be made */
		while (i < nnames && (lens[i] != len || memcmp(names[i], in->name, len) != 0))
			i++;
		if (i == nnames)
			continue;
		kept++;
		out->name = in->name;
		if (in->kind == MFR__ARG_MSG) {
			out->msg = in->msg;
		} else if (in->kind == MFR__ARG_KEPT) {
			out->text = in->text ? in->text : "";
		} else {
			if (in->kind == MFR__ARG_NUM)
				mfr__format(num, sizeof(num), "%lld", in->num);
			out->text = mfr__arena_strdup(arena, in->kind == MFR__ARG_NUM ? num
						      : in->text ? in->text : "");
			if (!out->text)
				return NULL;
		}
	}
	*m = (mfr_message){ code, kept, copy };
	return m;
}

/* ---- loading -------------------------------------------------------------- */

static int cmp_entries(const void *a, const void *b)
{
	return strcmp(((const mfr__msg_entry *)a)->code, ((const mfr__msg_entry *)b)->code);
}

static const char *code_at(const void *cands, size_t i)
{
	return ((const mfr__msg_entry *)cands)[i].code;
}

/* Check template @p text of @p code (its English template @p en). */
static mfr_status_t check_template(mfr_reader *rd, const char *code, const char *text,
				   const char *en)
{
	const char *s = text, *start;
	size_t n;
	int kind;

	while ((kind = mfr__tmpl_next(&s, &start, &n)) != 0) {
		if (kind < 0)
			return mfr__rd_fail(rd, MFR_E_CONSTRAINT, "a \"{\" at byte %zu of the "
					    "template starts neither a parameter (\"{name}\", "
					    "lower-case letters, digits and \"_\") nor a literal "
					    "brace (write \"{{\")", (size_t)(start - text));
		if (kind == 2 && !names_param(en, start, n)) {
			char list[512];
			mfr_text t;
			const char *e = en, *es;
			size_t en_n;
			int ek, any = 0;

			mfr__text_init(&t, list, sizeof(list));
			while ((ek = mfr__tmpl_next(&e, &es, &en_n)) > 0)
				if (ek == 2 && !names_param_before(en, es, en_n)) {
					mfr__text_add(&t, "%s{%.*s}", any ? ", " : "", (int)en_n, es);
					any = 1;
				}
			return mfr__rd_fail(rd, MFR_E_REFERENCE, "the template names {%.*s}, a "
					    "parameter \"%s\" does not have; its parameters are %s "
					    "(the English template: doc/messages.md lists them)",
					    (int)n, start, code, any ? list : "none");
		}
	}
	return MFR_OK;
}

static const char *const top_members[] = {
	"format", "format_version", "language", "description", "messages", NULL
};

/* Fill @p t from the parsed document @p root. */
static mfr_status_t load_document(mfr_reader *rd, json_t *root, mfr_messages *t)
{
	const mfr_messages *en = &mfr__messages_en;
	json_t *v, *msgs;
	const char *key;

	if (!json_is_object(root))
		return mfr__rd_fail(rd, MFR_E_TYPE, "a message table is a JSON object, found %s",
				    mfr__rd_type_name(root));
	TRY(mfr__rd_member(rd, root, "format", 1, JSON_STRING,
			   "the string \"" FORMAT_NAME "\"", &v));
	if (strcmp(json_string_value(v), FORMAT_NAME) != 0) {
		mfr__rd_push(rd, "format");
		return mfr__rd_fail(rd, MFR_E_VERSION, "\"%s\" is not a libmfr message table; "
				    "the \"format\" member must be \"" FORMAT_NAME "\"",
				    json_string_value(v));
	}
	TRY(mfr__rd_member(rd, root, "format_version", 1, JSON_INTEGER, "an integer", &v));
	if (json_integer_value(v) != FORMAT_VERSION) {
		mfr__rd_push(rd, "format_version");
		return mfr__rd_fail(rd, MFR_E_VERSION, "format version %" JSON_INTEGER_FORMAT
				    " is not supported; this libmfr reads version %d",
				    json_integer_value(v), FORMAT_VERSION);
	}
	TRY(mfr__rd_check_members(rd, root, top_members, "a message table"));
	TRY(mfr__rd_str(rd, root, "language", 1, NULL, &t->language));
	if (strlen(t->language) > MAX_LANGUAGE ||
	    strspn(t->language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
	    != strlen(t->language)) {
		mfr__rd_push(rd, "language");
		return mfr__rd_fail(rd, MFR_E_RANGE, "\"%s\" is not a language tag: use a BCP 47 "
				    "tag such as \"es\" or \"pt-BR\" (letters, digits and "
				    "\"-\", at most %d characters)", t->language, MAX_LANGUAGE);
	}
	TRY(mfr__rd_member(rd, root, "messages", 1, JSON_OBJECT, "an object", &msgs));
	size_t n = json_object_size(msgs), i = 0;
	mfr__msg_entry *e = mfr__rd_alloc(rd, n ? n : 1, sizeof(*e));

	if (!e)
		return mfr__rd_nomem(rd);
	mfr__rd_push(rd, "messages");
	json_object_foreach(msgs, key, v) {
		size_t mark = mfr__rd_push(rd, ".%s", key);
		const char *english = lookup(en, key);

		if (!english) {
			const char *sugg[3];
			char hint[256];
			uint32_t ns = mfr__suggest(key, en->entries, en->count, code_at, sugg, 3);

			mfr__suggest_text(sugg, ns, hint, sizeof(hint));
			return mfr__rd_fail(rd, MFR_E_UNKNOWN, "\"%s\" is not a message code of "
					    "this libmfr%s; the codes are those of its English "
					    "table (share/libmfr/messages-en.json, doc/messages.md)",
					    key, hint);
		}
		if (!json_is_string(v))
			return mfr__rd_fail(rd, MFR_E_TYPE, "a template is a string, found %s",
					    mfr__rd_type_name(v));
		TRY(check_template(rd, key, json_string_value(v), english));
		TRY(mfr__rd_copy(rd, key, &e[i].code));
		TRY(mfr__rd_copy(rd, json_string_value(v), &e[i].text));
		i++;
		mfr__rd_pop(rd, mark);
	}
	qsort(e, n, sizeof(*e), cmp_entries);
	t->entries = e;
	t->count = (uint32_t)n;

	const char **missing = mfr__rd_alloc(rd, en->count, sizeof(*missing));
	if (!missing)
		return mfr__rd_nomem(rd);
	/* A code whose English is "" (a phrase left out) has nothing to
	 * translate: never missing. */
	for (uint32_t k = 0; k < en->count; k++)
		if (en->entries[k].text[0] && !lookup(t, en->entries[k].code))
			missing[t->missing_count++] = en->entries[k].code;
	t->missing = missing;
	return MFR_OK;
}

static mfr_status_t parse(const char *data, size_t size, const char *name,
			  mfr_messages **out, mfr_error **err)
{
	mfr_messages *t = mfr__calloc(1, sizeof(*t));
	json_t *root = NULL;
	mfr_status_t st;

	if (!t)
		return mfr__error_nomem(err);
	mfr_reader rd = { .err = err, .source = name ? name : "<buffer>",
			  .arena = &t->arena, .what = "a message table",
			  .fix = "a table of every message takes about 40 KiB",
			  .max_bytes = MFR_MESSAGES_MAX_BYTES };
	st = mfr__rd_parse(&rd, data, size, &root);
	if (st == MFR_OK) {
		st = load_document(&rd, root, t);
		json_decref(root);
	}
	if (st != MFR_OK) {
		mfr__arena_release(&t->arena);
		mfr__free(t);
		return st;
	}
	*out = t;
	return MFR_OK;
}

/* ---- the public API ------------------------------------------------------- */

MFR_EXPORT const mfr_messages *mfr_messages_default(void)
{
	return &mfr__messages_en;
}

MFR_EXPORT mfr_status_t mfr_messages_load_buffer(const char *data, size_t size,
					       const char *name, mfr_messages **out,
					       mfr_error **err)
{
	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!data || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_messages_load_buffer: %s is NULL",
				      !data ? "data" : "out");
	return parse(data, size, name, out, err);
}

MFR_EXPORT mfr_status_t mfr_messages_load_file(const char *path, mfr_messages **out,
					     mfr_error **err)
{
	char *data = NULL;
	size_t size = 0;
	mfr_status_t st;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!path || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_messages_load_file: %s is NULL",
				      !path ? "path" : "out");
	st = mfr__read_file(path, (size_t)MFR_MESSAGES_MAX_BYTES + 1, &data, &size, err);
	if (st != MFR_OK)
		return st;
	st = parse(data, size, path, out, err);
	mfr__free(data);
	return st;
}

MFR_EXPORT void mfr_messages_free(mfr_messages *messages)
{
	if (!messages || messages->is_static)
		return;
	mfr__arena_release(&messages->arena);
	mfr__free(messages);
}

MFR_EXPORT const char *mfr_messages_language(const mfr_messages *messages)
{
	return messages ? messages->language : NULL;
}

MFR_EXPORT uint32_t mfr_messages_count(const mfr_messages *messages)
{
	return messages ? messages->count : 0;
}

MFR_EXPORT const char *mfr_messages_code_at(const mfr_messages *messages, uint32_t index)
{
	return messages && index < messages->count ? messages->entries[index].code : NULL;
}

MFR_EXPORT const char *mfr_messages_get(const mfr_messages *messages, const char *code)
{
	return messages && code ? lookup(messages, code) : NULL;
}

MFR_EXPORT uint32_t mfr_messages_missing_count(const mfr_messages *messages)
{
	return messages ? messages->missing_count : 0;
}

MFR_EXPORT const char *mfr_messages_missing_at(const mfr_messages *messages, uint32_t index)
{
	return messages && index < messages->missing_count ? messages->missing[index] : NULL;
}

MFR_EXPORT mfr_status_t mfr_messages_format(const mfr_messages *messages, const char *code,
					  uint32_t count, const char *const *names,
					  const char *const *values, char **out,
					  mfr_error **err)
{
	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!code || !out || (count && (!names || !values)))
		return mfr__error_set(err, MFR_E_INVALID, NULL, "mfr_messages_format: %s is NULL",
				      !code ? "code" : !out ? "out" : !names ? "names" : "values");
	const char *english = lookup(&mfr__messages_en, code);
	if (!english)
		return mfr__error_set(err, MFR_E_UNKNOWN, NULL, "mfr_messages_format: \"%s\" is "
				      "not a message code of this libmfr; mfr_messages_code_at() "
				      "on mfr_messages_default() lists them", code);
	for (uint32_t i = 0; i < count; i++)
		if (!names[i] || !values[i])
			return mfr__error_set(err, MFR_E_INVALID, NULL, "mfr_messages_format: "
					      "parameter %u has a NULL %s", i,
					      !names[i] ? "name" : "value");
	const char *s = mfr__msg_template(messages, code), *start;
	size_t n;
	int kind;

	while ((kind = mfr__tmpl_next(&s, &start, &n)) != 0) {
		uint32_t i = 0;

		if (kind != 2)
			continue;
		while (i < count && (strlen(names[i]) != n || memcmp(names[i], start, n) != 0))
			i++;
		if (i == count)
			return mfr__error_set(err, MFR_E_MISSING, NULL, "mfr_messages_format: the "
					      "template of \"%s\" names {%.*s}: give a value for "
					      "it", code, (int)n, start);
	}
	mfr_tb t;

	mfr__tb_init(&t);
	mfr__msg_fill(&t, messages, code, names, values, count);
	return mfr__tb_finish(&t, out, NULL, err);
}

/* ---- one message ---------------------------------------------------------- */

MFR_EXPORT const char *mfr_message_code(const mfr_message *message)
{
	return message ? message->code : NULL;
}

MFR_EXPORT uint32_t mfr_message_arg_count(const mfr_message *message)
{
	return message ? message->argc : 0;
}

MFR_EXPORT const char *mfr_message_arg_name(const mfr_message *message, uint32_t index)
{
	return message && index < message->argc ? message->args[index].name : NULL;
}

MFR_EXPORT const char *mfr_message_arg_value(const mfr_message *message, uint32_t index)
{
	return message && index < message->argc ? message->args[index].text : NULL;
}

MFR_EXPORT const mfr_message *mfr_message_arg_message(const mfr_message *message,
						      uint32_t index)
{
	return message && index < message->argc ? message->args[index].msg : NULL;
}

MFR_EXPORT mfr_status_t mfr_message_render(const mfr_message *message,
					 const mfr_messages *messages, char **out,
					 mfr_error **err)
{
	mfr_tb t;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!message || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL, "mfr_message_render: %s is NULL",
				      !message ? "message" : "out");
	mfr__tb_init(&t);
	mfr__msg_tb(&t, messages, message);
	return mfr__tb_finish(&t, out, NULL, err);
}
