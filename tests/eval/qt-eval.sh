#!/bin/sh
# eval-qt: extract-quotes on PolNeAR (../shared/data/quotes), scored by
# ../shared/eval/score_quotes.py with the commands of issues 6 and 7.
#
#   SHARED=../shared BIN=build/bin sh tests/eval/qt-eval.sh
#
# The rules were studied and tuned on polnear_train*.jsonl only; dev is for
# reporting (the test split is kept back by the project).  QT_SPLIT=train
# scores the training split instead, to see what tuning sees.  Note for
# train: polnear_train_quoted.jsonl holds 3 quotations for its 120 New York
# Times documents (which set quotes as ''...''; their quotes are in
# polnear_train.jsonl), so every NYT quotation found counts as a false
# positive there: about 1,650 of issue 6's train predictions.  Dev's NYT
# documents have theirs.  tests/eval/qt-nyt-proxy.py rebuilds stand-in
# quotation gold for train's NYT documents from polnear_train.jsonl, to
# score them apart.
: "${BIN:?set BIN to the directory of the built tools}"
SHARED=${SHARED:-../shared}
SPLIT=${QT_SPLIT:-dev}
q=$SHARED/data/quotes
if [ ! -f "$q/polnear_${SPLIT}_quoted.jsonl" ] || [ ! -f "$SHARED/eval/adapt.py" ]; then
	echo "eval-qt: $SHARED/data/quotes not found, skipped"
	exit 0
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "eval-qt: issue 6, quotation marks: polnear_${SPLIT}_quoted.jsonl," \
    "--forms direct,partial, --skip-pronoun-speakers --lenient-speaker"
python3 "$SHARED/eval/adapt.py" quotes --forms direct,partial \
    "$q/polnear_${SPLIT}_quoted.jsonl" "$BIN/extract-quotes" >"$tmp/quoted.jsonl" &&
python3 "$SHARED/eval/score_quotes.py" "$q/polnear_${SPLIT}_quoted.jsonl" \
    "$tmp/quoted.jsonl" --skip-pronoun-speakers --lenient-speaker || exit 1
echo
echo "eval-qt: issue 7, every attribution: polnear_${SPLIT}.jsonl," \
    "--drop-nested, --lenient-speaker"
python3 "$SHARED/eval/adapt.py" quotes --drop-nested \
    "$q/polnear_${SPLIT}.jsonl" "$BIN/extract-quotes" >"$tmp/all.jsonl" &&
python3 "$SHARED/eval/score_quotes.py" "$q/polnear_${SPLIT}.jsonl" \
    "$tmp/all.jsonl" --lenient-speaker || exit 1
