#!/bin/sh
# Running strip-boilerplate twice gives what running it once gives, with
# and without --keep-dropped, and with --text (its output read back as
# text, for inputs of raw text only), on every input of these tests (our
# own articles) and, when ../shared is there, on the seed article.
dir=$(dirname "$0")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# the articles are the "<" lines of the .test files, one file per case
awk -v d="$tmp" '/^###/ { n++ } /^< / || /^<$/ { print substr($0, 3) > (d "/in" n) }' \
	"$dir"/*.test
set -- "$tmp"/in*
[ -r "${SHARED:-../shared}/samples/seed.txt" ] && set -- "$@" "${SHARED:-../shared}/samples/seed.txt"
for f in "$@"; do
	for k in "" -k --text; do
		# --text prints other tools' records too: not for records
		[ "$k" = --text ] && head -n 1 "$f" | grep -q '	doc	' &&
			continue
		strip-boilerplate $k "$f" >"$tmp/once" || exit 1
		strip-boilerplate $k "$f" >"$tmp/first" || exit 1
		strip-boilerplate $k "$tmp/first" >"$tmp/twice" || exit 1
		cmp -s "$tmp/once" "$tmp/twice" ||
			{ echo "not idempotent: $f $k" >&2; exit 1; }
	done
done
exit 0
