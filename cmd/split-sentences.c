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

/* A UTF-8 continuation byte: no sequence starts there. */
static inline int
cont(char c)
{
	return ((unsigned char)c & 0xc0) == 0x80;
}

/* Is sentence v of paragraph p, whose document is plain, so too?  It is
 * when it starts and ends between two UTF-8 sequences. */
static inline int
whole(const struct rec *p, const struct sbd_span *v, int plain)
{
	return plain && !cont(p->text[v->start]) &&
	    (v->end == p->textlen || !cont(p->text[v->end]));
}

/*
 * The sentences of paragraph p.  One record is filled per paragraph and
 * only its span changes per sentence, so nothing is measured or cleared
 * per sentence.  A paragraph of a raw document has exactly the attrs its
 * sentences copy ("line=N|role=", doc.h): they are used as they are.
 * When the document's bytes need no escape (plain), nor do its
 * sentences', which start and end between two UTF-8 sequences.
 */
static void
split(const struct doc *d, const struct rec *p, struct out *o, int plain)
{
	static const char *const keys[] = { "line", "role", NULL };
	struct rec r;
	size_t i, n;

	n = sbd_split(sbd, p->text, p->textlen, &span, &nspan);
	if (!out_attrs(o)) {
		for (i = 0; i < n; i++)
			(whole(p, &span[i], plain) ? out_new_plain : out_new)(o,
			    "sent", p->start + span[i].start,
			    p->start + span[i].end, "_",
			    p->text + span[i].start, span[i].end - span[i].start);
		out_para_end(o);
		return;
	}
	memset(&r, 0, sizeof r);
	r.doc = o->doc;
	r.doclen = o->doclen;
	r.kind = "sent";
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
		r.flags = whole(p, &span[i], plain) ? REC_MADE | REC_PLAIN :
		    REC_MADE;
		out_rec(o, &r);
	}
	/* no out_para_end(): records have no paragraph's end to write */
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
	int paras = 0, plain;

	for (i = 0; i < d->n && !paras; i++)
		paras = tool_is4(&d->r[i], "para");
	/* the paragraphs of raw text point into src: asked once for all
	 * whether their sentences need an escape (or under --text, which
	 * replaces less, a replacement) */
	plain = paras && d->raw && d->src != NULL &&
	    rec_plainlen(d->src, d->srclen, 1) == d->srclen;
	for (i = 0; i < d->n; i++) {
		if (tool_is4(&d->r[i], "para"))
			split(d, &d->r[i], o, plain);
		else if (!paras || !tool_is4(&d->r[i], "sent"))
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
