#!/bin/sh
# Issue 9's property: cutting a multi-document input at document boundaries
# into any number of chunks, running the pipeline on each chunk and
# concatenating the outputs gives the serial run's output byte for byte.
# This is what makes GNU parallel, Hadoop Streaming and Spark safe; the
# parallel recipes themselves are in parallel.sh.
#
# Input: synthetic articles (tests/bench/gen-news.awk, hostile=1 mixes in
# CRLF, TABs, backslashes, bad UTF-8, NUL, empty files ...) packed by
# pack-docs.  Checked:
#   - every stage exits 0 and keeps one doc record per article, in order;
#   - raw records and the output hold no raw CR and are valid UTF-8;
#   - an empty chunk gives empty output;
#   - raw records cut into 1, 2, 3, 5, 8 and 13 random chunks, and one
#     chunk per document, give the serial output;
#   - the record stream between any two stages, cut at doc records, run
#     through the remaining stages, gives the serial output.
# NU_SCALE_SEED and NU_SCALE_DOCS vary the corpus (defaults 9 and 40);
# each stage run has NU_SCALE_TIMEOUT seconds (60) before it counts as hung.
#
# The stages are the filters built so far (stages.inc); the ones missing
# are named on stdout and the test covers them as they land.

here=$(cd "$(dirname "$0")" && pwd)
: "${BIN:?set BIN to the directory of the built tools}"
. "$here/stages.inc"
PATH="$BIN${TESTBIN:+:$TESTBIN}:$PATH"
seed=${NU_SCALE_SEED:-9}
ndocs=${NU_SCALE_DOCS:-40}
limit=${NU_SCALE_TIMEOUT:-60}	# a hang guard, not a speed test

[ -x "$BIN/pack-docs" ] || { echo "skip: pack-docs not built"; exit 77; }
[ -n "$STAGES" ] || { echo "skip: no filter built"; exit 77; }
echo "stages: $STAGES${MISSING:+ (not built yet, skipped: $MISSING)}"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { printf "FAIL: %s\n" "$*"; exit 1; }
why() { [ "$1" -eq 124 ] && echo "timed out after $limit s" || echo "exited $1"; }

# Run stages $3.. with option $2 (or none) on file $1, writing $1.<stage>
# for each; prints the last one's name.
run_stages() {
	in=$1 opt=$2
	shift 2
	for s in "$@"; do
		timeout "$limit" "$s" $opt <"$in" >"$in.$s" 2>"$in.$s.err" ||
		    fail "$s on $in $(why $?): $(head -3 "$in.$s.err")"
		in=$in.$s
	done
	echo "$in"
}

mkdir "$tmp/a"
LC_ALL=C awk -v seed="$seed" -v n="$ndocs" -v hostile=1 -v dir="$tmp/a" \
    -f "$here/../bench/gen-news.awk" >"$tmp/list" || fail "gen-news"
pack-docs --from-list <"$tmp/list" >"$tmp/raw" || fail "pack-docs exited $?"
[ "$(wc -l <"$tmp/raw")" -eq "$ndocs" ] || fail "pack-docs: not $ndocs lines"

# The serial run, stage by stage.
serial=$(run_stages "$tmp/raw" "" $STAGES) || { printf "%s\n" "$serial"; exit 1; }
in=$tmp/raw
for s in $STAGES; do
	in=$in.$s
	awk -F'\t' '$2 == "doc" { print $1 }' "$in" >"$tmp/docs"
	cmp -s "$tmp/docs" "$tmp/list" ||
	    fail "$s: doc records are not one per article in order"
done
[ -x "${TESTBIN:-/nonexistent}/nu-cat" ] && { nu-cat --records "$serial" >/dev/null ||
    fail "final output is not a well-formed record stream"; }
# What Hadoop and Spark need of a line, though the articles hold CR and
# invalid UTF-8: no raw CR (their line reader ends a line there too), and
# valid UTF-8 (Spark decodes lines as strings).
for f in "$tmp/raw" "$serial"; do
	grep -q "$(printf '')" "$f" && fail "${f##*/} holds a raw CR"
	iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1 || fail "${f##*/} is not valid UTF-8"
done
grep -q "$(printf '')" "$tmp"/a/* || fail "the corpus lacks a CR"
cat "$tmp"/a/* | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && fail "the corpus lacks invalid UTF-8"

# An empty chunk (an empty Spark partition) adds nothing.
: >"$tmp/empty"
o=$(run_stages "$tmp/empty" --records $STAGES) || { printf "%s\n" "$o"; exit 1; }
[ -s "$o" ] && fail "an empty chunk gave output: $(head -3 "$o")"

# Raw records in random chunks, each run as a parallel job runs it (with
# --records); k = ndocs puts each document alone.
for k in 1 2 3 5 8 13 "$ndocs"; do
	[ "$k" -le "$ndocs" ] || continue
	rm -f "$tmp"/c.*
	awk -v k="$k" -v seed="$seed$k" -v out="$tmp/c" -f "$here/cut-docs.awk" \
	    "$tmp/raw" "$tmp/raw" >"$tmp/chunks"
	[ "$(wc -l <"$tmp/chunks")" -eq "$k" ] || fail "cut-docs: not $k chunks"
	: >"$tmp/joined"
	for c in $(cat "$tmp/chunks"); do
		o=$(run_stages "$c" --records $STAGES) || { printf "%s\n" "$o"; exit 1; }
		cat "$o" >>"$tmp/joined"
	done
	cmp -s "$tmp/joined" "$serial" ||
	    fail "raw records in $k chunks differ from the serial run:
$(diff "$serial" "$tmp/joined" | head -10)"
done

# The stream after each stage, cut at doc records, through the rest.
set -- $STAGES
in=$tmp/raw
while [ $# -gt 1 ]; do
	in=$in.$1
	shift
	for k in 2 7; do
		rm -f "$tmp"/m.*
		awk -v k="$k" -v seed="$seed$k$#" -v out="$tmp/m" \
		    -f "$here/cut-docs.awk" "$in" "$in" >"$tmp/chunks"
		: >"$tmp/joined"
		for c in $(cat "$tmp/chunks"); do
			o=$(run_stages "$c" --records "$@") || { printf "%s\n" "$o"; exit 1; }
			cat "$o" >>"$tmp/joined"
		done
		cmp -s "$tmp/joined" "$serial" ||
		    fail "stream before $1 in $k chunks differs from the serial run:
$(diff "$serial" "$tmp/joined" | head -10)"
	done
done
exit 0
