/*
 * libmfr - body segments and how far apart they lie, for the site graph.
 * SPDX-License-Identifier: MIT
 *
 * A line step between two structures should cost more the further apart
 * they lie in the body: one station of a line may join the thoracolumbar
 * fascia and the suboccipitals, and a functional line runs from the knee to
 * the other shoulder in a few stations. A region's segment is its deepest
 * enclosing body part (the foot, the lower leg, the neck; a part is its own
 * segment). Two segments border each other where a body-chart area or part
 * of one borders one of the other (the regions' "adjacent" lists; structures
 * are left out, since a long muscle such as the erector spinae borders
 * regions several segments away). The distance between two segments is the
 * number of borders crossed between them: the foot and the knee lie 2
 * apart, the knee and the neck 5. A region without an enclosing part, or in
 * a segment that borders none, has no distance to anything (no cost).
 */
#ifndef MFR_SEGMENT_H
#define MFR_SEGMENT_H

#include <stdint.h>

#include "model-private.h"

/* Distances are kept for models of at most this many parts (a P x P table
 * of bytes, 1 MiB at most, while the graph is built); a model with more
 * parts gets no segment cost (doc/model-format.md, "Limits"). */
#define MFR_SEGMENT_MAX_PARTS 1024
#define MFR_SEGMENT_UNKNOWN UINT8_MAX

typedef struct mfr_segments {
	uint32_t *of;      /* region index -> segment, or UINT32_MAX */
	uint8_t *distance; /* count x count; MFR_SEGMENT_UNKNOWN when apart */
	uint32_t count;    /* segments (parts); 0 when not computed */
} mfr_segments;

/* Compute the segments of @p m. Returns 0, or -1 when memory ran out
 * (@p s is then empty and needs no free). */
int mfr__segments_init(mfr_segments *s, const mfr_model *m);
void mfr__segments_free(mfr_segments *s);

/* Borders crossed between the segments of regions @p a and @p b, or
 * MFR_SEGMENT_UNKNOWN. */
uint8_t mfr__segment_distance(const mfr_segments *s, uint32_t a, uint32_t b);

#endif
