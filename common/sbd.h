/*
 * sbd: sentence boundaries in news paragraphs, split-sentences(1).
 *
 * One left-to-right pass over the bytes.  A sentence can only end after a
 * terminator (. ? ! or an ellipsis), the closing quotes and brackets right
 * after it, and white space; whether it does is decided from the token
 * before the terminator and the word after the space, looked up in word
 * lists compiled from YAML (common/sbd.yaml, extended with --rules):
 * titles never end a sentence, number prefixes not before a digit,
 * abbreviations only before a word that usually starts one.  Look-behind
 * and look-ahead are bounded, so the time is linear in the input.
 *
 * Invariants of the spans sbd_split() appends:
 *   - start < end <= len, in order and disjoint;
 *   - no span starts or ends with White_Space, and every byte that is not
 *     White_Space belongs to exactly one span;
 *   - a span never ends between two letters or digits: its end is at the
 *     end of the text, right before White_Space, right after a full-width
 *     terminator (。！？, which wants no space after it), or right after the
 *     terminator of a sentence with the next one glued on without a space
 *     ("rose.Roads closed", "a big win…Let's go"; only where neither side
 *     looks like an address, a number or a file name).
 */
#ifndef SBD_H
#define SBD_H

#include <stddef.h>

struct cfg;
struct sbd;				/* compiled rules */

/* Compile merged rules (the layout of common/sbd.yaml); cfg_fail() on bad values. */
struct sbd *sbd_new(const struct cfg *rules);
/* Built once from the embedded common/sbd.yaml; never freed. */
const struct sbd *sbd_default(void);
void sbd_free(struct sbd *s);

struct sbd_span {
	size_t start, end;		/* offsets into text, END exclusive, whitespace trimmed */
};

/*
 * Put the sentences of text[0..len) in (*v)[0..n) and return n.  *v is
 * reused from call to call and grown with xreallocarray (*cap is its
 * capacity; start with NULL and 0).  Text that is all White_Space has no
 * sentence.
 */
size_t sbd_split(const struct sbd *s, const char *text, size_t len,
    struct sbd_span **v, size_t *cap);

/* The embedded default rules, for tool.h's rules/ruleslen. */
extern const char sbd_rules_yaml[];
extern const size_t sbd_rules_yaml_len;

#endif
