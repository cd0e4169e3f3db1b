/*
 * rec: one record of the newsutils stream format, newsutils(7).
 *
 *   DOC TAB KIND TAB START TAB END TAB ATTRS TAB TEXT LF
 *
 * A struct rec holds a record as the tools see it: DOC and TEXT unescaped
 * (arbitrary bytes with an explicit length, not NUL-terminated), KIND
 * (NUL-terminated) and ATTRS as written.  A record read from a stream also keeps the line
 * it came from, so pass-through is byte for byte.
 *
 * Invariants of a record that is not REC_MALFORMED:
 *   - doclen > 0; kind matches [a-z][a-z0-9_]*;
 *   - start <= end;
 *   - attrs is "_" or key=value pairs joined by '|', keys [a-z][a-z0-9_]*,
 *     none of doc kind start end text attrs.  Values that attr_put()
 *     writes hold no TAB LF CR | or backslash; a reader checks keys only,
 *     as newsutils(7) says, so a value read may hold a CR or backslash.
 * The pointers belong to whoever filled the record (the document arena in
 * doc.h, or the caller for records it makes) and live as long as it.
 */
#ifndef REC_H
#define REC_H

#include <stddef.h>
#include <string.h>

struct buf;

enum {
	REC_MALFORMED = 1 << 0,	/* line failed a check: only line is valid */
	REC_MADE = 1 << 1,	/* made by this run, not read from input */
	REC_PLAIN = 1 << 2,	/* made, by a maker that knows TEXT to need
				   no escape (rec_plainlen()): copied as it is */
};

struct rec {
	const char *line;	/* the input line without its LF, or NULL */
	size_t linelen;
	size_t lineno;		/* 1-based line in its input, 0 if made */
	const char *doc;	/* unescaped */
	size_t doclen;
	const char *kind;
	size_t start, end;
	const char *attrs;	/* as written: "_" or k=v|k=v */
	size_t attrslen;
	const char *text;	/* unescaped */
	size_t textlen;
	unsigned flags;
};

/*
 * Parse line[0..len) (no LF) into r.  DOC and TEXT are unescaped into
 * scratch (at least len + 3 bytes) when they hold escapes, else r points
 * straight into line; KIND is copied into scratch to end it with a NUL.
 * Both line and scratch must outlive r.  Returns NULL when well formed,
 * else a static message saying why (r->flags then has REC_MALFORMED and
 * only r->line, r->linelen are set).  The check that END is within the
 * document's END is the reader's (doc.h).
 */
const char *rec_parse(struct rec *r, const char *line, size_t len,
    char *scratch);

/* Append s[0..n) escaped for DOC or TEXT: \\ \t \n \r, and '?' for bytes
 * u8_cleanlen() would not pass. */
void rec_escape(struct buf *out, const char *s, size_t n);
/*
 * Length of the prefix of s[0..n) that rec_escape() would write as it is
 * (no escape, no '?'), LF aside when lf is set: the bytes of a document,
 * whose lines are its paragraphs.  Any span of such text that starts and
 * ends between two UTF-8 sequences (and holds no LF) is written as it is.
 */
size_t rec_plainlen(const char *s, size_t n, int lf);
/* Unescape s[0..n) into out; returns -1 on a bad backslash sequence. */
int rec_unescape(struct buf *out, const char *s, size_t n);

/* Append one record as a line (with LF) in the stream format. */
void rec_format(struct buf *out, const struct rec *r);
/* The same from the TAB after DOC on, for a writer that escaped DOC once. */
void rec_format_rest(struct buf *out, const struct rec *r);
/* Append one record as a JSON object line (with LF), newsutils(7). */
void rec_format_json(struct buf *out, const struct rec *r);
/* The JSON line for a malformed input line. */
void rec_format_json_malformed(struct buf *out, const char *line, size_t n);
/* Append s[0..n) as a JSON string, with quotes; bad bytes become '?'. */
void rec_json_string(struct buf *out, const char *s, size_t n);

/* Does s[0..n) match [a-z][a-z0-9_]* (and, for keys, not a column name)? */
int rec_valid_kind(const char *s, size_t n);
int rec_valid_key(const char *s, size_t n);

/*
 * Attributes.  rec_attr() finds key in r->attrs: returns 1 and sets
 * *val and *vlen (pointing into attrs) if present, 0 if not.
 * rec_attr_size() reads a decimal value, returning def when absent or empty.
 */
int rec_attr(const struct rec *r, const char *key, const char **val,
    size_t *vlen);
size_t rec_attr_size(const struct rec *r, const char *key, size_t def);
/* A decimal as START, END and rec_attr_size() read one: s[0..n) all
 * digits, no leading zero, no overflow.  Sets *v and returns 0, or -1. */
int rec_decimal(const char *s, size_t n, size_t *v);

/*
 * Building ATTRS for a record a tool makes: call attr_put() once per key,
 * in the order newsutils(7) gives for the kind, then use b->p.  A value's
 * TAB LF CR | and backslash become spaces and bytes that are not clean
 * UTF-8 become '?', so any value is safe to pass.  attr_putu() writes a
 * number; attr_put(b, key, NULL, 0) writes "key=" (an unknown value).
 * attr_copy() puts key with its value in r's ATTRS ("key=" when r has
 * none): what a made record takes over from the record it derives from.
 * attr_take() does so for each of keys (NULL-ended), copying the opening
 * of r's ATTRS whole when it is just that: those keys in that order, with
 * values attr_put() would write unchanged (a paragraph's "line=N|role=").
 * An empty attribute list must be written as "_": see attr_end().
 */
void attr_putk(struct buf *b, const char *key, size_t klen, const char *val,
    size_t n);
/* attr_putk() with strlen(key), which a literal key's call works out as
 * it compiles */
static inline void
attr_put(struct buf *b, const char *key, const char *val, size_t n)
{
	attr_putk(b, key, strlen(key), val, n);
}
void attr_puts(struct buf *b, const char *key, const char *val);
void attr_putu(struct buf *b, const char *key, size_t u);
void attr_copy(struct buf *b, const struct rec *r, const char *key);
void attr_take(struct buf *b, const struct rec *r, const char *const *keys);
void attr_end(struct buf *b);	/* make an empty list "_" */

#endif
