/*
 * bp_pat: the pattern language of strip-boilerplate's rules, and the
 * photo-credit detector that works on the same normalised text.
 *
 * A pattern is normalised text (see bp.h) with these wildcards:
 *   *       any text, possibly none
 *   @       one word (a run of non-spaces, less any trailing punctuation
 *           the rest of the pattern asks for)
 *   %       such a word that starts with a capital letter (or non-ASCII)
 *   #       one or more ASCII digits ("####": at least four)
 *   <name>  any entry of the set called name
 *   \c      the character c itself
 * A match never starts or ends inside a word.  Matching is backtracking,
 * but wildcards are few and candidates are found with memchr/memmem, so
 * a paragraph costs little more than one pass over it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BP_INTERNAL
#include "bp.h"
#include "buf.h"
#include "u8.h"

enum { T_LIT, T_ANY, T_WORD, T_CAP, T_NUM, T_SET };

#define WORD_MAX 64	/* longest word a suffix pattern expects */
#define NUM_MAX 20

static int
wordc(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c >= 0x80;
}

static int
capital(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static void
put(char *lo, char *ca, size_t *o, char l, char c)
{
	lo[*o] = l;
	ca[*o] = c;
	(*o)++;
}

#ifdef __SSE2__
#include <emmintrin.h>

/* Bits set in a 16-bit mask (no popcnt instruction on baseline x86-64):
 * two looks in a table of each byte's count cost less than the shifts. */
#define P2(n) n, n + 1, n + 1, n + 2
#define P4(n) P2(n), P2(n + 1), P2(n + 1), P2(n + 2)
#define P6(n) P4(n), P4(n + 1), P4(n + 1), P4(n + 2)
static const unsigned char popc8[256] = { P6(0), P6(1), P6(1), P6(2) };
#undef P2
#undef P4
#undef P6

static unsigned
popc16(unsigned m)
{
	return (unsigned)popc8[m & 0xff] + popc8[m >> 8 & 0xff];
}
#endif

#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* What bp_norm() makes of U+2010..2015, 2018..201B, 2032, 201C..201E,
 * 2033 (E2 80 b): a dash, ' or "; 0 for the rest. */
static inline char
quote_dash(unsigned char b)
{
	if (b == 0x98 || b == 0x99 || b == 0x9b || b == 0xb2)
		return '\'';
	if (b == 0x9c || b == 0x9d || b == 0x9e || b == 0xb3)
		return '"';
	if (b >= 0x90 && b <= 0x95)
		return '-';
	return 0;
}

#ifdef __SSE2__
/* A curly quote or a dash at u[*i] (before n), put as its ASCII mark:
 * the SSE2 passes stop at one and go on after it. */
static inline int
put_quote_dash(const unsigned char *u, size_t n, size_t *i, char *lo,
    char *ca, size_t *o)
{
	char q;

	if (*i + 2 >= n || u[*i] != 0xe2 || u[*i + 1] != 0x80 ||
	    (q = quote_dash(u[*i + 2])) == 0)
		return 0;
	put(lo, ca, o, q, q);
	*i += 3;
	return 1;
}
#endif

/* 0x80 in each byte of x that is not zero (for bytes under 0x80 and
 * not: no carry crosses a byte). */
static uint64_t
nonzero(uint64_t x)
{
	return (((x & ~HIGH) + ~HIGH) | x) & HIGH;
}

static size_t norm(const char *s, size_t n, char *lo, char *ca,
    size_t *words, int *escp, int pad);

size_t
bp_norm(const char *s, size_t n, char *lo, char *ca, size_t *words)
{
	int esc;

	return norm(s, n, lo, ca, words, &esc, 0);
}

size_t
bp_norm_esc(const char *s, size_t n, char *lo, char *ca, size_t *words,
    int *escp)
{
	return norm(s, n, lo, ca, words, escp, 1);
}

/* pad: BP_SLACK bytes after lo[n) and ca[n) may be written, so that the
 * last bytes go sixteen at a time too */
static size_t
norm(const char *s, size_t n, char *lo, char *ca, size_t *words, int *escp,
    int pad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, w = 0;
	int sp = 1, esc = 0;	/* a control, a bad byte or a backslash */
#ifdef __SSE2__
	__m128i bsl = _mm_setzero_si128();	/* backslashes, in blocks */
#endif
	uint64_t bsl8 = 0;			/* and in 8-byte words */

	while (i < n) {
		unsigned char c;
		int map = 0;	/* 0 copy, ' ' space, -1 skip, else the byte */
		size_t len = 1, lim;

		/* Sixteen or eight bytes at a time while they are printable
		 * ASCII and single spaces, which normalising leaves as they
		 * are. */
#ifdef __SSE2__
		/* The words of whole blocks with no stop: each space there
		 * but one at their end has a word's byte after it, and so
		 * has the space before them if there is one (sp0); their
		 * spaces are added up by lane (nsp, at most 255 blocks) and
		 * counted when they end. */
		__m128i nsp = _mm_setzero_si128();
		unsigned nb = 0;
		int sp0 = sp;
#define WHOLE_WORDS() do {						\
		if (nb > 0) {						\
			__m128i t_ = _mm_sad_epu8(nsp, _mm_setzero_si128()); \
									\
			w += (size_t)sp0 + (size_t)_mm_cvtsi128_si32(t_) +	\
			    (size_t)_mm_extract_epi16(t_, 4) - (size_t)sp;	\
			nsp = _mm_setzero_si128();			\
			nb = 0;						\
		}							\
	} while (0)
		while (i + 16 <= n) {
			__m128i x = _mm_loadu_si128((const __m128i *)(u + i));
			/* A-Z: from 'A' on, the 26 lowest as signed bytes */
			__m128i up = _mm_cmplt_epi8(_mm_add_epi8(x,
			    _mm_set1_epi8((char)(0x80 - 'A'))),
			    _mm_set1_epi8((char)(0x80 + 26)));
			__m128i spv = _mm_cmpeq_epi8(x, _mm_set1_epi8(' '));
			unsigned sps = (unsigned)_mm_movemask_epi8(spv);
			/* under ' ' as signed bytes: controls and non-ASCII */
			unsigned bad = (unsigned)_mm_movemask_epi8(
			    _mm_cmplt_epi8(x, _mm_set1_epi8(' ')));

			bsl = _mm_or_si128(bsl, _mm_cmpeq_epi8(x,
			    _mm_set1_epi8('\\')));

			unsigned stop = bad | (sps & (sps << 1 | (unsigned)sp));

			if (stop) {
				/* the bytes before the first that needs
				 * more than this go as they are */
				unsigned k = (unsigned)__builtin_ctz(stop);
				unsigned pre = (1u << k) - 1;

				WHOLE_WORDS();
				if (k > 0) {
					w += popc16(~sps & pre &
					    (sps << 1 | (unsigned)sp));
					sp = (int)(sps >> (k - 1) & 1);
					_mm_storeu_si128((__m128i *)(ca + o), x);
					_mm_storeu_si128((__m128i *)(lo + o),
					    _mm_or_si128(x, _mm_and_si128(up,
					    _mm_set1_epi8(0x20))));
					o += k;
					i += k;
				}
				/* a curly quote or a dash, which news has in
				 * most paragraphs, here and on with the next
				 * sixteen; the rest below */
				if (put_quote_dash(u, n, &i, lo, ca, &o)) {
					w += (size_t)sp;
					sp = sp0 = 0;
					continue;
				}
				break;
			}
			nsp = _mm_sub_epi8(nsp, spv);
			sp = (int)(sps >> 15);
			_mm_storeu_si128((__m128i *)(ca + o), x);
			_mm_storeu_si128((__m128i *)(lo + o), _mm_or_si128(x,
			    _mm_and_si128(up, _mm_set1_epi8(0x20))));
			o += 16;
			i += 16;
			if (++nb == 255) {
				WHOLE_WORDS();
				sp0 = sp;
			}
		}
		WHOLE_WORDS();
#undef WHOLE_WORDS
		/* the last bytes, fewer than 16, as the first of a block
		 * padded with letters (no stop, no space), from the last 16
		 * bytes of s where it has 16: at once where they need nothing
		 * more, and on after a curly quote or a dash as above */
		while (pad && i < n && i + 16 > n) {
			unsigned char b[32];
			unsigned m = (unsigned)(n - i), valid = (1u << m) - 1;
			__m128i x, up;
			unsigned sps, bad, st, stop;

			_mm_storeu_si128((__m128i *)(b + 16), _mm_set1_epi8('a'));
			if (n >= 16)
				_mm_storeu_si128((__m128i *)b, _mm_loadu_si128(
				    (const __m128i *)(u + n - 16)));
			else
				memcpy(b + 16 - m, u + i, m);
			x = _mm_loadu_si128((const __m128i *)(b + 16 - m));
			sps = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(x,
			    _mm_set1_epi8(' ')));
			bad = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(x,
			    _mm_set1_epi8(' ')));
			st = sps << 1 | (unsigned)sp;
			stop = (bad | (sps & st)) & valid;
			up = _mm_and_si128(
			    _mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
			    _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
			bsl = _mm_or_si128(bsl, _mm_cmpeq_epi8(x,
			    _mm_set1_epi8('\\')));
			if (stop)	/* the bytes before it */
				m = (unsigned)__builtin_ctz(stop);
			if (m > 0) {
				w += popc16(~sps & ((1u << m) - 1) & st);
				sp = (int)(sps >> (m - 1) & 1);
				_mm_storeu_si128((__m128i *)(ca + o), x);
				_mm_storeu_si128((__m128i *)(lo + o), _mm_or_si128(
				    x, _mm_and_si128(up, _mm_set1_epi8(0x20))));
				o += m;
				i += m;
			}
			if (!stop)
				goto done;
			if (put_quote_dash(u, n, &i, lo, ca, &o)) {
				w += (size_t)sp;
				sp = 0;
				continue;
			}
			break;
		}
#endif
		while (i + 8 <= n) {
			uint64_t x, sps, up, l;

			memcpy(&x, u + i, 8);
			sps = ~nonzero(x ^ ONES * ' ') & HIGH;	/* spaces */
			if ((x & HIGH) || (~nonzero(x & ONES * 0x60) & HIGH) ||
			    (sps & sps << 8) || (sp && (sps & 0x80)))
				break;
			/* words start after a space: add up the 0x80s */
			w += (size_t)((((~sps & HIGH & (sps << 8 |
			    (uint64_t)sp << 7)) >> 7) * ONES) >> 56);
			sp = (int)(sps >> 63);
			bsl8 |= ~nonzero(x ^ ONES * '\\') & HIGH;
			up = (x + ONES * (0x80 - 'A')) &
			    ~(x + ONES * (0x80 - 'Z' - 1)) & HIGH;
			l = x | up >> 2;
			memcpy(ca + o, &x, 8);
			memcpy(lo + o, &l, 8);
			o += 8;
			i += 8;
		}
		if (i == n)
			break;
		c = u[i];
		/* then byte by byte up to the next eight */
		lim = i + 8;
		while (c == ' ' || (c > ' ' && c < 0x80)) {
			if (c == ' ') {
				if (!sp)
					lo[o] = ca[o] = ' ', o++;
				sp = 1;
			} else {
				w += sp;
				sp = 0;
				esc |= c == '\\';
				lo[o] = (char)((unsigned)(c - 'A') < 26 ?
				    c + 32 : c);
				ca[o++] = (char)c;
			}
			if (++i == n)
				goto done;
			if (i == lim)
				goto next;
			c = u[i];
		}

		if (c < 0x80) {
			esc |= c < ' ' || c == '\\';
			if (c == ' ' || (c >= '\t' && c <= '\r'))
				map = ' ';
			else {
				if (sp)
					w++;
				sp = 0;
				put(lo, ca, &o, (char)(c >= 'A' && c <= 'Z' ?
				    c + 32 : c), (char)c);
				i++;
				continue;
			}
		} else if (c == 0xc2 && i + 1 < n && u[i + 1] == 0xa0) {
			map = ' ', len = 2;
		} else if (c == 0xe2 && i + 2 < n && u[i + 1] == 0x80) {
			unsigned char b = u[i + 2];

			len = 3;
			if ((b >= 0x80 && b <= 0x8a) || b == 0xa8 ||
			    b == 0xa9 || b == 0xaf)
				map = ' ';
			else if (b >= 0x8b && b <= 0x8d)
				map = -1;
			else if (b == 0xa6)
				map = '.';
			else if ((map = quote_dash(b)) == 0)
				len = 1;
		} else if (c == 0xe2 && i + 2 < n && u[i + 1] == 0x88 &&
		    u[i + 2] == 0x92) {
			map = '-', len = 3;
		} else if (c == 0xe2 && i + 2 < n && u[i + 1] == 0x81 &&
		    u[i + 2] == 0x9f) {
			map = ' ', len = 3;
		} else if (c == 0xe3 && i + 2 < n && u[i + 1] == 0x80 &&
		    u[i + 2] == 0x80) {
			map = ' ', len = 3;
		} else if (c == 0xef && i + 2 < n && u[i + 1] == 0xbb &&
		    u[i + 2] == 0xbf) {
			map = -1, len = 3;
		}
		if (map == ' ') {
			if (!sp)
				put(lo, ca, &o, ' ', ' ');
			sp = 1;
		} else if (map == -1) {
			;
		} else {
			if (sp)
				w++;
			sp = 0;
			if (map == 0) {
				size_t k;

				/* a byte that is not UTF-8 is judged as the
				 * '?' a record stream carries in its place */
				if (u8_decode(s + i, n - i, &len) == U8_BAD) {
					put(lo, ca, &o, '?', '?');
					esc = 1;
				} else
					for (k = 0; k < len; k++)
						put(lo, ca, &o, (char)u[i + k],
						    (char)u[i + k]);
			} else if (map == '.') {	/* … */
				put(lo, ca, &o, '.', '.');
				put(lo, ca, &o, '.', '.');
				put(lo, ca, &o, '.', '.');
			} else
				put(lo, ca, &o, (char)map, (char)map);
		}
		i += len;
next:		;
	}
done:
	if (o > 0 && lo[o - 1] == ' ')
		o--;
	*words = w;
#ifdef __SSE2__
	esc |= _mm_movemask_epi8(bsl) != 0;
#endif
	*escp = esc | (bsl8 != 0);
	return o;
}

int
bp_in_set(const struct bp_rules *rs, int set, const char *s, size_t n)
{
	const struct bp_set *st;
	size_t i;

	if (set < 0)
		return 0;
	st = &rs->sets[set];
	/* most words asked about have no entry of their length and first
	 * byte */
	if (!(st->lens >> (n < 63 ? n : 63) & 1) || (n > 0 &&
	    !(st->first[(unsigned char)s[0] >> 6] >> ((unsigned char)s[0] & 63)
	    & 1)))
		return 0;
	/* only the entries of its length */
	for (i = st->lstart[n < 64 ? n : 64]; i < (n < 64 ?
	    st->lstart[n + 1] : st->n); i++) {
		size_t k = st->bylen[i];

		if (st->len[k] == n && (n == 0 || (st->s[k][0] == s[0] &&
		    memcmp(st->s[k], s, n) == 0)))
			return 1;
	}
	return 0;
}

void
bp_pat_compile(const struct bp_rules *rs, const struct cfg *node,
    struct bp_pat *p)
{
	const char *src;
	char *lo, *ca, buf[2 * 256];	/* most patterns fit: no malloc */
	size_t n, i, w, len, ntok = 0, max = 0, minsp = 0, maxsp = 0;
	struct bp_tok *t;
	int gap;	/* the token before is a literal byte of no word */

	if (node->kind != CFG_SCALAR)
		cfg_fail(node, "a pattern must be a string");
	src = node->str;
	n = strlen(src);
	lo = n < 256 ? buf : xmalloc(2 * (n + 1));
	ca = lo + n + 1;
	len = bp_norm(src, n, lo, ca, &w);
	if (len == 0)
		cfg_fail(node, "empty pattern");
	t = xreallocarray(NULL, len, sizeof(*t));
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)lo[i];
		struct bp_tok *k = &t[ntok++];

		k->c = 0;
		k->set = 0;
		switch (c) {
		case '*':
			k->t = T_ANY;
			max = SIZE_MAX;
			break;
		case '@':
			k->t = T_WORD;
			break;
		case '%':
			k->t = T_CAP;
			break;
		case '#':	/* "####": at least four digits */
			k->t = T_NUM;
			k->c = 1;
			while (i + 1 < len && lo[i + 1] == '#') {
				k->c++;
				i++;
			}
			break;
		case '<': {
			const char *e = memchr(lo + i, '>', len - i);
			size_t s, sl;

			if (e == NULL)
				cfg_fail(node, "'<' without '>'");
			sl = (size_t)(e - lo - i - 1);
			for (s = 0; s < rs->nsets; s++)
				if (strlen(rs->sets[s].name) == sl &&
				    memcmp(rs->sets[s].name, lo + i + 1, sl) == 0)
					break;
			if (s == rs->nsets)
				cfg_fail(node, "no set named %.*s", (int)sl,
				    lo + i + 1);
			k->t = T_SET;
			k->set = (unsigned short)s;
			i += sl + 1;
			break;
		}
		case '\\':
			if (i + 1 < len)
				c = (unsigned char)lo[++i];
			/* FALLTHROUGH */
		default:
			k->t = T_LIT;
			k->c = c;
			break;
		}
		if (k->t == T_LIT && k->c == ' ') {
			minsp++;
			if (maxsp != SIZE_MAX)
				maxsp++;
		}
		else if (k->t == T_ANY)
			maxsp = SIZE_MAX;
		else if (k->t == T_SET) {
			const struct bp_set *st = &rs->sets[k->set];
			size_t s, lo_sp = SIZE_MAX, hi_sp = 0;

			for (s = 0; s < st->n; s++) {
				const char *sp = st->s[s], *e = sp + st->len[s];
				size_t ns = 0;

				while ((sp = memchr(sp, ' ', (size_t)(e - sp))))
					ns++, sp++;
				lo_sp = ns < lo_sp ? ns : lo_sp;
				hi_sp = ns > hi_sp ? ns : hi_sp;
			}
			if (st->n > 0) {
				minsp += lo_sp;
				if (maxsp != SIZE_MAX)
					maxsp += hi_sp;
			}
		}
		if (max == SIZE_MAX)
			continue;
		if (k->t == T_LIT)
			max += 1;
		else if (k->t == T_NUM)
			max += NUM_MAX;
		else if (k->t == T_SET) {
			size_t s, m = 0;

			for (s = 0; s < rs->sets[k->set].n; s++)
				if (rs->sets[k->set].len[s] > m)
					m = rs->sets[k->set].len[s];
			max += m;
		} else
			max += WORD_MAX;
	}
	p->tok = t;
	p->n = ntok;
	/* A match never starts inside a word: a word byte that opens the
	 * pattern, or follows a literal byte of no word, starts a word of
	 * the text; with 3 literal bytes after it, its bit is needed. */
	p->needw = 0;
	for (i = 0, gap = 1; i + 4 <= ntok; i++) {
		int word = t[i].t == T_LIT && wordc(t[i].c);

		if (word && gap && t[i + 1].t == T_LIT && t[i + 2].t == T_LIT &&
		    t[i + 3].t == T_LIT) {
			unsigned char b[4] = { t[i].c, t[i + 1].c, t[i + 2].c,
			    t[i + 3].c };
			uint32_t v;

			memcpy(&v, b, 4);
			p->needw |= (uint64_t)1 << bp_wbit(v);
		}
		gap = t[i].t == T_LIT && !word;
	}
	p->maxlen = max;
	p->minsp = minsp;
	p->maxsp = maxsp;
	for (i = 0; i < ntok && t[i].t == T_LIT; i++)
		;
	p->litlen = i;
	for (i = 0; i < ntok && t[ntok - 1 - i].t == T_LIT; i++)
		;
	p->taillen = i;
	/* lit and tail in one block, freed as lit */
	p->lit = xmalloc(p->litlen + 1 + p->taillen + 1);
	for (i = 0; i < p->litlen; i++)
		p->lit[i] = (char)t[i].c;
	p->lit[i] = '\0';
	p->tail = p->lit + p->litlen + 1;
	for (i = 0; i < p->taillen; i++)
		p->tail[i] = (char)t[ntok - p->taillen + i].c;
	p->tail[i] = '\0';
	if (lo != buf)
		free(lo);
}

void
bp_pat_free(struct bp_pat *p)
{
	free(p->tok);
	free(p->lit);
}

static int
m(const struct bp_rules *rs, const struct bp_tok *t, const struct bp_tok *te,
    const char *lo, const char *ca, size_t i, size_t n, int endanch)
{
	size_t k, e;

	for (; t < te && t->t == T_LIT; t++, i++)
		if (i >= n || (unsigned char)lo[i] != t->c)
			return 0;
	if (t == te) {
		if (endanch)
			return i == n;
		return i == n || i == 0 || !(wordc((unsigned char)lo[i]) &&
		    wordc((unsigned char)lo[i - 1]));
	}
	switch (t->t) {
	case T_ANY:
		if (t + 1 == te)
			return 1;
		if (t[1].t == T_LIT) {
			for (k = i; k < n; k++) {
				const char *q = memchr(lo + k, t[1].c, n - k);

				if (q == NULL)
					return 0;
				k = (size_t)(q - lo);
				if (m(rs, t + 1, te, lo, ca, k, n, endanch))
					return 1;
			}
			return 0;
		}
		for (k = i; k <= n; k++)
			if (m(rs, t + 1, te, lo, ca, k, n, endanch))
				return 1;
		return 0;
	case T_WORD:
	case T_CAP:
		if (i >= n || lo[i] == ' ')
			return 0;
		if (t->t == T_CAP && !capital((unsigned char)ca[i]))
			return 0;
		/* the whole word, or the word without trailing punctuation:
		 * trying every split would be quadratic */
		for (e = i; e < n && lo[e] != ' '; e++)
			;
		for (k = e; k > i; k--) {
			if (m(rs, t + 1, te, lo, ca, k, n, endanch))
				return 1;
			if (wordc((unsigned char)lo[k - 1]))
				break;
		}
		return 0;
	case T_NUM:
		for (e = i; e < n && lo[e] >= '0' && lo[e] <= '9'; e++)
			;
		return e >= i + t->c && e > i &&
		    m(rs, t + 1, te, lo, ca, e, n, endanch);
	case T_SET: {
		const struct bp_set *st = &rs->sets[t->set];

		/* only the entries that open with the byte here (most
		 * places asked have none), their second byte before a call
		 * to memcmp(); an empty entry matches anywhere */
		if (i < n) {
			unsigned char c = (unsigned char)lo[i];
			size_t q;

			for (q = st->fstart[c]; q < st->fstart[c + 1]; q++) {
				k = st->byfirst[q];
				if (n - i >= st->len[k] && (st->len[k] == 1 ||
				    (lo[i + 1] == st->s[k][1] &&
				    memcmp(lo + i, st->s[k], st->len[k]) == 0)) &&
				    m(rs, t + 1, te, lo, ca, i + st->len[k], n,
				    endanch))
					return 1;
			}
		}
		return st->empty && m(rs, t + 1, te, lo, ca, i, n, endanch);
	}
	}
	return 0;
}

/*
 * Can p, anchored at the start, match lo at all?  A cheap look at the
 * first token, for patterns that begin with a wildcard.
 */
int
bp_pat_may_start(const struct bp_rules *rs, const struct bp_pat *p,
    const char *lo, const char *ca, size_t n)
{
	const struct bp_tok *t = p->tok;

	if (n == 0)
		return 0;
	switch (t->t) {
	case T_NUM:
		return lo[0] >= '0' && lo[0] <= '9';
	case T_CAP:
		return capital((unsigned char)ca[0]);
	case T_SET: {
		const struct bp_set *st = &rs->sets[t->set];
		unsigned char c = (unsigned char)lo[0];

		/* an empty entry offers its NUL */
		return (st->empty && c == 0) ||
		    (st->first[c >> 6] >> (c & 63) & 1) != 0;
	}
	case T_LIT:
		return (unsigned char)lo[0] == t->c;
	}
	return 1;
}

/*
 * Can p, anchored at the end (line or suffix), match lo at all?  A look at
 * the last byte for patterns that end with a number or a set.
 */
int
bp_pat_may_end(const struct bp_rules *rs, const struct bp_pat *p,
    const char *lo, size_t n)
{
	const struct bp_tok *t = &p->tok[p->n - 1];
	const struct bp_set *st;

	switch (t->t) {
	case T_NUM:
		return lo[n - 1] >= '0' && lo[n - 1] <= '9';
	case T_SET: {
		unsigned char c = (unsigned char)lo[n - 1];

		st = &rs->sets[t->set];
		return st->empty || (st->last[c >> 6] >> (c & 63) & 1) != 0;
	}
	}
	return 1;
}

/* May a match start at i (not inside a word)? */
static int
starts(const char *lo, size_t i)
{
	return i == 0 || !(wordc((unsigned char)lo[i]) &&
	    wordc((unsigned char)lo[i - 1]));
}

int
bp_pat_match(const struct bp_rules *rs, const struct bp_pat *p, int anchor,
    const char *lo, const char *ca, size_t n)
{
	const struct bp_tok *t = p->tok, *te = p->tok + p->n;
	size_t k;

	switch (anchor) {
	case BP_LINE:
		if (p->maxlen < n)
			return 0;
		return m(rs, t, te, lo, ca, 0, n, 1);
	case BP_PREFIX:
		return m(rs, t, te, lo, ca, 0, n, 0);
	case BP_SUFFIX:
		k = p->maxlen >= n ? 0 : n - p->maxlen;
		for (; k < n; k++) {
			if (p->litlen) {
				const char *q = memchr(lo + k, p->lit[0], n - k);

				if (q == NULL)
					return 0;
				k = (size_t)(q - lo);
			}
			if (starts(lo, k) && m(rs, t, te, lo, ca, k, n, 1))
				return 1;
		}
		return 0;
	default:
		for (k = 0; k < n; k++) {
			if (p->litlen) {
				const char *q = memmem(lo + k, n - k, p->lit,
				    p->litlen);

				if (q == NULL)
					return 0;
				k = (size_t)(q - lo);
			}
			if (starts(lo, k) && m(rs, t, te, lo, ca, k, n, 0))
				return 1;
		}
		return 0;
	}
}

int
bp_pat_match_at(const struct bp_rules *rs, const struct bp_pat *p,
    const char *lo, const char *ca, size_t n, size_t at)
{
	return starts(lo, at) && m(rs, p->tok, p->tok + p->n, lo, ca, at, n, 0);
}

int
bp_rule_match(const struct bp_rules *rs, const struct bp_rule *r,
    const char *lo, const char *ca, size_t n, size_t words)
{
	size_t a, i;
	int hit = 0;

	if (words < r->minw || words > r->maxw)
		return 0;
	for (a = 0; a < BP_NANCHOR && !hit; a++)
		for (i = 0; i < r->npat[a] && !hit; i++)
			hit = bp_pat_match(rs, &r->pat[a][i], (int)a, lo, ca, n);
	return hit && bp_rule_also(rs, r, lo, ca, n, ~(uint64_t)0);
}

int
bp_rule_also(const struct bp_rules *rs, const struct bp_rule *r,
    const char *lo, const char *ca, size_t n, uint64_t wbits)
{
	size_t i;

	/* a pattern whose word bits the paragraph lacks is not there */
	for (i = 0; i < r->nunless; i++)
		if ((r->unless[i].needw & ~wbits) == 0 &&
		    bp_pat_match(rs, &r->unless[i], BP_CONTAINS, lo, ca, n))
			return 0;
	if (r->nalso == 0)
		return 1;
	for (i = 0; i < r->nalso; i++)
		if ((r->also[i].needw & ~wbits) == 0 &&
		    bp_pat_match(rs, &r->also[i], BP_CONTAINS, lo, ca, n))
			return 1;
	return 0;
}

/* No letter or digit at all: separators, stray brackets, bullets. */
int
bp_symbols_only(const char *lo, size_t n)
{
	size_t i, len;

	if (n > 64)
		return 0;
	for (i = 0; i < n; i += len) {
		int32_t c = u8_decode(lo + i, n - i, &len);

		if (u8_isalnum(c))
			return 0;
	}
	return 1;
}

/* Is ca[a..b) a credit: 1..credit_max words, names or small words? */
static int
credit_words(const struct bp_rules *rs, const char *lo, const char *ca,
    size_t a, size_t b)
{
	size_t w = 0, caps = 0, i = a, e;

	while (i < b) {
		if (lo[i] == ' ') {
			i++;
			continue;
		}
		for (e = i; e < b && lo[e] != ' '; e++)
			;
		w++;
		if ((e - i >= 4 && memcmp(lo + i, "http", 4) == 0) ||
		    (e - i >= 4 && memcmp(lo + i, "www.", 4) == 0))
			return 0;	/* a link, not a name */
		/* an agency may spell itself in lower case: "(iStock)" */
		if (capital((unsigned char)ca[i]) ||
		    (ca[i] >= '0' && ca[i] <= '9') || memchr(lo + i, '/',
		    e - i) || lo[i] == '&' || lo[i] == '(' || lo[i] == '-' ||
		    (rs->agency >= 0 && bp_in_set(rs, rs->agency, lo + i,
		    e - i)))
			caps++;
		else if (!bp_in_set(rs, rs->smallw, lo + i, e - i))
			return 0;
		i = e + 1;
	}
	return w >= 1 && w <= rs->credit_max && caps >= 1;
}

/* Does the sentence end at the '.' at lo[k], after a real word? */
static int
sentence_end(const struct bp_rules *rs, const char *lo, const char *ca,
    size_t k)
{
	size_t s = k;
	unsigned char c;

	if (k == 0)
		return 0;
	while (s > 0 && lo[s - 1] != ' ')
		s--;
	c = (unsigned char)ca[k - 1];
	if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
		return 0;
	if (k - s < 2 || bp_in_set(rs, rs->abbrev, lo + s, k + 1 - s))
		return 0;
	return s > 0;	/* at least one word before */
}

/* Where the word that ends at e starts: after the last space before e.
 * Eight bytes at a time, as it is asked of every paragraph (bytes in
 * memory order, as the rest of the word tricks here). */
static size_t
word_start(const char *lo, size_t e)
{
	for (; e >= 8; e -= 8) {
		uint64_t x, sp;

		memcpy(&x, lo + e - 8, 8);
		sp = ~nonzero(x ^ ONES * ' ') & HIGH;
		if (sp != 0)
			return e - 8 + (size_t)(63 - __builtin_clzll(sp)) / 8 + 1;
	}
	while (e > 0 && lo[e - 1] != ' ')
		e--;
	return e;
}

/* The words of lo[0..n). */
static size_t
words_in(const char *lo, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (lo[i] != ' ' && (i == 0 || lo[i - 1] == ' '))
			w++;
	return w;
}

/* The length of a photo credit's label that ends, with its colon, at
 * lo[k] ("Credit:", "Photo:", "Image:"), written with its capital, as a
 * label is; 0 if none does.  There must be a byte before it. */
static size_t
credit_label(const char *lo, const char *ca, size_t k)
{
	static const char *const lab[] = { "credit:", "photo:", "photos:",
	    "image:", "picture:", "photograph:" };
	size_t i, l;

	for (i = 0; i < sizeof(lab) / sizeof(lab[0]); i++) {
		l = strlen(lab[i]);
		if (k > l && memcmp(lo + k - l, lab[i], l) == 0 &&
		    ca[k - l] >= 'A' && ca[k - l] <= 'Z')
			return l;
	}
	return 0;
}

/*
 * A photo credit at the end of a paragraph turns it into a caption:
 * "... in Chicago. (John Doe / Chicago Tribune)", "... Wednesday. AP",
 * "... channel Jane Roe / The Forum", with the photographer's @handle
 * after it or not.  Returns the rule name, or NULL.
 */
const char *
bp_credit(const struct bp_rules *rs, const char *lo, const char *ca, size_t n)
{
	size_t e = n, s, k, w;

	for (;;) {	/* trailing @handles */
		s = word_start(lo, e);
		if (s == 0 || lo[s] != '@')
			break;
		e = s - 1;
	}
	if (e == 0)
		return NULL;
	if (lo[e - 1] == ')' || lo[e - 1] == ']') {
		char open = lo[e - 1] == ')' ? '(' : '[';
		size_t o = e - 1;
		unsigned char c;

		while (o > 0 && lo[o - 1] != open && lo[o - 1] != lo[e - 1])
			o--;
		if (o == 0 || lo[o - 1] != open ||
		    !credit_words(rs, lo, ca, o, e - 1))
			return NULL;
		for (k = o - 1; k > 0 && lo[k - 1] == ' '; k--)
			;
		if (k == 0)	/* a credit alone is a rule's business */
			return NULL;
		/* after a sentence; not after a quote, where a bracket
		 * cites a source; after a last word with no stop when it
		 * names the photographer and the outlet with a slash ("...
		 * at the pier (Jane Roe/The Ledger)") */
		c = (unsigned char)lo[k - 1];
		if (c == '.' || c == '!' || c == '?')
			return "credit-paren";
		return wordc(c) && capital((unsigned char)ca[o]) &&
		    memchr(lo + o, '/', e - 1 - o) != NULL ? "credit-paren" :
		    NULL;
	}
	if (!wordc((unsigned char)lo[e - 1]))
		return NULL;
	/* a caption with no stop before its "Credit:" label, or with the
	 * label glued to its last word, as some tabloids print it ("... at
	 * the pier Credit: Reuters", "... on Monday.Credit: EPA"); the
	 * capital C says it is a label */
	for (k = e, w = 0; k-- > 8 && w <= rs->credit_max;) {
		size_t l;

		if (lo[k] != ' ')
			continue;
		w++;
		if (lo[k - 1] != ':' || (l = credit_label(lo, ca, k)) == 0)
			continue;
		/* a feature's subhead has the other labels too ("Travel
		 * Photo: Readers Pick Their Best Piers"): after them, names
		 * with a slash or three words at most, under a caption of
		 * four words or more */
		if (l != sizeof("credit:") - 1 && ((w > 3 && !memchr(lo + k, '/', e - k)) ||
		    words_in(lo, k - l) < 4))
			break;
		if (lo[k - l - 1] == ' ' ? k >= l + 2 &&
		    wordc((unsigned char)lo[k - l - 2]) :
		    (lo[k - l - 1] >= 'a' && lo[k - l - 1] <= 'z' &&
		    ca[k - l - 1] == lo[k - l - 1]) || lo[k - l - 1] == '.')
			return credit_words(rs, lo, ca, k + 1, e) ?
			    "credit-label" : NULL;
		break;
	}
	/* the last sentence is a credit, or "Name / Outlet" ends it */
	for (k = e, w = 0; k-- > 1 && w <= rs->credit_max + 1;) {
		if (lo[k] != ' ')
			continue;
		w++;
		if (lo[k + 1] == '/' && (k + 2 == e || lo[k + 2] == ' ')) {
			for (s = k; s > 0 && lo[s - 1] != ' '; s--)
				;
			return k + 3 < e && capital((unsigned char)ca[s]) &&
			    credit_words(rs, lo, ca, k + 3, e) ?
			    "credit-slash" : NULL;
		}
		/* not a letter's signature after a dash ("... that
		 * question. -- WORRIED IN OHIO") */
		if (lo[k - 1] == '.' && sentence_end(rs, lo, ca, k - 1))
			return lo[k + 1] != '-' &&
			    credit_words(rs, lo, ca, k + 1, e) ?
			    "credit-tail" : NULL;
		/* "... on Monday - Jane Roe/Reuters" */
		if (lo[k - 1] == '-' && k >= 2 && lo[k - 2] == ' ')
			return credit_words(rs, lo, ca, k + 1, e) &&
			    memchr(lo + k + 1, '/', e - k - 1) ?
			    "credit-dash" : NULL;
	}
	return NULL;
}

/* Is the word lo[a..b) (trailing punctuation aside) an agency's name? */
static int
agency(const struct bp_rules *rs, const char *lo, size_t a, size_t b)
{
	while (b > a && !wordc((unsigned char)lo[b - 1]))
		b--;
	return b > a && bp_in_set(rs, rs->agency, lo + a, b - a);
}

/*
 * A credit on a line of its own: "Jane Roe/Reuters", "AP Photo/Jane Roe",
 * "(Jane Roe / The Daily Star)", "Jane Roe | Getty Images": a few names,
 * no sentence, and a slash, a bar or an agency to say it is a credit.
 */
const char *
bp_credit_line(const struct bp_rules *rs, const char *lo, const char *ca,
    size_t n)
{
	size_t a = 0, b = n, i, e;
	int sep = 0, ag = 0;

	if (n == 0)
		return NULL;
	if (lo[0] == '(' && lo[n - 1] == ')')
		a = 1, b = n - 1;
	else if (lo[n - 1] == '.' || lo[n - 1] == '!' || lo[n - 1] == '?' ||
	    lo[n - 1] == '"' || lo[n - 1] == ':')
		return NULL;
	if (!credit_words(rs, lo, ca, a, b))
		return NULL;
	for (i = a; i < b; i = e + 1) {
		size_t e2;

		for (e = i; e < b && lo[e] != ' '; e++)
			;
		if (memchr(lo + i, '/', e - i) || memchr(lo + i, '|', e - i))
			sep = 1;
		/* the word, or it and the next: "getty images" */
		for (e2 = e + 1; e2 < b && lo[e2] != ' '; e2++)
			;
		if (agency(rs, lo, i, e) || (e < b && agency(rs, lo, i, e2)))
			ag = 1;
	}
	return sep || ag ? "credit-alone" : NULL;
}

/*
 * A link to another story under an all-caps label: "READ MORE: Storm
 * closes schools", "WATCH: The rescue on video".  The label is one to
 * three words in capitals ending with a colon; what follows is not a
 * sentence.
 */
const char *
bp_caps_label(const struct bp_rules *rs, const char *lo, const char *ca,
    size_t n, size_t words)
{
	size_t i, letters = 0, w = 1;

	if (n == 0 || words > rs->related_max + 4 || lo[n - 1] == '.')
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)ca[i];

		if (c == ':')
			break;
		if (c == ' ') {
			if (++w > 3)
				return NULL;
			continue;
		}
		if (c >= 'a' && c <= 'z')
			return NULL;
		if (c >= 'A' && c <= 'Z')
			letters++;
		else if (c >= 0x80 || !(c == '\'' || c == '-' || c == '&' ||
		    (c >= '0' && c <= '9')))
			return NULL;
	}
	if (i == n || i + 2 >= n || letters < 3 || lo[i + 1] != ' ')
		return NULL;
	return "caps-label";
}
