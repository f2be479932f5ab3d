/*
 * libmfr - building JSON output: small helpers shared by every writer.
 * SPDX-License-Identifier: MIT
 *
 * Builders return non-zero (or NULL) when memory runs out; a failure
 * anywhere in a tree makes the whole output fail with MFR_E_NOMEM. That is
 * the only cause left, so it is the true one: strings go through
 * mfr__jw_string(), which writes one that is not UTF-8 repaired rather than
 * fail (jansson refuses such strings); keys are the library's own names;
 * numbers are finite. The put and append helpers take ownership of
 * @p value even when they fail, and accept a NULL container or value
 * (reporting failure), so a tree can be built with `rc |= ...` and checked
 * once.
 */
#ifndef MFR_JSON_WRITER_H
#define MFR_JSON_WRITER_H

#include <jansson.h>
#include <stdint.h>

#include "mfr/common.h"
#include "names.h"

/* A JSON string of @p s (NULL for NULL, or when memory runs out). Bytes
 * that are not UTF-8 are written as '?'. */
json_t *mfr__jw_string(const char *s);
int mfr__jw_put(json_t *obj, const char *name, json_t *value);
int mfr__jw_put_str(json_t *obj, const char *name, const char *s);
/* Only when @p s is non-empty. */
int mfr__jw_put_opt_str(json_t *obj, const char *name, const char *s);
/* `true`, only when @p flag is set. */
int mfr__jw_put_flag(json_t *obj, const char *name, int flag);
/* The name of @p v in @p names. */
int mfr__jw_put_name(json_t *obj, const char *name, const mfr_names *names, int v);
int mfr__jw_append(json_t *arr, json_t *value);
/* The names of the bits set in @p mask, in table order. */
json_t *mfr__jw_mask(const mfr_names *names, uint32_t mask);

/*
 * Serialize @p doc (taking ownership; NULL means memory ran out) into a
 * string from the library's allocator: indented with a final newline, or
 * on one line with MFR_JSON_COMPACT. Fails with MFR_E_NOMEM when memory
 * runs out, and with MFR_E_INVALID naming the place when jansson refuses a
 * value (which the builders never make; a bug to report).
 */
mfr_status mfr__jw_dump(json_t *doc, uint32_t flags, char **out, mfr_error **err);

#endif /* MFR_JSON_WRITER_H */
