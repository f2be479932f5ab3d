/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/trace.h
 * @brief Trace: from symptom sites to local and distant treatment sites,
 *        ranked, each with the paths that explain it.
 *
 * Because fascia is continuous, the place that hurts is often not the place
 * to treat. A trace follows the model's relations outwards from each symptom
 * site: fascial lines (in both directions, crossing the midline where a line
 * does), trigger-point referrals (from the area where pain is felt back to
 * the muscle that may refer it), the region hierarchy and adjacency. Every
 * step multiplies a score by a factor below 1; doc/algorithm.md gives the
 * factors and how several symptoms and condition priors combine.
 *
 * A trace is a pure function of the model, the intake and the options: the
 * same input gives the same ranking and paths, byte for byte.
 *
 * A trace holds a reference to the intake's model, whose entities it
 * returns, until it is freed; it does not need the intake once made.
 *
 * Threading: a finished trace is never changed: its explanations are
 * written when it is made, so every getter (mfr_trace_result_explain()
 * included) and mfr_trace_to_json() only read it, and any number of threads
 * may read one trace at once; it must not be freed while one still does.
 * Any number of threads may trace against one model and intake at once.
 * Trace options belong to one thread while their setters run; after that,
 * any number of traces may use them at once (mfr_trace_run() only reads
 * them).
 */
#ifndef MFR_TRACE_H
#define MFR_TRACE_H

#include "mfr/intake.h"
#include "mfr/referral.h"

MFR_BEGIN_DECLS

/**
 * @defgroup trace Trace
 * @{
 */

/** Trace options: an opaque object with setters, so fields can be added. @since 0.1.0 */
typedef struct mfr_trace_options mfr_trace_options;
/** A finished trace: ranked results. @since 0.1.0 */
typedef struct mfr_trace mfr_trace;
/** One ranked treatment site: a handle borrowed from its trace, as are its
 * paths and their steps. @since 0.1.0 */
typedef struct mfr_trace_result mfr_trace_result;
/** One explanation path, from a symptom site to a result's site. @since 0.1.0 */
typedef struct mfr_trace_path mfr_trace_path;
/** One step of a path. @since 0.2.0 */
typedef struct mfr_trace_path_step mfr_trace_path_step;

/** The relations a trace can follow: single bits of one mask. @since 0.1.0 */
typedef enum mfr_relation_t {
	MFR_RELATION_LINE = 1 << 0,      /**< a fascial line transition */
	MFR_RELATION_REFERRAL = 1 << 1,  /**< a trigger-point referral */
	MFR_RELATION_HIERARCHY = 1 << 2, /**< a region and a region within it */
	MFR_RELATION_ADJACENCY = 1 << 3, /**< bordering regions */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_RELATION__MAX = 0x7fffffff
} mfr_relation_t;

/** Every relation. @since 0.1.0 */
#define MFR_RELATION_ALL 0xfu

/** How far a result lies from the symptom that ranks it highest. @since 0.1.0 */
typedef enum mfr_distance_t {
	MFR_DISTANCE_LOCAL = 1,        /**< the symptom site, or within or around it in the hierarchy */
	MFR_DISTANCE_ADJACENT = 2,     /**< reached through bordering regions */
	MFR_DISTANCE_DISTANT = 3,      /**< reached along a line or a referral */
	MFR_DISTANCE_CONTRALATERAL = 4, /**< on the other side of the body */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_DISTANCE__MAX = 0x7fffffff
} mfr_distance_t;

/** @return the key of a single ::mfr_relation_t bit ("line"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_relation_name(mfr_relation_t relation);
/** @return "local", "adjacent", "distant", "contralateral", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_distance_name(mfr_distance_t distance);

/**
 * Create trace options with the defaults: 20 results, 6 steps, any evidence
 * grade, every relation, every line.
 * @param[out] out receives the options, or NULL on failure.
 * @return #MFR_OK; #MFR_E_INVALID (@p out is NULL); or #MFR_E_NOMEM: out
 *         of memory, the only failure with a valid @p out. There is no error
 *         object: a NULL @p *out with a valid @p out means out of memory.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_trace_options_new(mfr_trace_options **out);
/** Free options. NULL is accepted. @since 0.1.0 */
MFR_EXPORT void mfr_trace_options_free(mfr_trace_options *opts);
/** How many results at most (1 to 10000). @return #MFR_OK, #MFR_E_INVALID or #MFR_E_RANGE. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_trace_options_set_max_results(mfr_trace_options *opts, uint32_t n);
/** How many steps a path may take at most (1 to 64). @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_trace_options_set_max_steps(mfr_trace_options *opts, uint32_t n);
/** Follow only lines whose evidence grade is at least @p grade (::mfr_evidence_t). @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_trace_options_set_min_evidence(mfr_trace_options *opts, mfr_evidence_t grade);
/** Follow only these relations (a non-empty mask of ::mfr_relation_t bits). @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_trace_options_set_relations(mfr_trace_options *opts, uint32_t mask);
/**
 * Follow only the lines added this way (by key); with none added, every line.
 * The key is checked when tracing, against the intake's model.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_RANGE (not a valid key) or
 *         #MFR_E_NOMEM (out of memory: there is no error object, the status
 *         says it). On failure the options are unchanged.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_trace_options_add_line(mfr_trace_options *opts, const char *line);

/**
 * Trace an intake.
 *
 * @param intake the client; its symptom sites are the starting points.
 * @param opts options, or NULL for the defaults.
 * @param[out] out receives the trace, or NULL on failure. An intake without
 *        symptoms gives an empty trace.
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_REFERENCE (an option names a line
 *         the model lacks) or #MFR_E_NOMEM.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_trace_run(const mfr_intake *intake, const mfr_trace_options *opts,
				    mfr_trace **out, mfr_error **err);

/** Free a trace and its results, dropping its reference to the model. NULL is accepted. @since 0.1.0 */
MFR_EXPORT void mfr_trace_free(mfr_trace *trace);

/** How many results the trace has (0 for NULL). @since 0.2.0 (mfr_trace_count() before) */
MFR_EXPORT uint32_t mfr_trace_result_count(const mfr_trace *trace);
/** The @p index -th result, best first, or NULL when out of range. @since 0.1.0 */
MFR_EXPORT const mfr_trace_result *mfr_trace_result_at(const mfr_trace *trace, uint32_t index);

/** The result's region, or NULL for NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_trace_result_region(const mfr_trace_result *result);
/** The result's ::mfr_side_t, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_side_t mfr_trace_result_side(const mfr_trace_result *result);
/** The result's score, above 0; higher is more promising; 0 for NULL. @since 0.1.0 */
MFR_EXPORT double mfr_trace_result_score(const mfr_trace_result *result);
/** The result's ::mfr_distance_t, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_distance_t mfr_trace_result_distance(const mfr_trace_result *result);
/**
 * A one-line explanation ("left soleus: refers pain to the left heel
 * (trigger-point pattern, essential zone)"); lives as long as the trace.
 * Written when the trace is made: reading it changes nothing and cannot
 * fail. At most 1023 bytes; a longer one is cut at a character and ends in
 * "...". Never NULL for a result; NULL for a NULL @p result.
 * @since 0.1.0
 */
MFR_EXPORT const char *mfr_trace_result_explain(const mfr_trace_result *result);
/** How many paths explain the result (one per symptom that reaches it; 0 for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_trace_result_path_count(const mfr_trace_result *result);
/** The @p index -th path, strongest first, or NULL when out of range. @since 0.1.0 */
MFR_EXPORT const mfr_trace_path *mfr_trace_result_path_at(const mfr_trace_result *result,
							   uint32_t index);

/** The index of the intake symptom the path starts from (mfr_intake_symptom_at()); 0 for NULL. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_trace_path_symptom(const mfr_trace_path *path);
/** What this path alone contributes to the result's score; 0 for NULL. @since 0.1.0 */
MFR_EXPORT double mfr_trace_path_score(const mfr_trace_path *path);
/** How many steps the path takes (0 when the result is the symptom site itself, and for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_trace_path_step_count(const mfr_trace_path *path);
/** The @p index -th step, from the symptom outwards, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_trace_path_step *mfr_trace_path_step_at(const mfr_trace_path *path,
							      uint32_t index);
/** The region the step leaves from, or NULL for NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_trace_path_step_from(const mfr_trace_path_step *step);
/** The ::mfr_side_t the step leaves from, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_side_t mfr_trace_path_step_from_side(const mfr_trace_path_step *step);
/** The region the step arrives at, or NULL for NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_trace_path_step_to(const mfr_trace_path_step *step);
/** The ::mfr_side_t the step arrives at, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_side_t mfr_trace_path_step_to_side(const mfr_trace_path_step *step);
/** The ::mfr_relation_t (a single bit) the step follows, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_relation_t mfr_trace_path_step_relation(const mfr_trace_path_step *step);
/** For a line step: the line; NULL for any other step (and for NULL). @since 0.1.0 */
MFR_EXPORT const mfr_line *mfr_trace_path_step_line(const mfr_trace_path_step *step);
/** For a line step: 1 when it crosses the midline; else 0. @since 0.1.0 */
MFR_EXPORT int mfr_trace_path_step_crosses(const mfr_trace_path_step *step);
/** For a referral step: the referral pattern; NULL for any other step (and for NULL). @since 0.1.0 */
MFR_EXPORT const mfr_referral *mfr_trace_path_step_referral(const mfr_trace_path_step *step);
/** For a referral step: the ::mfr_zone_kind_t of the area in the pattern; 0 for any other step (and for NULL). @since 0.1.0 */
MFR_EXPORT mfr_zone_kind_t mfr_trace_path_step_zone(const mfr_trace_path_step *step);
/** The factor the step multiplies the score by (0 to 1); 0 for NULL. @since 0.1.0 */
MFR_EXPORT double mfr_trace_path_step_factor(const mfr_trace_path_step *step);

/**
 * Serialize the trace as JSON (doc/trace-format.md).
 * @param trace the trace.
 * @param flags 0 or #MFR_JSON_COMPACT.
 * @param[out] out receives the text; free it with mfr_free().
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID or #MFR_E_NOMEM.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_trace_to_json(const mfr_trace *trace, uint32_t flags,
					char **out, mfr_error **err);

/** @} */

MFR_END_DECLS

#endif /* MFR_TRACE_H */
