#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "tool.h"

enum {
	OPT_RECORDS = 256, OPT_RAW, OPT_RULES, OPT_DUMP_RULES,
};

static const struct option common_long[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "json", no_argument, NULL, 'j' },
	{ "text", no_argument, NULL, 't' },
	{ "only", no_argument, NULL, 'o' },
	{ "records", no_argument, NULL, OPT_RECORDS },
	{ "raw", no_argument, NULL, OPT_RAW },
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "dump-rules", no_argument, NULL, OPT_DUMP_RULES },
};
#define NCOMMON (sizeof(common_long) / sizeof(common_long[0]))

static int status;

void
tool_fail(void)
{
	status = 1;
}

static void
usage(const struct tool *t, FILE *fp)
{
	fprintf(fp, "usage: %s %s\n", t->name, t->synopsis);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
owns(const struct tool *t, const struct rec *r)
{
	size_t i;

	if (r->flags & REC_MALFORMED)
		return 0;
	for (i = 0; t->kinds[i]; i++)
		if (t->kinds[i][0] == r->kind[0] &&
		    strcmp(t->kinds[i], r->kind) == 0)
			return 1;
	return 0;
}

/* "A tool replaces its own kind": its records in the input go. */
static void
drop_own(const struct tool *t, struct doc *d)
{
	size_t i, k = 0;

	/* a record is copied only once one has gone: most documents hold
	 * none of the tool's kind, and a record is 100 bytes */
	for (i = 0; i < d->n; i++)
		if (!owns(t, &d->r[i])) {
			if (k != i)
				d->r[k] = d->r[i];
			k++;
		}
	d->n = k;
}

int
tool_main(const struct tool *t, int argc, char **argv)
{
	struct option *lo;
	struct buf so = BUF_INIT;
	struct cfg *rules = NULL;
	enum out_fmt fmt = OUT_TSV;
	enum rd_mode mode = RD_AUTO;
	struct out o;
	struct reader *rd;
	struct doc d;
	const char *stdin_only[] = { "-", NULL };
	char **files;
	size_t nlo = 0, ndoc = 0, nin = 0, nbytes = 0;
	int ch, only = 0, verbose = 0, dump = 0, c;
	double t0 = now();

	program_invocation_short_name = (char *)t->name;
	argv[0] = (char *)t->name;	/* getopt's messages name argv[0] */
	/* A closed pipe must end us quietly, even if our parent ignored it. */
	signal(SIGPIPE, SIG_DFL);

	while (t->longopts && t->longopts[nlo].name)
		nlo++;
	lo = xcalloc(NCOMMON + nlo + 1, sizeof(*lo));
	memcpy(lo, common_long, sizeof(common_long));
	if (nlo)
		memcpy(lo + NCOMMON, t->longopts, nlo * sizeof(*lo));
	buf_adds(&so, "hVvjto");
	if (t->shortopts)
		buf_adds(&so, t->shortopts);

	if (t->rules != NULL)
		rules = cfg_parse(t->rulesname, t->rules, t->ruleslen);
	while ((ch = getopt_long(argc, argv, so.p, lo, NULL)) != -1) {
		switch (ch) {
		case 'h':
			usage(t, stdout);
			printf("See %s(1) for the options and newsutils(7) "
			    "for the record format.\n", t->name);
			exit(0);
		case 'V':
			printf("%s (newsutils) %s\n", t->name,
			    NEWSUTILS_VERSION);
			exit(0);
		case 'v': verbose = 1; break;
		case 'j': fmt = OUT_JSON; break;
		case 't': fmt = OUT_TEXT; break;
		case 'o': only = 1; break;
		case OPT_RECORDS: mode = RD_RECORDS; break;
		case OPT_RAW: mode = RD_RAW; break;
		case OPT_RULES:
			if (rules == NULL)
				goto bad;
			cfg_merge(rules, cfg_load(optarg));
			break;
		case OPT_DUMP_RULES:
			if (rules == NULL)
				goto bad;
			dump = 1;
			break;
		default:
			if (ch != '?' && ch != ':' && t->option != NULL &&
			    t->option(ch, optarg) == 0)
				break;
		bad:
			usage(t, stderr);
			exit(2);
		}
	}
	free(lo);
	buf_free(&so);
	argc -= optind;
	argv += optind;

	if (dump) {
		cfg_dump(stdout, rules);
		if (fflush(stdout) == EOF || ferror(stdout))
			err(1, "stdout");
		exit(0);
	}
	if (t->setup != NULL)
		t->setup(rules);

	out_init(&o, fmt, only, t->kinds);
	files = argc > 0 ? argv : (char **)stdin_only;
	for (; *files != NULL; files++) {
		if ((rd = rd_open(*files, mode)) == NULL) {
			status = 1;
			continue;
		}
		while ((c = rd_next(rd, &d)) > 0) {
			if (!(t->flags & TOOL_SEES_OWN))
				drop_own(t, &d);
			out_doc(&o, d.name, d.namelen);
			t->run(&d, &o);
			out_doc_end(&o, rd_waits(rd));
			ndoc++;
		}
		if (c < 0 || rd_errors(rd) > 0)
			status = 1;
		nin += rd_records(rd);
		nbytes += rd_bytes(rd);
		rd_close(rd);
	}
	if (t->finish != NULL)
		t->finish();
	out_close(&o);
	cfg_free(rules);
	if (verbose)
		fprintf(stderr, "%s: %zu documents, %zu records in, %zu out, "
		    "%zu made, %zu bytes, %.3f s\n", t->name, ndoc, nin,
		    o.nout, o.nmade, nbytes, now() - t0);
	return status;
}
