/*
 * libmfr - the trace, plan and program documents, written into a writer.
 * SPDX-License-Identifier: MIT
 *
 * mfr_trace_to_json(), mfr_plan_to_json() and mfr_program_to_json() are
 * mfr__jw_init(), one of these and mfr__jw_finish(); they are apart so that
 * the out-of-memory sweeps can write a document into a writer that starts
 * small and grows many times, and so fail it in the middle of a document
 * (tests/test-oom-run.c). Each writes one whole document (an object) as the
 * writer's next value; failures stay in the writer (json-writer.h).
 */
#ifndef MFR_JSON_DOCUMENTS_H
#define MFR_JSON_DOCUMENTS_H

#include "json-writer.h"
#include "mfr/plan.h"
#include "mfr/trace.h"

/* doc/trace-format.md */
void mfr__trace_json(mfr_jw *w, const mfr_trace *trace);
/* doc/plan-format.md: a plan, and a program of plans. */
void mfr__plan_json(mfr_jw *w, const mfr_plan *plan);
void mfr__program_json(mfr_jw *w, const mfr_program *program);

#endif /* MFR_JSON_DOCUMENTS_H */
