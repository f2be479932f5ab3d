/*
 * libmfr - a model of its own from a generated one (lib/snapshot.h).
 * SPDX-License-Identifier: MIT
 */
#include "snapshot.h"

#include <string.h>

#include "alloc.h"

mfr_status_t mfr__snapshot_open(const mfr_model *snapshot, mfr_model **out)
{
	mfr_model *m = mfr__malloc(sizeof(*m));

	if (!m)
		return MFR_E_NOMEM;
	memcpy(m, snapshot, sizeof(*m));
	/* Everything it points to is the snapshot's, static and read-only:
	 * its arena owns nothing, so mfr_model_free() frees the struct alone. */
	memset(&m->arena, 0, sizeof(m->arena));
	mfr__model_init_refs(m); /* a new copy, with one reference: the caller's */
	*out = m;
	return MFR_OK;
}
