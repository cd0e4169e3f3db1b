#!/bin/sh
# A record stream's text is laid out at its offsets: what no text record
# holds reads as a line break, and where records overlap the later one in
# the stream is the text (a stream may not keep to the order of offsets).
# Here the sentences come out of order, a later record writes "FEES" over
# "fees" inside a quotation, and a gap of 65 bytes lies before the last.
# Only what the marks decide is compared: where each quotation lies, and
# its TEXT.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "layout: $*"; exit 1; }
T=$(printf '\t')

cat >"$tmp/in" <<END
-${T}doc${T}0${T}300${T}v=1${T}
-${T}sent${T}90${T}135${T}line=3|role=${T}Lind said the rise would pay for a new crane.
-${T}sent${T}21${T}89${T}line=2|role=${T}“The fees will rise in May,” said Tove Lind, the harbour master.
-${T}sent${T}0${T}20${T}line=1|role=title${T}Harbour fees to rise
-${T}sent${T}28${T}32${T}line=2|role=${T}FEES
-${T}sent${T}200${T}233${T}line=9|role=${T}“We sail at dawn,” said Lind.
-${T}ent${T}59${T}68${T}type=PER|norm=Tove Lind${T}Tove Lind
END
cat >"$tmp/want" <<END
quote${T}24${T}50${T}The FEES will rise in May,
quote${T}203${T}219${T}We sail at dawn,
END
extract-quotes "$tmp/in" >"$tmp/out" || fail "extract-quotes failed"
awk -F'\t' -v OFS='\t' '$2 == "quote" && $5 ~ /form=direct/ { print $2, $3, $4, $6 }' \
    "$tmp/out" >"$tmp/got"
cmp -s "$tmp/got" "$tmp/want" || { diff "$tmp/want" "$tmp/got"; fail "quotes differ"; }
exit 0
