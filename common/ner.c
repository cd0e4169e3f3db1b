/*
 * ner: the model and the tagger.
 *
 * Model file, all little-endian, used in place (no parsing, so loading
 * the embedded model costs nothing):
 *   0   magic "NUNERv01"
 *   8   u32 labels (NER_NLAB), u32 fcap, u32 gcap, f32 scale, u32 nrow
 *   28  zero up to 64
 *   64  u32 slot[fcap][2]       feature key (ner_feats; 0 = empty slot)
 *                               and its row of weights; open addressing,
 *                               linear probing
 *       i16 w[nrow][NER_NLAB]   weights; a score is their sum times scale
 *       u32 gkey[gcap]          gazetteer (struct ner_gaz)
 *       u8  gval[gcap]
 * fcap and gcap are powers of two (gcap may be 0).
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "embed.h"
#include "ner.h"

EMBED(ner_model_bin, "common/ner.model.bin");

const char *const ner_type_name[] = { "PER", "ORG", "LOC", "MISC", NULL };

struct ner_model {
	const uint32_t *slot;	/* key, row */
	const int16_t *w;
	uint32_t fcap;
	float scale;
	struct ner_gaz gaz;
	float tr[(NER_NLAB + 1) * NER_NLAB];
	void *mem;		/* owned copy of a loaded file, or NULL */
};

#define HDR 64

static uint32_t
rd32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static inline const int16_t *
row(const struct ner_model *m, uint32_t k)
{
	uint32_t msk = m->fcap - 1, j;

	for (j = k & msk; m->slot[2 * j]; j = (j + 1) & msk)
		if (m->slot[2 * j] == k)
			return m->w + (size_t)m->slot[2 * j + 1] * NER_NLAB;
	return NULL;
}

/* Check the layout of p[0..n) and point m into it; NULL or a reason. */
static const char *
setup(struct ner_model *m, const unsigned char *p, size_t n, int trusted)
{
	uint32_t fcap, gcap, nrow, j;
	size_t need, off;
	float scale;
	int y, q;

	if (n < HDR || memcmp(p, "NUNERv01", 8) != 0)
		return "not a tag-entities model";
	if (rd32(p + 8) != NER_NLAB)
		return "model has other labels";
	fcap = rd32(p + 12);
	gcap = rd32(p + 16);
	memcpy(&scale, p + 20, 4);
	nrow = rd32(p + 24);
	if (fcap == 0 || (fcap & (fcap - 1)) || fcap > 1u << 28 ||
	    (gcap & (gcap - 1)) || gcap > 1u << 28 || nrow >= fcap)
		return "bad table sizes";
	off = HDR + (size_t)fcap * 8 + (size_t)nrow * NER_NLAB * 2;
	off = (off + 3) & ~(size_t)3;
	need = off + (size_t)gcap * 5;
	if (n < need)
		return "truncated model";
	if (((uintptr_t)p & 3) != 0)
		return "misaligned model";
	m->slot = (const uint32_t *)(p + HDR);
	m->w = (const int16_t *)(p + HDR + (size_t)fcap * 8);
	m->fcap = fcap;
	m->scale = scale;
	m->gaz.cap = gcap;
	m->gaz.key = gcap ? (const uint32_t *)(p + off) : NULL;
	m->gaz.val = gcap ? p + off + (size_t)gcap * 4 : NULL;
	/* a table with no empty slot would make look-ups loop forever, and
	 * a row past the end would read outside the file */
	if (!trusted) {
		for (j = 0; j < fcap && m->slot[2 * j]; j++)
			;
		if (j == fcap)
			return "feature table full";
		for (j = 0; j < fcap; j++)
			if (m->slot[2 * j] && m->slot[2 * j + 1] >= nrow)
				return "bad row index";
	}
	for (q = 0; q <= NER_NLAB; q++) {
		const int16_t *r = row(m, ner_transkey(q));

		for (y = 0; y < NER_NLAB; y++)
			m->tr[q * NER_NLAB + y] = r ? r[y] * scale : 0;
	}
	return NULL;
}

const struct ner_model *
ner_default(void)
{
	static struct ner_model m;
	static int done;
	const char *why;

	if (!done) {
		why = setup(&m, (const unsigned char *)ner_model_bin,
		    ner_model_bin_len, 1);
		if (why)
			errx(1, "embedded model: %s", why);
		done = 1;
	}
	return &m;
}

struct ner_model *
ner_load(const char *path)
{
	struct ner_model *m;
	struct stat st;
	FILE *fp;
	char *p;
	const char *why;

	if ((fp = fopen(path, "rb")) == NULL) {
		warn("%s", path);
		return NULL;
	}
	if (fstat(fileno(fp), &st) == -1 || !S_ISREG(st.st_mode)) {
		warnx("%s: not a regular file", path);
		fclose(fp);
		return NULL;
	}
	/* one read of the whole file; malloc'd memory is aligned for the
	 * u32 tables */
	p = xmalloc((size_t)st.st_size + 1);
	if (fread(p, 1, (size_t)st.st_size, fp) != (size_t)st.st_size) {
		warn("%s", path);
		fclose(fp);
		free(p);
		return NULL;
	}
	fclose(fp);
	m = xcalloc(1, sizeof *m);
	if ((why = setup(m, (const unsigned char *)p, (size_t)st.st_size,
	    0)) != NULL) {
		warnx("%s: %s", path, why);
		free(p);
		free(m);
		return NULL;
	}
	m->mem = p;
	return m;
}

void
ner_free(struct ner_model *m)
{
	if (m) {
		free(m->mem);
		free(m);
	}
}

/* Tagging */

/*
 * Tagging keeps no per-token state for the whole document: a first pass
 * counts how words are written, a second tags text by text.  Only the
 * tokens of entities are kept, for resolve().
 */
struct scratch {
	struct ner_tok *tok;	/* tokens of the current text */
	size_t tokcap;
	struct ner_tinfo *ti;
	float *sc, *dp;
	uint8_t *back, *lab;
	uint8_t *lab2;		/* a headline's labels as written */
	size_t cap;		/* of ti, sc, dp, back, lab, lab2 */
	struct ner_tok *et;	/* entity tokens, in text offsets */
	size_t net, etcap;
	size_t *eb;		/* entity i: et[eb[2i] .. eb[2i+1]) */
	size_t ebcap;
	char *rc;		/* a headline in capitals, recased */
	size_t rccap;
	struct ner_tok *rt;	/* its tokens, in rc offsets */
	size_t rtcap;
};

static void
grow(struct scratch *s, size_t n)
{
	if (n <= s->cap)
		return;
	s->cap = n + n / 2 + 16;
	s->ti = xreallocarray(s->ti, s->cap, sizeof *s->ti);
	s->sc = xreallocarray(s->sc, s->cap, NER_NLAB * sizeof *s->sc);
	s->dp = xreallocarray(s->dp, s->cap, NER_NLAB * sizeof *s->dp);
	s->back = xreallocarray(s->back, s->cap, NER_NLAB);
	s->lab = xreallocarray(s->lab, s->cap, 1);
	s->lab2 = xreallocarray(s->lab2, s->cap, 1);
}

/* A row's first 16 weights are summed eight lanes at a time (the sums are
 * exact in 32 bits, so the scores are those of a label-by-label loop). */
typedef int16_t v8s __attribute__((vector_size(16)));
typedef int32_t v8i __attribute__((vector_size(32)));
_Static_assert(NER_NLAB == 17, "score() sums 16 weights and one more");

static void
score(const struct ner_model *m, const struct ner_tinfo *ti, size_t n,
    const struct ner_dmap *d, float *sc)
{
	uint32_t f[NER_MAXF];
	size_t i, k, nf, nr;
	int y;

	for (i = 0; i < n; i++) {
		const int16_t *r[NER_MAXF];
		v8i a0 = { 0 }, a1 = { 0 };
		v8s h0, h1;
		int32_t a16 = 0, acc[16];

		nf = ner_feats(ti, n, i, d, f);
		/* the look-ups miss the cache: start them all at once */
		for (k = 0; k < nf; k++)
			__builtin_prefetch(m->slot + 2 * (f[k] & (m->fcap - 1)));
		for (k = nr = 0; k < nf; k++)
			if ((r[nr] = row(m, f[k])) != NULL)
				__builtin_prefetch(r[nr++]);
		for (k = 0; k < nr; k++) {
			memcpy(&h0, r[k], sizeof h0);
			memcpy(&h1, r[k] + 8, sizeof h1);
			a0 += __builtin_convertvector(h0, v8i);
			a1 += __builtin_convertvector(h1, v8i);
			a16 += r[k][16];
		}
		memcpy(acc, &a0, sizeof a0);
		memcpy(acc + 8, &a1, sizeof a1);
		for (y = 0; y < 16; y++)
			sc[i * NER_NLAB + y] = acc[y] * m->scale;
		sc[i * NER_NLAB + 16] = a16 * m->scale;
	}
}

static int
sametok(const struct ner_text *t, const struct ner_tok *a,
    const struct ner_text *u, const struct ner_tok *b)
{
	size_t n = a->end - a->start;

	return n == b->end - b->start &&
	    memcmp(t->text + a->start, u->text + b->start, n) == 0;
}

/* Earlier names by hashes of their words: key -> entity index + 1. */
struct emap {
	uint64_t *key;
	size_t *val;
	size_t cap, n;
};

static uint64_t
hashtoks(const struct ner_text *t, const struct ner_tok *tk, size_t n,
    uint64_t seed)
{
	uint64_t h = seed * 0x9e3779b97f4a7c15ULL + 0x51;
	size_t i, k;

	for (i = 0; i < n; i++) {
		for (k = tk[i].start; k < tk[i].end; k++)
			h = (h ^ (unsigned char)t->text[k]) * 0x100000001b3ULL;
		h = (h ^ 0xff) * 0x100000001b3ULL;
	}
	return h ? h : 1;
}

static void
eput(struct emap *m, uint64_t k, size_t v)
{
	size_t j, i, msk;

	if (2 * (m->n + 1) > m->cap) {
		uint64_t *ok = m->key;
		size_t *ov = m->val, oc = m->cap;

		m->cap = oc ? 2 * oc : 256;
		m->key = xcalloc(m->cap, sizeof *m->key);
		m->val = xcalloc(m->cap, sizeof *m->val);
		m->n = 0;
		for (i = 0; i < oc; i++)
			if (ok[i])
				eput(m, ok[i], ov[i]);
		free(ok);
		free(ov);
	}
	msk = m->cap - 1;
	for (j = (k ^ k >> 29) & msk; m->key[j]; j = (j + 1) & msk)
		if (m->key[j] == k)
			break;
	if (!m->key[j])
		m->n++;
	m->key[j] = k;
	m->val[j] = v + 1;
}

static size_t
eget(const struct emap *m, uint64_t k)
{
	size_t j, msk = m->cap - 1;

	if (m->cap == 0)
		return 0;
	for (j = (k ^ k >> 29) & msk; m->key[j]; j = (j + 1) & msk)
		if (m->key[j] == k)
			return m->val[j];
	return 0;
}

static int
sametoks(const struct ner_text *t, const struct ner_tok *a,
    const struct ner_text *u, const struct ner_tok *b, size_t n)
{
	size_t k;

	for (k = 0; k < n; k++)
		if (!sametok(t, &a[k], u, &b[k]))
			return 0;
	return 1;
}

static int
tokis(const char *text, const struct ner_tok *t, const char *w)
{
	size_t n = strlen(w);

	return t->end - t->start == n && memcmp(text + t->start, w, n) == 0;
}

/* Is the token one of the NULL-ended list? */
static int
tokin(const char *text, const struct ner_tok *t, const char *const *list)
{
	return ner_inlist(list, text + t->start, t->end - t->start);
}

/*
 * Institutions named after a person ("the Andy Warhol Foundation", "the
 * Nobel Prize"): the person's name alone, which they start with, is
 * still the person's.
 */
static const char *const namesakes[] = {
	"Academy", "Award", "Awards", "Centre", "Center", "College",
	"Foundation", "Fund", "Hall", "Hospital", "Institute", "Library",
	"Medal", "Memorial", "Museum", "Prize", "School", "Society",
	"Stadium", "Theater", "Theatre", "Trust", "University", NULL
};

/*
 * A short mention of a name given in full earlier in the document takes
 * its type and norm: a person's surname or forename alone, an
 * organisation's or place's leading words.  Linear in the entities: each
 * longer name is indexed by its edge words and its prefixes.
 */
#define SEED_PER 7

/* Does the gazetteer list the one word tk as a nationality (MISC)? */
static int
nationality(const struct ner_text *t, const struct ner_tok *tk,
    const struct ner_gaz *g)
{
	struct ner_tinfo ti;

	ner_tinfo_fill(&ti, t->text, tk, 1);
	ner_gaz_mark(g, &ti, 1);
	return ti.gaz[NER_MISC] == 1 + NER_U;
}

static void
resolve(const struct ner_text *t, const struct scratch *s, struct ner_ent *e,
    size_t n, const struct ner_gaz *g)
{
	struct emap m = { NULL, NULL, 0, 0 };
	size_t i, a, len, k, p;

	for (i = 0; i < n; i++) {
		const struct ner_text *et = &t[e[i].text];
		const struct ner_tok *tk;

		a = s->eb[2 * i];
		len = s->eb[2 * i + 1] - a;
		tk = &s->et[a];
		if (len == 1 && (p = eget(&m, hashtoks(et, tk, 1,
		    SEED_PER))) != 0) {
			const struct ner_ent *q = &e[p - 1];
			const struct ner_tok *qt = &s->et[s->eb[2 * (p - 1)]];
			size_t ql = s->eb[2 * (p - 1) + 1] - s->eb[2 * (p - 1)];

			if (sametok(et, tk, &t[q->text], &qt[0]) ||
			    sametok(et, tk, &t[q->text], &qt[ql - 1])) {
				e[i].type = NER_PER;
				e[i].norm = q->norm;
				e[i].normlen = q->normlen;
				goto index;
			}
		}
		/* "Brightwater" after "Brightwater Capital" is the company,
		 * whatever the word alone looked like (but a place stays, and
		 * a nationality the model tagged as one: "Swiss" after "Swiss
		 * National Bank") */
		if (len == 1 && e[i].type == NER_MISC && nationality(et, tk, g))
			goto index;
		if ((e[i].type != NER_PER && (p = eget(&m, hashtoks(et, tk,
		    len, 1 + e[i].type))) != 0) || (e[i].type != NER_LOC &&
		    (p = eget(&m, hashtoks(et, tk, len, 1 + NER_ORG))) != 0)) {
			const struct ner_ent *q = &e[p - 1];
			const struct ner_tok *qt = &s->et[s->eb[2 * (p - 1)]];

			if (sametoks(et, tk, &t[q->text], qt, len) &&
			    !(e[i].type == NER_PER && tokin(t[q->text].text,
			    &qt[len], namesakes))) {
				e[i].type = q->type;
				e[i].norm = q->norm;
				e[i].normlen = q->normlen;
			}
		}
index:
		/* only full names are indexed, so norms do not chain */
		if (len < 2 || e[i].norm != et->text + tk[0].start)
			continue;
		if (e[i].type == NER_PER) {
			eput(&m, hashtoks(et, tk, 1, SEED_PER), i);
			eput(&m, hashtoks(et, tk + len - 1, 1, SEED_PER), i);
		} else
			for (k = 1; k < len; k++)
				eput(&m, hashtoks(et, tk, k, 1 + e[i].type), i);
	}
	free(m.key);
	free(m.val);
}

/* Lower-case words that may sit inside a name ("Bank of China", "Leonardo
 * da Vinci", "Omar al-Bashir") */
static const char *const particles[] = {
	"al", "and", "ben", "bin", "da", "das", "de", "del", "della", "der",
	"des", "di", "do", "dos", "du", "el", "for", "ibn", "in", "la", "le",
	"of", "on", "the", "van", "von", "y", "zu", NULL
};

/*
 * A name does not run across an ordinary lower-case word: in "French bank
 * Societe Generale" the name starts after "bank".  Returns the new start.
 */
static size_t
lowertrim(const char *text, const struct ner_tok *tk, size_t a, size_t b)
{
	size_t i, n, start = a;
	const char *w;

	for (i = a + 1; i < b; i++) {
		w = text + tk[i].start;
		n = tk[i].end - tk[i].start;
		if (!(w[0] >= 'a' && w[0] <= 'z') || n < 2)
			continue;
		if (!ner_inlist(particles, w, n))
			start = i + 1;
	}
	return start;
}

/*
 * Arabic names go on through a particle joined by a hyphen: "Abdel Fattah
 * el-Sisi", "Bashar al-Assad", which the tokenizer cuts at the hyphen.
 * Returns the new last token of the person ending at b, and labels the
 * words taken in as the person's.
 */
static size_t
particle(const char *text, const struct ner_tok *tk, size_t n, size_t b,
    uint8_t *lab)
{
	static const char *const p[] = {
		"al", "el", "bin", "ben", "abu", "ibn", "ul", "ad", "as", "ash",
		"an", "ar", "az", NULL
	};
	const char *w;
	size_t len, k;

	if (b + 3 >= n)
		return b;
	w = text + tk[b + 1].start;
	len = tk[b + 1].end - tk[b + 1].start;
	if (tk[b + 1].end != tk[b + 2].start ||
	    tk[b + 2].end != tk[b + 3].start ||
	    tk[b + 2].end - tk[b + 2].start != 1 ||
	    text[tk[b + 2].start] != '-' ||
	    !(text[tk[b + 3].start] >= 'A' && text[tk[b + 3].start] <= 'Z'))
		return b;
	for (k = 0; p[k]; k++)
		if (strlen(p[k]) == len && strncasecmp(p[k], w, len) == 0)
			break;
	if (!p[k])
		return b;
	for (k = b + 1; k <= b + 3; k++)
		lab[k] = NER_LAB(NER_PER, k == b + 3 ? NER_L : NER_I);
	return b + 3;
}

/* Lower-case particles of a person's name ("Osman bin Laden", "Ludwig
 * van Beethoven", "Maria da Silva") */
static int
nameparticle(const char *w, size_t n)
{
	static const char *const p[] = {
		"al", "ben", "bin", "da", "das", "de", "del", "della", "der",
		"di", "dos", "du", "el", "ibn", "van", "von", NULL
	};

	return ner_inlist(p, w, n);
}

/*
 * A particle between a person's name and a capitalised word, or between
 * two names one of which is a person's, joins them: the decoder often cuts
 * "Osman bin Laden" into "Osman" and "Laden", or stops "Ludwig" short of
 * "van Beethoven".  Relabels lab[0..n) so that the joined words are one
 * person.
 */
static void
joinparticles(const char *text, const struct ner_tok *tk, size_t n,
    uint8_t *lab)
{
	size_t i, a, b, e;
	int t1, t2;
	unsigned char c;

	for (i = 1; i + 1 < n; i++) {
		if (lab[i] != 0 || lab[i - 1] == 0 ||
		    (NER_LABPOS(lab[i - 1]) != NER_L &&
		    NER_LABPOS(lab[i - 1]) != NER_U) ||
		    !nameparticle(text + tk[i].start, tk[i].end - tk[i].start))
			continue;
		c = (unsigned char)text[tk[i + 1].start];
		if (!(c >= 'A' && c <= 'Z'))
			continue;
		t1 = NER_LABTYPE(lab[i - 1]);
		for (a = i - 1; a > 0 && NER_LABPOS(lab[a]) != NER_B &&
		    NER_LABPOS(lab[a]) != NER_U; a--)
			;
		if (lab[i + 1] != 0) {
			if (NER_LABPOS(lab[i + 1]) != NER_B &&
			    NER_LABPOS(lab[i + 1]) != NER_U)
				continue;
			t2 = NER_LABTYPE(lab[i + 1]);
			if (t1 != NER_PER && t2 != NER_PER)
				continue;
			/* the decoder's BILOU constraints end it by n; the
			 * bound is for a label sequence from elsewhere */
			for (e = i + 1; e + 1 < n &&
			    NER_LABPOS(lab[e]) != NER_L &&
			    NER_LABPOS(lab[e]) != NER_U; e++)
				;
		} else {
			/* an untagged word after a person: its surname */
			if (t1 != NER_PER || tk[i + 1].end - tk[i + 1].start < 2)
				continue;
			e = i + 1;
		}
		for (b = a; b <= e; b++)
			lab[b] = (uint8_t)NER_LAB(NER_PER, b == a ? NER_B :
			    b == e ? NER_L : NER_I);
		i = e;
	}
}

/* Add the entity tok[a..b] of text j; returns how many entities that
 * added (0 when it extended the one before). */
static int
addent(struct scratch *s, struct ner_ent **v, size_t *cap, size_t ne,
    const struct ner_text *t, size_t j, const struct ner_tok *tk, size_t a,
    size_t b, int y)
{
	struct ner_ent *e;
	size_t k;

	if (ne == *cap) {
		*cap = *cap ? 2 * *cap : 32;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	if (2 * ne + 2 > s->ebcap) {
		s->ebcap = 2 * ne + 64;
		s->eb = xreallocarray(s->eb, s->ebcap, sizeof *s->eb);
	}
	if (s->net + (b - a + 2) > s->etcap) {
		s->etcap = 2 * (s->net + b - a + 2) + 64;
		s->et = xreallocarray(s->et, s->etcap, sizeof *s->et);
	}
	/* a place glued by a hyphen to an organisation's name is part of
	 * it: "U.S.-China Cybersecurity Working Group" (but "U.S.-China
	 * talks" stays two places) */
	if (ne > 0 && y != 0 && NER_LABTYPE(y) == NER_ORG && b > a && a >= 2 &&
	    tk[a - 1].end - tk[a - 1].start == 1 &&
	    t[j].text[tk[a - 1].start] == '-' && tk[a - 1].end == tk[a].start &&
	    (*v)[ne - 1].text == j &&
	    (*v)[ne - 1].end == t[j].start + tk[a - 1].start) {
		e = &(*v)[ne - 1];
		e->end = t[j].start + tk[b].end;
		e->type = NER_ORG;
		e->normlen = (size_t)(t[j].text + tk[b].end - e->norm);
		for (k = a - 1; k <= b; k++)
			s->et[s->net++] = tk[k];
		s->eb[2 * ne - 1] = s->net;
		return 0;
	}
	e = &(*v)[ne];
	e->start = t[j].start + tk[a].start;
	e->end = t[j].start + tk[b].end;
	e->type = (enum ner_type)NER_LABTYPE(y);
	e->norm = t[j].text + tk[a].start;
	e->normlen = tk[b].end - tk[a].start;
	e->text = j;
	s->eb[2 * ne] = s->net;
	for (k = a; k <= b; k++)
		s->et[s->net++] = tk[k];
	s->eb[2 * ne + 1] = s->net;
	return 1;
}

/*
 * One sense per discourse: words tagged as a name somewhere in the
 * document are that name where they appear again untagged, capitalised as
 * before (a single word only when the document never writes it in lower
 * case, so a sentence-initial "The" tagged once by mistake goes no
 * further), and so is a person's surname alone.  Returns the new number
 * of entities, sorted again.
 */
#define SEED_PROP 11
#define SEED_SUR 13
#define PROP_MAX 4

struct order {
	size_t start, i;
};

static int
byorder(const void *a, const void *b)
{
	const struct order *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

static size_t
propagate(const struct ner_text *t, size_t n, struct scratch *s,
    const struct ner_dmap *d, const struct ner_gaz *g, struct ner_ent **v,
    size_t *cap, size_t ne)
{
	struct emap m = { NULL, NULL, 0, 0 };
	struct order *o;
	struct ner_ent *e2;
	size_t *eb2, i, j, k, a, len, nt, p, l, ne0 = ne, first = 0;
	enum ner_type type;
	unsigned char ch;
	int sur;

	for (i = 0; i < ne; i++) {
		const struct ner_text *et = &t[(*v)[i].text];

		a = s->eb[2 * i];
		len = s->eb[2 * i + 1] - a;
		ch = (unsigned char)et->text[s->et[a].start];
		if (len > PROP_MAX || !(ch >= 'A' && ch <= 'Z'))
			continue;
		if (!eget(&m, hashtoks(et, &s->et[a], len, SEED_PROP)))
			eput(&m, hashtoks(et, &s->et[a], len, SEED_PROP), i);
		/* a person's surname stands for the person anywhere in the
		 * story: "Kowalczyk, 34, was arrested" */
		ch = (unsigned char)et->text[s->et[a + len - 1].start];
		if ((*v)[i].type == NER_PER && len > 1 && ch >= 'A' &&
		    ch <= 'Z' && s->et[a + len - 1].end -
		    s->et[a + len - 1].start > 1 &&
		    !eget(&m, hashtoks(et, &s->et[a + len - 1], 1, SEED_SUR)))
			eput(&m, hashtoks(et, &s->et[a + len - 1], 1, SEED_SUR),
			    i);
	}
	if (m.n == 0)
		return ne;
	for (j = 0; j < n; j++) {
		const struct ner_tok *tk;
		size_t next = first;

		/* the entities of text j are [first, next) */
		while (next < ne0 && (*v)[next].text == j)
			next++;
		nt = ner_tokenize(t[j].text, t[j].len, &s->tok, &s->tokcap);
		tk = s->tok;
		k = first;
		for (i = 0; i < nt; i++) {
			size_t ts = t[j].start + tk[i].start;

			while (k < next && (*v)[k].end <= ts)
				k++;
			if (k < next && (*v)[k].start < t[j].start + tk[i].end)
				continue;	/* inside a tagged name */
			ch = (unsigned char)t[j].text[tk[i].start];
			if (!(ch >= 'A' && ch <= 'Z'))
				continue;
			for (l = PROP_MAX; l > 0; l--) {
				const struct ner_ent *q;

				if (i + l > nt || (k < next && (*v)[k].start <
				    t[j].start + tk[i + l - 1].end))
					continue;
				p = eget(&m, hashtoks(&t[j], tk + i, l,
				    SEED_PROP));
				q = p ? &(*v)[p - 1] : NULL;
				if (q && (s->eb[2 * (p - 1) + 1] -
				    s->eb[2 * (p - 1)] != l ||
				    !sametoks(&t[j], tk + i, &t[q->text],
				    &s->et[s->eb[2 * (p - 1)]], l)))
					q = NULL;
				sur = 0;
				if (!q && l == 1 && (p = eget(&m, hashtoks(&t[j],
				    tk + i, 1, SEED_SUR))) != 0) {
					q = &(*v)[p - 1];
					sur = 1;
					if (!sametok(&t[j], tk + i, &t[q->text],
					    &s->et[s->eb[2 * (p - 1) + 1] - 1]))
						q = NULL;
				}
				if (!q)
					continue;
				if (l == 1) {
					grow(s, 1);
					ner_tinfo_fill(s->ti, t[j].text, tk + i,
					    1);
					if (ner_dmap_lower(d, s->ti[0].lw))
						continue;
					/* a surname alone only if no word list
					 * knows it: "Wednesday", "Dec" are
					 * taken for a person's last word too */
					if (sur) {
						ner_gaz_mark(g, s->ti, 1);
						if (s->ti[0].lex)
							continue;
					}
				}
				/* addent() may move *v: q must not be read after */
				type = q->type;
				addent(s, v, cap, ne, t, j, tk, i, i + l - 1,
				    NER_LAB(type, l == 1 ? NER_U : NER_B));
				(*v)[ne].type = type;
				ne++;
				i += l - 1;
				break;
			}
		}
		first = next;
	}
	free(m.key);
	free(m.val);
	if (ne == ne0)
		return ne;
	/* back into document order */
	o = xreallocarray(NULL, ne, sizeof *o);
	for (i = 0; i < ne; i++) {
		o[i].start = (*v)[i].start;
		o[i].i = i;
	}
	qsort(o, ne, sizeof *o, byorder);
	e2 = xreallocarray(NULL, ne, sizeof *e2);
	eb2 = xreallocarray(NULL, 2 * ne, sizeof *eb2);
	for (i = 0; i < ne; i++) {
		e2[i] = (*v)[o[i].i];
		eb2[2 * i] = s->eb[2 * o[i].i];
		eb2[2 * i + 1] = s->eb[2 * o[i].i + 1];
	}
	memcpy(*v, e2, ne * sizeof *e2);
	memcpy(s->eb, eb2, 2 * ne * sizeof *eb2);
	free(o);
	free(e2);
	free(eb2);
	return ne;
}

/*
 * A headline or dateline set in capitals ("HARBOR CITY MAYOR QUITS") says
 * nothing by its case, and the training sets have few: it is tagged as
 * if written in sentence case, each word as the document writes it
 * elsewhere, or else as the word list does, an unknown word as a name.
 * Only a text mostly in capitals (ner_tinfo_fill()'s sflag) is recased,
 * and never a social-media post shouting ("RT @user", hashtags, links):
 * its capitals hide slang and other languages, which recasing would turn
 * into names.
 */
static int
headline(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n)
{
	size_t i, l;
	const char *p;

	if (n == 0 || ti[0].sflag != 2)
		return 0;
	for (i = 0; i < n; i++) {
		p = text + tk[i].start;
		l = tk[i].end - tk[i].start;
		if (p[0] == '@' || p[0] == '#' ||
		    (l == 2 && memcmp(p, "RT", 2) == 0) ||
		    (l >= 4 && (strncasecmp(p, "http", 4) == 0 ||
		    strncasecmp(p, "www.", 4) == 0)))
			return 0;
	}
	return 1;
}

/*
 * Recase text's tokens tk[0..n) into s->rc (tokens s->rt, at the same
 * lengths: only ASCII letters change) and refill s->ti[0..n) from it.
 */
static void
recase(struct scratch *s, const char *text, const struct ner_tok *tk,
    size_t n, const struct ner_dmap *d, const struct ner_gaz *g)
{
	struct ner_tinfo *ti = s->ti;
	size_t base = tk[0].start, len = tk[n - 1].end - base, i, k, wl;
	size_t low, cap;
	char *p;
	int title;

	if (len > s->rccap) {
		s->rccap = len + len / 2 + 64;
		s->rc = xrealloc(s->rc, s->rccap);
	}
	if (n > s->rtcap) {
		s->rtcap = n + n / 2 + 16;
		s->rt = xreallocarray(s->rt, s->rtcap, sizeof *s->rt);
	}
	memcpy(s->rc, text + base, len);
	for (i = 0; i < n; i++) {
		s->rt[i].start = tk[i].start - base;
		s->rt[i].end = tk[i].end - base;
		p = s->rc + s->rt[i].start;
		wl = s->rt[i].end - s->rt[i].start;
		/* initials and abbreviations (U.S.) stay as they are */
		if (ti[i].cap != NER_CAP_UPPER || memchr(p, '.', wl))
			continue;
		low = ner_dmap_lower(d, ti[i].lw);
		cap = ner_dmap_capped(d, ti[i].lw);
		if (low || cap)
			title = cap > low;
		else
			title = !(ti[i].lex & NER_LEX_LOWER);
		title |= ti[i].first;
		for (k = title ? 1 : 0; k < wl; k++)
			if (p[k] >= 'A' && p[k] <= 'Z')
				p[k] += 'a' - 'A';
	}
	ner_tinfo_fill(ti, s->rc, s->rt, n);
	ner_gaz_mark(g, ti, n);
}

/* The next name of lab[0..n) at or after *a: its first and last tokens
 * in *a and *b; 0 when there is none. */
static int
nextname(const uint8_t *lab, size_t n, size_t *a, size_t *b)
{
	while (*a < n && lab[*a] == 0)
		(*a)++;
	if (*a >= n)
		return 0;
	*b = ner_labend(lab, *a, n);
	return 1;
}

/* Does no name of lab[] cross the edges of the span a..b: does one start
 * at a or before it ends, and end at b or after it starts? */
static int
clear_edges(const uint8_t *lab, size_t a, size_t b)
{
	return (lab[a] == 0 || NER_LABPOS(lab[a]) == NER_B ||
	    NER_LABPOS(lab[a]) == NER_U) && (lab[b] == 0 ||
	    NER_LABPOS(lab[b]) == NER_L || NER_LABPOS(lab[b]) == NER_U);
}

/* The name lab[a..b] becomes one of type y, its tokens' places kept. */
static void
retype(uint8_t *lab, size_t a, size_t b, int y)
{
	size_t k;

	for (k = a; k <= b; k++)
		lab[k] = (uint8_t)NER_LAB(y, NER_LABPOS(lab[k]));
}

/*
 * The recased reading lab[0..n) wins, but a name that the text as
 * written, read as o[0..n), gives in full stays whole where the recased
 * reading tagged none or only part of it ("REAL MADRID", whose "real"
 * the word list writes in lower case): an entity of o[] replaces what
 * lab[] has on its tokens when every entity of lab[] it touches lies
 * inside it and leaves at least one of its tokens untagged.
 */
static void
keepwhole(uint8_t *lab, const uint8_t *o, size_t n)
{
	size_t a, b, k, tagged;

	for (a = 0; nextname(o, n, &a, &b); a = b + 1) {
		if (!clear_edges(lab, a, b))
			continue;
		for (tagged = 0, k = a; k <= b; k++)
			tagged += lab[k] != 0;
		if (tagged <= b - a)
			memcpy(lab + a, o + a, b - a + 1);
	}
}

/*
 * A person's name that opens its capitalised run with a company word
 * ("Banque Leman Privee", "Banco Pitanga": ner_feat.c's cue classes) is an
 * organisation: the model takes a firm it has never seen for a person.
 */
static int
firmname(const struct ner_tinfo *ti, const uint8_t *lab, size_t a, size_t b)
{
	return NER_LABTYPE(lab[a]) == NER_PER && b > a &&
	    (ti[a].cuehead & 15) == NER_CUE_FIRM &&
	    !(a > 0 && (ti[a - 1].cap == NER_CAP_INIT ||
	    ti[a - 1].cap == NER_CAP_UPPER));
}

/*
 * Lower-case nouns for a kind of organisation: a name right after one
 * ("mobile operator Nusantara Seluler", "the newspaper El Pais", "Italian
 * roaster Bellucci") is that organisation, where the model, which has not
 * seen the name, takes it for a person or a place.  Words that also name
 * a person's role (developer, producer, partner, rival) are not here.
 */
static const char *const orgkinds[] = {
	"agency", "airline", "automaker", "band", "bank", "bloc", "brewer",
	"broadcaster", "carmaker", "carrier", "chain", "charity", "club",
	"coalition", "company", "conglomerate", "daily", "exchange",
	"federation", "firm", "fund", "group", "insurer", "label", "lender",
	"magazine", "maker", "makers", "manufacturer", "marketplace",
	"militia", "miner", "newspaper", "operator", "operators",
	"organisation", "organization", "outfit", "platform", "pollster",
	"pollsters", "promoter", "publisher", "regulator", "retailer",
	"roaster", "ruling", "side", "station", "streamer", "studio",
	"subsidiary", "supplier", "tabloid", "union", NULL
};

/* A person or place lab[a..b] right after such a noun, or after "shares
 * in", "shares of" or "stake in" unless the gazetteer knows it as a place,
 * is an organisation, and so is a person before "shares" ("Corbett shares
 * jumped"). */
static int
kindname(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n, const uint8_t *lab, size_t a,
    size_t b)
{
	int y = NER_LABTYPE(lab[a]);

	if (y != NER_PER && y != NER_LOC)
		return 0;
	if (a > 0 && tokin(text, &tk[a - 1], orgkinds))
		return 1;
	/* "shares in Kenya" are still Kenya's */
	if (a > 1 && !ti[a].gaz[NER_LOC] &&
	    ((tokis(text, &tk[a - 1], "in") &&
	    (tokis(text, &tk[a - 2], "shares") ||
	    tokis(text, &tk[a - 2], "stake"))) ||
	    (tokis(text, &tk[a - 1], "of") &&
	    tokis(text, &tk[a - 2], "shares"))))
		return 1;
	return y == NER_PER && b + 1 < n && tokis(text, &tk[b + 1], "shares");
}

/*
 * A team is an organisation, but the model reads a club named after its
 * town as the town: a place right after "joined", "coached" or a verb of
 * playing and "for" or "with" ("signed for Leeds", "played with North
 * Melbourne"), a person right after one with "for" ("signed for Al
 * Ahly"), and a place or person right before a player's or coach's role
 * ("Celtic manager", "Bordeaux coach") is a club, unless the gazetteer
 * knows it as a country: CoNLL counts a national team as its country
 * ("played for Brazil", "Morocco coach").
 */
static const char *const clubverbs[] = {
	"appearances", "appeared", "appearing", "debut", "debuted", "games",
	"goals", "matches", "played", "playing", "plays", "scored", "scores",
	"scoring", "signed", "signing", "signs", "starred", "starring", NULL
};
static const char *const clubjoins[] = {
	"captained", "captains", "coached", "coaches", "coaching", "joined",
	"joining", "joins", NULL
};

static const char *const clubroles[] = {
	"boss", "coach", "defender", "forward", "goalkeeper", "manager",
	"midfielder", "striker", "winger", NULL
};

static int
clubname(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n, const uint8_t *lab, size_t a,
    size_t b, const struct ner_gaz *g)
{
	int y = NER_LABTYPE(lab[a]), cue = 0;

	if (y != NER_PER && y != NER_LOC)
		return 0;
	if (b + 1 < n && tokin(text, &tk[b + 1], clubroles))
		cue = 1;
	else if (a == 0)
		return 0;
	else if (y == NER_LOC && tokin(text, &tk[a - 1], clubjoins))
		cue = 1;
	else if (a > 1 && (tokis(text, &tk[a - 1], "for") ||
	    (y == NER_LOC && tokis(text, &tk[a - 1], "with"))) &&
	    tokin(text, &tk[a - 2], clubverbs))
		cue = 1;
	return cue && !(ner_gaz_name(g, ti + a, b - a + 1) & NER_GAZ_CTRY);
}

/*
 * Where someone works: a place or person right after a job and "at" ("an
 * analyst at Bernstein", "a researcher at NTT Data") is an organisation,
 * unless the gazetteer knows it as a country.
 */
static const char *const jobsat[] = {
	"analyst", "analysts", "director", "economist", "economists",
	"employee", "employees", "engineer", "engineers", "executive",
	"executives", "fellow", "lawyer", "lawyers", "manager", "partner",
	"professor", "researcher", "researchers", "scientist", "scientists",
	"strategist", "strategists", "trader", "traders", NULL
};

static int
workname(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, const uint8_t *lab, size_t a, size_t b,
    const struct ner_gaz *g)
{
	int y = NER_LABTYPE(lab[a]);

	return (y == NER_PER || y == NER_LOC) && a > 1 &&
	    tokis(text, &tk[a - 1], "at") && tokin(text, &tk[a - 2], jobsat) &&
	    !(ner_gaz_name(g, ti + a, b - a + 1) & NER_GAZ_CTRY);
}

/*
 * A newspaper's name ends in a word that says so ("the New Zealand
 * Herald", "the Saudi Gazette"); the model, reading the place it starts
 * with, takes it for a place or a person.
 */
static int
papername(const char *text, const struct ner_tok *tk, const uint8_t *lab,
    size_t a, size_t b)
{
	static const char *const p[] = {
		"Chronicle", "Courier", "Dispatch", "Enquirer", "Examiner",
		"Gazette", "Herald", "Inquirer", "Journal", "Observer",
		"Sentinel", "Telegraph", "Tribune", NULL
	};
	int y = NER_LABTYPE(lab[a]);

	return (y == NER_PER || y == NER_LOC) && b > a &&
	    tokin(text, &tk[b], p);
}

/* Relabels lab[0..n): each name firmname(), kindname(), clubname(),
 * papername() or workname() says is an organisation becomes one, token
 * by token. */
static void
orgnames(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n, uint8_t *lab,
    const struct ner_gaz *g)
{
	size_t a, b;

	for (a = 0; nextname(lab, n, &a, &b); a = b + 1) {
		if (!firmname(ti, lab, a, b) &&
		    !kindname(ti, text, tk, n, lab, a, b) &&
		    !clubname(ti, text, tk, n, lab, a, b, g) &&
		    !papername(text, tk, lab, a, b) &&
		    !workname(ti, text, tk, lab, a, b, g))
			continue;
		retype(lab, a, b, NER_ORG);
	}
}

/* Is tk a year of four digits, 1000 to 2099? */
static int
isyear(const char *text, const struct ner_tok *tk)
{
	const char *w = text + tk->start;

	return tk->end - tk->start == 4 && (w[0] == '1' || (w[0] == '2' &&
	    w[1] == '0')) && w[1] >= '0' && w[1] <= '9' && w[2] >= '0' &&
	    w[2] <= '9' && w[3] >= '0' && w[3] <= '9';
}

static const char *const dashes[] = {
	"-", "--", "\xe2\x80\x93", "\xe2\x80\x94", NULL
};

/*
 * Encyclopaedia style: a name followed by "(born", "(nee" or a life's
 * span "(1919 - 1985)" is a person's ("Emil Touma (1919-1985) was"),
 * which the model, not having seen the name, may take for anything.  A
 * span of years alone also follows a company or a state, so it counts
 * only after a name that opens with a forename the gazetteer knows.
 * Relabels lab[0..n).
 */
static void
lifenames(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n, uint8_t *lab)
{
	static const char *const born[] = { "born", "nee", "n\xc3\xa9" "e",
		NULL };
	size_t a, b, y;

	for (a = 0; nextname(lab, n, &a, &b); a = b + 1) {
		if (NER_LABTYPE(lab[a]) == NER_PER || b + 3 >= n ||
		    !tokis(text, &tk[b + 1], "("))
			continue;
		y = b + 2;
		if (tokis(text, &tk[y], "c") && tokis(text, &tk[y + 1], "."))
			y += 2;
		if (!(tokin(text, &tk[b + 2], born) || (ti[a].gaz[NER_PER] &&
		    y + 1 < n && isyear(text, &tk[y]) &&
		    tokin(text, &tk[y + 1], dashes))))
			continue;
		retype(lab, a, b, NER_PER);
	}
}

/* A Roman numeral of a monarch or a pope, II to XXXIX, or I when mono
 * says a title stands before the name ("King Carlos I"; but "Michael I
 * love you") */
static int
regnalnum(const char *text, const struct ner_tok *tk, int mono)
{
	const char *w = text + tk->start;
	size_t n = tk->end - tk->start, i;

	if (n == 1 && w[0] == 'I')
		return mono;
	if (n < 2 || n > 6)
		return 0;
	for (i = 0; i < n; i++)
		if (w[i] != 'I' && w[i] != 'V' && w[i] != 'X')
			return 0;
	return 1;
}

static int
monarch(const char *text, const struct ner_tok *tk)
{
	static const char *const t[] = {
		"Emperor", "Empress", "Kaiser", "King", "Pharaoh", "Pope",
		"Queen", "Shah", "Sultan", "Tsar", "Czar", NULL
	};

	return tokin(text, tk, t);
}

/*
 * Monarchs and popes: "Louis XIV", "King Charles III", "Queen Elizabeth
 * II", which the model cuts before the numeral or reads as a ship or an
 * event.  A person's name goes on through a numeral right after it; a
 * name of another type ending in one is a person's when a monarch's
 * title opens it or stands before it, or the gazetteer knows its first
 * word as a forename ("Henry VIII", not "World War II").  A title that
 * the model tagged as a person of its own right before a name
 * ("Pope" in "Pope John Paul II") is left out.  Relabels lab[0..n).
 */
static void
regnalnames(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n, uint8_t *lab)
{
	size_t a, b, k, f;
	int mono;

	for (a = 0; nextname(lab, n, &a, &b); a = b + 1) {
		if (NER_LABTYPE(lab[a]) == NER_PER && b + 1 < n &&
		    lab[b + 1] != 0 && (NER_LABPOS(lab[b + 1]) == NER_B ||
		    NER_LABPOS(lab[b + 1]) == NER_U)) {
			for (k = a; k <= b && ner_istitle(text + tk[k].start,
			    tk[k].end - tk[k].start); k++)
				;
			if (k > b) {
				memset(lab + a, 0, b - a + 1);
				continue;
			}
		}
		mono = monarch(text, &tk[a]) || (a > 0 &&
		    monarch(text, &tk[a - 1]));
		if (NER_LABTYPE(lab[a]) == NER_PER) {
			if (b + 1 < n && lab[b + 1] == 0 &&
			    regnalnum(text, &tk[b + 1], mono) &&
			    tk[b].end < tk[b + 1].start) {
				lab[b] = (uint8_t)NER_LAB(NER_PER, a == b ?
				    NER_B : NER_I);
				lab[++b] = (uint8_t)NER_LAB(NER_PER, NER_L);
			}
			continue;
		}
		f = monarch(text, &tk[a]) ? a + 1 : a;
		if (b > f && regnalnum(text, &tk[b], mono) &&
		    (mono || ti[f].gaz[NER_PER]))
			retype(lab, a, b, NER_PER);
	}
}

/*
 * Encyclopaedia style again: "X is a village in ...", "X was a Danish
 * chain of ...", "X is an English footballer": the noun that a copula
 * and an article lead to says what X is, where the model, not having
 * seen X, guessed.  The noun is looked for among the next six words,
 * before any word that starts a phrase of its own ("in", "of", "who",
 * a comma).  Only a name already tagged is retyped.
 */
static const struct defnoun {
	const char *w;
	enum ner_type type;
} defnouns[] = {
	{ "actor", NER_PER }, { "actress", NER_PER }, { "agency", NER_ORG },
	{ "airline", NER_ORG }, { "architect", NER_PER },
	{ "artist", NER_PER }, { "author", NER_PER }, { "band", NER_ORG },
	{ "bank", NER_ORG }, { "borough", NER_LOC },
	{ "broadcaster", NER_ORG }, { "businessman", NER_PER },
	{ "businesswoman", NER_PER }, { "cave", NER_LOC },
	{ "chain", NER_ORG }, { "charity", NER_ORG }, { "city", NER_LOC },
	{ "coach", NER_PER }, { "commune", NER_LOC },
	{ "company", NER_ORG }, { "composer", NER_PER },
	{ "country", NER_LOC }, { "county", NER_LOC },
	{ "cricketer", NER_PER }, { "district", NER_LOC },
	{ "economist", NER_PER }, { "firm", NER_ORG },
	{ "footballer", NER_PER }, { "hamlet", NER_LOC },
	{ "island", NER_LOC }, { "journalist", NER_PER },
	{ "lake", NER_LOC }, { "lawyer", NER_PER },
	{ "magazine", NER_ORG }, { "manufacturer", NER_ORG },
	{ "mountain", NER_LOC }, { "municipality", NER_LOC },
	{ "musician", NER_PER }, { "neighborhood", NER_LOC },
	{ "neighbourhood", NER_LOC }, { "newspaper", NER_ORG },
	{ "novelist", NER_PER }, { "painter", NER_PER },
	{ "parish", NER_LOC }, { "party", NER_ORG }, { "player", NER_PER },
	{ "poet", NER_PER }, { "politician", NER_PER },
	{ "province", NER_LOC }, { "publisher", NER_ORG },
	{ "rapper", NER_PER }, { "retailer", NER_ORG },
	{ "river", NER_LOC }, { "scientist", NER_PER },
	{ "settlement", NER_LOC }, { "singer", NER_PER },
	{ "songwriter", NER_PER }, { "suburb", NER_LOC },
	{ "town", NER_LOC }, { "township", NER_LOC },
	{ "village", NER_LOC }, { "writer", NER_PER },
};

static const char *const defstops[] = {
	",", ".", "(", ";", ":", "and", "at", "based", "by", "for", "from",
	"in", "located", "of", "on", "or", "that", "which", "who", "whose",
	"with", NULL
};

static void
defnames(const char *text, const struct ner_tok *tk, size_t n,
    uint8_t *lab)
{
	size_t a, b, k, j;
	size_t nd = sizeof defnouns / sizeof defnouns[0];
	int y;

	for (a = 0; nextname(lab, n, &a, &b); a = b + 1) {
		if (b + 3 >= n || !(tokis(text, &tk[b + 1], "is") ||
		    tokis(text, &tk[b + 1], "was")) ||
		    !(tokis(text, &tk[b + 2], "a") ||
		    tokis(text, &tk[b + 2], "an")))
			continue;
		y = -1;
		for (k = b + 3; k < n && k < b + 9 && y < 0; k++) {
			if (tokin(text, &tk[k], defstops))
				break;
			for (j = 0; j < nd; j++)
				if (tokis(text, &tk[k], defnouns[j].w)) {
					y = (int)defnouns[j].type;
					break;
				}
		}
		if (y < 0 || y == NER_LABTYPE(lab[a]))
			continue;
		retype(lab, a, b, y);
	}
}

/*
 * "the town of Zandvoort", "the village of Naib Rafi", "the island of
 * Sulawesi": a name right after a lower-case noun for a kind of place
 * and "of" is that place, where the model, not having seen it, took it
 * for a person or an organisation.  Relabels lab[0..n).
 */
static const char *const placekinds[] = {
	"borough", "capital", "city", "coast", "commune", "county",
	"district", "hamlet", "island", "islands", "kingdom", "municipality",
	"outskirts", "parish", "port", "province", "region", "republic",
	"state", "suburb", "suburbs", "town", "township", "village", NULL
};

static void
placenames(const char *text, const struct ner_tok *tk, size_t n,
    uint8_t *lab)
{
	size_t a, b;

	for (a = 0; nextname(lab, n, &a, &b); a = b + 1) {
		if (NER_LABTYPE(lab[a]) == NER_LOC || a < 2 ||
		    !tokis(text, &tk[a - 1], "of") ||
		    !tokin(text, &tk[a - 2], placekinds))
			continue;
		retype(lab, a, b, NER_LOC);
	}
}

/* Make lab[a..b] one name of type y, if no name crosses its edges. */
static int
relabel(uint8_t *lab, size_t n, size_t a, size_t b, int y)
{
	size_t k;

	if (!clear_edges(lab, a, b))
		return 0;
	if (a == b) {
		lab[a] = (uint8_t)NER_LAB(y, NER_U);
		return 1;
	}
	lab[a] = (uint8_t)NER_LAB(y, NER_B);
	for (k = a + 1; k < b; k++)
		lab[k] = (uint8_t)NER_LAB(y, NER_I);
	lab[b] = (uint8_t)NER_LAB(y, NER_L);
	return 1;
}

static int
capped(const struct ner_tinfo *t)
{
	return t->cap == NER_CAP_INIT || t->cap == NER_CAP_UPPER;
}

/* a capitalised word the word list writes in lower case ("Sciences") */
static int
commoncap(const struct ner_tinfo *t)
{
	return capped(t) && (t->lex & NER_LEX_LOWER) && !(t->lex & NER_LEX_CAP);
}

/*
 * An institution's name "X of Y and Z" goes on across "and" and a list's
 * commas ("Institute of Arts and Sciences", "Department of Natural
 * Resources, Mines and Water") where the model ends it before "and":
 * when the organisation lab[a..b] holds "of" and what follows is "and"
 * (or ", W" items and then "and") and one to three capitalised common
 * words that end the capitalised run.  A second name ("the Bank of
 * Japan and Toyota") is not a common word.
 */
static void
ofandnames(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n, uint8_t *lab)
{
	size_t a, b, k, j, e;
	int of;

	for (a = 0; nextname(lab, n, &a, &b); a = b + 1) {
		if (NER_LABTYPE(lab[a]) != NER_ORG)
			continue;
		for (of = 0, k = a + 1; k < b; k++)
			of |= tokis(text, &tk[k], "of");
		if (!of)
			continue;
		for (j = b + 1; j + 2 < n && tokis(text, &tk[j], ",") &&
		    commoncap(&ti[j + 1]) &&
		    (tokis(text, &tk[j + 2], ",") ||
		    tokis(text, &tk[j + 2], "and")); j += 2)
			;
		if (j + 1 >= n || !tokis(text, &tk[j], "and"))
			continue;
		for (e = j + 1; e < n && e <= j + 3 && commoncap(&ti[e]); e++)
			;
		if (e == j + 1 || (e < n && capped(&ti[e])))
			continue;
		if (relabel(lab, n, a, e - 1, NER_ORG))
			b = e - 1;
	}
}

/*
 * A military unit's number is part of its name ("65th Air Division",
 * "4 Fighter Wing", "Sixth Fleet"): a number of up to three digits, or an
 * ordinal, before a capitalised run of up to four words that ends in a
 * unit's word makes the whole an organisation; the model tags the words
 * after the number alone, often as a place or MISC, or not at all.
 */
static const char *const unitwords[] = {
	"Army", "Artillery", "Battalion", "Brigade", "Cavalry", "Corps",
	"Division", "Fleet", "Flotilla", "Force", "Infantry", "Regiment",
	"Squadron", "Wing", NULL
};
static const char *const ordwords[] = {
	"Eighth", "Eleventh", "Fifth", "First", "Fourth", "Ninth", "Second",
	"Seventh", "Sixth", "Tenth", "Third", "Twelfth", NULL
};

static int
unitnum(const char *text, const struct ner_tok *t)
{
	const char *p = text + t->start;
	size_t len = t->end - t->start, d;

	for (d = 0; d < len && p[d] >= '0' && p[d] <= '9'; d++)
		;
	if (d == 0)	/* every ordinal word is 5 to 8 bytes long */
		return len >= 5 && len <= 8 && ner_inlist(ordwords, p, len);
	if (d > 3)
		return 0;
	if (d == len)
		return 1;
	return len - d == 2 && (memcmp(p + d, "st", 2) == 0 ||
	    memcmp(p + d, "nd", 2) == 0 || memcmp(p + d, "rd", 2) == 0 ||
	    memcmp(p + d, "th", 2) == 0);
}

static void
unitnames(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n, uint8_t *lab)
{
	size_t i, e;

	for (i = 0; i + 1 < n; i++) {
		if (!capped(&ti[i + 1]) || !unitnum(text, &tk[i]))
			continue;
		for (e = i + 1; e < n && e <= i + 4 && capped(&ti[e]); e++)
			;
		if (e == i + 1 || (e < n && capped(&ti[e])) ||
		    !tokin(text, &tk[e - 1], unitwords))
			continue;
		if (relabel(lab, n, i, e - 1, NER_ORG))
			i = e - 1;
	}
}

/*
 * A place's public body: a place right before a capitalised word for a
 * body ("the Ohio Senate", "UK Government", "Canada Post") that ends the
 * capitalised run is, with that word, an organisation; the model may tag
 * the place alone.  Not after a nationality ("Scottish Parliament"):
 * resolve() would then make a later "Scottish" alone the organisation.
 */
static const char *const bodywords[] = {
	"Airlines", "Airways", "Army", "Assembly", "Cabinet", "Congress",
	"Government", "Legislature", "Navy", "Parliament", "Police", "Post",
	"Railways", "Senate", "Zoo", NULL
};

static void
bodynames(const struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tk, size_t n, uint8_t *lab)
{
	size_t a, b;

	for (a = 0; nextname(lab, n, &a, &b); a = b + 1) {
		if (NER_LABTYPE(lab[a]) != NER_LOC || b + 1 >= n ||
		    lab[b + 1] != 0 || !capped(&ti[b + 1]) ||
		    !tokin(text, &tk[b + 1], bodywords) ||
		    (b + 2 < n && capped(&ti[b + 2])))
			continue;
		if (relabel(lab, n, a, b + 1, NER_ORG))
			b++;
	}
}

/*
 * A text is decoded in windows of at most WINDOW tokens, cut after a
 * sentence end where there is one, so that a paragraph of any length
 * (a 50 MB line) costs bounded working memory on top of its tokens.
 */
#define WINDOW 1024

static size_t
window(const char *text, const struct ner_tok *tk, size_t w0, size_t nt)
{
	size_t k, end;

	if (nt - w0 <= WINDOW)
		return nt;
	end = w0 + WINDOW;
	for (k = end; k > w0 + WINDOW / 2; k--) {
		char c = text[tk[k - 1].start];

		if (tk[k - 1].end - tk[k - 1].start == 1 &&
		    (c == '.' || c == '!' || c == '?'))
			return k;
	}
	return end;
}

size_t
ner_tag(const struct ner_model *m, const struct ner_text *t, size_t n,
    struct ner_ent **v, size_t *cap)
{
	struct scratch s;
	struct ner_dmap *d;
	const struct ner_tok *tk;
	size_t j, i, a, nt, w0, w1, wn, ne = 0;
	int y;

	memset(&s, 0, sizeof s);
	d = ner_dmap_new();
	grow(&s, WINDOW);
	for (j = 0; j < n; j++) {
		nt = ner_tokenize(t[j].text, t[j].len, &s.tok, &s.tokcap);
		for (w0 = 0; w0 < nt; w0 = w1) {
			w1 = window(t[j].text, s.tok, w0, nt);
			ner_tinfo_count(s.ti, t[j].text, s.tok + w0, w1 - w0);
			ner_dmap_count(d, s.ti, w1 - w0);
		}
	}
	for (j = 0; j < n; j++) {
		nt = ner_tokenize(t[j].text, t[j].len, &s.tok, &s.tokcap);
		for (w0 = 0; w0 < nt; w0 = w1) {
			w1 = window(t[j].text, s.tok, w0, nt);
			wn = w1 - w0;
			tk = s.tok + w0;
			ner_tinfo_fill(s.ti, t[j].text, tk, wn);
			ner_gaz_mark(&m->gaz, s.ti, wn);
			score(m, s.ti, wn, d, s.sc);
			ner_viterbi(s.sc, wn, m->tr, NULL, s.lab, s.dp, s.back);
			if (headline(s.ti, t[j].text, tk, wn)) {
				memcpy(s.lab2, s.lab, wn);
				recase(&s, t[j].text, tk, wn, d, &m->gaz);
				score(m, s.ti, wn, d, s.sc);
				ner_viterbi(s.sc, wn, m->tr, NULL, s.lab, s.dp,
				    s.back);
				keepwhole(s.lab, s.lab2, wn);
			}
			orgnames(s.ti, t[j].text, tk, wn, s.lab, &m->gaz);
			lifenames(s.ti, t[j].text, tk, wn, s.lab);
			regnalnames(s.ti, t[j].text, tk, wn, s.lab);
			defnames(t[j].text, tk, wn, s.lab);
			placenames(t[j].text, tk, wn, s.lab);
			ofandnames(s.ti, t[j].text, tk, wn, s.lab);
			unitnames(s.ti, t[j].text, tk, wn, s.lab);
			bodynames(s.ti, t[j].text, tk, wn, s.lab);
			joinparticles(t[j].text, tk, wn, s.lab);
			for (i = 0; i < wn; i++) {
				if ((y = s.lab[i]) == 0)
					continue;
				a = i;
				i = ner_labend(s.lab, a, wn);
				if (NER_LABTYPE(y) == NER_PER) {
					a += ner_titlelen(t[j].text, tk + a,
					    i - a + 1);
					i = particle(t[j].text, tk, wn, i, s.lab);
				}
				a = lowertrim(t[j].text, tk, a, i);
				ne += (size_t)addent(&s, v, cap, ne, t, j, tk,
				    a, i, y);
			}
			/* later text sees what this one was tagged as */
			ner_dmap_remember(d, s.ti, wn, s.lab);
		}
	}
	ne = propagate(t, n, &s, d, &m->gaz, v, cap, ne);
	resolve(t, &s, *v, ne, &m->gaz);
	ner_dmap_free(d);
	free(s.tok);
	free(s.ti);
	free(s.sc);
	free(s.dp);
	free(s.back);
	free(s.lab);
	free(s.et);
	free(s.eb);
	free(s.rc);
	free(s.lab2);
	free(s.rt);
	return ne;
}
