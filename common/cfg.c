#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

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

static struct cfg *
node_new(enum cfg_kind kind, const char *file, yaml_mark_t m)
{
	struct cfg *c = xcalloc(1, sizeof(*c));

	c->kind = kind;
	c->file = file;
	c->line = m.line + 1;
	c->col = m.column + 1;
	return c;
}

static void
add_child(struct cfg *c, char *key, struct cfg *v)
{
	c->val = xreallocarray(c->val, c->len + 1, sizeof(*c->val));
	if (c->kind == CFG_MAP) {
		c->keys = xreallocarray(c->keys, c->len + 1, sizeof(*c->keys));
		c->keys[c->len] = key;
	}
	c->val[c->len++] = v;
}

static struct cfg *
convert(yaml_document_t *doc, yaml_node_t *n, const char *file, int depth)
{
	struct cfg *c, key;
	yaml_node_item_t *it;
	yaml_node_pair_t *pr;
	yaml_node_t *k;
	size_t i;

	if (depth > 64) {
		key.file = file;
		key.line = n->start_mark.line + 1;
		key.col = n->start_mark.column + 1;
		cfg_fail(&key, "nested too deeply");
	}
	switch (n->type) {
	case YAML_SEQUENCE_NODE:
		c = node_new(CFG_SEQ, file, n->start_mark);
		for (it = n->data.sequence.items.start;
		    it < n->data.sequence.items.top; it++)
			add_child(c, NULL, convert(doc,
			    yaml_document_get_node(doc, *it), file, depth + 1));
		break;
	case YAML_MAPPING_NODE:
		c = node_new(CFG_MAP, file, n->start_mark);
		for (pr = n->data.mapping.pairs.start;
		    pr < n->data.mapping.pairs.top; pr++) {
			k = yaml_document_get_node(doc, pr->key);
			if (k->type != YAML_SCALAR_NODE) {
				key.file = file;
				key.line = k->start_mark.line + 1;
				key.col = k->start_mark.column + 1;
				cfg_fail(&key, "a key must be a plain word");
			}
			for (i = 0; i < c->len; i++)
				if (strcmp(c->keys[i],
				    (char *)k->data.scalar.value) == 0) {
					key.file = file;
					key.line = k->start_mark.line + 1;
					key.col = k->start_mark.column + 1;
					cfg_fail(&key, "duplicate key \"%s\"",
					    c->keys[i]);
				}
			add_child(c, xstrdup((char *)k->data.scalar.value),
			    convert(doc, yaml_document_get_node(doc, pr->value),
			    file, depth + 1));
		}
		break;
	default:
		c = node_new(CFG_SCALAR, file, n->start_mark);
		c->str = xmemdup(n->data.scalar.value, n->data.scalar.length);
		c->len = n->data.scalar.length;
		break;
	}
	c->replace = n->tag != NULL && strcmp((char *)n->tag, "!replace") == 0;
	return c;
}

/* Nodes point at their file's name for messages; the names live as long as
 * the process, kept here so they are not leaks. */
static char **names;
static size_t nnames;

static const char *
keep_name(const char *name)
{
	names = xreallocarray(names, nnames + 1, sizeof(*names));
	return names[nnames++] = xstrdup(name);
}

struct cfg *
cfg_parse(const char *name, const char *text, size_t len)
{
	yaml_parser_t p;
	yaml_document_t doc;
	yaml_node_t *root;
	yaml_mark_t m = { 0, 0, 0 };
	struct cfg *c, at;
	const char *file = keep_name(name);

	if (!yaml_parser_initialize(&p))
		errx(1, "yaml: out of memory");
	yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
	if (!yaml_parser_load(&p, &doc)) {
		at.file = file;
		at.line = p.problem_mark.line + 1;
		at.col = p.problem_mark.column + 1;
		cfg_fail(&at, "%s%s%s", p.problem ? p.problem : "bad YAML",
		    p.context ? " " : "", p.context ? p.context : "");
	}
	root = yaml_document_get_root_node(&doc);
	if (root == NULL)
		c = node_new(CFG_MAP, file, m);
	else if (root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0)
		c = node_new(CFG_MAP, file, root->start_mark);
	else {
		c = convert(&doc, root, file, 0);
		if (c->kind != CFG_MAP)
			cfg_fail(c, "rules must be a mapping of names to values");
	}
	yaml_document_delete(&doc);
	yaml_parser_delete(&p);
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

static void
merge(struct cfg *base, struct cfg *over)
{
	size_t i, j;

	if (base->kind != over->kind)
		cfg_fail(over, "expected a %s here, as in the default rules",
		    kindname[base->kind]);
	switch (over->kind) {
	case CFG_SCALAR:
		free(base->str);
		base->str = over->str;
		base->len = over->len;
		over->str = NULL;
		base->file = over->file;
		base->line = over->line;
		base->col = over->col;
		break;
	case CFG_SEQ:
		if (over->replace) {
			for (i = 0; i < base->len; i++)
				cfg_free(base->val[i]);
			base->len = 0;
		}
		for (i = 0; i < over->len; i++)
			add_child(base, NULL, over->val[i]);
		over->len = 0;
		break;
	case CFG_MAP:
		for (i = 0; i < over->len; i++) {
			for (j = 0; j < base->len; j++)
				if (strcmp(base->keys[j], over->keys[i]) == 0)
					break;
			if (j < base->len) {
				merge(base->val[j], over->val[i]);
				cfg_free(over->val[i]);
				free(over->keys[i]);
			} else
				add_child(base, over->keys[i], over->val[i]);
		}
		over->len = 0;
		break;
	}
}

void
cfg_merge(struct cfg *base, struct cfg *over)
{
	merge(base, over);
	cfg_free(over);
}

void
cfg_free(struct cfg *c)
{
	size_t i;

	if (c == NULL)
		return;
	for (i = 0; c->kind != CFG_SCALAR && i < c->len; i++) {
		cfg_free(c->val[i]);
		if (c->keys)
			free(c->keys[i]);
	}
	free(c->val);
	free(c->keys);
	free(c->str);
	free(c);
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
