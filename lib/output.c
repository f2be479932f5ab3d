/*
 * libmfr - the output layer (mfr/output.h): one entry point per object and
 * destination, each checking its arguments once and handing the object to
 * the writer of its format.
 * SPDX-License-Identifier: MIT
 */
#include "output-private.h"

#include <string.h>

#include "alloc.h"
#include "error.h"
#include "plan-private.h"
#include "trace-private.h"

/* Indexed by mfr_format_t; NULL where a value names no format. */
static const char *const format_names[] = {
	[MFR_FORMAT_JSON] = "json", [MFR_FORMAT_TEXT] = "text", [MFR_FORMAT_SOAP] = "soap",
	[MFR_FORMAT_FHIR] = "fhir", [MFR_FORMAT_HANDOUT] = "handout", [MFR_FORMAT_CSV] = "csv",
	[MFR_FORMAT_SVG] = "svg",
};
#define N_FORMATS (sizeof(format_names) / sizeof(format_names[0]))

MFR_EXPORT const char *mfr_format_name(mfr_format_t format)
{
	return (uint32_t)format < N_FORMATS ? format_names[format] : NULL;
}

MFR_EXPORT mfr_status_t mfr_format_parse(const char *name, mfr_format_t *out)
{
	if (!name || !out)
		return MFR_E_INVALID;
	for (uint32_t f = 1; f < N_FORMATS; f++) {
		if (format_names[f] && strcmp(name, format_names[f]) == 0) {
			*out = (mfr_format_t)f;
			return MFR_OK;
		}
	}
	return MFR_E_UNKNOWN;
}

/* What can be written, and in which formats (a bit per mfr_format_t). */
typedef enum object_kind { PLAN, PROGRAM, TRACE } object_kind;

static const struct {
	const char *what;   /* "a plan": for messages */
	uint32_t formats;   /* the formats it is written in */
	const char *list;   /* the same, for messages */
} objects[] = {
	[PLAN] = { "a plan", 1u << MFR_FORMAT_JSON | 1u << MFR_FORMAT_TEXT |
			     1u << MFR_FORMAT_SOAP | 1u << MFR_FORMAT_FHIR |
			     1u << MFR_FORMAT_HANDOUT | 1u << MFR_FORMAT_CSV |
			     1u << MFR_FORMAT_SVG,
		   "json, text, soap, fhir, handout, csv or svg" },
	[PROGRAM] = { "a program", 1u << MFR_FORMAT_JSON | 1u << MFR_FORMAT_TEXT |
				   1u << MFR_FORMAT_SOAP | 1u << MFR_FORMAT_FHIR |
				   1u << MFR_FORMAT_HANDOUT | 1u << MFR_FORMAT_CSV,
		      "json, text, soap, fhir, handout or csv" },
	[TRACE] = { "a trace", 1u << MFR_FORMAT_JSON | 1u << MFR_FORMAT_TEXT |
			       1u << MFR_FORMAT_CSV | 1u << MFR_FORMAT_SVG,
		    "json, text, csv or svg" },
};

/* The formats that are JSON, and so take MFR_JSON_COMPACT. */
#define JSON_FORMATS (1u << MFR_FORMAT_JSON | 1u << MFR_FORMAT_FHIR)

/* Write @p obj, of @p kind, in @p format into a new buffer. */
static mfr_status_t write_any(const char *fn, object_kind kind, const void *obj,
			      mfr_format_t format, uint32_t flags, const mfr_messages *msgs,
			      char **out, size_t *len, mfr_error **err)
{
	mfr_tb t;
	mfr_status_t st;

	if (out)
		*out = NULL;
	if (len)
		*len = 0;
	MFR__ERR_ENTRY(err);
	if (!obj || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL, "%s: pass %s and an out "
				      "pointer", fn, objects[kind].what);
	if (!mfr_format_name(format))
		return mfr__error_set(err, MFR_E_UNKNOWN, NULL, "%s: %d is not an "
				      "mfr_format_t; %s is written as %s", fn, (int)format,
				      objects[kind].what, objects[kind].list);
	if (!(objects[kind].formats & 1u << format))
		return mfr__error_set(err, MFR_E_CONSTRAINT, NULL, "%s: %s is not written "
				      "as %s; it is written as %s", fn, objects[kind].what,
				      mfr_format_name(format), objects[kind].list);
	if ((flags & ~MFR_JSON_COMPACT) ||
	    ((flags & MFR_JSON_COMPACT) && !(JSON_FORMATS & 1u << format)))
		return mfr__error_set(err, MFR_E_INVALID, NULL, "%s: flags 0x%x: only the "
				      "JSON formats take a flag, MFR_JSON_COMPACT; pass 0 "
				      "for %s", fn, (unsigned)flags, mfr_format_name(format));
	if (format == MFR_FORMAT_JSON) {
		st = kind == PLAN ? mfr_plan_to_json(obj, flags, out, err)
		   : kind == PROGRAM ? mfr_program_to_json(obj, flags, out, err)
		   : mfr_trace_to_json(obj, flags, out, err);
		if (st == MFR_OK && len)
			*len = strlen(*out);
		return st;
	}
	if (format == MFR_FORMAT_FHIR) {
		st = kind == PLAN ? mfr__plan_fhir(obj, flags, out, err)
				  : mfr__program_fhir(obj, flags, out, err);
		if (st == MFR_OK && len)
			*len = strlen(*out);
		return st;
	}
	if (format == MFR_FORMAT_SVG) {
		const mfr_model *m = kind == PLAN ? ((const mfr_plan *)obj)->model
				   : ((const mfr_trace *)obj)->model;

		st = mfr__svg_check(m, fn, err);
		if (st != MFR_OK)
			return st;
	}
	mfr__tb_init(&t);
	if (format == MFR_FORMAT_SVG)
		kind == PLAN ? mfr__plan_svg(&t, obj) : mfr__trace_svg(&t, obj);
	else if (format == MFR_FORMAT_SOAP)
		kind == PLAN ? mfr__plan_soap(&t, obj, msgs) : mfr__program_soap(&t, obj, msgs);
	else if (format == MFR_FORMAT_CSV)
		kind == PLAN ? mfr__plan_csv(&t, obj)
		: kind == PROGRAM ? mfr__program_csv(&t, obj) : mfr__trace_csv(&t, obj);
	else if (format == MFR_FORMAT_HANDOUT)
		kind == PLAN ? mfr__plan_handout(&t, obj, msgs) : mfr__program_handout(&t, obj, msgs);
	else if (kind == PLAN)
		mfr__plan_text(&t, obj, msgs);
	else if (kind == PROGRAM)
		mfr__program_text(&t, obj, msgs);
	else
		mfr__trace_text(&t, obj, msgs);
	return mfr__tb_finish(&t, out, len, err);
}

/* The same, to @p stream. */
static mfr_status_t write_file(const char *fn, object_kind kind, const void *obj,
			       mfr_format_t format, uint32_t flags, const mfr_messages *msgs,
			       FILE *stream, mfr_error **err)
{
	char *text = NULL;
	size_t len = 0;
	mfr_status_t st;

	MFR__ERR_ENTRY(err);
	if (!stream)
		return mfr__error_set(err, MFR_E_INVALID, NULL, "%s: stream is NULL", fn);
	st = write_any(fn, kind, obj, format, flags, msgs, &text, &len, err);
	if (st != MFR_OK)
		return st;
	size_t written = fwrite(text, 1, len, stream);

	mfr_free(text);
	if (written != len)
		return mfr__error_set(err, MFR_E_IO, NULL, "%s: the stream took %zu of the "
				      "%zu bytes written: check where it goes (a full disk, a "
				      "closed pipe)", fn, written, len);
	return MFR_OK;
}

MFR_EXPORT mfr_status_t mfr_plan_write(const mfr_plan *plan, mfr_format_t format,
				     uint32_t flags, char **out, size_t *len, mfr_error **err)
{
	return write_any("mfr_plan_write", PLAN, plan, format, flags, NULL, out, len, err);
}

MFR_EXPORT mfr_status_t mfr_plan_write_file(const mfr_plan *plan, mfr_format_t format,
					  uint32_t flags, FILE *stream, mfr_error **err)
{
	return write_file("mfr_plan_write_file", PLAN, plan, format, flags, NULL, stream, err);
}

MFR_EXPORT mfr_status_t mfr_program_write(const mfr_program *program, mfr_format_t format,
					uint32_t flags, char **out, size_t *len,
					mfr_error **err)
{
	return write_any("mfr_program_write", PROGRAM, program, format, flags, NULL, out, len, err);
}

MFR_EXPORT mfr_status_t mfr_program_write_file(const mfr_program *program,
					     mfr_format_t format, uint32_t flags,
					     FILE *stream, mfr_error **err)
{
	return write_file("mfr_program_write_file", PROGRAM, program, format, flags, NULL, stream, err);
}

MFR_EXPORT mfr_status_t mfr_trace_write(const mfr_trace *trace, mfr_format_t format,
				      uint32_t flags, char **out, size_t *len,
				      mfr_error **err)
{
	return write_any("mfr_trace_write", TRACE, trace, format, flags, NULL, out, len, err);
}

MFR_EXPORT mfr_status_t mfr_trace_write_file(const mfr_trace *trace, mfr_format_t format,
					   uint32_t flags, FILE *stream, mfr_error **err)
{
	return write_file("mfr_trace_write_file", TRACE, trace, format, flags, NULL, stream, err);
}

MFR_EXPORT mfr_status_t mfr_plan_write_with(const mfr_plan *plan, mfr_format_t format,
					  uint32_t flags, const mfr_messages *messages,
					  char **out, size_t *len, mfr_error **err)
{
	return write_any("mfr_plan_write_with", PLAN, plan, format, flags, messages, out, len,
			 err);
}

MFR_EXPORT mfr_status_t mfr_plan_write_file_with(const mfr_plan *plan, mfr_format_t format,
					       uint32_t flags,
					       const mfr_messages *messages, FILE *stream,
					       mfr_error **err)
{
	return write_file("mfr_plan_write_file_with", PLAN, plan, format, flags, messages,
			  stream, err);
}

MFR_EXPORT mfr_status_t mfr_program_write_with(const mfr_program *program,
					     mfr_format_t format, uint32_t flags,
					     const mfr_messages *messages, char **out,
					     size_t *len, mfr_error **err)
{
	return write_any("mfr_program_write_with", PROGRAM, program, format, flags, messages,
			 out, len, err);
}

MFR_EXPORT mfr_status_t mfr_program_write_file_with(const mfr_program *program,
						  mfr_format_t format, uint32_t flags,
						  const mfr_messages *messages,
						  FILE *stream, mfr_error **err)
{
	return write_file("mfr_program_write_file_with", PROGRAM, program, format, flags,
			  messages, stream, err);
}

MFR_EXPORT mfr_status_t mfr_trace_write_with(const mfr_trace *trace, mfr_format_t format,
					   uint32_t flags, const mfr_messages *messages,
					   char **out, size_t *len, mfr_error **err)
{
	return write_any("mfr_trace_write_with", TRACE, trace, format, flags, messages, out,
			 len, err);
}

MFR_EXPORT mfr_status_t mfr_trace_write_file_with(const mfr_trace *trace,
						mfr_format_t format, uint32_t flags,
						const mfr_messages *messages, FILE *stream,
						mfr_error **err)
{
	return write_file("mfr_trace_write_file_with", TRACE, trace, format, flags, messages,
			  stream, err);
}
