#!/bin/sh
# strip-boilerplate speed and memory, next to cat and tr a-z A-Z on the same
# input in the same run: a generated corpus of news articles (with the
# boilerplate and residue strip-boilerplate removes) packed as raw records,
# one document per line.
#
#   BIN=build/bin BP_TIME=build/bench/sbd-time [BP_BENCH_MB=48] [RUNS=5] \
#	sh tests/bench/bp-bench.sh
#
# RUNS rounds, each running every command once in turn, so that a busy
# spell of the machine slows all of them alike rather than the ones that
# happened to run then.  Throughput is input MB per second of CPU time
# (user + system, to the microsecond, from tests/bench/sbd-time.c: the
# 10 ms ticks of time(1) were two for a run of tr here), which neighbours
# on the machine disturb less than wall time; the best round counts, and
# every round is printed beside it so that the spread shows.  Peak
# resident memory is the largest of the rounds.
: "${BIN:=$(pwd)/bin}" "${BP_BENCH_MB:=48}" "${RUNS:=5}"
TIMER=${BP_TIME:?set BP_TIME to the built sbd-time (make bench-bp builds it)}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/art"
LC_ALL=C awk -v seed=3 -v bytes=$((BP_BENCH_MB * 1000000)) -v dir="$tmp/art" \
    -f "$(dirname "$0")/gen-news.awk" >"$tmp/list" || exit 1
"$BIN/pack-docs" --from-list <"$tmp/list" >"$tmp/in.tsv" || exit 1
rm -rf "$tmp/art"
bytes=$(wc -c <"$tmp/in.tsv")
docs=$(wc -l <"$tmp/in.tsv")

# The commands, one a line: NAME|COMMAND (split at spaces)
cat >"$tmp/cmds" <<EOF
cat|cat
tr a-z A-Z|tr a-z A-Z
strip-boilerplate|$BIN/strip-boilerplate
strip-boilerplate -k|$BIN/strip-boilerplate -k
EOF

# $tmp/t.K: command K's "cpu wall rss" of each round
r=1
while [ "$r" -le "$RUNS" ]; do
	k=1
	while IFS='|' read -r name cmd; do
		# shellcheck disable=SC2086
		"$TIMER" "$tmp/t" "$tmp/in.tsv" $cmd >/dev/null 2>"$tmp/err" ||
		    { echo "bench-bp: $name failed:"; cat "$tmp/err"; exit 1; } >&2
		cat "$tmp/t" >>"$tmp/t.$k"
		k=$((k + 1))
	done <"$tmp/cmds"
	r=$((r + 1))
done

printf 'bench-bp: %d articles as raw records, %.1f MB, best of %d interleaved rounds (CPU = user + system)\n' \
    "$docs" "$(echo "$bytes" | awk '{ print $1 / 1e6 }')" "$RUNS"
# report NAME K: the best round's CPU and wall MB/s (each of its own
# round), the peak memory of all, and each round's CPU MB/s; beside
# strip-boilerplate, the ratios to tr's best
tr=$(awk 'NR == 1 || $1 < c { c = $1 } NR == 1 || $2 < w { w = $2 }
    END { print c, w }' "$tmp/t.2")
k=1
while IFS='|' read -r name cmd; do
	awk -v name="$name" -v b="$bytes" -v tr="$tr" '
	    NR == 1 || $1 < c { c = $1 } NR == 1 || $2 < w { w = $2 }
	    $3 > m { m = $3 }
	    { all = all sprintf(" %.1f", $1 > 0 ? b / 1e6 / $1 : 0) }
	    END {
		split(tr, t, " ")
		mc = c > 0 ? b / 1e6 / c : 0; mw = w > 0 ? b / 1e6 / w : 0
		printf "bench-bp: %-24s %8.1f MB/s cpu %8.1f MB/s wall  %6.0f KB peak", name, mc, mw, m
		if (name ~ /^strip/ && t[1] > 0 && t[2] > 0)
			printf "  (%.2f of tr cpu, %.2f of tr wall)", t[1] / c, t[2] / w
		printf "\nbench-bp: %-24s rounds, MB/s cpu:%s\n", "", all
	    }' "$tmp/t.$k"
	k=$((k + 1))
done <"$tmp/cmds"
