/*
 * libmfr - the built-in default model: ready by copying and relocating the
 * snapshot prepared at build time (lib/snapshot.h), not by parsing JSON.
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
	if (mfr__snapshot_load(mfr__default_snapshot, mfr__default_snapshot_size,
			       mfr__default_relocs, mfr__default_reloc_count, out) != MFR_OK)
		return mfr__error_nomem(err);
	/* A new copy each call, with one reference: the caller's. */
	mfr__model_init_refs(*out);
	return MFR_OK;
}

MFR_EXPORT const char *mfr_model_default_text(size_t *size)
{
	if (size)
		*size = mfr__default_model_size;
	return (const char *)mfr__default_model_text;
}
