#!/bin/sh
# Moving from files to raw records changes nothing: the pipeline over
# article files given as operands (the serial way of README.md) and over
# the same files packed as raw records (the way of parallel, Hadoop and
# Spark, newsutils(7)) give the same output byte for byte, and so does
# pack-docs --from-list -0 fed by find -print0.  The articles are
# gen-news.awk's with hostile=1: CRLF, lone CR, TABs, backslashes, invalid
# UTF-8, NUL, a byte-order mark, empty and blank files, and a first line
# that looks like a record but is not a valid one (so the file is raw
# text, newsutils(7)).

here=$(cd "$(dirname "$0")" && pwd)
: "${BIN:?set BIN to the directory of the built tools}"
. "$here/stages.inc"
PATH="$BIN${TESTBIN:+:$TESTBIN}:$PATH"
[ -x "$BIN/pack-docs" ] || { echo "skip: pack-docs not built"; exit 77; }
[ -n "$STAGES" ] || { echo "skip: no filter built"; exit 77; }
echo "stages: $STAGES${MISSING:+ (not built yet, skipped: $MISSING)}"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { printf "FAIL: %s\n" "$*" >&2; exit 1; }
why() { [ "$1" -eq 124 ] && echo "timed out after $limit s" || echo "exited $1"; }
limit=${NU_SCALE_TIMEOUT:-60}	# a hang guard, not a speed test

cd "$tmp" || exit 2
mkdir a
LC_ALL=C awk -v seed=4 -v n=40 -v hostile=1 -v dir=a \
    -f "$here/../bench/gen-news.awk" >list || fail "gen-news"
grep -l "$(printf '^x\traw\t')" a/* >/dev/null || fail "the corpus lacks a record-like first line"

# pipe OPERAND...: the stages, the first reading the operands.
pipe() {
	first=${STAGES%% *}
	timeout "$limit" "$first" "$@" >out.0 2>err ||
	    fail "$first FILE... $(why $?): $(head -3 err)
(every file here is raw text: newsutils(7) reads an input as records only
when its first line is a valid doc or raw record)"
	i=0
	for s in ${STAGES#$first}; do
		timeout "$limit" "$s" <out.$i >out.$((i + 1)) 2>err ||
		    fail "$s $(why $?): $(head -3 err)"
		i=$((i + 1))
	done
	cat out.$i
}

pipe $(cat list) >files.tsv
pack-docs $(cat list) >raw.tsv || fail "pack-docs exited $?"
pipe raw.tsv >packed.tsv
cmp -s files.tsv packed.tsv || fail "file operands and raw records differ:
$(diff files.tsv packed.tsv | head -10)"

find a -type f -print0 | sort -z | pack-docs --from-list -0 >raw0.tsv ||
    fail "pack-docs --from-list -0 exited $?"
cmp -s raw.tsv raw0.tsv || fail "pack-docs --from-list -0 differs from operands"
exit 0
