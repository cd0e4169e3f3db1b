/*
 * fuzz_ner: the entity tagger (ner.h) on arbitrary bytes, its paragraphs
 * as the reader makes them from raw text.  Properties, from ner.h: the
 * tokenizer's tokens are in order, non-empty, within the text and hold no
 * White_Space; entities are in document order, flat, non-empty, each
 * within the text it was found in, with norm pointing into one of the
 * texts; and tagging the same document twice gives the same entities.
 */
#include "fuzz.h"
#include "arena.h"
#include "doc.h"
#include "ner.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena ar = ARENA_INIT;
	static struct rec *r;
	static struct ner_tok *tok;
	static struct ner_ent *v, *w;
	static size_t cap, tcap, vcap, wcap;
	const struct ner_model *m = ner_default();
	struct ner_text *t;
	char *s = malloc(size ? size : 1);	/* exact: ASan sees overreads */
	size_t n = 0, nt, ne, ne2, i, j, len, prev = 0;
	int32_t c;

	memcpy(s, data, size);
	nt = ner_tokenize(s, size, &tok, &tcap);
	for (i = 0; i < nt; i++) {
		FZ_CHECK(tok[i].start < tok[i].end && tok[i].end <= size);
		FZ_CHECK(tok[i].start >= prev);
		prev = tok[i].end;
		for (j = tok[i].start; j < tok[i].end; j += len) {
			c = u8_decode(s + j, tok[i].end - j, &len);
			FZ_CHECK(c == U8_BAD || !u8_isspace(c));
		}
	}

	ar_reset(&ar);
	doc_paragraphs("-", 1, s, size, &r, &n, &cap, &ar);
	t = calloc(n + 1, sizeof(*t));
	for (i = 0; i < n; i++) {
		t[i].text = r[i].text;
		t[i].len = r[i].textlen;
		t[i].start = r[i].start;
	}
	ne = ner_tag(m, t, n, &v, &vcap);
	prev = 0;
	for (i = 0; i < ne; i++) {
		FZ_CHECK(v[i].start < v[i].end && v[i].start >= prev);
		prev = v[i].end;
		FZ_CHECK(v[i].type < NER_NTYPES);
		FZ_CHECK(v[i].text < n);
		FZ_CHECK(v[i].start >= t[v[i].text].start &&
		    v[i].end <= t[v[i].text].start + t[v[i].text].len);
		FZ_CHECK(v[i].norm != NULL && v[i].normlen > 0);
		for (j = 0; j < n; j++)
			if (v[i].norm >= t[j].text &&
			    v[i].norm + v[i].normlen <= t[j].text + t[j].len)
				break;
		FZ_CHECK(j < n);
	}
	ne2 = ner_tag(m, t, n, &w, &wcap);
	FZ_CHECK(ne2 == ne);
	for (i = 0; i < ne; i++)
		FZ_CHECK(v[i].start == w[i].start && v[i].end == w[i].end &&
		    v[i].type == w[i].type && v[i].normlen == w[i].normlen &&
		    memcmp(v[i].norm, w[i].norm, v[i].normlen) == 0);
	/* fresh arrays for every input, so a replay does not depend on the
	 * order of the corpus (a grown array hides a use after realloc) */
	free(v);
	free(w);
	v = w = NULL;
	vcap = wcap = 0;
	free(t);
	free(s);
	return 0;
}
