/*
 * unit.h: the little a C unit test needs.  CHECK() counts and reports a
 * failed assertion without stopping, so one run shows every failure;
 * unit_done() prints the closing line and gives the exit status.
 */
#ifndef UNIT_H
#define UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_pass, unit_fail;

#define CHECK(cond) do {						\
	if (cond)							\
		unit_pass++;						\
	else {								\
		unit_fail++;						\
		fprintf(stderr, "%s:%d: failed: %s\n", __FILE__,	\
		    __LINE__, #cond);					\
	}								\
} while (0)

/* Compare a byte string with an expected C string. */
#define CHECK_MEM(p, n, s) CHECK((n) == strlen(s) && memcmp((p), (s), (n)) == 0)

static inline int
unit_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, unit_pass, unit_fail);
	return unit_fail != 0;
}

#ifdef QT_H
/* Lay text out as qt.h's paragraphs, one per line, at most max of them:
 * the input the qt unit tests give qt_extract().  Returns how many. */
static inline size_t
unit_qt_lines(const char *text, size_t len, struct qt_span *para, size_t max)
{
	size_t n = 0, i = 0;

	while (i < len && n < max) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		para[n].start = i;
		para[n++].end = e;
		i = e + 1;
	}
	return n;
}
#endif

#endif
