#!/usr/bin/env python3
"""qt-errors: extract-quotes' errors on PolNeAR *train*, by category.

    python3 tests/eval/qt-errors.py [--shared ../shared] [--bin build/bin]
        [--quoted] [--examples N] [--seed S] [CATEGORY]

Runs the tool through ../shared/eval/adapt.py as tests/eval/qt-eval.sh does
(issue 6: polnear_train_quoted.jsonl, --forms direct,partial; with
--quoted; issue 7: polnear_train.jsonl, --drop-nested), matches with
score_quotes.py's own functions and prints counts of wrong speakers
(gold kind, speaker before/after the span, predicted none or another) and
of missed gold spans (kind, cue), then N examples of CATEGORY (a prefix of
a printed category).  Only the training split: dev and test are for
reporting numbers, never for looking at errors.
"""
import argparse, collections, json, os, random, subprocess, sys


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default="build/bin")
    ap.add_argument("--quoted", action="store_true")
    ap.add_argument("--examples", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("category", nargs="?", default="")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.shared, "eval"))
    import score_quotes as S

    name = "polnear_train_quoted.jsonl" if a.quoted else "polnear_train.jsonl"
    gpath = os.path.join(a.shared, "data", "quotes", name)
    opts = ["--forms", "direct,partial"] if a.quoted else ["--drop-nested"]
    out = subprocess.run([sys.executable, os.path.join(a.shared, "eval", "adapt.py"),
                          "quotes"] + opts + [gpath, os.path.join(a.bin, "extract-quotes")],
                         stdout=subprocess.PIPE, check=True, text=True).stdout
    pred = {d["doc"]: d for d in map(json.loads, out.splitlines())}
    cats, ex = collections.Counter(), collections.defaultdict(list)
    for doc, g in S.load(gpath).items():
        text = g["text"]
        bmap, blen = S.byte_to_char_map(text)
        toks = [m.span() for m in S.TOKEN.finditer(text)]

        def span(q):
            x = {"a": S.to_char(q["start"], bmap, blen), "b": S.to_char(q["end"], bmap, blen)}
            x["ta"], x["tb"] = S.trim(text, x["a"], x["b"])
            x["tok"] = S.tokens_in(toks, x["ta"], x["tb"])
            return x
        G = [dict(span(q), q=q) for q in g["quotes"]]
        P = [dict(span(q), q=q) for q in pred.get(doc, {}).get("quotes", []) if q["end"] > q["start"]]
        gm, pm = {}, {}
        for i, x in enumerate(G):          # exact first, then best overlap
            for j, y in enumerate(P):
                if j not in pm and (x["ta"], x["tb"]) == (y["ta"], y["tb"]) and x["tb"] > x["ta"]:
                    gm[i], pm[j] = j, i
                    break
        cand = sorted(((len(x["tok"] & y["tok"]) / max(len(x["tok"]), len(y["tok"])), i, j)
                       for i, x in enumerate(G) if i not in gm and x["tok"]
                       for j, y in enumerate(P) if j not in pm and y["tok"]), reverse=True)
        for r, i, j in cand:
            if r >= 0.5 and i not in gm and j not in pm:
                gm[i], pm[j] = j, i
        for i, x in enumerate(G):
            q = x["q"]
            ctx = (text[max(0, x["a"] - 160):x["a"]] + "[[" + text[x["a"]:x["b"]] + "]]" +
                   text[x["b"]:x["b"] + 80]).replace("\n", " / ")
            if i not in gm:
                cat = "miss %s cue=%s" % (q["kind"], (q.get("cue") or "").lower())
                ex[cat].append("%s: %s" % (doc, ctx))
                cats[cat] += 1
                continue
            got = P[gm[i]]["q"].get("speaker")
            if q.get("speaker") is None or S.speaker_ok(got, q["speaker"], True):
                continue
            if a.quoted and (q.get("speaker_pronoun") or q["speaker"].lower() in S.PRONOUNS):
                continue            # left out by --skip-pronoun-speakers
            ss = q.get("speaker_start")
            where = "none" if ss is None else "before" if ss < q["start"] else "after"
            cat = "speaker %s spk-%s pred-%s" % (q["kind"], where, "none" if not got else "other")
            ex[cat].append("%s: gold=%r pred=%r cue=%r %s" % (doc, q["speaker"], got, q.get("cue"), ctx))
            cats[cat] += 1
    for c, n in cats.most_common(40):
        print("%6d  %s" % (n, c))
    if a.category:
        random.seed(a.seed)
        pool = [e for c in ex if c.startswith(a.category) for e in ex[c]]
        for e in random.sample(pool, min(a.examples, len(pool))):
            print("\n" + e[:600])


if __name__ == "__main__":
    main()
