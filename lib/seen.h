/*
 * libmfr - finding repeats in linear time.
 * SPDX-License-Identifier: MIT
 *
 * A set of item numbers (positions in a list, entity indexes), each kept
 * with its hash, in open addressing. A caller adds the items of a list in
 * order; mfr__seen_add() returns the earlier item an added one repeats, as
 * the caller's own comparison decides. Up to MFR_SEEN_SMALL / 2 items need
 * no allocation; beyond that the table lives on the heap and doubles as it
 * fills (kept at most half full), so adding n items costs O(n).
 */
#ifndef MFR_SEEN_H
#define MFR_SEEN_H

#include <stddef.h>
#include <stdint.h>

#define MFR_SEEN_SMALL 32
/* mfr__seen_add(): the item was added (it repeats none) / memory ran out. */
#define MFR_SEEN_NEW UINT32_MAX
#define MFR_SEEN_NOMEM (UINT32_MAX - 1)

typedef struct mfr_seen {
	uint64_t *heap;  /* the table once it outgrows small[], else NULL */
	uint32_t mask;   /* slots - 1 */
	uint32_t count;
	uint64_t small[MFR_SEEN_SMALL]; /* each (hash << 32) | (item + 1); 0 is empty */
} mfr_seen;

/* Whether items @p a and @p b are the same (their hashes are equal). */
typedef int (*mfr_seen_same)(const void *ctx, uint32_t a, uint32_t b);

void mfr__seen_init(mfr_seen *s);
void mfr__seen_free(mfr_seen *s);

/*
 * Add @p item (below MFR_SEEN_NOMEM) with @p hash, unless an item already
 * in the set is the same by @p same: then return that item and add nothing.
 * Returns MFR_SEEN_NEW when @p item was added, MFR_SEEN_NOMEM when memory
 * ran out (the set is unchanged).
 */
uint32_t mfr__seen_add(mfr_seen *s, uint32_t hash, uint32_t item, mfr_seen_same same,
		       const void *ctx);

/* Whether item @p item is the one a lookup looks for. */
typedef int (*mfr_seen_match)(const void *ctx, uint32_t item);

/* The first item with @p hash that @p match accepts, or MFR_SEEN_NEW when
 * there is none. Nothing is added. */
uint32_t mfr__seen_find(const mfr_seen *s, uint32_t hash, mfr_seen_match match,
			const void *ctx);

/* Take item @p item (added with @p hash) out of the set again; nothing
 * happens when it is not in the set. For undoing additions that must be
 * all or nothing. */
void mfr__seen_remove(mfr_seen *s, uint32_t hash, uint32_t item);

/* Hashes for the callers: of a number, and of a NUL-terminated string. */
uint32_t mfr__hash_u32(uint32_t v);
uint32_t mfr__hash_str(const char *s);

#endif /* MFR_SEEN_H */
