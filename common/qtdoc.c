/*
 * qtdoc: extract-quotes on one document of a record stream.  The text is
 * laid out at its original offsets (raw documents are used as they are),
 * sentences and entities come from the stream or, where it has none, from
 * the library's splitter and tagger, so a raw article and a full pipeline
 * give the same quotes.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "ner.h"
#include "out.h"
#include "qt.h"
#include "rec.h"
#include "sbd.h"

/* Kept between documents so a stream does not allocate per document. */
static struct buf text, attrs;
static struct qt_span *paras, *sents;
static size_t pcap, scap;
static struct qt_ent *ents;
static size_t ecap;
static size_t *anchor, *owner, acap, ocap;
static struct qt_quote *quotes;
static size_t qcap;
static struct sbd_span *spans;
static size_t spcap;
static struct ner_text *ntexts;
static size_t ntcap;
static struct ner_ent *nents;
static size_t necap;

/*
 * Where text records' offsets lie in text[]: the same offsets when the
 * document's claimed extent is about the size of its text, else runs of
 * records (segs) laid out one after another with short gaps, so a record
 * claiming offsets near 2^40 costs its length, not its offsets.
 */
struct seg {
	size_t os, oe;		/* original offsets */
	size_t cs;		/* where os lies in text[] */
};
static struct seg *segs;
static size_t nseg, segcap;
#define SEG_GAP 64		/* longest gap kept between runs, in bytes */
#define NOSEG ((size_t)-1)

void
qt_shed(void *pp, size_t *cap, size_t size)
{
	void **p = pp;

	if (*cap > QT_SCRATCH_MAX / size) {
		free(*p);
		*p = NULL;
		*cap = 0;
	}
}

/* The run holding original offset x (an END may be its run's end). */
static size_t
seg_of(size_t x)
{
	size_t lo = 0, hi = nseg;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (segs[mid].oe < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < nseg && segs[lo].os <= x ? lo : NOSEG;
}

/* Original [a, b) in text[]: 0 when it lies in no one run. */
static int
to_c(size_t a, size_t b, size_t *ca, size_t *cb)
{
	size_t k;

	if (nseg == 0) {
		*ca = a;
		*cb = b;
		return 1;
	}
	if ((k = seg_of(a)) == NOSEG || b > segs[k].oe)
		return 0;
	*ca = segs[k].cs + (a - segs[k].os);
	*cb = *ca + (b - a);
	return 1;
}

/* An offset into text[] back to the original (inside a run). */
static size_t
from_c(size_t c)
{
	size_t lo = 0, hi = nseg;

	if (nseg == 0)
		return c;
	while (lo < hi) {	/* the last run starting at or before c */
		size_t mid = lo + (hi - lo) / 2;
		if (segs[mid].cs <= c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo == 0 ? c : segs[lo - 1].os + (c - segs[lo - 1].cs);
}

static int
cmp_seg(const void *a, const void *b)
{
	const struct seg *x = a, *y = b;

	if (x->os != y->os)
		return x->os < y->os ? -1 : 1;
	return (x->oe > y->oe) - (x->oe < y->oe);
}

/* Each record's kind, looked at once per document; the text and the ent
 * records' indexes, so a later pass walks its own kind only (kinds come
 * mixed, and a test per record is a branch mispredicted often). */
enum { K_OTHER, K_PARA, K_SENT, K_ENT };
static unsigned char *kc, *roles;	/* roles: role=title */
static size_t *lines, *tix, *eix, kcap;

static int
kind_of(const struct rec *r)
{
	const char *k = r->kind;

	if (r->flags & REC_MALFORMED)
		return K_OTHER;
	/* byte by byte: a call per record cost more than the rest */
	if (k[0] == 'p' && k[1] == 'a' && k[2] == 'r' && k[3] == 'a' && !k[4])
		return K_PARA;
	if (k[0] == 's' && k[1] == 'e' && k[2] == 'n' && k[3] == 't' && !k[4])
		return K_SENT;
	if (k[0] == 'e' && k[1] == 'n' && k[2] == 't' && !k[3])
		return K_ENT;
	return K_OTHER;
}

#define is_text(i) (kc[i] == K_PARA || kc[i] == K_SENT)

static void
span_add(struct qt_span **v, size_t *cap, size_t n, size_t a, size_t b)
{
	if (n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[n].start = a;
	(*v)[n].end = b;
}

static int
cmp_ent(const void *a, const void *b)
{
	const struct qt_ent *x = a, *y = b;

	return (x->start > y->start) - (x->start < y->start);
}

/*
 * The values of keys k[0..nk) in r's ATTRS, in one walk where rec_attr()
 * would take one per key: each the first pair with that key, as there.
 * The keys asked for are four letters, compared as one word.
 */
struct av {
	const char *key;	/* four bytes */
	const char *v;		/* NULL: absent */
	size_t vl;
};

static void
attr_vals(const struct rec *r, struct av *k, size_t nk)
{
	const char *p = r->attrs, *end, *bar;
	size_t i, left = nk;

	for (i = 0; i < nk; i++)
		k[i].v = NULL;
	if (p == NULL)
		return;
	end = p + r->attrslen;
	/* the shape the tools write: the first key asked opens ATTRS with
	 * a short value ("line=3", "type=PER"), found by a byte loop where
	 * memchr() is a call per pair, and the second comes next */
	if (nk == 2 && r->attrslen >= 5 && memcmp(p, k[0].key, 4) == 0 &&
	    p[4] == '=') {
		for (bar = p + 5; bar < end && *bar != '|'; bar++)
			;
		k[0].v = p + 5;
		k[0].vl = (size_t)(bar - k[0].v);
		if (bar == end)
			return;
		p = bar + 1;
		left = 1;
		if (end - p >= 5 && memcmp(p, k[1].key, 4) == 0 &&
		    p[4] == '=') {
			if ((bar = memchr(p + 5, '|', (size_t)(end - p - 5))) ==
			    NULL)
				bar = end;
			k[1].v = p + 5;
			k[1].vl = (size_t)(bar - k[1].v);
			return;
		}
	}
	while (p < end && left > 0) {
		if ((bar = memchr(p, '|', (size_t)(end - p))) == NULL)
			bar = end;
		if (bar - p > 4 && p[4] == '=')
			for (i = 0; i < nk; i++)
				if (k[i].v == NULL && memcmp(p, k[i].key, 4) == 0) {
					k[i].v = p + 5;
					k[i].vl = (size_t)(bar - k[i].v);
					left--;
					break;
				}
		p = bar + 1;
	}
}

/* Entities arrive in order from tag-entities: sort only when not. */
static void
sort_ents(size_t ne)
{
	size_t i;

	for (i = 1; i < ne; i++)
		if (ents[i].start < ents[i - 1].start) {
			qsort(ents, ne, sizeof *ents, cmp_ent);
			return;
		}
}

/* Fixed parts of a quote's ATTRS, with their lengths. */
struct lit {
	const char *s;
	size_t n;
};
#define LIT(s) { s, sizeof s - 1 }
static const struct lit form_name[QT_NFORMS] = {
	[QT_DIRECT] = LIT("direct"), [QT_PARTIAL] = LIT("partial"),
	[QT_INDIRECT] = LIT("indirect"),
};
static const struct lit stype_name[] = {
	[QT_SNAME] = LIT("|speaker_type=name"),
	[QT_SDESC] = LIT("|speaker_type=description"),
	[QT_SNONE] = LIT("|speaker_type=none"),
};

static enum qt_etype
etype(const char *v, size_t n)
{
	if (n == 3 && memcmp(v, "PER", 3) == 0)
		return QT_PER;
	if (n == 3 && memcmp(v, "ORG", 3) == 0)
		return QT_ORG;
	if (n == 3 && memcmp(v, "LOC", 3) == 0)
		return QT_LOC;
	return QT_MISC;
}

void
qt_run(const struct qt_rules *rules, unsigned forms, struct doc *d,
    struct out *o)
{
	struct qt_input in;
	size_t i, j, k, n, np = 0, ns = 0, ne = 0, nq, nt = 0, len = 0;
	size_t ntx = 0, nex = 0, x;
	int haspara = 0, hassent = 0;
	long title = -1;
	size_t lastline = (size_t)-1;
	struct av lr[2] = { { "line", NULL, 0 }, { "role", NULL, 0 } };
	struct av tn[2] = { { "type", NULL, 0 }, { "norm", NULL, 0 } };

	if (kcap < d->n) {
		kcap = d->n;
		kc = xreallocarray(kc, kcap, sizeof *kc);
		roles = xreallocarray(roles, kcap, sizeof *roles);
		lines = xreallocarray(lines, kcap, sizeof *lines);
		tix = xreallocarray(tix, kcap, sizeof *tix);
		eix = xreallocarray(eix, kcap, sizeof *eix);
	}
	for (i = 0; i < d->n; i++) {
		const struct rec *r = &d->r[i];
		kc[i] = (unsigned char)kind_of(r);
		haspara |= kc[i] == K_PARA;
		hassent |= kc[i] == K_SENT;
		if (kc[i] == K_ENT)
			eix[nex++] = i;
		if (is_text(i)) {
			tix[ntx++] = i;
			attr_vals(r, lr, 2);
			if (lr[0].v == NULL ||
			    rec_decimal(lr[0].v, lr[0].vl, &lines[i]) < 0)
				lines[i] = 0;
			roles[i] = lr[1].v != NULL && lr[1].vl == 5 &&
			    memcmp(lr[1].v, "title", 5) == 0;
			if (r->end > len)
				len = r->end;
		}
	}
	/* the text, at its offsets */
	nseg = 0;
	if (d->src) {
		in.text = d->src;
		in.len = d->srclen;
	} else {
		size_t have = 0;
		for (x = 0; x < ntx; x++)
			have += d->r[tix[x]].textlen;
		if (d->haslen && d->len > len)
			len = d->len;
		if (len / 2 > have + 32768) {
			/* claimed offsets far beyond the text: lay it out by
			 * runs of records that hold their text */
			for (x = 0; x < ntx; x++) {
				const struct rec *r = &d->r[tix[x]];
				if (r->textlen != r->end - r->start)
					continue;
				if (nseg == segcap) {
					segcap = segcap ? 2 * segcap : 64;
					segs = xreallocarray(segs, segcap,
					    sizeof *segs);
				}
				segs[nseg].os = r->start;
				segs[nseg++].oe = r->end;
			}
			if (nseg > 1)
				qsort(segs, nseg, sizeof *segs, cmp_seg);
			for (i = 0, k = 0; i < nseg; i++) {
				if (k > 0 && segs[i].os <= segs[k - 1].oe) {
					if (segs[i].oe > segs[k - 1].oe)
						segs[k - 1].oe = segs[i].oe;
					continue;
				}
				segs[k].os = segs[i].os;
				segs[k].oe = segs[i].oe;
				segs[k].cs = k == 0 ? (segs[i].os < SEG_GAP ?
				    segs[i].os : SEG_GAP) : segs[k - 1].cs +
				    (segs[k - 1].oe - segs[k - 1].os) + SEG_GAP;
				k++;
			}
			nseg = k;
			len = nseg ? segs[nseg - 1].cs + (segs[nseg - 1].oe -
			    segs[nseg - 1].os) + SEG_GAP : 0;
			if (nseg == 0) {
				/* no text to lay out: nothing maps */
				segs = segs ? segs : xreallocarray(NULL, 1,
				    sizeof *segs);
				segs[0].os = segs[0].oe = (size_t)-1;
				segs[0].cs = 0;
				nseg = 1;
				len = 0;
			}
		}
		buf_reset(&text);
		buf_grow(&text, len + 1);
		text.len = len;
		text.p[len] = '\0';
		if (nseg == 0) {
			/* what no record holds is a line break: the gaps
			 * only (a byte or two between sentences), not the
			 * whole text and then the records over it; filled
			 * is the end of what is written, and a record
			 * before it (out of order) is copied over, as a
			 * later record was over an earlier one */
			size_t filled = 0;
			for (x = 0; x < ntx; x++) {
				const struct rec *r = &d->r[tix[x]];
				if (r->textlen != r->end - r->start)
					continue;
				if (r->start > filled + 16)
					memset(text.p + filled, '\n',
					    r->start - filled);
				else
					for (; filled < r->start; filled++)
						text.p[filled] = '\n';
				memcpy(text.p + r->start, r->text, r->textlen);
				if (r->end > filled)
					filled = r->end;
			}
			if (filled < len)
				memset(text.p + filled, '\n', len - filled);
		} else {
			memset(text.p, '\n', len);
			for (x = 0; x < ntx; x++) {
				const struct rec *r = &d->r[tix[x]];
				size_t ca, cb;
				if (r->textlen == r->end - r->start &&
				    to_c(r->start, r->end, &ca, &cb))
					memcpy(text.p + ca, r->text,
					    r->textlen);
			}
		}
		in.text = text.p;
		in.len = len;
	}
	/* paragraphs: para records, or runs of sentences of one line */
	if (acap < d->n + 1) {
		acap = d->n + 1;
		owner = xreallocarray(owner, acap, sizeof *owner);
	}
	for (x = 0; x < ntx; x++) {
		const struct rec *r = &d->r[i = tix[x]];
		size_t line, rs, re;
		if (!to_c(r->start, r->end, &rs, &re) || re > in.len)
			continue;
		owner[nt++] = i;
		if (haspara && kc[i] != K_PARA) {
			span_add(&sents, &scap, ns++, rs, re);
			continue;
		}
		if (kc[i] == K_SENT)
			span_add(&sents, &scap, ns++, rs, re);
		line = lines[i];
		if (kc[i] == K_SENT && np > 0 && line == lastline &&
		    rs >= paras[np - 1].end) {
			/* the gap between sentences of a paragraph is space */
			if (!d->src)
				memset(text.p + paras[np - 1].end, ' ',
				    rs - paras[np - 1].end);
			paras[np - 1].end = re;
		} else {
			if (title < 0 && roles[i])
				title = (long)np;
			span_add(&paras, &pcap, np++, rs, re);
		}
		lastline = line;
	}
	/* sentences of their own when the stream has none */
	if (!hassent) {
		for (i = 0; i < np; i++) {
			n = sbd_split(sbd_default(), in.text + paras[i].start,
			    paras[i].end - paras[i].start, &spans, &spcap);
			for (j = 0; j < n; j++)
				span_add(&sents, &scap, ns++, paras[i].start +
				    spans[j].start, paras[i].start + spans[j].end);
		}
		/* done with once copied: not alive under the extractor */
		qt_shed(&spans, &spcap, sizeof *spans);
	}
	/* entities */
	if (nex > 0) {
		for (x = 0; x < nex; x++) {
			const struct rec *r = &d->r[eix[x]];
			size_t rs, re;
			if (!to_c(r->start, r->end, &rs, &re) || re > in.len)
				continue;
			if (ne == ecap) {
				ecap = ecap ? 2 * ecap : 64;
				ents = xreallocarray(ents, ecap, sizeof *ents);
			}
			ents[ne].start = rs;
			ents[ne].end = re;
			attr_vals(r, tn, 2);
			ents[ne].type = tn[0].v ? etype(tn[0].v, tn[0].vl) :
			    QT_MISC;
			ents[ne].norm = NULL;
			ents[ne].normlen = 0;
			if (tn[1].v && tn[1].vl) {
				ents[ne].norm = tn[1].v;
				ents[ne].normlen = tn[1].vl;
			}
			ne++;
		}
		sort_ents(ne);
	} else if (ns) {
		if (ntcap < ns) {
			ntcap = ns;
			ntexts = xreallocarray(ntexts, ntcap, sizeof *ntexts);
		}
		for (i = 0; i < ns; i++) {
			ntexts[i].text = in.text + sents[i].start;
			ntexts[i].len = sents[i].end - sents[i].start;
			ntexts[i].start = sents[i].start;
		}
		n = ner_tag(ner_default(), ntexts, ns, &nents, &necap);
		if (ecap < n + 1) {
			ecap = n + 1;
			ents = xreallocarray(ents, ecap, sizeof *ents);
		}
		for (i = 0; i < n; i++) {
			ents[ne].start = nents[i].start;
			ents[ne].end = nents[i].end;
			ents[ne].type = (enum qt_etype)nents[i].type;
			ents[ne].norm = nents[i].norm;
			ents[ne].normlen = nents[i].normlen;
			ne++;
		}
		qt_shed(&nents, &necap, sizeof *nents);
		qt_shed(&ntexts, &ntcap, sizeof *ntexts);
		sort_ents(ne);
	}
	in.para = paras;
	in.npara = np;
	in.title = title;
	in.sent = sents;
	in.nsent = ns;
	in.ent = ents;
	in.nent = ne;
	nq = qt_extract(rules, &in, forms, &quotes, &qcap);
	/* offsets back to the document's (a quote lies in one run) */
	for (k = 0; nseg && k < nq; k++) {
		struct qt_quote *q = &quotes[k];
		size_t s0 = from_c(q->start);
		q->end = s0 + (q->end - q->start);
		q->start = s0;
		if (q->has_sp) {
			s0 = from_c(q->sp_start);
			q->sp_end = s0 + (q->sp_end - q->sp_start);
			q->sp_start = s0;
		}
	}
	/* each quote goes after the last text record holding its end */
	if (ocap < nq + 1) {
		ocap = nq + 1;
		anchor = xreallocarray(anchor, ocap, sizeof *anchor);
	}
	for (k = 0, j = 0; k < nq; k++) {
		size_t at = quotes[k].end - 1, best = (size_t)-1;
		while (j < nt && d->r[owner[j]].end <= at)
			j++;
		for (i = j; i < nt && d->r[owner[i]].start <= at; i++)
			best = owner[i];
		if (best == (size_t)-1)
			best = j > 0 ? owner[j - 1] : d->n - 1;
		/* after what earlier tools wrote for it (its ent records):
		 * a later tool's records follow an earlier one's */
		while (best + 1 < d->n && !is_text(best + 1))
			best++;
		anchor[k] = best;
	}
	lastline = (size_t)-1;
	for (i = 0, k = 0; i < d->n; i++) {
		const struct rec *r = &d->r[i];
		if (is_text(i) && nt && i != owner[0]) {
			if (kc[i] == K_PARA || lines[i] != lastline)
				out_para_end(o);
		}
		if (is_text(i))
			lastline = lines[i];
		out_rec(o, r);
		for (; k < nq && anchor[k] <= i; k++) {
			const struct qt_quote *q = &quotes[k];
			size_t ca = q->start, cb;
			char *e;

			/* what attr_put() would write, with the fixed keys and
			 * values copied whole: only speaker and cue come from
			 * the text and need its look */
			buf_reset(&attrs);
			buf_add(&attrs, "form=", 5);
			buf_add(&attrs, form_name[q->form].s, form_name[q->form].n);
			attr_put(&attrs, "speaker", q->speaker, q->speakerlen);
			buf_add(&attrs, stype_name[q->stype].s,
			    stype_name[q->stype].n);
			attr_put(&attrs, "cue", q->cue, q->cuelen);
			buf_grow(&attrs, 4 * BUF_UMAX + 40);
			e = attrs.p + attrs.len;
			memcpy(e, "|part=", 6);
			e = buf_putu(e + 6, q->part);
			*e++ = '/';
			e = buf_putu(e, q->nparts);
			memcpy(e, "|speaker_start=", 15);
			e += 15;
			if (q->has_sp)
				e = buf_putu(e, q->sp_start);
			memcpy(e, "|speaker_end=", 13);
			e += 13;
			if (q->has_sp)
				e = buf_putu(e, q->sp_end);
			*e = '\0';
			attrs.len = (size_t)(e - attrs.p);
			to_c(q->start, q->end, &ca, &cb);
			out_new(o, "quote", q->start, q->end, attrs.p,
			    in.text + ca, q->end - q->start);
		}
	}
	if (nt)
		out_para_end(o);
}

void
qt_run_free(void)
{
	/* back to the empty state, so a later qt_run() starts afresh */
	qt_extract_free();
	buf_free(&text);
	buf_free(&attrs);
	free(paras);
	free(sents);
	free(ents);
	free(anchor);
	free(owner);
	free(kc);
	free(roles);
	free(lines);
	free(tix);
	free(eix);
	free(quotes);
	free(spans);
	free(ntexts);
	free(nents);
	paras = sents = NULL;
	pcap = scap = 0;
	ents = NULL;
	ecap = 0;
	anchor = owner = NULL;
	acap = ocap = 0;
	kc = roles = NULL;
	lines = tix = eix = NULL;
	kcap = 0;
	quotes = NULL;
	qcap = 0;
	spans = NULL;
	spcap = 0;
	ntexts = NULL;
	ntcap = 0;
	nents = NULL;
	necap = 0;
	free(segs);
	segs = NULL;
	nseg = segcap = 0;
}
