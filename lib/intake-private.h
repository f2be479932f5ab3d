/*
 * libmfr - the intake's private layout and the checks its builders share.
 * SPDX-License-Identifier: MIT
 */
#ifndef MFR_INTAKE_PRIVATE_H
#define MFR_INTAKE_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "model-private.h"
#include "seen.h"

struct mfr_intake_symptom {
	const mfr_region *region;
	uint8_t side;  /* mfr_side_t */
	uint8_t onset; /* mfr_onset_t */
	int32_t intensity;
};

struct mfr_intake_precaution {
	const mfr_precaution *precaution;
	const mfr_region *region; /* NULL for a global precaution */
	uint8_t side;
	/* Planning only: the unanswered question whose "yes" would set this
	 * precaution, which a plan assumes until it is answered; NULL for a
	 * precaution the intake records. */
	const mfr_screening *assumed_for;
	/* Planning only: assumed for a site the plan would work (the
	 * question asked for that site, not by a condition): only the
	 * precaution's avoided regions are kept. */
	uint8_t regions_only;
};

typedef struct mfr_precaution_stage {
	const mfr_precaution *precaution;
	uint8_t stage; /* 1-based */
} mfr_precaution_stage;

struct mfr_intake {
	const mfr_model *model;
	mfr_intake_symptom *symptoms;
	uint32_t symptom_count, symptom_cap;
	mfr_seen symptom_sites; /* the symptoms by site: repeats found in O(1) */
	const mfr_condition **conditions;
	uint32_t condition_count, condition_cap;
	mfr_seen condition_set; /* the conditions: repeats found in O(1) */
	mfr_intake_precaution *precautions;
	uint32_t precaution_count, precaution_cap;
	mfr_seen precaution_sites; /* the precautions by (precaution, site) */
	mfr_seen precaution_keys;  /* the first record of each precaution */
	const mfr_precaution **clearances;
	uint32_t clearance_count, clearance_cap;
	mfr_seen clearance_set;
	mfr_precaution_stage *stages;
	uint32_t stage_count, stage_cap;
	mfr_seen stage_set; /* the stages by precaution */
	/* The answer recorded to each screening question, by question index
	 * (NULL where none); the array is NULL until the first answer. */
	const mfr_screening_answer **answered;
	uint32_t scopes; /* mfr_access_t bits declared, with consent */
	uint32_t minutes;
	uint32_t positions;
	char *id;         /* the clinic's id for the intake, or NULL */
	char *extensions; /* compact JSON text of an object, or NULL */
};

/* A diagnosis of a rejected value: a status and the sentence that says what
 * is wrong and how to fix it. The public functions report it as is; the
 * JSON reader prefixes the place. */
typedef struct mfr_problem {
	mfr_status_t status;
	char text[400];
} mfr_problem;

/*
 * The intake builders. Each checks its input against the model, records it
 * when valid and otherwise fills @p why and changes nothing. For sites, a
 * side of 0 on a midline region means the midline.
 */
mfr_status_t mfr__intake_symptom(mfr_intake *in, const char *region, int side,
			       int32_t intensity, int onset, mfr_problem *why);
/* The sites body-map segment @p id stands for, each a symptom of
 * @p intensity and @p onset; a site already a symptom keeps the higher
 * intensity (and takes the onset when it had none). All or nothing. */
mfr_status_t mfr__intake_segment(mfr_intake *in, int64_t id, int32_t intensity, int onset,
			       mfr_problem *why);
mfr_status_t mfr__intake_condition(mfr_intake *in, const char *key, mfr_problem *why);
mfr_status_t mfr__intake_precaution(mfr_intake *in, const char *key, const char *region,
				  int side, mfr_problem *why);
mfr_status_t mfr__intake_stage(mfr_intake *in, const char *key, int64_t stage,
			     mfr_problem *why);
mfr_status_t mfr__intake_scope(mfr_intake *in, int access, mfr_problem *why);
mfr_status_t mfr__intake_answer(mfr_intake *in, const char *question, const char *answer,
			      const char *region, int side, mfr_problem *why);
mfr_status_t mfr__intake_clearance(mfr_intake *in, const char *key, mfr_problem *why);
mfr_status_t mfr__intake_minutes(mfr_intake *in, int64_t minutes, mfr_problem *why);
mfr_status_t mfr__intake_positions(mfr_intake *in, uint32_t positions, mfr_problem *why);

#endif /* MFR_INTAKE_PRIVATE_H */
