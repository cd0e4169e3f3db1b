/*
 * qttok: the tokens extract-quotes reasons over: words, punctuation and
 * quotation marks, with apostrophes told apart from single quotes here,
 * where the characters around them are at hand.
 */
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "qt.h"
#include "u8.h"

static int32_t
cp_at(const char *t, size_t n, size_t i, size_t *len)
{
	size_t l;
	int32_t c;

	if (i >= n) {
		if (len)
			*len = 0;
		return -2;	/* past the end */
	}
	if ((unsigned char)t[i] < 0x80) {
		if (len)
			*len = 1;
		return (unsigned char)t[i];
	}
	/* U+2000-U+203F (curly quotes, dashes, the ellipsis), most of a news
	 * text's other characters: what u8_decode() gives, without its walk */
	if ((unsigned char)t[i] == 0xe2 && n - i >= 3 &&
	    (unsigned char)t[i + 1] == 0x80 &&
	    ((unsigned char)t[i + 2] & 0xc0) == 0x80) {
		if (len)
			*len = 3;
		return 0x2000 | ((unsigned char)t[i + 2] & 0x3f);
	}
	c = u8_decode(t + i, n - i, &l);
	if (len)
		*len = l;
	return c;
}

static int32_t
cp_before(const char *t, size_t lo, size_t i)
{
	size_t l;

	if (i <= lo)
		return -2;
	l = u8_prevlen(t + lo, i - lo);
	return cp_at(t, i, i - l, NULL);
}

static int
isdbl(int32_t c)
{
	return c == '"' || c == 0x201c || c == 0x201d || c == 0x201e ||
	    c == 0xab || c == 0xbb;
}

static int
issgl(int32_t c)
{
	return c == '\'' || c == 0x2018 || c == 0x2019 || c == 0x201a;
}

static int
isal(int32_t c)
{
	return c >= 0 && (c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') ||
	    (c >= '0' && c <= '9') : u8_isalnum(c));
}

static int
isopenctx(int32_t c)
{
	return c == -2 || u8_isspace(c) || c == '(' || c == '[' || c == '{' ||
	    c == 0x2014 || c == 0x2013 || c == '-' || c == '/' || isdbl(c) ||
	    issgl(c);
}

static int
isclosectx(int32_t c)
{
	return c == -2 || u8_isspace(c) || c == '.' || c == ',' || c == ';' ||
	    c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
	    c == 0x2014 || c == 0x2013 || c == 0x2026 || c == '-' ||
	    isdbl(c) || issgl(c);
}

/* An apostrophe that starts a word: ’90s, ’em, and rock ’n’ roll; the
 * Dutch ’t of a name (Anna in ’t Hout) and ’til, ’tis, ’twas, which no
 * quotation opens with. */
static size_t
lead_apostrophe(const char *t, size_t n, size_t i, size_t l)
{
	size_t l2, l3;
	int32_t c = cp_at(t, n, i + l, &l2), c3;

	if (c >= '0' && c <= '9')
		return l;
	if (c == 'n' || c == 'N') {
		c3 = cp_at(t, n, i + l + l2, &l3);
		if (issgl(c3) && !isal(cp_at(t, n, i + l + l2 + l3, NULL)))
			return l + l2 + l3;
	}
	if (c == 't' && (!isal(cp_at(t, n, i + l + 1, NULL)) ||
	    (i + l + 4 <= n && !isal(cp_at(t, n, i + l + 3, NULL)) &&
	    (memcmp(t + i + l, "til", 3) == 0 ||
	    memcmp(t + i + l, "tis", 3) == 0)) ||
	    (i + l + 5 <= n && memcmp(t + i + l, "twas", 4) == 0 &&
	    !isal(cp_at(t, n, i + l + 4, NULL)))))
		return l;
	if ((c == 'e' || c == 'c') && i + l + 2 <= n &&
	    (memcmp(t + i + l, "em", 2) == 0 || memcmp(t + i + l, "cause", 5) == 0)) {
		if (!isal(cp_at(t, n, i + l + (c == 'e' ? 2 : 5), NULL)))
			return l;
	}
	return 0;
}

static void
more_tok(struct qtx *x)
{
	x->tokcap = x->tokcap ? 2 * x->tokcap : 1024;
	x->tok = xreallocarray(x->tok, x->tokcap, sizeof *x->tok);
}

static inline struct tok *
push(struct qtx *x, size_t s, size_t e, int kind, int ch)
{
	struct tok *k;

	if (x->ntok == x->tokcap)
		more_tok(x);
	if (kind == T_MARK) {
		if (x->nmark == x->markcap) {
			x->markcap = x->markcap ? 2 * x->markcap : 64;
			x->mark = xreallocarray(x->mark, x->markcap,
			    sizeof *x->mark);
		}
		x->mark[x->nmark++] = x->ntok;
	}
	k = &x->tok[x->ntok++];
	*k = (struct tok){ .s = s, .e = e, .kind = (unsigned char)kind,
	    .ch = ch, .et = -1, .q = -1 };
	return k;
}

/* Does the period after word [s, e) belong to it (U.S., Gov., an
 * initial)?  key holds the word's folded key, k bytes, or k is 0. */
static int
abbrev_dot(const struct qtx *x, size_t s, size_t e, char *key, size_t k)
{
	const char *t = x->in->text;
	size_t i;
	uint32_t f = 0;

	if (e - s == 1 && t[s] >= 'A' && t[s] <= 'Z')
		return 1;	/* an initial */
	for (i = s; i < e; i++)
		if (t[i] == '.')
			return 1;	/* U.S */
	if (e - s + 1 < LX_MAXKEY && (x->r->dotlen[lx_dotclass(key[0])] >>
	    (k + 1) & 1)) {
		key[k] = '.';
		memset(key + k + 1, 0, 8);
		f = lx_find(x->r, key, k + 1, lx_hash(key, k + 1), NULL);
		memset(key + k, 0, 8);
	}
	if (f & (LX_TITLE | LX_SUFFIX | LX_GTITLE))
		return 1;
	return e - s == 2 && memcmp(t + s, "St", 2) == 0;
}

/* ASCII bytes: what the tokenizer can decide from the byte alone. */
enum { C_PUNCT, C_SPACE, C_ALNUM, C_QUOTE };
static const unsigned char ascii_class[128] = {
	['\t'] = C_SPACE, ['\n'] = C_SPACE, ['\v'] = C_SPACE, ['\f'] = C_SPACE,
	['\r'] = C_SPACE, [' '] = C_SPACE,
	['0' ... '9'] = C_ALNUM, ['A' ... 'Z'] = C_ALNUM, ['a' ... 'z'] = C_ALNUM,
	['"'] = C_QUOTE, ['\''] = C_QUOTE,
};

#ifdef __SSE2__
/* ASCII bytes after a letter or digit that surely end the word: not
 * ' - . & (which may join another part on) nor a letter or digit. */
static const unsigned char ends_word[256] = {
	[0x00 ... 0x25] = 1, [0x28 ... 0x2c] = 1, ['/'] = 1,
	[':' ... '@'] = 1, ['[' ... '`'] = 1, ['{' ... 0x7f] = 1,
};
#endif

/* ASCII letters and digits, which OR 0x20 folds as lx_fold() does. */
static const unsigned char alnum_low[256] = {
	['0' ... '9'] = 1, ['A' ... 'Z'] = 1, ['a' ... 'z'] = 1,
};

#ifdef __SSE2__
/* Bit j set when byte j of v is an ASCII letter or digit. */
static inline unsigned
alnum16(__m128i v)
{
	/* lo <= x < lo + n as one signed compare of bytes:
	 * x + 0x80 - lo below 0x80 + n */
	__m128i d = _mm_add_epi8(v, _mm_set1_epi8((char)(0x80 - '0')));
	__m128i l = _mm_add_epi8(_mm_or_si128(v, _mm_set1_epi8(0x20)),
	    _mm_set1_epi8((char)(0x80 - 'a')));

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmplt_epi8(d, _mm_set1_epi8((char)(0x80 + 10))),
	    _mm_cmplt_epi8(l, _mm_set1_epi8((char)(0x80 + 26)))));
}
#endif

/* Room a key needs past LX_MAXKEY: word_end() stores sixteen at a time. */
#define KEYROOM (LX_KEYBUF + 16)

/*
 * The end of the word whose first character is [s, i), folding it on the
 * way into key (KEYROOM bytes) as lx_fold() would (lower case, ’ as '),
 * so a word is read once; *kl is the key's length, 0 when the word is too
 * long for one.  Bytes of t may be read up to n, the text's end, though
 * the word ends by b.
 */
static size_t
word_end(const char *t, size_t b, size_t n, size_t s, size_t i, char *key,
    size_t *kl)
{
	size_t l2, j, k = 0;
	int32_t d;

#define PUT(ch) do { if (k < LX_MAXKEY) key[k] = (char)(ch); k++; } while (0)
	for (j = s; j < i; j++)
		PUT((unsigned char)t[j] < 0x80 ? t[j] | 0x20 : t[j]);
	for (;;) {
		/* the common case: plain ASCII letters and digits, which
		 * OR 0x20 lowers, sixteen at a time where the text goes on */
#ifdef __SSE2__
		while (i + 16 <= n && i < b) {
			__m128i v = _mm_loadu_si128((const __m128i *)(t + i));
			unsigned m = alnum16(v);
			size_t run;

			if (b - i < 16)
				m &= (1u << (b - i)) - 1;
			run = (size_t)__builtin_ctz(~m);
			if (k < LX_MAXKEY)
				_mm_storeu_si128((__m128i *)(key + k),
				    _mm_or_si128(v, _mm_set1_epi8(0x20)));
			k += run;
			i += run;
			if (run < 16)
				break;
		}
#endif
		for (j = i; j < b && alnum_low[(unsigned char)t[j]]; j++)
			;
		if (k + (j - i) <= LX_MAXKEY)
			for (; i < j; i++)
				key[k++] = (char)(t[i] | 0x20);
		else
			for (; i < j; i++)
				PUT(t[i] | 0x20);
		if (i >= b)
			break;
		if ((unsigned char)t[i] < 0x80) {
			/* U.S, AT&T, don't, well-known */
			if ((t[i] == '\'' || t[i] == '-' || t[i] == '.' ||
			    t[i] == '&') && isal(cp_at(t, b, i + 1, NULL))) {
				PUT(t[i]);
				i++;
				continue;
			}
			break;
		}
		d = cp_at(t, b, i, &l2);
		if (isal(d) || ((issgl(d) || d == 0x2010 || d == 0x2011) &&
		    isal(cp_at(t, b, i + l2, NULL)))) {
			if (d == 0x2019)
				PUT('\'');
			else
				for (j = i; j < i + l2; j++)
					PUT(t[j]);
			i += l2;
			continue;
		}
		break;
	}
#undef PUT
	if (i - s >= LX_MAXKEY)
		k = 0;
	else
		memset(key + k, 0, 8);
	*kl = k;
	return i;
}

/*
 * The common word: ASCII letters and digits from s up to a space, a mark
 * that cannot join more on (not ' - . &) or a period that does not join a
 * letter or digit on, its key the bytes lowered, as word_end() would make
 * it.  Returns its end, or 0 when it is not such a
 * word or sixteen bytes cannot be read at s (n: the text's end).
 */
static inline size_t
plain_word(const char *t, size_t b, size_t n, size_t s, char *key, size_t *kl)
{
#ifdef __SSE2__
	__m128i v;
	unsigned m;
	size_t k, e;

	if (s + 16 > n)
		return 0;
	v = _mm_loadu_si128((const __m128i *)(t + s));
	m = alnum16(v);
	if (b - s < 16)
		m &= (1u << (b - s)) - 1;
	k = (size_t)__builtin_ctz(~m);
	e = s + k;
	if (k == 0 || k == 16)
		return 0;
	/* a period joins on only what is a letter or digit after it (U.S):
	 * at a sentence's end the word ends before it */
	if (e < b && !ends_word[(unsigned char)t[e]] && !(t[e] == '.' &&
	    (e + 1 == b || ((unsigned char)t[e + 1] < 0x80 &&
	    !alnum_low[(unsigned char)t[e + 1]]))))
		return 0;
	_mm_storeu_si128((__m128i *)key, _mm_or_si128(v, _mm_set1_epi8(0x20)));
	memset(key + k, 0, 8);
	*kl = k;
	return e;
#else
	return 0;
#endif
}

/* Push the word whose first character c is [s, s + l); returns its end.
 * Inline: a call per word cost more than the common word's scan. */
static inline __attribute__((always_inline)) size_t
word(struct qtx *x, size_t b, size_t s, size_t l, int32_t c)
{
	const char *t = x->in->text;
	char key[KEYROOM];
	size_t i, kl;
	uint64_t lx;

	if (c >= 0x80 || (i = plain_word(t, b, x->in->len, s, key, &kl)) == 0)
		/* an ASCII first character is a letter or digit: one scan */
		i = word_end(t, b, x->in->len, s, c < 0x80 ? s : s + l, key,
		    &kl);
	if (i < b && t[i] == '.' && abbrev_dot(x, s, i, key, kl)) {
		i++;
		if (i - s < LX_MAXKEY) {
			key[kl++] = '.';
			memset(key + kl, 0, 8);
		} else
			kl = 0;
	}
	/* kl is 0 for a word too long to be in any list */
	lx = kl ? lx_find(x->r, key, kl, lx_hash(key, kl), NULL) : 0;
	/* the token whole at once: a byte stored through k could alias x */
	if (x->ntok == x->tokcap)
		more_tok(x);
	x->tok[x->ntok++] = (struct tok){ .s = s, .e = i, .lx = (uint32_t)lx,
	    .ch = LX_CH(lx), .kind = T_WORD, .cap = c < 0x80 ? c >= 'A' && c <= 'Z' :
	    u8_isupper(c), .et = -1, .q = -1 };
	return i;
}

/*
 * Two ASCII apostrophes are one double mark, as some papers and typesetters
 * write it (''We won,'' she said).  Three close a single quotation and then
 * the double one ('' ... 'No.''') or open them in the other order; a
 * closing pair after a word is never taken for an apostrophe (the Smiths'').
 */
static size_t
two_apostrophes(struct qtx *x, size_t a, size_t b, size_t i)
{
	const char *t = x->in->text;
	int32_t p = cp_before(t, a, i), nx;
	int closing = !isopenctx(p);

	if (closing && i + 2 < b && t[i + 2] == '\'') {
		push(x, i, i + 1, T_MARK, MK_CS);
		push(x, i + 1, i + 3, T_MARK, MK_CD);
		return i + 3;
	}
	nx = cp_at(t, b, i + 2, NULL);
	push(x, i, i + 2, T_MARK, !closing && !(nx == -2 || u8_isspace(nx)) ?
	    MK_OD : closing && isclosectx(nx) ? MK_CD : MK_AD);
	return i + 2;
}

/* Tokenise one paragraph [a, b). */
void
qt_tokenize(struct qtx *x, size_t a, size_t b)
{
	const char *t = x->in->text;
	size_t i = a, l;

	while (i < b) {
		unsigned char c0 = (unsigned char)t[i];
		int32_t c;

		if (c0 < 0x80) {
			switch (ascii_class[c0]) {
			case C_SPACE:
				i++;
				continue;
			case C_PUNCT:
				push(x, i, i + 1, T_PUNCT, c0);
				i++;
				continue;
			case C_ALNUM:
				i = word(x, b, i, 1, c0);
				/* the space most words have after them */
				if (i < b && t[i] == ' ')
					i++;
				continue;
			}
			c = c0;
			l = 1;
		} else
			c = cp_at(t, b, i, &l);
		if (u8_isspace(c)) {
			i += l;
			continue;
		}
		if (c == '\'' && i + 1 < b && t[i + 1] == '\'') {
			i = two_apostrophes(x, a, b, i);
			continue;
		}
		if (issgl(c) && isopenctx(cp_before(t, a, i))) {
			size_t w = lead_apostrophe(t, b, i, l);
			if (w) {
				size_t s = i;
				i += w;
				while (i < b && isal(cp_at(t, b, i, &l)))
					i += l;
				push(x, s, i, T_WORD, 0);
				continue;
			}
		}
		if (isdbl(c) || issgl(c)) {
			int32_t p, nx;
			int mk;

			/* the marks that say which way they face need no look
			 * at the characters around them */
			if (c == 0x201c || c == 0x201e || c == 0xab ||
			    c == 0x201d || c == 0xbb) {
				push(x, i, i + l, T_MARK, c == 0x201d || c == 0xbb ?
				    MK_CD : MK_OD);
				i += l;
				continue;
			}
			p = cp_before(t, a, i);
			nx = cp_at(t, b, i + l, NULL);
			if (c == '"')
				mk = isopenctx(p) && !(nx == -2 || u8_isspace(nx)) ?
				    MK_OD : isclosectx(nx) && !u8_isspace(p) ?
				    MK_CD : MK_AD;
			else if (c == 0x2018 || c == 0x201a)
				mk = MK_OS;
			else if (isopenctx(p) && isal(nx))
				mk = MK_OS;
			else if (!isopenctx(p) && isclosectx(nx))
				mk = MK_CS;
			else
				mk = MK_AS;
			push(x, i, i + l, T_MARK, mk);
			i += l;
			continue;
		}
		if (isal(c)) {
			i = word(x, b, i, l, c);
			continue;
		}
		if (c == 0x2014 || c == 0x2013)
			push(x, i, i + l, T_PUNCT, '-');
		else if (c == 0x2026)
			push(x, i, i + l, T_PUNCT, '.');
		else if (c >= 0 && c < 0x80)
			push(x, i, i + l, T_PUNCT, c);
		else
			push(x, i, i + l, T_PUNCT, '~');
		i += l;
	}
}

int
qt_namey(const struct qtx *x, size_t i)
{
	const struct tok *t = &x->tok[i];

	if (t->kind != T_WORD || !t->cap)
		return 0;
	if (t->lx & (LX_STOP | LX_DET | LX_PRON | LX_TIME | LX_CUE | LX_LINK |
	    LX_TITLE | LX_ADV | LX_HYPO))
		return (t->lx & LX_FORENAME) && !(t->lx & (LX_STOP | LX_DET |
		    LX_PRON | LX_LINK | LX_CUE));
	return 1;
}

/* Looked up again rather than kept in every token: few words are titles. */
const char *
qt_title(const struct qtx *x, size_t i)
{
	const struct tok *t = &x->tok[i];
	const char *title;

	/* the key lx_get() folds is the one word() made for the token */
	if (t->kind != T_WORD || !(t->lx & LX_TITLE))
		return NULL;
	lx_get(x->r, x->in->text + t->s, t->e - t->s, &title);
	return title;
}
