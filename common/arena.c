#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

#define AR_BLOCK (256 * 1024)

struct ar_block {
	struct ar_block *next;
	size_t used, cap;
	max_align_t data[];
};

void *
ar_alloc(struct arena *a, size_t n)
{
	struct ar_block *b = a->head;
	size_t cap;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (b == NULL || b->cap - b->used < n) {
		cap = n > AR_BLOCK ? n : AR_BLOCK;
		b = xmalloc(sizeof(*b) + cap);
		b->used = 0;
		b->cap = cap;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

char *
ar_memdup(struct arena *a, const void *p, size_t n)
{
	char *s = ar_alloc(a, n + 1);

	if (n)
		memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

void
ar_reset(struct arena *a)
{
	struct ar_block *b, *next, *keep = NULL;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (keep == NULL && b->cap == AR_BLOCK)
			keep = b;
		else
			free(b);
	}
	if (keep != NULL) {
		keep->used = 0;
		keep->next = NULL;
	}
	a->head = keep;
}

void
ar_free(struct arena *a)
{
	ar_reset(a);
	free(a->head);
	a->head = NULL;
}
