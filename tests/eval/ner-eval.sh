#!/bin/sh
# Entity F1 of tag-entities on held-out sets it was never trained or tuned
# on, with the project's scorer: each GOLD file is tagged as one raw
# document, one sentence per line (adapt.py ner), then scored by
# conlleval.py on exact spans and types.  Skips without $SHARED.
: "${SHARED:=../shared}" "${BIN:=$(pwd)/bin}"
d=$SHARED/data/ner
if [ ! -d "$d" ] || ! command -v python3 >/dev/null; then
	echo "eval-ner: $d or python3 missing, skipped"
	exit 0
fi
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
status=0
for set in synthetic/test.conll uner_pud/test.conll wikigold/test.conll; do
	types=
	[ "$set" = uner_pud/test.conll ] && types=--types=PER,ORG,LOC
	python3 "$SHARED/eval/adapt.py" ner "$d/$set" "$BIN/tag-entities" \
	    >"$tmp" || status=1
	f=$(python3 "$SHARED/eval/conlleval.py" "$d/$set" "$tmp" $types |
	    sed -n 's/.*FB1: *\([0-9.]*\).*/\1/p' | head -1)
	echo "eval-ner: $set ${types:+$types }F1 $f"
done
exit $status
