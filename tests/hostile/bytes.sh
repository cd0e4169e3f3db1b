#!/bin/sh
# Hostile bytes in raw text, through every tool: invalid UTF-8 (overlong
# forms, surrogates, truncated sequences, stray bytes), NUL bytes, byte-order
# marks, CRLF and lone CR, binary garbage, empty and blank files, a first
# line that looks like a record, and JSON Lines (refused).  Each run must
# end with status 0 and a quiet stderr (1 and a message for JSON), and its
# output must keep the invariants: every non-blank line one para (or drop),
# or every non-blank byte in one sentence, TEXT the source bytes with '?'
# for the bytes that need it.
. "$(dirname "$0")/common.inc"

LC_ALL=C
export LC_ALL
cd "$t" || exit 2

# invalid UTF-8, between words and quotes so the tools' scanners meet it
printf 'Overlong \300\257 slash and \340\200\257 and \360\200\200\257 here. Mr. Lee said so.\n' >utf8.txt
printf 'Surrogates \355\240\200 and \355\277\277, a CESU pair \355\240\275\355\270\200. “Fine,\355\240\200” she said.\n' >>utf8.txt
printf 'Stray \200\277 continuation, \377\376 and \370\210\200\200\200 five-byte, \364\220\200\200 past U+10FFFF.\n' >>utf8.txt
printf '\300\301\365\366\367\370\371\372\373\374\375\376\377\n' >>utf8.txt
printf '  \302\240 \342\200\250 \t\n' >>utf8.txt
printf 'U.S.\342\200 officials met Dr.\303 Smith in \342\200\234Paris\342\200\n' >>utf8.txt
printf 'Truncated at the end of the file \360\237\230' >>utf8.txt

printf 'NUL\000inside a word. And \000 between words.\n\000\000\000\n\000Leading NUL, Mr.\000 Jones said.\n' >nul.txt

printf '\357\273\277The first line after a BOM.\r\n\357\273\277A BOM that is not at the start.\r\n' >bom.txt
printf '\357\273\277' >bom-only.txt
printf '\357\273\277\n\n  x\n' >bom-blank.txt

printf 'Windows line one.\r\nWindows line two.\r\n\r\nA lone\rCR inside. Another.\r\n\r\r\nTwo CRs before LF.\r\r\nLast without LF\r' >crlf.txt
printf '\r' >cr-only.txt
printf '\r\r\r\n\r\n' >cr-blank.txt

# binary garbage: the same pseudo-random bytes on every run
awk 'BEGIN { srand(42); for (i = 0; i < 65536; i++) printf "%c", int(rand() * 256) }' >garbage.bin
# and garbage with many LFs, so most lines are short
awk 'BEGIN { srand(7); for (i = 0; i < 65536; i++) { c = int(rand() * 64); printf "%c", c < 8 ? 10 : int(rand() * 256) } }' >garbage-lines.bin

: >empty.txt
printf '\n\n\n' >newlines.txt
printf ' \t \n\302\240\n\342\200\203\342\200\250\n' >blank.txt

# raw text whose first line is a valid record, but not doc or raw; and one
# whose first line is a doc record gone wrong: both are raw documents
printf 'a\tpara\t0\t1\t_\tx\nThe rest is prose.\n' >lookalike.txt
printf 'n\tdoc\t0\tabc\tv=1\t\nMore prose, Mr. Smith.\n' >lookalike2.txt

for f in utf8.txt nul.txt bom.txt bom-only.txt bom-blank.txt crlf.txt \
    cr-only.txt cr-blank.txt garbage.bin garbage-lines.bin empty.txt \
    newlines.txt blank.txt lookalike.txt lookalike2.txt; do
	raw_case "$f"
done

# standard input: DOC is "-"
for tool in $(tools); do
	cp utf8.txt stdin
	run_tool "stdin-$tool" "$tool" $(tool_args "$tool")
	expect_status "stdin-$tool" 0
	check_out "stdin-$tool" "$(cover_args "$tool")" -=utf8.txt
	rm stdin
done

# an empty input is one doc record with END 0, and nothing else
for tool in $(tools); do
	run_tool "empty2-$tool" "$tool" empty.txt
	printf 'empty.txt\tdoc\t0\t0\tv=1\t\n' >want
	cmp -s want "$t/empty2-$tool.out" ||
		fail "$tool: empty file: $(head -c 200 "$t/empty2-$tool.out")"
done

# --raw reads a record-looking first line as text
printf 'x\tdoc\t0\t5\tv=1\t\nx\tpara\t0\t5\t_\thello\n' >forced.txt
for tool in $(tools); do
	run_tool "forced-$tool" "$tool" $(tool_args "$tool") --raw forced.txt
	expect_status "forced-$tool" 0
	check_out "forced-$tool" "$(cover_args "$tool")" forced.txt
done

# JSON Lines are refused with a message naming --json as output only
printf '{"doc":"-","kind":"doc","start":0,"end":0}\n' >lines.jsonl
for tool in $(tools); do
	run_tool "json-$tool" "$tool" lines.jsonl
	expect_status "json-$tool" 1
	expect_err "json-$tool" "lines.jsonl.*json"
done
finish
