#!/bin/sh
# The worked example of newsutils(7): the article lines of
# shared/samples/seed.txt give 17 sentences, each exactly its source bytes.
seed=${SHARED:-../shared}/samples/seed.txt
[ -r "$seed" ] || exit 77
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
head -n 14 "$seed" >"$tmp/in"
split-sentences --only "$tmp/in" | awk -F'\t' '$2 == "sent"' >"$tmp/out" || exit 1

fail() { echo "seed: $*"; exit 1; }
n=$(wc -l <"$tmp/out")
[ "$n" -eq 17 ] || fail "$n sentences, expected 17"
for l in 5 6 12; do
	[ "$(grep -c "	line=$l|" "$tmp/out")" -eq 2 ] || fail "line $l is not two sentences"
done
grep -q '	line=6|role=	.*“unhindered\.”$' "$tmp/out" || fail "line 6 does not break after “unhindered.”"
grep -q '	line=6|role=	Both ' "$tmp/out" || fail "line 6's second sentence does not start at Both"
grep -q '	line=7|role=	.*U\.S\. Secretary of State' "$tmp/out" || fail "line 7 breaks inside U.S. Secretary"
grep -q '	line=11|role=	.*the U\.S\.$' "$tmp/out" || fail "line 11 does not end with the U.S."
# TEXT is the source bytes at [START, END) (no escapes in this article)
LC_ALL=C awk -F'\t' -v src="$tmp/in" '
	BEGIN { RS = "\001"; getline all < src; RS = "\n" }
	substr(all, $3 + 1, $4 - $3) != $6 { print "offsets of: " $6; bad = 1 }
	END { exit bad }' "$tmp/out" || fail "TEXT differs from the source bytes"
exit 0
