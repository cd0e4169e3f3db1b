/*
 * Unit test of the rules loader (cfg.h): positions, !replace and merging,
 * aliases as copies, only the first document, --dump-rules output that
 * loads back, and the exact message of each kind of bad YAML, in the order
 * a user sees them (YAML errors before errors in the tree).
 */
#include <stdlib.h>

#include "cfg.h"
#include "unit.h"

static struct cfg *
parse(const char *s)
{
	char *why = NULL;
	struct cfg *c = cfg_parse_err("r.yaml", s, strlen(s), &why);

	if (c == NULL) {
		fprintf(stderr, "unexpected error: %s\n", why);
		free(why);
	}
	return c;
}

/* The message of a text that must fail, or "" when it loads. */
static char msg[512];

static const char *
fails(const char *s, size_t n)
{
	char *why = NULL;
	struct cfg *c = cfg_parse_err("r.yaml", s, n, &why);

	CHECK((c == NULL) == (why != NULL));
	snprintf(msg, sizeof(msg), "%s", why ? why : "");
	free(why);
	cfg_free(c);
	return msg;
}

#define FAILS(s, want) do {						\
	const char *got_ = fails((s), strlen(s));			\
	CHECK(strcmp(got_, (want)) == 0);				\
	if (strcmp(got_, (want)) != 0)					\
		fprintf(stderr, "  got  %s\n  want %s\n", got_, (want)); \
} while (0)

static char *
dumped(const struct cfg *c)
{
	char *p = NULL;
	size_t n;
	FILE *fp = open_memstream(&p, &n);

	cfg_dump(fp, c);
	fclose(fp);
	return p;
}

static void
test_positions(void)
{
	struct cfg *c = parse("# rules\nlists:\n  names: [Ann, \"Bo\"]\n"
	    "  empty: []\nlimit: 12\nratio: 0.5\n");
	const struct cfg *l, *n;

	CHECK(c != NULL && c->kind == CFG_MAP && c->len == 3);
	CHECK(strcmp(c->file, "r.yaml") == 0);
	l = cfg_map(c, "lists");
	CHECK(l != NULL && l->line == 3 && l->col == 3);
	n = cfg_seq(l, "names");
	CHECK(n != NULL && n->len == 2 && n->line == 3 && n->col == 10);
	CHECK(n->val[1]->kind == CFG_SCALAR && n->val[1]->line == 3 &&
	    n->val[1]->col == 16 && strcmp(n->val[1]->str, "Bo") == 0);
	CHECK(cfg_seq(l, "empty")->len == 0);
	CHECK(cfg_int(c, "limit", 0) == 12);
	CHECK(cfg_num(c, "ratio", 0) == 0.5);
	CHECK(cfg_str(c, "absent", "def") != NULL);
	CHECK(cfg_get(c, "absent") == NULL);
	CHECK(strcmp(c->keys[0], "lists") == 0 &&
	    strcmp(c->keys[2], "ratio") == 0);
	cfg_free(c);

	/* nothing, comments, an empty document: an empty mapping */
	c = parse("");
	CHECK(c->kind == CFG_MAP && c->len == 0 && c->line == 1 && c->col == 1);
	cfg_free(c);
	c = parse("# nothing\n\n");
	CHECK(c->kind == CFG_MAP && c->len == 0);
	cfg_free(c);
	c = parse("\n---\n");
	CHECK(c->kind == CFG_MAP && c->len == 0 && c->line == 3 && c->col == 1);
	cfg_free(c);
}

static void
test_merge(void)
{
	struct cfg *base = parse("a: [1, 2]\nb: {x: old, y: [p]}\nc: [q]\n");
	struct cfg *over = parse("\nb: {x: new, z: added}\na: [3]\n"
	    "c: !replace [r, s]\nd: {}\n");
	const struct cfg *x;
	char *d;

	CHECK(over->val[2]->replace && !over->val[1]->replace);
	cfg_merge(base, over);
	d = dumped(base);
	CHECK(strcmp(d, "a:\n  - \"1\"\n  - \"2\"\n  - \"3\"\n"
	    "b:\n  x: \"new\"\n  y:\n    - \"p\"\n  z: \"added\"\n"
	    "c:\n  - \"r\"\n  - \"s\"\nd: {}\n") == 0);
	free(d);
	/* a replaced scalar is placed where the user wrote it */
	x = cfg_get(cfg_map(base, "b"), "x");
	CHECK(x->line == 2 && x->col == 8);

	/* merging several files in turn, one tree's nodes into another's */
	over = parse("c: !replace []\n");
	cfg_merge(base, over);
	over = parse("c: [t]\n");
	cfg_merge(base, over);
	CHECK(cfg_seq(base, "c")->len == 1 &&
	    strcmp(cfg_seq(base, "c")->val[0]->str, "t") == 0);
	cfg_free(base);
}

static void
test_aliases(void)
{
	struct cfg *c = parse("a: &l [x, {k: v}]\nb: *l\nc: &s word\n"
	    "*s : 1\n");
	struct cfg *over;

	CHECK(c != NULL && c->len == 4);
	CHECK(cfg_seq(c, "b")->len == 2 &&
	    strcmp(cfg_seq(c, "b")->val[0]->str, "x") == 0);
	/* the copy keeps the anchored node's place */
	CHECK(cfg_seq(c, "b")->line == 1 && cfg_seq(c, "b")->col == 4);
	CHECK(strcmp(c->keys[3], "word") == 0);
	/* a copy: merging into one leaves the other alone */
	over = parse("a: [y]\n");
	cfg_merge(c, over);
	CHECK(cfg_seq(c, "a")->len == 3 && cfg_seq(c, "b")->len == 2);
	cfg_free(c);
}

static void
test_documents(void)
{
	struct cfg *c = parse("a: [1]\n---\nb: [unclosed\n");

	CHECK(c != NULL && c->len == 1 && cfg_get(c, "b") == NULL);
	cfg_free(c);
	c = parse("%YAML 1.1\n---\na: 1\n...\n");
	CHECK(c != NULL && strcmp(cfg_str(c, "a", ""), "1") == 0);
	cfg_free(c);
}

static void
test_errors(void)
{
	static const char nul[] = "a: \"x\0y\"\n";
	char deep[256];
	size_t i;

	FAILS("a: [1, 2\n", "r.yaml:2:1: did not find expected ',' or ']' "
	    "while parsing a flow sequence");
	FAILS("a: 1\na: 2\n", "r.yaml:2:1: duplicate key \"a\"");
	FAILS("\"k\\0x\": 1\n\"k\\0y\": 2\n", "r.yaml:2:1: duplicate key \"k\"");
	FAILS("? [a]\n: 1\n", "r.yaml:1:3: a key must be a plain word");
	FAILS("m: &m {a: 1}\n*m : 2\n", "r.yaml:1:4: a key must be a plain word");
	FAILS("a: *nowhere\n", "r.yaml:1:4: found undefined alias");
	FAILS("a: &x 1\nb: &x 2\n", "r.yaml:2:4: second occurrence "
	    "found duplicate anchor; first occurrence");
	FAILS("- a\n", "r.yaml:1:1: rules must be a mapping of names to values");
	FAILS("plain\n", "r.yaml:1:1: rules must be a mapping of names to values");
	/* YAML errors come first, wherever they are ... */
	FAILS("a: 1\na: 2\nb: [\n", "r.yaml:4:1: did not find expected node "
	    "content while parsing a flow node");
	FAILS("a: 1\na: 2\nb: *z\n", "r.yaml:3:4: found undefined alias");
	/* ... then the first error in the tree, in document order */
	FAILS("a: {b: 1, b: 2}\nc: 1\nc: 2\n", "r.yaml:1:11: duplicate key \"b\"");
	/* a raw NUL is a control character; "\0" is the way to write one */
	CHECK(strcmp(fails(nul, sizeof(nul) - 1),
	    "r.yaml:1:1: control characters are not allowed") == 0);

	/* 64 levels below the root load, 65 do not */
	for (i = 0; i < 64; i++)
		deep[i] = '[';
	for (i = 64; i < 128; i++)
		deep[i] = ']';
	memcpy(deep + 128, "\n", 2);
	{
		char doc[300];

		snprintf(doc, sizeof(doc), "a: %s", deep);
		CHECK(strcmp(fails(doc, strlen(doc)), "") == 0);
		snprintf(doc, sizeof(doc), "a: [%s]", deep);
		CHECK(strcmp(fails(doc, strlen(doc)),
		    "r.yaml:1:68: nested too deeply") == 0);
	}
	/* an alias inside the node it names nests without end: the error is
	 * at the first node of the endless copy past the limit */
	FAILS("a: &l [x, *l]\n", "r.yaml:1:8: nested too deeply");
	FAILS("a: &l [*l, x]\n", "r.yaml:1:4: nested too deeply");
	FAILS("a: &m {p: [1], q: {r: *m}}\n", "r.yaml:1:12: nested too deeply");
	/* a copy that would be too deep where it is placed */
	{
		char doc[400];
		int k = 0;

		k += snprintf(doc + k, sizeof(doc) - k, "a: &d ");
		for (i = 0; i < 40; i++)
			doc[k++] = '[';
		for (i = 0; i < 40; i++)
			doc[k++] = ']';
		k += snprintf(doc + k, sizeof(doc) - k, "\nb: ");
		for (i = 0; i < 30; i++)
			doc[k++] = '[';
		k += snprintf(doc + k, sizeof(doc) - k, "*d");
		for (i = 0; i < 30; i++)
			doc[k++] = ']';
		doc[k] = '\0';
		CHECK(strcmp(fails(doc, strlen(doc)),
		    "r.yaml:1:41: nested too deeply") == 0);
	}
	/* Aliases to aliases, ten to a list nine times over, would be 10^10
	 * nodes: the one past 2^20, counted in document order, is a copy of
	 * the sixth x of a. */
	{
		char doc[400];
		const char *got;
		int k = snprintf(doc, sizeof(doc), "a: &a [x,x,x,x,x,x,x,x,x,x]\n");
		char c;

		for (c = 'b'; c <= 'j'; c++)
			k += snprintf(doc + k, sizeof(doc) - k,
			    "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n",
			    c, c, c - 1, c - 1, c - 1, c - 1, c - 1, c - 1,
			    c - 1, c - 1, c - 1, c - 1);
		got = fails(doc, (size_t)k);
		CHECK(strcmp(got, "r.yaml:1:18: too many nodes "
		    "(aliases count as copies)") == 0);
	}
	/* reading stops far below the limit: the YAML error at the end of
	 * 20,000 open lists is never reached */
	{
		size_t n = 20000;
		char *doc = malloc(n + 4);

		CHECK(doc != NULL);
		memcpy(doc, "a: ", 3);
		memset(doc + 3, '[', n);
		doc[n + 3] = '\0';
		CHECK(strcmp(fails(doc, n + 3), "r.yaml:1:68: nested too deeply")
		    == 0);
		free(doc);
	}
}

/* --dump-rules output loads back as the same rules, whatever the bytes. */
static void
test_dump(void)
{
	struct cfg *c = parse("\"odd key\": \"q\\\"\\\\\\t\\n\\x01\\x7f\"\n"
	    "c1: \"\\x81\\x85\\u2028\\u2029\\ufffe\\uffff\\u00e9\"\n"
	    "plain-key_2: [\"\"]\nm: {}\n");
	struct cfg *d;
	char *p, *q;

	p = dumped(c);
	CHECK(strstr(p, "\"odd key\": ") != NULL);
	CHECK(strstr(p, "c1: \"\\x81\\x85\\u2028\\u2029\\ufffe\\uffff\xc3\xa9\"")
	    != NULL);
	d = parse(p);
	CHECK(d != NULL);
	if (d != NULL) {
		q = dumped(d);
		CHECK(strcmp(p, q) == 0);
		CHECK(cfg_get(d, "c1")->len == cfg_get(c, "c1")->len &&
		    memcmp(cfg_get(d, "c1")->str, cfg_get(c, "c1")->str,
		    cfg_get(c, "c1")->len) == 0);
		free(q);
	}
	free(p);
	cfg_free(d);
	cfg_free(c);
	c = parse("");
	p = dumped(c);
	CHECK(strcmp(p, "{}\n") == 0);
	free(p);
	cfg_free(c);
}

int
main(void)
{
	test_positions();
	test_merge();
	test_aliases();
	test_documents();
	test_errors();
	test_dump();
	return unit_done("cfg");
}
