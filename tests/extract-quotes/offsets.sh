#!/bin/sh
# Text is laid out by the text records hold, not by the offsets they
# claim: a doc record claiming a terabyte, or paragraphs a terabyte apart,
# cost their bytes (run here under a 1 GB address-space limit).  Records
# pass through, status 0, and quotes keep the stream's offsets.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "offsets: $*"; exit 1; }
T=$(printf '\t')
far=999999999900
# the limit, except for a sanitized build (its shadow memory needs far
# more address space; its allocator fails a terabyte request itself)
lim=1000000
nm "${BIN:?}/../libnewsutils.a" 2>/dev/null | grep -q __asan_ && lim=unlimited

printf 'h\tdoc\t0\t999999999999\tv=1\t\nh\tpara\t999999999990\t999999999995\tline=1|role=\tHello\n' >"$tmp/in1"
(ulimit -v $lim; extract-quotes "$tmp/in1" >"$tmp/out1") || fail "claimed END: failed"
cmp -s "$tmp/in1" "$tmp/out1" || fail "claimed END: records changed"

a='"We will win," Mayor Ana Ortiz said.'
b='"It is a start," Ana Ortiz said.'
{
	printf 'h\tdoc\t0\t999999999999\tv=1\t\n'
	printf 'h\tpara\t5\t%d\tline=1|role=\t%s\n' $((5 + ${#a})) "$a"
	printf 'h\tent\t26\t35\ttype=PER\tAna Ortiz\n'
	printf 'h\tpara\t%s\t%s\tline=2|role=\t%s\n' $far $((far + ${#b})) "$b"
} >"$tmp/in2"
(ulimit -v $lim; extract-quotes "$tmp/in2" >"$tmp/out2") || fail "far apart: failed"
{
	sed -n 1,3p "$tmp/in2"
	echo "h${T}quote${T}6${T}18${T}form=direct|speaker=Ana Ortiz|speaker_type=name|cue=said|part=1/1|speaker_start=26|speaker_end=35${T}We will win,"
	sed -n 4p "$tmp/in2"
	echo "h${T}quote${T}999999999901${T}999999999915${T}form=direct|speaker=Ana Ortiz|speaker_type=name|cue=said|part=1/1|speaker_start=999999999917|speaker_end=999999999926${T}It is a start,"
} >"$tmp/want2"
cmp -s "$tmp/out2" "$tmp/want2" || { diff "$tmp/want2" "$tmp/out2"; fail "far apart: wrong records"; }
exit 0
