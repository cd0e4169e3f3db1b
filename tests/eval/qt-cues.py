#!/usr/bin/env python3
"""qt-cues: derive extract-quotes' derived_cues (common/qt.yaml) from
PolNeAR *train*.

    python3 tests/eval/qt-cues.py [--shared ../shared] [--bin build/bin]

1. Candidates: a single word that train's gold marks as the cue of an
   attribution at least twice and that cues one in at least 15% of its
   occurrences in train's texts (or three times and 10%), and that is in
   none of qt.yaml's other lists.
2. The tool runs on train with every candidate added as a derived cue
   (--rules); a candidate is dropped when it yields three or more indirect
   records of which fewer than half match a gold span (score_quotes.py's
   overlap match).
3. What is left, less the words in NOT_VERBS, is printed as a YAML list.

Only the training split is read: dev and test are for reporting.
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile

# Annotation residue and adjectives that pass the counts but are no cue.
NOT_VERBS = {"sinovic", "much-praised", "now-familiar", "well-received",
             "acclaimed", "alarm", "refusal"}
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")


def lists(yaml_text, skip):
    """Every word of qt.yaml's flow lists, but those of the lists in skip."""
    out = set()
    for m in re.finditer(r"^([a-z_]+):\s*\[(.*?)\]", yaml_text, re.S | re.M):
        if m.group(1) in skip:
            continue
        for w in re.sub(r"#.*", "", m.group(2)).split(","):
            w = w.strip().strip('"').lower()
            if w:
                out.add(w)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default="build/bin")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.shared, "eval"))
    import adapt
    import score_quotes as S

    here = os.path.dirname(os.path.abspath(__file__))
    # the verb lists that tell a verb group's end are no cue lists: a
    # verb of knowing ("learned") may be a derived cue as well
    known = lists(open(os.path.join(here, "..", "..", "common", "qt.yaml")).read(),
                  {"derived_cues", "aux_verbs", "finite_verbs", "knowing_verbs"})
    gpath = os.path.join(a.shared, "data", "quotes", "polnear_train.jsonl")
    gold = S.load(gpath)
    occ, cue = collections.Counter(), collections.Counter()
    for g in gold.values():
        for m in WORD.finditer(g["text"]):
            occ[m.group().lower().replace("\u2019", "'")] += 1
        for q in g["quotes"]:
            cue[(q.get("cue") or "").strip().lower().replace("\u2019", "'")] += 1
    cand = sorted(w for w, n in cue.items()
                  if WORD.fullmatch(w) and w not in known and occ[w] and
                  ((n >= 2 and n / occ[w] >= 0.15) or (n >= 3 and n / occ[w] >= 0.10)))

    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
        f.write("derived_cues: !replace [%s]\n" % ", ".join(cand))
        rules = f.name
    tool = [os.path.join(a.bin, "extract-quotes"), "--rules", rules]
    n, ok = collections.Counter(), collections.Counter()
    try:
        for doc, g in gold.items():
            text = g["text"]
            with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as f:
                f.write(text.encode("utf-8") + b"\n")
                path = f.name
            out = subprocess.run(tool + [path], stdout=subprocess.PIPE, check=True).stdout
            os.unlink(path)
            bmap, blen = S.byte_to_char_map(text)
            toks = [m.span() for m in S.TOKEN.finditer(text)]

            def span(s, e):
                ta, tb = S.trim(text, S.to_char(s, bmap, blen), S.to_char(e, bmap, blen))
                return (ta, tb), S.tokens_in(toks, ta, tb)
            G = [span(q["start"], q["end"]) for q in g["quotes"]]
            for r in adapt.records(out):
                if not r or r[1] != "quote" or r[4].get("form") != "indirect":
                    continue
                w = r[4].get("cue", "").lower().replace("\u2019", "'")
                if w not in cand:
                    continue
                (ta, tb), t = span(r[2], r[3])
                n[w] += 1
                ok[w] += any(x == (ta, tb) or (t and y and len(t & y) / max(len(t), len(y)) >= 0.5)
                             for x, y in G)
    finally:
        os.unlink(rules)
    keep = [w for w in cand if w not in NOT_VERBS and not (n[w] >= 3 and ok[w] / n[w] < 0.5)]
    for w in cand:
        print("# %-16s gold cue %3d of %4d, indirect records %3d, right %3d%s" %
              (w, cue[w], occ[w], n[w], ok[w], "" if w in keep else "  (dropped)"))
    print("derived_cues: [%s]" % ", ".join(keep))


if __name__ == "__main__":
    main()
