/*
 * bp_index: matching all of strip-boilerplate's rules against a paragraph
 * in about one pass over it.  A rule list of hundreds of patterns tried one
 * by one would cost hundreds of passes: instead prefix and line patterns
 * are bucketed by their first byte, suffix patterns by their last, and the
 * literals of contains patterns (and of residue) are found by one walk over
 * the words: a match never starts inside a word, so each literal is keyed
 * by 4 bytes that start a word of it (looked up at the text's word starts
 * only, through a 64K-bit filter) or by a punctuation byte in it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BP_INTERNAL
#include "bp.h"
#include "buf.h"

/* token types, as in bp_pat.c */
enum { T_LIT = 0, T_WORD = 2, T_CAP = 3, T_NUM = 4, T_SET = 5 };

void
bp_list_add(struct bp_list *l, size_t v)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = v;
}

static uint32_t
fhash(uint32_t v)
{
	return (v * 2654435761u) >> 16;
}

/* Is bit f of the word filter set (0 or 1): may a key hashed to f be in
 * the table? */
static inline size_t
filter_bit(const struct bp_hash *h, uint32_t f)
{
	return (size_t)(h->filter[f >> 6] >> (f & 63) & 1);
}

/* The top bits of the product: its low bits would depend on the key's
 * first byte or two alone, and keys that start alike would collide. */
static size_t
slot(const struct bp_hash *h, uint32_t key)
{
	size_t i = (size_t)((key * 0x9e3779b97f4a7c15ULL) >> 40) &
	    (h->cap - 1);

	while (h->val[i].cap != 0 && h->key[i] != key)
		i = (i + 1) & (h->cap - 1);
	return i;
}

void
bp_hash_add(struct bp_hash *h, const char *lit, size_t len, size_t v)
{
	uint32_t key, f;
	size_t i;

	if (len < 4) {
		bp_list_add(&h->shortl, v);
		return;
	}
	if (2 * (h->used + 1) > h->cap) {	/* grow and rehash */
		struct bp_hash old = *h;

		h->cap = h->cap ? 2 * h->cap : 64;
		h->key = xcalloc(h->cap, sizeof(*h->key));
		h->val = xcalloc(h->cap, sizeof(*h->val));
		for (i = 0; i < old.cap; i++)
			if (old.val[i].cap != 0) {
				size_t s = slot(h, old.key[i]);

				h->key[s] = old.key[i];
				h->val[s] = old.val[i];
			}
		free(old.key);
		free(old.val);
	}
	memcpy(&key, lit, 4);
	i = slot(h, key);
	if (h->val[i].cap == 0)
		h->used++;
	h->key[i] = key;
	bp_list_add(&h->val[i], v);
	f = fhash(key);
	h->filter[f >> 6] |= (uint64_t)1 << (f & 63);
}

void
bp_hash_free(struct bp_hash *h)
{
	size_t i;

	for (i = 0; i < h->cap; i++)
		free(h->val[i].v);
	free(h->key);
	free(h->val);
	free(h->shortl.v);
}

static inline const struct bp_list *
lookup(const struct bp_hash *h, const char *s)
{
	uint32_t v, f;
	const struct bp_list *l;

	if (h->used == 0)
		return NULL;
	memcpy(&v, s, 4);
	f = fhash(v);
	if (!filter_bit(h, f))
		return NULL;
	l = &h->val[slot(h, v)];
	return l->cap ? l : NULL;
}

void
bp_hash_scan(const struct bp_hash *h, const char *s, size_t n,
    struct bp_list *out)
{
	size_t i, k;

	if (h->used == 0)
		return;
	for (i = 0; i + 4 <= n; i++) {
		uint32_t v, f;
		const struct bp_list *l;

		memcpy(&v, s + i, 4);
		f = fhash(v);
		if (!filter_bit(h, f))
			continue;
		l = &h->val[slot(h, v)];
		if (l->cap == 0)
			continue;
		for (k = 0; k < l->n; k++) {
			bp_list_add2(out, l->v[k], i);
		}
	}
}

/* How rare a byte is in English text, roughly: a window of rare bytes
 * makes the filter pass less often. */
int
bp_rarity(unsigned char c)
{
	/* a switch, not strchr(): the pull-quote check asks per byte */
	switch (c) {
	case ' ':
		return 0;
	case '\0':	/* as strchr() found it: its terminator */
	case 'e': case 't': case 'a': case 'o': case 'i': case 'n':
	case 's': case 'h': case 'r': case 'd': case 'l': case 'u':
		return 1;
	case 'c': case 'm': case 'w': case 'f': case 'g': case 'y':
	case 'p': case 'b':
		return 2;
	case 'v': case 'k': case '.': case ',':
		return 3;
	}
	return 4;
}

/* The rarest 4-byte window of s[0..len), len >= 4. */
static size_t
rarest(const char *s, size_t len)
{
	size_t i, best = 0;
	int score, top = -1;

	for (i = 0; i + 4 <= len; i++) {
		score = bp_rarity((unsigned char)s[i]) +
		    bp_rarity((unsigned char)s[i + 1]) +
		    bp_rarity((unsigned char)s[i + 2]) +
		    bp_rarity((unsigned char)s[i + 3]);
		if (score > top) {
			top = score;
			best = i;
		}
	}
	return best;
}

/* The longest run of literal tokens in p: its start and length. */
static size_t
longest_run(const struct bp_pat *p, size_t *at)
{
	size_t i, k, best = 0;

	*at = 0;
	for (i = 0; i < p->n; i = k + 1) {
		for (k = i; k < p->n && p->tok[k].t == T_LIT; k++)
			;
		if (k - i > best) {
			best = k - i;
			*at = i;
		}
	}
	return best;
}

static void
run_bytes(const struct bp_pat *p, size_t at, size_t len, char *out)
{
	size_t i;

	for (i = 0; i < len; i++)
		out[i] = (char)p->tok[at + i].c;
}

/* Bytes of a word, as the pattern matcher sees them (wordc() in bp_pat.c):
 * ASCII letters and digits, and every byte of a UTF-8 sequence. */
static unsigned char wtab[256];

static void
wtab_init(void)
{
	int c;

	for (c = 0; c < 256; c++)
		wtab[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c >= 0x80;
}

static int
punctc(unsigned char c)
{
	return !wtab[c] && c != ' ';
}

enum { KEY_NONE, KEY_WORD, KEY_PUNCT };

static const char common_words[] =
    "the |and |that|this|with|have|from|been|they|will|were|said|"
    "what|when|your|more|than|them|some|into|also|only|over|most|"
    "othe|abou|afte|thei|ther|whic|woul|coul|is a|is t|for |was |"
    "are |has |not |but |his |her |had |its |can |may |all |one |"
    "you |who |new |our |out |year|time|firs|last|peop|comm|cour|"
    "repo|writ|acco|cont|stat|gove|offi|pres|work|like|just|even|"
    "back|make|made|many|such|very|much|week|news|publ|inte|show|"
    "in t|of t|to t|on t|at t|a co|a pr|a st|";
#define NCOMMON (sizeof(common_words) / 5)
static uint32_t common_sorted[NCOMMON];	/* as words, for bsearch() */

static int
cmp32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return x < y ? -1 : x > y;
}

/* Does a word start with these 4 bytes in much of any English news text?
 * A key there would stop the scan at every other sentence.  Asked of
 * every window of every pattern's key: a binary search. */
static int
common(const char *s)
{
	uint32_t v;

	if (common_sorted[0] == 0) {
		size_t i;

		for (i = 0; i < NCOMMON; i++)
			memcpy(&common_sorted[i], common_words + 5 * i, 4);
		qsort(common_sorted, NCOMMON, sizeof(*common_sorted), cmp32);
	}
	memcpy(&v, s, 4);
	return bsearch(&v, common_sorted, NCOMMON, sizeof(v), cmp32) != NULL;
}

/*
 * How the scan of the words finds the literal text s[0..len): by its 4
 * bytes at *at that start a word (a word byte after a non-word byte of s,
 * or at 0 when start says a match begins there, and so does a word of the
 * text), the rarest such; else by a punctuation byte, the rarest.
 */
static int
key_at(const char *s, size_t len, int start, size_t *at)
{
	size_t j;
	int score, top = -1;

	for (j = 0; j + 4 <= len; j++) {
		if (!wtab[(unsigned char)s[j]] || (j == 0 ? !start :
		    wtab[(unsigned char)s[j - 1]]))
			continue;
		score = 16 + bp_rarity((unsigned char)s[j]) +
		    bp_rarity((unsigned char)s[j + 1]) +
		    bp_rarity((unsigned char)s[j + 2]) +
		    bp_rarity((unsigned char)s[j + 3]);
		if (common(s + j))
			score -= 16;
		if (score > top)
			top = score, *at = j;
	}
	if (top >= 0)
		return KEY_WORD;
	for (j = 0; j < len; j++) {
		unsigned char c = (unsigned char)s[j];

		if (!punctc(c))
			continue;
		score = strchr(".,-'\":()", c) ? 0 : 1;
		if (score > top)
			top = score, *at = j;
	}
	return top >= 0 ? KEY_PUNCT : KEY_NONE;
}

static void
add_key(struct bp_rules *rs, const char *s, int kind, size_t at, size_t v)
{
	unsigned char c = (unsigned char)s[at];

	if (kind == KEY_WORD)
		bp_hash_add(&rs->wordh, s + at, 4, v);
	else {
		bp_list_add(&rs->punct[c], v);
		rs->pbits[c >> 6] |= (uint64_t)1 << (c & 63);
	}
}

/* Every match of the ref has run[0..len) literally where the scan finds
 * its key (at a word start, or at the punctuation byte), so take() checks
 * all of the run there before keeping a candidate. */
static void
set_run(struct bp_ref *f, const char *run, size_t len, size_t key)
{
	f->run = run;
	f->runlen = len;
	f->runkey = key;
}

/* A line or prefix ref with no literal at its start: into startca[] by
 * the first byte (case kept) its first token can take, where that says
 * anything; else into start[256], tried on every paragraph. */
static void
add_start(struct bp_rules *rs, size_t id)
{
	const struct bp_ref *f = &rs->ref[id];
	const struct bp_tok *t = &f->p->tok[0];
	const struct bp_set *st = t->t == T_SET ? &rs->sets[t->set] : NULL;
	int c;

	if (f->anchor == BP_CONTAINS || f->p->litlen != 0 || (t->t != T_NUM &&
	    t->t != T_CAP && (st == NULL || st->empty))) {
		bp_list_add(&rs->start[256], id);
		return;
	}
	for (c = 0; c < 256; c++) {
		/* lower case is ASCII A-Z only, as bp_norm() makes it */
		int l = c >= 'A' && c <= 'Z' ? c + 32 : c;

		if (t->t == T_NUM ? c >= '0' && c <= '9' :
		    t->t == T_CAP ? (c >= 'A' && c <= 'Z') || c >= 0x80 :
		    (st->first[l >> 6] >> (l & 63) & 1) != 0)
			bp_list_add(&rs->startca[c], id);
	}
}

/* Entries of the set a contains pattern opens with that the scan finds
 * by a key of their own (else 0): each gets a ref of its own, see
 * entry_ref(). */
static size_t
entry_refs(const struct bp_rules *rs, const struct bp_pat *p)
{
	const struct bp_set *st;
	size_t e, k = 0;

	if (p->tok[0].t != T_SET)
		return 0;
	st = &rs->sets[p->tok[0].set];
	for (e = 0; e < st->n; e++)
		if (st->len[e] >= 4 || (st->len[e] > 0 &&
		    punctc((unsigned char)st->s[e][0])))
			k++;
	return k;
}

/* A ref for entry es[0..len) of the set that contains pattern ref[id]
 * opens with, at id2: the same pattern and rule, but with the entry and
 * the literal text after the set as its run, so that take() turns away
 * "saturday" in "on saturday the" for a pattern "<weekday>, <month> ..."
 * at once, instead of matching every entry of the set there. */
static void
entry_ref(struct bp_rules *rs, size_t id, const char *es, size_t len,
    size_t id2)
{
	const struct bp_pat *p = rs->ref[id].p;
	struct bp_ref *f = &rs->ref[id2];
	size_t k, n;
	char *run;

	for (n = 1; n < p->n && p->tok[n].t == T_LIT; n++)
		;
	run = xmalloc(len + n);
	memcpy(run, es, len);
	for (k = 1; k < n; k++)
		run[len + k - 1] = (char)p->tok[k].c;
	*f = rs->ref[id];
	f->own = run;
	set_run(f, run, len + n - 1, 0);
}

/* A suffix ref with no literal at its end: into endlo[] by the last byte
 * its last token can take, where that says anything; else into end[256],
 * tried on every paragraph. */
static void
add_end(struct bp_rules *rs, size_t id)
{
	const struct bp_pat *p = rs->ref[id].p;
	const struct bp_tok *t = &p->tok[p->n - 1];
	const struct bp_set *st = t->t == T_SET ? &rs->sets[t->set] : NULL;
	int c;

	if (p->taillen != 0 || (t->t != T_NUM && (st == NULL || st->empty))) {
		bp_list_add(&rs->end[256], id);
		return;
	}
	for (c = 0; c < 256; c++)
		if (t->t == T_NUM ? c >= '0' && c <= '9' :
		    (st->last[c >> 6] >> (c & 63) & 1) != 0)
			bp_list_add(&rs->endlo[c], id);
}

static void
index_ref(struct bp_rules *rs, size_t id, size_t *alias)
{
	const struct bp_pat *p = rs->ref[id].p;
	int a = rs->ref[id].anchor;
	size_t at, len, tail;
	char buf4[4];
	int kind;

	if (a == BP_CONTAINS) {
		if (p->tok[0].t == T_SET) {	/* each entry an anchor */
			const struct bp_set *st = &rs->sets[p->tok[0].set];
			size_t e;

			for (e = 0; e < st->n; e++) {
				const char *es = st->s[e];

				if (st->len[e] > 0 && punctc((unsigned char)es[0])) {
					entry_ref(rs, id, es, st->len[e], *alias);
					add_key(rs, es, KEY_PUNCT, 0, (*alias)++);
				} else if (st->len[e] >= 4) {
					entry_ref(rs, id, es, st->len[e], *alias);
					add_key(rs, es, KEY_WORD, 0, (*alias)++);
				} else
					bp_hash_add(&rs->contains, es,
					    st->len[e], id);
			}
			return;
		}
		if (p->litlen >= 4 &&
		    (kind = key_at(p->lit, p->litlen, 1, &at)) != KEY_NONE) {
			rs->ref[id].off = at;
			set_run(&rs->ref[id], p->lit, p->litlen, at);
			add_key(rs, p->lit, kind, at, id);
			return;
		}
		if (p->litlen >= 4) {
			rs->ref[id].off = rarest(p->lit, p->litlen);
			set_run(&rs->ref[id], p->lit, p->litlen,
			    rs->ref[id].off);
			bp_hash_add(&rs->contains, p->lit + rs->ref[id].off,
			    4, id);
			return;
		}
		if (p->litlen > 0) {
			bp_hash_add(&rs->contains, p->lit, p->litlen, id);
			return;
		}
	} else if (a == BP_SUFFIX) {
		for (tail = 0; tail < p->n && p->tok[p->n - 1 - tail].t ==
		    T_LIT; tail++)
			;
		if (tail >= 4) {
			run_bytes(p, p->n - 4, 4, buf4);
			bp_hash_add(&rs->endh, buf4, 4, id);
			return;
		}
		if (tail > 0) {
			bp_list_add(&rs->end[p->tok[p->n - 1].c], id);
			return;
		}
	} else {
		if (p->litlen >= 4) {
			bp_hash_add(&rs->starth, p->lit, 4, id);
			return;
		}
		if (p->litlen > 0) {
			bp_list_add(&rs->start[p->tok[0].c], id);
			return;
		}
	}
	/* no literal where the anchor is: find a literal run inside */
	if ((len = longest_run(p, &at)) >= 4) {
		char *run = xmalloc(len);
		size_t k;

		run_bytes(p, at, len, run);
		/* a contains pattern is found by its run's rarest bytes
		 * and matched from anywhere; another without a key is
		 * tried on every paragraph */
		if (a != BP_CONTAINS &&
		    (kind = key_at(run, len, at == 0, &k)) != KEY_NONE) {
			add_key(rs, run, kind, k, id);
			set_run(&rs->ref[id], run, len, k);
			rs->ref[id].own = run;
			run = NULL;
		} else if (a == BP_SUFFIX)
			add_end(rs, id);
		else if (a != BP_CONTAINS)
			add_start(rs, id);
		else {
			/* it opens with a wildcard: where the match starts
			 * is not known from where the key is */
			k = rarest(run, len);
			bp_hash_add(&rs->contains, run + k, 4, id);
			set_run(&rs->ref[id], run, len, k);
			rs->ref[id].own = run;
			rs->ref[id].off = BP_ANYWHERE;
			run = NULL;
		}
		free(run);
	} else if (a == BP_SUFFIX)
		add_end(rs, id);
	else
		add_start(rs, id);
}

/* s[0..len) as the word that loading its first (up to) 8 bytes gives,
 * and the mask of those bytes; with top, the last 8 bytes at the top of
 * the word instead, as bp_match_refs() loads a paragraph's end. */
static uint64_t
word8(const char *s, size_t len, int top, uint64_t *mask)
{
	unsigned char b[8] = { 0 }, m[8] = { 0 };
	size_t k = len < 8 ? len : 8;
	uint64_t w;

	if (k > 0) {	/* s may be NULL when len is 0 */
		memcpy(b + (top ? 8 - k : 0), top ? s + len - k : s, k);
		memset(m + (top ? 8 - k : 0), 0xff, k);
	}
	memcpy(&w, b, 8);
	memcpy(mask, m, 8);
	return w;
}

static void
quick(const struct bp_rules *rs, struct bp_ref *f)
{
	const struct bp_rule *r = &rs->rules[f->rule];
	size_t k, w;

	f->where = r->where;
	f->minw = r->minw;
	f->maxw = r->maxw;
	f->minsp = f->p->minsp;
	f->maxsp = f->p->maxsp;
	f->run8 = word8(f->run, f->runlen, 0, &f->runm8);
	f->lit8 = word8(f->p->lit, f->p->litlen, 0, &f->litm8);
	f->tail8 = word8(f->p->tail, f->p->taillen, 1, &f->tailm8);
	f->headm8 = f->anchor == BP_LINE || f->anchor == BP_PREFIX ?
	    f->litm8 : 0;
	f->endm8 = f->anchor == BP_LINE || f->anchor == BP_SUFFIX ?
	    f->tailm8 : 0;
	f->needp[0] = f->needp[1] = 0;
	for (k = 0; k < f->p->n; k++) {
		unsigned char c = f->p->tok[k].c;

		if (f->p->tok[k].t == T_LIT && c < 0x80 && punctc(c))
			f->needp[c >> 6] |= (uint64_t)1 << (c & 63);
	}
	/* "% % is a": each wildcard word ends at a space, as normalised text
	 * has one between words, so the next starts the next word */
	f->capw = 0;
	if (f->anchor == BP_LINE || f->anchor == BP_PREFIX)
		for (k = 0, w = 0; k < f->p->n && w < 8; w++) {
			const struct bp_tok *t = &f->p->tok[k];

			if (t->t != T_CAP && t->t != T_WORD)
				break;
			if (t->t == T_CAP)
				f->capw |= 1u << w;
			if (++k == f->p->n || f->p->tok[k].t != T_LIT ||
			    f->p->tok[k].c != ' ')
				break;
			k++;
		}
}

/* Refs by their rule's max_words, largest first (insertion sort: lists
 * are short), so that trying them stops at the first that cannot fit. */
static size_t
maxw_of(const struct bp_rules *rs, size_t v)
{
	return v < rs->nref ? rs->rules[rs->ref[v].rule].maxw : SIZE_MAX;
}

static void
sort_maxw(const struct bp_rules *rs, size_t *v, size_t n)
{
	size_t i, k, x;

	for (i = 1; i < n; i++) {
		x = v[i];
		for (k = i; k > 0 && maxw_of(rs, v[k - 1]) < maxw_of(rs, x); k--)
			v[k] = v[k - 1];
		v[k] = x;
	}
}

/* Put the refs of rules that apply anywhere first, so that matching only
 * those (most of the work) skips the rest of a list at once. */
static void
partition(const struct bp_rules *rs, struct bp_list *l)
{
	size_t i, k = 0, *tmp;

	if (l->n == 0)
		return;
	tmp = xreallocarray(NULL, l->n, sizeof(*tmp));
	for (i = 0; i < l->n; i++)
		if (l->v[i] < rs->nref &&
		    rs->rules[rs->ref[l->v[i]].rule].where == BP_WHERE_ANY)
			tmp[k++] = l->v[i];
	l->nany = k;
	for (i = 0; i < l->n; i++)
		if (!(l->v[i] < rs->nref &&
		    rs->rules[rs->ref[l->v[i]].rule].where == BP_WHERE_ANY))
			tmp[k++] = l->v[i];
	memcpy(l->v, tmp, l->n * sizeof(*tmp));
	free(tmp);
	sort_maxw(rs, l->v, l->nany);
	sort_maxw(rs, l->v + l->nany, l->n - l->nany);
	l->bymaxw = 1;
}

static void
partition_hash(const struct bp_rules *rs, struct bp_hash *h)
{
	size_t i;

	for (i = 0; i < h->cap; i++)
		partition(rs, &h->val[i]);
	partition(rs, &h->shortl);
}

/*
 * The bytes at the key's place and the 7 after it, and the 8 before it,
 * that every entry of a scan's list asks for there, as words under masks:
 * text that differs in one of them takes none of the entries, so the scan
 * turns it away before calling take().  An entry asks for its run (a
 * residue entry for its normalised text) around where the key is; one
 * with no run asks for nothing, and so nor does the list.
 */
static void
list_sig(const struct bp_rules *rs, struct bp_list *l)
{
	unsigned char b[16] = { 0 }, m[16];
	size_t k, d;

	memset(m, 0xff, sizeof(m));
	for (k = 0; k < l->n; k++) {
		size_t v = l->v[k], key, len;
		const char *run;

		if (v >= rs->nref) {
			const struct bp_inl *in = &rs->inl[(v - rs->nref) >> 16];
			size_t t = (v - rs->nref) & 0xffff;

			run = in->norm[t];
			len = in->nlen[t];
			key = in->koff[t];
		} else {
			run = rs->ref[v].run;
			len = rs->ref[v].runlen;
			key = rs->ref[v].runkey;
		}
		/* b[8 + d] is the byte at the key's place + d */
		for (d = 0; d < 16; d++) {
			if (key + d < 8 || key + d - 8 >= len)
				m[d] = 0;
			else if (k == 0)
				b[d] = (unsigned char)run[key + d - 8];
			else if (b[d] != (unsigned char)run[key + d - 8])
				m[d] = 0;
		}
	}
	for (d = 0; d < 16; d++)
		b[d] &= m[d];
	memcpy(&l->pre8, b, 8);
	memcpy(&l->prem8, m, 8);
	memcpy(&l->sig8, b + 8, 8);
	memcpy(&l->sigm8, m + 8, 8);
	if (l->n == 0)
		l->sigm8 = l->prem8 = 0;
}

/* The copies of a scan's list that take() tests, once its order is set. */
static void
cands(const struct bp_rules *rs, struct bp_list *l)
{
	size_t k, d;

	if (l->n == 0)
		return;
	l->cand = xreallocarray(NULL, l->n, sizeof(*l->cand));
	for (k = 0; k < l->n; k++) {
		struct bp_cand *c = &l->cand[k];
		size_t v = l->v[k];
		unsigned char b[16] = { 0 }, m[16] = { 0 };

		memset(c, 0, sizeof(*c));
		c->v = v;
		if (v >= rs->nref) {
			const struct bp_inl *in = &rs->inl[(v - rs->nref) >> 16];
			size_t t = (v - rs->nref) & 0xffff;

			c->run = in->norm[t];
			c->runlen = in->nlen[t];
			c->runkey = in->koff[t];
			c->residue = 1;
			c->maxw = SIZE_MAX;
		} else {
			const struct bp_ref *f = &rs->ref[v];

			c->run = f->run;
			c->runlen = f->runlen;
			c->runkey = f->runkey;
			c->minw = f->minw;
			c->maxw = f->maxw;
		}
		/* b[8 + d] is the run's byte at the key's place + d */
		for (d = 0; d < 16; d++)
			if (c->runkey + d >= 8 && c->runkey + d - 8 < c->runlen) {
				b[d] = (unsigned char)c->run[c->runkey + d - 8];
				m[d] = 0xff;
			}
		memcpy(&c->pre8, b, 8);
		memcpy(&c->prem8, m, 8);
		memcpy(&c->at8, b + 8, 8);
		memcpy(&c->atm8, m + 8, 8);
		c->whole = c->runkey <= 8 && c->runlen - c->runkey <= 8;
		if (c->runlen == 0)	/* asks for nothing */
			c->whole = 1;
	}
}

/* Choose a byte of the paragraph's first or last 8 that tells the refs
 * of slots [a, b) of l apart (see struct bp_part): one that each asks
 * for (head8 or end8) with more than one value among them, the first of
 * the head or else the last of the tail.  Residue's slots are never
 * tried and ask for nothing. */
static void
part_byte(struct bp_list *l, size_t a, size_t b, int x)
{
	uint64_t hm = ~(uint64_t)0, tm = hm, hv = 0, tv = 0, hd = 0, td = 0;
	unsigned sh = 128;
	size_t k;
	int first = 1;
	struct bp_part *pt = &l->part[x];

	pt->bshift = 128;
	pt->allneed[0] = pt->allneed[1] = pt->allneed[2] = 0;
	for (k = a; k < b; k++) {
		const struct bp_slot *g = &l->slot[k];

		if (g->ref == SIZE_MAX)
			continue;
		if (first) {
			pt->allneed[0] = g->need[0];
			pt->allneed[1] = g->need[1];
			pt->allneed[2] = g->needw;
			hv = g->lit8;
			tv = g->tail8;
			first = 0;
		} else {
			pt->allneed[0] &= g->need[0];
			pt->allneed[1] &= g->need[1];
			pt->allneed[2] &= g->needw;
		}
		hm &= g->headm8;
		tm &= g->endm8;
		hd |= g->lit8 ^ hv;
		td |= g->tail8 ^ tv;
	}
	if (first)
		return;
	hd &= hm;
	td &= tm;
	if (hd != 0)
		sh = (unsigned)__builtin_ctzll(hd) & ~7u;
	else if (td != 0)
		sh = 64 + ((63 - (unsigned)__builtin_clzll(td)) & ~7u);
	else
		return;
	memset(pt->bset, 0, sizeof(pt->bset));
	for (k = a; k < b; k++) {
		const struct bp_slot *g = &l->slot[k];
		unsigned c;

		if (g->ref == SIZE_MAX)
			continue;
		c = (unsigned)((sh < 64 ? g->lit8 >> sh : g->tail8 >> (sh - 64))
		    & 0xff);
		pt->bset[c >> 6] |= (uint64_t)1 << (c & 63);
	}
	pt->bshift = sh;
}

/* The slots of a list that try_range() walks, once its order is set. */
static void
slots(const struct bp_rules *rs, struct bp_list *l)
{
	size_t k;

	if (l->n == 0)
		return;
	l->slot = xreallocarray(NULL, l->n, sizeof(*l->slot));
	l->part = xcalloc(2, sizeof(*l->part));
	for (k = 0; k < l->n; k++) {
		struct bp_slot *g = &l->slot[k];
		const struct bp_ref *f;

		memset(g, 0, sizeof(*g));
		if (l->v[k] >= rs->nref) {	/* residue: never tried */
			g->maxw = g->hiw = SIZE_MAX;
			g->ref = SIZE_MAX;
			continue;
		}
		f = &rs->ref[l->v[k]];
		g->ref = l->v[k];
		g->lit8 = f->lit8;
		g->headm8 = f->headm8;
		g->tail8 = f->tail8;
		g->endm8 = f->endm8;
		g->need[0] = f->needp[0];
		g->need[1] = f->needp[1];
		g->needw = f->p->needw;
		g->maxw = f->maxw;
		g->loww = f->minsp + 1 > f->minw ? f->minsp + 1 : f->minw;
		g->hiw = f->maxw;
		if (f->anchor == BP_LINE && f->maxsp < SIZE_MAX &&
		    f->maxsp + 1 < g->hiw)
			g->hiw = f->maxsp + 1;
		g->where = 1u << f->where;
		/* a paragraph of more words, or asking of other places, is
		 * admitted by no slot of the part: try_list() skips it */
		if (k < l->nany) {
			if (g->hiw > l->anytop)
				l->anytop = g->hiw;
		} else {
			if (g->hiw > l->othertop)
				l->othertop = g->hiw;
			l->otherwhere |= g->where;
		}
	}
	part_byte(l, 0, l->nany, 0);
	part_byte(l, l->nany, l->n, 1);
}

static void
slots_free(struct bp_list *l)
{
	free(l->slot);
	l->slot = NULL;
	free(l->part);
	l->part = NULL;
}

void
bp_index(struct bp_rules *rs)
{
	size_t r, a, k, nref = 0, nalias = 0, alias;

	wtab_init();
	for (r = 0; r < rs->nrules; r++)
		for (a = 0; a < BP_NANCHOR; a++) {
			nref += rs->rules[r].npat[a];
			for (k = 0; a == BP_CONTAINS && k < rs->rules[r].npat[a];
			    k++)
				nalias += entry_refs(rs, &rs->rules[r].pat[a][k]);
		}
	/* the refs of the patterns, then those of set entries */
	rs->ref = xcalloc(nref + nalias, sizeof(*rs->ref));
	alias = nref;
	for (r = 0; r < rs->nrules; r++)
		for (a = 0; a < BP_NANCHOR; a++)
			for (k = 0; k < rs->rules[r].npat[a]; k++) {
				size_t id = rs->nref++;

				rs->ref[id].p = &rs->rules[r].pat[a][k];
				rs->ref[id].rule = r;
				rs->ref[id].anchor = (int)a;
				index_ref(rs, id, &alias);
				quick(rs, &rs->ref[id]);
			}
	for (; rs->nref < alias; rs->nref++)
		quick(rs, &rs->ref[rs->nref]);
	for (r = 0; r < rs->ninl; r++)
		if (rs->inl[r].at == BP_AT_ANYWHERE)
			for (k = 0; k < rs->inl[r].n; k++) {
				struct bp_inl *in = &rs->inl[r];
				int kind;

				bp_hash_add(&rs->inl_any, in->text[k],
				    in->len[k], r << 16 | k);
				/* and the rules' scan tells where to look;
				 * residue may begin inside a word */
				kind = key_at(in->norm[k], in->nlen[k], 0,
				    &in->koff[k]);
				if (kind != KEY_NONE)
					add_key(rs, in->norm[k], kind,
					    in->koff[k], rs->nref + (r << 16 | k));
				else {
					in->koff[k] = 0;
					bp_hash_add(&rs->contains, in->norm[k],
					    in->nlen[k], rs->nref + (r << 16 | k));
				}
			}
	/* residue at an edge: its byte there turns nearly all paragraphs
	 * away before any entry is compared */
	for (r = 0; r < rs->ninl; r++)
		for (k = 0; k < rs->inl[r].n; k++) {
			const struct bp_inl *in = &rs->inl[r];
			unsigned char c;

			if (in->at == BP_AT_ANYWHERE)
				continue;
			if (in->glued) {	/* bp_add() asks for these */
				rs->inl_glued = 1;
				continue;
			}
			if (in->nlen[k] == 0) {
				rs->inl_empty = 1;
				continue;
			}
			if (in->at == BP_AT_START) {
				c = (unsigned char)in->norm[k][0];
				rs->inl_first[c >> 6] |= (uint64_t)1 << (c & 63);
			} else {
				c = (unsigned char)in->norm[k][in->nlen[k] - 1];
				rs->inl_last[c >> 6] |= (uint64_t)1 << (c & 63);
			}
		}
	for (k = 0; k < 257; k++) {
		partition(rs, &rs->start[k]);
		partition(rs, &rs->end[k]);
		if (k < 256) {
			partition(rs, &rs->startca[k]);
			partition(rs, &rs->endlo[k]);
		}
	}
	partition_hash(rs, &rs->starth);
	partition_hash(rs, &rs->endh);
	/* contains patterns whose literal opening is under 4 bytes, tried
	 * on every paragraph: unpartitioned, those of where: any would
	 * never be */
	partition(rs, &rs->contains.shortl);
	/* the copies try_range() tests first, in each list's order */
	for (k = 0; k < 257; k++) {
		slots(rs, &rs->start[k]);
		slots(rs, &rs->end[k]);
		if (k < 256) {
			slots(rs, &rs->startca[k]);
			slots(rs, &rs->endlo[k]);
		}
	}
	for (k = 0; k < rs->starth.cap; k++)
		slots(rs, &rs->starth.val[k]);
	for (k = 0; k < rs->endh.cap; k++)
		slots(rs, &rs->endh.val[k]);
	slots(rs, &rs->contains.shortl);
	/* the bytes two after a punctuation key that its candidates take */
	for (k = 0; k < 256; k++)
		for (r = 0; r < rs->punct[k].n; r++) {
			size_t v = rs->punct[k].v[r];
			const struct bp_ref *f = v < rs->nref ? &rs->ref[v] : NULL;

			if (f != NULL && f->runlen > f->runkey + 2) {
				unsigned char b = (unsigned char)
				    f->run[f->runkey + 2];

				rs->pafter[k][b >> 6] |= (uint64_t)1 << (b & 63);
			} else	/* residue, or no run to say */
				memset(rs->pafter[k], 0xff,
				    sizeof(rs->pafter[k]));
		}
	/* the scan's lists: residue first, then by max_words (take()) */
	for (k = 0; k < rs->wordh.cap; k++) {
		struct bp_list *l = &rs->wordh.val[k];

		sort_maxw(rs, l->v, l->n);
		l->top = l->n ? maxw_of(rs, l->v[0]) : 0;
		list_sig(rs, l);
		cands(rs, l);
	}
	for (k = 0; k < 256; k++) {
		struct bp_list *l = &rs->punct[k];

		sort_maxw(rs, l->v, l->n);
		l->top = l->n ? maxw_of(rs, l->v[0]) : 0;
		list_sig(rs, l);
		cands(rs, l);
	}
}

void
bp_index_free(struct bp_rules *rs)
{
	size_t i;

	for (i = 0; i < 257; i++) {
		slots_free(&rs->start[i]);
		slots_free(&rs->end[i]);
		free(rs->start[i].v);
		free(rs->end[i].v);
	}
	for (i = 0; i < 256; i++) {
		slots_free(&rs->startca[i]);
		slots_free(&rs->endlo[i]);
		free(rs->punct[i].v);
		free(rs->punct[i].cand);
		free(rs->startca[i].v);
		free(rs->endlo[i].v);
	}
	for (i = 0; i < rs->starth.cap; i++)
		slots_free(&rs->starth.val[i]);
	for (i = 0; i < rs->endh.cap; i++)
		slots_free(&rs->endh.val[i]);
	slots_free(&rs->contains.shortl);
	bp_hash_free(&rs->starth);
	bp_hash_free(&rs->endh);
	for (i = 0; i < rs->wordh.cap; i++)
		free(rs->wordh.val[i].cand);
	bp_hash_free(&rs->wordh);
	bp_hash_free(&rs->contains);
	bp_hash_free(&rs->inl_any);
	for (i = 0; i < rs->nref; i++)
		free(rs->ref[i].own);
	free(rs->ref);
}

void
bp_scan_init(struct bp_scan *sc, const struct bp_rules *rs)
{
	memset(sc, 0, sizeof(*sc));
	sc->rhit = xcalloc(rs->nrules + 1, sizeof(*sc->rhit));
	sc->hit = xcalloc(rs->nrules + 1, sizeof(*sc->hit));
}

void
bp_scan_free(struct bp_scan *sc)
{
	free(sc->rhit);
	free(sc->hit);
	free(sc->hits.v);
	free(sc->refs.v);
}

static void
hit(const struct bp_rules *rs, struct bp_scan *sc, size_t rule)
{
	sc->rhit[rule] = sc->gen;
	sc->hit[sc->nhit++] = rule;
}

/* A paragraph as try_range() looks at it: its first and last 8 bytes as
 * words (see struct bp_ref), zero beyond its length. */
struct para8 {
	uint64_t head, tail;
	const uint64_t *punct;	/* its ASCII punctuation, from the scan */
	uint64_t wbits;		/* and its word bits */
	unsigned caps;		/* bit w: its word w opens with a capital */
	unsigned capsknown;	/* caps is set for its first capsknown
				 * words: only asked of a few, about a few */
};

/* A capital, as bp_pat.c's capital() sees it. */
static int
capc(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Which of the first upto (at most 8) words of lo[0..n) open with a
 * capital (bits as struct bp_ref's capw): the spaces found eight bytes at
 * a time. */
static unsigned
caps8(const char *lo, const char *ca, size_t n, unsigned upto)
{
	unsigned m = n > 0 && capc((unsigned char)ca[0]), w = 1;
	size_t i;

	for (i = 0; i + 8 <= n && w < upto; i += 8) {
		uint64_t x, sp;

		memcpy(&x, lo + i, 8);
		x ^= 0x2020202020202020ULL;
		sp = ~(((x & 0x7f7f7f7f7f7f7f7fULL) + 0x7f7f7f7f7f7f7f7fULL) |
		    x) & 0x8080808080808080ULL;	/* its spaces */
		for (; sp && w < upto; sp &= sp - 1, w++) {
			size_t at = i + (size_t)(__builtin_ctzll(sp) >> 3) + 1;

			if (at < n && capc((unsigned char)ca[at]))
				m |= 1u << w;
		}
	}
	for (; i < n && w < upto; i++)
		if (lo[i] == ' ') {
			if (i + 1 < n && capc((unsigned char)ca[i + 1]))
				m |= 1u << w;
			w++;
		}
	return m;
}

/* Can ref f match, as far as the capitals of the first words tell? */
static int
caps_fit(const struct bp_ref *f, struct para8 *e, const char *lo,
    const char *ca, size_t n)
{
	if (f->capw <= 1)	/* word 0: bp_pat_may_start() asks */
		return 1;
	/* the words up to the last it asks about (bit 7 at most) */
	if (f->capw >> e->capsknown) {
		e->capsknown = 32 - (unsigned)__builtin_clz(f->capw);
		e->caps = caps8(lo, ca, n, e->capsknown);
	}
	return (f->capw & ~e->caps) == 0;
}

static void
para8(struct para8 *e, const char *lo, size_t n)
{
	unsigned char b[8] = { 0 };

	if (n >= 8) {
		memcpy(&e->head, lo, 8);
		memcpy(&e->tail, lo + n - 8, 8);
		return;
	}
	memcpy(b, lo, n);
	memcpy(&e->head, b, 8);
	memset(b, 0, 8);
	memcpy(b + 8 - n, lo, n);
	memcpy(&e->tail, b, 8);
}

static void
try_range(const struct bp_rules *rs, struct bp_scan *sc,
    const struct bp_list *l, size_t k, size_t end, const char *lo,
    const char *ca, size_t n, size_t words, unsigned where,
    struct para8 *e)
{
	const struct bp_slot *g = l->slot + k;

	for (; k < end; k++, g++) {
		const struct bp_ref *f;
		const struct bp_pat *p;

		if (words > g->maxw) {
			if (l->bymaxw)
				break;	/* nor any after it */
			continue;
		}
		/* most fail in their first or last 8 bytes, or lack a
		 * punctuation mark that their literal text has */
		if (((e->head ^ g->lit8) & g->headm8) != 0)
			continue;
		if (((g->need[0] & ~e->punct[0]) |
		    (g->need[1] & ~e->punct[1]) | (g->needw & ~e->wbits)) != 0)
			continue;
		if (((e->tail ^ g->tail8) & g->endm8) != 0 ||
		    words < g->loww || words > g->hiw || !(where & g->where))
			continue;	/* residue too: where 0 */
		f = &rs->ref[g->ref];
		if (sc->rhit[f->rule] == sc->gen || !caps_fit(f, e, lo, ca, n))
			continue;
		/* the ends of the pattern first: most fail there, in
		 * their first or last 8 bytes */
		p = f->p;
		if (f->anchor != BP_CONTAINS && f->anchor != BP_SUFFIX &&
		    (p->litlen > n || ((e->head ^ f->lit8) & f->litm8) != 0 ||
		    (p->litlen > 8 && memcmp(lo + 8, p->lit + 8, p->litlen - 8)
		    != 0) ||
		    (p->litlen == 0 && !bp_pat_may_start(rs, p, lo, ca, n))))
			continue;
		if ((f->anchor == BP_SUFFIX || f->anchor == BP_LINE) &&
		    (p->taillen > n || ((e->tail ^ f->tail8) & f->tailm8) != 0 ||
		    (p->taillen > 8 && memcmp(lo + n - p->taillen, p->tail,
		    p->taillen - 8) != 0) ||
		    (p->taillen == 0 && !bp_pat_may_end(rs, p, lo, n))))
			continue;
		if (bp_pat_match(rs, p, f->anchor, lo, ca, n))
			hit(rs, sc, f->rule);
	}
}

/* May the paragraph match a ref of part x of l, by the byte that they
 * all ask about (bshift)? */
static inline int
part_fits(const struct bp_list *l, int x, const struct para8 *e)
{
	const struct bp_part *pt = &l->part[x];
	unsigned sh = pt->bshift, c;

	if (((pt->allneed[0] & ~e->punct[0]) | (pt->allneed[1] &
	    ~e->punct[1]) | (pt->allneed[2] & ~e->wbits)) != 0)
		return 0;
	if (sh == 128)
		return 1;
	c = (unsigned)((sh < 64 ? e->head >> sh : e->tail >> (sh - 64)) &
	    0xff);
	return (int)(pt->bset[c >> 6] >> (c & 63) & 1);
}

/* A list of refs holds those of where: any in [0, nany); a list that was
 * never partitioned (nany 0) offers them only to the other places. */
static inline __attribute__((always_inline)) void
try_list(const struct bp_rules *rs, struct bp_scan *sc,
    const struct bp_list *l, const char *lo, const char *ca, size_t n,
    size_t words, unsigned where, struct para8 *e)
{
	unsigned any = where & 1 << BP_WHERE_ANY, other = where & ~any;

	/* a part whose refs admit fewer words, or none of the places
	 * asked, or other bytes than the paragraph has at one place that
	 * all of them ask about, costs no call (words > 0: a part with no
	 * ref is one) */
	if (any && !other) {
		if (words <= l->anytop && part_fits(l, 0, e))
			try_range(rs, sc, l, 0, l->nany, lo, ca, n, words,
			    where, e);
	} else if (!any) {
		if ((where & l->otherwhere) && words <= l->othertop &&
		    part_fits(l, 1, e))
			try_range(rs, sc, l, l->nany, l->n, lo, ca, n, words,
			    where, e);
	} else if (l->n == 0)
		return;
	else if (!l->bymaxw)
		try_range(rs, sc, l, 0, l->n, lo, ca, n, words, where, e);
	else {
		if (part_fits(l, 0, e))
			try_range(rs, sc, l, 0, l->nany, lo, ca, n, words,
			    where, e);
		if (part_fits(l, 1, e))
			try_range(rs, sc, l, l->nany, l->n, lo, ca, n, words,
			    where, e);
	}
}

/* Take the candidates in l found at pos: residue is checked at once, refs
 * of rules whose word bounds admit the paragraph are kept for matching.
 * A list holds residue first, then refs by max_words, largest first. */
static __attribute__((noinline)) int
take(const struct bp_rules *rs, struct bp_scan *sc, const struct bp_list *l,
    const char *lo, size_t n, size_t pos, size_t words)
{
	size_t k;
	int residue = 0;

	if (l->cand != NULL) {
		/* the 8 bytes at pos (those after lo[n) are slack, see
		 * bp_scan_text()) and the 8 before, those before lo[0] 0:
		 * a run that reaches there is turned away by its bounds */
		const struct bp_cand *c = l->cand, *ce = c + l->n;
		uint64_t at, pre = 0;

		memcpy(&at, lo + pos, 8);
		if (pos >= 8)
			memcpy(&pre, lo + pos - 8, 8);
		else if (pos > 0) {
			unsigned char b[8] = { 0 };

			memcpy(b + 8 - pos, lo, pos);
			memcpy(&pre, b, 8);
		}
		for (; c < ce; c++) {
			/* residue's bounds (none) let every paragraph by */
			if (words > c->maxw)
				break;	/* sort_maxw() */
			if (words < c->minw)
				continue;
			/* the bytes first, which turn most away; a run that
			 * reaches past either end is turned away by its
			 * bounds, before memcmp() could read there */
			if ((((at ^ c->at8) & c->atm8) |
			    ((pre ^ c->pre8) & c->prem8)) != 0 ||
			    pos < c->runkey || n - (pos - c->runkey) < c->runlen ||
			    (!c->whole && memcmp(lo + pos - c->runkey, c->run,
			    c->runlen) != 0))
				continue;
			if (c->residue)
				residue = 1;
			else
				bp_list_add2(&sc->refs, c->v, pos);
		}
		return residue;
	}
	for (k = 0; k < l->n; k++) {
		size_t v = l->v[k];
		const struct bp_ref *f;

		if (v >= rs->nref) {	/* residue, if all of it */
			const struct bp_inl *in = &rs->inl[(v - rs->nref) >> 16];
			size_t t = (v - rs->nref) & 0xffff, at;

			if (pos < in->koff[t])
				continue;
			at = pos - in->koff[t];
			if (n - at >= in->nlen[t] && memcmp(lo + at, in->norm[t],
			    in->nlen[t]) == 0)
				residue = 1;
			continue;
		}
		f = &rs->ref[v];
		if (words > f->maxw)
			break;	/* the rest are bounded lower (sort_maxw) */
		if (words < f->minw)
			continue;
		if (f->runlen) {
			size_t at = pos - f->runkey;
			uint64_t x;

			if (pos < f->runkey || n - at < f->runlen)
				continue;
			if (n - at < 8) {
				if (memcmp(lo + at, f->run, f->runlen) != 0)
					continue;
			} else {
				memcpy(&x, lo + at, 8);
				if (((x ^ f->run8) & f->runm8) != 0 ||
				    (f->runlen > 8 && memcmp(lo + at + 8,
				    f->run + 8, f->runlen - 8) != 0))
					continue;
			}
		}
		bp_list_add2(&sc->refs, v, pos);
	}
	return residue;
}

#ifdef __SSE2__
#include <emmintrin.h>
#else
#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL

/* 0x80 in each byte of x, all under 0x80, that lies in [a, b]. */
static uint64_t
in_range(uint64_t x, unsigned a, unsigned b)
{
	return (x + ONES * (0x80 - a)) & ~(x + ONES * (0x7f - b)) & HIGH;
}
#endif

#ifndef __SSE2__
/* The candidates keyed by the 4 bytes at a word start, or NULL: the
 * filter alone turns most words away, so this is inlined in the loop.
 * The plain scan's, as at_word() is (the SSE2 scan filters a block of
 * word starts at once, filter_block()). */
static inline const struct bp_list *
at_word4(const struct bp_hash *h, const char *lo, size_t pos, uint64_t *wbits)
{
	uint32_t v, f;

	memcpy(&v, lo + pos, 4);
	f = fhash(v);
	*wbits |= (uint64_t)1 << (f & 63);	/* bp_wbit(v) */
	if (!filter_bit(h, f))
		return NULL;
	{
		const struct bp_list *l = &h->val[slot(h, v)];

		return l->cap ? l : NULL;
	}
}
#endif

/* Do the 8 bytes at pos, and the 8 before, have what every entry of l
 * asks for there (see list_sig())?  Nearer the ends, take() tells. */
static inline int
sig_fits(const struct bp_list *l, const char *lo, size_t n, size_t pos)
{
	uint64_t x;

	if (n - pos >= 8) {
		memcpy(&x, lo + pos, 8);
		if (((x ^ l->sig8) & l->sigm8) != 0)
			return 0;
	}
	if (pos >= 8 && l->prem8 != 0) {
		memcpy(&x, lo + pos - 8, 8);
		if (((x ^ l->pre8) & l->prem8) != 0)
			return 0;
	}
	return 1;
}

#ifndef __SSE2__
/* The same where 4 bytes may not be left. */
static inline const struct bp_list *
at_word(const struct bp_hash *h, const char *lo, size_t n, size_t pos,
    uint64_t *wbits)
{
	return pos + 4 > n ? NULL : at_word4(h, lo, pos, wbits);
}
#endif

static inline int
at_punct(const struct bp_rules *rs, struct bp_scan *sc, const char *lo,
    size_t n, size_t pos, size_t words, uint64_t pset[2])
{
	unsigned char c = (unsigned char)lo[pos], b;
	uint64_t bit = (uint64_t)1 << (c & 63);

	/* pset: the scan's copy of sc->punct, kept out of memory that
	 * take() writes */
	pset[c >> 6] |= bit;
	if (!(rs->pbits[c >> 6] & bit))
		return 0;
	/* "a, b": no candidate at a comma wants a b there */
	if (pos + 2 < n && (b = (unsigned char)lo[pos + 2],
	    !(rs->pafter[c][b >> 6] >> (b & 63) & 1)))
		return 0;
	if (words > rs->punct[c].top ||	/* a paragraph too long for all */
	    !sig_fits(&rs->punct[c], lo, n, pos))
		return 0;
	return take(rs, sc, &rs->punct[c], lo, n, pos, words);
}

#ifdef __SSE2__
/* The scan takes a paragraph a chunk at a time, ending after the block
 * that reaches SCAN_CHUNK bytes: the word starts that pass the filter fit
 * an array on the stack as offsets from the chunk's start. */
#define SCAN_CHUNK 1024
#define SCAN_MAXW ((SCAN_CHUNK + 32) / 2 + 1)

/* Ask the filter about the word starts in start (bits from k on), keeping
 * those that pass at cw[nc] on, as offsets from c0; returns the new nc.
 * No branch on the answer: one that follows the text costs more than the
 * test, and the filter's loads may overlap. */
static inline size_t
filter_block(const struct bp_hash *h, const char *lo, size_t k, size_t c0,
    unsigned start, uint16_t *cw, size_t nc, uint64_t *wbits)
{
	uint64_t wb = *wbits;
	const char *b = lo + k;
	uint16_t base = (uint16_t)(k - c0);

	for (; start; start &= start - 1) {
		size_t d = (size_t)__builtin_ctzll(start);
		uint32_t v, f;

		memcpy(&v, b + d, 4);
		f = fhash(v);
		wb |= (uint64_t)1 << (f & 63);	/* bp_wbit(v) */
		cw[nc] = (uint16_t)(base + d);
		nc += filter_bit(h, f);
	}
	*wbits = wb;
	return nc;
}

/* The candidates at the word starts c0 + cw[0..nc) that passed. */
static int
take_words(const struct bp_rules *rs, struct bp_scan *sc, const char *lo,
    size_t n, size_t c0, const uint16_t *cw, size_t nc, size_t words)
{
	const struct bp_hash *h = &rs->wordh;
	size_t i;
	int residue = 0;

	for (i = 0; i < nc; i++) {
		size_t pos = c0 + cw[i];
		const struct bp_list *l;
		uint32_t v;

		memcpy(&v, lo + pos, 4);
		l = &h->val[slot(h, v)];
		if (l->cap != 0 && words <= l->top && sig_fits(l, lo, n, pos))
			residue |= take(rs, sc, l, lo, n, pos, words);
	}
	return residue;
}
#endif

int
bp_scan_text(const struct bp_rules *rs, struct bp_scan *sc, const char *lo,
    size_t n, size_t words)
{
	size_t k, r;
	int residue = 0, fs, fe;
	uint64_t prevw = 0, wbits = 0, pset[2] = { 0, 0 };

	sc->refs.n = 0;
	sc->punct[0] = sc->punct[1] = 0;
	sc->wbits = 0;
	if (n == 0)
		return 0;
	/* Eight bytes at a time: masks of word starts and of punctuation
	 * (ASCII letters are lower case here). */
	if (rs->wordh.used == 0)
		goto punct;
	k = 0;
#ifdef __SSE2__
	while (k < n) {
		uint16_t cw[SCAN_MAXW];
		size_t c0 = k, nc = 0;

		/* 32 bytes at a time while 16 are left, as the bytes after
		 * lo[n) are readable (bp.h); near the end, those past it
		 * masked off, and the last 3, where no key starts */
		for (; k + 16 <= n && k - c0 < SCAN_CHUNK; k += 32) {
			__m128i x = _mm_loadu_si128((const __m128i *)(lo + k));
			__m128i y = _mm_loadu_si128((const __m128i *)(lo + k +
			    16));
			unsigned word = bp_wordmask(x) | bp_wordmask(y) << 16;
			unsigned sps = (unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(x, _mm_set1_epi8(' '))) |
			    (unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(y, _mm_set1_epi8(' '))) << 16;
			unsigned start = word & ~(word << 1 | (unsigned)prevw);
			unsigned pun = ~word & ~sps;

			prevw = word >> 31;
			if (k + 35 > n) {
				if (n - k < 32)
					pun &= (1u << (n - k)) - 1;
				start &= (1u << (n - k - 3)) - 1;
			}
			nc = filter_block(&rs->wordh, lo, k, c0, start, cw, nc,
			    &wbits);
			for (; pun; pun &= pun - 1)
				residue |= at_punct(rs, sc, lo, n,
				    k + (size_t)__builtin_ctz(pun), words, pset);
		}
		/* then 16: the last block too, its bytes after lo[n)
		 * masked off */
		for (; k < n && k - c0 < SCAN_CHUNK; k += 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(lo + k));
			unsigned word = bp_wordmask(x);
			unsigned sps = (unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(x, _mm_set1_epi8(' ')));
			unsigned start = word & ~(word << 1 | (unsigned)prevw);
			unsigned pun = ~word & ~sps & 0xffff;

			prevw = word >> 15;
			if (n - k < 16)
				pun &= (1u << (n - k)) - 1;
			/* no key starts in the last 3 bytes */
			if (k + 19 > n)
				start &= n - k > 3 ? (1u << (n - k - 3)) - 1 : 0;
			nc = filter_block(&rs->wordh, lo, k, c0, start, cw, nc,
			    &wbits);
			for (; pun; pun &= pun - 1)
				residue |= at_punct(rs, sc, lo, n,
				    k + (size_t)__builtin_ctz(pun), words, pset);
		}
		residue |= take_words(rs, sc, lo, n, c0, cw, nc, words);
	}
#else
	for (; k + 8 <= n; k += 8) {
		uint64_t x, x7, word, start, pun;

		memcpy(&x, lo + k, 8);
		x7 = x & ~HIGH;
		word = (x & HIGH) | in_range(x7, 'a', 'z') |
		    in_range(x7, '0', '9');
		start = word & ~(word << 8 | prevw << 7);
		prevw = word >> 63;
		pun = ~word & HIGH & ~(~(((x7 ^ ONES * ' ') + ~HIGH) |
		    (x ^ ONES * ' ')) & HIGH);
		for (; start; start &= start - 1) {
			size_t pos = k + (size_t)(__builtin_ctzll(start) >> 3);
			const struct bp_list *l = at_word(&rs->wordh, lo, n,
			    pos, &wbits);

			if (l != NULL && words <= l->top &&
			    sig_fits(l, lo, n, pos))
				residue |= take(rs, sc, l, lo, n, pos, words);
		}
		for (; pun; pun &= pun - 1)
			residue |= at_punct(rs, sc, lo, n,
			    k + (size_t)(__builtin_ctzll(pun) >> 3), words, pset);
	}
	for (; k < n; k++) {
		unsigned char c = (unsigned char)lo[k];

		if (wtab[c]) {
			const struct bp_list *l;

			if (!prevw && (l = at_word(&rs->wordh, lo, n, k,
			    &wbits)) && words <= l->top)
				residue |= take(rs, sc, l, lo, n, k, words);
			prevw = 1;
		} else {
			if (c != ' ')
				residue |= at_punct(rs, sc, lo, n, k, words, pset);
			prevw = 0;
		}
	}
#endif
	sc->wbits = wbits;
	goto rest;
punct:
	sc->wbits = ~(uint64_t)0;	/* not looked at */
	for (k = 0; k < n; k++)
		if (!wtab[(unsigned char)lo[k]] && lo[k] != ' ')
			residue |= at_punct(rs, sc, lo, n, k, words, pset);
rest:
	sc->punct[0] = pset[0];
	sc->punct[1] = pset[1];
	if (rs->contains.used) {	/* what has no such key: every byte */
		sc->hits.n = 0;
		bp_hash_scan(&rs->contains, lo, n, &sc->hits);
		for (k = 0; k < sc->hits.n; k += 2) {
			struct bp_list one = { .v = &sc->hits.v[k], .n = 1 };

			residue |= take(rs, sc, &one, lo, n, sc->hits.v[k + 1],
			    words);
		}
	}
	/* residue glued to either edge: only at an edge whose byte some
	 * of it has there */
	if (residue)
		return residue;
	fs = rs->inl_empty || (rs->inl_first[(unsigned char)lo[0] >> 6] >>
	    ((unsigned char)lo[0] & 63) & 1);
	fe = rs->inl_empty || (rs->inl_last[(unsigned char)lo[n - 1] >> 6] >>
	    ((unsigned char)lo[n - 1] & 63) & 1);
	if (!fs && !fe)
		return residue;
	for (r = 0; r < rs->ninl && !residue; r++) {
		const struct bp_inl *in = &rs->inl[r];

		if (in->at == BP_AT_ANYWHERE || in->glued ||
		    !(in->at == BP_AT_START ? fs : fe))
			continue;
		for (k = 0; k < in->n && !residue; k++) {
			const char *at;

			if (n <= in->nlen[k])
				continue;
			at = in->at == BP_AT_START ? lo : lo + n - in->nlen[k];
			/* the first byte turns nearly all away */
			residue = in->nlen[k] == 0 || (at[0] == in->norm[k][0] &&
			    memcmp(at, in->norm[k], in->nlen[k]) == 0);
		}
	}
	return residue;
}

void
bp_match_refs(const struct bp_rules *rs, struct bp_scan *sc, const char *lo,
    const char *ca, size_t n, size_t words, int first[BP_NWHERE],
    unsigned where, const size_t *refs, size_t nrefs, const uint64_t punct[2],
    uint64_t wbits)
{
	struct para8 e;
	size_t k, r;
	int w;

	for (w = 0; w < BP_NWHERE; w++)
		first[w] = -1;
	if (n == 0)
		return;
	if (++sc->gen == 0) {
		memset(sc->rhit, 0, rs->nrules * sizeof(*sc->rhit));
		sc->gen = 1;
	}
	sc->nhit = 0;
	para8(&e, lo, n);
	e.punct = punct;
	e.wbits = wbits;
	e.capsknown = 0;
	if (n >= 4) {
		const struct bp_list *l;

		if ((l = lookup(&rs->starth, lo)) != NULL)
			try_list(rs, sc, l, lo, ca, n, words, where, &e);
		if ((l = lookup(&rs->endh, lo + n - 4)) != NULL)
			try_list(rs, sc, l, lo, ca, n, words, where, &e);
	}
	try_list(rs, sc, &rs->start[(unsigned char)lo[0]], lo, ca, n, words,
	    where, &e);
	try_list(rs, sc, &rs->start[256], lo, ca, n, words, where, &e);
	try_list(rs, sc, &rs->startca[(unsigned char)ca[0]], lo, ca, n, words,
	    where, &e);
	try_list(rs, sc, &rs->end[(unsigned char)lo[n - 1]], lo, ca, n, words,
	    where, &e);
	try_list(rs, sc, &rs->end[256], lo, ca, n, words, where, &e);
	try_list(rs, sc, &rs->endlo[(unsigned char)lo[n - 1]], lo, ca, n,
	    words, where, &e);
	try_list(rs, sc, &rs->contains.shortl, lo, ca, n, words, where, &e);
	for (k = 0; k < nrefs; k += 2) {
		const struct bp_ref *f = &rs->ref[refs[k]];

		if (!(where >> f->where & 1) || words <= f->minsp ||
		    sc->rhit[f->rule] == sc->gen ||
		    (f->anchor == BP_LINE && words - 1 > f->maxsp) ||
		    ((f->needp[0] & ~punct[0]) | (f->needp[1] & ~punct[1])) != 0 ||
		    !caps_fit(f, &e, lo, ca, n))
			continue;	/* bp_pat_fits(), from the copies */
		/* a contains pattern is checked where its literal is; any
		 * other was found by a literal run inside it */
		if (f->anchor == BP_CONTAINS && f->off != BP_ANYWHERE ?
		    refs[k + 1] >= f->off && bp_pat_match_at(rs, f->p, lo, ca,
		    n, refs[k + 1] - f->off) :
		    bp_pat_match(rs, f->p, f->anchor, lo, ca, n))
			hit(rs, sc, f->rule);
	}
	/* the first rule of each kind that matched, also-patterns and all;
	 * the hits are a few, in an insertion sort costing less than a call
	 * to qsort() */
	for (k = 1; k < sc->nhit; k++) {
		size_t x = sc->hit[k], m;

		for (m = k; m > 0 && sc->hit[m - 1] > x; m--)
			sc->hit[m] = sc->hit[m - 1];
		sc->hit[m] = x;
	}
	for (k = 0; k < sc->nhit; k++) {
		const struct bp_rule *ru = &rs->rules[r = sc->hit[k]];

		if (first[ru->where] >= 0 || (ru->nostop && (lo[n - 1] ==
		    '.' || (n >= 2 && lo[n - 1] == '"' && lo[n - 2] == '.'))) ||
		    ((ru->nalso || ru->nunless) &&
		    !bp_rule_also(rs, ru, lo, ca, n, wbits)))
			continue;
		first[ru->where] = (int)r;
	}
}

int
bp_line_rules(const struct bp_rules *rs, struct bp_scan *sc, const char *lo,
    const char *ca, size_t n, size_t words, int first[BP_NWHERE],
    unsigned where)
{
	int residue = bp_scan_text(rs, sc, lo, n, words);

	bp_match_refs(rs, sc, lo, ca, n, words, first, where, sc->refs.v,
	    sc->refs.n, sc->punct, sc->wbits);
	return residue;
}
