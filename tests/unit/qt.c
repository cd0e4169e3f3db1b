/*
 * Unit tests of qt.h: quotation marks against apostrophes, exact offsets,
 * paragraph parts, stray marks, forms, straight from qt_extract() on text
 * laid out by hand (no sentence or entity spans: the defaults apply).
 */
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "qt.h"
#include "unit.h"

static struct qt_rules *rules;
static struct qt_quote *v;
static size_t cap;

/* Extract from text whose paragraphs are its lines. */
static size_t
run(const char *text, unsigned forms)
{
	struct qt_span para[16];
	struct qt_input in;
	size_t len = strlen(text), n = unit_qt_lines(text, len, para, 16);

	memset(&in, 0, sizeof in);
	in.text = text;
	in.len = len;
	in.para = para;
	in.npara = n;
	in.title = -1;
	return qt_extract(rules, &in, forms, &v, &cap);
}

static int
quoted(const char *text, size_t k, const char *want)
{
	return v[k].end - v[k].start == strlen(want) &&
	    memcmp(text + v[k].start, want, strlen(want)) == 0;
}

int
main(void)
{
	const char *t;
	size_t n;

	rules = qt_rules_new(qt_default_cfg());

	/* apostrophes are never marks */
	t = "Head\nThe Smiths\xe2\x80\x99 house, O\xe2\x80\x99" "Brien\xe2\x80\x99s bar "
	    "and rock \xe2\x80\x99n\xe2\x80\x99 roll from the \xe2\x80\x99" "90s don\xe2\x80\x99t mix.";
	CHECK(run(t, QT_ALLFORMS) == 0);

	/* curly marks, exact offsets, speaker after */
	t = "Head\n\xe2\x80\x9cWe will open the bridge in May,\xe2\x80\x9d said Ana Ortiz.";
	n = run(t, QT_ALLFORMS);
	CHECK(n == 1);
	CHECK(n == 1 && quoted(t, 0, "We will open the bridge in May,"));
	CHECK(n == 1 && v[0].form == QT_DIRECT && v[0].stype == QT_SNAME);
	CHECK(n == 1 && v[0].speakerlen == 9 && memcmp(v[0].speaker, "Ana Ortiz", 9) == 0);
	CHECK(n == 1 && v[0].has_sp && v[0].sp_end - v[0].sp_start == 9);

	/* a nested single quotation is part of the outer one */
	t = "Head\n\"He told me, 'Never again,' and left,\" Ortiz said.";
	n = run(t, QT_ALLFORMS);
	CHECK(n == 1 && quoted(t, 0, "He told me, 'Never again,' and left,"));

	/* three paragraphs, one quotation */
	t = "Head\n\"The first part of it goes here.\n\"The second part goes here.\n"
	    "\"And the third part ends it,\" said Ana Ortiz.";
	n = run(t, QT_ALLFORMS);
	CHECK(n == 3);
	CHECK(n == 3 && v[0].part == 1 && v[1].part == 2 && v[2].part == 3);
	CHECK(n == 3 && v[0].nparts == 3 && v[2].nparts == 3);
	CHECK(n == 3 && v[0].speaker && v[0].speakerlen == v[2].speakerlen);

	/* a stray opening mark takes nothing with it */
	t = "Head\nThe utility blamed a \xe2\x80\x9c" "dry summer for the rise.\n"
	    "\xe2\x80\x9cWe had no choice,\xe2\x80\x9d said Irene Malik.";
	n = run(t, QT_FORM(QT_DIRECT) | QT_FORM(QT_PARTIAL));
	CHECK(n == 1 && quoted(t, 0, "We had no choice,"));

	/* 10,000 unbalanced marks in one paragraph */
	{
		char *big = malloc(30016);
		size_t i;
		memcpy(big, "Head\n", 5);
		for (i = 0; i < 10000; i++)
			memcpy(big + 5 + 3 * i, "\xe2\x80\x9c", 3);
		big[5 + 30000] = '\0';
		CHECK(run(big, QT_ALLFORMS) == 0);
		free(big);
	}

	/* reported speech, and --forms */
	t = "Head\nThe company said that the plant would close in June.";
	n = run(t, QT_ALLFORMS);
	CHECK(n == 1 && v[0].form == QT_INDIRECT &&
	    quoted(t, 0, "the plant would close in June"));
	CHECK(run(t, QT_FORM(QT_DIRECT) | QT_FORM(QT_PARTIAL)) == 0);
	t = "Head\nThe said property will be sold next year.";
	CHECK(run(t, QT_ALLFORMS) == 0);

	CHECK(qt_form_parse("indirect", 8) == QT_INDIRECT);
	CHECK(qt_form_parse("direct", 6) == QT_DIRECT);
	CHECK(qt_form_parse("dir", 3) == -1);
	CHECK(strcmp(qt_form_name(QT_PARTIAL), "partial") == 0);

	free(v);
	qt_rules_free(rules);
	return unit_done("qt");
}
