/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/intake.h
 * @brief The intake: what is known of one client.
 *
 * An intake records symptom sites (a region on a side, with intensity and
 * onset), the conditions and precautions the clinician recorded, clearances
 * given, the session length and the positions the client can take. libmfr
 * never diagnoses: a condition is only what the intake says.
 *
 * An intake is built against a model and refers into it: it holds a
 * reference to the model (mfr_model_ref()) until it is freed, so the model
 * lives at least as long. Every addition is validated against the model at once;
 * a rejected addition changes nothing. The JSON form is described in
 * doc/intake-format.md.
 *
 * Threading: an intake belongs to one thread at a time while it is being
 * built (the add and set functions change it); once no thread changes it,
 * any number of threads may read it (its getters, mfr_intake_to_json()) and
 * trace or plan it at once. A trace or plan made from it does not need it.
 */
#ifndef MFR_INTAKE_H
#define MFR_INTAKE_H

#include "mfr/model.h"
#include "mfr/region.h"

MFR_BEGIN_DECLS

/**
 * @defgroup intake Intake
 * @{
 */

/** What is known of one client. @since 0.1.0 */
typedef struct mfr_intake mfr_intake;
/** One symptom site of an intake: a handle borrowed from the intake. @since 0.2.0 */
typedef struct mfr_intake_symptom mfr_intake_symptom;
/** One precaution an intake records, with its site: a handle borrowed from the intake. @since 0.2.0 */
typedef struct mfr_intake_precaution mfr_intake_precaution;

/** How a symptom began. @since 0.1.0 */
typedef enum mfr_onset_t {
	MFR_ONSET_UNSPECIFIED = 0,
	MFR_ONSET_ACUTE = 1,
	MFR_ONSET_CHRONIC = 2,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_ONSET__MAX = 0x7fffffff
} mfr_onset_t;

/** The session length an intake starts with, in minutes. @since 0.1.0 */
#define MFR_INTAKE_DEFAULT_MINUTES 60
/** The shortest session an intake accepts, in minutes. @since 0.1.0 */
#define MFR_INTAKE_MIN_MINUTES 10
/** The longest session an intake accepts, in minutes. @since 0.1.0 */
#define MFR_INTAKE_MAX_MINUTES 180
/** The intensity a symptom gets when the JSON or CLI leaves it out. @since 0.1.0 */
#define MFR_INTAKE_DEFAULT_INTENSITY 5
/**
 * The most items an intake holds in each of its lists: symptoms (a symptom
 * on both sides counts twice), conditions, precautions (each site of one
 * counts), clearances; and the most items a list of an intake document
 * gives (answers, scopes, stages too). More is #MFR_E_RANGE
 * (doc/intake-format.md, "Limits"). @since 0.2.0
 */
#define MFR_INTAKE_MAX_ITEMS 4096
/** The largest intake document read, in bytes (1 MiB): more is
 * #MFR_E_RANGE. @since 0.2.0 */
#define MFR_INTAKE_MAX_BYTES (1024 * 1024)

/** @return "unspecified", "acute", "chronic", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_onset_name(mfr_onset_t onset);

/**
 * Create an empty intake: no symptoms, 60 minutes, every position allowed.
 *
 * @param model the model keys are checked against; the intake holds a
 *        reference to it until mfr_intake_free().
 * @param[out] out receives the intake, or NULL on failure.
 * @return #MFR_OK; #MFR_E_INVALID (@p model or @p out is NULL); or
 *         #MFR_E_NOMEM: out of memory, the only failure with valid
 *         arguments. There is no error object: the status is the whole
 *         report, and a NULL intake with valid arguments means out of memory.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_new(const mfr_model *model, mfr_intake **out);

/**
 * Read an intake from a JSON document (doc/intake-format.md), of at most
 * #MFR_INTAKE_MAX_BYTES, nested at most #MFR_JSON_MAX_DEPTH deep, with at
 * most #MFR_INTAKE_MAX_ITEMS items per list (past these: #MFR_E_RANGE).
 *
 * @param model the model keys are checked against; it must outlive the intake.
 * @param data the document; need not be NUL-terminated.
 * @param size its length in bytes.
 * @param name a name for error messages, or NULL for "<buffer>".
 * @param[out] out receives the intake, or NULL on failure.
 * @param[out] err optional; says what is wrong and where (a JSON path such as
 *        "symptoms[0].region", and the line and column of the value), and
 *        suggests the nearest known keys.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_NOMEM, #MFR_E_SYNTAX, #MFR_E_TYPE,
 *         #MFR_E_MISSING, #MFR_E_UNKNOWN, #MFR_E_RANGE, #MFR_E_DUPLICATE,
 *         #MFR_E_REFERENCE or #MFR_E_CONSTRAINT.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_from_json(const mfr_model *model, const char *data,
					   size_t size, const char *name,
					   mfr_intake **out, mfr_error **err);

/**
 * Read an intake from a JSON file; as mfr_intake_from_json(), plus #MFR_E_IO.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_load_file(const mfr_model *model, const char *path,
					   mfr_intake **out, mfr_error **err);

/** Free an intake, dropping its reference to its model. NULL is accepted. @since 0.1.0 */
MFR_EXPORT void mfr_intake_free(mfr_intake *intake);

/** The model the intake was built against, borrowed (the intake holds a
 * reference to it; take one of your own with mfr_model_ref() to keep it
 * after the intake). @since 0.1.0 */
MFR_EXPORT const mfr_model *mfr_intake_model(const mfr_intake *intake);

/**
 * Add a symptom site.
 *
 * @param intake the intake.
 * @param region a region key ("heel").
 * @param side ::mfr_side_t: MFR_SIDE_LEFT or MFR_SIDE_RIGHT for a bilateral
 *        region, MFR_SIDE_MIDLINE (or 0) for a midline one.
 * @param intensity 0 to 10.
 * @param onset ::mfr_onset_t.
 * @param[out] err optional error detail.
 * @return #MFR_OK; #MFR_E_INVALID; #MFR_E_REFERENCE for an unknown region
 *         (the message suggests the nearest keys); #MFR_E_RANGE for an
 *         intensity or onset out of range, or when the intake holds
 *         #MFR_INTAKE_MAX_ITEMS symptoms already; #MFR_E_CONSTRAINT for a
 *         side that does not fit the region; #MFR_E_DUPLICATE when the site
 *         is already a symptom; #MFR_E_NOMEM. On failure the intake is
 *         unchanged.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_add_symptom(mfr_intake *intake, const char *region,
					     mfr_side_t side, int32_t intensity, mfr_onset_t onset,
					     mfr_error **err);

/**
 * Add the symptoms a body-map segment stands for: the model's "body_map"
 * section (doc/model-format.md) maps each segment id to one or more sites
 * (the default model: the CHOIR Collaborative Body Map, male numbering,
 * ids 101 to 136 on the front and 201 to 238 on the back, the sides being
 * the client's; doc/intake-format.md, "Body-map segments"). Each site
 * becomes a symptom of @p intensity and @p onset. A site that is already
 * a symptom (given by region, or by another segment) is not an error: it
 * keeps the higher of the two intensities, and takes @p onset when it had
 * none. mfr_model_segment_site_count() and friends say what a segment
 * stands for.
 * @param intake the intake.
 * @param segment the segment id (118: "Forearm (front-left)").
 * @param intensity 0 to 10.
 * @param onset ::mfr_onset_t.
 * @param[out] err optional error detail.
 * @return #MFR_OK; #MFR_E_INVALID; #MFR_E_REFERENCE for a segment the
 *         model's body map does not have, or a model without a body map;
 *         #MFR_E_RANGE for an intensity or onset out of range, or when the
 *         new sites would take the intake past #MFR_INTAKE_MAX_ITEMS
 *         symptoms; #MFR_E_NOMEM. All or nothing: on failure the intake is
 *         unchanged.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_intake_add_symptom_segment(mfr_intake *intake, uint32_t segment,
						     int32_t intensity, mfr_onset_t onset,
						     mfr_error **err);

/**
 * Record a condition by key ("plantar_fasciitis").
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_REFERENCE, #MFR_E_DUPLICATE,
 *         #MFR_E_RANGE (#MFR_INTAKE_MAX_ITEMS recorded already) or #MFR_E_NOMEM.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_add_condition(mfr_intake *intake, const char *key,
					       mfr_error **err);

/**
 * Record a precaution. A local precaution needs a site (@p region and
 * @p side, as for symptoms); a global one takes NULL and 0, except that a
 * site-scoped one (mfr_precaution_site_scoped(): the limb of a deep vein
 * thrombosis, a tumour site) may also be recorded once per affected site.
 * Those sites and their neighbourhood are never worked, even after
 * clearance.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_REFERENCE, #MFR_E_CONSTRAINT
 *         (a local precaution without a site, or a global one with one that
 *         is not site-scoped), #MFR_E_DUPLICATE, #MFR_E_RANGE
 *         (#MFR_INTAKE_MAX_ITEMS recorded already) or #MFR_E_NOMEM.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_add_precaution(mfr_intake *intake, const char *key,
						const char *region, mfr_side_t side,
						mfr_error **err);

/**
 * Record the stage of a staged precaution already recorded (pregnancy: the
 * trimester, 1 to 3). Without a stage, the precaution counts as at its last
 * stage: the most cautious.
 * @param intake the intake.
 * @param key the precaution's key.
 * @param stage 1 to mfr_precaution_stage_count().
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_REFERENCE, #MFR_E_CONSTRAINT (the
 *         precaution has no stages, or the intake does not record it),
 *         #MFR_E_RANGE, #MFR_E_DUPLICATE (a stage is already recorded) or
 *         #MFR_E_NOMEM.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_intake_set_stage(mfr_intake *intake, const char *key,
					   uint32_t stage, mfr_error **err);

/**
 * Declare that the therapist works within an internal scope of practice
 * (#MFR_ACCESS_INTRA_ORAL, #MFR_ACCESS_INTRA_PELVIC) and that the client's
 * specific, informed consent to that work is on record. Only then does a
 * plan work regions reached that way, and it flags each such step.
 * @param intake the intake.
 * @param access one ::mfr_access_t value other than #MFR_ACCESS_EXTERNAL.
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_RANGE (not an internal access) or
 *         #MFR_E_DUPLICATE (declared already).
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_intake_add_scope(mfr_intake *intake, mfr_access_t access,
					   mfr_error **err);

/**
 * Record the answer to a screening question (mfr/safety.h): the
 * precautions it sets, with its stage, at the site given when the answer
 * needs one (@p region and @p side as for symptoms; NULL and 0 otherwise).
 * All or nothing: on failure the intake is unchanged.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_REFERENCE (an unknown question,
 *         answer or region), #MFR_E_CONSTRAINT (a site missing or not
 *         wanted), #MFR_E_DUPLICATE or #MFR_E_NOMEM.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_intake_add_answer(mfr_intake *intake, const char *question,
					    const char *answer, const char *region,
					    mfr_side_t side, mfr_error **err);

/**
 * Record that a clinician cleared the client for work despite a precaution.
 * @param intake the intake.
 * @param key the precaution's key.
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_REFERENCE, #MFR_E_DUPLICATE,
 *         #MFR_E_RANGE (#MFR_INTAKE_MAX_ITEMS recorded already) or #MFR_E_NOMEM.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_add_clearance(mfr_intake *intake, const char *key,
					       mfr_error **err);

/**
 * Set the session length.
 * @return #MFR_OK, #MFR_E_INVALID or #MFR_E_RANGE (outside
 *         #MFR_INTAKE_MIN_MINUTES to #MFR_INTAKE_MAX_MINUTES).
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_set_minutes(mfr_intake *intake, uint32_t minutes,
					     mfr_error **err);

/**
 * Set the positions the client can take, a mask of ::mfr_position_t bits.
 * @return #MFR_OK, #MFR_E_INVALID or #MFR_E_RANGE (empty, or unknown bits).
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_set_positions(mfr_intake *intake, uint32_t positions,
					       mfr_error **err);

/**
 * @name Symptoms
 * Each symptom site is a handle borrowed from the intake: valid while the
 * intake lives and until the next symptom is added, never freed by the
 * caller.
 * @{
 */
/** How many symptom sites the intake has (0 for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_intake_symptom_count(const mfr_intake *intake);
/** The @p index -th symptom site, in the order added, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_intake_symptom *mfr_intake_symptom_at(const mfr_intake *intake,
							    uint32_t index);
/** The symptom's region, or NULL for NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_intake_symptom_region(const mfr_intake_symptom *symptom);
/** The symptom's ::mfr_side_t (MFR_SIDE_MIDLINE on a midline region), or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_side_t mfr_intake_symptom_side(const mfr_intake_symptom *symptom);
/** The symptom's intensity (0 to 10), or -1 for NULL. @since 0.1.0 */
MFR_EXPORT int32_t mfr_intake_symptom_intensity(const mfr_intake_symptom *symptom);
/** The symptom's ::mfr_onset_t, or MFR_ONSET_UNSPECIFIED (0) for NULL. @since 0.1.0 */
MFR_EXPORT mfr_onset_t mfr_intake_symptom_onset(const mfr_intake_symptom *symptom);
/** @} */

/** How many conditions the intake records. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_intake_condition_count(const mfr_intake *intake);
/** The @p index -th condition, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_condition *mfr_intake_condition_at(const mfr_intake *intake, uint32_t index);

/**
 * @name Precautions
 * Each precaution the intake records, with its site, is a handle borrowed
 * from the intake: valid while the intake lives and until the next
 * precaution is recorded, never freed by the caller. A precaution recorded
 * at several sites is one record per site.
 * @{
 */
/** How many precautions the intake records (0 for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_intake_precaution_count(const mfr_intake *intake);
/** The @p index -th record, in the order recorded, or NULL when out of range. @since 0.1.0 */
MFR_EXPORT const mfr_intake_precaution *mfr_intake_precaution_at(const mfr_intake *intake,
								  uint32_t index);
/** The model's precaution the record is of, or NULL for NULL. @since 0.2.0 */
MFR_EXPORT const mfr_precaution *mfr_intake_precaution_precaution(
	const mfr_intake_precaution *record);
/** The region of the record's site, or NULL for a global precaution without one (and for NULL). @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_intake_precaution_region(const mfr_intake_precaution *record);
/** The ::mfr_side_t of the record's site, or 0 without a site (and for NULL). @since 0.1.0 */
MFR_EXPORT mfr_side_t mfr_intake_precaution_side(const mfr_intake_precaution *record);
/** @} */

/** The stage recorded for @p precaution (1-based), or 0 when none is. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_intake_stage(const mfr_intake *intake,
				     const mfr_precaution *precaution);
/** The internal scopes declared: a mask of ::mfr_access_t bits. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_intake_scopes(const mfr_intake *intake);

/** How many clearances the intake records. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_intake_clearance_count(const mfr_intake *intake);
/** The precaution of the @p index -th clearance, or NULL. @since 0.1.0 */
MFR_EXPORT const mfr_precaution *mfr_intake_clearance_at(const mfr_intake *intake, uint32_t index);
/**
 * 1 when the intake records an answer to @p question (mfr_intake_add_answer(),
 * any answer, "no" too). @since 0.2.0
 */
MFR_EXPORT int mfr_intake_is_answered(const mfr_intake *intake, const mfr_screening *question);
/** 1 when the intake records a clearance for @p precaution. @since 0.1.0 */
MFR_EXPORT int mfr_intake_is_cleared(const mfr_intake *intake, const mfr_precaution *precaution);

/** The session length in minutes (0 for a NULL intake). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_intake_minutes(const mfr_intake *intake);
/** The positions the client can take: a mask of ::mfr_position_t bits. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_intake_positions(const mfr_intake *intake);

/**
 * @name Audit trail
 * The clinic's id for the intake and its own extension members, carried
 * untouched into every trace, plan and program made from the intake and
 * into every output written of them (mfr/output.h; doc/plan-format.md,
 * "Audit trail"). A trace or a plan keeps copies: changing the intake
 * later changes neither.
 * @{
 */
/**
 * Set (or with NULL, clear) the clinic's id for the intake: a record
 * number, an encounter id.
 * @param intake the intake.
 * @param id 1 to #MFR_NAME_MAX_LENGTH characters of UTF-8 without control
 *        characters (one line of text), copied; or NULL.
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID (@p intake is NULL), #MFR_E_RANGE (empty,
 *         too long, not UTF-8, or a control character) or #MFR_E_NOMEM. On
 *         failure the intake is unchanged.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_intake_set_id(mfr_intake *intake, const char *id,
					mfr_error **err);
/** The intake's id, or NULL when none is set (and for NULL); it lives until
 * the id is next set or the intake is freed. @since 0.2.0 */
MFR_EXPORT const char *mfr_intake_id(const mfr_intake *intake);
/**
 * Set (or with NULL, clear) the intake's extensions: a JSON object of the
 * clinic's own members, which libmfr does not read but passes on, token
 * for token, into every output (the whitespace between tokens is not
 * kept). Unknown members elsewhere in an intake stay errors: this object is
 * where a clinic's own data goes.
 * @param intake the intake.
 * @param json the text of one JSON object (NUL-terminated, at most
 *        #MFR_INTAKE_MAX_BYTES bytes, nested at most #MFR_JSON_MAX_DEPTH - 1
 *        levels), or NULL.
 * @param[out] err optional error detail: where the text is malformed (line
 *        and column), or what it is instead of an object.
 * @return #MFR_OK, #MFR_E_INVALID (@p intake is NULL), #MFR_E_SYNTAX,
 *         #MFR_E_TYPE (valid JSON but not an object), #MFR_E_RANGE (too
 *         large or too deep) or #MFR_E_NOMEM. On failure the intake is
 *         unchanged.
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_intake_set_extensions(mfr_intake *intake, const char *json,
						mfr_error **err);
/** The intake's extensions as compact JSON text (an object), or NULL when
 * none are set (and for NULL); it lives until they are next set or the
 * intake is freed. @since 0.2.0 */
MFR_EXPORT const char *mfr_intake_extensions(const mfr_intake *intake);
/** @} */

/**
 * Serialize the intake as JSON in the form mfr_intake_from_json() reads.
 * @param intake the intake.
 * @param flags 0 or #MFR_JSON_COMPACT.
 * @param[out] out receives the text; free it with mfr_free().
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID or #MFR_E_NOMEM.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_intake_to_json(const mfr_intake *intake, uint32_t flags,
					 char **out, mfr_error **err);

/** @} */

MFR_END_DECLS

#endif /* MFR_INTAKE_H */
