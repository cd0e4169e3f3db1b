/*
 * sbd: sentence boundaries, see sbd.h for the contract.
 *
 * The scan jumps from one interesting byte to the next (terminators, the
 * lead bytes of multi-byte terminators and bullets); everything else is
 * skipped with one table look-up per byte.  At a terminator it reads the
 * token before it (at most TOKMAX bytes back) and the word after the
 * white space (at most WORDMAX bytes on), so no byte is looked at more
 * than a bounded number of times.
 */
#include <stdint.h>
#include <stdio.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cfg.h"
#include "embed.h"
#include "sbd.h"
#include "u8.h"

EMBED(sbd_rules_yaml, "common/sbd.yaml");

#define TOKMAX 64	/* longer tokens (URLs) are ordinary words */
#define WORDMAX 32	/* enough for any word worth looking up */
#define BRACKETBACK 120	/* inbracket(): how far back an opening one */
#define BRACKETON 40	/* and how far on its closing one */
#define CITEMAX 48	/* bracketed citation after a sentence: "[12]" */
#define URLMAX 256	/* urlbracket(): the longest link it looks through */
#define CAPMAX 48	/* caption(): how far into a paragraph one ends */
#define SALUTMAX 40	/* salutation(): "Dear" to its colon */
#define CAPMIN 40	/* the shortest paragraph asked, for 32 bytes */
#define FILTERBITS 32768	/* lookup()'s quick no: 2^FILTERSHIFT */
#define FILTERSHIFT 15

enum {
	W_TITLE = 1 << 0,	/* Mr.: never ends a sentence */
	W_NUMBER = 1 << 1,	/* No.: not before a digit */
	W_ABBREV = 1 << 2,	/* Inc.: ends one only before a starter */
	W_STARTER = 1 << 3,	/* The: starts sentences */
	W_EXCLAIM = 1 << 4,	/* Yahoo!: the mark is part of the name */
	W_PARTICLE = 1 << 5,	/* de Klerk: a name that starts lower case */
	W_CUE = 1 << 6,		/* asked: "Why?" Smith asked. is one sentence */
	W_CREDIT = 1 << 7,	/* Image: a credit that follows a caption */
	W_DATE = 1 << 8,	/* May: a date stamp opening a paragraph */
	W_TIME = 1 << 9,	/* p.m.: a name after it starts a sentence */
	W_ZONE = 1 << 10,	/* EST: goes with the time before it */
	W_SUFFIX = 1 << 11,	/* Inc.: ends a company's name */
	W_STATE = 1 << 12,	/* Calif.: ends a place after "City, " */
	W_SUBJECT = 1 << 13,	/* Police: a starter that also opens names */
	W_LISTEND = 1 << 14,	/* etc.: a capital after it starts a sentence */
	W_UNIT = 1 << 15,	/* yrs.: so does one after "5 yrs." */
	W_CAPTION = 1 << 16,	/* In: opens a sentence after a caption */
	W_STREET = 1 << 17,	/* Ave.: ends a street's name */
	W_RESTART = 1 << 18,	/* Yeah: opens a sentence after a spaced dash */
};

struct word {
	char *s;
	size_t len;
	unsigned flags;
};

struct sbd {
	struct word *tab;	/* open addressing, cap a power of two */
	size_t cap, n;
	struct arena words;	/* the entries' bytes, freed at once */
	size_t maxlen;		/* no entry is longer */
	unsigned char filter[FILTERBITS / 8];	/* filterkey()s of the entries */
	int32_t *bullets;
	size_t nbullets;
	int32_t bmin, bmax;	/* range of the bullets, for a quick no */
	unsigned char hot[256];	/* bytes that may start something to decide */
	int asciihot;		/* a hot ASCII byte other than . ? ! (a bullet) */
	unsigned char minlead;	/* the smallest hot byte >= 0x80 */
	unsigned char credit1[256];	/* first bytes of the credits */
	unsigned char date2[1024 / 8];	/* first two bytes of the dates, datekey() */
	unsigned char hotcp[0x10000 / 8];	/* BMP terminators and bullets */
	/* hotcp for U+2000-2FFF by the two bytes after the lead E2 (the
	 * first one the low byte), set only where both continue it: the
	 * curly quotes that most hot bytes are answered with one look */
	unsigned char e2hot[0x10000 / 8];
};

/* Code points that end a sentence; "." and the ellipsis are told apart. */
enum { T_NONE, T_DOT, T_ELLIPSIS, T_QE };

static inline int
term(int32_t c)
{
	if (c < 0x80)
		return c == '.' ? T_DOT : c == '?' || c == '!' ? T_QE : T_NONE;
	switch (c) {
	case 0x2026:		/* … */
		return T_ELLIPSIS;
	case '?': case '!': case 0x203c: case 0x2047: case 0x2048:
	case 0x2049: case 0xff01: case 0xff1f: case 0x3002:
		return T_QE;
	}
	return T_NONE;
}

/* Marks that close a quotation or bracket right after a terminator. */
static inline int
closer(int32_t c)
{
	if ((uint32_t)((c | 0x20) - 'a') < 26)
		return 0;	/* mostly a letter is asked about */
	switch (c) {
	case '"': case '\'': case ')': case ']': case '}':
	case 0x2019: case 0x201d: case 0x00bb: case 0x203a:
	case 0x300d: case 0x300f: case 0xff09:
		return 1;
	}
	return 0;
}

/* Marks that open a quotation or bracket before a sentence's first word. */
static inline int
opener(int32_t c)
{
	if ((uint32_t)((c | 0x20) - 'a') < 26)
		return 0;
	switch (c) {
	case '"': case '\'': case '(': case '[': case '{':
	case 0x2018: case 0x201c: case 0x201e: case 0x00ab: case 0x2039:
	case 0x300c: case 0x300e: case 0xff08:
		return 1;
	}
	return 0;
}

static int
dash(int32_t c)
{
	return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

/* Decode with fast paths for ASCII and the common 3-byte forms; n > 0. */
static inline int32_t
dec(const char *s, size_t n, size_t *len)
{
	const unsigned char *p = (const unsigned char *)s;

	if (p[0] < 0x80) {
		*len = 1;
		return p[0];
	}
	if (p[0] > 0xe0 && p[0] < 0xed && n >= 3 && (p[1] & 0xc0) == 0x80 &&
	    (p[2] & 0xc0) == 0x80) {
		*len = 3;
		return (p[0] & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
	}
	return u8_decode(s, n, len);
}

/* General Punctuation (U+2000-206F: curly quotes, dashes, spaces) has
 * no letter or digit; asked about often, it is answered without utf8proc. */
#define GENPUNCT(c) ((uint32_t)(c) - 0x2000 < 0x70)

/* Classes with an inline ASCII path (u8.h for the rest). */
static inline int
alpha(int32_t c)
{
	return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') :
	    !GENPUNCT(c) && u8_isalpha(c);
}

static inline int
alnum(int32_t c)
{
	return c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
	    (c >= '0' && c <= '9') : !GENPUNCT(c) && u8_isalnum(c);
}

static inline int
upper(int32_t c)
{
	return c < 0x80 ? c >= 'A' && c <= 'Z' : u8_isupper(c);
}

static inline int
lower(int32_t c)
{
	return c < 0x80 ? c >= 'a' && c <= 'z' : u8_islower(c);
}

static inline int
digit(int32_t c)
{
	return c < 0x80 ? c >= '0' && c <= '9' : u8_isdigit(c);
}

static inline int
asciialpha(char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26;
}

static inline int
asciialnum(char c)
{
	return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10;
}

/* Length of the code point ending at s + n (n > 0). */
static inline size_t
prevlen(const char *s, size_t n)
{
	return (unsigned char)s[n - 1] < 0x80 ? 1 : u8_prevlen(s, n);
}

static inline int
isws(const char *s, size_t n)
{
	size_t l;

	return u8_isspace(dec(s, n, &l));
}

/* U+2010-201F at s (E2 80 90-9F): the dashes and curly quotes, asked
 * about often, none of them White_Space or a letter. */
static inline int
quotedash(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] == 0xe2 &&
	    (unsigned char)s[1] == 0x80 && ((unsigned char)s[2] & 0xf0) == 0x90;
}

/* u8_skipspace() with the common cases inline: no space, or one space
 * before the next word. */
static inline size_t
skipspace(const char *s, size_t n)
{
	unsigned char c;

	if (n == 0)
		return 0;
	c = (unsigned char)s[0];
	if (c < 0x80 ? c > ' ' : quotedash(s, n) || !isws(s, n))
		return 0;
	if (c == ' ' && n > 1) {
		c = (unsigned char)s[1];
		if (c < 0x80 ? c > ' ' : !isws(s + 1, n - 1))
			return 1;
	}
	return u8_skipspace(s, n);
}

/* ---- the word table ---- */

static uint64_t
hash(const char *s, size_t n)
{
	/* the ends and the length tell the list words apart well enough,
	 * and cost the same for every word (n > 0) */
	uint64_t h = (uint64_t)(unsigned char)s[0] |
	    (uint64_t)(unsigned char)s[n / 2] << 8 |
	    (uint64_t)(unsigned char)s[n - 1] << 16 | (uint64_t)n << 24;

	h *= 0x9e3779b97f4a7c15ULL;
	return h >> 32;
}

/* A key of the first and last bytes and the length: most words before a
 * period are in no list, and the filter says so without hashing them. */
static inline unsigned
filterkey(const char *s, size_t n)
{
	uint32_t k = (uint32_t)(unsigned char)s[0] |
	    (uint32_t)(unsigned char)s[n - 1] << 8 | (uint32_t)n << 16;

	return (k * 0x9e3779b1u) >> (32 - FILTERSHIFT);
}

/* A date stamp's first word by its first two bytes, case folded. */
static inline unsigned
datekey(char a, char b)
{
	return (unsigned)(a & 31) << 5 | (unsigned)(b & 31);
}

/* Words are short: a loop beats a call to memcmp() (n > 0). */
static inline int
same(const char *a, const char *b, size_t n)
{
	size_t k;

	for (k = 0; k < n && a[k] == b[k]; k++)
		;
	return k == n;
}

static inline struct word *
slot(struct word *tab, size_t cap, const char *s, size_t n)
{
	size_t i = hash(s, n) & (cap - 1);

	while (tab[i].s && !(tab[i].len == n && same(tab[i].s, s, n)))
		i = (i + 1) & (cap - 1);
	return &tab[i];
}

/* Room for n entries at most half full: sbd_new() asks for all it may
 * add at once, so the table is mostly sized once. */
static void
reserve(struct sbd *sb, size_t n)
{
	struct word *old = sb->tab;
	size_t i, oldcap = sb->cap;

	if (2 * n <= sb->cap)
		return;
	if (sb->cap == 0)
		sb->cap = 256;
	while (2 * n > sb->cap)
		sb->cap *= 2;
	sb->tab = xcalloc(sb->cap, sizeof *sb->tab);
	for (i = 0; i < oldcap; i++)
		if (old[i].s)
			*slot(sb->tab, sb->cap, old[i].s, old[i].len) = old[i];
	free(old);
}

static void
add(struct sbd *sb, const char *s, size_t n, unsigned flags)
{
	struct word *w;
	size_t i;

	reserve(sb, sb->n + 1);
	w = slot(sb->tab, sb->cap, s, n);
	if (!w->s) {
		w->s = ar_memdup(&sb->words, s, n);
		w->len = n;
		sb->n++;
	}
	w->flags |= flags;
	i = filterkey(s, n);
	sb->filter[i >> 3] |= (unsigned char)(1u << (i & 7));
	if (n > sb->maxlen)
		sb->maxlen = n;
}

static unsigned
lookup_slot(const struct sbd *sb, const char *s, size_t n)
{
	const struct word *w = slot(sb->tab, sb->cap, s, n);

	return w->s ? w->flags : 0;
}

/* The flags of s[0..n), 0 if in no list; the filter's no inline. */
static inline unsigned
lookup(const struct sbd *sb, const char *s, size_t n)
{
	unsigned k;

	if (n == 0 || n > sb->maxlen)
		return 0;
	k = filterkey(s, n);
	if (!(sb->filter[k >> 3] >> (k & 7) & 1))
		return 0;
	return lookup_slot(sb, s, n);
}

/*
 * Add an entry and, when it is all lower case, its Capitalised and
 * UPPER-CASE forms too (sentence starts, headlines).
 */
static void
addcased(struct sbd *sb, const char *s, size_t n, unsigned flags)
{
	struct buf cap = BUF_INIT, up = BUF_INIT;
	size_t i, l;
	int32_t c;
	char enc[4];
	int lower = 1;

	add(sb, s, n, flags);
	for (i = 0; i < n; i += l) {
		c = dec(s + i, n - i, &l);
		if (u8_isupper(c))
			lower = 0;
	}
	if (!lower)
		return;
	for (i = 0; i < n; i += l) {
		c = dec(s + i, n - i, &l);
		if (c == U8_BAD) {
			buf_add(&cap, s + i, l);
			buf_add(&up, s + i, l);
			continue;
		}
		if (i == 0)
			buf_add(&cap, enc, u8_encode(u8_toupper(c), enc));
		else
			buf_add(&cap, s + i, l);
		buf_add(&up, enc, u8_encode(u8_toupper(c), enc));
	}
	add(sb, cap.p, cap.len, flags);
	add(sb, up.p, up.len, flags);
	buf_free(&cap);
	buf_free(&up);
}

static const struct {
	const char *key;
	unsigned flags;
} lists[] = {
	{ "titles", W_TITLE },
	{ "numbers", W_NUMBER },
	{ "abbreviations", W_ABBREV },
	{ "starters", W_STARTER },
	{ "exclaimed", W_EXCLAIM },
	{ "particles", W_PARTICLE },
	{ "cues", W_CUE },
	{ "credits", W_CREDIT },
	{ "dates", W_DATE },
	{ "times", W_TIME },
	{ "zones", W_ZONE },
	{ "suffixes", W_SUFFIX | W_ABBREV },
	{ "states", W_STATE | W_ABBREV },
	{ "subjects", W_SUBJECT | W_STARTER },
	{ "listends", W_LISTEND | W_ABBREV },
	{ "units", W_UNIT | W_ABBREV },
	{ "captions", W_CAPTION },
	{ "streets", W_STREET | W_ABBREV },
	{ "restarts", W_RESTART },
};

static void
addlist(struct sbd *sb, const struct cfg *seq, unsigned flags)
{
	const struct cfg *e;
	const char *s;
	size_t i, j, n, l;

	for (i = 0; i < seq->len; i++) {
		e = seq->val[i];
		if (e->kind != CFG_SCALAR)
			cfg_fail(e, "expected a word, not a list or mapping");
		s = e->str;
		n = e->len;
		if (n > 0 && s[n - 1] == '.' && !(flags & W_STARTER))
			n--;		/* "Mr." and "Mr" are the same entry */
		if (n == 0)
			cfg_fail(e, "empty word");
		if (n > TOKMAX)
			cfg_fail(e, "word longer than %d bytes", TOKMAX);
		if (u8_validlen(s, n) != n)
			cfg_fail(e, "word is not valid UTF-8");
		for (j = 0; j < n; j += l) {
			int32_t c = dec(s + j, n - j, &l);

			if (u8_isspace(c) || c == 0)
				cfg_fail(e, "word \"%s\" holds white space", s);
		}
		if (flags & W_STARTER) {
			for (j = 0; j < n; j += l)
				if (!u8_isalpha(dec(s + j, n - j, &l)))
					cfg_fail(e, "starter \"%s\" is not all letters", s);
			add(sb, s, n, flags);
		} else
			addcased(sb, s, n, flags);
	}
}

struct sbd *
sbd_new(const struct cfg *rules)
{
	struct sbd *sb = xcalloc(1, sizeof *sb);

	sb->bmin = 1;		/* an empty range until bullets are added */
	const struct cfg *seq, *e;
	size_t i, k, l;
	int ok;
	char enc[4];
	const char *lead = ".?!";

	if (rules->kind != CFG_MAP)
		cfg_fail(rules, "expected a mapping of word lists");
	for (i = 0; i < rules->len; i++) {
		ok = strcmp(rules->keys[i], "bullets") == 0;
		for (k = 0; k < sizeof lists / sizeof lists[0]; k++)
			ok |= strcmp(rules->keys[i], lists[k].key) == 0;
		if (!ok)
			cfg_fail(rules->val[i], "unknown list \"%s\" (known: titles, "
			    "numbers, abbreviations, starters, exclaimed, "
			    "particles, cues, credits, dates, times, zones, "
			    "suffixes, states, subjects, listends, units, "
			    "captions, streets, restarts, "
			    "bullets)",
			    rules->keys[i]);
	}
	/* an entry per word at least, the cased forms of some more */
	for (i = k = 0; k < sizeof lists / sizeof lists[0]; k++)
		if ((seq = cfg_seq(rules, lists[k].key)))
			i += seq->len;
	reserve(sb, i);
	for (k = 0; k < sizeof lists / sizeof lists[0]; k++)
		if ((seq = cfg_seq(rules, lists[k].key)))
			addlist(sb, seq, lists[k].flags);

	for (; *lead; lead++)
		sb->hot[(unsigned char)*lead] = 1;
	sb->hot[':'] = 1;	/* credits, smileys */
	sb->hot[';'] = 1;	/* winking smileys */
	for (i = 0; i < sb->cap; i++) {
		const struct word *w = &sb->tab[i];

		if (w->s && (w->flags & W_CREDIT))
			sb->credit1[(unsigned char)w->s[0]] = 1;
		for (k = 0; w->s && (w->flags & W_DATE) && k < 32; k++) {
			/* a one-letter date goes with any second byte */
			l = datekey(w->s[0], w->len > 1 ? w->s[1] : (char)k);
			sb->date2[l >> 3] |= (unsigned char)(1u << (l & 7));
			if (w->len > 1)
				break;
		}
	}
	/* lead bytes of … ‼ ⁇ ⁈ ⁉ (E2), 。 (E3), ！ ？ (EF) */
	sb->hot[0xe2] = sb->hot[0xe3] = sb->hot[0xef] = 1;
	if ((seq = cfg_seq(rules, "bullets"))) {
		sb->bullets = xreallocarray(NULL, seq->len ? seq->len : 1,
		    sizeof *sb->bullets);
		for (i = 0; i < seq->len; i++) {
			int32_t c;

			e = seq->val[i];
			if (e->kind != CFG_SCALAR || e->len == 0)
				cfg_fail(e, "expected one character");
			c = u8_decode(e->str, e->len, &l);
			if (c == U8_BAD || l != e->len)
				cfg_fail(e, "a bullet is one character");
			if (u8_isalnum(c) || u8_isspace(c) || term(c) ||
			    closer(c) || opener(c))
				cfg_fail(e, "a letter, digit, space, quote, bracket or "
				    "terminator cannot be a bullet");
			sb->bullets[sb->nbullets++] = c;
			if (sb->nbullets == 1 || c < sb->bmin)
				sb->bmin = c;
			if (sb->nbullets == 1 || c > sb->bmax)
				sb->bmax = c;
			u8_encode(c, enc);
			sb->hot[(unsigned char)enc[0]] = 1;
			if (c < 0x80)
				sb->asciihot = 1;
		}
	}
	for (i = 0x80; i < 0x100 && !sb->hot[i]; i++)
		;
	sb->minlead = (unsigned char)(i < 0x100 ? i : 0xff);
	/* the three-byte characters that matter, for skip() */
	for (i = 0x800; i < 0x10000; i++)
		if (!sb->hot[0xe0 | i >> 12])
			i |= 0xfff;	/* skip() never asks of these */
		else if (term((int32_t)i))
			sb->hotcp[i >> 3] |= (unsigned char)(1u << (i & 7));
	for (i = 0; i < sb->nbullets; i++)
		if (sb->bullets[i] < 0x10000)
			sb->hotcp[sb->bullets[i] >> 3] |=
			    (unsigned char)(1u << (sb->bullets[i] & 7));
	sb->hotcp[0x2014 >> 3] |= 1u << (0x2014 & 7);	/* interrupted() */
	sb->hotcp[0x2013 >> 3] |= 1u << (0x2013 & 7);	/* restart() */
	for (i = 0x2000; i < 0x3000; i++)
		if (sb->hotcp[i >> 3] >> (i & 7) & 1) {
			k = (0x80 | (i >> 6 & 0x3f)) | (0x80 | (i & 0x3f)) << 8;
			sb->e2hot[k >> 3] |= (unsigned char)(1u << (k & 7));
		}
	return sb;
}

void
sbd_free(struct sbd *sb)
{
	if (!sb)
		return;
	ar_free(&sb->words);
	free(sb->tab);
	free(sb->bullets);
	free(sb);
}

const struct sbd *
sbd_default(void)
{
	static struct sbd *def;
	struct cfg *c;

	if (!def) {
		c = cfg_parse("sbd.yaml", sbd_rules_yaml, sbd_rules_yaml_len);
		def = sbd_new(c);
		cfg_free(c);
	}
	return def;
}

static inline int
bullet(const struct sbd *sb, int32_t c)
{
	size_t i;

	if (c < sb->bmin || c > sb->bmax)
		return 0;
	for (i = 0; i < sb->nbullets; i++)
		if (sb->bullets[i] == c)
			return 1;
	return 0;
}

/* ---- the scan ---- */

/* An enumeration "1." "2)" "c." seen at a sentence start: its successor
 * starts a new sentence even without a terminator before it. */
enum { L_DOT = 1, L_DOTPAREN, L_PAREN };

struct scan {
	const struct sbd *sb;
	const char *t;
	size_t len;
	size_t start;		/* of the current sentence */
	size_t cursor;		/* [start, cursor) holds no letter or digit... */
	size_t word;		/* ...unless this, the first one, is set */
	int list;		/* L_*, or 0 when no enumeration is running */
	int listalpha;		/* letters, not numbers */
	unsigned listnext;	/* value the next item must have */
	int listhot;		/* first byte of that item, or -1 */
	struct sbd_span **v;
	size_t *cap, n;
};

#define NOWORD ((size_t)-1)

/* Has the current sentence a letter or digit before upto?  The bytes are
 * read once per sentence, however often this is asked. */
static int
seenword_scan(struct scan *st, size_t upto)
{
	size_t l;

	while (st->word == NOWORD && st->cursor < upto) {
		if (quotedash(st->t + st->cursor, st->len - st->cursor))
			l = 3;		/* no letter: “ ‘ — */
		else if (alnum(dec(st->t + st->cursor, st->len - st->cursor, &l)))
			st->word = st->cursor;
		st->cursor += l;
	}
	return st->word < upto;
}

static inline int
seenword(struct scan *st, size_t upto)
{
	return st->word < upto || (st->word == NOWORD && seenword_scan(st, upto));
}

/* emit() when the end may need trimming or the array growing. */
static void
emit_slow(struct scan *st, size_t end)
{
	unsigned char last = end > st->start ? (unsigned char)st->t[end - 1] : 0;

	/* mostly the sentence ends in punctuation, “ ” included: nothing to
	 * trim.  The last bytes of White_Space in UTF-8: C2 85, C2 A0,
	 * E1 9A 80, E2 80 80-8A, E2 80 A8 A9 AF, E2 81 9F, E3 80 80. */
	if (last < 0x80 ? u8_isspace(last) : last <= 0x8a || last == 0x9f ||
	    last == 0xa0 || last == 0xa8 || last == 0xa9 || last == 0xaf)
		end -= u8_rskipspace(st->t + st->start, end - st->start);
	if (end <= st->start)
		return;
	if (st->n == *st->cap) {
		*st->cap = *st->cap ? 2 * *st->cap : 16;
		*st->v = xreallocarray(*st->v, *st->cap, sizeof **st->v);
	}
	(*st->v)[st->n].start = st->start;
	(*st->v)[st->n].end = end;
	st->n++;
}

/* Append [start, end) trimmed, if anything is left.  Mostly the sentence
 * ends in printable ASCII and there is room: done inline. */
__attribute__((always_inline)) static inline void
emit(struct scan *st, size_t end)
{
	unsigned char last;

	if (end > st->start && st->n < *st->cap &&
	    (last = (unsigned char)st->t[end - 1]) > ' ' && last < 0x80) {
		(*st->v)[st->n].start = st->start;
		(*st->v)[st->n].end = end;
		st->n++;
	} else
		emit_slow(st, end);
}

/*
 * Parse an item marker at p: digits (1-2) or one ASCII letter, then ".",
 * ".)" or ")", then white space.  Returns the byte length, 0 if none.
 */
static size_t
marker(const char *t, size_t len, size_t p, int *style, unsigned *val,
    int *alpha)
{
	size_t q = p;
	unsigned v = 0;

	if (q < len && t[q] >= '0' && t[q] <= '9') {
		while (q < len && q - p < 3 && t[q] >= '0' && t[q] <= '9')
			v = v * 10 + (unsigned)(t[q++] - '0');
		if (q - p > 2 || (q < len && t[q] >= '0' && t[q] <= '9'))
			return 0;
		*alpha = 0;
	} else if (q < len && ((t[q] | 0x20) >= 'a' && (t[q] | 0x20) <= 'z')) {
		v = (unsigned char)t[q++];
		*alpha = 1;
	} else
		return 0;
	if (q < len && t[q] == '.') {
		q++;
		*style = L_DOT;
		if (q < len && t[q] == ')') {
			q++;
			*style = L_DOTPAREN;
		}
	} else if (q < len && t[q] == ')') {
		q++;
		*style = L_PAREN;
	} else
		return 0;
	if (q < len && !isws(t + q, len - q))
		return 0;
	*val = v;
	return q - p;
}

static void
setlist(struct scan *st, int style, unsigned val, int alpha)
{
	char d[8];
	unsigned nx = val + 1;

	st->list = style;
	st->listalpha = alpha;
	st->listnext = nx;
	if (alpha)
		st->listhot = (nx == 'z' + 1 || nx == 'Z' + 1) ? -1 : (int)nx;
	else {
		snprintf(d, sizeof d, "%u", nx);
		st->listhot = nx > 99 ? -1 : (unsigned char)d[0];
	}
}

/* A sentence starts at p: an item marker there (after bullets) starts or
 * continues an enumeration. */
static void
startsent_slow(struct scan *st, size_t p)
{
	size_t l;
	int style, alpha;
	unsigned val;

	st->start = st->cursor = p;
	st->word = NOWORD;
	if (p < st->len && asciialnum(st->t[p])) {
		st->word = p;
		st->cursor = p + 1;
		/* mostly a word, which is no item marker */
		if (asciialpha(st->t[p]) && p + 1 < st->len &&
		    st->t[p + 1] != '.' && st->t[p + 1] != ')')
			return;
	}
	while (p < st->len) {
		int32_t c = dec(st->t + p, st->len - p, &l);

		if (!bullet(st->sb, c) && !u8_isspace(c))
			break;
		p += l;
		if (p - st->start > 16)
			return;
	}
	/* an item marker starts with an ASCII letter or digit */
	if (p < st->len && asciialnum(st->t[p]) &&
	    marker(st->t, st->len, p, &style, &val, &alpha))
		setlist(st, style, val, alpha);
}

/* startsent() inline for a sentence that opens with a letter, then no
 * "." or ")": no item marker, the common case; or with an opening curly
 * quote (U+2018, U+201C), which is no space, and no bullet (sbd_new()
 * refuses quote marks), so that no item marker follows either. */
static inline void
startsent(struct scan *st, size_t p)
{
	const unsigned char *u = (const unsigned char *)st->t + p;

	if (p + 1 < st->len && asciialpha(u[0]) && u[1] != '.' && u[1] != ')') {
		st->start = p;
		st->word = p;
		st->cursor = p + 1;
	} else if (p + 2 < st->len && u[0] == 0xe2 && u[1] == 0x80 &&
	    (u[2] == 0x98 || u[2] == 0x9c)) {
		st->start = st->cursor = p;
		st->word = NOWORD;
	} else
		startsent_slow(st, p);
}

/* The next item of a running enumeration at p? */
static int
nextitem(struct scan *st, size_t p)
{
	int style, alpha;
	unsigned val;

	if (p == 0 || !isws(st->t + p - prevlen(st->t, p),
	    prevlen(st->t, p)))
		return 0;
	return marker(st->t, st->len, p, &style, &val, &alpha) &&
	    style == st->list && alpha == st->listalpha && val == st->listnext;
}

static int unit(const struct scan *, size_t);

/* How the token before a terminator reads. */
enum { K_REGULAR, K_DETACHED, K_ITEM, K_TITLE, K_NUMBER, K_ABBREV };

/* A dot two or three bytes before the end of s[0..n): what acronym() and
 * gluedacronym() ask first, inline, since a word mostly has none. */
static inline int
dotnear(const char *s, size_t n)
{
	return n >= 2 && (s[n - 2] == '.' || (n >= 3 && s[n - 3] == '.'));
}

static int
acronym(const char *s, size_t n)
{
	size_t i, seg = 0, dots = 0;

	/* the last segment has one or two letters: mostly a word has not */
	if (n < 2 || (s[n - 2] != '.' && (n < 3 || s[n - 3] != '.')))
		return 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '.') {
			if (seg == 0)
				return 0;
			seg = 0;
			dots++;
		} else if ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') {
			if (++seg > 2)
				return 0;
		} else if (s[i] != '&' || i == 0 || s[i - 1] != '.')
			return 0;	/* "A.T.&T." has its ampersand after a dot */
	}
	return seg > 0 && dots > 0;
}

/*
 * An acronym of capitals glued to the word before it, a space lost in
 * scraping ("thatU.S.", "theU.N."; s is the token without its final
 * period): a dot inside it too, so that a word with a capital inside
 * ("eBay.", "McD.") is not one.
 */
static int
gluedacronym(const char *s, size_t n)
{
	size_t i;

	/* mostly a word: no dot before its last one or two letters */
	if (n < 5 || (s[n - 2] != '.' && s[n - 3] != '.'))
		return 0;
	for (i = n; i > 1; i--)
		if (s[i - 1] >= 'A' && s[i - 1] <= 'Z' && s[i - 2] >= 'a' &&
		    s[i - 2] <= 'z')
			break;
	return i > 1 && memchr(s + i, '.', n - i) != NULL &&
	    acronym(s + i - 1, n - i + 1);
}

/* Is s[0..n) a Roman numeral in capitals, of I, V and X (CV is no section)? */
static __attribute__((noinline)) int
roman(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] && strchr("IVX", s[n - 1]))
		n--;
	return n == 0;
}

/* Is s[0..n) a section's number: two or more parts of one to three digits
 * joined by periods ("2.1", "4.1.3")? */
static __attribute__((noinline)) int
section(const char *s, size_t n)
{
	size_t i, run = 0, dots = 0;

	for (i = 0; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9') {
			if (++run > 3)
				return 0;
		} else if (s[i] == '.' && run > 0) {
			run = 0;
			dots++;
		} else
			return 0;
	return run > 0 && dots > 0;
}

/*
 * Does the token at p, a title and a street's abbreviation both ("Dr."),
 * follow a capitalised word or a number, as a street's does ("on Elm
 * Dr.", "at 40 Dr.")?  After anything else it is the title ("met Dr.
 * Who", "Dr. Who returns").
 */
static __attribute__((noinline)) int
streetafter(const struct scan *st, size_t p)
{
	const char *t = st->t;
	size_t b = p - 1;

	if (p < st->start + 2 || t[b] != ' ' || !asciialnum(t[b - 1]))
		return 0;	/* not "Porto,” Dr. Lee said" */
	while (b > st->start && t[b - 1] != ' ' && p - b < TOKMAX)
		b--;
	return (unsigned)(t[b] - 'A') < 26 || (unsigned)(t[b] - '0') < 10;
}

static int
token(struct scan *st, size_t end, unsigned *flags)
{
	const char *t = st->t;
	size_t b = end, l, p, hyphen = 0;
	int32_t c;

	*flags = 0;
#ifdef __SSE2__
	/* mostly a short ASCII word after a space: its start and its last
	 * hyphen from the 16 bytes before end, as the loop below finds them */
	if (end - st->start >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
		    (t + end - 16));
		/* bytes below '!', signed: controls, space and bytes >= 0x80 */
		unsigned stop = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v,
		    _mm_set1_epi8('!')));
		unsigned top, dash;
		unsigned char u;

		if (stop != 0) {
			top = 31 - (unsigned)__builtin_clz(stop);
			u = (unsigned char)t[end - 16 + top];
			if (u <= ' ' && u8_isspace(u)) {
				b = end - 16 + top + 1;
				dash = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
				    _mm_set1_epi8('-'))) & ~((2u << top) - 1);
				if (dash != 0)
					hyphen = end - 16 + 32 -
					    (unsigned)__builtin_clz(dash);
				goto found;
			}
		}
	}
#endif
	/* back to white space or the sentence's start, at most TOKMAX bytes;
	 * the last hyphen is noted on the way */
	while (b > st->start) {
		unsigned char u = (unsigned char)t[b - 1];

		if (u < 0x80) {
			if (u <= ' ' && u8_isspace(u))
				break;
			if (u == '-' && hyphen == 0)
				hyphen = b;
			l = 1;
		} else {
			l = u8_prevlen(t, b);
			if (isws(t + b - l, l))
				break;
		}
		if (end - b >= TOKMAX)
			return K_REGULAR;
		b -= l;
	}
#ifdef __SSE2__
found:
#endif
	/* leading quotes, brackets and bullets are not the token */
	for (p = b; p < end && !asciialnum(t[p]); p += l) {
		c = dec(t + p, end - p, &l);
		if (!(opener(c) || bullet(st->sb, c) || dash(c) ||
		    (u8_ispunct(c) && c != '#')))
			break;
	}
	if (p == end)
		return K_DETACHED;
	if (!seenword(st, p)) {
		int style, alpha;
		unsigned val;

		/* "1." "b." "iv." opening a sentence: an item marker */
		if (marker(t, st->len, p, &style, &val, &alpha) && style != L_PAREN)
			return K_ITEM;
		/* and a Roman numeral in capitals ("II. Methods") */
		if (end - p - 2 <= 4 && (t[p] == 'I' || t[p] == 'V' ||
		    t[p] == 'X') && roman(t + p, end - p))
			return K_ITEM;
		/* and a section's number ("2.1. Data", "4.1.3. Limits") */
		if (t[p] >= '0' && t[p] <= '9' && section(t + p, end - p))
			return K_ITEM;
	}
	*flags = lookup(st->sb, t + p, end - p);
	if ((*flags & (W_TITLE | W_STREET)) == (W_TITLE | W_STREET) &&
	    streetafter(st, p))
		*flags &= ~W_TITLE;	/* "Elm Dr." as "Elm Rd.", not "met Dr." */
	else if (*flags & W_TITLE)
		return K_TITLE;
	c = dec(t + p, end - p, &l);
	if (l == end - p && alpha(c) && (!unit(st, end) || c == 'N' ||
	    c == 'S' || c == 'E' || c == 'W'))
		/* an initial: George W. Bush (not "200 g."), and a street's
		 * point of the compass after its number ("319 S. Elm St.") */
		*flags |= W_ABBREV;
	else if (dotnear(t + p, end - p) && (acronym(t + p, end - p) ||
	    gluedacronym(t + p, end - p)))
		*flags |= W_ABBREV;	/* U.S., a.m., Ph.D., thatU.S. */
	else if (*flags == 0) {
		/* after a hyphen, an acronym or a title still is one
		 * ("the Mexico-U.S. border", "non-U.S. citizens", "ex-Gov.
		 * Lee"); a party and state ("D-Calif.", "R-S.C.") is not,
		 * since it mostly ends a sentence's last appositive; nor is
		 * a listed abbreviation, but in a range of them ("Mon.-Fri.") */
		size_t h = hyphen;
		unsigned f;

		if (h > p + 1 && h < end && h != p + 2) {
			f = lookup(st->sb, t + h, end - h);
			if (acronym(t + h, end - h) ||
			    (t[h - 2] == '.' && (f & W_ABBREV)))
				*flags |= W_ABBREV;
			else if (f & W_TITLE)
				return K_TITLE;
		}
	}
	if (*flags & W_NUMBER)
		return K_NUMBER;
	if (*flags & W_ABBREV)
		return K_ABBREV;
	return K_REGULAR;
}

/* How the text after the white space starts. */
enum { N_END, N_UPPER, N_LOWER, N_DIGIT, N_OTHER };

struct next {
	int cls;
	int quoted;		/* an opening quote came first */
	int bracket;		/* an opening bracket came first */
	int item;		/* a dash or asterisk item came first */
	size_t open;		/* where the openers start */
	size_t w;		/* the first word, when cls is N_UPPER */
};

static size_t wordend(const struct scan *, size_t);

/* The word list's flags for the next word: looked up (and its end found)
 * only when a decision needs them, which the common "word. Word" does not. */
static unsigned
nextflags(const struct scan *st, const struct next *nx)
{
	return nx->cls == N_UPPER ?
	    lookup(st->sb, st->t + nx->w, wordend(st, nx->w) - nx->w) : 0;
}

/* The end of the letters from p, looked at no further than WORDMAX bytes
 * on (past that, a word no list holds). */
static size_t
wordend(const struct scan *st, size_t p)
{
	size_t q, w, most = st->len - p > WORDMAX ? p + WORDMAX + 1 : st->len;

	/* mostly ASCII letters to the end: one test a byte */
	for (q = p; q < most && asciialpha(st->t[q]); q++)
		;
	if (q == most || (unsigned char)st->t[q] < 0x80)
		return q;
	for (; q < st->len && q - p <= WORDMAX; q += w) {
		if ((unsigned char)st->t[q] < 0x80) {
			if (!asciialpha(st->t[q]))
				break;
			w = 1;
		} else if (!alpha(dec(st->t + q, st->len - q, &w)))
			break;
	}
	return q;
}

/*
 * Does the lower-case word t[p..q) start a name?  Joined to a capital
 * ("al-Assad", "d’Estaing"), or a particle of the particles list
 * followed by more of them and a capitalised word ("de Klerk",
 * "van der Waals").
 */
static int
particle(const struct scan *st, size_t p, size_t q)
{
	const char *t = st->t;
	size_t len = st->len, l, w, n;
	int32_t c;

	if (q >= len)
		return 0;
	c = dec(t + q, len - q, &l);
	if (c == '-' || c == '\'' || c == 0x2019)
		return q + l < len && upper(dec(t + q + l, len - q - l, &w));
	for (n = 0; n < 3; n++) {
		if (c != ' ' || !(lookup(st->sb, t + p, q - p) & W_PARTICLE))
			return 0;
		p = q + 1;
		if (p >= len)
			return 0;
		if (upper(dec(t + p, len - p, &l)))
			return 1;
		q = wordend(st, p);
		if (q >= len || q == p)
			return 0;
		c = dec(t + q, len - q, &w);
	}
	return 0;
}

static void
nextword_slow(const struct scan *st, size_t p, struct next *nx)
{
	const char *t = st->t;
	size_t len = st->len, l, w, q;
	int32_t c;

	memset(nx, 0, sizeof *nx);
	nx->open = p;
	for (; p < len && p - nx->open < 8; p += l) {
		c = dec(t + p, len - p, &l);
		if (!opener(c))
			break;
		if (c == '(' || c == '[' || c == '{' || c == 0xff08)
			nx->bracket = 1;
		else
			nx->quoted = 1;
	}
	if (p >= len) {
		nx->cls = N_END;
		return;
	}
	c = dec(t + p, len - p, &l);
	/* a list item marked with a dash or an asterisk ("- Fry the onions"):
	 * a capitalised word and a lower-case one after it, not a name as
	 * in an attribution ("- Ada Moss") */
	if ((dash(c) || c == '*') && p == nx->open && p + l + 1 < len &&
	    t[p + l] == ' ' && (unsigned)(t[p + l + 1] - 'A') < 26) {
		q = wordend(st, p + l + 1);
		if (q + 1 < len && t[q] == ' ' && (unsigned)(t[q + 1] - 'a') < 26) {
			nx->cls = N_UPPER;
			nx->item = 1;
			nx->w = p + l + 1;
			return;
		}
	}
	if (digit(c) || c == '$' || c == 0xa3 || c == 0x20ac || c == 0xa5)
		nx->cls = N_DIGIT;
	else if (upper(c) || c == '#' || c == '@')
		nx->cls = N_UPPER;
	else if (lower(c)) {
		/* iPhone, eBay: a lower-case start that is still a start */
		nx->cls = N_LOWER;
		for (q = p + l; q < len && q - p < WORDMAX; q += w) {
			int32_t d = dec(t + q, len - q, &w);

			if (upper(d)) {
				nx->cls = N_UPPER;
				break;
			}
			if (!alpha(d))
				break;
		}
		if (nx->cls == N_LOWER && particle(st, p, q))
			nx->cls = N_UPPER;
	} else if (alpha(c))
		nx->cls = N_UPPER;	/* scripts without case */
	else
		nx->cls = N_OTHER;
	if (nx->cls == N_UPPER)
		nx->w = p;
}

/* How the text at p starts: mostly with a capital, told inline. */
static inline void
nextword(const struct scan *st, size_t p, struct next *nx)
{
	const unsigned char *u = (const unsigned char *)st->t + p;

	if ((unsigned)(u[0] - 'A') < 26) {
		nx->cls = N_UPPER;
		nx->quoted = nx->bracket = nx->item = 0;
		nx->open = nx->w = p;
	} else if (u[0] == 0xe2 && st->len - p > 3 && u[1] == 0x80 &&
	    (u[2] == 0x9c || u[2] == 0x98) && (unsigned)(u[3] - 'A') < 26) {
		/* an opening curly quote (“ ‘), then a capital */
		nx->cls = N_UPPER;
		nx->quoted = 1;
		nx->bracket = nx->item = 0;
		nx->open = p;
		nx->w = p + 3;
	} else
		nextword_slow(st, p, nx);
}

/*
 * Is the text at p a speaker and a verb of the cues list that end the
 * sentence of a quoted question or exclamation ("Why?" Prime Minister
 * Lee asked.)?  Up to four names or titles, the first not a sentence
 * starter but "I", then the verb and a comma, period, semicolon or the end.
 */
static int
attribution(const struct scan *st, size_t p)
{
	const char *t = st->t;
	size_t len = st->len, q, l, w, n;
	unsigned f;
	int32_t c;
	int caps;

	for (n = 0; n <= 4 && p < len; n++) {
		for (q = p, caps = 0; q < len && q - p <= WORDMAX; q += l) {
			c = dec(t + q, len - q, &l);
			caps |= q > p && upper(c);
			if (alpha(c))
				continue;
			/* a name may hold a hyphen or apostrophe (al-Rashid) */
			if ((c == '-' || c == '\'' || c == 0x2019) && q > p &&
			    q + l < len && alpha(dec(t + q + l, len - q - l, &w)))
				continue;
			break;
		}
		if (q == p || q - p > WORDMAX)
			return 0;
		f = lookup(st->sb, t + p, q - p);
		c = dec(t + p, len - p, &l);
		if (n > 0 && lower(c) && (f & W_CUE)) {
			/* and one lower-case word after the verb: "Lee
			 * asked again.", "Ann called out.", "he told me." */
			if (q + 1 < len && t[q] == ' ' &&
			    (unsigned)(t[q + 1] - 'a') < 26) {
				w = wordend(st, q + 1);
				if (w - q - 1 <= 12)
					q = w;
			}
			return q == len || t[q] == '.' || t[q] == ',' ||
			    t[q] == ';';
		}
		/* "I" is a starter, and a speaker too ("What?" I asked.) */
		if (lower(c) ? !(f & W_PARTICLE) && !caps :
		    !upper(c) || (n == 0 && (f & W_STARTER) &&
		    (q - p != 1 || t[p] != 'I')))
			return 0;
		if (q < len && t[q] == '.' && (f & W_TITLE))
			q++;		/* Sen. Lee */
		if (q >= len || t[q] != ' ')
			return 0;
		p = q + 1;
	}
	return 0;
}

/*
 * Is the word at p, or the one after it, a verb of the cues list ("he
 * asked", "said Lee")?
 */
static int
cued(const struct scan *st, size_t p)
{
	size_t q, n;

	for (n = 0; n < 2 && p < st->len; n++) {
		q = wordend(st, p);
		if (q == p)
			return 0;
		if (lookup(st->sb, st->t + p, q - p) & W_CUE)
			return 1;
		if (q >= st->len || st->t[q] != ' ')
			return 0;
		p = q + 1;
	}
	return 0;
}

/*
 * A short bracket right after a sentence ("[12]", "(Smith 55)") belongs to
 * it when the next sentence, or the paragraph's end, follows the bracket,
 * unless it holds a word of the credits list: a photo credit after a
 * caption ("(AP Photo/Lee Ray)") is a sentence of its own, and *credit is
 * set to its end when the paragraph ends there or the next sentence starts.
 * Returns the end of the bracket, or 0.
 */
static size_t
citation(const struct scan *st, size_t p, size_t *credit)
{
	const char *t = st->t;
	size_t q, l, digits, other, last = 0;
	int32_t c, close = t[p] == '[' ? ']' : ')';
	int cr = 0;
	struct next nx;

	*credit = 0;
again:
	digits = other = 0;
	for (q = p + 1; q < st->len && q - p < CITEMAX; q += l) {
		c = dec(t + q, st->len - q, &l);
		if (c == close)
			break;
		if (term(c) || c == '(' || c == '[')
			goto next;
		if (st->sb->credit1[(unsigned char)t[q]] &&
		    (t[q - 1] == ' ' || t[q - 1] == '/' || q == p + 1)) {
			size_t e = q;

			while (e < st->len && e - q <= WORDMAX && asciialpha(t[e]))
				e++;
			cr |= (lookup(st->sb, t + q, e - q) & W_CREDIT) != 0;
		}
		if (digit(c))
			digits++;
		else
			other++;
	}
	if (q >= st->len || q - p >= CITEMAX)
		goto next;
	if (cr) {
		if (last)
			goto next;
		q++;
		l = q < st->len && isws(t + q, st->len - q) ?
		    u8_skipspace(t + q, st->len - q) : 0;
		if (q + l >= st->len)
			*credit = q;
		else if (l > 0) {
			nextword(st, q + l, &nx);
			if (nx.cls == N_UPPER || nx.cls == N_DIGIT)
				*credit = q;
		}
		return 0;
	}
	/* "(2) The next item" is a list, not a citation */
	if (close == ')' && other <= 1 && digits <= 2)
		return 0;
	q++;
	/* a stray period after a mark ("at once. [1]. Then"), as wikis
	 * copied without their markup leave it */
	if (close == ']' && q + 1 < st->len && t[q] == '.' && t[q + 1] == ' ')
		q++;
	if (q < st->len && !isws(t + q, st->len - q))
		goto next;
	l = u8_skipspace(t + q, st->len - q);
	if (q + l >= st->len)
		return q;
	/* footnote marks spaced apart ("in 1874. [2] [3] It") are one run:
	 * what follows the last decides */
	if (close == ']' && t[q + l] == '[') {
		last = q;
		p = q + l;
		goto again;
	}
	last = q;
	p = q + l;
next:
	if (!last)
		return 0;
	nextword(st, p, &nx);
	return nx.cls == N_UPPER || nx.cls == N_DIGIT ? last : 0;
}

/*
 * Does the sentence go on after the bracket at p: a comma, a semicolon or
 * a lower-case word after its close, as after a title that ends in a
 * question or exclamation mark ("for Viva Maria! (1965), and",
 * "in Why Not? (1990) and")?  Looks at most CITEMAX bytes on.
 */
static __attribute__((noinline)) int
goeson(const struct scan *st, size_t p)
{
	const char *t = st->t;
	size_t q;

	if (t[p] != '(')
		return 0;
	for (q = p + 1; q < st->len && q - p < CITEMAX; q++)
		if (t[q] == ')')
			break;
		else if (t[q] == '.' || t[q] == '?' || t[q] == '!' ||
		    t[q] == '(')
			return 0;
	if (q + 2 >= st->len || t[q] != ')')
		return 0;
	return t[q + 1] == ',' || t[q + 1] == ';' ||
	    (t[q + 1] == ' ' && (unsigned)(t[q + 2] - 'a') < 26);
}

/*
 * What a bracket in lower case after a sentence is, before a capital:
 * a transcript's note of what happened ("Thank you. [applause] Now, let
 * me begin.", "Really? (laughs) Yes."), which ends the sentence as a
 * citation does and goes with it (A_NOTE); or an item's letter or numeral
 * ("two points. (ii) The second"), which starts the next one (A_ITEM).
 * Asked only where the bracket opens the next word.
 */
enum { A_NONE, A_NOTE, A_ITEM, A_URL };

/* Does the bracket at p hold a web address ("(http://x.org/a)",
 * "(www.x.org)") and end the sentence, a stop, a capital or the end
 * after it?  Then it is a sentence of its own, as a link after the
 * sentence it sources is (A_URL); returns the end of its close, or 0. */
static size_t
urlbracket(const char *t, size_t len, size_t p)
{
	size_t q;

	if (!(t[p] == '(' && ((len - p > 8 && memcmp(t + p + 1, "http", 4) == 0 &&
	    (t[p + 5] == ':' || (t[p + 5] == 's' && t[p + 6] == ':'))) ||
	    (len - p > 5 && memcmp(t + p + 1, "www.", 4) == 0))))
		return 0;
	for (q = p + 1; q < len && q - p < URLMAX &&
	    (unsigned char)t[q] > ' ' && t[q] != ')'; q++)
		;
	if (q >= len || t[q] != ')')
		return 0;
	q++;
	if (q == len || t[q] == '.' || t[q] == '!' || t[q] == '?')
		return q;
	return t[q] == ' ' && q + 1 < len && (unsigned)(t[q + 1] - 'a') >= 26 ?
	    q : 0;
}

static __attribute__((noinline)) int
aside(const struct scan *st, size_t p)
{
	const char *t = st->t;
	size_t q, cr;

	if (t[p] != '(' && t[p] != '[')
		return A_NONE;
	if (urlbracket(t, st->len, p))
		return A_URL;	/* "(http://x.org)" */
	for (q = p + 1; q < st->len && t[q] && strchr("ivx", t[q]); q++)
		;
	if (q < st->len && t[q] != ')' && q == p + 1)
		q++;		/* "(b)" */
	if (q < st->len && t[q] == ')' && q - p <= 5) {
		q++;
		return q + 1 < st->len && t[q] == ' ' &&
		    (unsigned)(t[q + 1] - 'A') < 26 ? A_ITEM : A_NONE;
	}
	return citation(st, p, &cr) != 0 ? A_NOTE : A_NONE;
}

static int
webchar(int32_t c)
{
	return c == '.' || c == '@' || c == '/' || c == ':' || c == '_' ||
	    c == '\\' || c == '=' || c == '#' || c == '%' || c == '&' || c == '~';
}

/*
 * Scraped text loses spaces: "the water rose.Roads closed."  The run
 * [i, j) of one . ? or !, or an ellipsis ("...", "…", which quotes cut
 * short often run into the next sentence: "a big win…Let's go"), glues
 * two sentences when a lower-case letter or a digit is before it, a
 * capitalised word (Cap + lower case) after it, and neither side looks
 * like an address, a file name or an abbreviation.
 */
static int
glued(const struct scan *st, size_t i, size_t j)
{
	const char *t = st->t;
	size_t len = st->len, b, l, q, n;
	int32_t c;

	/* a capital after it first: "3.5", "U.S" and "a.m" have none */
	if (i == 0 || j >= len || ((unsigned char)t[j] < 0x80 &&
	    (unsigned)(t[j] - 'A') >= 26))
		return 0;
	if (j != i + 1 && !(j == i + 3 && (memcmp(t + i, "...", 3) == 0 ||
	    memcmp(t + i, "\xe2\x80\xa6", 3) == 0)))
		return 0;
	c = dec(t + i - prevlen(t, i), prevlen(t, i), &l);
	if (!lower(c) && !(c >= '0' && c <= '9'))
		return 0;
	for (b = i, n = 0; b > st->start && n < TOKMAX; n++) {
		l = prevlen(t, b);
		c = dec(t + b - l, l, &l);
		if (u8_isspace(c))
			break;
		if (webchar(c))
			return 0;
		b -= l;
	}
	if (n < 2 || n >= TOKMAX)
		return 0;
	c = dec(t + j, len - j, &l);
	if (!upper(c))
		return 0;
	for (q = j + l, n = 0; q < len; q += l, n++) {
		c = dec(t + q, len - q, &l);
		if (!lower(c))
			break;
	}
	if (n == 0 || (q < len && (webchar(c) || digit(c)) &&
	    !(c == '.' && (q + 1 == len || isws(t + q + 1, len - q - 1)))))
		return 0;
	return 1;
}

/*
 * A terminator run starts at i.  Decide whether a sentence ends after it
 * (and its closing marks); returns where scanning goes on.
 */
/*
 * Is the sentence before the abbreviation that ends at i a headline in
 * Title Case ("Program To Allow Refugees To Enter U.S. As Residents")?
 * Then a capitalised starter after it is one more word of the headline.
 * At least four words before the abbreviation, all capitalised (those
 * that start with an ASCII letter), looking back at most 160 bytes.
 */
static int
titlecase(const struct scan *st, size_t i)
{
	const char *t = st->t;
	size_t b = i, words = 0;

	while (b > st->start && i - b < TOKMAX && t[b - 1] != ' ')
		b--;		/* the abbreviation itself */
	while (b > st->start && i - b < 160) {
		b--;
		if (t[b] != ' ' || b + 1 >= i || t[b + 1] == ' ')
			continue;
		if (t[b + 1] >= 'a' && t[b + 1] <= 'z')
			return 0;
		words += t[b + 1] >= 'A' && t[b + 1] <= 'Z';
	}
	if (b == st->start && i - b < 160) {	/* the first word */
		if (t[b] >= 'a' && t[b] <= 'z')
			return 0;
		words += t[b] >= 'A' && t[b] <= 'Z';
	}
	return words >= 4;
}

/*
 * A time of day at i (of the times list) followed by a capitalised word
 * that is no date or zone: does a sentence end there?  Not when the time
 * opens its sentence, fewer than four words into it ("At 5 a.m. Mr. Lee
 * left": no sentence is that short), nor before a place and "time" ("at
 * 3 p.m. New York time") or an initial ("9 p.m. E.T."), and only after a
 * number: "A.M. Lee said" is a name.  Looks at most 128 bytes back and four words on.
 */
static int
aftertime(const struct scan *st, size_t i, const struct next *nx)
{
	const char *t = st->t;
	size_t b, q, l, n, words = 0;

	/* a time follows a number ("5 p.m."); A.M. Lee is a name */
	for (b = i; b > st->start && i - b < 8 && t[b - 1] != ' '; b--)
		;
	if (b < st->start + 2 || t[b - 1] != ' ' || t[b - 2] < '0' ||
	    t[b - 2] > '9')
		return 0;
	for (b = st->start + 1; b < i && b - st->start <= 128 && words < 4; b++)
		words += t[b] == ' ' && t[b - 1] != ' ';
	if (words < 4 && b - st->start <= 128)
		return 0;
	for (b = nx->w, n = 0; n < 4; n++) {
		q = wordend(st, b);
		if (n > 0 && q - b == 4 && memcmp(t + b, "time", 4) == 0)
			return 0;
		if (n == 0 && q - b == 1 && q < st->len && t[q] == '.')
			return 0;	/* an initial, or a zone as E.T. */
		if (q == b || !upper(dec(t + b, st->len - b, &l)) ||
		    q >= st->len || t[q] != ' ')
			return 1;
		b = q + 1;
	}
	return 1;
}

/*
 * Is the word before the period at i a short one right after a number,
 * so most likely an abbreviated unit ("12 in. of rain", "3 min. later"),
 * spaced off or glued to it ("$4bn. in cash", "20mg. a day")?
 */
static int
unit(const struct scan *st, size_t i)
{
	const char *t = st->t;
	size_t b = i;

	while (b > st->start && i - b < 5 &&
	    (t[b - 1] | 0x20) >= 'a' && (t[b - 1] | 0x20) <= 'z')
		b--;
	if (b == i || i - b >= 5 || b == st->start)
		return 0;
	if (t[b - 1] >= '0' && t[b - 1] <= '9')
		return 1;
	return b >= st->start + 2 && t[b - 1] == ' ' && t[b - 2] >= '0' &&
	    t[b - 2] <= '9';
}

/*
 * After an abbreviation that ends a name, a company's suffix ("Acme
 * Inc."), a street's ("12 Elm Ave.") or a state after its city and a
 * comma ("Fresno, Calif."), or
 * after a month of the dates list that no day follows ("in Oct."), does
 * the capitalised word at nx->w start a sentence?  It does when a
 * lower-case word follows it ("Acme Inc. Shares fell", "Fresno, Calif.
 * Taxes rose"), unless that word joins it to a capitalised one ("Acme
 * Inc. Board of Directors": "of", "and", a particle), and when it is a
 * title or abbreviation opening a name ("Salem, Mass. Sr. Mary Lee"); not
 * before a second capitalised word ("Acme Inc. Chief Executive", "Fresno,
 * Calif. City Council").  A state with no city before it is the start of
 * a name as often ("former Fla. Gov. Lee").
 */
static int
namend(const struct scan *st, size_t i, unsigned prevflags,
    const struct next *nx)
{
	const char *t = st->t;
	size_t len = st->len, b, q, r;
	unsigned f;

	if (nx->quoted || nx->bracket)
		return 0;
	for (b = i; b > st->start && asciialpha(t[b - 1]); b--)
		;
	if (b < st->start + 2 || t[b - 1] != ' ')
		return 0;
	if (prevflags & (W_SUFFIX | W_STREET)) {
		/* after a name: "Acme Inc.", "3M Co.", "Lee & Co.", "Elm
		 * Ave.", "5th Ave.", not "in Co. Kerry" */
		for (b--; b > st->start && t[b - 1] != ' '; b--)
			;
		if (!(t[b] >= 'A' && t[b] <= 'Z') && !(t[b] >= '0' &&
		    t[b] <= '9') && t[b] != '&')
			return 0;
	} else if ((prevflags & W_STATE) && t[b - 2] != ',')
		return 0;
	q = wordend(st, nx->w);
	if (q == nx->w || q + 2 >= len)
		return 0;
	/* "Don't", "O'Brien": the letters after the apostrophe are the word's */
	if (t[q] == '\'' && asciialpha(t[q + 1]))
		q = wordend(st, q + 1);
	else if (len - q > 4 && memcmp(t + q, "\xe2\x80\x99", 3) == 0 &&
	    asciialpha(t[q + 3]))
		q = wordend(st, q + 3);
	if (q + 2 >= len)
		return 0;
	if (t[q] == '.') {
		f = lookup(st->sb, t + nx->w, q - nx->w);
		return (f & (W_TITLE | W_ABBREV)) &&
		    !(f & (W_SUFFIX | W_STATE)) && t[q + 1] == ' ' &&
		    upper(dec(t + q + 2, len - q - 2, &r));
	}
	if (t[q] != ' ' || t[q + 1] < 'a' || t[q + 1] > 'z')
		return 0;
	r = wordend(st, q + 1);
	if (!(r - q - 1 == 2 && memcmp(t + q + 1, "of", 2) == 0) &&
	    !(r - q - 1 == 3 && memcmp(t + q + 1, "and", 3) == 0) &&
	    !(lookup(st->sb, t + q + 1, r - q - 1) & W_PARTICLE))
		return 1;
	/* "Board of Directors" is a name, "Shares of the firm" not */
	return r + 1 >= len || t[r] != ' ' ||
	    !upper(dec(t + r + 1, len - r - 1, &q));
}

/*
 * Does a sentence end after the abbreviation before i, before the
 * capitalised word of nx?  Out of line: it is rarely asked, and
 * terminator() stays small enough to be inlined in the scan.
 */
static __attribute__((noinline)) int
abbrevend(const struct scan *st, size_t i, unsigned prevflags,
    const struct next *nx)
{
	unsigned nf = nextflags(st, nx);
	size_t q;

	if (prevflags & W_LISTEND)
		return 1;	/* "pens, paper, etc. Bring your own" */
	if ((prevflags & (W_UNIT | W_TIME)) == W_UNIT && unit(st, i))
		return 1;	/* after a number: "for 5 yrs. Trust me" */
	for (q = i; q > st->start && asciialpha(st->t[q - 1]); q--)
		;
	/* a unit only follows a number: one that opens its sentence
	 * capitalised is a word said alone, as a transcript writes a
	 * murmur ("Mm. Okay."); "et al." ends the authors' names as a
	 * suffix ends a company's (namend(): "Lee et al. Their data
	 * show", not "Lee et al. Journal of ...") */
	if (q == st->start && (prevflags & (W_UNIT | W_TITLE)) == W_UNIT &&
	    (unsigned)(st->t[q] - 'A') < 26)
		return 1;
	if (i - q == 2 && q >= st->start + 3 && st->t[q] == 'a' &&
	    memcmp(st->t + q - 3, "et ", 3) == 0 && namend(st, i, 0, nx))
		return 1;
	if (nf & W_STARTER) {
		/* after a listed abbreviation, a letter with a period or
		 * "A," is an initial or a label, not the word ("Dr. A. B.
		 * Lee", "viz. A, B and C"); after an acronym it may start
		 * a name that starts a sentence ("in the U.K. A.M. Lee") */
		q = wordend(st, nx->w);
		if (q == nx->w + 1 && q < st->len && (st->t[q] == '.' ||
		    (st->t[q] == ',' && st->t[nx->w] == 'A')) &&
		    !(i >= 2 && st->t[i - 2] == '.') &&
		    !(i >= 3 && st->t[i - 3] == '.'))
			nf &= ~W_STARTER;
		/* after a place or a company, a subject before a second
		 * capitalised word is part of a name ("Fresno, Calif. Police
		 * Department"): namend() tells */
		else if ((nf & W_SUBJECT) && (prevflags & (W_SUFFIX | W_STATE |
		    W_STREET)))
			nf &= ~W_STARTER;
	}
	return ((nf & W_STARTER) && !titlecase(st, i)) ||
	    ((prevflags & W_TIME) && !(nf & (W_DATE | W_ZONE)) &&
	    aftertime(st, i, nx)) ||
	    ((prevflags & (W_SUFFIX | W_STATE | W_DATE | W_STREET)) &&
	    namend(st, i, prevflags, nx));
}

/*
 * Is the terminator at i inside brackets that opened after the sentence's
 * first word and close a few words after it, before any other terminator
 * ("the brewery (est. 1890) is old", "(Id. at 5)")?  A bracket opened in
 * a sentence closes in it.  Asked only before a word that is not
 * capitalised, where a period after an unlisted abbreviation is what
 * mostly stands.  Looks at most BRACKETBACK bytes back and BRACKETON on.
 */
static int
inbracket(const struct scan *st, size_t i, size_t nxp)
{
	const char *t = st->t, *o;
	size_t b, q;

	b = i - st->start > BRACKETBACK ? i - BRACKETBACK : st->start;
	o = memrchr(t + b, '(', i - b);
	if (o == NULL || o == t + st->start || memchr(o, ')', (size_t)(t + i - o)))
		return 0;
	for (q = nxp; q < st->len && q - nxp < BRACKETON; q++)
		switch (t[q]) {
		case ')':
			return 1;
		case '(': case '.': case '?': case '!':
			return 0;
		}
	return 0;
}

/*
 * Footnote marks glued to the end of a sentence, as reference works print
 * them ("was built in 1901.[3] It", "[a]", "[citation needed]", "in
 * 1901.² It"): brackets of digits, letters and spaces, or superscript
 * digits, one or more, from k.  Their end when white space or the
 * paragraph's end follows them, else 0.
 */
#define NOTEMAX 24	/* "[clarification needed]" */
static size_t
footnote(const char *t, size_t len, size_t k)
{
	size_t q = k, b;
	unsigned char u;

	while (q < len) {
		u = (unsigned char)t[q];
		if (u == '[') {
			for (b = ++q; q < len && q - b <= NOTEMAX &&
			    (asciialnum(t[q]) || (t[q] == ' ' && q > b)); q++)
				;
			if (q == b || q >= len || t[q] != ']')
				return 0;
			q++;
		} else if (u == 0xc2 && q + 1 < len &&
		    ((unsigned char)t[q + 1] == 0xb9 ||
		    (unsigned char)t[q + 1] == 0xb2 ||
		    (unsigned char)t[q + 1] == 0xb3))
			q += 2;		/* ¹ ² ³ */
		else if (u == 0xe2 && q + 2 < len &&
		    (unsigned char)t[q + 1] == 0x81 &&
		    ((unsigned char)t[q + 2] == 0xb0 ||
		    ((unsigned char)t[q + 2] >= 0xb4 &&
		    (unsigned char)t[q + 2] <= 0xb9)))
			q += 3;		/* ⁰ ⁴-⁹ */
		else if (u == ',' && q > k && q + 1 < len && t[q - 1] != ']' &&
		    t[q + 1] != ' ')
			q++;		/* ¹,² */
		else
			break;
	}
	return q > k && (q == len || isws(t + q, len - q)) ? q : 0;
}

/*
 * A number in brackets at p, after a number's prefix: an item of a list
 * when a space and a capital follow it ("He said no. (2) The next"), else
 * what the prefix refers to ("as in Eq. (4).", "Fig. (3b) shows").
 */
static int
bracketitem(const char *t, size_t len, size_t p)
{
	size_t q;

	for (q = p + 1; q < len && q - p <= 6 && asciialnum(t[q]); q++)
		;
	return q + 2 < len && (t[q] == ')' || t[q] == ']') &&
	    t[q + 1] == ' ' && (unsigned)(t[q + 2] - 'A') < 26;
}

/*
 * Is the token before the period at i an item's number in a list run into
 * the sentence ("two steps: 1. mix it 2. bake it"): 1 after a colon, or a
 * number of one or two digits whose predecessor stands as an item at most
 * ITEMBACK bytes back in the sentence?  Asked before a lower-case word;
 * "died at 76. http://..." and "at least 23. no joke" are no items.
 */
#define ITEMBACK 240
static __attribute__((noinline)) int
inlineitem(const struct scan *st, size_t i)
{
	const char *t = st->t;
	size_t b = i, q, lim;
	unsigned v = 0, w;

	while (b > st->start && i - b < 3 && t[b - 1] >= '0' && t[b - 1] <= '9')
		b--;
	if (b == i || i - b > 2 || b < st->start + 2 || t[b - 1] != ' ')
		return 0;
	for (q = b; q < i; q++)
		v = v * 10 + (unsigned)(t[q] - '0');
	if (v == 1)
		return t[b - 2] == ':';
	if (v == 0)
		return 0;
	/* "N-1. " after a space or a colon, the sentence's start too */
	lim = b - st->start > ITEMBACK ? b - ITEMBACK : st->start;
	for (q = b - 1; q > lim; q--) {
		if (t[q] != ' ' || q < 3 || t[q - 1] != '.')
			continue;
		for (b = q - 1, w = 0; b > lim && t[b - 1] >= '0' &&
		    t[b - 1] <= '9' && q - 1 - b < 2; b--)
			;
		if (b == q - 1)
			continue;
		for (size_t r = b; r < q - 1; r++)
			w = w * 10 + (unsigned)(t[r] - '0');
		if (w == v - 1 && (b == st->start || t[b - 1] == ' '))
			return 1;
	}
	return 0;
}

/* Are t[p..len) up to three digits and white space?  A number alone at
 * the paragraph's end after a sentence is a footnote's or a page's, no
 * sentence ("fell in 1931. 14"). */
static __attribute__((noinline)) int
lonenum(const char *t, size_t len, size_t p)
{
	size_t q = p;

	while (q < len && q - p <= 3 && t[q] >= '0' && t[q] <= '9')
		q++;
	return q > p && q - p <= 3 && (q == len || isws(t + q, len - q)) &&
	    q + u8_skipspace(t + q, len - q) >= len;
}

__attribute__((always_inline)) static inline size_t
terminator(struct scan *st, size_t i)
{
	const char *t = st->t;
	size_t len = st->len, j = i, k, l, nxp, end;
	unsigned dots = 0, prevflags, val;
	int qe = 0, closed = 0, note = 0, as = A_NONE, brk, kind, detached, cjk;
	int style, alpha;
	unsigned char u;
	int32_t c;
	struct next nx;

	/* mostly one period before a space or inside a token (p.m., 3.5):
	 * no run, no closing marks */
	if (t[i] == '.' && i + 1 < len && (asciialnum(t[i + 1]) ||
	    (t[i + 1] == ' ' && (i + 2 >= len || t[i + 2] != '.')))) {
		j = k = i + 1;
		dots = 1;
		cjk = 0;
		/* what is asked below, told by the byte after it */
		if (t[k] != ' ') {
			/* glued() wants a capital after it first: "3.5",
			 * "a.m" and "x.com" go on at once */
			if ((unsigned)(t[k] - 'A') >= 26 || !glued(st, i, j))
				return k;
			nxp = k;
		} else if (k + 1 < len && (unsigned char)t[k + 1] > ' ' &&
		    (unsigned char)t[k + 1] < 0x80)
			nxp = k + 1;	/* one space, as mostly */
		else
			nxp = k + skipspace(t + k, len - k);
		goto spaced;
	}
	if (t[i] == '.' && i + 1 == len)
		return len;	/* the paragraph's last */
	/* a period and a closing curly quote (’ ”, E2 80 99 or 9D) before a
	 * space or the end: the run and the marks as the loops below find
	 * them */
	if (t[i] == '.' && len - i >= 4 && (unsigned char)t[i + 1] == 0xe2 &&
	    (unsigned char)t[i + 2] == 0x80 && ((unsigned char)t[i + 3] == 0x9d ||
	    (unsigned char)t[i + 3] == 0x99) && (len - i == 4 || t[i + 4] == ' ')) {
		if (len - i == 4)
			return len;
		j = i + 1;
		k = i + 4;
		dots = 1;
		closed = 1;
		cjk = 0;
		goto spacing;
	}
	c = dec(t + i, len - i, &l);
	cjk = c == 0x3002 || c == 0xff01 || c == 0xff1f;
	/* the run: . ? ! … and spaced ellipses ". . ." */
	while (j < len) {
		c = dec(t + j, len - j, &l);
		switch (term(c)) {
		case T_DOT:
			dots++;
			break;
		case T_ELLIPSIS:
			dots += 3;
			break;
		case T_QE:
			qe = 1;
			break;
		default:
			if (c == ' ' && dots && !qe && j + 1 < len && t[j + 1] == '.')
				break;
			goto run_done;
		}
		j += l;
	}
run_done:
	/* closing quotes and brackets, and terminators among them */
	for (k = j; k < len; k += l) {
		c = dec(t + k, len - k, &l);
		if (closer(c))
			closed = 1;
		else if (term(c) == T_QE)
			qe = 1;
		else if (!term(c))
			break;
	}
	if (k >= len)
		return len;
	/* footnote marks go with the sentence they follow, and a lower-case
	 * word after them goes on with it ("1901.[3] and") */
	u = (unsigned char)t[k];
	if ((u == '[' || u == 0xc2 || u == 0xe2) && !cjk &&
	    (l = footnote(t, len, k)) != 0) {
		if (l >= len)
			return len;
		k = l;
		note = 1;
	}
	/* a sentence ends only before white space (3.14, U.S.-led, a.com),
	 * unless a CJK stop or a sentence glued on ("over.The") follows */
	if (!isws(t + k, len - k) && !cjk && (closed || !glued(st, i, j)))
		return k;
spacing:
	nxp = k + skipspace(t + k, len - k);
spaced:
	if (nxp >= len)
		return len;
	if (!seenword(st, i))
		return nxp;

	kind = token(st, i, &prevflags);
	nextword(st, nxp, &nx);
	if (nx.item && closed)
		nx.cls = N_OTHER;	/* "We won." - Lee said */
	brk = 0;
	if (qe || dots >= 2) {
		/* set off from the words before it: by a space, or by an
		 * opening quote alone ("[...]" is an omission inside a
		 * sentence instead); a single period does not ask */
		l = i ? prevlen(t, i) : 0;
		c = l ? dec(t + i - l, l, &l) : ' ';
		detached = u8_isspace(c) || (kind == K_DETACHED && opener(c) &&
		    c != '(' && c != '[' && c != '{');
	} else
		detached = 0;
	if (qe) {
		/* before a lower-case word too, as informal text has it
		 * ("anyone know? thanks"), but not into a quotation's
		 * words, a name's "!" or an attribution ("Safe? he asked") */
		brk = nx.cls == N_UPPER || nx.cls == N_DIGIT ||
		    (nx.cls == N_LOWER && !closed && !note && !nx.quoted &&
		    !nx.bracket && detached == 0 && !(prevflags & W_EXCLAIM) &&
		    !cued(st, nxp)) ||
		    (nx.cls == N_LOWER && nx.bracket &&
		    (as = aside(st, nxp)) != A_NONE);
		/* a period after the name's "!" ends the sentence as after
		 * any word ("works at Yahoo!. Shares fell") */
		if (brk && (prevflags & W_EXCLAIM) && !closed &&
		    !(nextflags(st, &nx) & W_STARTER) && t[j - 1] != '.')
			brk = 0;
		if (brk && closed && nx.cls == N_UPPER && !nx.quoted &&
		    !nx.bracket && attribution(st, nx.w))
			brk = 0;
	} else if (dots >= 2) {
		/* an ellipsis: a pause inside a sentence unless a capital
		 * follows; a spaced-off one of three dots only before a
		 * sentence starter other than "I" ("is . . . I didn't") */
		if (detached && dots == 3)
			brk = nx.cls == N_UPPER &&
			    (nextflags(st, &nx) & W_STARTER) &&
			    !(st->t[nx.w] == 'I' && wordend(st, nx.w) == nx.w + 1);
		else
			brk = nx.cls == N_UPPER || (nx.cls == N_DIGIT && !nx.quoted);
		/* speech that trails off inside its quotes has its speaker
		 * after it as a question has ("“If only…” Ann said.") */
		if (brk && closed && nx.cls == N_UPPER && !nx.quoted &&
		    !nx.bracket && attribution(st, nx.w))
			brk = 0;
	} else {
		if (closed && kind != K_ITEM && kind != K_DETACHED)
			kind = K_REGULAR;	/* "in the U.S.” The" */
		switch (kind) {
		case K_ITEM:
		case K_TITLE:
			brk = 0;
			break;
		case K_NUMBER:
			if (nx.cls == N_DIGIT && !nx.quoted &&
			    (!nx.bracket || !bracketitem(t, len, nxp)))
				brk = 0;
			else if (prevflags & W_ABBREV)
				/* a unit after a number too ("for 40 min.
				 * Tickets cost") */
				brk = nx.cls == N_UPPER &&
				    ((nextflags(st, &nx) & W_STARTER) ||
				    ((prevflags & W_UNIT) && unit(st, i)));
			else
				brk = nx.cls == N_UPPER || nx.cls == N_DIGIT;
			break;
		case K_ABBREV:
			brk = nx.cls == N_UPPER && abbrevend(st, i, prevflags, &nx);
			break;
		default:
			/* a lower-case word too ("went home. then i"), but
			 * not after a closing quote ("We won." she said) nor
			 * before an item letter ("world. b) Refusing") */
			brk = nx.cls == N_UPPER || (nx.cls == N_DIGIT &&
			    (nx.quoted || nx.bracket || !lonenum(t, len, nxp))) ||
			    (nx.cls == N_LOWER && !closed && !note &&
			    !nx.quoted && !nx.bracket &&
			    !marker(t, len, nxp, &style, &val,
			    &alpha) && !unit(st, i) && !inlineitem(st, i)) ||
			    (nx.cls == N_LOWER && nx.bracket &&
			    (as = aside(st, nxp)) != A_NONE);
			break;
		}
	}
	if (!brk || (nx.cls != N_UPPER && !closed && inbracket(st, i, nxp)))
		return nxp;
	if (nx.bracket && as == A_NONE && goeson(st, nxp))
		return nxp;
	end = k;
	if (as == A_URL) {
		/* the link, and after it a capital or a digit starts the
		 * next sentence ("... carbon. (http://x.org/c) Our site");
		 * a period after it ends it as any word's does */
		l = urlbracket(t, len, nxp);
		if (l < len && t[l] == ' ') {
			size_t r = l + skipspace(t + l, len - l);

			nextword(st, r, &nx);
			if (r < len && (nx.cls == N_UPPER || nx.cls == N_DIGIT)) {
				emit(st, end);
				startsent(st, nxp);
				emit(st, l);
				startsent(st, r);
				return r;
			}
		}
	} else if (nx.bracket && as != A_ITEM && (t[nxp] == '(' || t[nxp] == '[')) {
		size_t cr, e = citation(st, nxp, &cr);

		if (e) {
			end = e;
			nxp = e + u8_skipspace(t + e, len - e);
			if (nxp >= len)
				return len;
		} else if (cr) {
			/* the credit, then whatever follows it */
			emit(st, end);
			startsent(st, nxp);
			if (cr >= len)
				return len;
			emit(st, cr);
			/* the next sentence starts after the credit, or at the
			 * end: only white space after it ("... Lee)  ") */
			nxp = cr + u8_skipspace(t + cr, len - cr);
			startsent(st, nxp);
			return nxp;
		}
	}
	emit(st, end);
	startsent(st, nxp);
	return nxp;
}

#ifdef __SSE2__
/* Bit k set when t[k] of t[0..16) is . ? ! : ; or a byte above lead (signed:
 * lead bytes of hot characters, which only hot[] can tell apart). */
static inline unsigned
candidates(const char *t, __m128i lead)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)t);

	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('?'))),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')),
	    _mm_or_si128(_mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)),
	    _mm_set1_epi8(';')),	/* : and ; */
	    _mm_and_si128(v, _mm_cmpgt_epi8(v, lead))))));
}
#endif

/*
 * Is the byte at p, hot, the start of something to decide?  A lead byte
 * of a three-byte character is so only when the character is a
 * terminator or a bullet: curly quotes share their lead byte with the
 * ellipsis and most bullets.  Anything the main loop would pass over
 * (a bad sequence included) may be passed over here too.
 */
static inline int
hotat(const struct sbd *sb, const char *t, size_t len, size_t p)
{
	const unsigned char *u = (const unsigned char *)t + p;
	uint32_t c;

	if (u[0] < 0xe0 || u[0] >= 0xf0 || len - p < 3)
		return 1;
	if ((u[1] & 0xc0) != 0x80 || (u[2] & 0xc0) != 0x80)
		return 0;	/* the main loop steps over it byte by byte */
	c = (uint32_t)(u[0] & 0x0f) << 12 | (uint32_t)(u[1] & 0x3f) << 6 |
	    (u[2] & 0x3f);
	return c >= 0x800 && (sb->hotcp[c >> 3] >> (c & 7) & 1);
}

/* Is the candidate at t[at] hot?  A lead E2 (curly quotes, dashes, the
 * ellipsis) is told by one look at e2hot[]. */
static inline int
hotcand(const struct sbd *sb, const char *t, size_t len, size_t at)
{
	unsigned char u = (unsigned char)t[at];

	if (u < 0x80)		/* . ? ! : and ;, all hot */
		return 1;
	if (u == 0xe2 && len - at >= 3) {
		unsigned w = (unsigned char)t[at + 1] |
		    (unsigned)(unsigned char)t[at + 2] << 8;

		return sb->e2hot[w >> 3] >> (w & 7) & 1;
	}
	return sb->hot[u] && hotat(sb, t, len, at);
}

/* The candidates of the block skip() found its answer in, [from, to):
 * the next call mostly starts inside it, a few bytes on, and takes the
 * rest of its bits rather than loading it again. */
struct block {
	size_t from, to;
	uint32_t m;
};

/*
 * The next byte at or after i that is hot, where the only hot ASCII bytes
 * are . ? ! : and ; (then 32 bytes are tested at a time), or len.
 */
__attribute__((always_inline)) static inline size_t
skip(const struct sbd *sb, const char *t, size_t len, size_t i,
    struct block *bk)
{
#ifdef __SSE2__
	/* bytes >= minlead, compared as signed: the sign bit tells them
	 * from ASCII, which is greater too */
	const __m128i lead = _mm_set1_epi8((char)(sb->minlead - 1));
	uint32_t m;
	size_t at;

	if (i >= bk->from && i < bk->to) {
		for (m = bk->m & ~0u << (i - bk->from); m != 0; m &= m - 1) {
			at = bk->from + (size_t)__builtin_ctz(m);
			if (hotcand(sb, t, len, at)) {
				bk->m = m;
				return at;
			}
		}
		i = bk->to;
	}
	for (; i + 16 <= len; i += 32) {
		m = candidates(t + i, lead);
		if (i + 32 <= len)
			m |= candidates(t + i + 16, lead) << 16;
		for (; m != 0; m &= m - 1) {
			at = i + (size_t)__builtin_ctz(m);
			if (hotcand(sb, t, len, at)) {
				bk->from = i;
				bk->to = i + 32 <= len ? i + 32 : i + 16;
				bk->m = m;
				return at;
			}
		}
		if (i + 32 > len) {
			i += 16;
			break;
		}
	}
	/* the last few bytes: the final sixteen again, those before i
	 * masked off, rather than one at a time */
	if (i < len && len >= 16) {
		size_t from = len - 16;

		for (m = candidates(t + from, lead) & ~0u << (i - from);
		    m != 0; m &= m - 1) {
			at = from + (size_t)__builtin_ctz(m);
			if (hotcand(sb, t, len, at))
				return at;
		}
		return len;
	}
#endif
	while (i < len && !sb->hot[(unsigned char)t[i]])
		i++;
	return i;
}

/*
 * A credit glued to the caption before it, with no period between
 * ("... in Lisbon Image: Ana Lopes."): when the word before the colon at
 * i is of the credits list, set off by a space after words of the current
 * sentence, and a space follows the colon, the word's start; else 0.
 */
static size_t
credit(struct scan *st, size_t i)
{
	const char *t = st->t;
	size_t b = i;

	if (i + 1 >= st->len || t[i + 1] != ' ')
		return 0;
	while (b > st->start && i - b <= WORDMAX &&
	    (unsigned char)t[b - 1] > ' ')
		b--;
	if (b <= st->start || t[b - 1] != ' ' ||
	    !st->sb->credit1[(unsigned char)t[b]] ||
	    !(lookup(st->sb, t + b, i - b) & W_CREDIT) || !seenword(st, b - 1))
		return 0;
	return b;
}

/*
 * A letter's salutation ends at its colon ("Dear Ms. Ortiz: Thank you
 * for ..."), the sentence opened by "Dear" and no longer than SALUTMAX
 * bytes to it, a capital after the colon and a space.  At the colon at
 * i: where the next sentence starts, or 0.
 */
static __attribute__((noinline)) size_t
salutation(const struct scan *st, size_t i)
{
	const char *t = st->t;
	size_t b = st->start, q;

	if (i + 2 >= st->len || t[i + 1] != ' ' ||
	    (unsigned)(t[i + 2] - 'A') >= 26 || i - b > SALUTMAX ||
	    i < b + 6 || memcmp(t + b, "Dear ", 5) != 0 ||
	    (unsigned)(t[b + 5] - 'A') >= 26)
		return 0;
	for (q = b + 5; q < i; q++)	/* names and titles only */
		if (!asciialnum(t[q]) && t[q] != ' ' && t[q] != '.' &&
		    t[q] != '-' && t[q] != '\'')
			return 0;
	return i + 2;
}

/*
 * A smiley set off by spaces ends the sentence before it when a capital
 * follows ("We won :) See you", "Just kidding ;) Bye"), as a period
 * would.  At the colon or semicolon at i: the end of ":)", ":-(", ":D",
 * ";)" or ";P" if it does, else 0.
 */
static size_t
smiley(struct scan *st, size_t i)
{
	const char *t = st->t;
	size_t len = st->len, q = i + 1, nxp;
	struct next nx;

	if (i == 0 || t[i - 1] != ' ' || q >= len)
		return 0;
	if (t[q] == '-')
		q++;
	if (q >= len || !strchr(")(DP", t[q]) || t[q] == 0)
		return 0;
	q++;
	if (q >= len || !isws(t + q, len - q) || !seenword(st, i))
		return 0;
	nxp = q + u8_skipspace(t + q, len - q);
	if (nxp >= len)
		return 0;
	nextword(st, nxp, &nx);
	return nx.cls == N_UPPER && !nx.quoted && !nx.bracket ? q : 0;
}

/*
 * A date stamp glued to the paragraph's first sentence ("Thursday, May 7,
 * 2015 On Tuesday, the ..."): words of the dates list and numbers, at
 * least one of each, ending in a four-digit year and followed by a
 * capital.  Returns the end of the year, or 0.
 */
static size_t
datestamp(const struct scan *st, size_t p)
{
	const char *t = st->t;
	size_t len = st->len, q, n, end = 0;
	int dates = 0, digits;

	for (n = 0; n < 8 && p < len; n++) {
		for (q = p; q < len && q - p <= WORDMAX && asciialnum(t[q]); q++)
			;
		if (q == p || q - p > WORDMAX)
			return 0;
		digits = t[p] >= '0' && t[p] <= '9';
		/* most paragraphs open with a word and then no comma or
		 * number: not a date stamp, and no need to look it up */
		if (n == 0 && !digits && (q >= len || (t[q] != ',' &&
		    (t[q] != ' ' || q + 1 >= len || t[q + 1] < '0' ||
		    t[q + 1] > '9'))))
			return 0;
		if (!digits && !(lookup(st->sb, t + p, q - p) & W_DATE))
			return end && dates && t[p] >= 'A' && t[p] <= 'Z' ?
			    end : 0;
		if (digits && (q - p > 4 || (t[q - 1] | 0x20) >= 'a'))
			return 0;	/* 1st, 3rd: not a date stamp */
		dates |= !digits;
		end = digits && q - p == 4 ? q : 0;
		if (q < len && t[q] == ',')
			q++;
		if (q >= len || t[q] != ' ')
			return 0;
		p = q + 1;
	}
	return 0;
}

/*
 * Is the word at w, capitalised, the first of a sentence glued to a
 * caption or heading that opens the paragraph at p with no final
 * punctuation ("Photo of the new dam The dam opened in May", "Summary
 * We found ...")?  It is when it is of the captions list, follows a
 * letter or digit and one space, and a lower-case word follows it: no
 * title capitalises such a short word before a lower-case one.  The
 * caption holds only words, spaces, commas, hyphens and apostrophes, and
 * periods after digits ("2.4 Results The hives grew").
 */
static __attribute__((noinline)) int
captionword(const struct scan *st, size_t p, size_t w)
{
	const char *t = st->t;
	size_t e, q, l;
	int32_t c;

	for (e = w + 2; e < w + 4 && t[e] >= 'a' && t[e] <= 'z'; e++)
		;
	if (t[e] != ' ' || e + 1 >= st->len || t[e + 1] < 'a' || t[e + 1] > 'z')
		return 0;
	if (!(lookup(st->sb, t + w, e - w) & W_CAPTION))
		return 0;
	for (q = p; q < w - 1; q += l) {
		c = dec(t + q, w - 1 - q, &l);
		if (!alnum(c) && c != ' ' && c != ',' && c != '-' &&
		    c != '\'' && c != 0x2019 && c != '&' &&
		    (c != '.' || q == p || !digit((unsigned char)t[q - 1])))
			return 0;	/* a section's number: "3.1 Data" */
	}
	return 1;
}

/*
 * Is the capitalised word at w the first of a sentence after a dateline
 * that opens the paragraph at p ("Ridgeton, Ohio - The council voted",
 * "RIDGETON (Ledger Wire) — Crews worked")?  A spaced dash before it, and
 * before that only capitalised words, commas, periods and a bracketed
 * agency, with a comma, a bracket or a first word in capitals; a
 * lower-case word among the three after it, as a headline has none
 * ("Lee, Moss - The Race Tightens").
 */
static __attribute__((noinline)) int
datelineword(const struct scan *st, size_t p, size_t w)
{
	const char *t = st->t;
	size_t d, q, l, n;
	int mark = 0, start = 1, caps = 1, first = 1;
	unsigned char u;

	if (w >= p + 4 && t[w - 3] == ' ' && t[w - 2] == '-')
		d = w - 3;
	else if (w >= p + 6 && t[w - 5] == ' ' && (unsigned char)t[w - 4] == 0xe2 &&
	    (unsigned char)t[w - 3] == 0x80 && ((unsigned char)t[w - 2] == 0x93 ||
	    (unsigned char)t[w - 2] == 0x94))
		d = w - 5;
	else
		return 0;
	if (d <= p + 1 || t[d - 1] == ' ')
		return 0;
	for (q = p; q < d; q += l) {
		u = (unsigned char)t[q];
		l = 1;
		if ((unsigned)((u | 0x20) - 'a') < 26) {	/* mostly */
			if (start && u >= 'a')
				return 0;
			caps &= !first || u < 'a';
			start = 0;
		} else if (u == ' ') {
			start = 1;
			first = 0;
		} else if (u == '(' || u == ',') {
			mark = 1;	/* "(AP)" opens a word too */
		} else if (u >= 0x80) {
			int32_t c = dec(t + q, d - q, &l);

			if (start ? !upper(c) : !alpha(c))
				return 0;
			start = 0;
		} else if (start || (!(u >= '0' && u <= '9') && u != '.' &&
		    u != ')' && u != '-' && u != '\'' && u != '&'))
			return 0;
	}
	if (!mark && !caps)
		return 0;
	for (q = w, n = 0; n < 3; n++) {
		q = wordend(st, q);
		if (q + 1 >= st->len || t[q] != ' ')
			return 0;
		if ((unsigned)(t[++q] - 'a') < 26)
			return 1;
	}
	return 0;
}

/*
 * The start of a sentence glued to a caption or dateline that opens the
 * paragraph at p (see captionword() and datelineword()), a capitalised
 * word in its first CAPMAX bytes, or 0.  The capitalised words after a
 * space are found sixteen bytes at a time, in a paragraph with room for
 * a word and the one after it past them (the caller asks of one of
 * CAPMIN bytes at least, which looks at the first CAPMIN - 8).
 */
__attribute__((always_inline)) static inline size_t
caption(const struct scan *st, size_t p)
{
	const char *t = st->t;
	uint64_t spaces = 0, caps = 0, m;
	size_t w, n = st->len - p >= CAPMAX + 8 ? CAPMAX : 32;
	unsigned char u;
#ifdef __SSE2__
	const __m128i sp = _mm_set1_epi8(' ');
	const __m128i off = _mm_set1_epi8((char)(0x80 - 'A'));
	const __m128i top = _mm_set1_epi8((char)(0x80 + 26));
	__m128i a, b;

	a = _mm_loadu_si128((const __m128i *)(const void *)(t + p));
	b = _mm_loadu_si128((const __m128i *)(const void *)(t + p + 16));
	spaces = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(a, sp)) |
	    (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(b, sp)) << 16;
	/* A-Z moved to the bottom of the signed range: one compare */
	caps = (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(a, off),
	    top)) | (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(_mm_add_epi8(b,
	    off), top)) << 16;
	if (n > 32) {
		a = _mm_loadu_si128((const __m128i *)(const void *)(t + p + 32));
		spaces |= (uint64_t)(unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(a, sp)) << 32;
		caps |= (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(
		    _mm_add_epi8(a, off), top)) << 32;
	}
#else
	/* the same masks a byte at a time: the rule must not depend on
	 * the instruction set */
	for (w = 0; w < n; w++) {
		u = (unsigned char)t[p + w];
		spaces |= (uint64_t)(u == ' ') << w;
		caps |= (uint64_t)(u >= 'A' && u <= 'Z') << w;
	}
#endif
	/* a space, then a capital; not at the first byte */
	for (m = spaces & caps >> 1 & ~(uint64_t)1; m != 0; m &= m - 1) {
		w = p + (size_t)__builtin_ctzll(m) + 1;
		/* a short lower-case word after a letter or digit, or a
		 * dash before it, told before any call (bytes to w + 5 exist) */
		u = (unsigned char)t[w - 2];
		if (asciialnum((char)u) ? (unsigned)(t[w + 1] - 'a') < 26 &&
		    (t[w + 2] == ' ' || t[w + 3] == ' ' || t[w + 4] == ' ') &&
		    captionword(st, p, w) : (u == '-' || u == 0x93 || u == 0x94) &&
		    datelineword(st, p, w))
			return w;
	}
	return 0;
}

/*
 * Speech cut off by a dash and answered by the next speaker ("“I was
 * going to—” “Don't,” she said."), or by a sentence ("“If only—” She
 * shook her head."): after the em dash that ends at q, a closing quote,
 * white space and an opening quote before a capital, or a starter other
 * than "I", end the sentence.  Returns the end of the closing quote, or 0.
 */
static size_t
interrupted(struct scan *st, size_t q)
{
	const char *t = st->t;
	size_t len = st->len, l, e;
	struct next nx;
	int32_t c;

	if (q >= len)
		return 0;
	c = dec(t + q, len - q, &l);
	if (c != 0x201d && c != 0x2019 && c != '"')
		return 0;
	e = q + l;
	l = e < len ? skipspace(t + e, len - e) : 0;
	if (l == 0 || e + l >= len || !seenword(st, q))
		return 0;
	nextword(st, e + l, &nx);
	if (nx.cls != N_UPPER)
		return 0;
	if (nx.quoted)
		return e;
	if (nx.bracket)
		return 0;
	/* a starter, as a new sentence opens ("“I was going to—” He
	 * stopped."), where a name or "I" would be the speaker's ("“But
	 * I—” Ann began.", "“Wait—” I said.") */
	return (nextflags(st, &nx) & W_STARTER) &&
	    !(t[nx.w] == 'I' && wordend(st, nx.w) == nx.w + 1) ? e : 0;
}

/*
 * Speech that breaks off at a spaced dash and is answered ("Did they
 * train you — Yeah.", "So the plan is — Okay, go on."): a word of the
 * restarts list after the dash from d to q, capitalised, where no name
 * or title goes on ("the album — Oh Boy Again" does), opens a sentence
 * and the dash ends the one before.  Returns where the word starts, or 0.
 */
static __attribute__((noinline)) size_t
restart(struct scan *st, size_t d, size_t q)
{
	const char *t = st->t;
	size_t len = st->len, w = q + 1, e;
	unsigned f;
	int n;

	if (d < st->start + 2 || t[d - 1] != ' ' || w + 2 >= len ||
	    t[q] != ' ' || (unsigned)(t[w] - 'A') >= 26 || !seenword(st, d))
		return 0;
	e = wordend(st, w);
	f = lookup(st->sb, t + w, e - w);
	if (!(f & W_RESTART) || e >= len || ((f & W_NUMBER) && t[e] == '.'))
		return 0;	/* "— No. 12" */
	/* "— Yeah, ...", "— Oh." go on; "— Oh Boy" is a title's, and so
	 * is "— What a Wonderful World": a capital in the two words after
	 * the first keeps it whole */
	for (n = 0; n < 2 && e + 1 < len && t[e] == ' '; n++) {
		if ((unsigned)(t[e + 1] - 'A') < 26)
			return 0;
		e = wordend(st, e + 1);
	}
	return w;
}

/*
 * A quotation's attribution after it, set off by a spaced dash ("“Cities
 * are built by patience.” — Rosa Lind"), is a sentence of its own, as an
 * epigraph's or a pull quote's: a terminator and a closing quote, a
 * space, the dash from d to q, a space and a capital, but no speaker and
 * verb.  Returns whether.
 */
static __attribute__((noinline)) int
epigraph(struct scan *st, size_t d, size_t q)
{
	const unsigned char *u = (const unsigned char *)st->t;
	size_t e;

	if (d < st->start + 3 || u[d - 1] != ' ' || q + 1 >= st->len ||
	    u[q] != ' ' || (unsigned)(u[q + 1] - 'A') >= 26)
		return 0;
	e = d - 1;
	if (u[e - 1] == '"')
		e--;
	else if (e >= st->start + 4 && u[e - 3] == 0xe2 && u[e - 2] == 0x80 &&
	    (u[e - 1] == 0x9d || u[e - 1] == 0x99))
		e -= 3;		/* ” ’ */
	else
		return 0;
	/* a name and a verb of the cues list are its speaker, who stays
	 * ("“We won.” — Lee said.") */
	return e > st->start && (u[e - 1] == '.' || u[e - 1] == '!' ||
	    u[e - 1] == '?' || (e >= st->start + 3 && u[e - 3] == 0xe2 &&
	    u[e - 2] == 0x80 && u[e - 1] == 0xa6)) && seenword(st, e) &&
	    !attribution(st, q + 1);
}

size_t
sbd_split(const struct sbd *sb, const char *text, size_t len,
    struct sbd_span **v, size_t *cap)
{
	struct scan st;
	struct block bk = { 0, 0, 0 };
	const unsigned char *hot = sb->hot;
	const int scan = !sb->asciihot;	/* skip() sees every hot byte */
	size_t i, l, p;
	int32_t c;

	memset(&st, 0, sizeof st);
	st.sb = sb;
	st.t = text;
	st.len = len;
	st.v = v;
	st.cap = cap;
	st.listhot = -1;
	/* mostly the reader trimmed the paragraph: no call to say so */
	p = len > 0 && (unsigned char)(text[0] - 0x21) < 0x7f - 0x21 ? 0 :
	    skipspace(text, len);
	if (p >= len)
		return 0;
	startsent(&st, p);
	i = p;
	if (((text[p] >= '0' && text[p] <= '9') || (text[p] >= 'A' &&
	    text[p] <= 'Z' && p + 1 < len && (l = datekey(text[p], text[p + 1]),
	    sb->date2[l >> 3] >> (l & 7) & 1))) &&
	    (l = datestamp(&st, p)) != 0) {
		emit(&st, l);
		i = l + 1;
		startsent(&st, i);
	} else if (len - p >= CAPMIN && ((unsigned)(text[p] - 'A') < 26 ||
	    (unsigned)(text[p] - '0') < 10) && (l = caption(&st, p)) != 0) {
		/* a caption opens with a capital or a digit, not a quote */
		emit(&st, l);
		i = l;
		startsent(&st, i);
	}
	while (i < len) {
		unsigned char b;

		if (!st.list && scan)
			i = skip(sb, text, len, i, &bk);
		if (i >= len)
			break;
		b = (unsigned char)text[i];
		if (b == '.')		/* mostly; never listhot, a digit or letter */
			goto stop;
		if (!hot[b] && (int)b != st.listhot) {
			i++;
			continue;
		}
		if ((int)b == st.listhot && st.list && i > st.start &&
		    nextitem(&st, i)) {
			size_t from = st.start;
			int words = seenword(&st, i);

			if (words)
				emit(&st, i);
			startsent(&st, i);
			/* no word since the last start ("3.) #. 4.)"): the
			 * list goes on, but those marks stay in the sentence
			 * rather than fall between two */
			if (!words)
				st.start = from;
			i++;
			continue;
		}
		if (!hot[b]) {
			i++;
			continue;
		}
		c = dec(text + i, len - i, &l);
		if (term(c)) {
stop:
			i = terminator(&st, i);
			continue;
		}
		if (c == ':' || c == ';') {
			size_t w = c == ':' ? credit(&st, i) : 0;

			if (w) {
				emit(&st, w);
				startsent(&st, w);
			} else if (c == ':' && text[st.start] == 'D' &&
			    (w = salutation(&st, i)) != 0) {
				emit(&st, i + 1);
				startsent(&st, w);
				i = w;
				continue;
			} else if ((w = smiley(&st, i)) != 0) {
				emit(&st, w);
				startsent(&st, w + u8_skipspace(text + w, len - w));
				i = w;
				continue;
			}
			i++;
			continue;
		}
		if (c == 0x2014 || c == 0x2013) {
			size_t e = c == 0x2014 ? interrupted(&st, i + l) : 0;

			if (e) {
				emit(&st, e);
				i = e + u8_skipspace(text + e, len - e);
				startsent(&st, i);
				continue;
			}
			if ((e = restart(&st, i, i + l)) != 0) {
				emit(&st, i + l);
				startsent(&st, e);
				i = e;
				continue;
			}
			if (epigraph(&st, i, i + l)) {
				emit(&st, i);
				startsent(&st, i);
				i += l;
				continue;
			}
		}
		if (bullet(sb, c) && i > st.start && seenword(&st, i) &&
		    isws(text + i - prevlen(text, i), prevlen(text, i))) {
			emit(&st, i);
			startsent(&st, i);
		}
		i += l;
	}
	emit(&st, len);
	return st.n;
}
