/*
 * buf: a growable byte buffer.
 *
 * Invariants, true between any two calls:
 *   - b->len <= b->cap;
 *   - when b->cap > 0, b->p[b->len] == '\0' (one byte past len is always
 *     reserved), so b->p can be handed to string functions as long as the
 *     content has no NUL of its own;
 *   - a zeroed struct buf (BUF_INIT) is a valid empty buffer with p == NULL.
 * Allocation failure is fatal (exit 1 with a message): the tools stream
 * documents and have nothing useful to do with half a record.
 */
#ifndef BUF_H
#define BUF_H

#include <stddef.h>
#include <string.h>

struct buf {
	char *p;
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

void buf_grow(struct buf *b, size_t extra);	/* room for extra more bytes */
static inline void buf_add(struct buf *b, const void *p, size_t n);
static inline void buf_addc(struct buf *b, int c);
void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_addu(struct buf *b, size_t u);	/* decimal, no leading zeros */
/* Write u in decimal at d, which has room for BUF_UMAX; returns the end. */
#define BUF_UMAX 20
char *buf_putu(char *d, size_t u);
void buf_reset(struct buf *b);		/* len = 0, keeps the memory */
void buf_free(struct buf *b);

/* Checked allocation, fatal on failure. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xmemdup(const void *p, size_t n);	/* NUL-terminated copy */

/* The two calls on every hot path, inline: one compare when there is room. */
static inline void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, int c)
{
	if (b->cap - b->len <= 1)
		buf_grow(b, 1);
	b->p[b->len++] = (char)c;
	b->p[b->len] = '\0';
}

#endif
