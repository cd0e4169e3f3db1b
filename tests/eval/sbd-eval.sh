#!/bin/sh
# eval-sbd: split-sentences' accuracy on the sentence gold of ../shared
# (issue 4), every number with the command that gives it.  Skips cleanly
# when ../shared is absent.
#
#   BIN=build/bin SHARED=../shared sh tests/eval/sbd-eval.sh
#
# Development and tuning used only the ud_news documents whose split is
# "train", GUM's train documents (all genres, rebuilt from
# data/ner/gum_ne/train.conll by tests/eval/sbd-gumtrain.py, which leaves out
# any document sharing a sentence with a held-out set) and the cases in
# tests/split-sentences/; every other line below is held out: the English
# Golden Rules, GUM test (all genres), EWT weblogs, and the ud_news documents
# whose split is not "train".
: "${BIN:?set BIN to the directory of the built tools}"
SHARED=${SHARED:-../shared}
data=$SHARED/data/sbd
score=$SHARED/eval/score_sbd.py
if [ ! -r "$score" ] || [ ! -d "$data" ]; then
	echo "eval-sbd: $SHARED not found, skipped"
	exit 0
fi
command -v python3 >/dev/null || { echo "eval-sbd: python3 not found, skipped"; exit 0; }
PATH=$BIN:$PATH
export PATH
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# ud_news by its split field: train (tuned on) and the rest (held out)
python3 - "$data/ud_news.jsonl" "$tmp" <<'PY' || exit 1
import json, sys
src, out = sys.argv[1], sys.argv[2]
with open(src, encoding="utf-8") as f, \
     open(out + "/news_train.jsonl", "w", encoding="utf-8") as tr, \
     open(out + "/news_heldout.jsonl", "w", encoding="utf-8") as ho:
    for line in f:
        if line.strip():
            (tr if json.loads(line).get("split") == "train" else ho).write(line)
PY

cmd='split-sentences --text'
ev() {	# ev NAME GOLD [score_sbd.py options]
	name=$1 gold=$2
	shift 2
	echo "\$ python3 $score $gold --cmd '$cmd' $*"
	python3 "$score" "$gold" --cmd "$cmd" --name "$name" "$@" || exit 1
}
echo "eval-sbd: split-sentences $(split-sentences --version | awk '{ print $NF }')"
ev "golden rules (target >= 47/48 exact)" "$data/golden_rules_en.jsonl"
ev "GUM test (target F1 >= 97.5)" "$data/ud_gum_test.jsonl"
ev "EWT weblog (target F1 >= 96)" "$data/ud_ewt_weblog.jsonl"
ev "ud_news held out (split != train)" "$tmp/news_heldout.jsonl"
ev "ud_news train (tuned on)" "$tmp/news_train.jsonl"

# GUM train (tuned on): paragraphs of up to 6 sentences, broken after an
# unpunctuated sentence; with --glue not broken there, which scores the
# boundaries after headings, list items and spoken turns too
gumtrain=$(dirname "$0")/sbd-gumtrain.py
if [ -r "$SHARED/data/ner/gum_ne/train.conll" ]; then
	python3 "$gumtrain" "$SHARED" > "$tmp/gum_train_sbd.jsonl" || exit 1
	python3 "$gumtrain" --glue "$SHARED" > "$tmp/gum_train_glue.jsonl" || exit 1
	ev "GUM train (tuned on)" "$tmp/gum_train_sbd.jsonl"
	ev "GUM train glued (tuned on)" "$tmp/gum_train_glue.jsonl"
else
	echo "eval-sbd: $SHARED/data/ner/gum_ne not found, GUM train skipped"
fi
