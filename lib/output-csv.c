/*
 * libmfr - plans, programs and traces as flat tables (MFR_FORMAT_CSV;
 * doc/batch-format.md, "CSV"): one row per plan step or trace result, for
 * pandas, R or a spreadsheet.
 * SPDX-License-Identifier: MIT
 *
 * RFC 4180: a header row, CRLF after every row, and a field quoted (its
 * quotes doubled) when it holds a comma, a quote, a CR or an LF. The values
 * are the JSON documents' own (keys, names, the same text of each score),
 * so a row joins back to the JSON and to the model.
 */
#include "output-private.h"

#include <string.h>

#include "csv-columns.h"
#include "json-writer.h"
#include "names.h"
#include "plan-private.h"
#include "program-private.h"
#include "trace-private.h"

/* One field, quoted when it must be; @p s NULL is an empty field. */
static void field(mfr_tb *t, const char *s, int first)
{
	if (!first)
		mfr__tb_put(t, ",");
	if (!s)
		return;
	if (!s[strcspn(s, ",\"\r\n")]) {
		mfr__tb_put(t, s);
		return;
	}
	mfr__tb_put(t, "\"");
	for (const char *q; (q = strchr(s, '"')); s = q + 1)
		mfr__tb_add(t, "%.*s\"\"", (int)(q - s), s);
	mfr__tb_add(t, "%s\"", s);
}

static void uint_field(mfr_tb *t, uint32_t v)
{
	mfr__tb_add(t, ",%u", v);
}

/* A score as the JSON documents write it ("0.5", "1.0"), whatever the
 * locale. */
static void real_field(mfr_tb *t, double v)
{
	char buf[MFR_JW_REAL_SIZE];

	mfr__jw_format_real(v, buf);
	mfr__tb_add(t, ",%s", buf);
}

static void end_row(mfr_tb *t)
{
	mfr__tb_put(t, "\r\n");
}

static void plan_header(mfr_tb *t)
{
	mfr__tb_put(t, MFR__CSV_PLAN_HEADER "\r\n");
}

/* The rows of one session's plan: one per step, or one with the plan's
 * columns only when it has none (a refer-out plan still gives its row). */
static void plan_rows(mfr_tb *t, const mfr_plan *p, uint32_t session)
{
	const char *id = p->audit.intake_id;

	if (!p->step_count) {
		field(t, id, 1);
		uint_field(t, session);
		field(t, mfr_plan_status_name(p->status), 0);
		mfr__tb_put(t, ",,,,,,,,,,,,,");
		end_row(t);
	}
	for (uint32_t i = 0; i < p->step_count; i++) {
		const mfr_plan_step *s = &p->steps[i];

		field(t, id, 1);
		uint_field(t, session);
		field(t, mfr_plan_status_name(p->status), 0);
		uint_field(t, i + 1);
		field(t, mfr_phase_name(s->phase), 0);
		field(t, s->region->key, 0);
		field(t, mfr__name_of(&mfr__side_names, s->side), 0);
		field(t, s->technique->key, 0);
		field(t, mfr_approach_name(s->approach), 0);
		field(t, mfr_position_name(s->position), 0);
		field(t, s->lying ? mfr__name_of(&mfr__side_names, s->lying) : NULL, 0);
		uint_field(t, s->seconds);
		field(t, mfr_pressure_name(s->pressure), 0);
		if (s->trace_rank) {
			uint_field(t, s->trace_rank);
			real_field(t, s->score);
		} else {
			mfr__tb_put(t, ",,");
		}
		field(t, s->zone ? s->zone->key : NULL, 0);
		end_row(t);
	}
}

void mfr__plan_csv(mfr_tb *t, const mfr_plan *plan)
{
	plan_header(t);
	plan_rows(t, plan, 1);
}

void mfr__program_csv(mfr_tb *t, const mfr_program *program)
{
	plan_header(t);
	for (uint32_t i = 0; i < program->count; i++)
		plan_rows(t, program->sessions[i].plan, i + 1);
}

void mfr__trace_csv(mfr_tb *t, const mfr_trace *tr)
{
	const char *id = tr->audit.intake_id;

	mfr__tb_put(t, MFR__CSV_TRACE_HEADER "\r\n");
	if (!tr->count) {
		field(t, id, 1);
		mfr__tb_put(t, ",,,,,,");
		end_row(t);
	}
	for (uint32_t i = 0; i < tr->count; i++) {
		const mfr_trace_result *r = &tr->results[i];

		field(t, id, 1);
		uint_field(t, i + 1);
		field(t, r->region->key, 0);
		field(t, mfr__name_of(&mfr__side_names, r->side), 0);
		field(t, mfr_distance_name(r->distance), 0);
		real_field(t, r->score);
		field(t, mfr__result_explain(r), 0);
		end_row(t);
	}
}
