/*
 * nu-check: check a tool's output stream against the documents it came
 * from, by the invariants of newsutils(7).  Used by the tests on every
 * output they make; it reads columns and escapes itself rather than with
 * the library's reader, so that a reader bug cannot hide its own output.
 *
 *   nu-check [-u] [-m N] [-l KINDS] [-w KINDS] [-r RAWSTREAM]
 *            [-i INPUT -o KINDS [-c KINDS]] STREAM [[DOC=]SOURCE ...]
 *
 * STREAM ("-" for standard input) is the output to check; each SOURCE is
 * a raw document, known by its path as given or as DOC when written
 * DOC=SOURCE (-=FILE for a tool that read standard input); -r loads every
 * raw record of a stream as a source.  Every line of STREAM must:
 *   - have six columns, DOC non-empty, KIND and keys by their patterns,
 *     START and END decimal with START <= END <= the document's END, and
 *     only the escapes \\ \t \n \r;
 *   - for a known kind, have exactly its keys in the order of the format,
 *     with values of the right shape (line=N the source line of START);
 *   - have TEXT equal to the source bytes [START, END), except bytes that
 *     are spaces (blanked residue) or '?' where the source byte needs
 *     replacing (a byte that is not clean UTF-8 in the whole document);
 *     a doc record has START 0, END the document's length, empty TEXT.
 * Documents are contiguous (a DOC never comes back after another one) and
 * a doc record, when present, is the first record of its document.
 * -m N: exactly N lines are malformed (passed through); default 0.
 * -u: records of documents without a source are checked for everything
 *     but TEXT.
 * -l KINDS (comma list): every non-blank line of every source holds
 *     exactly one record of these kinds (para,drop), within its trimmed span.
 * -w KINDS: records of these kinds (sent) are in order, disjoint, each
 *     inside one line, none starting or ending with White_Space, and
 *     together cover every byte of every non-blank line that is not
 *     White_Space.
 * -i INPUT -o KINDS [-c KINDS]: nothing lost from a record stream INPUT
 *     that the tool read: every line of INPUT comes out unchanged and in
 *     order, except records of the tool's own KINDS (replaced), raw
 *     records, and records of the -c kinds, which the tool consumes: the
 *     records of its own kinds in the output must cover every byte of
 *     their TEXT that is not White_Space.  Output lines that are not from
 *     INPUT must be of the tool's own kinds, doc or para.
 * Exit 0 when all holds, 1 with one message per problem (at most 20) when
 * not, 2 on usage or I/O errors.
 */
#include <err.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "u8.h"

struct source {
	char *name;
	size_t namelen;
	char *p;			/* the document's bytes */
	size_t len;
	unsigned char *bad;		/* bad[i]: byte i needs '?' */
	size_t *lines;			/* offsets of line starts */
	size_t nlines;
	unsigned *cover;		/* per byte: records of -w kinds */
	unsigned *per_line;		/* per line: records of -l kinds */
	size_t wend;			/* end of the last -w record */
	size_t *la, *lz;		/* trimmed span of each line, cached */
	int seen, done;
};

static struct source *src;
static size_t nsrc, srccap;
static const char *streamname;
static size_t lineno, nproblems, nmalformed;
static char *lkinds, *wkinds, *okinds, *ckinds;

/* -i: the input stream's lines, and what became of them */
struct inline_ {
	char *p;
	size_t len;
	int pass;		/* must come out unchanged */
	char *doc, *text;	/* a consumed record, unescaped */
	size_t doclen, textlen, start, end;
};
static struct inline_ *in;
static size_t nin, ip;
/* records of own kinds in the output, for the consumed ones */
struct made {
	char *doc;
	size_t doclen, start, end;
};
static struct made *made;
static size_t nmade;

#define MAXPROBLEMS 20

static void
problem(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
problem(const char *fmt, ...)
{
	va_list ap;

	if (++nproblems > MAXPROBLEMS)
		return;
	fprintf(stderr, "nu-check: %s:%zu: ", streamname, lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp;
	struct buf b = BUF_INIT;
	char tmp[65536];
	size_t k;

	if ((fp = fopen(path, "rb")) == NULL)
		err(2, "%s", path);
	while ((k = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		buf_add(&b, tmp, k);
	if (ferror(fp))
		err(2, "%s", path);
	fclose(fp);
	buf_grow(&b, 0);
	*len = b.len;
	return b.p;
}

static int
in_list(const char *list, const char *s, size_t n)
{
	const char *p = list, *c;

	if (list == NULL)
		return 0;
	for (;;) {
		c = strchr(p, ',');
		if ((size_t)((c ? c : p + strlen(p)) - p) == n &&
		    memcmp(p, s, n) == 0)
			return 1;
		if (c == NULL)
			return 0;
		p = c + 1;
	}
}

static void
add_source(const char *name, size_t namelen, char *p, size_t len)
{
	struct source *s;
	size_t i, n;
	int32_t c;

	if (nsrc == srccap) {
		srccap = srccap ? 2 * srccap : 64;
		src = xreallocarray(src, srccap, sizeof(*src));
	}
	s = &src[nsrc++];
	memset(s, 0, sizeof(*s));
	s->name = xmemdup(name, namelen);
	s->namelen = namelen;
	s->p = p;
	s->len = len;
	s->bad = xcalloc(len + 1, 1);
	for (i = 0; i < len; i += n) {
		c = u8_decode(p + i, len - i, &n);
		if (c == U8_BAD || (c < 0x20 && c != '\t' && c != '\n' &&
		    c != '\r'))
			s->bad[i] = 1;
	}
	for (i = 0, n = 1; i < len; i++)
		n += p[i] == '\n';
	s->lines = xreallocarray(NULL, n, sizeof(size_t));
	s->lines[0] = 0;
	s->nlines = 1;
	for (i = 0; i < len; i++)
		if (p[i] == '\n')
			s->lines[s->nlines++] = i + 1;
	s->cover = wkinds ? xcalloc(len + 1, sizeof(unsigned)) : NULL;
	s->per_line = lkinds ? xcalloc(s->nlines, sizeof(unsigned)) : NULL;
}

static uint64_t hash(const char *s, size_t n);
static size_t *src_index, src_icap;

/* Sources by name, through a hash index built on first use. */
static struct source *
find_source(const char *name, size_t n)
{
	size_t i, k;

	if (src_icap == 0 && nsrc > 0) {
		for (src_icap = 16; src_icap < 2 * nsrc; src_icap *= 2)
			;
		src_index = xcalloc(src_icap, sizeof(*src_index));
		for (i = 0; i < nsrc; i++) {
			k = hash(src[i].name, src[i].namelen) & (src_icap - 1);
			while (src_index[k] != 0)
				k = (k + 1) & (src_icap - 1);
			src_index[k] = i + 1;
		}
	}
	if (src_icap == 0)
		return NULL;
	k = hash(name, n) & (src_icap - 1);
	while (src_index[k] != 0) {
		i = src_index[k] - 1;
		if (src[i].namelen == n && memcmp(src[i].name, name, n) == 0)
			return &src[i];
		k = (k + 1) & (src_icap - 1);
	}
	return NULL;
}

/* Unescape s[0..n) into b; -1 on a sequence the format does not have. */
static int
unescape(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_reset(b);
	for (i = 0; i < n; i++) {
		if (s[i] != '\\') {
			buf_addc(b, s[i]);
			continue;
		}
		if (++i == n)
			return -1;
		switch (s[i]) {
		case '\\': buf_addc(b, '\\'); break;
		case 't': buf_addc(b, '\t'); break;
		case 'n': buf_addc(b, '\n'); break;
		case 'r': buf_addc(b, '\r'); break;
		default: return -1;
		}
	}
	buf_grow(b, 0);
	return 0;
}

static int
name_ok(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[0] < 'a' || s[0] > 'z')
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return 0;
	return 1;
}

static int
number(const char *s, size_t n, size_t *v)
{
	size_t i, x = 0;

	if (n == 0 || n > 18 || (n > 1 && s[0] == '0'))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		x = x * 10 + (size_t)(s[i] - '0');
	}
	*v = x;
	return 1;
}

/* The keys of each kind of newsutils(7), in order. */
static const struct {
	const char *kind;
	const char *keys[8];
} known[] = {
	{ "raw", { NULL } },
	{ "doc", { "v", NULL } },
	{ "para", { "line", "role", NULL } },
	{ "drop", { "line", "why", NULL } },
	{ "sent", { "line", "role", NULL } },
	{ "ent", { "type", "norm", NULL } },
	{ "quote", { "form", "speaker", "speaker_type", "cue", "part",
	    "speaker_start", "speaker_end", NULL } },
};

static int
is(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static int
one_of(const char *s, size_t n, const char *const *set)
{
	for (; *set; set++)
		if (is(s, n, *set))
			return 1;
	return 0;
}

/* Check a value of a known key. */
static void
check_value(const char *kind, const char *key, const char *v, size_t n,
    size_t start, const struct source *s)
{
	static const char *const roles[] = { "", "title", NULL };
	static const char *const types[] = { "PER", "ORG", "LOC", "MISC", NULL };
	static const char *const forms[] = { "direct", "partial", "indirect", NULL };
	static const char *const stypes[] = { "name", "description", "none", NULL };
	size_t x, k, a, b, lo, hi;
	const char *slash;

	if (strcmp(key, "v") == 0 && !is(v, n, "1"))
		problem("doc record with v=%.*s, not 1", (int)n, v);
	else if (strcmp(key, "line") == 0) {
		if (!number(v, n, &x) || x == 0)
			problem("%s: line=%.*s is not a line number", kind,
			    (int)n, v);
		else if (s != NULL && start <= s->len) {
			/* the line holding START: last line start <= START */
			lo = 0, hi = s->nlines;
			while (hi - lo > 1) {
				k = (lo + hi) / 2;
				if (s->lines[k] <= start)
					lo = k;
				else
					hi = k;
			}
			if (lo + 1 != x)
				problem("%s: line=%zu but START %zu is on line "
				    "%zu", kind, x, start, lo + 1);
		}
	} else if (strcmp(key, "role") == 0 && !one_of(v, n, roles))
		problem("%s: role=%.*s", kind, (int)n, v);
	else if (strcmp(key, "why") == 0 && n == 0)
		problem("drop: empty why=");
	else if (strcmp(key, "type") == 0 && !one_of(v, n, types))
		problem("ent: type=%.*s", (int)n, v);
	else if (strcmp(key, "norm") == 0 && n == 0)
		problem("ent: empty norm=");
	else if (strcmp(key, "form") == 0 && !one_of(v, n, forms))
		problem("quote: form=%.*s", (int)n, v);
	else if (strcmp(key, "speaker_type") == 0 && !one_of(v, n, stypes))
		problem("quote: speaker_type=%.*s", (int)n, v);
	else if (strcmp(key, "part") == 0) {
		slash = memchr(v, '/', n);
		if (slash == NULL || !number(v, (size_t)(slash - v), &a) ||
		    !number(slash + 1, n - (size_t)(slash - v) - 1, &b) ||
		    a < 1 || a > b)
			problem("quote: part=%.*s is not K/N", (int)n, v);
	} else if ((strcmp(key, "speaker_start") == 0 ||
	    strcmp(key, "speaker_end") == 0) && n > 0) {
		if (!number(v, n, &x))
			problem("quote: %s=%.*s", key, (int)n, v);
		else if (s != NULL && x > s->len)
			problem("quote: %s=%zu past the document's end", key, x);
	}
}

/* ATTRS by the patterns of the format (a reader's malformed-line check). */
static int
attrs_ok(const char *a)
{
	static const char *const reserved[] = { "doc", "kind", "start", "end",
	    "text", "attrs", NULL };
	const char *p = a, *end = a + strlen(a), *bar, *eq;

	if (strcmp(a, "_") == 0)
		return 1;
	if (*a == '\0')
		return 0;
	while (p <= end) {
		if ((bar = memchr(p, '|', (size_t)(end - p))) == NULL)
			bar = end;
		if ((eq = memchr(p, '=', (size_t)(bar - p))) == NULL ||
		    !name_ok(p, (size_t)(eq - p)) ||
		    one_of(p, (size_t)(eq - p), reserved))
			return 0;
		p = bar + 1;
	}
	return 1;
}

static void
check_attrs(const char *kind, size_t kindlen, const char *a, size_t n,
    size_t start, const struct source *s)
{
	const char *p = a, *end = a + n, *bar, *eq;
	const char *const *keys = NULL;
	size_t i, k = 0;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (is(kind, kindlen, known[i].kind))
			keys = known[i].keys;
	if (n == 1 && a[0] == '_') {
		if (keys != NULL && keys[0] != NULL)
			problem("%.*s record without its keys", (int)kindlen,
			    kind);
		return;
	}
	if (n == 0) {
		problem("empty ATTRS");
		return;
	}
	while (p <= end) {
		if ((bar = memchr(p, '|', (size_t)(end - p))) == NULL)
			bar = end;
		if ((eq = memchr(p, '=', (size_t)(bar - p))) == NULL ||
		    !name_ok(p, (size_t)(eq - p)) ||
		    one_of(p, (size_t)(eq - p), (const char *const[]){ "doc",
		    "kind", "start", "end", "text", "attrs", NULL })) {
			problem("bad key in ATTRS '%.*s'", (int)(bar - p), p);
			return;
		}
		if (memchr(eq, '\\', (size_t)(bar - eq)) != NULL ||
		    memchr(eq, '\r', (size_t)(bar - eq)) != NULL)
			problem("backslash or CR in a value: '%.*s'",
			    (int)(bar - p), p);
		if (keys != NULL && keys[k] != NULL &&
		    is(p, (size_t)(eq - p), keys[k])) {
			check_value(kind, keys[k], eq + 1,
			    (size_t)(bar - eq - 1), start, s);
			k++;
		} else if (keys != NULL) {
			/* unknown keys pass; a known one out of place not */
			for (i = 0; keys[i]; i++)
				if (is(p, (size_t)(eq - p), keys[i]))
					problem("%.*s: key '%s' out of order",
					    (int)kindlen, kind, keys[i]);
		}
		p = bar + 1;
	}
	if (keys != NULL && keys[k] != NULL)
		problem("%.*s: key '%s' missing", (int)kindlen, kind, keys[k]);
}

/* TEXT against the source: equal but for blanks and '?' for bad bytes. */
static void
check_text(const struct source *s, size_t start, size_t end, const char *t,
    size_t n)
{
	size_t i;

	if (n != end - start) {
		problem("TEXT is %zu bytes, span %zu-%zu is %zu", n, start,
		    end, end - start);
		return;
	}
	for (i = 0; i < n; i++) {
		if (t[i] == s->p[start + i] && !s->bad[start + i])
			continue;
		if (t[i] == ' ')
			continue;
		if (t[i] == '?' && s->bad[start + i])
			continue;
		problem("TEXT differs from the source at offset %zu "
		    "(0x%02x, source 0x%02x%s)", start + i,
		    (unsigned char)t[i], (unsigned char)s->p[start + i],
		    s->bad[start + i] ? ", which needs '?'" : "");
		return;
	}
}

/* Which line holds offset o (0-based), by binary search. */
static size_t
line_of(const struct source *s, size_t o)
{
	size_t lo = 0, hi = s->nlines, k;

	while (hi - lo > 1) {
		k = (lo + hi) / 2;
		if (s->lines[k] <= o)
			lo = k;
		else
			hi = k;
	}
	return lo;
}

/* The trimmed span of line k: [*a, *z), empty when blank. */
static void line_span0(const struct source *s, size_t k, size_t *a,
    size_t *z);

static void
line_span(struct source *s, size_t k, size_t *a, size_t *z)
{
	size_t i;

	if (s->la == NULL) {
		s->la = xreallocarray(NULL, s->nlines, sizeof(size_t));
		s->lz = xreallocarray(NULL, s->nlines, sizeof(size_t));
		for (i = 0; i < s->nlines; i++)
			line_span0(s, i, &s->la[i], &s->lz[i]);
	}
	*a = s->la[k];
	*z = s->lz[k];
}

static void
line_span0(const struct source *s, size_t k, size_t *a, size_t *z)
{
	size_t ls = s->lines[k], le, i, n;
	int32_t c;

	le = k + 1 < s->nlines ? s->lines[k + 1] - 1 : s->len;
	if (k == 0 && s->len >= 3 && memcmp(s->p, "\xef\xbb\xbf", 3) == 0)
		ls = 3;
	if (k + 1 < s->nlines && le > ls && s->p[le - 1] == '\r')
		le--;
	*a = *z = ls;
	for (i = ls; i < le; i += n) {
		c = u8_decode(s->p + i, le - i, &n);
		if (c == U8_BAD || !u8_isspace(c)) {
			if (*a == *z)
				*a = i;
			*z = i + n;
		}
	}
	if (*z == ls)
		*a = *z = ls;
}

static void
check_cover(struct source *s, const char *kind, size_t kindlen,
    size_t start, size_t end)
{
	size_t k, a, z, i;

	k = line_of(s, start);
	line_span(s, k, &a, &z);
	if (start < a || end > z || start == end) {
		problem("%.*s %zu-%zu is not inside line %zu's text %zu-%zu",
		    (int)kindlen, kind, start, end, k + 1, a, z);
		return;
	}
	if (in_list(lkinds, kind, kindlen))
		s->per_line[k]++;
	if (in_list(wkinds, kind, kindlen)) {
		size_t n;
		int32_t c;

		c = u8_decode(s->p + start, end - start, &n);
		if (c != U8_BAD && u8_isspace(c))
			problem("%.*s %zu-%zu starts with White_Space",
			    (int)kindlen, kind, start, end);
		n = u8_prevlen(s->p + start, end - start);
		c = u8_decode(s->p + end - n, n, &n);
		if (c != U8_BAD && u8_isspace(c))
			problem("%.*s %zu-%zu ends with White_Space",
			    (int)kindlen, kind, start, end);
		if (start < s->wend)
			problem("%.*s %zu-%zu starts before the end %zu of "
			    "the one before", (int)kindlen, kind, start, end,
			    s->wend);
		s->wend = end;
		for (i = start; i < end; i++)
			s->cover[i]++;
	}
}

/* At the end of a document: every line and byte covered as asked. */
static void
check_doc_done(struct source *s)
{
	size_t k, a, z, i, n;
	int32_t c;

	if (s == NULL || s->done)
		return;
	s->done = 1;
	for (k = 0; k < s->nlines; k++) {
		line_span(s, k, &a, &z);
		if (lkinds && a < z && s->per_line[k] != 1)
			problem("%s: line %zu has %u records of %s, not one",
			    s->name, k + 1, s->per_line[k], lkinds);
		if (lkinds && a == z && s->per_line[k] != 0)
			problem("%s: blank line %zu has a record", s->name,
			    k + 1);
		if (!wkinds)
			continue;
		for (i = a; i < z; i += n) {
			c = u8_decode(s->p + i, z - i, &n);
			if (s->cover[i] > 1 || (s->cover[i] == 0 &&
			    (c == U8_BAD || !u8_isspace(c)))) {
				problem("%s: byte %zu (line %zu) is in %u "
				    "records of %s", s->name, i, k + 1,
				    s->cover[i], wkinds);
				break;
			}
		}
	}
}

static void
load_raw_stream(const char *path)
{
	FILE *fp;
	char *line = NULL;
	ssize_t len;
	size_t cap = 0, n, i;
	char *f[6];
	struct buf d = BUF_INIT, t = BUF_INIT;

	if ((fp = fopen(path, "r")) == NULL)
		err(2, "%s", path);
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		f[0] = line;
		for (i = 1, n = 0; i < 6; i++) {
			if ((f[i] = strchr(f[i - 1], '\t')) == NULL)
				break;
			*f[i]++ = '\0';
		}
		if (i < 6 || strcmp(f[1], "raw") != 0)
			continue;
		if (unescape(&d, f[0], strlen(f[0])) < 0 ||
		    unescape(&t, f[5], (size_t)(line + len - f[5])) < 0)
			continue;
		add_source(d.p, d.len, xmemdup(t.p, t.len), t.len);
		(void)n;
	}
	free(line);
	fclose(fp);
	buf_free(&d);
	buf_free(&t);
}

/*
 * Documents already finished, to tell that one comes back: a hash set of
 * their names, so that a stream of a million tiny documents stays linear.
 */
static char **done_name;
static size_t *done_len, done_cap, done_n;

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

/* Add name; returns 1 if it was there already. */
static int
done_add(const char *name, size_t n)
{
	size_t i, k, oldcap;
	char **on;
	size_t *ol;

	if (2 * (done_n + 1) > done_cap) {
		oldcap = done_cap;
		on = done_name;
		ol = done_len;
		done_cap = done_cap ? 2 * done_cap : 1024;
		done_name = xcalloc(done_cap, sizeof(*done_name));
		done_len = xcalloc(done_cap, sizeof(*done_len));
		done_n = 0;
		for (i = 0; i < oldcap; i++)
			if (on[i] != NULL) {
				k = hash(on[i], ol[i]) & (done_cap - 1);
				while (done_name[k] != NULL)
					k = (k + 1) & (done_cap - 1);
				done_name[k] = on[i];
				done_len[k] = ol[i];
				done_n++;
			}
		free(on);
		free(ol);
	}
	k = hash(name, n) & (done_cap - 1);
	while (done_name[k] != NULL) {
		if (done_len[k] == n && memcmp(done_name[k], name, n) == 0)
			return 1;
		k = (k + 1) & (done_cap - 1);
	}
	done_name[k] = xmemdup(name, n);
	done_len[k] = n;
	done_n++;
	return 0;
}

static int unescape(struct buf *b, const char *s, size_t n);

static void
load_input(const char *path)
{
	FILE *fp;
	char *line = NULL, *f[6];
	ssize_t len;
	size_t cap = 0, i;
	struct inline_ *l;
	struct buf d = BUF_INIT, t = BUF_INIT;

	if ((fp = fopen(path, "r")) == NULL)
		err(2, "%s", path);
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			len--;
		if ((nin & (nin - 1)) == 0)	/* at powers of two */
			in = xreallocarray(in, nin ? 2 * nin : 1, sizeof(*in));
		l = &in[nin++];
		memset(l, 0, sizeof(*l));
		l->p = xmemdup(line, (size_t)len);
		l->len = (size_t)len;
		l->pass = 1;
		line[len] = '\0';
		f[0] = line;
		for (i = 1; i < 6; i++) {
			if ((f[i] = memchr(f[i - 1], '\t',
			    (size_t)(line + len - f[i - 1]))) == NULL)
				break;
			*f[i]++ = '\0';
		}
		if (i < 6 || memchr(f[5], '\t', (size_t)(line + len - f[5])) ||
		    f[0][0] == '\0')
			continue;	/* malformed: passed through */
		if (in_list(okinds, f[1], strlen(f[1])))
			l->pass = 0;
		/* a raw record is consumed, unless malformed */
		if (strcmp(f[1], "raw") == 0 && strcmp(f[2], "0") == 0 &&
		    unescape(&t, f[5], (size_t)(line + len - f[5])) == 0 &&
		    number(f[3], strlen(f[3]), &l->end) && l->end == t.len)
			l->pass = 0;
		if (in_list(ckinds, f[1], strlen(f[1])) &&
		    number(f[2], strlen(f[2]), &l->start) &&
		    number(f[3], strlen(f[3]), &l->end) && l->start <= l->end &&
		    unescape(&d, f[0], strlen(f[0])) == 0 &&
		    unescape(&t, f[5], (size_t)(line + len - f[5])) == 0 &&
		    t.len == l->end - l->start) {
			l->pass = 0;
			l->doc = xmemdup(d.p, d.len);
			l->doclen = d.len;
			l->text = xmemdup(t.p, t.len);
			l->textlen = t.len;
		}
	}
	free(line);
	fclose(fp);
	buf_free(&d);
	buf_free(&t);
}

/* Next input line that must come out, from ip on. */
static void
skip_input(void)
{
	while (ip < nin && !in[ip].pass)
		ip++;
}

/* Is output line l one of the input's, in order?  Else must it be made? */
static void
match_input(const char *l, size_t len)
{
	const char *t1, *t2;

	skip_input();
	if (ip < nin && in[ip].len == len && memcmp(in[ip].p, l, len) == 0) {
		ip++;
		return;
	}
	t1 = memchr(l, '\t', len);
	t2 = t1 ? memchr(t1 + 1, '\t', len - (size_t)(t1 + 1 - l)) : NULL;
	if (t2 == NULL || !(in_list(okinds, t1 + 1, (size_t)(t2 - t1 - 1)) ||
	    is(t1 + 1, (size_t)(t2 - t1 - 1), "doc") ||
	    is(t1 + 1, (size_t)(t2 - t1 - 1), "para")))
		problem("line is neither the next input line (%zu) nor a "
		    "record the tool makes", ip + 1);
}

/* Each consumed record is covered by records of own kinds. */
static void
check_consumed(void)
{
	size_t i, j, k, n, j0 = 0;
	unsigned char *cov;
	int32_t c;

	for (i = 0; i < nin; i++) {
		if (in[i].doc == NULL)
			continue;
		cov = xcalloc(in[i].textlen + 1, 1);
		for (j = j0; j < nmade; j++) {
			if (made[j].doclen != in[i].doclen || memcmp(made[j].doc,
			    in[i].doc, in[i].doclen) != 0 ||
			    made[j].end <= in[i].start ||
			    made[j].start >= in[i].end)
				continue;
			for (k = made[j].start; k < made[j].end; k++)
				if (k >= in[i].start && k < in[i].end)
					cov[k - in[i].start] = 1;
		}
		for (k = 0; k < in[i].textlen; k += n) {
			c = u8_decode(in[i].text + k, in[i].textlen - k, &n);
			if (!cov[k] && (c == U8_BAD || !u8_isspace(c))) {
				problem("input line %zu (%.*s %zu-%zu): byte "
				    "%zu is in no record of %s", i + 1,
				    (int)in[i].doclen, in[i].doc, in[i].start,
				    in[i].end, in[i].start + k, okinds);
				break;
			}
		}
		free(cov);
	}
}

static void
usage(void)
{
	fprintf(stderr, "usage: nu-check [-u] [-m N] [-l kinds] [-w kinds] "
	    "[-r rawstream] [-i input -o kinds [-c kinds]] stream "
	    "[[doc=]source ...]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	FILE *fp;
	struct source *cur = NULL;
	struct buf d = BUF_INIT, t = BUF_INIT, prev = BUF_INIT;
	char *line = NULL, *eq, *f[6];
	ssize_t len;
	size_t cap = 0, expect_malformed = 0, start, end, doclen = 0, i;
	int ch, unknown_ok = 0, havedoclen = 0, first = 1, newdoc;
	const char *inpath = NULL;
	const char *why;

	while ((ch = getopt(argc, argv, "c:i:l:m:o:r:uw:")) != -1) {
		switch (ch) {
		case 'c': ckinds = optarg; break;
		case 'i': inpath = optarg; break;
		case 'o': okinds = optarg; break;
		case 'l': lkinds = optarg; break;
		case 'm': expect_malformed = strtoul(optarg, NULL, 10); break;
		case 'r': load_raw_stream(optarg); break;
		case 'u': unknown_ok = 1; break;
		case 'w': wkinds = optarg; break;
		default: usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || (inpath != NULL && okinds == NULL))
		usage();
	if (inpath != NULL)
		load_input(inpath);
	streamname = argv[0];
	for (i = 1; i < (size_t)argc; i++) {
		size_t n;
		char *p;

		if ((eq = strchr(argv[i], '=')) != NULL) {
			p = slurp(eq + 1, &n);
			add_source(argv[i], (size_t)(eq - argv[i]), p, n);
		} else {
			p = slurp(argv[i], &n);
			add_source(argv[i], strlen(argv[i]), p, n);
		}
	}
	if (lkinds || wkinds)	/* -r sources were loaded before -l/-w */
		for (i = 0; i < nsrc; i++) {
			if (wkinds && !src[i].cover)
				src[i].cover = xcalloc(src[i].len + 1,
				    sizeof(unsigned));
			if (lkinds && !src[i].per_line)
				src[i].per_line = xcalloc(src[i].nlines,
				    sizeof(unsigned));
		}

	if (strcmp(streamname, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(streamname, "r")) == NULL)
		err(2, "%s", streamname);
	while ((len = getline(&line, &cap, fp)) > 0) {
		lineno++;
		if (line[len - 1] != '\n') {
			problem("last line has no LF");
		} else
			line[--len] = '\0';
		if (in != NULL)
			match_input(line, (size_t)len);
		/* six columns, split at TABs */
		f[0] = line;
		for (i = 1; i < 6; i++) {
			if ((f[i] = memchr(f[i - 1], '\t',
			    (size_t)(line + len - f[i - 1]))) == NULL)
				break;
			*f[i]++ = '\0';
		}
		why = NULL;
		if (i < 6)
			why = "fewer than six columns";
		else if (memchr(f[5], '\t', (size_t)(line + len - f[5])))
			why = "more than six columns";
		else if (f[1] == f[0] + 1)
			why = "empty DOC";
		else if (!name_ok(f[1], strlen(f[1])))
			why = "bad KIND";
		else if (!number(f[2], strlen(f[2]), &start) ||
		    !number(f[3], strlen(f[3]), &end))
			why = "bad START or END";
		else if (start > end)
			why = "START after END";
		else if (unescape(&d, f[0], strlen(f[0])) < 0 ||
		    unescape(&t, f[5], (size_t)(line + len - f[5])) < 0)
			why = "bad escape";
		else if (!attrs_ok(f[4]))
			why = "bad ATTRS";
		else if (strcmp(f[1], "raw") == 0 && (start != 0 ||
		    end != t.len))
			why = "raw record's START and END are not 0 and its "
			    "text's length";
		else if (strcmp(f[1], "doc") != 0 && havedoclen && !first &&
		    d.len == prev.len && memcmp(d.p, prev.p, d.len) == 0 &&
		    end > doclen)
			why = "END past the document's END";
		if (why != NULL) {
			nmalformed++;
			if (nmalformed > expect_malformed)
				problem("malformed: %s", why);
			continue;
		}
		/* documents: contiguous, doc record first */
		newdoc = first || d.len != prev.len ||
		    memcmp(d.p, prev.p, d.len) != 0;
		if (newdoc || strcmp(f[1], "doc") == 0) {
			check_doc_done(cur);
			if (newdoc && done_add(d.p, d.len))
				problem("document '%.*s' comes back after "
				    "another one", (int)d.len, d.p);
			buf_reset(&prev);
			buf_add(&prev, d.p, d.len);
			cur = find_source(d.p, d.len);
			if (cur == NULL && !unknown_ok)
				problem("no source for document '%.*s'",
				    (int)d.len, d.p);
			if (cur != NULL)
				cur->seen = 1;
			havedoclen = 0;
			first = 0;
			if (cur != NULL) {
				doclen = cur->len;
				havedoclen = 1;
			}
		}
		if (strcmp(f[1], "doc") == 0) {
			if (start != 0 || t.len != 0)
				problem("doc record with START %zu or TEXT",
				    start);
			if (cur != NULL && end != cur->len)
				problem("doc record END %zu, document is %zu "
				    "bytes", end, cur->len);
			if (cur == NULL) {
				doclen = end;
				havedoclen = 1;
			}
		}
		if (havedoclen && end > doclen)
			problem("END %zu past the document's END %zu", end,
			    doclen);
		check_attrs(f[1], strlen(f[1]), f[4], strlen(f[4]), start, cur);
		if (ckinds && in_list(okinds, f[1], strlen(f[1]))) {
			if ((nmade & (nmade - 1)) == 0)
				made = xreallocarray(made, nmade ? 2 * nmade :
				    1, sizeof(*made));
			made[nmade].doc = xmemdup(d.p, d.len);
			made[nmade].doclen = d.len;
			made[nmade].start = start;
			made[nmade].end = end;
			nmade++;
		}
		if (cur != NULL && end <= cur->len) {
			if (strcmp(f[1], "doc") != 0)
				check_text(cur, start, end, t.p, t.len);
			if (in_list(lkinds, f[1], strlen(f[1])) ||
			    in_list(wkinds, f[1], strlen(f[1])))
				check_cover(cur, f[1], strlen(f[1]), start, end);
		}
	}
	if (ferror(fp))
		err(2, "%s", streamname);
	check_doc_done(cur);
	lineno = 0;
	if (in != NULL) {
		skip_input();
		if (ip < nin)
			problem("input line %zu is lost: %.*s", ip + 1,
			    (int)(in[ip].len > 60 ? 60 : in[ip].len), in[ip].p);
		check_consumed();
	}
	if (nmalformed != expect_malformed)
		problem("%zu malformed lines, expected %zu", nmalformed,
		    expect_malformed);
	for (i = 0; i < nsrc; i++)
		if (!src[i].seen && (lkinds || wkinds))
			problem("source %s has no records", src[i].name);
	if (nproblems > MAXPROBLEMS)
		fprintf(stderr, "nu-check: %s: %zu problems in all\n",
		    streamname, nproblems);
	/* freed so that sanitizer runs of the tests see no leaks */
	free(line);
	buf_free(&d);
	buf_free(&t);
	buf_free(&prev);
	return nproblems > 0;
}
