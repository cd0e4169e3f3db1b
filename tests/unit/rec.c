/*
 * The record codec: escapes both ways, every malformed-line rule,
 * attributes, JSON, and the paragraph rules for raw text.
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "arena.h"
#include "buf.h"
#include "doc.h"
#include "rec.h"
#include "u8.h"
#include "unit.h"

static const char *
parse(const char *line, struct rec *r)
{
	static char scratch[4096];

	return rec_parse(r, line, strlen(line), scratch);
}

static void
test_escape_roundtrip(void)
{
	struct buf e = BUF_INIT, u = BUF_INIT;
	char s[64];
	size_t i, n, k, ok = 0, same = 0;
	unsigned seed = 12345;

	for (i = 0; i < 20000; i++) {
		n = (seed = seed * 1103515245 + 12345) % sizeof(s);
		for (k = 0; k < n; k++) {
			seed = seed * 1103515245 + 12345;
			/* bias towards the bytes that matter */
			s[k] = "\\\t\n\rab\x01\0\xc3\xa9\xe2\x80\x9c\xff"
			    [(seed >> 16) % 15];
			if ((seed >> 8) % 4 == 0)
				s[k] = (char)(seed >> 20);
		}
		buf_reset(&e);
		buf_reset(&u);
		rec_escape(&e, s, n);
		/* an escaped field never holds a raw TAB, LF or CR */
		if (e.len && (memchr(e.p, '\t', e.len) ||
		    memchr(e.p, '\n', e.len) || memchr(e.p, '\r', e.len)))
			continue;
		if (rec_unescape(&u, e.p ? e.p : "", e.len) < 0 || u.len != n)
			continue;
		for (k = 0; k < n; k++)
			if (u.p[k] != s[k] && u.p[k] != '?')
				break;
		if (k < n)
			continue;
		ok++;
		/* unchanged exactly when the input was clean */
		same += (u8_cleanlen(s, n) == n) == (memcmp(u.p, s, n) == 0);
	}
	CHECK(ok == 20000);
	CHECK(same == 20000);
	buf_free(&e);
	buf_free(&u);
}

static void
test_valid(void)
{
	struct rec r;

	CHECK(parse("a.txt\tsent\t10\t25\tline=3|role=\tHello\\tworld\\\\", &r) == NULL);
	CHECK_MEM(r.doc, r.doclen, "a.txt");
	CHECK(strcmp(r.kind, "sent") == 0);
	CHECK(r.start == 10 && r.end == 25);
	CHECK_MEM(r.attrs, r.attrslen, "line=3|role=");
	CHECK_MEM(r.text, r.textlen, "Hello\tworld\\");
	CHECK(rec_attr_size(&r, "line", 0) == 3);
	{
		const char *v;
		size_t n;

		CHECK(rec_attr(&r, "role", &v, &n) == 1 && n == 0);
		CHECK(rec_attr(&r, "rol", &v, &n) == 0);
		CHECK(rec_attr(&r, "line", &v, &n) == 1 && n == 1 && *v == '3');
	}
	CHECK(parse("-\tdoc\t0\t0\tv=1\t", &r) == NULL && r.textlen == 0);
	CHECK(parse("d\tx_1\t0\t0\t_\t", &r) == NULL);
	CHECK(parse("d\tk\t7\t7\tnew_key=any value: even = signs\tt", &r) == NULL);
	CHECK(parse("d\tk\t0\t1\tstare=1|attrx=|texts=|kin=|tex=|en=\tt",
	    &r) == NULL);		/* near the column names */
	CHECK(parse("d\\nx\tk\t0\t1\t_\t\\r\\n", &r) == NULL);
	CHECK_MEM(r.doc, r.doclen, "d\nx");
	CHECK_MEM(r.text, r.textlen, "\r\n");
}

static void
test_malformed(void)
{
	static const char *const bad[] = {
		"",
		"only\tfour\t0\t1",
		"d\tk\t0\t1\t_",			/* five columns */
		"d\tk\t0\t1\t_\tx\ty",			/* seven */
		"\tk\t0\t1\t_\tx",			/* empty DOC */
		"d\t\t0\t1\t_\tx",			/* empty KIND */
		"d\tSent\t0\t1\t_\tx",
		"d\t1k\t0\t1\t_\tx",
		"d\tk-k\t0\t1\t_\tx",
		"d\tk\t-1\t1\t_\tx",
		"d\tk\t+1\t1\t_\tx",
		"d\tk\t01\t1\t_\tx",			/* leading zero */
		"d\tk\t\t1\t_\tx",
		"d\tk\t0\t1a\t_\tx",
		"d\tk\t0\t99999999999999999999999\t_\tx",	/* overflow */
		"d\tk\t5\t4\t_\tx",			/* START after END */
		"d\tk\t0\t1\t\tx",			/* empty ATTRS */
		"d\tk\t0\t1\tnovalue\tx",
		"d\tk\t0\t1\tBad=1\tx",
		"d\tk\t0\t1\ta=1||b=2\tx",
		"d\tk\t0\t1\tstart=1\tx",		/* reserved key */
		"d\tk\t0\t1\ttext=1\tx",
		"d\tk\t0\t1\tline=1|kind=\tx",
		"d\tk\t0\t1\tattrs=\tx",
		"d\tk\t0\t1\tend=2\tx",
		"d\tk\t0\t1\tdoc=2\tx",
		"d\tk\t0\t1\t_|a=1\tx",
		"d\tk\t0\t1\t_\tbad \\x escape",
		"d\tk\t0\t1\t_\ttrailing \\",
		"d\\q\tk\t0\t1\t_\tx",
	};
	struct rec r;
	size_t i, nok = 0;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *why = parse(bad[i], &r);

		if (why != NULL && (r.flags & REC_MALFORMED) &&
		    r.line != NULL && r.linelen == strlen(bad[i]))
			nok++;
		else
			fprintf(stderr, "accepted: %s\n", bad[i]);
	}
	CHECK(nok == sizeof(bad) / sizeof(bad[0]));
}

static void
test_attrs_and_json(void)
{
	struct buf b = BUF_INIT, j = BUF_INIT;
	struct rec r;

	attr_put(&b, "speaker", "A|B\tC\\D\n\xff", 9);
	attr_put(&b, "cue", NULL, 0);
	attr_putu(&b, "line", 12);
	CHECK_MEM(b.p, b.len, "speaker=A B C D ?|cue=|line=12");
	buf_reset(&b);
	attr_end(&b);
	CHECK_MEM(b.p, b.len, "_");

	CHECK(parse("d\"\tquote\t1\t2\tline=|speaker=X|speaker_start=5|speaker_end=\t\"q\"", &r) == NULL);
	rec_format_json(&j, &r);
	CHECK_MEM(j.p, j.len, "{\"doc\":\"d\\\"\",\"kind\":\"quote\",\"start\":1,"
	    "\"end\":2,\"line\":null,\"speaker\":\"X\",\"speaker_start\":5,"
	    "\"speaker_end\":null,\"text\":\"\\\"q\\\"\"}\n");
	buf_reset(&j);
	rec_format(&j, &r);
	CHECK_MEM(j.p, j.len, "d\"\tquote\t1\t2\tline=|speaker=X|speaker_start=5|speaker_end=\t\"q\"\n");

	/* taking keys over: whole when they are just those, else key by key */
	{
		static const char *const lr[] = { "line", "role", NULL };
		static const struct { const char *in, *out; } take[] = {
			{ "line=3|role=title", "line=3|role=title" },
			{ "role=x|line=3", "line=3|role=x" },
			{ "line=3", "line=3|role=" },
			{ "line=3|role=|type=PER", "line=3|role=" },
			{ "line=a\\b|role=", "line=a b|role=" },
			{ "lines=1|role=", "line=|role=" },
			{ "_", "line=|role=" },
		};
		size_t i;

		for (i = 0; i < sizeof(take) / sizeof(take[0]); i++) {
			memset(&r, 0, sizeof(r));
			r.attrs = take[i].in;
			r.attrslen = strlen(take[i].in);
			buf_reset(&b);
			attr_take(&b, &r, lr);
			CHECK_MEM(b.p, b.len, take[i].out);
		}
		buf_reset(&b);
		attr_putu(&b, "k", 1);
		attr_copy(&b, &r, "line");
		CHECK_MEM(b.p, b.len, "k=1|line=");
	}
	buf_free(&b);
	buf_free(&j);
}

/* What attr_put() writes for a value, one byte at a time as rec.h says:
 * TAB LF CR | and backslash a space, what is not clean UTF-8 a '?'. */
static void
value_ref(struct buf *b, const char *s, size_t n)
{
	size_t i = 0, len;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c == '\t' || c == '\n' || c == '\r' || c == '|' || c == '\\') {
			buf_addc(b, ' ');
			i++;
		} else if (c < 0x20 || (c >= 0x80 &&
		    u8_decode(s + i, n - i, &len) == U8_BAD)) {
			buf_addc(b, '?');
			i++;
		} else if (c < 0x80) {
			buf_addc(b, (char)c);
			i++;
		} else {
			buf_add(b, s + i, len);
			i += len;
		}
	}
}

/* Values of every length around the eight-byte steps, from plain ASCII
 * with a rare odd byte to mostly odd bytes, against the rule above. */
static void
test_attr_values(void)
{
	static const char *const pieces[] = { "a", "Z", " ", "~", "\x7f", "|",
	    "\\", "\t", "\n", "\r", "\x01", "\xc3\xa9", "\xe2\x80\x99", "\xf0\x9f\x98\x80",
	    "\xff", "\xc3", "\xe2\x80", "\xed\xa0\x80", "=", "\0" };
	struct buf got = BUF_INIT, want = BUF_INIT;
	char s[80];
	size_t i, n, k, bad = 0;
	unsigned seed = 7;

	for (i = 0; i < 20000; i++) {
		size_t odd = i % 4;	/* 1 in 2^(4 - odd) pieces is odd */

		for (n = 0; n < 40;) {
			const char *p;
			seed = seed * 1103515245u + 12345u;
			k = (seed >> 16) % 64;
			p = k < (64u >> odd) * 3 / 4 || odd == 0 ? pieces[k % 4] :
			    pieces[k % (sizeof(pieces) / sizeof(pieces[0]))];
			if (n + strlen(p) + (*p == '\0') > 40)
				break;
			memcpy(s + n, p, strlen(p) + (*p == '\0'));
			n += strlen(p) + (*p == '\0');
			if ((seed >> 8) % 41 == 0)
				break;
		}
		buf_reset(&got);
		buf_reset(&want);
		buf_adds(&got, "k=1");
		attr_put(&got, "speaker", s, n);
		buf_adds(&want, "k=1|speaker=");
		value_ref(&want, s, n);
		if (got.len != want.len || memcmp(got.p, want.p, got.len) != 0 ||
		    got.p[got.len] != '\0')
			bad++;
	}
	CHECK(bad == 0);
	buf_free(&got);
	buf_free(&want);
}

/* Paragraph spans of raw text, as "start-end:line" joined by spaces. */
static void
paras(const char *src, size_t len, struct buf *got)
{
	struct arena ar = ARENA_INIT;
	struct rec *r = NULL;
	size_t n = 0, cap = 0, i;

	buf_reset(got);
	doc_paragraphs("d", 1, src, len, &r, &n, &cap, &ar);
	for (i = 0; i < n; i++) {
		CHECK(r[i].text == src + r[i].start);
		buf_addf(got, "%s%zu-%zu:%zu", i ? " " : "", r[i].start,
		    r[i].end, rec_attr_size(&r[i], "line", 0));
	}
	free(r);
	ar_free(&ar);
}

#define PARAS(s, want) do {						\
	paras(s, sizeof(s) - 1, &got);					\
	CHECK(got.len == strlen(want) && memcmp(got.p ? got.p : "", want, got.len) == 0); \
	if (got.len != strlen(want) || memcmp(got.p ? got.p : "", want, got.len)) \
		fprintf(stderr, "  got \"%s\" want \"%s\"\n", got.p ? got.p : "", want); \
} while (0)

static void
test_paragraphs(void)
{
	struct buf got = BUF_INIT;

	PARAS("", "");
	PARAS("a", "0-1:1");				/* no final LF */
	PARAS("a\nb\n", "0-1:1 2-3:2");
	PARAS("a\r\nb\r\n", "0-1:1 3-4:2");		/* CRLF */
	PARAS("a\rb\n", "0-3:1");			/* lone CR is not an end */
	PARAS("  a b \t\n", "2-5:1");			/* trimmed */
	PARAS("\n \n\t\nx", "5-6:4");			/* blank lines make none */
	PARAS("\xc2\xa0x\xc2\xa0\n", "2-3:1");		/* NBSP is white space */
	PARAS("\xe2\x80\x83\n", "");			/* EM SPACE only */
	PARAS("\xef\xbb\xbfHead\n", "3-7:1");		/* BOM belongs to no span */
	PARAS("x\xef\xbb\xbf\n", "0-4:1");		/* only at the start */
	PARAS("\xff\n\x00z\n", "0-1:1 2-4:2");		/* bad bytes are text */
	PARAS("a\r", "0-1:1");				/* a lone CR is white space */
	buf_free(&got);
}

static void
test_u8(void)
{
	size_t len;

	CHECK(u8_decode("\xc0\xaf", 2, &len) == U8_BAD && len == 1);	/* overlong */
	CHECK(u8_decode("\xe0\x80\xaf", 3, &len) == U8_BAD && len == 1);
	CHECK(u8_decode("\xed\xa0\x80", 3, &len) == U8_BAD);	/* surrogate */
	CHECK(u8_decode("\xf4\x90\x80\x80", 4, &len) == U8_BAD);	/* > U+10FFFF */
	CHECK(u8_decode("\xe2\x80", 2, &len) == U8_BAD && len == 1);	/* truncated */
	CHECK(u8_decode("\xe2\x80\x9c", 3, &len) == 0x201c && len == 3);
	CHECK(u8_decode("\xf0\x9f\x98\x80", 4, &len) == 0x1f600 && len == 4);
	CHECK(u8_validlen("ab\xff", 3) == 2);
	CHECK(u8_cleanlen("a\tb\x01", 4) == 3);
	CHECK(u8_cleanlen("a\x7f", 2) == 2);
	CHECK(u8_prevlen("a\xe2\x80\x9c", 4) == 3);
	CHECK(u8_prevlen("a\x80", 2) == 1);
	CHECK(u8_isspace(0xa0) && u8_isspace(0x2009) && !u8_isspace(0x200b));
	{
		/* the skips agree with u8_isspace() on every character,
		 * at both ends (rskipspace rejects some by last byte) */
		char t[8];
		int32_t c;
		size_t k, bad = 0;

		for (c = 1; c < 0x110000; c++) {
			if (c >= 0xd800 && c < 0xe000)
				continue;
			k = u8_encode(c, t + 1);
			t[0] = t[k + 1] = 'x';
			bad += u8_skipspace(t + 1, k + 1) !=
			    (u8_isspace(c) ? k : 0);
			bad += u8_rskipspace(t, k + 1) !=
			    (u8_isspace(c) ? k : 0);
		}
		CHECK(bad == 0);
		CHECK(u8_rskipspace("a\xa0", 2) == 0);	/* a stray byte */
		CHECK(u8_skipspace(" \xc2\xa0\xe3\x80\x80" "b", 7) == 6);
	}
	{
		/* u8_ispunct's ASCII table against utf8proc's categories */
		int32_t c;
		int bad = 0;

		for (c = 0; c < 0x80; c++) {
			utf8proc_category_t k = utf8proc_category(c);

			bad += u8_ispunct(c) != (k >= UTF8PROC_CATEGORY_PC &&
			    k <= UTF8PROC_CATEGORY_PO);
		}
		CHECK(bad == 0);
	}
	CHECK(u8_isupper(0xc9) && u8_islower(0xe9) && u8_tolower(0xc9) == 0xe9);
	{
		struct buf f = BUF_INIT;

		u8_fold(&f, "Caf\xc3\xa9 \xe2\x80\x9cOK\xe2\x80\x9d", 14, U8_QUOTES);
		CHECK_MEM(f.p, f.len, "cafe \"ok\"");
		buf_free(&f);
	}
}

/* Byte-at-a-time references for the 8- and 16-byte fast paths. */
static void
ref_escape(struct buf *b, const char *s, size_t n)
{
	size_t i, len;
	unsigned char c;

	for (i = 0; i < n; i += len) {
		c = (unsigned char)s[i];
		len = 1;
		switch (c) {
		case '\t': buf_adds(b, "\\t"); continue;
		case '\n': buf_adds(b, "\\n"); continue;
		case '\r': buf_adds(b, "\\r"); continue;
		case '\\': buf_adds(b, "\\\\"); continue;
		}
		if (c < 0x20)
			buf_addc(b, '?');
		else if (c < 0x80)
			buf_addc(b, c);
		else if (u8_decode(s + i, n - i, &len) == U8_BAD) {
			len = 1;
			buf_addc(b, '?');
		} else
			buf_add(b, s + i, len);
	}
}

/* Byte-at-a-time reference for u8_cleanlen(). */
static size_t
ref_cleanlen(const char *s, size_t n)
{
	size_t i = 0, len;
	unsigned char c;

	while (i < n) {
		c = (unsigned char)s[i];
		if (c >= 0x80) {
			if (u8_decode(s + i, n - i, &len) == U8_BAD)
				break;
			i += len;
		} else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
			i++;
		else
			break;
	}
	return i;
}

/*
 * rec_plainlen() against rec_escape(): all of s is plain exactly when it
 * is written as it is, and the prefix said to be plain is; with lf, when
 * each of its lines is (got is scratch).
 */
static size_t
plainbad(const char *s, size_t n, struct buf *got)
{
	size_t k = rec_plainlen(s, n, 0), bad = 0, a, b;
	int all = 1;

	buf_reset(got);
	rec_escape(got, s, n);
	bad += (k == n) != (got->len == n && memcmp(got->p, s, n) == 0);
	buf_reset(got);
	rec_escape(got, s, k);
	bad += k > n || got->len != k || (k > 0 && memcmp(got->p, s, k) != 0);
	for (a = 0; a <= n; a = b + 1) {
		for (b = a; b < n && s[b] != '\n'; b++)
			;
		buf_reset(got);
		rec_escape(got, s + a, b - a);
		all &= got->len == b - a && (b == a ||
		    memcmp(got->p, s + a, b - a) == 0);
	}
	bad += (rec_plainlen(s, n, 1) == n) != all;
	return bad;
}

/*
 * u8_cleanlen(), rec_escape() and rec_plainlen() look at the bytes they
 * stop at inside their 16- or 32-byte blocks: two sequences, good or bad,
 * at every pair of positions of strings up to 40 bytes, so they meet at
 * and across each block edge and in the masked last block.
 */
static void
test_cleanlen(void)
{
	static const char *const seq[] = {
		"\xe2\x80\x9c", "\xc3\xa9", "\xf0\x9f\x98\x80", "\t",
		"\x01", "\xff", "\xe2\x80", "\xed\xa0\x80", "\xc0\xaf", "",
		"\\", "\n",
	};
	struct buf got = BUF_INIT, want = BUF_INIT;
	char s[64];
	size_t a, b, pa, pb, len, n, bad = 0, runs = 0;

	for (a = 0; a < sizeof(seq) / sizeof(seq[0]); a++)
		for (b = 0; b < sizeof(seq) / sizeof(seq[0]); b++)
			for (len = 0; len <= 40; len++)
				for (pa = 0; pa <= len; pa++)
					for (pb = pa; pb <= len; pb++) {
						size_t la = strlen(seq[a]);
						size_t lb = strlen(seq[b]);

						memset(s, 'x', pa);
						n = pa;
						memcpy(s + n, seq[a], la);
						n += la;
						memset(s + n, 'x', pb - pa);
						n += pb - pa;
						memcpy(s + n, seq[b], lb);
						n += lb;
						memset(s + n, 'x', len - pb);
						n += len - pb;
						bad += u8_cleanlen(s, n) !=
						    ref_cleanlen(s, n);
						buf_reset(&got);
						buf_reset(&want);
						rec_escape(&got, s, n);
						ref_escape(&want, s, n);
						bad += got.len != want.len ||
						    (got.len > 0 && memcmp(got.p,
						    want.p, got.len) != 0);
						bad += plainbad(s, n, &got);
						runs++;
					}
	CHECK(runs > 0 && bad == 0);
	buf_free(&got);
	buf_free(&want);
}

/*
 * Every special byte or sequence at every position of strings of every
 * length up to 50, so each fast path meets it at each offset, in its
 * tail and across its edges.
 */
static void
test_fast_paths(void)
{
	static const char *const odd[] = {
		"\\", "\t", "\n", "\r", "\x01", "\x7f", "\xff",
		"\xe2\x80\x9c", "\xe2\x80", "\xc3\xa9",
	};
	static const size_t nums[] = {
		0, 9, 10, 99, 100, 12345678, 99999999, 100000000,
		10000000000000000000ULL, (size_t)-1,
	};
	struct buf got = BUF_INIT, want = BUF_INIT;
	char s[64], n1[64];
	size_t k, len, pos, bad = 0, i, j;

	for (k = 0; k < sizeof(odd) / sizeof(odd[0]); k++)
		for (len = 0; len <= 50; len++)
			for (pos = 0; pos <= len; pos++) {
				size_t ol = strlen(odd[k]), n;

				memset(s, 'a', sizeof(s));
				n = len;
				if (pos < len) {
					memcpy(s + pos, odd[k], ol);
					n = len + ol;
				}
				buf_reset(&got);
				buf_reset(&want);
				rec_escape(&got, s, n);
				ref_escape(&want, s, n);
				if (got.len != want.len || (got.len > 0 &&
				    memcmp(got.p, want.p, got.len) != 0))
					bad++;
				for (i = 0; i < n && s[i] != '\x01' &&
				    (unsigned char)s[i] < 0x80; i++)
					;
				/* cleanlen: ASCII stops only at C0 controls */
				if (i == n || s[i] == '\x01')
					bad += u8_cleanlen(s, n) != i;
			}
	CHECK(bad == 0);
	for (j = 0; j < sizeof(nums) / sizeof(nums[0]); j++) {
		buf_reset(&got);
		buf_addu(&got, nums[j]);
		snprintf(n1, sizeof(n1), "%zu", nums[j]);
		CHECK_MEM(got.p, got.len, n1);
	}
	/* each digit count, at both of its edges */
	for (i = 0, j = 1; i < 20; i++, j *= 10) {
		buf_reset(&got);
		buf_addu(&got, j - 1);
		buf_addc(&got, ' ');
		buf_addu(&got, j);
		snprintf(n1, sizeof(n1), "%zu %zu", j - 1, j);
		if (got.len != strlen(n1) || memcmp(got.p, n1, got.len) != 0)
			bad++;
	}
	CHECK(bad == 0);
	/* digits go four and two at a time: every number up to 20000, and
	 * larger ones whose blocks of four are 0, 99, 100 or 9999 */
	for (j = 0; j <= 20000; j++) {
		buf_reset(&got);
		buf_addu(&got, j);
		snprintf(n1, sizeof(n1), "%zu", j);
		bad += got.len != strlen(n1) || memcmp(got.p, n1, got.len) != 0;
	}
	for (i = 0; i < 4 * 4 * 4 * 4; i++) {
		static const size_t blk[] = { 0, 99, 100, 9999 };
		size_t v = 1, t = i;

		for (k = 0; k < 4; k++, t /= 4)
			v = v * 10000 + blk[t % 4];
		buf_reset(&got);
		buf_addu(&got, v);
		snprintf(n1, sizeof(n1), "%zu", v);
		bad += got.len != strlen(n1) || memcmp(got.p, n1, got.len) != 0;
	}
	CHECK(bad == 0);
	buf_free(&got);
	buf_free(&want);
}

/*
 * buf_putu() against snprintf(): every number below 10^6, each digit
 * count at both its edges and 10^8's neighbours (where the 8-digit word
 * gives way), and two million numbers spread over every magnitude; the
 * end returned is the digits' end, and nothing is written past
 * max(digits, 8) bytes.
 */
static void
test_putu(void)
{
	char got[BUF_UMAX + 16], want[32];
	size_t bad = 0, i, j, v, n;
	uint64_t x = 88172645463325252ULL;

	for (i = 0; i < 1000000 + 2000000 + 20 * 3; i++) {
		if (i < 1000000)
			v = i;
		else if (i < 3000000) {
			/* xorshift64, cut to a random digit count */
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			v = (size_t)(x >> (x & 63));
		} else {
			for (j = 0, v = 1; j < (i - 3000000) / 3; j++)
				v *= 10;
			v = v - 1 + (i - 3000000) % 3;	/* 10^k - 1 ... + 1 */
		}
		memset(got, '#', sizeof(got));
		n = (size_t)snprintf(want, sizeof(want), "%zu", v);
		bad += (size_t)(buf_putu(got, v) - got) != n ||
		    memcmp(got, want, n) != 0;
		for (j = n > 8 ? n : 8; j < sizeof(got); j++)
			bad += got[j] != '#';
	}
	CHECK(bad == 0);
	memset(got, '#', sizeof(got));
	CHECK(buf_putu(got, (size_t)-1) - got == 20 &&
	    memcmp(got, "18446744073709551615#", 21) == 0);
	CHECK(buf_putu(got, 0) - got == 1 && got[0] == '0');
}

/*
 * u8_seqlen() against u8_decode(): every lead byte with second, third
 * and fourth bytes on each side of every range edge, at every length
 * left from 1 to 4, and every second byte after each lead.
 */
static void
test_seqlen(void)
{
	static const unsigned char edge[] = {
		0x00, 0x41, 0x7f, 0x80, 0x81, 0x8f, 0x90, 0x91, 0x9f, 0xa0,
		0xa1, 0xbe, 0xbf, 0xc0, 0xc1, 0xff,
	};
	unsigned char s[4];
	size_t bad = 0, a, b, c, n, len, want;
	unsigned lead;

	for (lead = 0; lead < 256; lead++) {
		s[0] = (unsigned char)lead;
		for (a = 0; a < 16 + 256; a++)
			for (b = 0; b < 16; b++)
				for (c = 0; c < 16; c++) {
					/* past the edges: every second byte,
					 * the rest continuation bytes */
					if (a >= 16 && (b > 0 || c > 0))
						continue;
					s[1] = a < 16 ? edge[a] :
					    (unsigned char)(a - 16);
					s[2] = a < 16 ? edge[b] : 0x80;
					s[3] = a < 16 ? edge[c] : 0x80;
					for (n = 1; n <= 4; n++) {
						want = u8_decode((char *)s, n,
						    &len) == U8_BAD ? 0 : len;
						bad += u8_seqlen((char *)s, n)
						    != want;
					}
				}
	}
	CHECK(bad == 0);
}

/* rec_format() copies KIND and ATTRS as words that may overlap: every
 * length of each up to 40, against the line put together by snprintf. */
static void
test_format_lengths(void)
{
	static const char src[] = "abcdefghijklmnopqrstuvwxyz_0123456789abcd";
	struct buf got = BUF_INIT;
	char kind[64], attrs[64], want[256];
	struct rec r;
	size_t kl, al, bad = 0;
	int n;

	for (kl = 1; kl <= 40; kl++)
		for (al = 0; al <= 40; al++) {
			memcpy(kind, src, kl);
			kind[kl] = '\0';
			memcpy(attrs, src + 40 - al, al);
			attrs[al] = '\0';
			memset(&r, 0, sizeof(r));
			r.doc = "d";
			r.doclen = 1;
			r.kind = kind;
			r.start = kl * 1000;
			r.end = kl * 1000 + al;
			r.attrs = attrs;
			r.attrslen = al;
			r.text = "t\tx";
			r.textlen = 3;
			buf_reset(&got);
			rec_format(&got, &r);
			n = snprintf(want, sizeof(want), "d\t%s\t%zu\t%zu\t%s\tt\\tx\n",
			    kind, r.start, r.end, al ? attrs : "_");
			bad += got.len != (size_t)n ||
			    memcmp(got.p, want, got.len) != 0;
		}
	CHECK(bad == 0);
	buf_free(&got);
}

/*
 * rec_parse() finds the TABs and backslashes of a line in blocks of 16
 * and 32 bytes, its last block the line's last 16 bytes, and the rest of
 * a TEXT over 256 bytes by memchr(): every column edge and escape at
 * every offset from a block's edge, each line in a buffer of its own
 * length (so ASan sees a read past it), against the columns the line
 * was built from.  de and te place an escape in DOC and TEXT (-1: none);
 * tc is the escape's letter in TEXT, or a TAB for a seventh column.
 */
static int
columns_ok(size_t a, size_t b, long de, long te, char dc, char tc)
{
	static char src[2048], scratch[2048];
	char *line;
	size_t n = 0, t0;
	struct rec r;
	const char *why;
	int ok;

	/* a bytes of DOC and b of TEXT, an escape inserted at de, te */
	memset(src, 'd', a);
	if (de >= 0) {
		memmove(src + de + 2, src + de, a - (size_t)de);
		src[de] = '\\';
		src[de + 1] = dc;
		a += 2;
	}
	n = a + (size_t)sprintf(src + a, "\tk\t3\t7\tline=1|role=\t");
	t0 = n;
	memset(src + n, 't', b);
	if (te >= 0) {
		memmove(src + n + te + 2, src + n + te, b - (size_t)te);
		src[n + (size_t)te] = tc == '\t' ? '\t' : '\\';
		src[n + (size_t)te + 1] = tc == '\t' ? 'x' : tc;
		b += 2;
	}
	n += b;
	line = malloc(n);
	memcpy(line, src, n);
	why = rec_parse(&r, line, n, scratch);
	if (dc == 'q')
		ok = why != NULL && strcmp(why, "bad escape in DOC") == 0;
	else if (tc == '\t')
		ok = why != NULL && strcmp(why, "more than six columns") == 0;
	else
		ok = why == NULL && r.start == 3 && r.end == 7 &&
		    strcmp(r.kind, "k") == 0 && r.attrslen == 12 &&
		    r.doclen == a - (de >= 0) && r.textlen == b - (te >= 0) &&
		    (de < 0 ? r.doc == line : r.doc[de] == '\n') &&
		    (te < 0 ? r.text == line + t0 : r.text[te] == '\t');
	free(line);
	return ok;
}

static void
test_columns(void)
{
	static const size_t longb[] = { 200, 250, 255, 256, 257, 258, 300,
	    600, 1500 };
	size_t a, b, k, runs = 0, bad = 0;
	long e;

	for (a = 1; a <= 40; a++) {
		for (b = 0; b <= 40; b++) {
			bad += !columns_ok(a, b, -1, -1, 0, 0);
			for (e = 0; e < (long)a; e++) {
				bad += !columns_ok(a, b, e, -1, 'n', 0);
				bad += !columns_ok(a, b, e, -1, 'q', 0);
				bad += !columns_ok(a, b, e, (long)b, 'n', 't');
			}
			for (e = 0; e <= (long)b; e++) {
				bad += !columns_ok(a, b, -1, e, 0, 't');
				bad += !columns_ok(a, b, -1, e, 0, '\t');
			}
			runs += 3 * a + 2 * b + 3;
		}
		for (k = 0; k < sizeof(longb) / sizeof(longb[0]); k++) {
			b = longb[k];
			bad += !columns_ok(a, b, -1, -1, 0, 0);
			for (e = 0; e <= (long)b; e += e < 300 ? 1 : 97) {
				bad += !columns_ok(a, b, -1, e, 0, 't');
				bad += !columns_ok(a, b, -1, e, 0, '\t');
				bad += !columns_ok(a, b, (long)a / 2, e, 'n',
				    't');
				runs += 3;
			}
		}
	}
	CHECK(runs > 100000);
	CHECK(bad == 0);
}

/*
 * ATTRS are checked with a 16-byte look past a value when the line holds
 * it, so each list is read followed by TEXT of every length to 40 (the
 * look then reaches into the TEXT, or does not fit), a value's '|' at
 * every offset to 20 from its start.
 */
static void
test_attrs_lim(void)
{
	/* the pair after a value of v bytes: the first six are good */
	static const char *const keys[] = {
		"b=2", "role=", "type=PER", "norm=x y", "stare=1", "a_1=",
		"", "|b=2", "kind=1", "attrs=", "end=9", "Role=", "rol",
		"ro-e=1", "line",
	};
	static char scratch[256];
	char src[128], *line;
	size_t v, t, k, n, bad = 0, runs = 0;
	struct rec r;
	const char *why;
	int ok;

	for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
		for (v = 0; v <= 20; v++)
			for (t = 0; t <= 40; t++) {
				n = (size_t)sprintf(src, "d\tk\t1\t2\tline=");
				memset(src + n, 'v', v);
				n += v;
				n += (size_t)sprintf(src + n, "|%s\t", keys[k]);
				memset(src + n, 't', t);
				n += t;
				line = malloc(n);
				memcpy(line, src, n);
				why = rec_parse(&r, line, n, scratch);
				ok = k < 6 ? why == NULL &&
				    r.attrslen == 6 + v + strlen(keys[k]) :
				    why != NULL && strcmp(why, "bad ATTRS") == 0;
				bad += !ok;
				runs++;
				free(line);
			}
	CHECK(runs == 15 * 21 * 41);
	CHECK(bad == 0);
}

int
main(void)
{
	test_attrs_lim();
	test_columns();
	test_format_lengths();
	test_seqlen();
	test_putu();
	test_fast_paths();
	test_cleanlen();
	test_escape_roundtrip();
	test_valid();
	test_malformed();
	test_attrs_and_json();
	test_attr_values();
	test_paragraphs();
	test_u8();
	return unit_done("rec");
}
