#!/bin/sh
# --train on a small made-up set: the same files and options give the same
# model byte for byte (with --caps copies and a chosen --fold too), the
# model loads and finds a name it was taught, and --holdout reports the
# held-out text as written, per type, and recased; --prune leaves rows out.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
awk 'BEGIN {
	split("Maria Chen|Ravi Patel|Lena Brandt|Kenji Mori", per, "|")
	split("Norvik Energy|Atlas Mining|Brightwater Capital", org, "|")
	split("Geneva|Lagos|Jakarta|Ohio", loc, "|")
	for (d = 0; d < 12; d++) {
		print "-DOCSTART-\tO\n"
		for (s = 0; s < 4; s++) {
			p = per[(d + s) % 4 + 1]; o = org[(d + s) % 3 + 1]
			l = loc[(d * 3 + s) % 4 + 1]
			n = split(p, a, " ")
			for (k = 1; k <= n; k++)
				print a[k] "\t" (k == 1 ? "B" : "I") "-PER"
			print "of\tO"
			n = split(o, a, " ")
			for (k = 1; k <= n; k++)
				print a[k] "\t" (k == 1 ? "B" : "I") "-ORG"
			print "spoke\tO\nin\tO\n" l "\tB-LOC\n.\tO\n"
		}
	}
}' >"$tmp/set.conll"
for m in a b; do
	tag-entities --train "$tmp/$m.bin" --epochs 2 --bags 2 --caps 3 \
	    --holdout 4 --fold 1 "$tmp/set.conll" 2>"$tmp/$m.err" || {
		cat "$tmp/$m.err" >&2; exit 1; }
done
cmp -s "$tmp/a.bin" "$tmp/b.bin" || { echo "train: two runs differ" >&2; exit 1; }
grep -q '^held out, F1 per file: [0-9.]* all [0-9.]* fully annotated [0-9.]* PER [0-9.]* ORG [0-9.]* LOC [0-9.]* MISC [0-9.]* in capitals [0-9.]* in title case [0-9.]*$' "$tmp/a.err" ||
    { echo "train: no held-out report:" >&2; cat "$tmp/a.err" >&2; exit 1; }
# another fold holds out other documents, so the model differs
tag-entities --train "$tmp/c.bin" --epochs 2 --bags 2 --caps 3 \
    --holdout 4 --fold 2 "$tmp/set.conll" 2>/dev/null || exit 1
cmp -s "$tmp/a.bin" "$tmp/c.bin" && { echo "train: --fold changed nothing" >&2; exit 1; }
# --prune 50 leaves half the rows out (never a transition row): a smaller
# model, the same from the same options
tag-entities --train "$tmp/n.bin" --epochs 2 "$tmp/set.conll" 2>/dev/null ||
    exit 1
for m in p q; do
	tag-entities --train "$tmp/$m.bin" --epochs 2 --prune 50 \
	    "$tmp/set.conll" 2>"$tmp/$m.err" || exit 1
done
cmp -s "$tmp/p.bin" "$tmp/q.bin" || { echo "train: --prune runs differ" >&2; exit 1; }
awk '/^prune: / { n++; if ($2 != int($4 / 2)) bad = 1 } END { exit n != 1 || bad }' \
    "$tmp/p.err" || { echo "train: --prune 50 report:" >&2; cat "$tmp/p.err" >&2; exit 1; }
[ "$(wc -c <"$tmp/p.bin")" -lt "$(wc -c <"$tmp/n.bin")" ] ||
    { echo "train: --prune made no smaller model" >&2; exit 1; }
tag-entities --train "$tmp/x.bin" --prune 100 "$tmp/set.conll" 2>/dev/null
[ $? -eq 2 ] || { echo "train: --prune 100 was not a usage error" >&2; exit 1; }
printf 'Ravi Patel of Atlas Mining spoke in Lagos.\n' |
    tag-entities --only --model "$tmp/a.bin" >"$tmp/out" || exit 1
grep -q "$(printf '\tent\t0\t10\ttype=PER|norm=Ravi Patel\tRavi Patel')" "$tmp/out" ||
    { echo "train: the taught name was not found:" >&2; cat "$tmp/out" >&2; exit 1; }
exit 0
