#!/bin/sh
# bench-hostile (tests/bench/hostile.mk): time and peak memory of every
# tool on the hostile sizes, at a quarter and at full size, so that
# linearity shows as a ratio near 4 and bounded memory as a peak that does
# not grow with the stream (BENCH_TOOLS, BENCH_TIMEOUT: which tools, and
# how long one run may take).  Ends by running tests/hostile/big.sh at full
# size (its invariant checks included).  Exit 1 if a tool fails, or if its
# peak memory on the 200 MB stream is over twice that on the 50 MB one.
: "${BIN:?}" "${DIR:?}"
PATH="$BIN${TESTBIN:+:$TESTBIN}:$PATH"
export PATH LC_ALL=C
mkdir -p "$DIR" || exit 2
here=$(cd "$(dirname "$0")/../.." && pwd)
status=0

# gen_line MB FILE, gen_tiny MB FILE: the inputs of tests/hostile/big.sh
gen_line() {
	[ -s "$2" ] || awk -v what=line -v n="$(($1 * 1048576))" \
	    -f "$here/tests/hostile/gen.awk" >"$2"
}
gen_tiny() {
	[ -s "$2" ] || awk -v what=tiny -v n="$(($1 * 1048576))" \
	    -f "$here/tests/hostile/gen.awk" >"$2"
}

gen_line 12 "$DIR/line12.txt"
gen_line 50 "$DIR/line50.txt"
gen_tiny 50 "$DIR/tiny50.tsv"
gen_tiny 200 "$DIR/tiny200.tsv"

# run TOOL FILE: prints "seconds peakKB", or fails.  A run longer than
# BENCH_TIMEOUT seconds is stopped and reported (superlinear time).
BENCH_TIMEOUT=${BENCH_TIMEOUT:-300}
run() {
	timeout "$BENCH_TIMEOUT" /usr/bin/time -f '%e %M' -o "$DIR/time" "$@" \
	    >/dev/null 2>"$DIR/err"
	case $? in
	0) ;;
	124) echo "bench-hostile: $* did not end in $BENCH_TIMEOUT s" >&2
	   echo "$BENCH_TIMEOUT 0" >"$DIR/time"
	   status=1 ;;
	*) echo "bench-hostile: $* failed: $(head -1 "$DIR/err")" >&2
	   status=1 ;;
	esac
	cat "$DIR/time"
}

printf '%-18s %-12s %8s %8s %8s %10s\n' tool input MB seconds MB/s "peak MB"
for tool in ${BENCH_TOOLS:-cat nu-cat strip-boilerplate split-sentences tag-entities extract-quotes}; do
	command -v "$tool" >/dev/null 2>&1 || continue
	for f in line12.txt line50.txt tiny50.tsv tiny200.tsv; do
		set -- $(run "$tool" "$DIR/$f")
		mb=$(($(wc -c <"$DIR/$f") / 1048576))
		printf '%-18s %-12s %8d %8.2f %8.1f %10.1f\n' "$tool" "$f" "$mb" \
		    "$1" "$(echo "$mb $1" | awk '{ print ($2 > 0 ? $1 / $2 : 0) }')" \
		    "$(echo "$2" | awk '{ print $1 / 1024 }')"
		eval "t_${f%%.*}=$1 m_${f%%.*}=$2"
	done
	[ "$tool" = cat ] && continue
	awk -v tool="$tool" -v a="$t_line12" -v b="$t_line50" -v c="$t_tiny50" \
	    -v d="$t_tiny200" -v m1="$m_tiny50" -v m2="$m_tiny200" 'BEGIN {
		printf "%-18s time x4 size: line %.1fx, stream %.1fx; peak memory 50 -> 200 MB stream: %.1f -> %.1f MB\n",
		    tool, (a > 0 ? b / a : 0), (c > 0 ? d / c : 0), m1 / 1024, m2 / 1024
		exit (m2 > 2 * m1 + 10240)
	}' || { echo "bench-hostile: $tool: peak memory grows with the stream" >&2; status=1; }
done

echo "bench-hostile: tests/hostile/big.sh at HOSTILE_SCALE=100"
HOSTILE_SCALE=100 HOSTILE_TIMEOUT=$BENCH_TIMEOUT sh "$here/tests/hostile/big.sh" ||
	status=1
exit $status
