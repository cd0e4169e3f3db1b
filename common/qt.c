/*
 * qt: quotation marks paired, quotations classified and attributed, and
 * reported speech found, over the tokens of one document (qttok.c).
 *
 * Order of work: pair the marks paragraph by paragraph (a quotation runs on
 * into the next paragraph only when that paragraph opens with a mark, so a
 * stray mark never swallows the rest); find each quotation's cue and
 * speaker in its own sentences, then the next sentence, a colon before
 * it, the quotation before it, the story for a headline; find reported
 * speech in what lies outside the marks; finally resolve every speaker
 * mention (he, she, a surname, a title) to the full name (qtname.c).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "qt.h"
#include "u8.h"

#define NONE ((size_t)-1)
/* How far into its sentence a quotation still has the sentence's subject
 * as a guessed speaker: a bound, so many quotations in one long sentence
 * cost no more than one pass each. */
#define SUBJ_REACH 60
/* How many tokens before a quotation and after it its attribution is
 * looked for in its sentence: news sentences are far shorter, and the
 * bound keeps a sentence of thousands of quotations linear. */
#define QT_REACH 200

struct iq {
	size_t o, c;		/* mark tokens; c == NONE: to paragraph end */
	size_t cs, ce;		/* content bytes */
	int para;
	long chain;		/* first part of its quotation */
	unsigned part, nparts;
	int form;		/* QT_DIRECT, QT_PARTIAL, or -1: rejected */
	struct qt_attr at;
};

/* The words written somewhere other than at a sentence's start, as a
 * hash set of token indexes (by word_hash(), compared byte for byte).
 * A document asks a few times, and a scan of its tokens costs a tenth of
 * building the set, so the first questions scan; the set is built
 * once scans would cost more than MID_SCANS passes, which keeps a
 * document's time linear. */
#define MID_SCANS 16
#define MID_MEMO 8
struct midset {
	struct mslot {
		uint32_t h;
		size_t i;	/* token index + 1; 0: empty */
	} *slot;
	size_t mask;
	size_t scanned;		/* tokens looked at by scans */
	/* the words scans answered (a token of each) and the answers: a
	 * story asks again of the same word ("Officials said" in each of
	 * its paragraphs), and a look here costs what a scan's first
	 * token does */
	size_t memo[MID_MEMO];
	unsigned char ans[MID_MEMO];
	unsigned nmemo;
};

struct ctx {
	struct qtx x;
	struct sent *sent;
	size_t nsent, sentcap;
	struct iq *q;
	size_t nq, qcap;
	struct qt_rec *out;
	size_t nout, outcap;
	size_t ind_end;		/* token ending the last report written */
	size_t lprev;		/* where the sentence of that report began */
	uint64_t cuef;		/* flags of the cue of the report looked at */
	struct midset *mid;
	int odd_single;		/* the story's speech is in double marks */
	size_t listed;		/* closing mark of the last part that was no
				   speech, or NONE */
	int announced;		/* classify1() found a word before the part
				   that names it a title or a term */
};

static inline int
tpara(const struct ctx *c, size_t i)
{
	return tok_para(&c->x, i);
}

static const char *
tx(const struct ctx *c, size_t i)
{
	return c->x.in->text + c->x.tok[i].s;
}

static size_t
tl(const struct ctx *c, size_t i)
{
	return c->x.tok[i].e - c->x.tok[i].s;
}

static int
is_word(const struct ctx *c, size_t i)
{
	return c->x.tok[i].kind == T_WORD;
}

static int
is_p(const struct ctx *c, size_t i, int ch)
{
	return c->x.tok[i].kind == T_PUNCT && c->x.tok[i].ch == ch;
}

static int
is_mark(const struct ctx *c, size_t i)
{
	return c->x.tok[i].kind == T_MARK;
}

/* The headline paragraph: the one strip-boilerplate marked, or in raw
 * text of more than one paragraph the first; -1 if none. */
static long
headline(const struct ctx *c)
{
	if (c->x.in->title >= 0)
		return c->x.in->title;
	return c->x.in->npara > 1 ? 0 : -1;
}

static void
set_cue(struct qt_attr *at, size_t a, size_t b)
{
	at->cua = a;
	at->cub = b;
}

/* The speaker of at is the describing phrase [a, b). */
static void
set_desc(struct qt_attr *at, size_t a, size_t b)
{
	at->spa = a;
	at->spb = b;
	at->sk = SK_DESC;
}

/* A fresh attribution whose cue is [a, b), found by the reader's own
 * search (AT_OWN). */
static void
own_attr(struct qt_attr *at, size_t a, size_t b)
{
	memset(at, 0, sizeof *at);
	set_cue(at, a, b);
	at->how = AT_OWN;
}

/* Is token i the word w (W_*, case folded)?  Only words have flags. */
static int
word_is(const struct ctx *c, size_t i, unsigned w)
{
	return LX_WORD(c->x.tok[i].lx) == w;
}

/* ---- pairing ---------------------------------------------------------- */

static void
add_q(struct ctx *c, size_t o, size_t cl, int para, long chain)
{
	struct iq *q;

	if (c->nq == c->qcap) {
		c->qcap = c->qcap ? 2 * c->qcap : 64;
		c->q = xreallocarray(c->q, c->qcap, sizeof *c->q);
	}
	q = &c->q[c->nq];
	memset(q, 0, sizeof *q);
	q->o = o;
	q->c = cl;
	q->para = para;
	q->chain = chain < 0 ? (long)c->nq : chain;
	q->form = -1;
	c->nq++;
}

static int
opens_dbl(const struct ctx *c, size_t i)
{
	return is_mark(c, i) && (c->x.tok[i].ch == MK_OD ||
	    c->x.tok[i].ch == MK_AD);
}

/* Is the opening double mark at token i, before the end b of its
 * paragraph, a closing one mistyped?  It is glued to a comma or a stop
 * before it, and a lower-case word, a space before it, or the paragraph's
 * end follows. */
static int
typo_close(const struct ctx *c, size_t i, size_t b)
{
	const struct tok *p;

	if (i == 0)
		return 0;
	p = &c->x.tok[i - 1];
	if (p->kind != T_PUNCT || p->e != c->x.tok[i].s || !p->ch ||
	    !strchr(",.?!", p->ch))
		return 0;
	if (i + 1 >= b)
		return 1;
	return is_word(c, i + 1) && !c->x.tok[i + 1].cap &&
	    c->x.tok[i + 1].s > c->x.tok[i].e;
}

/* Pair marks in paragraph tokens [a, b); returns the open token of an
 * unclosed top-level double quotation, or NONE. */
static size_t
pair_para(struct ctx *c, size_t a, size_t b, int para, long *chain,
    size_t first_open)
{
	size_t st[16], i, k, m, lo, hi;
	int dbl[16], n = 0;

	if (first_open != NONE) {
		st[n] = first_open;
		dbl[n++] = 1;
		a = first_open + 1;
	}
	/* the first mark at or after a */
	for (lo = 0, hi = c->x.nmark; lo < hi;) {
		m = lo + (hi - lo) / 2;
		if (c->x.mark[m] < a)
			lo = m + 1;
		else
			hi = m;
	}
	for (m = lo; m < c->x.nmark && (i = c->x.mark[m]) < b; m++) {
		int mk, d = -1;
		mk = c->x.tok[i].ch;
		for (k = n; k-- > 0;)
			if (dbl[k]) {
				d = (int)k;
				break;
			}
		switch (mk) {
		case MK_OD:
			/* “It's odd,“ said Lu: an opening mark typed for the
			 * closing one, glued to the quotation's last stop and
			 * before a lower-case word or the paragraph's end */
			if (d == 0 && n == 1 && typo_close(c, i, b))
				goto close;
			if (d >= 0) {
				if (d == 0)
					*chain = -1;	/* the old one was stray */
				n = d;
			}
			goto push;
		case MK_AD:
			if (d >= 0)
				goto close;
			goto push;
		case MK_CD:
			if (d < 0)
				break;	/* stray */
		close:
			if (d == 0) {
				add_q(c, st[0], i, para, *chain);
				*chain = -1;
			}
			n = d;
			break;
		case MK_OS:
			goto push;
		case MK_CS:
		case MK_AS:
			if (n > 0 && !dbl[n - 1]) {
				if (n == 1)
					add_q(c, st[0], i, para, -1);
				n--;
			}
			break;	/* else an apostrophe */
		}
		continue;
	push:
		if (n == 16)
			n = 0;	/* absurd nesting: start again */
		st[n] = i;
		dbl[n++] = mk == MK_OD || mk == MK_AD;
	}
	if (n > 0 && dbl[0])
		return st[0];
	return NONE;
}

static int
ends_sentence(const struct ctx *c, size_t a, size_t b)
{
	size_t i = b;

	while (i > a && is_mark(c, i - 1))
		i--;
	return i > a && (is_p(c, i - 1, '.') || is_p(c, i - 1, '!') ||
	    is_p(c, i - 1, '?') || is_p(c, i - 1, ':') || is_p(c, i - 1, '-'));
}

/* Does the mark at o open a sentence-like quotation (“We ...) rather than
 * a phrase (a “dry summer)?  Only such a one runs on over paragraphs. */
static int
opens_sentence(const struct ctx *c, size_t o, size_t a)
{
	if (o + 1 >= c->x.ntok || !is_word(c, o + 1) || !c->x.tok[o + 1].cap)
		return 0;
	return o == a || is_p(c, o - 1, ':') || is_p(c, o - 1, ',') ||
	    is_p(c, o - 1, '.') || is_p(c, o - 1, '?') || is_p(c, o - 1, '!') ||
	    is_p(c, o - 1, '-') || (is_word(c, o - 1) &&
	    (c->x.tok[o - 1].lx & LX_CUE));
}

/* A quotation that lost its closing mark before its attribution (“We
 * sail at dawn, said Lu, ...", “..., the mayor said. ...): it ends at
 * the comma before a verb of saying proper and its speaker, not with its
 * paragraph, which would swallow the attribution; not "..., and I think
 * ..." inside the words quoted. */
static size_t
lost_end(const struct ctx *c, size_t open, size_t b)
{
	size_t k, j;

	for (k = open + 2; k + 2 < b; k++) {
		if (!is_p(c, k, ','))
			continue;
		for (j = k + 1; j < b && j < k + 5 && is_word(c, j) &&
		    !(c->x.tok[j].lx & LX_CORE); j++)
			;
		if (j >= b || j >= k + 5 || !is_word(c, j) ||
		    !(c->x.tok[j].lx & LX_CORE))
			continue;
		/* ", said Lu", or ", Lu said", ", the mayor said", ", she
		 * said"; not "I" */
		if (j == k + 1 || (c->x.tok[k + 1].lx & (LX_MALE |
		    LX_FEMALE)) || ((c->x.tok[k + 1].cap ||
		    (c->x.tok[k + 1].lx & LX_DET)) && !(c->x.tok[k + 1].lx &
		    (LX_PRON | LX_STOP | LX_LINK)) && tl(c, k + 1) > 1))
			return k;
	}
	return NONE;
}

static void
pair_all(struct ctx *c, const size_t *pa, int npara)
{
	long chain = -1;
	size_t carry = NONE, pend0 = 0;
	int p;

	for (p = 0; p < npara; p++) {
		size_t a = pa[p], b = pa[p + 1], open, first = NONE;
		if (carry != NONE) {
			if (a < b && opens_dbl(c, a)) {
				first = a;
			} else {
				/* broken chain: its parts were stray marks */
				c->nq = pend0;
				chain = -1;
			}
			carry = NONE;
		}
		if (first == NONE)
			chain = -1;
		open = pair_para(c, a, b, p, &chain, first);
		if (open != NONE && p + 1 < npara && pa[p + 1] < pa[p + 2] &&
		    opens_dbl(c, pa[p + 1]) && ends_sentence(c, open, b) &&
		    (first != NONE || opens_sentence(c, open, a))) {
			if (chain < 0)
				pend0 = c->nq;
			add_q(c, open, NONE, p, chain);
			chain = c->q[c->nq - 1].chain;
			carry = open;
		} else {
			/* a quotation that opens its sentence and is still
			 * open where its paragraph ends a sentence, with no
			 * opening mark on the next paragraph, lost its closing
			 * mark (“We sail at dawn. / Lu left): it ends with
			 * the paragraph, which bounds it */
			if (open != NONE && first == NONE && open + 2 < b &&
			    ends_sentence(c, open, b) &&
			    opens_sentence(c, open, a) &&
			    !(p + 1 < npara && pa[p + 1] < pa[p + 2] &&
			    opens_dbl(c, pa[p + 1])))
				add_q(c, open, lost_end(c, open, b), p, -1);
			chain = -1;
		}
	}
	if (carry != NONE)
		c->nq = pend0;
}

/* ---- sentences -------------------------------------------------------- */

static void
make_sentences(struct ctx *c, size_t *pa, int npara)
{
	const struct qt_input *in = c->x.in;
	size_t s = 0, i;
	int p;

	for (p = 0; p < npara; p++) {
		size_t a = pa[p], b = pa[p + 1];
		size_t pe = in->para[p].end;
		/* sentences of this paragraph */
		while (s < in->nsent && in->sent[s].end <= in->para[p].start)
			s++;
		i = a;
		while (i < b) {
			size_t end;
			if (s < in->nsent && in->sent[s].start < pe) {
				size_t se = in->sent[s].end;
				/* numbered as they are found: a sentence with no
				 * token numbers none and is skipped */
				size_t k;
				/* its end by halving (tokens are in order in a
				 * paragraph), then one plain pass of stores */
				if (b > i && c->x.tok[b - 1].s < se)
					end = b;
				else {
					size_t lo = i, hi = b - (b > i);
					while (lo < hi) {
						size_t m = lo + (hi - lo) / 2;
						if (c->x.tok[m].s < se)
							lo = m + 1;
						else
							hi = m;
					}
					end = lo;
				}
				for (k = i; k < end; k++)
					c->x.tok[k].sent = (int)c->nsent;
				s++;
				if (end == i)
					continue;
			} else
				for (end = i; end < b; end++)
					c->x.tok[end].sent = (int)c->nsent;
			if (c->nsent == c->sentcap) {
				c->sentcap = c->sentcap ? 2 * c->sentcap : 256;
				c->sent = xreallocarray(c->sent, c->sentcap,
				    sizeof *c->sent);
			}
			c->sent[c->nsent].a = i;
			c->sent[c->nsent].b = end;
			c->sent[c->nsent].para = p;
			c->nsent++;
			i = end;
		}
	}
}

/* ---- noun phrases ------------------------------------------------------ */

static int sure_name(const struct ctx *, size_t, size_t);
static int quantity(const struct ctx *, size_t);
static int possessive(const struct ctx *, size_t);
static int who_np(const struct ctx *, size_t, size_t, struct qt_attr *);
static int who_open(const struct ctx *, size_t, size_t, size_t,
    struct qt_attr *);
static size_t adv_end(const struct ctx *, size_t, size_t);
static int participle(const struct ctx *, size_t);
static size_t sp_open(const struct ctx *, size_t, size_t);
static int verb_like(const struct ctx *, size_t);
static void raised(struct ctx *, size_t, size_t, const struct qt_attr *);
static int tail_clause(const struct ctx *, size_t, size_t);
static size_t tail_after(struct ctx *, const struct qt_attr *, size_t);
static int report_tail(struct ctx *, size_t, const struct qt_attr *, size_t);
static int clause_start(const struct ctx *, size_t);
static int finite_verb(const struct ctx *, size_t);

static int
namey(const struct ctx *c, size_t i)
{
	return qt_namey(&c->x, i);
}

/* Names run over "of" between capitals: Bank of America. */
static int
name_of(const struct ctx *c, size_t i, size_t lo, size_t hi)
{
	return i > lo && i + 1 < hi && word_is(c, i, W_OF) &&
	    namey(c, i - 1) && namey(c, i + 1);
}

static uint64_t cue_phrase(const struct ctx *, size_t, size_t, size_t *,
    uint64_t);

/* Where a title phrase that opens in [lo, k) and runs past k ends, before
 * hi; k if none.  "Secretary of State Harlan": the name is Harlan, not
 * State Harlan, which a cut at "of" or a walk stopped by it would give. */
static size_t
title_past(const struct ctx *c, size_t lo, size_t k, size_t hi)
{
	size_t j, e;

	if (k - lo > c->x.r->maxwords)
		lo = k - c->x.r->maxwords;
	for (j = lo; j < k; j++)
		if (cue_phrase(c, j, hi, &e, LX_TITLE) && e > k && e < hi)
			return e;
	return k;
}

/* Cut a run of capitals to start at its forename: State John Kerry. */
static size_t
forename_cut(const struct ctx *c, size_t a, size_t b)
{
	size_t i;

	if (c->x.tok[a].lx & LX_FORENAME)
		return a;
	for (i = a + 1; i + 1 < b; i++)
		if ((c->x.tok[i].lx & LX_FORENAME) && namey(c, i + 1))
			return i;
	/* Secretary of State Kerry; but a person the tagger found opens
	 * "Dana Pell of Reuters", which affiliated() cuts at "of" */
	if (c->x.tok[a].et == QT_PER && !(c->x.tok[a].lx & (LX_TITLE |
	    LX_GTITLE)))
		return a;
	for (i = b; i-- > a + 1;)
		if (word_is(c, i - 1, W_OF)) {
			size_t j = title_past(c, a, i, b);

			if (j > i)
				return j;
			/* "Bank of America": an organisation the tagger found
			 * is named whole */
			for (j = a; j < b && c->x.tok[j].et == QT_ORG; j++)
				;
			return j == b ? a : i;
		}
	return a;
}

static int
name_left(const struct ctx *c, size_t j, size_t lo, struct qt_attr *at)
{
	size_t k = j;

	while (k > lo) {
		size_t t = k - 1;
		/* "Fox's Chris Wallace": the possessor is not the name */
		if (possessive(c, t))
			break;
		if (namey(c, t) || ((c->x.tok[t].lx & LX_PARTICLE) &&
		    !c->x.tok[t].cap) || name_of(c, t, lo, j + 1))
			k = t;
		else
			break;
	}
	while (k < j && !namey(c, k))
		k++;
	if (k > lo + 1 && word_is(c, k - 1, W_OF))
		k = title_past(c, lo, k, j + 1);
	k = forename_cut(c, k, j + 1);
	if (!sure_name(c, k, j + 1))
		return 0;
	at->spa = k;
	at->spb = j + 1;
	at->sk = SK_NAME;
	return 1;
}

static size_t
skip_titles(const struct ctx *c, size_t i, size_t hi)
{
	size_t e;

	while (i < hi && is_word(c, i))
		if ((c->x.tok[i].lx & (LX_TITLE | LX_PHRASE)) ==
		    (LX_TITLE | LX_PHRASE) && cue_phrase(c, i, hi, &e, LX_TITLE))
			i = e;	/* "said Secretary of State Harlan" */
		else if ((c->x.tok[i].lx & (LX_TITLE | LX_GTITLE)) &&
		    !(c->x.tok[i].lx & LX_FORENAME))
			i++;
		else
			break;
	return i;
}

static int
name_right(const struct ctx *c, size_t i, size_t hi, struct qt_attr *at)
{
	size_t k;

	i = skip_titles(c, i, hi);
	if (i >= hi || !namey(c, i))
		return 0;
	k = i + 1;
	for (;;) {
		while (k < hi && (namey(c, k) || (c->x.tok[k].lx & LX_SUFFIX) ||
		    ((c->x.tok[k].lx & LX_PARTICLE) && k + 1 < hi &&
		    namey(c, k + 1)) || name_of(c, k, i, hi)))
			k++;
		/* Ohio Gov. John Kasich: the name is after the title */
		if (k < hi && is_word(c, k) && (c->x.tok[k].lx & LX_TITLE) &&
		    c->x.tok[k].cap && skip_titles(c, k, hi) < hi &&
		    namey(c, skip_titles(c, k, hi))) {
			i = skip_titles(c, k, hi);
			k = i + 1;
			continue;
		}
		break;
	}
	at->spa = forename_cut(c, i, k);
	at->spb = k;
	at->sk = SK_NAME;
	return sure_name(c, at->spa, k);
}

static inline int
ends_with(const struct ctx *c, size_t i, const char *suf)
{
	size_t n = strlen(suf);

	return tl(c, i) > n + 2 && memcmp(tx(c, i) + tl(c, i) - n, suf, n) == 0;
}

/* Has the word an apostrophe: it's, he'd, Trump's? */
static int
contracted(const struct ctx *c, size_t i)
{
	return memchr(tx(c, i), '\'', tl(c, i)) != NULL ||
	    memmem(tx(c, i), tl(c, i), "\xe2\x80\x99", 3) != NULL;
}

/* The length of the "'s" or "’s" that s[0..n) ends in, or 0. */
static size_t
poss_suffix(const char *s, size_t n)
{
	if (n >= 2 && s[n - 1] == 's' && s[n - 2] == '\'')
		return 2;
	if (n >= 4 && s[n - 1] == 's' && memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0)
		return 4;
	return 0;
}

/* Trump's, Trump’s (but not O'Brien)? */
static int
possessive(const struct ctx *c, size_t i)
{
	size_t n = tl(c, i), k = poss_suffix(tx(c, i), n);

	return k > 0 && n > k;
}

/* Is token i the apostrophe of a plural possessive ("the pilots' union",
 * "the Smiths’ lawyer"): a single mark that closes no quotation, right
 * after a word in s and before a word?  Such a phrase is one speaker,
 * not its head noun alone. */
static int
plural_poss(const struct ctx *c, size_t i)
{
	const struct tok *t = &c->x.tok[i];

	return t->kind == T_MARK && (t->ch == MK_CS || t->ch == MK_AS) &&
	    t->q < 0 && i > 0 && i + 1 < c->x.ntok && is_word(c, i - 1) &&
	    c->x.tok[i - 1].e == t->s && (tx(c, i - 1)[tl(c, i - 1) - 1] |
	    0x20) == 's' && is_word(c, i + 1) && c->x.tok[i + 1].s > t->e &&
	    tpara(c, i + 1) == tpara(c, i);
}

/* Can word i head a describing phrase ("officials", "the ministry")? */
static int
noun_head(const struct ctx *c, size_t i)
{
	if (!is_word(c, i) || (c->x.tok[i].lx & (LX_TIME | LX_STOP | LX_LINK |
	    LX_BE | LX_CUE | LX_HYPO | LX_NEG | LX_ADV | LX_DET | LX_PRON)))
		return 0;
	if (contracted(c, i) || ends_with(c, i, "ed") || ends_with(c, i, "ly") ||
	    ends_with(c, i, "ing"))
		return 0;
	/* "the 46-year-old said": an age stands for a person */
	if (tl(c, i) > 9 && memcmp(tx(c, i) + tl(c, i) - 9, "-year-old", 9) == 0)
		return 1;
	return !(tx(c, i)[0] >= '0' && tx(c, i)[0] <= '9');
}

/* "..., officials in both towns said": a plural with no article that
 * opens its clause (after a comma or at the start) may be described by
 * a phrase after it as well as an article's noun may. */
static int
bare_plural(const struct ctx *c, size_t i, size_t lo)
{
	return is_word(c, i) && !c->x.tok[i].cap && ends_with(c, i, "s") &&
	    (i == lo || is_p(c, i - 1, ','));
}

static int desc_left1(const struct ctx *, size_t, size_t, struct qt_attr *,
    int);

static int
desc_left(const struct ctx *c, size_t j, size_t lo, struct qt_attr *at)
{
	return desc_left1(c, j, lo, at, 0);
}

/* depth: a phrase inside a prepositional phrase ("a staffer in the room")
 * is looked for once, not again inside that */
static int
desc_left1(const struct ctx *c, size_t j, size_t lo, struct qt_attr *at,
    int depth)
{
	size_t k = j;
	int det = 0;

	if (!noun_head(c, j))
		return 0;
	while (k > lo && j - k < 10) {
		size_t t = k - 1;
		uint64_t f = c->x.tok[t].lx;
		if (plural_poss(c, t) && t > lo) {
			k = t - 1;
			continue;
		}
		if (!is_word(c, t))
			break;
		if (f & LX_DET) {
			k = t;
			if (t > lo && (c->x.tok[t - 1].lx & LX_LINK) && t - 1 > lo &&
			    is_word(c, t - 2) && !(c->x.tok[t - 2].lx &
			    (LX_STOP | LX_DET | LX_CUE | LX_BE)))
				k = t - 1;
			else if (t > lo + 1 && word_is(c, t - 1, W_OF) &&
			    (quantity(c, t - 2) || ((c->x.tok[t - 2].lx &
			    LX_DET) && !(c->x.tok[t - 2].lx & LX_PRON)))) {
				/* "Most of the candidates", "two of the
				 * officers": the share speaks */
				k = t - 2;
				det = 1;
				break;
			}
			else {
				det = 1;
				break;
			}
			continue;
		}
		if ((f & LX_LINK) && t > lo && is_word(c, t - 1) &&
		    !(c->x.tok[t - 1].lx & (LX_STOP | LX_CUE | LX_BE | LX_DET))) {
			k = t;
			continue;
		}
		if (f & (LX_STOP | LX_CUE | LX_PRON | LX_BE | LX_HYPO | LX_LINK))
			break;
		k = t;
	}
	while (k < j && (c->x.tok[k].lx & LX_LINK))
		k++;
	if (j - k >= 10)
		return 0;
	/* "in the past", "of his skills": the object of a preposition,
	 * unless a described person comes before it ("a staffer in the
	 * room wondered") */
	if (det && k > lo && is_word(c, k - 1) && (c->x.tok[k - 1].lx &
	    (LX_PREP | LX_LINK))) {
		struct qt_attr in;
		if (depth > 0 || !(c->x.tok[k - 1].lx & LX_PREP) || k < lo + 3 ||
		    !desc_left1(c, k - 2, lo, &in, depth + 1) ||
		    (!(c->x.tok[in.spa].lx & LX_DET) && !bare_plural(c,
		    in.spa, lo)))
			return 0;
		k = in.spa;
	}
	/* a phrase cut out of a clause ("can pass such laws") is no speaker */
	if (!det && k > lo && is_word(c, k - 1) && !(c->x.tok[k - 1].lx &
	    (LX_STOP | LX_LINK)) && !(c->x.tok[k - 1].lx & (LX_BE | LX_HYPO)))
		return 0;
	if (!det && k > lo && is_word(c, k - 1) && (c->x.tok[k - 1].lx &
	    (LX_BE | LX_HYPO)))
		return 0;
	set_desc(at, k, j + 1);
	return 1;
}

static int
same_word(const struct ctx *c, size_t i, size_t j)
{
	const struct tok *a = &c->x.tok[i], *b = &c->x.tok[j];
	const char *t = c->x.in->text;

	return a->kind == T_WORD && b->kind == T_WORD &&
	    a->e - a->s == b->e - b->s && t[a->s] == t[b->s] &&
	    memcmp(t + a->s, t + b->s, a->e - a->s) == 0;
}

/* A hash of word token i's bytes (FNV-1a): tokens keep none, as few
 * documents build the set below. */
static uint32_t
word_hash(const struct ctx *c, size_t i)
{
	const struct tok *t = &c->x.tok[i];
	uint32_t h = 2166136261u;
	size_t k;

	for (k = t->s; k < t->e; k++)
		h = (h ^ (unsigned char)c->x.in->text[k]) * 16777619u;
	return h;
}

static int
opens_sent(const struct ctx *c, size_t i)
{
	return c->sent[c->x.tok[i].sent].a == i;
}

/* The slot of word token t: one holding a word of the same bytes, or an
 * empty one. */
static struct mslot *
mid_slot(const struct ctx *c, size_t t)
{
	const struct midset *m = c->mid;
	uint32_t wh = word_hash(c, t);
	size_t h;

	for (h = wh & m->mask;; h = (h + 1) & m->mask) {
		struct mslot *e = &m->slot[h];
		if (e->i == 0 || (e->h == wh && same_word(c, e->i - 1, t)))
			return e;
	}
}

/* Doubles the set, which keeps every word's first occurrence. */
static void
mid_grow(struct midset *m)
{
	struct mslot *old = m->slot;
	size_t i, h, n = m->mask + 1;

	m->mask = 2 * n - 1;
	m->slot = xcalloc(2 * n, sizeof *m->slot);
	for (i = 0; i < n; i++)
		if (old[i].i != 0) {
			for (h = old[i].h & m->mask; m->slot[h].i != 0;
			    h = (h + 1) & m->mask)
				;
			m->slot[h] = old[i];
		}
	free(old);
}

/* Sized by the distinct words, not by all of them: a long document
 * repeats most of its words, and its tokens outnumber them by far. */
static void
mid_build(const struct ctx *c)
{
	struct midset *m = c->mid;
	size_t i, n = 0;

	m->slot = xcalloc(1024, sizeof *m->slot);
	m->mask = 1023;
	for (i = 0; i < c->x.ntok; i++)
		if (is_word(c, i) && !opens_sent(c, i)) {
			struct mslot *e = mid_slot(c, i);
			if (e->i == 0) {
				e->h = word_hash(c, i);
				e->i = i + 1;
				if (2 * ++n > m->mask)
					mid_grow(m);
			}
		}
}

/* Is word a written, with the same bytes, somewhere not opening a
 * sentence? */
static int
written_mid(const struct ctx *c, size_t a)
{
	struct midset *m = c->mid;
	size_t i;

	if (m->slot == NULL) {
		for (i = 0; i < m->nmemo && i < MID_MEMO; i++)
			if (same_word(c, m->memo[i], a))
				return m->ans[i];
	}
	if (m->slot == NULL && m->scanned < MID_SCANS * c->x.ntok) {
		const struct tok *t = c->x.tok;
		const char *w = tx(c, a), *text = c->x.in->text;
		size_t n = tl(c, a);
		int found = 0;

		m->scanned += c->x.ntok;
		/* same_word() unrolled: its length and first byte turn most
		 * words away, as tokens keep no hash */
		for (i = 0; i < c->x.ntok; i++)
			if (t[i].e - t[i].s == n && text[t[i].s] == w[0] &&
			    t[i].kind == T_WORD && memcmp(text + t[i].s, w, n) == 0 &&
			    !opens_sent(c, i)) {
				found = 1;
				break;
			}
		m->memo[m->nmemo % MID_MEMO] = a;
		m->ans[m->nmemo++ % MID_MEMO] = (unsigned char)found;
		return found;
	}
	if (m->slot == NULL)
		mid_build(c);
	return mid_slot(c, a)->i != 0;
}

static inline int
word_is_text(const struct ctx *c, size_t i, const char *w)
{
	size_t n = strlen(w), k;
	const char *t;

	if (!is_word(c, i) || tl(c, i) != n)
		return 0;
	/* strncasecmp() unrolled here: it folds A-Z only (no tool calls
	 * setlocale()), and a call cost more than these short words */
	for (t = tx(c, i), k = 0; k < n; k++) {
		unsigned char a = (unsigned char)t[k], b = (unsigned char)w[k];
		if ((unsigned)(a - 'A') < 26u)
			a += 32;
		if ((unsigned)(b - 'A') < 26u)
			b += 32;
		if (a != b)
			return 0;
	}
	return 1;
}

static int
all_caps(const struct ctx *c, size_t i)
{
	size_t k;

	for (k = 0; k < tl(c, i); k++)
		if (tx(c, i)[k] >= 'a' && tx(c, i)[k] <= 'z')
			return 0;
	return 1;
}

/* A lone capitalised word opening a sentence ("Later", "Former") is a
 * name only if the story also writes it capitalised mid-sentence. */
static int
sure_name(const struct ctx *c, size_t a, size_t b)
{
	if (possessive(c, b - 1))
		return 0;	/* Trump's: a modifier, not a speaker */
	if (b - a > 1 || a != c->sent[c->x.tok[a].sent].a)
		return 1;
	/* the tagger found a name there, and not a dateline (WASHINGTON) */
	if (c->x.tok[a].et >= 0 && !all_caps(c, a))
		return 1;
	/* some other word with its bytes not opening a sentence (a itself
	 * opens one, and is a word: callers pass names) */
	return written_mid(c, a);
}

/* A count or a share: "10", "three", "percent", "many", "most"; "one"
 * and "another" speak as "a third" does ("..., one said"). */
static int
quantity(const struct ctx *c, size_t i)
{
	/* each padded with zeros to 8 bytes, so w[k][n] == 0 says that it
	 * is at most n long, and the first letter folds with | 0x20 */
	static const char w[][8] = { "one", "two", "three", "four", "five",
	    "six", "seven", "eight", "nine", "ten", "percent", "third", "half",
	    "many", "most", "some", "others", "another" };
	/* first[n]: bit L - 'a' set when a word of w[] of n bytes starts
	 * with letter L, made from w[] once; most words asked about have
	 * none, and go with no walk of w[] */
	static uint32_t first[8];
	static int made;
	const char *s;
	size_t k, n;
	unsigned f;

	if (!made) {
		for (k = 0; k < sizeof w / sizeof w[0]; k++)
			first[strlen(w[k])] |= 1u << (w[k][0] - 'a');
		made = 1;
	}
	if (!is_word(c, i))
		return 0;
	s = tx(c, i);
	if (s[0] >= '0' && s[0] <= '9')
		return 1;
	n = tl(c, i);
	if (n < 3 || n > 7)	/* no word of w[] */
		return 0;
	f = (unsigned)(s[0] | 0x20) - 'a';
	if (f >= 26 || !(first[n] >> f & 1))
		return 0;
	/* asked of most words before a cue: a strncasecmp() only for a word
	 * of w[] with its length and first letter */
	for (k = 0; k < sizeof w / sizeof w[0]; k++)
		if (w[k][n] == '\0' && w[k][n - 1] != '\0' &&
		    (s[0] | 0x20) == w[k][0] && strncasecmp(s, w[k], n) == 0)
			return 1;
	return 0;
}

/* Can word i be the subject that opens a clause: a name, an article or a
 * pronoun, a count ("the", "it", "Lu", "52")? */
static int
subject_word(const struct ctx *c, size_t i)
{
	return c->x.tok[i].cap || (c->x.tok[i].lx & (LX_DET | LX_PRON)) ||
	    quantity(c, i);
}

/*
 * Poll answers: "Two in three said", "Six in 10 say", "52 percent said",
 * "Many said", "Most say" -- a count or share that opens its clause.
 */
static int
count_np(const struct ctx *c, size_t j, size_t lo, struct qt_attr *at)
{
	size_t k = j;

	/* "47% say": the sign ends the count */
	if (is_p(c, j, '%') && j > lo && is_word(c, j - 1) &&
	    tx(c, j - 1)[0] >= '0' && tx(c, j - 1)[0] <= '9')
		k = j - 1;
	else if (!quantity(c, j))
		return 0;
	if (k >= lo + 2 && word_is_text(c, k - 1, "in") && quantity(c, k - 2))
		k -= 2;
	else if (k > lo && word_is_text(c, k, "percent") && quantity(c, k - 1))
		k--;
	/* "about 4 in 10", "nearly 60 percent": a word that rounds it */
	if (k > lo && (word_is(c, k - 1, W_ABOUT) || word_is_text(c, k - 1,
	    "nearly") || word_is_text(c, k - 1, "almost") ||
	    word_is_text(c, k - 1, "roughly") || word_is_text(c, k - 1, "only") ||
	    word_is_text(c, k - 1, "just")))
		k--;
	/* after a comma, a colon, "and", "but" or "with" ("with three in
	 * 10 saying"), or a quotation closed on a comma ("...," one said) */
	if (k > lo && !is_p(c, k - 1, ',') && !is_p(c, k - 1, ':') &&
	    !opens_sent(c, k) && !word_is(c, k - 1, W_AND) &&
	    !word_is(c, k - 1, W_BUT) && !word_is(c, k - 1, W_WITH) &&
	    !(k > lo + 1 && is_mark(c, k - 1) && (is_p(c, k - 2, ',') ||
	    is_p(c, k - 2, '?') || is_p(c, k - 2, '!'))))
		return 0;
	set_desc(at, k, j + 1);
	return 1;
}

/* "A spokeswoman for Lund said", "an aide to Lund": the person described
 * speaks, not the one the name after "for", "of" or "to" names */
static void
speaks_for(const struct ctx *c, size_t lo, struct qt_attr *at)
{
	struct qt_attr d;
	size_t l = at->spa - 1;
	int the = 0;

	if (at->spa < lo + 2)
		return;
	/* "a spokesman for the Harbour Union", "Reporters of the Gazette" */
	if (word_is_text(c, l, "the")) {
		l--;
		the = 1;
	}
	if (l < lo + 2 - the || !(word_is(c, l, W_OF) ||
	    word_is(c, l, W_TO) || word_is_text(c, l, "for")))
		return;
	/* there, a noun in lower case or a plural opening the sentence;
	 * not "The Bank of the Lakes", a name */
	if (the && c->x.tok[l - 1].cap && !(l - 1 == lo &&
	    opens_sent(c, lo) && ends_with(c, lo, "s")))
		return;
	/* an article opens the phrase, or the plural opens the sentence;
	 * not an apposition after "the" ("Sam Lau, the aide for the
	 * Party, said"), whose name np_before() goes back to */
	memset(&d, 0, sizeof d);
	if (desc_left1(c, l - 1, lo, &d, 1) && (((c->x.tok[d.spa].lx & LX_DET) &&
	    !(c->x.tok[d.spa].lx & LX_PRON)) || (the && d.spa == lo &&
	    l - 1 == lo)) && !(the && d.spa > lo && is_p(c, d.spa - 1, ','))) {
		at->spa = d.spa;
		at->sk = SK_DESC;
	}
}

/* Is the comma at i inside a number ("4,051"), with no space either
 * side?  The tokens split a number there. */
static int
num_comma(const struct ctx *c, size_t i)
{
	const struct tok *t = c->x.tok;
	const char *s = c->x.in->text;

	return i > 0 && i + 1 < c->x.ntok && is_p(c, i, ',') &&
	    t[i - 1].e == t[i].s && t[i].e == t[i + 1].s &&
	    s[t[i - 1].e - 1] >= '0' && s[t[i - 1].e - 1] <= '9' &&
	    s[t[i + 1].s] >= '0' && s[t[i + 1].s] <= '9';
}

/* Is token i a word of digits only ("051"; not "3M")? */
static int
digits(const struct ctx *c, size_t i)
{
	size_t k;

	if (!is_word(c, i))
		return 0;
	for (k = c->x.tok[i].s; k < c->x.tok[i].e; k++)
		if (c->x.in->text[k] < '0' || c->x.in->text[k] > '9')
			return 0;
	return 1;
}

static int np_end_at1(const struct ctx *, size_t, size_t, struct qt_attr *);

/*
 * The noun phrase that ends at token j, [at->spa, at->spb): a name, a
 * pronoun or a description (np_end_at1()).  A number split at its commas
 * is taken whole ("1,200 supporters", not "200 supporters"), and a
 * number alone is no one ("4,051 pledged").
 */
static int
np_end_at(const struct ctx *c, size_t j, size_t lo, struct qt_attr *at)
{
	size_t i;

	if (!np_end_at1(c, j, lo, at))
		return 0;
	/* nearly always: a phrase that opens on no digit */
	if (!is_word(c, at->spa) || tx(c, at->spa)[0] < '0' ||
	    tx(c, at->spa)[0] > '9')
		return 1;
	while (at->spa >= lo + 2 && num_comma(c, at->spa - 1))
		at->spa -= 2;
	for (i = at->spa; i < at->spb; i++)
		if (!num_comma(c, i) && !digits(c, i))
			return 1;
	return 0;
}

static int
np_end_at1(const struct ctx *c, size_t j, size_t lo, struct qt_attr *at)
{
	const struct tok *t = &c->x.tok[j];

	if (t->kind != T_WORD)
		return is_p(c, j, '%') && count_np(c, j, lo, at);
	if (count_np(c, j, lo, at))
		return 1;
	if (t->lx & LX_PRON) {
		at->spa = j;
		at->spb = j + 1;
		at->sk = SK_PRON;
		return 1;
	}
	if (namey(c, j) || (t->lx & LX_SUFFIX)) {
		if (name_left(c, j, lo, at)) {
			speaks_for(c, lo, at);
			return 1;
		}
		/* "Critics said", "Aides say": a plural noun capitalised only
		 * because it opens the sentence, right before the cue; and
		 * "Police said": an institution */
		if (j != c->sent[t->sent].a || possessive(c, j) ||
		    (j + 1 < c->x.ntok && !(c->x.tok[j + 1].lx &
		    (LX_CUE | LX_ADV))) || (!(t->lx & LX_ORGWORD) &&
		    !ends_with(c, j, "s")))
			return 0;
	}
	/* "Read said": a surname that is also a cue word */
	if (t->cap && (t->lx & LX_CUE) && !(t->lx & (LX_STOP | LX_DET)) &&
	    j + 1 < c->x.ntok && (c->x.tok[j + 1].lx & LX_CUE)) {
		at->spa = j;
		at->spb = j + 1;
		at->sk = SK_NAME;
		return 1;
	}
	return desc_left(c, j, lo, at);
}

/* An adverb in -ly after a name or noun: "Kaine loudly said". */
static int
ly_adverb(const struct ctx *c, size_t i, size_t lo)
{
	const struct tok *t = &c->x.tok[i];

	return t->kind == T_WORD && !t->cap && t->e - t->s > 4 &&
	    memcmp(c->x.in->text + t->e - 2, "ly", 2) == 0 && i > lo &&
	    is_word(c, i - 1) && !(c->x.tok[i - 1].lx & LX_DET);
}

static size_t
skip_adv(const struct ctx *c, size_t j, size_t lo)
{
	for (;;) {
		if (j > lo && is_word(c, j - 1) && ((c->x.tok[j - 1].lx & LX_ADV) ||
		    ly_adverb(c, j - 1, lo)))
			j--;
		else if (j > lo + 1 && is_word(c, j - 1) &&
		    (c->x.tok[j - 1].lx & LX_TIME)) {
			/* "Lu on Thursday disputed", "Smith last week said" */
			size_t k = j - 1;
			while (k > lo && is_word(c, k - 1) && (c->x.tok[k - 1].lx &
			    (LX_TIME | LX_PREP | LX_DET)) && j - k < 4)
				k--;
			if (k > lo && (c->x.tok[k].lx & (LX_PREP | LX_TIME)) &&
			    is_word(c, k - 1) && !(c->x.tok[k - 1].lx & LX_PREP))
				j = k;
			else
				break;
		} else
			break;
	}
	return j;
}

static int
ing_cue(const struct ctx *c, size_t i)
{
	return tl(c, i) > 4 && memcmp(tx(c, i) + tl(c, i) - 3, "ing", 3) == 0;
}

/* "is telling", "was warning": a progressive cue, its subject before
 * the auxiliary. */
static int
progressive(const struct ctx *c, size_t cu, size_t lo)
{
	size_t k;

	if (!ing_cue(c, cu))
		return 0;	/* most cues: no walk over the adverbs */
	k = skip_adv(c, cu, lo);
	return k > lo + 1 && is_word(c, k - 1) && (c->x.tok[k - 1].lx & LX_BE);
}

/* "Ana Ruiz and the dockers' guild said": both speak, so the speaker is
 * the whole coordination as written (a description: no one name stands
 * for it), when it opens the clause or follows a comma and one side is
 * a name.  The first person alone would drop half of who spoke, and the
 * last (all the rules found before) drops the one named first. */
static void
coordinated(const struct ctx *c, size_t lo, struct qt_attr *at)
{
	struct qt_attr l;
	size_t a = at->spa;

	if (at->sk == SK_PRON || a < lo + 2 || !word_is(c, a - 1, W_AND) ||
	    c->x.tok[a - 1].q >= 0)
		return;
	memset(&l, 0, sizeof l);
	if (!np_end_at(c, a - 2, lo, &l) || l.sk == SK_PRON ||
	    (l.sk != SK_NAME && at->sk != SK_NAME) || verb_like(c, a - 2))
		return;
	/* "Both Ruiz and Pike said" */
	if (l.spa == lo + 1 && word_is_text(c, lo, "both"))
		l.spa = lo;
	/* the clause opens there, or a comma before sets it off: "The
	 * strike will end, Ana Ruiz and the guild said" */
	a = sp_open(c, l.spa, lo);
	if (a != lo && !(is_p(c, a - 1, ',') && c->x.tok[a - 1].q < 0))
		return;
	at->spa = l.spa;
	at->sk = SK_DESC;
}

/* "Ana Ruiz of the Harbour Times said": the person, not the paper she
 * writes for; a forename or the tagger's PER opens the person's name
 * (not "Bank of the West") */
static void
affiliated(const struct ctx *c, size_t lo, struct qt_attr *at)
{
	size_t k;

	if (at->sk != SK_NAME)
		return;
	/* "Dana Pell of Reuters", "Sen. Ana Ruiz of Ohio": a run of
	 * capitals that took in "of" and the group or place after it;
	 * two words or more before "of", the first a forename or the
	 * tagger's PER, none a word of an organisation's name (not
	 * "Federal Bureau of Investigation", not "Bank of America") */
	for (k = at->spa + 2; k + 1 < at->spb; k++)
		if (word_is(c, k, W_OF) && !c->x.tok[k].cap) {
			size_t i;
			if (!c->x.tok[k + 1].cap || !((c->x.tok[at->spa].lx &
			    LX_FORENAME) || c->x.tok[at->spa].et == QT_PER))
				break;
			for (i = at->spa; i < k; i++)
				if (!is_word(c, i) ||
				    (c->x.tok[i].lx & LX_ORGWORD))
					break;
			if (i == k && sure_name(c, at->spa, k))
				at->spb = k;
			break;
		}
	if (at->spa < lo + 4 ||
	    !word_is(c, at->spa - 2, W_OF) ||
	    !word_is_text(c, at->spa - 1, "the"))
		return;
	for (k = at->spa - 2; k > lo && namey(c, k - 1); k--)
		;
	if (k + 2 <= at->spa - 2 && ((c->x.tok[k].lx & LX_FORENAME) ||
	    c->x.tok[k].et == QT_PER) && sure_name(c, k, at->spa - 2)) {
		at->spb = at->spa - 2;
		at->spa = k;
	}
}

/* The speaker as subject of the cue at token cu. */
static int
np_before(const struct ctx *c, size_t cu, size_t lo, struct qt_attr *at)
{
	size_t j = skip_adv(c, cu, lo), m;

	if (progressive(c, cu, lo))
		j = skip_adv(c, j - 1, lo);

	if (j <= lo)
		return 0;
	j--;
	/* "Gov. John Kasich (R-OH), said": the parenthesis, not the comma */
	if (is_p(c, j, ',') && j > lo + 2 && is_p(c, j - 1, ')'))
		j--;
	if (is_p(c, j, ',') || is_p(c, j, ')')) {
		int close = c->x.tok[j].ch == ')' ? '(' : ',', tries;
		struct qt_attr first;
		int have = 0;
		size_t f;
		/* "Harry Bond, 30, of Raleigh, N.C., who was polled, said":
		 * the name that opens the chain of commas */
		for (f = lo; f < j && f < lo + 8; f++)
			if (is_p(c, f, ',') && c->x.tok[f].q < 0)
				break;
		if (f > lo && f < j && f < lo + 8 && j - lo < 48 &&
		    np_end_at(c, f - 1, lo, at) && at->sk == SK_NAME &&
		    at->spa <= lo + 3 && c->x.tok[at->spb - 1].et != QT_LOC)
			return 1;
		/* "Anne Richards, assistant secretary for population, refugees,
		 * and migration, said": go back over the appositive's commas
		 * to the name it describes */
		for (tries = 0; tries < 4; tries++) {
			for (m = j; m > lo && j - m < 24; m--)
				if (is_p(c, m - 1, close) || is_mark(c, m - 1))
					break;
			if (m <= lo + 1 || j - m >= 24 || is_mark(c, m - 1))
				break;
			/* "The harbour master, Elsa Brandt, told": the name
			 * between the commas, after a describing phrase */
			if (tries == 0 && close == ',' && j > m && m >= lo + 2) {
				struct qt_attr d, nm_;
				memset(&d, 0, sizeof d);
				memset(&nm_, 0, sizeof nm_);
				if (np_end_at(c, m - 2, lo, &d) && d.sk == SK_DESC &&
				    d.spa <= lo + 1 && np_end_at(c, j - 1, m, &nm_) &&
				    nm_.sk == SK_NAME && nm_.spa == m &&
				    c->x.tok[j - 1].et != QT_LOC) {
					at->spa = nm_.spa;
					at->spb = nm_.spb;
					at->sk = nm_.sk;
					return 1;
				}
			}
			/* "Sander Levin (Mich.), a superdelegate, said" */
			if (close == ',' && m >= lo + 3 && is_p(c, m - 2, ')')) {
				size_t p = m - 2;
				while (p > lo && !is_p(c, p, '(') && m - p < 12)
					p--;
				if (p > lo && is_p(c, p, '(') && np_end_at(c, p - 1,
				    lo, at) && at->sk == SK_NAME)
					return 1;
			}
			if (np_end_at(c, m - 2, lo, at)) {
				/* "Stacy Baker of Columbia, South Carolina,
				 * said": a place is no speaker */
				if ((at->sk == SK_NAME && c->x.tok[at->spb - 1].et !=
				    QT_LOC) || close == '(')
					return 1;
				if (!have) {
					first = *at;
					have = 1;
				}
			}
			j = m - 1;
			close = ',';
		}
		if (have)
			*at = first;
		return have;
	}
	/* "Most skippers questioned said": the phrase and its participle */
	if (j + 1 == cu && j > lo && participle(c, j) &&
	    np_end_at(c, j - 1, lo, at) && at->sk != SK_PRON) {
		at->spb = j + 1;
		return 1;
	}
	/* "legal experts, who worry that": the phrase before "who" */
	if (word_is(c, j, W_WHO) && j > lo + 1)
		return who_np(c, j, lo, at);
	/* "the polling guru who founded fivethirtyeight.com tweeted" */
	for (m = j; m > lo && j - m < 10 && is_word(c, m); m--)
		if (word_is(c, m, W_WHO))
			return who_np(c, m, lo, at) || who_open(c, m,
			    adv_end(c, j + 1, cu), lo, at);
	if (!np_end_at(c, j, lo, at))
		return 0;
	affiliated(c, lo, at);
	coordinated(c, lo, at);
	return 1;
}

/* "... every morning also say": the end of the words before a cue that
 * skip_adv() passed over, less the adverbs, which are no one's name */
static size_t
adv_end(const struct ctx *c, size_t b, size_t cu)
{
	while (cu > b && is_word(c, cu - 1) && (c->x.tok[cu - 1].lx & LX_ADV))
		cu--;
	return cu;
}

/*
 * "Those who fish off the pier say", "Some voters who met him said": a
 * word or two that open the clause and stand for people no name or noun
 * names ("those", "anyone", "some voters") are the speaker together with
 * the relative clause [w, b) that says who they are.
 */
static int
who_open(const struct ctx *c, size_t w, size_t b, size_t lo,
    struct qt_attr *at)
{
	size_t k = w - 1;

	if (w <= lo || !is_word(c, k) || (c->x.tok[k].lx & (LX_STOP |
	    LX_PREP | LX_LINK | LX_CUE | LX_BE | LX_HYPO)) ||
	    ((c->x.tok[k].lx & LX_PRON) && !(c->x.tok[k].lx & LX_DET)))
		return 0;
	if (k > lo && is_word(c, k - 1) && (c->x.tok[k - 1].lx & LX_DET) &&
	    !(c->x.tok[k - 1].lx & LX_PRON) && !(c->x.tok[k].lx & LX_DET))
		k--;
	if (!(k == lo || opens_sent(c, k) || is_p(c, k - 1, ',') ||
	    word_is(c, k - 1, W_AND) || word_is(c, k - 1, W_BUT)))
		return 0;
	set_desc(at, k, b);
	return 1;
}

/*
 * The antecedent of the "who" at token w.  "Jo Bell, 24, of Lima, who
 * said": the name that opens the chain of commas; "said Tom Rath, a
 * party leader who argued": the name the describing phrase is about.
 */
static int
who_np(const struct ctx *c, size_t w, size_t lo, struct qt_attr *at)
{
	struct qt_attr nm;
	size_t j = is_p(c, w - 1, ',') ? w - 2 : w - 1;

	if (j < lo)
		return 0;
	if (is_p(c, w - 1, ',') && np_before(c, w, lo, at) &&
	    at->sk == SK_NAME && at->spb < w - 1)
		return 1;
	if (!np_end_at(c, j, lo, at))
		return 0;
	memset(&nm, 0, sizeof nm);
	if (at->sk == SK_DESC && at->spa > lo + 1 && is_p(c, at->spa - 1, ',') &&
	    np_end_at(c, at->spa - 2, lo, &nm) && nm.sk == SK_NAME &&
	    c->x.tok[nm.spb - 1].et != QT_LOC) {
		at->spa = nm.spa;	/* the speaker only: the cue stays */
		at->spb = nm.spb;
		at->sk = nm.sk;
	}
	return 1;
}

/* The speaker after the cue (inverted: said Ian Wallace). */
static int
np_after(const struct ctx *c, size_t i, size_t hi, struct qt_attr *at)
{
	size_t k;

	if (i >= hi || !is_word(c, i))
		return 0;
	/* "..., say those who fish off the pier": the phrase and its
	 * relative clause, to the comma or the end */
	for (k = i; k < hi && k < i + 2 && is_word(c, k) && !c->x.tok[k].cap &&
	    !(c->x.tok[k].lx & (LX_STOP | LX_PREP | LX_LINK | LX_CUE |
	    LX_BE)); k++)
		if (k + 1 < hi && word_is(c, k + 1, W_WHO) &&
		    (!(c->x.tok[i].lx & LX_PRON) || (c->x.tok[i].lx & LX_DET))) {
			for (k += 2; k < hi && k < i + 24 && (is_word(c, k) ||
			    is_p(c, k, '-')) && c->x.tok[k].q < 0; k++)
				;
			if (k < i + 24 && (k >= hi || is_p(c, k, ','))) {
				set_desc(at, i, k);
				return 1;
			}
			break;
		}
	if (c->x.tok[i].lx & LX_PRON) {
		at->spa = i;
		at->spb = i + 1;
		at->sk = SK_PRON;
		return 1;
	}
	if (name_right(c, i, hi, at)) {
		/* "wrote union spokesman Tom Pike": the name after the role */
		struct qt_attr b2;

		memset(&b2, 0, sizeof b2);
		for (k = at->spb; k < hi && k < at->spb + 3 && is_word(c, k) &&
		    !c->x.tok[k].cap && !(c->x.tok[k].lx & (LX_STOP | LX_CUE |
		    LX_PREP | LX_LINK | LX_BE | LX_DET)) &&
		    !ends_with(c, k, "ed"); k++)
			;	/* "Ruiz thanked Pike": a verb, not a role */
		if (k > at->spb && k < hi && namey(c, k) &&
		    name_right(c, k, hi, &b2)) {
			at->spa = b2.spa;
			at->spb = b2.spb;
			at->sk = b2.sk;
		}
		return 1;
	}
	if (c->x.tok[i].lx & (LX_STOP | LX_TIME | LX_BE | LX_CUE | LX_LINK))
		return 0;
	/* "said master of ceremonies Lena Fisk", "added the mayor's
	 * guest, singer Omar Kessel": the name after the role */
	for (k = i; k < hi && k < i + 7; k++) {
		/* not a name after "for", "from", "with": "said a spokesman
		 * for Ana Ruiz" is the spokesman, "a nurse from Salem" the
		 * nurse; the phrase below takes them whole */
		if (namey(c, k) && k > i && !namey(c, k - 1) &&
		    !(c->x.tok[k - 1].lx & LX_LINK) &&
		    !contracted(c, k) && name_right(c, k, hi, at) &&
		    (at->spb >= hi || !is_word(c, at->spb)))
			return 1;
		if (!(is_word(c, k) || is_p(c, k, ',')) || (is_word(c, k) &&
		    (c->x.tok[k].lx & (LX_STOP | LX_CUE | LX_BE | LX_PREP))))
			break;
	}
	for (k = i; k < hi && k - i < 10 && (is_word(c, k) ||
	    (k > i && plural_poss(c, k))); k++) {
		uint64_t f = c->x.tok[k].lx;
		if (!is_word(c, k))
			continue;
		if (k > i && (f & LX_LINK) && !(f & LX_STOP) && k + 1 < hi &&
		    is_word(c, k + 1))
			continue;
		if (k > i && (f & (LX_STOP | LX_CUE | LX_BE | LX_PREP | LX_TIME |
		    LX_PRON | LX_LINK | LX_ADV | LX_HYPO | LX_NEG)))
			break;
		/* a verb ends the phrase: "The department has deemed"; not
		 * an adjective in -ed between an article and its noun ("one
		 * unaligned strategist", "a retired nurse") */
		if (k > i && !c->x.tok[k].cap && (ly_adverb(c, k, i) ||
		    (ends_with(c, k, "ed") && !((c->x.tok[k - 1].lx & LX_DET) &&
		    !(c->x.tok[k - 1].lx & LX_PRON) && k + 1 < hi &&
		    is_word(c, k + 1) && noun_head(c, k + 1)))))
			break;
	}
	while (k > i + 1 && (c->x.tok[k - 1].lx & (LX_DET | LX_LINK)))
		k--;
	if (k == i || k - i >= 10 || !noun_head(c, k - 1))
		return 0;
	/* "officials", "local officials": a bare phrase must be plural */
	if (!(c->x.tok[i].lx & LX_DET) && !(k - i <= 2 && ends_with(c, k - 1, "s")))
		return 0;
	set_desc(at, i, k);
	return 1;
}

/* ---- cues -------------------------------------------------------------- */

/* A cue starting at token i that is a phrase: sets *end, returns the
 * phrase's flags; 0 if none.  The longest phrase wins; a phrase is looked
 * up only while its words begin some entry (LX_PHRASE). */
static uint64_t
cue_phrase(const struct ctx *c, size_t i, size_t hi, size_t *end,
    uint64_t mask)
{
	char key[LX_MAXKEY];
	size_t n, k, len = 0, best = 0;
	uint64_t f, bf = 0;
	char f0;

	/* most words after a phrase's first ("the") go on none of them:
	 * their length and first letter say so with no look-up (the key
	 * folds A-Z only, as lx_fold() does) */
	if (c->x.r->maxwords < 2 || i + 2 > hi || !is_word(c, i + 1) ||
	    tl(c, i + 1) >= LX_MAXKEY)
		return 0;
	f0 = tx(c, i + 1)[0];
	if (f0 >= 'A' && f0 <= 'Z')
		f0 = (char)(f0 + 32);
	if (!(c->x.r->ph2len[lx_dotclass(f0)] >> tl(c, i + 1) & 1))
		return 0;
	for (n = 1; n <= c->x.r->maxwords && i + n <= hi; n++) {
		k = i + n - 1;
		if (!is_word(c, k) || len + tl(c, k) + 1 >= sizeof key)
			break;
		if (n > 1)
			key[len++] = ' ';
		memcpy(key + len, tx(c, k), tl(c, k));
		len += tl(c, k);
		if (n == 1)
			continue;
		f = lx_get(c->x.r, key, len, NULL);
		if (f & mask) {
			best = n;
			bf = f;
		}
		if (!(f & LX_PHRASE))
			break;
	}
	if (best)
		*end = i + best;
	return bf;
}

/* "Most skippers questioned said", "Those polled say": a verb in -ed
 * right before a reporting verb proper describes that verb's subject */
static int
participle(const struct ctx *c, size_t i)
{
	return i + 1 < c->x.ntok && ends_with(c, i, "ed") &&
	    !c->x.tok[i].cap && is_word(c, i + 1) &&
	    (c->x.tok[i + 1].lx & LX_CORE) && !ing_cue(c, i + 1) &&
	    c->x.tok[i + 1].q < 0;
}

/* Does a cue start at token i?  Sets *end; returns its flags or 0.  mask:
 * LX_CUE, or LX_CUE | LX_ICUE for the cues of reported content too. */
static uint64_t
cue_at1(const struct ctx *c, size_t i, size_t hi, size_t *end, uint64_t mask)
{
	const struct tok *t = &c->x.tok[i];
	uint64_t f;
	size_t k;

	if ((t->lx & LX_PHRASE) && (f = cue_phrase(c, i, hi, end, mask)) != 0)
		return f;
	if (!(t->lx & mask))
		return 0;
	if (participle(c, i))
		return 0;
	/* "Most files were raised": a word of the wider lists right before
	 * a finite "be" is a noun (a verb of saying proper may end a
	 * subject there: "what she said was that ...") */
	if (!(t->lx & LX_CUE) && i + 1 < hi && is_word(c, i + 1) &&
	    (c->x.tok[i + 1].lx & LX_BE) &&
	    (word_is_text(c, i + 1, "is") || word_is_text(c, i + 1, "are") ||
	    word_is_text(c, i + 1, "was") || word_is_text(c, i + 1, "were")))
		return 0;
	/* "the United States needs": a capital inside a name, unless the
	 * words around it are capitalised too, as in a headline */
	if (t->cap && i > 0 && is_word(c, i - 1) && c->x.tok[i - 1].cap &&
	    tpara(c, i - 1) == tpara(c, i) && (i + 1 >= c->x.ntok ||
	    !is_word(c, i + 1) || !c->x.tok[i + 1].cap))
		return 0;
	/* "the said property", "was told": not a speaker's cue */
	k = skip_adv(c, i, 0);
	if (k > 0 && is_word(c, k - 1) && (c->x.tok[k - 1].lx & LX_DET) &&
	    !(c->x.tok[k - 1].lx & LX_PRON)) {
		/* but "Many said", "Two in three say": a count speaks */
		struct qt_attr q;
		if (!count_np(c, k - 1, 0, &q))
			return 0;
	}
	/* "was told" is passive; "is saying", "was telling" are not, and
	 * "is expected to" has no source anyway */
	if (k > 0 && is_word(c, k - 1) && (c->x.tok[k - 1].lx & LX_BE) &&
	    !ing_cue(c, i) && !(t->lx & mask & LX_NOSRC) &&
	    /* "is confident that": a word of belief, no passive */
	    !(!(t->lx & LX_CUE) && !(t->ch & LX_CH(LX_DCUE)) && i + 1 < hi &&
	    word_is(c, i + 1, W_THAT)))
		return 0;
	*end = i + 1;
	return t->lx | (t->ch & LX_CH(LX_DCUE) ? LX_DCUE : 0);
}

/* Most tokens are no cue: that is decided here, where it is inlined. */
static inline uint64_t
cue_at(const struct ctx *c, size_t i, size_t hi, size_t *end)
{
	const struct tok *t = &c->x.tok[i];

	if (t->kind != T_WORD || t->q >= 0 || !(t->lx & (LX_CUE | LX_PHRASE)))
		return 0;
	return cue_at1(c, i, hi, end, LX_CUE);
}

/* The same for the cues of reported content: "believes", "seems" too. */
static inline uint64_t
icue_at(const struct ctx *c, size_t i, size_t hi, size_t *end)
{
	const struct tok *t = &c->x.tok[i];

	if (t->kind != T_WORD || t->q >= 0 || !(t->lx & (LX_CUE | LX_ICUE |
	    LX_PHRASE)))
		return 0;
	return cue_at1(c, i, hi, end, LX_CUE | LX_ICUE | LX_NOSRC);
}

static int
is_according(const struct ctx *c, size_t i)
{
	return word_is(c, i, W_ACCORDING);
}

/* Is token i "a", "an" or "the"?  (LX_DET holds many more words.) */
static int
article(const struct ctx *c, size_t i)
{
	return word_is_text(c, i, "the") || word_is_text(c, i, "a") ||
	    word_is_text(c, i, "an");
}

/* Does an article, a possessive or a demonstrative at i open a second
 * noun phrase (not a number or a quantifier, which LX_DET holds too)? */
static int
opens_np(const struct ctx *c, size_t i)
{
	static const char *const w[] = { "his", "her", "their", "its", "our",
	    "this", "these", "those" };
	size_t k;

	if (!is_word(c, i) || !(c->x.tok[i].lx & LX_DET))
		return 0;
	if (article(c, i))
		return 1;
	for (k = 0; k < sizeof w / sizeof *w; k++)
		if (word_is_text(c, i, w[k]))
			return 1;
	return 0;
}

/* told reporters, tells CNN: the addressee is part of the cue as written */
static size_t
cue_object(const struct ctx *c, size_t cu, size_t end, size_t hi)
{
	struct qt_attr o;
	size_t k;

	if (!(word_is(c, cu, W_TOLD) || word_is(c, cu, W_TELLS) ||
	    word_is(c, cu, W_TELLING) || word_is(c, cu, W_TELL) ||
	    word_is(c, cu, W_ASSURED) || word_is(c, cu, W_WARNED) ||
	    word_is(c, cu, W_REMINDED) || word_is(c, cu, W_INFORMED)))
		return end;
	/* "warned of the losses the port would face": after a cue that
	 * ends in a preposition its object is what was said, no addressee */
	if (end > cu + 1 && is_word(c, end - 1) &&
	    (c->x.tok[end - 1].lx & (LX_PREP | LX_LINK)))
		return end;
	memset(&o, 0, sizeof o);
	if (end < hi && word_is(c, end, W_REPORTERS))
		return end + 1;
	/* "told me he ...", "told me \"...\"", "told us: ...": whom it was
	 * told to, as a pronoun */
	if (end < hi && end + 1 < c->x.ntok && (word_is_text(c, end, "me") ||
	    word_is_text(c, end, "us") || word_is_text(c, end, "him") ||
	    word_is_text(c, end, "them") || word_is_text(c, end, "you")) &&
	    ((end + 1 < hi && is_word(c, end + 1)) || is_mark(c, end + 1) ||
	    is_p(c, end + 1, ':')))
		return end + 1;
	/* "told the board the budget had run dry": told NP CLAUSE with no
	 * "that"; a second article after the addressee's noun opens the
	 * clause's subject (not "told the board's chairman", nor after
	 * "warned of": "the risks a strike would bring") */
	for (k = end + 1; end == cu + 1 && end < hi &&
	    !(c->x.tok[end].lx & LX_PREP) && k < hi && k < end + 6 &&
	    is_word(c, k); k++)
		if (opens_np(c, k) && !(c->x.tok[k - 1].lx & (LX_DET |
		    LX_STOP | LX_PREP | LX_LINK | LX_CUE | LX_BE | LX_PRON))) {
			size_t m;

			/* and a verb follows it: "told a briefing near the
			 * end of ..." is no clause */
			for (m = k + 1; m < hi && m < k + 7 && is_word(c, m) &&
			    !finite_verb(c, m); m++)
				;
			if (m < hi && m < k + 7 && is_word(c, m))
				hi = k;
			break;
		}
	if (np_after(c, end, hi, &o) && o.spb - o.spa <= 5)
		return o.spb;
	return end;
}

/* ---- attribution of quotations --------------------------------------- */

static int subject(const struct ctx *, size_t, size_t, struct qt_attr *);

static size_t
sent_lo(const struct ctx *c, size_t i)
{
	return c->sent[c->x.tok[i].sent].a;
}

static size_t
sent_hi(const struct ctx *c, size_t i)
{
	return c->sent[c->x.tok[i].sent].b;
}

/* "“I,” Ruiz began, “...”": after the closing mark at t - 1 of a first
 * half that ends on a comma, a name or a pronoun, one verb and a comma
 * before the opening mark of the second half attribute both halves,
 * whatever the verb (no list holds every verb a writer puts there) */
static int
mid_frame(const struct ctx *c, size_t t, size_t hi, struct qt_attr *at)
{
	size_t v;

	if (t < 2 || !is_p(c, t - 2, ',') || !is_mark(c, t - 1) ||
	    (c->x.tok[t - 1].ch != MK_CD && c->x.tok[t - 1].ch != MK_CS &&
	    c->x.tok[t - 1].ch != MK_AD && c->x.tok[t - 1].ch != MK_AS))
		return 0;
	for (v = t + 1; v + 2 < hi && v < t + 6 && is_word(c, v); v++)
		if (is_p(c, v + 1, ','))
			break;
	if (v + 2 >= hi || v >= t + 6 || !is_word(c, v) ||
	    !is_p(c, v + 1, ',') || !is_mark(c, v + 2) ||
	    c->x.tok[v + 2].ch == MK_CD || c->x.tok[v + 2].ch == MK_CS ||
	    c->x.tok[v].cap || (c->x.tok[v].lx & (LX_STOP | LX_DET |
	    LX_PREP | LX_PRON | LX_BE | LX_HYPO)))
		return 0;
	if (!np_after(c, t, v, at) || at->spb != v ||
	    at->spa > skip_titles(c, t, v))
		return 0;
	set_cue(at, v, v + 1);
	return 1;
}

/* After the closing mark: ", said X", ", X said", "X told reporters". */
static int
attr_post(const struct ctx *c, size_t t, size_t hi, size_t maxgap,
    struct qt_attr *at)
{
	size_t i, e, lim;

	while (t < hi && (is_p(c, t, ',') || is_p(c, t, '-')))
		t++;
	lim = hi;
	for (i = t; i < hi; i++) {
		/* "McConnell, R-Ky., said", "Blumenauer (D-Ore.) said": a
		 * period before a comma or a closing parenthesis goes on */
		if (is_p(c, i, '.') && i + 1 < hi && (is_p(c, i + 1, ',') ||
		    is_p(c, i + 1, ')')))
			continue;
		if (is_p(c, i, '.') || is_p(c, i, '?') || is_p(c, i, '!') ||
		    is_p(c, i, ';'))
			break;
		/* a quotation opening after the speaker ends the frame */
		if (is_mark(c, i) && (c->x.tok[i].ch == MK_OD ||
		    c->x.tok[i].ch == MK_OS) && i > t + 12)
			break;
	}
	lim = i;
	/* "defended “New York values,” saying ...": the sentence's subject */
	if (t < lim && cue_at(c, t, lim, &e) && ing_cue(c, t) &&
	    subject(c, sent_lo(c, t), t, at)) {
		set_cue(at, t, cue_object(c, t, e, lim));
		return 1;
	}
	if (t < lim && cue_at(c, t, lim, &e) && !ing_cue(c, t)) {
		if (np_after(c, e, lim, at)) {
			set_cue(at, t, e);
			return 1;
		}
	}
	if (mid_frame(c, t, hi, at))
		return 1;
	for (i = t + 1; i < lim && i - t <= maxgap; i++) {
		if (!cue_at(c, i, lim, &e))
			continue;
		if (np_before(c, i, t, at)) {
			set_cue(at, i, cue_object(c, i, e, lim));
			return 1;
		}
		/* "“...” but to take the lead, says Evan Tracey" */
		if (is_p(c, skip_adv(c, i, t) - 1, ',') && !ing_cue(c, i) &&
		    np_after(c, e, lim, at)) {
			set_cue(at, i, e);
			return 1;
		}
	}
	return 0;
}

/* A subordinating word in tokens [a, b): "Ruiz said as the crowd
 * booed" reports nothing of the crowd's. */
static int
subordinate(const struct ctx *c, size_t a, size_t b)
{
	for (; a < b; a++)
		if (word_is(c, a, W_AS) || word_is(c, a, W_WHEN) ||
		    word_is(c, a, W_WHILE) || word_is(c, a, W_AFTER) ||
		    word_is(c, a, W_BEFORE) || word_is(c, a, W_SINCE) ||
		    word_is(c, a, W_UNTIL) || word_is(c, a, W_BECAUSE))
			return 1;
	return 0;
}

/* Before the opening mark: "X said:", "according to X,". */
static int attr_pre1(const struct ctx *, size_t, size_t, struct qt_attr *,
    size_t *);

static int attr_pre0(const struct ctx *, size_t, size_t, struct qt_attr *);

static int
attr_pre(const struct ctx *c, size_t lo, size_t o, struct qt_attr *at)
{
	size_t m;

	/* the second half of “I,” Ruiz began, “...”: its frame, which the
	 * first half's closing mark opens */
	if (o >= lo + 5 && is_p(c, o - 1, ',') && is_word(c, o - 2)) {
		for (m = o - 2; m > lo && o - m < 8 && is_word(c, m - 1); m--)
			;
		if (m > lo && is_mark(c, m - 1) && mid_frame(c, m, o + 1,
		    at) && at->cub + 1 == o)
			return 1;
	}
	return attr_pre0(c, lo, o, at);
}

/*
 * Before the opening mark.  The nearest cue wins, except that a report
 * ("Ruiz insisted that riders who paid ... were “fools.”") goes to
 * the reporting verb around the clause, not to a verb inside it.
 */
static int
attr_pre0(const struct ctx *c, size_t lo, size_t o, struct qt_attr *at)
{
	struct qt_attr outer;
	size_t at_cue, k;

	memset(&outer, 0, sizeof outer);
	if (!attr_pre1(c, lo, o, at, &at_cue))
		return 0;
	if (c->x.tok[at_cue].lx & LX_CORE)
		return 1;
	/* "the heckler yelled: “You suck!”": the inner cue introduces the
	 * quotation itself */
	for (k = at->cub; k + 1 < o && is_word(c, k) && ((c->x.tok[k].lx &
	    LX_ADV) || ly_adverb(c, k, lo)); k++)
		;	/* "fired back forcefully:" */
	if (k + 1 == o && (is_p(c, o - 1, ':') || is_p(c, o - 1, ',')))
		return 1;
	k = at_cue;
	while (k > lo && attr_pre1(c, lo, k, &outer, &k)) {
		/* "critics say he had proposed to “dismantle” it": the
		 * inner speaker opens the clause the outer cue reports */
		/* not "When Ruiz proposed ..., Pike hit back" */
		if ((c->x.tok[k].lx & LX_CORE) && outer.cub <= at_cue &&
		    (word_is(c, outer.cub, W_THAT) || outer.cub <= at->spa) &&
		    !subordinate(c, outer.cub, at->spa) && !(outer.spa > lo &&
		    subordinate(c, outer.spa - 1, outer.spa))) {
			*at = outer;
			return 1;
		}
	}
	return 1;
}

static int
attr_pre1(const struct ctx *c, size_t lo, size_t o, struct qt_attr *at,
    size_t *cue)
{
	size_t i, e;

	for (i = o; i-- > lo;) {
		*cue = i;
		if (c->x.tok[i].q >= 0 || !cue_at(c, i, o, &e))
			continue;
		/* "refusing to say the words": an infinitive has no
		 * subject of its own here */
		if (i > lo && word_is(c, i - 1, W_TO))
			continue;
		if (is_according(c, i)) {
			if (np_after(c, e, o, at)) {
				set_cue(at, i, e);
				return 1;
			}
			continue;
		}
		if (ing_cue(c, i) && !progressive(c, i, lo)) {
			size_t k = skip_adv(c, i, lo);
			/* "with the campaign of X saying ...", "with a top
			 * official citing ..." */
			if (np_before(c, i, lo, at) && sp_open(c, at->spa, lo) > lo &&
			    word_is(c, sp_open(c, at->spa, lo) - 1, W_WITH)) {
				set_cue(at, i, cue_object(c, i, e, o));
				return 1;
			}
			/* "..., saying", "issued a statement saying", and a comma
			 * inside the marks: “New York values,” saying */
			if (k > lo && (is_p(c, k - 1, ',') || (is_word(c, k - 1) &&
			    (c->x.tok[k - 1].lx & LX_ATTRN)) || (k > lo + 1 &&
			    is_mark(c, k - 1) && is_p(c, k - 2, ',')))) {
				/* "Fiorina said, adding ...": that speaker */
				size_t j, e2;
				for (j = k - 1; j-- > lo;) {
					if (c->x.tok[j].q >= 0 || !cue_at(c, j, k, &e2) ||
					    ing_cue(c, j))
						continue;
					if (np_before(c, j, lo, at) ||
					    np_after(c, e2, k, at)) {
						set_cue(at, i, cue_object(c, i, e, o));
						return 1;
					}
					break;
				}
				if (subject(c, lo, k, at)) {
					set_cue(at, i, cue_object(c, i, e, o));
					return 1;
				}
			}
			continue;
		}
		{
			/* "Ruiz stood firm ... and said the board had ...":
			 * the subject the verbs share */
			size_t k = skip_adv(c, i, lo);
			if (k > lo && (word_is(c, k - 1, W_AND) ||
			    word_is(c, k - 1, W_BUT))) {
				if (subject(c, lo, k - 1, at)) {
					set_cue(at, i, cue_object(c, i, e, o));
					return 1;
				}
				continue;
			}
		}
		/* "said Ian Wallace: “...”", but not "say the owner plans
		 * to “...”", where the sentence's subject may speak */
		if (np_before(c, i, lo, at) || (cue_object(c, i, e, o) == e &&
		    np_after(c, e, o, at) && (at->spb == o ||
		    is_p(c, at->spb, ',') || is_p(c, at->spb, ':'))) ||
		    (i > lo && subject(c, lo, i, at) && at->spb <= i)) {
			set_cue(at, i, cue_object(c, i, e, o));
			return 1;
		}
	}
	/* "Perez lobbies for a higher wage: “...”": the colon is the cue */
	if (o > lo + 1 && is_p(c, o - 1, ':') && subject(c, lo, o - 1, at)) {
		set_cue(at, o - 1, o);
		return 1;
	}
	return 0;
}

static size_t
words_in(const struct ctx *c, size_t a, size_t b)
{
	size_t i, n = 0;

	for (i = a; i < b; i++)
		n += is_word(c, i);
	return n;
}

static size_t
qend(const struct ctx *c, const struct iq *q)
{
	size_t p = (size_t)q->para;
	size_t i;

	if (q->c != NONE)
		return q->c;
	for (i = q->o; i < c->x.ntok && tpara(c, i) == (int)p; i++)
		;
	return i;
}

/* The words a title keeps in lower case: articles, short prepositions,
 * conjunctions ("Salt and Iron", "Nine Days in May").  Not every small
 * word of the lexicon: "are", "still", "us" are speech ("Ruiz is with
 * us").  Asked of most lower-case words of a quotation: compared by
 * length, the lexicon's bits first. */
static int
title_small(const struct ctx *c, size_t i)
{
	static const char w2[] = "anasatbyinofonorsoto", w3[] = "theandbutnoryetfor";
	static const char w4[] = "fromintooverwith";
	const char *t = tx(c, i), *l;
	char b[4];
	size_t k, n = tl(c, i), m;

	if (n > 4 || !(c->x.tok[i].lx & (LX_LINK | LX_DET | LX_STOP)))
		return 0;
	if (n == 1)
		return (t[0] | 0x20) == 'a';
	for (k = 0; k < n; k++)
		b[k] = (char)(t[k] | 0x20);
	l = n == 2 ? w2 : n == 3 ? w3 : w4;
	m = n == 2 ? sizeof w2 - 1 : n == 3 ? sizeof w3 - 1 : sizeof w4 - 1;
	for (k = 0; k + n <= m; k += n)
		if (l[k] == b[0] && l[k + 1] == b[1] && (n < 3 ||
		    l[k + 2] == b[2]) && (n < 4 || l[k + 3] == b[3]))
			return 1;
	return 0;
}

static int
title_case(const struct ctx *c, size_t a, size_t b)
{
	size_t i, w = 0;

	for (i = a; i < b; i++) {
		if (!is_word(c, i))
			continue;
		w += c->x.tok[i].cap;
		/* a name's particle too: “Los Hijos de Lorca” */
		if (!c->x.tok[i].cap && !title_small(c, i) &&
		    !(c->x.tok[i].lx & LX_PARTICLE) &&
		    !(tx(c, i)[0] >= '0' && tx(c, i)[0] <= '9'))
			return 0;
	}
	return w > 0;
}

/*
 * Is the quotation [o, e) announced by a word of scare_words?  A word that
 * names a work or a body ("show", "program", "campaign") announces its
 * title, not words in lower case that run on as a clause: 'called the
 * podcast “the only show that gets the harbour right.”', 'his campaign
 * “has no comment.”'; nor is it a word inside a name ('Dr. Ada Song “was
 * wrong.”').  Words that name what is said (term, phrase, so-called, the
 * words) announce whatever follows.
 */
static int
scare_before(const struct ctx *c, size_t o, size_t e)
{
	size_t i = o;
	char key[LX_MAXKEY];
	size_t k;

	if (i == 0 || tpara(c, i - 1) != tpara(c, o))
		return 0;
	if (is_word(c, i - 1) && (c->x.tok[i - 1].lx & LX_SCARE)) {
		if (c->x.tok[i - 1].cap && !opens_sent(c, i - 1))
			return 0;
		/* qt.yaml's mention_words announce anything after them */
		if (c->x.tok[i - 1].ch & LX_CH(LX_MENTW))
			return 1;
		return !(o + 1 < e && is_word(c, o + 1) && !c->x.tok[o + 1].cap &&
		    words_in(c, o + 1, e) >= 3);
	}
	/* "term" or "label", then a comma: the charged term, “...”.  Not
	 * the words or the phrase, which may be said ("in her words, “...”",
	 * "coined a phrase, “...”"), nor a slogan (work_before()) */
	if (i >= 2 && is_p(c, i - 1, ',') && is_word(c, i - 2) &&
	    tpara(c, i - 2) == tpara(c, o) && (c->x.tok[i - 2].lx &
	    LX_SCARE) && (c->x.tok[i - 2].ch & LX_CH(LX_TERMW)))
		return 1;
	/* two-word announcers: known as, the term */
	if (i >= 2 && is_word(c, i - 1) && is_word(c, i - 2) &&
	    tl(c, i - 2) + tl(c, i - 1) + 2 < sizeof key) {
		k = tl(c, i - 2);
		memcpy(key, tx(c, i - 2), k);
		key[k++] = ' ';
		memcpy(key + k, tx(c, i - 1), tl(c, i - 1));
		k += tl(c, i - 1);
		if (lx_get(c->x.r, key, k, NULL) & LX_SCARE)
			return 1;
	}
	return 0;
}

/*
 * A programme after its network: NBC's “Meet the Press.”  The owner is an
 * acronym, so a person's words ("Lu's “fair deal,”") are not taken.
 */
static int
network_before(const struct ctx *c, size_t o)
{
	const char *t = c->x.in->text;
	size_t i = c->x.tok[o].s, n = 0, k;

	while (i > 0 && t[i - 1] == ' ')
		i--;
	if ((k = poss_suffix(t, i)) == 0)
		return 0;
	i -= k;
	while (i > 0 && t[i - 1] >= 'A' && t[i - 1] <= 'Z')
		i--, n++;
	/* the acronym is a whole word: no ASCII letter or digit before it */
	return n >= 2 && (i == 0 || !(((t[i - 1] | 0x20) >= 'a' &&
	    (t[i - 1] | 0x20) <= 'z') || (t[i - 1] >= '0' && t[i - 1] <= '9')));
}

/*
 * A work's title before its byline, as a list item: —“Museum opens,” by the
 * Post's Lu.  Inside a sentence ("the “ugly words,” by Lu") it is speech.
 * The comma may stand inside a quoted title that ends the item (“Lu
 * leaves ‘Salt,’” by Kay), and "the" before the byline's name.
 */
static int
byline_after(const struct ctx *c, size_t o, size_t e)
{
	size_t i = e + 1, p = o, k = e;

	while (p > 0 && tpara(c, p - 1) == tpara(c, o) &&
	    is_mark(c, p - 1))
		p--;
	if (p > 0 && tpara(c, p - 1) == tpara(c, o) &&
	    !is_p(c, p - 1, '-'))
		return 0;
	while (k > o + 1 && is_mark(c, k - 1))
		k--;
	if (k == 0 || !is_p(c, k - 1, ','))
		return 0;
	while (i < c->x.ntok && is_mark(c, i))
		i++;
	if (i + 2 < c->x.ntok && word_is_text(c, i + 1, "the"))
		i++;
	return i + 1 < c->x.ntok && tpara(c, i + 1) == tpara(c, e) &&
	    is_word(c, i) && c->x.tok[i + 1].cap && is_word(c, i + 1) &&
	    word_is_text(c, i - (word_is_text(c, i, "the") ? 1 : 0), "by");
}

/* A noun that announces a work ("film", "podcast"), then a comma, right
 * before the quotation that opens at token o.  Not "dubbed", and not the
 * words that name something said: a slogan is a campaign's speech. */
static int
work_before(const struct ctx *c, size_t o)
{
	static const char *const said[] = { "slogan", "motto", "hashtag",
	    "phrase", "word", "words", "term", "label" };
	size_t k;

	if (o < 2 || tpara(c, o - 2) != tpara(c, o) ||
	    !is_p(c, o - 1, ',') || !is_word(c, o - 2) ||
	    !(c->x.tok[o - 2].lx & LX_SCARE) || ends_with(c, o - 2, "ed"))
		return 0;
	/* a word that is also a cue ("show") is a noun after a determiner,
	 * a possessive or a modifier: the reality television show, */
	if ((c->x.tok[o - 2].lx & (LX_CUE | LX_ICUE)) && (o < 3 ||
	    !is_word(c, o - 3) || tpara(c, o - 3) != tpara(c, o) ||
	    !((c->x.tok[o - 3].lx & LX_DET) || possessive(c, o - 3) ||
	    (!c->x.tok[o - 3].cap && !(c->x.tok[o - 3].lx & (LX_PRON |
	    LX_CUE | LX_ICUE | LX_ADV | LX_STOP | LX_BE)) &&
	    !ends_with(c, o - 3, "s")))))
		return 0;
	for (k = 0; k < sizeof said / sizeof said[0]; k++)
		if (word_is_text(c, o - 2, said[k]))
			return 0;
	return 1;
}

/*
 * A term quoted as a modifier, between a determiner, a possessive or a
 * number (an adjective may come between) and the lower-case noun it
 * describes: the so-called “smart” grid, its “safety check” feature, nine
 * “opt-in” panels.  One to three words, nothing else inside the marks.
 */
static int
attributive(const struct ctx *c, const struct iq *q)
{
	size_t o = q->o, k, i;
	const struct tok *n;

	if (q->c == NONE || q->nparts > 1 || q->c == o + 1 || q->c - o > 4 ||
	    q->c + 1 >= c->x.ntok || o == 0)
		return 0;
	for (k = o + 1; k < q->c; k++)
		if (!is_word(c, k))
			return 0;
	n = &c->x.tok[q->c + 1];
	if (n->kind != T_WORD || n->cap || n->sent != c->x.tok[q->c].sent ||
	    LX_WORD(n->lx) != W_NONE || (n->lx & (LX_STOP | LX_LINK | LX_DET |
	    LX_PREP | LX_CUE | LX_ICUE | LX_ADV | LX_TIME | LX_PRON | LX_BE |
	    LX_HYPO | LX_NEG | LX_NCUE | LX_NOSRC)) || ly_adverb(c, q->c + 1, 0))
		return 0;
	for (i = o; i-- > 0 && o - i <= 2;) {
		const struct tok *t = &c->x.tok[i];
		if (t->sent != c->x.tok[o].sent || t->kind != T_WORD)
			return 0;
		if (((t->lx & LX_DET) && !(t->lx & LX_PRON)) ||
		    possessive(c, i) || (tx(c, i)[0] >= '0' && tx(c, i)[0] <= '9'))
			return 1;
		/* an adjective between: the federal “supermax” prison */
		if (t->cap || LX_WORD(t->lx) != W_NONE || (t->lx & (LX_STOP |
		    LX_LINK | LX_PREP | LX_CUE | LX_ICUE | LX_BE | LX_PRON)))
			return 0;
	}
	return 0;
}

/*
 * A programme or a work named after "on", "in", "with" or "of", or after
 * a day's or a medium's possessive: said on “Meet the Press.”, season
 * four of “Harbour Lights.”, Friday's “Evening Report.”, television's
 * “Scandal,”.  Not after "to", "for" or "by", where the words are said
 * (cheered for “President Lu.”, goes by “Vito,”).
 */
static int
work_after(const struct ctx *c, size_t o)
{
	static const char *const preps[] = { "on", "in", "with" };
	const struct tok *t;
	size_t k;

	if (o == 0 || tpara(c, o - 1) != tpara(c, o) ||
	    !is_word(c, o - 1))
		return 0;
	t = &c->x.tok[o - 1];
	if (word_is(c, o - 1, W_OF))
		return 1;
	for (k = 0; k < sizeof preps / sizeof preps[0]; k++)
		if (word_is_text(c, o - 1, preps[k]))
			return 1;
	if (!possessive(c, o - 1))
		return 0;
	k = tl(c, o - 1) - poss_suffix(tx(c, o - 1), tl(c, o - 1));
	return !t->cap || (lx_get(c->x.r, tx(c, o - 1), k, NULL) & LX_TIME);
}

static int region_cue(const struct ctx *, size_t, size_t);

/*
 * Words quoted as examples of what was written or said: terms such as
 * “toll,” “fare”; words like “ferry”.  A mention, not a quotation.
 */
static int
mention_list(const struct ctx *c, size_t o)
{
	static const char *const nouns[] = { "term", "terms", "word", "words",
	    "phrase", "phrases", "slogan", "slogans", "label", "labels",
	    "hashtag", "hashtags", "keyword", "keywords" };
	size_t k, i;

	if (o >= 3 && word_is_text(c, o - 1, "as") &&
	    word_is_text(c, o - 2, "such"))
		i = o - 3;
	else if (o >= 2 && (word_is_text(c, o - 1, "like") ||
	    word_is_text(c, o - 1, "including")))
		i = o - 2;
	else
		return 0;
	if (tpara(c, i) != tpara(c, o))
		return 0;
	for (k = 0; k < sizeof nouns / sizeof nouns[0]; k++)
		if (word_is_text(c, i, nouns[k]))
			return 1;
	return 0;
}

/*
 * A work or a body named with "called" after a lower-case noun: a play
 * called “Salt,”, a blog, called the “Feed,”.  Not after a speaker or a
 * plural that may be one ("Lu called “Harbour First” a fraud", "they
 * called", "the dockers called").
 */
static int
called_before(const struct ctx *c, size_t o)
{
	size_t i = o, k;
	const struct tok *t;

	if (i > 0 && word_is_text(c, i - 1, "the"))
		i--;
	if (i < 2 || !word_is_text(c, i - 1, "called"))
		return 0;
	k = i - 2;
	if (is_p(c, k, ',') && k > 0)
		k--;
	t = &c->x.tok[k];
	return t->kind == T_WORD && tpara(c, k) == tpara(c, o) && !t->cap &&
	    !(t->lx & (LX_PRON | LX_STOP | LX_BE | LX_ADV)) &&
	    (!ends_with(c, k, "s") || ends_with(c, k, "ss"));
}

/*
 * The next item of a list whose last item was announced as a title or a
 * term: named “Salt,” “Iron” and “Ash”; words such as “ferry,” “toll”.
 * c->listed is the closing mark of that item; only commas, "and" or "or"
 * come between.
 */
static int
listed_next(const struct ctx *c, size_t o)
{
	size_t i;

	if (c->listed == NONE || o <= c->listed || o - c->listed > 3 ||
	    tpara(c, o) != tpara(c, c->listed))
		return 0;
	for (i = c->listed + 1; i < o; i++)
		if (!is_p(c, i, ',') && !word_is(c, i, W_AND) &&
		    !word_is_text(c, i, "or"))
			return 0;
	return 1;
}

/*
 * A word quoted as the subject of its sentence is mentioned, not said:
 * “Containment” has been the policy since 1950; in fact, “Spanish”
 * should be used of Spain alone.  One to three words with no punctuation
 * inside, opening the sentence (or after a short opener and its comma),
 * a lower-case word that is no cue or a parenthesis after it, and no cue
 * in the sentence.  p is the first of the opening marks.
 */
static int
subject_term(const struct ctx *c, const struct iq *q, size_t p, size_t w)
{
	size_t o = q->o, n = q->c + 1, a, i;
	const struct tok *t;

	if (q->c == NONE || q->nparts > 1 || w > 3 || !is_word(c, q->c - 1) ||
	    n >= c->x.ntok || c->x.tok[n].sent != c->x.tok[q->c].sent)
		return 0;
	t = &c->x.tok[n];
	if (!is_p(c, n, '(') && !(t->kind == T_WORD && !t->cap &&
	    !(t->lx & (LX_CUE | LX_ICUE))))
		return 0;
	a = sent_lo(c, o);
	if (p > a) {
		if (!is_p(c, p - 1, ',') || p - 1 - a > 4)
			return 0;
		for (i = a; i + 1 < p; i++)
			if (!is_word(c, i))
				return 0;
	}
	return !region_cue(c, a, sent_hi(c, o));
}

/* A year in parentheses right after the closing mark dates a title or
 * a slogan: “Harbour Lights” (1998), “Yes to the bridge” (2009). */
static int
year_after(const struct ctx *c, const struct iq *q)
{
	size_t n = q->c + 1;
	const char *s;

	if (q->c == NONE || n + 2 >= c->x.ntok || !is_p(c, n, '(') ||
	    !is_word(c, n + 1) || tl(c, n + 1) != 4 || !is_p(c, n + 2, ')'))
		return 0;
	s = tx(c, n + 1);
	return (!memcmp(s, "19", 2) || !memcmp(s, "20", 2)) &&
	    s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9';
}

static int classify1(struct ctx *, struct iq *, int, int);

/* A term of one to three words glued by a hyphen to the word after its
 * closing mark is part of a compound word, not words said: the
 * “ferry”-shaped budget, a “no”-vote campaign.  Nothing but words inside
 * the marks, and a hyphen, not a dash: “We won”-said Lu is speech. */
static int
compound_term(const struct ctx *c, const struct iq *q, size_t w)
{
	size_t k = q->c, i;

	if (k == NONE || q->nparts > 1 || w > 3 || k + 2 >= c->x.ntok ||
	    !is_p(c, k + 1, '-') || c->x.tok[k + 1].s != c->x.tok[k].e ||
	    c->x.tok[k + 1].e != c->x.tok[k + 1].s + 1 ||
	    c->x.in->text[c->x.tok[k + 1].s] != '-' || !is_word(c, k + 2) ||
	    c->x.tok[k + 2].s != c->x.tok[k + 1].e)
		return 0;
	for (i = q->o + 1; i < k; i++)
		if (!is_word(c, i))
			return 0;
	return 1;
}

/*
 * A work named before an apposition that says what it is: “Salt Roads,”
 * a film about the harbour; “Dockside,” the podcast that ...  A comma
 * inside or right after the closing mark, an article, up to two lower
 * case words, then a noun of scare_words that names a work and no noun
 * after it ("“We won,” a campaign aide said" is speech).
 */
static int
work_apposed(const struct ctx *c, const struct iq *q)
{
	size_t k = q->c, i, n;
	const struct tok *t;

	if (k == NONE || q->nparts > 1 || k < 2)
		return 0;
	if (is_p(c, k - 1, ','))
		i = k + 1;
	else if (k + 1 < c->x.ntok && is_p(c, k + 1, ','))
		i = k + 2;
	else
		return 0;
	if (i + 2 >= c->x.ntok || c->x.tok[i].sent != c->x.tok[k].sent ||
	    !is_word(c, i) || !(c->x.tok[i].lx & LX_DET) ||
	    (c->x.tok[i].lx & LX_PRON))
		return 0;
	for (n = i + 1; n < c->x.ntok && n <= i + 3; n++) {
		t = &c->x.tok[n];
		if (t->kind != T_WORD || t->cap || t->sent != c->x.tok[k].sent ||
		    (t->lx & (LX_CUE | LX_ICUE | LX_PRON | LX_BE)))
			return 0;
		if (!(t->lx & LX_SCARE) || ends_with(c, n, "ed"))
			continue;
		/* qt.yaml's said_words name words said */
		if (t->ch & LX_CH(LX_SAIDW))
			return 0;
		if (n + 1 >= c->x.ntok || c->x.tok[n + 1].sent != t->sent)
			return 1;
		t = &c->x.tok[n + 1];
		return t->kind == T_PUNCT || (t->kind == T_WORD && !t->cap &&
		    ((t->lx & LX_PREP) || word_is(c, n + 1, W_THAT) ||
		    word_is(c, n + 1, W_WHICH) || word_is(c, n + 1, W_WHO) ||
		    ends_with(c, n + 1, "ed")));
	}
	return 0;
}

/*
 * A title cited in parentheses with its source, as letters to the editor
 * cite the story they answer: (“Pier vote delayed,” Harbour Times, May 2).
 * Opens right after the bracket, a comma ends it, a capitalised word and
 * no cue follow up to the closing bracket: (“We won,” Lu said) is speech.
 */
static int
cited_paren(const struct ctx *c, const struct iq *q)
{
	size_t k = q->c, i, p = q->o;

	while (p > 0 && is_mark(c, p - 1))
		p--;
	if (k == NONE || q->nparts > 1 || p == 0 || !is_p(c, p - 1, '(') ||
	    !is_p(c, k - 1, ',') || k + 1 >= c->x.ntok || !is_word(c, k + 1) ||
	    !c->x.tok[k + 1].cap)
		return 0;
	for (i = k + 1; i < c->x.ntok && i <= k + 12 &&
	    tpara(c, i) == q->para; i++) {
		if (is_p(c, i, ')'))
			return 1;
		if (is_mark(c, i) || (is_word(c, i) &&
		    (c->x.tok[i].lx & (LX_CUE | LX_ICUE))))
			return 0;
	}
	return 0;
}

/*
 * A title before the role it gave someone and that person's name:
 * “Salt and the Sea” star Ana Ruiz, “Night Ferry” creator Tom Pike.  Only
 * words inside the marks, all capitalised but at most one, then a lower
 * case word that is no cue, verb-like small word or preposition, then a
 * capitalised word.
 */
static int
title_role(const struct ctx *c, const struct iq *q, size_t w)
{
	size_t k = q->c, i, low = 0;
	const struct tok *t;

	if (k == NONE || q->nparts > 1 || w < 2 || w > 8 || k + 2 >= c->x.ntok ||
	    !is_word(c, q->o + 1) || !c->x.tok[q->o + 1].cap)
		return 0;
	t = &c->x.tok[k + 1];
	if (t->kind != T_WORD || t->cap || t->sent != c->x.tok[k].sent ||
	    LX_WORD(t->lx) != W_NONE || (t->lx & (LX_STOP | LX_LINK | LX_DET |
	    LX_PREP | LX_CUE | LX_ICUE | LX_ADV | LX_TIME | LX_PRON | LX_BE |
	    LX_HYPO | LX_NEG | LX_NCUE | LX_NOSRC)) || !is_word(c, k + 2) ||
	    !c->x.tok[k + 2].cap || c->x.tok[k + 2].sent != t->sent)
		return 0;
	for (i = q->o + 1; i < k; i++) {
		if (!is_word(c, i))
			return 0;
		low += !c->x.tok[i].cap && !title_small(c, i);
	}
	return low <= 1;
}

/* Does the quotation q, its first mark at token p, open its sentence and
 * end in a comma, "?" or "!" inside the marks, with its own attribution
 * right after the closing mark (“...,” Ortiz said, “...?” asked the
 * mayor)?  Not “Harbour Lights” Star Asked ..., a headline's title. */
static int
said_after(const struct ctx *c, const struct iq *q, size_t p, int attributed)
{
	const struct qt_attr *at = &q->at;
	size_t k;

	if (!attributed || at->how != AT_OWN || q->c == NONE || q->c < 1 ||
	    c->x.tok[q->c - 1].kind != T_PUNCT ||
	    !c->x.tok[q->c - 1].ch || !strchr(",?!", c->x.tok[q->c - 1].ch) ||
	    at->cub <= at->cua || at->cua <= q->c || at->spb <= at->spa ||
	    at->spa <= q->c)
		return 0;
	if (p > 0 && tpara(c, p - 1) == q->para &&
	    c->x.tok[p - 1].sent == c->x.tok[p].sent)
		return 0;
	k = at->spa < at->cua ? at->spa : at->cua;
	return k <= q->c + 2;
}

/* Classify one part; returns QT_DIRECT, QT_PARTIAL, or -1 (not speech). */
static int
classify(struct ctx *c, struct iq *q, int attributed, int title)
{
	int f, listed;

	if (q->nparts <= 1 && q->c != NONE && !title &&
	    listed_next(c, q->o) && words_in(c, q->o + 1, q->c) <= 8) {
		f = -1;
		listed = 1;
	} else {
		c->announced = 0;
		f = classify1(c, q, attributed, title);
		listed = f < 0 && c->announced;
	}
	c->listed = listed && q->c != NONE && q->nparts <= 1 ? q->c : NONE;
	return f;
}

static size_t verb_after(const struct ctx *, size_t, size_t);

/* Has the sentence of the quotation at o a subject of its own before it,
 * other than a pronoun, and a verb after that subject ("Lu decried the
 * board for “turning its back”")? */
static int
own_subject(const struct ctx *c, size_t o)
{
	struct qt_attr at;
	size_t lo = sent_lo(c, o);

	memset(&at, 0, sizeof at);
	return o - lo <= SUBJ_REACH && subject(c, lo, o, &at) &&
	    at.sk != SK_PRON && at.spb < o && verb_after(c, at.spb, o) != NONE;
}

/* Is a cue among the n words before token p, in p's sentence? */
static int
cue_near(const struct ctx *c, size_t p, size_t n)
{
	size_t i;

	for (i = p; i > 0 && p - i < n && c->x.tok[i - 1].sent ==
	    c->x.tok[p].sent; i--)
		if (is_word(c, i - 1) && (c->x.tok[i - 1].lx & LX_CUE))
			return 1;
	return 0;
}

static int
classify1(struct ctx *c, struct iq *q, int attributed, int title)
{
	size_t o = q->o, e = qend(c, q), w = words_in(c, o + 1, e), p;
	int upper, startish, tc = -1;

	/* asked up to eight times below: once */
#define TITLED() (tc >= 0 ? tc : (tc = title_case(c, o + 1, e)))

	if (w == 0)
		return -1;
	/* not right after its cue: 'the sign read “...,” a website' */
	if (compound_term(c, q, w) || title_role(c, q, w) ||
	    (!title && w <= 12 && work_apposed(c, q) && !cue_near(c, o, 2)))
		return c->announced = 1, -1;
	if (scare_before(c, o, e) || mention_list(c, o))
		return c->announced = 1, -1;
	if (c->odd_single && !title && (c->x.tok[o].ch == MK_OS ||
	    c->x.tok[o].ch == MK_AS))
		return -1;
	/* a value in left-over markup: <tweet author="..."> */
	if (c->x.tok[o].s > 0 && c->x.in->text[c->x.tok[o].s - 1] == '=')
		return -1;
	/* a nickname inside a name: Dwayne "The Rock" Johnson; not words
	 * that end a sentence before the next one's subject (said Lu "lost
	 * it." Kay laughed) */
	if (o > 0 && q->c != NONE && q->c + 1 < c->x.ntok &&
	    tpara(c, o - 1) == q->para && namey(c, o - 1) &&
	    c->x.tok[q->c + 1].sent == c->x.tok[q->c].sent &&
	    !(c->x.tok[q->c - 1].kind == T_PUNCT &&
	    strchr(".?!", c->x.tok[q->c - 1].ch)) && namey(c, q->c + 1) &&
	    w <= 3 && TITLED())
		return -1;
	upper = o + 1 < e && is_word(c, o + 1) && (c->x.tok[o + 1].cap ||
	    (tx(c, o + 1)[0] >= '0' && tx(c, o + 1)[0] <= '9'));
	p = o;
	while (p > 0 && tpara(c, p - 1) == q->para && is_mark(c, p - 1))
		p--;
	startish = p == 0 || tpara(c, p - 1) != q->para ||
	    c->x.tok[p - 1].sent != c->x.tok[p].sent ||
	    is_p(c, p - 1, ':') || is_p(c, p - 1, ',') || is_p(c, p - 1, '.') ||
	    is_p(c, p - 1, '?') || is_p(c, p - 1, '!') || is_p(c, p - 1, '-') ||
	    (is_word(c, p - 1) && (c->x.tok[p - 1].lx & LX_CUE));
	/* a letter named, not said: pressed “R” or “D,” on the ballot */
	if (w == 1 && is_word(c, o + 1) && tl(c, o + 1) == 1 &&
	    !(tx(c, o + 1)[0] >= '0' && tx(c, o + 1)[0] <= '9') &&
	    tx(c, o + 1)[0] != 'I' &&
	    (e == o + 2 || (e == o + 3 && is_p(c, o + 2, ','))))
		return -1;
	/* a one-word label with its colon: “Related:” */
	if (w == 1 && e == o + 3 && is_p(c, o + 2, ':'))
		return -1;
	if (!title && (subject_term(c, q, p, w) || year_after(c, q)))
		return -1;
	/* a speaker found only in the next sentence is not in this one's:
	 * a short quotation needs a subject and a verb of its own there
	 * (a “private” affair, it was hard to “win”) */
	if (attributed && q->at.how == AT_NEXT && !own_subject(c, o))
		attributed = 0;
	if (!attributed && !title) {
		int punct = e > o + 1 && c->x.tok[e - 1].kind == T_PUNCT &&
		    strchr(".?!,", c->x.tok[e - 1].ch);
		if (w <= 3 && !punct)
			return -1;
		if (w <= 8 && !punct && TITLED())
			return -1;
	}
	if (w <= 8 && TITLED() && network_before(c, o))
		return c->announced = 1, -1;
	/* a programme named where it was said: on “Meet the Press.” */
	if (!title && w <= 6 && TITLED() && e > o + 1 &&
	    c->x.tok[e - 1].kind == T_PUNCT && strchr(".,",
	    c->x.tok[e - 1].ch) && work_after(c, o))
		return c->announced = 1, -1;
	/* a work named in apposition: the movie, “Nine Days in May,” */
	if (w <= 10 && TITLED() && work_before(c, o))
		return c->announced = 1, -1;
	if (!title && w <= 8 && called_before(c, o) && TITLED())
		return c->announced = 1, -1;
	if (q->c != NONE && (byline_after(c, o, e) || cited_paren(c, q)))
		return -1;
	/* a programme or a book named in a report: “Fox & Friends,”; not
	 * words that open their sentence with their own attribution right
	 * after them (“Come with us,” Ortiz said), which title_case() takes
	 * for a title when their lower-case words are all small ones */
	if (!title && w >= 2 && w <= 8 && !said_after(c, q, p, attributed) &&
	    TITLED() &&
	    !(e > o + 1 && c->x.tok[e - 1].kind == T_PUNCT &&
	    strchr(".?!", c->x.tok[e - 1].ch)))
		return -1;
	/* a title in title case that ends its sentence after a lower-case
	 * word of running text: missing from “Harbour Nights.”, a co-author
	 * of “Salt and Iron: A Life.”.  Not a few words after its own cue
	 * (called the plan “A Real Disgrace.”), nor
	 * after to or for, or an -ing form (chanting “Save the Ferry.”),
	 * where the words are said */
	if (!title && w >= 2 && w <= 12 && !startish && e > o + 1 &&
	    is_p(c, e - 1, '.') && is_word(c, p - 1) && !c->x.tok[p - 1].cap &&
	    !word_is(c, p - 1, W_TO) && !word_is_text(c, p - 1, "for") &&
	    !ends_with(c, p - 1, "ing") &&
	    !cue_near(c, p, 5) && TITLED())
		return c->announced = 1, -1;
	if (q->part > 1)
		return QT_DIRECT;
	/* “A,” she said, “b.”: the second half goes on with the first */
	if (p > 0 && is_p(c, p - 1, ',') && q > c->q) {
		const struct iq *pq = q - 1;
		while (pq > c->q && pq->chain != (long)(pq - c->q))
			pq--;
		if (pq->c != NONE && pq->para == q->para && o - pq->c <= 8 &&
		    pq->form == QT_DIRECT && !upper)
			return QT_DIRECT;
	}
	return upper && startish ? QT_DIRECT : QT_PARTIAL;
#undef TITLED
}

/* Is there a cue outside quotations in tokens [a, b)? */
static int
region_cue(const struct ctx *c, size_t a, size_t b)
{
	size_t i, e;

	for (i = a; i < b; i++)
		if (c->x.tok[i].q < 0 && cue_at(c, i, b, &e))
			return 1;
	return 0;
}

/* Words of tokens [a, b) outside quotations. */
static size_t
outside_words(const struct ctx *c, size_t a, size_t b)
{
	size_t i, n = 0;

	for (i = a; i < b; i++)
		n += is_word(c, i) && c->x.tok[i].q < 0;
	return n;
}

/* after_cue() is further down, with the reports it serves. */
static size_t after_cue(const struct ctx *, size_t, size_t, size_t);

/*
 * A sentence that ends with its cue ("Sam Lau, the party's spokesman,
 * said in a statement.", "Howard went on:") frames the quotation after
 * it: the sentence before token lo, in paragraph para or the one before.
 */
static int
frame_before(const struct ctx *c, size_t lo, int para, struct qt_attr *at)
{
	size_t a, b, i, e;
	int s = c->x.tok[lo].sent;

	if (s == 0 || c->sent[s - 1].para < para - 1)
		return 0;
	a = c->sent[s - 1].a;
	b = c->sent[s - 1].b;
	while (b > a && c->x.tok[b - 1].kind == T_PUNCT)
		b--;
	for (i = b; i-- > a && b - i <= 12;) {
		if (c->x.tok[i].q >= 0)
			return 0;
		if (!cue_at(c, i, b, &e))
			continue;
		if (after_cue(c, i, e, b) < b)
			return 0;
		if (np_before(c, i, a, at) || np_after(c, e, b, at)) {
			set_cue(at, i, e);
			return 1;
		}
		return 0;
	}
	return 0;
}

/* The verb after a subject ending at token i, before token o: a lower
 * case word after any adverbs ("also bemoaned"), or NONE. */
static size_t
verb_after(const struct ctx *c, size_t i, size_t o)
{
	while (i < o && is_word(c, i) && ((c->x.tok[i].lx & LX_ADV) ||
	    ly_adverb(c, i, 0)))
		i++;
	if (i >= o || !is_word(c, i) || c->x.tok[i].cap ||
	    (c->x.tok[i].lx & (LX_STOP | LX_LINK | LX_DET)))
		return NONE;
	return i;
}

/*
 * Does the story set its speech in double marks?  Then a quotation in
 * single marks outside the headline is a sub-head, a title or a scare
 * quote (the mayor's ‘reset’), not speech; a paper that quotes in
 * single marks keeps them.
 */
static int
house_style(const struct ctx *c, long title)
{
	size_t i, nd = 0, ns = 0;
	int m;

	for (i = 0; i < c->nq; i++) {
		if (c->q[i].chain != (long)i || c->q[i].para == title)
			continue;
		m = c->x.tok[c->q[i].o].ch;
		if (m == MK_OS || m == MK_AS)
			ns++;
		else
			nd++;
	}
	return nd >= 2 && nd > ns;
}

/*
 * Does the cue at token cu take a clause of its own: "Okafor said he
 * would ...", "said that ..."?  Then the sentence reports that clause,
 * and a quotation that ended its sentence before it is not its object
 * (“... this week.” Okafor said he would complain).  be ends the
 * sentence.
 */
static int
cue_clause(const struct ctx *c, size_t cu, size_t be)
{
	size_t e, x;

	if (!cue_at(c, cu, be, &e))
		return 0;
	x = after_cue(c, cu, e, be);
	return x < be && x >= e && is_word(c, x) &&
	    !(c->x.tok[x].lx & LX_TIME) && ((c->x.tok[x].lx & (LX_PRON |
	    LX_DET)) || (word_is(c, x - 1, W_THAT) && subject_word(c, x)));
}

/* A speaker found after a quotation that ends with its own full stop,
 * question or exclamation mark, before a cue that takes a clause; the
 * caller asks only when the paragraph has a speaker already. */
static int
post_report(const struct ctx *c, const struct iq *last, const struct qt_attr *at,
    size_t hi)
{
	size_t k = last->c;

	if (k == NONE || k == 0 || at->spa <= k || at->spb > at->cua ||
	    c->x.tok[k - 1].kind != T_PUNCT || !strchr(".?!", c->x.tok[k - 1].ch))
		return 0;
	return cue_clause(c, at->cua, hi);
}

/* Is the paragraph after the quotation q (its last part, no words outside
 * the marks in tokens [lo, hi)) a dash and a name alone, or a name and a
 * comma: "- Ana Ruiz.", "—Mayor Ana Ruiz, at the pier."?  Not a subhead
 * framed by dashes ("– Old hands –"). */
static int
credit_line(const struct ctx *c, const struct iq *q, size_t lo, size_t hi,
    struct qt_attr *at)
{
	size_t d = q->c + 1, b;
	struct qt_attr n;

	while (d < c->x.ntok && tpara(c, d) == q->para &&
	    c->x.tok[d].kind == T_PUNCT && c->x.tok[d].ch == '.')
		d++;
	if (d + 1 >= c->x.ntok || tpara(c, d) != q->para + 1 ||
	    !is_p(c, d, '-') || tpara(c, d + 1) != q->para + 1)
		return 0;
	for (b = d + 1; b < c->x.ntok && tpara(c, b) == q->para + 1; b++)
		;
	if (b - d > 16 || outside_words(c, lo, hi) != 0)
		return 0;
	memset(&n, 0, sizeof n);
	if (!name_right(c, d + 1, b, &n) || n.sk != SK_NAME ||
	    (n.spb < b && !is_p(c, n.spb, '.') && !is_p(c, n.spb, ',')))
		return 0;
	/* "– Old hands –": a subhead, not a credit */
	if (is_p(c, b - 1, '-') || (b - 2 > d && is_p(c, b - 2, '-')))
		return 0;
	*at = n;
	set_cue(at, d, d + 1);
	at->how = AT_NEXT;
	return 1;
}

/* The paragraph after a quotation that lost its closing mark: a name and
 * its group, the closing mark at its end (“... / Dean Lu, Harbour
 * Institute.”, “... / Mira Holt of the union.”), the credit set inside
 * the marks as quote round-ups do.  At most 16 tokens, no other mark. */
static int
credit_inside(const struct ctx *c, const struct iq *q, struct qt_attr *at)
{
	size_t d = qend(c, q), b, k;
	struct qt_attr n;

	if (q->c != NONE || q->nparts > 1 || d >= c->x.ntok ||
	    tpara(c, d) != q->para + 1)
		return 0;
	for (b = d; b < c->x.ntok && tpara(c, b) == q->para + 1; b++)
		if (b - d > 16)
			return 0;
	k = b - 1;
	if (k <= d + 1 || !is_mark(c, k) || (c->x.tok[k].ch != MK_CD &&
	    c->x.tok[k].ch != MK_AD))
		return 0;
	for (b = d; b < k; b++)
		if (is_mark(c, b))
			return 0;
	memset(&n, 0, sizeof n);
	if (!name_right(c, d, k, &n) || n.sk != SK_NAME || n.spb >= k ||
	    (!is_p(c, n.spb, '.') && !is_p(c, n.spb, ',') &&
	    !word_is(c, n.spb, W_OF)))
		return 0;
	*at = n;
	set_cue(at, d, d);
	at->how = AT_NEXT;
	return 1;
}

static void
attribute_quotes(struct ctx *c, size_t nind)
{
	size_t i, j, ii = 0, lastend = 0;
	long title = headline(c);
	const struct qt_attr *last = NULL;
	const struct qt_rec *ind = NULL;	/* the last report passed */
	int lastpara = -10;

	c->odd_single = house_style(c, title);
	c->listed = NONE;
	for (i = 0; i < c->nq; i++) {
		struct iq *q = &c->q[i], *last_part;
		struct qt_attr at;
		const struct qt_rec *rep;
		size_t lo, hi, next, e;
		int ok = 0, held;

		if (q->chain != (long)i)
			continue;
		for (j = i; j + 1 < c->nq && c->q[j + 1].chain == (long)i; j++)
			;
		last_part = &c->q[j];
		memset(&at, 0, sizeof at);
		lo = sent_lo(c, q->o);
		if (q->o - lo > QT_REACH)
			lo = q->o - QT_REACH;
		e = qend(c, last_part);
		next = hi = e < c->x.ntok ? sent_hi(c, e) : c->x.ntok;
		/* one that lost its closing mark ends with its paragraph:
		 * the next one's sentence is not its own */
		if (last_part->c == NONE && q->nparts <= 1)
			next = hi = e;
		if (e < c->x.ntok && hi - e > QT_REACH)
			hi = e + QT_REACH;
		/* a speaker already in the paragraph goes on past a sentence
		 * that reports something else ("“...” Okafor said he would") */
		held = last && lastpara == q->para;
		if (last_part->c != NONE)
			ok = attr_post(c, last_part->c + 1, hi, 4, &at) &&
			    !(held && post_report(c, last_part, &at, hi));
		if (!ok)
			ok = attr_pre(c, lo, q->o, &at);
		if (!ok && last_part->c != NONE)
			ok = attr_post(c, last_part->c + 1, hi, 20, &at) &&
			    !(held && post_report(c, last_part, &at, hi));
		if (ok)
			at.how = AT_OWN;
		/* the sentence after, when it names a speaker and quotes nothing */
		if (!ok && e < c->x.ntok && next < c->x.ntok &&
		    tpara(c, next) == last_part->para &&
		    c->x.tok[next].kind != T_MARK) {
			size_t s2 = (size_t)c->x.tok[next].sent, k;
			int quotes = 0;
			for (k = c->sent[s2].a; k < c->sent[s2].b &&
			    k < c->sent[s2].a + QT_REACH; k++)
				quotes |= c->x.tok[k].q >= 0;
			if (!quotes) {
				for (k = c->sent[s2].a; k < c->sent[s2].b &&
				    k < c->sent[s2].a + 16; k++) {
					size_t ce;
					if (cue_at(c, k, c->sent[s2].b, &ce) &&
					    (np_before(c, k, c->sent[s2].a, &at) ?
					    !cue_clause(c, k, c->sent[s2].b) :
					    np_after(c, ce, c->sent[s2].b, &at))) {
						set_cue(&at, k, cue_object(c, k, ce,
						    c->sent[s2].b));
						ok = 1;
						at.how = AT_NEXT;
						break;
					}
				}
				/* "That was the warning from the minister, Grace
				 * Obi": a person named after "from" */
				for (k = c->sent[s2].a; !ok && k + 1 < c->sent[s2].b &&
				    k < c->sent[s2].a + 10; k++) {
					size_t n;
					if (!word_is(c, k, W_FROM))
						continue;
					if (np_after(c, k + 1, c->sent[s2].b, &at) &&
					    at.sk == SK_DESC && at.spb + 1 < c->sent[s2].b &&
					    is_p(c, at.spb, ',') &&
					    name_right(c, at.spb + 1, c->sent[s2].b, &at))
						n = 1;
					else
						n = np_after(c, k + 1, c->sent[s2].b, &at) &&
						    at.sk == SK_NAME;
					if (n) {
						set_cue(&at, k, k);
						ok = 1;
						at.how = AT_NEXT;
					}
				}
			}
		}
		/* a credit line under a quotation that fills its paragraph,
		 * a dash and a name ("“...” / - Ana Ruiz." in a fact check's
		 * list of claims) */
		if (!ok && last_part->c != NONE)
			ok = credit_line(c, last_part, lo, hi, &at);
		if (!ok && last_part->c == NONE)
			ok = credit_inside(c, last_part, &at);
		/* a colon ends the sentence before: "Caddell continued:" */
		if (!ok && lo > 0 && is_p(c, lo - 1, ':')) {
			size_t pl = sent_lo(c, lo - 1);
			if (attr_pre(c, pl, lo - 1, &at)) {
				ok = 1;
				at.how = AT_OWN;
			} else if (outside_words(c, lo, q->o) == 0 &&
			    subject(c, pl, lo - 1, &at) && at.sk != SK_PRON &&
			    at.spb < lo - 1) {
				/* "Partial transcript as follows:", "The
				 * minister released this statement:": the
				 * frame's subject, the colon its cue */
				set_cue(&at, lo - 1, lo);
				ok = 1;
				at.how = AT_OWN;
			}
		}
		/* a quote-only paragraph, or a quotation opening its sentence,
		 * goes on with the last speaker: of a quotation or a report */
		while (ii < nind && c->out[ii].end <= c->x.tok[q->o].s)
			if (!c->out[ii++].weak)
				ind = &c->out[ii - 1];
		if (!ok && (outside_words(c, lo, hi) <= 1 ||
		    (outside_words(c, lo, q->o) == 0 &&
		    !region_cue(c, lo, hi)))) {
			if (frame_before(c, lo, q->para, &at)) {
				at.how = AT_PREV;
				ok = 1;
			} else if (ind && ind->at.spb > ind->at.spa &&
			    q->para - ind->para <= 1 && (!last ||
			    (ind->end > lastend && lastpara != q->para))) {
				/* a report after the last quotation, unless that
				 * quotation is in this paragraph: its speaker
				 * goes on ("“A,” said X, after Y claimed ...
				 * “B.”") */
				at = ind->at;
				at.how = AT_PREV;
				ok = 1;
			} else if (last && q->para - lastpara <= 1) {
				at = *last;
				at.how = AT_PREV;
				ok = 1;
			}
		}
		if (q->para == title && (!ok || at.sk != SK_NAME)) {
			/* a headline's speaker is the one the story names */
			if (!ok)
				memset(&at, 0, sizeof at);
			at.how = AT_TITLE;
			ok = 1;
		}
		/* a fragment quoted inside a report ("Staff say the mayor
		 * will “fully back” Pike") is the reporter's */
		rep = NULL;
		if (j == i && q->c != NONE && ii < nind &&
		    c->out[ii].start <= c->x.tok[q->o].s &&
		    c->out[ii].end >= c->x.tok[q->c].e &&
		    c->out[ii].at.spb > c->out[ii].at.spa && !c->out[ii].weak)
			rep = &c->out[ii];
		if (!ok && rep) {
			at = rep->at;
			ok = 1;
		}
		/* a search that failed may have filled in a speaker: a record
		 * is attributed or not at all */
		if (!ok)
			memset(&at, 0, sizeof at);
		for (j = i; j < c->nq && c->q[j].chain == (long)i; j++) {
			c->q[j].at = at;
			c->q[j].form = classify(c, &c->q[j], ok,
			    q->para == title);
		}
		if (rep && q->form >= 0)
			q->at = rep->at;
		/* a term quoted as a modifier ("the “qualified” spat") is a
		 * scare quote unless it is said: in a report, or right after
		 * its own cue ("asked for a “no wake” zone"), in the headline
		 * as anywhere ("Court halts the town's 'safe harbour' rule") */
		if (j == i + 1 && q->form >= 0 && !rep &&
		    attributive(c, q) && !(ok && at.how == AT_OWN &&
		    at.cub > at.cua && at.cub <= q->o))
			q->form = -1;
		/* a fragment quoted after a verb no list has ("Okafor lamented
		 * a season in which fans “boo their own team”"): the subject
		 * of its sentence, the verb after it as the cue */
		if (!ok && q->form >= 0 && q->para != title && j == i + 1 &&
		    q->o - lo <= SUBJ_REACH && subject(c, lo, q->o, &at) &&
		    at.spb < q->o) {
			size_t v = verb_after(c, at.spb, q->o);
			/* no verb after it: the phrase took the verb in
			 * ("The ad targets ...") and is no subject */
			if (v != NONE) {
				set_cue(&at, v, v + 1);
				at.how = AT_OWN;
				q->at = at;
			} else
				memset(&q->at, 0, sizeof q->at);
			continue;	/* a guess: no speaker for what follows */
		}
		if (ok && q->form >= 0) {
			last = &q->at;
			lastpara = last_part->para;
			lastend = c->x.tok[e < c->x.ntok ? e : c->x.ntok - 1].s;
		}
	}
}

/* ---- reported speech -------------------------------------------------- */

static int
hypothetical(const struct ctx *c, size_t cu, size_t lo)
{
	size_t j = skip_adv(c, cu, lo);

	/* "in May according to": a month, not a modal */
	if (j > lo && is_word(c, j - 1) && (c->x.tok[j - 1].lx &
	    (LX_HYPO | LX_NEG)) && !(c->x.tok[j - 1].cap && !opens_sent(c, j - 1)))
		return 1;
	if (j > lo + 1 && is_word(c, j - 2) && (word_is(c, j - 2, W_IF) ||
	    word_is(c, j - 2, W_UNLESS) || word_is(c, j - 2, W_WHETHER)))
		return 1;
	return 0;
}

/* Skip "on Tuesday", "in a statement", "last week" after a cue. */
static size_t
skip_adverbials(const struct ctx *c, size_t i, size_t hi)
{
	for (;;) {
		size_t k;
		if (i < hi && is_word(c, i) && (c->x.tok[i].lx & (LX_TIME | LX_ADV)) &&
		    !(c->x.tok[i].lx & LX_STOP)) {
			i++;
			continue;
		}
		/* "this week", "that morning" */
		if (i + 1 < hi && is_word(c, i) && (c->x.tok[i].lx & LX_DET) &&
		    !(c->x.tok[i].lx & LX_PRON) && is_word(c, i + 1) &&
		    (c->x.tok[i + 1].lx & LX_TIME) && !c->x.tok[i + 1].cap &&
		    (i + 2 >= hi || !is_word(c, i + 2))) {
			i += 2;
			continue;
		}
		if (i < hi && is_word(c, i) && (c->x.tok[i].lx & LX_PREP)) {
			for (k = i + 1; k < hi && k < i + 6 && is_word(c, k); k++)
				if (c->x.tok[k].lx & (LX_ATTRN | LX_TIME)) {
					while (k + 1 < hi && is_word(c, k + 1) &&
					    (c->x.tok[k + 1].lx & (LX_ATTRN | LX_TIME)))
						k++;
					break;
				}
			if (k < hi && k < i + 6 && is_word(c, k) &&
			    (c->x.tok[k].lx & (LX_ATTRN | LX_TIME))) {
				i = k + 1;
				continue;
			}
		}
		if (i < hi && is_p(c, i, ',') && i + 1 < hi &&
		    word_is(c, i + 1, W_THAT)) {
			i++;
			continue;
		}
		return i;
	}
}

static size_t
trim_end(const struct ctx *c, size_t a, size_t b)
{
	while (b > a && c->x.tok[b - 1].kind == T_PUNCT &&
	    strchr(".,;:-", c->x.tok[b - 1].ch))
		b--;
	return b;
}

/* Does [a, b) hold quotation q and punctuation only? */
static int
only_quote(const struct ctx *c, long q, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++)
		if (c->x.tok[i].q != q && c->x.tok[i].kind != T_PUNCT)
			return 0;
	return 1;
}

/* Is [a, b) one quotation and nothing else (then it is not reported)? */
static int
all_quoted(const struct ctx *c, size_t a, size_t b)
{
	return a < b && is_mark(c, a) && c->x.tok[a].q >= 0 &&
	    only_quote(c, c->x.tok[a].q, a, b);
}

/* Does [a, b) go on with a quotation opened in an earlier sentence
 * ("“Look. Look at it,” she said ...": the sentence is "Look at it,”
 * she said ...")? */
static int
quoted_on(const struct ctx *c, size_t a, size_t b)
{
	long q;
	size_t i;

	if (a == 0 || a >= b || (q = c->x.tok[a].q) < 0 ||
	    c->x.tok[a - 1].q != q)
		return 0;
	/* and that quotation opened its sentence: not a chant quoted
	 * inside one ("to chants of “Go! Go!,” the mayor said ...") */
	for (i = a - 1; i > 0 && c->x.tok[i - 1].q == q; i--)
		;
	return is_mark(c, i) && sent_lo(c, i) == i && only_quote(c, q, a, b);
}

/* Is the cue whose content starts at token a in -ing ("stating X")? */
static int
cue_ing_before(const struct ctx *c, size_t a)
{
	size_t k;

	for (k = a; k > 0 && k + 4 > a; k--)
		if (is_word(c, k - 1) && (c->x.tok[k - 1].lx & (LX_CUE |
		    LX_ICUE)))
			return ing_cue(c, k - 1);
	return 0;
}

static int verb_like(const struct ctx *, size_t);

/* Is [a, b) a name and nothing else: capitalised words, "the"? */
static int
name_only(const struct ctx *c, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b; i++)
		if (!is_word(c, i) || !(c->x.tok[i].cap || (i == a &&
		    (c->x.tok[i].lx & LX_DET) && !(c->x.tok[i].lx & LX_PRON))))
			return 0;
	return a < b;
}

/* Does [a, b) hold a word that is surely a verb: a form of "be", a
 * modal, a cue, a past tense? */
static int
has_verb(const struct ctx *c, size_t a, size_t b)
{
	for (; a < b; a++)
		if (is_word(c, a) && !c->x.tok[a].cap && ((c->x.tok[a].lx &
		    (LX_BE | LX_HYPO | LX_CUE | LX_ICUE)) || ends_with(c, a, "ed")))
			return 1;
	return 0;
}

/* "said the plan was sound, voted against it and left": after a clause
 * [a, i) with its subject and a finite verb, a comma, then a verb in -ed
 * and its object opens a new predicate with no subject of its own: the
 * speaker's next deed, not more of what was said; so too after an
 * infinitive ("X, who is said to have backed the pier, voted against
 * it").  Only at the clause's first comma (not after an aside: "Lu, a
 * pilot, steered the boat"). */
static int
new_predicate(const struct ctx *c, size_t a, size_t i, size_t b)
{
	size_t k, v = i + 1;

	/* "saying A, and urged the crowd to ...": after "and" too, when an
	 * -ing cue opened the report, since that verb goes with the one the
	 * -ing clause hangs on ("the storm flooded the pier, and damaged
	 * ..." may go on with the report after a cue proper) */
	if (word_is(c, v, W_AND) && a > 0 && cue_ing_before(c, a))
		v++;
	if (v + 1 >= b || c->x.tok[i].q >= 0 || !is_word(c, v) ||
	    c->x.tok[v].cap || !ends_with(c, v, "ed") ||
	    (c->x.tok[v].lx & (LX_CUE | LX_ICUE | LX_NCUE)) ||
	    !is_word(c, a) || !(subject_word(c, a) || word_is(c, a, W_TO)))
		return 0;
	/* its object: "voted the plan down", "voted against it" */
	if (!is_word(c, v + 1) || !((c->x.tok[v + 1].lx & (LX_DET | LX_PRON)) ||
	    (!c->x.tok[v + 1].cap && v + 2 < b && is_word(c, v + 2) &&
	    (c->x.tok[v + 2].lx & LX_PRON) && !(c->x.tok[v + 2].lx & LX_DET))))
		return 0;
	for (k = a; k < i; k++)
		if (!is_word(c, k) && !is_mark(c, k) && c->x.tok[k].q < 0)
			return 0;
	for (k = a + 1; k < i; k++)
		if (c->x.tok[k].q < 0 && finite_verb(c, k) != 0)
			return 1;
	return 0;
}

/* Is the dash token i a dash of a sentence (" - ", "--", an em or en
 * dash), not a hyphen at a line break ("con- clusion", "U.S.-backed")? */
static int
spaced_dash(const struct ctx *c, size_t i)
{
	size_t s = c->x.tok[i].s;

	return c->x.tok[i].e - s > 1 || (s > 0 &&
	    (c->x.in->text[s - 1] == ' ' || c->x.in->text[s - 1] == '-'));
}

/* After "and" or "but": a cue of the subject that went before, with
 * "has", "also", "since" or another adverb before it ("and has since
 * said", "but later argued") */
static int
conj_cue(const struct ctx *c, size_t i, size_t b)
{
	size_t k, e;

	for (k = i; k < b && k < i + 3 && is_word(c, k) && !c->x.tok[k].cap &&
	    ((c->x.tok[k].lx & LX_ADV) || ly_adverb(c, k, i - 1)); k++)
		;
	/* "but on the radio the next day said", "and on Friday told": an
	 * adverbial of time or of the occasion before the cue */
	if (k < b && is_word(c, k) && (c->x.tok[k].lx & LX_PREP))
		k = skip_adverbials(c, k, b);
	return k < b && cue_at(c, k, b, &e) && !ing_cue(c, k);
}

/* Is there a verb in [a, b), "to" aside ("on a trip to Oslo")? */
static int
lead_verb(const struct ctx *c, size_t a, size_t b)
{
	for (; a < b; a++)
		if (is_word(c, a) && !word_is(c, a, W_TO) && has_verb(c, a, a + 1))
			return 1;
	return 0;
}

/* ", said an aide", ", the mayor said": a cue right after the comma at
 * token i or a few words on */
static int
comma_cue(const struct ctx *c, size_t i, size_t b)
{
	size_t k, e;

	for (k = i + 1; k < b && k < i + 6; k++)
		if (cue_at(c, k, b, &e))
			return 1;
	return 0;
}

/* After "A, SPEAKER CUE": if the words at x are "after", "before" or
 * "when" and a phrase with no subject or finite verb, up to a comma
 * that more follows, that comma; else x. */
static size_t
when_said(const struct ctx *c, size_t x, size_t be)
{
	size_t k;

	if (!(word_is(c, x, W_AFTER) || word_is(c, x, W_BEFORE) ||
	    word_is(c, x, W_WHEN)))
		return x;
	for (k = x + 1; k < be && k < x + 10 && is_word(c, k) &&
	    c->x.tok[k].q < 0; k++)
		if ((c->x.tok[k].lx & (LX_PRON | LX_BE | LX_HYPO)) ||
		    finite_verb(c, k) == 1 || finite_verb(c, k) == 2)
			return x;
	return k > x + 1 && k + 2 < be && is_p(c, k, ',') ? k : x;
}

/* Does the comma at i open an aside of "while", "though" or "although"
 * and a few words with no verb, which a second comma closes before a
 * word that goes on with the clause (a verb or a noun in lower case, not
 * a new subject)? */
static int
closed_aside(const struct ctx *c, size_t i, size_t b)
{
	size_t j = i + 1, k;

	if (j < b && word_is_text(c, j, "even"))
		j++;
	if (j + 2 >= b || !(word_is(c, j, W_WHILE) || word_is(c, j, W_THOUGH) ||
	    word_is(c, j, W_ALTHOUGH)))
		return 0;
	for (k = j + 1; k < b && k < j + 6 && is_word(c, k) &&
	    c->x.tok[k].q < 0; k++)
		if (c->x.tok[k].cap || (c->x.tok[k].lx & (LX_PRON | LX_DET |
		    LX_BE | LX_HYPO | LX_CUE | LX_ICUE)) || finite_verb(c, k))
			return 0;
	return k > j + 1 && k + 1 < b && is_p(c, k, ',') && is_word(c, k + 1) &&
	    !c->x.tok[k + 1].cap && !subject_word(c, k + 1) &&
	    !(c->x.tok[k + 1].lx & (LX_LINK | LX_PREP)) &&
	    !ends_with(c, k + 1, "ing");
}

/* Does the report that opens at token a end at the comma at token i
 * (or at a closing mark with the comma inside it, i - 1)? */
static int
comma_end(const struct ctx *c, size_t a, size_t i, size_t b, int lead)
{
	size_t k, e;

	/* "said that on a visit to Oslo, she would ...": the comma
	 * closes a phrase that opens the report, with no verb yet */
	if (lead && !lead_verb(c, a, i) && !comma_cue(c, i, b))
		return 0;
	/* "had consulted Marta Lund, the harbour master": a name's
	 * appositive to the end, with no verb, is the writer's */
	if (i > a + 1 && c->x.tok[i - 1].cap && namey(c, i - 1) &&
	    article(c, i + 1) &&
	    !has_verb(c, i + 1, b)) {
		/* not a list: "Congress, the public and allies" */
		for (k = i + 1; k < b && !is_p(c, k, ',') &&
		    c->x.tok[k].q < 0 && !word_is(c, k, W_AND) &&
		    !word_is_text(c, k, "or"); k++)
			;
		if (k >= b)
			return 1;
	}
	/* "said the vote was rigged, a charge the party denied",
	 * "..., the race will be tight": in a report that opens with
	 * its subject, an article after a comma opens the writer's
	 * comment on it or a clause of the writer's, when it runs to
	 * the end with no list in it ("hit Ohio, the Midwest and the
	 * South"); not after "despite the storms, the ..." */
	if (i > a + 2 && is_word(c, a) && subject_word(c, a) &&
	    article(c, i + 1)) {
		for (k = i + 2; k < b && !(c->x.tok[k].q < 0 &&
		    (is_p(c, k, ',') || word_is(c, k, W_AND) ||
		    word_is_text(c, k, "or"))); k++)
			;
		if (k >= b)
			return 1;
	}
	/* "called it careless, but said ...": a second report */
	if ((word_is(c, i + 1, W_AND) || word_is(c, i + 1, W_BUT)) &&
	    i + 2 < b && cue_at(c, i + 2, b, &e) && !ing_cue(c, i + 2))
		return 1;
	/* "the email row, while awkward, was handled", "a crucial,
	 * though brief, chance": a short aside closed within the clause */
	if (closed_aside(c, i, b))
		return 0;
	/* ", and he ...", ", and the union has ...": a new clause */
	if (((word_is(c, i + 1, W_AND) || word_is(c, i + 1, W_BUT)) &&
	    i + 2 < b && is_word(c, i + 2) && ((c->x.tok[i + 2].lx &
	    (LX_PRON | LX_DET)) || namey(c, i + 2))) ||
	    (is_word(c, i + 1) && (c->x.tok[i + 1].lx &
	    LX_PRON) && !word_is(c, i + 1, W_IT)) ||
	    word_is(c, i + 1, W_WHILE) || word_is(c, i + 1, W_WHEREAS) ||
	    /* ", even as ...", ", even though ...": the writer's */
	    (word_is_text(c, i + 1, "even") && i + 2 < b &&
	    (word_is(c, i + 2, W_AS) || word_is(c, i + 2, W_THOUGH))) ||
	    word_is(c, i + 1, W_ALTHOUGH) || word_is(c, i + 1, W_THOUGH) ||
	    word_is(c, i + 1, W_MEANING) || word_is(c, i + 1, W_ACCORDING) ||
	    word_is(c, i + 1, W_COMPARED) || (ends_with(c, i + 1, "ing") &&
	    !word_is(c, i + 1, W_INCLUDING)))
		return 1;
	/* ", said an aide", "Ruiz, who ..., said he ...": a reporting
	 * verb right after a comma opens the next attribution (not
	 * "a man, said to be ...", "boats, said by some to ...") */
	if ((word_is_text(c, i + 1, "said") || word_is_text(c, i + 1,
	    "says") || word_is_text(c, i + 1, "added") ||
	    word_is(c, i + 1, W_TOLD) || word_is(c, i + 1, W_TELLS)) &&
	    !(i + 2 < b && (word_is(c, i + 2, W_TO) ||
	    word_is_text(c, i + 2, "by"))))
		return 1;
	/* ", the mayor said": the next attribution */
	for (k = i + 2; k < b && k < i + 6; k++) {
		struct qt_attr o;
		if (cue_at(c, k, b, &e) && !ing_cue(c, k) &&
		    np_before(c, k, i + 1, &o))
			return 1;
	}
	return 0;
}

/* Where reported content stops: before a semicolon, a bracket, "while
 * ...", a dash before "-ing", or the next attribution ", X said". */
static size_t
clause_end(const struct ctx *c, size_t a, size_t b)
{
	size_t i = a + 1, k, e;
	int lead = a > 0 && a < b && word_is(c, a - 1, W_THAT) &&
	    is_word(c, a) && (c->x.tok[a].lx & LX_PREP) &&
	    !word_is(c, a, W_ABOUT);

	/* "argued that although Lu confessed, he showed no remorse": the
	 * comma closes the clause that opens the report, whose main clause
	 * follows it */
	switch (a >= b ? W_NONE : word_is_text(c, a, "despite") ? W_THOUGH :
	    LX_WORD(c->x.tok[a].lx)) {
	case W_ALTHOUGH: case W_THOUGH: case W_WHILE: case W_IF: case W_WHEN:
	case W_BECAUSE: case W_SINCE: case W_AFTER: case W_BEFORE:
	case W_UNLESS: case W_UNTIL: case W_WHEREAS: case W_AS:
		for (k = a + 1; k < b && k < a + 30 && c->x.tok[k].q < 0 &&
		    !is_p(c, k, ';') && !is_p(c, k, ','); k++)
			;
		if (k + 1 < b && k < a + 30 && is_p(c, k, ','))
			i = k + 1;
	}
	for (; i < b; i++) {
		if (c->x.tok[i].q >= 0) {
			/* 'pledged “to fight,” recalling ...', '... “a
			 * loss,” she said': a comma inside the closing mark
			 * ends the report as one outside it does */
			if (is_mark(c, i) && i > a + 1 && i + 1 < b &&
			    is_p(c, i - 1, ',') && c->x.tok[i - 1].q ==
			    c->x.tok[i].q && c->x.tok[i + 1].q < 0 &&
			    is_word(c, i + 1) && comma_end(c, a, i, b, lead))
				return i + 1;
			continue;
		}
		/* below, a word ends the clause only if it is "and" or "but"
		 * (the rest asks for a mark of punctuation): most go here */
		if (c->x.tok[i].kind != T_PUNCT &&
		    !word_is(c, i, W_AND) && !word_is(c, i, W_BUT))
			continue;
		/* "... (the owner said the orders had dried up) and ...": a
		 * bracket the report did not open closes it */
		if (is_p(c, i, ';') || (is_p(c, i, ')') && !is_p(c, a, '(')))
			return i;
		/* "said Sen. Lu (D-Ohio) would ...", "the act (ACA)": a short
		 * bracket closed within the sentence is an aside inside the
		 * report; an open one sets off the writer's words */
		if (is_p(c, i, '(')) {
			for (k = i + 1; k < b && k < i + 10 &&
			    c->x.tok[k].q < 0 && !is_p(c, k, ')') &&
			    !is_p(c, k, '(') && !is_p(c, k, ';'); k++)
				;
			/* not "Rep. Lu (D-Ohio) said ...": a speaker's */
			if (k < b && k < i + 10 && is_p(c, k, ')') &&
			    !(k + 1 < b && cue_at(c, k + 1, b, &e))) {
				i = k;
				continue;
			}
			return i;
		}
		/* "said Millennials, numbering 75 million, surpassed ...":
		 * after a reporting verb proper, a comma right after a name
		 * opening the clause sets off an aside when a verb follows
		 * the comma that closes it */
		if (is_p(c, i, ',') && i <= a + 6 && (c->cuef & LX_CORE) &&
		    name_only(c, a, i)) {
			for (k = i + 1; k < b && k < i + 12; k++)
				if (is_p(c, k, ',') || is_mark(c, k))
					break;
			if (k + 1 < b && k < i + 12 && is_p(c, k, ',') &&
			    verb_like(c, k + 1))
				continue;
		}
		/* "... over Ruiz, who won ...": the relative clause is
		 * the writer's */
		if (is_p(c, i, ',') && i + 1 < b && (word_is(c, i + 1, W_WHO) ||
		    word_is(c, i + 1, W_WHICH)))
			return i;
		/* "..., despite the ruling", "..., where he grew up": the
		 * writer's aside */
		if (is_p(c, i, ',') && i + 1 < b && (
		    word_is_text(c, i + 1, "despite") ||
		    word_is_text(c, i + 1, "whose") ||
		    word_is_text(c, i + 1, "where")))
			return i;
		if (is_p(c, i, '-') && i + 1 < b && is_word(c, i + 1) &&
		    ends_with(c, i + 1, "ing"))
			return i;
		/* "endorsed Ruiz - the first time it has ...": a dash that no
		 * second dash closes sets off the writer's words; a closed pair
		 * is an aside inside the report */
		if (is_p(c, i, '-') && i > a && !is_p(c, a, '-') &&
		    spaced_dash(c, i)) {
			for (k = i + 1; k < b && is_p(c, k, '-'); k++)
				;
			for (; k < b && !(is_p(c, k, '-') && c->x.tok[k].q < 0);
			    k++)
				;
			if (k >= b)
				return i;
			while (k + 1 < b && is_p(c, k + 1, '-'))
				k++;
			i = k;
			continue;
		}
		/* "said he has no gigs and suggested that ...", "urged a
		 * vote but has since said ...": a second report of the same
		 * subject */
		if ((word_is(c, i, W_AND) || word_is(c, i, W_BUT)) &&
		    i + 1 < b && conj_cue(c, i + 1, b))
			return i;
		/* 'called it a "bad deal" and the union said "no"': a second
		 * speaker's report.  After "and", when no name ends what went
		 * before and that is an object ("called it ...") or a clause
		 * with a verb, not the subject of one: "said the title and text
		 * of the law showed", "said Lu and Wang agreed"; and a subject
		 * opens what follows, not "a mall and spa called ..." */
		if ((word_is(c, i, W_BUT) || (word_is(c, i, W_AND) &&
		    i > a && !c->x.tok[i - 1].cap && (!(c->cuef & LX_CORE) ||
		    has_verb(c, a, i)))) && c->x.tok[i].q < 0 &&
		    i + 1 < b && is_word(c, i + 1) && subject_word(c, i + 1))
			for (k = i + 2; k < b && k < i + 7; k++) {
				struct qt_attr o;
				if (word_is(c, k - 1, W_WHO) ||
				    word_is(c, k - 1, W_WHICH) ||
				    word_is(c, k - 1, W_THAT))
					break;
				if (cue_at(c, k, b, &e) && !ing_cue(c, k) &&
				    np_before(c, k, i + 1, &o) &&
				    sp_open(c, o.spa, i + 1) == i + 1)
					return i;
			}
		/* "stating there was a benefit and chiding the media": a
		 * second -ing after an -ing cue goes with the cue, not the
		 * content */
		if (word_is(c, i, W_AND) && i + 1 < b && a > 0 &&
		    ing_cue(c, i + 1) && !c->x.tok[i + 1].cap &&
		    !word_is(c, i + 1, W_INCLUDING) && cue_ing_before(c, a))
			return i;
		if (!is_p(c, i, ',') || i + 1 >= b)
			continue;
		/* "fair that, having paid for years, the crews ...": an
		 * aside that a comma after "that" opens is closed by the next
		 * comma, and the clause "that" opened goes on after it (not
		 * "had paid that, and the board ...": a pronoun, then a new
		 * clause) */
		if (i > a && word_is(c, i - 1, W_THAT) && is_word(c, i + 1) &&
		    !subject_word(c, i + 1) && !(c->x.tok[i + 1].lx & LX_LINK) &&
		    !word_is(c, i + 1, W_AND) && !word_is(c, i + 1, W_BUT)) {
			for (k = i + 1; k < b && k < i + 14 &&
			    c->x.tok[k].q < 0 && !is_p(c, k, ',') &&
			    !is_p(c, k, ';'); k++)
				;
			if (k + 1 < b && k < i + 14 && is_p(c, k, ',')) {
				i = k;
				continue;
			}
		}
		if (comma_end(c, a, i, b, lead) || new_predicate(c, a, i, b))
			return i;
	}
	return b;
}

/* "at least 38 babies", "at most": a count, not an adverbial */
static int
at_least(const struct ctx *c, size_t a, size_t b)
{
	return a + 1 < b && word_is_text(c, a, "at") &&
	    (word_is_text(c, a + 1, "least") || word_is_text(c, a + 1, "most"));
}

/* "In the council chamber, the members argued": is [a, b) a phrase that
 * opens with a preposition and holds no verb, which sets the scene of
 * what follows and reports nothing? */
static int
fronted(const struct ctx *c, size_t a, size_t b)
{
	size_t i;

	if (a >= b || !is_word(c, a))
		return 0;
	/* "When asked, Lu said nothing", "As expected, ...": a clause with
	 * no subject */
	if ((word_is(c, a, W_WHEN) || word_is(c, a, W_IF) ||
	    word_is(c, a, W_AS) || word_is(c, a, W_WHILE)) &&
	    words_in(c, a, b) <= 3) {
		for (i = a + 1; i < b; i++)
			if (!is_word(c, i) || c->x.tok[i].cap ||
			    (c->x.tok[i].lx & (LX_PRON | LX_DET)))
				return 0;
		return 1;
	}
	if (!(c->x.tok[a].lx & LX_PREP) || words_in(c, a, b) > 10)
		return 0;
	for (i = a + 1; i < b; i++)
		if (!is_word(c, i) || ((c->x.tok[i].lx & (LX_BE | LX_HYPO |
		    LX_CUE | LX_ICUE | LX_PRON)) &&
		    /* "In a letter to the council": "to" with no verb */
		    !(word_is(c, i, W_TO) && i + 1 < b && is_word(c, i + 1) &&
		    (c->x.tok[i + 1].cap || (c->x.tok[i + 1].lx & LX_DET)))) ||
		    (!c->x.tok[i].cap && (ends_with(c, i, "ed") ||
		    ends_with(c, i, "s"))))
			return 0;
	return 1;
}

/* Is [a, b) one word that a cue reports as its object: "endorsed
 * Ruiz", "praised her"?  Not "Instead, X said", nor "in Lima, Peru",
 * nor whom something was told ("told him", "asked them"). */
static int
one_object(const struct ctx *c, size_t a, size_t b)
{
	size_t k = a - 1;

	if (a + 1 != b || a == 0 || !is_word(c, a) || !is_word(c, k))
		return 0;
	if (c->x.tok[a].cap)
		return 1;
	return (word_is_text(c, a, "him") || word_is_text(c, a, "her") ||
	    word_is_text(c, a, "them") || word_is_text(c, a, "it")) &&
	    !word_is(c, k, W_TOLD) && !word_is(c, k, W_TELL) &&
	    !word_is(c, k, W_TELLS) && !word_is(c, k, W_TELLING) &&
	    !word_is(c, k, W_ASKED) && !word_is(c, k, W_ASKS) &&
	    !word_is(c, k, W_WARNED) && !word_is(c, k, W_ASSURED) &&
	    !word_is(c, k, W_REMINDED) && !word_is(c, k, W_INFORMED);
}

/* Does a clause open at a with an article or a possessive, a few
 * words of its noun phrase and then a finite verb ("the toll and its
 * timing were wrong", "her plan leaves the ferry out")? */
static int
art_clause(const struct ctx *c, size_t a, size_t b)
{
	size_t k;

	if (a >= b || !is_word(c, a) || !(c->x.tok[a].lx & LX_DET) ||
	    quantity(c, a))
		return 0;
	for (k = a + 1; k < b && k < a + 7 && is_word(c, k); k++)
		if (!c->x.tok[k].cap && (finite_verb(c, k) == 1 ||
		    finite_verb(c, k) == 2))
			return 1;
		else if (c->x.tok[k].lx & (LX_PREP | LX_CUE | LX_ICUE))
			return 0;
	return 0;
}

/* Does [a, b), after "A, he said,", go on with the report: a clause
 * that "because", "before" ... opens, or "and" and a verb ("..., the
 * ferry line added, and was due back in May")? */
static int
tail_clause(const struct ctx *c, size_t a, size_t b)
{
	size_t k, n;

	if (words_in(c, a, b) < 3 || !is_word(c, a))
		return 0;
	switch (LX_WORD(c->x.tok[a].lx)) {
	case W_BECAUSE:
		/* not "because of the storm", which says why it was said */
		return !word_is_text(c, a + 1, "of");
	case W_BEFORE: case W_AFTER: case W_SINCE: case W_UNTIL:
		/* not "after the vote", a short phrase with no pronoun or
		 * verb of its own, which says when it was said */
		for (k = a + 1, n = 0; k < b && !is_p(c, k, ',') &&
		    !is_p(c, k, ';'); k++)
			if ((is_word(c, k) && (c->x.tok[k].lx & LX_PRON)) ||
			    finite_verb(c, k) || (is_word(c, k) && ++n > 5))
				return 1;
		return 0;
	case W_UNLESS: case W_ALTHOUGH: case W_THOUGH: case W_WHILE:
		return 1;
	case W_AND: case W_BUT:
		/* "A, he said, and it had flooded twice": a new clause of a
		 * pronoun and a form of "be", "has" or a modal goes on with
		 * the report; not "and she walked out", what the writer
		 * tells of the speaker */
		if (is_word(c, a + 1) && (c->x.tok[a + 1].lx & LX_PRON) &&
		    a + 2 < b && finite_verb(c, a + 2) == 1)
			return 1;
		/* "A, according to X, and there were ...": so does "there"
		 * and a form of "be" */
		if (word_is_text(c, a + 1, "there") && a + 2 < b &&
		    is_word(c, a + 2) && (c->x.tok[a + 2].lx & LX_BE))
			return 1;
		/* "A, Lu said, but the toll and its timing were wrong": a
		 * clause with a subject of its own after "but" sets the
		 * report against itself, which is more of the report */
		if (word_is(c, a, W_BUT) && art_clause(c, a + 1, b))
			return 1;
		return is_word(c, a + 1) && !c->x.tok[a + 1].cap &&
		    ((c->x.tok[a + 1].lx & (LX_BE | LX_HYPO)) ||
		    word_is_text(c, a + 1, "has") || word_is_text(c, a + 1, "had") ||
		    word_is_text(c, a + 1, "have") || ends_with(c, a + 1, "ed"));
	}
	return 0;
}

/* The end of the paragraph that sentence s opens with a speaker in
 * capitals and a colon, as a transcript gives a turn ("NOVAK: ..."), less
 * its final marks; NONE if it is not such a turn or a quotation opens in
 * it (then the quotation is the turn's record). */
static size_t
transcript_end(const struct ctx *c, size_t s, size_t a)
{
	size_t t = s, b, k;

	if (tpara(c, a) == c->x.in->title || !all_caps(c, a) ||
	    tl(c, a) < 2)
		return NONE;
	while (t + 1 < c->nsent && c->sent[t + 1].para == c->sent[s].para)
		t++;
	b = c->sent[t].b;
	for (k = a; k < b; k++)
		if (is_mark(c, k))
			return NONE;
	while (b > a && c->x.tok[b - 1].kind == T_PUNCT)
		b--;
	return b;
}

/* 'said "we will build it" last week', '... on Tuesday', '... in a
 * statement': when a report opens with a quotation and only the writer's
 * adverbials follow its closing mark, they tell when or where it was said,
 * and the report ends with the quotation. */
static size_t
quoted_head(const struct ctx *c, size_t a, size_t b)
{
	long q;
	size_t i, j = NONE;

	if (a >= b || !is_mark(c, a) || (q = c->x.tok[a].q) < 0)
		return b;
	for (i = a + 1; i < b; i++)
		if (c->x.tok[i].q == q)
			j = i;
	if (j == NONE || !is_mark(c, j))
		return b;
	for (i = j + 1; i < b && c->x.tok[i].kind == T_PUNCT &&
	    is_p(c, i, ','); i++)
		;
	if (i < b && skip_adverbials(c, i, b) >= trim_end(c, i, b))
		return j + 1;
	return b;
}

/* How emit_indirect() reads [a, b): what follows a cue (its clause ends
 * where clause_end() says) or what precedes one; EI_ASIDE what precedes
 * an attribution set off in the middle of the report ("In the long run,
 * Lu said, the mill stays", "Instead, ..."), a part of it even when it
 * sets the scene or is one word: the clause is split, as a quotation is,
 * and gives two records. */
enum { EI_RIGHT, EI_LEFT, EI_WHOLE, EI_ASIDE };

/* "According to Tom Hale, another former envoy, the talks ...": the
 * comma at k after a name opens an appositive (an article or a
 * possessive, then a few words with no verb) when a second comma closes
 * it before a clause; the closing comma then, else k. */
static size_t
appositive_end(const struct ctx *c, int name, size_t k, size_t be)
{
	size_t m;

	if (!name || k + 3 >= be || !is_word(c, k + 1) ||
	    !((c->x.tok[k + 1].lx & LX_DET) || possessive(c, k + 1) ||
	    word_is_text(c, k + 1, "another")) ||
	    (c->x.tok[k + 1].lx & LX_PRON && !possessive(c, k + 1)))
		return k;
	for (m = k + 2; m < be && m < k + 14; m++)
		if (is_p(c, m, ',') || !is_word(c, m))
			break;
	if (m >= be || m >= k + 14 || !is_p(c, m, ',') || m + 1 >= be ||
	    has_verb(c, k + 1, m) || !clause_start(c, m + 1))
		return k;
	return m;
}

static int
emit_indirect(struct ctx *c, size_t a, size_t b, const struct qt_attr *at,
    int left)
{
	struct qt_rec *r;
	size_t i;

	while (a < b && (is_p(c, a, ',') || word_is(c, a, W_THAT)))
		a++;
	if (left == EI_ASIDE) {
		/* "And, he said, ...", "But the next day, ...": a
		 * conjunction is no part of it */
		if (a < b && is_word(c, a) && (word_is(c, a, W_AND) ||
		    word_is(c, a, W_BUT) || word_is_text(c, a, "or") ||
		    word_is_text(c, a, "so") || word_is_text(c, a, "yet")))
			a++;
		if (a >= b)
			return 0;
	} else if (left == EI_LEFT) {
		/* "Lu hoped to win, Ruiz said": a report that ran to the
		 * comma lies inside the clause the next attribution reports,
		 * when speaker or cue follows the comma (not "..., a charge
		 * the board denied") */
		if (a + 1 >= b && c->lprev < a && (at->spa == b + 1 ||
		    at->cua == b + 1))
			a = c->lprev;
		if (fronted(c, a, b))
			return 0;
		/* "..., and Ruiz kept it, according to X"; "... (the pier is
		 * safe, Lu said)": a bracket opened before the report and not
		 * closed in it */
		for (i = b; i-- > a + 1;)
			if (c->x.tok[i].q < 0 && (is_p(c, i, ';') ||
			    is_p(c, i, '('))) {
				a = i + 1;
				break;
			} else if (is_p(c, i, ')'))
				break;
	} else if (left == EI_RIGHT) {
		b = quoted_head(c, a, clause_end(c, a, b));
		c->ind_end = b;
		/* "said in an interview with CNN, ...": content after the
		 * adverbial; "said in part", "wrote on Facebook": none;
		 * but "said that at least ..." is content */
		if (a < b && is_word(c, a) && !(a > 0 && word_is(c, a - 1,
		    W_THAT)) && !(a > 1 && is_p(c, a - 1, ',') &&
		    word_is(c, a - 2, W_THAT)) && !at_least(c, a, b) &&
		    ((c->x.tok[a].lx & (LX_PREP |
		    LX_LINK)) || word_is(c, a, W_AFTER) || word_is(c, a, W_BEFORE) ||
		    word_is(c, a, W_WHEN) || word_is(c, a, W_WHILE) ||
		    word_is(c, a, W_BECAUSE) || word_is(c, a, W_SINCE) ||
		    word_is(c, a, W_UNTIL) || word_is(c, a, W_AS)) &&
		    !word_is(c, a, W_ABOUT) &&
		    !word_is(c, a, W_OVER) && !word_is(c, a, W_UNDER) &&
		    /* "pledged to stay": an infinitive is content */
		    !(word_is(c, a, W_TO) && a + 1 < b && is_word(c, a + 1) &&
		    !c->x.tok[a + 1].cap && !(c->x.tok[a + 1].lx & LX_DET))) {
			for (i = a + 1; i < b && i < a + 9; i++)
				if (is_p(c, i, ',') || word_is(c, i, W_THAT) ||
				    is_mark(c, i))
					break;
			if (i >= b || i >= a + 9 || is_mark(c, i))
				return 0;
			a = i + 1;
			/* "said, after the vote, which was close": a relative
			 * clause after the occasion tells of it, no report */
			if (a < b && (word_is(c, a, W_WHICH) ||
			    word_is(c, a, W_WHO)))
				return 0;
		}
	}
	b = trim_end(c, a, b);
	if ((words_in(c, a, b) < 2 && !(left == EI_RIGHT &&
	    one_object(c, a, b)) && !(left == EI_ASIDE && a + 1 == b &&
	    is_word(c, a))) || all_quoted(c, a, b))
		return 0;
	if (c->nout == c->outcap) {
		c->outcap = c->outcap ? 2 * c->outcap : 64;
		c->out = xreallocarray(c->out, c->outcap, sizeof *c->out);
	}
	r = &c->out[c->nout++];
	memset(r, 0, sizeof *r);
	r->form = QT_INDIRECT;
	r->weak = !(c->cuef & (LX_CUE | LX_DCUE));
	r->start = c->x.tok[a].s;
	r->end = c->x.tok[b - 1].e;
	r->part = r->nparts = 1;
	r->at = *at;
	r->para = tpara(c, a);
	return 1;
}

/* Where a speaker mention begins with its titles ("Mr. Lou", "Sen.
 * Lund") and its article ("the Pew Research Center", "the nonpartisan
 * Congressional Budget Office"). */
static size_t
sp_open(const struct ctx *c, size_t spa, size_t lo)
{
	size_t m;

	while (spa > lo && is_word(c, spa - 1) && (c->x.tok[spa - 1].lx &
	    (LX_TITLE | LX_GTITLE)))
		spa--;
	for (m = spa; m > lo && m + 2 > spa && is_word(c, m - 1) &&
	    !c->x.tok[m - 1].cap && !(c->x.tok[m - 1].lx & (LX_STOP |
	    LX_CUE | LX_ICUE | LX_PRON | LX_DET | LX_LINK | LX_PREP)); m--)
		;
	if (m > lo && is_word(c, m - 1) && (c->x.tok[m - 1].lx & LX_DET) &&
	    !(c->x.tok[m - 1].lx & LX_PRON))
		return m - 1;
	return spa;
}

/* "..., UMWA Director of Government Affairs Phil Smith told": a role in
 * capitals between the comma and the name opens the speaker; sp0 if
 * there is none. */
static size_t
role_open(const struct ctx *c, size_t sp0, size_t lo)
{
	size_t m = sp0;

	while (m > lo && sp0 - m < 8 && is_word(c, m - 1) &&
	    (c->x.tok[m - 1].cap || word_is(c, m - 1, W_OF) ||
	    word_is(c, m - 1, W_AND)))
		m--;
	if (m < sp0 && m > lo && is_p(c, m - 1, ',') && c->x.tok[m].cap)
		return m;
	/* "..., ministry spokesman Ana Ruiz said", "..., Basque coastal
	 * geologist Ana Ruiz said": a role of up to five words with some
	 * in lower case, none a verb, an article, a pronoun or a
	 * preposition, between the comma and a name */
	if (sp0 > lo && c->x.tok[sp0].cap && namey(c, sp0))
		for (m = sp0; m > lo && sp0 - m < 5 && is_word(c, m - 1) &&
		    !(c->x.tok[m - 1].lx & (LX_STOP | LX_CUE | LX_ICUE |
		    LX_PRON | LX_DET | LX_LINK | LX_PREP | LX_BE | LX_ADV |
		    LX_HYPO | LX_NEG | LX_TIME)) && !ends_with(c, m - 1, "ed") &&
		    !ends_with(c, m - 1, "ly") && !ends_with(c, m - 1, "ing");
		    m--)
			if (m - 1 > lo && is_p(c, m - 2, ','))
				return m - 1;
	return sp0;
}

/* A "who" between the speaker and the cue. */
static int
relative(const struct ctx *c, size_t spb, size_t cu)
{
	for (; spb < cu; spb++)
		if (word_is(c, spb, W_WHO))
			return 1;
	return 0;
}

static int
has_modal(const struct ctx *c, size_t a, size_t b)
{
	size_t i;

	for (i = a; i < b && i < a + 8; i++)
		if (word_is(c, i, W_WOULD) || word_is(c, i, W_COULD) ||
		    word_is(c, i, W_MIGHT) || word_is(c, i, W_SHOULD))
			return 1;
	return 0;
}

/* "The plan is “a mess,” Lu said": is token m the closing mark of a
 * quotation that ends with the clause's comma and opens inside the clause
 * that began at lo?  Then the report runs through m. */
static int
comma_mark(const struct ctx *c, size_t lo, size_t m)
{
	long q;
	size_t o, k;

	if (m < lo + 3 || !is_mark(c, m) || (q = c->x.tok[m].q) < 0 ||
	    !is_p(c, m - 1, ','))
		return 0;
	for (o = m - 1; o > lo && c->x.tok[o - 1].q == q; o--)
		;
	/* a lower-case word of the clause just before the opening mark, or
	 * a subject and its comma ("Parties in Europe, ''have ...,'' Lu
	 * said"): not a dateline's dash, a colon, a quotation opening the
	 * sentence, a cue's comma ("said, “...”") */
	if (o <= lo || !is_mark(c, o) || words_in(c, o, m) == 0)
		return 0;
	if (is_word(c, o - 1) && !c->x.tok[o - 1].cap)
		return 1;
	if (o <= lo + 2 || !is_p(c, o - 1, ',') || words_in(c, lo, o - 1) < 2)
		return 0;
	for (k = lo; k + 1 < o; k++)
		if (is_mark(c, k) || (is_word(c, k) && (c->x.tok[k].lx &
		    (LX_CUE | LX_ICUE))))
			return 0;
	return 1;
}

/* "When the budget passed, the mayor said in a statement.": a clause
 * [a, b) that opens with a subordinating word and holds no comma has no
 * main clause of its own; it tells when or why the speaker spoke, not
 * what was said. */
static int
lone_sub(const struct ctx *c, size_t a, size_t b)
{
	size_t k;

	if (a < b && (word_is(c, a, W_BUT) || word_is(c, a, W_AND)))
		a++;
	if (a >= b || !is_word(c, a))
		return 0;
	switch (LX_WORD(c->x.tok[a].lx)) {
	case W_WHEN: case W_WHILE: case W_AFTER: case W_BEFORE: case W_SINCE:
	case W_BECAUSE: case W_ALTHOUGH: case W_THOUGH: case W_WHEREAS:
	case W_IF: case W_UNLESS: case W_UNTIL:
		break;
	default:
		return 0;
	}
	for (k = a + 1; k < b; k++)
		if (c->x.tok[k].q < 0 && (is_p(c, k, ',') || is_p(c, k, ';')))
			return 0;
	return 1;
}

/* "While critics argue that A, the mayor has B": a report inside the
 * subordinate clause that opens the sentence at a ends at the comma that
 * closes it, when a subject opens the main clause after; 0 if not so. */
static size_t
sub_end(const struct ctx *c, size_t a, size_t x, size_t be)
{
	size_t k;

	if (a < be && (word_is(c, a, W_BUT) || word_is(c, a, W_AND)))
		a++;
	if (a >= be || !(word_is(c, a, W_WHILE) || word_is(c, a, W_ALTHOUGH) ||
	    word_is(c, a, W_THOUGH) || word_is(c, a, W_WHEREAS) ||
	    word_is(c, a, W_BECAUSE) || word_is(c, a, W_SINCE) ||
	    word_is(c, a, W_WHEN) || word_is(c, a, W_AFTER) ||
	    word_is(c, a, W_BEFORE)))
		return 0;
	for (k = a + 1; k < x; k++)
		if (is_p(c, k, ',') || is_p(c, k, ';'))
			return 0;
	for (k = x + 1; k + 1 < be && k < x + 40; k++)
		/* not "2,400", not "Salem, Ore." */
		if (is_p(c, k, ',') && c->x.tok[k].q < 0 && !num_comma(c, k) &&
		    is_word(c, k + 1) && subject_word(c, k + 1) &&
		    !word_is(c, k + 1, W_WHO) && !word_is(c, k + 1, W_WHICH) &&
		    !(c->x.tok[k + 1].cap && (k + 2 >= be || !is_word(c, k + 2))))
			return k;
	return 0;
}

static size_t
continuation(struct ctx *c, size_t s, size_t b)
{
	size_t k, e;

	while (s + 1 < c->nsent && c->sent[s + 1].para == c->sent[s].para) {
		const struct sent *n = &c->sent[s + 1];
		/* "He would ...", "Moreover, it could ...": the report goes on */
		if (!(word_is(c, n->a, W_HE) || word_is(c, n->a, W_SHE) ||
		    word_is(c, n->a, W_THEY) || word_is(c, n->a, W_MOREOVER) ||
		    word_is(c, n->a, W_FURTHERMORE)))
			return b;
		for (k = n->a; k < n->b; k++)
			if (c->x.tok[k].q >= 0 || cue_at(c, k, n->b, &e))
				return b;
		if (!has_modal(c, n->a, n->b) || is_p(c, n->b - 1, '?'))
			return b;
		b = n->b;
		s++;
	}
	return b;
}

/* The first comma outside quotation marks in [a, b), or b. */
static size_t
first_comma(const struct ctx *c, size_t a, size_t b)
{
	while (a < b && !(is_p(c, a, ',') && c->x.tok[a].q < 0))
		a++;
	return a;
}

/* The "as" that opens the sentence at a, before the cue at i: first, or
 * after "But" or "And", or after an opening adverbial of up to three
 * words with no verb and its comma ("Of course, as ..."); NONE if none. */
static size_t
as_open(const struct ctx *c, size_t a, size_t i)
{
	size_t x = a + (word_is(c, a, W_BUT) || word_is(c, a, W_AND)), k;

	if (x < i && word_is(c, x, W_AS))
		return x;
	for (k = x; k < i && k < x + 3 && is_word(c, k); k++)
		;
	if (k > x && k + 1 < i && is_p(c, k, ',') && word_is(c, k + 1, W_AS) &&
	    !has_verb(c, x, k))
		return k + 1;
	return NONE;
}

/* Is the "that" at k, after a noun of an adverbial, a relative pronoun
 * ("said in a film that showed the mill", "told a crowd that cheered
 * every line", "in a letter that was sent ..."): a verb follows with no
 * subject of its own, which no content clause opens with */
static int
rel_that(const struct ctx *c, size_t k, size_t be)
{
	int v;

	if (!word_is(c, k, W_THAT) || k + 2 >= be || !is_word(c, k + 1) ||
	    subject_word(c, k + 1) || (v = finite_verb(c, k + 1)) == 0)
		return 0;
	/* "that limited funds ...": an -ed word may be an adjective, not
	 * before an object pronoun ("a crowd that cheered him on") */
	return v != 3 || (is_word(c, k + 2) && ((c->x.tok[k + 2].lx &
	    (LX_DET | LX_PREP | LX_LINK | LX_ADV | LX_TIME | LX_PRON)) ||
	    word_is_text(c, k + 2, "him") || word_is_text(c, k + 2, "them") ||
	    word_is_text(c, k + 2, "us") || word_is_text(c, k + 2, "me")));
}

/* Where the content begins after a cue: past the addressee, "in a
 * statement on Tuesday", and "that". */
static size_t
after_cue(const struct ctx *c, size_t cu, size_t e, size_t be)
{
	size_t o = cue_object(c, cu, e, be), x = skip_adverbials(c, o, be), k;
	int rel = 0;

	/* "told an audience at a festival in Houston last week that ...":
	 * a long addressee before "that" */
	if (word_is(c, cu, W_TOLD) || word_is(c, cu, W_TELLS) ||
	    word_is(c, cu, W_TELLING) || word_is(c, cu, W_TELL))
		for (k = e; k < be && k < e + 14 && c->x.tok[k].q < 0 &&
		    !is_p(c, k, ';') && !(is_word(c, k) && (c->x.tok[k].lx &
		    LX_CUE)); k++) {
			if (k > e && rel_that(c, k, be))
				k++;	/* "a story that posted ...": its verb */
			else if (word_is(c, k, W_THAT))
				return k > x ? k + 1 : x + 1;
		}

	/* "said in a speech to workers", "in a statement issued ...": the
	 * words after the adverbial go on with it, no clause opens there */
	for (k = o; k < x; k++)
		if (is_word(c, k) && (c->x.tok[k].lx & LX_ATTRN))
			break;
	if (k < x && x < be && is_word(c, x) && !subject_word(c, x) &&
	    !word_is(c, x, W_THAT)) {
		for (k = x + 1; k < be && k < x + 9 && is_word(c, k); k++)
			if (word_is(c, k, W_THAT) && !rel_that(c, k, be))
				return k + 1;
		return be;
	}
	/* "said on Monday during a visit to a plant in Flint, Mich., that
	 * ...": place names and their commas may stand in the adverbial */
	if (x < be && is_word(c, x) && (c->x.tok[x].lx & (LX_PREP | LX_TIME)))
		for (k = x + 1; k < be && k < x + 20; k++) {
			if (rel_that(c, k, be)) {
				rel = 1;
				k++;	/* and its verb */
				continue;
			}
			if (word_is(c, k, W_THAT)) {
				rel = 0;
				if (k < x + 9 || is_p(c, k - 1, ',') ||
				    (k + 1 < be && is_word(c, k + 1) &&
				    subject_word(c, k + 1)))
					x = k;
				break;
			}
			if (is_p(c, k, ';') ||
			    (is_word(c, k) && (c->x.tok[k].lx & (LX_CUE |
			    LX_PRON | LX_BE))) || (k >= x + 9 &&
			    is_word(c, k) && !c->x.tok[k].cap &&
			    ends_with(c, k, "ed")))
				break;
		}
	/* "argued emphatically that ...", "said repeatedly that ..." */
	if (x + 2 < be && is_word(c, x) && !c->x.tok[x].cap &&
	    ((c->x.tok[x].lx & LX_ADV) || (tl(c, x) > 4 &&
	    ends_with(c, x, "ly") && !word_is_text(c, x, "early"))) &&
	    word_is(c, x + 1, W_THAT) && clause_start(c, x + 2))
		x++;
	/* "said in a film that showed ...": nothing is reported */
	if (x > o && !is_p(c, x - 1, ',') && rel_that(c, x, be)) {
		/* "said in a letter that was sent to members that ..." */
		for (k = x + 2; k < be && k < x + 12 && is_word(c, k); k++)
			if (word_is(c, k, W_THAT) && !rel_that(c, k, be))
				return k + 1;
		return be;
	}
	if (rel)
		return be;
	if (x < be && word_is(c, x, W_THAT)) {
		x++;
		/* "argue that, while ..., workers ...": an aside opens */
		if (x + 1 < be && is_p(c, x, ','))
			x++;
	}
	return x;
}

/* "BUENA PARK, Calif. - Rallying ...": where the words after a dateline
 * in capitals at a (a place, not who speaks) begin; a if none. */
static size_t
dateline_end(const struct ctx *c, size_t a, size_t cu)
{
	size_t k = a;

	while (k < cu && k < a + 4 && is_word(c, k) && all_caps(c, k))
		k++;
	if (k == a || k >= cu || !is_p(c, k, ','))
		return a;
	for (k++; k < cu && k < a + 10 && !is_p(c, k, '-'); k++)
		if (!is_word(c, k) && !is_p(c, k, '.') && !is_p(c, k, ','))
			return a;
	return k + 1 < cu && k < a + 10 ? k + 1 : a;
}

/* "Ana Ruiz and Tom Pike issued a statement": a subject joined by "and"
 * to a name, a verb in lower case after it, is the whole coordination, as
 * coordinated() has it before a cue; at holds the first conjunct. */
static void
subject_and(const struct ctx *c, size_t cu, struct qt_attr *at)
{
	struct qt_attr r;
	size_t v;

	if (at->sk == SK_PRON || at->spb + 2 >= cu || !word_is(c, at->spb, W_AND))
		return;
	memset(&r, 0, sizeof r);
	if (!np_after(c, at->spb + 1, cu, &r) || r.spa != at->spb + 1 ||
	    r.sk == SK_PRON || (r.sk != SK_NAME && at->sk != SK_NAME))
		return;
	v = verb_after(c, r.spb, cu);
	if (v == NONE || (c->x.tok[v].lx & LX_PREP))
		return;
	at->spb = r.spb;
	at->sk = SK_DESC;
}

/* Do tokens [a, b) hold nothing, or a role in capitals of up to four
 * words before a name ("..., Harbour Police Chief Ida Brandt lobbied")? */
static int
role_run(const struct ctx *c, size_t a, size_t b)
{
	if (b < a || b - a > 4)
		return 0;
	for (; a < b; a++)
		if (!is_word(c, a) || !c->x.tok[a].cap ||
		    (c->x.tok[a].lx & (LX_STOP | LX_DET | LX_PRON | LX_CUE)))
			return 0;
	return 1;
}

/* The subject of a sentence's main clause: "Kasich quit, telling ...",
 * "While touring the docks, Ruiz teased ..., saying ...". */
static int
subject(const struct ctx *c, size_t a, size_t cu, struct qt_attr *at)
{
	size_t i;
	int first = 1;

	if (a < cu && (word_is(c, a, W_BUT) || word_is(c, a, W_AND)))
		a++;
	a = dateline_end(c, a, cu);
	/* "Ruiz's harbour campaign chief, Tom Pike, wrote ...": a
	 * name after a role at the start counts; not "Greeting the crowd,
	 * Lund ...", a capital only because the sentence opens there */
	if (!(a < cu && c->x.tok[a].cap && ing_cue(c, a) &&
	    c->x.tok[a].et < 0) && np_after(c, a, cu, at) && (at->spa == a || (at->sk == SK_NAME &&
	    at->spa <= a + 6))) {
		/* "The council kept the vote close": an article after a word
		 * that is no link is a verb's object; the subject ends before
		 * the verb */
		for (i = at->spa + 2; at->sk == SK_DESC && i < at->spb; i++)
			if ((c->x.tok[i].lx & LX_DET) && !(c->x.tok[i].lx &
			    LX_PRON) && !(c->x.tok[i - 1].lx & (LX_DET | LX_LINK))) {
				at->spb = i - 1;
				break;
			}
		subject_and(c, cu, at);
		return 1;
	}
	/* "Union leader Carla Mendes attacked ...": a capitalised role of a
	 * few words, then the name, opening the sentence */
	if (a < cu && c->x.tok[a].cap && !(c->x.tok[a].lx & (LX_DET |
	    LX_STOP | LX_PRON)))
		for (i = a + 1; i < cu && i <= a + 4 && is_word(c, i); i++) {
			if ((c->x.tok[i].lx & (LX_STOP | LX_CUE | LX_BE |
			    LX_PREP)) || (!c->x.tok[i].cap && ends_with(c, i, "ed")))
				break;
			if (namey(c, i) && !namey(c, i - 1) &&
			    name_right(c, i, cu, at))
				return 1;
		}
	for (i = a; i + 2 < cu; i++) {
		if (!is_p(c, i, ',') || c->x.tok[i].q >= 0)
			continue;
		/* "In Ohio on Tuesday, Mr. Lou struck a calm tone, saying
		 * ...", "..., Lou was in Maine, promising ..." */
		if (np_after(c, i + 1, cu, at) && role_run(c, i + 1,
		    sp_open(c, at->spa, i + 1)) && at->sk != SK_DESC &&
		    at->spb < cu &&
		    is_word(c, at->spb) && !c->x.tok[at->spb].cap &&
		    (!(c->x.tok[at->spb].lx & (LX_STOP | LX_DET)) ||
		    (c->x.tok[at->spb].lx & LX_BE)))
			return 1;
		/* "In May, a county judge sided with them, saying ...": a
		 * describing subject after an opening phrase of a few words
		 * with no verb, and its finite verb */
		if (first && i > a && i <= a + 5 && !has_verb(c, a, i) &&
		    np_after(c, i + 1, cu, at) && at->sk == SK_DESC &&
		    sp_open(c, at->spa, i + 1) == i + 1 && at->spb < cu &&
		    finite_verb(c, at->spb))
			return 1;
		first = 0;
	}
	return 0;
}

/* Where to look for the next cue after a report: past its end when it
 * ends before the sentence does ("Twitter reported a loss and said it
 * would ..."), and a clause before a later cue starts there too. */
static size_t
resume(const struct ctx *c, size_t i, size_t be, size_t *from)
{
	if (c->ind_end <= i + 1 || c->ind_end >= be)
		return be;
	*from = c->ind_end;
	return c->ind_end - 1;
}

/* "Podesta, who said the project was vetted, said ...": a report inside
 * a relative clause set off by commas ends at the next comma; 0 if the
 * cue at cu is not in such a clause. */
static size_t
aside_end(const struct ctx *c, size_t cu, size_t lo, size_t x, size_t be)
{
	size_t k = skip_adv(c, cu, lo);

	if (!(k > lo + 1 && word_is(c, k - 1, W_WHO) && is_p(c, k - 2, ',')))
		return 0;
	for (k = x + 1; k < be; k++)
		if (is_p(c, k, ',') && c->x.tok[k].q < 0)
			return k;
	return 0;
}

/* A word that may open a reported clause: its subject ("the", "it",
 * "Lu", "52") or "that" before it; not "nothing", "yes to ...". */
static int
clause_start(const struct ctx *c, size_t x)
{
	size_t k;

	if ((x > 0 && word_is(c, x - 1, W_THAT)) || subject_word(c, x))
		return 1;
	/* "there is", "there will be": an expletive subject */
	if (x + 1 < c->x.ntok && word_is_text(c, x, "there") &&
	    is_word(c, x + 1) && (c->x.tok[x + 1].lx & (LX_BE | LX_HYPO)))
		return 1;
	/* "stricter gun laws would help": a bare noun phrase of a few
	 * words, then a modal or a form of "be" */
	if (!is_word(c, x) || (c->x.tok[x].lx & (LX_STOP | LX_PREP | LX_LINK |
	    LX_HYPO | LX_BE | LX_ADV | LX_NEG | LX_TIME)) || ends_with(c, x, "ing"))
		return 0;
	for (k = x + 1; k < c->x.ntok && k <= x + 3 && is_word(c, k); k++) {
		if (c->x.tok[k].lx & (LX_HYPO | LX_BE))
			return !(c->x.tok[k].lx & LX_STOP) ||
			    (c->x.tok[k].lx & LX_BE);
		if (c->x.tok[k].lx & (LX_STOP | LX_PREP | LX_LINK | LX_CUE |
		    LX_ICUE | LX_PRON | LX_DET))
			return 0;
	}
	return 0;
}

/* The words before a cue back to the clause's start, as a describing
 * speaker, when no rule read them: a few words, no relative pronoun
 * ("which he said"), not a verb's object or a preposition's.  Sets
 * at's speaker and returns its start, or NONE. */
static size_t
loose_subject(const struct ctx *c, size_t cu, size_t lo, struct qt_attr *at)
{
	size_t k = skip_adv(c, cu, lo), j;

	if (ing_cue(c, cu) || k <= lo || !is_word(c, k - 1) ||
	    (c->x.tok[k - 1].lx & (LX_BE | LX_HYPO | LX_DET | LX_PREP | LX_LINK)))
		return NONE;
	for (j = k; j > lo && is_word(c, j - 1) && k - j < 12; j--)
		if (word_is(c, j - 1, W_WHO) || word_is(c, j - 1, W_WHICH) ||
		    word_is(c, j - 1, W_THAT) || word_is(c, j - 1, W_WHAT) ||
		    (c->x.tok[j - 1].lx & LX_HYPO))
			return NONE;
	/* it opens with a capital, an article or a number: not "and",
	 * "although it does"; one word alone was np_before()'s to take */
	if (k - j < 2 || (j > lo && (is_word(c, j - 1) || is_mark(c, j - 1))) ||
	    !(c->x.tok[j].cap || (c->x.tok[j].lx & LX_DET) ||
	    quantity(c, j)) || (c->x.tok[j].lx & (LX_STOP | LX_PRON |
	    LX_PREP | LX_HYPO)))
		return NONE;
	switch (LX_WORD(c->x.tok[j].lx)) {
	case W_AND: case W_BUT: case W_ALTHOUGH: case W_THOUGH: case W_WHILE:
	case W_WHEN: case W_AS: case W_SINCE: case W_BECAUSE: case W_BEFORE:
	case W_AFTER: case W_UNTIL: case W_WHEREAS:
		return NONE;
	}
	set_desc(at, j, k);
	return j;
}

static int infinitive(const struct ctx *, size_t, size_t);

/* Does a question asked begin at token i: "whether", "if", "why" ...,
 * or "to" and a verb? */
static int
question_word(const struct ctx *c, size_t i, size_t be)
{
	switch (LX_WORD(c->x.tok[i].lx)) {
	case W_WHETHER: case W_IF: case W_WHY: case W_HOW: case W_WHAT:
	case W_WHICH: case W_WHO: case W_WHERE: case W_WHEN:
		return 1;
	}
	return infinitive(c, i, be);
}

/* "Asked on Monday whether he would run, Lu shook his head": the
 * question, up to the comma, with no speaker: who asked is not said, and
 * Lu was asked.  mid: "..., Lu said when asked whether ...", where the
 * question may also run to the sentence's end.  Returns where the
 * question ends, or be if the sentence is not so. */
static size_t
asked_first(struct ctx *c, size_t e, size_t be, struct qt_attr *at, int mid)
{
	size_t k, q = be;

	for (k = e; k < be && k < e + 10 && !is_p(c, k, ','); k++)
		if (is_word(c, k) && question_word(c, k, be)) {
			q = k;
			break;
		}
	if (q >= be)
		return be;
	for (k = q + 1; k < be && k < q + 60; k++)
		if ((is_p(c, k, ',') || is_mark(c, k)) && c->x.tok[k].q < 0)
			break;
	/* "..., she said when asked whether she would run": the question
	 * may end the sentence */
	if ((k >= be && !mid) || k >= q + 60 || (k < be && !is_p(c, k, ',')))
		return be;
	return emit_indirect(c, q, k, at, EI_LEFT) ? k : be;
}

/* "to" and a verb at token i: an infinitive, not "to the voters". */
static int
infinitive(const struct ctx *c, size_t i, size_t be)
{
	return i + 1 < be && word_is(c, i, W_TO) && is_word(c, i + 1) &&
	    !c->x.tok[i + 1].cap && !(c->x.tok[i + 1].lx & (LX_DET |
	    LX_PRON));
}

/* What a verb of belief or intention reports is a clause: "that ...",
 * "to ...", "the party to ...", not an object ("wants the votes", "people
 * they know"). */
static int
complement(const struct ctx *c, size_t e, size_t be)
{
	size_t k;

	while (e < be && is_word(c, e) && (c->x.tok[e].lx & LX_ADV))
		e++;
	if (e + 1 < be && word_is(c, e, W_THAT))
		return 1;
	for (k = e; k < be && k < e + 5; k++) {
		if (infinitive(c, k, be))
			return 1;
		if (!is_word(c, k))
			break;
	}
	return 0;
}

/* "Support appears to have grown", "It seems that ...", "the law is
 * expected to pass": what follows is reported with no source.  Returns
 * where the content starts, or be if the cue is not used so. */
static size_t
sourceless(const struct ctx *c, size_t cu, size_t e, size_t lo, size_t be,
    uint64_t f)
{
	size_t k = skip_adv(c, cu, lo);

	/* "expected" is a speaker's cue too: without "is" it has one */
	if ((f & LX_CUE) && !(k > lo && is_word(c, k - 1) &&
	    (c->x.tok[k - 1].lx & LX_BE)))
		return be;
	if (k > lo && is_word(c, k - 1) && (c->x.tok[k - 1].lx & LX_BE))
		k--;
	/* "the voters who seem to ...", "what seemed to be": a relative
	 * clause inside the sentence, no report of it */
	if (k > lo && (word_is(c, k - 1, W_WHO) || word_is(c, k - 1, W_WHICH) ||
	    word_is(c, k - 1, W_THAT) || word_is(c, k - 1, W_WHAT)))
		return be;
	/* "it was announced on Friday that ...", "is expected this week
	 * to ..." */
	e = skip_adverbials(c, e, be);
	if (e + 1 < be && word_is(c, e, W_THAT))
		return e;
	if (infinitive(c, e, be))
		return e;
	return be;
}

/* "The vote seems to favour Lu", "the ruling is expected to stand": the
 * subject of the clause the verb reports is set before the verb and is
 * the first part of the report (as the part before an attribution set in
 * the middle is), when it is a noun phrase of its own: not "it", not a
 * relative pronoun, not a pronoun (a record of "he" tells nothing), not
 * one after a preposition. */
static void
raised(struct ctx *c, size_t cu, size_t lo, const struct qt_attr *at)
{
	struct qt_attr sub;
	size_t k = skip_adv(c, cu, lo), k0;

	if (k > lo && is_word(c, k - 1) && (c->x.tok[k - 1].lx & LX_BE))
		k = skip_adv(c, k - 1, lo);
	if (k <= lo || !is_word(c, k - 1))
		return;
	memset(&sub, 0, sizeof sub);
	if (!np_end_at(c, k - 1, lo, &sub) || sub.spb != k ||
	    word_is(c, sub.spa, W_IT) || word_is_text(c, sub.spa, "there") ||
	    sub.sk == SK_PRON ||
	    (sub.spa > lo && is_word(c, sub.spa - 1) &&
	    (c->x.tok[sub.spa - 1].lx & (LX_PREP | LX_LINK))))
		return;
	/* it opens the clause: at the sentence's start, after a comma or a
	 * word that opens a clause ("but", "though"), not inside a longer
	 * phrase ("Gowdy and his team", "more than 250,000 Iowans") */
	k0 = sp_open(c, sub.spa, lo);
	if (k0 > lo && !is_p(c, k0 - 1, ',') &&
	    !word_is(c, k0 - 1, W_BUT) && !word_is(c, k0 - 1, W_THOUGH) &&
	    !word_is(c, k0 - 1, W_ALTHOUGH) && !word_is(c, k0 - 1, W_WHILE) &&
	    !word_is(c, k0 - 1, W_WHEN) && !word_is(c, k0 - 1, W_BECAUSE) &&
	    !word_is(c, k0 - 1, W_AS) && !word_is(c, k0 - 1, W_SINCE) &&
	    !word_is(c, k0 - 1, W_IF) && !word_is(c, k0 - 1, W_THAT))
		return;
	emit_indirect(c, k0, k, at, EI_ASIDE);
}

/* Can word i be the verb that goes on with a subject ("has surged",
 * "was a decision"), not "as prices climbed", "the ..."? */
static int
verb_like(const struct ctx *c, size_t i)
{
	return is_word(c, i) && !c->x.tok[i].cap && ((c->x.tok[i].lx & LX_BE) ||
	    !(c->x.tok[i].lx & (LX_STOP | LX_PREP | LX_LINK | LX_DET | LX_PRON |
	    LX_TIME)));
}

/* "remained", "seems": a verb that links a subject to a word of belief
 * as a form of "be" does ("remained hopeful that ..."). */
static int
copula(const struct ctx *c, size_t i)
{
	return word_is_text(c, i, "remain") || word_is_text(c, i, "remains") ||
	    word_is_text(c, i, "remained") || word_is_text(c, i, "seem") ||
	    word_is_text(c, i, "seems") || word_is_text(c, i, "seemed");
}

/* A verb the content clause after a noun cue may show cheaply: 1 for a
 * form of "be" or an aux_verbs word ("has", a modal), which a verb may
 * follow in its group; 2 for finite_verbs (irregular pasts that are no
 * participle, "remains", "seems"), 3 for a lower-case word in -ed, which
 * may be one ("the money collected last year"); 2 and 3 end their group
 * ("was never opened | was false").  The lists are qt.yaml's. */
static int
finite_verb(const struct ctx *c, size_t i)
{
	if (!is_word(c, i) || c->x.tok[i].cap)
		return 0;
	if (c->x.tok[i].lx & LX_BE)
		return 1;
	if (ends_with(c, i, "ed"))
		return 3;
	if (c->x.tok[i].ch & LX_CH(LX_VAUX))
		return 1;
	if (c->x.tok[i].ch & LX_CH(LX_VEND))
		return 2;
	return 0;
}

/* "knew", "has learned": a verb of knowing (qt.yaml's knowing_verbs),
 * which no cue list holds, takes a clause without "that" as cues do. */
static int
knowing(const struct ctx *c, size_t i)
{
	return is_word(c, i) && (c->x.tok[i].ch & LX_CH(LX_KNOW));
}

/* Is [a, b) a subject of names and pronouns only ("Lu and Ruiz", "he"),
 * so that an -ed word after it is its verb, not a participle ("the
 * money Lu collected")? */
static int
names_only(const struct ctx *c, size_t a, size_t b)
{
	if (a >= b)
		return 0;
	for (; a < b; a++)
		if (!is_word(c, a) || !(c->x.tok[a].cap ||
		    word_is(c, a, W_AND) || (c->x.tok[a].lx & LX_PRON)))
			return 0;
	return 1;
}

/*
 * "Her belief that the pier would open in May was shared by many": a
 * noun cue at i whose phrase is the subject of its sentence (it opens the
 * sentence, or follows an adverbial and its comma) has a content clause
 * that ends before the main verb.  The clause has a verb of its own, so
 * the main verb is a second one: a finite_verb() after a word that is no
 * auxiliary, adverb, article or preposition, with a verb of the clause
 * before it that is plainly finite (not an -ed word, which may be a
 * participle: "that the money collected last year was spent", unless
 * names or a pronoun alone stand before it: "that Lu and Ruiz wrecked").
 * Cut only where that is plain: nothing between the two verbs that
 * opens another clause (a conjunction, a comma, a relative, a cue or a
 * verb of knowing, whose clause may hold the second verb itself: "that
 * aides said the pier was unsafe", "that the board has known the pier
 * was unsafe"), and not an -ed word before "by" (a participle).  be if no
 * such verb.
 */
static size_t
subject_end(const struct ctx *c, size_t a, size_t i, size_t j, size_t be)
{
	size_t p = a, k, m;
	int seen = 0, v;

	/* "Yesterday, his warning ...": an adverbial of a few words */
	for (k = a; k < i && k < a + 6; k++)
		if (is_p(c, k, ',')) {
			p = k + 1;
			break;
		}
	/* "But her claim ..." */
	if (p == a && p < i && (word_is(c, p, W_BUT) || word_is(c, p, W_AND)))
		p++;
	/* "the", "her", "Lu's", "the mayor's"; or the noun alone
	 * ("Fears that ...") */
	if (i - p > 4 || !is_word(c, p) || !(p == i || (c->x.tok[p].lx &
	    LX_DET) || possessive(c, p)))
		return be;
	for (k = p; k < i; k++)
		if (!is_word(c, k) || (c->x.tok[k].lx & (LX_BE | LX_PRON |
		    LX_CUE | LX_STOP | LX_PREP)))
			return be;
	for (m = j; m < be && m < j + 40; m++) {
		/* words in quotation marks are the report's: "that the
		 * fares were “fair” is false" */
		if (c->x.tok[m].q >= 0)
			continue;
		if (!is_word(c, m)) {
			if (seen)
				return be;
			continue;
		}
		v = finite_verb(c, m);
		if (v && seen) {
			for (k = m; k > j && is_word(c, k - 1) &&
			    ((c->x.tok[k - 1].lx & (LX_ADV | LX_NEG)) ||
			    ly_adverb(c, k - 1, j)); k--)
				;
			if (k == m && finite_verb(c, m - 1) != 1 &&
			    !(c->x.tok[m - 1].lx & (LX_DET | LX_PREP |
			    LX_LINK | LX_PRON | LX_STOP)) &&
			    !(v == 3 && m + 1 < be && word_is_text(c, m + 1,
			    "by")))
				return m;
		}
		/* "that aides told the board the pier was unsafe", "that
		 * the board knew that ...", "that the pier, which ...": a
		 * clause inside may hold the second verb (not "the plan") */
		if (((c->x.tok[m].lx & (LX_CUE | LX_ICUE)) && !(m > j &&
		    (c->x.tok[m - 1].lx & LX_DET))) || word_is(c, m, W_THAT) ||
		    word_is(c, m, W_WHO) || word_is(c, m, W_WHICH) ||
		    knowing(c, m))
			return be;
		if (v == 1 || v == 2 || (v == 3 && names_only(c, j, m)))
			seen = 1;
		else if (seen && (c->x.tok[m].lx & LX_STOP) &&
		    !(c->x.tok[m].lx & LX_PREP) && !word_is(c, m, W_TO) &&
		    /* "used as a tool" */
		    !(word_is(c, m, W_AS) && m + 1 < be &&
		    (word_is_text(c, m + 1, "a") || word_is_text(c, m + 1,
		    "an"))))
			return be;
	}
	return be;
}

/* A cue word used for something else: "found himself", "the economy
 * added 200,000 jobs", "a company called Acme". */
static int
not_speech(const struct ctx *c, size_t i, size_t e, size_t be)
{
	size_t k;

	if (e >= be || !is_word(c, e) || tl(c, i) < 4 || tl(c, i) > 6)
		return 0;
	if ((word_is_text(c, i, "found") || word_is_text(c, i, "finds")) &&
	    (word_is_text(c, e, "himself") || word_is_text(c, e, "herself") ||
	    word_is_text(c, e, "itself") || word_is_text(c, e, "themselves")))
		return 1;
	if ((word_is_text(c, i, "added") || word_is_text(c, i, "adds")) &&
	    tx(c, e)[0] >= '0' && tx(c, e)[0] <= '9')
		return 1;
	/* "told the story the way ...", "tells a joke": what is told is
	 * a story or a joke, not whom, and no report follows; "told the
	 * story of ..." tells what it was about */
	if ((word_is(c, i, W_TOLD) || word_is(c, i, W_TELLS)) && e + 1 < be &&
	    e == i + 1 && (article(c, e) || (c->x.tok[e].lx & LX_DET)) &&
	    is_word(c, e + 1) && (c->x.tok[e + 1].ch & LX_CH(LX_TOLDW)) &&
	    !(e + 2 < be &&
	    (word_is(c, e + 2, W_OF) || word_is(c, e + 2, W_ABOUT))))
		return 1;
	if (!word_is_text(c, i, "called") || e != i + 1 || i < 2)
		return 0;
	/* "a company called Acme", "a popular play called ...", "a move
	 * called the boneless": a thing and its name after "a" */
	if (!is_word(c, i - 1) || c->x.tok[i - 1].cap || (c->x.tok[i - 1].lx &
	    (LX_PRON | LX_STOP | LX_ADV | LX_CUE | LX_ICUE)))
		return 0;
	for (k = i - 1; k > 0 && k + 4 > i && is_word(c, k - 1) &&
	    !(c->x.tok[k - 1].lx & (LX_STOP | LX_PRON | LX_CUE | LX_ICUE)) &&
	    !word_is_text(c, k - 1, "a") && !word_is_text(c, k - 1, "an"); k--)
		;
	return k > 0 && (word_is_text(c, k - 1, "a") ||
	    word_is_text(c, k - 1, "an"));
}

static int source_noun(const struct ctx *, size_t);

/* "Poll: ...", "Historians: ...", "Report: ...": a headline's words before
 * its colon that can be a source, a plural, a poll, a word of a group's
 * name or of attribution_nouns; not a label ("Breaking: ...", "Watch:
 * ...", "Revealed: ...") */
static int
colon_source(const struct ctx *c, size_t i)
{
	return source_noun(c, i) || (c->x.tok[i].lx & (LX_ATTRN |
	    LX_ORGWORD)) || (ends_with(c, i, "s") && !possessive(c, i) &&
	    !ends_with(c, i, "ss"));
}

/* "Mark Cuban: I'd consider a run", "Poll: Lu leads in Ohio": a few
 * capitalised words and a colon opening a headline, or opening a
 * paragraph as a name does in a transcript ("MATTHEWS: Well, ..."), are
 * the speaker of what follows.  Sets *at and returns where the content
 * starts, or NONE. */
static size_t
colon_speaker(const struct ctx *c, size_t a, size_t be, struct qt_attr *at)
{
	size_t k, i;

	if (a > 0 && tpara(c, a - 1) == tpara(c, a))
		return NONE;
	for (k = a; k < be && k < a + 4 && is_word(c, k) && c->x.tok[k].cap &&
	    !(c->x.tok[k].lx & (LX_STOP | LX_DET | LX_PRON)); k++)
		;
	if (k == a || k + 3 >= be || !is_p(c, k, ':') || !is_word(c, k + 1) ||
	    (c->x.tok[a].et < 0 && !all_caps(c, a) &&
	    (tpara(c, a) != headline(c) || !colon_source(c, k - 1))))
		return NONE;
	/* "Ruiz: 1,874": a tally, not what she said */
	for (i = k + 1; i < be && !(is_word(c, i) && !(tx(c, i)[0] >= '0' &&
	    tx(c, i)[0] <= '9')); i++)
		;
	if (i >= be)
		return NONE;
	memset(at, 0, sizeof *at);
	at->spa = a;
	at->spb = k;
	at->sk = c->x.tok[a].et >= 0 ? SK_NAME : SK_DESC;
	set_cue(at, k, k + 1);
	at->how = AT_OWN;
	return k + 1;
}

/* A word naming where findings were published: a poll, survey or
 * study (a statement or an interview has a speaker of its own). */
static int
source_noun(const struct ctx *c, size_t i)
{
	return word_is_text(c, i, "poll") || word_is_text(c, i, "polls") ||
	    word_is_text(c, i, "survey") || word_is_text(c, i, "surveys") ||
	    word_is_text(c, i, "study");
}

/* "In a CBS News poll released Sunday, CLAUSE", "CLAUSE in the latest
 * Gallup survey": a sentence with no other report gives its source in
 * a phrase of "in" and a source noun, the rest is what it found.
 * Writes one report and returns 1, or 0. */
static int
source_phrase(struct ctx *c, size_t a, size_t be)
{
	struct qt_attr at;
	size_t i, k, n = 0, sn = 0;

	/* a headline's "in polls" is its topic; with no role=title, the
	 * first of several paragraphs is taken for it, as for quotations */
	if (tpara(c, a) == headline(c))
		return 0;
	if (a < be && (word_is(c, a, W_BUT) || word_is(c, a, W_AND)))
		a++;
	/* a cue in it: its own rules read it, or it reports nothing */
	for (k = a; k < be; k++)
		if (is_word(c, k) && (c->x.tok[k].lx & (LX_CUE | LX_ICUE)))
			return 0;
	memset(&at, 0, sizeof at);
	at.how = AT_OWN;
	c->cuef = LX_CUE;
	if (a + 3 < be && word_is_text(c, a, "in") && is_word(c, a + 1) &&
	    ((c->x.tok[a + 1].lx & LX_DET) || possessive(c, a + 1) ||
	    c->x.tok[a + 1].cap)) {
		/* the phrase: no cue, no quotation, a source noun in it */
		for (k = a + 1; k < be && k < a + 16 && !is_p(c, k, ','); k++) {
			if (c->x.tok[k].q >= 0 || (is_word(c, k) &&
			    (c->x.tok[k].lx & (LX_CUE | LX_ICUE))))
				return 0;
			if (source_noun(c, k)) {
				n++;
				sn = k;
			}
		}
		if (n == 0 || k >= be || k >= a + 16 || !is_word(c, k + 1) ||
		    !clause_start(c, k + 1))
			return 0;
		set_desc(&at, a + 1, k);
		set_cue(&at, sn, sn + 1);
		if (!emit_indirect(c, k + 1, be, &at, EI_RIGHT))
			return 0;
		c->out[c->nout - 1].weak = 1;
		return 1;
	}
	/* at the end: "in" and a few words ending in the source noun */
	if (be < a + 5 || !source_noun(c, be - 1) || !clause_start(c, a))
		return 0;
	for (i = be - 1; i > a + 2 && i + 8 > be; i--)
		if (word_is_text(c, i - 1, "in"))
			break;
	/* "in the polls" alone is the race's standing, not a finding */
	if (i <= a + 2 || i + 8 <= be || !word_is_text(c, i - 1, "in") ||
	    be - i < 3)
		return 0;
	for (k = a; k < be; k++)
		if (c->x.tok[k].q >= 0)
			return 0;
	set_desc(&at, i, be);
	set_cue(&at, be - 1, be);
	if (!emit_indirect(c, a, i - 1, &at, EI_LEFT))
		return 0;
	c->out[c->nout - 1].weak = 1;	/* lends no quotation its source */
	return 1;
}

/* "Ruiz, who is said to ...", "which is expected to": a passive in a
 * relative clause, which sourceless() turned away, has no source either;
 * its subject is no speaker, and what follows is reported by no one.
 * 0: [i, e) is no such cue; 1: it is; 2: and it reported. */
static int
rel_passive(struct ctx *c, size_t i, size_t e, size_t a, size_t be,
    const struct qt_attr *at)
{
	size_t k = skip_adv(c, i, a), x;

	if (ing_cue(c, i) || k <= a || !is_word(c, k - 1) ||
	    !(c->x.tok[k - 1].lx & LX_BE))
		return 0;
	for (x = e; x < be && is_word(c, x) && (c->x.tok[x].lx & LX_ADV); x++)
		;
	return x + 1 < be && (word_is(c, x, W_THAT) || infinitive(c, x, be)) &&
	    emit_indirect(c, x, be, at, EI_RIGHT) ? 2 : 1;
}

/* Is [l, sp0 - 1), before "SPEAKER CUE:" whose speaker opens at sp0,
 * a clause that the speaker reports ("CLAUSE, engineers said: A, B and
 * C")?  Not "In a statement, Lu said:" nor "Asked why, ...": a clause of
 * four words or more opens with no preposition, link, stop word or -ing
 * word, ends on a comma and on no adverb ("A few minutes later, he
 * added:"), and is not a quotation alone (from a, the sentence's first
 * token) nor a subordinate clause alone. */
static int
colon_left(const struct ctx *c, size_t l, size_t a, size_t sp0)
{
	return sp0 > l + 4 && is_p(c, sp0 - 1, ',') && is_word(c, l) &&
	    !(c->x.tok[l].lx & (LX_PREP | LX_LINK | LX_STOP | LX_TIME |
	    LX_CUE | LX_ICUE)) && !ends_with(c, l, "ing") &&
	    words_in(c, l, sp0 - 1) >= 4 &&
	    !(c->x.tok[sp0 - 2].lx & (LX_TIME | LX_ADV)) &&
	    !all_quoted(c, a, sp0 - 1) && !lone_sub(c, l, sp0 - 1);
}

static void
indirect(struct ctx *c)
{
	size_t s, i, e, j, stop;

	for (s = 0; s < c->nsent; s++) {
		size_t a = c->sent[s].a, b = c->sent[s].b, be = b, k, left0 = a;
		size_t n0;
		struct qt_attr prev;
		int have = 0;

		memset(&prev, 0, sizeof prev);
		c->lprev = a;

		for (k = b; k > a && (is_mark(c, k - 1) ||
		    c->x.tok[k - 1].kind == T_PUNCT); k--)
			if (is_p(c, k - 1, '?'))
				break;
		if (k > a && is_p(c, k - 1, '?'))
			continue;	/* a question reports nothing */
		while (be > a && c->x.tok[be - 1].kind == T_PUNCT)
			be--;
		n0 = c->nout;
		if ((k = colon_speaker(c, a, be, &prev)) != NONE &&
		    (stop = transcript_end(c, s, a)) != NONE) {
			/* "NOVAK: Well, ... . And ...": a speaker's turn in a
			 * transcript is the whole paragraph */
			if (emit_indirect(c, k, stop, &prev, EI_WHOLE)) {
				while (s + 1 < c->nsent &&
				    c->sent[s + 1].para == c->sent[s].para)
					s++;
				continue;
			}
		} else if (k != NONE && emit_indirect(c, k, be, &prev, EI_RIGHT))
			left0 = c->ind_end < be ? c->ind_end : a;
		memset(&prev, 0, sizeof prev);
		for (i = a; i < be; i++) {
			struct qt_attr at;
			uint64_t f;
			size_t x, whole;

			/* most words are no cue of either kind below: one test */
			if (!(c->x.tok[i].lx & (LX_NCUE | LX_CUE | LX_ICUE |
			    LX_PHRASE)))
				continue;
			/* "claims" may be a verb: then only after "the", "his",
			 * "Lu's", or opening the sentence in the plural, where
			 * no verb with its -s stands ("Fears that ...") */
			if ((c->x.tok[i].lx & LX_NCUE) && c->x.tok[i].q < 0 &&
			    (!(c->x.tok[i].lx & (LX_CUE | LX_ICUE)) || (i > a &&
			    is_word(c, i - 1) && ((c->x.tok[i - 1].lx & LX_DET) ||
			    possessive(c, i - 1))) || (i == a &&
			    tx(c, i)[tl(c, i) - 1] == 's')) &&
			    i + 2 < be && word_is(c, i + 1, W_THAT) &&
			    is_word(c, i + 2) && subject_word(c, i + 2)) {
				/* "the claim that ...": the content only */
				own_attr(&at, i, i + 1);
				/* "his contention that ...", "their smug
				 * assurances that ...": the possessive speaks */
				for (k = i; k > a && k + 3 > i && is_word(c,
				    k - 1) && (!c->x.tok[k - 1].cap || k - 1 ==
				    a) && !(k < i && (c->x.tok[k].lx & (LX_DET |
				    LX_PREP))); k--)
					if (word_is_text(c, k - 1, "his") ||
					    word_is_text(c, k - 1, "her") ||
					    word_is_text(c, k - 1, "their")) {
						at.spa = k - 1;
						at.spb = k;
						at.sk = SK_PRON;
						break;
					}
				c->cuef = 0;
				x = subject_end(c, a, i, i + 2, be);
				/* the subject's report lies inside the sentence
				 * a later "..., Lu said" reports: that starts
				 * at the subject, not after it */
				if (emit_indirect(c, i + 2, x, &at, EI_RIGHT))
					i = resume(c, i, be, x < be ? &whole :
					    &left0);
				continue;
			}
			f = icue_at(c, i, be, &e);

			if (!(f & LX_ICUE) || hypothetical(c, i, a) ||
			    not_speech(c, i, e, be))
				continue;
			c->cuef = f;
			own_attr(&at, i, e);
			if (word_is(c, i, W_ASKED) && (i == a || (i == a + 1 &&
			    word_is(c, a, W_WHEN)))) {
				if ((x = asked_first(c, e, be, &at, 0)) < be)
					i = x;
				continue;
			}
			/* "..., Lu said when asked if he would run" */
			if (word_is(c, i, W_ASKED) && i > a + 1 &&
			    word_is(c, i - 1, W_WHEN)) {
				if ((x = asked_first(c, e, be, &at, 1)) < be)
					i = x;
				continue;
			}
			if ((f & LX_NOSRC) && (x = sourceless(c, i, e, a, be, f)) < be) {
				if (emit_indirect(c, x, be, &at, EI_RIGHT)) {
					if (!word_is(c, x, W_THAT))
						raised(c, i, a, &at);
					i = resume(c, i, be, &left0);
				}
				continue;
			}
			if ((f & LX_NOSRC) && (f & LX_CUE) && i > a &&
			    ((c->x.tok[i - 1].lx & (LX_BE | LX_ADV)) ||
			    ends_with(c, i - 1, "ly")) &&
			    (x = rel_passive(c, i, e, a, be, &at)) != 0) {
				if (x == 2)
					i = resume(c, i, be, &left0);
				continue;
			}
			if (!(f & (LX_CUE | LX_DCUE)) && ((f & LX_NOSRC) ||
			    !complement(c, e, be)))
				continue;
			if (is_according(c, i)) {
				int start = i == a || (i == a + 1 &&
				    (word_is(c, a, W_BUT) || word_is(c, a, W_AND)));
				size_t from = e;
				if (np_after(c, e, be, &at))
					from = at.spb;
				else if (!start) {
					/* "..., according to state corporate
					 * records": the whole phrase, to the end */
					for (k = e; k < be && k < e + 24 &&
					    (is_word(c, k) || is_p(c, k, '-')); k++)
						;
					/* or to its closing comma: "..., according
					 * to figures from the group, as buyers ..." */
					if ((k != be && !(is_p(c, k, ',') &&
					    is_p(c, i - 1, ','))) || k == e || i <= a + 2)
						continue;
					set_desc(&at, e, k);
				}
				if (start) {
					/* "According to early results of exit polls
					 * conducted by ..., ": a long source */
					for (k = from; k < be && k < from + 28; k++)
						if (is_p(c, k, ','))
							break;
					if (k >= be || k >= from + 28)
						continue;
					/* "According to the report, which came out
					 * Monday, ...": the source's clause is not
					 * what it says */
					if (k + 1 < be && (word_is(c, k + 1, W_WHICH) ||
					    word_is(c, k + 1, W_WHO))) {
						size_t w = k + 1;
						for (k = w; k < be && k < w + 20; k++)
							if (is_p(c, k, ','))
								break;
						if (k >= be || k >= w + 20)
							continue;
					}
					k = appositive_end(c, at.spb > at.spa &&
					    at.sk == SK_NAME && k == at.spb, k, be);
					if (at.spb <= at.spa) {
						/* "According to the schedule published
						 * Thursday, ...": the whole phrase */
						set_desc(&at, e, k);
					}
					emit_indirect(c, k + 1, be, &at, EI_RIGHT);
					i = be;
				} else if (at.spb > at.spa && at.spb + 2 < be &&
				    is_p(c, at.spb, ',') && i > left0 + 1 &&
				    is_p(c, i - 1, ',') && words_in(c, left0, i) <= 5 &&
				    verb_like(c, at.spb + 1)) {
					/* "Fundraising, according to the campaign,
					 * has surged": a few words before, the
					 * report goes on after; both are its parts */
					if (emit_indirect(c, at.spb + 1, be, &at,
					    EI_RIGHT)) {
						emit_indirect(c, left0, i - 1, &at,
						    EI_ASIDE);
						i = resume(c, i, be, &left0);
					}
				} else if (at.spb > at.spa && at.spb + 3 < be &&
				    is_p(c, at.spb, ',') && i > left0 + 1 &&
				    is_p(c, i - 1, ',') && words_in(c, left0, i) <= 8 &&
				    !has_verb(c, left0, i - 1) &&
				    clause_start(c, at.spb + 1)) {
					/* "But the next day, according to Lu, the
					 * owners made demands": a phrase that sets
					 * the scene, then the report */
					if (emit_indirect(c, at.spb + 1, be, &at,
					    EI_RIGHT)) {
						emit_indirect(c, left0, i - 1, &at,
						    EI_ASIDE);
						i = resume(c, i, be, &left0);
					} else
						i = at.spb;
				} else if (i > a + 2) {
					/* "..., according to X" and, without the comma,
					 * "Ruiz leads by 40 votes according to X" */
					if (emit_indirect(c, left0, is_p(c, i - 1, ',') ?
					    i - 1 : i, &at, EI_LEFT))
						i = tail_after(c, &at, be);
					else
						i = at.spb;
				}
				continue;
			}
			k = skip_adv(c, i, a);
			/* "... but in a second interview said": a phrase of
			 * the occasion between "but" and the cue, as after it */
			for (j = k; j > a + 1 && j + 8 > k && is_word(c, j - 1);
			    j--)
				if ((word_is(c, j - 2, W_AND) ||
				    word_is(c, j - 2, W_BUT)) &&
				    (c->x.tok[j - 1].lx & LX_PREP) &&
				    skip_adverbials(c, j - 1, i) >= k) {
					k = j - 1;
					break;
				}
			if (ing_cue(c, i) && k == a && (x = after_cue(c, i, e,
			    be)) < be && x > 0 && word_is(c, x - 1, W_THAT)) {
				/* "Declaring that he alone can fix it, the
				 * mogul ...": the report runs to the comma, the
				 * speaker is the subject after it */
				for (k = x; k < be && k < x + 40 &&
				    !(is_p(c, k, ',') && c->x.tok[k].q < 0); k++)
					;
				if (k + 1 < be && k < x + 40 &&
				    np_after(c, k + 1, be, &at) &&
				    at.spa == k + 1 && at.spb < be &&
				    is_word(c, at.spb) && emit_indirect(c, x, k, &at,
				    EI_LEFT))
					i = k;
				continue;
			}
			if (ing_cue(c, i) && k > a && (is_p(c, k - 1, ',') ||
			    (is_word(c, k - 1) && (c->x.tok[k - 1].lx & LX_ATTRN)) ||
			    /* "... by touting", "..., while insisting" */
			    (k > a + 1 && (word_is_text(c, k - 1, "by") ||
			    word_is(c, k - 1, W_WHILE) ||
			    word_is(c, k - 1, W_AFTER) ||
			    word_is(c, k - 1, W_BEFORE) ||
			    word_is(c, k - 1, W_WHEN))))) {
				/* "..., he said, insisting that ...": the speaker
				 * is the sentence's own */
				if (have) {
					at.spa = prev.spa;
					at.spb = prev.spb;
					at.sk = prev.sk;
				} else if (!subject(c, a, i, &at))
					continue;
				x = after_cue(c, i, e, be);
				at.cub = cue_object(c, i, e, be);
				/* "..., telling the radio, “...”": a quotation */
				if (x < be && !is_mark(c, x) && !is_p(c, x, ':') &&
				    !(is_p(c, x, ',') && x + 1 < be &&
				    is_mark(c, x + 1)) &&
				    emit_indirect(c, x, be, &at, EI_RIGHT))
					i = resume(c, i, be, &left0);
				continue;
			}
			/* "She cut it but said ...": the subject is shared */
			if (k > a && (word_is(c, k - 1, W_AND) ||
			    word_is(c, k - 1, W_BUT)) && !have &&
			    subject(c, a, k - 1, &at)) {
				have = 1;
				prev = at;
			}
			if (k > a && (word_is(c, k - 1, W_AND) ||
			    word_is(c, k - 1, W_BUT)) && have) {
				at.spa = prev.spa;
				at.spb = prev.spb;
				at.sk = prev.sk;
				x = after_cue(c, i, e, be);
				at.cub = cue_object(c, i, e, be);
				if (x < be && !is_mark(c, x) && !is_p(c, x, ':') &&
				    !is_p(c, x, ',') && emit_indirect(c, x, be, &at,
				    EI_RIGHT))
					i = resume(c, i, be, &left0);
				continue;
			}
			/* '"...," said Ana Ruiz, explaining that ...': the
			 * speaker of a quotation that opens the sentence is the
			 * subject of the reports that follow */
			if (k > a + 1 && is_mark(c, k - 1) && all_quoted(c, a, k) &&
			    !ing_cue(c, i) && np_after(c, e, be, &at) &&
			    (at.spb >= be || is_p(c, at.spb, ','))) {
				prev = at;
				have = 1;
				i = at.spb;
				continue;
			}
			/* "CLAUSE, whom he's alienated ..., said Larry Sabato,
			 * a director ...": a name right after the cue, then a
			 * comma or the end, is the speaker, whatever names the
			 * commas before the cue hold */
			if (k > a + 1 && (is_p(c, k - 1, ',') ||
			    comma_mark(c, left0, k - 1)) && (f & LX_CORE) &&
			    !ing_cue(c, i) && !word_is(c, i, W_TOLD) &&
			    !word_is(c, i, W_TELLS) && np_after(c, e, be, &at) &&
			    at.sk == SK_NAME && at.spa <= e + 3 &&
			    (at.spb >= be || is_p(c, at.spb, ',')) &&
			    !all_quoted(c, a, k - 1)) {
				if (emit_indirect(c, left0, k - !is_mark(c, k - 1),
				    &at, EI_LEFT))
					i = tail_after(c, &at, be);
				else
					i = at.spb;
				prev = at;
				have = 1;
				continue;
			}
			/* "Lu is confident that ...", "the union was adamant
			 * that ...": a word of belief between a form of "be"
			 * and "that" is the cue, with the verb */
			if (!(f & (LX_CUE | LX_DCUE)) && k > a + 1 &&
			    is_word(c, k - 1) && ((c->x.tok[k - 1].lx & LX_BE) ||
			    copula(c, k - 1)) && e + 2 < be &&
			    word_is(c, e, W_THAT) && !hypothetical(c, k - 1, a)) {
				own_attr(&at, k - 1, e);
				if (np_before(c, k - 1, a, &at) &&
				    !(at.spa > a && is_word(c, at.spa - 1) &&
				    (c->x.tok[at.spa - 1].lx & LX_HYPO)) &&
				    !word_is(c, at.spa, W_IT) &&
				    !word_is_text(c, at.spa, "there") &&
				    emit_indirect(c, e + 1, continuation(c, s, be),
				    &at, EI_RIGHT)) {
					prev = at;
					have = 1;
					i = resume(c, i, be, &left0);
				}
				continue;
			}
			/* "As reported by the Harbour Times, ...": the phrase
			 * after "by" is the source, the report follows its comma */
			if ((f & LX_CORE) && e + 3 < be && word_is_text(c, e,
			    "by") && (x = as_open(c, a, i)) != NONE &&
			    skip_adv(c, i, x + 1) == x + 1) {
				for (k = e + 1; k < be && k < e + 12 &&
				    is_word(c, k); k++)
					;
				if (k > e + 1 && k + 2 < be && k < e + 12 &&
				    is_p(c, k, ',') && !has_verb(c, e + 1, k)) {
					own_attr(&at, i, e);
					if (!np_after(c, e + 1, k, &at) ||
					    at.spb != k) {
						set_desc(&at, e + 1, k);
					}
					if (emit_indirect(c, k + 1, be, &at, EI_RIGHT))
						i = be;
					continue;
				}
			}
			/* "As the Harbour Times recently reported, ...", "But as
			 * another study noted, ...", "Of course, as ...": the
			 * words between "as" and the cue are the source, the
			 * report follows the comma */
			if ((f & LX_CORE) && e + 2 < be && is_p(c, e, ',') &&
			    (x = as_open(c, a, i)) != NONE && x + 2 < i &&
			    (k = skip_adv(c, i, x + 1)) >
			    x + 1 && k - x <= 8 && !has_verb(c, x + 1, k) &&
			    words_in(c, x + 1, k) == k - x - 1) {
				own_attr(&at, i, e);
				if (!np_before(c, i, x + 1, &at) ||
				    sp_open(c, at.spa, x + 1) > x + 1) {
					set_desc(&at, x + 1, k);
				}
				if (emit_indirect(c, e + 1, be, &at, EI_RIGHT))
					i = be;
				continue;
			}
			own_attr(&at, i, e);
			/* "X was quoted as saying ...": the subject stands
			 * before "be" */
			if (np_before(c, i - (e == i + 3 && i > a + 1 &&
			    is_word(c, i - 1) && (c->x.tok[i - 1].lx & LX_BE) &&
			    word_is_text(c, i, "quoted")), a, &at)) {
				/* "If the mayor claims that ...": not a report */
				if (at.spa > a && is_word(c, at.spa - 1) &&
				    (c->x.tok[at.spa - 1].lx & LX_HYPO))
					continue;
				x = after_cue(c, i, e, be);
				at.cub = cue_object(c, i, e, be);
				prev = at;
				have = 1;
				if (x < be && is_p(c, x, ',') && x + 1 < be &&
				    is_mark(c, x + 1)) {
					/* "If it passes, he said, “we will sue.”":
					 * the words before are his too when the
					 * quotation goes on with them in lower case */
					size_t sp0 = sp_open(c, at.spa, a);
					if (x + 2 < be && is_word(c, x + 2) &&
					    !c->x.tok[x + 2].cap &&
					    sp0 > a + 1 && is_p(c, sp0 - 1, ',') &&
					    !relative(c, at.spb, i) &&
					    !all_quoted(c, a, sp0 - 1))
						emit_indirect(c, left0, sp0 - 1,
						    &at, EI_LEFT);
					continue;
				}
				if (x < be && (is_p(c, x, ':') || (is_mark(c, x) &&
				    all_quoted(c, x, b)))) {
					/* introduces a quotation or a list; "CLAUSE,
					 * engineers said: A, B and C": the clause
					 * before is theirs */
					size_t sp0 = sp_open(c, at.spa, a);
					if (is_p(c, x, ':') &&
					    colon_left(c, left0, a, sp0) &&
					    !relative(c, at.spb, i))
						emit_indirect(c, left0, sp0 - 1, &at,
						    EI_LEFT);
					continue;
				}
				/* '"We will win," Lu told a rally in Ohio', '...,"
				 * she said over coffee': after a quotation that
				 * opens the sentence the cue's words say to whom,
				 * when and where it was said; only "that" opens a
				 * report there */
				if (x < be && !is_p(c, x, ',') &&
				    !(x > 0 && word_is(c, x - 1, W_THAT)) &&
				    (all_quoted(c, a, sp_open(c, at.spa, a)) ||
				    quoted_on(c, a, sp_open(c, at.spa, a))))
					continue;
				if (x < be && is_p(c, x, ',') && at.spa > a &&
				    word_is(c, at.spa - 1, W_AS) && at.spa - 1 <= a + 1) {
					/* "As the Post reported, ..." */
					if (emit_indirect(c, x + 1, be, &at, EI_RIGHT))
						i = be;
					continue;
				}
				/* "A, he said after meeting the board on
				 * Monday, because B": what follows the cue up
				 * to a comma says when it was said */
				if (x < be && at.spa > a + 1 && is_p(c, at.spa - 1, ',') &&
				    !(x > 0 && word_is(c, x - 1, W_THAT)))
					x = when_said(c, x, be);
				if (x >= be || (words_in(c, x, be) < 2 &&
				    !one_object(c, x, be)) ||
				    is_p(c, x, ',') || is_p(c, x, ';') ||
				    is_p(c, x, ')')) {
					/* "..., Mr. Lou said": the comma is before
					 * the title, or a role in capitals */
					size_t sp0 = role_open(c, sp_open(c, at.spa,
					    a), a);

					/* "A, they say, B": the report is what follows
					 * when that is a clause of its own */
					if (x < be && is_p(c, x, ',') && sp0 > a + 1 &&
					    is_p(c, sp0 - 1, ',') &&
					    words_in(c, x + 1, be) >= 2 &&
					    !is_mark(c, x + 1) && !word_is(c, x + 1, W_AND) &&
					    /* "A, Lu said, which was news": a
					     * relative clause tells of A or of
					     * the saying, and reports nothing */
					    !word_is(c, x + 1, W_WHICH) &&
					    !word_is(c, x + 1, W_WHO) &&
					    /* "..., they objected, saying B": the
					     * -ing cue reports B, read below */
					    !(ing_cue(c, x + 1) && (c->x.tok[x + 1].lx &
					    LX_CUE)) &&
					    emit_indirect(c, x + 1, be, &at, EI_RIGHT)) {
						/* and what goes before: two records with
						 * one speaker, as for “A,” she said, “B.” */
						if (!relative(c, at.spb, i) &&
						    !all_quoted(c, a, sp0 - 1))
							emit_indirect(c, left0, sp0 - 1,
							    &at, EI_ASIDE);
						i = be;
						continue;
					}
					/* CLAUSE, SPEAKER CUE.  Not "..., said Rath, a
					 * leader who endorsed Ruiz": a relative clause
					 * reports nothing before it */
					if (sp0 > a + 1 && (is_p(c, sp0 - 1, ',') ||
					    comma_mark(c, left0, sp0 - 1)) &&
					    !relative(c, at.spb, i) &&
					    !all_quoted(c, a, sp0 - 1) &&
					    !lone_sub(c, left0, sp0 - 1) &&
					    emit_indirect(c, left0, sp0 -
					    !is_mark(c, sp0 - 1), &at, EI_LEFT) &&
					    /* "A, he said, because B": the
					     * report goes on after the aside */
					    report_tail(c, x, &at, be)) {
						i = be;
						continue;
					}
					if (x >= be)
						i = be;
					continue;
				}
				if ((stop = aside_end(c, i, a, x, be)) == 0 &&
				    (stop = sub_end(c, a, x, be)) == 0)
					stop = continuation(c, s, be);
				if (emit_indirect(c, x, stop, &at, EI_RIGHT)) {
					i = resume(c, i, be, &left0);
				} else {
					/* "CLAUSE, Okafor said in her memoir “...”":
					 * nothing reported after the cue */
					size_t sp0 = sp_open(c, at.spa, a);
					if (sp0 > a + 1 && is_p(c, sp0 - 1, ',') &&
					    !relative(c, at.spb, i) &&
					    !all_quoted(c, a, sp0 - 1) &&
					    !lone_sub(c, left0, sp0 - 1))
						emit_indirect(c, left0, sp0 - 1,
						    &at, EI_LEFT);
				}
				continue;
			}
			/* "Many skippers interviewed at the docks, including
			 * Lu, said ...", "X, the owner of the mill, “The
			 * Grain House,” said ...": the sentence's subject, then
			 * a comma that sets off words no rule reads, then the
			 * comma before a reporting verb proper */
			own_attr(&at, i, e);
			if ((f & LX_CORE) && !have && k > a + 2 &&
			    (is_p(c, k - 1, ',') || (is_mark(c, k - 1) &&
			    is_p(c, k - 2, ','))) && subject(c, a, k - 1, &at) &&
			    (x = first_comma(c, at.spb, k - 1)) + 2 < k &&
			    !has_verb(c, at.spb, x) &&
			    (x = after_cue(c, i, e, be)) < be && is_word(c, x) &&
			    clause_start(c, x) && words_in(c, x, be) >= 3) {
				at.cub = cue_object(c, i, e, be);
				if (emit_indirect(c, x, continuation(c, s, be), &at,
				    EI_RIGHT)) {
					prev = at;
					have = 1;
					i = resume(c, i, be, &left0);
				}
				continue;
			}
			own_attr(&at, i, e);
			/* "Several people I have spoken with said ...": a
			 * reporting verb proper, or a cue and "that" ("A poll
			 * taken last week found that"), after a subject no
			 * rule reads */
			if ((f & (LX_CUE | LX_DCUE)) && ((f & LX_CORE) || (e < be &&
			    word_is(c, skip_adverbials(c, e, be), W_THAT))) &&
			    (x = loose_subject(c, i, a, &at)) != NONE) {
				x = after_cue(c, i, e, be);
				at.cub = cue_object(c, i, e, be);
				if (x < be && is_word(c, x) && clause_start(c, x) &&
				    words_in(c, x, be) >= 3 && emit_indirect(c, x,
				    continuation(c, s, be), &at, EI_RIGHT)) {
					/* a guess: lends no quotation its speaker */
					c->out[c->nout - 1].weak = 1;
					i = resume(c, i, be, &left0);
				}
				continue;
			}
			/* "Those who back her say ...", "Democrats -- and some
			 * Republicans -- say ...": a reporting verb proper and a
			 * clause after it report it, though no rule reads the
			 * subject; the speaker is left unknown */
			if ((f & LX_CORE) && (x = after_cue(c, i, e, be)) < be &&
			    k > a + 1 && (is_word(c, k - 1) || is_p(c, k - 1, '-')) &&
			    is_word(c, x) &&
			    clause_start(c, x) && words_in(c, x, be) >= 3) {
				struct qt_attr none;
				memset(&none, 0, sizeof none);
				none.cua = at.cua;
				none.cub = cue_object(c, i, e, be);
				none.how = AT_OWN;
				if (emit_indirect(c, x, continuation(c, s, be),
				    &none, EI_RIGHT)) {
					c->out[c->nout - 1].weak = 1;
					i = resume(c, i, be, &left0);
				}
				continue;
			}
			/* CLAUSE, CUE SPEAKER; not "..., told POLITICO", whom
			 * it was told to */
			if (k > a + 1 && (is_p(c, k - 1, ',') ||
			    comma_mark(c, left0, k - 1)) && !ing_cue(c, i) &&
			    !word_is(c, i, W_TOLD) && !word_is(c, i, W_TELLS) &&
			    np_after(c, e, be, &at) && !all_quoted(c, a, k - 1) &&
			    !lone_sub(c, left0, k - 1) &&
			    /* "..., said he has spoken": he opens the report */
			    !(at.sk == SK_PRON && at.spb < be)) {
				if (emit_indirect(c, left0, k - !is_mark(c, k -
				    1), &at, EI_LEFT))
					i = tail_after(c, &at, be);
				else
					i = at.spb;
				prev = at;
				have = 1;
			}
		}
		if (c->nout == n0)
			source_phrase(c, a, be);
	}
}

/* Does the report go on after the comma at x that ends its attribution
 * ("A, he said, because B": the words tail_clause() reads)?  If so, it
 * is written, without an opening "and" or "but". */
static int
report_tail(struct ctx *c, size_t x, const struct qt_attr *at, size_t be)
{
	size_t t = x + 1;

	if (t >= be || !is_p(c, x, ',') || !tail_clause(c, t, be))
		return 0;
	t += word_is(c, t, W_AND) || word_is(c, t, W_BUT);
	emit_indirect(c, t, clause_end(c, t, be), at, EI_WHOLE);
	return 1;
}

/* "A, said Vries, but B", "A, according to X, and there were B": the
 * report goes on after the speaker as it does after "A, he said,";
 * where reading resumes. */
static size_t
tail_after(struct ctx *c, const struct qt_attr *at, size_t be)
{
	return report_tail(c, at->spb, at, be) ? be : at->spb;
}

/* ---- putting it together --------------------------------------------- */

static void
emit_quotes(struct ctx *c)
{
	size_t i;

	for (i = 0; i < c->nq; i++) {
		struct iq *q = &c->q[i];
		struct qt_rec *r;
		const struct tok *o = &c->x.tok[q->o];
		size_t s = o->e, e;

		if (q->form < 0 || c->q[q->chain].form < 0)
			continue;
		if (q->c != NONE)
			e = c->x.tok[q->c].s;
		else
			e = c->x.in->para[q->para].end;
		/* all White_Space, as the sentences' edges (a form feed or
		 * NBSP inside the marks is not quoted text) */
		if (s < e) {
			s += u8_skipspace(c->x.in->text + s, e - s);
			e -= u8_rskipspace(c->x.in->text + s, e - s);
		}
		if (s >= e)
			continue;
		if (c->nout == c->outcap) {
			c->outcap = c->outcap ? 2 * c->outcap : 64;
			c->out = xreallocarray(c->out, c->outcap, sizeof *c->out);
		}
		r = &c->out[c->nout++];
		memset(r, 0, sizeof *r);
		r->form = c->q[q->chain].form;
		r->start = s;
		r->end = e;
		r->part = q->part;
		r->nparts = q->nparts;
		r->at = q->at;
		r->para = q->para;
		r->chain = (size_t)q->chain;
	}
}

static int
cmp_rec(const void *a, const void *b)
{
	const struct qt_rec *x = a, *y = b;

	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (int)x->form - (int)y->form;
}

/* The end of the run of sorted records v[ix[a]], v[ix[a + 1]], ... */
static size_t
run_end(const struct qt_rec *v, const size_t *ix, size_t a, size_t n)
{
	for (a++; a < n && cmp_rec(&v[ix[a - 1]], &v[ix[a]]) <= 0; a++)
		;
	return a;
}

/*
 * Sort by cmp_rec(), equal ones kept in order, as glibc's qsort() (a
 * merge sort) did: a stable sort has one result.  The records come in a
 * few sorted runs (reported speech, then quotations), which a merge of
 * the runs sorts in a pass or two where qsort() cost more per document
 * than attributing them.  Indexes are merged, 16 bytes a record as
 * qsort() took, and the records then moved along each cycle once.
 */
static void
sort_recs(struct qt_rec *v, size_t n)
{
	struct qt_rec r;
	size_t *ix, *t, a, m, b, i, j, k, runs;

	for (i = 1; i < n && cmp_rec(&v[i - 1], &v[i]) <= 0; i++)
		;
	if (i >= n)
		return;
	ix = xreallocarray(NULL, n, 2 * sizeof *ix);
	t = ix + n;
	for (i = 0; i < n; i++)
		ix[i] = i;
	do {
		runs = 0;
		for (a = 0; a < n; a = b, runs++) {
			m = run_end(v, ix, a, n);
			b = m < n ? run_end(v, ix, m, n) : n;
			for (i = a, j = m, k = a; i < m && j < b;)
				t[k++] = cmp_rec(&v[ix[j]], &v[ix[i]]) < 0 ?
				    ix[j++] : ix[i++];
			while (i < m)
				t[k++] = ix[i++];
			while (j < b)
				t[k++] = ix[j++];
		}
		memcpy(ix, t, n * sizeof *ix);
	} while (runs > 1);
	/* v[i] becomes the old v[ix[i]] */
	for (i = 0; i < n; i++) {
		if (ix[i] == i)
			continue;
		r = v[i];
		for (j = i; ix[j] != i; j = k) {
			k = ix[j];
			v[j] = v[k];
			ix[j] = j;
		}
		v[j] = r;
		ix[j] = j;
	}
	free(ix);
}

/* The largest arrays of a document, kept for the next one (a stream of
 * short ones would grow them afresh each time) until qt_extract_free();
 * not past KEEP_MAX bytes each, as a long document's tokens would stay
 * through the writing of its records, where its memory peaks. */
#define KEEP_MAX ((size_t)1 << 20)
static struct {
	struct tok *tok;
	size_t tokcap;
	struct sent *sent;
	size_t sentcap;
	struct qt_rec *out;
	size_t outcap;
} keep;

void
qt_extract_free(void)
{
	free(keep.tok);
	free(keep.sent);
	free(keep.out);
	memset(&keep, 0, sizeof keep);
}

size_t
qt_extract(const struct qt_rules *r, const struct qt_input *in,
    unsigned forms, struct qt_quote **v, size_t *cap)
{
	struct ctx c;
	struct midset mid;
	size_t *pa, i, j, n = 0;
	int p, sorted = 1;

	memset(&c, 0, sizeof c);
	memset(&mid, 0, sizeof mid);
	c.mid = &mid;
	c.x.r = r;
	c.x.in = in;
	c.x.tok = keep.tok;
	c.x.tokcap = keep.tokcap;
	c.sent = keep.sent;
	c.sentcap = keep.sentcap;
	c.out = keep.out;
	c.outcap = keep.outcap;
	pa = xreallocarray(NULL, in->npara + 2, sizeof *pa);
	for (p = 0; p < (int)in->npara; p++) {
		pa[p] = c.x.ntok;
		qt_tokenize(&c.x, in->para[p].start, in->para[p].end);
	}
	pa[in->npara] = pa[in->npara + 1] = c.x.ntok;
	/* the tokens' bytes only grow when the paragraphs are in order, as
	 * qt.h asks of them (a stream may not keep to it) */
	if (c.x.ntok >= UINT32_MAX)
		sorted = 0;
	for (p = 1; p < (int)in->npara && sorted; p++)
		if (in->para[p].start < in->para[p - 1].end)
			sorted = 0;
	/* each entity's tokens, typed here and kept for qt_resolve() */
	c.x.entok = xreallocarray(NULL, in->nent + 1, sizeof *c.x.entok);
	for (i = 0, j = 0; i < in->nent; i++) {
		size_t k;
		/* the first token ending after the entity's start: by leaps
		 * of 16 first, as entities are a few in a hundred tokens */
		while (sorted && j + 16 < c.x.ntok &&
		    c.x.tok[j + 16].e <= in->ent[i].start)
			j += 16;
		while (j < c.x.ntok && c.x.tok[j].e <= in->ent[i].start)
			j++;
		for (k = j; k < c.x.ntok && c.x.tok[k].s < in->ent[i].end; k++)
			c.x.tok[k].et = (int)in->ent[i].type;
		c.x.entok[i] = (uint32_t)j;
		/* out of order, j was no search for this one: qt_resolve()
		 * looks them up itself (the leaps above end here too, so the
		 * types are set as one walk always set them) */
		if (i > 0 && in->ent[i].start < in->ent[i - 1].start)
			sorted = 0;
	}
	if (!sorted) {
		free(c.x.entok);
		c.x.entok = NULL;
	}
	make_sentences(&c, pa, (int)in->npara);
	c.x.sent = c.sent;
	pair_all(&c, pa, (int)in->npara);
	free(c.x.mark);		/* only pairing asks */
	c.x.mark = NULL;
	c.x.nmark = c.x.markcap = 0;
	/* number the parts of each quotation, mark what lies inside */
	for (i = 0; i < c.nq; i = j) {
		for (j = i; j < c.nq && c.q[j].chain == c.q[i].chain; j++)
			;
		for (size_t k = i; k < j; k++) {
			size_t t, e = qend(&c, &c.q[k]);
			c.q[k].part = (unsigned)(k - i + 1);
			c.q[k].nparts = (unsigned)(j - i);
			for (t = c.q[k].o; t <= e && t < c.x.ntok; t++)
				if (tpara(&c, t) == c.q[k].para)
					c.x.tok[t].q = (long)i;
		}
	}
	/* reported speech first: a quotation may go on with its speaker */
	indirect(&c);
	attribute_quotes(&c, c.nout);
	emit_quotes(&c);
	/* what resolving and the output need no more: a long document's
	 * peak memory is reached below */
	free(c.q);
	c.q = NULL;
	c.nq = c.qcap = 0;
	free(mid.slot);
	mid.slot = NULL;
	qt_resolve(&c.x, c.out, c.nout);
	sort_recs(c.out, c.nout);
	for (i = 0; i < c.nout; i++) {
		struct qt_rec *q = &c.out[i];
		struct qt_quote *o;
		if (!(forms & QT_FORM(q->form)))
			continue;
		if (*cap <= n) {
			*cap = *cap ? 2 * *cap : 64;
			*v = xreallocarray(*v, *cap, sizeof **v);
		}
		o = &(*v)[n++];
		memset(o, 0, sizeof *o);
		o->form = q->form;
		o->start = q->start;
		o->end = q->end;
		o->part = q->part;
		o->nparts = q->nparts;
		o->speaker = q->speaker;
		o->speakerlen = q->speakerlen;
		o->stype = q->speaker ? q->stype : QT_SNONE;
		if (q->at.cub > q->at.cua) {
			o->cue = in->text + c.x.tok[q->at.cua].s;
			o->cuelen = c.x.tok[q->at.cub - 1].e - c.x.tok[q->at.cua].s;
		}
		if (q->at.spb > q->at.spa && q->speaker) {
			o->has_sp = 1;
			o->sp_start = c.x.tok[q->at.spa].s;
			o->sp_end = c.x.tok[q->at.spb - 1].e;
		}
	}
	free(pa);
	free(c.x.entok);
	keep.tok = c.x.tok;
	keep.tokcap = c.x.tokcap;
	keep.sent = c.sent;
	keep.sentcap = c.sentcap;
	keep.out = c.out;
	keep.outcap = c.outcap;
	if (keep.tokcap * sizeof *keep.tok > KEEP_MAX ||
	    keep.sentcap * sizeof *keep.sent > KEEP_MAX ||
	    keep.outcap * sizeof *keep.out > KEEP_MAX)
		qt_extract_free();
	return n;
}

const char *
qt_form_name(enum qt_form f)
{
	static const char *const names[] = { "direct", "partial", "indirect" };

	return f < QT_NFORMS ? names[f] : "";
}

int
qt_form_parse(const char *s, size_t n)
{
	int f;

	for (f = 0; f < QT_NFORMS; f++)
		if (strlen(qt_form_name(f)) == n &&
		    memcmp(qt_form_name(f), s, n) == 0)
			return f;
	return -1;
}
