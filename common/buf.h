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
#include <stdint.h>
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
/* Write u in decimal at d, which has room for BUF_UMAX (or for the
 * digits and 7 more); returns the end.  Bytes past the end may be
 * overwritten.  Inline: every record written has two numbers. */
#define BUF_UMAX 20
static inline char *buf_putu(char *d, size_t u);
char *buf_putu_big(char *d, size_t u);	/* the same, for any u */
static inline char *buf_putmem(char *d, const char *s, size_t n);
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

/*
 * Below 10^8 (offsets and line numbers of any input under 100 MB) all
 * eight digits at once in a 64-bit word, most significant in the lowest
 * byte: 4+4 in 32-bit lanes, 2+2 in 16-bit, 1+1 in 8-bit, each split by
 * a multiply and shift that is exact in its range (x / 100 is
 * x * 10486 >> 20 below 10^4, x / 10 is x * 103 >> 10 below 100) and
 * never carries into the next lane.  The leading zero digits are the low
 * zero bytes: shifted out, and the word stored whole.
 */
static inline char *
buf_putu(char *d, size_t u)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t x, q;
	unsigned z;

	if (u < 100000000) {
		/* q | (x - q * 10^k) << s, the remainder moved up, is
		 * (x << s) - q * ((10^k << s) - 1): one multiply */
		q = (uint32_t)u / 10000;
		x = ((uint64_t)u << 32) - q * ((10000ULL << 32) - 1);
		q = x * 10486 >> 20 & 0x0000007f0000007fULL;
		x = (x << 16) - q * ((100 << 16) - 1);
		q = x * 103 >> 10 & 0x000f000f000f000fULL;
		x = (x << 8) - q * ((10 << 8) - 1);
		/* zeros before the first digit; 0 keeps its last */
		z = (unsigned)__builtin_ctzll(x | 1ULL << 56) >> 3;
		x = (x | 0x3030303030303030ULL) >> 8 * z;
		memcpy(d, &x, 8);
		return d + 8 - z;
	}
#endif
	return buf_putu_big(d, u);
}

/* d[0..n) = s[0..n), returning d + n.  Up to sixteen bytes as two
 * copies that may overlap rather than a call: a DOC, a KIND, most ATTRS
 * and the tail of nearly every TEXT written are that short. */
static inline char *
buf_putmem(char *d, const char *s, size_t n)
{
	uint64_t a, b;
	uint32_t x, y;
	size_t i;

	if (n > 16)
		memcpy(d, s, n);
	else if (n >= 8) {
		memcpy(&a, s, 8);
		memcpy(&b, s + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
	} else
		for (i = 0; i < n; i++)
			d[i] = s[i];
	return d + n;
}

#endif
