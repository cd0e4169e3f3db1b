#!/bin/sh
# Size: a 50 MB single line and a 200 MB stream of tiny documents as raw
# records, both times HOSTILE_SCALE percent (1 by default, 100 in make
# bench, which also times them and shows memory).  Every tool must finish,
# with status 0, and keep the invariants: the long line is one paragraph
# (or sentences covering it), and each tiny document comes out as its doc
# record and one para per non-blank line, in order.
. "$(dirname "$0")/common.inc"

LC_ALL=C
export LC_ALL
cd "$t" || exit 2

linebytes=$((50 * 1048576 * HOSTILE_SCALE / 100))
streambytes=$((200 * 1048576 * HOSTILE_SCALE / 100))

# one line of news prose with abbreviations, quotes, numbers, no LF inside
awk -v n="$linebytes" 'BEGIN {
	s[0] = "The council met on Tuesday in Portland, Maine. "
	s[1] = "Mr. Lee said the U.S. plan would cost $14.5 million by Sept. 2027. "
	s[2] = "\342\200\234We will not wait,\342\200\235 said Sen. Ann Kline of the E.U. delegation. "
	s[3] = "Shares of Acme Corp. rose 2.1% to $38.40 at 3 p.m. on Jan. 3... "
	s[4] = "Critics, led by Dr. J.R. Smith, called it \342\200\234a half-built pier.\342\200\235 "
	while (len < n) { x = s[i++ % 5]; printf "%s", x; len += length(x) }
}' >line.txt

# tiny documents, one raw record each; every fifth has two lines
awk -v n="$streambytes" 'BEGIN {
	while (len < n) {
		i++
		t = (i % 5 == 0) ? "Title " i "\\nMr. Lee said \342\200\234yes.\342\200\235" : "Item " i " rose 2%."
		u = t; gsub(/\\n/, "\n", u)
		l = sprintf("doc%d\traw\t0\t%d\t_\t%s\n", i, length(u), t)
		printf "%s", l
		len += length(l)
	}
	print i > "ndocs"
}' >tiny.tsv
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
