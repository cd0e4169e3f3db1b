#!/bin/sh
# The Hadoop Streaming mapper script of the README (nu-job.sh), taken from
# the README itself, run the way a map-only job runs it: once per input
# split (here `split -l`, whole lines, one piece empty), in a directory
# holding the tools as nu/, with a bare environment.  The concatenated
# outputs must be the serial output, and a failing stage must fail the
# script.  This is not Hadoop: it checks the script, and chunks.sh the
# property the job rests on.

here=$(cd "$(dirname "$0")" && pwd)
: "${BIN:?set BIN to the directory of the built tools}"
command -v bash >/dev/null || { echo "skip: no bash"; exit 77; }
for t in pack-docs strip-boilerplate split-sentences tag-entities extract-quotes; do
	[ -x "$BIN/$t" ] || { echo "skip: $t not built yet"; exit 77; }
done

tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
fail() { printf "FAIL: %s\n" "$*"; exit 1; }
limit=${NU_SCALE_TIMEOUT:-60}	# a hang guard, not a speed test

readme=$here/../../README.md
cd "$tmp" || exit 2
awk '/^    cat > nu-job.sh <<.EOF.$/ { on = 1; next }
    on && /^    EOF$/ { exit }
    on { sub(/^    /, ""); print }' "$readme" >nu-job.sh
grep -q 'extract-quotes' nu-job.sh || fail "no nu-job.sh in $readme"

mkdir a nu
LC_ALL=C awk -v seed=12 -v n=30 -v hostile=1 -v dir=a \
    -f "$here/../bench/gen-news.awk" >list || fail "gen-news"
"$BIN/pack-docs" --from-list <list >articles.tsv || fail "pack-docs exited $?"
PATH="$BIN:$PATH" timeout "$limit" sh -c 'strip-boilerplate articles.tsv |
    split-sentences | tag-entities | extract-quotes' >serial.tsv ||
    fail "serial run exited $?"
for t in strip-boilerplate split-sentences tag-entities extract-quotes; do
	cp "$BIN/$t" nu/ || fail "setup"
done

split -l 4 articles.tsv piece. && : >piece.zz || fail "setup"
for p in piece.*; do
	env -i PATH=/usr/bin:/bin timeout "$limit" bash nu-job.sh <"$p" ||
	    fail "nu-job.sh on $p exited $?"
done >out.tsv
cmp -s out.tsv serial.tsv || fail "mapper outputs differ from the serial run:
$(diff serial.tsv out.tsv | head -10)"

# A stage that fails fails the mapper, so Hadoop fails the task.
printf '#!/bin/sh\nexit 3\n' >nu/tag-entities
chmod +x nu/tag-entities
env -i PATH=/usr/bin:/bin bash nu-job.sh <piece.aa >/dev/null 2>&1 &&
    fail "a failing stage did not fail nu-job.sh"
exit 0
