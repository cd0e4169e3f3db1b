/*
 * arena: memory for one document's worth of small objects, given back all
 * at once.  Allocations are never moved, so pointers into an arena stay
 * valid until ar_reset() or ar_free().
 *
 * Invariants: every block but the newest is full as far as the arena is
 * concerned; after ar_reset() one block of the usual size is kept for
 * reuse and larger ones (from huge documents) are freed, so memory follows
 * the largest recent document, not the stream.
 */
#ifndef ARENA_H
#define ARENA_H

#include <stddef.h>

struct ar_block;

struct arena {
	struct ar_block *head;
};

#define ARENA_INIT { NULL }

void *ar_alloc(struct arena *a, size_t n);	/* 8-byte aligned */
char *ar_memdup(struct arena *a, const void *p, size_t n); /* NUL-ended */
void ar_reset(struct arena *a);
void ar_free(struct arena *a);

#endif
