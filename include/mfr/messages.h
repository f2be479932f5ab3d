/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/messages.h
 * @brief Message tables: every sentence libmfr writes for a person, keyed by
 *        a stable code, so that a clinic can ship another language.
 *
 * A plan's warnings, its steps' rationales and the fixed sentences of the
 * text, SOAP and handout outputs are each a *message*: a stable code
 * ("warning.refer_out.absolute") and named parameters (the values that fill
 * it: a precaution's name, a number of minutes). A *message table* maps
 * each code to a template in one language, in which `{name}` stands for a
 * parameter and `{{` for a literal brace. The English table is built in
 * (mfr_messages_default()); others load from a file in the format of
 * doc/messages.md, which is also how the English one is shipped
 * (`share/libmfr/messages-en.json`) for a translator to copy.
 *
 * A loaded table need not hold every code: a message whose code it lacks
 * is written in English, and mfr_messages_missing_count() /
 * mfr_messages_missing_at() list those codes. A code the library does not
 * know, or a template that names a parameter its code does not have, is a
 * load error.
 *
 * Threading: a table is never changed once loaded, so any number of
 * threads may read one at once; it must not be freed while one still does.
 * The default table is static and never freed.
 */
#ifndef MFR_MESSAGES_H
#define MFR_MESSAGES_H

#include "mfr/common.h"

MFR_BEGIN_DECLS

/**
 * @defgroup messages Message tables
 * @{
 */

/** A message table: one template per code, in one language. @since 0.2.0 */
typedef struct mfr_messages mfr_messages;
/** One message: a code and its parameters, a handle borrowed from what
 * carries it (a plan's warning, a step's rationale). @since 0.2.0 */
typedef struct mfr_message mfr_message;

/** The largest message file read, in bytes (4 MiB): more is #MFR_E_RANGE. @since 0.2.0 */
#define MFR_MESSAGES_MAX_BYTES (4 * 1024 * 1024)

/**
 * The built-in English table: every code the library writes.
 *
 * @return the table; never NULL. It is static: never free it.
 * @since 0.2.0
 */
MFR_EXPORT const mfr_messages *mfr_messages_default(void);

/**
 * Load a message table from a file in the format of doc/messages.md.
 *
 * @param path the file to read.
 * @param[out] out receives the table, or NULL on failure; free it with
 *        mfr_messages_free().
 * @param[out] err optional; receives what went wrong, where (the file, line
 *        and column, and the JSON path) and how to fix it.
 * @return #MFR_OK; #MFR_E_INVALID for NULL arguments; #MFR_E_IO if the file
 *         cannot be read; #MFR_E_NOMEM; #MFR_E_SYNTAX (not JSON);
 *         #MFR_E_VERSION (another format, or a format version this library
 *         does not read); #MFR_E_TYPE, #MFR_E_MISSING; #MFR_E_UNKNOWN (a code
 *         the library does not know, a member the format does not have);
 *         #MFR_E_REFERENCE (a template names a parameter its code does not
 *         have); #MFR_E_CONSTRAINT (a template's braces are malformed);
 *         #MFR_E_RANGE (larger than #MFR_MESSAGES_MAX_BYTES, or nested
 *         deeper than #MFR_JSON_MAX_DEPTH).
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_messages_load_file(const char *path, mfr_messages **out,
					     mfr_error **err);

/**
 * Load a message table from memory. As mfr_messages_load_file().
 *
 * @param data the document (need not be NUL-terminated).
 * @param size its size in bytes.
 * @param name what to call it in error messages, or NULL ("<buffer>").
 * @param[out] out receives the table, or NULL on failure.
 * @param[out] err optional; receives the error detail on failure.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_messages_load_buffer(const char *data, size_t size,
					       const char *name, mfr_messages **out,
					       mfr_error **err);

/** Free a loaded table; NULL and the default table are accepted (and left alone). @since 0.2.0 */
MFR_EXPORT void mfr_messages_free(mfr_messages *messages);

/** The table's language tag ("en", "es-MX"), or NULL for NULL; lives as long as the table. @since 0.2.0 */
MFR_EXPORT const char *mfr_messages_language(const mfr_messages *messages);

/** How many codes the table holds (0 for NULL). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_messages_count(const mfr_messages *messages);
/** The @p index -th code of the table, in byte order; NULL past the end. @since 0.2.0 */
MFR_EXPORT const char *mfr_messages_code_at(const mfr_messages *messages, uint32_t index);

/**
 * The template of @p code in the table.
 *
 * @return the template (lives as long as the table), or NULL when the table
 *         does not hold the code (a loaded table then writes it in English)
 *         or either argument is NULL.
 * @since 0.2.0
 */
MFR_EXPORT const char *mfr_messages_get(const mfr_messages *messages, const char *code);

/** How many of the default table's codes a loaded table lacks, leaving out those whose English is empty (0 for the default and NULL). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_messages_missing_count(const mfr_messages *messages);
/** The @p index -th code the table lacks, in byte order; NULL past the end. @since 0.2.0 */
MFR_EXPORT const char *mfr_messages_missing_at(const mfr_messages *messages, uint32_t index);

/**
 * Fill the template of @p code with named parameters.
 *
 * @param messages the table, or NULL for the default one; a code it lacks
 *        is taken from the default table.
 * @param code a code of the default table.
 * @param count how many parameters follow.
 * @param names the parameters' names (without braces).
 * @param values their values, text put in as is.
 * @param[out] out receives the text; free it with mfr_free().
 * @param[out] err optional; receives the error detail on failure.
 * @return #MFR_OK; #MFR_E_INVALID for NULL arguments (@p names and
 *         @p values may be NULL when @p count is 0); #MFR_E_UNKNOWN for a
 *         code the library does not know; #MFR_E_MISSING when the template
 *         names a parameter not given; #MFR_E_NOMEM. A parameter given but
 *         not named by the template is ignored.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_messages_format(const mfr_messages *messages, const char *code,
					  uint32_t count, const char *const *names,
					  const char *const *values, char **out,
					  mfr_error **err);

/** @name One message
 * A message a plan carries: its code and its parameters. A parameter's
 * value is text (a name from the model, a number) or another message (a
 * phrase of the sentence that the table also translates, or "" when the
 * phrase is left out), never both.
 * @{ */
/** The message's code ("warning.refer_out.absolute"), or NULL for NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_message_code(const mfr_message *message);
/** How many parameters the message has (0 for NULL). @since 0.2.0 */
MFR_EXPORT uint32_t mfr_message_arg_count(const mfr_message *message);
/** The name of the @p index -th parameter ("precaution"), or NULL past the end. @since 0.2.0 */
MFR_EXPORT const char *mfr_message_arg_name(const mfr_message *message, uint32_t index);
/** The text value of the @p index -th parameter, or NULL when its value is a message (or past the end). @since 0.2.0 */
MFR_EXPORT const char *mfr_message_arg_value(const mfr_message *message, uint32_t index);
/** The message value of the @p index -th parameter, or NULL when its value is text (or past the end). @since 0.2.0 */
MFR_EXPORT const mfr_message *mfr_message_arg_message(const mfr_message *message,
						      uint32_t index);
/**
 * The message written with a table.
 *
 * @param message the message.
 * @param messages the table, or NULL for the default one (the text of
 *        mfr_plan_warning_text() and mfr_plan_step_rationale()).
 * @param[out] out receives the text; free it with mfr_free().
 * @param[out] err optional; receives the error detail on failure.
 * @return #MFR_OK; #MFR_E_INVALID for NULL @p message or @p out; #MFR_E_NOMEM.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_message_render(const mfr_message *message,
					 const mfr_messages *messages, char **out,
					 mfr_error **err);
/** @} */

/** @} */

MFR_END_DECLS

#endif /* MFR_MESSAGES_H */
