/*
 * ner_train: the averaged perceptron that makes common/ner.model.bin.
 *
 * Input files are CoNLL (token TAB ... TAB IOB2-tag, blank line between
 * sentences, -DOCSTART- between documents) or JSON Lines of paragraphs
 * with character-offset entities (the project's synthetic stories: only
 * those with "split": "train" are read).  A file name may end in
 * ":TYPES", the types the file annotates (":PER,ORG,LOC" for a set with no
 * MISC): a token such a file leaves untagged may still be of another type,
 * so training follows the best path the model finds among the labellings
 * the annotation allows instead of punishing the model for that type.
 *
 * Everything is deterministic: file order, a fixed shuffling seed, and
 * floating point done in the same order on every run.
 */
#include <ctype.h>
#include <err.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner.h"

struct sent {
	char *text;
	size_t len, ntok;
	struct ner_tok *tok;
	uint8_t *gold;		/* BILOU labels */
	uint32_t *mask;		/* allowed labels, or NULL: gold only */
	int recase;		/* 0 as written, else a copy: RECASE_* */
};

struct tdoc {
	size_t first, n;	/* sentences */
	size_t cfirst, cn;	/* their copies in capitals (corpus.cs) */
	int file;
	int held;		/* held out for scoring */
};

struct corpus {
	struct sent *s;
	size_t ns, scap;
	struct sent *cs;	/* sentences copied in capitals */
	size_t ncs, cscap;
	struct tdoc *d;
	size_t nd, dcap;
};

static void
newdoc(struct corpus *c, int file)
{
	if (c->nd && c->d[c->nd - 1].n == 0)
		return;
	if (c->nd == c->dcap) {
		c->dcap = c->dcap ? 2 * c->dcap : 256;
		c->d = xreallocarray(c->d, c->dcap, sizeof *c->d);
	}
	c->d[c->nd].first = c->ns;
	c->d[c->nd].n = 0;
	c->d[c->nd].file = file;
	c->d[c->nd].held = 0;
	c->d[c->nd].cfirst = 0;
	c->d[c->nd].cn = 0;
	c->nd++;
}

static uint32_t
typemask_all(unsigned types)
{
	uint32_t m = 1;		/* O */
	int t, p;

	for (t = 0; t < NER_NTYPES; t++)
		if (!(types >> t & 1))
			for (p = 0; p < 4; p++)
				m |= 1u << NER_LAB(t, p);
	return m;
}

/*
 * Add a sentence: text, tokens and per-token IOB (0 = O, else 1 + type,
 * with begin[] marking B-).  Converts to BILOU and builds the mask.
 */
static void
addsent(struct corpus *c, char *text, size_t len, struct ner_tok *tok,
    size_t n, int *type, uint8_t *begin, unsigned types)
{
	struct sent *s;
	size_t i, b, k;
	int st, en;

	/* the CoNLL convention: a title is not part of the person */
	for (i = 0; i < n; i++) {
		if (type[i] != 1 + NER_PER || !(i == 0 || begin[i] ||
		    type[i - 1] != type[i]))
			continue;
		for (b = i + 1; b < n && type[b] == type[i] && !begin[b]; b++)
			;
		k = ner_titlelen(text, tok + i, b - i);
		if (k) {
			memset(type + i, 0, k * sizeof *type);
			begin[i + k] = 1;
		}
		i = b - 1;
	}

	if (n == 0) {
		free(text);
		free(tok);
		return;
	}
	if (c->ns == c->scap) {
		c->scap = c->scap ? 2 * c->scap : 1024;
		c->s = xreallocarray(c->s, c->scap, sizeof *c->s);
	}
	s = &c->s[c->ns++];
	c->d[c->nd - 1].n++;
	s->text = text;
	s->len = len;
	s->tok = tok;
	s->ntok = n;
	s->gold = xmalloc(n);
	s->mask = NULL;
	for (i = 0; i < n; i++) {
		if (type[i] == 0) {
			s->gold[i] = 0;
			continue;
		}
		st = begin[i] || i == 0 || type[i - 1] != type[i];
		en = i + 1 == n || type[i + 1] != type[i] || begin[i + 1];
		s->gold[i] = (uint8_t)NER_LAB(type[i] - 1, st && en ? NER_U :
		    st ? NER_B : en ? NER_L : NER_I);
	}
	if ((types & 0xf) != 0xf) {
		/* the prediction may use a type the set leaves out only where
		 * the set marks one anyway: elsewhere the set says nothing
		 * about that type, for or against */
		uint32_t miss = typemask_all(types) & ~1u;

		s->mask = xmalloc(n * sizeof *s->mask);
		for (i = 0; i < n; i++)
			s->mask[i] = s->gold[i] && (miss >> s->gold[i] & 1) ?
			    0x1ffff : 0x1ffff & ~miss;
	}
}

static int
typeof_tag(const char *t, size_t n)
{
	int k;

	for (k = 0; k < NER_NTYPES; k++)
		if (strlen(ner_type_name[k]) == n &&
		    memcmp(ner_type_name[k], t, n) == 0)
			return k + 1;
	return 0;
}

/* CoNLL */

struct gtok {
	size_t start, end;
	int type;
	int b;
};

static void
conll_flush(struct corpus *c, struct buf *text, struct gtok *g, size_t ng,
    unsigned types)
{
	struct ner_tok *tok = NULL;
	size_t cap = 0, n, i, k = 0;
	int *type;
	uint8_t *begin;
	char *t;

	if (ng == 0)
		return;
	t = xmemdup(text->p, text->len);
	n = ner_tokenize(t, text->len, &tok, &cap);
	type = xcalloc(n + 1, sizeof *type);
	begin = xcalloc(n + 1, 1);
	for (i = 0; i < n; i++) {
		while (k < ng && g[k].end <= tok[i].start)
			k++;
		if (k == ng)
			break;
		type[i] = g[k].type;
		begin[i] = g[k].b && tok[i].start == g[k].start;
	}
	addsent(c, t, text->len, tok, n, type, begin, types);
	free(type);
	free(begin);
}

static int
read_conll(struct corpus *c, const char *path, int file, unsigned types)
{
	FILE *fp;
	char *line = NULL, *tab, *tag;
	size_t lcap = 0, ng = 0, gcap = 0, ndocs = 0, len;
	ssize_t r;
	struct buf text = BUF_INIT;
	struct gtok *g = NULL;
	size_t lineno = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	newdoc(c, file);
	while ((r = getline(&line, &lcap, fp)) != -1) {
		lineno++;
		while (r > 0 && (line[r - 1] == '\n' || line[r - 1] == '\r'))
			line[--r] = '\0';
		if (r == 0) {
			conll_flush(c, &text, g, ng, types);
			buf_reset(&text);
			ng = 0;
			/* sets without documents (tweets): 40 sentences
			 * make one, so document features see some context */
			if (ndocs <= 1 && c->d[c->nd - 1].n >= 40)
				newdoc(c, file);
			continue;
		}
		if ((tab = strchr(line, '\t')) == NULL &&
		    (tab = strchr(line, ' ')) == NULL) {
			warnx("%s:%zu: no tag", path, lineno);
			continue;
		}
		len = (size_t)(tab - line);
		if (len == 10 && memcmp(line, "-DOCSTART-", 10) == 0) {
			conll_flush(c, &text, g, ng, types);
			buf_reset(&text);
			ng = 0;
			newdoc(c, file);
			ndocs++;
			continue;
		}
		tag = strrchr(line, '\t');
		if (!tag)
			tag = strrchr(line, ' ');
		tag++;
		if (ng == gcap) {
			gcap = gcap ? 2 * gcap : 64;
			g = xreallocarray(g, gcap, sizeof *g);
		}
		if (text.len)
			buf_addc(&text, ' ');
		g[ng].start = text.len;
		buf_add(&text, line, len);
		g[ng].end = text.len;
		g[ng].type = 0;
		g[ng].b = 0;
		if ((tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-') {
			g[ng].type = typeof_tag(tag + 2, strlen(tag + 2));
			g[ng].b = tag[0] == 'B';
			if (ng == 0 || g[ng - 1].type != g[ng].type)
				g[ng].b = 1;
		}
		ng++;
	}
	conll_flush(c, &text, g, ng, types);
	free(line);
	free(g);
	buf_free(&text);
	fclose(fp);
	return 0;
}

/*
 * JSON Lines: just enough JSON for flat objects with strings, numbers and
 * one array of flat objects.
 */
struct jv {
	int kind;		/* 's' string, 'n' number, 'a' array, 'o' object, 'x' other */
	struct buf s;
	double num;
	struct jv *items;	/* array elements or object values */
	char **keys;
	size_t n;
};

static void
jfree(struct jv *v)
{
	size_t i;

	buf_free(&v->s);
	for (i = 0; i < v->n; i++) {
		jfree(&v->items[i]);
		if (v->keys)
			free(v->keys[i]);
	}
	free(v->items);
	free(v->keys);
	memset(v, 0, sizeof *v);
}

static void
ws(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\r' || **p == '\n')
		(*p)++;
}

static int
hex4(const char *p, unsigned *u)
{
	int i;

	*u = 0;
	for (i = 0; i < 4; i++) {
		char ch = p[i];

		*u <<= 4;
		if (ch >= '0' && ch <= '9')
			*u |= (unsigned)(ch - '0');
		else if (ch >= 'a' && ch <= 'f')
			*u |= (unsigned)(ch - 'a' + 10);
		else if (ch >= 'A' && ch <= 'F')
			*u |= (unsigned)(ch - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

static void
putcp(struct buf *b, unsigned u)
{
	if (u < 0x80)
		buf_addc(b, (int)u);
	else if (u < 0x800) {
		buf_addc(b, (int)(0xc0 | u >> 6));
		buf_addc(b, (int)(0x80 | (u & 0x3f)));
	} else if (u < 0x10000) {
		buf_addc(b, (int)(0xe0 | u >> 12));
		buf_addc(b, (int)(0x80 | (u >> 6 & 0x3f)));
		buf_addc(b, (int)(0x80 | (u & 0x3f)));
	} else {
		buf_addc(b, (int)(0xf0 | u >> 18));
		buf_addc(b, (int)(0x80 | (u >> 12 & 0x3f)));
		buf_addc(b, (int)(0x80 | (u >> 6 & 0x3f)));
		buf_addc(b, (int)(0x80 | (u & 0x3f)));
	}
}

static int
jstr(const char **p, struct buf *b)
{
	unsigned u, lo;

	if (**p != '"')
		return -1;
	(*p)++;
	while (**p != '"') {
		if (**p == '\0')
			return -1;
		if (**p != '\\') {
			buf_addc(b, *(*p)++);
			continue;
		}
		(*p)++;
		switch (*(*p)++) {
		case '"': buf_addc(b, '"'); break;
		case '\\': buf_addc(b, '\\'); break;
		case '/': buf_addc(b, '/'); break;
		case 'b': buf_addc(b, '\b'); break;
		case 'f': buf_addc(b, '\f'); break;
		case 'n': buf_addc(b, '\n'); break;
		case 'r': buf_addc(b, '\r'); break;
		case 't': buf_addc(b, '\t'); break;
		case 'u':
			if (hex4(*p, &u))
				return -1;
			*p += 4;
			if (u >= 0xd800 && u < 0xdc00 && (*p)[0] == '\\' &&
			    (*p)[1] == 'u' && hex4(*p + 2, &lo) == 0 &&
			    lo >= 0xdc00 && lo < 0xe000) {
				u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
				*p += 6;
			}
			putcp(b, u);
			break;
		default:
			return -1;
		}
	}
	(*p)++;
	return 0;
}

static int
jparse(const char **p, struct jv *v)
{
	char *end;

	memset(v, 0, sizeof *v);
	ws(p);
	if (**p == '"') {
		v->kind = 's';
		return jstr(p, &v->s);
	}
	if (**p == '[' || **p == '{') {
		int obj = **p == '{';
		size_t cap = 0;

		v->kind = obj ? 'o' : 'a';
		(*p)++;
		ws(p);
		if (**p == (obj ? '}' : ']')) {
			(*p)++;
			return 0;
		}
		for (;;) {
			struct buf k = BUF_INIT;

			if (v->n == cap) {
				cap = cap ? 2 * cap : 8;
				v->items = xreallocarray(v->items, cap,
				    sizeof *v->items);
				if (obj)
					v->keys = xreallocarray(v->keys, cap,
					    sizeof *v->keys);
			}
			if (obj) {
				ws(p);
				if (jstr(p, &k))
					return -1;
				v->keys[v->n] = k.p ? k.p : xstrdup("");
				ws(p);
				if (*(*p)++ != ':')
					return -1;
			}
			if (jparse(p, &v->items[v->n]))
				return -1;
			v->n++;
			ws(p);
			if (**p == ',') {
				(*p)++;
				continue;
			}
			if (**p == (obj ? '}' : ']')) {
				(*p)++;
				return 0;
			}
			return -1;
		}
	}
	if (**p == '-' || (**p >= '0' && **p <= '9')) {
		v->kind = 'n';
		v->num = strtod(*p, &end);
		*p = end;
		return 0;
	}
	v->kind = 'x';
	while (**p >= 'a' && **p <= 'z')
		(*p)++;
	return 0;
}

static const struct jv *
jget(const struct jv *o, const char *key)
{
	size_t i;

	if (o->kind != 'o')
		return NULL;
	for (i = 0; i < o->n; i++)
		if (strcmp(o->keys[i], key) == 0)
			return &o->items[i];
	return NULL;
}

static const char *
jgets(const struct jv *o, const char *key)
{
	const struct jv *v = jget(o, key);

	return v && v->kind == 's' ? (v->s.p ? v->s.p : "") : NULL;
}

static int
read_jsonl(struct corpus *c, const char *path, int file, unsigned types)
{
	FILE *fp;
	char *line = NULL, *story = NULL;
	size_t lcap = 0, lineno = 0;
	ssize_t r;

	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	while ((r = getline(&line, &lcap, fp)) != -1) {
		const char *p = line, *split, *st, *text;
		const struct jv *ents;
		struct jv v;
		size_t *cpoff, ncp, i, k, n, tlen, tcap = 0;
		struct ner_tok *tok = NULL;
		int *type;
		uint8_t *begin;

		lineno++;
		if (jparse(&p, &v) || v.kind != 'o') {
			warnx("%s:%zu: bad JSON", path, lineno);
			jfree(&v);
			continue;
		}
		split = jgets(&v, "split");
		st = jgets(&v, "story");
		text = jgets(&v, "text");
		ents = jget(&v, "entities");
		if (!split || strcmp(split, "train") != 0 || !text || !st ||
		    !ents || ents->kind != 'a') {
			jfree(&v);
			continue;
		}
		if (!story || strcmp(story, st) != 0) {
			free(story);
			story = xstrdup(st);
			newdoc(c, file);
		}
		tlen = strlen(text);
		/* code point index -> byte offset */
		cpoff = xmalloc((tlen + 2) * sizeof *cpoff);
		for (i = 0, ncp = 0; i < tlen; i++)
			if (((unsigned char)text[i] & 0xc0) != 0x80)
				cpoff[ncp++] = i;
		cpoff[ncp] = tlen;
		n = ner_tokenize(text, tlen, &tok, &tcap);
		type = xcalloc(n + 1, sizeof *type);
		begin = xcalloc(n + 1, 1);
		for (k = 0; k < ents->n; k++) {
			const struct jv *e = &ents->items[k];
			const struct jv *js = jget(e, "start"), *je = jget(e, "end");
			const char *ty = jgets(e, "type");
			size_t bs, be;
			int t, firsttok = 1;

			if (!js || !je || !ty || js->num < 0 || je->num > ncp ||
			    js->num >= je->num)
				continue;
			bs = cpoff[(size_t)js->num];
			be = cpoff[(size_t)je->num];
			if ((t = typeof_tag(ty, strlen(ty))) == 0)
				continue;
			for (i = 0; i < n; i++) {
				if (tok[i].end <= bs || tok[i].start >= be)
					continue;
				type[i] = t;
				begin[i] = firsttok;
				firsttok = 0;
			}
		}
		addsent(c, xmemdup(text, tlen), tlen, tok, n, type, begin, types);
		free(type);
		free(begin);
		free(cpoff);
		jfree(&v);
	}
	free(story);
	free(line);
	fclose(fp);
	return 0;
}

/*
 * Headlines and datelines come in capitals or in title case, which the
 * training sets hardly have: a copy of every nth sentence of a training
 * document in capitals, and of another in title case, teaches the tagger
 * names without the help of their case (n = 0: none); a copy of every
 * sentence of a held-out document in each measures how it does.  Only
 * ASCII letters change, so the tokens stay where they were.
 */
enum { RECASE_CAPS = 1, RECASE_TITLE, NRECASE };

/* short words a title-case headline leaves in lower case */
static int
minor(const char *s, size_t n)
{
	static const char *const w[] = { "a", "an", "and", "as", "at", "but",
	    "by", "for", "in", "of", "on", "or", "the", "to", NULL };

	return ner_inlist(w, s, n);
}

static void
addcopy(struct corpus *c, const struct sent *s, int how)
{
	struct sent *u;
	size_t i, k;
	char *p;

	if (c->ncs == c->cscap) {
		c->cscap = c->cscap ? 2 * c->cscap : 1024;
		c->cs = xreallocarray(c->cs, c->cscap, sizeof *c->cs);
	}
	u = &c->cs[c->ncs++];
	*u = *s;
	u->recase = how;
	u->text = p = xmemdup(s->text, s->len);
	if (how == RECASE_CAPS) {
		for (k = 0; k < s->len; k++)
			if (p[k] >= 'a' && p[k] <= 'z')
				p[k] -= 'a' - 'A';
	} else
		for (i = 0; i < s->ntok; i++) {
			k = s->tok[i].start;
			if (p[k] >= 'a' && p[k] <= 'z' && (i == 0 ||
			    !minor(p + k, s->tok[i].end - k)))
				p[k] -= 'a' - 'A';
		}
	u->tok = xreallocarray(NULL, s->ntok, sizeof *u->tok);
	memcpy(u->tok, s->tok, s->ntok * sizeof *u->tok);
	u->gold = (uint8_t *)xmemdup(s->gold, s->ntok);
	u->mask = NULL;
	if (s->mask) {
		u->mask = xreallocarray(NULL, s->ntok, sizeof *u->mask);
		memcpy(u->mask, s->mask, s->ntok * sizeof *u->mask);
	}
}

static void
addcaps(struct corpus *c, int every)
{
	size_t i, j;
	const struct tdoc *d;

	for (i = 0; i < c->nd; i++) {
		d = &c->d[i];
		c->d[i].cfirst = c->ncs;
		for (j = d->first; j < d->first + d->n; j++) {
			if (d->held) {
				addcopy(c, &c->s[j], RECASE_CAPS);
				addcopy(c, &c->s[j], RECASE_TITLE);
			} else if (every > 0 && j % (size_t)every == 0)
				addcopy(c, &c->s[j], RECASE_CAPS);
			else if (every > 0 && j % (size_t)every ==
			    (size_t)every / 2)
				addcopy(c, &c->s[j], RECASE_TITLE);
		}
		c->d[i].cn = c->ncs - c->d[i].cfirst;
	}
}

/* Weights being trained: key -> row, w and the running sum for averaging */

struct wtab {
	uint32_t *key;
	uint32_t *idx;
	size_t cap, n;
	double *w, *u;		/* n rows of NER_NLAB */
	size_t rcap;
};

static size_t
wfind(const struct wtab *t, uint32_t k)
{
	size_t m = t->cap - 1, j;

	if (t->cap == 0)
		return (size_t)-1;
	for (j = k & m; t->key[j]; j = (j + 1) & m)
		if (t->key[j] == k)
			return t->idx[j];
	return (size_t)-1;
}

static size_t
wput(struct wtab *t, uint32_t k)
{
	size_t m, j, i;

	if (2 * (t->n + 1) > t->cap) {
		uint32_t *ok = t->key, *oi = t->idx;
		size_t oc = t->cap;

		t->cap = oc ? 2 * oc : 1 << 16;
		t->key = xcalloc(t->cap, sizeof *t->key);
		t->idx = xcalloc(t->cap, sizeof *t->idx);
		m = t->cap - 1;
		for (i = 0; i < oc; i++) {
			if (!ok[i])
				continue;
			for (j = ok[i] & m; t->key[j]; j = (j + 1) & m)
				;
			t->key[j] = ok[i];
			t->idx[j] = oi[i];
		}
		free(ok);
		free(oi);
	}
	m = t->cap - 1;
	for (j = k & m; t->key[j]; j = (j + 1) & m)
		if (t->key[j] == k)
			return t->idx[j];
	if (t->n == t->rcap) {
		t->rcap = t->rcap ? 2 * t->rcap : 1 << 16;
		t->w = xreallocarray(t->w, t->rcap, NER_NLAB * sizeof *t->w);
		t->u = xreallocarray(t->u, t->rcap, NER_NLAB * sizeof *t->u);
	}
	memset(t->w + t->n * NER_NLAB, 0, NER_NLAB * sizeof *t->w);
	memset(t->u + t->n * NER_NLAB, 0, NER_NLAB * sizeof *t->u);
	t->key[j] = k;
	t->idx[j] = (uint32_t)t->n;
	return t->n++;
}

static void
wfree(struct wtab *t)
{
	free(t->key);
	free(t->idx);
	free(t->w);
	free(t->u);
	memset(t, 0, sizeof *t);
}

/* Score with the current weights, or the averaged ones (w - u / c). */
static void
wscore(const struct wtab *t, const uint32_t *f, const size_t *nf, size_t n,
    double c, float *sc, float *tr)
{
	size_t i, k, r;
	int y, p;
	double acc[NER_NLAB];

	for (i = 0; i < n; i++) {
		memset(acc, 0, sizeof acc);
		for (k = 0; k < nf[i]; k++) {
			if ((r = wfind(t, f[i * NER_MAXF + k])) == (size_t)-1)
				continue;
			for (y = 0; y < NER_NLAB; y++)
				acc[y] += t->w[r * NER_NLAB + y] -
				    (c > 0 ? t->u[r * NER_NLAB + y] / c : 0);
		}
		for (y = 0; y < NER_NLAB; y++)
			sc[i * NER_NLAB + y] = (float)acc[y];
	}
	for (p = 0; p <= NER_NLAB; p++) {
		r = wfind(t, ner_transkey(p));
		for (y = 0; y < NER_NLAB; y++)
			tr[p * NER_NLAB + y] = r == (size_t)-1 ? 0 :
			    (float)(t->w[r * NER_NLAB + y] -
			    (c > 0 ? t->u[r * NER_NLAB + y] / c : 0));
	}
}

static void
upd(struct wtab *t, uint32_t k, int y, double d, double c)
{
	size_t r = wput(t, k);

	t->w[r * NER_NLAB + y] += d;
	t->u[r * NER_NLAB + y] += c * d;
}

/* Gazetteer built from TYPE TAB name lines */

struct gbuild {
	uint32_t *key;
	uint8_t *val;
	uint32_t cap, n;
};

static void
gput(struct gbuild *g, uint32_t k, uint8_t v)
{
	uint32_t m = g->cap - 1, j;

	for (j = k & m; g->key[j]; j = (j + 1) & m)
		if (g->key[j] == k) {
			g->val[j] |= v;
			return;
		}
	g->key[j] = k;
	g->val[j] = v;
	g->n++;
}

static int
read_gaz(struct gbuild *g, const char *path)
{
	FILE *fp;
	char *line = NULL;
	size_t lcap = 0, nlines = 0, n, i, tcap = 0, lineno = 0;
	ssize_t r;
	struct ner_tok *tok = NULL;
	struct ner_tinfo *ti = NULL;
	int t;

	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	/* a key per word of a name, at most half the slots full */
	while ((r = getline(&line, &lcap, fp)) != -1)
		for (i = 0; i < (size_t)r; i++)
			nlines += line[i] == ' ' || line[i] == '\t';
	rewind(fp);
	g->cap = 1024;
	while (g->cap < 2 * nlines + 1024)
		g->cap *= 2;
	g->key = xcalloc(g->cap, sizeof *g->key);
	g->val = xcalloc(g->cap, 1);
	while ((r = getline(&line, &lcap, fp)) != -1) {
		char *tab;
		uint64_t h = 0;
		uint8_t last;

		lineno++;
		while (r > 0 && (line[r - 1] == '\n' || line[r - 1] == '\r'))
			line[--r] = '\0';
		if (r == 0 || line[0] == '#')
			continue;
		if ((tab = strchr(line, '\t')) != NULL && tab - line == 3 &&
		    memcmp(line, "LEX", 3) == 0) {
			/* a word as the word list writes it */
			tab++;
			n = ner_tokenize(tab, strlen(tab), &tok, &tcap);
			if (n != 1)
				continue;
			ti = xreallocarray(ti, n, sizeof *ti);
			ner_tinfo_fill(ti, tab, tok, n);
			gput(g, ner_key32(ner_seqhash(0, ti[0].lw)),
			    ti[0].cap == NER_CAP_LOWER ? NER_LEX_LOWER :
			    NER_LEX_CAP);
			continue;
		}
		if (tab != NULL && tab - line == 4 &&
		    memcmp(line, "CTRY", 4) == 0)
			/* a country: marks the whole name, for the rules
			 * that tell a national team from a club; no feature
			 * reads the mark */
			last = NER_GAZ_CTRY;
		else if (tab == NULL ||
		    (t = typeof_tag(line, (size_t)(tab - line))) == 0) {
			warnx("%s:%zu: want TYPE TAB name", path, lineno);
			fclose(fp);
			free(line);
			return -1;
		} else
			last = (uint8_t)(1 << (t - 1));
		tab++;
		n = ner_tokenize(tab, strlen(tab), &tok, &tcap);
		if (n == 0 || n > 8)
			continue;
		ti = xreallocarray(ti, n, sizeof *ti);
		ner_tinfo_fill(ti, tab, tok, n);
		for (i = 0; i < n; i++) {
			h = ner_seqhash(h, ti[i].lw);
			gput(g, ner_key32(h), i + 1 == n ? last : NER_GAZ_MORE);
		}
	}
	free(tok);
	free(ti);
	free(line);
	fclose(fp);
	return 0;
}

/* Scoring the held-out documents */

struct prf {
	size_t gold, pred, ok;
	size_t tgold[NER_NTYPES], tpred[NER_NTYPES], tok[NER_NTYPES];
};

static void
spans(const uint8_t *lab, size_t n, size_t *out, size_t *k)
{
	size_t i, a;

	*k = 0;
	for (i = 0; i < n; i++) {
		if (lab[i] == 0)
			continue;
		a = i;
		i = ner_labend(lab, a, n);
		out[3 * *k] = a;
		out[3 * *k + 1] = i;
		out[3 * *k + 2] = (size_t)NER_LABTYPE(lab[a]);
		(*k)++;
	}
}

static void
count(struct prf *p, const uint8_t *gold, const uint8_t *pred, size_t n,
    size_t *ga, size_t *pa)
{
	size_t ng, np, i, j;

	spans(gold, n, ga, &ng);
	spans(pred, n, pa, &np);
	p->gold += ng;
	p->pred += np;
	for (i = 0; i < ng; i++)
		p->tgold[ga[3 * i + 2]]++;
	for (j = 0; j < np; j++)
		p->tpred[pa[3 * j + 2]]++;
	for (i = 0, j = 0; i < ng && j < np;) {
		if (ga[3 * i] == pa[3 * j]) {
			if (ga[3 * i + 1] == pa[3 * j + 1] &&
			    ga[3 * i + 2] == pa[3 * j + 2]) {
				p->ok++;
				p->tok[ga[3 * i + 2]]++;
			}
			i++;
			j++;
		} else if (ga[3 * i] < pa[3 * j])
			i++;
		else
			j++;
	}
}

static double
f1(const struct prf *p)
{
	double pr = p->pred ? (double)p->ok / p->pred : 0;
	double rc = p->gold ? (double)p->ok / p->gold : 0;

	return pr + rc > 0 ? 200 * pr * rc / (pr + rc) : 0;
}

/* IOB2 name of label i of lab[0..n), for --dump-holdout */
static const char *
labname(char *b, size_t sz, const uint8_t *lab, size_t i)
{
	int y = lab[i];

	if (y == 0)
		return "O";
	snprintf(b, sz, "%c-%s", NER_LABPOS(y) == NER_B ||
	    NER_LABPOS(y) == NER_U ? 'B' : 'I', ner_type_name[NER_LABTYPE(y)]);
	return b;
}

/* Training */

/* The cost of a wrong label in loss-augmented decoding, in units of one
 * perceptron update: chosen on held-out folds (tests/eval/ner-folds.sh,
 * numbers in ner.mk). */
#define MARGIN 80.0f

static uint64_t
rnd(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

struct work {
	struct ner_tinfo *ti;
	uint32_t *f;
	size_t *nf;
	float *sc, *dp, tr[(NER_NLAB + 1) * NER_NLAB];
	uint8_t *back, *pred, *best;
	size_t *ga, *pa;
	size_t cap;
};

static void
wgrow(struct work *w, size_t n)
{
	if (n <= w->cap)
		return;
	w->cap = n + n / 2;
	w->ti = xreallocarray(w->ti, w->cap, sizeof *w->ti);
	w->f = xreallocarray(w->f, w->cap, NER_MAXF * sizeof *w->f);
	w->nf = xreallocarray(w->nf, w->cap, sizeof *w->nf);
	w->sc = xreallocarray(w->sc, w->cap, NER_NLAB * sizeof *w->sc);
	w->dp = xreallocarray(w->dp, w->cap, NER_NLAB * sizeof *w->dp);
	w->back = xreallocarray(w->back, w->cap, NER_NLAB);
	w->pred = xreallocarray(w->pred, w->cap, 1);
	w->best = xreallocarray(w->best, w->cap, 1);
	w->ga = xreallocarray(w->ga, w->cap, 3 * sizeof *w->ga);
	w->pa = xreallocarray(w->pa, w->cap, 3 * sizeof *w->pa);
}

/*
 * One sentence of a document: tag it with the current weights (averaged
 * when scoring held-out text); when learning, move the weights towards
 * the best path the annotation allows wherever the prediction differs.
 */
static void
runsent(const struct sent *s, const struct ner_gaz *gz,
    struct ner_dmap *dm, struct wtab *t, double *step, int learn,
    struct work *w, struct prf *score, FILE *dump)
{
	size_t i, k, n = s->ntok;
	const uint8_t *gold;
	int yp, yg, pp, pg;

	ner_tinfo_fill(w->ti, s->text, s->tok, n);
	ner_gaz_mark(gz, w->ti, n);
	for (i = 0; i < n; i++)
		w->nf[i] = ner_feats(w->ti, n, i, dm, w->f + i * NER_MAXF);
	wscore(t, w->f, w->nf, n, learn ? 0 : *step, w->sc, w->tr);
	if (learn) {
		/* a wrong label starts MARGIN ahead, so a path is only left
		 * alone once it wins by a margin that grows with its errors */
		int y;

		for (i = 0; i < n; i++)
			for (y = 0; y < NER_NLAB; y++)
				if (y != s->gold[i])
					w->sc[i * NER_NLAB + y] += MARGIN;
	}
	ner_viterbi(w->sc, n, w->tr, learn ? s->mask : NULL, w->pred,
	    w->dp, w->back);
	if (score)
		count(score, s->gold, w->pred, n, w->ga, w->pa);
	if (dump) {
		char b1[8], b2[8];

		for (i = 0; i < n; i++)
			fprintf(dump, "%.*s\t%s\t%s\n",
			    (int)(s->tok[i].end - s->tok[i].start),
			    s->text + s->tok[i].start,
			    labname(b1, sizeof b1, s->gold, i),
			    labname(b2, sizeof b2, w->pred, i));
		fputc('\n', dump);
	}
	if (learn) {
		gold = s->gold;
		*step += 1;
		for (i = 0; i < n; i++) {
			yp = w->pred[i];
			yg = gold[i];
			pp = i ? w->pred[i - 1] : NER_NLAB;
			pg = i ? gold[i - 1] : NER_NLAB;
			if (yp != yg) {
				for (k = 0; k < w->nf[i]; k++) {
					upd(t, w->f[i * NER_MAXF + k], yg, 1,
					    *step);
					upd(t, w->f[i * NER_MAXF + k], yp, -1,
					    *step);
				}
			}
			if (yp != yg || pp != pg) {
				upd(t, ner_transkey(pg), yg, 1, *step);
				upd(t, ner_transkey(pp), yp, -1, *step);
			}
		}
	}
	ner_dmap_remember(dm, w->ti, n, w->pred);
}

/* The document counts of d's sentences, taken first as the tagger does. */
static void
countdoc(struct corpus *c, const struct tdoc *d, const struct ner_gaz *gz,
    struct ner_dmap *dm, struct work *w)
{
	size_t j;

	ner_dmap_clear(dm);
	for (j = 0; j < d->n; j++) {
		struct sent *s = &c->s[d->first + j];

		ner_tinfo_fill(w->ti, s->text, s->tok, s->ntok);
		ner_gaz_mark(gz, w->ti, s->ntok);
		ner_dmap_count(dm, w->ti, s->ntok);
	}
}

/*
 * One document, sentence by sentence, as the tagger sees it.  Its copies
 * in other case go first, when learning or when capsscore (NULL, or
 * NRECASE scores, by how a copy was recased) wants them scored: like a
 * headline or a dateline, they cannot lean on what the rest of the
 * document was tagged as, and the document as written does not see them.
 */
static void
rundoc(struct corpus *c, const struct tdoc *d, const struct ner_gaz *gz,
    struct ner_dmap *dm, struct wtab *t, double *step, int learn,
    struct work *w, struct prf *score, struct prf *capsscore, FILE *dump)
{
	size_t j, n;

	n = 0;
	for (j = 0; j < d->n; j++)
		if (c->s[d->first + j].ntok > n)
			n = c->s[d->first + j].ntok;
	wgrow(w, n + 1);
	if (d->cn && (learn || capsscore)) {
		countdoc(c, d, gz, dm, w);
		for (j = 0; j < d->cn; j++)
			runsent(&c->cs[d->cfirst + j], gz, dm, t, step, learn,
			    w, capsscore ? &capsscore[c->cs[d->cfirst +
			    j].recase] : NULL, NULL);
	}
	countdoc(c, d, gz, dm, w);
	for (j = 0; j < d->n; j++)
		runsent(&c->s[d->first + j], gz, dm, t, step, learn, w, score,
		    dump);
}

static void
put32(FILE *fp, uint32_t v)
{
	unsigned char b[4] = { v & 0xff, v >> 8 & 0xff, v >> 16 & 0xff,
	    v >> 24 };

	fwrite(b, 1, 4, fp);
}

struct rsize {
	double big;		/* largest weight of the row, in absolute value */
	uint32_t key;
	size_t r;
};

static int
bysize(const void *a, const void *b)
{
	const struct rsize *x = a, *y = b;

	if (x->big != y->big)
		return x->big < y->big ? -1 : 1;
	return (x->key > y->key) - (x->key < y->key);
}

/* Zero the pct percent of the rows of averaged weights t (c = 1) whose
 * weights are all the smallest, never a transition row, so that save()
 * leaves them out: most are features seen a few times, or in one bag of
 * several, and a model with more features then fits the size the issue
 * allows.  Before the held-out documents are scored, so that their F1
 * counts it. */
static void
prunerows(struct wtab *t, int pct)
{
	struct rsize *v = xcalloc(t->n ? t->n : 1, sizeof *v);
	size_t i, r, nv = 0, drop;
	uint32_t tk[NER_NLAB + 1];
	double a;
	int y, p, trans;

	for (p = 0; p <= NER_NLAB; p++)
		tk[p] = ner_transkey(p);
	for (i = 0; i < t->cap; i++) {
		if (!t->key[i])
			continue;
		for (p = 0, trans = 0; p <= NER_NLAB; p++)
			trans |= t->key[i] == tk[p];
		if (trans)
			continue;
		r = t->idx[i];
		v[nv].big = 0;
		for (y = 0; y < NER_NLAB; y++)
			if ((a = fabs(t->w[r * NER_NLAB + y])) > v[nv].big)
				v[nv].big = a;
		if (v[nv].big == 0)
			continue;
		v[nv].key = t->key[i];
		v[nv++].r = r;
	}
	qsort(v, nv, sizeof *v, bysize);
	drop = nv * (size_t)pct / 100;
	for (i = 0; i < drop; i++)
		memset(t->w + v[i].r * NER_NLAB, 0, NER_NLAB * sizeof *t->w);
	fprintf(stderr, "prune: %zu of %zu rows left out\n", drop, nv);
	free(v);
}

static int
save(const char *out, const struct wtab *t, double c,
    const struct gbuild *g)
{
	FILE *fp;
	uint32_t fcap = 1024, j, m;
	size_t r, i, kept = 0, off;
	double maxw = 0, v;
	float scale;
	int16_t *q;
	uint32_t *key, *rowof, nrow;
	int y;

	for (r = 0; r < t->n * NER_NLAB; r++) {
		v = fabs(t->w[r] - t->u[r] / c);
		if (v > maxw)
			maxw = v;
	}
	scale = (float)(maxw > 0 ? maxw / 32000 : 1);
	/* rows that round to all zeros are left out */
	q = xcalloc(t->n, NER_NLAB * sizeof *q);
	for (r = 0; r < t->n; r++) {
		int any = 0;

		for (y = 0; y < NER_NLAB; y++) {
			v = (t->w[r * NER_NLAB + y] - t->u[r * NER_NLAB + y] / c) /
			    scale;
			q[r * NER_NLAB + y] = (int16_t)lrint(v);
			any |= q[r * NER_NLAB + y] != 0;
		}
		kept += any;
		if (!any)
			q[r * NER_NLAB] = INT16_MIN;	/* mark dropped */
	}
	/* at most three quarters full: a look-up that misses (most do)
	 * still stops within a cache line or two */
	while (fcap < kept + kept / 3 + 16)
		fcap *= 2;
	key = xcalloc(fcap, sizeof *key);
	rowof = xcalloc(fcap, sizeof *rowof);
	m = fcap - 1;
	nrow = 0;
	for (i = 0; i < t->cap; i++) {
		if (!t->key[i])
			continue;
		r = t->idx[i];
		if (q[r * NER_NLAB] == INT16_MIN)
			continue;
		for (j = t->key[i] & m; key[j]; j = (j + 1) & m)
			;
		key[j] = t->key[i];
		rowof[j] = nrow++;
	}
	if ((fp = fopen(out, "wb")) == NULL) {
		warn("%s", out);
		return -1;
	}
	fwrite("NUNERv01", 1, 8, fp);
	put32(fp, NER_NLAB);
	put32(fp, fcap);
	put32(fp, g ? g->cap : 0);
	{
		uint32_t sb;

		memcpy(&sb, &scale, 4);
		put32(fp, sb);
	}
	put32(fp, nrow);
	for (off = 28; off < 64; off++)
		fputc(0, fp);
	for (j = 0; j < fcap; j++) {
		put32(fp, key[j]);
		put32(fp, rowof[j]);
	}
	/* rows in the order their keys were given row numbers */
	for (i = 0; i < t->cap; i++) {
		if (!t->key[i])
			continue;
		r = t->idx[i];
		if (q[r * NER_NLAB] == INT16_MIN)
			continue;
		for (y = 0; y < NER_NLAB; y++) {
			uint16_t u = (uint16_t)q[r * NER_NLAB + y];

			fputc(u & 0xff, fp);
			fputc(u >> 8, fp);
		}
	}
	off = 64 + (size_t)fcap * 8 + (size_t)nrow * NER_NLAB * 2;
	for (; off & 3; off++)
		fputc(0, fp);
	if (g) {
		for (j = 0; j < g->cap; j++)
			put32(fp, g->key[j]);
		fwrite(g->val, 1, g->cap, fp);
	}
	free(q);
	free(key);
	free(rowof);
	if (fclose(fp) == EOF) {
		warn("%s", out);
		return -1;
	}
	fprintf(stderr, "model: %zu of %zu feature rows kept, %u slots\n",
	    kept, t->n, fcap);
	return 0;
}

static unsigned
parse_types(char *spec)
{
	unsigned m = 0;
	char *p;
	int t;

	for (p = strtok(spec, ","); p; p = strtok(NULL, ","))
		if ((t = typeof_tag(p, strlen(p))) != 0)
			m |= 1u << (t - 1);
	return m ? m : 0xf;
}

int
ner_train(const char *out, char *const *files, int nfiles,
    const struct ner_train_opts *o)
{
	struct corpus c;
	struct gbuild g;
	struct ner_gaz gz;
	struct wtab t, sum;
	struct work w;
	struct ner_dmap *dm;
	size_t *order, no, i, ntok = 0;
	double step = 0;
	uint64_t seed;
	int f, ep, rc, bag, k, *weight;
	unsigned *ftypes;

	weight = xcalloc((size_t)nfiles + 1, sizeof *weight);
	ftypes = xcalloc((size_t)nfiles + 1, sizeof *ftypes);
	memset(&c, 0, sizeof c);
	memset(&g, 0, sizeof g);
	memset(&t, 0, sizeof t);
	memset(&w, 0, sizeof w);
	for (f = 0; f < nfiles; f++) {
		char *path = xstrdup(files[f]), *colon, *at;
		unsigned types = 0xf;
		size_t l;

		weight[f] = 1;
		if ((at = strrchr(path, '@')) != NULL && strchr(at, '/') == NULL) {
			*at = '\0';
			weight[f] = atoi(at + 1) > 0 ? atoi(at + 1) : 1;
		}
		if ((colon = strrchr(path, ':')) != NULL) {
			*colon = '\0';
			types = parse_types(colon + 1);
		}
		ftypes[f] = types;
		l = strlen(path);
		fprintf(stderr, "train: %s\n", files[f]);
		if (l > 6 && strcmp(path + l - 6, ".jsonl") == 0)
			rc = read_jsonl(&c, path, f, types);
		else
			rc = read_conll(&c, path, f, types);
		free(path);
		if (rc)
			return -1;
	}
	for (i = 0; i < c.ns; i++)
		ntok += c.s[i].ntok;
	fprintf(stderr, "train: %zu documents, %zu sentences, %zu tokens\n",
	    c.nd, c.ns, ntok);
	if (o->gazetteer) {
		fprintf(stderr, "train: gazetteer %s\n", o->gazetteer);
		if (read_gaz(&g, o->gazetteer))
			return -1;
	}
	gz.key = g.key;
	gz.val = g.val;
	gz.cap = g.cap;
	for (i = 0, no = 0; i < c.nd; i++)
		no += (size_t)weight[c.d[i].file];
	order = xmalloc(no * sizeof *order);
	for (i = 0; i < c.nd; i++)
		c.d[i].held = o->holdout > 0 && i % (size_t)o->holdout ==
		    (size_t)(o->fold >= 0 ? o->fold : o->holdout - 1) %
		    (size_t)o->holdout;
	addcaps(&c, o->caps);
	dm = ner_dmap_new();
	memset(&sum, 0, sizeof sum);
	for (bag = 0; bag < o->bags; bag++) {
		memset(&t, 0, sizeof t);
		step = 0;
		seed = 0x9e3779b97f4a7c15ULL + (uint64_t)o->seed +
		    0x1000 * (uint64_t)bag;
		/* a file of weight k is read k times an epoch */
		no = 0;
		for (i = 0; i < c.nd; i++)
			for (k = 0; !c.d[i].held && k < weight[c.d[i].file];
			    k++)
				order[no++] = i;
		for (ep = 0; ep < o->epochs; ep++) {
			for (i = no; i > 1; i--) {
				size_t r = rnd(&seed) % i, tmp = order[i - 1];

				order[i - 1] = order[r];
				order[r] = tmp;
			}
			for (i = 0; i < no; i++)
				rundoc(&c, &c.d[order[i]], &gz, dm, &t, &step,
				    1, &w, NULL, NULL, NULL);
			fprintf(stderr, "bag %d epoch %d: %zu features\n",
			    bag + 1, ep + 1, t.n);
		}
		/* the bags' averaged weights are averaged in turn */
		for (i = 0; i < t.cap; i++) {
			size_t r, q;
			int y;

			if (!t.key[i])
				continue;
			r = t.idx[i];
			q = wput(&sum, t.key[i]);
			for (y = 0; y < NER_NLAB; y++)
				sum.w[q * NER_NLAB + y] += (t.w[r * NER_NLAB + y] -
				    t.u[r * NER_NLAB + y] / step) / o->bags;
		}
		wfree(&t);
	}
	if (o->prune > 0)
		prunerows(&sum, o->prune);
	if (o->holdout > 0) {
		struct prf *pf = xcalloc((size_t)nfiles + 1, sizeof *pf);
		struct prf capspf[NRECASE];
		FILE *dump = NULL;
		double one = 1;

		memset(capspf, 0, sizeof capspf);
		if (o->dump && (dump = fopen(o->dump, "w")) == NULL)
			warn("%s", o->dump);
		for (i = 0; i < c.nd; i++)
			if (c.d[i].held) {
				if (dump)
					fprintf(dump, "-DOCSTART-\tO\tO\t%d\n\n",
					    c.d[i].file);
				rundoc(&c, &c.d[i], &gz, dm, &sum, &one, 0, &w,
				    &pf[c.d[i].file], capspf, dump);
			}
		if (dump)
			fclose(dump);
		fprintf(stderr, "held out, F1 per file:");
		for (f = 0; f < nfiles; f++) {
			pf[nfiles].gold += pf[f].gold;
			pf[nfiles].pred += pf[f].pred;
			pf[nfiles].ok += pf[f].ok;
			fprintf(stderr, " %.2f", f1(&pf[f]));
		}
		fprintf(stderr, " all %.2f", f1(&pf[nfiles]));
		{
			struct prf full, ty;
			int y;

			memset(&full, 0, sizeof full);
			for (f = 0; f < nfiles; f++)
				if (ftypes[f] == 0xf) {
					full.gold += pf[f].gold;
					full.pred += pf[f].pred;
					full.ok += pf[f].ok;
					for (y = 0; y < NER_NTYPES; y++) {
						full.tgold[y] += pf[f].tgold[y];
						full.tpred[y] += pf[f].tpred[y];
						full.tok[y] += pf[f].tok[y];
					}
				}
			fprintf(stderr, " fully annotated %.2f", f1(&full));
			for (y = 0; y < NER_NTYPES; y++) {
				ty.gold = full.tgold[y];
				ty.pred = full.tpred[y];
				ty.ok = full.tok[y];
				fprintf(stderr, " %s %.2f", ner_type_name[y],
				    f1(&ty));
			}
			fprintf(stderr, " in capitals %.2f in title case %.2f\n",
			    f1(&capspf[RECASE_CAPS]), f1(&capspf[RECASE_TITLE]));
		}
		free(pf);
	}
	rc = save(out, &sum, 1, o->gazetteer ? &g : NULL);
	wfree(&sum);
	ner_dmap_free(dm);
	for (i = 0; i < c.ns; i++) {
		free(c.s[i].text);
		free(c.s[i].tok);
		free(c.s[i].gold);
		free(c.s[i].mask);
	}
	for (i = 0; i < c.ncs; i++) {
		free(c.cs[i].text);
		free(c.cs[i].tok);
		free(c.cs[i].gold);
		free(c.cs[i].mask);
	}
	free(c.cs);
	free(c.s);
	free(c.d);
	free(g.key);
	free(g.val);
	free(w.ti);
	free(w.f);
	free(w.nf);
	free(w.sc);
	free(w.dp);
	free(w.back);
	free(w.pred);
	free(w.best);
	free(w.ga);
	free(w.pa);
	free(order);
	free(weight);
	free(ftypes);
	return rc;
}
