/*
 * nu-cat: the null filter.  It makes nothing and passes every record
 * through, so the tests can drive the library's reading, paragraph rules,
 * pass-through and output formats without any tool's own logic.
 */
#include "embed.h"
#include "tool.h"

EMBED(nucat_rules, "tests/lib/nu-cat.yaml");

static const char *const kinds[] = { NULL };

static void
run(struct doc *d, struct out *o)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		out_rec(o, &d->r[i]);
		if (tool_is(&d->r[i], "para"))
			out_para_end(o);
	}
}

/* Type-check the rules as a real tool would, so errors can be tested. */
static void
setup(const struct cfg *rules)
{
	const struct cfg *w = cfg_seq(rules, "words");
	size_t i;

	(void)cfg_int(cfg_map(rules, "limits"), "max", 0);
	for (i = 0; w && i < w->len; i++)
		if (w->val[i]->kind != CFG_SCALAR)
			cfg_fail(w->val[i], "words: expected a word");
}

int
main(int argc, char **argv)
{
	struct tool t = {
		.name = "nu-cat",
		.synopsis = "[-hjotVv] [--raw | --records] [--rules file] "
		    "[--dump-rules] [file ...]",
		.kinds = kinds,
		.rules = nucat_rules,
		.ruleslen = 0,
		.rulesname = "nu-cat.yaml",
		.setup = setup,
		.run = run,
	};

	t.ruleslen = nucat_rules_len;
	return tool_main(&t, argc, argv);
}
