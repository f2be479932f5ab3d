/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/output.h
 * @brief One output layer: a trace, a plan or a program written in a
 *        chosen format, to memory or to a stream.
 *
 * Every format carries the audit trail (doc/plan-format.md, "Audit
 * trail"): the libmfr version, the model's name, version and content hash
 * (mfr_model_content_hash()) and the intake's id (mfr_intake_set_id());
 * #MFR_FORMAT_CSV, a table, carries the intake's id on every row and
 * nothing else of it.
 *
 * | format | plan | program | trace | document |
 * |---|---|---|---|---|
 * | #MFR_FORMAT_JSON | yes | yes | yes | doc/plan-format.md, doc/trace-format.md |
 * | #MFR_FORMAT_TEXT | yes | yes | yes | what `mfr plan`, `mfr program`, `mfr trace` print |
 * | #MFR_FORMAT_SOAP | yes | yes | no | the "P" of a SOAP note: doc/soap-format.md |
 * | #MFR_FORMAT_FHIR | yes | yes | no | a FHIR R4 Bundle (JSON): doc/fhir-format.md |
 * | #MFR_FORMAT_HANDOUT | yes | yes | no | the client's printable page: doc/handout-format.md |
 * | #MFR_FORMAT_CSV | yes | yes | yes | one row per step or result: doc/batch-format.md |
 * | #MFR_FORMAT_SVG | yes | no | yes | a body chart (the model's "chart"): doc/svg-format.md |
 *
 * The same object and format give the same bytes. The writers follow the
 * library's error rule (mfr/common.h): `*err` must be NULL on entry, and a
 * failure writes nothing (to memory: `*out` NULL; to a stream: nothing
 * reaches it when the failure is found before the write).
 *
 * Threading: any number of threads may write one finished trace, plan or
 * program at once; a stream belongs to the caller.
 */
#ifndef MFR_OUTPUT_H
#define MFR_OUTPUT_H

#include <stdio.h>

#include "mfr/plan.h"

MFR_BEGIN_DECLS

/**
 * @defgroup output Output formats
 * @{
 */

/** The formats a trace, a plan or a program can be written in. @since 0.2.0 */
typedef enum mfr_format_t {
	MFR_FORMAT_JSON = 1, /**< the JSON documents (mfr_plan_to_json() and the like) */
	MFR_FORMAT_TEXT = 2, /**< plain text for a person */
	MFR_FORMAT_SOAP = 3, /**< the plan ("P") section of a SOAP note, plain text */
	/** a FHIR R4 Bundle of a CarePlan, its ServiceRequests and Conditions
	 *  (JSON; takes #MFR_JSON_COMPACT). @since 0.2.0 */
	MFR_FORMAT_FHIR = 4,
	/** The client's handout: one printable HTML page in plain words (what
	 *  is worked and why, what to expect, when to get help), self-contained
	 *  (inline CSS, no script, nothing fetched), every model string escaped. @since 0.2.0 */
	MFR_FORMAT_HANDOUT = 5,
	/** A table (RFC 4180): a header row, then one row per plan step (per
	 * session of a program) or trace result; doc/batch-format.md. @since 0.2.0 */
	MFR_FORMAT_CSV = 6,
	/** A body chart: one SVG image of the front and back views, the symptom
	 * areas shaded by intensity, the plan's sites (a trace's results)
	 * numbered in order and the lines they were reached along; drawn as the
	 * client faces the viewer on the front view (their right on the
	 * viewer's left). Needs a model with a chart (the optional "chart"
	 * section; the default model has one): without it, #MFR_E_CONSTRAINT.
	 * Self-contained, every model string escaped; doc/svg-format.md. @since 0.2.0 */
	MFR_FORMAT_SVG = 7,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_FORMAT__MAX = 0x7fffffff
} mfr_format_t;

/** @return "json", "text", "soap", "fhir", "handout", "csv", "svg", or NULL (not a format). @since 0.2.0 */
MFR_EXPORT const char *mfr_format_name(mfr_format_t format);
/**
 * Parse a format name ("soap") into @p out.
 * @return #MFR_OK, #MFR_E_INVALID (a NULL argument) or #MFR_E_UNKNOWN.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_format_parse(const char *name, mfr_format_t *out);

/**
 * Write a plan in @p format into a new buffer.
 * @param plan the plan.
 * @param format any ::mfr_format_t.
 * @param flags 0, or #MFR_JSON_COMPACT for the JSON formats (json, fhir):
 *        one line.
 * @param[out] out receives the text, NUL-terminated; free it with
 *        mfr_free(). NULL on failure.
 * @param[out] len optional; receives the text's length in bytes (0 on
 *        failure).
 * @param[out] err optional error detail.
 * @return #MFR_OK; #MFR_E_INVALID (NULL @p plan or @p out, a flag the
 *         format does not take, or a non-NULL `*err`); #MFR_E_UNKNOWN (not
 *         a format); #MFR_E_CONSTRAINT (#MFR_FORMAT_SVG of a model without
 *         a chart); #MFR_E_NOMEM.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_plan_write(const mfr_plan *plan, mfr_format_t format,
				     uint32_t flags, char **out, size_t *len,
				     mfr_error **err);
/**
 * Write a plan in @p format to @p stream, as mfr_plan_write() makes it.
 * @return as mfr_plan_write(), and #MFR_E_IO when the stream takes fewer
 *         bytes than written (a full disk); NULL @p stream is #MFR_E_INVALID.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_plan_write_file(const mfr_plan *plan, mfr_format_t format,
					  uint32_t flags, FILE *stream, mfr_error **err);
/** A program in @p format, as mfr_plan_write(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_program_write(const mfr_program *program, mfr_format_t format,
					uint32_t flags, char **out, size_t *len,
					mfr_error **err);
/** A program in @p format to @p stream, as mfr_plan_write_file(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_program_write_file(const mfr_program *program,
					     mfr_format_t format, uint32_t flags,
					     FILE *stream, mfr_error **err);
/**
 * A trace in @p format, as mfr_plan_write(). A format of plans only gives
 * #MFR_E_CONSTRAINT, naming the formats a trace takes.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_trace_write(const mfr_trace *trace, mfr_format_t format,
				      uint32_t flags, char **out, size_t *len,
				      mfr_error **err);
/** A trace in @p format to @p stream, as mfr_trace_write() and mfr_plan_write_file(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_trace_write_file(const mfr_trace *trace, mfr_format_t format,
					   uint32_t flags, FILE *stream, mfr_error **err);

/**
 * @name Writing in another language
 * The same writers with a message table (mfr/messages.h): every sentence
 * of the text, SOAP and handout formats, the warnings and the rationales
 * comes from @p messages (NULL: the default English table, the output of
 * the writers above byte for byte); a code the table lacks is written in
 * English. The other formats are data, the same in every language. Errors,
 * ownership and threading as the writers above; the table must outlive
 * the call only.
 * @{
 */
/** A plan in @p format with @p messages, as mfr_plan_write(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_plan_write_with(const mfr_plan *plan, mfr_format_t format,
					  uint32_t flags, const mfr_messages *messages,
					  char **out, size_t *len, mfr_error **err);
/** A plan in @p format with @p messages to @p stream, as mfr_plan_write_file(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_plan_write_file_with(const mfr_plan *plan, mfr_format_t format,
					       uint32_t flags,
					       const mfr_messages *messages, FILE *stream,
					       mfr_error **err);
/** A program in @p format with @p messages, as mfr_plan_write(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_program_write_with(const mfr_program *program,
					     mfr_format_t format, uint32_t flags,
					     const mfr_messages *messages, char **out,
					     size_t *len, mfr_error **err);
/** A program in @p format with @p messages to @p stream, as mfr_plan_write_file(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_program_write_file_with(const mfr_program *program,
						  mfr_format_t format, uint32_t flags,
						  const mfr_messages *messages,
						  FILE *stream, mfr_error **err);
/** A trace in @p format with @p messages, as mfr_trace_write(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_trace_write_with(const mfr_trace *trace, mfr_format_t format,
					   uint32_t flags, const mfr_messages *messages,
					   char **out, size_t *len, mfr_error **err);
/** A trace in @p format with @p messages to @p stream, as mfr_trace_write_file(). @since 0.2.0 */
MFR_EXPORT mfr_status_t mfr_trace_write_file_with(const mfr_trace *trace,
						mfr_format_t format, uint32_t flags,
						const mfr_messages *messages, FILE *stream,
						mfr_error **err);
/** @} */

/** @} */

MFR_END_DECLS

#endif /* MFR_OUTPUT_H */
