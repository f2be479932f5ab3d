/*
 * libmfr - a list of keys an options object owns (the lines a trace may
 * follow, the techniques a plan prefers), resolved against a model when it
 * runs.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_KEYS_H
#define MFR_KEYS_H

#include <stdint.h>

#include "mfr/common.h"

/* Keys are 1 to MFR_KEYS_MAX_LEN bytes, as model keys are. */
#define MFR_KEYS_MAX_LEN 63

/*
 * Append a copy of @p key to *list (*count entries), at most @p max of them.
 * Returns MFR_OK, MFR_E_INVALID (NULL key), MFR_E_RANGE (empty, too long,
 * or the list is full) or MFR_E_NOMEM (the list is unchanged).
 */
mfr_status_t mfr__keys_add(char ***list, uint32_t *count, uint32_t max, const char *key);

/* Free every key and the list. */
void mfr__keys_free(char **list, uint32_t count);

#endif
