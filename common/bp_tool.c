/*
 * bp_tool: strip-boilerplate's part of tool_main(): turning a document's
 * para (and drop) records into judged para and drop records, or into
 * --explain lines.
 */
#include <stdlib.h>
#include <string.h>

#include "bp.h"
#include "buf.h"
#include "doc.h"
#include "embed.h"
#include "out.h"
#include "rec.h"
#include "tool.h"

EMBED(bp_rules_yaml, "common/bp.yaml");

static int keep_dropped, explain;
static struct bp_judge *judge;
static struct buf attrs;
static unsigned char *isjudged;	/* judged(&d->r[i]), for the second pass */
static size_t njudged;
/* the attribute a para or drop record takes from the one it judges */
static const char *const line_key[] = { "line", NULL };

int
bp_tool_option(int ch, const char *arg)
{
	switch (ch) {
	case 'k':
		keep_dropped = 1;
		return 0;
	case BP_OPT_EXPLAIN:
		explain = 1;
		return 0;
	}
	return 1;
}

void
bp_tool_setup(const struct cfg *root)
{
	judge = bp_judge_new(bp_compile(root));
}

/* The judge and its rules are left to exit(): freeing the rules'
 * thousands of small blocks one by one cost 3M instructions (valgrind),
 * 1% of a 4 MB run.  They stay reachable from judge, which bp_tool_run()
 * reads, so leak checkers do not count them. */
void
bp_tool_finish(void)
{
	buf_free(&attrs);
	free(isjudged);
}

static int
judged(const struct rec *r)
{
	return tool_is4(r, "para") || tool_is4(r, "drop");
}

static void
explain_line(struct out *o, const struct rec *r, const struct bp_verdict *v)
{
	const char *val;
	size_t n;

	if (rec_attr(r, "line", &val, &n))
		buf_add(&o->b, val, n);
	buf_addc(&o->b, '\t');
	buf_adds(&o->b, v->why == BP_KEEP ? "keep" : "drop");
	buf_addc(&o->b, '\t');
	buf_adds(&o->b, v->cls);
	buf_addc(&o->b, '\t');
	buf_adds(&o->b, v->rule);
	buf_addc(&o->b, '\t');
	if (v->why == BP_KEEP)
		rec_escape(&o->b, v->text + v->lead, v->len - v->lead -
		    v->trail);
	else
		rec_escape(&o->b, r->text, r->textlen);
	buf_addc(&o->b, '\n');
}

/* Does r carry the attrs a paragraph of raw text has, "line=N|role="
 * (doc.h), which a para record keeps and a drop record keeps up to its
 * "role="?  Then they are used as they are, rather than taken apart by
 * attr_take() and put together again. */
static int
raw_attrs(const struct doc *d, const struct rec *r)
{
	return d->raw && r->attrs != NULL && r->attrslen >= 6 &&
	    memcmp(r->attrs + r->attrslen - 6, "|role=", 6) == 0;
}

/* Write a para or drop record of the document o is at; REC_PLAIN in
 * flags when text needs no escape, as the judge found while it
 * normalised the text (bp_verdict's plain): it is then written as it is
 * rather than passed through rec_escape(). */
static void
put(struct out *o, const char *kind, size_t start, size_t end,
    const char *a, size_t alen, const char *text, size_t textlen,
    unsigned flags)
{
	struct rec r = { .doc = o->doc, .doclen = o->doclen, .kind = kind,
	    .start = start, .end = end, .attrs = a, .attrslen = alen,
	    .text = text, .textlen = textlen, .flags = REC_MADE | flags };

	out_rec(o, &r);
}

void
bp_tool_run(struct doc *d, struct out *o)
{
	struct bp_verdict v;
	size_t i, k = 0;

	if (d->n > njudged) {
		njudged = d->n;
		isjudged = xreallocarray(isjudged, njudged, 1);
	}
	/* the judgement does not read line numbers: no need to parse them */
	bp_begin(judge);
	for (i = 0; i < d->n; i++)
		if ((isjudged[i] = (unsigned char)judged(&d->r[i])))
			bp_add(judge, d->r[i].text, d->r[i].textlen, 0);
	bp_judge(judge);
	for (i = 0; i < d->n; i++) {
		const struct rec *r = &d->r[i];
		size_t start, end;
		int raw;

		if (!isjudged[i]) {
			if (!explain)
				out_rec(o, r);
			continue;
		}
		bp_get(judge, k++, &v);
		if (explain) {
			explain_line(o, r, &v);
			continue;
		}
		if (v.why != BP_KEEP && !keep_dropped)
			continue;
		buf_reset(&attrs);
		raw = raw_attrs(d, r);
		if (v.why == BP_KEEP) {
			start = r->start + v.lead;
			end = r->end >= v.trail && r->end - v.trail >= start ?
			    r->end - v.trail : start;
			if (!raw) {
				attr_take(&attrs, r, line_key);
				attr_put(&attrs, "role", v.title ? "title" :
				    NULL, v.title ? 5 : 0);
			} else if (v.title) {
				buf_add(&attrs, r->attrs, r->attrslen);
				buf_add(&attrs, "title", 5);
			}
			put(o, "para", start, end, raw && !v.title ? r->attrs :
			    attrs.p, raw && !v.title ? r->attrslen : attrs.len,
			    v.text + v.lead, v.len - v.lead - v.trail,
			    v.plain ? REC_PLAIN : 0);
		} else {
			if (!raw)
				attr_take(&attrs, r, line_key);
			else	/* "line=N" */
				buf_add(&attrs, r->attrs, r->attrslen - 6);
			attr_puts(&attrs, "why", bp_why_name[v.why]);
			put(o, "drop", r->start, r->end, attrs.p, attrs.len,
			    r->text, r->textlen, v.plain && v.lead == 0 &&
			    v.trail == 0 ? REC_PLAIN : 0);
		}
		out_para_end(o);
	}
}
