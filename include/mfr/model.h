/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/model.h
 * @brief The model: building it, freeing it, finding and listing what it holds.
 *
 * A model holds body regions, fascial lines, trigger-point referrals,
 * techniques, conditions and precautions, each with the sources behind it.
 * The default model is built into the library; custom models load from files
 * in the format described in doc/model-format.md.
 *
 * Lifetime: a model is reference-counted, as an xkbcommon keymap is. The
 * function that builds it gives the caller one reference; mfr_model_ref()
 * takes another and mfr_model_unref() (or mfr_model_free(), the same)
 * drops one. Every intake, trace, plan and program built on a model holds
 * a reference of its own until it is freed, so the caller may drop theirs
 * as soon as it has built what it needs: the model lives until its last
 * holder goes. Every entity pointer and string obtained from a model
 * borrows from it and is valid while the caller holds a reference, or an
 * object built on the model.
 *
 * Threading: a model is immutable once built. Any number of threads may read
 * one model at once, with no locking; any thread may take or drop a
 * reference at any time (the count is atomic), but each must use the model
 * only while it holds one, directly or through an object built on it.
 */
#ifndef MFR_MODEL_H
#define MFR_MODEL_H

#include "mfr/common.h"

MFR_BEGIN_DECLS

/**
 * @defgroup model Model
 * @{
 */

/** An immutable model. @since 0.1.0 */
typedef struct mfr_model mfr_model;
/** A body region. See mfr/region.h. @since 0.1.0 */
typedef struct mfr_region mfr_region;
/** A fascial line. See mfr/line.h. @since 0.1.0 */
typedef struct mfr_line mfr_line;
/** A trigger-point referral pattern. See mfr/referral.h. @since 0.1.0 */
typedef struct mfr_referral mfr_referral;
/** A technique. See mfr/technique.h. @since 0.1.0 */
typedef struct mfr_technique mfr_technique;
/** A condition (presentation). See mfr/condition.h. @since 0.1.0 */
typedef struct mfr_condition mfr_condition;
/** A precaution (contraindication or caution). See mfr/precaution.h. @since 0.1.0 */
typedef struct mfr_precaution mfr_precaution;
/** A cited work. @since 0.1.0 */
typedef struct mfr_source mfr_source;
/** Where an entity's content comes from. @since 0.1.0 */
typedef struct mfr_provenance mfr_provenance;
/** An aftercare instruction plans give the client. @since 0.1.0 */
typedef struct mfr_aftercare mfr_aftercare;
/** An endangerment site. See mfr/safety.h. @since 0.2.0 */
typedef struct mfr_danger_zone mfr_danger_zone;
/** A screening question a clinic asks at intake. See mfr/safety.h. @since 0.2.0 */
typedef struct mfr_screening mfr_screening;
/** What a condition or precaution does to the dose of the work. See mfr/safety.h. @since 0.2.0 */
typedef struct mfr_dose mfr_dose;

/** The kinds of entity a model holds, for the generic functions below. @since 0.1.0 */
typedef enum mfr_kind_t {
	MFR_KIND_REGION = 1,
	MFR_KIND_LINE = 2,
	MFR_KIND_REFERRAL = 3,
	MFR_KIND_TECHNIQUE = 4,
	MFR_KIND_CONDITION = 5,
	MFR_KIND_PRECAUTION = 6,
	MFR_KIND_SOURCE = 7,
	MFR_KIND_AFTERCARE = 8,
	MFR_KIND_DANGER_ZONE = 9, /**< @since 0.2.0 */
	MFR_KIND_SCREENING = 10,  /**< @since 0.2.0 */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_KIND__MAX = 0x7fffffff
} mfr_kind_t;

/** @return "region", "line", "referral", "technique", "condition", "precaution", "source", "aftercare", "danger_zone", "screening", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_kind_name(mfr_kind_t kind);
/** Parse a kind name (singular, as above) into @p out. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_kind_parse(const char *name, mfr_kind_t *out);

/**
 * Build the default model, compiled into the library.
 *
 * @param[out] out receives the model, or NULL on failure.
 * @param[out] err optional; receives the error detail on failure.
 * @return #MFR_OK, #MFR_E_INVALID (@p out is NULL) or #MFR_E_NOMEM.
 * @note Each call builds a new model with one reference, the caller's:
 *       drop it with mfr_model_unref(). Two calls give two models.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_model_default(mfr_model **out, mfr_error **err);

/**
 * Load a model from a file in the libmfr model format.
 *
 * @param path the file to read.
 * @param[out] out receives the model, or NULL on failure.
 * @param[out] err optional; receives what went wrong, where (the JSON path,
 *        and the line and column of the value) and how to fix it.
 * @return #MFR_OK; #MFR_E_INVALID for NULL arguments; #MFR_E_IO if the file
 *         cannot be read; #MFR_E_NOMEM; or the first validation failure
 *         (#MFR_E_SYNTAX, #MFR_E_VERSION, #MFR_E_TYPE, #MFR_E_MISSING,
 *         #MFR_E_UNKNOWN, #MFR_E_RANGE, #MFR_E_DUPLICATE, #MFR_E_REFERENCE,
 *         #MFR_E_CYCLE, #MFR_E_CONSTRAINT). #MFR_E_RANGE is also a document
 *         past a limit: larger than #MFR_MODEL_MAX_BYTES, nested deeper than
 *         #MFR_JSON_MAX_DEPTH, a name or text longer than
 *         #MFR_NAME_MAX_LENGTH or #MFR_TEXT_MAX_LENGTH characters.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_model_load_file(const char *path, mfr_model **out,
					  mfr_error **err);

/** The largest model document read, in bytes (64 MiB; a model of 100,000
 * sites takes about 17 MiB): more is #MFR_E_RANGE. @since 0.2.0 */
#define MFR_MODEL_MAX_BYTES (64 * 1024 * 1024)

/**
 * Load a model from memory. As mfr_model_load_file().
 *
 * @param data the document; need not be NUL-terminated.
 * @param size its length in bytes, at most #MFR_MODEL_MAX_BYTES.
 * @param name a name for error messages (a file name), or NULL for "<buffer>".
 * @param[out] out receives the model, or NULL on failure.
 * @param[out] err optional error detail.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_model_load_buffer(const char *data, size_t size,
					    const char *name, mfr_model **out,
					    mfr_error **err);

/**
 * Take a reference to a model: it lives at least until the matching
 * mfr_model_unref(). Taking one from a const pointer (mfr_intake_model())
 * is allowed: a reference is a right to read the model, which nothing
 * changes.
 *
 * @param model a model, or NULL.
 * @return @p model (NULL for NULL).
 * @note Thread-safe: the count is atomic.
 * @since 0.2.0
 */
MFR_EXPORT mfr_model *mfr_model_ref(const mfr_model *model);

/**
 * Drop a reference to a model. The last one frees it and everything
 * borrowed from it; the intakes, traces, plans and programs built on it
 * each hold one until they are freed. NULL is accepted.
 * @note Thread-safe: the count is atomic. The caller must not use the
 *       model (or anything borrowed from it) after dropping its reference,
 *       unless it holds another one.
 * @since 0.2.0
 */
MFR_EXPORT void mfr_model_unref(mfr_model *model);

/**
 * The same as mfr_model_unref(), kept under the name every other object's
 * destructor has: it drops the caller's reference, and frees the model
 * only when that was the last one.
 * @since 0.1.0
 */
MFR_EXPORT void mfr_model_free(mfr_model *model);

/** The model's display name. @since 0.1.0 */
MFR_EXPORT const char *mfr_model_name(const mfr_model *model);
/** The model content's own version string. @since 0.1.0 */
MFR_EXPORT const char *mfr_model_version(const mfr_model *model);
/**
 * A stable hash of the model's content, for audit trails: "fnv1a64:"
 * followed by 16 lower-case hexadecimal digits, the FNV-1a 64-bit hash of
 * the model's compact JSON export (mfr_model_to_json() with kind 0, key
 * NULL and #MFR_JSON_COMPACT). Computed once, when the model is built. Two
 * models with the same content have the same hash; it identifies the
 * content, and is no protection against deliberate tampering.
 * @return a string that lives as long as @p model; NULL for NULL.
 * @since 0.2.0
 */
MFR_EXPORT const char *mfr_model_content_hash(const mfr_model *model);
/** The model's description, or NULL when it has none. @since 0.1.0 */
MFR_EXPORT const char *mfr_model_description(const mfr_model *model);

/**
 * The text of the default model's data file, exactly as compiled in: the
 * reference example of the model format.
 *
 * @param[out] size optional; receives its length in bytes.
 * @return a static, NUL-terminated string; never NULL.
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_model_default_text(size_t *size);

/**
 * How many entities of one kind the model holds; 0 for a NULL model or an
 * unknown kind.
 * @since 0.1.0
 */
MFR_EXPORT uint32_t mfr_model_count(const mfr_model *model, mfr_kind_t kind);

/**
 * The key of the @p index -th entity of a kind, in the order of the model
 * file; NULL when out of range.
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_model_key_at(const mfr_model *model, mfr_kind_t kind,
					uint32_t index);

/**
 * Whether the model holds an entity of @p kind with @p key.
 * @return 1 or 0.
 * @since 0.1.0
 */
MFR_EXPORT int mfr_model_has(const mfr_model *model, mfr_kind_t kind, const char *key);

/**
 * Serialize the model, or one entity of it, as JSON in the model format.
 *
 * The whole model (@p kind 0, @p key NULL) serializes to a document that
 * loads back into an identical model; two models are identical exactly when
 * their serializations are byte-identical. One entity (@p kind and @p key)
 * serializes to the object that defines it in a model file.
 *
 * @param model the model.
 * @param kind an ::mfr_kind_t, or 0 for the whole model.
 * @param key the entity's key, or NULL for the whole model.
 * @param flags 0 for indented output, #MFR_JSON_COMPACT for one line.
 * @param[out] out receives a NUL-terminated string; free it with mfr_free().
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_NOTFOUND (no such entity) or #MFR_E_NOMEM.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_model_to_json(const mfr_model *model, mfr_kind_t kind,
					const char *key, uint32_t flags,
					char **out, mfr_error **err);

/**
 * @name Typed access
 * For each kind: a count, the entity at an index (file order; NULL when out
 * of range), and a lookup by key (NULL when absent).
 * @{
 */
/** The entity at @p index (file order; NULL when out of range), or the one
 *  with @p key (NULL when absent); it lives as long as @p model. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_model_region_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_region *mfr_model_region(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_line *mfr_model_line_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_line *mfr_model_line(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_referral *mfr_model_referral_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_referral *mfr_model_referral(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_technique *mfr_model_technique_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_technique *mfr_model_technique(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_condition *mfr_model_condition_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_condition *mfr_model_condition(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_precaution *mfr_model_precaution_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_precaution *mfr_model_precaution(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_source *mfr_model_source_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_source *mfr_model_source(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_aftercare *mfr_model_aftercare_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_aftercare *mfr_model_aftercare(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_danger_zone *mfr_model_danger_zone_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_danger_zone *mfr_model_danger_zone(const mfr_model *model, const char *key);
MFR_EXPORT const mfr_screening *mfr_model_screening_at(const mfr_model *model, uint32_t index);
MFR_EXPORT const mfr_screening *mfr_model_screening(const mfr_model *model, const char *key);
/** @} */

/** What an aftercare item is. @since 0.2.0 */
typedef enum mfr_aftercare_kind_t {
	MFR_AFTERCARE_GENERAL = 1,  /**< what to expect and do after a session */
	MFR_AFTERCARE_RED_FLAG = 2, /**< a sign to seek medical care for at once */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_AFTERCARE_KIND__MAX = 0x7fffffff
} mfr_aftercare_kind_t;

/** @return "general", "red_flag", or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_aftercare_kind_name(mfr_aftercare_kind_t kind);

/** The aftercare item's key. @since 0.1.0 */
MFR_EXPORT const char *mfr_aftercare_key(const mfr_aftercare *item);
/** The instruction, addressed to the client. @since 0.1.0 */
MFR_EXPORT const char *mfr_aftercare_text(const mfr_aftercare *item);
/** Its ::mfr_aftercare_kind_t, or 0. @since 0.2.0 */
MFR_EXPORT mfr_aftercare_kind_t mfr_aftercare_kind(const mfr_aftercare *item);
/**
 * How many precautions the item is given for: a plan carries it only when
 * the intake records one of them. 0: every plan carries it.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_aftercare_when_count(const mfr_aftercare *item);
/** The @p index -th of those precautions, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_precaution *mfr_aftercare_when_at(const mfr_aftercare *item,
							uint32_t index);
/** Where it comes from. @since 0.1.0 */
MFR_EXPORT const mfr_provenance *mfr_aftercare_provenance(const mfr_aftercare *item);

/**
 * Up to @p max known keys of @p kind nearest to @p key (by edit distance,
 * then alphabetically), for "did you mean" messages.
 *
 * @param model the model.
 * @param kind an ::mfr_kind_t.
 * @param key the key that was not found.
 * @param[out] out receives borrowed key strings; may be NULL when @p max is 0.
 * @param max how many @p out holds.
 * @return how many were written.
 * @since 0.1.0
 */
MFR_EXPORT uint32_t mfr_model_suggest(const mfr_model *model, mfr_kind_t kind,
				      const char *key, const char **out,
				      uint32_t max);

/**
 * @name Sources and provenance
 * Every entity has a provenance: the sources it cites and whether its content
 * is labelled practice convention (what the sources mark unverified).
 * @{
 */
/** The source's key. @since 0.1.0 */
MFR_EXPORT const char *mfr_source_key(const mfr_source *source);
/** The full citation. @since 0.1.0 */
MFR_EXPORT const char *mfr_source_citation(const mfr_source *source);
/** What the source contributed, or NULL when the model does not say. @since 0.1.0 */
MFR_EXPORT const char *mfr_source_note(const mfr_source *source);

/** How many sources the entity cites. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_provenance_source_count(const mfr_provenance *prov);
/** The @p index -th cited source, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_source *mfr_provenance_source_at(const mfr_provenance *prov,
						      uint32_t index);
/** 1 when the content is practice convention rather than sourced fact. @since 0.1.0 */
MFR_EXPORT int mfr_provenance_is_convention(const mfr_provenance *prov);
/** A note on the entry (a disagreement, what is unverified), or NULL when it has none. @since 0.1.0 */
MFR_EXPORT const char *mfr_provenance_note(const mfr_provenance *prov);
/** @} */

/**
 * @name Body map
 * A model may carry a body map (the optional "body_map" section,
 * doc/model-format.md): numbered segments of a drawn body a client marks,
 * each standing for one or more sites of the model. An intake names a
 * symptom by segment with mfr_intake_add_symptom_segment(). The default
 * model carries the CHOIR Collaborative Body Map (male numbering: segments
 * 101 to 136 on the front, 201 to 238 on the back).
 * @{
 */
/**
 * How many sites segment @p segment of the model's body map stands for.
 * @return 1 or more; 0 when the model has no body map or no such segment
 *         (or @p model is NULL).
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_model_segment_site_count(const mfr_model *model, uint32_t segment);
/** The region of site @p index of segment @p segment, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_model_segment_site_region(const mfr_model *model,
							   uint32_t segment, uint32_t index);
/** The side of site @p index of segment @p segment (MFR_SIDE_LEFT,
 *  MFR_SIDE_RIGHT or MFR_SIDE_MIDLINE: the client's side), or 0. @since 0.2.0 */
MFR_EXPORT mfr_side_t mfr_model_segment_site_side(const mfr_model *model, uint32_t segment,
						  uint32_t index);
/** The map's own label of segment @p segment ("Cranium (front-right)"), living
 *  as long as the model, or NULL. @since 0.2.0 */
MFR_EXPORT const char *mfr_model_segment_name(const mfr_model *model, uint32_t segment);
/** @} */

/** @} */

MFR_END_DECLS

#endif /* MFR_MODEL_H */
