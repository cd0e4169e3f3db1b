#!/bin/sh
# bench-sbd: split-sentences next to ICU's sentence BreakIterator
# (tests/bench/sbd-icu.c) on the same generated news articles, in one run.
#
#   BIN=build/bin ICU=build/bench/sbd-icu [SBDLIB=build/bench/sbd-lib] \
#	SBD_MB=50 SBD_DIR=build/bench/sbd sh tests/bench/sbd.sh
#
# The articles come from tests/bench/gen-news.awk (deterministic) and are
# kept in SBD_DIR between runs.  The ICU harness reads them concatenated,
# one paragraph per line, and writes one sentence per line.  split-sentences
# reads the same bytes the same way (as one raw document on standard input),
# with --text (one sentence per line, like the harness) and with records;
# then the articles as file operands, one document each, which adds a
# system call or five per article that the harness does not pay.  Each is
# run RUNS times; the fastest run counts.  Throughput is input MB per
# second of CPU time (user + system), which a busy machine disturbs less
# than wall time; wall time is shown too.  Peak memory is the maximum
# resident set size from /usr/bin/time: reading all.txt as one document
# holds all of it, the file operands one article at a time.
: "${BIN:?set BIN to the directory of the built tools}"
: "${ICU:?set ICU to the built sbd-icu harness}"
MB=${SBD_MB:-50}
DIR=${SBD_DIR:-${TMPDIR:-/tmp}/newsutils-bench-sbd}
RUNS=${RUNS:-3}
here=$(dirname "$0")

if [ ! -x /usr/bin/time ]; then
	echo "bench-sbd: /usr/bin/time is needed (Debian package time)" >&2
	exit 1
fi
if [ ! -s "$DIR/all.txt" ] || [ "$(cat "$DIR/mb" 2>/dev/null)" != "$MB" ]; then
	rm -rf "$DIR" && mkdir -p "$DIR/art" || exit 1
	LC_ALL=C awk -v seed=4 -v bytes=$((MB * 1000000)) -v dir="$DIR/art" \
	    -f "$here/gen-news.awk" >"$DIR/list" || exit 1
	xargs cat <"$DIR/list" >"$DIR/all.txt" || exit 1
	echo "$MB" >"$DIR/mb"
fi
bytes=$(wc -c <"$DIR/all.txt")
ndoc=$(wc -l <"$DIR/list")
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM

# run NAME STDIN COMMAND...: best of RUNS; sets cpu, wall, rss
run() {
	name=$1 in=$2
	shift 2
	best=""
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f '%U %S %e %M' -o "$tmp/t" "$@" <"$in" >"$tmp/out" 2>"$tmp/err" ||
		    { echo "bench-sbd: $name failed:"; cat "$tmp/err"; exit 1; } >&2
		set -- "$@"
		read -r u s e m <"$tmp/t"
		c=$(echo "$u $s" | awk '{ printf "%.3f", $1 + $2 }')
		if [ -z "$best" ] || awk -v a="$c" -v b="$best" 'BEGIN { exit !(a < b) }'; then
			best=$c wall=$e rss=$m
		fi
		i=$((i + 1))
	done
	cpu=$best
	awk -v n="$name" -v b="$bytes" -v c="$cpu" -v w="$wall" -v m="$rss" 'BEGIN {
		printf "%-31s %8.1f MB/s  (%.3f s CPU, %.2f s wall)  peak RSS %6.1f MB\n",
		    n, (c > 0 ? b / 1e6 / c : 0), c, w, m / 1024 }'
}

echo "bench-sbd: $bytes bytes in $ndoc generated articles (best of $RUNS runs)"
run "ICU BreakIterator (sbd-icu)" "$DIR/all.txt" "$ICU"
icu=$cpu
nicu=$(sed -n 's/^sbd-icu: \([0-9]*\) sentences$/\1/p' "$tmp/err")
run "split-sentences --text" "$DIR/all.txt" "$BIN/split-sentences" --text
text=$cpu
run "split-sentences" "$DIR/all.txt" "$BIN/split-sentences"
recs=$cpu
nsbd=$(grep -c '	sent	' "$tmp/out")
run "split-sentences --text FILE..." /dev/null xargs -a "$DIR/list" "$BIN/split-sentences" --text
run "split-sentences FILE..." /dev/null xargs -a "$DIR/list" "$BIN/split-sentences"
files=$cpu
run "cat" "$DIR/all.txt" cat
echo "sentences: split-sentences $nsbd, ICU $nicu"
if [ -n "$SBDLIB" ]; then
	"$SBDLIB" "$DIR/all.txt" | awk '{ printf "%-31s %8.1f MB/s  (sbd_split() alone, no record I/O; %d sentences)\n", "library", $3, $1 }'
fi
awk -v t="$text" -v r="$recs" -v f="$files" -v b="$icu" 'BEGIN {
	if (t > 0 && r > 0 && f > 0) {
		printf "split-sentences against ICU'\''s throughput (target: 2x):\n"
		printf "  same input, one sentence per line (--text): %.2fx\n", b / t
		printf "  same input, records:                        %.2fx\n", b / r
		printf "  one file per article, records:              %.2fx\n", b / f
	} }'
