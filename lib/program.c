/*
 * libmfr - programs: a course of sessions, at least 48 hours apart, that
 * progresses from gentle, indirect work near the symptoms to direct work out
 * along the lines to the root-cause sites, with reassessment points.
 * doc/algorithm.md ("Programs") gives the rules and what backs them.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "accessor.h"
#include "alloc.h"
#include "error.h"
#include "messages-private.h"
#include "program-private.h"

/* Sessions are at least this many days apart (48 hours). */
#define MIN_GAP_DAYS 2
/* A reassessment opens the first session, every fourth after it, and the last. */
#define REASSESS_EVERY 4

/* The three stages of a course: each session falls into the third of the
 * course it belongs to. */
static const struct {
	mfr_stage stage;
	const char *focus; /* its message code (lib/data/messages-en.json) */
} stages[] = {
	{ { 1, 0, MFR_DISTANCE_ADJACENT, 0 }, "focus.gentle" },
	{ { 0, 0, MFR_DISTANCE_DISTANT, 0 }, "focus.building" },
	{ { 0, 1, MFR_DISTANCE_CONTRALATERAL, 0 }, "focus.full" },
};

/* The focus of the later stages when a dose allows no progression: out
 * along the lines and to both sides, but never beyond indirect work. */
static const char *const held_focus[] = { "focus.building_held", "focus.full_held" };

MFR_EXPORT void mfr_program_free(mfr_program *pg)
{
	if (!pg)
		return;
	for (uint32_t i = 0; pg->sessions && i < pg->count; i++)
		mfr_plan_free(pg->sessions[i].plan);
	mfr__free(pg->sessions);
	mfr__free(pg);
}

MFR_EXPORT mfr_status_t mfr_program_run(const mfr_intake *intake, uint32_t sessions,
				      uint32_t weeks, const mfr_plan_options *opts,
				      mfr_program **out, mfr_error **err)
{
	mfr_plan_options defaults;
	mfr_program *pg;
	mfr_status_t st = MFR_OK;

	if (out)
		*out = NULL;
	MFR__ERR_ENTRY(err);
	if (!intake || !out)
		return mfr__error_set(err, MFR_E_INVALID, NULL,
				      "mfr_program_run: intake and out must not be NULL");
	if (!intake->symptom_count)
		return mfr__error_set(err, MFR_E_MISSING, NULL,
				      MFR__NO_SYMPTOMS("mfr_program_run"));
	if (sessions < 1 || sessions > 52 || weeks < 1 || weeks > 52)
		return mfr__error_set(err, MFR_E_RANGE, NULL,
				      "mfr_program_run: %u sessions over %u weeks: use 1 to "
				      "52 of each", sessions, weeks);
	uint32_t days = weeks * 7;
	if (sessions > 1 && (days - 1) / (sessions - 1) < MIN_GAP_DAYS)
		return mfr__error_set(err, MFR_E_RANGE, NULL,
				      "mfr_program_run: %u sessions do not fit in %u weeks "
				      "with at least 48 hours between them; use at most %u "
				      "sessions, or more weeks", sessions, weeks,
				      (days - 1) / MIN_GAP_DAYS + 1);
	if (!opts) {
		mfr__plan_options_defaults(&defaults);
		opts = &defaults;
	}
	st = mfr__plan_options_check(intake->model, opts, err);
	if (st != MFR_OK)
		return st;
	pg = mfr__calloc(1, sizeof(*pg));
	if (!pg)
		return mfr__error_nomem(err);
	pg->weeks = weeks;
	pg->sessions = mfr__calloc(sessions, sizeof(*pg->sessions));
	if (!pg->sessions)
		st = MFR_E_NOMEM;
	/* One trace for every session: the ranking does not depend on how
	 * many results are asked, so the gentle stage's deeper trace gives
	 * each session the same first results its own trace would. */
	mfr_trace *trace = NULL;
	if (st == MFR_OK)
		st = mfr__plan_trace(intake, opts, &stages[0].stage, &trace);
	for (uint32_t i = 0; st == MFR_OK && i < sessions; i++) {
		uint32_t third = sessions < 3 ? (sessions == 1 ? 2 : i * 2) : i * 3 / sessions;
		mfr_program_session *s = &pg->sessions[i];

		/* Spread evenly over the weeks; the gap check above keeps every
		 * pair of sessions at least two days apart. */
		s->day = sessions == 1 ? 0 : i * (days - 1) / (sessions - 1);
		s->reassess = i % REASSESS_EVERY == 0 || i + 1 == sessions;
		s->focus_code = stages[third].focus;
		mfr_stage stage = stages[third].stage;

		stage.later_session = i > 0;
		st = mfr__plan_build(intake, opts, &stage, trace, &s->plan);
		if (st == MFR_OK)
			pg->count = i + 1;
		if (st == MFR_OK && s->plan->no_progression && third > 0)
			s->focus_code = third == 1 ? held_focus[0] : held_focus[1];
		s->focus = mfr__msg_template(NULL, s->focus_code); /* static */
	}
	mfr_trace_free(trace);
	if (st != MFR_OK) {
		pg->count = sessions; /* free every plan made so far (NULL for the rest) */
		mfr_program_free(pg);
		return mfr__error_nomem(err);
	}
	*out = pg;
	return MFR_OK;
}

MFR_GETTER(uint32_t, mfr_program_weeks, mfr_program, weeks, 0)
MFR_HANDLE_LIST(mfr_program_session, mfr_program, sessions, count)
MFR_GETTER(uint32_t, mfr_program_session_day, mfr_program_session, day, 0)
MFR_GETTER(const char *, mfr_program_session_focus, mfr_program_session, focus, NULL)
MFR_GETTER(int, mfr_program_session_reassess, mfr_program_session, reassess, 0)
MFR_GETTER(const mfr_plan *, mfr_program_session_plan, mfr_program_session, plan, NULL)
