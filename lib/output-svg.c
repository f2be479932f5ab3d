/*
 * libmfr - the body chart (MFR_FORMAT_SVG; doc/svg-format.md): one SVG
 * image of a plan or a trace on the model's chart (the optional "chart"
 * section): the front and back outlines, the symptom areas shaded by
 * intensity, the plan's sites (a trace's results) numbered in order, and
 * the lines they were reached along, drawn through their stations.
 * SPDX-License-Identifier: MIT
 *
 * The geometry is the model's drawing convention, not a clinical fact, and
 * the image says so. The client faces the viewer on the front view (their
 * right side on the viewer's left) and faces away on the back view; the
 * image says that too. A region without a place of its own on the chart is
 * drawn at the place of the nearest region holding it; one with none is
 * listed "not on the chart". Every string of the model or the intake is
 * escaped, and every number is a whole number: the same plan gives the same
 * bytes on every machine.
 */
#include "output-private.h"

#include <string.h>

#include "alloc.h"
#include "error.h"
#include "plan-private.h"
#include "text.h"
#include "trace-private.h"

/* The canvas: the two views side by side, each MFR_CHART_WIDTH wide, under a
 * heading, with the legend below them. */
#define MARGIN 20
#define GAP 40
#define TOP 56
#define WIDTH (2 * MARGIN + 2 * MFR_CHART_WIDTH + GAP + 40)
#define LINE_HEIGHT 13
/* The smallest radius a shaded symptom is drawn with: a site's circle (7)
 * and a ring of shade around it. */
#define MIN_SHADE 11
/* A site's numbered circle: its radius, and the distance between the
 * centres of two markers that touch without overlapping. */
#define MARKER_R 7
#define MARKER_STEP (2 * MARKER_R + 1)
/* How many rows below its place a marker may move before it is drawn
 * over another (a chart with more sites at one spot than this fits). */
#define MARKER_ROWS 8
/* A legend line holds at most this many characters (cut at a character). */
#define LEGEND_CHARS 100

/* The strokes of the lines, in the order the plan first reaches them. */
static const char *const line_colours[] = {
	"#1f6fb2", "#8e44ad", "#16a085", "#d35400", "#7f8c8d", "#2c3e50"
};
#define N_COLOURS (sizeof(line_colours) / sizeof(line_colours[0]))

/* @p s with &, <, >, " and ' as references; a control character, which
 * XML 1.0 does not allow, as U+FFFD. */
static void esc(mfr_tb *t, const char *s)
{
	static const char special[] = "&<>\"'";
	static const char *const ref[] = { "&amp;", "&lt;", "&gt;", "&quot;", "&#39;" };

	while (*s) {
		size_t n = 0;

		while (s[n] && !strchr(special, s[n]) &&
		       ((unsigned char)s[n] >= 0x20 || s[n] == '\t'))
			n++;
		if (n)
			mfr__tb_add(t, "%.*s", (int)n, s);
		s += n;
		if (!*s)
			break;
		if (strchr(special, *s))
			mfr__tb_put(t, ref[strchr(special, *s) - special]);
		else
			mfr__tb_put(t, "\xef\xbf\xbd");
		s++;
	}
}

/* A place on the canvas. */
typedef struct place {
	int view; /* 1 front, 2 back; 0: not on the chart */
	int x, y; /* canvas units, within the view */
} place;

/* The chart entry that stands for @p r on @p view (0: the first of any
 * view): its own, or that of the nearest region holding it; NULL if none. */
static const mfr_chart_area *entry_of(const mfr_chart *c, const mfr_region *r, int view)
{
	for (; r; r = r->parent)
		for (uint32_t i = 0; i < c->area_count; i++)
			if (c->areas[i].region == r && (!view || c->areas[i].view == view))
				return &c->areas[i];
	return NULL;
}

/* Entry @p a's centre x for a site on @p side: as drawn for the client's
 * right side, mirrored for the left; on the midline for a midline site,
 * and for a step on a bilateral region that names no one side (closing
 * work on both). */
static int centre_x(const mfr_chart_area *a, const mfr_region *site, int side)
{
	if (site->laterality == MFR_LATERALITY_MIDLINE || side == MFR_SIDE_MIDLINE)
		return MFR_CHART_WIDTH / 2;
	if (side == MFR_SIDE_LEFT && a->region->laterality == MFR_LATERALITY_BILATERAL)
		return MFR_CHART_WIDTH - a->cx;
	return a->cx;
}

static place place_of(const mfr_chart *c, const mfr_region *r, int side)
{
	const mfr_chart_area *a = entry_of(c, r, 0);
	place p = { 0, 0, 0 };

	if (a) {
		p.view = a->view;
		p.x = centre_x(a, r, side);
		p.y = a->cy;
	}
	return p;
}

/* The left edge of view @p view on the canvas. */
static int view_left(int view)
{
	return MARGIN + (view - 1) * (MFR_CHART_WIDTH + GAP);
}

/* What the chart shows: the symptoms, the numbered sites, the lines. */
typedef struct chart_site {
	const mfr_region *region;
	int side;
	place at; /* where it is drawn (place_of(), once) */
	const mfr_line *line; /* the line it was reached along, or NULL */
	const mfr_region *line_region; /* where that line step arrived */
	int line_side;
	char detail[96]; /* "treatment, 4 min" */
} chart_site;

typedef struct chart_view {
	const mfr_model *m;
	const mfr_audit *audit;
	const char *what;       /* "Plan" or "Trace" */
	const char *status;     /* a plan's status line, or NULL */
	const chart_site *sites;
	uint32_t site_count;
} chart_view;

/* Each symptom's area on each view it is drawn on, shaded by intensity:
 * the places of its region (or of the nearest region holding it that has
 * any), on @p view. */
static void symptoms(mfr_tb *t, const chart_view *cv, int view)
{
	const mfr_chart *c = cv->m->chart;

	for (uint32_t i = 0; i < cv->audit->symptom_count; i++) {
		const mfr_intake_symptom *s = &cv->audit->symptoms[i];
		const mfr_chart_area *nearest = entry_of(c, s->region, 0), *a = NULL;
		int opacity = 15 + 8 * (int)s->intensity; /* 15 % to 95 % */
		char name[160];

		for (uint32_t k = 0; nearest && k < c->area_count; k++)
			if (c->areas[k].region == nearest->region && c->areas[k].view == view)
				a = &c->areas[k];
		if (!a)
			continue;
		/* At least MIN_SHADE across, so that it shows around a site's
		 * number drawn on it. */
		mfr__tb_add(t, "<ellipse class=\"symptom\" cx=\"%d\" cy=\"%d\" rx=\"%d\" "
			    "ry=\"%d\" fill=\"#c0392b\" fill-opacity=\"0.%02d\"><title>",
			    centre_x(a, s->region, s->side), a->cy,
			    a->rx < MIN_SHADE ? MIN_SHADE : a->rx,
			    a->ry < MIN_SHADE ? MIN_SHADE : a->ry, opacity);
		mfr__site_name(name, sizeof(name), s->region, s->side);
		esc(t, name);
		mfr__tb_add(t, " %d/10</title></ellipse>\n", (int)s->intensity);
	}
}

/* The copy of @p l (the side it starts on) that holds @p r on @p side. */
static int copy_side(const mfr_line *l, const mfr_region *r, int side)
{
	for (uint32_t b = 0; b < l->branch_count; b++)
		for (uint32_t k = 0; k < l->branches[b].node_count; k++) {
			const mfr_line_node *n = &l->branches[b].nodes[k];

			if (n->side == MFR_LINE_MID)
				continue;
			for (uint32_t j = 0; j < n->region_count; j++)
				if (n->regions[j] == r)
					return n->side == MFR_LINE_IPSI ? side
					     : side == MFR_SIDE_LEFT ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT;
		}
	return side == MFR_SIDE_LEFT ? MFR_SIDE_LEFT : MFR_SIDE_RIGHT;
}

/* The lines the sites were reached along, each copy once, in order. */
typedef struct used_line {
	const mfr_line *line;
	int copy;
} used_line;

static uint32_t used_lines(const chart_view *cv, used_line *out, uint32_t max)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < cv->site_count && n < max; i++) {
		const chart_site *s = &cv->sites[i];
		int copy, seen = 0;

		if (!s->line)
			continue;
		copy = copy_side(s->line, s->line_region, s->line_side);
		for (uint32_t k = 0; k < n; k++)
			seen |= out[k].line == s->line && out[k].copy == copy;
		if (!seen)
			out[n++] = (used_line){ s->line, copy };
	}
	return n;
}

/* Line @p u drawn through its nodes' principal regions on @p view: a
 * polyline per run of consecutive nodes placed on this view (a place
 * repeated at once is drawn once; a run of one place is not drawn). */
static void line_path(mfr_tb *t, const mfr_chart *c, const used_line *u, int view,
		      const char *colour)
{
	for (uint32_t b = 0; b < u->line->branch_count; b++) {
		const mfr_line_branch *br = &u->line->branches[b];
		place run[64];
		uint32_t n = 0;

		for (uint32_t k = 0; k <= br->node_count; k++) {
			place p = { 0, 0, 0 };

			if (k < br->node_count) {
				const mfr_line_node *nd = &br->nodes[k];
				int side = nd->side == MFR_LINE_MID ? MFR_SIDE_MIDLINE
					 : nd->side == MFR_LINE_IPSI ? u->copy
					 : u->copy == MFR_SIDE_LEFT ? MFR_SIDE_RIGHT : MFR_SIDE_LEFT;

				p = place_of(c, nd->regions[0], side);
			}
			if (p.view == view && n < sizeof(run) / sizeof(run[0])) {
				if (!n || run[n - 1].x != p.x || run[n - 1].y != p.y)
					run[n++] = p;
				continue;
			}
			if (n > 1) {
				mfr__tb_put(t, "<polyline class=\"line\" points=\"");
				for (uint32_t j = 0; j < n; j++)
					mfr__tb_add(t, "%s%d,%d", j ? " " : "", run[j].x, run[j].y);
				mfr__tb_add(t, "\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
					    "stroke-dasharray=\"5 3\" stroke-linejoin=\"round\" "
					    "stroke-opacity=\"0.85\"/>\n", colour);
			}
			n = 0;
			if (p.view == view)
				run[n++] = p;
		}
	}
}

/* Whether a marker at (@p x, @p y) keeps clear of the @p n placed ones. */
static int marker_free(const place *placed, uint32_t n, int x, int y)
{
	for (uint32_t j = 0; j < n; j++) {
		int dx = placed[j].x - x, dy = placed[j].y - y;

		if (dx * dx + dy * dy < MARKER_STEP * MARKER_STEP)
			return 0;
	}
	return 1;
}

/* Where site @p p's marker goes, clear of the @p n placed ones: at its
 * place, or moved outward from the view's midline, a marker's width at a
 * time, then a row down, so that markers never overlap and a site on one
 * side never spills onto the other (a heel's three sites, calf sites drawn
 * on the other leg); a midline site moves to either side. Inside the view. */
static place marker_at(const place *placed, uint32_t n, place p)
{
	int mid = MFR_CHART_WIDTH / 2;
	int dir = p.x < mid ? -1 : 1;

	for (int row = 0; row < MARKER_ROWS; row++) {
		int y = p.y + row * MARKER_STEP;

		for (int k = 0;; k++) {
			/* a midline site alternates sides: 0, +1, -1, +2, ... */
			int step = p.x == mid ? (k + 1) / 2 * (k % 2 ? 1 : -1) : dir * k;
			int x = p.x + step * MARKER_STEP;

			if (x < MARKER_R + 1 || x > MFR_CHART_WIDTH - MARKER_R - 1 ||
			    (p.x != mid && (x < mid) != (p.x < mid) && x != p.x))
				break;
			if (marker_free(placed, n, x, y))
				return (place){ p.view, x, y };
			if (p.x == mid && k > 2 * MFR_CHART_WIDTH / MARKER_STEP)
				break;
		}
	}
	return (place){ p.view, p.x, p.y + MARKER_ROWS * MARKER_STEP };
}

/* One view: its heading, outline, symptoms, lines and numbered sites. */
static void view(mfr_tb *t, const chart_view *cv, int v, const used_line *lines,
		 uint32_t line_count)
{
	const mfr_chart *c = cv->m->chart;
	int left = view_left(v);

	mfr__tb_add(t, "<g class=\"view\" id=\"%s\" transform=\"translate(%d %d)\">\n",
		    v == 1 ? "front" : "back", left, TOP);
	mfr__tb_add(t, "<text x=\"%d\" y=\"-24\" text-anchor=\"middle\" font-size=\"13\" "
		    "font-weight=\"bold\">%s</text>\n", MFR_CHART_WIDTH / 2,
		    v == 1 ? "Front" : "Back");
	mfr__tb_add(t, "<text x=\"%d\" y=\"-10\" text-anchor=\"middle\" font-size=\"9\" "
		    "fill=\"#555555\">%s</text>\n", MFR_CHART_WIDTH / 2,
		    v == 1 ? "client faces you: their right on your left"
			   : "client faces away: their right on your right");
	mfr__tb_add(t, "<text x=\"4\" y=\"12\" font-size=\"10\" fill=\"#555555\">%s</text>\n"
		    "<text x=\"%d\" y=\"12\" text-anchor=\"end\" font-size=\"10\" "
		    "fill=\"#555555\">%s</text>\n", v == 1 ? "R" : "L", MFR_CHART_WIDTH - 4,
		    v == 1 ? "L" : "R");
	mfr__tb_put(t, "<path class=\"outline\" d=\"");
	esc(t, c->outlines[v - 1]);
	mfr__tb_put(t, "\" fill=\"#f3eee8\" stroke=\"#8c8177\" stroke-width=\"1.5\" "
		    "fill-rule=\"nonzero\"/>\n");
	symptoms(t, cv, v);
	for (uint32_t i = 0; i < line_count; i++)
		line_path(t, c, &lines[i], v, line_colours[i % N_COLOURS]);
	/* The markers, in step order, each clear of those before it; a
	 * marker moved from its site's place is tied to it by a leader line,
	 * drawn under every marker. */
	place *placed = mfr__malloc((cv->site_count ? cv->site_count : 1) * sizeof(*placed));
	uint32_t *number = mfr__malloc((cv->site_count ? cv->site_count : 1) * sizeof(*number));
	uint32_t n = 0;

	if (!placed || !number) {
		mfr__tb_fail(t);
		mfr__free(placed);
		mfr__free(number);
		return;
	}
	for (uint32_t i = 0; i < cv->site_count; i++) {
		if (cv->sites[i].at.view != v)
			continue;
		placed[n] = marker_at(placed, n, cv->sites[i].at);
		number[n++] = i;
	}
	for (uint32_t j = 0; j < n; j++) {
		place p = cv->sites[number[j]].at, q = placed[j];

		if (p.x != q.x || p.y != q.y)
			mfr__tb_add(t, "<line class=\"leader\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
				    "y2=\"%d\" stroke=\"#1c2b29\" stroke-width=\"0.8\"/>\n",
				    p.x, p.y, q.x, q.y);
	}
	for (uint32_t j = 0; j < n; j++)
		mfr__tb_add(t, "<g class=\"site\"><circle cx=\"%d\" cy=\"%d\" r=\"%d\" "
			    "fill=\"#ffffff\" stroke=\"#1c2b29\" stroke-width=\"1.5\"/>"
			    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-size=\"8\" "
			    "font-weight=\"bold\">%u</text></g>\n", placed[j].x, placed[j].y,
			    MARKER_R, placed[j].x, placed[j].y + 3, number[j] + 1);
	mfr__free(placed);
	mfr__free(number);
	mfr__tb_put(t, "</g>\n");
}

/* Legend text at *@p y, escaped, wrapped at a space into lines of at most
 * LEGEND_CHARS characters (a longer word is cut at a character, never
 * inside one); *@p y moves down a line for each. */
static void legend_line(mfr_tb *t, int *y, const char *cls, const char *text)
{
	int indent = 0;

	do {
		size_t n = 0, chars = 0, brk = 0;

		while (text[n] && chars < LEGEND_CHARS - (size_t)indent) {
			if (text[n] == ' ')
				brk = n;
			n++;
			while (((unsigned char)text[n] & 0xc0) == 0x80)
				n++;
			chars++;
		}
		if (text[n] && brk)
			n = brk;
		char *piece = mfr__malloc(n + 1);

		if (!piece) {
			if (t->status == MFR_OK)
				t->status = MFR_E_NOMEM;
			return;
		}
		memcpy(piece, text, n);
		piece[n] = '\0';
		mfr__tb_add(t, "<text class=\"%s\" x=\"%d\" y=\"%d\">", cls,
			    MARGIN + indent * 5, *y);
		esc(t, piece);
		mfr__tb_put(t, "</text>\n");
		mfr__free(piece);
		*y += LINE_HEIGHT;
		text += n;
		while (*text == ' ')
			text++;
		indent = 2;
	} while (*text);
}

/* The legend: the symptoms, the numbered sites, the lines, the status,
 * the conventions and the audit trail. */
static void legend(mfr_tb *t, const chart_view *cv, const used_line *lines,
		   uint32_t line_count, int *y)
{
	const mfr_chart *c = cv->m->chart;
	char buf[400], name[160];

	mfr__tb_add(t, "<g class=\"legend\" font-size=\"9\">\n");
	if (cv->status)
		legend_line(t, y, "status", cv->status);
	for (uint32_t i = 0; i < cv->audit->symptom_count; i++) {
		const mfr_intake_symptom *s = &cv->audit->symptoms[i];

		mfr__site_name(name, sizeof(name), s->region, s->side);
		mfr__format(buf, sizeof(buf), "Symptom: %s, %d/10 (shaded)%s", name,
			    (int)s->intensity, entry_of(c, s->region, 0) ? ""
			    : ": not on the chart");
		legend_line(t, y, "symptom", buf);
	}
	if (!cv->site_count)
		legend_line(t, y, "site", cv->status ? "No sites are planned."
						       : "No sites were found.");
	for (uint32_t i = 0; i < cv->site_count; i++) {
		const chart_site *s = &cv->sites[i];

		mfr__site_name(name, sizeof(name), s->region, s->side);
		mfr__format(buf, sizeof(buf), "%u. %s: %s%s", i + 1, name, s->detail,
			    s->at.view ? "" : " (not on the chart)");
		legend_line(t, y, "site", buf);
	}
	for (uint32_t i = 0; i < line_count; i++) {
		mfr__tb_add(t, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
			    "stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n", MARGIN, *y - 3,
			    MARGIN + 18, *y - 3, line_colours[i % N_COLOURS]);
		mfr__format(buf, sizeof(buf), "%s %s, the copy starting on the client's %s",
			    lines[i].line->abbrev, lines[i].line->name,
			    lines[i].copy == MFR_SIDE_LEFT ? "left" : "right");
		mfr__tb_add(t, "<text class=\"line\" x=\"%d\" y=\"%d\">", MARGIN + 24, *y);
		esc(t, buf);
		mfr__tb_put(t, "</text>\n");
		*y += LINE_HEIGHT;
	}
	*y += 4;
	legend_line(t, y, "note", "Drawn as the client faces you on the front view (their "
		    "right on your left) and faces away on the back view.");
	legend_line(t, y, "note", "The chart's geometry is a drawing convention of the "
		    "model, not a clinical fact; sites are placed at their region's area.");
	legend_line(t, y, "note", "Decision support for licensed therapists: not a "
		    "diagnosis.");
	mfr_tb audit;

	mfr__tb_init(&audit);
	mfr__audit_text(&audit, cv->m, cv->audit, NULL);
	if (audit.status == MFR_OK) {
		for (char *line = audit.buf, *end; line && *line; line = end) {
			end = strchr(line, '\n');
			if (end)
				*end++ = '\0';
			legend_line(t, y, "audit", line);
		}
	} else if (t->status == MFR_OK) {
		t->status = audit.status;
	}
	mfr__free(audit.buf);
	mfr__tb_put(t, "</g>\n");
}

/* The whole image: the legend first, into its own text, so that the
 * canvas is as tall as it needs. */
static void image(mfr_tb *t, const chart_view *cv)
{
	used_line lines[16];
	uint32_t line_count = used_lines(cv, lines, 16);
	int y = TOP + MFR_CHART_HEIGHT + 24;
	mfr_tb leg;

	mfr__tb_init(&leg);
	legend(&leg, cv, lines, line_count, &y);
	if (leg.status != MFR_OK) {
		if (t->status == MFR_OK)
			t->status = leg.status;
		mfr__free(leg.buf);
		return;
	}
	int height = y + MARGIN;

	mfr__tb_add(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		    "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"%d\" "
		    "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, "
		    "sans-serif\" font-size=\"10\" fill=\"#1c2b29\">\n", WIDTH, height, WIDTH,
		    height);
	mfr__tb_add(t, "<title>Body chart: %s, model ", cv->what);
	esc(t, cv->m->name);
	mfr__tb_put(t, "</title>\n<desc>Front and back views; the client faces the viewer "
		    "on the front view (the client's right on the viewer's left) and faces "
		    "away on the back view. Symptom areas are shaded by intensity; the "
		    "numbered circles are the sites in order; dashed lines are the fascial "
		    "lines the sites were reached along, through their stations. The "
		    "geometry is the model's drawing convention, not a clinical "
		    "fact.</desc>\n");
	mfr__tb_add(t, "<rect x=\"0\" y=\"0\" width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
		    WIDTH, height);
	mfr__tb_add(t, "<text x=\"%d\" y=\"16\" font-size=\"12\" font-weight=\"bold\">"
		    "Body chart: %s</text>\n", MARGIN, cv->what);
	for (int v = 1; v <= MFR_CHART_VIEWS; v++)
		view(t, cv, v, lines, line_count);
	mfr__tb_put(t, leg.buf);
	mfr__free(leg.buf);
	mfr__tb_put(t, "</svg>\n");
}

mfr_status_t mfr__svg_check(const mfr_model *m, const char *fn, mfr_error **err)
{
	if (m->chart)
		return MFR_OK;
	return mfr__error_set(err, MFR_E_CONSTRAINT, NULL, "%s: the model \"%s\" has no "
			      "body chart, which svg draws on: add a \"chart\" section "
			      "(outlines of the front and back views, and a place for the "
			      "regions: doc/model-format.md), or write another format",
			      fn, m->name);
}

void mfr__plan_svg(mfr_tb *t, const mfr_plan *plan)
{
	chart_site *sites = plan->step_count ? mfr__calloc(plan->step_count, sizeof(*sites))
					     : NULL;
	char status[200], dur[32];
	const char *meaning = mfr__plan_status_meaning(plan);

	if (plan->step_count && !sites) {
		t->status = MFR_E_NOMEM;
		return;
	}
	for (uint32_t i = 0; i < plan->step_count; i++) {
		const mfr_plan_step *s = &plan->steps[i];

		sites[i] = (chart_site){ s->region, s->side, place_of(plan->model->chart,
								      s->region, s->side),
					 s->line, s->line_region, s->line_side, "" };
		mfr__format(sites[i].detail, sizeof(sites[i].detail), "%s, %s, %s",
			    mfr_phase_name(s->phase), s->technique->name,
			    mfr__duration_words(dur, s->seconds));
	}
	if (meaning)
		mfr__format(status, sizeof(status), "Status: %s", meaning);
	else
		mfr__format(status, sizeof(status), "Status: %s",
			    mfr_plan_status_name(plan->status));
	chart_view cv = { plan->model, &plan->audit, "plan", status, sites, plan->step_count };
	image(t, &cv);
	mfr__free(sites);
}

void mfr__trace_svg(mfr_tb *t, const mfr_trace *trace)
{
	chart_site *sites = trace->count ? mfr__calloc(trace->count, sizeof(*sites)) : NULL;

	if (trace->count && !sites) {
		t->status = MFR_E_NOMEM;
		return;
	}
	for (uint32_t i = 0; i < trace->count; i++) {
		const mfr_trace_result *r = &trace->results[i];
		const mfr_trace_path *path = r->path_count ? &r->paths[0] : NULL;

		sites[i] = (chart_site){ r->region, r->side, place_of(trace->model->chart, r->region,
								      r->side),
					 NULL, NULL, 0, "" };
		for (uint32_t k = 0; path && k < path->step_count; k++) {
			const mfr_edge *e = path->steps[k].edge;

			if (e->relation == MFR_RELATION_LINE && e->ref < trace->model->line_count) {
				sites[i].line = &trace->model->lines[e->ref];
				sites[i].line_region = mfr__site_region(trace->model,
									path->steps[k].to);
				sites[i].line_side = mfr__site_side(trace->model, path->steps[k].to);
				break;
			}
		}
		mfr__format(sites[i].detail, sizeof(sites[i].detail), "rank %u, %s", i + 1,
			    mfr_distance_name(r->distance));
	}
	chart_view cv = { trace->model, &trace->audit, "trace", NULL, sites, trace->count };
	image(t, &cv);
	mfr__free(sites);
}
