#!/bin/sh
# The seed article of records.md, worked example: a doc record, line 1 the
# title, lines 2-14 kept (line 4 starting at "Speaking", after {mosads}),
# line 15 dropped as copyright.  Needs ../shared; skips without it.
seed=${SHARED:-../shared}/samples/seed.txt
[ -r "$seed" ] || exit 77
out=$(strip-boilerplate -k "$seed") || exit 1
fail() { echo "seed: $*" >&2; exit 1; }
[ "$(printf '%s\n' "$out" | cut -f2 | head -1)" = doc ] || fail "no doc record first"
printf '%s\n' "$out" | awk -F'\t' -v seed="$seed" '
	$2 == "para" || $2 == "drop" { split($5, a, "|"); kind[a[1]] = $2 "|" a[2]; start[a[1]] = $3 }
	END {
		bad = 0
		if (kind["line=1"] != "para|role=title") { print "line 1: " kind["line=1"]; bad = 1 }
		for (i = 2; i <= 14; i++)
			if (kind["line=" i] != "para|role=") { print "line " i ": " kind["line=" i]; bad = 1 }
		if (kind["line=15"] != "drop|why=copyright") { print "line 15: " kind["line=15"]; bad = 1 }
		exit bad
	}' >&2 || fail "kinds, roles or reasons differ from records.md"
# line 4 starts at "Speaking": its TEXT is the source bytes at its offsets
line4=$(printf '%s\n' "$out" | awk -F'\t' '$5 ~ /^line=4\|/')
start=$(printf '%s\n' "$line4" | cut -f3)
end=$(printf '%s\n' "$line4" | cut -f4)
text=$(printf '%s\n' "$line4" | cut -f6)
case $text in Speaking*) ;; *) fail "line 4 does not start at Speaking" ;; esac
src=$(dd if="$seed" bs=1 skip="$start" count=$((end - start)) 2>/dev/null)
[ "$src" = "$text" ] || fail "line 4's TEXT is not the source bytes at $start..$end"
# without -k the copyright footer is gone and nothing else is
[ "$(strip-boilerplate "$seed" | grep -c '	para	')" = 14 ] || fail "not 14 para records"
exit 0
