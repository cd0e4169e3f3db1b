/*
 * qtname: who a speaker mention refers to.  Every mention of a person or
 * organisation in the document (entities when the stream has them, runs of
 * capitals otherwise, and the speakers found) is lined up in order; a
 * surname, a title or a pronoun is then resolved to the full name of the
 * right earlier mention: the same surname, the last person with that title,
 * the most recent person whose gender (forename list, Mr./Ms.) fits.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "qt.h"

enum { G_NONE, G_MALE, G_FEMALE };

struct men {
	size_t a, b;		/* tokens */
	const char *full;	/* the full name it refers to */
	size_t fulllen;
	const char *title;	/* "senator" when introduced as Sen. */
	signed char gender, org, inq, head;	/* G_*; and flags */
	const char *sn;		/* full without its titles; NULL: not yet */
	size_t snl;
	size_t fl, lo;		/* lone_names(): end_words() of full */
};

struct names {
	const struct qtx *x;
	long title;		/* the headline paragraph, or -1 */
	struct men *m;
	size_t n, cap;
	/* indexes over m[] (sorted), so each look-up is not a scan of all
	 * mentions: a document's time stays linear in its length */
	size_t *bmax;		/* bmax[i]: largest b of m[0..i] */
	size_t *last[3];	/* last[P][k]: latest i < k a pronoun P takes */
	size_t *titled;		/* mentions with a title, by title then i */
	size_t ntitled;
};

enum { P_ORG, P_MALE, P_FEMALE };
#define NONE ((size_t)-1)

/*
 * Scratch kept from one document to the next, so a stream does not
 * allocate per document: grown to the largest document, never shrunk.
 */
static void *
room(void *p, size_t *cap, size_t n, size_t size)
{
	if (n > *cap) {
		*cap = n > 2 * *cap ? n : 2 * *cap;
		p = xreallocarray(p, *cap, size);
	}
	return p;
}

/*
 * A hash table of words (with an org flag) to mention indexes.  A slot
 * holds an entry's index + 1 and counts only while that entry says it
 * sits there, so a new document empties the table by setting ne to 0:
 * no clearing of slots a document may not even touch.
 */
struct wtab {
	struct went {
		const char *w;
		size_t wl;
		size_t v, head;	/* latest index; first of a chain in next[] */
		size_t pos;	/* its slot */
		int org;
		int gender;	/* same_person(): gender_of() it, or -1 */
	} *e;
	size_t ne, ecap;
	uint32_t *slot;
	size_t mask, scap;
};

/* The first and last eight bytes (all of most names) and the length,
 * mixed: a word at a time, where a byte at a time cost more than the
 * rest of the look-up. */
static size_t
whash(const char *w, size_t wl, int org)
{
	uint64_t a = 0, z = 0, h;
	uint32_t a4, z4;
	size_t i;

	if (wl >= 8) {
		memcpy(&a, w, 8);
		memcpy(&z, w + wl - 8, 8);
	} else if (wl >= 4) {
		memcpy(&a4, w, 4);
		memcpy(&z4, w + wl - 4, 4);
		a = a4;
		z = z4;
	} else
		for (i = 0; i < wl; i++)
			a = a << 8 | (unsigned char)w[i];
	h = (a ^ (z * 0x9e3779b97f4a7c15u) ^ wl ^ (uint64_t)org << 40) *
	    0xff51afd7ed558ccdu;
	return (size_t)(h ^ h >> 32);
}

/* Empty t, with room for nent entries (a table never holds more). */
static void
wtab_init(struct wtab *t, size_t nent)
{
	size_t sz = 16;

	while (sz < 2 * nent + 4)
		sz *= 2;
	if (sz > t->scap) {
		/* zeroed once, so a stale slot is an old index, never junk */
		free(t->slot);
		t->slot = xcalloc(sz, sizeof *t->slot);
		t->scap = sz;
	}
	t->mask = sz - 1;
	t->ne = 0;
	t->e = room(t->e, &t->ecap, nent + 1, sizeof *t->e);
}

/* The entry of a word (h: its whash()), or NULL with *at its free slot. */
static struct went *
wtab_find(struct wtab *t, const char *w, size_t wl, int org, size_t h,
    size_t *at)
{
	for (h &= t->mask;; h = (h + 1) & t->mask) {
		uint32_t k = t->slot[h];
		struct went *e;
		if (k == 0 || k > t->ne || (e = &t->e[k - 1])->pos != h) {
			*at = h;
			return NULL;
		}
		if (e->wl == wl && e->org == org && memcmp(e->w, w, wl) == 0)
			return e;
	}
}

static struct went *
wtab_get(struct wtab *t, const char *w, size_t wl, int org)
{
	size_t at;
	struct went *e = wtab_find(t, w, wl, org, whash(w, wl, org), &at);

	if (e == NULL) {
		e = &t->e[t->ne++];
		e->w = w;
		e->wl = wl;
		e->org = org;
		e->v = e->head = NONE;
		e->pos = at;
		e->gender = -1;
		t->slot[at] = (uint32_t)t->ne;
	}
	return e;
}

static struct {
	struct wtab back, fwd, grp;
	size_t *next, ncap;
	size_t *gof, gcap;
	unsigned char *cov;
	size_t covcap;
	struct men *tmp;
	size_t tmpcap;
	struct men *m;
	size_t mcap;
	size_t *bmax, *last[3], *titled, icap;
} S;

/*
 * What a long document grew past QT_SCRATCH_MAX bytes goes when it is
 * done: a one-line 50 MB article's mentions and tables were alive still
 * while qt_extract() made its quotes, at its peak.
 */
static void
shed_wtab(struct wtab *t)
{
	qt_shed(&t->e, &t->ecap, sizeof *t->e);
	qt_shed(&t->slot, &t->scap, sizeof *t->slot);
}

static void
shed_scratch(void)
{
	size_t cap = S.icap, p;

	shed_wtab(&S.back);
	shed_wtab(&S.fwd);
	shed_wtab(&S.grp);
	qt_shed(&S.next, &S.ncap, sizeof *S.next);
	qt_shed(&S.gof, &S.gcap, sizeof *S.gof);
	qt_shed(&S.cov, &S.covcap, 1);
	qt_shed(&S.tmp, &S.tmpcap, sizeof *S.tmp);
	qt_shed(&S.m, &S.mcap, sizeof *S.m);
	/* the four index arrays share one capacity */
	if (cap > QT_SCRATCH_MAX / sizeof *S.bmax) {
		free(S.bmax);
		free(S.titled);
		S.bmax = S.titled = NULL;
		for (p = 0; p < 3; p++) {
			free(S.last[p]);
			S.last[p] = NULL;
		}
		S.icap = 0;
	}
}

/* The first and the last word of a name (words end at a space). */
static void
end_words(const char *s, size_t n, size_t *fl, size_t *lo)
{
	size_t i;

	for (i = 0; i < n && s[i] != ' '; i++)
		;
	*fl = i;
	for (i = n; i > 0 && s[i - 1] != ' '; i--)
		;
	*lo = i;
}

static size_t
tok_at(const struct qtx *x, size_t byte)
{
	const struct tok *t = x->tok;
	size_t base = 0, n = x->ntok, half;

	/* halved with no branch on the comparison, which goes either way
	 * at random and costs a mispredicted branch every other step */
	if (n == 0)
		return 0;
	while (n > 1) {
		half = n / 2;
		base = t[base + half - 1].e <= byte ? base + half : base;
		n -= half;
	}
	return base + (t[base].e <= byte);
}

static int
has_orgword(const struct qtx *x, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++)
		if (x->tok[i].lx & LX_ORGWORD)
			return 1;
	return 0;
}

/* "Dana Pell of Reuters" tagged as one person: the person is the words
 * before "of" (two or more, none a word of an organisation's name), her
 * paper or place is not part of her name, as qt.c's affiliated() cuts
 * the speaker there. */
static void
person_of(const struct qtx *x, struct men *m)
{
	const char *text = x->in->text;
	size_t k, n;

	for (k = m->a + 2; k + 1 < m->b; k++)
		if (x->tok[k].e - x->tok[k].s == 2 &&
		    memcmp(text + x->tok[k].s, "of", 2) == 0)
			break;
	if (k + 1 >= m->b || has_orgword(x, m->a, k) || !x->tok[k + 1].cap)
		return;
	n = x->tok[k - 1].e - x->tok[m->a].s;
	if (m->full != NULL && !(m->fulllen > n + 4 &&
	    memcmp(m->full, text + x->tok[m->a].s, n) == 0 &&
	    memcmp(m->full + n, " of ", 4) == 0))
		return;
	m->b = k;
	if (m->full != NULL)
		m->fulllen = n;
}

static struct men *
add(struct names *nm, size_t a, size_t b)
{
	struct men *m;

	if (nm->n == nm->cap) {
		nm->m = S.m = room(S.m, &S.mcap, nm->n < 64 ? 64 : nm->n + 1,
		    sizeof *S.m);
		nm->cap = S.mcap;
	}
	m = &nm->m[nm->n++];
	memset(m, 0, sizeof *m);
	m->a = a;
	m->b = b;
	m->inq = nm->x->tok[a].q >= 0;
	/* a headline's words name no one for the story: "Glenn Beck Blasts" */
	m->head = tok_para(nm->x, a) == nm->title;
	return m;
}

static int
cmp_men(const void *p, const void *q)
{
	const struct men *a = p, *b = q;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

/*
 * Sort m[0..n) by cmp_men() into the order qsort() gave: the entities'
 * mentions m[0..ne) come in order, the speakers added after them are
 * few and nearly in order, so sort those by insertion and merge the two.
 * Only entities can tie (overlapping ones); a speaker starts on a token
 * no other mention starts on, so the speakers' order is the one order.
 */
static void
sort_men(struct men *m, size_t n, size_t ne)
{
	size_t i, j, k, moved = 0;
	struct men t, *o;

	for (i = 1; i < ne; i++)
		if (cmp_men(&m[i - 1], &m[i]) > 0) {
			qsort(m, n, sizeof *m, cmp_men);
			return;
		}
	for (i = ne + 1; i < n; i++) {
		if (cmp_men(&m[i - 1], &m[i]) <= 0)
			continue;
		/* far out of order: the rest to qsort(), linear no more */
		if ((moved += i - ne) > 8 * (n - ne) + 64) {
			qsort(m + ne, n - ne, sizeof *m, cmp_men);
			break;
		}
		t = m[i];
		for (j = i; j > ne && cmp_men(&m[j - 1], &t) > 0; j--)
			m[j] = m[j - 1];
		m[j] = t;
	}
	if (ne == 0 || ne == n || cmp_men(&m[ne - 1], &m[ne]) <= 0)
		return;
	/* merge: the speakers go to scratch, then both runs from the end */
	o = S.tmp = room(S.tmp, &S.tmpcap, n - ne, sizeof *S.tmp);
	memcpy(o, m + ne, (n - ne) * sizeof *m);
	i = ne;			/* m[0..i) left of the first run */
	j = n - ne;		/* o[0..j) left of the second */
	k = n;
	while (j > 0) {
		if (i > 0 && cmp_men(&m[i - 1], &o[j - 1]) > 0)
			m[--k] = m[--i];
		else
			m[--k] = o[--j];
	}
}

/* Runs of capitals that read as a person's name or an organisation. */
static void
guess_names(struct names *nm)
{
	const struct qtx *x = nm->x;
	size_t i = 0, k;

	while (i < x->ntok) {
		if (!qt_namey(x, i)) {
			i++;
			continue;
		}
		for (k = i + 1; k < x->ntok && tok_para(x, k) == tok_para(x, i) &&
		    (qt_namey(x, k) || (x->tok[k].lx & LX_SUFFIX)); k++)
			;
		{
			int titled = i > 0 && (x->tok[i - 1].lx & (LX_TITLE |
			    LX_GTITLE)) && tok_para(x, i - 1) == tok_para(x, i);
			int org = has_orgword(x, i, k);
			if (org || (k - i >= 2 && (x->tok[i].lx & LX_FORENAME)) ||
			    titled)
				add(nm, i, k)->org = org;
		}
		i = k;
	}
}

static int
gender_of(const struct qtx *x, const char *full, size_t n)
{
	size_t i;
	uint32_t f;

	for (i = 0; i < n && full[i] != ' '; i++)
		;
	f = lx_get(x->r, full, i, NULL);
	if (!(f & LX_FORENAME) || i == n)
		return G_NONE;
	return (f & LX_MALE) ? G_MALE : (f & LX_FEMALE) ? G_FEMALE : G_NONE;
}

static void
lone_names(struct names *nm)
{
	const struct qtx *x = nm->x;
	struct wtab *back = &S.back, *fwd = &S.fwd;
	size_t *next, i, fl, lo;

	wtab_init(back, 2 * nm->n);
	wtab_init(fwd, 2 * nm->n);
	next = S.next = room(S.next, &S.ncap, 2 * nm->n + 1, sizeof *S.next);
	/* later names: a chain of indexes per word, in order; a name of
	 * several tokens keeps its full name through the loop below */
	for (i = nm->n; i-- > 0;) {
		struct men *o = &nm->m[i];
		struct went *e;
		if (o->b - o->a <= 1)
			continue;
		end_words(o->full, o->fulllen, &o->fl, &o->lo);
		fl = o->fl;
		lo = o->lo;
		e = wtab_get(fwd, o->full, fl, o->org);
		next[2 * i] = e->head;
		e->head = 2 * i;
		if (lo != 0) {
			e = wtab_get(fwd, o->full + lo, o->fulllen - lo, o->org);
			next[2 * i + 1] = e->head;
			e->head = 2 * i + 1;
		}
	}
	for (i = 0; i < nm->n; i++) {
		struct men *m = &nm->m[i];
		size_t best = NONE;
		/* fl == fulllen: a name of one word; one of several tokens
		 * had its words found above */
		if (m->b - m->a > 1) {
			fl = m->fl;
			lo = m->lo;
		} else
			end_words(m->full, m->fulllen, &fl, &lo);
		if (m->b - m->a == 1 && fl == m->fulllen) {
			const char *w = x->in->text + x->tok[m->a].s;
			size_t wl = x->tok[m->a].e - x->tok[m->a].s, at;
			size_t h = whash(w, wl, m->org);
			struct went *e = wtab_find(back, w, wl, m->org, h, &at);
			if (e != NULL)
				best = e->v;
			if (best == NONE &&
			    (e = wtab_find(fwd, w, wl, m->org, h, &at)) != NULL) {
				while (e->head != NONE && e->head / 2 <= i)
					e->head = next[e->head];
				if (e->head != NONE)
					best = e->head / 2;
			}
			if (best != NONE) {
				m->full = nm->m[best].full;
				m->fulllen = nm->m[best].fulllen;
				if (!m->title)
					m->title = nm->m[best].title;
				end_words(m->full, m->fulllen, &fl, &lo);
			}
		}
		/* earlier names: the latest index per first and last word */
		if (!m->head && fl < m->fulllen) {
			wtab_get(back, m->full, fl, m->org)->v = i;
			wtab_get(back, m->full + lo, m->fulllen - lo,
			    m->org)->v = i;
		}
	}
}

static const struct names *sort_nm;

/* Gender and title belong to the person, not the mention: a mention
 * without them takes the gender of the first mention of the same full
 * name that has one, and the title of the first earlier one with a title. */
static void
same_person(struct names *nm)
{
	const struct qtx *x = nm->x;
	struct wtab *grp = &S.grp;
	size_t *gof, i;

	if (nm->n == 0)
		return;
	/* a group per full name: v its first mention with a gender, head
	 * its first with a title */
	wtab_init(grp, nm->n);
	gof = S.gof = room(S.gof, &S.gcap, nm->n, sizeof *S.gof);
	for (i = 0; i < nm->n; i++) {
		const struct men *m = &nm->m[i];
		struct went *g = wtab_get(grp, m->full, m->fulllen, 0);
		gof[i] = (size_t)(g - grp->e);
		if (m->gender && g->v == NONE)
			g->v = i;
	}
	for (i = 0; i < nm->n; i++) {
		struct men *m = &nm->m[i];
		struct went *g = &grp->e[gof[i]];
		if (!m->org) {
			if (!m->gender) {
				if (g->gender < 0)
					g->gender = gender_of(x, m->full,
					    m->fulllen);
				m->gender = g->gender;
			}
			if (!m->gender && g->v != NONE)
				m->gender = nm->m[g->v].gender;
			if (m->gender && (g->v == NONE || i < g->v))
				g->v = i;
			if (!m->title && g->head != NONE)
				m->title = nm->m[g->head].title;
		}
		if (m->title && g->head == NONE)
			g->head = i;
	}
}

static void
fill(struct names *nm)
{
	const struct qtx *x = nm->x;
	size_t i;

	for (i = 0; i < nm->n; i++) {
		struct men *m = &nm->m[i];
		if (m->full == NULL) {
			m->full = x->in->text + x->tok[m->a].s;
			m->fulllen = x->tok[m->b - 1].e - x->tok[m->a].s;
		}
		if (m->a > 0 && tok_para(x, m->a - 1) == tok_para(x, m->a)) {
			const struct tok *t = &x->tok[m->a - 1];
			const char *title = qt_title(x, m->a - 1);
			if (title && *title)
				m->title = title;
			if (t->lx & LX_GTITLE)
				m->gender = (t->lx & LX_MALE) ? G_MALE : G_FEMALE;
		}
	}
	/* a lone surname takes the full name of the person it belongs to:
	 * the nearest earlier multi-word name (not in the headline) that
	 * begins or ends with it, else the next later one */
	lone_names(nm);
	same_person(nm);
}

static struct men *
find(const struct names *nm, size_t a)
{
	size_t lo = 0, n = nm->n, half;

	/* the first i with bmax[i] > a, halved as in tok_at() */
	if (n > 0) {
		while (n > 1) {
			half = n / 2;
			lo = nm->bmax[lo + half - 1] <= a ? lo + half : lo;
			n -= half;
		}
		lo += nm->bmax[lo] <= a;
	}
	if (lo < nm->n && nm->m[lo].a <= a)
		return &nm->m[lo];
	return NULL;
}

/* The first mention (m[] sorted) that starts at or after token a. */
static size_t
first_from(const struct names *nm, size_t a)
{
	size_t lo = 0, hi = nm->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (nm->m[mid].a < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
set(struct qt_rec *r, const char *s, size_t n, enum qt_stype t)
{
	r->speaker = s;
	r->speakerlen = n;
	r->stype = t;
}

/* A name without the titles before it: "Mayor Ana Ortiz" is Ana Ortiz,
 * and without a word the tagger took in with it: "Though Ruiz". */
static void
strip_titles(const struct qtx *x, const char **sp, size_t *np)
{
	const char *s = *sp;
	size_t i, n = *np;
	uint32_t f;

	for (;;) {
		for (i = 0; i < n && s[i] != ' '; i++)
			;
		if (i == n)
			break;
		f = lx_get(x->r, s, i, NULL);
		if (!(f & (LX_TITLE | LX_GTITLE | LX_STOP | LX_DET | LX_ADV |
		    LX_HYPO | LX_PREP | LX_CUE)) || (f & LX_FORENAME))
			break;
		s += i + 1;
		n -= i + 1;
	}
	*sp = s;
	*np = n;
}

static void
set_name(const struct qtx *x, struct qt_rec *r, const char *s, size_t n)
{
	strip_titles(x, &s, &n);
	set(r, s, n, QT_SNAME);
}

/* set_name() of a mention's full name, worked out once per mention: the
 * quotations of a story come back to the same few. */
static void
set_men(const struct qtx *x, struct qt_rec *r, struct men *m)
{
	if (m->sn == NULL) {
		m->sn = m->full;
		m->snl = m->fulllen;
		strip_titles(x, &m->sn, &m->snl);
	}
	set(r, m->sn, m->snl, QT_SNAME);
}

/* Do tokens [b, a) hold a relative pronoun alone, after a comma or not
 * ("Cole, whom", "the aide who")? */
static int
relative_after(const struct qtx *x, size_t b, size_t a)
{
	static const char *const rel[] = { "who", "whom", "which", "that" };
	const char *t;
	size_t i, n;

	if (a == 0 || a - 1 < b || a - 1 > b + 1)
		return 0;
	if (a - 1 == b + 1 && !(x->tok[b].kind == T_PUNCT &&
	    x->tok[b].ch == ','))
		return 0;
	t = x->in->text + x->tok[a - 1].s;
	n = x->tok[a - 1].e - x->tok[a - 1].s;
	for (i = 0; i < sizeof rel / sizeof *rel; i++)
		if (n == strlen(rel[i]) && strncasecmp(t, rel[i], n) == 0)
			return 1;
	return 0;
}

static void
resolve_one(struct names *nm, struct qt_rec *r)
{
	const struct qtx *x = nm->x;
	const struct qt_attr *at = &r->at;
	const char *text = x->in->text, *want;
	size_t i, a = at->spa;

	if (at->spb <= at->spa)
		return;
	if (at->sk == SK_NAME) {
		struct men *m = find(nm, a);
		if (m)
			set_men(x, r, m);
		else
			set_name(x, r, text + x->tok[a].s, x->tok[at->spb - 1].e -
			    x->tok[a].s);
		return;
	}
	if (at->sk == SK_PRON) {
		uint32_t f = x->tok[a].lx;
		int g = (f & LX_MALE) ? G_MALE : (f & LX_FEMALE) ? G_FEMALE : 0;
		int want_org = x->tok[a].e - x->tok[a].s == 2 &&
		    (text[x->tok[a].s] | 32) == 'i' && (text[x->tok[a].s + 1] | 32) == 't';
		if (g || want_org) {
			/* the latest fitting mention before a */
			size_t k = first_from(nm, a);
			const size_t *last = nm->last[want_org ? P_ORG :
			    g == G_MALE ? P_MALE : P_FEMALE];
			i = last[k];
			/* "Cole, whom he called a fraud": the pronoun of a
			 * relative clause is not the one the clause is about */
			if (i != NONE && relative_after(x, nm->m[i].b, a))
				i = last[i];
			if (i != NONE) {
				set_men(x, r, &nm->m[i]);
				return;
			}
		}
		/* a pronoun no one fits is neither a name nor a describing
		 * phrase: no speaker, as records.md has it */
		return;
	} else if (at->spb - a == 2 && (x->tok[a + 1].lx & LX_TITLE) &&
	    (text[x->tok[a].s] | 32) == 't' &&
	    (want = qt_title(x, a + 1)) != NULL && *want) {
		/* "the senator": the last person introduced as one */
		size_t k = first_from(nm, a), lo = 0, hi = nm->ntitled;
		/* the first entry at or after (want, k); the one before it */
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2, t = nm->titled[mid];
			int c = strcmp(nm->m[t].title, want);
			if (c < 0 || (c == 0 && t < k))
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo > 0 && strcmp(nm->m[nm->titled[lo - 1]].title,
		    want) == 0) {
			set_men(x, r, &nm->m[nm->titled[lo - 1]]);
			return;
		}
	}
	set(r, text + x->tok[a].s, x->tok[at->spb - 1].e - x->tok[a].s,
	    QT_SDESC);
}

/* Does s[0..n) hold w[0..wl), ignoring ASCII case?  (The tools never
 * call setlocale(): strncasecmp() folds A-Z only.)  A call is made only
 * where the first byte matches: most places do not, and a call at each
 * was most of qt_resolve()'s time. */
static int
has_word(const char *s, size_t n, const char *w, size_t wl)
{
	size_t i;
	unsigned char m, f;

	if (wl == 0)
		return 1;
	m = ((w[0] | 0x20) >= 'a' && (w[0] | 0x20) <= 'z') ? 0x20 : 0;
	f = (unsigned char)w[0] | m;
	for (i = 0; i + wl <= n; i++)
		if (((unsigned char)s[i] | m) == f &&
		    strncasecmp(s + i, w, wl) == 0)
			return 1;
	return 0;
}

/* Words the headline quotation shares with a quotation in the story. */
static size_t
shared_words(const struct qtx *x, const struct qt_rec *h, const struct qt_rec *b)
{
	size_t i, n = 0;
	const char *bt = x->in->text + b->start;
	size_t bl = b->end - b->start;

	for (i = tok_at(x, h->start); i < x->ntok && x->tok[i].s < h->end; i++) {
		size_t wl = x->tok[i].e - x->tok[i].s;
		if (x->tok[i].kind == T_WORD && wl >= 4 &&
		    has_word(bt, bl, x->in->text + x->tok[i].s, wl))
			n++;
	}
	return n;
}

static int
cmp_titled(const void *p, const void *q)
{
	size_t a = *(const size_t *)p, b = *(const size_t *)q;
	int c = strcmp(sort_nm->m[a].title, sort_nm->m[b].title);

	if (c)
		return c;
	return (a > b) - (a < b);
}

/* What resolve_one() looks mentions up with (m[] sorted and filled). */
static void
index_names(struct names *nm)
{
	size_t i, p, n = nm->n, cap = S.icap;

	nm->bmax = S.bmax = room(S.bmax, &cap, n + 1, sizeof *S.bmax);
	for (p = 0; p < 3; p++) {
		cap = S.icap;
		nm->last[p] = S.last[p] = room(S.last[p], &cap, n + 1,
		    sizeof *S.last[p]);
	}
	cap = S.icap;
	nm->titled = S.titled = room(S.titled, &cap, n + 1, sizeof *S.titled);
	S.icap = cap;
	for (i = 0; i < n; i++)
		nm->bmax[i] = i > 0 && nm->bmax[i - 1] > nm->m[i].b ?
		    nm->bmax[i - 1] : nm->m[i].b;
	for (p = 0; p < 3; p++) {
		nm->last[p][0] = NONE;
		for (i = 0; i < n; i++) {
			const struct men *m = &nm->m[i];
			int ok = !m->inq && !m->head && (p == P_ORG ? m->org :
			    !m->org && (!m->gender || m->gender ==
			    (p == P_MALE ? G_MALE : G_FEMALE)));
			nm->last[p][i + 1] = ok ? i : nm->last[p][i];
		}
	}
	nm->ntitled = 0;
	for (i = 0; i < n; i++)
		if (nm->m[i].title)
			nm->titled[nm->ntitled++] = i;
	sort_nm = nm;
	if (nm->ntitled > 16)
		qsort(nm->titled, nm->ntitled, sizeof *nm->titled, cmp_titled);
	else	/* a few: the call costs more than the sort */
		for (i = 1; i < nm->ntitled; i++) {
			size_t t = nm->titled[i], j = i;
			for (; j > 0 && cmp_titled(&nm->titled[j - 1], &t) > 0; j--)
				nm->titled[j] = nm->titled[j - 1];
			nm->titled[j] = t;
		}
	sort_nm = NULL;
}

void
qt_resolve(const struct qtx *x, struct qt_rec *r, size_t n)
{
	struct names nm;
	size_t i, j, ne;
	unsigned char *cov;

	if (n == 0)
		return;
	memset(&nm, 0, sizeof nm);
	nm.x = x;
	nm.m = S.m;
	nm.cap = S.mcap;
	nm.title = x->in->title >= 0 ? x->in->title :
	    x->in->npara > 1 ? 0 : -1;
	if (x->in->nent) {
		for (i = 0; i < x->in->nent; i++) {
			const struct qt_ent *e = &x->in->ent[i];
			size_t a, b;
			struct men *m;
			if (e->type != QT_PER && e->type != QT_ORG)
				continue;
			/* found as qt_extract() typed them, or searched */
			a = x->entok ? x->entok[i] : tok_at(x, e->start);
			for (b = a; b < x->ntok && x->tok[b].s < e->end; b++)
				;
			if (b == a || a >= x->ntok)
				continue;
			m = add(&nm, a, b);
			m->org = e->type == QT_ORG;
			if (e->norm && e->normlen) {
				m->full = e->norm;
				m->fulllen = e->normlen;
			}
			if (e->type == QT_PER)
				person_of(x, m);
		}
	} else
		guess_names(&nm);
	ne = nm.n;
	/* the tokens some mention holds, so a speaker is added only once */
	cov = S.cov = room(S.cov, &S.covcap, x->ntok + 1, 1);
	memset(cov, 0, x->ntok + 1);
	for (i = 0; i < nm.n; i++)
		memset(cov + nm.m[i].a, 1, nm.m[i].b - nm.m[i].a);
	for (i = 0; i < n; i++) {
		const struct qt_attr *at = &r[i].at;
		/* a belief's subject ("some Republicans want") is no speaker
		 * for the pronouns after it */
		if (at->sk == SK_NAME && at->spb > at->spa && at->spa < x->ntok &&
		    !cov[at->spa] && !r[i].weak) {
			size_t b = at->spb < x->ntok ? at->spb : x->ntok;
			add(&nm, at->spa, at->spb)->org = has_orgword(x, at->spa,
			    at->spb);
			memset(cov + at->spa, 1, b - at->spa);
		}
	}
	sort_men(nm.m, nm.n, ne);
	fill(&nm);
	index_names(&nm);
	for (i = 0; i < n; i++)
		resolve_one(&nm, &r[i]);
	/* a headline quotation goes to the speaker the story names */
	for (i = 0; i < n; i++) {
		size_t best = (size_t)-1, bestw = 0;
		/* (a record no mention named keeps stype 0, QT_SNAME) */
		if (r[i].at.how != AT_TITLE || (r[i].speaker &&
		    r[i].stype == QT_SNAME))
			continue;
		/* the quotation sharing most words; then the first quoted
		 * speaker the story names, before any reported one */
		for (j = 0; j < n; j++) {
			size_t w;
			if (r[j].para == r[i].para || !r[j].speaker ||
			    r[j].stype != QT_SNAME)
				continue;
			w = 2 * shared_words(x, &r[i], &r[j]) +
			    (r[j].form != QT_INDIRECT);
			if (best == (size_t)-1 || w > bestw ||
			    (w == bestw && r[j].start < r[best].start)) {
				best = j;
				bestw = w;
			}
		}
		if (best != (size_t)-1) {
			r[i].speaker = r[best].speaker;
			r[i].speakerlen = r[best].speakerlen;
			r[i].stype = QT_SNAME;
			r[i].at.spa = r[best].at.spa;
			r[i].at.spb = r[best].at.spb;
		}
	}
	shed_scratch();
}
