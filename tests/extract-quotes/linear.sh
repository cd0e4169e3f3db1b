#!/bin/sh
# Resolving speakers is linear in the mentions of a document: 32000
# person entities (16000 two-word names, 16000 lone surnames that match
# none of them) once took seconds to look each other up; now a fraction
# of one, far below the CPU limit set here.  The quote is still found.
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# w(k): three letters, a different word for each k below 26^3
words='
function w(k,  s, i) {
	s = ""
	for (i = 0; i < 3; i++) {
		s = s substr("abcdefghijklmnopqrstuvwxyz", k % 26 + 1, 1)
		k = int(k / 26)
	}
	return s
}
'
awk -v n=16000 "$words"'
BEGIN {
	q = "\"We are ready,\" Ana Ortiz said."
	o = length(q) + 1
	len = n * 20 - 1	# "Fxxx Lxxx and Sxxx." joined by spaces
	printf "x\tdoc\t0\t%d\t_\t\n", o + len
	printf "x\tpara\t0\t%d\tline=1|role=\t%s\n", length(q), q
	printf "x\tpara\t%d\t%d\tline=2|role=\t", o, o + len
	for (k = 0; k < n; k++)
		printf "%sF%s L%s and S%s.", k ? " " : "", w(k), w(k), w(k)
	printf "\n"
	for (k = 0; k < n; k++) {
		s = o + 20 * k
		printf "x\tent\t%d\t%d\ttype=PER|norm=\tF%s L%s\n", s, s + 9,
		    w(k), w(k)
		printf "x\tent\t%d\t%d\ttype=PER|norm=\tS%s\n", s + 14,
		    s + 18, w(k)
	}
}' >"$tmp/in"
(ulimit -t 3; extract-quotes "$tmp/in" >"$tmp/all") &&
    grep "	quote	" "$tmp/all" >"$tmp/out" ||
    { echo "linear: extract-quotes failed or ran out of time"; exit 1; }
printf 'x\tquote\t1\t14\tform=direct|speaker=Ana Ortiz|speaker_type=name|cue=said|part=1/1|speaker_start=16|speaker_end=25\tWe are ready,\n' >"$tmp/want"
cmp -s "$tmp/out" "$tmp/want" || { echo "linear: wrong quotes"; cat "$tmp/out"; exit 1; }

# A lone capitalised word opening a sentence is a speaker only if the
# story also writes it mid-sentence: that look-up once scanned every token
# per candidate (16000 of them here, seconds); only Zaaaq is one.  (The
# words end in q: a plural in -s before a cue speaks in any case, as in
# "Aides say".)
awk -v n=16000 "$words"'
BEGIN {
	len = n * 32 - 1 + 16	# "Zxxxq said that the plan is ok." joined by spaces
	printf "x\tdoc\t0\t%d\t_\t\n", len
	printf "x\tpara\t0\t%d\tline=1|role=\t", len
	for (k = 0; k < n; k++)
		printf "%sZ%sq said that the plan is ok.", k ? " " : "", w(k)
	printf " They met Zaaaq.\n"
	printf "x\tent\t%d\t%d\ttype=LOC\tZaaaq\n", len - 6, len - 1
}' >"$tmp/in2"
(ulimit -t 3; extract-quotes "$tmp/in2" >"$tmp/all2") &&
    awk -F'\t' '$2 == "quote" { print $3, $4, $5 }' "$tmp/all2" >"$tmp/out2" ||
    { echo "linear: extract-quotes failed or ran out of time (2)"; exit 1; }
echo "16 30 form=indirect|speaker=Zaaaq|speaker_type=name|cue=said|part=1/1|speaker_start=0|speaker_end=5" >"$tmp/want2"
cmp -s "$tmp/out2" "$tmp/want2" || { echo "linear: wrong quotes (2)"; cat "$tmp/out2"; exit 1; }

# Thousands of quoted words in one sentence: each quotation once looked
# for its cue, and counted the words around it, over the whole sentence
# (20000 of them took 20 s); the attribution is now looked for within a
# bounded reach.  The quotes found are those of the same sentence with
# 200 quoted words: the last few, near the cue, and the quotation it
# introduces.
words3() {
	awk -v n="$1" 'BEGIN {
		printf "It began when"
		for (k = 0; k < n; k++)
			printf " the \"word\" and"
		printf " so on, Ana Ortiz said \"We are ready.\"\n"
	}'
}
words3 200 | extract-quotes | awk -F'\t' '$2 == "quote" { print $6 }' >"$tmp/want3"
words3 20000 >"$tmp/in3"
(ulimit -t 3; extract-quotes "$tmp/in3" >"$tmp/all3") &&
    awk -F'\t' '$2 == "quote" { print $6 }' "$tmp/all3" >"$tmp/out3" ||
    { echo "linear: extract-quotes failed or ran out of time (3)"; exit 1; }
grep -q '^We are ready\.$' "$tmp/want3" && cmp -s "$tmp/out3" "$tmp/want3" ||
    { echo "linear: wrong quotes (3)"; cat "$tmp/out3"; exit 1; }
