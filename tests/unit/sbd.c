/*
 * Unit tests of common/sbd.c: the span invariants of sbd.h on random
 * text full of terminators, quotes, multi-byte and invalid bytes, and the
 * rules interface (sbd_new from a tree, sbd_default built once).
 */
#include <stdint.h>
#include <stdlib.h>

#include "buf.h"
#include "cfg.h"
#include "sbd.h"
#include "u8.h"
#include "unit.h"

static int
space_at(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t c = u8_decode(s + i, n - i, len);

	return u8_isspace(c);
}

/* Check every invariant sbd.h promises for the spans of text[0..n). */
static int
invariants(const char *t, size_t n, const struct sbd_span *v, size_t k)
{
	size_t i, p, l, prev = 0;
	unsigned char *cov = calloc(n + 1, 1);
	int ok = 1;

	for (i = 0; i < k; i++) {
		if (!(v[i].start < v[i].end && v[i].end <= n && v[i].start >= prev))
			ok = 0;
		if (!ok)
			break;
		if (space_at(t, n, v[i].start, &l))
			ok = 0;
		if (space_at(t, n, v[i].end - u8_prevlen(t, v[i].end), &l))
			ok = 0;
		/* ends at the text's end, right before white space, or after
		 * the . ? ! or … of a sentence glued to the next one */
		if (v[i].end < n && !space_at(t, n, v[i].end, &l) &&
		    !((strchr(".?!", t[v[i].end - 1]) || (v[i].end >= 3 &&
		    memcmp(t + v[i].end - 3, "\xe2\x80\xa6", 3) == 0)) &&
		    i + 1 < k && v[i + 1].start == v[i].end))
			ok = 0;
		for (p = v[i].start; p < v[i].end; p++)
			cov[p] = 1;
		prev = v[i].end;
	}
	/* every byte that is not white space is in a span */
	for (p = 0; ok && p < n; p += l)
		if (!space_at(t, n, p, &l) && !cov[p])
			ok = 0;
	free(cov);
	return ok;
}

static const char *const pieces[] = {
	"a", "Mr", "U.S", "Inc", "The", "the", "Then", "x", "iPhone", "3", "3.5", " ", "  ",
	"\t", ".", ".", ".", "?", "!", "…", "...", ". . .", "\"", "'", "“", "”",
	"‘", "’", "(", ")", "[", "]", "•", "1.", "2.", "b)", "\xc2\xa0",
	"\xe2\x80\xa8", "\xff", "\xe2\x80", "\xc3", "e.g.", "No", "x@y.z",
	"(AP Photo/Lee)", "Image:",
};

static void
random_text(struct buf *b, unsigned *seed, size_t pieces_n)
{
	size_t i, k = sizeof pieces / sizeof pieces[0];

	buf_reset(b);
	for (i = 0; i < pieces_n; i++) {
		*seed = *seed * 1103515245u + 12345u;
		buf_adds(b, pieces[(*seed >> 8) % k]);
	}
}

static size_t
split(const struct sbd *s, const char *t, struct sbd_span **v, size_t *cap)
{
	return sbd_split(s, t, strlen(t), v, cap);
}

int
main(void)
{
	struct buf b = BUF_INIT;
	struct sbd_span *v = NULL;
	size_t cap = 0, k, i;
	unsigned seed = 12345;
	const struct sbd *def = sbd_default();
	struct sbd *mine;
	struct cfg *c;
	int allok = 1;
	static const char yaml[] = "titles: [Blg]\nstarters: [The]\n";

	CHECK(def != NULL && def == sbd_default());

	/* random soup: the invariants hold whatever the bytes are */
	for (i = 0; i < 20000; i++) {
		random_text(&b, &seed, 1 + i % 60);
		k = sbd_split(def, b.p, b.len, &v, &cap);
		if (!invariants(b.p, b.len, v, k)) {
			allok = 0;
			fprintf(stderr, "invariant broken on: \"%s\"\n", b.p);
			break;
		}
	}
	CHECK(allok);

	/* nothing but white space has no sentence; the array is reused */
	CHECK(split(def, "", &v, &cap) == 0);
	CHECK(split(def, " \t\xc2\xa0 ", &v, &cap) == 0);
	k = split(def, "  One. Two.  ", &v, &cap);
	CHECK(k == 2 && v[0].start == 2 && v[0].end == 6 && v[1].start == 7 &&
	    v[1].end == 11);

	/* a long run of periods and abbreviations stays linear and sane */
	buf_reset(&b);
	for (i = 0; i < 100000; i++)
		buf_adds(&b, i % 3 ? "U.S. " : ". ");
	k = sbd_split(def, b.p, b.len, &v, &cap);
	CHECK(invariants(b.p, b.len, v, k));

	/* one word longer than any look-behind */
	buf_reset(&b);
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "a.");
	buf_adds(&b, " Next one.");
	k = sbd_split(def, b.p, b.len, &v, &cap);
	CHECK(k == 2 && invariants(b.p, b.len, v, k));

	/* glued sentences split, addresses and numbers do not */
	k = split(def, "Water rose.Roads closed.", &v, &cap);
	CHECK(k == 2 && v[0].end == 11 && v[1].start == 11);
	CHECK(split(def, "See x.Com/a or jo.Doe@x.org or 3.5 or U.S.Army.", &v,
	    &cap) == 1);

	/* a photo credit after a caption is a sentence of its own, once,
	 * however much white space ends the text after it */
	k = split(def, "Boats in the bay.) (AP Photo/Ana Ruiz) ", &v, &cap);
	CHECK(k == 2 && v[0].end == 18 && v[1].start == 19 && v[1].end == 38);
	k = split(def, "Boats in the bay. (AP Photo/Ana Ruiz)\xc2\xa0 \t", &v,
	    &cap);
	CHECK(k == 2 && v[1].start == 18 && v[1].end == 37);

	/* rules from a tree: only what it lists */
	c = cfg_parse("test.yaml", yaml, sizeof yaml - 1);
	mine = sbd_new(c);
	cfg_free(c);
	k = split(mine, "See Blg. The end.", &v, &cap);
	CHECK(k == 1);
	k = split(def, "See Blg. The end.", &v, &cap);
	CHECK(k == 2);
	k = split(mine, "In the U.S. The end.", &v, &cap);
	CHECK(k == 2);
	k = split(mine, "In the U.S. Then the end.", &v, &cap);
	CHECK(k == 1);		/* Then is not a starter there */
	sbd_free(mine);

	free(v);
	buf_free(&b);
	return unit_done("sbd");
}
