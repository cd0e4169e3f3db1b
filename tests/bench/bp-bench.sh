#!/bin/sh
# strip-boilerplate speed and memory, next to cat and tr a-z A-Z on the same
# input in the same run: a generated corpus of news articles (with the
# boilerplate and residue strip-boilerplate removes) packed as raw records,
# one document per line.  Each command runs three times; the best wall
# clock and the best CPU time (user + system, at the 10 ms resolution of
# time(1); cat and tr, far quicker, are run ten times over per run and
# divided) are reported, each of its own run: on a busy machine the wall
# clock also measures the neighbours, so the CPU time is the figure to
# compare.  Peak resident memory is the largest of the three.
: "${BIN:=$(pwd)/bin}" "${BP_BENCH_MB:=48}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/art"
LC_ALL=C awk -v seed=3 -v bytes=$((BP_BENCH_MB * 1000000)) -v dir="$tmp/art" \
    -f "$(dirname "$0")/gen-news.awk" >"$tmp/list" || exit 1
"$BIN/pack-docs" --from-list <"$tmp/list" >"$tmp/in.tsv" || exit 1
bytes=$(wc -c <"$tmp/in.tsv")
docs=$(wc -l <"$tmp/in.tsv")

# run NAME CMD...: of three runs the least wall clock, the least CPU time
# and the most memory, "wall cpu rss" into $tmp/NAME.  With REPS=N each
# run is the command N times over (one shell, whose children time(1)
# counts) and its times are divided by N: tr takes about 20 ms of CPU
# here, two ticks of time(1), too coarse to divide by.
run() {
	name=$1; shift
	reps=${REPS:-1}
	: >"$tmp/runs"
	for i in 1 2 3; do
		t0=$(date +%s.%N)
		if [ "$reps" -eq 1 ]; then
			/usr/bin/time -f '%U %S %M' -o "$tmp/t" "$@" \
			    <"$tmp/in.tsv" >/dev/null || exit 1
		else
			/usr/bin/time -f '%U %S %M' -o "$tmp/t" sh -c '
				n=$1; shift; in=$1; shift; i=0
				while [ "$i" -lt "$n" ]; do
					"$@" <"$in" >/dev/null || exit 1
					i=$((i + 1))
				done' sh "$reps" "$tmp/in.tsv" "$@" || exit 1
		fi
		t1=$(date +%s.%N)
		awk -v a="$t0" -v z="$t1" -v n="$reps" \
		    '{ printf "%.4f %.4f %d\n", (z - a) / n, ($1 + $2) / n, $3 }' \
		    "$tmp/t" >>"$tmp/runs"
	done
	awk 'NR == 1 || $1 < w { w = $1 } NR == 1 || $2 < c { c = $2 }
	    $3 > m { m = $3 } END { print w, c, m }' "$tmp/runs" >"$tmp/$name"
}
REPS=10 run cat cat
REPS=10 run tr tr a-z A-Z
run bp "$BIN/strip-boilerplate"
run bpk "$BIN/strip-boilerplate" -k

report() {
	awk -v name="$1" -v b="$bytes" -v tr="$(cat "$tmp/tr")" '{
		split(tr, t, " ")
		w = $1 > 0 ? b / 1e6 / $1 : 0; c = $2 > 0 ? b / 1e6 / $2 : 0
		tw = t[1] > 0 ? b / 1e6 / t[1] : 0; tc = t[2] > 0 ? b / 1e6 / t[2] : 0
		printf "bench-bp: %-24s %8.1f MB/s wall %8.1f MB/s cpu  %6.0f KB peak", name, w, c, $3
		if (name ~ /^strip/ && tw > 0)
			printf "  (%.2f of tr wall, %.2f of tr cpu)", w / tw, ((tc > 0 && c > 0) ? c / tc : 0)
		printf "\n"
	}' "$tmp/$2"
}
printf 'bench-bp: %d articles as raw records, %.1f MB, best of 3 runs\n' "$docs" "$(echo "$bytes" | awk '{ print $1 / 1e6 }')"
report "cat" cat
report "tr a-z A-Z" tr
report "strip-boilerplate" bp
report "strip-boilerplate -k" bpk
