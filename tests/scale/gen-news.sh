#!/bin/sh
# The article generator (tests/bench/gen-news.awk) that the scale tests and
# bench-e2e rest on is deterministic: the same seed gives the same bytes,
# another seed other articles, and bytes= stops within one article of the
# size asked for.  Benchmark runs compare only if their corpora are equal.

here=$(cd "$(dirname "$0")" && pwd)
gen=$here/../bench/gen-news.awk
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { printf "FAIL: %s\n" "$*"; exit 1; }

cd "$tmp" || exit 2
for d in a b c; do mkdir $d; done
LC_ALL=C awk -v seed=3 -v n=30 -v hostile=1 -v dir=a -f "$gen" >la || fail "gen-news"
LC_ALL=C awk -v seed=3 -v n=30 -v hostile=1 -v dir=b -f "$gen" >lb || fail "gen-news"
LC_ALL=C awk -v seed=4 -v n=30 -v hostile=1 -v dir=c -f "$gen" >lc || fail "gen-news"
[ "$(wc -l <la)" -eq 30 ] && [ -f a/000030.txt ] || fail "not 30 articles"
(cd a && cat *) >sa; (cd b && cat *) >sb; (cd c && cat *) >sc
cmp -s sa sb || fail "the same seed gave other articles"
cmp -s sa sc && fail "another seed gave the same articles"

mkdir d
LC_ALL=C awk -v seed=1 -v bytes=200000 -v dir=d -f "$gen" >ld || fail "gen-news"
total=$(xargs cat <ld | wc -c)
last=$(wc -c <"$(tail -n 1 ld)")
[ "$total" -ge 200000 ] && [ $((total - last)) -lt 200000 ] ||
    fail "bytes=200000 gave $total bytes"

# What the articles are for: headlines, quotes, abbreviations, footers.
for pat in '“' '” ' 'U.S.' 'Dr.' 'p.m.' 'all rights reserved' 'advertisement' \
    'said' 'according to'; do
	grep -qiF -e "$pat" sa || fail "no $pat in 30 articles"
done
exit 0
