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

#endif
