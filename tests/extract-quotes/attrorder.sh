#!/bin/sh
# extract-quotes reads each sent record's line and role and each ent
# record's type and norm whatever order the pairs of ATTRS come in and
# whatever other keys stand among them: the order the tools write
# ("line=N|role=R", "type=T|norm=N") is read first, and any other gives the
# same quotes.  The norm is what names the speaker, so a norm that was not
# read would show.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "attrorder: $*"; exit 1; }
T=$(printf '\t')

cat >"$tmp/usual" <<END
-${T}doc${T}0${T}136${T}v=1${T}
-${T}sent${T}0${T}20${T}line=1|role=title${T}Harbour fees to rise
-${T}sent${T}21${T}89${T}line=2|role=${T}“The fees will rise in May,” said Tove Lind, the harbour master.
-${T}ent${T}59${T}68${T}type=PER|norm=Tove A. Lind${T}Tove Lind
-${T}sent${T}90${T}135${T}line=3|role=${T}Lind said the rise would pay for a new crane.
-${T}ent${T}90${T}94${T}type=PER|norm=Tove A. Lind${T}Lind
END
sed -e 's/line=\([0-9]*\)|role=\([a-z]*\)/role=\2|src=wire|line=\1/' \
    -e '4s/type=PER|norm=Tove A. Lind/norm=Tove A. Lind|type=PER/' \
    -e '6s/type=PER|norm=Tove A. Lind/type=PER|conf=high|norm=Tove A. Lind/' \
    "$tmp/usual" >"$tmp/other"
cmp -s "$tmp/usual" "$tmp/other" && fail "the edit changed nothing"
extract-quotes "$tmp/usual" | grep "${T}quote${T}" >"$tmp/a" || fail "usual: no quotes"
extract-quotes "$tmp/other" | grep "${T}quote${T}" >"$tmp/b" || fail "other: no quotes"
grep -q 'speaker=Tove A\. Lind' "$tmp/a" || fail "the norm was not read"
cmp -s "$tmp/a" "$tmp/b" || { diff "$tmp/a" "$tmp/b"; fail "the order of the pairs changed the quotes"; }
exit 0
