/*
 * fuzz_rec: the record codec on arbitrary bytes (rec.h).
 *
 *   - rec_parse() on the input as one line: a record it accepts keeps every
 *     invariant of rec.h, and formatting it again gives a line that parses
 *     to the same record (TEXT and DOC up to the '?' replacement);
 *   - rec_escape() then rec_unescape() gives the bytes back, except that
 *     bytes that are not clean UTF-8 come back as '?', one for one; the
 *     escaped form holds no TAB, LF or CR and is clean UTF-8;
 *   - rec_unescape() fails exactly on a backslash sequence the format
 *     does not have;
 *   - attr_put() makes a list that a record accepts, and rec_attr() finds
 *     the value again at its full length;
 *   - rec_format_json() and rec_json_string() write valid JSON.
 */
#include "fuzz.h"
#include "rec.h"

/* Our own reading of the escape rules, to compare rec_unescape() with. */
static int
escapes_ok(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\\' && (i + 1 == n || strchr("\\tnr", s[++i]) == NULL ||
		    s[i] == '\0'))
			return 0;
	return 1;
}

static void
check_parse(const char *line, size_t len)
{
	struct rec r, r2;
	struct buf out = BUF_INIT, js = BUF_INIT;
	char *scratch = malloc(len + 3), *scratch2;
	const char *why;

	why = rec_parse(&r, line, len, scratch);
	if (why != NULL) {
		FZ_CHECK(r.flags & REC_MALFORMED);
		FZ_CHECK(r.line == line && r.linelen == len);
		FZ_CHECK(*why != '\0');
		free(scratch);
		return;
	}
	FZ_CHECK(r.flags == 0);
	FZ_CHECK(r.doclen > 0);
	FZ_CHECK(rec_valid_kind(r.kind, strlen(r.kind)));
	FZ_CHECK(r.start <= r.end);
	FZ_CHECK(r.attrslen > 0);
	/* rec.h: a reader checks keys, not values (newsutils(7)), so a
	 * value read may hold CR or backslash; never a TAB */
	FZ_CHECK(memchr(r.attrs, '\t', r.attrslen) == NULL);

	/* format and parse again */
	rec_format(&out, &r);
	FZ_CHECK(out.len > 0 && out.p[out.len - 1] == '\n');
	FZ_CHECK(memchr(out.p, '\n', out.len - 1) == NULL);
	scratch2 = malloc(out.len + 3);
	FZ_CHECK(rec_parse(&r2, out.p, out.len - 1, scratch2) == NULL);
	FZ_CHECK(strcmp(r.kind, r2.kind) == 0);
	FZ_CHECK(r.start == r2.start && r.end == r2.end);
	FZ_CHECK(r.attrslen == r2.attrslen &&
	    memcmp(r.attrs, r2.attrs, r.attrslen) == 0);
	FZ_CHECK(same_but_replaced(r.doc, r.doclen, r2.doc, r2.doclen));
	FZ_CHECK(same_but_replaced(r.text, r.textlen, r2.text, r2.textlen));
	/* a clean record formats back to exactly the line it came from */
	if (fz_clean(line, len) && memchr(line, '\r', len) == NULL)
		FZ_CHECK(out.len - 1 == len && memcmp(out.p, line, len) == 0);

	rec_format_json(&js, &r);
	FZ_CHECK(js.len > 0 && js.p[js.len - 1] == '\n');
	FZ_CHECK(fz_json_line(js.p, js.len - 1));
	free(scratch2);
	buf_free(&out);
	buf_free(&js);
	free(scratch);
}

static void
check_escape(const char *s, size_t n)
{
	struct buf e = BUF_INIT, u = BUF_INIT, j = BUF_INIT;

	rec_escape(&e, s, n);
	FZ_CHECK(e.len >= n);
	FZ_CHECK(fz_clean(e.p ? e.p : "", e.len));
	FZ_CHECK(e.len == 0 || memchr(e.p, '\t', e.len) == NULL);
	FZ_CHECK(e.len == 0 || memchr(e.p, '\n', e.len) == NULL);
	FZ_CHECK(escapes_ok(e.p ? e.p : "", e.len));
	FZ_CHECK(rec_unescape(&u, e.p ? e.p : "", e.len) == 0);
	FZ_CHECK(same_but_replaced(s, n, u.p ? u.p : "", u.len));
	if (fz_clean(s, n) || (u8_cleanlen(s, n) == n))
		FZ_CHECK(u.len == n && (n == 0 || memcmp(u.p, s, n) == 0));

	/* rec_unescape() on the raw bytes fails exactly when we say */
	buf_reset(&u);
	FZ_CHECK((rec_unescape(&u, s, n) == 0) == escapes_ok(s, n));

	rec_json_string(&j, s, n);
	FZ_CHECK(j.len >= 2 && j.p[0] == '"' && j.p[j.len - 1] == '"');
	FZ_CHECK(fz_json_str(j.p, j.p + j.len) == j.p + j.len);
	FZ_CHECK(fz_clean(j.p, j.len));
	buf_free(&e);
	buf_free(&u);
	buf_free(&j);
}

static void
check_attrs(const char *s, size_t n)
{
	struct buf a = BUF_INIT, line = BUF_INIT;
	struct rec r;
	const char *v;
	size_t vlen, half = n / 2;
	char *scratch;

	attr_put(&a, "k", s, half);
	attr_put(&a, "empty", NULL, 0);
	attr_put(&a, "k2", s + half, n - half);
	attr_putu(&a, "n", n);
	buf_adds(&line, "d\tx\t0\t0\t");
	buf_add(&line, a.p, a.len);
	buf_adds(&line, "\t");
	scratch = malloc(line.len + 3);
	FZ_CHECK(rec_parse(&r, line.p, line.len, scratch) == NULL);
	FZ_CHECK(rec_attr(&r, "k", &v, &vlen) == 1);
	FZ_CHECK(vlen == half);
	FZ_CHECK(rec_attr(&r, "empty", &v, &vlen) == 1 && vlen == 0);
	FZ_CHECK(rec_attr(&r, "k2", &v, &vlen) == 1 && vlen == n - half);
	FZ_CHECK(rec_attr_size(&r, "n", (size_t)-1) == n);
	FZ_CHECK(rec_attr(&r, "absent", &v, &vlen) == 0);
	free(scratch);
	buf_reset(&a);
	attr_end(&a);
	FZ_CHECK(a.len == 1 && a.p[0] == '_');
	buf_free(&a);
	buf_free(&line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	const char *nl = memchr(s, '\n', size);
	char *copy = malloc(size ? size : 1);	/* exact: ASan sees overreads */

	memcpy(copy, s, size);
	check_parse(copy, nl ? (size_t)(nl - s) : size);
	check_escape(copy, size);
	check_attrs(copy, size);
	free(copy);
	return 0;
}
