/*
 * qtlex: the word lists of extract-quotes (common/qt.yaml) as one hash
 * table from a lower-cased word or phrase to flags, plus the closed-class
 * words of English grammar that are not a matter of configuration.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cfg.h"
#include "embed.h"
#include "qt.h"

EMBED(qt_rules_yaml, "common/qt.yaml");

/* Grammar words: fixed, not rules a user would want to change. */
static const struct {
	const char *w;
	uint32_t f;
} grammar[] = {
	{ "a", LX_DET }, { "an", LX_DET }, { "the", LX_DET }, { "this", LX_DET },
	{ "another", LX_DET }, { "one", LX_DET }, { "two", LX_DET },
	{ "three", LX_DET }, { "several", LX_DET }, { "many", LX_DET },
	{ "some", LX_DET }, { "most", LX_DET }, { "both", LX_DET },
	{ "his", LX_DET | LX_MALE }, { "her", LX_DET | LX_FEMALE },
	{ "their", LX_DET },
	{ "its", LX_DET }, { "our", LX_DET }, { "other", LX_DET },
	{ "these", LX_DET }, { "those", LX_DET }, { "few", LX_DET },
	{ "he", LX_PRON | LX_MALE }, { "she", LX_PRON | LX_FEMALE },
	{ "they", LX_PRON }, { "it", LX_PRON }, { "we", LX_PRON },
	{ "i", LX_PRON }, { "you", LX_PRON },
	{ "him", LX_STOP }, { "them", LX_STOP }, { "us", LX_STOP },
	{ "me", LX_STOP }, { "itself", LX_STOP | LX_ADV },
	{ "himself", LX_STOP | LX_ADV }, { "herself", LX_STOP | LX_ADV },
	{ "themselves", LX_STOP | LX_ADV },
	{ "of", LX_LINK }, { "for", LX_LINK }, { "at", LX_LINK },
	{ "with", LX_LINK }, { "from", LX_LINK }, { "to", LX_LINK | LX_STOP },
	{ "close", 0 }, { "familiar", 0 },
	{ "that", LX_STOP }, { "which", LX_STOP }, { "who", LX_STOP },
	{ "whom", LX_STOP }, { "whose", LX_STOP }, { "and", LX_STOP },
	{ "but", LX_STOP }, { "or", LX_STOP }, { "nor", LX_STOP },
	{ "because", LX_STOP }, { "when", LX_STOP }, { "while", LX_STOP },
	{ "if", LX_STOP }, { "as", LX_STOP }, { "after", LX_STOP },
	{ "before", LX_STOP }, { "since", LX_STOP }, { "although", LX_STOP },
	{ "though", LX_STOP }, { "so", LX_STOP }, { "than", LX_STOP },
	{ "where", LX_STOP }, { "what", LX_STOP }, { "how", LX_STOP },
	{ "why", LX_STOP }, { "whether", LX_STOP }, { "until", LX_STOP },
	{ "in", LX_STOP | LX_PREP }, { "on", LX_STOP | LX_PREP },
	{ "during", LX_STOP | LX_PREP }, { "by", LX_STOP | LX_PREP },
	{ "about", LX_STOP | LX_PREP }, { "into", LX_STOP | LX_PREP },
	{ "over", LX_STOP | LX_PREP }, { "under", LX_STOP | LX_PREP },
	{ "is", LX_STOP | LX_BE }, { "are", LX_STOP | LX_BE },
	{ "was", LX_STOP | LX_BE }, { "were", LX_STOP | LX_BE },
	{ "be", LX_STOP | LX_BE }, { "been", LX_STOP | LX_BE },
	{ "being", LX_STOP | LX_BE }, { "get", LX_STOP | LX_BE },
	{ "got", LX_STOP | LX_BE },
	{ "monday", LX_TIME }, { "tuesday", LX_TIME }, { "wednesday", LX_TIME },
	{ "thursday", LX_TIME }, { "friday", LX_TIME }, { "saturday", LX_TIME },
	{ "sunday", LX_TIME }, { "yesterday", LX_TIME }, { "today", LX_TIME },
	{ "tonight", LX_TIME }, { "tomorrow", LX_TIME }, { "earlier", LX_TIME },
	{ "last", LX_TIME }, { "this week", LX_TIME }, { "week", LX_TIME },
	{ "month", LX_TIME }, { "year", LX_TIME }, { "morning", LX_TIME },
	{ "afternoon", LX_TIME }, { "evening", LX_TIME }, { "night", LX_TIME },
	{ "january", LX_TIME }, { "february", LX_TIME }, { "march", LX_TIME },
	{ "april", LX_TIME }, { "june", LX_TIME }, { "july", LX_TIME },
	{ "august", LX_TIME }, { "september", LX_TIME }, { "october", LX_TIME },
	{ "november", LX_TIME }, { "december", LX_TIME }, { "jan", LX_TIME },
	{ "feb", LX_TIME }, { "aug", LX_TIME }, { "sept", LX_TIME },
	{ "oct", LX_TIME }, { "nov", LX_TIME }, { "dec", LX_TIME },
	{ "not", LX_NEG }, { "n't", LX_NEG }, { "never", LX_NEG },
	{ "van", LX_PARTICLE }, { "von", LX_PARTICLE }, { "de", LX_PARTICLE },
	{ "da", LX_PARTICLE }, { "del", LX_PARTICLE }, { "der", LX_PARTICLE },
	{ "di", LX_PARTICLE }, { "du", LX_PARTICLE }, { "dos", LX_PARTICLE },
	{ "bin", LX_PARTICLE }, { "ibn", LX_PARTICLE }, { "al", LX_PARTICLE },
	{ "el", LX_PARTICLE }, { "la", LX_PARTICLE }, { "le", LX_PARTICLE },
	{ "jr.", LX_SUFFIX }, { "sr.", LX_SUFFIX }, { "jr", LX_SUFFIX },
	{ "sr", LX_SUFFIX }, { "ii", LX_SUFFIX }, { "iii", LX_SUFFIX },
	{ "iv", LX_SUFFIX },
	/* Capitalised at a sentence start but never part of a name. */
	{ "but", LX_STOP }, { "however", LX_STOP }, { "meanwhile", LX_STOP },
	{ "still", LX_STOP }, { "instead", LX_STOP }, { "yet", LX_STOP },
	{ "then", LX_STOP | LX_ADV }, { "now", LX_STOP | LX_ADV }, { "here", LX_STOP },
	{ "there", LX_STOP }, { "also", 0 },
};

_Static_assert(W_NWORDS <= 1u << (32 - LX_WSHIFT), "LX_WORD() too narrow");

/* The words of LX_WORD(), in their enum's order. */
static const char *const named[W_NWORDS] = {
	[W_ABOUT] = "about", [W_ACCORDING] = "according", [W_AFTER] = "after",
	[W_ALTHOUGH] = "although", [W_AND] = "and", [W_AS] = "as",
	[W_ASSURED] = "assured", [W_BECAUSE] = "because",
	[W_BEFORE] = "before", [W_BUT] = "but", [W_COMPARED] = "compared",
	[W_COULD] = "could", [W_FROM] = "from",
	[W_FURTHERMORE] = "furthermore", [W_HE] = "he", [W_IF] = "if",
	[W_INCLUDING] = "including", [W_INFORMED] = "informed", [W_IT] = "it",
	[W_MEANING] = "meaning", [W_MIGHT] = "might",
	[W_MOREOVER] = "moreover", [W_OF] = "of", [W_OVER] = "over",
	[W_REMINDED] = "reminded", [W_REPORTERS] = "reporters",
	[W_SHE] = "she", [W_SHOULD] = "should", [W_SINCE] = "since",
	[W_TELL] = "tell", [W_TELLING] = "telling", [W_TELLS] = "tells",
	[W_THAT] = "that", [W_THEY] = "they", [W_THOUGH] = "though",
	[W_TO] = "to", [W_TOLD] = "told", [W_UNDER] = "under",
	[W_UNLESS] = "unless", [W_UNTIL] = "until", [W_WARNED] = "warned",
	[W_WHEN] = "when", [W_WHEREAS] = "whereas", [W_WHETHER] = "whether",
	[W_WHILE] = "while", [W_WHO] = "who", [W_WITH] = "with",
	[W_WOULD] = "would", [W_WHICH] = "which", [W_WHAT] = "what",
	[W_ASKED] = "asked", [W_ASKS] = "asks", [W_WHY] = "why",
	[W_HOW] = "how", [W_WHERE] = "where",
};

/* The slot of key: the one holding it, or the empty one to put it in. */
static inline struct lx_slot *
slot_h(const struct qt_rules *r, const char *key, size_t n, uint32_t h)
{
	size_t i = h & r->mask;

	for (;;) {
		struct lx_slot *sl = &r->slot[i];
		if (sl->ent == 0 || (sl->hash == h &&
		    r->ent[sl->ent - 1].klen == n &&
		    lx_same(r->ent[sl->ent - 1].key, key, n)))
			return sl;
		i = (i + 1) & r->mask;
	}
}

/* Room in the index for n entries: sparse, as add() keeps it. */
static void
reserve(struct qt_rules *r, size_t n)
{
	size_t i;

	if (r->mask == 0)
		r->mask = 1023;
	while (n * 2 > r->mask + 1)
		r->mask = r->mask * 2 + 1;
	free(r->slot);
	r->slot = xcalloc(r->mask + 1, sizeof *r->slot);
	for (i = 0; i < r->nent; i++) {
		const struct lx_ent *e = &r->ent[i];
		uint32_t h = lx_hash(e->key, e->klen);
		struct lx_slot *sl = slot_h(r, e->key, e->klen, h);
		sl->hash = h;
		sl->ent = (uint32_t)i + 1;
	}
}

static void
grow(struct qt_rules *r)
{
	reserve(r, (r->mask + 1) / 2 + 1);
}

/* Note the length and first letter of the second word of phrase key[0..k)
 * in ph2len[], as the text may write it: each ' of the key may stand for a
 * ’, two bytes longer, and an opening ' for a ’ (the class of no letter). */
static void
second_word(struct qt_rules *r, const char *key, size_t k)
{
	size_t a, b, j, m = 0;

	for (a = 0; a < k && key[a] != ' '; a++)
		;
	for (b = ++a; b < k && key[b] != ' '; b++)
		if (key[b] == '\'')
			m++;
	for (j = 0; j <= m && b - a + 2 * j < 64; j++)
		r->ph2len[lx_dotclass(key[a])] |= (uint64_t)1 << (b - a + 2 * j);
}

static struct lx_ent *
add(struct qt_rules *r, const char *w, size_t n, uint64_t f)
{
	char key[LX_KEYBUF];
	struct lx_slot *sl;
	struct lx_ent *e;
	size_t k, i, words = 1;
	uint32_t h;

	if (n == 0 || n >= LX_MAXKEY)
		return NULL;
	/* a sparse index: most words looked up are in no list */
	if ((r->nent + 1) * 2 > r->mask + 1)
		grow(r);
	h = lx_fold(w, n, key, &k);
	for (i = 0; i < k; i++)
		if (key[i] == ' ')
			words++;
	if (words > 1) {
		/* its first words announce it: a look-up of a phrase word by
		 * word goes on only while they begin some entry */
		for (i = 0; i < k; i++)
			if (key[i] == ' ' && (e = add(r, key, i, 0)) != NULL)
				e->flags |= LX_PHRASE;
		if (words > r->maxwords)
			r->maxwords = words;
		second_word(r, key, k);
	}
	sl = slot_h(r, key, k, h);
	if (sl->ent == 0) {
		if (r->nent == r->entcap) {
			r->entcap = r->entcap ? 2 * r->entcap : 1024;
			r->ent = xreallocarray(r->ent, r->entcap, sizeof *r->ent);
		}
		e = &r->ent[r->nent++];
		memset(e, 0, sizeof *e);
		e->key = ar_memdup(&r->mem, key, k + 8);
		e->klen = (uint32_t)k;
		sl->hash = h;
		sl->ent = (uint32_t)r->nent;
	}
	e = &r->ent[sl->ent - 1];
	e->flags |= f;
	return e;
}

static void
addlist(struct qt_rules *r, const struct cfg *c, const char *name, uint64_t f)
{
	const struct cfg *s = cfg_seq(c, name);
	size_t i;

	for (i = 0; s && i < s->len; i++) {
		if (s->val[i]->kind != CFG_SCALAR)
			cfg_fail(s->val[i], "%s: expected a word or phrase", name);
		add(r, s->val[i]->str, strlen(s->val[i]->str), f);
	}
}

/* The lists of the rules, with the flags their words get. */
static const struct {
	const char *name;
	uint64_t f;
} lists[] = {
	{ "cues", LX_CUE },
	{ "indirect_cues", LX_CUE | LX_ICUE },
	{ "reporting_verbs", LX_CUE | LX_CORE },
	{ "derived_cues", LX_ICUE | LX_DCUE },
	{ "belief_cues", LX_ICUE },
	{ "impersonal_cues", LX_ICUE | LX_NOSRC },
	{ "noun_cues", LX_NCUE },
	{ "attribution_nouns", LX_ATTRN },
	{ "adverbs", LX_ADV },
	{ "hypothetical", LX_HYPO },
	{ "scare_words", LX_SCARE },
	{ "male_titles", LX_MALE | LX_GTITLE },
	{ "female_titles", LX_FEMALE | LX_GTITLE },
	{ "male_names", LX_MALE | LX_FORENAME },
	{ "female_names", LX_FEMALE | LX_FORENAME },
	{ "org_words", LX_ORGWORD },
	{ "aux_verbs", LX_VAUX },
	{ "finite_verbs", LX_VEND },
	{ "knowing_verbs", LX_KNOW },
	{ "mention_words", LX_MENTW | LX_SCARE },
	{ "said_words", LX_SAIDW },
	{ "term_words", LX_TERMW },
	{ "told_words", LX_TOLDW },
};

struct qt_rules *
qt_rules_new(const struct cfg *c)
{
	struct qt_rules *r = xcalloc(1, sizeof *r);
	const struct cfg *t;
	size_t i, n;

	/* the index sized once for what the rules hold (a phrase's first
	 * words may add a few more) rather than rebuilt as it fills */
	n = sizeof grammar / sizeof grammar[0] + W_NWORDS;
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++)
		if ((t = cfg_get(c, lists[i].name)) != NULL)
			n += t->len;	/* its type is checked below */
	if ((t = cfg_get(c, "titles")) != NULL)
		n += t->len;
	r->entcap = n;
	r->ent = xreallocarray(NULL, r->entcap, sizeof *r->ent);
	reserve(r, n);
	for (i = 0; i < sizeof grammar / sizeof grammar[0]; i++)
		add(r, grammar[i].w, strlen(grammar[i].w), grammar[i].f);
	for (i = 1; i < W_NWORDS; i++)
		add(r, named[i], strlen(named[i]), (uint32_t)i << LX_WSHIFT);
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++)
		addlist(r, c, lists[i].name, lists[i].f);
	t = cfg_map(c, "titles");
	for (i = 0; t && i < t->len; i++) {
		struct lx_ent *e;
		if (t->val[i]->kind != CFG_SCALAR)
			cfg_fail(t->val[i], "titles: expected a description");
		e = add(r, t->keys[i], strlen(t->keys[i]), LX_TITLE);
		if (e)
			e->title = ar_memdup(&r->mem, t->val[i]->str,
			    strlen(t->val[i]->str));
	}
	/* A name in both gender lists tells nothing. */
	for (i = 0; i < r->nent; i++)
		if ((r->ent[i].flags & (LX_MALE | LX_FEMALE)) ==
		    (LX_MALE | LX_FEMALE) && !(r->ent[i].flags & LX_PRON))
			r->ent[i].flags &= ~(LX_MALE | LX_FEMALE);
	/* what the tokenizer asks of a word before a period, so that it
	 * looks up few of them (most end a sentence) */
	for (i = 0; i < r->nent; i++) {
		const struct lx_ent *e = &r->ent[i];
		if ((e->flags & (LX_TITLE | LX_SUFFIX | LX_GTITLE)) &&
		    e->key[e->klen - 1] == '.' && e->klen < 64)
			r->dotlen[lx_dotclass(e->key[0])] |=
			    (uint64_t)1 << e->klen;
	}
	return r;
}

void
qt_rules_free(struct qt_rules *r)
{
	if (r == NULL)
		return;
	ar_free(&r->mem);
	free(r->ent);
	free(r->slot);
	free(r);
}

const struct cfg *
qt_default_cfg(void)
{
	static struct cfg *c;

	if (c == NULL)
		c = cfg_parse("qt.yaml", qt_rules_yaml, qt_rules_yaml_len);
	return c;
}

/* ASCII letters of w lower case (every byte of w below 0x80): + 0x3f
 * sets a byte's top bit from 'A' on, + 0x25 from past 'Z' on, and no sum
 * carries into the next byte; where the two differ, 0x20 is added. */
static inline uint64_t
fold8(uint64_t w)
{
	uint64_t a = w + 0x3f3f3f3f3f3f3f3fu, z = w + 0x2525252525252525u;

	return w | (a & ~z & 0x8080808080808080u) >> 2;
}

static inline uint32_t
fold4(uint32_t w)
{
	uint32_t a = w + 0x3f3f3f3fu, z = w + 0x25252525u;

	return w | (a & ~z & 0x80808080u) >> 2;
}

/*
 * The common key: ASCII, where folding keeps every byte at its offset, so
 * words may overlap (the last eight again, or two fours for four to seven
 * bytes).  Returns 0 when s[0..n) (n < LX_MAXKEY) has a byte past ASCII,
 * having written junk to key.
 */
static int
fold_ascii(const char *s, size_t n, char *key)
{
	uint64_t w, hi = 0;
	uint32_t x, y;
	size_t i;

	if (n >= 8) {
		for (i = 0; i + 8 <= n; i += 8) {
			memcpy(&w, s + i, 8);
			hi |= w;
			w = fold8(w);
			memcpy(key + i, &w, 8);
		}
		if (i < n) {
			memcpy(&w, s + n - 8, 8);
			hi |= w;
			w = fold8(w);
			memcpy(key + n - 8, &w, 8);
		}
	} else if (n >= 4) {
		memcpy(&x, s, 4);
		memcpy(&y, s + n - 4, 4);
		hi = x | y;
		x = fold4(x);
		y = fold4(y);
		memcpy(key, &x, 4);
		memcpy(key + n - 4, &y, 4);
	} else
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			hi |= c;
			key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
		}
	return (hi & 0x8080808080808080u) == 0;
}

uint32_t
lx_fold(const char *s, size_t n, char *key, size_t *klen)
{
	char buf[LX_KEYBUF];
	size_t i, k = 0;
	uint32_t h = 2166136261u;

	if (key == NULL)
		key = buf;
	if (n < LX_MAXKEY && fold_ascii(s, n, key)) {
		*klen = n;
		memset(key + n, 0, 8);
		return lx_hash(key, n);
	}
	/* lower case; ’ reads as ' */
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == 0xe2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0x99) {
			c = '\'';
			i += 2;
		} else if (c >= 'A' && c <= 'Z')
			c += 32;
		if (n < LX_MAXKEY)
			key[k++] = (char)c;
		else
			h = (h ^ c) * 16777619u;	/* no key: FNV-1a */
	}
	*klen = k;
	if (n >= LX_MAXKEY)
		return h;
	memset(key + k, 0, 8);
	return lx_hash(key, k);
}

uint64_t
lx_get(const struct qt_rules *r, const char *s, size_t n, const char **title)
{
	char key[LX_KEYBUF];
	size_t k;
	uint32_t h;

	h = lx_fold(s, n, key, &k);
	return lx_find(r, key, k, h, title);
}
