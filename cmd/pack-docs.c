/*
 * pack-docs: one raw record per article file, so that a directory of
 * articles becomes one line per document for GNU parallel, Hadoop
 * Streaming or Spark, which cut their input only at line ends.
 */
#include <err.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "out.h"
#include "tool.h"

static const char *const kinds[] = { "raw", NULL };

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: pack-docs [-0hjlVv] [file ...]\n");
}

static struct out o;
static struct buf data;
static size_t ndoc, nbytes;

/* Pack one file; 0 on success, -1 (after a warning) when unreadable. */
static int
pack(const char *path)
{
	char tmp[65536];
	size_t k;
	FILE *fp;

	if (strcmp(path, "-") == 0)
		fp = stdin;
	else if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	buf_reset(&data);
	while ((k = fread(tmp, 1, sizeof(tmp), fp)) > 0)
		buf_add(&data, tmp, k);
	if (ferror(fp)) {
		warn("%s", path);
		if (fp != stdin)
			fclose(fp);
		return -1;
	}
	if (fp != stdin)
		fclose(fp);
	out_doc(&o, path, strlen(path));
	out_new(&o, "raw", 0, data.len, "_", data.p ? data.p : "", data.len);
	out_doc_end(&o, 0);
	ndoc++;
	nbytes += data.len;
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "json", no_argument, NULL, 'j' },
		{ "from-list", no_argument, NULL, 'l' },
		{ "null", no_argument, NULL, '0' },
		{ NULL, 0, NULL, 0 },
	};
	enum out_fmt fmt = OUT_TSV;
	int ch, fromlist = 0, delim = '\n', verbose = 0, status = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	signal(SIGPIPE, SIG_DFL);
	while ((ch = getopt_long(argc, argv, "0hjlVv", lo, NULL)) != -1) {
		switch (ch) {
		case '0': delim = '\0'; break;
		case 'j': fmt = OUT_JSON; break;
		case 'l': fromlist = 1; break;
		case 'v': verbose = 1; break;
		case 'h':
			usage(stdout);
			printf("See pack-docs(1) and newsutils(7).\n");
			return 0;
		case 'V':
			printf("pack-docs (newsutils) %s\n", NEWSUTILS_VERSION);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (fromlist && argc > 0) {
		warnx("--from-list reads the names from standard input; "
		    "give no file operands");
		usage(stderr);
		return 2;
	}
	out_init(&o, fmt, 0, kinds);
	if (fromlist) {
		while ((n = getdelim(&line, &cap, delim, stdin)) > 0) {
			if (line[n - 1] == delim)
				line[--n] = '\0';
			if (n > 0 && pack(line) < 0)
				status = 1;
		}
		if (ferror(stdin)) {
			warn("stdin");
			status = 1;
		}
		free(line);
	} else if (argc == 0)
		status = pack("-") < 0;
	else
		for (; *argv; argv++)
			if (pack(*argv) < 0)
				status = 1;
	out_close(&o);
	buf_free(&data);
	if (verbose)
		fprintf(stderr, "pack-docs: %zu documents, %zu bytes\n", ndoc,
		    nbytes);
	return status;
}
