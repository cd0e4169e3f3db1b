#!/usr/bin/env python3
"""Build sentence-boundary development data from GUM's training documents.

../shared/data/ner/gum_ne/train.conll holds GUM's train split (all genres) as
tokens, one sentence per block; GUM's test documents are elsewhere
(test*.conll), so none of this is the GUM test set that eval-sbd reports.
The tokens lose their spacing and paragraphs, so this rebuilds an
approximation: tokens joined with the usual English spacing, and sentences
grouped into paragraphs of at most MAXP sentences, a paragraph ending after
any sentence without closing punctuation (a heading or a title line in GUM
stands alone).  With --glue that last break is not made: the boundaries
after unpunctuated sentences (spoken turns, list items, but also headings
that a real paragraph would not hold) are then scored too, for recall
work.  score_sbd.py counts boundaries in non-space characters, so spacing
errors here do not move a boundary.

Documents that share a sentence with ud_gum_test.jsonl or with the held-out
(split != train) part of ud_news.jsonl are left out, so nothing reported is
tuned on.

  python3 tests/eval/sbd-gumtrain.py [--glue] SHARED > /tmp/gum_train_sbd.jsonl

(tests/eval/sbd-eval.sh runs both forms as "GUM train (tuned on)".)
"""
import json, re, sys

MAXP = 6
NOSPACE_BEFORE = {".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "n't", "'s", "'m",
                  "'re", "'ve", "'d", "'ll", "...", "…", "”", "’"}
NOSPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "#"}
CLOSERS = {".", ",", ":", ";", "!", "?", ")", "]", "}", "...", "…", "”", "’", "'"}
OPENERS = {"—", "–", "-", ":", "(", "["}
END = re.compile(r"[.!?…][\"'”’)\]]*$")


def squash(s):
    return re.sub(r"\s+", "", s)


def detok(toks, quote_open=False):
    """Join one sentence's tokens; quote_open says whether a straight double
    quote is open when it starts (speech runs over several sentences, so the
    closing mark may stand sentences after the opening one).  A mark that
    opens a sentence before a word opens, one that ends it closes, which
    puts the state right again after an unbalanced quote."""
    out, single_open = "", False
    for i, t in enumerate(toks):
        sp = i > 0
        if t in NOSPACE_BEFORE or t.lower() in NOSPACE_BEFORE:
            sp = False
        if i > 0 and toks[i - 1] in NOSPACE_AFTER:
            sp = False
        if t == "-" and 0 < i < len(toks) - 1 and toks[i - 1][-1:].isalnum() and toks[i + 1][:1].isalnum():
            sp = False
        elif i > 0 and toks[i - 1] == "-" and 1 < i and toks[i - 2][-1:].isalnum() and t[:1].isalnum():
            sp = False
        if t == '"':
            rest = toks[i + 1:]
            if all(r in CLOSERS for r in rest) and i > 0:
                quote_open = True
            elif i == 0 and rest and rest[0][:1].isalnum():
                quote_open = False
            elif rest and rest[0][:1].isalnum() and toks[i - 1] in OPENERS:
                quote_open = False
            elif rest and rest[0] in CLOSERS and toks[i - 1][-1:].isalnum():
                quote_open = True
            if quote_open:
                sp = False
            quote_open = not quote_open
        elif t == "'" and i > 0 and toks[i - 1][-1:] in "sS" and not single_open:
            sp = False      # a plural's possessive: "the girls' school"
        elif t == "'":
            rest = toks[i + 1:]
            if all(r in CLOSERS for r in rest) and i > 0:
                single_open = True
            elif i == 0:
                single_open = False
            if single_open:
                sp = False
            single_open = not single_open
        elif t == "“":
            quote_open = True
        elif t == "”":
            quote_open = False
        elif i > 0 and toks[i - 1] == '"' and quote_open:
            sp = False
        elif i > 0 and toks[i - 1] == "'" and single_open:
            sp = False
        out += (" " if sp else "") + t
    return out, quote_open


def docs(path):
    doc, sent = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    doc.append(sent)
                if doc:
                    yield doc
                doc, sent = [], []
            elif not line.strip():
                if sent:
                    doc.append(sent)
                sent = []
            else:
                sent.append(line.split("\t")[0])
    if sent:
        doc.append(sent)
    if doc:
        yield doc


def main():
    args = sys.argv[1:]
    glue = "--glue" in args
    args = [a for a in args if a != "--glue"]
    shared = args[0] if args else "../shared"
    held = set()
    for line in open(f"{shared}/data/sbd/ud_gum_test.jsonl", encoding="utf-8"):
        for p in json.loads(line)["paragraphs"]:
            held.update(squash(s) for s in p["sentences"])
    for line in open(f"{shared}/data/sbd/ud_news.jsonl", encoding="utf-8"):
        d = json.loads(line)
        if d.get("split") != "train":
            for p in d["paragraphs"]:
                held.update(squash(s) for s in p["sentences"])
    kept = dropped = 0
    for n, doc in enumerate(docs(f"{shared}/data/ner/gum_ne/train.conll")):
        sents, quote_open = [], False
        for s in doc:
            text, quote_open = detok(s, quote_open)
            sents.append(text)
        if any(squash(s) in held for s in sents if len(s) > 20):
            dropped += 1
            continue
        kept += 1
        paras, cur = [], []
        for s in sents:
            cur.append(s)
            if len(cur) >= MAXP or (not glue and not END.search(s)):
                paras.append(cur)
                cur = []
        if cur:
            paras.append(cur)
        print(json.dumps({"doc": f"gum_train_{n}", "paragraphs": [
            {"text": " ".join(p), "sentences": p} for p in paras]}, ensure_ascii=False))
    print(f"sbd-gumtrain: {kept} documents, {dropped} left out (shared with held-out sets)",
          file=sys.stderr)


if __name__ == "__main__":
    main()
