/*
 * libmfr - one-line explanations of trace results, from their best path:
 * "left soleus: left soleus refers pain to the left heel (trigger-point
 * pattern, essential zone)".
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "trace-private.h"

/* An explanation is at most 1023 bytes: a longer one (long region names) is
 * cut at a character and ends in "..." (text.h). Every trace writes one per
 * result, so the pieces are appended as strings, without printf. */
typedef mfr_text buf;

static void put(buf *b, const char *s)
{
	mfr__text_put(b, s);
}

/* "left heel", or "sacrum" for a midline site. */
static void put_site(buf *b, const mfr_model *m, uint32_t site)
{
	const mfr_region *r = mfr__site_region(m, site);
	int side = mfr__site_side(m, site);

	if (side != MFR_SIDE_MIDLINE)
		put(b, side == MFR_SIDE_LEFT ? "left " : "right ");
	put(b, r->name);
}

/* The steps i..j-1 that continue one line, or one run of hierarchy and
 * adjacency steps: the index after the run. */
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

static void put_segment(buf *b, const mfr_model *m, const mfr_trace_path *p,
			uint32_t i, uint32_t j)
{
	const mfr_trace_path_step *first = &p->steps[i];
	const mfr_edge *e = first->edge;

	if (e->relation == MFR_RELATION_REFERRAL) {
		/* The result itself needs no naming again. */
		if (j < p->step_count) {
			put_site(b, m, first->to);
			put(b, " ");
		}
		put(b, "refers pain to the ");
		put_site(b, m, first->from);
		put(b, e->zone == MFR_ZONE_ESSENTIAL ? " (trigger-point pattern, essential zone"
						      : " (trigger-point pattern, spillover zone");
		put(b, m->referrals[e->ref].prov.convention ? ", practice convention)" : ")");
		return;
	}
	if (j - i == 1 && e->relation != MFR_RELATION_LINE) {
		/* One step within the body's layout: say how they relate. */
		int down = e->relation == MFR_RELATION_HIERARCHY && !e->upward;

		put_site(b, m, down ? first->to : first->from);
		put(b, e->relation == MFR_RELATION_ADJACENCY ? " borders the " : " lies in the ");
		put_site(b, m, down ? first->from : first->to);
		return;
	}

	int crosses = 0;
	put_site(b, m, first->from);
	for (uint32_t k = i; k < j; k++) {
		put(b, " -> ");
		put_site(b, m, p->steps[k].to);
		crosses |= p->steps[k].edge->crosses;
	}
	if (e->relation == MFR_RELATION_LINE) {
		const mfr_line *l = &m->lines[e->ref];

		put(b, " along the ");
		put(b, l->name);
		put(b, " (");
		put(b, l->evidence == MFR_EVIDENCE_NOT_ASSESSED ? "not assessed"
			: mfr_evidence_name(l->evidence));
		put(b, " evidence");
		if (l->prov.convention)
			put(b, ", practice convention");
		put(b, crosses ? ", crossing the midline)" : ")");
	} else {
		put(b, " (neighbouring tissue)");
	}
}

const char *mfr__trace_explain(mfr_trace *t, const mfr_trace_result *res)
{
	const mfr_model *m = t->model;
	const mfr_trace_path *p = &res->paths[0];
	char text[1024];
	buf b;

	mfr__text_init(&b, text, sizeof(text));
	put_site(&b, m, mfr__site_id(res->region, res->side));
	put(&b, ": ");
	if (p->step_count == 0)
		put(&b, "the symptom site itself");
	for (uint32_t i = 0; i < p->step_count;) {
		uint32_t j = run_end(p, i);

		if (i)
			put(&b, "; ");
		put_segment(&b, m, p, i, j);
		i = j;
	}
	/* The other symptoms it explains, by name (strongest first): a site
	 * reached from several symptoms is ranked for all of them, and the
	 * therapist sees which. */
	for (uint32_t k = 1; k < res->path_count; k++) {
		const mfr_intake_symptom *sy = &t->symptoms[res->paths[k].symptom];

		put(&b, k == 1 ? "; also reached from the " : k + 1 == res->path_count
			? " and the " : ", the ");
		put_site(&b, m, mfr__site_id(sy->region, sy->side));
	}
	return mfr__arena_strdup(&t->arena, text);
}
