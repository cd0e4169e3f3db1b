/*
 * fuzz_qt: extract-quotes' whole run (qt_run(), which splits sentences and
 * tags entities itself where the stream has none) on arbitrary bytes, read
 * as the first line decides: raw text or a record stream with para, sent
 * and ent records.  Properties: every record the tool does not replace is
 * written, in order; every quote it makes is a well-formed record of its
 * document whose span lies inside the document, whose TEXT is the source
 * bytes there ('?' for bytes that need it), with every key of a quote in
 * order, part=K/N with 1 <= K <= N, speaker offsets inside the document;
 * quotes of raw text never start or end with White_Space.
 */
#include <errno.h>

#include "fuzz.h"
#include "cfg.h"
#include "doc.h"
#include "out.h"
#include "qt.h"
#include "rec.h"

static const char *const kinds[] = { "quote", NULL };
static struct qt_rules *rules;

static size_t
number(const char *v, size_t n, int *ok)
{
	size_t i, x = 0;

	*ok = n > 0 && n < 19;
	for (i = 0; i < n; i++) {
		if (v[i] < '0' || v[i] > '9')
			*ok = 0;
		x = x * 10 + (size_t)(v[i] - '0');
	}
	return x;
}

static void
check_quote(const struct doc *d, const struct rec *q)
{
	static const char *const keys[] = { "form", "speaker", "speaker_type",
	    "cue", "part", "speaker_start", "speaker_end", NULL };
	const char *p = q->attrs, *end = q->attrs + q->attrslen, *bar, *eq;
	const char *s1;
	size_t i, len, a, b, ss = 0, se = 0;
	int ok, ok2, has_ss = 0, has_se = 0;
	int32_t c;

	FZ_CHECK(same_but_replaced(d->name, d->namelen, q->doc, q->doclen));
	FZ_CHECK(q->start < q->end);
	if (d->haslen)
		FZ_CHECK(q->end <= d->len);
	if (d->src != NULL) {
		FZ_CHECK(same_but_replaced(d->src + q->start, q->end - q->start,
		    q->text, q->textlen));
		c = u8_decode(d->src + q->start, q->end - q->start, &len);
		FZ_CHECK(c == U8_BAD || !u8_isspace(c));
	}
	for (i = 0; keys[i]; i++) {
		FZ_CHECK(p <= end);
		if ((bar = memchr(p, '|', (size_t)(end - p))) == NULL)
			bar = end;
		eq = memchr(p, '=', (size_t)(bar - p));
		FZ_CHECK(eq != NULL && (size_t)(eq - p) == strlen(keys[i]) &&
		    memcmp(p, keys[i], strlen(keys[i])) == 0);
		if (i == 4) {	/* part=K/N */
			s1 = memchr(eq, '/', (size_t)(bar - eq));
			FZ_CHECK(s1 != NULL);
			a = number(eq + 1, (size_t)(s1 - eq - 1), &ok);
			b = number(s1 + 1, (size_t)(bar - s1 - 1), &ok2);
			FZ_CHECK(ok && ok2 && a >= 1 && a <= b);
		}
		if (i == 5 && bar > eq + 1) {
			ss = number(eq + 1, (size_t)(bar - eq - 1), &ok);
			FZ_CHECK(ok);
			has_ss = 1;
		}
		if (i == 6 && bar > eq + 1) {
			se = number(eq + 1, (size_t)(bar - eq - 1), &ok);
			FZ_CHECK(ok);
			has_se = 1;
		}
		p = bar + 1;
	}
	FZ_CHECK(p > end);
	FZ_CHECK(has_ss == has_se);
	if (has_ss) {
		FZ_CHECK(ss < se);
		if (d->haslen)
			FZ_CHECK(se <= d->len);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
FZ_NAME("fuzz_qt")

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char empty[1];
	struct reader *rd;
	struct doc d;
	struct out o;
	struct rec r, *keep;
	FILE *saved = stdin;
	size_t i, k, pos, len, nkept;
	const char *l;
	char *scratch;

	/* output past OUT_HIGH would be written out, away from the checks */
	if (size > 65536)
		return 0;
	if (rules == NULL)
		rules = qt_rules_new(qt_default_cfg());
	stdin = size ? fmemopen((void *)data, size, "r") : fmemopen(empty, 1, "r");
	if (size == 0)
		getc(stdin);
	fz_quiet();
	rd = rd_open("-", RD_AUTO);
	while (rd_next(rd, &d) > 0) {
		/* a tool replaces its own kind (tool.h) */
		for (i = k = 0; i < d.n; i++)
			if ((d.r[i].flags & REC_MALFORMED) ||
			    strcmp(d.r[i].kind, "quote") != 0)
				d.r[k++] = d.r[i];
		d.n = k;
		keep = malloc((d.n + 1) * sizeof(*keep));
		memcpy(keep, d.r, d.n * sizeof(*keep));
		nkept = d.n;
		out_init(&o, OUT_TSV, 0, kinds);
		out_doc(&o, d.name, d.namelen);
		qt_run(rules, QT_ALLFORMS, &d, &o);
		/* every record passed, in order; quotes checked */
		pos = 0;
		k = 0;
		while (line_at(o.b.p, o.b.len, &pos, &l, &len)) {
			scratch = malloc(len + 3);
			/* a read record comes out byte for byte, even one the
			 * reader refused that rec_parse() alone would take
			 * (TEXT not END - START bytes long) */
			if (k < nkept && keep[k].line != NULL &&
			    !(keep[k].flags & REC_MADE) &&
			    len == keep[k].linelen &&
			    memcmp(l, keep[k].line, len) == 0)
				k++;
			else if (rec_parse(&r, l, len, scratch) == NULL &&
			    strcmp(r.kind, "quote") == 0 &&
			    (k >= nkept || (keep[k].flags & REC_MALFORMED) ||
			    strcmp(keep[k].kind, "quote") != 0))
				check_quote(&d, &r);
			else {
				FZ_CHECK(k < nkept);
				k++;
			}
			free(scratch);
		}
		FZ_CHECK(k == nkept);
		buf_free(&o.b);
		buf_free(&o.docesc);
		free(keep);
	}
	rd_close(rd);
	fz_loud();
	fclose(stdin);
	stdin = saved;
	return 0;
}
