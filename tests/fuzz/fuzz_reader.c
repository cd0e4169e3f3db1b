/*
 * fuzz_reader: the whole reading and writing path (doc.h, out.h) on
 * arbitrary bytes, read as a raw document, as a record stream, and as the
 * first line decides, the way nu-cat (the null filter) runs it.
 *
 * Properties, for any input:
 *   - nothing is lost: read as records, every input line comes out
 *     unchanged and in order, except a raw record, which becomes its doc
 *     record and exactly one para per non-blank line of its text; read
 *     raw, the output is one doc record and one para per non-blank line;
 *   - every para is its line trimmed of White_Space (a BOM at offset 0 and
 *     a CR before LF belong to no span), with line=N right, and its TEXT is
 *     the source bytes with only '?' for bytes that need it;
 *   - the invariants of struct doc (doc.h) hold for every document;
 *   - reading the output again as records gives the same output;
 *   - --json output is one valid JSON object per record, --text output is
 *     clean UTF-8;
 *   - a JSON Lines input is refused, with a message, and writes nothing.
 */
#include <errno.h>

#include "fuzz.h"
#include "arena.h"
#include "doc.h"
#include "out.h"
#include "rec.h"

static const char *const no_kinds[] = { NULL };

struct run {
	struct buf tsv, json, text;
	size_t ndoc, nerr, nmsg;
	int failed;
};

/* The paragraphs of raw text, as records.md defines them. */
struct para {
	size_t start, end, line;
};

static size_t
paragraphs(const char *s, size_t n, struct para **v)
{
	size_t pos = 0, ls, le, line = 0, np = 0, i, len, a, z;
	const char *nl;
	int32_t c;

	*v = NULL;
	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < n) {
		line++;
		ls = pos;
		nl = memchr(s + pos, '\n', n - pos);
		le = nl ? (size_t)(nl - s) : n;
		pos = nl ? le + 1 : n;
		if (nl && le > ls && s[le - 1] == '\r')
			le--;
		/* first and last character that is not White_Space */
		a = z = (size_t)-1;
		for (i = ls; i < le; i += len) {
			c = u8_decode(s + i, le - i, &len);
			if (c == U8_BAD || !u8_isspace(c)) {
				if (a == (size_t)-1)
					a = i;
				z = i + len;
			}
		}
		if (a == (size_t)-1)
			continue;
		*v = realloc(*v, (np + 1) * sizeof(**v));
		(*v)[np].start = a;
		(*v)[np].end = z;
		(*v)[np].line = line;
		np++;
	}
	return np;
}

/* Check a raw document against our own reading of its source. */
static void
check_raw_doc(const struct doc *d)
{
	struct para *p;
	size_t np, i;
	char want[64];

	FZ_CHECK(d->src != NULL && d->haslen && d->len == d->srclen);
	np = paragraphs(d->src, d->srclen, &p);
	FZ_CHECK(d->n == 1 + np);
	FZ_CHECK(strcmp(d->r[0].kind, "doc") == 0);
	FZ_CHECK(d->r[0].start == 0 && d->r[0].end == d->srclen);
	FZ_CHECK(d->r[0].attrslen == 3 && memcmp(d->r[0].attrs, "v=1", 3) == 0);
	for (i = 0; i < np; i++) {
		const struct rec *r = &d->r[1 + i];

		FZ_CHECK(strcmp(r->kind, "para") == 0);
		FZ_CHECK(r->flags & REC_MADE);
		FZ_CHECK(r->start == p[i].start && r->end == p[i].end);
		FZ_CHECK(r->text == d->src + r->start);
		FZ_CHECK(r->textlen == r->end - r->start);
		snprintf(want, sizeof(want), "line=%zu|role=", p[i].line);
		FZ_CHECK(r->attrslen == strlen(want) &&
		    memcmp(r->attrs, want, r->attrslen) == 0);
	}
	free(p);
}

static void
check_doc(const struct doc *d)
{
	size_t i;

	FZ_CHECK(d->n >= 1);
	for (i = 0; i < d->n; i++) {
		const struct rec *r = &d->r[i];

		if (r->flags & REC_MALFORMED)
			continue;
		FZ_CHECK(r->doclen == d->namelen &&
		    memcmp(r->doc, d->name, r->doclen) == 0);
		FZ_CHECK(r->start <= r->end);
		if (d->haslen)
			FZ_CHECK(r->end <= d->len);
		/* doc.h: r[0] is the doc record when there is one, even
		 * after malformed lines at the start of a stream */
		if (i > 0)
			FZ_CHECK(strcmp(r->kind, "doc") != 0);
		if (i > 0)
			FZ_CHECK(strcmp(r->kind, "raw") != 0);
	}
	if (d->raw)
		check_raw_doc(d);
	else
		FZ_CHECK(d->src == NULL);
}

/* Run the reader and all three writers over data[0..size), like nu-cat. */
static void
run(const char *data, size_t size, enum rd_mode mode, struct run *ru)
{
	static char empty[1];
	struct out tsv, json, text;
	struct reader *rd;
	struct doc d;
	FILE *saved = stdin;
	size_t i;
	int c;

	memset(ru, 0, sizeof(*ru));
	stdin = size ? fmemopen((void *)data, size, "r") : fmemopen(empty, 1, "r");
	FZ_CHECK(stdin != NULL);
	if (size == 0)
		getc(stdin);	/* an empty stream: fmemopen wants size > 0 */
	out_init(&tsv, OUT_TSV, 0, no_kinds);
	out_init(&json, OUT_JSON, 0, no_kinds);
	out_init(&text, OUT_TEXT, 0, no_kinds);
	fz_quiet();
	rd = rd_open("-", mode);
	FZ_CHECK(rd != NULL);
	while ((c = rd_next(rd, &d)) > 0) {
		check_doc(&d);
		out_doc(&tsv, d.name, d.namelen);
		out_doc(&json, d.name, d.namelen);
		out_doc(&text, d.name, d.namelen);
		for (i = 0; i < d.n; i++) {
			out_rec(&tsv, &d.r[i]);
			out_rec(&json, &d.r[i]);
			out_rec(&text, &d.r[i]);
			if (!(d.r[i].flags & REC_MALFORMED) &&
			    strcmp(d.r[i].kind, "para") == 0) {
				out_para_end(&tsv);
				out_para_end(&json);
				out_para_end(&text);
			}
		}
		ru->ndoc++;
	}
	FZ_CHECK(rd_next(rd, &d) == 0 || c < 0);
	ru->failed = c < 0;
	ru->nerr = rd_errors(rd);
	rd_close(rd);
	ru->nmsg = fz_loud();
	fclose(stdin);
	stdin = saved;
	/* every malformed line and every failure says so on stderr */
	FZ_CHECK(ru->nmsg == ru->nerr);
	ru->tsv = tsv.b;
	ru->json = json.b;
	ru->text = text.b;
	/* out_close() would close stdout: free the rest by hand */
	buf_free(&tsv.docesc);
	buf_free(&json.docesc);
	buf_free(&text.docesc);
}

static void
run_free(struct run *ru)
{
	buf_free(&ru->tsv);
	buf_free(&ru->json);
	buf_free(&ru->text);
}

static int
is_doc_or_raw(const char *l, size_t len)
{
	struct rec r;
	char *scratch = malloc(len + 3);
	int ok;

	/* a raw record is valid only with START 0 and END its length */
	ok = rec_parse(&r, l, len, scratch) == NULL &&
	    (strcmp(r.kind, "doc") == 0 || (strcmp(r.kind, "raw") == 0 &&
	    r.start == 0 && r.end == r.textlen));
	free(scratch);
	return ok;
}

/* Output read raw: a doc record, then one para per non-blank line. */
static void
check_raw_output(const char *data, size_t size, const struct run *ru)
{
	struct para *p;
	struct rec r;
	const char *l;
	size_t np, pos = 0, len, k;
	char *scratch;
	char want[64];

	np = paragraphs(data, size, &p);
	FZ_CHECK(ru->ndoc == 1);
	FZ_CHECK(line_at(ru->tsv.p, ru->tsv.len, &pos, &l, &len));
	snprintf(want, sizeof(want), "-\tdoc\t0\t%zu\tv=1\t", size);
	FZ_CHECK(len == strlen(want) && memcmp(l, want, len) == 0);
	for (k = 0; k < np; k++) {
		FZ_CHECK(line_at(ru->tsv.p, ru->tsv.len, &pos, &l, &len));
		scratch = malloc(len + 3);
		FZ_CHECK(rec_parse(&r, l, len, scratch) == NULL);
		FZ_CHECK(strcmp(r.kind, "para") == 0);
		FZ_CHECK(r.start == p[k].start && r.end == p[k].end);
		FZ_CHECK(same_but_replaced(data + r.start, r.end - r.start,
		    r.text, r.textlen));
		free(scratch);
	}
	FZ_CHECK(pos == ru->tsv.len);
	free(p);
}

/* Output read as records: every line passes, raw records are replaced. */
static void
check_records_output(const char *data, size_t size, const struct run *ru)
{
	struct rec r, o;
	struct para *p;
	const char *l, *ol;
	size_t ipos = 0, opos = 0, len, olen, np, k;
	char *scratch, *oscratch;

	if (size >= 2 && memcmp(data, "{\"", 2) == 0) {
		FZ_CHECK(ru->failed && ru->nerr == 1 && ru->tsv.len == 0);
		return;
	}
	while (line_at(data, size, &ipos, &l, &len)) {
		scratch = malloc(len + 3);
		if (rec_parse(&r, l, len, scratch) == NULL &&
		    strcmp(r.kind, "raw") == 0 && r.start == 0 &&
		    r.end == r.textlen) {
			/* consumed: a doc record, then its paragraphs */
			FZ_CHECK(line_at(ru->tsv.p, ru->tsv.len, &opos, &ol, &olen));
			oscratch = malloc(olen + 3);
			FZ_CHECK(rec_parse(&o, ol, olen, oscratch) == NULL);
			FZ_CHECK(strcmp(o.kind, "doc") == 0);
			FZ_CHECK(o.start == 0 && o.end == r.textlen);
			FZ_CHECK(same_but_replaced(r.doc, r.doclen, o.doc, o.doclen));
			free(oscratch);
			np = paragraphs(r.text, r.textlen, &p);
			for (k = 0; k < np; k++) {
				FZ_CHECK(line_at(ru->tsv.p, ru->tsv.len, &opos,
				    &ol, &olen));
				oscratch = malloc(olen + 3);
				FZ_CHECK(rec_parse(&o, ol, olen, oscratch) == NULL);
				FZ_CHECK(strcmp(o.kind, "para") == 0);
				FZ_CHECK(o.start == p[k].start && o.end == p[k].end);
				FZ_CHECK(same_but_replaced(r.text + o.start,
				    o.end - o.start, o.text, o.textlen));
				free(oscratch);
			}
			free(p);
		} else {
			FZ_CHECK(line_at(ru->tsv.p, ru->tsv.len, &opos, &ol, &olen));
			FZ_CHECK(olen == len && memcmp(ol, l, len) == 0);
		}
		free(scratch);
	}
	FZ_CHECK(opos == ru->tsv.len);
}

static void
check_formats(const struct run *ru)
{
	size_t pos = 0, len, ntsv = 0, njson = 0;
	const char *l;

	while (line_at(ru->tsv.p, ru->tsv.len, &pos, &l, &len))
		ntsv++;
	pos = 0;
	while (line_at(ru->json.p, ru->json.len, &pos, &l, &len)) {
		FZ_CHECK(fz_json_line(l, len));
		njson++;
	}
	FZ_CHECK(ntsv == njson);
	FZ_CHECK(u8_cleanlen(ru->text.p ? ru->text.p : "", ru->text.len) ==
	    ru->text.len);
}

static void
check_mode(const char *data, size_t size, enum rd_mode mode)
{
	struct run ru, again;
	const char *l;
	size_t pos = 0, len;
	int records;

	run(data, size, mode, &ru);
	check_formats(&ru);
	if (mode == RD_AUTO) {
		records = line_at(data, size, &pos, &l, &len) &&
		    is_doc_or_raw(l, len);
		if (size >= 2 && memcmp(data, "{\"", 2) == 0)
			records = 1;
	} else
		records = mode == RD_RECORDS;
	if (records)
		check_records_output(data, size, &ru);
	else
		check_raw_output(data, size, &ru);
	/* records made or passed read back as themselves */
	if (ru.tsv.len > 0) {
		run(ru.tsv.p, ru.tsv.len, RD_RECORDS, &again);
		FZ_CHECK(again.tsv.len == ru.tsv.len &&
		    memcmp(again.tsv.p, ru.tsv.p, ru.tsv.len) == 0);
		run_free(&again);
	}
	run_free(&ru);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
FZ_NAME("fuzz_reader")

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Output past OUT_HIGH would be written to stdout mid-document and
	 * escape the checks; inputs this large add nothing to fuzzing. */
	if (size > 100000)
		return 0;
	check_mode((const char *)data, size, RD_AUTO);
	check_mode((const char *)data, size, RD_RECORDS);
	check_mode((const char *)data, size, RD_RAW);
	return 0;
}
