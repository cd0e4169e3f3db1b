/*
 * Unit tests for bp (strip-boilerplate's core): normalisation, the pattern
 * language and its anchors, the photo-credit detector, and judging small
 * documents, including residue blanking with exact lengths.
 */
#include <stdlib.h>
#include <string.h>

#define BP_INTERNAL
#include "bp.h"
#include "cfg.h"
#include "rec.h"
#include "unit.h"

static struct bp_rules *rs;

/* Compile rules from YAML text. */
static struct bp_rules *
rules(const char *yaml)
{
	struct cfg *c = cfg_parse("test.yaml", yaml, strlen(yaml));
	struct bp_rules *r = bp_compile(c);

	cfg_free(c);
	return r;
}

/* Does pattern pat match text at anchor (0 line, 1 prefix, 2 suffix,
 * 3 contains)?  Both are normalised as the judge does it. */
static int
match(const char *pat, int anchor, const char *text)
{
	char yaml[512], lo[512], ca[512];
	struct bp_rules *r;
	size_t n, w;

	int hit, fr[BP_NWHERE];
	static const char *const an[] = { "line", "prefix", "suffix",
	    "contains" };

	char q[256];
	size_t i, k = 0;

	for (i = 0; pat[i] && k + 2 < sizeof(q); i++) {	/* YAML '' */
		if (pat[i] == '\'')
			q[k++] = '\'';
		q[k++] = pat[i];
	}
	q[k] = '\0';
	snprintf(yaml, sizeof(yaml), "sets: {day: [monday, tuesday]}\n"
	    "rules:\n  - name: t\n    why: nav\n    max_words: 100\n"
	    "    %s: ['%s']\n", an[anchor], q);
	r = rules(yaml);
	n = bp_norm(text, strlen(text), lo, ca, &w);
	hit = bp_pat_match(r, &r->rules[0].pat[anchor][0], anchor, lo, ca, n);
	/* the indexed one-pass matcher must agree */
	{
		struct bp_scan sc;

		bp_scan_init(&sc, r);
		bp_line_rules(r, &sc, lo, ca, n, w, fr, ~0u);
		CHECK((fr[BP_WHERE_ANY] == 0) == hit);
		bp_scan_free(&sc);
	}
	bp_rules_free(r);
	return hit;
}

static void
test_norm(void)
{
	char lo[128], ca[128];
	size_t n, w;
	const char *s = "  \xe2\x80\x9cHello\xc2\xa0 World\xe2\x80\x9d \xe2\x80\x94 "
	    "it\xe2\x80\x99s\xe2\x80\xa6 ";

	n = bp_norm(s, strlen(s), lo, ca, &w);
	CHECK_MEM(lo, n, "\"hello world\" - it's...");
	CHECK_MEM(ca, n, "\"Hello World\" - it's...");
	CHECK(w == 4);
	n = bp_norm("", 0, lo, ca, &w);
	CHECK(n == 0 && w == 0);
	/* zero-width characters go */
	n = bp_norm("a\xe2\x80\x8b" "b", 5, lo, ca, &w);
	CHECK_MEM(lo, n, "ab");
	/* eight bytes at a time: runs of blanks, controls and UTF-8 across
	 * the edges of eight-byte blocks, capitals at either end */
	s = "ABCDEFG  HIJKLMN\tO PQRSTUVW XYZ@[`{ a\x01" "b  ";
	n = bp_norm(s, strlen(s), lo, ca, &w);
	CHECK_MEM(lo, n, "abcdefg hijklmn o pqrstuvw xyz@[`{ a\x01" "b");
	CHECK_MEM(ca, n, "ABCDEFG HIJKLMN O PQRSTUVW XYZ@[`{ a\x01" "b");
	CHECK(w == 6);
	s = "1234567 \xe2\x80\x9cQuote\xe2\x80\x9d said Ann, 12345678";
	n = bp_norm(s, strlen(s), lo, ca, &w);
	CHECK_MEM(lo, n, "1234567 \"quote\" said ann, 12345678");
	CHECK(w == 5);
}

/* bp_norm_esc()'s esc says what rec_plainlen() says of the same bytes:
 * strings of pieces (ASCII runs, blanks, curly quotes, NBSP, zero-width
 * and bad bytes, controls, backslashes) put together at random, so that
 * each falls at every place of the 16- and 8-byte blocks. */
static void
test_norm_esc(void)
{
	static const char *const piece[] = { "abcdefgh", "The Mayor ",
	    "  ", " ", "x", "\xe2\x80\x9c", "\xe2\x80\x99", "\xc2\xa0",
	    "\xe2\x80\x8b", "\xe2\x80\xa6", "\xc3\xa9", "\xf0\x9f\x98\x80",
	    "\\", "\t", "\x01", "\r", "\x80", "\xe2\x80", "\xc3", "\xed\xa0\x80",
	    "\x7f", "0123456789012345" };
	char s[600], lo[600], ca[600], lo2[600], ca2[600];
	unsigned seed = 7;
	int i, esc, bad = 0, plain = 0, differ = 0;

	for (i = 0; i < 20000; i++) {
		size_t n = 0, w, w2, nl, nl2, k, np = 1 + i % 23;

		for (k = 0; k < np; k++) {
			const char *p;

			seed = seed * 1103515245u + 12345u;
			/* mostly clean pieces, so that most strings are */
			p = piece[(seed >> 16) % (i % 3 ? 12 : 22)];
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		nl = bp_norm_esc(s, n, lo, ca, &w, &esc);
		bad += esc != (rec_plainlen(s, n, 0) != n);
		plain += !esc;
		/* bp_norm() writes nothing past lo[n) and ca[n), so its
		 * last bytes take another way: the same text */
		nl2 = bp_norm(s, n, lo2, ca2, &w2);
		differ += nl != nl2 || w != w2 || memcmp(lo, lo2, nl) != 0 ||
		    memcmp(ca, ca2, nl) != 0;
	}
	CHECK(bad == 0);
	CHECK(differ == 0);
	CHECK(plain > 2000 && plain < 18000);	/* both kinds were tried */
}

/* Words of long clean text, whose blocks bp_norm_esc() counts in runs of
 * up to 255: the count of a plain walk, for texts around those lengths,
 * of words that fill every block alike or at random, with a curly quote
 * or a double space. */
static void
test_norm_words(void)
{
	static const size_t len[] = { 15, 16, 4079, 4080, 4081, 4096, 5000,
	    9000 };
	static char s[9100], lo[9200], ca[9200];
	unsigned seed = 11;
	size_t t, bad = 0;

	for (t = 0; t < 3 * sizeof(len) / sizeof(len[0]); t++) {
		size_t n = len[t / 3], k, want = 0, w;
		int sp = 1;

		for (k = 0; k < n; k++) {
			seed = seed * 1103515245u + 12345u;
			s[k] = (seed >> 16) % 6 == 0 ? ' ' :
			    (char)('a' + (seed >> 20) % 26);
			if (t % 3 == 0)	/* a space in the same lane of
					 * every block */
				s[k] = k % 16 == 15 ? ' ' : 'a';
		}
		if (t % 3 == 1)	/* a double space in the middle */
			memcpy(s + n / 2, "  ", 2);
		if (t % 3 == 2 && n > 40)	/* and a curly quote */
			memcpy(s + n / 3, "\xe2\x80\x9c", 3);
		for (k = 0; k < n; k++) {
			unsigned char c = (unsigned char)s[k];

			if (c == ' ')
				sp = 1;
			else if (c != 0x80 && c != 0x9c) {
				want += sp;
				sp = 0;
			}
		}
		bp_norm_esc(s, n, lo, ca, &w, &(int){ 0 });
		bad += w != want;
	}
	CHECK(bad == 0);
}

#ifdef __SSE2__
/* bp_wordmask(): bit k for byte k in a-z, 0-9 or from 0x80, for every
 * byte value at every place of a block. */
static void
test_wordmask(void)
{
	int c, k, bad = 0;

	for (c = 0; c < 256; c++)
		for (k = 0; k < 16; k++) {
			unsigned char b[16];
			int want = (c >= 'a' && c <= 'z') || (c >= '0' &&
			    c <= '9') || c >= 0x80;
			unsigned m;

			memset(b, ' ', sizeof(b));
			b[k] = (unsigned char)c;
			m = bp_wordmask(_mm_loadu_si128((const __m128i *)b));
			bad += m != (want ? 1u << k : 0);
		}
	CHECK(bad == 0);
}
#endif

static void
test_patterns(void)
{
	/* anchors */
	CHECK(match("advertisement", BP_LINE, "Advertisement"));
	CHECK(!match("advertisement", BP_LINE, "Advertisement sales"));
	CHECK(match("related:", BP_PREFIX, "RELATED: More rain"));
	CHECK(!match("related:", BP_PREFIX, "Unrelated: no"));
	CHECK(match("getty images", BP_SUFFIX, "A view. Getty Images"));
	CHECK(!match("getty images", BP_SUFFIX, "Getty Images said no."));
	CHECK(match("all rights reserved", BP_CONTAINS, "x. All Rights Reserved."));
	/* never inside a word */
	CHECK(!match("copyright", BP_PREFIX, "Copyrighted work was copied"));
	CHECK(!match("ad", BP_CONTAINS, "a road"));
	/* wildcards */
	CHECK(match("copyright #", BP_PREFIX, "Copyright 2024 Acme"));
	CHECK(!match("copyright #", BP_PREFIX, "Copyright law"));
	CHECK(match("<day>, #, ####.", BP_CONTAINS, "on Monday, 3, 2019."));
	CHECK(!match("<day>, #, ####.", BP_CONTAINS, "on Monday, 3, 201."));
	CHECK(match("% via getty images", BP_PREFIX, "Maskot via Getty Images A woman"));
	CHECK(!match("% via getty images", BP_PREFIX, "maskot via Getty Images"));
	CHECK(match("by @ @", BP_LINE, "by jane roe"));
	CHECK(match("more from %:", BP_LINE, "More from CNN:"));
	CHECK(match("follow * on twitter", BP_LINE, "Follow the desk on Twitter"));
	CHECK(match("<day>, #", BP_CONTAINS, "seen Tuesday, 12 times"));
	CHECK(!match("<day>, #", BP_CONTAINS, "seen Friday, 12 times"));
	CHECK(match("\\*\\@", BP_LINE, "*@"));
	/* ending with a set or a number: the last byte decides early */
	CHECK(match("seen on <day>", BP_SUFFIX, "It was seen on Monday"));
	CHECK(!match("seen on <day>", BP_SUFFIX, "Seen on Monday again"));
	CHECK(match("page #", BP_LINE, "Page 12"));
	CHECK(!match("page #", BP_LINE, "Page 12a"));
	CHECK(match("@ of #", BP_SUFFIX, "Photo 3 of 12"));
	/* normalised alike: curly quotes, dashes */
	CHECK(match("editor's note:", BP_PREFIX, "Editor\xe2\x80\x99s Note: hi"));
	CHECK(match("a - b", BP_LINE, "A \xe2\x80\x94 B"));
}

/* The credit detector on one paragraph. */
static const char *
credit(const char *text)
{
	char lo[512], ca[512];
	size_t n, w;

	n = bp_norm(text, strlen(text), lo, ca, &w);
	return bp_credit(rs, lo, ca, n);
}

static void
test_credit(void)
{
	CHECK(credit("A man walks. (Jane Roe / The Daily Star)") != NULL);
	CHECK(credit("A man walks. (AP Photo/Jane Roe) @janeroe") != NULL);
	CHECK(credit("Crowds gather outside on Monday. AP") != NULL);
	CHECK(credit("Crowds gather near the channel Jane Roe / The Forum") != NULL);
	/* not credits */
	CHECK(credit("The senator (D-Ohio) spoke.") == NULL);
	CHECK(credit("Prices rose (see chart).") == NULL);
	CHECK(credit("He joined the U.S. Army") == NULL);
	CHECK(credit("Gov. Newsom Signs Bill") == NULL);
	CHECK(credit("They laughed. Read it at https://example.com/x") == NULL);
	CHECK(credit("It ended. (click here to read more)") == NULL);
}

/* Judge a document given as lines; returns the verdicts' why words,
 * "title" and "keep" joined by spaces, in a static buffer. */
static const char *
judge(const char *const *lines)
{
	static char out[1024];
	struct bp_judge *j = bp_judge_new(rs);
	struct bp_verdict v;
	size_t i;

	bp_begin(j);
	for (i = 0; lines[i]; i++)
		bp_add(j, lines[i], strlen(lines[i]), i + 1);
	bp_judge(j);
	out[0] = '\0';
	for (i = 0; i < bp_count(j); i++) {
		bp_get(j, i, &v);
		if (i)
			strcat(out, " ");
		strcat(out, v.title ? "title" : bp_why_name[v.why]);
	}
	bp_judge_free(j);
	return out;
}

static void
test_judge(void)
{
	static const char *const doc1[] = {
		"Mayor opens new library",
		"Advertisement",
		"The mayor opened the new library on Monday, two years after the old one closed.",
		"Facebook",
		"Readers can borrow up to ten books at a time, the head librarian said.",
		"Copyright 2024 Example Media. All rights reserved.",
		NULL,
	};
	static const char *const doc2[] = {
		"Heat wave grips the city",
		"Temperatures reached 40 degrees on Tuesday, the weather office said.",
		"Related:",
		"Five ways to keep cool",
		"Where to find a cooling center",
		"Officials urged people to check on elderly neighbours.",
		"Share",
		"Tweet",
		"Email",
		NULL,
	};
	static const char *const doc3[] = { NULL };
	struct bp_judge *j;
	struct bp_verdict v;
	const char *t = "A tag {mosads}here{/mosads} and {mosads}";

	CHECK(strcmp(judge(doc1), "title ad keep keep keep copyright") == 0);
	CHECK(strcmp(judge(doc2), "title keep related related related keep "
	    "share share share") == 0);
	CHECK(strcmp(judge(doc3), "") == 0);

	/* residue: blanked with as many spaces, trailing blanks trimmed */
	j = bp_judge_new(rs);
	bp_begin(j);
	bp_add(j, "Headline here", 13, 1);
	bp_add(j, t, strlen(t), 2);
	bp_add(j, "{mosads}", 8, 3);
	bp_judge(j);
	bp_get(j, 1, &v);
	CHECK(v.why == BP_KEEP && v.len == strlen(t) && v.lead == 0);
	CHECK_MEM(v.text, v.len - v.trail, "A tag         here          and");
	CHECK(v.trail == 9);
	bp_get(j, 2, &v);
	CHECK(v.why == BP_AD);
	bp_judge_free(j);
}

int
main(void)
{
	struct cfg *c = cfg_parse("bp.yaml", bp_rules_yaml, bp_rules_yaml_len);

	rs = bp_compile(c);
	cfg_free(c);
	test_norm();
	test_norm_esc();
	test_norm_words();
#ifdef __SSE2__
	test_wordmask();
#endif
	test_patterns();
	test_credit();
	test_judge();
	bp_rules_free(rs);
	return unit_done("bp");
}
