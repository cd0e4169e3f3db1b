#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "rec.h"
#include "u8.h"

struct reader {
	int fd;			/* read(2) from it, or from fp when -1 */
	FILE *fp;		/* a standard input with no descriptor */
	const char *path;	/* DOC of a raw input: the operand as given */
	const char *name;	/* for messages */
	enum rd_mode mode;
	int started, done, records;
	int eof;		/* nothing more to read */
	long long size;		/* a regular file's size when opened, or -1 */
	size_t got;		/* bytes read so far */
	struct buf in;		/* bytes read; in.p[inpos..) not yet taken */
	size_t inpos, scan;	/* no LF in in.p[inpos..scan) */
	size_t keep;		/* in.p[keep..inpos): the lines of the records
				   of the document being read, which point
				   into them; in.p[..keep) may go */
	struct doc *cur;	/* the document being read (its name points
				   into in) */
	const char *line;	/* the line taken last, in in, without LF */
	ssize_t linelen;
	int pending;		/* line holds the first line of the next doc */
	int waits;		/* a pipe or terminal: see rd_waits() */
	int nl;			/* the line in line ended with LF */
	size_t lineno;
	struct buf src;		/* a raw input's bytes */
	struct arena ar;
	struct rec *r;
	size_t n, cap;
	size_t nerr, nrec, nbytes;
};

#define CHUNK 4096		/* the least room asked of read() */
#define BURST (1 << 20)		/* the most asked at once for lines */

/* The buffers of the last reader closed, for the next one: a run over
 * thousands of article files then allocates nothing per file. */
static struct reader *spare;

static const char kind_doc[] = "doc";
static const char kind_para[] = "para";

/* KIND is doc, raw: asked of every line, so no call for the answer no */
#define IS_DOC(k) ((k)[0] == 'd' && (k)[1] == 'o' && (k)[2] == 'c' && !(k)[3])
#define IS_RAW(k) ((k)[0] == 'r' && (k)[1] == 'a' && (k)[2] == 'w' && !(k)[3])

/*
 * The directory of the last file operand, kept open (O_PATH): a run over
 * thousands of articles in one directory walks its path once rather than
 * once per file, and the walk is most of what open(2) costs for a short
 * file.  When the directory cannot be opened the full path is, so a
 * failure is reported as open(2) reports it.
 */
static struct {
	int fd;			/* -1: open the full path */
	char *path;		/* the operand's bytes up to its last '/' */
	size_t len;
} dir = { -1, NULL, 0 };

static int
open_file(const char *path)
{
#ifdef O_PATH
	const char *slash = strrchr(path, '/');
	size_t n;

	if (slash != NULL && slash[1] != '\0') {
		n = (size_t)(slash - path) + 1;
		if (dir.path == NULL || dir.len != n ||
		    memcmp(dir.path, path, n) != 0) {
			if (dir.fd >= 0)
				close(dir.fd);
			free(dir.path);
			dir.path = xmemdup(path, n);
			dir.len = n;
			dir.fd = open(dir.path, O_PATH | O_DIRECTORY | O_CLOEXEC);
		}
		if (dir.fd >= 0)
			return openat(dir.fd, slash + 1, O_RDONLY | O_CLOEXEC);
	}
#endif
	return open(path, O_RDONLY | O_CLOEXEC);
}

struct reader *
rd_open(const char *path, enum rd_mode mode)
{
	struct reader *rd;
	struct stat st;
	int fd = -1, std = strcmp(path, "-") == 0, known;

	/* a file operand is read with read(2): no stdio buffer to copy
	 * through, and its size from fstat() saves the read that would
	 * only say end of file */
	if (std)
		fd = fileno(stdin);
	else if ((fd = open_file(path)) < 0) {
		warn("%s", path);
		return NULL;
	}
	known = fd >= 0 && fstat(fd, &st) == 0;
	if ((rd = spare) != NULL) {
		/* all state starts from zero but the memory: buffers, arena
		 * and record array are kept */
		struct reader old = *rd;

		spare = NULL;
		memset(rd, 0, sizeof(*rd));
		rd->in = old.in;
		rd->src = old.src;
		rd->ar = old.ar;
		rd->r = old.r;
		rd->cap = old.cap;
		buf_reset(&rd->in);
		buf_reset(&rd->src);
	} else
		rd = xcalloc(1, sizeof(*rd));
	rd->fd = fd;
	rd->fp = std ? stdin : NULL;
	/* a size of 0 is what /proc says of files that are not empty */
	rd->size = known && S_ISREG(st.st_mode) && st.st_size > 0 ?
	    (long long)st.st_size : -1;
	rd->waits = std && (!known || !S_ISREG(st.st_mode));
	rd->path = path;
	rd->name = std ? "stdin" : path;
	rd->mode = mode;
	return rd;
}

void
rd_close(struct reader *rd)
{
	if (rd == NULL)
		return;
	if (rd->fp == NULL)
		close(rd->fd);
	if (spare == NULL) {
		ar_reset(&rd->ar);
		spare = rd;
		return;
	}
	free(rd->r);
	buf_free(&rd->in);
	buf_free(&rd->src);
	ar_free(&rd->ar);
	free(rd);
}

size_t rd_errors(const struct reader *rd) { return rd->nerr; }
size_t rd_records(const struct reader *rd) { return rd->nrec; }
size_t rd_bytes(const struct reader *rd) { return rd->nbytes; }
int rd_waits(const struct reader *rd) { return rd->waits; }

/*
 * Read what comes next onto the end of b, with room for at least room
 * more bytes (all of b's free space is offered).  Sets eof at the end of
 * the input, or once a regular file has given the size it had when
 * opened.  Returns -1 after a warning when reading failed.
 */
static int
input(struct reader *rd, struct buf *b, size_t room)
{
	ssize_t k;

	if (b->cap - b->len <= room)
		buf_grow(b, room);
	room = b->cap - b->len - 1;
	if (rd->fd >= 0) {
		do
			k = read(rd->fd, b->p + b->len, room);
		while (k < 0 && errno == EINTR);
	} else {
		k = (ssize_t)fread(b->p + b->len, 1, room, rd->fp);
		if (ferror(rd->fp))
			k = -1;
		else if (feof(rd->fp))
			rd->eof = 1;
	}
	if (k < 0) {
		warn("%s", rd->name);
		return -1;
	}
	b->len += (size_t)k;
	b->p[b->len] = '\0';
	rd->got += (size_t)k;
	rd->nbytes += (size_t)k;
	if (k == 0 || (rd->size >= 0 && rd->got >= (unsigned long long)rd->size))
		rd->eof = 1;
	return 0;
}

/* How much room to ask for next: the rest of a regular file, at most
 * most; else CHUNK, which buf_grow() turns into doubling. */
static size_t
want(const struct reader *rd, size_t most)
{
	unsigned long long rest;

	if (rd->size < 0 || (unsigned long long)rd->size <= rd->got)
		return CHUNK;
	rest = (unsigned long long)rd->size - rd->got;
	return rest > most ? most : rest < CHUNK ? CHUNK : (size_t)rest;
}

/* Pointers into in.p[0..len] before in moved to p, less shift bytes
 * dropped from its start, to where those bytes are now; pointers
 * elsewhere (the arena) stay. */
static void
rebase(struct reader *rd, const char *old, size_t len, size_t shift)
{
	uintptr_t lo = (uintptr_t)old, hi = lo + len;
	const char *p = rd->in.p;
	size_t i;

#define MOVE(x) do {							\
	if ((uintptr_t)(x) >= lo && (uintptr_t)(x) <= hi)		\
		(x) = p + ((uintptr_t)(x) - lo) - shift;		\
} while (0)
	for (i = 0; i < rd->n; i++) {
		MOVE(rd->r[i].line);
		MOVE(rd->r[i].doc);
		MOVE(rd->r[i].attrs);
		MOVE(rd->r[i].text);
	}
	if (rd->cur != NULL)
		MOVE(rd->cur->name);
#undef MOVE
}

/*
 * Next line into rd->line without its LF; 0 at EOF, -1 on error.  The
 * bytes from keep on stay in the buffer (they may move: see rebase()).
 */
static int
next_line(struct reader *rd)
{
	struct buf *b = &rd->in;
	char *nl = NULL, *old;
	size_t oldlen, shift;

	if (rd->pending) {
		rd->pending = 0;
		return 1;
	}
	for (;;) {
		if (rd->scan < b->len &&
		    (nl = memchr(b->p + rd->scan, '\n', b->len - rd->scan)))
			break;
		rd->scan = b->len;
		if (rd->eof) {
			if (rd->inpos == b->len)
				return 0;
			break;		/* a last line with no LF */
		}
		/* lines of documents done go: the buffer holds the
		 * largest document and what was read past it */
		old = b->p;
		oldlen = b->len;
		shift = rd->keep;
		if (shift > 0) {
			memmove(b->p, b->p + shift, b->len - shift);
			b->len -= shift;
			rd->scan -= shift;
			rd->inpos -= shift;
			rd->keep = 0;
		}
		if (input(rd, b, want(rd, BURST)) < 0)
			return -1;
		if (b->p != old || shift > 0)
			rebase(rd, old, oldlen, shift);
	}
	rd->line = b->p + rd->inpos;
	rd->nl = nl != NULL;
	rd->linelen = (nl != NULL ? nl : b->p + b->len) - rd->line;
	rd->inpos = rd->scan = rd->inpos + (size_t)rd->linelen + rd->nl;
	rd->lineno++;
	return 1;
}

static struct rec *
push(struct reader *rd)
{
	if (rd->n == rd->cap) {
		rd->cap = rd->cap ? rd->cap * 2 : 64;
		rd->r = xreallocarray(rd->r, rd->cap, sizeof(*rd->r));
	}
	return &rd->r[rd->n++];
}

static void
malformed(struct reader *rd, const char *why)
{
	warnx("%s:%zu: %s", rd->name, rd->lineno, why);
	rd->nerr++;
}

/*
 * A line number as decimal digits, counted up as the lines pass, which
 * costs less than formatting it for each paragraph: the digits are
 * d[LNUM - n, LNUM), and 8 bytes may be read from d + LNUM - n.
 */
#define LNUM 20			/* enough for any size_t */
struct lnum {
	char d[LNUM + 8];
	size_t n;
};

static inline void
lnum_next(struct lnum *ln)
{
	size_t i = LNUM - 1;

	while (ln->d[i] == '9')
		ln->d[i--] = '0';
	ln->d[i]++;
	if (LNUM - i > ln->n)
		ln->n = LNUM - i;
}

/* U+2010-201F (dashes, curly quotes: E2 80 90-9F), no White_Space: a
 * paragraph of news opens or ends with a curly quote often */
static inline int
opensquote(const char *s, size_t n)
{
	return n >= 3 && (unsigned char)s[0] == 0xe2 &&
	    (unsigned char)s[1] == 0x80 && ((unsigned char)s[2] & 0xf0) == 0x90;
}

void
doc_paragraphs(const char *name, size_t namelen, const char *src, size_t len,
    struct rec **r, size_t *n, size_t *cap, struct arena *ar)
{
	size_t pos = 0, ls, le, a, z;
	const char *nl;
	struct lnum ln;
	struct rec *p;
	char *d;

	memset(ln.d, '0', sizeof(ln.d));
	ln.n = 1;		/* line 0 */
	if (len >= 3 && memcmp(src, "\xef\xbb\xbf", 3) == 0)
		pos = 3;
	while (pos < len) {
		lnum_next(&ln);
		ls = pos;
		nl = memchr(src + pos, '\n', len - pos);
		le = nl ? (size_t)(nl - src) : len;
		pos = nl ? le + 1 : len;
		if (nl && le > ls && src[le - 1] == '\r')
			le--;
		if (le == ls)
			continue;	/* the empty line between paragraphs */
		/* a printable ASCII byte at an end is no White_Space: most
		 * lines need no call to say so */
		a = ls;
		if ((unsigned char)(src[ls] - 0x21) > 0x7e - 0x21 &&
		    !opensquote(src + ls, le - ls))
			a += u8_skipspace(src + ls, le - ls);
		z = le;
		if (z > a && (unsigned char)(src[z - 1] - 0x21) > 0x7e - 0x21 &&
		    !(z - a >= 3 && opensquote(src + z - 3, 3)))
			z -= u8_rskipspace(src + a, le - a);
		if (a == z)
			continue;
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 64;
			*r = xreallocarray(*r, *cap, sizeof(**r));
		}
		p = &(*r)[(*n)++];
		/* every field at once: the others zero, without a memset()
		 * before the stores */
		*p = (struct rec){ .doc = name, .doclen = namelen,
		    .kind = kind_para, .start = a, .end = z, .text = src + a,
		    .textlen = z - a, .flags = REC_MADE };
		/* what attr_putu() and attr_put() would make, without them,
		 * straight into the arena: "line=" N "|role=" and a NUL; N in
		 * one 8-byte copy when it fits, whose bytes past the digits
		 * (inside the 13 at least asked for) "|role=" overwrites */
		p->attrslen = 11 + ln.n;
		p->attrs = d = ar_alloc(ar, p->attrslen + 1);
		memcpy(d, "line=", 5);
		if (ln.n <= 8)
			memcpy(d + 5, ln.d + LNUM - ln.n, 8);
		else
			memcpy(d + 5, ln.d + LNUM - ln.n, ln.n);
		memcpy(d + 5 + ln.n, "|role=", 7);
	}
}

/* Fill d with a raw document: a made doc record, then its paragraphs. */
static void
raw_doc(struct reader *rd, struct doc *d, const char *name, size_t namelen,
    const char *src, size_t len)
{
	struct rec *p;

	p = push(rd);
	memset(p, 0, sizeof(*p));
	p->doc = name;
	p->doclen = namelen;
	p->kind = kind_doc;
	p->end = len;
	p->attrs = "v=1";
	p->attrslen = 3;
	p->text = "";
	p->flags = REC_MADE;
	doc_paragraphs(name, namelen, src, len, &rd->r, &rd->n, &rd->cap,
	    &rd->ar);
	d->name = name;
	d->namelen = namelen;
	d->src = src;
	d->srclen = len;
	d->len = len;
	d->haslen = 1;
	d->raw = 1;
}

/* The first line decides what the input is. */
static int
start(struct reader *rd)
{
	struct rec r;
	char *scratch;
	int c;

	rd->started = 1;
	if ((c = next_line(rd)) <= 0) {
		rd->records = rd->mode == RD_RECORDS;
		return c;
	}
	rd->pending = 1;
	if (rd->mode != RD_RAW && rd->linelen >= 2 &&
	    memcmp(rd->line, "{\"", 2) == 0) {
		warnx("%s: looks like JSON Lines, which is not read: "
		    "--json is for output only", rd->name);
		rd->nerr++;
		return -1;
	}
	if (rd->mode == RD_AUTO) {
		/* from the arena, which the document read next resets */
		scratch = ar_alloc(&rd->ar, (size_t)rd->linelen + 3);
		/* a raw record is valid only with START 0 and END its length */
		rd->records = rec_parse(&r, rd->line, (size_t)rd->linelen,
		    scratch) == NULL && (IS_DOC(r.kind) ||
		    (IS_RAW(r.kind) && r.start == 0 &&
		    r.end == r.textlen));
	} else
		rd->records = rd->mode == RD_RECORDS;
	return 1;
}

static int
read_raw(struct reader *rd, struct doc *d)
{
	struct buf t;

	/* all that was read is the document's opening (only its first line
	 * was taken): that buffer becomes src, and the rest is read onto it,
	 * a regular file's in one read */
	rd->pending = 0;
	t = rd->src;
	rd->src = rd->in;
	rd->in = t;
	buf_reset(&rd->in);
	rd->inpos = rd->scan = rd->keep = 0;
	while (!rd->eof)
		if (input(rd, &rd->src, want(rd, (size_t)-1)) < 0) {
			rd->nerr++;
			return -1;
		}
	if (rd->src.p == NULL)
		buf_grow(&rd->src, 0);
	raw_doc(rd, d, rd->path, strlen(rd->path), rd->src.p, rd->src.len);
	return 1;
}

static int
read_records(struct reader *rd, struct doc *d)
{
	struct rec r, *p;
	const char *why, *line;
	char *scratch;
	size_t len;
	int c, named = 0;

	/* records point into the input buffer, not into a copy of each
	 * line: the buffer keeps this document's lines (next_line()) */
	rd->keep = rd->pending ? (size_t)(rd->line - rd->in.p) : rd->inpos;
	rd->cur = d;
	while ((c = next_line(rd)) > 0) {
		len = (size_t)rd->linelen;
		line = rd->line;
		scratch = ar_alloc(&rd->ar, len + 3);
		why = rec_parse(&r, line, len, scratch);
		if (why == NULL && (named || rd->n > 0) &&
		    IS_DOC(r.kind)) {
			/* it starts the next document, even after lines that
			 * were malformed only: r[0] is then the doc record */
			rd->pending = 1;
			return 1;
		}
		if (why == NULL && named && (IS_RAW(r.kind) ||
		    r.doclen != d->namelen ||
		    memcmp(r.doc, d->name, r.doclen) != 0)) {
			rd->pending = 1;	/* it starts the next document */
			return 1;
		}
		rd->nrec++;
		r.lineno = rd->lineno;
		if (why == NULL && IS_RAW(r.kind)) {
			if (rd->n > 0) {	/* after malformed lines only */
				rd->pending = 1;
				rd->nrec--;
				return 1;
			}
			if (r.start != 0 || r.end != r.textlen) {
				malformed(rd, "raw record's START and END are "
				    "not 0 and its text's length");
				*push(rd) = r;
				rd->r[rd->n - 1].flags = REC_MALFORMED;
				continue;
			}
			raw_doc(rd, d, r.doc, r.doclen, r.text, r.textlen);
			return 1;
		}
		if (why == NULL && d->haslen && r.end > d->len)
			why = "END past the document's END";
		/* TEXT is the span's bytes, so the tools may trust offsets
		 * computed from it; a doc record's TEXT is empty */
		if (why == NULL && r.textlen != r.end - r.start &&
		    !IS_DOC(r.kind))
			why = "TEXT is not END - START bytes long";
		if (why != NULL) {
			malformed(rd, why);
			r.flags = REC_MALFORMED;
			r.line = line;
			r.linelen = len;
			*push(rd) = r;
			continue;
		}
		p = push(rd);
		*p = r;
		if (!named) {
			named = 1;
			d->name = r.doc;
			d->namelen = r.doclen;
			if (IS_DOC(r.kind)) {
				d->len = r.end;
				d->haslen = 1;
			}
		}
	}
	if (c < 0) {
		rd->nerr++;
		return rd->n > 0 ? 1 : -1;
	}
	return rd->n > 0;
}

int
rd_next(struct reader *rd, struct doc *d)
{
	int c;

	memset(d, 0, sizeof(*d));
	d->input = rd->name;
	if (rd->done)
		return 0;
	ar_reset(&rd->ar);
	rd->n = 0;
	if (!rd->started && (c = start(rd)) <= 0) {
		rd->done = 1;
		if (c == 0 && !rd->records) {	/* empty input: one empty doc */
			raw_doc(rd, d, rd->path, strlen(rd->path), "", 0);
			d->r = rd->r;
			d->n = rd->n;
			return 1;
		}
		return c;
	}
	if (!rd->records) {
		rd->done = 1;
		c = read_raw(rd, d);
	} else
		c = read_records(rd, d);
	if (c <= 0)
		rd->done = 1;
	d->r = rd->r;
	d->n = rd->n;
	return c;
}
