/*
 * bp_rules: compiling strip-boilerplate's YAML rules (bp.yaml and --rules
 * files layered on it) into matchers.  Every mistake is reported at its
 * FILE:LINE:COL: a misspelt key would otherwise switch a rule off quietly.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define BP_INTERNAL
#include "bp.h"
#include "buf.h"

static const char *const where_name[BP_NWHERE] = { "any", "edge", "tail",
    "head" };
static const char *const anchor_name[BP_NANCHOR] = {
	"line", "prefix", "suffix", "contains",
};

static enum bp_why
why_of(const struct cfg *node)
{
	int i;

	if (node == NULL || node->kind != CFG_SCALAR)
		cfg_fail(node, "why: expected one word");
	for (i = 1; i < BP_NWHY; i++)
		if (strcmp(node->str, bp_why_name[i]) == 0)
			return (enum bp_why)i;
	cfg_fail(node, "unknown why '%s' (see strip-boilerplate(1))",
	    node->str);
}

static const struct cfg *
need(const struct cfg *map, const char *key)
{
	const struct cfg *c = cfg_get(map, key);

	if (c == NULL)
		cfg_fail(map, "missing key '%s'", key);
	return c;
}

static void
check_keys(const struct cfg *map, const char *const *allowed)
{
	size_t i, k;

	if (map->kind != CFG_MAP)
		cfg_fail(map, "expected a mapping");
	for (i = 0; i < map->len; i++) {
		for (k = 0; allowed[k]; k++)
			if (strcmp(map->keys[i], allowed[k]) == 0)
				break;
		if (allowed[k] == NULL)
			cfg_fail(map->val[i], "unknown key '%s'", map->keys[i]);
	}
}

static int
boolean(const struct cfg *c)
{
	if (c->kind == CFG_SCALAR) {
		if (!strcmp(c->str, "true") || !strcmp(c->str, "yes") ||
		    !strcmp(c->str, "on"))
			return 1;
		if (!strcmp(c->str, "false") || !strcmp(c->str, "no") ||
		    !strcmp(c->str, "off"))
			return 0;
	}
	cfg_fail(c, "expected true or false");
}

static size_t
count(const struct cfg *map, const char *key, size_t def)
{
	long v = cfg_int(map, key, (long)def);

	if (v < 0)
		cfg_fail(cfg_get(map, key), "%s: must not be negative", key);
	return (size_t)v;
}

/* Fill st->bylen and st->lstart (counting sort by length, in order). */
static void
by_length(struct bp_set *st)
{
	size_t l, k, at[65] = { 0 };

	st->bylen = xreallocarray(NULL, st->n ? st->n : 1, sizeof(size_t));
	for (k = 0; k < st->n; k++)
		at[st->len[k] < 64 ? st->len[k] : 64]++;
	for (l = 0, k = 0; l < 65; l++) {
		size_t c = at[l];

		st->lstart[l] = at[l] = k;
		k += c;
	}
	for (k = 0; k < st->n; k++)
		st->bylen[at[st->len[k] < 64 ? st->len[k] : 64]++] = k;
}

/* Fill st->byfirst and st->fstart (counting sort by first byte, in
 * order; empty entries left out). */
static void
by_first(struct bp_set *st)
{
	size_t c, k, at[257] = { 0 };

	st->byfirst = xreallocarray(NULL, st->n ? st->n : 1, sizeof(size_t));
	for (k = 0; k < st->n; k++)
		if (st->len[k] > 0)
			at[(unsigned char)st->s[k][0]]++;
	for (c = 0, k = 0; c < 257; c++) {
		size_t x = at[c];

		st->fstart[c] = at[c] = k;
		k += x;
	}
	for (k = 0; k < st->n; k++)
		if (st->len[k] > 0)
			st->byfirst[at[(unsigned char)st->s[k][0]]++] = k;
}

static void
compile_sets(struct bp_rules *rs, const struct cfg *sets)
{
	size_t i, k;

	if (sets == NULL)
		return;
	if (sets->kind != CFG_MAP)
		cfg_fail(sets, "sets: expected a mapping of lists");
	rs->sets = xcalloc(sets->len, sizeof(*rs->sets));
	rs->nsets = sets->len;
	for (i = 0; i < sets->len; i++) {
		const struct cfg *l = sets->val[i];
		struct bp_set *st = &rs->sets[i];

		if (l->kind != CFG_SEQ)
			cfg_fail(l, "set %s: expected a list", sets->keys[i]);
		st->name = xstrdup(sets->keys[i]);
		st->s = xcalloc(l->len, sizeof(char *));
		st->len = xcalloc(l->len, sizeof(size_t));
		st->n = l->len;
		for (k = 0; k < l->len; k++) {
			size_t n, w;
			char *ca;

			if (l->val[k]->kind != CFG_SCALAR)
				cfg_fail(l->val[k], "expected a string");
			n = strlen(l->val[k]->str);
			st->s[k] = xmalloc(n + 1);
			ca = xmalloc(n + 1);
			st->len[k] = bp_norm(l->val[k]->str, n, st->s[k], ca,
			    &w);
			st->s[k][st->len[k]] = '\0';
			free(ca);
			st->lens |= (uint64_t)1 << (st->len[k] < 63 ?
			    st->len[k] : 63);
			if (st->len[k] == 0)
				st->empty = 1;
			else {
				unsigned char f = (unsigned char)st->s[k][0],
				    e = (unsigned char)st->s[k][st->len[k] - 1];

				st->first[f >> 6] |= (uint64_t)1 << (f & 63);
				st->last[e >> 6] |= (uint64_t)1 << (e & 63);
			}
		}
		by_length(st);
		by_first(st);
	}
}

static int
set_index(const struct bp_rules *rs, const char *name)
{
	size_t i;

	for (i = 0; i < rs->nsets; i++)
		if (strcmp(rs->sets[i].name, name) == 0)
			return (int)i;
	return -1;
}

static void
compile_inline(struct bp_rules *rs, const struct cfg *l)
{
	static const char *const keys[] = { "name", "why", "at", "glued",
	    "text", NULL };
	size_t i, k;

	if (l == NULL)
		return;
	rs->inl = xcalloc(l->len, sizeof(*rs->inl));
	rs->ninl = l->len;
	for (i = 0; i < l->len; i++) {
		const struct cfg *r = l->val[i], *t;
		struct bp_inl *in = &rs->inl[i];
		const char *at;

		check_keys(r, keys);
		in->name = xstrdup(cfg_str(r, "name", "inline"));
		in->why = why_of(need(r, "why"));
		at = cfg_str(r, "at", "anywhere");
		if (!strcmp(at, "anywhere"))
			in->at = BP_AT_ANYWHERE;
		else if (!strcmp(at, "start"))
			in->at = BP_AT_START;
		else if (!strcmp(at, "end"))
			in->at = BP_AT_END;
		else
			cfg_fail(cfg_get(r, "at"),
			    "at: expected anywhere, start or end");
		in->glued = (t = cfg_get(r, "glued")) ? boolean(t) : 0;
		if (in->glued && in->at == BP_AT_ANYWHERE)
			cfg_fail(t, "glued: only for residue at the start or end");
		t = cfg_seq(r, "text");
		if (t == NULL)
			cfg_fail(r, "missing key 'text'");
		in->text = xcalloc(t->len, sizeof(char *));
		in->len = xcalloc(t->len, sizeof(size_t));
		in->n = t->len;
		in->norm = xcalloc(t->len, sizeof(char *));
		in->nlen = xcalloc(t->len, sizeof(size_t));
		in->koff = xcalloc(t->len, sizeof(size_t));
		for (k = 0; k < t->len; k++) {
			char *s, *ca;
			size_t c, w;

			if (t->val[k]->kind != CFG_SCALAR ||
			    t->val[k]->str[0] == '\0')
				cfg_fail(t->val[k], "expected a non-empty string");
			s = xstrdup(t->val[k]->str);
			for (c = 0; s[c]; c++)
				if (s[c] >= 'A' && s[c] <= 'Z')
					s[c] += 32;
			in->text[k] = s;
			in->len[k] = c;
			in->norm[k] = xmalloc(c + 1);
			ca = xmalloc(c + 1);
			in->nlen[k] = bp_norm(s, c, in->norm[k], ca, &w);
			in->norm[k][in->nlen[k]] = '\0';
			free(ca);
			if (in->at == BP_AT_ANYWHERE && (c < 4 ||
			    in->nlen[k] < 4))
				cfg_fail(t->val[k], "residue found anywhere "
				    "must be at least 4 bytes long");
		}
	}
}

static void
compile_rules(struct bp_rules *rs, const struct cfg *l)
{
	static const char *const keys[] = { "name", "why", "where", "list",
	    "closes", "above", "stamp", "card", "nostop", "min_words", "max_words", "line", "prefix", "suffix", "contains",
	    "also", "unless", NULL };
	size_t i, k, a;

	if (l == NULL)
		return;
	rs->rules = xcalloc(l->len, sizeof(*rs->rules));
	rs->nrules = l->len;
	for (i = 0; i < l->len; i++) {
		const struct cfg *r = l->val[i], *c;
		struct bp_rule *ru = &rs->rules[i];
		const char *w;
		size_t any = 0;

		check_keys(r, keys);
		need(r, "name");
		ru->name = xstrdup(cfg_str(r, "name", ""));
		ru->why = why_of(need(r, "why"));
		w = cfg_str(r, "where", "any");
		for (k = 0; k < BP_NWHERE; k++)
			if (!strcmp(w, where_name[k]))
				break;
		if (k == BP_NWHERE)
			cfg_fail(cfg_get(r, "where"),
			    "where: expected any, edge, tail or head");
		ru->where = (int)k;
		ru->list = (c = cfg_get(r, "list")) ? boolean(c) : 0;
		ru->closes = (c = cfg_get(r, "closes")) ? boolean(c) : 0;
		ru->above = (c = cfg_get(r, "above")) ? boolean(c) : 0;
		ru->stamp = (c = cfg_get(r, "stamp")) ? boolean(c) : 0;
		ru->card = (c = cfg_get(r, "card")) ? boolean(c) : 0;
		ru->nostop = (c = cfg_get(r, "nostop")) ? boolean(c) : 0;
		if (ru->card && ru->where != BP_WHERE_ANY)
			cfg_fail(r, "rule %s: card: true wants where: any",
			    ru->name);
		ru->minw = count(r, "min_words", 1);
		ru->maxw = count(r, "max_words", 40);
		for (a = 0; a < BP_NANCHOR; a++) {
			if ((c = cfg_seq(r, anchor_name[a])) == NULL)
				continue;
			ru->pat[a] = xcalloc(c->len, sizeof(struct bp_pat));
			ru->npat[a] = c->len;
			for (k = 0; k < c->len; k++)
				bp_pat_compile(rs, c->val[k], &ru->pat[a][k]);
			any += c->len;
		}
		if (any == 0)
			cfg_fail(r, "rule %s has no pattern", ru->name);
		if ((c = cfg_seq(r, "also")) != NULL) {
			ru->also = xcalloc(c->len, sizeof(struct bp_pat));
			ru->nalso = c->len;
			for (k = 0; k < c->len; k++)
				bp_pat_compile(rs, c->val[k], &ru->also[k]);
		}
		if ((c = cfg_seq(r, "unless")) != NULL) {
			ru->unless = xcalloc(c->len, sizeof(struct bp_pat));
			ru->nunless = c->len;
			for (k = 0; k < c->len; k++)
				bp_pat_compile(rs, c->val[k], &ru->unless[k]);
		}
		if (ru->maxw > rs->maxw[ru->where])
			rs->maxw[ru->where] = ru->maxw;
	}
}

struct bp_rules *
bp_compile(const struct cfg *root)
{
	static const char *const top[] = { "settings", "detectors", "sets",
	    "inline", "rules", NULL };
	static const char *const settings[] = { "title_max_words",
	    "body_min_words", "short_max_words", "sandwich_max_words",
	    "related_max_words", "pullquote_min_words", "pullquote_max_words",
	    "credit_max_words", "caption_max_words", "residue_why", NULL };
	static const char *const dets[] = { "symbols_only", "credit",
	    "pullquote", "spread", "sandwich", "caps_label", "tail_headlines",
	    "tail_short", "head_short", "section_label", "repeated", "tail_island",
	    "teaser_cards", "caps_headline", "link_list", "link_box",
	    "comment_thread", NULL };
	struct bp_rules *rs = xcalloc(1, sizeof(*rs));
	const struct cfg *s, *d, *c;

	check_keys(root, top);
	compile_sets(rs, cfg_map(root, "sets"));
	rs->abbrev = set_index(rs, "abbrev");
	rs->smallw = set_index(rs, "credit_small_words");
	rs->agency = set_index(rs, "agency");

	s = cfg_map(root, "settings");
	if (s != NULL)
		check_keys(s, settings);
	rs->title_max = count(s, "title_max_words", 30);
	rs->body_min = count(s, "body_min_words", 8);
	rs->short_max = count(s, "short_max_words", 5);
	rs->sandwich_max = count(s, "sandwich_max_words", 8);
	rs->related_max = count(s, "related_max_words", 16);
	rs->pq_min = count(s, "pullquote_min_words", 6);
	rs->pq_max = count(s, "pullquote_max_words", 60);
	rs->credit_max = count(s, "credit_max_words", 7);
	rs->caption_max = count(s, "caption_max_words", 90);
	rs->residue_why = s && (c = cfg_get(s, "residue_why")) ? why_of(c) :
	    BP_AD;

	d = cfg_map(root, "detectors");
	if (d != NULL)
		check_keys(d, dets);
	rs->det_symbols = d && (c = cfg_get(d, "symbols_only")) ? boolean(c) : 1;
	rs->det_credit = d && (c = cfg_get(d, "credit")) ? boolean(c) : 1;
	rs->det_pullquote = d && (c = cfg_get(d, "pullquote")) ? boolean(c) : 1;
	rs->det_spread = d && (c = cfg_get(d, "spread")) ? boolean(c) : 1;
	rs->det_sandwich = d && (c = cfg_get(d, "sandwich")) ? boolean(c) : 1;
	rs->det_label = d && (c = cfg_get(d, "caps_label")) ? boolean(c) : 1;
	rs->det_tailhead = d && (c = cfg_get(d, "tail_headlines")) ?
	    boolean(c) : 1;
	rs->det_tailshort = d && (c = cfg_get(d, "tail_short")) ?
	    boolean(c) : 1;
	rs->det_headshort = d && (c = cfg_get(d, "head_short")) ?
	    boolean(c) : 1;
	rs->det_seclabel = d && (c = cfg_get(d, "section_label")) ?
	    boolean(c) : 1;
	rs->det_repeated = d && (c = cfg_get(d, "repeated")) ? boolean(c) : 1;
	rs->det_island = d && (c = cfg_get(d, "tail_island")) ? boolean(c) : 1;
	rs->det_cards = d && (c = cfg_get(d, "teaser_cards")) ? boolean(c) : 1;
	rs->det_capshead = d && (c = cfg_get(d, "caps_headline")) ?
	    boolean(c) : 1;
	rs->det_linklist = d && (c = cfg_get(d, "link_list")) ? boolean(c) : 1;
	rs->det_linkbox = d && (c = cfg_get(d, "link_box")) ? boolean(c) : 1;
	rs->det_comments = d && (c = cfg_get(d, "comment_thread")) ?
	    boolean(c) : 1;

	compile_inline(rs, cfg_seq(root, "inline"));
	compile_rules(rs, cfg_seq(root, "rules"));
	bp_index(rs);
	return rs;
}

void
bp_rules_free(struct bp_rules *rs)
{
	size_t i, k, a;

	if (rs == NULL)
		return;
	bp_index_free(rs);
	for (i = 0; i < rs->nrules; i++) {
		struct bp_rule *r = &rs->rules[i];

		for (a = 0; a < BP_NANCHOR; a++) {
			for (k = 0; k < r->npat[a]; k++)
				bp_pat_free(&r->pat[a][k]);
			free(r->pat[a]);
		}
		for (k = 0; k < r->nalso; k++)
			bp_pat_free(&r->also[k]);
		free(r->also);
		for (k = 0; k < r->nunless; k++)
			bp_pat_free(&r->unless[k]);
		free(r->unless);
		free(r->name);
	}
	free(rs->rules);
	for (i = 0; i < rs->ninl; i++) {
		for (k = 0; k < rs->inl[i].n; k++) {
			free(rs->inl[i].text[k]);
			free(rs->inl[i].norm[k]);
		}
		free(rs->inl[i].text);
		free(rs->inl[i].norm);
		free(rs->inl[i].nlen);
		free(rs->inl[i].koff);
		free(rs->inl[i].len);
		free(rs->inl[i].name);
	}
	free(rs->inl);
	for (i = 0; i < rs->nsets; i++) {
		for (k = 0; k < rs->sets[i].n; k++)
			free(rs->sets[i].s[k]);
		free(rs->sets[i].s);
		free(rs->sets[i].len);
		free(rs->sets[i].bylen);
		free(rs->sets[i].byfirst);
		free(rs->sets[i].name);
	}
	free(rs->sets);
	free(rs);
}
