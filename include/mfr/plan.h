/*
 * libmfr - myofascial treatment-plan modelling.
 * SPDX-License-Identifier: MIT
 */
/**
 * @file mfr/plan.h
 * @brief Session plans and multi-session programs: ordered, timed steps that
 *        never break a precaution.
 *
 * A plan turns an intake into the steps of one session: which site, from
 * which client position, with which technique, at what pressure, for how
 * long, and why (the trace result behind it). It screens the intake's
 * precautions first: an absolute contraindication, or a precaution that
 * refers for diagnosis first (mfr_precaution_refer_first()) and is not yet
 * cleared, gives status #MFR_PLAN_REFER_OUT and no steps; one that needs a clearance the intake
 * lacks gives #MFR_PLAN_NEEDS_CLEARANCE (the steps are shown, to start only
 * once cleared). The rules are in doc/algorithm.md ("Plans").
 *
 * Invariants every plan keeps: no step on or beside a site a local
 * precaution excludes, nor on the sites a global precaution names (even
 * after clearance); no technique above a precaution's pressure ceiling or
 * of a kind a precaution excludes; no step in a danger zone above its
 * ceiling or with a technique it excludes; no internal work without a
 * declared scope; no position a precaution rules out; no dose beyond a
 * condition's or precaution's; total time (steps and position changes)
 * within the session; every hold within its technique's range.
 * doc/safety.md lists them and how they are tested.
 *
 * A plan is a pure function of its intake and options; it holds a
 * reference to the intake's model until it is freed (a program's session
 * plans each hold one), and does not need the intake once made.
 *
 * Threading: a finished plan or program is never changed, so any number of
 * threads may read one at once (its getters and its JSON); it must not be
 * freed while one still does. Any number of threads may plan against one
 * model and intake at once. Plan options belong to one thread while their
 * setters run, and may then be shared.
 */
#ifndef MFR_PLAN_H
#define MFR_PLAN_H

#include "mfr/messages.h"
#include "mfr/trace.h"
#include "mfr/technique.h"

MFR_BEGIN_DECLS

/**
 * @defgroup plan Plans and programs
 * @{
 */

/** Plan options: opaque, with setters. @since 0.1.0 */
typedef struct mfr_plan_options mfr_plan_options;
/** One session's plan. @since 0.1.0 */
typedef struct mfr_plan mfr_plan;
/** A course of sessions. @since 0.1.0 */
typedef struct mfr_program mfr_program;
/** One step of a plan: a handle borrowed from the plan. @since 0.2.0 */
typedef struct mfr_plan_step mfr_plan_step;
/** One warning of a plan: a handle borrowed from the plan. @since 0.2.0 */
typedef struct mfr_plan_warning mfr_plan_warning;
/** One session of a program: a handle borrowed from the program. @since 0.2.0 */
typedef struct mfr_program_session mfr_program_session;

/** Whether a plan may be carried out. @since 0.1.0 */
typedef enum mfr_plan_status_t {
	MFR_PLAN_OK = 1,              /**< may be carried out as written */
	MFR_PLAN_NEEDS_CLEARANCE = 2, /**< start only once a clinician has cleared the client */
	MFR_PLAN_REFER_OUT = 3,       /**< no MFR: refer the client to a physician; no steps */
	/** Answer the open screening questions (warnings of kind
	 * #MFR_WARNING_UNSCREENED) first: what their answers may rule out
	 * leaves nothing to plan, keeps a symptom's own site out, or keeps
	 * out a traced site that ranks above a step the plan works (a
	 * warning of kind #MFR_WARNING_SITE_EXCLUDED names the question): the
	 * steps work around it. @since 0.2.0 */
	MFR_PLAN_NEEDS_ANSWERS = 4,
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_PLAN_STATUS__MAX = 0x7fffffff
} mfr_plan_status_t;

/** Where a step stands in the session. @since 0.1.0 */
typedef enum mfr_phase_t {
	MFR_PHASE_ASSESSMENT = 1,  /**< opening assessment or superficial work */
	MFR_PHASE_TREATMENT = 2,   /**< work on a traced site */
	MFR_PHASE_INTEGRATION = 3, /**< closing integration */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_PHASE__MAX = 0x7fffffff
} mfr_phase_t;

/** What a warning is about. @since 0.1.0 */
typedef enum mfr_warning_kind_t {
	MFR_WARNING_REFER_OUT = 1,        /**< an absolute contraindication, or a referral for diagnosis first */
	MFR_WARNING_NEEDS_CLEARANCE = 2,  /**< a precaution needs a clearance the intake lacks */
	MFR_WARNING_MODIFIED = 3,         /**< a precaution lowers the pressure or rules out techniques */
	MFR_WARNING_SITE_EXCLUDED = 4,    /**< a traced site skipped for a precaution */
	MFR_WARNING_UNREACHABLE = 5,      /**< a traced site no allowed position or technique reaches */
	MFR_WARNING_TIME = 6,             /**< traced sites left out for lack of time */
	MFR_WARNING_ACUTE = 7,            /**< a symptom of acute onset */
	MFR_WARNING_NO_SITES = 8,         /**< nothing could be planned */
	MFR_WARNING_SCOPE = 9,            /**< internal work: out of the declared scope, or done under it */
	MFR_WARNING_DANGER_ZONE = 10,     /**< a step in a danger zone, limited by it */
	MFR_WARNING_POSITION = 11,        /**< a precaution rules out client positions */
	MFR_WARNING_DOSE = 12,            /**< a condition or precaution sets the dose */
	MFR_WARNING_UNSCREENED = 13,      /**< a screening question a condition calls for has no answer (since 0.2.0) */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_WARNING_KIND__MAX = 0x7fffffff
} mfr_warning_kind_t;

/** What marks a plan step out. @since 0.2.0 */
typedef enum mfr_step_flag_t {
	MFR_STEP_DANGER_ZONE = 1 << 0, /**< it lies in a danger zone and obeys it */
	MFR_STEP_INTERNAL = 1 << 1,    /**< internal work, under a declared scope and consent */
	/** Not a value: fixes the width of the type at 32 bits. */
	MFR_STEP_FLAG__MAX = 0x7fffffff
} mfr_step_flag_t;

/** @return "ok", "needs_clearance", "refer_out", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_plan_status_name(mfr_plan_status_t status);
/** @return "assessment", "treatment", "integration", or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_phase_name(mfr_phase_t phase);
/** @return the key of a ::mfr_warning_kind_t ("site_excluded"), or NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_warning_kind_name(mfr_warning_kind_t kind);

/**
 * Create plan options with the defaults: up to 20 traced sites considered,
 * 60 s per position change, 120 s for the opening and the closing blocks.
 * @param[out] out receives the options, or NULL on failure.
 * @return #MFR_OK; #MFR_E_INVALID (@p out is NULL); or #MFR_E_NOMEM: out
 *         of memory, the only failure with a valid @p out. There is no error
 *         object: a NULL @p *out with a valid @p out means out of memory.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_plan_options_new(mfr_plan_options **out);
/** Free options. NULL is accepted. @since 0.1.0 */
MFR_EXPORT void mfr_plan_options_free(mfr_plan_options *opts);
/** How many traced sites to consider (1 to 200). @return #MFR_OK, #MFR_E_INVALID or #MFR_E_RANGE. @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_plan_options_set_max_sites(mfr_plan_options *opts, uint32_t n);
/**
 * Prefer technique @p key (a model key, such as "fascial_manipulation"):
 * wherever the screening, the site's zone, the dose and the positions allow
 * it, a treatment step uses it before the technique libmfr would choose; a
 * technique without a sourced hold is then timed by the block length. Call
 * again to prefer several (at most 16, the first allowed one wins). An
 * unknown key fails mfr_plan_run() and mfr_program_run() with
 * #MFR_E_REFERENCE. @return #MFR_OK, #MFR_E_INVALID (NULL), #MFR_E_RANGE
 * (empty, longer than 63 bytes, or a 17th) or #MFR_E_NOMEM. @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_plan_options_add_technique(mfr_plan_options *opts, const char *key);
/** Seconds a change of client position takes (0 to 600). @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_plan_options_set_reposition_seconds(mfr_plan_options *opts, uint32_t s);
/**
 * Seconds for the opening and the closing blocks of techniques the model
 * gives no duration for (30 to 900). A scheduling parameter, not a clinical
 * claim.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_plan_options_set_block_seconds(mfr_plan_options *opts, uint32_t s);

/**
 * Plan one session.
 * @param intake the client.
 * @param opts options, or NULL for the defaults.
 * @param[out] out receives the plan, or NULL on failure.
 * @param[out] err optional error detail.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_MISSING (the intake records no
 *         symptoms: there is nothing to plan) or #MFR_E_NOMEM. A plan that
 *         may not be carried out is still #MFR_OK: see mfr_plan_status().
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_plan_run(const mfr_intake *intake, const mfr_plan_options *opts,
				   mfr_plan **out, mfr_error **err);

/**
 * Plan one session from a trace the caller has already made of the same
 * intake (to show the ranking and then plan without tracing twice, or to
 * plan over a trace made with other options: fewer relations, named lines).
 * The plan considers the trace's results in rank order, up to the number
 * mfr_plan_run() would trace for itself (the options' max_sites); with
 * the trace mfr_plan_run() makes, the plan is the same byte for byte.
 * @param trace a trace of @p intake, made while it recorded the symptoms it
 *        records now; it must outlive the call only.
 * @param intake the client.
 * @param opts options, or NULL for the defaults.
 * @param[out] out receives the plan, or NULL on failure.
 * @param[out] err optional error detail.
 * @return as mfr_plan_run(), and #MFR_E_INVALID when the trace was made from
 *         other symptoms (or another model).
 * @since 0.2.0
 */
MFR_EXPORT mfr_status_t mfr_plan_run_from_trace(const mfr_trace *trace,
					      const mfr_intake *intake,
					      const mfr_plan_options *opts, mfr_plan **out,
					      mfr_error **err);
/** Free a plan, dropping its reference to the model. NULL is accepted. @since 0.1.0 */
MFR_EXPORT void mfr_plan_free(mfr_plan *plan);

/** The plan's ::mfr_plan_status_t. @since 0.1.0 */
MFR_EXPORT mfr_plan_status_t mfr_plan_status(const mfr_plan *plan);
/** The session length in seconds. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_plan_session_seconds(const mfr_plan *plan);
/** The planned time in seconds: steps plus position changes. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_plan_total_seconds(const mfr_plan *plan);
/** How many times the client changes position. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_plan_position_changes(const mfr_plan *plan);
/** The highest ::mfr_pressure_t any step may use, after precautions. @since 0.1.0 */
MFR_EXPORT mfr_pressure_t mfr_plan_pressure_ceiling(const mfr_plan *plan);

/**
 * @name Steps
 * A plan's steps in session order, each a handle borrowed from the plan:
 * valid while the plan lives, never freed by the caller.
 * @{
 */
/** How many steps the plan has (0 when referring out, and for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_plan_step_count(const mfr_plan *plan);
/** The @p index -th step, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_plan_step *mfr_plan_step_at(const mfr_plan *plan, uint32_t index);
/** The step's ::mfr_phase_t, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_phase_t mfr_plan_step_phase(const mfr_plan_step *step);
/** The step's region, or NULL for NULL. @since 0.1.0 */
MFR_EXPORT const mfr_region *mfr_plan_step_region(const mfr_plan_step *step);
/** The step's ::mfr_side_t, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_side_t mfr_plan_step_side(const mfr_plan_step *step);
/** The step's technique, or NULL for NULL. @since 0.1.0 */
MFR_EXPORT const mfr_technique *mfr_plan_step_technique(const mfr_plan_step *step);
/** The step's ::mfr_approach_t: direct or indirect; 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_approach_t mfr_plan_step_approach(const mfr_plan_step *step);
/** The step's ::mfr_pressure_t, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_pressure_t mfr_plan_step_pressure(const mfr_plan_step *step);
/** The client's ::mfr_position_t for the step (a single bit), or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_position_t mfr_plan_step_position(const mfr_plan_step *step);
/**
 * For a side-lying step, the ::mfr_side_t the client lies on (the site
 * uppermost; for a midline site, the side the client already lies on);
 * 0 for any other step and for NULL. Turning from one side to the other
 * counts as a position change.
 * @since 0.2.0
 */
MFR_EXPORT mfr_side_t mfr_plan_step_lying_side(const mfr_plan_step *step);
/** The step's duration in seconds, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_plan_step_seconds(const mfr_plan_step *step);
/** The rank (1-based) of the trace result behind a treatment step; 0 for other steps and for NULL. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_plan_step_trace_rank(const mfr_plan_step *step);
/** Why this step: a sentence that points back to the trace; never NULL for a step, NULL for NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_plan_step_rationale(const mfr_plan_step *step);
/**
 * Why this step, as a message (mfr/messages.h): its code ("rationale.trace",
 * "rationale.opening", ...) and parameters, to write with another table
 * (mfr_message_render()); mfr_plan_step_rationale() is it in English.
 * @return borrowed from the plan; never NULL for a step, NULL for NULL.
 * @since 0.2.0
 */
MFR_EXPORT const mfr_message *mfr_plan_step_rationale_message(const mfr_plan_step *step);
/** The step's ::mfr_step_flag_t bits, or 0 for NULL. @since 0.2.0 */
MFR_EXPORT uint32_t mfr_plan_step_flags(const mfr_plan_step *step);
/** The danger zone the step lies in (and obeys), or NULL when none (and for NULL). @since 0.2.0 */
MFR_EXPORT const mfr_danger_zone *mfr_plan_step_danger_zone(const mfr_plan_step *step);
/** @} */

/**
 * @name Warnings
 * What the therapist must know about a plan, each a handle borrowed from
 * the plan. Software acts on the code, never the text.
 * @{
 */
/** How many warnings the plan carries (0 for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_plan_warning_count(const mfr_plan *plan);
/** The @p index -th warning, or NULL when out of range. @since 0.2.0 */
MFR_EXPORT const mfr_plan_warning *mfr_plan_warning_at(const mfr_plan *plan, uint32_t index);
/** The warning's ::mfr_warning_kind_t, or 0 for NULL. @since 0.1.0 */
MFR_EXPORT mfr_warning_kind_t mfr_plan_warning_kind(const mfr_plan_warning *warning);
/** The warning, for a person; never NULL for a warning, NULL for NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_plan_warning_text(const mfr_plan_warning *warning);
/**
 * The warning as a message (mfr/messages.h): its message code
 * ("warning.refer_out.absolute": finer than mfr_plan_warning_code(), one
 * per sentence) and parameters, to write with another table
 * (mfr_message_render()); mfr_plan_warning_text() is it in English.
 * @return borrowed from the plan; never NULL for a warning, NULL for NULL.
 * @since 0.2.0
 */
MFR_EXPORT const mfr_message *mfr_plan_warning_message(const mfr_plan_warning *warning);
/**
 * The warning's stable code ("refer_out", "site_excluded", "danger_zone",
 * ...; doc/plan-format.md lists them all), for software to act on; never
 * NULL for a warning, NULL for NULL.
 * @since 0.2.0
 */
MFR_EXPORT const char *mfr_plan_warning_code(const mfr_plan_warning *warning);
/**
 * The ::mfr_kind_t of the model entity the warning is about (a precaution,
 * a danger zone, a condition), or 0 when it is about none (and for NULL).
 * @since 0.2.0
 */
MFR_EXPORT mfr_kind_t mfr_plan_warning_subject_kind(const mfr_plan_warning *warning);
/**
 * The key of what the warning is about: the entity's key, or for a scope
 * warning the ::mfr_access_t name ("intra_oral"); NULL when about none.
 * @since 0.2.0
 */
MFR_EXPORT const char *mfr_plan_warning_subject_key(const mfr_plan_warning *warning);
/** The site's region when the warning is about one, or NULL. @since 0.2.0 */
MFR_EXPORT const mfr_region *mfr_plan_warning_region(const mfr_plan_warning *warning);
/** The site's ::mfr_side_t, or 0 when the warning is about no site (and for NULL). @since 0.2.0 */
MFR_EXPORT mfr_side_t mfr_plan_warning_side(const mfr_plan_warning *warning);
/**
 * The trace rank (1-based) of the traced site the warning says was left
 * out (a precaution's exclusion, scope, no technique reaching it), or 0
 * when it is about no traced site (and for NULL): the rank the text
 * names, for software that acts on it without reading the text.
 * @since 0.2.0
 */
MFR_EXPORT uint32_t mfr_plan_warning_trace_rank(const mfr_plan_warning *warning);
/** @} */

/**
 * How many aftercare items the plan gives: the model's items for every
 * client, and those for the precautions this intake records.
 * @since 0.1.0
 */
MFR_EXPORT uint32_t mfr_plan_aftercare_count(const mfr_plan *plan);
/**
 * The @p index -th aftercare item, or NULL when out of range: the model's
 * own item (mfr_aftercare_key(), mfr_aftercare_text(),
 * mfr_aftercare_kind(); show a #MFR_AFTERCARE_RED_FLAG item so that it
 * cannot be missed), borrowed from the plan's model.
 * @since 0.2.0
 */
MFR_EXPORT const mfr_aftercare *mfr_plan_aftercare_at(const mfr_plan *plan, uint32_t index);

/**
 * Serialize the plan as JSON (doc/plan-format.md).
 * @param plan the plan.
 * @param flags 0 or #MFR_JSON_COMPACT.
 * @param[out] out receives the text; free it with mfr_free().
 * @param[out] err optional error detail.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_plan_to_json(const mfr_plan *plan, uint32_t flags,
				       char **out, mfr_error **err);

/**
 * Plan a course of @p sessions sessions over @p weeks weeks: sessions at
 * least 48 hours apart, progressing from gentle, indirect work near the
 * symptoms to direct work out along the lines to the root-cause sites, with
 * reassessment points. Each session is a full plan.
 * @return #MFR_OK, #MFR_E_INVALID, #MFR_E_MISSING (the intake records no
 *         symptoms), #MFR_E_RANGE (no room for the sessions 48 hours apart,
 *         or 1 to 52 sessions and weeks exceeded) or #MFR_E_NOMEM.
 * @since 0.1.0
 */
MFR_EXPORT mfr_status_t mfr_program_run(const mfr_intake *intake, uint32_t sessions,
				      uint32_t weeks, const mfr_plan_options *opts,
				      mfr_program **out, mfr_error **err);
/** Free a program. NULL is accepted. @since 0.1.0 */
MFR_EXPORT void mfr_program_free(mfr_program *program);
/** How many weeks the program spans (0 for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_program_weeks(const mfr_program *program);
/** How many sessions the program has (0 for NULL). @since 0.1.0 */
MFR_EXPORT uint32_t mfr_program_session_count(const mfr_program *program);
/**
 * The @p index -th session, in order, or NULL when out of range: a handle
 * borrowed from the program.
 * @since 0.2.0
 */
MFR_EXPORT const mfr_program_session *mfr_program_session_at(const mfr_program *program,
							       uint32_t index);
/** The day (0 = the first session) the session falls on; 0 for NULL. @since 0.1.0 */
MFR_EXPORT uint32_t mfr_program_session_day(const mfr_program_session *session);
/** What the session focuses on, for a person ("gentle: ..."); never NULL for a session, NULL for NULL. @since 0.1.0 */
MFR_EXPORT const char *mfr_program_session_focus(const mfr_program_session *session);
/** 1 when the session opens with a reassessment of the client, else 0. @since 0.1.0 */
MFR_EXPORT int mfr_program_session_reassess(const mfr_program_session *session);
/** The plan of the session, borrowed from the program (never freed by the caller); NULL for NULL. @since 0.1.0 */
MFR_EXPORT const mfr_plan *mfr_program_session_plan(const mfr_program_session *session);
/** Serialize the program as JSON (doc/plan-format.md). @since 0.1.0 */
MFR_EXPORT mfr_status_t mfr_program_to_json(const mfr_program *program, uint32_t flags,
					  char **out, mfr_error **err);

/** @} */

MFR_END_DECLS

#endif /* MFR_PLAN_H */
