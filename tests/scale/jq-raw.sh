#!/bin/sh
# The jq one-liner of README.md and newsutils(7), which makes raw records
# from a JSON Lines dump of articles ({"id": ..., "text": ...} per line),
# gives byte for byte what pack-docs gives on the same articles as files.
# jq's @tsv escapes backslash, TAB, LF and CR as the format does (it writes
# NUL as \0, which the format has not, so the one-liner first turns NUL and
# the other C0 controls into '?', as pack-docs does); utf8bytelength is END.
#
# The articles are gen-news.awk's, hostile=1 utf8=0: CRLF, TABs,
# backslashes, NUL and control bytes, empty and blank files, but no invalid
# UTF-8, which a JSON dump cannot hold (a JSON encoder has already replaced
# it, with U+FFFD, 3 bytes, where pack-docs writes one '?' per byte).  The
# ids include a TAB, a backslash and a non-ASCII letter.

here=$(cd "$(dirname "$0")" && pwd)
: "${BIN:?set BIN to the directory of the built tools}"
PATH="$BIN:$PATH"
command -v jq >/dev/null || { echo "skip: jq not installed"; exit 77; }
[ -x "$BIN/pack-docs" ] || { echo "skip: pack-docs not built"; exit 77; }

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { printf "FAIL: %s\n" "$*"; exit 1; }

cd "$tmp" || exit 2
mkdir a
LC_ALL=C awk -v seed=5 -v n=60 -v hostile=1 -v utf8=0 -v dir=a \
    -f "$here/../bench/gen-news.awk" >list || fail "gen-news"
# Odd names: paths are DOC, escaped like TEXT.
i=0
for name in "$(printf 'a/tab\there.txt')" 'a/back\slash.txt' 'a/Zürich news.txt'; do
	i=$((i + 1))
	cp "a/00000$i.txt" "$name" && printf '%s\n' "$name" >>list
done
# And every byte class that needs care, for certain.
printf 'Controls \001 and NUL \000 here\r\n\tTAB, back\\slash, lone\rCR, DEL \177\n' >a/ctl.txt
echo a/ctl.txt >>list
[ "$(wc -l <list)" -eq 64 ] || fail "setup"

pack-docs --from-list <list >packed.tsv || fail "pack-docs exited $?"

# The dump: one JSON object per article, encoded by jq itself.
while IFS= read -r f; do
	jq -Rsc --arg id "$f" '{id: $id, text: .}' "$f" || fail "jq on $f"
done <list >articles.jsonl

# The one-liner, exactly as documented.
prog='def c: gsub("[\u0000-\u0008\u000b\u000c\u000e-\u001f]"; "?"); [(.id|c), "raw", 0, (.text|utf8bytelength), "_", (.text|c)] | @tsv'
jq -r "$prog" articles.jsonl >jq.tsv || fail "the jq one-liner exited $?"

# The README shows this program and no other.
doc=$here/../../README.md
grep -q "jq -r 'def c:" "$doc" || fail "README.md shows no jq program"
got=$(grep "jq -r 'def c:" "$doc" | sed "s/.*jq -r '//; s/' articles.jsonl.*//")
[ "$got" = "$prog" ] || fail "README.md shows another jq program: $got"

cmp -s jq.tsv packed.tsv || fail "jq's raw records differ from pack-docs':
$(diff packed.tsv jq.tsv | head -10)"

# Not vacuous: the corpus has what needs escaping and replacing.
for pat in '\\t' '\\n' '\\r' '\\\\'; do
	grep -q -F -e "$(printf '%b' "$pat")" jq.tsv || fail "corpus lacks $pat"
done
for pat in '\\u0000' '\\u0001'; do
	grep -q -F -e "$(printf '%b' "$pat")" articles.jsonl || fail "corpus lacks $pat"
done
grep -q "$(printf '\t0\t0\t_\t$')" jq.tsv || fail "corpus lacks an empty article"
exit 0
