#include <err.h>
#include <stdio.h>
#include <string.h>

#include "out.h"
#include "u8.h"

/* Past OUT_HIGH pending bytes, write even in mid-document; between
 * documents, once OUT_BATCH are pending (out_doc_end). */
#define OUT_HIGH (1 << 20)
#define OUT_BATCH (64 * 1024)

void
out_init(struct out *o, enum out_fmt fmt, int only, const char *const *kinds)
{
	memset(o, 0, sizeof(*o));
	o->fmt = fmt;
	o->only = only;
	o->kinds = kinds;
}

void
out_doc(struct out *o, const char *name, size_t namelen)
{
	o->doc = name;
	o->doclen = namelen;
	o->inpara = 0;
	buf_reset(&o->docesc);
	rec_escape(&o->docesc, name ? name : "", name ? namelen : 0);
}

static int
made_kind(const struct out *o, const char *kind)
{
	size_t i;

	for (i = 0; o->kinds && o->kinds[i]; i++)
		if (strcmp(o->kinds[i], kind) == 0)
			return 1;
	return 0;
}

/* TEXT for --text: unescaped, but still never invalid UTF-8. */
static void
plain(struct buf *b, const char *s, size_t n)
{
	size_t k;

	while (n > 0) {
		k = u8_cleanlen(s, n);
		buf_add(b, s, k);
		if (k == n)
			break;
		buf_addc(b, '?');
		s += k + 1;
		n -= k + 1;
	}
}

/* One line of --text: a record's TEXT in its paragraph (REC_PLAIN text
 * has nothing to replace). */
static void
text_line(struct out *o, const char *text, size_t textlen, unsigned flags)
{
	if (flags & REC_PLAIN)
		buf_add(&o->b, text, textlen);
	else
		plain(&o->b, text, textlen);
	buf_addc(&o->b, '\n');
	o->inpara++;
}

void
out_rec(struct out *o, const struct rec *r)
{
	int isdoc;

	if (r->flags & REC_MALFORMED) {
		/* reported already; never lost, but not text */
		if (o->fmt == OUT_TSV) {
			buf_add(&o->b, r->line, r->linelen);
			buf_addc(&o->b, '\n');
		} else if (o->fmt == OUT_JSON)
			rec_format_json_malformed(&o->b, r->line, r->linelen);
		o->nout += o->fmt != OUT_TEXT;
		goto done;
	}
	isdoc = (o->only || o->fmt == OUT_TEXT) && strcmp(r->kind, "doc") == 0;
	if (o->only && !isdoc && !made_kind(o, r->kind))
		return;
	switch (o->fmt) {
	case OUT_TSV:
		if (r->line != NULL && !(r->flags & REC_MADE)) {
			buf_add(&o->b, r->line, r->linelen);
			buf_addc(&o->b, '\n');
		} else if (r->doc == o->doc && r->doclen == o->doclen) {
			/* rec_format_rest() ends the string */
			if (o->b.cap - o->b.len <= o->docesc.len)
				buf_grow(&o->b, o->docesc.len);
			o->b.len = (size_t)(buf_putmem(o->b.p + o->b.len,
			    o->docesc.p, o->docesc.len) - o->b.p);
			rec_format_rest(&o->b, r);
		} else
			rec_format(&o->b, r);
		break;
	case OUT_JSON:
		rec_format_json(&o->b, r);
		break;
	case OUT_TEXT:
		if (isdoc)
			return;
		text_line(o, r->text, r->textlen, r->flags);
		break;
	}
	o->nout++;
	if (r->flags & REC_MADE)
		o->nmade++;
done:
	if (o->b.len > OUT_HIGH)
		out_flush(o);
}

static inline void
made(struct out *o, const char *kind, size_t start, size_t end,
    const char *attrs, const char *text, size_t textlen, unsigned flags)
{
	struct rec r;

	/* --text writes TEXT alone: no record to build (made kinds are
	 * always written, so only does not apply; a doc record never is) */
	if (o->fmt == OUT_TEXT) {
		if (kind[0] == 'd' && strcmp(kind, "doc") == 0)
			return;
		text_line(o, text, textlen, flags);
		o->nout++;
		o->nmade++;
		if (o->b.len > OUT_HIGH)
			out_flush(o);
		return;
	}
	memset(&r, 0, sizeof(r));
	r.doc = o->doc;
	r.doclen = o->doclen;
	r.kind = kind;
	r.start = start;
	r.end = end;
	r.attrs = attrs;
	r.attrslen = strlen(attrs);
	r.text = text;
	r.textlen = textlen;
	r.flags = REC_MADE | flags;
	out_rec(o, &r);
}

void
out_new(struct out *o, const char *kind, size_t start, size_t end,
    const char *attrs, const char *text, size_t textlen)
{
	made(o, kind, start, end, attrs, text, textlen, 0);
}

void
out_new_plain(struct out *o, const char *kind, size_t start, size_t end,
    const char *attrs, const char *text, size_t textlen)
{
	made(o, kind, start, end, attrs, text, textlen, REC_PLAIN);
}

void
out_para_end(struct out *o)
{
	if (o->fmt == OUT_TEXT && o->inpara > 0)
		buf_addc(&o->b, '\n');
	o->inpara = 0;
}

void
out_doc_end(struct out *o, int waits)
{
	if (waits || o->b.len >= OUT_BATCH)
		out_flush(o);
}

void
out_flush(struct out *o)
{
	if (o->b.len > 0 && fwrite(o->b.p, 1, o->b.len, stdout) != o->b.len)
		err(1, "stdout");
	buf_reset(&o->b);
	if (fflush(stdout) == EOF)
		err(1, "stdout");
}

void
out_close(struct out *o)
{
	out_flush(o);
	if (fclose(stdout) == EOF)
		err(1, "stdout");
	out_free(o);
}

void
out_free(struct out *o)
{
	buf_free(&o->b);
	buf_free(&o->docesc);
}
