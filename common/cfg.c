#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "buf.h"
#include "cfg.h"

static const char *const kindname[] = { "scalar", "list", "mapping" };

void
cfg_fail(const struct cfg *c, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (c != NULL)
		fprintf(stderr, "%s: %s:%zu:%zu: ",
		    program_invocation_short_name, c->file, c->line, c->col);
	else	/* a node that is missing: no place to name */
		fprintf(stderr, "%s: ", program_invocation_short_name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/*
 * The tree is built from libyaml's events (yaml_parser_parse) into one
 * arena, rather than loaded as a yaml_document_t, converted node by node
 * and deleted: a tool pays for its rules once per process, and users run a
 * process per article.  What the old loader did is kept to the byte: the
 * same parser calls (the first document only), the same messages, and the
 * same order of errors: YAML errors (syntax, undefined alias, duplicate
 * anchor) first, then the first error of the tree in document order.  An
 * alias is a copy of the node it names, as converting a loaded document
 * made it; one inside the node it names would nest without end and is
 * "nested too deeply" where that copy would first pass MAXDEPTH.
 *
 * Two limits keep a hostile --rules file from costing more than a real
 * one.  A tree has at most MAXNODES nodes, counting each alias as the copy
 * it is, so that a few lines of aliases to aliases cannot unfold to
 * billions of nodes; the error is at the first node past the limit, in
 * document order.  And reading stops at STOPDEPTH levels of YAML nesting:
 * libyaml's time grows with the square of the depth of flow collections
 * ("[[[[..."), and a tree that deep has its error already (past MAXDEPTH),
 * so only a YAML error further on goes unreported.
 */
#define MAXDEPTH 64
#define MAXNODES ((size_t)1 << 20)
#define STOPDEPTH 4096

/* A tree from cfg_parse(): the root first, so that a root's struct cfg *
 * is its tree.  Every node, key, string and array of children is in mem or
 * in a tree merged into this one. */
struct tree {
	struct cfg root;
	struct arena mem;
	struct tree *merged;
};

struct slot {			/* a child of a node being read */
	char *key;		/* mappings: its key */
	struct cfg *val;	/* NULL while a mapping's value is being read */
};

struct open {			/* a sequence or mapping being read */
	struct cfg *c;
	size_t first;		/* its children so far: slot[first..nslot) */
};

struct anchor {
	char *name;
	struct cfg *node;	/* NULL once the tree has an error */
	yaml_mark_t mark;
};

struct build {
	struct arena *mem;
	const char *file;
	struct cfg *root;
	struct open open[MAXDEPTH + 1];
	size_t nopen;
	struct slot *slot;
	size_t nslot, slotcap;
	struct anchor *anc;
	size_t nanc, anccap;
	size_t nodes;		/* in the tree so far, copies included */
	size_t depth;		/* of YAML collections open, not only kept */
	/* the tree's first error, reported once the YAML is known good */
	const char *why, *dupkey;
	size_t line, col;
};

static struct cfg *
node(struct build *b, enum cfg_kind kind, size_t line, size_t col)
{
	struct cfg *c = ar_alloc(b->mem, sizeof(*c));

	memset(c, 0, sizeof(*c));
	c->kind = kind;
	c->file = b->file;
	c->line = line;
	c->col = col;
	return c;
}

static void
bad(struct build *b, size_t line, size_t col, const char *why,
    const char *dupkey)
{
	b->why = why;
	b->dupkey = dupkey;
	b->line = line;
	b->col = col;
}

static int
istagged(const yaml_char_t *tag)
{
	return tag != NULL && strcmp((const char *)tag, "!replace") == 0;
}

/* One more node for the tree, at line:col; 0 (and the error) past the
 * limit. */
static int
counted(struct build *b, size_t line, size_t col)
{
	if (b->nodes == MAXNODES) {
		bad(b, line, col, "too many nodes (aliases count as copies)",
		    NULL);
		return 0;
	}
	b->nodes++;
	return 1;
}

/* Can a copy of c be placed at depth: none of its nodes too deep, and
 * their count within the limit?  Counts them; sets the error at the first
 * node that fails, in document order. */
static int
fits(struct build *b, const struct cfg *c, size_t depth)
{
	size_t i;

	if (depth > MAXDEPTH) {
		bad(b, c->line, c->col, "nested too deeply", NULL);
		return 0;
	}
	if (!counted(b, c->line, c->col))
		return 0;
	for (i = 0; c->kind != CFG_SCALAR && i < c->len; i++)
		if (!fits(b, c->val[i], depth + 1))
			return 0;
	return 1;
}

static struct cfg *
copy(struct build *b, const struct cfg *c)
{
	struct cfg *d = node(b, c->kind, c->line, c->col);
	size_t i;

	d->file = c->file;
	d->replace = c->replace;
	d->len = c->len;
	if (c->kind == CFG_SCALAR) {
		d->str = ar_memdup(b->mem, c->str, c->len);
		return d;
	}
	if (c->len == 0)
		return d;
	d->val = ar_alloc(b->mem, c->len * sizeof(*d->val));
	for (i = 0; i < c->len; i++)
		d->val[i] = copy(b, c->val[i]);
	if (c->keys != NULL) {
		d->keys = ar_alloc(b->mem, c->len * sizeof(*d->keys));
		memcpy(d->keys, c->keys, c->len * sizeof(*d->keys));
	}
	return d;
}

/*
 * An alias to open[i], a node still being read: the copy unfolds without
 * end, each round open[i..nopen) and their children so far, one level
 * deeper than the last.  Find the first node past MAXDEPTH, or past
 * MAXNODES if that comes first.
 */
static void
endless(struct build *b, size_t i)
{
	size_t d = b->nopen, j, k, end;

	for (;;) {
		for (j = i; j < b->nopen; j++) {
			const struct cfg *c = b->open[j].c;

			if (d + (j - i) > MAXDEPTH) {
				bad(b, c->line, c->col, "nested too deeply",
				    NULL);
				return;
			}
			if (!counted(b, c->line, c->col))
				return;
			end = j + 1 < b->nopen ? b->open[j + 1].first :
			    b->nslot;
			for (k = b->open[j].first; k < end; k++)
				if (b->slot[k].val != NULL && !fits(b,
				    b->slot[k].val, d + (j - i) + 1))
					return;
		}
		d += b->nopen - i;
	}
}

static struct slot *
push_slot(struct build *b)
{
	if (b->nslot == b->slotcap) {
		b->slotcap = b->slotcap ? 2 * b->slotcap : 256;
		b->slot = xreallocarray(b->slot, b->slotcap, sizeof(*b->slot));
	}
	return &b->slot[b->nslot++];
}

/* Is the next node a mapping's key? */
static int
at_key(const struct build *b)
{
	const struct open *o;

	if (b->nopen == 0)
		return 0;
	o = &b->open[b->nopen - 1];
	return o->c->kind == CFG_MAP &&
	    (b->nslot == o->first || b->slot[b->nslot - 1].val != NULL);
}

/* A key: a scalar, not one the mapping has already. */
static void
key(struct build *b, const char *k, size_t line, size_t col)
{
	size_t i;

	for (i = b->open[b->nopen - 1].first; i < b->nslot; i++)
		if (strcmp(b->slot[i].key, k) == 0) {
			bad(b, line, col, "duplicate key", b->slot[i].key);
			return;
		}
	push_slot(b)->key = (char *)k;
	b->slot[b->nslot - 1].val = NULL;
}

/* A finished node c goes to its parent (or is the root). */
static void
place(struct build *b, struct cfg *c)
{
	struct slot *s;

	if (b->nopen == 0) {
		b->root = c;
		return;
	}
	if (b->open[b->nopen - 1].c->kind == CFG_SEQ) {
		s = push_slot(b);
		s->key = NULL;
	} else
		s = &b->slot[b->nslot - 1];
	s->val = c;
}

static void
close_node(struct build *b)
{
	struct open *o = &b->open[--b->nopen];
	struct cfg *c = o->c;
	size_t i, n = b->nslot - o->first;

	c->len = n;
	if (n > 0) {
		c->val = ar_alloc(b->mem, n * sizeof(*c->val));
		if (c->kind == CFG_MAP)
			c->keys = ar_alloc(b->mem, n * sizeof(*c->keys));
		for (i = 0; i < n; i++) {
			c->val[i] = b->slot[o->first + i].val;
			if (c->keys != NULL)
				c->keys[i] = b->slot[o->first + i].key;
		}
	}
	b->nslot = o->first;
	place(b, c);
}

/* Register an anchor as the loader does; 0 on a duplicate (a YAML error,
 * set in p). */
static int
anchor(struct build *b, yaml_parser_t *p, const yaml_char_t *name,
    struct cfg *c, yaml_mark_t m)
{
	size_t i;

	if (name == NULL)
		return 1;
	for (i = 0; i < b->nanc; i++)
		if (strcmp(b->anc[i].name, (const char *)name) == 0) {
			p->error = YAML_COMPOSER_ERROR;
			p->context = "found duplicate anchor; first occurrence";
			p->context_mark = b->anc[i].mark;
			p->problem = "second occurrence";
			p->problem_mark = m;
			return 0;
		}
	if (b->nanc == b->anccap) {
		b->anccap = b->anccap ? 2 * b->anccap : 16;
		b->anc = xreallocarray(b->anc, b->anccap, sizeof(*b->anc));
	}
	b->anc[b->nanc].name = xstrdup((const char *)name);
	b->anc[b->nanc].node = c;
	b->anc[b->nanc++].mark = m;
	return 1;
}

static struct cfg *
scalar_node(struct build *b, const yaml_event_t *ev, size_t line, size_t col)
{
	struct cfg *c = node(b, CFG_SCALAR, line, col);

	c->str = ar_memdup(b->mem, ev->data.scalar.value,
	    ev->data.scalar.length);
	c->len = ev->data.scalar.length;
	c->replace = istagged(ev->data.scalar.tag);
	return c;
}

static int
scalar(struct build *b, yaml_parser_t *p, const yaml_event_t *ev)
{
	const yaml_char_t *v = ev->data.scalar.value;
	size_t line = ev->start_mark.line + 1, col = ev->start_mark.column + 1;
	struct cfg *c = NULL;

	if (b->why == NULL) {
		if (at_key(b)) {
			/* keys are C strings, as strdup() made them */
			char *k = ar_memdup(b->mem, v, strlen((const char *)v));

			key(b, k, line, col);
			/* a key's node only for an alias to it */
			if (ev->data.scalar.anchor != NULL)
				c = scalar_node(b, ev, line, col);
		} else if (b->nopen > MAXDEPTH)
			bad(b, line, col, "nested too deeply", NULL);
		else if (counted(b, line, col))
			place(b, c = scalar_node(b, ev, line, col));
	}
	return anchor(b, p, ev->data.scalar.anchor, b->why ? NULL : c,
	    ev->start_mark);
}

static int
start(struct build *b, yaml_parser_t *p, const yaml_event_t *ev,
    enum cfg_kind kind)
{
	const yaml_char_t *tag, *name;
	size_t line = ev->start_mark.line + 1, col = ev->start_mark.column + 1;
	struct cfg *c = NULL;

	if (kind == CFG_SEQ) {
		tag = ev->data.sequence_start.tag;
		name = ev->data.sequence_start.anchor;
	} else {
		tag = ev->data.mapping_start.tag;
		name = ev->data.mapping_start.anchor;
	}
	if (b->why == NULL) {
		if (at_key(b))
			bad(b, line, col, "a key must be a plain word", NULL);
		else if (b->nopen > MAXDEPTH)
			bad(b, line, col, "nested too deeply", NULL);
		else if (counted(b, line, col)) {
			c = node(b, kind, line, col);
			c->replace = istagged(tag);
			b->open[b->nopen].c = c;
			b->open[b->nopen++].first = b->nslot;
		}
	}
	return anchor(b, p, name, c, ev->start_mark);
}

static int
alias(struct build *b, yaml_parser_t *p, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct cfg *t;
	size_t i;

	for (i = 0; i < b->nanc; i++)
		if (strcmp(b->anc[i].name, name) == 0)
			break;
	if (i == b->nanc) {
		p->error = YAML_COMPOSER_ERROR;
		p->problem = "found undefined alias";
		p->problem_mark = ev->start_mark;
		return 0;
	}
	if (b->why != NULL)
		return 1;
	t = b->anc[i].node;
	if (at_key(b)) {
		if (t->kind != CFG_SCALAR)
			bad(b, t->line, t->col, "a key must be a plain word",
			    NULL);
		else
			key(b, t->str, t->line, t->col);
		return 1;
	}
	for (i = 0; i < b->nopen; i++)
		if (b->open[i].c == t) {
			endless(b, i);
			return 1;
		}
	if (fits(b, t, b->nopen))
		place(b, copy(b, t));
	return 1;
}

/* Read the first document of p into b, calling yaml_parser_parse() as
 * yaml_parser_load() does; 0 on a YAML error (set in p). */
static int
events(struct build *b, yaml_parser_t *p)
{
	yaml_event_t ev;
	int ok = 1;

	if (!yaml_parser_parse(p, &ev))
		return 0;
	yaml_event_delete(&ev);		/* STREAM-START */
	do {
		if (!yaml_parser_parse(p, &ev))
			return 0;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:	/* no document at all */
		case YAML_DOCUMENT_END_EVENT:
			yaml_event_delete(&ev);
			return 1;
		case YAML_SCALAR_EVENT:
			ok = scalar(b, p, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++b->depth > STOPDEPTH) {
				/* b->why is set: past MAXDEPTH long since */
				yaml_event_delete(&ev);
				return 1;
			}
			ok = start(b, p, &ev, ev.type ==
			    YAML_SEQUENCE_START_EVENT ? CFG_SEQ : CFG_MAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			b->depth--;
			if (b->why == NULL)
				close_node(b);
			break;
		case YAML_ALIAS_EVENT:
			ok = alias(b, p, &ev);
			break;
		default:	/* DOCUMENT-START */
			break;
		}
		yaml_event_delete(&ev);
	} while (ok);
	return 0;
}

static void
say(char **why, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(why, fmt, ap) < 0)
		err(1, NULL);
	va_end(ap);
}

/* Nodes point at their file's name for messages; the names live as long as
 * the process, kept here once each so they are not leaks. */
static char **names;
static size_t nnames;

static const char *
keep_name(const char *name)
{
	size_t i;

	for (i = 0; i < nnames; i++)
		if (strcmp(names[i], name) == 0)
			return names[i];
	names = xreallocarray(names, nnames + 1, sizeof(*names));
	return names[nnames++] = xstrdup(name);
}

struct cfg *
cfg_parse_err(const char *name, const char *text, size_t len, char **why)
{
	yaml_parser_t p;
	struct build b;
	struct tree *t = xcalloc(1, sizeof(*t));
	struct cfg *c = &t->root;
	size_t i;
	int ok;

	memset(&b, 0, sizeof(b));
	b.mem = &t->mem;
	b.file = keep_name(name);
	*why = NULL;
	if (!yaml_parser_initialize(&p))
		errx(1, "yaml: out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	ok = events(&b, &p);
	if (!ok)
		say(why, "%s:%zu:%zu: %s%s%s", b.file,
		    (size_t)p.problem_mark.line + 1,
		    (size_t)p.problem_mark.column + 1,
		    p.problem ? p.problem : "bad YAML",
		    p.context ? " " : "", p.context ? p.context : "");
	else if (b.why != NULL)
		say(why, "%s:%zu:%zu: %s%s%s%s", b.file, b.line, b.col,
		    b.why, b.dupkey ? " \"" : "", b.dupkey ? b.dupkey : "",
		    b.dupkey ? "\"" : "");
	else if (b.root == NULL) {
		c->kind = CFG_MAP;
		c->file = b.file;
		c->line = c->col = 1;
	} else if (b.root->kind == CFG_SCALAR && b.root->len == 0) {
		c->kind = CFG_MAP;
		c->file = b.file;
		c->line = b.root->line;
		c->col = b.root->col;
	} else if (b.root->kind != CFG_MAP)
		say(why, "%s:%zu:%zu: rules must be a mapping of names "
		    "to values", b.file, b.root->line, b.root->col);
	else
		*c = *b.root;
	for (i = 0; i < b.nanc; i++)
		free(b.anc[i].name);
	free(b.anc);
	free(b.slot);
	yaml_parser_delete(&p);
	if (*why != NULL) {
		cfg_free(c);
		return NULL;
	}
	return c;
}

struct cfg *
cfg_parse(const char *name, const char *text, size_t len)
{
	struct cfg *c;
	char *why;

	if ((c = cfg_parse_err(name, text, len, &why)) == NULL) {
		fflush(stdout);
		fprintf(stderr, "%s: %s\n", program_invocation_short_name,
		    why);
		exit(2);
	}
	return c;
}

struct cfg *
cfg_load(const char *path)
{
	struct buf b = BUF_INIT;
	char tmp[65536];
	struct cfg *c;
	size_t k;
	FILE *fp;

	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		exit(2);
	}
	while ((k = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		buf_add(&b, tmp, k);
	if (ferror(fp)) {
		warn("%s", path);
		exit(2);
	}
	fclose(fp);
	c = cfg_parse(path, b.p ? b.p : "", b.len);
	buf_free(&b);
	return c;
}

/* Children of base grow into a new array in mem (those of a parsed tree
 * are sized to fit); the old one stays in its arena until the tree goes. */
static void
merge(struct arena *mem, struct cfg *base, struct cfg *over)
{
	struct cfg **val;
	char **keys;
	size_t i, j, n;

	if (base->kind != over->kind)
		cfg_fail(over, "expected a %s here, as in the default rules",
		    kindname[base->kind]);
	switch (over->kind) {
	case CFG_SCALAR:
		base->str = over->str;
		base->len = over->len;
		base->file = over->file;
		base->line = over->line;
		base->col = over->col;
		break;
	case CFG_SEQ:
		if (over->replace)
			base->len = 0;
		if (over->len == 0)
			break;
		val = ar_alloc(mem, (base->len + over->len) * sizeof(*val));
		if (base->len > 0)
			memcpy(val, base->val, base->len * sizeof(*val));
		memcpy(val + base->len, over->val, over->len * sizeof(*val));
		base->val = val;
		base->len += over->len;
		break;
	case CFG_MAP:
		if (over->len == 0)
			break;
		n = base->len + over->len;
		val = ar_alloc(mem, n * sizeof(*val));
		keys = ar_alloc(mem, n * sizeof(*keys));
		if (base->len > 0) {
			memcpy(val, base->val, base->len * sizeof(*val));
			memcpy(keys, base->keys, base->len * sizeof(*keys));
		}
		base->val = val;
		base->keys = keys;
		for (i = 0; i < over->len; i++) {
			for (j = 0; j < base->len; j++)
				if (strcmp(base->keys[j], over->keys[i]) == 0)
					break;
			if (j < base->len)
				merge(mem, base->val[j], over->val[i]);
			else {
				base->keys[base->len] = over->keys[i];
				base->val[base->len++] = over->val[i];
			}
		}
		break;
	}
}

void
cfg_merge(struct cfg *base, struct cfg *over)
{
	struct tree *b = (struct tree *)base, *o = (struct tree *)over;

	merge(&b->mem, base, over);
	/* over's nodes are base's now: its memory goes with base's */
	while (o->merged != NULL)
		o = o->merged;
	o->merged = b->merged;
	b->merged = (struct tree *)over;
}

void
cfg_free(struct cfg *c)
{
	struct tree *t = (struct tree *)c, *next;

	for (; t != NULL; t = next) {
		next = t->merged;
		ar_free(&t->mem);
		free(t);
	}
}

/*
 * Scalars are always written double-quoted: no YAML type guessing.  What
 * libyaml refuses to read (C0 and C1 controls, U+FFFE, U+FFFF) or reads as
 * a line break to fold (U+0085, U+2028, U+2029) is escaped, so that the
 * output loads back as the same rules.  A scalar is valid UTF-8: libyaml
 * checks its input and its escapes make only valid characters.
 */
static void
dump_str(FILE *fp, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;
	unsigned char c;

	fputc('"', fp);
	for (i = 0; i < n; i++) {
		c = u[i];
		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c < 0x20 || c == 0x7f)
			fprintf(fp, "\\x%02x", c);
		else if (c == 0xc2 && i + 1 < n && u[i + 1] < 0xa0)
			fprintf(fp, "\\x%02x", u[++i]);	/* U+0080..U+009F */
		else if (c == 0xe2 && i + 2 < n && u[i + 1] == 0x80 &&
		    (u[i + 2] == 0xa8 || u[i + 2] == 0xa9)) {
			fprintf(fp, "\\u%04x", 0x2000 + (u[i + 2] & 0x3f));
			i += 2;
		} else if (c == 0xef && i + 2 < n && u[i + 1] == 0xbf &&
		    u[i + 2] >= 0xbe) {
			fprintf(fp, "\\u%04x", 0xffc0 + (u[i + 2] & 0x3f));
			i += 2;
		} else
			fputc(c, fp);
	}
	fputc('"', fp);
}

static void
dump_key(FILE *fp, const char *k)
{
	const char *p;

	for (p = k; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
			break;
	if (*p || p == k)
		dump_str(fp, k, strlen(k));
	else
		fputs(k, fp);
}

static void
dump(FILE *fp, const struct cfg *c, int ind)
{
	size_t i;

	for (i = 0; i < c->len; i++) {
		const struct cfg *v = c->val[i];

		fprintf(fp, "%*s", ind, "");
		if (c->kind == CFG_MAP) {
			dump_key(fp, c->keys[i]);
			fputc(':', fp);
		} else
			fputc('-', fp);
		if (v->kind == CFG_SCALAR) {
			fputc(' ', fp);
			dump_str(fp, v->str, v->len);
			fputc('\n', fp);
		} else if (v->len == 0)
			fputs(v->kind == CFG_SEQ ? " []\n" : " {}\n", fp);
		else {
			fputc('\n', fp);
			dump(fp, v, ind + 2);
		}
	}
}

void
cfg_dump(FILE *fp, const struct cfg *c)
{
	if (c->len == 0)
		fputs("{}\n", fp);
	else
		dump(fp, c, 0);
}

const struct cfg *
cfg_get(const struct cfg *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != CFG_MAP)
		return NULL;
	for (i = 0; i < map->len; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->val[i];
	return NULL;
}

static const struct cfg *
typed(const struct cfg *map, const char *key, enum cfg_kind kind)
{
	const struct cfg *c = cfg_get(map, key);

	if (c != NULL && c->kind != kind)
		cfg_fail(c, "%s: expected a %s", key, kindname[kind]);
	return c;
}

const char *
cfg_str(const struct cfg *map, const char *key, const char *def)
{
	const struct cfg *c = typed(map, key, CFG_SCALAR);

	return c ? c->str : def;
}

long
cfg_int(const struct cfg *map, const char *key, long def)
{
	const struct cfg *c = typed(map, key, CFG_SCALAR);
	char *end;
	long v;

	if (c == NULL)
		return def;
	errno = 0;
	v = strtol(c->str, &end, 10);
	if (c->len == 0 || *end != '\0' || errno)
		cfg_fail(c, "%s: expected a whole number", key);
	return v;
}

double
cfg_num(const struct cfg *map, const char *key, double def)
{
	const struct cfg *c = typed(map, key, CFG_SCALAR);
	char *end;
	double v;

	if (c == NULL)
		return def;
	errno = 0;
	v = strtod(c->str, &end);
	if (c->len == 0 || *end != '\0' || errno)
		cfg_fail(c, "%s: expected a number", key);
	return v;
}

const struct cfg *
cfg_seq(const struct cfg *map, const char *key)
{
	return typed(map, key, CFG_SEQ);
}

const struct cfg *
cfg_map(const struct cfg *map, const char *key)
{
	return typed(map, key, CFG_MAP);
}
