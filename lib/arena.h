/*
 * libmfr - internal arena allocator.
 * SPDX-License-Identifier: MIT
 *
 * A model is built once and freed whole, so its many small pieces (strings,
 * arrays) come from one arena and die together. Built with -DMFR_DEBUG_ARENA
 * every piece is its own malloc, so valgrind and ASan see each block.
 */
#ifndef MFR_ARENA_H
#define MFR_ARENA_H

#include <stddef.h>

struct mfr_arena_block;

typedef struct mfr_arena {
	struct mfr_arena_block *head;
	size_t block_size; /* bytes per block; 0 for the default (32 KiB) */
} mfr_arena;

/* Zeroed memory aligned for any object, or NULL when memory runs out. */
void *mfr__arena_alloc(mfr_arena *arena, size_t size);
/* A copy of @p s (which may be NULL, giving NULL) in the arena. */
char *mfr__arena_strdup(mfr_arena *arena, const char *s);
/* Free every block. The arena may be reused afterwards. */
void mfr__arena_release(mfr_arena *arena);

#endif /* MFR_ARENA_H */
