/*
 * strip-boilerplate: keep the article, drop what a reader would not count
 * as part of it.  See strip-boilerplate(1); the work is in common/bp*.c.
 */
#include "bp.h"
#include "tool.h"

static const char *const kinds[] = { "para", "drop", NULL };

static const struct option longopts[] = {
	{ "keep-dropped", no_argument, NULL, 'k' },
	{ "explain", no_argument, NULL, BP_OPT_EXPLAIN },
	{ NULL, 0, NULL, 0 },
};

int
main(int argc, char **argv)
{
	const struct tool t = {
		.name = "strip-boilerplate",
		.synopsis = "[-hjkotVv] [--explain] [--raw | --records] "
		    "[--rules file] [--dump-rules] [file ...]",
		.kinds = kinds,
		.flags = TOOL_SEES_OWN,
		.shortopts = "k",
		.longopts = longopts,
		.option = bp_tool_option,
		.rules = bp_rules_yaml,
		.ruleslen = bp_rules_yaml_len,
		.rulesname = "bp.yaml",
		.setup = bp_tool_setup,
		.run = bp_tool_run,
		.finish = bp_tool_finish,
	};

	return tool_main(&t, argc, argv);
}
