/*
 * out: writing records to standard output in the format a run asked for.
 *
 * OUT_TSV writes the stream format; a record read from input and not made
 * by this run is copied byte for byte.  OUT_JSON writes JSON Lines.
 * OUT_TEXT writes only TEXT, unescaped, one record per line, and an empty
 * line after each paragraph's records (the tool says where a paragraph ends
 * with out_para_end()).  With only set, records of kinds the tool does not
 * make are not written, except doc records (and never in OUT_TEXT, whose
 * doc records have no text).
 *
 * Output is buffered and written in whole documents: out_doc_end() writes
 * it once 64 KiB are pending, or after every document when a reader may be
 * waiting for it; past 1 MiB it is written even in mid-document.
 * A write error is fatal: message, exit 1.
 */
#ifndef OUT_H
#define OUT_H

#include <stddef.h>

#include "buf.h"
#include "rec.h"

enum out_fmt { OUT_TSV, OUT_JSON, OUT_TEXT };

struct out {
	enum out_fmt fmt;
	int only;
	const char *const *kinds;	/* kinds the tool makes, NULL-ended */
	const char *doc;		/* current document's DOC, unescaped */
	size_t doclen;
	struct buf docesc;		/* the same, escaped once per document */
	struct buf b;			/* pending output */
	size_t inpara;			/* text lines since out_para_end */
	size_t nout, nmade;		/* records written, of which made */
};

void out_init(struct out *o, enum out_fmt fmt, int only,
    const char *const *kinds);
/* Set the document that out_new() records belong to. */
void out_doc(struct out *o, const char *name, size_t namelen);
/* Write a record: read records pass through, made ones are formatted. */
void out_rec(struct out *o, const struct rec *r);
/* Make and write a record of the current document. attrs is "_" or from
 * attr_put() (rec.h); text[0..textlen) is the span's text. */
void out_new(struct out *o, const char *kind, size_t start, size_t end,
    const char *attrs, const char *text, size_t textlen);
/* The same for TEXT that its maker knows to need no escape (REC_PLAIN). */
void out_new_plain(struct out *o, const char *kind, size_t start,
    size_t end, const char *attrs, const char *text, size_t textlen);
void out_para_end(struct out *o);
/* Are ATTRS written?  Not under --text: a tool may then pass "_". */
static inline int out_attrs(const struct out *o) { return o->fmt != OUT_TEXT; }
/* A document is done: write out when enough is pending or when waits
 * says someone may be waiting for it (rd_waits(), doc.h). */
void out_doc_end(struct out *o, int waits);
void out_flush(struct out *o);		/* write out, fatal on error */
/* Flush and close stdout, fatal on error (call once at exit). */
void out_close(struct out *o);
/* Free what o holds without writing (for programs that never close). */
void out_free(struct out *o);

#endif
