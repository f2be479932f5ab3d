/*
 * libmfr - a trace result's explanation as a message (mfr/messages.h), so
 * that a plan's rationale and a trace written with another table explain
 * themselves in its words.
 * SPDX-License-Identifier: MIT
 *
 * It follows lib/trace-explain.c, which writes the English text a trace
 * carries (mfr_trace_result_explain()) on the trace's hot path without a
 * table: written with the default table, the message is that text byte for
 * byte (tests/test-messages.c checks it over many traces). A list of any
 * length is a chain: each piece carries the rest in a parameter ("{more}",
 * "{rest}"), empty at its end.
 */
#include "explain-message.h"

#include "trace-private.h"

/* The messages of this file, in @p a (as MFR__MSG in plan.c). */
#define MSG(code, ...) MFR__MSG(a, (code), __VA_ARGS__)
#define MSG0(code) MFR__MSG0(a, (code))
#define EMPTY (&mfr__msg_empty)

/* "left heel" for site @p site of @p m. */
static const mfr_message *site(mfr_arena *a, const mfr_model *m, uint32_t id)
{
	int side = mfr__site_side(m, id);

	return MSG(side == MFR_SIDE_LEFT ? "site.left" : side == MFR_SIDE_RIGHT ? "site.right"
		   : "site.other", MFR__S("region", mfr__site_region(m, id)->name));
}

/* The steps i..j-1 that continue one line, or one run of hierarchy and
 * adjacency steps: the index after the run (as trace-explain.c). */
static uint32_t run_end(const mfr_trace_path *p, uint32_t i)
{
	const mfr_edge *e = p->steps[i].edge;
	uint32_t j = i + 1;

	if (e->relation == MFR_RELATION_REFERRAL)
		return j;
	while (j < p->step_count) {
		const mfr_edge *n = p->steps[j].edge;
		int same = e->relation == MFR_RELATION_LINE
			? n->relation == MFR_RELATION_LINE && n->ref == e->ref
			: n->relation == MFR_RELATION_HIERARCHY ||
			  n->relation == MFR_RELATION_ADJACENCY;
		if (!same)
			break;
		j++;
	}
	return j;
}

/* " -> calf -> knee": the sites steps k..j-1 reach. */
static const mfr_message *arrows(mfr_arena *a, const mfr_model *m, const mfr_trace_path *p,
				 uint32_t k, uint32_t j)
{
	const mfr_message *rest = EMPTY;

	for (uint32_t i = j; i-- > k;)
		rest = MSG("explain.to", MFR__M("site", site(a, m, p->steps[i].to)),
			   MFR__M("rest", rest));
	return rest;
}

/* The segment of steps i..j-1, followed by @p more. */
static const mfr_message *segment(mfr_arena *a, const mfr_model *m, const mfr_trace_path *p,
				  uint32_t i, uint32_t j, const mfr_message *more)
{
	const mfr_trace_path_step *first = &p->steps[i];
	const mfr_edge *e = first->edge;

	if (e->relation == MFR_RELATION_REFERRAL) {
		int essential = e->zone == MFR_ZONE_ESSENTIAL;
		const mfr_message *conv = m->referrals[e->ref].prov.convention
			? MSG0("explain.convention") : EMPTY;

		/* The result itself needs no naming again. */
		if (j < p->step_count)
			return MSG(essential ? "explain.referral.essential_from"
				   : "explain.referral.spillover_from",
				   MFR__M("muscle", site(a, m, first->to)),
				   MFR__M("area", site(a, m, first->from)),
				   MFR__M("convention", conv), MFR__M("more", more));
		return MSG(essential ? "explain.referral.essential" : "explain.referral.spillover",
			   MFR__M("area", site(a, m, first->from)), MFR__M("convention", conv),
			   MFR__M("more", more));
	}
	if (j - i == 1 && e->relation != MFR_RELATION_LINE) {
		/* One step within the body's layout: say how they relate. */
		int down = e->relation == MFR_RELATION_HIERARCHY && !e->upward;

		return MSG(e->relation == MFR_RELATION_ADJACENCY ? "explain.borders"
			   : "explain.lies_in",
			   MFR__M("inner", site(a, m, down ? first->to : first->from)),
			   MFR__M("outer", site(a, m, down ? first->from : first->to)),
			   MFR__M("more", more));
	}
	int crosses = 0;

	for (uint32_t k = i; k < j; k++)
		crosses |= p->steps[k].edge->crosses;
	if (e->relation != MFR_RELATION_LINE)
		return MSG("explain.chain.layout", MFR__M("from", site(a, m, first->from)),
			   MFR__M("steps", arrows(a, m, p, i, j)), MFR__M("more", more));

	const mfr_line *l = &m->lines[e->ref];

	return MSG("explain.chain.line", MFR__M("from", site(a, m, first->from)),
		   MFR__M("steps", arrows(a, m, p, i, j)), MFR__S("line", l->name),
		   l->evidence == MFR_EVIDENCE_NOT_ASSESSED
		   ? (mfr__arg)MFR__M("evidence", MSG0("explain.not_assessed"))
		   : (mfr__arg)MFR__S("evidence", mfr_evidence_name(l->evidence)),
		   MFR__M("convention", l->prov.convention ? MSG0("explain.convention") : EMPTY),
		   MFR__M("crossing", crosses ? MSG0("explain.crossing") : EMPTY),
		   MFR__M("more", more));
}

const mfr_message *mfr__explain_msg(mfr_arena *a, const mfr_trace_result *res)
{
	const mfr_trace *t = res->trace;
	const mfr_model *m = t->model;
	const mfr_trace_path *p = &res->paths[0];
	const mfr_message *path = EMPTY, *also = EMPTY;
	uint32_t ends[64], n = 0;

	/* The segments, last to first: each carries the ones after it. */
	for (uint32_t i = 0; i < p->step_count && n < 64; i = ends[n++])
		ends[n] = run_end(p, i);
	for (uint32_t s = n; s-- > 0;) {
		uint32_t i = s ? ends[s - 1] : 0;

		path = segment(a, m, p, i, ends[s], s + 1 < n
			       ? MSG("explain.more", MFR__M("segment", path)) : EMPTY);
		if (!path)
			return NULL;
	}
	if (p->step_count == 0)
		path = MSG0("explain.itself");
	/* The other symptoms it explains: "; also reached from the A, the B
	 * and the C". */
	for (uint32_t k = res->path_count; k-- > 1;) {
		const mfr_intake_symptom *sy = &t->symptoms[res->paths[k].symptom];
		const mfr_message *at = site(a, m, mfr__site_id(sy->region, sy->side));

		also = MSG(k == 1 ? "explain.also" : k + 1 == res->path_count ? "explain.also.and"
			   : "explain.also.comma", MFR__M("site", at), MFR__M("rest", also));
		if (!also)
			return NULL;
	}
	return MSG("explain", MFR__M("site", site(a, m, mfr__site_id(res->region, res->side))),
		   MFR__M("path", path), MFR__M("also", also));
}
