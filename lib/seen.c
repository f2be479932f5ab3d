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
