/*
 * ner: named entities (PER, ORG, LOC, MISC) by a trained sequence tagger.
 *
 * An averaged perceptron over hashed features, decoded by Viterbi under
 * BILOU constraints, with document-level features (how a word is written
 * elsewhere in the document, what it was tagged as earlier) and gazetteer
 * membership.  The model is one binary file (layout in ner.c), embedded in
 * every binary that links the library and used in place, so loading it
 * costs nothing; ner_load() reads another.
 *
 * Invariants:
 *   - ner_tag() writes entities in document order, flat: for consecutive
 *     entities a, b: a.end <= b.start; start < end; each lies within the
 *     text it was found in (ent.text indexes t[]);
 *   - norm[0..normlen) points into one of the texts passed to the same
 *     ner_tag() call: the full name of an earlier mention the entity
 *     refers to, or the entity's own bytes;
 *   - the result depends only on the model and the document, never on what
 *     was tagged before (no state survives a call).
 */
#ifndef NER_H
#define NER_H

#include <stddef.h>
#include <stdint.h>

enum ner_type { NER_PER, NER_ORG, NER_LOC, NER_MISC };
#define NER_NTYPES 4
extern const char *const ner_type_name[];	/* "PER","ORG","LOC","MISC" */

struct ner_model;
const struct ner_model *ner_default(void);	/* the embedded model, loaded once */
struct ner_model *ner_load(const char *path);	/* NULL + warn on error */
void ner_free(struct ner_model *m);

struct ner_text {
	const char *text;
	size_t len;
	size_t start;	/* offset of text[0] in the document */
};

struct ner_ent {
	size_t start, end;	/* document offsets */
	enum ner_type type;
	const char *norm;	/* the full name, in one of the texts */
	size_t normlen;
	size_t text;		/* index of the ner_text it lies in */
};

/* Tag one document given as its texts in order: writes its flat, sorted
 * entities to (*v)[0..count), growing *v and *cap as needed (both may
 * start as NULL and 0, and be reused from call to call); returns count. */
size_t ner_tag(const struct ner_model *m, const struct ner_text *t, size_t n,
    struct ner_ent **v, size_t *cap);

/*
 * Below: the parts the trainer (ner_train.c) and the unit tests share.
 */

/* Tokens: byte spans [start, end) of the text, no whitespace inside.
 * Words keep inner apostrophes, periods of abbreviations (U.S., Mr.,
 * J.) and number punctuation (1,000.5); hyphens, a possessive 's and
 * other punctuation are tokens of their own. */
struct ner_tok {
	size_t start, end;
};
size_t ner_tokenize(const char *s, size_t n, struct ner_tok **v, size_t *cap);
/* Is s[0..n) one of the words of list, which ends with NULL? */
int ner_inlist(const char *const *list, const char *s, size_t n);
/* Titles ("President", "Sen.", "Prime Minister") are not part of a PER
 * span: ner_titlelen() says how many leading tokens of one to drop. */
int ner_istitle(const char *s, size_t n);
size_t ner_titlelen(const char *text, const struct ner_tok *tok, size_t n);

/* Labels: O, then B I L U for each type: label = 1 + 4 * type + pos. */
enum { NER_B, NER_I, NER_L, NER_U };
#define NER_NLAB 17
#define NER_LAB(type, pos) (1 + 4 * (type) + (pos))
#define NER_LABTYPE(l) (((l) - 1) / 4)
#define NER_LABPOS(l) (((l) - 1) % 4)
/* The last token of the entity that opens at a in lab[0..n): the
 * constraints make every entity B I* L or U. */
static inline size_t
ner_labend(const uint8_t *lab, size_t a, size_t n)
{
	while (NER_LABPOS(lab[a]) != NER_U && NER_LABPOS(lab[a]) != NER_L &&
	    a + 1 < n)
		a++;
	return a;
}
int ner_allowed(int prev, int cur);	/* prev == NER_NLAB: the start */
int ner_final(int last);		/* may a sentence end on it? */

/* Per-token facts the features are made of (ner_feat.c). */
enum { NER_CAP_LOWER, NER_CAP_INIT, NER_CAP_UPPER, NER_CAP_DIGIT,
	NER_CAP_PUNCT, NER_CAP_MIXED };
struct ner_tinfo {
	uint64_t w, lw, shape;	/* hashes: bytes, lower-cased, word shape */
	uint64_t pre[4], suf[4];	/* lower-cased affixes of 1..4 chars */
	uint8_t cap;		/* NER_CAP_* */
	uint8_t first;		/* starts a sentence */
	uint8_t sflag;		/* its text: 0 plain, 1 title case, 2 capitals */
	uint8_t len;		/* length in bytes, at most 255 */
	uint8_t gaz[NER_NTYPES];	/* 0, or 1 + B/I/L/U in a gazetteer name */
	uint8_t lex;		/* in the word list: NER_LEX_* bits */
	uint8_t cue;		/* what the name it may be part of ends in */
	uint8_t cuepre;		/* what a name it follows "of" in starts with */
	uint8_t cuehead;	/* what its name starts with | kind word before << 4 */
};
/* the cue class (low four bits of cue, cuehead) of company words */
#define NER_CUE_FIRM 1
void ner_tinfo_fill(struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tok, size_t n);
/* Only lw, cap, len, first and sflag, the rest zero: what
 * ner_dmap_count() reads, for a pass that only counts. */
void ner_tinfo_count(struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tok, size_t n);

/* Gazetteer: hashes of lower-cased token sequences (ner_seqhash) ->
 * type bits, and NER_GAZ_MORE when a longer name starts the same way. */
#define NER_GAZ_MORE 0x10
/* and, for a single word, how an English word list writes it */
#define NER_LEX_LOWER 0x20
#define NER_LEX_CAP 0x40
/* and, for a whole name, that it is a country's (CTRY lines) */
#define NER_GAZ_CTRY 0x80
struct ner_gaz {
	const uint32_t *key;
	const uint8_t *val;
	uint32_t cap;		/* a power of two, or 0 */
};
uint64_t ner_seqhash(uint64_t h, uint64_t lw);
uint32_t ner_key32(uint64_t h);	/* never 0 */
void ner_gaz_mark(const struct ner_gaz *g, struct ner_tinfo *ti, size_t n);
/* The gazetteer's bits for the name ti[0..n) as a whole (0: none) */
uint8_t ner_gaz_name(const struct ner_gaz *g, const struct ner_tinfo *ti,
    size_t n);

/* Document memory: how each word is written across the document, and
 * what it was last tagged as. */
struct ner_dmap;
struct ner_dmap *ner_dmap_new(void);
void ner_dmap_clear(struct ner_dmap *d);
void ner_dmap_free(struct ner_dmap *d);
void ner_dmap_count(struct ner_dmap *d, const struct ner_tinfo *ti, size_t n);
void ner_dmap_remember(struct ner_dmap *d, const struct ner_tinfo *ti,
    size_t n, const uint8_t *lab);
size_t ner_dmap_lower(const struct ner_dmap *d, uint64_t lw);	/* times in lower case */
/* times capitalised inside a sentence of plain text */
size_t ner_dmap_capped(const struct ner_dmap *d, uint64_t lw);

/* The feature keys of token i of a sentence ti[0..n); returns how many
 * (at most NER_MAXF).  ner_transkey() is the key of the transition
 * features from label prev (NER_NLAB: the start). */
#define NER_MAXF 56
size_t ner_feats(const struct ner_tinfo *ti, size_t n, size_t i,
    const struct ner_dmap *d, uint32_t *f);
uint32_t ner_transkey(int prev);

/* Best label sequence for scores sc[n][NER_NLAB] under the BILOU
 * constraints and transition scores tr[NER_NLAB + 1][NER_NLAB]; mask, if
 * not NULL, gives the labels allowed at each token (bit per label). */
void ner_viterbi(const float *sc, size_t n, const float *tr,
    const uint32_t *mask, uint8_t *out, float *work, uint8_t *back);

/* Train a model from files (CoNLL or the synthetic JSON Lines) and write
 * it to out; 0 on success.  See tag-entities(1) --train. */
struct ner_train_opts {
	int epochs;
	int holdout;		/* hold out every Nth document and score it */
	int fold;		/* hold out documents fold, fold + N ...; -1: N - 1 */
	const char *gazetteer;	/* TYPE TAB name lines, or NULL */
	const char *dump;	/* write held-out predictions here (CoNLL) */
	int verbose;
	int seed;		/* varies the shuffling */
	int bags;		/* models trained in turn and averaged */
	int caps;		/* learn every Nth sentence recased too */
	int prune;		/* percent of rows left out, the smallest */
};
int ner_train(const char *out, char *const *files, int nfiles,
    const struct ner_train_opts *o);

#endif
