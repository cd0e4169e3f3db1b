/*
 * tool: what every filter shares, so that a cmd/ main() is options and
 * a function that turns one document into records.
 *
 * tool_main() parses the common options, loads and layers the rules, opens
 * each operand ("-" or none: standard input), reads documents (doc.h) and
 * hands each one to run(), which writes its records through out.h:
 * out_rec() for what it passes through, out_new() for what it makes.
 * Records of the tool's own kinds are removed from the document before
 * run() sees it ("a tool replaces its own kind"), unless TOOL_SEES_OWN.
 *
 * Common options: -h/--help, -V/--version, -v/--verbose, -j/--json,
 * -t/--text, -o/--only, --records, --raw, and with rules --rules FILE
 * (repeatable) and --dump-rules.  Exit status: 0, 1 when some input was
 * bad or unreadable or output failed, 2 on a usage or rules error.
 */
#ifndef TOOL_H
#define TOOL_H

#include <getopt.h>
#include <stddef.h>
#include <string.h>

#include "cfg.h"
#include "doc.h"
#include "out.h"

#define NEWSUTILS_VERSION "0.1.0"

enum {
	TOOL_SEES_OWN = 1 << 0,	/* run() gets records of its own kinds */
};

struct tool {
	const char *name;
	const char *synopsis;	/* usage after "usage: NAME ", as in the man page */
	const char *const *kinds; /* kinds it makes, NULL-ended */
	unsigned flags;
	/* Extra options: getopt_long() strings, handled by option(); a
	 * nonzero return is a usage error.  Short letters must not be the
	 * common ones (hVvjto); long-only options use values >= 0x1000
	 * (tool.c takes 256 and up for its own). */
	const char *shortopts;
	const struct option *longopts;	/* NULL-ended, or NULL */
	int (*option)(int ch, const char *arg);
	/* Default rules, embedded (embed.h); NULL when the tool has none. */
	const char *rules;
	size_t ruleslen;
	const char *rulesname;	/* e.g. "sbd.yaml" for messages */
	/* Called once after options and rules; may cfg_fail(). */
	void (*setup)(const struct cfg *rules);
	void (*run)(struct doc *d, struct out *o);
	void (*finish)(void);	/* optional, before exit */
};

int tool_main(const struct tool *t, int argc, char **argv);

/* Does r's kind equal k?  Asked of every record, so inline, and the
 * first byte is compared before any call. */
static inline int
tool_is(const struct rec *r, const char *k)
{
	return !(r->flags & REC_MALFORMED) && r->kind[0] == k[0] &&
	    strcmp(r->kind, k) == 0;
}

/* tool_is() for a kind of four letters ("para", "sent"), asked per
 * paragraph on hot paths: no call to strcmp(), and as KIND is a string,
 * its bytes are read only as far as it goes. */
static inline int
tool_is4(const struct rec *r, const char *k)
{
	const char *s = r->kind;

	return !(r->flags & REC_MALFORMED) && s[0] == k[0] && s[1] == k[1] &&
	    s[1] && s[2] == k[2] && s[2] && s[3] == k[3] && s[3] && !s[4];
}

/* Mark the run as failed (exit 1) after a warning the tool printed. */
void tool_fail(void);

#endif
