/*
 * libmfr - internal arena allocator.
 * SPDX-License-Identifier: MIT
 */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"

#define DEFAULT_BLOCK_SIZE (32u * 1024u)

struct mfr_arena_block {
	struct mfr_arena_block *next;
	size_t used;
	size_t size;
	alignas(max_align_t) unsigned char data[];
};

static size_t round_up(size_t n)
{
	const size_t a = alignof(max_align_t);

	return (n + a - 1) / a * a;
}

void *mfr__arena_alloc(mfr_arena *arena, size_t size)
{
	struct mfr_arena_block *b = arena->head;
	size_t need = round_up(size ? size : 1);
#ifdef MFR_DEBUG_ARENA
	const size_t BLOCK_SIZE = 0; /* every piece its own block */
#else
	const size_t BLOCK_SIZE = arena->block_size ? arena->block_size : DEFAULT_BLOCK_SIZE;
#endif

	if (need < size)
		return NULL;
	if (!b || b->size - b->used < need) {
		size_t cap = need > BLOCK_SIZE ? need : BLOCK_SIZE;

		if (cap > SIZE_MAX - sizeof(*b))
			return NULL;
		b = mfr__malloc(sizeof(*b) + cap);
		if (!b)
			return NULL;
		b->used = 0;
		b->size = cap;
		/* A big request gets its own block behind the current one, so
		 * the space left in the current block stays usable. */
		if (arena->head && need > BLOCK_SIZE) {
			b->next = arena->head->next;
			arena->head->next = b;
		} else {
			b->next = arena->head;
			arena->head = b;
		}
	}
	void *p = b->data + b->used;
	b->used += need;
	memset(p, 0, need);
	return p;
}

char *mfr__arena_strdup(mfr_arena *arena, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *copy = mfr__arena_alloc(arena, n);

	if (copy)
		memcpy(copy, s, n);
	return copy;
}

void mfr__arena_release(mfr_arena *arena)
{
	struct mfr_arena_block *b = arena->head;

	while (b) {
		struct mfr_arena_block *next = b->next;

		mfr__free(b);
		b = next;
	}
	arena->head = NULL;
}
