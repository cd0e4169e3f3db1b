/*
 * fuzz_cfg: the rules loader (cfg.h) on arbitrary bytes, against a model
 * built the plain way: libyaml loads a yaml_document_t and each node is
 * converted by recursion.  cfg_parse() reads libyaml's events into an
 * arena instead; it must give the same tree (kinds, keys, strings,
 * positions, !replace), or fail with the same message.  Then:
 * --dump-rules output parses back to a tree that dumps the same, and when
 * the input holds a line "#merge", the text after it merged onto the text
 * before gives the dump the model's merge gives.
 */
#include <yaml.h>

#include "fuzz.h"
#include "cfg.h"

FZ_NAME("fuzz_cfg")

/* The model: a tree of its own, and errors as cfg_parse_err() words them. */
struct mnode {
	enum cfg_kind kind;
	size_t line, col, len, n;
	char *str;
	char **keys;
	struct mnode **val;
	int replace;
};

static char *merr;
static size_t mcount;		/* nodes converted, as cfg.c counts them */

static void
mfail(yaml_mark_t m, const char *why, const char *key)
{
	if (merr != NULL)
		return;
	if (asprintf(&merr, "t.yaml:%zu:%zu: %s%s%s%s", (size_t)m.line + 1,
	    (size_t)m.column + 1, why, key ? " \"" : "", key ? key : "",
	    key ? "\"" : "") < 0)
		abort();
}

static struct mnode *
mnew(enum cfg_kind kind, yaml_mark_t m)
{
	struct mnode *c = calloc(1, sizeof(*c));

	c->kind = kind;
	c->line = m.line + 1;
	c->col = m.column + 1;
	return c;
}

static void
mfree(struct mnode *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; i < c->n; i++) {
		mfree(c->val[i]);
		if (c->keys)
			free(c->keys[i]);
	}
	free(c->val);
	free(c->keys);
	free(c->str);
	free(c);
}

static void
madd(struct mnode *c, char *key, struct mnode *v)
{
	c->val = realloc(c->val, (c->n + 1) * sizeof(*c->val));
	c->keys = realloc(c->keys, (c->n + 1) * sizeof(*c->keys));
	c->keys[c->n] = key;
	c->val[c->n++] = v;
}

static struct mnode *
mconvert(yaml_document_t *doc, yaml_node_t *n, int depth)
{
	struct mnode *c;
	yaml_node_item_t *it;
	yaml_node_pair_t *pr;
	yaml_node_t *k;
	size_t i;

	if (depth > 64) {
		mfail(n->start_mark, "nested too deeply", NULL);
		return NULL;
	}
	if (++mcount > (size_t)1 << 20) {
		mfail(n->start_mark, "too many nodes (aliases count as copies)",
		    NULL);
		return NULL;
	}
	switch (n->type) {
	case YAML_SEQUENCE_NODE:
		c = mnew(CFG_SEQ, n->start_mark);
		for (it = n->data.sequence.items.start;
		    it < n->data.sequence.items.top && !merr; it++)
			madd(c, NULL, mconvert(doc,
			    yaml_document_get_node(doc, *it), depth + 1));
		break;
	case YAML_MAPPING_NODE:
		c = mnew(CFG_MAP, n->start_mark);
		for (pr = n->data.mapping.pairs.start;
		    pr < n->data.mapping.pairs.top && !merr; pr++) {
			k = yaml_document_get_node(doc, pr->key);
			if (k->type != YAML_SCALAR_NODE) {
				mfail(k->start_mark,
				    "a key must be a plain word", NULL);
				break;
			}
			for (i = 0; i < c->n; i++)
				if (strcmp(c->keys[i],
				    (char *)k->data.scalar.value) == 0)
					mfail(k->start_mark, "duplicate key",
					    c->keys[i]);
			if (merr)
				break;
			madd(c, strdup((char *)k->data.scalar.value),
			    mconvert(doc, yaml_document_get_node(doc,
			    pr->value), depth + 1));
		}
		break;
	default:
		c = mnew(CFG_SCALAR, n->start_mark);
		c->str = malloc(n->data.scalar.length + 1);
		memcpy(c->str, n->data.scalar.value, n->data.scalar.length);
		c->str[n->data.scalar.length] = '\0';
		c->len = n->data.scalar.length;
		break;
	}
	c->replace = n->tag != NULL && strcmp((char *)n->tag, "!replace") == 0;
	return c;
}

static struct mnode *
mparse(const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_document_t doc;
	yaml_node_t *root;
	yaml_mark_t m = { 0, 0, 0 };
	struct mnode *c = NULL;

	merr = NULL;
	mcount = 0;
	if (!yaml_parser_initialize(&p))
		abort();
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &doc)) {
		if (asprintf(&merr, "t.yaml:%zu:%zu: %s%s%s",
		    (size_t)p.problem_mark.line + 1,
		    (size_t)p.problem_mark.column + 1,
		    p.problem ? p.problem : "bad YAML", p.context ? " " : "",
		    p.context ? p.context : "") < 0)
			abort();
		yaml_parser_delete(&p);
		return NULL;
	}
	root = yaml_document_get_root_node(&doc);
	if (root == NULL)
		c = mnew(CFG_MAP, m);
	else if (root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0)
		c = mnew(CFG_MAP, root->start_mark);
	else {
		c = mconvert(&doc, root, 0);
		if (!merr && c->kind != CFG_MAP) {
			m.line = c->line - 1;
			m.column = c->col - 1;
			mfail(m, "rules must be a mapping of names to values",
			    NULL);
		}
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&p);
	if (merr) {
		mfree(c);
		return NULL;
	}
	return c;
}

/* The model's merge; 0 where cfg_merge() would exit (kinds differ). */
static int
mcompatible(const struct mnode *base, const struct mnode *over)
{
	size_t i, j;

	if (base->kind != over->kind)
		return 0;
	if (over->kind == CFG_MAP)
		for (i = 0; i < over->n; i++)
			for (j = 0; j < base->n; j++)
				if (strcmp(base->keys[j], over->keys[i]) == 0 &&
				    !mcompatible(base->val[j], over->val[i]))
					return 0;
	return 1;
}

static void
mmerge(struct mnode *base, struct mnode *over)
{
	size_t i, j;

	switch (over->kind) {
	case CFG_SCALAR:
		free(base->str);
		base->str = over->str;
		base->len = over->len;
		over->str = NULL;
		break;
	case CFG_SEQ:
		if (over->replace) {
			for (i = 0; i < base->n; i++)
				mfree(base->val[i]);
			base->n = 0;
		}
		for (i = 0; i < over->n; i++)
			madd(base, NULL, over->val[i]);
		over->n = 0;
		break;
	case CFG_MAP:
		for (i = 0; i < over->n; i++) {
			for (j = 0; j < base->n; j++)
				if (strcmp(base->keys[j], over->keys[i]) == 0)
					break;
			if (j < base->n) {
				mmerge(base->val[j], over->val[i]);
				mfree(over->val[i]);
				free(over->keys[i]);
			} else
				madd(base, over->keys[i], over->val[i]);
		}
		over->n = 0;
		break;
	}
}

/* The same tree, node for node? */
static int
same(const struct cfg *c, const struct mnode *m)
{
	size_t i;

	if (c->kind != m->kind || c->line != m->line || c->col != m->col ||
	    c->replace != m->replace || strcmp(c->file, "t.yaml") != 0)
		return 0;
	if (c->kind == CFG_SCALAR)
		return c->len == m->len && memcmp(c->str, m->str, c->len) == 0 &&
		    c->str[c->len] == '\0';
	if (c->len != m->n)
		return 0;
	for (i = 0; i < c->len; i++) {
		if (c->kind == CFG_MAP && strcmp(c->keys[i], m->keys[i]) != 0)
			return 0;
		if (!same(c->val[i], m->val[i]))
			return 0;
	}
	return 1;
}

/* The model's tree as cfg_dump() writes one: build a struct cfg view. */
static struct cfg *
view(const struct mnode *m)
{
	struct cfg *c = calloc(1, sizeof(*c));
	size_t i;

	c->kind = m->kind;
	c->str = m->str;
	c->len = m->kind == CFG_SCALAR ? m->len : m->n;
	if (m->kind != CFG_SCALAR && m->n > 0) {
		c->val = calloc(m->n, sizeof(*c->val));
		for (i = 0; i < m->n; i++)
			c->val[i] = view(m->val[i]);
		c->keys = m->kind == CFG_MAP ? m->keys : NULL;
	}
	return c;
}

static void
unview(struct cfg *c)
{
	size_t i;

	for (i = 0; c->kind != CFG_SCALAR && i < c->len; i++)
		unview(c->val[i]);
	free(c->val);
	free(c);
}

static char *
dumped(const struct cfg *c, size_t *n)
{
	char *p = NULL;
	FILE *fp = open_memstream(&p, n);

	if (fp == NULL)
		abort();
	cfg_dump(fp, c);
	fclose(fp);
	return p;
}

/* Parse with both; NULL (and both messages alike) on an error. */
static struct cfg *
both(const char *s, size_t n, struct mnode **m)
{
	struct cfg *c;
	char *why;

	c = cfg_parse_err("t.yaml", s, n, &why);
	*m = mparse(s, n);
	FZ_CHECK((c == NULL) == (*m == NULL));
	if (c == NULL) {
		FZ_CHECK(strcmp(why, merr) == 0);
		free(why);
		free(merr);
		merr = NULL;
		return NULL;
	}
	FZ_CHECK(why == NULL);
	FZ_CHECK(same(c, *m));
	return c;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *sep;
	struct cfg *c, *d, *o, *v;
	struct mnode *m, *mo;
	char *p, *q, *why;
	size_t n, k, at;

	/* The model's loader recurses once per level of nesting; and cfg.c
	 * stops reading at 4096 levels, which no shorter input reaches. */
	if (size > 4096)
		return 0;
	if ((c = both(s, size, &m)) == NULL)
		return 0;

	/* --dump-rules output is YAML that loads to the same rules */
	p = dumped(c, &n);
	d = cfg_parse_err("t.yaml", p, n, &why);
	FZ_CHECK(d != NULL);
	q = dumped(d, &k);
	FZ_CHECK(k == n && memcmp(p, q, n) == 0);
	free(q);
	free(p);
	cfg_free(d);

	sep = memmem(s, size, "\n#merge\n", 8);
	if (sep != NULL) {
		cfg_free(c);
		mfree(m);
		at = (size_t)(sep - s) + 1;
		c = both(s, at, &m);
		o = both(s + at, size - at, &mo);
		if (c != NULL && o != NULL && mcompatible(m, mo)) {
			cfg_merge(c, o);
			mmerge(m, mo);
			o = NULL;
			p = dumped(c, &n);
			v = view(m);
			q = dumped(v, &k);
			FZ_CHECK(k == n && memcmp(p, q, n) == 0);
			unview(v);
			free(p);
			free(q);
		}
		cfg_free(o);
		mfree(mo);
	}
	cfg_free(c);
	mfree(m);
	return 0;
}
