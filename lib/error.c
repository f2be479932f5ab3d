/*
 * libmfr - status codes and error details.
 * SPDX-License-Identifier: MIT
 */
#include "error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "text.h"

struct mfr_error {
	int status;
	int32_t line;
	int32_t column;
	int64_t offset;
	char *message;
	char *source;
	char *path;
	int is_static;
};

/* Handed out when there is no memory to describe a failure: never freed
 * nor written (const, so it is no mutable global). */
static const struct mfr_error oom_error = {
	.status = MFR_E_NOMEM,
	.offset = -1,
	.message = (char *)"out of memory",
	.source = (char *)"",
	.path = (char *)"",
	.is_static = 1,
};

static const struct {
	int status;
	const char *name;
	const char *text;
} statuses[] = {
	{ MFR_OK, "MFR_OK", "success" },
	{ MFR_E_INVALID, "MFR_E_INVALID", "invalid argument" },
	{ MFR_E_NOMEM, "MFR_E_NOMEM", "out of memory" },
	{ MFR_E_IO, "MFR_E_IO", "input/output error" },
	{ MFR_E_SYNTAX, "MFR_E_SYNTAX", "malformed JSON" },
	{ MFR_E_VERSION, "MFR_E_VERSION", "unsupported format or version" },
	{ MFR_E_TYPE, "MFR_E_TYPE", "value of the wrong type" },
	{ MFR_E_MISSING, "MFR_E_MISSING", "required member missing" },
	{ MFR_E_UNKNOWN, "MFR_E_UNKNOWN", "unknown member or value" },
	{ MFR_E_RANGE, "MFR_E_RANGE", "value out of range" },
	{ MFR_E_DUPLICATE, "MFR_E_DUPLICATE", "duplicate key" },
	{ MFR_E_REFERENCE, "MFR_E_REFERENCE", "reference to an unknown key" },
	{ MFR_E_CYCLE, "MFR_E_CYCLE", "cycle in the region hierarchy" },
	{ MFR_E_CONSTRAINT, "MFR_E_CONSTRAINT", "values contradict each other" },
	{ MFR_E_NOTFOUND, "MFR_E_NOTFOUND", "not found" },
};

#define N_STATUSES (sizeof(statuses) / sizeof(statuses[0]))

MFR_EXPORT const char *mfr_strerror(mfr_status_t status)
{
	for (size_t i = 0; i < N_STATUSES; i++)
		if (statuses[i].status == status)
			return statuses[i].text;
	return "unknown status";
}

MFR_EXPORT const char *mfr_status_name(mfr_status_t status)
{
	for (size_t i = 0; i < N_STATUSES; i++)
		if (statuses[i].status == status)
			return statuses[i].name;
	return "MFR_E_UNKNOWN_STATUS";
}

mfr_status_t mfr__error_nomem(mfr_error **err)
{
	if (err && !*err)
		*err = (mfr_error *)&oom_error; /* never written: is_static */
	return MFR_E_NOMEM;
}

mfr_status_t mfr__error_set(mfr_error **err, mfr_status_t status,
			  const mfr_where *where, const char *fmt, ...)
{
	if (!err || *err)
		return status;
	if (status == MFR_E_NOMEM)
		return mfr__error_nomem(err);

	char buf[1024];
	va_list ap;

	/* Cut at a character if it is long; and valid UTF-8 even where a
	 * caller's key in it was not (bindings decode messages as UTF-8). */
	va_start(ap, fmt);
	mfr__vformat(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	mfr__utf8_repair(buf);

	const char *source = where && where->source ? where->source : "";
	const char *path = where && where->path ? where->path : "";
	size_t lm = strlen(buf) + 1, ls = strlen(source) + 1, lp = strlen(path) + 1;
	struct mfr_error *e = mfr__malloc(sizeof(*e) + lm + ls + lp);

	if (!e)
		return mfr__error_nomem(err);
	e->status = status;
	e->line = where ? where->line : 0;
	e->column = where ? where->column : 0;
	e->offset = where ? where->offset : -1;
	e->message = (char *)(e + 1);
	e->source = e->message + lm;
	e->path = e->source + ls;
	memcpy(e->message, buf, lm);
	memcpy(e->source, source, ls);
	memcpy(e->path, path, lp);
	mfr__utf8_repair(e->path);
	e->is_static = 0;
	*err = e;
	return status;
}

MFR_EXPORT void mfr_error_free(mfr_error *err)
{
	if (err && !err->is_static)
		mfr__free(err);
}

MFR_EXPORT mfr_status_t mfr_error_status(const mfr_error *err)
{
	return err ? err->status : MFR_OK;
}

MFR_EXPORT const char *mfr_error_message(const mfr_error *err)
{
	return err ? err->message : NULL;
}

MFR_EXPORT const char *mfr_error_source(const mfr_error *err)
{
	return err && err->source[0] ? err->source : NULL;
}

MFR_EXPORT const char *mfr_error_path(const mfr_error *err)
{
	return err && err->path[0] ? err->path : NULL;
}

MFR_EXPORT int32_t mfr_error_line(const mfr_error *err)
{
	return err ? err->line : 0;
}

MFR_EXPORT int32_t mfr_error_column(const mfr_error *err)
{
	return err ? err->column : 0;
}

MFR_EXPORT int64_t mfr_error_offset(const mfr_error *err)
{
	return err ? err->offset : -1;
}

MFR_EXPORT void mfr_free(void *ptr)
{
	mfr__free(ptr);
}
