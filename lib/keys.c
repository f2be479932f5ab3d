/*
 * libmfr - a list of keys an options object owns (keys.h).
 * SPDX-License-Identifier: MIT
 */
#include "keys.h"

#include <string.h>

#include "alloc.h"

mfr_status_t mfr__keys_add(char ***list, uint32_t *count, uint32_t max, const char *key)
{
	if (!key)
		return MFR_E_INVALID;
	if (!*key || strlen(key) > MFR_KEYS_MAX_LEN || *count >= max)
		return MFR_E_RANGE;
	char **grown = mfr__realloc(*list, ((size_t)*count + 1) * sizeof(*grown));
	if (!grown)
		return MFR_E_NOMEM;
	*list = grown;
	grown[*count] = mfr__strdup(key);
	if (!grown[*count])
		return MFR_E_NOMEM;
	(*count)++;
	return MFR_OK;
}

void mfr__keys_free(char **list, uint32_t count)
{
	for (uint32_t i = 0; i < count; i++)
		mfr__free(list[i]);
	mfr__free(list);
}
