/*
 * libmfr - the built-in default model: the model generated as C at build
 * time (lib/snapshot.h), ready without parsing JSON.
 * SPDX-License-Identifier: MIT
 */
#include "error.h"
#include "snapshot.h"

MFR_EXPORT mfr_status_t mfr_model_default(mfr_model **out, mfr_error **err)
{
	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_model_default: out is NULL");
	/* A new copy each call, with one reference: the caller's. */
	if (mfr__snapshot_open(&mfr__default_model, out) != MFR_OK)
		return mfr__error_nomem(err);
	return MFR_OK;
}

MFR_EXPORT const char *mfr_model_default_text(size_t *size)
{
	if (size)
		*size = mfr__default_model_text_size;
	return (const char *)mfr__default_model_text;
}
