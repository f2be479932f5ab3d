/*
 * libmfr unit tests: the reference writer (json-reference.c): the JSON
 * the library wrote through jansson's tree, for the identity tests.
 * Each returns the document in malloc'd memory (free()), or NULL when
 * jansson cannot build or write it. @p flags: 0 or MFR_JSON_COMPACT.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_TEST_JSON_REFERENCE_H
#define MFR_TEST_JSON_REFERENCE_H

#include <mfr/mfr.h>

char *mfr_ref_trace_json(const mfr_trace *trace, uint32_t flags);
char *mfr_ref_plan_json(const mfr_plan *plan, uint32_t flags);
char *mfr_ref_program_json(const mfr_program *program, uint32_t flags);
char *mfr_ref_intake_json(const mfr_intake *intake, uint32_t flags);
/* The whole model (@p kind 0, @p key NULL) or one entity. */
char *mfr_ref_model_json(const mfr_model *model, int kind, const char *key, uint32_t flags);

#endif /* MFR_TEST_JSON_REFERENCE_H */
