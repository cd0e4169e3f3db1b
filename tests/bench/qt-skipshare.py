#!/usr/bin/env python3
"""qt-skipshare: how much of a record stream extract-quotes could leave
untokenised, were it to skip sentences that carry no quotation mark and no
cue word (issue 6, speed).

    python3 tests/bench/qt-skipshare.py [--rules common/qt.yaml] STREAM...

STREAM holds sent records (split-sentences output, or bench-qt's ents.tsv).
A sentence counts as skippable when its text has none of the bytes a mark
or a colon frame needs (" ' « » ‘ ’ ‚ “ ” „ :) and none of its words is the
first word of an entry of the cue lists (cues, indirect_cues, derived_cues,
belief_cues, impersonal_cues, noun_cues, attribution_nouns) or a source
noun (poll, survey, study).  An estimate both ways: the first word of a
phrase ("according") counts where the tool reads the whole phrase, which
errs low; the tool also follows a report into the next sentence, a
quotation over several sentences, a transcript's turn, which a sentence
alone does not show, and that errs high.
Three filters are reported: the exact first words, the same words by their
first four bytes only (a cheap byte filter, as bp_index.c keeps for
boilerplate rules), and whole paragraphs (records of one line=) that pass
the exact filter, which is what a skip must keep to for cross-sentence
reports.  Shares are of sentences and of their bytes.
"""
import re
import sys
import os

LISTS = ("cues", "indirect_cues", "derived_cues", "belief_cues",
         "impersonal_cues", "noun_cues", "attribution_nouns")
MARKS = re.compile('["\'\u00ab\u00bb\u2018\u2019\u201a\u201c\u201d\u201e:]')
WORD = re.compile(r"[A-Za-z0-9]+")


def first_words(path):
    """First words of the entries of LISTS, from the flow lists of qt.yaml."""
    text = open(path, encoding="utf-8").read()
    words = {"poll", "polls", "survey", "surveys", "study"}
    for key in LISTS:
        m = re.search(r"^%s:\s*(?:!\w+\s*)?\[(.*?)\]" % key, text, re.M | re.S)
        if not m:
            sys.exit("qt-skipshare: no list %s in %s" % (key, path))
        body = re.sub(r"#[^\n]*", "", m.group(1))
        for e in body.split(","):
            e = e.strip().strip("'\"").lower().replace("\u2019", "'")
            if e:
                words.add(e.split()[0])
    return words


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    rules = os.path.join(here, "..", "..", "common", "qt.yaml")
    if len(argv) > 2 and argv[1] == "--rules":
        rules = argv[2]
        argv = argv[2:]
    first = first_words(rules)
    pre4 = {w[:4] for w in first}
    for path in argv[1:]:
        n = nb = 0
        sk = [0, 0, 0]     # exact, first four bytes, whole paragraph
        skb = [0, 0, 0]
        para = []          # (bytes, exact) of the current paragraph

        def flush():
            if para and all(e for _, e in para):
                sk[2] += len(para)
                skb[2] += sum(b for b, _ in para)
            para.clear()

        key = None
        for line in open(path, encoding="utf-8", errors="replace"):
            f = line.rstrip("\n").split("\t")
            if len(f) < 6 or f[1] != "sent":
                continue
            m = re.search(r"(?:^|\|)line=(\d+)", f[4])
            k = (f[0], m.group(1) if m else f[2])
            if k != key:
                flush()
                key = k
            t = f[5]
            b = len(t.encode("utf-8"))
            n += 1
            nb += b
            exact = False
            if not MARKS.search(t):
                ws = [w.lower() for w in WORD.findall(t)]
                exact = not any(w in first for w in ws)
                if not any(w[:4] in pre4 for w in ws):
                    sk[1] += 1
                    skb[1] += b
            if exact:
                sk[0] += 1
                skb[0] += b
            para.append((b, exact))
        flush()
        if n == 0:
            print("%s: no sent records" % path)
            continue
        print("%s: %d sentences, %d bytes" % (path, n, nb))
        for i, name in enumerate(("exact words", "first 4 bytes",
                                  "whole paragraphs")):
            print("  %-17s %5.1f%% of sentences, %5.1f%% of bytes" %
                  (name, 100 * sk[i] / n, 100 * skb[i] / nb))


if __name__ == "__main__":
    main(sys.argv)
