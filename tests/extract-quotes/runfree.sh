#!/bin/sh
# qt_run() after qt_run_free() works (runfree.c): the same records as
# extract-quotes gives for a stream of several documents.
here=$(dirname "$0")
top=$here/../..
lib=${BIN:?}/../libnewsutils.a
command -v "${CC:-cc}" >/dev/null 2>&1 && [ -f "$lib" ] || exit 77
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# a sanitized library links with the same sanitizers: asked of its
# symbols, since a build directory's name (O=) says nothing for sure
san=
if command -v nm >/dev/null 2>&1; then
	nm "$lib" 2>/dev/null | grep -q __asan_ && san=address
	nm "$lib" 2>/dev/null | grep -q __ubsan_ && san=${san:+$san,}undefined
fi
[ -n "$san" ] && san="-fsanitize=$san"
libs=$(pkg-config --libs libutf8proc yaml-0.1 2>/dev/null || echo -lutf8proc -lyaml)
${CC:-cc} -std=c11 -D_GNU_SOURCE $san -I"$top/common" -o "$tmp/runfree" \
    "$here/runfree.c" "$lib" $libs -lm || exit 1
# two documents of paragraph records, offsets counted by awk
awk 'BEGIN { FS = "|" }
	$1 != doc { if (doc != "") flush(); doc = $1; n = 0; off = 0 }
	{ s[++n] = $2; st[n] = off; off += length($2) + 1 }
	END { flush() }
	function flush(  i) {
		printf "%s\tdoc\t0\t%d\t_\t\n", doc, off - 1
		for (i = 1; i <= n; i++)
			printf "%s\tpara\t%d\t%d\tline=%d|role=\t%s\n", doc,
			    st[i], st[i] + length(s[i]), i, s[i]
	}' >"$tmp/in" <<'END'
a|"We will win," Mayor Ana Ortiz said.
a|"It is a start," she told them.
b|Officials said the plan would cost more, "far more," a clerk said.
END
"$tmp/runfree" "$tmp/in" >"$tmp/got" || { echo "runfree: failed"; exit 1; }
extract-quotes "$tmp/in" >"$tmp/want" || exit 1
cmp -s "$tmp/got" "$tmp/want" || { echo "runfree: output differs"; diff "$tmp/want" "$tmp/got"; exit 1; }
