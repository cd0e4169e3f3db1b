/*
 * fuzz_sbd: the sentence splitter (sbd.h) on arbitrary bytes, as one
 * paragraph and line by line.  Properties, from the invariants of sbd.h:
 * spans in order, disjoint, within the text, none starting or ending with
 * White_Space, never ending inside a word, together covering every byte
 * that is not White_Space; and the same text splits the same way twice.
 */
#include "fuzz.h"
#include "cfg.h"
#include "sbd.h"

static int
space_at(const char *s, size_t n, size_t i, size_t *len)
{
	int32_t c = u8_decode(s + i, n - i, len);

	return c != U8_BAD && u8_isspace(c);
}

/*
 * A break with no space after it, as split-sentences makes between
 * sentences glued by a lost space ("left.Then") and in text without spaces
 * (CJK "。"), is still never inside a word: not between two letters or
 * digits.
 */
static int
glued(const char *s, size_t n, size_t at)
{
	size_t len, k;
	int32_t prev, next;

	if (at == 0 || at >= n)
		return 0;
	k = u8_prevlen(s, at);
	prev = u8_decode(s + at - k, k, &len);
	next = u8_decode(s + at, n - at, &len);
	return !(prev != U8_BAD && next != U8_BAD && u8_isalnum(prev) &&
	    u8_isalnum(next));
}

static void
check(const struct sbd *sb, const char *s, size_t n)
{
	static struct sbd_span *v, *w;
	static size_t cap, wcap;
	size_t k, m, i, len, prev = 0, j;
	unsigned char *cov = calloc(n + 1, 1);

	k = sbd_split(sb, s, n, &v, &cap);
	for (i = 0; i < k; i++) {
		FZ_CHECK(v[i].start < v[i].end && v[i].end <= n);
		FZ_CHECK(v[i].start >= prev);
		prev = v[i].end;
		FZ_CHECK(!space_at(s, v[i].end, v[i].start, &len));
		/* the last character is not White_Space either */
		j = v[i].end - u8_prevlen(s + v[i].start, v[i].end - v[i].start);
		FZ_CHECK(!space_at(s, v[i].end, j, &len) || len != v[i].end - j);
		/* it ends at the end of the text, before White_Space, or
		 * between glued sentences ("left.Then", "。X"): sbd.h */
		FZ_CHECK(v[i].end == n || space_at(s, n, v[i].end, &len) ||
		    glued(s, n, v[i].end));
		memset(cov + v[i].start, 1, v[i].end - v[i].start);
	}
	for (i = 0; i < n; i += len)
		if (!space_at(s, n, i, &len))
			FZ_CHECK(cov[i]);
	m = sbd_split(sb, s, n, &w, &wcap);
	FZ_CHECK(m == k);
	FZ_CHECK(k == 0 || memcmp(v, w, k * sizeof(*v)) == 0);
	free(cov);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct sbd *sb = sbd_default();
	char *s = malloc(size ? size : 1);	/* exact: ASan sees overreads */
	size_t pos = 0, e;
	const char *nl;

	memcpy(s, data, size);
	check(sb, s, size);
	while (pos < size) {
		nl = memchr(s + pos, '\n', size - pos);
		e = nl ? (size_t)(nl - s) : size;
		check(sb, s + pos, e - pos);
		pos = e + 1;
	}
	free(s);
	return 0;
}
