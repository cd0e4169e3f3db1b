#!/bin/sh
# bp-same.sh OLD NEW: do two strip-boilerplate binaries give the same bytes?
# For work on its speed, where every change must leave the output as it
# was.  Compares stdout and stderr of records, --text, -k and --explain on:
# a generated bench corpus (as bench-bp makes it, 8 MB by default), the
# sample article, every input of the bp fuzz corpus, and, when ../shared is
# there, each article of ../shared/data/boiler/plain_gold.jsonl on its own,
# as the eval runs it.  Runs them all and prints, for each run that
# differs, its first changed lines (BP_SAME_LINES, 5 by default), so a
# change meant to alter output can be read line by line; exits 1 on any.
#
#   make O=build-bp bp-same OLD=/tmp/old/bin/strip-boilerplate
[ $# -eq 2 ] || { echo "usage: bp-same.sh old new" >&2; exit 2; }
old=$1 new=$2
: "${BIN:=$(dirname "$new")}" "${SHARED:=../shared}" "${BP_SAME_MB:=8}"
: "${BP_SAME_LINES:=5}"
dir=$(dirname "$0")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/art" "$tmp/in"

LC_ALL=C awk -v seed=3 -v bytes=$((BP_SAME_MB * 1000000)) -v dir="$tmp/art" \
    -f "$dir/gen-news.awk" >"$tmp/list" || exit 1
"$BIN/pack-docs" --from-list <"$tmp/list" >"$tmp/in/bench.tsv" || exit 1
cp "$dir/../sample/article.txt" "$tmp/in/sample.txt" || exit 1
gold=$SHARED/data/boiler/plain_gold.jsonl
if [ -r "$gold" ]; then
	python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    with open(sys.argv[2] + "/gold-" + d["doc"], "w", encoding="utf-8") as f:
        f.write("\n".join(x["text"] for x in d["lines"]) + "\n")
' "$gold" "$tmp/in" || exit 1
fi

n=0 bad=0
for f in "$tmp"/in/* "$dir"/../fuzz/corpus/bp/*; do
	for m in "" --text -k --explain; do
		"$old" $m <"$f" >"$tmp/o1" 2>"$tmp/e1"
		s1=$?
		"$new" $m <"$f" >"$tmp/o2" 2>"$tmp/e2"
		s2=$?
		if [ $s1 != $s2 ] || ! cmp -s "$tmp/o1" "$tmp/o2" ||
		    ! cmp -s "$tmp/e1" "$tmp/e2"; then
			echo "bp-same: differs: ${m:-records} on $f" \
			    "(status $s1 -> $s2)" >&2
			diff "$tmp/o1" "$tmp/o2" | grep '^[<>]' |
			    head -n "$BP_SAME_LINES" >&2
			diff "$tmp/e1" "$tmp/e2" | grep '^[<>]' |
			    head -n "$BP_SAME_LINES" >&2
			bad=$((bad + 1))
		fi
		n=$((n + 1))
	done
done
if [ $bad -gt 0 ]; then
	echo "bp-same: $bad of $n runs differ" >&2
	exit 1
fi
echo "bp-same: $n runs, same bytes"
