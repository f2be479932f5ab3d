/*
 * libmfr - the writers behind mfr/output.h, one per format and object.
 * SPDX-License-Identifier: MIT
 *
 * Each writes one whole output into its builder; failures stay in the
 * builder (textbuf.h, json-writer.h). Apart from output.c so that the
 * out-of-memory sweeps can call them on small builders.
 */
#ifndef MFR_OUTPUT_PRIVATE_H
#define MFR_OUTPUT_PRIVATE_H

#include "audit.h"
#include "mfr/output.h"
#include "textbuf.h"

/* The audit trail as text, for every text format: a line "Audit: libmfr
 * VERSION; model "NAME" VERSION (HASH); intake id "ID"" (or "intake without
 * an id"), and when the intake had extensions a line "Extensions: {...}". */
void mfr__audit_text(mfr_tb *t, const mfr_model *m, const mfr_audit *a);

/* "left heel", or "sacrum" for a midline site, into @p buf: a long name
 * is cut at a character, never inside one. */
void mfr__site_name(char *buf, size_t size, const mfr_region *r, int side);

/* MFR_FORMAT_TEXT: what `mfr plan`, `mfr program` and `mfr trace` print. */
void mfr__plan_text(mfr_tb *t, const mfr_plan *plan);
void mfr__program_text(mfr_tb *t, const mfr_program *program);
void mfr__trace_text(mfr_tb *t, const mfr_trace *trace);

/* MFR_FORMAT_SOAP: the plan ("P") section of a SOAP note. */
void mfr__plan_soap(mfr_tb *t, const mfr_plan *plan);
void mfr__program_soap(mfr_tb *t, const mfr_program *program);

/* MFR_FORMAT_HANDOUT: the client's printable HTML page. */
void mfr__plan_handout(mfr_tb *t, const mfr_plan *plan);
void mfr__program_handout(mfr_tb *t, const mfr_program *program);

#endif /* MFR_OUTPUT_PRIVATE_H */
