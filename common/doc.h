/*
 * doc: reading inputs as documents, newsutils(7).
 *
 * A reader turns one input (a file operand or standard input) into a
 * sequence of documents.  An input is a record stream when its first line
 * is a valid record of kind doc or raw (or with RD_RECORDS), otherwise it is
 * one raw document (or with RD_RAW).  Raw text, and each raw record, becomes
 * a made doc record followed by one made para record per non-blank line.
 * In a record stream a document starts at each doc record, at each raw
 * record (which is a document by itself), and wherever DOC changes.
 *
 * Invariants of a struct doc handed out by rd_next():
 *   - n >= 1 and every non-malformed record has DOC == name;
 *   - r[0] is a doc record whenever the document has one (read or made);
 *   - src != NULL iff the document was read raw (a file or a raw record):
 *     then src[0..srclen) are its bytes and every made para record's text
 *     points into it at its offsets;
 *   - haslen says whether the document's END is known (a doc record or
 *     raw text); every record read was checked against it;
 *   - everything the document points to stays valid until the next
 *     rd_next() or rd_close() on the same reader.
 * Memory is bounded by the largest document, not by the input.
 */
#ifndef DOC_H
#define DOC_H

#include <stddef.h>
#include <stdio.h>

#include "rec.h"

enum rd_mode { RD_AUTO, RD_RECORDS, RD_RAW };

struct doc {
	const char *input;	/* input name for messages */
	const char *name;	/* DOC, unescaped */
	size_t namelen;
	const char *src;	/* raw bytes, or NULL: see above */
	size_t srclen;
	size_t len;		/* document END, when haslen */
	int haslen;
	int raw;		/* read as raw text (file or raw record) */
	struct rec *r;
	size_t n;
};

struct reader;

/*
 * Open path ("-" is standard input).  Returns NULL after warning (with
 * the reason) when the input cannot be opened.
 */
struct reader *rd_open(const char *path, enum rd_mode mode);
/*
 * Read the next document into *d.  Returns 1 when there is one, 0 at the
 * end of the input, -1 when the input failed (an I/O error or a refused
 * JSON input, already reported; the input is finished).  Malformed lines
 * are reported as "FILE:LINE: why" with warnx() and counted.
 */
int rd_next(struct reader *rd, struct doc *d);
size_t rd_errors(const struct reader *rd);	/* malformed lines so far */
size_t rd_records(const struct reader *rd);	/* record lines read */
size_t rd_bytes(const struct reader *rd);	/* bytes read */
/*
 * Whether the input is standard input from a pipe or terminal, where
 * whoever writes it may be waiting for each document's results (file
 * operands and redirected files are read through without waiting).
 */
int rd_waits(const struct reader *rd);
void rd_close(struct reader *rd);

/*
 * Split raw text into made para records, appending to an array the
 * caller owns (*r, *n, *cap, grown with xreallocarray).  A BOM at offset 0
 * belongs to no span; lines end at LF, a CR before LF is not part of the
 * line; each line that is not all White_Space is one para, trimmed, with
 * attrs "line=N|role=", allocated from ar.
 */
struct arena;
void doc_paragraphs(const char *name, size_t namelen, const char *src,
    size_t len, struct rec **r, size_t *n, size_t *cap, struct arena *ar);

#endif
