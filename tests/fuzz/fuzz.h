/*
 * fuzz.h: what the harnesses share.  Each harness is one
 * LLVMFuzzerTestOneInput() that runs library code on the input and checks
 * properties that must hold for any bytes; a broken property aborts with
 * the expression and line, which libFuzzer and the replay program (replay.c)
 * both report as a failure.  Everything here is static: each harness is a
 * single translation unit.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "u8.h"

/*
 * FZ_NAME("fuzz_x"): the harness's LLVMFuzzerInitialize(), naming it in
 * the library's warnx() messages, which some harnesses count and compare.
 */
#define FZ_NAME(name)							\
int LLVMFuzzerInitialize(int *argc, char ***argv);			\
int									\
LLVMFuzzerInitialize(int *argc, char ***argv)				\
{									\
	program_invocation_short_name = (name);				\
	return 0;							\
}

/* stderr as it was before fz_quiet(), for reports in the middle of a run */
static FILE *fz_saved_err;

#define FZ_CHECK(e) do {						\
	if (!(e)) {							\
		fprintf(fz_saved_err ? fz_saved_err : stderr,		\
		    "%s:%d: property failed: %s\n",			\
		    __FILE__, __LINE__, #e);				\
		abort();						\
	}								\
} while (0)

/*
 * Library messages (warnx) go to a memory stream while a harness runs, so
 * that fuzzing is quiet and the harness can count them; crash reports of
 * the sanitizers write to fd 2 directly and are not affected.
 */
static char *fz_errp;
static size_t fz_errlen;

static __attribute__((unused)) void
fz_quiet(void)
{
	fflush(stderr);
	fz_saved_err = stderr;
	stderr = open_memstream(&fz_errp, &fz_errlen);
	if (stderr == NULL)
		stderr = fz_saved_err;
}

/* Restore stderr; returns the number of lines the library wrote. */
static __attribute__((unused)) size_t
fz_loud(void)
{
	size_t i, n = 0;

	if (fz_saved_err == NULL || stderr == fz_saved_err)
		return 0;
	fclose(stderr);
	stderr = fz_saved_err;
	fz_saved_err = NULL;
	for (i = 0; i < fz_errlen; i++)
		n += fz_errp[i] == '\n';
	free(fz_errp);
	fz_errp = NULL;
	fz_errlen = 0;
	return n;
}

/* Is s[0..n) clean output: valid UTF-8, no NUL or C0 byte but TAB? */
static __attribute__((unused)) int
fz_clean(const char *s, size_t n)
{
	return u8_cleanlen(s, n) == n && memchr(s, '\r', n) == NULL;
}

/*
 * A small JSON checker, enough for the JSON Lines newsutils writes: one
 * object per line of string keys and string, number or null values.
 */
static __attribute__((unused)) const char *
fz_json_str(const char *p, const char *e)
{
	if (p >= e || *p++ != '"')
		return NULL;
	while (p < e && *p != '"') {
		if ((unsigned char)*p < 0x20)
			return NULL;
		if (*p == '\\') {
			if (++p >= e || strchr("\"\\/bfnrtu", *p) == NULL)
				return NULL;
			if (*p == 'u') {
				int i;
				for (i = 0; i < 4; i++)
					if (++p >= e || strchr("0123456789abcdefABCDEF", *p) == NULL)
						return NULL;
			}
		}
		p++;
	}
	return p < e ? p + 1 : NULL;
}

static __attribute__((unused)) int
fz_json_line(const char *p, size_t n)
{
	const char *e = p + n;

	if (!fz_clean(p, n) || n < 2 || *p++ != '{')
		return 0;
	for (;;) {
		if ((p = fz_json_str(p, e)) == NULL || p >= e || *p++ != ':')
			return 0;
		if (p < e && *p == '"')
			p = fz_json_str(p, e);
		else if (e - p >= 4 && memcmp(p, "null", 4) == 0)
			p += 4;
		else if (p < e && *p >= '0' && *p <= '9') {
			if (*p == '0' && p + 1 < e && p[1] >= '0' && p[1] <= '9')
				return 0;
			while (p < e && *p >= '0' && *p <= '9')
				p++;
		} else
			return 0;
		if (p == NULL || p >= e)
			return 0;
		if (*p == '}')
			return p + 1 == e;
		if (*p++ != ',')
			return 0;
	}
}

/* Do a and b agree, allowing '?' in b for bytes of a that need it (the
 * writers' replacement of bytes that are not clean UTF-8)? */
static inline int
same_but_replaced(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, k;

	if (an != bn)
		return 0;
	while (i < an) {
		k = u8_cleanlen(a + i, an - i);
		if (memcmp(a + i, b + i, k) != 0)
			return 0;
		if ((i += k) == an)
			break;
		if (b[i++] != '?')
			return 0;
	}
	return 1;
}

/* Next line of s[*pos..n) without its LF; 0 at the end. */
static inline int
line_at(const char *s, size_t n, size_t *pos, const char **l, size_t *len)
{
	const char *nl;

	if (*pos >= n)
		return 0;
	*l = s + *pos;
	nl = memchr(*l, '\n', n - *pos);
	*len = nl ? (size_t)(nl - *l) : n - *pos;
	*pos += *len + (nl != NULL);
	return 1;
}

#endif
