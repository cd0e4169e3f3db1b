/*
 * sbd-lib: the splitter alone (sbd_split on each line of the input, with
 * the embedded rules), without record reading and writing, so that
 * make bench-sbd can show what the algorithm costs apart from the format.
 *
 *   sbd-lib FILE	prints sentences, bytes and MB per CPU second
 */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "sbd.h"

static double
cpu(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct buf b = BUF_INIT;
	struct sbd_span *v = NULL;
	const struct sbd *s;
	char tmp[65536];
	size_t cap = 0, k, nsent = 0;
	const char *p, *e, *q;
	double t0, t;
	FILE *fp;

	if (argc != 2)
		errx(2, "usage: sbd-lib file");
	if ((fp = fopen(argv[1], "rb")) == NULL)
		err(1, "%s", argv[1]);
	while ((k = fread(tmp, 1, sizeof tmp, fp)) > 0)
		buf_add(&b, tmp, k);
	if (ferror(fp))
		err(1, "%s", argv[1]);
	fclose(fp);
	s = sbd_default();
	t0 = cpu();
	for (p = b.p, e = b.p + b.len; p < e; p = q + 1) {
		if ((q = memchr(p, '\n', (size_t)(e - p))) == NULL)
			q = e;
		nsent += sbd_split(s, p, (size_t)(q - p), &v, &cap);
	}
	t = cpu() - t0;
	printf("%zu %zu %.1f\n", nsent, b.len, t > 0 ? (double)b.len / 1e6 / t : 0.0);
	free(v);
	buf_free(&b);
	return 0;
}
