/*
 * fuzz_bp: boilerplate judging (bp.h) on arbitrary bytes, one paragraph per
 * line.  Properties, from the invariants of bp.h: one verdict per
 * paragraph; a kept one has a non-empty span after trimming and bytes equal
 * to the input's except blanked residue (spaces); a why word from the
 * fixed list; and judging is idempotent: judging the kept paragraphs again,
 * as blanked and trimmed, keeps them all, as title or not as before, and
 * changes none.
 */
#include "fuzz.h"
#include "arena.h"
#include "bp.h"
#include "cfg.h"
#include "doc.h"

static struct cfg *root;		/* kept: the rules may point into it */
static struct bp_rules *rules;
static struct bp_judge *judge;

struct kept {
	char *text;
	size_t len, line;
	int title;
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Give the rules back at exit, so that LeakSanitizer sees no leak. */
static void
done(void)
{
	bp_judge_free(judge);
	bp_rules_free(rules);
	cfg_free(root);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena ar = ARENA_INIT;
	static struct rec *r;
	static size_t cap;
	struct bp_verdict v;
	struct kept *k;
	char *s = malloc(size ? size : 1);	/* exact: ASan sees overreads */
	size_t n = 0, nk = 0, i, j;

	if (rules == NULL) {
		root = cfg_parse("bp.yaml", bp_rules_yaml, bp_rules_yaml_len);
		rules = bp_compile(root);
		judge = bp_judge_new(rules);
		atexit(done);
	}
	memcpy(s, data, size);
	/* the paragraphs exactly as the reader makes them from raw text */
	ar_reset(&ar);
	doc_paragraphs("-", 1, s, size, &r, &n, &cap, &ar);
	bp_begin(judge);
	for (i = 0; i < n; i++)
		bp_add(judge, r[i].text, r[i].textlen,
		    rec_attr_size(&r[i], "line", 0));
	bp_judge(judge);
	FZ_CHECK(bp_count(judge) == n);
	k = calloc(n + 1, sizeof(*k));
	for (i = 0; i < n; i++) {
		bp_get(judge, i, &v);
		FZ_CHECK(v.why < BP_NWHY && bp_why_name[v.why] != NULL);
		FZ_CHECK(v.cls != NULL && v.rule != NULL);
		if (v.why != BP_KEEP)
			continue;
		FZ_CHECK(v.len == r[i].textlen);
		FZ_CHECK(v.lead + v.trail < v.len);
		for (j = 0; j < v.len; j++)
			FZ_CHECK(v.text[j] == r[i].text[j] || v.text[j] == ' ');
		k[nk].len = v.len - v.lead - v.trail;
		k[nk].text = malloc(k[nk].len);
		memcpy(k[nk].text, v.text + v.lead, k[nk].len);
		k[nk].line = rec_attr_size(&r[i], "line", 0);
		k[nk].title = v.title;
		nk++;
	}
	/* again, on what was kept: bp.h promises nothing changes, the
	 * headline included (a second judging once found other bounds when
	 * the paragraph that bounded the article or stood first was dropped
	 * after they were chosen: corpus/bp/idempotence-bounds-*) */
	bp_begin(judge);
	for (i = 0; i < nk; i++)
		bp_add(judge, k[i].text, k[i].len, k[i].line);
	bp_judge(judge);
	FZ_CHECK(bp_count(judge) == nk);
	for (i = 0; i < nk; i++) {
		bp_get(judge, i, &v);
		FZ_CHECK(v.why == BP_KEEP);
		FZ_CHECK(v.title == k[i].title);
		FZ_CHECK(v.lead == 0 && v.trail == 0 && v.len == k[i].len &&
		    memcmp(v.text, k[i].text, v.len) == 0);
	}
	for (i = 0; i < nk; i++)
		free(k[i].text);
	free(k);
	free(s);
	return 0;
}
