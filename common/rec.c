#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "rec.h"
#include "u8.h"

/*
 * What a byte needs on output in DOC and TEXT: 0 nothing, 1 an escape,
 * 2 a '?' (NUL and C0 controls), 3 a look at the UTF-8 sequence it starts.
 */
static unsigned char esc[256];

static void
esc_init(void)
{
	int c;

	if (esc['\\'])
		return;
	for (c = 0; c < 0x20; c++)
		esc[c] = 2;
	for (c = 0x80; c < 0x100; c++)
		esc[c] = 3;
	esc['\t'] = esc['\n'] = esc['\r'] = esc['\\'] = 1;
}

/* The column names, which no ATTRS key may be: doc kind start end text
 * attrs (by length, since every record's every key is checked) */
static inline int
reserved(const char *s, size_t n)
{
	uint32_t w, k1, k2;

	/* a key's first four bytes as one word: line, role, type, norm are
	 * four letters, two of them beginning as text does */
	if (n < 3 || n > 5)
		return 0;
	if (n == 3)
		return memcmp(s, "doc", 3) == 0 || memcmp(s, "end", 3) == 0;
	memcpy(&w, s, 4);
	if (n == 4) {
		memcpy(&k1, "kind", 4);
		memcpy(&k2, "text", 4);
		return w == k1 || w == k2;
	}
	memcpy(&k1, "star", 4);
	memcpy(&k2, "attr", 4);
	return (w == k1 && s[4] == 't') || (w == k2 && s[4] == 's');
}

/* Bytes that may follow the first of a KIND or key: [a-z0-9_] */
static const unsigned char namech[256] = {
	['a' ... 'z'] = 1, ['0' ... '9'] = 1, ['_'] = 1,
};

int
rec_valid_kind(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 1; i < n; i++)
		if (!namech[(unsigned char)s[i]])
			return 0;
	return 1;
}

int
rec_valid_key(const char *s, size_t n)
{
	return rec_valid_kind(s, n) && !reserved(s, n);
}

/* rec_decimal(), inline where every record's START and END are read */
static inline int
decimal(const char *s, size_t n, size_t *v)
{
	size_t i, x = 0;

	if (n == 0 || (n > 1 && s[0] == '0'))
		return -1;
	if (n < 20) {
		/* nineteen digits never overflow: no check per digit */
		for (i = 0; i < n; i++) {
			if ((unsigned char)(s[i] - '0') > 9)
				return -1;
			x = x * 10 + (size_t)(s[i] - '0');
		}
		*v = x;
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		if (x > ((size_t)-1 - 9) / 10)
			return -1;
		x = x * 10 + (size_t)(s[i] - '0');
	}
	*v = x;
	return 0;
}

int
rec_decimal(const char *s, size_t n, size_t *v)
{
	return decimal(s, n, v);
}

/*
 * ATTRS s[0..n), which the line goes on past to lim: a key up to '=',
 * then a value up to '|' or the end.  Most keys are four letters (line,
 * role, type, norm), checked without a loop; most values are short, and
 * a 16-byte block the line holds finds their '|' where a memchr() call
 * cost more than the scan.
 */
static int
valid_attrs(const char *s, size_t n, const char *lim)
{
	const char *p = s, *end = s + n, *bar, *eq;

	if (n == 1 && s[0] == '_')
		return 1;
	if (n == 0)
		return 0;
	while (p <= end) {
		if (p == end || *p < 'a' || *p > 'z')
			return 0;
		if (end - p > 4 && p[4] == '=' &&
		    (namech[(unsigned char)p[1]] &
		    namech[(unsigned char)p[2]] &
		    namech[(unsigned char)p[3]])) {
			if (reserved(p, 4))
				return 0;
			eq = p + 4;
		} else {
			for (eq = p + 1; eq < end &&
			    namech[(unsigned char)*eq]; eq++)
				;
			if (eq == end || *eq != '=' ||
			    reserved(p, (size_t)(eq - p)))
				return 0;
		}
		p = eq + 1;
#ifdef __SSE2__
		if (lim - p >= 16) {
			uint32_t m = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(
			    _mm_loadu_si128((const __m128i *)p),
			    _mm_set1_epi8('|')));

			if (m != 0 && (size_t)__builtin_ctz(m) < (size_t)(end - p)) {
				p += __builtin_ctz(m) + 1;
				continue;
			}
			if (end - p <= 16)
				break;
		}
#else
		(void)lim;
#endif
		/* values run longer than keys: memchr() pays there */
		if ((bar = memchr(p, '|', (size_t)(end - p))) == NULL)
			break;
		p = bar + 1;
	}
	return 1;
}

int
rec_unescape(struct buf *out, const char *s, size_t n)
{
	const char *bs;
	size_t i = 0;

	while (i < n) {
		if ((bs = memchr(s + i, '\\', n - i)) == NULL) {
			buf_add(out, s + i, n - i);
			break;
		}
		buf_add(out, s + i, (size_t)(bs - (s + i)));
		i = (size_t)(bs - s) + 1;
		if (i == n)
			return -1;
		switch (s[i++]) {
		case '\\': buf_addc(out, '\\'); break;
		case 't': buf_addc(out, '\t'); break;
		case 'n': buf_addc(out, '\n'); break;
		case 'r': buf_addc(out, '\r'); break;
		default: return -1;
		}
	}
	return 0;
}

/* Unescape into dst (room for n bytes); -1 on a bad sequence.  Plain runs
 * are copied whole: a raw record's TEXT has an escape on every line. */
static int
unescape_to(char *dst, size_t *dlen, const char *s, size_t n)
{
	const char *end = s + n, *bs;
	char *d = dst;

	while (s < end) {
		if ((bs = memchr(s, '\\', (size_t)(end - s))) == NULL)
			bs = end;
		memcpy(d, s, (size_t)(bs - s));
		d += bs - s;
		if (bs == end)
			break;
		if (bs + 1 == end)
			return -1;
		switch (bs[1]) {
		case '\\': *d++ = '\\'; break;
		case 't': *d++ = '\t'; break;
		case 'n': *d++ = '\n'; break;
		case 'r': *d++ = '\r'; break;
		default: return -1;
		}
		s = bs + 2;
	}
	*dlen = (size_t)(d - dst);
	return 0;
}

/*
 * Split line[0..len) at its TABs into the six columns f[], flen[], and say
 * whether DOC and TEXT hold a backslash (*bsl bit 0 and bit 1).  Returns
 * NULL or the message for a line with other than five TABs.
 */
#ifdef __SSE2__
/*
 * One pass over the line for TAB and backslash together, 16 bytes at a
 * time, where the columns were each found by a memchr() call and DOC and
 * TEXT looked at again for a backslash: five calls and three more scans
 * of a line that is mostly TEXT.  The last block is the line's last 16
 * bytes (what is seen already masked off), or a copy of a shorter line,
 * so nothing is read past the line.
 */
static const char *
columns(const char *line, size_t len, const char **f, size_t *flen,
    unsigned *bsl)
{
	const __m128i vt = _mm_set1_epi8('\t'), vb = _mm_set1_epi8('\\');
	/* room for the TABs of one more block past the five: the count is
	 * checked once a block, not once a TAB */
	size_t i = 0, base, tab[5 + 32], bs0 = (size_t)-1, bs1 = 0, k;
	unsigned nt = 0;
	uint32_t mt, mb;
	char shortl[16];
	__m128i v, w;

	while (i < len) {
		if (len - i >= 32) {
			v = _mm_loadu_si128((const __m128i *)(line + i));
			w = _mm_loadu_si128((const __m128i *)(line + i + 16));
			mt = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vt)) |
			    (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vt)) << 16;
			mb = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vb)) |
			    (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(w, vb)) << 16;
			base = i;
			i += 32;
		} else {
			if (len - i >= 16) {
				v = _mm_loadu_si128((const __m128i *)(line + i));
				base = i;
				i += 16;
			} else if (len >= 16) {
				/* the last 16 bytes, those seen masked off */
				base = len - 16;
				v = _mm_loadu_si128((const __m128i *)(line + base));
			} else {
				memset(shortl, 0, sizeof(shortl));
				memcpy(shortl, line, len);
				v = _mm_loadu_si128((const __m128i *)shortl);
				base = 0;
			}
			mt = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vt));
			mb = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, vb));
			if (i != base + 16) {
				mt &= ~0u << (i - base);
				mb &= ~0u << (i - base);
				i = len;
			}
		}
		if (mb != 0) {
			if (bs0 == (size_t)-1)
				bs0 = base + (size_t)__builtin_ctz(mb);
			bs1 = base + 31 - (size_t)__builtin_clz(mb);
		}
		if (mt == 0)
			continue;
		for (; mt != 0; mt &= mt - 1)
			tab[nt++] = base + (size_t)__builtin_ctz(mt);
		if (nt > 5)
			return "more than six columns";
		if (nt == 5 && len - i > 256) {
			/* the rest of a long TEXT: libc's memchr() scans a
			 * long run faster than these blocks */
			if (memchr(line + i, '\t', len - i) != NULL)
				return "more than six columns";
			if (memchr(line + i, '\\', len - i) != NULL) {
				if (bs0 == (size_t)-1)
					bs0 = len;
				bs1 = len;
			}
			break;
		}
	}
	if (nt < 5)
		return "fewer than six columns";
	f[0] = line;
	flen[0] = tab[0];
	for (k = 1; k < 5; k++) {
		f[k] = line + tab[k - 1] + 1;
		flen[k] = tab[k] - tab[k - 1] - 1;
	}
	f[5] = line + tab[4] + 1;
	flen[5] = len - tab[4] - 1;
	*bsl = (bs0 < tab[0]) | (bs0 != (size_t)-1 && bs1 > tab[4]) << 1;
	return NULL;
}
#else
static const char *
columns(const char *line, size_t len, const char **f, size_t *flen,
    unsigned *bsl)
{
	const char *end = line + len, *p = line, *t;
	size_t i;

	for (i = 0; i < 6; i++) {
		t = i < 5 ? memchr(p, '\t', (size_t)(end - p)) : end;
		if (t == NULL)
			return "fewer than six columns";
		f[i] = p;
		flen[i] = (size_t)(t - p);
		p = t + 1;
	}
	if (memchr(f[5], '\t', flen[5]) != NULL)
		return "more than six columns";
	*bsl = (memchr(f[0], '\\', flen[0]) != NULL) |
	    (memchr(f[5], '\\', flen[5]) != NULL) << 1;
	return NULL;
}
#endif

/* Point *out at field s[0..n), unescaped into *dst when it has escapes. */
static inline int
field(const char *s, size_t n, int escaped, const char **out, size_t *olen,
    char **dst)
{
	if (!escaped) {
		*out = s;
		*olen = n;
		return 0;
	}
	if (unescape_to(*dst, olen, s, n) < 0)
		return -1;
	*out = *dst;
	*dst += *olen;
	return 0;
}

const char *
rec_parse(struct rec *r, const char *line, size_t len, char *scratch)
{
	const char *f[6], *why;
	size_t flen[6];
	unsigned bsl;
	char *dst = scratch;

	memset(r, 0, sizeof(*r));
	r->line = line;
	r->linelen = len;
	r->flags = REC_MALFORMED;
	if ((why = columns(line, len, f, flen, &bsl)) != NULL)
		return why;
	if (flen[0] == 0)
		return "empty DOC";
	if (!rec_valid_kind(f[1], flen[1]))
		return "bad KIND";
	if (decimal(f[2], flen[2], &r->start) < 0)
		return "bad START";
	if (decimal(f[3], flen[3], &r->end) < 0)
		return "bad END";
	if (r->start > r->end)
		return "START after END";
	if (!valid_attrs(f[4], flen[4], line + len))
		return "bad ATTRS";
	dst = buf_putmem(dst, f[1], flen[1]);
	*dst = '\0';
	r->kind = scratch;
	dst++;
	if (field(f[0], flen[0], bsl & 1, &r->doc, &r->doclen, &dst) < 0)
		return "bad escape in DOC";
	if (field(f[5], flen[5], bsl & 2, &r->text, &r->textlen, &dst) < 0)
		return "bad escape in TEXT";
	r->attrs = f[4];
	r->attrslen = flen[4];
	r->flags = 0;
	return NULL;
}

#ifdef __SSE2__
/* Bit i set when byte i of v needs a look on output: a signed compare
 * flags both < 0x20 and >= 0x80 (negative), then '\\' on its own. */
static inline unsigned
esc_mask(__m128i v)
{
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
}
#endif

size_t
rec_plainlen(const char *s, size_t n, int lf)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;

	esc_init();
#ifdef __SSE2__
	/* rec_escape()'s test, 32 bytes at a time with nothing to write; a
	 * sequence running past a block is taken whole */
	while (n - i >= 32) {
		size_t k;
		__m128i a = _mm_loadu_si128((const __m128i *)(p + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(p + i + 16));
		uint32_t m = esc_mask(a) | (uint32_t)esc_mask(b) << 16;

		if (lf)		/* LF is let through: no look at each */
			m &= ~((uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a,
			    _mm_set1_epi8('\n'))) | (uint32_t)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(b, _mm_set1_epi8('\n'))) << 16);
		for (k = 0; m != 0; m &= k < 32 ? ~0u << k : 0) {
			k = (size_t)__builtin_ctz(m);
			if (p[i + k] == '\n' && lf)
				len = 1;
			else if (p[i + k] < 0x80 ||
			    (len = u8_seqlen(s + i + k, n - i - k)) == 0)
				return i + k;
			k += len;
		}
		i += k > 32 ? k : 32;
	}
#endif
	while (i < n) {
		if (p[i] < 0x80) {
			if (esc[p[i]] != 0 && !(p[i] == '\n' && lf))
				break;
			i++;
		} else if ((len = u8_seqlen(s + i, n - i)) == 0)
			break;
		else
			i += len;
	}
	return i;
}

void
rec_escape(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	char *d;

	esc_init();
	/* at most two bytes out for one in: grow once, then write directly */
	if (out->cap - out->len <= 2 * n)
		buf_grow(out, 2 * n);
	d = out->p + out->len;
	while (i < n) {
#ifdef __SSE2__
		size_t k;

		/* sixteen plain bytes at a time; a valid UTF-8 sequence
		 * inside them is plain too, looked at in place, since news
		 * has a curly quote or dash every few words */
		while (n - i >= 16) {
			__m128i v = _mm_loadu_si128((const __m128i *)(p + i));
			unsigned m = esc_mask(v);

			/* all sixteen fit (2 * (n - i) bytes are free), but
			 * only those before a byte that needs more count */
			_mm_storeu_si128((__m128i *)d, v);
			while (m != 0) {
				k = (size_t)__builtin_ctz(m);
				/* one running past the block is bad here:
				 * the byte path below takes it */
				if (p[i + k] < 0x80 ||
				    (len = u8_seqlen(s + i + k, 16 - k)) == 0)
					break;
				m &= ~0u << (k + len);
			}
			if (m != 0) {
				d += k;
				i += k;
				break;
			}
			d += 16;
			i += 16;
		}
		/* the last few bytes: the final sixteen again, those before
		 * i masked off, rather than one at a time */
		if (n - i < 16 && n >= 16 && i < n) {
			size_t base = n - 16;
			unsigned m = esc_mask(_mm_loadu_si128(
			    (const __m128i *)(p + base))) & ~0u << (i - base);

			k = (m == 0 ? 16 : (size_t)__builtin_ctz(m)) + base - i;
			d = buf_putmem(d, s + i, k);
			i += k;
		}
#endif
		/* eight plain bytes at a time: none >= 0x80, < 0x20 or '\\' */
		while (n - i >= 8) {
			uint64_t w, bs;

			memcpy(&w, p + i, 8);
			bs = w ^ 0x5c5c5c5c5c5c5c5cULL;
			if (((w | ((w - 0x2020202020202020ULL) & ~w) |
			    ((bs - 0x0101010101010101ULL) & ~bs)) &
			    0x8080808080808080ULL) != 0)
				break;
			memcpy(d, p + i, 8);
			d += 8;
			i += 8;
		}
		if (i == n)
			break;
		switch (esc[p[i]]) {
		case 0:
			*d++ = (char)p[i++];
			break;
		case 1:
			*d++ = '\\';
			*d++ = p[i] == '\t' ? 't' : p[i] == '\n' ? 'n' :
			    p[i] == '\r' ? 'r' : '\\';
			i++;
			break;
		case 2:
			*d++ = '?';
			i++;
			break;
		default:
			if ((len = u8_seqlen(s + i, n - i)) == 0) {
				*d++ = '?';
				i++;
			} else {
				/* 2 to 4 bytes: no call for so few */
				do
					*d++ = (char)p[i++];
				while (--len);
			}
		}
	}
	out->len = (size_t)(d - out->p);
	*d = '\0';
}

/* Do the eight bytes of w need no look in a value: none < 0x20, >= 0x80,
 * '|' or '\\'?  (Exact as a whole, which is all that is asked.) */
static inline int
plain8(uint64_t w)
{
	uint64_t bs = w ^ 0x5c5c5c5c5c5c5c5cULL, bar = w ^ 0x7c7c7c7c7c7c7c7cULL;

	return ((w | ((w - 0x2020202020202020ULL) & ~w) |
	    ((bs - 0x0101010101010101ULL) & ~bs) |
	    ((bar - 0x0101010101010101ULL) & ~bar)) &
	    0x8080808080808080ULL) == 0;
}

/* The same for four bytes. */
static inline int
plain4(uint32_t w)
{
	uint32_t bs = w ^ 0x5c5c5c5cu, bar = w ^ 0x7c7c7c7cu;

	return ((w | ((w - 0x20202020u) & ~w) | ((bs - 0x01010101u) & ~bs) |
	    ((bar - 0x01010101u) & ~bar)) & 0x80808080u) == 0;
}

/*
 * Value bytes for ATTRS at d, which has room for n: separators become
 * spaces, bad bytes '?', so every byte in is one byte out, at the same
 * offset.  Returns the end.  Names and cues are plain ASCII mostly: eight
 * bytes a step, and the last few as a word that overlaps the ones before,
 * as is a value of four to seven bytes ("said", "PER").
 */
static char *
attr_value(char *d, const char *s, size_t n)
{
	char *d0 = d;
	size_t i = 0, len;
	unsigned char c;
	uint64_t w;
	uint32_t x, y;
	int tail = n >= 8;

	if (n >= 4 && n < 8) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		if (plain4(x) && plain4(y)) {
			memcpy(d, &x, 4);
			memcpy(d + n - 4, &y, 4);
			return d + n;
		}
	}
	while (i < n) {
		while (n - i >= 8) {
			memcpy(&w, s + i, 8);
			if (!plain8(w))
				break;
			memcpy(d, &w, 8);
			d += 8;
			i += 8;
		}
		if (i == n)
			break;
		if (tail && n - i < 8) {
			/* bytes out sit at their offsets in, so the last
			 * eight may be written again whole when plain */
			tail = 0;
			memcpy(&w, s + n - 8, 8);
			if (plain8(w)) {
				memcpy(d0 + n - 8, &w, 8);
				return d0 + n;
			}
		}
		c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x80 && c != '|' && c != '\\') {
			*d++ = (char)c;
			i++;
		} else if (c == '\t' || c == '\n' || c == '\r' || c == '|' ||
		    c == '\\') {
			*d++ = ' ';
			i++;
		} else if (c < 0x80 || (len = u8_seqlen(s + i, n - i)) == 0) {
			*d++ = '?';
			i++;
		} else {
			memcpy(d, s + i, len);
			d += len;
			i += len;
		}
	}
	return d;
}

void
attr_putk(struct buf *b, const char *key, size_t klen, const char *val,
    size_t n)
{
	char *d;

	if (val == NULL)
		n = 0;
	/* one size check: the value never grows (attr_value) */
	if (b->cap - b->len <= klen + 2 + n)
		buf_grow(b, klen + 2 + n);
	d = b->p + b->len;
	if (b->len > 0)
		*d++ = '|';
	memcpy(d, key, klen);
	d += klen;
	*d++ = '=';
	if (val != NULL)
		d = attr_value(d, val, n);
	*d = '\0';
	b->len = (size_t)(d - b->p);
}

void
attr_puts(struct buf *b, const char *key, const char *val)
{
	attr_put(b, key, val, val ? strlen(val) : 0);
}

void
attr_putu(struct buf *b, const char *key, size_t u)
{
	attr_put(b, key, NULL, 0);
	buf_addu(b, u);
}

void
attr_copy(struct buf *b, const struct rec *r, const char *key)
{
	const char *v;
	size_t n;

	if (!rec_attr(r, key, &v, &n))
		v = NULL, n = 0;
	attr_put(b, key, v, n);
}

/* Do attrs[0..n) open with exactly keys in order, each value printable
 * ASCII with no backslash (nothing attr_value() would change)?  The
 * length of that opening, or 0. */
static size_t
keys_prefix(const char *a, size_t n, const char *const *keys)
{
	const char *p = a, *end = a + n, *k;

	for (;;) {
		/* key by key, byte by byte: they are a few letters long */
		for (k = *keys; *k != '\0'; k++, p++)
			if (p == end || *p != *k)
				return 0;
		if (p == end || *p++ != '=')
			return 0;
		for (; p < end && *p != '|'; p++)
			if (*p < 0x20 || *p > 0x7e || *p == '\\')
				return 0;
		if (*++keys == NULL)
			return (size_t)(p - a);
		if (p == end)
			return 0;
		p++;
	}
}

void
attr_take(struct buf *b, const struct rec *r, const char *const *keys)
{
	size_t n;

	if (r->attrs != NULL && keys[0] != NULL &&
	    (n = keys_prefix(r->attrs, r->attrslen, keys)) > 0) {
		if (b->len > 0)
			buf_addc(b, '|');
		buf_add(b, r->attrs, n);
		return;
	}
	for (; *keys != NULL; keys++)
		attr_copy(b, r, *keys);
}

void
attr_end(struct buf *b)
{
	if (b->len == 0)
		buf_addc(b, '_');
}

int
rec_attr(const struct rec *r, const char *key, const char **val, size_t *vlen)
{
	const char *p = r->attrs, *end, *q;
	size_t klen = strlen(key);

	if (r->attrs == NULL)
		return 0;
	end = r->attrs + r->attrslen;
	/* ATTRS are short: plain loops beat library calls here */
	while (p < end) {
		if ((size_t)(end - p) > klen && p[klen] == '=' &&
		    memcmp(p, key, klen) == 0) {
			for (q = p + klen + 1; q < end && *q != '|'; q++)
				;
			*val = p + klen + 1;
			*vlen = (size_t)(q - *val);
			return 1;
		}
		while (p < end && *p != '|')
			p++;
		p++;
	}
	return 0;
}

size_t
rec_attr_size(const struct rec *r, const char *key, size_t def)
{
	const char *v;
	size_t n, x;

	if (!rec_attr(r, key, &v, &n) || rec_decimal(v, n, &x) < 0)
		return def;
	return x;
}

void
rec_format(struct buf *out, const struct rec *r)
{
	rec_escape(out, r->doc, r->doclen);
	rec_format_rest(out, r);
}

void
rec_format_rest(struct buf *out, const struct rec *r)
{
	size_t klen = strlen(r->kind), need;
	char *d;

	/* one size check for all but TEXT (rec_escape sizes that itself) */
	need = klen + 2 * BUF_UMAX + r->attrslen + 5;
	if (out->cap - out->len <= need)
		buf_grow(out, need);
	d = out->p + out->len;
	*d++ = '\t';
	d = buf_putmem(d, r->kind, klen);
	*d++ = '\t';
	d = buf_putu(d, r->start);
	*d++ = '\t';
	d = buf_putu(d, r->end);
	*d++ = '\t';
	if (r->attrslen)
		d = buf_putmem(d, r->attrs, r->attrslen);
	else
		*d++ = '_';
	*d++ = '\t';
	out->len = (size_t)(d - out->p);
	if (r->flags & REC_PLAIN)
		buf_add(out, r->text, r->textlen);
	else
		rec_escape(out, r->text, r->textlen);
	buf_addc(out, '\n');
}

void
rec_json_string(struct buf *out, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run, len;

	esc_init();
	buf_addc(out, '"');
	while (i < n) {
		for (run = i; run < n && esc[p[run]] == 0 && p[run] != '"'; run++)
			;
		buf_add(out, s + i, run - i);
		if ((i = run) == n)
			break;
		switch (p[i]) {
		case '"': buf_adds(out, "\\\""); i++; continue;
		case '\\': buf_adds(out, "\\\\"); i++; continue;
		case '\t': buf_adds(out, "\\t"); i++; continue;
		case '\n': buf_adds(out, "\\n"); i++; continue;
		case '\r': buf_adds(out, "\\r"); i++; continue;
		}
		if (p[i] < 0x20) {
			/* written as '?' in TSV too, so both outputs agree */
			buf_addc(out, '?');
			i++;
		} else if ((len = u8_seqlen(s + i, n - i)) == 0) {
			buf_addc(out, '?');
			i++;
		} else {
			buf_add(out, s + i, len);
			i += len;
		}
	}
	buf_addc(out, '"');
}

/* Keys whose values are numbers in JSON (null when empty). */
static int
numeric_key(const char *k, size_t n)
{
	return (n == 4 && memcmp(k, "line", 4) == 0) ||
	    (n == 13 && memcmp(k, "speaker_start", 13) == 0) ||
	    (n == 11 && memcmp(k, "speaker_end", 11) == 0);
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || n > 19 || (n > 1 && s[0] == '0'))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

void
rec_format_json(struct buf *out, const struct rec *r)
{
	const char *p, *end, *bar, *eq, *v;
	size_t klen;

	buf_adds(out, "{\"doc\":");
	rec_json_string(out, r->doc, r->doclen);
	buf_adds(out, ",\"kind\":");
	rec_json_string(out, r->kind, strlen(r->kind));
	buf_adds(out, ",\"start\":");
	buf_addu(out, r->start);
	buf_adds(out, ",\"end\":");
	buf_addu(out, r->end);
	p = r->attrs;
	end = r->attrs + r->attrslen;
	if (r->attrslen == 1 && p[0] == '_')
		p = end;
	while (p < end) {
		if ((bar = memchr(p, '|', (size_t)(end - p))) == NULL)
			bar = end;
		if ((eq = memchr(p, '=', (size_t)(bar - p))) == NULL)
			eq = bar;
		klen = (size_t)(eq - p);
		v = eq < bar ? eq + 1 : bar;
		buf_addc(out, ',');
		rec_json_string(out, p, klen);
		buf_addc(out, ':');
		if (numeric_key(p, klen) && v == bar)
			buf_adds(out, "null");
		else if (numeric_key(p, klen) && all_digits(v, (size_t)(bar - v)))
			buf_add(out, v, (size_t)(bar - v));
		else
			rec_json_string(out, v, (size_t)(bar - v));
		p = bar + 1;
	}
	buf_adds(out, ",\"text\":");
	rec_json_string(out, r->text, r->textlen);
	buf_adds(out, "}\n");
}

void
rec_format_json_malformed(struct buf *out, const char *line, size_t n)
{
	buf_adds(out, "{\"kind\":\"malformed\",\"text\":");
	rec_json_string(out, line, n);
	buf_adds(out, "}\n");
}
