/*
 * libmfr - message tables and messages (mfr/messages.h): the layout, and
 * how the library builds and writes its messages.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_MESSAGES_PRIVATE_H
#define MFR_MESSAGES_PRIVATE_H

#include <stdint.h>

#include "arena.h"
#include "mfr/messages.h"
#include "text.h"
#include "textbuf.h"

/* One code and its template. */
typedef struct mfr__msg_entry {
	const char *code;
	const char *text;
} mfr__msg_entry;

struct mfr_messages {
	const char *language;
	uint32_t count;
	const mfr__msg_entry *entries; /* sorted by code (strcmp) */
	uint32_t missing_count;        /* the default table's codes it lacks */
	const char *const *missing;    /* sorted */
	int is_static;                 /* the built-in table: never freed */
	mfr_arena arena;               /* a loaded table's memory */
};

/* The built-in English table, generated from lib/data/messages-en.json at
 * build time (lib/data/messages-tool.c). */
extern const mfr_messages mfr__messages_en;

/* One parameter of a message as given to MFR__MSG(): text, a number or
 * another message. */
typedef struct mfr__arg {
	const char *name;
	const char *text;
	const mfr_message *msg;
	long long num;
	int kind; /* MFR__ARG_* */
} mfr__arg;

enum { MFR__ARG_TEXT, MFR__ARG_NUM, MFR__ARG_MSG, MFR__ARG_KEPT };

/* One parameter of a message as kept: text or a message. */
typedef struct mfr__msg_arg {
	const char *name;
	const char *text;
	const mfr_message *msg;
} mfr__msg_arg;

struct mfr_message {
	const char *code; /* static: a code of the default table */
	uint32_t argc;
	const mfr__msg_arg *args;
};

/* Parameters for MFR__MSG(): text (copied), text that outlives the message
 * (a static string, or the model's, which every plan holds: not copied),
 * a number, a message (a NULL message, from an allocation that failed,
 * fails the new message). */
#define MFR__A(name, text) { (name), (text), NULL, 0, MFR__ARG_TEXT }
#define MFR__S(name, text) { (name), (text), NULL, 0, MFR__ARG_KEPT }
#define MFR__N(name, n) { (name), NULL, NULL, (long long)(n), MFR__ARG_NUM }
#define MFR__M(name, msg) { (name), NULL, (msg), 0, MFR__ARG_MSG }

/* A new message in @p arena, copying its texts; NULL when memory runs out
 * (or a message parameter is NULL). @p code must be static. */
const mfr_message *mfr__msg_new(mfr_arena *arena, const char *code, const mfr__arg *args,
				uint32_t count);
#define MFR__MSG(arena, code, ...)                                              \
	mfr__msg_new((arena), (code), (const mfr__arg[]){ __VA_ARGS__ },        \
		     (uint32_t)(sizeof((const mfr__arg[]){ __VA_ARGS__ }) /     \
				sizeof(mfr__arg)))
#define MFR__MSG0(arena, code) mfr__msg_new((arena), (code), NULL, 0)
/* The empty message (code "empty", ""): a phrase left out. Static, so
 * that a default that is then replaced allocates nothing. */
extern const mfr_message mfr__msg_empty;

/* The template of @p code in @p table (NULL: the default), else in the
 * default table; "" for a code neither holds (a library bug, which the
 * tests rule out). */
const char *mfr__msg_template(const mfr_messages *table, const char *code);

/* Write message @p m, or the template of @p code filled with no
 * parameters, with @p table (NULL: the default). */
void mfr__msg_text(mfr_text *t, const mfr_messages *table, const mfr_message *m);
void mfr__msg_tb(mfr_tb *t, const mfr_messages *table, const mfr_message *m);
void mfr__msg_put(mfr_tb *t, const mfr_messages *table, const char *code);

/* The template of @p code filled from @p count name/value pairs (all
 * text), into @p t; a parameter not given is written as "". */
void mfr__msg_fill(mfr_tb *t, const mfr_messages *table, const char *code,
		   const char *const *names, const char *const *values, uint32_t count);

/* The template of @p code filled with the name/value pairs that follow
 * (all text), into mfr_tb @p t. */
#define MFR__FILL(t, msgs, code, ...)                                           \
	do {                                                                    \
		const char *const kv_[] = { __VA_ARGS__ };                      \
		const char *names_[sizeof(kv_) / sizeof(*kv_) / 2];             \
		const char *values_[sizeof(kv_) / sizeof(*kv_) / 2];            \
		for (size_t i_ = 0; i_ < sizeof(kv_) / sizeof(*kv_) / 2; i_++) { \
			names_[i_] = kv_[2 * i_];                               \
			values_[i_] = kv_[2 * i_ + 1];                          \
		}                                                               \
		mfr__msg_fill((t), (msgs), (code), names_, values_,             \
			      (uint32_t)(sizeof(kv_) / sizeof(*kv_) / 2));      \
	} while (0)

/* Parse one piece of a template at @p s: 0 at the end; 1 with literal text
 * (*len bytes at *start); 2 with a parameter (its name, *len bytes at
 * *start); -1 on a malformed brace (at *start). Advances *s past it. */
int mfr__tmpl_next(const char **s, const char **start, size_t *len);

#endif /* MFR_MESSAGES_PRIVATE_H */
