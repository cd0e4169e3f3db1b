#include <err.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		err(1, NULL);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		err(1, NULL);
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		err(1, NULL);
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if ((p = reallocarray(p, n ? n : 1, size ? size : 1)) == NULL)
		err(1, NULL);
	return p;
}

char *
xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}

char *
xmemdup(const void *p, size_t n)
{
	char *s = xmalloc(n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	return s;
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need, cap;

	if (extra >= (size_t)-1 - b->len - 1)
		errx(1, "buffer size overflow");
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	b->p = xrealloc(b->p, cap);
	b->cap = cap;
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		err(1, "vsnprintf");
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* two digits per division: numbers are written for every record */
static const char digits2[] =
    "00010203040506070809"
    "10111213141516171819"
    "20212223242526272829"
    "30313233343536373839"
    "40414243444546474849"
    "50515253545556575859"
    "60616263646566676869"
    "70717273747576777879"
    "80818283848586878889"
    "90919293949596979899";

char *
buf_putu_big(char *d, size_t u)
{
	static const uint64_t pow10[20] = {
		1ULL, 10ULL, 100ULL, 1000ULL, 10000ULL, 100000ULL, 1000000ULL,
		10000000ULL, 100000000ULL, 1000000000ULL, 10000000000ULL,
		100000000000ULL, 1000000000000ULL, 10000000000000ULL,
		100000000000000ULL, 1000000000000000ULL, 10000000000000000ULL,
		100000000000000000ULL, 1000000000000000000ULL,
		10000000000000000000ULL,
	};
	uint64_t v = u;
	size_t t;
	char *e;

	/* the digit count from the bit length (1233 / 4096 ~ log10 2), so
	 * the digits go straight to d, back to front */
	t = (size_t)(64 - __builtin_clzll(v | 1)) * 1233 >> 12;
	e = d + t + 1 - ((v | 1) < pow10[t]);
	d = e;
	/* four digits per 64-bit division; the halves in 32 bits, where
	 * r * 5243 >> 19 is r / 100 for r < 10000 */
	while (v >= 10000) {
		uint64_t q = v / 10000;
		uint32_t r = (uint32_t)(v - q * 10000), hi = r * 5243 >> 19;

		d -= 4;
		memcpy(d, digits2 + 2 * hi, 2);
		memcpy(d + 2, digits2 + 2 * (r - hi * 100), 2);
		v = q;
	}
	if (v >= 100) {
		uint32_t hi = (uint32_t)v * 5243 >> 19;

		d -= 2;
		memcpy(d, digits2 + 2 * ((uint32_t)v - hi * 100), 2);
		v = hi;
	}
	if (v >= 10) {
		d -= 2;
		memcpy(d, digits2 + 2 * v, 2);
	} else
		*--d = (char)('0' + v);
	return e;
}

void
buf_addu(struct buf *b, size_t u)
{
	if (b->cap - b->len <= BUF_UMAX)
		buf_grow(b, BUF_UMAX);
	b->len = (size_t)(buf_putu(b->p + b->len, u) - b->p);
	b->p[b->len] = '\0';
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->cap)
		b->p[0] = '\0';
}

void
buf_free(struct buf *b)
{
	free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}
