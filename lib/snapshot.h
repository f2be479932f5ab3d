/*
 * libmfr - the default model as C source generated at build time, made
 * ready at run time by copying one small struct, instead of parsing and
 * validating its JSON on every mfr_model_default().
 * SPDX-License-Identifier: MIT
 *
 * The build tool (lib/data/snapshot-tool.c) loads the model file with the
 * ordinary loader and writes the loaded model as C: each array of the model
 * (regions, their child lists, line nodes, the key index, the site graph,
 * ...) a static const array whose initializers give every field by name,
 * every reference an address expression (&t_regions[12]) and every string a
 * literal. The compiler and linker of the machine the library is built for
 * lay the data out and relocate it (the dynamic loader, once per process),
 * so it is position-independent and read-only, and it depends on nothing of
 * the machine that ran the tool: neither struct layout nor byte order nor
 * pointer width. The tool is a native program (meson `native: true`), so a
 * cross build (doc/cross-build.md, cross/aarch64-linux-gnu.ini) needs no
 * exe_wrapper to make the default model. A field the tool does not write
 * is zero or NULL, never an address of the build machine; the tests check
 * that each generated model reads, through every getter, its JSON export,
 * its key index and its graph, as the one loaded from its file
 * (tests/test-snapshot.c), and CI runs them on aarch64 under qemu-user
 * (scripts/cross-check.sh).
 */
#ifndef MFR_SNAPSHOT_H
#define MFR_SNAPSHOT_H

#include <stddef.h>

#include "model-private.h"

/* A model of the caller's own (freed with mfr_model_free()) that shares
 * the read-only arrays of the generated model @p snapshot: one allocation,
 * the model struct; MFR_E_NOMEM or MFR_OK. */
mfr_status_t mfr__snapshot_open(const mfr_model *snapshot, mfr_model **out);

/* The default model, generated from its file at build time, and the file's
 * text (for mfr_model_default_text() and `mfr model export`). */
extern const mfr_model mfr__default_model;
extern const unsigned char mfr__default_model_text[];
extern const size_t mfr__default_model_text_size;

#endif /* MFR_SNAPSHOT_H */
