/*
 * Unit tests of the speaker resolution of qt.h (qtname.c): a surname, a
 * pronoun or "the senator" goes to the full name it stands for, with or
 * without entity spans, in entity order or not; and since qtname keeps
 * its tables from one document to the next, a document gives the same
 * speakers whatever ran before it.  Also the key every name and cue is
 * looked up by (lx_fold(), qtlex.c), against a byte-at-a-time fold.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "qt.h"
#include "unit.h"

static struct qt_rules *rules;
static struct qt_quote *v;
static size_t cap;

/* Paragraphs are the lines of text; ent[0..ne) as given. */
static size_t
run_ents(const char *text, const struct qt_ent *ent, size_t ne)
{
	static struct qt_span para[512];
	struct qt_input in;
	size_t len = strlen(text), n = unit_qt_lines(text, len, para, 512);

	memset(&in, 0, sizeof in);
	in.text = text;
	in.len = len;
	in.para = para;
	in.npara = n;
	in.title = 0;
	in.ent = ent;
	in.nent = ne;
	return qt_extract(rules, &in, QT_FORM(QT_DIRECT), &v, &cap);
}

static size_t
run(const char *text)
{
	return run_ents(text, NULL, 0);
}

/* Does quote k have speaker s? */
static int
said_by(size_t k, const char *s)
{
	return v[k].speaker != NULL && v[k].speakerlen == strlen(s) &&
	    memcmp(v[k].speaker, s, v[k].speakerlen) == 0;
}

/* An entity span over the first occurrence of w at or after from. */
static struct qt_ent
ent_at(const char *text, const char *w, size_t from, enum qt_etype t)
{
	struct qt_ent e;
	const char *p = strstr(text + from, w);

	memset(&e, 0, sizeof e);
	e.start = p ? (size_t)(p - text) : 0;
	e.end = e.start + strlen(w);
	e.type = t;
	return e;
}

static const char story[] =
    "Ferry Service Returns\n"
    "The harbour board chose Tomas Lindqvist to run the new ferry.\n"
    "\"We start on Monday,\" Lindqvist said.\n"
    "Marta Quiroga, who owns the cafe on the pier, was pleased.\n"
    "\"It will bring people back,\" she said.\n"
    "\"The timetable is fixed,\" he said.";

static const char story2[] =
    "Pier Cafe Reopens\n"
    "Quiroga reopened the cafe after Tomas Lindqvist fixed the roof.\n"
    "Marta Quiroga thanked Lindqvist.\n"
    "\"Coffee is on the house today,\" Quiroga said.";

/* lx_fold() as qt.h says, a byte at a time: ASCII capitals lower case,
 * a typographic apostrophe as ', every other byte as it is. */
static size_t
fold_ref(const char *s, size_t n, char *key)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i + 2 < n && memcmp(s + i, "\xe2\x80\x99", 3) == 0) {
			c = '\'';
			i += 2;
		} else if (c >= 'A' && c <= 'Z')
			c += 32;
		key[k++] = (char)c;
	}
	return k;
}

/* Keys of every length to past LX_MAXKEY, from ASCII only (folded a word
 * at a time) to words with an apostrophe, accents or stray bytes. */
static void
test_fold(void)
{
	static const char *const pieces[] = { "A", "z", "Z", "a", "@", "[",
	    "`", "{", " ", ".", "\x7f", "\xe2\x80\x99", "\xc3\x89", "\xe2",
	    "\x80", "\xff" };
	char s[LX_MAXKEY + 16], key[LX_KEYBUF], want[LX_MAXKEY + 16];
	size_t i, n, k, kl, wl, bad = 0;
	unsigned seed = 11;
	uint32_t h;

	for (i = 0; i < 30000; i++) {
		size_t odd = i % 3, len = i % (LX_MAXKEY + 8);

		for (n = 0; n < len;) {
			const char *p;
			seed = seed * 1103515245u + 12345u;
			k = (seed >> 16) % 64;
			p = odd == 0 || k < 56 ? pieces[k % 10] :
			    pieces[k % (sizeof pieces / sizeof pieces[0])];
			if (n + strlen(p) > len)
				break;
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		memset(key, 'x', sizeof key);
		h = lx_fold(s, n, key, &kl);
		wl = fold_ref(s, n, want);
		if (n >= LX_MAXKEY) {
			bad += kl != 0;
			continue;
		}
		bad += kl != wl || memcmp(key, want, wl) != 0 ||
		    memcmp(key + kl, "\0\0\0\0\0\0\0\0", 8) != 0 ||
		    h != lx_hash(key, kl);
	}
	CHECK(bad == 0);
}

/*
 * Reported speech and quotations are found in separate passes and come
 * back merged: sorted by end, then start, whichever way they interleave,
 * each form where the text has it.
 */
static void
test_order(void)
{
	static const char text[] =
	    "Harbour Works\n"
	    "Nadia Ferro said the pier would open in May.\n"
	    "\"It is nearly done,\" she said.\n"
	    "Omar Petit said the cafe would reopen.\n"
	    "\"We waited long enough,\" said Omar Petit.\n"
	    "Ferro told reporters that the cost had doubled.\n"
	    "\"Nobody is happy,\" she added.";
	static struct qt_span para[8];
	struct qt_input in;
	size_t i, n, nform[QT_NFORMS] = { 0 };

	memset(&in, 0, sizeof in);
	in.text = text;
	in.len = strlen(text);
	in.para = para;
	in.npara = unit_qt_lines(text, in.len, para, 8);
	in.title = 0;
	n = qt_extract(rules, &in, QT_ALLFORMS, &v, &cap);
	for (i = 0; i < n; i++)
		nform[v[i].form]++;
	CHECK(nform[QT_DIRECT] == 3);
	CHECK(nform[QT_INDIRECT] == 3);
	for (i = 1; i < n; i++)
		CHECK(v[i - 1].end < v[i].end || (v[i - 1].end == v[i].end &&
		    v[i - 1].start <= v[i].start));
}

int
main(void)
{
	size_t n, i, first, wholen[3];
	char *big;
	const char *who[3];

	test_fold();
	rules = qt_rules_new(qt_default_cfg());
	test_order();

	/* without entity spans: runs of capitals name the people */
	n = run(story);
	CHECK(n == 3);
	CHECK(n == 3 && said_by(0, "Tomas Lindqvist"));
	CHECK(n == 3 && said_by(1, "Marta Quiroga"));
	/* "he" skips the nearer woman for the man named before her */
	CHECK(n == 3 && said_by(2, "Tomas Lindqvist"));
	for (i = 0; i < n && i < 3; i++) {
		who[i] = v[i].speaker;
		wholen[i] = v[i].speakerlen;
	}
	first = n;

	/* a surname before the full name takes the later full name */
	n = run("Bridge Vote\n"
	    "\"The bridge is safe,\" Okafor said.\n"
	    "Council engineer Grace Okafor inspected it on Friday.");
	CHECK(n == 1 && said_by(0, "Grace Okafor"));

	/* "the senator": the last person introduced as one */
	n = run("Budget Talks\n"
	    "Sen. Della Roane and Rep. Hugo Brandt met in the morning.\n"
	    "\"There is no deal yet,\" the senator said.");
	CHECK(n == 1 && said_by(0, "Della Roane"));

	/* with entity spans, given out of order: the same speakers */
	{
		struct qt_ent e[4];
		e[0] = ent_at(story, "Marta Quiroga", 0, QT_PER);
		e[1] = ent_at(story, "Tomas Lindqvist", 0, QT_PER);
		e[2] = ent_at(story, "Lindqvist", e[1].end, QT_PER);
		e[3] = ent_at(story, "Ferry", 0, QT_ORG);
		n = run_ents(story, e, 4);
		CHECK(n == 3 && said_by(0, "Tomas Lindqvist"));
		CHECK(n == 3 && said_by(1, "Marta Quiroga"));
		CHECK(n == 3 && said_by(2, "Tomas Lindqvist"));
	}

	/* a document of many names, then the first one again: the tables
	 * it grew and left behind change nothing */
	{
		size_t k, len = 0, room = 400 * 96 + 64;
		big = malloc(room);
		len += (size_t)snprintf(big + len, room - len, "Roll Call\n");
		for (k = 0; k < 400; k++)
			if (k % 2)
				len += (size_t)snprintf(big + len, room - len,
				    "\"Item %zu is done,\" said Ada Name%zu, "
				    "and Ben Other%zu agreed.\n", k, k, k);
			else	/* the story's words, to meet in its tables */
				len += (size_t)snprintf(big + len, room - len,
				    "\"Item %zu is done,\" said Lindqvist, and "
				    "Quiroga agreed with Marta Lindqvist.\n", k);
		big[len - 1] = '\0';
		n = run(big);
		CHECK(n == 400);
		CHECK(n == 400 && said_by(399, "Ada Name399"));
		CHECK(n == 400 && said_by(2, "Marta Lindqvist"));
		free(big);
	}
	n = run(story);
	CHECK(n == first);
	for (i = 0; i < n && i < 3; i++)
		CHECK(v[i].speaker == who[i] && v[i].speakerlen == wholen[i]);
	/* and after a story of the same size and names in another order */
	n = run(story2);
	CHECK(n == 1 && said_by(0, "Marta Quiroga"));
	n = run(story);
	CHECK(n == first);
	for (i = 0; i < n && i < 3; i++)
		CHECK(v[i].speaker == who[i] && v[i].speakerlen == wholen[i]);

	free(v);
	qt_rules_free(rules);
	return unit_done("qtname");
}
