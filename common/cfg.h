/*
 * cfg: rules and data in YAML (libyaml).
 *
 * A tool's default rules are a YAML file in common/ embedded into its
 * binary; --rules FILE layers a user's file on top of them:
 *   - mappings merge key by key, recursively;
 *   - a sequence in the user's file is appended to the default one, unless
 *     it is tagged !replace, which replaces it (an empty "!replace []"
 *     clears a list);
 *   - a scalar replaces the default scalar.
 * Every node remembers the file, line and column it came from, so a tool
 * can report a bad value where it was written (cfg_fail), and --dump-rules
 * prints the rules in effect as YAML that --rules accepts.
 *
 * Invariants: a loaded tree's root is a mapping; a node's kind never
 * changes by merging (a user's sequence where the default has a mapping is
 * a configuration error, reported with the user's FILE:LINE:COL).  Only
 * the first YAML document of a text counts; an alias is a copy of the node
 * its anchor names.  A tree's nodes, keys and strings belong to its root:
 * cfg_free() and cfg_merge() take roots (what cfg_parse() returned).
 */
#ifndef CFG_H
#define CFG_H

#include <stddef.h>
#include <stdio.h>

enum cfg_kind { CFG_SCALAR, CFG_SEQ, CFG_MAP };

struct cfg {
	enum cfg_kind kind;
	const char *file;
	size_t line, col;	/* 1-based */
	char *str;		/* CFG_SCALAR: the value, NUL-terminated */
	size_t len;		/* scalar length, or number of children */
	char **keys;		/* CFG_MAP: key i of val i */
	struct cfg **val;	/* CFG_SEQ, CFG_MAP: children */
	int replace;		/* tagged !replace (only matters in merging) */
};

/*
 * Parse YAML text; name is what messages call it.  On a syntax error
 * prints "prog: NAME:LINE:COL: why" and exits 2.
 */
struct cfg *cfg_parse(const char *name, const char *text, size_t len);
struct cfg *cfg_load(const char *path);	/* read and parse a file */
/* cfg_parse() that returns NULL on bad YAML instead of exiting, with the
 * message it would print after "prog: " in *why (free it); for tests. */
struct cfg *cfg_parse_err(const char *name, const char *text, size_t len,
    char **why);
/* Merge over onto base (see above); over is consumed: its memory is
 * base's now, freed by cfg_free(base). */
void cfg_merge(struct cfg *base, struct cfg *over);
void cfg_dump(FILE *fp, const struct cfg *c);
void cfg_free(struct cfg *c);

/* Look-ups; NULL when absent.  cfg_get() takes a mapping. */
const struct cfg *cfg_get(const struct cfg *map, const char *key);
/* Typed look-ups that fail (exit 2, with the node's position) on a
 * node of the wrong kind; an absent key gives the default. */
const char *cfg_str(const struct cfg *map, const char *key, const char *def);
long cfg_int(const struct cfg *map, const char *key, long def);
double cfg_num(const struct cfg *map, const char *key, double def);
const struct cfg *cfg_seq(const struct cfg *map, const char *key);
const struct cfg *cfg_map(const struct cfg *map, const char *key);

/* Print "prog: FILE:LINE:COL: message" (no place when node is NULL) and
 * exit 2. */
void cfg_fail(const struct cfg *node, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));

#endif
