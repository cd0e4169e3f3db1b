#!/bin/sh
# split-sentences twice gives what split-sentences once does, on the sample
# article of the repo (raw text) and on its records from pack-docs.
here=$(dirname "$0")
art=$here/../sample/article.txt
[ -r "$art" ] || exit 77
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
split-sentences "$art" >"$tmp/once" || exit 1
split-sentences "$art" | split-sentences >"$tmp/twice" || exit 1
cmp -s "$tmp/once" "$tmp/twice" || { echo "twice differs from once"; diff "$tmp/once" "$tmp/twice" | head; exit 1; }
[ "$(grep -c '	sent	' "$tmp/once")" -gt 3 ] || { echo "too few sentences"; exit 1; }
pack-docs "$art" | split-sentences >"$tmp/packed" || exit 1
pack-docs "$art" | split-sentences | split-sentences >"$tmp/packed2" || exit 1
cmp -s "$tmp/packed" "$tmp/packed2" || { echo "packed: twice differs from once"; exit 1; }
exit 0
