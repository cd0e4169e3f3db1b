/*
 * split-sentences: each paragraph becomes its sentences, as sent records
 * with exact offsets (the splitter itself is common/sbd.c).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "doc.h"
#include "out.h"
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
 * The sentences of paragraph p.  One record is filled per paragraph and
 * only its span changes per sentence, so nothing is measured or cleared
 * per sentence.  A paragraph of a raw document has exactly the attrs its
 * sentences copy ("line=N|role=", doc.h): they are used as they are.
 */
static void
split(const struct doc *d, const struct rec *p, struct out *o)
{
	static const char *const keys[] = { "line", "role", NULL };
	struct rec r;
	size_t i, n;

	n = sbd_split(sbd, p->text, p->textlen, &span, &nspan);
	if (!out_attrs(o)) {
		for (i = 0; i < n; i++)
			out_new(o, "sent", p->start + span[i].start,
			    p->start + span[i].end, "_",
			    p->text + span[i].start, span[i].end - span[i].start);
		out_para_end(o);
		return;
	}
	memset(&r, 0, sizeof r);
	r.doc = o->doc;
	r.doclen = o->doclen;
	r.kind = "sent";
	r.flags = REC_MADE;
	if (d->raw && p->attrs != NULL) {
		r.attrs = p->attrs;
		r.attrslen = p->attrslen;
	} else {
		buf_reset(&attrs);
		attr_take(&attrs, p, keys);
		attr_end(&attrs);
		r.attrs = attrs.p;
		r.attrslen = attrs.len;
	}
	for (i = 0; i < n; i++) {
		r.start = p->start + span[i].start;
		r.end = p->start + span[i].end;
		r.text = p->text + span[i].start;
		r.textlen = span[i].end - span[i].start;
		out_rec(o, &r);
	}
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
			split(d, &d->r[i], o);
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
		.synopsis = "[-hjotVv] [--raw | --records] [--rules file] "
		    "[--dump-rules] [file ...]",
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
