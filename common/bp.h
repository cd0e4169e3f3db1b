/*
 * bp: telling an article from the boilerplate around it, strip-boilerplate(1).
 *
 * Rules are YAML (common/bp.yaml, embedded; --rules layers a user's file on
 * top).  A document's paragraphs are added in order and then judged as a
 * whole: each one is kept (role title or body) or dropped with a why word
 * from the fixed list bp_why_name[] that strip-boilerplate(1) documents.
 * Inside a kept paragraph, residue such as {mosads} is blanked with spaces
 * of the same byte length and blanks at either end are trimmed off the span.
 *
 * Invariants:
 *   - a judgement depends on the one document only: nothing is carried from
 *     one bp_judge() to the next, so results never depend on how a stream
 *     was split;
 *   - judging is idempotent: judging the kept paragraphs (blanked and
 *     trimmed) of a judged document keeps them all and changes none, and
 *     so does judging them together with the dropped ones (their text as
 *     it was, in their places).  So strip-boilerplate's records, with or
 *     without --keep-dropped, judged again give the same records.  Its
 *     --text output of one document of raw text, read back as raw text,
 *     gives the same text (a line of raw text is a paragraph; the records
 *     of other tools that --text prints are not paragraphs, and read back
 *     they would be); the dropped lines are gone, so only the text, not
 *     line numbers or offsets, can be the same;
 *   - a kept paragraph has text[lead, len - trail) non-empty; its bytes are
 *     the input's except blanked residue, which became spaces;
 *   - the text a verdict points to lives until the next bp_begin().
 */
#ifndef BP_H
#define BP_H

#include <stddef.h>

#include "cfg.h"

/* Why a paragraph was dropped; BP_KEEP when it was not. */
enum bp_why {
	BP_KEEP,
	BP_COPYRIGHT,	/* copyright and rights footers */
	BP_AD,		/* advertisement markers */
	BP_SHARE,	/* share bars, follow-us and social prompts */
	BP_NEWSLETTER,	/* newsletter, subscription and donation prompts */
	BP_RELATED,	/* Related: and Read more lists, teasers */
	BP_BYLINE,	/* bylines, contributor and contact lines */
	BP_CAPTION,	/* photo captions and credits */
	BP_CORRECTION,	/* corrections and update notes */
	BP_BIO,		/* author bios at the end */
	BP_NOTICE,	/* cookie, paywall, legal and syndication notices */
	BP_EMBED,	/* embed residue: posts, players, widgets */
	BP_PULLQUOTE,	/* a pull quote repeating the article */
	BP_PROMO,	/* promotions of other content */
	BP_NAV,		/* menus, separators, stray end matter */
	BP_NWHY
};

extern const char *const bp_why_name[BP_NWHY];	/* "keep", "copyright", ... */

struct bp_rules;
struct bp_judge;

/*
 * Compile the rules in root (the "strip-boilerplate" rules tree, see
 * bp.yaml); a bad rule fails with its FILE:LINE:COL (cfg_fail, exit 2).
 */
struct bp_rules *bp_compile(const struct cfg *root);
void bp_rules_free(struct bp_rules *rs);

struct bp_verdict {
	enum bp_why why;	/* BP_KEEP or the reason for dropping */
	int title;		/* kept as the headline */
	const char *cls;	/* what it is: why word, or title/body/short/... */
	const char *rule;	/* the rule or heuristic that decided, or "-" */
	const char *text;	/* the paragraph, residue blanked (len bytes) */
	size_t len;
	size_t lead, trail;	/* bytes to trim off either end */
	int plain;		/* text[lead, len - trail) needs no escape
				 * (rec_plainlen()), nor, with lead and trail
				 * 0 and no residue blanked, does the input */
};

struct bp_judge *bp_judge_new(const struct bp_rules *rs);
void bp_judge_free(struct bp_judge *j);
/* Start a document. */
void bp_begin(struct bp_judge *j);
/* Add the next paragraph: text[0..len) must live until bp_begin().  Its
 * input line is not used by the judgement: 0 will do. */
void bp_add(struct bp_judge *j, const char *text, size_t len, size_t line);
/* Judge the paragraphs added since bp_begin(). */
void bp_judge(struct bp_judge *j);
size_t bp_count(const struct bp_judge *j);
void bp_get(const struct bp_judge *j, size_t i, struct bp_verdict *v);


/*
 * The strip-boilerplate tool (bp_tool.c): options, setup and the run()
 * callback of its struct tool, and the embedded default rules.
 */
struct doc;
struct out;
extern const char bp_rules_yaml[];
extern const size_t bp_rules_yaml_len;
int bp_tool_option(int ch, const char *arg);
void bp_tool_setup(const struct cfg *rules);
void bp_tool_run(struct doc *d, struct out *o);
void bp_tool_finish(void);
enum { BP_OPT_EXPLAIN = 300 };

/*
 * Internals shared by bp.c (judging), bp_rules.c (compiling rules) and
 * bp_pat.c (the pattern language); not for other callers.
 *
 * Matching works on normalised text: ASCII lower case, each run of
 * White_Space one space, curly quotes as ' and ", dashes as -, zero-width
 * characters gone, each byte that is not UTF-8 a '?' (as a record stream
 * carries it, so raw text and records are judged alike).  A second copy
 * keeps the case, byte for byte aligned.
 */
#ifdef BP_INTERNAL
#include <stdint.h>
#ifdef __SSE2__
#include <emmintrin.h>

/* Bit k set when byte k of x belongs to a word of normalised text: a-z,
 * 0-9 or any byte from 0x80 (negative as signed). */
static inline unsigned
bp_wordmask(__m128i x)
{
	/* a range [c, c + k) is the k lowest signed bytes after adding
	 * 0x80 - c: an add and a compare rather than two and an and */
	return (unsigned)_mm_movemask_epi8(_mm_or_si128(
	    _mm_cmplt_epi8(x, _mm_setzero_si128()),
	    _mm_or_si128(
	    _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'a'))),
	    _mm_set1_epi8((char)(0x80 + 26))),
	    _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
	    _mm_set1_epi8((char)(0x80 + 10))))));
}
#endif

enum { BP_WHERE_ANY, BP_WHERE_EDGE, BP_WHERE_TAIL, BP_WHERE_HEAD, BP_NWHERE };
enum { BP_AT_ANYWHERE, BP_AT_START, BP_AT_END };
enum { BP_LINE, BP_PREFIX, BP_SUFFIX, BP_CONTAINS, BP_NANCHOR };

struct bp_tok {
	unsigned char t, c;	/* token type, literal byte */
	unsigned short set;	/* set index for a set token */
};

struct bp_pat {
	struct bp_tok *tok;
	size_t n;
	uint64_t needw;		/* bp_wbit() of each 4 literal bytes at which
				 * a word starts in every match */
	size_t maxlen;		/* longest text it can match, SIZE_MAX if any */
	size_t minsp, maxsp;	/* spaces in what it matches (SIZE_MAX: any) */
	char *lit;		/* leading literal run, for finding candidates */
	size_t litlen;
	char *tail;		/* trailing literal run */
	size_t taillen;
};

struct bp_rule {
	char *name;
	enum bp_why why;
	int where, list;
	int closes;		/* the line closes a page: what follows is
				 * not the article's (closer()) */
	int above;		/* the line above goes too: a post's text
				 * above its signature (embed-text) */
	int stamp;		/* the line dates a link of a box of other
				 * stories ("13 hours ago"): see stamped() */
	int card;		/* a stamp that goes only with a card above
				 * it ("Nov 18"): see stamp_cards() */
	int nostop;		/* only a paragraph that ends on no full
				 * stop: a headline, not a sentence */
	size_t minw, maxw;
	struct bp_pat *pat[BP_NANCHOR];
	size_t npat[BP_NANCHOR];
	struct bp_pat *also;	/* and one of these somewhere in the text */
	size_t nalso;
	struct bp_pat *unless;	/* but none of these anywhere in it */
	size_t nunless;
};

struct bp_inl {
	char *name;
	enum bp_why why;
	int at;
	int glued;		/* at an edge, only with no space between it
				 * and a capital beside it ("ShareThe") */
	char **text;		/* lower case, matched byte for byte */
	size_t *len;
	char **norm;		/* normalised, for the rules' scan */
	size_t *nlen;
	size_t *koff;		/* where in norm the scan's key is */
	size_t n;
};

struct bp_set {
	char *name;
	char **s;		/* normalised entries */
	size_t *len, n;
	uint64_t first[4], last[4];	/* bytes an entry starts, ends with */
	uint64_t lens;		/* bit l: an entry is l bytes long (63: or
				 * longer), for bp_in_set() */
	size_t *bylen;		/* entry indexes by length, shortest first; */
	size_t lstart[65];	/* those l bytes long from lstart[l] (64: and
				 * longer), for bp_in_set() */
	size_t *byfirst;	/* the entries not empty by first byte; */
	size_t fstart[257];	/* those opening with c from fstart[c] to
				 * fstart[c + 1], for matching (bp_pat.c) */
	int empty;		/* an entry is empty */
};

/* A paragraph's word bits: bit bp_wbit() of the 4 bytes at each word
 * start that bp_scan_text() looks at (every start but in the last 3
 * bytes).  A pattern needing a bit the paragraph lacks cannot match it:
 * a signature that costs the scan a shift and an or per word. */
static inline unsigned
bp_wbit(uint32_t v)
{
	return (unsigned)(v * 2654435761u) >> 16 & 63;
}

/* Finding many literal anchors in one pass: a 64K-bit filter on a hash of
 * each 4-byte window, then a table from the window to what starts there. */
/* A ref as try_range() tests it first, from copies kept in the list's
 * order: its rule's max_words; the words it may fit (loww..hiw, its
 * rule's bounds and its pattern's spaces); bit where of its rule; its
 * first and last 8 bytes and punctuation (struct bp_ref); the ref, or
 * SIZE_MAX for residue, which where 0 turns away. */
struct bp_slot {
	uint64_t lit8, headm8, tail8, endm8, need[2], needw;
	size_t maxw, loww, hiw, ref;
	unsigned where;
};

/* An entry of a scan's list as take() tests it first, from copies kept in
 * the list's order: the bytes its run (or residue's normalised text) has
 * from its key on and in the 8 before it, as words under masks of the
 * bytes the run covers; where the run starts and how long it is; its
 * rule's word bounds (residue: none); whether the 16 bytes hold all of
 * the run; the entry (list value). */
struct bp_cand {
	uint64_t at8, atm8, pre8, prem8;
	const char *run;
	size_t runkey, runlen, minw, maxw, v;
	unsigned char residue, whole;
};

/* What try_list() asks of a part of a list first: a byte of the
 * paragraph's first or last 8 (para8's head and tail as one 128-bit word:
 * bit bshift on) that every ref of the part asks for, and the values they
 * ask for there (bit c of bset[c >> 6]), bshift 128 for no such byte; the
 * punctuation (2 words) and word bits that every ref of it needs.  Apart
 * from struct bp_list, as most lists (the hash tables' slots) have none. */
struct bp_part {
	unsigned bshift;
	uint64_t bset[4];
	uint64_t allneed[3];
};

struct bp_list {
	size_t *v;
	size_t n, cap;
	size_t nany;		/* of rule refs: those of where: any come first */
	int bymaxw;		/* and either part by max_words, largest first */
	size_t top;		/* of the scan's lists: the largest max_words
				 * of its refs, SIZE_MAX if it holds residue */
	/* of the scan's lists: the bytes from the key on that every entry
	 * asks for, as a word and the mask of those bytes, and those of the
	 * 8 bytes before the key (see list_sig()) */
	uint64_t sig8, sigm8, pre8, prem8;
	struct bp_slot *slot;	/* of the lists try_range() walks: v[k]'s
				 * slot[k], */
	size_t anytop, othertop;	/* the most words a ref of [0, nany)
				 * or [nany, n) admits (0: no ref there), */
	unsigned otherwhere;	/* and the places of [nany, n)'s refs */
	struct bp_part *part;	/* of the lists try_range() walks, not
				 * empty: of [0, nany) and [nany, n) */
	struct bp_cand *cand;	/* of the scan's lists: v[k]'s cand[k] */
};

struct bp_hash {
	uint64_t filter[1024];
	uint32_t *key;
	struct bp_list *val;
	size_t cap, used;
	struct bp_list shortl;	/* anchors under 4 bytes */
};

#define BP_ANYWHERE ((size_t)-1)

/* One pattern of one rule, as the index sees it. */
struct bp_ref {
	const struct bp_pat *p;
	size_t rule;
	int anchor;
	size_t off;		/* where in a contains pattern its window is,
				 * or BP_ANYWHERE when it opens with a
				 * wildcard */
	const char *run;	/* the literal run its key was taken from, */
	size_t runlen, runkey;	/* and where in it the key is: a candidate
				 * found at pos has run at pos - runkey */
	char *own;		/* run, when allocated for the ref */
	/* Copies of what the scan and try_range() test first, so that a
	 * candidate turned away costs no walk to its rule and pattern and
	 * no call to memcmp(): the rule's where and word bounds, the
	 * pattern's space bounds, and the first 8 bytes of the run and of
	 * the pattern's leading literal, and the last 8 of its trailing
	 * one, as words under a mask of the bytes that count.  (The tail's
	 * bytes sit at the top of the word, as do a paragraph's last 8.) */
	int where;
	size_t minw, maxw, minsp, maxsp;
	uint64_t run8, runm8, lit8, litm8, tail8, tailm8;
	uint64_t headm8, endm8;	/* litm8 and tailm8 where its anchor makes
				 * them count, else 0: try_range() asks both
				 * of every ref first */
	/* ASCII punctuation its literal text has (bit c of needp[c >> 6]):
	 * a paragraph that lacks one of them cannot match, which costs a
	 * test where bp_pat_match() costs a walk over the first words */
	uint64_t needp[2];
	/* bit w: the pattern opens with words, the w-th of them a capital's
	 * (%), so a line or prefix match needs word w of the paragraph to
	 * open with a capital */
	unsigned capw;
};

struct bp_rules {
	struct bp_ref *ref;	/* every main pattern of every rule */
	size_t nref;
	struct bp_hash starth;		/* line and prefix refs by their first
					 * 4 bytes (shortl: shorter, by byte) */
	struct bp_list start[257];	/* line and prefix refs by first byte;
					 * [256]: none of the ways here fits */
	struct bp_list startca[256];	/* line and prefix refs that open
					 * with a number, a capital or a set,
					 * by the first bytes (case kept) that
					 * bp_pat_may_start() lets through */
	struct bp_hash endh;		/* suffix refs by their last 4 bytes */
	struct bp_list end[257];	/* suffix refs by last byte, [256] */
	struct bp_list endlo[256];	/* suffix refs that end with a number
					 * or a set, by the last bytes that
					 * bp_pat_may_end() lets through */
	struct bp_hash wordh;		/* refs and residue by 4 bytes from a
					 * word start of their literal text */
	struct bp_list punct[256];	/* ... or by an ASCII punctuation byte */
	uint64_t pbits[4];		/* punct[c] is not empty */
	uint64_t pafter[256][4];	/* bytes two after c that a candidate
					 * in punct[c] may have there */
	struct bp_hash contains;	/* the rest: contains refs by leading
					 * literal, and others by a literal run
					 * inside, found at any byte */
	struct bp_hash inl_any;		/* anywhere residue: inline k << 16 | t */
	uint64_t inl_first[4], inl_last[4];	/* bytes that start residue of
					 * the start, end residue of the end */
	int inl_empty;			/* such residue is empty */
	int inl_glued;			/* residue is glued (bp_add()) */
	struct bp_rule *rules;
	size_t nrules;
	size_t maxw[BP_NWHERE];	/* largest max_words of each kind of rule */
	struct bp_inl *inl;
	size_t ninl;
	struct bp_set *sets;
	size_t nsets;
	int abbrev, smallw, agency;	/* set indexes, or -1 */
	enum bp_why residue_why;
	size_t title_max, body_min, short_max, sandwich_max, related_max;
	size_t pq_min, pq_max, credit_max, caption_max;
	int det_symbols, det_credit, det_pullquote, det_spread, det_sandwich;
	int det_label, det_tailhead, det_tailshort, det_headshort, det_seclabel,
	    det_repeated, det_island, det_cards, det_capshead, det_linklist,
	    det_linkbox, det_comments;
};

/* Per-judge scratch for matching the rules against one paragraph. */
struct bp_scan {
	uint32_t gen;
	uint32_t *rhit;		/* rhit[r] == gen: rule r's pattern matched */
	size_t *hit, nhit;	/* those rules, in the order found */
	struct bp_list hits;	/* (value, position) pairs from a hash scan */
	struct bp_list refs;	/* (ref, position) pairs of bp_scan_text() */
	uint64_t punct[2];	/* ASCII punctuation bp_scan_text() saw */
	uint64_t wbits;		/* and the word bits (bp_wbit()) */
};

void bp_index(struct bp_rules *rs);
void bp_index_free(struct bp_rules *rs);
void bp_scan_init(struct bp_scan *sc, const struct bp_rules *rs);
void bp_scan_free(struct bp_scan *sc);
/* First matching rule of each kind of place (BP_WHERE_*) in the mask
 * where (bits 1 << BP_WHERE_*), or -1; returns whether residue may be in
 * the paragraph.  As for bp_scan_text() below, BP_SLACK bytes after
 * lo[n) must be readable. */
int bp_line_rules(const struct bp_rules *rs, struct bp_scan *sc,
    const char *lo, const char *ca, size_t n, size_t words,
    int first[BP_NWHERE], unsigned where);
/*
 * bp_line_rules() in two steps, so that a paragraph is scanned once while
 * the rules of some places are matched later: bp_scan_text() finds the
 * candidate (ref, position) pairs of rules whose word bounds admit words
 * into sc->refs, the paragraph's punctuation into sc->punct, and returns
 * whether residue may be in the paragraph; bp_match_refs() matches the
 * rules of the places in where, trying the candidates in refs[0..nrefs)
 * (pairs, as bp_scan_text() left them), given punct and wbits as it
 * left them.
 * bp_scan_text() reads whole 16-byte blocks: BP_SLACK bytes after lo[n)
 * must be readable (their values do not count).
 */
#define BP_SLACK 16
int bp_scan_text(const struct bp_rules *rs, struct bp_scan *sc,
    const char *lo, size_t n, size_t words);
void bp_match_refs(const struct bp_rules *rs, struct bp_scan *sc,
    const char *lo, const char *ca, size_t n, size_t words,
    int first[BP_NWHERE], unsigned where, const size_t *refs, size_t nrefs,
    const uint64_t punct[2], uint64_t wbits);
/* Hash-scan s[0..n): append (value, position) of each window hit. */
void bp_hash_scan(const struct bp_hash *h, const char *s, size_t n,
    struct bp_list *out);
void bp_list_add(struct bp_list *l, size_t v);
/* How rare byte c is in English text, 0 (space) to 4. */
int bp_rarity(unsigned char c);
/* Append a pair: inline, as the scan appends one per candidate. */
static inline void
bp_list_add2(struct bp_list *l, size_t a, size_t b)
{
	if (l->cap - l->n < 2) {
		bp_list_add(l, a);
		bp_list_add(l, b);
		return;
	}
	l->v[l->n++] = a;
	l->v[l->n++] = b;
}
void bp_hash_add(struct bp_hash *h, const char *lit, size_t len, size_t v);
void bp_hash_free(struct bp_hash *h);
size_t bp_norm(const char *s, size_t n, char *lo, char *ca, size_t *words);
/* The same, and *esc: whether s[0..n) has a byte that a record's TEXT
 * escapes (a control, a backslash, a byte that is not UTF-8); when it
 * has none, rec_plainlen() passes all of it.  BP_SLACK bytes after lo[n)
 * and after ca[n) must be writable (their values do not count). */
size_t bp_norm_esc(const char *s, size_t n, char *lo, char *ca,
    size_t *words, int *esc);
struct bp_pat;
void bp_pat_compile(const struct bp_rules *rs, const struct cfg *node,
    struct bp_pat *p);
void bp_pat_free(struct bp_pat *p);
/* Can p match at anchor in a paragraph of words words at all?  Matched
 * text is normalised, so its spaces are one fewer than its words. */
static inline int
bp_pat_fits(const struct bp_pat *p, int anchor, size_t words)
{
	return words > p->minsp && (anchor != BP_LINE || words - 1 <= p->maxsp);
}
/* Does p match lo[0..n) (ca: the same text with case kept) at anchor? */
int bp_pat_match(const struct bp_rules *rs, const struct bp_pat *p,
    int anchor, const char *lo, const char *ca, size_t n);
int bp_pat_may_start(const struct bp_rules *rs, const struct bp_pat *p,
    const char *lo, const char *ca, size_t n);
/* Can p, anchored at the end, match lo[0..n), n > 0, at all? */
int bp_pat_may_end(const struct bp_rules *rs, const struct bp_pat *p,
    const char *lo, size_t n);
/* Does p, a contains pattern, match starting at lo + at? */
int bp_pat_match_at(const struct bp_rules *rs, const struct bp_pat *p,
    const char *lo, const char *ca, size_t n, size_t at);
int bp_rule_match(const struct bp_rules *rs, const struct bp_rule *r,
    const char *lo, const char *ca, size_t n, size_t words);
/* Do r's also and unless patterns let a match of its main ones stand?
 * wbits: the paragraph's word bits, or ~0 when not known. */
int bp_rule_also(const struct bp_rules *rs, const struct bp_rule *r,
    const char *lo, const char *ca, size_t n, uint64_t wbits);
int bp_symbols_only(const char *lo, size_t n);
const char *bp_credit(const struct bp_rules *rs, const char *lo,
    const char *ca, size_t n);
const char *bp_credit_line(const struct bp_rules *rs, const char *lo,
    const char *ca, size_t n);
const char *bp_caps_label(const struct bp_rules *rs, const char *lo,
    const char *ca, size_t n, size_t words);
int bp_in_set(const struct bp_rules *rs, int set, const char *s, size_t n);
#endif

#endif
