/*
 * libmfr - the audit trail every output carries: the library's version,
 * the model's name, version and content hash, and the intake's id and
 * extensions (doc/plan-format.md, "Audit trail").
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_AUDIT_H
#define MFR_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "intake-private.h"
#include "json-writer.h"

/* What a trace or a plan keeps of its intake, in its own arena: it
 * outlives the intake. Either may be NULL (none recorded). */
typedef struct mfr_audit {
	const char *intake_id;
	const char *extensions; /* compact JSON text of an object */
	/* The intake's symptoms: the baseline a SOAP note's reassessment and
	 * a FHIR bundle's conditions name. */
	const mfr_intake_symptom *symptoms;
	uint32_t symptom_count;
	/* The intake's conditions (the model's own). */
	const mfr_condition *const *conditions;
	uint32_t condition_count;
	/* The wording of the answer recorded to each screening question, by
	 * question index (NULL where none; the array NULL when none is
	 * recorded): what a SOAP note keeps of the consultation. (Texts, not
	 * the answers themselves: abidiff 2.2 crashes on the model's answer
	 * type reached from a plan.) */
	const char **answer_texts;
} mfr_audit;

/* FNV-1a, 64 bits, of @p n bytes at @p data, continuing from @p h
 * (MFR_FNV1A64_BASIS to start). */
#define MFR_FNV1A64_BASIS 0xcbf29ce484222325u
uint64_t mfr__fnv1a64(uint64_t h, const void *data, size_t n);

/* Compute and store the content hash of a model just built: FNV-1a 64 of
 * its compact JSON export. MFR_OK or MFR_E_NOMEM. */
mfr_status_t mfr__model_hash(mfr_model *m);

/* Copy @p in's id, extensions, symptoms, conditions and answers into @p arena.
 * MFR_OK or MFR_E_NOMEM. */
mfr_status_t mfr__audit_take(mfr_arena *arena, const mfr_intake *in, mfr_audit *out);

/* The members every trace, plan and program document carries after its
 * disclaimer: "audit" (libmfr_version, model, intake_id) and, when the
 * intake had any, "extensions". */
void mfr__audit_json(mfr_jw *w, const mfr_model *m, const mfr_audit *a);

/* The intake's id and extensions (intake.c calls these from the public
 * setters, intake-json.c from the reader). @p id NULL clears it; else
 * 1 to MFR_NAME_MAX_LENGTH characters of UTF-8 without control
 * characters. @p json is compact JSON text of an object (@p n bytes), or
 * NULL to clear. On failure the intake is unchanged. */
mfr_status_t mfr__intake_id(mfr_intake *in, const char *id, mfr_problem *why);
mfr_status_t mfr__intake_extensions(mfr_intake *in, const char *json, size_t n,
				    mfr_problem *why);

#endif /* MFR_AUDIT_H */
