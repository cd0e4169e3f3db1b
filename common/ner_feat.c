/*
 * ner_feat: what the tagger looks at.  Every feature is a 32-bit key made
 * by hashing a template number with the values it combines, so the model
 * stores no strings and the trainer and the tagger cannot disagree on a
 * feature's name.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "ner.h"
#include "u8.h"

#define FNV_OFF 0xcbf29ce484222325ULL
#define FNV_MUL 0x100000001b3ULL

static uint64_t
mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

uint32_t
ner_key32(uint64_t h)
{
	uint32_t k = (uint32_t)(mix64(h) >> 32);

	return k ? k : 1;
}

uint64_t
ner_seqhash(uint64_t h, uint64_t lw)
{
	return mix64(h * 0x9e3779b97f4a7c15ULL + lw + 1);
}

static int
shapech(int32_t c)
{
	if (c < 0)
		return '?';
	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			return 'X';
		if (c >= 'a' && c <= 'z')
			return 'x';
		if (c >= '0' && c <= '9')
			return 'd';
		return c;
	}
	if (u8_isupper(c))
		return 'X';
	if (u8_isalpha(c))
		return 'x';
	if (u8_isdigit(c))
		return 'd';
	return c == 0x2019 ? '\'' : 'p';
}

/* A character as the lower-cased word's hash takes it: lower case, and
 * the right single quote as the apostrophe. */
static inline int32_t
folded(int32_t c)
{
	int32_t lc;

	if (c >= 'A' && c <= 'Z')
		lc = c + 32;
	else if (c < 0x80)
		lc = c;
	else
		lc = c < 0 ? c : u8_tolower(c);
	return lc == 0x2019 ? '\'' : lc;
}

/* A word's NER_CAP_* from the shape of its first character and whether it
 * has upper- and lower-case letters. */
static inline uint8_t
capof(int firstc, int up, int lo)
{
	if (firstc == 'X')
		return lo ? NER_CAP_INIT : NER_CAP_UPPER;
	if (firstc == 'x')
		return up ? NER_CAP_MIXED : NER_CAP_LOWER;
	if (firstc == 'd')
		return NER_CAP_DIGIT;
	return (up || lo) ? NER_CAP_MIXED : NER_CAP_PUNCT;
}

static void
fill1(struct ner_tinfo *t, const char *s, size_t n)
{
	uint64_t w = FNV_OFF, lw = FNV_OFF, sh = FNV_OFF;
	uint64_t pre = FNV_OFF;
	size_t i = 0, l, nch = 0, k;
	int32_t c, lc, cps[4];
	int last = 0, ch, up = 0, lo = 0, dig = 0, firstc = 0, nrun = 0;

	memset(t, 0, sizeof *t);
	for (k = 0; k < 4; k++)
		t->pre[k] = FNV_OFF + k;
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i];
			l = 1;
		} else
			c = u8_decode(s + i, n - i, &l);
		for (k = 0; k < l; k++)
			w = (w ^ (unsigned char)s[i + k]) * FNV_MUL;
		lc = folded(c);
		lw = (lw ^ (uint32_t)lc) * FNV_MUL;
		if (nch < 4) {
			pre = (pre ^ (uint32_t)lc) * FNV_MUL;
			t->pre[nch] = pre + nch;
		}
		cps[nch % 4] = lc;
		ch = shapech(c);
		if (nch == 0)
			firstc = ch;
		if (ch != last) {
			sh = (sh ^ (uint32_t)ch) * FNV_MUL;
			last = ch;
			nrun = 1;
		} else if (nrun++ < 3 && (ch == 'X' || ch == 'd'))
			/* XXX and dddd stay apart from X and d */
			sh = (sh ^ (uint32_t)ch) * FNV_MUL;
		if (ch == 'X')
			up++;
		else if (ch == 'x')
			lo++;
		else if (ch == 'd')
			dig++;
		nch++;
		i += l;
	}
	/* suffixes: the last 1..4 code points, lower-cased */
	for (k = 1; k <= 4; k++) {
		uint64_t h = FNV_OFF + 7 * k;
		size_t m;

		if (k > nch) {
			t->suf[k - 1] = t->pre[nch ? nch - 1 : 0] ^ 0x55;
			continue;
		}
		for (m = 0; m < k; m++)
			h = (h ^ (uint32_t)cps[(nch - k + m) % 4]) * FNV_MUL;
		t->suf[k - 1] = h;
	}
	for (k = nch; k < 4; k++)
		t->pre[k] = t->pre[nch ? nch - 1 : 0];
	t->w = w;
	t->lw = lw;
	t->shape = sh;
	t->len = n > 255 ? 255 : (uint8_t)n;
	t->cap = capof(firstc, up, lo);
}

/* What fill1() gives of lw, cap and len, and nothing else (the rest of
 * *t zero): all that ner_dmap_count() reads. */
static void
fill1lw(struct ner_tinfo *t, const char *s, size_t n)
{
	uint64_t lw = FNV_OFF;
	size_t i = 0, l;
	int32_t c, lc;
	int ch, up = 0, lo = 0, firstc = 0;

	memset(t, 0, sizeof *t);
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			c = (unsigned char)s[i];
			l = 1;
		} else
			c = u8_decode(s + i, n - i, &l);
		lc = folded(c);
		lw = (lw ^ (uint32_t)lc) * FNV_MUL;
		ch = shapech(c);
		if (i == 0)
			firstc = ch;
		if (ch == 'X')
			up++;
		else if (ch == 'x')
			lo++;
		i += l;
	}
	t->lw = lw;
	t->len = n > 255 ? 255 : (uint8_t)n;
	t->cap = capof(firstc, up, lo);
}

static int
isend(const char *s, size_t n)
{
	return n == 1 && (s[0] == '.' || s[0] == '!' || s[0] == '?' ||
	    s[0] == ':');
}

static int
isopen(const char *s, size_t n)
{
	return (n == 1 && strchr("\"'([", s[0])) ||
	    (n == 3 && (memcmp(s, "\xe2\x80\x9c", 3) == 0 ||
	    memcmp(s, "\xe2\x80\x98", 3) == 0));
}

/*
 * Words that say what kind of name ends in them ("Brightwater Capital
 * Partners", "Rio Grande Valley", "Ferrosud SpA"), starts with them
 * ("Banque Morel"; before "of": "Bank of Kerala", "University of Leeds")
 * or, in lower case, stands before it ("the insurer Halvex"), in classes:
 * the model learns what each class means, also for names it never saw.
 * Sorted by strcmp() for cueof()'s binary search.
 */
enum { CUE_FIRM = NER_CUE_FIRM, CUE_SCHOOL, CUE_STATE, CUE_GROUP, CUE_SPORT,
	CUE_PLACE, CUE_EVENT, CUE_CITY };
static const struct cue {
	const char *w;
	uint8_t c;
} cues[] = {
	{ "academy", CUE_SCHOOL }, { "administration", CUE_STATE },
	{ "ag", CUE_FIRM }, { "agency", CUE_STATE },
	{ "airline", CUE_FIRM }, { "airlines", CUE_FIRM },
	{ "airways", CUE_FIRM }, { "albion", CUE_SPORT },
	{ "alliance", CUE_GROUP }, { "army", CUE_STATE },
	{ "asa", CUE_FIRM }, { "assembly", CUE_STATE },
	{ "association", CUE_GROUP }, { "athletic", CUE_SPORT },
	{ "athletics", CUE_SPORT }, { "authority", CUE_STATE },
	{ "avenue", CUE_PLACE }, { "award", CUE_EVENT },
	{ "awards", CUE_EVENT }, { "banca", CUE_FIRM },
	{ "banco", CUE_FIRM }, { "bancorp", CUE_FIRM },
	{ "bancshares", CUE_FIRM }, { "bank", CUE_FIRM },
	{ "banque", CUE_FIRM }, { "bay", CUE_PLACE },
	{ "bhd", CUE_FIRM }, { "board", CUE_STATE },
	{ "bureau", CUE_STATE }, { "cabinet", CUE_STATE },
	{ "capital", CUE_FIRM }, { "carmaker", CUE_FIRM },
	{ "center", CUE_SCHOOL }, { "centre", CUE_SCHOOL },
	{ "championship", CUE_EVENT }, { "championships", CUE_EVENT },
	{ "church", CUE_GROUP }, { "city", CUE_CITY },
	{ "club", CUE_SPORT }, { "co", CUE_FIRM }, { "co.", CUE_FIRM },
	{ "coalition", CUE_GROUP }, { "college", CUE_SCHOOL },
	{ "commission", CUE_STATE }, { "committee", CUE_STATE },
	{ "communications", CUE_FIRM }, { "compagnie", CUE_FIRM },
	{ "company", CUE_FIRM }, { "conference", CUE_EVENT },
	{ "congress", CUE_STATE }, { "corp", CUE_FIRM },
	{ "corp.", CUE_FIRM }, { "corporation", CUE_FIRM },
	{ "council", CUE_STATE }, { "county", CUE_CITY },
	{ "court", CUE_STATE }, { "cup", CUE_EVENT },
	{ "department", CUE_STATE }, { "district", CUE_PLACE },
	{ "energy", CUE_FIRM }, { "enterprises", CUE_FIRM },
	{ "entertainment", CUE_FIRM }, { "fc", CUE_SPORT },
	{ "federation", CUE_GROUP }, { "festival", CUE_EVENT },
	{ "firm", CUE_FIRM }, { "force", CUE_STATE },
	{ "forces", CUE_STATE }, { "foundation", CUE_GROUP },
	{ "front", CUE_GROUP }, { "fund", CUE_GROUP },
	{ "games", CUE_EVENT }, { "gmbh", CUE_FIRM },
	{ "government", CUE_STATE }, { "group", CUE_FIRM },
	{ "groupe", CUE_FIRM }, { "grupo", CUE_FIRM },
	{ "gruppo", CUE_FIRM }, { "gulf", CUE_PLACE },
	{ "holdings", CUE_FIRM }, { "hospital", CUE_SCHOOL },
	{ "hotspur", CUE_SPORT }, { "inc", CUE_FIRM },
	{ "inc.", CUE_FIRM }, { "industries", CUE_FIRM },
	{ "institute", CUE_SCHOOL }, { "insurance", CUE_FIRM },
	{ "insurer", CUE_FIRM }, { "island", CUE_PLACE },
	{ "islands", CUE_PLACE }, { "kgaa", CUE_FIRM },
	{ "lake", CUE_PLACE }, { "league", CUE_GROUP },
	{ "lender", CUE_FIRM }, { "library", CUE_SCHOOL },
	{ "limited", CUE_FIRM }, { "llc", CUE_FIRM },
	{ "llp", CUE_FIRM }, { "ltd", CUE_FIRM }, { "ltd.", CUE_FIRM },
	{ "media", CUE_FIRM }, { "ministry", CUE_STATE },
	{ "motors", CUE_FIRM }, { "mountain", CUE_PLACE },
	{ "mountains", CUE_PLACE }, { "movement", CUE_GROUP },
	{ "museum", CUE_SCHOOL }, { "n.v.", CUE_FIRM },
	{ "navy", CUE_STATE }, { "nv", CUE_FIRM },
	{ "ocean", CUE_PLACE }, { "office", CUE_STATE },
	{ "olympics", CUE_EVENT }, { "organisation", CUE_GROUP },
	{ "organization", CUE_GROUP }, { "oyj", CUE_FIRM },
	{ "park", CUE_PLACE }, { "parliament", CUE_STATE },
	{ "partners", CUE_FIRM }, { "party", CUE_GROUP },
	{ "pharmaceuticals", CUE_FIRM }, { "plc", CUE_FIRM },
	{ "police", CUE_STATE }, { "prize", CUE_EVENT },
	{ "province", CUE_PLACE }, { "rangers", CUE_SPORT },
	{ "region", CUE_PLACE }, { "retailer", CUE_FIRM },
	{ "river", CUE_PLACE }, { "road", CUE_PLACE },
	{ "rovers", CUE_SPORT }, { "s.a.", CUE_FIRM },
	{ "s.p.a.", CUE_FIRM }, { "sa", CUE_FIRM },
	{ "school", CUE_SCHOOL }, { "sea", CUE_PLACE },
	{ "senate", CUE_STATE }, { "service", CUE_STATE },
	{ "societe", CUE_FIRM }, { "society", CUE_GROUP },
	{ "soci\xc3\xa9t\xc3\xa9", CUE_FIRM }, { "spa", CUE_FIRM },
	{ "square", CUE_PLACE }, { "srl", CUE_FIRM },
	{ "street", CUE_PLACE }, { "studios", CUE_FIRM },
	{ "systems", CUE_FIRM }, { "team", CUE_SPORT },
	{ "technologies", CUE_FIRM }, { "tournament", CUE_EVENT },
	{ "town", CUE_CITY }, { "tribunal", CUE_STATE },
	{ "trust", CUE_GROUP }, { "union", CUE_GROUP },
	{ "united", CUE_SPORT }, { "university", CUE_SCHOOL },
	{ "valley", CUE_PLACE }, { "village", CUE_CITY },
	{ "wanderers", CUE_SPORT }, { "war", CUE_EVENT },
};

/* The cue class of s[0..n), compared as strcasecmp() does in the C
 * locale the tools run in (ASCII letters folded): the word lower-cased
 * once, then a binary search that mostly decides on the first byte. */
static uint8_t
cueof(const char *s, size_t n)
{
	char w[16];
	size_t i, lo = 0, hi = sizeof cues / sizeof cues[0], mid;
	int c;

	if (n >= sizeof w)
		return 0;
	for (i = 0; i < n; i++)
		w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
	w[n] = '\0';
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = (unsigned char)w[0] - (unsigned char)cues[mid].w[0];
		if (c == 0)
			c = strcmp(w, cues[mid].w);
		if (c == 0)
			return cues[mid].c;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

static int
namey(const struct ner_tinfo *t)
{
	return t->cap == NER_CAP_INIT || t->cap == NER_CAP_UPPER ||
	    t->cap == NER_CAP_MIXED;
}

/* Lower-case words inside one name ("Bank of Kerala", "Coca - Cola"). */
static int
joiner(const char *s, size_t n)
{
	return (n == 2 && memcmp(s, "of", 2) == 0) ||
	    (n == 3 && memcmp(s, "for", 3) == 0) ||
	    (n == 3 && memcmp(s, "and", 3) == 0) ||
	    (n == 1 && (s[0] == '&' || s[0] == '-'));
}

#define RUN_MAX 8

/* Each word of a capitalised run learns the cue class its run ends in,
 * and the words after "of" the class of the word before it. */
static void
runcues(struct ner_tinfo *ti, const char *text, const struct ner_tok *tok,
    size_t n)
{
	size_t i, j, e, k;
	uint8_t c, pre, head, kind;

	for (i = 0; i < n; i = e) {
		e = i + 1;
		if (!namey(&ti[i]) || ti[i].sflag == 2)
			continue;
		for (j = i + 1; j < n && j < i + RUN_MAX; j++) {
			if (namey(&ti[j]))
				e = j + 1;
			else if (!joiner(text + tok[j].start,
			    tok[j].end - tok[j].start))
				break;
		}
		c = cueof(text + tok[e - 1].start, tok[e - 1].end -
		    tok[e - 1].start);
		/* a kind word opening the run ("Banque Lazard") or just
		 * before it in lower case ("the bank Societe Generale") */
		head = e - i > 1 ? cueof(text + tok[i].start, tok[i].end -
		    tok[i].start) : 0;
		kind = i > 0 && ti[i - 1].cap == NER_CAP_LOWER ?
		    cueof(text + tok[i - 1].start, tok[i - 1].end -
		    tok[i - 1].start) : 0;
		pre = 0;
		for (k = i; k < e; k++) {
			if (namey(&ti[k])) {
				ti[k].cue = c ? (uint8_t)(c | (k + 1 == e) << 4 |
				    (e - i > 1) << 5) : 0;
				ti[k].cuehead = (uint8_t)(head | kind << 4);
				ti[k].cuepre = pre;
			} else if (k > i && tok[k].end - tok[k].start == 2)
				pre = cueof(text + tok[k - 1].start,
				    tok[k - 1].end - tok[k - 1].start);
		}
	}
}

static void
tinfo(struct ner_tinfo *ti, const char *text, const struct ner_tok *tok,
    size_t n, int full)
{
	size_t i, words = 0, caps = 0, lowlong = 0, inits = 0;
	int first = 1;
	uint8_t sflag = 0;

	for (i = 0; i < n; i++) {
		const char *s = text + tok[i].start;
		size_t len = tok[i].end - tok[i].start;

		if (full)
			fill1(&ti[i], s, len);
		else
			fill1lw(&ti[i], s, len);
		if (isend(s, len) || (s[len - 1] == '.' && ti[i].cap ==
		    NER_CAP_PUNCT)) {
			first = 1;
			continue;
		}
		if (first && isopen(s, len))
			continue;
		ti[i].first = first && ti[i].cap != NER_CAP_PUNCT;
		if (ti[i].cap != NER_CAP_PUNCT)
			first = 0;
		if (ti[i].cap == NER_CAP_INIT || ti[i].cap == NER_CAP_UPPER ||
		    ti[i].cap == NER_CAP_LOWER || ti[i].cap == NER_CAP_MIXED) {
			if (len < 2)
				continue;
			words++;
			if (ti[i].cap == NER_CAP_UPPER)
				caps++;
			else if (ti[i].cap == NER_CAP_INIT)
				inits++;
			else if (ti[i].cap == NER_CAP_LOWER && len >= 4)
				lowlong++;
		}
	}
	if (words >= 3 && caps * 10 >= words * 6)
		sflag = 2;
	else if (words >= 3 && lowlong == 0 && inits >= 3)
		sflag = 1;
	for (i = 0; i < n; i++)
		ti[i].sflag = sflag;
	if (full)
		runcues(ti, text, tok, n);
}

void
ner_tinfo_fill(struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tok, size_t n)
{
	tinfo(ti, text, tok, n, 1);
}

void
ner_tinfo_count(struct ner_tinfo *ti, const char *text,
    const struct ner_tok *tok, size_t n)
{
	tinfo(ti, text, tok, n, 0);
}

/* Gazetteer */

static uint8_t
gaz_get(const struct ner_gaz *g, uint64_t h)
{
	uint32_t k = ner_key32(h), m = g->cap - 1, j;

	for (j = k & m; g->key[j]; j = (j + 1) & m)
		if (g->key[j] == k)
			return g->val[j];
	return 0;
}

uint8_t
ner_gaz_name(const struct ner_gaz *g, const struct ner_tinfo *ti, size_t n)
{
	uint64_t h = 0;
	size_t i;

	if (g->cap == 0 || n == 0 || n > 8)
		return 0;
	for (i = 0; i < n; i++)
		h = ner_seqhash(h, ti[i].lw);
	return gaz_get(g, h);
}

void
ner_gaz_mark(const struct ner_gaz *g, struct ner_tinfo *ti, size_t n)
{
	size_t i, j, best, k;
	uint64_t h;
	uint8_t v, bt;
	int t;

	if (g->cap == 0)
		return;
	for (i = 0; i < n; i++) {
		if (ti[i].cap == NER_CAP_PUNCT || ti[i].cap == NER_CAP_DIGIT)
			continue;
		h = ner_seqhash(0, ti[i].lw);
		v = gaz_get(g, h);
		ti[i].lex = v & (NER_LEX_LOWER | NER_LEX_CAP);
	}
	for (i = 0; i < n; i++) {
		if (ti[i].cap != NER_CAP_INIT && ti[i].cap != NER_CAP_UPPER)
			continue;
		h = 0;
		best = n;
		bt = 0;
		for (j = i; j < n && j < i + 8; j++) {
			h = ner_seqhash(h, ti[j].lw);
			v = gaz_get(g, h);
			if (v & 0xf) {
				best = j;
				bt = v & 0xf;
			}
			if (!(v & NER_GAZ_MORE))
				break;
		}
		if (best == n)
			continue;
		for (k = i; k <= best; k++)
			for (t = 0; t < NER_NTYPES; t++) {
				if (!(bt & (1 << t)))
					continue;
				ti[k].gaz[t] = 1 + (i == best ? NER_U :
				    k == i ? NER_B : k == best ? NER_L : NER_I);
			}
		i = best;
	}
}

/* Document memory: an open-addressed map from lower-cased word to counts */

struct dent {
	uint64_t key;		/* 0: empty */
	uint32_t nlow, ncap;
	uint16_t ctx;		/* DC_* bits: where it stands capitalised */
	uint8_t mem;		/* 1 + type last tagged, 0 never */
	uint8_t memlen;		/* 1 single-token mention, 2 part of longer */
};

/*
 * What the words next to a capitalised word say about it, gathered over
 * the whole document before it is tagged, so that every mention learns
 * from the others: "trains ran to Harrison" makes Harrison a place also
 * where it stands alone, "Caloi said" makes Caloi a speaker.
 */
enum { DC_LOCP = 1, DC_TITLE = 2, DC_SAY = 4, DC_THE = 8, DC_OF = 16,
	DC_POSS = 32, DC_CAPL = 64, DC_CAPR = 128, DC_WHO = 256, DC_BY = 512,
	DC_CORP = 1024, DC_NBITS = 11 };
#define DC_BEFORE (DC_LOCP | DC_TITLE | DC_THE | DC_OF | DC_BY)
#define DC_AFTER (DC_SAY | DC_POSS | DC_WHO | DC_CORP)
static const struct {
	const char *w;
	uint16_t b;
} dcwords[] = {
	{ "in", DC_LOCP }, { "at", DC_LOCP }, { "from", DC_LOCP },
	{ "to", DC_LOCP }, { "near", DC_LOCP }, { "into", DC_LOCP },
	{ "across", DC_LOCP }, { "outside", DC_LOCP },
	{ "mr.", DC_TITLE }, { "mrs.", DC_TITLE }, { "ms.", DC_TITLE },
	{ "dr.", DC_TITLE }, { "president", DC_TITLE },
	{ "minister", DC_TITLE }, { "sen.", DC_TITLE }, { "gov.", DC_TITLE },
	{ "rep.", DC_TITLE }, { "judge", DC_TITLE }, { "coach", DC_TITLE },
	{ "said", DC_SAY }, { "says", DC_SAY }, { "told", DC_SAY },
	{ "added", DC_SAY }, { "wrote", DC_SAY }, { "the", DC_THE },
	{ "of", DC_OF }, { "'s", DC_POSS }, { "who", DC_WHO }, { "by", DC_BY },
	{ "inc", DC_CORP }, { "inc.", DC_CORP }, { "corp.", DC_CORP },
	{ "co.", DC_CORP }, { "ltd", DC_CORP }, { "ltd.", DC_CORP },
};
#define NDC (sizeof dcwords / sizeof dcwords[0])

struct ner_dmap {
	struct dent *e;
	size_t cap, n;
	uint64_t dcw[NDC];	/* dcwords' lower-case hashes, as fill1() makes */
};

/* fill1()'s lower-case hash of a lower-case ASCII word */
static uint64_t
lwof(const char *s)
{
	uint64_t h = FNV_OFF;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * FNV_MUL;
	return h;
}

static uint16_t
dcbits(const struct ner_dmap *d, uint64_t lw)
{
	size_t i;

	for (i = 0; i < NDC; i++)
		if (d->dcw[i] == lw)
			return dcwords[i].b;
	return 0;
}


struct ner_dmap *
ner_dmap_new(void)
{
	struct ner_dmap *d = xcalloc(1, sizeof *d);

	size_t i;

	d->cap = 1024;
	d->e = xcalloc(d->cap, sizeof *d->e);
	for (i = 0; i < NDC; i++)
		d->dcw[i] = lwof(dcwords[i].w);
	return d;
}

void
ner_dmap_clear(struct ner_dmap *d)
{
	if (d->n == 0)
		return;
	if (d->cap > 1 << 16) {
		free(d->e);
		d->cap = 1024;
		d->e = xcalloc(d->cap, sizeof *d->e);
	} else
		memset(d->e, 0, d->cap * sizeof *d->e);
	d->n = 0;
}

void
ner_dmap_free(struct ner_dmap *d)
{
	if (d) {
		free(d->e);
		free(d);
	}
}

static uint64_t
dkey(uint64_t lw)
{
	return lw ? lw : 1;
}

static const struct dent *
dfind(const struct ner_dmap *d, uint64_t lw)
{
	uint64_t k = dkey(lw);
	size_t m = d->cap - 1, j;

	for (j = mix64(k) & m; d->e[j].key; j = (j + 1) & m)
		if (d->e[j].key == k)
			return &d->e[j];
	return NULL;
}

static struct dent *
dput(struct ner_dmap *d, uint64_t lw)
{
	uint64_t k = dkey(lw);
	size_t m, j, i;

	if (2 * (d->n + 1) > d->cap) {
		struct dent *old = d->e;
		size_t oc = d->cap;

		d->cap *= 2;
		d->e = xcalloc(d->cap, sizeof *d->e);
		m = d->cap - 1;
		for (i = 0; i < oc; i++) {
			if (!old[i].key)
				continue;
			for (j = mix64(old[i].key) & m; d->e[j].key;
			    j = (j + 1) & m)
				;
			d->e[j] = old[i];
		}
		free(old);
	}
	m = d->cap - 1;
	for (j = mix64(k) & m; d->e[j].key; j = (j + 1) & m)
		if (d->e[j].key == k)
			return &d->e[j];
	d->e[j].key = k;
	d->n++;
	return &d->e[j];
}

size_t
ner_dmap_lower(const struct ner_dmap *d, uint64_t lw)
{
	const struct dent *e = dfind(d, lw);

	return e ? e->nlow : 0;
}

size_t
ner_dmap_capped(const struct ner_dmap *d, uint64_t lw)
{
	const struct dent *e = dfind(d, lw);

	return e ? e->ncap : 0;
}

static int
hasletters(const struct ner_tinfo *t)
{
	return t->cap != NER_CAP_PUNCT && t->cap != NER_CAP_DIGIT;
}

static int
capword(const struct ner_tinfo *t)
{
	return t->cap == NER_CAP_INIT || t->cap == NER_CAP_UPPER;
}

static uint16_t
ctxof(const struct ner_dmap *d, const struct ner_tinfo *ti, size_t n,
    size_t i)
{
	uint16_t b = 0;

	if (i > 0) {
		b |= dcbits(d, ti[i - 1].lw) & DC_BEFORE;
		if (!ti[i - 1].first && capword(&ti[i - 1]))
			b |= DC_CAPL;
	}
	if (i + 1 < n) {
		b |= dcbits(d, ti[i + 1].lw) & DC_AFTER;
		if (capword(&ti[i + 1]))
			b |= DC_CAPR;
	}
	return b;
}

void
ner_dmap_count(struct ner_dmap *d, const struct ner_tinfo *ti, size_t n)
{
	size_t i;
	struct dent *e;

	for (i = 0; i < n; i++) {
		if (!hasletters(&ti[i]))
			continue;
		if (ti[i].cap == NER_CAP_LOWER) {
			e = dput(d, ti[i].lw);
			e->nlow++;
		} else if (!ti[i].first && ti[i].sflag == 0) {
			e = dput(d, ti[i].lw);
			e->ncap++;
		}
		if (ti[i].sflag != 2 && (ti[i].cap == NER_CAP_INIT ||
		    ti[i].cap == NER_CAP_UPPER))
			dput(d, ti[i].lw)->ctx |= ctxof(d, ti, n, i);
	}
}

void
ner_dmap_remember(struct ner_dmap *d, const struct ner_tinfo *ti, size_t n,
    const uint8_t *lab)
{
	size_t i;
	struct dent *e;

	for (i = 0; i < n; i++) {
		if (lab[i] == 0 || !hasletters(&ti[i]))
			continue;
		e = dput(d, ti[i].lw);
		e->mem = 1 + NER_LABTYPE(lab[i]);
		e->memlen = NER_LABPOS(lab[i]) == NER_U ? 1 : 2;
	}
}

/* Features */

enum {
	T_BIAS = 1, T_W, T_LW, T_SHAPE, T_PRE, T_SUF = T_PRE + 4,
	T_LWM1 = T_SUF + 4, T_LWP1, T_LWM2, T_LWP2, T_SHM1, T_SHP1, T_BIM,
	T_BIP, T_SH3, T_CAP, T_CAPCTX, T_GAZ, T_DOC, T_MEM, T_MEMC, T_LWM1SH,
	T_SHLWP1, T_LEN, T_GAZCTX, T_FIRSTLW, T_LEX, T_LEXCTX, T_CUE, T_CUEPRE,
	T_DCTX, T_CUEHEAD, T_CUEKIND, T_TRANS = 100
};

static uint32_t
fk(uint64_t tmpl, uint64_t v)
{
	return ner_key32(v * 0x9e3779b97f4a7c15ULL + tmpl * 0xd6e8feb86659fd93ULL);
}

static uint64_t
pair(uint64_t a, uint64_t b)
{
	return mix64(a) ^ (b * 0x2545f4914f6cdd1dULL + 0x1234567);
}

uint32_t
ner_transkey(int prev)
{
	return fk(T_TRANS, (uint64_t)prev);
}

#define BOS 0x0b05ULL
#define EOS 0x0e05ULL

size_t
ner_feats(const struct ner_tinfo *ti, size_t n, size_t i,
    const struct ner_dmap *d, uint32_t *f)
{
	const struct ner_tinfo *t = &ti[i];
	uint64_t lm1 = i > 0 ? ti[i - 1].lw : BOS;
	uint64_t lp1 = i + 1 < n ? ti[i + 1].lw : EOS;
	uint64_t lm2 = i > 1 ? ti[i - 2].lw : BOS;
	uint64_t lp2 = i + 2 < n ? ti[i + 2].lw : EOS;
	uint64_t sm1 = i > 0 ? ti[i - 1].shape : BOS;
	uint64_t sp1 = i + 1 < n ? ti[i + 1].shape : EOS;
	uint64_t cm1 = i > 0 ? ti[i - 1].cap : 9;
	uint64_t cp1 = i + 1 < n ? ti[i + 1].cap : 9;
	uint64_t capk = t->cap | (uint64_t)t->first << 4 |
	    (uint64_t)t->sflag << 8;
	size_t k = 0, j;
	int g;

	f[k++] = fk(T_BIAS, 0);
	f[k++] = fk(T_W, t->w);
	f[k++] = fk(T_LW, t->lw);
	f[k++] = fk(T_SHAPE, t->shape);
	for (j = 0; j < 4; j++) {
		f[k++] = fk(T_PRE + j, t->pre[j]);
		f[k++] = fk(T_SUF + j, t->suf[j]);
	}
	f[k++] = fk(T_LWM1, lm1);
	f[k++] = fk(T_LWP1, lp1);
	f[k++] = fk(T_LWM2, lm2);
	f[k++] = fk(T_LWP2, lp2);
	f[k++] = fk(T_SHM1, sm1);
	f[k++] = fk(T_SHP1, sp1);
	f[k++] = fk(T_BIM, pair(lm1, t->lw));
	f[k++] = fk(T_BIP, pair(t->lw, lp1));
	f[k++] = fk(T_SH3, pair(pair(sm1, t->shape), sp1));
	f[k++] = fk(T_CAP, capk);
	f[k++] = fk(T_CAPCTX, cm1 | (uint64_t)t->cap << 4 | cp1 << 8 |
	    (uint64_t)t->sflag << 12);
	f[k++] = fk(T_LWM1SH, pair(lm1, t->shape));
	f[k++] = fk(T_SHLWP1, pair(t->shape, lp1));
	f[k++] = fk(T_LEN, (t->len > 12 ? 12 : t->len) | (uint64_t)t->cap << 8);
	if (t->first)
		f[k++] = fk(T_FIRSTLW, t->lw);
	/* whether a word list writes it as a name or a common word: what
	 * capitals at a sentence start or in a headline cannot say */
	f[k++] = fk(T_LEX, (uint64_t)t->lex | capk << 8);
	f[k++] = fk(T_LEXCTX, (uint64_t)t->lex | (uint64_t)t->cap << 8 |
	    (uint64_t)(i > 0 ? ti[i - 1].lex | ti[i - 1].cap << 8 : 0xff) << 16 |
	    (uint64_t)(i + 1 < n ? ti[i + 1].lex | ti[i + 1].cap << 8 :
	    0xff) << 32);
	if (t->cue)
		f[k++] = fk(T_CUE, t->cue);
	if (t->cuepre)
		f[k++] = fk(T_CUEPRE, t->cuepre);
	if (t->cuehead & 0xf)
		f[k++] = fk(T_CUEHEAD, t->cuehead & 0xf);
	if (t->cuehead >> 4)
		f[k++] = fk(T_CUEKIND, t->cuehead >> 4);
	for (g = 0; g < NER_NTYPES; g++) {
		if (!t->gaz[g])
			continue;
		f[k++] = fk(T_GAZ, (uint64_t)g | (uint64_t)t->gaz[g] << 4 |
		    (uint64_t)t->cap << 8);
		f[k++] = fk(T_GAZCTX, pair((uint64_t)g | (uint64_t)t->gaz[g] << 4,
		    lm1));
	}
	if (d && hasletters(t)) {
		const struct dent *e = dfind(d, t->lw);
		uint64_t low = 0, capel = 0, mem = 0, memlen = 0;

		if (e) {
			int self = t->cap != NER_CAP_LOWER && !t->first &&
			    t->sflag == 0;

			low = e->nlow > (t->cap == NER_CAP_LOWER);
			capel = e->ncap > (uint32_t)self;
			mem = e->mem;
			memlen = e->memlen;
		}
		f[k++] = fk(T_DOC, low | capel << 1 | capk << 2);
		if (mem) {
			f[k++] = fk(T_MEM, mem | memlen << 4);
			f[k++] = fk(T_MEMC, mem | memlen << 4 | capk << 8);
		}
		if (e && e->ctx && t->cap != NER_CAP_LOWER) {
			int b;

			for (b = 0; b < DC_NBITS; b++)
				if (e->ctx >> b & 1)
					f[k++] = fk(T_DCTX, (uint64_t)b |
					    (uint64_t)t->cap << 8);
		}
	}
	return k;
}

/* Viterbi under BILOU constraints */

int
ner_allowed(int prev, int cur)
{
	int pin = prev != NER_NLAB && prev != 0 &&
	    (NER_LABPOS(prev) == NER_B || NER_LABPOS(prev) == NER_I);

	if (!pin)
		return cur == 0 || NER_LABPOS(cur) == NER_B ||
		    NER_LABPOS(cur) == NER_U;
	return cur != 0 && NER_LABTYPE(cur) == NER_LABTYPE(prev) &&
	    (NER_LABPOS(cur) == NER_I || NER_LABPOS(cur) == NER_L);
}

int
ner_final(int last)
{
	return last == 0 || NER_LABPOS(last) == NER_L ||
	    NER_LABPOS(last) == NER_U;
}

#define NEG (-1e30f)

/* For each label, the labels ner_allowed() lets come before it (the nine
 * that close a name, or B and I of its own type), so the inner loop tries
 * only those.  Built per call: no static state, safe in threads. */
static void
prevlists(uint8_t prevs[NER_NLAB][9], int nprev[NER_NLAB])
{
	int p, y;

	for (y = 0; y < NER_NLAB; y++) {
		nprev[y] = 0;
		for (p = 0; p < NER_NLAB; p++)
			if (ner_allowed(p, y))
				prevs[y][nprev[y]++] = (uint8_t)p;
	}
}

/*
 * The unmasked recursion (the tagger's), by the shape of the constraints:
 * the nine labels that open a name or stay outside one (O, B-, U-) follow
 * only the nine that close one (O, L-, U-), and I-X and L-X only B-X and
 * I-X.  The nine closing labels are tried for eight opening ones at once
 * (two lanes of four) and for U-MISC alone.  Previous labels are tried in
 * the order of the label-by-label loop below with the same strict
 * comparison, a label out of reach (at NEG) counting as -inf as if
 * skipped, so every choice and score is the same.
 */
typedef float v4f __attribute__((vector_size(16)));
typedef int32_t v4i __attribute__((vector_size(16)));

static const uint8_t vclose[9] = { 0, 3, 4, 7, 8, 11, 12, 15, 16 };
static const uint8_t vopen[9] = { 0, 1, 4, 5, 8, 9, 12, 13, 16 };

static float
reach(float v)
{
	return v <= NEG ? -__builtin_inff() : v;
}

static v4f
vsel(v4i m, v4f a, v4f b)
{
	return (v4f)(((v4i)a & m) | ((v4i)b & ~m));
}

/* I-X or L-X, whose score is s, from B-X (pb, transition tb) unless I-X
 * (pi, ti) does better */
static void
inside(float pb, float pi, float tb, float ti, int lb, int li, float s,
    float *cd, uint8_t *bk)
{
	float best = NEG, v;
	int p = -1;

	if ((v = pb + tb) > best) {
		best = v;
		p = lb;
	}
	if ((v = pi + ti) > best) {
		best = v;
		p = li;
	}
	*cd = p >= 0 ? best + s : NEG;
	*bk = p >= 0 ? (uint8_t)p : 0;
}

static void
viterbi_all(const float *sc, size_t n, const float *tr, float *dp,
    uint8_t *back)
{
	float to[9][8], to8[9], ti[NER_NTYPES][4];
	size_t i;
	int c, j, t;

	for (c = 0; c < 9; c++) {
		for (j = 0; j < 8; j++)
			to[c][j] = tr[vclose[c] * NER_NLAB + vopen[j]];
		to8[c] = tr[vclose[c] * NER_NLAB + vopen[8]];
	}
	/* B->I, I->I, B->L, I->L of each type */
	for (t = 0; t < NER_NTYPES; t++) {
		ti[t][0] = tr[NER_LAB(t, NER_B) * NER_NLAB + NER_LAB(t, NER_I)];
		ti[t][1] = tr[NER_LAB(t, NER_I) * NER_NLAB + NER_LAB(t, NER_I)];
		ti[t][2] = tr[NER_LAB(t, NER_B) * NER_NLAB + NER_LAB(t, NER_L)];
		ti[t][3] = tr[NER_LAB(t, NER_I) * NER_NLAB + NER_LAB(t, NER_L)];
	}
	for (i = 1; i < n; i++) {
		const float *pd = dp + (i - 1) * NER_NLAB;
		const float *s = sc + i * NER_NLAB;
		float *cd = dp + i * NER_NLAB;
		uint8_t *bk = back + i * NER_NLAB;
		v4f b0 = { NEG, NEG, NEG, NEG }, b1 = b0, v0, v1, t0, t1, f4;
		v4i p0 = { -1, -1, -1, -1 }, p1 = p0, g0, g1, c4;
		float b8 = NEG, v, f, pb, pi;
		int p8 = -1, bp[8];
		float bv[8];

		for (c = 0; c < 9; c++) {
			f = reach(pd[vclose[c]]);
			f4 = (v4f){ f, f, f, f };
			c4 = (v4i){ vclose[c], vclose[c], vclose[c], vclose[c] };
			memcpy(&t0, &to[c][0], sizeof t0);
			memcpy(&t1, &to[c][4], sizeof t1);
			v0 = f4 + t0;
			v1 = f4 + t1;
			g0 = v0 > b0;
			g1 = v1 > b1;
			b0 = vsel(g0, v0, b0);
			b1 = vsel(g1, v1, b1);
			p0 = (c4 & g0) | (p0 & ~g0);
			p1 = (c4 & g1) | (p1 & ~g1);
			if ((v = f + to8[c]) > b8) {
				b8 = v;
				p8 = vclose[c];
			}
		}
		memcpy(bv, &b0, sizeof b0);
		memcpy(bv + 4, &b1, sizeof b1);
		memcpy(bp, &p0, sizeof p0);
		memcpy(bp + 4, &p1, sizeof p1);
		for (j = 0; j < 8; j++) {
			cd[vopen[j]] = bp[j] >= 0 ? bv[j] + s[vopen[j]] : NEG;
			bk[vopen[j]] = bp[j] >= 0 ? (uint8_t)bp[j] : 0;
		}
		cd[vopen[8]] = p8 >= 0 ? b8 + s[vopen[8]] : NEG;
		bk[vopen[8]] = p8 >= 0 ? (uint8_t)p8 : 0;
		for (t = 0; t < NER_NTYPES; t++) {
			int lb = NER_LAB(t, NER_B), li = NER_LAB(t, NER_I);
			int ll = NER_LAB(t, NER_L);

			pb = reach(pd[lb]);
			pi = reach(pd[li]);
			inside(pb, pi, ti[t][0], ti[t][1], lb, li, s[li],
			    &cd[li], &bk[li]);
			inside(pb, pi, ti[t][2], ti[t][3], lb, li, s[ll],
			    &cd[ll], &bk[ll]);
		}
	}
}

void
ner_viterbi(const float *sc, size_t n, const float *tr,
    const uint32_t *mask, uint8_t *out, float *dp, uint8_t *back)
{
	size_t i;
	int y, p, k, best, nprev[NER_NLAB];
	uint8_t prevs[NER_NLAB][9];
	float v, bv;

	if (n == 0)
		return;
	if (n > 1 && mask)
		prevlists(prevs, nprev);
	for (y = 0; y < NER_NLAB; y++) {
		dp[y] = NEG;
		if (!ner_allowed(NER_NLAB, y) || (mask && !(mask[0] >> y & 1)))
			continue;
		dp[y] = sc[y] + tr[NER_NLAB * NER_NLAB + y];
	}
	if (!mask)
		viterbi_all(sc, n, tr, dp, back);
	for (i = 1; mask && i < n; i++) {
		const float *pd = dp + (i - 1) * NER_NLAB;
		float *cd = dp + i * NER_NLAB;

		for (y = 0; y < NER_NLAB; y++) {
			cd[y] = NEG;
			back[i * NER_NLAB + y] = 0;
			if (mask && !(mask[i] >> y & 1))
				continue;
			bv = NEG;
			best = -1;
			for (k = 0; k < nprev[y]; k++) {
				p = prevs[y][k];
				if (pd[p] <= NEG)
					continue;
				v = pd[p] + tr[p * NER_NLAB + y];
				if (v > bv) {
					bv = v;
					best = p;
				}
			}
			if (best >= 0) {
				cd[y] = bv + sc[i * NER_NLAB + y];
				back[i * NER_NLAB + y] = (uint8_t)best;
			}
		}
	}
	bv = NEG;
	best = 0;
	for (y = 0; y < NER_NLAB; y++) {
		v = dp[(n - 1) * NER_NLAB + y];
		if (ner_final(y) && v > bv) {
			bv = v;
			best = y;
		}
	}
	for (i = n; i-- > 0;) {
		out[i] = (uint8_t)best;
		if (i)
			best = back[i * NER_NLAB + best];
	}
}
