/*
 * qt: quotations and reported speech in news text, with who said them.
 *
 * The extractor works on one document at a time, given as its text with
 * the paragraph, sentence and entity spans that other modules (or records
 * in the stream) found in it; it knows nothing of records itself, so the
 * same code serves raw articles and full pipelines.
 *
 * Invariants of a struct qt_input handed to qt_extract():
 *   - text[0..len) is the document's bytes at their original offsets;
 *     bytes that belong to no paragraph may be anything but are best '\n';
 *   - para[] are in order, disjoint, within [0, len);
 *   - sent[] are in order, disjoint, each inside one paragraph (a paragraph
 *     with no sentence is treated as one sentence);
 *   - ent[] are in order and disjoint; norm points to the full name the
 *     mention refers to (or is NULL), and lives as long as the input.
 * Invariants of each struct qt_quote written by qt_extract():
 *   - start < end and [start, end) lies in one paragraph; the marks that
 *     enclose a direct or partial quote lie outside it (reported speech may
 *     begin or end with a quoted fragment); sorted by end, then start;
 *   - 1 <= part <= nparts, and parts of one quotation share speaker and cue;
 *   - speaker/cue point into text or into an ent's norm, so they live as
 *     long as the input; has_sp says whether sp_start/sp_end are set.
 */
#ifndef QT_H
#define QT_H

#include <stddef.h>

struct cfg;

enum qt_form { QT_DIRECT, QT_PARTIAL, QT_INDIRECT, QT_NFORMS };
enum qt_stype { QT_SNAME, QT_SDESC, QT_SNONE };
enum qt_etype { QT_PER, QT_ORG, QT_LOC, QT_MISC };

#define QT_FORM(f) (1u << (f))
#define QT_ALLFORMS (QT_FORM(QT_DIRECT) | QT_FORM(QT_PARTIAL) | QT_FORM(QT_INDIRECT))

struct qt_span {
	size_t start, end;
};

struct qt_ent {
	size_t start, end;
	enum qt_etype type;
	const char *norm;	/* may be NULL: the mention itself */
	size_t normlen;
};

struct qt_input {
	const char *text;
	size_t len;
	const struct qt_span *para;
	size_t npara;
	long title;		/* index of the headline paragraph, or -1 */
	const struct qt_span *sent;
	size_t nsent;
	const struct qt_ent *ent;
	size_t nent;
};

struct qt_quote {
	enum qt_form form;
	size_t start, end;
	const char *speaker;	/* canonical name or description; NULL: none */
	size_t speakerlen;
	enum qt_stype stype;
	const char *cue;	/* as written; NULL: none */
	size_t cuelen;
	int has_sp;
	size_t sp_start, sp_end;
	unsigned part, nparts;
};

struct qt_rules;

/* Build the rules from a loaded tree (cfg.h); bad values cfg_fail(). */
struct qt_rules *qt_rules_new(const struct cfg *c);
void qt_rules_free(struct qt_rules *r);
/* The embedded default rules (common/qt.yaml), and that file parsed. */
extern const char qt_rules_yaml[];
extern const size_t qt_rules_yaml_len;
const struct cfg *qt_default_cfg(void);

/*
 * Find the quotations of one document.  Appends to *v (grown with
 * xreallocarray, *cap its room) and returns how many there are; forms is a
 * mask of QT_FORM() bits selecting what is written.  Linear in the input
 * apart from the bounded look-arounds of attribution.
 */
size_t qt_extract(const struct qt_rules *r, const struct qt_input *in,
    unsigned forms, struct qt_quote **v, size_t *cap);

/*
 * One document of a stream (doc.h) to quote records (out.h): uses its sent
 * and ent records when it has them and splits and tags it itself when not,
 * then writes every record through with each quote record right after the
 * text record where the quote (part) ends.
 */
struct doc;
struct out;
void qt_run(const struct qt_rules *r, unsigned forms, struct doc *d,
    struct out *o);
void qt_run_free(void);	/* release what qt_run() keeps between documents */
void qt_extract_free(void);	/* ... and qt_extract() */
/* What they keep is file-static: qt_extract() and qt_run() serve one
 * thread at a time, as a filter runs them. */

/* "direct", "partial", "indirect"; and the reverse (-1 if unknown). */
const char *qt_form_name(enum qt_form f);
int qt_form_parse(const char *s, size_t n);

/*
 * For the qt*.c files only: the word lists as one table (qtlex.c).
 * lx_get() looks a word or a phrase (words joined by one space) up, case
 * folded, with typographic apostrophes read as ASCII ones.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"

enum {
	LX_CUE = 1u << 0,	/* speech verb */
	LX_ICUE = 1u << 1,	/* ... that also introduces reported speech */
	LX_ATTRN = 1u << 2,	/* attribution noun: statement, interview */
	LX_ADV = 1u << 3,	/* may stand between speaker and cue */
	LX_HYPO = 1u << 4,	/* makes a following cue hypothetical */
	LX_SCARE = 1u << 5,	/* announces a title or scare quote */
	LX_TITLE = 1u << 6,	/* title before a name */
	LX_GTITLE = 1u << 7,	/* title that tells gender */
	LX_FORENAME = 1u << 8,
	LX_MALE = 1u << 9,
	LX_FEMALE = 1u << 10,
	LX_ORGWORD = 1u << 11,	/* Ministry, Department: names an organisation */
	LX_PHRASE = 1u << 12,	/* first words of a longer entry */
	LX_DET = 1u << 13,
	LX_PRON = 1u << 14,
	LX_LINK = 1u << 15,	/* of, for: inside a describing phrase */
	LX_STOP = 1u << 16,	/* ends a describing phrase or a name */
	LX_PREP = 1u << 17,
	LX_BE = 1u << 18,
	LX_TIME = 1u << 19,
	LX_NEG = 1u << 20,
	LX_PARTICLE = 1u << 21,	/* van, bin: inside a name */
	LX_SUFFIX = 1u << 22,	/* Jr. */
	LX_CORE = 1u << 23,	/* a reporting verb proper: said, told, wrote */
	LX_NOSRC = 1u << 24,	/* seems, is expected: a report with no source */
	LX_NCUE = 1u << 25,	/* claim, belief: a noun of a "that" report */
};

/*
 * The words the extractor asks about by name, numbered in bits 26-31 of
 * the flags lx_get() returns (LX_WORD()), so asking is one comparison.
 * An LX_ICUE without LX_CUE (belief_cues, impersonal_cues, derived_cues)
 * introduces reported content but never attributes a quotation; with
 * LX_DCUE it reports as a cue of speech does, without it only a clause.
 */
enum {
	W_NONE,
	W_ABOUT, W_ACCORDING, W_AFTER, W_ALTHOUGH, W_AND, W_AS, W_ASSURED,
	W_BECAUSE, W_BEFORE, W_BUT, W_COMPARED, W_COULD, W_FROM,
	W_FURTHERMORE, W_HE, W_IF, W_INCLUDING, W_INFORMED, W_IT, W_MEANING,
	W_MIGHT, W_MOREOVER, W_OF, W_OVER, W_REMINDED, W_REPORTERS, W_SHE,
	W_SHOULD, W_SINCE, W_TELL, W_TELLING, W_TELLS, W_THAT, W_THEY,
	W_THOUGH, W_TO, W_TOLD, W_UNDER, W_UNLESS, W_UNTIL, W_WARNED, W_WHEN,
	W_WHEREAS, W_WHETHER, W_WHILE, W_WHO, W_WITH, W_WOULD, W_WHICH,
	W_WHAT, W_ASKED, W_ASKS, W_WHY, W_HOW, W_WHERE,
	W_NWORDS
};
#define LX_WSHIFT 26
#define LX_WORD(f) ((uint32_t)(f) >> LX_WSHIFT)
/*
 * Flags past the first 32 bits, which the lists and LX_WORD() fill.  Code
 * that keeps a word's flags in a uint32_t sees the ones above, never these.
 */
#define LX_DCUE ((uint64_t)1 << 32)	/* a cue of reported content only:
					   derived_cues, which attribute no
					   quotation */
#define LX_VAUX ((uint64_t)1 << 33)	/* aux_verbs: has, will */
#define LX_VEND ((uint64_t)1 << 34)	/* finite_verbs: went, seems */
#define LX_KNOW ((uint64_t)1 << 35)	/* knowing_verbs: knew, learned */
#define LX_MENTW ((uint64_t)1 << 36)	/* mention_words: so-called, term */
#define LX_SAIDW ((uint64_t)1 << 37)	/* said_words: slogan, phrase */
#define LX_TERMW ((uint64_t)1 << 38)	/* term_words: term, label */
#define LX_TOLDW ((uint64_t)1 << 39)	/* told_words: story, joke */
/* A word token keeps bits 32-39 of its flags in ch: LX_CH(LX_DCUE). */
#define LX_CH(f) ((unsigned char)((f) >> 32))

#define LX_MAXKEY 64

struct lx_ent;
struct lx_slot;
struct qt_rules {
	struct lx_ent *ent;	/* the entries, in the order added */
	size_t nent, entcap;
	struct lx_slot *slot;	/* index into ent[] by hash */
	size_t mask;
	size_t maxwords;	/* longest phrase, in words */
	uint64_t dotlen[27];	/* bit k of [first letter a-z, else 26]: a
				   title or suffix of k bytes ends in '.' */
	uint64_t ph2len[27];	/* bit k of [first letter a-z, else 26]: the
				   second word of a phrase may be a word of k
				   bytes with that first letter as written
				   (a ’ for ' counted as three bytes) */
	struct arena mem;	/* the keys and titles: one block, not a
				   malloc() per word at every start-up */
};

uint64_t lx_get(const struct qt_rules *r, const char *s, size_t n,
    const char **title);
/* The row of dotlen[] for a key's first (folded) byte. */
static inline unsigned
lx_dotclass(char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : 26;
}
/*
 * The same in two steps, so the tokenizer hashes each word once: lx_fold()
 * writes the folded s[0..n) to key (LX_KEYBUF bytes, or NULL for a
 * buffer of its own), followed by 8 zero bytes, and returns its hash,
 * lx_hash(key, *klen).  For n >= LX_MAXKEY, which no entry is, it writes
 * no key, sets *klen to 0 (lx_find() then finds nothing) and returns
 * another hash of the folded bytes, so that equal bytes still hash
 * equally.  lx_hash() reads key[0..k) and the zeros after it.
 */
#define LX_KEYBUF (LX_MAXKEY + 8)
uint32_t lx_fold(const char *s, size_t n, char *key, size_t *klen);

/* The table itself, here so that the look-ups below inline into the
 * tokenizer, which makes one for every word of the text. */
struct lx_ent {
	char *key;		/* lower case, words joined by one space,
				   followed by 8 zero bytes for lx_hash() */
	uint32_t klen;
	uint64_t flags;
	char *title;		/* LX_TITLE: what the title stands for */
};

/* A slot of the open-addressing index: the key's hash, so most probes
 * need not touch the entry, and the entry's index + 1 (0: empty). */
struct lx_slot {
	uint32_t hash, ent;
};

static inline uint32_t
lx_hash(const char *key, size_t k)
{
	uint64_t h = 0x9e3779b97f4a7c15u ^ k, w;
	size_t i;

	/* eight bytes a step; the key's zero padding fills the last */
	for (i = 0; i < k; i += 8) {
		memcpy(&w, key + i, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdu;
		h ^= h >> 32;
	}
	return (uint32_t)h;
}

/* memcmp() == 0 for zero-padded keys of n bytes, eight at a time */
static inline int
lx_same(const char *a, const char *b, size_t n)
{
	uint64_t x, y;
	size_t i;

	for (i = 0; i < n; i += 8) {
		memcpy(&x, a + i, 8);
		memcpy(&y, b + i, 8);
		if (x != y)
			return 0;
	}
	return 1;
}

static inline uint64_t
lx_find(const struct qt_rules *r, const char *key, size_t k, uint32_t h,
    const char **title)
{
	const struct lx_ent *e = NULL;
	size_t i;

	/* most words are in no list, and an empty slot ends their search */
	if (k != 0)
		for (i = h & r->mask;; i = (i + 1) & r->mask) {
			const struct lx_slot *sl = &r->slot[i];
			if (sl->ent == 0)
				break;
			if (sl->hash == h && r->ent[sl->ent - 1].klen == k &&
			    lx_same(r->ent[sl->ent - 1].key, key, k)) {
				e = &r->ent[sl->ent - 1];
				break;
			}
		}
	if (title)
		*title = e ? e->title : NULL;
	return e ? e->flags : 0;
}

/*
 * Tokens (qttok.c).  A word's lx comes from lx_get(), its title from
 * qt_title().  A document has one token per word or mark, so a token is
 * kept small (32 bytes on LP64; the tokens are most of a long document's
 * memory): what fits in a byte is a byte, q is 32 bits as sent is (fewer
 * than 2^31 of each in a document), lx keeps the flags' first 32 bits,
 * with the one past them (LX_DCUE) in ch, and a token's paragraph is its
 * sentence's (tok_para()).
 */
enum { T_WORD, T_PUNCT, T_MARK };
enum { MK_OD, MK_CD, MK_AD, MK_OS, MK_CS, MK_AS };	/* open/close/either */

struct tok {
	size_t s, e;		/* bytes */
	uint32_t lx;		/* lx_get() & 0xffffffff; 0 unless T_WORD */
	int32_t q;		/* top-level quotation it lies in, or -1 */
	int sent;		/* index into qtx's sent[] */
	signed char et;		/* type of the entity it lies in, or -1 */
	unsigned char ch;	/* T_PUNCT: ASCII char ('-' dash, '~' other);
				   T_MARK: MK_*; T_WORD: LX_CH(lx_get()) */
	unsigned char kind, cap;
};

/* A sentence's tokens [a, b), in one paragraph. */
struct sent {
	size_t a, b;
	int para;
};

/* One run of the extractor over one document. */
struct qtx {
	const struct qt_rules *r;
	const struct qt_input *in;
	struct tok *tok;
	size_t ntok, tokcap;
	size_t *mark;		/* the T_MARK tokens' indexes, in order: a
				   few in a hundred tokens, so pairing walks
				   these rather than every token */
	size_t nmark, markcap;
	const struct sent *sent;	/* the sentences, once numbered: each
					   token's sent indexes them */
	uint32_t *entok;	/* entity i's first token: the first ending
				   after its start (ntok: none); NULL when
				   the entities or paragraphs were out of
				   order, or past 2^32 - 1 tokens */
};

/* The paragraph token i lies in (once the sentences are numbered). */
static inline int
tok_para(const struct qtx *x, size_t i)
{
	return x->sent[x->tok[i].sent].para;
}

void qt_tokenize(struct qtx *x, size_t a, size_t b);
/* What the title word i stands for ("senator" for Sen.), or NULL. */
const char *qt_title(const struct qtx *x, size_t i);
/* A capitalised word that may be part of a name. */
int qt_namey(const struct qtx *x, size_t i);

/* An attribution found in the tokens (qt.c), resolved by qtname.c. */
enum { SK_NONE, SK_NAME, SK_DESC, SK_PRON };
enum { AT_NONE, AT_OWN, AT_NEXT, AT_PREV, AT_TITLE };
struct qt_attr {
	size_t spa, spb;	/* speaker mention, tokens; spa == spb: none */
	int sk;			/* SK_* */
	size_t cua, cub;	/* cue, tokens */
	int how;		/* AT_*: where it was found */
};

struct qt_rec {
	enum qt_form form;
	size_t start, end;	/* bytes */
	unsigned part, nparts;
	int para;
	size_t chain;
	struct qt_attr at;
	int weak;		/* a belief, a noun's report or a guessed
				   subject: lends no quotation or later
				   pronoun its speaker */
	const char *speaker;	/* set by qt_resolve() */
	size_t speakerlen;
	enum qt_stype stype;
};

void qt_resolve(const struct qtx *x, struct qt_rec *r, size_t n);

/*
 * Scratch arrays kept from one document to the next: qt_shed() frees *pp
 * (cap elements of size bytes) and zeroes *cap once it is past a megabyte,
 * a long document's, which would stay that size for the rest of the
 * stream and be alive still at the next long document's peak.
 */
#define QT_SCRATCH_MAX ((size_t)1 << 20)
void qt_shed(void *pp, size_t *cap, size_t size);

#endif
