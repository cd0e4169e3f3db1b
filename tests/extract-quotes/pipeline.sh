#!/bin/sh
# extract-quotes alone on raw articles gives the same quotes as at the end
# of the full pipeline (split-sentences | tag-entities | extract-quotes),
# every quote's TEXT is its source bytes, each quote record comes right
# after the text record where it ends, and a second run changes nothing.
here=$(dirname "$0")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "pipeline: $*"; exit 1; }

# the documents of the .test files here, one file each
n=0
for t in "$here"/*.test; do
	awk -v dir="$tmp" -v base="$n" '
		/^### / { k++; f = dir "/" base "-" k ".txt"; next }
		/^< / && f { print substr($0, 3) > f }
		/^<$/ && f { print "" > f }' "$t"
	n=$((n + 1))
done
seed=${SHARED:-../shared}/samples/seed.txt
[ -r "$seed" ] && cp "$seed" "$tmp/seed.txt"
for f in "$tmp"/*.txt; do
	extract-quotes --only "$f" >"$tmp/only" || fail "$f: alone"
	awk -F'\t' '$2 == "quote"' "$tmp/only" >"$tmp/alone"
	split-sentences "$f" | tag-entities | extract-quotes >"$tmp/full" ||
	    fail "$f: pipeline"
	awk -F'\t' '$2 == "quote"' "$tmp/full" >"$tmp/piped"
	cmp -s "$tmp/alone" "$tmp/piped" || {
		diff "$tmp/alone" "$tmp/piped"
		fail "$f: alone and piped differ"
	}
	# TEXT is the source bytes (no escapes in these articles)
	LC_ALL=C awk -F'\t' -v src="$f" '
		BEGIN { RS = "\001"; getline all < src; RS = "\n" }
		substr(all, $3 + 1, $4 - $3) != $6 { print "offsets of: " $6; bad = 1 }
		END { exit bad }' "$tmp/alone" || fail "$f: TEXT differs from the source"
	# a quote follows the text (or ent) records of the text record it ends in
	awk -F'\t' '
		$2 == "sent" || $2 == "para" { s = $3; e = $4; next }
		$2 == "quote" && !($4 > s && $4 <= e) { print "misplaced: " $0; bad = 1 }
		END { exit bad }' "$tmp/full" || fail "$f: a quote is not after its text"
	extract-quotes "$tmp/full" | cmp -s - "$tmp/full" ||
	    fail "$f: a second run changed the stream"
done
exit 0
