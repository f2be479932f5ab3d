/*
 * libmfr - the plan's private layout, shared by the planner, the program
 * and the JSON writer.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_PLAN_PRIVATE_H
#define MFR_PLAN_PRIVATE_H

#include <stdint.h>

#include "arena.h"
#include "audit.h"
#include "intake-private.h"
#include "messages-private.h"

struct mfr_plan_options {
	uint32_t max_sites;
	uint32_t reposition_seconds;
	uint32_t block_seconds;
	char **techniques; /* keys the therapist prefers, checked at run */
	uint32_t technique_count;
};

/* Whether every technique @p o prefers exists in @p m; else an error
 * naming the first unknown one (MFR_E_REFERENCE). */
mfr_status_t mfr__plan_options_check(const mfr_model *m, const mfr_plan_options *o,
				   mfr_error **err);

struct mfr_plan_step {
	const mfr_region *region;
	const mfr_technique *technique;
	uint8_t phase;    /* mfr_phase_t */
	uint8_t side;     /* mfr_side_t */
	uint8_t approach; /* MFR_APPROACH_DIRECT or _INDIRECT */
	uint8_t pressure; /* mfr_pressure_t */
	uint8_t position; /* one mfr_position_t bit */
	uint8_t positions; /* the mfr_position_t bits it may be done in */
	uint8_t lying;    /* side-lying: the mfr_side_t the client lies on; else 0 */
	uint32_t seconds;
	uint32_t trace_rank; /* 0 for opening and closing steps */
	double score;        /* the trace result's score, behind a trace_rank */
	uint8_t distance;    /* mfr_distance_t of the trace result */
	uint32_t path_steps; /* length of the trace path: root causes first */
	uint32_t symptom;    /* the intake symptom its strongest path starts at */
	uint32_t part;       /* model index of its body part (head to toe), for order */
	uint32_t travel;     /* how many parts it lies from the main symptom's */
	uint8_t flags;       /* mfr_step_flag_t bits */
	const mfr_danger_zone *zone; /* the zone the step lies in, or NULL */
	const mfr_trace_result *result; /* behind a treatment step, while planning */
	const mfr_condition *site_work; /* the condition naming work at the symptom site */
	const mfr_condition *named_by; /* the condition naming its technique at a
					* trigger-point site, or NULL */
	/* The first line its strongest trace path follows, and the site that
	 * line step reaches (for the body chart: which copy of the line), or
	 * NULL. */
	const mfr_line *line;
	const mfr_region *line_region;
	uint8_t line_side;
	const char *rationale;             /* in English */
	const mfr_message *rationale_msg;  /* its code and parameters */
};

struct mfr_plan_warning {
	uint8_t kind;         /* mfr_warning_kind_t */
	uint8_t subject_kind; /* mfr_kind_t of what it is about, 0 for none */
	uint8_t side;         /* of the site, 0 for none */
	const char *code;     /* static: a stable code ("danger_zone") */
	const char *subject;  /* the key of what it is about, or NULL */
	const mfr_region *region; /* the site, or NULL */
	uint32_t trace_rank;  /* the traced site's rank (1-based), or 0 */
	const char *text;     /* in English */
	const mfr_message *msg; /* its code and parameters */
};

struct mfr_plan {
	mfr_arena arena;
	const mfr_intake *intake; /* while planning only: a plan outlives it */
	const mfr_model *model;
	uint8_t status;   /* mfr_plan_status_t */
	uint8_t ceiling;  /* mfr_pressure_t */
	uint32_t session_seconds;
	uint32_t total_seconds;
	uint32_t position_changes;
	mfr_plan_step *steps;
	uint32_t step_count;
	mfr_plan_warning *warnings;
	uint32_t warning_count, warning_cap;
	const mfr_aftercare **aftercare; /* the model's items this client gets */
	uint32_t aftercare_count;
	uint8_t no_progression; /* a dose stops a program's progression */
	/* The best trace rank (1-based) of a site an assumed precaution kept
	 * out (an open question's "yes"); 0 for none. */
	uint32_t assumed_exclusion_rank;
	mfr_audit audit; /* the intake's id and extensions, copied */
};

/* How a session of a program bends the planner (see program.c). */
typedef struct mfr_stage {
	int indirect_only;  /* no direct techniques: gentle first sessions */
	int prefer_direct;  /* direct work where a technique allows either */
	int max_distance;   /* the farthest mfr_distance_t to work on */
	int later_session;  /* not a program's first session: a recorded stage
			     * (the trimester) may have moved on */
} mfr_stage;

/* The stage of a single session: everything allowed, the approach chosen by
 * the symptoms' intensity. */
extern const mfr_stage mfr__single_session;

/* The message of mfr_plan_run() and mfr_program_run() for an intake
 * without symptoms (@p fn names the function). */
#define MFR__NO_SYMPTOMS(fn)                                                   \
	fn ": the intake records no symptoms, so there is nothing to trace or " \
	"plan; add at least one symptom site (a region, its side and intensity)"

/* Plan one session of a stage, from the first results of @p trace (traced
 * from @p in's symptoms) or, when NULL, from a trace of its own. */
mfr_status_t mfr__plan_build(const mfr_intake *in, const mfr_plan_options *opts,
			   const mfr_stage *stage, const mfr_trace *trace, mfr_plan **out);

/* The trace a plan of @p stage makes for itself (its options: every
 * relation and line, 6 steps, as many results as the stage considers). A
 * program traces once, with its gentlest stage, for all its sessions. */
mfr_status_t mfr__plan_trace(const mfr_intake *in, const mfr_plan_options *opts,
			     const mfr_stage *stage, mfr_trace **out);

/* The defaults of mfr_plan_options_new(). */
void mfr__plan_options_defaults(mfr_plan_options *opts);

#endif /* MFR_PLAN_PRIVATE_H */
