/*
 * sbd-icu: the reference that make bench-sbd runs split-sentences
 * against.  ICU's sentence BreakIterator over each line of the input (one
 * paragraph per line, as split-sentences reads raw text), writing each
 * sentence as a line and an empty line after each paragraph, as
 * split-sentences --text does, so both do the same work on the same bytes.
 *
 *   sbd-icu < paragraphs.txt > sentences.txt
 *
 * Built only by make bench (it needs libicu-dev).
 */
#include <stdio.h>
#include <stdlib.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

static void
die(const char *what, UErrorCode e)
{
	fprintf(stderr, "sbd-icu: %s: %s\n", what, u_errorName(e));
	exit(1);
}

static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

int
main(void)
{
	UErrorCode e = U_ZERO_ERROR;
	UBreakIterator *bi;
	UText *ut = NULL;
	char *line = NULL;
	size_t cap = 0, nsent = 0;
	ssize_t n;
	int32_t a, b, s, t;

	bi = ubrk_open(UBRK_SENTENCE, "en_US", NULL, 0, &e);
	if (U_FAILURE(e))
		die("ubrk_open", e);
	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		ut = utext_openUTF8(ut, line, n, &e);
		if (U_FAILURE(e))
			die("utext_openUTF8", e);
		ubrk_setUText(bi, ut, &e);
		if (U_FAILURE(e))
			die("ubrk_setUText", e);
		/* UTF-8 UText indexes are byte offsets */
		for (a = ubrk_first(bi); (b = ubrk_next(bi)) != UBRK_DONE; a = b) {
			for (s = a; s < b && blank(line[s]); s++)
				;
			for (t = b; t > s && blank(line[t - 1]); t--)
				;
			if (t > s) {
				fwrite(line + s, 1, (size_t)(t - s), stdout);
				putchar('\n');
				nsent++;
			}
		}
		putchar('\n');
	}
	if (ferror(stdin) || fflush(stdout) == EOF) {
		perror("sbd-icu");
		return 1;
	}
	fprintf(stderr, "sbd-icu: %zu sentences\n", nsent);
	utext_close(ut);
	ubrk_close(bi);
	free(line);
	return 0;
}
