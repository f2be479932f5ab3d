/*
 * libmfr - finding repeats in linear time (seen.h).
 * SPDX-License-Identifier: MIT
 */
#include "seen.h"

#include <string.h>

#include "alloc.h"

void mfr__seen_init(mfr_seen *s)
{
	memset(s, 0, sizeof(*s));
	s->mask = MFR_SEEN_SMALL - 1;
}

void mfr__seen_free(mfr_seen *s)
{
	mfr__free(s->heap);
	mfr__seen_init(s);
}

static uint64_t *table(mfr_seen *s)
{
	return s->heap ? s->heap : s->small;
}

/* Move every entry into a table of @p nslots (a power of two); 0 when
 * memory runs out. */
static int regrow(mfr_seen *s, uint32_t nslots)
{
	uint64_t *old = table(s), *tab = mfr__calloc(nslots, sizeof(*tab));
	uint32_t oldslots = s->mask + 1;

	if (!tab)
		return 0;
	for (uint32_t i = 0; i < oldslots; i++) {
		if (!old[i])
			continue;
		uint32_t h = (uint32_t)(old[i] >> 32) & (nslots - 1);

		while (tab[h])
			h = (h + 1) & (nslots - 1);
		tab[h] = old[i];
	}
	mfr__free(s->heap);
	s->heap = tab;
	s->mask = nslots - 1;
	return 1;
}

uint32_t mfr__seen_add(mfr_seen *s, uint32_t hash, uint32_t item, mfr_seen_same same,
		       const void *ctx)
{
	uint64_t *tab = table(s);
	uint32_t h = hash & s->mask;

	for (; tab[h]; h = (h + 1) & s->mask) {
		uint32_t other = (uint32_t)tab[h] - 1;

		if ((uint32_t)(tab[h] >> 32) == hash && same(ctx, other, item))
			return other;
	}
	/* New: keep the table at most half full. */
	if ((s->count + 1) * 2 > s->mask + 1) {
		if (s->mask >= UINT32_MAX / 4 || !regrow(s, (s->mask + 1) * 2))
			return MFR_SEEN_NOMEM;
		return mfr__seen_add(s, hash, item, same, ctx);
	}
	tab[h] = ((uint64_t)hash << 32) | ((uint64_t)item + 1);
	s->count++;
	return MFR_SEEN_NEW;
}

uint32_t mfr__seen_find(const mfr_seen *s, uint32_t hash, mfr_seen_match match,
			const void *ctx)
{
	const uint64_t *tab = s->heap ? s->heap : s->small;

	for (uint32_t h = hash & s->mask; tab[h]; h = (h + 1) & s->mask)
		if ((uint32_t)(tab[h] >> 32) == hash && match(ctx, (uint32_t)tab[h] - 1))
			return (uint32_t)tab[h] - 1;
	return MFR_SEEN_NEW;
}

/* Whether the entry in slot @p j may move into the hole at @p hole: its
 * home slot is not in the (cyclic) range (hole, j]. */
static int may_fill(uint32_t home, uint32_t hole, uint32_t j)
{
	return hole <= j ? home <= hole || home > j : home <= hole && home > j;
}

void mfr__seen_remove(mfr_seen *s, uint32_t hash, uint32_t item)
{
	uint64_t *tab = table(s), want = ((uint64_t)hash << 32) | ((uint64_t)item + 1);
	uint32_t h = hash & s->mask;

	while (tab[h] && tab[h] != want)
		h = (h + 1) & s->mask;
	if (!tab[h])
		return;
	/* Linear probing: shift later entries of the run back into the
	 * hole, so that every lookup still finds them (no tombstones). */
	for (uint32_t j = (h + 1) & s->mask; tab[j]; j = (j + 1) & s->mask) {
		uint32_t home = (uint32_t)(tab[j] >> 32) & s->mask;

		if (may_fill(home, h, j)) {
			tab[h] = tab[j];
			h = j;
		}
	}
	tab[h] = 0;
	s->count--;
}

uint32_t mfr__hash_u32(uint32_t v)
{
	v ^= v >> 16;
	v *= 0x7feb352du;
	v ^= v >> 15;
	v *= 0x846ca68bu;
	return v ^ (v >> 16);
}

uint32_t mfr__hash_str(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}
