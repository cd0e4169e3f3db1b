/*
 * bp: judging paragraphs as article or boilerplate.  See bp.h for the
 * contract, bp.yaml for the rules and strip-boilerplate(1) for the user's
 * view.  The pattern language and the credit detectors live in bp_pat.c,
 * matching every rule in one pass in bp_index.c, reading the YAML in
 * bp_rules.c, and the tool's run() in bp_tool.c.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BP_INTERNAL
#include "bp.h"
#include "buf.h"
#include "u8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

const char *const bp_why_name[BP_NWHY] = {
	"keep", "copyright", "ad", "share", "newsletter", "related", "byline",
	"caption", "correction", "bio", "notice", "embed", "pullquote",
	"promo", "nav",
};

/* A paragraph while its document is judged.  Text is kept as offsets into
 * the judge's arena, which moves as it grows. */
struct para {
	const char *text;
	size_t len, line;
	size_t blank;		/* arena offset + 1 of the blanked copy, or 0 */
	size_t lead, trail;
	size_t norm, ca, nlen;	/* normalised text: lower case at arena+norm,
				 * case kept at arena+ca */
	size_t words;
	int esc;		/* the span normalised needs an escape */
	uint64_t punct[2];	/* its ASCII punctuation (bp_scan_text()) */
	uint64_t wbits;		/* and its word bits (bp_wbit()) */
	enum bp_why why;
	unsigned char title, body, term, sent, quote, list, colon, endq;
	unsigned char shape;	/* SH_*, for link_boxes() */
	int m_any, m_edge, m_tail, m_head;	/* first matching rule, or -1;
						 * UNKNOWN until edges() asks */
	size_t dh, dn;		/* its candidates for the rules of the edges:
				 * (ref, position) pairs at j->defer.v + dh */
	const char *rule, *cls;
};

struct bp_judge {
	const struct bp_rules *rs;
	struct para *p;
	size_t n, cap;
	struct buf arena;
	struct buf low;		/* a paragraph in lower case, for residue */
	struct buf core;	/* pull-quote scratch */
	struct buf all;		/* a paragraph reduced to words, for repeats */
	struct bp_scan sc;
	struct bp_list defer;	/* candidates kept for edges() */
	size_t *kv, kcap;	/* indexes of the kept paragraphs */
};

struct bp_judge *
bp_judge_new(const struct bp_rules *rs)
{
	struct bp_judge *j = xcalloc(1, sizeof(*j));

	j->rs = rs;
	bp_scan_init(&j->sc, rs);
	return j;
}

void
bp_judge_free(struct bp_judge *j)
{
	if (j == NULL)
		return;
	free(j->p);
	bp_scan_free(&j->sc);
	free(j->defer.v);
	free(j->kv);
	buf_free(&j->arena);
	buf_free(&j->low);
	buf_free(&j->core);
	buf_free(&j->all);
	free(j);
}

void
bp_begin(struct bp_judge *j)
{
	j->n = 0;
	j->defer.n = 0;
	buf_reset(&j->arena);
}

size_t
bp_count(const struct bp_judge *j)
{
	return j->n;
}

#define UNKNOWN (-2)

static int
is_lower(unsigned char c)
{
	return c >= 'a' && c <= 'z';
}

static int
is_upper(unsigned char c)
{
	return c >= 'A' && c <= 'Z';
}

/* u8_skipspace() and u8_rskipspace(), at once where the edge is a
 * printable ASCII byte, as it nearly always is, or a curly quote
 * (U+2018, U+2019, U+201C, U+201D: E2 80 98, 99, 9C, 9D), as in news it
 * often is. */
static int
curly(const char *s)
{
	unsigned char c = (unsigned char)s[2];

	return (unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
	    (c == 0x98 || c == 0x99 || c == 0x9c || c == 0x9d);
}

static size_t
skipspace(const char *s, size_t n)
{
	size_t i = 0;

	if (n > 0 && (unsigned char)s[0] > ' ' && (unsigned char)s[0] < 0x7f)
		return 0;
	/* ASCII spaces, as residue blanked leaves them, at once too */
	while (i < n && s[i] == ' ')
		i++;
	if (i == n || ((unsigned char)s[i] > ' ' && (unsigned char)s[i] < 0x7f))
		return i;
	return i + (n - i >= 3 && curly(s + i) ? 0 : u8_skipspace(s + i,
	    n - i));
}

static size_t
rskipspace(const char *s, size_t n)
{
	size_t i = 0;

	if (n > 0 && (unsigned char)s[n - 1] > ' ' &&
	    (unsigned char)s[n - 1] < 0x7f)
		return 0;
	while (i < n && s[n - 1 - i] == ' ')
		i++;
	if (i == n || ((unsigned char)s[n - 1 - i] > ' ' &&
	    (unsigned char)s[n - 1 - i] < 0x7f))
		return i;
	return i + (n - i >= 3 && curly(s + n - i - 3) ? 0 :
	    u8_rskipspace(s, n - i));
}

/* Bytes that may end a sentence, looking at the last byte of a paragraph
 * in normalised text (quotes and brackets close a sentence too). */
static int
is_term(unsigned char c)
{
	return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' ||
	    c == ')' || c == ']';
}

/*
 * Does what follows a glued ad word at lo[b..n) say it is a marker, not a
 * sentence the word was glued to?  A counter ("2", "1 of 3", ": 3",
 * "(2/4)": digits, punctuation, "of") or a separator that opens a label
 * ("- Scroll to continue", "· Story continues below").  Blanking the word
 * there would leave "2" or "· Scroll to continue" as a paragraph; kept
 * whole, the line is the rules' (ad-counter).
 */
static int
marker_rest(const char *lo, size_t b, size_t n)
{
	size_t i;
	unsigned char c = (unsigned char)lo[b];

	/* - : | / * ·(C2 B7) •(E2 80 A2) –(E2 80 93) —(E2 80 94) */
	if (c == '-' || c == ':' || c == '|' || c == '/' || c == '*' ||
	    (c == 0xc2 && b + 1 < n && (unsigned char)lo[b + 1] == 0xb7) ||
	    (c == 0xe2 && b + 2 < n && (unsigned char)lo[b + 1] == 0x80 &&
	    ((unsigned char)lo[b + 2] == 0xa2 ||
	    (unsigned char)lo[b + 2] == 0x93 ||
	    (unsigned char)lo[b + 2] == 0x94)))
		return 1;
	for (i = b; i < n; i++) {
		c = (unsigned char)lo[i];
		if (c == 'o' && i + 1 < n && lo[i + 1] == 'f' &&
		    (i == b || lo[i - 1] == ' ') &&
		    (i + 2 == n || lo[i + 2] == ' ')) {
			i++;
			continue;
		}
		if ((c >= 'a' && c <= 'z') || c >= 0x80)
			return 0;
	}
	return 1;
}

/*
 * A separator after a glued ad word may head a sentence of the story
 * rather than a label ("Advertisement: The council voted ... ."): five
 * words or more, opening with a capital, a digit or a quote mark and
 * ending as a sentence does.  Returns the bytes the separator and the
 * blanks after it take from b, to blank with the word, or 0 for a label
 * or a counter, which stay the rules' business.
 */
static size_t
sep_sentence(const char *lo, const char *t, size_t b, size_t n)
{
	unsigned char c = (unsigned char)lo[b];
	size_t i, s, words = 0;

	if (c == '-' || c == ':' || c == '|' || c == '/' || c == '*')
		for (s = b; s < n && lo[s] == (char)c; s++)
			;
	else if (c == 0xc2 && b + 1 < n && (unsigned char)lo[b + 1] == 0xb7)
		s = b + 2;
	else if (c == 0xe2 && b + 2 < n && (unsigned char)lo[b + 1] == 0x80)
		s = b + 3;
	else
		return 0;
	s += u8_skipspace(lo + s, n - s);
	n -= u8_rskipspace(lo + s, n - s);
	if (s >= n)
		return 0;
	c = (unsigned char)t[s];
	if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9') &&
	    c != '"' && c != '\'' && c != 0xe2)
		return 0;
	c = (unsigned char)lo[n - 1];
	if (!is_term(c) && c != 0x9d && c != 0x99)
		return 0;
	for (i = s; i < n; i++)
		if (lo[i] != ' ' && (i == s || lo[i - 1] == ' '))
			words++;
	return words >= 5 ? s - b : 0;
}

/*
 * Blank residue in paragraph p: every inline rule's text, found in the
 * lower-cased copy, becomes spaces in a copy of the paragraph (made on the
 * first hit).  A start or end rule only counts where it is glued to the
 * paragraph's edge and the text beside it could not continue a sentence.
 */
static void
blank_residue(struct bp_judge *j, struct para *p)
{
	const struct bp_rules *rs = j->rs;
	char *lo, *cp = NULL;
	size_t i, k, n = p->len, a0, b0;
	int again, run = 0;

	buf_reset(&j->low);
	buf_grow(&j->low, n);
	lo = j->low.p;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p->text[i];
		size_t len;

#ifdef __SSE2__
		/* sixteen ASCII bytes at a time */
		while (i + 16 <= n) {
			__m128i x = _mm_loadu_si128((const __m128i *)
			    (p->text + i));
			__m128i up = _mm_and_si128(
			    _mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
			    _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));

			if (_mm_movemask_epi8(x) != 0)
				break;
			_mm_storeu_si128((__m128i *)(lo + i), _mm_or_si128(x,
			    _mm_and_si128(up, _mm_set1_epi8(0x20))));
			i += 16;
		}
		if (i == n)
			break;
		c = (unsigned char)p->text[i];
#endif
		lo[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		/* bad bytes as '?', as bp_norm() and record streams have them */
		if (c >= 0x80) {
			if (u8_decode(p->text + i, n - i, &len) == U8_BAD)
				lo[i] = '?';
			else
				for (; len > 1; len--, i++)
					lo[i + 1] = p->text[i + 1];
		}
	}
	lo[n] = '\0';
	j->low.len = n;

#define BLANK(AT, LEN) do {						\
	if (cp == NULL) {						\
		buf_grow(&j->arena, n + 1);				\
		p->blank = j->arena.len + 1;				\
		cp = j->arena.p + j->arena.len;				\
		memcpy(cp, p->text, n);					\
		cp[n] = '\0';						\
		j->arena.len += n + 1;					\
	}								\
	memset(cp + (AT), ' ', (LEN));					\
	memset(lo + (AT), ' ', (LEN));					\
	a0 = skipspace(lo, n);						\
	b0 = n - rskipspace(lo, n);					\
} while (0)

	/* anywhere: one scan finds every candidate */
	j->sc.hits.n = 0;
	bp_hash_scan(&rs->inl_any, lo, n, &j->sc.hits);
	for (i = 0; i < j->sc.hits.n; i += 2) {
		const struct bp_inl *in = &rs->inl[j->sc.hits.v[i] >> 16];
		size_t t = j->sc.hits.v[i] & 0xffff, at = j->sc.hits.v[i + 1];

		if (n - at >= in->len[t] &&
		    memcmp(lo + at, in->text[t], in->len[t]) == 0)
			BLANK(at, in->len[t]);
	}
	for (i = 0; i < rs->inl_any.shortl.n; i++) {
		const struct bp_inl *in = &rs->inl[rs->inl_any.shortl.v[i] >> 16];
		size_t t = rs->inl_any.shortl.v[i] & 0xffff;
		const char *hit;

		while ((hit = memmem(lo, n, in->text[t], in->len[t])))
			BLANK(hit - lo, in->len[t]);
	}
	/* at the edges: until nothing more comes off.  Where the text starts
	 * and ends is asked of every entry: found once, and again after each
	 * blanking (BLANK) */
	a0 = skipspace(lo, n);
	b0 = n - rskipspace(lo, n);
	do {
		again = 0;
		for (k = 0; k < rs->ninl; k++) {
			const struct bp_inl *in = &rs->inl[k];
			size_t t;

			if (in->at == BP_AT_ANYWHERE)
				continue;
			for (t = 0; t < in->n; t++) {
				const char *s = in->text[t];
				size_t sl = in->len[t], a, b;

				if (sl == 0 || sl > n)
					continue;
				/* the byte at the edge turns nearly all away
				 * before a call to memcmp(): lo[n] is NUL */
				if (in->at == BP_AT_START ? lo[a0] != s[0] :
				    b0 < sl || lo[b0 - 1] != s[sl - 1])
					continue;
				if (in->at == BP_AT_START) {
					a = a0;
					/* a run of button words with no space
					 * before the next, "FacebookEmailThe",
					 * to its last word when it is alone */
					if (in->glued && n - a >= sl &&
					    !memcmp(lo + a, s, sl) && (n - a == sl ?
					    run : is_upper((unsigned char)
					    p->text[a + sl]))) {
						BLANK(a, sl);
						again = run = 1;
						continue;
					}
					/* alone, it is a rule's business */
					if (in->glued || n - a <= sl ||
					    memcmp(lo + a, s, sl))
						continue;
					b = a + sl + skipspace(lo + a + sl,
					    n - a - sl);
					if (b < n && is_lower((unsigned char)
					    p->text[b]))
						continue;
					if (b < n && marker_rest(lo, b, n)) {
						size_t s2 = sep_sentence(lo,
						    p->text, b, n);

						if (s2 == 0)
							continue;
						sl = b + s2 - a;
					}
					BLANK(a, sl);
					again = 1;
				} else {
					b = b0;
					if (b < sl || memcmp(lo + b - sl, s, sl))
						continue;
					a = b - sl;
					if (in->glued) {
						if (a == 0 || lo[a - 1] == ' ' ||
						    !is_upper((unsigned char)
						    p->text[a]))
							continue;
						BLANK(a, sl);
						again = run = 1;
						continue;
					}
					a -= rskipspace(lo, a);
					if (a == 0)
						continue;
					{
						unsigned char c = (unsigned char)
						    lo[a - 1];
						/* ” and ’ end in 0x9d, 0x99 */
						if (!is_term(c) && c != 0x9d &&
						    c != 0x99)
							continue;
					}
					BLANK(b - sl, sl);
					again = 1;
				}
			}
		}
	} while (again);
#undef BLANK
	{
		const char *t = cp ? cp : p->text;

		p->lead = skipspace(t, n);
		p->trail = p->lead == n ? 0 : rskipspace(t + p->lead,
		    n - p->lead);
	}
}

/* Normalise the paragraph's (blanked, trimmed) span for matching. */
static void
normalise(struct bp_judge *j, struct para *p)
{
	size_t n = p->len - p->lead - p->trail;
	const char *t;

	/* and slack after each for bp_norm_esc(), and after the lower case
	 * for bp_scan_text() */
	buf_grow(&j->arena, 2 * (n + BP_SLACK) + BP_SLACK);
	t = (p->blank ? j->arena.p + p->blank - 1 : p->text) + p->lead;
	p->norm = j->arena.len;
	p->ca = p->norm + n + BP_SLACK;
	p->nlen = bp_norm_esc(t, n, j->arena.p + p->norm, j->arena.p + p->ca,
	    &p->words, &p->esc);
	j->arena.p[p->norm + p->nlen] = '\0';
	j->arena.p[p->ca + p->nlen] = '\0';
	j->arena.len = p->ca + n + 1;
}

/*
 * Match the rules that apply anywhere; the candidates of those of the edges
 * are kept, and matched later only for the few paragraphs where the
 * judgement asks (edges()).
 */
static void
match_rules(struct bp_judge *j, struct para *p)
{
	const struct bp_rules *rs = j->rs;
	const size_t *v = j->sc.refs.v;
	int fr[BP_NWHERE];
	size_t k;

	bp_match_refs(rs, &j->sc, j->arena.p + p->norm, j->arena.p + p->ca,
	    p->nlen, p->words, fr, 1 << BP_WHERE_ANY, v, j->sc.refs.n,
	    p->punct, p->wbits);
	p->m_any = fr[BP_WHERE_ANY];
	p->m_edge = p->m_tail = p->m_head = UNKNOWN;
	p->dh = j->defer.n;
	for (k = 0; k < j->sc.refs.n; k += 2)
		if (rs->ref[v[k]].where != BP_WHERE_ANY)
			bp_list_add2(&j->defer, v[k], v[k + 1]);
	p->dn = j->defer.n - p->dh;
}

/* The rules of the places in where (1 << BP_WHERE_EDGE, _TAIL, _HEAD)
 * for paragraph i, those not known yet matched in one go: most paragraphs
 * are only asked about the edges, and the tail's rules are many. */
static struct para *
edges(struct bp_judge *j, size_t i, unsigned where)
{
	struct para *p = &j->p[i];
	int fr[BP_NWHERE];

	if (p->m_edge != UNKNOWN)
		where &= ~(1u << BP_WHERE_EDGE);
	if (p->m_tail != UNKNOWN)
		where &= ~(1u << BP_WHERE_TAIL);
	if (p->m_head != UNKNOWN)
		where &= ~(1u << BP_WHERE_HEAD);
	if (where == 0)
		return p;
	/* no candidates may mean no list yet: no offset into NULL */
	bp_match_refs(j->rs, &j->sc, j->arena.p + p->norm, j->arena.p + p->ca,
	    p->nlen, p->words, fr, where, p->dn ? j->defer.v + p->dh : NULL,
	    p->dn, p->punct, p->wbits);
	if (where & 1u << BP_WHERE_EDGE)
		p->m_edge = fr[BP_WHERE_EDGE];
	if (where & 1u << BP_WHERE_TAIL)
		p->m_tail = fr[BP_WHERE_TAIL];
	if (where & 1u << BP_WHERE_HEAD)
		p->m_head = fr[BP_WHERE_HEAD];
	return p;
}

#define EDGE (1u << BP_WHERE_EDGE)
#define TAIL (1u << BP_WHERE_TAIL)
#define HEAD (1u << BP_WHERE_HEAD)

/* Might words glued with no space ("FacebookEmailThe", "said.Share")
 * stand at either end of t?  A capital after three small letters or a
 * stop, in the first or last word, and not in a handle (@Name): only
 * then are the glued residue's entries compared, and not for every
 * paragraph that opens with a "T" or with "McCain". */
static int
glued_at(const char *t, size_t i)
{
	return is_upper((unsigned char)t[i]) && ((i >= 3 &&
	    is_lower((unsigned char)t[i - 1]) &&
	    is_lower((unsigned char)t[i - 2]) &&
	    is_lower((unsigned char)t[i - 3])) || (i >= 1 &&
	    (t[i - 1] == '.' || t[i - 1] == ':' || t[i - 1] == '!' ||
	    t[i - 1] == '?')));
}

static int
glued_edge(const char *t, size_t n)
{
	size_t i, e = n < 64 ? n : 64;

	for (i = 3; i < e && t[i] != ' ' && t[i] != '@'; i++)
		if (glued_at(t, i))
			return 1;
	/* a word, not an initial: "said.Share", not "the U.S."; a
	 * paragraph that ends as a sentence does is soon turned away */
	if (n == 0 || !(is_lower((unsigned char)t[n - 1]) || t[n - 1] == ':'))
		return 0;
	for (i = n - 1; i-- > n - e + 1 && t[i] != ' ' && t[i] != '@';)
		if (is_lower((unsigned char)t[i + 1]) && glued_at(t, i))
			return 1;
	return 0;
}

void
bp_add(struct bp_judge *j, const char *text, size_t len, size_t line)
{
	struct para *p;

	if (j->n == j->cap) {
		j->cap = j->cap ? 2 * j->cap : 64;
		j->p = xreallocarray(j->p, j->cap, sizeof(*j->p));
	}
	p = &j->p[j->n++];
	/* the fields that are not set below and are read before they are
	 * set: a memset() of the whole cost more */
	p->blank = 0;
	p->why = BP_KEEP;
	p->title = p->body = 0;
	p->text = text;
	p->len = len;
	p->line = line;
	p->lead = skipspace(text, len);
	p->trail = p->lead == len ? 0 : rskipspace(text + p->lead,
	    len - p->lead);
	normalise(j, p);
	/* The rules' one pass also says whether residue may be there; only
	 * then is the paragraph searched byte for byte and blanked. */
	if (bp_scan_text(j->rs, &j->sc, j->arena.p + p->norm, p->nlen,
	    p->words) || (j->rs->inl_glued && glued_edge(text + p->lead,
	    len - p->lead - p->trail))) {
		j->arena.len = p->norm;	/* this normalisation is done with */
		blank_residue(j, p);
		normalise(j, p);
		bp_scan_text(j->rs, &j->sc, j->arena.p + p->norm, p->nlen,
		    p->words);
	}
	p->punct[0] = j->sc.punct[0];
	p->punct[1] = j->sc.punct[1];
	p->wbits = j->sc.wbits;
	match_rules(j, p);
}

/* Does a paragraph that opens with a quote close it before its end and
 * go on for three words or more: "'NAME OF SHOW' STAR SAYS ...", as
 * headlines in capitals quote a title or a phrase? */
static int
quote_led(const char *ca, size_t n)
{
	size_t k, w = 0;

	for (k = 1; k < n && ca[k] != ca[0]; k++)
		;
	for (; k < n; k++)
		w += ca[k] == ' ';
	return w >= 3;
}

#define CAPS_MIN 7	/* words in a headline set in capitals */
#define CAPS_MAX 30

/*
 * A headline in capitals standing alone, of CAPS_MIN words or more and not
 * ending a sentence: a link to another story that a page drops between
 * paragraphs ("CITY TO CLOSE TWO POOLS AS REPAIR BILLS MOUNT").  A subhead
 * in capitals is shorter; a transcript's cue opens with a bracket or ends
 * with a colon.  A letter in lower case here and there (McDONALD, iPHONE)
 * is allowed, one in ten.
 */
static int
caps_headline(const struct bp_judge *j, const struct para *p)
{
	const char *ca = j->arena.p + p->ca;
	size_t k, up = 0, low = 0;
	unsigned char last;

	if (p->words < CAPS_MIN || p->words > CAPS_MAX || p->nlen == 0)
		return 0;
	last = (unsigned char)ca[p->nlen - 1];
	if (last == '.' || last == ':' || last == '?' || ca[0] == '(' ||
	    ca[0] == '[' || (p->quote && (p->endq || !quote_led(ca, p->nlen))))
		return 0;
	for (k = 0; k < p->nlen; k++) {
		unsigned char c = (unsigned char)ca[k];

		up += c >= 'A' && c <= 'Z';
		/* prose gives up by its third letter */
		if (c >= 'a' && c <= 'z' && ++low > 1 + up / 9)
			return 0;
	}
	return up >= 20 && low * 10 <= up + low;
}

/* Can bp_credit() find a credit at the end of p at all: does it end with
 * a word's byte or a bracket, or have a handle (@name) that may stand
 * after one?  Most paragraphs end with a stop and have no '@' (the
 * scan's punctuation tells), and need no walk back over their words.
 * lo is the lower case: no byte there is A-Z. */
static int
credit_end(const struct para *p, const char *lo)
{
	unsigned char c;

	if (p->nlen == 0)	/* symbols-only takes it, unless turned off */
		return 0;
	c = (unsigned char)lo[p->nlen - 1];
	return (p->punct['@' >> 6] >> ('@' & 63) & 1) || c == ')' ||
	    c == ']' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
	    c >= 0x80;
}

/* Features of a normalised paragraph that the judgement uses. */
static void
features(struct para *p, const char *lo)
{
	size_t n = p->nlen;
	unsigned char last = n ? (unsigned char)lo[n - 1] : 0;

	/* the full stop, exclamation and question marks of Chinese and
	 * Japanese end a sentence too: a line of such prose has no spaces,
	 * so it has the words of a menu's line and nothing else tells */
	p->term = is_term(last) || (n >= 3 && (memcmp(lo + n - 3, "...", 3) ==
	    0 || memcmp(lo + n - 3, "\xe3\x80\x82", 3) == 0 ||
	    memcmp(lo + n - 3, "\xef\xbc\x81", 3) == 0 ||
	    memcmp(lo + n - 3, "\xef\xbc\x9f", 3) == 0));
	/* ends as a sentence does: a bracket alone does not tell */
	p->sent = p->term && last != ')' && last != ']';
	p->colon = last == ':';
	p->quote = n > 0 && (lo[0] == '"' || lo[0] == '\'');
	/* ends with a closing quote: a quote-only paragraph when it starts
	 * with one too */
	p->endq = n > 1 && (last == '"' || last == '\'');
	p->list = n > 1 && (((unsigned char)lo[0] == 0xe2 && n > 3 &&
	    (unsigned char)lo[1] == 0x80 && (unsigned char)lo[2] == 0xa2) ||
	    ((lo[0] == '-' || lo[0] == '*') && lo[1] == ' ') ||
	    (lo[0] >= '0' && lo[0] <= '9' && (lo[1] == '.' || lo[1] == ')')));
}

static const char *
ptext(const struct bp_judge *j, const struct para *p)
{
	return p->blank ? j->arena.p + p->blank - 1 : p->text;
}

/*
 * A pull quote: a short paragraph, opening with a quote mark, whose quoted
 * words (at least pq_min of them) appear in another paragraph as well.
 * Paragraphs are compared reduced to lower-case words.
 */
static void
reduce(struct buf *out, const char *lo, size_t n)
{
	size_t i = 0, o;
	char *d;
	int sp = 1;

	buf_grow(out, n + 2);
	d = out->p;
	o = out->len;
#ifdef __SSE2__
	/* Sixteen bytes at a time up to the first that is neither a word's
	 * nor a single space after a word's: those before it go as they are
	 * (the output is never ahead of the input, so 16 bytes fit). */
	while (i + 16 <= n) {
		__m128i x = _mm_loadu_si128((const __m128i *)(lo + i));
		unsigned w = bp_wordmask(x);
		unsigned sps = (unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
		unsigned stop = ~(w | (sps & (w << 1 | (unsigned)!sp))) & 0xffff;
		unsigned k = stop ? (unsigned)__builtin_ctz(stop) : 16;

		_mm_storeu_si128((__m128i *)(d + o), x);
		if (k > 0)
			sp = !(w >> (k - 1) & 1);
		o += k;
		i += k;
		if (k < 16) {	/* not a word's byte: a space, if any */
			if (!sp)
				d[o++] = ' ';
			sp = 1;
			i++;
		}
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)lo[i];

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c >= 0x80) {
			d[o++] = (char)c;
			sp = 0;
		} else if (!sp) {
			d[o++] = ' ';
			sp = 1;
		}
	}
	if (o > out->len && d[o - 1] == ' ')
		o--;
	d[o++] = ' ';
	d[o] = '\0';
	out->len = o;
}

#define PQ_WINDOW 200	/* kept paragraphs either side searched for a repeat */

static int kept(const struct bp_judge *j, size_t i);

/* Is w[0..wn) in s[0..n)?  As memmem(), but for a word searched in
 * hundreds of short paragraphs memchr() on its rarest byte (at r) costs
 * less than memmem()'s setup. */
static int
has_word(const char *s, size_t n, const char *w, size_t wn, size_t r)
{
	const char *p, *e = s + n - wn + r + 1;

	if (wn == 0)
		return 1;
	if (wn > n)
		return 0;
	/* the first and last bytes before a call to memcmp() */
	for (p = s + r; p < e && (p = memchr(p, w[r], (size_t)(e - p))); p++)
		if (p[-(ptrdiff_t)r] == w[0] && p[wn - 1 - r] == w[wn - 1] &&
		    memcmp(p - r, w, wn) == 0)
			return 1;
	return 0;
}

static int
pullquote(struct bp_judge *j, size_t i)
{
	const struct bp_rules *rs = j->rs;
	struct para *p = &j->p[i];
	const char *lo = j->arena.p + p->norm, *end;
	size_t k, q, words = 0, lo_q, hi_q, w0 = 1, wlen = 0, wat = 0, wr = 0;
	uint64_t need = 0;

	if (!p->quote || p->words < rs->pq_min || p->words > rs->pq_max)
		return 0;
	/* the quoted words: up to the closing mark, after which there is
	 * nothing or an attribution after a dash ("- Jane Roe, 26") */
	end = memchr(lo + 1, lo[0], p->nlen - 1);
	if (end == NULL)
		end = lo + p->nlen;
	else {
		const char *after = end + 1, *e = lo + p->nlen;

		while (after < e && *after == ' ')
			after++;
		if (after < e && *after != '-')
			return 0;
	}
	buf_reset(&j->core);
	buf_addc(&j->core, ' ');
	reduce(&j->core, lo + 1, (size_t)(end - lo - 1));
	/* the longest word, and the word bits of those of 4 bytes or more,
	 * for filters: a paragraph that repeats them has them all (a word of
	 * the reduced text starts a word of the normalised one) */
#ifdef __SSE2__
	/* the spaces after the first sixteen bytes at a time (room for
	 * the last block's: buf_grow()) */
	buf_grow(&j->core, 16);
	for (q = 0; q < j->core.len; q += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
		    _mm_loadu_si128((const __m128i *)(j->core.p + q)),
		    _mm_set1_epi8(' ')));

		if (j->core.len - q < 16)
			m &= (1u << (j->core.len - q)) - 1;
		for (m &= q == 0 ? ~1u : ~0u; m; m &= m - 1) {
			k = q + (size_t)__builtin_ctz(m);
#else
	for (k = 1; k < j->core.len; k++)
		if (j->core.p[k] == ' ') {
#endif
			words++;
			if (k - w0 > wlen)
				wlen = k - w0, wat = w0;
			if (k - w0 >= 4) {
				uint32_t v;

				memcpy(&v, j->core.p + w0, 4);
				need |= (uint64_t)1 << bp_wbit(v);
			}
			w0 = k + 1;
		}
#ifdef __SSE2__
	}
#endif
	if (words < rs->pq_min)
		return 0;
	for (k = 1; k < wlen; k++)
		if (bp_rarity((unsigned char)j->core.p[wat + k]) >
		    bp_rarity((unsigned char)j->core.p[wat + wr]))
			wr = k;
	/* Look near the candidate only: a pull quote repeats its own
	 * article, and a huge document must not cost quadratic time.  Near
	 * is PQ_WINDOW kept paragraphs either side, not dropped ones, which
	 * a second judging does not see.  A paragraph is reduced to words
	 * only when it has the longest word. */
	lo_q = 0;
	hi_q = j->n;
	if (j->n > PQ_WINDOW) {
		for (lo_q = i, k = 0; lo_q > 0 && k < PQ_WINDOW; lo_q--)
			k += kept(j, lo_q - 1);
		for (hi_q = i + 1, k = 0; hi_q < j->n && k < PQ_WINDOW; hi_q++)
			k += kept(j, hi_q);
	}
	for (q = lo_q; q < hi_q; q++) {
		const struct para *o = &j->p[q];

		if (q == i || o->why != BP_KEEP || o->nlen < wlen ||
		    (need & ~o->wbits) != 0 ||
		    !has_word(j->arena.p + o->norm, o->nlen, j->core.p + wat,
		    wlen, wr))
			continue;
		/* of two identical quote paragraphs the later one goes */
		if (o->quote && o->words == p->words && q > i)
			continue;
		buf_reset(&j->all);
		buf_addc(&j->all, ' ');
		reduce(&j->all, j->arena.p + o->norm, o->nlen);
		if (memmem(j->all.p, j->all.len, j->core.p, j->core.len))
			return 1;
	}
	return 0;
}

static void
drop(struct para *p, enum bp_why why, const char *rule)
{
	p->why = why;
	p->rule = rule;
	p->body = 0;
}

/* How many paragraphs are kept? */
static size_t
nkept(const struct bp_judge *j)
{
	size_t i, k = 0;

	for (i = 0; i < j->n; i++)
		k += j->p[i].why == BP_KEEP;
	return k;
}

/* Drop the pull quotes; did any go? */
static int
pullquotes(struct bp_judge *j)
{
	size_t i;
	int any = 0;

	for (i = 0; i < j->n; i++)
		if (kept(j, i) && !j->p[i].title && pullquote(j, i)) {
			drop(&j->p[i], BP_PULLQUOTE, "pull-quote");
			any = 1;
		}
	return any;
}

static int
kept(const struct bp_judge *j, size_t i)
{
	return i < j->n && j->p[i].why == BP_KEEP;
}

static int
dropped(const struct bp_judge *j, size_t i)
{
	return i < j->n && j->p[i].why != BP_KEEP;
}

#define CARD_MAX 40	/* words in a teaser's one-sentence summary */

/* Was paragraph i dropped by a rule that says it dates a link of a box
 * of other stories (stamp: true)? */
static int
stamped(const struct bp_judge *j, size_t i)
{
	const struct para *p = &j->p[i];

	return i < j->n && p->why != BP_KEEP && p->m_any >= 0 &&
	    j->rs->rules[p->m_any].stamp;
}

/* Is paragraph i a kept line that a rule takes for a stamp only under a
 * card (card: true): a bare date ("Nov 18") may head a timeline's entry
 * as well as date a link. */
static int
card_stamp(const struct bp_judge *j, size_t i)
{
	const struct para *p = &j->p[i];

	return i < j->n && p->why == BP_KEEP && p->m_any >= 0 &&
	    j->rs->rules[p->m_any].card;
}

/*
 * A box of links to other stories that dates each one on a line of its
 * own under it (a headline, perhaps its one-line summary, then "13 hours
 * ago"): the lines between a dropped line and a stamp below it go with
 * the stamp (teaser-stamp), one or two of them, the first no longer than
 * related_max words and no sentence's end (a headline), the second no
 * longer than a summary.  A live blog stamps its entries above them and
 * writes them in sentences, so its first line ends with a stop and stays.
 */
static void
stamp_cards(struct bp_judge *j)
{
	size_t i, k, n = j->n;

	for (i = 1; i < n; i++) {
		const struct para *h;
		const char *lo;

		if (!stamped(j, i) && !card_stamp(j, i))
			continue;
		for (k = i; k-- > 0 && i - k <= 3 && kept(j, k) &&
		    !j->p[k].title;)
			;
		if (k == (size_t)-1 || i - k > 3 || i - k < 2 || kept(j, k))
			continue;
		h = &j->p[k + 1];
		lo = j->arena.p + h->norm;
		if (h->words > j->rs->related_max || h->nlen == 0 ||
		    lo[h->nlen - 1] == '.' || (i - k == 3 &&
		    j->p[k + 2].words > CARD_MAX))
			continue;
		while (++k < i)
			drop(&j->p[k], BP_RELATED, "teaser-stamp");
		if (card_stamp(j, i))
			drop(&j->p[i], j->rs->rules[j->p[i].m_any].why,
			    j->rs->rules[j->p[i].m_any].name);
	}
}

/* Does paragraph p open with a digit?  In the tail a short such line may
 * be an item of a numbered list ("3 (4) Oak Park" in a ranking): the sweep
 * stops there.  (Asking whether a neighbour opens with one too would make
 * the verdict depend on which neighbours are dropped, and a second judging
 * sees fewer.) */
static int
digit_start(const struct bp_judge *j, const struct para *p)
{
	unsigned char c = (unsigned char)j->arena.p[p->norm];

	return p->nlen > 0 && c >= '0' && c <= '9';
}

/* A line that reads as a label, not a sentence: no sentence ending, no
 * colon (a colon introduces what follows), no list item, not a quote. */
static int
label_like(const struct bp_judge *j, size_t i)
{
	const struct para *p = &j->p[i];

	return !p->term && !p->colon && !p->list && !p->quote;
}

/* A headline that opens on a quote and goes on after a colon, with no
 * sentence ending: "'It was terrifying': Residents describe the flood".
 * A quote paragraph ends as a sentence or with its closing quote. */
static int
quote_headline(const struct bp_judge *j, const struct para *p)
{
	const char *lo = j->arena.p + p->norm;
	size_t k;

	if (!p->quote || p->term || p->endq || p->colon || p->list)
		return 0;
	for (k = 1; k + 2 < p->nlen; k++)
		if ((lo[k] == '"' || lo[k] == '\'') && lo[k + 1] == ':' &&
		    lo[k + 2] == ' ')
			return 1;
	return 0;
}

/*
 * After the last body paragraph nothing is the article's but sentences:
 * headlines with no sentence in them link to other stories (tail
 * headlines), a short question is a teaser's headline, and lines of one to
 * three words are menus, tags, names and credits (tail_short).  The sweep
 * from the end stops at the first kept paragraph that is none of these:
 * the rule that takes p[i], its kind in *why, or NULL there.
 */
static const char *
tail_kind(const struct bp_judge *j, size_t i, enum bp_why *why)
{
	const struct bp_rules *rs = j->rs;
	const struct para *p = &j->p[i];
	const char *lo = j->arena.p + p->norm;

	*why = BP_RELATED;
	if (p->title || p->words > rs->related_max)
		return NULL;
	if (rs->det_tailshort && p->words < 4 && label_like(j, i) &&
	    !digit_start(j, p)) {
		*why = BP_NAV;
		return "tail-short";
	}
	if (p->words >= 4 && (label_like(j, i) || quote_headline(j, p)))
		return "tail-headline";
	if (rs->det_tailshort && p->words >= 3 && !p->quote &&
	    lo[p->nlen - 1] == '?')
		return "tail-question";
	return NULL;
}

#define INTRO_MIN 5	/* words of a line that introduces a list */

static void
tail_headlines(struct bp_judge *j, size_t last)
{
	size_t i, keep = 0;
	enum bp_why why;

	if (last >= j->n)
		return;
	for (i = j->n; i-- > last + 1;)
		if (j->p[i].why == BP_KEEP && tail_kind(j, i, &why) == NULL)
			break;
	/* the sweep stops at a sentence that introduces a list with a
	 * colon ("The winners are:"), and the article runs on to it with
	 * nothing dropped: the lines right under it are its items, up to
	 * the first dropped line, and stay */
	if (i > last && j->p[i].colon && !j->p[i].title &&
	    j->p[i].words >= INTRO_MIN) {
		for (keep = last + 1; keep < i && j->p[keep].why == BP_KEEP;)
			keep++;
		if (keep == i)
			while (++keep < j->n && j->p[keep].why == BP_KEEP)
				;
		else
			keep = 0;
	}
	for (i = j->n; i-- > keep && i > last;) {
		struct para *p = &j->p[i];
		const char *r;

		if (p->why != BP_KEEP)
			continue;
		if ((r = tail_kind(j, i, &why)) == NULL)
			break;
		drop(p, why, r);
	}
}

#define THREAD_MIN 2	/* comments that make a thread */
#define SAYS_MAX 6	/* words of a commenter's line, its number too */
#define STAMP_MAX 8	/* words of the time stamp under it */

/* A reader's comment opens on two lines: "NAME says:" (perhaps numbered)
 * and a time stamp, "March 3, 2021 at 9:15 pm".  A story's "The
 * mayor says:" has its quote under it, not a time of day. */
static int
comment_head(const struct bp_judge *j, size_t i)
{
	const struct para *p = &j->p[i], *q;
	const char *lo;
	size_t n, k, digit = 0;

	if (i + 1 >= j->n || p->words > SAYS_MAX || p->nlen < 7)
		return 0;
	lo = j->arena.p + p->norm;
	if (memcmp(lo + p->nlen - 6, " says:", 6) != 0)
		return 0;
	q = &j->p[i + 1];
	lo = j->arena.p + q->norm;
	n = q->nlen;
	if (q->words > STAMP_MAX || n < 8 || (memcmp(lo + n - 3, " am", 3) &&
	    memcmp(lo + n - 3, " pm", 3) && memcmp(lo + n - 5, " a.m.", 5) &&
	    memcmp(lo + n - 5, " p.m.", 5)))
		return 0;
	for (k = 0; k < n; k++)
		digit += lo[k] >= '0' && lo[k] <= '9';
	return digit >= 3 && memmem(lo, n, " at ", 4) != NULL;
}

/*
 * Readers' comments under a blog's post: THREAD_MIN or more comments,
 * each opened by comment_head(), go with the lines between them and the
 * text of the last one, up to the next dropped line.  Their text reads
 * as sentences, so no rule of the edges reaches it.
 */
static void
comment_thread(struct bp_judge *j)
{
	size_t i, k, first = j->n, last = j->n, heads = 0;

	for (i = 0; i + 1 < j->n; i++)
		if (j->p[i].colon && j->p[i].why == BP_KEEP &&
		    !j->p[i].title && comment_head(j, i)) {
			if (heads++ == 0)
				first = i;
			last = i;
		}
	if (heads < THREAD_MIN)
		return;
	for (k = last + 2; k < j->n && j->p[k].why == BP_KEEP; k++)
		;
	for (i = first; i < k; i++)
		if (j->p[i].why == BP_KEEP && !j->p[i].title)
			drop(&j->p[i], BP_SHARE, "comment-thread");
}

#define LINKS_MIN 2	/* items in a list of links to other stories */
#define LINK_WORDS 4	/* words of an item after its bullet, at least */
#define LINKS_AVG 6	/* and on average */

/* Is p an item under a bullet, not a number? */
static int
bulleted(const struct bp_judge *j, const struct para *p)
{
	const char *lo = j->arena.p + p->norm;

	return p->list && !(lo[0] >= '0' && lo[0] <= '9');
}

/* Is paragraph p an item under a bullet ("* ", "- ", "\u2022 ") that reads
 * as a headline in title case: LINK_WORDS to related_max words, no stop or
 * colon at its end, every word of four letters or more capitalised but one
 * (a site may keep "with" or "from" small)?  Returns its words, or 0. */
static size_t
link_item(const struct bp_judge *j, const struct para *p)
{
	const char *ca = j->arena.p + p->ca;
	size_t k, b, low = 0, caps = 0;
	unsigned char c;

	if (!bulleted(j, p) || p->words < LINK_WORDS + 1 ||
	    p->words > j->rs->related_max + 1)
		return 0;
	b = (unsigned char)ca[0] == 0xe2 ? 4 : 2;
	c = (unsigned char)ca[p->nlen - 1];
	if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
	    c == ',')
		return 0;
	for (k = b; k < p->nlen; k++) {
		size_t e;

		if (k > b && ca[k - 1] != ' ')
			continue;
		for (e = k; e < p->nlen && ca[e] != ' '; e++)
			;
		if (is_upper((unsigned char)ca[k]) ||
		    (ca[k] >= '0' && ca[k] <= '9'))
			caps++;
		else if (is_lower((unsigned char)ca[k]) && e - k >= 4 &&
		    ++low > 1)
			return 0;
	}
	return caps >= 3 ? p->words - 1 : 0;
}

/*
 * A run of LINKS_MIN or more bulleted headlines in title case, LINKS_AVG
 * words long on average, links to other stories that a page sets inside
 * or under an article ("* Ten Rivers That Changed Course", "* Mayor
 * Unveils Plan for Night Ferries").  A bulleted list of the article's own
 * (steps, facts, names) ends its items with a stop, writes them as
 * sentences or is shorter; the whole run must read so.
 */
static int
link_lists(struct bp_judge *j)
{
	size_t i, k, n = j->n, items, words, w;
	int dropped = 0;

	/* runs of kept paragraphs: what is dropped already is not there,
	 * as for a second judging of what is kept */
	for (i = 0; i < n; i = k) {
		if (!kept(j, i) || !j->p[i].list) {
			k = i + 1;
			continue;
		}
		items = words = 0;
		for (k = i; k < n; k++) {
			if (!kept(j, k))
				continue;
			if (!j->p[k].list)
				break;
			if ((w = link_item(j, &j->p[k])) == 0) {
				items = 0;	/* the whole run, or none */
				break;
			}
			items++;
			words += w;
		}
		if (items >= LINKS_MIN && words >= LINKS_AVG * items)
			for (; i < k; i++)
				if (kept(j, i)) {
					drop(&j->p[i], BP_RELATED, "link-list");
					dropped = 1;
				}
		/* past the run's other items */
		while (k < n && (!kept(j, k) || j->p[k].list))
			k++;
	}
	return dropped;
}

/*
 * Boxes of links to other stories above or below an article, told by the
 * shape of a run of lines rather than by any one of them.  Each kept
 * paragraph gets a shape once: a short line (a byline, a date, a menu's
 * entry, a kicker), a headline (no sentence's end, at most title_max
 * words; a bulleted one too), a line that ends on a colon, a bulleted
 * line that ends a sentence, or prose.
 */
enum { SH_SHORT, SH_HEAD, SH_COLON, SH_LIST, SH_PROSE };

static unsigned char
shape(const struct bp_judge *j, const struct para *p)
{
	const char *lo = j->arena.p + p->norm;
	size_t w = p->words, b = 0;
	int quote = p->quote;

	if (bulleted(j, p)) {
		b = (unsigned char)lo[0] == 0xe2 ? 3 : 1;
		while (b < p->nlen && lo[b] == ' ')
			b++;
		if (w > 0)
			w--;
		quote = b < p->nlen && (lo[b] == '"' || lo[b] == '\'');
	}
	if (b >= p->nlen)
		return SH_SHORT;
	if (p->colon)
		return SH_COLON;
	if (w <= j->rs->short_max && (!p->term || (quote && p->endq)))
		return SH_SHORT;
	if (!p->term && w <= j->rs->title_max)
		return SH_HEAD;
	return b > 0 ? SH_LIST : SH_PROSE;
}

/* Is prose paragraph p a teaser's summary, one sentence of at most
 * CARD_MAX words?  Asked of few lines: it reads the whole line. */
static int
teaser(const struct bp_judge *j, const struct para *p)
{
	const char *lo = j->arena.p + p->norm;
	size_t k;

	if (p->words > CARD_MAX)
		return 0;
	/* a second sentence: a stop, perhaps a closing quote or bracket,
	 * then a space */
	for (k = 1; k + 1 < p->nlen; k++)
		if ((lo[k] == '.' || lo[k] == '?' || lo[k] == '!') &&
		    (lo[k + 1] == ' ' || (k + 2 < p->nlen && lo[k + 2] == ' ' &&
		    (lo[k + 1] == '"' || lo[k + 1] == '\'' || lo[k + 1] == ')'))))
			return 0;
	return 1;
}

#define BOX_HEADS 3	/* headlines in a box of links, at least */
#define BOX_SKIP 2	/* short lines between a card's headline and summary */

/* Is kept paragraph x (of the m in k) prose next to prose: the article's
 * text, where a box's summary stands alone between headlines? */
static int
dense(const struct bp_judge *j, const size_t *k, size_t m, size_t x)
{
	return j->p[k[x]].shape == SH_PROSE &&
	    ((x > 0 && j->p[k[x - 1]].shape == SH_PROSE) ||
	    (x + 1 < m && j->p[k[x + 1]].shape == SH_PROSE));
}

/* Do headlines a and b open on the same word (or both on a digit), as
 * the items of a list do ("June 9 - ...", "June 12 - ...")? */
static int
list_pair(const struct bp_judge *j, size_t a, size_t b)
{
	const struct para *p = &j->p[a], *q = &j->p[b];
	const char *x = j->arena.p + p->norm, *y = j->arena.p + q->norm;
	size_t i, u = 0, v = 0;

	if (p->shape != SH_HEAD || q->shape != SH_HEAD)
		return 0;
	if (bulleted(j, p))
		while (u < p->nlen && x[u] != ' ')
			u++;
	if (bulleted(j, q))
		while (v < q->nlen && y[v] != ' ')
			v++;
	while (u < p->nlen && x[u] == ' ')
		u++;
	while (v < q->nlen && y[v] == ' ')
		v++;
	if (u >= p->nlen || v >= q->nlen)
		return 0;
	if (x[u] >= '0' && x[u] <= '9')
		return y[v] >= '0' && y[v] <= '9';
	for (i = 0; u + i < p->nlen && v + i < q->nlen; i++) {
		if (x[u + i] != y[v + i])
			return 0;
		if (x[u + i] == ' ')
			return 1;
	}
	return (u + i == p->nlen || x[u + i] == ' ') &&
	    (v + i == q->nlen || y[v + i] == ' ');
}

/* Is kept paragraph x under a card's headline: a headline above it,
 * perhaps a byline or a date or two between? */
static int
card_at(const struct bp_judge *j, const size_t *k, size_t x)
{
	size_t s = 0;

	while (x-- > 0) {
		unsigned char sh = j->p[k[x]].shape;

		if (sh == SH_HEAD)
			return 1;
		if (sh != SH_SHORT || ++s > BOX_SKIP)
			return 0;
	}
	return 0;
}

/* Drop paragraph i of a box: by the rule of the tail (tail) or of the
 * head that names it, as the sweeps of the edges would, else as a link
 * (a headline or its summary) or a menu's line. */
static int
box_drop(struct bp_judge *j, size_t i, int tail)
{
	const struct bp_rules *rs = j->rs;
	struct para *p = edges(j, i, EDGE | (tail ? TAIL : HEAD));
	int r = tail && p->m_tail >= 0 ? p->m_tail : p->m_edge >= 0 ?
	    p->m_edge : !tail && p->m_head >= 0 ? p->m_head : -1;

	if (r >= 0)
		drop(p, rs->rules[r].why, rs->rules[r].name);
	else
		drop(p, p->shape == SH_HEAD || p->shape == SH_PROSE ?
		    BP_RELATED : BP_NAV, "link-box");
	p->title = 0;
	return 1;
}

/*
 * A box of links is a run of kept lines with no prose next to prose in
 * it (the article's text is that), from the start of the document to
 * the article or from the article to the end, with BOX_HEADS headlines or
 * more.  Below the article, its prose lines must be cards, most of them
 * (a headline above each, perhaps a byline or a date between: a box's
 * summary), it must hold a bulleted line or two lines of no prose in a
 * row, which an article's subheads over a paragraph each never make, and
 * a run of headlines that open on the same word is the article's list
 * (tour dates), where the box stops; a line that ends on a colon or a
 * bulleted sentence stops it too.  Above it, the box stops at
 * the first prose that is no teaser's summary, and only what stands above
 * the last headline before the article goes (that headline is the
 * article's).  Only kept lines are looked at, as a second judging sees
 * them, and a box once gone leaves the article's first or last prose
 * where it was.  Asked once place() has dropped what it drops, so that a
 * list header's items and teaser cards go by their own names first and
 * do not stand as headlines above prose that follows them.  Returns
 * whether any line went.
 */
static int
link_boxes(struct bp_judge *j)
{
	size_t n = j->n, m = 0, i, a, h, heads = 0, cards = 0, prose = 0;
	size_t *k;
	int any = 0, marked = 0;

	if (j->kcap < n) {
		j->kv = xreallocarray(j->kv, n, sizeof(*j->kv));
		j->kcap = n;
	}
	k = j->kv;
	for (i = 0; i < n; i++)
		if (kept(j, i))
			k[m++] = i;
	/* below the article */
	for (a = m; a-- > 0;) {
		unsigned char sh = j->p[k[a]].shape;

		if (sh == SH_COLON || sh == SH_LIST || dense(j, k, m, a) ||
		    (a + 1 < m && list_pair(j, k[a], k[a + 1])))
			break;
		heads += sh == SH_HEAD;
		/* a box's mark: a bulleted line, or two lines that are no
		 * prose in a row (headlines, a byline, a date); an article's
		 * subheads each over one paragraph have neither */
		marked |= bulleted(j, &j->p[k[a]]) || (sh != SH_PROSE &&
		    a + 1 < m && j->p[k[a + 1]].shape != SH_PROSE);
		if (sh == SH_PROSE) {
			prose++;
			cards += card_at(j, k, a) &&
			    j->p[k[a]].words <= CARD_MAX;
		}
	}
	if (a != (size_t)-1 && dense(j, k, m, a) && heads >= BOX_HEADS &&
	    marked && cards > 0 && cards >= 2 * (prose - cards))
		for (i = a + 1; i < m; i++)
			any |= box_drop(j, k[i], 1);
	/* above it */
	for (a = 0; a < m; a++) {
		const struct para *p = &j->p[k[a]];

		if (p->shape == SH_COLON || dense(j, k, m, a) ||
		    (p->shape == SH_PROSE && !teaser(j, p)) ||
		    (a > 0 && !bulleted(j, p) && list_pair(j, k[a - 1], k[a])))
			break;
	}
	if (a == m || !dense(j, k, m, a))
		return any;
	for (h = a; h-- > 0;)
		if (j->p[k[h]].shape == SH_HEAD && !bulleted(j, &j->p[k[h]]))
			break;
	if (h == (size_t)-1)
		return any;
	for (i = 0, heads = 0; i < h; i++)
		heads += j->p[k[i]].shape == SH_HEAD;
	if (heads >= BOX_HEADS)
		for (i = 0; i < h; i++)
			any |= box_drop(j, k[i], 0);
	return any;
}

/* Does no word of paragraph p open with a lower-case letter?  Menus and
 * names are capitalised word by word; a standfirst is written as prose. */
static int
capitalised(const struct bp_judge *j, const struct para *p)
{
	const char *ca = j->arena.p + p->ca;
	size_t k;

	for (k = 0; k < p->nlen; k++)
		if ((k == 0 || ca[k - 1] == ' ') && is_lower((unsigned char)ca[k]))
			return 0;
	return 1;
}

/*
 * Between the headline and the first body paragraph, a line that reads as
 * a label is a section name, a date, a byline, a reading time or a menu
 * when it has at most short_max words, or at most related_max words none
 * of which opens in lower case (head_short).
 */
static void
head_short(struct bp_judge *j, size_t title, size_t first)
{
	const struct bp_rules *rs = j->rs;
	size_t i;

	if (first >= j->n)
		return;
	for (i = title == j->n ? 0 : title + 1; i < first; i++) {
		struct para *p = &j->p[i];

		if (!kept(j, i) || p->title || !label_like(j, i))
			continue;
		if (p->words <= rs->short_max)
			drop(p, BP_NAV, "head-short");
		else if (p->words <= rs->related_max && capitalised(j, p))
			drop(p, BP_NAV, "head-menu");
	}
}

/* Does paragraph p, kept and first of those kept, read like a headline
 * (short, no closing period)?  A bulleted line is an item of a menu or a
 * box: no site sets its headline under a bullet. */
static int
headline(const struct bp_judge *j, const struct para *p)
{
	const char *lo = j->arena.p + p->norm;

	if (bulleted(j, p))
		return 0;
	return p->words <= j->rs->title_max && lo[p->nlen - 1] != '.' &&
	    !p->colon;
}

/*
 * The same line twice or more in one document, not as a sentence: menus
 * and link boxes above and below the article (repeated).  Only the copies
 * outside the article's bounds go: inside, a subhead may repeat an entry
 * of a table of contents.  Lines are compared by a hash of their
 * normalised text and then byte for byte; the headline counts as a copy
 * but stays.
 */
struct rep {
	uint64_t h;
	size_t i;
};

static int
rep_cmp(const void *a, const void *b)
{
	const struct rep *x = a, *y = b;

	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

static void
repeated(struct bp_judge *j, size_t first, size_t last)
{
	struct rep *r;
	size_t i, k, m = 0, n = j->n;

	if (first >= n)
		return;
	for (i = 0; i < n; i++)
		if (kept(j, i) && j->p[i].words <= j->rs->related_max &&
		    label_like(j, i))
			m++;
	if (m < 2)
		return;
	r = xreallocarray(NULL, m, sizeof(*r));
	for (i = 0, m = 0; i < n; i++) {
		const struct para *p = &j->p[i];
		const unsigned char *s =
		    (const unsigned char *)j->arena.p + p->norm;
		uint64_t h = 0xcbf29ce484222325ULL;	/* FNV-1a */

		if (!kept(j, i) || p->words > j->rs->related_max ||
		    !label_like(j, i))
			continue;
		for (k = 0; k < p->nlen; k++)
			h = (h ^ s[k]) * 0x100000001b3ULL;
		r[m].h = h;
		r[m++].i = i;
	}
	qsort(r, m, sizeof(*r), rep_cmp);
	for (i = 0; i < m; i = k) {
		const struct para *p = &j->p[r[i].i];
		int same = 0;

		for (k = i + 1; k < m && r[k].h == r[i].h; k++) {
			const struct para *q = &j->p[r[k].i];

			if (q->nlen == p->nlen && memcmp(j->arena.p + q->norm,
			    j->arena.p + p->norm, p->nlen) == 0)
				same = 1;
		}
		if (!same)	/* a hash collision alone drops nothing */
			continue;
		for (size_t t = i; t < k; t++) {
			struct para *q = &j->p[r[t].i];

			if (!q->title && (r[t].i < first || r[t].i > last) &&
			    q->nlen == p->nlen &&
			    memcmp(j->arena.p + q->norm, j->arena.p + p->norm,
			    p->nlen) == 0)
				drop(q, BP_NAV, "repeated");
		}
	}
	free(r);
}

/* A teaser's summary: one sentence, not a quote, at most CARD_MAX words. */
static int
summary(const struct bp_judge *j, const struct para *p)
{
	const char *lo = j->arena.p + p->norm;
	size_t k;

	if (!p->sent || p->quote || p->words > CARD_MAX)
		return 0;
	for (k = 1; k + 1 < p->nlen; k++)
		if ((lo[k] == '.' || lo[k] == '?' || lo[k] == '!') &&
		    lo[k + 1] == ' ')
			return 0;
	return 1;
}

/*
 * Teaser cards under a list header ("More from Local"): a headline, then
 * a sentence that sums up the story, then the next headline, and so on.
 * The headlines before k were taken; from k, headlines and summaries, a
 * summary only right after a headline, are cards when the run reaches
 * the end of the document or a dropped paragraph (a footer) with two
 * summaries or more in it: an article that goes on after a list of links
 * soon has a paragraph of two sentences, a quote or a longer one, and
 * keeps it all, and its last paragraph alone under the list, before its
 * end matter, stays too (teaser_cards).  Returns the end of the run, or
 * k.
 */
static size_t
cards(const struct bp_judge *j, size_t k)
{
	size_t e, sums = 0;

	if (!label_like(j, k - 1))
		return k;
	for (e = k; kept(j, e) && !j->p[e].title; e++) {
		const struct para *p = &j->p[e];

		if (label_like(j, e) && p->words <= j->rs->related_max)
			continue;
		if (!label_like(j, e - 1) || !summary(j, p))
			break;
		sums++;
	}
	return sums >= 2 && (e == j->n || dropped(j, e)) ? e : k;
}

#define LABELS_MAX 4	/* section labels looked through for a headline */
#define MENU_MAX 16	/* and lines of a menu above it */

/* Among the kept lines i..k, some that a rule of the edges names and one
 * that none does, a short headline?  Were they all named, the first would
 * be the headline still ("Will the Bridge Close For Good...?" matches a
 * teaser's rule). */
static int
named_above(struct bp_judge *j, size_t i, size_t k)
{
	int named = 0, other = 0;

	for (; i < k; i++)
		if (j->p[i].why == BP_KEEP) {
			if (edges(j, i, EDGE)->m_edge >= 0)
				named = 1;
			else
				other = 1;
		}
	return named && other;
}

/*
 * The headline: the first paragraph that survived, if it reads like one.
 * Section labels may stand above it ("World", "Europe"): lines of one to
 * three words that read as labels, followed by a headline of at least four
 * words, go (section_label).  Returns the headline's index, or n.
 */
static size_t
find_title(struct bp_judge *j)
{
	size_t i, k, n = j->n, labels = 0, items = 0;

	for (i = 0; i < n && j->p[i].why != BP_KEEP; i++)
		;
	if (i == n)
		return n;
	/* Above the headline: section labels, and lines that a rule of the
	 * edges names (a menu, a byline, a date), any number of them up to
	 * a page's menu; were the first taken for the headline, the headline
	 * could go as a label under it.  The labels go when a headline of
	 * four words or more follows; the lines the rules name also when a
	 * short headline and the article do (named_above()), and the
	 * headline is the first line left. */
	if (j->rs->det_seclabel) {
		for (k = i; k < n && labels < MENU_MAX; k++)
			if (j->p[k].why != BP_KEEP)
				continue;
			else if ((j->p[k].words < 4 && label_like(j, k) &&
			    labels < LABELS_MAX) || edges(j, k, EDGE)->m_edge >= 0)
				labels++;
			else if (bulleted(j, &j->p[k]))
				labels++, items++;
			else
				break;
		/* Under a menu's items a line of short_max words or fewer is
		 * one more entry of it ("Expand / Collapse search"). */
		if (labels > 0 && k < n && j->p[k].why == BP_KEEP &&
		    j->p[k].words >= (items ? j->rs->short_max + 1 : 4) &&
		    headline(j, &j->p[k]) && !j->p[k].term) {
			for (; i < k; i++)
				if (j->p[i].why == BP_KEEP) {
					const struct para *q = &j->p[i];
					int r = q->m_edge;

					drop(&j->p[i], r >= 0 ?
					    j->rs->rules[r].why : BP_NAV,
					    r >= 0 ? j->rs->rules[r].name :
					    "section-label");
					j->p[i].title = 0;
				}
		} else if (labels > 0 && k < n && j->p[k].why == BP_KEEP &&
		    j->p[k].term && j->p[k].words >= j->rs->body_min &&
		    named_above(j, i, k)) {
			for (; i < k; i++)
				if (j->p[i].why == BP_KEEP &&
				    edges(j, i, EDGE)->m_edge >= 0) {
					int r = j->p[i].m_edge;

					drop(&j->p[i], j->rs->rules[r].why,
					    j->rs->rules[r].name);
					j->p[i].title = 0;
				}
			for (i = 0; i < n && j->p[i].why != BP_KEEP; i++)
				;
		}
	}
	if (!headline(j, &j->p[i]))
		return n;
	j->p[i].title = 1;
	return i;
}

static int
body_like(const struct bp_judge *j, const struct para *p)
{
	return p->why == BP_KEEP && !p->title && p->words >= j->rs->body_min &&
	    p->term;
}

#define ISLAND_GAP 6	/* dropped lines between body paragraphs */
#define ISLAND_MAX 2	/* body paragraphs after them, at most */
#define ISLAND_MAIN 3	/* body paragraphs before them, at least */

/* A body paragraph that no rule of the edges or the tail matches. */
static int
bodyp(struct bp_judge *j, size_t i)
{
	return body_like(j, &j->p[i]) && edges(j, i, EDGE | TAIL)->m_edge < 0 &&
	    j->p[i].m_tail < 0;
}

/* Is why a kind of drop that gathers after an article?  Captions, embeds,
 * ads and pull quotes come in runs inside one too (a gallery, a thread of
 * posts). */
static int
end_matter(enum bp_why why)
{
	return why != BP_KEEP && why != BP_CAPTION && why != BP_EMBED &&
	    why != BP_AD && why != BP_PULLQUOTE;
}

/* Is paragraph i end matter for island(): dropped as such, or kept only
 * because a rule of the edges or the tail that names end matter does not
 * apply inside the article (a menu line in a page's footer, when a blurb
 * below it made the footer look like part of the article)?  Returns the
 * kind, or BP_KEEP when it is not. */
static enum bp_why
gap_line(struct bp_judge *j, size_t i)
{
	const struct bp_rules *rs = j->rs;
	struct para *p = &j->p[i];

	if (p->why != BP_KEEP)
		return end_matter(p->why) ? p->why : BP_KEEP;
	if (p->title || body_like(j, p))
		return BP_KEEP;
	edges(j, i, EDGE | TAIL);
	if (p->m_edge >= 0 && end_matter(rs->rules[p->m_edge].why))
		return rs->rules[p->m_edge].why;
	if (p->m_tail >= 0 && end_matter(rs->rules[p->m_tail].why))
		return rs->rules[p->m_tail].why;
	return BP_KEEP;
}

/* Does a line of this kind close a page, rather than fill a box that an
 * article carries in its middle (a list of links, a sign-up form, a
 * promotion) and goes on after? */
static int
closing(enum bp_why why)
{
	return why != BP_KEEP && why != BP_RELATED && why != BP_NEWSLETTER &&
	    why != BP_PROMO;
}

/*
 * The article's last body paragraph, last or earlier: one or two body
 * paragraphs after ISLAND_GAP lines of end matter (menus, links, share
 * bars: gap_line()) with no body paragraph among them, at the end of a
 * longer article, are end matter that no rule names (tail_island): an
 * author's note, a partner's blurb, a comment.  Other kept lines do not
 * count: a recipe's ingredients are short lines between its story and its
 * method.  Nor does a gap of boxes alone, links, sign-up prompts and
 * promotions: an article carries those in its middle and goes on after
 * them; a page's end has a line of another kind too (a share bar, a
 * copyright, a credit, a menu).  A second judging sees the first one's
 * kept lines and none of its drops, so its gaps are no longer and it
 * finds no island where the first found none.
 */
static size_t
island(struct bp_judge *j, size_t first, size_t last)
{
	size_t i, gap = 0, after = 1, before = 0;
	int ends = 0;

	/* most articles have no such run at all: ask no rule then */
	for (i = first; i < last && gap < ISLAND_GAP; i++)
		gap += end_matter(j->p[i].why) || (j->p[i].why == BP_KEEP &&
		    !j->p[i].title && !body_like(j, &j->p[i]));
	if (gap < ISLAND_GAP)
		return last;
	gap = 0;
	for (i = last; i-- > first;) {
		if (!bodyp(j, i)) {
			enum bp_why w = gap_line(j, i);

			gap += w != BP_KEEP;
			ends |= closing(w);
			continue;
		}
		if (gap >= ISLAND_GAP && ends)
			break;
		if (++after > ISLAND_MAX)
			return last;
		gap = 0;
		ends = 0;
	}
	if (i == (size_t)-1 || i < first)
		return last;
	for (size_t k = first; k <= i && before < ISLAND_MAIN; k++)
		before += bodyp(j, k);
	return before >= ISLAND_MAIN ? i : last;
}

/* Is paragraph i, no body paragraph, named by a rule that closes a page
 * (a copyright, a tag list, a comment form)? */
static int
closer(struct bp_judge *j, size_t i)
{
	const struct bp_rules *rs = j->rs;
	struct para *p = &j->p[i];

	if (p->title || body_like(j, p))
		return 0;
	if (p->m_any >= 0 && rs->rules[p->m_any].closes)
		return 1;
	if (p->why != BP_KEEP)
		return 0;
	edges(j, i, EDGE | TAIL);
	return (p->m_edge >= 0 && rs->rules[p->m_edge].closes) ||
	    (p->m_tail >= 0 && rs->rules[p->m_tail].closes);
}

#define ISLAND_LIST 3	/* lines of a list that runs on from the article */
#define LIST_WORDS 4	/* words in each of them, at least */

/* Is line k where end matter starts, for list_end(): a line of end
 * matter (gap_line()) or one that closes a page (closer())? */
static int
ends_at(struct bp_judge *j, size_t k)
{
	return gap_line(j, k) != BP_KEEP || closer(j, k);
}

/* Do paragraphs a and b open alike, as items of one list do: both on a
 * digit, both on a letter, or both on the same other byte (a bullet)? */
static int
same_open(const struct bp_judge *j, size_t a, size_t b)
{
	unsigned char x = (unsigned char)j->arena.p[j->p[a].norm];
	unsigned char y = (unsigned char)j->arena.p[j->p[b].norm];
	int dx = x >= '0' && x <= '9', dy = y >= '0' && y <= '9';
	int ax = (x >= 'a' && x <= 'z') || x >= 0x80;
	int ay = (y >= 'a' && y <= 'z') || y >= 0x80;

	if (j->p[a].nlen == 0 || j->p[b].nlen == 0)
		return 0;
	return dx ? dy : ax ? ay : x == y;
}

/*
 * Where the article ends, given its last body paragraph i (after island()
 * and closed()): after its own list, when ISLAND_LIST or more kept lines
 * of LIST_WORDS words or more run on from i before any end matter (a
 * tour's dates, a schedule, results: no sentences, so no body paragraphs
 * among them), and i closes ISLAND_MAIN body paragraphs with no end
 * matter among them.  Else a cut after i took the list as end matter, and
 * a line dropped far below could move the cut up to it.  A short line
 * ends the list as end matter does (a menu's "Home" makes none): a second
 * judging sees no end matter, and its list must hold the first one's;
 * only the list's last item may be short, when end matter or the end
 * follows it.  A paragraph after end matter is an island itself, and so
 * are the lines that follow it.
 */
static size_t
list_end(struct bp_judge *j, size_t i, size_t first)
{
	size_t k, end = i, run = 0;

	for (k = i + 1; k < j->n && !ends_at(j, k); k++) {
		if (!kept(j, k))
			continue;
		if (j->p[k].title)
			break;
		if (j->p[k].words < LIST_WORDS) {
			/* the list's last item may be short ("June 24,
			 * Oxley"): two words or more, opening as the item
			 * above it does, with end matter or the end after */
			size_t m = k + 1;

			while (m < j->n && !kept(j, m) && !ends_at(j, m))
				m++;
			if (run >= ISLAND_LIST && j->p[k].words >= 2 &&
			    same_open(j, end, k) &&
			    (m == j->n || ends_at(j, m)))
				end = k;
			break;
		}
		end = k;
		run++;
	}
	if (run < ISLAND_LIST)
		return i;
	for (k = i + 1, run = 0; k-- > first && run < ISLAND_MAIN;) {
		if (ends_at(j, k))
			return i;
		run += bodyp(j, k);
	}
	return run >= ISLAND_MAIN ? end : i;
}

/*
 * The article's last body paragraph, last or earlier: one or two body
 * paragraphs after a line that closes a page (closer()), at the end of an
 * article of three or more, are end matter no rule names: an author's
 * note under the tags, a publisher's blurb under the copyright.  Only the
 * last ISLAND_MAX body paragraphs are looked behind, so an article that
 * goes on after a closing line stays.
 */
static size_t
closed(struct bp_judge *j, size_t first, size_t last)
{
	size_t i, k, after = 0, before = 0;
	int shut = 0;

	/* body_like() before bodyp(): most documents have no closing line,
	 * and need no rule asked about their last paragraphs */
	for (i = last + 1; i-- > first;) {
		if (!body_like(j, &j->p[i])) {
			shut |= closer(j, i);
			continue;
		}
		if (shut && bodyp(j, i))
			break;
		if (!shut && ++after > ISLAND_MAX)
			return last;
	}
	if (!shut || i == (size_t)-1 || i < first)
		return last;
	for (k = first; k <= i && before < ISLAND_MAIN; k++)
		before += bodyp(j, k);
	return before >= ISLAND_MAIN ? i : last;
}

/*
 * The article's bounds among the paragraphs kept so far: the first and last
 * body paragraphs (body_like, matching no rule of the edges or tail), or n
 * when there is none.  Sets the body flags: body_like within the bounds.
 */
static void
bounds(struct bp_judge *j, size_t *firstp, size_t *lastp)
{
	size_t i, n = j->n, first = n, last = n;

	for (i = 0; i < n && first == n; i++)
		if (bodyp(j, i))
			first = i;
	for (i = n; i-- > first && last == n;)
		if (bodyp(j, i))
			last = i;
	if (j->rs->det_island && last < n)
		last = list_end(j, closed(j, first, island(j, first, last)),
		    first);
	for (i = 0; i < n; i++)
		j->p[i].body = i >= first && i <= last && body_like(j, &j->p[i]);
	*firstp = first;
	*lastp = last;
}

/*
 * The steps that judge a paragraph by where it is: within the bounds
 * (title, first, last), or next to a drop.  Each only drops.
 */
static void
place(struct bp_judge *j, size_t title, size_t first, size_t last)
{
	const struct bp_rules *rs = j->rs;
	size_t i, n = j->n;

	/* Sweep the tail: after the last body paragraph, end matter rules
	 * apply, and so do the rules of the edges. */
	for (i = n; i-- > 0 && (last == n || i > last);) {
		struct para *p = &j->p[i];

		if (p->why != BP_KEEP || p->title)
			continue;
		edges(j, i, EDGE | TAIL);
		if (p->m_tail >= 0)
			drop(p, rs->rules[p->m_tail].why,
			    rs->rules[p->m_tail].name);
		else if (p->m_edge >= 0)
			drop(p, rs->rules[p->m_edge].why,
			    rs->rules[p->m_edge].name);
	}
	/* What is left of an island after the article (see island()): its
	 * body paragraphs, and once one was found past the bounds, every line
	 * kept after the article, a short sentence or a name among them (a
	 * reader's comment signed "Linda M.", a blurb's last short line). */
	if (rs->det_island && last < n) {
		for (i = last + 1; i < n; i++)
			if (kept(j, i) && body_like(j, &j->p[i]))
				break;
		if (i < n)
			for (i = last + 1; i < n; i++)
				if (kept(j, i) && !j->p[i].title)
					drop(&j->p[i], BP_NAV, "tail-island");
	}
	/* The head, before the first body paragraph. */
	for (i = title == n ? 0 : title + 1; i < n && i < first; i++) {
		struct para *p = &j->p[i];

		if (p->why != BP_KEEP || p->title)
			continue;
		edges(j, i, EDGE | HEAD);
		if (p->m_edge >= 0)
			drop(p, rs->rules[p->m_edge].why,
			    rs->rules[p->m_edge].name);
		else if (p->m_head >= 0)
			drop(p, rs->rules[p->m_head].why,
			    rs->rules[p->m_head].name);
	}
	if (rs->det_repeated)
		repeated(j, first, last);
	if (rs->det_headshort)
		head_short(j, title, first);
	if (rs->det_tailhead)
		tail_headlines(j, last);
	/* Between body paragraphs, an edge rule needs a dropped neighbour:
	 * runs of such lines go with the drop they touch, down then up. */
	for (i = 0; i < n; i++) {
		struct para *p = &j->p[i];

		if (p->why == BP_KEEP && !p->title && i > 0 &&
		    dropped(j, i - 1) && edges(j, i, EDGE)->m_edge >= 0)
			drop(p, rs->rules[p->m_edge].why,
			    rs->rules[p->m_edge].name);
	}
	for (i = n; i-- > 0;) {
		struct para *p = &j->p[i];

		if (p->why == BP_KEEP && !p->title && dropped(j, i + 1) &&
		    edges(j, i, EDGE)->m_edge >= 0)
			drop(p, rs->rules[p->m_edge].why,
			    rs->rules[p->m_edge].name);
	}

	stamp_cards(j);
	/* A list header (Related:, Read more:) takes the headlines under it. */
	for (i = 0; i < n; i++) {
		size_t k;

		if (j->p[i].why == BP_KEEP || j->p[i].m_any < 0 ||
		    !rs->rules[j->p[i].m_any].list)
			continue;
		for (k = i + 1; k < n && !j->p[k].title; k++) {
			struct para *q = &j->p[k];
			const char *lo = j->arena.p + q->norm;

			/* a box that dates its links goes on past a date */
			if (stamped(j, k))
				continue;
			if (!kept(j, k))
				break;

			/* a line that ends on a colon introduces the
			 * article's own list: the article goes on there */
			if (q->words > rs->related_max || q->quote ||
			    (q->nlen && (lo[q->nlen - 1] == '.' ||
			    lo[q->nlen - 1] == ':')))
				break;
			drop(q, j->p[i].why, "list-item");
		}
		if (rs->det_cards && k > i + 1)
			for (size_t e = cards(j, k); k < e; k++)
				if (kept(j, k))
					drop(&j->p[k], j->p[i].why, "teaser-card");
	}

	/* Spread over the edges: short lines that are not sentences go with
	 * the end matter (menus, stray links) next to them. */
	if (rs->det_spread) {
		for (i = 0; i < n; i++)
			if (kept(j, i) && i > 0 && dropped(j, i - 1))
				goto spread;
		goto sandwich;
spread:
		for (i = 0; i < n; i++) {
			struct para *p = &j->p[i];

			if (p->why != BP_KEEP || p->title ||
			    (i >= first && i <= last) || p->words >
			    rs->short_max || p->sent || p->colon)
				continue;
			if (i > 0 && dropped(j, i - 1))
				drop(p, BP_NAV, "spread");
		}
		for (i = n; i-- > 0;) {
			struct para *p = &j->p[i];

			if (p->why != BP_KEEP || p->title ||
			    (i >= first && i <= last) || p->words >
			    rs->short_max || p->sent || p->colon)
				continue;
			if (dropped(j, i + 1))
				drop(p, BP_NAV, "spread");
		}
	}
sandwich:
	/* A short line between two dropped ones goes with them, unless it
	 * reads as a sentence, a quote or a list item, or bounds the article:
	 * the bounds are what the neighbourhoods were judged against.  After
	 * the article a question is no sentence of it: a teaser's headline
	 * ("Why is it so hot this week?") between two dropped links. */
	if (rs->det_sandwich)
		for (i = 1; i + 1 < n; i++) {
			struct para *p = &j->p[i];
			int tailq = last < n && i > last && p->nlen > 0 &&
			    j->arena.p[p->norm + p->nlen - 1] == '?';

			if (p->why != BP_KEEP || p->title || (p->sent && !tailq) ||
			    i == first || i == last ||
			    p->words > rs->sandwich_max || p->list ||
			    (p->quote && p->endq) || !dropped(j, i - 1) ||
			    !dropped(j, i + 1))
				continue;
			drop(p, j->p[i - 1].why == j->p[i + 1].why ?
			    j->p[i - 1].why : BP_NAV, "sandwich");
		}

	/* The tail again, now that the steps above dropped what they drop:
	 * a paragraph that stopped the first sweep may be gone, and a second
	 * judging, which sees only what was kept, sweeps without it.  Nothing
	 * after this looks at neighbours, so the sweep's neighbourhood is the
	 * same in both. */
	if (rs->det_tailhead)
		tail_headlines(j, last);
}

/*
 * Judge a document, in this order: the rules that apply anywhere (matched
 * as paragraphs were added); the headline; detectors that need only the
 * paragraph or a repeat of it; the body paragraphs, whose first and last
 * bound the article; then place(): the head and the tail swept with their
 * own rules; edge rules next to drops; list headers and their items; short
 * menu lines spreading from the edges; short non-sentences between two
 * drops; tail headlines once more.  Each step only drops, and only a drop
 * lets a neighbour go, so a paragraph kept here is kept when judged again,
 * provided the second judging finds the same headline and bounds among the
 * kept paragraphs.  It need not: the paragraph that bounded the article may
 * be dropped afterwards as a list item, or the first paragraph, not a
 * headline, by the head sweep, leaving one that is.  So the headline and
 * bounds are found again among what was kept, and place() runs again with
 * them until they hold.  Rounds stay few: list items are all taken in the
 * first (a new drop only ends a list), the headline changes once, and the
 * sandwich spares the bounds; were it to drop the first body paragraph,
 * every round could move it down by one, quadratic in the document.
 */
void
bp_judge(struct bp_judge *j)
{
	const struct bp_rules *rs = j->rs;
	size_t i, n = j->n, first, last, title = n, nk;

	for (i = 0; i < n; i++) {
		struct para *p = &j->p[i];

		features(p, j->arena.p + p->norm);
		p->shape = shape(j, p);
		p->cls = "body";
		p->rule = "-";
		if (p->nlen == 0) {	/* nothing but residue */
			drop(p, rs->residue_why, "residue-only");
			continue;
		}
		if (p->m_any >= 0 && !rs->rules[p->m_any].card)
			drop(p, rs->rules[p->m_any].why,
			    rs->rules[p->m_any].name);
	}

	title = find_title(j);

	/* Detectors that need no context beyond the paragraph or document. */
	for (i = 0; i < n; i++) {
		struct para *p = &j->p[i];
		const char *lo = j->arena.p + p->norm;
		const char *r;

		if (p->why != BP_KEEP || p->title)
			continue;
		if (rs->det_symbols && bp_symbols_only(lo, p->nlen))
			drop(p, BP_NAV, "symbols-only");
		else if (rs->det_credit && p->words <= rs->caption_max &&
		    ((credit_end(p, lo) && (r = bp_credit(rs, lo,
		    j->arena.p + p->ca, p->nlen)) != NULL) ||
		    /* a credit line has at most credit_max words inside
		     * its brackets, which may stand apart as two more */
		    (p->words <= rs->credit_max + 2 && (r = bp_credit_line(rs,
		    lo, j->arena.p + p->ca, p->nlen)))))
			drop(p, BP_CAPTION, r);
		else if (rs->det_label && (r = bp_caps_label(rs, lo,
		    j->arena.p + p->ca, p->nlen, p->words)) != NULL)
			drop(p, BP_RELATED, r);
		else if (rs->det_capshead && caps_headline(j, p))
			drop(p, BP_RELATED, "caps-headline");
	}
	if (rs->det_linklist)
		link_lists(j);
	if (rs->det_comments)
		comment_thread(j);
	/* A line that a rule marked above takes the line above it (a post's
	 * signature on a line of its own, its text), unless that one
	 * introduces it with a colon. */
	for (i = 1; i < n; i++) {
		struct para *p = &j->p[i], *q = &j->p[i - 1];

		if (p->m_any >= 0 && rs->rules[p->m_any].above &&
		    q->why == BP_KEEP && !q->title && q->nlen > 0 &&
		    q->words <= 60 && !q->colon)
			drop(q, p->why, "embed-text");
	}
	if (rs->det_pullquote)
		pullquotes(j);
	nk = nkept(j);

	bounds(j, &first, &last);
	for (;;) {
		size_t t = title, f, l;
		int boxed;

		place(j, title, first, last);
		/* a box of links found among what place() left: the bounds
		 * move in from it, and place() runs again, with them or not:
		 * its sweeps see what a second judging sees without the box */
		boxed = rs->det_linkbox && link_boxes(j);
		/* what a judging of the kept paragraphs alone would take for
		 * the headline and the bounds, and for the runs of links: an
		 * item that place() dropped had broken a run that a second
		 * judging sees whole; and the pull quotes, whose
		 * neighbourhood is counted in kept paragraphs */
		t = find_title(j);
		bounds(j, &f, &l);
		if (t == title && f == first && l == last) {
			int more;

			if (nkept(j) == nk)	/* none went since they looked */
				break;
			more = rs->det_linklist && link_lists(j);
			/* a drop can only take a repeat away from a pull
			 * quote, unless it brings one into its window */
			more |= rs->det_pullquote && n > PQ_WINDOW &&
			    pullquotes(j);
			more |= boxed;
			nk = nkept(j);
			if (!more)
				break;
		}
		title = t;
		first = f;
		last = l;
	}

	/* Classes of what stays, for --explain. */
	for (i = 0; i < n; i++) {
		struct para *p = &j->p[i];

		if (p->why != BP_KEEP)
			p->cls = bp_why_name[p->why];
		else if (p->title)
			p->cls = "title";
		else if (p->list)
			p->cls = "list";
		else if (p->quote && p->endq)
			p->cls = "quote";
		else if (p->body)
			p->cls = "body";
		else if (!p->term && p->words <= rs->title_max)
			p->cls = "subhead";
		else
			p->cls = "short";
	}
}

void
bp_get(const struct bp_judge *j, size_t i, struct bp_verdict *v)
{
	const struct para *p = &j->p[i];

	v->why = p->why;
	v->title = p->title;
	v->cls = p->cls;
	v->rule = p->rule;
	v->text = ptext(j, p);
	v->len = p->len;
	v->lead = p->lead;
	v->trail = p->trail;
	v->plain = !p->esc && !p->blank;
}
