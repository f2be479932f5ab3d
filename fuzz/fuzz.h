/*
 * libmfr fuzz targets: what the targets share (fuzz/common.c).
 * SPDX-License-Identifier: MIT
 *
 * Each fuzz-<name>.c defines LLVMFuzzerTestOneInput(). Built with clang and
 * -Dfuzzing=true it links libFuzzer; in every build it also links replay.c,
 * a main() that feeds it each file of fuzz/corpus/<name>/, so the corpus
 * runs as an ordinary test with gcc, valgrind and the sanitizers.
 */
#ifndef MFR_FUZZ_H
#define MFR_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "mfr/mfr.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Defined by the targets that need set-up; libFuzzer (and replay.c) call
 * it once, before the first input. */
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* The default model, built on first use and kept for the whole process (a
 * model is immutable: every input may share it). Aborts if it cannot be
 * built: then no input can be tested. */
const mfr_model *fuzz_default_model(void);

/* Trace, plan and program @p in, serialize each to JSON both ways and read
 * every getter of the results, so that the sanitizers see each string and
 * array the library built. @p variant (any bits: a hash of the input) picks
 * non-default trace and plan options for a second pass. Failures of the
 * library are expected (an intake without symptoms cannot be traced) and
 * ignored; only a crash, a leak or a broken invariant is a finding. */
void fuzz_exercise(const mfr_intake *in, uint32_t variant);

/* Serialize @p in, read it back and serialize again: the two texts must be
 * equal (mfr_intake_to_json() writes the form mfr_intake_from_json() reads).
 * Aborts with both texts on a difference. */
void fuzz_check_intake_round_trip(const mfr_intake *in);

/* Check the error of a failed call that returned @p st: a status of its
 * own, a message, a path and a place that agree; read every field. */
void fuzz_check_error(mfr_status_t st, const mfr_error *err);

/* Serialize @p m (whole and each entity), load the text back and serialize
 * again: the two must be byte-identical (mfr/model.h: a model's JSON loads
 * back into an identical model). Aborts on a difference. */
void fuzz_check_model_round_trip(const mfr_model *m);

/* Trace, plan and program one symptom on the first few treatable regions of
 * @p m (a loaded, possibly odd model), each side it has. */
void fuzz_exercise_model(const mfr_model *m, uint32_t variant);

/* A 32-bit FNV-1a hash of @p size bytes: a stable choice of options. */
uint32_t fuzz_hash(const uint8_t *data, size_t size);

/* Abort with a message: a broken invariant is a finding like a crash. */
void fuzz_fail(const char *what, const char *detail) __attribute__((noreturn));

#endif /* MFR_FUZZ_H */
