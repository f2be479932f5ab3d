/*
 * libmfr - "did you mean" suggestions for unknown keys and members.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_SUGGEST_H
#define MFR_SUGGEST_H

#include <stddef.h>
#include <stdint.h>

/*
 * Up to @p max of the @p n candidates nearest to @p key, nearest first (ties
 * alphabetically), skipping any further away than a third of the longer
 * string (so unrelated words are not offered). Returns how many were written.
 * @p get returns candidate i.
 */
uint32_t mfr__suggest(const char *key, const void *cands, size_t n,
		      const char *(*get)(const void *cands, size_t i),
		      const char **out, uint32_t max);

/* Format up to three suggestions as ' (did you mean "a" or "b"?)', or "". */
void mfr__suggest_text(const char *const *sugg, uint32_t n, char *buf, size_t size);

#endif /* MFR_SUGGEST_H */
