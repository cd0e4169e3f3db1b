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
	int gender, org, inq, head;
};

struct names {
	const struct qtx *x;
	long title;		/* the headline paragraph, or -1 */
	struct men *m;
	size_t n, cap;
};

static size_t
tok_at(const struct qtx *x, size_t byte)
{
	size_t lo = 0, hi = x->ntok;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->tok[mid].e <= byte)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
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

static struct men *
add(struct names *nm, size_t a, size_t b)
{
	struct men *m;

	if (nm->n == nm->cap) {
		nm->cap = nm->cap ? 2 * nm->cap : 64;
		nm->m = xreallocarray(nm->m, nm->cap, sizeof *nm->m);
	}
	m = &nm->m[nm->n++];
	memset(m, 0, sizeof *m);
	m->a = a;
	m->b = b;
	m->inq = nm->x->tok[a].q >= 0;
	/* a headline's words name no one for the story: "Glenn Beck Blasts" */
	m->head = nm->x->tok[a].para == nm->title;
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
		for (k = i + 1; k < x->ntok && x->tok[k].para == x->tok[i].para &&
		    (qt_namey(x, k) || (x->tok[k].lx & LX_SUFFIX)); k++)
			;
		{
			int titled = i > 0 && (x->tok[i - 1].lx & (LX_TITLE |
			    LX_GTITLE)) && x->tok[i - 1].para == x->tok[i].para;
			int org = has_orgword(x, i, k);
			if (org || (k - i >= 2 && (x->tok[i].lx & LX_FORENAME)) ||
			    titled)
				add(nm, i, k)->org = org;
		}
		i = k;
	}
}

/* Words of s, compared with token t. */
static int
name_has(const struct qtx *x, const char *s, size_t n, size_t t, int last)
{
	const char *w = x->in->text + x->tok[t].s;
	size_t wl = x->tok[t].e - x->tok[t].s, i = 0, j;

	while (i < n) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j - i == wl && memcmp(s + i, w, wl) == 0 && (!last || j == n ||
		    i == 0))
			return 1;
		i = j + 1;
	}
	return 0;
}

static size_t
nwords(const char *s, size_t n)
{
	size_t i, w = 1;

	for (i = 0; i < n; i++)
		w += s[i] == ' ';
	return w;
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
fill(struct names *nm)
{
	const struct qtx *x = nm->x;
	size_t i, j;

	for (i = 0; i < nm->n; i++) {
		struct men *m = &nm->m[i];
		if (m->full == NULL) {
			m->full = x->in->text + x->tok[m->a].s;
			m->fulllen = x->tok[m->b - 1].e - x->tok[m->a].s;
		}
		if (m->a > 0 && x->tok[m->a - 1].para == x->tok[m->a].para) {
			const struct tok *t = &x->tok[m->a - 1];
			if ((t->lx & LX_TITLE) && t->title && *t->title)
				m->title = t->title;
			if (t->lx & LX_GTITLE)
				m->gender = (t->lx & LX_MALE) ? G_MALE : G_FEMALE;
		}
	}
	/* a lone surname takes the full name of the person it belongs to */
	for (i = 0; i < nm->n; i++) {
		struct men *m = &nm->m[i];
		size_t best = (size_t)-1;
		if (m->b - m->a != 1 || nwords(m->full, m->fulllen) > 1)
			continue;
		for (j = i; j-- > 0;)
			if (!nm->m[j].head && nm->m[j].org == m->org &&
			    nwords(nm->m[j].full,
			    nm->m[j].fulllen) > 1 && name_has(x, nm->m[j].full,
			    nm->m[j].fulllen, m->a, 1)) {
				best = j;
				break;
			}
		for (j = i + 1; best == (size_t)-1 && j < nm->n; j++)
			if (nm->m[j].org == m->org && nm->m[j].b - nm->m[j].a > 1 &&
			    name_has(x, nm->m[j].full, nm->m[j].fulllen, m->a, 1))
				best = j;
		if (best != (size_t)-1) {
			m->full = nm->m[best].full;
			m->fulllen = nm->m[best].fulllen;
			if (!m->title)
				m->title = nm->m[best].title;
		}
	}
	/* gender and title belong to the person, not the mention */
	for (i = 0; i < nm->n; i++) {
		struct men *m = &nm->m[i];
		if (m->org)
			continue;
		if (!m->gender)
			m->gender = gender_of(x, m->full, m->fulllen);
		for (j = 0; j < nm->n && (!m->gender || !m->title); j++) {
			const struct men *o = &nm->m[j];
			if (o->fulllen != m->fulllen ||
			    memcmp(o->full, m->full, m->fulllen) != 0)
				continue;
			if (!m->gender)
				m->gender = o->gender;
			if (!m->title && j < i)
				m->title = o->title;
		}
	}
}

static const struct men *
find(const struct names *nm, size_t a)
{
	size_t i;

	for (i = 0; i < nm->n; i++)
		if (nm->m[i].a <= a && a < nm->m[i].b)
			return &nm->m[i];
	return NULL;
}

static void
set(struct qt_rec *r, const char *s, size_t n, enum qt_stype t)
{
	r->speaker = s;
	r->speakerlen = n;
	r->stype = t;
}

/* A name without the titles before it: "Mayor Ana Ortiz" is Ana Ortiz,
 * and without a word the tagger took in with it: "Though Trump". */
static void
set_name(const struct qtx *x, struct qt_rec *r, const char *s, size_t n)
{
	size_t i;

	for (;;) {
		for (i = 0; i < n && s[i] != ' '; i++)
			;
		if (i == n || !(lx_get(x->r, s, i, NULL) & (LX_TITLE | LX_GTITLE |
		    LX_STOP | LX_DET | LX_ADV | LX_HYPO | LX_PREP | LX_CUE)) ||
		    (lx_get(x->r, s, i, NULL) & LX_FORENAME))
			break;
		s += i + 1;
		n -= i + 1;
	}
	set(r, s, n, QT_SNAME);
}

static void
resolve_one(const struct names *nm, struct qt_rec *r)
{
	const struct qtx *x = nm->x;
	const struct qt_attr *at = &r->at;
	const char *text = x->in->text;
	size_t i, a = at->spa;

	if (at->spb <= at->spa)
		return;
	if (at->sk == SK_NAME) {
		const struct men *m = find(nm, a);
		if (m)
			set_name(x, r, m->full, m->fulllen);
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
			for (i = nm->n; i-- > 0;) {
				const struct men *m = &nm->m[i];
				if (m->a >= a || m->inq || m->head)
					continue;
				if (want_org ? !m->org : (m->org || (m->gender &&
				    m->gender != g)))
					continue;
				set_name(x, r, m->full, m->fulllen);
				return;
			}
		}
	} else if (at->spb - a == 2 && (x->tok[a + 1].lx & LX_TITLE) &&
	    x->tok[a + 1].title && *x->tok[a + 1].title &&
	    (text[x->tok[a].s] | 32) == 't') {
		/* "the senator": the last person introduced as one */
		const char *want = x->tok[a + 1].title;
		for (i = nm->n; i-- > 0;) {
			const struct men *m = &nm->m[i];
			if (m->a < a && m->title && strcmp(m->title, want) == 0) {
				set_name(x, r, m->full, m->fulllen);
				return;
			}
		}
	}
	set(r, text + x->tok[a].s, x->tok[at->spb - 1].e - x->tok[a].s,
	    QT_SDESC);
}

/* Does s[0..n) hold w[0..wl), ignoring ASCII case? */
static int
has_word(const char *s, size_t n, const char *w, size_t wl)
{
	size_t i;

	for (i = 0; i + wl <= n; i++)
		if (strncasecmp(s + i, w, wl) == 0)
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

void
qt_resolve(const struct qtx *x, struct qt_rec *r, size_t n)
{
	struct names nm;
	size_t i, j;

	if (n == 0)
		return;
	memset(&nm, 0, sizeof nm);
	nm.x = x;
	nm.title = x->in->title >= 0 ? x->in->title :
	    x->in->npara > 1 ? 0 : -1;
	if (x->in->nent) {
		for (i = 0; i < x->in->nent; i++) {
			const struct qt_ent *e = &x->in->ent[i];
			size_t a = tok_at(x, e->start), b;
			struct men *m;
			if (e->type != QT_PER && e->type != QT_ORG)
				continue;
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
		}
	} else
		guess_names(&nm);
	for (i = 0; i < n; i++) {
		const struct qt_attr *at = &r[i].at;
		if (at->sk == SK_NAME && at->spb > at->spa &&
		    !find(&nm, at->spa))
			add(&nm, at->spa, at->spb)->org = has_orgword(x, at->spa,
			    at->spb);
	}
	if (nm.n > 1)
		qsort(nm.m, nm.n, sizeof *nm.m, cmp_men);
	fill(&nm);
	for (i = 0; i < n; i++)
		resolve_one(&nm, &r[i]);
	/* a headline quotation goes to the speaker the story names */
	for (i = 0; i < n; i++) {
		size_t best = (size_t)-1, bestw = 0;
		if (r[i].at.how != AT_TITLE || r[i].stype == QT_SNAME)
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
	free(nm.m);
}
