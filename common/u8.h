/*
 * u8: UTF-8 for matching, on top of utf8proc.
 *
 * Decoding never fails: a byte that does not start a valid, shortest-form
 * sequence of a Unicode scalar value decodes as U8_BAD with length 1, so a
 * caller always advances and offsets stay byte-exact.  Nothing here rewrites
 * the bytes a tool writes: folding and normalisation are for comparing.
 */
#ifndef U8_H
#define U8_H

#include <stddef.h>
#include <stdint.h>

#define U8_BAD (-1)

/* Decode one code point at s (n > 0 bytes left); *len gets 1..4.
 * Inline: it runs for every non-ASCII character of every tool. */
static inline int32_t u8_decode(const char *s, size_t n, size_t *len);
/* Length of the valid sequence at s (n > 0), 0 where u8_decode() gives
 * U8_BAD: for callers that copy bytes and need no code point. */
static inline size_t u8_seqlen(const char *s, size_t n);
/* Length of the code point ending at s + n (n > 0); 1 for a bad byte. */
size_t u8_prevlen(const char *s, size_t n);
/* Encode c (a valid scalar value) into out[4]; returns the length. */
size_t u8_encode(int32_t c, char *out);

/* Length of the valid prefix of s[0..n) (== n when all is valid UTF-8). */
size_t u8_validlen(const char *s, size_t n);
/*
 * Length of the longest prefix that needs no replacement on output: valid
 * UTF-8 with no NUL and no C0 control other than TAB, LF and CR.
 */
size_t u8_cleanlen(const char *s, size_t n);

/* Character classes (Unicode, via utf8proc). U8_BAD is in none of them. */
static inline int u8_isspace(int32_t c);	/* White_Space: NBSP, U+2028 ... */
int u8_isalpha(int32_t c);	/* letters, general category L* */
int u8_isupper(int32_t c);	/* Lu or Lt */
int u8_islower(int32_t c);	/* Ll */
int u8_isdigit(int32_t c);	/* Nd */
int u8_isalnum(int32_t c);
int u8_ispunct(int32_t c);	/* P* */
int32_t u8_tolower(int32_t c);
int32_t u8_toupper(int32_t c);

/* Byte length of leading / trailing White_Space in s[0..n). */
size_t u8_skipspace(const char *s, size_t n);
size_t u8_rskipspace(const char *s, size_t n);

/*
 * Fold s[0..n) for matching: compatibility-decomposed, case folded,
 * combining marks stripped (so "Café" matches "cafe"), bad bytes as U+FFFD; result appended to out (struct buf, see buf.h) NUL-terminated.
 * Typographic quotes and apostrophes also fold to ASCII with U8_QUOTES.
 */
struct buf;
#define U8_QUOTES 1
void u8_fold(struct buf *out, const char *s, size_t n, int flags);

static inline int32_t
u8_decode(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;
	int32_t c;
	size_t k, i;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		k = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		k = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		k = 4;
		c = p[0] & 0x07;
	} else
		goto bad;
	if (n < k)
		goto bad;
	for (i = 1; i < k; i++) {
		if ((p[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (p[i] & 0x3f);
	}
	/* overlong forms, surrogates and values past U+10FFFF */
	if ((k == 3 && c < 0x800) || (k == 4 && (c < 0x10000 || c > 0x10ffff)) ||
	    (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*len = k;
	return c;
bad:
	*len = 1;
	return U8_BAD;
}

/* u8_decode()'s rules without the code point: the second byte's range
 * rules out overlong forms, surrogates and values past U+10FFFF. */
static inline size_t
u8_seqlen(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned c = p[0], lo = 0x80, hi = 0xbf;

	if (c < 0x80)
		return 1;
	/* U+2000-2FFF first: curly quotes, dashes, the ellipsis (any two
	 * continuation bytes make one) */
	if (c == 0xe2 && n >= 3 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80)
		return 3;
	if (c < 0xc2)
		return 0;
	if (c < 0xe0)
		return n >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c < 0xf0) {
		if (n < 3)
			return 0;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
		return p[1] - lo <= hi - lo && (p[2] & 0xc0) == 0x80 ? 3 : 0;
	}
	if (c > 0xf4 || n < 4)
		return 0;
	if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	return p[1] - lo <= hi - lo && (p[2] & 0xc0) == 0x80 &&
	    (p[3] & 0xc0) == 0x80 ? 4 : 0;
}

/* Inline: scanners ask it of nearly every byte they pass. */
static inline int
u8_isspace(int32_t c)
{
	if (c < 0x80)
		return c == ' ' || (c >= '\t' && c <= '\r');
	switch (c) {
	case 0x85: case 0xa0: case 0x1680: case 0x2028: case 0x2029:
	case 0x202f: case 0x205f: case 0x3000:
		return 1;
	}
	return c >= 0x2000 && c <= 0x200a;
}

#endif
