#!/bin/sh
# bench-sbd: split-sentences next to ICU's sentence BreakIterator
# (tests/bench/sbd-icu.c) on the same generated news articles, in one run.
#
#   BIN=build/bin ICU=build/bench/sbd-icu SBD_TIME=build/bench/sbd-time \
#	[SBDLIB=build/bench/sbd-lib] SBD_MB=50 SBD_DIR=build/bench/sbd \
#	[RUNS=5] sh tests/bench/sbd.sh
#
# The articles come from tests/bench/gen-news.awk (deterministic) and are
# kept in SBD_DIR between runs.  The ICU harness reads them concatenated,
# one paragraph per line, and writes one sentence per line.  split-sentences
# reads the same bytes the same way (as one raw document on standard input),
# with --text (one sentence per line, like the harness) and with records;
# then the articles as file operands, one document each, which adds a
# system call or five per article that the harness does not pay.  All of
# them run in turn, RUNS rounds (default 5); for each the fastest round
# counts.  Throughput is input MB per second of CPU time (user + system,
# to the microsecond, from tests/bench/sbd-time.c), which a busy machine
# disturbs less than wall time; wall time is shown too.  Peak memory is
# the maximum resident set size: reading all.txt as one document holds
# all of it, the file operands one article at a time.
: "${BIN:?set BIN to the directory of the built tools}"
: "${ICU:?set ICU to the built sbd-icu harness}"
MB=${SBD_MB:-50}
DIR=${SBD_DIR:-${TMPDIR:-/tmp}/newsutils-bench-sbd}
RUNS=${RUNS:-5}
TIMER=${SBD_TIME:?set SBD_TIME to the built sbd-time}
here=$(dirname "$0")

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

# The commands, one a line: NAME|STDIN|COMMAND (split at spaces)
cat >"$tmp/cmds" <<EOF
ICU BreakIterator (sbd-icu)|$DIR/all.txt|$ICU
split-sentences --text|$DIR/all.txt|$BIN/split-sentences --text
split-sentences|$DIR/all.txt|$BIN/split-sentences
split-sentences --text FILE...|/dev/null|xargs -a $DIR/list $BIN/split-sentences --text
split-sentences FILE...|/dev/null|xargs -a $DIR/list $BIN/split-sentences
cat|$DIR/all.txt|cat
EOF

# RUNS rounds, each running every command once in turn, so that a busy
# spell of the machine slows all of them alike rather than the ones that
# happened to run then; $tmp/cpu.K holds command K's CPU time per round.
r=1
while [ "$r" -le "$RUNS" ]; do
	k=1
	while IFS='|' read -r name in cmd; do
		# shellcheck disable=SC2086
		"$TIMER" "$tmp/t" "$in" $cmd >"$tmp/out" 2>"$tmp/err" </dev/null ||
		    { echo "bench-sbd: $name failed:"; cat "$tmp/err"; exit 1; } >&2
		cat "$tmp/t" >>"$tmp/cpu.$k"
		if [ "$r" -eq 1 ] && [ "$k" -eq 1 ]; then
			nicu=$(sed -n 's/^sbd-icu: \([0-9]*\) sentences$/\1/p' "$tmp/err")
		elif [ "$r" -eq 1 ] && [ "$k" -eq 3 ]; then
			nsbd=$(grep -c '	sent	' "$tmp/out")
		fi
		k=$((k + 1))
	done <"$tmp/cmds"
	r=$((r + 1))
done

# best NAME K: the fastest round of command K, and every round's CPU
# time; sets cpu
best() {
	cpu=$(sort -n "$tmp/cpu.$2" | awk 'NR == 1 { print $1 }')
	sort -n "$tmp/cpu.$2" | awk -v n="$1" -v b="$bytes" -v all="$(awk '
	    { printf "%s%.3f", (NR > 1 ? " " : ""), $1 }' "$tmp/cpu.$2")" 'NR == 1 {
		printf "%-31s %8.1f MB/s  (%.3f s CPU, %.2f s wall)  peak RSS %6.1f MB\n",
		    n, ($1 > 0 ? b / 1e6 / $1 : 0), $1, $2, $3 / 1024
		printf "%-31s rounds, s CPU: %s\n", "", all }'
}

echo "bench-sbd: $bytes bytes in $ndoc generated articles (best of $RUNS interleaved rounds, CPU time = user + system)"
k=1
while IFS='|' read -r name in cmd; do
	best "$name" "$k"
	eval "cpu$k=\$cpu"
	k=$((k + 1))
done <"$tmp/cmds"
echo "sentences: split-sentences $nsbd, ICU $nicu"
if [ -n "$SBDLIB" ]; then
	"$SBDLIB" "$DIR/all.txt" | awk '{ printf "%-31s %8.1f MB/s  (sbd_split() alone, no record I/O; %d sentences)\n", "library", $3, $1 }'
fi
# The ratio of the best rounds, and the lowest and highest of the ratios
# within one round (ICU and split-sentences ran seconds apart there).
ratio() {	# ratio LABEL K
	paste -d ' ' "$tmp/cpu.1" "$tmp/cpu.$2" | awk -v l="$1" -v b="$cpu1" \
	    -v t="$(eval echo \$cpu$2)" '
	    $4 > 0 { r = $1 / $4; if (n++ == 0 || r < lo) lo = r; if (r > hi) hi = r }
	    END { if (t > 0) printf "  %-44s %.2fx  (rounds %.2fx to %.2fx)\n", l, b / t, lo, hi }'
}
echo "split-sentences against ICU's throughput (target: 2x):"
ratio "same input, one sentence per line (--text):" 2
ratio "same input, records:" 3
ratio "one file per article, records:" 5
