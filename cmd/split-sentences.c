/*
 * split-sentences: each paragraph becomes its sentences, as sent records
 * with exact offsets (the splitter itself is common/sbd.c).
 */
#include <stddef.h>
#include <stdlib.h>

#include "buf.h"
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

static void
split(const struct rec *p, struct out *o)
{
	static const char *const keys[] = { "line", "role", NULL };
	size_t i, n;

	buf_reset(&attrs);
	if (out_attrs(o))
		attr_take(&attrs, p, keys);
	attr_end(&attrs);
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
