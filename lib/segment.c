/*
 * libmfr - body segments and how far apart they lie (segment.h).
 * SPDX-License-Identifier: MIT
 */
#include "segment.h"

#include <string.h>

#include "alloc.h"

#define NONE UINT32_MAX
#define PENDING (UINT32_MAX - 1)

static int on_chart(const mfr_region *r)
{
	return r->kind == MFR_REGION_AREA || r->kind == MFR_REGION_PART;
}

/* The segment of every region: the index among parts of its deepest
 * enclosing part. Each region is resolved once (a walk up stops at the
 * first region already resolved, then fills the regions it passed), so a
 * chain of nested regions costs linear time. @p stack holds a walk. */
static void assign(mfr_segments *s, const mfr_model *m, uint32_t *stack)
{
	uint32_t n = 0;

	for (uint32_t i = 0; i < m->region_count; i++)
		s->of[i] = PENDING;
	for (uint32_t i = 0; i < m->region_count; i++)
		if (m->regions[i].kind == MFR_REGION_PART)
			s->of[i] = n++;
	for (uint32_t i = 0; i < m->region_count; i++) {
		uint32_t depth = 0, seg = NONE;
		const mfr_region *r = &m->regions[i];

		while (r && s->of[r->index] == PENDING) {
			stack[depth++] = r->index;
			r = r->parent;
		}
		if (r)
			seg = s->of[r->index];
		while (depth)
			s->of[stack[--depth]] = seg;
	}
	s->count = n;
}

/* Mark in @p border (count x count) the segments whose chart regions border. */
static void borders(const mfr_segments *s, const mfr_model *m, uint8_t *border)
{
	uint32_t n = s->count;

	for (uint32_t i = 0; i < m->region_count; i++) {
		const mfr_region *r = &m->regions[i];

		if (!on_chart(r))
			continue;
		for (uint32_t k = 0; k < r->adjacent_count; k++) {
			const mfr_region *o = r->adjacent[k];
			uint32_t x = s->of[i], y = s->of[o->index];

			if (!on_chart(o) || x == NONE || y == NONE || x == y)
				continue;
			border[(size_t)x * n + y] = 1;
			border[(size_t)y * n + x] = 1;
		}
	}
}

/* Breadth-first from every segment over the borders, as neighbour lists
 * (@p first: count + 1 offsets into @p next), so the whole costs
 * O(count x (count + borders)). */
static void distances(mfr_segments *s, const uint32_t *first, const uint32_t *next,
		      uint32_t *queue)
{
	uint32_t n = s->count;

	memset(s->distance, MFR_SEGMENT_UNKNOWN, (size_t)n * n);
	for (uint32_t from = 0; from < n; from++) {
		uint8_t *d = &s->distance[(size_t)from * n];
		uint32_t head = 0, tail = 0;

		d[from] = 0;
		queue[tail++] = from;
		while (head < tail) {
			uint32_t x = queue[head++];

			for (uint32_t k = first[x]; k < first[x + 1]; k++) {
				uint32_t y = next[k];

				if (d[y] != MFR_SEGMENT_UNKNOWN)
					continue;
				/* Saturate below UNKNOWN: a long chain of parts
				 * still has a finite cost. */
				d[y] = d[x] + 1 < MFR_SEGMENT_UNKNOWN ? (uint8_t)(d[x] + 1)
								      : MFR_SEGMENT_UNKNOWN - 1;
				queue[tail++] = y;
			}
		}
	}
}

/* The border matrix as neighbour lists: @p first (count + 1) and @p next
 * (one entry per marked cell). */
static void lists(uint32_t n, const uint8_t *border, uint32_t *first, uint32_t *next)
{
	uint32_t k = 0;

	for (uint32_t x = 0; x < n; x++) {
		first[x] = k;
		for (uint32_t y = 0; y < n; y++)
			if (border[(size_t)x * n + y])
				next[k++] = y;
	}
	first[n] = k;
}

int mfr__segments_init(mfr_segments *s, const mfr_model *m)
{
	size_t regions = m->region_count ? m->region_count : 1;
	uint32_t *scratch = NULL, *first = NULL, *next = NULL;
	uint8_t *border = NULL;
	size_t nn, marked = 0;

	memset(s, 0, sizeof(*s));
	s->of = mfr__malloc(regions * sizeof(*s->of));
	scratch = mfr__malloc(regions * sizeof(*scratch));
	if (!s->of || !scratch)
		goto nomem;
	assign(s, m, scratch);
	if (s->count == 0 || s->count > MFR_SEGMENT_MAX_PARTS) {
		s->count = 0; /* no distances: no segment cost */
		mfr__free(scratch);
		return 0;
	}
	nn = (size_t)s->count * s->count;
	s->distance = mfr__malloc(nn);
	border = mfr__calloc(nn, 1);
	first = mfr__malloc(((size_t)s->count + 1) * sizeof(*first));
	if (!s->distance || !border || !first)
		goto nomem;
	borders(s, m, border);
	for (size_t i = 0; i < nn; i++)
		marked += border[i];
	next = mfr__malloc((marked ? marked : 1) * sizeof(*next));
	if (!next)
		goto nomem;
	lists(s->count, border, first, next);
	distances(s, first, next, scratch); /* scratch: the queue (count <= regions) */
	mfr__free(scratch);
	mfr__free(border);
	mfr__free(first);
	mfr__free(next);
	return 0;
nomem:
	mfr__free(scratch);
	mfr__free(border);
	mfr__free(first);
	mfr__free(next);
	mfr__segments_free(s);
	return -1;
}

void mfr__segments_free(mfr_segments *s)
{
	mfr__free(s->of);
	mfr__free(s->distance);
	memset(s, 0, sizeof(*s));
}

uint8_t mfr__segment_distance(const mfr_segments *s, uint32_t a, uint32_t b)
{
	if (!s->count)
		return MFR_SEGMENT_UNKNOWN;
	uint32_t x = s->of[a], y = s->of[b];

	if (x == NONE || y == NONE)
		return MFR_SEGMENT_UNKNOWN;
	return s->distance[(size_t)x * s->count + y];
}
