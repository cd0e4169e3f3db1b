#!/bin/sh
# Run the data-driven tests (tests/*/*.test) and shell tests (tests/*/*.sh)
# under the C locale and a UTF-8 one.  Prints one line per failure and a
# closing "N passed, N failed, N skipped" line; exits 1 if any failed.
#
#   BIN=build/bin TESTBIN=build/tests/bin SHARED=../shared sh tests/run.sh tests
#
# .test format (one or more cases per file; a marker, then one space):
#   ### title          starts a case
#   $ command          run by sh, with $BIN and $TESTBIN first on PATH
#   < input line       appended with LF; a bare "<" is an empty line
#   % noeol            the input's last line has no LF
#   > stdout line      stdout must match exactly; a bare ">" is an empty line
#   ! stderr line      stderr is compared only when a case has "!" lines
#   ? N                expected exit status (default 0)
# A .sh test exits 0 to pass, 77 to skip, anything else to fail.

top=${1:-tests}
: "${BIN:?set BIN to the directory of the built tools}"
PATH="$BIN${TESTBIN:+:$TESTBIN}:$PATH"
SHARED=${SHARED:-../shared}
export PATH SHARED BIN TESTBIN

utf8=$(locale -a 2>/dev/null | grep -i -m1 -E '^(C|en_US)\.utf-?8$')
locales="C${utf8:+ $utf8}"

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
pass=0 fail=0 skip=0

# Split every .test file into numbered case files under $tmp/cases.
mkdir "$tmp/cases"
for f in $(find "$top" -name '*.test' | sort); do
	awk -v dir="$tmp/cases" -v file="$f" '
	function flush() {
		if (n == 0) return
		printf "%s", cmd > (dir "/" n ".cmd")
		printf "%s:%d: %s\n", file, line0, title > (dir "/" n ".title")
		printf "%s", inp (inp != "" && !noeol ? "\n" : "") > (dir "/" n ".in")
		printf "%s", outp > (dir "/" n ".out")
		if (haserr) printf "%s", errp > (dir "/" n ".err")
		printf "%s\n", st > (dir "/" n ".status")
		close(dir "/" n ".cmd"); close(dir "/" n ".title")
		close(dir "/" n ".in"); close(dir "/" n ".out")
		close(dir "/" n ".err"); close(dir "/" n ".status")
	}
	function body(s) { return length(s) > 1 ? substr(s, 3) : "" }
	BEGIN { n = 0; if ((getline base < (dir "/count")) <= 0) base = 0; close(dir "/count") ; n0 = base }
	/^###/ { flush(); n = ++base; title = substr($0, 5); line0 = NR
		cmd = ""; inp = ""; outp = ""; errp = ""; haserr = 0; st = 0; noeol = 0; first = 1; next }
	n == 0 { next }
	/^\$ / { cmd = body($0); next }
	/^<( |$)/ { inp = (first ? "" : inp "\n") body($0); first = 0; next }
	/^>( |$)/ { outp = outp body($0) "\n"; next }
	/^!( |$)/ { errp = errp body($0) "\n"; haserr = 1; next }
	/^\? / { st = body($0) + 0; next }
	/^% noeol/ { noeol = 1; next }
	/^#/ || /^$/ { next }
	{ printf "%s:%d: unknown line\n", file, NR > "/dev/stderr"; bad = 1 }
	END { flush(); print base > (dir "/count"); exit bad }
	' "$f" || fail=$((fail + 1))
done

# invariants IN OUT: when OUT is a record stream, nu-check (tests/lib)
# holds it to newsutils(7): columns, keys in order, offsets, and TEXT equal
# to the source bytes where the source is the case's raw input.
invariants() {
	command -v nu-check >/dev/null || return 0
	[ -s "$2" ] && LC_ALL=C awk -F'\t' 'NF != 6 || $2 !~ /^[a-z][a-z0-9_]*$/ ||
	    $3 !~ /^[0-9]+$/ || $4 !~ /^[0-9]+$/ { bad = 1; exit } END { exit bad }' \
	    "$2" || return 0
	if LC_ALL=C awk -F'\t' 'NR == 1 { exit !(NF == 6 && $2 == "raw") }' "$1"; then
		nu-check -u -r "$1" "$2" >"$tmp/inv" 2>&1
	elif LC_ALL=C awk -F'\t' 'NR == 1 { exit !(NF == 6 && $2 == "doc") }' "$1" ||
	    [ ! -s "$1" ]; then
		nu-check -u "$2" >"$tmp/inv" 2>&1
	else
		nu-check -u -- "$2" "-=$1" >"$tmp/inv" 2>&1
	fi
}

n=$(cat "$tmp/cases/count" 2>/dev/null || echo 0)
i=1
while [ "$i" -le "$n" ]; do
	c="$tmp/cases/$i"
	for loc in $locales; do
		LC_ALL=$loc sh -c "$(cat "$c.cmd")" <"$c.in" >"$tmp/out" 2>"$tmp/err"
		got=$?
		want=$(cat "$c.status")
		why=""
		if [ "$got" != "$want" ]; then
			why="status $got, expected $want"
		elif [ "$got" = 0 ] && ! invariants "$c.in" "$tmp/out"; then
			why="output breaks the format's invariants:
$(cat "$tmp/inv")"
		elif ! cmp -s "$tmp/out" "$c.out"; then
			why="stdout differs:
$(diff "$c.out" "$tmp/out" | head -20)"
		elif [ -f "$c.err" ] && ! cmp -s "$tmp/err" "$c.err"; then
			why="stderr differs:
$(diff "$c.err" "$tmp/err" | head -10)"
		fi
		if [ -n "$why" ]; then
			fail=$((fail + 1))
			printf 'FAIL %s  [LC_ALL=%s] %s\n' "$(cat "$c.title")" "$loc" "$why"
			[ -s "$tmp/err" ] && sed 's/^/  stderr: /' "$tmp/err" | head -5
		else
			pass=$((pass + 1))
		fi
	done
	i=$((i + 1))
done

for t in $(find "$top" -name '*.sh' ! -path '*/bench/*' ! -path '*/eval/*' \
    ! -path '*/unit/*' ! -path '*/fuzz/*' ! -name run.sh | sort); do
	for loc in $locales; do
		LC_ALL=$loc sh "$t" >"$tmp/out" 2>&1
		case $? in
		0) pass=$((pass + 1)) ;;
		77) skip=$((skip + 1)) ;;
		*) fail=$((fail + 1))
		   printf 'FAIL %s [LC_ALL=%s]\n' "$t" "$loc"
		   sed 's/^/  /' "$tmp/out" | tail -15 ;;
		esac
	done
done

echo "data: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
