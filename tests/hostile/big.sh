#!/bin/sh
# Size: a 50 MB single line and a 200 MB stream of tiny documents as raw
# records, both times HOSTILE_SCALE percent (1 by default, 100 in make
# bench, which also times them and shows memory).  Every tool must finish,
# with status 0, and keep the invariants: the long line is one paragraph
# (or sentences covering it), and each tiny document comes out as its doc
# record and one para per non-blank line, in order.
. "$(dirname "$0")/common.inc"
gen=$(cd "$(dirname "$0")" && pwd)/gen.awk

LC_ALL=C
export LC_ALL
cd "$t" || exit 2

linebytes=$((50 * 1048576 * HOSTILE_SCALE / 100))
streambytes=$((200 * 1048576 * HOSTILE_SCALE / 100))

awk -v what=line -v n="$linebytes" -f "$gen" >line.txt
awk -v what=tiny -v n="$streambytes" -v count=ndocs -f "$gen" >tiny.tsv
ndocs=$(cat ndocs)

for tool in $(tools); do
	n=line-$tool
	run_tool "$n" "$tool" $(tool_args "$tool") line.txt
	expect_status "$n" 0
	expect_quiet "$n"
	check_out "$n" "$(cover_args "$tool")" line.txt

	n=tiny-$tool
	run_tool "$n" "$tool" $(tool_args "$tool") tiny.tsv
	expect_status "$n" 0
	expect_quiet "$n"
	check_out "$n" "$(cover_args "$tool") -r tiny.tsv"
	got=$(awk -F'\t' '$2 == "doc"' "$t/$n.out" | wc -l)
	[ "$got" -eq "$ndocs" ] || fail "$n: $got doc records for $ndocs documents"
done
finish
