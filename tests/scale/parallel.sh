#!/bin/sh
# The GNU parallel recipes of README.md and newsutils(7), run as written
# (with small blocks, so that a few dozen articles make many jobs), must
# give the serial pipeline's output byte for byte:
#   1. raw records (pack-docs), cut at line ends:  parallel --pipe -k
#   2. the same, a fixed number of records a job:  parallel --pipe -k -N
#   3. a record stream, cut before doc records:    parallel --pipe -k
#      --regexp --recstart '[^\t\n]*\tdoc\t'
#   4. raw records from a file, read in place:     parallel --pipepart -k
# and a stage that fails must fail the run: the job is
#   bash -o pipefail -c 'STAGE --records | STAGE --records ...'
# so that a failing stage anywhere in the pipe fails the job, and
# --halt now,fail=1 makes parallel stop and exit non-zero.  The same job
# string is the Hadoop Streaming mapper and the Spark pipe() command of the
# README; chunks.sh checks the property those recipes rest on.

here=$(cd "$(dirname "$0")" && pwd)
: "${BIN:?set BIN to the directory of the built tools}"
. "$here/stages.inc"
PATH="$BIN${TESTBIN:+:$TESTBIN}:$PATH"
export PATH
command -v parallel >/dev/null || { echo "skip: GNU parallel not installed"; exit 77; }
command -v bash >/dev/null || { echo "skip: no bash for pipefail"; exit 77; }
[ -x "$BIN/pack-docs" ] || { echo "skip: pack-docs not built"; exit 77; }
[ -n "$STAGES" ] || { echo "skip: no filter built"; exit 77; }
echo "stages: $STAGES${MISSING:+ (not built yet, skipped: $MISSING)}"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { printf "FAIL: %s\n" "$*"; exit 1; }
# parallel keeps its temporary files and state out of the user's way.
TMPDIR=$tmp HOME=$tmp
export TMPDIR HOME
limit=${NU_SCALE_TIMEOUT:-300}	# a hang guard, not a speed test

cd "$tmp" || exit 2
mkdir a
LC_ALL=C awk -v seed=11 -v n=40 -v hostile=1 -v dir=a \
    -f "$here/../bench/gen-news.awk" >list || fail "gen-news"
# A name that, unescaped, would look like a doc record's first columns.
odd=$(printf 'a/x\tdoc\t0.txt')
cp a/000002.txt "$odd" && printf '%s\n' "$odd" >>list || fail "setup"
pack-docs --from-list <list >articles.tsv || fail "pack-docs exited $?"

# The serial run as a user types it, and the stream after its first stage.
# The jobs run each stage with --records, as a distributed job must
# (stages.inc says why).
set -- $STAGES
first=$1
shift
[ $# -gt 0 ] || set -- nu-cat		# one stage so far: the library reads on
timeout "$limit" "$first" <articles.tsv >first.tsv || fail "$first exited $?"
timeout "$limit" bash -o pipefail -c "$(echo "$*" | sed 's/ / | /g')" \
    <first.tsv >serial.tsv || fail "serial run exited $?"
first="$first --records"
rest=$(echo "$*" | sed 's/ / --records | /g; s/$/ --records/')
[ -s serial.tsv ] || fail "serial run wrote nothing"

same() {	# what
	cmp -s out.tsv serial.tsv || fail "$1 differs from the serial run:
$(diff serial.tsv out.tsv | head -10)"
}
njobs() {	# at least this many jobs ran (the joblog has a header line)
	n=$(($(grep -c . joblog) - 1))
	[ "$n" -ge "$1" ] || fail "only $n jobs ran; the test needs $1 or more"
}

# 1. Raw records, line splits.
timeout "$limit" parallel --pipe -k --recend '\n' --block 4k -j 4 --halt now,fail=1 --joblog joblog \
    "bash -o pipefail -c '$first | $rest'" <articles.tsv >out.tsv ||
    fail "recipe 1 exited $?"
same "parallel --pipe on raw records"
njobs 8

# 2. A fixed number of raw records (documents) per job.
timeout "$limit" parallel --pipe -k -N 3 -j 4 --halt now,fail=1 --joblog joblog \
    "bash -o pipefail -c '$first | $rest'" <articles.tsv >out.tsv ||
    fail "recipe 2 exited $?"
same "parallel --pipe -N 3 on raw records"
njobs 10

# 3. A record stream, cut only before doc records.
timeout "$limit" parallel --pipe -k --regexp --recstart '[^\t\n]*\tdoc\t' --recend '\n' \
    --block 4k -j 4 --halt now,fail=1 --joblog joblog \
    "bash -o pipefail -c '$rest'" <first.tsv >out.tsv ||
    fail "recipe 3 exited $?"
same "parallel --pipe --recstart on a doc-record stream"
njobs 8
# Every job's input began with a doc record: cut at document boundaries.
timeout "$limit" parallel --pipe -k --regexp --recstart '[^\t\n]*\tdoc\t' --recend '\n' \
    --block 4k -j 4 'head -n 1 | cut -f 2' <first.tsv | sort -u >kinds
[ "$(cat kinds)" = doc ] || fail "a recstart job began with a $(grep -v doc kinds | head -1) record"

# 4. --pipepart: parallel reads the file itself, fastest for big files.
timeout "$limit" parallel --pipepart -a articles.tsv -k --block 4k -j 4 --halt now,fail=1 \
    --joblog joblog "bash -o pipefail -c '$first | $rest'" >out.tsv ||
    fail "recipe 4 exited $?"
same "parallel --pipepart on raw records"
njobs 8

# A failing stage fails the run, wherever it is in the pipe.
timeout "$limit" parallel --pipe -k --block 4k -j 4 --halt now,fail=1 \
    "bash -o pipefail -c '$first --no-such-option | $rest'" \
    <articles.tsv >out.tsv 2>err.txt &&
    fail "a failing first stage went unnoticed"
grep -q -e '--no-such-option' err.txt ||
    fail "the failing stage's message was lost: $(head -3 err.txt)"
exit 0
