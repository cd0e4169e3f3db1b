/*
 * extract-quotes: quote records for the quotations and reported speech of
 * each document, with who said them (qt.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "qt.h"
#include "tool.h"

static const char *const kinds[] = { "quote", NULL };

enum { OPT_FORMS = 0x1000 };

static const struct option longopts[] = {
	{ "forms", required_argument, NULL, OPT_FORMS },
	{ NULL, 0, NULL, 0 },
};

static unsigned forms = QT_ALLFORMS;
static struct qt_rules *rules;

static int
option(int ch, const char *arg)
{
	const char *s = arg, *e;
	int f;

	if (ch != OPT_FORMS)
		return 1;
	forms = 0;
	for (; *s; s = *e ? e + 1 : e) {
		e = s + strcspn(s, ",");
		if ((f = qt_form_parse(s, (size_t)(e - s))) < 0)
			return 1;
		forms |= QT_FORM(f);
	}
	return forms == 0;
}

static void
setup(const struct cfg *c)
{
	rules = qt_rules_new(c);
}

static void
run(struct doc *d, struct out *o)
{
	qt_run(rules, forms, d, o);
}

static void
finish(void)
{
	qt_rules_free(rules);
	qt_run_free();
}

int
main(int argc, char **argv)
{
	static const struct tool t = {
		.name = "extract-quotes",
		.synopsis = "[-hjotVv] [--forms list] [--raw | --records] "
		    "[--rules file] [--dump-rules] [file ...]",
		.kinds = kinds,
		.longopts = longopts,
		.option = option,
		.rules = qt_rules_yaml,
		.rulesname = "qt.yaml",
		.setup = setup,
		.run = run,
		.finish = finish,
	};
	struct tool tt = t;

	tt.ruleslen = qt_rules_yaml_len;
	return tool_main(&tt, argc, argv);
}
