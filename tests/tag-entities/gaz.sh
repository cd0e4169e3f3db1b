#!/bin/sh
# --gazetteer: PER, ORG, LOC, MISC names and LEX words are read (a LEX word
# of more than one token is skipped), the list goes into the model, and a
# line of another type is refused with the file and line named.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN {
	split("Maria Chen|Ravi Patel|Lena Brandt", per, "|")
	split("Geneva|Lagos|Jakarta", loc, "|")
	for (d = 0; d < 6; d++) {
		print "-DOCSTART-\tO\n"
		p = per[d % 3 + 1]
		n = split(p, a, " ")
		for (k = 1; k <= n; k++)
			print a[k] "\t" (k == 1 ? "B" : "I") "-PER"
		print "met\tO\nKenyan\tB-MISC\nofficials\tO\nin\tO\n" \
		    loc[d % 3 + 1] "\tB-LOC\n.\tO\n"
	}
}' >"$tmp/set.conll"
printf '# a comment\nLOC\tGeneva\nPER\tMaria\nMISC\tKenyan\nLEX\tLagos\nLEX\tofficials\nLEX\ttwo words\n' >"$tmp/g.tsv"
tag-entities --train "$tmp/a.bin" --epochs 2 --gazetteer "$tmp/g.tsv" \
    "$tmp/set.conll" 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
tag-entities --train "$tmp/b.bin" --epochs 2 "$tmp/set.conll" 2>/dev/null ||
    exit 1
cmp -s "$tmp/a.bin" "$tmp/b.bin" && { echo "gaz: the list changed nothing" >&2; exit 1; }
printf 'Ravi Patel met officials in Lagos.\n' |
    tag-entities --only --model "$tmp/a.bin" >"$tmp/out" || exit 1
grep -q "$(printf '\tent\t0\t10\ttype=PER|norm=Ravi Patel\tRavi Patel')" "$tmp/out" ||
    { echo "gaz: the taught name was not found:" >&2; cat "$tmp/out" >&2; exit 1; }
printf 'LOC\tGeneva\nPLACE\tLagos\n' >"$tmp/bad.tsv"
tag-entities --train "$tmp/c.bin" --gazetteer "$tmp/bad.tsv" \
    "$tmp/set.conll" 2>"$tmp/err" && { echo "gaz: a bad line was taken" >&2; exit 1; }
grep -q "bad.tsv:2: want TYPE TAB name" "$tmp/err" ||
    { echo "gaz: no file and line in:" >&2; cat "$tmp/err" >&2; exit 1; }
exit 0
