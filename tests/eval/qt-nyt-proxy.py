#!/usr/bin/env python3
"""qt-nyt-proxy: a stand-in gold for issue 6 on PolNeAR *train*'s NYT documents.

    python3 tests/eval/qt-nyt-proxy.py [--shared ../shared] [--set nyt|other]
        [--out /tmp/qt-nyt-proxy.jsonl] [--check] [--score BIN]

polnear_train_quoted.jsonl holds the quotation-mark segments inside
PolNeAR's attributions, but its converter knew only double marks, so the
120 New York Times documents of train, which set quotations as ''...'',
have 3 quotations there.  Their attributions are in polnear_train.jsonl
(kind "indirect" there, by the same slip).  This script rebuilds what the
converter would have written for them: for every attribution of an NYT
document, each quotation-mark segment inside its content span ('' ... '',
with ''' as a single and a double mark together; also any double mark),
an opening mark left open running to the content's end, as "direct" when
it is the whole content and "mixed" otherwise, with the attribution's
speaker fields.  --set other writes the other 720 documents' entries of
polnear_train_quoted.jsonl instead, to score the two parts apart.

It is a proxy: a rule on another annotation, checked by eye on a sample
of documents, not gold of its own.  --check runs the same rule with double
marks over the non-NYT documents and counts how many of
polnear_train_quoted.jsonl's segments it gives back.  --score runs
BIN/extract-quotes through adapt.py (--forms direct,partial) and
score_quotes.py (--skip-pronoun-speakers --lenient-speaker), the commands
of issue 6.  Output goes to --out (under /tmp), never into the repository.
Train only: dev and test are never read here.
"""
import argparse, json, os, subprocess, sys

EDGE = "\u201c\u201d\"\u2018\u2019'`" + " \t\n\r.,;:!?\u2026\u2014\u2013-()[]"


def segments(text, a, b, nyt):
    """Quotation-mark segments (char offsets) inside text[a:b]."""
    out, i, start = [], a, None
    while i < b:
        c = text[i]
        if nyt and text.startswith("''", i):
            n = 3 if text.startswith("'''", i) else 2
            if start is None:
                start = i
            else:
                out.append((start, i + n))
                start = None
            i += n
            continue
        if c in "\u201c\"" and start is None:
            start = i
        elif c in "\u201d\"" and start is not None and text[start] != "'":
            out.append((start, i + 1))
            start = None
        elif c == "\u201c":
            start = i
        i += 1
    if start is not None and b - start > 2:
        out.append((start, b))
    return out


def trim(text, a, b):
    while a < b and text[a] in EDGE:
        a += 1
    while b > a and text[b - 1] in EDGE:
        b -= 1
    return a, b


def proxy(doc, nyt):
    text, seen, qs = doc["text"], set(), []
    bo = [0]
    for ch in text:
        bo.append(bo[-1] + len(ch.encode("utf-8")))
    for q in doc["quotes"]:
        if not nyt and q["kind"] == "indirect":
            continue
        ca, cb = q["cstart"], q["cend"]
        for sa, sb in segments(text, ca, cb, nyt):
            if (sa, sb) in seen:
                continue
            seen.add((sa, sb))
            r = dict(q)
            r.update(start=bo[sa], end=bo[sb], cstart=sa, cend=sb, text=text[sa:sb],
                     kind="direct" if trim(text, sa, sb) == trim(text, ca, cb) else "mixed",
                     multi_paragraph="\n" in text[sa:sb], proxy_from=q["kind"])
            qs.append(r)
    qs.sort(key=lambda r: r["start"])
    d = {k: v for k, v in doc.items() if k != "quotes"}
    d["quotes"] = qs
    return d


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--set", choices=["nyt", "other"], default="nyt")
    ap.add_argument("--out", default=None)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--score", metavar="BIN")
    a = ap.parse_args()
    q = os.path.join(a.shared, "data", "quotes")
    train = [json.loads(l) for l in open(os.path.join(q, "polnear_train.jsonl"), encoding="utf-8")]
    quoted = {}
    for l in open(os.path.join(q, "polnear_train_quoted.jsonl"), encoding="utf-8"):
        d = json.loads(l)
        quoted[d["doc"]] = d
    isnyt = lambda d: d.get("publisher") == "nyt"
    if a.check:
        got = want = both = 0
        for d in train:
            if isnyt(d):
                continue
            mine = {(r["start"], r["end"]) for r in proxy(d, False)["quotes"]}
            gold = {(r["start"], r["end"]) for r in quoted[d["doc"]]["quotes"]}
            got, want, both = got + len(mine), want + len(gold), both + len(mine & gold)
        print("check on the non-NYT documents: rule %d, polnear_train_quoted %d, same %d"
              " (%.3f of the gold, %.3f of the rule's)" % (got, want, both, both / want, both / got))
    out = a.out or "/tmp/qt-%s-proxy.jsonl" % a.set
    n = 0
    with open(out, "w", encoding="utf-8") as w:
        for d in train:
            if a.set == "nyt" and isnyt(d):
                r = proxy(d, True)
            elif a.set == "other" and not isnyt(d):
                r = quoted[d["doc"]]
            else:
                continue
            n += len(r["quotes"])
            w.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("%s: %d quotations" % (out, n), file=sys.stderr)
    if a.score:
        ev = os.path.join(a.shared, "eval")
        pred = out + ".pred"
        with open(pred, "w") as w:
            subprocess.run([sys.executable, os.path.join(ev, "adapt.py"), "quotes", "--forms",
                            "direct,partial", out, os.path.join(a.score, "extract-quotes")],
                           stdout=w, check=True)
        subprocess.run([sys.executable, os.path.join(ev, "score_quotes.py"), out, pred,
                        "--skip-pronoun-speakers", "--lenient-speaker"], check=True)


if __name__ == "__main__":
    main()
