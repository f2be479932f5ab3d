/*
 * libmfr - the default model as a prepared snapshot: built once at build
 * time, made ready at run time by one copy and a pass of relocations,
 * instead of parsing and validating its JSON on every mfr_model_default().
 * SPDX-License-Identifier: MIT
 *
 * A snapshot is the bytes of a model laid out in one block: the mfr_model
 * struct first, then everything its arena held. Every pointer in it is
 * stored as (offset of its target + 1), or 0 for NULL; the relocation table
 * lists the offsets of those pointer slots. Making it ready is: allocate,
 * copy, and add the block's address to each listed slot.
 *
 * The build tool (lib/data/snapshot-tool.c) loads the model file with the
 * ordinary loader into a single arena block and walks every pointer with
 * mfr__model_walk(). The tests check that the snapshot and the model loaded
 * from the file serialize to the same bytes.
 */
#ifndef MFR_SNAPSHOT_H
#define MFR_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "model-private.h"

/* Where the block (the arena's contents) starts in a snapshot. */
#define MFR_SNAPSHOT_HEADER \
	((sizeof(mfr_model) + (size_t)15) / (size_t)16 * (size_t)16)

/* Call @p visit with the address of every pointer field of @p m and of
 * everything it owns, each exactly once. */
void mfr__model_walk(mfr_model *m, void (*visit)(void *slot, void *ctx), void *ctx);

/* Make a model from a snapshot; MFR_E_NOMEM or MFR_OK. */
mfr_status mfr__snapshot_load(const unsigned char *blob, size_t size,
			      const uint32_t *relocs, size_t nrelocs, mfr_model **out);

/* The compiled-in snapshot of the default model (generated at build time). */
extern const unsigned char mfr__default_snapshot[];
extern const size_t mfr__default_snapshot_size;
extern const uint32_t mfr__default_relocs[];
extern const size_t mfr__default_reloc_count;

#endif /* MFR_SNAPSHOT_H */
