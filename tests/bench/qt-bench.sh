#!/bin/sh
# bench-qt: extract-quotes on generated news articles that already carry
# sent and ent records (split-sentences | tag-entities, made once and kept
# in QT_DIR), as the tool runs at the end of a pipeline; raw articles too.
#
#   BIN=build/bin [TESTBIN=build/tests/bin] [QT_MB=50] [QT_DIR=/tmp/...]
#   [RUNS=3] sh tests/bench/qt-bench.sh
#
# Throughput is article bytes (the raw text) per CPU second (user + system),
# best of RUNS; the record stream it reads is larger, and its own rate is
# shown too.  Peak memory is the maximum resident set size (/usr/bin/time).
# With TESTBIN, the null filter nu-cat on the same stream shows what reading
# and writing the records costs before any quote is looked for.
: "${BIN:?set BIN to the directory of the built tools}"
MB=${QT_MB:-50}
DIR=${QT_DIR:-${TMPDIR:-/tmp}/newsutils-bench-qt}
RUNS=${RUNS:-3}
here=$(dirname "$0")

if [ ! -x /usr/bin/time ]; then
	echo "bench-qt: /usr/bin/time is needed (Debian package time)" >&2
	exit 1
fi
if [ ! -s "$DIR/ents.tsv" ] || [ "$(cat "$DIR/mb" 2>/dev/null)" != "$MB" ]; then
	rm -rf "$DIR" && mkdir -p "$DIR/art" || exit 1
	echo "bench-qt: generating $MB MB of articles and their entity records..."
	LC_ALL=C awk -v seed=6 -v bytes=$((MB * 1000000)) -v dir="$DIR/art" \
	    -f "$here/gen-news.awk" >"$DIR/list" || exit 1
	xargs cat <"$DIR/list" >"$DIR/all.txt" || exit 1
	"$BIN/pack-docs" --from-list <"$DIR/list" >"$DIR/raw.tsv" || exit 1
	"$BIN/split-sentences" "$DIR/raw.tsv" | "$BIN/tag-entities" \
	    >"$DIR/ents.tsv" || exit 1
	echo "$MB" >"$DIR/mb"
fi
bytes=$(wc -c <"$DIR/all.txt")
sbytes=$(wc -c <"$DIR/ents.tsv")
ndoc=$(wc -l <"$DIR/list")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# run NAME FILE COMMAND...: best of RUNS over FILE; sets cpu, rss
run() {
	name=$1 in=$2
	shift 2
	best=""
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f '%U %S %e %M' -o "$tmp/t" "$@" <"$in" \
		    >"$tmp/out" 2>"$tmp/err" ||
		    { echo "bench-qt: $name failed:"; cat "$tmp/err"; exit 1; } >&2
		read -r u s e m <"$tmp/t"
		c=$(echo "$u $s" | awk '{ printf "%.3f", $1 + $2 }')
		if [ -z "$best" ] || awk -v a="$c" -v b="$best" \
		    'BEGIN { exit !(a < b) }'; then
			best=$c wall=$e rss=$m
		fi
		i=$((i + 1))
	done
	cpu=$best
	awk -v n="$name" -v b="$bytes" -v sb="$3" -v c="$cpu" -v w="$wall" \
	    -v m="$rss" 'BEGIN {
		printf "%-34s %7.1f MB/s of articles  (%.3f s CPU, %.2f s wall)  peak RSS %6.1f MB\n",
		    n, (c > 0 ? b / 1e6 / c : 0), c, w, m / 1024 }'
}

echo "bench-qt: $bytes bytes of text in $ndoc generated articles," \
    "$sbytes bytes as sent+ent records (best of $RUNS runs)"
run "extract-quotes (sent+ent records)" "$DIR/ents.tsv" "$BIN/extract-quotes"
qt=$cpu
nq=$(grep -c '	quote	' "$tmp/out")
awk -v b="$sbytes" -v c="$qt" -v n="$nq" 'BEGIN {
	printf "  %d quote records; the record stream read at %.1f MB/s\n",
	    n, (c > 0 ? b / 1e6 / c : 0) }'
run "cat (same stream)" "$DIR/ents.tsv" cat
if [ -n "$TESTBIN" ] && [ -x "$TESTBIN/nu-cat" ]; then
	run "nu-cat (records in and out only)" "$DIR/ents.tsv" "$TESTBIN/nu-cat"
fi
run "extract-quotes (raw, own sbd+ner)" "$DIR/raw.tsv" "$BIN/extract-quotes"
awk -v b="$bytes" -v c="$qt" 'BEGIN {
	r = (c > 0 ? b / 1e6 / c : 0)
	printf "bench-qt: target >= 100 MB/s of articles with entity records present: %s (%.1f MB/s)\n",
	    (r >= 100 ? "met" : "NOT met"), r }'
