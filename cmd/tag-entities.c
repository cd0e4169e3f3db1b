/*
 * tag-entities: ent records for the people, organisations, places and
 * other names in each sent record (or para, where a document has no
 * sentences), from the model trained by --train and embedded in the binary.
 */
#include <err.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ner.h"
#include "rec.h"
#include "tool.h"

static const char *const kinds[] = { "ent", NULL };

#define TRAIN_USAGE "--train model.bin [--bags n] [--caps n] " \
    "[--dump-holdout file]\n           [--epochs n] [--fold k] " \
    "[--gazetteer file] [--holdout n] [--prune pct]\n           " \
    "[--seed n] file[:types][@weight] ..."

enum { OPT_MODEL = 0x1000 };	/* clear of tool.c's own long options */

static const struct option longopts[] = {
	{ "model", required_argument, NULL, OPT_MODEL },
	{ NULL, 0, NULL, 0 },
};

static const char *modelpath;
static const struct ner_model *model;
static struct ner_model *loaded;
static struct ner_text *texts;
static size_t *owner, tcap;
static struct ner_ent *ents;
static size_t ecap;
static struct buf attrs;

static int
option(int ch, const char *arg)
{
	if (ch != OPT_MODEL)
		return 1;
	modelpath = arg;
	return 0;
}

static void
setup(const struct cfg *rules)
{
	(void)rules;
	if (modelpath) {
		if ((loaded = ner_load(modelpath)) == NULL)
			exit(2);
		model = loaded;
	} else
		model = ner_default();
}

static int
tagged(const struct rec *r, int sents)
{
	return tool_is(r, sents ? "sent" : "para");
}

/* The paragraph a text record belongs to, for --text's blank lines. */
static size_t
line_of(const struct rec *r)
{
	return rec_attr_size(r, "line", 0);
}

static void
run(struct doc *d, struct out *o)
{
	size_t i, j, n = 0, ne, k = 0;
	int sents = 0;

	for (i = 0; i < d->n; i++)
		if (tool_is(&d->r[i], "sent"))
			sents = 1;
	for (i = 0; i < d->n; i++) {
		if (!tagged(&d->r[i], sents))
			continue;
		if (n == tcap) {
			tcap = tcap ? 2 * tcap : 64;
			texts = xreallocarray(texts, tcap, sizeof *texts);
			owner = xreallocarray(owner, tcap, sizeof *owner);
		}
		texts[n].text = d->r[i].text;
		texts[n].len = d->r[i].textlen;
		texts[n].start = d->r[i].start;
		owner[n++] = i;
	}
	ne = n ? ner_tag(model, texts, n, &ents, &ecap) : 0;
	for (i = 0, j = 0; i < d->n; i++) {
		const struct rec *r = &d->r[i];

		out_rec(o, r);
		if (j >= n || owner[j] != i)
			continue;
		for (; k < ne && ents[k].text == j; k++) {
			const struct ner_ent *e = &ents[k];

			buf_reset(&attrs);
			attr_puts(&attrs, "type", ner_type_name[e->type]);
			attr_put(&attrs, "norm", e->norm, e->normlen);
			out_new(o, "ent", e->start, e->end, attrs.p,
			    r->text + (e->start - r->start), e->end - e->start);
		}
		/* a paragraph ends where the next text is not its sentence */
		if (!sents || j + 1 == n || owner[j + 1] != i + 1 ||
		    line_of(&d->r[owner[j + 1]]) != line_of(r))
			out_para_end(o);
		j++;
	}
}

static void
finish(void)
{
	ner_free(loaded);
	free(texts);
	free(owner);
	free(ents);
	buf_free(&attrs);
}

static int
train(int argc, char **argv)
{
	struct ner_train_opts opt = { 6, 0, -1, NULL, NULL, 1, 0, 1, 0, 0 };
	const char *out = NULL;
	int ch;
	static const struct option lo[] = {
		{ "train", required_argument, NULL, 'T' },
		{ "epochs", required_argument, NULL, 'e' },
		{ "holdout", required_argument, NULL, 'H' },
		{ "gazetteer", required_argument, NULL, 'g' },
		{ "dump-holdout", required_argument, NULL, 'D' },
		{ "seed", required_argument, NULL, 's' },
		{ "bags", required_argument, NULL, 'b' },
		{ "fold", required_argument, NULL, 'f' },
		{ "caps", required_argument, NULL, 'c' },
		{ "prune", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};

	while ((ch = getopt_long(argc, argv, "", lo, NULL)) != -1) {
		switch (ch) {
		case 'T': out = optarg; break;
		case 'e': opt.epochs = atoi(optarg); break;
		case 'H': opt.holdout = atoi(optarg); break;
		case 'g': opt.gazetteer = optarg; break;
		case 'D': opt.dump = optarg; break;
		case 's': opt.seed = atoi(optarg); break;
		case 'b': opt.bags = atoi(optarg); break;
		case 'c': opt.caps = atoi(optarg); break;
		case 'p': opt.prune = atoi(optarg); break;
		case 'f': opt.fold = atoi(optarg) < 0 ? 0 : atoi(optarg); break;
		default: goto usage;
		}
	}
	if (out == NULL || optind >= argc || opt.epochs < 1 || opt.bags < 1 ||
	    opt.prune < 0 || opt.prune > 99)
		goto usage;
	return ner_train(out, argv + optind, argc - optind, &opt) ? 1 : 0;
usage:
	fprintf(stderr, "usage: tag-entities %s\n", TRAIN_USAGE);
	return 2;
}

int
main(int argc, char **argv)
{
	static const struct tool t = {
		.name = "tag-entities",
		.synopsis = "[-hjotVv] [--model file] [--raw | --records] "
		    "[file ...]\n       tag-entities " TRAIN_USAGE,
		.kinds = kinds,
		.longopts = longopts,
		.option = option,
		.setup = setup,
		.run = run,
		.finish = finish,
	};
	int i;

	for (i = 1; i < argc; i++)
		if (strcmp(argv[i], "--train") == 0 ||
		    strncmp(argv[i], "--train=", 8) == 0)
			return train(argc, argv);
	return tool_main(&t, argc, argv);
}
