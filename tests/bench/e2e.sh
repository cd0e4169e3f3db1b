#!/bin/sh
# End-to-end benchmark (issue 9): pack-docs and the four filters over
# E2E_MB (default 100) MB of generated articles, stage by stage and then
# as one pipeline under GNU parallel on all cores, next to cat on the same
# input in the same run.  Per stage: wall seconds, CPU seconds (user+sys),
# MB/s and articles/s (MB are the articles' bytes, 10^6, whatever a stage
# reads), peak RSS.  The headline number is MB of articles per CPU-second
# summed over all stages (target: 2).  The parallel run's output must be
# byte-identical to the serial one, or the bench fails.
#
#   make bench-e2e [E2E_MB=100]
#   BIN=build/bin E2E_DIR=build/bench/e2e E2E_MB=100 sh tests/bench/e2e.sh
#
# The corpus (tests/bench/gen-news.awk, seed 1) is kept in E2E_DIR and made
# again only when E2E_MB or the generator changes; the stages' outputs are
# removed at the end.  E2E_JOBS sets parallel's -j (default: all cores).
# Stages not built yet are skipped and named.  Needs GNU time
# (/usr/bin/time) for CPU and RSS.

here=$(cd "$(dirname "$0")" && pwd)
: "${BIN:?set BIN to the directory of the built tools}"
. "$here/../scale/stages.inc"
PATH="$BIN:$PATH"
export PATH
mb=${E2E_MB:-100}
dir=${E2E_DIR:-build/bench/e2e}
jobs=${E2E_JOBS:-$(nproc 2>/dev/null || echo 2)}
TIME=${TIME_CMD:-/usr/bin/time}

die() { printf 'bench-e2e: %s\n' "$*" >&2; exit 1; }
[ -x "$BIN/pack-docs" ] || die "pack-docs not built"
[ -x "$TIME" ] || die "GNU time ($TIME) is needed: apt-get install time"
command -v parallel >/dev/null || die "GNU parallel is needed: apt-get install parallel"
STAGES=$(echo "$STAGES" | sed 's/nu-cat//')	# the stand-in is not a stage here

mkdir -p "$dir" || exit 1
dir=$(cd "$dir" && pwd)
# One build for the whole run, even if the tree is rebuilt meanwhile.
rm -rf "$dir/bin" && mkdir "$dir/bin" || exit 1
for s in pack-docs $STAGES; do
	cp "$BIN/$s" "$dir/bin/" || die "cannot copy $BIN/$s"
done
PATH=$dir/bin:$PATH
stamp="$mb MB, gen-news $(cksum <"$here/gen-news.awk")"
if [ "$(cat "$dir/corpus.mb" 2>/dev/null)" != "$stamp" ]; then
	echo "bench-e2e: generating $mb MB of articles in $dir/articles ..."
	rm -rf "$dir/articles" "$dir/corpus.mb"
	mkdir "$dir/articles"
	LC_ALL=C awk -v seed=1 -v bytes=$((mb * 1000000)) -v dir="$dir/articles" \
	    -f "$here/gen-news.awk" >"$dir/list" || die "gen-news failed"
	echo "$stamp" >"$dir/corpus.mb"
fi
cd "$dir" || exit 1
narts=$(wc -l <list)
bytes=$(xargs cat <list | wc -c)

# Bring the articles into the page cache, so that every stage starts warm.
xargs cat <list >/dev/null

row() {	# name wall cpu rss
	awk -v n="$1" -v w="$2" -v c="$3" -v r="$4" -v b="$bytes" -v a="$narts" 'BEGIN {
		printf "  %-18s %8.2f %8.2f %9.1f %10.0f %9.1f %8.1f\n", n, w, c,
		    (w > 0 ? b / 1e6 / w : 0), (w > 0 ? a / w : 0),
		    (c > 0 ? b / 1e6 / c : 0), r / 1024 }'
}
header() {
	printf '  %-18s %8s %8s %9s %10s %9s %8s\n' stage wall_s cpu_s MB/s \
	    articles/s MB/cpu_s rss_MB
}
# timed NAME IN OUT CMD...: run CMD <IN >OUT under time, print its row.
timed() {
	t_n=$1 t_in=$2 t_out=$3
	shift 3
	"$TIME" -o "time.$t_n" -f '%e %U %S %M' "$@" <"$t_in" >"$t_out" ||
	    die "$t_n exited non-zero: $(tail -3 "time.$t_n")"
	read -r t_w t_u t_s t_r <"time.$t_n"
	t_cpu=$(awk -v u="$t_u" -v s="$t_s" 'BEGIN { print u + s }')
	row "$t_n" "$t_w" "$t_cpu" "$t_r"
	echo "$t_n $t_w $t_cpu $t_r" >>serial.times
}

printf 'bench-e2e: %d articles, %.1f MB (%s), %d cores, %s\n' "$narts" \
    "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" "$dir/articles" "$jobs" \
    "$(date -u '+%Y-%m-%d %H:%M UTC')"
echo "stages: pack-docs $STAGES${MISSING:+ (not built yet, skipped: $MISSING)}"
echo
echo "serial, one stage at a time, each reading the previous stage's output file:"
header
: >serial.times
timed cat list cat.out xargs cat
timed pack-docs list raw.tsv pack-docs --from-list
in=raw.tsv
for s in $STAGES; do
	timed "$s" "$in" "$s.out" "$s"
	in=$s.out
done
final=$in
rm -f cat.out
awk -v b="$bytes" -v a="$narts" '$1 != "cat" { w += $2; c += $3 }
END {
	printf "  %-18s %8.2f %8.2f %9.1f %10.0f %9.1f\n", "all stages", w, c,
	    b / 1e6 / w, a / w, b / 1e6 / c
	printf "\nMB of articles per CPU-second, all stages: %.2f (target 2: %s)\n",
	    b / 1e6 / c, (b / 1e6 / c >= 2 ? "met" : "not met")
	# A single-threaded stage whose wall time is well over its CPU time
	# waited for a CPU (or the disk): other work shared the machine.
	if (w > 1.25 * c)
		printf "note: the serial stages took %.0f%% more wall time than CPU" \
		    " time: the machine was busy, so wall-clock figures (MB/s," \
		    " speed-up) overstate the cost; CPU figures hold\n", (w / c - 1) * 100
}' serial.times

# One pipeline under GNU parallel: pack-docs feeds raw records to one
# job per block, each job the filters piped, each filter under time.
{
	echo 'set -o pipefail'
	p=
	for s in $STAGES; do
		p="${p:+$p | }'$TIME' -a -o '$dir/par.$s' -f '%e %U %S %M' $s --records"
	done
	echo "${p:-cat}"
} >job.sh
rm -f par.*
echo
echo "pipeline under GNU parallel, -j $jobs --block 4M, one job = every filter piped:"
"$TIME" -o time.par -f '%e %U %S %M' sh -c "
    '$TIME' -o '$dir/par.pack-docs' -f '%e %U %S %M' pack-docs --from-list <list |
    parallel --pipe -k --block 4M -j $jobs --halt now,fail=1 'bash $dir/job.sh'" \
    >par.out || die "the parallel run failed: $(tail -3 time.par)"
cmp -s par.out "$final" || die "parallel output differs from the serial output"
rm -f par.out raw.tsv ./*.out
read -r pw pu ps pr <time.par
header
for s in pack-docs $STAGES; do
	awk -v n="$s" '{ c += $2 + $3; if ($4 > r) r = $4; k++ }
	    END { print n, c, r, k }' "par.$s"
done >par.sum
# A stage's wall time is its job's, shared with the other stages of the
# pipe: only CPU and memory are its own.
awk -v b="$bytes" '{
	printf "  %-18s %8s %8.2f %9s %10s %9.1f %8.1f\n", $1, "-", $2, "-", "-",
	    ($2 > 0 ? b / 1e6 / $2 : 0), $3 / 1024 }' par.sum
echo "  (cpu_s sums a stage's $(awk 'NR == 2 { print $4 }' par.sum) jobs; rss_MB is its largest job's)"
awk -v b="$bytes" -v a="$narts" -v w="$pw" -v cpu="$(awk -v u="$pu" -v s="$ps" 'BEGIN { print u + s }')" \
    -v st="$(awk '$1 != "cat" { w += $2 } END { print w }' serial.times)" '
{ c += $2 }
END {
	printf "  %-18s %8.2f %8.2f %9.1f %10.0f %9.1f\n", "whole run", w, cpu,
	    b / 1e6 / w, a / w, b / 1e6 / cpu
	printf "\nwall %.2f s against %.2f s serial: %.2fx; stages used %.2f CPU-s," \
	    " %.2f MB/CPU-s; output identical to the serial run\n",
	    w, st, st / w, c, b / 1e6 / c
}' par.sum
