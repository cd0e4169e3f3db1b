#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "u8.h"

size_t
u8_prevlen(const char *s, size_t n)
{
	size_t k, len;

	for (k = 1; k <= 4 && k <= n; k++) {
		if (((unsigned char)s[n - k] & 0xc0) != 0x80) {
			if (u8_decode(s + n - k, k, &len) != U8_BAD && len == k)
				return k;
			return 1;
		}
	}
	return 1;
}

size_t
u8_encode(int32_t c, char *out)
{
	return (size_t)utf8proc_encode_char(c, (utf8proc_uint8_t *)out);
}

size_t
u8_validlen(const char *s, size_t n)
{
	size_t i = 0, len;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if ((len = u8_seqlen(s + i, n - i)) == 0)
			break;
		i += len;
	}
	return i;
}

/* Bytes that are written as they are when they stand alone: TAB LF CR and
 * everything from SP up to DEL (DEL is not C0, so it passes). */
static const unsigned char asciiok[256] = {
	['\t'] = 1, ['\n'] = 1, ['\r'] = 1,
	[' ' ... 0x7f] = 1,
};

size_t
u8_cleanlen(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;

#ifdef __SSE2__
	/*
	 * Sixteen bytes at a time, the last few as the final sixteen with
	 * those before i masked off.  A set bit is a byte below SP (signed:
	 * also every byte from 0x80); such bytes are checked in place, so a
	 * text with a curly quote every few words is not reloaded at each.
	 */
	if (n >= 16) {
		while (i < n) {
			size_t at = n - i >= 16 ? i : n - 16;
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
			    _mm_loadu_si128((const __m128i *)(p + at)),
			    _mm_set1_epi8(0x20))) & ~0u << (i - at);

			i = at + 16;
			while (m != 0) {
				size_t j = at + (size_t)__builtin_ctz(m);

				if (p[j] < 0x80) {
					if (!asciiok[p[j]])
						return j;
					len = 1;
				} else if ((len = u8_seqlen(s + j, n - j)) == 0)
					return j;
				if (j + len > i) {	/* into the next block */
					i = j + len;
					break;
				}
				m &= ~0u << (j + len - at);
			}
		}
		return i;
	}
#endif
	while (i < n) {
		if (p[i] < 0x80) {
			if (!asciiok[p[i]])
				break;
			i++;
			continue;
		}
		if ((len = u8_seqlen(s + i, n - i)) == 0)
			break;
		i += len;
	}
	return i;
}

static utf8proc_category_t
cat(int32_t c)
{
	return c < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(c);
}

int
u8_isalpha(int32_t c)
{
	if (c < 0x80)
		return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	switch (cat(c)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT: case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
		return 1;
	default:
		return 0;
	}
}

int
u8_isupper(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z';
	return cat(c) == UTF8PROC_CATEGORY_LU || cat(c) == UTF8PROC_CATEGORY_LT;
}

int
u8_islower(int32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z';
	return cat(c) == UTF8PROC_CATEGORY_LL;
}

int
u8_isdigit(int32_t c)
{
	if (c < 0x80)
		return c >= '0' && c <= '9';
	return cat(c) == UTF8PROC_CATEGORY_ND;
}

int
u8_isalnum(int32_t c)
{
	return u8_isalpha(c) || u8_isdigit(c);
}

int
u8_ispunct(int32_t c)
{
	/* ASCII's P* characters; $ + < = > ^ ` | ~ are symbols (S*) */
	if (c >= 0 && c < 0x80)
		return (int)((c < 64 ? 0x8c00f7ee00000000ULL >> c :
		    0x28000000b8000001ULL >> (c - 64)) & 1);
	switch (cat(c)) {
	case UTF8PROC_CATEGORY_PC: case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return 1;
	default:
		return 0;
	}
}

int32_t
u8_tolower(int32_t c)
{
	if (c < 0x80)
		return c >= 'A' && c <= 'Z' ? c + 32 : c;
	return utf8proc_tolower(c);
}

int32_t
u8_toupper(int32_t c)
{
	if (c < 0x80)
		return c >= 'a' && c <= 'z' ? c - 32 : c;
	return utf8proc_toupper(c);
}

/* ASCII first, without decoding: nearly every edge of a paragraph or
 * sentence is ASCII */
size_t
u8_skipspace(const char *s, size_t n)
{
	size_t i = 0, len;
	unsigned char c;

	while (i < n) {
		if ((c = (unsigned char)s[i]) < 0x80) {
			if (!u8_isspace(c))
				break;
			i++;
		} else if (u8_isspace(u8_decode(s + i, n - i, &len)))
			i += len;
		else
			break;
	}
	return i;
}

size_t
u8_rskipspace(const char *s, size_t n)
{
	size_t i = n, len, k;
	unsigned char c;

	while (i > 0) {
		if ((c = (unsigned char)s[i - 1]) < 0x80) {
			if (!u8_isspace(c))
				break;
			i--;
			continue;
		}
		/* no White_Space character ends in these bytes (a closing
		 * curly quote does): no need to find where it starts */
		if (c >= 0xb0 || (c > 0x8a && c < 0x9f))
			break;
		k = u8_prevlen(s, i);
		if (!u8_isspace(u8_decode(s + i - k, k, &len)))
			break;
		i -= k;
	}
	return n - i;
}

static int32_t
foldquote(int32_t c)
{
	switch (c) {
	case 0x2018: case 0x2019: case 0x201a: case 0x201b: case 0x2032:
		return '\'';
	case 0x201c: case 0x201d: case 0x201e: case 0x201f: case 0x2033:
	case 0xab: case 0xbb:
		return '"';
	}
	return c;
}

void
u8_fold(struct buf *out, const char *s, size_t n, int flags)
{
	utf8proc_int32_t tmp[32];
	utf8proc_ssize_t k, j;
	size_t i = 0, len;
	int32_t c;
	char enc[4];

	while (i < n) {
		c = u8_decode(s + i, n - i, &len);
		i += len;
		if (c == U8_BAD)
			c = 0xfffd;
		if (c < 0x80) {
			buf_addc(out, u8_tolower(c));
			continue;
		}
		if (flags & U8_QUOTES)
			c = foldquote(c);
		k = utf8proc_decompose_char(c, tmp, 32, UTF8PROC_COMPAT |
		    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_COMPOSE,
		    NULL);
		if (k < 0 || k > 32) {
			buf_add(out, enc, u8_encode(c, enc));
			continue;
		}
		for (j = 0; j < k; j++)
			buf_add(out, enc, u8_encode(tmp[j], enc));
	}
	if (out->p == NULL)
		buf_grow(out, 0);
}
