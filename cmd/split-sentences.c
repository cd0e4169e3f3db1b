/*
 * split-sentences: each paragraph becomes its sentences, as sent records
 * with exact offsets (the splitter itself is common/sbd.c).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "rec.h"
#include "sbd.h"
#include "tool.h"

static const char *const kinds[] = { "sent", NULL };

static struct sbd *sbd;
static struct sbd_span *span;
static size_t nspan;
static struct buf attrs;

static void
setup(const struct cfg *rules)
{
	sbd = sbd_new(rules);
}

/*
 * Whether a paragraph's ATTRS are already what its sentences get: exactly
 * "line=...|role=..." in printable ASCII with no backslash, which
 * attr_put() would copy unchanged.  Nearly every paragraph's are, and
 * this is cheaper than taking them apart and putting them back.
 */
static int
same_attrs(const char *a, size_t n)
{
	size_t i, bars = 0;

	if (n < 11 || memcmp(a, "line=", 5) != 0)
		return 0;
	for (i = 5; i < n; i++) {
		if (a[i] < 0x20 || a[i] > 0x7e || a[i] == '\\')
			return 0;
		if (a[i] == '|' && (++bars > 1 || n - i < 6 ||
		    memcmp(a + i + 1, "role=", 5) != 0))
			return 0;
	}
	return bars == 1;
}

static void
split(const struct rec *p, struct out *o)
{
	const char *line, *role;
	size_t nline, nrole, i, n;

	buf_reset(&attrs);
	/* a paragraph the reader made from raw text has just these */
	if ((p->flags & REC_MADE) || same_attrs(p->attrs, p->attrslen))
		buf_add(&attrs, p->attrs, p->attrslen);
	else {
		if (!rec_attr(p, "line", &line, &nline))
			line = NULL, nline = 0;
		if (!rec_attr(p, "role", &role, &nrole))
			role = NULL, nrole = 0;
		attr_put(&attrs, "line", line, nline);
		attr_put(&attrs, "role", role, nrole);
	}
	n = sbd_split(sbd, p->text, p->textlen, &span, &nspan);
	for (i = 0; i < n; i++)
		out_new(o, "sent", p->start + span[i].start,
		    p->start + span[i].end, attrs.p, p->text + span[i].start,
		    span[i].end - span[i].start);
	out_para_end(o);
}

/*
 * The sentences replace the paragraphs.  A document that has paragraphs
 * gets its sentences made anew from them (old sent records go); one that
 * has none was split already, and its sent records pass through, so that
 * running split-sentences twice gives what running it once does.
 */
static void
run(struct doc *d, struct out *o)
{
	size_t i;
	int paras = 0;

	for (i = 0; i < d->n && !paras; i++)
		paras = tool_is(&d->r[i], "para");
	for (i = 0; i < d->n; i++) {
		if (tool_is(&d->r[i], "para"))
			split(&d->r[i], o);
		else if (!paras || !tool_is(&d->r[i], "sent"))
			out_rec(o, &d->r[i]);
	}
}

static void
finish(void)
{
	sbd_free(sbd);
	free(span);
	buf_free(&attrs);
}

int
main(int argc, char **argv)
{
	struct tool t = {
		.name = "split-sentences",
		.synopsis = "[-jotv] [--dump-rules] [--raw | --records] "
		    "[--rules file] [file ...]",
		.kinds = kinds,
		.flags = TOOL_SEES_OWN,
		.rules = sbd_rules_yaml,
		.ruleslen = sbd_rules_yaml_len,
		.rulesname = "sbd.yaml",
		.setup = setup,
		.run = run,
		.finish = finish,
	};

	return tool_main(&t, argc, argv);
}
