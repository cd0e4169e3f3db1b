#!/bin/sh
# The worked example of newsutils(7) on the seed article: the names a
# reader expects, with their types and norms, and every ent record's TEXT
# equal to the article's bytes at its offsets.  Skips without $SHARED.
seed=${SHARED:-../shared}/samples/seed.txt
[ -r "$seed" ] || exit 77
out=$(mktemp) || exit 1
trap 'rm -f "$out"' EXIT
strip-boilerplate "$seed" | split-sentences | tag-entities --only >"$out" || exit 1
fail=0
for want in 'PER|Lu Wei|Lu Wei' 'PER|Lu Wei|Lu' 'PER|John Kerry|John Kerry' \
    'PER|Ian Wallace|Ian Wallace' 'PER|Obama|Obama' 'ORG|Reuters|Reuters' \
    'ORG|State Internet Information Office|State Internet Information Office' \
    'ORG|Brookings Institution|Brookings Institution' 'ORG|Alibaba|Alibaba' \
    'ORG|Apple|Apple' 'ORG|Facebook|Facebook' \
    'ORG|U.S.-China Cybersecurity Working Group|U.S.-China Cybersecurity Working Group' \
    'LOC|China|China' 'LOC|U.S.|U.S.' 'LOC|US|US' 'LOC|Beijing|Beijing' \
    'MISC|Chinese|Chinese'; do
	if ! awk -F'\t' -v w="$want" '$2 == "ent" {
		split($5, a, "|"); sub(/^type=/, "", a[1]); sub(/^norm=/, "", a[2])
		if (a[1] "|" a[2] "|" $6 == w) found = 1 }
	    END { exit !found }' "$out"; then
		echo "seed: missing $want" >&2
		fail=1
	fi
done
# no title inside a person's span
if awk -F'\t' '$2 == "ent" && $5 ~ /^type=PER/ && $6 ~ /^(Secretary|President|Mr\.)/' "$out" | grep -q .; then
	echo "seed: a title inside a PER span" >&2
	fail=1
fi
# TEXT is the source bytes at START..END
awk -F'\t' '$2 == "ent" { print $3, $4, $6 }' "$out" | while read -r a b text; do
	got=$(dd if="$seed" bs=1 skip="$a" count=$((b - a)) 2>/dev/null)
	if [ "$got" != "$text" ]; then
		echo "seed: bytes $a..$b are '$got', not '$text'" >&2
		exit 1
	fi
done || fail=1
exit $fail
