/*
 * Unit tests of the tagger's parts: the tokenizer, the BILOU decoder, the
 * model loader, and the invariants of ner_tag() on arbitrary text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "ner.h"
#include "unit.h"

/* Tokens of s joined by '|', for comparing with an expected string. */
static const char *
toks(const char *s)
{
	static char out[1024];
	struct ner_tok *v = NULL;
	size_t cap = 0, n, i, k = 0;

	n = ner_tokenize(s, strlen(s), &v, &cap);
	out[0] = '\0';
	for (i = 0; i < n && k + (v[i].end - v[i].start) + 2 < sizeof out; i++) {
		if (i)
			out[k++] = '|';
		memcpy(out + k, s + v[i].start, v[i].end - v[i].start);
		k += v[i].end - v[i].start;
	}
	out[k] = '\0';
	free(v);
	return out;
}

static void
test_tokenizer(void)
{
	CHECK(strcmp(toks("Lu Wei met John Kerry."), "Lu|Wei|met|John|Kerry|.") == 0);
	CHECK(strcmp(toks("U.S.-China talks"), "U.S.|-|China|talks") == 0);
	CHECK(strcmp(toks("the U.S. and the U.K."), "the|U.S.|and|the|U.K.") == 0);
	CHECK(strcmp(toks("Mr. Okafor and Dr. Chen"), "Mr.|Okafor|and|Dr.|Chen") == 0);
	CHECK(strcmp(toks("J.K. Rowling wrote"), "J.K.|Rowling|wrote") == 0);
	CHECK(strcmp(toks("George W. Bush"), "George|W.|Bush") == 0);
	/* a capital and period that end the text end a sentence */
	CHECK(strcmp(toks("top of Serie A."), "top|of|Serie|A|.") == 0);
	CHECK(strcmp(toks("said J.\xe2\x80\x9d"), "said|J|.|\xe2\x80\x9d") == 0);
	CHECK(strcmp(toks("Acme Corp. rose"), "Acme|Corp.|rose") == 0);
	CHECK(strcmp(toks("China's and Lu\xe2\x80\x99s plan"),
	    "China|'s|and|Lu|\xe2\x80\x99s|plan") == 0);
	CHECK(strcmp(toks("O'Brien said"), "O'Brien|said") == 0);
	CHECK(strcmp(toks("$4.5 billion, 1,000 jobs"),
	    "$|4.5|billion|,|1,000|jobs") == 0);
	CHECK(strcmp(toks("el-Sisi"), "el|-|Sisi") == 0);
	CHECK(strcmp(toks("AT&T and S&P"), "AT&T|and|S&P") == 0);
	CHECK(strcmp(toks("\xe2\x80\x9cYes,\xe2\x80\x9d she said"),
	    "\xe2\x80\x9c|Yes|,|\xe2\x80\x9d|she|said") == 0);
	CHECK(strcmp(toks("see https://example.com/a?b=1."),
	    "see|https://example.com/a?b=1|.") == 0);
	CHECK(strcmp(toks("wait..."), "wait|...") == 0);
	CHECK(strcmp(toks("Z\xc3\xbc" "rich\xc2\xa0" "and S\xc3\xa3o Paulo"),
	    "Z\xc3\xbc" "rich|and|S\xc3\xa3o|Paulo") == 0);
	CHECK(strcmp(toks(""), "") == 0);
	CHECK(strcmp(toks(" \t\n"), "") == 0);
	/* bad bytes are tokens too, one at a time, never skipped */
	CHECK(strcmp(toks("a\xff" "b"), "a|\xff|b") == 0);
}

static void
test_titles(void)
{
	const char *s = "Secretary of State John Kerry";
	struct ner_tok *v = NULL;
	size_t cap = 0, n;

	n = ner_tokenize(s, strlen(s), &v, &cap);
	CHECK(ner_titlelen(s, v, n) == 3);
	s = "President Obama";
	n = ner_tokenize(s, strlen(s), &v, &cap);
	CHECK(ner_titlelen(s, v, n) == 1);
	s = "Mr.";
	n = ner_tokenize(s, strlen(s), &v, &cap);
	CHECK(ner_titlelen(s, v, n) == 0);	/* never the whole span */
	s = "John Kerry";
	n = ner_tokenize(s, strlen(s), &v, &cap);
	CHECK(ner_titlelen(s, v, n) == 0);
	free(v);
}

static uint64_t rs = 88172645463325252ULL;

static uint64_t
rnd(void)
{
	rs ^= rs << 13;
	rs ^= rs >> 7;
	rs ^= rs << 17;
	return rs;
}

/* The decoder only ever gives sequences the constraints allow. */
static void
test_viterbi(void)
{
	float sc[40 * NER_NLAB], dp[40 * NER_NLAB], tr[(NER_NLAB + 1) * NER_NLAB];
	uint8_t back[40 * NER_NLAB], out[40];
	uint32_t mask[40];
	size_t n, i, k, bad = 0, maskbad = 0;

	for (k = 0; k < 2000; k++) {
		n = 1 + rnd() % 40;
		for (i = 0; i < n * NER_NLAB; i++)
			sc[i] = (float)(rnd() % 2001) / 100 - 10;
		for (i = 0; i < (NER_NLAB + 1) * NER_NLAB; i++)
			tr[i] = (float)(rnd() % 2001) / 100 - 10;
		ner_viterbi(sc, n, tr, NULL, out, dp, back);
		for (i = 0; i < n; i++)
			if (!ner_allowed(i ? out[i - 1] : NER_NLAB, out[i]))
				bad++;
		if (!ner_final(out[n - 1]))
			bad++;
		/* a mask that allows O everywhere and one type at token 0 */
		for (i = 0; i < n; i++)
			mask[i] = 1;
		mask[0] |= 1u << NER_LAB(NER_LOC, NER_U);
		ner_viterbi(sc, n, tr, mask, out, dp, back);
		for (i = 0; i < n; i++)
			if (!(mask[i] >> out[i] & 1))
				maskbad++;
	}
	CHECK(bad == 0);
	CHECK(maskbad == 0);

	/* unmasked decoding (the tagger's, by the constraints' shape) picks
	 * what the label-by-label loop picks under a mask allowing every
	 * label, ties included (scores of 0 or 1 tie often), with the same
	 * scores on the way */
	for (k = 0; k < 4000; k++) {
		float dp2[40 * NER_NLAB];
		uint8_t out2[40];
		int tie = k % 2;

		n = 1 + rnd() % 40;
		for (i = 0; i < n * NER_NLAB; i++)
			sc[i] = tie ? (float)(rnd() % 2) :
			    (float)(rnd() % 2001) / 100 - 10;
		for (i = 0; i < (NER_NLAB + 1) * NER_NLAB; i++)
			tr[i] = tie ? (float)(rnd() % 2) :
			    (float)(rnd() % 2001) / 100 - 10;
		for (i = 0; i < n; i++)
			mask[i] = (1u << NER_NLAB) - 1;
		ner_viterbi(sc, n, tr, NULL, out, dp, back);
		ner_viterbi(sc, n, tr, mask, out2, dp2, back);
		if (memcmp(out, out2, n) != 0 ||
		    memcmp(dp, dp2, n * NER_NLAB * sizeof *dp) != 0)
			maskbad++;
	}
	CHECK(maskbad == 0);

	/* a clear best path is found: U-PER, O, B-ORG, L-ORG */
	memset(sc, 0, sizeof sc);
	memset(tr, 0, sizeof tr);
	sc[0 * NER_NLAB + NER_LAB(NER_PER, NER_U)] = 5;
	sc[1 * NER_NLAB + 0] = 5;
	sc[2 * NER_NLAB + NER_LAB(NER_ORG, NER_B)] = 5;
	sc[3 * NER_NLAB + NER_LAB(NER_ORG, NER_L)] = 5;
	ner_viterbi(sc, 4, tr, NULL, out, dp, back);
	CHECK(out[0] == NER_LAB(NER_PER, NER_U));
	CHECK(out[1] == 0);
	CHECK(out[2] == NER_LAB(NER_ORG, NER_B));
	CHECK(out[3] == NER_LAB(NER_ORG, NER_L));
}

static void
test_load(void)
{
	char path[] = "/tmp/ner-unit-XXXXXX";
	FILE *fp;
	char junk[200];
	int fd;

	memset(junk, 'x', sizeof junk);
	if ((fd = mkstemp(path)) == -1)
		return;
	close(fd);
	CHECK(ner_load("/nonexistent/ner.bin") == NULL);
	if ((fp = fopen(path, "wb")) != NULL) {
		fwrite(junk, 1, sizeof junk, fp);
		fclose(fp);
		CHECK(ner_load(path) == NULL);
		/* the right magic, a table that does not fit */
		memcpy(junk, "NUNERv01", 8);
		junk[8] = 17, junk[9] = junk[10] = junk[11] = 0;
		junk[12] = 0, junk[13] = 4, junk[14] = junk[15] = 0;
		fp = fopen(path, "wb");
		fwrite(junk, 1, sizeof junk, fp);
		fclose(fp);
		CHECK(ner_load(path) == NULL);
		remove(path);
	}
	CHECK(ner_default() != NULL);
	CHECK(ner_default() == ner_default());
}

/* ner_tag() on random text: entities flat, sorted, inside their text,
 * norms inside some text, and the same answer twice. */
static void
test_tag_invariants(void)
{
	static const char *words[] = {
		"Maria", "Chen", "of", "Norvik", "Energy", "said", "in", "Geneva",
		"the", "U.S.-China", "talks", ".", ",", "\xe2\x80\x9c", "Kraków",
		"Mr.", "Lu", "Wei", "told", "Reuters", "-", "\xff", "NATO",
		"and", "President", "Obama", "'s", "Bank", "China", "\n",
		"#Geneva", "@maria", "REAL", "MADRID", "WORLD", "BANK",
	};
	const size_t nw = sizeof words / sizeof words[0];
	char buf[4][400], copy[4][400];
	struct ner_text t[4];
	struct ner_ent *v = NULL, *w = NULL;
	size_t cap = 0, wcap = 0, n, m, i, j, k, off = 0, bad = 0;

	for (k = 0; k < 300; k++) {
		off = 0;
		for (j = 0; j < 4; j++) {
			size_t len = 0, nn = rnd() % 30;

			for (i = 0; i < nn; i++) {
				const char *x = words[rnd() % nw];

				if (len + strlen(x) + 2 >= sizeof buf[j])
					break;
				memcpy(buf[j] + len, x, strlen(x));
				len += strlen(x);
				if (rnd() % 4)
					buf[j][len++] = ' ';
			}
			/* every other text in capitals, a headline to recase */
			if (rnd() % 2)
				for (i = 0; i < len; i++)
					if (buf[j][i] >= 'a' && buf[j][i] <= 'z')
						buf[j][i] -= 'a' - 'A';
			t[j].text = buf[j];
			t[j].len = len;
			t[j].start = off;
			off += len + 1;
		}
		memcpy(copy, buf, sizeof buf);
		n = ner_tag(ner_default(), t, 4, &v, &cap);
		m = ner_tag(ner_default(), t, 4, &w, &wcap);
		if (n != m)
			bad++;
		/* a headline is recased in a copy, never in place */
		for (j = 0; j < 4; j++)
			if (memcmp(copy[j], buf[j], t[j].len) != 0)
				bad++;
		/* field by field: struct padding is not part of the answer */
		for (i = 0; i < n && i < m; i++)
			if (v[i].start != w[i].start || v[i].end != w[i].end ||
			    v[i].type != w[i].type || v[i].norm != w[i].norm ||
			    v[i].normlen != w[i].normlen || v[i].text != w[i].text)
				bad++;
		for (i = 0; i < n; i++) {
			const struct ner_text *x = &t[v[i].text];
			int in = 0;

			if (v[i].start >= v[i].end || v[i].text >= 4 ||
			    v[i].start < x->start ||
			    v[i].end > x->start + x->len ||
			    (i && v[i - 1].end > v[i].start) ||
			    (unsigned)v[i].type >= NER_NTYPES)
				bad++;
			for (j = 0; j < 4; j++)
				if (v[i].norm >= t[j].text && v[i].norm +
				    v[i].normlen <= t[j].text + t[j].len)
					in = 1;
			if (!in || v[i].normlen == 0)
				bad++;
		}
	}
	CHECK(bad == 0);
	free(v);
	free(w);
}

/* The same text as one document tags the same each time, and a later
 * surname takes the earlier full name. */
static void
test_norm(void)
{
	static const char a[] = "Foreign Minister Lu Wei met reporters in Beijing.";
	static const char b[] = "Lu said the talks went well.";
	struct ner_text t[2] = {
		{ a, sizeof a - 1, 0 }, { b, sizeof b - 1, sizeof a },
	};
	struct ner_ent *v = NULL;
	size_t cap = 0, n, i;
	int found = 0;

	n = ner_tag(ner_default(), t, 2, &v, &cap);
	for (i = 0; i < n; i++)
		if (v[i].text == 1 && v[i].end - v[i].start == 2 &&
		    v[i].type == NER_PER && v[i].normlen == 6 &&
		    memcmp(v[i].norm, "Lu Wei", 6) == 0)
			found = 1;
	CHECK(found);
	CHECK(strcmp(ner_type_name[NER_PER], "PER") == 0);
	CHECK(strcmp(ner_type_name[NER_MISC], "MISC") == 0);
	free(v);
}

/* How a word is written across a document: lower case anywhere, capitals
 * only inside a sentence of plain text. */
static void
test_dmap(void)
{
	static const char a[] = "Officials of Glenvale said the glenvale road "
	    "and Glenvale park will close .";
	static const char b[] = "GLENVALE ROAD TO CLOSE";
	struct ner_tok *tok = NULL;
	struct ner_tinfo ti[32];
	struct ner_dmap *d = ner_dmap_new();
	size_t cap = 0, n;

	n = ner_tokenize(a, sizeof a - 1, &tok, &cap);
	CHECK(n < 32);
	ner_tinfo_fill(ti, a, tok, n);
	ner_dmap_count(d, ti, n);
	n = ner_tokenize(b, sizeof b - 1, &tok, &cap);
	ner_tinfo_fill(ti, b, tok, n);
	ner_dmap_count(d, ti, n);
	/* ti[0] is "GLENVALE": its lower-case hash is glenvale's */
	CHECK(ner_dmap_lower(d, ti[0].lw) == 1);
	CHECK(ner_dmap_capped(d, ti[0].lw) == 2);
	/* "ROAD" in the headline counts neither way */
	CHECK(ner_dmap_capped(d, ti[1].lw) == 0);
	CHECK(ner_dmap_lower(d, ti[1].lw) == 1);
	ner_dmap_free(d);
	free(tok);
}

int
main(void)
{
	test_tokenizer();
	test_titles();
	test_viterbi();
	test_load();
	test_tag_invariants();
	test_norm();
	test_dmap();
	return unit_done("ner");
}
