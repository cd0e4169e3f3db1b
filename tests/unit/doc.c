/*
 * doc: the reader on file operands (doc.h): a raw file is one document
 * with every byte of the file, however its reads fall; record lines that
 * straddle a refill of the line buffer, or are longer than one, come out
 * whole, with the document's name and every record's columns still
 * pointing at them after the buffer moved; a reader opened after another one closed (which hands its
 * buffers on) shows nothing of the earlier file; empty files, files with
 * no final LF, directories and missing files behave as doc.h says.
 */
#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "unit.h"

static char dir[] = "/tmp/nu-unit-doc.XXXXXX";

static int
text_is(const struct rec *r, const char *s)
{
	return r->textlen == strlen(s) && memcmp(r->text, s, r->textlen) == 0;
}

/* The warnings the failing cases give are expected: keep them quiet. */
static int saved = -1;

static void
quiet(int on)
{
	int fd;

	fflush(stderr);
	if (on && (saved = dup(2)) >= 0 &&
	    (fd = open("/dev/null", O_WRONLY)) >= 0) {
		dup2(fd, 2);
		close(fd);
	} else if (!on && saved >= 0) {
		dup2(saved, 2);
		close(saved);
		saved = -1;
	}
}

static const char *
put(const char *name, const char *s, size_t n)
{
	static char path[4][64];
	static int k;
	char *p = path[k++ % 4];
	FILE *fp;

	snprintf(p, sizeof(path[0]), "%s/%s", dir, name);
	if ((fp = fopen(p, "w")) == NULL || fwrite(s, 1, n, fp) != n ||
	    fclose(fp) != 0)
		err(1, "%s", p);
	return p;
}

/* A raw file: one document, its bytes whole, its paragraphs at offsets. */
static void
test_raw(void)
{
	static const char text[] = "Head line\n\nFirst. Second.\nlast, no LF";
	const char *p = put("raw.txt", text, sizeof(text) - 1);
	struct reader *rd = rd_open(p, RD_AUTO);
	struct doc d;

	CHECK(rd != NULL);
	CHECK(rd_next(rd, &d) == 1);
	CHECK(d.raw && d.srclen == sizeof(text) - 1);
	CHECK(d.src != NULL && memcmp(d.src, text, d.srclen) == 0);
	CHECK(d.n == 4);		/* doc and three paragraphs */
	CHECK(d.n == 4 && d.r[3].start == 26 && d.r[3].end == 37);
	CHECK(d.n == 4 && text_is(&d.r[3], "last, no LF"));
	CHECK(rd_next(rd, &d) == 0);
	CHECK(rd_bytes(rd) == sizeof(text) - 1 && rd_errors(rd) == 0);
	rd_close(rd);
}

/*
 * Paragraphs carry their line number, over every change in its count of
 * digits up to seven (a wrong carry or length shows), blank lines
 * counted but giving none.
 */
static void
test_lines(void)
{
	struct buf b = BUF_INIT, want = BUF_INIT;
	struct arena ar = ARENA_INIT;
	struct rec *r = NULL;
	size_t i, n = 0, cap = 0, bad = 0, nlines = 1234567;

	for (i = 1; i <= nlines; i++)
		buf_adds(&b, i % 7 == 0 ? "\n" : "x\n");
	doc_paragraphs("t", 1, b.p, b.len, &r, &n, &cap, &ar);
	CHECK(n == nlines - nlines / 7);
	for (i = 0; i < n; i++) {
		size_t line = i + i / 6 + 1;	/* every 7th line is blank */

		buf_reset(&want);
		buf_addf(&want, "line=%zu|role=", line);
		bad += r[i].attrslen != want.len || r[i].attrs[want.len] ||
		    memcmp(r[i].attrs, want.p, want.len) != 0 ||
		    r[i].start != 2 * (line - 1) - (line - 1) / 7;
	}
	CHECK(bad == 0);
	free(r);
	ar_free(&ar);
	buf_free(&b);
	buf_free(&want);
}

/*
 * Records over more than one refill: many short lines, then one line
 * longer than the most the reader asks for at once, then short ones;
 * every record comes out whole, in order, and the documents split at
 * their doc records.
 */
static void
test_records(void)
{
	struct buf b = BUF_INIT;
	struct reader *rd;
	struct doc d;
	size_t i, nlong = 3 * 1024 * 1024 + 7, nrec = 0, ndoc = 0, bad = 0;
	char *longtext;
	const char *p;

	for (i = 0; i < 40000; i++) {
		if (i % 1000 == 0)
			buf_addf(&b, "d%zu\tdoc\t0\t%zu\tv=1\t\n", i / 1000,
			    nlong);
		buf_addf(&b, "d%zu\tpara\t0\t%zu\tline=1|role=\t%0*zu\n",
		    i / 1000, (size_t)12, 12, i);
	}
	longtext = xmalloc(nlong + 1);
	memset(longtext, 'w', nlong);
	longtext[nlong] = '\0';
	buf_addf(&b, "big\tdoc\t0\t%zu\tv=1\t\n", nlong);
	buf_addf(&b, "big\tpara\t0\t%zu\tline=1|role=\t%s\n", nlong, longtext);
	buf_addf(&b, "big\tpara\t0\t2\tline=2|role=\tok");	/* no LF */
	p = put("recs.tsv", b.p, b.len);
	rd = rd_open(p, RD_AUTO);
	CHECK(rd != NULL);
	while (rd_next(rd, &d) == 1) {
		ndoc++;
		for (i = 0; i < d.n; i++) {
			const struct rec *r = &d.r[i];

			/* records point into the input buffer, which moves
			 * as it fills: DOC, the line and the document's name
			 * must have moved with it */
			bad += r->doclen != d.namelen ||
			    memcmp(r->doc, d.name, d.namelen) != 0 ||
			    r->linelen <= d.namelen ||
			    memcmp(r->line, d.name, d.namelen) != 0 ||
			    r->line[d.namelen] != '\t' ||
			    r->attrs != r->line + r->linelen - r->textlen -
			    r->attrslen - 1;
			if (d.r[i].flags & REC_MALFORMED ||
			    strcmp(d.r[i].kind, "para") != 0)
				continue;
			if (d.namelen == 3 && memcmp(d.name, "big", 3) == 0)
				bad += !(d.r[i].textlen == nlong ?
				    memcmp(d.r[i].text, longtext, nlong) == 0 :
				    d.r[i].textlen == 2 &&
				    memcmp(d.r[i].text, "ok", 2) == 0);
			else {
				char want[16];

				snprintf(want, sizeof(want), "%012zu", nrec);
				bad += d.r[i].textlen != 12 ||
				    memcmp(d.r[i].text, want, 12) != 0;
			}
			nrec++;
		}
	}
	CHECK(ndoc == 41);
	CHECK(nrec == 40002);
	CHECK(bad == 0);
	CHECK(rd_errors(rd) == 0);
	CHECK(rd_bytes(rd) == b.len);
	rd_close(rd);

	/* the next reader takes over the buffers: nothing of recs.tsv shows */
	p = put("small.txt", "Tiny.\n", 6);
	rd = rd_open(p, RD_AUTO);
	CHECK(rd != NULL);
	CHECK(rd_next(rd, &d) == 1);
	CHECK(d.raw && d.srclen == 6 && memcmp(d.src, "Tiny.\n", 6) == 0);
	CHECK(d.n == 2 && text_is(&d.r[1], "Tiny."));
	CHECK(rd_next(rd, &d) == 0);
	rd_close(rd);
	free(longtext);
	buf_free(&b);
}

/* An empty file is one empty raw document; a directory fails; a missing
 * file does not open. */
static void
test_edges(void)
{
	struct reader *rd;
	struct doc d;
	const char *p = put("empty.txt", "", 0);

	rd = rd_open(p, RD_AUTO);
	CHECK(rd != NULL);
	CHECK(rd_next(rd, &d) == 1);
	CHECK(d.raw && d.srclen == 0 && d.n == 1);
	CHECK(rd_next(rd, &d) == 0);
	rd_close(rd);

	quiet(1);
	rd = rd_open(dir, RD_AUTO);	/* opens; reading it fails */
	CHECK(rd != NULL);
	if (rd != NULL) {
		CHECK(rd_next(rd, &d) == -1);
		CHECK(rd_next(rd, &d) == 0);
		rd_close(rd);
	}
	CHECK(rd_open("/nonexistent/nu-unit-doc", RD_AUTO) == NULL);
	quiet(0);
}

int
main(void)
{
	char cmd[64];

	if (mkdtemp(dir) == NULL)
		err(1, "mkdtemp");
	test_raw();
	test_lines();
	test_records();
	test_edges();
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		warnx("could not remove %s", dir);
	return unit_done("doc");
}
