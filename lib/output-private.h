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
#include "messages-private.h"
#include "mfr/output.h"
#include "textbuf.h"

/* The audit trail as text, for every text format: a line "Audit: libmfr
 * VERSION; model "NAME" VERSION (HASH); intake id "ID"" (or "intake without
 * an id"), and when the intake had extensions a line "Extensions: {...}". */
void mfr__audit_text(mfr_tb *t, const mfr_model *m, const mfr_audit *a,
		     const mfr_messages *msgs);

/* Message @p m written with @p msgs, or its English @p text when @p msgs
 * is NULL or the default table (or @p m is NULL). */
void mfr__message_out(mfr_tb *t, const mfr_messages *msgs, const mfr_message *m,
		      const char *text);

/* "left heel", or "sacrum" for a midline site, into @p buf: a long name
 * is cut at a character, never inside one. */
void mfr__site_name(char *buf, size_t size, const mfr_region *r, int side);
/* The same in the words of table @p msgs ("site.left", ...): for the
 * writers that take a table; mfr__site_name() when it is NULL or the
 * default (a midline site is named as is, with no side). */
void mfr__site_words(char *buf, size_t size, const mfr_region *r, int side,
		     const mfr_messages *msgs);

/* Each text writer takes the message table (NULL: the default one) its
 * sentences come from (mfr/messages.h). */
/* MFR_FORMAT_TEXT: what `mfr plan`, `mfr program` and `mfr trace` print. */
void mfr__plan_text(mfr_tb *t, const mfr_plan *plan,
		 const mfr_messages *msgs);
void mfr__program_text(mfr_tb *t, const mfr_program *program,
		 const mfr_messages *msgs);
void mfr__trace_text(mfr_tb *t, const mfr_trace *trace,
		 const mfr_messages *msgs);

/* MFR_FORMAT_SOAP: the plan ("P") section of a SOAP note. */
void mfr__plan_soap(mfr_tb *t, const mfr_plan *plan,
		 const mfr_messages *msgs);
void mfr__program_soap(mfr_tb *t, const mfr_program *program,
		 const mfr_messages *msgs);
/* @p s seconds as "4 min 30 s" ("4 min" on the minute, "45 s" below one)
 * into @p buf; returns @p buf. */
const char *mfr__duration_words(char buf[32], uint32_t s);
/* What plan @p p's status means ("REFER OUT: no myofascial release; ..."),
 * for the statuses the writers describe; NULL for any other. An "ok" plan
 * whose absolute-contraindication questions are open says it holds once
 * they are answered no. */
const char *mfr__plan_status_meaning(const mfr_plan *p);
/* Whether plan @p p reminds of open absolute-contraindication questions
 * (fever, a clot, cancer, an aneurysm, a rheumatoid flare: the
 * "unscreened_absolute" warning): an "ok" then holds once they are
 * answered no. */
int mfr__plan_absolute_open(const mfr_plan *p);
/* Whether warning @p w is about a precaution kept (a SOAP note's
 * "Precautions observed"), rather than about time or unreached sites. */
int mfr__warning_is_precaution(const mfr_plan_warning *w);

/* MFR_FORMAT_FHIR: a FHIR R4 Bundle (doc/fhir-format.md), written with the
 * JSON writer; @p flags 0 or MFR_JSON_COMPACT. As mfr__jw_finish(). */
mfr_status_t mfr__plan_fhir(const mfr_plan *plan, uint32_t flags, char **out,
			    mfr_error **err);
mfr_status_t mfr__program_fhir(const mfr_program *program, uint32_t flags, char **out,
			       mfr_error **err);

/* MFR_FORMAT_HANDOUT: the client's printable HTML page. */
void mfr__plan_handout(mfr_tb *t, const mfr_plan *plan,
		 const mfr_messages *msgs);
void mfr__program_handout(mfr_tb *t, const mfr_program *program,
		 const mfr_messages *msgs);

/* MFR_FORMAT_CSV: one row per plan step (per session of a program) or
 * trace result, under the header of lib/csv-columns.h. */
void mfr__plan_csv(mfr_tb *t, const mfr_plan *plan);
void mfr__program_csv(mfr_tb *t, const mfr_program *program);
void mfr__trace_csv(mfr_tb *t, const mfr_trace *trace);

/* MFR_FORMAT_SVG: the body chart (doc/svg-format.md). The model must have
 * a chart: mfr__svg_check() says so first (MFR_E_CONSTRAINT naming what is
 * missing, with @p fn, the public function). */
mfr_status_t mfr__svg_check(const mfr_model *m, const char *fn, mfr_error **err);
void mfr__plan_svg(mfr_tb *t, const mfr_plan *plan);
void mfr__trace_svg(mfr_tb *t, const mfr_trace *trace);

#endif /* MFR_OUTPUT_PRIVATE_H */
